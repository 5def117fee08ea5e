"""Grid detection (factcheck/document/tables.py): rows and cells with their spans, header labels and column roles,
scales, row kinds, and the placement of short rows - from tab, pipe, aligned and single-spaced text alike."""

from __future__ import annotations

import pytest

from factcheck.document.tables import Table, find_tables, row_key
from factcheck.model import Document
from factcheck.ruleset import load_rules

VOCAB = load_rules().vocab


def tables(text: str) -> list[Table]:
    return find_tables(Document(path="t.txt", text=text), VOCAB)


def one(text: str) -> Table:
    ts = tables(text)
    assert len(ts) == 1, ts
    return ts[0]


def cells(t: Table, label: str) -> list[str]:
    return [c.text for c in next(r for r in t.rows if r.label == label).cells]


def values(t: Table, label: str) -> list[float | None]:
    return [c.mention.value if c.mention else None for c in next(r for r in t.rows if r.label == label).cells]


# A financial summary as PDF-to-text gives it: one row per line, single spaces, short rows.
SPACED = """Interim report
Financial summary
MSEK Jan-Jun 2023 Jan-Jun 2022 Change in % Q2 2023 Q2 2022 Change in % Full-year 2022
Order intake 31,333 25,478 23 14,315 17,363 -18 63,116
Order backlog 135,181 112,367 20 127,676
Sales revenue 23,960 19,389 24 12,475 10,171 23 42,006
Gross margin in % 22.0 21.4 22.1 20.9 21.2
"""


def test_single_spaced_header_gives_periods_changes_and_their_pairs():
    t = one(SPACED)
    assert t.form == "spaced" and t.stub == "MSEK" and t.caption == "Interim report Financial summary"
    assert [c.label for c in t.columns] == ["Jan-Jun 2023", "Jan-Jun 2022", "Change in %", "Q2 2023", "Q2 2022",
                                            "Change in %", "Full-year 2022"]
    assert [c.role for c in t.columns] == ["period", "period", "change", "period", "period", "change", "period"]
    assert t.columns[2].pair == (1, 0) and t.columns[5].pair == (4, 3)  # (prior, current)
    assert t.columns[2].pair_certain and t.columns[2].percent
    assert [c.prior for c in t.columns if c.role == "period"] == [False, True, False, True, True]


def test_header_scale_and_currency_apply_to_amounts_not_to_changes_or_margins():
    t = one(SPACED)
    assert (t.scale, t.scale_text, t.currency) == (1e6, "MSEK", "SEK")
    row = next(r for r in t.rows if r.label == "Order intake")
    m = row.cells[0].mention
    assert m is not None and (m.type, m.unit, m.value, m.half_step) == ("currency", "SEK", 31_333e6, 0.5e6)
    ch = row.cells[5].mention
    assert ch is not None and (ch.type, ch.value, ch.half_step) == ("percent", -18.0, 0.5)
    margin = next(r for r in t.rows if r.label == "Gross margin in %")
    assert margin.kind == "margin" and [c.mention.type for c in margin.cells if c.mention] == ["percent"] * 5


def test_short_rows_are_placed_by_the_table_structure():
    t = one(SPACED)
    backlog = next(r for r in t.rows if r.label == "Order backlog")
    # the half-year group or the quarter group, and the full year: two placements, equally plausible
    assert set(backlog.alignments) == {(0, 1, 2, 6), (3, 4, 5, 6)}
    assert list(backlog.placed()) == [6]  # only the full-year cell stands in one place in both
    margin = next(r for r in t.rows if r.label == "Gross margin in %")
    assert margin.alignments == ((0, 1, 3, 4, 6),)  # a margin row leaves out the change columns


def test_cell_spans_point_at_the_cells():
    t = one(SPACED)
    for r in t.rows:
        for c in r.cells:
            assert SPACED[c.start:c.end] == c.text
    row = next(r for r in t.rows if r.label == "Sales revenue")
    assert SPACED[row.label_start:row.label_end] == "Sales revenue"


US = """CONSOLIDATED RESULTS
(in millions, except per share data)
                                   Three Months Ended
                              March 25, 2012   March 27, 2011   % Change
Net sales                        $11,293          $10,626            6%
Operating profit                   1,150              942           22%
Earnings per diluted share          2.02             1.57           29%
Cash from operations                 458            1,700          (73)%
Operating margin                    10.2%             8.9%
"""


