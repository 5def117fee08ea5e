"""The vocabulary (rules/*.yaml ``vocabulary:``) compiled into the regular expressions extraction uses.

Built once per vocabulary and cached: a git hook runs factcheck on every commit, so start-up counts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import regex

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
whilst amid amidst despite unless once went go goes going gone came come comes coming
 remain remains remained stood stand stands reached reach
reaches include includes included including took take takes taken make makes made making said say says
rose rise rises risen fell fall falls fallen grew grow grows grown dropped drop drops declined decline
increased increase increases climbed climb climbs jumped jump jumps gained gain gains expected expect
plans plan planned set sets will won lost became become becomes got get gets gave give gives saw see
sees left leave leaves put puts seen known called named worth valued priced costing cost costs bringing
brings brought bring represented represents representing representing compared compares equivalent
according following followed follows again later earlier ago apiece each annually yearly monthly
today tomorrow yesterday now currently respectively last next previous alone altogether overall total totalling totaling
combined together in-service entered enter enters break breaks broke handed hand delivered deliver
delivers ordered order orders signed sign signs built build builds produced produce produces operated
operate operates bought buy buys acquired acquire acquires sold sell sells flew fly flies carried carry
carries fitted fit fits
""".split())

# Words that may stand before a number in a headline or sentence without making "Word 12" a designation.
NOT_DESIGNATORS = frozenset("""
a an the of in on at by for from to into with and or but than as per about around approximately roughly
nearly almost over under some more less fewer only just all each every another those these its their
our his her your my since until till after before during within between among including plus total
combined some most both up down out some exactly precisely fully circa estimated est just barely around
approx top last first next past previous another other further additional extra new old at least if
when while where whereas although though because so then also still already yet even now today
""".split())


@dataclass(frozen=True)
class Lexicon:
    vocab_key: str
    hedges: dict[str, dict]
    hedge_re: regex.Pattern  # a hedge ending right before a figure
    scale: dict[str, float]
    short_scales: frozenset[str]
    scale_re: regex.Pattern  # scale word right after a numeral
    cur_prefix: dict[str, str]
    tight_prefixes: frozenset[str]
    cur_prefix_re: regex.Pattern  # currency prefix ending right before a numeral
    cur_names: dict[str, str]
    cur_name_re: regex.Pattern  # currency name right after a numeral / scale
    units: dict[str, str]
    tight_units: frozenset[str]
    unit_re: regex.Pattern  # unit right after a numeral
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


def _alt(words, flags_ci: bool = False) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


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
    hedge_re = regex.compile(rf"(?<![\p{{L}}])(?:{_alt(hedges)})\s*$", regex.I)
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
            evidence[loc] = regex.compile(rf"\d[\s\u00a0](?:{_alt(own)})(?![\p{{L}}])", regex.I)
    scale_re = regex.compile(
        rf"(?:[\s\u00a0-]?(?P<long>{_alt(long_scales)})(?![\p{{L}}])|(?P<short>{_alt(short)})(?![\p{{L}}\d]))", regex.I)
    prefixes = dict(v.get("currency_prefixes") or {})
    tight_p = frozenset(v.get("tight_prefixes") or [])
    cur_prefix_re = regex.compile(rf"(?:(?<![\p{{L}}])(?P<p>{_alt(prefixes)}))(?P<sp>[\s\u00a0]?)$")
    names = dict(v.get("currency_names") or {})
    cur_name_re = regex.compile(rf"^[\s\u00a0-](?P<n>{_alt(names)})(?![\p{{L}}])", regex.I)
    units = dict(v.get("units") or {})
    # spelled-out units also as written at the start of a title-case phrase ("3 Cups", "a Pound")
    units.update({k[0].upper() + k[1:]: u for k, u in list(units.items()) if len(k) > 3 and k.islower() and k.isascii()})
    tight_u = frozenset(v.get("tight_units") or [])
    # a unit, then maybe a power: "km^3", "m²", "km squared"
    unit_re = regex.compile(rf"^(?P<sp>[\s\u00a0-]?)(?P<u>{_alt(units)})"
                            rf"(?P<pow>\^[23]|[²³]|[ \u00a0](?:squared|cubed)(?![\p{{L}}]))?"
                            rf"(?![\p{{L}}\d²³]|-\p{{L}})")
    multiples = {k.lower(): float(x) for k, x in (v.get("multiple_words") or {}).items()}
    multiple_re = regex.compile(rf"\b(?:{_alt(multiples)})\b", regex.I)
    designators = frozenset(d.lower() for d in (v.get("designators") or []))
    suffixes = frozenset(s.lower() for s in (v.get("designation_suffixes") or []))
    exchanges = v.get("exchanges") or ["NYSE"]
    exchanges_re = regex.compile(rf"\b(?:{_alt(exchanges)})\s?:\s?[A-Z0-9][A-Z0-9.]{{0,11}}\b")
    noun_class = {}
    for cls, words in (v.get("noun_classes") or {}).items():
        for w in words:
            noun_class[w.lower()] = cls
    glued_only = frozenset(v.get("glued_only_units") or [])
    suffix = dict(v.get("currency_suffixes") or {})
    suffix_re = regex.compile(rf"^[ \u00a0]?(?P<s>{_alt(suffix)})(?![\p{{L}}\d]|[ \u00a0]?\d)") if suffix else None
    subunits = {k.lower(): (str(x[0]), float(x[1])) for k, x in (v.get("currency_subunits") or {}).items()}
    subunit_re = regex.compile(rf"^(?:[ \u00a0-]?(?P<s>{_alt(subunits)}))(?![\p{{L}}\d])", regex.I) if subunits else None
    after_scale = {k.lower(): str(x) for k, x in (v.get("currency_names_after_scale") or {}).items()}
    letter_prefixes = [p for p in prefixes if p[-1:].isalpha() or p[-1:] == "."]
    glued_prefix_re = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_alt(letter_prefixes)})(?P<n>\d+(?:[.,]\d+)*)(?![\p{{L}}\d])")
    return Lexicon(key, hedges, hedge_re, scale, short, scale_re, prefixes, tight_p, cur_prefix_re, names,
                   cur_name_re, units, tight_u, unit_re, multiples, multiple_re, designators, suffixes,
                   exchanges_re, noun_class, {}, glued_only, suffix, suffix_re, subunits, subunit_re, after_scale,
                   glued_prefix_re, loc_scales, evidence)


def singular(word: str) -> str:
    """A counted noun in the singular ("deliveries" -> "delivery", "F-35As" -> "F-35A")."""
    w = word
    low = w.lower()
    irregular = {"people": "person", "personnel": "person", "men": "man", "women": "woman",
                 "children": "child", "staff": "staff", "aircraft": "aircraft", "series": "series",
                 "species": "species", "crew": "crew", "sheep": "sheep", "data": "data", "media": "media"}
    if low in irregular:
        return irregular[low]
    if regex.search(r"\d[A-Za-z]?s$", w) or regex.search(r"[A-Z]s$", w):
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
