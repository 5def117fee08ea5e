"""Run the pipeline over many inputs: in order, in parallel when it pays, with a progress bar on a terminal.

A task is a path (read by the worker) or a path with its bytes already in hand (standard input, a file's
staged version from git). Results come back in input order whatever the number of workers. A file that
cannot be read becomes a ``FileResult`` with ``error`` set (one warning line, then the next file).

Parallel runs pay for start-up once. Where ``fork`` is safe (Linux and other Unix but macOS) the parent
loads the rules, runs the pipeline once on a short built-in text (importing every stage and compiling the
patterns most releases reach) and then forks its workers, which inherit all of that; tasks go to them in
chunks of file indices and results come back one file at a time. Elsewhere a process pool with an
initializer does the same work once per worker. Below a threshold of work (PARALLEL_MIN_FILES files and
PARALLEL_MIN_BYTES bytes) one process is faster and no worker is started.

A worker that dies (killed, out of memory, a crash in a C extension) costs only the file it was checking:
that file gets an error naming the signal or exit status ("internal error": the internal-error exit code), a new
worker takes over the rest of its chunk, and the report is written as usual.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from dataclasses import dataclass
from typing import Any

from .model import FileResult, FindingStream

PARALLEL_MIN_FILES = 4  # below this, starting worker processes costs more than it saves
PARALLEL_MIN_BYTES = 48 * 1024  # ... and below this much text (benchmarks/run.py measures the crossover)
PROGRESS_MIN_FILES = 5
MAX_CHUNK = 16  # files per message to a worker: fewer messages, still a balanced finish

WARM_TEXT = (
    "ANKARA, Jan. 5, 2024 - Otokar signed a EUR 857 million ($928 million) contract for 1,059 COBRA II 4x4 "
    "vehicles, up 12.5% from 941 in 2023. Deliveries of about 20 to 30 units a month run over five years; "
    "the vehicles weigh 12 t, cover 600 km at 110 km/h and carry 9 people. Revenue rose from TRY 2.7 "
    "billion to 5.3 billion, a third of it exported, twice the 2022 level.\n"
)


@dataclass(frozen=True)
class Task:
    """One file to check, as a worker receives it."""

    path: str
    data: bytes | None = None  # None: read ``path`` (or standard input for ``-``)


@dataclass(frozen=True)
class RuleArgs:
    """The rule options a worker rebuilds the rule set from."""

    paths: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


_STATE: dict = {}


def _init(rule_args: RuleArgs, opts: object) -> None:
    from .ruleset import load_rules

    _STATE["rules"] = load_rules(rule_args.paths, rule_args.select, rule_args.ignore)
    _STATE["opts"] = opts
    warm(_STATE["rules"], opts)


def warm(rules: object, opts: object) -> None:
    """Run the pipeline once on a short text: every stage imported, the usual patterns compiled (once per
    rule set and options in a process)."""
    from .model import Document
    from .pipeline import run

    key = (id(rules), repr(opts))
    if _STATE.get("warm") == key:
        return
    _STATE["warm"] = key
    try:
        run(Document("<warm-up>", WARM_TEXT), rules, opts)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - warming is an optimisation; the real run reports real errors
        pass


def check_one(task: Task, rules: object, opts: object) -> FileResult:
    """Read one input and run the pipeline on it; unreadable input and internal errors become ``error``."""
    from .baseline import with_fingerprints
    from .document import DEFAULT_MAX_SIZE, InputError, read_bytes, read_path
    from .pipeline import run

    limit = getattr(opts, "max_size", DEFAULT_MAX_SIZE)
    try:
        doc = read_path(task.path, max_size=limit) if task.data is None else read_bytes(task.data, task.path,
                                                                                         max_size=limit)
        result = run(doc, rules, opts)  # type: ignore[arg-type]
        return result if isinstance(result.findings, FindingStream) else with_fingerprints(result)  # a stream: as made
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


def _worker_chunk(chunk: list[Task]) -> list[FileResult]:
    return [check_one(t, _STATE["rules"], _STATE["opts"]) for t in chunk]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _size(task: Task) -> int:
    if task.data is not None:
        return len(task.data)
    try:
        return os.stat(task.path).st_size
    except OSError:
        return 0


def worth_parallel(tasks: list[Task], jobs: int) -> bool:
    """Enough files and enough text that workers pay for themselves."""
    if jobs <= 1 or len(tasks) < PARALLEL_MIN_FILES:
        return False
    total = 0
    for t in tasks:
        total += _size(t)
        if total >= PARALLEL_MIN_BYTES:
            return True
    return False


def chunk_size(n: int, jobs: int) -> int:
    """Files per chunk: about eight chunks per worker, at most MAX_CHUNK files each."""
    return max(1, min(MAX_CHUNK, -(-n // (jobs * 8))))


def run_all(tasks: list[Task], rules: object, rule_args: RuleArgs, opts: object, jobs: int,
            progress: bool | None = None) -> list[FileResult]:
    """Every task's result, in task order. ``jobs`` workers (0: one per core) when there is enough work."""
    jobs = jobs or default_jobs()
    show = _want_progress(len(tasks)) if progress is None else progress
    results: list[FileResult | None] = [None] * len(tasks)
    bar = _Bar(len(tasks)) if show else None
    parallel = [i for i, t in enumerate(tasks) if t.path != "-" or t.data is not None]
    if worth_parallel([tasks[i] for i in parallel], jobs):
        workers = min(jobs, len(parallel))
        if _fork_ok():
            _run_forked(tasks, parallel, results, rules, opts, workers, bar)
        else:
            _run_pool(tasks, parallel, results, rule_args, opts, workers, bar)
    for i, t in enumerate(tasks):
        if results[i] is None:
            results[i] = check_one(t, rules, opts)
            if bar:
                bar.advance()
    if bar:
        bar.stop()
    return [r for r in results if r is not None]


