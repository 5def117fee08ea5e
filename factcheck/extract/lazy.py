"""Regular expressions: compiled once per process, on first use, and kept compiled between runs.

Compiling with ``regex`` is slow (its parser is pure Python) and a git hook pays it on every commit. Three
things keep that cost down:

- ``rx(pattern, flags)`` is ``regex.compile`` with a plain dictionary in front: code calls
  ``rx(r"...").match(s)`` where it would call ``regex.match(r"...", s)``, which pays ``regex``'s own cache
  look-up (several microseconds, its flags are an Enum) on every call.
- ``LazyPattern`` stands in for a module-level pattern that only some documents reach (scientific notation,
  vulgar fractions, an unused grammar rule): any attribute (``match``, ``finditer``, ``pattern`` ...)
  compiles it once, through ``rx``.
- The compiled patterns are saved in the user cache folder when the process exits (factcheck.cache), keyed
  by the versions of factcheck, ``regex`` and Python, as the programs ``regex`` compiled them into (what it
  pickles a pattern as: plain strings, numbers and bytes). The next run reads the file (well under 1 ms for
  some 400 programs) and builds a pattern from its program only when the pattern is first used (~10 us each,
  no parsing), so patterns a run does not reach cost nothing. A pattern not in the file is compiled as usual
  and the file rewritten once.
"""

from __future__ import annotations

import atexit
import os
import sys
from typing import Any

import regex

_MEMO: dict[tuple[str, int], regex.Pattern] = {}
_DISK: dict[tuple[str, int], tuple] | None = None  # (pattern, flags) -> the arguments of _regex.compile
_STATE = {"new": 0, "pid": 0, "from_disk": 0}
MAX_SAVED = 5000  # more distinct patterns than this (generated rule sets?): keep only this run's


def _cache_name() -> str:
    from .. import __version__

    return f"patterns-{__version__}-regex{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"


def _load_disk() -> dict[tuple[str, int], tuple]:
    """The saved programs: plain data only (the unpickler builds no class at all); each entry is checked
    when it is used."""
    from .. import cache

    got = cache.load(_cache_name(), "programs")
    return got if isinstance(got, dict) else {}


def _program(pattern: regex.Pattern) -> tuple | None:
    """What ``regex`` pickles a compiled pattern as: the arguments of ``_regex.compile`` (None if unknown)."""
    data = getattr(pattern, "_pickled_data", None)
    return data if isinstance(data, tuple) and data[:1] == (pattern.pattern,) else None


def _from_program(key: tuple[str, int], args: Any) -> regex.Pattern | None:
    """The pattern built from a saved program, or None when the entry is not one (damaged, foreign)."""
    if not (isinstance(args, tuple) and len(args) > 2 and args[0] == key[0] and isinstance(args[2], bytes)):
        return None
    try:
        from regex import _regex

        got = _regex.compile(*args)
    except Exception:  # noqa: BLE001 - an entry that does not build is compiled again
        return None
    ok = isinstance(got, regex.Pattern) and got.pattern == key[0] and got.flags & key[1] == key[1]
    return got if ok else None


def save() -> None:
    """Write the programs of the patterns compiled in this process (and those loaded) to the cache, if any
    are new."""
    if not _STATE["new"] or _STATE["pid"] != os.getpid():
        return  # nothing new, or a forked worker (the parent saves)
    from .. import cache

    mine = {k: prog for k, v in _MEMO.items() if (prog := _program(v)) is not None}
    keep = dict(_DISK or {})
    keep.update(mine)
    if len(keep) > MAX_SAVED:
        keep = mine
    cache.store(_cache_name(), keep, "programs")
    _STATE["new"] = 0


def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, once per process (and, through the cache file, once per version)."""
    key = (pattern, int(flags))
    got = _MEMO.get(key)
    if got is not None:
        return got
    global _DISK
    if _DISK is None:
        _DISK = _load_disk()
        _STATE["pid"] = os.getpid()
        atexit.register(save)
    args = _DISK.get(key)
    got = None if args is None else _from_program(key, args)
    if got is None:
        got = regex.compile(pattern, flags)
        _STATE["new"] += 1
    else:
        _STATE["from_disk"] += 1
    _MEMO[key] = got
    return got


def compiled_patterns() -> int:
    """How many patterns this process holds (for tests and benchmarks)."""
    return len(_MEMO)


class LazyPattern:
    """``regex.compile(pattern, flags)``, done the first time the pattern is used."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags
        self._compiled: regex.Pattern | None = None

    def spec(self) -> tuple[str, int]:
        """The pattern's text and flags, as given (without compiling it)."""
        return self._source, int(self._flags)

    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = rx(self._source, self._flags)
        return self._compiled

    # the usual methods directly (no __getattr__ round trip on every call)
    def match(self, *a: Any, **k: Any) -> Any:
        return (self._compiled or self.compiled()).match(*a, **k)

    def search(self, *a: Any, **k: Any) -> Any:
        return (self._compiled or self.compiled()).search(*a, **k)

    def fullmatch(self, *a: Any, **k: Any) -> Any:
        return (self._compiled or self.compiled()).fullmatch(*a, **k)

    def finditer(self, *a: Any, **k: Any) -> Any:
        return (self._compiled or self.compiled()).finditer(*a, **k)

    def findall(self, *a: Any, **k: Any) -> Any:
        return (self._compiled or self.compiled()).findall(*a, **k)

    def sub(self, *a: Any, **k: Any) -> Any:
        return (self._compiled or self.compiled()).sub(*a, **k)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in self.__slots__:  # copy/pickle probing, or a half-built object
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"
