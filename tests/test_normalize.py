"""Normalisation before figures are read (issue 12, item 4): invisible characters inside a figure cannot hide
it, digits of every script are digits, and every finding still points where the figure is written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.document import read_bytes
from factcheck.document.normalize import FORMAT_CHARS, normalize
from factcheck.model import Document
from factcheck.pipeline import run
from factcheck.ruleset import load_rules

WRONG = "Output grew from 94 to 224 vehicles, a 128% increase.\n"  # 128% is wrong: 138%


def findings(src: str, name: str = "a.txt"):
    doc = read_bytes(src.encode("utf-8"), name)
    return doc, [f for f in run(doc, load_rules()).findings if f.status == "fail"]


HIDDEN = [c for c in FORMAT_CHARS if c != "\u202e"]  # the right-to-left override reorders: tested below


@pytest.mark.parametrize("ch", HIDDEN, ids=[f"U+{ord(c):04X}" for c in HIDDEN])
def test_invisible_character_inside_a_wrong_figure_still_flagged_where_written(ch):
    src = "Headline\n" + WRONG.replace("128%", f"1{ch}28%")
    doc, fails = findings(src)
    assert [f.text for f in fails] == ["128%"]
    start, end = doc.locate(fails[0].start), doc.locate_end(fails[0].end)
    assert (start.line, start.column) == (2, WRONG.index("128%") + 1)
    assert src.splitlines()[1][start.column - 1:end.column - 1] == f"1{ch}28%"


@pytest.mark.parametrize("name,wrap", [("a.md", "> {}"), ("a.html", "<p>{}</p>"), ("a.txt", "{}")])
def test_zero_width_space_in_every_format(name, wrap):
    src = "Title\n\n" + wrap.format(WRONG.strip().replace("224", "2\u200b24").replace("128", "12\u2060\u200e8")) + "\n"
    doc, fails = findings(src, name)
    assert [f.text for f in fails] == ["128%"]
    pos = doc.locate(fails[0].start)
    assert src.splitlines()[pos.line - 1][pos.column - 1:].startswith("12\u2060\u200e8%")


def test_entity_for_a_zero_width_space_inside_a_figure():
    src = "<p>" + WRONG.strip().replace("128", "1&#8203;28") + "</p>"
    doc, fails = findings(src, "a.html")
    assert [f.text for f in fails] == ["128%"]
    assert src[doc.source_offset(fails[0].start):].startswith("1&#8203;28%")


def test_right_to_left_override_is_read_as_shown():
    # "\u202e%831\u202c" shows as "138%", the right figure: it holds. Read in stored order it was "%831".
    doc, fails = findings(WRONG.replace("128%", "\u202e%831\u202c"))
    assert fails == [] and "138%" in doc.text
    doc, fails = findings(WRONG.replace("128%", "\u202e%821\u202c"))  # shows "128%": wrong
    assert [f.text for f in fails] == ["128%"]


@pytest.mark.parametrize("figure", ["１２８％", "１２８%", "١٢٨٪", "१२८%", "１２８ per cent"])
def test_digits_of_every_script_are_digits(figure):
    src = WRONG.replace("128%", figure).replace("94", "９４")
    doc, fails = findings(src)
    assert len(fails) == 1 and fails[0].text.startswith("128")
    pos = doc.locate(fails[0].start)
    assert src[pos.offset:].startswith(figure)
    assert "138" in fails[0].message


def test_full_width_separators_and_arabic_decimal_sign():
    doc = normalize(Document("a", "ＵＳ＄１，２３４．５ and ٣٫٥ and ١٬٠٠٠"))
    assert doc.text == "US$1,234.5 and 3.5 and 1,000"
    assert doc.source == "ＵＳ＄１，２３４．５ and ٣٫٥ and ١٬٠٠٠" and doc.origin is None


def test_ascii_text_is_left_alone():
    doc = Document("a", WRONG)
    assert normalize(doc) is doc
    doc = Document("a", "café “5%” — fine")  # nothing to normalise
    assert normalize(doc) is doc


def test_fix_never_rewrites_a_figure_it_did_not_read_as_written():
    from factcheck.fix import apply_fixes, fixable

    src = WRONG.replace("128%", "1\u200b28%") + "Sales rose from 10 to 15 units, a 40% increase.\n"
    doc = read_bytes(src.encode(), "a.txt")
    todo = fixable(run(doc, load_rules()).findings)
    assert [f.text for f in todo] == ["128%", "40%"]
    new, count = apply_fixes(doc, src, todo)
    assert count == 1 and "1\u200b28%" in new and "a 50% increase" in new  # the plain figure only


INVISIBLE = st.sampled_from(list(FORMAT_CHARS))
PIECE = st.one_of(st.sampled_from(["12", "8%", " ", "\n", "a", "é", "１", "٣", "\u202e", "\u202c", "<", "&"]), INVISIBLE)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECE, max_size=30).map("".join), st.sampled_from([None, "shifted"]))
def test_normalised_text_maps_into_the_source(text, origin_kind):
    origin = None if origin_kind is None else tuple(range(3, 3 + len(text)))
    source = text if origin is None else "<p>" + text
    doc = normalize(Document("a", text, source=None if origin is None else source, origin=origin))
    assert not any(c in doc.text for c in FORMAT_CHARS)
    assert doc.origin is None or len(doc.origin) == len(doc.text)
    src = doc.source if doc.source is not None else doc.text
    for i, ch in enumerate(doc.text):
        raw = src[doc.source_offset(i)]
        assert raw == ch or (raw.isdecimal() and ch.isdecimal()) or ord(raw) > 127, (i, ch, raw)
