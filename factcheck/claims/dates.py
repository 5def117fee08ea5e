"""Dates and spans: ``duration`` claims ("from 2024 to 2031, a six-year programme", "12 months later",
"less than ten months after the contracts were signed") and the release's own date (its dateline),
which also chooses the year of the reference rates for currency conversions.

A date written as a year alone stands for the whole year, a month-year for the whole month: a span
between two such dates is an interval, and the stated span holds when it rounds to a value inside it.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from ..extract import fastregex as regex
from ..extract.lazy import LazyPattern, rx
from ..extract.lexicon import MONTHS
from ..model import Claim, Evidence, Mention, Relation
from .reading import is_amount
from .scope import Ctx


@dataclass(frozen=True)
class Period:
    """A date as precise as it was written: [first day, last day]."""

    first: date
    last: date
    text: str = ""

    @property
    def mid(self) -> date:
        return date.fromordinal((self.first.toordinal() + self.last.toordinal()) // 2)


_Y = r"((?:1[89]|20)\d\d)"


@lru_cache(maxsize=4096)
def parse_period(text: str, ranges: bool = False) -> Period | None:
    """"Sept. 29, 2025", "15 October 2024", "July 2023", "2018", "fiscal 2026", "FY31", "Q4 2025", "mid-2024". With
    ``ranges``, a range of years ("1992–96") is all its years; else its first (the year a rate or a budget is of)."""
    t = text.strip()
    low = t.lower()
    m = regex.search(r"(?i)\b(?:fiscal|fy)\s*(?:years?\s+)?'?(\d{4}|\d\d)\b", t)
    if m:
        y = int(m.group(1))
        y = y + 2000 if y < 100 else y
        return Period(date(y - 1, 10, 1), date(y, 9, 30), t)  # US federal fiscal year
    m = regex.search(r"\bQ([1-4])\s*'?" + _Y, t)
    if m:
        q, y = int(m.group(1)), int(m.group(2))
        return Period(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), t)
    # "the third quarter of 2025", "fourth quarter 2025", "3Q 2025", "1st quarter of 2028"
    m = regex.search(r"(?i)\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?|([1-4])Q)\s*'?" + _Y, t)
    if m:
        q = int(m.group(2)) if m.group(2) else _QUARTER_WORDS[m.group(1).lower()]
        y = int(m.group(3))
        return Period(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), t)
    m = regex.search(r"\bH([12])\s*'?" + _Y, t)
    if m:
        h, y = int(m.group(1)), int(m.group(2))
        return Period(date(y, 1 if h == 1 else 7, 1), _month_end(y, 6 if h == 1 else 12), t)
    m = regex.search(r"(?i)\b(first|second)\s+half\s+of\s+" + _Y, t)
    if m:
        y = int(m.group(2))
        h = 1 if m.group(1).lower() == "first" else 2
        return Period(date(y, 1 if h == 1 else 7, 1), _month_end(y, 6 if h == 1 else 12), t)
    rm = _YEARS_SPANNED.fullmatch(t) if ranges else None
    if rm is not None:  # "1992–96", "2015-2019": the years from the first to the last (not "2024–25", a fiscal year)
        y0, y1 = int(rm.group(1)), int(rm.group(2))
        y1 = y1 if y1 >= 100 else y0 // 100 * 100 + y1
        if y1 - y0 >= 2:
            return Period(date(y0, 1, 1), date(y1, 12, 31), t)
    ym = regex.search(_Y, t)
    month = None
    for w in regex.findall(r"[A-Za-z]+", t):
        if w.lower() in MONTHS and (w[0].isupper() or len(w) > 3):
            month = MONTHS[w.lower()]
            break
    day = None
    # ("May 21, 2025" is "May 21, " once the year is taken out: a comma after the day, not a digit group)
    dm = regex.search(r"(?<![\d,])(\d{1,2})(?:st|nd|rd|th)?(?!\d|,\d)", regex.sub(_Y, "", t))
    if dm and month:
        day = int(dm.group(1))
    if not ym:
        return None
    y = int(ym.group(1))
    part = regex.search(r"(?i)\b(early|mid|late|end)\b", low)
    if month and day:
        try:
            d = date(y, month, day)
        except ValueError:
            return None
        return Period(d, d, t)
    if month:
        return Period(date(y, month, 1), _month_end(y, month), t)
    if part:
        p = part.group(1).lower()
        if p == "early":
            return Period(date(y, 1, 1), date(y, 4, 30), t)
        if p == "mid":
            return Period(date(y, 5, 1), date(y, 8, 31), t)
        return Period(date(y, 9, 1), date(y, 12, 31), t)
    return Period(date(y, 1, 1), date(y, 12, 31), t)


_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_YEARS_SPANNED = LazyPattern(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)?\d\d)")


def _month_end(y: int, m: int) -> date:
    """The month's last day: the day before the next month's first (no ``calendar`` import: ~4 ms of start-up)."""
    return date.fromordinal(date(y + m // 12, m % 12 + 1, 1).toordinal() - 1)


def document_date(ctx: Ctx) -> Period | None:
    """The dateline: the first date in the first 400 characters, before the first dash of the lead."""
    cached = getattr(ctx, "_document_date", False)
    if cached is False:
        cached = _document_date(ctx)
        ctx._document_date = cached  # type: ignore[attr-defined]
    return cached  # type: ignore[return-value]


def _document_date(ctx: Ctx) -> Period | None:
    if ctx.as_of:
        return Period(ctx.as_of, ctx.as_of, "--as-of")
    head = ctx.text[:400]
    cut = regex.search(r"\s[—–-]{1,2}\s", head)
    zone_end = cut.start() if cut else 0
    own_line = _dateline_line(ctx)
    if own_line is not None and (not cut or own_line[1] < cut.start()):
        zone_end = own_line[1]  # "Seoul/Warsaw, 14 October 2025" on a line of its own
    # the most precise date there: "8 January 2025" in the dateline, not "in 2024" in the headline above it
    best: Period | None = None
    for d in ctx.dates_in(0, zone_end):
        p = parse_period(d.text)
        if p and (best is None or (p.last - p.first) < (best.last - best.first)):
            best = p
    head_end = ctx.text.find("\n", 0, 400)
    if best is None and cut is not None and 0 < head_end and cut.start() < head_end:
        # "THEON INTERNATIONAL PLC – Capital Markets Day: ..." over "Athens, 27 May 2025 – THEON ...": the dash of the
        # headline is not the dateline's; the dateline stops at the first dash after the headline
        cut2 = _DASH_CUT.search(head, head_end)
        for d in ctx.dates_in(head_end, cut2.start()) if cut2 else []:
            p = parse_period(d.text)
            if p and (best is None or (p.last - p.first) < (best.last - best.first)):
                best = p
    if best is None and cut is not None:
        # "FALLS CHURCH, Va. – May 21, 2025 – Northrop Grumman ...": a whole date set off between the dateline's place
        # and the lead by two dashes
        for d in ctx.dates_in(cut.end(), cut.end() + 40):
            p = parse_period(d.text)
            if p and p.first == p.last and d.start <= cut.end() + 2 and _DASH_CUT.match(ctx.text, d.end):
                best = p
            break
    if best is None:
        # a masthead line above the headline: "AMMUNITION WATCH – 6 December 2024", "Defence Weekly | Issue 48 | 2 March
        # 2025" (a whole date, day and month, on the first line, after the dash the dateline would stop at)
        first_end = ctx.text.find("\n", 0, 160)
        for d in ctx.dates_in(0, first_end) if first_end > 0 else []:
            p = parse_period(d.text)
            if p and p.first == p.last and (best is None or p.first < best.first):
                best = p
    if best is None or (best.last - best.first).days > 31:
        # ... or a byline under the headline, a short line that ends on its date: "Library of Parliament | In Brief |
        # Publication No. 2025-31-E | 30 June 2025", "Virginia Economic Development Partnership – Research Division,
        # March 2025" (a day or a month, not a year alone)
        pos = 0
        for _ in range(3):
            end = ctx.text.find("\n", pos, pos + 161)
            if end < 0:
                break
            line = ctx.text[pos:end]
            if line.strip():
                ds = ctx.dates_in(pos, end)
                p = parse_period(ds[-1].text) if ds else None
                if p is not None and not line[ds[-1].end - pos:].strip(" .") and p.first.month == p.last.month and \
                        p.first.year == p.last.year and pos > 0:
                    # (more precise than a year the headline names: "... initial capability now 2027" over "Air & Space
                    # desk – 21 May 2025")
                    best = p
                    break
            pos = end + 1
    if best is not None:
        return best
    if ctx.doc.date is not None:  # the release's own metadata (Markdown front matter `date:`)
        return Period(ctx.doc.date, ctx.doc.date, "date:")
    return None


_NOW_WORD = LazyPattern(r"\bnow\b", regex.I)
_RESPECTIVELY = LazyPattern(r"\s*,?\s*respectively\b", regex.I)
_DASH_CUT = LazyPattern(r"\s[—–-]{1,2}\s")
# ... with the base's figure between: "compared with SEK 1.95 billion in the final quarter of 2024", "up from ¥1.0
# trillion in fiscal 2023"
_COMPARED_DATE = LazyPattern(r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?|against|up\s+from|down\s+from|since)\s+"
                             r"(?:(?:[\p{Sc}]|[A-Z]{3}\s?)?\d[\d.,]*\s*(?:[\p{L}]+\s+){0,3}?(?:in|at|for|during)\s+)?(?:in\s+|at\s+)?"
                             r"(?:the\s+)?(?:(?:same|previous|prior|comparable|final|first|second|third|fourth|last)\s+"
                             r"(?:period|quarter|half|months?)\s+(?:of|in)\s+)?(?:(?:fiscal|financial|calendar)\s+(?:year\s+)?)?$",
                             regex.I)


def date_near(ctx: Ctx, m: Mention) -> Period | None:
    """The date a figure belongs to: a date in its sentence that is not after the release's own date
    (a delivery in 2031 says nothing of the rate used), else the dateline, else any date in the sentence."""
    doc_d = document_date(ctx)
    si = ctx.sent_index(m.start)
    compared = False
    for k in (si, si - 1):
        if k < 0 or ctx.para_index(ctx.sents[k][0]) != ctx.para_index(m.start):
            continue
        a, b = ctx.sents[k]
        best = None
        best_apart = False
        nearest = None  # in the figure's own sentence, the date nearest before it ("in 2016 for 36 ..., and in April
        for d in ctx.dates_in(a, b):  # 2025 for 26 ... for ₹63,000 crore (about €6.5 billion)": April 2025)
            if _COMPARED_DATE.search(ctx.text, max(a, d.start - 70), d.start):
                if k == si:
                    compared = True
                continue  # "net income of TRY 3.6 billion ($106 million), 133% more than in the first half of 2023": the
                # period compared with is another period's
            if d.start >= _dateline_end(ctx) and not _names_a_thing(ctx, d):
                p = parse_period(d.text)
                if p is None or (doc_d is not None and p.first > doc_d.last):
                    continue
                if k == si and d.start >= m.end and _ATTACHED_AFTER.fullmatch(ctx.text, m.end, d.start):
                    return p  # "has risen to 2,050,000 won (about $1,400) in 2025": the date attached to the figure
                apart = k == si and _CLAUSE_BREAK.search(ctx.text, min(d.end, m.end), max(d.start, m.start)) is not None
                if best is None or (best_apart and not apart) or \
                        (apart == best_apart and (p.last - p.first) < (best.last - best.first)):
                    best, best_apart = p, apart  # (the figure's own clause first: "... in 2019, but the firm booked TRY
                    # 40 billion (about $1.05 billion) of new orders in 2025")
                if k == si and d.end <= m.start and (p.last - p.first).days <= 366 and \
                        not _CLAUSE_BREAK.search(ctx.text, d.end, m.start):
                    nearest = p  # (not "down from 21 months until 2018, and a sergeant's pay ...": another clause's)
        if nearest:
            return nearest
        if best:
            return best
    # a paragraph headed by its period ("2018 — THE US NAVY ARRIVES. ...", "Q1 2023. Sales rose ..."): a timeline's or a
    # round-up's entry is of that period
    pa = ctx.paras[ctx.para_index(m.start)][0]
    head = _PERIOD_HEAD.match(ctx.text, pa, min(m.start, pa + 40))
    if head is not None and head.end() <= m.start:
        p = parse_period(head.group("when"))
        if p is not None and not (doc_d is not None and p.first > doc_d.last):
            return p
    if doc_d:
        return doc_d
    # (with no dateline, a sentence that dates only its comparison's base - "compared with SEK 1.95 billion in the final
    # quarter of 2024" - is of a later period: the latest date the text names is no surer)
    return None if compared else _latest(ctx)


_ATTACHED_AFTER = LazyPattern(r"(?:\s*\([^()]{0,40}\))?\s*,?\s*(?:in|for|during|as\s+of)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+"
                              r"(?:year\s+)?)?", regex.I)
_PERIOD_HEAD = LazyPattern(r"\s*(?:[-•*·]\s*)?(?P<when>(?:(?:Q[1-4]|H[12]|FY|fiscal)\s*)?(?:19|20)\d\d)\s*(?:—|–|-\s|:|\.|\|)",
                           regex.I)


def _dates_a_base(ctx: Ctx, d: Mention) -> bool:
    """Is ``d`` the date of a level that is a comparison's base ("twice the €32 billion of 2017")?"""
    from .pairs import base_position

    before = [x for x in ctx.numbers_in(max(0, d.start - 40), d.start) if x.type in ("currency", "count", "quantity")]
    # ("three times the 1,000 it produced in early 2023": a short clause of the base's own may stand between)
    return bool(before) and _BASE_DATED.fullmatch(ctx.text, before[-1].end, d.start) is not None and \
        base_position(ctx, before[-1])


_BASE_DATED = LazyPattern(r"\s*(?:(?:it|they|we|which|that)\s+[\p{L}-]+\s+)?(?:of|in|for|during|by)\s+"
                          r"(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of)[\s-]+)?", regex.I)


def _latest(ctx: Ctx) -> Period | None:
    """The latest date the text names (computed once per document)."""
    hit = getattr(ctx, "_latest_date", False)
    if hit is False:
        latest = [p for d in ctx.dates if (p := parse_period(d.text))]
        hit = max(latest, key=lambda p: p.first) if latest else None
        ctx._latest_date = hit  # type: ignore[attr-defined]
    return hit  # type: ignore[return-value]


