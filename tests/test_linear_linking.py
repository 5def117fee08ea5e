"""Linking does work in proportion to its input: doubling a document of any shape doubles the work of the
linker and the judge (the companion of tests/test_linear.py, which holds extraction to the same rule).

Work is counted (factcheck.workcount): the figures each bounded window and index look-up hands a linker, the
characters the grammar runs over, and the calls of every function in factcheck.claims and factcheck.judge.
A candidate search that walked every figure or every pair of the document for each trigger would make some
count per character grow with each doubling.
"""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from factcheck import workcount
from factcheck.claims import link
from factcheck.extract import extract
from factcheck.judge import judge
from factcheck.model import Document
from factcheck.pipeline import run
from factcheck.report import render
from factcheck.report.common import Context
from factcheck.ruleset import load_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules()
PROFILED = ("factcheck.claims", "factcheck.judge")


def _samples() -> str:
    text = "\n\n".join(Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(ROOT / "samples" / "*.txt"))))
    return text[:text.index("\n\n", 2500)]


_TABLE = "Sales (€m)\t2024\t2023\tChange\n" + "".join(
    f"Segment {i}\t{100 + 7 * i:,}\t{90 + 6 * i:,}\t{round((100 + 7 * i) / (90 + 6 * i) * 100 - 100)}%\n" for i in range(20))
SHAPES = {  # shape -> (a unit of text, copies at the smallest size); sizes are 1, 2 and 4 times that
    "many paragraphs": (_samples() + "\n\n", 6),
    "one huge paragraph": (_samples().replace("\n", " ") + " ", 6),
    # a page pasted as one run-on sentence: clauses joined by commas, with no full stop for thousands of characters
    "one sentence of clauses": ("output rose from 147 to 592, up 98% on 147, and the plant plans to lift it to 597 "
                                "(itself up 3% on 146), which joins 147 more, ", 24),
    "changes on one line": ("Sales rose 18% to SEK 13,546m (11,527), and orders climbed 41% to SEK 21,173m. ", 40),
    "the same figure again and again": ("Output grew from 94 to 224 vehicles, a 128% increase. ", 60),
    "digit flood": ("1, ", 800),
    "long lists": ("The order covers 650 trucks, 350 trailers and 120 radars, 1,120 in all. ", 50),
    "restatements": ("The range is 40 km (25 miles) and the budget €2 billion (about $2.2 billion). ", 40),
    "tables": (_TABLE, 6),
}


def _link_and_judge(text: str) -> None:
    doc = Document(path="-", text=text)
    claims, unchecked = link(doc, extract(doc, RULES.vocab), RULES)
    judge(doc, claims, RULES, unchecked)


def _copies(unit: str, k: int) -> str:
    """k copies of a unit. A figure's look-ups across the document are bounded (the four nearest pairs with the
    same new level, three earlier figures of the same digits): they fill up over the first few copies, so the
    smallest size starts past that point and any further growth per copy is a search that is not bounded."""
    return unit * k


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_linking_work_grows_linearly(shape: str) -> None:
    unit, reps = SHAPES[shape]
    sizes = [reps, 2 * reps, 4 * reps]
    counts = workcount.growth(_link_and_judge, lambda k: _copies(unit, k), sizes, profile=PROFILED)
    assert any(k.startswith("link.") for c in counts for k in c), "the linker's counters were not reached"
    assert workcount.superlinear(counts, sizes) == {}


def _text_report(text: str) -> None:
    render("text", [run(Document(path="-", text=text), RULES)], Context(command="check"))


def test_text_report_work_grows_linearly_on_one_long_line() -> None:
    """Each finding shows a window of its line: a finding on a page-long line costs its window, not the line (the
    cleaning of the whole line for every finding made the text report quadratic in the line's length)."""
    unit, reps = SHAPES["one sentence of clauses"]
    sizes = [reps, 2 * reps, 4 * reps]
    counts = workcount.growth(_text_report, lambda k: _copies(unit, k), sizes, profile=("factcheck.report",))
    assert sum(counts[-1].values()) > 0, "the report's calls were not counted"
    assert workcount.superlinear(counts, sizes) == {}
