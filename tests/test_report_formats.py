"""Report formats text, sarif, github and junit: positions, escaping, counts, and the CLI end to end."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from factcheck.model import Document, FileResult, Finding, Mention, Operand
from factcheck.report import Context, render
from factcheck.report import github as gh
from factcheck.report.common import fingerprint, summary_line
from factcheck.ruleset import load_rules

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# Line 1 has "€" and an em dash before the wrong figure: code points, not bytes or UTF-16 units.
TEXT = (
    "Otokar signed a €857 million deal — output rose from 94 to 224 vehicles, a 128% increase.\n"
    "Revenue nearly doubled, from 2.7 billion to 6.1 billion lira.\n"
    "Sales rose 55%, from 86 to 133 units.\n"
    "Exports fell 40% from 50 to 20 units. <!-- factcheck: ignore -->\n"
)
PATH = "samples/demo.txt"


def _span(sub: str, after: int = 0) -> tuple[int, int]:
    i = TEXT.index(sub, after)
    return i, i + len(sub)


def _operand(sub: str, after: int = 0) -> Operand:
    a, b = _span(sub, after)
    return Operand(sub, a, b)


def make_findings() -> list[Finding]:
    l2, l3, l4 = (TEXT.index("Revenue"), TEXT.index("Sales"), TEXT.index("Exports"))
    fail = Finding(
        rule="percent-change", kind="percent_change", status="fail", severity="error",
        start=_span("128%")[0], end=_span("128%")[1], text="128%",
        message="94 → 224 is a 138.3% increase, not 128%", explanation="(224 − 94) / 94 × 100 = 138.3",
        claimed=128, computed=138.2979, expected_text="138%", accepted=(127.5, 128.5),
        operands=(_operand("94"), _operand("224")), tolerance="stated figure read as ±0.5 (its last digit)")
    warn = Finding(
        rule="multiple", kind="multiple", status="warn", severity="warning",
        start=_span("doubled")[0], end=_span("doubled")[1], text="doubled",
        message="'nearly doubled' but 2.7 billion → 6.1 billion is 2.26×", explanation="6.1 / 2.7 = 2.26",
        expected_text="more than doubled", operands=(_operand("2.7 billion", l2), _operand("6.1 billion", l2)))
    ok = Finding(
        rule="percent-change", kind="percent_change", status="pass", severity="info",
        start=_span("55%")[0], end=_span("55%")[1], text="55%", message="55% holds: (133 − 86) / 86 × 100 = 54.7",
        operands=(_operand("86", l3), _operand("133", l3)))
    quiet = Finding(
        rule="percent-change", kind="percent_change", status="fail", severity="error",
        start=_span("40%")[0], end=_span("40%")[1], text="40%", message="50 → 20 is a 60% decrease, not 40%",
        expected_text="60%", operands=(_operand("50", l4), _operand("20", l4)), suppressed=True)
    return [fail, warn, ok, quiet]


def make_results() -> list[FileResult]:
    doc = Document(path=PATH, text=TEXT)
    return [FileResult(path=PATH, document=doc, findings=make_findings())]


@pytest.fixture(scope="module")
def rules():
    return load_rules([], [], [])


# ---------------------------------------------------------------------------------------------- SARIF


def sarif(ctx: Context) -> dict:
    return json.loads(render("sarif", make_results(), ctx))


def test_sarif_validates_against_the_schema_with_rules(rules) -> None:
    doc = sarif(Context(rules=rules))
    jsonschema.validate(doc, SCHEMA)
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"] and driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert ids == list(rules.rules)  # one descriptor per rule in force, in order
    pc = driver["rules"][ids.index("percent-change")]
    assert pc["defaultConfiguration"]["level"] == "error"
    assert "128% increase" in pc["help"]["markdown"] and pc["help"]["text"]
    for res in run["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]


def test_sarif_regions_count_code_points() -> None:
    run = sarif(Context())["runs"][0]
    # pass is left out by default; the suppressed failure stays, marked as suppressed
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [
        ("percent-change", "error"), ("multiple", "warning"), ("percent-change", "error")]
    fail = run["results"][0]
    loc = fail["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "samples/demo.txt"
    col = TEXT.index("128%") + 1  # line 1: "€" and "—" are one column each
    assert col == 76  # 80 if bytes were counted
    assert loc["region"] == {"startLine": 1, "startColumn": col, "endLine": 1, "endColumn": col + 4,
                             "charOffset": col - 1, "charLength": 4, "snippet": {"text": "128%"}}
    assert [r["physicalLocation"]["region"]["startColumn"] for r in fail["relatedLocations"]] == [
        TEXT.index("94") + 1, TEXT.index("224") + 1]
    assert "Should be 138%." in fail["message"]["text"]
    assert "suppressions" not in fail
    assert run["results"][2]["suppressions"] == [{"kind": "inSource"}]
    warn_region = run["results"][1]["locations"][0]["physicalLocation"]["region"]
    assert (warn_region["startLine"], warn_region["startColumn"]) == (2, TEXT.split("\n")[1].index("doubled") + 1)


def test_sarif_show_pass_and_stable_fingerprints() -> None:
    res = sarif(Context(show_pass=True))["runs"][0]["results"]
    assert [r["level"] for r in res] == ["error", "warning", "note", "error"]
    fps = [r["partialFingerprints"]["factcheck/v1"] for r in res]
    assert len(set(fps)) == 4
    # the fingerprint survives the claim moving to another line (same rule, figure and sentence)
    moved = "Intro.\n\n" + TEXT
    f = make_findings()[0]
    shift = len("Intro.\n\n")
    from dataclasses import replace
    g = replace(f, start=f.start + shift, end=f.end + shift)
    assert fingerprint(Document("x", moved), g) == fps[0]
    assert fingerprint(None, replace(f, fingerprint="abc")) == "abc"


# --------------------------------------------------------------------------------------------- GitHub


def test_github_escaping() -> None:
    assert gh.escape_data("100% a:b,c\r\nx") == "100%25 a:b,c%0D%0Ax"
    assert gh.escape_property("100% a:b,c\r\nx") == "100%25 a%3Ab%2Cc%0D%0Ax"
    doc = Document(path="d,1:2.txt", text="Up 12%.\n")
    f = Finding(rule="style", kind="style", status="fail", severity="error", start=3, end=6, text="12%",
                message="50% off: a, b\nsecond line")
    line = gh.annotation("d,1:2.txt", doc, f)
    assert line == ("::error file=d%2C1%3A2.txt,line=1,col=4,endLine=1,endColumn=7,title=factcheck style"
                    "::50%25 off: a, b%0Asecond line")


def test_github_lines_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    out = render("github", make_results(), Context()).splitlines()
    assert out == [
        "::error file=samples/demo.txt,line=1,col=76,endLine=1,endColumn=80,title=factcheck percent-change"
        "::94 → 224 is a 138.3%25 increase, not 128%25%0A(224 − 94) / 94 × 100 = 138.3"
        "%0Atolerance: stated figure read as ±0.5 (its last digit)%0A→ should be 138%25",
        "::warning file=samples/demo.txt,line=2,col=16,endLine=2,endColumn=23,title=factcheck multiple"
        "::'nearly doubled' but 2.7 billion → 6.1 billion is 2.26×%0A6.1 / 2.7 = 2.26%0A→ should be more than doubled",
        "factcheck: 4 claims checked in 1 file: 1 hold, 1 wrong, 1 warning, 1 suppressed",
    ]
    shown = render("github", make_results(), Context(show_pass=True)).splitlines()
    assert shown[2].startswith("::notice file=samples/demo.txt,line=3,col=12,endLine=3,endColumn=15,")


def test_github_step_summary_is_appended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "summary.md"
    target.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(k, raising=False)
    render("github", make_results(), Context())
    render("github", make_results(), Context())
    md = target.read_text(encoding="utf-8")
    assert md.startswith("# earlier step\n### factcheck\n")
    assert md.count("### factcheck") == 2
    rows = [ln for ln in md.splitlines() if ln.startswith("| samples/")]
    assert rows[:2] == [
        "| samples/demo.txt | 1 | percent-change | fail | 94 → 224 is a 138.3% increase, not 128%"
        "<br>(224 − 94) / 94 × 100 = 138.3 | 138% |",
        "| samples/demo.txt | 2 | multiple | warn | 'nearly doubled' but 2.7 billion → 6.1 billion is 2.26×"
        "<br>6.1 / 2.7 = 2.26 | more than doubled |",
    ]
    assert len(rows) == 4
    assert "4 claims checked in 1 file: 1 hold, 1 wrong, 1 warning, 1 suppressed" in md
    # links to the file at the commit when GitHub's variables are there; pipes are escaped
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "o/r")
    monkeypatch.setenv("GITHUB_SHA", "abc")
    res = make_results()
    res[0].findings[0] = Finding(**{**res[0].findings[0].__dict__, "message": "a | b"})
    render("github", res, Context())
    assert "| [samples/demo.txt](https://github.com/o/r/blob/abc/samples/demo.txt#L1) | 1 | percent-change" \
           " | fail | a \\| b<br>" in target.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------- JUnit


def test_junit_parses_and_counts() -> None:
    root = ET.fromstring(render("junit", make_results(), Context()))
    assert root.tag == "testsuites"
    assert {k: root.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "4", "failures": "1", "errors": "0", "skipped": "1"}
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == PATH and suite.get("tests") == "4" and suite.get("failures") == "1"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["line 1: percent-change 128%", "line 2: multiple doubled",
                                              "line 3: percent-change 55%", "line 4: percent-change 40%"]
    assert all(c.get("classname") == PATH for c in cases)
    failure = cases[0].find("failure")
    assert failure.get("type") == "percent-change" and failure.get("message").startswith("94 → 224")
    assert "→ should be 138%" in failure.text and "(224 − 94)" in failure.text
    assert cases[1].find("failure") is None and cases[1].find("system-out").text.startswith("warning: ")
    assert list(cases[2]) == []
    assert cases[3].find("skipped").get("message") == "suppressed"


def test_junit_strict_warnings_fail_and_unreadable_files_error() -> None:
    res = [*make_results(), FileResult(path="gone.txt", document=None, error="gone.txt: no such file")]
    root = ET.fromstring(render("junit", res, Context(strict=True)))
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == ("5", "2", "1", "1")
    assert root.findall("testsuite")[1].find("testcase/error").get("message") == "gone.txt: no such file"


# ----------------------------------------------------------------------------------------------- text


def text_out(results: list[FileResult] | None = None, **kw) -> str:
    return render("text", results or make_results(), Context(color=False, **kw))


def test_text_diagnostic_underlines_the_right_columns() -> None:
    out = text_out()
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert lines[0] == "samples/demo.txt:1:76: error[percent-change] 94 → 224 is a 138.3% increase, not 128%"
    src = next(ln for ln in lines if ln.startswith(" 1 │ "))
    assert src == " 1 │ " + TEXT.splitlines()[0]
    marks = lines[lines.index(src) + 1]
    gutter = len(" 1 │ ")
    col = TEXT.index("128%")
    assert marks.index("^") == gutter + col and marks.count("^") == 4 and marks[gutter + col + 4] != "^"
    # operands underlined with ─ exactly under "94" and "224"
    assert marks[gutter + TEXT.index("94"):gutter + TEXT.index("94") + 2] == "──"
    assert marks[gutter + TEXT.index("224"):gutter + TEXT.index("224") + 3] == "───"
    assert "   = (224 − 94) / 94 × 100 = 138.3" in lines
    assert "   = accepted: 127.5 to 128.5; stated figure read as ±0.5 (its last digit)" in lines
    assert "   → should be 138%" in lines
    assert "samples/demo.txt:2:16: warning[multiple] 'nearly doubled' but 2.7 billion → 6.1 billion is 2.26×" in lines
    assert "55%" not in out and "40%" not in out  # the pass is hidden, the suppressed finding too
    assert lines[-1] == "4 claims checked in 1 file: 1 hold, 1 wrong, 1 warning, 1 suppressed"


def test_text_show_pass_is_one_line() -> None:
    lines = text_out(show_pass=True).splitlines()
    i = lines.index("samples/demo.txt:3:12: ok[percent-change] 55% holds: (133 − 86) / 86 × 100 = 54.7")
    assert not lines[i + 1].startswith("   │")


def test_text_long_line_is_windowed_around_the_figure() -> None:
    filler = "The programme — worth €857 million — continues. " * 12
    text = filler + "Output rose from 94 to 224 vehicles, a 128% increase. " + filler
    a = text.index("128%")
    f = Finding(rule="percent-change", kind="percent_change", status="fail", severity="error", start=a,
                end=a + 4, text="128%", message="wrong", operands=(Operand("94", text.index("94"),
                                                                            text.index("94") + 2),))
    doc = Document(path="long.txt", text=text)
    out = text_out([FileResult(path="long.txt", document=doc, findings=[f])])
    lines = out.splitlines()
    assert max(len(ln) for ln in lines) <= 100
    src = next(ln for ln in lines if ln.startswith(" 1 │ "))
    marks = lines[lines.index(src) + 1]
    assert src.startswith(" 1 │ …") and src.endswith("…")
    assert src[marks.index("^"):marks.index("^") + 4] == "128%"
    assert src[marks.index("─"):marks.index("─") + 2] == "94"
    # an operand 600 characters before the figure gets its own window, joined by " … "
    far = Operand("€857 million", text.index("€857 million"), text.index("€857 million") + 12)
    f2 = Finding(**{**f.__dict__, "operands": (far, *f.operands)})
    lines = text_out([FileResult(path="long.txt", document=doc, findings=[f2])]).splitlines()
    src = next(ln for ln in lines if ln.startswith(" 1 │ "))
    marks = lines[lines.index(src) + 1]
    assert " … " in src and max(len(ln) for ln in lines) <= 100
    starts = [m.start() for m in re.finditer("─+", marks)]
    assert [src[i:i + 12] for i in starts] == ["€857 million", "94 to 224 ve"]
    assert src[marks.index("^"):marks.index("^") + 4] == "128%"


def test_text_colour_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" in render("text", make_results(), Context(color=True))
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" in render("text", make_results(), Context())
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in render("text", make_results(), Context())


def test_text_summary_variants_and_unreadable_file() -> None:
    empty = [FileResult(path="a.txt", document=Document("a.txt", "No figures here.\n"))]
    assert summary_line(empty) == "nothing to check: no claims found in 1 file"
    res = [*make_results(), FileResult(path="gone.txt", document=None, error="gone.txt: no such file")]
    out = text_out(res)
    assert "error: gone.txt: no such file" in out.splitlines()
    assert out.splitlines()[-1] == ("4 claims checked in 2 files (1 unreadable): 1 hold, 1 wrong, 1 warning, "
                                    "1 suppressed")


def test_text_extract_table_has_the_values() -> None:
    doc = Document(path=PATH, text=TEXT)
    a = TEXT.index("€857 million")
    ms = [Mention(a, a + 12, "€857 million", "currency", 857e6, "EUR"),
          Mention(TEXT.index("128%"), TEXT.index("128%") + 4, "128%", "percent", 128, "percent"),
          Mention(TEXT.index("doubled"), TEXT.index("doubled") + 7, "doubled", "number", 2, None,
                  approx=True, hedge="nearly")]
    out = render("text", [FileResult(path=PATH, document=doc, mentions=ms)], Context(command="extract", color=False))
    rows = [re.split(r"\s{2,}", ln.strip()) for ln in out.splitlines()]
    assert ["1:17", "€857 million", "currency", "857,000,000", "EUR"] in rows
    assert ["1:76", "128%", "percent", "128", "percent"] in rows
    assert ["2:16", "doubled", "number", "2", "nearly"] in rows
    assert out.splitlines()[-1] == "3 mentions in 1 file"


# ------------------------------------------------------------------------------------------------ CLI


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_cli_each_format(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.cli import app

    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    res = CliRunner().invoke(app, ["check", "samples/otokar-romania.txt", "--format", fmt])
    assert res.exit_code in (0, 1), res.output
    out = res.stdout
    if fmt == "json":
        assert json.loads(out)["files"][0]["path"] == "samples/otokar-romania.txt"
    elif fmt == "sarif":
        doc = json.loads(out)
        jsonschema.validate(doc, SCHEMA)
        assert doc["runs"][0]["results"] or res.exit_code == 0
    elif fmt == "junit":
        assert ET.fromstring(out).tag == "testsuites"
    elif fmt == "github":
        last = out.splitlines()[-1]
        assert last.startswith("factcheck: ") and "in 1 file" in last
        assert all(ln.startswith(("::error ", "::warning ", "factcheck: ")) for ln in out.splitlines())
    else:
        assert "in 1 file" in out.splitlines()[-1] and "\x1b[" not in out
    if res.exit_code == 1 and fmt != "json":
        assert "128%" in out
