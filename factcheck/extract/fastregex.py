"""The part of ``regex``'s API that factcheck calls, without importing ``regex`` until a pattern must be parsed.

factcheck's modules import this module under the name ``regex`` (``from ..extract import fastregex as regex``)
and call it as they would call ``regex``: ``regex.search(r"...", s)``, ``regex.sub(...)``, ``regex.I``,
``regex.escape(w)``, ``regex.Pattern`` in annotations, ``except regex.error``. A pattern comes from lazy.py:
the process's dictionary, else the program saved by an earlier run (built by regex's compiled engine), else
``regex`` itself parses it, and is imported then. A one-release check whose patterns are all saved never
imports ``regex``'s pure-Python parser (start-up: lazy.py).

What this module does not serve goes to ``regex`` unchanged: a pattern that is not a ``str`` (bytes, an already
compiled pattern), the DEBUG and LOCALE flags, and every other name (``regex.error``, ``regex.Pattern`` and
``regex.Match`` at run time, ``regex.V1``...), through the module's ``__getattr__``. The flag values are
regex's own (a test compares them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import lazy

if TYPE_CHECKING:
    from regex import Match, Pattern, error  # noqa: F401 - the names callers annotate with

A = ASCII = 128
I = IGNORECASE = 2  # noqa: E741 - regex's own name
M = MULTILINE = 8
S = DOTALL = 16
X = VERBOSE = 64
_TO_REGEX = 512 | 4  # DEBUG, LOCALE: left to regex


def _pattern(pattern: Any, flags: Any) -> Any:
    if type(pattern) is str and type(flags) is int and not flags & _TO_REGEX:
        key = (pattern, flags)
        got = lazy._MEMO.get(key) or lazy._CALLS.get(key)
        return got if got is not None else lazy._from_call(key)
    if not flags:
        if isinstance(pattern, lazy.LazyPattern):
            return pattern.compiled()
        kind = type(pattern)
        if kind.__name__ == "Pattern" and kind.__module__ == "_regex":  # compiled already: regex.compile(p) is p
            return pattern
    return lazy.real().compile(pattern, flags)


def compile(pattern: Any, flags: int = 0) -> Any:  # noqa: A001 - regex's own name
    return _pattern(pattern, flags)


def search(pattern: Any, string: str, flags: int = 0, pos: int | None = None, endpos: int | None = None) -> Any:
    return _pattern(pattern, flags).search(string, pos, endpos)


def match(pattern: Any, string: str, flags: int = 0, pos: int | None = None, endpos: int | None = None) -> Any:
    return _pattern(pattern, flags).match(string, pos, endpos)


def fullmatch(pattern: Any, string: str, flags: int = 0, pos: int | None = None, endpos: int | None = None) -> Any:
    return _pattern(pattern, flags).fullmatch(string, pos, endpos)


def findall(pattern: Any, string: str, flags: int = 0, pos: int | None = None, endpos: int | None = None,
            overlapped: bool = False) -> Any:
    return _pattern(pattern, flags).findall(string, pos, endpos, overlapped)


def finditer(pattern: Any, string: str, flags: int = 0, pos: int | None = None, endpos: int | None = None,
             overlapped: bool = False) -> Any:
    return _pattern(pattern, flags).finditer(string, pos, endpos, overlapped)


def sub(pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0, pos: int | None = None,
        endpos: int | None = None) -> Any:
    return _pattern(pattern, flags).sub(repl, string, count, pos, endpos)


def split(pattern: Any, string: str, maxsplit: int = 0, flags: int = 0) -> Any:
    return _pattern(pattern, flags).split(string, maxsplit)


def escape(pattern: str) -> str:
    """``regex.escape(pattern)`` with its defaults."""
    return lazy.escape(pattern)


def __getattr__(name: str) -> Any:
    """Every other name of ``regex`` (``error``, ``Pattern``, ``Match``, ``V1`` ...), from ``regex`` itself."""
    if name.startswith("__") and name != "__version__":
        raise AttributeError(name)
    return getattr(lazy.real(), name)
