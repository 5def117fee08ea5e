"""Anchor words: a cheap test that a pattern cannot match a sentence, so the pattern is not run there.

Matching the linking grammar is most of linking's cost, and most templates fail on most sentences because a
word they need ("from", "compared with", one of the increase words) is not there. ``anchors(piece)`` reads
the regular expression of a required word of a template (as ``Grammar.expand`` writes it) and returns the
words one of which every match of it must start with; ``words_of(text)`` is what a sentence offers. When
the two sets are disjoint the pattern cannot match: a set look-up instead of a regular-expression search.

A template may also need a punctuation mark ("(", ":", "–"): the anchor is then that character (one of
``MARKS``, each of which a case-insensitive pattern matches only to itself).

The test is exact in that direction only (it never rejects a sentence the pattern matches; it may pass one
it does not, and the pattern then decides). It relies on these facts about the patterns it accepts:

- a word starts right after ``(?<![\\p{L}\\p{N}])``, so in the text it starts a run of letters;
- an ASCII letter in a case-insensitive pattern matches only letters whose ``fold`` below is that letter
  (checked over all of Unicode in tests/test_linear_linking.py);
- a word followed by a character that is not a letter (white space, a hyphen, ``(?![\\p{L}\\p{N}])``) is a
  whole run of letters; otherwise it is only the start of one, and only its first ``PREFIX`` letters are used.

Any construct it does not know (classes, repeats in braces, back-references, a word that may be absent, a
first letter outside ASCII) makes ``anchors`` return None: the pattern is then searched as before.
"""

from __future__ import annotations

import sys
from typing import Any

from ..extract import fastregex as regex
from ..extract.wordstarts import _FOLD, _RUN, _SAFE

PREFIX = 6  # letters of a word that may continue (a prefix of a run of letters)
CHAR = "\x00"  # before a punctuation mark an anchor set holds
_BEHIND = r"(?<![\p{L}\p{N}])"
_AHEAD = r"(?![\p{L}\p{N}])"


MARKS = frozenset("!\"#%&'(),-./:;<=>@[]_`{}~–—’")  # punctuation that matches only itself (tests)


_MARK_KEYS = {c: CHAR + c for c in MARKS}


def _mark(c: str) -> bool:
    return c in MARKS


def words_of(text: str) -> tuple[str, ...] | None:
    """What a text offers: each run of letters, folded and whole (``=run``), and each punctuation mark of
    ``MARKS`` (``CHAR`` + the mark). None for a text with a letter it cannot fold."""
    runs = _RUN.findall(text)
    if not all(run.isascii() or all(c.isascii() or c in _SAFE for c in run) for run in runs):
        return None
    # interned: a long document's sentences share their words, so each set holds references, not copies
    out = {sys.intern("=" + run.translate(_FOLD).lower()) for run in runs}
    out.update(_MARK_KEYS[c] for c in MARKS.intersection(text))
    return tuple(out)  # kept per sentence for the whole document: a tuple is the smallest (anchor sets are the sets)


def starts_any(words: tuple[str, ...], starts: frozenset[str]) -> bool:
    """Does a whole run of ``words_of`` start with one of ``starts`` (anchors that are the start of a word)?

    A start of 1 to ``PREFIX`` characters, none of them a line break or "=", is looked for as a substring of the
    runs joined one a line ("\n=run"), in C, instead of slicing every run at every length; any other start is
    tried as before (one of more than ``PREFIX`` characters, or empty, never matches)."""
    joined = None
    for s in starts:
        if not 0 < len(s) <= PREFIX:
            continue
        if "\n" in s or "=" in s:
            if any(w[1:len(s) + 1] == s for w in words if w[:1] == "=" and len(w) - 1 >= len(s)):
                return True
            continue
        if joined is None:
            joined = "\n" + "\n".join(words)
            if joined.count("\n") != len(words):  # a word with a line break of its own (words_of gives none)
                return _starts_any_walk(words, starts)
        if "\n=" + s in joined:
            return True
    return False


def _starts_any_walk(words: tuple[str, ...], starts: frozenset[str]) -> bool:
    """starts_any as a walk over every run and length (the reference the tests compare it with)."""
    return any(w[1:k + 1] in starts for w in words if w[:1] == "=" for k in range(1, min(len(w) - 1, PREFIX) + 1))


class _Unknown(Exception):
    """A construct the anchor reader does not handle."""


