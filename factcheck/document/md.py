"""Markdown: the prose a reader sees, each character mapped to its offset in the original file.

Block structure comes from markdown-it-py (CommonMark, plus GFM tables and strikethrough). Kept: the text
of paragraphs, headings, list items, block quotes and table cells (cells separated by a tab, rows by a
line break, blocks by a blank line; a soft line break inside a paragraph becomes a space). Left out:
YAML/TOML front matter (``---``/``+++`` fences at the top), fenced and indented code blocks, inline code
spans, images, link destinations and autolinks (a link's text stays), emphasis markers, HTML tags and
comments. HTML blocks are read like HTML (visible text only). Entities and backslash escapes are decoded;
a decoded entity maps to its ``&``. Suppression comments: ``<!-- factcheck: ignore RULES -->``.

markdown-it gives each block's line range and its inline source (container markers stripped); each
inline piece is found again in that source, line by line, so positions are exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Document
from . import InputError, decode_text, with_warning
from .html import extract_html
from .suppress import Directive, comment_directive, resolve
from .textmap import TextBuilder

_FM_OPEN = {"---": ("---", "..."), "+++": ("+++",)}
_BR_TAG = re.compile(r"<br\b", re.I)


# markdown-it's default (20 levels of tokens) silently drops the text of a list nested 10 deep or a quote
# nested 20 deep. Its parser recurses about twice per level, so 100 keeps far from Python's stack limit;
# a document nested deeper is refused with a message, never read in part.
MAX_NESTING = 100


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    return md.disable("text_join")  # keep entities and escapes apart from the text around them


class _Lines:
    """The original file's lines: start offsets and text without the line ending."""

    def __init__(self, source: str) -> None:
        self.texts = [t[:-1] if t.endswith("\r") else t for t in source.split("\n")]
        self.starts: list[int] = []
        pos = 0
        for raw in source.split("\n"):
            self.starts.append(pos)
            pos += len(raw) + 1


def front_matter_lines(lines: Sequence[str]) -> int:
    """How many lines at the top are YAML (``---``) or TOML (``+++``) front matter; 0 when there is none."""
    if not lines or lines[0].rstrip() not in _FM_OPEN:
        return 0
    closers = _FM_OPEN[lines[0].rstrip()]
    for i in range(1, len(lines)):
        if lines[i].rstrip() in closers:
            return i + 1
    return 0


def front_matter_date(lines: Sequence[str], skip: int) -> date | None:
    """The ``date:`` (YAML) or ``date =`` (TOML) key of the front matter's first ``skip`` lines, if it is a date."""
    for line in lines[1:skip]:
        m = re.match(r"""date\s*[:=]\s*["']?(\d{4}-\d{2}-\d{2})(?![\d-])""", line)
        if m:
            try:
                return date.fromisoformat(m.group(1))
            except ValueError:
                return None
    return None


def _align_line(cl: str, s: str, base: int, start: int, suffix: bool) -> tuple[list[int], int]:
    """Source offsets of the characters of ``cl`` (one line of a block's inline source) in source line ``s``
    (which starts at ``base``), searching from column ``start``; and the column just past the match."""
    core = cl.strip()
    if not core:
        return [base + min(start, len(s))] * len(cl), start
    s = s.replace("\x00", "\ufffd")  # (as markdown-it gives a NUL; same length, so offsets hold)
    lead = len(cl) - len(cl.lstrip())
    pos = -1
    if suffix:
        r = s.rstrip()
        if r.endswith(core) and len(r) - len(core) >= start:
            pos = len(r) - len(core)
    if pos < 0:
        pos = s.find(core, start)
    if pos >= 0:
        lo = pos - lead
        if 0 <= lo and lo + len(cl) <= len(s):
            return list(range(base + lo, base + lo + len(cl))), pos + len(core)
        return [base + max(0, min(lo + j, len(s))) for j in range(len(cl))], pos + len(core)
    return _fuzzy(cl, s, base, start)


def _fuzzy(cl: str, s: str, base: int, start: int) -> tuple[list[int], int]:
    """Align ``cl`` with ``s[start:]`` when markdown-it dropped or changed characters (escaped pipes in
    table cells, tabs expanded to spaces): matched characters map exactly, the others just after the
    previous match."""
    target = s[start:].replace("\t", " ").replace("\r", " ")
    out = [-1] * len(cl)
    if len(cl) * len(target) <= 4_000_000:
        for a, b, n in SequenceMatcher(None, cl, target, autojunk=False).get_matching_blocks():
            for k in range(n):
                out[a + k] = base + start + b + k
    prev = base + start
    for j, o in enumerate(out):
        if o < 0:
            out[j] = min(prev, base + len(s))
        else:
            prev = o + 1
    return out, (prev - base)


