"""Encodings (issue 11, item 6): byte-order marks honoured, Windows-1252 read with a warning naming the file,
UTF-16 never called "binary", HTML's <meta charset> read as a browser reads it, --stdin-filename."""

from __future__ import annotations

import codecs
import re

import pytest
from typer.testing import CliRunner

from factcheck.cli import app, normalize_argv
from factcheck.document import InputError, decode_text, read_bytes
from factcheck.extract import extract
from factcheck.ruleset import load_rules

WRONG = "Output grew from 94 to 224 vehicles, a 128% increase — “up” €5 million.\n"


@pytest.mark.parametrize("data,codec", [
    (codecs.BOM_UTF16_LE + WRONG.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + WRONG.encode("utf-16-be"), "utf-16"),
    (codecs.BOM_UTF32_LE + WRONG.encode("utf-32-le"), "utf-32"),
    (codecs.BOM_UTF32_BE + WRONG.encode("utf-32-be"), "utf-32"),
    (codecs.BOM_UTF8 + WRONG.encode(), "utf-8-sig"),
    (WRONG.encode(), "utf-8"),
])
def test_byte_order_marks(data, codec):
    d = decode_text(data, "a.txt")
    assert (d.text, d.encoding, d.warning) == (WRONG, codec, None)


@pytest.mark.parametrize("fmt", [".txt", ".md", ".html"])
def test_utf16_notepad_file_is_read_in_every_format(fmt):
    doc = read_bytes(codecs.BOM_UTF16_LE + ("Title\n\n" + WRONG).encode("utf-16-le"), "a" + fmt)
    i = doc.text.index("128%")
    assert doc.locate(i).line == 3 and doc.locate(i).column == WRONG.index("128%") + 1
    assert not doc.warnings


def test_utf16_without_mark_is_read_with_a_warning():
    d = decode_text(WRONG.encode("utf-16-le"), "a.txt")
    assert d.text == WRONG and d.encoding == "utf-16-le"
    assert d.warning == "a.txt: no byte-order mark; read as UTF-16-LE (every other byte is NUL)"
    assert decode_text(WRONG.encode("utf-16-be"), "a.txt").encoding == "utf-16-be"


def test_windows_1252_is_read_with_a_warning_naming_file_and_line():
    data = ("Headline\n" + WRONG).encode("cp1252")
    doc = read_bytes(data, "rel.txt")
    assert doc.source is None and doc.text == "Headline\n" + WRONG
    bad = data.index("—".encode("cp1252"))
    assert doc.warnings == (f"rel.txt:2: not UTF-8 (byte 0x97 at offset {bad}); read as Windows-1252 — convert it "
                            "with `iconv -f WINDOWS-1252 -t UTF-8`",)
    money = [m for m in extract(doc, load_rules().vocab) if m.type == "currency"]
    assert [(m.value, m.unit) for m in money] == [(5_000_000, "EUR")]  # "€" is byte 0x80 in Windows-1252


@pytest.mark.parametrize("data,words", [
    (b"caf\xe9 \x81 12%", "not valid UTF-8 (byte 0xe9 at offset 3)"),  # 0x81: no character in Windows-1252
    (b"caf\xe9 \x01\x02 12%", "not valid UTF-8"),  # control characters: not a text file
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "not valid UTF-16"),  # a lone surrogate
])
def test_bytes_that_are_no_text(data, words):
    with pytest.raises(InputError, match=re.escape(words)):
        decode_text(data, "a.txt")


def test_html_meta_utf16_over_8_bit_bytes_is_not_garbage():
    page = '<html><head><meta charset="utf-16"></head><body><p>' + WRONG + "</p></body></html>"
    doc = read_bytes(page.encode("cp1252"), "a.html")
    assert doc.text == WRONG.strip()
    assert doc.warnings and "Windows-1252" in doc.warnings[0]
    assert read_bytes(page.encode("utf-8"), "a.html").text == WRONG.strip()  # valid UTF-8 wins over the label


@pytest.mark.parametrize("label,codec", [("windows-1252", "cp1252"), ("iso-8859-1", "cp1252"), ("latin1", "cp1252"),
                                         ("iso-8859-2", "iso8859-2"), ("shift_jis", "shift_jis")])
def test_html_meta_charset_is_honoured_without_warning(label, codec):
    page = f'<meta charset="{label}"><p>Sales rose 5% to €1 billion, “up”.</p>'
    data = page.encode(codec, errors="replace")
    if b"\x80" not in data and codec != "shift_jis":
        data = data.replace(b"?", b"\xe9")
    doc = read_bytes(data, "a.html")
    assert "Sales rose 5%" in doc.text and not doc.warnings


@pytest.mark.parametrize("label", ["unicode_escape", "idna", "rot13", "base64", "x-no-such"])
def test_html_meta_charset_that_is_no_web_encoding_is_refused(label):
    with pytest.raises(InputError, match=f"unknown charset '{label}'"):
        read_bytes(f'<meta charset="{label}"><p>caf\xe9 5%</p>'.encode("latin-1"), "a.html")


def test_cli_prints_the_warning_once_naming_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_bytes(WRONG.encode("cp1252"))
    r = CliRunner().invoke(app, normalize_argv(["--no-config", "a.txt"]))
    assert r.exit_code == 1 and "138%" in r.stdout
    lines = [ln for ln in r.stderr.splitlines() if "Windows-1252" in ln]
    assert len(lines) == 1 and lines[0].startswith("factcheck: warning: a.txt:1: not UTF-8")


def test_cli_utf16_is_not_called_binary(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_bytes(codecs.BOM_UTF16_LE + WRONG.encode("utf-16-le"))
    r = CliRunner().invoke(app, normalize_argv(["--no-config", "a.txt"]))
    assert r.exit_code == 1 and "binary" not in r.output and "138%" in r.stdout
