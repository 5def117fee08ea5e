"""judge: Claims + RuleSet → Findings (pass / warn / fail), each with its working. Only the judge gives
verdicts; the linker only proposes readings with their evidence.

For each reading of a claim (stated = formula(operands)) the judge
1. reads every operand as the interval its writing allows: "2.7 billion" is 2.65–2.75 billion (rule option
   ``rounding: interval``) or exactly 2.7 billion (``rounding: point``); a directional hedge on an operand
   ("more than €4 billion") reaches a little beyond it;
2. computes the interval the formula takes over the operands' intervals (every formula is monotonic in each
   operand, so the corners bound it);
3. reads the stated figure the same way, widened by its hedge ("nearly doubled": [1.8, 2.0), its edge giving
   way by 0.3%);
4. the reading holds when the two intervals meet.

Doubt before accusing (rules/linking.yaml, ``weights``): the claim holds when any plausible reading holds;
it fails only when the best reading rests on explicit evidence, scores at least ``fail``, and the stated
figure is not qualified by a basis ("organic", "at constant currency") the figures given do not share.
Otherwise it warns when the best reading scores at least ``link``, and is left unchecked below that.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

from .kinds import FIXABLE
from .model import Claim, Document, Finding, Fix, Mention, Operand, Relation, Unchecked
from .numfmt import fmt_num, fmt_number, restate  # noqa: F401 - re-exported for older callers
from .ruleset import RuleSet

Interval = tuple[float, float]
OPERAND_REACH = 0.1  # how far a directional hedge on an operand ("more than 2,000") may reach


# ---------------------------------------------------------------------------------------------- hedges
@dataclass(frozen=True)
class Window:
    """How a hedge word widens the figure it qualifies."""

    kind: str  # exact | band | below | under | above | at_least | at_most
    band: float = 0.05
    below: float = 0.1
    above: float = 0.5
    edge: float = 0.0  # how far the lower edge of a "below" window gives way, relative to it


def hedge_window(m: Mention | None, vocab: dict, hedge: str | None = None) -> Window:
    h = hedge if hedge is not None else (m.hedge if m else None)
    bands = vocab.get("hedge_band") or {}
    kw = {k: float(v) for k, v in bands.items() if k in ("band", "below", "above", "edge")}
    if not h:
        return Window("exact", **kw)
    spec = (vocab.get("hedges") or {}).get(h, {})
    kind = spec.get("window", "band")
    if kind == "below_or_at":
        kind = "below"
    if h in ("less than", "fewer than", "under", "below"):
        kind = "under"
    return Window(kind, **kw)


def figure_interval(v: float, step: float, w: Window) -> Interval:
    """Values a figure written as ``v`` (last digit worth 2*step) covers, under its hedge."""
    lo, hi = v - step, v + step
    a = abs(v)
    if w.kind == "band":
        # "roughly 10%" for 10.6%: a hedged figure covers its band, and up to one unit of its last digit either way
        # (the writer rounded coarsely and said so), but never more than twice the band ("about $5 million" is not 4)
        reach = max(a * w.band, min(2 * step, 2 * a * w.band))
        lo, hi = min(lo, v - reach), max(hi, v + reach)
    elif w.kind == "below":
        # (how far "nearly" reaches is itself a round figure: its edge gives way by hedge_band edge, so "nearly a
        # tenth" covers 8.973-10% and holds for 8.99%)
        lo, hi = v - a * w.below, v + step * 0.999
        lo -= abs(lo) * w.edge
    elif w.kind == "under":
        lo, hi = -math.inf if v < 0 else 0.0, v
    elif w.kind == "above":
        lo, hi = v - step * 0.999, v + a * w.above + step
    elif w.kind == "at_least":
        lo, hi = v - step, v + a * w.above + step
    elif w.kind == "at_most":
        lo, hi = v - a * w.below - step, v + step
    return (lo, hi)


def corners(fn: Callable[..., float], intervals: list[Interval]) -> Interval:
    vals = []
    for combo in itertools.product(*[(lo, hi) if lo != hi else (lo,) for lo, hi in intervals]):
        try:
            x = fn(*combo)
        except (ZeroDivisionError, ValueError, OverflowError):
            continue
        if x is not None and not math.isnan(x) and not math.isinf(x):
            vals.append(x)
    if not vals:
        return (math.nan, math.nan)
    return (min(vals), max(vals))


# ---------------------------------------------------------------------------------------------- formulas
def _pct(o: float, n: float) -> float:
    return (n - o) / abs(o) * 100


@dataclass(frozen=True)
class Formula:
    """A relation the judge can compute: its function, how the working writes it, and the result's unit."""

    fn: Callable[..., float] | None
    working: str  # {0}, {1}... operands; {all+} every operand joined by " + "
    unit: str = ""  # "%", "×", " pp" or "" (the unit of the operands)
    signed: bool = False  # the stated figure may be written without its sign ("fell 12%")
    at_least: bool = False  # the result is a lower bound: the stated figure may be any value above it


