"""cli: arguments (and config) → the pipeline → a report and an exit code.

Exit codes (README, CONTRACT.md):

    0  nothing failed
    1  a figure is wrong (or doubtful, under --strict / --fail-on warn)
    2  usage error: an unknown command, option or rule id (in flags, configuration, suppression comments or
       ignore files), an input that cannot be read (missing path, folder without matching files, undecodable
       file: the others are still checked and reported), invalid rules or configuration, a file that
       cannot be written
    3  internal error: a bug, in one file's check or anywhere else (one line; FACTCHECK_DEBUG=1 shows the
       traceback)

A problem is one line on standard error, naming the file (and line), with "did you mean" where a known
name is close. Settings come from the configuration file found upward (config.py); a flag given on the
command line replaces the configured value.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, NoReturn

from . import __version__, gctune, stdcache

stdcache.install()  # before the modules that define dataclasses and patterns are imported (start-up: stdcache.py)

import typer  # noqa: E402

from .document import DEFAULT_MAX_SIZE  # noqa: E402

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

ROOT_HELP = """Check the arithmetic in press releases: every figure recomputed, every verdict explained.

\b
  factcheck article.txt                  check one file (short for `factcheck check article.txt`)
  factcheck --fix article.md             rewrite the wrong figures where the correction is unambiguous
  factcheck accept article.txt:7         accept the figure on line 7 as written (.factcheck-ignore.json)
  factcheck extract article.txt          list every number-bearing mention
  factcheck rules list                   the rules in force
  factcheck init                         write a starter .factcheck.yaml and an example rule set
  factcheck install-hook                 check staged files on every `git commit`
  factcheck baseline releases/           record today's findings; then `--baseline FILE` shows only new ones

