"""Benchmark factcheck's extraction on other projects' English test suites, beside quantulum3.

The suites live in ``<repo>/../shared/peers`` (Recognizers-Text, quantulum3 and Duckling expected outputs in
one JSON Lines format; see that folder's README). For every case this script runs
``factcheck.extract.extract_text`` and, when it is installed, ``quantulum3.parser.parse`` on the same input,
turns both outputs into one neutral form (:class:`Pred`), matches them against the expected items and prints
a Markdown table of case accuracy and item F1 per suite. The scoring rules are written down in
``benchmarks/README.md``; the functions below are the rules.

    python3 benchmarks/peers.py                         # table to stdout and benchmarks/results/peers.md
    python3 benchmarks/peers.py --json out.json         # plus every case, prediction and verdict
    python3 benchmarks/peers.py --show-misses CurrencyModel 20   # factcheck's misses in one suite

Nothing is installed or imported at import time: factcheck, quantulum3 and pint load when a run needs them.
quantulum3 is an optional, benchmark-only extra; without it its columns stay empty.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PEERS = REPO.parent / "shared" / "peers"
RESULTS = Path(__file__).resolve().parent / "results"
PEER_FILES = ("recognizers-text.en.jsonl", "quantulum3.en.jsonl", "duckling.en.jsonl")

REL_TOL = 1e-6  # relative tolerance on values (README: "Values")
ABS_TOL = 1e-9  # so that 0 matches 0.0000000001-style float noise

TOOLS = ("factcheck", "quantulum3")


class PeersError(Exception):
    """Input the benchmark cannot use: one line naming the file (and line)."""


# --------------------------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Item:
    """One expected mention of a peer case."""

    type: str  # number percent ordinal currency quantity temperature age
    start: int | None
    end: int | None
    text: str | None
    value: float | None
    unit: str | None = None
    low: float | None = None  # Duckling interval bounds, or quantulum3 value -/+ uncertainty
    high: float | None = None
    uncertainty: float | None = None

    @property
    def unit_only(self) -> bool:
        """A mention with no number at all ("fahrenheit", "gramme")."""
        return self.value is None and self.low is None and self.high is None


@dataclass(frozen=True)
class Case:
    suite: str
    id: str
    input: str
    expected: tuple[Item, ...]
    notes: str = ""


def _num(x: Any) -> float | None:
    """A finite float, or None for anything else (robust to whatever a tool returns)."""
    if x is None or isinstance(x, bool):
        return None
    try:
        f = float(x)
    except (TypeError, ValueError, OverflowError):
        return None
    return f if math.isfinite(f) else None


def _int(x: Any) -> int | None:
    if isinstance(x, bool) or x is None:
        return None
    try:
        return int(x)
    except (TypeError, ValueError, OverflowError):
        return None


def parse_item(d: dict[str, Any]) -> Item:
    if not isinstance(d, dict) or not isinstance(d.get("type"), str):
        raise ValueError("expected item without a 'type'")
    unc = _num(d.get("uncertainty"))
    return Item(type=d["type"], start=_int(d.get("start")), end=_int(d.get("end")), text=d.get("text"),
                value=_num(d.get("value")), unit=d.get("unit"), low=_num(d.get("min")), high=_num(d.get("max")),
                uncertainty=unc if unc else None)


def parse_case(d: Any) -> Case:
    if not isinstance(d, dict):
        raise ValueError("not a JSON object")
    for key in ("suite", "id", "input"):
        if not isinstance(d.get(key), str):
            raise ValueError(f"missing or non-string '{key}'")
    if not isinstance(d.get("expected"), list):
        raise ValueError("missing 'expected' list")
    return Case(d["suite"], d["id"], d["input"], tuple(parse_item(e) for e in d["expected"]), str(d.get("notes", "")))


def load_cases(folder: Path) -> list[Case]:
    """Every case of the peer files in ``folder``. Raises PeersError naming the file and line."""
    if not folder.is_dir():
        raise PeersError(f"{folder}: peer suites folder not found (use --peers DIR)")
    cases: list[Case] = []
    found = 0
    for name in PEER_FILES:
        path = folder / name
        if not path.exists():
            continue
        found += 1
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise PeersError(f"{path}: cannot read: {e}") from None
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                cases.append(parse_case(json.loads(line)))
            except (ValueError, TypeError) as e:
                raise PeersError(f"{path}:{n}: bad case: {e}") from None
    if not found:
        raise PeersError(f"{folder}: none of {', '.join(PEER_FILES)} found")
    return cases


# --------------------------------------------------------------------------------------------- suites


@dataclass(frozen=True)
class Suite:
    kind: str  # which predictions belong to the suite (see of_kind)
    scope: str  # "in scope" | "partly" | "out of scope"
    why: str = ""


SUITES: dict[str, Suite] = {
    "recognizers-text/NumberModel": Suite("number", "in scope"),
    "recognizers-text/PercentModel": Suite("percent", "in scope"),
    "recognizers-text/CurrencyModel": Suite("currency", "in scope"),
    "recognizers-text/DimensionModel": Suite("dimension", "in scope"),
    "recognizers-text/OrdinalModel": Suite("ordinal", "out of scope", "ordinals"),
    "recognizers-text/AgeModel": Suite("time", "partly", "time spans"),
    "recognizers-text/TemperatureModel": Suite("temperature", "out of scope", "temperature"),
    "quantulum3/quantities": Suite("any", "in scope"),
    "quantulum3/quantities.ambiguity": Suite("any", "in scope"),
    "quantulum3/spellout": Suite("number", "in scope"),
    "duckling/Numeral": Suite("number", "in scope"),
    "duckling/AmountOfMoney": Suite("currency", "in scope"),
    "duckling/Distance": Suite("dimension", "in scope"),
    "duckling/Volume": Suite("dimension", "in scope"),
    "duckling/Quantity": Suite("dimension", "in scope"),
    "duckling/Ordinal": Suite("ordinal", "out of scope", "ordinals"),
    "duckling/Temperature": Suite("temperature", "out of scope", "temperature"),
    "duckling/Duration": Suite("time", "partly", "time spans"),
}


def suite_of(name: str) -> Suite:
    return SUITES.get(name, Suite("any", "unknown", "suite not described in peers.py"))


# Individual cases of in-scope suites that test something a press-release checker does not need, or whose
# expectation contradicts another suite. Measured anyway; listed with the reason (README: "Out-of-scope cases").
OUT_OF_SCOPE: dict[str, str] = {
    "NumberModel#1": "not prose: an IP address (192.168.1.2) read as four numbers",
    "NumberModel#143": "a date (5/17/2018) read as three numbers; factcheck reads dates as dates",
    "NumberModel#144": "not prose: a phone number read as four numbers",
    "NumberModel#189": "a designator (SCP-173) read as the number 173; factcheck reads designators (F-35) "
                       "as identifiers",
    **{f"NumberModel#{i}": "not prose: '1.1^23' power notation, resolved by RT's own convention"
       for i in (58, 79, 80, 81, 82, 83, 84)},
    **{f"PercentModel#{i}": "not prose: no number before 'percent'; RT reads 'percent of 10' as 10%"
       for i in (9, 10, 11, 12)},
    "extract_spellout_values#14": "expects the article 'a' in 'Zero is a small number.' to read as 1",
    **{f"extract_spellout_values#{i}": "expects 'a million and a half' = 1,000,000.5; Recognizers-Text "
       "(NumberModel#201) expects 1,500,000 for the same phrase" for i in (15, 32, 33)},
}
# quantulum3's own suites: cases whose expectation is a convention of another field, or contradicts how
# press releases write (each with the reason; the unit-based rules are in out_of_scope_reason).
OUT_OF_SCOPE.update({
    **{f"quantities.json#{i}": "a 'from X to Y' after a verb of change ('reduced from 44 mg to 50 mg', 'rose from "
       "$350 per kg to $680 per kg') expected as one range; in releases it is a change and both ends are checked"
       for i in (24, 94)},
    "quantities.json#80": "accounting parentheses '($99.99)' expected as a negative; in releases parentheses restate "
                          "a figure ('EUR 857 million ($990 million)')",
    "quantities.json#4": "a designator ('English 101') expected as a number; factcheck reads course, model and "
                         "product numbers as identifiers",
    "quantities.json#47": "a company name ('South 32 Ltd') expected as a number; factcheck reads names with digits "
                          "as identifiers",
    "quantities.json#30": "power notation '8x2^10 bits' (as RT's '1.1^23', also out of scope)",
    **{f"quantities.ambiguity.json#{i}": "'b' or 'K' after a figure expected as bits, barns or kibibytes; in "
       "releases '1500b' and '32K' are 1.5 billion and 32 thousand" for i in (13, 15, 16, 17)},
})
# Units of fields a defense-industry release does not report in: geological time, particle physics,
# photometry, astronomy's arc minutes; and counting words used as units ("a dozen" = 1 dozen), which
# factcheck reads as the number they stand for (12) of the thing counted.
_FOREIGN_UNITS = ("megayear", "gigayear", "femtobarn", "barn", "candela", "joule second", "inverse second",
                  "minute of arc", "second of arc")
_COUNTING_WORD_UNITS = ("dozen", "baker's dozen", "gross")
# Duckling ids carry a section; match those by input instead (stable across re-conversion).
OUT_OF_SCOPE_INPUTS: dict[tuple[str, str], str] = {
    ("duckling/Numeral", "a few"): "vague quantifier: Duckling reads 'a few' as exactly 3",
    ("duckling/Numeral", "few"): "vague quantifier: Duckling reads 'few' as exactly 3",
    ("duckling/Numeral", "30 l"): "'l' read as lakh; in English prose '30 l' is 30 litres",
    ("duckling/AmountOfMoney", "7-9 lakh rupees"): "the expected interval is 7 to 900,000 (lakh applied to the "
                                                  "upper bound only), not what the text means",
    ("duckling/Distance", "1m and 1ft"): "'1m' resolved as a mile; in prose 'm' is the metre (and Duckling's "
                                         "'3m and 5cm' reads it as the metre)",
    ("duckling/Distance", "3k"): "'3k' read as 3 kilometres; Duckling's own Numeral suite reads '100k' as 100,000",
}
# Recognizers-Text's currency and dimension inputs come from tokenised Penn-Treebank news text.
_SPLIT_MENTION = re.compile(r"[$£€¥] \d|\d \. \d")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def out_of_scope_reason(case: Case) -> str | None:
    """Why a case of an in-scope suite is out of scope, or None."""
    if suite_of(case.suite).scope != "in scope":
        return None
    reason = OUT_OF_SCOPE.get(case.id) if not case.suite.startswith("duckling/") else None
    reason = reason or OUT_OF_SCOPE_INPUTS.get((case.suite, case.input))
    if reason:
        return reason
    if case.suite.startswith("recognizers-text/") and any(e.text and _SPLIT_MENTION.search(e.text)
                                                          for e in case.expected):
        return "tokenised Penn-Treebank text: the mention is split by spaces ('$ 75 million'), unlike published prose"
    if any(e.unit_only for e in case.expected):
        return "expects a unit word with no number ('fahrenheit', 'gramme'); factcheck extracts figures only"
    if any(_is_year(case.input, e) for e in case.expected):
        return "expects a year (1979) as a plain number; factcheck reads years as dates by design"
    if any(e.type == "temperature" for e in case.expected):
        return "expects a temperature (temperature is out of scope)"
    units = [(e.unit or "").lower() for e in case.expected]
    if any(any(f in u for f in _FOREIGN_UNITS) for u in units):
        return "a unit of a field releases do not report in (geological time, particle physics, photometry, arc minutes)"
    if any(u in _COUNTING_WORD_UNITS for u in units):
        return "a counting word as a unit ('a dozen' = 1 dozen); factcheck reads it as the number 12 of what is counted"
    return None


def _is_year(text: str, e: Item) -> bool:
    """A number item written as a year (1979, the 1960 of "1960s"), not an amount ("$2000")."""
    if e.type != "number" or not e.text or not _YEAR.fullmatch(e.text):
        return False
    return not (e.start and text[e.start - 1 : e.start] in "$£€¥")


# --------------------------------------------------------------------------------------------- predictions


@dataclass(frozen=True)
class Pred:
    """One predicted mention in the neutral form both tools are scored in."""

    start: int
    end: int
    kind: str  # number percent currency quantity ordinal other
    value: float | None
    high: float | None = None  # upper end of a range
    unit: str | None = None
    text: str = ""
    raw_type: str = ""  # the tool's own type (factcheck 'count', quantulum3 entity)

    @property
    def low(self) -> float | None:
        return self.value


_FACTCHECK_KINDS = {"number": "number", "count": "number", "percent": "percent", "currency": "currency",
                    "quantity": "quantity", "ordinal": "ordinal"}


def from_factcheck(m: Any) -> Pred:
    """A factcheck Mention (or anything shaped like one) as a Pred; never raises."""
    raw = str(getattr(m, "type", "") or "")
    unit = getattr(m, "unit", None)
    return Pred(start=_int(getattr(m, "start", None)) or 0, end=_int(getattr(m, "end", None)) or 0,
                kind=_FACTCHECK_KINDS.get(raw, "other"), value=_num(getattr(m, "value", None)),
                high=_num(getattr(m, "value_high", None)), unit=str(unit) if unit is not None else None,
                text=str(getattr(m, "text", "") or ""), raw_type=raw)


def from_quantulum3(q: Any) -> Pred:
    """A quantulum3 Quantity as a Pred: uncertainty becomes a range, currency_code the unit."""
    span = getattr(q, "span", None) or (0, 0)
    unit = getattr(q, "unit", None)
    name = str(getattr(unit, "name", "") or "")
    entity = str(getattr(getattr(unit, "entity", None), "name", "") or "")
    value = _num(getattr(q, "value", None))
    unc = _num(getattr(q, "uncertainty", None))
    if entity == "currency":
        kind, unit_s = "currency", getattr(unit, "currency_code", None) or name
    elif name == "percentage":
        kind, unit_s = "percent", "percent"
    elif name == "dimensionless":
        kind, unit_s = "number", None
    else:
        kind, unit_s = "quantity", name
    low, high = value, None
    if unc and value is not None:
        low, high = value - unc, value + unc
    return Pred(start=_int(span[0]) or 0, end=_int(span[1]) or 0, kind=kind, value=low, high=high, unit=unit_s,
                text=str(getattr(q, "surface", "") or ""), raw_type=entity)


# --------------------------------------------------------------------------------------------- units


@lru_cache(maxsize=1)
def _ureg() -> Any:
    import pint

    return pint.UnitRegistry(cache_folder=None)


# Source unit names whose meaning is a choice among pint units (each tried in turn), or that pint spells
# differently. Keys are lower-case, British spellings already folded to American (metre -> meter).
UNIT_ALIASES: dict[str, tuple[str, ...]] = {
    "c": ("degC",), "celsius": ("degC",), "degree celsius": ("degC",), "centigrade": ("degC",),
    "f": ("degF",), "fahrenheit": ("degF",), "degree fahrenheit": ("degF",), "kelvin": ("kelvin",),
    "degree": ("degC", "degF", "kelvin"),  # a temperature with no scale named
    "m": ("meter", "mile"),  # Duckling's metre/mile ambiguity
    "ton": ("ton", "metric_ton", "long_ton"), "tonne": ("metric_ton",), "metric ton": ("metric_ton",),
    "gallon": ("gallon", "imperial_gallon"),
    "barrel": ("oil_barrel", "barrel"),
    "pound-mass": ("pound",), "age": ("year",),
    "minute of arc": ("arcminute",), "second of arc": ("arcsecond",),
    "british thermal unit": ("Btu",), "electronvolt": ("electron_volt",),
}
_SPELLING = (("metre", "meter"), ("litre", "liter"), ("gramme", "gram"))


@lru_cache(maxsize=512)
def pint_units(name: str | None) -> tuple[str, ...] | None:
    """The pint unit(s) a source or tool unit name may mean, or None when it cannot be mapped."""
    if not name or not name.strip():
        return None
    raw = name.strip()
    s = raw.lower()
    for a, b in _SPELLING:
        s = s.replace(a, b)
    if s in UNIT_ALIASES:
        return UNIT_ALIASES[s]
    if " per " in s and any(p.strip() in UNIT_ALIASES for p in s.split(" per ")):
        # "ton per day": each reading of an ambiguous part ("ton" = short, metric or long)
        combos = [""]
        for k, part in enumerate(p.strip() for p in s.split(" per ")):
            options = UNIT_ALIASES.get(part, (part.replace(" ", "_"),))
            combos = [c + ("" if k == 0 else "/") + f"({o})" for c in combos for o in options]
        found = tuple(c for c in combos if _parses(c))
        if found:
            return found
    for cand in (raw, raw.replace(" ", "_"), s.replace(" ", "_"), _compose(s)):
        if cand and _parses(cand):
            return (cand,)
    return None


def _compose(s: str) -> str | None:
    """'kilometer per square second' -> 'kilometer/(second**2)'; 'watt hour' -> 'watt*hour'."""
    parts = s.split(" per ")

    def factor(p: str) -> str:
        p = p.strip()
        for word, power in (("square ", 2), ("cubic ", 3)):
            if p.startswith(word):
                return f"({factor(p[len(word):])})**{power}"
        for word, power in ((" squared", 2), (" cubed", 3)):
            if p.endswith(word):
                return f"({factor(p[: -len(word)])})**{power}"
        if p.startswith("inverse "):
            return f"1/({factor(p[8:])})"
        return "*".join(w for w in p.split() if w)

    try:
        num, *dens = (factor(p) for p in parts)
    except RecursionError:
        return None
    return num + "".join(f"/({d})" for d in dens) if num else None


def _parses(expr: str) -> bool:
    try:
        _ureg().parse_units(expr)
        return True
    except Exception:  # pint raises many kinds on odd input
        return False


def _dimless_family(unit: str) -> str:
    u = unit.lower()
    if "bit" in u or "byte" in u:
        return "information"
    if "arc" in u or "radian" in u:
        return "angle"
    return u


def convert(value: float, src: str, dst: str) -> float | None:
    """``value`` in pint unit ``src`` expressed in ``dst``; None if they measure different things."""
    ureg = _ureg()
    try:
        a, b = ureg.parse_units(src), ureg.parse_units(dst)
        if a.dimensionality != b.dimensionality:
            return None
        if a.dimensionless and _dimless_family(src) != _dimless_family(dst):
            return None
        return float(ureg.Quantity(value, a).to(b).magnitude)
    except Exception:
        return None


def unit_category(unit: str | None) -> str:
    """'temperature', 'time' or 'other' for a predicted quantity's unit."""
    units = pint_units(unit)
    if not units:
        return "other"
    try:
        dim = str(_ureg().parse_units(units[0]).dimensionality)
    except Exception:
        return "other"
    return {"[temperature]": "temperature", "[time]": "time"}.get(dim, "other")