FORMULAS: dict[str, Formula] = {
    "pct_change": Formula(_pct, "({1} − {0}) / {0} × 100", "%", signed=True),
    "pp_change": Formula(lambda o, n: n - o, "{1} − {0}", " percentage points", signed=True),
    "ratio": Formula(lambda a, b: b / a, "{1} / {0}", "×"),
    # a fall by a multiple ("fell sevenfold", "a threefold decrease"): the earlier level over the later
    "ratio_down": Formula(lambda a, b: a / b, "{0} / {1}", "×"),
    "share": Formula(lambda part, whole: part / whole * 100, "{0} / {1} × 100", "%"),
    # the rest of a whole as a share of it, after its parts ("Of the 48 dogs, 30 come from breeders and the remainder,
    # about 38%, from its own kennels"; "35 of 251 did not graduate, a pass rate of 86%")
    "complement_share": Formula(lambda w, *ps: 100 - sum(ps) / w * 100, "100 − ({sum+}) / {0} × 100", "%"),
    "share_of": Formula(lambda pct, whole: pct * whole / 100, "{0}% × {1}"),
    # a share of the sum of the parts a table's total row stands for (the total itself may be the wrong figure)
    "share_of_sum": Formula(lambda part, *ps: part / sum(ps) * 100, "{0} / ({sum+}) × 100", "%"),
    "sum": Formula(lambda *xs: sum(xs), "{all+}"),
    # "£4.5 billion, of which £3 billion ... and £1 billion ...": the parts named may not be all of it
    "sum_open": Formula(lambda *xs: sum(xs), "{all+}", at_least=True),
    "difference": Formula(lambda a, b: a - b, "{0} − {1}", signed=True),
    # "Of the 48 jets, 20 go to Łask, 16 to Malbork and the other 12 to Mińsk": a whole less its parts
    "remainder": Formula(lambda w, *ps: w - sum(ps), "{0} − {rest+}"),
    "change": Formula(lambda o, n: n - o, "{1} − {0}", signed=True),
    # "net debt of £32.5m against net funds of £37.9m, a swing of £70.4m": levels of opposite sign, sizes added
    "swing": Formula(lambda o, n: abs(n) + abs(o), "|{1}| + |{0}|"),
    # "risen by £64.2 billion from £241.3 billion, an increase of 27%": the change over its base
    "delta_pct": Formula(lambda d, o: d / o * 100, "{0} / {1} × 100", "%", signed=True),
    # "rose by 1,212 to 8,641 employees, 16% more": the change over the level before it (the new level less it)
    "delta_to_pct": Formula(lambda d, n: d / (n - d) * 100, "{0} / ({1} − {0}) × 100", "%", signed=True),
    "per_unit": Formula(lambda total, count: total / count, "{0} / {1}"),
    # "$745.9 million for the lead ship, with options for two more that could raise the total to $1.9 billion": what
    # the count added adds to the total, for each of them
    "added_per_unit": Formula(lambda total, before, count: (total - before) / count, "({0} − {1}) / {2}"),
    "product": Formula(lambda a, b: a * b, "{0} × {1}"),
    "complement": Formula(lambda *xs: 100 - sum(xs), "100 − ({all+})", "%"),
    "convert": Formula(None, "{0} × factor"),
    "equal": Formula(lambda a: a, "{0}"),
    "given": Formula(None, ""),  # the linker computed the interval (dates, exchange rates, reference facts)
    # a yearly rate over the years between two levels: compound ("a CAGR of 13.5%") or, read only to doubt, the
    # simple mean of the change ("an average of 4.8% a year")
    "cagr": Formula(None, "(({1} / {0})^(1/{years}) − 1) × 100", "%", signed=True),
    "annual_mean": Formula(None, "({1} − {0}) / {0} × 100 / {years}", "%", signed=True),
}


# ---------------------------------------------------------------------------------------------- evaluation
@dataclass(frozen=True)
class Outcome:
    """What one reading of a claim computes, and whether the stated figure holds under it."""

    reading: Relation
    holds: bool
    comp: Interval  # what the operands allow
    point: float  # the result from the figures as written
    acc: Interval  # what the stated figure allows
    working: str


def operand_interval(m: Mention, rounding: str, vocab: dict, hedges: bool = True) -> Interval:
    step = (m.half_step or 0.0) if rounding == "interval" else 0.0
    w = hedge_window(m, vocab) if hedges else Window("exact")
    if w.kind == "band":
        w = Window("exact")  # "about €2 billion" as an operand: the writer computed with 2 billion
    elif w.kind != "exact":
        w = Window(w.kind, band=w.band, below=min(w.below, OPERAND_REACH), above=OPERAND_REACH, edge=w.edge)
    assert m.value is not None
    iv = figure_interval(m.value, step, w)
    if m.value_high is not None:  # a range operand ("20 to 30 shells") is every value it spans
        iv = (min(iv[0], iv[1]), max(iv[1], figure_interval(m.value_high, step, w)[1]))
    return iv