_TIME_WORDS = frozenset("""in by since during until from through to of early mid late end fiscal calendar financial
year summer spring autumn fall winter the between after before and or for on at as around about circa""".split())


def _names_a_thing(ctx: Ctx, d: Mention) -> bool:
    """"Defence Acquisition Procedure 2020", "Vision 2030": a year that is part of a name, not when something happened."""
    if not regex.fullmatch(r"(?:19|20)\d\d", d.text.strip()):
        return False
    wm = regex.search(r"\b(\p{Lu}[\p{L}-]+)\s+$", ctx.text[max(0, d.start - 30):d.start])
    return bool(wm) and wm.group(1).lower() not in _TIME_WORDS and wm.group(1).lower() not in MONTHS


def _modifies_noun(ctx: Ctx, d: Mention) -> bool:
    """"the 2024–2028 plan", "its 2025 budget": a date between a determiner and the noun it qualifies."""
    if not _DETERMINER_BEFORE.search(ctx.text, max(0, d.start - 8), d.start):
        return False
    nxt = _WORD_AFTER.match(ctx.text, d.end)
    return nxt is not None and nxt.group(1).lower() not in _FUNCTION_WORDS


_DETERMINER_BEFORE = LazyPattern(r"(?<![\p{L}\p{N}])(?:the|its|their|this|that|our|his|her)\s+$", regex.I)
_WORD_AFTER = LazyPattern(r"\s+(\p{Ll}[\p{L}-]*)")
_FUNCTION_WORDS = frozenset("to and or through until till when while was were is are had has have will would of in on at "
                            "by for from with as than that which and but".split())


# ----------------------------------------------------------------------------- durations
_UNIT_DAYS = {"year": 365.2425, "month": 30.436875, "week": 7.0, "day": 1.0, "decade": 3652.425}
_AFTER = LazyPattern(r"^\s*(?:later|after|before|since|ago|earlier|on|of|in|to|extension|programme|program|"
                     r"deal|agreement|contract|concession|plan|period|delay|freeze|pause|gap|wait|negotiations?|"
                     r"talks|trials)\b", regex.I)


def _spans(ctx: Ctx) -> list[Mention]:
    """Time spans: the quantities in years, months... plus "a year after", which is no figure of its own
    (computed once per document)."""
    cached = getattr(ctx, "_time_spans", None)
    if cached is not None:
        return cached
    out = [q for q in ctx.amounts if q.type == "quantity" and q.unit in _UNIT_DAYS]
    taken = sorted((m.start, m.end) for m in ctx.mentions)
    starts = [a for a, _ in taken]
    for m in _A_YEAR.finditer(ctx.text):
        k = bisect.bisect_left(starts, m.end())
        if k and taken[k - 1][1] > m.start():
            continue  # inside a mention
        out.append(Mention(m.start(), m.end() - 1, ctx.text[m.start():m.end() - 1], "quantity", 1.0,
                           m.group(1).lower(), half_step=0.5, num_start=m.start(), num_end=m.start() + 1, word=True))
    out.sort(key=lambda q: q.start)
    ctx._time_spans = out  # type: ignore[attr-defined]
    return out


_COVERAGE: dict[int, tuple[Any, Any]] = {}


def _coverage_pattern(ctx: Ctx) -> Any:
    """"of revenues", "of current sales", "worth of output": after a span of time (coverage_nouns in linking.yaml)."""
    words = (((ctx.vocab.get("linking") or {}).get("words") or {}).get("coverage_nouns")) or []
    if not words:
        return None
    key = id(words)
    hit = _COVERAGE.get(key)
    if hit is None or hit[0] is not words:
        alt = "|".join(regex.escape(str(w)) for w in sorted(words, key=len, reverse=True))
        # (the yearly amount may be given: "about 2.6 years of the €20.6 billion of sales recorded in 2024")
        pat = rx(r"\s+(?:worth\s+)?of\s+(?:(?:the|its|their|our|current|annual|yearly|this\s+year['’]s|last\s+year['’]s|"
                 r"[\p{L}-]+['’]s)\s+){0,2}(?:\S{0,4}\d[\d.,]*\s*(?:(?:thousand|million|billion|trillion|bn|mn|m|tn)\s+)?"
                 r"(?:of\s+|in\s+)?)?(?:(?:(?:FY|fiscal\s+)?(?:19|20)\d\d(?:[-/]\d\d)?|the\s+year['’]s|group|annual|"
                 r"full-year)\s+)?(?:" + alt + r")\b", regex.I)
        hit = _COVERAGE[key] = (words, pat)
    return hit[1]


def _coverage_claim(ctx: Ctx, q: Mention, end: int) -> bool:
    """A coverage that gives its yearly amount ("an order book of €52.6 billion, equivalent to about 2.6 years of the
    €20.6 billion of sales recorded in 2024"): the amount before it in its sentence over the yearly one, a multiple
    stated in years. Claimed when the coverage phrase (ending at ``end``) holds one amount and the sentence gives one of
    its kind before the span; True when claimed."""
    if q.unit != "year" or q.value_high is not None or not q.value:
        return False
    yearly = [x for x in ctx.numbers_in(q.end, end) if is_amount(x)]
    if not yearly and (after := _COVERAGE_AMOUNT_AFTER.match(ctx.text, end)):
        # ("nearly four years of 2024 revenue of NOK 24.8 billion": the yearly amount right after its noun)
        yearly = [x for x in ctx.numbers_in(after.end(), after.end() + 60) if x.start == after.end() and is_amount(x)]
    if len(yearly) != 1 or not yearly[0].value:
        return False
    y = yearly[0]
    stocks = [x for x in ctx.numbers_in(ctx.sentence(q.start)[0], q.start)
              if is_amount(x) and x.type == y.type and x.unit == y.unit and (x.value or 0) > 0]
    if not stocks:
        return False
    stock = stocks[-1]
    ev = Evidence("coverage", f"'{q.text} of {y.text}': {stock.text} over the yearly {y.text}", 4.0, True)
    ctx.add(Claim("multiple", (q.start, q.end), q, readings=(Relation("ratio", (y, stock), (ev,)),)))
    return True


_COVERAGE_AMOUNT_AFTER = LazyPattern(r"\s+(?:of|at)\s+(?:(?:about|around|some|roughly|nearly|almost)\s+)?", regex.I)


def _plan_before(ctx: Ctx, s: int) -> Period | None:
    """The last date of the sentence before the one starting at ``s`` (in its paragraph) that is named as a plan's."""
    si = ctx.sent_index(s)
    if si == 0 or ctx.para_index(ctx.sents[si - 1][0]) != ctx.para_index(s):
        return None
    named = [d for d in ctx.dates_in(*ctx.sents[si - 1]) if _plan_named(ctx, d)]
    return parse_period(named[-1].text) if named else None


def _plan_named(ctx: Ctx, d: Mention) -> bool:
    """Is the date ``d`` said to be a plan's, a schedule's or the first one ("once planned for 2029", "originally due in
    2027", "the March 2027 target"): a plan word (linking words plan_words) in the 60 characters before it, in its
    sentence, or right after it?"""
    pat = _linking_words(ctx, "plan_words")
    if pat is None:
        return False
    s0 = ctx.sentence(d.start)[0]
    return pat.search(ctx.text, max(s0, d.start - 60), min(len(ctx.text), d.end + 12)) is not None


def _deadline_before(ctx: Ctx, lo: int, d: Mention) -> bool:
    """Is the date ``d`` named as a deadline or an expected date ("its contractual delivery date of November 2024", "is
    not expected to be launched before 2032"): a word of linking words deadline_words at most 25 characters before it,
    no comma or stop between (looking no further back than ``lo``)?"""
    pat = _linking_words(ctx, "deadline_words")
    if pat is None:
        return False
    for m in pat.finditer(ctx.text, max(lo, d.start - 40), d.start):
        gap = ctx.text[m.end():d.start]
        if len(gap) <= 25 and not any(c in gap for c in ",;."):
            return True
    return False


def _bound_before(ctx: Ctx, lo: int, d: Mention) -> bool:
    """Is the date ``d`` given as a bound ("before 2015", "prior to 2010"): a word of linking words bound_words right
    before it, or with only "the end/start of" between (looking no further back than ``lo``)?"""
    pat = _linking_words(ctx, "bound_words")
    if pat is None:
        return False
    for m in pat.finditer(ctx.text, max(lo, d.start - 30), d.start):
        if _BOUND_GAP.fullmatch(ctx.text, m.end(), d.start) and \
                not _NEGATED.search(ctx.text, max(lo, m.start() - 40), m.start()):
            return True  # (but "not expected before 2029", "no earlier than October 2031": the date is the moment)
    return False


def _target_by(ctx: Ctx, lo: int, d: Mention) -> bool:
    """Is the date ``d`` a target: right after "by" (or "by the end of"), with a word of linking words intent_words in
    the 80 characters before it, in its sentence (looking no further back than ``lo``)?"""
    if not _BY_BEFORE.search(ctx.text, max(lo, d.start - 20), d.start):
        return False
    pat = _linking_words(ctx, "intent_words")
    return pat is not None and pat.search(ctx.text, max(lo, d.start - 80), d.start) is not None


_BY_BEFORE = LazyPattern(r"\bby\s+(?:the\s+(?:end|start|middle)\s+of\s+)?$", regex.I)
_RELATIVE_ASIDE = LazyPattern(r",\s+(?:whose|which|who|where)\b[^,;]*$", regex.I)
_IN_BEFORE = LazyPattern(r"\bin\s+$", regex.I)
_BOUND_GAP = LazyPattern(r"\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?", regex.I)
_NEGATED = LazyPattern(r"\b(?:not|no|never)\b[^,;.]{0,30}$", regex.I)


_WORD_LISTS: dict[int, tuple[Any, Any]] = {}
_YEARS_NEAR_AFTER = LazyPattern(r"[^.;]{0,30}?(?:19|20)\d\d\s*(?:to|through|until|[-–])\s*(?:19|20)?\d\d\b", regex.I)
_PLANNED_DATE_BEFORE = LazyPattern(r"\b(?:scheduled|due|expected|planned|slated|set|foreseen)\s+(?:to\s+\p{L}+\s+)?"
                                   r"(?:from|for|in|by|until|before)\s+(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+|"
                                   r"early\s+|mid-?|late\s+)?$", regex.I)
_NOUN_AFTER_SPAN = LazyPattern(r"[^\S\n]+(?:[\p{L}-]+[^\S\n]+)?")  # (a word may stand between: "five-year defence budget")


def _linking_words(ctx: Ctx, name: str) -> Any:
    """Any one of linking words ``name`` as a whole word (built once per vocabulary list); None for an empty or missing
    list."""
    from .grammar import word_pattern_of

    words = (((ctx.vocab.get("linking") or {}).get("words") or {}).get(name)) or []
    if not words:
        return None
    hit = _WORD_LISTS.get(id(words))
    if hit is None or hit[0] is not words:
        hit = _WORD_LISTS[id(words)] = (words, word_pattern_of(tuple(str(w) for w in words)))
    return hit[1]


def _at_end_named(t: str, d: Mention, p: Period) -> Period:
    """``p``, or its last day when the text names its end ("eight years after the end of the 2023-24 reporting
    period", "after the end of fiscal 2025")."""
    if _END_OF_BEFORE.search(t, max(0, d.start - 24), d.start):
        return Period(p.last, p.last, f"the end of {p.text}")
    return p


_END_OF_BEFORE = LazyPattern(r"\bthe\s+end\s+of\s+(?:the\s+)?$", regex.I)

def _summed_span(ctx: Ctx, q: Mention) -> bool:
    """Is the span ``q`` a sum over many periods: one of linking words summed_span_words in the 25 characters before it
    ("a combined 2,360 days", "a total of 900 days")?"""
    pat = _linking_words(ctx, "summed_span_words")
    s0 = ctx.sentence(q.start)[0]
    hit = pat.search(ctx.text, max(s0, q.start - 25), q.start) if pat is not None else None
    if hit is None:
        return False
    # (not a total set right after the one range it measures: "ran from Sept. 23, 2024 to June 1, 2025, a total of 251
    # days"; "combined" sums whatever comes before: "from 1983 to 1995 and again from 2000 until 2022, a combined 34")
    last = ctx.dates_in(s0, q.start)[-1:]
    return "total" not in hit.group(0).lower() or not (last and _RIGHT_AFTER_RANGE.fullmatch(ctx.text, last[0].end, q.start))


def _life_length(ctx: Ctx, q: Mention) -> bool:
    """Is the span ``q`` a length each of a range's things is built or kept for: the sentence joins two dates as a range
    before it ("commissioned between 1981 and 1997", "built from 2005 to 2012") and one of linking words life_nouns
    stands between the range and the span ("whose service lives have been stretched to 42 years", "a design life of 30
    years")? Not a life the dates bound ("extended from 2077 to 2088, eleven years longer"), nor one two separate
    dates give ("entered service in 2014 and ... runs until 2032, giving it a service life of 18 years")."""
    pat = _linking_words(ctx, "life_nouns")
    if pat is None:
        return False
    s0 = ctx.sentence(q.start)[0]
    dated = ctx.dates_in(s0, q.start)
    if len(dated) < 2 or not _joined_range(ctx, dated[-2], dated[-1]):
        return False
    return pat.search(ctx.text, dated[-1].end, q.start) is not None


def _dated_event_after(ctx: Ctx, q: Mention) -> bool:
    """Does a participle of an event (linking words dating_participles) follow the span's noun in its clause, before the
    sentence's first date after it ("50-year ground leases signed between 1999 and 2009")?"""
    pat = _linking_words(ctx, "dating_participles")
    s1 = ctx.sentence(q.start)[1]
    after = ctx.dates_in(q.end, s1)
    if pat is None or not after:
        return False
    hit = pat.search(ctx.text, q.end, after[0].start)
    return hit is not None and not regex.search(r"[,;:]", ctx.text[q.end:hit.start()]) and \
        _EVENT_TO_DATE.fullmatch(ctx.text, hit.end(), after[0].start) is not None


# what stands between an event's participle and its date: "signed between", "issued in", "awarded from"
_EVENT_TO_DATE = LazyPattern(r"\s+(?:(?:[\p{L}-]+\s+){0,3}?)(?:between|in|from|during|over|since|on)\s+(?:the\s+)?",
                             regex.I)


