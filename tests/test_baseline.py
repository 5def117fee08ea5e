"""Baselines: fingerprints survive edits elsewhere; recorded findings are suppressed, new ones count."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from factcheck import baseline as bl
from factcheck.cli import app, normalize_argv
from factcheck.model import Document, FileResult, Finding

WRONG = "Output grew from 94 to 224 vehicles, a 128% increase."
WRONG2 = "Sales went from 10 to 20 units, a 55% increase."


def invoke(*args: str):
    return CliRunner().invoke(app, normalize_argv(list(args)))


def fake_run(doc, rules, opts=None):
    """Every "N% increase" with N not 100 or 138 fails (no extractor needed)."""
    import re

    out = []
    for m in re.finditer(r"(\d+)% increase", doc.text):
        ok = m.group(1) in ("100", "138")
        out.append(Finding(rule="percent-change", kind="percent_change", status="pass" if ok else "fail",
                           severity="error", start=m.start(), end=m.start() + len(m.group(1)) + 1,
                           text=m.group(1) + "%", message="m"))
    return FileResult(path=doc.path, document=doc, findings=out)


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr("factcheck.pipeline.run", fake_run)


def _fp(text: str, fmt: str = "txt") -> str:
    doc = Document(path="x.txt", text=text, format=fmt)
    f = fake_run(doc, None).findings[-1]
    return bl.fingerprint(doc, f)


def test_fingerprint_ignores_lines_above():
    base = _fp(f"Title\n{WRONG}\n")
    assert base == _fp(f"Title\nA new paragraph.\n\nAnother one.\n{WRONG}\n")
    assert len(base) == 16 and int(base, 16) >= 0


def test_markdown_fingerprint_survives_rewrapping():
    base = _fp(f"# Title\n\n{WRONG}\n", "md")
    assert base == _fp("# Title\n\nIntro added.\n\n" + WRONG.replace(" a 128%", "\na 128%") + "\n", "md")


def test_fingerprint_changes_with_the_sentence_or_rule():
    base = _fp(f"Title\n{WRONG}\n")
    assert base != _fp("Title\n" + WRONG.replace("94", "95") + "\n")
    doc = Document(path="x.txt", text=WRONG)
    f = fake_run(doc, None).findings[0]
    assert bl.fingerprint(doc, f) != bl.fingerprint(doc, Finding(**{**f.__dict__, "rule": "other"}))


def test_apply_counts_each_recorded_fingerprint_once():
    doc = Document(path="x.txt", text=f"{WRONG}\n{WRONG}\n")
    r = fake_run(doc, None)
    fp = bl.fingerprint(doc, r.findings[0])
    n = bl.apply([r], Counter({fp: 1}))
    assert n == 1
    assert [f.suppressed for f in r.findings] == [True, False]


def test_baseline_round_trip(tmp_path, fake, monkeypatch):
    monkeypatch.chdir(tmp_path)
    art = tmp_path / "a.txt"
    art.write_text(f"Headline\n{WRONG}\n", encoding="utf-8")
    r = invoke("baseline", "a.txt")
    assert r.exit_code == 0, r.output
    assert "recorded 1 finding from 1 file in .factcheck-baseline.json" in r.stderr
    data = json.loads((tmp_path / ".factcheck-baseline.json").read_text())
    assert data["version"] == 1
    assert [(e["path"], e["rule"], e["text"], e["line"]) for e in data["findings"]] == [
        ("a.txt", "percent-change", "128%", 2)]

    # an edit above the known finding does not resurface it
    art.write_text(f"Headline\nA new first paragraph.\n\n{WRONG}\n", encoding="utf-8")
    r = invoke("--baseline", ".factcheck-baseline.json", "--format", "json", "a.txt")
    assert r.exit_code == 0, r.output
    findings = json.loads(r.stdout)["files"][0]["findings"]
    assert [(f["text"], f["suppressed"]) for f in findings] == [("128%", True)]
    assert findings[0]["fingerprint"] == data["findings"][0]["fingerprint"]

    # a new wrong figure does
    art.write_text(f"Headline\nA new first paragraph.\n\n{WRONG}\n{WRONG2}\n", encoding="utf-8")
    r = invoke("--baseline", ".factcheck-baseline.json", "--format", "json", "a.txt")
    assert r.exit_code == 1
    out = json.loads(r.stdout)
    assert [(f["text"], f["suppressed"]) for f in out["files"][0]["findings"]] == [("128%", True), ("55%", False)]
    assert out["summary"]["fail"] == 1


def test_baseline_from_config(tmp_path, fake, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".factcheck.yaml").write_text("baseline: known.json\n")
    (tmp_path / "a.txt").write_text(WRONG + "\n")
    assert invoke("baseline", "a.txt").exit_code == 0
    assert (tmp_path / "known.json").is_file()
    assert invoke("a.txt").exit_code == 0
    assert invoke("--no-config", "a.txt").exit_code == 1


@pytest.mark.parametrize("content, message", [
    (None, "no such baseline file"),
    ("{not json", ":1: not a baseline file (invalid JSON"),
    ('{"version": 9, "findings": []}', "version 9 is not supported"),
    ('[1, 2]', "expected an object with a findings list"),
    # hostile files: one line, never a RecursionError / ValueError traceback with exit 1
    ("[" * 100000 + "]" * 100000, ":1: not a baseline file (nested more than 32 levels deep)"),
    ('{"version": 1, "findings": [' + "[" * 40 + "]" * 40 + "]}", "nested more than 32 levels deep"),
    ('{"version": 1, "findings": [' + "1" * 10000 + "]}", ":1: not a baseline file (ValueError"),
])
def test_bad_baseline_is_one_line_exit_2(tmp_path, fake, content, message):
    b = tmp_path / "b.json"
    if content is not None:
        b.write_text(content)
    art = tmp_path / "a.txt"
    art.write_text(WRONG)
    r = invoke("--baseline", str(b), str(art))
    assert r.exit_code == 2
    assert message in r.stderr and str(b) in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
