"""GitHub Actions report: workflow-command annotations, a step-summary table, a summary line.

    ::error file=a.txt,line=7,col=251,endLine=7,endColumn=255,title=factcheck percent-change::94 → 224 ...

Failures are ``error`` (or the rule's severity), warnings ``warning``, claims that hold ``notice``
(only with ``--show-pass``); suppressed findings are not annotated. The message is escaped as
GitHub's toolkit does (``%`` ``\\r`` ``\\n``), property values also ``:`` and ``,``. GitHub shows
only 10 annotations of each level per step, so when ``$GITHUB_STEP_SUMMARY`` is set a Markdown table
of every listed finding is appended to that file (never overwritten).
"""

from __future__ import annotations

import os
import sys

from ..model import Document, FileResult, Finding
from . import Context
from .common import counts, level, printable, rel_path, shown, summary_line

COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(s: str) -> str:
    """Escape a workflow command's message (GitHub toolkit ``escapeData``)."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """Escape a workflow command's property value (GitHub toolkit ``escapeProperty``)."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: object) -> str:
    """``::kind k=v,...::message`` with properties in the order given (None values left out)."""
    ps = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{' ' + ps if ps else ''}::{escape_data(message)}"


def annotation_message(f: Finding) -> str:
    lines = [f.message]
    if f.explanation:
        lines.append(f.explanation)
    if f.tolerance:
        lines.append(f"tolerance: {f.tolerance}")
    if f.status != "pass" and f.expected_text:
        lines.append(f"→ should be {f.expected_text}")
    return "\n".join(lines)


def annotation(path: str, doc: Document, f: Finding) -> str:
    a, b = doc.locate(f.start), doc.locate_end(f.end)
    same_line = a.line == b.line
    return command(COMMANDS[level(f)], annotation_message(f), file=path, line=a.line,
                   col=a.column if same_line else None, endLine=b.line,
                   endColumn=b.column if same_line else None, title=f"factcheck {f.rule}")


def _cell(s: str | None) -> str:
    s = (s or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def _file_cell(path: str, line: int) -> str:
    server, repo, sha = (os.environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    if server and repo and sha and path != "-" and not path.startswith("/"):
        return f"[{_cell(path)}]({server}/{repo}/blob/{sha}/{path}#L{line})"
    return _cell(path)


def step_summary(rows: list[tuple[str, int, Finding]], results: list[FileResult]) -> str:
    """The Markdown appended to $GITHUB_STEP_SUMMARY: a heading, the summary and a table of findings."""
    out = ["### factcheck", "", summary_line(results), ""]
    if rows:
        out += ["| file | line | rule | status | message | expected |", "|---|---:|---|---|---|---|"]
        for path, line, f in rows:
            expected = f.expected_text if f.status != "pass" else ""
            msg = _cell(f.message) + (f"<br>{_cell(f.explanation)}" if f.explanation else "")
            out.append(f"| {_file_cell(path, line)} | {line} | {_cell(f.rule)} | {f.status} | {msg} | "
                       f"{_cell(expected)} |")
    errors = [r for r in results if r.error]
    if errors:
        out += ["", *[f"- error: {_cell(printable(r.error or ''))}" for r in errors]]
    return "\n".join(out) + "\n\n"


def append_step_summary(markdown: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(markdown)
    except OSError as e:
        print(f"factcheck: warning: cannot append to GITHUB_STEP_SUMMARY {target}: {e.strerror or e}",
              file=sys.stderr)


def render(results: list[FileResult], ctx: Context) -> str:
    lines: list[str] = []
    rows: list[tuple[str, int, Finding]] = []
    for fr in results:
        path = printable(rel_path(fr.path))  # a newline or escape in a name cannot forge a command
        if fr.error or fr.document is None:
            lines.append(command("error", printable(fr.error or f"{fr.path}: not read"), file=path,
                                 title="factcheck: input not checked"))
            continue
        for f in fr.findings:
            if not shown(f, ctx) or f.suppressed:
                continue
            lines.append(annotation(path, fr.document, f))
            rows.append((path, fr.document.locate(f.start).line, f))
    append_step_summary(step_summary(rows, results))
    c = counts(results)
    lines.append(f"factcheck: {printable(summary_line(results))}" + (" (see the step summary for every finding)"
                 if c["fail"] + c["warn"] > 10 and os.environ.get("GITHUB_STEP_SUMMARY") else ""))
    return "\n".join(lines) + "\n"
