"""Restatements: ``conversion`` ("40 km (25 miles)", "30 knots (about 56 km/h or 35 mph)", through pint) and
``currency_conversion`` ("€857 million (about $930 million)", against the year's range of reference rates in
rules/rates.yaml, and against the rate the release itself uses elsewhere).

A restatement is found by the `restate` grammar (a figure in brackets after another, after "or", a dash,
"equivalent to", a comma and a hedge) between two figures of one dimension in different units, or of two
currencies. A second restatement in the same aside restates the same source ("€2.7 billion – about US$2.9
billion or A$4.5 billion"); lists restate in order ("€1.2bn and €0.8bn ($1.3bn and $0.9bn)").
"""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING, Any

from ..extract import fastregex as regex
from ..extract.lazy import LazyPattern
from ..model import Claim, Evidence, Mention, Relation
from .grammar import matches
from .reading import _A_THING, _SPACES, Facts, calibre, doubt, hedge_window, is_amount, known_noun, per_thing
from .scope import Ctx

if TYPE_CHECKING:
    from .dates import Period

_MIXUPS = {("nautical_mile", "mile"): "nautical and statute miles", ("mile", "nautical_mile"): "statute and nautical miles",
           ("knot", "mile_per_hour"): "knots and miles per hour", ("metric_ton", "short_ton"): "tonnes and short tons",
           ("short_ton", "metric_ton"): "short tons and tonnes"}
_BARE_TON = LazyPattern(r"(?<![\p{L}])tons?(?![\p{L}])(?<!metric\s+tons?)", regex.I)
# between the items of a list, and of a size ("1,000 ft by 216 ft", "340 m long and 67 m wide", "120 m x 80 m")
_LIST_GAP = LazyPattern(r"\s*(?:(?:long|wide|high|deep|tall|across)\s*)?(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|by\s+|[x×]\s+)",
                        regex.I)


_SIZE_OF_BEFORE = (r"(?<![\p{L}])(?:@change_nouns|@markup_nouns|shortfall|gap|difference|swing)\s+(?:of|by)\s+"
                   r"(?:(?:about|around|some|roughly|nearly|almost|just\s+over|just\s+under|more\s+than)\s+)?$")
_TOTAL_AFTER = r"(?:[ \u00a0]+(?:of[ \u00a0]+)?[\p{L}-]+){0,3}?[ \u00a0]+(?:@total_cues)(?![\p{L}\p{N}])"


def find(ctx: Ctx, facts: Facts) -> None:
    g = facts.g
    src_of: dict[int, Mention] = {}  # a restatement's start -> the figure it restates
    done: set[tuple[int, int]] = set()
    for si in range(len(ctx.sents)):
        figs = ctx.sentence_numbers(si)
        if len(figs) < 2:
            continue
        _scale_restatements(ctx, figs, src_of)
        ab = facts.abstract(si)
        found = sorted(matches(g, "restate", ab), key=lambda mt: (-mt.template.weight, mt.start))
        for mt in found:
            ctx.work.patterns += 1
            src, dst = mt.slots.get("src"), mt.slots.get("dst")
            if src is None or dst is None or not _restates(ctx, src, dst, facts):
                continue
            if facts.rate_of(src) == "exchange" or facts.rate_of(dst) == "exchange":
                continue  # "At ¥150 to the dollar, that is about $58 billion": a rate, not the amount restated
            if _named_rate(ctx, src):
                # "the FY2022 budget of ¥5.40 trillion, at the 2022 average of ¥131, was worth about $41 billion": the
                # rate named as one is what the amount before it is converted at, not the amount
                amounts = [x for x in ctx.numbers_in(ctx.sentence(src.start)[0], src.start)
                           if x.type == "currency" and x.unit == src.unit and facts.rate_of(x) != "exchange"]
                if not amounts:
                    continue
                src = amounts[-1]
            if mt.template.meta.get("dst_hedged") and not dst.hedge:
                continue  # "12 km, 20 km and 30 km" lists; "12 km, about 7.5 miles" restates
            if g.regex(_SIZE_OF_BEFORE).search(ctx.text, src.end, dst.start):
                continue  # "84 months, against a design target of 60 months – a gap of two years": a figure a change noun
                # names ("a gap of", "an increase of") is the size of a difference, no restatement
            if mt.template.id.startswith("dash") and g.regex(_TOTAL_AFTER).match(ctx.text, dst.end):
                continue  # "a 1,830-metre runway of roughly 6,000 feet — 4,280 metres of runway in all": a figure a total
                # word follows (linking words total_cues) adds up what came before; it restates none of it
            if mt.template.id == "bracket" and src.end <= dst.start and \
                    ")" in ctx.text[src.end:ctx.text.rfind("(", src.end, dst.start) + 1]:
                continue  # "Rheinmetall (price target €2,200) and Saab (SEK 330)": the source closes a bracket of its
                # own; the next bracket is another thing's figure
            src = src_of.get(src.start, src)  # "– about US$2.9 billion or A$4.5 billion": both restate the euros
            src = _before_prior_bracket(ctx, src, dst)
            if (src.start, dst.start) in done or ctx.is_stated(dst) or dst.start in src_of:
                continue
            if src.type == "quantity" and _unit_named_between(ctx, src, dst):
                continue  # "from almost half a metric ton to a full ton (roughly 2,200 pounds)": the bracket restates
                # the quantity named right before it, which the text gives by words only
            pairs = _respective_sources(ctx, dst) or _paired_list(ctx, src, dst) or [(src, dst)]
            for s, d in pairs:
                if (s.start, d.start) in done or not _restates(ctx, s, d, facts):
                    continue
                done.add((s.start, d.start))
                src_of[d.start] = s
                ev = Evidence("restate:" + mt.template.id, f"'{_quote(ctx, mt.start, mt.end)}'", mt.template.weight,
                              mt.template.explicit)
                if s.type == "quantity":
                    _conversion(ctx, facts, s, d, ev)
                elif s.value_high is not None and d.value_high is None and hedge_window(ctx.vocab, d.hedge) == "at_most":
                    # "A$268 billion to A$368 billion (up to US$254 billion)": the upper end restated ("up to" names the
                    # end, no ceiling of the conversion)
                    _currency(ctx, facts, dataclasses.replace(s, value=s.value_high, value_high=None),
                              dataclasses.replace(d, hedge=None), ev)
                else:
                    _currency(ctx, facts, s, d, ev)
    _period_rates(ctx, src_of)
    _same_rate(ctx)


# how many of the later period a rate's period holds: exact between calendar periods, a range of working days for a day
# ("6,000 rounds a day, or 2.2 million a year": 220 to 366 days; a plant may not work every day)
_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 365.25 / 12, "quarter": 365.25 / 4, "year": 365.25}
_WORKING = {("day", "week"): (5.0, 7.0), ("day", "month"): (20.0, 31.0), ("day", "quarter"): (60.0, 92.0),
            ("day", "year"): (220.0, 366.0), ("week", "year"): (48.0, 52.2), ("week", "month"): (4.0, 4.43),
            # an hour's rate (a wage, a machine's output) over working hours or round the clock: "$31.40 an hour, or
            # about $65,300 a year for a full-time worker"
            ("hour", "day"): (7.0, 24.0), ("hour", "week"): (35.0, 168.0), ("hour", "month"): (140.0, 744.0),
            ("hour", "year"): (1600.0, 8784.0)}
_RATE_RESTATED = LazyPattern(r"(?:\s+(?:by|in|from|until|through|since)\s+(?:the\s+end\s+of\s+|early\s+|late\s+|mid-?)?(?:19|20)\d\d)?"
                             r"\s*(?:,|\(|–|—|\s-)?\s*(?:or|i\.e\.|that\s+is|equivalent\s+to|equal\s+to|which\s+is|"
                             r"meaning|so)?\s*(?:(?:some|about|around|roughly|nearly|almost|close\s+to|just\s+over|just\s+under|"
                             r"more\s+than|over|up\s+to)\s+)?", regex.I)


