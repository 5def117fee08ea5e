"""What every linker needs: the document's sentences and paragraphs, its figures by place and kind,
and the small text tests ("is there a total word between these two figures?") linking is made of."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import regex

from ..document.segment import paragraphs, sentences
from ..model import Claim, Document, Mention
from ..ruleset import RuleSet

AMOUNT = ("percent", "currency", "count", "quantity")


@dataclass
class Ctx:
    doc: Document
    mentions: list[Mention]
    rules: RuleSet
    as_of: date | None = None
    claims: list[Claim] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # ids of stated mentions already claimed
    restated: set[int] = field(default_factory=set)  # ids of figures that restate another (conversions)

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def vocab(self) -> dict:
        return self.rules.vocab

    @cached_property
    def sents(self) -> tuple[tuple[int, int], ...]:
        return sentences(self.text)

    @cached_property
    def paras(self) -> tuple[tuple[int, int], ...]:
        return paragraphs(self.text)

    @cached_property
    def _sent_starts(self) -> list[int]:
        return [a for a, _ in self.sents]

    @cached_property
    def _para_starts(self) -> list[int]:
        return [a for a, _ in self.paras]

    def sent_index(self, i: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, i) - 1)

    def para_index(self, i: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, i) - 1)

    def sentence(self, i: int) -> tuple[int, int]:
        return self.sents[self.sent_index(i)]

    def paragraph(self, i: int) -> tuple[int, int]:
        return self.paras[self.para_index(i)] if self.paras else (0, len(self.text))

    @cached_property
    def amounts(self) -> list[Mention]:
        return [m for m in self.mentions if m.type in AMOUNT and m.value is not None]

    @cached_property
    def numbers(self) -> list[Mention]:
        """Amounts plus multiples and fractions ("doubled", "a third")."""
        return [m for m in self.mentions if (m.type in AMOUNT or m.role) and m.value is not None]

    @cached_property
    def dates(self) -> list[Mention]:
        return [m for m in self.mentions if m.type == "date"]

    def in_span(self, a: int, b: int, pool: list[Mention] | None = None) -> list[Mention]:
        return [m for m in (self.amounts if pool is None else pool) if a <= m.start and m.end <= b]

    def in_sentence(self, m: Mention, pool: list[Mention] | None = None) -> list[Mention]:
        return self.in_span(*self.sentence(m.start), pool)

    def between(self, a: Mention, b: Mention) -> str:
        return self.text[a.end:b.start]

    def before(self, m: Mention, n: int = 60) -> str:
        s, _ = self.sentence(m.start)
        return self.text[max(s, m.start - n):m.start]

    def after(self, m: Mention, n: int = 60) -> str:
        _, e = self.sentence(m.start)
        return self.text[m.end:min(e, m.end + n)]

    def is_headline(self, m: Mention) -> bool:
        """The first line, when it reads like a title (no dateline, no final full stop)."""
        first_end = self.text.find("\n")
        if first_end < 0 or m.start >= first_end:
            return False
        line = self.text[:first_end].strip()
        return not line.endswith(".") and " — " not in line and len(line) < 200

    def add(self, claim: Claim) -> None:
        self.claims.append(claim)
        if claim.stated is not None:
            self.used.add(id(claim.stated))


def same_kind(a: Mention, b: Mention) -> bool:
    """Figures that can be added, compared or divided without a conversion."""
    if a.type != b.type:
        # a bare count and a count of named things are the same kind; percent and count are not
        return False
    if a.type == "currency":
        return a.unit == b.unit
    if a.type == "quantity":
        from ..extract.units import compatible

        return a.unit == b.unit or (a.unit is not None and b.unit is not None and compatible(a.unit, b.unit))
    if a.type == "percent":
        return a.unit == b.unit
    return True


def noun_class(vocab: dict, noun: str | None) -> str | None:
    if not noun:
        return None
    n = noun.lower()
    classes = vocab.get("noun_classes") or {}
    for cls, words in classes.items():
        for w in words:
            if n == w or n.startswith(w + " ") or n.endswith((" " + w, "-" + w)) or (len(w) > 3 and n.startswith(w)):
                return cls
    return n


GENERIC_NOUNS = frozenset({"unit", "item", "piece", "example", "one", "copy", "set", "lot"})


def same_noun(vocab: dict, a: Mention, b: Mention) -> bool:
    if a.type != "count" or b.type != "count":
        return same_kind(a, b)
    if not a.unit or not b.unit or a.unit.lower() in GENERIC_NOUNS or b.unit.lower() in GENERIC_NOUNS:
        return True
    if a.unit == b.unit or noun_class(vocab, a.unit) == noun_class(vocab, b.unit):
        return True
    # the head noun may be misread ("12 submarines able to ..."): any word of the counted phrase may match
    wa = {noun_class(vocab, w.lower().rstrip("s")) for w in regex.findall(r"[\p{L}-]{3,}", a.text)}
    wb = {noun_class(vocab, w.lower().rstrip("s")) for w in regex.findall(r"[\p{L}-]{3,}", b.text)}
    classes = set((vocab.get("noun_classes") or {}).keys())
    return bool(wa & wb & classes)


def word_re(words) -> regex.Pattern:
    alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}])(?:{alt})(?![\p{{L}}])", regex.I)


def is_rate(ctx: Ctx, m: Mention) -> bool:
    """A figure per something ("$82 million per jet", "300 aircraft a year", "€809,000 each")."""
    return bool(regex.match(r"\s*(?:per|each|apiece|a\s+(?:year|month|day|week|piece|unit|jet|aircraft)(?!\s+(?:earlier|"
                            r"later|ago|before|after))|an\s+(?:aircraft|hour|item)|on\s+average|/\s*\p{L})\b",
                            ctx.text[m.end:m.end + 30], regex.I))


def is_partitive(ctx: Ctx, m: Mention) -> bool:
    """'two of which', '40 of them', '60 of the radars': a part of a figure given elsewhere."""
    return bool(regex.match(r"\s+of\s+(?:which|them|those|these)\b|\s+of\s+(?:the|its|their)\s+\d",
                            ctx.text[m.end:m.end + 20]))


def fig_text(ctx: Ctx, m: Mention) -> str:
    """A figure as the working shows it: the numeral of a count ("94", not "94 military vehicles")."""
    if m.type == "count" and m.num_end > m.num_start:
        return ctx.text[m.num_start:m.num_end]
    return m.text


def fmt_value(v: float, like: Mention) -> str:
    """A computed value in the unit of a figure: "36.1 billion USD", "1,000", "82.1"."""
    if like.type == "currency":
        for div, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(v) >= div:
                return f"{v / div:,.3g} {word} {like.unit}"
        return f"{v:,.0f} {like.unit}"
    if abs(v - round(v)) < 1e-9:
        return f"{v:,.0f}"
    return f"{v:,.2f}"
