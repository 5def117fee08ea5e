"""Build a Document's text piece by piece while recording, for each character, where it came from.

Readers for marked-up formats (Markdown, HTML) call ``text`` for visible characters (with their offsets
in the original file) and ``brk`` for the separators between blocks, cells and words. Separators are
written lazily, only between two pieces of text, and the strongest requested one wins, so nested
blocks never pile up blank lines and the text never starts or ends with one.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import repeat


def offsets_array(largest: int) -> array[int]:
    """An empty array for offsets up to ``largest``: 4 bytes each when they fit (any file up to 4 GiB), else 8."""
    return array("I") if largest < 2**32 and array("I").itemsize == 4 else array("q")


# Separators, weakest first: a space between words, a tab between table cells, a line, a paragraph.
_STRENGTH = {" ": 0, "\t": 1, "\n": 2, "\n\n": 3}


class TextBuilder:
    """Accumulates ``text`` and ``origin`` (one source offset per character, always < ``size``; an array of
    machine integers, 4 bytes a character, not a list of int objects at about 36)."""

    def __init__(self, size: int) -> None:
        self.size = size  # length of the original file
        self.chars: list[str] = []
        self.origin: array[int] = offsets_array(size)
        self._pending: str | None = None
        self._pending_at: int | None = None
        self._empty_cells = 0  # table cells opened in this row since the last text (each keeps its tab)
        self._cell_open = False  # a cell was opened and no text written since

    def _clamp(self, off: int) -> int:
        return 0 if off < 0 else (self.size - 1 if off >= self.size else off)

    def brk(self, sep: str, at: int | None = None) -> None:
        """Ask for separator ``sep`` before the next text (``at``: the source offset it stands for)."""
        if _STRENGTH[sep] >= _STRENGTH["\n"]:
            self._empty_cells, self._cell_open = 0, False  # a new row: its empty cells start again
        if not self.chars:
            return
        if self._pending is None or _STRENGTH[sep] > _STRENGTH[self._pending]:
            self._pending = sep
            self._pending_at = at if at is not None else self._pending_at
        elif self._pending_at is None:
            self._pending_at = at

    def cell(self, at: int | None = None) -> None:
        """A table cell opens: a tab before its text, and one more for each empty cell before it in its
        row, so columns stay in place ("Backlog<TAB>5,000<TAB><TAB>n/a" when a cell is blank). Empty cells
        at the end of a row leave nothing."""
        if self._cell_open:
            self._empty_cells += 1
        self._cell_open = True
        self.brk("\t", at)

    def text(self, s: str, where: int | Sequence[int]) -> None:
        """Append visible characters ``s``; ``where`` is one offset for all of them or one per character."""
        if not s:
            return
        tabs = "\t" * self._empty_cells
        self._empty_cells, self._cell_open = 0, False
        if self._pending is not None:
            sep, at = self._pending, self._pending_at
            self._pending = self._pending_at = None
            if sep != " ":
                self._trim()  # no trailing spaces before a line break or a cell
            if self.chars:
                at = at if at is not None else self.origin[-1] + 1
                sep += tabs if sep != " " else ""
                self.chars.extend(sep)
                self.origin.extend(repeat(self._clamp(at), len(sep)))
        elif tabs and not self.chars:  # a table opening the text with empty cells
            self.chars.extend(tabs)
            self.origin.extend(repeat(self._clamp(where if isinstance(where, int) else where[0]), len(tabs)))
        self.chars.extend(s)
        if isinstance(where, int):
            self.origin.extend(repeat(self._clamp(where), len(s)))
        else:
            self.origin.extend(self._clamp(o) for o in where)

    def _trim(self) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.origin.pop()

    def result(self) -> tuple[str, Sequence[int]]:
        self._trim()
        return "".join(self.chars), self.origin