# --------------------------------------------------------------------------------------------- currency

DOLLARS = frozenset("USD CAD AUD NZD HKD SGD TWD JMD BSD BBD BZD BMD KYD XCD FJD GYD LRD NAD SBD SRD TTD BND ZWL"
                    .split())
POUNDS = frozenset("GBP EGP LBP SYP SDG SSP FKP GIP SHP".split())
CURRENCY_FAMILIES: dict[str, tuple[frozenset[str], str]] = {
    # source name or symbol -> (ISO codes it may stand for, word a unit *name* may contain)
    "dollar": (DOLLARS, "dollar"), "$": (DOLLARS, "dollar"),
    "pound": (POUNDS, "pound"), "£": (POUNDS, "pound"),
    "euro": (frozenset({"EUR"}), "euro"), "€": (frozenset({"EUR"}), "euro"),
    "franc": (frozenset("CHF FRF BEF LUF XOF XAF XPF".split()), "franc"),
    "rupee": (frozenset("INR PKR LKR NPR MUR SCR".split()), "rupee"),
    "dinar": (frozenset("KWD BHD IQD JOD LYD TND DZD RSD MKD".split()), "dinar"),
    "riyal": (frozenset("SAR QAR YER".split()), "riyal"),
    "rial": (frozenset("IRR OMR YER".split()), "rial"),
    "yen": (frozenset({"JPY"}), "yen"), "yuan": (frozenset({"CNY"}), "yuan"),
    "peseta": (frozenset({"ESP"}), "peseta"), "finnish markka": (frozenset({"FIM"}), "markka"),
    "netherlands guilder": (frozenset({"NLG"}), "guilder"),
}
SUBUNITS: dict[str, float] = {"cent": 100, "cents": 100, "penny": 100, "pennies": 100, "pence": 100, "sen": 100,
                              "dime": 10, "kopiyka": 100, "centavo": 100}
