"""Word .docx: the paragraphs of the document body, one per line (``line`` = paragraph number).

Read with the standard library (``zipfile`` + ``xml.etree``) from ``word/document.xml``: every ``w:p`` in
body order, table cells included (a cell's paragraphs are lines of their own), then the paragraphs of
text boxes after the paragraph that anchors them. Within a paragraph: ``w:t`` text, ``w:tab`` → tab,
``w:br``/``w:cr`` → space (a paragraph stays one line), ``w:noBreakHyphen`` → "-", ``w:sym`` → its
character. Left out: deleted and moved-away text (``w:del``, ``w:moveFrom``), field instructions
(``w:instrText``; the field's result is kept), hidden runs (``w:vanish``), soft hyphens, and the
fallback copy of drawings (``mc:Fallback``). Headers, footers, footnotes and comments are not read.

``Document.source`` is the paragraphs joined by newlines; ``Document.text`` is the same string with
suppression directives blanked out, so offsets map one to one (``origin`` is None). A suppression is a
paragraph (or the end of one) holding ``factcheck: ignore RULES``, written like in plain text:
``[factcheck: ignore percent-change]`` at the end of a paragraph silences that paragraph; a paragraph
holding only the directive silences the next paragraph with text.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator

from ..model import Document
from . import InputError
from .suppress import mark_word_comments, mask_plain, take_word_comments

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_XML = 256 * 1024 * 1024  # a document.xml larger than this is not a press release

_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delText", W + "delInstrText", W + "pPr", W + "rPr",
         W + "sectPr", W + "fldData", W + "footnoteReference", W + "endnoteReference", MC + "Fallback",
         W + "softHyphen", W + "commentReference", W + "annotationRef"}
_CHARS = {W + "tab": "\t", W + "ptab": "\t", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-"}


def _hidden_run(run: ET.Element) -> bool:
    rpr = run.find(W + "rPr")
    if rpr is None:
        return False
    vanish = rpr.find(W + "vanish")
    return vanish is not None and vanish.get(W + "val", "true").lower() not in ("0", "false", "off")


def _sym(el: ET.Element) -> str:
    code = el.get(W + "char", "")
    try:
        n = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= n <= 0xF0FF:  # symbol-font code points (Wingdings etc.): no plain-text meaning
        return ""
    return chr(n) if 0 < n < 0x110000 else ""


def _paragraph(p: ET.Element, nested: list[ET.Element]) -> str:
    """The text of paragraph ``p``; paragraphs found inside it (text boxes) are appended to ``nested``."""
    parts: list[str] = []

    def walk(el: ET.Element) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == W + "p":
                nested.append(child)
            elif tag == W + "t":
                parts.append((child.text or "").replace("\r", " ").replace("\n", " "))
            elif tag in _CHARS:
                parts.append(_CHARS[tag])
            elif tag == W + "sym":
                parts.append(_sym(child))
            elif tag == W + "r" and _hidden_run(child):
                continue
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _paragraphs(el: ET.Element) -> Iterator[str]:
    """Every paragraph under ``el`` in reading order; a table row is one line, its cells joined by tabs."""
    for child in el:
        if child.tag in _SKIP:
            continue
        if child.tag == W + "p":
            yield from _paragraphs_of(child)
        elif child.tag == W + "tr":
            yield _row(child)
        else:
            yield from _paragraphs(child)


def _row(tr: ET.Element) -> str:
    """A table row as the other readers give it: cell texts joined by tabs, a merged cell (``w:gridSpan``)
    followed by empty cells for the columns it covers, so columns stay in place."""
    cells: list[str] = []
    for tc in _cells(tr):
        cells.append(" ".join(t for t in (x.replace("\t", " ").strip() for x in _paragraphs(tc)) if t))
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        try:
            extra = int(span.get(W + "val", "1")) - 1 if span is not None else 0
        except ValueError:
            extra = 0
        cells.extend([""] * max(0, min(extra, 63)))
    return "\t".join(cells).rstrip("\t")


def _cells(el: ET.Element) -> Iterator[ET.Element]:
    """The cells of a row, also inside content controls (``w:sdt``), not those of a nested table."""
    for child in el:
        if child.tag == W + "tc":
            yield child
        elif child.tag not in _SKIP and child.tag != W + "tbl":
            yield from _cells(child)


def _paragraphs_of(p: ET.Element) -> Iterator[str]:
    nested: list[ET.Element] = []
    yield _paragraph(p, nested)
    for inner in nested:
        yield from _paragraphs_of(inner)


def docx_paragraphs(data: bytes, path: str) -> list[str]:
    """The body paragraphs of a .docx file; InputError (naming ``path``) when it is not one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            try:
                info = z.getinfo("word/document.xml")
            except KeyError:
                raise InputError(f"{path}: not a Word .docx file (no word/document.xml inside)") from None
            if info.file_size > MAX_XML:
                raise InputError(f"{path}: word/document.xml is too large ({info.file_size} bytes)")
            xml = mark_word_comments(z, z.read(info))  # ranges commented `factcheck: ignore` (suppress.py)
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError,
            zlib.error) as e:
        raise InputError(f"{path}: not a readable .docx file ({type(e).__name__}: {e})") from None
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml:
        raise InputError(f"{path}: word/document.xml declares a DTD, which Word never writes; not read")
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as e:
        raise InputError(f"{path}: word/document.xml is not well-formed XML ({e})") from None
    body = root.find(W + "body")
    if body is None:
        raise InputError(f"{path}: word/document.xml has no document body")
    return list(_paragraphs(body))


def read_docx(data: bytes, path: str) -> Document:
    source, commented = take_word_comments("\n".join(docx_paragraphs(data, path)))
    text, suppressions = mask_plain(source)
    return Document(path=path, text=text, source=source, origin=None, format="docx",
                    suppressions=suppressions + commented)
