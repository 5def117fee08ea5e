"""--fix / --diff: atomic rewrites that keep BOM and line endings, several fixes per file, idempotence."""

from __future__ import annotations

import codecs
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import fix as fixmod
from factcheck.cli import app, normalize_argv
from factcheck.model import Document, FileResult, Finding, Fix

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(app, normalize_argv(list(args)), input=input)


def fake_run(doc, rules, opts=None):
    """A stand-in pipeline: "N% increase" fails with a fix to 138% unless N is 138."""
    findings = []
    for m in re.finditer(r"(\d+)% increase", doc.text):
        a, b = m.start(), m.start() + len(m.group(1)) + 1
        ok = m.group(1) == "138"
        findings.append(Finding(rule="percent-change", kind="percent_change", status="pass" if ok else "fail",
                                severity="info" if ok else "error", start=a, end=b, text=doc.text[a:b],
                                message="holds" if ok else "should be 138%",
                                fix=None if ok else Fix(a, b, "138%")))
    return FileResult(path=doc.path, document=doc, findings=findings)


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr("factcheck.pipeline.run", fake_run)


def test_apply_fixes_several_in_one_file_from_the_end():
    text = "a 128% increase; then a 99% increase; 7% increase"
    doc = Document(path="x.txt", text=text)
    fs = fake_run(doc, None).findings
    new, n = fixmod.apply_fixes(doc, text, fs)
    assert n == 3
    assert new == "a 138% increase; then a 138% increase; 138% increase"


def test_apply_fixes_maps_through_the_source_offsets():
    # text "x 128% y" taken from source "<b>x</b> 128% y": origin maps each text char to the source
    source = "<b>x</b> 128% y"
    text = "x 128% y"
    origin = (3, 8, 9, 10, 11, 12, 13, 14)
    doc = Document(path="x.html", text=text, source=source, origin=origin, format="html")
    f = Finding(rule="r", kind="percent_change", status="fail", severity="error", start=2, end=6, text="128%",
                message="m", fix=Fix(2, 6, "138%"))
    new, n = fixmod.apply_fixes(doc, source, [f])
    assert (new, n) == ("<b>x</b> 138% y", 1)


def test_overlapping_fixes_apply_once():
    text = "value 128% here"
    doc = Document(path="x.txt", text=text)
    mk = [Finding(rule="r", kind="sum", status="fail", severity="error", start=a, end=b, text=text[a:b], message="m",
                  fix=Fix(a, b, rep)) for a, b, rep in ((6, 10, "138%"), (6, 9, "140"))]
    new, n = fixmod.apply_fixes(doc, text, mk)
    assert n == 1
    assert new in ("value 138% here", "value 140% here")


def test_docx_is_not_rewritten():
    doc = Document(path="a.docx", text="a 128% increase", format="docx")
    p = fixmod.plan(fake_run(doc, None), b"PK...")
    assert p is not None and p.new is None and "DOCX" in p.note


def test_suppressed_and_warn_findings_are_not_fixed():
    doc = Document(path="a.txt", text="a 128% increase")
    r = fake_run(doc, None)
    r.findings = [Finding(**{**f.__dict__, "suppressed": True}) for f in r.findings]
    assert fixmod.plan(r, b"a 128% increase") is None


def test_fix_keeps_bom_and_crlf_and_second_fix_changes_nothing(tmp_path, fake):
    p = tmp_path / "a.txt"
    original = codecs.BOM_UTF8 + b"Title\r\nOutput rose, a 128% increase.\r\nAnd a 90% increase.\r\n"
    p.write_bytes(original)
    r = invoke("--fix", str(p))
    assert r.exit_code == 0, r.output
    assert p.read_bytes() == codecs.BOM_UTF8 + b"Title\r\nOutput rose, a 138% increase.\r\nAnd a 138% increase.\r\n"
    assert "fixed 2 figures in 1 file" in r.stderr
    before = p.stat().st_mtime_ns
    r2 = invoke("--fix", str(p))
    assert r2.exit_code == 0
    assert p.stat().st_mtime_ns == before
    assert [x.name for x in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind


def test_file_without_fixable_finding_is_untouched(tmp_path, fake):
    p = tmp_path / "ok.txt"
    p.write_bytes(b"Nothing to see, a 138% increase.\n")
    os.utime(p, ns=(1_000_000_000, 1_000_000_000))
    r = invoke("--fix", str(p))
    assert r.exit_code == 0
    assert p.stat().st_mtime_ns == 1_000_000_000


def test_diff_prints_and_writes_nothing(tmp_path, fake):
    p = tmp_path / "a.txt"
    p.write_bytes(b"one\na 128% increase\n")
    r = invoke("--diff", str(p))
    assert r.exit_code == 1  # the finding still fails: nothing was fixed
    assert f"--- a/{p}" in r.stdout
    assert "-a 128% increase\n+a 138% increase\n" in r.stdout
    assert p.read_bytes() == b"one\na 128% increase\n"


def test_diff_marks_a_missing_final_newline(tmp_path, fake):
    p = tmp_path / "a.txt"
    p.write_bytes(b"a 128% increase")
    r = invoke("--diff", str(p))
    assert r.stdout.endswith("+a 138% increase\n\\ No newline at end of file\n")


def test_stdin_is_diffed_not_rewritten(fake):
    r = invoke("--diff", "-", input=b"a 128% increase\n")
    assert "+a 138% increase" in r.stdout
    r = invoke("--fix", "--format", "json", "-", input=b"a 128% increase\n")
    assert "standard input is not rewritten" in r.stderr
    assert json.loads(r.stdout)["summary"]["fail"] == 1


def test_write_atomic_keeps_the_mode(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"old")
    p.chmod(0o640)
    fixmod.write_atomic(str(p), b"new")
    assert p.read_bytes() == b"new"
    assert p.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_fix_on_every_sample_is_clean_and_idempotent(sample, tmp_path, request):
    p = tmp_path / sample.name
    shutil.copyfile(sample, p)
    invoke("--fix", "--jobs", "1", str(p))
    after = json.loads(invoke("--format", "json", str(p)).stdout)
    left = [f for f in after["files"][0]["findings"] if f["status"] == "fail" and "fix" in f]
    assert left == [], "a fixed figure still fails"
    fixed = p.read_bytes()
    invoke("--fix", "--jobs", "1", str(p))
    assert p.read_bytes() == fixed, "a second --fix changed the file"
