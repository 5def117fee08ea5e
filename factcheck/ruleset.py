"""Rule sets: load, merge and validate the YAML under rules/ and the user's ``--rules`` paths.

A rule file is a mapping with any of these top-level keys (all optional):

    ruleset: NAME              # the file's name for itself
    description: TEXT
    rules: [RULE...]           # id, kind, severity, options, examples (see rules/core.yaml)
    vocabulary: {SECTION: ...} # merged section by section; later files win (see rules/vocabulary.yaml)
    facts: [FACT...]           # reference figures with their sources (see rules/facts/)
    reference_rates: {...}     # dated currency rates with sources (see rules/rates.yaml)

The JSON Schema for these files is ``factcheck/schemas/ruleset.schema.json``.

What loads, in order: the shipped sets (``rules/*.yaml`` and ``rules/facts/*.yaml``), then each ``--rules``
path (a file; a folder: its *.yaml, sorted, recursively; or the bare name of a shipped optional pack
under ``rules/packs/``, e.g. ``--rules house-style``). A rule whose id is already defined replaces it
in place: that is how a user overrides a shipped rule. Two user files (or one) defining the same id is
an error. ``--select`` / ``--ignore`` then switch rules by id or kind.

User files are checked in full (rulecheck.py: JSON Schema, duplicate ids, unknown kinds, patterns that
do not compile or backtrack catastrophically) and every error is reported as ``file:line:col: key: what``.
Shipped files are trusted on a normal run (tests validate them) and parsed once per process with the C
YAML loader, so a git hook's run stays fast; ``jsonschema`` is imported only for user files.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any


class RuleError(Exception):
    """A rule file that cannot be used: ``file:line:col: key: what is wrong``, one line per problem.

    ``str(e)`` is the first problem (what a check run prints); ``e.problems`` has them all.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]


@dataclass
class Rule:
    """One rule: its id, severity, tolerance and options."""

    id: str
    kind: str
    severity: str = "error"
    description: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    source: str | None = None
    origin: str = ""  # file:line where the rule was defined
    examples: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True
    shipped: bool = False


@dataclass
class RuleSet:
    """The rules, the vocabulary and the fact packs a run uses."""

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


_RULE_KEYS = {"id", "kind", "severity", "description", "source", "examples", "enabled"}


# ------------------------------------------------------------------------------------------------- where

def shipped_dir() -> Path:
    """The folder of shipped rule sets: package data when installed, ../rules in a source checkout."""
    here = Path(__file__).resolve().parent
    for p in (here / "rules", here.parent / "rules"):  # installed wheel, then source checkout
        if (p / "core.yaml").is_file():
            return p
    from importlib import resources  # the last resort only: it imports tempfile, zipfile and more (3 ms)

    try:
        p = Path(str(resources.files("factcheck.rules")))
        if (p / "core.yaml").is_file():
            return p
    except (ModuleNotFoundError, TypeError):
        pass
    return here.parent / "rules"


def packs_dir() -> Path:
    return shipped_dir() / "packs"


def pack_names() -> list[str]:
    """Shipped optional packs, loaded only when named (``--rules house-style``)."""
    d = packs_dir()
    return sorted(p.stem for p in d.glob("*.yaml")) if d.is_dir() else []


def shipped_files() -> list[Path]:
    """The shipped files that load on every run: rules/*.yaml, then rules/facts/*.yaml."""
    d = shipped_dir()
    return sorted(d.glob("*.yaml")) + sorted((d / "facts").glob("*.yaml"))


def display(path: Path | str) -> str:
    """A path as messages show it: relative to the working folder when it is inside it."""
    p = str(path)
    if os.path.isabs(p):
        try:
            rel = os.path.relpath(p)
            if not rel.startswith(".."):
                return rel
        except ValueError:
            pass
    return p


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def resolve(spec: str) -> tuple[list[Path], bool]:
    """The files a ``--rules`` argument names, and whether they are shipped (a pack)."""
    p = Path(spec)
    if p.is_dir():
        return _yaml_files(p), False
    if p.is_file() or (os.sep in spec or "/" in spec) and os.path.lexists(p):
        return [p], False  # a file, or something that only looks like one (reading it says what it is)
    if "/" not in spec and os.sep not in spec:
        name = spec.removesuffix(".yaml").removesuffix(".yml")
        pack = packs_dir() / f"{name}.yaml"
        if pack.is_file():
            return [pack], True
    packs = ", ".join(pack_names()) or "none"
    raise RuleError(f"{spec}: no such rule file or folder (shipped packs: {packs})")


# ------------------------------------------------------------------------------------------------- reading

MAX_RULE_FILE = 4 * 1024 * 1024  # bytes; the shipped rate table, the largest rule file, is 30 KB