\b
Exit codes: 0 nothing failed, 1 a figure failed (or warned, with --strict),
2 usage error, unreadable input, invalid rules or configuration, 3 internal error.
"""



def _new_app() -> typer.Typer:
    return typer.Typer(
        name="factcheck",
        help=ROOT_HELP,
        no_args_is_help=True,
        add_completion=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
    )


app = _new_app()


class Fmt(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    html = "html"
    gitlab = "gitlab"


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


def _safe(msg: str) -> str:
    from .report.common import printable

    return printable(msg)


def die(msg: str, code: int = EXIT_USAGE) -> NoReturn:
    """One clean line on stderr, then exit (no traceback for bad input)."""
    typer.echo(f"factcheck: {_safe(msg)}", err=True)
    raise typer.Exit(code)


def note(msg: str) -> None:
    typer.echo(f"factcheck: {_safe(msg)}", err=True)


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


def gather_inputs(paths: list[str], include: list[str] | None = None,
                  exclude: list[str] | None = None) -> list[tuple[str, str | None]]:
    """Every input as ``(path, None)``, or ``(path, why it cannot be checked)``: files as given (unless
    excluded), folders walked recursively for the default suffixes (or --include). A folder that
    contributes no file, or a subfolder that cannot be listed, is an input that could not be read.

    Hidden files and folders are skipped in a walk; symbolic links to folders are not followed.
    """
    out: list[tuple[str, str | None]] = []
    for p in paths:
        if p == "-":
            out.append((p, None))
            continue
        if os.path.isdir(p):
            found = _walk(p, include or [], exclude or [])
            out += found
            if not found:
                which = ", ".join(include or []) or " ".join(DEFAULT_SUFFIXES)
                out.append((p, f"{p}: no input files found in this folder (folders contribute {which}"
                               + (", after --exclude)" if exclude else ")")))
        elif not (exclude and _matches(PurePosixPath(Path(p).as_posix()), exclude, folders=True)):
            out.append((p, None))
    return out


def collect_inputs(paths: list[str], include: list[str] | None = None,
                   exclude: list[str] | None = None) -> list[str]:
    """The files ``gather_inputs`` finds (without the inputs that cannot be read)."""
    return [p for p, err in gather_inputs(paths, include, exclude) if err is None]


def _walk(top: str, include: list[str], exclude: list[str]) -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []

    def unreadable(e: OSError) -> None:
        where = e.filename or top
        found.append((where, f"{where}: cannot read this folder ({e.strerror or e}); its files were not checked"))

    for folder, dirs, files in os.walk(top, onerror=unreadable):
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
            found.append((full, None))
    return found


def _split(items: list[str] | None) -> list[str]:
    out: list[str] = []
    for it in items or []:
        out += [x.strip() for x in it.split(",") if x.strip()]
    return out


def command_typo(argv: list[str]) -> str | None:
    """The message for ``factcheck extrct ok.txt``: a first word that is no file and is close to a command."""
    if not argv:
        return None
    first = argv[0]
    if first in COMMANDS or first.startswith("-") or os.path.exists(first) or not re.fullmatch(r"[a-z][a-z-]*", first):
        return None
    from .config import did_you_mean

    hint = did_you_mean(first, [c for c in COMMANDS if not c.startswith("-")])
    if not hint:
        return None
    return f"unknown command {first!r}{hint}; no file of that name either (`factcheck --help` lists the commands)"


# ------------------------------------------------------------------------------------------------ rules


def rule_names(ruleset: Any) -> set[str]:
    """Every name a flag, the configuration or a suppression may use: rule ids and kinds."""
    from .kinds import KIND_NAMES

    rules = getattr(ruleset, "rules", {})
    return set(rules) | {r.kind for r in rules.values()} | set(KIND_NAMES)


def unknown_rule(name: str, known: set[str]) -> str:
    from .config import did_you_mean

    hint = did_you_mean(name, known)
    return f"unknown rule or kind {name!r}{hint or ' (see `factcheck rules list`)'}"


def _load_rules(rules: list[str], select: list[str], ignore: list[str],
                origins: dict[str, str] | None = None) -> Any:
    """The rule set of a run; an unknown --select / --ignore name (flag or configuration: ``origins`` says
    where it was written) is one line with "did you mean", exit 2."""
    from .ruleset import RuleError, load_rules

    select, ignore = _split(select), _split(ignore)
    try:
        if select or ignore:
            known = rule_names(load_rules(rules))
            for key, names in (("select", select), ("ignore", ignore)):
                for name in names:
                    if name not in known:
                        die(f"{(origins or {}).get(key, '--' + key)}: {unknown_rule(name, known)}")
        return load_rules(rules, select, ignore)
    except RuleError as e:
        die(str(e))


def _rules_for(s: Settings) -> Any:
    return _load_rules(s.rules or [], s.select or [], s.ignore or [], s.origins)


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
    origins: dict[str, str] = field(default_factory=dict)  # where select / ignore came from, for messages
    max_size: int = DEFAULT_MAX_SIZE  # --max-size
    stdin_name: str | None = None  # --stdin-filename


def _config(path: str | None, disabled: bool) -> Any:
    from .config import ConfigError, discover

    try:
        return discover(path, disabled)
    except ConfigError as e:
        die(str(e))


def _pick(flag: Any, cfg: Any, key: str, default: Any) -> Any:
    if flag is not None and flag != []:
        return flag.value if isinstance(flag, StrEnum) else flag
    return cfg.get(key, default)


def _input_options(s: Settings, max_size: str | None, stdin_filename: str | None) -> None:
    """--max-size and --stdin-filename (the readers' options) into the settings."""
    from .document import parse_size

    if max_size is not None:
        try:
            s.max_size = parse_size(max_size)
        except ValueError as e:
            die(f"--max-size: {e}")
    s.stdin_name = stdin_filename or None


def _as_of(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        die(f"--as-of: {text!r} is not a date (YYYY-MM-DD)")


def _settings(cfg: Any, *, fmt: Any = None, rules: Any = None, select: Any = None, ignore: Any = None,
              locale: Any = None, as_of: Any = None, strict: Any = None, fail_on: Any = None, show_pass: Any = None,
              include: Any = None, exclude: Any = None, baseline: Any = None, jobs: Any = None) -> Settings:
    if fail_on is not None:
        fo = fail_on.value
    elif strict is not None:
        fo = "warn" if strict else "fail"
    else:
        fo = cfg.get("fail_on") or ("warn" if cfg.get("strict") else "fail")
    if jobs is not None and jobs < 0:
        die("--jobs must be 0 (one per core) or more")
    origins = {}
    for key, flag in (("select", select), ("ignore", ignore)):
        if not flag and cfg.get(key):
            origins[key] = f"{cfg.where(key)}: {key}"
    return Settings(
        fmt=_pick(fmt, cfg, "format", "text"), rules=_pick(rules, cfg, "rules", []),
        select=_pick(select, cfg, "select", []), ignore=_pick(ignore, cfg, "ignore", []),
        locale=_pick(locale, cfg, "locale", "auto"), as_of=_as_of(as_of) or cfg.get("as_of"), fail_on=fo,
        show_pass=_pick(show_pass, cfg, "show_pass", False), include=_pick(include, cfg, "include", []),
        exclude=_pick(exclude, cfg, "exclude", []), baseline=_pick(baseline, cfg, "baseline", None),
        jobs=_pick(jobs, cfg, "jobs", 0), origins=origins)


# ---------------------------------------------------------------------------------------------- running


@dataclass
class Batch:
    """What a run checks: the tasks to run and the inputs that could not be read, by position."""

    tasks: list[Any]
    unread: list[tuple[int, str, str]]  # (position among all inputs, path, why)

    @property
    def paths(self) -> list[str]:
        return [t.path for t in self.tasks]

    def merge(self, ran: list[Any]) -> list[Any]:
        """The tasks' results with the unread inputs' results in their places (input order)."""
        from .model import FileResult

        out = list(ran)
        for pos, path, why in self.unread:
            out.insert(pos, FileResult(path=path, document=None, error=why))
        return out


def _batch(files: list[str] | None, s: Settings, staged: bool) -> Batch:
    from .document import InputError, read_stdin
    from .runner import Task

    if staged:
        return Batch(_staged_tasks(files, s), [])
    if s.stdin_name and not files:
        files = ["-"]
    if s.stdin_name and "-" not in (files or []):
        die("--stdin-filename names standard input: give - as the file to read it")
    if not files:
        die("no input files given (try `factcheck --help`)")
    tasks: list[Any] = []
    unread: list[tuple[int, str, str]] = []
    for i, (p, err) in enumerate(gather_inputs(files, _split(s.include), _split(s.exclude))):
        if err is not None:
            unread.append((i, p, err))
        elif p == "-":
            try:
                tasks.append(Task(s.stdin_name or p, read_stdin(s.max_size)))
            except InputError as e:
                unread.append((i, s.stdin_name or p, str(e)))
        else:
            tasks.append(Task(p))
    return Batch(tasks, unread)


def _staged_tasks(files: list[str] | None, s: Settings) -> list[Any]:
    from .hooks import HookError, read_blobs, staged_files
    from .runner import Task

    if files:
        die("--staged checks what `git add` staged; give no files with it")
    include, exclude = _split(s.include), _split(s.exclude)
    try:
        wanted = []
        for shown, name, oid in staged_files():
            rel = PurePosixPath(name)
            keep = _matches(rel, include) if include else rel.suffix.lower() in DEFAULT_SUFFIXES
            if keep and not (exclude and _matches(rel, exclude, folders=True)):
                wanted.append((shown, oid))
        blobs = read_blobs([oid for _, oid in wanted])
    except HookError as e:
        die(str(e))
    return [Task(shown, data) for (shown, _), data in zip(wanted, blobs, strict=True)]


def _run(tasks: list[Any], s: Settings, ruleset: Any, check: bool = True) -> list[Any]:
    """Every task's result, in order (unreadable files and internal errors have ``error`` set)."""
    from .pipeline import Options
    from .runner import RuleArgs, run_all

    rule_args = RuleArgs(tuple(s.rules or []), tuple(_split(s.select)), tuple(_split(s.ignore)))
    opts = Options(locale=s.locale, as_of=s.as_of, check=check, max_size=s.max_size)
    results = run_all(tasks, ruleset, rule_args, opts, s.jobs) if tasks else []
    for r in results:
        for w in r.document.warnings if r.document is not None else ():
            note(f"warning: {w}")  # what a reader had to guess ("read as Windows-1252")
    return results


def _internal(r: Any) -> bool:
    return bool(r.error) and "internal error" in r.error


def _report_unread(results: list[Any], quiet: bool) -> None:
    """One ``error:`` line on stderr per input that could not be read (unless the text report already
    shows it); internal errors always; all of them, and a last line, when nothing at all could be read."""
    nothing = bool(results) and all(r.error for r in results)
    for r in results:
        if r.error and (_internal(r) or not quiet or nothing):
            note(f"error: {r.error}")
    if nothing:
        note("nothing could be read")


def _apply_baseline(results: list[Any], path: str | None) -> None:
    if not path:
        return
    from . import baseline as bl

    try:
        known = bl.load(path)
    except bl.BaselineError as e:
        die(str(e))
    bl.apply(results, known)


def _apply_ignores(results: list[Any]) -> tuple[list[Any], list[str]]:
    """Findings accepted in ``.factcheck-ignore.json`` files marked suppressed; the files read; problems."""
    from . import baseline as bl

    _, files, problems = bl.apply_ignores(results)
    return files, problems


def _unknown_rule_ids(results: list[Any], ruleset: Any, ignore_files: list[Any]) -> list[str]:
    """``file:line: unknown rule ...`` for every rule id a suppression comment or an ignore file names that
    no rule set defines (a misspelt id would otherwise silence nothing, silently)."""
    known = rule_names(ruleset)
    out: list[str] = []
    seen: set[tuple[str, int, str]] = set()
    for r in results:
        doc = r.document
        for sup in getattr(doc, "suppressions", ()) or ():
            for name in sup.rules:
                key = (r.path, sup.at or sup.line, name)
                if name not in known and key not in seen:
                    seen.add(key)
                    out.append(f"{r.path}:{key[1]}: {unknown_rule(name, known)} in a suppression comment")
    for ig in ignore_files:
        for i, e in enumerate(ig.entries):
            if e.rule not in known:
                out.append(f"{ig.path}:{ig.line_of(i)}: {unknown_rule(e.rule, known)} in an ignore entry")
    return out


def _exit_code(results: list[Any], fail_on: str, problems: list[str] | None = None) -> int:
    """3 when a file's check hit an internal error; 2 when an input could not be read or a problem was
    reported (unknown rule ids, a file not written); else 1 when a finding fails under ``fail_on``."""
    from .report import summary

    if any(_internal(r) for r in results):
        return EXIT_INTERNAL
    if problems or any(r.error for r in results):
        return EXIT_USAGE
    if fail_on == "never":
        return EXIT_OK
    s = summary(results)
    return EXIT_FAIL if s["fail"] or (fail_on == "warn" and s["warn"]) else EXIT_OK


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _not_an_input(output: str, paths: list[str], flag: str = "--output") -> None:
    """Refuse to write a report (or baseline) over one of the files being checked."""
    for p in paths:
        if p != "-" and _same_file(output, p):
            die(f"{flag} {output} is also an input; it would overwrite the text being checked (write it elsewhere)")


def _emit(text: str | Iterable[str], output: str | None) -> None:
    """Write a report (its text, or its pieces as they are made) to ``output`` or standard output."""
    pieces = [text] if isinstance(text, str) else text
    if output:
        try:
            with open(output, "w", encoding="utf-8") as fh:
                for block in _blocks(pieces):
                    fh.write(block)
        except OSError as e:
            die(f"{output}: cannot write ({e.strerror or e})")
    else:
        try:
            for block in _blocks(pieces):
                sys.stdout.write(block)
            sys.stdout.flush()
        except BrokenPipeError:  # `factcheck releases/ | head`: the reader left; the exit code stays the verdict
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())


def _blocks(pieces: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """Small pieces joined into blocks of about ``size`` characters: few writes, little held at once."""
    buf: list[str] = []
    n = 0
    for p in pieces:
        buf.append(p)
        n += len(p)
        if n >= size:
            yield "".join(buf)
            buf, n = [], 0
    if buf:
        yield "".join(buf)


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
MaxSizeOpt = Annotated[str | None, typer.Option(
    "--max-size", metavar="SIZE", show_default=False,
    help="Skip inputs larger than this (e.g. 10MB, 512KB; also the text inflated from a .docx) [default: 10MB].")]
StdinNameOpt = Annotated[str | None, typer.Option(
    "--stdin-filename", metavar="NAME",
    help="Read standard input as the file NAME: its extension picks the reader (.md, .html, .docx, .txt) "
         "and reports show NAME.")]
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
  factcheck accept article.md:7              accept the figure on line 7 as written (no change to the text)
  pbpaste | factcheck -                      check text from standard input

\b
A git hook:
  factcheck install-hook                     a pre-commit hook that checks the staged versions
  factcheck check --staged                   what that hook runs (see docs/ci.md for pre-commit)

\b
CI on a press-release repository:
  factcheck --format github releases/        annotations on the pull request
  factcheck --format sarif -o factcheck.sarif releases/
  factcheck --format gitlab -o gl-code-quality.json releases/   GitLab Code Quality
  factcheck --baseline .factcheck-baseline.json releases/   only findings not in the baseline count
  factcheck --strict --rules house/ releases/               house rules; warnings fail too

\b
Settings also come from .factcheck.yaml or [tool.factcheck] in pyproject.toml (found upward; flags win).
Exit codes: 0 nothing failed, 1 a finding failed (or warned, under --strict / --fail-on warn), 2 bad input
(usage, unreadable input, unknown rule id, invalid rules or configuration), 3 internal error.
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
    max_size: MaxSizeOpt = None,
    stdin_filename: StdinNameOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
) -> None:
    from .report import Context, stream

    cfg = _config(config, no_config)
    s = _settings(cfg, fmt=fmt, rules=rules, select=select, ignore=ignore, locale=locale, as_of=as_of,
                  strict=strict, fail_on=fail_on, show_pass=show_pass, include=include, exclude=exclude,
                  baseline=baseline, jobs=jobs)
    _input_options(s, max_size, stdin_filename)
    if staged and (fix or diff):
        die("--fix and --diff work on the working tree, not with --staged")
    batch = _batch(files, s, staged)
    if not batch.tasks and not batch.unread:
        raise typer.Exit(EXIT_OK)  # --staged with no staged text files
    if output:
        _not_an_input(output, batch.paths)
    ruleset = _rules_for(s)
    ran = _run(batch.tasks, s, ruleset)
    _apply_baseline(ran, s.baseline)
    ignore_files, problems = _apply_ignores(ran)
    problems += _unknown_rule_ids(ran, ruleset, ignore_files)
    if diff:
        _show_diff(batch.tasks, ran)
    elif fix:
        ran, fix_problems = _fix(batch.tasks, ran, s, ruleset)
        problems += fix_problems
    results = batch.merge(ran)
    # the text report on a terminal names unreadable files itself; otherwise they are told on stderr
    _report_unread(results, quiet=s.fmt == "text" and not output and not diff)
    for line in problems:
        note(f"error: {line}")
    if not diff:
        ctx = Context(command="check", show_pass=s.show_pass, strict=s.fail_on == "warn", rules=ruleset,
                      color=False if output else None)  # a report written to a file carries no colour codes
        _emit(stream(s.fmt, results, ctx), output)
    raise typer.Exit(_exit_code(results, s.fail_on, problems))


def _plans(tasks: list[Any], results: list[Any], for_diff: bool) -> list[tuple[int, Any]]:
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


def _show_diff(tasks: list[Any], results: list[Any]) -> None:
    from .fix import unified_diff

    text = "".join(unified_diff(p) for _, p in _plans(tasks, results, for_diff=True))
    sys.stdout.write(text)
    sys.stdout.flush()


def _fix(tasks: list[Any], results: list[Any], s: Settings, ruleset: Any) -> tuple[list[Any], list[str]]:
    """Rewrite the files with unambiguous corrections, then check them again. Every target is checked
    first (regular, writable, not read-only): if one cannot be written, none is. Returns the results
    and the problems (one line each)."""
    from .fix import encode, preflight, write_atomic

    plans = _plans(tasks, results, for_diff=False)
    blocked = [why for _, p in plans if (why := preflight(p.path))]
    if blocked:
        n = len(plans)
        return results, [*blocked, f"--fix: no file was rewritten ({len(blocked)} of {n} "
                                   f"file{'s' * (n != 1)} cannot be written)"]
    changed: list[int] = []
    figures = 0
    problems: list[str] = []
    for i, p in plans:
        try:
            write_atomic(p.path, encode(p))
        except OSError as e:
            done = ", ".join(tasks[j].path for j in changed)
            problems.append(f"{p.path}: cannot write the fix ({e.strerror or e}); this file is unchanged"
                            + (f"; already fixed: {done}" if done else "") + "; the files after it were not fixed")
            break
        changed.append(i)
        figures += p.count
    if not changed:
        return results, problems
    note(f"fixed {figures} figure{'s' * (figures != 1)} in {len(changed)} file{'s' * (len(changed) != 1)}")
    again = _run([tasks[i] for i in changed], Settings(**{**s.__dict__, "jobs": 1}), ruleset)
    _apply_baseline(again, s.baseline)
    _apply_ignores(again)
    out = list(results)
    for i, r in zip(changed, again, strict=True):
        out[i] = r
    return out, problems


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
    max_size: MaxSizeOpt = None,
    stdin_filename: StdinNameOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
) -> None:
    from .report import Context, stream

    cfg = _config(config, no_config)
    s = _settings(cfg, rules=rules, locale=locale, include=include, exclude=exclude, jobs=jobs)
    _input_options(s, max_size, stdin_filename)
    s.select, s.ignore = [], []
    batch = _batch(files, s, False)
    results = batch.merge(_run(batch.tasks, s, _rules_for(s), check=False))
    _report_unread(results, quiet=fmt == ExtractFmt.text)
    _emit(stream(fmt.value, results, Context(command="extract")), None)
    raise typer.Exit(_exit_code(results, "never"))


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
    max_size: MaxSizeOpt = None,
    stdin_filename: StdinNameOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
) -> None:
    from . import baseline as bl
    from .fix import UnsafePath, check_inside, write_atomic

    cfg = _config(config, no_config)
    s = _settings(cfg, rules=rules, select=select, ignore=ignore, locale=locale, as_of=as_of, include=include,
                  exclude=exclude, jobs=jobs)
    _input_options(s, max_size, stdin_filename)
    batch = _batch(files, s, False)
    target = output or s.baseline or bl.DEFAULT_BASELINE
    _not_an_input(target, batch.paths, "baseline file")
    ruleset = _rules_for(s)
    ran = _run(batch.tasks, s, ruleset)
    results = batch.merge(ran)
    _report_unread(results, quiet=False)
    doc = bl.record(ran)
    try:
        check_inside(target, [os.path.dirname(os.path.abspath(target)), os.getcwd()])
        write_atomic(target, bl.dumps(doc).encode("utf-8"))
    except UnsafePath as e:
        die(str(e))
    except OSError as e:
        die(f"{target}: cannot write ({e.strerror or e})")
    n = len(doc["findings"])
    unread = len(results) - len(ran) + sum(1 for r in ran if r.error)
    note(f"recorded {n} finding{'s' * (n != 1)} from {len(results)} file{'s' * (len(results) != 1)} in {target}"
         + (f"; {unread} could not be read and are not in it" if unread else ""))
    raise typer.Exit(EXIT_USAGE if unread else _exit_code(results, "never"))


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
        typer.echo(f"wrote {_safe(str(p))}")


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