_ISO = re.compile(r"^[A-Z]{3}$")


def currency_value_ok(exp_unit: str | None, exp_value: float | None, pred: Pred,
                      values: Callable[[Pred, float], bool]) -> tuple[bool, bool]:
    """(match, unit_checked) for a currency item; ``values(pred, scale)`` compares the bounds."""
    eu = (exp_unit or "").strip()
    pu = (pred.unit or "").strip()
    key = eu.lower()
    if key in SUBUNITS:
        if pu.lower() in SUBUNITS:
            return values(pred, SUBUNITS[key] / SUBUNITS[pu.lower()]), True
        return values(pred, SUBUNITS[key]), True  # major unit stated: 0.5 USD is 50 cents
    if _ISO.match(eu):
        return (pu.upper() == eu and values(pred, 1.0)), True
    if key == "unknown":  # Duckling "bucks": any currency
        return values(pred, 1.0), True
    fam = CURRENCY_FAMILIES.get(key)
    if fam is None:
        return values(pred, 1.0), False  # a name we cannot map: values only
    codes, word = fam
    ok_unit = pu.upper() in codes or word in pu.lower()
    return (ok_unit and values(pred, 1.0)), True


# --------------------------------------------------------------------------------------------- matching


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b)) + ABS_TOL


def bounds_match(item: Item, low: float | None, high: float | None) -> bool:
    """Do a prediction's bounds (already in the item's unit) give the item's value?

    A point item needs a point prediction of the same value; quantulum3's "value +/- uncertainty" items
    also accept the range or the centre; Duckling intervals compare min with the low end and max with the
    high end (an open interval compares its one bound)."""
    is_range = high is not None and not close(low, high)
    if item.value is not None:
        if item.uncertainty:
            if is_range:
                return close(low, item.value - item.uncertainty) and close(high, item.value + item.uncertainty)
            return close(low, item.value)
        return not is_range and close(low, item.value)
    if item.low is not None and item.high is not None:
        return is_range and close(low, item.low) and close(high, item.high)
    if item.low is not None:
        return close(low, item.low)
    if item.high is not None:
        return close(high if is_range else low, item.high)
    return True  # unit-only item: no value to compare


