"""link: Mentions become Claims — a stated figure, the figures it derives from, and the relation.

One module per family, each with ``find(ctx)`` adding Claims to the shared context:
    change       percent_change, multiple (and the multiple_style warning)
    conversion   conversion, currency_conversion
    rates        per_unit (and totals at a unit price)
    parts        sum, share, difference
    dates        duration
    consistency  the same figure stated twice
    bounds       range (impossible values)
    facts        fact (reference figures from fact packs)
Order matters only in that a figure claimed by an earlier family is not claimed again by a later one.
"""

from __future__ import annotations

import importlib
from datetime import date

from ..model import Claim, Document, Mention
from ..ruleset import RuleSet
from .base import Ctx

FAMILIES = ("conversion", "change", "rates", "parts", "dates", "consistency", "bounds", "facts")


def link(doc: Document, mentions: list[Mention], rules: RuleSet, as_of: date | None = None) -> list[Claim]:
    ctx = Ctx(doc=doc, mentions=mentions, rules=rules, as_of=as_of)
    for name in FAMILIES:
        try:
            mod = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as e:
            if e.name and e.name.endswith(f".{name}"):
                continue  # a family not written yet
            raise
        mod.find(ctx)
    return ctx.claims
