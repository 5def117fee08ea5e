"""The four nouns every stage shares: Document, Mention, Claim, Finding.

    file ──read──▶ Document ──extract──▶ [Mention] ──link──▶ [Claim] ──judge──▶ [Finding] ──report──▶ bytes

Each stage imports this module and nothing of another stage's internals. All offsets are 0-based
code-point offsets into ``Document.text`` (the plain text that was analysed); ``Document.locate``
turns them into positions in the original file (CONTRACT.md, "Positions").
"""

from __future__ import annotations

import bisect
import datetime
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

MENTION_TYPES = ("percent", "currency", "count", "quantity", "number", "date", "ordinal", "identifier")
AMOUNT_TYPES = frozenset({"percent", "currency", "count", "quantity", "number"})
STATUSES = ("pass", "warn", "fail")


@dataclass(frozen=True)
class Position:
    """A place in the original file: 1-based line and column (code points), 0-based offset."""

    line: int
    column: int
    offset: int


@dataclass(frozen=True, eq=False)
class Document:
    """One input, reduced to plain text, with a map back to the original file.

    ``text`` is what extraction reads. ``source`` is the decoded original file. ``origin[i]`` is the
    offset in ``source`` of ``text[i]`` (``None`` means the two are the same string). For DOCX the
    source is the paragraphs joined by newlines, so ``line`` is the paragraph number.
    """

    path: str
    text: str
    source: str | None = None
    origin: Sequence[int] | None = None  # an array("I") (or "q") from document/textmap.py, or a tuple
    format: str = "txt"
    # Spans of ``text`` that carry suppression comments etc. are found by the reader.
    suppressions: tuple[Suppression, ...] = ()
    date: datetime.date | None = None  # the release's date from its metadata (Markdown front matter ``date:``)
    # What the reader had to guess, one line each naming the file ("read as Windows-1252").
    warnings: tuple[str, ...] = ()

    @cached_property
    def _source(self) -> str:
        return self.text if self.source is None else self.source

    @cached_property
    def _line_starts(self) -> array[int]:
        """Where each line of the original file starts: machine integers (4 bytes a line, not 36)."""
        src = self._source
        starts = array("I" if len(src) < 2**32 and array("I").itemsize == 4 else "q", (0,))
        i = src.find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = src.find("\n", i + 1)
        return starts

    def source_offset(self, i: int) -> int:
        """Offset in the original file of text offset ``i`` (``i == len(text)`` allowed)."""
        if self.origin is None:
            return i
        if i < len(self.origin):
            return self.origin[i]
        return (self.origin[-1] + 1) if self.origin else 0

    def locate(self, i: int) -> Position:
        """Line/column in the original file of the character at text offset ``i``."""
        off = self.source_offset(i)
        ln = bisect.bisect_right(self._line_starts, off) - 1
        return Position(ln + 1, off - self._line_starts[ln] + 1, off)

    def locate_end(self, end: int) -> Position:
        """Position just past the last character of a span ending (exclusive) at text offset ``end``."""
        if end <= 0:
            return self.locate(0)
        last = self.locate(end - 1)
        return Position(last.line, last.column + 1, last.offset + 1)

    def line_text(self, line: int) -> str:
        """The original file's line ``line`` (1-based), without its newline."""
        starts = self._line_starts
        if not 1 <= line <= len(starts):
            return ""
        a = starts[line - 1]
        b = starts[line] - 1 if line < len(starts) else len(self._source)
        return self._source[a:b].rstrip("\r")


@dataclass(frozen=True)
class Suppression:
    """An inline ``factcheck: ignore`` comment: which lines of the original file, which rules."""

    line: int  # the source line the suppression applies to
    rules: tuple[str, ...] = ()  # empty = every rule
    at: int = field(default=0, compare=False)  # the source line of the comment itself (for messages); 0: unknown


