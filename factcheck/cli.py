"""cli: arguments (and config) → the pipeline → a report and an exit code.

Exit codes (CONTRACT.md): 0 nothing failed, 1 a finding failed (or warned, under --strict / --fail-on warn),
2 usage error, unreadable input, invalid rules or configuration. Settings come from the configuration
file found upward (config.py); a flag given on the command line replaces the configured value.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

import typer

from . import __version__

ROOT_HELP = """Check the arithmetic in press releases: every figure recomputed, every verdict explained.

\b
  factcheck article.txt                  check one file (short for `factcheck check article.txt`)
  factcheck --fix article.md             rewrite the wrong figures where the correction is unambiguous
  factcheck extract article.txt          list every number-bearing mention
  factcheck rules list                   the rules in force
  factcheck init                         write a starter .factcheck.yaml and an example rule set
  factcheck install-hook                 check staged files on every `git commit`
  factcheck baseline releases/           record today's findings; then `--baseline FILE` shows only new ones

\b
Exit codes: 0 nothing failed, 1 a figure failed (or warned, with --strict),
2 usage error, unreadable input, invalid rules or configuration.
"""

app = typer.Typer(
    name="factcheck",
    help=ROOT_HELP,
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
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
    html = "html"


class Locale(StrEnum):
    auto = "auto"
    en = "en"
    de = "de"
    fr = "fr"
    tr = "tr"
    ro = "ro"


class FailOn(StrEnum):
    fail = "fail"
    warn = "warn"
    never = "never"


def die(msg: str, code: int = 2) -> None:
    """One clean line on stderr, then exit (no traceback for bad input)."""
    typer.echo(f"factcheck: {msg}", err=True)
    raise typer.Exit(code)


def note(msg: str) -> None:
    typer.echo(f"factcheck: {msg}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Check the arithmetic in press releases."""


# ---------------------------------------------------------------------------------------------- inputs

DEFAULT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")


def _matches(rel: PurePosixPath, globs: list[str], folders: bool = False) -> bool:
    """A glob matches the relative path, its file name, or (``folders``) one of its parent folders."""
    candidates = [rel]
    if folders:
        candidates += [p for p in rel.parents if str(p) != "."]
    for g in globs:
        g = g.rstrip("/")
        for c in candidates:
            if fnmatch(c.as_posix(), g) or fnmatch(c.name, g) or c.match(g):
                return True
    return False


def collect_inputs(paths: list[str], include: list[str] | None = None,
                   exclude: list[str] | None = None) -> list[str]:
    """Files as given (unless excluded); folders walked recursively for the default suffixes (or --include).

    Hidden files and folders are skipped in a walk; symbolic links to folders are not followed.
    """
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        if os.path.isdir(p):
            out.extend(_walk(p, include or [], exclude or []))
        elif not (exclude and _matches(PurePosixPath(Path(p).as_posix()), exclude, folders=True)):
            out.append(p)
    return out


def _walk(top: str, include: list[str], exclude: list[str]) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = os.path.join(folder, name)
            rel = PurePosixPath(Path(os.path.relpath(full, top)).as_posix())
            if include:
                if not _matches(rel, include):
                    continue
            elif rel.suffix.lower() not in DEFAULT_SUFFIXES:
                continue
            if exclude and _matches(rel, exclude, folders=True):
                continue
            found.append(full)
    return found


def _split(items: list[str] | None) -> list[str]:
    out: list[str] = []
    for it in items or []:
        out += [x.strip() for x in it.split(",") if x.strip()]
    return out


def _load_rules(rules: list[str], select: list[str], ignore: list[str]):
    from .ruleset import RuleError, load_rules

    try:
        return load_rules(rules, _split(select), _split(ignore))
    except RuleError as e:
        die(str(e))


# ---------------------------------------------------------------------------------------------- settings


@dataclass
class Settings:
    """Flags merged over the configuration file."""

    fmt: str = "text"
    rules: list[str] | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    locale: str = "auto"
    as_of: date | None = None
    fail_on: str = "fail"
    show_pass: bool = False
    include: list[str] | None = None
    exclude: list[str] | None = None
    baseline: str | None = None
    jobs: int = 0


def _config(path: str | None, disabled: bool):
    from .config import ConfigError, discover

    try:
        return discover(path, disabled)
    except ConfigError as e:
        die(str(e))


def _pick(flag: Any, cfg, key: str, default: Any) -> Any:
    if flag is not None and flag != []:
        return flag.value if isinstance(flag, StrEnum) else flag
    return cfg.get(key, default)


