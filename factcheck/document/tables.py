"""Tables in a Document's text: header labels, rows of cells, each cell with its span in ``Document.text`` and
its figure as a Mention, read at the size and precision the table's header gives it.

Every reader leaves a table as lines of text: Markdown, HTML and DOCX join cells with a tab (an empty cell keeps
its tab), plain text has pipes (``| Sales | 1,200 |``), columns aligned with two or more spaces, or - as
PDF-to-text gives - one row per line, a label then its figures ("Net sales 11,293 10,626 6"). ``find_tables``
reads all of them the same way, in one pass over the lines (time linear in the document):

1. each line is read as a row (a label and cells), a rule (``|---|``, ``-----``) or text;
2. a table is a run of rows (rules and short section labels between them allowed) with at least two rows of
   figures, or one row under a line of column labels;
3. the lines just above it that carry column labels, a scale ("SEK m", "(€m)", "in millions, except per share
   data") or a caption are its header;
4. each column gets a role - a period ("Q2 2023", "Jan-Jun 2022", "Full-year 2022"), a change ("Change in %",
   "+/-"), a share ("% of total"), a total - and the two periods a change compares;
5. each row gets a kind (level, total, subtotal, of_which, per_share, margin, percent, ratio, count, section)
   and, when it has fewer cells than the table has columns, every plausible way of placing them.

Placing a short row. Delimited rows (tabs, pipes) keep their empty cells, so a cell's place is its place.
Aligned text places a cell under the header label it stands under. Single-space rows ("Order backlog 135,181
112,367 20 127,676" under seven columns) are placed by the table's structure: columns form groups (two periods
and their change); a row drops whole groups, or the change of a group (margin rows usually do), and never puts a
figure with grouped thousands or a currency in a percentage column. Every placement within a small cost of the
best is kept (``Row.alignments``): a check is made only where all of them agree on the cells it reads.

Vocabulary (header words, scale words, row words, n/a markers) comes from ``rules/tables.yaml``.
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from ..model import Document, Mention
from . import maybe_tables

# ------------------------------------------------------------------------------------------------ the grid


@dataclass(frozen=True)
class Cell:
    """One cell: its span in ``Document.text`` and its figure (``None`` for "n/a", a dash, text or blank)."""

    start: int
    end: int
    text: str
    mention: Mention | None = None
    missing: bool = False  # an n/a marker ("n/a", "–", "nm"): no figure, never read as zero
    percent: bool = False  # written with "%"
    points: bool = False  # written with "pp", "bps" ...
    grouped: bool = False  # written with thousands separators or a currency: not a percentage
    negative: bool = False
    sign: bool = False  # written with a sign or in brackets
    raw: Mention | None = None  # the figure as written (no header scale, type from the cell alone)
    digits: tuple[int, int] = (-1, -1)  # span of the numeral's digits


@dataclass(frozen=True)
class Column:
    """A column of figures: its header label and what it holds."""

    index: int
    label: str = ""
    start: int = -1  # span of the label in Document.text (-1: no label)
    end: int = -1
    role: str = "other"  # period | change | share | total | basis (a change on another basis: left alone) | other
    order: tuple[int, ...] | None = None  # periods: (year, month, day) for sorting; None when unknown
    prior: bool | None = None  # periods: the earlier of a compared pair
    pair: tuple[int, int] | None = None  # change: (prior column, current column); share: (level column, level column)
    pair_certain: bool = False  # change: which period is the earlier is stated (years, "prior year")
    percent: bool = False  # change/share stated in percent
    points: bool = False  # change stated in percentage points
    absolute: bool = False  # change stated as an amount ("Change, SEK m", "+/-")
    whole: str = "total"  # share columns: "total" (the total row), "sales" (the sales row), "column" (pair[1], same row)
    # or "named" (a whole the header names that no column gives: "% of GDP" without a GDP column)
    group: str = ""  # a label above grouping this column ("Q2", "Jan-Jun")
    parts: tuple[int, ...] = ()  # total columns: the columns it adds up
    count: bool = False  # a count of things ("Deals", "Number of contracts"): never scaled by the table's scale

    @property
    def name(self) -> str:
        g = f"{self.group} " if self.group and self.group.lower() not in self.label.lower() else ""
        return f"{g}{self.label}".strip() or f"column {self.index + 1}"


@dataclass(frozen=True)
class Row:
    """A row: its label, its cells, its kind, and the plausible placements of its cells in the columns."""

    index: int
    label: str
    label_start: int
    label_end: int
    cells: tuple[Cell, ...]
    kind: str = "level"  # level | total | subtotal | of_which | per_share | margin | percent | ratio | count | section
    alignments: tuple[tuple[int, ...], ...] = ()  # for each placement, the column of each cell
    line_start: int = 0
    line_end: int = 0
    key: str = ""  # the label normalised: lower case, no footnote marks, no unit ("ebit margin")
    scale: float = 1.0  # what the header (or the row's own label) scales its amounts by
    scale_text: str | None = None
    currency: str | None = None

    def placed(self) -> dict[int, Cell]:
        """Column -> cell, for the columns every plausible placement fills with the same cell (a new dictionary on
        each call; worked out once per row: a row is frozen, and the table checks ask for it again and again, 24,370
        times on the 1 MiB benchmark file)."""
        got = self.__dict__.get("_placed")
        if got is None:
            got = {}
            if self.alignments:
                first = self.alignments[0]
                for i, col in enumerate(first):
                    if all(col in al and al.index(col) == i for al in self.alignments[1:]):
                        got[col] = self.cells[i]
            object.__setattr__(self, "_placed", got)  # not a field: no part of the row's equality, hash or repr
        return dict(got)

    def at(self, col: int) -> Cell | None:
        return self.placed().get(col)

    @property
    def certain(self) -> bool:
        return len(self.alignments) == 1


@dataclass(frozen=True)
class Table:
    """A table read from the text: its columns, rows, header, scale and locale."""

    start: int
    end: int
    form: str  # tab | pipe | aligned | spaced
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    header: tuple[tuple[int, int], ...] = ()  # spans of the header lines (caption included)
    caption: str = ""
    stub: str = ""  # the label column's header ("MSEK", "SEK m", "")
    scale: float = 1.0
    scale_text: str | None = None  # the scale as the header writes it ("MSEK", "in millions")
    currency: str | None = None
    locale: str = "en"

    def column_name(self, col: int) -> str:
        return self.columns[col].name if 0 <= col < len(self.columns) else f"column {col + 1}"


# ------------------------------------------------------------------------------------------- vocabulary

_YEAR = r"(?:19[5-9]\d|20\d\d)"
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
        r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")


def _longest_first(w: str) -> tuple[int, str]:
    """Longest first (a regex alternation tries its alternatives in order), then alphabetical: the same pattern
    in every process, whatever order the set had (it changes with the hash seed)."""
    return -len(w), w


def _words_re(words: Iterable[str]) -> str:
    ws = sorted({w.lower() for w in words if w}, key=_longest_first)
    return "|".join(re.escape(w) for w in ws) or "(?!)"


def _month_index(word: str) -> int:
    w = word.lower().rstrip(".")[:3]
    for i, m in enumerate(_MONTHS):
        if m.startswith(w):
            return i + 1
    return 0


class Lexicon:
    """The compiled vocabulary of rules/tables.yaml (and the currency prefixes of rules/currencies.yaml)."""

    def __init__(self, vocab: dict[str, Any]) -> None:
        t: dict[str, Any] = dict(vocab.get("tables") or {})
        self.t = t

        def words(key: str) -> list[str]:
            return [str(w) for w in (t.get(key) or [])]

        self.missing = frozenset(w.lower() for w in words("missing_markers"))
        # units of measure (rules/units.yaml) a cell may write one space after its figure ("107 m", "5,500 t");
        # not "in", which is mostly the preposition
        self.units = frozenset(str(u) for u in (vocab.get("units") or {}) if str(u) != "in")
        cur = {str(k): str(v) for k, v in (vocab.get("currency_prefixes") or {}).items()}
        cur.update({"US$": "USD", "$": str(vocab.get("dollar_sign") or "USD")})
        self.currencies = cur
        cur_alt = "|".join(re.escape(k) for k in sorted(cur, key=len, reverse=True))
        # a figure cell: sign, currency, digits, a suffix (%, pp, a short scale), a footnote mark, parentheses
        self.fig = re.compile(
            r"(?P<cur0>" + cur_alt + r")?(?P<lp>\()?(?P<s1>[-+−–])?(?P<cur>(?:" + cur_alt + r")\s?)?(?P<s2>[-+−–])?"
            r"(?P<num>\d(?:(?:[,.'\u00a0\u2009\u202f]|\s(?=\d{3}(?!\d)))?\d)*)"
            r"(?P<suf>\s?(?:%|pp|p\.p\.|ppts?|pts?\.?|bps|bp|x|million|billion|trillion|thousand|mln|bln|m|bn|mn|k|"
            r"p(?![a-z.])))?(?P<rp>\))?(?P<suf2>\s?(?:%|pp|p\.p\.|ppts?|pts?\.?|bps|bp|bn|mn|m|k))?"
            r"(?P<foot>\*{1,3}|[¹²³⁴]|\([a-z]\))?")
        self.cur_only = re.compile(r"(?:" + cur_alt + r")")
        scales = {str(k).lower(): float(v) for k, v in (t.get("scale_headers") or {}).items()}
        self.scales = scales
        codes = sorted({c for c in cur if c.isalpha() and c.isupper() and len(c) == 3} | {"MSEK"}, key=_longest_first)
        code_alt = "|".join(re.escape(c) for c in codes if c != "MSEK")
        sc_alt = _words_re(scales)
        sym_alt = "|".join(re.escape(k) for k in sorted(cur, key=len, reverse=True) if not k.isalpha())
        # "MSEK", "TEUR", "kEUR", "MNOK" (a scale letter glued before a code)
        self.scale_glued_before = re.compile(r"(?<![A-Za-z])(?P<sc>M|T|k|K|Mio\.?|Mrd\.?|Tsd\.?|Bn|MN|Mn)\s?(?P<cur>"
                                             + code_alt + r")(?![A-Za-z])")
        # "SEK m", "SEKm", "EUR million", "€m", "$ millions", "£bn", "USD in millions"
        self.scale_after = re.compile(r"(?:(?<![A-Za-z])(?P<cur>" + code_alt + r")|(?P<sym>" + sym_alt + r"))"
                                      r"\s?(?:in\s+)?(?P<sc>" + sc_alt + r")(?![A-Za-z])", re.I)
        # "in millions", "(in thousands)", "millions of dollars", "amounts in EUR million"
        self.scale_in = re.compile(r"(?<![A-Za-z])(?:in|amounts in|figures in|all figures in)\s+(?:(?P<cur>"
                                   + code_alt + r"|" + sym_alt + r")\s?)?(?P<sc>" + sc_alt + r")(?![A-Za-z])"
                                   r"(?:\s+of\s+(?P<curname>[a-z]+))?", re.I)
        self.scale_of = re.compile(r"(?<![A-Za-z])(?P<sc>thousands|millions|billions)\s+of\s+(?P<curname>[a-z ]+)",
                                   re.I)
        self.code = re.compile(r"(?<![A-Za-z])(?P<cur>" + code_alt + r")(?![A-Za-z])|(?P<sym>" + sym_alt + r")")
        self.except_re = re.compile(r"\bexcept\b|\bunless\b|\bother than\b", re.I)

        period_words = _words_re(words("period_words"))
        # a period label: period words and/or a quarter, half or month span, then a year; or a date
        q = (r"(?:q[1-4](?:\s?[-–]\s?q[1-4])?|[1-4]q|h[12]|[12]h|(?:" + _MON + r")\s?[-–/]\s?(?:" + _MON + r")|"
             + period_words + r")")
        yr = r"(?:" + _YEAR + r"(?:\s?/\s?(?:\d\d)?\d\d)?|['’]\d\d|fy\s?\d\d|(?<=[qh][1-4])\s?[/'’]?\d\d(?!\d)|(?<=[1-4][qh])\d\d(?!\d))"
        date = (r"(?:" + _MON + r"\s\d{1,2},?\s" + _YEAR + r"|\d{1,2}\.?\s" + _MON + r",?\s" + _YEAR +
                r"|\d{1,2}[./]\d{1,2}[./](?:" + _YEAR + r"|\d\d))")
        span = r"(?:" + _MON + r"\s?" + _YEAR + r"\s?[-–]\s?" + _MON + r"\s?" + _YEAR + r")"
        self.period = re.compile(r"(?:(?:as\s+(?:at|of)|at|per)\s+)?(?:" + span + r"|" + date + r"|(?:" + q + r"[\s-]?)*" + yr
                                 + r"|" + q + r")(?![\w%])", re.I)
        self.year = re.compile(r"(?<!\d)(" + _YEAR + r")(?!\d)|(?:fy|['’]|\b[qh][1-4]\s?/?|\b[1-4][qh])\s?(\d\d)(?!\d)", re.I)
        self.quarter = re.compile(r"\b(?:q([1-4])|([1-4])q)(?![a-z])", re.I)
        self.half = re.compile(r"\b(?:h([12])|([12])h)(?![a-z])", re.I)
        self.month_span = re.compile(r"\b(" + _MON + r")\s?[-–/]\s?(" + _MON + r")", re.I)
        self.date_md = re.compile(r"(" + _MON + r")\s(\d{1,2}),?\s(" + _YEAR + r")|(\d{1,2})\.?\s(" + _MON + r"),?\s("
                                  + _YEAR + r")", re.I)
        change = _words_re(words("change_headers"))
        share = _words_re(words("share_headers"))
        pts = _words_re(words("points_markers"))
        # a unit after a header word ("Change, %", "Change in SEK m"), not the start of the next label ("% Change")
        unit_tail = r"(?:\s?,?\s?(?:in\s)?(?:(?:%|\(%\)|" + pts + r"|(?:" + code_alt + r")(?:\s?(?:" + sc_alt + r"))?|" \
                    + r"(?:" + sym_alt + r")\s?(?:" + sc_alt + r")?|m|bn|mn|k)(?!\s?(?:" + change + r"))))?"
        same = _words_re(words("change_same_basis"))
        other = _words_re(words("change_other_basis"))
        self.change_label = re.compile(r"(?:(?:" + same + r")\s+)?(?:(?:%|pct\.?|[$€£])\s?)?(?:" + change + r")" + unit_tail
                                       + r"(?![\w])", re.I)
        self.other_basis = re.compile(r"(?<![\w])(?:" + other + r")(?![\w])", re.I)
        self.other_change = re.compile(r"(?:(?:" + other + r")\s+(?:" + change + r")|(?:" + change + r")\s*,?\s*(?:at\s+|in\s+)?(?:"
                                       + other + r"))" + unit_tail + r"(?![\w])", re.I)
        self.year_on_year = re.compile(r"(?<![\w])(?:" + _words_re(words("year_on_year_headers")) + r")(?![\w])", re.I) \
            if words("year_on_year_headers") else re.compile(r"(?!)")
        self.quarter_on_quarter = re.compile(r"(?<![\w])(?:" + _words_re(words("quarter_on_quarter_headers"))
                                             + r")(?![\w])", re.I) if words("quarter_on_quarter_headers") \
            else re.compile(r"(?!)")
        self.absolute_change = re.compile(r"(?:" + _words_re(words("absolute_change_headers")) + r")", re.I)

        def ending(key: str) -> re.Pattern[str]:  # a header that ends with one of the words ("Implied discount, %")
            ws = words(key)
            return re.compile(r"(?<![\w-])(?:" + _words_re(ws) + r")(?:\s*\(%\)|\s*,?\s*(?:in\s+)?%)?$", re.I) if ws \
                else re.compile(r"(?!)")
        self.rise_header = ending("rise_headers")
        self.fall_header = ending("fall_headers")
        self.move_header = re.compile(r"(?<![\w-])(?:" + change + r"|moves?|movement)(?:\s*\(%\)|\s*,?\s*(?:in\s+)?%)?$",
                                      re.I)
        self.share_label = re.compile(r"(?:" + share + r")" + unit_tail + r"(?![\w])", re.I)
        prefixes = words("share_header_prefixes")  # "Share of export orders", "% of group revenue"
        self.share_prefix = re.compile(r"(?:" + _words_re(prefixes) + r")\s+\S", re.I) if prefixes else None
        self.pct_label = re.compile(r"%|\(%\)|pct\.?", re.I)
        drows = words("derived_row_labels")
        self.derived_row = re.compile(r"(?<![\w])(?:" + _words_re(drows) + r")(?![\w])|\+|\s[-−–]\s", re.I) if drows \
            else re.compile(r"(?!)")
        derived = words("derived_headers")
        self.derived_label = re.compile(r"(?<![\w])(?:" + _words_re(derived) + r")(?![\w])|%", re.I) if derived \
            else re.compile(r"(?!)")
        rates = words("rate_headers")
        self.rate_label = re.compile(r"(?<![\w])(?:" + _words_re(rates) + r")(?![\w])", re.I) if rates else None
        total_alt = _words_re(words("total_words"))
        self.total_label = re.compile(r"(?:" + total_alt + r")(?![\w])", re.I)
        self.header_token = re.compile(
            r"(?P<basis>" + self.other_change.pattern + r")|"
            r"(?P<period>" + self.period.pattern + r")|(?P<share>" + self.share_label.pattern + r")|(?P<change>"
            + self.change_label.pattern + r")|(?P<pct>%|\(%\))|(?P<total>(?:" + total_alt + r")(?![\w]))", re.I)
        self.points = re.compile(r"(?<![\w])(?:" + pts + r")(?![\w])", re.I)
        self.prior = re.compile(r"(?<![\w])(?:" + _words_re(words("prior_words")) + r")(?![\w])", re.I)
        self.baseline = re.compile(r"(?:" + _words_re(words("baseline_words")) + r")", re.I) if words("baseline_words") \
            else re.compile(r"(?!)")
        self.current = re.compile(r"(?:" + _words_re(words("current_words")) + r")", re.I) if words("current_words") \
            else re.compile(r"(?!)")
        self.group_words = re.compile(r"(?<![\w])(?:" + _words_re(words("group_words")) + r")(?![\w])", re.I)
        self.share_of_sales = re.compile(r"(?:" + _words_re(words("share_of_sales")) + r")", re.I)

        def label_re(key: str, prefix: bool = False) -> re.Pattern[str]:
            alt = _words_re(words(key))
            return re.compile((r"^(?:" if prefix else r"(?<![\w])(?:") + alt + r")(?![\w])", re.I)

        self.total_row = re.compile(r"^(?:" + total_alt + r")$", re.I)
        self.total_prefix = re.compile(r"^(?:total|totals|group|grand total|sum)\b\s*", re.I)
        self.subtotal_row = label_re("subtotal_words", prefix=True)
        self.of_which_row = re.compile(r"^[\s\-–—•·]*(?:" + _words_re(words("of_which_words")) + r")(?![\w])", re.I)
        self.per_share_row = label_re("per_share_words")
        self.margin_row = re.compile(r"(?<![\w])margins?(?![\w])", re.I)
        # "in % of sales", "as % of revenue", "% of net sales": the row above as a margin
        self.of_sales_row = re.compile(r"^[\s\-–—•·]*(?:in |as )?(?:a )?(?:%|percent|per cent|pct\.?) of (?:"
                                       + _words_re(words("sales_words")) + r")\s*(?:\(%\))?$", re.I)
        self.count_row = label_re("count_rows")
        self.period_total_row = re.compile(r"(?:" + _words_re(words("period_total_rows")) + r")", re.I) \
            if words("period_total_rows") else re.compile(r"(?!)")
        self.count_column = re.compile(r"^(?:(?:number|no\.?)\s+of\s+)?(?:" + _words_re(words("count_columns")) +
                                       r")(?:\s*\((?:units|number|no\.|#|pcs)\))?$", re.I) \
            if words("count_columns") else re.compile(r"(?!)")
        self.unscaled_row = label_re("unscaled_rows")
        self.percent_row = re.compile(r"%|\bper\s?cent\b|\bpercent\b|\bpct\b", re.I)
        self.sales_words = [w.lower() for w in words("sales_words")]
        self.margin_measures = {str(k).lower(): [str(x).lower() for x in v]
                                for k, v in (t.get("margin_measures") or {}).items()}
        self.ratio_rows = [dict(r) for r in (t.get("ratio_rows") or []) if isinstance(r, dict)]
        self.ratio_label = re.compile(r"(?<![\w])(?:" + _words_re(
            w for r in self.ratio_rows for w in (r.get("label") or [])) + r")(?![\w])", re.I)


_LEXICONS: dict[int, tuple[dict, Lexicon]] = {}


def lexicon(vocab: dict[str, Any]) -> Lexicon:
    """The compiled table vocabulary of ``vocab``, built once per rule set."""
    hit = _LEXICONS.get(id(vocab))
    if hit is not None and hit[0] is vocab:
        return hit[1]
    lex = Lexicon(vocab)
    if len(_LEXICONS) > 16:
        _LEXICONS.clear()
    _LEXICONS[id(vocab)] = (vocab, lex)
    return lex


# ------------------------------------------------------------------------------------------ reading lines

_RULE_LINE = re.compile(r"\s*[|+]?(?:\s*:?[-=_—–]{2,}:?\s*[|+]?)+\s*")
_PIPE_OUTER = re.compile(r"^\s*\|(.*?)\|?\s*$")
_STOP_END = frozenset({"to", "of", "at", "by", "from", "in", "was", "were", "is", "are", "reached", "totalled",
                       "totaled", "rose", "fell", "grew", "with", "and", "or", "than", "about", "around", "some",
                       "approximately", "nearly", "almost", "over", "under", "for", "on", "up", "down", "a", "an",
                       "the", "increased", "decreased", "amounted", "came", "stood", "be", "been", "has", "had",
                       "have", "will", "would", "per", "each", "vs", "vs.", "versus", "against", "between", "into"})
_BULLET = re.compile(r"^\s*[•·▪◦●○‣∙*]\s")


@dataclass
class _Tok:
    """A token of a table line: a figure, a missing-value marker, text or nothing."""

    start: int  # offsets in Document.text
    end: int
    text: str
    kind: str  # fig | miss | text | empty
    m: re.Match[str] | None = None
    gap: int = 1  # spaces before this token (space form)


@dataclass
class _Line:
    """A line read as a possible table row: its form, label and cells."""

    start: int
    end: int
    form: str  # tab | pipe | aligned | spaced | rule | blank | text
    label: tuple[int, int, str] | None = None
    cells: list[_Tok] = field(default_factory=list)
    fields: list[_Tok] = field(default_factory=list)  # delimited lines: every field, the first included

    @property
    def figures(self) -> int:
        return sum(1 for c in self.cells if c.kind == "fig")

    @property
    def is_row(self) -> bool:
        return self.form in ("tab", "pipe", "aligned", "spaced") and self.figures > 0


def _classify(lex: Lexicon, text: str, a: int, b: int) -> _Tok:
    s = text[a:b]
    lead = len(s) - len(s.lstrip())
    s2 = s.strip()
    a2, b2 = a + lead, a + lead + len(s2)
    if not s2:
        return _Tok(a, a, "", "empty")
    if s2.lower() in lex.missing or re.fullmatch(r"[-–—]+%?|n\.?\s?[am]\.?", s2, re.I):
        return _Tok(a2, b2, s2, "miss")
    m = lex.fig.fullmatch(s2)
    if m and (m.group("lp") is None) == (m.group("rp") is None) and not (m.group("s1") and m.group("s2")):
        return _Tok(a2, b2, s2, "fig", m)
    return _Tok(a2, b2, s2, "text")


# a field holding a figure and, in brackets after it, the same item's figure of the prior period ("20,910 (17,900)",
# "5.9% (5.0%)") or a header naming both periods ("FY2024 (FY2023)", "Q3 2025 (Q3 2024)")
_PAIRED = re.compile(r"\s*(?P<a>[^\s()][^()]*?)\s+\((?P<b>[^()]+)\)\s*")


def _paired(lex: Lexicon, text: str, a: int, b: int) -> list[_Tok]:
    """The field ``text[a:b]`` of a delimited line as one token, or as two when it is a figure with the prior
    period's figure of a like kind in brackets after it, or two periods the same way (its header): results releases
    give the prior year so in one column ("Orders | 20,910 (17,900) | +16.8%")."""
    one = _classify(lex, text, a, b)
    if one.kind != "text" or "(" not in one.text:
        return [one]
    m = _PAIRED.fullmatch(text, a, b)
    if m is None:
        return [one]
    x = _classify(lex, text, m.start("a"), m.end("a"))
    y = _classify(lex, text, m.start("b"), m.end("b"))
    if x.kind == "fig" and y.kind == "fig" and x.text.endswith("%") == y.text.endswith("%") and \
            not y.text.lstrip("+-−–").startswith(("+", "-", "−", "–")):
        return [x, y]
    if x.kind == "text" and y.kind == "text" and _label_kind(lex, x.text) == "period" == _label_kind(lex, y.text):
        return [x, y]
    return [one]


def _delimited(lex: Lexicon, text: str, a: int, b: int, sep: str) -> _Line:
    line = text[a:b]
    off = a
    if sep == "|":
        mo = _PIPE_OUTER.match(line)
        if mo:
            off = a + mo.start(1)
            line = mo.group(1)
    fields: list[_Tok] = []
    pos = 0
    for part in line.split(sep):
        fields.extend(_paired(lex, text, off + pos, off + pos + len(part)))
        pos += len(part) + 1
    # "RDT&E                         18.6 |      15.7 |       26.5": a first field holding the label and, two or more
    # spaces after it, the first figure (columns aligned before the first pipe) is two fields
    lead = re.fullmatch(r"(\s*\S.*?\S)\s{2,}(\S+)\s*", text[fields[0].start:fields[0].end]) if fields[0].kind == "text" \
        and fields[0].end > fields[0].start else None
    if lead is not None:
        x = _classify(lex, text, fields[0].start + lead.start(2), fields[0].start + lead.end(2))
        if x.kind == "fig" and not _yearlike(x.text):
            fields = [_classify(lex, text, fields[0].start + lead.start(1), fields[0].start + lead.end(1)), x] + fields[1:]
    out = _Line(a, b, "tab" if sep == "\t" else "pipe", fields=fields)
    first = fields[0]
    if first.kind == "text" or (first.kind == "fig" and _yearlike(first.text)):
        out.label = (first.start, first.end, first.text)
        out.cells = fields[1:]
    elif first.kind == "empty":
        out.label = (first.start, first.start, "")
        out.cells = fields[1:]
    else:
        out.label = (first.start, first.start, "")
        out.cells = fields
    return out


def _yearlike(s: str) -> bool:
    """A year as a header writes it: "2024", and "2025e", "2026F", "2024p" (estimate, forecast, provisional)."""
    return bool(re.fullmatch(r"(?:19[5-9]\d|20\d\d)[efpEFP]?", s))


_PERIODISH = re.compile(r"(?:q[1-4]|[1-4]q|h[12]|[12]h|fy|ytd|year|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|"
                        r"june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
                        r"|[a-z]+-(?:jun|dec|sep|mar)[a-z]*)\.?,?$", re.I)


_JOINS_FIGURE = ("%", "pp", "pts", "pt", "pt.", "p.p.", "bps", "ppt")  # written apart from the figure it follows
# a scale word one space after a figure is its scale ("Sensors        €719 million", "Exports   SEK 4.6 billion")
_SCALE_AFTER = ("million", "billion", "trillion", "thousand", "mn", "bn", "mln", "bln")


def _spaced(lex: Lexicon, text: str, a: int, b: int) -> _Line:
    toks: list[_Tok] = []
    prev_end = a
    for m in re.finditer(r"\S+", text[a:b]):
        s, e = a + m.start(), a + m.end()
        t = _classify(lex, text, s, e)
        t.gap = s - prev_end
        prev_end = e
        toks.append(t)
    # a currency written apart from its figure ("$ 11,293") and a "%" apart from it ("22.0 %") join it
    merged: list[_Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.kind == "text" and nxt is not None and nxt.kind == "fig" and nxt.gap == 1 \
                and lex.cur_only.fullmatch(t.text) and not nxt.m.group("cur"):  # type: ignore[union-attr]
            j = _classify(lex, text, t.start, nxt.end)
            if j.kind == "fig":
                j.gap = t.gap
                merged.append(j)
                i += 2
                continue
        # "22.0 %" joins its figure; so does a unit of measure one space after it, the cells two or more spaces apart
        # ("Corvettes   4   107 m"; a scale letter it can be, "2,131 m", joins it as such, another unit is dropped)
        pct = t.text.lower() in _JOINS_FIGURE or (t.text.lower() in _SCALE_AFTER and bool(merged) and merged[-1].gap >= 2)
        unit = not pct and t.text in lex.units and (nxt is None or nxt.gap >= 2)
        if t.kind == "text" and (pct or unit) and merged and merged[-1].kind == "fig" and t.gap == 1 \
                and not _yearlike(merged[-1].text):
            j = _classify(lex, text, merged[-1].start, t.end)
            if j.kind == "fig":
                j.gap = merged[-1].gap
                merged[-1] = j
            if j.kind == "fig" or unit:
                i += 1
                continue
        merged.append(t)
        i += 1
    toks = merged
    if any(t.gap >= 2 for t in toks[1:]):
        # "Kongsberg Maritime   6 215   5 480   13.4": in columns two or more spaces apart, a group of three digits one
        # space after a number is its thousands (Nordic and French releases group digits with spaces)
        joined: list[_Tok] = []
        for t in toks:
            prev = joined[-1] if joined else None
            if prev is not None and prev.kind == "fig" and t.kind == "fig" and t.gap == 1 and \
                    re.fullmatch(r"\d{3}", t.text) and re.fullmatch(r"[-−–]?\d{1,3}(?:\s\d{3})*", prev.text):
                j = _classify(lex, text, prev.start, t.end)
                if j.kind == "fig":
                    j.gap = prev.gap
                    joined[-1] = j
                    continue
            joined.append(t)
        toks = joined
    k = len(toks)
    while k > 0 and toks[k - 1].kind in ("fig", "miss"):
        k -= 1
    label_toks, cells = toks[:k], toks[k:]
    # a year right after a period word belongs to the label ("Q2 2023 1,200 1,000")
    while cells and label_toks and cells[0].kind == "fig" and _yearlike(cells[0].text) \
            and _PERIODISH.match(label_toks[-1].text) and len(cells) > 1:
        label_toks.append(cells.pop(0))
    # "Free cash flow (1)      (12)      140": a footnote marker one space after the label, the cells two or more
    # spaces apart, is the label's (not a negative one)
    if label_toks and len(cells) > 1 and cells[0].gap == 1 and re.fullmatch(r"\(\d{1,2}\)|\[\d{1,2}\]", cells[0].text) \
            and all(c.gap >= 2 for c in cells[1:]):
        label_toks.append(cells.pop(0))
    # "LAND 400    5,248.0   5,695.2": a bare number one space after a label word, the cells two or more spaces
    # apart, is the label's designator
    elif label_toks and len(cells) >= 3 and cells[0].gap == 1 and re.fullmatch(r"\d{1,4}", cells[0].text) \
            and all(c.gap >= 2 for c in cells[1:]) and re.search(r"[^\W\d_]", label_toks[-1].text) \
            and all(re.search(r"\d[.,\s]\d", c.text) for c in cells[1:] if c.kind == "fig"):  # the cells are written
        # otherwise ("5,248.0"): not "Adjusted free cash flow 152       181    -16.0%"
        label_toks.append(cells.pop(0))
    aligned = any(c.gap >= 2 for c in cells) or (label_toks and cells and cells[0].gap >= 2)
    out = _Line(a, b, "aligned" if aligned else "spaced", cells=cells)
    if label_toks:
        out.label = (label_toks[0].start, label_toks[-1].end, text[label_toks[0].start:label_toks[-1].end])
    else:
        out.label = (cells[0].start if cells else a, cells[0].start if cells else a, "")
    return out


_KEY_VALUE = re.compile(r"[^|\n]{1,120}\S\s*\|\s*\S[^|\n]{0,30}")


def _read_line(lex: Lexicon, text: str, a: int, b: int) -> _Line:
    s = text[a:b]
    if not s.strip():
        return _Line(a, b, "blank")
    if "\t" in s:
        return _delimited(lex, text, a, b, "\t")
    # "| a | b |", "a | b | c", and the two-column "Hsiung Feng III anti-ship missile systems | 33.7"
    if s.count("|") >= 2 or (s.count("|") == 1 and (s.strip().startswith("|") or _KEY_VALUE.fullmatch(s))):
        if _RULE_LINE.fullmatch(s):
            return _Line(a, b, "rule")
        return _delimited(lex, text, a, b, "|")
    if _RULE_LINE.fullmatch(s) and sum(ch in "-=_—–" for ch in s) >= 3:
        return _Line(a, b, "rule")
    if _BULLET.match(s) or len(s) > 400:
        return _Line(a, b, "text")
    # a line whose last word is no figure, no missing value and no unit that joins the figure before it has no
    # cells: _spaced would make it a text line labelled with all its words (most lines of prose end so)
    end = len(s.rstrip())  # str white space is re's \s: the words are _spaced's tokens
    last2 = s.rsplit(None, 2)
    last = last2[-1]
    # (nor a unit of measure after a figure: "Corvettes   4   107 m")
    unit_after_figure = last in lex.units and len(last2) > 1 and lex.fig.fullmatch(last2[-2]) is not None
    # (in columns: the figure set off by two or more spaces, "Sensors        €719 million"; not a bullet of prose,
    # "- Intelligence community: $2,346 million")
    scale_after_figure = last.lower() in _SCALE_AFTER and len(last2) > 2 and lex.fig.fullmatch(last2[-2]) is not None \
        and re.search(r"\S {2,}" + re.escape(last2[-2]) + r"\s+" + re.escape(last) + r"\s*$", s) is not None
    if last.lower() not in _JOINS_FIGURE and not unit_after_figure and not scale_after_figure and \
            _classify(lex, text, a + end - len(last), a + end).kind == "text":
        lead = len(s) - len(s.lstrip())
        return _Line(a, b, "text", label=(a + lead, a + end, s[lead:end]))
    line = _spaced(lex, text, a, b)
    label = (line.label[2] if line.label else "").strip()
    if not line.cells:
        return _Line(a, b, "text", label=line.label)
    if len(line.cells) == 1 and line.cells[0].kind == "fig" and _yearlike(line.cells[0].text) and label \
            and _PERIODISH.match(label.split()[-1]):
        return _Line(a, b, "text", label=(a, b, s))  # "Employees by country, 31 December 2024": a caption's date
    words = label.split()
    if words and (words[-1].lower().strip(",;:") in _STOP_END or label.endswith((",", ";"))
                  or (label.endswith(":") and len(line.cells) < 2)
                  or len(words) > 10 or label.count(",") > 2 or _sentence_stop(label)):
        return _Line(a, b, "text", label=line.label)
    return line


def _sentence_stop(label: str) -> bool:
    """Does the label hold a full stop between sentences ("Sales rose. Orders fell 3"), not one after an abbreviation
    ("Other suppliers (incl. foreign)", "approx. total", "Saab Inc. US")?"""
    return any(m.group(1).lower() not in _ABBREVIATIONS for m in _STOP.finditer(label))


_STOP = re.compile(r"(\w*)\. ")
_ABBREVIATIONS = frozenset({"incl", "excl", "approx", "est", "ca", "no", "nos", "vs", "inc", "ltd", "co", "corp", "dept",
                            "govt", "int", "intl", "e.g", "i.e", "g", "e", "etc", "avg", "div", "op", "adj", "cf", "mil",
                            "mn", "bn", "mln", "mld", "thous", "resp", "ex", "prev", "yr", "yrs", "qty", "nr"})


# ---------------------------------------------------------------------------------------------- headers


@dataclass
class _Label:
    """A column label of a header line, with the kind of column it names."""

    start: int
    end: int
    text: str
    kind: str  # period | change | share | pct | total | other | empty


def _header_labels(lex: Lexicon, text: str, ln: _Line) -> tuple[list[_Label], _Label | None]:
    """The column labels of a header line, and its stub (the label column's header: "MSEK", "")."""
    if ln.form in ("tab", "pipe"):
        labs = [_Label(f.start, f.end, f.text, _label_kind(lex, f.text)) for f in ln.fields]
        return labs, None
    a, b = ln.start, ln.end
    s = text[a:b]
    # aligned with two or more spaces: each field one label
    fields = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", s)]
    if len(fields) >= 2 and re.search(r"\S {2,}\S", s):
        labs = [_Label(a + x, a + y, s[x:y], _label_kind(lex, s[x:y])) for x, y in fields]
        # a field holding several periods with single spaces ("Q2 2023 Q2 2022") is split
        out: list[_Label] = []
        for lab in labs:
            pair = _paired(lex, text, lab.start, lab.end)
            if len(pair) == 2 and pair[0].kind == "text":  # "FY2024 (FY2023)": this period and, in brackets, the prior
                out.extend(_Label(t.start, t.end, t.text, "period") for t in pair)
                continue
            # "% of FY25" is one label, and so is a span of years ("2025-2030": the years' total)
            parts = _scan_labels(lex, text, lab.start, lab.end) if lab.kind != "share" and \
                not _year_span(lab.text) else None
            if parts is not None and len(parts[0]) > 1 and parts[1] is None:
                out.extend(parts[0])
            else:
                out.append(lab)
        # the first field is the stub ("SEK m") when it names no column and the others do
        if len(out) > 2 and out[0].kind == "other" and all(lab.kind != "other" for lab in out[1:]):
            return out[1:], out[0]
        return out, None
    slashed = _slashed_labels(lex, text, a, b)
    if slashed:
        return slashed, None
    parts = _scan_labels(lex, text, a, b)
    if parts is None:
        return [], None
    return parts[0], parts[1]


_YEAR_SPAN_RE = re.compile(r"\s*(?:FY\s?)?((?:19|20)\d{2})\s*[-–]\s*(?:FY\s?)?((?:19|20)\d{2}|\d{2})\s*", re.I)


def _year_span(t: str) -> bool:
    """"2025-2030", "FY2025-FY2030": a span of two or more years (not a fiscal year, "2024-25")."""
    m = _YEAR_SPAN_RE.fullmatch(t)
    if m is None:
        return False
    a, b = int(m.group(1)), m.group(2)
    end = int(b) if len(b) == 4 else a - a % 100 + int(b)
    return end - a >= 2


def _slashed_labels(lex: Lexicon, text: str, a: int, b: int) -> list[_Label]:
    """"Financial performance measures – year ended 31 December: 2024 / 2023 / Variance2": a caption, a colon,
    then the labels separated by slashes (a footnote digit glued to a word is no part of its label)."""
    s = text[a:b]
    colon = s.rfind(":")
    tail = s[colon + 1:] if colon >= 0 else s
    if tail.count("/") < 1 or re.search(r"\d/\d", tail):
        return []
    base = a + (colon + 1 if colon >= 0 else 0)
    labs: list[_Label] = []
    for m in re.finditer(r"[^/]+", tail):
        x, y = m.start() + (len(m.group()) - len(m.group().lstrip())), m.start() + len(m.group().rstrip())
        if x >= y:
            return []
        word = re.sub(r"(?<=[a-z])\d{1,2}$", "", tail[x:y])
        kind = _label_kind(lex, word)
        if kind == "change" and word != tail[x:y]:
            kind = "basis"  # "Variance2": a footnote may define the change on another basis (constant currency)
        labs.append(_Label(base + x, base + x + len(word), word, kind))
    if len(labs) < 2 or sum(lab.kind in ("period", "change", "share", "pct") for lab in labs) < 2:
        return []
    return labs


def _scan_labels(lex: Lexicon, text: str, a: int, b: int) -> tuple[list[_Label], _Label | None] | None:
    """Labels of a single-spaced header ("MSEK Jan-Jun 2023 Jan-Jun 2022 Change in % Q2 2023"), or None when
    words that are no column label stand between them."""
    s = text[a:b]
    labs: list[_Label] = []
    stub: _Label | None = None
    pos = 0
    for m in lex.header_token.finditer(s):
        if m.start() < pos:
            continue
        gap = s[pos:m.start()]
        kind = m.lastgroup or "other"
        start = m.start()
        if gap.strip():
            if labs:
                # a word or two the vocabulary does not know, before a period ("Rolling 12M"? no: no digits): the
                # label's own words; anything else between labels makes the line no header
                if kind != "period" or len(gap.split()) > 2 or re.search(r"\d", gap):
                    return None
                start = pos + (len(gap) - len(gap.lstrip()))
            else:
                stub = _Label(a + pos + (len(gap) - len(gap.lstrip())), a + pos + len(gap.rstrip()), gap.strip(),
                              "other")
        labs.append(_Label(a + start, a + m.end(), s[start:m.end()], kind))
        pos = m.end()
    if s[pos:].strip():
        return None
    return labs, stub


def _label_kind(lex: Lexicon, s: str) -> str:
    t = s.strip()
    if not t:
        return "empty"
    if lex.share_label.fullmatch(t) or (lex.share_prefix is not None and lex.share_prefix.match(t)):
        return "share"
    if lex.other_basis.search(t) and (lex.change_label.search(t) or lex.other_change.search(t)):
        return "basis"  # "Organic change", "Change at constant currency": another basis than the table's figures
    if lex.change_label.fullmatch(t) or lex.change_label.match(t):
        return "change"
    if t in ("%", "(%)", "in %", "%-"):
        return "pct"
    if _year_span(t):
        return "total"  # "2025-2030" beside the years: their total
    if lex.period.fullmatch(t) or (lex.year.search(t) and len(t) <= 40 and not lex.total_label.match(t)):
        return "period"
    if lex.prior.fullmatch(t) or lex.baseline.fullmatch(t) or lex.current.fullmatch(t):
        return "period"  # "Previous year", "Baseline", "Current estimate": the levels a change column compares
    if lex.total_label.fullmatch(t):
        return "total"
    return "other"


def _same_period(cols: list[Column], a: int, b: int) -> bool:
    """Two period columns of one period (the same year or quarter read from their labels)."""
    oa, ob = cols[a].order, cols[b].order
    return oa is not None and oa == ob


def _one_earlier(cols: list[Column], cur: int) -> int | None:
    """The one period column of the table earlier than column ``cur``'s period, when every other period column is
    of ``cur``'s period (the same period on another basis); else None."""
    oc = cols[cur].order
    if oc is None:
        return None
    earlier = [k for k, c in enumerate(cols) if c.role == "period" and c.order is not None and c.order < oc]
    others = [k for k, c in enumerate(cols) if c.role == "period" and k != cur and k not in earlier]
    if len(earlier) != 1 or any(cols[k].order != oc for k in others) or \
            _period_length(cols[earlier[0]].label) != _period_length(cols[cur].label):
        return None
    return earlier[0]


def _period_key(lex: Lexicon, label: str) -> str:
    """A period label without its year: the kind of period ("Q2", "Jan-Jun", "")."""
    return re.sub(r"\s+", " ", lex.year.sub("", label)).strip(" -/'’").lower()


_FULL_YEAR = re.compile(r"(?:FY\s?'?\d{2}(?:\d{2})?|(?:fiscal|financial|full[- ]year)\s+(?:year\s+)?\d{4}|(?:19|20)\d\d)", re.I)
_CUMULATIVE = re.compile(r"\b(?:(?P<nine>9M|nine\s+months|Q1\s?[-–]\s?Q3|Jan(?:uary)?\s?[-–]\s?Sep(?:tember)?)|H1|1H|6M|"
                         r"first\s+half|six\s+months|Q1\s?[-–]\s?Q2|Jan(?:uary)?\s?[-–]\s?Jun(?:e)?)(?!\w)", re.I)
_QUARTER = re.compile(r"\b(?:Q[1-4]|[1-4]Q|(?:first|second|third|fourth)\s+quarter)\b", re.I)
_SUB_YEAR = re.compile(r"\b(?:Q[1-4]|[1-4]Q|H[12]|[12]H|(?:first|second|third|fourth)\s+(?:quarter|half))\b", re.I)


_LENGTHS = (("quarter", re.compile(r"\b(?:Q[1-4]|[1-4]Q|quarter|three\s+months|3M)\b", re.I)),
            ("half", re.compile(r"\b(?:H[12]|[12]H|half|six\s+months|6M|Jan(?:uary)?\s*[-–]\s*June?|"
                                r"July?\s*[-–]\s*Dec(?:ember)?)\b", re.I)),
            ("nine", re.compile(r"\b(?:9M|nine\s+months|Jan(?:uary)?\s*[-–]\s*Sep(?:t|tember)?)\b", re.I)))


def _period_length(label: str) -> str | None:
    """How long a period column's label says its period is (quarter, half, nine months), or None (a year, or unsaid)."""
    for name, pat in _LENGTHS:
        if pat.search(label or ""):
            return name
    return None


def _period_order(lex: Lexicon, label: str) -> tuple[int, ...] | None:
    y = lex.year.search(label)
    if not y:
        return None
    year = int(y.group(1)) if y.group(1) else 2000 + int(y.group(2))
    d = lex.date_md.search(label)
    if d:
        if d.group(1):
            return (year, _month_index(d.group(1)), int(d.group(2)))
        return (year, _month_index(d.group(5)), int(d.group(4)))
    q = lex.quarter.search(label)
    if q:
        return (year, int(q.group(1) or q.group(2)) * 3, 0)
    h = lex.half.search(label)
    if h:
        return (year, int(h.group(1) or h.group(2)) * 6, 0)
    ms = lex.month_span.search(label)
    if ms:
        return (year, _month_index(ms.group(2)), 0)
    low = label.lower()
    for word, month in (("nine months", 9), ("9m", 9), ("six months", 6), ("6m", 6), ("three months", 3),
                        ("3m", 3), ("first half", 6), ("second half", 12)):
        if word in low:
            return (year, month, 0)
    return (year, 12, 0)


# ---------------------------------------------------------------------------------------------- scales


@dataclass(frozen=True)
class _Scale:
    """What a header scales its amounts by, and the currency it names."""

    factor: float = 1.0
    text: str | None = None
    currency: str | None = None
    excepting: bool = False


def _scale_of(lex: Lexicon, s: str) -> _Scale:
    """The scale and currency a header or caption gives ("MSEK", "(€m)", "in millions, except per share")."""
    exc = bool(lex.except_re.search(s))
    m = lex.scale_glued_before.search(s)
    if m:
        sc = m.group("sc").lower().rstrip(".")
        f = {"m": 1e6, "t": 1e3, "k": 1e3, "mio": 1e6, "mrd": 1e9, "tsd": 1e3, "bn": 1e9, "mn": 1e6}.get(sc, 1.0)
        return _Scale(f, m.group(), lex.currencies.get(m.group("cur")), exc)
    m = lex.scale_after.search(s)
    if m:
        cur = m.group("cur") or m.group("sym")
        return _Scale(lex.scales.get(m.group("sc").lower(), 1.0), m.group(), lex.currencies.get(cur or ""), exc)
    m = lex.scale_in.search(s)
    if m:
        cur = lex.currencies.get(m.group("cur") or "") or _currency_name(lex, m.group("curname"))
        return _Scale(lex.scales.get(m.group("sc").lower(), 1.0), m.group(), cur, exc)
    m = lex.scale_of.search(s)
    if m:
        return _Scale(lex.scales.get(m.group("sc").lower(), 1.0), m.group(), _currency_name(lex, m.group("curname")),
                      exc)
    m = lex.code.search(s)
    if m and (m.group("cur") or (m.group("sym") and len(s.strip()) <= 6)):
        return _Scale(1.0, None, lex.currencies.get(m.group("cur") or m.group("sym")), exc)
    return _Scale()


def _currency_name(lex: Lexicon, name: str | None) -> str | None:
    if not name:
        return None
    n = name.lower().strip()
    for word, code in (("dollar", "USD"), ("euro", "EUR"), ("pound", "GBP"), ("krona", "SEK"), ("kronor", "SEK"),
                       ("yen", "JPY"), ("won", "KRW")):
        if n.startswith(word):
            return code
    return None


# ------------------------------------------------------------------------------------------ find_tables

_MAX_COLS = 24
_MAX_HEADER_LINES = 5
PLAUSIBLE = 0.75  # a placement of a short row costing at most this much more than the best one stays plausible


_FOUND: weakref.WeakKeyDictionary[Document, tuple[int, list[Table]]] = weakref.WeakKeyDictionary()


def find_tables(doc: Document, vocab: dict[str, Any] | None = None) -> list[Table]:
    """Every table in ``doc``: header, columns and rows, each cell with its span and its figure (once per document
    and vocabulary: the pipeline's mention list and the linker both ask)."""
    hit = _FOUND.get(doc)
    if hit is not None and hit[0] == id(vocab):
        return hit[1]
    found = _find_tables(doc, vocab)
    _FOUND[doc] = (id(vocab), found)
    return found


# dot leaders between a label and its figures ("Air ........ 8,935 ..... 8,116"): white space, same length
_LEADERS = re.compile(r"(?<=[ \t])\.{2,}(?=[ \t])|\.{4,}|…{2,}")


def _find_tables(doc: Document, vocab: dict[str, Any] | None = None) -> list[Table]:
    text = doc.text
    if (" .. " in text or "..." in text or "……" in text) and _LEADERS.search(text):
        from dataclasses import replace

        text = _LEADERS.sub(lambda m: " " * len(m.group()), text)  # offsets unchanged
        doc = replace(doc, text=text, source=doc.source if doc.source is not None else doc.text)
    if not maybe_tables(text):
        return []
    if vocab is None:
        from ..ruleset import load_rules

        vocab = load_rules().vocab
    lex = lexicon(vocab)
    spans: list[tuple[int, int]] = []
    pos = 0
    for part in text.split("\n"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    lines = [_read_line(lex, text, a, b) for a, b in spans]
    _key_value_lists(lex, text, lines)
    doc_locale: list[str] = []  # decided once, on first need
    tables: list[Table] = []
    i, n = 0, len(lines)
    while i < n:
        if not lines[i].is_row or _is_header_line(lex, text, lines[i]) or _dated_caption(text, lines[i]):
            i += 1
            continue
        j = i
        rows: list[int] = []
        last_row = i
        while j < n:
            ln = lines[j]
            if ln.is_row:
                if rows and _is_header_line(lex, text, ln):
                    break
                rows.append(j)
                last_row = j
            elif ln.form == "rule":
                pass
            elif ln.form == "text" and _section_line(text, ln) and j + 1 < n and lines[j + 1].is_row:
                rows.append(j)
            elif ln.form in ("tab", "pipe") and not ln.figures and rows and j + 1 < n and lines[j + 1].is_row \
                    and not _is_header_line(lex, text, ln):
                rows.append(j)  # a section label in a delimited table
            else:
                break
            j += 1
        rows = [r for r in rows if r <= last_row]
        t = _build(lex, doc, lines, i, rows, doc_locale)
        if t is not None:
            tables.append(t)
        i = max(j, i + 1)
    return tables


# a bulleted "label: figure" line ("• IRIS-T SLS launchers: 4", "- Europe: €2.1bn"): one figure and nothing after it
_KV_LINE = re.compile(r"\s*(?:[-•·▪◦●○‣∙*–]|\d{1,2}[.)])\s+(?P<label>[^:\n]{1,80}?)\s*:\s*(?P<fig>\S(?:[^\n]{0,28}\S)?)\s*")


def _key_value_lists(lex: Lexicon, text: str, lines: list[_Line]) -> None:
    """A bulleted list of "label: figure" lines whose last line is labelled a total ("• Fire units: 6 / • Launchers: 4 /
    • Total systems delivered: 11") is a table of one column: its lines become rows (in place in ``lines``). Without
    a total line the bullets stay prose (a list of results, "- Net sales: $542.6m"), read by the linker. Bounded: each
    line is read once."""
    i, n = 0, len(lines)
    while i < n:
        run: list[tuple[int, re.Match[str], _Tok]] = []
        j = i
        while j < n and lines[j].form == "text":
            ln = lines[j]
            m = _KV_LINE.fullmatch(text, ln.start, ln.end)
            if m is None:
                break
            tok = _classify(lex, text, m.start("fig"), m.end("fig"))
            if tok.kind != "fig":
                break
            run.append((j, m, tok))
            j += 1
        last = run[-1][1].group("label") if run else ""
        if len(run) >= 3 and (lex.total_row.match(last) or lex.total_prefix.match(last)):
            for k, m, tok in run:
                tok.gap = 2
                lines[k] = _Line(lines[k].start, lines[k].end, "aligned",
                                 label=(m.start("label"), m.end("label"), m.group("label")), cells=[tok])
        i = max(j, i + 1)


def _bracketed_prior_column(rows: list[Row], columns: list[Column], text: str = "") -> list[Row]:
    """A column whose every figure is in brackets beside a column of the same rows' figures of a like size ("Sales
    €2,131m (€1,948m)", "Adjusted EBIT margin 5.9% (5.0%)", "Employees 8,650 (7,900)") gives the prior period's
    figures, as results releases write them ("prior-year figures in brackets"): not negatives. (A change column, or
    one whose bracketed figures are far smaller than their neighbours', keeps its negatives.)"""
    from dataclasses import replace as dc_replace

    placed = [r.placed() for r in rows]
    flip: set[int] = set()
    for k, col in enumerate(columns):
        if k == 0 or col.role in ("change", "share"):
            continue
        pairs = [(p.get(k - 1), p[k]) for p in placed if k in p and p[k].mention is not None]
        # (one row is enough under a header that brackets this column's period: "Q3 2025 (Q3 2024)")
        least = 1 if 0 < col.start <= len(text) and text[col.start - 1] == "(" else 3
        if len(pairs) < least or not all(c.negative and c.text.lstrip()[:1] in "(" + "".join(_CURRENCY_SIGNS) and "(" in c.text
                                     and c.text.rstrip().endswith(")") for _, c in pairs):
            continue
        # (a row whose left figure is bracketed too - "Net loss (19.2) (44.6)" - says nothing either way; the others
        # must all be of a like size, and at least three)
        plain = [(a, c) for a, c in pairs if a is None or not a.negative]
        if len(plain) >= least and all(a is not None and a.mention is not None and a.mention.value and c.mention is not None
                                   and 0.2 <= abs((c.mention.value or 0.0) * _inherited_scale(a, c) / a.mention.value) <= 5
                                   for a, c in plain):
            flip.add(k)
    if not flip:
        return rows
    out = []
    for r, p in zip(rows, placed, strict=True):
        cells = list(r.cells)
        for k in flip:
            c = p.get(k)
            if c is None or c.mention is None or not c.negative or ((a := p.get(k - 1)) is not None and a.negative):
                continue
            i = next(i for i, x in enumerate(cells) if x is c)
            # "CHF 1,608 million (1,514)": the bracketed figure is written at its neighbour's scale and currency
            f = _inherited_scale(a, c)
            like: dict = {}
            if f != 1.0 and a is not None and a.mention is not None:
                like = {"half_step": (c.mention.half_step or 0.0) * f, "scale": a.mention.scale}
                if a.mention.type == "currency" and c.mention.type == "number":
                    like.update(type="currency", unit=a.mention.unit)
            m = dc_replace(c.mention, value=abs(c.mention.value or 0.0) * f, **like)
            raw = dc_replace(c.raw, value=abs(c.raw.value or 0.0) * f, **like) if c.raw is not None else None
            cells[i] = dc_replace(c, mention=m, raw=raw, negative=False)
        out.append(dc_replace(r, cells=tuple(cells)))
    return out


_CURRENCY_SIGNS = "$€£¥₹"


def _inherited_scale(a: Cell | None, c: Cell) -> float:
    """The factor a bracketed prior-period figure written without a scale takes from the figure beside it ("CHF 1,608
    million (1,514)": millions too); 1 when it has a scale of its own or its neighbour has none."""
    if a is None or a.mention is None or c.mention is None or c.mention.scale or not a.mention.scale or \
            not re.fullmatch(r"\(\s*[-−–]?\d[\d.,\s]*\)", c.text.strip()):
        return 1.0  # (not "94.4 m (310 ft)": a figure in another unit)
    return _SUFFIX_SCALE.get(a.mention.scale, 1.0)


def _unheaded_change(rows: list[Row], columns: list[Column], text: str) -> list[Column]:
    """A table with no header whose rows give a figure, the prior period's in brackets and a signed percent ("Raytheon
    $7,010m ($6,541m) +9%", under "Segment sales (prior-year quarter in brackets)"): the third column is the change
    from the second to the first, as a change column under a header would be."""
    if len(columns) != 3 or any(c.label or c.role != "other" for c in columns) or len(rows) < 2:
        return columns
    placed = [r.placed() for r in rows]
    for p in placed:
        a, b, d = p.get(0), p.get(1), p.get(2)
        if a is None or b is None or d is None or a.mention is None or b.mention is None or d.mention is None:
            return columns
        if not (b.text.lstrip().startswith("(") and b.text.rstrip().endswith(")") and not b.negative):
            return columns  # (the bracketed figures were read as the prior period's: _bracketed_prior_column)
        if d.mention.type != "percent" or d.text.lstrip()[:1] not in ("+", "-", "−", "–"):
            return columns
    return [_replace(columns[0], role="period"), _replace(columns[1], role="period", prior=True),
            _replace(columns[2], role="change", pair=(1, 0), percent=True, pair_certain=True)]


def _unheaded_share(rows: list[Row], columns: list[Column]) -> tuple[list[Row], list[Column]]:
    """A column with no header whose every figure is a percentage in brackets after an amount, and whose total row
    gives 100% ("United States 247,000 (48%)" ... "Total 510,000 (100%)", under "Breakdown by recipient (kilolitres;
    share of total)"): each row's share of the total of the amounts before it, not a negative figure."""
    from dataclasses import replace as dc_replace

    for k, col in enumerate(columns):
        if k == 0 or col.label or col.role != "other":
            continue
        placed = [r.placed() for r in rows]
        cells = [(p.get(k - 1), p[k]) for p in placed if k in p and p[k].mention is not None]
        if len(cells) < 3 or not all(c.percent and c.text.strip().startswith("(") and c.text.strip().endswith(")")
                                     and a is not None and a.mention is not None and not a.percent for a, c in cells):
            continue
        totals = [p[k] for r, p in zip(rows, placed, strict=True) if r.kind == "total" and k in p
                  and p[k].mention is not None]
        if not totals or abs(abs(totals[-1].mention.value or 0.0) - 100.0) > 0.51:  # type: ignore[union-attr]
            continue
        columns = [*columns[:k], _replace(col, role="share", percent=True, whole="total", pair=(k - 1, k - 1)),
                   *columns[k + 1:]]
        out = []
        for r, p in zip(rows, placed, strict=True):
            c = p.get(k)
            if c is None or c.mention is None or not c.negative:
                out.append(r)
                continue
            i = next(i for i, x in enumerate(r.cells) if x is c)
            m = dc_replace(c.mention, value=abs(c.mention.value or 0.0))
            raw = dc_replace(c.raw, value=abs(c.raw.value or 0.0)) if c.raw is not None else None
            out.append(dc_replace(r, cells=(*r.cells[:i], dc_replace(c, mention=m, raw=raw, negative=False),
                                            *r.cells[i + 1:])))
        rows = out
    return rows, columns


def _designators_to_labels(text: str, rows: list[_Line]) -> None:
    """"CVN 78        13.3", "Type 26     1,240      980" among rows of one figure fewer ("Total   51.1"): a bare number
    one space after the label's last word, the row's other cells two or more spaces apart, is the label's
    designator, when that gives the row as many cells as most rows of its table have."""
    spaced = [ln for ln in rows if ln.form in ("aligned", "spaced")]
    if len(spaced) < 3:
        return
    counts: dict[int, int] = {}
    for ln in spaced:
        counts[len(ln.cells)] = counts.get(len(ln.cells), 0) + 1

    def designated(ln: _Line) -> bool:
        if not ln.label or not ln.label[2].strip() or len(ln.cells) < 2:
            return False
        first = ln.cells[0]
        return first.kind == "fig" and first.gap == 1 and re.fullmatch(r"\d{1,4}[A-Za-z]?", first.text) is not None \
            and all(c.gap >= 2 for c in ln.cells[1:]) and re.search(r"[A-Za-z]\s*$", ln.label[2]) is not None

    marked = [ln for ln in spaced if designated(ln)]
    sizes = [len(ln.cells) for ln in marked]  # (as read, before any is moved)
    moves = []
    for k, ln in enumerate(marked):
        fewer = sizes[k] - 1
        # the table's rows have that many cells: rows that already do, and the other designator rows once moved
        if counts.get(fewer, 0) + sum(1 for j in range(len(marked)) if j != k and sizes[j] == sizes[k]) < 2 or \
                (counts.get(fewer, 0) == 0 and fewer < 2):
            continue
        moves.append(ln)
    for ln in moves:
        first = ln.cells[0]
        start = ln.label[0] if ln.label else first.start
        ln.label = (start, first.end, text[start:first.end])
        ln.cells = ln.cells[1:]


def _dated_caption(text: str, ln: _Line) -> bool:
    """"Active-duty women by service, fiscal 2023" above a table: a title whose one "figure" is the year it ends on,
    set off by a comma or "in"/"for" after two or more words, is the table's caption, not its first row."""
    if ln.form not in ("aligned", "spaced") or len(ln.cells) != 1 or ln.label is None:
        return False
    cell = ln.cells[0]
    if cell.kind != "fig" or not _yearlike(cell.text.strip()):
        return False
    label = ln.label[2].strip()
    return len(label.split()) >= 3 and bool(re.search(r"(?:,|\b(?:in|for|of|fiscal|FY))\s*$", label, re.I))


def _section_line(text: str, ln: _Line) -> bool:
    s = text[ln.start:ln.end].strip()
    return 0 < len(s) <= 60 and len(s.split()) <= 7 and not s.endswith(".") and not _BULLET.match(s) \
        and not re.search(r"\d", s)


def _is_header_line(lex: Lexicon, text: str, ln: _Line) -> bool:
    """A line of column labels: periods, change or share words, and no figure but years."""
    if ln.form in ("tab", "pipe"):
        kinds = [_label_kind(lex, f.text) for f in ln.fields if f.kind != "empty"]
        figs = [f for f in ln.fields if f.kind == "fig" and not _yearlike(f.text.strip().removeprefix("(").removesuffix(")"))]
        special = sum(k in ("period", "change", "share", "pct", "basis") for k in kinds)
        # "Country | Spending (US$ bn) | GDP (US$ bn) | % of GDP": a row of three or more labels, one of them a share
        # or change word, heads the columns too
        # "| Appropriation | 2025 |": a stub label over the rows' labels, then periods only, heads the columns as well
        periods_only = len(kinds) >= 2 and all(k in ("period", "change", "share", "pct", "basis") for k in kinds[1:])
        return not figs and (special >= 2 or (special >= 1 and len(kinds) >= 3) or periods_only)
    labs, _stub = _header_labels(lex, text, ln)
    return sum(lab.kind in ("period", "change", "share", "basis") for lab in labs) >= 2 and \
        all(lab.kind != "other" for lab in labs) and \
        all(c.kind != "fig" or _yearlike(c.text) or lex.period.fullmatch(c.text) for c in ln.cells) or \
        _years_over_brackets(ln)


def _years_over_brackets(ln: _Line) -> bool:
    """"Revenue by division, ₩tn     2024     (2023)": a caption, then a year and the prior year in brackets, as the
    rows below give "9.88  (8.10)" - the line heads the columns, it is no row of figures."""
    texts = [c.text.strip() for c in ln.cells]
    return len(texts) >= 2 and all(c.kind == "fig" for c in ln.cells) and _yearlike(texts[0]) and \
        all(t.startswith("(") and t.endswith(")") and _yearlike(t[1:-1]) for t in texts[1:])


# "($000)", "'000", "€000s": a scale of thousands in a header, no figure
_THOUSANDS_MARK = re.compile(r"(?<![\d,.])[$€£¥₹'’]?000s?(?![\d,.])")


def _header_above(lex: Lexicon, text: str, lines: list[_Line], first: int) -> list[int]:
    """Indexes of the header lines above line ``first`` (nearest first): column labels, scale, caption."""
    out: list[int] = []
    k = first - 1
    blanks = 0
    while k >= 0 and len(out) < _MAX_HEADER_LINES:
        ln = lines[k]
        s = text[ln.start:ln.end].strip()
        if ln.form == "blank":
            blanks += 1
            if blanks > 1:
                break
            k -= 1
            continue
        if ln.form == "rule":
            k -= 1
            continue
        labels = _is_header_line(lex, text, ln)
        if ln.is_row and not labels:
            break
        if not labels:
            words = s.split()
            # a long line of three or more labels set apart like the columns below is a header, not a sentence
            aligned = len(re.split(r"\s{2,}|\t|\s\|\s", s)) >= 4 and len(s) <= 240
            if _BULLET.match(text[ln.start:ln.end]) or (len(s) > 160 and not aligned) or (len(words) > 14 and not aligned) \
                    or (s.endswith((".", ":", ";")) and len(words) > 4):
                break
            # a caption holds no figure but periods and scales ("Group results Q2 2023 (SEK m)", "Unit cost ($000)")
            bare = _THOUSANDS_MARK.sub("", s)
            if re.search(r"\d", lex.period.sub("", bare)) and not lex.period.search(bare):
                break
            if re.search(r"\d[\d,.]*\s+[a-z]", lex.period.sub("", bare)):
                break
        out.append(k)
        if blanks:
            break  # above a blank line, only one caption line
        k -= 1
    return out


def _build(lex: Lexicon, doc: Document, lines: list[_Line], first: int, idx: list[int],
           doc_locale: list[str]) -> Table | None:
    text = doc.text
    body = [lines[i] for i in idx]
    fig_rows = [ln for ln in body if ln.is_row]
    if not fig_rows:
        return None
    _designators_to_labels(text, fig_rows)
    form = fig_rows[0].form
    if form == "aligned" and any(ln.form == "spaced" for ln in fig_rows):
        form = "spaced"
    head_idx = _header_above(lex, text, lines, first)
    # the column labels: the nearest header line with labels
    col_line: _Line | None = None
    labels: list[_Label] = []
    stub: _Label | None = None
    groups: list[_Label] = []
    max_cells = max(len(ln.cells) for ln in fig_rows)
    merged = False
    for k in head_idx:
        ln = lines[k]
        labs, st = _header_labels(lex, text, ln)
        good = [lab for lab in labs if lab.kind != "empty"]
        if col_line is None:
            # "Variant   Fleet   Flight hours   Hours per aircraft" right above the rows: words only, but one label
            # for each column (and one for the label column) - the columns' names
            named = k == first - 1 and ln.form in ("aligned", "spaced", "text") and len(good) >= 2 and \
                len(good) in (max_cells, max_cells + 1) and not any(c.kind == "fig" for c in ln.cells)
            if not named and (not good or not any(lab.kind in ("period", "change", "share", "pct", "total")
                                                  for lab in good) and ln.form not in ("tab", "pipe")):
                continue
            if ln.form not in ("tab", "pipe") and any(lab.kind == "other" for lab in good) and len(good) < 2:
                continue
            col_line, labels, stub = ln, labs, st
        elif not merged and lines[head_idx[head_idx.index(k) - 1]] is col_line \
                and len(good) == len([lab for lab in labels if lab.kind != "empty"]) \
                and (ln.form in ("tab", "pipe")) == (col_line.form in ("tab", "pipe")):
            # a header on two lines ("Q2 Q2 Change" over "2023 2022 %"): each label is the two words together
            pairs = zip(good, [lab for lab in labels if lab.kind != "empty"], strict=True)
            labels = [_Label(lo.start, lo.end, f"{up.text} {lo.text}", _label_kind(lex, f"{up.text} {lo.text}"))
                      for up, lo in pairs]
            merged = True
        else:
            if good and all(lab.kind in ("period", "other") for lab in good) and 1 < len(good) < len(labels) \
                    and not groups and ln.form == col_line.form:
                groups = good
    if len(fig_rows) < 2 and (col_line is None or len(labels) < 2):
        return None
    if form == "spaced" and col_line is None and (len(fig_rows) < 2 or sum(ln.figures >= 2 for ln in fig_rows) < 2):
        return None
    # delimited headers: the first field is the stub when the body rows carry labels
    # (a label or nothing); a header that starts with a column label ("Q2 2023 | Q2 2022 | Change") has none
    if col_line is not None and col_line.form in ("tab", "pipe") and labels:
        while labels and labels[-1].kind == "empty":
            labels.pop()
        has_labels = any(ln.label and ln.label[2] for ln in fig_rows)
        if has_labels and labels and (labels[0].kind in ("empty", "other") or (
                len(labels) == max_cells + 1 and (labels[0].kind not in ("period", "change", "share", "basis")
                                                 or _STUB_WORD.fullmatch(labels[0].text.strip())
                                                 # ("Segment revenues, Q2 2025 ($ millions) | KGS | Unmanned | Total":
                                                 # the one period label, over the label column, dates the table)
                                                 or (labels[0].kind == "period" and
                                                     not any(lab.kind == "period" for lab in labels[1:]))))):
            # ("Year | Exports | Change %" over "2020-21 | 8,434 | -7.5": the word "Year" heads the label column)
            stub, labels = labels[0], labels[1:]  # the stub: the label column's header
    # aligned headers: "Fiscal year   Spending ($bn)   Nominal GDP ($bn)   % of GDP" over rows "2024-25   41.0   2,993
    # 1.37": one label more than the rows have cells, and rows with labels: the first labels the label column
    # ("Rank  Contractor  Contracts (¥bn)  Share (%)" over "1  Mitsubishi Heavy Industries  1,677.2  41.8": two
    # label columns, when every row has all its cells)
    extra = len(labels) - max_cells
    if col_line is not None and col_line.form not in ("tab", "pipe") and stub is None and labels and \
            (extra == 1 or (extra == 2 and all(len(ln.cells) == max_cells for ln in fig_rows))) and \
            any(ln.label and ln.label[2] for ln in fig_rows):
        stub, labels = labels[extra - 1], labels[extra:]
    if len(labels) > _MAX_COLS:
        return None
    header_text = " ".join(text[lines[k].start:lines[k].end] for k in reversed(head_idx))
    scale = _scale_of(lex, header_text)
    caption = " ".join(text[lines[k].start:lines[k].end].strip() for k in reversed(head_idx)
                       if lines[k] is not col_line).strip()
    locale = _table_locale(body, doc_locale, text)
    hstart = min([lines[k].start for k in head_idx] + [body[0].start])
    above = text[text.rfind("\n", 0, max(0, hstart - 1)) + 1:hstart].strip()  # the line right above the table
    lead = above.rsplit(". ", 1)[-1] if above.endswith(":") else ""  # (its last sentence, when it introduces the table)
    # ("Financial performance measures (sales, EBIT and EPS variances at constant currency)": a title line above the
    # header says on what basis its changes are)
    # (not a bullet or a sentence of figures above: "• Targets confirmed: organic sales growth of +6% to +7%")
    title = above if len(above) <= 150 and not above.endswith((".", ":")) and not re.match(r"[•*·◦▪–—-]", above) \
        and not re.search(r"[%:;]", above) else ""
    columns = _noted_basis(lex, text, _columns(lex, labels, groups, max(max_cells, len(labels))), body[-1].end,
                           " ".join((caption, lead, title)))
    rows: list[Row] = []
    # a short row is placed under the header by its cells' positions only when the full rows stand under their
    # header labels ("MNOK    Q3 2024 ..." over "Kongsberg Maritime    5,305 ...": four spaces apart, not aligned)
    pos_line = col_line
    if col_line is not None:
        full = [ln for ln in body if ln.form == "aligned" and len(ln.cells) == len(columns)]
        if any(_align_by_position(text, ln, ln.cells, columns, col_line) != tuple(range(len(columns))) for ln in full):
            pos_line = None
    for ln in body:
        rows.append(_row(lex, doc, ln, len(rows), columns, scale, locale, pos_line, form))
    rows = _named_total(lex, _whole_rows(_type_rows(lex, rows), columns),
                        " ".join([caption, stub.text if stub is not None else ""]))
    rows = _bracketed_prior_column(rows, columns, text)
    columns = _unheaded_change(rows, columns, text)
    rows, columns = _unheaded_share(rows, columns)
    start = min([lines[k].start for k in head_idx] + [body[0].start])
    return Table(start=start, end=body[-1].end, form=form, columns=tuple(columns), rows=tuple(rows),
                 stub=stub.text.strip() if stub is not None else "",
                 header=tuple((lines[k].start, lines[k].end) for k in reversed(head_idx)), caption=caption,
                 scale=scale.factor, scale_text=scale.text, currency=scale.currency, locale=locale)


_NOTE_MARK = re.compile(r"(?:\*{1,3}|[†‡§¹²³⁴⁵⁶⁷⁸⁹]|\(\d\)|(?<=[A-Za-z%)])\d)$")


def _noted_basis(lex: Lexicon, text: str, columns: list[Column], end: int, caption: str = "") -> list[Column]:
    """A change column whose label carries a footnote mark ("Variance*", "Change¹", "Δ (1)") that a note under the
    table defines on another basis ("* Variances ... are calculated at constant exchange rates"): its changes are not
    computed from the table's own periods, so it is read as a column of another basis. So are the changes of a table
    whose caption says so ("Key figures (variances for sales and EBIT at constant currency)")."""
    if _unmarked_note_sets_basis(lex, text, end) or \
            (_CAPTION_CHANGES.search(caption) and lex.other_basis.search(caption)):
        # "Sales and EBIT variances are stated at constant currency."
        return [_replace(c, role="basis") if c.role == "change" else c for c in columns]
    marks = {i: m.group(0) for i, c in enumerate(columns)
             if c.role == "change" and (m := _NOTE_MARK.search((c.label or "").strip())) is not None}
    if not marks:
        return columns
    out = list(columns)
    for i, mark in marks.items():
        if note_sets_basis(lex, text, mark, end):
            out[i] = _replace(out[i], role="basis")
    return out


_CAPTION_CHANGES = re.compile(r"\b(?:variances?|changes?|growth(?:\s+rates?)?)\b", re.I)
# a note right under a table, without a mark, that says its changes are of another basis: "Sales and EBIT variances are
# stated at constant currency", "Changes are calculated at constant exchange rates"
_UNMARKED_NOTE = re.compile(r"(?:^|[\w&,\s-]{0,60}\s)(?:variances?|changes?|growth(?:\s+rates?)?|comparisons?)\s+(?:are|is|were|"
                            r"was|have\s+been|has\s+been)\s+(?:stated|shown|calculated|presented|given|expressed|reported|"
                            r"computed|measured)\b", re.I)


def _unmarked_note_sets_basis(lex: Lexicon, text: str, end: int) -> bool:
    """Does the first line under a table (a blank line between allowed) say, without a mark, that the table's changes
    are of another basis? (Its first sentence only.)"""
    for line in text[end:end + 600].splitlines()[:3]:
        first = line.strip().split(". ")[0]
        if not first:
            continue
        return _UNMARKED_NOTE.match(first) is not None and lex.other_basis.search(first) is not None
    return False


def label_mark(label: str) -> str | None:
    """The footnote mark a label ends with ("Variance*", "Change¹", "Adjusted EBITDA margin*"), or None."""
    m = _NOTE_MARK.search((label or "").strip())
    return m.group(0) if m is not None else None


def note_sets_basis(lex: Lexicon, text: str, mark: str, end: int) -> bool:
    """Does a note under a table (within a dozen lines of ``end``) that opens on ``mark`` name another basis
    ("* Variances ... at constant exchange rates", "* excluding pass-through revenue")?"""
    keys: tuple[str, ...] = (mark, f"({mark})", f"{mark})", f"{mark}.") if mark.isdigit() else (mark,)
    digit = {"¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9"}.get(mark)
    if digit is not None:
        keys = keys + (digit, f"({digit})", f"{digit})")
    if mark.startswith("(") and mark.endswith(")"):
        keys = keys + (mark[1:-1],)
    for line in text[end:end + 1200].splitlines()[:12]:
        for ln in _notes_of(line.strip()):
            if ln.startswith(keys) and not (mark.startswith("*") and ln.startswith(mark + "*")) and \
                    (lex.other_basis.search(ln) or _EXCLUDING.search(ln)):
                return True
    return False


# a note that follows another on its line ("* Alternative performance measures. ** Variances at constant currency";
# "¹ Before special items; ² change at constant currency"): a symbol mark after the end of a sentence or clause
_INLINE_NOTE = re.compile(r"(?<=[.;:)]\s)\s*(?=(?:\*{1,3}|[†‡§¹²³⁴⁵⁶⁷⁸⁹])\s)")


def _notes_of(line: str) -> list[str]:
    """The notes of a line under a table, each opening on its mark."""
    if not line:
        return []
    cuts = [0] + [m.end() for m in _INLINE_NOTE.finditer(line)] + [len(line)]
    return [line[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False) if line[a:b].strip()]


_EXCLUDING = re.compile(r"\b(?:excluding|excl\.|before|adjusted\s+for|net\s+of|not\s+including)\b", re.I)


def _table_locale(body: list[_Line], doc_locale: list[str], text: str) -> str:
    from ..extract.numbers import parse_digits

    en = de = 0
    for ln in body:
        for c in ln.cells:
            if c.kind != "fig" or c.m is None:
                continue
            num = c.m.group("num")
            e, d = parse_digits(num, "en") is not None, parse_digits(num, "de") is not None
            en += e and not d
            de += d and not e
    if en != de:
        return "en" if en > de else "de"
    if not doc_locale:
        from ..extract.numbers import detect_locale

        loc = detect_locale(text)
        doc_locale.append("en" if loc == "fr" else loc)
    return doc_locale[0]


_AT_OTHER_RATES = re.compile(r"\bat\s+(?:(?:constant|comparable|prior[- ]year|last[- ]year|previous[- ]year|budget|"
                             r"actual)\s+|(?:(?:FY|H[12]|Q[1-4]|[1-9]M)\s?)?(?:19|20)\d\d\s+|(?:H[12]|Q[1-4]|[1-9]M)\s+"
                             r"(?:19|20)\d\d\s+)(?:FX|fx|rates?|exchange\s+rates?|currency|currencies|prices)\b", re.I)


def _columns(lex: Lexicon, labels: list[_Label], groups: list[_Label], count: int) -> list[Column]:
    cols: list[Column] = []
    for i in range(count):
        lab = labels[i] if i < len(labels) else None
        if lab is None or lab.kind == "empty":
            cols.append(Column(i))
            continue
        kind = lab.kind
        role = {"period": "period", "change": "change", "share": "share", "pct": "pct", "total": "total",
                "basis": "basis"}.get(kind, "other")
        t = lab.text
        if role == "period" and _AT_OTHER_RATES.search(t):
            role = "basis"  # "2024 at 2023 FX", "H1 2025 at H1 2024 rates": this period restated on another basis
        elif role == "change" and cols and cols[-1].role == "basis" and cols[-1].label and \
                _AT_OTHER_RATES.search(cols[-1].label):
            role = "basis"  # ... and the change column right after it, which is of that restatement
        col = Column(i, label=t, start=lab.start, end=lab.end, role=role,
                     count=role == "other" and bool(lex.count_column.fullmatch(t.strip())))
        if role == "period":
            col = _replace(col, order=_period_order(lex, t), prior=True if lex.prior.search(t) or lex.baseline.fullmatch(t)
                           else False if lex.current.fullmatch(t) else None)
        elif role == "change":
            pts = bool(lex.points.search(t))
            pct = bool(lex.pct_label.search(t)) and not pts
            absolute = not pct and not pts and bool(lex.code.search(t) or re.search(r"\b(?:m|bn|mn|k)\b", t)
                                                    or lex.absolute_change.fullmatch(t.strip()))
            col = _replace(col, percent=pct, points=pts, absolute=absolute)
        elif role == "share":
            col = _replace(col, percent=True, whole="sales" if lex.share_of_sales.search(t) else "total")
        cols.append(col)
    # a bare "%": a change after two periods not yet compared, else the share of the period before it
    for i, c in enumerate(cols):
        if c.role != "pct":
            continue
        before = [cols[j].role for j in range(max(0, i - 2), i)]
        if before == ["period", "period"] or (before and before[-1] == "change" and not cols[i - 1].percent):
            # (after an absolute change, "Change in € | in %": the same change in percent)
            cols[i] = _replace(c, role="change", percent=True)
        elif before and before[-1] in ("period", "other"):
            cols[i] = _replace(c, role="share", percent=True, pair=(i - 1, i - 1))
        else:
            cols[i] = _replace(c, role="other")
    # the two periods each change compares: the nearest two before it, not compared already
    used: set[int] = set()
    for i, c in enumerate(cols):
        if c.role == "share" and c.pair is None:
            # the share of the column before it; after a change column, of the change's current period
            j = i - 1
            prev_pair = cols[j].pair if j >= 0 and cols[j].role == "change" else None
            if prev_pair is not None:
                j = prev_pair[1]
            # ("9M 2025 | Change y/y | Share of revenue, %": a change column compared with no period of the table is
            # no base of a share either; the period before it is)
            while j > 0 and prev_pair is None and lex.change_label.search(cols[j].label):
                j -= 1
            if j >= 0 and cols[j].role in ("period", "other", "total"):
                cols[i] = _replace(c, pair=(j, j))
        if c.role != "change":
            continue
        if i > 0 and cols[i - 1].role == "change" and cols[i - 1].pair and \
                _span_named(lex, c.label) in (None, _span_named(lex, cols[i - 1].label)):
            prev = cols[i - 1]  # "Change, %" then "+/-": both compare the same two periods
            cols[i] = _replace(c, pair=prev.pair, pair_certain=prev.pair_certain)
            continue
        periods: list[int] = []
        j = i - 1
        while j >= 0 and cols[j].role != "change":
            if cols[j].role == "period" and j not in used:
                periods.append(j)
            j -= 1
        if len(periods) < 2 or _same_period(cols, periods[0], periods[1]):
            # "2022 | Change | 2022 | Change | 2021" under "As reported | At 2021 rates": a period given on two bases,
            # each change against the one earlier period of the table; certain for the first basis only (an organic
            # change may be of a restated base the table does not give)
            prior_col = _one_earlier(cols, periods[0]) if periods else None
            if prior_col is None:
                cols[i] = _replace(c, role="other")
                continue
            first = min(k for k, x in enumerate(cols) if x.role == "period" and x.order == cols[periods[0]].order)
            cols[prior_col] = _replace(cols[prior_col], prior=True)
            cols[i] = _replace(c, pair=(prior_col, periods[0]), pair_certain=first == periods[0])
            continue
        several = len(periods) > 2  # "2023 2022 2021 Change": which two it compares is not written
        if several:
            # the kind of period nearest the change ("Jan-Jun"), and of it the two latest periods
            kind = _period_key(lex, cols[periods[0]].label)
            same = [k for k in periods if _period_key(lex, cols[k].label) == kind]
            if len(same) >= 2 and all(cols[k].order is not None for k in same):
                periods = sorted(sorted(same, key=lambda k: cols[k].order or (), reverse=True)[:2], reverse=True)
        a, b = periods[1], periods[0]  # a is left of b
        la, lb = _period_length(cols[a].label), _period_length(cols[b].label)
        if la and lb and la != lb:
            # "Q2 2024 | H1 2024 | Change vs H1 2023": a quarter and a half year are no two levels of one change
            cols[i] = _replace(c, role="other")
            continue
        span = _span_named(lex, c.label)
        ya, yb = ((cols[k].order or (None,))[0] for k in (a, b))  # the years _period_order read
        if ya is not None and yb is not None and (span == "year" and ya == yb or span == "quarter" and ya != yb and (
                qa := lex.quarter.search(cols[a].label)) and (qb := lex.quarter.search(cols[b].label)) and
                qa.group(0).lower() == qb.group(0).lower()):
            # "YoY change" over "Q3 2024 | Q2 2024", "QoQ" over "Q3 2024 | Q3 2023": not the two periods it compares
            cols[i] = _replace(c, role="other")
            continue
        oa, ob = cols[a].order, cols[b].order
        if oa is not None and ob is not None and oa != ob:
            prior, cur, certain = (a, b, not several) if oa < ob else (b, a, not several)
        elif cols[a].prior and not cols[b].prior:
            prior, cur, certain = a, b, True
        elif cols[b].prior and not cols[a].prior:
            prior, cur, certain = b, a, True
        else:
            prior, cur, certain = b, a, False  # the usual order: this period, then the one before
        used.update((a, b))
        cols[prior] = _replace(cols[prior], prior=True)
        cols[cur] = _replace(cols[cur], prior=False)
        cols[i] = _replace(c, pair=(prior, cur), pair_certain=certain)
    # "Change | Change %" over one pair: the change without "%" is the absolute one
    for i in range(1, len(cols)):
        left, right = cols[i - 1], cols[i]
        if left.role == right.role == "change" and left.pair and left.pair == right.pair and left.percent != right.percent:
            plain = i - 1 if not left.percent else i
            if not cols[plain].points:
                cols[plain] = _replace(cols[plain], absolute=True)
    # periods outside a compared pair: prior when another period is of a later year (or later, same kind)
    for i, c in enumerate(cols):
        if c.role != "period" or c.prior is not None or c.order is None:
            continue
        others = [o.order for o in cols if o.role == "period" and o.order is not None and o.index != i]
        if others:
            cols[i] = _replace(c, prior=any(o[0] > c.order[0] or (o[0] == c.order[0] and o[1] == c.order[1] and o > c.order)
                                            for o in others))
    # "Year  Defence Agreement  Acceleration Fund  Consensus Oct 2025  Total": one dated label among named columns,
    # with no second period to compare it with, names a column (a decision, a package) rather than its period
    dated = [i for i, c in enumerate(cols) if c.role == "period" and not _STUB_WORD.fullmatch(c.label.strip())]
    if len(dated) == 1 and not lex.period.fullmatch(cols[dated[0]].label.strip()) and \
            sum(c.role == "other" for c in cols) >= 2 and not any(c.role in ("change", "share", "pct") for c in cols):
        cols[dated[0]] = _replace(cols[dated[0]], role="other", order=None, prior=None)
    # a total column adds the plain columns since the last total column, or the periods before it ("2024-25 2025-26
    # 2026-27 2027-28 Total": the forward estimates; whether it does, the rows show)
    last = -1
    for i, c in enumerate(cols):
        if c.role == "total":
            parts = tuple(j for j in range(last + 1, i) if cols[j].role in ("other",))
            in_periods = tuple(j for j in range(last + 1, i) if cols[j].role == "period")
            if not parts and len(in_periods) >= 2:
                parts = in_periods
            cols[i] = _replace(c, parts=parts if len(parts) >= 2 else ())
            last = i
    # "Q1 FY24  Q2 FY24  Q3 FY24  Q4 FY24  FY24": a full-year column after the quarters (or halves) of its year adds
    # them up; it stays a period (prose quotes it as the year's figure)
    for i, c in enumerate(cols):
        if c.role != "period" or c.parts or c.order is None:
            continue
        # "Q1 2024  Q2 2024  Q3 2024  9M 2024", "Q1  Q2  H1": a year-to-date column after the quarters it covers
        cum = _CUMULATIVE.search(c.label)
        if cum is not None and not _FULL_YEAR.fullmatch(c.label.strip()):
            want = 3 if cum.group("nine") else 2
            quarters = _periods_before(cols, i, _QUARTER)
            if len(quarters) >= want:
                cols[i] = _replace(c, parts=tuple(quarters[-want:]))
            continue
        if not _FULL_YEAR.fullmatch(c.label.strip()):
            continue
        run = _periods_before(cols, i, _SUB_YEAR)
        if len(run) in (2, 3, 4):
            cols[i] = _replace(c, parts=tuple(run))
    _share_of_column(lex, cols)
    # group labels above: one per change group, in order
    if groups:
        starts = [i for i, c in enumerate(cols) if c.role == "change" and c.pair]
        if len(starts) == len(groups):
            for g, i in zip(groups, starts, strict=True):
                pr = cols[i].pair
                assert pr is not None
                for j in (*pr, i):
                    cols[j] = _replace(cols[j], group=g.text.strip())
    return cols


def _periods_before(cols: list[Column], i: int, label: re.Pattern[str]) -> list[int]:
    """The period columns right before column ``i``, of its year, whose labels match ``label`` (in order)."""
    c = cols[i]
    run: list[int] = []
    for j in range(i - 1, -1, -1):
        o = cols[j]
        if o.role != "period" or o.order is None or c.order is None or o.order[0] != c.order[0] or \
                not label.search(o.label):
            break
        run.insert(0, j)
    return run


def _share_of_column(lex: Lexicon, cols: list[Column]) -> None:
    """"% of GDP" beside a "GDP (US$ bn)" column: each row's share of its own cell in the column the header names,
    not of a total row. The part is the one other plain column of amounts; with none or several, the column is left
    as it was read."""
    for i, c in enumerate(cols):
        hit = lex.share_prefix.match(c.label) if c.role == "share" and lex.share_prefix is not None else None
        if hit is None:
            continue
        words = [w.lower() for w in re.findall(r"[^\W\d_]{2,}", c.label[hit.end() - 1:])]
        if not words or lex.total_label.match(c.label[hit.end() - 1:].strip()) or \
                any(lex.total_label.fullmatch(w) for w in words):
            continue  # "% of total", "% of group", "% of 2024 total": the total row
        named = [j for j, o in enumerate(cols) if j != i and o.role in ("other", "period") and o.label and
                 all(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", o.label, re.I) for w in words)]
        if not named and c.whole == "total":
            # "% of GDP" with no GDP column: a whole the table may not give (the claims decide by the shares' sum)
            cols[i] = _replace(c, whole="named")
            continue
        if len(named) != 1:
            continue
        parts = [j for j, o in enumerate(cols) if j not in (i, named[0]) and o.role in ("other", "period") and o.label
                 and not lex.pct_label.search(o.label)]  # not "Real change 2023-24 (%)"
        if len(parts) == 1:
            cols[i] = _replace(c, whole="column", pair=(parts[0], named[0]))


def _span_named(lex: Lexicon, label: str) -> str | None:
    """"year" for a change header that names a year-on-year comparison, "quarter" for a quarter-on-quarter one."""
    if lex.year_on_year.search(label):
        return "year"
    if lex.quarter_on_quarter.search(label):
        return "quarter"
    return None


def _replace(c: Column, **kw: Any) -> Column:
    from dataclasses import replace

    return replace(c, **kw)


# ---------------------------------------------------------------------------------------------- rows

_FOOT = re.compile(r"(?<=[A-Za-z\)])(?:\d{1,2}|\*+|[¹²³⁴])(?:,\d{1,2})*$|\s*\(\d{1,2}\)$|\s*\[\d{1,2}\]$")
_UNIT_TAIL = re.compile(r"(?:(?:\s*,\s*|\s+in\s+|\s+|\s*\(\s*(?:in\s+)?)(?:%|\(%\)|per\s?cent|[A-Z]{3}(?:\s?(?:m|bn|k|million|thousand))?|"
                        r"M[A-Z]{3}|[$€£]\s?(?:m|bn|k)?)\)?|%)\s*$")


def row_key(label: str) -> str:
    """A row label normalised for matching: lower case, without footnote marks, units or punctuation."""
    s = label.strip()
    s = _FOOT.sub("", s)
    for _ in range(2):
        s = _UNIT_TAIL.sub("", s)
    s = re.sub(r"^[\s\-–—•·]+", "", s)
    s = re.sub(r"[\s,:;.]+$", "", s)
    return re.sub(r"\s+", " ", s).lower()


def _row(lex: Lexicon, doc: Document, ln: _Line, index: int, cols: list[Column], scale: _Scale, locale: str,
         col_line: _Line | None, form: str) -> Row:
    text = doc.text
    la, lb, label = ln.label if ln.label else (ln.start, ln.start, "")
    key = row_key(label)
    kind = _row_kind(lex, label, key, ln)
    if re.search(r"[A-Z]{3}|[$€£]|million|thousand|billion", label):
        own = _scale_of(lex, label)  # "Net sales, SEK m", "Earnings per share, SEK"
        if own.text or own.currency:
            scale = own if own.text else _Scale(scale.factor, scale.text, own.currency, scale.excepting)
    raw = tuple(_cell(lex, t, locale) for t in ln.cells)
    pence = [c for c in raw if c.mention is not None and c.mention.unit == "GBP" and c.text.strip().endswith("p")
             and not c.text.strip().startswith("£")]
    if pence and any(c.mention is not None and c.mention.unit != "GBP" and not (c.percent or c.points) for c in raw):
        # "Non-competitive share of new contracts (%)   49p   45   +4 pts", "20.9p   16.2r": a letter after a figure that
        # the row's other figures lack is a footnote mark (provisional, revised), not pence
        raw = tuple(_without_mark(c) if c in pence else c for c in raw)
    if kind == "level" and any(c.points for c in raw):
        kind = "percent"  # "Segment OM rate 11.7 11.3 +0.4pp": a row that changes by points holds percentages
    aligns = _align(lex, text, ln, raw, cols, kind, col_line, form)
    row = Row(index=index, label=label, label_start=la, label_end=lb, cells=raw, kind=kind, alignments=aligns,
              line_start=ln.start, line_end=ln.end, key=key, scale=scale.factor, scale_text=scale.text,
              currency=scale.currency)
    from dataclasses import replace

    cells = []
    for i, c in enumerate(raw):
        # the column that types the cell: where every placement puts it, or any of them when they agree in kind
        options = {al[i] for al in aligns}
        kinds = {(cols[j].role, cols[j].percent, cols[j].points, cols[j].absolute) for j in options if j < len(cols)}
        col = cols[min(options)] if options and len(kinds) == 1 and max(options) < len(cols) else None
        cells.append(replace(c, mention=typed(c, row, col)))
    return replace(row, cells=tuple(cells))


def _row_kind(lex: Lexicon, label: str, key: str, ln: _Line) -> str:
    if not ln.cells or not any(c.kind in ("fig", "miss") for c in ln.cells):
        return "section"
    if lex.of_which_row.match(label):
        return "of_which"
    if lex.per_share_row.search(key) or lex.per_share_row.search(label):
        return "per_share"
    if lex.subtotal_row.match(key):
        return "subtotal"
    if lex.total_row.match(key) or (lex.total_prefix.match(key) and not lex.margin_row.search(key)):
        return "total"
    if lex.ratio_label.search(key):
        return "ratio"
    if lex.margin_row.search(key) or lex.of_sales_row.match(label.strip()):
        return "margin"
    if lex.percent_row.search(label):
        return "percent"
    if lex.count_row.search(key):
        return "count"
    if all(c.kind != "fig" or (c.m is not None and "%" in (c.m.group("suf") or "") + (c.m.group("suf2") or ""))
           for c in ln.cells):
        return "percent"
    return "level"


def _without_mark(c: Cell) -> Cell:
    """The cell read without its trailing letter ("49p": 49, a provisional figure)."""
    from dataclasses import replace

    m = c.mention
    assert m is not None
    f = 100.0  # the pence factor undone
    plain = replace(m, type="number", unit=None, value=(m.value or 0.0) * f, half_step=(m.half_step or 0.0) * f,
                    scale=None)
    return replace(c, mention=plain, raw=plain, grouped=plain.grouped)


def _cell(lex: Lexicon, t: _Tok, locale: str) -> Cell:
    """A cell as written: its figure with its own sign, currency and suffix, not yet scaled or typed."""
    from ..extract.numbers import read_digits

    if t.kind == "miss":
        return Cell(t.start, t.end, t.text, None, missing=True)
    if t.kind != "fig" or t.m is None:
        return Cell(t.start, t.end, t.text, None)
    m = t.m
    num = m.group("num")
    parsed = read_digits(num.replace(" ", "\u00a0") if " " in num else num, locale)
    if parsed is None:
        return Cell(t.start, t.end, t.text, None)
    value, decimals, grouped = parsed
    if not math.isfinite(value) or value > 1e18:
        return Cell(t.start, t.end, t.text, None)  # no table holds such a figure: not read
    suf = (m.group("suf") or m.group("suf2") or "").strip().lower()
    neg_paren = m.group("lp") is not None
    sign = m.group("s1") or m.group("s2") or ""
    negative = neg_paren or sign in ("-", "−", "–")
    pct = suf == "%"
    pts = suf in ("pp", "p.p.", "ppt", "ppts", "pts", "pt", "pt.", "pts.", "bps", "bp")
    sym = m.group("cur") or m.group("cur0")  # "£2,505m", "£(88)m"
    cur = lex.currencies.get(sym.strip()) if sym else None
    if suf == "p" and not cur:  # "68.5p": pence
        cur, suf = "GBP", "pence"
    if suf == "m" and not cur and re.search(r"\d\s+m\)?$", t.text):
        return Cell(t.start, t.end, t.text, None)  # "Length | 94.4 m (310 ft)": metres apart from the figure, no scale
    factor = 0.01 if suf.startswith("bp") or suf == "pence" else _SUFFIX_SCALE.get(suf, 1.0)
    body_start, body_end = t.start + m.start("num"), t.start + m.end("num")
    # the numeral's digits: a sign stays before them, as the extractor writes it ("-18" restated as "-30"); a figure
    # in brackets is not offered for a fix (the brackets would have to change with its sign)
    ns, ne = (-1, -1) if neg_paren else (body_start, body_end)
    typ = "percent" if (pct or pts) else ("currency" if cur else "number")
    unit = "percent" if pct else ("percentage point" if pts else cur)
    v = -value if negative else value
    mention = Mention(start=t.start, end=t.end, text=t.text, type=typ, value=v * factor, unit=unit,
                      half_step=0.5 * 10 ** (-decimals) * factor, num_start=ns, num_end=ne,
                      scale=suf if factor not in (1.0, 0.01) else None, decimals=decimals, grouped=grouped)
    return Cell(t.start, t.end, t.text, mention, raw=mention, percent=pct, points=pts,
                grouped=grouped or bool(cur) or factor > 1, negative=negative, sign=bool(sign) or neg_paren,
                digits=(body_start, body_end))


_SUFFIX_SCALE = {"m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "bn": 1e9, "bln": 1e9, "billion": 1e9, "trillion": 1e12,
                 "k": 1e3, "thousand": 1e3}
_SCALED_KINDS = frozenset({"level", "total", "subtotal", "of_which", "section"})


def typed(cell: Cell, row: Row, col: Column | None) -> Mention | None:
    """The figure of ``cell`` read as its row and column say: scaled by the table's "SEK m" or "in millions"
    (amount rows and absolute change columns; never percentages, per-share figures, counts or ratios), a
    percentage in a margin row, a share column or a percent change column, a currency from the header."""
    from dataclasses import replace

    m = cell.raw
    if m is None or m.value is None:
        return None
    if cell.percent or cell.points:
        return replace(m, inferred=False)
    kind = row.kind
    if col is not None and col.role == "change" and col.points:
        return replace(m, type="percent", unit="percentage point", inferred=True)
    money = m.type == "currency"  # "£(88)m" in a "Change" column is an amount, whatever the column's header
    if kind in ("margin", "percent") or (col is not None and (col.role == "share" or (
            col.role == "change" and not col.absolute and not money))):
        return replace(m, type="percent", unit="percent", inferred=True)
    if kind in ("ratio",):
        return m
    if col is not None and col.count and not money and m.value == int(m.value):
        return replace(m, type="count", inferred=True, half_step=0.0)  # "Deals  8": things counted, not billions
    if kind == "count":
        return replace(m, type="count", inferred=True)
    cur = m.unit if m.type == "currency" else row.currency
    typ = "currency" if cur else m.type
    if kind == "per_share" or m.scale or row.scale == 1.0 or kind not in _SCALED_KINDS:
        return replace(m, type=typ, unit=cur, inferred=typ != m.type)
    f = row.scale
    ns, ne = (-1, -1) if cell.negative else (m.num_start, m.num_end)  # a scaled negative figure is not rewritten
    return replace(m, type=typ, unit=cur, value=m.value * f, half_step=(m.half_step or 0.0) * f,
                   scale=row.scale_text or "table scale", num_start=ns, num_end=ne, inferred=True)


# ------------------------------------------------------------------------------------------ alignment


def _align(lex: Lexicon, text: str, ln: _Line, cells: tuple[Cell, ...], cols: list[Column], kind: str,
           col_line: _Line | None, form: str) -> tuple[tuple[int, ...], ...]:
    k, c = len(cells), len(cols)
    if k == 0:
        return ()
    if ln.form in ("tab", "pipe"):
        return (tuple(range(k)),) if k <= max(c, k) else ()
    if k == c or not c:
        return (tuple(range(k)),)
    if k > c:
        return ()
    if ln.form == "aligned" and col_line is not None and col_line.form in ("aligned", "spaced", "text"):
        # a header of words only ("Year      France    Export    Total") still places its columns
        pos = _align_by_position(text, ln, cells, cols, col_line)
        if pos is not None and _cost(pos, cells, cols, _groups(cols), kind) < math.inf:
            return (pos,)  # (not a change column filled without both the periods it compares: a row set off its
            # columns, "Adjusted EBIT margin ... 14.4%  13.5%" under "H1 2024" and "Δ": placed as unplaced rows are)
        if pos is not None and any(b - a > 1 for a, b in zip(pos, pos[1:], strict=False)) and \
                _flush(ln, cells, cols, col_line, pos):
            return ()  # "Order backlog, EUR bn   2.4   (blank)   5.3": every cell flush under its label, a blank left
            # between them, and a change column filled without its pair; read from the left, 5.3 would be the prior
            # period's level (a row shifted whole, "9.8%  9.1%" under "2024  Change", is still read from the left)
    if math.comb(c, k) > 5000:
        return ()
    scored: list[tuple[float, tuple[int, ...]]] = []
    groups = _groups(cols)
    for combo in combinations(range(c), k):
        cost = _cost(combo, cells, cols, groups, kind)
        if cost < math.inf:
            scored.append((cost, combo))
    if not scored:
        return ()
    best = min(s for s, _ in scored)
    return tuple(al for s, al in sorted(scored) if s <= best + PLAUSIBLE)


def _flush(ln: _Line, cells: Sequence[Cell | _Tok], cols: list[Column], col_line: _Line, pos: tuple[int, ...]) -> bool:
    """Does every cell end where its header label ends (or start where it starts), within one character?"""
    for cell, j in zip(cells, pos, strict=True):
        c = cols[j]
        cs, ce = cell.start - ln.start, cell.end - ln.start
        ls, le = c.start - col_line.start, c.end - col_line.start
        if abs(ce - le) > 1 and abs(cs - ls) > 1:
            return False
    return True


def _align_by_position(text: str, ln: _Line, cells: Sequence[Cell | _Tok], cols: list[Column],
                       col_line: _Line) -> tuple[int, ...] | None:
    """Each cell under the header label it overlaps (or stands nearest to, by right edge)."""
    if any(c.start < 0 for c in cols):
        return None
    out: list[int] = []
    for cell in cells:
        cs, ce = cell.start - ln.start, cell.end - ln.start
        best, best_d = -1, math.inf
        for c in cols:
            ls, le = c.start - col_line.start, c.end - col_line.start
            overlap = min(ce, le) - max(cs, ls)
            d = -overlap if overlap > 0 else abs(ce - le) + 1
            if d < best_d:
                best, best_d = c.index, d
        out.append(best)
    if any(b <= a for a, b in zip(out, out[1:], strict=False)):
        return None
    return tuple(out)


def _groups(cols: list[Column]) -> list[tuple[int, ...]]:
    """Columns that go together: two periods and the change comparing them; every other column alone."""
    member: dict[int, tuple[int, ...]] = {}
    for c in cols:
        if c.role == "change" and c.pair:
            g = tuple(sorted((*c.pair, c.index)))
            for j in g:
                member[j] = g
    out: list[tuple[int, ...]] = []
    seen: set[int] = set()
    for c in cols:
        if c.index in seen:
            continue
        g = member.get(c.index, (c.index,))
        out.append(g)
        seen.update(g)
    return out


def _cost(combo: Sequence[int], cells: tuple[Cell, ...], cols: list[Column], groups: list[tuple[int, ...]],
          kind: str) -> float:
    used = set(combo)
    pct_row = kind in ("margin", "percent", "ratio")
    cost = 0.0
    for g in groups:
        got = [j for j in g if j in used]
        if len(g) == 1:
            cost += 0.0 if got else 1.0
            continue
        change = [j for j in g if cols[j].role == "change"]
        periods = [j for j in g if cols[j].role != "change"]
        has_change = bool(change) and change[0] in used
        n_periods = sum(1 for j in periods if j in used)
        if has_change and n_periods < len(periods):
            return math.inf  # a change is never given without both the figures it compares
        if not got:
            cost += 1.0
        elif n_periods < len(periods):
            cost += 3.0
        elif not has_change:
            cost += 0.0 if pct_row else 1.0
        elif pct_row:
            cost += 0.5
    # content: figures with grouped thousands or a currency do not stand in a percentage column, nor a "%" in a
    # level column of an amount row
    for cell, j in zip(cells, combo, strict=True):
        col = cols[j]
        if cell.mention is None:
            continue
        if col.role in ("change", "share") and (col.percent or col.role == "share") and cell.grouped:
            cost += 2.0
        if col.role in ("period", "other", "total") and cell.percent and not pct_row:
            cost += 2.0
        if col.role in ("period", "other", "total") and cell.points:
            cost += 2.0  # a change in points is no level
    return cost


def _whole_rows(rows: list[Row], columns: list[Column]) -> list[Row]:
    """"| Defence Function | 20,368 | 21,322 | 4.7 | 100.0 |": with no row called a total, the last row whose share
    of the total is 100 is the total (the rows above it are its parts; whether they add up is checked, not assumed)."""
    from dataclasses import replace

    shares = [c.index for c in columns if c.role == "share" and c.whole in ("total", "named")]
    if not shares or any(r.kind in ("total", "subtotal") for r in rows):
        return rows
    levels = [i for i, r in enumerate(rows) if r.kind == "level"]
    if len(levels) < 3:
        return rows
    last = rows[levels[-1]]
    cell = last.placed().get(shares[0])
    raw = cell.raw if cell is not None else None
    if raw is None or raw.value is None or abs(raw.value - 100.0) > 0.051:
        return rows
    out = list(rows)
    out[levels[-1]] = replace(last, kind="total")
    return out


_STUB_WORD = re.compile(r"(?:(?:fiscal|financial|calendar|budget)\s+)?(?:years?|period|date|quarter|month|fy)",
                        re.I)
_GROUP_TOTAL = re.compile(r"^[\w&.'’ -]{1,40}\s(?:group|total|consolidated)$", re.I)
_NAMED_BY = re.compile(r"^\W*([\w ]{3,30}?)\s+(?:by|per)\s+(?:business|segment|division|region|sector|area|unit|product|"
                       r"market|customer|country|service)", re.I)


# the rows a longer period adds up: quarters, halves and months ("Q1", "2Q", "Third quarter", "H1", "Jan", "July")
_SUB_PERIOD_ROW = re.compile(r"(?:q[1-4]|[1-4]q|h[12]|[12]h|(?:first|second|third|fourth)\s+(?:quarter|half)|"
                             r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                             r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+(?:19|20)\d\d)?", re.I)


def _named_total(lex: Lexicon, rows: list[Row], head: str) -> list[Row]:
    """With no total row, the last row is the total when its label says so in other words: a name and "group" or
    "total" ("TKMS group"), the measure the table breaks down ("Sales" under "Sales by business area, MSEK"), or the
    longer period that rows of quarters or months make up ("Nine months" under "Q1", "Q2", "Q3": rules/tables.yaml,
    ``period_total_rows``) - and its figures are the largest of each column they stand in (a total is no smaller
    than its parts). (A total is still read as a sum only where its rows add up in some column: a backlog at the
    end of each quarter is no part of the nine months'.)"""
    from dataclasses import replace

    levels = [i for i, r in enumerate(rows) if r.kind == "level"]
    if any(r.kind in ("total", "subtotal") for r in rows) or len(levels) < 3 or levels[-1] != len(rows) - 1:
        return rows
    last = rows[-1]
    named = _NAMED_BY.match(head)
    sub_periods = len(levels) == len(rows) and all(_SUB_PERIOD_ROW.fullmatch(r.label.strip()) for r in rows[:-1]) and \
        bool(lex.period_total_row.fullmatch(last.key))
    if not (sub_periods or _GROUP_TOTAL.match(last.key) or
            (named is not None and last.key == named.group(1).strip().lower())):
        return rows
    for col, cell in last.placed().items():
        v = cell.mention.value if cell.mention is not None else None
        if v is None or cell.percent or cell.points or (cell.mention is not None and cell.mention.type == "percent"):
            continue  # (a change or share column is no sum)
        above = [c.mention.value for r in rows[:-1] if r.kind == "level" and (c := r.placed().get(col)) is not None
                 and c.mention is not None and c.mention.value is not None and not (c.percent or c.points)]
        if above and v < max(above):
            return rows
    out = list(rows)
    out[-1] = replace(last, kind="total")
    return out


def _type_rows(lex: Lexicon, rows: list[Row]) -> list[Row]:
    """A total row that more rows follow, before the next total, is a subtotal when a later total covers it."""
    from dataclasses import replace

    out = list(rows)
    totals = [i for i, r in enumerate(out) if r.kind == "total"]
    for a, b in zip(totals, totals[1:], strict=False):
        if any(out[k].kind in ("level", "subtotal") for k in range(a + 1, b)) and out[a].key != out[b].key \
                and lex.total_row.match(out[b].key):
            out[a] = replace(out[a], kind="subtotal")
    return out
