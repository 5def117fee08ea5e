"""Compiled dataclass methods, kept between runs (start-up).

``@dataclass`` writes the source of each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and (frozen)
``__setattr__``/``__delattr__`` and compiles it with ``exec`` when the class is defined: about 260 compilations,
some 30 ms, on every run of ``factcheck check`` (a git hook pays them on every commit). ``install()`` puts a
caching ``exec`` into the ``dataclasses`` module's namespace (only that module's calls go through it): a source
compiled in an earlier run is taken from the user cache folder (factcheck.cache) instead of compiled again. The
code object is the one ``exec`` would have compiled (same source, file name ``<string>``, no inherited
``__future__`` flags), so the classes are the same.

The file is keyed by the Python build (``sys.version`` and the bytecode's cache tag), holds at most
``MAX_SAVED`` sources, is written atomically when a run compiled something new (not by forked workers) and is
ignored when missing, stale, damaged, or not private to this user, as every factcheck cache file is. Like a
``.pyc`` file it holds bytecode, read with ``marshal``; it lives in a folder only this user can write.
"""

from __future__ import annotations

import builtins
import os
import sys
from types import CodeType
from typing import Any

FORMAT = 1
MAX_SAVED = 2000
_STATE: dict[str, Any] = {"codes": None, "new": 0, "pid": 0, "compiled": 0}


def _name() -> str:
    return f"dataclass-code-{sys.implementation.cache_tag}"


def _key() -> str:
    return f"{FORMAT}\0{sys.version}\0{sys.implementation.cache_tag}"


def _load() -> dict[str, CodeType]:
    from . import cache

    data = cache.read_private(f"{_name()}.marshal")
    if data is None:
        return {}
    try:
        import marshal

        got = marshal.loads(data)
    except Exception:  # noqa: BLE001 - a damaged file means: no cache
        return {}
    if not (isinstance(got, tuple) and len(got) == 2 and got[0] == _key() and isinstance(got[1], dict)):
        return {}
    return {k: v for k, v in got[1].items() if isinstance(k, str) and isinstance(v, CodeType)}


def save() -> bool:
    """Write the sources compiled in this process (with those loaded) if any were new; True if written."""
    codes = _STATE["codes"]
    if not _STATE["new"] or codes is None or _STATE["pid"] != os.getpid():
        return False  # nothing new, or a forked worker (the parent saves)
    import marshal

    from . import cache

    keep = codes if len(codes) <= MAX_SAVED else dict(list(codes.items())[-MAX_SAVED:])
    if not cache.write_private(f"{_name()}.marshal", marshal.dumps((_key(), keep))):
        return False
    _STATE["new"] = 0
    return True


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


def install() -> None:
    """Serve ``dataclasses``' compilations from the cache (once per process; a no-op without a cache folder or
    when FACTCHECK_CACHE_DIR switches caching off)."""
    import dataclasses

    if getattr(dataclasses, "exec", None) is _exec:
        return
    from . import cache

    if cache.cache_dir() is None:
        return
    _STATE["codes"] = _load()
    _STATE["pid"] = os.getpid()
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # a module global shadows the builtin there only
    import atexit

    atexit.register(save)


def compiled() -> int:
    """How many dataclass sources this process compiled (not found in the cache): for tests."""
    return int(_STATE["compiled"])
