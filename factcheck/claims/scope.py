"""Scopes: where a figure stands in the document (sentence, paragraph, headline, bracket), and the bounded
windows a linker may search for operands.

Everything here is built once per document in linear time; a linker asks for "the figures of this sentence"
or "of the sentence before" through indexes, never by scanning the whole document for each figure. That is
what keeps linking linear in the length of a document and of any one paragraph: every candidate search is
limited to a window of a few sentences and to ``MAX_WINDOW`` figures.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .. import workcount
from ..document.segment import paragraphs, sentences
from ..model import AMOUNT_TYPES, Claim, Document, Mention, Unchecked
from ..ruleset import RuleSet

# a line that opens an item of a list: "- ...", "• ...", "a) ...", "(b) ...", "2. ...", "(iii) ..."
_LIST_MARK = re.compile(r"[ \t]*(?:[-•*·–▪◦●]|\(?\d{1,2}[.)]|\(?[^\W\d_][.)]|\([ivx]{1,4}\))[ \t]+\S")

MAX_WINDOW = 40  # figures a candidate search looks at around a trigger, whatever the paragraph's length


@dataclass
class Work:
    """Counts of work done (candidates examined), for the linear-time tests."""

    candidates: int = 0
    patterns: int = 0


@dataclass
class Ctx:
    """One document as the linkers see it: its text, sentences, figures by place, and what was claimed."""

    doc: Document
    mentions: list[Mention]
    rules: RuleSet
    as_of: date | None = None
    claims: list[Claim] = field(default_factory=list)
    unchecked: list[Unchecked] = field(default_factory=list)
    stated: set[int] = field(default_factory=set)  # positions (start) of figures already stated by a claim
    restated: set[int] = field(default_factory=set)  # ... by a unit or currency restatement ("12 km, about 7.5 miles")
    work: Work = field(default_factory=Work)

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def vocab(self) -> dict:
        return self.rules.vocab

    # ------------------------------------------------------------------------------------ segments
    @cached_property
    def sents(self) -> tuple[tuple[int, int], ...]:
        return sentences(self.text) or ((0, len(self.text)),)

    @cached_property
    def paras(self) -> tuple[tuple[int, int], ...]:
        return paragraphs(self.text) or ((0, len(self.text)),)

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
        return self.paras[self.para_index(i)]

    @cached_property
    def headline_end(self) -> int:
        """End of the headline (the first line when it reads like a title), else 0."""
        nl = self.text.find("\n")
        if nl < 0:
            return 0
        line = self.text[:nl].strip()
        if not line or line.endswith(".") or len(line) > 220 or line.startswith(("-", "•", "*")):
            return 0
        return nl

    def in_headline(self, m: Mention) -> bool:
        return m.start < self.headline_end

    @cached_property
    def _list_items(self) -> tuple[list[int], list[int], list[int]]:
        """Start, end and run of every line that opens a list item; a run is a list: items following one another
        with only blank lines, or indented lines that carry an item on, between them."""
        starts: list[int] = []
        ends: list[int] = []
        runs: list[int] = []
        run, open_run, pos = 0, False, 0
        for line in self.text.split("\n"):
            if _LIST_MARK.match(line):
                run += 0 if open_run else 1
                starts.append(pos)
                ends.append(pos + len(line))
                runs.append(run)
                open_run = True
            elif line.strip() and not line[:1].isspace():
                open_run = False
            pos += len(line) + 1
        return starts, ends, runs

    def list_item(self, i: int) -> tuple[int, int] | None:
        """(list, item) of the list item whose opening line holds position ``i``, else None."""
        starts, ends, runs = self._list_items
        k = bisect.bisect_right(starts, i) - 1
        return (runs[k], k) if k >= 0 and i <= ends[k] else None

    def other_members(self, a: Mention, b: Mention) -> bool:
        """Do ``a`` and ``b`` stand in two items of one list, each a fragment naming a member ("a) Invar missiles for
        the Army – ₹2,096 crore"), not a sentence of prose ("- Our view: at £1.45bn the amendment is smaller than we
        had modelled.")?"""
        ia, ib = self.list_item(a.start), self.list_item(b.start)
        if ia is None or ib is None or ia[0] != ib[0] or ia[1] == ib[1]:
            return False
        starts, ends, _ = self._list_items
        if any(ends[k] - starts[k] > 200 for k in (ia[1], ib[1])):
            return False  # (a long item is prose; its text is not copied to find out)
        lines = [self.text[starts[k]:ends[k]].strip() for k in (ia[1], ib[1])]
        return all(len(line) <= 160 and not line.endswith((".", "!", "?")) for line in lines)

    # ------------------------------------------------------------------------------------ figures
    @cached_property
    def numbers(self) -> list[Mention]:
        """Amounts plus multiples and fractions ("doubled", "a third"), in text order."""
        # (an age that bounds a count, "3,740 under 30", is a word of the count's noun phrase: no figure)
        return sorted((m for m in self.mentions if m.value is not None and (m.type in AMOUNT_TYPES or m.role)
                       and m.role != "age"), key=lambda m: (m.start, m.end))

    @cached_property
    def amounts(self) -> list[Mention]:
        return [m for m in self.numbers if m.type in AMOUNT_TYPES and not m.role]

    @cached_property
    def amount_index(self) -> dict[int, int]:
        """Position in ``amounts`` of the figure starting at each offset."""
        return {m.start: k for k, m in enumerate(self.amounts)}

    @cached_property
    def dates(self) -> list[Mention]:
        return [m for m in self.mentions if m.type == "date"]

    @cached_property
    def identifiers(self) -> list[Mention]:
        """Figures read as names with a number ("Australia 312", "Block 5"), in text order."""
        return sorted((m for m in self.mentions if m.type == "identifier"), key=lambda m: (m.start, m.end))

    @cached_property
    def _id_starts(self) -> list[int]:
        return [m.start for m in self.identifiers]

    def identifiers_in(self, a: int, b: int) -> list[Mention]:
        """Identifiers wholly inside [a, b), found by bisection."""
        i, j = bisect.bisect_left(self._id_starts, a), bisect.bisect_left(self._id_starts, b)
        return [m for m in self.identifiers[i:j] if m.end <= b]

    @cached_property
    def _num_starts(self) -> list[int]:
        return [m.start for m in self.numbers]

    def numbers_in(self, a: int, b: int) -> list[Mention]:
        """Figures wholly inside [a, b), found by bisection."""
        i = bisect.bisect_left(self._num_starts, a)
        out = []
        nums = self.numbers
        while i < len(nums) and nums[i].start < b:
            if nums[i].end <= b:
                out.append(nums[i])
            i += 1
        workcount.count("link.figures_in", len(out))
        return out

    def sentence_numbers(self, si: int) -> list[Mention]:
        if not 0 <= si < len(self.sents):
            return []
        return self.numbers_in(*self.sents[si])

    def window(self, m: Mention, before: int = 1, after: int = 0, same_para: bool = True) -> list[Mention]:
        """Figures of m's sentence, the ``before`` sentences before it and ``after`` after it (within its
        paragraph when ``same_para``), at most MAX_WINDOW on each side of m."""
        si = self.sent_index(m.start)
        pi = self.para_index(m.start)
        lo, hi = si, si
        while lo > 0 and si - lo < before and (not same_para or self.para_index(self.sents[lo - 1][0]) == pi):
            lo -= 1
        while hi + 1 < len(self.sents) and hi - si < after and (not same_para or
                                                                 self.para_index(self.sents[hi + 1][0]) == pi):
            hi += 1
        figs = self.numbers_in(self.sents[lo][0], self.sents[hi][1])
        k = next((i for i, x in enumerate(figs) if x is m), None)
        if k is not None:
            figs = figs[max(0, k - MAX_WINDOW):k + MAX_WINDOW + 1]
        self.work.candidates += len(figs)
        workcount.count("link.window", len(figs))
        return figs

    @cached_property
    def _counts_by_noun(self) -> dict[str, list[Mention]]:
        """Counts by the stem of the noun they count ("helicopters" -> "helicopter"), and by the name of the class
        of things it belongs to ("20 KF-21 fighter jets" under "aircraft" too: "98 billion won per aircraft"), in
        text order."""
        from .reading import noun_class

        out: dict[str, list[Mention]] = {}
        for x in self.mentions:
            if x.type == "count" and x.unit and not x.inferred and x.value_high is None:
                stem = x.unit.lower().rstrip("s")
                out.setdefault(stem, []).append(x)
                cls = (noun_class(self.vocab, x.unit) or "").lower().rstrip("s")
                if cls and cls != stem:
                    out.setdefault(cls, []).append(x)
        return out

    def counts_of(self, noun: str, before: int, limit: int = 2) -> list[Mention]:
        """The last ``limit`` counts of ``noun`` that start before offset ``before`` (an index, not a scan)."""
        found = self._counts_by_noun.get(noun.lower().rstrip("s"), [])
        k = bisect.bisect_left([x.start for x in found], before) if len(found) <= 64 else \
            bisect.bisect_left(found, before, key=lambda x: x.start)
        return found[max(0, k - limit):k]

    def dates_in(self, a: int, b: int) -> list[Mention]:
        return [d for d in self._dates_sorted_in(a, b)]

    @cached_property
    def _date_starts(self) -> list[int]:
        return [d.start for d in self.dates]

    def _dates_sorted_in(self, a: int, b: int) -> list[Mention]:
        i = bisect.bisect_left(self._date_starts, a)
        out = []
        while i < len(self.dates) and self.dates[i].start < b:
            out.append(self.dates[i])
            i += 1
        return out

    # ------------------------------------------------------------------------------------ results
    def add(self, claim: Claim) -> None:
        self.claims.append(claim)
        if claim.stated is not None:
            self.stated.add(claim.stated.start)
            if claim.kind in ("conversion", "currency_conversion"):
                self.restated.add(claim.stated.start)

    def skip(self, kind: str, m: Mention | tuple[int, int], reason: str) -> None:
        """Record a claim seen but not checked, and why."""
        a, b = (m.start, m.end) if isinstance(m, Mention) else m
        self.unchecked.append(Unchecked(kind, a, b, self.text[a:b], reason))

    def is_stated(self, m: Mention) -> bool:
        return m.start in self.stated
