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

An entry is kept from its second sighting on: the first run that makes it records only a digest of its source
(a second, small file). Some sources differ in every process (a pattern joined from a set, whose order follows
the hash seed: the standard library's ``tokenize`` has one) and would otherwise pile up and rewrite the file on
every run. The files are keyed by the Python build (``sys.version``, the bytecode's cache tag and
``_sre.MAGIC``), hold at most ``MAX_SAVED`` entries of each kind (``MAX_SEEN`` digests), are written atomically
when a run had something new (not by forked workers) and are ignored when missing, stale, damaged, or not
private to this user, as every factcheck cache file is. Like a ``.pyc`` file the first holds bytecode, read
with ``marshal``, in a folder only this user can write.
"""

from __future__ import annotations

import builtins
import os
import sys
from array import array
from types import CodeType
from typing import Any

FORMAT = 4
MAX_SEEN = 500
_CODE = "I" if array("I").itemsize == 4 else "L"  # _sre's code words are 32-bit (_sre.CODESIZE == 4)
MAX_SAVED = 2000
_STATE: dict[str, Any] = {"codes": None, "programs": None, "new": 0, "pid": 0, "compiled": 0, "parsed": 0,
                          "seen": set(), "seen_old": [], "seen_new": [], "seen_now": set(),
                          "promoted": set()}


def _name() -> str:
    return f"stdlib-compiled-{sys.implementation.cache_tag}.marshal"


def _seen_name() -> str:
    return f"stdlib-seen-{sys.implementation.cache_tag}.marshal"


def _digest(source: str | bytes, flags: int = -1) -> bytes:
    try:
        from _blake2 import blake2b  # hashlib's blake2b, without hashlib's OpenSSL start-up
    except ImportError:  # pragma: no cover - another Python
        from hashlib import blake2b
    raw = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else b"b" + source
    return blake2b(raw + b"\0%d" % flags, digest_size=12).digest()


def _keep(store: dict, key: Any, value: Any, digest: bytes) -> None:
    """Keep ``value`` if ``digest`` was seen in an earlier run (a source made twice is made every time);
    else remember the digest only."""
    if digest in _STATE["seen"]:  # made by an earlier run: kept from now on, its digest no longer needed
        store[key] = value
        _STATE["new"] += 1
        _STATE["promoted"].add(digest)
    elif digest not in _STATE["seen_now"]:
        _STATE["seen_new"].append(digest)
        _STATE["seen_now"].add(digest)


def _key() -> str:
    import _sre

    return f"{FORMAT}\0{sys.version}\0{sys.implementation.cache_tag}\0{_sre.MAGIC}"


def _load_seen() -> list[bytes]:
    from . import cache

    data = cache.read_private(_seen_name())
    try:
        import marshal

        got = marshal.loads(data) if data is not None else None
    except Exception:  # noqa: BLE001 - a damaged file means: nothing seen
        return []
    if not (isinstance(got, tuple) and len(got) == 2 and got[0] == _key() and isinstance(got[1], list)):
        return []
    return [d for d in got[1] if isinstance(d, bytes)]


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
                and len(v) == 6 and v[0] == k[0] and isinstance(v[2], bytes) and len(v[2]) % 4 == 0}
    return codes, programs


def _newest(d: dict) -> dict:
    return d if len(d) <= MAX_SAVED else dict(list(d.items())[-MAX_SAVED:])


def save() -> bool:
    """Write what this process made twice over two runs (with what was loaded), and the digests of what it made
    once, if anything was new; True if the entries were written."""
    codes, programs = _STATE["codes"], _STATE["programs"]
    if codes is None or programs is None or _STATE["pid"] != os.getpid():
        return False  # not installed, or a forked worker (the parent saves)
    import marshal

    from . import cache

    if _STATE["seen_new"] or _STATE["promoted"]:
        seen = [d for d in _STATE["seen_old"] if d not in _STATE["promoted"]]
        seen = [*seen, *_STATE["seen_new"]][-MAX_SEEN:]
        if cache.write_private(_seen_name(), marshal.dumps((_key(), seen))):
            _STATE["seen_old"], _STATE["seen_new"], _STATE["promoted"] = seen, [], set()
    if not _STATE["new"]:
        return False
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
            _keep(codes, source, code, _digest(source))
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
            return real_sre.compile(args[0], args[1], array(_CODE, args[2]).tolist(), *args[3:])
        recorder.last = None
        pattern = original(p, flags)
        got = recorder.last
        if got is not None and got[0] is p:  # the program kept as 4-byte words (a list of ints: ~36 bytes each)
            _keep(programs, key, (got[0], int(got[1]), array(_CODE, got[2]).tobytes(), int(got[3]), dict(got[4]),
                                  tuple(got[5])), _digest(p, flags))
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
    seen = _load_seen()
    _STATE["seen"], _STATE["seen_old"], _STATE["seen_new"], _STATE["seen_now"] = set(seen), seen, [], set()
    _STATE["promoted"] = set()
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
