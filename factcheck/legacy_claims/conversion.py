"""Restatements: ``conversion`` ("40 km (25 miles)", "30 knots (about 56 km/h or 35 mph)", through pint)
and ``currency_conversion`` ("€857 million (about $930 million)", judged against the year's reference
range of exchange rates in rules/rates.yaml).

A restatement follows its figure in parentheses, after "or" / "or about", or after "equivalent to".
"""

from __future__ import annotations

import math

import regex

from ..extract.lazy import LazyPattern
from ..extract.units import convert
from ..model import Claim, Mention
from .base import Ctx, is_rate

# "(", optionally after up to three describing words ("2,300 tonnes full-load displacement (2,535 short tons)")
_RESTATE = LazyPattern(r"^\s*(?:(?:(?!(?:and|or|to|from|with|than|of|for|by|in|up|down)\b)[\p{L}-]+\s+){0,3}\(|"
                       r",?\s*or\s+|(?:[\p{L}-]+\s*){0,2},?\s*equivalent\s+to\s+(?:the\s+|about\s+|some\s+)?|\s*/\s*|"
                       r",?\s*(?:i\.e\.|that\s+is)\s+|(?P<comma>,\s*(?:about|around|roughly|some|approximately|nearly|"
                       r"almost|just\s+(?:under|over))\s))\s*", regex.I)