def _period_rates(ctx: Ctx, src_of: dict[int, Mention]) -> None:
    """"6,000 rounds a day, or roughly 2.6 million a year", "3,960 missiles a year, or 330 a month": a rate restated
    per another period, right after it (its period's days, or working days for a day's rate)."""
    from .pairs import per_time

    for si in range(len(ctx.sents)):
        figs = [x for x in ctx.sentence_numbers(si) if is_amount(x) and x.value and x.type != "percent"]
        for x, y in zip(figs, figs[1:], strict=False):
            if ctx.is_stated(y) or y.start in src_of:
                continue
            x = src_of.get(x.start, x)  # ("10,000 rounds a day ... about 300,000 a month, or 3.65 million a year": the first)
            px, py = per_time(ctx, x), per_time(ctx, y)
            if px is None or py is None or px == py or px not in _DAYS or py not in _DAYS:
                continue
            tail = _PER_PERIOD_AT.match(ctx.text, x.end)
            if tail is None or not _RATE_RESTATED.fullmatch(ctx.text, tail.end(), y.start):
                continue
            if not (y.type == "number" or (x.type == y.type and x.unit == y.unit)):
                continue  # (a count restated as a bare number per another period reads as the same thing; "40 missiles
                # a month, 20 launchers a year" are two rates)
            lo_f, hi_f = _factor_range(px, py)
            v = x.value or 0.0
            # the source as written: its rounding (trailing zeros too) and its hedge ("about 300,000 a month")
            step = max(x.half_step or 0.0, trailing_zero_step(x))
            band = 0.05 if x.approx else 0.0
            lo, hi = (v - step) * (1 - band) * lo_f, (v + step) * (1 + band) * hi_f
            point = v * _DAYS[py] / _DAYS[px]
            span = f"{lo_f:g}" if lo_f == hi_f else f"{lo_f:g} to {hi_f:g}"
            note = f"{_g(v)} {_a(px)} {px} × {span} = {_g(lo)}" + (f" to {_g(hi)}" if _g(hi) != _g(lo) else "") + \
                f" {_a(py)} {py}"
            ev = Evidence("restate:per-period", f"'{x.text} ... {y.text}': one rate per another period", 4.5, True)
            src_of[y.start] = x
            ctx.add(Claim("conversion", (y.start, y.end), y, readings=(
                Relation("given", (x,), (ev,), computed=(lo, hi), point=point, note=note),),
                stated_step=trailing_zero_step(y)))


_PER_PERIOD_AT = LazyPattern(r"\s*(?:[\p{L}-]+\s+){0,3}?(?:a|an|per|each|every)\s+(?:year|month|week|day|hour|quarter|annum)\b",
                             regex.I)


def _a(period: str) -> str:
    return "an" if period == "hour" else "a"


def _factor_range(px: str, py: str) -> tuple[float, float]:
    """How many of period ``px`` one ``py`` holds (or the inverse), as a range where working days make it one."""
    if (px, py) in _WORKING:
        return _WORKING[(px, py)]
    if (py, px) in _WORKING:
        a, b = _WORKING[(py, px)]
        return 1 / b, 1 / a
    f = _DAYS[py] / _DAYS[px]
    if px in ("month", "quarter", "year") and py in ("month", "quarter", "year"):
        f = {"month": 12, "quarter": 4, "year": 1}[px] / {"month": 12, "quarter": 4, "year": 1}[py]
    return f, f


def _unit_named_between(ctx: Ctx, src: Mention, dst: Mention) -> bool:
    """Is a unit of ``src``'s dimension named by a word between the two figures (another quantity, given in words)?"""
    from ..extract.units import convert

    units = ctx.vocab.get("units") or {}
    figs = [(x.start, x.end) for x in ctx.numbers_in(src.end, dst.start)]
    for w in _UNIT_WORD.finditer(ctx.text, src.end, dst.start):
        if len(w.group(0)) < 3 or any(a <= w.start() < b for a, b in figs):
            continue  # ("in", "m", "t": words before they are units; "7,825 miles": another figure's unit)
        name = units.get(w.group(0)) or units.get(w.group(0).lower())
        if name and src.unit and convert(1.0, str(name), src.unit) is not None:
            return True
    return False


_UNIT_WORD = LazyPattern(r"(?<![\p{L}\p{N}])\p{L}[\p{L}.]*(?![\p{L}])")
_PRIOR_OPEN = LazyPattern(r"\(\s*(?:(?:(?:FY\s?)?(?:19|20)\d\d|previous\s+year|prior\s+year|PY|year\s+earlier)\s*[:=]?\s*)?$", regex.I)


def _before_prior_bracket(ctx: Ctx, src: Mention, dst: Mention) -> Mention:
    """"PLN 11 864 mln (2023: PLN 9 512 mln), i.e. about EUR 2,76 mld": a restatement after a bracketed prior-period
    value restates the figure before the bracket, not the prior one inside it."""
    t = ctx.text
    close = t.find(")", src.end, dst.start)
    opened = t.rfind("(", max(0, src.start - 30), src.start)
    if close < 0 or opened < 0 or not _PRIOR_OPEN.search(t, opened, src.start):
        return src
    before = [x for x in ctx.numbers_in(max(0, opened - 60), opened) if is_amount(x)]
    if before and before[-1].type == src.type and before[-1].unit == src.unit and not t[before[-1].end:opened].strip():
        return before[-1]
    return src


_SCALE_BRACKET = LazyPattern(r"\s*\(\s*(?:(?:or|about|around|roughly|some|approximately|i\.e\.|that\s+is)\s+)?|"
                             r",\s*(?:or|i\.e\.|that\s+is)\s+(?:(?:about|around|roughly|some|approximately)\s+)?")


def _scale_restatements(ctx: Ctx, figs: list[Mention], src_of: dict[int, Mention]) -> None:
    """"₹63,000 crore (₹6.3 trillion, or about $7.4 billion)", "₹1.80 lakh crore, or ₹1,80,000 crore": a figure
    restated in brackets or after ", or" in the same unit and another scale. A bracket may as well give the prior
    period ("€1.2bn (€980m)"), so only two readings are made: the same value (it holds) or the same digits a power
    of ten away (a scale slip: it fails); any other pair is left alone. A further restatement in the bracket restates
    the first figure."""
    for x, y in zip(figs, figs[1:], strict=False):
        if not (is_amount(x) and is_amount(y)) or x.type not in ("currency", "quantity") or x.unit != y.unit \
                or not x.scale or not y.scale or x.scale.lower() == y.scale.lower() or y.inferred:
            continue
        gap = _SCALE_BRACKET.fullmatch(ctx.text, x.end, y.start)
        if gap is None:
            continue
        # in brackets the figure stands alone ("€1.2bn (€980m)" may give the prior period); after ", or" a few words
        # of its own may follow ("Rs 62,700 crore, or about Rs 6.27 lakh crore in rupee terms, is ...")
        tail = _OR_TAIL if gap.group(0).lstrip().startswith(",") else _BRACKET_TAIL
        if not tail.match(ctx.text, y.end, min(len(ctx.text), y.end + 40)):
            continue
        a, b = abs(x.value or 0.0), abs(y.value or 0.0)
        if not a or not b:
            continue
        ratio = max(a, b) / min(a, b)
        k = round(math.log10(ratio))
        same = ratio <= 1 + 1e-9 or (abs(a - b) <= (x.half_step or 0.0) + (y.half_step or 0.0) + 1e-9 * max(a, b))
        slip = k >= 1 and abs(ratio / 10 ** k - 1) < 0.02
        if not (same or slip):
            continue
        src_of[y.start] = x
        ev = Evidence("restate:scale", f"'{ctx.text[x.start:y.end]}': the same {x.unit} in another scale", 4.0, True)
        ctx.add(Claim("conversion", (y.start, y.end), y,
                      readings=(Relation("equal", (x,), (ev,), note=f"{x.text} = {_g(a)} {x.unit}"),)))


_BRACKET_TAIL = LazyPattern(r"\s*(?:[,;)]|\.(?!\d))")
# ... but not a rate ("$5.5 billion, or about $550 million a ship")
_OR_TAIL = LazyPattern(r"(?!\s+(?:a|an|per|each|every|apiece|for\s+each|for\s+every)\b)(?:\s+[\p{L}'’-]+){0,4}\s*"
                       r"(?:[,;)]|\.(?!\d)|$)", regex.I)


_RATE = LazyPattern(r"\s*(?:(?:for|to|of)\s+(?:each|every)|each|apiece|per|a\s+(?:year|month|day|week|piece|unit|head)|"
          r"an\s+(?:hour|item))\b", regex.I)


