"""A big document's mentions, block by block, so that memory is bounded by a block and not by the document.

A block is a run of whole paragraphs of about ``BLOCK_CHARS`` characters, cut only where a blank line
separates two paragraphs and never inside a table (nor between a table and its header). A block that holds
one paragraph longer than that is as long as the paragraph: a single line is never cut.

Each block is read by the same scanner as a whole document, on the block's text with some context around it:
whole lines of at least ``CONTEXT_CHARS`` characters before it (a bare number borrows its kind from a figure up
to two sentences back, and a figure's reading looks back along its line) and after it (a range or a pair reads
on into the next figure). Only the mentions that start inside the block are kept. What the scanner reads from
the whole text is computed once and handed to every block: the locale (from the whole text, as for a small
document), the -ing/-ed words written with a capital mid-sentence, and, carried from block to block in text
order, the last currency named of each currency family ("Norwegian crowns" ... "crowns").

The mentions are the same as ``find_mentions`` on the whole text (tests/test_blocks.py compares the two on
generated documents of several shapes); they are made as they are read, so a report written as they come
(``--format json``) never holds them all.
"""

from __future__ import annotations

import dataclasses
import operator
import re
from collections.abc import Iterable, Iterator

from ..model import Mention

BLOCK_CHARS = 64 * 1024  # a block's own text, at most (unless one paragraph or table is longer)
CONTEXT_CHARS = 2 * 1024  # whole lines read before and after a block, at least this much (when there is any)
STREAM_MIN_CHARS = 512 * 1024  # a smaller document is read whole, in one piece
CHECK_BLOCKS_MIN_CHARS = 1024 * 1024  # ``check`` of a document this long or longer runs block by block (blockcheck.py)

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n\s*")  # a blank line (or more), to the start of the next paragraph


def cut_points(text: str, keep: Iterable[tuple[int, int]] = ()) -> Iterator[int]:
    """Offsets where a block may start: the start of a paragraph after a blank line, outside every ``keep``
    span (a table and its header), in text order."""
    spans = sorted(keep)
    k = 0
    for m in _BLANK.finditer(text):
        at = m.end()
        if at >= len(text):
            return
        while k < len(spans) and spans[k][1] <= at:
            k += 1
        if k < len(spans) and spans[k][0] < at:
            continue  # inside a table (or between it and its header)
        yield at


def blocks(text: str, keep: Iterable[tuple[int, int]] = (), size: int = BLOCK_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) of each block: consecutive, covering the text, each ending at a cut point."""
    lo = 0
    last = 0  # the last cut point seen that could end the current block
    for at in cut_points(text, keep):
        if at - lo > size and last > lo:
            yield lo, last
            lo = last
        last = at
        if at - lo > size:  # one paragraph (or table) longer than a block: it is a block of its own
            yield lo, at
            lo = at
    if lo < len(text):
        yield lo, len(text)


def _context(text: str, lo: int, hi: int, chars: int) -> tuple[int, int]:
    """Whole lines around [lo, hi): at least ``chars`` characters before and after, where the text has them."""
    a = 0 if lo - chars <= 0 else text.rfind("\n", 0, lo - chars) + 1
    b = len(text) if hi + chars >= len(text) else text.find("\n", hi + chars)
    return a, (len(text) if b < 0 else b)


_FIELDS = tuple(f.name for f in dataclasses.fields(Mention))
_FIELD_VALUES = operator.attrgetter(*_FIELDS)
_AT = {name: _FIELDS.index(name) for name in ("start", "end", "num_start", "num_end")}
_POSITIONAL = all(f.init and not f.kw_only for f in dataclasses.fields(Mention))


def _shifted(m: Mention, a: int) -> Mention:
    """``m`` moved ``a`` characters on (its span and its numeral's span, where it has one): what
    ``dataclasses.replace`` makes, built from its fields in order (replace cost twice as much, per mention of a
    big file)."""
    if not _POSITIONAL:  # pragma: no cover - a Mention with keyword-only or non-init fields
        return dataclasses.replace(m, start=m.start + a, end=m.end + a,
                                   num_start=m.num_start + a if m.num_start >= 0 else m.num_start,
                                   num_end=m.num_end + a if m.num_end >= 0 else m.num_end)
    values = list(_FIELD_VALUES(m))
    values[_AT["start"]] += a
    values[_AT["end"]] += a
    for name in ("num_start", "num_end"):
        if values[_AT[name]] >= 0:
            values[_AT[name]] += a
    return Mention(*values)


def block_mentions(text: str, vocab: dict, locale: str = "auto", keep: Iterable[tuple[int, int]] = (),
                   size: int = BLOCK_CHARS, context: int = CONTEXT_CHARS) -> Iterator[Mention]:
    """``find_mentions(text, vocab, locale)``'s mentions, in the same order, made one block at a time."""
    from .lexicon import lexicon
    from .mentions import _Scanner, capitalised_inside
    from .numbers import detect_locale

    lex = lexicon(vocab)
    loc = detect_locale(text, lex.locale_evidence) if locale == "auto" else locale
    caps = capitalised_inside(text)
    last: dict[str, str] = {}  # each currency family's last qualified member, in text order
    for lo, hi in blocks(text, keep, size):
        a, b = _context(text, lo, hi, context)
        sc = _Scanner(text[a:b], lex, loc, decided=locale == "auto", capitalised_inside=caps)
        sc.cache_sentences = False
        found = sc.mentions()
        sc._currency_families(last, lo - a, hi - a)
        for m in sc.out:
            if lo <= m.start + a < hi:
                yield m if not a else _shifted(m, a)
        del sc, found
