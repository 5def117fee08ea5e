"""Inline suppression comments: where they are, which rules they silence, which line of the original file.

The directive, in every format::

    factcheck: ignore                        every rule
    factcheck: ignore percent-change, sum    these rules (ids or kinds; "all" = every rule)
    factcheck: ignore-next-line [RULES]      always the next line
    factcheck: ignore-line [RULES]           always this line
    factcheck: ignore sum -- VAT included    text after " -- " is a note for people

Where it is written:

- Markdown and HTML: in a comment, ``<!-- factcheck: ignore percent-change -->``.
- Plain text (and DOCX paragraphs): ``[factcheck: ignore RULES]``, ``# factcheck: ignore RULES`` (to the
  end of the line), ``<!-- factcheck: ignore RULES -->``, or the bare directive as a line of its own.

- Word (.docx): also a Word comment (Review > New Comment) whose text holds the directive, on the
  commented range: it silences the paragraphs the range covers, and nothing of it is in the body text
  that would be published. The reader calls ``mark_word_comments`` on ``word/document.xml`` and
  ``take_word_comments`` on the paragraphs' text.

Which line: ``ignore`` applies to its own line when that line has visible text besides the comment
(the comment ends a sentence); a comment alone on its line applies to the next line that has visible
text (blank lines in between are skipped). Lines are lines of the original file (for DOCX: paragraphs).
Readers keep the comment's own text out of ``Document.text``, so rule names are never read as prose.
Each ``Suppression`` also records the line of the comment itself (``at``), so that a rule id no rule set
defines is reported where it is written (the CLI checks them against the rules in force).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Suppression

if TYPE_CHECKING:  # xml and zipfile are imported by the .docx functions only (a .txt run does without them)
    import zipfile

_BODY = re.compile(r"^\s*factcheck\s*:\s*(ignore-next-line|ignore-line|ignore)\b(.*)$", re.I | re.S)
_RULE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

# Plain-text forms: a comment, a bracket, a "#" to the end of the line, the bare directive on a line of its own.
_PLAIN = re.compile(
    r"<!--(?P<c>[^\n]*?)-->"
    r"|\[(?P<b>\s*factcheck\s*:[^\]\n]*)\]"
    r"|(?:(?<=\s)|^)\#[ \t]*(?P<h>factcheck\s*:[^\n]*)"
    r"|^[ \t]*(?P<l>factcheck\s*:[^\n]*)",
    re.I | re.M,
)


@dataclass(frozen=True)
class Directive:
    """A parsed suppression comment: its span in the original file, its verb and its rules."""

    start: int
    end: int
    verb: str  # ignore | ignore-line | ignore-next-line
    rules: tuple[str, ...]  # empty = every rule


def parse_body(body: str) -> tuple[str, tuple[str, ...]] | None:
    """``"factcheck: ignore a, b"`` → ``("ignore", ("a", "b"))``; None when the text is not a directive."""
    m = _BODY.match(body)
    if not m:
        return None
    tail = m.group(2)
    if tail and not (tail[0].isspace() or tail[0] == ","):
        return None  # "ignore-foo", "ignored": not our verb
    rest = re.split(r"\s--(?:\s|$)", tail, maxsplit=1)[0]
    rules: list[str] = []
    for word in re.split(r"[\s,]+", rest):
        if not word:
            continue
        if not _RULE.match(word):
            return None
        if word.lower() != "all":
            rules.append(word)
    return m.group(1).lower(), tuple(rules)


def comment_directive(start: int, end: int, body: str) -> Directive | None:
    """The directive in a comment spanning ``source[start:end]`` whose inside is ``body``."""
    parsed = parse_body(body)
    return Directive(start, end, *parsed) if parsed else None


def scan_plain(source: str) -> list[Directive]:
    """Every plain-text directive in ``source`` (txt files, DOCX paragraphs joined by newlines)."""
    out: list[Directive] = []
    for m in _PLAIN.finditer(source):
        body = next(g for g in m.groups() if g is not None)
        end = m.end()
        while end > m.start() and source[end - 1] in " \t\r":
            end -= 1
        d = comment_directive(m.start(), end, body.rstrip())
        if d:
            out.append(d)
    return out


def mask_plain(source: str) -> tuple[str, tuple[Suppression, ...]]:
    """``source`` with its plain-text directives blanked out (same length: positions map one to one),
    and the suppressions they make."""
    directives = scan_plain(source)
    if not directives:
        return source, ()
    parts: list[str] = []
    last = 0
    for d in directives:
        parts.append(source[last:d.start])
        parts.append(" " * (d.end - d.start))
        last = d.end
    parts.append(source[last:])
    text = "".join(parts)
    return text, resolve(directives, source, text, None)


def _line_starts(source: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", source))]


def visible_lines(source: str, text: str, origin: Sequence[int] | None) -> set[int]:
    """1-based lines of ``source`` that hold at least one visible (non-space) character of ``text``."""
    starts = _line_starts(source)
    lines: set[int] = set()
    for i, ch in enumerate(text):
        if not ch.isspace():
            off = i if origin is None else origin[i]
            lines.add(bisect.bisect_right(starts, off))
    return lines


def resolve(directives: Sequence[Directive], source: str, text: str,
            origin: Sequence[int] | None) -> tuple[Suppression, ...]:
    """The line each directive applies to (see the module docstring), as Suppressions."""
    if not directives:
        return ()
    starts = _line_starts(source)
    seen = visible_lines(source, text, origin)
    ordered = sorted(seen)
    out: list[Suppression] = []
    for d in directives:
        first = bisect.bisect_right(starts, d.start)
        last = bisect.bisect_right(starts, max(d.start, d.end - 1))
        if d.verb == "ignore-line":
            line = first
        elif d.verb == "ignore" and first in seen:
            line = first
        elif d.verb == "ignore" and last in seen:
            line = last
        else:
            k = bisect.bisect_right(ordered, last)
            line = ordered[k] if k < len(ordered) else last + 1
        out.append(Suppression(line, d.rules, at=first))
    return tuple(out)


# ---------------------------------------------------------------------------------------- Word comments

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_COMMENTS_XML = 16 * 1024 * 1024
_OPEN, _CLOSE = "\uf8f0", "\uf8f1"  # private-use characters around a marker in the paragraphs' text
_ANCHOR = re.compile(rb"<w:(commentRangeStart|commentRangeEnd|commentReference)\b([^>]*?)/>")
_ANCHOR_ID = re.compile(rb"\bw:id=[\"'](\d+)[\"']")
_MARK = re.compile(_OPEN + r"([SER])(\d+):([^" + _CLOSE + r"\n]*)" + _CLOSE)


def word_comment_rules(z: zipfile.ZipFile) -> dict[str, tuple[str, ...]]:
    """Comment id -> the rules its ``factcheck: ignore`` directive names (empty: every rule), for the
    comments of ``word/comments.xml`` that hold one. A comments part that cannot be read holds none."""
    import xml.etree.ElementTree as ET
    import zipfile

    try:
        info = z.getinfo("word/comments.xml")
        if info.file_size > MAX_COMMENTS_XML:
            return {}
        data = z.read(info)
    except (KeyError, OSError, ValueError, NotImplementedError, zipfile.BadZipFile, EOFError):
        return {}
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        return {}
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for comment in root.iter(_W + "comment"):
        cid = comment.get(_W + "id", "")
        for p in comment.iter(_W + "p"):
            text = "".join(t.text or "" for t in p.iter(_W + "t"))
            at = text.lower().find("factcheck")
            parsed = parse_body(text[at:]) if at >= 0 else None
            if cid.isdigit() and parsed and parsed[0] == "ignore":
                out[cid] = parsed[1]  # the comment's first directive
                break
    return out


def mark_word_comments(z: zipfile.ZipFile, xml: bytes) -> bytes:
    """``word/document.xml`` with a text marker at the start and end of every range commented by a
    ``factcheck: ignore`` comment, so the reader's paragraphs say which ones it covers. Unchanged when
    no comment holds a directive."""
    rules = word_comment_rules(z)
    if not rules:
        return xml

    def marker(m: re.Match[bytes]) -> bytes:
        ident = _ANCHOR_ID.search(m.group(2))
        cid = ident.group(1).decode() if ident else ""
        if cid not in rules:
            return m.group(0)
        kind = {b"commentRangeStart": "S", b"commentRangeEnd": "E", b"commentReference": "R"}[m.group(1)]
        text = f"{_OPEN}{kind}{cid}:{','.join(rules[cid])}{_CLOSE}"
        return b"<w:t>" + text.encode("utf-8") + b"</w:t>"

    return _ANCHOR.sub(marker, xml)


def take_word_comments(source: str) -> tuple[str, tuple[Suppression, ...]]:
    """The paragraphs' text without the markers ``mark_word_comments`` put in, and the suppressions of
    the commented ranges: every paragraph (line) from the range's start to its end."""
    if _OPEN not in source:
        return source, ()
    parts: list[str] = []
    last = 0
    line = 1
    ranges: dict[str, list] = {}  # id -> [first line, last line, rules]
    for m in _MARK.finditer(source):
        chunk = source[last:m.start()]
        parts.append(chunk)
        line += chunk.count("\n")
        last = m.end()
        kind, cid = m.group(1), m.group(2)
        rules = tuple(r for r in m.group(3).split(",") if r)
        span = ranges.setdefault(cid, [line, line, rules])
        if kind == "S":
            span[0] = min(span[0], line)
        else:
            span[1] = max(span[1], line)
    parts.append(source[last:])
    out: list[Suppression] = []
    for first, end, rules in ranges.values():
        out += [Suppression(n, rules, at=first) for n in range(first, max(first, end) + 1)]
    return "".join(parts), tuple(out)
