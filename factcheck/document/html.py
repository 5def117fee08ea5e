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
from . import InputError, decode
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
    def parse_marked_section(self, i: int, report: int = 1) -> int:
        saved = self.lineno, self.offset
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = saved
            j = self.rawdata.find(">", i)
            return -1 if j < 0 else j + 1

    def unknown_decl(self, data: str) -> None:
        pass


def extract_html(markup: str, omap: Sequence[int] | None, out: TextBuilder) -> list[Directive]:
    """Write the visible text of ``markup`` into ``out`` (``omap[i]``: source offset of ``markup[i]``;
    None when ``markup`` is the source itself); return the suppression directives found in comments."""
    parser = _Visible(markup, omap, out)
    parser.feed(markup)
    if parser.rawdata.startswith("<!--"):
        parser.rawdata = ""  # a comment never closed hides the rest, as in a browser
    parser.close()
    return parser.directives


def decode_html(data: bytes, path: str) -> str:
    """UTF-8, or the charset a ``<meta>`` declares when the bytes are not UTF-8."""
    try:
        return decode(data, path)
    except InputError:
        m = _META_CHARSET.search(data[:4096])
        if not m or b"\x00" in data[:8192]:
            raise
        try:
            codec = codecs.lookup(m.group(1).decode("ascii"))
        except LookupError:
            raise InputError(f"{path}: unknown charset {m.group(1).decode('ascii')!r} in <meta>") from None
        if codec.name == "utf-8":
            raise
        return data.decode(codec.name, errors="replace")


def read_html(data: bytes, path: str) -> Document:
    source = decode_html(data, path)
    return html_document(source, path)


def html_document(source: str, path: str) -> Document:
    out = TextBuilder(len(source))
    directives = extract_html(source, None, out)
    text, origin = out.result()
    return Document(path=path, text=text, source=source, origin=origin, format="html",
                    suppressions=resolve(directives, source, text, origin))
