"""Numbers written in words: "ten", "twenty-four", "one hundred and twenty", "a dozen", "two and a half",
fractions ("a third", "two-thirds", "three-quarters", "half") and ordinals ("seventh", "23rd").

The words themselves are vocabulary (rules/vocabulary.yaml); this module holds the grammar.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex


@dataclass(frozen=True)
class WordNumber:
    start: int
    end: int
    value: float
    kind: str  # cardinal | fraction | ordinal
    exact: bool  # "a dozen" and fractions are exact; "ten" is as precise as an integer


@dataclass(frozen=True)
class Grammar:
    cardinal: regex.Pattern
    ordinal: regex.Pattern
    fraction: regex.Pattern
    units: dict[str, float]
    mult: dict[str, float]
    ords: dict[str, float]
    fracs: dict[str, float]


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def _grammar(key: tuple) -> Grammar:
    units, mult, ords, fracs = (dict(x) for x in key)
    u = _alt(units)
    m = _alt(mult)
    # one unit word, optionally "twenty-four" style, optionally followed by multipliers and more
    simple = rf"(?:(?:{u})(?:[-\s](?:{u}))?)"
    card = (rf"(?:\ba\s+(?:{m})\b|\b(?:a|one)\s+dozen\b|\b{simple}\b(?:\s+(?:{m})\b)*"
            rf"(?:\s+(?:and\s+)?{simple}\b(?:\s+(?:{m})\b)*)*(?:\s+and\s+a\s+half\b)?)")
    cardinal = regex.compile(card, regex.I)
    ordinal = regex.compile(rf"\b(?:{_alt(ords)})\b|\b\d{{1,3}}(?:,\d{{3}})*(?:st|nd|rd|th)\b", regex.I)
    fraction = regex.compile(
        rf"\b(?:(?:a|one|{u})[-\s](?:{_alt(fracs)})|half|(?:{u})\s+in\s+(?:{u}))\b", regex.I)
    return Grammar(cardinal, ordinal, fraction, units, mult, ords, fracs)


def grammar(vocab: dict) -> Grammar:
    key = tuple(tuple(sorted((k.lower(), float(v)) for k, v in (vocab.get(sec) or {}).items()))
                for sec in ("number_words", "multiplier_words", "ordinal_words", "fraction_words"))
    return _grammar(key)


def value_of_cardinal(text: str, g: Grammar) -> float | None:
    """Value of a spelled-out cardinal ("one hundred and twenty" -> 120); None if not one."""
    words = regex.findall(r"[a-z]+", text.lower())
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    i = 0
    half = False
    if words[-3:] == ["and", "a", "half"]:
        half, words = True, words[:-3]
    while i < len(words):
        w = words[i]
        if w in ("and",):
            i += 1
            continue
        if w == "a" and i + 1 < len(words) and (words[i + 1] in g.mult or words[i + 1] == "dozen"):
            current += 1
            seen = True
            i += 1
            continue
        if w == "dozen":
            current = current * 12 if current else 12
            seen = True
        elif w in g.units:
            current += g.units[w]
            seen = True
        elif w in g.mult:
            f = g.mult[w]
            if current == 0:
                current = 1
            if f >= 1000:
                total += current * f
                current = 0
            else:
                current *= f
            seen = True
        else:
            return None
        i += 1
    if not seen:
        return None
    v = total + current
    return v + 0.5 if half else v


def value_of_fraction(text: str, g: Grammar) -> float | None:
    t = text.lower().replace("-", " ")
    parts = t.split()
    if parts == ["half"]:
        return 0.5
    if len(parts) == 3 and parts[1] == "in":
        a, b = _small(parts[0], g), _small(parts[2], g)
        return a / b if a is not None and b else None
    if len(parts) == 2:
        a = 1.0 if parts[0] in ("a", "one") else _small(parts[0], g)
        b = g.fracs.get(parts[1])
        if a is not None and b:
            return a / b
    return None


def _small(w: str, g: Grammar) -> float | None:
    if w.isdigit():
        return float(w)
    return g.units.get(w)


def value_of_ordinal(text: str, g: Grammar) -> float | None:
    t = text.lower()
    if t in g.ords:
        return g.ords[t]
    m = regex.match(r"(\d{1,3}(?:,\d{3})*)(?:st|nd|rd|th)$", t)
    return float(m.group(1).replace(",", "")) if m else None