def _as_of(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        die(f"--as-of: {text!r} is not a date (YYYY-MM-DD)")
    return None


def _settings(cfg, *, fmt=None, rules=None, select=None, ignore=None, locale=None, as_of=None, strict=None,
              fail_on=None, show_pass=None, include=None, exclude=None, baseline=None, jobs=None) -> Settings:
    if fail_on is not None:
        fo = fail_on.value
    elif strict is not None:
        fo = "warn" if strict else "fail"
    else:
        fo = cfg.get("fail_on") or ("warn" if cfg.get("strict") else "fail")
    if jobs is not None and jobs < 0:
        die("--jobs must be 0 (one per core) or more")
    return Settings(
        fmt=_pick(fmt, cfg, "format", "text"), rules=_pick(rules, cfg, "rules", []),
        select=_pick(select, cfg, "select", []), ignore=_pick(ignore, cfg, "ignore", []),
        locale=_pick(locale, cfg, "locale", "auto"), as_of=_as_of(as_of) or cfg.get("as_of"), fail_on=fo,
        show_pass=_pick(show_pass, cfg, "show_pass", False), include=_pick(include, cfg, "include", []),
        exclude=_pick(exclude, cfg, "exclude", []), baseline=_pick(baseline, cfg, "baseline", None),
        jobs=_pick(jobs, cfg, "jobs", 0))


# ---------------------------------------------------------------------------------------------- running


def _tasks(files: list[str] | None, s: Settings, staged: bool) -> list:
    from .runner import Task

    if staged:
        return _staged_tasks(files, s)
    if not files:
        die("no input files given (try `factcheck --help`)")
    inputs = collect_inputs(files or [], _split(s.include), _split(s.exclude))
    if not inputs:
        die("no input files found (folders contribute " + (", ".join(s.include or []) or
                                                             " ".join(DEFAULT_SUFFIXES)) + ")")
    return [Task(p, sys.stdin.buffer.read()) if p == "-" else Task(p) for p in inputs]


def _staged_tasks(files: list[str] | None, s: Settings) -> list:
    from .hooks import HookError, staged_bytes, staged_files
    from .runner import Task

    if files:
        die("--staged checks what `git add` staged; give no files with it")
    include, exclude = _split(s.include), _split(s.exclude)
    try:
        tasks = []
        for shown, name in staged_files():
            rel = PurePosixPath(name)
            wanted = _matches(rel, include) if include else rel.suffix.lower() in DEFAULT_SUFFIXES
            if wanted and not (exclude and _matches(rel, exclude, folders=True)):
                tasks.append(Task(shown, staged_bytes(name)))
    except HookError as e:
        die(str(e))
    return tasks


def _run(tasks: list, s: Settings, check: bool = True, quiet_errors: bool = False) -> tuple[list, Any]:
    """Run every task; unreadable files get one warning line on stderr (unless the report shows it)."""
    from .pipeline import Options
    from .runner import RuleArgs, run_all

    ruleset = _load_rules(s.rules or [], s.select or [], s.ignore or [])
    rule_args = RuleArgs(tuple(s.rules or []), tuple(_split(s.select)), tuple(_split(s.ignore)))
    opts = Options(locale=s.locale, as_of=s.as_of, check=check)
    results = run_all(tasks, ruleset, rule_args, opts, s.jobs)
    nothing = bool(results) and all(r.error for r in results)
    for r in results:
        if r.error and ("internal error" in r.error or not quiet_errors or nothing):
            note(r.error if "internal error" in r.error or nothing else f"warning: {r.error}")
    if nothing:
        die("nothing could be read")
    return results, ruleset


def _apply_baseline(results: list, path: str | None) -> None:
    if not path:
        return
    from . import baseline as bl

    try:
        known = bl.load(path)
    except bl.BaselineError as e:
        die(str(e))
    bl.apply(results, known)


def _exit_code(results: list, fail_on: str) -> int:
    from .report import summary

    if any(r.error and "internal error" in r.error for r in results):
        return 2
    if fail_on == "never":
        return 0
    s = summary(results)
    return 1 if s["fail"] or (fail_on == "warn" and s["warn"]) else 0


def _emit(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as e:
            die(f"{output}: cannot write ({e.strerror or e})")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


# ---------------------------------------------------------------------------------------------- options

FilesArg = Annotated[list[str] | None, typer.Argument(
    help="Files or folders (walked recursively); - reads standard input.", show_default=False,
    metavar="FILE...")]
RulesOpt = Annotated[list[str], typer.Option("--rules", "-r", metavar="PATH",
                                             help="Extra rule file or folder (repeatable).")]
SelectOpt = Annotated[list[str], typer.Option("--select", metavar="RULE",
                                              help="Only these rules (id or kind; repeatable, or a,b).")]
IgnoreOpt = Annotated[list[str], typer.Option("--ignore", metavar="RULE", help="Switch these rules off (id or kind).")]
LocaleOpt = Annotated[Locale | None, typer.Option("--locale", help="How to read 1.059 / 2,732 and scale words such as Milliarden, milyar "
                                                                "[default: auto: decided per document].",
                                                  show_default=False)]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", metavar="DATE", help="Date for currency rates (YYYY-MM-DD); "
                                             "default: the release's dateline.")]
