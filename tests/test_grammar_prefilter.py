"""The linking grammar skips a sentence only where a template cannot match (factcheck/claims/anchors.py,
Abstract.holds): the matches with the prefilter are those without it, on every sentence of the samples and
the corpus, and the facts the anchor test rests on hold over all of Unicode."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import regex

from factcheck.claims import anchors as an
from factcheck.claims.grammar import FIG_OPEN, Abstract, Grammar, grammar_for, matches
from factcheck.claims.reading import Facts
from factcheck.claims.scope import Ctx
from factcheck.extract import extract
from factcheck.extract import wordstarts as ws
from factcheck.model import Document
from factcheck.ruleset import load_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules()
PATHS = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT.parent / "shared" / "corpus").glob("*.txt"))


def _abstracts(text: str) -> list[Abstract]:
    doc = Document(path="-", text=text)
    ctx = Ctx(doc=doc, mentions=extract(doc, RULES.vocab), rules=RULES, as_of=None)
    facts = Facts(ctx)
    return [facts.abstract(i) for i in range(len(ctx.sents))]


GRAMMAR = grammar_for(RULES.vocab)


def test_prefilter_skips_only_sentences_without_a_match() -> None:
    texts = [p.read_text(encoding="utf-8") for p in PATHS]
    assert texts, "no sample texts"
    skipped = sentences = 0
    for text in texts:
        for ab in _abstracts(text):
            sentences += 1
            for group, templates in GRAMMAR.templates.items():
                for t in templates:
                    found = [m.span() for m in t.pattern.finditer(ab.text, overlapped=True)]
                    if not ab.holds(t.needs):
                        skipped += 1
                        assert found == [], (group, t.id, ab.text)
    assert sentences > 100  # samples alone (CI has no ../shared/corpus) give about 460
    assert skipped > sentences * len(GRAMMAR.templates) // 2  # the prefilter does skip most of the work


def _key(ms) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(m.template.id, m.start, m.end, sorted((k, v.start) for k, v in m.slots.items())) for m in ms]


def test_matches_are_the_same_with_and_without_the_prefilter() -> None:
    """matches() (which skips) against the same templates with no needs (which search every sentence)."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in PATHS[:20])
    plain = Grammar.__new__(Grammar)
    plain.templates = {group: [dataclasses.replace(t, needs=None) for t in ts] for group, ts in GRAMMAR.templates.items()}
    found = 0
    for ab in _abstracts(text):
        for group in GRAMMAR.templates:
            got = _key(matches(GRAMMAR, group, ab))
            assert got == _key(matches(plain, group, ab)), (group, ab.text)
            found += len(got)
    assert found > 100


def test_a_private_use_slot_mark_in_the_text_counts_as_a_slot() -> None:
    """A document's own U+E000 characters reach the abstract; the slot count must not skip what they match."""
    text = f"Sales rose to {FIG_OPEN}0\ue001 from 5 in 2023."
    for ab in _abstracts(text):
        for templates in GRAMMAR.templates.values():
            for t in templates:
                if any(True for _ in t.pattern.finditer(ab.text, overlapped=True)):
                    assert ab.holds(t.needs), t.id


@pytest.mark.parametrize("text,template", [
    ("Sales rose to 13 from 11.", "{new} {gap:20} from {old}"),
    ("Sales ROSE to 13 FROM 11.", "{new} {gap:20} from {old}"),
    ("Sales roſe to 13 fRoM 11.", "(?P<cue>rose|fell) to {new}"),
    ("EBıT margin of 12%", "(?P<m>EBIT margin) of {p}"),
    ("İn all, 12 units", "in all , {n}"),
    ("12 (13)", "{a} \\( {b}"),
    ("Sales were 12 — up from 13.", "{a} [–—] up from {b}"),
])
def test_anchor_test_passes_what_the_template_matches(text: str, template: str) -> None:
    g = Grammar({"linking": {"grammar": {"x": {"t": {"template": template}}}}})
    t = g.templates["x"][0]
    for ab in _abstracts(text):
        if any(True for _ in t.pattern.finditer(ab.text, overlapped=True)):
            assert ab.holds(t.needs)
    assert any(any(True for _ in t.pattern.finditer(ab.text, overlapped=True)) for ab in _abstracts(text))


def test_templates_that_cannot_be_read_are_searched() -> None:
    g = Grammar({"linking": {"grammar": {"x": {
        "alt": {"template": "{a} foo|bar {b}"},            # a bar outside a group: nothing is required
        "opt": {"template": "{a} (from)? {b}"},             # optional
        "back": {"template": "(?P<w>up) {a} (?P=w)"},        # a back-reference
    }}}})
    by_id = {t.id: t for t in g.templates["x"]}
    assert by_id["alt"].needs is None
    assert by_id["opt"].needs is not None and by_id["opt"].needs[2] == ()
    assert [p.pattern for p, _ in by_id["back"].needs[2]] == [r"(?<![\p{L}\p{N}])(?P<w>up)(?![\p{L}\p{N}])"]