def stated_interval(c: Claim, vocab: dict) -> Interval | None:
    value = c.stated_value if c.stated_value is not None else (c.stated.value if c.stated else None)
    if value is None:
        return None
    step = c.stated_step if c.stated_step is not None else ((c.stated.half_step or 0.0) if c.stated else 0.0)
    w = hedge_window(c.stated, vocab, c.hedge)
    if w.kind == "band" and c.stated is not None and (c.stated.word or c.stated.role == "multiple") and \
            c.stated_step is not None:
        # "roughly double", "about three times": the word is already a round figure (its own step), and the hedge
        # widens it further: the band is added to the word's step, not merged with it
        step += abs(value) * w.band
    if w.kind == "exact" and c.stated is not None and c.stated.role == "multiple" and c.stated.word and value >= 1:
        # "double the nine requested the year before" for 19 (2.11x), "triple" for 3.2x: a plain multiple word is a
        # round figure written to a tenth either way
        step = max(step, abs(value) * 0.1)
    if w.kind in ("above", "at_least") and c.stated is not None and c.stated.word and c.stated.role != "fraction" \
            and value >= 1:
        # "more than six years" for 5.7 years, "more than thirteen times", "more than doubling": a number word after
        # "more than" is the floor the writer chose, not a rounded measurement (the operands' own rounding still widens
        # what is computed); within 2% below it is left to the writer ("more than doubled" for 1.99x: 5%)
        step = abs(value) * (0.05 if c.stated.role == "multiple" else 0.02)
    if value < 0 and w.kind not in ("exact", "band"):
        # "a reduction of more than two-thirds" (-66.7): the hedge is about the size of the fall, so "more than"
        # reaches further below zero, not towards it
        lo, hi = figure_interval(-value, step, w)
        acc = (-hi, -lo)
    elif 0 < value < 1 and c.stated is not None and c.stated.role == "multiple" and w.kind not in ("exact", "band"):
        # "more than halving to $158.9 million" (0.5): the hedge is about the size of the cut, so "more than" reaches
        # below the ratio, "nearly" above it - read on the reciprocal (2x), then turned back
        lo, hi = figure_interval(1 / value, step / (value * value), w)
        acc = (1 / hi if hi > 0 else 0.0, 1 / lo if lo > 0 else math.inf)
    else:
        acc = figure_interval(value, step, w)
    if c.stated is not None and c.stated.value_high is not None and c.stated_value is None:
        acc = (acc[0], max(acc[1], figure_interval(c.stated.value_high, step, w)[1]))  # a stated range
    if c.kind == "per_unit" and w.kind in ("above", "at_least") and value >= 0:
        # "11 orders worth more than €100 million each, for a combined €5.1 billion": a floor every item clears,
        # so the average may be any amount above it
        acc = (acc[0], math.inf)
    return acc


def _abs_iv(iv: Interval) -> Interval:
    lo, hi = iv
    if lo >= 0:
        return iv
    if hi <= 0:
        return (-hi, -lo)
    return (0.0, max(-lo, hi))


