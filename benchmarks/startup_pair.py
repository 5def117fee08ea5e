"""Paired start-up cost of two factcheck source trees: `factcheck check` on one release, interleaved runs.

Usage: python3 benchmarks/startup_pair.py RELEASE TREE_A TREE_B [RUNS]

Each tree runs with its own warm start-up cache (FACTCHECK_CACHE_DIR) and with bytecode writing on (a set
PYTHONDONTWRITEBYTECODE would recompile every edited module on every run and show a regression that is not one).
Three warm-up runs each, then RUNS (default 20) pairs, interleaved so that load on the machine falls on both alike.
Prints each tree's median CPU time (user + system of the child) and the ratio B / A. Worktrees at two commits
(`git worktree add --detach /tmp/a COMMIT`) are the usual trees.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile


def _cpu(tree: str, release: str, cache: str) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=tree, FACTCHECK_CACHE_DIR=cache)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "factcheck", "check", "--format", "json", release], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str]) -> int:
    if len(argv) < 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    release, trees = argv[1], argv[2:4]
    runs = int(argv[4]) if len(argv) > 4 else 20
    with tempfile.TemporaryDirectory() as tmp:
        caches = {t: os.path.join(tmp, f"cache{i}") for i, t in enumerate(trees)}
        for t in trees:
            for _ in range(3):
                _cpu(t, release, caches[t])
        got: dict[str, list[float]] = {t: [] for t in trees}
        for _ in range(runs):
            for t in trees:
                got[t].append(_cpu(t, release, caches[t]))
    a, b = (statistics.median(got[t]) for t in trees)
    for t in trees:
        print(f"{t}: median {statistics.median(got[t]) * 1000:.1f} ms CPU over {runs} runs")
    print(f"ratio {trees[1]} / {trees[0]}: {b / a:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
