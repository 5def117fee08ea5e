"""Numerals written in digits: grouping, decimals, signs, and the document's locale.

English writes 1,059.5; German, Turkish and Romanian 1.059,5; French 1 059,5. ``detect_locale`` decides
per document from unambiguous evidence (a group separator used twice, or both separators in one
numeral); without such evidence the text is read as English.
"""

from __future__ import annotations

from . import fastregex as regex
from .lazy import LazyPattern, rx

# thin space, narrow no-break space, no-break space, plain space: group separators in numbers
SPACES = "\u2009\u202f\u00a0 "
MINUS = "-\u2212\u2012\u2013"

# A digit numeral, greedy over separators; parse_digits() validates the grouping.
# "1 059" grouped with a plain space is tried first (1-3 digits, then groups of exactly three); a year or a
# longer run before a space ("2023 100 vehicles") never starts such a group
DIGITS_RE = LazyPattern(r"(?<![\p{L}\p{N}_.,])(?:\d{1,3}(?: \d{3})+(?![\d.,]\d)(?!\d)|\d+(?:[.,'\u2009\u202f\u00a0]\d+)*)")

_COMMA_DECIMAL_EVIDENCE = LazyPattern(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+(?![\d.,])|(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d,.])")
_POINT_DECIMAL_EVIDENCE = LazyPattern(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d+(?![\d.,])|(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d,.])")
# a decimal comma or point before one or two digits, not in a list ("1,2,3") nor a date ("12.03.2024")
_COMMA_DECIMAL_WEAK = LazyPattern(r"(?<![\d.,])\d{1,3},\d{1,2}(?![\d,])")
_POINT_DECIMAL_WEAK = LazyPattern(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.])")
# "1 059,5": space groups and a decimal comma. Not "20 127,676" (a table's change column, then an English
# "127,676": three digits after a comma are a group) nor "135,181 112,367" (a group, then the next cell)
_FR_EVIDENCE = LazyPattern(r"(?<![\d.,])\d{1,3}(?:[\u202f\u00a0\u2009 ]\d{3})+,(?:\d{1,2}|\d{4,})(?![\d.,]?\d)")


def detect_locale(text: str, scale_evidence: dict[str, regex.Pattern] | None = None) -> str:
    """``en`` unless the text shows comma decimals unambiguously (then ``de``; ``fr`` for space groups),
    or figures followed by scale words only one locale has ("2,7 Milliarden", "5,3 milyar")."""
    comma = len(_COMMA_DECIMAL_EVIDENCE.findall(text))
    point = len(_POINT_DECIMAL_EVIDENCE.findall(text))
    by_words = {loc: len(rx.findall(text)) for loc, rx in (scale_evidence or {}).items()}
    by_words = {loc: n for loc, n in by_words.items() if n}
    if by_words and point == 0:
        best = max(sorted(by_words), key=lambda loc: by_words[loc])
        if list(by_words.values()).count(by_words[best]) == 1:
            return best
    if _FR_EVIDENCE.search(text) and comma == 0:
        return "fr"
    if comma > point:
        return "de"
    if comma == point == 0:
        # no grouped figure decides it: a comma or a point before one or two digits does ("23,0 %", "EUR 1,9 billion"
        # are no English thousands; "12.5%" is no German grouping), the more frequent one
        weak_comma = len(_COMMA_DECIMAL_WEAK.findall(text))
        if weak_comma > len(_POINT_DECIMAL_WEAK.findall(text)):
            return "de"
    if rx(r"(?<![\d.])%\d").search(text) and comma >= point and rx(r"\d,\d{1,2}(?!\d)").search(text):
        return "tr"
    return "en"


def separators(locale: str) -> tuple[str, str]:
    """(group separators, decimal separator) for a locale."""
    if locale in ("de", "tr", "ro", "id", "it", "es", "pt", "nl"):
        return ".'" + SPACES, ","
    if locale in ("fr", "pl", "cs"):
        return SPACES + ".", ","
    return "," + SPACES + "'", "."


_GROUP_SPLIT: dict[str, regex.Pattern] = {}


def _group_split(groups: str) -> regex.Pattern:
    """The pattern that splits a numeral at its group separators (built once per set of separators)."""
    got = _GROUP_SPLIT.get(groups)
    if got is None:
        got = _GROUP_SPLIT[groups] = rx(r"[" + regex.escape(groups) + r"]")
    return got


def parse_digits(s: str, locale: str = "en") -> tuple[float, int, bool] | None:
    """Value, decimals and grouping of a digit numeral, or None when the grouping is not valid.

    >>> parse_digits("1,059")
    (1059.0, 0, True)
    >>> parse_digits("2.732,5", "de")
    (2732.5, 1, True)
    """
    groups, dec = separators(locale)
    int_part, frac = s, ""
    if dec in s:
        int_part, _, frac = s.rpartition(dec)
        if any(c in frac for c in groups + dec) or not frac.isdigit():
            return None
    parts = [int_part]
    used = None
    for ch in int_part:
        if not ch.isdigit():
            if ch not in groups:
                return None
            if used is None:
                used = ch
            elif ch != used and not (ch in SPACES and used in SPACES):
                return None
    if used is not None:
        parts = _group_split(groups).split(int_part)
        indian = used == "," and len(parts) > 2 and 1 <= len(parts[0]) <= 2 and len(parts[-1]) == 3 \
            and all(len(p) == 2 for p in parts[1:-1])  # "1,72,000" (lakh grouping)
        if not indian and (not (1 <= len(parts[0]) <= 3) or any(len(p) != 3 for p in parts[1:])):
            return None
    digits = "".join(parts)
    if not digits.isdigit():
        return None
    value = float(digits + ("." + frac if frac else ""))
    return value, len(frac), used is not None


def read_digits(s: str, locale: str = "en") -> tuple[float, int, bool] | None:
    """``parse_digits`` in the document's locale; a numeral that is not valid there but is in the other
    convention is read in that one: "12.5 billion" in a German-grouped text, "2.732,5" in an English one."""
    parsed = parse_digits(s, locale)
    if parsed is None:
        parsed = parse_digits(s, "de" if locale == "en" else "en")
    return parsed


def split_numeral(s: str, locale: str) -> list[tuple[int, int]]:
    """Split a greedy match that is not one valid numeral into pieces that are (e.g. '2023 1,059')."""
    if read_digits(s, locale) is not None:
        return [(0, len(s))]
    out = []
    for m in rx(r"\d+(?:[.,]\d+)*").finditer(s):
        piece = m.group()
        if read_digits(piece, locale) is not None:
            out.append((m.start(), m.end()))
        else:
            # "1,2,3" or "192.168.1.2": read each run of digits on its own
            for d in rx(r"\d+").finditer(piece):
                out.append((m.start() + d.start(), m.start() + d.end()))
    return out

