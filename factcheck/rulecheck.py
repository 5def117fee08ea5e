"""Rule-file checking: parse YAML keeping every node's position, validate, say where it is wrong.

Every problem is one line, ``file:line:col: key.path: what is wrong``, e.g.

    house.yaml:12:11: rules[2].kind: unknown kind 'percentage' (expected one of percent_change, ...)

The checks are the JSON Schema in ``factcheck/schemas/ruleset.schema.json`` (validated with ``jsonschema``,
imported only here, only when a user's file is loaded or ``factcheck rules validate`` runs) and what a
schema cannot say: duplicate keys and rule ids, unknown kinds, patterns that do not compile or that
backtrack catastrophically, duplicate fact ids. Shipped files skip all this on a normal run (a test
validates them).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .kinds import KIND_NAMES as KINDS
from .yamlload import YamlLimitError, compose, loader_class

SEVERITIES = ("error", "warning", "info")
TOP_KEYS = ("ruleset", "description", "rules", "vocabulary", "facts", "reference_rates")

Key = tuple[Any, ...]
Mark = tuple[int, int]  # 1-based line, column


@dataclass(frozen=True)
class Problem:
    """One problem found in a rule file: where it is and what is wrong."""

    file: str
    line: int
    column: int
    key: str  # rules[2].kind ("" for the file as a whole)
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


@dataclass
class RuleFile:
    """A parsed rule file: its data and where each value (and each mapping key) sits in the text."""

    path: str  # as the user wrote it (for messages)
    data: Any
    marks: dict[Key, Mark]
    key_marks: dict[Key, Mark]
    problems: list[Problem]

    def mark(self, key: Key, of_key: bool = False) -> Mark:
        """Where ``key`` sits (its key when ``of_key``), or its nearest enclosing value."""
        table = self.key_marks if of_key else self.marks
        k = tuple(key)
        while k:
            if k in table:
                return table[k]
            if k in self.marks:
                return self.marks[k]
            k = k[:-1]
        return self.marks.get((), (1, 1))

    def problem(self, key: Key, message: str, of_key: bool = False) -> Problem:
        line, col = self.mark(key, of_key)
        return Problem(self.path, line, col, key_path(key), message)


def key_path(key: Key) -> str:
    out = ""
    for k in key:
        if isinstance(k, int):
            out += f"[{k}]"
        else:
            out += ("." if out else "") + str(k)
    return out


def parse(path: str, text: str) -> RuleFile:
    """Compose ``text`` into data plus the position of every node; YAML errors become one problem.

    Composing is bounded (yamlload.py): an alias bomb, deep nesting or a recursive alias is one problem
    at the line where the limit is crossed, found before anything walks the expanded data."""
    rf = RuleFile(path, None, {}, {}, [])
    loader = loader_class()(text)
    try:
        node = compose(loader)
        if node is None:
            return rf
        _walk(loader, node, (), rf, set())
        rf.data = loader.construct_document(node)
    except YamlLimitError as e:
        mark = e.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        rf.problems.append(Problem(path, line, col, "", f"{e.problem}; not loaded"))
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = (e.problem or e.context or "invalid YAML").strip()
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        ctx = e.context_mark
        if e.context and ctx is not None and mark is not None and ctx.line != mark.line:
            problem += f" ({e.context.strip()} at line {ctx.line + 1}, column {ctx.column + 1})"
        rf.problems.append(Problem(path, line, col, "", f"invalid YAML: {problem}"))
    except yaml.YAMLError as e:
        rf.problems.append(Problem(path, 0, 0, "", f"invalid YAML: {str(e).splitlines()[0]}"))
    finally:
        loader.dispose()
    return rf


def _walk(loader: Any, node: yaml.Node, key: Key, rf: RuleFile, active: set[int]) -> None:
    rf.marks.setdefault(key, (node.start_mark.line + 1, node.start_mark.column + 1))
    if id(node) in active:  # a recursive alias
        return
    active.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, Mark] = {}
        for k_node, v_node in node.value:
            if k_node.tag == "tag:yaml.org,2002:merge":
                continue
            k = loader.construct_object(k_node, deep=True) if isinstance(k_node, yaml.ScalarNode) else str(k_node)
            if not isinstance(k, str | int | float | bool | None):
                k = str(k)
            kmark = (k_node.start_mark.line + 1, k_node.start_mark.column + 1)
            if k in seen:
                rf.problems.append(Problem(rf.path, *kmark, key_path((*key, k)),
                                           f"duplicate key (first at line {seen[k][0]}; YAML keeps only the last)"))
            seen[k] = kmark
            rf.key_marks[(*key, k)] = kmark
            _walk(loader, v_node, (*key, k), rf, active)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(loader, item, (*key, i), rf, active)
    active.discard(id(node))


# ------------------------------------------------------------------------------------------------- schema

def schema_path() -> Path:
    return Path(__file__).resolve().parent / "schemas" / "ruleset.schema.json"


@cache
def schema() -> dict:
    return json.loads(schema_path().read_text(encoding="utf-8"))


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


_TYPE_WORDS = {"object": "a mapping", "array": "a list", "string": "a text", "number": "a number",
               "integer": "a whole number", "boolean": "true or false", "null": "nothing"}


def _yaml_type(v: Any) -> str:
    if v is None:
        return "nothing"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, int | float):
        return "a number"
    if isinstance(v, str):
        return f"the text {v!r}" if len(v) <= 30 else "a text"
    return type(v).__name__


def _schema_problem(rf: RuleFile, err: Any) -> Problem:
    key: Key = tuple(err.absolute_path)
    v, inst, sch = err.validator, err.instance, err.schema
    if v == "required":
        missing = [k for k in err.validator_value if not (isinstance(inst, dict) and k in inst)]
        what = missing[0] if missing else "?"
        extra = " (a currency fact needs its ISO 4217 code)" if what == "unit" else ""
        return rf.problem(key, f"missing required key '{what}'{extra}")
    if v == "dependentRequired":
        for k, needs in err.validator_value.items():
            if isinstance(inst, dict) and k in inst:
                for n in needs:
                    if n not in inst:
                        return rf.problem(key, f"missing key '{n}' (a rule with '{k}' needs '{n}')")
    if v == "additionalProperties" and isinstance(inst, dict):
        allowed = sch.get("properties", {})
        unknown = sorted((k for k in inst if k not in allowed), key=str)
        k = unknown[0] if unknown else "?"
        return rf.problem((*key, k), f"unknown key (expected one of {', '.join(allowed)})", of_key=True)
    if "errorMessage" in sch:
        return rf.problem(key, f"{sch['errorMessage']}; got {_yaml_type(inst)}")
    if v == "enum":
        name: str = key[-1] if key and isinstance(key[-1], str) else "value"
        choices = ", ".join(str(c) for c in err.validator_value)
        return rf.problem(key, f"unknown {name} {inst!r} (expected one of {choices})")
    if v == "type":
        types: list[str] = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        want = " or ".join(_TYPE_WORDS.get(t, t) for t in types)
        return rf.problem(key, f"expected {want}, got {_yaml_type(inst)}")
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bounds = [f"{word} {sch[k]:g}" for k, word in (("exclusiveMinimum", "more than"), ("minimum", "at least"),
                                                       ("exclusiveMaximum", "less than"), ("maximum", "at most"))
                  if isinstance(sch.get(k), int | float)]
        return rf.problem(key, f"{inst!r} is out of range: it must be {' and '.join(bounds)}")
    if v in ("minItems", "maxItems", "minLength"):
        return rf.problem(key, f"{err.message}")
    return rf.problem(key, err.message)


def schema_problems(rf: RuleFile) -> list[Problem]:
    """The file against the JSON Schema: one problem per offending place, in file order."""
    by_place: dict[Key, Any] = {}
    for err in _validator().iter_errors(rf.data):
        place = tuple(err.absolute_path)
        prev = by_place.get(place)
        if prev is None or _priority(err) < _priority(prev):
            by_place[place] = err
    # An error inside a place that already has one says the same thing again.
    places = sorted(by_place, key=len)
    kept = [p for p in places if not any(q != p and p[:len(q)] == q for q in places)]
    probs = [_schema_problem(rf, by_place[p]) for p in kept]
    return sorted(probs, key=lambda p: (p.line, p.column))


def _priority(err: Any) -> int:
    order = ("type", "required", "dependentRequired", "enum", "additionalProperties")
    return order.index(err.validator) if err.validator in order else len(order)


# ------------------------------------------------------------------------------------------------- semantics

def semantic_problems(rf: RuleFile, seen_ids: dict[str, str]) -> list[Problem]:
    """What the schema cannot say. ``seen_ids`` (id -> where) spans the user's files only: a shipped id
    may be redefined on purpose (that is how a user overrides a shipped rule)."""
    from .claims.patterns import PatternError, check_pattern

    out: list[Problem] = []
    data = rf.data if isinstance(rf.data, dict) else {}
    rules: list[Any] = data["rules"] if isinstance(data.get("rules"), list) else []
    for i, r in enumerate(rules):
        if not isinstance(r, dict):
            continue
        rid, kind = r.get("id"), r.get("kind")
        if isinstance(rid, str):
            where = f"{rf.path}:{rf.mark(('rules', i, 'id'))[0]}"
            if rid in seen_ids:
                out.append(rf.problem(("rules", i, "id"), f"duplicate rule id '{rid}' (first defined at "
                                      f"{seen_ids[rid]})"))
            else:
                seen_ids[rid] = where
        if isinstance(kind, str) and kind not in KINDS and "pattern" not in r:
            out.append(rf.problem(("rules", i, "kind"), f"unknown kind '{kind}' (expected one of "
                                  f"{', '.join(KINDS)}; a rule of a new kind needs a `pattern`)"))
        pat = r.get("pattern")
        if isinstance(pat, str) and pat:
            try:
                check_pattern(pat, bool(r.get("ignore_case")))
            except PatternError as e:
                out.append(rf.problem(("rules", i, "pattern"), str(e)))
    out += vocabulary_problems(rf)
    out += non_finite_problems(rf)
    facts: list[Any] = data["facts"] if isinstance(data.get("facts"), list) else []
    fact_ids: dict[str, int] = {}
    for i, f in enumerate(facts):
        fid = f.get("id") if isinstance(f, dict) else None
        if isinstance(fid, str):
            line = rf.mark(("facts", i, "id"))[0]
            if fid in fact_ids:
                out.append(rf.problem(("facts", i, "id"), f"duplicate fact id '{fid}' (first at line {fact_ids[fid]})"))
            fact_ids.setdefault(fid, line)
    return out


def non_finite_problems(rf: RuleFile) -> list[Problem]:
    """``.nan`` and ``.inf`` anywhere: no option, fact or rate means them (and NaN passes every ``minimum``)."""
    out: list[Problem] = []
    stack: list[tuple[Key, Any]] = [((), rf.data)]
    while stack:
        key, v = stack.pop()
        if isinstance(v, float) and not math.isfinite(v):
            out.append(rf.problem(key, f"{v} is not a number a rule file can use (a finite number is needed)"))
        elif isinstance(v, dict):
            stack.extend(((*key, k), x) for k, x in v.items())
        elif isinstance(v, list):
            stack.extend(((*key, i), x) for i, x in enumerate(v))
    return out


# ------------------------------------------------------------------------------------------------- vocabulary
# A user's ``vocabulary:`` section must have the shape of the shipped section of that name (the code that
# reads it expects that shape): ``scale_words: 5`` is reported here rather than breaking every run.

Shape = Any  # "number" | "text" | "bool" | "null" | ("map" | "list", frozenset[Shape])


def _shape(v: Any) -> Shape:
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int | float):
        return "number"
    if isinstance(v, str):
        return "text"
    if isinstance(v, dict):
        return ("map", frozenset(_shape(x) for x in v.values()))
    if isinstance(v, list):
        return ("list", frozenset(_shape(x) for x in v))
    return "null" if v is None else type(v).__name__


@cache
def vocabulary_shapes() -> dict[str, Shape]:
    """Section -> shape, from the shipped vocabulary and packs."""
    from .ruleset import _pack, _shipped, build, packs_dir

    parsed = [*_shipped(), *(_pack(str(p)) for p in sorted(packs_dir().glob("*.yaml")))]
    return {k: _shape(v) for k, v in build(parsed).vocab.items()}


def _fits(v: Any, shape: Shape) -> bool:
    if isinstance(shape, str):
        return _shape(v) == shape if not isinstance(v, dict | list) else False
    kind, inner = shape
    if kind == "map" and isinstance(v, dict):
        return not inner or all(any(_fits(x, t) for t in inner) for x in v.values())
    if kind == "list" and isinstance(v, list):
        return not inner or all(any(_fits(x, t) for t in inner) for x in v)
    return False


def _shape_name(shape: Shape, plural: bool = False) -> str:
    words = {"number": ("a number", "numbers"), "text": ("a text", "texts"), "bool": ("true or false", "true/false"),
             "null": ("nothing", "nothing")}
    if isinstance(shape, str):
        return words.get(shape, (shape, shape))[plural]
    kind, inner = shape
    name = ("mappings" if plural else "a mapping") if kind == "map" else ("lists" if plural else "a list")
    if inner:
        name += (" to " if kind == "map" else " of ") + " or ".join(sorted(_shape_name(t, True) for t in inner))
    return name


def _misfit(v: Any, shape: Shape, key: Key) -> tuple[Key, str] | None:
    """Where ``v`` stops fitting ``shape`` (the deepest place) and what was expected there."""
    if _fits(v, shape):
        return None
    if isinstance(shape, tuple) and shape[1]:
        kind, inner = shape
        items = v.items() if kind == "map" and isinstance(v, dict) else \
            enumerate(v) if kind == "list" and isinstance(v, list) else ()
        for k, x in items:
            if not any(_fits(x, t) for t in inner):
                if len(inner) == 1:
                    return _misfit(x, next(iter(inner)), (*key, k))
                return (*key, k), " or ".join(sorted(_shape_name(t) for t in inner))
    return key, _shape_name(shape)


def vocabulary_problems(rf: RuleFile) -> list[Problem]:
    data = rf.data if isinstance(rf.data, dict) else {}
    vocab = data.get("vocabulary")
    if not isinstance(vocab, dict):
        return []
    import difflib

    known = vocabulary_shapes()
    out: list[Problem] = []
    for section, body in vocab.items():
        key: Key = ("vocabulary", section)
        if section not in known:
            close = difflib.get_close_matches(str(section), list(known), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "see the shipped rules/vocabulary.yaml"
            out.append(rf.problem(key, f"unknown vocabulary section ({hint})", of_key=True))
            continue
        bad = _misfit(body, known[section], key)
        if bad is not None:
            where, expected = bad
            got = rf.data
            for k in where:
                got = got[k]
            out.append(rf.problem(where, f"expected {expected}, got {_yaml_type(got)}"))
    return out


def check_file(path: str, text: str, seen_ids: dict[str, str] | None = None) -> RuleFile:
    """Parse and fully check one rule file; ``problems`` lists everything wrong, in file order."""
    rf = parse(path, text)
    if rf.problems:
        return rf
    if rf.data is None:
        return rf
    if not isinstance(rf.data, dict):
        rf.problems.append(rf.problem((), f"a rule file is a mapping with keys {', '.join(TOP_KEYS)}; "
                                          f"got {_yaml_type(rf.data)}"))
        return rf
    found = schema_problems(rf)
    bad = [p.key for p in found]
    for p in semantic_problems(rf, seen_ids if seen_ids is not None else {}):
        if not any(p.key == k or p.key.startswith((k + ".", k + "[")) for k in bad):
            found.append(p)
    rf.problems += sorted(found, key=lambda p: (p.line, p.column))
    return rf
