"""Changes between two levels of one quantity: ``percent_change`` ("rose 41% to SEK 21,173m from SEK
14,977m"), ``multiple`` ("nearly doubled from 2.732 billion lira to 5.303 billion", "three times the 32
helicopters") and ``difference`` ("£88m below the £2,593m", "an increase of €955 million").

Triggers come from the grammar (rules/linking.yaml): `change` marks a percent, fraction or multiple word as
a change ("rose 12%", "a 12% rise", "doubled"), `difference` an amount as the gap between two levels ("five
more than the 26", "up €31 million to"), `times` a multiple of a named base ("three times the 32"). Each
trigger's candidate readings, each with its evidence:

1. a level pair (pairs.py) in its sentence; the nearer the trigger to the pair, the stronger;
2. the pair whose new level the trigger leads to, stated elsewhere (a headline "up 16% at €1,707 million"
   and the body's "€1,707 million (previous year: €1,474 million)");
3. a pair elsewhere with the trigger's measure (a headline "order bookings up 41%");
4. an explicit base ("than the 26", "three times the 32") and the subject before the trigger;
5. two figures of one kind in its sentence or the one before, tied by an anaphora ("that figure reached
   224") or a shared measure; without the anaphora such a reading is not explicit and cannot fail, and its
   reverse is judged too.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator
from typing import Any

from ..extract import fastregex as regex
from ..extract.lazy import LazyPattern
from ..extract.lexicon import MONTHS
from ..extract.units import convert, dimension
from ..model import Claim, Evidence, Mention, Relation
from .dates import document_date, parse_period
from .grammar import Match, matches, word_pattern_of
from .pairs import (
    OF_WHOLE_OPENING,
    Pair,
    Pairs,
    base_position,
    bracket_restatement,
    other_rate,
    outside_closed_aside,
    peak_aside,
    per_time,
    size_of_comparison,
    summed_list_item,
    wrong_side,
)
from .reading import (
    JOINED_OPENING,
    NAMED_LEVEL_AFTER,
    OF_AFTER,
    POINTS_BACK,
    SHARE_OPENS_CLAUSE,
    Facts,
    added_amount,
    calibre,
    change_size,
    comparable,
    fraction_step,
    is_amount,
    magnitude,
    modifier,
    reached_as_share,
    same_figure,
    same_noun,
    share_whole,
    summed,
)
from .scope import Ctx

# (the object of the change's verb may stand between, set off by a comma or not: "to double the operational reserve, to
# 80,000", "nearly tripling its support there to $93 million")
_TARGET = LazyPattern(r"\s*,?\s*(?:(?:in|for|during)\s+(?:the\s+)?[\p{L}-]+\s+|(?:the|its|their|our|this|that)\s+"
                        r"(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+\s*,?\s*(?=to\b))?(?:to|at|reaching|reached|of|and\s+now|"
                        r"(?:taking|bringing|lifting)\s+(?:it|the\s+\p{L}+)\s+to)"
                        r"\s+(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|just\s+over|just\s+under|"
                        r"a\s+record|an?|the)\s+)*", regex.I)
_APPOSITIVE = LazyPattern(r"(?:\s+(?:this|last|next|a|per|each|in)\s+[\p{L}-]+)?\s*[,(–—-]?\s*(?:(?:up|down|an?|the)\s+)?"
                            r"(?:\p{L}+\s+){0,2}(?:of\s+|by\s+)?|\s*[–—]\s*"
                            r"(?:representing|an?|up|down)?\s*(?:\p{L}+\s+){0,2}", regex.I)


def find(ctx: Ctx, facts: Facts, pairs: Pairs) -> None:
    g = facts.g
    for si, (a, b) in enumerate(ctx.sents):
        figs = ctx.numbers_in(a, b)
        if not figs:
            continue
        ab = facts.abstract(si)
        _times(ctx, facts, pairs, list(matches(g, "times", ab)))
        _compares(ctx, facts, pairs, list(matches(g, "compare", ab)))
        _changes(ctx, facts, pairs, list(matches(g, "change", ab)), figs)
        _differences(ctx, facts, pairs, [mt for mt in matches(g, "difference", ab) if not peak_aside(ctx, mt)])
    # multiple words with no grammar around them: "output doubled", "a fourfold increase"
    for m in ctx.numbers:
        if m.role == "multiple" and not ctx.is_stated(m) and not _times_more(ctx, m):
            if _COMPARATIVE.match(ctx.text, m.end) and not _VERB_FORM.search(m.text.split()[-1]):
                readings = _named_base(ctx, facts, pairs, m)
                if readings:  # "three times the original number", "more than four times the starting figure"
                    ctx.add(Claim("multiple", (m.start, m.end), m, readings=tuple(readings), stated_value=m.value,
                                  stated_step=abs(m.value or 0.0) * 0.05 if m.word else None))
                else:
                    series = _series(ctx, facts, pairs, m)
                    if series:  # "This year we will deliver about 120,000, more than three times as many"
                        ctx.add(Claim("multiple", (m.start, m.end), m, readings=tuple(series), stated_value=m.value,
                                      stated_step=abs(m.value or 0.0) * 0.05 if m.word else None))
                    elif (own := _pair_named_by_base_word(ctx, facts, pairs, m)):
                        ctx.add(Claim("multiple", (m.start, m.end), m, readings=own, stated_value=m.value,
                                      stated_step=abs(m.value or 0.0) * 0.05 if m.word else None))
                    else:
                        ctx.skip("multiple", m, "compared with something the text gives no figure for")
                continue
            if _RATIO_X.search(m.text) and (_RATIO_LEVEL_AFTER.match(ctx.text, m.end) or
                                            _RATIO_LEVEL_BEFORE.search(ctx.text, max(0, m.start - 30), m.start)):
                # "the ratio of net debt to EBITDA improved to 0.9x from 1.6x", "stood at 0.3x, against 0.5x a year
                # earlier": a ratio's level beside its earlier level, no multiple of two figures
                ctx.skip("multiple", m, "a ratio's level, compared with its level at another time")
                continue
            _claim(ctx, facts, pairs, m, "multiple", "ratio", 0, [])


# a ratio written with "x" ("0.9x", "1.6×") and the ratio it is compared with, after or before it
_RATIO_X = LazyPattern(r"\d\s*[x×]$")
_RATIO_LEVEL_AFTER = LazyPattern(r"\s*,?\s*(?:(?:up|down)\s+)?(?:from|against|versus|vs\.?|compared\s+(?:with|to)|to)\s+"
                                 r"(?:(?:about|around|some|roughly|nearly|almost)\s+)?\d[\d.,]*\s*[x×](?![\p{L}\p{N}])", regex.I)
_RATIO_LEVEL_BEFORE = LazyPattern(r"\d[\d.,]*\s*[x×]\s*,?\s*(?:(?:up|down)\s+)?(?:from|against|versus|vs\.?|compared\s+(?:with|to)|to)\s+"
                                  r"(?:(?:about|around|some|roughly|nearly|almost)\s+)?$", regex.I)


def _pair_named_by_base_word(ctx: Ctx, facts: Facts, pairs: Pairs, m: Mention) -> tuple[Relation, ...]:
    """"from 1,500 a month to 4,000 a month by mid-2026, more than three times the current rate": a multiple whose
    base is named by a word for the earlier level (linking words pair_base_words), right after a pair in its clause,
    is that pair's ratio."""
    named = facts.g.word_pattern("pair_base_words").search(ctx.text, m.end, min(len(ctx.text), m.end + 30))
    if named is None or ctx.numbers_in(m.end, named.start()):
        return ()
    si = ctx.sent_index(m.start)
    before = [pr for pr in pairs.in_sentences(si, si) if max(pr.old.end, pr.new.end) <= m.start
              and m.start - max(pr.old.end, pr.new.end) <= 60 and _same_clause(ctx, facts, m, pr)]
    if not before:
        return ()
    # the pairs ending last (a run "from 1,000 to 3,000 ... to reach 7,000" pairs 7,000 with both): "the current rate"
    # is the level just before the last, "the original rate" the run's first
    end = max(max(p.old.end, p.new.end) for p in before)
    last = [p for p in before if max(p.old.end, p.new.end) == end]
    first = bool(facts.g.word_pattern("first_level_words").fullmatch(named.group(0)))
    pr = min(last, key=lambda p: p.old.start) if first else max(last, key=lambda p: p.old.start)
    what = "the run's first level" if first and len(last) > 1 else "the pair's earlier level"
    ev = tuple(pr.evidence) + (Evidence("named-base", f"'{named.group(0)}' names {pr.old.text}, {what}",
                                        facts.weight("attach", 2.0)),)
    return (Relation("ratio", (pr.old, pr.new), ev),)


# (after a short lead-in: "By our count that is ...", "In other words, this is ...")
_OPENING = LazyPattern(r"\s*(?:(?:by\s+(?:our|my|this|that)\s+(?:count|reckoning|estimate)|in\s+other\s+words|all\s+told|in\s+all|"
                       r"overall|so|thus)\s*,?\s*)?(?:that|this|it|which|the\s+(?:increase|rise|growth|gain|jump|decline|drop|fall|"
                       r"change|difference|figure|result))\b(?:\s+\p{L}+){0,3}", regex.I)
_COMPARATIVE = LazyPattern(r"\s+(?:as\s+(?:many|much|large|big|high|long)|(?:more|larger|higher|bigger|greater)\s+than|"
                             r"the|that|those|what|this|these|its|their|his|her|our|last|next|(?!today|yesterday|tomorrow|year|month|week|quarter)"
                             r"[\p{L}-]+['’]s)\b(?![^.;]{0,40}?\bto\s+[\d€$£¥₹])",
                             regex.I)
def _said_to_fall(ctx: Ctx, facts: Facts, p: Mention) -> bool:
    """Does the multiple's clause call the change a fall: a word of decrease in its clause before it, or one of
    decrease or a comparative of less right after it ("fell sevenfold", "a decline of 87% — more than sevenfold", "a
    threefold decrease", "five times shorter"), and no word of increase right after it ("a more than ninefold rise")
    other than one of betterment (linking words betterment_words: "fell to 21 days ..., a threefold improvement")?"""
    after = ctx.text[p.end:min(len(ctx.text), p.end + 25)]
    if facts.g.word_pattern("increase_words").match(after.lstrip()) and \
            not facts.g.word_pattern("betterment_words").match(after.lstrip()):
        return False  # (but "fell to 21 days from 64 days, a threefold improvement": better, by falling)
    if facts.g.word_pattern("betterment_words").match(after.lstrip()):
        return True  # "shortened delivery from 40 weeks to four, a tenfold improvement": on a falling pair, better by
        # falling (the caller reads the multiple so on falling pairs only)
    c0 = max(ctx.sentence(p.start)[0], ctx.text.rfind(";", 0, p.start) + 1, p.start - 80)
    dec = facts.g.word_pattern("decrease_words")
    # (or a comparative of less right after it: "almost five times shorter", linking words comparatives_down)
    return dec.match(after.lstrip()) is not None or dec.search(ctx.text, c0, p.start) is not None or \
        facts.g.word_pattern("comparatives_down").match(after.lstrip()) is not None


# a clause with a subject of its own after a comma: ", the dollar value of those costs rose", ", so the fleet each dollar
# buys grew", ", which cut the cost of"
_OWN_SUBJECT_BETWEEN = LazyPattern(r"[,;]\s*(?:(?:so|and|thus|hence)\s+)?(?:the|its|their|this|that|which)\s+[^,;]*$", regex.I)
_RISE_VERB = LazyPattern(r"\b(?:doubl|tripl|trebl|quadrupl|quintupl|multipl)\w*", regex.I)
_VERB_FORM = LazyPattern(r"^(?:doubl|tripl|trebl|quadrupl|quintupl|halv|multipl)\w*(?:ed|ing|es|s)$", regex.I)
# "make up", "set up", "took up": an "up" that belongs to another verb is no rise
_PHRASAL = LazyPattern(r"\b(?:make|makes|made|making|set|sets|setting|take|takes|took|taking|pick|picks|picked|"
                         r"sum|sums|summed|add|adds|end|ends|ended|line|lines|lined|break|broken|breaks|turn|turned|"
                         r"take|step|stepped|steps|scale|scaled|ramp|ramped|ramping|shut|close|closed|wind|wound)\s+"
                         r"(?:up|down)\b", regex.I)


def _direction(facts: Facts, cue: str) -> int:
    g = facts.g
    # "The increase of less than 1 percent": a hedge's "less" or "more" says nothing of the direction; nor does "over"
    # before a span of time ("a drop of about 12 percent over three years")
    cue = _NO_DIRECTION.sub(" ", cue)
    if g.word_pattern("evaluative_words").search(cue):
        return 0  # "an improvement of €214 million" in an outflow is a fall: the size is checked, not the sign
    if g.word_pattern("unsigned_comparatives").search(cue):
        return 0  # "a third more slowly": a lower speed or a longer time, the size is checked, not the sign
    if g.word_pattern("underperform_verbs").search(cue):
        return -1  # "fell short of the forecast by 5%"
    if g.word_pattern("outperform_verbs").search(cue):
        return 1  # "beat the target by 10%"
    if g.word_pattern("decrease_words").search(cue) or g.word_pattern("comparatives_down").search(cue) \
            or regex.search(r"−|–(?!\s)|^-(?!\s)|\b(?:narrowed|slipped|eased|lost|shed|below|under|short)\b", cue, regex.I):
        # (a dash set off by a space is punctuation or a bullet, no sign: "- Order intake increased by £7.5bn to ...")
        return -1
    if g.word_pattern("increase_words").search(cue) or g.word_pattern("comparatives_up").search(cue) or "+" in cue \
            or regex.search(r"\b(?:improved|widened|added|gained|advanced|above|over|ahead|excess|heavier|"
                            r"longer|bigger|extra|additional)\b", cue, regex.I):
        return 1
    return 0


# a base named by a point in time, no figure: "8% lower than at 31 March 2024", "2 per cent lower than at the end of the
# third quarter" (not "than at the same point last year": linking words prior_markers)
_THAN_AT = (r"\s+(?:@comparatives_up|@comparatives_down)\s+than\s+(?:at|on|as\s+at|as\s+of)\s+(?!@prior_markers)"
            r"(?!(?:the\s+)?(?:same|previous|prior|year-ago|year-earlier)\b)(?![$€£¥₹])(?!\d[\d,.]*\s*(?:%|per\s?cent|percent|bn|mn|m\b|k\b|million|billion|units?\b))")
# ... beside a year-on-year comparison in the same sentence, which is the one the sentence's figures give
_YEAR_ON_YEAR = r"(?<![\p{L}\p{N}])(?:@prior_markers|year[- ]on[- ]year|y/y|yoy)(?![\p{L}\p{N}])|\((?:FY\s?)?(?:19|20)\d\d\s*:"


def _base_date_named(ctx: Ctx, p: Mention) -> Mention | None:
    """The date a comparison right after ``p`` names as its base ("more than in March 2022", "higher than at the end of
    2023", "below the level of 2019"), or None."""
    hit = _THAN_DATE.match(ctx.text, p.end)
    if hit is None:
        return None
    return next((d for d in ctx.dates_in(hit.end(), min(len(ctx.text), hit.end() + 40)) if d.start == hit.end()), None)


def _dated_as(ctx: Ctx, x: Mention, when: Mention, p: Mention) -> bool:
    """Can ``x`` be the level at ``when``: do the words around it in its sentence (its clause; not the comparison of
    ``p`` itself) name no other year or month than ``when``'s?"""
    years = _YEAR_IN.findall(when.text)
    if not years:
        return True  # (a date without a year says too little to rule a figure out)
    s0, s1 = ctx.sentence(x.start)
    a, b = max(s0, x.start - 40), min(s1, x.end + 30)
    if x.end <= p.start:
        b = min(b, p.start)
    elif x.start >= when.end:
        a = max(a, when.end)
    # (the figure's own words: up to the figures beside it)
    before = [y.end for y in ctx.numbers_in(a, x.start) if y is not x]
    after = [y.start for y in ctx.numbers_in(x.end, b) if y is not x]
    near = ctx.text[max([a] + before):min([b] + after)]
    # only another date the words name rules a figure out ("$303.4 million in February" against "in March 2022"); a
    # figure they do not date ("NOK 367 million (NOK 384 million), NOK 17 million lower than in 2016") may be of it
    found = _YEAR_IN.findall(near)
    if found and not set(found) & set(years):
        return False
    months = {w.lower() for w in regex.findall(r"\p{L}+", when.text) if w.lower() in MONTHS}
    said = {w.lower() for w in regex.findall(r"\p{L}+", near) if w.lower() in MONTHS and (w[0].isupper() or len(w) > 3)}
    return not (months and said and not months & said)


# ("a rise of 18% on the end-2023 count": the base named by its date, after "on", "over" or "against")
_THAN_DATE = LazyPattern(r"\s*,?\s*(?:(?:more|higher|greater|larger|less|lower|fewer|smaller|above|below|up|down)\s+(?:than|on|from)|"
                         r"on|over|against|versus|compared\s+with)\s+"
                         r"(?:(?:in|at|during|as\s+of|for)\s+)?(?:the\s+(?:(?:end|start|close)\s+of\s+)?)?", regex.I)