def test_aligned_columns_with_dates_in_millions_except_per_share():
    t = one(US)
    assert t.form == "aligned" and t.scale == 1e6 and t.scale_text == "in millions"
    assert [c.label for c in t.columns] == ["March 25, 2012", "March 27, 2011", "% Change"]
    assert t.columns[2].pair == (1, 0) and t.columns[0].order == (2012, 3, 25)
    assert values(t, "Net sales") == [11_293e6, 10_626e6, 6.0]
    assert values(t, "Earnings per diluted share") == [2.02, 1.57, 29.0]  # per-share data is not in millions
    assert values(t, "Cash from operations")[2] == -73.0  # "(73)%" is negative
    kinds = {r.label: r.kind for r in t.rows}
    assert kinds["Earnings per diluted share"] == "per_share" and kinds["Operating margin"] == "margin"


@pytest.mark.parametrize("caption, scale, currency", [
    ("Group results (€m)", 1e6, "EUR"),
    ("Key figures, SEK m", 1e6, "SEK"),
    ("Amounts in EUR thousand", 1e3, "EUR"),
    ("TEUR", 1e3, "EUR"),
    ("(in thousands)", 1e3, None),
    ("$ in millions", 1e6, "USD"),
    ("Figures in £bn", 1e9, "GBP"),
    ("Results", 1.0, None),
])
def test_scale_headers(caption, scale, currency):
    t = one(f"{caption}\n\n\t2024\t2023\nSales\t1,200\t1,000\nEBIT\t120\t90\n")
    assert (t.scale, t.currency) == (scale, currency)
    assert values(t, "Sales")[0] == pytest.approx(1200 * scale)


def test_pipes_missing_markers_and_negatives_in_brackets():
    t = one("| SEK m | 2024 | 2023 | Change |\n|---|--:|--:|--:|\n| Sales | 1,200 | 1,000 | 20% |\n"
            "| Other | (12.5) | – | n/a |\n| EBIT | -40 | nm | — |\n")
    assert t.form == "pipe" and [c.label for c in t.columns] == ["2024", "2023", "Change"]
    other = next(r for r in t.rows if r.label == "Other")
    assert [(c.text, c.missing) for c in other.cells] == [("(12.5)", False), ("–", True), ("n/a", True)]
    assert values(t, "Other") == [-12.5e6, None, None]
    assert values(t, "EBIT") == [-40e6, None, None]


def test_tab_rows_keep_empty_cells_in_their_column():
    t = one("\tQ2 2023\tQ2 2022\tChange, %\nSales\t1,200\t1,000\t20\nBacklog\t5,000\t\tn/a\n")
    backlog = next(r for r in t.rows if r.label == "Backlog")
    assert backlog.alignments == ((0, 1, 2),)
    assert backlog.at(0).text == "5,000" and backlog.at(1).text == "" and backlog.at(2).missing


@pytest.mark.parametrize("label, kind", [
    ("Total", "total"), ("Group", "total"), ("Total net sales", "total"), ("of which services", "of_which"),
    ("- thereof Germany", "of_which"), ("Earnings per share, SEK", "per_share"), ("EPS (diluted)", "per_share"),
    ("EBIT margin, %", "margin"), ("Operating margin", "margin"), ("Return on equity, %", "percent"),
    ("Book-to-bill", "ratio"), ("Number of employees", "count"), ("Subtotal", "subtotal"), ("Dynamics", "level"),
])
def test_row_kinds(label, kind):
    t = one(f"\t2024\t2023\nSales\t1,200\t1,000\n{label}\t12\t10\n")
    assert next(r for r in t.rows if r.label == label).kind == kind


def test_row_keys_drop_footnotes_and_units():
    assert row_key("Sales1") == "sales"
    assert row_key("EBIT margin, %") == "ebit margin"
    assert row_key("Net sales (SEK m)") == "net sales"
    assert row_key("EBIT") == "ebit"
    assert row_key("  of which: services") == "of which: services"


def test_locale_is_decided_by_the_table():
    t = one("Umsatz (Mio. EUR)\n\t2024\t2023\nUmsatz\t1.234,5\t1.100,0\nEBIT\t120,5\t99,0\n")
    assert t.locale == "de" and values(t, "Umsatz")[0] == pytest.approx(1234.5e6)
    t = one(SPACED)  # "31,333" beside "22.0": English grouping, whatever the rest of the text looks like
    assert t.locale == "en" and values(t, "Order intake")[0] == 31_333e6