TYPE_KINDS = {"number": {"number"}, "ordinal": {"ordinal"}, "percent": {"percent"}, "currency": {"currency"},
              "quantity": {"quantity"}, "temperature": {"quantity"}, "age": {"quantity"}}
AMOUNT_KINDS = {"currency", "quantity", "percent"}


@dataclass(frozen=True)
class Verdict:
    ok: bool
    unit_checked: bool = True


def spans_overlap(item: Item, pred: Pred) -> bool:
    if item.start is None or item.end is None:
        return True  # quantulum3 spellout gives no spans
    return pred.start < item.end and item.start < pred.end


def item_matches(item: Item, pred: Pred, numeral_suite: bool = False) -> Verdict:
    """Does ``pred`` find ``item``? Span overlap, compatible type, unit, value (see README)."""
    if not spans_overlap(item, pred):
        return Verdict(False)
    kinds = TYPE_KINDS.get(item.type, {item.type})
    if pred.kind not in kinds:
        # In number-only suites, the numeral inside an amount counts ('$20' -> 20, '3 years' -> 3).
        if numeral_suite and item.type == "number" and pred.kind in AMOUNT_KINDS:
            return Verdict(bounds_match(item, pred.low, pred.high))
        return Verdict(False)
    if item.type in ("number", "ordinal", "percent"):
        return Verdict(bounds_match(item, pred.low, pred.high))
    if item.type == "currency":
        def values(p: Pred, scale: float) -> bool:
            return bounds_match(item, _scaled(p.low, scale), _scaled(p.high, scale))

        ok, checked = currency_value_ok(item.unit, item.value, pred, values)
        return Verdict(ok, checked)
    return _quantity_matches(item, pred)