def evaluate(c: Claim, r: Relation, rules: RuleSet, rounding: str) -> Outcome | None:
    vocab = rules.vocab
    f = FORMULAS.get(r.formula)
    if f is None:
        return None
    acc = stated_interval(c, vocab)
    if acc is None:
        return None
    rule = rules.rule(c.kind)
    if rule is not None and rule.options.get("truncation") and c.stated is not None and c.stated.half_step and \
            c.stated.hedge is None and not c.stated.word and acc[0] >= 0:
        # "94,000 sq ft (8,732 sq m)" for 8,732.9: a restatement may cut its last digit rather than round it; the
        # figure reaches up to one step above what it says (rule option truncation)
        acc = (acc[0], acc[1] + 2 * c.stated.half_step)
    # quantities of one dimension in different units, read in one of them (once: the working shows the same figures)
    ops = r.operands if r.computed is not None or r.formula == "convert" else _common_unit(r.operands, c.stated)
    if r.computed is not None:
        comp = r.computed
        point = r.point if r.point is not None else (comp[0] + comp[1]) / 2
    else:
        if any(m.value is None for m in r.operands):
            return None
        if r.formula == "convert":
            def fn(*xs: float) -> float:
                return xs[0] * r.factor + r.offset
        elif r.formula in ("cagr", "annual_mean"):
            if not r.years:
                return None
            years = r.years
            if r.formula == "cagr":
                def fn(*xs: float) -> float:
                    return ((xs[1] / xs[0]) ** (1 / years) - 1) * 100 if xs[1] / xs[0] > 0 else math.nan
            else:
                def fn(*xs: float) -> float:
                    return _pct(xs[0], xs[1]) / years
        else:
            assert f.fn is not None
            fn = f.fn
        if r.factor != 1.0 and r.formula != "convert":
            # a table column in other units than its operands ("Per capita ($)" from "$bn" and "m"): × 10^k
            base_fn, k = fn, r.factor

            def fn(*xs: float) -> float:
                return base_fn(*xs) * k
        ivs = [operand_interval(m, "point" if r.exact else rounding, vocab) for m in ops]
        try:
            point = fn(*[m.value or 0.0 for m in ops])
        except (ZeroDivisionError, ValueError, OverflowError):
            return None
        comp = corners(fn, ivs)
        if math.isnan(comp[0]) or math.isnan(point) or math.isinf(point):
            return None
        if f.at_least:
            comp = (comp[0], math.inf)
    # (a size whose direction the text does not give: "an improvement of about a tenth" in man-hours that fell)
    signed_unknown = f.signed and (c.stated_value is None or bool(c.params.get("unsigned")))
    cmp = _abs_iv(comp) if signed_unknown else comp
    holds = cmp[0] <= acc[1] + 1e-9 * max(1.0, abs(acc[1])) and acc[0] - 1e-9 * max(1.0, abs(acc[0])) <= cmp[1]
    work = working(r if ops is r.operands else dataclasses.replace(r, operands=ops), point)
    if ops is not r.operands and work:
        work += f" (in {next(m.unit for m in ops if m.type == 'quantity')}s)"
    ranged = [m for m in r.operands if m.value_high is not None] if r.computed is None else []
    if ranged and work:  # the working is for the low end; say what the whole range gives
        lo, hi = (fmt_num(_round_sig(x)) for x in comp)
        work += f"; {ranged[0].text} is a range, so the result spans {lo} to {hi}"
    return Outcome(r, holds, comp, point, acc, work)


def _common_unit(ops: tuple[Mention, ...], stated: Mention | None) -> tuple[Mention, ...]:
    """Quantities of one dimension in different units, read in one of them (the stated figure's, else the first
    operand's): "more than twice the three and a half years planned" against "seven years and seven months"."""
    units = {m.unit for m in ops if m.type == "quantity" and m.unit}
    if len(units) < 2:
        return ops
    from .extract.units import convert

    target = stated.unit if stated is not None and stated.type == "quantity" and stated.unit in units else \
        next(m.unit for m in ops if m.type == "quantity" and m.unit)
    out = []
    for m in ops:
        if m.type != "quantity" or not m.unit or m.unit == target or m.value is None:
            out.append(m)
            continue
        v, one, zero = convert(m.value, m.unit, target), convert(1.0, m.unit, target), convert(0.0, m.unit, target)
        if v is None or one is None or zero is None or abs(zero) > 1e-12 or 0.9 <= one <= 1.1:
            return ops  # (another dimension, a scale with its own zero, or a near-twin unit written loosely - "25,300
            # long tons, some 600 tons more than the 24,700 tons": left as given)
        out.append(dataclasses.replace(m, value=v, unit=target, half_step=(m.half_step or 0.0) * (one - zero),
                                       value_high=None if m.value_high is None else m.value_high * (one - zero)))
    return tuple(out)


def working(r: Relation, point: float) -> str:
    f = FORMULAS.get(r.formula)
    if r.formula in ("given", "convert") or f is None:
        return r.note
    names = [_op_text(m) for m in r.operands]
    names = [f"({n})" if n.startswith("-") else n for n in names]  # "3.188 billion − (−2.058 billion)"
    names = [n.replace("-", "−", 1) if n.startswith(("(-", "-")) else n for n in names]
    w = f.working.replace("{all+}", " + ".join(names)).replace("{rest+}", " − ".join(names[1:])) \
        .replace("{sum+}", " + ".join(names[1:])).replace("{years}", fmt_num(r.years or 0))
    for k, n in enumerate(names):
        w = w.replace("{" + str(k) + "}", n)
    if r.formula == "equal" and names:
        return f"given elsewhere as {names[0]}"  # (not "1.8345 trillion = 1.8345 trillion")
    if r.factor != 1.0:
        w = f"({w}) × {fmt_num(r.factor)}" if any(op in w for op in (" + ", " − ", " / ")) else \
            f"{w} × {fmt_num(r.factor)}"
    scaled = f.unit == "" and any(m.type == "currency" for m in r.operands)
    shown = _scaled(point) if scaled else fmt_num(_round_sig(point))
    return f"{w} = {shown}" + (" or more" if f.at_least else "")


def _scaled(v: float) -> str:
    """A money result with its scale word, as the operands are written: "5.246 billion"."""
    for div, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= div:
            return f"{fmt_num(_round_sig(v / div, 6))} {word}"
    return fmt_num(_round_sig(v))