@pytest.mark.parametrize("text", [
    "Sales rose 24% to SEK 23,960m (19,389).\nEBIT grew to SEK 1,065m (738) in the quarter.\n",
    "The company has 19,000 employees in 2023 and 18,000 in 2022\nDeliveries were 12 in Q1 and 15 in Q2\n",
    "• Order intake SEK 14,315m (17,363)\n• Sales SEK 12,475m (10,171)\n",
    "BETHESDA, Md., April 26, 2012 - Lockheed Martin reported.\nIt was founded in 1995\n",
    "Net sales were $11.3 billion, up 6 percent.\n",
])
def test_prose_is_not_a_table(text):
    assert tables(text) == []


def test_two_tables_and_a_header_between_them():
    text = ("Q2\n\t2023\t2022\nSales\t1,200\t1,000\nEBIT\t120\t90\n\nSegments\n\tDefence\tCivil\tTotal\n"
            "2023\t700\t500\t1,200\n2022\t600\t400\t1,000\n")
    ts = tables(text)
    assert len(ts) == 2
    assert [c.label for c in ts[1].columns] == ["Defence", "Civil", "Total"]
    assert ts[1].columns[2].role == "total" and ts[1].columns[2].parts == (0, 1)


def test_no_table_costs_nothing():
    assert tables("") == [] and tables("Just prose, no figures.\n" * 50) == []


def test_a_header_on_two_lines_is_read_label_by_label():
    t = one("Key figures\nSEK m Q2 Q2 Change Jan-Jun Jan-Jun Change Full year\n2023 2022 % 2023 2022 % 2022\n"
            "Sales 12,475 10,171 23 23,960 19,389 24 42,006\nEBIT 1,065 738 44 2,000 1,500 33 3,000\n")
    assert [c.label for c in t.columns] == ["Q2 2023", "Q2 2022", "Change %", "Jan-Jun 2023", "Jan-Jun 2022",
                                            "Change %", "Full year 2022"]
    assert t.columns[5].pair == (4, 3) and t.scale == 1e6


@pytest.mark.parametrize("header, labels", [
    ("€ million Q1–Q3 2024 Q1–Q3 2023 Δ%", ["Q1–Q3 2024", "Q1–Q3 2023", "Δ%"]),
    ("EUR m 9M 2024 9M 2023 Change", ["9M 2024", "9M 2023", "Change"]),
    ("£m FY2024 FY2023 % change", ["FY2024", "FY2023", "% change"]),
    ("SEK m 30 Jun 2024 30 Jun 2023 +/-", ["30 Jun 2024", "30 Jun 2023", "+/-"]),
])
def test_single_spaced_period_labels(header, labels):
    t = one(f"{header}\nSales 1,200 1,000 20\nEBIT 120 100 20\n")
    assert [c.label for c in t.columns] == labels
    assert t.columns[2].role == "change" and t.columns[2].pair == (1, 0)


def test_a_change_on_another_basis_is_no_change_column():
    t = one("In € millions\tH1 2023\tH1 2022\tReported change\tOrganic change\nSales\t8,600\t7,600\t13%\t8%\n"
            "EBIT\t900\t800\t12%\t7%\n")
    assert [c.role for c in t.columns] == ["period", "period", "change", "basis"]
    t = one("€ million H1 2023 H1 2022 Change Change at constant currency\nSales 8,600 7,600 13% 8%\n"
            "EBIT 900 800 12% 7%\n")
    assert [c.role for c in t.columns] == ["period", "period", "change", "basis"]


def test_short_quarter_labels_and_points_after_a_figure():
    t = one("EUR m 2Q23 2Q22 Change\nSales 1,200 1,000 20%\nEBIT margin, % 10.0 9.0 1.0 pp\n")
    assert [c.order for c in t.columns[:2]] == [(2023, 6, 0), (2022, 6, 0)] and t.columns[2].pair == (1, 0)
    assert values(t, "EBIT margin, %") == [10.0, 9.0, 1.0]