@dataclass(frozen=True, slots=True)
class Mention:
    """A number-bearing expression: where it is, what it is, and how precisely it was stated."""

    start: int
    end: int
    text: str
    type: str  # one of MENTION_TYPES
    value: float | None = None
    unit: str | None = None
    value_high: float | None = None  # high end of a range
    approx: bool = False
    hedge: str | None = None  # the hedge as written, lower-cased ("about", "more than")
    # How precisely the figure was written: half the step of its last stated digit, in ``unit``
    # ("2.7 billion" -> 0.05e9; "128%" -> 0.5; "ten" -> 0.5). None for exact words ("a dozen").
    half_step: float | None = None
    num_start: int = -1  # span of the numeral itself ("857" in "€857 million")
    num_end: int = -1
    scale: str | None = None  # the scale word as written ("million", "bn")
    decimals: int = 0  # digits written after the decimal separator
    grouped: bool = False  # written with thousands separators ("1,059")
    word: bool = False  # written in words ("ten", "a dozen")
    noun: str | None = None  # for counts: the counted noun as written
    inferred: bool = False  # unit or type taken from context, not from the mention itself
    role: str | None = None  # "multiple" ("doubled", "three times") or "fraction" ("a third") for numbers

    @property
    def is_amount(self) -> bool:
        return self.type in AMOUNT_TYPES and self.value is not None


@dataclass(frozen=True)
class Evidence:
    """One reason the linker tied figures together: a cue it matched, and how much that counts.

    ``cue`` names the grammar or vocabulary item (rules/linking.yaml), ``detail`` says what matched as the
    working shows it ("'to … from' in one clause", "same measure 'sales'"). ``explicit`` marks grammar that
    states the relation outright ("from X to Y", "Y (X)", "(2023: X)"): only a reading resting on explicit
    evidence may ground a ``fail``.
    """

    cue: str
    detail: str = ""
    weight: float = 0.0
    explicit: bool = False

    def describe(self) -> str:
        return self.detail or self.cue


@dataclass(frozen=True)
class Relation:
    """One reading of a claim: the stated figure equals ``formula(operands)``.

    ``formula`` names an entry of ``judge.FORMULAS`` ("pct_change", "ratio", "share", "sum", ...): the judge
    computes it over the operands' intervals. ``factor`` scales the result (a unit conversion). Readings
    whose result cannot be computed from operands alone carry it: ``computed`` is the interval the stated
    figure must meet and ``point`` its central value (a duration between dates, a currency restatement at
    the year's rate range). ``alternative`` marks a reading made only to doubt another (the other
    direction, percentage points): it can make a claim hold, never fail.
    """

    formula: str
    operands: tuple[Mention, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    factor: float = 1.0
    offset: float = 0.0  # added after the factor (formula "convert" between temperature scales: °C × 1.8 + 32)
    computed: tuple[float, float] | None = None
    point: float | None = None
    source: str | None = None  # where a rate or reference figure comes from
    note: str = ""  # extra working shown with the result ("rate 1.08–1.12 USD/EUR, 2024")
    alternative: bool = False
    exact: bool = False  # the operands are taken as written, not as rounded figures (a unit conversion)
    years: float | None = None  # the years a yearly rate runs over (formula "cagr", "annual_mean")

    @property
    def score(self) -> float:
        return sum(e.weight for e in self.evidence)

    @property
    def explicit(self) -> bool:
        return any(e.explicit for e in self.evidence)


@dataclass(frozen=True)
class Claim:
    """A stated figure and the readings that derive it from other figures of the text.

    ``stated`` is the figure whose truth is asserted (the percentage, the total, the converted value),
    ``span`` the text that states it (may be wider, e.g. "nearly doubled"). ``readings`` are the candidate
    relations, best first (highest evidence score); the judge evaluates each and alone decides the verdict.
    ``stated_value`` overrides the stated mention's value in the formula's terms ("nearly doubled" -> 2,
    "fell 12%" -> -12, "a third" as a share -> 33.3); ``hedge`` overrides its hedge. ``qualifier`` is a
    basis qualifier ("organic", "at constant currency") that makes the stated figure not comparable with
    the figures given: such a claim can hold or warn, never fail.

    ``operands``, ``params`` and ``confident`` are the older untyped form, read by the judge while linkers
    move to ``readings``.
    """

    kind: str
    span: tuple[int, int]
    stated: Mention | None
    operands: tuple[Mention, ...] = ()
    params: dict = field(default_factory=dict, hash=False, compare=False)
    confident: bool = True
    readings: tuple[Relation, ...] = ()
    stated_value: float | None = None
    stated_step: float | None = None  # half the step of the stated figure's last digit, when not the mention's
    hedge: str | None = None
    qualifier: str | None = None


@dataclass(frozen=True)
class Unchecked:
    """A claim the linker saw but did not check, and why ("no earlier figure to compare with")."""

    kind: str
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Operand:
    """One operand of a finding as the contract reports it: its text and where it stands."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Fix:
    """A replacement for a stated figure that --fix may write, with the span it replaces."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Finding:
    """A verdict on one claim, with its working."""

    rule: str
    kind: str
    status: str  # pass | warn | fail
    severity: str  # error | warning | info
    start: int
    end: int
    text: str
    message: str
    explanation: str = ""
    claimed: float | None = None
    computed: float | None = None
    expected_text: str | None = None
    accepted: tuple[float, float] | None = None  # the range the stated figure had to fall in
    operands: tuple[Operand, ...] = ()
    tolerance: str | None = None  # the tolerance applied, in words
    source: str | None = None  # where a reference figure or rate comes from
    fix: Fix | None = None
    suppressed: bool = False
    fingerprint: str | None = None
    evidence: tuple[str, ...] = ()  # why the figures were linked, as the working shows it


@dataclass
class FileResult:
    """Everything the pipeline learned about one input."""

    path: str
    document: Document | None
    mentions: Sequence[Mention] = field(default_factory=list)  # a list, or a MentionStream (a big document)
    findings: list[Finding] = field(default_factory=list)
    unchecked: list[Unchecked] = field(default_factory=list)  # claims seen but not checked, with the reason
    error: str | None = None  # why the file could not be read (reported, then skipped)


_T = TypeVar("_T")


class _Stream(Sequence[_T]):
    """Items made as they are read (``_items``: one pass over the document); whatever needs them all at once (a
    count, an index, a worker sending them back) gets them listed, once."""

    _list: list[_T] | None = None

    def _items(self) -> Iterator[_T]:
        raise NotImplementedError

    def __iter__(self) -> Iterator[_T]:
        return iter(self._list) if self._list is not None else self._items()

    def listed(self) -> list[_T]:
        if self._list is None:
            self._list = list(self._items())
        return self._list

    def __len__(self) -> int:
        return len(self.listed())

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        return self.listed()[i]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type, tuple[list[_T]]]:  # a worker process sends back a plain list
        return list, (self.listed(),)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(...)" if self._list is None else f"{type(self).__name__}({self._list!r})"


