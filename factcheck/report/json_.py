"""JSON, version 1 (../shared/CONTRACT.md): the public, machine-readable interface. Fields only grow.

Added to version 1 (additive): per file ``unchecked`` — every claim the linker saw but did not check,
``{kind, text, line, column, end_line, end_column, start, end, reason}`` — and ``summary.unchecked``, their
count; ``summary.unreadable``, the number of inputs that could not be read or checked (each has ``error``).
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..model import Document, FileResult, Finding, Mention, Unchecked
from . import Context, summary


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    v = float(f"{float(x):.12g}")  # twelve significant digits: no float noise, small values kept (2.48e-05)
    if v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def _span(doc: Document, start: int, end: int) -> dict[str, int]:
    a, b = doc.locate(start), doc.locate_end(end)
    return {"line": a.line, "column": a.column, "end_line": b.line, "end_column": b.column,
            "start": a.offset, "end": b.offset}


def mention_json(doc: Document, m: Mention) -> dict[str, Any]:
    out: dict[str, Any] = {"text": m.text, "type": m.type, "value": _num(m.value), "unit": m.unit,
                           "approx": m.approx, "hedge": m.hedge, **_span(doc, m.start, m.end)}
    if m.value_high is not None:
        out["value_high"] = _num(m.value_high)
    if m.inferred:
        out["inferred"] = True
    return out


def finding_json(doc: Document, f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {"rule": f.rule, "kind": f.kind, "status": f.status, "severity": f.severity,
                           "text": f.text, **_span(doc, f.start, f.end)}
    if f.claimed is not None:
        out["claimed"] = _num(f.claimed)
    if f.computed is not None:
        out["computed"] = _num(round(f.computed, 4) if abs(f.computed) < 1e6 else f.computed)
    if f.expected_text is not None:
        out["expected_text"] = f.expected_text
    ops = []
    for o in f.operands:
        p = doc.locate(o.start)
        ops.append({"text": o.text, "line": p.line, "column": p.column, "start": p.offset,
                    "end": doc.locate_end(o.end).offset})
    out["operands"] = ops
    out["message"] = f.message
    out["explanation"] = f.explanation
    if f.accepted is not None:
        out["accepted"] = [_num(f.accepted[0]), _num(f.accepted[1])]
    if f.tolerance:
        out["tolerance"] = f.tolerance
    if f.source:
        out["source"] = f.source
    if f.evidence:
        out["evidence"] = list(f.evidence)  # why the figures were linked (additive to CONTRACT version 1)
    if f.fix is not None:
        out["fix"] = {"replacement": f.fix.replacement, **_span(doc, f.fix.start, f.fix.end)}
    if f.fingerprint:
        out["fingerprint"] = f.fingerprint
    out["suppressed"] = f.suppressed
    return out


def unchecked_json(doc: Document, u: Unchecked) -> dict[str, Any]:
    return {"kind": u.kind, "text": u.text, **_span(doc, u.start, u.end), "reason": u.reason}


def to_dict(results: list[FileResult], ctx: Context) -> dict[str, Any]:
    files = []
    for r in results:
        entry: dict[str, Any] = {"path": r.path}
        if r.error:
            entry["error"] = r.error
        doc = r.document
        if ctx.command == "extract":
            entry["mentions"] = [mention_json(doc, m) for m in r.mentions] if doc else []
        else:
            entry["findings"] = [finding_json(doc, f) for f in r.findings] if doc else []
            entry["unchecked"] = [unchecked_json(doc, u) for u in r.unchecked] if doc else []
        files.append(entry)
    totals: dict[str, int] = dict(summary(results))
    if ctx.command != "extract":
        totals["unchecked"] = sum(len(r.unchecked) for r in results)
    totals["unreadable"] = sum(1 for r in results if r.error)
    return {"version": 1, "tool": {"name": "factcheck", "version": __version__}, "files": files,
            "summary": totals}


def render(results: list[FileResult], ctx: Context) -> str:
    return json.dumps(to_dict(results, ctx), ensure_ascii=False, indent=2) + "\n"
