"""The command line: inputs (folders, globs, stdin, unreadable files), --jobs, exit codes, help, version."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import __version__
from factcheck.cli import app, collect_inputs, normalize_argv
from factcheck.model import FileResult, Finding

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
WRONG = "Output grew from 94 to 224 vehicles, a 128% increase.\n"


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(app, normalize_argv(list(args)), input=input)


def fake_run(doc, rules, opts=None):
    out = []
    for m in re.finditer(r"128%", doc.text):
        out.append(Finding(rule="percent-change", kind="percent_change", status="fail", severity="error",
                           start=m.start(), end=m.end(), text="128%", message="should be 138%"))
    return FileResult(path=doc.path, document=doc, findings=out)


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr("factcheck.pipeline.run", fake_run)


def _tree(root: Path) -> None:
    for rel in ("a.txt", "b.md", "c.html", "notes.csv", "drafts/d.txt", "sub/deep/e.markdown", ".hidden/f.txt",
                "sub/.g.txt"):
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("text\n")


def test_folder_walk_default_suffixes_sorted(tmp_path):
    _tree(tmp_path)
    got = [Path(p).relative_to(tmp_path).as_posix() for p in collect_inputs([str(tmp_path)])]
    assert got == ["a.txt", "b.md", "c.html", "drafts/d.txt", "sub/deep/e.markdown"]


def test_include_and_exclude_globs(tmp_path):
    _tree(tmp_path)
    rel = lambda ps: [Path(p).relative_to(tmp_path).as_posix() for p in ps]  # noqa: E731
    assert rel(collect_inputs([str(tmp_path)], include=["*.txt", "*.csv"])) == ["a.txt", "notes.csv", "drafts/d.txt"]
    assert rel(collect_inputs([str(tmp_path)], exclude=["drafts"])) == ["a.txt", "b.md", "c.html",
                                                                       "sub/deep/e.markdown"]
    assert rel(collect_inputs([str(tmp_path)], exclude=["sub/*", "*.html"])) == ["a.txt", "b.md", "drafts/d.txt"]
    # an explicit file is checked whatever its suffix, unless excluded
    assert collect_inputs([str(tmp_path / "notes.csv")]) == [str(tmp_path / "notes.csv")]
    assert collect_inputs([str(tmp_path / "notes.csv")], exclude=["*.csv"]) == []


def test_cli_folder_with_include(tmp_path, fake, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "one.txt").write_text(WRONG)
    (tmp_path / "r" / "two.txt").write_text("fine\n")
    (tmp_path / "r" / "skip.txt").write_text(WRONG)
    r = invoke("--format", "json", "--exclude", "skip.txt", "r")
    assert r.exit_code == 1
    assert [f["path"] for f in json.loads(r.stdout)["files"]] == ["r/one.txt", "r/two.txt"]
    r = invoke("--include", "*.md", "r")
    assert r.exit_code == 2 and "no input files found" in r.stderr


def test_unreadable_file_among_good_ones(tmp_path, fake):
    good = tmp_path / "good.txt"
    good.write_text(WRONG)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02PNG")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9 1,5%\n".encode("latin-1"))
    r = invoke("--format", "json", str(binary), str(good), str(bad), str(tmp_path / "missing.txt"))
    assert r.exit_code == 2  # the good file is checked and reported, but two inputs were not: never a pass
    errors = r.stderr.strip().splitlines()
    # the Windows-1252 file is read (with a warning naming it); the binary and the missing file are not
    assert errors == [f"factcheck: warning: {bad}:1: not UTF-8 (byte 0xe9 at offset 3); read as Windows-1252 — "
                      "convert it with `iconv -f WINDOWS-1252 -t UTF-8`",
                      f"factcheck: error: {binary}: binary file, not text (skipped)",
                      f"factcheck: error: {tmp_path / 'missing.txt'}: no such file"]
    files = json.loads(r.stdout)["files"]
    assert [f["path"] for f in files] == [str(binary), str(good), str(bad), str(tmp_path / "missing.txt")]
    assert [len(f["findings"]) for f in files] == [0, 1, 0, 0]


def test_nothing_readable_is_exit_2(tmp_path):
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x00")
    r = invoke(str(binary), str(tmp_path / "nope.txt"))
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines()[-1] == "factcheck: nothing could be read"
    assert "Traceback" not in r.output


def test_stdin(fake):
    r = invoke("--format", "json", "-", input=WRONG.encode())
    assert r.exit_code == 1
    out = json.loads(r.stdout)
    assert out["files"][0]["path"] == "-"
    assert out["files"][0]["findings"][0]["text"] == "128%"


def test_fail_on(tmp_path, fake):
    p = tmp_path / "a.txt"
    p.write_text(WRONG)
    assert invoke(str(p)).exit_code == 1
    assert invoke("--fail-on", "never", str(p)).exit_code == 0
    assert invoke("--fail-on", "maybe", str(p)).exit_code == 2


def test_jobs_give_the_same_json_in_input_order(tmp_path):
    files = sorted(SAMPLES.glob("*.txt"))
    assert len(files) >= 4, "needs enough files for the worker pool"
    for f in files:
        shutil.copyfile(f, tmp_path / f.name)
    one = invoke("--format", "json", "--jobs", "1", str(tmp_path))
    two = invoke("--format", "json", "--jobs", "2", str(tmp_path))
    assert one.exit_code == two.exit_code
    assert one.stdout == two.stdout
    paths = [f["path"] for f in json.loads(two.stdout)["files"]]
    assert paths == sorted(paths)
    assert all(f["fingerprint"] for file in json.loads(two.stdout)["files"] for f in file["findings"])


def test_bad_arguments_are_one_line_exit_2(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("x\n")
    r = invoke("--as-of", "yesterday", str(p))
    assert r.exit_code == 2 and r.stderr.strip() == "factcheck: --as-of: 'yesterday' is not a date (YYYY-MM-DD)"
    r = invoke("--rules", str(tmp_path / "none.yaml"), str(p))
    assert r.exit_code == 2 and "none.yaml: no such rule file" in r.stderr
    assert invoke("--jobs", "-1", str(p)).exit_code == 2
    r = invoke("check")
    assert r.exit_code == 2 and "no input files given" in r.stderr
    assert invoke("--staged", "--fix").exit_code == 2


def test_version_and_help():
    r = invoke("--version")
    assert r.exit_code == 0 and r.stdout == f"factcheck {__version__}\n"
    root = invoke("--help").stdout
    for line in ("factcheck install-hook", "factcheck baseline releases/", "Exit codes: 0 nothing failed"):
        assert line in root
    # \b paragraphs keep one example per line
    assert re.search(r"^\s+factcheck --fix article\.md\s+rewrite", root, re.M)
    check = invoke("check", "--help").stdout
    for persona in ("An editor, in a terminal:", "A git hook:", "CI on a press-release repository:"):
        assert persona in check
    assert re.search(r"^\s+factcheck --format github releases/\s+annotations", check, re.M)
    for cmd in ("baseline", "init", "install-hook", "extract"):
        assert invoke(cmd, "--help").exit_code == 0


def test_console_script_runs_and_completion_is_offered():
    r = subprocess.run([sys.executable, "-m", "factcheck", "--help"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "--install-completion" in r.stdout