def test_a_change_after_more_than_two_periods_is_not_certain():
    t = one("SEK m\t2023\t2022\t2021\tChange, %\nSales\t1,200\t1,000\t900\t20\nEBIT\t120\t100\t90\t20\n")
    assert t.columns[3].pair == (1, 0) and not t.columns[3].pair_certain


ON_TWO_BASES = [
    ("                                     As reported          At 2021 rates\n"
     "£m                                2022    Change      2022    Change     2021\n"
     "Revenue                           442.8    +13%      421.2     +7%     393.3\n"
     "Operating profit                   64.0    +11%       62.2     +8%      57.5\n"),
    ("                       Reported              Constant currency\n"
     "EUR m            Q3 2024     Change     Q3 2024     Change     Q3 2023\n"
     "Sales              1,210       +10%       1,188        +8%       1,100\n"
     "EBIT                 121       +21%         119       +19%         100\n"),
    ("                    As reported             Organic\n"
     "SEK m         H1 2024   Change %   H1 2024   Change %   H1 2023\n"
     "Order intake   12,000        20     11,500        15     10,000\n"
     "Sales           9,900        10      9,450         5      9,000\n"),
]


@pytest.mark.parametrize("text", ON_TWO_BASES)
def test_a_period_on_two_bases_is_compared_with_the_one_earlier_period(text):
    """"2022 | Change | 2022 | Change | 2021" under "As reported | At 2021 rates": each change compares the period on its
    left with the one earlier period, not the two columns of one period; the first basis only is certain."""
    t = one(text)
    assert [c.role for c in t.columns] == ["period", "change", "period", "change", "period"]
    assert (t.columns[1].pair, t.columns[1].pair_certain) == ((4, 0), True)
    assert (t.columns[3].pair, t.columns[3].pair_certain) == ((4, 2), False)


def test_a_period_on_two_bases_and_two_earlier_periods_compares_nothing():
    t = one("SEK m   2024   Change   2024   Change   2023   2022\nOrder intake   12,000   20   11,500   15   10,000   9,000\n"
            "Sales   9,900   10   9,450   5   9,000   8,000\n")
    assert [c.role for c in t.columns] == ["period", "other", "period", "other", "period", "period"]


# -- never a traceback, spans always exact -------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = ["\t", "|", " ", "  ", "\n", "\n\n", "---", "|---|", "Sales", "Total", "of which", "EBIT margin, %", "Q2 2023",
          "Q2 2022", "2024", "2023", "Change, %", "+/-", "% of total", "MSEK", "(in millions, except per share data)",
          "1,200", "(12.5)", "-18", "n/a", "–", "22.0", "7%", "$1,340", "0", "00", "1.234,5", "(73)%", "1.0 pp",
          "Group", "Book-to-bill", "Jan-Jun 2023", "March 25, 2012", "rose 24% to SEK 23,960m", ".", "•", "€m",
          "\u00a0", "\u2009", "Q1–Q3 2024", "2Q23", "organic", ">100", "1e99", "9" * 40]
texts = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(PIECES), max_size=80).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_tables_with_exact_spans_and_no_error(text):
    from factcheck.claims.tables import check_tables, prose_links
    from factcheck.extract import extract

    doc = Document(path="t.txt", text=text)
    ts = find_tables(doc, VOCAB)
    for t in ts:
        for r in t.rows:
            assert text[r.label_start:r.label_end] == r.label
            for c in r.cells:
                assert text[c.start:c.end] == c.text
            for al in r.alignments:
                assert len(al) == len(r.cells) and list(al) == sorted(set(al))
    claims, unchecked = check_tables(doc, ts, VOCAB)
    for c in claims:
        assert 0 <= c.span[0] < c.span[1] <= len(text) and c.readings
    prose_links(ts, extract(doc, VOCAB), doc, VOCAB)


def test_a_figure_too_large_for_any_table_is_not_read():
    t = one("\t2024\t2023\nSales\t" + "9" * 400 + "\t1,000\nEBIT\t10\t9\n")
    assert values(t, "Sales") == [None, 1000.0]