_NEXT = LazyPattern(r"^\s*(?:,|or|and|/|;)\s*(?:or\s+)?", regex.I)
# the gap between two listed figures: "€1.2bn and €0.8bn", "€1bn, €2bn and €3bn"
_LIST_GAP = LazyPattern(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$", regex.I)
# pairs that are easy to mix up, and what the figure would be under the other reading
_MIXUPS = {("nautical_mile", "mile"): "nautical and statute miles", ("mile", "nautical_mile"): "statute and nautical miles",
           ("knot", "mile_per_hour"): "knots and miles per hour", ("metric_ton", "short_ton"): "tonnes and short tons",
           ("short_ton", "metric_ton"): "short tons and tonnes"}


def find(ctx: Ctx) -> None:
    _find_parenthesised(ctx)
    _restated_elsewhere(ctx)
    _same_rate(ctx)


def _same_rate(ctx: Ctx) -> None:
    """One release uses one exchange rate: a conversion whose implied rate is far from the rate the text uses
    for the same pair of currencies elsewhere is a finding even inside the year's range. Conversions are
    compared only with others of the same year that hold against the reference range."""
    # only conversions that hold against the year's reference range say which rate the release uses; any
    # conversion not already failing is held to that rate
    convs = [c for c in ctx.claims if c.kind == "currency_conversion" and c.operands
             and c.params["verdict"]["status"] != "fail"]
    if len(convs) < 2:
        return
    rule = ctx.rules.rule("currency_conversion")
    tol = float(rule.options.get("same_rate_tolerance", 0.03)) if rule else 0.03
    from .dates import date_near

    def implied(c: Claim) -> tuple[str, str, float, float, int | None]:
        src, dst = c.operands[0], c.stated
        s_lo, s_hi = _interval(src)
        d_lo, d_hi = _interval(dst, hedged_band=0.03)
        when = date_near(ctx, src)
        return src.unit, dst.unit, d_lo / s_hi, d_hi / s_lo, when.mid.year if when else None

    rates = [(c, implied(c)) for c in convs]
    for k, (c, (a, b, lo, hi, year)) in enumerate(rates):
        others = []
        for j, (o, (a2, b2, lo2, hi2, y2)) in enumerate(rates):
            if j == k or y2 != year or o.params["verdict"]["status"] != "pass":
                continue
            if (a2, b2) == (a, b):
                others.append((lo2, hi2, o))
            elif (a2, b2) == (b, a):
                others.append((1 / hi2, 1 / lo2, o))
        if not others:
            continue
        olo = max(x[0] for x in others)
        ohi = min(x[1] for x in others)
        if olo > ohi:  # the others disagree among themselves: no firm rate to compare with
            continue
        gap = (olo - hi) / olo if hi < olo else (lo - ohi) / ohi if lo > ohi else 0.0
        if gap > tol:
            mid = (olo + ohi) / 2
            src, dst = c.operands[0], c.stated
            from .judge import restate

            v = c.params["verdict"]
            v.update({"status": "fail", "computed": src.value * mid, "expected_text": restate(dst, src.value * mid, ctx.text),
                      "message": f"{dst.text} implies {((lo + hi) / 2):.4g} {b}/{a}, but the release converts at "
                                 f"{mid:.4g} {b}/{a} elsewhere ({others[0][2].stated.text})",
                      "explanation": v.get("explanation", "") + f"; rate used elsewhere in the text: {olo:.4g}–{ohi:.4g}",
                      "tolerance": f"the same rate within {tol:.0%} across one release"})


def _find_parenthesised(ctx: Ctx) -> None:
    t = ctx.text
    ams = ctx.amounts
    for i, src in enumerate(ams):
        if src.type not in ("quantity", "currency") or id(src) in ctx.restated:
            continue
        rm = _RESTATE.match(t[src.end:src.end + 40])
        if not rm:
            continue
        j = i + 1
        pos = src.end + rm.end()
        paren = "(" in rm.group(0)
        if rm.group("comma") and not (j < len(ams) and ams[j].start == pos and _other_unit(src, ams[j])):
            continue  # "12 km, about 7.5 miles" restates; "12 km, 20 km and 30 km" lists
        close = t.find(")", src.end) if paren else -1
        if paren and _paired_list(ctx, i, pos, close):
            continue
        while j < len(ams):
            dst = ams[j]
            if dst.start > pos + 25 or (paren and close >= 0 and dst.start > close):
                break
            if dst.type != src.type or dst.unit == src.unit or (rm.group("comma") and dst.start > pos + 2):
                break  # a figure in the source's own unit, or one further on after a comma, restates nothing
            if is_rate(ctx, dst) and not is_rate(ctx, src):
                break  # "200 flight hours over 40 weeks, about 5 hours a week": a rate derived from it, no restatement
            if src.type == "quantity":
                _conversion(ctx, src, dst)
            elif dst.unit != src.unit:
                _currency(ctx, src, dst)
            else:
                break
            ctx.restated.add(id(dst))
            nm = _NEXT.match(t[dst.end:dst.end + 10])
            if not nm:
                break
            pos = dst.end + nm.end()
            j += 1


def _listed(ctx: Ctx, i: int) -> list[Mention]:
    """The figures listed up to ``ctx.amounts[i]`` in its own unit: "€1.2bn and €0.8bn" → both."""
    ams, src = ctx.amounts, ctx.amounts[i]
    k = i
    while k > 0 and ams[k - 1].type == src.type and ams[k - 1].unit == src.unit and id(ams[k - 1]) not in ctx.restated \
            and _LIST_GAP.match(ctx.text[ams[k - 1].end:ams[k].start]):
        k -= 1
    return ams[k:i + 1]


def _paired_list(ctx: Ctx, i: int, pos: int, close: int) -> bool:
    """A list of figures restated by as many figures in one other unit in the parenthesis that follows,
    "€1.2bn and €0.8bn ($1.3bn and $0.9bn)": each restates the figure at its place in the list."""
    srcs = _listed(ctx, i)
    if len(srcs) < 2 or close < 0:
        return False
    src = srcs[-1]
    dsts = [m for m in ctx.in_span(pos, close) if m.type == src.type]
    if len(dsts) != len(srcs) or dsts[0].start != pos or len({d.unit for d in dsts}) != 1 or not _other_unit(src, dsts[0]):
        return False
    if any(not _LIST_GAP.match(ctx.text[a.end:b.start]) for a, b in zip(dsts, dsts[1:], strict=False)):
        return False
    for s, d in zip(srcs, dsts, strict=True):
        if src.type == "quantity":
            _conversion(ctx, s, d)
        else:
            _currency(ctx, s, d)
        ctx.restated.add(id(d))
    return True


def _other_unit(src: Mention, dst: Mention) -> bool:
    """A figure of the same kind in another unit of the same dimension (or another currency): a restatement."""
    if dst.type != src.type or dst.unit == src.unit or not dst.unit or not src.unit:
        return False
    if src.type == "quantity":
        from ..extract.units import compatible

        return compatible(src.unit, dst.unit)
    return src.type == "currency"


def _restated_elsewhere(ctx: Ctx) -> None:
    """"At the exchange rate on the day of signing, the agreement is worth about PLN 4.87 billion" /
    "nine-month revenue corresponds to about US$520 million": a sentence that restates a figure of the
    sentence before in another currency."""
    t = ctx.text
    for dst in ctx.amounts:
        if dst.type != "currency" or id(dst) in ctx.used or id(dst) in ctx.restated:
            continue
        s, e = ctx.sentence(dst.start)
        before = t[s:dst.start]
        if not (regex.search(r"\b(?:corresponds?|equivalent|equal|equals|amounts?)\s+to\s+(?:about\s+|around\s+|roughly\s+|"
                             r"some\s+|nearly\s+|approximately\s+)?$", before, regex.I)
                or regex.search(r"\bexchange\s+rate\b", before, regex.I)
                and regex.search(r"\b(?:worth|is|was|of|at)\s+(?:about\s+|around\s+|roughly\s+|some\s+|approximately\s+)?$",
                                 before, regex.I)):
            continue
        si = ctx.sent_index(dst.start)
        lo = ctx.sents[si - 1][0] if si > 0 else s
        srcs = [x for x in ctx.amounts if lo <= x.start < dst.start and x.type == "currency" and x.unit != dst.unit
                and id(x) not in ctx.restated and not is_rate(ctx, x)]
        if srcs:
            ctx.restated.add(id(dst))
            _currency(ctx, _best_source(ctx, srcs, before), dst)


def _best_source(ctx: Ctx, srcs: list[Mention], clause: str) -> Mention:
    """Of the figures a restatement may restate, the one whose words it repeats ("nine-month revenue
    corresponds to ..." restates the figure called the nine-month total)."""
    words = {w.lower()[:6] for w in regex.findall(r"[\p{L}][\p{L}-]{3,}", clause)}

    def score(x: Mention) -> int:
        prev_end = max([y.end for y in ctx.amounts if y.end <= x.start] or [0])
        around = ctx.text[max(prev_end, x.start - 50):x.start]
        return len(words & {w.lower()[:6] for w in regex.findall(r"[\p{L}][\p{L}-]{3,}", around)})

    return max(reversed(srcs), key=score)


def _trailing_zero_step(m: Mention) -> float:
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


def _conversion(ctx: Ctx, src: Mention, dst: Mention) -> None:
    if not src.unit or not dst.unit or src.unit == dst.unit:
        return
    factor = convert(1.0, src.unit, dst.unit)
    if factor is None:
        return
    rule = ctx.rules.rule("conversion")
    slack = float(rule.options.get("hedged_slack", 0.02)) if rule else 0.02

    def fn(v: float) -> float:
        return v * factor

    def explain(v: float) -> str:
        return f"{_g(src.value)} {src.unit} × {factor:.6g} = {_g(v)} {dst.unit}"

    def fail_message(v: float, expected: str | None) -> str:
        msg = f"{src.text} is {_g(v)} {_plural(dst.unit)}, not {(dst.hedge + ' ') if dst.hedge else ''}{dst.text}"
        return msg

    def diagnose(v: float) -> str | None:
        for (a, b), what in _MIXUPS.items():
            if dst.unit == b or src.unit == a:
                alt = convert(src.value, src.unit if src.unit != a else b, dst.unit)
                alt2 = convert(src.value, src.unit, a if dst.unit == b else dst.unit)
                for x in (alt, alt2):
                    if x and abs(x - dst.value) <= max(_trailing_zero_step(dst), 0.02 * abs(dst.value)):
                        return f"the figure matches a mix-up of {what}"
        return None

    step = _trailing_zero_step(dst)
    if dst.hedge:
        step = max(step, slack * abs(dst.value))
    params = {"fn": fn, "explain": explain, "fail_message": fail_message, "diagnose": diagnose,
              "stated_step": step, "unit_label": f" {dst.unit}", "operand_hedges": False}
    ctx.add(Claim("conversion", (dst.start, dst.end), dst, (src,), params, True))


def _plural(unit: str) -> str:
    if "_per_" in unit:
        a, b = unit.split("_per_", 1)
        return f"{_plural(a)} per {b.replace('_', ' ')}"
    u = unit.replace("_", " ")
    if u.endswith(("foot",)):
        return u[:-4] + "feet"
    if u.endswith(("hour", "meter", "mile", "knot", "ton", "gram", "liter", "watt", "inch", "yard", "day",
                   "year", "month", "week")):
        return u + ("es" if u.endswith("inch") else "s")
    return u


def _g(v: float) -> str:
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:,.3g}" if abs(v) >= 1 else f"{v:.3g}"


