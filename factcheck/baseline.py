"""Fingerprints and baseline files: adopt factcheck on an archive without fixing its history first.

A finding's fingerprint is a hash of its rule, its own text and the sentence it sits in (whitespace
collapsed, case folded) — never its line number, so an edit above a known finding leaves the
fingerprint alone, while an edit to the sentence itself (or a new wrong figure) gives a new one.

``factcheck baseline FILES`` records the fingerprints of today's warn/fail findings in a JSON file;
``factcheck check --baseline FILE`` marks findings found there as suppressed (they stay in the JSON with
``"suppressed": true`` and no longer count). A fingerprint recorded twice covers two findings.

Ignore files accept single figures without changing the published text: ``factcheck accept FILE:LINE``
records the fingerprints of the findings there in ``.factcheck-ignore.json`` beside the release (one
per folder, entries keyed by the release's file name), and every later run honours it. Unlike a
suppression comment nothing is written into the release, so it works for .txt and .docx too.

Both files are JSON written by factcheck; reading one is bounded (size, nesting depth, number
digits): a file that is not one is a single line naming it, never a traceback.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import __version__
from .model import Document, FileResult, Finding

try:  # the built-in SHA-256, without hashlib's OpenSSL start-up (about 2 ms on every run)
    from _sha256 import sha256 as _sha256  # Python 3.11
except ImportError:  # pragma: no cover - another Python
    try:
        from _sha2 import sha256 as _sha256  # Python 3.12+
    except ImportError:
        from hashlib import sha256 as _sha256

BASELINE_VERSION = 1
DEFAULT_BASELINE = ".factcheck-baseline.json"
IGNORE_NAME = ".factcheck-ignore.json"
IGNORE_VERSION = 1
MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_JSON_DEPTH = 32  # factcheck writes 3 levels; anything deeper is not one of its files


class BaselineError(Exception):
    """A baseline file that cannot be used: one line naming the file."""


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


# the last document's text with hard wraps undone, and its sentences' starts: every finding of a document asks in
# turn, so the text is read once per document, not once per finding (a tuple read at once: thread-safe)
_LAST: dict[str, tuple[Any, Any]] = {"unwrapped": (None, ""), "starts": (None, [])}


def sentence_context(doc: Document, start: int, end: int) -> str:
    """The sentence of ``doc.text`` holding the span (the line when no sentence does).

    In plain text a line is a paragraph; in the other formats a single line break is a hard wrap
    inside a paragraph, so it is read as a space (re-wrapping a paragraph keeps its fingerprints).
    """
    from .document.segment import sentences

    if doc.format == "txt":
        text = doc.text
    else:
        src, text = _LAST["unwrapped"]
        if src is not doc.text:
            text = re.sub(r"(?<!\n)\n(?![\r\n])", " ", doc.text)
            _LAST["unwrapped"] = (doc.text, text)
    spans = sentences(text)  # in order and disjoint: the one holding ``start`` is the last that starts by it
    got, starts = _LAST["starts"]
    if got is not spans:
        starts = [a for a, _ in spans]
        _LAST["starts"] = (spans, starts)
    k = bisect.bisect_right(starts, start) - 1
    if k >= 0 and start < spans[k][1]:
        a, b = spans[k]
        return text[a:max(b, end)]
    a = doc.text.rfind("\n", 0, start) + 1
    b = doc.text.find("\n", end)
    return doc.text[a:b if b >= 0 else len(doc.text)]


def fingerprint(doc: Document, f: Finding) -> str:
    """Stable id of a finding: sha256 of rule, the finding's text and its normalized sentence (16 hex)."""
    key = "\x1f".join((f.rule, _norm(f.text), _norm(sentence_context(doc, f.start, f.end))))
    # surrogatepass: a lone surrogate a reader let through (a Word w:sym) still hashes, never raises
    return _sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


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


def _depth(text: str) -> int:
    """The deepest nesting of brackets outside strings (cheap, so json.loads never recurses deeply)."""
    depth = deepest = 0
    for m in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]', text):
        t = m.group(0)
        if t in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif t in "]}":
            depth -= 1
    return deepest