def _scaled(x: float | None, k: float) -> float | None:
    return None if x is None else x * k


def _quantity_matches(item: Item, pred: Pred) -> Verdict:
    targets = pint_units(item.unit)
    src = pint_units(pred.unit)
    if not targets or not src:
        return Verdict(bounds_match(item, pred.low, pred.high), unit_checked=False)
    for dst in targets:
        if item.unit_only:
            if convert(1.0, src[0], dst) is not None:
                return Verdict(True)
            continue
        low = convert(pred.low, src[0], dst) if pred.low is not None else None
        high = convert(pred.high, src[0], dst) if pred.high is not None else None
        if low is None and pred.low is not None:
            continue  # different dimension
        if bounds_match(item, low, high):
            return Verdict(True)
    return Verdict(False)


def max_matching(n_items: int, n_preds: int, edge: Callable[[int, int], bool]) -> dict[int, int]:
    """A maximum one-to-one matching item -> pred (Kuhn's augmenting paths; cases are small)."""
    adj = [[j for j in range(n_preds) if edge(i, j)] for i in range(n_items)]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_items):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def of_kind(pred: Pred, kind: str) -> bool:
    """Does ``pred`` belong to a suite of ``kind`` (so that, unmatched, it is a false positive)?"""
    if kind == "any":
        return pred.kind in ("number", "percent", "currency", "quantity")
    if kind in ("number", "percent", "currency", "ordinal"):
        return pred.kind == kind
    if pred.kind != "quantity":
        return False
    cat = unit_category(pred.unit)
    if kind == "dimension":
        return cat == "other"
    return cat == kind  # temperature | time


