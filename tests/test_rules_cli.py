"""`factcheck rules list|show|validate|test`, and broken rule files through a check run: one line, exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app, normalize_argv

ROOT = Path(__file__).resolve().parent.parent
BROKEN = sorted((ROOT / "tests" / "fixtures" / "rules").glob("broken-*.yaml"))
SEED = str(ROOT / "samples" / "otokar-romania.txt")


def run(*args: str):
    return CliRunner().invoke(app, normalize_argv(list(args)))


def stderr_lines(result) -> list[str]:
    return [ln for ln in result.stderr.splitlines() if ln.strip()]


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_file_through_validate(path: Path) -> None:
    r = run("rules", "validate", str(path))
    assert r.exit_code == 2
    lines = stderr_lines(r)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}:") and lines[0].split(":")[1].isdigit()
    assert "Traceback" not in r.output + r.stderr


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_file_through_a_check_run(path: Path) -> None:
    r = run("--rules", str(path), SEED)
    assert r.exit_code == 2
    lines = stderr_lines(r)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"factcheck: {path}:") and lines[0].split(":")[2].isdigit()
    assert r.stdout == ""


def test_broken_file_in_a_real_process_has_no_traceback() -> None:
    path = ROOT / "tests" / "fixtures" / "rules" / "broken-catastrophic-regex.yaml"
    p = subprocess.run([sys.executable, "-m", "factcheck", "--rules", str(path), SEED], capture_output=True,
                       text=True, cwd=ROOT)
    assert p.returncode == 2
    assert p.stderr.splitlines() == [f"factcheck: {path}:7:14: rules[0].pattern: pattern backtracks "
                                     "catastrophically: no answer within 0.1 s on 20,001 characters of 'a' "
                                     "(avoid nested quantifiers such as (a+)+ or (\\w+\\s?)+)"]


def test_validate_ok_counts_rules_and_files(tmp_path: Path) -> None:
    r = run("rules", "validate", "house-style")
    assert (r.exit_code, r.stdout.strip()) == (0, "ok: 5 rules in 1 file")
    r = run("rules", "validate", "house-style", str(ROOT / "rules" / "facts"))
    assert (r.exit_code, r.stdout.strip()) == (0, "ok: 5 rules and 3 facts in 2 files")


def test_validate_without_paths_checks_every_shipped_file() -> None:
    r = run("rules", "validate")
    assert r.exit_code == 0 and r.stdout.startswith("ok: 18 rules and 3 facts in 9 files")


def test_validate_lists_every_problem(tmp_path: Path) -> None:
    p = tmp_path / "two.yaml"
    p.write_text("rules:\n  - {id: a, kind: sum, severity: loud}\n  - {id: a, kind: sum}\n", encoding="utf-8")
    r = run("rules", "validate", str(p))
    assert r.exit_code == 2
    assert stderr_lines(r) == [
        f"{p}:2:34: rules[0].severity: unknown severity 'loud' (expected one of error, warning, info)",
        f"{p}:3:10: rules[1].id: duplicate rule id 'a' (first defined at {p}:2)"]


def test_validate_missing_path() -> None:
    r = run("rules", "validate", "no/such/file.yaml")
    assert r.exit_code == 2
    assert stderr_lines(r) == ["factcheck: no/such/file.yaml: no such rule file or folder (shipped packs: house-style)"]


def test_list_shows_rules_with_where_they_are_defined() -> None:
    r = run("rules", "list", "--rules", "house-style", "--ignore", "house-double-space")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["ID", "KIND", "SEVERITY", "ENABLED", "DEFINED", "IN"]
    rows = {ln.split()[0]: ln.split() for ln in lines[1:] if ln and not ln[0].isdigit() and ":" in ln}
    assert rows["percent-change"][1:] == ["percent_change", "error", "yes", "rules/core.yaml:19"]
    assert rows["house-double-space"][1:] == ["style", "info", "no", "rules/packs/house-style.yaml:59"]
    assert "3 reference facts from rules/facts/cobra-ii.yaml" in r.stdout


def test_list_with_unknown_select_is_one_line_exit_2() -> None:
    r = run("rules", "list", "--select", "percent-chnage")
    assert r.exit_code == 2
    assert stderr_lines(r) == ["factcheck: --select: unknown rule or kind 'percent-chnage' "
                               "(did you mean 'percent-change'?)"]
    r = run("--select", "percent-chnage", SEED)
    assert r.exit_code == 2 and len(stderr_lines(r)) == 1


def test_show_rule_and_fact() -> None:
    r = run("rules", "show", "percent-change")
    assert r.exit_code == 0
    assert "kind: percent_change\n" in r.stdout and "rounding: interval\n" in r.stdout
    assert "defined_in: rules/core.yaml:19" in r.stdout and "expected: 138%" in r.stdout
    r = run("rules", "show", "cobra-ii-romania-vehicles")
    assert r.exit_code == 0 and "value: 1059\n" in r.stdout and "defined_in: rules/facts/cobra-ii.yaml:" in r.stdout
    r = run("rules", "show", "nope")
    assert r.exit_code == 2
    assert stderr_lines(r) == ["factcheck: unknown rule or fact 'nope' (see `factcheck rules list`)"]


def test_rules_test_on_the_house_style_pack_passes() -> None:
    r = run("rules", "test", "house-style")
    assert r.exit_code == 0, r.stdout
    assert r.stdout.count("✓ ") == 15 and "✗" not in r.stdout
    assert r.stdout.splitlines()[-1] == "15 examples: 15 behaved, 0 did not"


def test_rules_test_on_the_fact_pack_passes() -> None:
    r = run("rules", "test", str(ROOT / "rules" / "facts" / "cobra-ii.yaml"))
    assert r.exit_code == 0, r.stdout
    assert r.stdout.splitlines()[-1] == "7 examples: 7 behaved, 0 did not"


def test_rules_test_names_the_example_that_misbehaves(tmp_path: Path) -> None:
    p = tmp_path / "house.yaml"
    p.write_text("""\
