"""Run the pipeline over many inputs: in order, in parallel when it pays, with a progress bar on a terminal.

A task is a path (read by the worker) or a path with its bytes already in hand (standard input, a file's
staged version from git). Results come back in input order whatever the number of workers. A file that
cannot be read becomes a ``FileResult`` with ``error`` set (one warning line, then the next file).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from .model import FileResult

PARALLEL_MIN_FILES = 4  # below this, starting worker processes costs more than it saves
PROGRESS_MIN_FILES = 5


@dataclass(frozen=True)
class Task:
    path: str
    data: bytes | None = None  # None: read ``path`` (or standard input for ``-``)


@dataclass(frozen=True)
class RuleArgs:
    paths: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


_STATE: dict = {}


def _init(rule_args: RuleArgs, opts: object) -> None:
    from .ruleset import load_rules

    _STATE["rules"] = load_rules(rule_args.paths, rule_args.select, rule_args.ignore)
    _STATE["opts"] = opts


def check_one(task: Task, rules: object, opts: object) -> FileResult:
    """Read one input and run the pipeline on it; unreadable input and internal errors become ``error``."""
    from .baseline import with_fingerprints
    from .document import DEFAULT_MAX_SIZE, InputError, read_bytes, read_path
    from .pipeline import run

    limit = getattr(opts, "max_size", DEFAULT_MAX_SIZE)
    try:
        doc = read_path(task.path, max_size=limit) if task.data is None else read_bytes(task.data, task.path,
                                                                                         max_size=limit)
        return with_fingerprints(run(doc, rules, opts))  # type: ignore[arg-type]
    except InputError as e:
        return FileResult(path=task.path, document=None, error=str(e))
    except Exception as e:  # noqa: BLE001 - one bad file must not hide the others' results
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        return FileResult(path=task.path, document=None,
                          error=f"{task.path}: internal error ({type(e).__name__}: {e}); please report it "
                                "(FACTCHECK_DEBUG=1 shows the traceback)")


def _worker(task: Task) -> FileResult:
    return check_one(task, _STATE["rules"], _STATE["opts"])


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def run_all(tasks: list[Task], rules: object, rule_args: RuleArgs, opts: object, jobs: int,
            progress: bool | None = None) -> list[FileResult]:
    """Every task's result, in task order. ``jobs`` workers when there are enough files to pay for them."""
    jobs = jobs or default_jobs()
    show = _want_progress(len(tasks)) if progress is None else progress
    results: list[FileResult | None] = [None] * len(tasks)
    bar = _Bar(len(tasks)) if show else None
    parallel = [i for i, t in enumerate(tasks) if t.path != "-" or t.data is not None]
    if jobs > 1 and len(parallel) >= PARALLEL_MIN_FILES:
        _run_pool(tasks, parallel, results, rule_args, opts, min(jobs, len(parallel)), bar)
    for i, t in enumerate(tasks):
        if results[i] is None:
            results[i] = check_one(t, rules, opts)
            if bar:
                bar.advance()
    if bar:
        bar.stop()
    return [r for r in results if r is not None]


def _run_pool(tasks: list[Task], idx: list[int], results: list, rule_args: RuleArgs, opts: object, jobs: int,
              bar: _Bar | None) -> None:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(rule_args, opts)) as pool:
        futures = {pool.submit(_worker, tasks[i]): i for i in idx}
        if bar:
            bar.start()
        for fut in as_completed(futures):
            results[futures[fut]] = fut.result()
            if bar:
                bar.advance()


def _want_progress(n: int) -> bool:
    return n > PROGRESS_MIN_FILES and sys.stderr.isatty() and not os.environ.get("CI")


class _Bar:
    """A rich progress bar on standard error, started lazily (after worker processes exist)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self._p = None
        self._task = None

    def start(self) -> None:
        if self._p is not None:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._p = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                           console=Console(stderr=True), transient=True)
        self._p.start()
        self._task = self._p.add_task("check", total=self.total)

    def advance(self) -> None:
        self.start()
        assert self._p is not None
        self._p.advance(self._task)

    def stop(self) -> None:
        if self._p is not None:
            self._p.stop()
