"""The start-up cache: things every run would otherwise rebuild (compiled patterns, the shipped rule files
parsed), kept in the user cache folder. Never required: a cache that is missing, stale, unreadable, written
by another user, or not what it should be is ignored (and rewritten); a folder that cannot be written is
left alone. Nothing the user asked for depends on it.

Where (as platformdirs' ``user_cache_dir`` would say, without the dependency):

- ``$FACTCHECK_CACHE_DIR`` if set (empty, ``0``, ``off`` or ``none``: no cache at all);
- ``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck`` (Linux and other Unix);
- ``~/Library/Caches/factcheck`` (macOS); ``%LOCALAPPDATA%\\factcheck\\Cache`` (Windows).

Entries are pickles read by an unpickler that builds only the classes its caller names (compiled patterns,
the rule-set dataclasses, dates), so a planted file can at worst be ignored. Each entry carries its key (the
versions and content hashes it was built from); a file whose key differs is stale and ignored. Files are
written to a temporary file in the same folder and renamed into place, so a reader never sees half a file.

A build (``cached_build``) is stored under its name *and* the start of its key ("shipped-rules-<key>"), so
two installations on one machine (two virtual environments, a pre-commit environment and a checkout, two
git worktrees) each keep their own entry instead of overwriting each other's on every run; the oldest
entries beyond ``KEEP`` of a name are removed when a new one is written.
"""

from __future__ import annotations

import io
import os
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FORMAT = 1
KEEP = 6  # entries of one cached_build name kept side by side (one per installation in use)
_OFF = {"", "0", "off", "none", "false", "no"}


def cache_dir() -> Path | None:
    """The folder for factcheck's cache, or None when caching is switched off or no home is known."""
    env = os.environ.get("FACTCHECK_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in _OFF else Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "factcheck" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "factcheck"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and os.path.isabs(xdg):  # the XDG spec: a relative value is invalid and ignored
        return Path(xdg) / "factcheck"
    try:
        return Path.home() / ".cache" / "factcheck"
    except RuntimeError:  # no home folder
        return None


def content_key(paths: Iterable[Path | str], *extra: str) -> str:
    """A hash of files' names and bytes (and ``extra`` strings): what a cached build of them is keyed by."""
    try:
        from _blake2 import blake2b  # what hashlib.blake2b is, without hashlib's OpenSSL start-up (2 ms)
    except ImportError:  # pragma: no cover - another Python
        from hashlib import blake2b
    h = blake2b(digest_size=16)
    for p in paths:
        h.update(str(p).encode("utf-8", "surrogateescape") + b"\0")
        try:
            h.update(Path(p).read_bytes())
        except OSError:
            h.update(b"\0missing\0")
        h.update(b"\0")
    for x in extra:
        h.update(x.encode("utf-8", "surrogateescape") + b"\0")
    return h.hexdigest()


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: bytes, allowed: set[tuple[str, str]]) -> None:
        super().__init__(io.BytesIO(data))
        self._allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self._allowed:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")


def _own(path: Path) -> bool:
    """A file (or folder) this user owns that nobody else may write: safe to read back."""
    try:
        st = path.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return not st.st_mode & 0o022


def read_private(filename: str) -> bytes | None:
    """The bytes of ``filename`` in the cache folder, if this user owns it (and the folder) and nobody else may
    write either; else None."""
    d = cache_dir()
    if d is None:
        return None
    path = d / filename
    if not _own(path) or not _own(path.parent):
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_private(filename: str, blob: bytes) -> bool:
    """Write ``blob`` as ``filename`` in the cache folder atomically (a temporary file renamed into place,
    private to this user); False (and nothing written) if that cannot be done."""
    d = cache_dir()
    if d is None:
        return False
    import tempfile

    tmp = None
    try:
        d.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _own(d):
            return False
        fd, tmp = tempfile.mkstemp(prefix=f".{filename}.", suffix=".tmp", dir=d)
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, d / filename)
        tmp = None
        return True
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no error
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def load(name: str, key: str = "", allowed: set[tuple[str, str]] | None = None) -> Any | None:
    """The value stored under ``name`` with this ``key``, or None (missing, stale, foreign or unreadable)."""
    data = read_private(f"{name}.pickle")
    if data is None:
        return None
    try:
        got = _Unpickler(data, {("builtins", "set"), ("builtins", "frozenset"), *(allowed or ())}).load()
    except Exception:  # noqa: BLE001 - any damage to a cache file means: no cache
        return None
    if not (isinstance(got, tuple) and len(got) == 3 and got[0] == FORMAT and got[1] == key):
        return None
    return got[2]


def store(name: str, value: Any, key: str = "") -> bool:
    """Write ``value`` under ``name`` atomically; False (and nothing written) if that cannot be done."""
    try:
        blob = pickle.dumps((FORMAT, key, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - a value that cannot be pickled is not cached
        return False
    return write_private(f"{name}.pickle", blob)


def cached_build(name: str, files: list[Path], build: Any, allowed: set[tuple[str, str]], check: Any = None,
                 extra: tuple[str, ...] = ()) -> Any:
    """``build()``, or what it returned last time for the same bytes of ``files`` and the same factcheck and
    Python versions. ``check(value)`` says whether a loaded value has the expected shape."""
    from . import __version__

    key = content_key(files, __version__, sys.version, *extra)
    entry = f"{name}-{key[:16]}"
    got = load(entry, key, allowed)
    if got is not None and (check is None or check(got)):
        return got
    value = build()
    if store(entry, value, key):
        prune(name)
    return value


def prune(name: str, keep: int = KEEP) -> int:
    """Remove all but the ``keep`` most recently written entries "name-*" (what cached_build wrote for other
    installations or for rule files since changed); how many were removed."""
    d = cache_dir()
    if d is None:
        return 0
    try:
        found = [(p.stat().st_mtime, p) for p in d.glob(f"{name}-*.pickle")]
    except OSError:
        return 0
    found.sort(reverse=True)
    removed = 0
    for _, p in found[keep:]:
        try:
            p.unlink()
            removed += 1
        except OSError:
            pass
    return removed