def read_json(path: str | Path, what: str) -> Any:
    """A JSON file factcheck wrote, parsed; BaselineError (one line, ``file:line: ...``) otherwise."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_JSON_BYTES:
            raise BaselineError(f"{path}: larger than {MAX_JSON_BYTES // 2**20} MiB; not a {what} file")
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such {what} file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise BaselineError(f"{path}: cannot read {what} ({getattr(e, 'strerror', None) or e})") from None
    if _depth(text) > MAX_JSON_DEPTH:
        raise BaselineError(f"{path}:1: not a {what} file (nested more than {MAX_JSON_DEPTH} levels deep)")
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise BaselineError(f"{path}:{e.lineno}: not a {what} file (invalid JSON: {e.msg})") from None
    except (ValueError, RecursionError, MemoryError) as e:  # a number of 5,000 digits; nesting the scan missed
        raise BaselineError(f"{path}:1: not a {what} file ({type(e).__name__}: {str(e)[:80]})") from None


def load(path: str | Path) -> Counter[str]:
    """The fingerprints of a baseline file, counted; raise BaselineError with a one-line reason."""
    if not Path(path).exists():
        raise BaselineError(f"{path}: no such baseline file (record one with `factcheck baseline FILES`)")
    data = read_json(path, "baseline")
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}:1: not a baseline file (expected an object with a findings list)")
    if data.get("version") != BASELINE_VERSION:
        raise BaselineError(f"{path}:1: baseline version {data.get('version')!r} is not supported (expected 1)")
    fps: Counter[str] = Counter()
    for e in data["findings"]:
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str):
            raise BaselineError(f"{path}: a baseline entry has no fingerprint: {_short(e)}")
        fps[e["fingerprint"]] += 1
    return fps


def _suppress_known(r: FileResult, left: Counter[str]) -> int:
    """Mark ``r``'s warn/fail findings whose fingerprint is in ``left`` suppressed, using each recorded
    fingerprint once (``left`` is decremented); return how many."""
    with_fingerprints(r)
    n = 0
    out = []
    for f in r.findings:
        if f.status != "pass" and not f.suppressed and left[f.fingerprint or ""] > 0:
            left[f.fingerprint or ""] -= 1
            f = replace(f, suppressed=True)
            n += 1
        out.append(f)
    r.findings = out
    return n


def apply(results: list[FileResult], known: Counter[str]) -> int:
    """Mark findings recorded in the baseline as suppressed (in input order); return how many."""
    left = Counter(known)
    return sum(_suppress_known(r, left) for r in results)


def _short(value: Any) -> str:
    import reprlib

    r = reprlib.Repr()
    r.maxstring = r.maxother = 60
    return r.repr(value)


# ------------------------------------------------------------------------------------------- ignore files


@dataclass
class IgnoreEntry:
    """One finding a baseline file says to ignore."""

    path: str  # the release's file name, relative to the ignore file's folder
    fingerprint: str
    rule: str
    line: int = 0  # where the figure was when it was accepted (for reading only)
    text: str = ""
    reason: str = ""


@dataclass
class IgnoreFile:
    """One folder's ``.factcheck-ignore.json``: the findings accepted as written, per file."""

    path: Path
    entries: list[IgnoreEntry] = field(default_factory=list)

    def for_file(self, name: str) -> list[IgnoreEntry]:
        return [e for e in self.entries if e.path == name]

    def line_of(self, index: int) -> int:
        """The line of entry ``index`` in the file as written by ``dumps_ignore`` (for messages)."""
        try:
            text = self.path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return 1
        starts = [m.start() for m in re.finditer(r'"fingerprint"\s*:', text)]
        return text.count("\n", 0, starts[index]) + 1 if index < len(starts) else 1


def ignore_path(release: str) -> Path:
    """Where the ignore file of ``release`` is: ``.factcheck-ignore.json`` in the release's folder."""
    return Path(release).parent / IGNORE_NAME


def load_ignore(path: Path) -> IgnoreFile:
    """Read an ignore file; a missing one is empty; BaselineError (one line naming it) when it is not one."""
    if not path.exists():
        return IgnoreFile(path)
    data = read_json(path, "factcheck ignore")
    if not isinstance(data, dict) or not isinstance(data.get("ignore"), list):
        raise BaselineError(f"{path}:1: not a factcheck ignore file (expected an object with an ignore list)")
    if data.get("version") != IGNORE_VERSION:
        raise BaselineError(f"{path}:1: ignore file version {_short(data.get('version'))} is not supported "
                            f"(expected {IGNORE_VERSION})")
    out = IgnoreFile(path)
    for e in data["ignore"]:
        ok = isinstance(e, dict) and all(isinstance(e.get(k), str) and e.get(k) for k in ("path", "fingerprint", "rule"))
        if not ok:
            raise BaselineError(f"{path}: an ignore entry needs path, fingerprint and rule: {_short(e)}")
        line = e.get("line")
        out.entries.append(IgnoreEntry(e["path"], e["fingerprint"], e["rule"],
                                       line if isinstance(line, int) and not isinstance(line, bool) else 0,
                                       str(e.get("text", "")), str(e.get("reason", ""))))
    return out


def dumps_ignore(ig: IgnoreFile) -> str:
    entries = sorted(ig.entries, key=lambda e: (e.path, e.line, e.rule, e.fingerprint))
    body = [{"path": e.path, "fingerprint": e.fingerprint, "rule": e.rule, "line": e.line, "text": e.text,
             **({"reason": e.reason} if e.reason else {})} for e in entries]
    return json.dumps({"version": IGNORE_VERSION, "tool": {"name": "factcheck", "version": __version__},
                       "ignore": body}, ensure_ascii=False, indent=2) + "\n"


def apply_ignores(results: list[FileResult], cache: dict[Path, IgnoreFile] | None = None
                  ) -> tuple[int, list[IgnoreFile], list[str]]:
    """Mark the findings accepted in their folder's ignore file as suppressed. Returns how many, the ignore
    files read (for checking their rule ids) and one-line problems (an ignore file that is not one)."""
    cache = {} if cache is None else cache
    problems: list[str] = []
    n = 0
    for r in results:
        if r.document is None or r.path == "-":
            continue
        where = ignore_path(r.path)
        if where not in cache:
            try:
                cache[where] = load_ignore(where)
            except BaselineError as e:
                problems.append(str(e))
                cache[where] = IgnoreFile(where)
        entries = cache[where].for_file(os.path.basename(r.path))
        if entries:
            n += _suppress_known(r, Counter(e.fingerprint for e in entries))
    return n, [ig for ig in cache.values() if ig.entries], problems


def entry_for(result: FileResult, f: Finding, reason: str = "") -> IgnoreEntry:
    line = result.document.locate(f.start).line if result.document else 0
    return IgnoreEntry(os.path.basename(result.path), f.fingerprint or "", f.rule, line, f.text, reason)
