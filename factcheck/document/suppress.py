"""Inline suppression comments.

    factcheck: ignore                      (this line, every rule)
    factcheck: ignore percent-change, sum  (this line, these rules)
    factcheck: ignore-next-line [RULES]    (the next line)

In Markdown and HTML they sit in comments (``<!-- factcheck: ignore sum -->``); in plain text the
bare form works anywhere on a line (``[factcheck: ignore sum]`` or ``# factcheck: ignore``).
"""

from __future__ import annotations

import re

from ..model import Suppression

_RE = re.compile(r"factcheck:\s*(ignore-next-line|ignore-line|ignore)\b([ \t]+[a-z0-9_, \t-]+)?", re.I)


def find_suppressions(source: str) -> tuple[Suppression, ...]:
    out: list[Suppression] = []
    for m in _RE.finditer(source):
        line = source.count("\n", 0, m.start()) + 1
        rules = tuple(r for r in re.split(r"[\s,]+", (m.group(2) or "").strip().lower()) if r and r != "all")
        verb = m.group(1).lower()
        out.append(Suppression(line + 1 if verb == "ignore-next-line" else line, rules))
    return tuple(out)