# ----------------------------------------------------------------------------- currencies
def _currency(ctx: Ctx, src: Mention, dst: Mention) -> None:
    from .dates import date_near

    rates = ctx.rules.rates
    tables = rates.get("tables") or []
    when = date_near(ctx, src)
    year = when.mid.year if when else None
    table = _table_for(tables, year)
    if table is None and tables:
        # a future date (a delivery year) or none at all: use the latest date in the text that has rates
        years = sorted(int(t["year"]) for t in tables if "year" in t)
        from .dates import parse_period

        past = [p.first.year for d in ctx.dates if (p := parse_period(d.text)) and years[0] <= p.first.year <= years[-1]]
        table = _table_for(tables, max(past)) if past else None
    rule = ctx.rules.rule("currency_conversion")
    slack = float(rule.options.get("slack", 0.03)) if rule else 0.03
    fail_beyond = float(rule.options.get("fail_beyond", 0.08)) if rule else 0.08
    if table is None:
        return
    r = table.get("rates") or {}

    def per_usd(code: str) -> tuple[float, float] | None:
        if code == "USD":
            return (1.0, 1.0)
        v = r.get(code)
        if not v:
            return None
        return (float(v[0]), float(v[1]))

    a, b = per_usd(src.unit), per_usd(dst.unit)
    if a is None or b is None:
        return
    # dst units per src unit: (dst per USD) / (src per USD)
    lo_rate, hi_rate = b[0] / a[1], b[1] / a[0]
    src_lo, src_hi = _interval(src)
    dst_lo, dst_hi = _interval(dst, hedged_band=0.03)
    # the range the restated figure may take: the source's interval at the year's low and high rates
    exp_lo, exp_hi = src_lo * lo_rate * (1 - slack), src_hi * hi_rate * (1 + slack)
    holds = dst_hi >= exp_lo and dst_lo <= exp_hi
    mid = src.value * math.sqrt(lo_rate * hi_rate)
    implied = dst.value / src.value if src.value else math.nan
    gap = 0.0
    if not holds:
        gap = (exp_lo - dst_hi) / exp_lo if dst_hi < exp_lo else (dst_lo - exp_hi) / exp_hi
    if holds:
        status = "pass"
    elif gap > fail_beyond:
        status = "fail"
    else:
        status = "warn"
    from .judge import restate

    year_txt = table.get("year")
    source = table.get("source") or (table.get("sources") or [None])[0]
    expl = (f"{_money(src.value, src.unit)} × {lo_rate:.4g}–{hi_rate:.4g} {dst.unit}/{src.unit} "
            f"({year_txt} range) = {_money(src.value * lo_rate, dst.unit)}–{_money(src.value * hi_rate, dst.unit)}; "
            f"the text implies {implied:.4g} {dst.unit}/{src.unit}")
    claimed_txt = (dst.hedge + " " if dst.hedge else "") + dst.text
    if status == "pass":
        msg = f"{claimed_txt} holds at {year_txt} rates"
        expected = None
    else:
        expected = restate(dst, mid, ctx.text)
        scale = _scale_slip(dst.value, mid)
        msg = (f"{src.text} is about {_money(mid, dst.unit)} at {year_txt} rates "
               f"({lo_rate:.4g}–{hi_rate:.4g} {dst.unit}/{src.unit}), not {claimed_txt}")
        if scale:
            msg += f" ({scale})"
    verdict = {"status": status, "message": msg, "explanation": expl, "claimed": dst.value, "computed": mid,
               "expected_text": expected, "accepted": (exp_lo, exp_hi), "source": source,
               "tolerance": f"year's low–high rate ±{slack:.0%}; fails beyond {fail_beyond:.0%} outside"}
    ctx.add(Claim("currency_conversion", (dst.start, dst.end), dst, (src,), {"verdict": verdict}, True))


def _table_for(tables: list[dict], year: int | None) -> dict | None:
    if not tables:
        return None
    by_year = {int(t["year"]): t for t in tables if "year" in t}
    if year in by_year:
        return by_year[year]
    if year is None:
        return None
    return None


def _interval(m: Mention, hedged_band: float = 0.0) -> tuple[float, float]:
    step = _trailing_zero_step(m)
    lo, hi = m.value - step, m.value + step
    if m.hedge and hedged_band:
        lo, hi = min(lo, m.value * (1 - hedged_band)), max(hi, m.value * (1 + hedged_band))
        if m.hedge in ("nearly", "almost", "just under"):
            hi = m.value
        if m.hedge in ("more than", "over", "just over"):
            lo = m.value
    return lo, hi


def _scale_slip(stated: float, expected: float) -> str | None:
    if stated <= 0 or expected <= 0:
        return None
    ratio = expected / stated
    k = round(math.log10(ratio))
    if k and abs(math.log10(ratio) - k) < 0.15:
        return f"off by a factor of {10 ** abs(k):,}: a scale slip?"
    return None


def _money(v: float, code: str) -> str:
    for div, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= div:
            return f"{code} {v / div:,.3g} {word}"
    return f"{code} {v:,.0f}"
