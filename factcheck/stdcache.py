"""What the standard library compiles on every run, kept between runs (start-up).

Two things cost a ``factcheck check`` of one release about 45 ms before any of its own work, and are the same
on every run (a git hook pays them on every commit):

- ``@dataclass`` writes the source of each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and
  (frozen) ``__setattr__``/``__delattr__`` and compiles it with ``exec`` when the class is defined: about 260
  compilations, some 30 ms;
- ``re.compile`` parses each module-level pattern in pure Python into a program for the ``_sre`` engine:
  about 60 patterns, some 10 ms.

``install()`` keeps both results in the user cache folder (factcheck.cache): a caching ``exec`` goes into the
``dataclasses`` module's namespace (only that module's calls go through it), and ``re``'s compiler is wrapped
so that a pattern compiled in an earlier run is built from its recorded ``_sre`` program instead of parsed
again. What is loaded is exactly what would have been made: the code object ``exec`` compiles from the same
source (file name ``<string>``, no inherited ``__future__`` flags); the arguments ``re`` passes to
``_sre.compile`` for the same pattern and flags (which checks the program it is given).

The file is keyed by the Python build (``sys.version``, the bytecode's cache tag and ``_sre.MAGIC``), holds at
most ``MAX_SAVED`` entries of each kind, is written atomically when a run made something new (not by forked
workers) and is ignored when missing, stale, damaged, or not private to this user, as every factcheck cache
file is. Like a ``.pyc`` file it holds bytecode, read with ``marshal``, in a folder only this user can write.
"""

from __future__ import annotations

import builtins
import os
import sys
from types import CodeType
from typing import Any

FORMAT = 2
MAX_SAVED = 2000
_STATE: dict[str, Any] = {"codes": None, "programs": None, "new": 0, "pid": 0, "compiled": 0, "parsed": 0}


def _name() -> str:
    return f"stdlib-compiled-{sys.implementation.cache_tag}.marshal"


def _key() -> str:
    import _sre

    return f"{FORMAT}\0{sys.version}\0{sys.implementation.cache_tag}\0{_sre.MAGIC}"


def _load() -> tuple[dict[str, CodeType], dict[tuple[Any, int], tuple]]:
    from . import cache

    data = cache.read_private(_name())
    if data is None:
        return {}, {}
    try:
        import marshal

        got = marshal.loads(data)
    except Exception:  # noqa: BLE001 - a damaged file means: no cache
        return {}, {}
    if not (isinstance(got, tuple) and len(got) == 3 and got[0] == _key() and isinstance(got[1], dict)
            and isinstance(got[2], dict)):
        return {}, {}
    codes = {k: v for k, v in got[1].items() if isinstance(k, str) and isinstance(v, CodeType)}
    programs = {k: v for k, v in got[2].items() if isinstance(k, tuple) and len(k) == 2 and isinstance(v, tuple)
                and len(v) == 6 and v[0] == k[0] and isinstance(v[2], list)}
    return codes, programs


def _newest(d: dict) -> dict:
    return d if len(d) <= MAX_SAVED else dict(list(d.items())[-MAX_SAVED:])


def save() -> bool:
    """Write what this process compiled (with what was loaded) if anything was new; True if written."""
    codes, programs = _STATE["codes"], _STATE["programs"]
    if not _STATE["new"] or codes is None or programs is None or _STATE["pid"] != os.getpid():
        return False  # nothing new, or a forked worker (the parent saves)
    import marshal

    from . import cache

    try:
        blob = marshal.dumps((_key(), _newest(codes), _newest(programs)))
    except ValueError:  # something marshal cannot write (a pattern of an unusual type): keep the file as is
        return False
    if not cache.write_private(_name(), blob):
        return False
    _STATE["new"] = 0
    return True


# ------------------------------------------------------------------------------------------------ dataclasses

def _exec(source: Any, globals: Any = None, locals: Any = None, /, **kw: Any) -> Any:  # noqa: A002
    if globals is None:  # what exec does: the caller's globals (dataclasses' own)
        globals = sys._getframe(1).f_globals  # noqa: A001
    codes = _STATE["codes"]
    if isinstance(source, str) and codes is not None and not kw:
        code = codes.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            codes[source] = code
            _STATE["new"] += 1
            _STATE["compiled"] += 1
        source = code
    return builtins.exec(source, globals, locals, **kw)


# ------------------------------------------------------------------------------------------------ re

class _SreRecorder:
    """Stands in for ``_sre`` inside ``re._compiler``: records the arguments of ``compile``, forwards the rest."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self.last: tuple | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def compile(self, *args: Any) -> Any:
        self.last = args
        return self._real.compile(*args)


def _re_wrapper(original: Any, recorder: _SreRecorder, real_sre: Any) -> Any:
    def compile(p: Any, flags: int = 0) -> Any:  # noqa: A001 - re._compiler.compile's name and signature
        programs = _STATE["programs"]
        if programs is None or type(p) not in (str, bytes) or type(flags) is not int or flags & 128:  # 128: DEBUG
            return original(p, flags)
        key = (p, flags)
        args = programs.get(key)
        if args is not None:
            return real_sre.compile(*args)
        recorder.last = None
        pattern = original(p, flags)
        got = recorder.last
        if got is not None and got[0] is p:
            programs[key] = (got[0], int(got[1]), [int(x) for x in got[2]], int(got[3]), dict(got[4]), tuple(got[5]))
            _STATE["new"] += 1
            _STATE["parsed"] += 1
        return pattern

    compile.__wrapped__ = original  # type: ignore[attr-defined]
    return compile


def install() -> None:
    """Serve ``dataclasses``' and ``re``'s compilations from the cache (once per process; a no-op without a
    cache folder or when FACTCHECK_CACHE_DIR switches caching off)."""
    import dataclasses

    if getattr(dataclasses, "exec", None) is _exec:
        return
    from . import cache

    if cache.cache_dir() is None:
        return
    _STATE["codes"], _STATE["programs"] = _load()
    _STATE["pid"] = os.getpid()
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # a module global shadows the builtin there only
    try:
        import _sre
        import re._compiler as rc  # Python 3.11+

        if getattr(rc, "_sre", None) is _sre and callable(getattr(rc, "compile", None)):
            recorder = _SreRecorder(_sre)
            rc._sre = recorder  # type: ignore[assignment]
            rc.compile = _re_wrapper(rc.compile, recorder, _sre)
    except ImportError:  # pragma: no cover - another Python: dataclasses only
        pass
    import atexit

    atexit.register(save)


def compiled() -> int:
    """How many dataclass sources this process compiled (not found in the cache): for tests."""
    return int(_STATE["compiled"])


def parsed() -> int:
    """How many ``re`` patterns this process parsed (not found in the cache): for tests."""
    return int(_STATE["parsed"])