ACCEPT_HELP = """Accept a figure as written, without changing the published text.

Records the warnings and failures at FILE:LINE[:COL] (or in all of FILE) in .factcheck-ignore.json
beside the file; every later run (terminal, hook, CI) reports them as suppressed. Nothing is written
into the release, so this works for .txt and .docx alike; commit the ignore file with the release.
Entries are keyed by the finding's fingerprint (rule, figure and sentence), not by the line: an edit
elsewhere keeps the figure accepted, an edit to its sentence brings it back.

\b
  factcheck accept releases/q3.txt:7                      every finding on line 7
  factcheck accept releases/q3.txt:7:251 --reason "restated base, see CFO note"
  factcheck accept releases/q3.docx --rule consistency    every consistency finding in the file
  factcheck accept --remove releases/q3.txt:7             check line 7 again
"""


def _location(spec: str) -> tuple[str, int | None, int | None]:
    """``FILE``, ``FILE:LINE`` or ``FILE:LINE:COL`` (a file name may itself hold colons)."""
    if os.path.isfile(spec):
        return spec, None, None
    m = re.fullmatch(r"(.+?):(\d+)(?::(\d+))?", spec)
    if not m:
        die(f"{spec}: no such file (give FILE, FILE:LINE or FILE:LINE:COL)")
    path, line, col = m.group(1), int(m.group(2)), m.group(3)
    if not os.path.isfile(path):
        die(f"{path}: no such file" if not os.path.isdir(path) else f"{path}: is a folder; accept takes one file")
    return path, line, int(col) if col else None


