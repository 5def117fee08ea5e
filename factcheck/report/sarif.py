"""SARIF 2.1.0 report, for GitHub code scanning and other static-analysis dashboards.

One run; ``tool.driver.rules`` describes every rule in force (id, description, Markdown help, default
level from its severity). Each finding is a result with its region in the original file: columns and
``charOffset``/``charLength`` count Unicode code points, declared by ``columnKind: unicodeCodePoints``
so "€" and "—" do not shift columns. Failures and warnings are reported; claims that hold only with
``--show-pass`` (level ``note``). Suppressed findings stay, with ``suppressions: [{"kind": "inSource"}]``.
``partialFingerprints`` keeps alerts stable when lines move (Finding.fingerprint, else a hash of
rule, figure and sentence). An input that could not be read or checked makes the invocation
``executionSuccessful: false`` with a ``toolExecutionNotifications`` entry naming the file (as the exit
code 2 or 3 says), so a dashboard never shows a clean run for a file that was not checked.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..model import Document, FileResult, Finding
from . import Context
from .common import LEVELS, fingerprint, level, printable, rel_path, shown
from .json_ import _num

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/factcheck-press/"  # the distribution name (the command is factcheck)
FINGERPRINT_KEY = "factcheck/v1"


def artifact_uri(path: str) -> str:
    """A relative URI reference with forward slashes ("samples/a%20b.txt"); "stdin" for "-"."""
    if path == "-":
        return "stdin"
    p = rel_path(path)
    if p.startswith("/"):
        return "file://" + quote(p, safe="/")
    return quote(p, safe="/")


def _title(rule_id: str) -> str:
    return "".join(w.capitalize() for w in rule_id.replace("_", "-").split("-"))


def _help_markdown(rule: Any) -> str:
    lines = [f"**{rule.id}** (kind `{rule.kind}`, severity {rule.severity})", "", rule.description or ""]
    opts = {k: v for k, v in (rule.options or {}).items() if not isinstance(v, dict | list)}
    if opts:
        lines += ["", "Options: " + ", ".join(f"`{k}: {v}`" for k, v in opts.items())]
    ex = rule.examples or {}
    if ex.get("pass"):
        lines += ["", "Holds:", *[f"- {t}" for t in ex["pass"]]]
    if ex.get("fail"):
        lines += ["", "Wrong:"]
        for e in ex["fail"]:
            t, exp = (e.get("text"), e.get("expected")) if isinstance(e, dict) else (e, None)
            lines.append(f"- {t}" + (f" (should be {exp})" if exp else ""))
    if rule.source:
        lines += ["", f"Source: {rule.source}"]
    return "\n".join(lines).strip()


def _help_text(rule: Any) -> str:
    text = rule.description or rule.id
    return text + (f" Source: {rule.source}" if rule.source else "")


def rule_descriptor(rule: Any) -> dict[str, Any]:
    """reportingDescriptor for a ruleset.Rule."""
    desc = rule.description or rule.id
    out: dict[str, Any] = {
        "id": rule.id,
        "name": _title(rule.id),
        "shortDescription": {"text": desc.split(". ")[0][:1000]},
        "fullDescription": {"text": desc},
        "help": {"text": _help_text(rule), "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "error"), "enabled": bool(rule.enabled)},
        "properties": {"kind": rule.kind, "tags": ["factcheck", rule.kind], "precision": "high",
                       "problem.severity": {"error": "error", "warning": "warning"}.get(rule.severity,
                                                                                        "recommendation")},
    }
    if rule.source and str(rule.source).startswith(("http://", "https://")):
        out["helpUri"] = rule.source
    return out


def _fallback_descriptor(f: Finding) -> dict[str, Any]:
    """For a finding whose rule is not in the rule set (e.g. no rule set given)."""
    return {"id": f.rule, "name": _title(f.rule), "shortDescription": {"text": f"{f.kind} check"},
            "help": {"text": f"factcheck rule {f.rule} ({f.kind}).", "markdown": f"factcheck rule `{f.rule}` "
                     f"(kind `{f.kind}`)."},
            "defaultConfiguration": {"level": LEVELS.get(f.severity, "error")},
            "properties": {"kind": f.kind, "tags": ["factcheck", f.kind]}}


def region(doc: Document, start: int, end: int) -> dict[str, Any]:
    """SARIF region: 1-based lines/columns, end column just past the last character, code points."""
    a, b = doc.locate(start), doc.locate_end(end)
    return {"startLine": a.line, "startColumn": a.column, "endLine": b.line, "endColumn": b.column,
            "charOffset": a.offset, "charLength": max(b.offset - a.offset, 0)}


def message_text(f: Finding) -> str:
    parts = [f.message.rstrip(".") + "."]
    if f.explanation:
        parts.append(f.explanation + ".")
    if f.status != "pass" and f.expected_text:
        parts.append(f"Should be {f.expected_text}.")
    return " ".join(parts)


def _location(uri: str, doc: Document, start: int, end: int, snippet: str | None = None) -> dict[str, Any]:
    reg = region(doc, start, end)
    if snippet:
        reg["snippet"] = {"text": snippet}
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": reg}}


def result(uri: str, doc: Document, f: Finding, rule_index: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": level(f),
        "message": {"text": message_text(f)},
        "locations": [_location(uri, doc, f.start, f.end, f.text)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(doc, f)},
        "properties": {"status": f.status, "kind": f.kind},
    }
    related = []
    for i, o in enumerate(f.operands, 1):
        loc = _location(uri, doc, o.start, o.end, o.text)
        related.append({"id": i, **loc, "message": {"text": f"operand {o.text}"}})
    if related:
        out["relatedLocations"] = related
    props = out["properties"]
    for key in ("claimed", "computed"):
        if getattr(f, key) is not None:
            props[key] = _num(getattr(f, key))
    if f.expected_text:
        props["expected"] = f.expected_text
    if f.tolerance:
        props["tolerance"] = f.tolerance
    if f.fix is not None:
        out["fixes"] = [{"description": {"text": f"Replace with {f.fix.replacement}"},
                         "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [
                             {"deletedRegion": region(doc, f.fix.start, f.fix.end),
                              "insertedContent": {"text": f.fix.replacement}}]}]}]
    if f.suppressed:
        out["suppressions"] = [{"kind": "inSource"}]
    return out


def to_dict(results: list[FileResult], ctx: Context) -> dict[str, Any]:
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for r in getattr(ctx.rules, "rules", {}).values():
        index[r.id] = len(rules)
        rules.append(rule_descriptor(r))
    out_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for fr in results:
        uri = artifact_uri(fr.path)
        if fr.error or fr.document is None:
            reason = fr.error or f"{fr.path}: not read"
            notifications.append({"level": "error", "message": {"text": printable(reason)},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                                  "descriptor": {"id": "internal-error" if "internal error" in reason
                                                 else "unreadable-input"}})
            continue
        for f in fr.findings:
            if not shown(f, ctx):
                continue
            if f.rule not in index:
                index[f.rule] = len(rules)
                rules.append(_fallback_descriptor(f))
            out_results.append(result(uri, fr.document, f, index[f.rule]))
    driver = {"name": "factcheck", "version": __version__, "semanticVersion": __version__,
              "informationUri": INFORMATION_URI, "rules": rules}
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {"tool": {"driver": driver}, "invocations": [invocation], "columnKind": "unicodeCodePoints",
           "results": out_results}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(results: list[FileResult], ctx: Context) -> str:
    return json.dumps(to_dict(results, ctx), ensure_ascii=False, indent=2) + "\n"
