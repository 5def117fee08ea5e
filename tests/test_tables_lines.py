"""document/tables.py reads a line whose last word is no figure as text without tokenising it (a speed-up): the
line it makes is the one the full reading (``_spaced``) makes, on every line of the samples and on lines
built to sit at the edges (a unit or a currency apart from its figure, a missing value, spaces of all kinds)."""

from __future__ import annotations

from pathlib import Path

from factcheck.document import tables as tb
from factcheck.ruleset import load_rules

ROOT = Path(__file__).resolve().parent.parent
LEX = tb.lexicon(load_rules().vocab)
EDGES = [
    "Revenue  1,200  1,000 %", "Margin 12.5 pp", "Net sales   $ 11,293", "Order intake   n.a.", "Cash  —",
    "Kongsberg Maritime   6 215   5 480", "Deliveries in 2024 were 12 aircraft", "Sales\u00a0\u00a0 1,200\u2003total",
    "  Operating profit (1)      (12)      140  ", "The contract is worth $1.2 billion.", "EBIT margin 9.8 %",
    "Q2 2023 1,200 1,000", "Total\t1,200", "x", "   word   ", "Growth 5 bps", "1,200 units", "Headcount 1 200 p.p.",
]


def _full(text: str, a: int, b: int) -> tb._Line:
    line = tb._spaced(LEX, text, a, b)
    return tb._Line(a, b, "text", label=line.label) if not line.cells else line


def test_lines_without_a_last_figure_read_as_the_full_reading_reads_them() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))] + ["\n".join(EDGES)]
    fast = 0
    for text in texts:
        pos = 0
        for part in text.split("\n"):
            a, b = pos, pos + len(part)
            pos = b + 1
            got = tb._read_line(LEX, text, a, b)
            s = text[a:b]
            if got.form != "text" or not s.strip() or len(s) > 400 or tb._BULLET.match(s) or "\t" in s or "|" in s:
                continue
            want = _full(text, a, b)
            if want.form == "text" or not want.cells:
                assert (got.form, got.label, got.cells, got.fields) == ("text", want.label, [], []), s
                fast += 1
    assert fast > 200  # the samples give about 250