IncludeOpt = Annotated[list[str], typer.Option("--include", metavar="GLOB",
                                               help="Globs a folder contributes (repeatable); "
                                                    "default: *.txt *.md *.markdown *.html *.htm *.docx.")]
ExcludeOpt = Annotated[list[str], typer.Option("--exclude", metavar="GLOB",
                                               help="Globs of files or folders to skip (repeatable).")]
JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", metavar="N",
                                             help="Worker processes [default: one per core]; "
                                                  "results keep the input order.", show_default=False)]
ConfigOpt = Annotated[str | None, typer.Option("--config", metavar="FILE", help="Use this configuration file "
                                               "[default: .factcheck.yaml or pyproject.toml, found upward].")]
NoConfigOpt = Annotated[bool, typer.Option("--no-config", help="Ignore configuration files.")]

CHECK_HELP = """Check every figure: link related numbers, recompute, report what does not hold.

\b
An editor, in a terminal:
  factcheck article.txt                      check one file (same as `factcheck check article.txt`)
  factcheck --show-pass article.md           every claim, the ones that hold too
  factcheck --diff article.md                show what --fix would change
  factcheck --fix article.md                 rewrite wrong figures in place (atomic; BOM, line ends kept)
  pbpaste | factcheck -                      check text from standard input

\b
A git hook:
  factcheck install-hook                     a pre-commit hook that checks the staged versions
  factcheck check --staged                   what that hook runs (see docs/ci.md for pre-commit)

\b
CI on a press-release repository:
  factcheck --format github releases/        annotations on the pull request
  factcheck --format sarif -o factcheck.sarif releases/
  factcheck --baseline .factcheck-baseline.json releases/   only findings not in the baseline count
  factcheck --strict --rules house/ releases/               house rules; warnings fail too

\b
Settings also come from .factcheck.yaml or [tool.factcheck] in pyproject.toml (found upward; flags win).
Exit codes: 0 nothing failed, 1 a finding failed (or warned, under --strict / --fail-on warn), 2 bad input.
"""


@app.command(help=CHECK_HELP, short_help="Check every figure (the default command).")
def check(
    files: FilesArg = None,
    fmt: Annotated[Fmt | None, typer.Option("--format", "-f", help="Output format [default: text].",
                                            show_default=False)] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE",
                                               help="Write the report to this file.")] = None,
    rules: RulesOpt = [],  # noqa: B006 - typer reads the default
    select: SelectOpt = [],  # noqa: B006
    ignore: IgnoreOpt = [],  # noqa: B006
    locale: LocaleOpt = None,
    as_of: AsOfOpt = None,
    strict: Annotated[bool | None, typer.Option("--strict/--no-strict", help="Treat warnings as failures.",
                                                show_default=False)] = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Exit 1 on: fail (default), warn "
                                                   "(= --strict), never.", show_default=False)] = None,
    show_pass: Annotated[bool | None, typer.Option("--show-pass/--hide-pass", help="List the claims that hold too.",
                                                   show_default=False)] = None,
    include: IncludeOpt = [],  # noqa: B006
    exclude: ExcludeOpt = [],  # noqa: B006
    baseline: Annotated[str | None, typer.Option("--baseline", metavar="FILE",
                                                 help="Findings recorded in this baseline file "
                                                      "(`factcheck baseline`) are reported as suppressed.")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Rewrite wrong figures whose correction is unambiguous.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print the changes --fix would make; write nothing.")] = False,
    staged: Annotated[bool, typer.Option("--staged", help="Check the staged versions of text files (git hook).")]
    = False,
    jobs: JobsOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
) -> None:
    from .report import Context, render

    cfg = _config(config, no_config)
    s = _settings(cfg, fmt=fmt, rules=rules, select=select, ignore=ignore, locale=locale, as_of=as_of,
                  strict=strict, fail_on=fail_on, show_pass=show_pass, include=include, exclude=exclude,
                  baseline=baseline, jobs=jobs)
    if staged and (fix or diff):
        die("--fix and --diff work on the working tree, not with --staged")
    tasks = _tasks(files, s, staged)
    if not tasks:
        raise typer.Exit(0)  # --staged with no staged text files
    # the text report names unreadable files itself; other formats get the warning on stderr
    results, ruleset = _run(tasks, s, quiet_errors=s.fmt == "text" and not diff)
    _apply_baseline(results, s.baseline)
    if diff:
        _show_diff(tasks, results)
        raise typer.Exit(_exit_code(results, s.fail_on))
    if fix:
        results = _fix(tasks, results, s)
    ctx = Context(command="check", show_pass=s.show_pass, strict=s.fail_on == "warn", rules=ruleset,
                  color=False if output else None)  # a report written to a file carries no colour codes
    _emit(render(s.fmt, results, ctx), output)
    raise typer.Exit(_exit_code(results, s.fail_on))


