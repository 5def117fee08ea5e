"""Faster ways to the same matches (extract/mentions.py, extract/blocks.py): number chunks found from their
digits, date patterns and "No. 12" tried only where their first words start, a big file's mentions moved by
building them anew; each gives what the plain search (or dataclasses.replace) gives."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from factcheck.extract import blocks as bl
from factcheck.extract import mentions as mn
from factcheck.extract.wordstarts import WordStarts, scan
from factcheck.model import Mention

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
ODD = [
    "", "1", " 1", "a1b c", "—12—x3 y", "x\u00a0½ 3", "abc def", "12 ab 3c—d4", "\n9\n", "a—b1", "1—2", "é٣ x",
    "No. 12, Nos. 3 and 4, number: 6374, NUMBER 7, hull 5, yard  number 9, passcode 1234, access code 55, code 7",
    "PIN 1234, ID 42, İD 43, Ref. 7, ref 8, reference 9, fig. 3, Fig 4, table 2, appendix 1, footnote 3, sLiDe 4",
    "xNo. 12 _number 3 9number 4 néNo. 5 ſlide 6 noté 7",
    "the first half of 2024, FIRST QUARTER OF FY2023, last nine months of the previous year, final quarter 2021",
    "fiscal 2024, Fiscal Year 2023/24, budget years 2025, model year 2026, calendar 2020 financial 1999",
    "early 2030, mid-2024, late 2023s, End-2025, end-of-2026, spring 2020, Fall 2021, winter-2022, start 2023",
    "early May, mid-June, late Sept. and end December; earlyMay 2024, ſpring 2020",
]


def _chunks(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in mn._NUMBER_CHUNK.finditer(text)]


@pytest.mark.parametrize("text", TEXTS + ODD)
def test_number_chunks_are_the_pattern_s_matches(text: str) -> None:
    assert list(mn.number_chunks(text)) == _chunks(text)


def test_number_chunks_on_random_text() -> None:
    rnd = random.Random(5)
    alpha = "ab1 —\u00a0½٣\n\t\u2009-.,(Ⅻ²"
    for _ in range(20000):
        text = "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 12)))
        assert list(mn.number_chunks(text)) == _chunks(text), text


SCANNED = [(mn.DATE_RES[k], firsts) for k, firsts in mn._DATE_FIRSTS.items()] + \
    [(mn._LABELLED_NUMBER, mn._LABELLED_NUMBER_FIRSTS)]


@pytest.mark.parametrize("k", range(len(SCANNED)))
def test_patterns_tried_where_their_first_words_start_match_as_finditer(k: int) -> None:
    pat, firsts = SCANNED[k]
    assert firsts is not None
    found = 0
    for text in TEXTS + ODD + ["\n".join(ODD)]:
        want = [m.span() for m in pat.finditer(text)]
        assert [m.span() for m in scan(pat, text, WordStarts(text), firsts)] == want, (pat.pattern[:40], text[:80])
        found += len(want)
    assert found >= 3


TOKENS = ["Q1", "Q5", "H1", "H2", "FY", "CY", "9M", "1H", "2H", "3Q", "fy", "q1", " ", "'", "2024", "24", "-", "–", "/",
          "1.", "Q", "M", "x", "é", "2M", "10M", "Ǫ1", "FY2024", "1H25", " FY 2023", "Q3 2024", "9M 2025"]


@pytest.mark.parametrize("k", sorted(mn._DATE_TOKENS))
def test_date_tokens_tried_where_they_start_match_as_finditer(k: int) -> None:
    pat, (firsts, after) = mn.DATE_RES[k], mn._DATE_TOKENS[k]
    found = 0
    for text in TEXTS + ["Q3 2024, FY2023/24, CY 2025, H1 2024 and 9M 2025 against 1H25, 2H 2024, 3Q24; Q4, H2, 9M"]:
        want = [m.span() for m in pat.finditer(text)]
        assert [m.span() for m in mn.scan_tokens(pat, text, WordStarts(text), firsts, after)] == want, text[:80]
        found += len(want)
    assert found >= 3
    rnd = random.Random(3)
    for _ in range(20000):
        text = "".join(rnd.choice(TOKENS) for _ in range(rnd.randint(1, 8)))
        want = [m.span() for m in pat.finditer(text)]
        assert [m.span() for m in mn.scan_tokens(pat, text, WordStarts(text), firsts, after)] == want, text


def test_a_moved_mention_is_what_replace_makes() -> None:
    rnd = random.Random(7)
    for _ in range(500):
        m = Mention(start=rnd.randint(0, 50), end=rnd.randint(50, 99), text="x", type="count",
                    value=rnd.choice([None, 1.5, 3.0]), num_start=rnd.choice([-1, 3, 10]),
                    num_end=rnd.choice([-1, 5, 12]), scale=rnd.choice([None, "m"]), noun=rnd.choice([None, "ships"]))
        a = rnd.randint(1, 1000)
        assert bl._shifted(m, a) == dataclasses.replace(
            m, start=m.start + a, end=m.end + a, num_start=m.num_start + a if m.num_start >= 0 else m.num_start,
            num_end=m.num_end + a if m.num_end >= 0 else m.num_end)


def _spans(ms) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(m.span(), m.groups()) for m in ms]


STREETS = ["Königsallee", "Allee", "allee", "Gartenstrasse", "xstraße", "Aring", "Ring", "Sokak", "Lindenweg", "Via",
           "Strada", "Ulica", "ul", "ul.", "Str.", "Straße", "Street", "St", ".", "St.", "P.O. Box", "PO Box", "Box",
           "Hauptstraße", "Kingsweg", "Main", "Crystal", "Drive", "Dr.", "Rd", " ", "\u00a0", "12", "2100", "5a", "123456",
           "1-3", "3/4", ",", "x", "A", "é", "Ümit", "gata", "rue", "\n", "-", "Platz", "99", "7B", "Ma\u0301rktplatz"]
ITEMS = ["vehicles", "space", "hulls", "destroyers", "multi-year-contracts", "-ships", "Xships", "ships", " ", "\u00a0",
         "17", "18", "128", "12345", "and", "to", "through", "&", "–", "5", "6", "%", ".", ",", "s", "-", "lots", "é"]


def test_address_matches_are_the_pattern_s_matches() -> None:
    from factcheck.extract.lexicon import lexicon
    from factcheck.ruleset import load_rules

    lex = lexicon(load_rules().vocab)
    assert lex.address_re is not None and mn._address_words(lex.vocab) is not None
    found = 0
    for text in TEXTS + ["2100 Crystal Drive, Suite 800; P.O. Box 12, PO Box. 7 and Hauptstraße 5a in Berlin"]:
        want = _spans(lex.address_re.finditer(text))
        assert _spans(mn.address_matches(lex, text)) == want, text[:80]
        found += len(want)
    assert found >= 3
    rnd = random.Random(11)
    for _ in range(20000):
        text = "".join(rnd.choice(STREETS) for _ in range(rnd.randint(1, 10)))
        assert _spans(mn.address_matches(lex, text)) == _spans(lex.address_re.finditer(text)), text


def test_numbered_items_are_the_pattern_s_matches() -> None:
    found = 0
    for text in TEXTS + ["GPS IIIF space vehicles 17 and 18, hulls 5 and 6, destroyers 128 to 130, multi-year-lots 3–4"]:
        want = _spans(mn._NUMBERED_ITEMS.finditer(text))
        assert _spans(mn.numbered_items(text)) == want, text[:80]
        found += len(want)
    assert found >= 3
    rnd = random.Random(13)
    for _ in range(20000):  # a noun, a number, a joining word, a number, each maybe spaced, swapped or broken
        parts = [rnd.choice(ITEMS[:7]), rnd.choice(" \u00a0-"), rnd.choice(ITEMS[10:14]), rnd.choice(["", " ", "\u00a0"]),
                 rnd.choice(ITEMS[14:19]), rnd.choice(["", " "]), rnd.choice(ITEMS[10:14]), rnd.choice(ITEMS[19:])]
        for _ in range(rnd.randint(0, 3)):
            parts[rnd.randrange(len(parts))] = rnd.choice(ITEMS)
        text = "".join(parts) * rnd.randint(1, 2)
        assert _spans(mn.numbered_items(text)) == _spans(mn._NUMBERED_ITEMS.finditer(text)), text