def _delay_of_a_range(ctx: Ctx, q: Mention) -> bool:
    """Is the span a delay (linking words delay_nouns right before or after it) and its two dates the ends of a range
    ("between A and B"), the new date's range rather than the move from the old date to the new?"""
    pat = _linking_words(ctx, "delay_nouns")
    if pat is None:
        return False
    s0 = ctx.sentence(q.start)[0]
    named = regex.search(r"(?:^|\W)(\p{L}[\p{L}\s-]*?)\s+(?:of|by)\s+(?:about\s+|some\s+|around\s+|up\s+to\s+)?$",
                         ctx.text[max(s0, q.start - 40):q.start])
    delay = (named is not None and pat.search(named.group(1)) is not None) or \
        pat.match(ctx.text, q.end + len(ctx.text[q.end:q.end + 3]) - len(ctx.text[q.end:q.end + 3].lstrip())) is not None
    if not delay:
        return False
    dated = ctx.dates_in(s0, q.start)
    return len(dated) >= 2 and _joined_range(ctx, dated[-2], dated[-1]) and \
        regex.search(r"\bbetween\s+(?:the\s+)?$", ctx.text[max(s0, dated[-2].start - 15):dated[-2].start]) is not None


def _joined_range(ctx: Ctx, d0: Mention, d1: Mention) -> bool:
    """Does the text join two dates as a range's ends ("from 2024 to 2031", "between 2000 and 2004", "since 2006 and")?"""
    t = ctx.text
    s = ctx.sentence(d0.start)[0]
    return bool(regex.fullmatch(r"\s*(?:to|and|through|until|till|[-–])\s*(?:the\s+end\s+of\s+)?", t[d0.end:d1.start])
                and regex.search(r"\b(?:from|between|since)\s+(?:the\s+)?$", t[max(s, d0.start - 15):d0.start]))


_RIGHT_AFTER_RANGE = LazyPattern(r"\s*[,–—-]\s*(?:(?:a|the|some|about|nearly|almost|over|more\s+than|[\p{L}]+)\s+){0,4}")


def _horizon(ctx: Ctx, d: Mention) -> bool:
    """Is the date ``d`` a plan's horizon ("targets to 2030", "its roadmap out to 2035", "guidance for 2028"): one of
    linking words horizon_nouns, at most three words before "to", "for", "until" or "through" and the date?"""
    pat = _linking_words(ctx, "horizon_nouns")
    if pat is None:
        return False
    s0 = ctx.sentence(d.start)[0]
    before = ctx.text[max(s0, d.start - 60):d.start]
    tail = _HORIZON_TAIL.search(before)
    return tail is not None and pat.search(tail.group(0)) is not None


# what stands between a plan's noun and its horizon: "targets to", "roadmap out to", "guidance for 2028", "plan for the
# period to" (up to three words, then the preposition, at the end of the text before the date)
_HORIZON_TAIL = LazyPattern(r"(?<![\p{L}\p{N}])[\p{L}-]+(?:\s+[\p{L}&-]+){0,3}?\s+(?:(?:out|up)\s+)?(?:to|for|until|through)\s+"
                            r"(?:(?:the\s+)?(?:end\s+of|year)\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?)?$", regex.I)


# an amount of time given as another restated: "33,700 more days in maintenance ... — equal to more than 90 years of ship
# time" (a figure with a unit of time, then "equal to", "equivalent to" or ", or" and a hedge before the span)
_RESTATES_TIME = LazyPattern(r"\d[\d,.]*\s*(?:more\s+|additional\s+|extra\s+)?(?:days?|weeks?|months?|hours?|years?)\b[^.;]{0,100}?"
                             r"(?:equal\s+to|equivalent\s+to|the\s+equivalent\s+of|,\s*or)\s+(?:(?:more\s+than|over|about|around|"
                             r"almost|nearly|some|roughly|just\s+under|just\s+over)\s+)?$", regex.I)


def _listed(ctx: Ctx, q: Mention, d0: Period, d1: Period) -> bool:
    """Are the two dates items of a list in the span's sentence ("due in 2027 and 2028", "in 2025, 2026 and 2027"), not
    the ends of a span ("between 2027 and 2028")?"""
    s, e = ctx.sentence(q.start)
    pat = rx(r"(?<!\bbetween\s)(?<![\p{L}\p{N}])" + regex.escape(d0.text) +
             r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:in\s+|by\s+)?" + regex.escape(d1.text) + r"(?![\p{L}\p{N}])",
             regex.I)
    return pat.search(ctx.text, s, e) is not None


# "a year later", "one month before"; not "the 2.60 trillion won of a year earlier", "from a year ago": after a
# preposition it names the prior period, it claims no span
_A_YEAR = LazyPattern(r"(?<!\b(?:of|from|than|with|against|versus|vs\.?|on|over|since|in|to)\s)"
                      r"\b(?:a|one)\s+(year|month|decade|week)\s+(?=after|later|before|earlier|ago)\b", regex.I)


_ADDED_SPAN_BEFORE = LazyPattern(r"\b(?:a\s+further|another|an\s+additional|an\s+extra|additional|extra|further|up\s+to\s+"
                                 r"(?:a\s+further|another))\s+(?:(?:about|around|some|roughly|up\s+to)\s+)?$", regex.I)
_FOR_BEFORE = LazyPattern(r"\bfor\s+(?:(?:about|around|some|roughly|nearly|almost|more\s+than|over|up\s+to|just|another|"
                          r"a\s+further)\s+)?$", regex.I)
_AFTER_EVENT = LazyPattern(r"\s+(?:after|following)\b", regex.I)
_COMPARED_SPAN_BEFORE = LazyPattern(r"\b(?:against|compared\s+(?:with|to)|versus|vs\.?|(?<!\b(?:more|less|fewer|longer|"
                                   r"shorter|other)\s)than|instead\s+of)\s+"
                                   r"(?:the|an?|its|their|his|her|our)?\s*(?:(?:original|originally|initial|initially|"
                                   r"planned|expected|scheduled|estimated|targeted|first|earlier)\s+)?"
                                   r"(?:(?:about|around|some|roughly|nearly|almost)\s+)?$", regex.I)
_ADDED_SPAN_AFTER = LazyPattern(r"\s+(?:more|extra|additional)\b", regex.I)


def find(ctx: Ctx) -> None:
    rule = ctx.rules.rule("duration")
    counting_rule = (rule.options.get("counting", "either") if rule else "either")
    coverage = _coverage_pattern(ctx)
    for q in _spans(ctx):
        if ctx.is_stated(q):
            continue
        counting = counting_rule
        if _RESTATES_TIME.search(ctx.text, max(ctx.sentence(q.start)[0], q.start - 160), q.start):
            ctx.skip("duration", q, "an amount of time restating another ('33,700 days ..., equal to more than 90 years'), "
                                    "not the span between dates")  # (the restatement itself is a conversion's to check)
            continue
        if coverage is not None and (cm := coverage.match(ctx.text, q.end)):
            if not _coverage_claim(ctx, q, cm.end()):
                ctx.skip("duration", q, "a span of an amount's yearly or monthly rate (a coverage), not of dates")
            continue  # "equal to about 3.3 years of revenues"
        if _COMPARED_SPAN_AFTER.match(ctx.text, q.end):
            ctx.skip("duration", q, "a difference between two spans ('34 months less than ...'), not a span between dates")
            continue  # "from March 2012 to December 2016, 57 months in all and 34 months less than Vanguard"
        if (for_ := _FOR_BEFORE.search(ctx.text, max(ctx.sentence(q.start)[0], q.start - 30), q.start)) and \
                (aft := _AFTER_EVENT.match(ctx.text, q.end)):
            ctx.skip("duration", q, f"how long a state lasted from an event ('{ctx.text[for_.start():aft.end()]}'): "
                                    "its end is not dated")
            continue  # "2 stations were out of service for 41 days after Typhoon Odette in December 2021"
        if (cmp_ := _COMPARED_SPAN_BEFORE.search(ctx.text, max(ctx.sentence(q.start)[0], q.start - 40), q.start)):
            ctx.skip("duration", q, f"a span set beside another as its base ('{ctx.text[cmp_.start():q.end]}'), not "
                                    "the span between the dates")
            continue  # "ran from November 2021 to August 2024, 33 months, against the 18 months originally planned"
        if _ADDED_SPAN_BEFORE.search(ctx.text, max(ctx.sentence(q.start)[0], q.start - 30), q.start) or \
                _ADDED_SPAN_AFTER.match(ctx.text, q.end):
            ctx.skip("duration", q, "a span added to the one the dates give ('a further three years'), not that span")
            continue  # "runs from 1 July 2026 to 30 June 2033, with options to extend for a further three years"
        adjective = _ADJECTIVE_SPAN.fullmatch(q.text) is not None
        dated = ctx.dates_in(ctx.sentence(q.start)[0], q.start)
        if adjective and dated and not ctx.dates_in(q.end, ctx.sentence(q.start)[1]) and \
                _WITHIN_NAMED.search(ctx.text, max(ctx.sentence(q.start)[0], q.start - 60), q.start):
            ctx.skip("duration", q, "the length of a plan or programme the dates fall within, not the span between them")
            continue  # "programmed for FY2026 through FY2030 under the Army's 15-year Organic Industrial Base plan"
        if adjective and dated and _OWN_CLAUSE_AFTER_DATES.search(ctx.text, dated[-1].end, q.start):
            ctx.skip("duration", q, "the dates are of another clause; the span names its own noun's period")
            continue  # "Contract values more than doubled between 2021 and 2022, and the four-year total is larger"
        if adjective and _dated_event_after(ctx, q):
            ctx.skip("duration", q, "the dates after it date an event of the thing the span qualifies, not its ends")
            continue  # "50-year ground leases signed between 1999 and 2009"
        found = _anchors(ctx, q)
        if not found:
            continue
        d0, d1, confident = found
        if _delay_of_a_range(ctx, q):
            ctx.skip("duration", q, "a change of schedule against a plan; the two dates are the range of the new date")
            continue  # "forecast to deliver between October 2028 and February 2029, a slip of 12 to 16 months"
        if (d0.first, d0.last) == (d1.first, d1.last) and _LATER_WORD.match(ctx.text, q.end):
            ctx.skip("duration", q, "the span starts and ends on the same date the text gives: its other end is the span's own")
            continue  # "from 4,100 at the end of 2022 to 6,600 two years later": the span sets the later date itself
        if _listed(ctx, q, d0, d1):
            # "its systems, originally due in 2027 and 2028, would arrive four to five years later": two dates of a
            # list are two items, not the ends of a span ("between 2027 and 2028" is one)
            ctx.skip("duration", q, "the two dates are items of a list, not the ends of a span")
            continue
        if d1.mid < d0.mid:
            # "adopted its five-year plan in December 2022 ... for fiscal years 2023 to 2027": the dates run backwards,
            # so the span is not measured between them
            ctx.skip("duration", q, "the dates found run backwards: the span is not measured between them")
            continue
        if q.unit in ("day", "week", "month") and _is_year_only(d0) and _is_year_only(d1):
            # "its two-day Industry Days" beside "between 2024 and 2029": dates given as years do not measure a span of
            # days, weeks or months
            ctx.skip("duration", q, "the dates are years: they measure no span of days, weeks or months")
            continue
        if counting == "either" and (_RELATIVE_AFTER.match(ctx.text, q.end) or
                                     _AFTER_BEFORE.search(ctx.text, max(0, q.start - 30), q.start)):
            # "commissioned in 2016, six years before ... 2021", "in 2025 and ... in 2027, three years later", "retired in
            # 2021 after 71 years": the span between two events is counted from one to the other (2021 − 2016), never
            # over both their years as a span "from 2024 to 2031" may be
            counting = "exclusive"
        lo, hi, shown, point = _measure(q, d0, d1, counting, _SINCE_OR_AGO.match(ctx.text, q.end) is not None)

        if (q.value_high if q.value_high is not None else q.value or 0.0) < lo and \
                _PART_OF_PERIOD.search(ctx.text, ctx.sentence(q.start)[0], q.start):
            # "will run from 2027 to 2030, with around 70 handed over in the last two years": shorter than the period
            # its dates span, "the first" or "last" years are a part of it, not the whole
            ctx.skip("duration", q, "a part of the period its dates span (the first or last years of it)")
            continue
        readings = [_span_reading(ctx, q, d0, d1, confident, lo, hi, shown, point)]
        # "ordered 14 NH90s in 2001 for delivery by 2008. When it terminated the contract in June 2022, 21 years
        # later": "later" than an event of the sentence before, which names more than one date; each is a reading
        # as plausible as the last, so the span is wrong only if it is wrong from every one of them
        for d in _other_starts(ctx, q, d0, d1):
            a = _measure(q, d, d1, counting, False)
            readings.append(_span_reading(ctx, q, d, d1, confident, *a))
        # "not expected to reach 50 pits per year until 2032 to 2035, at least two years after the deadline of 2030": an
        # end given as a range of years may be any of them; the span is wrong only if it is wrong from each end
        other_end = _range_start(ctx, d1, q)
        if other_end is not None and d0.last < other_end.first and other_end.mid < d1.mid:
            a = _measure(q, d0, other_end, counting, False)
            readings.append(_span_reading(ctx, q, d0, other_end, confident, *a))
        # "123 vehicles between 1998 and 2003 and 212 between 2005 and 2015 ... a delivery effort that spanned 17 years",
        # "runs from 2025 to 2029 and the support phase to 2035, giving the ten-year term": a sentence of three dates or
        # more before the span may be measured end to end, from its earliest to its latest (a reading that can make it
        # hold, never fail)
        before = [p for d in ctx.dates_in(max(ctx.sentence(q.start)[0], dateline_end(ctx)), q.start)
                  if (p := parse_period(d.text)) is not None]
        if len(before) >= 3 and _WHOLE_STRETCH.search(ctx.text, max(ctx.sentence(q.start)[0], q.start - 40),
                                                      min(ctx.sentence(q.start)[1], q.end + 20)):
            # (only a span its words call the whole stretch: not "slipped to 2028, leaving it six years late")
            first, last = min(before, key=lambda p: p.first), max(before, key=lambda p: p.last)
            if (first.first, last.last) != (d0.first, d1.last) and first.last < last.first:
                a = _measure(q, first, last, counting, False)
                readings.append(dataclasses.replace(_span_reading(ctx, q, first, last, False, *a), alternative=True))
        ctx.add(Claim("duration", (q.start, q.end), q, readings=tuple(readings)))


