"""judge: Claims + RuleSet → Findings (pass / warn / fail), each with its working."""

from __future__ import annotations

from .model import Claim, Document, Finding
from .ruleset import RuleSet


def judge(doc: Document, claims: list[Claim], rules: RuleSet) -> list[Finding]:
    return []
