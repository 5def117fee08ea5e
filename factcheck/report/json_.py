"""JSON, version 1 (../shared/CONTRACT.md): the public, machine-readable interface. Fields only grow.

Added to version 1 (additive): per file ``unchecked`` — every claim the linker saw but did not check,
``{kind, text, line, column, end_line, end_column, start, end, reason}`` — and ``summary.unchecked``, their
count; ``summary.unreadable``, the number of inputs that could not be read or checked (each has ``error``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
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


def _entry(r: FileResult, ctx: Context, lazy: bool) -> dict[str, Any]:
    """One file's object; with ``lazy`` its lists are generators (``stream`` writes them item by item)."""
    entry: dict[str, Any] = {"path": r.path}
    if r.error:
        entry["error"] = r.error
    doc = r.document

    def items(xs: Sequence[Any], fn: Callable[[Document, Any], dict[str, Any]]) -> Any:
        if doc is None:
            return []
        if lazy:
            return Lazy(fn(doc, x) for x in xs)
        return [fn(doc, x) for x in xs]

    if ctx.command == "extract":
        entry["mentions"] = items(r.mentions, mention_json)
    else:
        entry["findings"] = items(r.findings, finding_json)
        entry["unchecked"] = items(r.unchecked, unchecked_json)
    return entry


def _totals(results: list[FileResult], ctx: Context) -> dict[str, int]:
    totals: dict[str, int] = dict(summary(results))
    if ctx.command != "extract":
        totals["unchecked"] = sum(len(r.unchecked) for r in results)
    totals["unreadable"] = sum(1 for r in results if r.error)
    return totals


def _head() -> dict[str, Any]:
    return {"version": 1, "tool": {"name": "factcheck", "version": __version__}}


def to_dict(results: list[FileResult], ctx: Context) -> dict[str, Any]:
    return {**_head(), "files": [_entry(r, ctx, lazy=False) for r in results], "summary": _totals(results, ctx)}


class Lazy:
    """A JSON array whose items are made while it is written (``stream``), so a report of 100,000
    mentions never holds 100,000 dictionaries, nor the whole text, at once."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


class Later:
    """A JSON value made when it is written (``stream``): the summary, counted once a big document's findings,
    made as they were written, have all been seen."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


_ENC = json.JSONEncoder(ensure_ascii=False, indent=2)


def _chunks(obj: Any, level: int) -> Iterator[str]:
    """``obj`` as ``json.dumps(obj, ensure_ascii=False, indent=2)`` writes it at nesting ``level``, byte for
    byte, in pieces; a ``Lazy`` (a value of this dictionary, of a dictionary that is such a value, or an
    item of another ``Lazy``) is written one item at a time."""
    pad = "\n" + "  " * level
    if isinstance(obj, Lazy):
        first = True
        for item in obj.items:
            yield ("[" if first else ",") + pad + "  "
            first = False
            yield from _chunks(item, level + 1)
        yield "[]" if first else pad + "]"
    elif isinstance(obj, Later):
        yield from _chunks(obj.make(), level)
    elif isinstance(obj, dict) and any(isinstance(v, (Lazy, Later)) for v in obj.values()):
        first = True
        for k, v in obj.items():
            yield ("{" if first else ",") + pad + "  " + _ENC.encode(k) + ": "
            first = False
            yield from _chunks(v, level + 1)
        yield pad + "}"
    else:  # no Lazy inside: what the standard encoder writes, its lines moved to this level
        yield _dump(obj, "  " * level)


_STR = json.encoder.encode_basestring  # the encoder's own string writer (C), as ensure_ascii=False uses it
_INF = float("inf")


def _float(x: float) -> str:
    if x != x:
        return "NaN"
    if x == _INF:
        return "Infinity"
    if x == -_INF:
        return "-Infinity"
    return float.__repr__(x)


def _dump(o: Any, ind: str) -> str:
    """``_ENC.encode(o)`` with every line after the first indented by ``ind``, byte for byte: the standard
    encoder writes indented JSON through its Python generator (its C writer does no indenting), one small
    piece at a time; this joins each object's lines at once. Anything but dicts with string keys, lists,
    tuples, strings, numbers, booleans and None goes to the standard encoder (its output, or its error)."""
    if isinstance(o, str):
        return _STR(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float(o)
    inner = ind + "  "
    if isinstance(o, (list, tuple)):
        if not o:
            return "[]"
        return "[\n" + inner + (",\n" + inner).join([_dump(x, inner) for x in o]) + "\n" + ind + "]"
    if isinstance(o, dict) and all(isinstance(k, str) for k in o):
        if not o:
            return "{}"
        return "{\n" + inner + (",\n" + inner).join([_STR(k) + ": " + _dump(v, inner) for k, v in o.items()]) \
            + "\n" + ind + "}"
    return _ENC.encode(o).replace("\n", "\n" + ind)


def stream(results: list[FileResult], ctx: Context) -> Iterator[str]:
    """The report in pieces, identical to ``render``'s text: what the command line writes as it goes."""
    doc = {**_head(), "files": Lazy(_entry(r, ctx, lazy=True) for r in results),
           "summary": Later(lambda: _totals(results, ctx))}  # counted after the findings are written
    yield from _chunks(doc, 0)
    yield "\n"


def render(results: list[FileResult], ctx: Context) -> str:
    return "".join(stream(results, ctx))
