"""Normalise the text figures are read from, keeping the map to the original file.

What a reader sees is what is checked:

- invisible format characters are removed: zero-width space, non-joiner and joiner (U+200B-U+200D), word
  joiner and invisible operators (U+2060-U+2064), byte-order mark / zero-width no-break space (U+FEFF),
  soft hyphen (U+00AD), Mongolian vowel separator (U+180E), and the bidirectional marks, embeddings,
  overrides and isolates (U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069). "1\\u200b28%" is read
  as "128%";
- a right-to-left override (U+202E ... U+202C, or to the end of the line) shows its characters in reverse
  order: they are read in the order shown ("\\u202e%821\\u202c" is the "128%" a reader sees);
- decimal digits of every script (full-width "１２８", Arabic-Indic "١٢٨", Devanagari "१२८") are read as
  0-9, full-width forms (U+FF01-U+FF5E: "％", "，", "＄") as their ASCII counterparts, the ideographic
  space as a space, and the Arabic percent, decimal and thousands signs (U+066A-U+066C) as "%", "." and ",".

Removed characters leave no trace in ``Document.text``; ``Document.origin`` maps every remaining character
to its offset in the original file, so findings point where the figure is written. ``Document.source`` (what
reports quote) stays the file as written. ASCII text is returned untouched at the cost of one scan.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import replace

from ..model import Document
from .textmap import offsets_array

FORMAT_CHARS = "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
               "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_LINE_ENDS = "\n\r\u2029"
# an override with no other bidi control inside (nested ones are only removed), ended by PDF or the line
_SPECIAL = re.compile(f"\u202e([^{_BIDI_CONTROLS}{_LINE_ENDS}]*)(?:\u202c|(?=[{_LINE_ENDS}])|$)"
                      f"|[{re.escape(FORMAT_CHARS)}]+")
_INVISIBLE = re.compile(f"[{re.escape(FORMAT_CHARS)}]")
_SAME_LENGTH = re.compile("(?![0-9])\\d|[\uff01-\uff5e\u3000\u066a\u066b\u066c]")
_PUNCT = {"\u3000": " ", "\u066a": "%", "\u066b": ".", "\u066c": ","}


def _ascii_form(m: re.Match[str]) -> str:
    c = m.group()
    if c in _PUNCT:
        return _PUNCT[c]
    if "\uff01" <= c <= "\uff5e":
        return chr(ord(c) - 0xFEE0)
    return str(unicodedata.decimal(c, 0))


def normalize(doc: Document) -> Document:
    """``doc`` with its text normalised as the module docstring says (the same object when nothing changes)."""
    text = doc.text
    if text.isascii():
        return doc
    origin = doc.origin
    if _SPECIAL.search(text):
        text, origin = _remove(text, origin)
    text = _SAME_LENGTH.sub(_ascii_form, text)
    if text == doc.text:
        return doc
    source = doc.source if doc.source is not None else doc.text
    return replace(doc, text=text, source=source, origin=origin)


def _remove(text: str, origin: Sequence[int] | None) -> tuple[str, array[int]]:
    """``text`` without format characters (override runs reversed), and the origin of what is left: an array of
    machine integers (4 or 8 bytes a character; a list or tuple of int objects takes about 36)."""
    chars: list[str] = []
    if isinstance(origin, array):
        where = array(origin.typecode)
    else:
        where = offsets_array(len(text) if origin is None else max(origin, default=0))

    def keep(a: int, b: int) -> None:
        chars.append(text[a:b])
        where.extend(range(a, b) if origin is None else origin[a:b])

    last = 0
    for m in _SPECIAL.finditer(text):
        keep(last, m.start())
        last = m.end()
        if m.group(1) is None:
            continue  # format characters: dropped
        inner = m.start(1)
        kept = [i for i in range(inner, m.end(1)) if not _INVISIBLE.match(text, i)]
        chars.append("".join(text[i] for i in reversed(kept)))
        where.extend(i if origin is None else origin[i] for i in reversed(kept))
    keep(last, len(text))
    return "".join(chars), where