def _restates(ctx: Ctx, src: Mention, dst: Mention, facts: Facts) -> bool:
    if not is_amount(src) or not is_amount(dst) or src.type != dst.type or src.unit == dst.unit:
        return False
    if _LABELLED_BRACKET.fullmatch(ctx.text, src.end, dst.start):
        return False  # "two years of service (E-1: more than four months)", "€1.3bn (2023: $1.2bn)": a bracket that
        # labels its figure gives another category's or period's value, not the same one in other units
    if src.type == "quantity" and not _BRACKET_RIGHT_AFTER.fullmatch(ctx.text, src.end, dst.start) and \
            calibre(ctx.text, src, facts.g.word_pattern("calibre_nouns")):
        return False  # "a conventional 127 mm shell, which is limited to about 23 km": a calibre names the weapon; only
        # a bracket right after it restates it ("a 127 mm (5-inch) gun")
    if _is_rate(ctx, facts, dst) != _is_rate(ctx, facts, src):
        return False  # "$2.7 billion – roughly CZK 243 million per vehicle", "54.7 million barrels, or roughly 23,800
        # cubic metres on an average day": a rate, no restatement
    per_src, per_dst = per_thing(ctx.text, src.end), per_thing(ctx.text, dst.end)
    if per_src is not None and per_dst is not None and per_src != per_dst:
        return False  # "about 161 kg per satellite including dispensers, or close to 5.8 tonnes per launch": rates per
        # two different things restate no one figure
    if not src.unit or not dst.unit or src.value is None or dst.value is None:
        return False
    if src.type == "quantity":
        from ..extract.units import compatible

        if _POINT_IN_TIME.match(ctx.text, src.end) or _POINT_IN_TIME.match(ctx.text, dst.end):
            return False  # "the $18 billion reported twelve months earlier and equal to around four years of revenue": a
            # time ago is a point in time, nothing restated
        return compatible(src.unit, dst.unit)
    return src.type == "currency"


def _is_rate(ctx: Ctx, facts: Facts, x: Mention) -> bool:
    """Is ``x`` a rate: "per vehicle", "each", "a year" (or other linking words period_rate_words, unit_rate_words: "on
    an average day"), or "a"/"an" and a noun the vocabulary classes ("A$900 million a ship", "€240 million an
    aircraft")?"""
    if _RATE.match(ctx.text, x.end) or facts.rate_words_after(x.end) is not None:
        return True  # (the words after it only: "a unit cost of ¥4.5 billion ($40 million)" names both a rate)
    spaces = _SPACES.match(ctx.text, x.end)
    thing = _A_THING.match(ctx.text, spaces.end()) if spaces is not None and spaces.end() > x.end else None
    return thing is not None and known_noun(ctx.vocab, thing.group(1))


_LABELLED_BRACKET = LazyPattern(r"[^()]*\(\s*[^():\d]{0,20}\d*[^():]{0,10}:\s*(?:(?:more|less|fewer)\s+than|about|around|"
                                r"over|under|up\s+to|some|nearly|almost|approximately|approx\.)?\s*")
_BRACKET_RIGHT_AFTER = LazyPattern(r"\s*\(\s*(?:about|around|some|roughly|approximately|approx\.|nearly|almost|c\.)?\s*")
_POINT_IN_TIME = LazyPattern(r"\s*(?:earlier|ago|later|before|after|previously|since|hence)\b", regex.I)


def _paired_list(ctx: Ctx, src: Mention, dst: Mention) -> list[tuple[Mention, Mention]] | None:
    """"€1.2bn and €0.8bn ($1.3bn and $0.9bn)": a list restated by as many figures in one other unit."""
    nums = ctx.amounts
    i = ctx.amount_index.get(src.start)
    j = ctx.amount_index.get(dst.start)
    if i is None or j is None or j != i + 1:
        return None
    srcs = [src]
    k = i
    while k > 0 and nums[k - 1].unit == src.unit and nums[k - 1].type == src.type \
            and _LIST_GAP.fullmatch(ctx.text[nums[k - 1].end:nums[k].start]):
        srcs.insert(0, nums[k - 1])
        k -= 1
    if len(srcs) < 2:
        return None
    dsts = [dst]
    k = j
    while k + 1 < len(nums) and nums[k + 1].unit == dst.unit and len(dsts) < len(srcs) \
            and _LIST_GAP.fullmatch(ctx.text[nums[k].end:nums[k + 1].start]):
        dsts.append(nums[k + 1])
        k += 1
    if len(dsts) != len(srcs):
        return None
    return list(zip(srcs, dsts, strict=True))


def _respective_sources(ctx: Ctx, dst: Mention) -> list[tuple[Mention, Mention]] | None:
    """"AED 23.34bn at IDEX 2023 and GAMI SAR 26.7bn at WDS 2024, equivalent to $6.36bn and $7.12bn respectively": the
    k-th restatement of a list closed by "respectively" restates the k-th amount of its sentence in another currency."""
    nums = ctx.amounts
    j = ctx.amount_index.get(dst.start)
    if j is None or dst.type != "currency":
        return None
    dsts = [dst]
    k = j
    while k + 1 < len(nums) and nums[k + 1].unit == dst.unit and _LIST_GAP.fullmatch(ctx.text[nums[k].end:nums[k + 1].start]):
        dsts.append(nums[k + 1])
        k += 1
    if len(dsts) < 2 or not _RESPECTIVELY_AFTER.match(ctx.text, dsts[-1].end):
        return None
    s0, _ = ctx.sentence(dst.start)
    srcs = [x for x in nums[:j] if x.start >= s0 and x.type == "currency" and x.unit != dst.unit]
    if len(srcs) < len(dsts):
        return None
    return list(zip(srcs[-len(dsts):], dsts, strict=True))


_RESPECTIVELY_AFTER = LazyPattern(r"\s*,?\s*respectively\b", regex.I)


def trailing_zero_step(m: Mention) -> float:
    """A restated figure is often rounded to its last non-zero digit: "12,600 km" stands for 12,550-12,650."""
    step = m.half_step or 0.0
    if m.decimals == 0 and m.value and not m.word and m.scale is None and abs(m.value) >= 100:
        v = int(round(abs(m.value)))
        ndigits = len(str(v))
        z = 0
        while v and v % 10 == 0 and z < 6:
            v //= 10
            z += 1
        z = min(z, ndigits - 2)  # keep two significant digits: "20" is not "anything from 15 to 25"
        step = max(step, 0.5 * 10 ** z) if z > 0 else step
    return step


