"""Regression tests: the sample press releases in samples/ and the findings expected of them.

``samples/expected/NAME.json`` lists, for ``samples/NAME.txt``, every claim a careful editor would check,
with the arithmetic written out in ``why``:

- ``fail``: must be reported with status ``fail`` (and, where ``expected_text`` is given, with that
  ``expected_text``);
- ``pass``: must be reported with status ``pass``;
- ``warn``: must be reported with status ``warn``.

A finding belongs to an expected claim when its span overlaps the claim's ``text`` on the claim's
``line`` (the ``kind`` is documentation and shown in messages, not asserted: a decrease of more than
100% may come back as ``range`` or ``percent_change``). Any other ``fail`` in the file is a false alarm.
The exit code is 1 exactly when the file has expected fails.

The checker is run in-process through its command line (``factcheck check --format json FILE``, via
typer's CliRunner), once per file; a subprocess per file would cost about 2 s each.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED_DIR = SAMPLES / "expected"
NAMES = sorted(p.stem for p in EXPECTED_DIR.glob("*.json"))
SEED = "otokar-romania"

KINDS = {"percent_change", "multiple", "share", "sum", "difference", "per_unit", "conversion",
         "currency_conversion", "consistency", "duration", "fact", "range", "style"}
STATUSES = ("fail", "pass", "warn")


@dataclass(frozen=True)
class Span:
    """Where an expected claim's text sits: 1-based line, 1-based columns, end exclusive."""

    line: int
    column: int
    end_column: int

    def overlaps(self, finding: dict) -> bool:
        start = (finding["line"], finding["column"])
        end = (finding.get("end_line", finding["line"]), finding["end_column"])
        return start < (self.line, self.end_column) and (self.line, self.column) < end


@dataclass(frozen=True)
class Run:
    """One run of the checker on one file."""

    exit_code: int
    findings: tuple[dict, ...] = field(repr=False)
    stderr: str = field(repr=False)


def sample_path(name: str) -> Path:
    return SAMPLES / f"{name}.txt"


def sample_lines(name: str) -> list[str]:
    return sample_path(name).read_text(encoding="utf-8").split("\n")


def load_expected(name: str) -> dict:
    return json.loads((EXPECTED_DIR / f"{name}.json").read_text(encoding="utf-8"))


def locate(name: str, entry: dict) -> Span:
    """The span of ``entry['text']`` on its line (the text must occur there exactly once)."""
    line = sample_lines(name)[entry["line"] - 1]
    col = line.index(entry["text"]) + 1
    return Span(entry["line"], col, col + len(entry["text"]))


@cache
def run_check(name: str) -> Run:
    result = CliRunner().invoke(app, ["check", "--format", "json", str(sample_path(name))])
    try:
        stderr = result.stderr
    except ValueError:  # click < 8.2 mixes stderr into the output
        stderr = ""
    try:
        report = json.loads(result.stdout)
        findings = tuple(f for file in report["files"] for f in file.get("findings", []))
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        pytest.fail(f"factcheck check --format json {name}.txt: no JSON report ({exc}); exit code "
                    f"{result.exit_code}, exception {result.exception!r}\nstdout: {result.stdout[:2000]}\n"
                    f"stderr: {stderr[:2000]}")
    return Run(result.exit_code, findings, stderr)


def live(findings: tuple[dict, ...]) -> list[dict]:
    """Findings that count (a suppressed finding stays in the list but does not count)."""
    return [f for f in findings if not f.get("suppressed")]


def describe(f: dict) -> str:
    where = f"L{f.get('line')}:{f.get('column')}-{f.get('end_column')}"
    extra = f" expected_text={f['expected_text']!r}" if f.get("expected_text") is not None else ""
    return (f"  {f.get('status', '?'):4} {f.get('kind', '?'):19} {where:12} {f.get('text')!r}{extra}"
            f"  | {f.get('message', '')}")


def seen(name: str, run: Run) -> str:
    body = "\n".join(describe(f) for f in run.findings) or "  (no findings at all)"
    return f"findings seen in samples/{name}.txt (exit code {run.exit_code}):\n{body}"


def claim_label(entry: dict) -> str:
    text = entry["text"] if len(entry["text"]) <= 40 else entry["text"][:37] + "..."
    return f"line {entry['line']} {text!r} ({entry['kind']}: {entry['why']})"


# ---------------------------------------------------------------- the expected files themselves


def test_every_sample_has_expected_findings() -> None:
    samples = sorted(p.stem for p in SAMPLES.glob("*.txt"))
    assert samples, "no samples in samples/"
    missing = [s for s in samples if s not in NAMES]
    assert not missing, f"samples without samples/expected/<name>.json: {missing}"


