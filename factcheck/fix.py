"""--fix and --diff: rewrite a wrong figure where the judge knows the unambiguous correction.

A finding's ``fix`` (offsets into ``Document.text``) is mapped through ``Document.source_offset`` to
the original file, checked against the bytes on disk, and applied from the end of the file backwards
so several fixes in one file do not shift each other. Only unsuppressed ``fail`` findings are fixed.
The file keeps its encoding, byte-order mark and line endings (only the figure's characters change);
the write is atomic (a temporary file in the same folder, then a rename); a file with nothing to fix is
never opened for writing. DOCX files and standard input are not rewritten (``--diff`` shows stdin's).
"""

from __future__ import annotations

import codecs
import difflib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .model import Document, FileResult, Finding


@dataclass
class Planned:
    """What fixing one file would do: the new text (None: nothing to write) and notes for the user."""

    path: str
    old: str
    new: str | None
    count: int
    bom: bool = False
    note: str | None = None


def fixable(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.fix is not None and f.status == "fail" and not f.suppressed]


def plan(result: FileResult, data: bytes | None) -> Planned | None:
    """The rewrite of ``result``'s file (``data``: its bytes now); None when no finding is fixable."""
    doc = result.document
    todo = fixable(result.findings)
    if doc is None or not todo:
        return None
    if doc.format == "docx":
        return Planned(result.path, "", None, 0, note="DOCX files are not rewritten; fix the figures by hand")
    if data is None:
        return Planned(result.path, "", None, 0, note="cannot read the file again to fix it")
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        src = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Planned(result.path, "", None, 0, note="not valid UTF-8; not fixed")
    expected = doc.source if doc.source is not None else doc.text
    if src != expected:
        return Planned(result.path, src, None, 0, bom, note="changed while it was checked; not fixed")
    new, count = apply_fixes(doc, src, todo)
    return Planned(result.path, src, new if count else None, count, bom)


def apply_fixes(doc: Document, src: str, findings: list[Finding]) -> tuple[str, int]:
    """``src`` (the original file's text) with the findings' fixes applied, last first; and how many."""
    spans = []
    for f in findings:
        fx = f.fix
        assert fx is not None
        a = doc.source_offset(fx.start)
        b = doc.locate_end(fx.end).offset if fx.end > fx.start else a
        if src[a:b] != doc.text[fx.start:fx.end]:
            continue  # the span crosses markup in the original: not an unambiguous rewrite
        spans.append((a, b, fx.replacement))
    count = 0
    last = len(src) + 1
    for a, b, rep in sorted(set(spans), reverse=True):
        if b > last:
            continue  # overlaps a fix already applied
        src = src[:a] + rep + src[b:]
        last = a
        count += 1
    return src, count


def encode(p: Planned) -> bytes:
    assert p.new is not None
    return (codecs.BOM_UTF8 if p.bom else b"") + p.new.encode("utf-8")


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path``'s content with ``data`` via a temporary file and a rename (mode kept; new: 0644)."""
    target = Path(path).resolve()
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".factcheck-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def unified_diff(p: Planned) -> str:
    """A ``diff -u`` style patch from the file as it is to the file as --fix would write it."""
    assert p.new is not None
    out = []
    for line in difflib.unified_diff(p.old.splitlines(keepends=True), p.new.splitlines(keepends=True),
                                     f"a/{p.path}", f"b/{p.path}"):
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)