def _conversion(ctx: Ctx, facts: Facts, src: Mention, dst: Mention, ev: Evidence) -> None:
    from ..extract.units import convert

    assert src.unit and dst.unit
    # a scale with its own zero (°C, °F) converts by a factor and an offset: 50 °C is 122 °F, not 50 × 33.8
    offset, one = convert(0.0, src.unit, dst.unit), convert(1.0, src.unit, dst.unit)
    if offset is None or one is None:
        return
    factor = one - offset
    if abs(offset) < 1e-12 * max(1.0, abs(factor)):
        offset = 0.0
    rule = ctx.rules.rule("conversion")
    slack = float(rule.options.get("hedged_slack", 0.02)) if rule else 0.02
    step = trailing_zero_step(dst)
    if dst.hedge:
        step = max(step, slack * abs(dst.value or 0.0))
    plus = f" {'+' if offset >= 0 else '−'} {_g(abs(offset))}" if offset else ""
    note = f"{_g(src.value or 0.0)} {src.unit} × {factor:.6g}{plus} = {_g((src.value or 0.0) * factor + offset)} {dst.unit}"
    mix = _mixup(src, dst)
    # (a restatement made with a rounded factor - ÷ 1.609 km a mile, × 2.2 lb a kg - reaches as far as the result
    # with that factor: rule option rounded_factors)
    v = (src.value or 0.0) * factor + offset
    rounded = [(src.value or 0.0) * f for f in _rounded_factors(rule, src.unit, dst.unit)] \
        if not offset and src.value_high is None else []  # (a range's ends are read by the judge, as written)
    reach = (min([v, *rounded]), max([v, *rounded])) if rounded else None
    if reach is not None and _g(reach[0]) != _g(reach[1]):
        note += f" (with a rounded factor, {_g(reach[0])} to {_g(reach[1])})"
    readings = [Relation("convert", (src,), (ev,), factor=factor, offset=offset, note=note, exact=True, computed=reach,
                         point=v if reach else None)]
    # "2,105.4 kilograms (2.32 tons)": a ton written without "metric" may be a short (US) or long (UK) ton; each is a
    # reading that can make the figure hold (doubted: it never accuses)
    for m, role in ((src, "src"), (dst, "dst")):
        if m.unit == "metric_ton" and _BARE_TON.search(m.text):
            for alt in ("short_ton", "long_ton"):
                a0 = convert(0.0, alt if role == "src" else src.unit, dst.unit if role == "src" else alt)
                a1 = convert(1.0, alt if role == "src" else src.unit, dst.unit if role == "src" else alt)
                if a0 is None or a1 is None:
                    continue
                name = alt.replace("_", " ")
                readings.append(doubt(Relation(
                    "convert", (src,), (ev,), factor=a1 - a0, offset=0.0, exact=True,
                    note=f"{_g(src.value or 0.0)} {alt if role == 'src' else src.unit} × {a1 - a0:.6g} = "
                         f"{_g((src.value or 0.0) * (a1 - a0))} {dst.unit if role == 'src' else alt}"),
                    Evidence("ton", f"'{m.text}' read as {name}s", 0.0)))
            mix = None  # (a short ton is no mix-up where the text says "tons")
    src_step = trailing_zero_step(src)
    if src_step > (src.half_step or 0.0) and src.value and dst.value and \
            10 * trailing_zero_step(dst) / abs(dst.value) >= src_step / abs(src.value):
        # "a range of 1,300 kilometres (800 miles)" for 807.8: a source written with trailing zeros may itself be a
        # round figure (1,250-1,350 km), and a restatement of it needs no more precision than it has: a reading made
        # to doubt (it can make the figure hold, never fail). Not for a restatement written far more finely than its
        # source ("94,000 sq ft (8,731 sq m)"): that one was computed from the source as written
        wide = dataclasses.replace(src, half_step=src_step)
        lo, hi = (src.value or 0.0) - src_step, (src.value or 0.0) + src_step
        readings.append(Relation("convert", (wide,), (ev, Evidence("rounded_source", f"'{src.text}' read as a round "
                                 f"figure, {_g(lo)}-{_g(hi)}", 0.0)), factor=factor, offset=offset, note=note,
                                 alternative=True))
    elif (not src.hedge or src.hedge.lower() not in _BAND_HEDGES) and src.half_step and src.value and dst.value and \
            dst.half_step is not None and src.half_step * abs(factor) > dst.half_step and \
            10 * (dst.half_step or 0.0) / abs(dst.value) >= src.half_step / abs(src.value):
        # "a 239-metre (785-foot) expeditionary sea base" for 239.3 m: the source is rounded to its last digit, which
        # covers more than one step of the restatement - either may have been converted from the exact length: a
        # reading made to doubt (it can make the figure hold, never fail). A bound restated ("up to 18 metres (60
        # feet)") is such a rounded figure too, the restatement the same bound: read without its hedge
        lo, hi = (src.value or 0.0) - src.half_step, (src.value or 0.0) + src.half_step
        bare = dataclasses.replace(src, hedge=None) if src.hedge else src
        readings.append(Relation("convert", (bare,), (ev, Evidence("rounded_source", f"'{src.text}' read as rounded to "
                                 f"its last digit, {_g(lo)}-{_g(hi)}", 0.0)), factor=factor, offset=offset, note=note,
                                 alternative=True))
    elif src.hedge and src.hedge.lower() in _BAND_HEDGES and src.half_step and src.value and \
            not any(r.alternative for r in readings):
        # "about 151 metres (496 ft)" for a 151.2 m hull: a hedged source is itself rounded, and its restatement may be
        # of the value it rounds: a reading made to doubt (it can make the figure hold, never fail)
        lo, hi = (src.value or 0.0) - src.half_step, (src.value or 0.0) + src.half_step
        readings.append(Relation("convert", (src,), (ev, Evidence("rounded_source", f"'{src.text}' read as a hedged, "
                                 f"rounded figure, {_g(lo)}-{_g(hi)}", 0.0)), factor=factor, offset=offset, note=note,
                                 alternative=True))
    readings += _other_sources_of_measure(ctx, src, dst, ev)
    ctx.add(Claim("conversion", (dst.start, dst.end), dst, readings=tuple(readings), stated_step=step,
                  params={"diagnosis": f"the figure matches a mix-up of {mix}"} if mix else {}))


def _other_sources_of_measure(ctx: Ctx, src: Mention, dst: Mention, ev: Evidence) -> list[Relation]:
    """"about 1,000 km, roughly five times the 200 km of the current type, or some 540 nautical miles": a restatement
    after a comparison may restate the comparison's subject, not the figure nearest it. Each other amount of the
    restatement's sentence before it that converts to its unit is a reading made to doubt (it can make the figure
    hold, never fail): a restatement that fits another figure of the sentence is no slip of the one nearest it."""
    from ..extract.units import convert

    out: list[Relation] = []
    if dst.value_high is not None or src.value_high is not None:
        return out  # (a range restated is read end to end: "2 GHz to 40 GHz (2,000 MHz to 4,000 MHz)")
    for y in ctx.numbers_in(ctx.sentence(dst.start)[0], dst.start):
        if y is src or y.type != "quantity" or not y.unit or y.value is None or y.value_high is not None or \
                not is_amount(y):
            continue
        y0, y1 = convert(0.0, y.unit, dst.unit or ""), convert(1.0, y.unit, dst.unit or "")
        if y0 is None or y1 is None:
            continue
        f = y1 - y0
        out.append(Relation("convert", (y,), (ev, Evidence("other_source", f"'{y.text}', another figure of the "
                            "sentence, restated", 0.0)), factor=f, offset=y0,
                            note=f"{_g(y.value)} {y.unit} × {f:.6g} = {_g(y.value * f + y0)} {dst.unit}",
                            alternative=True))
    return out


_BAND_HEDGES = frozenset({"about", "around", "approximately", "approx.", "roughly", "some", "circa", "c.", "an estimated",
                          "estimated", "nearly", "almost"})


def _rounded_factors(rule: Any, a: str | None, b: str | None) -> list[float]:
    """The rounded factors writers convert ``a`` to ``b`` with (rule option rounded_factors, "from>to")."""
    table = rule.options.get("rounded_factors") if rule is not None else None
    got = table.get(f"{a}>{b}") if isinstance(table, dict) else None
    return [float(f) for f in got if isinstance(f, (int, float)) and f > 0] if isinstance(got, list) else []


def _mixup(src: Mention, dst: Mention) -> str | None:
    from ..extract.units import convert

    for (a, b), what in _MIXUPS.items():
        if src.unit == a or dst.unit == b:
            # the source read as the other unit ("30 knots" as mph), or the result computed in the other unit and
            # written as this one ("2,775 km" in nautical miles, written as miles)
            alt = convert(src.value or 0.0, b, dst.unit or "") if src.unit == a else \
                convert(src.value or 0.0, src.unit or "", a)
            if alt and abs(alt - (dst.value or 0.0)) <= max(trailing_zero_step(dst), 0.02 * abs(dst.value or 0.0)):
                return what
    return None


_BRACKET_AFTER = LazyPattern(r"\s*\(\s*(?:(?:about|around|some|roughly|approximately|nearly|almost|just\s+over|"
                             r"just\s+under|c\.|ca\.|~|≈)\s*)?$", regex.I)


