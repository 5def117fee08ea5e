"""`factcheck rules ...`: list, show, validate and test rule sets.

    factcheck rules list [--rules PATH]   every rule: id, kind, severity, enabled, where it is defined
    factcheck rules show ID               one rule (or fact) in full
    factcheck rules validate PATH...      exit 0 "ok: N rules in M files", or one
                                          ``file:line:col: key: problem`` per line and exit 2
    factcheck rules test PATH...          run the pass/fail examples beside each rule and fact;
                                          exit 1 if any does not behave

``rules test`` is sqlfluff's YAML rule fixtures, kept beside the rule: each ``pass`` text must give no
fail or warn finding of that rule; each ``fail`` text must give a ``fail`` finding of it (``warn`` for a
rule whose severity is warning or info), and, where the example says ``expected:``, with that
``expected_text``. Without PATH, ``validate`` and ``test`` work on the shipped rule sets and packs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated, Any

import typer

from .cli import IgnoreOpt, RulesOpt, SelectOpt, _load_rules, die

rules_app = typer.Typer(help="List, show, validate and test rule sets.", no_args_is_help=True)

PathsArg = Annotated[list[str] | None, typer.Argument(
    help="Rule files, folders or shipped pack names [default: the shipped rule sets].", show_default=False,
    metavar="PATH...")]


def _table(rows: list[list[str]], head: list[str]) -> str:
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in [head, *rows]]
    return "\n".join(lines)


@rules_app.command("list")
def rules_list(rules: RulesOpt = [], select: SelectOpt = [], ignore: IgnoreOpt = []) -> None:  # noqa: B006
    """Every rule in force: id, kind, severity, enabled, where it is defined."""
    from .ruleset import pack_names

    ruleset = _load_rules(rules, select, ignore)
    rows = [[r.id, r.kind, r.severity, "yes" if r.enabled else "no", r.origin] for r in ruleset.rules.values()]
    typer.echo(_table(rows, ["ID", "KIND", "SEVERITY", "ENABLED", "DEFINED IN"]))
    packs = sorted({f["_file"] for f in ruleset.facts})
    typer.echo(f"\n{len(ruleset.facts)} reference facts from {', '.join(packs) or 'no fact packs'} "
               "(`factcheck rules show FACT-ID`)")
    names = pack_names()
    if names:
        typer.echo(f"optional packs: {', '.join(names)} (load one with --rules NAME)")


def _find_fact(ruleset: Any, fid: str) -> dict | None:
    return next((f for f in ruleset.facts if str(f.get("id")) == fid), None)


@rules_app.command("show")
def rules_show(rule_id: Annotated[str, typer.Argument(metavar="ID", help="A rule id or a fact id.")],
               rules: RulesOpt = []) -> None:  # noqa: B006
    """One rule (or reference fact) in full: options, tolerance, source, examples, where defined."""
    import yaml

    ruleset = _load_rules(rules, [], [])
    r = ruleset.rules.get(rule_id)
    if r is not None:
        body: dict[str, Any] = {"id": r.id, "kind": r.kind, "severity": r.severity, "enabled": r.enabled,
                                "description": r.description, **r.options, "source": r.source,
                                "defined_in": r.origin, "examples": r.examples or None}
    else:
        fact = _find_fact(ruleset, rule_id)
        if fact is None:
            die(f"unknown rule or fact {rule_id!r} (see `factcheck rules list`)")
            return
        body = {k: v for k, v in fact.items() if not k.startswith("_")}
        body["defined_in"] = fact.get("_origin")
    typer.echo(yaml.safe_dump({k: v for k, v in body.items() if v not in (None, "", {})},
                              sort_keys=False, allow_unicode=True, width=110).rstrip())


def _shipped_specs() -> list[str]:
    from .ruleset import display, packs_dir, shipped_files

    return [display(p) for p in [*shipped_files(), *sorted(packs_dir().glob("*.yaml"))]]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@rules_app.command("validate")
def rules_validate(paths: PathsArg = None) -> None:
    """Check rule files against the schema and more; errors print as file:line:col: key: problem (exit 2)."""
    from .ruleset import RuleError, read_user_rules

    specs = paths or _shipped_specs()
    try:
        parsed, problems, n_files = read_user_rules([_as_user(s) for s in specs])
    except RuleError as e:
        die(str(e))
        return
    if problems:
        for p in problems:
            typer.echo(p, err=True)
        raise typer.Exit(2)
    n_rules = sum(len(p.data.get("rules") or []) for p in parsed if isinstance(p.data, dict))
    n_facts = sum(len(p.data.get("facts") or []) for p in parsed if isinstance(p.data, dict))
    facts = f" and {_plural(n_facts, 'fact')}" if n_facts else ""
    typer.echo(f"ok: {_plural(n_rules, 'rule')}{facts} in {_plural(n_files, 'file')}")


def _as_user(spec: str) -> str:
    """A pack name as the path of its file, so `validate house-style` checks it in full."""
    from .ruleset import RuleError, display, resolve

    try:
        files, is_pack = resolve(spec)
    except RuleError:
        return spec
    return display(files[0]) if is_pack and files else spec


# ------------------------------------------------------------------------------------------------- test

@dataclass
class Example:
    """A rule's example text and the findings it is expected to give."""

    owner: str  # rule id or fact id
    is_fact: bool
    expect: str  # pass | fail
    index: int
    text: str
    expected: Any = None

    @property
    def label(self) -> str:
        return f"{self.owner} {self.expect}[{self.index}]"


