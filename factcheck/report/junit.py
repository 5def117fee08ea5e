"""JUnit XML report: one <testsuite> per file, one <testcase> per claim (every claim, held or not).

    <testcase name="line 7: percent-change 128%" classname="samples/otokar-romania.txt" file=... line="7">
      <failure message="94 → 224 is a 138.3% increase, not 128%" type="percent-change">...</failure>

- fail → ``<failure>``; the body carries the arithmetic, tolerance and "→ should be".
- warn → a passing test case whose ``<system-out>`` says "warning: ...", and a ``<failure>`` under
  ``--strict``. The test report then agrees with the exit code: a warning does not fail the run, so it
  must not turn the test report red; and ``<skipped>`` would be wrong, because Jenkins, GitLab and
  Azure DevOps count skipped cases as *not run* — the claim was checked. Their test views show
  ``system-out`` on the case's page, next to the claim.
- suppressed → ``<skipped message="suppressed"/>`` (the user asked not to run it).
- a file that could not be read → one test case with ``<error>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..model import FileResult, Finding
from . import Context
from .common import fmt_num, printable, rel_path

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(s: str) -> str:
    """Text safe for XML 1.0 (control characters removed; ElementTree escapes the rest)."""
    return _INVALID_XML.sub("", s)


def case_name(line: int, f: Finding) -> str:
    return _x(f"line {line}: {f.rule} {f.text}")


def details(f: Finding) -> str:
    lines = [f.message]
    if f.explanation:
        lines.append(f.explanation)
    if f.accepted is not None:
        lines.append(f"accepted: {fmt_num(f.accepted[0])} to {fmt_num(f.accepted[1])}")
    if f.tolerance:
        lines.append(f"tolerance: {f.tolerance}")
    if f.source:
        lines.append(f"source: {f.source}")
    if f.status != "pass" and f.expected_text:
        lines.append(f"→ should be {f.expected_text}")
    return _x("\n".join(lines))


def _case(suite: ET.Element, path: str, line: int, f: Finding, strict: bool) -> str:
    """Add one test case; return what it counts as: passed, failure or skipped."""
    case = ET.SubElement(suite, "testcase", name=case_name(line, f), classname=_x(path), file=_x(path),
                         line=str(line), time="0")
    if f.suppressed:
        ET.SubElement(case, "skipped", message="suppressed")
        return "skipped"
    if f.status == "fail" or (f.status == "warn" and strict):
        fail = ET.SubElement(case, "failure", message=_x(f.message), type=_x(f.rule))
        fail.text = details(f)
        return "failure"
    if f.status == "warn":
        ET.SubElement(case, "system-out").text = "warning: " + details(f)
    return "passed"


def _suite(root: ET.Element, fr: FileResult, strict: bool) -> dict[str, int]:
    path = printable(rel_path(fr.path))  # control characters in a name escaped, not dropped
    suite = ET.SubElement(root, "testsuite", name=_x(path))
    n = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    if fr.error or fr.document is None:
        case = ET.SubElement(suite, "testcase", name="read", classname=_x(path), file=_x(path), time="0")
        reason = printable(fr.error or f"{fr.path}: not read")
        ET.SubElement(case, "error", message=_x(reason),
                      type="internal" if "internal error" in reason else "input")
        n["tests"], n["errors"] = 1, 1
    else:
        for f in fr.findings:
            kind = _case(suite, path, fr.document.locate(f.start).line, f, strict)
            n["tests"] += 1
            if kind != "passed":
                n[kind if kind == "skipped" else "failures"] += 1
    for k, v in n.items():
        suite.set(k, str(v))
    suite.set("time", "0")
    return n


def render(results: list[FileResult], ctx: Context) -> str:
    root = ET.Element("testsuites", name="factcheck")
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for fr in results:
        for k, v in _suite(root, fr, ctx.strict).items():
            total[k] += v
    for k, v in total.items():
        root.set(k, str(v))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