@pytest.mark.parametrize("name", NAMES)
def test_expected_file_is_well_formed(name: str) -> None:
    assert sample_path(name).is_file(), f"samples/expected/{name}.json has no samples/{name}.txt"
    data = load_expected(name)
    lines = sample_lines(name)
    problems = []
    for status in STATUSES:
        assert isinstance(data.get(status), list), f"{name}.json: '{status}' must be a list"
        for entry in data[status]:
            label = f"{name}.json {status} {entry.get('text')!r}"
            if entry.get("kind") not in KINDS:
                problems.append(f"{label}: kind {entry.get('kind')!r} is not a contract kind")
            if not entry.get("why"):
                problems.append(f"{label}: no 'why' (the arithmetic)")
            if status == "fail" and not entry.get("expected"):
                problems.append(f"{label}: a fail needs 'expected' (what a correct text says)")
            text = "\n".join(lines)
            problems += [f"{label}: operand {op!r} is not in the text" for op in entry.get("operands", [])
                         if op not in text]
            line_no = entry.get("line", 0)
            if not 1 <= line_no <= len(lines):
                problems.append(f"{label}: line {line_no} is not in the file")
                continue
            count = lines[line_no - 1].count(entry["text"])
            if count != 1:
                problems.append(f"{label}: occurs {count} times on line {line_no}, must be exactly once")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- the checker against them


@pytest.mark.parametrize("name", NAMES)
def test_expected_fails_are_reported(name: str) -> None:
    run = run_check(name)
    findings = live(run.findings)
    missing = []
    for entry in load_expected(name)["fail"]:
        span = locate(name, entry)
        hits = [f for f in findings if f.get("status") == "fail" and span.overlaps(f)]
        if not hits:
            missing.append(f"not reported as fail: {claim_label(entry)}")
        elif "expected_text" in entry and not any(f.get("expected_text") == entry["expected_text"] for f in hits):
            got = [f.get("expected_text") for f in hits]
            missing.append(f"fail at {entry['text']!r} (line {entry['line']}) should say expected_text "
                           f"{entry['expected_text']!r}, got {got}")
    assert not missing, "\n".join(missing) + "\n" + seen(name, run)


@pytest.mark.parametrize("name", NAMES)
def test_expected_passes_and_warnings_are_reported(name: str) -> None:
    run = run_check(name)
    findings = live(run.findings)
    data = load_expected(name)
    missing = []
    for status in ("pass", "warn"):
        for entry in data[status]:
            span = locate(name, entry)
            if not any(f.get("status") == status and span.overlaps(f) for f in findings):
                missing.append(f"not reported as {status}: {claim_label(entry)}")
    assert not missing, "\n".join(missing) + "\n" + seen(name, run)


@pytest.mark.parametrize("name", NAMES)
def test_no_false_alarms(name: str) -> None:
    run = run_check(name)
    spans = [locate(name, entry) for entry in load_expected(name)["fail"]]
    unexpected = [f for f in live(run.findings)
                  if f.get("status") == "fail" and not any(s.overlaps(f) for s in spans)]
    assert not unexpected, ("fails that no expected claim accounts for:\n"
                            + "\n".join(describe(f) for f in unexpected) + "\n" + seen(name, run))


@pytest.mark.parametrize("name", NAMES)
def test_exit_code(name: str) -> None:
    run = run_check(name)
    want = 1 if load_expected(name)["fail"] else 0
    assert run.exit_code == want, (f"exit code {run.exit_code}, want {want}\nstderr: {run.stderr[:1000]}\n"
                                   + seen(name, run))


# ---------------------------------------------------------------- the seed article


def test_seed_article() -> None:
    """samples/otokar-romania.txt: one error (128% for 138%); 55% and 'nearly doubled' hold."""
    run = run_check(SEED)
    findings = live(run.findings)
    context = seen(SEED, run)

    fails = [f for f in findings if f.get("status") == "fail"]
    assert len(fails) == 1, f"want exactly one fail, got {len(fails)}\n{context}"
    fail = fails[0]
    assert locate(SEED, {"line": 7, "text": "128%"}).overlaps(fail), f"the fail is not on '128%'\n{context}"
    assert fail.get("text") == "128%", f"fail text {fail.get('text')!r}, want '128%'\n{context}"
    assert fail.get("expected_text") == "138%", f"expected_text {fail.get('expected_text')!r}, want '138%'\n{context}"

    for line, text in ((7, "55%"), (8, "nearly doubled")):
        span = locate(SEED, {"line": line, "text": text})
        statuses = [f.get("status") for f in findings if span.overlaps(f)]
        assert "pass" in statuses, f"{text!r} (line {line}) should pass, findings there: {statuses}\n{context}"

    assert run.exit_code == 1, f"exit code {run.exit_code}, want 1\n{context}"
