"""The vocabulary (rules/*.yaml ``vocabulary:``) compiled into the regular expressions extraction uses.

Built once per vocabulary and cached: a git hook runs factcheck on every commit, so start-up counts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import fastregex as regex
from .lazy import LazyPattern, escape, rx

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}

# Words that end a counted-noun phrase: function words, auxiliaries and the verbs press releases use
# after a figure ("14 went to", "224 represented").
STOP_WORDS = frozenset("""
a an the of in on at by for from to into onto with without within and or but nor than then as per via
versus vs that which who whom whose what when where while whereas because since until till after before
during over under above below across through throughout between among against along around about up down
out off upon toward towards beyond near each every either neither both all any some most more less few
many much several such this these those it its they them their there here we our us he she his her you
your i me my is are was were be been being am will would shall should can could may might must do does
did done have has had having not no also only just still already even so too very while yet if whether
whilst amid amidst despite unless once ahead behind fewer went go goes going gone came come comes coming
 remain remains remained stood stand stands reached reach
reaches include includes included including took take takes taken make makes made making said say says
rose rise rises risen fell fall falls fallen grew grow grows grown dropped drop drops declined decline
increased increase increases climbed climb climbs jumped jump jumps gained gain gains expected expect
plans plan planned set will won lost became become becomes got get gets gave give gives saw see
sees left leave leaves put puts seen known called named worth valued priced costing cost costs bringing
brings brought bring represented represents representing representing compared compares equivalent
according following followed follows again later earlier ago apiece each annually yearly monthly
today tomorrow yesterday now currently respectively last next previous alone altogether overall total totalling totaling
combined together in-service entered enter enters break breaks broke handed hand delivered deliver
delivers ordered order orders signed sign signs built build builds produced produce produces operated
operate operates bought buy buys acquired acquire acquires sold sell sells flew fly flies carried carry
carries fitted fit fits
""".split())

# Stop words that are also plural nouns: after a set named with a determiner ("the two orders", "its three plans",
# "these four buys") they are the things counted, not a verb.
NOUN_AFTER_SET = frozenset("orders plans signs buys builds costs".split())

# Words that may stand before a number in a headline or sentence without making "Word 12" a designation.
NOT_DESIGNATORS = frozenset("""
a an the of in on at by for from to into with and or but than as per about around approximately roughly
nearly almost over under some more less fewer only just all each every another those these its their
our his her your my since until till after before during within between among including plus total
combined some most both up down out some exactly precisely fully circa estimated est just barely around
approx last first next past previous another other further additional extra new old at least if
when while where whereas although though because so then also still already yet even now today
""".split())


@dataclass(frozen=True)
class Lexicon:
    """The compiled extraction vocabulary of one rule set."""

    vocab_key: str
    hedges: dict[str, dict]
    hedge_re: regex.Pattern  # a hedge ending right before a figure
    scale: dict[str, float]
    short_scales: frozenset[str]
    scale_re: ScaleMatcher  # scale word right after a numeral
    cur_prefix: dict[str, str]
    tight_prefixes: frozenset[str]
    cur_prefix_re: regex.Pattern  # currency prefix ending right before a numeral
    cur_names: dict[str, str]
    cur_name_re: CurrencyNameMatcher  # currency name right after a numeral / scale
    units: dict[str, str]
    tight_units: frozenset[str]
    unit_re: UnitMatcher  # unit right after a numeral (``.match`` like a compiled pattern)
    multiples: dict[str, float]
    multiple_re: regex.Pattern
    designators: frozenset[str]
    designation_suffixes: frozenset[str]
    exchanges_re: regex.Pattern
    noun_class: dict[str, str]
    vocab: dict
    glued_only: frozenset[str] = frozenset()
    cur_suffix: dict[str, str] | None = None
    cur_suffix_re: regex.Pattern | None = None  # currency symbol right after a numeral ("20 €")
    subunits: dict[str, tuple[str, float]] | None = None
    subunit_re: regex.Pattern | None = None  # "cents", "pence" right after a numeral
    cur_after_scale: dict[str, str] | None = None  # "pounds" after "million"
    glued_prefix_re: regex.Pattern | None = None  # a letter prefix glued to its digits ("USD3.14", "Rs20")
    locale_scales: dict[str, dict[str, float]] | None = None  # "Milliarden" (de), "milyar" (tr), by locale
    locale_evidence: dict[str, regex.Pattern] | None = None  # a figure + a scale word only that locale has
    address_re: regex.Pattern | None = None  # a house number beside a street word ("Platz 1", "2100 Crystal Drive")
    word_designators: frozenset[str] = frozenset()  # "phase two", "tranche three": a number word naming an item


# What may stand between a numeral and its unit, and what may follow the unit: a power, then no letter
_UNIT_SP = LazyPattern(r"[\s\u00a0-]")
_UNIT_GROUPS = ("sp", "u", "pow")
_UNIT_TAIL = LazyPattern(r"(?P<pow>\^[23]|[²³]|[ \u00a0](?:squared|cubed)(?![\p{L}]))?(?![\p{L}\d²³]|-\p{L})")


class UnitMatcher:
    """The pattern ``^(?P<sp>SEPARATOR?)(?P<u>UNIT|UNIT|...)(?P<pow>POWER)?(?!LETTER)`` (``_UNIT_SP``, the
    units longest first, ``_UNIT_TAIL``) matched with a set look-up instead: parsing that pattern (hundreds of
    unit spellings) was the largest single cost of a run's start-up. Same result, same backtracking order: the
    separator is tried first, then without it; at each start the unit spellings there, longest first, until
    the power and the lookahead after it match."""

    def __init__(self, units) -> None:
        self.units = frozenset(units)
        lengths: dict[str, set[int]] = {}
        for u in self.units:
            if u:
                lengths.setdefault(u[0], set()).add(len(u))
        self._lengths = {c: sorted(ls, reverse=True) for c, ls in lengths.items()}
        self._empty = "" in self.units or not self.units  # an empty alternation matches the empty string

    def match(self, string: str) -> SpanMatch | None:
        starts = (1, 0) if string and _UNIT_SP.match(string) else (0,)
        size = len(string)
        for k in starts:
            for n in self._lengths.get(string[k:k + 1], ()):
                if k + n <= size and string[k:k + n] in self.units and (tail := _UNIT_TAIL.match(string, k + n)):
                    return SpanMatch(string, ((0, tail.end()), (0, k), (k, k + n), tail.span("pow")), _UNIT_GROUPS)
            if self._empty and (tail := _UNIT_TAIL.match(string, k)):
                return SpanMatch(string, ((0, tail.end()), (0, k), (k, k), tail.span("pow")), _UNIT_GROUPS)
        return None


# Case-insensitive look-up that agrees with ``regex``'s IGNORECASE: a pattern character matches a text
# character when their folds (_fold) are equal. Checked (tests/test_speed_equivalence.py) against regex over
# all of Unicode for every ASCII character and every character listed in _FOLD_SAFE; words with any other
# character, and text with any other non-ASCII character or one in _FOLD_ODD (where regex's matching is not
# symmetric: pattern "I" matches "ı", pattern "i" matches "İ"), go to the compiled pattern instead.
_FOLD_EXTRA = {"\u0130": "i", "\u212a": "k", "\u017f": "s"}
_FOLD_SAFE = frozenset("".join(chr(i) for i in range(0xA0, 0x250) if i not in (0x130, 0x131, 0x19B)) + "μΜ฿₩₪₫€₱₴₹₺₽")
_FOLD_ODD = frozenset("\u0130\u0131\u019b\ua7dc")


def _safe(c: str) -> bool:
    """A text character the look-up may fold itself: ASCII or _FOLD_SAFE, not _FOLD_ODD. Any other goes to the
    compiled pattern, so the result never depends on the Unicode version of the installed ``regex``."""
    return (c.isascii() or c in _FOLD_SAFE) and c not in _FOLD_ODD


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in _FOLD_EXTRA:
        return _FOLD_EXTRA[c]
    if len(cf := c.casefold()) == 1:
        return cf
    return lw if len(lw := c.lower()) == 1 else c


def _fold(s: str) -> str:
    return s.lower() if s.isascii() else "".join(map(_fold_char, s))


class FoldedWords:
    """Literal words, matched case-insensitively at a position, longest first (as ``regex`` tries
    ``(?i)(?:longest|...|shortest)``). ``ok`` is False when a word has a character not checked against regex."""

    def __init__(self, words) -> None:
        words = set(words)
        self.ok = all(c.isascii() or c in _FOLD_SAFE for w in words for c in w)
        self._by_len: dict[int, set[str]] = {}
        lengths: dict[str, set[int]] = {}  # by the fold of the first character
        for w in words:
            self._by_len.setdefault(len(w), set()).add(_fold(w))
            if w:
                lengths.setdefault(_fold(w[0]), set()).add(len(w))
        self._lengths = {c: sorted(ns, reverse=True) for c, ns in lengths.items()}
        self._has_empty = 0 in self._by_len

    def ends(self, string: str, k: int) -> list[int] | None:
        """Where a word starting at ``k`` can end, longest first; None if the text needs the real pattern."""
        size = len(string)
        first = string[k:k + 1]
        if not first.isascii() and not _safe(first):
            return None
        out = []
        for n in self._lengths.get(_fold(first), ()):
            if k + n <= size:
                piece = string[k:k + n]
                if not piece.isascii() and not all(map(_safe, piece)):
                    return None
                if _fold(piece) in self._by_len[n]:
                    out.append(k + n)
        if self._has_empty:
            out.append(k)
        return out


class SpanMatch:
    """A match made without ``regex`` (by a look-up): the spans of the whole match and of named groups."""

    __slots__ = ("string", "_spans", "_names")

    def __init__(self, string: str, spans: tuple[tuple[int, int], ...], names: tuple[str, ...]) -> None:
        self.string, self._spans, self._names = string, spans, names

    def span(self, g: int | str = 0) -> tuple[int, int]:
        if isinstance(g, str):
            if g not in self._names:
                raise IndexError("no such group")
            g = self._names.index(g) + 1
        return self._spans[g]

    def start(self, g: int | str = 0) -> int:
        return self.span(g)[0]

    def end(self, g: int | str = 0) -> int:
        return self.span(g)[1]

    def group(self, *groups: int | str) -> Any:
        got = tuple(None if (sp := self.span(g))[0] < 0 else self.string[sp[0]:sp[1]] for g in groups or (0,))
        return got[0] if len(got) == 1 else got

    def __getitem__(self, g: int | str) -> str | None:
        return self.group(g)

    def groupdict(self) -> dict[str, str | None]:
        return {g: self.group(g) for g in self._names}


_NO_LETTER_I = LazyPattern(r"(?![\p{L}])", regex.I)
_NO_LETTER_DIGIT_I = LazyPattern(r"(?![\p{L}\d])", regex.I)
_SEP = LazyPattern(r"[\s\u00a0-]")


class CurrencyNameMatcher:
    """``regex.compile(rf"^[\\s\\u00a0-](?P<n>{_alt(names)})(?![\\p{{L}}])", regex.I)``, by look-up."""

    def __init__(self, names) -> None:
        self.pattern = LazyPattern(rf"^[\s\u00a0-](?P<n>{_alt(names)})(?![\p{{L}}])", regex.I)
        self._words = FoldedWords(names)
        self._empty = not names or "" in names

    def match(self, string: str) -> SpanMatch | regex.Match | None:
        if not self._words.ok:
            return self.pattern.match(string)
        if not string or not _SEP.match(string):
            return None
        ends = self._words.ends(string, 1)
        if ends is None:
            return self.pattern.match(string)
        for e in ends + ([1] if self._empty and 0 not in self._words._by_len else []):
            if _NO_LETTER_I.match(string, e):
                return SpanMatch(string, ((0, e), (1, e)), ("n",))
        return None


class ScaleMatcher:
    """``(?:[\\s\\u00a0-]?(?P<long>LONG)(?![\\p{L}])|(?P<short>SHORT)(?![\\p{L}\\d]))`` with regex.I, by look-up."""

    def __init__(self, long_words, short_words) -> None:
        self.pattern = LazyPattern(rf"(?:[\s\u00a0-]?(?P<long>{_alt(long_words)})(?![\p{{L}}])|(?P<short>{_alt(short_words)})"
                                   rf"(?![\p{{L}}\d]))", regex.I)
        self._long, self._short = FoldedWords(long_words), FoldedWords(short_words)
        self._long_empty = not long_words or "" in long_words
        self._short_empty = not short_words or "" in short_words

    def match(self, string: str) -> SpanMatch | regex.Match | None:
        if not (self._long.ok and self._short.ok):
            return self.pattern.match(string)
        for k in ((1, 0) if string and _SEP.match(string) else (0,)):
            ends = self._long.ends(string, k)
            if ends is None:
                return self.pattern.match(string)
            for e in ends + ([k] if self._long_empty and 0 not in self._long._by_len else []):
                if _NO_LETTER_I.match(string, e):
                    return SpanMatch(string, ((0, e), (k, e), (-1, -1)), ("long", "short"))
        ends = self._short.ends(string, 0)
        if ends is None:
            return self.pattern.match(string)
        for e in ends + ([0] if self._short_empty and 0 not in self._short._by_len else []):
            if _NO_LETTER_DIGIT_I.match(string, e):
                return SpanMatch(string, ((0, e), (-1, -1), (0, e)), ("long", "short"))
        return None


def _alt(words, flags_ci: bool = False) -> str:
    """Alternatives longest first; words of one length in a fixed order, so the pattern is the same string in
    every process (set order changes with the hash seed) and its compiled form can be cached."""
    return "|".join(escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _key(vocab: dict) -> str:
    return json.dumps(vocab, sort_keys=True, default=str)


_CACHE: dict[int, Lexicon] = {}


def lexicon(vocab: dict) -> Lexicon:
    """The compiled lexicon for a vocabulary (cached per vocabulary object and content)."""
    cached = _CACHE.get(id(vocab))
    if cached is not None and cached.vocab is vocab:
        return cached
    lex = _build(_key(vocab))
    lex = Lexicon(**{**lex.__dict__, "vocab": vocab})
    _CACHE[id(vocab)] = lex
    return lex


@lru_cache(maxsize=4)
def _build(key: str) -> Lexicon:
    v = json.loads(key)
    hedges = {k.lower(): val for k, val in (v.get("hedges") or {}).items()}
    hedge_re = rx(rf"(?<![\p{{L}}])(?:{_alt(hedges)})\s*$", regex.I)
    scale = {k: float(x) for k, x in (v.get("scale_words") or {}).items()}
    short = frozenset(v.get("short_scales") or [])
    loc_scales = {loc: {str(k).lower(): float(x) for k, x in (words or {}).items()}
                  for loc, words in (v.get("locale_scale_words") or {}).items()}
    long_scales = sorted({s for s in scale if s not in short} | {w for t in loc_scales.values() for w in t if w not in short})
    evidence = {}
    for loc, words in loc_scales.items():
        own = [w for w in words if len(w.rstrip(".")) >= 4 and w.rstrip(".") not in scale
               and not any(w in t for other, t in loc_scales.items() if other != loc)]
        if own:
            evidence[loc] = rx(rf"\d[\s\u00a0](?:{_alt(own)})(?![\p{{L}}])", regex.I)
    scale_re = ScaleMatcher(long_scales, short)
    prefixes = dict(v.get("currency_prefixes") or {})
    tight_p = frozenset(v.get("tight_prefixes") or [])
    cur_prefix_re = rx(rf"(?:(?<![\p{{L}}])(?P<p>{_alt(prefixes)}))(?P<sp>[\s\u00a0]?)$")
    names = dict(v.get("currency_names") or {})
    cur_name_re = CurrencyNameMatcher(names)
    units = dict(v.get("units") or {})
    # spelled-out units also as written at the start of a title-case phrase ("3 Cups", "a Pound")
    units.update({k[0].upper() + k[1:]: u for k, u in list(units.items()) if len(k) > 3 and k.islower() and k.isascii()})
    tight_u = frozenset(v.get("tight_units") or [])
    # a unit, then maybe a power: "km^3", "m²", "km squared"
    unit_re = UnitMatcher(units)
    multiples = {k.lower(): float(x) for k, x in (v.get("multiple_words") or {}).items()}
    # "sevenfold", "twentyfold", "hundredfold": every number word from two joined to "fold"
    for k, x in {**(v.get("number_words") or {}), **(v.get("multiplier_words") or {})}.items():
        if isinstance(x, (int, float)) and not isinstance(x, bool) and x >= 2 and str(k).isalpha():
            multiples.setdefault(f"{str(k).lower()}fold", float(x))
    multiple_re = rx(rf"\b(?:{_alt(multiples)})\b", regex.I)
    designators = frozenset(d.lower() for d in (v.get("designators") or []))
    suffixes = frozenset(s.lower() for s in (v.get("designation_suffixes") or []))
    exchanges = v.get("exchanges") or ["NYSE"]
    exchanges_re = rx(rf"\b(?:{_alt(exchanges)})\s?:\s?[A-Z0-9][A-Z0-9.]{{0,11}}\b")
    noun_class = {}
    for cls, words in (v.get("noun_classes") or {}).items():
        for w in words:
            noun_class[w.lower()] = cls
    glued_only = frozenset(v.get("glued_only_units") or [])
    suffix = dict(v.get("currency_suffixes") or {})
    suffix_re = rx(rf"^[ \u00a0]?(?P<s>{_alt(suffix)})(?![\p{{L}}\d]|[ \u00a0]?\d)") if suffix else None
    subunits = {k.lower(): (str(x[0]), float(x[1])) for k, x in (v.get("currency_subunits") or {}).items()}
    subunit_re = rx(rf"^(?:[ \u00a0-]?(?P<s>{_alt(subunits)}))(?![\p{{L}}\d])", regex.I) if subunits else None
    after_scale = {k.lower(): str(x) for k, x in (v.get("currency_names_after_scale") or {}).items()}
    letter_prefixes = [p for p in prefixes if p[-1:].isalpha() or p[-1:] == "."]
    glued_prefix_re = rx(rf"(?<![\p{{L}}\p{{N}}])(?:{_alt(letter_prefixes)})(?P<n>\d+(?:[.,]\d+)*)(?![\p{{L}}\d])")
    address_re = _address_re(v)
    return Lexicon(key, hedges, hedge_re, scale, short, scale_re, prefixes, tight_p, cur_prefix_re, names,
                   cur_name_re, units, tight_u, unit_re, multiples, multiple_re, designators, suffixes,
                   exchanges_re, noun_class, {}, glued_only, suffix, suffix_re, subunits, subunit_re, after_scale,
                   glued_prefix_re, loc_scales, evidence, address_re,
                   frozenset(d.lower() for d in (v.get("word_designators") or [])))


def _address_re(v: dict) -> regex.Pattern | None:
    """A house number after its street ("Platz 1", "gata 17") or before it ("2100 Crystal Drive"): group n."""
    words = [str(w) for w in (v.get("address_words") or [])]
    compounds = [str(w) for w in (v.get("address_compounds") or [])]
    if not words:
        return None
    street = rf"(?:{_alt(words)})\.?"
    glued = rf"\p{{Lu}}\p{{L}}+(?:{_alt(compounds)})" if compounds else r"(?!)"
    num = r"(?P<n>\d{1,5}(?:[-/]\d{1,5})?[A-Za-z]?)(?![\d.,]\d|\p{L})"
    return rx(rf"(?:(?<![\p{{L}}])(?:{street}|{glued})[ \u00a0]{num}"
              rf"|(?<![\p{{L}}\d.,])(?P<n2>\d{{1,5}}[A-Za-z]?)[ \u00a0](?:\p{{Lu}}[\p{{L}}'’.-]*[ \u00a0]){{1,3}}"
              rf"(?:{street})(?![\p{{L}}]))")


def singular(word: str) -> str:
    """A counted noun in the singular ("deliveries" -> "delivery", "F-35As" -> "F-35A")."""
    w = word
    low = w.lower()
    irregular = {"people": "person", "personnel": "person", "men": "man", "women": "woman",
                 "children": "child", "staff": "staff", "aircraft": "aircraft", "series": "series",
                 "species": "species", "crew": "crew", "sheep": "sheep", "data": "data", "media": "media",
                 "tranches": "tranche", "niches": "niche", "caches": "cache", "avalanches": "avalanche"}
    if low in irregular:
        return irregular[low]
    if rx(r"\d[A-Za-z]?s$").search(w) or rx(r"[A-Z]s$").search(w):
        return w[:-1]
    if low.endswith("ies") and len(low) > 4:
        return w[:-3] + "y"
    if low.endswith(("sses", "xes", "ches", "shes", "zes")):
        return w[:-2]
    if low.endswith("ves") and low not in ("moves", "drives", "lives"):
        return w[:-3] + "f" if low in ("halves", "shelves", "wolves") else w[:-1]
    if low.endswith("s") and not low.endswith(("ss", "us", "is", "ics")) and len(low) > 3:
        return w[:-1]
    return w
