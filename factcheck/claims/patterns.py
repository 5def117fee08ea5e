"""House-style ``pattern`` rules: a regular expression and a message (kind ``style``, or a kind of your own).

A rule such as

    - id: house-per-cent
      kind: style
      severity: warning
      pattern: '\\b([Pp])er cent\\b'
      message: 'AP style: "{match}" is written "percent"'
      replacement: '\\1ercent'

reports every match of ``pattern`` in the document: the message (``{match}`` is the matched text,
``{1}`` or ``{name}`` a group), status ``fail`` for ``severity: error`` and ``warn`` otherwise, and
``replacement`` (with ``\\1`` / ``\\g<name>`` group references) as the suggested fix. ``ignore_case: true``
matches without regard to case.

User regular expressions run with the ``regex`` module's timeout: at most ``TIMEOUT`` seconds per rule per
document (option ``timeout``). A rule that runs out of time yields one ``warn`` finding saying so; the
check never hangs. Loading a user's rule file also tries each pattern on adversarial text and rejects one
that backtracks catastrophically (``check_pattern``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..extract import fastregex as regex
from ..extract.lazy import LazyPattern, rx
from ..model import Document, Finding, Fix

if TYPE_CHECKING:
    from ..ruleset import Rule, RuleSet

TIMEOUT = 0.25  # seconds per rule per document
CHECK_TIMEOUT = 0.1  # seconds per adversarial string when a rule file is loaded
CHECK_LENGTH = 20_000
MAX_FINDINGS = 200  # per rule per document


class PatternError(ValueError):
    """A pattern that cannot be used; the message says why, in one line."""


@lru_cache(maxsize=512)
def compile_pattern(pattern: str, ignore_case: bool = False) -> regex.Pattern:
    try:
        return rx(pattern, regex.IGNORECASE if ignore_case else 0)
    except (regex.error, ValueError, TypeError) as e:
        raise PatternError(f"pattern does not compile: {e}") from None


def _adversarial(pattern: str) -> list[str]:
    """Long strings that make nested or overlapping quantifiers backtrack: runs of one character (or a
    short unit) that almost match, then a character that makes the match fail."""
    units = ["a", " ", "1", "a ", "1 ", "a1", "aA", "a.", "1,"]
    for ch in pattern:
        if (ch.isalnum() or ch in " ,.-'") and ch not in units:
            units.append(ch)
        if len(units) > 24:
            break
    out = []
    for u in units:
        body = u * (CHECK_LENGTH // len(u))
        out += [body + "!", body + "\u0000"]
    return out


def check_pattern(pattern: str, ignore_case: bool = False) -> regex.Pattern:
    """Compile ``pattern`` and make sure it neither matches empty text nor backtracks catastrophically."""
    p = compile_pattern(pattern, ignore_case)
    if p.fullmatch("") is not None:
        raise PatternError("pattern matches empty text, so it would match everywhere")
    for s in _adversarial(pattern):
        try:
            p.search(s, timeout=CHECK_TIMEOUT)
        except TimeoutError:
            sample = s[: 2 if s[1] != s[0] else 1]
            raise PatternError(f"pattern backtracks catastrophically: no answer within {CHECK_TIMEOUT:g} s on "
                               f"{len(s):,} characters of {sample!r} (avoid nested quantifiers such as (a+)+ "
                               f"or (\\w+\\s?)+)") from None
    return p


_FIELD = LazyPattern(r"\{(\w+)\}")


def render_message(template: str, m: Any) -> str:
    """``{match}``, ``{1}`` and ``{name}`` in a rule's message, filled from match ``m``."""

    def fill(f: Any) -> str:
        name = f.group(1)
        try:
            if name == "match":
                return m.group()
            return m.group(int(name)) if name.isdigit() else m.group(name)
        except (IndexError, regex.error):
            return f.group()

    return _FIELD.sub(lambda f: fill(f) or "", template)


def _replacement(rule: Rule, m: Any) -> str | None:
    rep = rule.options.get("replacement")
    if rep is None:
        return None
    try:
        return m.expand(str(rep))
    except (regex.error, IndexError):
        return str(rep)


def rule_findings(doc: Document, rule: Rule) -> list[Finding]:
    """Every match of one pattern rule in ``doc`` (and a warning if it ran out of time)."""
    status = "fail" if rule.severity == "error" else "warn"
    severity = rule.severity if status == "fail" else "warning"
    opts = rule.options
    try:
        p = compile_pattern(str(opts["pattern"]), bool(opts.get("ignore_case")))
    except PatternError as e:
        return [_trouble(doc, rule, f"rule {rule.id}: {e}; skipped")]
    timeout = float(opts.get("timeout", TIMEOUT))
    out: list[Finding] = []
    try:
        for m in p.finditer(doc.text, timeout=timeout):
            if m.end() == m.start():
                continue
            rep = _replacement(rule, m)
            out.append(Finding(
                rule=rule.id, kind=rule.kind, status=status, severity=severity, start=m.start(), end=m.end(),
                text=m.group(), message=render_message(str(opts.get("message", rule.description)), m),
                explanation=rule.description, expected_text=rep, source=rule.source,
                fix=Fix(m.start(), m.end(), rep) if rep is not None else None))
            if len(out) >= MAX_FINDINGS:
                break
    except TimeoutError:
        out.append(_trouble(doc, rule, f"rule {rule.id}: its pattern ran out of time ({timeout:g} s) on this "
                                       "document; matches after that point were not checked"))
    return out


def _trouble(doc: Document, rule: Rule, message: str) -> Finding:
    end = doc.text.find("\n")
    end = len(doc.text) if end < 0 else end
    return Finding(rule=rule.id, kind=rule.kind, status="warn", severity="warning", start=0, end=end,
                   text=doc.text[:end], message=message, source=rule.source)


def pattern_rules(rules: RuleSet) -> list[Rule]:
    return [r for r in rules.rules.values() if r.enabled and r.options.get("pattern")]


def pattern_findings(doc: Document, rules: RuleSet) -> list[Finding]:
    """Findings of every enabled pattern rule, in rule order."""
    out: list[Finding] = []
    for rule in pattern_rules(rules):
        out += rule_findings(doc, rule)
    return out