def _measure(q: Mention, d0: Period, d1: Period, counting: str, since: bool
             ) -> tuple[float, float, tuple[float, float], float]:
    """The span from ``d0`` to ``d1`` in the unit of ``q``: its least and greatest length, the range shown, the point."""
    unit_days = _UNIT_DAYS[q.unit or "day"]
    year_only = q.unit == "year" and _is_year_only(d0) and _is_year_only(d1)
    lo_days = max(0, (d1.first - d0.last).days)
    hi_days = (d1.last - d0.first).days
    lo: float
    hi: float
    if year_only:
        diff = d1.first.year - d0.first.year
        lo, hi = diff, diff
        if counting in ("inclusive", "either"):
            hi = diff + 1
        if counting == "inclusive":
            lo = diff + 1
    else:
        lo, hi = lo_days / unit_days, hi_days / unit_days
        diff = d1.first.year - d0.first.year
        if q.unit == "year" and diff > hi and hi >= diff - 0.75:
            hi = float(diff)  # "in April 2021, six years after ... December 2015": counted by calendar years
    shown = (lo, hi)
    if not year_only and since:
        lo = float(int(lo))  # "38 years since July 1986" in May 2025: whole years completed count too
    point = (d1.mid.toordinal() - d0.mid.toordinal()) / unit_days if not year_only else float(
        d1.first.year - d0.first.year)
    return lo, hi, shown, point


def _span_reading(ctx: Ctx, q: Mention, d0: Period, d1: Period, confident: bool, lo: float, hi: float,
                  shown: tuple[float, float], point: float) -> Relation:
    rng = f"{shown[0]:.1f}" if abs(shown[1] - shown[0]) < 0.05 else f"{shown[0]:.1f}–{shown[1]:.1f}"
    note = f"{d0.text} → {d1.text} = {rng} {q.unit}s"
    ops = tuple(x for x in (_mention_of(ctx, d0), _mention_of(ctx, d1)) if x is not None)
    ev = (Evidence("dates", f"measured between {d0.text} and {d1.text}", 4.0 if confident else 2.0, confident),)
    return Relation("given", ops, ev, computed=(lo, hi), point=point, note=note)


_LATER_AFTER = LazyPattern(r"\s*later\b", regex.I)
_WHOLE_STRETCH = LazyPattern(r"\b(?:span|spans|spanned|spanning|in\s+all|in\s+total|altogether|overall|all\s+told|term|"
                             r"whole|entire|combined|together)\b", regex.I)


def _other_starts(ctx: Ctx, q: Mention, d0: Period, d1: Period) -> list[Period]:
    """For "N years later" counted from a date of the sentence before: the other dates that sentence names, earlier
    than the end (each may be the event's date)."""
    if not _LATER_AFTER.match(ctx.text, q.end):
        return []
    si = ctx.sent_index(q.start)
    if si == 0 or ctx.para_index(ctx.sents[si - 1][0]) != ctx.para_index(q.start):
        return []
    ps, pe = ctx.sents[si - 1]
    dates = ctx.dates_in(ps, pe)
    if d0.text not in [d.text for d in dates]:
        return []
    out: list[Period] = []
    for d in dates:
        p = parse_period(d.text)
        # (as precise as the date found, and no date of a figure: "fallen to 98 in 2023 and 110 in 2024 after ... July
        # 2023. The hold was lifted in July 2024, 12 months later")
        if p is None or d.text == d0.text or p.first >= d1.first or any(d.text == o.text for o in out) or \
                (p.last - p.first) > (d0.last - d0.first) or _DATES_A_FIGURE.search(ctx.text, max(ps, d.start - 25), d.start):
            continue
        out.append(p)
    return out


_DATES_A_FIGURE = LazyPattern(r"\d[\d.,]*\s*%?\s*(?:in|for)\s+$", regex.I)


def _span_text(v: float, q: Mention) -> str:
    n = round(v)
    return f"{n} {q.unit}{'s' if n != 1 else ''}"


def _is_year_only(p: Period) -> bool:
    return p.first.month == 1 and p.first.day == 1 and p.last.month == 12 and p.last.day == 31


_RANGE_FIRST_YEAR = LazyPattern(r"\b((?:19|20)\d\d)\s*(?:to|–|-|through|or)\s*$|\bbetween\s+((?:19|20)\d\d)\s+and\s+$", regex.I)


def _range_start(ctx: Ctx, p: Period, q: Mention) -> Period | None:
    """The first year of a range whose last is ``p`` ("2032 to 2035"), the nearest such date before ``q`` in its
    sentence, or None."""
    if not _is_year_only(p):
        return None  # ("from June 2024 to May 2029": a span between two dates, no range of years)
    m = next((d for d in reversed(ctx.dates_in(ctx.sentence(q.start)[0], q.start)) if d.text == p.text), None)
    if m is None:
        return None
    hit = _RANGE_FIRST_YEAR.search(ctx.text, max(0, m.start - 22), m.start)
    return parse_period(hit.group(1) or hit.group(2)) if hit is not None else None


def _mention_of(ctx: Ctx, p: Period) -> Mention | None:
    idx = getattr(ctx, "_date_by_text", None)
    if idx is None:
        idx = {}
        for d in ctx.dates:
            idx.setdefault(d.text, d)
        ctx._date_by_text = idx  # type: ignore[attr-defined]
    return idx.get(p.text)


_ADJECTIVE_SPAN = LazyPattern(r"\p{N}+(?:[.,]\p{N}+)?-(?:year|month|week|day|decade)s?|\p{L}+-(?:year|month|week|day|decade)",
                              regex.I)


_CAME_BETWEEN = LazyPattern(r"\s*,?\s*(?:(?:some\s*time|sometime)\s+)?between\s+", regex.I)


_STARTS_SPAN = LazyPattern(r"\b(?:since|from)\s+(?:(?:early|mid|late|the\s+end\s+of)\s+)?$", regex.I)


