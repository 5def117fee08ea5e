"""Fingerprints and baseline files: adopt factcheck on an archive without fixing its history first.

A finding's fingerprint is a hash of its rule, its own text and the sentence it sits in (whitespace
collapsed, case folded) — never its line number, so an edit above a known finding leaves the
fingerprint alone, while an edit to the sentence itself (or a new wrong figure) gives a new one.

``factcheck baseline FILES`` records the fingerprints of today's warn/fail findings in a JSON file;
``factcheck check --baseline FILE`` marks findings found there as suppressed (they stay in the JSON with
``"suppressed": true`` and no longer count). A fingerprint recorded twice covers two findings.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from . import __version__
from .model import Document, FileResult, Finding

BASELINE_VERSION = 1
DEFAULT_BASELINE = ".factcheck-baseline.json"


class BaselineError(Exception):
    """A baseline file that cannot be used: one line naming the file."""


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


def sentence_context(doc: Document, start: int, end: int) -> str:
    """The sentence of ``doc.text`` holding the span (the line when no sentence does).

    In plain text a line is a paragraph; in the other formats a single line break is a hard wrap
    inside a paragraph, so it is read as a space (re-wrapping a paragraph keeps its fingerprints).
    """
    from .document.segment import sentences

    text = doc.text if doc.format == "txt" else re.sub(r"(?<!\n)\n(?![\r\n])", " ", doc.text)
    for a, b in sentences(text):
        if a <= start < b:
            return text[a:max(b, end)]
    a = doc.text.rfind("\n", 0, start) + 1
    b = doc.text.find("\n", end)
    return doc.text[a:b if b >= 0 else len(doc.text)]


def fingerprint(doc: Document, f: Finding) -> str:
    """Stable id of a finding: sha256 of rule, the finding's text and its normalized sentence (16 hex)."""
    key = "\x1f".join((f.rule, _norm(f.text), _norm(sentence_context(doc, f.start, f.end))))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def with_fingerprints(result: FileResult) -> FileResult:
    """The result with every finding's ``fingerprint`` filled in (in place; returned for chaining)."""
    doc = result.document
    if doc is not None:
        result.findings = [f if f.fingerprint else replace(f, fingerprint=fingerprint(doc, f))
                           for f in result.findings]
    return result


def _entry(r: FileResult, f: Finding) -> dict:
    line = r.document.locate(f.start).line if r.document else 0
    return {"fingerprint": f.fingerprint, "path": r.path, "line": line, "rule": f.rule, "status": f.status,
            "text": f.text, "message": f.message}


def record(results: list[FileResult]) -> dict:
    """The baseline document for today's unsuppressed warn/fail findings (line numbers are for reading only)."""
    entries = []
    for r in results:
        with_fingerprints(r)
        entries += [_entry(r, f) for f in r.findings if f.status != "pass" and not f.suppressed]
    entries.sort(key=lambda e: (e["path"], e["line"], e["rule"], e["fingerprint"]))
    return {"version": BASELINE_VERSION, "tool": {"name": "factcheck", "version": __version__},
            "findings": entries}


def dumps(baseline: dict) -> str:
    return json.dumps(baseline, ensure_ascii=False, indent=2) + "\n"


def load(path: str | Path) -> Counter[str]:
    """The fingerprints of a baseline file, counted; raise BaselineError with a one-line reason."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (record one with `factcheck baseline FILES`)") from None
    except (OSError, UnicodeDecodeError) as e:
        raise BaselineError(f"{path}: cannot read baseline ({getattr(e, 'strerror', None) or e})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise BaselineError(f"{path}:{e.lineno}: not a baseline file (invalid JSON: {e.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}:1: not a baseline file (expected an object with a findings list)")
    if data.get("version") != BASELINE_VERSION:
        raise BaselineError(f"{path}:1: baseline version {data.get('version')!r} is not supported (expected 1)")
    fps: Counter[str] = Counter()
    for e in data["findings"]:
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str):
            raise BaselineError(f"{path}: a baseline entry has no fingerprint: {e!r:.60}")
        fps[e["fingerprint"]] += 1
    return fps


def apply(results: list[FileResult], known: Counter[str]) -> int:
    """Mark findings recorded in the baseline as suppressed (in input order); return how many."""
    left = Counter(known)
    n = 0
    for r in results:
        with_fingerprints(r)
        out = []
        for f in r.findings:
            if f.status != "pass" and not f.suppressed and left[f.fingerprint or ""] > 0:
                left[f.fingerprint or ""] -= 1
                f = replace(f, suppressed=True)
                n += 1
            out.append(f)
        r.findings = out
    return n
