"""Claims inside results tables - change columns, totals, shares, margins - and what the prose linker needs
from the tables (their cells, and their rows as series of figures by period).

The grid comes from ``factcheck.document.tables`` (any input format). What is checked, cell by cell:

change columns   the cell of a "Change in %" / "%" / "+/-" column against the two periods it compares in the
                 same row: ``pct_change(prior, current)`` (signed: the cell's own sign is the stated value),
                 ``pp_change`` for a margin or percent row (with ``pct_change`` as the other plausible reading)
                 or a "pp" column, ``difference(current, prior)`` for a "Change, SEK m" column.
totals           a "Total" / "Group" row against the rows between it and the previous total (of-which rows,
                 per-share, margin, percent and ratio rows left out; a grand total adds its subtotals), and a
                 "Total" column against the columns before it. A total is read as a sum only when the same
                 rows add up (at their rounding) in another column of the table - a table of unrelated figures
                 with a "Total assets" row is not accused; a total that adds up in no column is left unchecked.
shares           a "% of total" / "Share" column against the total row of the column it annotates
                 ("% of sales": against the sales row).
margins          an "EBIT margin, %" row against the EBIT row divided by the sales row of the same column, and
                 the ratio rows of rules/tables.yaml ("Book-to-bill" = order intake / sales).

A short row whose cells could stand in more than one place (PDF-to-text tables) is checked only where every
plausible placement reads the same cells; otherwise its derived cells are listed as unchecked with the reason.
Every claim's span is the derived cell, so findings point at the cell in the source file, and its evidence
names the row and the columns ("Sales revenue, Q2 2023 vs Q2 2022: 12,475 → 10,171").
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..document.tables import Cell, Column, Row, Table, find_tables, label_mark, lexicon, note_sets_basis, typed
from ..model import Claim, Document, Evidence, Mention, Relation, Unchecked
from .reading import adds_up, digits_swapped, doubt, exchange_rate, same_figure

# Evidence weights (rules/tables.yaml, ``weights``; the judge's thresholds are rules/linking.yaml's): a reading
# resting on the table's labelled structure scores ``table``, enough to fail; one whose columns the header does
# not name for certain scores ``unsure``, enough to warn.
_WEIGHTS = {"table": 4.0, "unsure": 3.0, "prose_figure": 4.0, "prose_period": 3.0, "prose_row": 4.0, "prose": 2.0}


def _weights(vocab: dict) -> dict[str, float]:
    given = ((vocab.get("tables") or {}).get("weights") or {})
    return {k: float(given.get(k, v)) for k, v in _WEIGHTS.items()}
_LEVEL_ROLES = ("period", "other", "total")
NEARLY = 0.005  # "adds up or nearly": within the figures' rounding plus this share of the total


def find(doc: Document, mentions: list[Mention], rules) -> tuple[list[Claim], list[Unchecked]]:
    """The claims the tables of ``doc`` make, and the derived cells seen but not checked (with the reason)."""
    tables = find_tables(doc, rules.vocab)
    return check_tables(doc, tables, rules.vocab)


def with_tables(doc: Document, mentions: list[Mention], rules, claims: list[Claim],
                unchecked: Iterable[Unchecked] = ()) -> tuple[list[Claim], list[Unchecked]]:
    """The prose linker's ``claims`` (and what it saw but did not check) with the tables' added: a prose claim
    that states a table cell or reads one as an operand is dropped (it read the row as a sentence, at the wrong
    scale), so is an unchecked note on a cell; the table checks and the prose figures tied to a table row are
    added (the latter only where no prose claim states the same figure)."""
    tables = find_tables(doc, rules.vocab)
    if not tables:
        return claims, list(unchecked)
    cells = table_cells(tables)
    starts = sorted(cells)
    keys = [a for a, _ in starts]

    def in_cell(m: Mention | None) -> bool:
        if m is None:
            return False
        k = bisect.bisect_right(keys, m.start) - 1
        return k >= 0 and starts[k][0] <= m.start < starts[k][1]

    heads = sorted(h for t in tables for h in t.header)
    head_keys = [a for a, _ in heads]

    def in_header(m: Mention | None) -> bool:  # "2045-2054   30-year total": a header is labels, not a sentence
        if m is None:
            return False
        k = bisect.bisect_right(head_keys, m.start) - 1
        return k >= 0 and heads[k][0] <= m.start < heads[k][1]

    at_size = cell_mentions(tables)

    def misread(m: Mention) -> bool:
        """Did the prose linker read a cell otherwise than the table does (at another scale, or as another kind of
        figure)? A cell read as the table reads it ("Total   220" in a table without a scale) is a figure the
        prose may use: "SM-6 made up more than a third of the total"."""
        if not in_cell(m):
            return False
        k = bisect.bisect_right(keys, m.start) - 1
        cm = at_size.get(starts[k])
        if cm is None:
            return False  # a cell the table reads no figure in ("94.4 m (310 ft)"): the prose reading stands
        return cm.value is None or m.value is None or not math.isclose(cm.value, m.value, rel_tol=1e-9) \
            or not (cm.type == m.type or {cm.type, m.type} <= {"number", "count"}) or (m.unit != cm.unit and m.type == "currency")

    # where each cell stands: (table, column), and how many columns of figures its table has
    where: dict[tuple[int, int], tuple[int, int, int]] = {}
    current: set[tuple[int, int]] = set()  # cells of a column of the table's latest period
    for ti, t in enumerate(tables):
        for r in t.rows:
            for j, cell in r.placed().items():
                where[(cell.start, cell.end)] = (ti, j, len(t.columns))
                col = t.columns[j] if j < len(t.columns) else None
                if col is not None and col.role == "period" and not col.prior:
                    current.add((cell.start, cell.end))

    def cells_apart(r: Relation) -> bool:
        """Does a reading mix figures of prose with cells of a table of several columns other than its latest
        period's, or take cells of two columns? ("195 of the new starters, over 40% of the total" over a table whose
        "Total" row gives 285 apprentices and 185 graduates: the apprentices' column total is not the whole; but
        "€3.1 billion, 46% of group order intake" may take the order intake of the table's current period)"""
        spans = [starts[k] for o in r.operands
                 if (k := bisect.bisect_right(keys, o.start) - 1) >= 0 and starts[k][0] <= o.start < starts[k][1]]
        spots = [where.get(sp) for sp in spans]
        if not spots:
            return False
        if any(w is None for w in spots):
            return True
        if all(w is not None and w[2] <= 1 for w in spots):
            return False
        if len(spots) < len(r.operands):
            return not all(sp in current for sp in spans)
        return len({(w[0], w[1]) for w in spots if w is not None}) > 1

    def read_cell(m: Mention | None) -> bool:
        """Is ``m`` in a cell the table reads a figure in? (Not "94.4 m (310 ft)", which it leaves to the prose.)"""
        if m is None or not in_cell(m):
            return False
        return at_size.get(starts[bisect.bisect_right(keys, m.start) - 1]) is not None

    kept = []
    for c in claims:
        if read_cell(c.stated) or any(misread(o) for o in c.operands) or in_header(c.stated):
            continue
        # a reading that took a row's cell as a figure of a sentence goes; the claim's other readings stay ("£5.5
        # billion, equivalent to about £9.3 million per vehicle" after a table of yearly acceptances)
        readings = tuple(r for r in c.readings if not any(misread(o) for o in r.operands) and not cells_apart(r))
        if len(readings) < len(c.readings):
            if not readings:
                continue
            c = dataclasses.replace(c, readings=readings)
        kept.append(c)
    table_claims, table_unchecked = check_tables(doc, tables, rules.vocab)
    # a prose claim the linker read without explicit evidence gives way to the table's reading of the same figure
    # when that names the row in the figure's clause and is explicit ("Electronic Solutions sales rose 15.5%" over
    # the division table, not a pair of group sales two sentences away)
    linked = prose_links(tables, mentions, doc, rules.vocab)
    # (or by the clause giving the row's own figure: "operating profit rose 37.1% to KRW 210.6 billion" over the row
    # "Operating profit 210.6 165.7")
    explicit = {c.span for c in linked if c.readings and c.readings[0].explicit
                and c.readings[0].evidence[0].cue in ("table-prose-row", "table-prose")}
    # a conversion from a prose figure the table shows to be at the wrong scale: which of the two slipped, the
    # conversion alone cannot say ("¥1.83 billion, about $12.1 billion" beside the table's ¥1,834.5 billion)
    slipped = {c.stated.start for c in linked if c.stated is not None and c.readings
               and c.readings[0].evidence[0].cue == "table-prose-scale"}
    if slipped:
        kept = [dataclasses.replace(c, readings=tuple(doubt(r) for r in c.readings))
                if c.kind in ("currency_conversion", "conversion")
                and any(o.start in slipped for r in c.readings for o in r.operands) else c for c in kept]
    kept = [c for c in kept if c.span not in explicit or any(r.explicit for r in c.readings)]
    # a prose claim that read cells of a table without explicit evidence gives way to the table's own link of the same
    # figure ("Revenue per employee ... £193,000" under a table: revenue over employees, not the order book)
    by_table = {c.span for c in linked}
    kept = [c for c in kept if c.span not in by_table or any(r.explicit for r in c.readings)
            or not any(in_cell(o) for r in c.readings for o in r.operands)]
    stated = {c.span for c in kept}
    overlaps = _Overlaps(stated)
    prose = [c for c in linked if c.span not in stated and not overlaps.any(c.span[0], c.span[1])]
    notes = [u for u in unchecked if not (bisect.bisect_right(keys, u.start) - 1 >= 0
                                          and starts[bisect.bisect_right(keys, u.start) - 1][0] <= u.start
                                          < starts[bisect.bisect_right(keys, u.start) - 1][1])]
    return kept + table_claims + prose, notes + table_unchecked


def check_tables(doc: Document, tables: list[Table], vocab: dict) -> tuple[list[Claim], list[Unchecked]]:
    """The checks inside ``tables`` (already found in ``doc``): claims, and derived cells left unchecked."""
    claims: list[Claim] = []
    unchecked: list[Unchecked] = []
    for t in tables:
        c = _Checker(doc, t, vocab)
        c.changes()
        c.series_changes()
        c.column_changes()
        c.totals()
        c.total_columns()
        c.shares()
        c.margins()
        c.formulas()
        c.row_formulas()
        claims += c.claims
        unchecked += c.unchecked
    claims.sort(key=lambda c: c.span)
    unchecked.sort(key=lambda u: (u.start, u.end))
    return claims, unchecked


# ----------------------------------------------------------------------------------------------- claims

def make_claim(kind: str, span: tuple[int, int], stated: Mention, readings: tuple[Relation, ...],
               stated_value: float | None, stated_step: float | None = None) -> Claim:
    """A claim on the typed contract: the stated cell, its readings best first (the judge evaluates them)."""
    return Claim(kind=kind, span=span, stated=stated, operands=readings[0].operands, readings=readings,
                 stated_value=stated_value, stated_step=stated_step)


# ------------------------------------------------------------------------------------- for the prose linker


def table_cells(tables: Iterable[Table]) -> set[tuple[int, int]]:
    """Spans of every table cell and row label, so the prose linker does not read table rows as sentences."""
    out: set[tuple[int, int]] = set()
    for t in tables:
        for r in t.rows:
            for c in r.cells:
                if c.end > c.start:
                    out.add((c.start, c.end))
    return out


def table_lines(tables: Iterable[Table]) -> list[tuple[int, int]]:
    """Spans of the tables' lines (header included), in order."""
    out: list[tuple[int, int]] = []
    for t in tables:
        out += list(t.header)
        out += [(r.line_start, r.line_end) for r in t.rows]
    return sorted(set(out))


def cell_mentions(tables: Iterable[Table]) -> dict[tuple[int, int], Mention]:
    """The figure of every cell read at its real size ("11,293" under "(in millions)" is 11,293,000,000 USD), by
    cell span: the linker can use these in place of what extraction read off the bare cell."""
    out: dict[tuple[int, int], Mention] = {}
    for t in tables:
        for r in t.rows:
            for c in r.cells:
                if c.mention is not None:
                    out[(c.start, c.end)] = c.mention
    return out


# "Hours per aircraft", "Cost per tail": a header of a rate per thing (rate_headers lists the others)
_PER_THING = re.compile(r"(?<![\w])per\s+(?!cent\b)[^\W\d]", re.I)


@dataclass(frozen=True)
class SeriesPoint:
    """One figure of a table row: which row, which column (a period or another label), and whether that period
    is the earlier one of the table (the prior year, the prior quarter)."""

    row: str  # the row label as written ("Sales revenue")
    key: str  # the label normalised for matching ("sales revenue")
    column: str  # the column name ("Q2 2023")
    period: tuple[int, ...] | None  # (year, month, day) of the column's period, when it has one
    is_prior: bool | None  # True: an earlier period than the table's latest; None: not a period or unknown
    mention: Mention
    kind: str  # the row's kind (level, total, margin, per_share ...)
    table: int  # index of the table in the document
    row_index: int
    col_index: int


def series(tables: Iterable[Table]) -> list[SeriesPoint]:
    """Every figure placed with certainty in a level column, as (row, column, period, is_prior, mention)."""
    out: list[SeriesPoint] = []
    for ti, t in enumerate(tables):
        for r in t.rows:
            for j, cell in sorted(r.placed().items()):
                col = t.columns[j] if j < len(t.columns) else None
                if cell.mention is None or col is None or col.role not in _LEVEL_ROLES:
                    continue
                out.append(SeriesPoint(row=r.label, key=r.key, column=col.name, period=col.order,
                                       is_prior=col.prior if col.role == "period" else None, mention=cell.mention,
                                       kind=r.kind, table=ti, row_index=r.index, col_index=j))
    return out


# ------------------------------------------------------------------------------------------------ checks


_JOINED = ("sum", "difference")  # kinds of a cell's claim that a further reading of either kind joins