def _anchors(ctx: Ctx, q: Mention) -> tuple[Period, Period, bool] | None:
    """The two dates a span is measured between, and whether the text says so plainly."""
    t = ctx.text
    s, e = ctx.sentence(q.start)
    after = t[q.end:e]
    before = t[s:q.start]
    if _unit_size(ctx, q):
        return None  # "four one-year option periods", "two 30-day trials": the size of each, not a span between dates
    if "-" in q.text and (nouns := _linking_words(ctx, "span_amount_nouns")) is not None and \
            _NOUN_AFTER_SPAN.match(t, q.end) and nouns.match(t, _NOUN_AFTER_SPAN.match(t, q.end).end()) and \
            not _DATED_AFTER.match(after) and not _YEARS_NEAR_AFTER.match(after):
        return None  # "39% of the five-year total", "a ten-year budget of $90 billion": the period of an amount, not a
        # span between the sentence's dates (but "the five-year programme from 2019 to 2024" names its dates)
    if _summed_span(ctx, q):
        return None  # "Between fiscal years 2018 and 2022, ... a combined 2,360 days late": a sum over many periods
    if _life_length(ctx, q):
        return None  # "commissioned between 1981 and 1997, whose service lives have been stretched to 42 years"
    if _THAN_PLANNED_IN_DOCUMENT.match(t, q.end, e):
        return None  # "in 2027, a year earlier than planned in the 2024 Integrated Investment Program": the year names the
        # plan's document, not the date it set
    later_at = _LATER_AT.match(t, q.end, e)
    if later_at is not None:
        # "Initial operating capability is planned for 2027, with full operating capability following three years later,
        # in 2030": the date after the span is where it ends, the last date before it in the sentence where it starts
        ends = [p for d in ctx.dates_in(later_at.end(), e) if d.start == later_at.end() and (p := parse_period(d.text))]
        starts = [p for d in ctx.dates_in(s, q.start) if (p := parse_period(d.text))]
        if ends and starts and starts[-1].first <= ends[0].first:
            return (starts[-1], ends[0], True)
    given = _DATES_GIVEN.match(t, q.end, e)
    if given is not None:
        # "over 15 years of service (2007–2024)", "served for 31 years (1990-2014)", "ran for eight years, from 2011 to
        # 2019": a span followed by the two dates it runs between, in brackets or appended, says which dates it measures
        a, b = parse_period(given.group("a")), parse_period(_full_year(given.group("a"), given.group("b")))
        if a is not None and b is not None and a.first <= b.first:
            return (a, b, True)
    # ("five years from signing": a start named by words, as "after"; not "from 2024", "from the end of 2025")
    rel = regex.match(r"\s*(?:later|after|before|since|ago|earlier|on|from(?=\s+(?!(?:the\s+)?(?:end|start|beginning|early|"
                      r"mid|late|middle)\b)(?!now\b|today\b)(?!(?:fiscal|financial)\s+(?:year\s+)?\d)(?-i:\p{Ll})))\b",
                      after, regex.I)
    if rel and rel.group(0).strip().lower() in ("after", "before") and \
            (named_due := _DUE_BY_WORDS.match(after, rel.end())) is not None and \
            not _DATE_GIVEN_AFTER.match(after, named_due.end()):
        return None  # "to be in place by 2032 — 12 years after the date first announced": the date it is counted from
        # is named by words, not given in the sentence
    if rel and rel.group(0).strip().lower() in ("earlier", "ago") and _dates_a_figure(ctx, q):
        return None  # "from ¥980 billion a year earlier": the period a figure is given for, not a span claimed
    if not rel and regex.search(r"\b(?:per|each|every|over|for|within|up\s+to)\s+(?:the\s+(?:(?:next|past|last|first|"
                                r"coming|remaining)\s+)?)?$", before, regex.I) and not _DATED_AFTER.match(after):
        return None  # "over five years", "for ten years": a period stated, not derived from dates (but "over the 12
        # years from 2025 to 2036" names its dates)
    if _NAMED_PERIOD_BEFORE.search(before) and not _DATED_AFTER.match(after):
        return None  # "more than in the previous ten years combined", "the past five years": a period named by words
        # from the text's own time, not a span between the dates of the sentence
    if _BY_THEN.search(before):
        return None  # "entered service between 1994 and 1996 and will by then have served for more than three decades":
        # the span runs to a time the text names elsewhere ("then"), not between the sentence's dates
    if _AMOUNT_OF_TIME.search(before):
        return None  # "accumulated 10,363 days of idle time", "the equivalent of more than 28 years of availability": an
        # amount of time summed over many things, not a span between two dates
    if _PLANNED_SPAN.search(before):
        return None  # "expected to replace them after about 20 years": a span planned, not measured between dates
    if regex.match(r"\s*(?:[\p{L}'’-]+\s+){0,2}?(?:warranty|warranties|guarantee|guarantees)\b|"
                   r"\s*(?:old|of\s+(?:service|experience|production|operation|time))\b", after, regex.I):
        return None  # "a five-year extended warranty": the length of a thing bought, no span between dates
    if regex.match(r"\s*of\s+(?:[\p{L}-]+\s+){1,2}?(?:service|experience|production|operation|time)\b", after, regex.I) and \
            not _SINCE_BEFORE.search(before):
        return None  # "will serve one year of compulsory military service from 2024", "more than 28 years of submarine
        # time" (an amount of time summed over boats) (but "since 1980 – 45 years of continuous armor production" runs
        # from its date)
    if regex.match(r"\s*of\s+\p{L}", after) and regex.search(r"\b(?:after|following|ending|ended|ends|end|with)\s+"
                                                            r"(?:(?:some|about|nearly|almost|more\s+than|over)\s+)?$",
                                                            before, regex.I):
        return None  # "joined NATO in April 2023 after 75 years of non-alignment": the length of a state that ended
    if regex.match(r"\s*(?:to|through|ending|ended|until)\s+(?:the\s+end\s+of\s+)?(?:\p{Lu}|\d)", after) and \
            regex.search(r"\b(?:the|in|over|for|during)\s+(?:(?:past|last|first|next|latest)\s+)?$", before, regex.I):
        return None  # "in the four months to October": a period named by its end, not a span between two dates
    if _PART_OF_PERIOD.search(before) and not _DATED_AFTER.match(after) and \
            regex.match(r"\s*of\s+(?:the|this|that|last|its|their|fiscal|financial|(?:19|20)\d\d)\b", after, regex.I):
        return None  # "in the first five months of the year", "the last two years of the programme": a part of a
        # period named by words, not a span between two dates of the sentence
    dateline_end = _dateline_end(ctx)
    sent_dates = [d for d in ctx.dates_in(s, e) if d.start >= dateline_end]
    periods = [(d, p) for d in sent_dates if (p := parse_period(d.text, ranges=True))]
    doc_d = document_date(ctx)
    word = rel.group(0).strip().lower() if rel else ""
    # "in service with the RCAF since 1980, more than four decades", "a signals station since 1958, giving it more
    # than six decades of presence": from the date after "since", right before the span, to the release's own date
    # (only when the release is dated; before any other two dates of the sentence: "began in 1950 and ... since 1958")
    since = _SINCE_BEFORE.search(before)
    if since is not None and not word:
        p = parse_period(since.group("d"))
        # ("since 1968 – 56 years by the time the last sorties are flown in 2024": a date after the span is its end)
        # (not a date after a clause break: "since 1969 – more than 55 years – and CCGS Terry Fox, which ... in 1993")
        ends = [x for d in ctx.dates_in(q.end, e) if (x := parse_period(d.text)) is not None
                and not _CLAUSE_BREAK.search(t, q.end, d.start)]
        if p is not None and ends and p.first <= ends[0].first:
            return (p, ends[0], True)
        if p is not None and doc_d is not None and _document_date(ctx) is not None and p.first <= doc_d.first:
            return (p, doc_d, True)
    # 1. "from 2024 to 2031", "between 2000 and 2004", "fiscal 2026 ... through FY31, a five-year extension"
    due_named = _DUE_NAMED.match(after) if not rel or rel.group(0).strip().lower() in ("later", "earlier") else None
    if due_named is not None:
        # "in 2025, from 1.28% in 2024, four years ahead of the 2029 date previously committed": the date it was due is
        # named right after the word; it came on the last date of the clause before the span that is no base ("from
        # ... in 2024")
        due = [p for d, p in periods if d.start == q.end + due_named.start("d")]
        clause_from = max(t.rfind(";", s, q.start), s)
        # (nor the event of an earlier span of the sentence: "20 years after joining the Convention in 1997 and three
        # years ahead of the 2020 date": it came on the release's date)
        spans = _spans(ctx)
        k0 = _bisect_start(spans, clause_from)
        evented = [x.end for x in spans[k0:k0 + 40] if clause_from <= x.start and x.end <= q.start and x is not q
                   and _EVENT_SPAN.match(t, x.end)]
        came = [p for d, p in periods if clause_from <= d.start and d.end <= q.start
                and not _FROM_DATED.search(t, max(clause_from, d.start - 30), d.start)
                and not _dates_a_base(ctx, d)  # (not "twice the EUR 32 billion of 2017")
                and not (evented and d.start >= evented[0])]
        if due and not came and evented and doc_d is not None and _document_date(ctx) is not None:
            came = [doc_d]
        if due and came:
            a, b = came[-1], due[0]
            # ("The first Caracals are expected in 2030 and the last in 2032, about two years later than the 2028 start":
            # two dates it came on, which of them the span counts from the due date the text does not say for sure)
            sure = len({p.first.year for p in came}) == 1
            return (a, b, sure) if a.first <= b.first else (b, a, sure)
    if not rel and (lm := _LATE.match(after)) is not None and _DUE_BY_WORDS.match(after, lm.end()):
        return None  # "between 17 and at least 31 months behind their contracted dates": the dates it is behind are
        # named by words, not given
    if not rel and _LATE.match(after):
        # "The first vessel, due for delivery in 2014, was handed over in 2021, seven years late": the date it was due
        # and the date it came, the last two before the span
        # (not when the span's own clause names no date: "... from 2029 to 2036, a delay of seven years; the first boat
        # is 12 to 18 months late")
        clause_from = t.rfind(";", s, q.start) + 1
        # (not the date a target was set: "the targets set at the November 2023 capital markets day (... by 2027) have
        # been met two years early" - set then, due in 2027, met on a date the sentence does not give)
        due_and_came = [(d, p) for d, p in periods if d.end <= q.start
                        and not _SET_ON.search(t, max(s, d.start - 30), d.start)]
        if not any(clause_from <= d.start for d, _ in due_and_came) or \
                (due_and_came and _OWN_CLAUSE.search(t, due_and_came[-1][0].end, q.start)):
            due_and_came = []  # (nor when a clause of its own opens between the last date and the span: "reported in
            # October 2017 that ... by the end of 2021, that depot repair capability was six years behind schedule")
        late = _LATE.match(after)
        came_after = [(d, p) for d, p in periods if q.end < d.start and late is not None
                      and regex.fullmatch(r"\s*,?\s*(?:in|by|on|at)\s+(?:the\s+end\s+of\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?)?",
                                          t[q.end + late.end():d.start], regex.I)]
        if due_and_came and came_after:
            # "a target it will meet two years early, in fiscal 2025": the date it comes is named after the span
            a, b = due_and_came[-1][1], came_after[0][1]
            return (a, b, True) if a.first <= b.first else (b, a, True)
        between = [(d, p) for d, p in periods if q.end < d.start and late is not None] if due_and_came else []
        if len(between) >= 2 and late is not None and _CAME_BETWEEN.fullmatch(t, q.end + late.end(), between[0][0].start) \
                and regex.fullmatch(r"\s*(?:and|to|-|–)\s*", t[between[0][0].end:between[1][0].start]):
            # "originally due in October 2027, would be delivered 12 to 16 months late, between October 2028 and
            # February 2029": it comes some time in the range named after the span
            a = due_and_came[-1][1]
            b = Period(between[0][1].first, between[1][1].last, f"{between[0][1].text} to {between[1][1].text}")
            return (a, b, True) if a.first <= b.first else (b, a, True)
        # the same period named twice ("FY2027 ... by fiscal 2027") is one date
        distinct: list[tuple[Mention, Period]] = []
        for d, p in due_and_came:
            if not distinct or (distinct[-1][1].first, distinct[-1][1].last) != (p.first, p.last):
                distinct.append((d, p))
        due_and_came = distinct
        if len(due_and_came) >= 2 and _joined_range(ctx, due_and_came[-2][0], due_and_came[-1][0]):
            # "forecast to cost £109.8 billion between 2022 and 2032, ... projects running between 1.3 and 6.5 years
            # late": two dates joined as a range are one period, not the date something was due and the date it came
            # (the dates may follow: "two years behind schedule, with delivery slipping from 2026 to 2028")
            if not any(d.start >= q.end for d, _ in periods):
                return None
            periods = [(d, p) for d, p in periods if d.start >= q.end]
            due_and_came = []
        if len(due_and_came) >= 2:
            (da, a), (db, b) = due_and_came[-2], due_and_came[-1]
            if not _plan_named(ctx, da) and not _plan_named(ctx, db) and (planned := _plan_before(ctx, s)) is not None:
                # "The fleet had been planned to remain in service until 2037. It was grounded in July 2023 and withdrawn
                # in September 2023, some 14 years early": late or early against the date the sentence before names
                # as the plan's, to the last date of the span's own sentence
                return (planned, b, True) if planned.first <= b.first else (b, planned, True)
            # "IOC was declared in November 2025, ..., and FOC is now forecast for 2029, nine years late": two dates
            # in two clauses are of two things; the span is read, but not surely
            sure = not _CLAUSE_BREAK.search(t, da.end, db.start)
            return (a, b, sure) if a.first <= b.first else (b, a, sure)
        # else the dates may follow ("three years behind schedule, with delivery slipping from April 2026 to April
        # 2029"): read on
    named = _DATED_AFTER.match(after)
    if named is not None and not word:  # "over the 12 years from 2025 to 2036": the two dates it names
        spanned = [(d, p) for d, p in periods if q.end <= d.start < q.end + named.end()]
        if len(spanned) == 2:
            (d0, p0), (d1, p1) = spanned
            return (p0, p1, True) if p0.first <= p1.first else (p1, p0, True)
    one_range = _year_range(ctx, q, periods) if not word else None
    if one_range is not None:
        return one_range  # "a plan for 2025-2030, a six-year programme": the span of the range the sentence names

    if not word and _AFTER_SPAN.search(t, max(s, q.start - 30), q.start):
        # "entered service in 1980 and will be retired in 2033, after 43 years": a span after "after" is the time the
        # two dates before it in its clause enclose
        clause_at = max(t.rfind(";", s, q.start) + 1, s)
        enclosing = [(d, p) for d, p in periods if clause_at <= d.start and d.end <= q.start]
        if len(enclosing) >= 2 and not any(is_amount(x) for x in ctx.numbers_in(enclosing[-2][0].start, q.start)):
            (d0, p0), (d1, p1) = enclosing[-2], enclosing[-1]
            return (p0, p1, True) if p0.first <= p1.first else (p1, p0, True)
        return None
    if len(periods) >= 2 and not word:
        (d0, p0), (d1, p1) = periods[0], periods[1]
        # "the fiscal 2026 request ... a plan covering fiscal 2023 through 2027, a five-year period": two dates joined
        # as a range are the span's, before the first two the sentence happens to name
        ranges = [k for k in range(len(periods) - 1)
                  if _RANGE_JOIN.fullmatch(t, periods[k][0].end, periods[k + 1][0].start)]
        if ranges:
            k = min(ranges, key=lambda k: min(abs(q.start - periods[k + 1][0].end), abs(periods[k][0].start - q.end)))
            (d0, p0), (d1, p1) = periods[k], periods[k + 1]
        # the text must join the two dates ("from 2024 to 2031", "between 2000 and 2004", "fiscal 2026 ...
        # through FY31, a five-year extension"); two dates that merely share a sentence are not a span
        joined = _joined_range(ctx, d0, d1)
        if _RESPECTIVELY.match(t, d1.end):
            return None  # "in orbit since 2006 and 2005 respectively": the dates of two things, not a range's ends
        if joined and q.start >= d1.end and _NOW_WORD.search(t, d1.end, q.start) and \
                (now := document_date(ctx)) is not None and now.first >= p1.last:
            # "commissioned between 1982 and 1992, the oldest of which have now been in service for more than 40
            # years": the span runs from the range's start to the release's day; which of the range's things the text
            # means it may not say, so a reading to doubt with
            return (min(p0, p1, key=lambda p: p.first), now, False)
        cue = bool(regex.match(r"\s*(?:of|extension|delay|later|programme|program|plan|span|period)\b", after))
        if cue and _ADJECTIVE_SPAN.fullmatch(q.text) and not ranges:
            # "the Navy's 30-year plan ... fiscal 2024 ... fiscal year 2025", "for a 30-year period" beside "in 2022, up
            # from ... in 2020": a length naming a thing is measured only between dates joined as a range
            cue = False
        if not (joined or cue or regex.search(r"\b(?:through|until)\b", t[d0.end:d1.start])):
            return None
        if _CLAUSE_GAP.search(t[min(q.end, d0.end):max(q.start, d0.start)]) or (
                q.end <= d0.start and _CONTRAST_AFTER.search(t, q.end, d0.start)):
            return None  # "a one-year base contract ...; the ordering period runs from 2025 through 2030": another clause
        if q.start >= d1.end and _BY_CHANGE.search(t, max(s, q.start - 30), q.start) and \
                _LATER_CLAUSE.search(t, d1.end, q.start):
            return None  # "runs from 1 January 2026 to 31 December 2030, a five-year period, with an option to extend by
            # three years": a span after "by" in a clause after the range is the size of a change to it, not its length
        if _TO_BETWEEN.search(t, max(s, d0.start - 30), d0.start):
            return None  # "A slip of 40 to 48 months would push delivery to between November 2031 and July 2032": the
            # range is where the span leads, not its two ends
        # joined only by "through"/"until" after the span's word, the first date may be another thing's ("the budget
        # for fiscal 2025 ..., part of a five-year buildup through fiscal 2027"): a reading to doubt with, no accusation
        sure = joined or cue or bool(ranges)
        return (p0, p1, sure) if p0.first <= p1.first else (p1, p0, sure)
    # 2. "N after/before EVENT": the event's date is where the text tells of the event
    if word in ("after", "before", "since", "from"):
        # (not at the commas around a place: "handed over at ... in Greenville, South Carolina, in March 2023")
        phrase = regex.split(r"[;,]|(?<!\b\p{Lu})\.(?:\s|$)", after[rel.end():], maxsplit=1)[0]
        # ("handed over at the line in Greenville, South Carolina, in March 2023": the event's own date after the
        # commas around a place)
        placed = _PLACE_THEN_DATE.match(after, rel.end() + len(phrase))
        if placed is not None:
            phrase = after[rel.end():placed.end()]
        # "11 years after contract award and more than eight years after the original target of July 2017": the
        # event's phrase ends where the sentence's next span begins
        all_spans = _spans(ctx)
        k1 = _bisect_start(all_spans, q.end)
        later_spans = [x.start for x in all_spans[k1:k1 + 4] if q.end < x.start < q.end + rel.end() + len(phrase)]
        if later_spans:
            phrase = t[q.end + rel.end():min(later_spans)]
            phrase = regex.sub(r"(?:\s+(?:and|but|or|about|some|nearly|almost|over|more\s+than|less\s+than|just))+\s*$",
                               "", phrase, flags=regex.I)
        in_phrase = [d for d in ctx.dates_in(q.end, e) if d.start - q.end < len(phrase) + 5 or
                     (placed is not None and d.start == q.end + placed.end())]
        if len(in_phrase) > 1:
            # "six years before the results of the 2022 call were published in 2023": a year that qualifies a noun names
            # the thing; the event's date is the other one
            in_phrase = [d for d in in_phrase if not _modifies_noun(ctx, d)] or in_phrase
        inline = [_at_end_named(t, d, p) for d in in_phrase if (p := parse_period(d.text))]
        if not inline:
            # "175 years since the company was founded in Kopřivnice in 1850": a year before 1900 is read as a count by
            # the extractor (it may be one elsewhere); in the event's phrase, after "in", it is the event's year
            inline = [Period(date(int(x.value), 1, 1), date(int(x.value), 12, 31), x.text)
                      for x in ctx.numbers_in(q.end, min(e, q.end + rel.end() + len(phrase) + 1))
                      if x.type == "count" and (x.inferred or not x.unit) and x.value is not None
                      and 1000 <= x.value < 1900 and x.value == int(x.value) and x.num_end - x.num_start == 4
                      and _IN_BEFORE.search(ctx.text, max(0, x.start - 5), x.start)][:1]
        told = None if inline else _event_dated(ctx, q, phrase)
        event = inline[0] if inline else (told[0] if told is not None else None)
        # the date this span leads to: the one nearest before it in the sentence ("due in 2029, five years
        # after ..."), else any other in the sentence, else the dateline (not the date of a comparison's base: "three
        # times the 1,000 it produced in early 2023")
        others = [(d, p) for d, p in periods if not (inline and p == inline[0]) and not _dates_a_base(ctx, d)
                  and not _horizon(ctx, d)]  # (nor a plan's horizon: "presented its targets to 2030, less than ...")
        # "50 years after the end of the war in 1975 and more than three decades after ... relations in 1992": a date
        # after the sentence's next span is that span's, not this one's end
        nxt = [x.start for x in all_spans[k1:k1 + 4] if q.end < x.start < e]
        if nxt:
            others = [(d, p) for d, p in others if d.start < nxt[0]]
        # "... more than 1,200 F-35s have been delivered, and the office said the new lots would carry production into
        # the late 2020s": a date after the span in a later clause (", and", a semicolon, a dash) is that clause's
        others = [(d, p) for d, p in others if d.start < q.start or not _CLAUSE_BREAK.search(t, q.end, d.start)]
        # "20 years after the FY2003 baseline, reductions have slowed, with most of the gains achieved before 2015": a
        # date set as a bound (linking words bound_words) is no moment a span runs to; nor is a target after the span
        # ("One year after ..., the department has placed orders for the systems it intends to field by August 2025":
        # "by" after linking words intent_words; but "due to be delivered by the end of 2026, some four and a half years
        # after the contract": the date the span is set beside)
        others = [(d, p) for d, p in others if not _bound_before(ctx, s, d)
                  and not (d.start > q.end and _target_by(ctx, s, d))
                  # ("Three years after the contract was signed in 2021, the first boat has been launched, with delivery
                  # due in 2026": a date a plan sets after the span is no moment it runs to)
                  and not (d.start > q.end and _PLANNED_DATE_BEFORE.search(t, max(s, d.start - 40), d.start))]
        # "delivered on May 30, 2025, 41 months after her keel was laid in December 2021 and 14 months after launch
        # in March 2024": a date after an earlier span of the sentence is that span's event, not this one's end
        spans = _spans(ctx)
        k0 = bisect.bisect_left([x.start for x in spans], s) if len(spans) < 64 else _bisect_start(spans, s)
        earlier = [x.start for x in spans[k0:k0 + 40] if s <= x.start < q.start and x is not q]
        limit = earlier[0] if earlier else q.start
        before_q = [p for d, p in others if d.end <= limit]
        # (nor a date between an earlier span and this one, that span's event: "left the dock today, 28 months after her
        # keel was laid in May 2023 and almost three and a half years after the first steel was cut in April 2022")
        # (an earlier span with an event of its own: not "at intervals of roughly 18 months, the last in 2030, 28 years
        # after the contract was signed")
        evented = [x.end for x in spans[k0:k0 + 40] if s <= x.start < q.start and x is not q
                   and _EVENT_SPAN.match(t, x.end)]
        free = [p for d, p in others if not evented or d.start >= q.end or d.end <= evented[0]]
        own = before_q[-1] if before_q else (free[0] if free else None)
        # "... December 2032, 18 months later than planned, and construction began in June 2024, four years after
        # ...": a date in the span's own clause, after a clause break that follows the earlier span, is its end
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(t, s, q.start)]
        if earlier and breaks and breaks[-1] > earlier[-1]:
            in_clause = [p for d, p in others if breaks[-1] <= d.start and d.end <= q.start]
            if in_clause:
                own = in_clause[-1]
        if word == "since":
            # "achieved in seven years since the establishment of the Authority in 2017": since leads to the time of its
            # own clause, a date there, else the release's date (not "4 percent in 2018; ..." of another clause)
            # (the clause starts after a clause break too: "was established in 1889, and Irving has owned it for 31 years
            # since buying it in 1994")
            clause_from = max([t.rfind(";", s, q.start) + 1, s] + [m.end() for m in _CLAUSE_BREAK.finditer(t, s, q.start)])
            # (not a date right after "since" or "from" there: "owned by KPS since 2020, has built ... in the 40 years
            # since production started in 1985" - the start of another span, not the time of the clause)
            own_clause = [p for d, p in others if clause_from <= d.start and d.end <= q.start
                          and not _STARTS_SPAN.search(t, max(s, d.start - 12), d.start)]
            own = own_clause[-1] if own_clause else None
        sure = own is not None and (bool(inline) or (told is not None and told[1]))
        if own is None:
            # no date of its own: the release's date, unless the sentence speaks of the future ("will arrive more
            # than 40 years after ... entered service in 1996"); found so, it can warn but not fail
            if regex.search(r"\b(?:will|would|shall|is\s+to|are\s+to|due|expected|planned|scheduled)\b",
                            t[s:q.start], regex.I):
                return None
            own = doc_d
            # ... except "marks 20 years since the first flight ... in December 2006", "It is now ten years since":
            # a present verb right before the span says it runs to now, the dated release's day, and the event's date
            # stands in its own phrase
            sure = word == "since" and bool(inline) and _document_date(ctx) is not None and \
                _NOW_SPAN_VERB.search(t, max(s, q.start - 30), q.start) is not None
        if event and own and own.first.year != own.last.year:
            return None  # "Ten years after Wales: how allies' burdens changed, 2014–2023": a range of years is no moment
            # the span can end at
        if event and own:
            # the word says which came first: "four and a half years after the contract was signed" cannot end
            # before the contract (an event found later than the sentence's own date is another event)
            if (word == "before") != (event.first > own.first) and event.first != own.first:
                return None
            return (event, own, sure) if event.first <= own.first else (own, event, sure)
        return None
    # 2b. "from January 2026, 14 months earlier than the original target of March 2027": the date before the span
    # and the date the comparison names
    if word in ("later", "earlier"):
        after_than = [d for d in ctx.dates_in(q.end, e) if d.start - q.end < 70
                      and not _CLAUSE_BREAK.search(t, q.end, d.start)  # not "..., and FOC ... 2029"
                      # (nor the date of a clause telling when the plan was made: "two years earlier than the schedule
                      # set when the V-280 was selected in December 2022")
                      and not _WHEN_SET.search(t, q.end, d.start)]
        # (not the date of a comparison's base: "€64 billion in 2027, twice the €32 billion of 2017, ..., and three
        # years earlier than the 2030 date originally planned")
        dated_before = [p for d, p in periods if d.end <= q.start and not _dates_a_base(ctx, d)]
        if after_than and dated_before and regex.match(r"\s*(?:earlier|later)\s+than\b", after, regex.I):
            named = parse_period(after_than[0].text)
            mine_p = dated_before[-1]
            if named is not None:
                return (mine_p, named, True) if mine_p.first <= named.first else (named, mine_p, True)
        if regex.match(r"\s*(?:earlier|later)\s+than\b", after, regex.I):
            # "Delivery, once planned for 2029, is now expected in 2032, three years later than first promised": the
            # two dates before it; "five years earlier than previously planned" with one: a date the text does not give
            clause_at = t.rfind(";", s, q.start) + 1  # "resumed in July 2024 ...; Block 4 is now expected in 2031,
            dated = [p for d, p in periods if clause_at <= d.start and d.end <= q.start]  # five years later than planned"
            first_at = [d for d, p in periods if clause_at <= d.start and d.end <= q.start]
            if len(dated) >= 2 and any(is_amount(x) for x in ctx.numbers_in(first_at[-2].start, q.start)):
                # "By 2027 the budget is to reach €64 billion, double the €23.2 billion spent in 2017, two years earlier
                # than the LPM had foreseen": dates of two levels compared, not a date and the date it was due
                return None
            # ... the earlier of them named as the plan, the schedule or the first date (linking words plan_words:
            # "once planned for 2029"), not any date of the clause ("slipped from December 2015 to November 2022, and
            # testing is to begin in June 2021, about 2 years later than scheduled": the schedule's date is not given)
            if len(dated) >= 2 and _plan_named(ctx, first_at[-2]):
                a, b = dated[-2], dated[-1]
                return (a, b, True) if a.first <= b.first else (b, a, True)
            return None
    # 3. "12 months later" / "35 years later" / "Six years on,": from the date before to the date of this sentence
    # (the nearest before the span; "26 years later it is in service" with none: the release's own date, not sure)
    if word in ("later", "earlier") or (word == "on" and regex.match(r"\s*on\s*[,;:]", after)):
        # (not a date in a relative clause about the subject when the sentence before gives one: "The second ship, whose
        # keel was laid on 22 June 2023, is to follow in the fourth quarter of 2026, a year later" - later than the first
        # ship, named before)
        si_q = ctx.sent_index(q.start)
        if si_q > 0 and ctx.para_index(ctx.sents[si_q - 1][0]) == ctx.para_index(q.start) and \
                ctx.dates_in(*ctx.sents[si_q - 1]):
            periods = [(d, p) for d, p in periods if not (d.end <= q.start and _relative_aside(ctx, s, d))]
        mine = [(d, p) for d, p in periods if d.end <= q.start]
        if mine and word == "later" and (_STATE_DATE.search(t, max(s, mine[-1][0].start - 12), mine[-1][0].start)
                                         or ":" in t[mine[-1][0].end:q.start]):
            # "produced at Raufoss since the 1960s, demand has increased: Norway first donated 2 000 M72 and a month
            # later another 2 000": a date a state runs from, or one before a colon, is no date of the event the span
            # follows
            return None
        if mine and word == "later" and _AND_THEN_SPAN.search(t, max(s, q.start - 20), q.start):
            # "the army ordered 500 in 2021 and two years later another 800": a new event, counted from the last date;
            # where it ends only a date after the span says
            dated_after = [pd for d, pd in periods if d.start >= q.end and not _CLAUSE_BREAK.search(t, q.end, d.start)]
            if not dated_after:
                return None
            a, b = mine[-1][1], dated_after[0]
            return (a, b, True) if a.first <= b.first else (b, a, True)
        if mine and word == "later" and _NOW_BEFORE.search(t, mine[-1][0].end, q.start):
            return None  # "would be ready by June 2028, so the planned delivery is now around 20 months later": later than
            # that date, to a date the sentence does not give
        if mine and ";" not in t[mine[-1][0].end:q.start]:
            own_d: Mention | None = mine[-1][0]
            own = mine[-1][1]
            before_own = [p for d, p in mine[:-1]]
            if not before_own and word == "later" and _EVENT_VERB.search(t, mine[-1][0].end, q.start):
                # "the attempt, announced in 2010, was abandoned two years later": the date is of the event the span
                # counts from; the later one is not dated
                return None
            prev = before_own[-1] if before_own else _previous_date(ctx, q, own_d)
            if before_own and own and prev:
                return (prev, own, True) if prev.first <= own.first else (own, prev, True)
            if not before_own and word == "earlier" and own is not None and (prev is None or prev.first <= own.first):
                # "The first battery arrived in April 2024, a year earlier": earlier than the event the text is about
                # (a later date), not than an earlier date of the sentence before; the release's date, not surely
                if doc_d is not None and own.last < doc_d.first:
                    return (own, doc_d, False)
                return None
            if not before_own and word in ("later", "on") and doc_d is not None and own.first <= doc_d.first and \
                    regex.search(r"[.!?]\s", t[mine[-1][0].end:q.start]):
                return (own, doc_d, False)  # "... in service in 1999, few expected .... 26 years later it is ..."
        # "Three years later the figure is 40,000, and the Army wants 100,000 – a goal set for October 2025": a date
        # after the span in another clause is not the span's end; nor a date named as a deadline ("had missed its
        # contractual delivery date of November 2024")
        periods = [(d, p) for d, p in periods if d.end <= q.start or not (
            _CLAUSE_BREAK.search(t, q.end, d.start) or _deadline_before(ctx, q.end, d))]
        # "Seven years later the company, listed in Frankfurt since September 2020, reported 2024 revenue": a date after
        # "since" or "until" starts or ends a state of something else, it is not the date the span runs to
        kept = [(d, pd) for d, pd in periods if not (d.start > q.end and _STATE_DATE.search(t, max(q.end, d.start - 12),
                                                                                             d.start))]
        periods = kept or periods
        # "A year later the 2024–2028 plan raised the envelope": a date that modifies a noun names the thing (a plan, a
        # budget), not when the span ends
        periods = [(d, pd) for d, pd in periods if not (d.start > q.end and _modifies_noun(ctx, d))]
        if not periods and word in ("later", "on") and doc_d is not None:
            prev = _previous_date(ctx, q, None)
            if prev is not None and prev.first <= doc_d.first:
                return (prev, doc_d, False)
        own = periods[0][1] if periods else None
        prev = _previous_date(ctx, q, periods[0][0] if periods else None)
        sure = True
        if periods and ";" in t[periods[0][0].end:q.start]:
            # "... dates to 1987, when ...; the Batch-II contract came 35 years later": 1987 is the start, the end the
            # date the text gives the clause's event elsewhere
            prev = periods[0][1]
            clause = t[t.rfind(";", s, q.start) + 1:q.start]
            own = _event_date(ctx, q, clause)
            if own is not None and prev is not None and q.value:
                # ("fuel first flowed ... two years later" and "Throughput in 2023 ... fuel for the airfields": a date
                # found by words that puts the span more than three times off is another event's more likely than a
                # wrong figure)
                point = abs(_measure(q, min(prev, own, key=lambda p: p.first), max(prev, own, key=lambda p: p.first),
                                     "either", False)[3])
                sure = point > 0 and max(point / q.value, q.value / point) <= 3.0
        if own and prev:
            return (prev, own, sure) if prev.first <= own.first else (own, prev, sure)
        return None
    # 3b. "signed in 1997, 26 years ago", "Twenty years ago, in 2005, ...": from the date set right beside the span to
    # the release's own date (sure only under a dated dateline)
    if word == "ago" and doc_d is not None:
        beside = [p for d, p in periods if d.end <= q.start and _AGO_BESIDE_BEFORE.fullmatch(t, d.end, q.start)] + \
            [p for d, p in periods if d.start >= q.end and _AGO_BESIDE_AFTER.fullmatch(t, q.end + rel.end(), d.start)]
        if beside and beside[0].first <= doc_d.first:
            return (beside[0], doc_d, _document_date(ctx) is not None)
        return None
    # 4. "so the signature closes six years of negotiations" after "began in 2018"
    if len(periods) == 1 and doc_d is not None and regex.match(r"\s*of\s+(?:talks|negotiations?|discussions|work|"
                                                                r"development|trials|testing)\b", after):
        p = periods[0][1]
        return (p, doc_d, True) if p.first <= doc_d.first else (doc_d, p, True)
    return None


