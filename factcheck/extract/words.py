"""Numbers written in words: "ten", "twenty-four", "one hundred and twenty", "a dozen", "two and a half",
fractions ("a third", "two-thirds", "three-quarters", "half") and ordinals ("seventh", "23rd").

The words themselves are vocabulary (rules/vocabulary.yaml); this module holds the grammar. A run of number
words is split where English starts a new number: "one, two and three" and "twenty five thirty six" are
several numbers, "one hundred and three" one; "two point zero three" has decimals; "twenty-three fifths"
and "one million and a half" end in a fraction.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import fastregex as regex
from .lazy import LazyPattern, rx


@dataclass(frozen=True, slots=True)
class WordNumber:
    """A number written in words, with its span and value."""

    start: int
    end: int
    value: float
    kind: str  # cardinal | fraction | ordinal
    exact: bool  # "a dozen" and fractions are exact; "ten" is as precise as an integer


@dataclass(frozen=True)
class Grammar:
    """The number words of one language and how they combine."""

    cardinal: regex.Pattern | LazyPattern  # compiled on first use (extraction reads runs, not this)
    ordinal: regex.Pattern
    fraction: regex.Pattern
    units: dict[str, float]
    mult: dict[str, float]
    ords: dict[str, float]
    fracs: dict[str, float]
    run: regex.Pattern | None = None  # a run of number words, split by read_cardinals()
    article: dict[str, float] | None = None  # "a pair", "a dozen"
    points: frozenset[str] = frozenset()  # "point"


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def _grammar(key: tuple) -> Grammar:
    units, mult, ords, fracs, article = (dict(x) for x in key[:5])
    points = frozenset(key[5])
    u = _alt(units)
    m = _alt(mult)
    # one unit word, optionally "twenty-four" style, optionally followed by multipliers and more
    simple = rf"(?:(?:{u})(?:[-\s](?:{u}))?)"
    card = (rf"(?:\ba\s+(?:{m})\b|\b(?:a|one)\s+dozen\b|\b{simple}\b(?:\s+(?:{m})\b)*"
            rf"(?:\s+(?:and\s+)?{simple}\b(?:\s+(?:{m})\b)*)*(?:\s+and\s+a\s+half\b)?)")
    cardinal = LazyPattern(card, regex.I)
    ordinal = rx(rf"\b(?:{_alt(ords)})\b|\b\d{{1,3}}(?:,\d{{3}})*(?:st|nd|rd|th)\b", regex.I)
    fraction = rx(
        rf"\b(?:(?:a|one|{u})[-\s](?:{_alt(fracs)})|half|(?:{u})\s+in\s+(?:{u}))\b", regex.I)
    start = _alt(list(units) + list(mult) + ["a", "an", "half"])
    tail = _alt(list(units) + list(mult) + list(fracs) + list(points) + [f"{w}s" for w in ("dozen",)]
                + ["and", "a", "an", "one"] + list(article))
    run = rx(rf"\b(?:{start})\b(?:(?:\s+|-)(?:{tail})\b)*", regex.I)
    return Grammar(cardinal, ordinal, fraction, units, mult, ords, fracs, run, article, points)


def grammar(vocab: dict) -> Grammar:
    key = tuple(tuple(sorted((k.lower(), float(v)) for k, v in (vocab.get(sec) or {}).items()))
                for sec in ("number_words", "multiplier_words", "ordinal_words", "fraction_words", "article_numbers"))
    points = tuple(sorted(w.lower() for w in (vocab.get("decimal_point_words") or [])))
    return _grammar(key + (points,))


@dataclass
class _State:
    """The running value while number words are read."""

    total: float = 0.0
    cur: float = 0.0
    last: str | None = None  # None a unit teen ten hundred mult and dozen zero
    big: float = 0.0  # the last multiplier of a thousand or more
    exact: bool = False
    decimals: int = 0
    scale_word: str | None = None  # a final multiplier of a million or more ("four trillion")
    done: bool = False  # a fraction or decimals ended the number


def _kind(v: float) -> str:
    if v == 0:
        return "zero"
    return "unit" if v < 10 else "teen" if v < 20 else "ten"


def read_cardinals(text: str, start: int, end: int, g: Grammar,
                   noun_after=None) -> list[tuple[int, int, float, bool, int, str | None]]:
    """The numbers in a run of number words text[start:end]: (start, end, value, exact, decimals, scale word).

    ``noun_after(pos)`` says whether a noun follows a fraction word ending at ``pos`` ("a third GlobalEye"
    is an ordinal use, so the fraction is not read).
    """
    toks = [(m.group().lower(), start + m.start(), start + m.end()) for m in rx(r"[A-Za-z]+").finditer(text[start:end])]
    out = []
    i = 0
    while i < len(toks):
        got = _read_one(toks, i, g, noun_after)
        if got is None:
            i += 1
            continue
        j, st = got
        value = st.total + st.cur
        out.append((toks[i][1], toks[j - 1][2], value, st.exact, st.decimals, st.scale_word))
        i = j
    return out


def _read_one(toks, i: int, g: Grammar, noun_after):
    """Read one number from toks[i:]; (index after it, state) or None."""
    st = _State()
    n = len(toks)
    w = toks[i][0]
    k = i
    article = g.article or {}
    if w in ("a", "an", "half"):
        nxt = toks[i + 1][0] if i + 1 < n else ""
        if w == "half":
            if nxt in ("a", "an") and i + 2 < n and (toks[i + 2][0] in g.mult or toks[i + 2][0] in article):
                st.cur, st.last, st.exact = 0.5, "a", True
                k = i + 2
            else:
                return None
        elif nxt in g.mult or nxt in article:
            st.cur, st.last, st.exact = 1.0, "a", True
            k = i + 1
        else:
            return None
    good = k  # index after the last token that ended a valid number
    while k < n:
        w = toks[k][0]
        if st.done:
            break
        if w in article and st.last == "a":
            st.cur *= article[w]
            st.last, st.exact = "dozen", True
        elif w in ("dozen", "dozens") and st.last in ("unit", "teen", "ten", "hundred", "a", None):
            if st.last is None and w == "dozens":
                break  # "dozens of": vague
            st.cur = (st.cur or 1.0) * 12
            st.last, st.exact = "dozen", True
        elif w in g.units and w not in ("dozen",):
            v = g.units[w]
            kind = _kind(v)
            if st.last is None or st.last in ("hundred", "mult", "and") and kind != "zero" \
                    or st.last == "ten" and kind == "unit":
                st.cur += v
                st.last = kind
            else:
                break
        elif w in g.mult and st.last is None:
            break  # "SEK million", "in millions": a scale word alone counts nothing ("a million", "one million" do)
        elif w in g.mult and g.mult[w] < 1000:  # hundred
            if st.last in ("unit", "teen", "ten") and st.cur < 100 or st.last == "a":
                st.cur = (st.cur or 1.0) * g.mult[w]
                st.last = "hundred"
            else:
                break
        elif w in g.mult:
            f = g.mult[w]
            if st.last in ("unit", "teen", "ten", "hundred", "a", None) or st.last == "mult" and f > st.big:
                if st.big and f > st.big:
                    st.total = (st.total + (st.cur or 0.0)) * f
                else:
                    st.total += (st.cur or 1.0) * f
                st.cur = 0.0
                st.big = f
                st.last = "mult"
                st.scale_word = w if f >= 1e6 else None
            else:
                break
        elif w == "and":
            got = _fraction_tail(toks, k, st, g, noun_after)
            if got:
                k = got
                good = k
                break
            nxt = toks[k + 1][0] if k + 1 < n else ""
            if st.last in ("hundred", "mult") and nxt in g.units and g.units[nxt] > 0:
                st.last = "and"
                k += 1
                continue
            break
        elif w in g.points and st.last in ("unit", "teen", "ten", "hundred", "mult", "zero"):
            got = _decimals(toks, k + 1, g)
            if not got:
                break
            k, digits = got
            st.cur += float("0." + digits)
            st.decimals = len(digits)
            if k < n and toks[k][0] in g.mult and g.mult[toks[k][0]] >= 1000:
                f = g.mult[toks[k][0]]
                st.total, st.cur = (st.total + st.cur) * f, 0.0
                st.scale_word = toks[k][0] if f >= 1e6 else None
                k += 1
            good = k
            break
        elif w in g.fracs and st.last in ("unit", "teen", "ten", "hundred", "mult") and k > i:
            value = st.total + st.cur
            plural = w.endswith("s") and w not in ("halves",) or w == "halves"
            if (plural and value > 1 or not plural and value == 1) and not (noun_after and noun_after(toks[k][2])):
                st.total, st.cur = value / g.fracs[w], 0.0
                st.exact, st.scale_word = True, None
                k += 1
                good = k
            break
        else:
            break
        k += 1
        if st.last not in ("and",):
            good = k
    if st.last is None and good == i or good <= i:
        return None
    if st.last == "a" and good == i + 1:
        return None
    return good, st


def _fraction_tail(toks, k: int, st: _State, g: Grammar, noun_after) -> int | None:
    """ "... and a half", "... and one half", "... and three quarters": add the fraction (of the last
    multiplier when the number ends in one: "one million and a half" = 1,500,000). Index after it, or None."""
    n = len(toks)
    if k + 2 >= n or st.last not in ("unit", "teen", "ten", "hundred", "mult"):
        return None
    a, f = toks[k + 1][0], toks[k + 2][0]
    if f not in g.fracs:
        return None
    if a in ("a", "an", "one"):
        num = 1.0
    elif a in g.units and 0 < g.units[a] < 10:
        num = g.units[a]
    else:
        return None
    frac = num / g.fracs[f]
    st.total += st.cur
    st.cur = 0.0
    base = st.big if st.last == "mult" else 1.0
    st.total += frac * base
    st.exact = True
    if st.last != "mult":
        st.scale_word = None
    return k + 3


def _decimals(toks, k: int, g: Grammar) -> tuple[int, str] | None:
    """The digits after "point": "zero three" -> "03", "seventy-one" -> "71", "eleven" -> "11"."""
    n = len(toks)
    digits = ""
    while k < n and toks[k][0] in g.units and g.units[toks[k][0]] < 10:
        digits += str(int(g.units[toks[k][0]]))
        k += 1
    if digits:
        return k, digits
    if k < n and toks[k][0] in g.units and 10 <= g.units[toks[k][0]] < 100:
        v = int(g.units[toks[k][0]])
        k += 1
        if v >= 20 and v % 10 == 0 and k < n and toks[k][0] in g.units and 0 < g.units[toks[k][0]] < 10:
            v += int(g.units[toks[k][0]])
            k += 1
        return k, str(v)
    return None


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
    m = rx(r"(\d{1,3}(?:,\d{3})*)(?:st|nd|rd|th)$").match(t)
    return float(m.group(1).replace(",", "")) if m else None
