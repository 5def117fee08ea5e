"""Parallel checking: same results in the same order as one process, workers started once, and a worker
that dies costs only the file it was checking."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import runner
from factcheck.model import FileResult
from factcheck.pipeline import Options
from factcheck.ruleset import load_rules
from factcheck.runner import RuleArgs, Task

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(str(p) for p in (ROOT / "samples").glob("*.txt"))


def _key(r: FileResult) -> tuple:
    return (r.path, r.error, [(m.start, m.end, m.type, m.value, m.unit) for m in r.mentions],
            [(f.rule, f.status, f.start, f.end, f.message) for f in r.findings])


@pytest.fixture
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(runner, "PARALLEL_MIN_FILES", 2)


def _run(tasks: list[Task], jobs: int) -> list[FileResult]:
    return runner.run_all(tasks, load_rules(), RuleArgs(), Options(), jobs, progress=False)


@pytest.mark.skipif(not runner._fork_ok(), reason="fork workers: Linux and other Unix")
def test_forked_workers_give_the_same_results_in_the_same_order(always_parallel: None) -> None:
    tasks = [Task(p) for p in SAMPLES] + [Task("no/such/file.txt"), Task("<stdin>", b"Up 12% from 100 to 112.")]
    one = _run(tasks, 1)
    two = _run(tasks, 2)
    assert [r.path for r in two] == [t.path for t in tasks]
    assert [_key(r) for r in two] == [_key(r) for r in one]
    assert two[-2].error and "no/such/file.txt" in two[-2].error


def test_the_pool_path_gives_the_same_results(always_parallel: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_NO_FORK", "1")
    tasks = [Task(p) for p in SAMPLES[:8]]
    assert [_key(r) for r in _run(tasks, 2)] == [_key(r) for r in _run(tasks, 1)]


def _kill_on(path: str, parent: int):
    real = runner.check_one

    def check_one(task: Task, rules: object, opts: object) -> FileResult:
        if task.path == path and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(task, rules, opts)

    return check_one


@pytest.mark.skipif(not runner._fork_ok(), reason="fork workers: Linux and other Unix")
def test_a_killed_worker_costs_only_its_file(always_parallel: None, monkeypatch: pytest.MonkeyPatch) -> None:
    tasks = [Task(f"f{i}.txt", f"Sales rose {i}% to EUR {100 + i} million.".encode()) for i in range(40)]
    monkeypatch.setattr(runner, "check_one", _kill_on("f13.txt", os.getpid()))
    got = _run(tasks, 2)
    assert [r.path for r in got] == [t.path for t in tasks]
    bad = [r for r in got if r.error]
    assert [r.path for r in bad] == ["f13.txt"]
    assert "internal error" in bad[0].error and "SIGKILL" in bad[0].error
    assert all(r.mentions for r in got if not r.error)  # the rest of its chunk was checked by a new worker

    from factcheck.cli import EXIT_INTERNAL, _exit_code

    assert _exit_code(got, "fail") == EXIT_INTERNAL  # an internal error (3), the report still complete


def test_a_broken_pool_marks_its_batch_and_finishes(always_parallel: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool path (no fork): a dead worker breaks the pool; its files get an error, none is missing."""
    monkeypatch.setattr(runner, "check_one", _kill_on("f5.txt", os.getpid()))  # forked pool workers see it
    tasks = [Task(f"f{i}.txt", b"Up 12% from 100 to 112.") for i in range(12)]
    results: list = [None] * len(tasks)
    runner._run_pool(tasks, list(range(12)), results, RuleArgs(), Options(), 2, None)
    assert all(isinstance(r, FileResult) for r in results)
    assert any(r.error and "internal error" in r.error for r in results)
    assert results[5].error


def test_small_runs_stay_in_one_process(tmp_path: Path) -> None:
    small = [Task(f"{i}.txt", b"12 tanks") for i in range(10)]
    assert not runner.worth_parallel(small, 2)  # 80 bytes: workers cost more than they save
    big = [Task(f"{i}.txt", b"x" * (runner.PARALLEL_MIN_BYTES // 4)) for i in range(4)]
    assert runner.worth_parallel(big, 2)
    assert not runner.worth_parallel(big, 1)
    assert not runner.worth_parallel(big[:runner.PARALLEL_MIN_FILES - 1], 8)


def test_chunks_are_bounded_and_balanced() -> None:
    assert runner.chunk_size(1000, 2) == runner.MAX_CHUNK
    assert runner.chunk_size(40, 2) == 3
    assert runner.chunk_size(3, 8) == 1


def test_jobs_zero_means_one_per_core() -> None:
    assert runner.default_jobs() >= 1
    assert runner.default_jobs() == len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else True


def test_cli_output_is_the_same_with_two_jobs() -> None:
    """samples/ is above the threshold, so --jobs 2 forks workers; the report is byte for byte the same."""
    def run(jobs: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "factcheck", "--format", "json", "--jobs", jobs, "samples"],
                              capture_output=True, text=True, cwd=ROOT, check=False)

    one, two = run("1"), run("2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stdout.startswith("{")
    assert two.stderr == one.stderr