# the hedges a span of "since" or "ago" may carry ("some 25 years ago", "almost 39 years since")
_EVENT_SPAN = LazyPattern(r"\s+(?:after|before|since)\b", regex.I)
_SPAN_HEDGE = r"(?:(?:some|about|around|nearly|almost|roughly|just|over|more\s+than|less\s+than|exactly)\s+)?"
_SINCE_OR_AGO = LazyPattern(r"\s*(?:since|ago)\b", regex.I)
# a span that sets one event after or before another: "six years later", "three years before", "after 47 years"
_RELATIVE_AFTER = LazyPattern(r"\s*(?:later|after|before|earlier|since|ago)\b", regex.I)
_AFTER_BEFORE = LazyPattern(r"\bafter\s+" + _SPAN_HEDGE + "$", regex.I)
_NOW_SPAN_VERB = LazyPattern(r"\b(?:marks|mark|is\s+now|it\s+is|it['’]s|are\s+now|now)\s+" + _SPAN_HEDGE + "$", regex.I)
_NAMED_PERIOD_BEFORE = LazyPattern(r"\b(?:the|its|their|our)\s+(?:previous|preceding|prior|next|coming|following)\s+$",
                                   regex.I)
_AGO_BESIDE_BEFORE = LazyPattern(r"\s*,\s*" + _SPAN_HEDGE, regex.I)
_AGO_BESIDE_AFTER = LazyPattern(r"\s*,\s*(?:in|on|back\s+in)\s+", regex.I)
_TO_BETWEEN = LazyPattern(r"\b(?:to|until|till|into|for)\s+(?:some\s+time\s+|sometime\s+)?between\s+(?:the\s+)?$", regex.I)
_OWN_CLAUSE = LazyPattern(r",?\s*\b(?:and\s+|but\s+)?that\s+(?!(?:year|month|quarter|date|period|time)\b)|,\s*(?:while|whereas|"
                          r"although)\b", regex.I)
