"""Helpers the text, SARIF, GitHub and JUnit reports share: which findings to show, how to count
them in one summary sentence, a stable fingerprint, and a portable path for a result.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePath

from ..model import Document, FileResult, Finding
from ..numfmt import fmt_num  # noqa: F401 - re-exported
from . import Context

# Severity of a finding -> SARIF level (GitHub annotations use the same words, "note" -> "notice").
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def level(f: Finding) -> str:
    """SARIF level of a finding: pass -> note, warn -> warning, fail -> its rule's severity (error)."""
    if f.status == "pass":
        return "note"
    if f.status == "warn":
        return "warning"
    return LEVELS.get(f.severity, "error")


def shown(f: Finding, ctx: Context) -> bool:
    """Whether a renderer lists this finding: failures and warnings always, passes with --show-pass."""
    return f.status != "pass" or ctx.show_pass


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def counts(results: list[FileResult]) -> dict[str, int]:
    """Claims per status (suppressed ones apart), files read and files that could not be read."""
    out = {"claims": 0, "pass": 0, "warn": 0, "fail": 0, "suppressed": 0, "files": len(results), "unreadable": 0}
    for r in results:
        if r.error:
            out["unreadable"] += 1
        for f in r.findings:
            out["claims"] += 1
            out["suppressed" if f.suppressed else f.status] += 1
    return out


def summary_line(results: list[FileResult]) -> str:
    """'5 claims checked in 1 file: 4 hold, 1 wrong' (+ warnings, suppressed, unreadable when non-zero)."""
    c = counts(results)
    where = plural(c["files"], "file")
    if c["unreadable"]:
        where += f" ({c['unreadable']} unreadable)"
    if not c["claims"]:
        return f"nothing to check: no claims found in {where}"
    parts = [f"{c['pass']} hold", f"{c['fail']} wrong"]
    if c["warn"]:
        parts.append(plural(c["warn"], "warning"))
    if c["suppressed"]:
        parts.append(f"{c['suppressed']} suppressed")
    return f"{plural(c['claims'], 'claim')} checked in {where}: {', '.join(parts)}"


def sentence_around(doc: Document, start: int, end: int) -> str:
    """The sentence of ``doc.text`` that holds the span (the span's own line if segmentation fails)."""
    from ..document.segment import sentences

    for a, b in sentences(doc.text):
        if a <= start and end <= b:
            return doc.text[a:b]
    a = doc.text.rfind("\n", 0, start) + 1
    b = doc.text.find("\n", end)
    return doc.text[a:b if b >= 0 else len(doc.text)]


def fingerprint(doc: Document | None, f: Finding) -> str:
    """Finding.fingerprint when set; else a hash of rule, figure and sentence (stable when lines move)."""
    if f.fingerprint:
        return f.fingerprint
    context = " ".join(sentence_around(doc, f.start, f.end).split()) if doc is not None else ""
    key = "\x00".join((f.rule, f.text, context))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def rel_path(path: str) -> str:
    """The path relative to the working directory when it lies below it, with forward slashes."""
    if path == "-":
        return path
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_posix()
    return PurePath(os.path.normpath(p)).as_posix()
