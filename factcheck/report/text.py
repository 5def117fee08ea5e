"""Terminal report (placeholder: replaced by the rich diagnostic renderer)."""

from __future__ import annotations

from ..model import FileResult
from . import Context


def render(results: list[FileResult], ctx: Context) -> str:
    lines = []
    for r in results:
        if r.document is None:
            continue
        if ctx.command == "extract":
            for m in r.mentions:
                p = r.document.locate(m.start)
                lines.append(f"{r.path}:{p.line}:{p.column} {m.type} {m.value} {m.unit} {m.text!r}")
        else:
            for f in r.findings:
                p = r.document.locate(f.start)
                lines.append(f"{r.path}:{p.line}:{p.column}: {f.status} [{f.rule}] {f.message}")
    return "\n".join(lines) + "\n"