def _at(doc: Any, f: Any, line: int | None, col: int | None) -> bool:
    """Whether finding ``f`` is at LINE (any column) or at LINE:COL (the column falls inside its figure)."""
    if line is None:
        return True
    a, b = doc.locate(f.start), doc.locate_end(f.end)
    if not a.line <= line <= b.line:
        return False
    return col is None or (a.line, a.column) <= (line, col) < (b.line, max(b.column, a.column + 1))


@app.command("accept", help=ACCEPT_HELP, short_help="Accept a figure as written (.factcheck-ignore.json).")
def accept_cmd(
    location: Annotated[str, typer.Argument(metavar="FILE[:LINE[:COL]]", help="The finding's place, as the "
                                            "report prints it; FILE alone: every finding in it.")],
    rule: Annotated[list[str], typer.Option("--rule", metavar="RULE", help="Only findings of these rules "
                                            "(ids or kinds; repeatable, or a,b).")] = [],  # noqa: B006
    reason: Annotated[str, typer.Option("--reason", metavar="TEXT", help="Why, recorded with the entry.")] = "",
    remove: Annotated[bool, typer.Option("--remove", help="Take the findings there out of the ignore file.")]
    = False,
    rules: RulesOpt = [],  # noqa: B006
    select: SelectOpt = [],  # noqa: B006
    ignore: IgnoreOpt = [],  # noqa: B006
    locale: LocaleOpt = None,
    as_of: AsOfOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
) -> None:
    from collections import Counter

    from . import baseline as bl
    from .fix import UnsafePath, check_inside, write_atomic
    from .runner import Task

    path, line, col = _location(location)
    cfg = _config(config, no_config)
    s = _settings(cfg, rules=rules, select=select, ignore=ignore, locale=locale, as_of=as_of, jobs=1)
    ruleset = _rules_for(s)
    known = rule_names(ruleset)
    wanted = _split(rule)
    for name in wanted:
        if name not in known:
            die(f"--rule: {unknown_rule(name, known)}")
    res = _run([Task(path)], s, ruleset)[0]
    if res.error:
        die(res.error, EXIT_INTERNAL if _internal(res) else EXIT_USAGE)
    bl.with_fingerprints(res)
    where = bl.ignore_path(path)
    try:
        ig = bl.load_ignore(where)
    except bl.BaselineError as e:
        die(str(e))
    doc = res.document
    here = [f for f in res.findings if f.status != "pass" and _at(doc, f, line, col)
            and (not wanted or f.rule in wanted or f.kind in wanted)]
    name = os.path.basename(path)
    if remove:
        drop = Counter(f.fingerprint for f in here)
        kept = []
        for entry in ig.entries:
            if entry.path == name and drop[entry.fingerprint] > 0:
                drop[entry.fingerprint] -= 1
                typer.echo(f"removed {_safe(path)}:{entry.line} {entry.rule} {_safe(entry.text)} "
                           f"from {_safe(str(where))}")
            else:
                kept.append(entry)
        if len(kept) == len(ig.entries):
            die(f"{location}: no accepted finding there in {where}")
        ig.entries = kept
    else:
        bl.apply_ignores([res])
        todo = [f for f in res.findings if f.status != "pass" and not f.suppressed and _at(doc, f, line, col)
                and (not wanted or f.rule in wanted or f.kind in wanted)]
        if not todo:
            if here:
                typer.echo(f"{_safe(location)}: already accepted or suppressed; nothing to do")
                raise typer.Exit(EXIT_OK)
            others = [f for f in res.findings if f.status != "pass" and not f.suppressed]
            listed = ", ".join(f"{doc.locate(f.start).line}:{doc.locate(f.start).column} {f.rule}" for f in others[:8])
            die(f"{location}: no warning or failure to accept there"
                + (f" (this file has: {listed}{', ...' if len(others) > 8 else ''})" if others else
                   " (this file has none)"))
        for f in todo:
            ig.entries.append(bl.entry_for(res, f, reason))
            p = doc.locate(f.start)
            typer.echo(f"accepted {_safe(path)}:{p.line}:{p.column} {f.rule} {_safe(f.text)} in {_safe(str(where))}")
    try:
        check_inside(where, [where.parent.resolve()])
        write_atomic(str(where), bl.dumps_ignore(ig).encode("utf-8"))
    except UnsafePath as e:
        die(str(e))
    except OSError as e:
        die(f"{where}: cannot write ({e.strerror or e})")


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


