"""Reports never pass silently and never print a hostile name raw: claims seen but not checked are counted
and listed (issue 11 point 3), GitLab Code Quality output (issue 11 point 2), and control characters in file
names escaped in every format (issue 12 point 7)."""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from factcheck.cli import app, normalize_argv
from factcheck.model import Document, FileResult, Finding, Unchecked
from factcheck.report import Context, render
from factcheck.report.common import counts, printable, summary_line

TEXT = ("Revenue rose from EUR 100 million to EUR 120 million, a 25% increase.\n"
        "The order is worth EUR 50 million (about USD 54 million).\n"
        "The range grew to 120 km, or about 75 miles.\n")
PATH = "releases/q3.txt"


def _at(sub: str) -> tuple[int, int]:
    i = TEXT.index(sub)
    return i, i + len(sub)


def results(path: str = PATH) -> list[FileResult]:
    doc = Document(path=path, text=TEXT)
    a, b = _at("25%")
    fail = Finding(rule="percent-change", kind="percent_change", status="fail", severity="error", start=a, end=b,
                   text="25%", message="100 → 120 is a 20% increase, not 25%", expected_text="20%")
    c, d = _at("75 miles")
    ok = Finding(rule="conversion", kind="conversion", status="pass", severity="info", start=c, end=d,
                 text="75 miles", message="75 miles holds")
    e, f = _at("USD 54 million")
    g, h = _at("120 km")
    unchecked = [Unchecked("currency_conversion", e, f, "USD 54 million",
                           "no date for the rate — pass --as-of or add a dateline"),
                 Unchecked("conversion", g, h, "120 km", "no unit the restatement can be compared with")]
    return [FileResult(path=path, document=doc, findings=[fail, ok], unchecked=unchecked)]


# ------------------------------------------------------------------------------------- honest silence


def test_summary_line_counts_the_claims_not_checked():
    assert counts(results())["unchecked"] == 2
    assert summary_line(results()) == "2 claims checked in 1 file: 1 hold, 1 wrong; 2 not checked"
    only = [FileResult(path=PATH, document=Document(PATH, TEXT), unchecked=results()[0].unchecked)]
    assert summary_line(only) == "no claim checked in 1 file: 2 claims not checked"
    none = [FileResult(path=PATH, document=Document(PATH, TEXT))]
    assert summary_line(none) == "nothing to check: no claims found in 1 file"


def test_text_lists_unchecked_claims_with_their_reason_under_show_pass():
    out = render("text", results(), Context(show_pass=True, color=False))
    lines = out.splitlines()
    assert (f"{PATH}:2:42: not checked[currency_conversion] USD 54 million: no date for the rate — pass --as-of "
            "or add a dateline") in lines
    assert f"{PATH}:3:19: not checked[conversion] 120 km: no unit the restatement can be compared with" in lines
    # in document order: the line-3 pass comes after the line-3 unchecked claim that starts before it
    assert lines.index(f"{PATH}:3:19: not checked[conversion] 120 km: no unit the restatement can be compared "
                       "with") < lines.index(f"{PATH}:3:36: ok[conversion] 75 miles holds")
    assert lines[-1] == "2 claims checked in 1 file: 1 hold, 1 wrong; 2 not checked"
    quiet = render("text", results(), Context(color=False))
    assert "not checked[" not in quiet
    assert quiet.splitlines()[-1] == ("2 claims checked in 1 file: 1 hold, 1 wrong; 2 not checked "
                                      "(--show-pass lists them, with the reason)")


def test_json_has_unchecked_per_file_and_in_the_summary():
    out = json.loads(render("json", results(), Context()))
    assert out["summary"] == {"files": 1, "pass": 1, "warn": 0, "fail": 1, "unchecked": 2, "unreadable": 0}
    first = out["files"][0]["unchecked"][0]
    assert first == {"kind": "currency_conversion", "text": "USD 54 million", "line": 2, "column": 42,
                     "end_line": 2, "end_column": 56, "start": TEXT.index("USD 54"),
                     "end": TEXT.index("USD 54") + 14, "reason": "no date for the rate — pass --as-of or add a dateline"}
    # existing fields unchanged (CONTRACT: fields only grow)
    assert {"path", "findings"} <= set(out["files"][0])
    ext = json.loads(render("json", results(), Context(command="extract")))
    assert "unchecked" not in ext["files"][0] and "unchecked" not in ext["summary"]


def test_markdown_front_matter_date_reaches_the_document():
    from factcheck.document import read_bytes

    doc = read_bytes(b"---\ntitle: Q3\ndate: 2024-05-14\n---\nSales rose 5%.\n", "q3.md")
    assert str(doc.date) == "2024-05-14"
    assert read_bytes(b"+++\ndate = 2023-01-02T10:00:00Z\n+++\nText.\n", "q3.md").date.isoformat() == "2023-01-02"
    assert read_bytes(b"date: 2024-05-14\n\nText.\n", "q3.md").date is None  # not front matter
    assert read_bytes(b"---\ndate: 2024-13-40\n---\nText.\n", "q3.md").date is None
    assert read_bytes(b"Text.\n", "q3.txt").date is None


