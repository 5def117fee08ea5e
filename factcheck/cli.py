"""cli: arguments (and config) → the pipeline → a report and an exit code.

Exit codes (CONTRACT.md): 0 nothing failed, 1 a finding failed (or warned, under --strict),
2 usage error, unreadable input or invalid rules.
"""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    name="factcheck",
    help="Check the arithmetic in press releases: every figure recomputed, every verdict explained.\n\n"
    "  factcheck article.txt              check one file (same as `factcheck check article.txt`)\n"
    "  factcheck extract article.txt      list every number-bearing mention\n"
    "  factcheck rules list               the rules in force",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Fmt(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    html = "html"


class ExtractFmt(StrEnum):
    text = "text"
    json = "json"


class Locale(StrEnum):
    auto = "auto"
    en = "en"
    de = "de"
    fr = "fr"
    tr = "tr"
    ro = "ro"


def die(msg: str, code: int = 2) -> None:
    """One clean line on stderr, then exit (no traceback for bad input)."""
    typer.echo(f"factcheck: {msg}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Check the arithmetic in press releases."""


DEFAULT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")


def collect_inputs(paths: list[str], include: list[str] | None = None,
                   exclude: list[str] | None = None) -> list[str]:
    """Files as given; folders walked recursively for the default suffixes (or --include globs)."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        pp = Path(p)
        if pp.is_dir():
            found = []
            for f in sorted(pp.rglob("*")):
                if not f.is_file() or any(part.startswith(".") for part in f.relative_to(pp).parts):
                    continue
                rel = str(f)
                if include:
                    if not any(f.match(g) for g in include):
                        continue
                elif f.suffix.lower() not in DEFAULT_SUFFIXES:
                    continue
                if exclude and any(f.match(g) for g in exclude):
                    continue
                found.append(rel)
            out.extend(found)
        else:
            if exclude and any(pp.match(g) for g in exclude):
                continue
            out.append(p)
    return out


def _load_rules(rules: list[str], select: list[str], ignore: list[str]):
    from .ruleset import RuleError, load_rules

    try:
        return load_rules(rules, _split(select), _split(ignore))
    except RuleError as e:
        die(str(e))


def _split(items: list[str] | None) -> list[str]:
    out: list[str] = []
    for it in items or []:
        out += [x.strip() for x in it.split(",") if x.strip()]
    return out


def _run_files(paths: list[str], rules, opts) -> list:
    from .document import InputError, read_path
    from .model import FileResult
    from .pipeline import run

    results = []
    for p in paths:
        try:
            doc = read_path(p)
        except InputError as e:
            typer.echo(f"factcheck: warning: {e}", err=True)
            results.append(FileResult(path=p, document=None, error=str(e)))
            continue
        results.append(run(doc, rules, opts))
    return results


FilesArg = Annotated[list[str], typer.Argument(help="Files or folders to check; - reads standard input.",
                                               show_default=False)]
RulesOpt = Annotated[list[str], typer.Option("--rules", "-r", help="Extra rule file or folder (repeatable).")]
SelectOpt = Annotated[list[str], typer.Option("--select", help="Only these rules (id or kind; repeatable).")]
IgnoreOpt = Annotated[list[str], typer.Option("--ignore", help="Switch these rules off (id or kind).")]
LocaleOpt = Annotated[Locale, typer.Option("--locale", help="How to read 1.059 / 2,732: auto decides per file.")]


@app.command()
def check(
    files: FilesArg,
    fmt: Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")] = Fmt.text,
    rules: RulesOpt = [],  # noqa: B006 - typer reads the default
    select: SelectOpt = [],  # noqa: B006
    ignore: IgnoreOpt = [],  # noqa: B006
    locale: LocaleOpt = Locale.auto,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date for currency rates (YYYY-MM-DD); "
                                                "default: the release's dateline.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as failures.")] = False,
    show_pass: Annotated[bool, typer.Option("--show-pass", help="List the claims that hold too.")] = False,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
) -> None:
    """Check every figure: link related numbers, recompute, report what does not hold.

    Examples:

      factcheck article.txt                     an editor, in a terminal

      factcheck --format github releases/       CI on a press-release repository

      factcheck --rules house/ --strict a.md    house rules, warnings fail too
    """
    from .pipeline import Options
    from .report import Context, render, summary

    as_of_date = None
    if as_of:
        try:
            as_of_date = date.fromisoformat(as_of)
        except ValueError:
            die(f"--as-of: {as_of!r} is not a date (YYYY-MM-DD)")
    ruleset = _load_rules(rules, select, ignore)
    inputs = collect_inputs(files)
    if not inputs:
        die("no input files found")
    results = _run_files(inputs, ruleset, Options(locale=locale.value, as_of=as_of_date))
    if all(r.error for r in results):
        die("nothing could be read")
    ctx = Context(command="check", show_pass=show_pass, strict=strict, rules=ruleset)
    _emit(render(fmt.value, results, ctx), output)
    s = summary(results)
    raise typer.Exit(1 if s["fail"] or (strict and s["warn"]) else 0)


def _emit(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as e:
            die(f"{output}: cannot write ({e.strerror or e})")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


@app.command()
def extract(
    files: FilesArg,
    fmt: Annotated[ExtractFmt, typer.Option("--format", "-f", help="Output format.")] = ExtractFmt.text,
    rules: RulesOpt = [],  # noqa: B006
    locale: LocaleOpt = Locale.auto,
) -> None:
    """List every number-bearing mention: type, value, unit, hedge.

    Example: factcheck extract --format json samples/otokar-romania.txt
    """
    from .pipeline import Options
    from .report import Context, render

    ruleset = _load_rules(rules, [], [])
    inputs = collect_inputs(files)
    if not inputs:
        die("no input files found")
    results = _run_files(inputs, ruleset, Options(locale=locale.value, check=False))
    if all(r.error for r in results):
        die("nothing could be read")
    _emit(render(fmt.value, results, Context(command="extract")), None)


COMMANDS = {"check", "extract", "rules", "init", "baseline", "install-hook", "--help", "-h", "--version",
            "--install-completion", "--show-completion"}


def _register_subapps() -> None:
    from .rulecli import rules_app

    app.add_typer(rules_app, name="rules")


_register_subapps()


def main() -> None:
    """Entry point: ``factcheck FILE...`` is short for ``factcheck check FILE...``."""
    argv = sys.argv[1:]
    if argv and argv[0] not in COMMANDS:
        argv = ["check", *argv]
    try:
        app(args=argv, prog_name="factcheck")
    except KeyboardInterrupt:
        typer.echo("factcheck: interrupted", err=True)
        sys.exit(130)