_CLAUSE_BREAK = LazyPattern(r"[;–—]|\s-\s|,\s*(?:and|but|while|whereas)\b", regex.I)
_RANGE_STARTS = LazyPattern(r"\b(?:since|from|after|starting\s+(?:in|with))\s+(?:the\s+)?(?:period\s+)?$", regex.I)


def _year_range(ctx: Ctx, q: Mention, periods: list[tuple[Mention, Period]]) -> tuple[Period, Period, bool] | None:
    """A range of years written as one date ("2025-2030", "2023–2027") right before or after the span, with nothing
    but words between: its two ends (not "2024-25", one fiscal year)."""
    t = ctx.text
    if sum(1 for d, _ in periods if _YEAR_RANGE.fullmatch(d.text)) >= 2:
        return None  # "36 per cent in 2020–24, down from 55 per cent in 2015–19 and 72 per cent in 2010–14: its share has
        # halved in ten years": a span between periods, not within one of them
    for d, _ in periods:
        m = _YEAR_RANGE.fullmatch(d.text)
        if m is None:
            continue
        y0, y1 = int(m.group(1)), int(m.group(2))
        if y1 < 100:
            y1 += (y0 // 100) * 100
        if y1 - y0 < 2:
            continue
        gap = t[d.end:q.start] if d.end <= q.start else t[q.end:d.start]
        if len(gap) > 40 or regex.search(r"[\d;]", gap):
            continue
        if _RANGE_STARTS.search(t, max(0, d.start - 25), d.start):
            continue  # "in every five-year period since 2005–09, two decades of data": the range is where it starts
        a, b = parse_period(str(y0)), parse_period(str(y1))
        if a is not None and b is not None:
            return a, b, True
    return None


_YEAR_RANGE = LazyPattern(r"(?:FY\s?)?((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)?\d\d)")
_RANGE_JOIN = LazyPattern(r"\s*(?:to|through|until|till|[-–])\s*(?:the\s+end\s+of\s+)?", regex.I)
_AND_THEN_SPAN = LazyPattern(r"\band\s+(?:then\s+|only\s+|just\s+)?$", regex.I)
_STATE_DATE = LazyPattern(r"\b(?:since|until|till)\s+(?:\p{L}+\s+)?$", regex.I)
# a verb of the sentence's own event between its date and a "N later" span ("announced in 2010, was abandoned")
_EVENT_VERB = LazyPattern(r",\s+(?:was|were|is|are|has|had|have|came|followed|went|began|started|ended|arrived|took)\b"
                          r"(?:\s+\p{L}+)?", regex.I)
_AFTER_SPAN = LazyPattern(r"\b(?:after|following)\s+(?:(?:some|about|around|nearly|almost|more\s+than|over|just\s+over|just\s+under|"
                r"less\s+than)\s+)?$", regex.I)
_BY_CHANGE = LazyPattern(r"\bby\s+(?:(?:up\s+to|another|a\s+further|at\s+least)\s+)?" + _SPAN_HEDGE + "$", regex.I)
_LATER_CLAUSE = LazyPattern(r",\s*(?:and|with|but|while|which)\b|\s(?:and|but)\s+(?:was|were|is|are|will|would|may|might|"
                            r"could|can|then|later|has|have|had)\b|;", regex.I)
_WHEN_SET = LazyPattern(r"\b(?:when|after|as)\s+(?:[\p{L}\p{N}'’-]+\s+){1,6}?(?:was|were|had\s+been|got)\s+[\p{L}-]+\s+"
                        r"(?:in|on|at)\s+$", regex.I)
_DUE_NAMED = LazyPattern(r"\s*(?:ahead\s+of|behind|before|after|(?:later|earlier)\s+than)\s+(?:the\s+|its\s+|their\s+)?"
                         r"(?:(?:original|originally|planned|"
                         r"previous|earlier|initial|contractual|target)\s+)?"
                         # ("ahead of its planned withdrawal date of 2037": the date named after a noun for it)
                         r"(?:(?:[\p{L}-]+\s+){0,2}?(?:date|deadline|target|year)\s+(?:of\s+|in\s+)?)?"
                         r"(?P<d>(?:(?:January|February|March|April|May|"
                         r"June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d)\b", regex.I)
# a "from" that names a base figure before the date ("from 1,28 % in 2024": a decimal comma), not "withdrawn from service:
# September 2023"
_LATER_AT = LazyPattern(r"\s*(?:later|on)\s*,?\s*(?:in|by|on)\s+(?:(?:early|mid|late)[- ]|the\s+end\s+of\s+)?", regex.I)
# (or an appositive: "five years after the Navy accepted Craft 100, the developmental unit of the programme, on 6
# February 2020")
_PLACE_THEN_DATE = LazyPattern(r",\s*(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}|(?:the|a|an|its|their)\s+[^,;\d]{1,90}?)"
                               r"\s*,\s*(?:in|on)\s+(?=(?:January|February|March|April|May|June|July|August|September|October|"
                               r"November|December|\d))")
_FROM_DATED = LazyPattern(r"\bfrom\b(?=[^,;]*\d)(?:[^,;]|,(?=\d))*$", regex.I)
_MONTH_YEAR = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
               r"(?:19|20)\d\d")
# the two dates a span runs between, given right after it: "(2007–2024)", "(from 1990 to 2014)", ", from 2011 to 2019" (a
# bracket that holds nothing else, or an appended phrase that ends the clause)
_DATES_GIVEN = LazyPattern(
    r"\s*(?:(?:of|in)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:\(\s*(?:from\s+|between\s+)?(?P<a>" + _MONTH_YEAR + r")\s*"
    r"(?:to|and|through|until|[-–])\s*(?P<b>" + _MONTH_YEAR + r"|\d\d)\s*\)|,\s*(?:from|between)\s+(?P<a>" + _MONTH_YEAR +
    r")\s*(?:to|and|through|until|[-–])\s*(?P<b>" + _MONTH_YEAR + r")(?=\s*(?:[,.;)]|$)))", regex.I)


def _full_year(a: str, b: str) -> str:
    """"2007–24": the second year of a range written with two digits, in the first one's century."""
    return a.strip()[-4:-2] + b if len(b.strip()) == 2 else b
# ("extended from 2077 to 2088, eleven years longer": without "than", the difference of its own dates)
_COMPARED_SPAN_AFTER = LazyPattern(r"\s+(?:less|more|shorter|longer|fewer)\s+than\b", regex.I)
_DUE_BY_WORDS = LazyPattern(r"\s+(?:of\s+|than\s+)?(?:the|its|their|his|her|our)\s+(?:[\p{L}-]+\s+){0,2}?"
                            r"(?:dates?|schedules?|plans?|timelines?|"
                            r"milestones?|deadlines?|targets?|baselines?)\b", regex.I)
_LATE = LazyPattern(r"\s*(?:late|early|behind\s+schedule|ahead\s+of\s+schedule|ahead\s+of\s+plan|behind|ahead)\b", regex.I)
# "12 years from 2025 to 2036", "five fiscal years FY2023 to FY2027"
_LATER_WORD = LazyPattern(r"\s+later\b", regex.I)
_BY_THEN = LazyPattern(r"\bby\s+(?:then|that\s+(?:time|date|point|stage)|the\s+time\s+(?:it|they|the\s+\p{L}+)\s+(?:is|are)\s+"
                       r"(?:retired|replaced|withdrawn))\b[^;.]*$", regex.I)
_AMOUNT_OF_TIME = LazyPattern(r"\b(?:accumulated|accumulating|lost|losing|adding|added|totall?ed|totall?ing|amounting\s+to|equivalent\s+of|"
                              r"counted|recorded|logged|tallied|clocked|"
                              r"worth\s+of|sum\s+of)\s+(?:(?:more\s+than|over|about|around|some|nearly|almost|roughly)\s+)?$",
                              regex.I)
# ("expected to replace them after about 20 years", "against an original plan of three years", "a schedule of five years")
_PLANNED_SPAN = LazyPattern(r"\b(?:(?:expected|planned|intended|meant|scheduled|due)\s+to\s+(?:[\p{L}'’-]+\s+){1,5}?"
                            r"(?:after|within|in|for)|(?:plan|schedule|estimate|forecast|target|goal|timetable|timeline)"
                            r"\s+of)\s+(?:(?:about|around|some|nearly|almost|roughly|another|just)\s+)?$", regex.I)
_DATE_GIVEN_AFTER = LazyPattern(r"\s*(?:of|in|for|on|,)?\s*(?:(?:early|mid|late|the\s+end\s+of)\s+)?(?:\p{L}+\.?\s+)?(?:19|20)\d\d",
                                regex.I)  # ("after the original target of July 2017": the date named after all)
# (or a span the period includes: "runs over the five years from 2021 to 2026 and includes three years of support")
# ("made up of a five-year base period and a five-year option": the parts a period is made of, and the next item)
_PART_OF_PERIOD = LazyPattern(r"\b(?:first|last|opening|final|closing|initial|remaining|(?:includes|including|include|included|"
                              r"comprises|comprising|plus|with|made\s+up\s+of|consisting\s+of|consists\s+of|split\s+into|"
                              r"divided\s+into)\s+(?:an?\s+|the\s+|up\s+to\s+)?(?:[^.;]{0,60}?\band\s+(?:an?\s+|the\s+)?)?)\s*$",
                              regex.I)
_DATED_AFTER = LazyPattern(r"\s*(?:[\p{L}-]+\s+){0,2}?(?:from\s+|between\s+)?(?:(?:FY|(?:fiscal|financial)(?:\s+year)?)\s?)?"
                           r"(?:19|20)\d\d\s*(?:to|and|through|until|[-–])\s*"
                           r"(?:(?:FY|(?:fiscal|financial)(?:\s+year)?)\s?)?(?:19|20)\d\d\b", regex.I)
# ("since 1958, giving it more than six decades", "since the dissolution of the Soviet Union in 1991, a run of more than
# three decades": the date an event named by words came on, and the span as the length of a run, a stretch)
_SINCE_BEFORE = LazyPattern(r"\bsince\s+(?:(?:[\p{L}'’-]+\s+){1,8}?in\s+)?(?P<d>(?:(?:early|mid|late)[- ])?(?:(?:January|February|"
                            r"March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d)"
                            r"\s*(?:,|[–—:]|\s-)\s*(?:(?:giving|making|marking)\s+(?:it|them|the\s+\p{L}+)\s+|or\s+|that\s+is\s+|"
                            r"an?\s+(?:run|stretch|span|streak|period|record)\s+of\s+)?(?:(?:more\s+than|almost|nearly|over|"
                            r"about|some|around|just\s+over|just\s+under)\s+)?$", regex.I)


def dateline_end(ctx: Ctx) -> int:
    """Where the dateline ("TOKYO, 12 June 2025 —") ends: 0 when there is none."""
    return _dateline_end(ctx)


def _dateline_end(ctx: Ctx) -> int:
    head = ctx.text[:400]
    cut = regex.search(r"\s[—–]{1,2}\s|\s--\s", head)
    if cut is not None and len(_LOWER_WORD.findall(head, head.rfind("\n", 0, cut.start()) + 1, cut.start())) > 1:
        cut = None  # ("Support is funded for October 2024 – September 2027": a sentence's dash, no dateline's: a
        # dateline is a place and a date, "Capellen, Luxembourg, 8 October 2024 –")
    own_line = _dateline_line(ctx)
    if own_line is not None and (not cut or own_line[1] < cut.start()):
        return own_line[1]
    return cut.end() if cut else 0


_SET_ON = LazyPattern(r"\b(?:set|announced|agreed|adopted|published|unveiled|launched|ordered|signed|awarded|placed|"
                      r"approved|contracted|laid\s+down|laid|begun|began|started|founded)\s+(?:at|in|on|during)?\s*(?:the\s+|its\s+)?"
                      r"(?:[\p{L}-]+\s+){0,2}?$", regex.I)
# "under the Army's 15-year plan", "within the navy's 20-year plan", "part of the ministry's 12-year programme"
_WITHIN_NAMED = LazyPattern(r"\b(?:(?:under|within|as\s+part\s+of|part\s+of)\s+(?:(?:the|its|their|this|that|an?)\s+)?"
                            r"(?:[\p{L}.&-]+['’]s?\s+)?|(?:of|in)\s+(?:(?:the|its|their)\s+)?[\p{L}.&-]+['’]s\s+)$", regex.I)
_OWN_CLAUSE_AFTER_DATES = LazyPattern(r"[,;]\s+(?:and|but|while|whereas)\s+(?:the|its|their|this|that)\b", regex.I)
# (lower case only: "Meteosat Third Generation" is a name, no ordinal of a series)
_ORDINAL_WORD = LazyPattern(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|initial|"
                            r"original|latest|previous|next)\b")
_THAN_PLANNED_IN_DOCUMENT = LazyPattern(r"\s*(?:earlier|later|sooner)\s+than\s+(?:(?:originally|first|previously|initially)\s+)?"
                                        r"(?:planned|scheduled|expected|forecast|envisaged|foreseen|projected)\s+(?:in|by|under)\s+"
                                        r"(?:the|its|their)\s+(?:19|20)\d\d\s+\p{Lu}", regex.I)
_LOWER_WORD = LazyPattern(r"(?<![\p{L}\p{N}.])\p{Ll}{2,}(?![\p{L}\p{N}.])")
_DATELINE_LINE = LazyPattern(r"(?m)^[ \t]*(?:\p{Lu}[\p{L}\p{M}/ .'’-]{1,40},[ \t]*)?(?P<d>[^\n]{4,30})[ \t]*$")


def _dateline_line(ctx: Ctx) -> tuple[int, int] | None:
    """A dateline on a line of its own among the first three ("Seoul/Warsaw, 14 October 2025", "8 January 2025"):
    the line's span, when the line is a place and a date or a date alone (computed once per document)."""
    hit = getattr(ctx, "_dateline_line", False)
    if hit is not False:
        return hit  # type: ignore[return-value]
    found = None
    pos = 0
    for _ in range(3):
        end = ctx.text.find("\n", pos)
        end = len(ctx.text) if end < 0 else end
        m = _DATELINE_LINE.fullmatch(ctx.text, pos, end)
        if m is not None:
            ds = ctx.dates_in(m.start("d"), m.end("d"))
            if len(ds) == 1 and ds[0].start == m.start("d") and ds[0].end >= m.end("d") - 1 and parse_period(ds[0].text):
                found = (pos, end)
                break
        if end >= len(ctx.text):
            break
        pos = end + 1
    ctx._dateline_line = found  # type: ignore[attr-defined]
    return found


