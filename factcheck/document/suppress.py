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

Which line: ``ignore`` applies to its own line when that line has visible text besides the comment
(the comment ends a sentence); a comment alone on its line applies to the next line that has visible
text (blank lines in between are skipped). Lines are lines of the original file (for DOCX: paragraphs).
Readers keep the comment's own text out of ``Document.text``, so rule names are never read as prose.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Suppression

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
        out.append(Suppression(line, d.rules))
    return tuple(out)
