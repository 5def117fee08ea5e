"""HTML: the visible text of a page, each character mapped to its offset in the original file.

Read with the standard library's ``html.parser`` (tolerant of bad markup; never raises on it). Kept out:
``<head>`` (so ``<title>`` too: the headline a reader sees is the ``<h1>``), ``<script>``, ``<style>``,
``<noscript>``, ``<template>``, ``<svg>``, form controls, elements marked ``hidden``/``aria-hidden`` or styled
``display:none``, comments and tag attributes (``alt``, ``title``, ``value``). Whitespace collapses as a
browser shows it (``<pre>`` keeps its lines); block elements (``p``, ``div``, ``h1``...) end a paragraph,
``li``/``tr``/``br`` a line, ``td``/``th`` are separated by a tab, so sentences and cells never glue
together. Entities (``&euro;``, ``&nbsp;``, ``&#8212;``) are decoded; their characters map to the ``&``.
Suppression comments (``<!-- factcheck: ignore RULES -->``) are read from the comments.

The same extractor reads the HTML blocks of Markdown files (``extract_html`` with an offset map).
"""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Sequence
from html.parser import HTMLParser

from ..model import Document
from . import Decoded, InputError, decode_text, with_warning
from .suppress import Directive, comment_directive, resolve
from .textmap import TextBuilder

SKIP = frozenset({"head", "title", "script", "style", "noscript", "template", "svg", "iframe", "object",
                  "select", "textarea", "button", "datalist"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr", "keygen"})
PARAGRAPH = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
                       "main", "nav", "aside", "blockquote", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot",
                       "form", "figure", "figcaption", "pre", "hr", "address", "details", "summary", "fieldset",
                       "legend", "body", "html", "center", "menu", "hgroup"})
LINE = frozenset({"li", "dt", "dd", "tr", "br", "caption", "option"})
CELL = frozenset({"td", "th"})
_ROW_BOUNDS = frozenset({"tr", "table", "thead", "tbody", "tfoot", "caption"})

_WS = re.compile(r"[ \t\n\r\f]+|[^ \t\n\r\f]+")
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][-.A-Za-z0-9]*);?")
_COMMENT_END = re.compile(r"--!?\s*>")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden" or (name == "aria-hidden" and (value or "").strip().lower() == "true"):
            return True
        if name == "style" and value and _HIDDEN_STYLE.search(value):
            return True
    return False


