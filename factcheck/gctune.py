"""The garbage collector tuned for one command-line run (start-up): see ``for_a_run``. A module of its own, so
that ``python -m factcheck`` (``__main__``) tunes it before importing the command line's modules."""

from __future__ import annotations

from typing import Any

THRESHOLD = 20_000


def for_a_run(gc: Any) -> None:
    """With its default threshold (700 allocations) a one-release check runs ~50 young collections that free
    next to nothing (~6 ms); at 20,000 it runs one or none. Garbage in reference cycles waits for at most 20,000
    allocations more: a few MiB at worst, against the tens a run holds anyway. Pythons whose threshold is already
    higher are left alone."""
    first, *rest = gc.get_threshold()
    if 0 < first < THRESHOLD:
        gc.set_threshold(THRESHOLD, *rest)