@dataclass
class CaseScore:
    correct: bool
    tp: int
    fn: int
    fp: int
    unit_unchecked: int
    matched: dict[int, int] = field(default_factory=dict)  # item index -> pred index
    false_pos: list[int] = field(default_factory=list)  # pred indexes


def score_case(case: Case, preds: Sequence[Pred]) -> CaseScore:
    """Match ``preds`` to the case's expected items one to one and count TP/FN/FP."""
    suite = suite_of(case.suite)
    numeral = suite.kind == "number"
    verdicts: dict[tuple[int, int], Verdict] = {}

    def edge(i: int, j: int) -> bool:
        v = item_matches(case.expected[i], preds[j], numeral_suite=numeral)
        verdicts[(i, j)] = v
        return v.ok

    matched = max_matching(len(case.expected), len(preds), edge)
    used = set(matched.values())
    false_pos = [j for j, p in enumerate(preds) if j not in used and of_kind(p, suite.kind)]
    tp = len(matched)
    fn = len(case.expected) - tp
    correct = fn == 0 and (bool(case.expected) or not false_pos)
    unchecked = sum(1 for i, j in matched.items() if not verdicts[(i, j)].unit_checked)
    return CaseScore(correct, tp, fn, len(false_pos), unchecked, matched, false_pos)


# --------------------------------------------------------------------------------------------- tools


def factcheck_runner() -> Callable[[str], list[Pred]]:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from factcheck.extract import extract_text

    def run(text: str) -> list[Pred]:
        return [from_factcheck(m) for m in (extract_text(text) or [])]

    return run


