"""Regular expressions: compiled once per process, on first use, and kept compiled between runs.

Compiling with ``regex`` is slow (its parser is pure Python) and a git hook pays it on every commit. Four
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
  no parsing), so patterns a run does not reach cost nothing. A pattern not in the file (or whose program
  there does not build that pattern) is compiled as usual and the file rewritten once.
- ``regex``'s module functions (``regex.search(r"...", s)`` and the like, written all over the linker) are
  served the same way, by fastregex.py, which factcheck's modules import under the name ``regex`` (for a
  plain ``str`` pattern with no DEBUG or LOCALE flag; anything else goes to ``regex``). A pattern parsed there is saved from
  its second sighting on, as stdcache.py does for the standard library: the first run that parses it records
  a digest of it (a small second file), so a pattern built from a document's words (``regex.search(rf"\b{w}",
  ...)``) never fills the file or rewrites it on every run. Those patterns are kept in a dictionary of at
  most ``MAX_CALLS`` in the process (emptied when full, as ``regex`` empties its own cache).
- ``regex`` itself is imported only when a pattern has to be parsed (its parser, ``regex._regex_core``, and
  ``regex._main`` are pure Python: importing them was some 8 ms of a one-release check). A pattern is built
  from its program by ``regex``'s compiled engine, ``regex._regex``, loaded on its own (_engine); the saved
  programs are keyed by that file (its size and time) instead of ``regex.__version__``, which only
  ``regex._main`` holds.
"""

from __future__ import annotations

import atexit
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import regex

_MEMO: dict[tuple[str, int], regex.Pattern] = {}
_DISK: dict[tuple[str, int], tuple] | None = None  # (pattern, flags) -> the arguments of _regex.compile
_CALLS: dict[tuple[str, int], regex.Pattern] = {}  # parsed for regex's module functions (not in _MEMO)
_PARSED_CALLS: dict[tuple[str, int], tuple] = {}  # ... their programs, to be saved from a second sighting on
_STATE = {"new": 0, "pid": 0, "from_disk": 0}
MAX_SAVED = 5000  # more distinct patterns than this (generated rule sets?): keep only this run's
MAX_CALLS = 1000
MAX_SEEN = 500


def _engine() -> Any:
    """``regex._regex``, regex's compiled engine, without importing the ``regex`` package (whose ``__init__``
    imports its pure-Python parser): loaded from the package's folder on its own and entered in
    ``sys.modules`` under its own name, where ``regex`` finds it when it is imported later. Anything unusual
    (another layout, a zipped install) imports ``regex`` as usual."""
    got = sys.modules.get("regex._regex")
    if got is not None:
        return got
    try:
        import importlib.util
        from importlib.machinery import ExtensionFileLoader, PathFinder

        pkg = PathFinder.find_spec("regex")
        where = pkg.submodule_search_locations if pkg is not None else None
        spec = PathFinder.find_spec("regex._regex", list(where)) if where else None
        if spec is None or not isinstance(spec.loader, ExtensionFileLoader):
            raise ImportError("regex._regex")
        got = importlib.util.module_from_spec(spec)
        sys.modules["regex._regex"] = got
        spec.loader.exec_module(got)
        return got
    except Exception:  # noqa: BLE001 - then as regex itself does it
        sys.modules.pop("regex._regex", None)
        from regex import _regex

        return _regex


_C = _engine()


def real() -> Any:
    """The ``regex`` module itself, imported on first need (a pattern to parse, ``regex.error``, a flag or
    function that fastregex.py does not serve)."""
    import regex

    return regex


def _engine_stamp() -> str:
    """What identifies the engine, and so the programs it runs: its file's size and time, and its MAGIC."""
    try:
        st = os.stat(_C.__file__)
        return f"{st.st_size:x}{st.st_mtime_ns:x}{getattr(_C, 'MAGIC', 0):x}"
    except (AttributeError, OSError, TypeError):  # pragma: no cover - an engine without a file
        return "nofile"


def _cache_name() -> str:
    from .. import __version__

    return f"patterns-{__version__}-regex{_engine_stamp()}-py{sys.version_info[0]}{sys.version_info[1]}"


def _seen_name() -> str:
    return _cache_name().replace("patterns-", "patterns-seen-", 1) + ".marshal"


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
        got = _C.compile(*args)
        ok = got.pattern == key[0] and got.flags & key[1] == key[1] and callable(got.search)
    except Exception:  # noqa: BLE001 - an entry that does not build is compiled again
        return None
    return got if ok else None


def _digest(key: tuple[str, int]) -> bytes:
    from ..stdcache import _digest as digest

    return digest(key[0], key[1])


def _promoted() -> dict[tuple[str, int], tuple]:
    """The programs parsed for module functions in this run that an earlier run parsed too (they are made on
    every run); the others' digests are recorded for the next run."""
    if not _PARSED_CALLS:
        return {}
    import marshal

    from .. import cache

    data = cache.read_private(_seen_name())
    try:
        got = marshal.loads(data) if data is not None else None
    except Exception:  # noqa: BLE001 - a damaged file means: nothing seen
        got = None
    old = [d for d in got if isinstance(d, bytes)] if isinstance(got, list) else []
    before = set(old)
    out, fresh = {}, []
    for key, prog in _PARSED_CALLS.items():
        d = _digest(key)
        if d in before:
            out[key] = prog
        else:
            fresh.append(d)
    if out or fresh:
        gone = {_digest(k) for k in out}
        cache.write_private(_seen_name(), marshal.dumps([*(d for d in old if d not in gone), *fresh][-MAX_SEEN:]))
    _PARSED_CALLS.clear()
    return out


