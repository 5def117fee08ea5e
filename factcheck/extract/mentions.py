"""The mention scanner: text → typed Mentions.

Order matters, and is the design:
1. non-amounts first — dates, phone numbers, tickers, identifiers (model names, hull and contract
   numbers) — so no digit inside "F-35", "Block 70" or "Sept. 29, 2025" is ever read as an amount;
2. every remaining numeral (digits or words), with what stands around it: hedge and currency before;
   scale word, percent sign, currency name, unit or counted noun after;
3. bare numerals typed from context: a year, or the count/currency of the figures they are paired
   with ("from 86 to 133 units", "from 2.732 billion lira to 5.303 billion").
"""

from __future__ import annotations

import dataclasses
import math
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .. import workcount
from ..document.segment import sentences
from ..model import Mention
from . import fastregex as regex
from .lazy import LazyPattern, rx  # LazyPattern: patterns only some documents reach
from .lexicon import MONTHS, NOT_DESIGNATORS, NOUN_AFTER_SET, STOP_WORDS, Lexicon, lexicon, singular
from .numbers import DIGITS_RE, detect_locale, parse_digits, read_digits, split_numeral
from .words import grammar, read_cardinals, value_of_fraction, value_of_ordinal
from .wordstarts import WordStarts, firsts_of, matches_at, scan, word_starts

_MON = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"  # noqa: E501
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
# (pattern name, grammar id, lexicon id) -> (grammar, lexicon, the words its matches start with or None)
_SCAN_FIRSTS: dict[tuple[str, int, int], tuple[Any, Any, frozenset[str] | None]] = {}

