"""The same results table as plain text with aligned columns, plain text with pipes, Markdown, HTML and DOCX gives
the same table claims, each pointing at its cell in the original file."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_readers import document_xml, docx_bytes, p, r

from factcheck.claims.tables import find
from factcheck.document import read_bytes
from factcheck.model import Document
from factcheck.ruleset import load_rules

FIX = Path(__file__).parent / "fixtures" / "tables"
RULES = load_rules()


def _docx() -> bytes:
    """results-pipes.txt as Word writes it: paragraphs, then a table with one cell per column."""
    src = (FIX / "results-pipes.txt").read_text(encoding="utf-8").split("\n")
    body: list[str] = []
    rows: list[list[str]] = []
    for line in src:
        if line.startswith("|"):
            if "---" not in line:
                rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if rows:
            body.append("<w:tbl>" + "".join("<w:tr>" + "".join(f"<w:tc>{p(r(c)) if c else p()}</w:tc>" for c in row)
                                            + "</w:tr>" for row in rows) + "</w:tbl>")
            rows = []
        if line.strip():
            body.append(p(r(line)))
    return docx_bytes(document_xml(*body))


def load(fmt: str) -> Document:
    if fmt == "docx":
        return read_bytes(_docx(), "results.docx")
    name = {"txt": "results.txt", "pipes": "results-pipes.txt", "md": "results.md", "html": "results.html"}[fmt]
    path = FIX / name
    return read_bytes(path.read_bytes(), str(path))


FORMATS = ["txt", "pipes", "md", "html", "docx"]


def claims_of(doc: Document) -> list[tuple]:
    claims, unchecked = find(doc, [], RULES)
    out = []
    for c in claims:
        r = c.readings[0]
        out.append((c.kind, doc.text[c.span[0]:c.span[1]], r.formula, tuple(m.text for m in r.operands),
                    c.stated_value, r.explicit, r.evidence[0].detail))
    return out


@pytest.fixture(scope="module")
def expected() -> list[tuple]:
    return claims_of(load("txt"))


def test_the_aligned_text_table_gives_every_claim(expected):
    got = {(k, s, f, ops) for k, s, f, ops, *_ in expected}
    assert ("percent_change", "25", "pct_change", ("480", "650")) in got  # the wrong change (35.4%)
    assert ("share", "8.9", "share", ("2,300", "27,400")) in got  # the wrong margin (8.4%)
    assert ("sum", "27,400", "sum", ("8,200", "9,100", "11,000", "(900)")) in got
    assert ("percent_change", "31", "pct_change", ("2.40", "3.15")) in got  # per-share change, never summed
    assert len(expected) == 13


@pytest.mark.parametrize("fmt", FORMATS[1:])
def test_every_format_gives_the_same_claims(fmt, expected):
    assert claims_of(load(fmt)) == expected


@pytest.mark.parametrize("fmt", FORMATS)
def test_claims_point_at_their_cell_in_the_original_file(fmt):
    doc = load(fmt)
    claims, _ = find(doc, [], RULES)
    assert claims
    for c in claims:
        pos, end = doc.locate(c.span[0]), doc.locate_end(c.span[1])
        cell = doc.text[c.span[0]:c.span[1]]
        assert pos.line == end.line
        assert doc.line_text(pos.line)[pos.column - 1:end.column - 1] == cell
        row = c.readings[0].evidence[0].detail.split(",")[0].strip("'")
        if c.kind != "share":
            assert row in doc.line_text(pos.line)  # the cell's own row names the claim


@pytest.mark.parametrize("fmt, line", [("txt", 14), ("pipes", 15), ("md", 15), ("html", 16), ("docx", 11)])
def test_the_wrong_change_cell_is_found_on_its_row(fmt, line):
    doc = load(fmt)
    claims, _ = find(doc, [], RULES)
    c = next(c for c in claims if c.kind == "percent_change" and doc.text[c.span[0]:c.span[1]] == "25")
    assert doc.locate(c.span[0]).line == line
    assert "EBIT" in doc.line_text(line) and "margin" not in doc.line_text(line)


# -- end to end: the pipeline's findings -------------------------------------------------------------------------


def findings_of(doc: Document) -> list[tuple]:
    from factcheck.pipeline import run

    res = run(doc, RULES)
    return [(f.kind, f.status, f.text, f.message, f.evidence) for f in res.findings
            if f.start >= doc.text.index("Group results")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_gives_the_same_findings_at_the_cells(fmt):
    from factcheck.pipeline import run

    doc = load(fmt)
    assert findings_of(doc) == findings_of(load("txt"))
    fails = [f for f in run(doc, RULES).findings if f.status == "fail"]
    assert [(f.kind, f.text, f.expected_text) for f in fails] == [("percent_change", "25", "35"), ("share", "8.9", "8.4")]
    for f in fails:
        pos = doc.locate(f.start)
        assert doc.line_text(pos.line)[pos.column - 1:pos.column - 1 + len(f.text)] == f.text
    assert fails[0].message == "480 → 650 is a 35.4% increase, not 25"
    assert fails[0].evidence == ("EBIT, Q2 2023 vs Q2 2022: 650 → 480 (column 'Change, %')",)
    assert fails[1].evidence == ("'EBIT margin, %', column 'Full year 2022' = 'EBIT' 2,300 / 'Total net sales' 27,400",)


@pytest.mark.parametrize("name", ["results.txt", "results-pipes.txt", "results.md"])
def test_fix_rewrites_the_wrong_cells_only(tmp_path, name):
    from typer.testing import CliRunner

    from factcheck.cli import app

    src = (FIX / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(src, encoding="utf-8")
    res = CliRunner().invoke(app, ["check", "--fix", str(path)])
    assert res.exit_code == 0, res.output
    new = path.read_text(encoding="utf-8")
    old_lines, new_lines = src.split("\n"), new.split("\n")
    changed = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    assert len(changed) == 2 and len(new) == len(src)
    assert changed[0][1] == changed[0][0].replace(" 25 ", " 35 ") and changed[1][1] == changed[1][0].replace("8.9", "8.4")