def _align(content: str, lines: _Lines, first: int, last: int, start: int = 0,
           suffix: bool = True) -> tuple[list[int], int]:
    """Source offsets of each character of a block's inline source spanning source lines first..last."""
    out: list[int] = []
    end = start
    clines = content.split("\n")
    spare = min(last, len(lines.texts) - 1) - first + 1 - len(clines)
    if spare > 0:  # whole lines of Unicode spaces trimmed off the top: start at the first line with the text
        core = clines[0].strip()
        # (markdown-it gives a NUL as U+FFFD: compare the source the same way)
        first += next((d for d in range(spare + 1)
                       if core in lines.texts[first + d].replace("\r", " ").replace("\x00", "\ufffd")), 0)
    for k, cl in enumerate(clines):
        li = min(first + k, last, len(lines.texts) - 1)
        s, base = lines.texts[li], lines.starts[li]
        if k:
            prev = min(first + k - 1, last, len(lines.texts) - 1)
            out.append(lines.starts[prev] + len(lines.texts[prev]))  # the line break
        offs, end = _align_line(cl, s, base, start if k == 0 else 0, suffix)
        out.extend(offs)
    return out, end


def _bracket_end(s: str, i: int, open_: str, close: str) -> int:
    """Index just past the bracket closing the one at ``s[i]`` (backslash escapes skipped); -1 if none."""
    depth = 0
    k = i
    while k < len(s):
        ch = s[k]
        if ch == "\\":
            k += 2
            continue
        if ch == open_:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    return -1


def _skip_link_tail(s: str, i: int) -> int:
    """Past a link's ``(destination "title")`` or ``[label]`` starting at ``s[i]``, if there is one."""
    if i < len(s) and s[i] in "([":
        end = _bracket_end(s, i, s[i], ")" if s[i] == "(" else "]")
        return end if end > 0 else i
    return i


class _Inline:
    """Walks one inline token's children, writing visible text with its source offsets."""

    def __init__(self, tok: Token, cmap: Sequence[int], out: TextBuilder, directives: list[Directive]) -> None:
        self.content = tok.content
        self.cmap = cmap
        self.out = out
        self.directives = directives
        self.cur = 0

    def at(self, i: int) -> int:
        return self.cmap[max(0, min(i, len(self.cmap) - 1))] if self.cmap else 0

    def find(self, s: str) -> int:
        i = self.content.find(s, self.cur)
        return self.cur if i < 0 else i

    def run(self, children: Sequence[Token]) -> None:
        autolink = False
        for ch in children:
            if autolink:
                if ch.type == "link_close":
                    autolink = False
                    close = self.content.find(">", self.cur)
                    self.cur = close + 1 if close >= 0 else self.cur
                elif ch.type == "text" and ch.content:
                    self.cur = self.find(ch.content) + len(ch.content)
                continue
            handler = getattr(self, "_" + ch.type, None)
            if handler is not None:
                autolink = bool(handler(ch))

    def _text(self, ch: Token) -> None:
        if ch.content:
            i = self.find(ch.content)
            n = len(ch.content)
            where = self.cmap[i:i + n] if i + n <= len(self.cmap) else [self.at(i + k) for k in range(n)]
            self.out.text(ch.content, where)
            self.cur = i + len(ch.content)

    def _text_special(self, ch: Token) -> None:
        raw = ch.markup or ch.content
        i = self.find(raw)
        where = self.at(i + 1) if ch.info == "escape" and raw.startswith("\\") else self.at(i)
        self.out.text(ch.content, where)
        self.cur = i + len(raw)

    def _softbreak(self, ch: Token) -> None:
        i = self.find("\n")
        self.out.text(" ", self.at(i))
        self.cur = i + 1

    def _hardbreak(self, ch: Token) -> None:
        i = self.find("\n")
        self.out.brk("\n", self.at(i))
        self.cur = i + 1

    def _code_inline(self, ch: Token) -> None:
        fence = ch.markup or "`"
        i = self.content.find(fence, self.cur)
        if i < 0:
            return
        close = re.compile(rf"(?<!`){re.escape(fence)}(?!`)").search(self.content, i + len(fence))
        self.cur = close.end() if close else i + len(fence)

    def _image(self, ch: Token) -> None:
        i = self.content.find("![", self.cur)
        if i >= 0:
            end = _bracket_end(self.content, i + 1, "[", "]")
            self.cur = _skip_link_tail(self.content, end) if end > 0 else i + 2

    def _link_open(self, ch: Token) -> bool:
        if ch.markup == "autolink" or ch.info == "auto":
            i = self.content.find("<", self.cur)
            self.cur = i + 1 if i >= 0 else self.cur
            return True
        return False

    def _link_close(self, ch: Token) -> None:
        i = self.content.find("]", self.cur)
        if i >= 0:
            self.cur = _skip_link_tail(self.content, i + 1)

    def _html_inline(self, ch: Token) -> None:
        raw = ch.content
        i = self.find(raw)
        self.cur = i + len(raw)
        if raw.startswith("<!--"):
            body = raw[4:-3] if raw.endswith("-->") else raw[4:]
            d = comment_directive(self.at(i), self.at(i + len(raw) - 1) + 1, body)
            if d:
                self.directives.append(d)
        elif _BR_TAG.match(raw):
            self.out.brk("\n", self.at(i))


