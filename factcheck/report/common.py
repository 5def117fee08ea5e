"""Helpers the text, SARIF, GitHub, JUnit and GitLab reports share: which findings to show, how to count
them in one summary sentence, a stable fingerprint, a portable path for a result, and names made safe
to print.
"""

from __future__ import annotations

import hashlib
import os
import re
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
    """Claims per status (suppressed ones apart), claims seen but not checked, files read and files that
    could not be read."""
    out = {"claims": 0, "pass": 0, "warn": 0, "fail": 0, "suppressed": 0, "unchecked": 0, "files": len(results),
           "unreadable": 0}
    for r in results:
        if r.error:
            out["unreadable"] += 1
        out["unchecked"] += len(r.unchecked)
        for f in r.findings:
            out["claims"] += 1
            out["suppressed" if f.suppressed else f.status] += 1
    return out


def summary_line(results: list[FileResult]) -> str:
    """'6 claims checked in 1 file: 5 hold, 1 wrong; 2 not checked' (warnings, suppressed, unreadable and
    not checked only when non-zero). Claims the linker saw but could not check are never silent."""
    c = counts(results)
    where = plural(c["files"], "file")
    if c["unreadable"]:
        where += f" ({c['unreadable']} unreadable)"
    unchecked = f"; {c['unchecked']} not checked" if c["unchecked"] else ""
    if not c["claims"]:
        if c["unchecked"]:
            return f"no claim checked in {where}: {plural(c['unchecked'], 'claim')} not checked"
        return f"nothing to check: no claims found in {where}"
    parts = [f"{c['pass']} hold", f"{c['fail']} wrong"]
    if c["warn"]:
        parts.append(plural(c["warn"], "warning"))
    if c["suppressed"]:
        parts.append(f"{c['suppressed']} suppressed")
    return f"{plural(c['claims'], 'claim')} checked in {where}: {', '.join(parts)}{unchecked}"


# Control characters (C0, DEL, C1) and the invisible marks that reorder or hide text (bidi embeddings,
# overrides and isolates, LRM/RLM, zero-width characters): never printed raw from a file name or message.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def printable(s: str) -> str:
    """``s`` with control and invisible characters written as escapes ("a\\nb", "\\x1b[31m", "\\u202e"), so a
    hostile file name cannot forge a report line, colour a terminal or reorder what is shown."""
    return _UNPRINTABLE.sub(_escape_char, s)


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
