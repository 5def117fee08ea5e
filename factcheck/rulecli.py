"""`factcheck rules ...`: list, show, validate and test rule sets."""

from __future__ import annotations

from typing import Annotated

import typer

from .cli import RulesOpt, _load_rules, die

rules_app = typer.Typer(help="List, show, validate and test rule sets.", no_args_is_help=True)


@rules_app.command("list")
def rules_list(rules: RulesOpt = []) -> None:  # noqa: B006
    """Every rule in force: id, kind, severity, where it comes from."""
    ruleset = _load_rules(rules, [], [])
    for r in ruleset.rules.values():
        typer.echo(f"{r.id:28} {r.kind:20} {r.severity:8} {r.description}")


@rules_app.command("show")
def rules_show(rule_id: str, rules: RulesOpt = []) -> None:  # noqa: B006
    """One rule in full: options, tolerance, source, examples."""
    import yaml

    ruleset = _load_rules(rules, [], [])
    r = ruleset.rules.get(rule_id)
    if r is None:
        die(f"unknown rule {rule_id!r} (see `factcheck rules list`)")
    body = {"id": r.id, "kind": r.kind, "severity": r.severity, "description": r.description,
            **r.options, "source": r.source, "defined_in": r.origin, "examples": r.examples or None}
    typer.echo(yaml.safe_dump({k: v for k, v in body.items() if v not in (None, "", {})},
                              sort_keys=False, allow_unicode=True).rstrip())


@rules_app.command("validate")
def rules_validate(paths: Annotated[list[str], typer.Argument(help="Rule files or folders.")]) -> None:
    """Check rule files; errors print as file:line:col with the offending key."""
    from .ruleset import RuleError, load_rules

    try:
        load_rules(paths)
    except RuleError as e:
        die(str(e))
    typer.echo(f"ok: {len(paths)} path(s) valid")