rules:
  - id: no-in-excess
    kind: style
    severity: error
    pattern: '\\bin excess of\\b'
    message: write "more than"
    replacement: more than
    examples:
      pass:
        - "Worth more than €400 million."
        - "Worth in excess of €400 million."
      fail:
        - text: "Worth in excess of €400 million."
          expected: "more then"
        - "Worth over €400 million."
facts:
  - id: fleet
    subject: [["Example Motors", "fleet"]]
    type: count
    noun: vehicle
    value: 120
    source: https://example.com/annual-report
    examples:
      fail:
        - "The Example Motors fleet has 210 vehicles."
""", encoding="utf-8")
    r = run("rules", "test", str(p))
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert lines[0] == "✓ no-in-excess pass[1]: Worth more than €400 million."
    assert lines[1] == "✗ no-in-excess pass[2]: Worth in excess of €400 million."
    assert lines[2] == '    expected no finding, got fail: write "more than"'
    assert lines[3] == "✗ no-in-excess fail[1]: Worth in excess of €400 million."
    assert lines[4] == "    expected 'more then', got 'more than'"
    assert lines[5] == "✗ no-in-excess fail[2]: Worth over €400 million."
    assert lines[6] == "    expected a fail finding of no-in-excess, got none"
    assert lines[7] == "✓ fleet fail[1]: The Example Motors fleet has 210 vehicles."
    assert lines[-1] == "5 examples: 2 behaved, 3 did not"


def test_rules_test_on_a_broken_file_exits_2() -> None:
    path = ROOT / "tests" / "fixtures" / "rules" / "broken-unknown-kind.yaml"
    r = run("rules", "test", str(path))
    assert r.exit_code == 2 and len(stderr_lines(r)) == 1


def test_house_style_pack_in_a_check_run(tmp_path: Path) -> None:
    p = tmp_path / "release.txt"
    p.write_text("Exports rose 12 per cent, worth in excess of €400 million.\n", encoding="utf-8")
    r = run("--format", "json", "--rules", "house-style", str(p))
    import json

    findings = json.loads(r.stdout)["files"][0]["findings"]
    got = {(f["rule"], f["text"], f["status"]) for f in findings if f["kind"] == "style"}
    assert got == {("house-per-cent", "per cent", "warn"), ("house-in-excess-of", "in excess of", "warn")}
    assert r.exit_code == 0  # warnings do not fail without --strict


def test_rules_test_on_the_shipped_core_rules_passes() -> None:
    """Every pass/fail example written beside the core rules behaves as written (one per claim kind)."""
    r = run("rules", "test", str(ROOT / "rules" / "core.yaml"))
    assert r.exit_code == 0, r.stdout
    last = r.stdout.strip().splitlines()[-1]
    n = int(last.split()[0])
    assert n >= 20 and last.endswith("0 did not"), last