# ---------------------------------------------------------------------------------------------- currencies
def _currency(ctx: Ctx, facts: Facts, src: Mention, dst: Mention, ev: Evidence) -> None:
    """One reading per year the rate could be of: the year of the release (or of the figure's own date) when the
    rate table has it; otherwise every year the text names inside the table and the table's latest year, none
    of them explicit (a conversion of unknown date can warn, not fail)."""
    from .dates import _document_date, date_near, document_date

    tables = ctx.rules.rates.get("tables") or []
    when = date_near(ctx, src)
    current = _CURRENT_RATE.match(ctx.text, dst.end, min(len(ctx.text), dst.end + 60)) is not None
    if current:
        # "funded in the FY2020 budget at ¥70.2 billion, or about US$475 million at the current exchange rate": the
        # rate of the release's own day, not of the figure's date (none given: every year named, none surely)
        when = _document_date(ctx)
    year = when.mid.year if when else None
    # (the rate's year named by a year written after the figure in its sentence: "... in December 2019")
    when_after = any(_YEAR_WRITTEN.search(d.text) for d in ctx.dates_in(dst.end, ctx.sentence(src.start)[1]))
    sure = _table_for(tables, year)
    # "backlog reached 8.2 trillion won ($5.6 billion) at the end of March" in an undated release whose only year is a
    # past event's ("put US$300 million into OneWeb in 2021"): the latest date the text names is a guess, and the
    # latest rates are a reading that can make the conversion hold
    guessed = sure is not None and when is not None and document_date(ctx) is None and \
        not any(d.text == when.text for d in ctx.dates_in(*ctx.paragraph(src.start)))
    if sure is not None:
        chosen: list[tuple[dict, bool | None]] = [(sure, True)]
        # a date of the sentence before dates that sentence's event ("... its steel was cut in 2021. The company also
        # gave its backlog as KRW 11.4 trillion (about $8.3 billion)"): the release's own year is as plausible
        doc_d = document_date(ctx)
        if doc_d is not None and doc_d.mid.year != year and not _dated_sentence(ctx, src):
            other = _table_for(tables, doc_d.mid.year)
            if other is not None:
                chosen.append((other, True))
            # "A year earlier, ASELSAN had reported ... TRY 3.6 billion ($106 million)": the year before the release's
            if _PRIOR_YEAR_WORDS.search(ctx.text, ctx.sentence(src.start)[0], src.start) and \
                    (prior := _table_for(tables, doc_d.mid.year - 1)) is not None and prior is not sure:
                chosen.append((prior, True))
        # "TOKYO, 22 December 2023 ... A year later, the cabinet approved a general budget of JPY 115.5 trillion (US$730
        # billion)": the year after the release's (or the date's) is as plausible
        if (later := _LATER_YEAR_WORDS.search(ctx.text, ctx.sentence(src.start)[0], src.start)) is not None:
            n = _SMALL_NUMBERS.get(later.group("n").lower(), 1) if later.group("n") else 1
            base_year = doc_d.mid.year if doc_d is not None else year
            if base_year is not None and (nxt := _table_for(tables, base_year + n)) is not None and \
                    all(nxt is not t for t, _ in chosen):
                chosen.append((nxt, True))
        # "the 1.15 trillion-won ($804 million) construction contract ... in December 2019" (a date after the figure):
        # a news text converts at the rate of its own day as often as at the date it names, so the release's
        # year (or, with none given, the latest year of the rates) is a reading that can make it hold, never fail
        # (not when a date stands before the figure in its sentence: "its first export order in 2016 worth TRY 3.2
        # billion (about $100 million)" is the amount of that date)
        if not _OWN_TIME.search(ctx.text, src.start, min(ctx.sentence(src.start)[1], dst.end + 40)) and \
                not _dated_sentence(ctx, src) and when is not None and when_after:
            known = sorted({int(t["year"]) for t in tables if "year" in t})
            for now in [doc_d.mid.year] if doc_d is not None and doc_d.mid.year in known else known[-2:]:
                if now != year and (cur := _table_for(tables, now)) is not None and all(cur is not t for t, _ in chosen):
                    chosen.append((cur, None))  # (None: an alternative reading)
        if guessed:
            known = sorted({int(t["year"]) for t in tables if "year" in t})
            if known and (cur := _table_for(tables, known[-1])) is not None and all(cur is not t for t, _ in chosen):
                chosen.append((cur, None))
        if doc_d is not None and _BRACKET_AFTER.match(ctx.text, src.end, dst.start) and \
                not _OWN_TIME.search(ctx.text, src.start, min(ctx.sentence(src.start)[1], dst.end + 40)) and \
                (cur := _table_for(tables, doc_d.mid.year)) is not None and all(cur is not t for t, _ in chosen):
            # "launched in 2017 with a budget of about 1.2 trillion won ($830 million)" in a release of 2025: a
            # bracketed restatement is as often at the rate of the release's day as at the event's; a reading that
            # can make it hold, never fail (not "($804 million at the time)")
            chosen.append((cur, None))
    else:
        known = sorted({int(t["year"]) for t in tables if "year" in t})
        if not known:
            ctx.skip("currency_conversion", dst, "no reference rates loaded")
            return
        named = {y for y in _named_years(ctx) if known[0] <= y <= known[-1]}
        years = sorted(named | {known[-1]}, reverse=True)
        chosen = [(t, False) for y in years if (t := _table_for(tables, y)) is not None]  # (every one a guess)
    if sure is not None and chosen[0][1] and when is not None:
        # a date to the month ("ANKARA, 14 March 2025"): the rates of the months up to it, not the whole year's
        dates = {id(sure): when}
        if (doc_d := document_date(ctx)) is not None:
            dates.setdefault(id(_table_for(tables, doc_d.mid.year)), doc_d)
        windowed = [((_month_window(ctx, tables, t, dates[id(t)]) or t) if e and id(t) in dates else t, e)
                    for t, e in chosen]
        if not current and any(w is not t for (w, _), (t, _) in zip(windowed, chosen, strict=True)):
            # "completing a contract signed three years earlier, in June 2021. The PHP 8.48 billion (about US$175
            # million) project ...": an amount fixed at an earlier date the text names just before may be converted at
            # that date's rate; readings that can make it hold, never fail
            windowed += [(t, None) for t in _earlier_dates(ctx, facts, tables, src, when)
                         if all(t is not w for w, _ in windowed)]
        chosen = windowed
    readings = []
    implied = (dst.value or 0.0) / (src.value or 1.0)
    own = _text_rate(ctx, facts, src, dst, ev)
    if own is not None:
        # "11.24 trillion won ($8.65 billion)" and "(Dollar figures converted at 1,450 won to the dollar.)": the rate
        # the release says it uses is the one to check with, not the year's range. Another amount of the source's
        # currency in the sentence may be the one restated ("rose to US$ 788.3 million from US$ 651.7 million,
        # equivalent to R$ 4.25 billion at R$ 5.39 per dollar"): a reading that can make it hold, never fail
        alts: list[Relation] = []
        for y in _other_sources(ctx, facts, src, dst):
            via = _text_rate(ctx, facts, y, dst, ev)
            if via is not None:
                alts.append(dataclasses.replace(via, alternative=True))
        ctx.add(Claim("currency_conversion", (dst.start, dst.end), dst, readings=(own, *alts),
                      stated_step=trailing_zero_step(dst), params={"rate": (src.unit, dst.unit, implied, year)}))
        return
    for table, explicit in chosen[:6]:
        rel = _rate_reading(ctx, src, dst, ev, table, explicit is True)
        if rel is not None:
            readings.append(rel if explicit is not None else dataclasses.replace(
                rel, alternative=True, evidence=rel.evidence + (Evidence(
                    "release-year", f"converted at the {table.get('year')} rate, not the rate of the date the text "
                                    "names", 0.0),)))
    # a bare "$" may be any dollar ("€71.4 million (about $119 million)" in an Australian release): the other dollars
    # are readings that can make the conversion hold, never fail (currencies.yaml bare_dollar_readings)
    dollar = ctx.vocab.get("dollar_sign") or "USD"
    for fig, peer in ((src, dst), (dst, src)):
        if not readings or fig.unit != dollar or not _BARE_DOLLAR.search(ctx.text, fig.start, min(fig.end, fig.start + 2)) \
                or _BARE_DOLLAR_BEFORE.search(ctx.text, max(0, fig.start - 3), fig.start):
            continue
        for cur, names in (ctx.vocab.get("bare_dollar_readings") or {}).items():
            if cur == peer.unit or not _names_country(ctx, names):
                continue
            alt = dataclasses.replace(fig, unit=str(cur))
            a, b = (alt, dst) if fig is src else (src, alt)
            for table, explicit in chosen[:2]:
                got = _rate_reading(ctx, a, b, ev, table, explicit is True)
                if got is not None:
                    readings.append(dataclasses.replace(got, alternative=True, note=got.note + f" (reading $ as {cur})"))
    if not readings:
        ctx.skip("currency_conversion", dst, f"no reference rate for {src.unit} or {dst.unit}")
        return
    # "between A$16 billion and A$21 billion (about US$13.5 billion)": one figure for a range of money may restate
    # either end; the upper end is a reading that can make it hold (the lower one is read above)
    if src.value_high is not None and dst.value_high is None:
        high = dataclasses.replace(src, value=src.value_high, value_high=None)
        for table, explicit in chosen[:2]:
            got = _rate_reading(ctx, high, dst, ev, table, explicit is True)
            if got is not None:
                readings.append(dataclasses.replace(got, alternative=True, note=got.note + " (the range's upper end)"))
    # "Net profit rose to EUR 526.1 million from EUR 174.1 million – roughly CZK 13.2 billion": the restatement may
    # restate another amount of the source's currency before it in the sentence; readings that can make it hold
    for y in _other_sources(ctx, facts, src, dst):
        for table, explicit in chosen[:2]:
            got = _rate_reading(ctx, y, dst, ev, table, explicit is True)
            if got is not None:
                readings.append(dataclasses.replace(got, alternative=True))
    own_time = _OWN_TIME.search(ctx.text, src.start, min(ctx.sentence(src.start)[1], dst.end + 40)) is not None
    if chosen[0][1] and own_time and when is not None and (doc := document_date(ctx)) is not None and when == doc:
        # "₹48,000 crore in all (about US$6.6 billion at the time of signing)" with no date of the signing in its
        # paragraph: "at the time" says the rate is of another day than the release's, which the text does not give here
        chosen = [(t, False) for t, _ in chosen]
    if not chosen[0][1]:
        note = f"no date for the rate in the text; tried {', '.join(str(t.get('year')) for t, _ in chosen[:6])}"
        readings = [Relation(r.formula, r.operands, r.evidence + (Evidence("undated", note, -1.5),), computed=r.computed,
                             point=r.point, note=r.note, source=r.source) for r in readings]
    ctx.add(Claim("currency_conversion", (dst.start, dst.end), dst, readings=tuple(readings),
                  stated_step=trailing_zero_step(dst), params={"rate": (src.unit, dst.unit, implied, year)}))