# ------------------------------------------------------------------------------------------- GitLab

# GitLab's Code Quality report (docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format),
# with the Code Climate issue fields factcheck adds.
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "type": {"const": "issue"},
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "categories": {"type": "array", "items": {"type": "string"}},
            "location": {
                "type": "object", "required": ["path", "lines"],
                "properties": {"path": {"type": "string", "minLength": 1},
                               "lines": {"type": "object", "required": ["begin"],
                                         "properties": {"begin": {"type": "integer", "minimum": 1},
                                                        "end": {"type": "integer", "minimum": 1}}}},
            },
        },
    },
}


def test_gitlab_code_quality_structure():
    res = [*results(), FileResult(path="releases/gone.txt", document=None, error="releases/gone.txt: no such file")]
    issues = json.loads(render("gitlab", res, Context()))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert [(i["check_name"], i["severity"], i["location"]["path"], i["location"]["lines"]["begin"])
            for i in issues] == [("percent-change", "major", PATH, 1),
                                 ("factcheck-input", "blocker", "releases/gone.txt", 1)]
    assert issues[0]["description"] == "100 → 120 is a 20% increase, not 25% (should be 20%)"
    # claims that hold only with --show-pass, as info; fingerprints unique within the report
    shown = json.loads(render("gitlab", results() + results("releases/q4.txt"), Context(show_pass=True)))
    assert [i["severity"] for i in shown] == ["major", "info", "major", "info"]
    assert len({i["fingerprint"] for i in shown}) == 4
    # stable when the line moves
    moved = [FileResult(path=PATH, document=Document(PATH, "\n\n" + TEXT),
                        findings=[Finding(**{**results()[0].findings[0].__dict__, "start": TEXT.index("25%") + 2,
                                             "end": TEXT.index("25%") + 5})])]
    assert json.loads(render("gitlab", moved, Context()))[0]["fingerprint"] == issues[0]["fingerprint"]


def test_cli_gitlab_format_on_the_seed(monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    r = CliRunner().invoke(app, normalize_argv(["--format", "gitlab", "samples/otokar-romania.txt"]))
    assert r.exit_code == 1
    issues = json.loads(r.stdout)
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert [(i["check_name"], i["location"]["lines"]["begin"]) for i in issues] == [("percent-change", 7)]


# ------------------------------------------------------------------------------------------- names

EVIL = "re\nport\x1b[31m\u202e.txt"


def test_printable_escapes_controls_and_invisible_marks():
    assert printable(EVIL) == "re\\nport\\x1b[31m\\u202e.txt"
    assert printable("plain €857 — ok") == "plain €857 — ok"
    assert printable("tab\there\x00\x7f\x9b") == "tab\\there\\x00\\x7f\\x9b"


@pytest.mark.parametrize("fmt", ["text", "github", "junit", "sarif", "html", "gitlab"])
def test_file_names_with_control_characters_are_escaped_in_every_format(fmt, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    res = results(EVIL) + [FileResult(path=EVIL + "2", document=None, error=f"{EVIL}2: no such file")]
    out = render(fmt, res, Context(show_pass=True, color=False))
    assert "\x1b" not in out and "\u202e" not in out
    if fmt in ("text", "github"):
        for line in out.splitlines():  # no line starts with a forged piece of the name
            assert not line.startswith("port"), line
        assert "re\\nport\\x1b[31m\\u202e.txt" in out
    elif fmt == "junit":
        root = ET.fromstring(out)
        names = {s.get("name") for s in root.iter("testsuite")}
        assert "re\\nport\\x1b[31m\\u202e.txt" in names
        [err] = root.iter("error")
        assert err.get("message") == "re\\nport\\x1b[31m\\u202e.txt2: no such file"
    elif fmt == "sarif":
        doc = json.loads(out)
        note = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
        assert note == "re\\nport\\x1b[31m\\u202e.txt2: no such file"
        uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert "\n" not in uri and "%0A" in uri  # percent-encoded, as a URI must be
    elif fmt == "html":
        assert html.escape("re\\nport\\x1b[31m\\u202e.txt") in out
    elif fmt == "gitlab":
        issues = json.loads(out)
        assert issues[-1]["description"] == "re\\nport\\x1b[31m\\u202e.txt2: no such file"
    if fmt == "github":
        summary = (tmp_path / "summary.md").read_text()
        assert "\x1b" not in summary and "\u202e" not in summary


def test_cli_messages_escape_the_name(tmp_path):
    evil = tmp_path / "a\x1b[2Jb.txt"
    r = CliRunner().invoke(app, normalize_argv(["--format", "json", str(evil)]))
    assert r.exit_code == 2
    assert "\x1b" not in r.stderr and "a\\x1b[2Jb.txt: no such file" in r.stderr
