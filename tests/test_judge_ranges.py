"""A range ("20 to 30 shells", "between 40 and 60 launchers", "20-30 km") taking part in a claim is judged as
every value it spans, as an operand and as the stated figure, and the working says so."""

from __future__ import annotations

from functools import cache

import pytest

from factcheck.model import Document, Finding
from factcheck.pipeline import run
from factcheck.ruleset import RuleSet, load_rules

DATELINE = "LONDON, 3 March 2025 — "


@cache
def rules() -> RuleSet:
    return load_rules()


def findings_at(text: str, figure: str) -> list[Finding]:
    doc = DATELINE + text
    i = doc.index(figure)
    return [f for f in run(Document(path="-", text=doc), rules()).findings if f.start < i + len(figure) and i < f.end]


@pytest.mark.parametrize("text,figure,status", [
    # 15 -> 20..30 is +33% to +100%: 50% is inside, 150% is not
    ("Output will reach 20 to 30 shells a month, up 50% on last year's 15 a month.", "50%", "pass"),
    ("Output will reach 20 to 30 shells a month, up 150% on last year's 15 a month.", "150%", "fail"),
    # £2 billion over 40..60 launchers is £33m..£50m each
    ("The deal covers between 40 and 60 launchers worth £2 billion, or about £40 million each.", "£40 million", "pass"),
    ("The deal covers between 40 and 60 launchers worth £2 billion, or about £90 million each.", "£90 million", "fail"),
    # a stated range against a computed one
    ("The radar has a range of 20-30 km (12-19 miles).", "12-19 miles", "pass"),
])
def test_range_operand_is_an_interval(text: str, figure: str, status: str) -> None:
    found = findings_at(text, figure)
    assert [f.status for f in found] == [status], [(f.status, f.message) for f in found]
    if status == "pass":
        assert "is a range, so the result spans" in found[0].message