def _op_text(m: Mention) -> str:
    """An operand as the working shows it: its numeral and scale ("2.65 billion"), a count's numeral."""
    v = m.value or 0.0
    if m.inferred and " × " in m.text:
        return m.text  # an item as many times as its instalments: "40 × UAH 300,000"
    if m.type == "count" or m.type == "number":
        return fmt_num(v)
    if m.type == "percent":
        return fmt_num(v)
    for div, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= div:
            return f"{fmt_num(_round_sig(v / div, 6))} {word}"
    return fmt_num(v)


def _round_sig(x: float, sig: int = 4) -> float:
    if not x or math.isinf(x) or math.isnan(x):
        return x
    if abs(x) >= 10 ** sig:
        return round(x, 1)
    return float(f"{x:.{sig}g}")


# ---------------------------------------------------------------------------------------------- verdicts
def judge(doc: Document, claims: list[Claim], rules: RuleSet,
          unchecked: list[Unchecked] | None = None) -> list[Finding]:
    out: list[Finding] = []
    for c in claims:
        rule = rules.rule(c.kind)
        if rule is None:
            continue
        f = judge_one(doc, c, rules, rule, unchecked)
        if f is not None:
            out.append(f)
    return out


def _weights(rules: RuleSet) -> dict[str, float]:
    w = ((rules.vocab.get("linking") or {}).get("weights") or {})
    return {"link": float(w.get("link", 2.0)), "fail": float(w.get("fail", 4.0)),
            "plausible": float(w.get("plausible", 2.0))}


def judge_one(doc: Document, c: Claim, rules: RuleSet, rule, unchecked: list[Unchecked] | None = None
              ) -> Finding | None:
    from .kinds import KINDS

    k = KINDS.get(c.kind)
    if k is not None and not k.arithmetic:  # a style finding: the linker's message is the verdict
        text = doc.text[c.span[0]:c.span[1]]
        return Finding(rule=rule.id, kind=c.kind, status="warn", severity=_severity(rule, "warn"), start=c.span[0],
                       end=c.span[1], text=text, message=str(c.params.get("message", text)))
    if not c.readings:
        return None
    w = _weights(rules)
    rounding = rule.options.get("rounding", "interval")
    if rounding == "point" and c.kind == "sum" and c.stated is not None:
        # parts written more coarsely than their total ("$161 billion and $46 billion" for "$207.1 billion") are rounded
        # figures: read as such, whatever the rule's rounding
        st = c.stated_step if c.stated_step is not None else (c.stated.half_step or 0.0)
        if any((o.half_step or 0.0) > st * 1.0001 for r in c.readings for o in r.operands):
            rounding = "interval"
    best = c.readings[0]
    outcomes = []
    for i, r in enumerate(c.readings):
        if i and r.score < w["plausible"] and not r.alternative:
            continue
        o = evaluate(c, r, rules, rounding)
        if o is not None:
            outcomes.append(o)
    if not outcomes:
        return None
    text = doc.text[c.span[0]:c.span[1]]
    holding = [o for o in outcomes if o.holds]
    top = outcomes[0] if outcomes[0].reading is best else None
    swapped = _digit_swap(doc, c, holding[0]) if holding and holding[0].reading is best else None
    if swapped is not None and best.explicit and best.score >= w["fail"] and not best.alternative:
        # "about Rs 420 crore per helicopter" for 62,777 / 156 = 402.4: within the hedge, but a hedge excuses rounding,
        # not two neighbouring digits swapped
        o = holding[0]
        said = _with_hedge(c, text, rules.vocab)
        msg = f"{said} has the digits of {swapped} with two neighbours swapped: {o.working}"
        fix = _fix(doc, c, o) if c.kind in FIXABLE and c.stated is not None and not c.stated.word else None
        return _finding(doc, c, rule, "fail", o, msg, swapped, fix)
    if holding:
        o = holding[0]
        if o.reading.alternative and not any(h.reading is best for h in holding):
            # holds only on the reading made to doubt the best one ("a 9% rise" from 62% to 71%: 9 points, not 9%)
            msg = f"{text} holds only read as {_alt_name(o.reading)}: {o.working}"
            return _finding(doc, c, rule, "warn", o, msg, None, None)
        return _finding(doc, c, rule, "pass", o, _pass_message(c, o, text), None, None)
    if top is None:
        return None
    why_not = None
    if c.qualifier:
        why_not = f"stated '{c.qualifier}', a basis the figures given do not share"
    elif best.score < w["link"]:
        why_not = "the figures it could come from are not tied to it by the text"
    if why_not:
        if unchecked is not None:
            unchecked.append(Unchecked(c.kind, c.span[0], c.span[1], text, why_not))
        return None
    margin = float(rule.options.get("warn_margin", 0.0) or 0.0)
    near = bool(margin) and _rel_gap(top.comp, top.acc) <= margin
    # another reading on explicit evidence as strong as the best one's, computing another figure: the text does
    # not say which it means ("75% of the modernisation budget" and two budgets the words both name), so no accusation
    ops = {(m.start, m.end) for m in best.operands}
    rival = any(o.reading is not best and not o.reading.alternative and o.reading.explicit
                and o.reading.score >= best.score - 1e-9 and {(m.start, m.end) for m in o.reading.operands} != ops
                and abs(o.point - top.point) > 1e-6 * max(1.0, abs(top.point)) for o in outcomes)
    sure = best.explicit and best.score >= w["fail"] and not best.alternative and not near and not rival
    status = "fail" if sure else "warn"
    expected = _expected(doc, c, top)
    said = _with_hedge(c, text, rules.vocab)
    msg = _fact_message(c, top, said, expected, False) if c.kind == "fact" else _fail_message(doc, c, top, said, expected)
    diagnosis = c.params.get("diagnosis")
    if diagnosis:
        msg += f" ({diagnosis})"
    if not sure:
        msg += " — the link between these figures is uncertain"
    fix = None
    if status == "fail" and c.kind in FIXABLE and c.stated is not None and expected and not c.stated.word:
        fix = _fix(doc, c, top)
    return _finding(doc, c, rule, status, top, msg, expected, fix)