def _examples(owner: str, is_fact: bool, ex: Any) -> list[Example]:
    out: list[Example] = []
    if not isinstance(ex, dict):
        return out
    for expect in ("pass", "fail"):
        for i, item in enumerate(ex.get(expect) or [], 1):
            if isinstance(item, dict):
                out.append(Example(owner, is_fact, expect, i, str(item.get("text", "")), item.get("expected")))
            else:
                out.append(Example(owner, is_fact, expect, i, str(item)))
    return out


def _ruleset_for(ruleset: Any, ex: Example) -> Any:
    """The rule set with the example's rule switched on (an optional rule is tested too)."""
    if ex.is_fact:
        rule = ruleset.rule("fact") or ruleset.rules.get("fact")
        if rule is None or rule.enabled:
            return ruleset
        return replace(ruleset, rules={**ruleset.rules, rule.id: replace(rule, enabled=True)})
    rule = ruleset.rules[ex.owner]
    return ruleset if rule.enabled else replace(ruleset, rules={**ruleset.rules, rule.id: replace(rule, enabled=True)})


def _belongs(f: Any, ex: Example) -> bool:
    if ex.is_fact:
        return f.kind == "fact" and f"(fact {ex.owner}," in f.message
    return f.rule == ex.owner


def run_example(ruleset: Any, ex: Example) -> str | None:
    """None when the example behaves; otherwise why not, in a few words."""
    from .model import Document
    from .pipeline import run

    rs = _ruleset_for(ruleset, ex)
    try:
        result = run(Document(path="<example>", text=ex.text), rs)
    except Exception as e:  # noqa: BLE001 - a broken example must not stop the others
        return f"the checker failed on it ({type(e).__name__}: {e})"
    mine = [f for f in result.findings if _belongs(f, ex)]
    flagged = [f for f in mine if f.status in ("fail", "warn")]
    if ex.expect == "pass":
        if flagged:
            return f"expected no finding, got {flagged[0].status}: {flagged[0].message}"
        return None
    severity = ruleset.rules["fact"].severity if ex.is_fact and "fact" in ruleset.rules else (
        ruleset.rules[ex.owner].severity if not ex.is_fact else "error")
    want = "fail" if severity == "error" else "warn"
    hits = [f for f in mine if f.status == want]
    if not hits:
        got = f"got {flagged[0].status}: {flagged[0].message}" if flagged else "got none"
        return f"expected a {want} finding of {ex.owner}, {got}"
    if ex.expected is not None:
        exp = str(ex.expected)
        if not any(f.expected_text == exp for f in hits):
            return f"expected {exp!r}, got {hits[0].expected_text!r}"
    return None


def _short(text: str, n: int = 70) -> str:
    t = text.replace("\n", " ⏎ ")
    return t if len(t) <= n else t[: n - 1] + "…"


@rules_app.command("test")
def rules_test(paths: PathsArg = None) -> None:
    """Run the pass/fail examples written beside each rule and fact; exit 1 if any does not behave."""
    from .ruleset import RuleError, load_rules, read_user_rules

    specs = [_as_user(s) for s in (paths or _shipped_specs())]
    try:
        parsed, problems, _ = read_user_rules(specs)
        if problems:
            for p in problems:
                typer.echo(p, err=True)
            raise typer.Exit(2)
        ruleset = load_rules(specs)
    except RuleError as e:
        die(str(e))
        return
    examples: list[Example] = []
    for pf in parsed:
        data = pf.data if isinstance(pf.data, dict) else {}
        for r in data.get("rules") or []:
            examples += _examples(str(r["id"]), False, r.get("examples"))
        for f in data.get("facts") or []:
            examples += _examples(str(f["id"]), True, f.get("examples"))
    failed = 0
    for ex in examples:
        why = run_example(ruleset, ex)
        mark = "✓" if why is None else "✗"
        line = f"{mark} {ex.label}: {_short(ex.text)}"
        if why is not None:
            failed += 1
            line += f"\n    {why}"
        typer.echo(line)
    typer.echo(f"{_plural(len(examples), 'example')}: {len(examples) - failed} behaved, {failed} did not")
    if failed:
        raise typer.Exit(1)