def _plans(tasks: list, results: list, for_diff: bool) -> list[tuple[int, Any]]:
    from .fix import fixable, plan

    out = []
    for i, (t, r) in enumerate(zip(tasks, results, strict=True)):
        if r.document is None or not fixable(r.findings):
            continue
        if t.data is None:
            try:
                data = Path(t.path).read_bytes()
            except OSError:
                data = None
        elif for_diff:
            data = t.data
        else:
            note(f"{t.path}: standard input is not rewritten; use --diff to see the corrections")
            continue
        p = plan(r, data)
        if p is None:
            continue
        if p.note:
            note(f"{t.path}: {p.note}")
        elif p.new is not None:
            out.append((i, p))
    return out


def _show_diff(tasks: list, results: list) -> None:
    from .fix import unified_diff

    text = "".join(unified_diff(p) for _, p in _plans(tasks, results, for_diff=True))
    sys.stdout.write(text)
    sys.stdout.flush()


def _fix(tasks: list, results: list, s: Settings) -> list:
    from .fix import encode, write_atomic

    plans = _plans(tasks, results, for_diff=False)
    changed, figures = [], 0
    for i, p in plans:
        try:
            write_atomic(p.path, encode(p))
        except OSError as e:
            die(f"{p.path}: cannot write the fix ({e.strerror or e}); the file is unchanged")
        changed.append(i)
        figures += p.count
    if not changed:
        return results
    note(f"fixed {figures} figure{'s' * (figures != 1)} in {len(changed)} file{'s' * (len(changed) != 1)}")
    again, _ = _run([tasks[i] for i in changed], Settings(**{**s.__dict__, "jobs": 1}))
    _apply_baseline(again, s.baseline)
    out = list(results)
    for i, r in zip(changed, again, strict=True):
        out[i] = r
    return out


EXTRACT_HELP = """List every number-bearing mention: type, value, unit, hedge.

\b
  factcheck extract article.txt
  factcheck extract --format json samples/otokar-romania.txt
"""


@app.command(short_help="List every number-bearing mention.", help=EXTRACT_HELP)
def extract(
    files: FilesArg = None,
    fmt: Annotated[ExtractFmt, typer.Option("--format", "-f", help="Output format.")] = ExtractFmt.text,
    rules: RulesOpt = [],  # noqa: B006
    locale: LocaleOpt = None,
    include: IncludeOpt = [],  # noqa: B006
    exclude: ExcludeOpt = [],  # noqa: B006
    jobs: JobsOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
) -> None:
    from .report import Context, render

    cfg = _config(config, no_config)
    s = _settings(cfg, rules=rules, locale=locale, include=include, exclude=exclude, jobs=jobs)
    s.select, s.ignore = [], []
    results, _ = _run(_tasks(files, s, False), s, check=False)
    _emit(render(fmt.value, results, Context(command="extract")), None)


BASELINE_HELP = """Record today's findings, so that `check --baseline FILE` reports only new ones.

Entries are fingerprints of the rule, the figure and its sentence (not line numbers): an edit
elsewhere in the file does not resurface a recorded finding; a new wrong figure does.

\b
  factcheck baseline releases/                       writes .factcheck-baseline.json
  factcheck --baseline .factcheck-baseline.json releases/
"""


@app.command("baseline",
              short_help="Record today's findings; --baseline then shows only new ones.", help=BASELINE_HELP)
