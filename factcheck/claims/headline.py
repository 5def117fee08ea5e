"""``headline``: a headline figure that restates a figure of the body takes up the body figure's claim.

"Armament Agency signs four contracts worth PLN 12.3 billion" over a body that says "worth a total of PLN 12.3
billion" and lists the four contracts: the headline states the same total, so it holds or fails with the body's.
"Order intake up 23%" over "Order intake rose 23% to SEK 31.3 billion from SEK 25.5 billion": the same change.
A headline figure is read this way only when it has no claim of its own and exactly one claim of the body states
the same figure (the same digits at the headline's precision, the same unit); the body claim's readings are
carried over with evidence that says so, and the judge decides as for the body figure.
"""

from __future__ import annotations

import dataclasses

from ..model import Claim, Evidence, Mention
from .reading import is_amount, same_figure
from .scope import Ctx

HEADLINE_MAX = 200  # characters: a first paragraph longer than this is no headline
_KINDS = frozenset({"sum", "percent_change", "multiple", "difference", "share", "per_unit"})


def find(ctx: Ctx) -> None:
    if len(ctx.paras) < 2:
        return
    a, b = ctx.paras[0]
    if b - a > HEADLINE_MAX:
        return
    heads = [h for h in ctx.numbers_in(a, b) if is_amount(h) and h.value_high is None and not ctx.is_stated(h)]
    if not heads:
        return
    by_unit: dict[tuple[str, str | None], list[Claim]] = {}
    for c in ctx.claims:  # one pass over the claims: linear
        m = c.stated
        if c.kind in _KINDS and m is not None and m.start >= b and c.readings and c.readings[0].explicit:
            by_unit.setdefault((m.type, m.unit), []).append(c)
    by_figure: dict[str, list[Mention]] = {}
    for x in ctx.amounts:  # the body's figures by their digits as written: one pass
        if x.start >= b:
            by_figure.setdefault(_written(ctx, x), []).append(x)
    for h in heads:
        same = [c for c in by_unit.get((h.type, h.unit), ()) if c.stated is not None and same_figure(h, c.stated)
                and _written(ctx, h) == _written(ctx, c.stated)]
        if len({c.stated.start for c in same if c.stated is not None}) != 1:
            continue  # no body claim of the figure, or several: which one the headline gives is not said
        twins = [x for x in by_figure.get(_written(ctx, h), ()) if x.type == h.type and x.unit == h.unit
                 and same_figure(h, x)]
        if len(twins) != 1:
            continue  # the body gives the figure twice ("the Navy budget rose by $2.1 billion ... the Army's by
            # $2.1 billion"): the headline may mean either
        c = same[0]
        assert c.stated is not None
        line = ctx.text.count("\n", 0, c.stated.start) + 1
        why = Evidence("headline", f"the headline gives {c.stated.text} of line {line}", 0.0, True)
        readings = tuple(dataclasses.replace(r, evidence=r.evidence + (why,)) for r in c.readings)
        ctx.add(dataclasses.replace(c, span=(h.start, h.end), stated=h, readings=readings,
                                    operands=readings[0].operands))


def _written(ctx: Ctx, m: Mention) -> str:
    """The figure's digits as written ("12.3", "23"): the headline restates the body's figure, not another at
    another precision that happens to round alike."""
    return "".join(ch for ch in ctx.text[m.num_start:m.num_end] if ch.isdigit()) if m.num_end > m.num_start else m.text
