"""Extraction does work in proportion to its input: doubling a document of any shape doubles the work.

Work is counted, not timed (factcheck.workcount): the counters in the extractor's loops (figures examined
for an antecedent, sentence and identifier look-ups, characters of a headline scanned) and the number of
calls of every function of the extractor and of the sentence splitter. A search that walks every sentence,
every figure or the rest of the text for each figure makes some count grow with the square of the input,
and the count per character doubles with each doubling.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from factcheck import workcount
from factcheck.extract import extract_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PROFILED = ("factcheck.extract", "factcheck.document.segment")


def _samples() -> str:
    """About 3,000 characters of the sample releases, whole paragraphs: repeated, so the content of each
    size is alike and only the algorithm can change the work per character."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    return text[:text.index("\n\n", 3000)]


def _list(items: int) -> str:
    return "The order covers " + ", ".join(f"{i % 90 + 10} {('tanks', 'trucks', 'radars', 'drones')[i % 4]}"
                                           for i in range(items)) + ". "


_TABLE = "| year | units | value | share |\n| --- | --- | --- | --- |\n" + "".join(
    f"| {2000 + i} | {i * 37 % 900 + 100} | ${i + 10}.5 million | {i + 10}% |\n" for i in range(20))

# shape -> (a unit of text, repetitions at the smallest size); sizes are 1, 2 and 4 times that
SHAPES = {
    "many paragraphs": (_samples() + "\n\n", 1),
    "one huge paragraph": (_samples().replace("\n", " ") + " ", 1),
    "digit flood": ("1,", 1500),
    "digits and spaces": ("1, ", 1000),
    "long list": (_list(40), 10),
    "table": (_TABLE, 4),
    "one line of sentences": ("The company delivered 12 vehicles worth $3.5 million. ", 60),
    "abbreviations in one sentence": ("Acme Inc. bought 5 tanks from U.S. firms, ", 70),
    "headline-like names": ("Block 70 Lot 18 Type 26 ", 120),
    "inches and quotes": ('a 9" gun, "a quote" and 12" shells; ', 80),
    "units after figures": ("4 km, 1 second, 24703 L-202 and 5 kg ", 80),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_extraction_work_grows_linearly(shape: str) -> None:
    unit, base = SHAPES[shape]
    sizes = (base, 2 * base, 4 * base)
    counts = workcount.growth(extract_text, lambda k: unit * k, sizes, profile=PROFILED)
    assert counts[-1]["call:factcheck.extract.mentions.find_mentions"] == 1  # the profile saw the extractor
    assert sum(counts[-1].values()) > sum(counts[0].values())  # and its work grew with the input
    assert workcount.superlinear(counts, sizes) == {}


def test_counters_in_the_hot_loops_are_reached() -> None:
    text = "".join(unit * 2 for unit, _ in (SHAPES["many paragraphs"], SHAPES["inches and quotes"], SHAPES["units after figures"]))
    with workcount.collect() as c:
        extract_text(text)
    for name in ("extract.antecedent", "extract.sentence_lookups", "extract.identifier_lookups", "extract.quote_lookups",
                 "extract.word_start_chars"):
        assert c[name] > 0, name


def _quadratic(n: int) -> None:
    for i in range(n):
        for _ in range(i):
            workcount.count("inner")


def _linear(n: int) -> None:
    for _ in range(n):
        workcount.count("inner", 2)


def test_the_harness_flags_quadratic_work_and_passes_linear_work() -> None:
    sizes = (100, 200, 400)
    quad = workcount.growth(_quadratic, lambda n: n, sizes)
    assert [c["inner"] for c in quad] == [4950, 19900, 79800]
    assert set(workcount.superlinear(quad, sizes)) == {"inner"}
    lin = workcount.growth(_linear, lambda n: n, sizes)
    assert [c["inner"] for c in lin] == [200, 400, 800]
    assert workcount.superlinear(lin, sizes) == {}


def test_profile_counts_calls_of_the_named_modules_only() -> None:
    with workcount.collect(profile=("tests.test_linear", "test_linear")) as c:
        _linear(3)
        extract_text("12 tanks")
    assert sum(n for k, n in c.items() if k.endswith("._linear")) == 1
    assert not any(k.startswith("call:factcheck.") for k in c)


def test_counting_is_off_outside_collect_and_nests() -> None:
    workcount.count("nobody")  # no collector: nothing happens, nothing fails
    assert not workcount.enabled()
    with workcount.collect() as outer:
        workcount.count("a")
        with workcount.collect() as inner:
            workcount.count("a", 2)
        assert inner == Counter({"a": 2})
    assert outer == Counter({"a": 3})
    assert not workcount.enabled()