COMMANDS = {"check", "extract", "rules", "init", "baseline", "install-hook", "accept", "serve", "--help", "-h", "--version",
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


def app_for(args: list[str]) -> typer.Typer:
    """The app to run ``args``: for ``factcheck check ...`` (and every other plain command) one with only that
    command, because typer turns every command of an app into a click command, options and all, before it
    parses anything (about 9 ms of each run for the eight commands); the whole app for the root's --help and
    --version, the ``rules`` group and shell completion. Same callback, same command object: same parsing,
    help and errors."""
    if not args or any(k.startswith("_FACTCHECK_COMPLETE") for k in os.environ):
        return app
    for info in app.registered_commands:
        name = info.name or (info.callback.__name__.replace("_", "-") if info.callback else "")
        if name == args[0]:
            one = _new_app()
            one.registered_callback = app.registered_callback
            one.registered_commands = [info]
            return one
    return app


def _gc_for_a_run() -> None:
    """The garbage collector tuned for one command-line run (start-up): gctune.for_a_run (``python -m factcheck``
    has tuned it already, before importing this module)."""
    import gc

    gctune.for_a_run(gc)


_GC_THRESHOLD = gctune.THRESHOLD


def _gc_at_exit() -> None:
    """Everything the process holds moved out of the collector's sight before the interpreter shuts down:
    its final collections would otherwise walk every object a run made, only to free them anyway (~17 ms of a
    one-release check). Objects are still freed by their reference counts; only the final cycle search
    skips them, and the operating system takes back the memory of the process."""
    import gc

    gc.freeze()


def main(argv: list[str] | None = None) -> None:
    """Entry point. Whatever happens, one line and an exit code from the table, never a traceback:
    unexpected errors are internal errors (3), not "a figure is wrong" (1). Run as the program (no ``argv``)
    it also tunes the garbage collector for a short run (_gc_for_a_run, _gc_at_exit) and ends without the
    interpreter's teardown (_leave)."""
    if argv is not None:
        _main(argv)
        return
    _gc_for_a_run()
    try:
        _main(sys.argv[1:])
        code: Any = 0
    except SystemExit as e:
        code = e.code
    finally:
        _gc_at_exit()
    _leave(code)


def _leave(code: Any) -> NoReturn:
    """The program's end: output flushed and the exit handlers run (the cache files are written there), then
    the process ends at once. The interpreter's own shutdown would next take every module apart, object by
    object (~2.5 ms of a one-release check), for memory the operating system takes back anyway. Anything
    out of the ordinary (an exit status that is not a number, output that cannot be flushed, a thread still
    running) ends the usual way, which reports it as Python does."""
    import atexit

    threading = sys.modules.get("threading")
    if isinstance(code, bool) or not isinstance(code, int | None) or \
            (threading is not None and threading.active_count() > 1):
        raise SystemExit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001 - a closed or broken stream: the interpreter's own handling
        raise SystemExit(code) from None
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001 - as above, after the handlers
        raise SystemExit(code) from None
    os._exit(code or 0)


def _main(args: list[str]) -> None:
    try:
        typo = command_typo(args)
        if typo:
            note(typo)
            sys.exit(EXIT_USAGE)
        args = normalize_argv(args)
        app_for(args)(args=args, prog_name="factcheck")
    except KeyboardInterrupt:  # Ctrl-C outside a command (inside one, typer exits 130 itself)
        typer.echo("factcheck: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `factcheck releases/ | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(141)  # as if killed by SIGPIPE: not "a figure is wrong"
    except Exception as e:  # noqa: BLE001 - the last guard: a bug is one line and exit 3
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        detail = _safe(str(e))[:200]
        typer.echo(f"factcheck: internal error ({type(e).__name__}{': ' + detail if detail else ''}); please "
                   "report it (FACTCHECK_DEBUG=1 shows the traceback)", err=True)
        sys.exit(EXIT_INTERNAL)
    except BaseException as e:  # (last: Interrupted is no Exception; anything else goes on as it is)
        # SIGTERM / SIGHUP during a write, after it cleaned up (fix.signals_raise): only fix.py raises it, so a run
        # that never imported fix.py (a check) has none, and does not import it to find out
        fix = sys.modules.get(f"{__package__}.fix")
        if fix is None or not isinstance(e, fix.Interrupted):
            raise
        typer.echo("factcheck: interrupted", err=True)
        sys.exit(128 + e.signum)
