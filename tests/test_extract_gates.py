"""Date patterns that try every digit of a text run only where a cheap pattern that each of their matches
contains is found (extract/mentions.py, _DATE_GATES): each gate is implied by its pattern, and extraction
finds the same dates with the gates as without them."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extract import extract_text
from factcheck.extract import mentions as mn

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    "Doors open at 2 pm on 31.12.2024 and close at 9.30 a.m. on 5/17/2018; the call is at 10 AM (12.5.2030).",
    "At 11am, 7 pm and 12.45 p.m. the 1.1.1999 and 03/04/2101 notes were read; 2pmx is no time, 1.2.3 no date.",
]


@pytest.mark.parametrize("k", sorted(mn._DATE_GATES))
def test_every_match_of_a_gated_pattern_holds_its_gate(k: int) -> None:
    texts = TEXTS + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    found = 0
    for text in texts:
        for m in mn.DATE_RES[k].finditer(text):
            assert mn._DATE_GATES[k].search(m.group()) is not None, m.group()
            found += 1
    assert found >= 3  # the pattern is the one the gate was made for: it matches the texts written for it


def test_extraction_is_the_same_without_the_gates(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = TEXTS + ["No clock time here: sales rose 5% to $1.2 billion in 2024.", "Q3 2024 at 2 pm."]
    with_gates = [extract_text(t) for t in texts]
    monkeypatch.setattr(mn, "_DATE_GATES", {})
    assert [extract_text(t) for t in texts] == with_gates
    assert any(m.type == "date" and "pm" in m.text for ms in with_gates for m in ms)