class MentionStream(_Stream[Mention]):
    """A big document's mentions, made as they are read (``extract`` of a big file: a report written as it goes,
    ``--format json``, never holds them all)."""

    def __init__(self, make: Callable[[], Iterator[Mention]]) -> None:
        self._make = make
        self._list = None

    def _items(self) -> Iterator[Mention]:
        return self._make()


class FindingStream(_Stream[Finding]):
    """A big document's findings, made block by block as they are read (``check`` of a big file: a report written
    as it goes, ``--format json``, never holds them all). ``make`` yields each block's findings (in text order) and
    its unchecked claims. A complete pass leaves the counts of unsuppressed findings by status (``tally``, what the
    summary and the exit code need) and the unchecked claims (``unchecked``, a few per release); whatever needs the
    findings all at once (an index, a fix, a worker sending them back) gets them listed, once."""

    def __init__(self, make: Callable[[], Iterator[tuple[list[Finding], list[Unchecked]]]]) -> None:
        self._make = make
        self._list = None
        self.tally: dict[str, int] | None = None  # set by a complete pass
        self._unchecked: list[Unchecked] | None = None
        self.passes = 0  # passes started over the document (a report written as it goes takes one)

    def _items(self) -> Iterator[Finding]:
        self.passes += 1
        tally = {"pass": 0, "warn": 0, "fail": 0}
        unchecked: list[Unchecked] = []
        for findings, skipped in self._make():
            unchecked += skipped
            for f in findings:
                if not f.suppressed:
                    tally[f.status] += 1
                yield f
        self.tally, self._unchecked = tally, unchecked

    def unchecked(self) -> list[Unchecked]:
        """The unchecked claims of the document, block by block (after a pass over the findings)."""
        if self._unchecked is None:
            for _ in self._items():
                pass
        assert self._unchecked is not None
        return self._unchecked


class UncheckedView(Sequence[Unchecked]):
    """The unchecked claims of a ``FindingStream``'s document: complete once its findings have been read."""

    def __init__(self, findings: FindingStream) -> None:
        self._findings = findings

    def __iter__(self) -> Iterator[Unchecked]:
        # a generator: nothing is asked of the findings until the first item is (a report takes the iterator
        # of every list of a file before it writes the first, and the findings come first)
        yield from self._findings.unchecked()

    def __len__(self) -> int:
        return len(self._findings.unchecked())

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        return self._findings.unchecked()[i]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type, tuple[list[Unchecked]]]:
        return list, (self._findings.unchecked(),)