def quantulum3_runner() -> tuple[Callable[[str], list[Pred]] | None, str]:
    """(runner, description); runner is None when quantulum3 is not installed."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import classifier, parser
    except ImportError:
        return None, "not installed"
    from importlib.metadata import PackageNotFoundError, version

    try:
        desc = f"quantulum3 {version('quantulum3')}"
    except PackageNotFoundError:
        desc = "quantulum3 (version unknown)"
    desc += ", classifier on" if getattr(classifier, "USE_CLF", False) else ", classifier off (deps not installed)"

    def run(text: str) -> list[Pred]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [from_quantulum3(q) for q in parser.parse(text)]

    return run, desc


@dataclass
class ToolRun:
    preds: list[list[Pred]]
    errors: dict[int, str]
    seconds: float


def run_tool(run: Callable[[str], list[Pred]], cases: Sequence[Case]) -> ToolRun:
    """Run a tool on every case; an exception is recorded for that case (scored as no prediction)."""
    out: list[list[Pred]] = []
    errors: dict[int, str] = {}
    t0 = time.perf_counter()
    for k, case in enumerate(cases):
        try:
            out.append(run(case.input))
        except Exception as e:  # a tool bug must not stop the benchmark
            errors[k] = f"{type(e).__name__}: {e}"[:200]
            out.append([])
    return ToolRun(out, errors, time.perf_counter() - t0)


# --------------------------------------------------------------------------------------------- report


@dataclass
class Tally:
    cases: int = 0
    correct: int = 0
    tp: int = 0
    fn: int = 0
    fp: int = 0
    unit_unchecked: int = 0
    errors: int = 0
    oos_cases: int = 0
    oos_correct: int = 0

    def add(self, s: CaseScore, oos: bool, error: bool) -> None:
        self.cases += 1
        self.correct += s.correct
        self.tp += s.tp
        self.fn += s.fn
        self.fp += s.fp
        self.unit_unchecked += s.unit_unchecked
        self.errors += error
        self.oos_cases += oos
        self.oos_correct += oos and s.correct

    @property
    def accuracy(self) -> float:
        return self.correct / self.cases if self.cases else 0.0

    @property
    def in_scope_accuracy(self) -> float:
        n = self.cases - self.oos_cases
        return (self.correct - self.oos_correct) / n if n else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def tally(cases: Sequence[Case], scores: Sequence[CaseScore], errors: dict[int, str]) -> dict[str, Tally]:
    out: dict[str, Tally] = {}
    for k, (case, s) in enumerate(zip(cases, scores, strict=True)):
        out.setdefault(case.suite, Tally()).add(s, out_of_scope_reason(case) is not None, k in errors)
    return out


def _pct(x: float | None) -> str:
    return "" if x is None else f"{100 * x:.1f}"


def _scope_label(name: str) -> str:
    s = suite_of(name)
    return s.scope if not s.why else f"{s.scope} ({s.why})"


def markdown(suites: list[str], fc: dict[str, Tally], q3: dict[str, Tally] | None, meta: dict[str, str]) -> str:
    """The results table (all cases), then the same on in-scope cases only, then what was run."""
    q = q3 or {}
    lines = ["| suite | cases | factcheck case acc | quantulum3 case acc | factcheck F1 | quantulum3 F1 | scope |",
             "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for name in suites:
        f, t = fc[name], q.get(name)
        lines.append(f"| {name} | {f.cases} | {_pct(f.accuracy)} | {_pct(t.accuracy if t else None)} | "
                     f"{_pct(f.f1)} | {_pct(t.f1 if t else None)} | {_scope_label(name)} |")
    lines += ["", "In-scope suites, in-scope cases only (out-of-scope cases are listed by `--json`), with item "
              "precision/recall and the matches whose unit could not be compared:", "",
              "| suite | in-scope cases | factcheck case acc | quantulum3 case acc | factcheck P / R | "
              "quantulum3 P / R | unit unmapped (fc / q3) |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name in suites:
        if suite_of(name).scope != "in scope":
            continue
        f, t = fc[name], q.get(name)
        q_acc = _pct(t.in_scope_accuracy) if t else ""
        q_pr = f"{_pct(t.precision)} / {_pct(t.recall)}" if t else ""
        q_un = str(t.unit_unchecked) if t else ""
        lines.append(f"| {name} | {f.cases - f.oos_cases} | {_pct(f.in_scope_accuracy)} | {q_acc} | "
                     f"{_pct(f.precision)} / {_pct(f.recall)} | {q_pr} | {f.unit_unchecked} / {q_un} |")
    lines += ["", *(f"- {k}: {v}" for k, v in meta.items())]
    return "\n".join(lines) + "\n"


def case_record(case: Case, tools: dict[str, tuple[list[Pred], CaseScore, str | None]]) -> dict[str, Any]:
    rec: dict[str, Any] = {"suite": case.suite, "id": case.id, "input": case.input,
                           "expected": [asdict(e) for e in case.expected],
                           "out_of_scope": out_of_scope_reason(case)}
    for name, (preds, s, err) in tools.items():
        rec[name] = {"correct": s.correct, "tp": s.tp, "fn": s.fn, "fp": s.fp,
                     "missed": [i for i in range(len(case.expected)) if i not in s.matched],
                     "false_positives": s.false_pos, "predicted": [asdict(p) for p in preds], "error": err}
    return rec


def _fmt_pred(p: Pred) -> str:
    rng = f"..{p.high:g}" if p.high is not None else ""
    val = "None" if p.value is None else f"{p.value:g}"
    return f"[{p.start}:{p.end}] {p.text!r} {p.raw_type or p.kind} {val}{rng} {p.unit or ''}".rstrip()


def _fmt_item(e: Item) -> str:
    if e.value is not None:
        val = f"{e.value:g}" + (f"±{e.uncertainty:g}" if e.uncertainty else "")
    else:
        val = f"[{'' if e.low is None else f'{e.low:g}'}, {'' if e.high is None else f'{e.high:g}'}]"
    return f"[{e.start}:{e.end}] {e.text!r} {e.type} {val} {e.unit or ''}".rstrip()


def show_misses(cases: Sequence[Case], preds: Sequence[list[Pred]], scores: Sequence[CaseScore],
                errors: dict[int, str], limit: int) -> str:
    out: list[str] = []
    shown = 0
    for k, (case, p, s) in enumerate(zip(cases, preds, scores, strict=True)):
        if s.correct:
            continue
        if shown >= limit:
            break
        shown += 1
        oos = out_of_scope_reason(case)
        out.append(f"--- {case.suite} {case.id}" + (f"  (out of scope: {oos})" if oos else ""))
        out.append(f"    input: {case.input!r}")
        for i, e in enumerate(case.expected):
            out.append(f"    {'ok  ' if i in s.matched else 'MISS'} {_fmt_item(e)}")
        if not case.expected:
            out.append("    expected: nothing")
        for j, pr in enumerate(p):
            tag = "FP  " if j in s.false_pos else ("    " if j not in s.matched.values() else "hit ")
            out.append(f"    {tag} pred {_fmt_pred(pr)}")
        if k in errors:
            out.append(f"    ERROR {errors[k]}")
    total = sum(1 for s in scores if not s.correct)
    out.append(f"{shown} of {total} missed cases shown")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------- main


def select_suites(cases: Sequence[Case], pattern: str | None) -> list[Case]:
    if not pattern:
        return list(cases)
    exact = [c for c in cases if c.suite == pattern]
    return exact or [c for c in cases if pattern.lower() in c.suite.lower()]


def ordered_suites(cases: Iterable[Case]) -> list[str]:
    seen: dict[str, None] = {}
    for c in cases:
        seen.setdefault(c.suite, None)
    known = [s for s in SUITES if s in seen]
    return known + [s for s in seen if s not in SUITES]


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--peers", type=Path, default=DEFAULT_PEERS, help="folder of the peer .jsonl files")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write every case, prediction and verdict here")
    ap.add_argument("--show-misses", nargs=2, metavar=("SUITE", "N"),
                    help="list factcheck's first N missed cases of SUITE (a name or part of one)")
    ap.add_argument("--suite", help="run only suites whose name contains this")
    ap.add_argument("--no-quantulum3", action="store_true", help="do not run quantulum3 even if installed")
    ap.add_argument("--out", type=Path, default=RESULTS / "peers.md",
                    help="where a full run writes the table (default benchmarks/results/peers.md)")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        cases = load_cases(args.peers.resolve())
    except PeersError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    limit = 0
    pattern = args.suite
    if args.show_misses:
        pattern, n = args.show_misses
        try:
            limit = int(n)
        except ValueError:
            print(f"error: --show-misses N must be a number, got {n!r}", file=sys.stderr)
            return 2
    cases = select_suites(cases, pattern)
    if not cases:
        print(f"error: no suite matches {pattern!r}", file=sys.stderr)
        return 2
    full_run = pattern is None and not args.no_quantulum3

    try:
        fc_run = factcheck_runner()
    except ImportError as e:
        print(f"error: cannot import factcheck.extract: {e}", file=sys.stderr)
        return 2
    fc = run_tool(fc_run, cases)
    fc_scores = [score_case(c, p) for c, p in zip(cases, fc.preds, strict=True)]

    if args.show_misses:
        print(show_misses(cases, fc.preds, fc_scores, fc.errors, limit))
        return 0

    q3: ToolRun | None = None
    q3_scores: list[CaseScore] | None = None
    q3_desc = "skipped (--no-quantulum3)"
    if not args.no_quantulum3:
        q3_fn, q3_desc = quantulum3_runner()
        if q3_fn is None:
            print("quantulum3 not installed: skipped")
        else:
            q3 = run_tool(q3_fn, cases)
            q3_scores = [score_case(c, p) for c, p in zip(cases, q3.preds, strict=True)]

    suites = ordered_suites(cases)
    fc_t = tally(cases, fc_scores, fc.errors)
    q3_t = tally(cases, q3_scores, q3.errors) if q3 and q3_scores else None
    meta = {"cases": f"{len(cases)} from {args.peers.name}/ ({', '.join(PEER_FILES)})",
            "factcheck": _factcheck_version() + (f"; {len(fc.errors)} cases raised" if fc.errors else ""),
            "quantulum3": q3_desc + (f"; {len(q3.errors)} cases raised" if q3 and q3.errors else ""),
            "values": f"match within {REL_TOL:g} relative; scoring rules in benchmarks/README.md"}
    table = markdown(suites, fc_t, q3_t, meta)
    print(table)
    print(f"factcheck: {fc.seconds:.1f} s for {len(cases)} cases" +
          (f"; quantulum3: {q3.seconds:.1f} s" if q3 else ""))
    if full_run:
        try:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(table, encoding="utf-8")
        except OSError as e:
            print(f"error: {args.out}: cannot write: {e}", file=sys.stderr)
            return 2
        print(f"table written to {args.out}")
        if args.out == RESULTS / "peers.md" and update_readme(README, table):
            print(f"table updated in {README}")
    if args.json:
        recs = []
        for k, case in enumerate(cases):
            tools = {"factcheck": (fc.preds[k], fc_scores[k], fc.errors.get(k))}
            if q3 and q3_scores:
                tools["quantulum3"] = (q3.preds[k], q3_scores[k], q3.errors.get(k))
            recs.append(case_record(case, tools))
        summary = {name: {"factcheck": asdict(fc_t[name]), "quantulum3": asdict(q3_t[name]) if q3_t else None,
                          "scope": _scope_label(name)} for name in suites}
        try:
            args.json.write_text(json.dumps({"meta": meta, "suites": summary, "cases": recs}, indent=1,
                                            ensure_ascii=False), encoding="utf-8")
        except OSError as e:
            print(f"error: {args.json}: cannot write: {e}", file=sys.stderr)
            return 2
    return 0


README = Path(__file__).resolve().parent / "README.md"
_MARK_A, _MARK_B = "<!-- peers-table -->", "<!-- /peers-table -->"


def replace_between_markers(doc: str, table: str) -> str | None:
    """``doc`` with the text between the table markers replaced by ``table``; None without markers."""
    a, b = doc.find(_MARK_A), doc.find(_MARK_B)
    if a < 0 or b < a:
        return None
    return doc[: a + len(_MARK_A)] + "\n" + table + doc[b:]


def update_readme(path: Path, table: str) -> bool:
    try:
        new = replace_between_markers(path.read_text(encoding="utf-8"), table)
        if new is None:
            return False
        path.write_text(new, encoding="utf-8")
        return True
    except OSError:
        return False


def _factcheck_version() -> str:
    try:
        from importlib.metadata import version

        return f"factcheck {version('factcheck')}"
    except Exception:
        return "factcheck (version unknown)"


if __name__ == "__main__":
    sys.exit(main())