# (", while shipyards delivered ... between 2022 and 2024": another clause's dates too)
_NOW_BEFORE = LazyPattern(r"\bnow\b[^,;.]*$", regex.I)
_CLAUSE_GAP = LazyPattern(r";|[.!?]\s|,\s*(?:while|whereas|but|although)\b")
# "a 15-year horizon but concentrates on investments needed between 2025 and 2028": a contrast after the span, before
# its dates, leads to another clause's dates (not "due in fiscal 2026 but will now remain through FY31, a five-year
# extension", where the contrast joins the span's two dates)
_CONTRAST_AFTER = LazyPattern(r"\s(?:while|whereas|but|although)\s", regex.I)


def _unit_size(ctx: Ctx, q: Mention) -> bool:
    """A span written as a compound adjective after a count: "four one-year option periods" (each is a year); or after
    "every", "each" or "per": "in every SIPRI five-year period from 1992–96 to 2015–19", "each three-year plan"."""
    if "-" not in q.text:
        return False
    if _EACH_BEFORE.search(ctx.text, max(0, q.start - 30), q.start):
        return True
    return any(m.type in ("count", "number") and m.end <= q.start and not ctx.text[m.end:q.start].strip()
               for m in ctx.numbers_in(max(0, q.start - 25), q.start))


_EACH_BEFORE = LazyPattern(r"\b(?:every|each|per)\s+(?:\p{Lu}[\p{L}-]*\s+)?$", regex.I)


def _dates_a_figure(ctx: Ctx, q: Mention) -> bool:
    """"¥980 billion a year earlier", "94 vehicles two years ago", "73% more than a year earlier": the span says when a
    figure was measured, or what it is compared with."""
    s, _ = ctx.sentence(q.start)
    if regex.search(r"\b(?:than|from|on|over|versus|vs\.?|against|with|compared\s+(?:with|to)|since)\s+(?:the\s+level\s+of\s+)?$",
                    ctx.text[max(s, q.start - 30):q.start], regex.I):
        return True  # "73% more than a year earlier", "up 12% from a year ago": the base of a comparison
    # ... right after it, or after a relative clause of a few words ("the 3,000 it employed two years earlier", "the
    # $3.5 billion the company reported three years earlier")
    return any(ctx.text[m.end:q.start].strip() == "" or _RELATIVE_CLAUSE.fullmatch(ctx.text, m.end, q.start)
               for m in ctx.numbers_in(s, q.start) if not m.role)


_RELATIVE_CLAUSE = LazyPattern(r"\s+(?:that\s+|which\s+)?(?:it|they|we|he|she|the\s+[\p{L}-]+|its\s+[\p{L}-]+|their\s+[\p{L}-]+)"
                               r"(?:\s+[\p{L}'’-]+){1,3}\s+"
                               # ... or a participle of a word or two ("the 2,480 employed two years earlier", "the $1.6
                               # billion recorded in 2019", "the 520 tanks fielded a decade earlier")
                               r"|(?:\s+[\p{L}-]+)?\s+(?:[\p{L}]+ed|spent|built|made|sold|paid|held|bought|flown|won|"
                               r"given|taken|seen|kept|run|grown|shown|drawn)\s+", regex.I)


def _previous_date(ctx: Ctx, q: Mention, exclude: Mention | None) -> Period | None:
    si = ctx.sent_index(q.start)
    s, _ = ctx.sents[si]
    every = [d for d in ctx.dates_in(s, q.start) if d is not exclude]
    # (a date of a relative clause about the subject - "The second ship, whose keel was laid on 22 June 2023, is to follow
    # ..., a year later" - only when the sentence before gives none: "Saudi Arabia, which agreed the deal in 2017,
    # activated its first battery in July 2025, eight years later")
    here = [d for d in every if not _relative_aside(ctx, s, d)]
    if here:
        return parse_period(here[-1].text)
    if si > 0 and ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(q.start):
        ps, pe = ctx.sents[si - 1]
        # (not the date of a comparison's base there: "exported CHF 696.8 million in 2023, 27% less than the CHF 955.0
        # million of 2022. It was the lowest total since 2018, five years earlier": 2023)
        prev = [d for d in ctx.dates_in(ps, pe) if not _dates_a_base(ctx, d)] or ctx.dates_in(ps, pe)
        if prev:
            return parse_period(prev[-1].text)
    return parse_period(every[-1].text) if every else None


def _relative_aside(ctx: Ctx, lo: int, d: Mention) -> bool:
    """Is the date ``d`` in a relative clause set off after the subject (", whose keel was laid on 22 June 2023,")?"""
    return _RELATIVE_ASIDE.search(ctx.text, max(lo, d.start - 80), d.start) is not None


_STOP = frozenset("""the a an its their his her of in on at to for from by with and or was were is are be been being
has had have will would its this that which who when after before since later than into over under about
first second new""".split())


def _event_date(ctx: Ctx, q: Mention, phrase: str) -> Period | None:
    got = _event_dated(ctx, q, phrase)
    return got[0] if got is not None else None


_OTHER_CLAUSE = LazyPattern(r";|,\s*(?:and|but|while|whereas|although|though)\b|\b(?:and|but)\s+(?:it|they|he|she|this|that)\b",
                            regex.I)


def _event_dated(ctx: Ctx, q: Mention, phrase: str) -> tuple[Period, bool] | None:
    """The date of the event a phrase names ("winning the ... AMDR competition", "its planned delivery"),
    found in the sentence elsewhere in the text that shares most of the phrase's distinctive words; and whether
    that date stands in the clause of those words ("conceived in the late 1990s ..., and it took almost two decades
    to cut steel" does not date the cutting of steel)."""
    k = _event_sentence(ctx, q, phrase, with_dates=True)
    if k is None:
        return None
    a, b = ctx.sents[k]
    # the dateline dates the release, not the event; of the sentence's other dates, the one nearest the event's words
    # ("completing a programme that began when the contract was signed in October 2019")
    lo = max(a, _dateline_end(ctx))
    full = [(d, p) for d in ctx.dates_in(lo, b) if (p := parse_period(d.text))]
    if not full:
        full = [(d, p) for d in ctx.dates_in(a, b) if (p := parse_period(d.text))]
    if not full:
        return None
    words = {w.lower()[:6] for w in regex.findall(r"[\p{L}][\p{L}\p{N}-]{2,}", phrase[:120])} - _STOP
    hits = [(mt.start() + a, mt.end() + a) for mt in regex.finditer(r"[\p{L}][\p{L}\p{N}-]{2,}", ctx.text[a:b])
            if mt.group().lower()[:6] in words]
    if not hits:
        return full[0][1], False

    def apart(d: Mention, h: tuple[int, int]) -> tuple[bool, int]:
        """(another clause between them, characters between them): the same clause first, then the nearest."""
        lo, hi = (d.end, h[0]) if d.end <= h[0] else (h[1], d.start)
        return bool(_OTHER_CLAUSE.search(ctx.text, min(lo, hi), max(lo, hi))), abs(hi - lo)

    d, p, gap = min(((d, p, min(apart(d, h) for h in hits)) for d, p in full), key=lambda t: t[2])
    end = _END_OF_RANGE.search(phrase[:60])
    if end is not None:
        # "35 years after the last vehicle was delivered" and "delivered between 2002 and 2005": the last of a range
        # is its later end, the first its earlier
        k0 = next(i for i, (x, _) in enumerate(full) if x is d)
        pair = [full[i] for i in (k0 - 1, k0) if i >= 0 and i + 1 < len(full) and _joined_range(ctx, full[i][0], full[i + 1][0])]
        if pair:
            i = full.index(pair[0])
            later = end.group(0).lower() in ("last", "final", "latest")
            d, p = full[i + 1] if later else full[i]
    if _other_numbered(phrase, ctx.text[max(a, d.start - 60):min(b, d.end + 60)]):
        return None  # "five years after the first Tranche 1 awards" is not dated by "Tranche 3 awards expected from 2025"
    # sure only when the sentence shares two of the phrase's words ("the contract was signed" is not dated by
    # "Colombia chose the Gripen in April 2025 and signed in November": one word in common)
    shared = {ctx.text[h[0]:h[1]].lower()[:6] for h in hits}
    # (and only when the text told of the event before the span: "entered service in 2023, four years after the
    # contract was signed. A separate contract for sonobuoys was signed in 2022": a definite event points back; one told
    # only after may be another of its kind)
    return p, not gap[0] and gap[1] < 100 and len(shared) >= 2 and not _other_subject(ctx, q, k, phrase) and \
        k < ctx.sent_index(q.start)


def _other_numbered(phrase: str, found: str) -> bool:
    """Does the phrase name a numbered thing ("Tranche 1", "Block III", "Lot 15") that the text around the date found
    names with another number only ("Tranche 3 awards expected from 2025")? Then the date is another thing's event's."""
    for mt in _NUMBERED.finditer(phrase[:120]):
        name, num = mt.group(1).lower(), mt.group(2).lower()
        there = {m.group(2).lower() for m in _NUMBERED.finditer(found) if m.group(1).lower() == name}
        if there and num not in there:
            return True
    return False


_END_OF_RANGE = LazyPattern(r"\b(?:last|final|latest|first|earliest)\b", regex.I)
_NUMBERED = LazyPattern(r"(?<![\p{L}\p{N}])(\p{Lu}[\p{L}-]+)\s+(\d+|[IVX]{1,4})(?![\p{L}\p{N}])")


def _other_subject(ctx: Ctx, q: Mention, k: int, phrase: str) -> bool:
    """Does the sentence found to date the event name the event's noun after a proper name the span's own sentence
    does not name ("Deliveries of the Quadriga aircraft are due ..., five years after the contract was signed" and "20
    under the Halcon I contract of 2022")? Then the event is another thing's."""
    nouns = {w.lower()[:6] for w in _WORDS.findall(phrase[:120])} - _STOP
    a, b = ctx.sents[k]
    qa, qb = ctx.sentence(q.start)
    if not any((w := mt.group("after").split()[0]).islower() and w not in _STOP
               for mt in _NAMED_NOUN.finditer(ctx.text, qa, qb)):
        return False  # (the span's sentence names no thing of its own by a name before a noun: "the Quadriga aircraft")
    own = {w.lower()[:6] for w in _WORDS.findall(ctx.text, qa, qb)}
    for mt in _NAMED_NOUN.finditer(ctx.text, a, b):
        name = mt.group("name").lower()
        if name[:6] in own or name in MONTHS:
            continue
        if any(w.lower()[:6] in nouns for w in mt.group("after").split()):
            return True
    return False


# a proper name and the (up to three) words after it: "the Halcon I contract", "Hobart destroyer contract"
_NAMED_NOUN = LazyPattern(r"(?<=[\p{L},]\s)(?P<name>\p{Lu}[\p{L}\p{N}-]+)(?P<after>(?:\s+[\p{L}\p{N}-]+){1,3})")



EVENT_WINDOW = 40  # sentences either side where the event a span refers to is looked for


def _sentence_words(ctx: Ctx) -> tuple[list[set[str]], dict[str, int]]:
    """Each sentence's word stems and the document frequency of each stem (computed once per document)."""
    cached = getattr(ctx, "_sentence_words", None)
    if cached is not None:
        return cached
    df: dict[str, int] = {}
    sent_words: list[set[str]] = []
    stems: dict[str, str] = {}  # one string object per stem, shared by every sentence that has it
    for a, b in ctx.sents:
        sw = {stems.setdefault(w, w) for w in (x.lower()[:6] for x in _WORDS.findall(ctx.text, a, b))}
        sent_words.append(sw)
        for w in sw:
            df[w] = df.get(w, 0) + 1
    ctx._sentence_words = (sent_words, df)  # type: ignore[attr-defined]
    return sent_words, df


_WORDS = LazyPattern(r"[\p{L}][\p{L}\p{N}-]{2,}")
_REFERS = LazyPattern(r"\s*(?:after|before|since)\b([^;,.]{0,120})", regex.I)


def _referring_words(ctx: Ctx) -> dict[int, set[str]]:
    """Per sentence, the word stems that only name the event of one of its spans ("12 years after commissioning"):
    such a sentence refers to that event and does not date it (computed once per document)."""
    cached = getattr(ctx, "_referring_words", None)
    if cached is not None:
        return cached
    out: dict[int, set[str]] = {}
    for x in _spans(ctx):
        mt = _REFERS.match(ctx.text, x.end)
        if mt is not None:
            k = ctx.sent_index(x.start)
            out.setdefault(k, set()).update(w.lower()[:6] for w in _WORDS.findall(mt.group(1)))
    ctx._referring_words = out  # type: ignore[attr-defined]
    return out


def _bisect_start(spans: list[Mention], s: int) -> int:
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].start < s:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _event_sentence(ctx: Ctx, q: Mention, phrase: str, with_dates: bool = False) -> int | None:
    """The index of the sentence (other than q's) that best shares the phrase's rare words (IDF-weighted;
    acronyms count three times)."""
    words = {w.lower() for w in regex.findall(r"[\p{L}][\p{L}\p{N}-]{2,}", phrase[:120])} - _STOP
    stems = {w[:6] for w in words}
    if not stems:
        return None
    qs = ctx.sent_index(q.start)
    sent_words, df = _sentence_words(ctx)
    referring = _referring_words(ctx)
    caps_q = {w.lower()[:6] for w in regex.findall(r"\b\p{Lu}{2,}\b", phrase[:120])}
    said = {w.lower() for w in _ORDINAL_WORD.findall(phrase[:120])}
    best, best_score = None, 0.0
    for k in range(max(0, qs - EVENT_WINDOW), min(len(ctx.sents), qs + EVENT_WINDOW + 1)):  # bounded
        a, b = ctx.sents[k]
        if k == qs:
            continue
        if with_dates and not ctx.dates_in(a, b):
            continue
        if said and (there := {w.lower() for w in _ORDINAL_WORD.findall(ctx.text, a, b)}) and not said & there:
            continue  # "a decade after the first contract was signed" is not told by "signed its third contract ... on
            # 18 September 2025": another one of a series
        # "Her refit ended in 2035, 12 years after commissioning" speaks of the commissioning, it does not date it
        score = sum((3.0 if w in caps_q else 1.0) / df.get(w, 1) for w in stems & (sent_words[k] - referring.get(k, set())))
        if score > best_score:
            best, best_score = k, score
    if best is None or best_score < 0.3:
        return None
    return best