class _Blocks:
    """Walks markdown-it's block tokens."""

    def __init__(self, lines: _Lines, out: TextBuilder) -> None:
        self.lines = lines
        self.out = out
        self.directives: list[Directive] = []
        self.cell_col = 0  # table rows: where the next cell's text is searched from
        self.in_cell = False

    def run(self, tokens: Sequence[Token]) -> None:
        for tok in tokens:
            t = tok.type
            if t == "inline" and tok.map:
                self._inline(tok)
            elif t == "html_block" and tok.map:
                self._html_block(tok)
            elif t == "tr_open":
                self.out.brk("\n")
                self.cell_col = 0
            elif t in ("th_open", "td_open"):
                self.out.cell()
                self.in_cell = True
            elif t in ("th_close", "td_close"):
                self.in_cell = False
            elif t in ("list_item_open", "list_item_close", "tr_close", "thead_open", "thead_close", "tbody_open",
                       "tbody_close") or (t.startswith("paragraph") and tok.hidden):
                self.out.brk("\n")
            elif t.endswith(("_open", "_close")) or t in ("fence", "code_block", "hr"):
                self.out.brk("\n\n")

    def _inline(self, tok: Token) -> None:
        assert tok.map is not None  # run() passes only tokens with a map
        first, last = tok.map[0], max(tok.map[0], tok.map[1] - 1)
        if self.in_cell:
            cmap, self.cell_col = _align(tok.content, self.lines, first, first, self.cell_col, suffix=False)
        else:
            cmap, _ = _align(tok.content, self.lines, first, last)
        _Inline(tok, cmap, self.out, self.directives).run(tok.children or [])

    def _html_block(self, tok: Token) -> None:
        assert tok.map is not None
        first, last = tok.map[0], max(tok.map[0], tok.map[1] - 1)
        content = tok.content.rstrip("\n")
        cmap, _ = _align(content, self.lines, first, last)
        self.out.brk("\n\n")
        self.directives.extend(extract_html(content, cmap, self.out))
        self.out.brk("\n\n")


def read_md(data: bytes, path: str) -> Document:
    decoded = decode_text(data, path)
    return with_warning(markdown_document(decoded.text, path), decoded.warning)


def markdown_document(source: str, path: str) -> Document:
    lines = _Lines(source)
    skip = front_matter_lines(lines.texts)
    # What markdown-it reads: front matter blanked, "\r" alone made a space, so its lines are ours.
    body = "\n".join("" if i < skip else t.replace("\r", " ") for i, t in enumerate(lines.texts))
    out = TextBuilder(len(source))
    blocks = _Blocks(lines, out)
    tokens = _parser().parse(body)
    deepest = max((t.level for t in tokens), default=0)
    if deepest >= MAX_NESTING - 1:  # markdown-it stopped reading there: refuse rather than drop the rest
        line = next((t.map[0] + 1 for t in tokens if t.level >= MAX_NESTING - 1 and t.map), 1)
        raise InputError(f"{path}:{line}: Markdown nested too deeply to read (the limit is {MAX_NESTING - 3} "
                         f"levels of block quotes, or {(MAX_NESTING - 3) // 2} of lists); not read")
    blocks.run(tokens)
    text, origin = out.result()
    return Document(path=path, text=text, source=source, origin=origin, format="md",
                    suppressions=resolve(blocks.directives, source, text, origin),
                    date=front_matter_date(lines.texts, skip))
