"""``consistency``: the same quantity stated twice with different values ("the $705 million Block 10
contract" ... "the $750 million Block 10 contract"; "$2.4 billion" in the headline, "$2.4 million" in
the body; "1,059 vehicles" ... "1,095 vehicles").

Two figures are taken to be the same quantity when they share what identifies it: a designation, a date
or the rare words around them ("the December 2024 award"), or — for a headline — when the body states a
figure of the same unit that the headline rounds. They hold when one rounds to the other. A digit
transposition or a scale slip between them is a finding even on weaker evidence, since a coincidence of
that shape is rare.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

import regex

from ..extract.lazy import LazyPattern
from ..extract.lexicon import STOP_WORDS
from ..model import Claim, Mention
from .base import Ctx, is_rate, same_noun

K_SAME = 1.6  # shared evidence that two figures are one quantity
K_WEAK = 0.6  # enough when the values differ by a transposition or a scale slip


def find(ctx: Ctx) -> None:
    _restated_pairs(ctx)
    _ceilings(ctx)
    pool = [m for m in ctx.amounts if m.type in ("currency", "count") and not m.role and not is_rate(ctx, m)
            and id(m) not in ctx.restated and (m.type != "count" or (m.noun and m.value >= 10))]
    weights = _weights(ctx)
    done: set[int] = set()
    headline = [m for m in pool if ctx.is_headline(m)]
    body = [m for m in pool if not ctx.is_headline(m)]
    for h in headline:
        same_unit = [b for b in body if _compatible(ctx, h, b)]
        if any(b.value == h.value for b in same_unit):
            # "$2.4 billion" in the headline and again in the body, "$2.4 million" once: the odd one out is wrong
            for b in same_unit:
                if _scale_slip(h, b) and id(b) not in ctx.used:
                    _claim(ctx, stated=b, other=h, confident=True, why="headline")
                    done.add(id(b))
            continue
        if not same_unit:
            continue
        slips = [b for b in same_unit if _scale_slip(h, b)]
        best = slips[0] if slips else min(
            same_unit, key=lambda b: abs(math.log(abs(b.value) / abs(h.value))) if b.value and h.value else 9)
        if not best.value or not h.value:
            continue
        ratio = abs(best.value / h.value)
        slip = _scale_slip(h, best)
        if 0.65 <= ratio <= 1.5 or slip:
            _claim(ctx, stated=h, other=best, confident=True, why="headline", step=_round_step(ctx, h))
            done.add(id(h))
    for i, b in enumerate(body):
        best, best_score = None, 0.0
        for a in body[:i]:
            if not _compatible(ctx, a, b) or a.value == b.value and a.half_step == b.half_step:
                continue
            if b.type == "count" and a.unit == b.unit and (_transposed(a, b) or _scale_slip(a, b)):
                best, best_score = a, max(best_score, 10.0)  # 412 vehicles ... 421 vehicles
                break
            if ctx.sent_index(a.start) == ctx.sent_index(b.start):
                continue
            score = _key_score(ctx, a, b, weights)
            if score > best_score:
                best, best_score = a, score
        if best is None or id(b) in ctx.used or id(b) in done:
            continue
        consistent = _consistent(best, b)
        odd = _transposed(best, b) or _scale_slip(best, b)
        named = _same_name(ctx, best, b)
        same_thing = b.type == "count" and b.unit == best.unit and (b.value >= 100 or best.value >= 100)
        if (consistent and best_score >= K_SAME) or (odd and (best_score >= K_WEAK or same_thing)) or named:
            stated, other = b, best
            # the odd one out: if the text repeats one value elsewhere, the other is the slip
            if odd and sum(1 for x in pool if x.value == b.value and x.unit == b.unit) > \
                    sum(1 for x in pool if x.value == best.value and x.unit == best.unit):
                stated, other = best, b
            _claim(ctx, stated=stated, other=other, confident=True, why=f"shared context {best_score:.1f}")


_SUBJECT = LazyPattern(r"\b(contract|award|deal|order|budget|ceiling|programme|program|modification|package|"
                       r"agreement|acquisition|purchase|sale|investment|valuation)s?\b", regex.I)
_NAME = LazyPattern(r"\b(?:[A-Z][\w/-]*\d[\w/-]*(?:\s+\w+\s+\d+)?|[A-Z][a-z]+\s+\d+|(?:January|February|March|April|May|"
                    r"June|July|August|September|October|November|December)\s+(?:19|20)\d\d)\b")


# a period shared by every award of the year ("Fiscal 2025 ... funds") names no one contract
_PERIOD_NAME = LazyPattern(r"(?:Fiscal|FY|Financial|Calendar|Budget|Year|Q[1-4]|H[12])\s*(?:year\s+)?(?:19|20)\d\d\b", regex.I)


def _same_name(ctx: Ctx, a: Mention, b: Mention) -> bool:
    """Both figures are the value of one named thing: the same kind of thing (contract, award, ...) and the
    same designation or date next to it ("the $705 million ... Block 10" / "the $750 million Block 10 contract")."""
    if a.type != "currency":
        return False
    wa, wb = _window(ctx, a), _window(ctx, b)
    sa = {m.group(1).lower() for m in _SUBJECT.finditer(wa)}
    sb = {m.group(1).lower() for m in _SUBJECT.finditer(wb)}
    na = {m.group(0) for m in _NAME.finditer(wa) if not _PERIOD_NAME.match(m.group(0))}
    nb = {m.group(0) for m in _NAME.finditer(wb) if not _PERIOD_NAME.match(m.group(0))}
    return bool(sa & sb) and bool(na & nb)


def _restated_pairs(ctx: Ctx) -> None:
    """"€5.65 billion (US$6.17 billion)" ... "€5.6 billion ($6.1 billion)": two conversions whose restated
    figures agree convert the same amount, so their sources must agree too."""
    convs = [c for c in ctx.claims if c.kind == "currency_conversion" and c.operands and c.stated is not None]
    for i, b in enumerate(convs):
        for a in convs[:i]:
            sa, sb, da, db = a.operands[0], b.operands[0], a.stated, b.stated
            if sa is sb or sa.unit != sb.unit or da.unit != db.unit or id(sb) in ctx.used:
                continue
            close = abs(da.value - db.value) <= max(_consistent_tol(da, db), 0.02 * max(abs(da.value), abs(db.value)))
            if not close or ctx.sent_index(sa.start) == ctx.sent_index(sb.start):
                continue
            if sa.value == sb.value and (sa.half_step == sb.half_step):
                continue
            _claim(ctx, stated=sb, other=sa, confident=True,
                   why=f"both are given as about {db.text} / {da.text}")


_CEILING = LazyPattern(r"\b(?:ceiling|cap|maximum|upper\s+limit)\b", regex.I)


def _ceilings(ctx: Ctx) -> None:
    """A contract "worth up to $3.16 billion" and "the roughly $3.2 billion ceiling" state one figure: the
    ceiling is the "up to" value."""
    ups = [m for m in ctx.amounts if m.type == "currency" and m.hedge in ("up to", "as much as")]
    caps = [m for m in ctx.amounts if m.type == "currency" and _CEILING.match(ctx.text[m.end:m.end + 20].lstrip())]
    for c in caps:
        cands = [u for u in ups if u.unit == c.unit and u is not c and u.start < c.start]
        if len(cands) == 1 and id(c) not in ctx.used:
            _claim(ctx, stated=c, other=cands[0], confident=True, why="a ceiling is the 'up to' figure")


def _compatible(ctx: Ctx, a: Mention, b: Mention) -> bool:
    if a.type != b.type:
        return False
    if a.type == "currency":
        return a.unit == b.unit
    return bool(a.noun and b.noun) and same_noun(ctx.vocab, a, b) and a.unit == b.unit


def _round_step(ctx: Ctx, m: Mention) -> float:
    """Half the step a headline figure is rounded to: its last non-zero digit, keeping two significant digits
    ("€300 million" over a body's "€296 million" is rounded to the nearest €10 million)."""
    step = m.half_step or 0.0
    written = ctx.text[m.num_start:m.num_end] if m.num_end > m.num_start else ""
    digits = regex.sub(r"\D", "", written)
    if m.word or not digits or m.decimals or not m.value or not written or regex.search(r"[.,]\d{1,2}$", written):
        return step
    n = int(digits)
    z = 0
    while n and n % 10 == 0:
        n //= 10
        z += 1
    z = min(z, len(digits) - 2)
    if z <= 0:
        return step
    factor = abs(m.value) / int(digits)
    return max(step, 0.5 * 10 ** z * factor)


def _consistent(a: Mention, b: Mention, step: float = 0.0) -> bool:
    """One figure rounds the other: $11.76 billion and $11.8 billion; €5.65 billion and €5.6 billion."""
    tol = max(a.half_step or 0.0, b.half_step or 0.0, step) * 1.0001
    if a.hedge or b.hedge:
        tol = max(tol, 0.05 * max(abs(a.value), abs(b.value)))
    return abs(a.value - b.value) <= tol


def _consistent_tol(a: Mention, b: Mention) -> float:
    return max(a.half_step or 0.0, b.half_step or 0.0) * 1.0001


def _transposed(a: Mention, b: Mention) -> bool:
    da, db = _sig(a), _sig(b)
    return len(da) >= 3 and len(da) == len(db) and da != db and sorted(da) == sorted(db) and \
        sum(x != y for x, y in zip(da, db, strict=True)) == 2


def _sig(m: Mention) -> str:
    """The digits as written: "$4.30 billion" is 430, "SEK 5.1 billion" 51 (not 5100000000, whose zeros would make it a
    transposition of "SEK 1.5 billion")."""
    if m.half_step and m.value and not m.word:
        unit = 2 * m.half_step
        n = round(abs(m.value) / unit)
        if n and abs(n * unit - abs(m.value)) <= 1e-6 * abs(m.value):
            return str(n)
    s = f"{abs(m.value):.6f}".rstrip("0").rstrip(".")
    return s.replace(".", "").lstrip("0")


def _scale_slip(a: Mention, b: Mention) -> bool:
    if not a.value or not b.value or a.value == b.value:
        return False
    r = math.log10(abs(b.value / a.value))
    return abs(r - round(r)) < 0.01 and abs(round(r)) >= 3


def _weights(ctx: Ctx) -> dict[str, float]:
    df: Counter[str] = Counter()
    for a, b in ctx.sents:
        df.update(set(_tokens(ctx.text[a:b])))
    n = max(1, len(ctx.sents))
    return {w: math.log(1 + n / c) for w, c in df.items()}


@lru_cache(maxsize=4096)
def _tokens(s: str) -> tuple[str, ...]:
    toks = regex.findall(r"[\p{L}][\p{L}\p{N}-]*\d[\p{L}\p{N}-]*|\p{Lu}[\p{L}]+\s+\d+\b|\b(?:19|20)\d\d\b|[\p{L}]{3,}", s)
    out = []
    for tok in toks:
        t = tok.lower()
        if t in STOP_WORDS or t in _GENERIC:
            continue
        out.append(t[:7] if t.isalpha() else t)
    return tuple(out)


_GENERIC = frozenset("""billion million trillion thousand worth valued value said company contract total year years
including about around nearly some more than less also""".split())


def _window(ctx: Ctx, m: Mention) -> str:
    s, e = ctx.sentence(m.start)
    t = ctx.text
    a = max(s, m.start - 70)
    b = min(e, m.end + 70)
    # stay within the figure's clause where the sentence is a list
    left = max(t.rfind(";", a, m.start), t.rfind("(", a, m.start))
    if left > a:
        a = left
    right = [x for x in (t.find(";", m.end, b), t.find(")", m.end, b)) if x > 0]
    if right:
        b = min(right)
    return t[a:m.start] + " " + t[m.end:b]


def _key_score(ctx: Ctx, a: Mention, b: Mention, weights: dict[str, float]) -> float:
    ta, tb = set(_tokens(_window(ctx, a))), set(_tokens(_window(ctx, b)))
    shared = ta & tb
    return sum(weights.get(w, 1.0) * (1.5 if any(c.isdigit() for c in w) else 1.0) for w in shared)


def _claim(ctx: Ctx, stated: Mention, other: Mention, confident: bool, why: str, step: float = 0.0) -> None:
    consistent = _consistent(other, stated, step)
    st = (stated.hedge + " " if stated.hedge else "") + stated.text
    if consistent:
        verdict = {"status": "pass", "message": f"{st} agrees with {other.text} stated earlier (rounding)",
                   "explanation": f"{other.text} rounds to {stated.text}" if (other.half_step or 0) < (
                       stated.half_step or 0) else f"{stated.text} rounds to {other.text}",
                   "claimed": stated.value, "computed": other.value}
    else:
        from .judge import restate

        note = ""
        if _transposed(other, stated):
            note = " (transposed digits?)"
        elif _scale_slip(other, stated):
            note = " (a scale slip?)"
        verdict = {"status": "fail", "message": f"{st} contradicts {other.text} for the same quantity{note}",
                   "explanation": f"the text gives this figure as {other.text} elsewhere ({why})",
                   "claimed": stated.value, "computed": other.value,
                   "expected_text": restate(stated, other.value, ctx.text)}
    ctx.add(Claim("consistency", (stated.start, stated.end), stated, (other,), {"verdict": verdict}, confident))