def _read(path: Path, shown: str) -> str:
    """A rule file's text: a regular file of at most MAX_RULE_FILE bytes (never a FIFO or a device), UTF-8."""
    from .document import InputError, read_regular

    try:
        data = read_regular(str(path), MAX_RULE_FILE, "rule file", name=shown, flag=False)
    except InputError as e:
        msg = str(e)
        raise RuleError(f"{shown}: no such rule file" if msg.endswith(": no such file") else msg) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise RuleError(f"{shown}: not valid UTF-8 (byte offset {e.start})") from None


_ID_LINE = re.compile(r"^\s*-\s*id:\s*[\"']?([^\"'\s#]+)", re.M)


def _id_lines(text: str) -> dict[str, int]:
    """Line of each ``- id: X`` in a trusted file (cheaper than composing it with marks)."""
    out: dict[str, int] = {}
    for m in _ID_LINE.finditer(text):
        out.setdefault(m.group(1), text.count("\n", 0, m.start()) + 1)
    return out


@dataclass
class Parsed:
    """One rule file, read: its data and the line of each rule and fact id."""

    shown: str
    data: Any
    lines: dict[str, int]
    shipped: bool


def _shown(path: Path) -> str:
    """Shipped files show as rules/<name> wherever factcheck runs from (stable in messages and tests)."""
    try:
        return "rules/" + path.resolve().relative_to(shipped_dir().resolve()).as_posix()
    except ValueError:
        return display(path)


def _trusted(path: Path) -> Parsed:
    import yaml  # only when the start-up cache (factcheck.cache) cannot serve the shipped files

    shown = _shown(path)
    text = _read(path, shown)
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else shown
        raise RuleError(f"{where}: invalid YAML: {getattr(e, 'problem', None) or e}") from None
    return Parsed(shown, data, _id_lines(text), True)


@lru_cache(maxsize=1)
def _shipped() -> tuple[Parsed, ...]:
    """The shipped files parsed, from the start-up cache when their bytes have not changed (factcheck.cache)."""
    from .cache import cached_build

    files = shipped_files()
    return cached_build("shipped-rules", files, lambda: tuple(_trusted(p) for p in files), _PARSED_CLASSES,
                        lambda got: isinstance(got, tuple) and all(isinstance(p, Parsed) for p in got))


# what a cached parse of the shipped files may contain besides plain data (YAML reads 2024-01-31 as a date)
_PARSED_CLASSES = {("factcheck.ruleset", "Parsed"), ("datetime", "date"), ("datetime", "datetime")}


@lru_cache(maxsize=16)
def _pack(path: str) -> Parsed:
    return _trusted(Path(path))


def check_user_file(path: Path, seen_ids: dict[str, str]) -> tuple[Parsed, list[str]]:
    """Parse and check a user's file: the parsed file and its problems (``file:line:col: ...``)."""
    from .rulecheck import check_file

    shown = str(path)
    rf = check_file(shown, _read(path, shown), seen_ids)
    lines: dict[str, int] = {}
    for key, (line, _col) in ([] if rf.problems else rf.marks.items()):
        if len(key) == 3 and key[0] in ("rules", "facts") and key[2] == "id":
            item = rf.data[key[0]][key[1]]
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                lines.setdefault(item["id"], line)
    return Parsed(shown, rf.data, lines, False), [str(p) for p in rf.problems]


# ------------------------------------------------------------------------------------------------- merging

def _rule(r: dict[str, Any], where: str, shipped: bool) -> Rule:
    return Rule(id=str(r["id"]), kind=str(r["kind"]), severity=r.get("severity", "error"),
                description=r.get("description", "") or "",
                options={k: v for k, v in r.items() if k not in _RULE_KEYS}, source=r.get("source"),
                origin=where, examples=r.get("examples") or {}, enabled=r.get("enabled", True) is not False,
                shipped=shipped)


def _merged(old: Any, new: Any) -> Any:
    """A later file's vocabulary entry over an earlier one's: mappings merge key by key at every depth (a user's
    ``linking: words: named_level_nouns`` adds that list and keeps the other word lists), lists gain the new
    items, anything else is replaced."""
    if isinstance(old, dict) and isinstance(new, dict):
        return {**old, **{k: _merged(old.get(k), v) for k, v in new.items()}}
    if isinstance(old, list) and isinstance(new, list):
        return old + [x for x in new if x not in old]
    return new


