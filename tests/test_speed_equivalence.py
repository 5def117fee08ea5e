"""The start-up shortcuts match exactly what the regular expressions they replace would match.

factcheck/extract/lexicon.py reads units, currency names and scale words with set look-ups instead of
compiling long alternations (a git hook pays every compile on every commit). Here each look-up is compared
with the pattern it stands for, on every position of every sample and corpus text and on made-up strings
around every vocabulary word (case variants, separators, powers, letters after), and the case folding it
uses is compared with ``regex``'s IGNORECASE over all of Unicode.
"""

from __future__ import annotations

import copy
import itertools
import pickle
from pathlib import Path

import pytest
import regex

from factcheck.extract import lexicon as lx
from factcheck.extract.lazy import LazyPattern
from factcheck.ruleset import load_rules

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((ROOT.parent / "shared" / "corpus").glob("*.txt"))]

UNIT_TAIL = r"(?P<pow>\^[23]|[²³]|[ \u00a0](?:squared|cubed)(?![\p{L}]))?(?![\p{L}\d²³]|-\p{L})"


def unit_pattern(units) -> regex.Pattern:
    return regex.compile(rf"^(?P<sp>[\s\u00a0-]?)(?P<u>{lx._alt(units)})" + UNIT_TAIL)


def name_pattern(names) -> regex.Pattern:
    return regex.compile(rf"^[\s\u00a0-](?P<n>{lx._alt(names)})(?![\p{{L}}])", regex.I)


def scale_pattern(long, short) -> regex.Pattern:
    return regex.compile(rf"(?:[\s\u00a0-]?(?P<long>{lx._alt(long)})(?![\p{{L}}])|(?P<short>{lx._alt(short)})(?![\p{{L}}\d]))",
                         regex.I)


@pytest.fixture(scope="module")
def lex() -> lx.Lexicon:
    return lx.lexicon(load_rules().vocab)


def same(pattern: regex.Pattern, matcher, s: str, groups: tuple[str, ...]) -> None:
    a, b = pattern.match(s), matcher.match(s)
    assert (a is None) == (b is None), (s, a, b and b.group())
    if a is not None:
        for g in (0, *groups, *range(1, len(groups) + 1)):
            assert (a.group(g), a.span(g)) == (b.group(g), b.span(g)), (s, g)
        assert a.end() == b.end() and a.groupdict() == b.groupdict()


def windows(width: int = 40):
    for t in TEXTS:
        for i in range(len(t)):
            yield t[i:i + width]


EDGE_CHARS = ["", " ", "\u00a0", "-", "\t", "\u2009", "İ", "ı", "K", "ſ", "µ", "μ", "é", "2", "x"]


def made_up(words):
    """Each word, in three cases, between separators and what may follow it."""
    tails = ["", " ", "s", "2", "²", "³", "^2", "^3", " squared", " cubed", " cubedx", "-a", "-1", ".", "é", "İ", "ı"]
    for w in list(words)[:400]:
        for variant in {w, w.upper(), w.lower(), w.title()}:
            for sp, tail in itertools.product(EDGE_CHARS[:6], tails):
                yield sp + variant + tail
    for a, b in itertools.product(EDGE_CHARS, repeat=2):
        yield a + b + "mile"


def test_units_read_as_the_alternation_would(lex: lx.Lexicon) -> None:
    pattern = unit_pattern(lex.units)
    for s in itertools.chain(windows(), made_up(lex.units)):
        same(pattern, lex.unit_re, s, ("sp", "u", "pow"))


def test_currency_names_read_as_the_alternation_would(lex: lx.Lexicon) -> None:
    pattern = name_pattern(lex.cur_names)
    assert lex.cur_name_re._words.ok  # the shipped names take the look-up, not the fallback
    for s in itertools.chain(windows(30), made_up(lex.cur_names), (" " + x + "loty" for x in ("z", "Z", "zł", "ZŁ"))):
        same(pattern, lex.cur_name_re, s, ("n",))


def test_scale_words_read_as_the_alternation_would(lex: lx.Lexicon) -> None:
    long = sorted({s for s in lex.scale if s not in lex.short_scales}
                  | {w for t in (lex.locale_scales or {}).values() for w in t if w not in lex.short_scales})
    pattern = scale_pattern(long, lex.short_scales)
    for s in itertools.chain(windows(20), made_up(list(lex.scale) + list(lex.short_scales))):
        same(pattern, lex.scale_re, s, ("long", "short"))


@pytest.mark.parametrize("words", [[], [""], ["a", "ab", ""], ["m", "mm", "m²"], ["I", "i", "İx"], ["ƛ", "Ka"]])
def test_small_and_odd_word_sets(words: list[str]) -> None:
    strings = ["", " ", "a", "ab", " ab", "-a²", "m² x", "mm^2", "abc", "1", " 1", "- a", " i", " I", " İ", " ı",
               " ıx", " İx", " ƛ", " ꟛ", " ka", " Ka", " ka", "k", "K"]
    checks = [(unit_pattern(words), lx.UnitMatcher(words), ("sp", "u", "pow")),
              (name_pattern(words), lx.CurrencyNameMatcher(words), ("n",)),
              (scale_pattern(words, words), lx.ScaleMatcher(words, words), ("long", "short")),
              (scale_pattern(words, ["b"]), lx.ScaleMatcher(words, ["b"]), ("long", "short"))]
    for pattern, matcher, groups in checks:
        for s in strings:
            same(pattern, matcher, s, groups)


def test_fold_agrees_with_regex_ignorecase() -> None:
    """For each character a word may hold (ASCII and _FOLD_SAFE), the text characters the look-up folds
    itself (ASCII and _FOLD_SAFE, not _FOLD_ODD) that regex's IGNORECASE matches are exactly those with the
    same fold. Text with any other character takes the compiled pattern, so newer Unicode tables in newer
    regex releases (which add case pairs such as U+1DF95 for "ß") cannot change a result."""
    every = [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000]
    text = "".join(every)
    by_fold: dict[str, set[str]] = {}
    for c in every:
        if c.casefold() != c or c.lower() != c or c.upper() != c or c in lx._FOLD_EXTRA:
            by_fold.setdefault(lx._fold_char(c), set()).add(c)
    for c in sorted({chr(i) for i in range(128)} | lx._FOLD_SAFE):
        matched = {x for x in regex.findall("(?i)" + regex.escape(c), text) if lx._safe(x)}
        folds = {x for x in by_fold.get(lx._fold_char(c), set()) | {c} if lx._safe(x)}
        assert matched == folds, (c, sorted(matched), sorted(folds))


def test_lazy_pattern_is_the_pattern() -> None:
    lazy = LazyPattern(r"(?<![\p{L}])ab+", regex.I)
    assert lazy._compiled is None
    assert lazy.search("x AbB").group() == "AbB" and lazy.findall("ab, ABBB") == ["ab", "ABBB"]
    assert lazy.pattern == r"(?<![\p{L}])ab+" and lazy.flags & regex.I


def test_lexicon_and_lazy_patterns_survive_pickling(lex: lx.Lexicon) -> None:
    again = pickle.loads(pickle.dumps(lex))
    assert again.unit_re.match(" km^2 of").group("sp", "u", "pow") == (" ", "km", "^2")
    assert again.scale_re.match(" Milliarden Euro").group("long") == "Milliarden"
    assert again.cur_name_re.match(" EUROS,").group("n") == "EUROS"
    lazy = copy.deepcopy(LazyPattern(r"\d+"))
    assert lazy.findall("1 a 22") == ["1", "22"]