@pytest.mark.parametrize("piece,want", [
    (r"(?<![\p{L}\p{N}])from(?![\p{L}\p{N}])", {"=from"}),
    (r"(?<![\p{L}\p{N}])(compared\s+(with|to)|versus)(?![\p{L}\p{N}])", {"=compared", "=versus"}),
    (r"(?<![\p{L}\p{N}])rises?", {"rise"}),
    (r"(?<![\p{L}\p{N}])increas(e|ed)", {"increa"}),
    (r"(?<![\p{L}\p{N}])(?P<cue>(?:year[\s-]+on[\s-]+year|yoy))(?![\p{L}\p{N}])", {"=year", "=yoy"}),
    (r"(,|:)", {an.CHAR + ",", an.CHAR + ":"}),
    (r"[–—]", {an.CHAR + "–", an.CHAR + "—"}),
    (r"from", None),                               # not bounded: it may sit inside a word
    (r"(?<![\p{L}\p{N}])(from)?", None),           # optional
    (r"(?<![\p{L}\p{N}])[a-z]+", None),            # a class of letters
    (r"(?<![\p{L}\p{N}])é", None),                 # a first letter outside ASCII
    (r"(?<![\p{L}\p{N}])(?i:from)", None),          # an inline flag
])
def test_anchors_of_pieces(piece: str, want: set[str] | None) -> None:
    got = an.anchors(piece)
    assert (None if got is None else set(got)) == want


def test_words_of_a_text() -> None:
    w = an.words_of("Sales ROSE, to \ue0000\ue001 (up)")
    assert w is not None
    assert set(w) == {"=sales", "=rose", "=to", "=up", an.CHAR + ",", an.CHAR + "(", an.CHAR + ")"}
    assert an.starts_any(w, frozenset({"sal"})) and an.starts_any(w, frozenset({"u", "xyz"}))
    assert not an.starts_any(w, frozenset({"ose", "salez", "("}))
    assert "=kelvin" in (an.words_of("\u212aelvin") or ())  # the Kelvin sign folds to k
    assert an.words_of("Рост 5%") is None  # a letter it does not fold: the patterns are searched


def test_fold_matches_regex_ignorecase_for_ascii_letters() -> None:
    """Every character that a case-insensitive ASCII letter matches (either case, all of Unicode) is a letter
    that ``fold`` turns into that letter, and is one words_of reads (ASCII or _SAFE)."""
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        for x in set(regex.findall("(?i)" + c, every)):
            assert ws.fold(x) == c.lower(), (c, x)
            assert regex.fullmatch(r"\p{L}", x) and (x.isascii() or x in ws._SAFE), (c, x)


def test_marks_match_only_themselves() -> None:
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for c in an.MARKS:
        assert set(regex.findall("(?i)" + regex.escape(c), every)) == {c}, c
        assert not regex.fullmatch(r"[\p{L}\p{N}]", c)


def test_names_next_precheck_passes_every_window_the_pattern_matches() -> None:
    """reading._may_name_next is False only where _NAMES_NEXT finds nothing: every window before every figure
    of the samples and the corpus, and every end of every sample line."""
    from factcheck.claims import reading

    checked = matched = 0
    for p in PATHS:
        text = p.read_text(encoding="utf-8")
        doc = Document(path="-", text=text)
        ends = [m.start for m in extract(doc, RULES.vocab)] + [m.start() for m in regex.finditer(r"\s", text)]
        for b in ends:
            lo = max(0, b - 80)
            found = reading._NAMES_NEXT.search(text, lo, b)
            checked += 1
            if found is not None:
                matched += 1
                assert reading._may_name_next(text[lo:b]), text[lo:b]
    assert matched > 100 and checked > 10 * matched


def test_regex_white_space_is_str_white_space() -> None:
    """_may_name_next reads white space with str.isspace() where the pattern has \\s."""
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert all(c.isspace() for c in regex.findall(r"\s", every))


@pytest.mark.parametrize("seg", ["the budget amounting to ", "revenue of about ", "Orders: ", "EBIT was more than ",
                                 "the cost İS ", "sales totalling some ", "the order reaching nearly\n",
                                 "Salesof the ", "the fleet stood at "])
def test_names_next_precheck_on_each_cue(seg: str) -> None:
    from factcheck.claims import reading

    assert reading._NAMES_NEXT.search(seg) is not None, seg
    assert reading._may_name_next(seg)


