"""Sentence boundaries (factcheck.document.segment.sentences): a stop after an abbreviation ends no sentence."""

import pytest

from factcheck.document.segment import sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


@pytest.mark.parametrize("text, n", [
    ("Sales reached €3,815 million – in the German report, 3.815 Mio. EUR – compared with €2,861 million.", 1),
    ("Der Umsatz lag bei 2,7 Mrd. Euro. Das ist mehr als im Vorjahr.", 2),
    ("The order was signed in Sept. 2024 by Saab Inc. in the U.S. on Monday. It covers 12 jets.", 2),
    ("Deliveries rose to 40. The next batch follows in May.", 2),
    # an abbreviation after a prefix ends no sentence either
    ("It buys for the Navy (10%); non-U.S. DoD participants (11%); and FMS customers (32%). It is signed.", 2),
    ("Sales to ex-U.K. Ministry units fell. Others rose.", 2),
])
def test_sentence_count(text: str, n: int) -> None:
    assert len(_split(text)) == n, _split(text)
