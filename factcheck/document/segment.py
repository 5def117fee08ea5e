"""Sentences and paragraphs of a Document's text, as (start, end) spans.

A paragraph is a run of non-blank lines... in press releases, usually one line. A sentence ends at
., ! or ? followed by space and an upper-case letter, a digit or a quote, except after common
abbreviations ("Sept.", "U.S.", "Inc.", "No.") and initials.

A sentence longer than ``MAX_SENTENCE`` characters (a page pasted as one run-on sentence, a list of clauses
joined by commas) is cut into pieces at clause boundaries, so that every search a linker makes within "its
sentence" stays bounded and linking stays linear in the length of any one paragraph. Written sentences are far
shorter: the longest of the 70,000 sentences in the labelled sets is 430 characters.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ABBREV = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "rep", "sen",
    "gov", "st", "inc", "corp", "co", "ltd", "plc", "no", "nos", "vs", "approx", "est", "fig", "mt", "ft",
    "u.s", "u.k", "u.n", "e.g", "i.e", "etc", "ca", "jr", "sr", "dept", "div", "mass", "calif", "conn",
    # scale abbreviations of other languages, before a currency ("3.815 Mio. EUR", "2,7 Mrd. Euro")
    "mio", "mrd", "mln", "bln", "mds", "tsd", "md",
}
MAX_SENTENCE = 600
# where an overlong sentence is cut, in order of preference: after a semicolon, after a comma, at a space
_CUTS = (re.compile(r";\s"), re.compile(r",\s"), re.compile(r"\s"))
_END = re.compile(r"[.!?…](?:[\"'”’)\]]*)(?=\s+[\"'“‘(\[]?[A-Z0-9\u00C0-\u024F])")


@lru_cache(maxsize=64)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for para_start, para_end in paragraphs(text):
        start = para_start
        for m in _END.finditer(text, para_start, para_end):
            dot = m.start()
            j = dot  # the word before the stop: a scan back over it, not a search of the sentence so far
            while j > start and not text[j - 1].isspace():
                j -= 1
            w = text[j:dot].lower().strip("\"'“”‘’()[]").rstrip(".")
            w = w.rsplit("-", 1)[-1]  # "non-U.S. DoD participants": the abbreviation after a prefix
            if text[dot] == "." and (w in _ABBREV or (len(w) == 1 and w.isalpha())
                                     or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w)):
                continue
            end = m.end()
            out.extend(_pieces(text, start, end))
            start = end
            while start < para_end and text[start].isspace():
                start += 1
        if start < para_end:
            out.extend(_pieces(text, start, para_end))
    return tuple(out)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence [start, end) as it is, or cut into pieces of at most MAX_SENTENCE characters, each ending at
    the last clause boundary of its second half (a semicolon, else a comma, else a space)."""
    out = []
    while end - start > MAX_SENTENCE:
        lo, hi = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
        cut = hi
        for pattern in _CUTS:
            found = [m.end() for m in pattern.finditer(text, lo, hi)]
            if found:
                cut = found[-1]
                break
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


@lru_cache(maxsize=64)
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return tuple(out)