@pytest.mark.parametrize("header, labels, roles", [
    ("($ in millions) 2023 2022 $ Change % Change", ["2023", "2022", "$ Change", "% Change"],
     ["period", "period", "change", "change"]),
    ("(in millions) 2023 2022 Percent Change", ["2023", "2022", "Percent Change"], ["period", "period", "change"]),
    ("Dollars in millions 2023 2022 B/(W)", ["2023", "2022", "B/(W)"], ["period", "period", "change"]),
    ("SEK m Jan–Jun 2023 Jan–Jun 2022 Change, % Jul 2022–Jun 2023",
     ["Jan–Jun 2023", "Jan–Jun 2022", "Change, %", "Jul 2022–Jun 2023"], ["period", "period", "change", "period"]),
])
def test_more_header_forms(header, labels, roles):
    t = one(f"{header}\nSales 1,200 1,000 200 20\nEBIT 120 100 20 20\n")
    assert [c.label for c in t.columns][:len(labels)] == labels and [c.role for c in t.columns][:len(roles)] == roles
    changes = [c for c in t.columns if c.role == "change"]
    assert all(c.pair == (1, 0) for c in changes)
    assert [c.absolute for c in changes] == [("$" in c.label or "B/(W)" in c.label) for c in changes]


def test_footnote_letters_after_a_figure():
    t = one("SEK m\t2024\t2023\nSales\t1,200(a)\t1,000\nEBIT\t120\t100*\n")
    assert values(t, "Sales") == [1200e6, 1000e6] and values(t, "EBIT") == [120e6, 100e6]


def test_a_label_may_end_with_a_colon_before_its_figures():
    t = one("SEK m 2024 2023 Change, %\nSales: 1,200 1,000 20\nEBIT: 120 100 20\n")
    assert [r.label for r in t.rows] == ["Sales:", "EBIT:"] and [r.key for r in t.rows] == ["sales", "ebit"]


@pytest.mark.parametrize("header", ["Q2 2023 | Q2 2022 | Change | | |", "| Q2 2023 | Q2 2022 | Change |",
                                    "Q2 2023\tQ2 2022\tChange\t\t"])
def test_a_delimited_header_without_a_stub_cell(header):
    sep = "\t" if "\t" in header else " | "
    body = "\n".join(sep.join(r) for r in (["Sales", "1,200", "1,000", "20%", "note"], ["EBIT", "120", "100", "20%", "x"]))
    if sep == " | ":
        body = "\n".join(f"| {line} |" for line in body.split("\n"))
    t = one(f"Key figures\n{header}\n{body}\n")
    assert [c.label for c in t.columns][:3] == ["Q2 2023", "Q2 2022", "Change"] and t.columns[2].pair == (1, 0)


@pytest.mark.parametrize("text", [
    "CZK m               9M 2025    Change y/y    Share of revenue, %\nAmmunition          7,700      +94.2%        48\n"
    "Firearms            8,400      -24.0%        52\nGroup revenue      16,100      +7.3%         100\n",
    "EUR m          2024      Change %     Share, %\nEurope        1,200        +12          60\n"
    "Americas        800         +5          40\nTotal         2,000         +9         100\n",
    "SEK m          Q3 2025     Change     % of total\nSensors         3,000       +10%        30\n"
    "Weapons         7,000        +4%        70\nTotal          10,000        +6%       100\n",
])
def test_a_share_column_after_a_change_compared_with_no_period_is_of_the_period_before(text):
    """A change column the table gives no earlier period for is no base of the share column after it."""
    t = one(text)
    share = next(c for c in t.columns if c.role == "share")
    assert share.pair == (0, 0)


@pytest.mark.parametrize("text", [
    "The group raised its guidance. Key figures (variances for sales and EBIT at constant currency):\n"
    "Measure | H1 2024 | H1 2023 | Variance\nSales | 13,399 | 12,018 | +13%\nEBIT | 1,393 | 1,258 | +13%\n",
    "Highlights, with growth rates on an organic basis:\nEUR m      2024     2023     Change\n"
    "Sales     5,200    4,800     +10%\nEBIT        520      480      +9%\n",
    "Summary (changes at constant exchange rates):\nSEK m      Q3 2025    Q3 2024    Change %\n"
    "Sales       12,000     10,000      +23\nEBIT         1,200      1,000      +25\n",
])
def test_a_line_introducing_the_table_can_set_its_changes_on_another_basis(text):
    """The line right above a table that introduces it (ending in ':') and says its changes are organic or at constant
    currency: the change column is of another basis, not computed from the periods."""
    t = one(text)
    assert [c.role for c in t.columns][-1] == "basis"
