"""Rule sets: load, merge and validate the YAML under rules/ and the user's ``--rules`` paths.

A rule file is a mapping with any of these top-level keys (all optional but ``ruleset``):

    ruleset: NAME              # the file's name for itself
    description: TEXT
    rules: [RULE...]           # id, kind, severity, options (see rules/core.yaml)
    vocabulary: {SECTION: ...} # merged section by section; later files win (see rules/vocabulary.yaml)
    facts: [FACT...]           # reference figures with their sources (see rules/facts/)
    reference_rates: {...}     # dated currency rates with sources (see rules/currencies.yaml)

The shipped sets load first, then each ``--rules`` path in order (a folder: its *.yaml, sorted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


class RuleError(Exception):
    """A rule file that cannot be used: ``file:line:col: what is wrong`` in one line."""


@dataclass
class Rule:
    id: str
    kind: str
    severity: str = "error"
    description: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    source: str | None = None
    origin: str = ""  # file:line where the rule was defined
    examples: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True


@dataclass
class RuleSet:
    rules: dict[str, Rule] = field(default_factory=dict)
    vocab: dict[str, Any] = field(default_factory=dict)
    facts: list[dict[str, Any]] = field(default_factory=list)
    rates: dict[str, Any] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def for_kind(self, kind: str) -> list[Rule]:
        return [r for r in self.rules.values() if r.kind == kind and r.enabled]

    def rule(self, kind: str) -> Rule | None:
        """The enabled rule that judges claims of ``kind`` (the first one defined)."""
        rs = self.for_kind(kind)
        return rs[0] if rs else None

    def option(self, kind: str, key: str, default: Any = None) -> Any:
        r = self.rule(kind)
        return r.options.get(key, default) if r else default


def shipped_dir() -> Path:
    """The folder of shipped rule sets: package data when installed, ../rules in a source checkout."""
    try:
        p = Path(str(resources.files("factcheck.rules")))
        if (p / "core.yaml").is_file():
            return p
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "rules"


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.y*ml") if p.suffix in (".yaml", ".yml"))
    return [path]


def _load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RuleError(f"{path}: no such rule file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(f"{path}: cannot read ({e})") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise RuleError(f"{where}: invalid YAML: {problem}") from None


_RULE_KEYS = {"id", "kind", "severity", "description", "source", "examples", "enabled"}


def _merge_file(rs: RuleSet, path: Path, data: Any) -> None:
    if data is None:
        return
    if not isinstance(data, dict):
        raise RuleError(f"{path}:1:1: a rule file must be a mapping (ruleset:, rules:, vocabulary:, facts:)")
    for r in data.get("rules") or []:
        opts = {k: v for k, v in r.items() if k not in _RULE_KEYS}
        rule = Rule(id=r["id"], kind=r["kind"], severity=r.get("severity", "error"),
                    description=r.get("description", ""), options=opts, source=r.get("source"),
                    origin=str(path), examples=r.get("examples") or {}, enabled=r.get("enabled", True))
        rs.rules[rule.id] = rule
    for section, body in (data.get("vocabulary") or {}).items():
        if isinstance(body, dict) and isinstance(rs.vocab.get(section), dict):
            rs.vocab[section] = {**rs.vocab[section], **body}
        elif isinstance(body, list) and isinstance(rs.vocab.get(section), list):
            rs.vocab[section] = rs.vocab[section] + [x for x in body if x not in rs.vocab[section]]
        else:
            rs.vocab[section] = body
    for f in data.get("facts") or []:
        rs.facts.append({**f, "_file": str(path)})
    rates = data.get("reference_rates")
    if rates:
        tables = rs.rates.setdefault("tables", [])
        tables.extend({**t, "_file": str(path)} for t in rates.get("tables") or [])
        for k, v in rates.items():
            if k != "tables":
                rs.rates[k] = v
    rs.files.append(str(path))


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...]) -> RuleSet:
    rs = RuleSet()
    files = _files(shipped_dir())
    for p in paths:
        pp = Path(p)
        if not pp.exists():
            raise RuleError(f"{p}: no such rule file or folder")
        files += _files(pp)
    for f in files:
        _merge_file(rs, f, _load_yaml(f))
    known = set(rs.rules) | {r.kind for r in rs.rules.values()}
    for rid in select + ignore:
        if rid not in known:
            raise RuleError(f"unknown rule {rid!r} (see `factcheck rules list`)")
    for r in rs.rules.values():
        if select and r.id not in select and r.kind not in select:
            r.enabled = False
        if r.id in ignore or r.kind in ignore:
            r.enabled = False
    return rs


def load_rules(paths: list[str] | tuple[str, ...] = (), select: list[str] | tuple[str, ...] = (),
               ignore: list[str] | tuple[str, ...] = ()) -> RuleSet:
    """The shipped rule sets plus the user's, with --select/--ignore applied. Raises RuleError."""
    return _load(tuple(paths), tuple(select), tuple(ignore))