def baseline_cmd(
    files: FilesArg = None,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE",
                                               help="Baseline file to write [default: the configured "
                                                    "`baseline`, else .factcheck-baseline.json].")] = None,
    rules: RulesOpt = [],  # noqa: B006
    select: SelectOpt = [],  # noqa: B006
    ignore: IgnoreOpt = [],  # noqa: B006
    locale: LocaleOpt = None,
    as_of: AsOfOpt = None,
    include: IncludeOpt = [],  # noqa: B006
    exclude: ExcludeOpt = [],  # noqa: B006
    jobs: JobsOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
) -> None:
    from . import baseline as bl
    from .fix import write_atomic

    cfg = _config(config, no_config)
    s = _settings(cfg, rules=rules, select=select, ignore=ignore, locale=locale, as_of=as_of, include=include,
                  exclude=exclude, jobs=jobs)
    results, _ = _run(_tasks(files, s, False), s)
    doc = bl.record(results)
    target = output or s.baseline or bl.DEFAULT_BASELINE
    try:
        write_atomic(target, bl.dumps(doc).encode("utf-8"))
    except OSError as e:
        die(f"{target}: cannot write ({e.strerror or e})")
    n = len(doc["findings"])
    note(f"recorded {n} finding{'s' * (n != 1)} from {len(results)} file{'s' * (len(results) != 1)} in {target}")


INIT_HELP = """Write a commented .factcheck.yaml and an example rule set (factcheck-rules/example.yaml).

Existing files are never overwritten.
"""


@app.command("init", help=INIT_HELP,
             short_help="Write a starter .factcheck.yaml and an example rule set.")
def init_cmd(
    folder: Annotated[str, typer.Argument(help="Where to write them.")] = ".",
) -> None:
    from .initcmd import InitError, init

    if not os.path.isdir(folder):
        die(f"{folder}: no such folder")
    try:
        written = init(Path(folder))
    except (InitError, OSError) as e:
        die(str(e))
    for p in written:
        typer.echo(f"wrote {p}")


HOOK_HELP = """Install a git pre-commit hook that checks the staged text files.

The hook checks the version of each file as staged, reports it under its real path, and stops the
commit when a figure fails. An existing hook that factcheck did not write is kept unless --force.

\b
  factcheck install-hook
  git commit --no-verify              skip the check once
  factcheck install-hook --uninstall
"""


@app.command("install-hook", help=HOOK_HELP,
             short_help="Install a git pre-commit hook for staged text files.")
def install_hook(
    force: Annotated[bool, typer.Option("--force", help="Replace an existing pre-commit hook.")] = False,
    uninstall: Annotated[bool, typer.Option("--uninstall", help="Remove the hook factcheck installed.")] = False,
) -> None:
    from .hooks import HookError, install
    from .hooks import uninstall as remove

    try:
        if uninstall:
            path = remove()
            typer.echo(f"removed {path}" if path else "no factcheck hook installed")
            return
        path, replaced = install(force=force)
    except (HookError, OSError) as e:
        die(str(e))
    typer.echo(f"{'replaced' if replaced else 'installed'} {path}")


SERVE_HELP = """Run the language server: findings as diagnostics in an editor, quick fixes for wrong figures.

Speaks the Language Server Protocol on standard input and output; an editor starts it (see
docs/editors.md for VS Code, Neovim, Helix and Zed). Needs pygls: pip install 'factcheck[lsp]'.
"""


@app.command("serve", help=SERVE_HELP, short_help="Run the language server (LSP over stdio) for editors.")
def serve_cmd() -> None:
    from .lsp import MissingDependency, serve

    try:
        serve()
    except MissingDependency as e:
        die(str(e))


COMMANDS = {"check", "extract", "rules", "init", "baseline", "install-hook", "serve", "--help", "-h", "--version",
            "-V", "--install-completion", "--show-completion"}


def _register_subapps() -> None:
    from .rulecli import rules_app

    app.add_typer(rules_app, name="rules")


_register_subapps()


def normalize_argv(argv: list[str]) -> list[str]:
    """``factcheck FILE...`` (or options first) is short for ``factcheck check FILE...``."""
    if argv and argv[0] not in COMMANDS:
        return ["check", *argv]
    return argv


def main() -> None:
    """Entry point."""
    try:
        app(args=normalize_argv(sys.argv[1:]), prog_name="factcheck")
    except KeyboardInterrupt:
        typer.echo("factcheck: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `factcheck releases/ | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