_YEAR_IN = LazyPattern(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _other_point_base(ctx: Ctx, facts: Facts, p: Mention) -> bool:
    """Is ``p`` a change against a point in time its sentence names by words ("8% lower than at 31 March 2024"), while
    the sentence's pair is the year-on-year one ("broadly flat year on year", "(2023: £9.6bn)")?"""
    hit = facts.g.regex(_THAN_AT).match(ctx.text, p.end)
    if hit is None:
        return False
    s0, s1 = ctx.sentence(p.start)
    yoy = facts.g.regex(_YEAR_ON_YEAR)
    return bool(yoy.search(ctx.text, s0, p.start)) or bool(yoy.search(ctx.text, hit.end() + 40, s1))


# a margin stated as its sentence's level: its name, a few words, a verb of being, the percent ("the margin was 19.9%",
# "EBIT margin, excluding one-offs, stood at 12.1%"); not "the margin improved by 1.2%"
_MARGIN_IS = (r"(?<![\p{L}\p{N}])(?:margin|@margins)(?![\p{L}\p{N}])(?:[^.;:\d%]{0,90}?(?<![\p{L}])(?:was|were|is|stood\s+at|"
              r"came\s+(?:in\s+)?at|amounted\s+to|reached)|\s+of)\s+(?:@hedges\s+)?$")  # (or "... representing a margin of 11.3%")
_LOSS_SUBJECT = r"(?<![\p{L}\p{N}])@loss_words(?![\p{L}\p{N}])[^.;,\d]{0,30}$"
# an item named by its source (linking words item_nouns, item_sources): "a pre-tax gain of $231 million on the sale of
# the training business" is a level of its own, not the size of the change its sentence reports
_ITEM_BEFORE = r"(?<![\p{L}\p{N}])@item_nouns\s+of\s+(?:(?:about|around|some|roughly|approximately|nearly|almost)\s+)?$"
_ITEM_SOURCE = (r"\s+(?:on|from|related\s+to|relating\s+to|in\s+connection\s+with|arising\s+(?:from|on)|resulting\s+from|"
                r"linked\s+to|due\s+to)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+){0,2}?@item_sources"
                r"(?![\p{L}\p{N}])")
_DATED_BASE_AND = LazyPattern(r"\b(?:from|on|over|than|versus|vs\.?)\s+(?:(?:FY|fiscal\s+(?:year\s+)?)\s?)?(?:19|"
                              r"20)\d\d\s+(?:and|but|while)\s+$",
                              regex.I)
# (or, with no figure of its own before the percent, any "when" clause of an earlier date: "the steepest rise since
# 2019, when defense spending grew by 8.2 percent")
_WHEN_HAD = LazyPattern(r"(?:(?:19|20)\d\d|year|quarter|period)\s*,\s*when\s+[^.;,]{0,60}\b(?:had|was|were)\b[^.;,]{0,40}$|"
                        r"\b(?:since|than|than\s+in|back\s+in|as\s+in)\s+(?:19|20)\d\d\s*,\s*when\s+[^.;,\d]{0,100}$", regex.I)
_THAT_NUMBER = LazyPattern(r"\s+(?:that|this|the\s+same|the\s+previous|the\s+earlier)\s+(?:number|figure|amount|level|total|count|"
                           r"quantity|sum)\b", regex.I)
_BENCHMARK_BEFORE = r"(?<![\p{L}\p{N}])@benchmark_verbs\s+(?:the|a|an|its|their)\s+(?:[\p{L}-]+\s+){0,2}?$"
_GAIN_OF = LazyPattern(r"\b(?:gain|gains|profit|profits|income|surplus|inflow|earnings)\s+of\s+(?:about\s+|around\s+|some\s+)?$",
                       regex.I)
_SHARE_OF_WORDS = LazyPattern(r"\s+of\s+(?!(?:about|around|some|roughly|nearly|almost|over|under|more|less|just|approximately)\b)"
                              r"(?:the|its|their|our|his|her|this|that|these|those|all|total|each|every|[\p{L}-]+['’]s)\b",
                              regex.I)
_SPAN_OVER = LazyPattern(r"[^\n]{0,5}?\b(?:over|under|in|within)\s+(?:the\s+)?(?:(?:past|last|next|previous|coming|following)\s+)?"
                         r"(?:\w+\s+)?(?:years?|months?|quarters?|decades?|weeks?|days?|periods?)\b", regex.I)
# ("an increase of just under a quarter": a hedge's "under" right before the figure says nothing of the direction)
_NO_DIRECTION = LazyPattern(r"\b(?:(?:more|less|fewer)\s+than(?=\s*$|\s{2,})|(?:just|slightly|a\s+little)\s+(?:under|over|"
                            r"below|above)(?=\s*$|\s{2,})|(?:over|under|in|"
                            r"within)\s+(?:the\s+)?(?:(?:past|last|next|previous|"
                            r"coming|following)\s+)?(?:\w+\s+)?(?:years?|months?|quarters?|decades?|weeks?|days?|periods?)\b)",
                            regex.I)


# "The 11.4% increase", "This 9% rise in sales", "That growth of 15%": a change named as the subject of its sentence
_NAMED_CHANGE = LazyPattern(r"(?:^|[.;:]\s+|\n)\s*(?:the|this|that|its|their|our)\s+(?:[\p{L}-]+\s+){0,2}$", regex.I)
_WORD = LazyPattern(r"[\p{L}-]+")


def _explained(ctx: Ctx, facts: Facts, p: Mention) -> bool:
    """Is ``p`` a change named as its sentence's subject and explained by a cause verb ("The 11.4% increase was led
    by ...", linking words cause_verbs)? Its levels are given elsewhere; the figures after are its causes."""
    s, _ = ctx.sentence(p.start)
    if not _NAMED_CHANGE.search(ctx.text, s, p.start) and not _NAMED_CHANGE.search("\n" + ctx.text[s:p.start]):
        return False
    cause = facts.g.word_pattern("cause_verbs")
    i = p.end
    for _ in range(5):  # "The 9% rise in group sales was driven by": up to four words between
        while i < len(ctx.text) and ctx.text[i] in " \u00a0":
            i += 1
        if cause.match(ctx.text, i, min(len(ctx.text), i + 40)) is not None:
            return True
        w = _WORD.match(ctx.text, i)
        if w is None:
            return False
        i = w.end()
    return False


def _cue(mt: Match, ctx: Ctx) -> str:
    try:
        return mt_cue(mt) or ctx.text[mt.start:mt.end]
    except (IndexError, KeyError):
        return ctx.text[mt.start:mt.end]


def mt_cue(mt: Match) -> str:
    return str(mt.template.meta.get("_cue", ""))


def _best(ms: list[Match], slot: str) -> dict[int, tuple[Mention, Match]]:
    out: dict[int, tuple[Mention, Match]] = {}
    for mt in ms:
        p = mt.slots.get(slot)
        if p is None:
            continue
        prev = out.get(p.start)
        if prev is None or prev[1].template.weight < mt.template.weight:
            out[p.start] = (p, mt)
    return out


def _changes(ctx: Ctx, facts: Facts, pairs: Pairs, ms: list[Match], figs: list[Mention]) -> None:
    found: dict[int, tuple[Mention, Match | None]] = dict(_best(ms, "p"))
    for x in figs:  # a signed percent ("+11%", "(−18%)") is a change whatever the words around it
        if x.type == "percent" and x.text[:1] in "+−–-" and x.start not in found:
            found[x.start] = (x, None)
    # "up 20% and 50%, respectively": the percents of a list closed by "respectively" after a change word are changes
    pct_figs = [x for x in figs if x.type == "percent"]
    pct_at = {x.start: i for i, x in enumerate(pct_figs)}  # (an index, not a walk per percent: linear in the document)
    listed: set[int] = set()
    for p0, mt0 in list(found.values()):
        if mt0 is None or p0.type != "percent":
            continue
        k0 = pct_at.get(p0.start)
        run = [p0]
        while k0 is not None and k0 + len(run) < len(pct_figs) and \
                _PCT_LIST_JOIN.fullmatch(ctx.text, run[-1].end, pct_figs[k0 + len(run)].start):
            run.append(pct_figs[k0 + len(run)])
        # ("20% and 33% more than the 100 aircraft and 30 helicopters": the change word after the last of the list)
        while k0 is not None and k0 > 0 and len(run) < 8 and \
                _PCT_LIST_JOIN.fullmatch(ctx.text, pct_figs[k0 - 1].end, run[0].start) and pct_figs[k0 - 1] is not run[0]:
            k0 -= 1
            run.insert(0, pct_figs[k0])
        if len(run) >= 2 and _RESPECTIVELY_FROM.match(ctx.text, run[-1].end) and \
                all(_respective_pair(ctx, facts, x) is not None for x in run):
            for x in run:
                if x is not p0:
                    found[x.start] = (x, mt0)  # (its own match may be another's: "20% and 40%" is no "X, or P%")
            listed.update(x.start for x in run)
    by_start: dict[int, list[Match]] = {}
    for mt0 in ms:
        if (x0 := mt0.slots.get("p")) is not None:
            by_start.setdefault(x0.start, []).append(mt0)
    for p, mt in found.values():
        ctx.work.patterns += 1
        if ctx.is_stated(p) or (pairs.is_level(p) and p.start not in listed) or _is_level_position(ctx, p):
            continue
        if p.type == "percent" and p.start not in listed and _SHARE_OF_WORDS.match(ctx.text, p.end):
            continue  # "an increase of more than 80 per cent, and around 40 per cent of the new roles": a percent "of"
            # something is a share of it, not the change between two levels
        if mt is not None and _SPAN_OVER.match(ctx.text, max(0, mt.end - 5), mt.end + 40):
            # "a drop of about 12 percent over three years": "over" before a span of time names no direction; another
            # of the percent's matches ("drop of") says it
            other = [m2 for m2 in by_start.get(p.start, []) if not _SPAN_OVER.match(ctx.text, max(0, m2.end - 5), m2.end + 40)]
            if other:
                mt = max(other, key=lambda m2: m2.template.weight)
        cue = ctx.text[mt.start:mt.end].replace(p.text, " ") if mt is not None else p.text[:1]
        if mt is not None and phrasal(ctx.text, mt.start):
            continue
        if _explained(ctx, facts, p):
            ctx.skip("percent_change" if p.type == "percent" else "multiple" if p.role == "multiple" else "difference",
                     p, "a change given elsewhere, explained here by its causes")
            continue
        if p.type == "percent" and facts.g.regex(_OWN_CHANGE_CLAUSE).search(
                ctx.text, max(ctx.sentence(p.start)[0], p.start - 140), p.start):
            ctx.skip("percent_change", p, "the change of a clause of its own ('after ... raised salaries by'), whose "
                                          "levels the text does not give")
            continue  # "rose to 41% from 26%, after the 2022 agreement raised salaries by 12.5% over two years"
        if p.role in ("fraction", "multiple") and _AS_MUCH_AFTER.match(ctx.text, p.end):
            continue  # "A$43,000 ..., against A$19,000 - less than half as much, and a saving of A$14,000": a fraction
            # "as much" as another level is their ratio (a multiple), not the size of a change
        if p.role == "fraction" and regex.match(r"\s+(?:of\s+)?an?\s+(?:per\s?cent|percent|percentage|point|pp)\b",
                                                ctx.text[p.end:p.end + 30], regex.I):
            continue  # "fell half a percent", "an improvement of half a point": of one percent or point, no fraction
            # of the level
        if mt is not None and mt.template.id == "signed" and regex.match(r"[+−–-]\s", ctx.text[mt.start:mt.end]):
            continue  # "A$5.7 billion – almost two-thirds –": a dash set apart by a space is punctuation, no sign
        if mt is not None and mt.template.id == "pair-or" and _part_of_a_whole(ctx, p, mt.start):
            continue  # "SEK 36.5 billion, of which SEK 28.1 billion, or 77%": a share, no change
        cause_from = max(ctx.sentence(p.start)[0], p.start - 120)
        if (_CAUSE_BEFORE.search(ctx.text, cause_from, p.start) or
                facts.g.regex(_CAUSE_CLAUSE).search(ctx.text, cause_from, p.start)) and \
                (_CHANGE_NOUN_AFTER.match(ctx.text, p.end) or _CHANGE_NOUN_OF_BEFORE.search(ctx.text, max(0, p.start - 40),
                                                                                            p.start)):
            # (also a change noun of its own before it: "driven by commercial aerospace growth of 17%")
            # "an increase of 4.1% driven by higher prices and a 2.8% rise in the fuel composite rate": a cause's own
            # change, of the thing named after it, not the pair's
            ctx.skip("percent_change", p, "the change of a cause named after it, not of the figures before")
            continue
        if regex.search(r",?\s+or\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$", ctx.text[max(0, p.start - 15):p.start]) \
                and _CHANGE_NAMED_AFTER.search(ctx.text, p.end, ctx.sentence(p.start)[1]):
            continue  # "is Tk 6,430 crore, or 15.3 per cent, up from Tk 5,860 crore, a rise of 9.7 per cent": the
            # change is named after it; the figure "or" follows is a share
        if mt is not None and mt.template.id == "pair-or" and _parallel_ratio(ctx, pairs, mt.slots.get("any")):
            continue  # "$179 million, a margin of 12.1%, compared with $141 million, or 10.8%": the earlier level's own
        if p.type == "percent" and _N_OF_M.search(ctx.text, max(ctx.sentence(p.start)[0], p.start - 90), p.start):
            continue  # "364 of the 672 howitzers in the framework, or 46%, are now under firm contract": a share
        if p.type == "percent" and p.unit == "percent" and (by_year := _period_base_reading(ctx, facts, pairs, p)):
            # "up 9% on the 2023 figure", "28% below the 2022 record": the one level of the subject's measure the
            # text gives for that year
            _claim(ctx, facts, pairs, p, "percent_change", "pct_change", _direction(facts, cue), [
                Evidence("change:" + (mt.template.id if mt is not None else "signed"), "a change word beside the figure",
                         0.0)], extra=[by_year], pairs_too=False)
            continue
        if (_NAMED_AFTER.match(ctx.text, p.end) or _WORDS_BASE.match(ctx.text, p.end)) and \
                not _WHEN_BASE_AFTER.match(ctx.text, p.end, min(len(ctx.text), p.end + 120)):
            # (but "2% below the year before, when it stood at 175,380" names its figure too)
            ctx.skip("percent_change" if p.type == "percent" and p.unit == "percent" else "difference", p,
                     "compared with something the text names by words, not by a figure here")
            continue  # "33.4 percentage points ahead of it", "20% higher than the Navy's": not the pair of its clause
        direction = _direction(facts, cue)
        if direction and facts.g.regex(_UNSIGNED_AFTER).match(ctx.text, p.end):
            direction = 0  # "reach the ground about 14% more slowly": a lower speed or a longer time, the size is checked
        if p.text[:1] in "-−–" or (p.value is not None and p.value < 0):
            direction = -1  # "(-1.5%), organic growth of +2.3%": the sign written wins over a change word near it
        elif p.text[:1] == "+":
            direction = 1
        if mt is None:
            mt_id = "signed"
        else:
            mt_id = mt.template.id
        trig = [Evidence("change:" + mt_id, "a change word beside the figure", 0.0)]
        if p.type == "percent" and p.unit == "percent":
            resp = _respective_pair(ctx, facts, p)
            if resp is not None:
                # "sales of 1.4176 trillion won and an operating profit of 257.6 billion won, up 29.5 percent and 128.4
                # percent, respectively, from 1.0945 trillion won and 112.8 billion won": the k-th percent of the list
                # is of the k-th level before it and the k-th after "from"
                old_r, new_r = resp
                ev_r = [Evidence("respectively", f"'{p.text}' is of {new_r.text} from {old_r.text}, in the order the "
                                                 "lists give ('respectively')", 4.5, True)]
                _claim(ctx, facts, pairs, p, "percent_change", "pct_change", direction, trig, extra=[(old_r, new_r, ev_r)],
                       pairs_too=False)
            else:
                _claim(ctx, facts, pairs, p, "percent_change", "pct_change", direction, trig)
        elif p.role == "fraction":
            _claim(ctx, facts, pairs, p, "percent_change", "pct_change", direction, trig, fraction=True)
        elif p.role == "multiple":
            _claim(ctx, facts, pairs, p, "multiple", "ratio", 0, trig)
        elif p.type == "percent":
            _claim(ctx, facts, pairs, p, "difference", "pp_change", direction, trig)


# "Of that total, UAH 197.6 billion, or 63%", "Of the nine-month order bookings of SEK 79.2 billion, the third quarter
# contributed SEK 21.2 billion, or 27%": the sentence opens on the whole
_OF_THE_WHOLE = LazyPattern(OF_WHOLE_OPENING + r"\s*(?:[\p{L}-]+\s+){0,4}", regex.I)


# ("175 of today's 296, or 59%": a possessive of time or owner may stand between "of" and the whole)
_N_OF_M = LazyPattern(r"(?<![\d.,])\d[\d,.]*\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+|some\s+)?"
                      r"(?:(?:[\p{L}-]+\s+)?[\p{L}-]+['’]s?\s+)?[\p{Sc}]?\d[\d,.]*"
                      r"[\p{L}\s'’-]{0,40},?\s*or\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$", regex.I)


def _parallel_ratio(ctx: Ctx, pairs: Pairs, x: Mention | None) -> bool:
    """Is ``x`` (the figure before "or P%") a pair's earlier level whose later level carries a percent of its own right
    after it ("a margin of 12.1%", "or 9.5% of sales", "44% of sales")? Then the percent is the earlier level's ratio,
    the parallel of the later one's, not the change between them."""
    if x is None:
        return False
    for pr in pairs.with_old(x):
        after = [y for y in ctx.numbers_in(pr.new.end, min(pr.new.end + 45, ctx.sentence(pr.new.start)[1]))
                 if y.type == "percent"]
        if after and not ctx.numbers_in(pr.new.end, after[0].start) and \
                not regex.search(r"\b(?:up|down|rose|fell|increase|decrease|growth|gain|rise|decline|drop)\b",
                                 ctx.text[pr.new.end:after[0].start], regex.I):
            return True
    return False


def _part_of_a_whole(ctx: Ctx, p: Mention, at: int) -> bool:
    """Is the figure at ``at`` (before "or P%") a part the sentence names as one: after "of which", "including", or in
    a sentence opened by "Of that total," ("Of that total, UAH 197.6 billion, or 63%, went to ...")?"""
    s0 = ctx.sentence(p.start)[0]
    return POINTS_BACK.search(ctx.text, max(s0, at - 60), at) is not None or \
        _OF_THE_WHOLE.fullmatch(ctx.text, s0, at) is not None or \
        _N_OF_M.search(ctx.text, max(s0, at - 90), p.start) is not None  # "31 of the 46 parts, or 67%"


def phrasal(text: str, at: int) -> bool:
    """The "up" or "down" at ``at`` belongs to another verb ("made up of", "set up"): no change."""
    return bool(regex.match(r"(?:up|down)\b", text[at:at + 5], regex.I)) and bool(_PHRASAL.search(text[max(0, at - 12):at + 5]))


def _compares(ctx: Ctx, facts: Facts, pairs: Pairs, ms: list[Match]) -> None:
    """"20 per cent above the £335m", "7 percent lower than the previous year's 206 million euros": a percent
    comparing the level before it with a named base."""
    # (not a base behind a clause of its own: "5% fewer contracts than the 14,105 of the previous year, but the value is
    # up almost 29% on A$30.2 billion")
    ms = [mt for mt in ms if not ((p0 := mt.slots.get("p")) is not None and (b0 := mt.slots.get("base")) is not None
                                  and b0.start > p0.end and _CONSEQUENCE.search(ctx.text, p0.end, b0.start))]
    for p, mt in _best(ms, "p").values():
        ctx.work.patterns += 1
        if ctx.is_stated(p) or pairs.is_level(p) or p.type != "percent" or p.unit != "percent":
            continue
        base = mt.slots.get("base")
        if base is None and mt.template.id == "named-base":
            base = _named_level(ctx, facts, p, mt.end)
        if base is None or not is_amount(base) or base.type == "percent" or _dates_a_level(ctx, base) or \
                _BASE_COMPARES.match(ctx.text, base.end) or (base.type == "quantity" and base.unit in _SPAN_UNITS):
            continue  # (not "20% more than two years earlier", "12 percent over three years": a time, not a level; nor
            # "12% above the original plan and 10 short of the revised target": the size of another comparison)
        if mt.template.id == "or-than" and _CHANGE_NAMED_AFTER.search(ctx.text, base.end, ctx.sentence(p.start)[1]):
            continue  # "is Tk 6,430 crore, or 15.3 per cent, up from Tk 5,860 crore, a rise of 9.7 per cent": the change
            # is named after the base; the percent "or" follows is a share
        if base.start > p.end and regex.search(r"\bto\b", ctx.text[p.end:base.start], regex.I):
            continue  # "rose 190.2 percent from a year earlier to a record 1.72 trillion won": the level reached
        if base.start > p.end and _JOINT_THEN_COMPARE.search(ctx.text, p.end, base.start):
            continue  # "up 30% on last year and ahead of the $5.2 billion target", "71 per cent more than a year earlier
            # and already above the SEK 77.8 billion": the base is named by words; the figure is another comparison's
        direction = _direction(facts, ctx.text[mt.start:mt.end].replace(p.text, " ").replace(base.text, " "))
        resp = _respective_pair(ctx, facts, p)
        if resp is not None:
            # "120 aircraft and 40 helicopters, 20% and 33% more than the 100 aircraft and 30 helicopters": the k-th
            # percent of the list compares the k-th levels, not the nearest base
            _claim(ctx, facts, pairs, p, "percent_change", "pct_change", direction, [], extra=[(*resp, [Evidence(
                "respectively", f"'{p.text}' is of {resp[1].text} from {resp[0].text}, in the order the lists give",
                4.5, True)])], pairs_too=False)
            continue
        if base.start > p.end and any(x.type == "percent" or x.role in ("fraction", "multiple")
                                      for x in ctx.numbers_in(p.end, base.start)):
            continue  # "7 per cent fewer than in the same period of 2022 and more than a fifth below the roughly 30,000":
            # the base is the comparison's nearer to it; this one's base is named by words
        extra = []
        for subj, sev in _subjects(ctx, facts, pairs, p, base, direction):
            extra.append((base, subj, sev + [Evidence("compare:" + mt.template.id, f"'{_quote(ctx, mt)}'",
                                                      mt.template.weight, _near(sev))]))
        _claim(ctx, facts, pairs, p, "percent_change", "pct_change", direction, [], extra=extra)


def _named_level(ctx: Ctx, facts: Facts, p: Mention, end: int) -> Mention | None:
    """The level a comparison names by a noun (base_nouns) that ends at ``end`` ("38 percent above the target"):
    the one figure, in the trigger's sentence before it or the two sentences before in its paragraph, that the noun
    names - right after the noun ("a target of $4.1 million", "the budget was £2.0 billion") or right before it ("a
    $4.1 million target")."""
    noun = regex.search(r"([\p{L}-]+)\s*$", ctx.text[max(0, end - 40):end])
    if noun is None:
        return None
    word = regex.escape(noun.group(1))
    si, pi = ctx.sent_index(p.start), ctx.para_index(p.start)
    found = []
    for sj in range(max(0, si - 2), si + 1):
        a, _ = ctx.sents[sj]
        if ctx.para_index(a) != pi:
            continue
        for x in ctx.sentence_numbers(sj):
            if x.start >= p.start or not is_amount(x) or x.type == "percent" or x.value_high is not None:
                continue
            lead = ctx.text[max(a, x.start - 45):x.start]
            named_before = regex.search(rf"\b{word}\s+(?:(?:of|was|is|were|stood\s+at|set\s+at|at|totall?ing|"
                                        r"amounting\s+to|of\s+about|of\s+some)\s+)?(?:(?:about|around|some|roughly|"
                                        r"just|nearly|almost|an?|the)\s+)*$", lead, regex.I)
            named_after = regex.match(rf"\s*(?:[\p{{L}}-]+\s+)?{word}\b", ctx.text[x.end:x.end + 40], regex.I)
            if named_before or named_after:
                found.append(x)
    return found[0] if len(found) == 1 else None


def _is_level_position(ctx: Ctx, p: Mention) -> bool:
    """"rose to 8.8%", "from 7.5%", "reached 45%": a level, not the size of a change."""
    before = ctx.text[max(ctx.sentence(p.start)[0], p.start - 14):p.start]
    return bool(regex.search(r"\b(?:to|from|at|reached|reaching|stood\s+at)\s+"
                             r"(?:(?:about|around|roughly|some|nearly|almost|just|over|more\s+than|a\s+record)\s+)*$",
                             before, regex.I))


def _differences(ctx: Ctx, facts: Facts, pairs: Pairs, ms: list[Match]) -> None:
    claimed: set[int] = set()
    for d, mt in _best(ms, "d").values():
        ctx.work.patterns += 1
        if d.start in claimed:
            continue
        if ctx.is_stated(d) or pairs.is_level(d) or not is_amount(d) or phrasal(ctx.text, mt.start):
            continue
        if d.type == "percent" and d.unit == "percent" or d.role in ("fraction", "multiple"):
            continue  # a percent is a change, not a difference (nor "a fall of a fifth": a fraction, the change's size)
        if money_raised(ctx, facts, mt.start, d):
            continue  # "raised $2.5 billion in a Series G round": money raised, no rise
        if level_stated(ctx, mt, d):
            continue  # "the navy's allocation ... is Tk 6,430 crore, or 15.3 per cent, up from Tk 5,860 crore": a level
        if facts.g.regex(_ITEM_BEFORE).search(ctx.text, max(0, d.start - 40), d.start) and \
                facts.g.regex(_ITEM_SOURCE).match(ctx.text, d.end):
            ctx.skip("difference", d, "an income or cost item named by the transaction it came from, not the size of a "
                                      "change")
            continue  # "which included a gain of €366 million from the fair-value measurement of the Telespazio group"
        lead = [h for h in facts.g.word_pattern("negative_levels").finditer(ctx.text, max(0, d.start - 30), d.start)]
        if lead and not ctx.text[lead[-1].end():d.start].strip(" ,"):
            continue  # "compared with a net loss of $7.0 million": a level below zero, no difference
        direction = _direction(facts, ctx.text[mt.start:mt.end].replace(d.text, " "))
        if d.type != "percent" and _respective_differences(ctx, facts, pairs, d, direction, claimed):
            continue
        if direction and facts.g.regex(_LOSS_SUBJECT).search(ctx.text, max(ctx.sentence(d.start)[0], mt.start - 60),
                                                              mt.start + 1):
            direction = 0  # "Net loss increased by $78.9 million to $(97.0) million": the loss's size grew, its value fell
        ev = [Evidence("difference:" + mt.template.id, "the size of a change", 0.0)]
        base = mt.slots.get("base")
        if base is not None and (_BASE_COMPARES.match(ctx.text, base.end) or _DATED_BASE_AND.search(
                ctx.text, mt.start, base.start)):
            continue  # "up $6.2 billion or 3.5 percent from FY2024 and $0.5 billion above the request": the base is named
            # by its year; the figure after "and" is the size of another comparison
        if base is not None and mt.template.id == "than" and not comparable(ctx.vocab, base, d):
            continue  # "NOK 1,635 billion over the 12 years": a span of time, not the base of a change
        if base is not None and mt.template.id == "than" and _LIST_JOIN.search(ctx.text, d.end, base.start):
            continue  # "212 under the first contract and 152 under the second": a list, not a comparison
        if base is None and _CONTRIBUTION.match(ctx.text, d.end) and _WITH_BEFORE.search(
                ctx.text, max(ctx.sentence(d.start)[0], d.start - 120), d.start):
            ctx.skip("difference", d, "a contribution to a change from a source it names, not the whole change")
            continue  # "rose to $3.92 billion from $3.33 billion, with $274 million more from the F-35 program and $153
            # million more from the E-130J ramp": each amount is a part of the change
        if base is None and _NAMED_AFTER.match(ctx.text, d.end):
            ctx.skip("difference", d, "compared with something the text names by words, not by a figure here")
            continue  # "33.4 percentage points ahead of it", "12 more than France's": not the pair of its clause
        if base is None:
            base = _when_base(ctx, d, mt.end)  # "three more than in 2023, when France received 11"
        extra: list[tuple[Mention, Mention, list[Evidence]]] = []
        if base is not None and comparable(ctx.vocab, base, d) and not same_figure(base, d):
            for subj, sev in _subjects(ctx, facts, pairs, d, base, direction):
                extra.append((base, subj, sev + [Evidence("difference:" + mt.template.id, f"'{_quote(ctx, mt)}'",
                                                          mt.template.weight, _near(sev))]))
        formula = "pp_change" if d.type == "percent" else "change"
        n0 = len(ctx.claims)
        _claim(ctx, facts, pairs, d, "difference", formula, direction, ev, extra=extra, need_comparable=True)
        if len(ctx.claims) > n0 and d.type != "percent" and _NET_BEFORE.search(ctx.text, max(0, d.start - 40), d.start):
            _net_balances(ctx, d, n0)


# "That left net growth of 750", "a net gain of 120 jobs": a balance of what came in and what went out
_NET_BEFORE = LazyPattern(r"\bnet\s+(?:[\p{L}-]+\s+){0,2}?(?:growth|increase|gain|addition|additions|change|inflow|outflow|"
                          r"rise|decrease|decline|loss|reduction)\s+(?:of\s+)?(?:(?:about|around|some|roughly|nearly|almost)\s+)?$",
                          regex.I)


def _net_balances(ctx: Ctx, d: Mention, k: int) -> None:
    """A net change may be the balance of any two flows of its kind the text gives just before it (recruits against
    separations, hires against leavers): those differences are plausible readings - one that holds makes it hold - but
    none is explicit, so none can make it fail."""
    c = ctx.claims[k]
    if c.stated is not d:
        return
    si = ctx.sent_index(d.start)
    lo = ctx.sents[si - 1][0] if si > 0 and ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(d.start) else \
        ctx.sents[si][0]
    flows = [x for x in ctx.numbers_in(lo, d.start) if is_amount(x) and x.type == d.type and x.unit == d.unit
             and x.value is not None and x.value_high is None][-6:]
    alts = tuple(Relation("change", (y, x), (Evidence("net-balance", f"{x.text} less {y.text}, a balance of two flows",
                                                      2.0),))
                 for x in flows for y in flows if x is not y and (x.value or 0) > (y.value or 0))
    if alts:
        ctx.claims[k] = dataclasses.replace(c, readings=c.readings + alts)


def _respective_differences(ctx: Ctx, facts: Facts, pairs: Pairs, d: Mention, direction: int, claimed: set[int]
                            ) -> bool:
    """"1,536 warheads and 540 launchers, 14 warheads and 160 launchers below the ceilings of 1,550 and 700": each
    difference of a list compares the levels in the same place of the lists before and after it, not its nearest
    neighbours. Claims every item of the list and says so (True), or False when ``d`` is no such list's."""
    if _respective_pair(ctx, facts, d) is None:
        return False
    s, e = ctx.sentence(d.start)
    figs = ctx.numbers_in(s, e)
    k = next(i for i, x in enumerate(figs) if x is d)
    run = [d]
    for step in (-1, 1):  # the whole list, as _respective_pair reads it
        i = k + step
        while 0 <= i < len(figs) and figs[i].type == d.type and \
                _AMOUNT_LIST_JOIN.fullmatch(ctx.text, *((figs[i].end, figs[i - step].start) if step < 0 else
                                                      (figs[i - step].end, figs[i].start))):
            run.insert(0, figs[i]) if step < 0 else run.append(figs[i])
            i += step
    for x in run:
        resp = _respective_pair(ctx, facts, x)
        if resp is None or x.start in claimed or ctx.is_stated(x):
            continue
        claimed.add(x.start)
        _claim(ctx, facts, pairs, x, "difference", "change", direction, [], extra=[(*resp, [Evidence(
            "respectively", f"'{x.text}' is between {resp[1].text} and {resp[0].text}, in the order the lists give",
            4.5, True)])], pairs_too=False)
    return True


# "$274 million more from the F-35 program", "900 more in Sweden", "€200 million lower at Land": an amount of the change
# credited to a source, after ", with ..." (or "driven by", "including") in its sentence
_CONTRIBUTION = LazyPattern(r"\s+(?:more|less|fewer|higher|lower|extra|additional)\s+(?:from|in|at|for|on|by)\s+(?!a\s+year|the\s+"
                            r"(?:previous|prior|same|year|period|quarter)|last\b|all\b|total\b|\d)", regex.I)
_WITH_BEFORE = LazyPattern(r"(?:,\s*with|\bdriven\s+by|\bincluding|\bthanks\s+to|\breflecting|\bas)\b[^;.]*$", regex.I)
_JOINT_THEN_COMPARE = LazyPattern(r"\b(?:and|but|while|yet|whereas)\s+(?:[\p{L}-]+\s+){0,3}?(?:ahead\s+of|above|below|over|"
                                  r"under|beyond|short\s+of|(?:more|less|higher|lower|greater|bigger|smaller)\s+than|"
                                  r"exceeding|exceeds|exceeded|beating|beat|topping|topped|surpassing|surpassed)\b", regex.I)
_RAISE = LazyPattern(r"(?:raised|raises|raise|raising)\b", regex.I)
# (a relative clause after the cause's noun goes on with it: "reflecting the growth of the fleet, which rose from 420")
_CAUSE_CLAUSE = r"(?<![\p{L}])@cause_cues(?![\p{L}])(?:[^,;.:]|,\s*(?:which|that|who|whose)\b)*$"
_CAUSE_BEFORE = LazyPattern(r"\b(?:driven\s+by|due\s+to|owing\s+to|reflecting|because\s+of|on\s+the\s+back\s+of|thanks\s+to|"
                            r"as\s+a\s+result\s+of|helped\s+by|offset\s+by|partly\s+offset\s+by)\b[^;.]*$", regex.I)
_CHANGE_NOUN = r"(?:rise|increase|decrease|fall|drop|decline|growth|gain|jump|cut|reduction)s?"
_CHANGE_NOUN_AFTER = LazyPattern(r"\s+" + _CHANGE_NOUN + r"\s+in\b", regex.I)
_CHANGE_NOUN_OF_BEFORE = LazyPattern(r"\b[\p{L}-]+\s+" + _CHANGE_NOUN + r"\s+of\s+(?:(?:about|some|nearly|almost|roughly|"
                                     r"around|over|more\s+than)\s+)?$", regex.I)
_CHANGE_NAMED_AFTER = LazyPattern(r"\b(?:a|an)\s+" + _CHANGE_NOUN + r"\s+of\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?\d[\d.,]*\s*"
                                  r"(?:%|per\s?cent|percent)", regex.I)
_LEVEL_VERB = LazyPattern(r"\b(?:is|was|were|are|stood\s+at|stands\s+at|reached|reaches|totall?ed|totals|amounted\s+to|amounts\s+to|"
                          r"came\s+to|comes\s+to)\s+(?:(?:about|around|some|nearly|almost|roughly|approximately)\s+)?"
                          r"(?:[A-Z][A-Za-z$.]{0,3}\s*)?$", regex.I)


def level_stated(ctx: Ctx, mt: Match, d: Mention) -> bool:
    """"... is Tk 6,430 crore, or 15.3 per cent, up from Tk 5,860 crore": a figure "or P%" then compared, after a verb
    that states a level, is that level (the percent a share of it), not the size of a change."""
    if mt.template.id != "or-than" or not regex.search(r"\b(?:up|down)\s+(?:from|on)\b", ctx.text[d.end:mt.end], regex.I):
        return False  # ("That total is $122 billion, or 19 percent, more than ...": the size of a difference)
    return _LEVEL_VERB.search(ctx.text, max(0, d.start - 30), d.start) is not None


def money_raised(ctx: Ctx, facts: Facts, at: int, d: Mention) -> bool:
    """"Helsing ... said it had raised €600m ($694m) in a Series D round": a verb of raising right before an amount,
    no "by" between, in a sentence with a funding word (linking words funding_words), gives money raised, no rise."""
    cue = _RAISE.match(ctx.text, at)
    if cue is None or regex.search(r"\bby\b", ctx.text[cue.end():d.start], regex.I):
        return False
    s, e = ctx.sentence(d.start)
    return facts.g.word_pattern("funding_words").search(ctx.text, s, e) is not None


# a comparison word and a base named by a pronoun or another's name right after a difference: "33.4 percentage points
# ahead of it", "20% higher than France's" (not "above the original price": the earlier level of the same thing)
_NAMED_AFTER = LazyPattern(r"\s+(?:more|fewer|less|higher|lower|greater|ahead\s+of|behind|above|below|short\s+of|under)\s+"
                           r"(?:than\s+)?(?:it|them|(?:the\s+)?(?!today|yesterday|tomorrow|year|month|week|quarter)[\p{L}-]+['’]s)\b"
                           r"(?!\s*[\d$€£¥₹])"
                           # (not "more than the department's earlier five-year forecast of £37.5 billion": the possessive opens a
                           # noun phrase that ends on its figure)
                           r"(?![\p{L}\p{N}\s'’-]{0,50}?\bof\s+(?:(?:about|around|some|roughly|nearly|almost)\s+)?[\d$€£¥₹])",
                           regex.I)
# "1.9% above the fiscal 2024 enacted level and $4.4 billion below ...": a base named by words alone, its clause ending
# before any figure
_BASE_COMPARES = LazyPattern(r"\s*(?:more|less|fewer|higher|lower|above|below|over|under|ahead|behind|short)\b", regex.I)
_WORDS_BASE = LazyPattern(r"\s+(?:above|below|(?:more|less|fewer|higher|lower)\s+than)\s+the\s+(?:[\p{L}\p{N}'’-]+\s+){0,5}"
                          r"[\p{L}'’-]+(?=\s*(?:[,;.]|\band\b|\bbut\b|$))", regex.I)
# "3.3 percent over the fiscal year 2024 enacted level", "2.1 percent higher than last year's enacted amount": a base
# named by words (linking words base_level_nouns) with no figure of its own
_BASE_BY_WORDS = (r"\s+(?:over|on|above|below|against|versus|vs\.?|compared\s+(?:with|to)|(?:more|less|fewer|higher|lower|"
                  r"greater|larger|smaller)\s+than)\s+(?:the|its|their|this|that|last|a|an)\s+(?:[\p{L}\p{N}'’-]+\s+){0,6}?"
                  r"@base_level_nouns(?![\p{L}\p{N}])(?!\s+(?:of|at|was|were|stood|totalled|totaled)\b)")
_WHEN = LazyPattern(r"\s*(?:than\s+)?(?:in\s+)?(?:(?:19|20)\d\d|the\s+previous\s+year|the\s+prior\s+year|last\s+year)\s*,\s*when\b",
          regex.I)


def _when_base(ctx: Ctx, d: Mention, at: int) -> Mention | None:
    """"14 went to the French armed forces, three more than in 2023, when France received 11": the base of the
    comparison is the first figure of its kind in the "when" clause that names the earlier year."""
    w = _WHEN.match(ctx.text, at)
    if w is None:
        return None
    _, e = ctx.sentence(d.start)
    clause_end = min([i for i in (ctx.text.find(",", w.end(), e), ctx.text.find(";", w.end(), e)) if i >= 0] + [e])
    for x in ctx.numbers_in(w.end(), clause_end):
        if is_amount(x) and comparable(ctx.vocab, x, d) and not same_figure(x, d):
            return x
    return None


_SUMMED_BASE = LazyPattern(r"\b(?:combined|together|total|joint|aggregate|collective)\s+(?:[\p{L}-]+\s+)?$", regex.I)


def _times(ctx: Ctx, facts: Facts, pairs: Pairs, ms: list[Match]) -> None:
    # the bases of the sentence's multiples: "almost 19 times the EDF's €7.953 billion budget and 100 times the €1.5
    # billion ...": the base of one multiple of a list is no subject the next is compared with
    best = _best(ms, "m")
    bases = {m.start: b.start for m, mt in best.values()
             if m.role in ("multiple", "fraction") and (b := mt.slots.get("base")) is not None}
    for m, mt in best.values():
        ctx.work.patterns += 1
        if ctx.is_stated(m) or m.role not in ("multiple", "fraction") or _times_more(ctx, m):
            continue
        base = mt.slots.get("base")
        if base is None or not is_amount(base):
            continue
        if facts.g.regex(_MODAL_BEFORE).search(ctx.text, max(0, m.start - 20), m.start) and \
                facts.g.regex(_OBJECT_AFTER).match(ctx.text, m.end):
            continue  # "an order that will double the fleet of 12 jets", "24 more guns would triple the battery of 12": a
            # verb whose object grows by it, not a multiple of the figure before
        if _dates_a_level(ctx, base):
            continue  # "three and a half times what the estate fetched 28 years ago", "double what the army paid ten
            # years earlier": a span that dates an event is no amount compared
        if _ADDITION_BEFORE.search(ctx.text, max(0, base.start - 20), base.start) or added_amount(ctx.text, base):
            continue  # "nearly triple the pre-war rate and an extra 25,600 rounds every month": an amount added to a level
            # is no level the multiple compares with
        if m.role == "fraction" and reached_as_share(ctx, facts, m):
            continue  # "rose by 30 units over the 70 built in 2023, to a quarter of the 400 ordered": the level reached
        if mt.template.meta.get("determiner") and not _DETERMINED.fullmatch(ctx.text, m.end, base.num_start):
            continue  # "three times the $1.2 billion" but not "three times 20 tanks"
        if m.role == "fraction" and not _fraction_tied(ctx, facts, m):
            continue  # "funded roughly a third of the second batch of three": a part of its base, compared with nothing
        extra = []
        # "equal to 1.0 times EBITDA of $53.1 million", "3.2 times revenue of €1.6 billion": the base's measure
        # named after the multiple makes the comparison one across measures, so a subject of another measure is
        # no clash; but found by position, such a subject is doubted (it holds or warns)
        across = mt.template.id == "times-of" and bool(facts.measure_hits_in(m.end, base.start))
        # "ASAP, which had €500 million, and EDIRPA, which had €300 million, so the new programme is almost twice
        # their combined €800 million": a base called the total of figures before it has those as its parts, not as
        # the level compared with it
        summed = _SUMMED_BASE.search(ctx.text, max(m.end, base.start - 25), base.start) is not None
        # "more than triple the six ships ... and double the nine": a multiple above one is of a subject larger than
        # its base
        grows = 1 if m.role == "multiple" and (m.value or 0) > 1 else 0
        for subj, sev in _subjects(ctx, facts, pairs, m, base, grows):
            if summed and subj.start < base.start and abs(subj.value or 0) < abs(base.value or 0):
                continue
            if any(b == subj.start for k, b in bases.items() if k != m.start):
                continue
            clash = across and any(e.cue == "measure-clash" for e in sev)
            if clash:
                sev = [e for e in sev if e.cue != "measure-clash"] + [
                    Evidence("across-measures", f"{subj.text} compared with the measure named after {m.text}", 0.0)]
            extra.append((base, subj, sev + [Evidence("times:" + mt.template.id, f"'{_quote(ctx, mt)}'",
                                                      mt.template.weight, _near(sev) and not clash)]))
        gap = regex.match(r"\s+", ctx.text[m.end:m.end + 3]) if m.role == "fraction" else None
        at = m.end + (gap.end() if gap else 0)
        up = gap is not None and facts.g.word_pattern("comparatives_up").match(ctx.text, at) is not None
        down = gap is not None and facts.g.word_pattern("comparatives_down").match(ctx.text, at) is not None
        # "down by a third from a peak of 378,000", "rose by a quarter over the level of 2,400": a fraction after a
        # change word (and "by") is the size of the change, which way the word says
        moved = facts.g.regex(_CHANGE_BY_BEFORE).search(ctx.text, max(0, m.start - 30), m.start) \
            if m.role == "fraction" and not (up or down) else None
        if moved is not None:
            down = _direction(facts, moved.group(0)) < 0 or moved.group(0).lower().startswith(("down", "cut", "slashed",
                                                                                                "trimmed"))
            up = not down
        if up or down:
            # "€1,179, about a quarter more than Estonia's €949": a fraction more (or less) than a base (linking
            # words comparatives_up, comparatives_down) is a change of that many percent, not a multiple of it
            _claim(ctx, facts, pairs, m, "percent_change", "pct_change", 1 if up else -1, [], fraction=True,
                   extra=extra, pairs_too=False)
        else:
            _claim(ctx, facts, pairs, m, "multiple", "ratio", 0, [], extra=extra, pairs_too=False)
        if across and not ctx.is_stated(m):
            ctx.stated.add(m.start)  # a multiple of another measure: no reading of it as a pair's change


# what the words of these phrases are lives in rules/linking.yaml (linking words)
def _fraction_tied(ctx: Ctx, facts: Facts, m: Mention) -> bool:
    """Is the fraction ``m`` tied to something before it in its sentence that it compares with its base: a linking word
    (``fraction_links``: "is", "or", "about", "accounting for"), a comma, a dash or a bracket right before it?"""
    s0 = ctx.sentence(m.start)[0]
    before = ctx.text[max(s0, m.start - 40):m.start].rstrip()
    hedge = facts.g.regex(_HEDGES_AT_END).search(before)  # "funded roughly a third": the word before the hedge
    if hedge is not None:
        before = before[:hedge.start()].rstrip()
    if not before or before[-1] in ";:":
        return False  # "A quarter of the 40 firm orders have been delivered": the fraction opens its clause
    if before[-1] in ",–—-(":
        return True
    return facts.g.regex(_FRACTION_LINK_BEFORE).search(before) is not None


_HEDGES_AT_END = r"(?:(?<![\p{L}\p{N}])(?:@verb_hedges|about|around|some|approximately|just|only|barely|over|under|exactly|"\
                 r"fully|close\s+to|well\s+over|well\s+under|just\s+over|just\s+under)\s*)+$"
_FRACTION_LINK_BEFORE = r"(?<![\p{L}\p{N}])@fraction_links$"
_MODAL_BEFORE = r"(?<![\p{L}\p{N}])@modal_words\s+(?:@verb_hedges\s+)?$"
_OBJECT_AFTER = r"\s+@object_determiners\s+(?!@level_of_nouns(?![\p{L}\p{N}]))[\p{L}-]+\s+of(?![\p{L}\p{N}])"
_AT_THAT_LEVEL = LazyPattern(r"\W*(?:at|on)\s+(?:that|this|these|those)\s+(?:level|price|valuation|figure|value|"
                             r"levels|prices)\b", regex.I)
# the whole a part is a share of ("a small slice of the $849.8 billion request", "a third of its €4.0 billion revenue")
_WHOLE_BEFORE = r"(?<![\p{L}])@whole_markers\s+(?:(?:the|a|an|its|their|our|his|her|this|that)\s+)?(?:[\p{L}-]+['’]s\s+)?$"
_DEFINED_BEFORE = r"(?<![\p{L}\p{N}])@definition_cues(?![\p{L}\p{N}])[^.;]{0,45}$"
# a percentage written as an attribute of a noun after a determiner ("its 40% quota", "a 20% stake", "the 5% tariff"):
# the noun phrase names a level or a rate of its own. It is a change only when a word of the phrase says so ("a 12%
# rise", "a 12% year-on-year increase", "a 10% premium"). The phrase ends at punctuation, a figure, or a word of
# attributive_stops, clause_verbs or modal_words ("the 12% was", "a 20% stake in the venture")
_DETERMINED_BEFORE = r"(?<![\p{L}\p{N}])(?:@np_determiners|\p{L}+['’]s)\s+(?:@hedges\s+)?$"
_NP_WORD = LazyPattern(r"[ \u00a0]*([\p{L}][\p{L}'’/-]*)")
_CHANGE_LISTS = ("change_nouns", "increase_words", "decrease_words", "comparatives_up", "comparatives_down",
                 "evaluative_words", "markup_nouns")
_STOP_LISTS = ("attributive_stops", "clause_verbs", "modal_words", "predicate_verbs")
_WORD_SETS: dict[int, tuple[Any, frozenset[str], frozenset[str]]] = {}


def _attributive(ctx: Ctx, facts: Facts, p: Mention) -> str | None:
    """The noun phrase a percentage is an attribute of ("quota" in "its 40% quota, up from nine"), or None when it
    stands on its own or its phrase names a change."""
    g = facts.g
    if not g.regex(_DETERMINED_BEFORE).search(ctx.text, max(0, p.start - 40), p.start):
        return None
    hit = _WORD_SETS.get(id(g))
    if hit is None or hit[0] is not g:
        hit = _WORD_SETS[id(g)] = (g, frozenset(str(w).lower() for n in _CHANGE_LISTS for w in g.words(n)),
                                   frozenset(str(w).lower() for n in _STOP_LISTS for w in g.words(n)))
    change, stops = hit[1], hit[2]
    words: list[str] = []
    at = p.end
    while len(words) < 4:
        m = _NP_WORD.match(ctx.text, at)
        if m is None:
            break
        w = m.group(1).lower()
        if w in stops:
            break
        if w in change or any(part in change for part in w.split("-")):
            return None  # "a 12% rise", "a 12% year-on-year increase", "a 5% pay-rise"
        words.append(m.group(1))
        at = m.end()
    if not words:
        return None  # "the 12% was driven by", "a 12%, up from"
    if len(words) == 4 and _NP_WORD.match(ctx.text, at):
        return None  # a long run of words: a clause, not a noun phrase
    return " ".join(words)


# "after an increase of 18.6% the previous year", "following a 12% gain in 2023", "after rising 15% a year earlier"
_AFTER_EARLIER_CHANGE = (r"(?<![\p{L}\p{N}])(?:after|following)\s+(?:(?:an?|the)\s+)?(?:(?:@change_nouns)\s+(?:of\s+)?|"
                         r"(?:@increase_words|@decrease_words)\s+(?:by\s+)?)?$")
_EARLIER_PERIOD_AFTER = (r"\s*(?:(?:@change_nouns)\s+)?(?:in\s+(?:(?:fiscal|FY)\s?)?(?:19|20)\d\d|@prior_markers|"
                         r"the\s+(?:previous|prior)\s+(?:year|quarter|period)|the\s+year\s+before)(?![\p{L}\p{N}])")
_CLAUSE_OF_A_YEAR = LazyPattern(r"(?:;|,\s*(?:and|but|while|whereas)\b|\.)\s*(?:(?:and|but|then)\s+)?(?:in|by|during|for)\s+"
                                r"(?:fiscal\s+(?:year\s+)?|FY\s?)?(?:19|20)\d\d\b(?!\s*(?:%|per|million|billion))", regex.I)
_WITH_OPENING = LazyPattern(r"\W*(?:with|amid)\s[^,;:.]*[,;:]", regex.I)
_CONSEQUENCE = LazyPattern(r"[,;]\s*(?:and\s+)?(?:so|thus|hence|therefore|which\s+means|meaning|but|while|whereas|although|"
                           r"though)\s+(?:that\s+)?(?!(?:to|from|by|up|down|far|much|many|that|only|just|still)\b)"
                           r"[\p{L}-]+", regex.I)
_YEAR_ON_YEAR_AFTER = (r"\s*(?:(?:@change_nouns)\s+)?(?:year[\s-]on[\s-]year|y/y|yoy|from\s+a\s+year\s+(?:earlier|ago|before)|"
                       r"on\s+(?:a|the)\s+(?:year|previous\s+year|prior\s+year)|over\s+the\s+(?:previous|prior)\s+year|"
                       # (or over the prior period named by its year: "a 35.5% increase over FY23, when ... against a goal of")
                       r"(?:over|on|from|compared\s+with|versus|vs\.?)\s+(?:FY\s?\d\d(?:\d\d)?|(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d\d))"
                       r"(?![\p{L}\p{N}])")
_GOAL_NAMED_BEFORE = r"(?<![\p{L}])(?:@named_level_nouns|@prediction_nouns)\s+(?:of|at)\s+(?:(?:about|around|some|roughly|" \
    r"nearly|almost|just\s+over|just\s+under)\s+)?$"
_GOAL_NAMED_AFTER = r"[ \u00a0-]*(?:@named_level_nouns|@prediction_nouns)(?![\p{L}\p{N}])"


def _goal_level(ctx: Ctx, facts: Facts, m: Mention) -> bool:
    """Is ``m`` a goal, a limit or a forecast by the noun right before or after it ("a cap of 90", "the goal of 9,800",
    "the €1.8 billion forecast"; linking words named_level_nouns, prediction_nouns)?"""
    return facts.g.regex(_GOAL_NAMED_AFTER).match(ctx.text, m.end) is not None or \
        facts.g.regex(_GOAL_NAMED_BEFORE).search(ctx.text, max(0, m.start - 40), m.start) is not None


_EXPECTED_BEFORE = r"(?<![\p{L}\p{N}])@expectation_nouns(?![\p{L}\p{N}])(?:\s+(?:of|at|for|was|is|had\s+been))?[^,;.]{0,12}$"


def _respective_pair(ctx: Ctx, facts: Facts, p: Mention) -> tuple[Mention, Mention] | None:
    """For a percent of a list closed by "respectively" ("up 29.5 percent and 128.4 percent, respectively, from A and B"):
    its level (the k-th amount before the list) and its earlier level (the k-th after "from"), when both lists have as
    many amounts as the percents."""
    s, e = ctx.sentence(p.start)
    figs = ctx.numbers_in(s, e)
    k = next((i for i, x in enumerate(figs) if x is p), None)
    if k is None:
        return None
    # the list: percents joined by commas or "and"; or amounts of the figure's kind joined by "and" ("14 warheads and
    # 160 launchers below the ceilings of 1,550 and 700": a comma may end the list of levels before it)
    if p.type == "percent":
        join, alike = _PCT_LIST_JOIN, (lambda x: x.type == "percent")
    else:
        join, alike = _AMOUNT_LIST_JOIN, (lambda x: x.type == p.type and is_amount(x))
    lo = k
    while lo > 0 and alike(figs[lo - 1]) and join.fullmatch(ctx.text, figs[lo - 1].end, figs[lo].start):
        lo -= 1
    hi = k
    while hi + 1 < len(figs) and alike(figs[hi + 1]) and join.fullmatch(ctx.text, figs[hi].end, figs[hi + 1].start):
        hi += 1
    run = figs[lo:hi + 1]
    if len(run) < 2:
        return None
    tail = _RESPECTIVELY_FROM.match(ctx.text, run[-1].end)
    if tail is None:
        return None
    # (not "477.2 billion won (about US$346 million)": a figure restated in another currency is no item of a list)
    olds = [x for x in figs[hi + 1:] if x.start >= tail.end() and is_amount(x) and x.type != "percent"
            and not _restated(ctx, x)][:len(run)]
    news = [x for x in figs[:lo] if is_amount(x) and x.type != "percent" and not _restated(ctx, x)][-len(run):]
    if len(olds) != len(run) or len(news) != len(run):
        return None
    i = run.index(p)
    if not comparable(ctx.vocab, olds[i], news[i]):
        return None
    if "respectively" not in tail.group(0).lower() and not _in_order(ctx, olds, news):
        return None  # (without "respectively", only lists whose k-th levels are alike: "sales of 1.62 trillion won
        # and a profit of 277.7 billion won, up 48.1% and 102.1% from 1.09 trillion won and 137.4 billion won")
    return olds[i], news[i]


def _restated(ctx: Ctx, x: Mention) -> bool:
    return x.start in ctx.restated or bracket_restatement(ctx, x)


def _in_order(ctx: Ctx, olds: list[Mention], news: list[Mention]) -> bool:
    """Are two lists of levels paired in order, with no "respectively" to say so? Each k-th pair is of one kind and
    of a size (less than 5 times apart); or, for two pairs each under 20 times apart, the pairs in order are nearer
    in size than the pairs crossed ("2.6312 trillion won and 477.2 billion won, up 62% and 457% from 1.6241 trillion
    won and 85.7 billion won": 1.6 and 5.6 times apart in order, 3.4 and 30.7 crossed)."""
    pairs = list(zip(olds, news, strict=True))
    if not all(comparable(ctx.vocab, o, n) for o, n in pairs):
        return False
    if all(magnitude(o, n) < 5 for o, n in pairs):
        return True
    if len(pairs) != 2 or not all(magnitude(o, n) < 20 for o, n in pairs):
        return False
    straight = math.log(magnitude(olds[0], news[0])) + math.log(magnitude(olds[1], news[1]))
    crossed = math.log(magnitude(olds[0], news[1])) + math.log(magnitude(olds[1], news[0]))
    return straight < crossed / 2


_PCT_LIST_JOIN = LazyPattern(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_AMOUNT_LIST_JOIN = LazyPattern(r"\s*,?\s*and\s+")
_RESPECTIVELY_FROM = LazyPattern(r"\s*,?\s*(?:respectively\s*,?\s*)?(?:(?:more|higher|greater|larger|less|lower|fewer|smaller|"
                                 r"above|below|short\s+of|ahead\s+of)\s+(?:than\s+)?(?:the\s+|its\s+|their\s+)?|(?:from|compared\s+(?:with|to)|against|versus|on)"
                                 r"\s+)", regex.I)


def _size_restated(ctx: Ctx, facts: Facts, p: Mention) -> Mention | None:
    """The amount a percent restates as the size of a change: "a $36.3B, or 17%, increase over ..." (the amount, ", or",
    the percent, then a change noun)."""
    if p.type != "percent" or not facts.g.regex(_CHANGE_NOUN_NEXT).match(ctx.text, p.end):
        return None
    before = ctx.numbers_in(max(ctx.sentence(p.start)[0], p.start - 40), p.start)
    if not before or not is_amount(before[-1]) or before[-1].type == "percent":
        return None
    return before[-1] if _OR_BETWEEN.fullmatch(ctx.text, before[-1].end, p.start) else None


_CHANGE_NOUN_NEXT = (r"\s*,?\s*(?:(?:[\p{L}-]+\s+)?@change_nouns|@comparatives_up|@comparatives_down)(?![\p{L}\p{N}])")
_OR_BETWEEN = LazyPattern(r"\s*,?\s*or\s+(?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?", regex.I)
_BASE_CUE_AFTER = LazyPattern(r"\s*(?:(?:higher|lower|more|less|greater|smaller|up|down)\s+)?(?:than|below|above|from|over|versus|vs\.?|"
                              r"compared\s+(?:with|to)|against)\s+", regex.I)
_BASE_WORDS = LazyPattern(r"(?:(?!(?:to|and|or|but|while)\b)[\p{L}'’-]+\s+){0,4}")


_WHEN_BASE_AFTER = LazyPattern(r"\s*(?:[\p{L}-]+\s+)?(?:more|fewer|less|higher|lower|greater|larger|smaller|above|below|up|down)"
                               r"\s+(?:than|on|from|compared\s+with)?[^.;]{0,50}?,?\s+when\s+(?:it|they|the\s+[\p{L}-]+|"
                               r"that\s+figure|[\p{L}-]+)\s+(?:stood\s+at|stood|was|were|totall?ed|reached|came\s+to|"
                               r"amounted\s+to|numbered|had)\s+(?:(?:about|around|some|roughly|nearly|almost|just)\s+)?",
                               regex.I)


def _base_after(ctx: Ctx, p: Mention) -> Mention | None:
    """The figure a percent names as its base right after it ("up 7% from $704 billion", "5% below expectations of
    $2.02 billion"): a cue, at most four words (no "to", "and"), then the figure."""
    when = _WHEN_BASE_AFTER.match(ctx.text, p.end, min(len(ctx.text), p.end + 120))
    if when is not None:
        # "3,710 fewer than a year earlier, when it stood at 175,380": the level named after the time it was at
        nxt = ctx.numbers_in(when.end(), min(ctx.sentence(p.start)[1], when.end() + 12))
        return nxt[0] if nxt and is_amount(nxt[0]) and nxt[0].start - when.end() <= 12 else None
    cue = _BASE_CUE_AFTER.match(ctx.text, p.end) if p.type == "percent" else None
    if cue is None:
        return None
    nxt = [x for x in ctx.numbers_in(cue.end(), min(ctx.sentence(p.start)[1], cue.end() + 60))]
    if not nxt or not is_amount(nxt[0]) or (nxt[0].type == "quantity" and nxt[0].unit in _SPAN_UNITS):
        return None  # (not "over the past 12 months": a span, no base)
    words = _BASE_WORDS.match(ctx.text, cue.end())
    return nxt[0] if words is not None and words.end() >= nxt[0].start - 1 else None


# a base named by words: "three times the number ordered in the first batch", "double the amount the plant employed"
_MULTIPLE_BASE_WORDS = LazyPattern(r"\s+(?:as\s+(?:many|much|large|big|high)\s+as\s+)?(?:the|that|what)\s+"
                                   r"(?:(?:total|overall|annual)\s+)?"
                                   r"(?:number|amount|total|level|figure|quantity|size|sum|count|volume|value|tally|"
                                   # ("more than double the growth in range days": a change of another measure)
                                   r"growth|rise|increase|gain|decline|fall|drop|reduction|change)\b"
                                   r"(?!\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:about\s+|some\s+)?[\p{Sc}\d])", regex.I)
_CLAUSE_STOP = LazyPattern(r"[,;.:]\s|[;:]")
_OTHER_PARAGRAPH = "paragraph-before"


_SEVERAL_BEFORE = "several-before"
_NAMED_OWN = "named-own-subject"
# ("The 2025 figure is 49 aircraft more than ...": a level noun points back as a pronoun does)
_DEFINITE_NP = LazyPattern(r"\W*(?:the|this|that|these|those)\s+(?:(?:19|20)\d\d\s+)?(\p{L}[\p{L}-]{3,})", regex.I)
_LEVEL_NOUN = LazyPattern(r"\b(?:figure|total|level|tally|number|amount|sum|result)s?\b", regex.I)


def _near(ev: list[Evidence]) -> bool:
    """Is a subject close enough to its comparison for the comparison's grammar to be explicit about it? Not when it
    was taken from the paragraph before, nor when the sentence before offers several."""
    return not any(e.cue in (_OTHER_PARAGRAPH, _SEVERAL_BEFORE, _NAMED_OWN, "measure-only") for e in ev)


_SIZE_COMPARED = r"(?<![\p{L}])(?:@size_words)(?![\p{L}])"


def _subjects(ctx: Ctx, facts: Facts, pairs: Pairs, trig: Mention, base: Mention, direction: int = 0
              ) -> Iterator[tuple[Mention, list[Evidence]]]:
    """The figure a comparison is about: the levels of the base's kind before the trigger in its sentence
    (the nearest first), or, when there is none, in the sentence before. Found by position, a subject must lie on
    the side of the base the comparison says ("4% higher than the AED 23.34 billion" is not about AED 310 million)."""
    # "costs almost twice as much as a 76mm Super Rapido": a calibre names a weapon, no level compared (unless the
    # comparison is of size: "Its nominal calibre is about 22% larger than the 5.56mm round"; linking words size_words)
    nouns = facts.g.word_pattern("calibre_nouns")
    sized = facts.g.regex(_SIZE_COMPARED).search(ctx.text, ctx.sentence(trig.start)[0], base.start) is not None
    if not sized and calibre(ctx.text, base, nouns):
        return
    for x, ev in _subjects_by_position(ctx, facts, pairs, trig, base):
        if wrong_side(x, base, direction) or (not sized and calibre(ctx.text, x, nouns)):
            continue  # (an equal figure is on neither side: "32 F-35A aircraft ... one more than the 32 jets")
        yield x, ev


def _subjects_by_position(ctx: Ctx, facts: Facts, pairs: Pairs, trig: Mention, base: Mention
                          ) -> Iterator[tuple[Mention, list[Evidence]]]:
    s, _ = ctx.sentence(trig.start)
    itself = False  # (set below when the subject is looked for in the sentence before)
    # "... on the ¥7.95 trillion approved for fiscal 2024, which itself was 16.6% above fiscal 2023's ¥6.82 trillion":
    # a relative clause is about the figure it follows, even one that is another comparison's base
    rel = [m.start() for m in _RELATIVE.finditer(ctx.text, s, trig.start)]
    if rel and not any(is_amount(x) for x in ctx.numbers_in(rel[-1], trig.start)):
        ante = [x for x in ctx.numbers_in(max(s, rel[-1] - 80), rel[-1]) if is_amount(x)]
        # the figure right before "which", a few words of its own between ("the ¥7.95 trillion approved for fiscal
        # 2024, which"; not "$36 million per tank, includes support, which is why")
        if ante and ante[-1] is not base and comparable(ctx.vocab, ante[-1], base) and \
                not same_figure(ante[-1], base) and _OWN_WORDS.fullmatch(ctx.text, ante[-1].end, rel[-1]):
            yield ante[-1], [Evidence("relative", f"'which' follows {ante[-1].text}", 1.5)]
            return
    # a clause of its own subject before the trigger ("..., and the target is more than three times the 620", "..., and
    # Italy will buy twice the 12"): the figures before it are another clause's; the subject is named by words
    if SHARE_OPENS_CLAUSE.search(ctx.text, max(s, trig.start - 40), trig.start) and \
            trig.role == "fraction" and OF_AFTER.match(ctx.text, trig.end):
        return  # "Headcount rose by 300, and about half of the 4,000 staff now work in Bristol": a fraction opening a
        # clause of its own is a share of the whole after it, its part named by that clause's words
    owns = list(_OWN_SUBJECT.finditer(ctx.text, s, trig.start))
    if owns and not facts.g.word_pattern("anaphora").match(owns[-1].group("np")) and \
            not ctx.numbers_in(owns[-1].end(), trig.start):
        return
    # ... and no price per unit against a total ten times its size or more: "about $36 million per tank ... nearly
    # double the $3.37 billion paid under the first contract" (not "$36 million a tank, nearly double the $18.7 million
    # of the first batch", a price per tank too)
    base_unit = facts.rate_of(base) == "unit"
    before = [x for x in ctx.numbers_in(s, trig.start) if is_amount(x) and x is not base
              and comparable(ctx.vocab, x, base) and not same_figure(x, base) and magnitude(x, base) < 1000
              and not base_position(ctx, x) and x.start not in pairs.deltas
              and not size_of_comparison(ctx, x)
              # (nor the whole of a share: "This amounts to 5.38 per cent of the projected GDP of EUR 89.0 billion and is
              # EUR 1.05 billion, or 28 per cent, more than the EUR 3.74 billion")
              and not share_whole(ctx, x)
              # ("Combined, the 12 Rafales and 8 Mirages make up about a third of the 60 jets": an item of a summed list)
              and not summed_list_item(ctx, x)
              and not ((facts.rate_of(x) == "unit") != base_unit and magnitude(x, base) >= 10)
              # "40,000 rounds a month, or 480,000 a year, nearly three times the 14,000 a month": a level of another
              # period rate is no subject of the base's
              and not other_rate(ctx, x, base, facts.g)]
    # "a fleet of 26 combatants - six Hunters, 11 frigates, three Hobarts and six vessels - more than double the
    # current 11": the items of an aside closed right before the comparison are not its subject
    before = outside_closed_aside(ctx, before, s, trig.start)
    # "Combined with FY2023 (¥6.8 trillion) and FY2024, the first three years of the plan account for more than half of
    # its ¥43 trillion total": a figure of an opening "combined with"/"together with" phrase joins the subject, which the
    # words after it name; it is not the subject
    joined = JOINED_OPENING.match(ctx.text, s, trig.start)
    if joined is not None:
        before = [x for x in before if x.start >= joined.end()]
    ev0: list[Evidence] = []
    named_own: dict[int, bool] = {}
    if not before:
        si = ctx.sent_index(trig.start)
        # the sentence before, in the paragraph; or, for a paragraph's first sentence, the last of the paragraph
        # before ("... defence financing of €4.79 billion for 2026 ..." / "The allocation is 42% higher than ..."),
        # then only doubted
        crossing = si > 0 and ctx.para_index(ctx.sents[si - 1][0]) != ctx.para_index(trig.start) and \
            ctx.sents[si][0] == ctx.paras[ctx.para_index(trig.start)][0]
        if crossing:  # the one figure of the comparison's measure comes first ("Orders at €20.9 billion" in a bullet)
            by_measure = list(_subject_by_measure(ctx, facts, pairs, trig, base))
            if by_measure:
                yield from by_measure
                return
        itself = _ITSELF.search(ctx.text, ctx.sents[si][0], trig.start) is not None
        at_that = _AT_THAT_LEVEL.match(ctx.text, ctx.sents[si][0]) is not None
        if si > 0 and (ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(trig.start) or crossing):
            # (not a comparison's base there, nor a target: "short of the Rs 30,000 crore goal. ... when exports rose
            # 32.4% from Rs 15,920 crore"; "... from Rs 15,920 crore. ... roughly 34 times the Rs 686 crore")
            # (unless the comparison's own clause names the base's period: "than the ₹1,27,434 crore recorded in
            # 2023-24. Production in 2023-24 had itself been 174% above")
            # (nor the whole a part of it is a slice of: "a small slice of the $849.8 billion Defense Department
            # request. Even so, the service's budget has nearly doubled since ...")
            before = [x for x in ctx.sentence_numbers(si - 1) if is_amount(x) and comparable(ctx.vocab, x, base)
                      and not same_figure(x, base) and (not base_position(ctx, x) or _period_named_again(ctx, x, trig)
                                                        # "... up 9.4% from ¥7.95 trillion in fiscal 2024. That budget
                                                        # was itself almost 17% above": "itself" points back at the last
                                                        # figure, even a comparison's base
                                                        or itself)
                      # (nor, as in the sentence itself, a level a thousand times the base's or more: "a value of
                      # about €2.4 billion. ... nearly double the €12 at which the shares floated")
                      and magnitude(x, base) < 1000
                      and not size_of_comparison(ctx, x)
                      # (a target is one, when the sentence points back at a level: "Our new €1,850 target ...
                      # At that level the stock would trade on 31x")
                      and (at_that or not facts.g.regex(NAMED_LEVEL_AFTER).match(ctx.text, x.end))
                      and not facts.g.regex(_WHOLE_BEFORE).search(ctx.text, max(0, x.start - 60), x.start)]
            # "Output is ... higher than in 2019-20, when it stood at Rs 79,071 crore. ... the 2023-24 figure alone was
            # 174 per cent above": a subject named by its period takes no figure of the sentence before that is not
            # said of that period
            named_periods = [d.text for d in ctx.dates_in(s, trig.start)
                             if _PERIOD_NAMED_LEVEL.search(ctx.text, max(s, d.start - 10), d.start)
                             and _LEVEL_NOUN_AFTER.match(ctx.text, d.end)]
            if named_periods:
                before = [x for x in before if any(
                    dt in ctx.text[max(ctx.sents[si - 1][0], x.start - 60):min(ctx.sents[si - 1][1], x.end + 60)]
                    for dt in named_periods)]
            # "... six battle force ships: one submarine, two destroyers and one frigate. That is one ship fewer than
            # the seven ...": what follows a colon is the breakdown of what "That" points back to
            ev0 = [Evidence("distance", "the subject is in the sentence before", facts.weight("distance", -0.5))]
            colon = ctx.text.find(":", ctx.sents[si - 1][0], ctx.sents[si - 1][1])
            pronoun = regex.match(r"\W*(?:that|this|it|these|those|they)\b", ctx.text[ctx.sents[si][0]:trig.start],
                                  regex.I)
            # "... Ukraine, with just €3.8 million, rose to second place. Exports to the United States fell 27 per cent
            # from €532.8 million": a sentence that names its own subject by words (no pronoun, no word pointing back)
            # is not plainly about a figure of the sentence before of another measure
            opening = ctx.text[ctx.sents[si][0]:trig.start]
            definite = _DEFINITE_NP.match(opening)
            # ("... submitted its budget request ... The request is 7.4% higher": a definite noun the sentence before
            # used points back as a pronoun does)
            back_np = definite is not None and regex.search(
                r"(?<![\p{L}])" + regex.escape(definite.group(1)) + r"(?![\p{L}])",
                ctx.text[ctx.sents[si - 1][0]:ctx.sents[si - 1][1]], regex.I) is not None
            if not pronoun and not back_np and not facts.g.word_pattern("anaphora").search(opening) and \
                    not _LEVEL_NOUN.search(opening) and len(regex.findall(r"\p{L}{3,}", opening)) >= 2:
                said = {h.measure for h in facts.measure_hits_in(ctx.sents[si][0], trig.start)}
                for x in before:
                    if facts.measure_id(x) is None or facts.measure_id(x) not in said:
                        named_own[x.start] = True
            if _ALONE_SUBJECT.search(opening):
                # "Combined, acquisition and operations now total €25.46 billion. The acquisition bill alone equals
                # about a third of ...": a subject said "alone" is one part of what the sentence before gives, not it
                for x in before:
                    named_own[x.start] = True
            if colon >= 0 and pronoun and any(x.end <= colon for x in before):
                before = [x for x in before if x.end <= colon]
            elif colon >= 0 and sum(x.start > colon for x in before) >= 2:
                # "$868.6 billion for national defense: $832.9 billion for the Department of Defense, $32.1 billion
                # ... The DOD figure is $1.6 billion above ...": which item of the breakdown, position does not say
                ev0.append(Evidence(_SEVERAL_BEFORE, "the sentence before breaks a figure down into several", 0.0))
            if crossing:
                ev0.append(Evidence(_OTHER_PARAGRAPH, "the subject is in the paragraph before", -0.5))
    # "12 km, about 7.5 miles, twice that of the Mk 3's 6 km": a restatement in other units is not the subject
    # (nor, from the sentence before, a total against a price each: "a total dividend payment of NOK 3.87 billion. The
    # ordinary dividend is 43% higher than the NOK 7 per share")
    # (nor a rate per another period: "about 126 hours a year ... It is also little more than half the 17 hours a month")
    before = [x for x in before if x.start not in pairs.deltas and x.start not in ctx.restated
              and not bracket_restatement(ctx, x)
              and not ((facts.rate_of(x) == "unit") != base_unit and magnitude(x, base) >= 10)
              and not ((px := per_time(ctx, x)) and (pb := per_time(ctx, base)) and px != pb)]
    if not before:  # "orders rose 16.8% from €17.9 billion": the orders figure given elsewhere, if it is the only one
        yield from _subject_by_measure(ctx, facts, pairs, trig, base)
        return
    total = pairs.broken_down(before[-1])
    if total is not None and comparable(ctx.vocab, total, base):
        # "12 ships last year, including 5 frigates and 7 patrol boats — double the 6 of 2022": the last part of a
        # breakdown set off after its total stands for the total
        before = [x for x in before if x is not total] + [total]
    # "buy 12 ships in two batches, four fewer than the 16 planned": the nearest figure stands in a phrase of another
    # figure (after "in", "across", "among"...), an earlier one of its kind is free: which is the subject, position does
    # not say
    adjunct = len(before) >= 2 and adjunct_figure(ctx, before[-1]) and not adjunct_figure(ctx, before[-2])
    order = list(reversed(before[-3:]))
    if adjunct:  # the free figure first
        order[0], order[1] = order[1], order[0]
    for k, x in enumerate(order):
        ev = list(ev0)
        if adjunct:
            ev.append(Evidence(_SEVERAL_BEFORE, f"{before[-1].text} stands in a phrase of {before[-2].text}", 0.0))
        if k == 0:
            ev.append(Evidence("nearest", "the nearest figure of its kind before", 1.0))
        if x.start == (ctx.numbers_in(s, trig.start) or [x])[0].start:
            ev.append(Evidence("subject", "the sentence's first figure", 0.5))
        if itself and k == 0:
            ev.append(Evidence("itself", f"'itself' points back at the last figure before it, {x.text}", 2.5, True))
        elif pairs.with_old(x):
            ev.append(Evidence("is-old", "itself the earlier level of a pair", -1.0))
        mev = facts.measure_evidence(x, base)
        if mev is not None:
            ev.append(mev)
        if named_own.get(x.start):
            ev.append(Evidence(_NAMED_OWN, "the comparison's sentence names a subject of its own", 0.0))
        yield x, ev


def _other_subject_named(ctx: Ctx, facts: Facts, a: int, b: int, other: tuple[int, int]) -> bool:
    """Does the text from ``a`` to ``b`` name a subject of its own - a segment ("the Systems division, whose revenue
    rose by a quarter") or a name the span ``other`` does not give - rather than take up the measure of ``other``?"""
    if facts.g.word_pattern("segment_words").search(ctx.text, a, b):
        return True
    spans = [(h.start, h.end) for h in facts.measure_hits_in(a, b)]
    own = ctx.text[other[0]:other[1]]
    for name in _NAME.finditer(ctx.text, a, b):
        if name.start() == a or any(x0 <= name.start() < x1 for x0, x1 in spans):
            continue  # (the sentence's first word is capitalised anyway; measure words are no names)
        if not regex.search(r"(?<![\p{L}\p{N}])" + regex.escape(name.group(0)) + r"(?![\p{L}\p{N}])", own):
            return True
    return False


_ALONE_SUBJECT = LazyPattern(r"\p{L}\s+(?:alone|by\s+(?:itself|themselves)|on\s+(?:its|their)\s+own)\b", regex.I)
_PERIOD_NAMED_LEVEL = LazyPattern(r"\b(?:the|its|their|this|that)\s+$", regex.I)
_LEVEL_NOUN_AFTER = LazyPattern(r"\s+(?:[\p{L}-]+\s+)?(?:figure|total|level|number|amount|output|tally|value|budget|sum|result)\b",
                                regex.I)


def _measure_named_after(ctx: Ctx, facts: Facts, m: Mention) -> str | None:
    """The measure a multiple's own words name right after it, no figure between ("three times annual revenue",
    "twice the year's sales", "four times revenue"), or None."""
    hits = facts.measure_hits_in(m.end, m.end + 40)
    if not hits or not _FEW_WORDS_TO.fullmatch(ctx.text, m.end, hits[0].start):
        return None
    return hits[0].measure


_FEW_WORDS_TO = LazyPattern(r"\s+(?:[\p{L}'’-]+\s+){0,3}")


def _period_named_again(ctx: Ctx, x: Mention, trig: Mention) -> bool:
    """Does the clause of ``trig`` name the period a date right after ``x`` gives ("the ₹1,27,434 crore recorded in
    2023-24. Production in 2023-24 had itself been ...")?"""
    s0 = ctx.sentence(trig.start)[0]
    said = ctx.text[s0:trig.start]
    end = min(x.end + 40, ctx.sentence(x.start)[1])
    if _YEAR_END.search(said) and _YEAR_END.search(ctx.text, x.end, end):
        return True  # "... the $17.8 billion at the end of 2023. That year-end figure had itself been 18% higher"
    return any(d.text in said for d in ctx.dates_in(x.end, end))


_YEAR_END = LazyPattern(r"\b(?:year[- ]end|end[- ]of[- ](?:the[- ])?year|(?:at\s+)?the\s+end\s+of\s+(?:19|20)\d\d|"
                        r"end-(?:19|20)\d\d)\b", regex.I)


# a new clause with a subject of its own: ", and" (or "but", "while", "whereas", ";") and a determiner or a proper name
_OWN_SUBJECT = LazyPattern(r"(?:,\s+(?:and|but|while|whereas)|;)\s+(?P<np>(?:the|its|their|his|her|our|a|an)\s+[\p{L}'’-]+|"
                           r"\p{Lu}[\p{L}'’-]*)")
_ADJUNCT = LazyPattern(r"\b(?:in|across|among|into|within|between|over|under|at)\s+(?:(?:the|its|their|some|about|around|nearly|"
                       r"almost|roughly)\s+)?$", regex.I)


def adjunct_figure(ctx: Ctx, x: Mention) -> bool:
    """Does ``x`` stand in a prepositional phrase ("in two batches", "across the three variants")?"""
    return _ADJUNCT.search(ctx.text, max(0, x.start - 30), x.start) is not None


_LIST_JOIN = LazyPattern(r"\b(?:and|or|while|whereas|but)\b", regex.I)
_RELATIVE = LazyPattern(r",\s*which\b", regex.I)
_ITSELF = LazyPattern(r"\b(?:itself|themselves|in\s+turn)\b", regex.I)
_OWN_WORDS = LazyPattern(r"(?:\s+[\p{L}\p{N}'’-]+){0,5}\s*", regex.I)


def _subject_by_measure(ctx: Ctx, facts: Facts, pairs: Pairs, trig: Mention, base: Mention
                        ) -> Iterator[tuple[Mention, list[Evidence]]]:
    """The level a comparison is about when its sentence names only the base: the one figure of the text with
    the trigger's measure ("orders rose 16.8% from €17.9 billion" and "Orders at €20.9 billion" in a bullet)."""
    meas = facts.measure_id(trig) or facts.measure_id(base)
    if not meas or meas.startswith("margin:"):
        return
    cands: list[Mention] = []
    groups: list[Mention] = []
    for x in facts.figures_of(meas):
        if x is not base and is_amount(x) and comparable(ctx.vocab, x, base) and not same_figure(x, base) \
                and magnitude(x, base) < 3 and not base_position(ctx, x) and x.start not in pairs.deltas \
                and not pairs.with_old(x) and not ctx.is_stated(x):
            cands.append(x)
            if not any(same_figure(x, g) for g in groups):
                groups.append(x)
                if len(groups) > 1:
                    return  # two different figures of the measure: none is "the" one (no need to read on)
    if len(groups) != 1:
        return
    x = min((c for c in cands if same_figure(c, groups[0])), key=lambda c: abs(c.start - trig.start))
    # found by its measure alone, not by grammar: enough to check, not to accuse (a quarter's figure may be it)
    yield x, [Evidence("measure-only", f"the only other '{meas}' figure of the text: {x.text}", 0.5)]


_BASE_PHRASE = LazyPattern(r"\s+(?:as\s+(?:many|much|large|big|high|long)\s+as\s+|(?:more|larger|higher|bigger|greater)\s+than\s+)?"
                           r"(?P<det>the|that|those|what|this|these|its|their|his|her|our|last|next|"
                           r"(?!today|yesterday|tomorrow|year|month|week|quarter)[\p{L}-]+['’]s)(?![\p{L}])"
                           r"(?P<words>(?:\s+(?!and\b|which\b|who\b|when\b|while\b|but\b|to\b|with\b|for\b|by\b)[\p{L}\p{N}'’-]+){0,6})",
                           regex.I)
# a base named as the earlier level: "the original number", "the starting figure", "the pre-war rate"
_EARLIER = LazyPattern(r"\b(?:original|originally|initial|initially|starting|first|earlier|previous|prior|pre-war|prewar|old|"
                       r"former|then|base|baseline|early-\d{4}|\d{4})\b", regex.I)


# a base named by its year and a noun, no figure of its own: "up 9% on the 2023 figure", "nearly triple the 2024
# result", "28% below the fiscal 2022 record" (nouns: linking words base_level_nouns)
_PERIOD_BASE = (r"\s*(?:(?:more|higher|lower|less|fewer|greater|larger|bigger|smaller|above|below|up|down|over|on|than|"
                r"from|against|versus|vs\.?|compared\s+(?:with|to)|as\s+(?:much|many|large|high)\s+as)\s+){0,2}"
                r"(?:the\s+|its\s+|their\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?)?(?P<y>(?:19|20)\d\d)(?:['’]s)?\s+"
                r"(?:[\p{L}-]+\s+){0,2}?@base_level_nouns(?![\p{L}\p{N}])"
                r"(?!\s+(?:of|at|was|were|stood|totalled|totaled|came|reached)\b)")


def _period_base_reading(ctx: Ctx, facts: Facts, pairs: Pairs, p: Mention
                         ) -> tuple[Mention, Mention, list[Evidence]] | None:
    """(base, subject, evidence) when the words after ``p`` name its base by a year ("the 2024 result") and the text
    gives exactly one level of the subject's measure for that year (the subject: the level the change leads to or
    the figure before ``p`` in its sentence)."""
    hit = facts.g.regex(_PERIOD_BASE).match(ctx.text, p.end)
    if hit is None:
        return None
    year = int(hit.group("y"))
    s, e = ctx.sentence(p.start)
    if [x for x in ctx.numbers_in(hit.end(), e) if is_amount(x) and x.type != "date"] and \
            regex.match(r"\s*(?:of|at|,)", ctx.text[hit.end():hit.end() + 4]):
        return None  # "the 2024 level of €3.2 billion": the figure is given, the grammar reads it
    target = _target(ctx, p, facts)
    before = [x for x in ctx.numbers_in(s, p.start) if is_amount(x) and x.type != "percent" and x.value_high is None
              and x.start not in pairs.deltas and not size_of_comparison(ctx, x)]
    subject = target if target is not None and target.type != "percent" else (before[-1] if before else None)
    if subject is None:
        return None
    meas = facts.measure_id(subject)
    if (meas and meas.startswith("margin:")) or facts.periods.year_of(subject) == year:
        return None
    # of the subject's measure; a subject of no measure word may be of any, and is then only doubted
    pool = facts.periods.levels_of(meas, year) if meas else facts.periods.levels_in(year)
    # (of the subject's order of magnitude: "CSG's arms revenue ... nearly triple its 2023 level" is not the $632 billion
    # all hundred companies made in 2023)
    found = [x for x in pool if x is not subject and comparable(ctx.vocab, x, subject)
             and not same_figure(x, subject) and x.start not in pairs.deltas and magnitude(x, subject) < 10]
    if not found or any(not same_figure(x, found[0]) for x in found[1:]):
        return None  # none, or two levels of that year: which one, the words do not say
    said = " ".join(hit.group(0).split())
    what = f"{meas} figure" if meas else "figure of its kind"
    ev = [Evidence("named-period", f"'{said}': the one {what} the text gives for {year}, {found[0].text}",
                   facts.weight("explicit", 3.0), bool(meas))]
    if meas:
        ev.append(Evidence("same-measure", f"same measure '{meas}'", facts.weight("measure", 1.0)))
    return found[0], subject, ev


def _named_base(ctx: Ctx, facts: Facts, pairs: Pairs, m: Mention) -> list[Relation]:
    """"it chose to acquire 96, three times the original number", "lift its value to $1.6 billion, more than four
    times the starting figure", "That is more than twice the purchase budget": a multiple of an earlier figure the
    text names by words. The subject is a figure before the multiple in its sentence (or, after "That is", the
    last of the sentence before); the base an earlier figure of its kind that the words name - by its words, its
    measure, its year, or as "the original ..." the one before the subject. Found by words: never explicit."""
    from ..extract.lexicon import STOP_WORDS

    by_year = _period_base_reading(ctx, facts, pairs, m)
    if by_year is not None:  # "nearly triple the 2024 result": the one level of the subject's measure for that year
        old_x, subject, ev = by_year
        return [Relation("ratio", (old_x, subject), tuple(ev))]
    bp = _BASE_PHRASE.match(ctx.text, m.end)
    if bp is None:
        return []
    si = ctx.sent_index(m.start)
    s, _ = ctx.sentence(m.start)
    subjects = [x for x in ctx.numbers_in(s, m.start) if is_amount(x) and x.value and x.value_high is None][-2:]
    if not subjects and si > 0 and _OPENING.match(ctx.text, s) and \
            ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(m.start):
        prev = [x for x in ctx.sentence_numbers(si - 1) if is_amount(x) and x.value and x.value_high is None]
        subjects = prev[-1:] + prev[:1] if len(prev) > 1 else prev  # its main figure, or the last one
    if not subjects:
        return []
    phrase = bp.group("words") or ""
    words = {w for w in regex.findall(r"[\p{L}][\p{L}\p{N}'’-]{2,}", phrase) if w.lower() not in STOP_WORDS}
    earlier = bool(_EARLIER.search(phrase)) or (bp.group("det").lower() == "that" and len(words) <= 1)
    # "three times the original rate" after a run "from 200 ... to 450 ... and 600": the run's first level, not the
    # level before the subject
    first_named = earlier and facts.g.word_pattern("first_level_words").search(phrase) is not None
    hits = facts.measure_hits_in(bp.start(), bp.end())
    meas = hits[0].measure if hits and not hits[0].margin else None
    year = facts.periods.subject_year(bp.group(0))
    # the figures the words name, among those the loop below can reach (the pools of its subjects)
    reach = [(ctx.sents[max(0, ctx.sent_index(x.start) - 3)][0], max(x.start, s)) for x in subjects]
    named = {x.start: wt for x, wt in facts.figures_named(words, min(a for a, _ in reach), max(b for _, b in reach)
                                                          ).values()} if words else {}
    said = " ".join(bp.group(0).split())
    out: list[Relation] = []
    for subject in reversed(subjects):
        lo = ctx.sents[max(0, ctx.sent_index(subject.start) - 3)][0]
        pool = [x for x in ctx.numbers_in(lo, max(subject.start, s)) if is_amount(x) and x is not subject and x.value
                and comparable(ctx.vocab, x, subject) and not same_figure(x, subject) and x.value_high is None
                and magnitude(x, subject) < 1000 and x.start not in pairs.deltas]
        kin = [x for x in reversed(pool) if same_noun(ctx.vocab, x, subject) or
               (facts.measure_id(x) and facts.measure_id(x) == facts.measure_id(subject)) or
               (x.type == subject.type == "currency" and x.unit == subject.unit)]
        ordered = kin or list(reversed(pool))
        first = ordered[0] if ordered else None  # the level "the original number" points back to
        run = [p.old for p in pairs.at_new(subject) if p.old in pool] if first_named else []
        if run:
            first = min(run, key=lambda x: x.start)
        for x in reversed(pool):
            if (m.value or 0) > 1 and abs(x.value or 0) >= abs(subject.value or 0):
                continue  # "nearly triple its 2023 level": a base of a multiple above one is below its subject
            ev = []
            if named.get(x.start, 0) >= 1.0:
                ev.append(Evidence("names-base", f"'{said}' names {x.text}", 1.0 + 0.5 * named[x.start]))
            if meas and facts.measure_id(x) == meas:
                ev.append(Evidence("base-measure", f"'{said}' is a figure of {meas}, as {x.text} is", 1.0))
            if year is not None:
                xy = facts.periods.year_of(x)
                if xy is not None and xy != year:
                    continue
                if xy == year:
                    ev.append(Evidence("base-year", f"'{said}' is of {year}, as {x.text} is", 1.0))
            if earlier and x is first:
                ev.append(Evidence("earlier-level", f"'{said}': the first level of the run to {subject.text}" if run else
                                   f"'{said}': the level before {subject.text}", 2.0 if kin or run else 1.5))
            if same_noun(ctx.vocab, x, subject):
                ev.append(Evidence("same-noun", f"both count {subject.unit}", facts.weight("measure", 1.0)))
            if sum(e.weight for e in ev) >= 1.5 and any(e.cue != "same-noun" for e in ev):
                out.append(Relation("ratio", (x, subject), tuple(ev)))
    out.sort(key=lambda r: -r.score)
    return out[:3]


# ("the previous year's": a word may stand before the possessive)
_DETERMINED = LazyPattern(r"\s+(?:the|that|those|its|their|this|these|last|previous|prior)\s+(?:(?:[\p{L}-]+\s+)?[\p{L}'’-]+['’]s\s+)?"
                          r"(?:(?:about|around|some|roughly|nearly|almost|just|over|more\s+than|original|initial|earlier|first|"
                          r"previous|prior)\s+)*[\p{Sc}A-Z]{0,4}\s?", regex.I)


# a change word (not a comparative nor a phrasal verb's "up": "make up almost half of"), "by", a hedge: a fraction after
# it is the size of the change ("down by a third from a peak of 378,000")
_CHANGE_BY_BEFORE = (r"(?<![\p{L}])(?:(?!(?:up|down|more|less|fewer|higher|lower|larger|greater|smaller|over|under)\b)"
                     r"(?:@increase_words|@decrease_words|cut|slashed|trimmed)\s+(?:by\s+)?|(?:up|down|more|less|higher|lower)\s+by\s+)"
                     r"(?:(?:some|about|around|roughly|nearly|almost|more\s+than|less\s+than|over|just\s+over|just\s+under)\s+)?$")


def _times_more(ctx: Ctx, m: Mention) -> bool:
    """"three times more", "four times less": ambiguous (×3 or ×4?), a style warning, not arithmetic."""
    t = ctx.text
    style = regex.match(r"(?:\s+times)?\s+(?:more|less|fewer|higher|lower|larger|smaller|cheaper)\b(?!\s+than\s+(?:double|half))",
                        t[m.end:m.end + 20], regex.I)
    if style is None or not regex.search(r"times", t[m.start:m.end + style.end()], regex.I):
        return False
    word = style.group(0).split()[-1]
    ctx.add(Claim("multiple_style", (m.start, m.end + style.end()), m,
                  readings=(Relation("given", (), (), computed=(0.0, 0.0), point=0.0),), stated_value=1.0,
                  params={"message": f'"{t[m.start:m.end]} {word}" is ambiguous (×N or ×(N+1)?): write "N times as '
                                     'many" or give the figure'}))
    return True


_WITH = LazyPattern(r",\s+with\b", regex.I)
# after ", with" (or the figure of an earlier item of its list): a noun phrase, then a direction word and the figure
# ("with revenue at Kongsberg Defence & Aerospace up 38%", "with Electronics up 21% and Vehicles down 3%")
_WITH_ITEM = (r"\s*(?:,\s*|and\s+|,\s*and\s+)?(?!(?:it|this|that|them|which|the\s+rest)\b)(?:[\p{L}&'’.-]+\s+){1,8}?"
              r"(?:@increase_words|@decrease_words)\s+(?:by\s+)?(?:@hedges\s+)?")


def _with_subject(ctx: Ctx, facts: Facts, p: Mention) -> int | None:
    """Where the ', with' clause starts whose own noun phrase ``p`` is the change of ("..., with Electronics up 21%"),
    or None when ``p`` stands in no such clause."""
    s0 = ctx.sentence(p.start)[0]
    hits = list(_WITH.finditer(ctx.text, s0, p.start))
    if not hits or ";" in ctx.text[hits[-1].end():p.start]:
        return None
    w = hits[-1]
    between = ctx.numbers_in(w.end(), p.start)
    at = between[-1].end if between else w.end()
    seg = facts.g.regex(_WITH_ITEM).fullmatch(ctx.text, at, p.start)
    if seg is None or not regex.search(r"\p{L}{3,}", ctx.text[at:p.start]):
        return None
    return w.start()


# ---------------------------------------------------------------------------------------------- readings
def _claim(ctx: Ctx, facts: Facts, pairs: Pairs, p: Mention, kind: str, formula: str, direction: int,
           trig: list[Evidence], fraction: bool = False, extra: list | None = None, pairs_too: bool = True,
           need_comparable: bool = False) -> None:
    if kind == "percent_change" and facts.g.regex(NAMED_LEVEL_AFTER).match(ctx.text, p.end):
        ctx.skip(kind, p, "a percentage that names a target or a threshold ('the 2% target'), not a change")
        return  # "23 allies to meet the 2% target in 2024, up from 11 last year"
    if kind in ("percent_change", "multiple") and _PRIOR_LABEL_BEFORE.search(ctx.text, max(0, p.start - 40), p.start) \
            and _BRACKET_CLOSE_AFTER.match(ctx.text, p.end):
        ctx.skip(kind, p, "a prior period's level in brackets ('0.9x revenue (2024: 1.2x)'), not a change")
        return  # "Order intake of £122.3m (2024: £139.2m), 0.9x revenue for the period (2024: 1.2x)"
    if kind == "percent_change" and p.type == "percent" and any(
            mt.template.id == "attained" and mt.slots.get("p") is p
            for mt in matches(facts.g, "share", facts.abstract(ctx.sent_index(p.start)))):
        return  # "2,940 members against a plan of 4,550, or 65%": a bare percentage after a level and the target it is
        # measured by is how much of the target was met (share grammar "attained", parts.py), not a change
    if kind == "percent_change" and _WHEN_HAD.search(ctx.text, max(ctx.sentence(p.start)[0], p.start - 90), p.start):
        ctx.skip(kind, p, "the change of the earlier period a 'when' clause is about ('in 2023, when intake had already "
                          "risen by over 130%')")
        return  # "compared with €7.8 billion in 2023, when intake had already risen by over 130%"
    if kind == "difference" and _COMBINED_BEFORE.search(ctx.text, max(0, p.start - 40), p.start):
        # "63,400 against 71,500, while the Primary Reserve had 22,500 against 30,000, a combined shortfall of 15,600":
        # the differences of the sentence's pairs added, not one pair's
        si = ctx.sent_index(p.start)
        prs = [pr for pr in pairs.in_sentences(si, si) if max(pr.old.end, pr.new.end) <= p.start
               and pr.old.type == p.type == pr.new.type and pr.old.unit == p.unit == pr.new.unit]
        if len(prs) < 2:
            ctx.skip(kind, p, "a combined difference of pairs the sentence does not all give")
            return
        olds, news = [pr.old for pr in prs], [pr.new for pr in prs]

        ev = (Evidence("combined", f"'{_quote_span(ctx, max(0, p.start - 40), p.start).strip()}': the differences of "
                                   f"{len(prs)} pairs added", 3.0, True),
              Evidence("pairs", "; ".join(f"{pr.old.text} and {pr.new.text}" for pr in prs) + ": the sentence's pairs",
                       1.0, all(any(e.explicit for e in pr.evidence) for pr in prs)))
        ctx.add(Claim(kind, (p.start, p.end), p, readings=(Relation("change", (summed(olds), summed(news)), ev),),
                      stated_value=abs(p.value or 0.0) * direction if direction else None))
        return
    if kind == "difference" and _GAIN_OF.search(ctx.text, max(0, p.start - 30), p.start) and \
            facts.g.word_pattern("negative_levels").search(ctx.text, p.end, min(ctx.sentence(p.start)[1], p.end + 60)):
        ctx.skip(kind, p, "a gain set against a loss: two levels of one item, not a change and its base")
        return  # "a foreign exchange gain of 17.7 billion won, compared with a loss of 19.2 billion won a year earlier"
    if kind == "percent_change" and facts.g.regex(_AFTER_EARLIER_CHANGE).search(
            ctx.text, max(ctx.sentence(p.start)[0], p.start - 40), p.start) and \
            facts.g.regex(_EARLIER_PERIOD_AFTER).match(ctx.text, p.end):
        ctx.skip(kind, p, "the change of an earlier period ('after an increase of 18.6% the previous year'), not of the "
                          "levels beside it")
        return  # "rise 15.9% to $559 billion in 2025, from $482.3 billion in 2024, after an increase of 18.6% the
        # previous year"
    if kind == "percent_change" and facts.g.regex(_BENCHMARK_BEFORE).search(
            ctx.text, max(ctx.sentence(p.start)[0], p.start - 40), p.start):
        ctx.skip(kind, p, "a benchmark the change is compared with ('outpaces the 3.2% growth in overall spending'), "
                          "another quantity's change")
        return
    if kind == "percent_change" and facts.g.regex(_MARGIN_IS).search(ctx.text, max(ctx.sentence(p.start)[0], p.start - 120),
                                                                     p.start):
        ctx.skip(kind, p, "a margin the sentence states ('the adjusted margin ... was 19.9%'), a ratio, not a change")
        return  # "The adjusted margin, calculated without business with low own value-added share, was 19.9% and thus
        # above the target mark of 19%"
    if kind in ("percent_change", "difference") and _other_point_base(ctx, facts, p):
        ctx.skip(kind, p, "a change against another point in time ('2% lower than at the end of the third quarter'), "
                          "beside the year-on-year one the figures give")
        return  # "a decrease of 15 per cent from the previous year and 2 per cent lower than at the end of the third quarter"
    if kind == "percent_change" and (noun := _attributive(ctx, facts, p)) is not None:
        ctx.skip(kind, p, f"a percentage that describes a thing of its own ('{p.text} {noun}'), not a change")
        return  # "14 shipyards now meet its 40% quota, up from nine", "took a 20% stake, now running 12 lines, up from 10"
    if facts.g.regex(_DEFINED_BEFORE).search(ctx.text, max(ctx.sentence(p.start)[0], p.start - 60), p.start):
        ctx.skip(kind, p, "a threshold the text defines ('defined as', 'a threshold of'), not a change of levels given")
        return  # "a critical breach, defined as growth of 25% over the current baseline or 50% over the original"
    if kind == "multiple" and _named_ratio(ctx, facts, p, bool(extra)):
        ctx.skip(kind, p, "a named ratio of two measures (linking words ratio_names), not a change of one")
        return
    readings = _readings(ctx, facts, pairs, p, formula, extra or [], pairs_too, need_comparable)
    if kind in ("percent_change", "difference") and readings and (when := _base_date_named(ctx, p)) is not None:
        # "$506.3 million in March, 54.9% more than in March 2022", "19% higher than at the end of 2023": the base is
        # the level at the date named; a figure its own words do not date so is another period's
        # (the level the comparison is said of, right before it, is never its base)
        said_of = [x for x in ctx.numbers_in(ctx.sentence(p.start)[0], p.start) if is_amount(x)
                   and not ctx.text[max(0, x.start - 3):x.start].rstrip().endswith("(")][-1:]  # (not "(NOK 384 million)")
        said_of = [x for x in said_of if not base_position(ctx, x)]  # (nor "rose to €9.0 billion from €8.2 billion")
        readings = [r for r in readings if _dated_as(ctx, r.operands[0], when, p) and r.operands[0] not in said_of]
        if not readings:
            ctx.skip(kind, p, f"a change against the level of {when.text}, a date no figure given is said to be of")
            return
    if kind == "percent_change" and readings and p.type == "percent":
        # "Space Systems, up 13.5% year on year, thus generated 81% of group total operating performance, against 80% a
        # year earlier": a change said of the subject before two shares (levels "of" a whole) is the subject's own, not
        # the shares' relative change
        kept = [r for r in readings if not (len(r.operands) == 2 and all(o.type == "percent" for o in r.operands)
                                            and all(o.start > p.end for o in r.operands)
                                            and "," in ctx.text[p.end:min(o.start for o in r.operands)]
                                            and any(_SHARE_OF_AFTER.match(ctx.text, o.end) for o in r.operands))]
        if not kept:
            ctx.skip(kind, p, "the change of the subject it is said of, not of the shares after it")
            return
        readings = kept
    if kind in ("percent_change", "difference") and readings and (each := _PER_EACH_AFTER.match(ctx.text, p.end)):
        # "will pay almost 60% more for each of its E-7A aircraft after cutting the order from five to three": the change
        # of a price for each, not of the counts
        readings = [r for r in readings if not all(o.type in ("count", "number") for o in r.operands)]
        if not readings:
            ctx.skip(kind, p, f"the change of a price for each ('{ctx.text[p.start:each.end()]}'), not of the counts given")
            return
    if kind in ("percent_change", "difference") and readings and (w := _with_subject(ctx, facts, p)) is not None:
        # "lifted revenues 12% to NOK 13.3 billion from NOK 11.9 billion, with revenue at Kongsberg Defence &
        # Aerospace up 38%": the change of what the 'with' clause names, not of the figures before it
        readings = [r for r in readings if all(o.start >= w for o in r.operands)]
        if not readings:
            ctx.skip(kind, p, "the change of what a 'with' clause names ('with Electronics up 21%'), not of the figures "
                              "before it")
            return
    if kind == "multiple" and readings and not _multiple_verb(p) and (meas := _measure_named_after(ctx, facts, p)) is not None:
        # "€6.64 billion (end of 2023: around €5.5 billion), almost three times annual revenue": a multiple of the
        # measure the words after it name, not of the pair before it
        readings = [r for r in readings if facts.measure_id(r.operands[0]) == meas]
        if not readings:
            ctx.skip(kind, p, "a multiple of what the words after it name ('three times annual revenue'), not of the "
                              "figures before it")
            return
    if kind == "multiple" and readings and (cb := facts.g.regex(_CHANGE_BASE_AFTER).match(ctx.text, p.end)):
        # "so the urban gain was four times the road gain", "the army rise was three times the navy rise": a multiple of
        # a change (linking words change_nouns, markup_nouns) is of two changes, never of two levels
        readings = [r for r in readings if all(o.type == "percent" for o in r.operands)]
        if not readings:
            ctx.skip(kind, p, f"a multiple of a change ('{p.text}{cb.group(0)}'), and no two changes given to divide")
            return
    if kind == "multiple" and readings and _ratio_subject(ctx, facts, p):
        readings = [r for r in readings if all(o.type in ("percent", "number") for o in r.operands)]
        if not readings:
            ctx.skip(kind, p, "a named ratio changed, and no two ratios of it are given")
            return
    s, e = ctx.sentence(p.start)
    if readings and kind in ("percent_change", "difference") and \
            facts.g.regex(_THIS_PERIOD_SUBJECT).search(ctx.text, s, p.start):
        # "That compares with 60 in 2021 and 75 in 2023, so this year's tally is 60% higher than five years ago": the
        # change of this period's level (linking words this_period_subjects), not of a pair that ends in an earlier year
        now_year = _current_year(ctx, p)
        readings = [r for r in readings if not (
            r.formula in ("pct_change", "change") and len(r.operands) == 2 and now_year is not None
            and (y := _year_of_level(ctx, r.operands[1])) is not None and y < now_year)]
        if not readings:
            ctx.skip(kind, p, "the change of this period's level, and the pair given ends in an earlier year")
            return
    if readings and facts.g.word_pattern("forecast_words").search(ctx.text, s, p.start):
        # "For 2025 we expect ... EBIT growth of 8% to 10%": a forecast is of levels to come; only figures of its
        # own sentence ("expects sales to rise 10% to €5.5 billion from €5.0 billion") derive it
        # (a level that beat or missed its target is no forecast: "The result beat the $6.5 billion target by 10%")
        readings = [r for r in readings if all(s <= x.start < e for x in r.operands)
                    or any(ev.cue == "compare:beat-by" for ev in r.evidence)]
        if not readings:
            ctx.skip(kind, p, "a forecast (linking words forecast_words): not derived from the levels reported")
            return
    if trig:
        readings = [Relation(r.formula, r.operands, tuple(trig) + r.evidence, alternative=r.alternative)
                    for r in readings]
    if not readings and kind == "multiple":
        readings = _series(ctx, facts, pairs, p)
    elif not readings and kind == "percent_change" and direction and not fraction and p.unit == "percent":
        readings = _series(ctx, facts, pairs, p, up=direction > 0)  # "at the end of 2024 it was 9,900, 10% more"
    if not readings:
        ctx.skip(kind, p, "no two levels of one quantity found to compare")
        return
    stated_value: float | None
    step: float | None = None
    if formula == "ratio":
        stated_value = p.value
        if p.word or p.role == "multiple":  # "doubled", "halved" are round words: within 5% of the ratio
            step = abs(p.value or 0.0) * 0.05
    elif fraction:
        stated_value = (p.value or 0.0) * 100 * (direction or 1)
        step = fraction_step(p, stated_value)
    else:
        stated_value = abs(p.value or 0.0) * direction if direction else None
    qualifier = facts.qualifier(p)
    if kind == "percent_change" and not qualifier and p.type == "percent" and facts.rate_of(p) == "period":
        qualifier = "a year"  # "growth of roughly 18% a year": a yearly rate (period_rate_words right after it)
    if kind == "percent_change" and qualifier and (qualifier == "a year" or
                                                    facts.g.word_pattern("annual_rate_words").fullmatch(qualifier)):
        # "grow from USD 14.1 billion in 2024 to USD 30.2 billion by 2030, at a CAGR of 13.5%": a yearly rate over
        # the years between the two levels, not the change between them
        yearly = _annual_readings(ctx, facts, p, readings, qualifier)
        if not yearly:
            ctx.skip(kind, p, f"a yearly rate ('{qualifier}') over years the text does not give")
            return
        readings, qualifier = yearly, None
    if formula == "change" and p.type == "quantity" and p.unit:
        readings = [_in_stated_unit(r, p) for r in readings]
    if kind == "difference" and facts.g.word_pattern("swing_words").search(
            ctx.text, max(ctx.sentence(p.start)[0], p.start - 30), min(len(ctx.text), p.end + 30)):
        # "net debt of £32.5m compared with net funds of £37.9m, a swing of £70.4m": a swing may run across zero, from
        # a level of one sign to one of the other; read so, it is the two sizes added (another reading, to doubt with)
        readings = readings + [Relation("swing", r.operands, r.evidence + (Evidence(
            "swing", "a swing between levels of opposite sign: their sizes added", 0.0),), alternative=True)
            for r in readings if r.formula == "change" and len(r.operands) == 2]
    if formula == "ratio":
        # "a further eight in 2023. The additional eight F-35Bs tripled the initial purchase": an addition is not the new
        # level; the level it leads to is the base and the addition together (a reading that can make it hold)
        readings = readings + [Relation("ratio", (old, dataclasses.replace(
            new, value=(old.value or 0.0) + (new.value or 0.0), text=f"({old.text} + {new.text})", num_start=-1,
            num_end=-1, inferred=True)), r.evidence + (Evidence("added-to-base", f"{new.text} added to {old.text}", 0.0),),
            alternative=True)
            for r in readings if r.formula == "ratio" and len(r.operands) == 2 and not r.alternative
            for old, new in [r.operands] if old.value and new.value and old.type == new.type
            and (_ADDITION_BEFORE.search(ctx.text, max(0, new.start - 20), new.start) or added_amount(ctx.text, new))]
    if formula == "pct_change" and direction:
        # "With the dollar at NIS 3.37, against NIS 3.76 a year earlier, the dollar value of those costs rose by about
        # 12%": a change said to run the other way from its pair, of a subject of its own named after the pair, may be
        # the inverse quantity's (3.76 / 3.37 − 1): a reading that can make it hold, never fail (not "Sales fell from
        # 3.76 to 3.37, a rise of 12%", the pair's own change)
        readings = readings + [Relation("pct_change", (new, old), r.evidence + (Evidence(
            "inverse", "the text says the change runs the other way, of a subject of its own: the inverse of the "
                       "levels", 0.0),), alternative=True)
            for r in readings if r.formula == "pct_change" and not r.alternative and len(r.operands) == 2
            for old, new in [r.operands] if old.value and new.value and old.value > 0 and new.value > 0
            and (new.value - old.value) * direction < 0 and max(old.end, new.end) < p.start
            and _OWN_SUBJECT_BETWEEN.search(ctx.text, max(old.end, new.end), p.start)]
    if kind in ("multiple", "percent_change") and (named := _named_dimension(facts, ctx.text, p.end, kind)) is not None:
        # "more than twice as heavy as the 27,000-ton assault ship" beside "285 meters ... the 232-meter Anadolu", "weighs
        # 1,450 kg, against 1,200 kg ..., and delivers 29% more power": the words after the multiple or the percentage
        # name what it compares (linking words dimension_adjectives, dimension_nouns), and figures of another measure
        # are not its operands
        word, dim = named
        readings = [r for r in readings if all(_of_dimension(o, dim) for o in r.operands)]
        if not readings:
            ctx.skip(kind, p, f"'{word}': no two figures of that measure to compare")
            return
    if kind == "multiple" and readings and _pair_taken_by_another_multiple(ctx, p, readings[0]):
        ctx.skip(kind, p, "the pair is another multiple's, stated right by it; this one names its own object")
        return  # "which doubles the interval from 1,000 to 2,000 cycles, is expected to halve maintenance costs"
    ctx.add(Claim(kind, (p.start, p.end), p, readings=tuple(readings), stated_value=stated_value,
                  stated_step=step, qualifier=qualifier,
                  # "an improvement of about a tenth": a fraction's size, its direction not given (evaluative words)
                  params={"unsigned": True} if fraction and not direction and formula != "ratio" else {}))


def _pair_taken_by_another_multiple(ctx: Ctx, p: Mention, r: Relation) -> bool:
    """Is the reading's pair the operands of a multiple claimed earlier in the sentence, between the pair and ``p``
    ("doubles the interval from 1,000 to 2,000 cycles, ... to halve maintenance costs"): one pair, one multiple (the
    nearer one, which the text ties to it)?"""
    if len(r.operands) != 2 or r.alternative:
        return False
    ops = {(m.start, m.end) for m in r.operands}
    si = ctx.sent_index(p.start)
    return any(c.kind == "multiple" and c.stated is not None and c.stated is not p and c.readings
               and ctx.sent_index(c.stated.start) == si and c.stated.end <= p.start
               and {(m.start, m.end) for m in c.readings[0].operands} == ops for c in ctx.claims[-8:])


# "a combined shortfall of", "a total gap of", "together ... short": a difference summed over several pairs
_COMBINED_BEFORE = LazyPattern(r"\b(?:combined|total|overall|aggregate|joint)\s+(?:shortfalls?|gaps?|deficits?|differences?|"
                               r"increases?|rises?|reductions?|cuts?|declines?|drops?|savings?|overruns?|overspend|growth)\s+"
                               r"(?:of\s+)?(?:(?:about|around|some|roughly|nearly|almost)\s+)?$", regex.I)
_ADDITION_BEFORE = LazyPattern(r"\b(?:additional|further|extra|another)\s+$", regex.I)


def _named_dimension(facts: Facts, text: str, end: int, kind: str) -> tuple[str, str] | None:
    """The words right after a multiple ("twice as heavy", "three times longer") or a percentage ("12% heavier",
    "29% more power", "30% greater detection range") and the dimension they name ("[mass]", "currency", or a unit
    whose dimension it is: "watt"), from linking words dimension_adjectives ("heavy | [mass]") and, after a
    comparative, the head of the noun phrase in dimension_nouns ("power | watt"); None when they name none."""
    hit = _AS_ADJECTIVE.match(text, end, min(len(text), end + 30)) if kind == "multiple" else \
        _NEXT_WORD.match(text, end, min(len(text), end + 30))
    if hit is None:
        return None
    word = hit.group(1).lower()
    if (dim := _dimension_word(facts, "dimension_adjectives", word)) is not None:
        return word, dim
    if kind == "multiple":
        return None
    head = facts.g.regex(_COMPARED_MEASURE).match(text, end, min(len(text), end + 80))
    if head is None:
        return None
    noun = head.group("noun").lower()
    dim = _dimension_word(facts, "dimension_nouns", noun)
    return (f"{head.group('cmp').lower()} {noun}", dim) if dim is not None else None


def _dimension_word(facts: Facts, name: str, word: str) -> str | None:
    for item in facts.g.words(name):
        w, _, dim = str(item).partition("|")
        if w.strip().lower() == word and dim.strip():
            return dim.strip()
    return None


def _of_dimension(m: Mention, dim: str) -> bool:
    if dim == "currency":
        return m.type == "currency"
    want = dim if dim.startswith("[") else dimension(dim)
    return m.type == "quantity" and bool(m.unit) and want is not None and dimension(m.unit or "") == want


_AS_ADJECTIVE = LazyPattern(r"\s+(?:times\s+)?(?:as\s+)?([\p{L}]+)(?:\s+as)?\b", regex.I)
_NEXT_WORD = LazyPattern(r"\s+([\p{L}]+)\b", regex.I)
# a comparative after a percentage and the noun phrase it governs, up to three words, its last the head ("30% greater
# detection range"); a word of noun_phrase_ends ends the phrase ("20% more vehicles in range" is about vehicles)
_COMPARED_MEASURE = (r"\s+(?P<cmp>@comparatives_up|@comparatives_down)\s+(?:(?!(?:@noun_phrase_ends)(?![\p{L}]))[\p{L}-]+\s+){0,2}"
                     r"(?P<noun>[\p{L}]+)(?![\p{L}-])(?!\s+(?!(?:@noun_phrase_ends)(?![\p{L}]))\p{L})")


_MONEY_WORDS: dict[int, tuple[Any, frozenset[str]]] = {}


def _money_word(ctx: Ctx, noun: str) -> bool:
    """Is ``noun`` a currency's name ("crowns", "kroner", "rupees": currencies.yaml), read as a count where the text
    does not say which currency it is?"""
    v = ctx.vocab
    hit = _MONEY_WORDS.get(id(v))
    if hit is None or hit[0] is not v:
        found = {str(w).lower() for fam in (v.get("currency_families") or {}).values() for w in (fam or {}).get("words", [])}
        found |= {str(k).lower() for k in (v.get("currency_name_countries") or {})}
        found |= {str(k).lower() for k in (v.get("currency_names") or {})}
        hit = _MONEY_WORDS[id(v)] = (v, frozenset(found))
    n = noun.lower()
    return n in hit[1] or n + "s" in hit[1]


def _money_measure(ctx: Ctx, facts: Facts, p: Mention) -> bool:
    """Is the change word's measure, named before it in its clause, one counted in money only (linking words
    money_measures: measure names or measure phrases: "sales", "order intake")?"""
    h = facts.measure_of(p)
    if h is None or h.end > p.start or ctx.sent_index(h.start) != ctx.sent_index(p.start):
        return False
    if any(is_amount(x) for x in ctx.numbers_in(h.end, p.start)):
        return False  # ("earnings per share are based on 177.6 million shares, compared with 184.2 million, a 6 percent
        # decrease": the measure word is not the change's subject)
    money = {str(w).lower() for w in facts.g.words("money_measures")}
    return h.measure in money or ctx.text[h.start:h.end].lower() in money


def _shares_of_another_measure(ctx: Ctx, facts: Facts, p: Mention, old: Mention, new: Mention) -> bool:
    """Are two percent levels shares ("28% of group sales", "the unit's share ... to 22% from 18%") while the change
    word's own subject is an amount measure ("sales almost doubling", "Orders rose 50%") with no share word before it
    in its sentence? Then the change is of the amount, not of the shares."""
    if facts.measure_id(p) is None:
        return False
    s0, s1 = ctx.sentence(p.start)
    if _SHARE_WORD.search(ctx.text, s0, p.start) or _SHARE_AFTER.match(ctx.text, p.end, min(s1, p.end + 40)):
        return False  # "The unit's share rose 22%", "an increase of almost 20% in the share of national income": a
        # change of the share
    def share(x: Mention) -> bool:
        xs, _ = ctx.sentence(x.start)
        return bool(_OF_AFTER_LEVEL.match(ctx.text, x.end) or _SHARE_WORD.search(ctx.text, max(xs, x.start - 60), x.start))
    return share(new) or share(old)


# "(2024: 1.2x)", "(previous year: 8.5%)", "(FY23: 12%)": the label of a prior period's value, right before it
_PRIOR_LABEL_BEFORE = LazyPattern(r"\(\s*(?:(?:FY|H[12]|Q[1-4]|9M)\s?)?(?:(?:19|20)?\d\d|(?:the\s+)?(?:previous|prior|last)\s+"
                                  r"(?:year|period|quarter)|PY|LY)\s*[:=]\s*(?:(?:about|around|some)\s+)?$", regex.I)
_BRACKET_CLOSE_AFTER = LazyPattern(r"\s*\)")
_SHARE_AFTER = LazyPattern(r"\s*(?:[\p{L}-]+\s+){0,2}?(?:(?:in|of)\s+)?(?:the|its|their|[\p{L}]+['’]s)\s+(?:[\p{L}-]+\s+)?"
                           r"(?:share|proportion|portion|percentage|weight|ratio|burden)\b", regex.I)
_SHARE_WORD = LazyPattern(r"\b(?:share|shares|proportion|portion|percentage|weight|ratio|burden)\b", regex.I)
_OF_AFTER_LEVEL = LazyPattern(r"\s+of\s+(?!which\b|whom\b)", regex.I)


def _in_stated_unit(r: Relation, p: Mention) -> Relation:
    """"rose to 11.6 years from 11.1 years, an increase of about 6 months": a difference of levels in another unit
    of the stated one's dimension is converted to it (the relation's factor)."""
    units = {o.unit for o in r.operands if o.type == "quantity"}
    if len(units) != 1 or p.unit in units or r.factor != 1.0:
        return r
    factor = convert(1.0, next(iter(units)) or "", p.unit or "")
    return dataclasses.replace(r, factor=factor) if factor else r


_SINCE = LazyPattern(r"\bsince\s+(?:(?:the\s+)?(?:fiscal|financial|calendar)\s+(?:year\s+)?|FY\s?)?((?:19|20)\d\d)\b[^.;]{0,60}$",
                     regex.I)


def _since_year(ctx: Ctx, x: Mention) -> int | None:
    """The year a "since ..., when" clause dates a level by ("Since 2021, when sales were £21.3bn")."""
    s, _ = ctx.sentence(x.start)
    m = _SINCE.search(ctx.text, s, x.start)
    return int(m.group(1)) if m else None


def _annual_readings(ctx: Ctx, facts: Facts, p: Mention, readings: list[Relation], phrase: str) -> list[Relation]:
    """Each two-level reading as a yearly rate over the years between its levels: the span the sentence states
    ("over five years", "the five-year period") or else the years the levels are dated. A compound rate is the
    reading; an average that does not say it compounds may also be the simple mean of the change, read to doubt."""
    s, e = ctx.sentence(p.start)
    spans = {x.value for x in ctx.numbers_in(s, e) if x.type == "quantity" and x.unit == "year" and x.value}
    stated = next(iter(spans)) if len(spans) == 1 else None
    compound = bool(regex.search(r"compound|cagr", phrase, regex.I))
    out: list[Relation] = []
    for r in readings:
        if r.formula != "pct_change" or len(r.operands) != 2 or r.alternative:
            continue
        old, new = r.operands
        if any(x.type == "quantity" and x.unit and dimension(x.unit) == "[time]" for x in r.operands):
            continue  # "9.3% over the five years": the span is no level
        years: float | None = stated
        how = "the span the sentence states"
        if years is None:
            y0, y1 = facts.periods.year_of(old) or _since_year(ctx, old), facts.periods.year_of(new)
            if y0 is None or y1 is None or y1 <= y0:
                continue
            years, how = float(y1 - y0), f"{y0} to {y1}"
        ev = r.evidence + (Evidence("annual-rate", f"'{phrase}': a yearly rate over {years:g} years ({how})", 0.0),)
        out.append(Relation("cagr", r.operands, ev, years=years))
        if not compound:
            out.append(Relation("annual_mean", r.operands, ev, years=years, alternative=True))
    return out


_ENDS_CHANGE = LazyPattern(r"(?:%|\bper\s?cent|\b(?:rose|grew|increased|fell|declined|dropped|climbed|jumped|advanced|gained))"
                           r"[^.;%]{0,25}\bto\s+(?:(?:about|around|some|nearly|almost|roughly|a\s+record)\s+)*$", regex.I)


_HAS_CHANGE = LazyPattern(r"\s*(?:,|\()?\s*(?:up|down|\+|-|−)\s*\d", regex.I)  # "$1.12 billion, up 18%", "€2.1bn (+12%)"
_PERIOD_WORD = LazyPattern(r"\b(q[1-4]|[1-4]q|quarter|quarterly|h[12]|half|half-year|first-half|second-half|nine[- ]months?|"
                           r"full[- ]year|annual|monthly)\b", regex.I)


def _period_word(ctx: Ctx, x: Mention) -> str | None:
    """The period a level is of, as the words of its clause before it say ("Fourth-quarter revenue was ...")."""
    s, _ = ctx.sentence(x.start)
    before = regex.split(r"[;,]", ctx.text[max(s, x.start - 60):x.start])[-1]
    hits = _PERIOD_WORD.findall(before)
    if not hits:
        return None
    w = hits[-1].lower().replace(" ", "-")
    return {"q1": "quarter", "q2": "quarter", "q3": "quarter", "q4": "quarter", "1q": "quarter", "2q": "quarter",
            "3q": "quarter", "4q": "quarter", "quarterly": "quarter", "h1": "half", "h2": "half", "half-year": "half",
            "first-half": "half", "second-half": "half", "nine-month": "nine-months", "annual": "full-year"}.get(w, w)


def _series(ctx: Ctx, facts: Facts, pairs: Pairs, m: Mention, up: bool | None = None) -> list[Relation]:
    """A multiple (or, with ``up``, a percent change) no grammar ties to two levels, set beside the later one
    ("working toward 120 a year by 2027, more than doubling output"; "This year we will deliver about 120,000, more
    than three times as many"): the earlier level is the nearest figure before it of the same kind (the same counted
    thing, the same rate of time), in its sentence or the one before. Found by position and kind, never by grammar:
    it can hold or warn, not fail."""

    s, _ = ctx.sentence(m.start)
    new = _target(ctx, m, facts)
    if new is None:
        before = [x for x in ctx.numbers_in(s, m.start) if is_amount(x)]
        if before and regex.fullmatch(r"[^;:()]{0,40}", ctx.text[before[-1].end:m.start]):
            new = before[-1]
    if new is None or not is_amount(new) or new.type == "percent" or new.value_high is not None:
        return []
    si = ctx.sent_index(new.start)
    lo = ctx.sents[si - 1][0] if si > 0 and ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(new.start) else s
    rate = per_time(ctx, new)
    cands = [x for x in ctx.numbers_in(lo, new.start) if is_amount(x) and x.type == new.type and x.value
             and x.value_high is None and comparable(ctx.vocab, x, new) and not same_figure(x, new)
             and magnitude(x, new) < 20 and x.start not in pairs.deltas and not base_position(ctx, x)
             and (per_time(ctx, x) or rate) == (rate or per_time(ctx, x))]
    # "Hensoldt's order intake rose 28% to €2.9 billion, while Thales's defence orders grew 10% to €11.4 billion";
    # "Vehicle Systems sales rose 45% to €3.79 billion, Weapon and Ammunition grew 58% to €2.78 billion ...": a level
    # that ends a change of its own beside another such change (one sentence of parallel changes) is another
    # subject's, not this one's earlier level
    ends = [x for x in cands if _ENDS_CHANGE.search(ctx.text, max(0, x.start - 45), x.start)
            or _HAS_CHANGE.match(ctx.text, x.end, x.end + 30)]
    ends_by_sentence: dict[int, int] = {}
    for x in ends:
        ends_by_sentence[ctx.sent_index(x.start)] = ends_by_sentence.get(ctx.sent_index(x.start), 0) + 1
    cands = [x for x in cands if x not in ends or (ctx.sent_index(x.start) != si
                                                   and ends_by_sentence[ctx.sent_index(x.start)] < 2)]
    # "Fourth-quarter revenue was SEK 14.2 billion; full-year revenue rose 19% to SEK 48.2 billion": levels of
    # different periods
    pn = _period_word(ctx, new)
    cands = [x for x in cands if not (pn and (px := _period_word(ctx, x)) and px != pn)]
    if not cands:
        return []
    old = cands[-1]
    kin = same_noun(ctx.vocab, old, new) or (old.type == "currency" and old.unit == new.unit) or \
        (rate is not None and per_time(ctx, old) == rate) or new.inferred
    grows = (m.value or 1.0) > 1 if up is None else up  # a multiple says it by its size, a percent by its word
    if not kin or grows != (abs(new.value or 0) > abs(old.value or 0)):
        return []  # a growth with the later figure the smaller (or a halving with it larger): not these two levels
    clash = facts.measure_evidence(old, new)
    if clash is not None and clash.weight < 0:
        return []  # "revenue fell 3% to €8.1 billion, while its order intake more than doubled to €9.7 billion"
    ev = Evidence("series", f"{old.text}, the level of its kind before {new.text}", 2.5, False)
    return [Relation("ratio" if up is None else "pct_change", (old, new), (ev,))]


def _named_ratio(ctx: Ctx, facts: Facts, m: Mention, based: bool = False) -> bool:
    """"a book-to-bill ratio of 1.3x", "leverage of 1.5x": a multiple named as a ratio of two measures (orders to
    sales, debt to earnings), not the growth of the figures around it; not a multiple verb ("the ratio doubled")."""
    if _multiple_verb(m):
        return False  # "Germany's ratio has doubled, rising from 1.19% to 2.12%": a verb says the ratio changed
    lead = _VALUATION_LEAD.match(ctx.text, m.end)
    if not based and lead is not None and facts.g.word_pattern("valuation_measures").match(ctx.text, lead.end()):
        return True  # "implying 32x 2026E earnings", "12 times forward EBITDA": a multiple of a measure (a valuation),
        # whose figure the grammar found no base for (not "32x our 2026e EPS of NOK 45.3")
    if _ratio_before(ctx, facts, m):
        return True
    # "a book-to-bill ratio of 1.16x (1.11x)": the figure in brackets right after a named ratio is that ratio's
    # prior-period value, no change of the levels around it
    prev = [x for x in ctx.numbers_in(max(0, m.start - 40), m.start) if x.end <= m.start]
    return bool(prev) and prev[-1].type == m.type and _OPEN_BRACKET_ONLY.fullmatch(ctx.text, prev[-1].end, m.start) is not None \
        and not _multiple_verb(prev[-1]) and _ratio_before(ctx, facts, prev[-1])


_OPEN_BRACKET_ONLY = LazyPattern(r"\s*\(\s*")


_SHARE_OF_AFTER = LazyPattern(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+){0,3}?(?:total|sales|revenues?|turnover|group|"
                              r"orders?|output|market|budget|spending|exports?|imports?|deliveries|backlog|production|"
                              r"performance|workforce|staff|headcount|fleet)\b", regex.I)
_PER_EACH_AFTER = LazyPattern(r"\s+(?:more|less|extra|higher|lower|cheaper|dearer)\s+(?:for\s+(?:each|every)|per|each|apiece|"
                              r"a\s+(?:unit|piece|copy|round|shell|missile|ship|aircraft|jet|vehicle))\b", regex.I)
# ... or after "and" and a share of the subject that changes on its own ("grows by 13.5% and its share rises to 37.5% from
# 35.6%")
_AND_OWN_VERB = (r"\band\s+(?:(?:will|would|also|then|now|further)\s+)?(?:@increase_words|@decrease_words|raise|raises|lift|"
                 r"lifts|lower|lowers|set|sets|keep|keeps|trim|trims|upgrade|upgrades|downgrade|downgrades)\s+"
                 r"(?:our|its|their|the|his|her)\s|\band\s+(?:its|their|the|whose|his|her|our)\s+(?:[\p{L}'’-]+\s+){0,3}?"
                 r"(?:of\s+[^,;.]{0,30}?\s+)?(?:@increase_words|@decrease_words)\b"
                 # ... or any verb in the past after "and", with an object of its own: "an increase of 3 percentage
                 # points, or 40%, and extended the minimum length of service from 30 to 35 years"
                 r"|\band\s+(?:also\s+)?(?!(?:need|seed|feed|speed|bleed|breed|proceed|exceed|succeed|indeed)\b)\p{L}{3,}ed\s+"
                 r"(?:the|its|their|our|his|her)\s"
                 # ... or a verb of a share (linking words share_verbs): "grew more than fourfold and accounted for 48% of
                 # sales, up from 30%" (the share's levels, not the amount's)
                 r"|\band\s+(?:also\s+|now\s+|thus\s+)?(?:@share_verbs)\s")
_SHARE_EFFECT = LazyPattern(r",\s*(?:lifting|raising|taking|pushing|bringing|boosting|increasing|lowering|cutting|reducing|"
                            r"trimming)\s+(?:its|their|the|his|her)\s+(?:[\p{L}-]+\s+){0,2}?(?:share|stake|proportion|"
                            r"weight|weighting|margin|ratio|portion)\b", regex.I)
# what may stand between a multiple and the measure it is of: a period ("2026E", "CY26E", "FY25") or a word for one
_VALUATION_LEAD = LazyPattern(r"\s*(?:times\s+)?(?:(?:(?:CY|FY)\s?'?\d{2,4}[EAF]?|\d{4}[EAF]?|forward|trailing|next\s+year['’]s|"
                              r"this\s+year['’]s|current[- ]year|consensus|our|its)\s+)*", regex.I)


def _multiple_verb(m: Mention) -> bool:
    return m.text.isalpha() and not m.text.lower().endswith(("fold", "twice"))


def _ratio_subject(ctx: Ctx, facts: Facts, m: Mention) -> bool:
    """"Poland's ratio has more than doubled": a multiple verb whose subject is a named ratio; its levels are ratios
    (percentages or plain numbers), not the amounts of another sentence ("$1,156 against $954" per head)."""
    return _multiple_verb(m) and _ratio_before(ctx, facts, m)


def _ratio_before(ctx: Ctx, facts: Facts, m: Mention) -> bool:
    s, _ = ctx.sentence(m.start)
    before = ctx.text[max(s, m.start - 50):m.start]
    hits = list(facts.g.word_pattern("ratio_names").finditer(before))
    return bool(hits) and regex.fullmatch(r"(?:\s+[\p{L}-]+){0,3}\s*[:=]?\s*", before[hits[-1].end():]) is not None


def _moved_since(ctx: Ctx, p: Mention, new: Mention) -> Mention | None:
    """The change stated in ``p``'s sentence before it, when the level ``new`` stands in an earlier sentence ("... a year
    earlier. It was up 25% this year and has tripled since 2021"): that level has moved since; None otherwise."""
    si = ctx.sent_index(p.start)
    if ctx.sent_index(new.start) >= si:
        return None
    return next((x for x in ctx.numbers_in(ctx.sents[si][0], p.start)
                 if x is not p and (x.type == "percent" or x.role == "multiple")), None)

def _other_change_between(ctx: Ctx, p: Mention, old: Mention) -> bool:
    """Is ``old`` the base a "since ..., when it stood at" clause gives to another change that stands between it and the
    trigger ``p`` ("up 17% year on year and has grown by three quarters since 2019, when it stood at €0.79 billion")?
    (Not a change restated beside the pair: "nearly doubled, rising 91% from €212 million to €404 million".)"""
    if old.start <= p.end:
        return False
    since = _SINCE_WHEN_BEFORE.search(ctx.text, max(p.end, old.start - 80), old.start)
    return since is not None and any(x is not p and (x.type == "percent" or x.role in ("multiple", "fraction"))
                                     for x in ctx.numbers_in(p.end, since.start()))


_SINCE_WHEN_BEFORE = LazyPattern(r"\bsince\s+[^,;.]{0,30}?,?\s+when\s+(?:it|they|the\s+[\p{L}-]+)\s+(?:stood|was|were|"
                                 r"totalled|totaled|reached|amounted|came)\s+(?:at|to|in)?\s*(?:about|around|some|roughly)?\s*$",
                                 regex.I)

def _demote(ev: list[Evidence] | tuple[Evidence, ...]) -> list[Evidence]:
    """A pair's own grammar is explicit about the pair, not about the trigger's tie to it."""
    return [Evidence(e.cue, e.detail, e.weight, False) for e in ev]


_CHANGE_BASE_AFTER = (r"\s+(?:that\s+of\s+|those\s+of\s+)?(?:the|its|their|this|that|his|her)\s+(?:[\p{L}-]+\s+){0,3}?"
                      r"(?:@change_nouns|@markup_nouns)(?![\p{L}\p{N}])")
_THIS_PERIOD_SUBJECT = r"(?<![\p{L}])(?:@this_period_subjects)(?![\p{L}])"
_YEAR_GAP = LazyPattern(r"[ \u00a0]+(?:in|for|during)[ \u00a0]+"
                        r"(?:(?:fiscal|financial|calendar)[ \u00a0]+(?:year[ \u00a0]+)?|FY[ \u00a0]?)?$", regex.I)


def _year_of_level(ctx: Ctx, m: Mention) -> int | None:
    """The year a level is dated to right after it ("75 in 2023", "€3.5 billion in fiscal 2023"), or None."""
    for d in ctx.dates_in(m.end, min(len(ctx.text), m.end + 30))[:1]:
        per = parse_period(d.text)
        if per is not None and per.first.year == per.last.year and _YEAR_GAP.fullmatch(ctx.text, m.end, d.start):
            return per.first.year
    return None


def _current_year(ctx: Ctx, p: Mention) -> int | None:
    """This period's year: the dateline's, else the latest year named in the sentence of ``p`` or the one before it
    (a release often gives each sentence a paragraph of its own)."""
    got = document_date(ctx)
    if got is not None:
        return got.last.year
    si = ctx.sent_index(p.start)
    lo = ctx.sents[max(0, si - 1)][0]
    years = [per.last.year for d in ctx.dates_in(lo, ctx.sents[si][1]) if (per := parse_period(d.text)) is not None]
    return max(years) if years else None


_UNSIGNED_AFTER = r"\s+(?:@unsigned_comparatives)(?![\p{L}\p{N}])"
_SIDE_BY_SIDE = LazyPattern(r"\b(?:against|versus|vs\.?|compared\s+(?:with|to)|as\s+against|relative\s+to)\s",
                            regex.I)
_ORDERED = LazyPattern(r"\b(?:up|down|rose|fell|from|to|after|before)\b", regex.I)
# a comparative right after a change, no base after it ("78% cheaper", "a third larger"; not "25% lower than")
_COMPARATIVE_AFTER = r"\s+(?:@comparatives_up|@comparatives_down)(?![\p{L}\p{N}])(?!\s+than\b)"
# a clause of cause after the levels, with a verb of change and its own object before "by": "after the agreement
# raised salaries by", "following a decision that cut shift lengths by" (not "as revenue grew by": no object)
_OWN_CHANGE_CLAUSE = r"(?<![\p{L}])(?:after|following|because)\s+(?:[^,;.\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,80}?" \
    r"(?<![\p{L}])(?:@increase_words|" \
    r"@decrease_words)\s+(?:(?:its|their|the|his|her|our)\s+)?[\p{L}-]{3,}(?:\s+[\p{L}-]+){0,3}?\s+by\s+" \
    r"(?:(?:about|around|some|roughly|nearly|almost|more\s+than|over|just\s+over|just\s+under)\s+)?$"
_AS_MUCH_AFTER = LazyPattern(r"\s+as\s+(?:much|many|large|big|high|long|heavy|expensive|costly|great|fast)\b", regex.I)
# a saving named right before the change ("a saving of about 86%", "savings of 15%"): a fall from the larger level
_SAVING_BEFORE = r"(?<![\p{L}])(?:@saving_words)\s+(?:of\s+)?(?:(?:about|around|some|roughly|nearly|almost|more\s+than|" \
    r"over|just\s+over|just\s+under|well\s+over)\s+)?$"
_NO_SIDE = frozenset({"more", "less", "up", "down", "over", "under", "above", "below", "ahead", "behind", "short"})


def _oriented_by_comparative(ctx: Ctx, facts: Facts, p: Mention, pair: Any, formula: str) -> bool:
    """Does a comparative right after the change ("78% cheaper", "a third larger") say a pair of two levels set side
    by side ("£3,200, against roughly £700") the other way round: the smaller level the subject of a "cheaper", the
    larger of a "larger"? Only comparatives that name a side (linking words comparatives_up, comparatives_down, less
    "more", "less" and prepositions), and only a pair joined by "against", "versus" or "compared with", not by "from",
    "up from" or "to"."""
    if formula not in ("pct_change", "change") or pair.old.value is None or pair.new.value is None or \
            pair.old.value == pair.new.value:
        return False
    hit = facts.g.regex(_COMPARATIVE_AFTER).match(ctx.text, p.end)
    saving = facts.g.regex(_SAVING_BEFORE).search(ctx.text, max(0, p.start - 30), p.start) if hit is None else None
    if hit is None and saving is None:
        return False
    word = hit.group(0).strip().lower() if hit is not None else ""
    if word in _NO_SIDE:
        return False
    a, b = min(pair.old.end, pair.new.end), max(pair.old.start, pair.new.start)
    between = ctx.text[a:b]
    if not _SIDE_BY_SIDE.search(between) or _ORDERED.search(between):
        return False
    # ("C$6,800 an hour, against C$950 in the simulator, a saving of 86%": a saving is off the larger of the two)
    up = hit is not None and facts.g.word_pattern("comparatives_up").fullmatch(word) is not None
    return (pair.new.value > pair.old.value) != up


def _readings(ctx: Ctx, facts: Facts, pairs: Pairs, p: Mention, formula: str, extra: list, pairs_too: bool,
              need_comparable: bool) -> list[Relation]:
    si = ctx.sent_index(p.start)
    target = _target(ctx, p, facts)
    if target is not None and target.start in pairs.deltas:
        target = None  # "an increase of €560 million or 61%": the percent restates the delta
    if target is not None and extra and (not any(new is target or same_figure(new, target) for _, new, _ in extra)
                                         or (adjunct_figure(ctx, target) and any(new is not target for _, new, _ in extra))):
        # "funds 71 F-35s across the three variants, three more than the 68 requested": the comparison's subjects,
        # on the side of its base its words say, are the levels it leads to, not the figure it is set off after
        target = None
    if target is not None and facts.rate_of(target) == "unit":
        # "net income fell to $43.6 million, or $1.55 per share, from $59.7 million, or $2.18 per share, a decline
        # of 27%": a per-share aside restates a level; the change may be of either pair
        target = None
    cands: dict[tuple[int, int], list[Evidence]] = {}
    ops: dict[tuple[int, int], tuple[Mention, Mention]] = {}
    formulas: dict[tuple[int, int], str] = {}
    reverse: list[Relation] = []

    # a verb's object names what it multiplies ("tripled its production capacity")
    obj = facts.measure_following(p, 30) if p.text and _VERB_FORM.match(p.text.split()[-1]) else None

    def add(old: Mention, new: Mention, ev: list[Evidence], local_pair: bool = False) -> None:
        ctx.work.candidates += 1
        if old is p or new is p or not is_amount(old) or not is_amount(new):
            return
        if same_figure(old, new) and formula != "ratio":
            return  # "divided by the 659 missiles ... up 81 percent" and 659 again: one figure is no change
        if not comparable(ctx.vocab, old, new) or (need_comparable and not comparable(ctx.vocab, p, old)):
            return
        if formula == "pp_change" and old.type != "percent":
            return
        if p.type == "percent" and old.type == "currency" and ctx.sent_index(old.start) != ctx.sent_index(p.start):
            own = [x for x in ctx.sentence_numbers(ctx.sent_index(p.start)) if x.type == "currency"]
            if own and all(x.unit != old.unit for x in own):
                return  # "This year's budget was worth around $40 billion ..., so the 2025 plan is about 17.5% larger":
                # a change whose sentence gives amounts only in dollars is not one of levels in lira given elsewhere
        if old.start > p.end and _THAT_NUMBER.match(ctx.text, p.end):
            return  # "the request for 96 is three times that number and would equip six squadrons": the base is named
            # before ("that number"), not the figure after
        if formula == "ratio" and old.value is not None and new.value is not None and (old.value < 0) != (new.value < 0):
            return  # "jumped 2.5 times to 406.9 billion won ... compared with a loss of 19.2 billion won": no multiple of a
            # level of the other sign
        if {old.type, new.type} <= {"count", "number"} and any(x.type == "count" and x.unit and not _money_word(ctx, x.unit)
                                                               for x in (old, new)) and _money_measure(ctx, facts, p):
            return  # "Order intake eased 4% ...: three contracts had been booked in 2024, against only one this year": a
            # change of an amount of money is no change of counts of things
        if any(x.type == "percent" and x.word and x.inferred for x in (old, new)):
            return  # "more than 70% of the membership, up from just three in 2014": a number word is no percentage
        if formula in ("pct_change", "ratio") and old.type == "percent":
            if new.type == "percent" and _shares_of_another_measure(ctx, facts, p, old, new):
                return  # "With sales almost doubling, it now accounts for 28% of group sales, compared with 19%":
                # the change is of an amount (sales), the levels are shares of it
            ev = ev + [Evidence("percent-levels", "both figures are percentages", -1.0)]
        across = any(e.cue == "across-measures" for e in ev)  # "1.0 times EBITDA of ...": measures differ by design
        if target is not None and not local_pair and not across and new is not target and \
                not same_figure(new, target) and target.type == new.type:
            return  # the trigger names the level it leads to: a reading must end there
        key = (old.start, new.start)
        mev = facts.measure_evidence(p, new) if facts.measure_id(p) and not across else None
        if obj is not None and not across and (nm := facts.measure_id(new)) is not None and nm != obj:
            # "Capex rose to €120 million from €80 million as the group tripled its production capacity": the verb's
            # own object is another measure than the pair's
            mev = Evidence("measure-clash", f"'{p.text}' is of {obj}, the levels of {nm}", facts.weight("measure_clash", -4.0))
        total = ev + ([mev] if mev is not None and mev.weight < 0 else [])
        prev = cands.get(key)
        if prev is None or sum(e.weight for e in prev) < sum(e.weight for e in total):
            cands[key] = total
            ops[key] = (old, new)

    for old, new, ev in extra:
        add(old, new, ev)
    if pairs_too:
        # 1. pairs in the trigger's clause
        # (not a pair the next sentence makes by pointing back: "2,460,000 subscribers, 8% more than a year earlier.
        # That was 22,000 fewer than the 2,482,000 at September 30")
        local = [pr for pr in pairs.in_sentences(si, si) if _same_clause(ctx, facts, p, pr)
                 and ctx.sent_index(max(pr.old.start, pr.new.start)) == si
                 and (target is None or target.type != pr.new.type or pr.new is target or same_figure(pr.new, target)
                      or pr.old is target)]
        # "from 1,200 (itself up 10% on 1,090) to 1,500": a change inside an aside is the aside's own, not the pair's
        local = [pr for pr in local if not (pr.aside and pr.old.start < p.start < pr.new.start)]
        nearest = _nearest_pairs(ctx, facts, p, local, pairs.deltas, pairs.in_sentences(si, si))
        # "620, a 24% increase on the 500 of 2024 and 82% more than in 2021": a trigger that names its own base year
        # is not about a pair whose earlier level is dated another year
        # "9.4% more than the year before and roughly 61% above the ¥5.4 trillion of FY2022": a pair made by another
        # percent's comparison is that percent's
        local = [pr for pr in local if not (p.type == "percent" and any(e.cue.startswith("compare:") for e in pr.evidence)
                                            and _compared_by_another(ctx, pr, p))]
        own = facts.periods.change_years(p)
        if own is not None:
            local = [pr for pr in local if facts.periods.year_of(pr.old) in (None, own[0])]
        # "from €8.6 billion in 2000 to €20.6 billion in 2024, and by 58% over the last decade alone", "up 40% since
        # 2020": a change that names its own span is not about a pair whose dates span another
        local = [pr for pr in local if not _other_span(ctx, facts, p, pr)]
        # ... and one that names its base year outright after another change of the pair ("a growth of 18% over the
        # ₹1,27,434 crore of the previous year and 90% higher than in 2019-20") is not about that undated pair either
        named_year = facts.periods.named_base_year(p)
        if named_year is not None:
            # (nor a level against a target the text names: "an improvement of about 5,300 on fiscal 2022, when it
            # brought in 44,901 recruits against a goal of 60,000")
            local = [pr for pr in local if not any(e.cue == "pair:compared-named" for e in pr.evidence)]
            local = [pr for pr in local if facts.periods.year_of(pr.old) == named_year or (
                facts.periods.year_of(pr.old) is None and not any(
                    x.type == "percent" and x is not p for x in ctx.numbers_in(min(pr.old.start, pr.new.start), p.start)))]
        # "whose spending is up 7% from $704 billion", "about 5% below expectations of $2.02 billion": a percent that
        # names its own base right after it is not about a pair whose earlier level is another figure
        own_base = _base_after(ctx, p)
        if own_base is not None:
            local = [pr for pr in local if pr.old is own_base or same_figure(pr.old, own_base)]
        # "from 30 to 45 jets, an increase of half and three times the number ordered in the first batch": a multiple
        # whose base is named by words right after it (a level noun, no figure in its clause) is not about a pair
        if p.role == "multiple" and (named := _MULTIPLE_BASE_WORDS.match(ctx.text, p.end)) is not None:
            stop = _CLAUSE_STOP.search(ctx.text, named.end(), ctx.sentence(p.start)[1])
            if not any(is_amount(x) for x in ctx.numbers_in(named.end(), stop.start() if stop else ctx.sentence(p.start)[1])):
                local = []
        # "a $36.3B, or 17%, increase over the $213.2B": the figure the percent restates is the size of the change,
        # no level of a pair
        # "rose 67 per cent year on year to SEK 3.26 billion, against an average analyst forecast of SEK 2.75 billion":
        # a change from a year before is not measured from a level the text names as an expectation (linking words
        # expectation_nouns)
        if p.type == "percent" and facts.g.regex(_YEAR_ON_YEAR_AFTER).match(ctx.text, p.end):
            local = [pr for pr in local if not facts.g.regex(_EXPECTED_BEFORE).search(
                ctx.text, max(ctx.sentence(pr.old.start)[0], pr.old.start - 45), pr.old.start)]
        # "slipped 1.3%, partly because the period had 13 weeks against 14 a year earlier": a pair after the change in a
        # clause of cause (linking words cause_cues, no comma or semicolon between the cue and the pair) explains it
        cause = facts.g.regex(_CAUSE_CLAUSE)
        local = [pr for pr in local if not (min(pr.old.start, pr.new.start) > p.end and cause.search(
            ctx.text, p.end, min(pr.old.start, pr.new.start)))]
        # "investment nearly doubled, lifting its share of the European total to 26% from 17%": a pair after a participle
        # whose object is a share (a margin, a ratio) of the subject is that share's change, the effect of this one
        local = [pr for pr in local if not (min(pr.old.start, pr.new.start) > p.end and _SHARE_EFFECT.search(
            ctx.text, p.end, min(pr.old.start, pr.new.start)))]
        # "We lift our 2025-2027e EPS by between 6% and 8% and raise our target price to SEK 280 from SEK 250", "exports
        # fell by 53% and the country's share dropped to 11% from 21%": a pair after "and" and a verb of its own (with a
        # subject of its own) is that verb's, not the change stated before it
        local = [pr for pr in local if not (min(pr.old.start, pr.new.start) > p.end and facts.g.regex(_AND_OWN_VERB).search(
            ctx.text, p.end, min(pr.old.start, pr.new.start)))]
        # "the payroll has grown by a third, so average pay per worker has climbed to about $79,900 from roughly
        # $73,900", "5% fewer contracts than the 14,105 of the previous year, but the value is up almost 29% on A$30.2
        # billion": a pair in a clause of consequence or contrast with a subject of its own is that clause's
        local = [pr for pr in local if not any(x.start > p.end and _CONSEQUENCE.search(ctx.text, p.end, x.start)
                                               for x in (pr.old, pr.new))]
        # "The self-funded effort was up 17% year on year and has grown by three quarters since 2019, when it stood at
        # €0.79 billion": an earlier level after another change stated between is that change's base, not this one's
        local = [pr for pr in local if not _other_change_between(ctx, p, pr.old)]
        # "With consumer prices rising about 65% during the year, ...: revenue was $2.6 billion, against $2.2 billion":
        # a change in a sentence's opening "with" clause is its own noun's, not that of a pair after the clause
        opening = _WITH_OPENING.match(ctx.text, ctx.sentence(p.start)[0], p.start + 200)
        if opening is not None and opening.end() >= p.end:
            local = [pr for pr in local if max(pr.old.end, pr.new.end) <= opening.end()]
        # "the number of actions fell from 20 to 16, and in 2024 the number of actions fell by more than a quarter": a
        # change in a later clause that opens on a year of its own is not the change of the pair before it
        local = [pr for pr in local if not (max(pr.old.end, pr.new.end) < p.start and _CLAUSE_OF_A_YEAR.search(
            ctx.text, max(pr.old.end, pr.new.end), p.start))]
        size = _size_restated(ctx, facts, p)
        if size is not None:
            local = [pr for pr in local if pr.new is not size and pr.old is not size]
        if target is not None and target.start > p.end:
            # "aims to double the reserve, to 80,000 reservists by 2030 and 105,000 by 2035": the level the change
            # leads to is its new level, never the earlier level of a pair after it
            local = [pr for pr in local if pr.old is not target]
        # "Revenues were $3.4 billion, up 3%, or $84 million, from a year earlier": the amount after "P%, or" is the
        # size of the same change, no level
        after = ctx.numbers_in(p.end, min(ctx.sentence(p.start)[1], p.end + 40))
        if p.type == "percent" and after and is_amount(after[0]) and after[0].type != "percent" and \
                _OR_BETWEEN.fullmatch(ctx.text, p.end, after[0].start):
            local = [pr for pr in local if pr.new is not after[0] and pr.old is not after[0]]
        for pair in local:
            dist = nearest.get(id(pair))
            ev = list(pair.evidence)
            if dist == 0:
                # explicit only when the pair itself is, or is a dated series ("€5.1 billion in 2021, €8.8 billion in
                # 2022, a 42% increase"): two figures merely dated apart in a long sentence may not be the two levels
                ev.append(Evidence("attached", "in the clause of the pair", facts.weight("attach", 2.0),
                                   any(e.explicit or e.cue == "pair:series" for e in pair.evidence)))
            elif dist == 1:
                ev = _demote(ev) + [Evidence("near", "one figure away from the pair", facts.weight("attach_near", 1.0))]
            else:
                ev = _demote(ev) + [Evidence("same-sentence", "in the same sentence, further away", -1.0)]
            moved = _moved_since(ctx, p, pair.new)
            if moved is not None:
                # "€1.13 billion a year earlier. The effort was up 17% year on year and has grown by three quarters since
                # 2019, when it stood at €0.79 billion": the level of the sentence before has moved since (by the change
                # stated between): it is no longer the level this change leads to
                ev = _demote(ev) + [Evidence("moved-since", f"{pair.new.text} changed since ({moved.text})", 0.0)]
            if _oriented_by_comparative(ctx, facts, p, pair, formula):
                # "about £3,200, against roughly £700 ..., making the simulator about 78% cheaper": two levels set
                # side by side ("against", "versus") have no order of their own; a comparative right after the change
                # ("cheaper", "larger") says which is the subject: the other way round from the pair's
                add(pair.new, pair.old, ev + [Evidence("comparative", f"'{p.text}' and a comparative: the "
                                                       f"{'smaller' if (pair.old.value or 0.0) > (pair.new.value or 0.0) else 'larger'} "
                                                       "level is the subject", 0.0)],
                    local_pair=dist is not None and dist <= 1)
                continue
            add(pair.old, pair.new, ev, local_pair=dist is not None and dist <= 1)
            if any(e.cue == "pair:compared-named" for e in pair.evidence):
                # "1.3 boats a year against a goal of two, so output has to rise by more than half": a level and a
                # named target read either way (how far above the target, or how far to it): the other way can make
                # the claim hold, never fail
                reverse.append(Relation(formula, (pair.new, pair.old), tuple(ev) + (
                    Evidence("reverse", "a level against a named base reads either way", 0.0),), alternative=True))
            first = _chain_start(ctx, pair)
            if first is not None:
                # "planned to buy 28 aircraft; ... later cut its requirement to 22 and then to 19, a reduction of nine":
                # a change after a chain of cuts may be from its start: a reading that can make it hold, never fail
                reverse.append(Relation(formula, (first, pair.new), tuple(ev) + (
                    Evidence("chain", f"{pair.old.text} is a step of a chain from {first.text}", 0.0),), alternative=True))
        # 1b. "That is a rise of €16.7 billion, or 44%": a sentence opening on an anaphora, about the pair of the
        # sentence before
        if not local and si > 0 and ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(p.start) and \
                not (formula in ("pct_change", "ratio") and _again(ctx, facts, p)):
            opening = ctx.text[ctx.sents[si][0]:p.start]
            pointed = _OPENING.match(opening) is not None
            if (pointed or _repeats_subject(ctx, si, p)) and not [x for x in ctx.numbers_in(ctx.sents[si][0], p.start)
                                                                   if is_amount(x) and x.type == "percent"]:
                prev = [pr for pr in pairs.in_sentences(si - 1, si - 1)
                        if not _own_level_before(ctx, facts, pairs, ctx.sents[si][0], p, pr)
                        # (a pair of the sentence before, or one that reaches into this one in the trigger's clause:
                        # not "... 21 Rafale ... That means output nearly doubled, and it came in one aircraft above the
                        # guidance of 20" for "doubled")
                        and (ctx.sent_index(max(pr.old.start, pr.new.start)) == si - 1
                             or not _AND_PRONOUN.search(ctx.text, min(p.end, max(pr.old.start, pr.new.start)),
                                                        max(pr.old.start, pr.new.start)))
                        # (nor one whose later level stands in a clause of its own after the trigger: "That is 5% fewer
                        # contracts ..., but the value is up almost 29% on A$30.2 billion")
                        and not any(x.start > p.end and _CONSEQUENCE.search(ctx.text, p.end, x.start)
                                    for x in (pr.old, pr.new))
                        # (nor one whose base is another change's: "This year they rose 12% and have doubled since
                        # 2020, when they stood at €1.1 billion")
                        and not _other_change_between(ctx, p, pr.old)]
                if not pointed and len(prev) != 1:
                    prev = []  # (a subject repeated points at the one pair of the sentence before, not one of several)
                for k, pair in enumerate(reversed(prev)):
                    ev = list(pair.evidence) + [Evidence("anaphora", f"'{opening.split()[0]}' points back to the "
                                                         "sentence before", facts.weight("anaphora", 2.0) - k, k == 0)]
                    add(pair.old, pair.new, ev)
        # 1c. "Revenue nearly doubled. Income from these activities climbed from X to Y": a trigger with no figure
        # of its own, spelled out by the pair of the next sentence
        if not cands and target is None and si + 1 < len(ctx.sents) and \
                ctx.para_index(ctx.sents[si + 1][0]) == ctx.para_index(p.start) and \
                not [x for x in ctx.sentence_numbers(si) if is_amount(x) and x is not p]:
            nxt = pairs.in_sentences(si + 1, si + 1)
            # (nor a pair whose own sentence states its change before it: "Europe's 17% jump is the headline. Germany's
            # 28% rise takes it from $69 billion to $88.5 billion")
            # (nor one that states its own change after it: "... raises displacement from about 7,800 to 10,200 tons,
            # an increase of 24%")
            if len(nxt) == 1 and not facts.g.word_pattern("cause_verbs").search(ctx.text, ctx.sents[si + 1][0],
                                                                                   nxt[0].start) and \
                    not [x for x in ctx.sentence_numbers(si + 1) if x.type == "percent" or x.role == "multiple"]:
                # not "Sales grew 9%. The rise was driven by Dynamics, where orders reached X from Y": a cause
                pair = nxt[0]
                a = ctx.sents[si + 1][0]
                back = facts.g.word_pattern("anaphora").search(ctx.text[a:pair.start]) or \
                    regex.search(r"\b(?:these|this|those|the\s+same)\b", ctx.text[a:pair.start], regex.I)
                ev = list(pair.evidence) + [Evidence("next-sentence", "the next sentence gives the two levels"
                                                     + (f" ('{back.group(0)}')" if back else ""), 1.0, bool(back))]
                add(pair.old, pair.new, ev if back else _demote(ev))
        # 1d. "By 2023 output had doubled, to 28,000. By 2025 it had doubled again, to 45,000": a change said to
        # happen again (linking words again_words) leads from the level the text gave last to its own target
        cue = _again(ctx, facts, p) if formula in ("pct_change", "ratio") else None
        level = target if target is not None else (_own_level(ctx, pairs, p) if cue else None)
        if cue and level is not None and not any(e.explicit for pr in local for e in pr.evidence):
            # the level may follow ("doubled again, to 45,000") or come first ("600 in 2025, a further 20% increase")
            old = _last_level(ctx, pairs, p if level.start > p.start else level, level)
            if old is not None:
                target = level
                add(old, target, [Evidence("again", f"'{cue}': from the level given last, {old.text}",
                                           facts.weight("explicit", 3.0), True),
                                  Evidence("attached", f"{p.text} leads to {target.text}", facts.weight("attach", 2.0))])
        # 2. the level the trigger leads to, restated as a pair's new level elsewhere (not when the trigger's own
        # clause names its base by words: "an increase of 3.3 percent over the fiscal year 2024 enacted level" is
        # not the rise over "the $833.1 billion measure the House passed" ten lines on)
        if target is not None and not any(pr.old is target for pr in local) and \
                not facts.g.regex(_BASE_BY_WORDS).match(ctx.text, p.end) and \
                not any(pr.new is target and any(e.explicit for e in pr.evidence) for pr in local):
            # (nor when the trigger's own clause pairs the level explicitly: "$822 million below the $8.3 billion")
            for pair in pairs.with_new(target):
                if pair.new is target or ctx.sent_index(pair.start) == si or \
                        any(e.cue == "pair:expected" for e in pair.evidence) or \
                        (target.value_high is not None) != (pair.new.value_high is not None):
                    # ("Revenue of $12.0 billion to $12.5 billion, representing growth of 0% to 4%": a range, an
                    # outlook, is no restatement of "$11.98 billion", one level)
                    continue  # (nor a result against its prediction: "consensus of ₩936.1 billion against ₩1,725
                    # billion reported" is no earlier level of the ₩1.72 trillion profit "rose 190.2%" to)
                if _goal_level(ctx, facts, pair.old):
                    continue  # "€2.4 billion, €0.6 billion over the €1.8 billion forecast. ... this year's €2.4 billion
                    # is 50% higher": a level set beside a goal, a limit or a forecast is no change over time from it
                mt_, mp_ = facts.measure_id(target), facts.measure_id(pair.new)
                if mt_ and mp_ and mt_ != mp_:
                    continue  # "Adjusted EBITDA grew 13% to €329 million" after "revenue had dipped to €329 million from
                    # €338 million": the same figure of another measure is no restatement
                if _SEVERAL_PERIODS.search(ctx.text, pair.end, min(len(ctx.text), pair.end + 50)) and \
                        not _SEVERAL_PERIODS.search(ctx.text, *ctx.sentence(p.start)):
                    continue  # "orders climb from €6.7bn to €11.2bn in four interim periods" and "New orders reached
                    # €11.2 billion, up 8.9%": a pair over several periods is no base of a change of one
                ev = list(pair.evidence) + [Evidence("restated", f"{target.text} is the new level of "
                                                     f"'{ctx.text[pair.start:pair.end][:40]}'",
                                                     facts.weight("restated", 1.0) + facts.weight("attach", 2.0),
                                                     True)]
                add(pair.old, target, ev)
        # 2a. "risen by £64.2 billion from £241.3 billion, an increase of 27%": the size of the change over its base
        if formula == "pct_change" and not any(e.explicit for ev in cands.values() for e in ev):
            for d, base, fm in _delta_from(ctx, facts, pairs, p):
                ctx.work.candidates += 1
                key = (d.start, base.start)
                what = "its base" if fm == "delta_pct" else "the level it led to"
                cands[key] = [Evidence("delta-from", f"'{_quote_span(ctx, d.start, base.end)}': the change and {what}",
                                       facts.weight("explicit", 3.0), True),
                              Evidence("attached", "in the clause of the change", facts.weight("attach_near", 1.0))]
                ops[key] = (d, base)
                formulas[key] = fm
        # 2a'. "24 guns in 2017 and four more in 2022, an increase of a sixth": an amount added to the level before it
        if formula == "pct_change" and not any(e.explicit for ev in cands.values() for e in ev):
            for d, base in _added_to(ctx, pairs, p):
                ctx.work.candidates += 1
                key = (d.start, base.start)
                # "would take C$60 billion, C$19 billion more a year": set off after the level by a comma alone, the
                # amount added is what takes it to that level (the base is the level less it), not more on top of it
                apposed = regex.fullmatch(r"\s*,\s*", ctx.text[base.end:d.start]) is not None
                cands[key] = [Evidence("added-to", f"'{_quote_span(ctx, base.start, d.end)}': an amount added to "
                                                   + ("reach the level before it" if apposed else "the level before it"),
                                       facts.weight("explicit", 3.0), True),
                              Evidence("attached", "in the clause of the change", facts.weight("attach_near", 1.0))]
                ops[key] = (d, base)
                formulas[key] = "delta_to_pct" if apposed else "delta_pct"
        # 2a''. "higher by Rp25.88 trillion, or 15.7 percent" after "Compared to ... Rp139.28 trillion", "$4.1 billion
        # less than the $24.0 billion enacted, a drop of 21 percent", "an allocation of $833.1 billion, an increase of
        # $8.57 billion, or 1.4 percent": a percent restating the size of a change its clause gives, over the
        # change's base (or the level the change led to, less the change)
        if formula == "pct_change" and not any(e.explicit for ev in cands.values() for e in ev):
            for d, base, fm, why in _restated_delta(ctx, facts, pairs, p):
                ctx.work.candidates += 1
                key = (d.start, base.start)
                cands[key] = [Evidence("delta-restated", why, facts.weight("explicit", 3.0), True),
                              Evidence("attached", "in the clause of the change", facts.weight("attach_near", 1.0))]
                ops[key] = (d, base)
                formulas[key] = fm
        # 2b. a change stated against a period ("a 64% jump on 2024", "doubled in 2024"): the levels of its measure
        # in those years, wherever the text gives them
        if target is None and formula in ("pct_change", "ratio") and \
                not any(e.explicit for ev in cands.values() for e in ev):
            for old, new, ev in facts.periods.readings(p):
                add(old, new, ev)
        # 3. no figure near: a pair elsewhere with the trigger's own measure (a headline "order bookings up
        # 41%"); never explicit
        # alone in its clause: "...versus $107.4 million, or $2.41, a year earlier; non-GAAP diluted EPS thus rose 45%"
        c0 = max(ctx.sents[si][0], ctx.text.rfind(";", 0, p.start) + 1)
        c1 = ctx.text.find(";", p.end, ctx.sents[si][1])
        c1 = ctx.sents[si][1] if c1 < 0 else c1
        # ... a figure of another measure there is no level of this one ("revenue rises 21% as backlog hits
        # eight-year high")
        pm = facts.measure_id(p)
        alone = not [x for x in ctx.numbers_in(c0, c1) if is_amount(x) and x is not p
                     and not (pm and (xm := facts.measure_id(x)) and xm != pm) and not modifier(x)]
        if not cands and target is None and alone:
            meas = facts.measure_id(p) or facts.measure_following(p)
            if meas and not meas.startswith("margin:"):
                same = [pr for pr in pairs.with_measure(meas, p) if pr.new.type != "percent"
                        and not _other_span(ctx, facts, p, pr)]  # (not "Exports have nearly tripled since 2015")
                for pair in same[:4]:
                    w = facts.weight("measure", 1.0) * (2 if len(same) == 1 else 1)
                    # "EBITDA was 1,481 (2,350), a margin of 25.9% (33.3%). EBITDA therefore fell 27%": the one pair of
                    # the measure the trigger's sentence names, given plainly in the sentence before in its paragraph,
                    # is the pair it compares
                    taken_up = len(same) == 1 and facts.measure_id(p) == meas and \
                        any(e.explicit for e in pair.evidence) and si > 0 and \
                        ctx.sent_index(pair.new.start) == ctx.sent_index(pair.old.start) == si - 1 and \
                        ctx.para_index(pair.new.start) == ctx.para_index(p.start) and \
                        not _other_subject_named(ctx, facts, ctx.sents[si][0], p.start, ctx.sents[si - 1])
                    ev = (list(pair.evidence) if taken_up else _demote(pair.evidence)) + \
                        [Evidence("measure-elsewhere", f"a pair of '{meas}' " + ("in the sentence before" if taken_up
                                                                                 else "elsewhere"), w)]
                    add(pair.old, pair.new, ev)
        # 4. no grammar at all: two figures of one kind before the trigger
        if not cands:
            for old, new, ev in _proximity(ctx, facts, pairs, p, formula):
                add(old, new, ev)
                if not any(e.explicit for e in ev):
                    add(new, old, ev + [Evidence("reverse", "the other direction", -0.5)])
    if p.type == "percent" and _SEQUENTIAL_AFTER.match(ctx.text, p.end):
        # "revenue of $1.89 million, up 8.9% on the previous quarter" beside "$1,885,322, compared with $2,138,017 in Q3
        # 2023": a change from the quarter before is not read off a level of a year earlier
        cands = {k: ev for k, ev in cands.items() if not _YEAR_AGO_AFTER.match(ctx.text, ops[k][0].end)}
    if formula == "ratio" and p.role == "multiple" and (p.value or 0) > 1 and not _RISE_VERB.search(p.text) and \
            _said_to_fall(ctx, facts, p):
        # "fell from 307 to 41, a decline of 87% — more than sevenfold", "cut threefold, from 90 to 30": a multiple
        # above one that the text says is a fall, on a falling pair, is how many times the earlier level the later
        # goes into (not "tripled", a verb of rising, nor "a ninefold rise")
        for key2, (old, new) in ops.items():
            if key2 not in formulas and 0 < (new.value or 0) < (old.value or 0):
                formulas[key2] = "ratio_down"
                cands[key2] = cands[key2] + [Evidence("falling", f"{old.text} falls to {new.text}: the earlier level over the "
                                                           "later", 0.0)]
    out = [Relation(formulas.get(k, formula), ops[k], tuple(ev)) for k, ev in cands.items()]
    out.sort(key=lambda r: -r.score)
    out += [r for r in reverse if (r.operands[0].start, r.operands[1].start) not in cands]
    if formula == "pct_change" and out and all(o.type == "percent" for o in out[0].operands):
        r = out[0]
        out.append(Relation("pp_change", r.operands, r.evidence + (Evidence("points", "read as percentage points",
                                                                            0.0),), alternative=True))
    return out[:6]


_TO = LazyPattern(r"\s+to\s+(?:(?:about|around|some|roughly|nearly|almost|a\s+record|a\s+total\s+of)\s+)?$", regex.I)
_FROM = LazyPattern(r"\s+from\s+(?:the\s+|its\s+|their\s+)?(?:(?:about|around|some|roughly|nearly|almost)\s+)?$", regex.I)


def _added_to(ctx: Ctx, pairs: Pairs, p: Mention) -> Iterator[tuple[Mention, Mention]]:
    """The last amount added ("four more", "ten additional units") before a percent in its clause, and the level of its
    kind right before it ("24 guns in 2017 and four more in 2022"), with nothing of the kind between."""
    s, _ = ctx.sentence(p.start)
    c0 = max(s, ctx.text.rfind(";", 0, p.start) + 1)
    figs = [x for x in ctx.numbers_in(c0, p.start) if is_amount(x) and x.type in ("count", "number", "currency")]
    for k in range(len(figs) - 1, 0, -1):
        d, base = figs[k], figs[k - 1]
        if not added_amount(ctx.text, d):
            continue
        # (not "from 291 ships today to 381 by 2054, 90 more ships": the size of the pair's change, the level after it)
        if comparable(ctx.vocab, base, d) and base.value and d.value and 0 < d.value < base.value and \
                not base.role and not d.role and d.start not in pairs.deltas and not pairs.is_level(base):
            yield d, base
        return




def _delta_from(ctx: Ctx, facts: Facts, pairs: Pairs, p: Mention) -> Iterator[tuple[Mention, Mention, str]]:
    """A change amount with its base right after it ("by £64.2 billion from £241.3 billion": ``delta_pct``) or the
    level it led to ("rose by 1,212 to 8,641 employees": ``delta_to_pct``, the base being the level less the change)
    in the percent's clause, before it; signed as the words before it say ("fell by €40 million from €400 million")."""
    import dataclasses

    s, _ = ctx.sentence(p.start)
    c0 = max(s, ctx.text.rfind(";", 0, p.start) + 1)
    figs = [x for x in ctx.numbers_in(c0, p.start) if is_amount(x)]
    for d, base in zip(figs, figs[1:], strict=False):
        if d.start not in pairs.deltas or not (base.type == d.type and base.unit == d.unit and base.value):
            continue
        gap = ctx.text[d.end:base.start] + " "
        fm = "delta_pct" if _FROM.fullmatch(gap) else "delta_to_pct" if _TO.fullmatch(gap) else None
        if fm is None or (fm == "delta_to_pct" and abs(d.value or 0) >= abs(base.value)):
            continue
        if any(x.start > base.start and x.type != "percent" and not _restated(ctx, x) for x in figs):
            continue  # "fell by €21 million to €116 million (Q1 2023: €135 million) on revenue of €1.8 billion, 15% more
            # than a year earlier": another level stands between, which the percent follows
        if _direction(facts, ctx.text[max(c0, d.start - 30):d.start]) < 0 and (d.value or 0) > 0:
            d = dataclasses.replace(d, value=-(d.value or 0.0), inferred=True)
        yield d, base, fm
    # "saved 1,200 tonnes of fuel last year, a cut of 15% on the 8,000 tonnes the old ones would have burned": the size
    # of a change given first (the difference grammar's, here a verb of saving's object), then the percent and the base
    # it is measured on right after it (its change noun between: "added $250 million ..., a 12% uplift on the $2.1 billion")
    _, e = ctx.sentence(p.start)
    nxt = [x for x in ctx.numbers_in(p.end, min(e, p.end + 80)) if is_amount(x)][:1]
    if figs and nxt and figs[-1].start in pairs.deltas and figs[-1].type != "percent" and \
            _ON_BASE.fullmatch(ctx.text, p.end, nxt[0].start) and nxt[0].type == figs[-1].type and \
            nxt[0].unit == figs[-1].unit and nxt[0].value and abs(figs[-1].value or 0) < abs(nxt[0].value):
        d, base = figs[-1], nxt[0]
        before_d = ctx.text[max(c0, d.start - 30):d.start]
        if (_direction(facts, before_d) < 0 or facts.g.word_pattern("saving_verbs").search(before_d)) and \
                (d.value or 0) > 0:
            d = dataclasses.replace(d, value=-(d.value or 0.0), inferred=True)
        yield d, base, "delta_pct"


_ON_BASE = LazyPattern(r"\s+(?:[\p{L}-]+\s+)?(?:on|from|against|over|compared\s+(?:with|to)|versus|vs\.?)\s+"
                       r"(?:the\s+|its\s+|their\s+|an?\s+)?"
                       r"(?:[\p{L}-]+\s+){0,3}?(?:about\s+|some\s+|roughly\s+|nearly\s+|almost\s+)?", regex.I)
_SEQUENTIAL_AFTER = LazyPattern(r"\s*(?:(?:on|from|over|versus|vs\.?|compared\s+(?:with|to)|against)\s+the\s+(?:previous|prior|"
                               r"preceding|last|sequential)\s+quarter|sequentially|quarter[\s-]on[\s-]quarter|q/q|qoq)\b",
                               regex.I)
_YEAR_AGO_AFTER = LazyPattern(r"\s*(?:in\s+)?(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|(?:the\s+)?(?:same|year-ago|"
                              r"prior-year|comparable)\s+(?:quarter|period)|(?:Q[1-4]|the\s+(?:first|second|third|fourth)"
                              r"\s+quarter\s+(?:of\s+)?)\s*(?:FY)?\s*(?:19|20)\d\d)", regex.I)
# (the level may stand in a "when" clause after the period compared with: "Compared with 2024, when defence spending
# reached CZK 148.9 billion, the budget grows by CZK 11.5 billion, or 7.7%")
_OPENER = r"(?<![\p{L}\p{N}])(?:@comparison_openers)(?![\p{L}\p{N}])[^,;:.]*(?:,\s*when\b[^,;:]*)?$"
_RESTATES = LazyPattern(r"\s*(?:,|\(|[–—-])?\s*or\s+(?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+|around\s+)?|\s*\(\s*",
                        regex.I)
_CLAUSE_TURN = LazyPattern(r"\b(?:and|while|whereas|but|as)\b|;", regex.I)
_APPOSED_CHANGE = LazyPattern(r"\s*[,–—(-]\s*(?:[\p{L}-]+\s+){0,4}", regex.I)


def _restated_delta(ctx: Ctx, facts: Facts, pairs: Pairs, p: Mention) -> Iterator[tuple[Mention, Mention, str, str]]:
    """The size of a change that a percent after it restates, in the percent's clause, with the change's base: the base
    the difference grammar gives it ("D less than the B"), else the one figure of its kind in an opening comparison
    ("Compared with the B planned, ... is D higher, or P%"; linking words comparison_openers), else the one level of its
    kind before it in the clause, which the change led to ("an allocation of L, an increase of D, or P%"). Nothing but
    that base may stand between the change and the percent; the change is signed as its words say."""
    s0, _ = ctx.sentence(p.start)
    c0 = max(s0, ctx.text.rfind(";", 0, p.start) + 1)
    figs = [x for x in ctx.numbers_in(c0, p.start) if is_amount(x)]
    ds = [x for x in figs if x.start in pairs.deltas and x.type != "percent"]
    if not ds or p.start - ds[-1].end > 120 or _OF_AFTER_LEVEL.match(ctx.text, p.end):
        return  # (not "up €1.42 billion, or about 38% of Einzelplan 14": a share)
    d = ds[-1]
    if pairs.is_level(d) or base_position(ctx, d):
        return  # "has risen from $54.0 million ... to $78.5 million, an increase of 45 per cent": a level, no change
    if figs[-1] is not d and _RESTATES.fullmatch(ctx.text, figs[-1].end, p.start):
        return  # "$6.0 billion less than requested but $3.1 billion, or 1.1 percent, above FY2024": the percent restates
        # the figure right before it, which is no change's base
    if _CLAUSE_TURN.search(ctx.text, figs[-1].end, p.start):
        return  # "SEK 7.4 billion more than last year, and operating income improved 30%": another clause's change
    after = [x for x in figs if x.start > d.start]
    mt = next((m for m in matches(facts.g, "difference", facts.abstract(ctx.sent_index(p.start)))
               if m.slots.get("d") is d), None)
    if mt is None:
        return
    base = mt.slots.get("base")
    if after and not (len(after) == 1 and after[0] is base):
        return  # another figure between the change and the percent: not its restatement
    sign = _direction(facts, ctx.text[mt.start:base.start if base is not None else mt.end])
    if sign == 0:
        return
    sd = dataclasses.replace(d, value=sign * abs(d.value or 0.0), inferred=True)
    kind = [x for x in figs if x is not d and x.type == d.type and x.unit == d.unit and x.value
            and comparable(ctx.vocab, x, d) and x.start < d.start]
    if base is not None:
        if comparable(ctx.vocab, base, d) and base.value:
            yield sd, base, "delta_pct", f"'{_quote_span(ctx, d.start, base.end)}': the change and its base"
        return
    opened = facts.g.regex(_OPENER)
    at_open = [x for x in kind if opened.search(ctx.text, c0, x.start)]
    if len(at_open) == 1:
        yield sd, at_open[0], "delta_pct", f"'{_quote_span(ctx, s0, at_open[0].end)}' gives the base of the change"
        return
    # (set off by a comma before the change's words: "L, an increase of D", not "L, and orders rose by D")
    levels = [x for x in kind if not base_position(ctx, x) and x.start not in pairs.deltas
              and abs(x.value or 0) > abs(d.value or 0) and _APPOSED_CHANGE.fullmatch(ctx.text, x.end, d.start)
              and not regex.search(r"\b(?:and|while|whereas|but)\b", ctx.text[x.end:d.start])
              and facts.measure_id(x) in (None, facts.measure_id(d))]
    if len(levels) == 1 and len(kind) == 1:
        yield sd, levels[0], "delta_to_pct", f"'{_quote_span(ctx, levels[0].start, d.end)}': the level and the change " \
                                             "that led to it"


def _quote_span(ctx: Ctx, a: int, b: int, limit: int = 60) -> str:
    s = " ".join(ctx.text[a:b].split())
    return s if len(s) <= limit else s[:limit - 1] + "…"


def _chain_start(ctx: Ctx, pr: Pair) -> Mention | None:
    """For a pair whose earlier level was itself reached ("... to 22 and then to 19"), the first level of its kind in
    the sentence before that step, if any ("planned to buy 28 aircraft; ... cut its requirement to 22")."""
    old = pr.old
    if not _STEP_TO.search(ctx.text, max(0, old.start - 6), old.start) or \
            not _THEN_TO.match(ctx.text, old.end, pr.new.start):
        return None
    s0 = ctx.sentence(old.start)[0]
    earlier = [x for x in ctx.numbers_in(s0, old.start) if is_amount(x) and comparable(ctx.vocab, x, old)
               and x.value_high is None]
    # the level the verb of the first step moved, when its clause says so ("the 19 ordered by the Air Force, whose
    # original contract for 28 aircraft was reduced to 22 in 2020 and later to 19": 28, not an earlier 22 of exports)
    moved = [x for x in earlier if _MOVED_TO.fullmatch(ctx.text, x.end, old.start)]
    if moved:
        return moved[-1]
    return earlier[0] if earlier else None


_MOVED_TO = LazyPattern(r"[^.;\d]{0,40}?\b(?:reduced|cut|lowered|raised|increased|trimmed|revised|scaled\s+back|brought\s+down)"
                        r"\b[^.;\d]{0,15}?\bto\s+", regex.I)


_STEP_TO = LazyPattern(r"\bto\s+$", regex.I)
# (a date of the step between: "reduced to 22 in 2020 and later to 19")
_THEN_TO = LazyPattern(r"(?:\s+(?:in|by|during)\s+(?:[\p{L}\d-]+\s+){0,2}?[\p{L}\d-]+)?"
                       r"\s*,?\s*(?:and\s+)?(?:then|later|subsequently|again)\s+(?:(?:cut|reduced|lowered|raised|increased)\s+)?"
                       r"(?:it\s+)?to\s+(?:just\s+|only\s+)?$", regex.I)


def _compared_by_another(ctx: Ctx, pr: Pair, p: Mention) -> bool:
    """Is the percent of the comparison that made ``pr`` ("roughly 61% above the ¥5.4 trillion": the last percent before
    its base) another one, after ``p``?"""
    before = [x for x in ctx.numbers_in(p.end, pr.old.start) if (x.type == "percent" and is_amount(x))
              or x.role in ("fraction", "multiple")]  # (or a fraction: "and more than a fifth below the 30,000")
    return bool(before) and pr.old.start > p.start


def _nearest_pairs(ctx: Ctx, facts: Facts, p: Mention, local: list[Pair], deltas: set[int],
                   around: list[Pair] | None = None) -> dict[int, int]:
    """For each pair of the sentence, how many other figures stand between it and the trigger; only the
    nearest pair (or pairs at the same distance) get an entry. The size of the change itself is no obstacle ("ended
    up at €1.1 billion, an overrun of €300 million, or 38%"; "from 405 to 350: 55 fewer, a 16% cut"; ``deltas``
    are the figures the difference grammar read as such a size; ``around`` are all the pairs of the sentence)."""
    if not local:
        return {}
    reached: dict[int, list[tuple[int, int]]] = {}  # each level's spans of the pairs that reach it (built once)
    for q in (around if around is not None else local):
        reached.setdefault(id(q.new), []).append((q.start, q.end))
    figs = ctx.numbers_in(*ctx.sentence(p.start))
    pos = {x.start: k for k, x in enumerate(figs)}
    kp = pos.get(p.start)
    if kp is None:
        return {}
    dist: dict[int, int] = {}
    for pair in local:
        ks = sorted(pos.get(x.start, -1) for x in (pair.old, pair.new))
        if pair.aside and kp > ks[1]:  # (the figures of the aside are no obstacle)
            d = len([x for x in figs[ks[1] + 1:kp] if is_amount(x) and x.start not in deltas])
        elif ks[0] < kp < ks[1]:
            d = 0
        elif ks[0] >= 0 and any((x.role in ("multiple", "fraction") or (x.type == "percent" and x.unit == "percent"))
                                # (not the change of the pair's first level itself: "1,200 a month, up 20% from 1,000,
                                # and the plant plans to lift it to 1,500")
                                and not any(a <= x.start < b for a, b in reached.get(id(pair.old), ()))
                                for x in figs[ks[0] + 1:ks[1]]):
            # "rose 4.2% to 78,300 won ..., having more than tripled ... from 24,150 won": a change of its own stands
            # between the pair's levels; the pair is that one's
            continue
        else:
            near = min(ks, key=lambda k: abs(k - kp))
            lo, hi = sorted((near, kp))
            between = [x for x in figs[lo + 1:hi] if is_amount(x) and not _aside(ctx, x)
                       and x.start not in deltas and not change_size(ctx, facts, x, ("change_nouns",))
                       # ("compared with €51.9 billion twelve months earlier, an increase of 32 per cent": a span that
                       # dates the earlier level is no figure between)
                       and not (x.type == "quantity" and _DATING_SPAN_AFTER.match(ctx.text, x.end))]
            d = len(between)
        dist[id(pair)] = d
    if not dist:
        return {}
    best = min(dist.values())
    return {k: v for k, v in dist.items() if v == best}


_DATING_SPAN_AFTER = LazyPattern(r"\s+(?:earlier|before|ago|previously|prior)\b", regex.I)




_CLAUSE_BREAK = LazyPattern(r";|,\s+(?:while|whereas|but|although|though|even\s+though|even\s+as|even\s+if|despite|"
                              r"in\s+spite\s+of)\b|\s[–—]\s+(?:while|whereas|but)\b|"
                              # ", as sales in its ammunition division climbed 61%": a reason clause with its own subject
                              r",\s+as\s+(?:the|a|an|its|their|this|our|his|her|he|she|they|we|it|"
                              r"[\p{L}-]+\s+(?:in|at|of|for|from)\s)|"
                              r",\s+and\s+(?:that\s+)?(?:the|a|an|its|their|this|our|his|her|he|she|they|we|"
                              r"\p{Lu}[\p{L}-]*['’]s)\s|"
                              # ", and over four years they have risen ...": a pronoun subject after a short adverbial
                              r",\s+and\s+[^,;]{0,30}?\b(?:they|it|we|he|she)\s+(?:have|has|had|are|is|was|were|will|would)\b",
                              regex.I)


def _same_clause(ctx: Ctx, facts: Facts, p: Mention, pr: Pair) -> bool:
    """No clause break (";", ", while", ", but", ", and" + a verb: "..., and expects capacity to rise from 100 to
    300") between a trigger and the pair."""
    a = min(p.start, pr.start)
    b = max(p.end, pr.end)
    inner_a, inner_b = min(pr.old.start, pr.new.start), max(pr.old.end, pr.new.end)
    inside = inner_a <= p.start <= inner_b
    gap = ctx.text[a:inner_a] + " " + ctx.text[inner_b:b] if not inside else ""
    if _CLAUSE_BREAK.search(gap):
        return False
    if inside and (_CLAUSE_BREAK.search(ctx.text, p.end, inner_b) or _CLAUSE_BREAK.search(ctx.text, inner_a, p.start)
                   # ("... against 13 in 2023. That means output nearly doubled, and it came in one aircraft above the
                   # guidance of 20": the pair 21/20 spans the trigger, its base in a clause of its own subject)
                   or _AND_PRONOUN.search(ctx.text, p.end, inner_b)):
        # "to 364 ships in 2054, an increase of 23 percent, but would remain 17 ships short of the Navy's goal of 381":
        # a pair whose levels stand on either side of the trigger across a clause break is of the other clause
        return False
    for hit in _AND_THEN.finditer(gap):
        if _predicate_verbs(facts).match(gap, hit.end()):
            return False
    if (p.end <= inner_a and _AND_PRONOUN.search(ctx.text, p.end, inner_a)) or \
            (inner_b <= p.start and _AND_PRONOUN.search(ctx.text, inner_b, p.start)):
        return False  # "nearly 30% larger in value, and on a simple average it works out at ₹643 crore per aircraft,
        # compared with ₹578 crore": a clause of its own subject after ", and" holds a pair of its own (and "output rose
        # to 40 from 20, and we doubled the workforce": the trigger in such a clause is not about the pair before)
    if p.end <= inner_a:
        # "F-15 deliveries tripled as production ramped, and Apache deliveries ... totaled 20, up from 19": after ", and"
        # a subject named by a name the trigger's clause does not give is another subject's pair
        hit = _AND_THEN.search(ctx.text, p.end, inner_a)
        if hit is not None and not ctx.text[hit.end():inner_a].strip():
            return False  # "Imports rose 94%, and 55% of them came from the United States, up from 35%": the pair opens a
            # clause of its own after ", and"
        if hit is not None:
            own = ctx.text[max(ctx.sentence(p.start)[0], ctx.text.rfind(";", 0, p.start) + 1):p.end]
            spans = [(h.start, h.end) for h in facts.measure_hits_in(hit.end(), inner_a)]
            for name in _NAME.finditer(ctx.text, hit.end(), inner_a):
                if any(a0 <= name.start() < b0 for a0, b0 in spans):
                    continue
                if not regex.search(r"(?<![\p{L}\p{N}])" + regex.escape(name.group(0)) + r"(?![\p{L}\p{N}])", own):
                    return False
    if inner_b <= p.start:
        # "C4I revenues were $244.1 million, down 1.5% from $247.9 million, and ISTAR and EW revenues rose 4%": after
        # ", and" a subject named by a name the pair's clause does not give is another subject (measure words such
        # as "EPS" or "EBIT" are no names)
        hit = _AND_THEN.search(ctx.text, inner_b, p.start)
        if hit is not None:
            c0 = max(ctx.sentence(pr.start)[0], ctx.text.rfind(";", 0, inner_a) + 1)
            own = ctx.text[c0:inner_b]
            spans = [(h.start, h.end) for h in facts.measure_hits_in(hit.end(), p.start)]
            for name in _NAME.finditer(ctx.text, hit.end(), p.start):
                if any(a0 <= name.start() < b0 for a0, b0 in spans):
                    continue
                if not regex.search(r"(?<![\p{L}\p{N}])" + regex.escape(name.group(0)) + r"(?![\p{L}\p{N}])", own):
                    return False
    return True


_NAME = LazyPattern(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}&-]*")


_AND_PRONOUN = LazyPattern(r",\s+and\s+(?:[\p{L}-]+\s+){0,4}?(?:it|they|we|he|she|this|these)\s+\p{L}+|"
                           # "..., with the military business growing by 50%": an absolute clause of its own subject
                           r",\s+with\s+(?:the|its|their|our|a)\s+(?:[\p{L}-]+\s+){0,3}?(?:\p{L}+ing|up|down)\b", regex.I)
_AND_THEN = LazyPattern(r",\s+and\s+(?:(?:it|they|we|he|she)\s+)?(?:(?:also|now|then|still)\s+)?", regex.I)


_PREDICATE_LISTS = ("predicate_verbs", "clause_verbs", "increase_words", "decrease_words")
_PREDICATES: dict[int, tuple[Any, Any]] = {}


def _predicate_verbs(facts: Facts) -> Any:
    """Any verb of the lists that open a second predicate, as a whole word (built once per grammar)."""
    g = facts.g
    hit = _PREDICATES.get(id(g))
    if hit is None or hit[0] is not g:
        hit = _PREDICATES[id(g)] = (g, word_pattern_of(tuple(w for n in _PREDICATE_LISTS for w in g.words(n))))
    return hit[1]


_SPAN_UNITS = frozenset({"year", "month", "week", "day", "decade", "quarter"})
_AGO = LazyPattern(r"\s*(?:earlier|ago|before|previously|back|prior)\b", regex.I)


def _dates_a_level(ctx: Ctx, x: Mention) -> bool:
    """A span of time that says when a level was ("20% more than two years earlier"): a time, no level to compare
    with. (Between a pair and a percent after it, "down from 3,967 five years earlier, a fall of 48%", it still counts
    as a figure: the percent may be of the span or of one year of it, so such a reading is doubted.)"""
    return x.type == "quantity" and x.unit in _SPAN_UNITS and _AGO.match(ctx.text, x.end) is not None


def _aside(ctx: Ctx, x: Mention) -> bool:
    """A figure set off in brackets: no obstacle between a trigger and its pair."""
    return "(" in ctx.text[max(0, x.start - 3):x.start]


def _target(ctx: Ctx, p: Mention, facts: Facts | None = None) -> Mention | None:
    """The level a change leads to: the figure after "to", "at", "reaching" right after the trigger, or the
    figure the trigger is set off after ("€1,707 million, up 16%", "224—representing a 128% increase")."""
    s, e = ctx.sentence(p.start)
    after = ctx.numbers_in(p.end, min(e, p.end + 60))
    if after:
        x = after[0]
        gap = ctx.text[p.end:x.start]
        obj = regex.match(r"\s*(?:it|them)\s+", gap)  # "to triple it again, to 930"
        rest = gap[obj.end():] if obj is not None else gap.lstrip()
        again = facts.g.word_pattern("again_words").match(rest) if facts is not None else None
        if again:  # "doubled again, to 45,000"
            gap = rest[again.end():]
        if _TARGET.fullmatch(gap):
            return x if is_amount(x) else None
    before = [x for x in ctx.numbers_in(s, p.start) if is_amount(x)]
    if before:
        gap = ctx.text[before[-1].end:p.start]
        if len(gap) <= 30 and _APPOSITIVE.fullmatch(gap) and not regex.search(r"\b(?:and|from|than|of\s+the)\b", gap) \
                and not (facts is not None and facts.measure_hits_in(before[-1].end, p.start)):
            return before[-1]  # not "orders €11.2 billion, revenues up 11.1%": the percent is of the measure named
    return None


# the span a change names right after it: "58% over the last decade", "up 40% since 2020", "35% in the past five years"
_OWN_SPAN = LazyPattern(r"\s*(?:[\p{L}-]+\s+){0,2}?(?:since\s+(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)?"
                        r"(?P<y>(?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)|(?:over|in|during|across|within)\s+the\s+(?:last|past|previous)\s+"
                        r"(?:(?P<n>\d+|[\p{L}]+)\s+)?(?P<u>years?|decades?)\b)", regex.I)


def _other_span(ctx: Ctx, facts: Facts, p: Mention, pr: Pair) -> bool:
    """Does the change ``p`` name a span of its own ("over the last decade", "since 2020") that the pair's dated levels
    do not span? Only when both levels are dated."""
    m = _OWN_SPAN.match(ctx.text, p.end, min(len(ctx.text), p.end + 70))
    if m is None:
        return False
    y0, y1 = facts.periods.year_of(pr.old), facts.periods.year_of(pr.new)
    if y0 is None or y1 is None:
        return False
    if m.group("y"):
        return int(m.group("y")) != y0
    k: object = 1
    if m.group("n"):
        k = int(m.group("n")) if m.group("n").isdigit() else (ctx.vocab.get("number_words") or {}).get(m.group("n").lower())
    if not isinstance(k, (int, float)):
        return False
    years = float(k) * (10 if m.group("u").lower().startswith("decade") else 1)
    return abs((y1 - y0) - years) > 1


# a pair's span of several periods: "in four interim periods", "over five years", "since 2019"
_SEVERAL_PERIODS = LazyPattern(r"\b(?:(?:in|over|across|within|during)\s+(?:(?:the|those|these)\s+)?(?:(?:past|last|first)\s+)?"
                               r"(?:two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|\d+)\s+(?:[\p{L}-]+\s+)?(?:years|quarters|periods|"
                               r"months|decades)|since\s+(?:19|20)\d\d|in\s+a\s+decade)\b", regex.I)
_OF_BY_END = LazyPattern(r"\b(?:of|by)\s+(?:\p{L}+\s+){0,2}$", regex.I)  # "a rise of (about) €16.7 billion"


# "Stocks have thus grown by", "The fleet has therefore grown by": a sentence that opens on its subject and says its
# change follows from what the text gave ("thus", "therefore"), with only auxiliaries between
_SUBJECT_OPENING = LazyPattern(r"\s*(?:(?:the|its|their|our|this|that|these|those)\s+)?(?P<n>\p{L}[\p{L}-]{2,})\s+"
                               r"(?:(?:has|have|had|is|are|was|were|now|also)\s+)*(?:thus|therefore|hence|consequently|"
                               r"accordingly)\s+(?!(?:in|of|at|for|from|on|by|with|and|or)\b)\p{L}+", regex.I)


def _repeats_subject(ctx: Ctx, si: int, p: Mention) -> bool:
    """"At the end of 2024 the stock stood at 57,000 rounds, ... compared with 36,000 rounds a year earlier. Stocks have
    thus grown by 37%": the trigger's sentence opens on a subject whose noun the sentence before names before its
    first figure, says the change follows ("thus"), and has no figure before the trigger (not "Exports rose to X from
    Y. Exports have nearly tripled since 2015": a change of its own span)."""
    a = ctx.sents[si][0]
    m = _SUBJECT_OPENING.match(ctx.text, a, p.start)
    if m is None or ctx.numbers_in(a, p.start):
        return False
    noun = m.group("n").lower().rstrip("s")
    if len(noun) < 4:
        return False
    b0, b1 = ctx.sents[si - 1]
    first = ctx.numbers_in(b0, b1)
    head = ctx.text[b0:first[0].start if first else b1]
    return any(w.lower().rstrip("s") == noun for w in regex.findall(r"\p{L}[\p{L}-]+", head))


def _own_level_before(ctx: Ctx, facts: Facts, pairs: Pairs, a: int, p: Mention, pair: Pair) -> bool:
    """"It plans 1,300 next year, which would be 30% more than this year's total": a level of the pair's kind between
    the sentence's opening and the trigger is what the trigger compares, not the pair of the sentence before (unlike
    the size of the change: "That is a rise of €16.7 billion, or 44%")."""
    sized = facts.g.word_pattern("change_nouns")
    for x in ctx.numbers_in(a, p.start):
        if not is_amount(x) or x.type == "percent" or x.start in pairs.deltas or x.start in (pair.old.start, pair.new.start) \
                or same_figure(x, pair.new) or not comparable(ctx.vocab, x, pair.new):
            continue
        before = ctx.text[max(a, x.start - 30):x.start]
        if _OF_BY_END.search(before) and sized.search(before):
            continue  # the size of the change
        return True
    return False


def _proximity(ctx: Ctx, facts: Facts, pairs: Pairs, p: Mention, formula: str
               ) -> Iterator[tuple[Mention, Mention, list[Evidence]]]:
    """Two levels of one kind before the trigger: the nearer is the new level, the one before it the old;
    evidence only from anaphora, attachment and a shared measure or counted noun."""
    target = _target(ctx, p, facts)
    if target is not None and target.start in pairs.deltas:
        target = None
    clause_start = ctx.text.rfind(";", 0, p.start) + 1
    window = [x for x in ctx.window(p, before=1) if clause_start <= x.start < p.start and is_amount(x)
              and x.value_high is None and not ctx.is_stated(x) and x.start not in pairs.deltas
              and not (target is not None and x is not target and _is_target_of_other(ctx, x, p))]
    if target is not None and target.start > p.start:
        window.append(target)
    if formula in ("pct_change", "ratio"):
        window = [x for x in window if x.type != "percent"]
    if len(window) < 2:
        return
    new = window[-1]
    olds = [x for x in reversed(window[:-1]) if comparable(ctx.vocab, x, new) and magnitude(x, new) < 20
            and not same_figure(x, new)]
    if not olds:
        return
    # "... about 2.4 times the $7.25 billion of 2021. That figure fell 22% to $13.5 billion": the base of a
    # comparison is not what "that figure" points back to
    pointing = facts.g.word_pattern("strong_anaphora").search(ctx.text[max(olds[0].end, new.start - 50):new.start])
    old = ([x for x in olds if not base_position(ctx, x)] or olds)[0] if pointing else olds[0]
    ev: list[Evidence] = []
    strong = facts.g.word_pattern("strong_anaphora").search(ctx.text[max(old.end, new.start - 50):new.start])
    weak = facts.g.word_pattern("anaphora").search(ctx.text[old.end:new.start])
    if strong:
        ev.append(Evidence("anaphora", f"'{strong.group(0)}' points back to {old.text}",
                           facts.weight("explicit", 3.0), explicit=True))
        if target is new:
            ev.append(Evidence("attached", f"{p.text} is attached to {new.text}", facts.weight("attach", 2.0)))
    elif weak:
        ev.append(Evidence("anaphora", f"'{weak.group(0)}' points back", 0.5))
    if same_noun(ctx.vocab, old, new):
        ev.append(Evidence("same-noun", f"both count {new.unit}", facts.weight("measure", 1.0)))
    mev = facts.measure_evidence(old, new)
    if mev is not None:
        ev.append(mev)
    if ctx.sent_index(old.start) != ctx.sent_index(new.start):
        ev.append(Evidence("distance", "the operands are a sentence apart", facts.weight("distance", -0.5)))
    yield old, new, ev


def _again(ctx: Ctx, facts: Facts, p: Mention) -> str | None:
    """The word that says a change happens again ("doubled again", "rose again by 8%", "rose 8% once more"), right
    after the trigger or between its verb and it, in its clause."""
    pat = facts.g.word_pattern("again_words")
    m = pat.match(ctx.text[p.end:p.end + 20].lstrip()) if ctx.text[p.end:p.end + 1].isspace() else None
    if m:
        return m.group(0)
    s, _ = ctx.sentence(p.start)
    a = max(s, p.start - 25, ctx.text.rfind(",", 0, p.start) + 1, ctx.text.rfind(";", 0, p.start) + 1)
    if ctx.numbers_in(a, p.start):
        return None
    hits = list(pat.finditer(ctx.text, a, p.start))
    return hits[-1].group(0) if hits else None


_OWN_CLAUSE_BREAK = LazyPattern(r";|,\s+(?:and|but|while|whereas)\b", regex.I)


def _own_level(ctx: Ctx, pairs: Pairs, p: Mention) -> Mention | None:
    """The level a change said to happen again is set off after in its clause ("It plans to build 600 in 2025, a
    further 20% increase")."""
    s, _ = ctx.sentence(p.start)
    a = s
    for b in _OWN_CLAUSE_BREAK.finditer(ctx.text, s, p.start):  # "..., and it plans a further 30% increase": none
        a = b.end()
    levels = [x for x in ctx.numbers_in(a, p.start) if is_amount(x) and x.type != "percent" and x.value_high is None
              and x.start not in pairs.deltas]
    return levels[-1] if levels and p.start - levels[-1].end <= 40 else None


def _last_level(ctx: Ctx, pairs: Pairs, p: Mention, target: Mention) -> Mention | None:
    """The last level of the target's kind the text gave before a change that happens again: in its sentence, or
    else in the sentence before in its paragraph."""
    si = ctx.sent_index(p.start)
    for k in (si, si - 1):
        if k < 0 or ctx.para_index(ctx.sents[k][0]) != ctx.para_index(p.start):
            break
        a, b = ctx.sents[k][0], (p.start if k == si else ctx.sents[k][1])
        levels = [x for x in ctx.numbers_in(a, b) if is_amount(x) and x.type == target.type and x.type != "percent"
                  and x.value_high is None and comparable(ctx.vocab, x, target) and not same_figure(x, target)
                  and magnitude(x, target) < 20 and x.start not in pairs.deltas and not ctx.is_stated(x)
                  and not bracket_restatement(ctx, x)
                  # (nor the base of a comparison: "€279 billion in 2023, 10 per cent more than in 2022 (€254 billion),
                  # and ... a further 17 per cent to €326 billion")
                  and not base_position(ctx, x)
                  # (not "21 vehicles a month" before "raised by a further 40% to 350 a year": a rate of another period)
                  and not ((pt := per_time(ctx, x)) and (pg := per_time(ctx, target)) and pt != pg)]
        if levels:
            x = levels[-1]
            later = [pr.new for pr in pairs.with_old(x) if pr.new is not target and not same_figure(pr.new, target)]
            return later[0] if later else x  # "500 in 2024, up from 350 in 2023": the later level is 500
    return None


def _is_target_of_other(ctx: Ctx, x: Mention, p: Mention) -> bool:
    """x is the level another change in the text leads to ("rose 28% to 1.3 billion euros; ... climbed 93%"):
    not the earlier level of this one."""
    s, _ = ctx.sentence(x.start)
    before = ctx.text[max(s, x.start - 40):x.start]
    return bool(regex.search(r"\d\s*(?:%|per\s*cent|percent)[\p{L}\s-]{0,25}\b(?:to|at|reaching)\s+(?:\p{L}+\s+){0,2}$",
                             before, regex.I))


def _quote(ctx: Ctx, mt: Match, limit: int = 60) -> str:
    s = " ".join(ctx.text[mt.start:mt.end].split())
    return s if len(s) <= limit else s[:limit - 1] + "…"
