"""Never pass silently: the exit-code table (0 / 1 / 2 / 3), unknown commands and rule ids with "did you
mean", unread inputs that still let the others be reported, hostile configuration and baseline files, and
the last-resort guard that turns any bug into one line and exit 3 (issue 11 point 1, issue 12 point 3)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from factcheck import cli
from factcheck.cli import app, command_typo, gather_inputs, normalize_argv
from factcheck.model import FileResult, Finding

WRONG = "Output grew from 94 to 224 vehicles, a 128% increase.\n"
FINE = "Nothing to recompute here.\n"


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(app, normalize_argv(list(args)), input=input)


def fake_run(doc, rules, opts=None):
    out = []
    i = doc.text.find("128%")
    if i >= 0:
        out.append(Finding(rule="percent-change", kind="percent_change", status="fail", severity="error",
                           start=i, end=i + 4, text="128%", message="should be 138%"))
    return FileResult(path=doc.path, document=doc, findings=out)


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr("factcheck.pipeline.run", fake_run)


def run_main(monkeypatch, capsys, *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as e:
        cli.main(list(argv))
    return int(e.value.code or 0), capsys.readouterr().err


# ------------------------------------------------------------------------------------------ unknown names


def test_mistyped_command_is_exit_2_with_a_suggestion(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.txt").write_text(FINE)
    code, err = run_main(monkeypatch, capsys, "extrct", "ok.txt")
    assert code == 2
    assert err == ("factcheck: unknown command 'extrct' (did you mean 'extract'?); no file of that name either "
                   "(`factcheck --help` lists the commands)\n")
    assert command_typo(["instal-hook"]) and "'install-hook'" in command_typo(["instal-hook"])
    # a real file of that name, a path, an option or a word close to no command is not a typo
    (tmp_path / "extrct").write_text(FINE)
    assert command_typo(["extrct"]) is None
    assert command_typo(["releases/q3.txt"]) is None and command_typo(["--strict"]) is None
    assert command_typo(["zzzz"]) is None


def test_mistyped_command_from_the_console_script(tmp_path):
    r = subprocess.run([sys.executable, "-m", "factcheck", "chek", "x.txt"], capture_output=True, text=True,
                       cwd=tmp_path, timeout=60)
    assert r.returncode == 2
    assert "unknown command 'chek' (did you mean 'check'?)" in r.stderr and "Traceback" not in r.stderr


def test_unknown_select_and_ignore_suggest_the_rule(tmp_path, fake):
    p = tmp_path / "a.txt"
    p.write_text(WRONG)
    r = invoke("--select", "percnt-change", str(p))
    assert r.exit_code == 2
    assert r.stderr == "factcheck: --select: unknown rule or kind 'percnt-change' (did you mean 'percent-change'?)\n"
    r = invoke("--ignore", "Percent-Change", str(p))
    assert r.exit_code == 2 and "(did you mean 'percent-change'?)" in r.stderr
    r = invoke("--ignore", "qqqq", str(p))
    assert r.exit_code == 2 and "unknown rule or kind 'qqqq' (see `factcheck rules list`)" in r.stderr
    assert invoke("--select", "percent-change,sum", str(p)).exit_code == 1  # known ids still work


def test_unknown_rule_in_configuration_names_file_and_line(tmp_path, fake, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(WRONG)
    (tmp_path / ".factcheck.yaml").write_text("format: text\nignore:\n  - sum\n  - percent-chnge\n")
    r = invoke("a.txt")
    assert r.exit_code == 2
    assert r.stderr == (f"factcheck: {tmp_path / '.factcheck.yaml'}:2: ignore: unknown rule or kind "
                        "'percent-chnge' (did you mean 'percent-change'?)\n")
    (tmp_path / ".factcheck.yaml").write_text("fromat: json\n")
    r = invoke("a.txt")
    assert r.exit_code == 2 and "unknown key 'fromat' (did you mean 'format'?)" in r.stderr


@pytest.mark.parametrize("name, text, line", [
    ("a.txt", "Sales rose 128%. [factcheck: ignore percent-chnage]\n", 1),
    ("a.md", "# Title\n\n<!-- factcheck: ignore sum, percent-chnage -->\nSales rose 128%.\n", 3),
    ("a.html", "<p>Intro.</p>\n<p>Sales rose 128%. <!-- factcheck: ignore percent-chnage --></p>\n", 2),
])
def test_unknown_rule_in_a_suppression_comment_is_an_error(tmp_path, fake, name, text, line):
    p = tmp_path / name
    p.write_text(text)
    r = invoke("--format", "json", str(p))
    assert r.exit_code == 2
    assert r.stderr == (f"factcheck: error: {p}:{line}: unknown rule or kind 'percnt-change' in a suppression "
                        "comment\n".replace("'percnt-change'", "'percent-chnage' (did you mean 'percent-change'?)"))
    # the findings are still reported (the misspelt comment silences nothing)
    findings = json.loads(r.stdout)["files"][0]["findings"]
    assert [f["suppressed"] for f in findings] == [False]


# ------------------------------------------------------------------------------------------ unread inputs


def test_missing_path_is_exit_2_after_the_others_are_reported(tmp_path, fake):
    good = tmp_path / "good.txt"
    good.write_text(FINE)
    r = invoke("--format", "json", str(good), str(tmp_path / "typo.txt"))
    assert r.exit_code == 2  # before: 0, with a warning
    files = json.loads(r.stdout)["files"]
    assert [f.get("error") for f in files] == [None, f"{tmp_path / 'typo.txt'}: no such file"]
    assert json.loads(r.stdout)["summary"]["unreadable"] == 1
    # a wrong figure beside an unread file: still 2 (the run is not trustworthy), with the finding reported
    bad = tmp_path / "bad.txt"
    bad.write_text(WRONG)
    r = invoke("--format", "json", str(bad), str(tmp_path / "typo.txt"))
    assert r.exit_code == 2 and json.loads(r.stdout)["summary"]["fail"] == 1
    # and --fail-on never does not hide an unread input
    assert invoke("--fail-on", "never", str(good), str(tmp_path / "typo.txt")).exit_code == 2


def test_text_report_shows_the_unread_input_as_an_error(tmp_path, fake):
    good = tmp_path / "good.txt"
    good.write_text(FINE)
    r = invoke(str(good), str(tmp_path / "typo.txt"))
    assert r.exit_code == 2
    assert f"error: {tmp_path / 'typo.txt'}: no such file" in r.stdout.splitlines()
    assert r.stdout.splitlines()[-1] == "nothing to check: no claims found in 2 files (1 unreadable)"


def test_folder_without_matching_files_is_an_unread_input(tmp_path, fake):
    (tmp_path / "releases").mkdir()
    (tmp_path / "releases" / "notes.csv").write_text("x\n")
    good = tmp_path / "good.txt"
    good.write_text(FINE)
    entries = gather_inputs([str(good), str(tmp_path / "releases")])
    assert entries[0] == (str(good), None)
    assert entries[1][0] == str(tmp_path / "releases")
    assert "no input files found in this folder (folders contribute .txt" in (entries[1][1] or "")
    r = invoke("--format", "json", str(good), str(tmp_path / "releases"))
    assert r.exit_code == 2
    assert "no input files found in this folder" in r.stderr


def test_unreadable_subfolder_is_counted(tmp_path, fake, monkeypatch):
    top = tmp_path / "releases"
    (top / "locked").mkdir(parents=True)
    (top / "a.txt").write_text(FINE)
    (top / "locked" / "b.txt").write_text(WRONG)
    real_scandir = os.scandir

    def scandir(path="."):  # a folder this user may not list (chmod 0 does not stop root, who runs CI here)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    r = invoke("--format", "json", str(top))
    assert r.exit_code == 2  # before: 0, the locked folder's wrong figure unseen
    assert r.stderr == (f"factcheck: error: {top / 'locked'}: cannot read this folder (Permission denied); its "
                        "files were not checked\n")
    assert [f["path"] for f in json.loads(r.stdout)["files"]] == [str(top / "a.txt"), str(top / "locked")]


def test_sarif_and_junit_say_the_run_was_not_complete(tmp_path, fake):
    good = tmp_path / "good.txt"
    good.write_text(FINE)
    missing = str(tmp_path / "typo.txt")
    sarif = json.loads(invoke("--format", "sarif", str(good), missing).stdout)
    inv = sarif["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    [n] = inv["toolExecutionNotifications"]
    assert n["message"]["text"] == f"{missing}: no such file" and n["level"] == "error"
    assert json.loads(invoke("--format", "sarif", str(good)).stdout)["runs"][0]["invocations"][0][
        "executionSuccessful"] is True
    root = ET.fromstring(invoke("--format", "junit", str(good), missing).stdout)
    assert root.get("errors") == "1"
    [err] = root.iter("error")
    assert err.get("message") == f"{missing}: no such file" and err.get("type") == "input"


def test_nothing_readable_still_writes_the_report(tmp_path):
    out = tmp_path / "r.sarif"
    r = invoke("--format", "sarif", "-o", str(out), str(tmp_path / "nope.txt"))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == "factcheck: nothing could be read"
    assert json.loads(out.read_text())["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_extract_with_an_unread_input_is_exit_2(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A 5% rise.\n")
    assert invoke("extract", str(good)).exit_code == 0
    r = invoke("extract", str(good), str(tmp_path / "nope.txt"))
    assert r.exit_code == 2 and "error: " in r.stdout


# ------------------------------------------------------------------------------------------ internal errors


def test_internal_error_in_one_file_is_exit_3_not_0(tmp_path, monkeypatch):
    def boom(doc, rules, opts=None):
        if "boom" in doc.text:
            raise OverflowError("int too large to convert to float")
        return fake_run(doc, rules, opts)

    monkeypatch.setattr("factcheck.pipeline.run", boom)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(FINE)
    b.write_text("boom 1e308 billion\n")
    r = invoke("--format", "json", str(a), str(b))
    assert r.exit_code == 3
    assert "internal error (OverflowError" in r.stderr
    out = json.loads(r.stdout)
    assert out["files"][0].get("error") is None and "internal error" in out["files"][1]["error"]


def test_top_level_guard_is_one_line_and_exit_3(tmp_path, monkeypatch, capsys):
    def broken(*a, **k):
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(cli, "_batch", broken)
    (tmp_path / "a.txt").write_text(FINE)
    code, err = run_main(monkeypatch, capsys, str(tmp_path / "a.txt"))
    assert code == 3
    assert err == ("factcheck: internal error (RuntimeError: something nobody expected); please report it "
                   "(FACTCHECK_DEBUG=1 shows the traceback)\n")
    monkeypatch.setattr(cli, "_batch", lambda *a, **k: (_ for _ in ()).throw(RecursionError()))
    code, err = run_main(monkeypatch, capsys, str(tmp_path / "a.txt"))
    assert code == 3 and err.count("\n") == 1 and "RecursionError" in err


def test_deeply_nested_configuration_is_one_line_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(FINE)
    (tmp_path / ".factcheck.yaml").write_text("select: " + "[" * 600 + "]" * 600 + "\n")
    r = invoke("a.txt")
    assert r.exit_code == 2
    assert r.stderr == f"factcheck: {tmp_path / '.factcheck.yaml'}:1: nested more than 32 levels deep\n"


def test_self_repeating_configuration_value_is_quoted_short(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(FINE)
    # aliases nesting 9 copies six levels deep: 531,441 items when expanded (a small billion-laughs)
    levels = ["&l0 [1, 1, 1, 1, 1, 1, 1, 1, 1]"] + [
        f"&l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 7)]
    (tmp_path / ".factcheck.yaml").write_text("select: [" + ", ".join(levels) + "]\n")
    r = invoke("a.txt")
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and len(r.stderr) < 300  # before: a 3.7 MB message
    assert str(tmp_path / ".factcheck.yaml") in r.stderr  # refused while composing (yamlload counts expanded values)


# ------------------------------------------------------------------------------------------ output


def test_output_is_never_an_input(tmp_path, fake):
    a = tmp_path / "a.txt"
    a.write_text(WRONG)
    r = invoke("-o", str(a), str(a))
    assert r.exit_code == 2
    assert "is also an input" in r.stderr
    assert a.read_text() == WRONG  # the article is not replaced by the report
    (tmp_path / "link.txt").symlink_to(a)
    assert invoke("-o", str(tmp_path / "link.txt"), str(tmp_path)).exit_code == 2
    assert a.read_text() == WRONG
    r = invoke("baseline", "-o", str(a), str(a))
    assert r.exit_code == 2 and a.read_text() == WRONG


def test_help_lists_the_exit_codes():
    r = invoke("--help")
    assert "3 internal error" in r.stdout
    assert "accept" in r.stdout
