"""link: Mentions become Claims — a stated figure, the figures it derives from, and the relation.

One module per family: change (percent_change, multiple), parts (sum, share, difference),
rates (per_unit), conversion (conversion, currency_conversion), consistency, dates (duration),
facts (fact), bounds (range). Each exposes ``find(ctx) -> list[Claim]``.
"""

from __future__ import annotations

from datetime import date

from ..model import Claim, Document, Mention
from ..ruleset import RuleSet


def link(doc: Document, mentions: list[Mention], rules: RuleSet, as_of: date | None = None) -> list[Claim]:
    return []