_YEAR_WRITTEN = LazyPattern(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_CURRENT_RATE = LazyPattern(r"\)?\s*,?\s*(?:at|using|on)\s+(?:the\s+)?(?:current|today['’]s|present|prevailing|latest|recent)\s+"
                            r"(?:(?:exchange|conversion|market)\s+)?(?:rates?|prices)\b", regex.I)
# a sentence that says at what rate a release converts ("Dollar figures converted at 1,450 won to the dollar", "at an
# exchange rate of")
_RATE_NOTE = LazyPattern(r"\b(?:convert\w*|translat\w*)\b", regex.I)
# a restatement of its own time ("about $5.4 billion at the time"): another rate than the release's note
_OWN_TIME = LazyPattern(r"\bat\s+the\s+time\b|\bat\s+(?:the\s+)?then\b|\bthen\s+worth\b|\bat\s+that\s+(?:day|time)['’]?s?\b|"
                        r"\b(?:exchange\s+|conversion\s+)?rates?\s+(?:of|at)\s+the\s+time\b|\bthen[-\s](?:current|prevailing)\b", regex.I)


_NAMES: dict[int, tuple[dict, dict[str, str]]] = {}


def _lower_names(table: dict) -> dict[str, str]:
    """currency_names keyed in lower case (built once per vocabulary)."""
    hit = _NAMES.get(id(table))
    if hit is None or hit[0] is not table:
        hit = _NAMES[id(table)] = (table, {str(k).lower(): str(v) for k, v in table.items()})
    return hit[1]


def _text_rate(ctx: Ctx, facts: Facts, src: Mention, dst: Mention, ev: Evidence) -> Relation | None:
    """The exchange rate the text gives for the pair of currencies ("at 1,450 won to the dollar"): in the sentence of
    the restatement, else the one rate for the pair in a sentence that says the release converts at it. Read as
    written, at its own precision (the stated figure's rounding is the judge's)."""
    names = _lower_names(ctx.vocab.get("currency_names") or {})
    pattern = facts._exchange_rate

    def other_of(y: Mention) -> str | None:
        hit = pattern.match(ctx.text, y.end + (len(ctx.text[y.end:y.end + 3]) - len(ctx.text[y.end:y.end + 3].lstrip())))
        if hit is None:
            return None
        word = hit.group(0).split()[-1].lower()
        return names.get(word) or names.get(word + "s") or names.get(word.rstrip("s"))

    def priced_in(a: int, b: int) -> list[tuple[Mention, str]]:
        """"when the dollar bought ¥108", "the euro traded at $1.08": a currency's price, the currency named before."""
        out = []
        for y in ctx.numbers_in(a, b):
            back = _PRICED_BEFORE.search(ctx.text, max(a, y.start - 40), y.start) if y.type == "currency" else None
            if back is not None and y.value:
                word = back.group("c").lower()
                o = names.get(word) or names.get(word + "s") or names.get(word.rstrip("s"))
                if o is not None and {y.unit, o} == {src.unit, dst.unit}:
                    out.append((y, o))
        return out

    def rates_in(a: int, b: int, any_pair: bool = False) -> list[tuple[Mention, str]]:
        out = []
        for y in ctx.numbers_in(a, b):
            if y.type == "currency" and y.value and facts.rate_of(y) == "exchange":
                o = other_of(y)
                if o is not None and (any_pair or {y.unit, o} == {src.unit, dst.unit}):
                    out.append((y, o))
            elif not any_pair and _named_rate(ctx, y) and y is not src and y.unit in (src.unit, dst.unit):
                # "the FY2022 budget of ¥5.40 trillion, at the 2022 average of ¥131, was worth about $41 billion": a
                # rate named as one, of the pair the sentence converts
                other = dst.unit if y.unit == src.unit else src.unit
                if other is not None:
                    out.append((y, other))
        return out

    found = rates_in(*ctx.sentence(dst.start))
    # (of several, the one nearest the figure converted: "At ¥157 to the dollar the FY2025 budget is worth about $55
    # billion; the FY2022 budget of ¥5.40 trillion, at the 2022 average of ¥131, was worth about $41 billion")
    found.sort(key=lambda yo: abs(yo[0].start - src.start))
    si = ctx.sent_index(dst.start)
    if not found and si and _AT_THAT_RATE.match(ctx.text, ctx.sents[si][0]):
        # "... when the dollar bought ¥108. At that rate ¥43tn was worth about $398bn": the rate of the sentence before
        found = rates_in(*ctx.sents[si - 1]) or priced_in(*ctx.sents[si - 1])
    if not found and not _OWN_TIME.search(ctx.text, *ctx.sentence(dst.start)):
        notes = getattr(ctx, "_rate_notes", None)
        if notes is None:  # the rates of the sentences that say at what rate the release converts, by currency pair:
            notes = {}     # found once per document
            t = ctx.text
            for a, b in ctx.sents:
                if _RATE_NOTE.search(t, a, b):
                    for y, o in rates_in(a, b, any_pair=True):
                        notes.setdefault(frozenset((y.unit, o)), []).append((y, o))
            ctx._rate_notes = notes  # type: ignore[attr-defined]
        noted = notes.get(frozenset((src.unit, dst.unit)), [])
        found = noted if len({(y.value, y.unit) for y, _ in noted}) == 1 else []
    if not found:
        return None
    y, other = found[0]
    # 1 `other` = y.value y.unit
    r_lo, r_hi = (y.value or 0.0) - (y.half_step or 0.0), (y.value or 0.0) + (y.half_step or 0.0)
    if y.unit == src.unit:  # "1,450 won to the dollar", won into dollars: divide
        lo_f, hi_f, mid_f = 1 / r_hi, 1 / r_lo if r_lo > 0 else 1 / (y.value or 1.0), 1 / (y.value or 1.0)
    else:  # "$1.08 to the euro", euros into dollars: multiply
        lo_f, hi_f, mid_f = r_lo, r_hi, y.value or 0.0
    s_step = trailing_zero_step(src)
    exp = (((src.value or 0.0) - s_step) * lo_f, ((src.value or 0.0) + s_step) * hi_f)
    mid = (src.value or 0.0) * mid_f
    note = (f"{_money(src.value or 0.0, src.unit)} at {y.text} per {other} = {_money(mid, dst.unit)} (the rate the "
            f"text gives)")
    slip = _scale_slip(dst.value or 0.0, mid)
    if slip:
        note += f" ({slip})"
    evs = (ev, Evidence("text-rate", f"the text converts at {y.text}", 2.0, True))
    return Relation("given", (src, y), evs, computed=exp, point=mid, note=note)


def _named_rate(ctx: Ctx, y: Mention) -> bool:
    """Is ``y`` a price of one currency named as a rate ("at the 2022 average of ¥131", "at an average rate of ₩1,306"):
    money with no scale word, after "average" or "rate" (not "an average of C$5.7 million per vehicle")?"""
    return y.type == "currency" and bool(y.value) and not y.scale and (y.value or 0.0) < 100_000 and \
        _AVERAGE_RATE_BEFORE.search(ctx.text, max(0, y.start - 40), y.start) is not None and \
        not _PER_THING_AFTER.match(ctx.text, y.end)


_PER_THING_AFTER = LazyPattern(r"\s*(?:per|a|an|each|for\s+each)\s+(?!dollar|euro|pound|yen|won|US)\p{L}", regex.I)
_AVERAGE_RATE_BEFORE = LazyPattern(r"\bat\s+(?:the\s+|an?\s+)?(?:(?:19|20)\d\d(?:[-/]\d{2,4})?\s+|(?:that|this|last|the)\s+"
                                   r"year['’]s\s+)?(?:average|average\s+(?:exchange\s+)?rate|exchange\s+rate|rate)\s+"
                                   r"(?:of\s+)?(?:(?:about|around|some|roughly)\s+)?$", regex.I)
_PRICED_BEFORE = LazyPattern(r"\b(?:the\s+)?(?P<c>[\p{L}]+)\s+(?:was\s+|is\s+)?(?:bought|buys|buying|fetched|fetches|traded\s+at|"
                             r"trading\s+at|trades\s+at|stood\s+at|stands\s+at|worth)\s+(?:(?:about|around|roughly|some)\s+)?$",
                             regex.I)
_AT_THAT_RATE = LazyPattern(r"\W*(?:at|on)\s+(?:that|this|those|these|the\s+same)\s+(?:exchange\s+)?rates?\b", regex.I)


def _names_country(ctx: Ctx, names: list) -> bool:
    """Does the release's head (headline, dateline, lead: blockcheck.head_end, carried to every block) name one of
    these words (a country, a city, its exchange)?"""
    from ..blockcheck import head_end

    cache: dict[tuple, bool] = ctx.__dict__.setdefault("_names_country", {})
    key = tuple(names)
    if key not in cache:
        head = ctx.text[:head_end(ctx.text)]
        cache[key] = bool(names) and regex.search(r"\b(?:" + "|".join(regex.escape(str(n)) for n in names) + r")\b",
                                                  head, regex.I) is not None
    return cache[key]


_BARE_DOLLAR = LazyPattern(r"\$")
_BARE_DOLLAR_BEFORE = LazyPattern(r"(?:US|U\.S\.|USD)\s?$", regex.I)


_LATER_YEAR_WORDS = LazyPattern(r"\b(?:(?P<n>a|one|two|three|four|five)\s+years?\s+(?:later|on)|the\s+(?:following|next)\s+year)\b",
                                regex.I)
_SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_PRIOR_YEAR_WORDS = LazyPattern(r"\b(?:a\s+year\s+(?:earlier|before|ago)|last\s+year|the\s+(?:previous|prior)\s+year)\b", regex.I)


def _dated_sentence(ctx: Ctx, m: Mention) -> bool:
    """Does the figure's own sentence name a date after the dateline, before the figure (a date after it may be of
    a later clause's figure: "TRY 3.6 billion ($106 million), 133% more than in the first half of 2023")?"""
    from .dates import dateline_end, parse_period

    a, _ = ctx.sentence(m.start)
    return any(d.start >= dateline_end(ctx) and parse_period(d.text) is not None for d in ctx.dates_in(a, m.start))


def _named_years(ctx: Ctx) -> set[int]:
    """The years the text's dates name (computed once per document)."""
    from .dates import parse_period

    cached = getattr(ctx, "_named_years", None)
    if cached is None:
        cached = {p.first.year for d in ctx.dates if (p := parse_period(d.text))}
        ctx._named_years = cached  # type: ignore[attr-defined]
    return cached


def _other_sources(ctx: Ctx, facts: Facts, src: Mention, dst: Mention) -> list[Mention]:
    """The other amounts of the source's currency in the restatement's sentence, before it: amounts one restatement
    may as well restate (not rates, ranges or amounts already restated)."""
    # a bracket right after an amount restates that amount ("of which NIS 610 million went on vests and NIS 410 million
    # ($150 million) on helmets"), or the other end of its change ("increased to SEK 12.0 billion from SEK 9.0 billion
    # (about €1.05 billion)")
    bracket = not src.hedge and _BRACKET_AFTER.match(ctx.text, src.end, dst.start) is not None
    s = ctx.sentence(dst.start)[0]
    lo = s
    si = ctx.sent_index(dst.start)
    if si and _POINTS_BACK_OPENING.match(ctx.text, s) and ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(s):
        lo = ctx.sents[si - 1][0]  # "... signed agreements worth US$14.795 billion. The figure is 13% above the US$13.07
        # billion of 2023 and equivalent to about NIS 55 billion": what "The figure" points back to may be the one restated
    # a hedged source is itself a restatement ("A$10 billion ..., roughly US$7.4 billion or ¥960 billion at current
    # rates"): the amount of a third currency before it may be what both restate
    units = {src.unit} if not src.hedge else {y.unit for y in ctx.numbers_in(lo, src.start) if y.type == "currency"} - {dst.unit}
    return [y for y in ctx.numbers_in(lo, dst.start)
            if y is not src and y.type == "currency" and (y.unit == src.unit or y.unit in units) and is_amount(y)
            and facts.rate_of(y) is None and y.value_high is None
            and (not bracket or _CHANGE_ENDS.fullmatch(ctx.text, min(y.end, src.end), max(y.start, src.start)))]


_CHANGE_ENDS = LazyPattern(r"\s*,?\s*(?:(?:up|down|rising|falling|compared)\s+)?(?:from|to|versus|vs\.?|against|with)\s*", regex.I)


_POINTS_BACK_OPENING = LazyPattern(r"\W*(?:the\s+figure|this\s+figure|that\s+figure|the\s+total|the\s+amount|the\s+sum|"
                                   r"this|that|it)\b", regex.I)


def _rate_reading(ctx: Ctx, src: Mention, dst: Mention, ev: Evidence, table: dict, dated: bool) -> Relation | None:
    rule = ctx.rules.rule("currency_conversion")
    slack = float(rule.options.get("slack", 0.03)) if rule else 0.03
    r = table.get("rates") or {}

    def per_usd(code: str) -> tuple[float, float] | None:
        if code == "USD":
            return (1.0, 1.0)
        v = r.get(code)
        return (float(v[0]), float(v[1])) if v else None

    a, b = per_usd(src.unit or ""), per_usd(dst.unit or "")
    if a is None or b is None:
        return None
    lo_rate, hi_rate = b[0] / a[1], b[1] / a[0]  # dst units per src unit
    band = _cross_band(ctx, src.unit or "", dst.unit or "", table.get("year"))
    if band is not None:  # "DKK 9.8 billion (€1.42 billion)": the krone is held to the euro
        lo_rate, hi_rate = band
    s_step = trailing_zero_step(src)
    s_lo, s_hi = (src.value or 0.0) - s_step, (src.value or 0.0) + s_step
    exp = (s_lo * lo_rate * (1 - slack), s_hi * hi_rate * (1 + slack))
    mid = (src.value or 0.0) * math.sqrt(lo_rate * hi_rate)
    implied = (dst.value or 0.0) / (src.value or 1.0)
    source = table.get("source") or (table.get("sources") or [None])[0]
    when = table.get("window") or table.get("year")
    note = (f"{_money(src.value or 0.0, src.unit)} × {lo_rate:.4g}–{hi_rate:.4g} {dst.unit}/{src.unit} ({when} "
            f"range, ±{slack:.0%}) = {_money(exp[0], dst.unit)}–{_money(exp[1], dst.unit)}; the text implies "
            f"{implied:.4g} {dst.unit}/{src.unit}")
    slip = _scale_slip(dst.value or 0.0, mid)
    if slip:
        note += f" ({slip})"
    evs = (ev,) if dated else (Evidence(ev.cue, ev.detail, ev.weight, False),)
    return Relation("given", (src,), evs, computed=exp, point=mid, note=note, source=source)


def _cross_band(ctx: Ctx, src: str, dst: str, year: object) -> tuple[float, float] | None:
    """dst units per src unit when the two currencies are held to each other (rules/rates.yaml crosses: "DKK/EUR"
    is kroner per euro), for a year since the band began; None otherwise."""
    crosses = (ctx.rules.rates or {}).get("crosses") or {}
    for key, spec in crosses.items():
        a, _, b = str(key).partition("/")
        if {a, b} != {src, dst} or not isinstance(spec, dict):
            continue
        since = spec.get("since")
        if isinstance(year, int) and isinstance(since, int) and year < since:
            return None
        lo, hi = float(spec["low"]), float(spec["high"])  # a per b
        return (lo, hi) if (src, dst) == (b, a) else (1.0 / hi, 1.0 / lo)
    return None


def _same_rate(ctx: Ctx) -> None:
    """One release converts at one rate: a conversion whose implied rate is far from the rate the text uses for
    the same pair of currencies in the same year elsewhere gets that rate as a further reading."""
    convs = [c for c in ctx.claims if c.kind == "currency_conversion" and "rate" in c.params]
    if len(convs) < 3:
        return
    rule = ctx.rules.rule("currency_conversion")
    tol = float(rule.options.get("same_rate_tolerance", 0.03)) if rule else 0.03
    for k, c in enumerate(convs):
        a, b, implied, year = c.params["rate"]
        others = []
        for j, o in enumerate(convs):
            a2, b2, imp2, y2 = o.params["rate"]
            if j == k or y2 != year:
                continue
            if (a2, b2) == (a, b):
                others.append(imp2)
            elif (a2, b2) == (b, a) and imp2:
                others.append(1 / imp2)
        if len(others) < 2 or (max(others) - min(others)) / min(others) > tol:
            continue  # the others must agree among themselves
        s0 = ctx.sentence(c.span[0])[0]
        if _LATER_YEAR_WORDS.search(ctx.text, s0, c.span[0]) or _PRIOR_YEAR_WORDS.search(ctx.text, s0, c.span[0]) or \
                _OWN_TIME.search(ctx.text, *ctx.sentence(c.span[0])):
            continue  # "A year later, ... JPY 115.5 trillion (US$730 billion)": a conversion of another time than the
            # release's own may be at another rate
        ref = sum(others) / len(others)
        if abs(implied - ref) / ref > tol:
            src = c.readings[0].operands[0]
            mid = (src.value or 0.0) * ref
            note = c.readings[0].note + f"; the release converts at {ref:.4g} {b}/{a} elsewhere"
            ev = Evidence("same-rate", f"{len(others)} other conversions in the text at {ref:.4g}", 1.0, True)
            step = trailing_zero_step(c.stated) if c.stated else 0.0
            lo, hi = mid * (1 - tol), mid * (1 + tol)
            rel = Relation("given", (src,), c.readings[0].evidence + (ev,), computed=(lo, hi), point=mid, note=note,
                           source=c.readings[0].source)
            ctx.claims[ctx.claims.index(c)] = Claim(c.kind, c.span, c.stated, readings=(rel,), stated_step=step,
                                                    params=c.params)


def _earlier_dates(ctx: Ctx, facts: Facts, tables: list[dict], src: Mention, when: Period) -> list[dict]:
    """The rate tables of the dates before ``when`` at which the figure's paragraph and the one before it, ahead of
    the figure, say a deal was made (a date just after one of the deal verbs, linking.yaml: "a contract signed three years
    earlier, in June 2021"; not the start of a period, "since January 2023"): a month window for a date to the month, else the year's
    table."""
    from .dates import _RANGE_STARTS, parse_period

    pi = ctx.para_index(src.start)
    start = max(ctx.paras[max(0, pi - 1)][0], src.start - 2000)  # (a bounded look back, whatever the paragraphs' length)
    deal = facts.g.word_pattern("deal_verbs")
    out: list[dict] = []
    for d in ctx.dates_in(start, src.start):
        p = parse_period(d.text)
        if p is None or p.last >= when.first or _RANGE_STARTS.search(ctx.text, max(0, d.start - 20), d.start) or \
                not deal.search(ctx.text, max(ctx.sentence(d.start)[0], d.start - 40), d.start):
            continue
        t = _table_for(tables, p.last.year)
        if t is None:
            continue
        got = _month_window(ctx, tables, t, p) or t
        if all(got.get("window") != o.get("window") or got.get("year") != o.get("year") for o in out):
            out.append(got)
    return out[-3:]


_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_window(ctx: Ctx, tables: list[dict], table: dict, when: Period) -> dict | None:
    """The year's table narrowed to the months up to a date written to the month or day ("14 March 2025": January to
    March with the rule's window_months 3), from each table's ``months`` (rules/rates.yaml); a currency without
    every month keeps the year's range. None when the date is coarser than a month or no month is known."""
    if (when.first.year, when.first.month) != (when.last.year, when.last.month):
        return None
    rule = ctx.rules.rule("currency_conversion")
    n = int(rule.options.get("window_months", 3)) if rule else 3
    if n <= 0:
        return None
    y, m = when.last.year, when.last.month
    months = [(y + (m - 1 - k) // 12, (m - 1 - k) % 12 + 1) for k in range(n)]
    rates: dict[str, list[float]] = {}
    narrowed = False
    for code, year_range in (table.get("rates") or {}).items():
        lo = hi = None
        for yy, mm in months:
            t = table if yy == y else _table_for(tables, yy)
            got = _month_range(t, code, mm) if t is not None else None
            if got is None:
                lo = hi = None
                break
            lo, hi = (got if lo is None or hi is None else (min(lo, got[0]), max(hi, got[1])))
        if lo is not None and hi is not None:
            rates[code], narrowed = [lo, hi], True
        else:
            rates[code] = year_range
    if not narrowed:
        return None
    (y0, m0), (y1, m1) = months[-1], months[0]
    label = f"{_MONTH_NAMES[m0 - 1]}{' ' + str(y0) if y0 != y1 else ''}–{_MONTH_NAMES[m1 - 1]} {y1}"
    return {**table, "rates": rates, "window": label}


def _month_range(table: dict, code: str, month: int) -> tuple[float, float] | None:
    """One month's [low, high] of a currency from the table's ``months`` strings ("0.9496-0.9806 ...", January
    first; "-" for none), parsed once per table."""
    parsed = table.get("_months_parsed")
    if parsed is None:
        parsed = {}
        for c, spec in (table.get("months") or {}).items():
            row: list[tuple[float, float] | None] = []
            for part in str(spec).split():
                lo, sep, hi = part.partition("-")
                try:
                    row.append((float(lo), float(hi)) if sep and lo else None)
                except ValueError:
                    row.append(None)
            parsed[c] = row
        table["_months_parsed"] = parsed
    got = parsed.get(code)
    return got[month - 1] if got is not None and month <= len(got) else None


def _table_for(tables: list[dict], year: int | None) -> dict | None:
    if year is None:
        return None
    for t in tables:
        if int(t.get("year", 0)) == year:
            return t
    return None


def _years(tables: list[dict]) -> str:
    ys = sorted(int(t["year"]) for t in tables if "year" in t)
    return f"{ys[0]}–{ys[-1]}" if ys else "no years"


def _scale_slip(stated: float, expected: float) -> str | None:
    if stated <= 0 or expected <= 0:
        return None
    ratio = expected / stated
    k = round(math.log10(ratio))
    if k and abs(math.log10(ratio) - k) < 0.15:
        return f"off by a factor of {10 ** abs(k):,}: a scale slip?"
    return None


def _money(v: float, code: str | None) -> str:
    for div, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= div:
            return f"{code} {v / div:,.3g} {word}"
    return f"{code} {v:,.0f}"


def _g(v: float) -> str:
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:,.3g}" if abs(v) >= 1 else f"{v:.3g}"


def _quote(ctx: Ctx, a: int, b: int, limit: int = 60) -> str:
    s = " ".join(ctx.text[a:b].split())
    return s if len(s) <= limit else s[:limit - 1] + "…"
