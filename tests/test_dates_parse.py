"""parse_period: a date as precise as it was written, in the day-month and month-day orders."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.claims.dates import parse_period


@pytest.mark.parametrize("text,first,last", [
    ("21 May 2025", date(2025, 5, 21), date(2025, 5, 21)),
    ("May 21, 2025", date(2025, 5, 21), date(2025, 5, 21)),
    ("Sept. 29, 2025", date(2025, 9, 29), date(2025, 9, 29)),
    ("March 3rd, 2024", date(2024, 3, 3), date(2024, 3, 3)),
    ("May 2025", date(2025, 5, 1), date(2025, 5, 31)),
    ("February 2024", date(2024, 2, 1), date(2024, 2, 29)),
    ("2018", date(2018, 1, 1), date(2018, 12, 31)),
    ("Q3 2025", date(2025, 7, 1), date(2025, 9, 30)),
    ("the third quarter of 2025", date(2025, 7, 1), date(2025, 9, 30)),
    ("first quarter of 2028", date(2028, 1, 1), date(2028, 3, 31)),
    ("fourth quarter 2024", date(2024, 10, 1), date(2024, 12, 31)),
    ("2Q 2026", date(2026, 4, 1), date(2026, 6, 30)),
])
def test_precision_as_written(text: str, first: date, last: date) -> None:
    p = parse_period(text)
    assert p is not None
    assert (p.first, p.last) == (first, last)