class _Visible(HTMLParser):
    """Feeds the visible text of ``markup`` into a TextBuilder; collects suppression directives."""

    def __init__(self, markup: str, omap: Sequence[int] | None, out: TextBuilder) -> None:
        super().__init__(convert_charrefs=False)
        self.markup = markup
        self.omap = omap
        self.out = out
        self.starts = [0, *(m.end() for m in re.finditer("\n", markup))]
        self.skip: list[str] = []  # open elements whose content is not shown
        self.pre = 0
        self.floor = 0  # the end of the last text handled
        self.in_cell = False  # inside a td/th: blocks in it (<p>, <br>) do not break the row
        self.directives: list[Directive] = []

    # -- positions -------------------------------------------------------------------------------------
    def _here(self) -> int:
        line, col = self.getpos()
        return self.starts[min(line, len(self.starts)) - 1] + col

    def _src(self, i: int) -> int:
        if self.omap is None:
            return i
        return self.omap[min(i, len(self.omap) - 1)] if self.omap else 0

    # -- tags ------------------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and "head" in self.skip:
            del self.skip[self.skip.index("head"):]
        if self.skip or tag in SKIP or _hidden(attrs):
            if tag not in VOID:
                self.skip.append(tag)
            return
        if tag == "pre":
            self.pre += 1
        self._separate(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in self.skip:
                del self.skip[len(self.skip) - 1 - self.skip[::-1].index(tag):]
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag not in CELL:
            self._separate(tag)
        else:
            self.in_cell = False

    def _separate(self, tag: str) -> None:
        if tag in _ROW_BOUNDS:
            self.in_cell = False
        elif self.in_cell and (tag in PARAGRAPH or tag in LINE):
            self.out.brk(" ")
            return
        if tag in PARAGRAPH:
            self.out.brk("\n\n")
        elif tag in LINE:
            self.out.brk("\n")
        elif tag in CELL:
            self.out.cell()
            self.in_cell = True

    # -- text ------------------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        p = self._here()
        if not self.markup.startswith(data, p):  # the parser lost its place: find the text again
            q = self.markup.find(data, self.floor)
            p = q if q >= 0 else p
        self.floor = p + len(data)
        if not self.skip:
            self.add(data, p)

    def add(self, data: str, at: int) -> None:
        for m in _WS.finditer(data):
            run, i = m.group(), at + m.start()
            if run[0] not in " \t\n\r\f":
                self.out.text(run, [self._src(i + k) for k in range(len(run))])
            elif self.pre and "\n" in run:
                self.out.brk("\n", self._src(i + run.index("\n")))
                tail = len(run) - 1 - run.rindex("\n")  # the indentation of the next line
                if tail:
                    self.out.text(run[-tail:], [self._src(i + len(run) - tail + k) for k in range(tail)])
            elif self.pre:
                self.out.text(run, [self._src(i + k) for k in range(len(run))])
            else:
                self.out.brk(" ", self._src(i))

    def _reference(self) -> None:
        if self.skip:
            return
        p = self._here()
        if not self.markup.startswith("&", p):
            p = self.markup.find("&", self.floor)
        m = _ENTITY.match(self.markup, p) if p >= 0 else None
        if not m:
            return
        self.floor = m.end()
        raw = m.group()
        decoded = html.unescape(raw)
        if decoded == raw:
            self.add(raw, p)  # not an entity after all: the characters as written
        elif decoded.strip(" \t\n\r\f") == "":
            self.out.brk(" ", self._src(p))
        else:
            self.out.text(decoded, self._src(p))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    # -- comments --------------------------------------------------------------------------------------
    def handle_comment(self, data: str) -> None:
        p = self._here()
        if not self.markup.startswith("<!--", p):
            return
        close = _COMMENT_END.match(self.markup, p + 4 + len(data))
        end = close.end() if close else min(len(self.markup), p + 4 + len(data) + 3)
        d = comment_directive(self._src(p), self._src(end - 1) + 1, data)
        if d:
            self.directives.append(d)

    # html.parser's base class raises AssertionError on some broken "<![" sections: read them as text.
    # (its name scanner moves the position before raising: put it back).
    def parse_marked_section(self, i: int, report: bool = True) -> int:
        saved = self.lineno, self.offset
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = saved
            j = self.rawdata.find(">", i)
            return -1 if j < 0 else j + 1

    def unknown_decl(self, data: str) -> None:
        pass

    # -- the end of the file -----------------------------------------------------------------------------
    # When the file ends inside a comment, a tag or a declaration, a browser shows nothing of it; the base
    # class (before Python 3.13) would pass the rest of the file on as text. ``closing`` is set for the
    # final pass, where "not finished" can only mean "never closed".
    closing = False

    def _unclosed(self, i: int, found: int) -> int:
        if found >= 0 or not self.closing:
            return found
        rest = self.rawdata
        if rest.startswith("<!--", i):
            self.handle_comment(rest[i + 4:])  # a directive in it still counts
        return len(rest)

    def parse_comment(self, i: int, report: bool = True) -> int:
        return self._unclosed(i, super().parse_comment(i, report))

    def parse_html_declaration(self, i: int) -> int:
        return self._unclosed(i, super().parse_html_declaration(i))

    def parse_pi(self, i: int) -> int:
        return self._unclosed(i, super().parse_pi(i))

    def parse_starttag(self, i: int) -> int:
        return self._unclosed(i, super().parse_starttag(i))

    def parse_endtag(self, i: int) -> int:
        return self._unclosed(i, super().parse_endtag(i))


_AMP_RUN = re.compile(r"&#?[\w.-]*")


def _drain(parser: _Visible) -> None:
    """Parse on where ``html.parser`` stops to wait for more input at an ``&`` it cannot read yet ("&#;",
    "&#<"): the input is complete, so those characters are text. (Left for ``close()``, everything after
    them would be passed on as text, tags and comments included.)"""
    while parser.rawdata:
        raw = parser.rawdata
        parser.goahead(False)
        if parser.rawdata != raw:
            continue
        m = _AMP_RUN.match(raw)
        if not m or m.end() >= len(raw):
            return  # stopped at "<...", or at an "&..." that ends the file: close() reads them
        parser.handle_data(m.group())
        parser.updatepos(0, m.end())
        parser.rawdata = raw[m.end():]


def extract_html(markup: str, omap: Sequence[int] | None, out: TextBuilder) -> list[Directive]:
    """Write the visible text of ``markup`` into ``out`` (``omap[i]``: source offset of ``markup[i]``;
    None when ``markup`` is the source itself); return the suppression directives found in comments."""
    parser = _Visible(markup, omap, out)
    parser.feed(markup)
    _drain(parser)
    parser.closing = True
    parser.close()
    return parser.directives


# What a <meta charset> may name, as Python codecs (the WHATWG Encoding Standard's legacy single- and
# multi-byte encodings). As in a browser, "iso-8859-1" and "ascii" mean Windows-1252, and a declared UTF-16
# or UTF-32 is ignored: a page whose bytes are 8-bit text cannot be UTF-16, whatever it says.
_WEB_CODECS = frozenset({
    "utf-8", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "tis-620", "gbk", "gb2312",
    "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949",
    *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)), *(f"cp125{n}" for n in range(9))})
_AS_CP1252 = frozenset({"iso8859-1", "ascii", "latin-1"})
_IGNORED = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_html(data: bytes, path: str) -> Decoded:
    """A byte-order mark, else UTF-8, else the charset a ``<meta>`` declares, else Windows-1252 with a warning."""
    if data.startswith(_BOMS) or b"\x00" in data[:8192]:
        return decode_text(data, path)  # a mark, UTF-16 without one, or binary
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:4096])
    if m:
        label = m.group(1).decode("ascii")
        try:
            name = codecs.lookup(label).name
        except LookupError:
            name = ""
        name = "cp1252" if name in _AS_CP1252 else name
        if name not in _WEB_CODECS and name not in _IGNORED:
            raise InputError(f"{path}: unknown charset {label!r} in <meta>")
        if name in _WEB_CODECS and name != "utf-8":
            try:
                return Decoded(data.decode(name, errors="replace"), name)
            except (UnicodeError, LookupError, ValueError):
                pass
    return decode_text(data, path)


def read_html(data: bytes, path: str) -> Document:
    decoded = decode_html(data, path)
    return with_warning(html_document(decoded.text, path), decoded.warning)


def html_document(source: str, path: str) -> Document:
    out = TextBuilder(len(source))
    directives = extract_html(source, None, out)
    text, origin = out.result()
    return Document(path=path, text=text, source=source, origin=origin, format="html",
                    suppressions=resolve(directives, source, text, origin))
