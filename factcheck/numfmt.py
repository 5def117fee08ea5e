"""Numbers as the reports and corrections write them: grouped digits for the working ("857,000,000"), and a
computed value restated in the way a mention of the text writes its figure ("€188 million", "1.059",
"two") for expected texts and fixes. Shared by the judge (expected figures) and the reports.

A suggested figure rounds half up, as an editor rounds (12.5 -> 13, 0.125 -> 0.13 at two places), not half
to even as Python's ``round`` and ``format`` do: the value's shortest decimal form (``repr``) is rounded
with ``decimal.ROUND_HALF_UP``, so binary noise (2.675 stored as 2.67499…) does not turn it down."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .extract import fastregex as regex
from .model import Mention

if TYPE_CHECKING:
    from decimal import Decimal


def fmt_num(x: float | None) -> str:
    """857000000 -> '857,000,000'; 138.29787 -> '138.2979'; None -> ''."""
    if x is None:
        return ""
    v = float(f"{float(x):.12g}")  # 2.01 billion is 2,010,000,000, not 2,009,999,999,999.9998 (float noise)
    if v.is_integer() and abs(v) < 2**53:
        return f"{int(v):,}"
    if 0 < abs(v) < 0.001:
        return f"{v:.4g}"  # 2.48e-05, not 0
    return f"{v:,.4f}".rstrip("0").rstrip(".")


_WIDE: list[Any] = []  # the decimal Context with every finite float's digits (made on first use)


def round_half_up(v: float, decimals: int = 0) -> Decimal:
    """``v`` rounded to ``decimals`` places, halves away from zero (12.5 -> 13, -2.5 -> -3, 2.675 -> 2.68)."""
    # decimal is imported here, not at the top: a run with nothing to restate (no failed figure, no fix) does not
    # import it (~1 ms of start-up, with the numbers module it imports)
    from decimal import ROUND_HALF_UP, Context, Decimal

    if not _WIDE:
        _WIDE.append(Context(prec=400))
    return Decimal(repr(float(v))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=_WIDE[0])


def fmt_number(v: float, decimals: int, grouped: bool, group: str = ",", point: str = ".") -> str:
    """``v`` with ``decimals`` places (rounded half up), grouped in thousands when asked or from 10,000."""
    from decimal import Decimal

    x: float | Decimal = round_half_up(v, decimals) if math.isfinite(v) else v
    if x == 0:
        x = Decimal(0).quantize(Decimal(1).scaleb(-decimals))  # "-0" is no figure to suggest
    s = f"{x:,.{decimals}f}" if grouped or abs(float(x)) >= 10000 else f"{x:.{decimals}f}"
    return s.replace(",", "\x00").replace(".", point).replace("\x00", group)


def _separators(written: str, decimals: int) -> tuple[str, str]:
    """The group and decimal marks a numeral was written with ("1.059" in German text, "2,5")."""
    if not any(c.isdigit() for c in written):
        return ",", "."  # a numeral in words ("half a million") has no marks
    marks = [c for c in written if not c.isdigit() and not c.isalpha()]
    if decimals and marks:
        point = marks[-1]
        group = next((c for c in marks[:-1] if c != point), "." if point == "," else ",")
        return group, point
    if marks:
        group = marks[0]
        return group, "," if group == "." else "."
    return ",", "."


_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
_SMALLER = {"trillion": "billion", "billion": "million", "bn": "m", "tn": "bn", "mn": "k"}
_LARGER = {"thousand": "million", "million": "billion", "billion": "trillion", "m": "bn", "mn": "bn", "bn": "tn"}


def restate(m: Mention, value: float, doc_text: str) -> str:
    """``value`` written the way mention ``m`` writes its figure (scale word, decimals, marks, symbols)."""
    written = doc_text[m.num_start:m.num_end] if m.num_end > m.num_start else ""
    factor = 1.0
    group, point = _separators(written, m.decimals)
    # (a scale word, or a currency's subunit: "42 pence" is worth GBP 0.42, "€2.5bn" 2.5e9)
    if (m.scale or m.type == "currency") and m.value and written:
        try:
            digits = written.replace(group, "").replace(point, ".").replace("\u2009", "").replace(" ", "")
            written_v = float(digits)
            if written_v:
                factor = m.value / written_v
        except ValueError:
            factor = 1.0
    x = value / factor if factor else value
    prefix = doc_text[m.start:m.num_start] if written else ""
    suffix = doc_text[m.num_end:m.end] if written else ""
    if m.scale and abs(x) < 1 and m.scale.lower() in _SMALLER:
        x *= 1000
        suffix = regex.sub(r"(?i)\b" + regex.escape(m.scale) + r"\b", _SMALLER[m.scale.lower()], suffix, count=1)
    elif m.scale and abs(x) >= 1000 and m.scale.lower() in _LARGER and m.value and abs(m.value / factor) < 1000 and \
            regex.search(r"(?i)\b" + regex.escape(m.scale) + r"\b", suffix):
        # "€25.3 million" for €25.3 billion: "€25.3 billion", not "€25,300.0 million" (but "£1,077m" stays in £m)
        x /= 1000
        suffix = regex.sub(r"(?i)\b" + regex.escape(m.scale) + r"\b", _LARGER[m.scale.lower()], suffix, count=1)
    decimals = m.decimals
    if m.word:
        decimals = 0 if abs(x - round(x)) < 0.05 else 1
    num = fmt_number(x, decimals, m.grouped or abs(x) >= 10000, group, point)
    whole = int(round_half_up(x)) if math.isfinite(x) else -1
    if m.word and decimals == 0 and 0 <= whole < len(_WORDS) and not m.scale:
        num = _WORDS[whole]
        num = num.capitalize() if doc_text[m.num_start:m.num_start + 1].isupper() else num
    if not written:
        return num
    if whole == 1 and decimals == 0 and m.type == "count" and m.noun and m.value != 1:
        # "three guns" restated as one: "one gun" (the counted noun in the singular)
        from .extract.lexicon import singular

        noun = m.noun
        suffix = suffix.replace(noun, singular(noun), 1) if noun in suffix and singular(noun) != noun else suffix
    return f"{prefix}{num}{suffix}"


