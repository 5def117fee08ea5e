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

Bounded whatever the file holds: ``word/document.xml`` is inflated at most ``max_size`` bytes (``--max-size``),
the text is at most that many characters and ``MAX_PARAGRAPHS`` paragraphs, and the XML is walked with an
explicit stack, so thousands of nested runs, tables or text boxes cannot exhaust Python's. An encrypted
member, a password-protected Word file (not a zip at all) or a compression method zipfile lacks is one line
naming the file.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator

from ..model import Document
from . import DEFAULT_MAX_SIZE, InputError, human_size, too_large
from .suppress import mark_word_comments, mask_plain, take_word_comments

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_PARAGRAPHS = 20_000  # a 400-page book; a press release has a few dozen
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: .doc, or a .docx saved with a password

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
    if 0xD800 <= n <= 0xDFFF or n < 0x20 or n >= 0x110000:  # a lone surrogate or a control: not text
        return ""
    return chr(n)


def _paragraph(p: ET.Element, nested: list[ET.Element]) -> str:
    """The text of paragraph ``p``; paragraphs found inside it (text boxes) are appended to ``nested``."""
    parts: list[str] = []
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
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
            stack.append(iter(child))
    return "".join(parts)


def _paragraphs_of(p: ET.Element) -> Iterator[str]:
    """``p``'s text, then the paragraphs of its text boxes (and theirs), depth first."""
    pending = [p]
    while pending:
        nested: list[ET.Element] = []
        yield _paragraph(pending.pop(), nested)
        pending.extend(reversed(nested))


def _paragraphs(el: ET.Element, rows: bool = True) -> Iterator[str]:
    """Every paragraph under ``el`` in reading order; a table row of two or more cells is one line, its cells
    joined by tabs (``rows``; a table inside such a cell gives its paragraphs, so nesting never recurses)."""
    stack = [iter(el)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in _SKIP:
            continue
        elif child.tag == W + "p":
            yield from _paragraphs_of(child)
        elif child.tag == W + "tr" and rows and len(cells := list(_cells(child))) > 1:
            yield _row(cells)  # a row of one cell is a box for layout: its paragraphs stay lines
        else:
            stack.append(iter(child))


def _row(tcs: list[ET.Element]) -> str:
    """A table row as the other readers give it: cell texts joined by tabs, a merged cell (``w:gridSpan``)
    followed by empty cells for the columns it covers, so columns stay in place."""
    cells: list[str] = []
    for tc in tcs:
        cells.append(" ".join(t for t in (x.replace("\t", " ").strip() for x in _paragraphs(tc, rows=False)) if t))
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        try:
            extra = int(span.get(W + "val", "1")) - 1 if span is not None else 0
        except ValueError:
            extra = 0
        cells.extend([""] * max(0, min(extra, 63)))
    return "\t".join(cells).rstrip("\t")


def _cells(tr: ET.Element) -> Iterator[ET.Element]:
    """The cells of a row, also inside content controls (``w:sdt``), not those of a nested table."""
    stack = [iter(tr)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == W + "tc":
            yield child
        elif child.tag not in _SKIP and child.tag != W + "tbl":
            stack.append(iter(child))


def _document_xml(data: bytes, path: str, max_size: int) -> bytes:
    """``word/document.xml``, inflated at most ``max_size`` bytes."""
    if data.startswith(_OLE):
        raise InputError(f"{path}: a password-protected or old-format (.doc) Word file, not .docx; save it as "
                         ".docx without a password")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            try:
                info = z.getinfo("word/document.xml")
            except KeyError:
                raise InputError(f"{path}: not a Word .docx file (no word/document.xml inside)") from None
            if info.flag_bits & 0x1:
                raise InputError(f"{path}: word/document.xml is encrypted; not read")
            if info.file_size > max_size:
                raise too_large(path, info.file_size, max_size, "word/document.xml")
            with z.open(info) as fh:
                xml = fh.read(max_size + 1)
            if len(xml) <= max_size:
                xml = mark_word_comments(z, xml)  # ranges commented `factcheck: ignore` (suppress.py)
    except InputError:
        raise
    except Exception as e:  # noqa: BLE001 - zipfile, zlib, bz2 and lzma raise many kinds on broken input
        raise InputError(f"{path}: not a readable .docx file ({type(e).__name__}: {e})") from None
    if len(xml) > max_size:
        raise InputError(f"{path}: word/document.xml inflates to more than {human_size(max_size)} (a compressed "
                         "bomb, or a document far larger than a press release); raise the limit with --max-size")
    return xml


def docx_paragraphs(data: bytes, path: str, max_size: int = DEFAULT_MAX_SIZE) -> list[str]:
    """The body paragraphs of a .docx file; InputError (naming ``path``) when it is not one or is too large."""
    xml = _document_xml(data, path, max_size)
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml:
        raise InputError(f"{path}: word/document.xml declares a DTD, which Word never writes; not read")
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as e:
        raise InputError(f"{path}: word/document.xml is not well-formed XML ({e})") from None
    body = root.find(W + "body")
    if body is None:
        raise InputError(f"{path}: word/document.xml has no document body")
    out: list[str] = []
    chars = 0
    for text in _paragraphs(body):
        out.append(text)
        chars += len(text) + 1
        if len(out) > MAX_PARAGRAPHS:
            raise InputError(f"{path}: more than {MAX_PARAGRAPHS:,} paragraphs; not read (not a press release?)")
        if chars > max_size:
            raise InputError(f"{path}: more than {human_size(max_size)} of text; raise the limit with --max-size")
    return out


def read_docx(data: bytes, path: str, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    source, commented = take_word_comments("\n".join(docx_paragraphs(data, path, max_size)))
    text, suppressions = mask_plain(source)
    return Document(path=path, text=text, source=source, origin=None, format="docx",
                    suppressions=suppressions + commented)
