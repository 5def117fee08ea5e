"""GitLab Code Quality report (Code Climate JSON), for merge-request widgets and the pipeline's Code
Quality tab:

    [{"type": "issue", "check_name": "percent-change", "description": "94 → 224 is a 138.3% increase, not 128%",
      "categories": ["Bug Risk"], "severity": "major", "fingerprint": "…",
      "location": {"path": "samples/otokar-romania.txt", "lines": {"begin": 7, "end": 7}}}]

GitLab reads ``description``, ``check_name``, ``fingerprint``, ``severity`` and ``location.path`` /
``location.lines.begin``; ``type`` and ``categories`` make the file valid Code Climate output too. The
severity follows the finding's level as in SARIF: a wrong figure (rule severity ``error``) is ``major``,
a doubtful one or a ``warning`` rule's ``minor``, a claim that holds ``info`` (only with ``--show-pass``);
suppressed findings are left out, as GitLab has no notion of them. An input that could not be read or
checked is a ``blocker`` issue on that file (check_name ``factcheck-input``), so the widget never shows
a clean run for a file nobody checked.
Fingerprints are unique in the report (GitLab drops duplicates) and stable when lines move: the
finding's fingerprint, its path and the occurrence count of the pair.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from ..model import FileResult, Finding
from . import Context
from .common import fingerprint, level, printable, rel_path, shown

SEVERITIES = {"error": "major", "warning": "minor", "note": "info"}  # SARIF level -> Code Climate severity
INPUT_CHECK = "factcheck-input"


def severity(f: Finding) -> str:
    return SEVERITIES[level(f)]


def description(f: Finding) -> str:
    text = printable(f.message)
    if f.status != "pass" and f.expected_text:
        text += f" (should be {printable(f.expected_text)})"
    return text


def _unique(seen: Counter[str], *parts: str) -> str:
    key = "\x1f".join(parts)
    seen[key] += 1
    return hashlib.sha256(f"{key}\x1f{seen[key]}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


def issues(results: list[FileResult], ctx: Context) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: Counter[str] = Counter()
    for fr in results:
        path = printable(rel_path(fr.path))  # a hostile name cannot reorder or colour the widget
        if fr.error or fr.document is None:
            reason = fr.error or f"{fr.path}: not read"
            out.append({"type": "issue", "check_name": INPUT_CHECK, "description": printable(reason),
                        "categories": ["Bug Risk"], "severity": "blocker",
                        "fingerprint": _unique(seen, INPUT_CHECK, path),
                        "location": {"path": path, "lines": {"begin": 1}}})
            continue
        doc = fr.document
        for f in fr.findings:
            if f.suppressed or not shown(f, ctx):
                continue
            a, b = doc.locate(f.start), doc.locate_end(f.end)
            out.append({"type": "issue", "check_name": f.rule, "description": description(f),
                        "categories": ["Bug Risk"], "severity": severity(f),
                        "fingerprint": _unique(seen, f.rule, path, fingerprint(doc, f)),
                        "location": {"path": path, "lines": {"begin": a.line, "end": b.line}}})
    return out


def render(results: list[FileResult], ctx: Context) -> str:
    return json.dumps(issues(results, ctx), ensure_ascii=False, indent=2) + "\n"