def _fork_ok() -> bool:
    return hasattr(os, "fork") and sys.platform != "darwin" and not os.environ.get("FACTCHECK_NO_FORK")


def _died(path: str, how: str) -> FileResult:
    return FileResult(path=path, document=None,
                      error=f"{path}: internal error (the worker process checking it {how}); the other files were "
                            "checked; please report it (--jobs 1 checks in one process)")


def _how(status: int) -> str:
    import signal

    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = f"signal {sig}"
        return f"was killed by {name}" + (" (out of memory?)" if sig == signal.SIGKILL else "")
    return f"exited with status {os.WEXITSTATUS(status)}" if os.WIFEXITED(status) else "died"


# ------------------------------------------------------------------------------------------------ fork

class _Fork:
    """One forked worker: its process id, its end of the pipe, the chunk it is checking."""

    def __init__(self, pid: int, conn: Any) -> None:
        self.pid, self.conn = pid, conn
        self.chunk: deque[int] = deque()  # indices sent and not yet answered, in order


def _serve(conn: Any, tasks: list[Task], rules: object, opts: object) -> None:
    """A worker's loop: a chunk of task indices in, one (index, result) out per file; None ends it."""
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for i in chunk:
            conn.send((i, check_one(tasks[i], rules, opts)))


def _spawn(tasks: list[Task], rules: object, opts: object, others: list[_Fork]) -> _Fork:
    import signal
    from multiprocessing import Pipe

    ours, theirs = Pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the worker
        code = 0
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends its workers
            ours.close()
            for w in others:
                w.conn.close()
            _serve(theirs, tasks, rules, opts)
        except BaseException:  # noqa: BLE001 - a worker never unwinds into the parent's code
            code = 70
        finally:
            os._exit(code)  # no atexit handlers, no second flush of the parent's buffers
    theirs.close()
    return _Fork(pid, ours)


def _run_forked(tasks: list[Task], idx: list[int], results: list, rules: object, opts: object, jobs: int,
                bar: _Bar | None) -> None:
    from multiprocessing.connection import wait

    warm(rules, opts)
    size = chunk_size(len(idx), jobs)
    todo: deque[list[int]] = deque(idx[k:k + size] for k in range(0, len(idx), size))
    workers: list[_Fork] = []
    try:
        for _ in range(min(jobs, len(todo))):
            workers.append(_spawn(tasks, rules, opts, workers))
        for w in workers:
            _feed(w, todo)
        if bar:
            bar.start()
        while any(w.chunk for w in workers):
            for ready in wait([w.conn for w in workers if w.chunk]):
                w = next(x for x in workers if x.conn is ready)
                try:
                    i, result = w.conn.recv()
                except (EOFError, OSError):
                    _lost(w, tasks, results, todo, bar)
                    workers.remove(w)
                    if todo:
                        nw = _spawn(tasks, rules, opts, workers)
                        workers.append(nw)
                        _feed(nw, todo)
                    continue
                results[i] = result
                w.chunk.popleft()
                if bar:
                    bar.advance()
                if not w.chunk:
                    _feed(w, todo)
    finally:
        for w in workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in workers:
            _reap(w, hard=sys.exc_info()[0] is not None)


def _feed(w: _Fork, todo: deque[list[int]]) -> None:
    if todo and not w.chunk:
        chunk = todo.popleft()
        w.chunk.extend(chunk)
        try:
            w.conn.send(chunk)
        except OSError:
            pass  # it died: the next read says so


def _lost(w: _Fork, tasks: list[Task], results: list, todo: deque[list[int]], bar: _Bar | None) -> None:
    """A worker died: the file it was on gets an error; the rest of its chunk goes back in the queue."""
    status = _reap(w, hard=False)
    first = w.chunk.popleft()
    results[first] = _died(tasks[first].path, _how(status))
    if bar:
        bar.advance()
    if w.chunk:
        todo.appendleft(list(w.chunk))
    w.chunk.clear()


def _reap(w: _Fork, hard: bool) -> int:
    import signal

    try:
        w.conn.close()
    except OSError:
        pass
    if hard:
        try:
            os.kill(w.pid, signal.SIGTERM)
        except OSError:
            pass
    try:
        return os.waitpid(w.pid, 0)[1]
    except ChildProcessError:
        return 0


# ------------------------------------------------------------------------------------------------ pool

def _run_pool(tasks: list[Task], idx: list[int], results: list, rule_args: RuleArgs, opts: object, jobs: int,
              bar: _Bar | None) -> None:
    """Where fork is not safe: a process pool whose workers load the rules and warm up once each."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    size = chunk_size(len(idx), jobs)
    chunks = [idx[k:k + size] for k in range(0, len(idx), size)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(rule_args, opts)) as pool:
        futures = {pool.submit(_worker_chunk, [tasks[i] for i in chunk]): chunk for chunk in chunks}
        if bar:
            bar.start()
        for fut in as_completed(futures):
            chunk = futures[fut]
            try:
                got = fut.result()
            except BrokenProcessPool:
                got = [_died(tasks[i].path, "died, taking its batch of files with it") for i in chunk]
            for i, r in zip(chunk, got, strict=True):
                results[i] = r
                if bar:
                    bar.advance()


def _want_progress(n: int) -> bool:
    return n > PROGRESS_MIN_FILES and sys.stderr.isatty() and not os.environ.get("CI")


class _Bar:
    """A rich progress bar on standard error, started lazily (after worker processes exist)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self._p: Any = None
        self._task: Any = None

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
