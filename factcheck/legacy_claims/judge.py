"""judge: Claims + RuleSet → Findings (pass / warn / fail), each with its working.

A claim says: the stated figure S equals f(operands). The judge
1. reads every figure as the interval its writing allows: "2.7 billion" is 2.65–2.75 billion (rule option
   ``rounding: interval``) or exactly 2.7 billion (``rounding: point``); hedged operands widen as their
   hedge says ("more than €4 billion" is 4 billion and up);
2. computes the interval f can take over the operands' intervals (f is monotonic in each operand, so
   its corners bound it);
3. reads the stated figure the same way, widened by its hedge window ("nearly doubled": [1.8, 2.0));
4. the claim holds when the two intervals meet. Otherwise it fails — or warns, when the linker was
   unsure the figures belong together, or the miss is within the rule's ``warn_margin``.
Every finding carries the formula, the computed value, the accepted range and the figure the text
should state, written at the text's own precision.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

from ..kinds import FIXABLE
from ..model import Claim, Document, Finding, Fix, Mention, Operand
from ..numfmt import fmt_num, fmt_number, restate  # noqa: F401 - re-exported for older callers
from ..ruleset import RuleSet

Interval = tuple[float, float]

OPERAND_REACH = 0.1  # how far a directional hedge on an operand ("more than 2,000") may reach


@dataclass(frozen=True)
class Window:
    """How a hedge word widens the figure it qualifies."""

    kind: str  # exact | band | below | under | above | at_least | at_most
    band: float = 0.05
    below: float = 0.1
    above: float = 0.5


def hedge_window(m: Mention | None, vocab: dict, hedge: str | None = None) -> Window:
    h = hedge if hedge is not None else (m.hedge if m else None)
    bands = vocab.get("hedge_band") or {}
    kw = {k: float(v) for k, v in bands.items() if k in ("band", "below", "above")}
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
        lo, hi = min(lo, v - a * w.band), max(hi, v + a * w.band)
    elif w.kind == "below":
        lo, hi = v - a * w.below, v + step * 0.999
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
        if x is not None and not math.isnan(x):
            vals.append(x)
    if not vals:
        return (math.nan, math.nan)
    return (min(vals), max(vals))


def judge(doc: Document, claims: list[Claim], rules: RuleSet) -> list[Finding]:
    out: list[Finding] = []
    for c in claims:
        rule = rules.rule(c.kind)
        if rule is None:
            continue
        f = judge_one(doc, c, rules, rule)
        if f is not None:
            out.append(f)
    return out


def _operands(c: Claim) -> tuple[Operand, ...]:
    return tuple(Operand(m.text, m.start, m.end) for m in c.operands)


def judge_one(doc: Document, c: Claim, rules: RuleSet, rule) -> Finding | None:
    if "verdict" in c.params:  # linkers that decide themselves (style, range, fact)
        v = c.params["verdict"]
        status = v["status"]
        if status == "fail" and not c.confident:
            status = "warn"
        return Finding(rule=rule.id, kind=c.kind, status=status, severity=_severity(rule, status),
                       start=c.span[0], end=c.span[1], text=doc.text[c.span[0]:c.span[1]], message=v["message"],
                       explanation=v.get("explanation", ""), claimed=v.get("claimed"), computed=v.get("computed"),
                       expected_text=v.get("expected_text"), accepted=v.get("accepted"), operands=_operands(c),
                       tolerance=v.get("tolerance"), source=v.get("source"), fix=v.get("fix"))
    vocab = rules.vocab
    rounding = c.params.get("rounding") or rule.options.get("rounding", "interval")
    if "interval" in c.params:  # linkers that compute their own range (durations between dates)
        comp, point = c.params["interval"], c.params["point"]
    else:
        fn: Callable[..., float] = c.params["fn"]
        op_iv = []
        for m in c.operands:
            step = (m.half_step or 0.0) if rounding == "interval" else 0.0
            w = hedge_window(m, vocab) if c.params.get("operand_hedges", True) else Window("exact")
            if w.kind == "band":
                w = Window("exact")  # "about €2 billion" as an operand: the writer computed with 2 billion
            else:
                # "more than 2,000" as an operand: a little more, not half as much again
                w = Window(w.kind, band=w.band, below=min(w.below, OPERAND_REACH), above=OPERAND_REACH)
            iv = figure_interval(m.value, step, w)
            if m.value_high is not None:  # a range operand ("20 to 30 shells") is every value it spans
                iv = (min(iv[0], iv[1]), max(iv[1], figure_interval(m.value_high, step, w)[1]))
            op_iv.append(iv)
        try:
            point = fn(*[m.value for m in c.operands])
        except (ZeroDivisionError, ValueError, OverflowError):
            return None  # an operand of zero (a misread figure): nothing to check
        comp = corners(fn, op_iv)
    stated_value = c.params.get("stated_value", c.stated.value if c.stated else None)
    if stated_value is None or point is None or math.isnan(comp[0]):
        return None
    s_step = c.params.get("stated_step", c.stated.half_step if c.stated else 0.0) or 0.0
    w = hedge_window(c.stated, vocab, c.params.get("hedge"))
    acc = figure_interval(stated_value, s_step, w)
    if c.stated is not None and c.stated.value_high is not None and stated_value == c.stated.value:
        acc = (acc[0], max(acc[1], figure_interval(c.stated.value_high, s_step, w)[1]))  # a stated range
    holds = comp[0] <= acc[1] and acc[0] <= comp[1]
    unit = c.params.get("unit_label", "")
    expl = c.params["explain"](point) if "explain" in c.params else ""
    ranged = [m for m in c.operands if m.value_high is not None] if "interval" not in c.params else []
    if ranged and expl:  # the working above is for the low end; say what the whole range gives
        lo, hi = (fmt_num(float(f"{x:.4g}")) for x in comp)
        expl += f"; {ranged[0].text} is a range, so the result spans {lo} to {hi}"
    tol = _tolerance_text(rounding, w, c.stated, s_step, unit)
    claimed_txt = doc.text[c.span[0]:c.span[1]]
    if holds:
        status = "pass"
        msg = c.params.get("pass_message") or f"{claimed_txt} holds: {expl}"
        expected = None
    else:
        margin = float(rule.options.get("warn_margin", 0.0) or 0.0)
        near = margin and _rel_gap(comp, acc) <= margin
        status = "fail" if c.confident and not near else "warn"
        expected = c.params["expected"](point) if "expected" in c.params else (
            restate(c.stated, point, doc.text) if c.stated is not None else None)
        msg = c.params.get("fail_message", lambda p, e: f"{claimed_txt} does not match: {expl}")(point, expected)
        if "diagnose" in c.params:
            note = c.params["diagnose"](point)
            if note:
                msg = f"{msg} ({note})"
        if not c.confident:
            msg += " — the link between these figures is uncertain"
    fix = None
    if status != "pass" and c.kind in FIXABLE and c.confident and c.stated is not None and expected \
            and c.params.get("fixable", True):
        fix = _fix(doc, c.stated, point)
    return Finding(rule=rule.id, kind=c.kind, status=status, severity=_severity(rule, status),
                   start=c.span[0], end=c.span[1], text=claimed_txt, message=msg, explanation=expl,
                   claimed=c.params.get("claimed", stated_value), computed=c.params.get("computed", point),
                   expected_text=expected, accepted=(comp[0], comp[1]) if c.params.get("show_computed_range")
                   else (acc[0], acc[1]), operands=_operands(c), tolerance=tol, source=c.params.get("source"),
                   fix=fix)


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


def _tolerance_text(rounding: str, w: Window, stated: Mention | None, step: float, unit: str) -> str:
    parts = []
    if step:
        parts.append(f"stated figure read as ±{_g(step)}{unit} (its last digit)")
    if w.kind != "exact":
        parts.append({"band": f"hedge '{stated.hedge if stated else ''}' ±{w.band:.0%}",
                      "below": f"hedge '{stated.hedge if stated else ''}': up to {w.below:.0%} below",
                      "under": "hedge: any value below", "above": f"hedge: above, up to +{w.above:.0%}",
                      "at_least": "hedge: at least", "at_most": "hedge: at most"}.get(w.kind, w.kind))
    parts.append("operands read as rounded figures" if rounding == "interval" else "operands taken as written")
    return "; ".join(parts)


def _g(x: float) -> str:
    return f"{x:,.6g}"


def _fix(doc: Document, m: Mention, point: float) -> Fix | None:
    if m.num_end <= m.num_start or m.word:
        return None
    new = restate(m, point, doc.text)
    old = doc.text[m.start:m.end]
    if new == old:
        return None
    return Fix(m.start, m.end, new)
