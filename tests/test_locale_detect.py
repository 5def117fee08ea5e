"""The document's digit convention (factcheck.extract.numbers.detect_locale): decided only on unambiguous evidence."""

import pytest

from factcheck.extract.numbers import detect_locale


@pytest.mark.parametrize("text, locale", [
    # English tables: cells side by side are no French space-grouped numerals
    ("Order backlog 135,181 112,367 20 127,676\nSales 23,960 19,389 24 42,000", "en"),
    ("Order intake 14,315 17,363 -18 63,116", "en"),
    ("Sales rose to SEK 12,475m (10,171).", "en"),
    # French: space groups and a decimal comma
    ("Le contrat vaut 1 059,5 millions d'euros.", "fr"),
    ("soit 12 345,75 euros par an", "fr"),
    # German: point groups and a decimal comma, or point groups used twice
    ("Der Auftrag hat einen Wert von 1.483.938.969,77 Euro.", "de"),
    ("Umsatz: 2.732,5 Mio. Euro", "de"),
    ("Revenue of 1,059.5 million and 2,000,000 units", "en"),
    # no grouped figure: a comma or a point before one or two digits decides, the more frequent one
    ("revenue rose to EUR 1,9 billion, or 43 %, and 4.100 people work at 1.000 sites", "de"),
    ("Umsatz 23,0 % höher bei 4.843 M€", "de"),
    ("margin of 12.5% on 4.100 units and 2.35 million rounds", "en"),
    ("items 1,2 and 3.5 and 4.25", "en"),
])
def test_detect_locale(text: str, locale: str) -> None:
    assert detect_locale(text) == locale