def _finding(doc: Document, c: Claim, rule, status: str, o: Outcome, msg: str, expected: str | None,
             fix: Fix | None) -> Finding:
    r = o.reading
    rounding = rule.options.get("rounding", "interval")
    return Finding(rule=rule.id, kind=c.kind, status=status, severity=_severity(rule, status),
                   start=c.span[0], end=c.span[1], text=doc.text[c.span[0]:c.span[1]], message=msg,
                   explanation=o.working, claimed=c.stated_value if c.stated_value is not None else
                   (c.stated.value if c.stated else None), computed=o.point, expected_text=expected,
                   accepted=o.acc, operands=tuple(Operand(m.text, m.start, m.end) for m in r.operands),
                   tolerance=_tolerance_text("point" if r.exact else rounding, c, rules_vocab_window(c, rule)),
                   source=r.source, fix=fix,
                   evidence=tuple(e.describe() for e in r.evidence if e.weight > 0 or e.explicit))


def _with_hedge(c: Claim, text: str, vocab: dict) -> str:
    """The stated figure as a message quotes it: with a directional hedge its span leaves out ("more than €1.2
    billion"), since "the parts add up to €1.1 billion, not €1.2 billion" misstates what was claimed."""
    h = c.hedge if c.hedge is not None else (c.stated.hedge if c.stated else None)
    if not h or hedge_window(None, vocab, h).kind == "band" or text.lower().startswith(h.lower()):
        return text
    return f"{h} {text}"


def rules_vocab_window(c: Claim, rule) -> str:
    h = c.hedge if c.hedge is not None else (c.stated.hedge if c.stated else None)
    return h or ""


def _alt_name(r: Relation) -> str:
    if any(e.cue == "chain" for e in r.evidence):
        return f"a change from the start of the chain, {r.operands[0].text}"
    if any(e.cue == "inverse" for e in r.evidence):
        return "the change of the inverse quantity (the levels the other way round)"
    named = [e for e in r.evidence if e.cue in ("release-year", "each-of", "complement")]
    if named:
        return named[0].detail
    rounded = [e for e in r.evidence if e.cue == "rounded_source"]
    if rounded:
        return rounded[0].detail.strip("'").replace("' read as ", " as ", 1)
    return {"pp_change": "percentage points", "sum_open": "a partial list (its parts need not add up to it)"}.get(
        r.formula, "another reading")


def _fact_message(c: Claim, o: Outcome, text: str, expected: str | None, holds: bool) -> str:
    fact = c.params.get("fact") or {}
    src = o.reading.source
    ref = o.reading.note.split(": ", 1)[-1] if o.reading.note else ""
    if holds:
        return f"{text} agrees with the reference figure {ref} (fact {fact.get('id')}, source: {src})"
    return f"{text} contradicts the reference figure {expected or ref} (fact {fact.get('id')}, source: {src})"


def _pass_message(c: Claim, o: Outcome, text: str) -> str:
    if c.kind == "fact":
        return _fact_message(c, o, text, None, True)
    msg = f"{text} holds: {o.working}" if o.working else f"{text} holds"
    a, b = o.acc
    # (not for an open reading, whose working already says "235 million or more": its range has no upper end)
    if not (a <= o.point <= b) and o.reading.computed is None and all(math.isfinite(x) for x in o.comp):
        lo, hi = (fmt_num(_round_sig(x)) for x in o.comp)
        msg += f" (from the figures as written; read as rounded they allow {lo} to {hi})"
    return msg


