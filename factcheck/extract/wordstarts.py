"""Where the words of a text start, by their case fold: a pattern whose every match starts with one of a few
known words is tried only where one starts (the same matches as a search from every position, found faster).

``fold`` is the case folding of a run of letters that agrees with ``regex``'s IGNORECASE for ASCII letters
(checked over all of Unicode in tests/test_grammar_prefilter.py); a run with a letter it cannot fold is kept
as a place to try, whatever its word.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from typing import Any

from .. import workcount
from . import fastregex as regex
from .lexicon import _FOLD_ODD, _FOLD_SAFE

_RUN = regex.compile(r"\p{L}+")
# the letters outside ASCII that match an ASCII letter case-insensitively (pattern "i" matches İ, whose lower case
# is two characters; pattern "I" matches ı; ſ and the Kelvin sign match s and k and lower to themselves). Text
# with a letter outside ASCII, these and the Latin letters of lexicon._FOLD_SAFE is not read here at all (the
# patterns are searched), so a newer Unicode table in ``regex`` that pairs some other letter with an ASCII one
# cannot change a result.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


_SAFE = (_FOLD_SAFE - _FOLD_ODD) | frozenset("\u0130\u0131\u017f\u212a")


def fold(word: str) -> str:
    return word.translate(_FOLD).lower()


def fold_run(run: str) -> str | None:
    """A run of letters folded as words_of folds it; None when it holds a letter that cannot be folded."""
    if not run.isascii() and not all(c.isascii() or c in _SAFE for c in run):
        return None
    return run.translate(_FOLD).lower()


def first_word(phrase: str) -> str | None:
    """The ASCII letters a phrase starts with when a character that is no letter (or the end) follows them: the
    whole first run of letters of any text a case-insensitive pattern of the phrase matches. Else None."""
    m = regex.match(r"[A-Za-z]+", phrase)
    if m is None or regex.match(r"\p{L}|\p{M}", phrase[m.end():m.end() + 1]):
        return None
    return m.group().lower()


def firsts_of(phrases: Iterable[str]) -> frozenset[str] | None:
    """The first words of phrases (``first_word``), or None when one of them has none."""
    out = set()
    for p in phrases:
        w = first_word(p)
        if w is None:
            return None
        out.add(w)
    return frozenset(out)


class WordStarts:
    """Where each run of letters of a text starts, by its fold (runs it cannot fold apart): built once per
    text, so a pattern whose matches all start with a word of a known set is tried only where one starts."""

    def __init__(self, text: str) -> None:
        self.by_word: dict[str, array[int]] = {}  # arrays: 8 bytes an offset, not an int object each
        self.unfoldable: array[int] = array("q")
        memo: dict[str, str | None] = {}
        workcount.count("extract.word_start_chars", len(text))
        for m in _RUN.finditer(text):
            w = m.group()
            if w in memo:
                f = memo[w]
            else:
                f = memo[w] = fold_run(w)
            if f is None:
                self.unfoldable.append(m.start())
            else:
                got = self.by_word.get(f)
                if got is None:
                    got = self.by_word[f] = array("q")
                got.append(m.start())

    def starts(self, firsts: frozenset[str]) -> list[int]:
        """Where a run starts whose fold is in ``firsts`` or that cannot be folded, in text order."""
        out = list(self.unfoldable)
        for w in firsts:
            out += self.by_word.get(w, ())
        out.sort()
        return out


_LAST: list[Any] = [None, None]  # the last text word_starts() read, and what it found there


def word_starts(text: str, last_use: bool = False) -> WordStarts:
    """``WordStarts(text)``, shared by the extractor and the linker when they read the same text object (one
    document's pipeline: built once, not once per stage). One entry, replaced by the next text; ``last_use``
    (the linker's measure search, the last reader) lets it go, so a document's memory does not keep it."""
    got = _LAST[1] if _LAST[0] is text else None
    if got is None:
        got = WordStarts(text)
        if not last_use:
            _LAST[0], _LAST[1] = text, got
    elif last_use:
        _LAST[0] = _LAST[1] = None
    return got  # type: ignore[no-any-return]


def scan(pattern: Any, text: str, words: WordStarts | None, firsts: frozenset[str] | None) -> Iterator[Any]:
    r"""``pattern.finditer(text)`` for a pattern whose every match starts, right after a boundary that no letter
    precedes (``\b`` or ``(?<![\p{L}\p{N}])`` before a letter), with the whole run of letters of one of
    ``firsts`` (a first word then no letter): tried only where such a run starts, the same matches in the same
    order (resuming after each match, as finditer does). Without ``words`` or ``firsts``: finditer itself."""
    if words is None or firsts is None:
        yield from pattern.finditer(text)
        return
    yield from matches_at(pattern, text, words.starts(firsts))


def matches_at(pattern: Any, text: str, starts: Iterable[int]) -> Iterator[Any]:
    """The matches of ``pattern`` tried at ``starts`` (ascending) only, resuming after each match as finditer does: a
    start inside the last match is skipped."""
    last = 0
    for p in starts:
        if p < last:
            continue
        m = pattern.match(text, p)
        if m is not None:
            yield m
            last = m.end()