class _Checker:
    def __init__(self, doc: Document, table: Table, vocab: dict) -> None:
        self.doc = doc
        self.t = table
        self.vocab = vocab
        self.lex = lexicon(vocab)
        self.w = _weights(vocab)
        self.claims: list[Claim] = []
        self.unchecked: list[Unchecked] = []
        self._claimed: set[tuple[int, int]] = set()
        # a cell claimed as a sum or a difference -> its claim (a second such reading joins it)
        self._sums: dict[tuple[int, int], int] = {}
        self._totals_below: list[Row | None] | None = None
        self._sales: list[Row] | None = None
        self._nil_total: set[tuple[int, int]] = set()  # total cells whose parts include a dash read as nil
        self._absolute_by_cells: set[int] = set()  # change columns whose cells show them to be amounts

    # -- helpers -------------------------------------------------------------------------------------------
    def col(self, j: int) -> Column:
        return self.t.columns[j]

    def name(self, j: int) -> str:
        return self.t.column_name(j)

    def fig(self, row: Row, cell: Cell | None, j: int) -> Mention | None:
        """The figure of ``cell`` read as column ``j`` types it."""
        if cell is None or cell.raw is None:
            return None
        if row.at(j) is cell:
            return cell.mention
        return typed(cell, row, self.col(j) if j < len(self.t.columns) else None)

    def add(self, kind: str, cell: Cell, stated: Mention, readings: tuple[Relation, ...],
            stated_step: float | None = None) -> None:
        if (cell.start, cell.end) in self._claimed:
            # "Total ... 226,369": the grand total is the sum of its column and of its row; "Total | 14 | 5 | +9" under
            # "Net": the sum of its column and its row's difference. Either reading may hold (a part written wrong
            # breaks the column's sum, not the row's difference)
            k = self._sums.get((cell.start, cell.end))
            if k is not None and kind in _JOINED:
                first = self.claims[k]
                # the cell as the other check read it: the header's scale ("(EUR m)") on one, the figure as printed
                # on the other; the joined readings carry the step between them
                was, now = first.stated_value, stated.value
                if was and now and was != now:
                    step = math.log10(abs(was / now))
                    if abs(step - round(step)) > 1e-9:
                        return
                    readings = tuple(dataclasses.replace(r, factor=r.factor * 10.0 ** round(step)) for r in readings)
                self.claims[k] = dataclasses.replace(first, readings=first.readings + readings)
            return
        self._claimed.add((cell.start, cell.end))
        if kind in _JOINED:
            self._sums[(cell.start, cell.end)] = len(self.claims)
        if _FOOTNOTE_MARK.search(cell.text):
            # "Adjusted EBIT margin 14.0% 12.6%*" over "* 2023 margin calculated on adjusted revenue.": a footnote on the
            # cell says something of its figure the rows do not show (another basis, a restatement): doubted, not accused
            readings = tuple(doubt(r, Evidence("footnoted", f"'{cell.text.strip()}' carries a footnote", 0.0))
                             for r in readings)
        self.claims.append(make_claim(kind, (cell.start, cell.end), stated, readings, stated.value, stated_step))

    def evidence(self, cue: str, detail: str, explicit: bool) -> Evidence:
        """The table's structure as evidence: enough to fail when the header says it outright."""
        return Evidence(cue, detail, self.w["table"] if explicit else self.w["unsure"], explicit=explicit)

    def skip(self, kind: str, cell: Cell, reason: str) -> None:
        if (cell.start, cell.end) in self._claimed:
            return
        self._claimed.add((cell.start, cell.end))
        self.unchecked.append(Unchecked(kind, cell.start, cell.end, cell.text, reason))

    # -- a series down the rows ----------------------------------------------------------------------------
    def series_changes(self) -> None:
        """"Year | Exports | Change %" over "2020-21 | 8,434 | -7.5", "2021-22 | 12,814 | 51.9": rows labelled by
        successive periods, one amount column and one percent column - each row's percent is its change from the
        row above."""
        cols = self.t.columns
        if len(cols) != 2 or cols[0].percent or any(c.role == "change" and c.pair for c in cols):
            return
        if not cols[1].percent:
            # "| Year | Budget | Change |" over "| 2021 | 543 | +49% |": the cells say what the header does not
            filled = [c for r in self.t.rows if r.kind == "level" and (c := r.at(1)) is not None and c.raw is not None]
            if len(filled) < 2 or not all(c.percent for c in filled):
                return
        if not self.lex.change_label.search(cols[1].name) or self.lex.share_label.search(cols[1].name):
            return  # ("Share of GDP (%)", "% of total": a share column, no change from the row above)
        rows = [r for r in self.t.rows if r.kind == "level"]
        years = [_label_year(r.label) for r in rows]
        if len(rows) < 3 or None in years or \
                any(b != a + 1 for a, b in zip(years, years[1:], strict=False)):  # type: ignore[operator]
            return
        for prev, row in zip(rows, rows[1:], strict=False):
            pc, vc, cc = prev.at(0), row.at(0), row.at(1)
            if pc is None or vc is None or cc is None or cc.raw is None:
                continue
            old, new = self.fig(prev, pc, 0), self.fig(row, vc, 0)
            stated = dataclasses.replace(cc.raw, type="percent", unit="percent", inferred=True)  # (never scaled)
            if old is None or new is None or stated.value is None or not old.value or old.value < 0 or new.value is None:
                continue
            detail = f"{cols[0].name}, {row.label.strip()} vs {prev.label.strip()}: {pc.text} → {vc.text} (column " \
                     f"'{cols[1].name}', a series down the rows)"
            self.add("percent_change", cc, stated, (Relation("pct_change", (old, new),
                                                              (self.evidence("table-series", detail, True),)),))

    # -- a change between two amount columns ------------------------------------------------------------------
    def column_changes(self) -> None:
        """"Lead ship | Follow ship | Reduction", "List value | Est. paid | Implied discount", "2022 rate | Target |
        Target year | Increase": a column of percentages headed by a change word that no two periods of the table
        pair compares the two amount columns nearest before it, left to right (a column of years or ranges between
        is passed over); a "reduction" or "discount" written without a sign is a fall. The header does not say
        which columns it compares, so the reading stands only where the column's other rows confirm it: at least
        two rows, and more than half, hold on it; then it is the table's structure, enough to accuse a row that does
        not. Otherwise the cells are left unchecked."""
        cols = self.t.columns
        for ch in cols:
            if ch.role != "other" or ch.pair is not None or not ch.label:
                continue
            label = ch.label.strip()
            sense = -1 if self.lex.fall_header.search(label) else 1 if self.lex.rise_header.search(label) else \
                0 if self.lex.move_header.search(label) else None
            if sense is None or self.lex.other_basis.search(label) or self.lex.share_label.search(label):
                continue
            rows = [r for r in self.t.rows if r.kind in ("level", "total", "subtotal") and len(r.alignments) == 1]
            filled = [(r, c) for r in rows if (c := r.placed().get(ch.index)) is not None and c.raw is not None]
            if len(filled) < 3 or not all(c.percent for _, c in filled):
                continue
            amounts = [j for j in range(ch.index - 1, -1, -1) if self._amount_column(j, rows)][:2]
            if len(amounts) < 2:
                continue
            b, a = amounts  # a is left of b
            if self._prior_label(b) and not self._prior_label(a):
                a, b = b, a  # "Interim dividend | Prior year | Change": the column its label calls prior is the base
            made: list[int] = []
            for r, cell in filled:
                ac, bc = r.placed().get(a), r.placed().get(b)
                old, new, stated = self.fig(r, ac, a), self.fig(r, bc, b), self.fig(r, cell, ch.index)
                if ac is None or bc is None or old is None or new is None or stated is None or old.value is None or \
                        new.value is None or stated.value is None or old.value <= 0 or \
                        (old.type, old.unit) != (new.type, new.unit):
                    continue
                if not cell.sign and sense == -1:
                    stated = dataclasses.replace(stated, value=-stated.value)  # "Reduction 22%": a fall of 22%
                elif not cell.sign and new.value < old.value:
                    continue  # ("Change 5%" for a fall: a column that writes no signs is not read either way)
                detail = f"{r.label.strip() or f'row {r.index + 1}'}, {self.name(b)} vs {self.name(a)}: {ac.text} → " \
                         f"{bc.text} (column '{self.name(ch.index)}', the two amount columns before it)"
                n0 = len(self.claims)
                self.add("percent_change", cell, stated, (Relation("pct_change", (old, new),
                                                                   (self.evidence("table-columns", detail, False),)),))
                if len(self.claims) > n0:
                    made.append(n0)
            held = sum(_holds_change(self.claims[i], signed=True) for i in made)
            if held >= 2 and 2 * held > len(made):
                for i in made:  # the other rows confirm which columns it compares
                    cl = self.claims[i]
                    self.claims[i] = dataclasses.replace(cl, readings=tuple(dataclasses.replace(rd, evidence=tuple(
                        dataclasses.replace(e, weight=self.w["table"], explicit=True) for e in rd.evidence))
                        for rd in cl.readings))
                continue
            for i in sorted(made, reverse=True):
                cl = self.claims.pop(i)
                self.unchecked.append(Unchecked("percent_change", cl.span[0], cl.span[1], self.doc.text[cl.span[0]:cl.span[1]],
                                                f"column '{self.name(ch.index)}' compares no two periods, and too few "
                                                "of its rows hold on reading it against the two columns before it"))

    def _prior_label(self, j: int) -> bool:
        label = (self.col(j).label or "").strip()
        return bool(label) and bool(self.lex.prior.search(label) or self.lex.baseline.fullmatch(label))

    def _amount_column(self, j: int, rows: list[Row]) -> bool:
        """A column of plain amounts in ``rows``: no percentages, years, ranges or text."""
        c = self.col(j)
        if c.role not in ("other", "period") or c.pair is not None:
            return False
        figs = [x for r in rows if (x := r.placed().get(j)) is not None and x.raw is not None]
        return len(figs) >= 2 and not any(
            x.percent or x.points or x.raw is None or x.raw.value is None or x.raw.value_high is not None or
            re.fullmatch(r"(?:19|20)\d\d", x.text.strip()) for x in figs)

    # -- change columns ------------------------------------------------------------------------------------
    def changes(self) -> None:
        cols = self.t.columns
        changes = [c for c in cols if c.role == "change" and c.pair]
        if not changes:
            return
        signed_cols = {c.index: any(r.at(c.index) is not None and r.at(c.index).sign  # type: ignore[union-attr]
                                    for r in self.t.rows) for c in changes}
        self._absolute_by_cells = {c.index for c in changes if self._amounts_by_cells(c)}
        by_col: dict[int, list[int]] = {}
        for row in self.t.rows:
            if row.kind == "section" or not row.alignments:
                continue
            # per placement: (stated cell, prior cell, current cell, change column)
            found: list[dict[int, tuple[int, int, int, int]]] = []
            for al in row.alignments:
                where = {j: i for i, j in enumerate(al)}
                got: dict[int, tuple[int, int, int, int]] = {}
                for ch in changes:
                    assert ch.pair is not None
                    p, c = ch.pair
                    if ch.index in where:
                        got[where[ch.index]] = (where[ch.index], where.get(p, -1), where.get(c, -1), ch.index)
                found.append(got)
            stated_cells = set().union(*[set(g) for g in found])
            for si in sorted(stated_cells):
                cell = row.cells[si]
                if cell.raw is None:
                    continue
                readings = [g.get(si) for g in found]
                keys = {(r[0], r[1], r[2]) if r else None for r in readings}
                if len(keys) != 1 or None in keys:
                    self.skip("percent_change", cell, f"row '{row.label}' has fewer cells than the table has columns "
                                                      "and this one could stand in more than one column")
                    continue
                first = readings[0]
                assert first is not None
                _, pi, ci, chj = first
                alts = sorted({(r[3]) for r in readings if r})
                n0 = len(self.claims)
                self._change(row, cell, pi, ci, chj, alts, signed_cols.get(chj, True))
                if len(self.claims) > n0:
                    by_col.setdefault(chj, []).append(len(self.claims) - 1)
        # three or more changes of one column, none holding: the column is read on another basis than its periods
        # (organic, constant currency) or against other columns; they are doubted, not each called wrong
        for idx in by_col.values():
            if len(idx) >= 3 and not any(_holds_change(self.claims[i]) for i in idx):
                for i in idx:
                    claim = self.claims[i]
                    self.claims[i] = dataclasses.replace(claim, readings=tuple(doubt(r) for r in claim.readings))

    def _amounts_by_cells(self, ch: Column) -> bool:
        """Does a change column whose header and cells write no percent sign give its changes as amounts ("| Nations |
        26 | 29 | +3 |" under a bare "Change")? So its cells say: at least two rows, and two in three or more of them,
        where the cell is the later figure less the earlier one as written, and more such rows than rows where it is
        the percent change."""
        if ch.percent or ch.points or ch.absolute or ch.pair is None:
            return False
        p, c = ch.pair
        amounts = percents = rows = 0
        for r in self.t.rows:  # one pass over the rows
            x, a, b = r.at(ch.index), r.at(p), r.at(c)
            if x is None or a is None or b is None or x.raw is None or a.raw is None or b.raw is None or \
                    x.raw.value is None or a.raw.value is None or b.raw.value is None:
                continue
            if x.percent or x.points:
                return False
            rows += 1
            step = (x.raw.half_step or 0.0) + (a.raw.half_step or 0.0) + (b.raw.half_step or 0.0) + 1e-9
            d = b.raw.value - a.raw.value
            stated = -abs(x.raw.value) if x.negative else x.raw.value
            amounts += abs(d - stated) <= step
            percents += a.raw.value > 0 and abs(100 * d / a.raw.value - stated) <= max(step, 0.5)
        return amounts >= 2 and 3 * amounts >= 2 * rows and amounts > percents

    def _change(self, row: Row, cell: Cell, pi: int, ci: int, chj: int, alts: list[int], signed: bool) -> None:
        mark = label_mark(cell.text)
        if mark is not None and note_sets_basis(self.lex, self.doc.text, mark, self.t.end):
            # "+13%*" with "* Variances for sales and underlying EBIT are calculated at constant currency" under the
            # table: this cell's change is on the basis its note names
            self.skip("percent_change", cell, f"'{cell.text}' is on the basis its note names, not the columns'")
            return
        ch = self.col(chj)
        assert ch.pair is not None
        p, c = ch.pair
        if pi < 0 or ci < 0:
            self.skip("percent_change", cell, f"row '{row.label}' gives no figure for one of the periods compared")
            return
        old_c, new_c = row.cells[pi], row.cells[ci]
        old, new = self.fig(row, old_c, p), self.fig(row, new_c, c)
        stated = self.fig(row, cell, chj)
        if stated is None or old is None or new is None or old.value is None or new.value is None \
                or stated.value is None:
            self.skip("percent_change", cell, f"row '{row.label}' gives no figure for one of the periods compared")
            return
        label = row.label.strip() or f"row {row.index + 1}"
        cols_txt = f"{self.name(c)} vs {self.name(p)}"
        if len(alts) > 1:
            others = [a for a in alts if a != chj]
            extra = "; ".join(f"{self.name(self.col(a).pair[1])} vs {self.name(self.col(a).pair[0])}"  # type: ignore[index]
                              for a in others)
            cols_txt += f" (or {extra})"
        detail = f"{label}, {cols_txt}: {new_c.text} → {old_c.text} (column '{self.name(chj)}')"
        pct_row = row.kind in ("margin", "percent", "ratio")  # a change of a ratio may be in points
        points = ch.points or cell.points
        # a cell that names its currency ("£(88)m") is an amount whatever its column's header says
        money = cell.raw is not None and cell.raw.type == "currency" and not cell.percent
        # (or one its cells show to be amounts: "+3" beside 26 and 29, "-20" beside 170 and 150)
        absolute = (ch.absolute or money or chj in self._absolute_by_cells) and not cell.percent
        stated_pct = ch.percent or cell.percent
        explicit = ch.pair_certain and (stated_pct or points or absolute)
        if absolute and not points:
            ev = self.evidence("table-column", detail, explicit)
            step = sum(m.half_step or 0.0 for m in (stated, old, new))
            self.add("difference", cell, stated, (Relation("difference", (new, old), (ev,)),), stated_step=step)
            return
        if old.value <= 0:
            self.skip("percent_change", cell, f"row '{label}': a change from a zero or negative figure is written "
                                              "differently from table to table")
            return
        if not signed and new.value < old.value and stated.value > 0:
            self.skip("percent_change", cell, f"column '{self.name(chj)}' writes no signs: a fall may be given "
                                              "as a positive figure")
            return
        ev = self.evidence("table-column", detail, explicit)
        if points:
            readings: tuple[Relation, ...] = (Relation("pp_change", (old, new), (ev,)),)
        elif pct_row:
            readings = (Relation("pp_change", (old, new), (ev,)), Relation("pct_change", (old, new), (ev,)))
        else:
            readings = (Relation("pct_change", (old, new), (ev,)),)
        self.add("percent_change", cell, stated, readings)

    # -- totals ----------------------------------------------------------------------------------------------
    def _level_columns(self) -> list[int]:
        """The columns of amounts a total row adds; a column whose header says percent ("Change %") holds rates,
        which never add up, whatever role its header was given."""
        rate = self.lex.rate_label
        pct = {c.index for c in self.t.columns if self.lex.pct_label.search(c.name) or self.lex.change_label.search(c.name)
               or self._signed_percents(c.index) or (rate is not None and rate.search(c.name)) or _PER_THING.search(c.name)}
        return [c.index for c in self.t.columns if c.role in _LEVEL_ROLES and c.index not in pct] or \
            [j for j in range(max((len(r.cells) for r in self.t.rows), default=0)) if j not in pct]

    def _shares_make_100(self, sc: Column) -> bool:
        """Do the share column's cells break 100% down: a total row of about 100, or part rows adding to about 100?"""
        parts, total = [], None
        for r in self.t.rows:
            cell = r.placed().get(sc.index)
            if cell is None or cell.mention is None or cell.mention.value is None:
                continue
            if r.kind == "total":
                total = cell.mention.value
            elif r.kind == "level":
                parts.append(cell.mention.value)
        return (total is not None and abs(total - 100) <= 1.0) or (bool(parts) and abs(sum(parts) - 100) <= 1.5)

    def _signed_percents(self, j: int) -> bool:
        """Are the cells of column ``j`` percentages written with a sign ("+108.3%", "-8.1%"): changes, not levels?"""
        cells = [c for r in self.t.rows if (c := r.placed().get(j)) is not None and c.mention is not None]
        signed = [c for c in cells if c.mention is not None and c.mention.type == "percent" and c.text.strip()[:1] in "+-−–"]
        return len(cells) >= 2 and 2 * len(signed) > len(cells)

    def _parts_of(self, ti: int) -> list[Row] | None:
        """The rows a total row adds: the rows since the previous total; a grand total adds the subtotals since
        the previous grand total and the rows no subtotal covers."""
        rows = self.t.rows
        total = rows[ti]
        grand = bool(self.lex.total_row.match(total.key))
        parts: list[Row] = []
        covered = False
        k = ti - 1
        while k >= 0:
            r = rows[k]
            if r.kind == "total" and (not grand or self.lex.total_row.match(r.key)):
                break
            if r.kind == "section" and not grand:
                break
            if r.kind in ("subtotal", "total"):
                if grand:
                    parts.append(r)
                    covered = True
                    # skip the rows this subtotal adds
                    k = self._block_start(k) - 1
                    continue
                break
            if r.kind == "level":
                parts.append(r)
            k -= 1
        if grand and covered:
            return list(reversed(parts))
        return list(reversed(parts)) if parts else None

    def _block_start(self, si: int) -> int:
        k = si - 1
        rows = self.t.rows
        while k >= 0 and rows[k].kind in ("level", "of_which", "per_share", "margin", "percent", "ratio", "count"):
            k -= 1
        return k + 1

    def totals(self) -> None:
        rows = self.t.rows
        levels = self._level_columns()
        for ti, total in enumerate(rows):
            if total.kind not in ("total", "subtotal"):
                continue
            parts = self._parts_of(ti)
            if not parts or len(parts) < 2:
                continue
            placed_t = total.placed()
            sums: dict[int, tuple[Mention, list[Mention], Cell]] = {}
            for j in levels:
                cell = placed_t.get(j)
                if cell is None or cell.mention is None:
                    continue
                figs = [p.placed().get(j) for p in parts]
                nil = [f for f in figs if f is not None and f.missing and re.fullmatch(r"\s*[-–—]+\s*", f.text)]
                if nil and len(figs) - len(nil) >= 2 and all(f is not None and (f.mention is not None or f in nil)
                                                              for f in figs):
                    # "Unallocated central costs  -  (13.8)": a dash among the parts of a total is nil; the sum
                    # is read without it, and doubted (a dash may also mean "not available")
                    self._nil_total.add((cell.start, cell.end))
                    figs = [f for f in figs if f not in nil]
                if any(f is None or f.mention is None for f in figs):
                    if any(f is not None and f.missing for f in figs) or any(f is None for f in figs):
                        self.skip("sum", cell, f"'{total.label}': a row it adds gives no figure in column "
                                               f"'{self.name(j)}'")
                    continue
                ms = [f.mention for f in figs if f is not None and f.mention is not None]
                if cell.mention.type == "percent" and any(_SIGNED.match(m.text) for m in (cell.mention, *ms)):
                    # "+0.4 (+1.0%) / +0.7 (+3.4%) / Total +1.1 (+1.8%)": rates of change do not add up
                    self.skip("sum", cell, f"'{total.label}' in column '{self.name(j)}': percentage changes, not parts")
                    continue
                if cell.mention.type == "percent" and (cell.mention.value or 0) <= 100 and \
                        sum(m.value or 0 for m in ms) > 101.5:
                    # "Implied discount 49% / 46% / 44%, Total 51%": percentages of one whole never add up to more than
                    # 100%, so these are each row's rates, and the total row's is the rate of the totals
                    self.skip("sum", cell, f"'{total.label}' in column '{self.name(j)}': rates of each row (they add up to "
                                           "more than 100%), not parts")
                    continue
                if all((m.value or 0) >= 0 for m in ms) and (cell.mention.value or 0) < max(m.value or 0 for m in ms):
                    # "Hours per aircraft 207 / 190 / 180, Total 200", "% women 12.1 / 10.0 / 19.8, Total 12.7": a
                    # total row's cell below its largest part is an average or a ratio of the row, not their sum
                    self.skip("sum", cell, f"'{total.label}' in column '{self.name(j)}' is below its largest part: "
                                           "an average or a ratio, not a sum")
                    continue
                # "$852.2 / 284.4 / $1,136.6": results tables print the currency on the first row and the total only
                if any((m.type != cell.mention.type and not (m.type == "number" and cell.mention.type == "currency"))
                       or (m.unit != cell.mention.unit and m.type == "currency") for m in ms):
                    continue
                sums[j] = (cell.mention, ms, cell)
            if not sums:
                continue
            adds = {j: adds_up(t, ps, NEARLY) for j, (t, ps, _) in sums.items()}
            for j, (tm, ms, cell) in sums.items():
                elsewhere = [k for k, ok in adds.items() if ok and k != j]
                # a total row by its label ("Total", "Total armament programme"), whose shares say what it totals
                bare = bool(self.lex.total_row.match(total.key) or _TOTAL_FIRST.match(total.key))
                shared = bare and not adds[j] and self._shares_of_parts(parts, j, ms)
                # ("Total 2,462" under 275, 402, 1,465 and 284, which add up to 2,426; "Total 51.1" over 50.1): a row
                # called the total that misses the rows' sum by a little, or by two digits swapped, is their total
                # written wrong, not a figure of its own; so is a bare "Total" of the one column of things counted
                # ("Ships 4 / 1 / 2, Total 6": counted exactly, no rounding to hide in)
                near = bare and not adds[j] and (_near_miss(tm, ms) or (self.col(j).count and len(sums) == 1))
                if not elsewhere and not adds[j] and not shared and not near:
                    self.skip("sum", cell, f"'{total.label}' is not the sum of the rows above it in any column: "
                                           "not read as their total")
                    continue
                explicit = (bool(elsewhere) or (bare and len(sums) == 1) or shared) and \
                    (cell.start, cell.end) not in self._nil_total
                names = ", ".join(f"'{p.label}'" for p in parts)
                how = f"adds up in column '{self.name(elsewhere[0])}'" if elsewhere else "adds up here only"
                ev = self.evidence("table-total", f"'{total.label}', column '{self.name(j)}' = {names} "
                                                  f"(the rows above; {how})", explicit)
                self.add_sum(cell, tm, ms, ev)

    def rounding_noted(self) -> bool:
        """Does a line right above or below the table say its figures are rounded ("Totals may differ from the sum of
        the components because part-time positions are ... rounded", "Figures may not add up due to rounding")?"""
        text = self.doc.text
        a = text.rfind("\n", 0, max(0, self.t.start - 1)) + 1
        b = text.find("\n", self.t.end + 1)
        around = " ".join((text[max(0, a - 1):self.t.start], self.t.caption,
                           *(text[h0:h1] for h0, h1 in self.t.header), text[self.t.end:b if b > 0 else len(text)]))
        return _ROUNDING_NOTE.search(around) is not None

    def add_sum(self, cell: Cell, tm: Mention, ms: list[Mention], ev: Evidence) -> None:
        """A total cell and its parts. Counts of things in a table with no scale ("Attack submarines 55 ... Total
        293") are exact: they add up or they do not; figures that may be rounded reach as far as their rounding."""
        exact = self.counted_exactly(tm, *ms)
        step = 0.0 if exact else (tm.half_step or 0.0) + sum(m.half_step or 0.0 for m in ms)
        self.add("sum", cell, tm, (Relation("sum", tuple(ms), (ev,), exact=exact),), stated_step=step)

    def counted_exactly(self, *ms: Mention) -> bool:
        """Counts of things in a table with no scale ("Ordered 124 | Delivered 15 | Remaining 110") are exact: they add
        up or they do not. Not "12,300" (rounded to hundreds), nor under a note that the figures are rounded."""
        return self.t.scale_text is None and all(
            m.type in ("count", "number") and not m.decimals and not m.scale and m.value is not None
            and not (m.value >= 100 and m.value % 100 == 0) for m in ms) and not self.rounding_noted()

    def total_columns(self) -> None:
        cols = [c for c in self.t.columns if c.parts]
        for tc in cols:
            # "Quantity | Full Funding | Advance Procurement | Total": a column of counts is no addend of an amount's total
            parts = [j for j in tc.parts if not _COUNT_HEADER.search(self.name(j))]
            if len(parts) >= 2 and len(parts) < len(tc.parts) and not _COUNT_HEADER.search(tc.name):
                tc = dataclasses.replace(tc, parts=tuple(parts))
            rows = []
            for r in self.t.rows:
                if r.kind not in ("level", "total", "subtotal", "of_which"):
                    continue
                pl = r.placed()
                cell = pl.get(tc.index)
                figs = [pl.get(j) for j in tc.parts]
                if cell is None or cell.mention is None or any(f is None or f.mention is None for f in figs):
                    continue
                rows.append((r, cell, [f.mention for f in figs if f is not None and f.mention is not None]))
            oks = [adds_up(c.mention, ms, NEARLY) for _, c, ms in rows if c.mention is not None]
            for k, (r, cell, ms) in enumerate(rows):
                elsewhere = any(ok for i, ok in enumerate(oks) if i != k)
                if not elsewhere and not oks[k]:
                    self.skip("sum", cell, f"column '{tc.name}' is not the sum of the columns before it in any row")
                    continue
                if tc.role == "period" and not oks[k] and cell.mention is not None and \
                        same_figure(cell.mention, ms[-1]):
                    # "Backlog 1,152 1,210 1,288 1,344 1,344": a stock at the year's end is its last quarter's, no sum
                    self.skip("sum", cell, f"'{r.label}' in column '{tc.name}' is the last period's level, not a sum")
                    continue
                names = ", ".join(f"'{self.name(j)}'" for j in tc.parts)
                ev = self.evidence("table-total", f"'{r.label}', column '{tc.name}' = {names}", elsewhere)
                tm = cell.mention
                assert tm is not None
                self.add_sum(cell, tm, ms, ev)

    # -- shares ------------------------------------------------------------------------------------------------
    def shares(self) -> None:
        rows = self.t.rows
        for sc in (c for c in self.t.columns if c.role == "share" and c.pair):
            assert sc.pair is not None
            if sc.whole == "column":
                if not self._shares_make_100(sc):
                    self._row_shares(sc, sc.pair[0], sc.pair[1])
                    continue
                # "Firm orders  Delivered  % of orders" with a total of 100.0: each row's share of the named column's
                # total, not of its own cell in that column
                sc = dataclasses.replace(sc, whole="total", pair=(sc.pair[1], sc.pair[1]))
            named = self._header_whole(sc)  # "Share of €10,471m": the whole the header names outright
            if sc.whole == "named" and named is None and not self._shares_make_100(sc):
                # "% of GDP" with no GDP column, its cells no breakdown of 100%: the whole is outside the table
                for r in rows:
                    cell = r.placed().get(sc.index)
                    if cell is not None and cell.mention is not None:
                        self.skip("share", cell, f"a share of what column '{sc.name}' names, which the table does not give")
                continue
            lvl = self._share_level(sc)
            found = []
            for ri, r in enumerate(rows):
                pl = r.placed()
                cell = pl.get(sc.index)
                if cell is None or cell.raw is None or r.kind not in ("level", "subtotal", "of_which", "total"):
                    continue
                whole_row = self._sales_row(ri) if sc.whole == "sales" else self._share_whole(sc, ri)
                if named is not None and whole_row is None:
                    whole_row = rows[-1]  # (the whole is the header's figure; the row only names it in messages)
                if whole_row is None or whole_row is r:
                    continue
                own = self.fig(whole_row, whole_row.placed().get(sc.index), sc.index) if sc.whole in ("total", "named") else None
                if own is not None and own.value is not None and abs(own.value - 100.0) > 0.51:
                    continue  # "Top five ... 70.2": the row's own share says it is a part of a larger whole
                part, whole = self.fig(r, pl.get(lvl), lvl), self.fig(whole_row, whole_row.placed().get(lvl), lvl)
                stated = self.fig(r, cell, sc.index)
                if named is not None and part is not None and part.unit == named.unit:
                    whole = named
                if part is None or whole is None or stated is None or not whole.value:
                    continue
                found.append((r, cell, stated, part, whole, whole_row))
            oks = [_holds_share(st, p, w) for _, _, st, p, w, _ in found]
            # three or more shares of one column, none holding to its own rounding: the whole (or the reading of the
            # column) is what is wrong, not each share ("Top five 10,462" under shares of the €13.33 billion total, one
            # of them within the looser tolerance by chance); they are doubted, and the total's own sum says which
            none_hold = len(found) >= 3 and not any(_holds_share(st, p, w, exact=True) for _, _, st, p, w, _ in found)
            for k, (r, cell, stated, part, whole, wr) in enumerate(found):
                elsewhere = any(ok for i, ok in enumerate(oks) if i != k)
                explicit = (elsewhere or sc.label.strip() not in ("%", "(%)")) and not none_hold
                of = f"{whole.text}, the whole its header names" if whole is named else f"'{wr.label}' {whole.text}"
                ev = self.evidence("table-share", f"{r.label}, {self.name(lvl)}: {part.text} of {of} (column '{sc.name}')",
                                   explicit)
                readings = [Relation("share", (part, whole), (ev,))]
                # "Total 1,742" where the rows add up to 1,724 and every share is of 1,724: one error, the total's
                # (its sum check says so); a share of the rows' own sum holds, so the shares are not called wrong too
                addends = self._addends(wr, lvl) if whole is not named else []
                if addends and not adds_up(whole, addends, NEARLY):
                    readings.append(Relation("share_of_sum", (part, *addends), (Evidence(
                        "table-share-parts", f"{part.text} of the sum of the rows '{wr.label}' adds", self.w["unsure"],
                        False),)))
                self.add("share", cell, stated, tuple(readings))

    # -- columns derived from two others, as the rows show -----------------------------------------------------
    def formulas(self) -> None:
        """A column each row of which is one formula of two other columns of the row: a ratio or a product, by a power
        of ten ("Per capita ($)" = "Spending ($bn)" / "Population (m)" × 1,000; "Total ($m)" = "Unit cost ($000)" ×
        "Quantity" / 1,000). The rows show it: the formula must hold in at least three rows and all but one in five.
        Then every row is checked against it; a row breaking it fails only under a header that names a derived
        figure (tables.yaml derived_headers), or in a column of percentages the same ratio holds in four rows or more,
        all but one; else it warns. Bounded: tables of at most 14 columns, the formula found
        on the first 25 rows."""
        cols = self.t.columns
        if not 3 <= len(cols) <= 14:
            return
        rows = [r for r in self.t.rows if r.kind in ("level", "subtotal", "of_which", "total")]
        vals: list[dict[int, tuple[Cell, Mention]]] = []
        for r in rows:
            d: dict[int, tuple[Cell, Mention]] = {}
            for j, cell in r.placed().items():
                if cell.raw is not None and cell.raw.value and not cell.missing and j < len(cols):
                    d[j] = (cell, cell.raw)
            vals.append(d)
        # a relation among three columns is checked once, on the column that names a derived figure, else the
        # rightmost of the three ("Spending | Population | Per capita")
        order = sorted(range(len(cols)), key=lambda j: (not self.lex.derived_label.search(cols[j].label), -j))
        used: set[frozenset[int]] = set()
        for c in order:
            have = [k for k, d in enumerate(vals) if c in d]
            if len(have) < 3 or sum((vals[k][c][0].start, vals[k][c][0].end) in self._claimed for k in have) * 2 > len(have):
                continue
            found = self._formula_for(c, vals, used)
            if found is None:
                continue
            a, b, how, k, hold, n = found
            used.add(frozenset((a, b, c)))
            # (or a column of percentages that is the same ratio of two columns in four rows or more, all but one: the
            # rows name the formula as plainly as a header would)
            explicit = bool(self.lex.derived_label.search(cols[c].label)) or (
                how == "ratio" and k == 2 and hold >= 4 and n - hold <= 1
                and all(d[c][0].percent for d in vals if c in d))
            what = f"{self.name(a)} {'/' if how == 'ratio' else '−' if how == 'difference' else '×'} {self.name(b)}"
            scale = f" × {_fmt_factor(10.0 ** k)}" if k else ""
            for d, r in zip(vals, rows, strict=True):
                if not (a in d and b in d and c in d):
                    continue
                cell, stated = d[c]
                if r.kind == "total" and how != "difference" and not _cell_holds(d[a][1], d[b][1], stated, how, k):
                    continue  # a total row may add up or average what the rows rate ("Total 730 145,700 577")
                ev = self.evidence("table-formula", f"{r.label}: column '{self.name(c)}' is {what}{scale} in {hold} of {n} "
                                                   "rows", explicit)
                ops = (d[a][1], d[b][1])
                if how == "difference":
                    exact = self.counted_exactly(stated, *ops)
                    self.add("difference", cell, stated, (Relation("difference", ops, (ev,), exact=exact),),
                             stated_step=0.0 if exact else None)
                elif how == "ratio" and k == 2 and (cell.percent or self.lex.pct_label.search(cols[c].label)):
                    self.add("share", cell, stated, (Relation("share", ops, (ev,)),))
                elif how == "ratio":
                    self.add("per_unit", cell, stated, (Relation("per_unit", ops, (ev,), factor=10.0 ** k),))
                else:
                    self.add("per_unit", cell, stated, (Relation("product", ops, (ev,), factor=10.0 ** k),))

    def row_formulas(self) -> None:
        """A row whose label names a figure of two other rows ("Gap", "Difference", "EU + US"; tables.yaml
        derived_row_labels): the two rows it is the difference or the sum of, column by column, as the columns show
        (all columns but one holding, at least two). Then each column's cell is checked. Bounded: 60 rows."""
        rows = [r for r in self.t.rows[:60] if r.kind in ("level", "subtotal", "of_which", "total")]
        vals: list[dict[int, tuple[Cell, Mention]]] = []
        for r in rows:
            d: dict[int, tuple[Cell, Mention]] = {}
            for j, cell in r.placed().items():
                if cell.raw is not None and cell.raw.value is not None and not cell.missing:
                    d[j] = (cell, cell.raw)
            vals.append(d)
        for ri, r in enumerate(rows):
            # the label names the derived figure first ("Gap", "Net debt", "EU + US"), not as one word of a measure's
            # name ("Electronic Systems net revenues")
            if not _derived_label(self.lex.derived_row, r.label) or len(vals[ri]) < 3:
                continue
            best: tuple[int, int, str, int, int] | None = None
            for ai in range(len(rows)):
                for bi in range(len(rows)):
                    if len({ai, bi, ri}) < 3:
                        continue
                    cols = [j for j in vals[ri] if j in vals[ai] and j in vals[bi]]
                    if len(cols) < 3:
                        continue
                    for how in ("difference", "sum"):
                        if how == "sum" and bi < ai:
                            continue
                        # (a difference printed without its sign is read as positive: the order of the rows must
                        # give that sign, "Structural − Total" is no "Electronic Systems" row)
                        hold = sum(1 for j in cols if _rows_hold(vals[ai][j][1], vals[bi][j][1], vals[ri][j][1], how)
                                   and (how != "difference" or _same_sign(vals[ai][j][1], vals[bi][j][1],
                                                                          vals[ri][j][1])))
                        # the label says the row is derived: two columns of three showing how are enough
                        if hold >= min(3, len(cols) - 1) and len(cols) - hold <= max(1, len(cols) // 5) and \
                                (best is None or hold > best[3]):
                            best = (ai, bi, how, hold, len(cols))
            if best is None:
                continue
            ai, bi, how, hold, n = best
            a, b = rows[ai], rows[bi]
            sign = "−" if how == "difference" else "+"
            for j, (cell, stated) in vals[ri].items():
                if j not in vals[ai] or j not in vals[bi]:
                    continue
                ev = self.evidence("table-row-formula", f"{self.name(j)}: row '{r.label}' is '{a.label}' {sign} "
                                                       f"'{b.label}' in {hold} of {n} columns", True)
                ops = (vals[ai][j][1], vals[bi][j][1])
                exact = self.counted_exactly(stated, *ops)
                self.add("difference" if how == "difference" else "sum", cell, stated,
                         (Relation("difference" if how == "difference" else "sum", ops, (ev,), exact=exact),),
                         stated_step=0.0 if exact else None)

    def _formula_for(self, c: int, vals: list[dict[int, tuple[Cell, Mention]]], used: set[frozenset[int]]
                     ) -> tuple[int, int, str, int, int, int] | None:
        """The two columns and the formula (ratio or product, × 10^k) column c follows in most rows, if one does."""
        best: tuple[int, int, str, int, int, int] | None = None
        sample = [d for d in vals if c in d][:25]
        for a in range(len(self.t.columns)):
            for b in range(len(self.t.columns)):
                if len({a, b, c}) < 3 or frozenset((a, b, c)) in used:
                    continue
                rows = [d for d in sample if a in d and b in d]
                if len(rows) < 3 or len({d[b][1].value for d in rows}) < 2:
                    continue  # a constant column explains nothing
                # "Variance (£m)" = "Forecast (£m)" − "Budget (£m)": a difference, of the figures as printed
                diff_hold = [d for d in rows if _rows_hold(d[a][1], d[b][1], d[c][1], "difference")
                             and _same_sign(d[a][1], d[b][1], d[c][1])]
                n = len(rows)
                hold = len(diff_hold)
                if hold >= 3 and n - hold <= max(1, n // 5) and (best is None or hold > best[4]) and \
                        not all(abs(d[b][1].value or 0) < 1e-9 for d in rows):
                    best = (a, b, "difference", 0, hold, n)
                for how in ("ratio", "product"):
                    ks: list[int] = []
                    for d in rows:
                        x, y, z = d[a][1].value or 0.0, d[b][1].value or 0.0, d[c][1].value or 0.0
                        v = x / y if how == "ratio" else x * y
                        if not v or z / v <= 0:
                            continue
                        e = math.log10(z / v)
                        if abs(e - round(e)) < 0.03:
                            ks.append(round(e))
                    if len(ks) < 3:
                        continue
                    k = max(set(ks), key=ks.count)
                    if k == 0 and how == "ratio" and all(abs((d[b][1].value or 0) - 1) < 1e-9 for d in rows):
                        continue
                    hold = sum(1 for d in rows if _cell_holds(d[a][1], d[b][1], d[c][1], how, k))
                    n = len(rows)
                    if hold >= 3 and n - hold <= max(1, n // 5) and (best is None or hold > best[4]):
                        best = (a, b, how, k, hold, n)
        return best

    def _row_shares(self, sc: Column, pj: int, wj: int) -> None:
        """"% of GDP" beside "GDP": each row's part column over its own cell of the column the header names."""
        for r in self.t.rows:
            pl = r.placed()
            cell = pl.get(sc.index)
            if cell is None or cell.raw is None or r.kind not in ("level", "subtotal", "of_which", "total"):
                continue
            part, whole, stated = self.fig(r, pl.get(pj), pj), self.fig(r, pl.get(wj), wj), self.fig(r, cell, sc.index)
            if part is None or whole is None or stated is None or not whole.value:
                continue
            ev = self.evidence("table-share", f"{r.label}: {self.name(pj)} {part.text} of {self.name(wj)} {whole.text} "
                                              f"(column '{sc.name}')", True)
            self.add("share", cell, stated, (Relation("share", (part, whole), (ev,)),))

    def _shares_of_parts(self, parts: list[Row], j: int, figs: list[Mention]) -> bool:
        """Does a share-of-total column give every part row its share of the parts' own sum ("Total 1,742" over rows
        adding to 1,724, with "29.5%" for 509)? Then the total row is their total, whatever its figure."""
        total = sum(f.value or 0.0 for f in figs)
        cols = [c.index for c in self.t.columns if c.role == "share" and c.whole in ("total", "named")]
        if not cols or not total:
            return False
        for p, f in zip(parts, figs, strict=True):
            cell = p.placed().get(cols[0])
            st = self.fig(p, cell, cols[0]) if cell is not None else None
            if st is None or st.value is None or abs(st.value - (f.value or 0.0) / total * 100) > (st.half_step or 0.05) + 1e-9:
                return False
        return True

    def _addends(self, total: Row, j: int) -> list[Mention]:
        """The figures in column ``j`` of the rows the total row ``total`` adds ([] when one is missing)."""
        ti = next((i for i, r in enumerate(self.t.rows) if r is total), None)
        parts = self._parts_of(ti) if ti is not None and total.kind in ("total", "subtotal") else None
        if not parts or len(parts) < 2:
            return []
        figs = [self.fig(p, p.placed().get(j), j) for p in parts]
        return [f for f in figs if f is not None] if all(f is not None for f in figs) else []

    def _share_level(self, sc: Column) -> int:
        """The column a share column annotates: the one its header placement says, unless that one holds no
        amounts to share out (years of a "First order" column, nothing in the total row); then the nearest
        column before it that does."""
        assert sc.pair is not None

        def usable(j: int) -> bool:
            found = [self.fig(r, r.placed().get(j), j) for r in self.t.rows if r.kind in ("level", "total")]
            figs = [f for f in found if f is not None]
            totals = [r for r in self.t.rows if r.kind == "total" and r.placed().get(j) is not None]
            years = figs and all(f.value is not None and f.value == int(f.value) and 1900 <= f.value <= 2100 and
                                 not f.grouped for f in figs)
            return bool(figs) and bool(totals) and not years

        # "Share of FY25 %": a header that names another column's period says whose shares they are
        named = [c.index for c in self.t.columns if c.index != sc.index and c.role == "period" and c.name.strip()
                 and re.search(r"(?<![\w])" + re.escape(c.name.strip()) + r"(?![\w])", sc.name)]
        if len(named) == 1 and usable(named[0]):
            return named[0]
        placed = sc.pair[0] if usable(sc.pair[0]) else None
        if placed is None:
            for j in range(sc.index - 1, -1, -1):
                if self.t.columns[j].role in ("period", "other", "total") and usable(j):
                    placed = j
                    break
        if placed is None:
            return sc.pair[0]
        # "Region | 9M 2024 | 9M 2023 | % of total": after two period columns the shares may be of either; the one
        # its shares hold for is the column it annotates (the placement wins a tie)
        others = [j for j in range(sc.index) if j != placed and self.t.columns[j].role in ("period", "other")
                  and usable(j)]
        if sc.whole not in ("total", "named") or not others:
            return placed
        best, most = placed, self._shares_holding(sc, placed)
        for j in others:
            n = self._shares_holding(sc, j)
            if n > most:
                best, most = j, n
        return best

    def _shares_holding(self, sc: Column, j: int) -> int:
        """How many rows' shares in column ``sc`` hold as shares of column ``j``'s total."""
        n = 0
        for ri, r in enumerate(self.t.rows):
            cell = r.placed().get(sc.index)
            wr = self._share_whole(sc, ri)
            if cell is None or cell.raw is None or wr is None or wr is r or r.kind not in ("level", "subtotal", "of_which"):
                continue
            part, whole = self.fig(r, r.placed().get(j), j), self.fig(wr, wr.placed().get(j), j)
            stated = self.fig(r, cell, sc.index)
            if part is not None and whole is not None and stated is not None and whole.value and \
                    _holds_share(stated, part, whole):
                n += 1
        return n

    def _header_whole(self, sc: Column) -> Mention | None:
        """The amount a share column's header names as its whole ("Share of €10,471m", "% of total (SEK 12,300m)"), or
        None."""
        if sc.start < 0 or not any(ch.isdigit() for ch in sc.label):
            return None
        from ..extract import extract

        head = Document(path=self.doc.path, text=self.doc.text[sc.start:sc.end])
        got = [m for m in extract(head, self.vocab) if m.type in ("currency", "count") and m.value]
        if len(got) != 1:
            return None
        return dataclasses.replace(got[0], start=got[0].start + sc.start, end=got[0].end + sc.start,
                                   num_start=got[0].num_start + sc.start, num_end=got[0].num_end + sc.start)

    def _share_whole(self, sc: Column, ri: int) -> Row | None:
        """The row whose figure row ``ri``'s share in column ``sc`` is of: the total below it, unless that total has no
        share of its own and a row between says 100% ("Subtotal 4,822 100%" above "Consolidation (505)" and "Total
        4,317": the shares are of the subtotal)."""
        total = self._total_below(ri)
        own_cell = total.placed().get(sc.index) if total is not None else None
        if total is None or (own_cell is not None and own_cell.raw is not None):
            return total
        end = total.index if total is not None else len(self.t.rows) - 1
        for k, r in enumerate(self.t.rows[ri:end + 1]):
            if r.kind == "section":
                break
            own = self.fig(r, r.placed().get(sc.index), sc.index)
            if own is not None and own.value is not None and abs(own.value - 100.0) <= 0.51:
                return r if k else None  # a row at 100% is the whole itself
        return total

    def _total_below(self, ri: int) -> Row | None:
        """The first bare total row below row ``ri`` in its section (one backward pass, kept); a table's only total
        row counts whatever its label (a "Defence Function" row whose share is 100%)."""
        if self._totals_below is None:
            below: list[Row | None] = [None] * len(self.t.rows)
            nxt: Row | None = None
            only = sum(r.kind == "total" for r in self.t.rows) == 1
            for k in range(len(self.t.rows) - 1, -1, -1):
                below[k] = nxt
                r = self.t.rows[k]
                if r.kind == "total" and (only or self.lex.total_row.match(r.key)):
                    nxt = r
                elif r.kind == "section":
                    nxt = None
            self._totals_below = below
        return self._totals_below[ri]

    def _sales_row(self, ri: int) -> Row | None:
        """The sales row nearest above row ``ri``, else the first below."""
        if self._sales is None:
            self._sales = [r for r in self.t.rows if r.key in self.lex.sales_words and r.kind in ("level", "total")]
        cands = self._sales
        k = bisect.bisect_left([r.index for r in cands], ri)
        return cands[k - 1] if k > 0 else (cands[0] if cands else None)

    def _qualified_sales_row(self, measure: str) -> Row | None:
        """For a margin of a qualified measure ("adjusted EBIT"), the sales row of the same qualifier ("Adjusted
        revenue"), when the table has one."""
        words = measure.split()
        for k in range(len(words) - 1, 0, -1):
            q = " ".join(words[:k])
            for r in self.t.rows:
                if r.kind in ("level", "total") and r.key.startswith(q + " ") and r.key[len(q) + 1:] in self.lex.sales_words:
                    return r
        return None

    # -- margins and ratios ------------------------------------------------------------------------------------
    def margins(self) -> None:
        rows = self.t.rows
        for ri, m in enumerate(rows):
            if m.kind in ("margin", "ratio") and (mark := label_mark(m.label)) is not None and \
                    note_sets_basis(self.lex, self.doc.text, mark, self.t.end):
                for c in m.cells:  # "Adjusted EBITDA margin*" with "* excluding pass-through revenue" under the table
                    if c.raw is not None:
                        self.skip("share", c, f"row '{m.label.strip()}' is on the basis its note names, not the rows'")
                continue
            if m.kind in ("margin", "ratio") and _amount_row(m):
                continue  # "Operating margin  512  403" in a "M€" table: an amount its company calls a margin
            if m.kind == "margin" and self.lex.of_sales_row.match(m.label.strip()):
                # "in % of sales" under a row: that row's margin (an amount row, whatever its name: "Operating
                # margin 512 403" then "% of revenue 10.6% 9.3%")
                above = rows[ri - 1] if ri else None
                num = above if above is not None and above.kind != "section" and _amount_row(above) else \
                    next((r for r in reversed(rows[:ri]) if r.kind in ("level", "total", "subtotal")), None)
                self._ratio_row(m, num, self._sales_row(ri), "share", "above it", percent=True)
            elif m.kind == "margin":
                measure = _margin_measure(m.key)
                num = self._measure_row(ri, measure)
                den = self._qualified_sales_row(measure) or self._sales_row(ri)
                self._ratio_row(m, num, den, "share", f"'{measure}'", percent=True)
            elif m.kind == "ratio":
                spec = next((s for s in self.lex.ratio_rows
                             if any(m.key == str(w).lower() or m.key.startswith(str(w).lower())
                                    for w in s.get("label") or [])), None)
                if spec is None:
                    continue
                num = self._row_named(ri, [str(w).lower() for w in spec.get("numerator") or []])
                den = self._row_named(ri, [str(w).lower() for w in spec.get("denominator") or []])
                self._ratio_row(m, num, den, "share" if spec.get("percent") else "multiple",
                                "its numerator", percent=bool(spec.get("percent")))

    def _ratio_row(self, m: Row, num: Row | None, den: Row | None, kind: str, what: str, percent: bool) -> None:
        placed = m.placed()
        targets = [(j, c) for j, c in sorted(placed.items()) if c.raw is not None and j < len(self.t.columns)
                   and self.col(j).role in _LEVEL_ROLES and not c.points]
        if not targets:
            return
        if num is None or den is None:
            for _, c in targets:
                self.skip(kind, c, f"'{m.label}': no row {what if num is None else 'of sales'} in the table "
                                   "to divide")
            return
        for j, cell in targets:
            a, b = num.placed().get(j), den.placed().get(j)
            fa, fb = self.fig(num, a, j), self.fig(den, b, j)
            stated = cell.mention
            if fa is None or fb is None or stated is None or not fb.value:
                continue
            ev = self.evidence("table-row", f"'{m.label}', column '{self.name(j)}' = '{num.label}' {fa.text} / "
                                            f"'{den.label}' {fb.text}", True)
            if percent:
                self.add(kind, cell, stated, (Relation("share", (fa, fb), (ev,)),))
            else:
                self.add(kind, cell, stated, (Relation("ratio", (fb, fa), (ev,)),))

    def _measure_row(self, ri: int, measure: str) -> Row | None:
        names = list(self.lex.margin_measures.get(measure, []))
        names += [measure, f"{measure} profit", f"{measure} income", f"{measure} result", f"{measure} earnings"]
        return self._row_named(ri, names)

    def _row_named(self, ri: int, names: list[str]) -> Row | None:
        """The nearest row above ``ri`` (else below) whose label is one of ``names``."""
        wanted = set(names)
        rows = self.t.rows
        for r in (*reversed(rows[:ri]), *rows[ri + 1:]):
            if r.kind in ("level", "total", "subtotal") and not wanted.isdisjoint(row_names(r.key)):
                return r
        return None


def _amount_row(r: Row) -> bool:
    """A row of amounts, whatever its label says: no cell written as a percent and one beyond 100 (a margin or a
    ratio of over 100% is not what a results table gives)."""
    figs = [c.mention for c in r.cells if c.raw is not None and c.mention is not None and c.mention.value is not None]
    # (a signed percent is the row's change column: "Operating margin | 511 | 403 | +27%")
    return bool(figs) and not any(c.percent and not _SIGNED.match(c.mention.text if c.mention else "")
                                  for c in r.cells if c.raw is not None) and \
        any(abs(m.value or 0.0) > 100 for m in figs)


def _cell_holds(a: Mention, b: Mention, c: Mention, how: str, k: int) -> bool:
    """Does c = a / b (or a × b) × 10^k, within the rounding of the three figures as written?"""
    x, y, z = a.value or 0.0, b.value or 0.0, c.value or 0.0
    if not y and how == "ratio":
        return False
    v = (x / y if how == "ratio" else x * y) * 10.0 ** k
    rel = sum((m.half_step or 0.0) / abs(m.value) for m in (a, b) if m.value)
    return abs(z - v) <= (c.half_step or 0.0) + abs(v) * rel + 1e-9 * abs(v)


_TOTAL_FIRST = re.compile(r"(?:grand\s+)?total\b", re.I)
def _derived_label(derived_row: re.Pattern, label: str) -> bool:
    """Does a row label name a derived figure: a derived noun first ("Gap", "Net debt"), or an operation anywhere ("EU +
    US", "EU plus US", "Orders less cancellations", "EU and US combined"); not "Electronic Systems net revenues"?"""
    label = label.strip()
    return any(m.start() == 0 or m.group(0).strip().lower() in _OPERATIONS or not m.group(0).strip().isalpha()
               for m in derived_row.finditer(label))


_OPERATIONS = frozenset({"plus", "minus", "less", "combined"})


def _same_sign(a: Mention, b: Mention, c: Mention) -> bool:
    """Does c have the sign of a − b (a figure printed without a sign is positive, "(12)" negative)? The order of a
    and b the column follows is the one its cells' signs say."""
    v = (a.value or 0.0) - (b.value or 0.0)
    return not (c.value or 0.0) or not v or ((c.value or 0.0) > 0) == (v > 0)


def _rows_hold(a: Mention, b: Mention, c: Mention, how: str) -> bool:
    """Does c = a − b (or a + b) within the rounding of the three figures as written?"""
    v = (a.value or 0.0) - (b.value or 0.0) if how == "difference" else (a.value or 0.0) + (b.value or 0.0)
    slack = (a.half_step or 0.0) + (b.half_step or 0.0) + (c.half_step or 0.0)
    return abs(abs(c.value or 0.0) - abs(v)) <= slack + 1e-9 * max(1.0, abs(v)) if how == "difference" \
        else abs((c.value or 0.0) - v) <= slack + 1e-9 * max(1.0, abs(v))


def _fmt_factor(f: float) -> str:
    return f"{f:,.0f}" if f >= 1 else f"{f:g}"


def row_names(key: str) -> set[str]:
    """The names a row goes by: 'operating income (ebit)' -> {'operating income (ebit)', 'operating income',
    'ebit'}."""
    got = _ROW_NAMES.get(key)
    if got is None:
        if len(_ROW_NAMES) > 20000:  # a server that reads many documents: keep the memo bounded
            _ROW_NAMES.clear()
        got = _ROW_NAMES[key] = frozenset(_row_names(key))
    return set(got)


_ROW_NAMES: dict[str, frozenset[str]] = {}


def _row_names(key: str) -> set[str]:
    out = {key}
    inner = re.findall(r"\(([^()]*)\)", key)
    if inner:
        out.add(re.sub(r"\s+", " ", re.sub(r"\([^()]*\)", " ", key)).strip())
        out.update(x.strip() for x in inner if x.strip())
    # "Naval & special ships" is written "naval and special ships" in the prose, and the other way round
    out.update([n.replace(" & ", " and ") for n in out if " & " in n] + [n.replace(" and ", " & ") for n in out if " and " in n])
    return out


def _margin_measure(key: str) -> str:
    """'ebit margin' -> 'ebit'; 'adjusted ebit margin' -> 'adjusted ebit'; 'operating margin, adjusted' ->
    'adjusted operating' (words after "margin" qualify the measure: no row of the plain measure will do)."""
    words = key.replace(",", " ").replace("(", " ").replace(")", " ").split()
    for w in ("margin", "margins"):
        if w in words:
            i = words.index(w)
            after = [x for x in words[i + 1:] if x not in ("in", "%", "percent", "per", "cent", "of", "sales", "rate",
                                                           "ratio")]
            words = after + words[:i]
            break
    return " ".join(words).strip()


def _holds_change(c: Claim, signed: bool = False) -> bool:
    """Does a table's change cell hold on its first reading (percent, points or amount), at the cell's precision? With
    ``signed``, with its sign too (a rise written for a fall does not hold)."""
    r = c.readings[0] if c.readings else None
    st = c.stated
    if r is None or st is None or st.value is None or len(r.operands) != 2:
        return False
    a, b = r.operands
    if a.value is None or b.value is None:
        return False
    if r.formula == "pct_change":
        if not a.value:
            return False
        v = (b.value - a.value) / abs(a.value) * 100
    elif r.formula == "difference":
        v = a.value - b.value
    else:
        v = b.value - a.value
    step = (st.half_step or 0.05) + sum(m.half_step or 0.0 for m in (a, b)) * (100 / abs(a.value) if r.formula ==
                                                                              "pct_change" and a.value else 1)
    if signed:
        value = c.stated_value if c.stated_value is not None else st.value
        return abs(v - value) <= step + 1e-9
    return abs(abs(v) - abs(st.value)) <= step + 1e-9


def _holds_share(stated: Mention, part: Mention, whole: Mention, exact: bool = False) -> bool:
    """Does ``part`` / ``whole`` give the stated percent, to its rounding (and, unless ``exact``, a point's slack)?"""
    if stated.value is None or part.value is None or not whole.value:
        return False
    v = part.value / whole.value * 100
    return math.isclose(v, stated.value, abs_tol=(stated.half_step or 0.5) + (1e-9 if exact else NEARLY * 100))


# ------------------------------------------------------------------------------------------ prose and tables

_COMPARED = re.compile(r"\s*(?:(?P<up>ahead\s+of|above|higher\s+than|more\s+than|up\s+on)|(?P<down>behind|below|lower\s+than|"
                       r"less\s+than|down\s+on))\s+(?:the\s+)?(?:last|previous|prior|same)\b", re.I)
_CLAUSE_END = re.compile(r"[;•·]|,\s+(?:while|whereas|but|and|with|giving|corresponding|representing|compared)\b"
                         r"|\s+(?:while|whereas)\b")


def prose_links(tables: list[Table], mentions: list[Mention], doc: Document, vocab: dict | None = None) -> list[Claim]:
    """Figures in the prose that restate a table row.

    A percentage beside a change word ("Net sales up 6 percent to $11.3 billion" over a "Net sales" row with this
    year's and last year's figures) is a percent_change claim whose readings are the row's period pairs. An amount
    after a level cue ("sales came to SEK 23,960m", "revenue of €1.06bn") is a consistency claim against the row's
    figures: it holds when it is one of them at the prose's precision ("€1.06bn" for "1,058" in € million).
    A reading is explicit only when the row's label is in the figure's clause and the period is named ("in the
    quarter") or - for a change - the clause gives the row's current figure ("to $11.3 billion"); otherwise every
    candidate is a reading and none is explicit (a warning at most). Basis words ("organic", "at constant
    currency", "margin") keep a figure off the table."""
    if not tables:
        return []
    if vocab is None:
        from ..ruleset import load_rules

        vocab = load_rules().vocab
    return _Prose(tables, mentions, doc, vocab).run()


_LEVEL_CUE = re.compile(r"(?:\b(?:to|of|at|was|were|is|are|totall?ed|totaling|totalling|amounted\s+to|came\s+to|"
                        r"reached|stood\s+at|of\s+some|of\s+about|of\s+around)|:)\s+(?:(?:about|around|some|nearly|"
                        r"almost|approximately|roughly|over|more\s+than|just\s+over|just\s+under)\s+)?$", re.I)
_FORWARD = re.compile(r"\b(?:expect\w*|forecast\w*|outlook|guidance|target\w*|plan\w*|aim\w*|will|would|could|"
                      r"anticipat\w*|projected|estimate\w*|budget\w*)\b", re.I)


def _outside_other_brackets(clause: str, a: int, b: int) -> str:
    """The clause without the bracketed asides that do not hold the span [a, b)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(clause):
        if ch == "(":
            if depth == 0:
                out.append(clause[start:i])
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                if start <= a < i + 1:
                    out.append(clause[start:i + 1])
                start = i + 1
    out.append(clause[start:])
    return "".join(out)


class _Prose:
    def __init__(self, tables: list[Table], mentions: list[Mention], doc: Document, vocab: dict) -> None:
        from ..document.segment import sentences

        self.tables, self.doc, self.text = tables, doc, doc.text
        self.lex = lexicon(vocab)
        t_vocab = vocab.get("tables") or {}
        self.inc = _word_alt(vocab.get("increase_words") or [])
        self.dec = _word_alt(vocab.get("decrease_words") or [])
        # the table's own prose qualifiers and the linker's basis qualifiers ("at constant scope and exchange rates")
        basis = ((vocab.get("linking") or {}).get("words") or {}).get("basis_qualifiers") or []
        self.qual = _word_alt([*(t_vocab.get("prose_qualifiers") or []), *basis])
        # "a book-to-bill ratio of 0.91x": a multiple named as a ratio of two measures (linking words ratio_names)
        self.ratio_names = _word_alt(((vocab.get("linking") or {}).get("words") or {}).get("ratio_names") or [])
        # "Closing the gap of 21,500 soldiers means growing the force by nearly 12%": what a level implies (linking words
        # implication_verbs) is another change than the level's row
        self.implies = _word_alt(((vocab.get("linking") or {}).get("words") or {}).get("implication_verbs") or [])
        self.periods = {str(k): _word_alt(v or []) for k, v in (t_vocab.get("prose_periods") or {}).items()}
        # the span a change names as its base ("from a year earlier", "sequentially"); the linker's prior_markers are
        # a year back too
        bases = {str(k): list(v or []) for k, v in (t_vocab.get("prose_bases") or {}).items()}
        prior = ((vocab.get("linking") or {}).get("words") or {}).get("prior_markers") or []
        bases["year"] = [*bases.get("year", []), *prior]
        self.bases = {k: _word_alt(v) for k, v in bases.items() if v}
        # the measures the linker knows (rules/linking.yaml measures): a clause that names one the table does not
        # may be about another measure of the row's segment ("Electronic Solutions orders rose 15%")
        self.measures = {str(k): _word_alt(v or []) for k, v in
                         ((vocab.get("linking") or {}).get("measures") or {}).items()}
        from .grammar import grammar_for

        self.exchange = exchange_rate(grammar_for(vocab))  # "at ¥152 to the dollar": the linker's own test
        self.share_cue = _word_alt(t_vocab.get("prose_share_cues") or [])
        self.inside = table_lines(tables)
        self.inside_starts = [a for a, _ in self.inside]
        self.rows = [(t, r) for t in tables for r in t.rows if r.kind in ("level", "total", "count") and r.key]
        self.sents = sentences(self.text)
        self.sent_starts = [a for a, _ in self.sents]
        self.mentions = sorted(mentions, key=lambda x: x.start)
        self.m_starts = [x.start for x in self.mentions]
        self.m_starts = [x.start for x in self.mentions]
        self.w = _weights(vocab)
        self.amounts = [m for m in mentions if m.type in ("currency", "number", "count") and m.value is not None]
        self.am_starts = [m.start for m in self.amounts]
        # measure_fits' memos (one document's: its rows stay alive as long as this object, so their ids are stable)
        self._named_measures: dict[tuple[str, str], frozenset[str]] = {}
        self._row_measures: dict[tuple[str, str, str], list] = {}  # measure_clash: the measures a row and columns name
        self._own_words: dict[tuple[int, int], str] = {}
        self._fits: dict[tuple[str, frozenset[str]], bool] = {}
        self._by_first: dict[str, list[tuple[Table, Row]]] | None = None  # _rows_opening's index

    def run(self) -> list[Claim]:
        out: list[Claim] = []
        periods_named: dict[int, str | None] = {}
        for m in self.mentions:
            if m.value is None or (m.type not in ("percent", "currency") and m.role != "multiple"):
                continue
            k = bisect.bisect_right(self.inside_starts, m.start) - 1
            if k >= 0 and self.inside[k][0] <= m.start < self.inside[k][1]:
                continue  # a figure of the table itself
            si = bisect.bisect_right(self.sent_starts, m.start) - 1
            if si < 0:
                continue
            sa, sb = self.sents[si]
            ca, cb = _clause(self.text, sa, sb, m)
            clause = self.text[ca:cb]
            if m.value_high is not None:
                continue  # "sales of €21.7 billion to €21.9 billion": a range is an outlook, not a row's figure
            found = _rows_in(clause, self.rows, self.lex, head=self.text[max(ca, m.start - 40):m.start])
            if not found and m.type != "percent" and m.role != "multiple":
                continue  # an amount the clause ties to no row: what follows would end at `if not found` below
            # a qualifier word inside the row's own label ("Adjusted net income, Group share") is no qualifier
            bare = clause
            last = None
            for _t, r, _via in found:
                if r.label == last and not r.label[:1].isspace() and not r.label[-1:].isspace():
                    continue  # the same label again (a repeated table's row): blanked already, nothing left to blank
                last = r.label
                bare = re.sub(re.escape(r.label), lambda x: " " * len(x.group()), bare, flags=re.I)  # offsets kept
            if m.type == "percent" and not self.qual.search(self.text, sa, m.start) and \
                    (sc := self.share(m, sa, sb)) is not None:
                out.append(sc)  # ("of sales" after it names the whole, it is no basis of the figure)
                continue
            if self.qual.search(_outside_other_brackets(bare, m.start - ca, m.end - ca)):
                continue  # "up 9% (+6% on an organic basis)": the qualifier in the brackets is the other figure's
            if m.type == "percent" and (resp := _RESPECTIVELY.match(self.text, m.end, min(sb, m.end + 80))) is not None:
                # "sales of 6.49 trillion won and operating profit of 856.4 billion won, up 146.5% and 79.5%
                # respectively": the k-th percent of the list is of the k-th row named before it, in order
                found = self.respective_row(m, sa, resp.end())
            elif m.type == "percent" and (listed := self.respective_row(m, sa, sb)):
                # "sales of KRW 2.63 trillion and operating profit of KRW 477.2 billion ..., up 62% and 457% year on
                # year": without "respectively" too, a list of percents after as many rows named in order is read in
                # that order (one row each)
                found = listed
            if not found and (m.type == "percent" or m.role == "multiple"):
                found = self.rows_by_figure(m, ca, cb)
            if not found:
                continue
            # the period the figure's clause names ("grew 24 per cent over the year ...; in the quarter alone ... 21
            # per cent"), else the sentence's (read once per sentence)
            named = next((kind for kind, rx in self.periods.items() if rx.search(self.text, ca, cb)), None)
            if named is None:
                if si not in periods_named:
                    periods_named[si] = next((kind for kind, rx in self.periods.items() if rx.search(self.text[sa:sb])),
                                             None)
                named = periods_named[si]
            c = self.change(m, ca, cb, found, named, (sa, sb)) if m.type == "percent" or m.role == "multiple" else \
                self.level(m, ca, sa, sb, found, named)
            if c is not None:
                out.append(c)
        return out

    def respective_row(self, m: Mention, sa: int, end: int) -> list[tuple[Table, Row, str]]:
        """The row a percent of a list closed by "respectively" is of: as many rows named (in order) before the list as
        the list has percents, the k-th for the k-th; no row when the counts differ."""
        run = self.percent_run(m, sa, end)
        if len(run) < 2:
            return []
        text = self.text[sa:run[0].start].lower()
        named: dict[str, tuple[int, int, Table, Row]] = {}
        for t, r in self.rows:
            names = list(row_names(r.key)) + (list(self.lex.sales_words) if r.key in self.lex.sales_words else [])
            hits = [(mm.start(), mm.end()) for n in names if n and n in text for mm in [_name_re(n).search(text)] if mm]
            if hits:
                a, b = min(hits)
                if r.key not in named or a < named[r.key][0]:
                    named[r.key] = (a, b, t, r)
        # a label inside a longer one named ("profit" in "operating profit") is that one: the longer counts, once
        spans = sorted(named.values(), key=lambda x: (x[0], -x[1]))
        rows: list[tuple[int, int, Table, Row]] = []
        for span in spans:
            if rows and span[0] < rows[-1][1]:
                continue
            rows.append(span)
        if len(rows) != len(run):
            return []
        _, _, t, r = rows[run.index(m)]
        return [(t, r, "")]

    def listed_level(self, m: Mention, sa: int) -> Mention | None:
        """For a percent of a list ("up 62% and 457%"), the level of the same place in the list of as many levels
        before it ("sales of KRW 2.63 trillion and operating profit of KRW 477.2 billion"); None when the percent is no
        item of a list or the levels before are not as many, joined as a list."""
        run = self.percent_run(m, sa, len(self.text))
        n = len(run)
        if n < 2:
            return None
        levels = [x for x in self.amounts[bisect.bisect_left(self.am_starts, sa):
                                          bisect.bisect_left(self.am_starts, run[0].start)]
                  if x.type in ("currency", "count")][-n:]
        if len(levels) != n or not all(_LEVEL_LIST_JOIN.fullmatch(self.text, a.end, b.start)
                                       for a, b in zip(levels, levels[1:], strict=False)):
            return None
        return levels[run.index(m)]

    def percent_run(self, m: Mention, sa: int, end: int) -> list[Mention]:
        """The list of percents ``m`` is an item of (percents joined by commas and "and"), between ``sa`` and ``end``;
        [] when ``m`` is no percent there."""
        k0 = bisect.bisect_left(self.m_starts, sa)
        k1 = bisect.bisect_left(self.m_starts, end)
        try:
            k = self.mentions.index(m, k0, k1)
        except ValueError:
            return []
        if m.type != "percent":
            return []
        lo = hi = k
        while lo > k0 and self.mentions[lo - 1].type == "percent" and \
                _LIST_JOIN.fullmatch(self.text, self.mentions[lo - 1].end, self.mentions[lo].start):
            lo -= 1
        while hi + 1 < k1 and self.mentions[hi + 1].type == "percent" and \
                _LIST_JOIN.fullmatch(self.text, self.mentions[hi].end, self.mentions[hi + 1].start):
            hi += 1
        return self.mentions[lo:hi + 1]

    def share(self, m: Mention, sa: int, sb: int) -> Claim | None:
        """"Vehicle Mobility Solutions, which supplies ..., accounted for 58% of group revenue" over a table with a
        "Vehicle Mobility Solutions" row and a "Group" total: a sentence that opens on a part's own row label and says
        it accounted for (linking words share_cues) a percent of the group, the total or the table's measure is the
        row's share of the total row. The latest period column is the reading; it is explicit unless another period's
        share would make the percent hold, or the sentence speaks of a period or a future the table may not show."""
        said_whole = _SHARE_OF.match(self.text, m.end)
        if said_whole is None or m.value is None or _FORWARD.search(self.text, sa, m.start):
            return None
        # the percent's own clause: after "; " or ", while ..." another subject speaks ("...; Vehicle Systems, the
        # largest division, accounted for 40% of group sales")
        cut = [x.end() for x in _CLAUSE_OPEN.finditer(self.text, sa, m.start)]
        sa = cut[-1] if cut else sa
        head = self.text[sa:m.start]
        if not self.share_cue.search(head[-40:]):
            return None
        leads = []
        for t, r in self._rows_opening(head):  # only rows whose label's first word opens the clause: no walk over all
            if not self.names_a_part(r):
                continue
            lead = re.match(r"\s*(?:(?:the|its|our|their)\s+)?(" + re.escape(r.label.strip()) + r")\b", head, re.I)
            if lead is not None:
                leads.append((lead.end(), t, r, lead))
        # the longest label that opens the sentence ("Airbus Defence and Space", not "Airbus")
        for _, t, r, lead in sorted(leads, key=lambda x: -x[0])[:1]:
            k = bisect.bisect_left(self.am_starts, sa + lead.end())
            if k < len(self.amounts) and self.amounts[k].start < m.start:
                continue  # the label opens the sentence, and no amount stands between it and the percent
            totals = [x for x in t.rows if x.kind == "total"]
            if len(totals) != 1 or not self.measure_fits(t, r, head[lead.end():]):
                return None
            total = totals[0]
            # the columns of the current period: the current side of the table's comparisons ("Revenue £m | 2023 £m"),
            # else its period columns; with several measures, the one the whole names
            compared = _pairs(t, r)
            pair_cols = list(dict.fromkeys(cur for _, cur in compared))
            if len(pair_cols) > 1:
                named_cols = [j for j in pair_cols if re.search(
                    r"(?i)\b" + re.escape(said_whole.group(0).split()[-1].rstrip("s")[:5]), t.columns[j].name)]
                pair_cols = named_cols if len(named_cols) == 1 else pair_cols
            cols = [t.columns[j] for j in pair_cols] or [c for c in t.columns if c.role == "period"]
            # (without a comparison, period columns beside unnamed ones - "Revenue £m | 2023 £m" - may all be prior)
            several = len(pair_cols) > 1 or (not pair_cols and any(c.role == "other" for c in t.columns))
            got: list[tuple[Column, Mention, Mention]] = []
            for col in cols:
                pc, wc = r.at(col.index), total.at(col.index)
                pm = pc.mention if pc is not None else None
                wm = wc.mention if wc is not None else None
                if pm is not None and wm is not None and pm.value and wm.value and 0 < pm.value <= wm.value:
                    got.append((col, pm, wm))
            if not got:
                return None
            latest = max(got, key=lambda g: g[0].order or (0, 0))
            tol = (m.half_step or 0.5) + 0.05
            others_hold = any(abs(a.value / b.value * 100 - m.value) <= tol for c, a, b in got  # type: ignore[operator]
                              if c is not latest[0])
            # ... and the prior periods' shares (another period's share would make it hold: no accusation)
            for prior, _cur in compared:
                pc, wc = r.at(prior), total.at(prior)
                if pc is not None and wc is not None and pc.mention is not None and wc.mention is not None and \
                        pc.mention.value and wc.mention.value:
                    others_hold = others_hold or abs(pc.mention.value / wc.mention.value * 100 - m.value) <= tol
            c, a, b = latest
            said = next((kind for kind, rx in self.periods.items() if rx.search(self.text, sa, sb)), None)
            named = said is not None and _period_kind(c.name, t.caption) != said  # a period the column is not
            why = (f"'{r.label.strip()}' opens the sentence; the share of row '{r.label.strip()}' in '{total.label.strip()}',"
                   f" column {t.column_name(c.index)}")
            ev = Evidence("table-prose-share", why, self.w["prose_row"], not others_hold and not named and not several)
            return make_claim("share", (m.start, m.end), m, (Relation("share", (a, b), (ev,)),), m.value)
        return None

    def _rows_opening(self, head: str) -> list[tuple[Table, Row]]:
        """The rows whose label may open ``head`` (after "the"/"its"/...): those whose label's first run of word
        characters is the clause's first (or, after such a word, second) one, plus labels that open on no word
        character. An index built once per document, so that each prose share looks up a few rows, not all."""
        if self._by_first is None:
            self._by_first = {}
            for t, r in self.rows:
                w = _FIRST_WORD.match(r.label.strip())
                self._by_first.setdefault(w.group(0).lower() if w else "", []).append((t, r))
        words = _HEAD_WORDS.match(head)
        keys = {""} | ({g.lower() for g in words.groups() if g} if words else set())
        return [x for k in keys for x in self._by_first.get(k, [])]

    def restated_in_bracket(self, x: Mention, ca: int) -> bool:
        """Is the bracketed ``x`` the figure before the bracket in another currency or unit?"""
        k = bisect.bisect_left(self.am_starts, x.start) - 1
        if k < 0 or self.amounts[k].start < ca:
            return False
        before = self.amounts[k]
        return before.type == x.type and before.unit != x.unit

    def other_measure(self, text: str, a: int, b: int, label: str) -> bool:
        """Does ``text[a:b]`` name a measure (linking measures), and the row label only others?"""
        said = {k for k, rx in self.measures.items() if rx.search(text, a, b)}
        own = {k for k, rx in self.measures.items() if rx.search(label)}
        return bool(said) and bool(own) and not (said & own)

    def row_says(self, m: Mention, ca: int, found: tuple[Table, Row, str]) -> bool:
        """"Electronic Solutions sales rose 15.5%": the row's own label (no sales word for a sales row, no figure) is
        the subject of the change - before the percent in its clause, with a change word and no other figure
        between them - and names a part; no measure named before the percent is foreign to the table."""
        t, r, via = found
        if via != "" or not self.names_a_part(r):
            return False
        head = self.text[ca:m.start]
        hits = [x for n in row_names(r.key) for x in _name_re(n).finditer(head.lower())]
        if not hits:
            return False
        last = max(hits, key=lambda x: x.end())
        at = last.end()
        if _COMPLEMENT_BEFORE.search(head, 0, last.start()):
            return False  # "Sales outside Finland grew 37%": the rest of the table, not the row
        name = _NAME_BEFORE.search(head, 0, last.start())
        if name is not None and name.group(1).lower() not in _NOT_NAMES:
            return False  # "Hanwha Aerospace 2024 revenue climbs 20%" over an "Aerospace (engines)" row: the label is
            # the end of a longer name (the company's), not the row
        between = head[at:]
        if ":" in between:
            return False  # "Airbus 2024: Defence and Space revenues up 6%": the label heads the line, it is no subject
        if _RELATIVE_OTHER.search(between):
            return False  # "Cyber & Digital was hit by the decline in the SIM card market, which fell 20%": another's
        k = bisect.bisect_left(self.am_starts, ca + at)
        if k < len(self.amounts) and self.amounts[k].start < m.start or \
                any(x.type == "percent" and ca + at <= x.start < m.start for x in self.mentions_near(ca + at, m.start)):
            return False  # "recorded revenues of euro 1,240 million, up 25%", "grows by 5.0%, reflecting a 3.8% ..."
        if not (self.inc.search(between) or self.dec.search(between)) or len(between) > 80:
            return False
        return self.measure_fits(t, r, head)

    def mentions_near(self, a: int, b: int) -> list[Mention]:
        """The mentions that start in [a, b) (an index, not a scan)."""
        return self.mentions[bisect.bisect_left(self.m_starts, a):bisect.bisect_left(self.m_starts, b)]

    def names_a_part(self, r: Row) -> bool:
        """Is the row's label the name of a part (a segment, a region: "Electronic Solutions", "Aviation revenue"),
        not a measure alone ("Sales", "Order intake": a clause naming it may be about a segment the table does not
        show, "Sales in Dynamics rose 32%") nor a total ("Total", "Group")?"""
        if r.kind != "level":
            return False
        rest = r.label
        for rx in self.measures.values():
            rest = rx.sub(" ", rest)
        # not a period ("FY2022", "2024") nor a total
        return bool(re.search(r"[^\W\d_]{2,}", rest)) and not re.search(r"\d{4}|\bFY\d", rest) and \
            not re.match(r"\s*(?:total|group|consolidated|overall|all|other|others)\b", rest, re.I)

    def measure_fits(self, t: Table, r: Row, clause: str) -> bool:
        """Does every measure the clause names before its figure (outside the row's label; not "on the back of new
        orders" after it) appear in the table's caption, header, column names or the row's label?"""
        # memoised on what each step reads: a long document repeats its tables, so many rows share a label and
        # the clause is the same for every row a figure is compared with
        key = (r.label, clause)
        named = self._named_measures.get(key)
        if named is None:
            bare = re.sub(re.escape(r.label), " ", clause, flags=re.I) if r.label.strip() else clause
            named = self._named_measures[key] = frozenset(k for k, rx in self.measures.items() if rx.search(bare))
        if not named:
            return True
        own = self._own_words.get((id(t), id(r)))
        if own is None:
            own = " ".join([t.caption, t.stub, r.label, r.key, *(c.name for c in t.columns),
                            *(self.text[a:b] for a, b in t.header)])
            own = re.sub(r"(?<=[^\W\d_])\d+\b", "", own)  # "Revenue3": a footnote marker glued to the label
            self._own_words[(id(t), id(r))] = own
        fits = self._fits.get((own, named))
        if fits is None:
            fits = self._fits[(own, named)] = all(self.measures[k].search(own) for k in named)
        return fits

    def measure_clash(self, t: Table, r: Row, prior: int, cur: int, named: list) -> bool:
        """Do the row's label and the two columns compared name measures, none of them one of ``named`` (the measure
        patterns the clause matches before its figure: "share price rose" over "FY2023 DPS | FY2024 DPS", "revenue was
        7% lower" over "Profit after tax")? A row and columns that name no measure clash with none, nor does a clause
        that names none."""
        if not named:
            return False
        key = (r.label, t.columns[prior].name, t.columns[cur].name)
        mine = self._row_measures.get(key)
        if mine is None:  # (memoised: a long document repeats its tables, and many figures ask of one row)
            mine = self._row_measures[key] = [rx for rx in self.measures.values() if rx.search(" ".join(key))]
        if not mine:
            return False
        return not any(rx in named for rx in mine)

    def columns_fit(self, t: Table, r: Row, prior: int, cur: int, clause: str) -> bool:
        """The clause's measures fit the table (measure_fits), and, when the two columns compared name measures
        themselves ("Revenue 2024", "Operating profit 2023"), those columns name the clause's."""
        if not self.measure_fits(t, r, clause):
            return False
        bare = re.sub(re.escape(r.label), " ", clause, flags=re.I) if r.label.strip() else clause
        named = [rx for rx in self.measures.values() if rx.search(bare)]
        cols = t.columns[prior].name + " " + t.columns[cur].name
        if not named or not any(rx.search(cols) for rx in self.measures.values()):
            return True
        return all(rx.search(cols) for rx in named)

    def rows_by_figure(self, m: Mention, ca: int, cb: int) -> list[tuple[Table, Row, str]]:
        """"Revenue rose 10.3 percent to 11.67 billion US dollars" over a "Total  11,671  10,578" row: the one row
        one of whose cells is the clause's level at its precision (three or more significant digits, so that it is
        no coincidence), when the clause names no row."""
        level = [a for a in self.amounts[bisect.bisect_left(self.am_starts, ca):bisect.bisect_left(self.am_starts, cb)]
                 if a is not m and len(re.sub(r"\D", "", a.text.split("(")[0]).lstrip("0")) >= 3]
        if not level:
            return []
        hits: dict[tuple[int, int], tuple[Table, Row, str]] = {}
        for t, r in self.rows:
            for c in r.cells:
                same = next((a for a in level if c.mention is not None and _same_value(a, c.mention)), None)
                if same is not None:
                    hits[(id(t), id(r))] = (t, r, "=" + same.text)
        return list(hits.values()) if len(hits) == 1 else []

    def change(self, m: Mention, ca: int, cb: int, found: list[tuple[Table, Row, str]],
               named: str | None, sentence: tuple[int, int] | None = None) -> Claim | None:
        text = self.text
        sa, sb = sentence if sentence is not None else (ca, cb)
        before = text[max(ca, m.start - 60):m.start]
        after = text[m.end:min(cb, m.end + 25)]
        # "Combat Systems revenue fell 7 percent and Technologies rose 1.4 percent": each percent's own direction
        cut = [x.end() for x in _NEXT_ITEM.finditer(before)]
        before = before[cut[-1]:] if cut else before
        stop = _NEXT_ITEM.search(after)
        after = after[:stop.start()] if stop else after
        if _CAUSE_BEFORE.search(text, max(ca, m.start - 70), m.start) or \
                _AND_BY_CAUSE.search(text, max(ca, m.start - 80), m.start):
            return None  # "sales climbed 16% to $7.63 billion, helped by a 21% jump in commercial aftermarket revenue":
            # the cause's own change, of a part the table does not show
        multiple = m.role == "multiple"  # "operating profit doubled from a year earlier to 71.5 billion won"
        if multiple and (_OTHER_BASE.match(text, m.end) or _AS_MUCH_AS.match(text, m.end)):
            return None  # "double today's level", "twice the planned rate": a comparison with another base, no change
            # of the row between its periods
        dated = _BASE_YEAR_NAMED.match(text, m.end, min(cb, m.end + 60))
        if dated is not None and not any(int(dated.group("y")) in _years_named(col.name) for t, _r, _v in found
                                         for col in t.columns):
            return None  # "The backlog, which has more than doubled since the end of 2022, stood at NOK 110.9 billion"
            # over "Q2 2025 | Q2 2024": the change is against a date no column of the table gives
        if multiple and not m.word and (ratio_hits := list(self.ratio_names.finditer(text, max(ca, m.start - 50),
                                                                                  m.start))) \
                and _RATIO_TAIL.fullmatch(text, ratio_hits[-1].end(), m.start):
            return None  # "for a book-to-bill ratio of 0.91x": a ratio of orders to sales, no change of the row
        if not multiple and (re.match(r"\s*(?:percentage\s+)?points?\b|\s*pp\b|\s*of\b", after, re.I) or
                             (m.type == "percent" and (m.unit or "percent") != "percent") or
                             re.search(r"point|pp\b", m.text, re.I)):
            return None  # a change in points ("fell by 0.34 percentage points") is no percentage change of a row
        if not multiple and _LEVEL_REACHED.search(text, max(ca, m.start - 30), m.start):
            return None  # "The Air Force's portion rises to 24%": the level reached, a share, no change of the row
        # "34% ahead of last year", "12% below the prior year": a comparative right after the percent
        comp = _COMPARED.match(after)
        up = bool(self.inc.search(before) or self.inc.search(after)) or bool(comp and comp.group("up"))
        down = bool(self.dec.search(before) or self.dec.search(after)) or bool(comp and comp.group("down"))
        if m.value is None or (not multiple and up == down):
            return None
        stated_value = m.value if multiple else (1.0 if up else -1.0) * abs(m.value)
        level = [a for a in self.amounts[bisect.bisect_left(self.am_starts, ca):bisect.bisect_left(self.am_starts, cb)]
                 if a is not m]
        if any(a.start > m.end and _OWN_BASE_BETWEEN.fullmatch(text, m.end, a.start) for a in level):
            return None  # "Leonardo's has more than tripled from €0.14 over the same period": the clause gives its own
            # base, a level the table's columns need not hold
        lead = [a for a in level if a.end <= m.start]
        if lead and _INCLUDING.search(text, lead[-1].end, m.start):
            return None  # "Military personnel: $181.9 billion, including a 4.5 percent pay raise": a part's change
        if lead and self.implies.search(text, lead[-1].num_end or lead[-1].end, m.start):
            return None  # "Closing the gap of 21,500 soldiers means growing the force by nearly 12%": the change the
            # level implies, of another thing
        own = _OWN_NOUN_CHANGE.match(text, m.end)
        if own and (re.search(r"\ban?\s+(?:\w+\s+)?$", text[max(ca, m.start - 20):m.start]) or (
                re.search(r"\bthe\s+$", text[max(ca, m.start - 10):m.start]) and _NOUN_BETWEEN.match(text, m.end)
                and not any(rx.search(own.group(0)) for rx in self.measures.values()))):
            return None  # "fully funding a 4.5 percent pay raise", "an additional 15 percent raise for junior enlisted
            # personnel": the change of a thing of its own, not of the row
        to_level = next((a for a in level if a.start >= m.end and _TO_LEVEL.fullmatch(text, m.end, a.start)), None)
        # "It consists of $37.7 billion for the Air Force, up 4.1 percent": a level the clause gives right before the
        # percent, set off by a comma, is what changed; a row whose figure it is not (at any scale) is not read
        own_level = next((a for a in reversed(lead) if a.type in ("currency", "count") and a.value and
                          _SET_OFF_LEVEL.fullmatch(text, a.end, m.start)), None) if lead else None
        listed = self.listed_level(m, sa) if own_level is not None else None
        if listed is not None:
            own_level = listed  # "sales of KRW 2.63 trillion and operating profit of KRW 477.2 billion, up 62% and 457%":
            # the k-th percent of a list is of the k-th level of the list before it, not of the level right before it
        readings: list[Relation] = []
        chosen: list[Relation] = []  # the clause gives the row's current figure: explicit
        named_only: list[Relation] = []  # the sentence names the period: the reading, but not explicit
        # "up 62% from a year earlier" over "Q3 2024 | Q2 2024": a pair of columns not the span the clause names
        # as its base apart is no reading of the change (one base named only: both named leave every pair)
        spans = [k for k, rx in self.bases.items() if rx.search(text, ca, cb)]
        base_span = spans[0] if len(spans) == 1 else None
        # the percent's own subject (the words after the figure before it) and the measures it names, read whole: "Total
        # R&D spending rose" names R&D spending, though "Total R&D" is the label (once per figure, not per row)
        subject = _AFTER_LAST_FIGURE.split(before)[-1]
        named_here = [rx for rx in self.measures.values() if rx.search(subject)]
        for t, r, via in found:
            for prior, cur in _pairs(t, r):
                if base_span is not None and not _spans_apart(t, prior, cur, base_span):
                    continue
                old, new = r.at(prior), r.at(cur)
                if old is None or new is None or old.mention is None or new.mention is None:
                    continue
                om, nm = old.mention, new.mention
                if om.value is None or nm.value is None or om.value <= 0 or om.value == nm.value:
                    continue  # (a row that did not change is no reading of a change stated)
                if _base_year_elsewhere(t, prior, text[ca:cb]):
                    continue  # "FMS has more than doubled since FY 2022, when it stood at $51.9 billion" over "FY 2023 |
                    # FY 2024": the clause names its base year, which the earlier column is not
                if _of_prior_year(t, prior, text[min(sa, ca):max(sb, cb)]):
                    continue  # "A year earlier, in the first three quarters of 2020, the segment had grown its sales
                    # by 24%" over "9M 2021 | 9M 2020": the change of the earlier column's own year, against a year the
                    # table does not give
                if multiple and not (self.columns_fit(t, r, prior, cur, text[ca:min(cb, m.end + 30)])
                                     and self.measure_fits(t, r, text[m.end:min(cb, m.end + 30)])):
                    continue  # "Hanwha Systems more than doubled its operating profit" over a table's revenue columns;
                    # "order intake was 1.88 times revenues": a multiple of another measure
                if not multiple and self.measure_clash(t, r, prior, cur, named_here):
                    continue  # "Rheinmetall stock rose by about 110%" over a row of dividends per share: the clause's
                    # own measure is not the one the table names
                if own_level is not None and own_level.value and not _same_digits(own_level.value, nm.value):
                    continue
                if to_level is not None and to_level.value and not _same_digits(to_level.value, nm.value,
                                                                                 exact=bool(t.scale_text)):
                    continue  # "Hanwha Aerospace shares rose 2.3% to 221,500 won" over an "Aerospace 412 331" row: the
                    # level the change took the clause's subject to is not the row's (at any scale: "to ₹1,92,387
                    # crore" is the row's 1,92,387 under a "(₹ crore)" caption)
                same = next((a for a in level if _same_value(a, nm)), None)
                if same is not None and same is not listed and any(same.end <= a.start < m.start for a in level):
                    same = None  # "divided by the 659 missiles, is now $213.8 million, up 81 percent": another figure
                    # stands between the row's and the percent: the row's figure is not the one the change is of
                if same is not None and (based := _BASE_BEFORE_FIGURE.search(text, max(ca, same.start - 30),
                                                                            same.start)) is not None and \
                        not (based.group(0).lstrip().startswith("(") and self.restated_in_bracket(same, ca)):
                    same = None  # "grew by 14.5 % from EUR 546.3 million", "EUR 794.8 million (EUR 588.7 million in
                    # 2021)": the row's figure is the prose's base, not the level the change reached (but "A$825.7
                    # million (US$526.7 million)" restates the level in another currency)
                if same is not None and via.startswith("=") and self.other_measure(text, ca, m.start, r.label):
                    same = None  # "orders up 40.9% and a record $225.2m order book": the percent's own subject names
                    # another measure (orders) than the row whose figure the clause gives (the order book)
                if same is not None and same is not listed and any(
                        r2 is not r and r2.key and _names_row_between(text, same.end, m.start, r2) for r2 in t.rows):
                    same = None  # "operating profit of KRW 477.2 billion as defence profit rises more than eightfold":
                    # another row ("of which defence") is named between the row's figure and the change: its subject
                kind_ok = named is not None and _period_kind(t.columns[cur].name, t.caption) == named
                if same is not None and named is not None and not kind_ok and same.end <= m.start and \
                        self.periods[named].search(text, same.end, m.start) and any(
                        _period_kind(t.columns[c2].name, t.caption) == named and _has_figures(r, p2, c2)
                        for p2, c2 in _pairs(t, r)):
                    same = None  # "Record Fiscal 2025 Revenue of $820.6 Million as Fourth-Quarter Sales Climb 40%": the
                    # clause's figure is the row's year; the period named between it and the change, another pair's
                named_row = (f"the clause's {via[1:]} is a figure of row '{r.label}'" if via.startswith("=") else
                             f"'{via}' in the clause names row '{r.label}'" if via else f"'{r.label}' in the clause")
                why = [named_row, f"table columns {t.column_name(cur)} vs {t.column_name(prior)}"]
                if same is not None:
                    why.append(f"the clause gives the row's {t.column_name(cur)} figure ({same.text} = {new.text})")
                if kind_ok:
                    why.append(f"the sentence names the period ({named})")
                ev = Evidence("table-prose", "; ".join(why), self.w["prose_figure"] if same is not None else
                              self.w["prose_period"] if kind_ok else self.w["prose"])
                rel = Relation("ratio" if multiple else "pct_change", (om, nm), (ev,))
                readings.append(rel)
                if same is not None:
                    chosen.append(rel)
                elif kind_ok:
                    named_only.append(rel)
        if not readings:
            return None
        kind = "multiple" if multiple else "percent_change"
        step = abs(m.value) * 0.05 if multiple and m.word else None  # "doubled": a round word, as the linker reads it
        if not chosen and len(readings) == 1 and len(found) == 1 and (named is None or named_only) and \
                self.row_says(m, ca, found[0]):
            # "Electronic Solutions sales rose 15.5%" over a "Sales by division" table with one pair of periods: the
            # clause names the row by its own label (not by a sales word for a sales row, nor by a figure), and the
            # table gives that row one comparison only; no period or measure named in the clause points elsewhere
            (r0,) = readings
            ev = r0.evidence[0]
            row = Relation(r0.formula, r0.operands, (Evidence("table-prose-row", ev.detail, ev.weight, ev.explicit),))
            return make_claim(kind, (m.start, m.end), m, _final([row], [row], self.w["prose_row"]), stated_value, step)
        if not chosen and len(named_only) == 1:
            return make_claim(kind, (m.start, m.end), m, tuple(named_only), stated_value, step)
        return make_claim(kind, (m.start, m.end), m, _final(readings, chosen, self.w["prose_figure"]), stated_value,
                          step)

    def given_exactly(self, cell: Mention, m: Mention, sa: int, sb: int) -> bool:
        """Does the sentence [sa, sb) give the cell's figure as it is, in a figure other than ``m``?"""
        k0, k1 = bisect.bisect_left(self.m_starts, sa), bisect.bisect_left(self.m_starts, sb)
        return any(x is not m and x.type == m.type and _same_figure(x, cell) for x in self.mentions[k0:k1])

    def level(self, m: Mention, ca: int, sa: int, sb: int, found: list[tuple[Table, Row, str]],
              named: str | None) -> Claim | None:
        text = self.text
        if not _LEVEL_CUE.search(text[max(ca, m.start - 40):m.start]) or _FORWARD.search(text[sa:sb]):
            return None
        if re.match(r"\s*(?:per\b|each\b|a\s+(?:share|year|month|unit))", text[m.end:m.end + 12], re.I) or \
                self.exchange.match(text, m.end + len(text[m.end:m.end + 3]) - len(text[m.end:m.end + 3].lstrip()),
                                    min(len(text), m.end + 50)):
            return None  # a rate, not a level (nor an exchange rate: "at ¥152 to the dollar")
        if _PER_THING.search(text, max(ca, m.start - 60), m.start):
            return None  # "Revenue per employee was broadly unchanged at approximately £193,000": a rate of the row
        if re.match(r"\s*(?:higher|lower|more|less|above|below|up|down|ahead|behind|better|worse)\b",
                    text[m.end:m.end + 12], re.I):
            return None  # "operating profit was £112m higher": a difference, not a level

        written = text[m.num_start:m.num_end] if m.num_end > m.num_start else ""
        if re.fullmatch(r"\d{1,3}[,.]\d{3}", written) and any(
                (m.decimals == 3) != (t.locale != "en" if "," in written else t.locale == "en") for t, _, _ in found):
            return None  # "12,475" read one way in the prose and the other way in the table: not compared
        readings: list[Relation] = []
        chosen: list[Relation] = []
        for t, r, via in found:
            if not self.measure_fits(t, r, text[max(sa, m.start - 60):m.start]):
                continue  # "total backlog was $48.6 billion" over a revenue table's "Total" row: another measure
            for j, cell in sorted(r.placed().items()):
                col = t.columns[j] if j < len(t.columns) else None
                cm = cell.mention
                if col is None or col.role != "period" or cm is None or cm.value is None or cm.type != m.type \
                        or (m.type == "currency" and cm.unit not in (None, m.unit)):
                    continue
                kind_ok = named is not None and _period_kind(col.name, t.caption) == named and not col.prior
                named_row = f"'{via}' in the clause names row '{r.label}'" if via else f"'{r.label}' in the clause"
                why = f"{named_row}; table column {t.column_name(j)}: {cell.text}"
                if kind_ok:
                    why += f"; the sentence names the period ({named})"
                rel = Relation("equal", (cm,), (Evidence("table-prose", why, self.w["prose_period"] if kind_ok
                                                         else self.w["prose"]),))
                readings.append(rel)
                if kind_ok:
                    chosen.append(rel)
        if not readings:
            return None
        # a figure that is one of the row's figures is that one (it holds); else the named period's, if one - but
        # never explicit: the prose may speak of a segment, a region or a period the table does not show
        match = [r for r in readings if _same_figure(m, r.operands[0])]
        if match:
            return make_claim("consistency", (m.start, m.end), m, _final(readings, match[:1], self.w["prose_figure"]),
                              m.value)
        # ... or, matching none, two neighbouring digits of exactly one of them swapped ("Marine revenue of £714.5m"
        # beside the row's 741.5): a transposition of that cell
        # ... or the same figure at another scale, of a row the clause names by its label ("Orders received in the
        # domain totaled ¥1.83 billion" beside "Orders received 1,834.5" in ¥ billion): a scale slip
        named_rows = {id(r) for _t, r, via in found if via == ""}
        scaled = [r for r in readings if m.value and _same_at_scale(m, r.operands[0])]
        if len(scaled) == 1 and named_rows and not match:
            rel = scaled[0]
            ev = rel.evidence[0]
            rel = Relation(rel.formula, rel.operands, (Evidence("table-prose-scale", ev.detail + "; the same figure at "
                                                                "another scale", self.w["prose_figure"], True),))
            return make_claim("consistency", (m.start, m.end), m, (rel,), m.value)
        swapped = [r for r in readings if digits_swapped(written, text[r.operands[0].num_start:r.operands[0].num_end])]
        if len(swapped) == 1 and self.given_exactly(swapped[0].operands[0], m, sa, sb):
            return None  # "revenue £1,931m (FY24: £1,913m)" beside the table's 1,931: the sentence gives the cell's
            # figure as it is; the other is another figure (another period's), not a slip of it
        if len(swapped) == 1 and not any(_parts_give(t, r, swapped[0].operands[0], m) for t, r, _ in found):
            # (not when the cell is a total whose own parts give the prose figure: then the cell is the error, and
            # its own sum says so: "Revenues $198.9 $197.5 $208.3 $248.6 $835.3" under "$853.3 million" in the text)
            rel = swapped[0]
            ev = rel.evidence[0]
            rel = Relation(rel.formula, rel.operands, (Evidence(ev.cue, ev.detail + "; the same digits with two "
                                                                "neighbours swapped", self.w["prose_figure"], True),))
            return make_claim("consistency", (m.start, m.end), m, (rel,), m.value)
        return make_claim("consistency", (m.start, m.end), m, tuple(chosen) if len(chosen) == 1 else
                          _final(readings, []), m.value)


_LEVEL_REACHED = re.compile(r"\b(?:(?:rises|rose|risen|falls|fell|fallen|climbs|climbed|grows|grew|increases|increased|"
                            r"decreases|decreased|declines|declined|drops|dropped|edges|edged|slips|slipped)\s+to|"
                            r"reach(?:es|ed)?|stands\s+at|stood\s+at)\s+(?:(?:about|around|some|roughly|nearly|almost|"
                            r"just\s+over|just\s+under)\s+)?$", re.I)


_AFTER_LAST_FIGURE = re.compile(r"\d(?:[\d.,]*\d)?")  # (the words after the last figure: the figure's own subject)
_OWN_BASE_BETWEEN = re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}?from\s+(?:(?:about|around|some|roughly|nearly|almost|just\s+over|"
                               r"just\s+under)\s+)?", re.I)


def _same_at_scale(m: Mention, cell: Mention) -> bool:
    """Is the prose figure the cell's a thousand times larger or smaller, at the prose's precision?"""
    for f in (1000.0, 0.001):
        big = dataclasses.replace(m, value=(m.value or 0.0) * f, half_step=(m.half_step or 0.0) * f)
        if _same_value(big, cell):
            return True
    return False


_COMPLEMENT_BEFORE = re.compile(r"\b(?:outside|excluding|except|other\s+than|beyond|ex|non|besides|apart\s+from)[\s-]+"
                                r"(?:the\s+)?$", re.I)


def _parts_give(t: Table, r: Row, cell: Mention, m: Mention) -> bool:
    """Do the cells before ``cell`` in its row, or (in a total row) the rows above it in its column, add up to the
    prose figure ``m``, within their rounding?"""
    placed = r.placed()
    j = next((k for k, c in placed.items() if c.mention is not None and c.mention.start == cell.start), None)
    if j is None or m.value is None:
        return False

    def near(parts: list[Mention]) -> bool:
        return len(parts) >= 2 and adds_up(m, parts)

    row = [c.mention for k, c in sorted(placed.items()) if k < j and c.mention is not None and not c.percent]
    if near(row):
        return True
    if r.kind != "total":
        return False
    above: list[Mention] = []
    for other in t.rows[:r.index][::-1]:
        if other.kind in ("total", "subtotal", "section"):
            break
        c = other.placed().get(j)
        if other.kind == "level" and c is not None and c.mention is not None:
            above.append(c.mention)
    return near(above)


def _final(readings: list[Relation], chosen: list[Relation], weight: float = 0.0) -> tuple[Relation, ...]:
    """One reading made explicit when the evidence picks exactly one; else all of them, none explicit."""
    if len(chosen) == 1:
        ev = chosen[0].evidence[0]
        return (Relation(chosen[0].formula, chosen[0].operands,
                         (Evidence(ev.cue, ev.detail, max(ev.weight, weight), explicit=True),)),)
    return tuple(sorted(readings, key=lambda x: -x.score))


_RATIO_TAIL = re.compile(r"(?:\s+[\w-]+){0,3}\s*[:=]?\s*(?:(?:about|around|some|roughly|approximately|nearly|almost)\s+)?",
                        re.I)


def _word_alt(words) -> re.Pattern[str]:
    ws = sorted({str(w).lower() for w in words if w}, key=lambda w: (-len(w), w))  # the same pattern in every process
    return re.compile(r"(?<![\w-])(?:" + ("|".join(re.escape(w) for w in ws) or "(?!)") + r")(?![\w-])", re.I)


def _clause(text: str, sa: int, sb: int, m: Mention) -> tuple[int, int]:
    a, b = sa, sb
    for x in _CLAUSE_END.finditer(text, sa, sb):
        if x.end() <= m.start:
            a = x.end()
        elif x.start() >= m.end:
            b = x.start()
            break
    return a, b


_RowIndex = tuple[dict[str, list[tuple[Table, Row]]], dict[int, int], dict[str, list[int]]]
_ROW_INDEX: dict[tuple[int, int], tuple[list, _RowIndex]] = {}


def _row_index(rows: list[tuple[Table, Row]], lex) -> _RowIndex:
    """Rows by each word of their names (and every sales row by each sales word), and each row's place in the
    list: built once per row list."""
    hit = _ROW_INDEX.get((id(rows), len(rows)))  # the list may grow between calls
    if hit is not None and hit[0] is rows:
        return hit[1]
    idx: dict[str, list[tuple[Table, Row]]] = {}
    for pair in rows:
        r = pair[1]
        keys = {w for name in row_names(r.key) for w in re.findall(r"[\w&-]+", name)}
        if r.key in lex.sales_words:
            keys |= {w for s in lex.sales_words for w in re.findall(r"[\w&-]+", s.lower())}
        for w in keys:
            idx.setdefault(w, []).append(pair)
    order = {id(x): k for k, x in enumerate(rows)}
    # each word's rows as their places in the list (a row listed twice: its last place, as ``order`` says)
    built = (idx, order, {w: [order[id(x)] for x in xs] for w, xs in idx.items()})
    _ROW_INDEX.clear()  # one document at a time
    _ROW_INDEX[(id(rows), len(rows))] = (rows, built)
    return built


class _Overlaps:
    """Does any of a set of spans overlap [s, e) (some (a, b) with a < e and s < b)? A look-up in the spans sorted by
    start, with the furthest end among each prefix, instead of a walk over all of them for every span asked."""

    def __init__(self, spans: set[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []  # reach[k]: the largest end among the first k + 1 spans
        top = None
        for _, b in ordered:
            top = b if top is None or b > top else top
            self.reach.append(top)

    def any(self, s: int, e: int) -> bool:
        k = bisect.bisect_left(self.starts, e)  # the spans that start before e
        return k > 0 and self.reach[k - 1] > s


# (the cause may be named before its own change: "driven by Roke, up 17%, and by the energetic materials businesses, up
# 12%")
_CAUSE_BEFORE = re.compile(r"\b(?:(?:helped|driven|boosted|supported|led|lifted|offset|hit|hurt|weighed\s+down|held\s+back)"
                           r"\s+by|thanks\s+to|on\s+the\s+back\s+of|reflecting|owing\s+to|due\s+to)\s+(?:an?\s+|the\s+)?"
                           r"(?:(?:[\w-]+\s+){0,2}|(?:[\w&'’-]+\s+){0,4}?[\w&'’-]+,\s+(?:up|down|rising|falling|growing|"
                           r"increasing|decreasing)(?:\s+by)?\s+|"
                           # ("driven by commercial aerospace growth of 17%": the cause's change named by a noun)
                           r"(?:[\w&'’-]+\s+){0,4}?(?:growth|rise|increase|decline|fall|drop|gain|jump)\s+of\s+"
                           r"(?:(?:about|some|nearly|almost|roughly|around)\s+)?)$", re.I)
_RESPECTIVELY = re.compile(r"(?:[^.;]|\.(?=\d))*?\brespectively\b", re.I)
_ROUNDING_NOTE = re.compile(r"\b(?:rounded|rounding|may\s+not\s+(?:add|sum|total)|do\s+not\s+(?:add|sum)|may\s+differ|"
                            r"might\s+not\s+add)\b", re.I)
# a figure written with its sign ("+1.8%", "(−3.4%)", "-0.2 pp"): a change, not a level
_SIGNED = re.compile(r"\(?\s*[+−–-]")
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
# between two levels of a list: no figure, no sentence end ("KRW 2.63 trillion and operating profit of KRW 477.2 billion")
_LEVEL_LIST_JOIN = re.compile(r"[^.;:()\d]{0,60}?(?:\band\b|,)[^.;:()\d]{0,40}", re.I)
_AND_BY_CAUSE = re.compile(r"\b(?:helped|driven|boosted|supported|led|lifted)\s+by\b[^;.]*,\s+and\s+(?:also\s+)?by\s+"
                           r"(?:[\w&'’-]+\s+){0,5}?[\w&'’-]+,\s+(?:up|down|rising|falling|growing)(?:\s+by)?\s+$", re.I)
_OTHER_BASE = re.compile(r"\s+(?:(?:the|its|their|that|this)\s+)?(?:today's|current|present|existing|planned|"
                         r"original|target(?:ed)?|pre-war|peacetime|historical|average|"
                         # "roughly double the 2024 level": the level of a year named as the base of the multiple
                         r"(?:(?:fy|fiscal)\s?)?(?:19|20)\d\d(?:[-/]\d\d)?(?:['’]s)?\s+(?:level|figure|total|amount))\b", re.I)
# "two and a half times as much per hour as the HH-60W", "three times as many as Germany": a multiple of another thing
_AS_MUCH_AS = re.compile(r"\s+as\s+(?:much|many|large|big|high|long|heavy|expensive|costly|fast)\b[^.;]{0,40}?\bas\b", re.I)
_NAME_BEFORE = re.compile(r"\b([A-Z][\w&.-]*)\s+$")
_NOT_NAMES = {"the", "its", "their", "our", "his", "her", "in", "at", "for", "by", "with", "and", "while", "group",
              "company", "segment", "division", "business", "total", "revenue", "sales", "meanwhile", "also", "but",
              "of", "on", "from", "a", "an", "as", "both", "each", "this", "that", "these", "those"}
_LABEL_YEAR = re.compile(r"^\W*(?:(?:FY|fiscal\s+(?:year\s+)?)\s?)?((?:19|20)\d\d)(?:\s*[-–/]\s*(?:\d\d){1,2})?\W*$", re.I)
_LABEL_FY = re.compile(r"^\W*FY\s?['’]?(\d\d)(?:\s*[-–/]\s*\d\d)?\W*$", re.I)  # "FY20", "FY'24", "FY 25-26"


def _label_year(label: str) -> int | None:
    """The year a row label is ("2021-22", "FY2024", "FY24", "2023"), or None."""
    m = _LABEL_YEAR.match(label.strip())
    if m:
        return int(m.group(1))
    m = _LABEL_FY.match(label.strip())
    return 2000 + int(m.group(1)) if m else None


# "rose 2.3% to", "a 22% jump in profit to", "up 5% year on year to": the level the change took its subject to
_TO_LEVEL = re.compile(r"\s*,?\s*(?:(?!(?:and|but|while|or|to)\b)[\w-]+\s+){0,4}?to\s+")


_SET_OFF_LEVEL = re.compile(r"[^,;()\d]{0,40},\s*(?:(?:up|down|rising|falling|a\s+rise\s+of|a\s+fall\s+of|an\s+increase\s+of|"
                            r"a\s+decrease\s+of)\s+)?(?:by\s+)?(?:(?:about|some|nearly|almost|roughly|around)\s+)?", re.I)


def _has_figures(r: Row, *cols: int) -> bool:
    """Does the row give a figure in each of these columns?"""
    return all((c := r.at(j)) is not None and c.mention is not None for j in cols)


def _same_digits(a: float, b: float, exact: bool = False) -> bool:
    """Two figures within 5% of each other at some power of ten (one may carry a scale the other lacks); at the same
    power when ``exact`` (the table's figures read at their real size: "$331 million" is not row 3,358 "in millions")."""
    if not a or not b:
        return False
    r = abs(a / b)
    if exact:
        return abs(r - 1) < 0.05
    return abs(r / 10 ** round(math.log10(r)) - 1) < 0.05


def _rows_in(clause: str, rows: list[tuple[Table, Row]], lex, head: str | None = None) -> list[tuple[Table, Row, str]]:
    """The table rows the clause names: the row's label in the clause (the longest labels win, unless ``head``, the
    words right before the figure, names some: those); a sales row also by any sales word (the third item)."""
    low = clause.lower()
    head = head.lower() if head is not None else None
    hits: list[tuple[Table, Row, str, int]] = []
    words = set(re.findall(r"[\w&-]+", low))
    best: list[tuple[Table, Row, str]] = []
    best_len = 0
    _index, _order, places = _row_index(rows, lex)
    near: set[int] = set()  # only rows one of whose words the clause has, by their places in the list
    for w in words:
        at = places.get(w)
        if at is not None:
            near.update(at)
    by_key: dict[str, tuple[bool, int, str]] = {}  # rows of one label read alike (a long file repeats its tables)
    sales_via: str | None = None
    for k in sorted(near):
        t, r = rows[k]
        got = by_key.get(r.key)
        if got is None:
            hit, size = False, 0
            for name in row_names(r.key):
                kw = _name_words(name)
                if kw and all(w in words for w in kw) and len(kw) > size and _name_re(name).search(low):
                    hit, size = True, len(kw)
            via = ""
            if not hit and r.key in lex.sales_words:
                if sales_via is None:  # the same for every sales row: looked for once per clause
                    # (a word the clause does not hold as a substring is not searched for as a whole phrase)
                    sales_via = next((w for w in lex.sales_words if w in low and _name_re(w).search(low)), "")
                via = sales_via
                hit, size = bool(via), 1
            got = by_key[r.key] = (hit, size, via)
        hit, size, via = got
        if not hit:
            continue
        hits.append((t, r, via, size))
        if size > best_len:
            best, best_len = [(t, r, via)], size
        elif size == best_len:
            best.append((t, r, via))
    if head is not None:  # the rows named right before the figure ("Order intake of £33.7bn ... on sales of £28.3bn")
        # ... first in the figure's own item of a list ("orders at €11.2 billion, revenues up 11.7%": revenues)
        cut = [x.end() for x in _NEXT_ITEM.finditer(head)]
        for part in ([head[cut[-1]:]] if cut else []) + [head]:
            in_head: dict[str, bool] = {}
            own = []
            for t, r, via, _ in hits:
                named = in_head.get(r.key)
                if named is None:
                    named = in_head[r.key] = any(_name_re(n).search(part) for n in row_names(r.key))
                if (via and via in part) or named:
                    own.append((t, r, via))
            if own:
                # "Airbus Helicopters revenues rose 4%": a label inside a longer label also named ("Airbus") is that
                # one's
                keys = {r.key for _, r, _ in own}
                longer = [x for x in own if not any(k != x[1].key and _name_re(x[1].key).search(k) for k in keys)]
                return longer or own
    return best


_NAME_WORDS: dict[str, list[str]] = {}
_NAME_RE: dict[str, re.Pattern[str]] = {}


def _name_words(name: str) -> list[str]:
    got = _NAME_WORDS.get(name)
    if got is None:
        if len(_NAME_WORDS) > 20000:  # a server that reads many documents: keep the memo bounded
            _NAME_WORDS.clear()
        got = _NAME_WORDS[name] = re.findall(r"[\w&-]+", name)
    return got


def _name_re(name: str) -> re.Pattern[str]:
    """A row name (or sales word) as a whole phrase: compiled once per name, not once per clause and row."""
    got = _NAME_RE.get(name)
    if got is None:
        if len(_NAME_RE) > 20000:
            _NAME_RE.clear()
        got = _NAME_RE[name] = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
    return got


def _pairs(t: Table, r: Row) -> list[tuple[int, int]]:
    """(prior, current) column pairs of a row: those a change column compares, else periods of one kind a year
    apart."""
    pairs = [c.pair for c in t.columns if c.role == "change" and c.pair]
    out = [p for p in dict.fromkeys(pairs) if p is not None]
    if out:
        return out
    per = [c for c in t.columns if c.role == "period" and c.order is not None]
    for a in per:
        for b in per:
            if a.order and b.order and a.order[0] == b.order[0] - 1 and a.order[1] == b.order[1]:
                out.append((a.index, b.index))
    return out


_BASE_BEFORE_FIGURE = re.compile(r"(?:\b(?:from|than|over|against|versus|vs\.?|compared\s+(?:with|to)|on)\s+(?:the\s+|its\s+)?"
                                 r"(?:(?:about|around|some|nearly|almost|roughly|approximately)\s+)?|\(\s*)$", re.I)


def _names_row_between(text: str, a: int, b: int, r: Row) -> bool:
    """Is row ``r`` named (by one of its names) in ``text[a:b]``?"""
    between = text[a:b].lower()
    names = {_PART_ROW_PREFIX.sub("", n) for n in row_names(r.key)}  # "of which defence": "defence"
    return any(n and _name_re(n).search(between) for n in names)


_PART_ROW_PREFIX = re.compile(r"^\s*(?:of\s+which|thereof|including|incl\.?|o/w)[\s:,]+", re.I)


def _spans_apart(t: Table, prior: int, cur: int, span: str) -> bool:
    """Are the two columns ``span`` ("year": a year; "quarter": one period, less than a year) apart, or is that not
    known (a column without a date)?"""
    a = t.columns[prior].order if prior < len(t.columns) else None
    b = t.columns[cur].order if cur < len(t.columns) else None
    if not a or not b or len(a) != len(b):
        return True
    year_apart = a[0] == b[0] - 1 and a[1:] == b[1:]
    return year_apart if span == "year" else not year_apart and a < b


# "58% of group revenue", "of total sales", "of the total", "of revenue": a share of the table's whole
_SHARE_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:group|total|company|company's|consolidated|overall|the\s+group's)\s+)?"
                       r"(?:total|revenues?|sales|turnover|net\s+sales|order\s+intake|orders)\b", re.I)
_COUNT_HEADER = re.compile(r"\b(?:quantity|quantities|qty|units|number|no\.|count)\b", re.I)
_FIRST_WORD = re.compile(r"\w+")
_HEAD_WORDS = re.compile(r"\s*(\w+)(?:\W+(\w+))?")
# (", and Services & Support accounted for 33%": ", and" before a capitalised word opens another subject's clause)
_CLAUSE_OPEN = re.compile(r";\s*|,\s*(?:while|whereas|but|and\s+while)\s+|,\s*and\s+(?=(?-i:[A-Z]))", re.I)
# a relative clause about another noun between a row's label and its percent
_RELATIVE_OTHER = re.compile(r",\s*(?:which|that|whose)\b", re.I)
# a figure's parts named after it: a percent there is of the part, not of the row ("$181.9 billion, including a 4.5
# percent pay raise", "€2.1 billion, of which a 12% rise in exports")
_OWN_NOUN_CHANGE = re.compile(r"\s+(?:[^\W\d_]+\s+)?(?:raise|rise|increase|hike|cut)\s+(?:for|in|to|of)\b|"
                              r"\s+(?:[^\W\d_]+\s+){1,2}(?:raise|rise|increase|hike|cut)\b", re.I)
_NOUN_BETWEEN = re.compile(r"\s+(?:[^\W\d_]+\s+){1,2}(?:raise|rise|increase|hike|cut)\b", re.I)
_INCLUDING = re.compile(r"\b(?:including|includes|include|included|of\s+which|among\s+which)\b", re.I)
_NEXT_ITEM = re.compile(r"\s+and\s+(?=[A-Z]|the\b|its\b)|[,;]\s+")


_FOOTNOTE_MARK = re.compile(r"[*†‡§¹²³⁴⁵]\s*$|\(\s*[a-z*]\s*\)\s*$")


def _near_miss(total: Mention, parts: list[Mention]) -> bool:
    """Does a total miss the sum of its parts by a little (5% at most) or by two neighbouring digits swapped?"""
    got = sum(m.value or 0.0 for m in parts)
    want = total.value or 0.0
    if not want or not got:
        return False
    if abs(want - got) <= 0.05 * abs(want):
        return True
    scale = 10 ** max(0, (total.decimals or 0))
    a, b = str(round(abs(want) * scale)), str(round(abs(got) * scale))
    return len(a) == len(b) and sorted(a) == sorted(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 2


def _years_named(label: str) -> set[int]:
    """The years a column label names: "2023", "FY23", "Q2 24", "H1 '24", "2024/25" (both)."""
    got = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", label)}
    got |= {2000 + int(y) for y in re.findall(r"(?:\bFY|\bQ[1-4]\s?|\bH[12]\s?|['’]|(?<=\d\d)/)(\d\d)(?!\d)", label, re.I)}
    return got


# a base named by its year right after a change: "doubled since the end of 2022", "up 40% from 2021", "twice the level of
# fiscal 2019"
_BASE_YEAR_NAMED = re.compile(r"\W{0,3}(?:\w+\s+){0,3}?(?:since\s|from\s|than\s+(?:in\s+)?|as\s+(?:in\s+)?|that\s+of\s+|"
                              r"those\s+of\s+|compared\s+(?:with|to)\s|over\s|on\s)\s*"
                              r"(?:the\s+)?(?:(?:end|start|beginning|close|middle)\s+of\s+)?(?:(?:fiscal|financial|FY)\s*)?"
                              r"(?P<y>(?:19|20)\d\d)\b", re.I)


def _same_value(prose: Mention, cell: Mention) -> bool:
    """The prose figure is the cell's at the prose's precision; a bare cell of a table that names no currency may be
    the money the prose gives ("11.67 billion US dollars" and "11,671" under "(dollars in millions)")."""
    if cell.type == "number" and cell.unit is None and prose.type == "currency":
        # (at a scale the table names in its stub or caption: "328 M€" for "328" under "M€ | 2024 | 2023")
        return any(_same_figure(dataclasses.replace(prose, type="number", value=(prose.value or 0) / f,
                                                    half_step=(prose.half_step or 0) / f if prose.half_step else None),
                                cell) for f in (1.0, 1e3, 1e6, 1e9, 1e12) if prose.value is not None)
    return _same_figure(prose, cell)


def _same_figure(prose: Mention, cell: Mention) -> bool:
    """The prose figure is the cell's figure at the prose's precision ("$11.3 billion" for "$11,293" in millions)."""
    if prose.value is None or cell.value is None or (prose.type == "currency") != (cell.type == "currency"):
        return False
    if prose.type == "currency" and prose.unit != cell.unit and cell.unit is not None:
        return False
    step = max(prose.half_step or 0.0, cell.half_step or 0.0)
    return abs(prose.value - cell.value) <= step + 1e-9 * abs(cell.value)


_KINDS = (("nine", re.compile(r"\b(?:9m|nine months|q1\s?[-–]\s?q3|jan(?:uary)?\s?[-–]\s?sep)", re.I)),
          ("half", re.compile(r"\b(?:h[12]|[12]h|six months|half|jan(?:uary)?\s?[-–]\s?jun|jul(?:y)?\s?[-–]\s?dec)",
                              re.I)),
          ("quarter", re.compile(r"\b(?:q[1-4]|[1-4]q|three months|quarter|apr(?:il)?\s?[-–]\s?jun|"
                                 r"jul(?:y)?\s?[-–]\s?sep|oct(?:ober)?\s?[-–]\s?dec)", re.I)),
          ("year", re.compile(r"\b(?:fy|full[- ]year|year|(?:19|20)\d\d)\b", re.I)))


def _base_year_elsewhere(t: Table, prior: int, clause: str) -> bool:
    """Does the clause name the base of its change by a year ("since FY 2022", "from 2021", "compared with 2020") that
    is not the prior column's?"""
    order = t.columns[prior].order if prior < len(t.columns) else None
    if order is None:
        return False
    years = {int(h.group(1)) for h in _BASE_YEAR.finditer(clause)}
    return bool(years) and order[0] not in years


_BASE_YEAR = re.compile(r"\b(?:since|from|compared\s+(?:with|to)|versus|vs\.?|over|on)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+"
                        r"(?:year\s+)?|FY\s?)?((?:19|20)\d\d)(?![\d.,]\d)", re.I)


def _of_prior_year(t: Table, prior: int, clause: str) -> bool:
    """Does the clause name one year only, the prior column's, as the time of its own change (not as its base: "9.8
    Percent Growth Over Fourth Quarter 2022 Revenues", "up 12% on 2023")?"""
    hits = list(re.finditer(r"(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)", clause))
    years = {int(h.group(0)) for h in hits}
    order = t.columns[prior].order if prior < len(t.columns) else None
    if len(years) != 1 or order is None or order[0] not in years or not _EARLIER_TOLD.search(clause):
        return False
    return any(_TIME_WORD_BEFORE.search(clause[max(0, h.start() - 45):h.start()]) and
               not _BASE_WORD_BEFORE.search(clause[max(0, h.start() - 45):h.start()]) for h in hits)


# a change told as an earlier one: "A year earlier, ... the segment had grown its sales by 24%"
_EARLIER_TOLD = re.compile(r"\b(?:had|a\s+year\s+earlier|the\s+year\s+before|the\s+previous\s+year|previously)\b", re.I)
_TIME_WORD_BEFORE = re.compile(r"\b(?:in|of|during|for|throughout)\s+(?:[\w'’-]+\s+){0,5}$", re.I)


_BASE_WORD_BEFORE = re.compile(r"\b(?:over|from|than|compared\s+(?:with|to)|versus|vs\.?|against|on|since|after)\s+"
                               r"(?:[\w'’-]+\s+){0,6}$", re.I)


def _period_kind(label: str, caption: str) -> str | None:
    """quarter | half | nine | year for a column label (a date column takes the caption's "Three months ended")."""
    for kind, rx in _KINDS:
        if rx.search(label):
            if kind == "year" and re.search(r"\b\d{1,2},?\s", label):
                break  # a date: the caption says which period ends on it
            return kind
    for kind, rx in _KINDS[:3]:
        if rx.search(caption):
            return kind
    return None