def _describe_result(c: Claim, o: Outcome) -> str:
    r, p = o.reading, o.point
    f = FORMULAS[r.formula]
    if r.formula in ("pct_change", "delta_pct", "delta_to_pct"):
        word = "increase" if p >= 0 else "decrease"
        return f"a {abs(p):.1f}% {word}"
    if r.formula == "pp_change":
        return f"a change of {p:+.1f} percentage points"
    if r.formula == "ratio":
        return f"{p:.2f}×"
    if f.unit == "%":
        return f"{p:.1f}%"
    like = c.stated or (r.operands[0] if r.operands else None)
    return show(p, like)


def show(v: float, like: Mention | None) -> str:
    """A computed value in the unit of a figure: "2.57 billion EUR", "1,665", "82.1"."""
    if like is not None and like.type == "currency":
        for div, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(v) >= div:
                return f"{_round_sig(v / div, 4):,.4g} {word} {like.unit}"
        return f"{v:,.2f} {like.unit}" if abs(v) < 100 and v != round(v) else f"{v:,.0f} {like.unit}"
    if like is not None and like.type == "quantity" and like.unit:
        return f"{fmt_num(_round_sig(v))} {like.unit.replace('_', ' ')}"
    if like is not None and like.type == "percent":
        return f"{v:.1f}%"
    if abs(v - round(v)) < 1e-9:
        return f"{v:,.0f}"
    return fmt_num(_round_sig(v))


def _label(doc: Document, m: Mention) -> str:
    """An operand as a message names it: a count by its numeral ("94", not "94 military vehicles")."""
    if m.type == "count" and m.num_end > m.num_start:
        return doc.text[m.num_start:m.num_end]
    return m.text


def _fail_message(doc: Document, c: Claim, o: Outcome, text: str, expected: str | None) -> str:
    r = o.reading
    ops = [_label(doc, m) for m in r.operands]
    res = _describe_result(c, o)
    st = c.stated
    if st is not None and st.type == "currency" and st.num_end > st.num_start and o.point is not None and \
            FORMULAS[r.formula].unit != "%" and r.formula != "ratio" and math.isfinite(o.point):
        res = restate(st, o.point, doc.text)  # in the text's own form: "€2.57 billion", not "2.57 billion EUR"
    if r.formula == "ratio" and st is not None and st.type == "quantity" and len(ops) == 2:
        # a coverage: "£9.8 billion is 3.5 years of £2.8 billion, not 4.5 years"
        msg = f"{ops[1]} is {restate(st, o.point, doc.text)} of {ops[0]}, not {text}"
    elif r.formula in ("pct_change", "pp_change", "ratio") and len(ops) == 2:
        msg = f"{ops[0]} → {ops[1]} is {res}, not {text}"
    elif r.formula in ("share", "share_of") and len(ops) == 2:
        msg = f"{ops[0]} of {ops[1]} is {res}, not {text}"
    elif r.formula == "delta_pct" and len(ops) == 2:
        msg = f"a change of {ops[0].lstrip('+-−')} on {ops[1]} is {res}, not {text}"
    elif r.formula == "delta_to_pct" and len(ops) == 2:
        msg = f"a change of {ops[0].lstrip('+-−')} to {ops[1]} is {res}, not {text}"
    elif r.formula == "sum_open":
        msg = f"the parts named add up to {res}, more than {text} ({' + '.join(ops)})"
    elif r.formula in ("sum", "complement"):
        msg = f"the parts add up to {res}, not {text} ({' + '.join(ops)})"
    elif r.formula == "remainder" and len(ops) >= 2:
        msg = f"{' − '.join(ops)} is {res}, not {text}"
    elif r.formula == "complement_share" and len(ops) >= 2:
        msg = f"the rest of {ops[0]} after {' and '.join(ops[1:])} is {res}, not {text}"
    elif r.formula == "difference" and len(ops) == 2:
        msg = f"{ops[0]} − {ops[1]} is {res}, not {text}"
    elif r.formula == "change" and len(ops) == 2:
        msg = f"{ops[1]} − {ops[0]} is {res}, not {text}"
    elif r.formula == "per_unit" and len(ops) == 2:
        msg = f"{ops[0]} / {ops[1]} is {res}, not {text}"
    elif r.formula == "added_per_unit" and len(ops) == 3:
        msg = f"({ops[0]} − {ops[1]}) / {ops[2]} is {res}, not {text}"
    elif r.formula == "product" and len(ops) == 2:
        msg = f"{ops[0]} × {ops[1]} is {res}, not {text}"
    elif r.formula == "convert" and ops:
        msg = f"{ops[0]} is {res}, not {text}"
    elif r.formula == "equal" and ops:
        msg = f"{text} does not match {ops[0]}, the same figure given elsewhere"
    elif r.note:
        msg = f"{text} does not hold: {r.note}"
    else:
        msg = f"{text} does not match: {o.working}"
    return msg


