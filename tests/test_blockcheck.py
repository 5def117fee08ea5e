"""``check`` of a big document block by block (factcheck/blockcheck.py): what it keeps of the whole-document check, what
it does not (and why), and the report written as the findings are made.

The blocks here are small (a few KiB) so that documents of tens of KiB have many of them; the command line uses blocks
of ``CHECK_BLOCK_CHARS`` and only from ``CHECK_BLOCKS_MIN_CHARS`` characters on."""

from __future__ import annotations

import bisect
import json
import pickle
from collections import Counter

import pytest
from test_blocks import _shapes

from factcheck import pipeline
from factcheck.blockcheck import _widen, block_findings, check_by_blocks, head_end, table_spans
from factcheck.document.tables import find_tables
from factcheck.extract.blocks import CONTEXT_CHARS, _context, blocks
from factcheck.model import Document, FindingStream
from factcheck.pipeline import Options, run
from factcheck.report import Context, stream, summary
from factcheck.ruleset import load_rules

SIZE = 8192


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    return load_rules()


@pytest.fixture(scope="module")
def shapes() -> dict[str, str]:
    return _shapes(48 * 1024)


def _whole(doc: Document, rules) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    from factcheck.baseline import with_fingerprints

    r = with_fingerprints(run(doc, rules, Options()))
    return list(r.findings), list(r.unchecked)


def test_a_normal_release_is_checked_whole(rules) -> None:  # type: ignore[no-untyped-def]
    r = run(Document("r.txt", "Sales rose 10% to $110 million from $100 million.\n"), rules, Options())
    assert isinstance(r.findings, list) and len(r.findings) == 1 and r.findings[0].status == "pass"


@pytest.mark.parametrize("shape", ["paragraphs", "tables", "lists", "short paragraphs and headings"])
@pytest.mark.parametrize("size", [4096, 16384])
def test_tables_are_found_piece_by_piece_as_in_the_whole_text(shapes: dict[str, str], rules, shape: str,
                                                               size: int) -> None:  # type: ignore[no-untyped-def]
    text = shapes[shape]
    whole = [(min([t.start, *(a for a, _ in t.header)]), t.end) for t in find_tables(Document("x", text), rules.vocab)]
    assert table_spans(Document("x", text), rules.vocab, size=size) == whole
    if shape == "tables":
        assert len(whole) > 10


def test_the_head_is_whole_lines_of_the_first_characters_and_lines() -> None:
    assert head_end("Headline\n\nSEOUL, 14 October 2025\n\n" + "x " * 400 + "\n" + "more\n") == 835  # whole lines
    assert head_end("Headline\n" + "x" * 3000 + "\n") == 400  # a line past HEAD_MAX: cut inside it
    short = "A\nB\nC\nD\n" + "word " * 100 + "\n" + "y" * 3000
    assert head_end(short) == 8 + 501  # three lines and the fourth, then whole lines past 400 characters
    assert head_end("z" * 10_000) == 400  # one long line: its first 400 characters
    assert head_end("") == 0


def _windows(text: str, keep: list[tuple[int, int]], size: int):  # type: ignore[no-untyped-def]
    spans = list(blocks(text, keep, size))
    starts = [lo for lo, _ in spans]
    kstarts = [a for a, _ in keep]

    def window(i: int) -> tuple[int, int]:
        lo, hi = spans[bisect.bisect_right(starts, i) - 1]
        return _widen(*_context(text, lo, hi, CONTEXT_CHARS), keep, kstarts)
    return window


DOCUMENT_WIDE = ("elsewhere", "in the text")  # evidence of a search of the whole document ("a pair of 'sales' elsewhere")


@pytest.mark.parametrize("shape", ["paragraphs", "one paragraph", "tables", "lists", "short paragraphs and headings"])
def test_blocks_keep_every_finding_whose_working_stays_near(shapes: dict[str, str], rules, shape: str) -> None:  # type: ignore[no-untyped-def]
    """The findings differ from the whole-document check only where the whole document's working reaches further
    than a block and its context: an operand outside the window of the block that states the figure (the whole text
    linked a figure of another release), or evidence from a search of the whole text (a conversion rate "the
    release converts at elsewhere", a pair of the same measure elsewhere). The release's date, read from the top of
    the document, is carried to every block: no finding differs by the year of its exchange rate."""
    text = shapes[shape]
    doc = Document("x.txt", text)
    whole, whole_unchecked = _whole(doc, rules)
    got = check_by_blocks(doc, rules, Options(), size=SIZE)
    found = list(got.findings)
    assert found == sorted(found, key=lambda f: (f.start, f.end, f.rule))
    window = _windows(text, table_spans(doc, rules.vocab), SIZE)
    lost = Counter(whole) - Counter(found)
    added = Counter(found) - Counter(whole)
    for f in lost.elements():
        a, b = window(f.start)
        far = [o for o in f.operands if not a <= o.start < b]
        assert far or any(w in e for e in f.evidence for w in DOCUMENT_WIDE), f
    assert sum(lost.values()) <= 0.1 * len(whole) and sum(added.values()) <= 0.1 * len(whole)
    # the unchecked claims: the same, listed block by block
    key = lambda u: (u.start, u.end, u.kind, u.reason)  # noqa: E731
    assert sorted(map(key, got.unchecked)) == sorted(map(key, whole_unchecked)) or shape != "one paragraph"
    if shape == "one paragraph":  # a paragraph is never cut: one block, the same check
        assert found == whole and list(got.unchecked) == whole_unchecked