def test_names_next_precheck_rejects_what_has_no_cue() -> None:
    from factcheck.claims import reading

    for seg in ["the budget for ", "sales rose by", "orders and ", "the "]:
        assert reading._NAMES_NEXT.search(seg) is None
        assert not reading._may_name_next(seg)


def test_measure_words_found_as_the_whole_pattern_finds_them() -> None:
    """Facts.measure_hits tries the measure pattern only where a measure's first word starts: the same matches as
    finditer over the whole text, on the samples, the corpus and odd strings."""
    from factcheck.claims.reading import _measure_pattern

    pat, table = _measure_pattern(RULES.vocab)
    firsts = ws.firsts_of(table)
    assert firsts is not None and "r" in firsts  # "r&d": the run "r"
    hits = 0
    for text in TEXTS + ODD:
        want = [(m.span(), m.group()) for m in pat.finditer(text)]
        assert [(m.span(), m.group()) for m in ws.scan(pat, text, ws.WordStarts(text), firsts)] == want
        hits += len(want)
    assert hits > 200


TEXTS = [p.read_text(encoding="utf-8") for p in PATHS]
ODD = ["R&D spending rose; EBITDA-margin, ſales and İncome, NET SALES 5ebit order-intake Orders\nintake",
       "net\u00a0sales, Рост sales, ébit ebit, net-net sales, operating   profit, A half, a third, one-half twofold",
       "Twenty-five and a half, ONE HUNDRED, an eighth; İn all fıve, ſix, Seventy\u2011two, ninety\u00a0nine"]


def test_extraction_scans_find_what_finditer_finds() -> None:
    """The number-word, fraction and multiple patterns of extraction are tried only where one of their first
    words starts (mentions._Scanner._scan): the same matches as finditer."""
    from factcheck.extract.lexicon import lexicon
    from factcheck.extract.mentions import _Scanner

    lex = lexicon(RULES.vocab)
    hits = 0
    for text in TEXTS + ODD:
        sc = _Scanner(text, lex, "en")
        for name, pat in (("run", sc.g.run), ("fraction", sc.g.fraction), ("multiple", lex.multiple_re)):
            want = [(m.span(), m.group()) for m in pat.finditer(text)]
            got = [(m.span(), m.group()) for m in sc._scan(name)]
            assert got == want, name
            hits += len(want)
    assert hits > 500


@pytest.mark.parametrize("phrase,want", [("net sales", "net"), ("r&d", "r"), ("ebitda", "ebitda"),
                                         ("year-end", "year"), ("über", None), ("café sales", None), ("3d", None)])
def test_first_word_of_a_phrase(phrase: str, want: str | None) -> None:
    assert ws.first_word(phrase) == want


def test_a_gap_without_a_length_is_a_gap() -> None:
    """"{gap}", "{words}", "{flat}" with no length are gaps of their default length, not figure slots."""
    from factcheck.claims.grammar import Grammar
    from factcheck.ruleset import load_rules

    g = Grammar(load_rules((), (), ()).vocab)
    for gap in ("{gap}", "{words}", "{flat}", "{gap+}"):
        _, slots = g.expand(f"from {{old}} {gap} to {{new}}")
        assert slots == ["old", "new"], (gap, slots)


@pytest.mark.parametrize("text,hits", [("sales of 90 versus 80", True), ("90 vs. 80", True), ("90 vs 80", True),
                                       ("90 on 80", True), ("firms won 90", False), ("the Ivsky plant", False),
                                       ("conversus", False)])
def test_alternatives_with_an_escaped_dot_are_whole_words(text: str, hits: bool) -> None:
    """A token whose alternatives hold an escaped dot ("vs\\.?") is still an alternation of words: "on" must not
    match inside "won", nor "vs" or "versus" inside a longer word."""
    g = Grammar(RULES.vocab)
    source, _ = g.expand("(versus|vs\\.?|on)")
    assert bool(regex.search(source, text, regex.I)) == hits


def test_starts_any_agrees_with_the_walk_over_every_run_and_length() -> None:
    """starts_any looks for each start in the runs joined one a line; it answers as the walk over every run and
    every prefix length does, also for starts that are too long, empty or hold a line break or '=', and for words
    that hold a line break (words_of gives none)."""
    import random

    rnd = random.Random(3)
    alpha = "ab=\nc\u00e9"
    for _ in range(20000):
        words = tuple(rnd.choice(["=", "=", "=", an.CHAR]) + "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 9)))
                      for _ in range(rnd.randint(0, 6)))
        starts = frozenset("".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 8))) for _ in range(rnd.randint(0, 4)))
        assert an.starts_any(words, starts) == an._starts_any_walk(words, starts), (words, starts)