def _merge(rs: RuleSet, f: Parsed) -> None:
    data = f.data
    if data is None:
        rs.files.append(f.shown)
        return
    if not isinstance(data, dict):
        raise RuleError(f"{f.shown}:1:1: a rule file must be a mapping (ruleset:, rules:, vocabulary:, facts:)")
    for r in data.get("rules") or []:
        rid = str(r["id"])
        rs.rules[rid] = _rule(r, f"{f.shown}:{f.lines.get(rid, 1)}", f.shipped)
    for section, body in (data.get("vocabulary") or {}).items():
        rs.vocab[section] = _merged(rs.vocab.get(section), body)
    for fact in data.get("facts") or []:
        fid = str(fact.get("id"))
        entry = {**fact, "_file": f.shown, "_origin": f"{f.shown}:{f.lines.get(fid, 1)}"}
        old = next((i for i, x in enumerate(rs.facts) if str(x.get("id")) == fid), None)
        if old is None:
            rs.facts.append(entry)
        else:  # a fact with a known id replaces it (a user correcting a shipped figure)
            rs.facts[old] = entry
    rates = data.get("reference_rates")
    if rates:
        tables = rs.rates.setdefault("tables", [])
        tables.extend({**t, "_file": f.shown} for t in rates.get("tables") or [])
        for k, v in rates.items():
            if k != "tables":
                rs.rates[k] = v
    rs.files.append(f.shown)


def read_user_rules(paths: tuple[str, ...] | list[str]) -> tuple[list[Parsed], list[str], int]:
    """The user's files (and named packs), checked: parsed files, every problem, the number of files."""
    parsed: list[Parsed] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for spec in paths:
        files, is_pack = resolve(spec)
        for path in files:
            if is_pack:
                parsed.append(_pack(str(path)))
                continue
            p, probs = check_user_file(path, seen)
            problems += probs
            parsed.append(p)
    if not problems:
        problems = _unusable_vocabulary(parsed)
    return parsed, problems, len(parsed)


def _unusable_vocabulary(parsed: list[Parsed]) -> list[str]:
    """The user's vocabulary merged over the shipped one, compiled as extraction compiles it: what a run
    would trip on is reported here (so `rules validate` says "ok" only to files every run can load)."""
    users = [p for p in parsed if not p.shipped and isinstance(p.data, dict) and p.data.get("vocabulary")]
    if not users:
        return []
    from .claims.grammar import Grammar
    from .extract.lexicon import lexicon
    from .extract.words import grammar

    try:
        vocab = build([*_shipped(), *parsed]).vocab
        lexicon(vocab)
        grammar(vocab)
        Grammar(vocab)  # the linking grammar's templates
    except Exception as e:  # noqa: BLE001 - any failure here is the vocabulary's; say so instead of crashing
        where = users[-1].shown
        tid = re.match(r"linking grammar [\w-]+\.([\w-]+):", str(e))
        if tid is not None:  # the file and line of the template
            for u in reversed(users):
                line = _line_of_key(u, tid.group(1))
                if line:
                    where = f"{u.shown}:{line}"
                    break
        return [f"{where}: vocabulary: cannot be used ({type(e).__name__}: {e})"]
    return []


def _line_of_key(p: Parsed, key: str) -> int | None:
    """The first line of a user's rule file that defines ``key:``."""
    try:
        text = Path(p.shown).read_text(encoding="utf-8")
    except OSError:
        return None
    for k, line in enumerate(text.splitlines(), 1):
        if re.match(r"\s*['\"]?" + re.escape(key) + r"['\"]?\s*:", line):
            return k
    return None


def apply_switches(rs: RuleSet, select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    if not select and not ignore:
        return  # nothing to check or switch off (and rulecheck, a slow import, is not needed)
    from .rulecheck import KINDS

    known = set(rs.rules) | {r.kind for r in rs.rules.values()} | set(KINDS)
    for flag, names in (("--select", select), ("--ignore", ignore)):
        for rid in names:
            if rid not in known:
                raise RuleError(f"{flag}: unknown rule or kind {rid!r} (see `factcheck rules list`)")
    for r in rs.rules.values():
        if select and r.id not in select and r.kind not in select:
            r.enabled = False
        if r.id in ignore or r.kind in ignore:
            r.enabled = False


def build(parsed: list[Parsed]) -> RuleSet:
    rs = RuleSet()
    for f in parsed:
        _merge(rs, f)
    return rs


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...], stamp: tuple, select: tuple[str, ...], ignore: tuple[str, ...]) -> RuleSet:
    user, problems, _ = read_user_rules(paths)
    if problems:
        raise RuleError(problems[0], problems)
    rs = build([*_shipped(), *user])
    apply_switches(rs, select, ignore)
    return rs


def _stamp(paths: tuple[str, ...]) -> tuple:
    """What the user's files look like now (so an edited file is read again in a long-lived process)."""
    out = []
    for spec in paths:
        for p in resolve(spec)[0]:
            try:
                st = p.stat()
                out.append((str(p), st.st_mtime_ns, st.st_size))
            except OSError:
                out.append((str(p), 0, 0))
    return tuple(out)


def load_rules(paths: list[str] | tuple[str, ...] = (), select: list[str] | tuple[str, ...] = (),
               ignore: list[str] | tuple[str, ...] = ()) -> RuleSet:
    """The shipped rule sets plus the user's, with --select/--ignore applied. Raises RuleError."""
    paths = tuple(paths)
    return _load(paths, _stamp(paths), tuple(select), tuple(ignore))