# nodes: ("L", ch) a letter; ("N", ch) one character that is no letter (ch "": one of several); ("C", chars)
# a class of the characters listed; ("B<",) / ("B>",) the word boundaries;
# ("G", [alternative, ...]) a group; an alternative is a list of (node, quantifier)
def _parse(src: str) -> list[list[tuple[Any, str]]]:
    pos = 0

    def alternatives() -> list[list[tuple[Any, str]]]:
        nonlocal pos
        alts: list[list[tuple[Any, str]]] = [[]]
        while pos < len(src):
            ch = src[pos]
            if ch == ")":
                return alts
            if ch == "|":
                pos += 1
                alts.append([])
                continue
            node = atom()
            alts[-1].append((node, quantifier()))
        return alts

    def quantifier() -> str:
        nonlocal pos
        q = ""
        if pos < len(src) and src[pos] in "?*+":
            q = src[pos]
            pos += 1
            if pos < len(src) and src[pos] in "?+":  # lazy or possessive: the same characters can match
                pos += 1
        if pos < len(src) and src[pos] == "{":
            raise _Unknown("counted repeat")
        return q

    def atom() -> Any:
        nonlocal pos
        for lit, node in ((_BEHIND, ("B<",)), (_AHEAD, ("B>",)), (r"[\s-]", ("N", "")), (r"\s", ("N", ""))):
            if src.startswith(lit, pos):
                pos += len(lit)
                return node
        ch = src[pos]
        if ch == "(":
            if src.startswith("(?:", pos):
                pos += 3
            elif src.startswith("(?P<", pos):
                end = src.find(">", pos)
                if end < 0 or not regex.fullmatch(r"\w+", src[pos + 4:end]):
                    raise _Unknown("group")
                pos = end + 1
            elif src.startswith("(?", pos):
                raise _Unknown("special group")
            else:
                pos += 1
            alts = alternatives()
            if pos >= len(src) or src[pos] != ")":
                raise _Unknown("unbalanced")
            pos += 1
            return ("G", alts)
        if ch == "\\":
            nxt = src[pos + 1: pos + 2]
            if not nxt or nxt.isalnum() or nxt == "_":
                raise _Unknown("escape")
            pos += 2
            return ("N", nxt)
        if ch == "[":
            end = src.find("]", pos + 1)
            body = src[pos + 1:end] if end > pos + 1 else ""
            if not body or body[0] == "^" or "\\" in body or "-" in body[1:-1] or "[" in body:
                raise _Unknown("class")
            pos = end + 1
            return ("C", body)
        if ch in ".^$[]{}*+?|":
            raise _Unknown("special")
        pos += 1
        if ch.isalpha():
            return ("L", ch)
        if ch.isalnum() or regex.match(r"\p{L}|\p{N}", ch):  # a digit, or a letter str.isalpha() disowns
            raise _Unknown("number")
        return ("N", ch)

    alts = alternatives()
    if pos != len(src):
        raise _Unknown("unbalanced")
    return alts


def _first(seq: list[tuple[Any, str]], bounded: bool) -> set[str]:
    """The anchors of a sequence: the words one of which its every match starts with."""
    i = 0
    while i < len(seq) and seq[i][0][0] == "B<" and seq[i][1] in ("", "+"):
        bounded = True
        i += 1
    if i >= len(seq):
        raise _Unknown("empty")
    node, q = seq[i]
    if q in ("?", "*"):
        raise _Unknown("optional start")
    if node[0] == "G":
        out: set[str] = set()
        rest = seq[i + 1:] if q == "" else []  # after a repeated group: whatever (the word is a prefix then)
        for alt in node[1]:
            out |= _first(alt + rest, bounded)
        return out
    if node[0] in ("N", "C") and node[1] and all(_mark(c) for c in node[1]):
        return {CHAR + c for c in node[1]}  # punctuation marks: each matches only itself
    if node[0] != "L" or not bounded:
        raise _Unknown("no word first")
    word = ""
    j = i
    whole = False
    while j < len(seq):
        node, q = seq[j]
        if node[0] == "L" and q == "" and node[1].isascii():
            word += node[1]
            j += 1
            continue
        if node[0] == "L" and q in ("+",) and node[1].isascii():
            word += node[1]  # one or more: the word goes on at least this far
        elif node[0] in ("N", "B>") and q in ("", "+"):
            whole = True  # a character that is no letter (or the end of the letters) must follow
        break
    if not word:
        raise _Unknown("no word")
    word = word.lower()
    return {"=" + word} if whole else {word[:PREFIX]}


def anchors(piece: str) -> frozenset[str] | None:
    """The anchor set of a case-insensitive pattern (see the module's docstring), or None."""
    try:
        alts = _parse(piece)
        out: set[str] = set()
        for alt in alts:
            out |= _first(alt, False)
    except (_Unknown, IndexError, RecursionError):
        return None
    return frozenset(out)


