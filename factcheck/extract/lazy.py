"""Regular expressions compiled on first use.

Compiling with ``regex`` is slow (its parser is pure Python) and a git hook pays it on every commit; a
pattern that only some documents reach (scientific notation, vulgar fractions, an unused grammar rule)
should not be compiled by every run. ``LazyPattern`` stands in for the compiled pattern: any attribute
(``match``, ``search``, ``finditer``, ``pattern`` ...) compiles it once and hands on the real one.
"""

from __future__ import annotations

from typing import Any

import regex


class LazyPattern:
    """``regex.compile(pattern, flags)``, done the first time the pattern is used."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags
        self._compiled: regex.Pattern | None = None

    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regex.compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in self.__slots__:  # copy/pickle probing, or a half-built object
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"
