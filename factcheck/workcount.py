"""Counts of work done, so a test can assert that work grows linearly with the input (timing stays in
benchmarks/: a machine shared by several processes cannot time a test honestly).

Hot loops say what they examine::

    from .. import workcount
    workcount.count("extract.antecedent")          # one candidate examined
    workcount.count("extract.title_case_chars", n)  # n characters scanned

Outside ``collect()`` a call is one global read and a return. Inside it, counts add up in a ``Counter``::

    with workcount.collect() as c:
        extract_text(text)
    c["extract.antecedent"]

``collect(profile=("factcheck.claims",))`` also counts the calls of every Python function defined in those
modules (``"call:factcheck.claims.base.noun_class"``), through ``sys.setprofile``: slow, but it needs no
counter in the code, so it can watch a module before anyone has instrumented it.

``growth(run, make, sizes)`` runs ``run(make(n))`` once per size and returns the counts; ``superlinear(...)``
names the counters whose count per unit of input grew by more than a slack factor from the smallest size to
the largest (a linear count keeps a constant count per unit; a quadratic one doubles it with each doubling).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

_active: Counter[str] | None = None


def count(name: str, n: int = 1) -> None:
    """Add ``n`` to counter ``name`` while a ``collect()`` is open; nothing otherwise."""
    if _active is not None:
        _active[name] += n


def enabled() -> bool:
    """Is a ``collect()`` open? (to skip computing an ``n`` that costs something)"""
    return _active is not None


@contextmanager
def collect(profile: Sequence[str] = ()) -> Iterator[Counter[str]]:
    """Gather every ``count()`` made inside the block (and, with ``profile``, calls of those modules' functions)."""
    global _active
    outer = _active
    counts: Counter[str] = Counter()
    _active = counts
    old_profile = sys.getprofile()
    if profile:
        prefixes = tuple(profile)
        names: dict[Any, str | None] = {}

        def hook(frame: Any, event: str, arg: Any) -> None:
            if event != "call":
                return
            code = frame.f_code
            name = names.get(code, "")
            if name == "":
                mod = frame.f_globals.get("__name__", "")
                name = f"call:{mod}.{code.co_qualname}" if mod.startswith(prefixes) else None
                names[code] = name
            if name is not None:
                counts[name] += 1

        sys.setprofile(hook)
    try:
        yield counts
    finally:
        if profile:
            sys.setprofile(old_profile)
        _active = outer
        if outer is not None:
            outer.update(counts)


def growth(run: Callable[[T], object], make: Callable[[int], T], sizes: Sequence[int],
           profile: Sequence[str] = ()) -> list[Counter[str]]:
    """The counts of ``run(make(n))`` for each ``n`` in ``sizes`` (one run each, after one warm-up run at the
    smallest size, so one-time work such as compiling patterns is not counted)."""
    run(make(sizes[0]))
    out = []
    for n in sizes:
        data = make(n)
        with collect(profile) as c:
            run(data)
        out.append(c)
    return out


def superlinear(counts: Sequence[Counter[str]], sizes: Sequence[int], slack: float = 1.25,
                minimum: int = 50) -> dict[str, list[float]]:
    """Counters whose count per unit of input grew by more than ``slack`` between the first size and the last:
    name -> counts per unit at each size. Counters below ``minimum`` at the largest size are too small to judge."""
    bad: dict[str, list[float]] = {}
    names = set().union(*counts)
    for name in sorted(names):
        per_unit = [c.get(name, 0) / n for c, n in zip(counts, sizes, strict=True)]
        if counts[-1].get(name, 0) < minimum:
            continue
        first = next((x for x in per_unit if x > 0), 0.0)
        if first and per_unit[-1] > first * slack:
            bad[name] = per_unit
    return bad