def test_the_number_of_blocks_grows_with_the_input(rules) -> None:  # type: ignore[no-untyped-def]
    counts = []
    for size in (32 * 1024, 128 * 1024):
        doc = Document("x.txt", _shapes(size)["paragraphs"])
        counts.append(sum(1 for _ in block_findings(doc, rules, Options(), SIZE)))
    assert counts[0] >= 4 and 3.5 * counts[0] <= counts[1] <= 4.5 * counts[0]


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch, shapes: dict[str, str], rules):  # type: ignore[no-untyped-def]
    """A 48 KiB document checked as a big one (blocks of 8 KiB), through ``pipeline.run``."""
    import factcheck.blockcheck as bc

    monkeypatch.setattr(pipeline, "CHECK_BLOCKS_MIN_CHARS", 16 * 1024)
    monkeypatch.setattr(bc, "CHECK_BLOCK_CHARS", SIZE)
    return run(Document("big.txt", shapes["paragraphs"]), rules, Options())


def test_the_report_is_written_as_the_findings_are_made(big) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(big.findings, FindingStream)
    pieces = list(stream("json", [big], Context(command="check")))
    assert big.findings._list is None  # written as they came, never listed
    assert big.findings.passes == 1  # the document was checked once, the unchecked claims included
    report = json.loads("".join(pieces))
    listed = [f for f in big.findings]  # (list() would ask its length: the findings listed)
    counts = Counter(f.status for f in listed if not f.suppressed)
    assert report["summary"] == {"files": 1, **{k: counts[k] for k in ("pass", "warn", "fail")},
                                 "unchecked": len(big.unchecked), "unreadable": 0}
    assert [f["start"] for f in report["files"][0]["findings"]] == [f.start for f in listed]
    assert all(f["fingerprint"] for f in report["files"][0]["findings"])
    assert summary([big]) == {k: report["summary"][k] for k in ("files", "pass", "warn", "fail")}
    assert big.findings._list is None  # the exit code's count made no more findings


def test_the_same_report_as_from_the_listed_findings(big) -> None:  # type: ignore[no-untyped-def]
    from factcheck.model import FileResult

    streamed = "".join(stream("json", [big], Context(command="check")))
    plain = FileResult(big.path, big.document, [], list(big.findings), list(big.unchecked))
    assert streamed == "".join(stream("json", [plain], Context(command="check")))
    assert "".join(stream("text", [big], Context(command="check"))) == "".join(stream("text", [plain], Context(command="check")))


def test_a_worker_sends_the_findings_back_as_a_list(big) -> None:  # type: ignore[no-untyped-def]
    back = pickle.loads(pickle.dumps(big))
    assert isinstance(back.findings, list) and back.findings == list(big.findings) and len(back.findings) > 50
    assert back.unchecked == list(big.unchecked)


def test_a_suppression_comment_holds_in_a_block(monkeypatch: pytest.MonkeyPatch, shapes: dict[str, str], rules) -> None:  # type: ignore[no-untyped-def]
    import factcheck.blockcheck as bc
    from factcheck.document import read_bytes

    monkeypatch.setattr(pipeline, "CHECK_BLOCKS_MIN_CHARS", 16 * 1024)
    monkeypatch.setattr(bc, "CHECK_BLOCK_CHARS", SIZE)
    line = "Sales rose 12% to $110 million from $100 million.  <!-- factcheck: ignore -->"
    text = shapes["paragraphs"][:30_000].rsplit("\n\n", 1)[0] + "\n\n" + line + "\n\n" + shapes["paragraphs"][:20_000]
    r = run(read_bytes(text.encode(), "doc.md"), rules, Options())
    assert isinstance(r.findings, FindingStream)
    at = r.document.text.index("Sales rose 12% to $110") + len("Sales rose ")
    hit = [f for f in r.findings if f.start == at]
    assert hit and all(f.suppressed and f.status == "fail" for f in hit)
    assert summary([r])["fail"] == sum(1 for f in r.findings if f.status == "fail" and not f.suppressed)