def save() -> None:
    """Write the programs of the patterns compiled in this process (and those loaded) to the cache, if any
    are new."""
    if _STATE["pid"] != os.getpid():
        return  # never loaded, or a forked worker (the parent saves)
    promoted = _promoted()
    if not _STATE["new"] and not promoted:
        return
    from .. import cache

    mine = {k: prog for k, v in _MEMO.items() if (prog := _program(v)) is not None}
    mine.update(promoted)
    keep = dict(_DISK or {})
    keep.update(mine)
    if len(keep) > MAX_SAVED:
        keep = mine
    cache.store(_cache_name(), keep, "programs")
    _STATE["new"] = 0


def _disk() -> dict[tuple[str, int], tuple]:
    global _DISK
    if _DISK is None:
        _DISK = _load_disk()
        _STATE["pid"] = os.getpid()
        atexit.register(save)
    return _DISK


def _saved(key: tuple[str, int]) -> regex.Pattern | None:
    """The pattern built from its saved program, if the file has a good one (a bad one is dropped, and the
    file rewritten without it)."""
    disk = _disk()
    args = disk.get(key)
    if args is None:
        return None
    got = _from_program(key, args)
    if got is None:
        del disk[key]
        _STATE["new"] += 1
        return None
    _STATE["from_disk"] += 1
    return got


def _parse(key: tuple[str, int]) -> regex.Pattern:
    return real().compile(key[0], key[1])


def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, once per process (and, through the cache file, once per version)."""
    key = (pattern, int(flags))
    got = _MEMO.get(key)
    if got is not None:
        return got
    got = _saved(key)
    if got is None:
        got = _CALLS.get(key) or _parse(key)
        _STATE["new"] += 1
    _MEMO[key] = got
    return got


def _from_call(key: tuple[str, int]) -> regex.Pattern:
    """The pattern for one of regex's module functions (a miss of _MEMO and _CALLS)."""
    got = _saved(key)
    if got is not None:
        _MEMO[key] = got
        return got
    got = _parse(key)
    if len(_CALLS) >= MAX_CALLS:
        _CALLS.clear()
    _CALLS[key] = got
    prog = _program(got)
    if prog is not None and len(_PARSED_CALLS) < MAX_CALLS:
        _PARSED_CALLS[key] = prog
    return got


def escape(word: str) -> str:
    """``regex.escape(word)``, without its loop over the characters for a word of letters and digits only
    (most vocabulary words), which it returns unchanged: none of its metacharacters is a letter or a digit,
    and it escapes only those and white space."""
    return word if word.isalnum() else escape_all(word)


_METACHARS = frozenset("()[]{}?*+|^$\\.-#&~")  # regex._main._METACHARS


def escape_all(text: str) -> str:
    """``regex.escape(text)`` (its defaults: special characters and white space escaped), without importing
    regex."""
    return "".join("\\" + c if c in _METACHARS or c.isspace() else c for c in text)


def compiled_patterns() -> int:
    """How many patterns this process holds (for tests and benchmarks)."""
    return len(_MEMO)


class LazyPattern:
    """``regex.compile(pattern, flags)``, done the first time the pattern is used: a module-level pattern that
    a run does not reach costs nothing (of some 300, a one-release check uses under a third). Once compiled,
    the compiled pattern's own methods are set on the object (instance attributes shadow the class's), so a
    call costs what a call on the compiled pattern costs. ``pattern`` is the text as given, without compiling.
    It pickles and copies as its text and flags."""

    _METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags
        self._compiled: regex.Pattern | None = None

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return LazyPattern, (self._source, self._flags)

    @property
    def pattern(self) -> str:
        return self._source

    def spec(self) -> tuple[str, int]:
        """The pattern's text and flags, as given (without compiling it)."""
        return self._source, int(self._flags)

    def compiled(self) -> regex.Pattern:
        got = self._compiled
        if got is None:
            got = rx(self._source, self._flags)
            own = self.__dict__
            for name in self._METHODS:
                own[name] = getattr(got, name)
            self._compiled = got
        return got

    # until then, the usual methods compile it (and are replaced by the compiled pattern's own)
    def match(self, *a: Any, **k: Any) -> Any:
        return self.compiled().match(*a, **k)

    def search(self, *a: Any, **k: Any) -> Any:
        return self.compiled().search(*a, **k)

    def fullmatch(self, *a: Any, **k: Any) -> Any:
        return self.compiled().fullmatch(*a, **k)

    def finditer(self, *a: Any, **k: Any) -> Any:
        return self.compiled().finditer(*a, **k)

    def findall(self, *a: Any, **k: Any) -> Any:
        return self.compiled().findall(*a, **k)

    def sub(self, *a: Any, **k: Any) -> Any:
        return self.compiled().sub(*a, **k)

    def subn(self, *a: Any, **k: Any) -> Any:
        return self.compiled().subn(*a, **k)

    def split(self, *a: Any, **k: Any) -> Any:
        return self.compiled().split(*a, **k)

    def splititer(self, *a: Any, **k: Any) -> Any:
        return self.compiled().splititer(*a, **k)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_source", "_flags", "_compiled"):  # copy/pickle probing, or a
            raise AttributeError(name)  # half-built object
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"