DATE_RES = [
    # periods: "the first nine months of the previous year", "first half of 2024", "9M 2025", "H1", "Q3 2024"
    # ("first-half decline", "second-quarter orders": hyphenated as an adjective too)
    rx(r"\b(?:first|second|third|fourth|last|final)[\s-]+(?:(?:nine|six|three|four|eight|ten|eleven|two)[\s-]+months?"
                  r"|half|quarter)(?:\s+of\s+(?:the\s+(?:previous|current|last|same|next|prior|fiscal)\s+year|this\s+year"
                  r"|last\s+year|next\s+year|the\s+year|(?:fiscal\s+|FY\s?)?" + _YEAR + r"))?", regex.I),
    # "the half year", "half-year sales": a period, while "half a year" is a duration
    rx(r"\bhalf-year\b|(?<=\b(?:the|this|that|each|per|every|same|previous|prior|current|last)\s)half\s+year\b",
       regex.I),
    rx(r"(?<![\d.,])\b(?:[1-9]M|Q[1-4]|H[12]|FY|CY|1H|2H|[1-4]Q)\s?'?(?:" + _YEAR + r"|\d\d)(?:[-–/]\d\d(?:\d\d)?)?\b"),
    rx(r"(?<![\d.,])\b(?:Q[1-4]|H[12]|[1-9]M)\b(?![-\w])"),
    # ("fiscal year 2023–24", "fiscal 2021-22": a range of two years as "2022–23" is)
    rx(r"\b(?:fiscal|financial|calendar|budget|model)\s+(?:years?\s+)?" + _YEAR + r"(?:[-–/]\d\d(?:\d\d)?(?![\d%]|[.,]\d))?\b",
       regex.I),
    rx(r"\bFY\s?\d\d(?:\d\d)?(?:[-–/]\d\d(?:\d\d)?)?\b"),
    # full dates
    rx(r"\b" + _MON + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b"),
    # (not after a currency sign: "almost triple the €22 of March 2020" is a price)
    rx(r"(?<!\p{Sc}\s?)\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+" + _YEAR + r"\b"),
    rx(r"\b" + _MON + r",?\s+" + _YEAR + r"\b"),
    rx(r"\b" + _MON + r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?![,.]?\d)(?!\s*(?:%|per|million|billion))"),
    rx(r"(?<!\p{Sc}\s?)\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"\b"),
    rx(r"\b" + _YEAR + r"-[01]\d-[0-3]\d\b"),
    rx(r"\b[0-3]?\d[./][01]?\d[./]" + _YEAR + r"\b"),
    # "early 2030", "mid-2024", "late 2023", "the 2030s", "end-2025"
    rx(r"\b(?:early|mid|late|end|end-of|start|spring|summer|autumn|fall|winter)[-\s]" + _YEAR + r"s?\b", regex.I),
    rx(r"\b(?:early|mid|late|end)[-\s]" + _MON + r"\b", regex.I),
    rx(r"(?<![\d,.])" + _YEAR + r"s\b"),
    # "2024-2031", "2024–25", "in 2013-14."
    # ("in 2023 – 36 in all": a spaced dash before two digits is punctuation, not a range of years)
    rx(r"(?<![\d,.])" + _YEAR + r"(?:\s?[-–/]\s?" + _YEAR + r"|[-–/]\d\d)(?![\d%]|[.,]\d)"),
    # times of day: "10:30", "14:00 GMT", "2 pm", "9.30 a.m."
    rx(r"(?<![\d.,:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?(?:[ap]\.m\.|[AaPp][Mm]\b))?(?![\d:])"),
    rx(r"(?<![\d.,:])(?:1[0-2]|0?[1-9])(?:\.[0-5]\d)?\s?(?:[ap]\.m\.|[ap]m|[AP]M)(?![\p{L}])"),
]
# a cheap pattern that every match of a slow date pattern contains (same flags): where the text has none, the
# date pattern, which tries every digit, is not run at all (most releases write no clock time and no 1.5.2024)
_DATE_GATES = {
    len(DATE_RES) - 1: rx(r"\d\s?(?:[ap]\.m\.|[ap]m|[AP]M)(?![\p{L}])"),  # "2 pm", "9.30 a.m."
    12: rx(r"[./][01]?\d[./](?:1[89]|2[01])\d\d"),  # "31.12.2024", "5/17/2018"
}
# the first words of the date patterns every match of which starts with the whole run of letters of one of them
# (after \b, before a letter): they are tried only where such a word starts (wordstarts.scan, _Scanner._scan_words)
_DATE_FIRSTS = {
    0: firsts_of(["first", "second", "third", "fourth", "last", "final"]),
    4: firsts_of(["fiscal", "financial", "calendar", "budget", "model"]),
    13: firsts_of(["early", "mid", "late", "end", "end-of", "start", "spring", "summer", "autumn", "fall", "winter"]),
    14: firsts_of(["early", "mid", "late", "end"]),
}
# date patterns whose every match starts (after \b) with the whole run of letters of one of the first words ("Q3
# 2024", "FY2023", "H1") or with one digit right before the whole run of one of the second ("9M 2025", "1H25", "3Q")
_DATE_TOKENS = {
    2: (frozenset({"q", "h", "fy", "cy"}), frozenset({"m", "h", "q"})),
    3: (frozenset({"q", "h"}), frozenset({"m"})),
}


def scan_tokens(pattern: Any, text: str, words: WordStarts, firsts: frozenset[str], after_digit: frozenset[str]
                ) -> Iterator[Any]:
    """``pattern.finditer(text)`` for a pattern whose every match starts with the whole run of letters of one of
    ``firsts`` or one character before the whole run of one of ``after_digit``: tried only there (and where a run
    that cannot be folded starts, or one before), in text order, resuming after each match as finditer does."""
    starts = set(words.starts(firsts))
    starts.update(p - 1 for p in words.starts(after_digit) if p > 0)
    yield from matches_at(pattern, text, sorted(starts))


# "No. 12", "number 6374": an identifier (after a colon, not a count of a plural noun: "under contract: 11 Offshore Patrol
# Cutters", "Note: 12 ships were ...")
_LABELLED_NUMBER = LazyPattern(r"\b(?:No\.|Nos\.|number|hull|serial|yard\s+number|contract|(?:pass|access\s+)?code|passcode|PIN"
                               r"|ID|Ref\.?|reference|figure|fig\.|table|chart|exhibit|appendix|footnote|note|page|slide)"
                               r"(?:\s+|\s*:\s+(?!\d[\d,]*\s+(?:(?-i:\p{Lu})[\p{L}-]*\s+){0,3}(?!(?:was|has|is|does|says|shows|means|"
                               r"remains|covers|includes|lists|reads|runs|stands|gives)\b)[\p{L}-]+[^\Ws]s\b))"
                               r"(\d[\d-]*(?:[ \u00a0]\d+)*)\b(?!,\d{3}(?!\d))", regex.I)  # (not "on contract: 3,100 in the first lot":
# a number grouped by thousands is an amount, no code)
_LABELLED_NUMBER_FIRSTS = firsts_of(["No.", "Nos.", "number", "hull", "serial", "yard number", "contract", "passcode",
                                     "access code", "code", "PIN", "ID", "Ref", "reference", "figure", "fig.", "table",
                                     "chart", "exhibit", "appendix", "footnote", "note", "page", "slide"])
_BILL_NUMBER = LazyPattern(r"(?<![\w.])(?:H\.\s?R\.|S\.|H\.\s?Res\.|S\.\s?Res\.|H\.\s?J\.\s?Res\.|S\.\s?J\.\s?Res\.|"
                           r"Pub\.\s?L\.|P\.\s?L\.|Public\s+Law)\s?(\d{1,4}(?:-\d{1,4})?)\b(?![.,]\d)")
_MONTH_ALONE = LazyPattern(r"\b(?:January|February|March|April|June|July|August|September|October|November|December"
                             r"|Sept\.|Aug\.|Oct\.|Nov\.|Dec\.|Jan\.|Feb\.)(?![\p{L}])")
_MAY = LazyPattern(r"(?<=\b(?:in|on|since|until|by|from|of|last|next|early|late|mid|through|to)\s)May\b", regex.I)
_PHONE = LazyPattern(r"(?<![\d,.])0\d{2,4}(?:[ .-]\d{2,4}){2,4}(?![\d,])|"  # national: "0216 489 29 50"
                       r"(?:\+\d{1,3}[\s.-]?)(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){1,3}"
                       r"|\(\d{2,4}\)\s?\d{3}[\s.-]\d{4}")
# the chunks holding a number character (a superset of those holding a str.isdigit() one, checked after)
_NUMBER_CHUNK = LazyPattern(r"(?<![^\s—])[^\s—\p{N}]*\p{N}[^\s—]*")
_A_DIGIT = LazyPattern(r"\p{N}")
_CHUNK_REST = LazyPattern(r"[^\s—]*")
_CHUNK_BEFORE = LazyPattern(r"(?r)[^\s—]*")  # matched backwards: the start of the chunk that holds a digit


_PREFIXES_BY_FIRST: dict[int, tuple[dict[str, str], dict[str, tuple[str, ...]] | None]] = {}


def _prefixes_of(cur_prefix: dict[str, str]) -> dict[str, tuple[str, ...]] | None:
    """The currency prefixes by their first character, in their order, so that a chunk is tried against those it
    could start with, not against every prefix (362,550 tries on the 1 MiB benchmark file); None when a prefix is
    empty (it could start any chunk: every prefix is tried)."""
    hit = _PREFIXES_BY_FIRST.get(id(cur_prefix))
    if hit is not None and hit[0] is cur_prefix:
        return hit[1]
    out: dict[str, list[str]] = {}
    for p in cur_prefix:
        out.setdefault(p[:1], []).append(p)
    got = None if "" in out else {k: tuple(v) for k, v in out.items()}
    if len(_PREFIXES_BY_FIRST) > 16:
        _PREFIXES_BY_FIRST.clear()
    _PREFIXES_BY_FIRST[id(cur_prefix)] = (cur_prefix, got)
    return got


def number_chunks(t: str) -> Iterator[tuple[int, int]]:
    """The spans of ``_NUMBER_CHUNK.finditer(t)`` (each run of characters other than white space and '—' that
    holds a digit, \\p{N}), found from the digits: the pattern itself was tried at every character of the text
    (0.10 s of the 1 MiB benchmark file; this 0.02 s). A chunk starts after the last separator before its first
    digit (no earlier than the end of the chunk before, which a separator follows) and ends at the next one."""
    pos = 0
    while True:
        d = _A_DIGIT.search(t, pos)
        if d is None:
            return
        i = d.start()
        end = _CHUNK_REST.match(t, i).end()
        yield _CHUNK_BEFORE.match(t, pos, i).start(), end
        pos = end
_A_UNIT = LazyPattern(r"an?[ \u00a0]", regex.I)
_FRACTION_OF = LazyPattern(r"[ \u00a0]+(?:of[ \u00a0]+)?")
_BRACKET_BETWEEN = LazyPattern(r"[ \u00a0]?\([ \u00a0]?")
_BRACKET_CLOSE = LazyPattern(r"[ \u00a0]?\)")
_BRACKETED_MONEY = LazyPattern(r"[\p{Sc}]\(\d[\d,.]*\)(?:bn|mn|m|k|b)?[.,;:)]?")
_WORD_FOOTNOTE = LazyPattern(r"\s*[\p{L}\p{M}&'’-]{2,}(\(\d{1,2}\)|\[\d{1,2}\])[,:;.]?\s*")
_CITATIONS = LazyPattern(r"(?:\[(?:\d{1,3}|[a-z])(?:[,–-]\d{1,3})*\])+(?=[\s\p{P}]*$)")  # "[1][2]", "[3,4]", "[a]" closing a chunk
_STRIP_L = "\"'“‘([{«"
_STRIP_R = "\"'”’)]}».,;:!?…"
_LEADING_ZERO = LazyPattern(r"(?<![\p{L}\p{N}.,:/\u2013\u2014-])(?<!\d[ \u00a0\u202f\u2009'’])0\d+(?![\p{L}\p{N}]|[.,:/\u2013\u2014-]\d)")
_ORDINAL_SUFFIX = LazyPattern(r"^\d{1,3}(?:,\d{3})*(?:st|nd|rd|th)$")
_TIMES = LazyPattern(r"^(?:\s+times\b|-?fold\b|[x×](?![\p{L}\d]))", regex.I)
# after "won" read as the currency: no object of the verb ("58,100 won per share", "45,000 won.")
_ONE_PERCENT = LazyPattern(r"\b(?:(?P<half>half)[ \u00a0]+an?|an?)(?=[ \u00a0]+(?:per[ \u00a0]?cent|percent|"
                           r"percentage[ \u00a0]+points?)\b)",
                           regex.I)
_MODEL_VARIANT = LazyPattern(r"-\d{1,4}[A-Za-z]{0,3}(?![\d.,/]?\d)(?![\p{L}-])")
_PLURAL_VARIANT = LazyPattern(r"(?<![\p{L}\p{N},.$€£¥-])\d{3}-\d{1,3}[A-Z]{0,2}s(?![\p{L}\p{N}])")
_DESIGNATION_RANGE = LazyPattern(r"[–—-]\d+[A-Za-z]{0,3}(?![\d.,/]?\d)")
# "Lots 15, 16 and 17 respectively": numbers after commas, closed by "and N" with no noun after it
_DESIGNATION_LIST = LazyPattern(r"(?:,[ \u00a0]?\d+[A-Za-z]{0,3})*[ \u00a0]?,?[ \u00a0]?(?:and|&|or)[ \u00a0]?\d+[A-Za-z]{0,3}"
                                r"(?![\d.,/]?\d)(?=\s*(?:[,.;:)]|$|\s(?:respectively|in|of|and|were|are|was|is|will|have|has|"
                                r"for|to|at)\b))")
_MONTH_WORD = LazyPattern(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
_DAY_RANGE = LazyPattern(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?[ \u00a0]*(?:and|to|until|till|through|[–-])[ \u00a0]*[0-3]?\d"
                         r"(?:st|nd|rd|th)?[ \u00a0]+(?:January|February|March|April|May|June|July|August|September|October|"
                         r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?")
# a list item that gapped its verb and noun: the number ends it, a figure of its own opened the item before
_GAP_AFTER = LazyPattern(r"[ \u00a0]*(?:,|;|\.(?:\s|$)|[ \u00a0]and\b|$)")
_GAP_SEP_BEFORE = LazyPattern(r"(?:,|\band)[ \u00a0]+(?:[\p{L}-]+[ \u00a0]+){0,3}$")
_GAP_FIGURE = LazyPattern(r"(?<![\p{L}\p{N}.,$€£¥-])\d{1,3}(?:,\d{3})*(?![\d.,]?\d)(?![ \u00a0]*(?:-|%|per\b|percent\b))")
_DESIGNATOR_BEFORE = LazyPattern(r"(?<![\p{L}])(\p{L}+)[ \u00a0]+$")
_PLURAL_DESIGNATION_MORE = LazyPattern(r"(?:,[ \u00a0]?(?:and[ \u00a0])?|[ \u00a0]?(?:and|to|through|&|or)[ \u00a0]?)(\d+[A-Za-z]{0,3})"
                                       r"(?![\d.,/]?\d)")
_WON_AFTER = LazyPattern(r"(?:\s*[.,;:)(]|\s*$|\s+(?:per|each|apiece|and|or|in|to|from|for|at|on|against|versus|vs)\b)",
                         regex.I)
# "Share of 2024 %", "Change in 2025 %": a year in a column label before its unit, no percentage
_YEAR_LABEL = LazyPattern(r"\b(?:of|in|for|since|from|vs\.?)\s+(?:19|20)\d\d\s%", regex.I)
_PERCENT = LazyPattern(r"^(?:[ \u00a0\u202f]?%|\s?(?:per\s?cents?|percents?|percentage|pct)\b)", regex.I)  # not across a tab
_POINTS = LazyPattern(r"^(?:\s?(?:pp|ppt|pts?)\b|\s?(?:percentage|percent|per\s?cent)[\s-]points?\b)", regex.I)
_WORD = LazyPattern(r"(?:\p{Lu}\.){2,}(?:-[\p{L}]+)*|[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*)*")
# a change, not a range, when "from X to Y" follows a verb of change ("rising from 86 to 133 units")
_CHANGE_BEFORE = LazyPattern(r"\b(?:rose|rise|rises|rising|fell|fall|falls|falling|grew|grow|grows|growing|increased|"
                               r"increasing|decreased|decreasing|climbed|climbing|dropped|dropping|jumped|went|moved|"
                               r"raised|raising|cut|expanded|reduced|doubled|tripled|up|down|lifted)\b[^.;]*$", regex.I)
def _join_range(f: _Amount, nxt: _Amount, hi: float) -> None:
    """Make ``f`` the range from itself to ``nxt`` (whose value, in base units, is ``hi``): one mention (CONTRACT)."""
    f.value_high = hi / (f.scale_factor or 1)
    f.end = max(nxt.end, nxt.num_end)
    f.unit = f.unit or nxt.unit
    f.noun = f.noun or nxt.noun
    f.hedge = f.hedge or nxt.hedge
    f.inferred = f.inferred and nxt.inferred


# what stands between a span and another span it is compared with ("$21.70 to $22.00, down from $27.00 to $27.30")
_SPAN_AGAINST = LazyPattern(r"\s*,?\s*(?:(?:up|down)\s+from|compared\s+(?:with|to)|versus|vs\.?|against|from|after)"
                            r"(?:\s+(?:the\s+|a\s+|its\s+)?(?:previous|prior|earlier|old)(?:\s+(?:range|guidance|forecast|outlook))?"
                            r"(?:\s+of)?)?\s+", regex.I)
# "the new one will", "a bigger one in 2027": "one" standing for a thing named before
_ADJ_BEFORE_ONE = LazyPattern(r"(?i)\b(?:the|a|an|this|that|its|their|our|his|her|another)\s+(?:[\p{L}]+\s+){1,2}$")
_NO_NOUN_AFTER = LazyPattern(r"(?i)(?!-)\s*(?:[.,;:!?)]|$|(?:is|was|will|would|could|can|has|had|have|are|were|in|at|for|to|from|"
                             r"with|by|on|of|and|or|but|that|which|who|makes?|made)\b)")
# a one-letter currency sign glued to a bare integer ("R70", "R4"), a capitalised word right before it, and no scale
# after it: a model's name
_LETTER_MODEL = LazyPattern(r"\p{Lu}\d{1,4}")
_CHANGE_THEN_FROM = LazyPattern(r"\s*,\s*(?:up|down|an?\s+(?:increase|rise|decrease|fall|drop)\s+of)\s+(?:by\s+)?", regex.I)
_FROM_AFTER_PERCENT = LazyPattern(r"\s+(?:from|on|against|compared\s+(?:with|to))\s+(?:the\s+)?(?:about\s+)?", regex.I)
_LETTERS_CODE = LazyPattern(r"(\p{Lu}\p{L}{1,2})\d{4,}(?:\.\d)?")
_NAME_BEFORE = LazyPattern(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}-]*[ \u00a0]$")
_SCALE_AFTER = LazyPattern(r"[ \u00a0]*(?:million|billion|trillion|thousand|bn|mn|m|k|crore|lakh|per|a|an|each)\b", regex.I)
# a number word glued to a noun in -er: a type's name, no count ("two-seaters", "a four-wheeler", "a six-footer")
_TYPE_NAME = LazyPattern(r"-(?!quarters?\b)[\p{L}]+ers?\b(?!-)", regex.I)
# "more" and then a noun phrase, not "more than", "more of", "more in 2020"
_MORE_NOUN = LazyPattern(r"\s+(?!(?:than|of|or|and|in|on|at|to|for|by|from|with|were|was|are|is|will|would|could|have|has|had)\b)"
                         r"[\p{L}\p{N}]", regex.I)
# a figure compared with another ("a crew of 90, 30% fewer than the 128"): not a list of like figures
# the gap between the two levels of "from X in 2022 to Y" (or "in FY2022", "in fiscal 2022", "at the end of 2022"), up
# to the "to" and any hedge after it
_DETERMINER_BEFORE_YEAR = LazyPattern(r"(?<![\p{L}\p{N}])(?:the|its|their|this|that|our|his|her)\s+$", regex.I)
_PERIOD_THEN_TO = LazyPattern(r"\s+(?:in|for|during|by|at\s+the\s+end\s+of)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?)?"
                              r"(?:FY\s?|Q[1-4]\s+|H[12]\s+)?(?:19|20)?\d\d(?:[-/–]\d{2,4})?\s*,?\s*to\s*(?:(?:about|around|"
                              r"roughly|nearly|more\s+than|as\s+many\s+as|over|almost|some|up\s+to)\s+)?", regex.I)
_COMPARATIVE_AFTER = LazyPattern(r"\s+(?:fewer|more|less|higher|lower|larger|smaller|bigger|cheaper|up|down|above|below"
                                   r"|greater|heavier|lighter|longer|shorter|faster|slower)\b", regex.I)
# "handed over four aircraft", "took over 12 sites": the particle of a verb, not a hedge
_PARTICLE_VERB = LazyPattern(r"(?i)\b(?:hand(?:s|ed|ing)?|turn(?:s|ed|ing)?|pass(?:es|ed|ing)?|t(?:ake|akes|ook|aken|aking)"
                               r"|carr(?:y|ies|ied|ying)|sign(?:s|ed|ing)?|brought|bring(?:s|ing)?)\s+$")
_VOCAB_PATTERNS: dict[tuple[str, int], tuple[dict, regex.Pattern]] = {}


def _vocab_pattern(lex: Lexicon, name: str, words: Callable[[dict], list[str]], template: str) -> regex.Pattern:
    """``template`` with ``WORDS`` replaced by any one of ``words(vocabulary)`` (longest first), case-insensitive:
    compiled once per vocabulary and name."""
    hit = _VOCAB_PATTERNS.get((name, id(lex.vocab)))
    if hit is None or hit[0] is not lex.vocab:
        alt = "|".join(sorted((regex.escape(str(w)) for w in words(lex.vocab)), key=lambda w: (-len(w), w))) or "(?!)"
        hit = _VOCAB_PATTERNS[(name, id(lex.vocab))] = (lex.vocab, rx(template.replace("WORDS", alt), regex.I))
    return hit[1]


# "a 50% increase over ¥100 billion", "the rise above the 2023 level of 40": after a change noun (rules/linking.yaml
# change_nouns) that a figure or an article opens, "over"/"above"/"under"/"below" is the preposition of its base,
# not a hedge ("growth of over 10%" keeps it)
def _change_noun_before(lex: Lexicon) -> regex.Pattern:
    return _vocab_pattern(lex, "change_noun_before",
                          lambda v: ((v.get("linking") or {}).get("words") or {}).get("change_nouns") or [],
                          r"(?:(?:%|\b(?:percent|per\s+cent|an?|the|this|that|its|their))\s+|\d\s)(?:[\p{L}-]+\s+){0,2}?"
                          r"(?:WORDS)\s+$")


# ... and any word of the vocabulary's increase_words and decrease_words with "by" ("RDT&E declines by $5.1 billion to
# $143.2 billion": the size of a change and the level it led to, no range)
_NOT_CHANGE_VERBS = ("up", "down", "more", "less", "higher", "lower", "fewer", "larger", "smaller", "greater", "added",
                     "tops", "topped")


def _change_word_before(lex: Lexicon) -> regex.Pattern:
    return _vocab_pattern(lex, "change_word_before",
                          lambda v: [str(w) for k in ("increase_words", "decrease_words", "movement_verbs") for w in (v.get(k) or [])
                                     if str(w).lower() not in _NOT_CHANGE_VERBS],
                          r"\b(?:WORDS)\s+by\s+(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+)?$")


# the figure of a population or workforce is a count of people, not money ("a population of 2.86 million")
_PEOPLE_BEFORE = LazyPattern(r"(?i)\b(?:population|workforce|headcount|inhabitants|residents|citizens|membership)"
                               r"\s+(?:of\s+)?(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$")
# an age in apposition after a name: "Anna Lindqvist, 54, said"
# what stands before the year of a price basis: "in 2010 dollars", "in constant 2020 pounds", "at 2015 prices"
_PRICE_YEAR_BEFORE = LazyPattern(r"\b(?:in|at|of)\s+(?:(?:constant|real|fiscal|financial|base-year|calendar)\s+)?$", regex.I)
_AGE = LazyPattern(r"\p{Lu}[\p{L}'’-]+,\s$")
# a bare number right after a count and "under"/"over" (or after "aged") bounds the age of those counted: "of whom
# 3,740 under 30", "1,100 aged over 50", "staff aged 40"
_AGE_BOUND = LazyPattern(r"(?:\d[^\S\n]+(?:aged[^\S\n]+)?(?:under|over|above|below)|\baged(?:[^\S\n]+(?:under|over|above|below))?)"
                         r"[^\S\n]+$", regex.I)
# what stands between a count and a scaled figure restating it ("20,000 shells a day, or 7.3 million a year")
_RESTATE_GAP = LazyPattern(r"(?:\s+(?:a|an|per|each)\s+[\p{L}]+)?"
                           # ("6,000 rounds a day in late 2024, or roughly 2.6 million a year": the rate's date between)
                           r"(?:\s+(?:by|in|from|until|through|since)\s+(?:the\s+end\s+of\s+|early\s+|late\s+|mid-?)?(?:19|20)\d\d)?"
                           r"\s*,?\s*(?:or|i\.e\.|that\s+is)\s+"
                           r"(?:(?:about|around|some|roughly|nearly|almost|over|more\s+than)\s+)?", regex.I)
# "a 30-strong fleet", "a 20-odd list": compounds whose number counts the noun after them
_COMPOUND_NOT_COUNTED = ("strong", "odd", "plus", "something")
_SIZE_HEDGES = ("almost", "nearly", "close to", "just about", "not quite")
_FLOOR_HEDGES = ("more than", "over", "at least", "well over", "less than", "under", "well above", "above")
_FLOOR_WORDS = ("more than", "at least", "less than", "well over", "well above", "well below", "fewer than")
_PERCENT_AFTER = LazyPattern(r"\s?(?:%|per\s?cent\b|percent\b)", regex.I)
_ARTICLE_END = LazyPattern(r"(?<![\p{L}])an?\s+$", regex.I)
# a hedge on a range's high end: "between 2 g and about 7 g"
_GAP_HEDGE = r"(?:(?:about|around|approximately|roughly|some|nearly|almost|up\s+to)\s+)?"
_SPACE_RUN = LazyPattern(r"[ \t\u00a0\u2009\u202f]*")
# a set named by a determiner before its size ("the two orders", "its three plans"): lexicon NOUN_AFTER_SET
_SET_DETERMINER = LazyPattern(r"(?<![\p{L}\p{N}])(?:the|these|those|its|their|our|both|all)\s+$", regex.I)
# digit forms read before plain numerals: scientific notation, fractions ("3/4", "2 1/2"), ".75"
_SCI = LazyPattern(r"(?<![\p{L}\p{N}_.,])(\d+(?:\.\d+)?)(?:[eE]|[ \u00a0]?[x×·][ \u00a0]?10(?:\^|\*\*)?(?=[-−+⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹])|"
                   r"[ \u00a0]?[x×·][ \u00a0]?10(?=[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]))([-−+⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![\p{L}\p{N}]|\.\d)")
_SCI_CHUNK = LazyPattern(r"^[-−]?\d+(?:\.\d+)?(?:[eE]|[x×·]10(?:\^|\*\*)?)[-−+⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}$")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")
_FRACTION = LazyPattern(r"(?<![\p{L}\p{N}_/.,:]|[\p{L}\p{N}]-)(?:(\d{1,3})[ \u00a0]+)?(\d{1,4})/(\d{1,4})(?![\p{N}/]|[.,:]\d)")
_FRACTION_CHUNK = LazyPattern(r"^[-−]?(\d{1,4})/(\d{1,4})$")
# denominators of fractions written with digits; "24/7", "9/11" and "3/15" are not fractions
_DENOMINATORS = frozenset((2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 1000))
_VULGAR_CHARS = LazyPattern(r"[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")
_VULGAR = LazyPattern(r"(?<![\p{L}\p{N}.,])(\d{1,3})?[ \u00a0]?([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])(?![\p{N}])")
_LEADING_POINT = LazyPattern(r"(?:(?<=^)|(?<=[\s(\[$€£¥-]))\.(\d+)(?![\d.,]?\d|[-\s]?cal)")
# after a glued "m" with no currency: the metre ("1.8m tall", "3m and 5cm"), not the million
_METRE_AFTER = LazyPattern(r"^(?:\s*$|[.,;:!?)\]]|\s+(?:x|by|and|long|tall|wide|high|deep|thick|in\s+(?:length|diameter"
                             r"|height|width))\b|\s*[x×]\s*\d"
                             # ... or restated in feet, yards or miles: "150m (492 ft)", "a 2,500m (8,200 ft) runway"
                             r"|\s*\(\s*(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|c\.\s*)?[\d.,]+\s*(?:ft|feet|foot|yd|yards?"
                             r"|in|inches|mi|miles?|nmi)\b)")
# ... unless it is a bracketed prior after an amount of money in millions: "SEK 1,452m (1,148m)", "£331m (£244m)"
_MONEY_M_BEFORE = LazyPattern(r"(?:\p{Sc}|\b[A-Z]{3})\s?[\d.,]+\s?m\s*\(\s*$")
_ACRONYM_VERSION = LazyPattern(r"(?<![\p{L}\p{N}$€£¥₩₹₺.-])(?P<w>\p{Lu}{2,5})[ \u00a0](?P<n>\d{1,2}\.\d)(?![\d.,]?\d|[\p{L}%]|"
                               r"\s*(?:per\s?cent|percent|bn|mn|m|million|billion|trillion|times|x)\b)")
_NAMED_PAIR_MORE = LazyPattern(r"\s+(?:and|&)\s+(\d{1,3}[A-Z]?)(?=\s+(?:were|are|was|is|have|had|has|will|would|remain|"
                               r"remained|entered|went|follow|followed)\b)")
_TIME_UNITS = frozenset(("second", "minute", "hour", "day", "week", "month", "year", "decade", "century"))
_NEGATIVE = LazyPattern(r"(?i)\b(?:minus|negative)\s+$")
# patterns matched at a position of the whole text (``.match(t, pos)``), never on a slice ``t[pos:]``: a slice
# to the end of the text copies the rest of it for every figure, which made a long document quadratic
# a postal code after an address: ", 40476 Düsseldorf", ", VA 22202", ", 111 22 Stockholm", "75015 Paris"
_POSTCODE = LazyPattern(r"(?:[,;]|\b[A-Z]{1,3}-?|\p{Lu}{2})[ \u00a0]?(\d{3}[ \u00a0]?\d{2,3}|\d{4,6}(?:-\d{4})?)"
                        r"(?![\d.,]\d|[ \u00a0]?(?:%|per\b|percent))")
# a currency name at the end of a figure, and the word before it when that qualifies it ("Norwegian crowns")
_HEAD_CHARS = 600  # the text's first lines: headline, dateline and lead
_COUNTRY_WORDS: dict[tuple[str, ...], Any] = {}


def _country_words(words: tuple[str, ...]) -> Any:
    """Any of ``words`` as a whole word (compiled once per list)."""
    got = _COUNTRY_WORDS.get(words)
    if got is None:
        # (a dateline in capitals names its city too: "PRAGUE —", "SEOUL, 3 March")
        forms = set(words) | {w.upper() for w in words}
        alt = "|".join(regex.escape(w) for w in sorted(forms, key=len, reverse=True)) or "(?!)"
        got = _COUNTRY_WORDS[words] = regex.compile(r"(?<![\p{L}])(?:" + alt + r")(?![\p{L}])")
    return got


_FAMILY_TAIL = LazyPattern(r"(?:(?P<q>\p{Lu}[\p{L}.]*)[ \u00a0]|(?<![\p{L}]))(?P<w>\p{L}+)$")
_SCALED_CODE = LazyPattern(r"(?<![\p{L}\p{N}])(?:(?P<sp>Mio|Mrd|Mn|MN|Bn|BN|Md|[MBTKk])(?P<c>[A-Z]{3})|"
                           r"(?P<c2>[A-Z]{3}|[€$£¥₹₩])(?P<ss>mn|bn|Mn|Bn|[mkM]))[ \u00a0]?$")
_SCALED_CODE_AFTER = LazyPattern(r"[ \u00a0]?((?:Mio|Mrd|Mn|MN|Bn|BN|Md|[MBTKk])[A-Z]{3}|[A-Z]{3}(?:mn|bn|Mn|Bn|[mkM]))"
                                 r"(?![\p{L}\p{N}])")
_SPACED_SCALE = LazyPattern(r"[ \u00a0](?P<s>bn|mn|mln|bln|m|k|b|tn|mil|Bn|BN|Mn|MN|M|B)(?![\p{L}\d])")
_NEXT_CAPITAL = LazyPattern(r"[ \u00a0](\p{Lu}[\p{L}]*)(?![\p{L}])")
_HALF_OF_YEAR = LazyPattern(r"\s+of\s+(?:the\s+)?" + _YEAR)
_ORDINAL_OF = LazyPattern(r"\s+(?:of|in)\s+(?:five|ten|\d)")
_NUMBERED_ITEMS = LazyPattern(r"(?<![\p{L}])(?P<w>\p{Ll}[\p{Ll}-]*s)[ \u00a0](?P<a>\d{1,4})[ \u00a0]?(?:and|to|through|&|–)[ \u00a0]?"
                              r"(?P<b>\d{1,4})(?![\d.,]\d)")
_ITEM_END = LazyPattern(r"s[ \u00a0]\d")  # in every match of _NUMBERED_ITEMS: its noun's last letter, a space, a digit
_ITEM_NOUN_BEFORE = LazyPattern(r"(?r)[\p{Ll}-]*")  # matched backwards: the lower-case run (with hyphens) a noun ends


def numbered_items(t: str) -> Iterator[Any]:
    """The matches of ``_NUMBERED_ITEMS.finditer(t)``, tried only where one can start: the pattern was tried at every
    character (0.07 s of the 1 MiB benchmark file). Its noun ends in "s" before a space and a digit, and starts
    with a lower-case letter after no letter: at the start of the run of lower-case letters and hyphens that ends
    there, or after a hyphen in it. Those places, in text order, resuming after each match as finditer does."""
    starts = set()
    for m in _ITEM_END.finditer(t):
        k = m.start() + 1  # the end of the noun
        r0 = _ITEM_NOUN_BEFORE.match(t, 0, k).start()
        starts.add(r0)
        q = t.find("-", r0, k)
        while q >= 0:
            starts.add(q + 1)
            q = t.find("-", q + 1, k)
    yield from matches_at(_NUMBERED_ITEMS, t, sorted(starts))


_HOUSE_NUMBER_FIRST = LazyPattern(r"\d{1,5}[A-Za-z]?[ \u00a0]\p{Lu}")  # how a number before its street starts (lexicon._address_re)
_DIGIT_AFTER_SPACE = LazyPattern(r"[ \u00a0](?=\d)")
_LETTERS_BEFORE = LazyPattern(r"(?r)\p{L}+")  # matched backwards: the run of letters that ends at a place
_ADDRESS_WORDS: dict[int, tuple[dict, tuple[frozenset[str], tuple[str, ...], tuple[str, ...]] | None]] = {}


def _address_words(vocab: dict) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]] | None:
    """The street words that are letters only, the others (such as "P.O. Box") and the compound endings
    ("-straße"); None when a street word does not start with a letter or a compound ending is not all letters
    (str.isalpha: \\p{L}) (then the pattern is searched as it is)."""
    hit = _ADDRESS_WORDS.get(id(vocab))
    if hit is not None and hit[0] is vocab:
        return hit[1]
    words = [str(w) for w in (vocab.get("address_words") or [])]
    compounds = tuple(str(w) for w in (vocab.get("address_compounds") or []))
    got = None if not all(w[:1].isalpha() for w in words) or not all(c.isalpha() for c in compounds) else (
        frozenset(w for w in words if w.isalpha()), tuple(w for w in words if not w.isalpha()), compounds)
    if len(_ADDRESS_WORDS) > 16:
        _ADDRESS_WORDS.clear()
    _ADDRESS_WORDS[id(vocab)] = (vocab, got)
    return got


def address_matches(lex: Lexicon, t: str) -> Iterator[Any]:
    """The matches of ``lex.address_re.finditer(t)`` (lexicon._address_re), tried only where one can start: the
    pattern was tried at every character (0.15 s of the 1 MiB benchmark file; this 0.05 s). A house number after its
    street ("Platz 1", "P.O. Box 12", "Hauptstraße 5") follows a space after the street word, which starts after no
    letter: the run of letters before the space (or before a dot before it) when it is a street word or ends in a
    compound ending, or a street word with other characters that stands right there. A house number before its
    street ("2100 Crystal Drive") starts with up to five digits, a letter maybe, a space and a capital. Those
    places, in text order, resuming after each match as finditer does."""
    pat = lex.address_re
    if pat is None:
        return
    words = _address_words(lex.vocab)
    if words is None:
        yield from pat.finditer(t)
        return
    plain, other, compounds = words
    starts = {m.start() for m in _HOUSE_NUMBER_FIRST.finditer(t)}
    for m in _DIGIT_AFTER_SPACE.finditer(t):
        i = m.start()
        dot = i > 0 and t[i - 1] == "."
        for j in (i, i - 1) if dot else (i,):
            run = _LETTERS_BEFORE.match(t, 0, j)
            if run is not None and (run.group() in plain or run.group().endswith(compounds)):
                starts.add(run.start())
        for w in other:
            if i >= len(w) and t.startswith(w, i - len(w)):
                starts.add(i - len(w))
            if dot and i > len(w) and t.startswith(w, i - 1 - len(w)):
                starts.add(i - 1 - len(w))
    yield from matches_at(pat, t, sorted(starts))


_NOT_ITEM_AFTER = LazyPattern(r"[ \u00a0]*(?:%|percent|per\b|per[ \u00a0]cent|thousand|million|billion|trillion|[$€£¥]|"
                              r"\p{L}+s\b|years?\b|months?\b|days?\b|hours?\b)", regex.I)
_DIGITS_WORD = LazyPattern(r"[ \u00a0-]digits?\b", regex.I)
_HYPHEN_COMPOUND = LazyPattern(r"-[\p{L}\p{N}]")
_COMPOUND_REST = LazyPattern(r"[ \u00a0](?P<n>\d{1,3})[ \u00a0](?P<w>\p{L}+)(?![\p{L}\d])")
# "the number of deployed weapons fell by 400, almost 10%": a hedged percent set off by a comma restates the figure
# before it as a share or a change; the bare figure is no percent of a list
_COMMA_HEDGE = LazyPattern(r"\s*,\s*(?:about|around|roughly|nearly|almost|some|approximately|more\s+than|over|just\s+under|"
                           r"just\s+over|close\s+to)\s+", regex.I)
_NEXT_CELL = LazyPattern(r"(?:[ \t]{2,}|\t)[-+−(]?[\d][\d.,]*(?P<suf>\p{L}?)")
_ASIDE_HEDGE = LazyPattern(r"\s+[–—-]\s+(?:about|around|some|roughly|nearly|almost|approximately|just|over|under|more\s+than|"
                           r"less\s+than|close\s+to)\b", regex.I)
_RANGE_END = LazyPattern(r"(?:\s?[-–]\s?)(\d+(?:[.,]\d+)*)")
_LETTER_AFTER_SPACE = LazyPattern(r"\s+\p{L}")
_TITLE_WORD = LazyPattern(r"\b[\p{L}]{4,}\b")
# how far back (and forward) a bare number looks for the figure it borrows its kind from, in figures: a
# window, so a sentence of thousands of figures ("1, 2, 3, ...") costs a constant per figure
ANTECEDENT_WINDOW = 64


# Figures beyond this are out of range: not read at all ("1" and 400 zeros, "1e308 billion"). No prose
# figure comes near it, and two of them still multiply without overflowing a float.
MAX_FIGURE = 1e100


def _in_range(f: _Amount) -> bool:
    return all(abs(v) * f.scale_factor <= MAX_FIGURE for v in (f.value, f.value_high) if v is not None)


def fraction_ok(num: int, den: int) -> bool:
    """A digit fraction we read as a number: a usual denominator ("3/4", "20/100") or one no date has
    ("1/40"); not a date, "24/7" or "9/11", nor a gun's calibre and barrel length ("127/64", "76/62": above one, a
    fraction has a small denominator - "5/4", "3/2")."""
    return den in _DENOMINATORS and 0 <= num <= (den * 10 if den <= 12 else den) or 31 < den < 10000 and 0 < num < den


_CAPITAL_WORD_AFTER = LazyPattern(r"[ \u00a0]\p{Lu}\p{Ll}")


def _inches(um: Any, rest: str) -> bool:
    """Is the unit "in" that ``um`` matched in ``rest`` inches: glued to the figure ("12in"), or closing a phrase
    ("a 12 in.", "9 in)"), or before a dimension word ("4 in thick")? Else it is the preposition ("98 in 2023")."""
    return not um.group("sp") or rx(r"[ \u00a0]?(?:[.,;:!?)]|$)|[ \u00a0]+(?:thick|long|wide|tall|high|deep|across|"
                                    r"in\s+diameter)\b").match(rest[um.end():]) is not None


_ORDINAL_NAMED_BEFORE = LazyPattern(r"(?<![\p{L}\d])\d+(?:st|nd|rd|th)\s+(?:\p{Lu}[\p{L}-]*\s+){0,3}$")
_SCALE_WORD_BEFORE = LazyPattern(r"\d\S*\s+(\p{L}+)\s+$")


@dataclass(slots=True)
class _Amount:
    """A figure being read: its numeral, scale, unit and kind, before it becomes a Mention."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    decimals: int = 0
    grouped: bool = False
    word: bool = False
    exact_word: bool = False
    type: str | None = None
    unit: str | None = None
    hedge: str | None = None
    scale: str | None = None
    scale_factor: float = 1.0
    noun: str | None = None
    role: str | None = None  # multiple | fraction
    value_high: float | None = None
    inferred: bool = False
    word_scale: float = 1.0  # "four trillion": the multiplier word inside a spelled-out number
    compound_end: int = 0  # "USD 7 billion 154 million": where the rest of the amount read with it ends


def find_mentions(text: str, vocab: dict, locale: str = "auto") -> list[Mention]:
    lex = lexicon(vocab)
    loc = detect_locale(text, lex.locale_evidence) if locale == "auto" else locale
    return _Scanner(text, lex, loc, decided=locale == "auto").run()


def capitalised_inside(text: str) -> set[str]:
    """The -ing/-ed words written with a capital inside a sentence of ``text`` (names, not verbs opening one)."""
    workcount.count("extract.verb_word_scans", len(text))
    return {m.group(1) for m in rx(r"(?<=[\p{Ll},;] )(\p{Lu}\p{Ll}+(?:ing|ed))(?![\p{L}])").finditer(text)}


class _Scanner:
    def __init__(self, text: str, lex: Lexicon, locale: str, decided: bool = False,
                 capitalised_inside: set[str] | None = None) -> None:
        self.t = text
        self.lex = lex
        self.loc = locale
        self.decided = decided  # the locale was decided from the text (auto), not forced by --locale
        self.g = grammar(lex.vocab)
        self.blocked = bytearray(len(text) + 1)  # 1 where a date or identifier sits
        self.out: list[Mention] = []
        self._title_lines: dict[int, bool] = {}  # line start -> is a Title Case headline
        self._newlines: array | None = None  # offsets of "\n", built on first use
        self._quotes: list[int] | None = None  # offsets of '"', built on first use
        # -ing/-ed words written with a capital mid-sentence (a block of a big document gets the whole text's)
        self._capitalised_inside: set[str] | None = capitalised_inside
        self._names: tuple[list[int], list[int]] | None = None  # identifiers: starts, running maximum of ends
        self._ordinals: list[tuple[int, int]] | None = None  # (start, id) of ordinals, built on first use
        self._dropped: set[int] = set()  # ids of ordinals a unit took over ("1 second")
        self._word_starts: WordStarts | None = None  # where each word starts, built on first use
        self.cache_sentences = True  # False for the blocks of a big document: each is read once

    # ------------------------------------------------------------------ helpers
    def _scan(self, name: str) -> Iterator[Any]:
        """finditer of the number-word run, fraction or multiple pattern, tried only where one of the words such a
        match starts with starts (wordstarts.scan: the same matches, without a search from every position)."""
        g, lex = self.g, self.lex
        key = (name, id(g), id(lex))
        got = _SCAN_FIRSTS.get(key)
        if got is None or got[0] is not g or got[1] is not lex:
            if name == "run":  # \b(?:units|multipliers|a|an|half)\b ...
                words = firsts_of(list(g.units) + list(g.mult) + ["a", "an", "half"])
            elif name == "fraction":  # \b(?:(?:a|one|units)[-\s]fractions|half|units\s+in\s+units)\b
                words = firsts_of(["a", "one", "half"] + list(g.units))
            else:  # \b(?:multiples)\b
                words = firsts_of(list(lex.multiples))
            got = _SCAN_FIRSTS[key] = (g, lex, words)
        pat = {"run": g.run, "fraction": g.fraction, "multiple": lex.multiple_re}[name]
        if got[2] is not None and self._word_starts is None:
            self._word_starts = word_starts(self.t)
        return scan(pat, self.t, self._word_starts, got[2])

    def _scan_words(self, pat: Any, firsts: frozenset[str] | None) -> Iterator[Any]:
        """``pat.finditer(self.t)`` for a pattern whose every match starts, after \\b and before a letter, with the
        whole run of letters of one of ``firsts``: tried only where such a run starts (wordstarts.scan, the same
        matches in the same order); without ``firsts``, finditer itself. A date pattern or "No." tried at every
        character of the text cost 0.02-0.07 s each on the 1 MiB benchmark file."""
        if firsts is not None and self._word_starts is None:
            self._word_starts = word_starts(self.t)
        return scan(pat, self.t, self._word_starts, firsts)

    def _block(self, a: int, b: int, code: int = 1) -> None:
        """Mark text as taken: 1 by an identifier, 2 by a date."""
        for i in range(a, b):
            self.blocked[i] = code

    def _free(self, a: int, b: int) -> bool:
        return not any(self.blocked[a:b])

    def _emit(self, a: int, b: int, typ: str, value: float | None = None, **kw) -> None:
        self.out.append(Mention(start=a, end=b, text=self.t[a:b], type=typ, value=value, **kw))

    # ------------------------------------------------------------------ 1. non-amounts
    def _dates(self) -> None:
        t = self.t
        for k, pat in enumerate(DATE_RES):
            gate = _DATE_GATES.get(k)
            if gate is not None and gate.search(t) is None:
                continue
            tokens = _DATE_TOKENS.get(k)
            if tokens is not None:  # (tried at every character, these two took 0.05 s and 0.04 s of the 1 MiB file)
                if self._word_starts is None:
                    self._word_starts = word_starts(t)
                found = scan_tokens(pat, t, self._word_starts, *tokens)
            else:
                found = self._scan_words(pat, _DATE_FIRSTS.get(k))
            for m in found:
                a, b = m.span()
                if self._free(a, b):
                    self._emit(a, b, "date")
                    self._block(a, b, 2)
        for pat in (_MONTH_ALONE, _MAY):
            for m in pat.finditer(t):
                if self._free(*m.span()):
                    self._emit(m.start(), m.end(), "date")
                    self._block(*m.span(), 2)
        if _MONTH_WORD.search(t):
            # "between 13 and 24 June", "from 3 to 7 March": the first day of a range of days is a date too
            for m in _DAY_RANGE.finditer(t):
                if self._free(m.start("d"), m.end("d")):
                    self._emit(m.start("d"), m.end("d"), "date")
                    self._block(m.start("d"), m.end("d"), 2)

    def _phones_and_tickers(self) -> None:
        for m in _PHONE.finditer(self.t):
            digits = sum(c.isdigit() for c in m.group())
            if digits >= 7 and self._free(*m.span()):
                self._emit(m.start(), m.end(), "identifier")
                self._block(*m.span())
        for m in self.lex.exchanges_re.finditer(self.t):
            if self._free(*m.span()):
                self._emit(m.start(), m.end(), "identifier")
                self._block(*m.span())

    def _identifiers(self) -> None:
        t, lex = self.t, self.lex
        for chunk_start, chunk_end in number_chunks(t):  # _NUMBER_CHUNK.finditer(t), faster
            a, b = chunk_start, chunk_end
            cite = _CITATIONS.search(t, a, b)
            if cite is not None and cite.start() > a:  # "18%.[1][2]": the footnote markers are no part of it
                self._block(cite.start(), cite.end())
                b = cite.start()
            while a < b and t[a] in _STRIP_L:
                a += 1
            while b > a and t[b - 1] in _STRIP_R:
                b -= 1
            core = t[a:b]
            if not core or not any(c.isdigit() for c in core) or not self._free(a, b):
                continue
            if _BRACKETED_MONEY.fullmatch(t, chunk_start, chunk_end):
                continue  # "£(88)m": an accounting negative, read as an amount
            mark = _WORD_FOOTNOTE.fullmatch(t, chunk_start, chunk_end)
            if mark is not None:  # "Sales(1) £14,617m": a footnote marker glued to a word, neither a figure nor a name
                self._block(mark.start(1), mark.end(1))
                continue
            if rx(r"\d[ \u00a0]$").search(t[max(0, a - 2):a]) and (ue := self._unit_expression(core)) is not None \
                    and ue[1] == len(core):
                continue  # the unit of the figure before it: "9.8 km/s2", "4,000 m2", "5.5x10-3 kg/cm³"
            kind = self._classify_chunk(core)
            if kind is None and _LETTER_MODEL.fullmatch(core) and core[0] in lex.cur_prefix and \
                    _NAME_BEFORE.search(t, max(0, a - 40), a) and not _SCALE_AFTER.match(t, b):
                kind = "identifier"  # "SkyRanger R70 drones", "Vektor R4 rifles": a model named after its maker's name,
                # not rand (a price is written with its scale or after a verb: "R70 million", "costs R350")
            if kind is None and (code := _LETTERS_CODE.fullmatch(core)) is not None and \
                    code.group(1) in lex.cur_prefix and not _SCALE_AFTER.match(t, b):
                kind = "identifier"  # "Technology Services 3 (RM6100)", "framework RM3764.3": letters glued to four or more
                # ungrouped digits are a code; an amount of ringgit or rand that size is grouped ("RM6,100", "R12,500")
            if kind == "identifier":
                # a possessive or a parenthesis glued after is not part of the name
                mm = rx(r"^(.*?)(?:['’]s)?$").match(core)
                b = a + len(mm.group(1))
                self._emit(a, b, "identifier")
                self._block(a, b)
        # "LAV 6.0", "ACV 1.1", "NGAD 2.0": an acronym, then a version number with one decimal - a model's name
        for m in _ACRONYM_VERSION.finditer(t):
            w = m.group("w")
            a, b = m.start(), m.end("n")
            if not self._free(m.start("n"), b) or w in lex.cur_prefix or self._scaled_code(w + " ") is not None or \
                    self._amount_follows(t[b:b + 40], strong=True) or self._unit_expression(t[b:b + 40]) is not None:
                continue
            self._emit(a, b, "identifier")
            self._block(m.start("n"), b)
        # "Block 70", "Lot 18", "Type 26s", "Saab 340", "GM 400 Alpha": a name, then a number
        for m in rx(r"(?<![\p{L}\p{N}$€£¥₩₹₺.-])(?P<w>\p{Lu}[\p{L}\p{M}]*\.?|(?=\d*\p{Lu})[\p{Lu}\d]{2,})[ \u00a0]"
                                r"(?P<n>\d+[A-Za-z]{0,3})(?![\d.,/]?\d)(?P<tail>-[\p{L}]+)?").finditer(t):
            w = m.group("w").rstrip(".")
            wl = w.lower()
            a, b = m.start(), m.end("n")
            if not self._free(m.start("n"), b):
                continue
            if wl in NOT_DESIGNATORS or wl in MONTHS or w in lex.cur_prefix or w.upper() in lex.cur_prefix \
                    or self._scaled_code(w + " ") is not None:
                continue
            tail = (m.group("tail") or "")[1:].lower()
            after = t[b:b + 40]
            if wl not in lex.designators and self._verb_opens_sentence(w, a):
                continue  # "Adding 15 patrol vessels ...": a verb starting a sentence, not a name
            if wl not in lex.designators and _ORDINAL_NAMED_BEFORE.search(t, max(0, a - 40), a) and \
                    w in self._formation_names():
                continue  # "cost the 2nd Polish Corps 923 killed", "gave the 101st Airborne Division 48 helicopters": a
                # unit (linking words formation_names) its ordinal already names; the number after it is a count (not
                # "the 23rd Leopard 2 user": a model's name)
            glued = rx(r"\d+(\p{L}+)").fullmatch(m.group("n"))
            if glued is not None and lex.subunits and glued.group(1).lower() in lex.subunits and \
                    wl not in lex.designators:
                continue  # "Profit 45p": pence, not a name
            if tail and tail not in lex.designation_suffixes:
                continue
            if wl not in lex.designators and (self._amount_follows(after, strong=True) or self._title_case_line(a)):
                continue
            if wl not in lex.designators and not w.isupper() and self._gapped_item(a, b):
                continue  # "took 390 of them, Lorient 240, Brest 210 and Toulon 170": items of a list whose verb and noun
                # the first item gave; a place or a company, then how many, not a model's name
            if wl not in lex.designators and rx(r"(?:1[89]|20)\d\d").fullmatch(m.group("n")) and w[0].isupper() \
                    and not w.isupper() and not self._counted_name(a, b):
                continue  # "Rheinmetall 2024": a year after a name (not "24 Mirage 2000 jets": a count, then the name)
            end = b
            span = _DESIGNATION_RANGE.match(t, b) if wl in lex.designators else None
            if span and self._free(b, span.end()):  # "Lot 15–17", "Tranche 1-3": a range of designations
                b = end = span.end()
            elif wl not in lex.designators and (variant := _MODEL_VARIANT.match(t, b)) is not None:
                b = end = variant.end()  # "Boeing 787-9 Dreamliners", "777-9s", "A330-200": the model's variant
            nxt = _NEXT_CAPITAL.match(t, b)
            if nxt and nxt.group(1).lower() not in STOP_WORDS and wl not in lex.designators and \
                    nxt.group(1) not in ("I", "A"):
                end = nxt.end()
            self._emit(a, end, "identifier")
            self._block(m.start("n"), end)
            more = _PLURAL_DESIGNATION_MORE.match(t, end) if singular(wl) != wl and singular(wl) in lex.designators \
                else None
            pair = _NAMED_PAIR_MORE.match(t, end) if more is None and w[:1].isupper() else None
            if pair is not None and self._free(pair.start(1), pair.end(1)):
                # "Pléiades Neo 5 and 6 were lost": the number after "and", with no noun of its own, names the next one
                self._emit(pair.start(1), pair.end(1), "identifier")
                self._block(pair.start(1), pair.end(1))
            if more and t[end:more.start(1)].lstrip().startswith(",") and not _DESIGNATION_LIST.match(t, end):
                more = None  # (a comma goes on a list of designations only to its "and N" end: not "Lots 1 and 2, 40 and
                # 60 vehicles")
            while more and self._free(more.start(1), more.end(1)) and \
                    not self._amount_follows(t[more.end(1):more.end(1) + 40]):
                # "Lots 1 and 2", "Tranches 2 & 3", "Batches 3 to 5", "Lots 15, 16 and 17": the numbers after name items
                self._emit(more.start(1), more.end(1), "identifier")
                self._block(more.start(1), more.end(1))
                more = _PLURAL_DESIGNATION_MORE.match(t, more.end(1))
                if more and t[more.start():more.start(1)].lstrip().startswith(",") and \
                        not _DESIGNATION_LIST.match(t, more.start()):
                    more = None
        # a model variant standing alone after a count: "35 777-8s", "12 737-800s" (the plural on the variant)
        for m in _PLURAL_VARIANT.finditer(t):
            if self._free(m.start(), m.end()):
                self._emit(m.start(), m.end(), "identifier")
                self._block(m.start(), m.end())
        # a number glued to a designation suffix: "737-based"
        for m in rx(r"(?<![\p{L}\d,.])(\d+(?:\.\d+)?)-(\p{L}+)").finditer(t):  # "737-based", "Gepard 3.9-class"
            if m.group(2).lower() in lex.designation_suffixes and self._free(m.start(1), m.end(1)):
                self._emit(m.start(1), m.end(1), "identifier")
                self._block(m.start(1), m.end(1))
        # addresses: the house number beside a street word, then the postal code on the same line
        if lex.address_re is not None:
            for m in address_matches(lex, t):  # lex.address_re.finditer(t), faster
                g = "n" if m.group("n") is not None else "n2"
                if not self._free(m.start(g), m.end(g)):
                    continue
                self._emit(m.start(g), m.end(g), "identifier")
                self._block(m.start(g), m.end(g))
                line_end = t.find("\n", m.end())
                line_end = len(t) if line_end < 0 else line_end
                for pc in _POSTCODE.finditer(t, m.end(), min(line_end, m.end() + 60)):
                    if self._free(pc.start(1), pc.end(1)):
                        self._emit(pc.start(1), pc.end(1), "identifier")
                        self._block(pc.start(1), pc.end(1))
        # "No. 12", "number 6374"
        for m in self._scan_words(_LABELLED_NUMBER, _LABELLED_NUMBER_FIRSTS):
            if self._free(m.start(1), m.end(1)) and not self._amount_follows(t[m.end(1):m.end(1) + 30]):
                self._emit(m.start(1), m.end(1), "identifier")
                self._block(m.start(1), m.end(1))
        # a bill's or a law's number: "H.R. 2102", "S. 1032", "Public Law 118-31" (not "the U.S. 2024 budget": the name
        # rule above no longer reads the "S." of "U.S." as a name either)
        if "." in t or "Law" in t:
            for m in _BILL_NUMBER.finditer(t):
                if self._free(m.start(1), m.end(1)):
                    self._emit(m.start(1), m.end(1), "identifier")
                    self._block(m.start(1), m.end(1))

        # items numbered after a plural noun: "space vehicles 17 and 18", "hulls 5 and 6", "destroyers 128 to 130"
        item_nouns = {str(w).lower() for w in (lex.vocab.get("item_number_nouns") or [])}
        for m in numbered_items(t):  # _NUMBERED_ITEMS.finditer(t), faster
            w = m.group("w").lower()
            if not self._free(m.start("a"), m.end("b")) or _NOT_ITEM_AFTER.match(t, m.end("b")) or \
                    not (singular(w) in self.lex.noun_class or singular(w) in item_nouns):
                continue  # (a thing the noun classes know, or a word that numbers items: not "employs 300 to 400")
            for g in ("a", "b"):
                self._emit(m.start(g), m.end(g), "identifier")
                self._block(m.start(g), m.end(g))
        # a whole number written with a leading zero ("budget function 051", "Form 0451", "Squadron 07") is a code,
        # never an amount (not "0.5", "0,5", "05:30", "05/12/2024": a decimal, a time or a date)
        for m in _LEADING_ZERO.finditer(t):
            if self._free(m.start(), m.end()):
                self._emit(m.start(), m.end(), "identifier")
                self._block(m.start(), m.end())

    def _formation_names(self) -> frozenset[str]:
        """Names of military units (linking words formation_names: "Corps", "Division", "Squadron")."""
        words = ((self.lex.vocab.get("linking") or {}).get("words") or {}).get("formation_names") or []
        return frozenset(str(x) for x in words)

    def _verb_opens_sentence(self, w: str, a: int) -> bool:
        """Is ``w`` (before a number at offset a) a verb form opening a sentence ("Adding 15 vessels", "Building 12
        ships") rather than a name ("Boeing 737")? It must end in -ing or -ed, open its sentence, and never be written
        with a capital inside a sentence of the text (a name is capitalised everywhere); one pass finds those."""
        wl = w.lower()
        if len(wl) < 5 or not wl.endswith(("ing", "ed")) or not w[0].isupper() or w[1:] != w[1:].lower():
            return False
        if not rx(r"(?:^|[.!?:\n•]\s*|[\n]\s*[-*]\s+)$").search(self.t[max(0, a - 4):a]):
            return False
        if self._capitalised_inside is None:  # one pass over the text: the -ing/-ed words capitalised mid-sentence
            self._capitalised_inside = capitalised_inside(self.t)
        return w not in self._capitalised_inside

    def _title_case_line(self, i: int) -> bool:
        """Is the line around offset i a headline in Title Case ("Germany Orders 20 Jets")? (once per line)"""
        a = self._line_start(i)
        known = self._title_lines.get(a)
        if known is not None:
            return known
        b = self.t.find("\n", i)
        b = b if b >= 0 else len(self.t)
        workcount.count("extract.title_case_chars", b - a)
        words = _TITLE_WORD.findall(self.t, a, b)
        self._title_lines[a] = got = len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.7
        return got

    def _amount_follows(self, after: str, strong: bool = False) -> bool:
        """Does a percent sign, scale word, unit, currency (or, unless strong, a counted noun) follow?"""
        lex = self.lex
        um = lex.unit_re.match(after)
        # ("the Hkp 14 in the early 2030s": "in" before words is the preposition, not inches)
        if _PERCENT.match(after) or um and not um.group("u")[:1].isupper() and (um.group("u") != "in" or _inches(um, after)):
            return True
        sm = lex.scale_re.match(after)
        if sm and sm.group("long"):
            return True
        if lex.cur_name_re.match(after):
            return True
        if strong:
            return False
        w = rx(r"[ \u00a0]([a-z][\p{L}-]*)").match(after)
        return bool(w and w.group(1) not in STOP_WORDS)

    def _classify_chunk(self, core: str) -> str | None:
        lex = self.lex
        if _ORDINAL_SUFFIX.match(core):
            return None
        if rx(r"^\d+[x×]\d+$").match(core):
            return "identifier"
        if _SCI_CHUNK.match(core):
            return None
        fm = _FRACTION_CHUNK.match(core)
        if fm and fraction_ok(int(fm.group(1)), int(fm.group(2))):
            return None
        if rx(r"[-−]?[\d.,]+(?:±|\+/-|\+-)[\d.,]+").fullmatch(core):
            return None  # "2,000.45±0.01": a figure and its uncertainty
        if core[0] in "+-−" and len(core) > 1 and core[1].isdigit():
            core = core[1:]  # a signed figure ("−3.2%", "+2.5%"): classify the figure
        if core[0].isdigit() or core[0] in "+-−.":
            m = rx(r"^[\d.,]+").match(core)
            rest = core[m.end():] if m else core
            if not rest or not rx(r"[\p{L}\d]").search(rest):
                return None
            if rest.startswith(("-", "–")):
                nxt = rest[1:]
                head = rx(r"[\p{L}]+").match(nxt)
                if head and head.group().lower() in lex.designation_suffixes:
                    return None  # handled by the "737-based" rule (the number alone is the name)
                if rx(r"^\d").match(nxt):
                    if rx(r"^\d+$").match(nxt) or rx(r"^[\d.,]+(?:%|[a-z]+)?$").match(nxt):
                        return None  # a range "20-30", "2024-2031", "20-30km"
                    return "identifier"
                if head and rx(r"\d|\p{Lu}{2,}").search(nxt) and not nxt.lower().startswith(("billion", "million")):
                    return "identifier"  # "737-800A", "2-ADV"
                return None  # "12-year", "3,600-ton", "1.6-billion-euro"
            rest_clean = rx(r"['’]s$").sub("", rest)
            low = rest_clean.lower()
            if rest_clean in lex.subunits:
                return None  # "14.2p": pence
            if low in ("st", "nd", "rd", "th", "s", "x", "fold") or rest_clean in lex.units or low in lex.scale:
                return None
            if rx(r"^[\p{L}°²³/µ]+$").match(rest_clean) and (rest_clean in lex.units or low in lex.units):
                return None
            if rx(r"^(?:km/h|m/s|°C|°F|m²|km²|m³)$").match(rest_clean):
                return None
            if (ue := self._unit_expression(rest_clean)) is not None and ue[1] == len(rest_clean):
                return None  # "4km^3", "10l/km", "9.8m/s2"
            if rx(r"^[a-z]+$").match(rest_clean) and len(rest_clean) > 3:
                return None  # a typo-glued word ("5years"): let the amount reader try
            return "identifier"
        # starts with a letter or symbol
        by_first = _prefixes_of(lex.cur_prefix)  # (only the prefixes that start with the chunk's first character)
        if any(core.startswith(p) and len(core) > len(p) and (core[len(p)].isdigit() or core[len(p)] in " .")
               and rx(r"[ .]?[\d.,]+(?:bn|mn|tn|m|b|k|cr|t|-(?:billion|million|trillion|thousand|crore|lakh|bn|mn))?"
                      r"(?:/\p{L}+)?", regex.I).fullmatch(core[len(p):])
               for p in (lex.cur_prefix if by_first is None else by_first.get(core[0], ()))):
            return None  # "US$6.17", "€857m", "Rs3,314", "₹2,960-crore", "$5-billion"
        if core[0] in "%":
            return None
        if rx(r"^(?:mid|early|late|end)-", regex.I).match(core):
            return None
        if rx(r"[\p{L}]").search(core):
            return "identifier"
        return None

    # ------------------------------------------------------------------ 2. amounts
    def _numerals(self) -> list[_Amount]:
        t = self.t
        found: list[_Amount] = []
        taken = bytearray(len(t) + 1)

        def free(x: int, y: int) -> bool:
            return self._free(x, y) and not any(taken[x:y])

        def take(x: int, y: int) -> None:
            taken[x:y] = b"\x01" * (y - x)

        self._digit_forms(found, free, take)
        self._article_units(found, free, take)
        for m in self.lex.glued_prefix_re.finditer(t):
            a, b = m.span("n")
            if free(a, b) and (parsed := read_digits(t[a:b], self.loc)) is not None:
                found.append(_Amount(a, b, a, b, parsed[0], parsed[1], parsed[2]))
                take(a, b)
        for m in DIGITS_RE.finditer(t):
            pieces = split_numeral(m.group(), self.loc)
            if " " in m.group() and not free(m.start(), m.end()):
                # "Lot 18 145 jets": a space group that runs into a name is two numbers, not one
                pieces = [(x.start(), x.end()) for x in rx(r"\d+").finditer(m.group())]
            for pa, pb in pieces:
                a, b = m.start() + pa, m.start() + pb
                if not free(a, b):
                    continue
                parsed = read_digits(t[a:b], self.loc)
                if parsed is None:
                    continue
                v, dec, grp = parsed
                if b < len(t) and rx(r"(?:st|nd|rd|th)\b").match(t[b:b + 3]):
                    self._emit(a, b + 2, "ordinal", v)
                    self._block(a, b + 2)
                    continue
                found.append(_Amount(a, b, a, b, v, dec, grp))
        g = self.g
        for m in rx(r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|\d)\s+in\s+"
                                r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b").finditer(t):
            v = value_of_fraction(m.group(), g)
            after = t[m.end():m.end() + 12]
            if v is not None and (v >= 1 or rx(r"\s*(?:years?|months?|weeks?|days?|hours?|decades?)\b", regex.I).match(after)):
                continue  # "rose 5 in three months", "4 in two years": a count and a span of time, not "one in three"
            if v is not None and free(*m.span()):
                found.append(_Amount(m.start(), m.end(), m.start(), m.end(), v, word=True, exact_word=True,
                                     role="fraction"))
                take(*m.span())
        for m in self._scan("run"):
            for a, b, v, exact, dec, scale_word in read_cardinals(t, m.start(), m.end(), g, self._noun_after):
                if not free(a, b) or self._pronoun_one(a, b) or self._bare_multiplier(a, b):
                    continue
                before = _DESIGNATOR_BEFORE.search(t, max(0, a - 12), a)
                if before is not None and before.group(1).lower() in self.lex.word_designators:
                    # "phase two is three times the size of phase one", "Tranche Three": a number word naming an item
                    self._emit(a, b, "identifier")
                    take(a, b)
                    continue
                am = _Amount(a, b, a, b, v, decimals=dec, word=True, exact_word=exact)
                last = rx(r"[\s-]+").split(t[a:b].lower())[-1]
                if 0 < v < 1 and last in g.fracs:
                    am.role = "fraction"  # "two-thirds", "three-quarters": a share or a change, not a count
                if scale_word:
                    am.scale, am.scale_factor, am.word_scale = scale_word, 1.0, g.mult[scale_word]
                found.append(am)
                take(a, b)
        for m in self._scan("fraction"):
            if not free(*m.span()) or rx(r"\band\s+$").search(t[max(0, m.start() - 5):m.start()]) \
                    or t[m.end():m.end() + 1] == "-":
                continue
            v = value_of_fraction(m.group(), g)
            if v is None:
                continue
            words = m.group().lower().replace("-", " ").split()
            # "the third" is an ordinal, "a third" a fraction - unless a noun follows ("a third GlobalEye")
            if len(words) == 2 and words[0] == "a" and rx(r"\bthe\s+$").search(t[max(0, m.start() - 5):m.start()]):
                continue
            nxt = rx(r"\s+([\p{L}]+)").match(t[m.end():m.end() + 30])
            if len(words) == 2 and nxt and nxt.group(1).lower() not in STOP_WORDS:
                continue
            if words == ["half"] and _HALF_OF_YEAR.match(t, m.end()):
                continue
            found.append(_Amount(m.start(), m.end(), m.start(), m.end(), v, word=True, exact_word=True,
                                 role="fraction"))
            take(*m.span())
        for m in g.ordinal.finditer(t):
            if free(*m.span()):
                v = value_of_ordinal(m.group(), g)
                if v is not None and not _ORDINAL_OF.match(t, m.end()):
                    self._emit(m.start(), m.end(), "ordinal", v)
                    self._block(*m.span())
        for m in self._scan("multiple"):
            if free(*m.span()) and not _DIGITS_WORD.match(t, m.end()):  # not "grew by double digits", "triple-digit"
                if _HYPHEN_COMPOUND.match(t, m.end()):
                    continue  # "a double-V hull", "double-hulled", "triple-A": the first half of a compound adjective
                if m.group()[:1].isupper() and _CAPITAL_WORD_AFTER.match(t, m.end()) and not self._title_case_line(m.start()):
                    continue  # "Double Eagle vehicles", "the Triple Crown": a capital word before another names a thing
                w = m.group().lower()
                found.append(_Amount(m.start(), m.end(), m.start(), m.end(), self.lex.multiples[w], word=True,
                                     exact_word=True, role="multiple"))
        found.sort(key=lambda f: (f.num_start, -(f.num_end - f.num_start)))
        out: list[_Amount] = []
        last_end = -1
        for f in found:
            if f.num_start >= last_end:
                out.append(f)
                last_end = f.num_end
        return out

    def _digit_forms(self, found: list[_Amount], free, take) -> None:
        """Scientific notation ("1.3e6"), digit fractions ("3/4", "2 1/2") and a leading point (".75")."""
        t = self.t
        if rx(r"\d(?:[eE]|[ \u00a0]?[x×·][ \u00a0]?10)").search(t):
            for m in _SCI.finditer(t):
                if free(*m.span()):
                    exp = int(m.group(2).translate(_SUPERSCRIPT))
                    v = float(f"{m.group(1)}e{exp}")
                    mantissa_decimals = len(m.group(1).partition(".")[2])
                    found.append(_Amount(m.start(), m.end(), m.start(), m.end(), v, decimals=max(0, mantissa_decimals - exp)))
                    take(*m.span())
        if "/" in t:
            for m in _FRACTION.finditer(t):
                num, den = int(m.group(2)), int(m.group(3))
                mixed = bool(m.group(1)) and num < den
                a = m.start() if mixed else m.start(2)
                if not fraction_ok(num, den) or not free(a, m.end()):
                    continue
                v = num / den + (int(m.group(1)) if mixed else 0)
                found.append(_Amount(a, m.end(), a, m.end(), v, decimals=6))
                take(a, m.end())
        if _VULGAR_CHARS.search(t):
            for m in _VULGAR.finditer(t):
                if free(*m.span()):
                    v = unicodedata.numeric(m.group(2)) + (int(m.group(1)) if m.group(1) else 0)
                    found.append(_Amount(m.start(), m.end(), m.start(), m.end(), v, decimals=3))
                    take(*m.span())
        if "." in t:
            for m in _LEADING_POINT.finditer(t):
                if free(*m.span()):
                    found.append(_Amount(m.start(), m.end(), m.start(), m.end(), float("0." + m.group(1)),
                                         decimals=len(m.group(1))))
                    take(*m.span())

    def _article_units(self, found: list[_Amount], free, take) -> None:
        """ "a litre", "an ml", "a kilogram": one of a measuring unit. Not time units ("a year", "a second"
        are rates and ordinals), not after a figure ("$3.50 a gallon" is a price per gallon)."""
        t, lex = self.t, self.lex
        for m in rx(r"\b(?:a|an)[ \u00a0]+(?=\p{L})", regex.I).finditer(t):
            um = lex.unit_re.match(t[m.end() - 1:m.end() + 40])
            if not um or um.group("u") in lex.tight_units or lex.units[um.group("u")] in _TIME_UNITS:
                continue
            if rx(r"[\d%]\S*\s+$|\bper\s+$").search(t[max(0, m.start() - 20):m.start()]) or not free(m.start(), m.end()):
                continue
            sw = _SCALE_WORD_BEFORE.search(t, max(0, m.start() - 40), m.start())
            if sw is not None and sw.group(1).lower() in lex.scale:
                continue  # "€2.1 million a kilometre": a price per kilometre too, the figure ending on its scale word
            a = m.start()
            b = a + len(m.group().rstrip())
            found.append(_Amount(a, b, a, b, 1.0, word=True, exact_word=True))
            take(a, b)
        # "fell just under a percent", "half a percentage point": one percent, or half of one
        for m in _ONE_PERCENT.finditer(t):
            a, b = m.span()
            if free(a, b):
                found.append(_Amount(a, b, a, b, 0.5 if m.group("half") else 1.0, word=True))  # as rounded as "1%"
                take(a, b)

    def _noun_after(self, pos: int) -> bool:
        """Does a noun (or a hyphenated compound) follow a fraction word ending at pos ("a third GlobalEye",
        "fifth-generation")? Then the word is an ordinal, not a fraction."""
        if self.t[pos:pos + 1] == "-":
            return True
        nxt = rx(r"[ \t]+([\p{L}]+)").match(self.t[pos:pos + 30])
        return bool(nxt and nxt.group(1).lower() not in STOP_WORDS and nxt.group(1).lower() not in self.lex.units
                    and nxt.group(1).lower() not in self.g.mult)

    def _pronoun_one(self, a: int, b: int) -> bool:
        """ "the one you mentioned", "which one": "one" as a pronoun after a determiner is not a number; nor after a
        determiner and an adjective when no noun follows ("the new one will make", "a bigger one in 2027")."""
        if self.t[a:b].lower() != "one":
            return False
        if rx(r"(?i)\b(?:the|this|that|which|each|every|any|no|another|some|someone|anyone|every)\s+$").search(
                self.t[max(0, a - 12):a]):
            return True
        return bool(_ADJ_BEFORE_ONE.search(self.t, max(0, a - 40), a)) and bool(_NO_NOUN_AFTER.match(self.t, b))

    def _bare_multiplier(self, a: int, b: int) -> bool:
        """Is this word run a scale word belonging elsewhere? "thousand" alone counts only in lower case, and never
        after a figure ("1.2 million", "₹1.72 lakh crore") or "the"."""
        w = self.t[a:b]
        words = w.lower().split()
        if words and words[0] in self.g.mult and rx(r"\d\s*$").search(self.t[max(0, a - 8):a]):
            return True  # "$6.5 billion and one for 81 vehicles": the figure's scale word, not a new number
        if len(words) != 1 or words[0] not in self.g.mult:
            return False  # a run of words ("thousand million") with no figure before is a number of its own
        return not w.islower() or bool(rx(r"(?:[\d$€£¥.,%]\s*|\bthe\s+|-)$").search(self.t[max(0, a - 8):a]))

    def _read_around(self, f: _Amount) -> None:
        t, lex = self.t, self.lex
        before = t[max(0, f.num_start - 40):f.num_start]
        # Turkish percent first: "%128"
        if before.endswith(("%", "% ")) and not f.word:
            f.type, f.unit = "percent", "percent"
            f.start = f.num_start - (1 if before.endswith("%") else 2)
        # sign
        sign_gap = 0
        if not f.word and before.endswith(("-", "\u2212")) and (len(before) < 2 or before[-2] in " (\t\n"):
            f.value = -f.value
            if f.type is None and (lex.cur_prefix_re.search(before[:-1]) or self._scaled_code(before[:-1]) is not None):
                before = before[:-1]  # "SEK -17.6 M", "TSEK -1,188": the sign after the currency code and a space
                sign_gap = 1
            else:
                f.start -= 1
        elif not f.word and before.endswith(("-", "\u2212")) and lex.cur_prefix_re.search(before[:-1]):
            f.value = -f.value  # "$-99.99": the sign after the currency symbol
            before = before[:-1]
            sign_gap = 1
        elif not f.word and before.endswith("+") and (len(before) < 2 or before[-2] in " (\t\n"):
            f.start -= 1  # "+2.5%": an explicit plus sign is part of the figure
        elif _NEGATIVE.search(before):
            f.value = -f.value
            f.start -= len(_NEGATIVE.search(before).group())
        # currency prefix
        if f.type is None and not f.word:
            pm = lex.cur_prefix_re.search(before)
            if pm:
                p = pm.group("p")
                if not (p in lex.tight_prefixes and pm.group("sp")):
                    f.type, f.unit = "currency", lex.cur_prefix[p]
                    if p == "$":
                        f.unit = lex.vocab.get("dollar_sign", "USD")
                    f.start = f.num_start - sign_gap - (len(before) - pm.start())
            else:
                sc = self._scaled_code(before)
                if sc is not None:  # "MSEK 21 173", "SEKm 21,173", "€m 45"
                    length, code, factor, word = sc
                    f.type, f.unit, f.scale_factor, f.scale = "currency", code, factor, word
                    f.start = f.num_start - sign_gap - length
        if f.type == "currency" and f.start < f.num_start and (f.value or 0) > 0:
            neg = _NEGATIVE.search(t[max(0, f.start - 20):f.start])
            if neg:  # "minus €19 million": the word goes before the currency symbol
                f.value = -f.value
                f.start -= len(neg.group())
        # hedge
        hb = t[max(0, f.start - 30):f.start]
        hm = lex.hedge_re.search(hb)
        if hm is None:  # "almost a threefold increase", "nearly a 50% rise": the hedge before the article is the figure's
            art = _ARTICLE_END.search(hb)
            hm = lex.hedge_re.search(hb, 0, art.start()) if art is not None else None
            # only a hedge of size ("about", "almost"), not a preposition ("under a £4.2 billion deal")
            word = rx(r"\s+").sub(" ", hm.group().strip().lower()) if hm is not None else ""
            if hm is not None and lex.hedges.get(word, {}).get("window") != "band" and word not in _SIZE_HEDGES and \
                    not (f.role == "multiple" and word in _FLOOR_HEDGES) and \
                    not (word in _FLOOR_WORDS and _PERCENT_AFTER.match(t, f.num_end)):
                hm = None  # ("more than a fivefold increase", "more than a 150% increase": a floor before a multiple's
                # or a percentage's article is the figure's; not "under a £4.2 billion deal")
            if hm is not None:
                hb = hb[:art.start()]
        if hm and not (hm.group().strip().lower() in ("over", "under", "above", "below") and
                       (_PARTICLE_VERB.search(hb[:hm.start()]) or _change_noun_before(lex).search(hb[:hm.start()]))):
            f.hedge = rx(r"\s+").sub(" ", hm.group().strip().lower())
        pos = f.num_end
        # "2,000.45±0.01 pounds": the interval the figure states, as a range
        unc = rx(r"[ \u00a0]?(?:±|\+/-|\+/−|\+-)[ \u00a0]?(\d+(?:[.,]\d+)*(?:[eE][-+]?\d{1,3})?)(?![\d.,]?\d)").match(t[pos:pos + 30])
        if unc and not f.word and f.value_high is None:
            try:
                d = float(unc.group(1)) if rx(r"[eE]").search(unc.group(1)) else (read_digits(unc.group(1), self.loc) or (None,))[0]
            except ValueError:
                d = None
            if d is not None:
                f.value, f.value_high = f.value - d, f.value + d
                f.decimals = max(f.decimals, len(unc.group(1).partition(".")[2]))
                pos += unc.end()
                f.num_end = pos
                self._block(f.num_start, pos)
        # "(45) million euros", "£(88)m": an accounting negative, its scale or currency outside the bracket
        if before.endswith("(") and t[pos:pos + 1] == ")" and not f.word and f.type in (None, "currency"):
            sm0 = lex.scale_re.match(t[pos + 1:pos + 21])
            pm0 = lex.cur_prefix_re.search(before[:-1]) if f.type is None else None
            if pm0 is not None and not pm0.group("sp") and pm0.group("p") in lex.cur_prefix:
                f.type, f.unit = "currency", lex.cur_prefix[pm0.group("p")]
                if pm0.group("p") == "$":
                    f.unit = lex.vocab.get("dollar_sign", "USD")
                f.value = -f.value
                f.start = f.num_start - (len(before) - pm0.start())
                pos += 1
            elif sm0 is not None and sm0.group("long") and sm0.group(0)[:1].isspace():
                f.value = -f.value
                f.start -= 1
                pos += 1
        elif f.type == "currency" and f.start > 0 and t[f.start - 1] == "(" and t[pos:pos + 1] == ")" and \
                not f.word and f.start < f.num_start:
            # "($10.8) million", "(€4.2) billion": the currency inside the bracket, the scale outside
            sm0 = lex.scale_re.match(t[pos + 1:pos + 21])
            if sm0 is not None and sm0.group("long") and sm0.group(0)[:1].isspace():
                f.value = -f.value
                f.start -= 1
                pos += 1
        # range "20-30", "20–30%": one mention, value and value_high
        rm = _RANGE_END.match(t, pos)
        if rm and not f.word and not self._is_year(f.value, f) and self._free(pos, rm.end()):
            parsed = read_digits(rm.group(1), self.loc)
            if parsed and parsed[0] > f.value:
                f.value_high = parsed[0]
                pos = rm.end()
                f.num_end = pos
                self._block(f.num_start, pos)
        # "and a half" after digits is rare; skip. Scale word:
        sm = lex.scale_re.match(t[pos:pos + 20])
        spaced = self._spaced_scale(f, pos) if f.scale_factor == 1.0 else None
        foreign = bool(sm and sm.group("long") and not f.word and f.value_high is None and f.scale_factor == 1.0
                       and self._foreign_scale(f, sm.group("long")))  # "3.815 Mio. EUR" in English: German digits
        long_known = bool(sm and sm.group("long")) and bool(
            (lex.locale_scales or {}).get(self.loc, {}).get(sm.group("long").lower()) or lex.scale.get(sm.group("long"))
            or lex.scale.get(sm.group("long").lower()))
        if foreign and sm is not None:
            pos += sm.end()
        elif spaced is not None and not long_known:
            name, factor, end = spaced  # "2.8 bn", "€117.9 m", "45 m euros"
            f.scale, f.scale_factor = name, factor
            pos = end
        elif f.scale_factor != 1.0:
            pass  # the scale came with the currency code ("MSEK")
        elif sm and (sm.group("long") or (not f.word and (sm.group("short") and (f.type == "currency" or
                     self._short_scale_ok(pos, sm))))):
            name = (sm.group("long") or sm.group("short"))
            factor = (lex.locale_scales or {}).get(self.loc, {}).get(name.lower()) or lex.scale.get(name) \
                or lex.scale.get(name.lower())
            if factor and not (name == "m" and f.type is None and _METRE_AFTER.match(t[pos + sm.end():pos + sm.end() + 30])
                               and not _MONEY_M_BEFORE.search(t, max(0, f.start - 30), f.start)):
                f.scale, f.scale_factor = name, factor
                pos += sm.end()
                sm2 = lex.scale_re.match(t[pos:pos + 20])
                if sm2 and sm2.group("long") and sm2.group(0)[:1].isspace():
                    second = (lex.locale_scales or {}).get(self.loc, {}).get(sm2.group("long").lower()) \
                        or lex.scale.get(sm2.group("long").lower())
                    if second and second > 100:  # "1.72 lakh crore", "a thousand million"
                        f.scale, f.scale_factor = f"{name} {sm2.group('long')}", factor * second
                        pos += sm2.end()
                pos = self._compound(f, pos)
            # "1.6-billion-euro", "90-billion Australian dollar"
        rest = t[pos:pos + 60]
        if f.type is None or f.type == "currency":
            pm2 = _POINTS.match(rest)
            if f.type is None and pm2:
                f.type, f.unit = "percent", "percentage_point"
                pos += pm2.end()
            elif f.type is None and _PERCENT.match(rest) and not _YEAR_LABEL.search(t, max(0, f.num_start - 12), pos + 3):
                f.type, f.unit = "percent", "percent"
                pos += _PERCENT.match(rest).end()
            else:
                link = rx(r"[ \u00a0](?:de[ \u00a0]|d['’])(?=\p{L})").match(rest) if f.scale else None
                if link:  # "1,5 milliard d'euros", "857 milioane de euro": read the name as if it followed
                    pos += link.end() - 1
                    rest = " " + t[pos + 1:pos + 60]
                sc = _SCALED_CODE_AFTER.match(rest) if f.type is None and f.scale_factor == 1.0 and not f.word else None
                if sc is not None and (got := self._scaled_code(sc.group(1))) is not None:
                    # "-1,140.0 MSEK", "5,305 MNOK", "450 TEUR", "1,140 SEKm": the scaled code after the figure
                    _, code, factor, word = got
                    f.type, f.unit, f.scale, f.scale_factor = "currency", code, word, factor
                    pos += sc.end()
                    rest = t[pos:pos + 60]
                cm = lex.cur_name_re.match(rest) if f.type is None or f.type == "currency" and not sc else None
                if cm and (f.type is None or lex.cur_names.get(cm.group("n")) == f.unit):
                    name = cm.group("n")
                    code = lex.cur_names.get(name) or next(
                        (c for n, c in lex.cur_names.items() if n.lower() == name.lower()), None)
                    if code and (name.isupper() or name.lower() == name or name[0].isupper()):
                        # "won" is a verb too ("12 won contracts"): a currency after a scale word, or (a won is
                        # worth a tenth of a cent: prices run to thousands) a figure of 1,000 or more with no
                        # object after the word ("58,100 won per share", "45,000 won.", "won (about $40)")
                        verb_won = name.lower() == "won" and not (f.scale or f.type == "currency") and \
                            not ((f.value or 0) >= 1000 and _WON_AFTER.match(t, pos + cm.end()))
                        # "$550 million in 2010 dollars", "in constant 2020 pounds": the year whose prices an amount
                        # is given in, no money
                        price_year = f.type is None and not f.scale and not f.grouped and f.decimals == 0 and \
                            1900 <= (f.value or 0) <= 2100 and _PRICE_YEAR_BEFORE.search(t, max(0, f.start - 20), f.start)
                        if not verb_won and not price_year:
                            f.type, f.unit = "currency", code
                            pos += cm.end()
                if f.type is None:
                    pos = self._currency_after(f, pos)
        rest = t[pos:pos + 60]
        # "multiplied by 3", "grew by a factor of 4" ("rose by 1,212 to 8,641" is the size of a change, not a multiple)
        if f.role is None and rx(r"(?i)(?:multiplied|multiply)\s+by\s+(?:a\s+factor\s+of\s+)?$"
                                           r"|by\s+a\s+factor\s+of\s+$").search(t[max(0, f.start - 40):f.start]) \
                and not _PERCENT.match(rest) and f.type is None and not self._amount_follows(rest):
            f.role = "multiple"
        if f.type is None and f.role is None:
            tm = _TIMES.match(rest)
            if tm and rest[:1] == "X" and rx(r"\d{3,}").fullmatch(t[f.num_start:f.num_end] if f.num_end > f.num_start else ""):
                tm = None  # "Emirates' 777X backlog": a capital X glued to three or more digits names a model
            if tm:
                f.role = "multiple"
                pos += tm.end()
        if f.role == "fraction" and f.type is None and (fu := lex.unit_re.match(rest)) and not fu.group("sp") == "-" and \
                fu.group("u").lower() != "in":
            f.role = None  # "one-half miles", "three-quarters of an hour" stays a fraction (and "a fifth in six years":
            # "in" after a fraction is the preposition, not inches)
        if f.type is None and f.role is None:
            um = lex.unit_re.match(rest)
            if um:
                u = um.group("u")
                glued = not um.group("sp")
                inch_ok = u == "in" and _inches(um, rest)
                if glued or u not in lex.tight_units or u not in lex.glued_only or inch_ok:
                    if not ((u == "in" and not inch_ok) or (u in ("m", "t") and f.scale)):
                        read = self._unit_expression(rest)
                        if read is not None and not self._in_identifier(pos + len(um.group("sp"))):  # "24703 L-202"
                            self._drop_ordinals(pos, pos + read[1])  # "1 second": the unit, not the ordinal read before
                            f.type, f.unit = "quantity", read[0]
                            pos += read[1]
            elif rx(r'["″](?![\p{L}\d])').match(rest) and not f.word and (
                    rest[0] == "″" or self._quotes_before(f.num_start) % 2 == 0):
                f.type, f.unit = "quantity", "inch"  # '9"', '8″' - not the closing quote of a quotation
                pos += 1
            else:
                mm = rx(r"[\s-]((?:flight|flying|engine|operational|man)[\s-](?:hours?))\b", regex.I).match(rest)
                if mm:
                    f.type, f.unit = "quantity", "hour"
                    pos += mm.end()
        f.end = pos
        if f.type is None and f.role is None:
            self._noun_phrase(f)
            if self._is_year(f.value, f, typed_ok=True) and not (
                    f.noun and f.noun.lower().endswith("s") and singular(f.noun).lower() in lex.noun_class):
                f.type, f.unit, f.noun, f.end = "date", None, None, f.num_end

    def _line_start(self, i: int) -> int:
        """Offset of the start of the line holding offset i (a look-up, not a scan back over a long line)."""
        if self._newlines is None:
            self._newlines = array("q", (m.start() for m in rx("\n").finditer(self.t)))
        k = bisect_left(self._newlines, i)  # newlines before i
        return self._newlines[k - 1] + 1 if k else 0

    def _quotes_before(self, i: int) -> int:
        """How many '"' stand on i's line before offset i."""
        if self._quotes is None:
            self._quotes = [m.start() for m in rx('"').finditer(self.t)]
        line = self._line_start(i)
        workcount.count("extract.quote_lookups")
        return bisect_left(self._quotes, i) - bisect_left(self._quotes, line)

    def _in_identifier(self, i: int) -> bool:
        """Is offset i inside an identifier found so far? (all are found before amounts are read around)"""
        if self._names is None:
            spans = sorted((m.start, m.end) for m in self.out if m.type == "identifier")
            ends, top = [], -1
            for _, e in spans:
                top = max(top, e)
                ends.append(top)
            self._names = ([a for a, _ in spans], ends)
        starts, ends = self._names
        k = bisect_right(starts, i)  # identifiers starting at or before i; the longest reach of them
        workcount.count("extract.identifier_lookups")
        return k > 0 and ends[k - 1] > i

    def _drop_ordinals(self, a: int, b: int) -> None:
        """Forget the ordinals starting in [a, b) (removed from the output at the end of the run)."""
        if self._ordinals is None:
            self._ordinals = sorted((m.start, id(m)) for m in self.out if m.type == "ordinal")
        k = bisect_left(self._ordinals, (a, -1))
        while k < len(self._ordinals) and self._ordinals[k][0] < b:
            workcount.count("extract.ordinal_lookups")
            self._dropped.add(self._ordinals[k][1])
            k += 1

    def _unit_expression(self, rest: str) -> tuple[str, int] | None:
        """The unit at the start of ``rest`` with its power and what it is per: "km", "km^3" / "km cubed"
        (cubic_kilometer), "l/km", "J/m^2 per year" (joule / square_meter / year). Returns the pint name and
        the length read, or None when the unit's power is not one we read ("s2" is a power only after "/")."""
        lex = self.lex
        sizes = lex.vocab.get("compound_units") or {}

        def one(m: regex.Match) -> str | None:
            unit = lex.units[m.group("u")]
            pw = (m.group("pow") or "").strip()
            if not pw:
                return unit
            p = 2 if pw in ("^2", "²", "2", "squared") else 3
            if unit.startswith(("square_", "cubic_")):
                return None
            return ("square_" if p == 2 else "cubic_") + unit if (sizes.get(unit) or [None])[0] == "length" \
                else f"{unit} ** {p}"

        um = lex.unit_re.match(rest)
        if not um or (name := one(um)) is None:
            return None
        end = um.end()
        dens: list[str] = []
        while len(dens) < 2:
            dm = rx(r"[ \u00a0]?/[ \u00a0]?|[ \u00a0]+per[ \u00a0]+").match(rest[end:end + 8])
            if not dm:
                break
            vm = lex.unit_re.match(rest[end + dm.end():end + dm.end() + 40])
            if not vm:  # a denominator may carry a bare power: "m/s2"
                vm = rx(r"(?P<sp>)(?P<u>[\p{L}µ]{1,4})(?P<pow>[23])(?![\p{L}\d])").match(rest[end + dm.end():end + dm.end() + 8])
                if vm and vm.group("u") not in lex.units:
                    vm = None
            if not vm or vm.group("sp") or (d := one(vm)) is None or \
                    (vm.group("u") in lex.glued_only and not dm.group().strip() == "/"):
                break
            dens.append(d)
            end += dm.end() + vm.end()
        if dens:
            name = " / ".join([name, *dens])
        return name, end

    def _currency_after(self, f: _Amount, pos: int) -> int:
        """Money written after a bare figure: "361 million pounds", "50 cents", "20 €". Returns the new end."""
        t, lex = self.t, self.lex
        rest = t[pos:pos + 30]
        if f.scale and lex.cur_after_scale:
            wm = rx(r"[ \u00a0](\p{L}+)(?![\p{L}])").match(rest)
            if wm and wm.group(1).lower() in lex.cur_after_scale:
                f.type, f.unit = "currency", lex.cur_after_scale[wm.group(1).lower()]
                return pos + wm.end()
        if lex.subunit_re is not None and not f.scale:
            sm = lex.subunit_re.match(rest)
            if sm and len(sm.group("s")) == 1 and (sm.group(0)[:1].isspace() or not sm.group("s").islower()):
                sm = None  # a one-letter sub-unit ("14.2p") only glued to the figure, and lower case
            if sm and len(sm.group("s")) == 1 and (nc := _NEXT_CELL.match(t, pos + sm.end())) is not None and \
                    nc.group("suf").lower() != sm.group("s").lower():
                sm = None  # "20.9p      16.2r     +4.7", "49p   45": in a table row whose next cell has no such letter, a
                # footnote mark (provisional, revised), not pence ("14.2p   13.0p" stays pence)
            if sm:
                code, factor = lex.subunits[sm.group("s").lower()]
                if code == "USD":
                    code = lex.vocab.get("dollar_sign", "USD")
                f.type, f.unit, f.scale_factor = "currency", code, f.scale_factor * factor
                return pos + sm.end()
        if lex.cur_suffix_re is not None and not f.word:
            xm = lex.cur_suffix_re.match(rest)
            if xm:
                code = lex.cur_suffix[xm.group("s")]
                if xm.group("s") == "$":
                    code = lex.vocab.get("dollar_sign", "USD")
                f.type, f.unit = "currency", code
                return pos + xm.end()
        return pos

    def _compound(self, f: _Amount, pos: int) -> int:
        """"USD 7 billion 154 million", "2 million 350 thousand": a figure under 1,000 with a smaller scale word
        right after a scaled figure is the rest of one amount, as translated releases write it."""
        cm = _COMPOUND_REST.match(self.t, pos)
        if cm is None or f.word or f.value_high is not None or f.value != int(f.value):
            return pos
        lex = self.lex
        w = cm.group("w")
        second = (lex.locale_scales or {}).get(self.loc, {}).get(w.lower()) or lex.scale.get(w) or lex.scale.get(w.lower())
        if not second or second < 1000 or second >= f.scale_factor or w in lex.short_scales or w.lower() in lex.short_scales:
            return pos
        f.value += int(cm.group("n")) / (f.scale_factor / second)
        f.decimals = max(f.decimals, round(math.log10(f.scale_factor / second)))
        f.compound_end = cm.end()
        return cm.end()

    def _foreign_scale(self, f: _Amount, word: str) -> bool:
        """A scale word of exactly one other locale ("Mio.", "Mrd.", "milyar") after a figure: the figure is
        written in that locale's digits, and the word scales it."""
        tables = self.lex.locale_scales or {}
        key = word.lower()
        if key in tables.get(self.loc, {}) or self.lex.scale.get(word) or self.lex.scale.get(key):
            return False
        owners = [loc for loc, tab in tables.items() if key in tab]
        if not owners or len({tables[loc][key] for loc in owners}) != 1:
            return False  # ("mld" is 10^9 in Polish, Czech and Romanian alike: read; a word two tables disagree on: not)
        if len(regex.sub(r"\P{L}", "", key)) < 6 and f.type != "currency":
            # "bin", "mie", "Mio.", "juta": only with money before ("Rp 5 juta") or after them
            at = f.num_end + self.t[f.num_end:f.num_end + 20].lower().find(key) + len(key)
            rest = self.t[at:at + 40]
            if not (self.lex.cur_name_re.match(rest) or rx(r"[ \u00a0](?:de[ \u00a0]|d['’])?\p{L}").match(rest) and
                    self.lex.cur_name_re.match(" " + regex.sub(r"^[ \u00a0](?:de[ \u00a0]|d['’])", "", rest)) or
                    rx(r"[ \u00a0]?[A-Z]{3}(?![\p{L}])").match(rest) and rest.strip()[:3] in self.lex.cur_prefix or
                    rx(r"[ \u00a0]?[€$£¥₺₹]").match(rest) or
                    self.lex.cur_suffix_re is not None and self.lex.cur_suffix_re.match(rest.lstrip(" \u00a0"))):
                return False
        readings = {parse_digits(self.t[f.num_start:f.num_end], loc) for loc in owners}
        parsed = readings.pop() if len(readings) == 1 else None  # the owners' digits must agree ("1.5 juta")
        if parsed is None:
            return False
        sign = -1 if f.value < 0 else 1
        f.value, f.decimals, f.grouped = sign * parsed[0], parsed[1], parsed[2]
        f.scale, f.scale_factor = word, float(tables[owners[0]][key])
        return True

    def _scaled_code(self, before: str) -> tuple[int, str, float, str] | None:
        """A currency code with its scale glued on, right before a figure: (length, ISO code, factor)."""
        v = self.lex.vocab
        pre, suf = v.get("scaled_code_prefixes") or {}, v.get("scaled_code_suffixes") or {}
        m = _SCALED_CODE.search(before)
        if m is None:
            return None
        codes = self.lex.cur_prefix
        if m.group("sp") is not None and m.group("c") in codes and len(m.group("c")) == 3 and m.group("sp") in pre:
            return len(before) - m.start(), codes[m.group("c")], float(pre[m.group("sp")]), m.group("sp")
        if m.group("c2") is not None and m.group("c2") in codes and m.group("ss") in suf:
            return len(before) - m.start(), codes[m.group("c2")], float(suf[m.group("ss")]), m.group("ss")
        return None

    def _spaced_scale(self, f: _Amount, pos: int) -> tuple[str, float, int] | None:
        """A short scale word after a space ("2.8 bn", "€117.9 m", "45 m euros"): (word, factor, end)."""
        if f.word:
            return None
        m = _SPACED_SCALE.match(self.t, pos)
        if m is None:
            return None
        v = self.lex.vocab
        name = m.group("s")
        always = {str(k).lower(): float(x) for k, x in (v.get("spaced_scales") or {}).items()}
        money = {str(k).lower(): float(x) for k, x in (v.get("spaced_money_scales") or {}).items()}
        key = name.lower()
        if key in always:
            return name, always[key], m.end()
        if key not in money:
            return None
        rest = self.t[m.end():m.end() + 40]
        if f.type == "currency" or self.lex.cur_name_re.match(rest) or \
                (self.lex.cur_suffix_re is not None and self.lex.cur_suffix_re.match(rest)) or \
                rx(r"[ \u00a0](?:[A-Z]{3})(?![\p{L}])").match(rest) and \
                rest[1:4] in self.lex.cur_prefix:
            return name, money[key], m.end()
        return None

    def _short_scale_ok(self, pos: int, sm: regex.Match) -> bool:
        """A one-letter scale ("m", "k", "b") counts only glued to the numeral: "857m", "10k"."""
        return not sm.group(0)[:1].isspace() and sm.group("short").lower() in ("m", "k", "b", "bn", "mn", "tn", "cr")

    def _verbs_after_counts(self) -> frozenset[str]:
        """Verbs in -s that may follow a counted plural noun (vocabulary verbs_after_counts: "means", "remains")."""
        got = self.__dict__.get("_vac")
        if got is None:
            got = self.__dict__["_vac"] = frozenset(str(w).lower() for w in (self.lex.vocab.get("verbs_after_counts") or []))
        return got

    def _noun_phrase(self, f: _Amount) -> None:
        """The counted noun after a number: '1,059 COBRA II 4x4 vehicles', 'ten different variants'."""
        t = self.t
        pos = f.end
        words: list[tuple[int, int, str, bool]] = []  # start, end, text, is_identifier
        i = pos
        while len(words) < 7:
            sp = _SPACE_RUN.match(t, i)
            j = sp.end()
            if j == i and words:
                break
            if j >= len(t):
                break
            if t[j] == "-" and not words:
                j += 1  # "48-jet", "2,000-a-year"
            elif j == i:
                break
            if self.blocked[j] == 2:
                break  # a date ends the phrase ("missiles covering fiscal years 2024")
            if self.blocked[j]:
                k = j
                while k < len(t) and self.blocked[k] == 1 and not t[k].isspace():
                    k += 1
                # an identifier may contain spaces ("COBRA II 4x4"); take the whole blocked run
                while k < len(t) and (self.blocked[k] == 1 or (t[k] == " " and k + 1 < len(t) and self.blocked[k + 1] == 1)):
                    k += 1
                if (hm := rx(r"-\p{L}+(?![\p{L}\d-])").match(t[k:k + 30])) and _LETTER_AFTER_SPACE.match(t, k + hm.end()):
                    k += hm.end()  # "two Saab 340-based Erieye aircraft": the name is a modifier, the noun follows
                words.append((j, k, t[j:k], True))
                i = k
                continue
            wm = _WORD.match(t, j)
            if not wm:
                break
            w = wm.group()
            wl = w.lower()
            if not words and wl == "more" and _MORE_NOUN.match(t, wm.end()):
                i = wm.end()  # "97 more LCA Tejas Mk1A fighters", "48 more howitzers": more of the things named after
                continue
            if (wl in STOP_WORDS and not (not words and wl in NOUN_AFTER_SET and
                                          _SET_DETERMINER.search(t, max(0, f.start - 12), f.start))) \
                    or wl in MONTHS or self.lex.scale.get(wl) or (words == [] and wl in self._number_words()):
                break  # (and "3,967 five years earlier": another figure, not the thing counted)
            if words and wl in self._number_words() and t[wm.end():wm.end() + 1] != "-":
                break  # "130 SS-19s carrying six warheads each": a number word starts another figure's phrase
            if len(wl) > 4 and wl.endswith("ly") and words and not words[-1][3] and words[-1][2].endswith("s"):
                break  # an adverb after the plural noun: "a dozen eggs recently"
            if w[0].isupper() and words and not words[-1][3] and words[-1][2][0].islower() and \
                    rx(r"(?:[^s]s|ies)$").search(words[-1][2]):
                break  # "vehicles Otokar": a new phrase
            words.append((j, wm.end(), w, False))
            i = wm.end()
        # drop trailing participles that start a clause ("36 jets tailored to ...")
        while words and not words[-1][3] and rx(r"(?:ed|ing)$").search(words[-1][2]) and len(words) > 1:
            words.pop()
        if len(words) == 1 and not words[0][3] and rx(r"(?:ed|ing|ly)$").search(words[0][2]) and \
                words[0][2].lower() not in ("building", "offering", "wing", "ring", "king"):
            words = []
        if len(words) >= 2 and not words[-1][3] and not words[-2][3] and self._plural_or_known(words[-2][2]) and \
                words[-1][2].lower() in self._verbs_after_counts():
            # "21,500 soldiers means growing the force": a verb in -s after the plural noun, not a second noun
            words = words[:-1]
        if len(words) >= 2 and not words[-1][3] and f.value != 1 and not self._plural_or_known(words[-1][2]):
            # "ten aircraft account for", "4,000 people work": a verb after the counted noun
            for k in range(len(words) - 2, -1, -1):
                if not words[k][3] and self._plural_or_known(words[k][2]):
                    words = words[:k + 1]
                    break
        if len(words) >= 2 and words[-1][3] and not words[-2][3] and self._plural_or_known(words[-2][2]) \
                and words[-2][2][:1].islower():
            words = words[:-1]  # "7 sites 24/7", "12 vehicles Otokar": the noun ends before the name
        if len(words) >= 2 and t[pos:pos + 1] == "-" and not words[0][3] and words[0][2].islower() and \
                not words[0][2].endswith("s") and words[0][2] not in _COMPOUND_NOT_COUNTED:
            # "a four-engine tanker", "six-wheel trucks", "three-star generals": a number glued to a singular noun
            # before another noun counts that noun (a feature of the thing), not the things after it
            words = words[:1]
        if not words:
            return
        head = words[-1]
        if head[3] and len(words) == 1 and not rx(r"[A-Za-z]").search(head[2]):
            return
        if not head[3] and len(head[2]) == 1:
            return  # a letter is not a counted noun ("5 s", "3 x")
        if not head[3] and f.value > 1 and head[2].islower() and "-" not in head[2] and t[pos:pos + 1] != "-" \
                and not self._plural_or_known(head[2]) and not (len(words) > 1 and words[-2][2][:1].isupper()):
            return  # "56 new", "10,000 military", "two fewer": no plural noun, so the thing counted is not named here
        if self.loc == "en" and self.decided and f.decimals == 3 and not f.scale and not f.word and f.value_high is None \
                and rx(r"\d{1,3}\.\d{3}").fullmatch(t[f.num_start:f.num_end]):
            f.value, f.decimals, f.grouped = f.value * 1000, 0, True  # "6.500 employees": no count has a fraction
        f.noun = head[2]
        f.unit = singular(head[2]).lower() if not head[3] else singular(head[2])
        f.type = "count"
        f.end = head[1]
        if f.unit in ("one", "ones"):
            f.unit, f.inferred = None, True  # "31 owned ones": resolved from the figures around

    def _gapped_item(self, a: int, b: int) -> bool:
        """Is the name and number at [a, b) an item of a list after an item that gave a figure ("took 165, Excalibur
        Army in Šternberk 120 and other group companies 95", "ordered 96 Apaches, Germany 60 and Spain 24"): right
        after a comma or "and" that follows a figure of its own item, the number ending the item (a comma, "and", a
        semicolon or the sentence's end after it)?"""
        t = self.t
        if not _GAP_AFTER.match(t, b):
            return False
        sep = _GAP_SEP_BEFORE.search(t, max(0, a - 60), a)
        if sep is None:
            return False
        lo = max(0, sep.start() - 80)
        item = t[lo:sep.start()]
        cut = max(item.rfind(", "), item.rfind("; "), item.rfind(". "), item.rfind(" and "))
        return _GAP_FIGURE.search(item, cut + 1) is not None

    def _counted_name(self, a: int, b: int) -> bool:
        """Is the name at [a, b) ("Mirage 2000") counted by a figure right before it and followed by the noun it
        counts ("24 Mirage 2000 jets", "six Panzerhaubitze 2000 howitzers")?"""
        t = self.t
        before = rx(r"(?:(?<![\p{L}\p{N}.,])\d{1,3}(?:,\d{3})*|(?<![\p{L}])(\p{L}+))[ \u00a0]$").search(t, max(0, a - 20), a)
        if before is None or (before.group(1) is not None and before.group(1).lower() not in self._number_words()):
            return False
        return rx(r"[ \u00a0](?:[\p{Ll}-]+[ \u00a0]){0,2}?\p{Ll}+s\b").match(t, b) is not None

    def _number_words(self) -> frozenset[str]:
        got = getattr(self, "_num_words", None)
        if got is None:
            got = self._num_words = frozenset(str(k).lower() for k in (self.lex.vocab.get("number_words") or {}))
        return got

    def _plural_or_known(self, word: str) -> bool:
        """A plural ("vehicles") or a noun the vocabulary counts ("aircraft", "people")."""
        low = word.lower()
        return low in self.lex.noun_class or singular(low) in self.lex.noun_class or singular(word).lower() != low

    # ------------------------------------------------------------------ 3. bare numerals
    def _is_year(self, v: float, f: _Amount, typed_ok: bool = False) -> bool:
        return (not f.word and not f.grouped and f.decimals == 0 and 1900 <= v <= 2100
                and (f.type is None or typed_ok and f.type == "count") and f.num_end - f.num_start == 4
                and not f.scale and f.value_high is None)

    def _resolve(self, amounts: list[_Amount]) -> None:
        t = self.t
        sents = sentences(t) if self.cache_sentences else sentences.__wrapped__(t)
        starts = [a for a, _ in sents]
        sent_of = {}
        for f in amounts:  # the sentence holding each figure: a look-up, not a walk over every sentence
            k = bisect_right(starts, f.num_start) - 1
            workcount.count("extract.sentence_lookups")
            if k >= 0 and f.num_start < sents[k][1]:
                sent_of[id(f)] = k
        # years
        for f in amounts:
            if f.type is None and f.role is None and self._is_year(f.value, f):
                f.type = "date"
            elif f.type == "count" and f.role is None and self._is_year(f.value, f, typed_ok=True) and \
                    _DETERMINER_BEFORE_YEAR.search(t, max(0, f.num_start - 12), f.num_start):
                # "About 1,100 of the 2024 hires had left", "the 1998 recruits": a year used as an adjective of the
                # noun after it (a count would be written "2,024 hires")
                f.type, f.unit, f.noun, f.end = "date", None, None, f.num_end
        # pairs: "from X to Y", "X to Y", "between X and Y", "X-Y" share the figure's kind
        for k, f in enumerate(amounts):
            if f.type is not None or f.role is not None:
                continue
            nxt = amounts[k + 1] if k + 1 < len(amounts) else None
            prv = amounts[k - 1] if k > 0 else None
            gap_next = t[f.end:nxt.start] if nxt else ""
            gap_prev = t[prv.end:f.start] if prv else ""
            if nxt and nxt.role == "multiple" and not nxt.word and rx(r"\s*(?:to|-|–|or)\s*").fullmatch(gap_next) \
                    or nxt and nxt.role == "multiple" and rx(r"\s*(?:to|-|–|or)\s*").fullmatch(gap_next):
                f.role = "multiple"
                continue
            if nxt and nxt.type and nxt.type != "date" and rx(
                    r"\s*(?:-\s*to|to|and|or|-|–|through|from|,)\s*(?:(?:about|around|roughly|nearly|more\s+than|as\s+many\s+as|"
                    r"over|almost|some|just\s+under|up\s+to)\s+)?", regex.I).fullmatch(gap_next) and not (
                    "," in gap_next and _COMPARATIVE_AFTER.match(t, nxt.end)) and not (
                    nxt.type == "percent" and rx(r"\bor\b").search(gap_next)
                    and ("," in gap_next or f.value >= nxt.value)) and not (  # "an increase of 900, or 50%": a restatement
                    _ASIDE_HEDGE.match(gap_next) or (  # ("only 42 – about 57 percent – were available": an aside)
                        nxt.type == "percent" and _COMMA_HEDGE.fullmatch(gap_next))):  # ("fell by 400, almost 10%")
                self._copy_kind(f, nxt)
                if nxt.role == "multiple":
                    f.role, f.type = "multiple", None
                continue
            nxt2 = amounts[k + 2] if k + 2 < len(amounts) else None
            if nxt and nxt2 and nxt.type == "percent" and nxt2.type in ("quantity", "currency", "count") and \
                    _CHANGE_THEN_FROM.fullmatch(t, f.end, nxt.start) and _FROM_AFTER_PERCENT.fullmatch(t, nxt.end, nxt2.start) \
                    and 0.2 <= (f.value or 0) / (nxt2.value * (nxt2.scale_factor if nxt2.type != "count" else 1) or 1) <= 5:
                # "flew 5,130, up 22% from 4,218 hours": a bare level takes the kind of the base its change names
                self._copy_kind(f, nxt2)
                continue
            if prv and prv.type == "date" and k > 1 and _PERIOD_THEN_TO.fullmatch(t, amounts[k - 2].end, f.start):
                # "from 61,000 flight hours in 2022 to 85,000 in 2025": the year of the first level stands between
                prv = amounts[k - 2]
                gap_prev = " to "
            elif prv and prv.type and prv.type != "date" and _PERIOD_THEN_TO.fullmatch(gap_prev) and \
                    not rx(r"\s*(?:to|and|-|–|through|,)\s*$").fullmatch(gap_prev):
                gap_prev = " to "  # ("from 61,000 flight hours in FY2022 to 85,000": a period the extractor read as a date)
            if prv and prv.type and prv.type != "date" and rx(
                    r"\s*(?:to|and|-|–|through|,)\s*(?:(?:about|around|roughly|nearly|more\s+than|as\s+many\s+as|over|"
                    r"almost|some|up\s+to)\s+)?", regex.I).fullmatch(gap_prev) and prv.type != "percent" and rx(
                    r"\b(?:from|between)\s+(?:\S+\s+)?$", regex.I).search(t[max(0, prv.start - 25):prv.start]) and \
                    0.01 <= (prv.value * (prv.scale_factor if prv.type != "count" else 1)) / (f.value or 1) <= 100:
                self._copy_kind(f, prv)
                continue
        amounts[:] = self._worded_ranges(amounts)
        # "278 of the 1,059 vehicles", "60 of the radars", "two of which"
        for f in amounts:
            if f.type is None and f.role is None:
                om = rx(r"\s+of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+){0,3}?"
                                 r"([\p{L}-]+s)\b").match(t[f.end:f.end + 60])
                if om and f.value != 1 and om.group(1).lower() not in STOP_WORDS:
                    f.type, f.unit, f.inferred = "count", singular(om.group(1)).lower(), True
                elif rx(r"\s+of\s+(?:which|them|those|these)\b").match(t[f.end:f.end + 20]):
                    f.type, f.inferred = "count", True
        for f in amounts:
            if f.type is None and f.role is None:
                if not f.scale and f.decimals == 0 and 16 <= f.value <= 99 and \
                        _AGE_BOUND.search(t, max(0, f.start - 30), f.start):
                    f.type, f.role = "number", "age"  # "of whom 3,740 under 30 (48%)", "380 aged over 25": an age,
                    # no amount of anything
                    continue
                if _PEOPLE_BEFORE.search(t[max(0, f.start - 40):f.start]):
                    f.type, f.unit, f.inferred = "count", "person", True
                elif not f.scale and f.decimals == 0 and _AGE.search(t[max(0, f.start - 30):f.start]) \
                        and rx(r",\s").match(t[f.end:f.end + 2]) and 16 <= f.value <= 99:
                    f.type = "number"  # an age, not a count of anything
        # scaled bare numbers take the currency of the money around them
        for k, f in enumerate(amounts):
            if f.type is None and f.role is None and f.scale:
                kin = self._count_before_in_sentence(amounts, k, sent_of)
                # "20,000 shells a day, or 7.3 million a year": a scaled figure restating the count right before it
                restates = kin is not None and not kin.inferred and kin is amounts[k - 1] and \
                    _RESTATE_GAP.fullmatch(t, kin.end, f.start) is not None
                if kin is not None and kin.inferred:
                    # "2 million rounds ..., the 1.4 million of 2024, and twice the roughly 1 million of 2023": the count
                    # that lent the nearest one its noun lends it here too
                    kin = self._count_before_in_sentence(amounts, k, sent_of, named=True) or kin
                if kin is not None and (kin.scale or restates) and not kin.inferred:
                    # "to make 1.5 million rounds a year by 2027, up 36% from 1.1 million": a scaled count of its
                    # sentence lends its noun before any money of the sentences around does; a currency family's
                    # bare name ("38.52 billion crowns from 21.17 billion") lends its noun too, so that both turn
                    # into the family's currency together when the text names whose crowns they are
                    self._copy_kind(f, kin)
                    if self._family_word(kin.unit):
                        f.noun = kin.noun
                    continue
                ante = self._antecedent(amounts, k, sent_of, {"currency"})
                if ante is not None:
                    f.type, f.unit, f.inferred = "currency", ante.unit, True
        for k, f in enumerate(amounts):
            if f.type == "count" and f.unit is None and f.noun and f.noun.lower() in ("one", "ones"):
                ante = self._count_before_in_sentence(amounts, k, sent_of) or self._antecedent(amounts, k, sent_of, {"count"})
                f.unit = ante.unit if ante else None
        # counts: bare integers take the counted noun of the figures around them
        for k, f in enumerate(amounts):
            if f.type is not None or f.role is not None:
                continue
            if f.word and f.value == 1 and rx(r"\s+(?:of|another|or)\b", regex.I).match(t[f.end:f.end + 10]):
                f.type = "number"
                continue
            if f.word and f.value == 1 and rx(r"\s+(?:in|out\s+of)\s+").match(t[f.end:f.end + 10]):
                f.type = "number"
                continue
            if f.value <= 99 and not f.word and rx(r"[.)]\s").match(t[f.end:f.end + 2]) and \
                    rx(r"(?:^|\n)[ \t(]*$").search(t[max(0, f.start - 8):f.start]):
                f.type = "number"  # "1. 12 FA-50GF aircraft", "2) the second lot": the number of a list item
                continue
            if f.value == int(f.value) and f.decimals == 0 and not f.scale:
                cm = rx(r"\s+(?:are|were)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}-]*s|[\p{L}-]+s)\b").match(t[f.end:f.end + 40])
                if cm and cm.group(1).lower() not in STOP_WORDS:
                    f.type, f.unit, f.noun, f.inferred = "count", singular(cm.group(1)), cm.group(1), True
                    continue
                ante = self._antecedent(amounts, k, sent_of, {"count"})
                f.type, f.unit, f.inferred = "count", ante.unit if ante else None, True
            else:
                f.type = "number"

    def _worded_ranges(self, amounts: list[_Amount]) -> list[_Amount]:
        """ "20 to 30 engineers", "between 44 mg and 50 mg", "€2 billion to €3 billion": one mention, value the
        low end and value_high the high end (CONTRACT). Not a change: "from 86 to 133 units" stays two figures,
        unless "from" follows a word of extent ("ranging from 7 to 10"); not "3 to 1" (the low end first)."""
        t = self.t
        out: list[_Amount] = []
        skip = False
        for k, f in enumerate(amounts):
            if skip:
                skip = False
                continue
            out.append(f)
            nxt = amounts[k + 1] if k + 1 < len(amounts) else None
            if nxt is not None and len(out) >= 2 and self._span_against_span(out[-2], f, nxt):
                skip = True
                continue
            if nxt is None or f.type != nxt.type or f.type not in ("count", "quantity", "currency", "percent", "number") \
                    or f.role or nxt.role or f.value_high is not None or nxt.value_high is not None:
                continue
            if f.unit != nxt.unit and not (f.type == "count" and (f.unit is None or nxt.unit is None)):
                continue
            gap = t[f.end:nxt.start]
            before = t[max(0, f.start - 40):f.start]
            bm = rx(r"\bbetween\s+$", regex.I).search(before)
            between = bm is not None and rx(r"\s*and\s*" + _GAP_HEDGE, regex.I).fullmatch(gap) is not None
            plain = rx(r"\s*(?:-\s*to|to|-|–)\s*" + _GAP_HEDGE, regex.I).fullmatch(gap) and (
                # ("lift outlays from about C$53.4bn to roughly C$62.7bn": a hedge after "from" is no range either)
                not rx(r"\bfrom\s+(?:(?:about|around|roughly|some|nearly|almost|approximately|an\s+estimated|"
                       r"just\s+(?:over|under)|more\s+than|over|under|less\s+than)\s+)?$", regex.I).search(before)
                or rx(r"(?:^|[.;:(]\s*|\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere|spans?|spanning)\s+)"
                                r"from\s+$", regex.I).search(t[max(0, f.start - 40):f.start])) and not _CHANGE_BEFORE.search(before) \
                and not _change_word_before(self.lex).search(before)
            if not (between or plain):
                continue
            if plain and _ASIDE_HEDGE.match(gap):
                continue  # "only 42 – about 57 percent – were available": a dash set off before a hedged figure opens an
                # aside restating the first, no range
            if f.type == "count" and f.noun and not f.inferred and rx(r"\s+[–—-]\s+").fullmatch(gap):
                continue  # "15 resupply vehicles – 45 vehicles in all": a dash set off after a noun is no range
            lo = f.value * (f.scale_factor or 1)
            hi = nxt.value * (nxt.scale_factor or 1)
            if not 0 <= lo < hi:
                continue
            _join_range(f, nxt, hi)
            if between:
                f.start -= len(bm.group())  # "between 20 and 30 percent" is the range as written
            skip = True
        return out

    def _span_against_span(self, q: _Amount, f: _Amount, nxt: _Amount) -> bool:
        """ "sales of $74 billion to $75 billion, up from $71 billion to $72 billion": "from X to Y" right after a
        span it is compared with is a span too, not a change; bare ends take the span's kind. Makes f the span."""
        t = self.t
        if q.value_high is None or f.role or nxt.role or f.value_high is not None or nxt.value_high is not None:
            return False
        if not all(x.type in (q.type, None) and x.unit in (q.unit, None) for x in (f, nxt)):
            return False
        if _SPAN_AGAINST.fullmatch(t, q.end, f.start) is None or \
                not rx(r"\s*(?:-\s*to|to|-|–)\s*" + _GAP_HEDGE, regex.I).fullmatch(t, f.end, nxt.start):
            return False
        sf = f.scale_factor or (nxt.scale_factor if f.type is None else None) or 1
        lo, hi = f.value * sf, nxt.value * (nxt.scale_factor or sf)
        if not 0 <= lo < hi:
            return False
        borrowed = f.type is None
        if borrowed:
            self._copy_kind(f, q)
        _join_range(f, nxt, hi)
        f.inferred = f.inferred or borrowed  # bare ends: the kind is the compared span's, not written
        return True

    def _copy_kind(self, f: _Amount, other: _Amount) -> None:
        f.type, f.unit, f.inferred = other.type, other.unit, True
        if other.type in ("currency", "quantity") and other.scale and not f.scale:
            f.scale, f.scale_factor = other.scale, other.scale_factor

    def _count_before_in_sentence(self, amounts: list[_Amount], k: int, sent_of: dict, named: bool = False
                                  ) -> _Amount | None:
        """The nearest count before amounts[k] in its sentence ("31 owned ones" takes the noun of that count); with
        ``named``, the nearest whose noun the text gives (not one borrowed)."""
        s = sent_of.get(id(amounts[k]))
        for j in range(k - 1, -1, -1):
            workcount.count("extract.antecedent")
            o = amounts[j]
            if sent_of.get(id(o)) != s:
                if s is not None:
                    return None  # sentences are in text order: no earlier figure is in this sentence
                continue
            if o.type == "count" and not (named and o.inferred):
                return o
        return None

    def _antecedent(self, amounts: list[_Amount], k: int, sent_of: dict, types: set[str]) -> _Amount | None:
        """The figure a bare number borrows its kind from: the nearest one before it (two sentences back at
        most; of a like magnitude if there is one), else the next one in its sentence. Both searches look at
        ANTECEDENT_WINDOW figures at most."""
        s = sent_of.get(id(amounts[k]))
        v = abs(amounts[k].value) or 1.0
        near: list[_Amount] = []
        for j in range(k - 1, max(-1, k - 1 - ANTECEDENT_WINDOW), -1):
            workcount.count("extract.antecedent")
            o = amounts[j]
            sj = sent_of.get(id(o))
            if s is None or sj is None or s - sj > 2:
                break
            if o.type in types:
                near.append(o)
        if not self._in_brackets(amounts[k].start, amounts[k].end):
            # "1,331 million Swedish crowns (about $126 million) from 1,065 million": an aside in brackets restates
            # a figure in another unit; the figures outside it borrow from the figures outside it
            near = [o for o in near if not self._in_brackets(o.start, o.end)] or near
        own = bool(near) and sent_of.get(id(near[0])) == s
        line = self._line_start(amounts[k].start) if own else 0  # (a look-up in the newline index, not a scan)
        for o in near:
            ov = abs(o.value * (o.scale_factor if o.type != "count" else 1)) or 1.0
            if own and sent_of.get(id(o)) != s and o.end < line:
                break  # "Navy buys six new hulls // The army will have 90 launchers and six more": a figure of its
                # own sentence lends its noun before one of another line, whatever their sizes
            if not o.inferred and 0.1 <= ov / v <= 10:
                return o
        if near and (sent_of.get(id(near[0])) == s or "count" not in types):
            return near[0]  # a count of unlike size lends its noun only within its sentence ("400 targets" ... "9,150")
        for j in range(k + 1, min(len(amounts), k + 1 + ANTECEDENT_WINDOW)):
            workcount.count("extract.antecedent")
            o = amounts[j]
            if sent_of.get(id(o)) != s:
                break
            if o.type in types:
                return o
        return None

    def _in_brackets(self, a: int, b: int) -> bool:
        """Is the span inside round brackets on its line (an opening one within 60 characters before, a closing
        one within 60 after, no other bracket between)?"""
        t = self.t
        left = max(t.rfind("(", max(0, a - 60), a), t.rfind(")", max(0, a - 60), a), t.rfind("\n", max(0, a - 60), a))
        if left < 0 or t[left] != "(":
            return False
        hits = [i for i in (t.find(")", b, b + 60), t.find("(", b, b + 60), t.find("\n", b, b + 60)) if i >= 0]
        return bool(hits) and t[min(hits)] == ")"

    # ------------------------------------------------------------------ run
    def run(self) -> list[Mention]:
        out = self.mentions()
        self._currency_families({})
        return out

    def mentions(self) -> list[Mention]:
        """Every mention, in text order, before bare currency family names take their currency (``run``)."""
        self._phones_and_tickers()
        self._dates()
        self._identifiers()
        amounts = self._numerals()
        for f in amounts:
            self._read_around(f)
        amounts = [f for f in amounts if _in_range(f)]
        # a numeral swallowed by the previous one's span (a range end) is dropped
        kept: list[_Amount] = []
        for f in amounts:
            if kept and f.word and not kept[-1].word and self.t[f.num_end:f.num_end + 1] == "-" and \
                    self.t[kept[-1].num_end:f.num_start].isspace():
                continue  # "12 two-seat trainers": the number word is part of the noun the figure before counts
            if f.word and _TYPE_NAME.match(self.t, f.num_end):
                continue  # "12 of them two-seaters", "a three-seater", "four-wheelers": the name of a type of thing
            if kept and f.num_start < kept[-1].compound_end:
                continue  # the rest of a compound amount ("7 billion 154 million")
            if kept and f.num_start < kept[-1].end and f.num_start >= kept[-1].num_start:
                if f.num_start < kept[-1].num_end:
                    continue
                if kept[-1].scale and f.word and f.num_end <= kept[-1].end:
                    continue  # the scale word of the figure before ("(45) million euros")
                if kept[-1].type == "quantity" and f.num_end <= kept[-1].end and rx(r"[\p{L}^]").match(self.t[f.num_start - 1]):
                    continue  # the power of a unit: "4km^3", "9.8 m/s2"
                kept[-1].end = min(kept[-1].end, f.start) if f.start > kept[-1].num_end else kept[-1].num_end
                while kept[-1].end > kept[-1].num_end and self.t[kept[-1].end - 1].isspace():
                    kept[-1].end -= 1  # "four one-year option periods": the span ends at "four", not after its space
            kept.append(f)
        self._bracket_comparatives(kept)
        amounts = self._compound_quantities(kept)
        self._resolve(amounts)
        if self._dropped:
            self.out = [m for m in self.out if id(m) not in self._dropped]
        for f in amounts:
            self.out.append(self._mention(f))
        self.out = [m for m in self.out if m.value is None or abs(m.value) <= MAX_FIGURE]  # ordinals too
        self.out.sort(key=lambda m: (m.start, m.end))
        self._fractions_of_a_unit()
        return self.out

    def _fractions_of_a_unit(self) -> None:
        """"three-quarters of a mile", "half a kilometre": a fraction of one unit is one quantity (0.75 mile)."""
        out: list[Mention] = []
        for m in self.out:
            prev = out[-1] if out else None
            if prev is not None and prev.role == "fraction" and prev.value is not None and m.type == "quantity" and \
                    m.value == 1.0 and m.value_high is None and _A_UNIT.match(m.text) and \
                    _FRACTION_OF.fullmatch(self.t, prev.end, m.start):
                out[-1] = dataclasses.replace(m, start=prev.start, text=self.t[prev.start:m.end], value=prev.value,
                                              half_step=prev.half_step, num_start=prev.num_start, num_end=prev.num_end,
                                              word=True, hedge=prev.hedge or m.hedge, approx=prev.approx or m.approx)
                continue
            out.append(m)
        self.out = out

    def _bracket_comparatives(self, amounts: list[_Amount]) -> None:
        """"EUR 14.1 (7.1) million": the figure of the comparison period in brackets between an amount and the scale
        word both share - no accounting negative; the scale is the first figure's too."""
        t = self.t
        for a, b in zip(amounts, amounts[1:], strict=False):
            if a.type == "currency" and a.scale is None and a.scale_factor == 1.0 and not a.word and \
                    b.type in (None, "currency") and b.unit in (None, a.unit) and b.scale and (b.value or 0) < 0 and \
                    _BRACKET_BETWEEN.fullmatch(t, a.num_end, b.num_start) and t[b.num_end:b.num_end + 1] == ")":
                b.value = -b.value
                a.scale, a.scale_factor = b.scale, b.scale_factor
            elif a.type == "currency" and not a.word and b.type is None and not b.word and b.scale is None and \
                    b.scale_factor == 1.0 and b.value_high is None and a.value and b.value and \
                    _BRACKET_BETWEEN.fullmatch(t, a.end, b.num_start) and _BRACKET_CLOSE.match(t, b.num_end) and \
                    0.1 <= abs(b.value / a.value) <= 10:
                # "TSEK 22,126 (18,288)", "SEK 3,260m (1,952)": the comparison period's figure in brackets right after
                # an amount is an amount of the same currency and scale
                b.type, b.unit, b.scale, b.scale_factor, b.inferred = "currency", a.unit, a.scale, a.scale_factor, True

    def _family_word(self, unit: str | None) -> bool:
        """Is a counted noun a currency family's bare name ("crowns": money once the text says whose)?"""
        fams = self.lex.vocab.get("currency_families") or {}
        u = (unit or "").lower()
        return bool(u) and any(str(w).lower() in (u, u + "s") for spec in fams.values() for w in (spec or {}).get("words", []))

    def _currency_families(self, last: dict[str, str], start: int = 0, stop: int | None = None) -> None:
        """"12,475 million crowns" after "15,170 million Norwegian crowns": a bare family name takes the currency
        of the last qualified member named before it (one pass, in text order, over the mentions from offset
        ``start`` on, up to ``stop``; ``last`` is each family's last member so far, carried from block to block)."""
        self._currency_countries(start, stop)
        fams = self.lex.vocab.get("currency_families") or {}
        if not fams:
            return
        words = {str(w).lower(): name for name, spec in fams.items() for w in (spec or {}).get("words", [])}
        members = {str(c): name for name, spec in fams.items() for c in (spec or {}).get("members", [])}
        for k, m in enumerate(self.out):
            if m.start < start or (stop is not None and m.start >= stop):
                continue
            if m.type == "count" and m.unit and m.unit.lower() in words and m.noun and m.noun.lower() in words:
                fam = words[m.unit.lower()]  # "12,475 million crowns" after "Norwegian crowns": money after all
                own = self._sentence_currency(m, m.unit.lower())
                if own is None and fam not in last:
                    # "OSLO, 11 July 2024 – ... 21.52 billion crowns ... Revenue at KDA rose to 7.83 billion crowns": with
                    # no member named before it, its paragraph or the text's head says whose, as for the first one
                    own = self._sentence_currency(m, m.unit.lower(), wider=True)
                if own is not None:  # "PRAGUE — ... 59.7 billion crowns": its sentence names whose
                    self.out[k] = dataclasses.replace(m, type="currency", unit=own, noun=None)
                    continue
                if fam in last:
                    self.out[k] = dataclasses.replace(m, type="currency", unit=last[fam], noun=None)
                continue
            if m.type != "currency" or m.unit is None:
                continue
            tail = _FAMILY_TAIL.search(m.text)
            fam = words.get(tail.group("w").lower()) if tail else None
            if fam is not None and not tail.group("q"):  # bare: "million crowns"
                if m.start in self._sentence_country:
                    continue  # "PRAGUE — ... 59.7 billion crowns": its sentence names whose (currency_name_countries)
                if fam in last and last[fam] != m.unit:
                    self.out[k] = dataclasses.replace(m, unit=last[fam])
            elif m.unit in members and not m.inferred:
                last[members[m.unit]] = m.unit

    def _currency_countries(self, start: int = 0, stop: int | None = None) -> None:
        """"16.5 trillion pesos" in a release from Bogotá is in Colombian pesos: a currency name several countries use
        (vocabulary currency_name_countries) takes the currency of the one country among them that the figure's
        sentence names, else the text's first lines; otherwise it keeps what currency_names says."""
        self._sentence_country: set[int] = set()
        table = self.lex.vocab.get("currency_name_countries") or {}
        if not table:
            return
        names = {str(k).lower(): v for k, v in table.items() if isinstance(v, dict)}
        symbols = {str(k): str(v).lower() for k, v in (self.lex.vocab.get("currency_symbol_names") or {}).items()}
        head = self.t[:_HEAD_CHARS]
        for k, m in enumerate(self.out):
            if m.type != "currency" or m.start < start or (stop is not None and m.start >= stop):
                continue
            tail = _FAMILY_TAIL.search(m.text)
            sym = next((v for s_, v in symbols.items() if m.text.startswith(s_) and
                        not m.text[len(s_):len(s_) + 1].isalpha()), None)
            if sym is not None:  # "Rs 2.55 trillion": the symbol stands for the name
                spec = names.get(sym)
                if spec and m.unit in spec:
                    self._country_pick(k, m, spec, head)
                continue
            if tail is None or tail.group("q"):
                continue  # "Indian rupees": the name says whose
            spec = names.get(tail.group("w").lower()) or names.get(tail.group("w").lower() + "s")
            if not spec:
                continue
            self._country_pick(k, m, spec, head)

    def _sentence_currency(self, m: Mention, word: str, wider: bool = False) -> str | None:
        """The currency of the one country its sentence names (``wider``: else its paragraph, else the text's head), for
        a family's bare name ("crowns") that currency_name_countries lists; else None."""
        table = self.lex.vocab.get("currency_name_countries") or {}
        spec = table.get(word) or table.get(word + "s")
        if not isinstance(spec, dict):
            return None
        if not wider:
            return self._named_country(m, spec, (self._sentence_of(m),))[0]
        return self._named_country(m, spec, (self._sentence_of(m), self._paragraph_of(m), self.t[:_HEAD_CHARS]))[0]

    def _paragraph_of(self, m: Mention) -> str:
        """The text of ``m``'s line (a paragraph of a release), at most 2,000 characters either side of it (so that a
        page pasted as one line costs each figure a bounded look, not the whole line)."""
        lo, hi = max(0, m.start - 2000), min(len(self.t), m.end + 2000)
        pa = self.t.rfind("\n", lo, m.start) + 1 or lo
        pb = self.t.find("\n", m.end, hi)
        return self.t[max(pa, lo):pb if pb >= 0 else hi]

    def _country_pick(self, k: int, m: Mention, spec: dict, head: str) -> None:
        """The currency of the one country of ``spec`` that the figure's sentence names, else its paragraph ("Denmark
        has moved even faster. Its fund channels 50 billion kroner ..."), else the text's head."""
        cur, at = self._named_country(m, spec, (self._sentence_of(m), self._paragraph_of(m), head))
        if cur is not None and cur != m.unit:
            self.out[k] = dataclasses.replace(m, unit=cur)
        if cur is not None and at < 2:
            self._sentence_country.add(m.start)

    def _sentence_of(self, m: Mention) -> str:
        """The text of ``m``'s sentence, cut at ". " and line ends (the scanner's own sentences are not kept)."""
        a = max(self.t.rfind(". ", 0, m.start), self.t.rfind("\n", 0, m.start)) + 1
        b = min([i for i in (self.t.find(". ", m.end), self.t.find("\n", m.end)) if i >= 0] or [len(self.t)])
        return self.t[a:b]

    @staticmethod
    def _named_country(m: Mention, spec: dict, places: tuple[str, ...]) -> tuple[str | None, int]:
        """The currency of the one country of ``spec`` the first place naming any of them names, and that place's
        index; (None, index) when it names two; (None, -1) when none does."""
        for i, where in enumerate(places):
            hits = [cur for cur, words in spec.items() if _country_words(tuple(str(w) for w in words or ())).search(where)]
            if hits:
                return (str(hits[0]) if len(hits) == 1 else None), i
        return None, -1

    def _compound_quantities(self, amounts: list[_Amount]) -> list[_Amount]:
        """ "7 feet 10 inches", "2 km and 1 metre", "10 kms, 8 metres and 6 cm": one length in the smallest
        unit, when each part is less than one of the unit before it (so "30 km and 5 km" stay two)."""
        sizes = self.lex.vocab.get("compound_units") or {}
        out: list[_Amount] = []
        for f in amounts:
            p = out[-1] if out else None
            if p is not None and p.type == f.type == "quantity" and p.unit in sizes and f.unit in sizes \
                    and p.value_high is None and f.value_high is None and not p.scale and not f.scale and f.value >= 0 \
                    and sizes[p.unit][0] == sizes[f.unit][0] \
                    and rx(r"\s*,?\s+(?:and\s+)?|\s*,\s*").fullmatch(self.t[p.end:f.start]):
                one = float(sizes[p.unit][1]) / float(sizes[f.unit][1])
                if one > 1 and f.value < one:
                    p.value = p.value * one + f.value
                    p.unit, p.end, p.num_end, p.decimals = f.unit, f.end, f.num_end, f.decimals
                    continue
            if p is not None and p.scale and f.scale and p.scale_factor > f.scale_factor > 1 and \
                    p.value_high is None and f.value_high is None and p.value == int(p.value) and \
                    0 <= f.value * f.scale_factor < p.scale_factor and (p.unit is None or p.unit == f.unit) and \
                    not p.word and not f.word and self.t[p.end:f.start].isspace() and len(self.t[p.end:f.start]) <= 2:
                # "8 trillion 538.9 billion yen", "1 billion 200 million euros": one amount written in two scales
                ratio = p.scale_factor / f.scale_factor
                p.value = p.value + f.value / ratio
                p.decimals = f.decimals + round(math.log10(ratio))
                p.type, p.unit, p.end, p.num_end = f.type or p.type, f.unit, f.end, f.num_end
                continue
            out.append(f)
        return out

    def _mention(self, f: _Amount) -> Mention:
        typ = f.type
        if f.role in ("multiple", "fraction"):
            typ = "number"
        value = f.value * f.scale_factor
        high = f.value_high * f.scale_factor if f.value_high is not None else None
        step = 0.5 * 10 ** (-f.decimals) * f.scale_factor * f.word_scale
        if f.word and f.exact_word:
            step = 0.0
            frac = abs(f.value) % 1
            if typ != "count" and frac in (0.25, 0.5, 0.75):
                # "four and a half years", "two and a quarter million": a figure rounded to that fraction (half
                # a half, or half a quarter, either side)
                step = (0.25 if frac == 0.5 else 0.125) * f.scale_factor * f.word_scale
        if typ == "count" and not f.hedge and not f.scale:
            step = 0.0  # a count of things is exact
        hedge = f.hedge
        if hedge in ("over", "under") and typ == "quantity" and f.unit in _TIME_UNITS:
            hedge = None  # "deliveries over five years": a period, not "more than five years"
        approx = bool(hedge) and self.lex.hedges.get(hedge, {}).get("window") != "exact"
        unit = f.unit
        if typ == "date":
            value, unit = None, None
        if typ == "percent" and unit is None:
            unit = "percent"
        end = max(f.end, f.num_end)
        return Mention(start=f.start, end=end, text=self.t[f.start:end], type=typ or "number", value=value,
                       unit=unit, value_high=high, approx=approx, hedge=hedge, half_step=step,
                       num_start=f.num_start, num_end=f.num_end, scale=f.scale, decimals=f.decimals,
                       grouped=f.grouped, word=f.word, noun=f.noun, inferred=f.inferred, role=f.role)