def _expected(doc: Document, c: Claim, o: Outcome) -> str | None:
    r, p = o.reading, o.point
    f = FORMULAS.get(r.formula)
    if c.stated is None:
        return None
    value = p
    if f is not None and f.signed and (c.stated_value is None or c.stated_value * p >= 0 or c.stated.value and
                                       c.stated.value > 0):
        value = abs(p)
    if r.formula == "ratio" and c.stated.type == "quantity":
        return restate(c.stated, p, doc.text)  # a coverage in years: "3.5 years"
    if c.stated.role == "multiple" or r.formula == "ratio":
        return _multiple_word(c.stated.text, p) or (
            f"about {p:.2g} times" if p < 10 else f"about {p:.0f} times")
    # (a span in words is restated in words: "five years" -> "three years", not "3 year")
    if c.stated.role == "fraction" or c.stated.word and c.stated.type not in ("count", "quantity"):
        return f"{value:.0f}%" if (f and f.unit == "%") else show(value, c.stated)
    return restate(c.stated, value, doc.text)


_MULTIPLE_WORDS = {2: ("doubled", "double", "doubling", "doubles", "twice", "twofold"),
                   3: ("tripled", "triple", "tripling", "triples", "three times", "threefold"),
                   4: ("quadrupled", "quadruple", "quadrupling", "quadruples", "four times", "fourfold"),
                   5: ("quintupled", "quintuple", "quintupling", "quintuples", "five times", "fivefold")}


def _multiple_word(stated: str, p: float) -> str | None:
    """The multiple word for a ratio, in the stated word's own form ("tripled" for "doubled" when it is 3×)."""
    n = round(p)
    if n not in _MULTIPLE_WORDS or abs(p - n) > 0.1 * n:
        return None
    word = stated.lower().split()[-1]
    forms = _MULTIPLE_WORDS[n]
    for suffix, k in (("times", 4), ("twice", 4), ("fold", 5), ("ed", 0), ("ing", 2), ("es", 3), ("le", 1)):
        if word.endswith(suffix):
            return forms[k]
    return f"{n} times"


def _fix(doc: Document, c: Claim, o: Outcome) -> Fix | None:
    m = c.stated
    if m is None or m.num_end <= m.num_start or m.word or m.role:
        return None
    f = FORMULAS.get(o.reading.formula)
    value = abs(o.point) if f is not None and f.signed else o.point
    new = restate(m, value, doc.text)
    old = doc.text[m.start:m.end]
    if new == old:
        return None
    return Fix(m.start, m.end, new)


def _digit_swap(doc: Document, c: Claim, o: Outcome) -> str | None:
    """The computed figure written as the stated one is (its scale and decimals), when the two differ only by two
    neighbouring digits swapped ("420" for 402.4, "4,157.29" for 4,175.29); three digits at least. None otherwise."""
    m = c.stated
    if m is None or m.word or m.value is None or m.num_end <= m.num_start or o.reading.computed is not None or \
            not math.isfinite(o.point) or o.point == 0:
        return None
    written = doc.text[m.num_start:m.num_end]
    digits = "".join(ch for ch in written if ch.isdigit())
    if len(digits) < 3 or not digits.lstrip("0"):
        return None
    try:
        as_written = float(written.replace(",", "").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        return None
    if not as_written:
        return None
    f = FORMULAS.get(o.reading.formula)
    if f is not None and f.at_least:
        return None  # "roughly 2,100 are Black Hawks, 750 Apaches and 450 Chinooks": parts that need not be all of a
        # total are no figure the total's digits were meant to spell
    point = abs(o.point) if f is not None and f.signed else o.point
    target = point / (abs(m.value) / as_written)
    dec = m.decimals or 0
    want = f"{round(target, dec):.{dec}f}"
    want_digits = want.replace(".", "").replace("-", "")
    if len(want_digits) != len(digits) or want_digits == digits:
        return None
    diff = [i for i in range(len(digits)) if digits[i] != want_digits[i]]
    if not (len(diff) == 2 and diff[1] == diff[0] + 1 and digits[diff[0]] == want_digits[diff[1]]
            and digits[diff[1]] == want_digits[diff[0]]):
        return None
    return restate(m, point, doc.text)


def _rel_gap(a: Interval, b: Interval) -> float:
    gap = max(b[0] - a[1], a[0] - b[1], 0.0)
    scale = max(abs(b[0]), abs(b[1]), 1e-12)
    return gap / scale


def _severity(rule, status: str) -> str:
    if status == "pass":
        return "info"
    if status == "warn":
        return "warning"
    return rule.severity


def _tolerance_text(rounding: str, c: Claim, hedge: str) -> str:
    parts = []
    step = c.stated_step if c.stated_step is not None else ((c.stated.half_step or 0.0) if c.stated else 0.0)
    if step:
        parts.append(f"stated figure read as ±{step:,.6g} (its last digit)")
    if hedge:
        parts.append(f"hedge '{hedge}'")
    parts.append("operands read as rounded figures" if rounding == "interval" else "operands taken as written")
    return "; ".join(parts)
