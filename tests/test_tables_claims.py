"""Table claims (factcheck/claims/tables.py), read structurally: which cell is stated, which cells it derives
from, by which formula, on what evidence - and which derived cells are left unchecked, and why."""

from __future__ import annotations

import pytest

from factcheck.claims.tables import cell_mentions, check_tables, series, table_cells
from factcheck.document import read_bytes
from factcheck.document.tables import find_tables
from factcheck.model import Claim, Document, Unchecked
from factcheck.ruleset import load_rules

VOCAB = load_rules().vocab


def run(text: str) -> tuple[dict[str, Claim], list[Unchecked]]:
    doc = Document(path="t.txt", text=text)
    claims, unchecked = check_tables(doc, find_tables(doc, VOCAB), VOCAB)
    out: dict[str, Claim] = {}
    for c in claims:
        key = f"{doc.locate(c.span[0]).line}:{text[c.span[0]:c.span[1]]}"
        assert key not in out
        out[key] = c
    return out, unchecked


def reading(c: Claim) -> tuple[str, list[str], float | None]:
    r = c.readings[0]
    return r.formula, [m.text for m in r.operands], c.stated_value


SPACED = """Financial summary
MSEK Jan-Jun 2023 Jan-Jun 2022 Change in % Q2 2023 Q2 2022 Change in % Full-year 2022
Order intake 31,333 25,478 23 14,315 17,363 -18 63,116
Order backlog 135,181 112,367 20 127,676
Sales revenue 23,960 19,389 24 12,475 10,171 23 42,006
Gross profit 5,262 4,156 27 2,760 2,122 30 8,886
Gross margin in % 22.0 21.4 22.1 20.9 21.2
"""


def test_change_columns_against_their_two_periods():
    claims, _ = run(SPACED)
    assert reading(claims["3:23"]) == ("pct_change", ["25,478", "31,333"], 23.0)
    assert reading(claims["3:-18"]) == ("pct_change", ["17,363", "14,315"], -18.0)  # signed: the cell's own sign
    assert reading(claims["5:24"]) == ("pct_change", ["19,389", "23,960"], 24.0)
    c = claims["5:23"]
    assert c.kind == "percent_change" and c.span == (SPACED.index("10,171 23") + 7, SPACED.index("10,171 23") + 9)
    ev = c.readings[0].evidence[0]
    assert ev.cue == "table-column" and ev.explicit and ev.weight > 0
    assert ev.detail == "Sales revenue, Q2 2023 vs Q2 2022: 12,475 → 10,171 (column 'Change in %')"
    # operands are read at their real size: MSEK
    assert [m.value for m in c.readings[0].operands] == [10_171e6, 12_475e6]


def test_a_short_row_is_checked_where_every_placement_agrees():
    claims, unchecked = run(SPACED)
    c = claims["4:20"]  # the backlog: half-year or quarter columns, the same three cells either way
    assert reading(c) == ("pct_change", ["112,367", "135,181"], 20.0)
    assert "(or Q2 2023 vs Q2 2022)" in c.readings[0].evidence[0].detail
    assert not unchecked


def test_margin_rows_divide_their_measure_by_sales_in_the_same_column():
    claims, _ = run(SPACED)
    got = {k: reading(c)[:2] for k, c in claims.items() if c.kind == "share"}
    assert got == {"7:22.0": ("share", ["5,262", "23,960"]), "7:21.4": ("share", ["4,156", "19,389"]),
                   "7:22.1": ("share", ["2,760", "12,475"]), "7:20.9": ("share", ["2,122", "10,171"]),
                   "7:21.2": ("share", ["8,886", "42,006"])}
    assert claims["7:22.1"].readings[0].evidence[0].detail == \
        "'Gross margin in %', column 'Q2 2023' = 'Gross profit' 2,760 / 'Sales revenue' 12,475"


SEGMENTS = """Sales by business area (SEK m)
\tQ2 2023\tQ2 2022\tChange, %\tShare, %
Aeronautics\t2,100\t1,900\t11\t28
Dynamics\t2,600\t2,000\t30\t35
of which missiles\t1,200\t900\t33\t16
Surveillance\t3,000\t2,500\t20\t40
Internal sales\t(225)\t(229)\tn/a\t-3
Total\t7,475\t6,171\t21\t100
Earnings per share, SEK\t3.15\t2.40\t31\t
"""


def test_total_rows_add_the_rows_above_without_of_which_rows():
    claims, _ = run(SEGMENTS)
    c = claims["8:7,475"]
    assert reading(c) == ("sum", ["2,100", "2,600", "3,000", "(225)"], 7_475e6)
    assert reading(claims["8:6,171"])[1] == ["1,900", "2,000", "2,500", "(229)"]
    ev = c.readings[0].evidence[0]
    assert ev.explicit and "adds up in column 'Q2 2022'" in ev.detail
    # the rounding of every part widens what the total may be
    assert c.stated_step == 0.5e6 * 5
    assert not any(k.startswith("9:") and c.kind == "sum" for k, c in claims.items())  # per-share never summed


def test_share_columns_against_the_total_row():
    claims, _ = run(SEGMENTS)
    assert reading(claims["3:28"]) == ("share", ["2,100", "7,475"], 28.0)
    assert reading(claims["6:40"]) == ("share", ["3,000", "7,475"], 40.0)
    assert reading(claims["5:16"])[:2] == ("share", ["1,200", "7,475"])
    assert "8:100" not in claims  # the total's own share says nothing


def test_a_share_of_a_named_column_divides_within_its_row():
    # "% of GDP" beside a "GDP" column: each row's spending over its own GDP, not the GDP total
    text = ("Country | Spending (US$ bn) | GDP (US$ bn) | % of GDP | Real change (%)\n"
            "Norway | 8.0 | 480.0 | 1.67 | 9.1\nSweden | 12.0 | 600.0 | 2.20 | 11.4\nTotal | 20.0 | 1,080.0 | 1.85 |\n")
    claims, _ = run(text)
    assert reading(claims["2:1.67"]) == ("share", ["8.0", "480.0"], 1.67)
    assert reading(claims["3:2.20"]) == ("share", ["12.0", "600.0"], 2.2)
    assert reading(claims["4:1.85"]) == ("share", ["20.0", "1,080.0"], 1.85)
    # "% of total" still shares out the total row; a second amount column leaves the named whole's part unknown
    claims, _ = run(text.replace("% of GDP", "% of total").replace("| 1.85 |", "| 100.0 |"))
    assert reading(claims["2:1.67"])[1] == ["480.0", "1,080.0"]
    # a total row whose own share is not 100 is a part of a larger whole: no share is read against it
    claims, _ = run(text.replace("% of GDP", "% of total"))
    assert "2:1.67" not in claims
    claims, _ = run(text.replace("Real change (%)", "Budget (US$ bn)"))
    assert "2:1.67" not in claims  # two columns could be the part: none is read (nor the total row, at 1.85%)


def test_a_footnote_marker_after_a_row_label_is_no_cell():
    text = ("($ in millions)            Q3 2024   Q3 2023   $ Change\n"
            "Net earnings                    63       145       (82)\n"
            "Free cash flow (1)             (12)      140      (152)\n"
            "Backlog [2]                  48,100    47,900      200\n")
    claims, _ = run(text)
    assert reading(claims["3:(152)"])[:2] == ("difference", ["(12)", "140"])
    assert reading(claims["4:200"])[:2] == ("difference", ["48,100", "47,900"])
    rows = {r.key: [c.text for c in r.cells if c is not None]
            for r in find_tables(Document(path="t.txt", text=text), VOCAB)[0].rows}
    assert rows["free cash flow"] == ["(12)", "140", "(152)"]


def test_a_row_whose_share_is_100_is_the_total_whatever_its_label():
    text = ("| Sector (€ million) | 2023 | 2024 | Share of 2024 % |\n|---|---|---|---|\n"
            "| Personnel | 11,183 | 11,402 | 53.5 |\n| Operating | 2,213 | 2,405 | 11.3 |\n"
            "| Investment | 6,972 | 7,515 | 35.2 |\n| Defence Function | 20,368 | 21,322 | 100.0 |\n")
    claims, _ = run(text)
    assert reading(claims["6:21,322"])[:2] == ("sum", ["11,402", "2,405", "7,515"])
    assert reading(claims["3:53.5"])[:2] == ("share", ["11,402", "21,322"])
    # a wrong part is still found: the total is taken from the 100%, not from the arithmetic
    claims, _ = run(text.replace("7,515", "7,551"))
    assert reading(claims["6:21,322"])[1] == ["11,402", "2,405", "7,551"]
    # without the 100% nothing says the last row is a total
    claims, _ = run(text.replace("100.0", "98.0"))
    assert "6:21,322" not in claims


SUBTOTAL_AT_100 = [
    # tabs: a subtotal at 100%, then consolidation and a total with no share; two share columns, one per period
    ("(euro million)\tH1 2024\t% of total\tH1 2023\t% of total\n"
     "Ships\t3,427\t71%\t2,938\t70%\nOffshore\t580\t12%\t452\t11%\nSystems\t815\t17%\t780\t19%\n"
     "Subtotal\t4,822\t100%\t4,170\t100%\nConsolidation adjustments\t(505)\t\t(458)\t\n"
     "Total\t4,317\t\t3,712\t\n", "2:71%", ("3,427", "4,822"), "3:11%", ("452", "4,170")),
    # spaces: "Segments" at 100.0, eliminations, then the group
    ("MSEK               2024    Share %    2023    Share %\n"
     "Aeronautics        4,012      25.9    3,520      25.4\n"
     "Dynamics           6,150      39.7    5,210      37.6\n"
     "Surveillance       5,330      34.4    5,140      37.0\n"
     "Segments          15,492     100.0   13,870     100.0\n"
     "Eliminations        -410               -380\n"
     "Group             15,082              13,490\n", "2:25.9", ("4,012", "15,492"), "4:37.0", ("5,140", "13,870")),
    # pipes: an operating total at 100%, corporate costs, then the reported total
    ("| $m | FY25 | % | FY24 | % |\n|---|---|---|---|---|\n| Land | 910 | 52 | 800 | 50 |\n"
     "| Sea | 840 | 48 | 800 | 50 |\n| Operating total | 1,750 | 100 | 1,600 | 100 |\n"
     "| Corporate | (60) | | (55) | |\n| Total | 1,690 | | 1,545 | |\n", "3:52", ("910", "1,750"), "4:50",
     ("800", "1,600")),
]


@pytest.mark.parametrize("text,first,first_ops,other,other_ops", SUBTOTAL_AT_100)
def test_shares_are_of_the_row_at_100_when_the_total_below_has_no_share(text, first, first_ops, other, other_ops):
    claims, _ = run(text)
    assert reading(claims[first])[:2] == ("share", list(first_ops))
    # the second share column is of its own period, not of the first
    assert reading(claims[other])[:2] == ("share", list(other_ops))
    # the row at 100% is the whole itself: no share claim of it against the total below
    assert not [k for k, c in claims.items() if c.kind == "share" and k.endswith(("100%", "100.0", ":100"))]


def test_a_currency_printed_on_the_first_and_total_rows_only_covers_the_column():
    text = ("Fiscal year highlights (in millions)\nSegment\tFY 2024\tFY 2023\tChange %\n"
            "Government Solutions\t$852.2\t$771.5\t10.5\nUnmanned Systems\t284.4\t265.6\t7.1\n"
            "Total revenues\t$1,136.6\t$1,037.1\t9.6\n")
    claims, _ = run(text)
    assert reading(claims["5:$1,136.6"])[:2] == ("sum", ["$852.2", "284.4"])
    assert reading(claims["5:$1,037.1"])[:2] == ("sum", ["$771.5", "265.6"])


def test_a_wrong_total_is_one_error_when_the_shares_are_of_the_rows_own_sum():
    # the rows add to 1,724 and every share is of 1,724: the total is wrong, the shares are not
    text = ("Customer\tVehicles\tShare of total\nSweden\t509\t29.5%\nNorway\t247\t14.3%\nFinland\t102\t5.9%\n"
            "Others\t866\t50.2%\nTotal\t1,742\t100.0%\n")
    claims, _ = run(text)
    total = claims["6:1,742"]
    assert reading(total)[:2] == ("sum", ["509", "247", "102", "866"]) and total.readings[0].explicit
    share = claims["2:29.5%"]
    assert [r.formula for r in share.readings] == ["share", "share_of_sum"]
    # with a total that adds up, the shares are read against it alone
    claims, _ = run(text.replace("1,742", "1,724"))
    assert [r.formula for r in claims["2:29.5%"].readings] == ["share"]


def test_digits_grouped_by_spaces_in_an_aligned_table_are_one_cell():
    text = ("MNOK                               Q2 2025   Q2 2024  Change %\n"
            "Maritime                             6 215     5 480      13.4\n"
            "Defence                              5 389     4 512      19.4\n"
            "Other/eliminations                    -142       -98       n/a\n"
            "Total operating revenues            11 462     9 894      15.8\n")
    claims, _ = run(text)
    assert reading(claims["5:11 462"])[:2] == ("sum", ["6 215", "5 389", "-142"])
    assert reading(claims["2:13.4"])[:2] == ("pct_change", ["5 480", "6 215"])


def test_a_share_column_that_holds_nowhere_is_only_doubted():
    # every share of the column disagrees with the total row: the reading of the column is what is in doubt
    text = "Segment\t2024\tShare of total\nA\t100\t12.0%\nB\t200\t25.0%\nC\t700\t63.0%\nTotal\t1,000\t100.0%\n"
    claims, _ = run(text)
    assert [claims[k].readings[0].explicit for k in ("2:12.0%", "3:25.0%", "4:63.0%")] == [False, False, False]
    # one share holding makes the others explicit: the column is read right, those shares are wrong
    claims, _ = run(text.replace("12.0%", "10.0%"))
    assert [claims[k].readings[0].explicit for k in ("2:10.0%", "3:25.0%", "4:63.0%")] == [True, True, True]
    # ... but one only within a point's slack is no such proof: shares of a larger whole than a "Top five" row
    text = ("Destination\t€m\tShare of total\nUkraine\t8,150\t61.1%\nSingapore\t1,215\t9.1%\nAlgeria\t558\t4.2%\n"
            "United States\t273\t2.0%\nTürkiye\t230\t1.7%\nTop five\t10,426\n")
    claims, _ = run(text)
    shares = [c for k, c in claims.items() if k.endswith("%")]
    assert len(shares) == 5 and not any(c.readings[0].explicit for c in shares)


def test_a_change_column_that_holds_nowhere_is_only_doubted():
    # every change of the column disagrees with its two periods (an organic growth column taken for a reported one)
    text = ("€m\t2024\t2023\tChange %\nA\t1,100\t1,000\t7.0\nB\t2,400\t2,000\t15.0\nC\t900\t1,000\t-4.0\n"
            "Total\t4,400\t4,000\t8.0\n")
    claims, _ = run(text)
    assert not any(claims[k].readings[0].explicit for k in ("2:7.0", "3:15.0", "4:-4.0", "5:8.0"))
    # one holding: the column is read right, the others are wrong outright
    claims, _ = run(text.replace("\t7.0", "\t10.0"))
    assert all(claims[k].readings[0].explicit for k in ("2:10.0", "3:15.0", "4:-4.0", "5:8.0"))


def test_an_aligned_header_with_one_label_more_than_the_cells_names_the_label_column_first():
    text = ("Fiscal year   Spending ($bn)   Nominal GDP ($bn)   % of GDP\n"
            "2024-25             41.0             2,993             1.37\n"
            "2026-27             45.3             3,265             1.39\n"
            "2029-30             52.4             3,680             1.42\n")
    claims, _ = run(text)
    assert reading(claims["2:1.37"]) == ("share", ["41.0", "2,993"], 1.37)
    assert reading(claims["4:1.42"]) == ("share", ["52.4", "3,680"], 1.42)
    table = find_tables(Document(path="t.txt", text=text), VOCAB)[0]
    assert (table.stub, [c.label for c in table.columns]) == ("Fiscal year", ["Spending ($bn)", "Nominal GDP ($bn)",
                                                                              "% of GDP"])


def test_a_two_column_table_with_one_pipe_a_line():
    text = ("Programme | NT$ billion\nAnti-ship missiles | 33.7\nAir defence | 52.4\nDrones | 23.8\nTotal | 109.9\n")
    claims, _ = run(text)
    assert reading(claims["5:109.9"])[:2] == ("sum", ["33.7", "52.4", "23.8"])
    # one pipe in a sentence is no table
    claims, _ = run("The ministry said sales rose | as expected, in 2024 to 1,200 from 1,000 units.\n")
    assert not claims


def test_two_label_columns_and_a_top_n_subtotal():
    text = ("Rank  Contractor                       Contracts (¥bn)   Share (%)\n"
            "1     Mitsubishi Heavy Industries             1,677.2        41.8\n"
            "2     Kawasaki Heavy Industries                 448.2        11.2\n"
            "3     Mitsubishi Electric                       367.3         9.1\n"
            "      Top three                               2,492.7        62.1\n")
    claims, _ = run(text)
    assert reading(claims["5:2,492.7"])[:2] == ("sum", ["1,677.2", "448.2", "367.3"])
    assert "2:41.8" not in claims  # the shares are of a whole the table does not give (its top three is 62.1%)


def test_a_change_from_a_negative_figure_is_not_checked():
    claims, _ = run(SEGMENTS.replace("\tn/a\t-3", "\t2\t-3"))
    assert "7:2" not in claims


def test_subtotals_and_a_grand_total():
    text = ("SEK m\t2024\t2023\nA\t100\t90\nB\t200\t180\nSubtotal defence\t300\t270\nC\t50\t40\nD\t25\t20\n"
            "Subtotal civil\t75\t60\nTotal\t375\t330\n")
    claims, _ = run(text)
    assert reading(claims["4:300"])[1] == ["100", "200"]
    assert reading(claims["7:75"])[1] == ["50", "25"]
    assert reading(claims["8:375"])[1] == ["300", "75"]  # the grand total adds the subtotals, not their parts too


def test_a_total_that_adds_up_nowhere_is_not_read_as_a_sum():
    text = "Key figures (SEK m)\n\t2023\t2022\nSales\t51,609\t42,006\nEBIT\t4,417\t3,302\nTotal assets\t80,000\t70,000\n"
    claims, unchecked = run(text)
    assert not [c for c in claims.values() if c.kind == "sum"]
    assert [(u.kind, u.text) for u in unchecked] == [("sum", "80,000"), ("sum", "70,000")]
    assert "not the sum of the rows above it in any column" in unchecked[0].reason


def test_a_wrong_total_is_still_claimed_when_another_column_adds_up():
    text = "SEK m\t2024\t2023\nA\t100\t90\nB\t200\t180\nTotal\t390\t270\n"
    claims, _ = run(text)
    c = claims["4:390"]
    assert reading(c)[1] == ["100", "200"] and c.readings[0].explicit  # 2023 shows the rows are its parts


def test_points_and_absolute_change_columns():
    text = ("EUR m\t2024\t2023\tChange\t+/-\nSales\t1,200\t1,000\t20%\t200\nEBIT margin, %\t10.0\t9.0\t1.0 pp\t\n"
            "EBIT\t120\t90\t33%\t30\n")
    claims, _ = run(text)
    assert reading(claims["2:20%"]) == ("pct_change", ["1,000", "1,200"], 20.0)
    assert claims["2:200"].kind == "difference" and reading(claims["2:200"]) == ("difference", ["1,200", "1,000"],
                                                                                  200e6)
    assert reading(claims["3:1.0 pp"]) == ("pp_change", ["9.0", "10.0"], 1.0)
    assert reading(claims["3:10.0"]) == ("share", ["120", "1,200"], 10.0)


def test_a_margin_row_change_reads_points_first_then_percent():
    text = "SEK m\t2024\t2023\tChange, %\nSales\t1,000\t900\t11\nEBIT\t100\t81\t23\nEBIT margin, %\t10.0\t9.0\t1.0\n"
    claims, _ = run(text)
    assert [r.formula for r in claims["4:1.0"].readings] == ["pp_change", "pct_change"]


def test_an_unsigned_change_column_with_a_fall_is_not_accused():
    text = "SEK m\t2024\t2023\tChange, %\nSales\t1,000\t900\t11\nEBIT\t80\t100\t20\n"
    claims, unchecked = run(text)
    assert "3:20" not in claims
    assert any(u.text == "20" and "writes no signs" in u.reason for u in unchecked)


def test_a_margin_without_its_measure_row_is_unchecked():
    text = "SEK m\t2024\t2023\nSales\t1,000\t900\nEBIT\t100\t81\nAdjusted EBIT margin, %\t11.0\t9.5\n"
    claims, unchecked = run(text)
    assert not [c for c in claims.values() if c.kind == "share"]
    assert [u.text for u in unchecked] == ["11.0", "9.5"]


def test_book_to_bill_is_order_intake_over_sales():
    text = "SEK m\t2024\t2023\nOrder intake\t1,500\t800\nSales\t1,000\t900\nBook-to-bill\t1.5\t0.9\n"
    claims, _ = run(text)
    assert claims["4:1.5"].kind == "multiple" and reading(claims["4:1.5"]) == ("ratio", ["1,000", "1,500"], 1.5)


def test_total_column_adds_the_columns_before_it():
    text = "SEK m\tDefence\tCivil\tTotal\n2024\t700\t500\t1,200\n2023\t600\t400\t1,000\n"
    claims, _ = run(text)
    assert reading(claims["2:1,200"])[1] == ["700", "500"] and claims["2:1,200"].readings[0].explicit


def test_what_the_prose_linker_gets():
    doc = Document(path="t.txt", text=SPACED)
    ts = find_tables(doc, VOCAB)
    spans = table_cells(ts)
    assert (SPACED.index("31,333"), SPACED.index("31,333") + 6) in spans and len(spans) == 30
    pts = [p for p in series(ts) if p.key == "sales revenue"]
    assert [(p.column, p.is_prior, p.mention.value) for p in pts] == [
        ("Jan-Jun 2023", False, 23_960e6), ("Jan-Jun 2022", True, 19_389e6), ("Q2 2023", False, 12_475e6),
        ("Q2 2022", True, 10_171e6), ("Full-year 2022", True, 42_006e6)]
    ms = cell_mentions(ts)
    m = ms[(SPACED.index("42,006"), SPACED.index("42,006") + 6)]
    assert (m.value, m.unit, m.inferred) == (42_006e6, "SEK", True)


# -- prose against the table ------------------------------------------------------------------------------------


def links(text: str, kind: str = "percent_change") -> list:
    from factcheck.claims.tables import prose_links
    from factcheck.extract import extract

    doc = Document(path="t.txt", text=text)
    return [c for c in prose_links(find_tables(doc, VOCAB), extract(doc, VOCAB), doc, VOCAB) if c.kind == kind]


TABLE = ("Key figures (SEK m)\nSEK m Q2 2023 Q2 2022 Change, % Jan-Jun 2023 Jan-Jun 2022 Change, %\n"
         "Order intake 14,315 17,363 -18 31,333 25,478 23\nSales 12,475 10,171 23 23,960 19,389 24\n")


def test_prose_change_linked_to_its_row_by_the_figure_it_gives():
    (c,) = links("Sales rose 24% to SEK 23,960m in the period.\n\n" + TABLE)
    assert links("Sales rose 24% to SEK 23,960m in the period.\n\n" + TABLE, "consistency")[0].readings[0].explicit
    assert [(r.formula, [m.text for m in r.operands], r.explicit) for r in c.readings] == [
        ("pct_change", ["19,389", "23,960"], True)]
    assert "the clause gives the row's Jan-Jun 2023 figure (SEK 23,960m = 23,960)" in c.readings[0].evidence[0].detail


def test_prose_change_linked_by_the_period_it_names_and_signed_by_its_direction():
    (c,) = links("In the quarter, order intake fell 18%.\n\n" + TABLE)
    assert c.stated_value == -18.0 and len(c.readings) == 1
    assert [m.text for m in c.readings[0].operands] == ["17,363", "14,315"]
    # the period alone does not make it explicit: "in the quarter, order intake in Sweden fell 18%" is about a
    # part the table does not show
    assert not c.readings[0].explicit


def test_prose_change_without_period_or_figure_keeps_every_pair_and_accuses_none():
    (c,) = links("Order intake grew 23%.\n\n" + TABLE)
    assert len(c.readings) == 2 and not any(r.explicit for r in c.readings)


def test_prose_not_linked_on_another_basis_or_another_row():
    assert links("Sales grew 22% on an organic basis.\n\n" + TABLE) == []
    assert links("Operating income rose 44% in the quarter.\n\n" + TABLE) == []
    assert links("The gross margin rose 2.1 percentage points.\n\n" + TABLE) == []


def test_prose_not_linked_on_a_basis_the_linker_knows():
    # the linker's basis qualifiers (rules/linking.yaml basis_qualifiers) keep a figure off the table as well
    assert links("Sales grew 22% at constant scope and exchange rates.\n\n" + TABLE) == []
    assert links("Order intake rose 21% in local currencies.\n\n" + TABLE) == []
    assert links("In the period, sales were up 20% on a comparable perimeter.\n\n" + TABLE) == []


def test_an_adjusted_margin_is_not_read_off_the_plain_measure():
    text = "SEK m\t2024\t2023\nSales\t1,000\t900\nOperating income\t100\t81\nOperating margin, adjusted\t11.0\t9.5\n"
    claims, unchecked = run(text)
    assert not [c for c in claims.values() if c.kind == "share"] and len(unchecked) == 2


def test_a_change_whose_periods_are_not_written_is_never_explicit():
    claims, _ = run("SEK m\t2023\t2022\t2021\tChange, %\nSales\t1,200\t1,000\t900\t20\nEBIT\t120\t100\t90\t20\n")
    assert reading(claims["2:20"])[:2] == ("pct_change", ["1,000", "1,200"])
    assert not claims["2:20"].readings[0].explicit


def test_a_table_row_is_not_read_as_prose_at_the_wrong_scale():
    from factcheck.pipeline import run

    text = ("Net sales up 6 percent to $11.3 billion\nAcme posted net sales of $11.3 billion for the quarter.\n"
            "SUMMARY OF RESULTS\n(in millions, except per share data)\nQuarters Ended\n"
            "March 25, 2012 March 27, 2011\nNet sales $11,293   $10,626\nSegment operating profit $1,340   $1,171\n")
    res = run(Document(path="t.txt", text=text), load_rules())
    by_text = {f.text: f for f in res.findings}
    assert not [f for f in res.findings if f.status == "fail"]
    assert by_text["6 percent"].status == "pass" and "$11,293" in by_text["6 percent"].evidence[0]


def test_a_prose_amount_is_one_of_its_rows_figures_at_the_prose_precision():
    (c,) = links("Sales in the first half came to SEK 24.0bn.\n\n" + TABLE, "consistency")
    assert [(r.formula, [m.text for m in r.operands], r.explicit) for r in c.readings] == [("equal", ["23,960"], True)]
    (c,) = links("Sales came to SEK 12.5bn.\n\n" + TABLE, "consistency")  # the quarter's figure, rounded
    assert [m.text for m in c.readings[0].operands] == ["12,475"] and c.readings[0].explicit


def test_a_prose_amount_matching_no_figure_is_never_explicit():
    (c,) = links("In the quarter, sales came to SEK 13.5bn.\n\n" + TABLE, "consistency")
    assert len(c.readings) == 1 and not c.readings[0].explicit and c.readings[0].operands[0].text == "12,475"
    (c,) = links("Sales came to SEK 13.5bn.\n\n" + TABLE, "consistency")
    assert len(c.readings) == 4 and not any(r.explicit for r in c.readings)


def test_forecasts_and_rates_are_not_table_levels():
    assert links("Sales are expected to reach SEK 50bn in 2025.\n\n" + TABLE, "consistency") == []
    assert links("Sales came to SEK 1.2m per employee.\n\n" + TABLE, "consistency") == []
    (c,) = links("Sales came to SEK 12,475m (10,171).\n\n" + TABLE, "consistency")
    assert c.readings[0].explicit and c.readings[0].operands[0].text == "12,475"


def test_us_layout_with_separate_dollar_signs_percent_signs_and_basis_points():
    text = ("(Dollars in millions, except per-share amounts)\nThree Months Ended\nJuly 2, 2023 July 3, 2022 Variance\n"
            "Revenue $ 10,152 $ 9,189 10.5 %\nOperating earnings 1,015 946 7.3 %\n"
            "Operating margin 10.0 % 10.3 % (30) bps\n")
    claims, _ = run(text)
    assert reading(claims["4:10.5 %"]) == ("pct_change", ["$ 9,189", "$ 10,152"], 10.5)
    assert reading(claims["6:10.0 %"]) == ("share", ["1,015", "$ 10,152"], 10.0)
    assert reading(claims["6:(30) bps"]) == ("pp_change", ["10.3 %", "10.0 %"], -0.3)


def test_a_row_goes_by_the_name_in_its_brackets():
    text = ("SEK m Q2 2023 Q2 2022 Change, %\nSales 12,475 10,171 23\nOperating income (EBIT) 1,065 738 44\n"
            "Operating margin, % 8.5 7.3 1.2\n")
    claims, _ = run(text)
    assert reading(claims["4:8.5"])[:2] == ("share", ["1,065", "12,475"])
    (c,) = links("EBIT rose 44% in the quarter.\n\n" + text)
    assert [m.text for m in c.readings[0].operands] == ["738", "1,065"]


def test_a_percent_of_sales_row_is_the_margin_of_the_row_above_and_organic_columns_are_left_alone():
    text = ("In € millions H1 2023 H1 2022 Total change Organic change\nOrder intake 9,735 8,543 +14% +13%\n"
            "Sales 8,966 8,363 +7.2% +6.2%\nEBIT 1,050 942 +11% +9.6%\nin % of sales 11.7% 11.3% +0.4 pt\n")
    claims, _ = run(text)
    assert reading(claims["3:+7.2%"]) == ("pct_change", ["8,363", "8,966"], 7.2)
    assert reading(claims["5:11.7%"]) == ("share", ["1,050", "8,966"], 11.7)
    assert not [k for k in claims if k in ("2:+13%", "3:+6.2%", "4:+9.6%", "5:+0.4 pt")]  # organic: another basis


def test_a_margin_rate_row():
    text = ("($ in millions) 2023 2022 Change\nSales $ 9,576 $ 8,798 9 %\nOperating income 1,014 957 6 %\n"
            "Operating margin rate 10.6 % 10.9 % (30) bps\n")
    claims, _ = run(text)
    assert reading(claims["4:10.6 %"]) == ("share", ["1,014", "$ 9,576"], 10.6)
    assert reading(claims["4:(30) bps"]) == ("pp_change", ["10.9 %", "10.6 %"], -0.3)


def test_a_share_column_named_by_its_whole_annotates_the_amounts_not_the_years() -> None:
    text = """Customer | Aircraft | First order | Share of export orders
UAE | 80 | 2021 | 24.8%
Egypt | 54 | 2015 | 16.8%
Qatar | 36 | 2015 | 21.2%
Total | 170 | | 100.0%
"""
    claims, _ = run(text)
    assert reading(claims["2:24.8%"])[:2] == ("share", ["80", "170"])
    assert reading(claims["4:21.2%"])[:2] == ("share", ["36", "170"])


def test_slashed_header_and_amounts_in_a_change_column():
    """A caption, a colon, then labels separated by slashes; a change cell that names its currency ("£(88)m") is a
    difference whatever the column's name; a footnote digit on the change label ("Change1": defined on another
    basis) leaves that column unchecked."""
    text = ("Key figures – year ended 30 June: 2025 / 2024 / Change1\n"
            "Revenue £4,120m £3,840m 7%\nOperating cash flow £512m £600m £(88)m\n"
            "Headline figures: 2025 / 2024 / Change\nRevenue £4,120m £3,840m 7%\n"
            "Operating cash flow £512m £600m £(88)m\nOrder book £61.4bn £58.0bn £2.4bn\n")
    claims, _ = run(text)
    assert sorted(claims) == ["5:7%", "6:£(88)m", "7:£2.4bn"]
    assert reading(claims["5:7%"]) == ("pct_change", ["£3,840m", "£4,120m"], 7.0)
    assert reading(claims["6:£(88)m"]) == ("difference", ["£512m", "£600m"], -88e6)
    assert reading(claims["7:£2.4bn"]) == ("difference", ["£61.4bn", "£58.0bn"], 2.4e9)


def test_a_qualifier_in_another_figures_brackets_and_an_outlook_range():
    """"up 9% (+6% on an organic basis)": the organic words belong to the bracketed figure, so 9% is the row's
    change; an outlook range ("sales of €21.7 billion to €21.9 billion") is no figure of a row."""
    table = ("Key figures (in € millions) 2024 2023 Total change\nOrder intake 25,289 23,139 +9%\n"
             "Sales 20,577 18,428 +11.7%\n")
    (c,) = links("• Order intake: €25.3 billion, up 9% (+6% on an organic basis)\n\n" + table)
    assert [m.text for m in c.readings[0].operands] == ["23,139", "25,289"]
    assert links("• Order intake: €25.3 billion, up 9% (+6% on an organic basis)\n\n" + table, "consistency")
    assert links("Organic order intake rose 6%.\n\n" + table) == []
    assert links("Objectives: sales of €21.7 billion to €21.9 billion.\n\n" + table, "consistency") == []


def test_a_total_row_without_a_stub_cell_is_placed_by_position_under_a_word_header():
    text = ("Deliveries by year\nYear      France    Export    Total\n2023          0        13        13\n"
            "2024          8         6        14\nTotal         8        19        27\n")
    claims, _ = run(text)
    assert reading(claims["5:8"])[:2] == ("sum", ["0", "8"])
    assert reading(claims["5:19"])[:2] == ("sum", ["13", "6"])
    assert reading(claims["5:27"])[:2] == ("sum", ["13", "14"])


def test_a_dash_among_the_parts_of_a_total_is_nil_and_the_sum_only_doubted():
    text = ("Segment results (£m)           Revenue   Operating profit\nSensors                        176.5      35.4\n"
            "Energetics                     334.0      48.0\nCentral costs                    -       (13.8)\n"
            "Group                          510.5      69.6\n")
    claims, _ = run(text)
    c = claims["5:510.5"]
    assert reading(c)[:2] == ("sum", ["176.5", "334.0"])
    assert not any(e.explicit for e in c.readings[0].evidence)
    assert reading(claims["5:69.6"])[:2] == ("sum", ["35.4", "48.0", "(13.8)"])


def test_a_share_column_after_two_periods_annotates_the_one_its_shares_hold_for() -> None:
    """"% of total" after "9M 2024 | 9M 2023": placed next to the prior period, but its shares are of the current one;
    the column whose shares hold for most rows is the one it annotates, in either layout (one wrong cell or not)."""
    for text in ("Region | 2024 | 2023 | % of total\nEurope | 120 | 100 | 46.2%\nAsia | 80 | 60 | 30.8%\n"
                 "Americas | 60 | 40 | 25.0%\nTotal | 260 | 200 | 100.0%\n",
                 "Sales (€m)     2024    2023    Share\nAir            120     100     46%\nLand            80      60"
                 "     31%\nSea             60      40     25%\nTotal          260     200    100%\n"):
        claims, _ = run(text)
        shares = {k: reading(c) for k, c in claims.items() if c.kind == "share"}
        assert [ops for _, ops, _ in shares.values()] == [["120", "260"], ["80", "260"], ["60", "260"]], shares
    # the placement wins when the shares hold for neither column
    claims, _ = run("Region | 2024 | 2023 | % of total\nEurope | 120 | 100 | 40.0%\nAsia | 80 | 60 | 40.0%\n"
                    "Americas | 60 | 40 | 20.0%\nTotal | 260 | 200 | 100.0%\n")
    assert [reading(c)[1][1] for c in claims.values() if c.kind == "share"] == ["200", "200", "200"]


def test_a_percent_column_is_never_added_up_by_a_total_row() -> None:
    """"Approved | Forecast | Increase | Change %": no periods, so the percent column has no change role, but a total
    row still does not add its rates; the other columns are added. The same in a dot-leader table whose header is
    set off by two dots, a pipe table and an aligned one."""
    rows = [("Programme", "Approved", "Forecast", "Increase", "Change %"), ("Ajax", "5,522", "6,318", "796", "14.4"),
            ("Type 26", "8,009", "8,865", "856", "10.7"), ("Total", "13,531", "15,183", "1,652", "12.2")]
    def leaders(r: tuple[str, ...]) -> str:  # "Ajax ....... 5,522 .... 6,318"; the header's shortest leader is ".."
        return "".join(c + " " + "." * max(2, 12 - len(c)) + " " for c in r[:-1]) + r[-1]

    layouts = ["\n".join(leaders(r) for r in rows) + "\n",
               "\n".join("| " + " | ".join(r) + " |" for r in rows) + "\n",
               "\n".join("".join(c.ljust(12) for c in r) for r in rows) + "\n"]
    for text in layouts:
        claims, _ = run(text)
        sums = sorted(c.stated.text for c in claims.values() if c.kind == "sum" and c.stated is not None)
        assert sums == ["1,652", "13,531", "15,183"], (text, sums)


def test_a_change_column_without_periods_is_never_added_up() -> None:
    """"First estimate | Current estimate | Change" with "+108.3%" cells: a column named as a change, or whose cells
    are signed percentages, holds rates; the total row's cell there is no sum of the cells above."""
    for header, cells in (("Change", ("+14.4%", "+10.7%", "+12.2%")), ("Growth", ("+14.4%", "+10.7%", "+12.2%")),
                          ("Change", ("14.4", "10.7", "12.2"))):
        text = (f"| Programme | First estimate | Current estimate | {header} |\n|---|---|---|---|\n"
                f"| Ajax | 5,522 | 6,318 | {cells[0]} |\n| Type 26 | 8,009 | 8,865 | {cells[1]} |\n"
                f"| Total | 13,531 | 15,183 | {cells[2]} |\n")
        claims, _ = run(text)
        sums = sorted(c.stated.text for c in claims.values() if c.kind == "sum" and c.stated is not None)
        assert sums == ["13,531", "15,183"], (header, cells, sums)


def test_a_share_of_a_whole_the_table_does_not_give_is_not_read_against_the_total_row() -> None:
    """"% of GDP" with no GDP column, cells adding to no 100%: the whole is outside the table, so the cells are
    unchecked (not shares of the total row); "Share of export orders" adding to 100% is of the total row; a
    "Per capita ($)" column is no part of the total row's sum."""
    claims, unchecked = run("Country | Spending ($bn) | Per capita ($) | % of GDP\nNorway | 10.4 | 1,891 | 2.2\n"
                            "Denmark | 9.4 | 1,593 | 2.4\nSweden | 13.0 | 1,226 | 2.1\nTotal | 32.8 | 1,466 |\n")
    assert not [c for c in claims.values() if c.kind == "share"]
    assert sorted(u.text for u in unchecked if u.kind == "share") == ["2.1", "2.2", "2.4"]
    assert [c.stated.text for c in claims.values() if c.kind == "sum" and c.stated is not None] == ["32.8"]
    claims, _ = run("Customer | Aircraft | Share of export orders\nUAE | 80 | 47.1%\nEgypt | 54 | 31.8%\n"
                    "Qatar | 36 | 21.2%\nTotal | 170 | 100.0%\n")
    assert reading(claims["2:47.1%"])[:2] == ("share", ["80", "170"])


def test_a_change_of_another_measure_than_the_columns_is_not_checked_against_them() -> None:
    """"Share 2020-24 (%) | Share 2015-19 (%) | Change in volume (%)": the change is of volumes the table does not
    give, not of the shares beside it; the same with "Volume change" and "Change in units"."""
    for header in ("Change in volume (%)", "Volume change (%)", "Change in units (%)"):
        text = (f"Exporter  Share 2020–24 (%)  Share 2015–19 (%)  {header}\nUnited States  43  35  +21\n"
                "France  9.6  7.6  +11\nItaly  4.8  2.2  +138\n")
        claims, _ = run(text)
        assert not [c for c in claims.values() if c.kind == "percent_change"], header


def test_a_rate_per_thing_column_is_not_summed():
    """"Hours per aircraft": a header with "per" and a noun is a rate column, whatever its figures."""
    claims, _ = run("Variant   Fleet   Flight hours   Hours per aircraft\nF-35A      469      97,100      207\n"
                    "F-35B      160      30,400      190\nF-35C      101      18,200      180\n"
                    "Total      730     145,700      577\n")
    assert reading(claims["5:730"]) == ("sum", ["469", "160", "101"], 730.0)
    assert "5:145,700" in claims
    assert "5:577" not in claims  # 577 is the sum, yet a rate column has none


def test_a_total_cell_below_its_largest_part_is_an_average_not_a_sum():
    """A column without a header word ("% women" lost to dot leaders): a total row's cell below its largest
    (non-negative) part cannot be their sum - it is an average or a ratio, and is left unchecked with the reason."""
    claims, unchecked = run("Service\tStrength\tWomen\tIndex\nNavy\t32,460\t3,920\t12.1\nArmy\t73,850\t7,380\t10.0\n"
                            "Air\t30,490\t6,040\t19.8\nTotal\t136,800\t17,340\t12.7\n")
    assert reading(claims["5:17,340"]) == ("sum", ["3,920", "7,380", "6,040"], 17340.0)
    assert "5:12.7" not in claims
    assert [u.text for u in unchecked if u.kind == "sum"] == ["12.7"]
    assert "below its largest part" in [u for u in unchecked if u.kind == "sum"][0].reason
    # a wrong total above every part is still read as their sum
    claims, _ = run("Service\tStrength\tWomen\nNavy\t32,460\t3,920\nArmy\t73,850\t7,380\nAir\t30,490\t6,040\n"
                    "Total\t163,800\t17,340\n")
    assert reading(claims["5:163,800"]) == ("sum", ["32,460", "73,850", "30,490"], 163800.0)


def test_previous_year_header_is_the_earlier_period():
    """"2024   Previous year   Change": a prior-period word alone heads a period column, so the change compares."""
    claims, _ = run("Division      2024     Previous year     Change\nVehicles     3,795         2,888     +31.4%\n"
                    "Weapons      2,677         1,790     +49.6%\nGroup        6,472         4,678     +38.3%\n")
    assert reading(claims["2:+31.4%"]) == ("pct_change", ["2,888", "3,795"], 31.4)
    assert reading(claims["4:+38.3%"]) == ("pct_change", ["4,678", "6,472"], 38.3)


def test_a_percent_sign_after_a_space_ends_a_row():
    """French typography ("+11,1 %", digits grouped by spaces): the table is found and its cells read."""
    claims, _ = run("En M€              2024      2023      Variation\nAérospatiale       5 847     5 262     +11,1 %\n"
                    "Défense           11 136    10 196     +9,2 %\nTotal             16 983    15 458     +9,9 %\n")
    assert reading(claims["2:+11,1 %"]) == ("pct_change", ["5 262", "5 847"], 11.1)
    assert reading(claims["4:16 983"]) == ("sum", ["5 847", "11 136"], 16983.0)


def test_a_caption_ending_in_a_date_is_no_row():
    """"Employees by country, 31 December 2024" above the header: a caption, so the header names the columns."""
    claims, _ = run("Employees by country, 31 December 2024\nCountry            Employees     Share\n"
                    "Sweden                18,930     72.4%\nOther countries        7,215     27.6%\n"
                    "Total                 26,145    100.0%\n")
    assert reading(claims["3:72.4%"]) == ("share", ["18,930", "26,145"], 72.4)
    assert reading(claims["5:26,145"]) == ("sum", ["18,930", "7,215"], 26145.0)


def test_a_share_of_a_named_column_that_breaks_down_100_is_of_its_total():
    """"Firm orders  Delivered  % of orders" whose total is 100.0: each row's orders over the total orders, not its
    deliveries over its own orders (that reading is kept when the shares are no breakdown of 100)."""
    text = ("Customer | Firm orders | Delivered | % of orders\nBrazil | 19 | 7 | 39.6\nPortugal | 6 | 2 | 12.5\n"
            "Others | 23 | 1 | 47.9\nTotal | 48 | 10 | 100.0\n")
    claims, _ = run(text)
    assert reading(claims["3:12.5"]) == ("share", ["6", "48"], 12.5)
    assert reading(claims["2:39.6"]) == ("share", ["19", "48"], 39.6)


def test_baseline_and_current_columns_are_the_levels_a_change_compares():
    """"Baseline | Current | Change | Change %": the baseline is the earlier level, the current one the later; the
    change without "%" beside the one with it is absolute. "Budget ... Forecast cost ... Shortfall" alike."""
    claims, _ = run("Programme | Baseline | Current | Change | Change %\nSentinel | 77.7 | 140.9 | 63.2 | 81.3\n"
                    "Columbia | 106.1 | 112.4 | 6.3 | 5.9\nTotal | 183.8 | 253.3 | 69.5 | 37.8\n")
    assert reading(claims["2:63.2"])[:2] == ("difference", ["140.9", "77.7"])
    assert reading(claims["2:81.3"])[:2] == ("pct_change", ["77.7", "140.9"])
    assert reading(claims["4:37.8"])[:2] == ("pct_change", ["183.8", "253.3"])
    claims, _ = run("Area\tBudget\tForecast cost\tShortfall\nNuclear\t109.8\t117.6\t7.8\nNavy\t40.1\t41.8\t1.9\n")
    assert reading(claims["2:7.8"])[:2] == ("difference", ["117.6", "109.8"])
    assert reading(claims["3:1.9"])[:2] == ("difference", ["41.8", "40.1"])  # 1.7: the wrong cell is claimed


def test_an_approval_column_is_the_baseline():
    """"Approval | Current | Var. | Var. %" (an audit office's project table): approval is the earlier level."""
    claims, _ = run("Project      Approval   Current      Var.  Var. %\nBoxer CRV    5,248.0   5,695.2    +447.2    +8.5\n"
                    "Triton       2,436.5   3,224.9    +788.4   +32.4\nTotal        7,684.5   8,920.1  +1,235.6   +16.1\n")
    assert reading(claims["2:+8.5"])[:2] == ("pct_change", ["5,248.0", "5,695.2"])
    assert reading(claims["4:+16.1"])[:2] == ("pct_change", ["7,684.5", "8,920.1"])


def test_a_designator_number_one_space_after_the_label_is_the_labels():
    """"LAND 400    5,248.0   5,695.2": the 400 names the project; the cells are two or more spaces apart."""
    claims, _ = run("Project      Approval   Current      Var.  Var. %\nLAND 400    5,248.0   5,695.2    +447.2    +8.5\n"
                    "AIR 7000    2,436.5   3,224.9    +788.4   +32.4\nTotal       7,684.5   8,920.1  +1,235.6   +16.1\n")
    assert reading(claims["2:+8.5"])[:2] == ("pct_change", ["5,248.0", "5,695.2"])
    assert reading(claims["3:+32.4"])[:2] == ("pct_change", ["2,436.5", "3,224.9"])


FORWARD_ESTIMATES = [
    ("Defence funding ($m)     2024-25   2025-26   2026-27   Total\n"
     "Workforce                  15,201    15,844    16,379    47,424\n"
     "Acquisition                19,366    21,402    23,718    64,486\n"
     "Sustainment                14,380    15,021    15,650    {x}\n"
     "Total                      48,947    52,267    55,747    156,961\n", "45,051", "45,501", "4:", "5:156,961"),
    ("Programme (€m)\t2025\t2026\t2027\t2028\tTotal\nShips\t410\t450\t480\t500\t1,840\nAircraft\t300\t320\t340\t360\t{x}\n"
     "Total\t710\t770\t820\t860\t3,160\n", "1,320", "1,230", "3:", "4:3,160"),
    ("| Line (£m) | FY25 | FY26 | FY27 | Total |\n|---|---|---|---|---|\n| Land | 120 | 130 | 140 | 390 |\n"
     "| Air | 200 | 210 | 220 | {x} |\n| Total | 320 | 340 | 360 | 1,020 |\n", "630", "603", "4:", "5:1,020"),
]


@pytest.mark.parametrize("text,right,wrong,line,grand", FORWARD_ESTIMATES)
def test_a_total_column_after_periods_adds_them_and_the_grand_total_reads_both_ways(text, right, wrong, line, grand):
    from factcheck.pipeline import run as check

    def statuses(t: str) -> dict[str, str]:
        return {f"{t.count(chr(10), 0, f.start) + 1}:{f.text}": f.status
                for f in check(Document(path="t.txt", text=t), load_rules()).findings}

    claims, _ = run(text.format(x=right))
    assert reading(claims[line + right])[0] == "sum"
    assert len(claims[grand].readings) == 2  # the sum of its column and the sum of its row
    assert set(statuses(text.format(x=right)).values()) == {"pass"}
    # a wrong row total is that row's error; the grand total still adds up along its row
    got = statuses(text.format(x=wrong))
    assert got[line + wrong] == "fail" and got[grand] == "pass"


@pytest.mark.parametrize("text,total", [
    ("Item                 Credit   Share %\nAir defence           660     33.5\nMortars               120      6.1\n"
     "IT                    492     24.9\nVehicles              701     35.5\nTotal armament programme  1,937  100.0\n",
     "6:1,937"),
    ("Line\tCHF m\tShare %\nShips\t400\t40.0\nJets\t500\t50.0\nTrucks\t100\t10.0\nTotal procurement\t1,100\t100.0\n",
     "5:1,100"),
    ("| Item | €m | % |\n|---|---|---|\n| Land | 300 | 30.0 |\n| Air | 450 | 45.0 |\n| Sea | 250 | 25.0 |\n"
     "| Total budget lines | 1,050 | 100.0 |\n", "6:1,050"),
])
def test_a_total_row_named_total_first_is_read_as_the_total_its_shares_say(text: str, total: str) -> None:
    """One figure column only, the total not adding up, every share of the parts' own sum: the total is the error."""
    from factcheck.pipeline import run as check

    got = {f"{text.count(chr(10), 0, f.start) + 1}:{f.text}": f.status
           for f in check(Document(path="t.txt", text=text), load_rules()).findings}
    assert got.get(total) == "fail", got


DIVISIONS = ("Sales by division (€ million)\nDivision 2024 2023 Change %\nVehicle Systems 3,921 3,210 22.1\n"
             "Electronic Solutions 1,926 1,271 51.5\nGroup 5,847 4,481 30.5\n")
REGIONS = ("Revenues by region (US$ millions)\nRegion | Q3 2024 | % | Q3 2023 | %\nEurope | 598.5 | 35.0 | 446.1 | 30.2\n"
           "Asia-Pacific | 319.3 | 18.7 | 237.7 | 16.1\n")


def test_prose_change_of_a_named_row_with_one_comparison_is_explicit():
    # the clause names the row, the table gives it one pair of periods, and nothing in the clause points elsewhere
    (c,) = links(DIVISIONS + "\nElectronic Solutions sales rose 15.5% on the back of air-defence orders.\n")
    assert [m.text for m in c.readings[0].operands] == ["1,271", "1,926"] and c.readings[0].explicit
    got = {c.stated.text: c.readings[0] for c in links(REGIONS + "\nRevenues in Europe were up 34%, while Asia-Pacific "
                                                               "grew 43.3%.\n")}
    assert [m.text for m in got["43.3%"].operands] == ["237.7", "319.3"] and got["43.3%"].explicit
    assert [m.text for m in got["34%"].operands] == ["446.1", "598.5"] and got["34%"].explicit


def test_prose_change_of_a_named_row_naming_another_measure_is_not_explicit():
    # "order intake" is no measure of a sales table: the row's segment, another figure of it
    (c,) = links(DIVISIONS + "\nElectronic Solutions order intake rose 15.5%.\n")
    assert not c.readings[0].explicit


KEY = ("Key figures (SEK m)\nSEK m Q1 2025 Q1 2024\nOrder intake 14,315 17,363\nSales 15,203 12,878\n")
TITLES = ("Budget by title ($ billion)\nTitle | FY2026 request | FY2025 enacted\nMilitary Personnel | 200.1 | 190.5\n"
          "Procurement | 172.9 | 168.0\n")


def test_prose_change_of_a_row_named_only_by_a_measure_or_with_another_figure_first_is_not_explicit():
    # "Sales" is a measure, not a part: "Sales in Dynamics" is a segment the table does not show
    assert not any(c.readings[0].explicit for c in links(KEY + "\nSales in Dynamics rose 32 per cent.\n"))
    # the row's own change comes first; a second percent in the clause is another thing's
    got = {c.stated.text: c.readings[0] for c in links(TITLES + "\nMilitary Personnel grows by 5.0%, reflecting a 3.8% "
                                                                "basic pay raise.\n")}
    assert got["5.0%"].explicit and ("3.8%" not in got or not got["3.8%"].explicit)


REVENUE = ("Revenue by segment, $ millions\nSegment 2Q24 2Q23\nIngalls 724 658\nNewport News 1,503 1,436\n"
           "Total 2,978 2,790\n")


def test_prose_level_naming_another_measure_than_the_table_is_not_its_row():
    # "total backlog" is no figure of a revenue table's "Total" row
    assert links(REVENUE + "\nThe company's total backlog was $48.6 billion.\n", "consistency") == []
    # ... the table's own measure is
    (c,) = links(REVENUE + "\nTotal revenue was $2.98 billion in the quarter.\n", "consistency")
    assert [m.text for m in c.readings[0].operands] == ["2,978"]


def test_prose_level_against_a_row_whose_label_carries_a_footnote_marker():
    # "Revenue3": the footnote marker glued to the label does not hide the row's measure from the clause's
    table = ("Statutory results (£m) | 2025 | 2024\nRevenue3 | 4,831.3 | 4,390.1\nOperating profit | 363.9 | 241.6\n"
             "Cash generated from operations | 357.4 | 374.3\n")
    got = {c.stated.text: c.readings[0] for c in links(table + "\n• Revenue of £4,813.3m (2024: £4,390.1m), up 10%.\n",
                                                       "consistency")}
    assert [m.text for m in got["£4,813.3m"].operands] == ["4,831.3"] and got["£4,813.3m"].explicit


def test_prose_change_of_the_rest_of_a_row_is_not_the_row():
    # "outside Europe", "excluding Asia-Pacific": the complement of the row the clause names
    assert not any(c.readings[0].explicit for c in links(REGIONS + "\nRevenues outside Europe grew 37%.\n"))
    assert not any(c.readings[0].explicit for c in links(REGIONS + "\nSales excluding Asia-Pacific rose 12%.\n"))
    assert not any(c.readings[0].explicit for c in links(DIVISIONS + "\nSales other than Electronic Solutions rose 8%.\n"))


def test_a_span_of_years_column_is_the_total_of_the_years():
    # "2025-2030" beside the six years (a CBO cost table): their total, one label however it is spaced
    text = ("By Fiscal Year, Millions of Dollars\n                              2025   2026   2027   2028   2029   2030"
            "   2025-2030\nEstimated Authorization         612    788    841    893    902    935      4,917\n"
            "Estimated Outlays               198    505    702    826    877    912      4,020\n")
    doc = Document(path="t.txt", text=text)
    (t,) = find_tables(doc, VOCAB)
    assert [c.name for c in t.columns] == ["2025", "2026", "2027", "2028", "2029", "2030", "2025-2030"]
    sums = {c.stated.text: c for c in check_tables(doc, [t], VOCAB)[0] if c.kind == "sum"}
    assert set(sums) == {"4,917", "4,020"}


def test_counts_in_a_table_without_a_scale_add_up_exactly():
    # ships are counted, not rounded: seven rows that make 294 do not make a total of 293
    text = ("Table 1. Ship purchases under the Navy's 2025 plan, 2025-2054\nShip type                        Number\n"
            "Aircraft carriers (CVN-78 class)     6\nBallistic missile submarines        12\n"
            "Attack submarines (SSN-774/SSN(X))  55\nLarge surface combatants            69\n"
            "Small surface combatants            58\nAmphibious ships                    31\n"
            "Combat logistics and support        63\nTotal                              293\n")
    doc = Document(path="t.txt", text=text)
    (c,) = [c for c in check_tables(doc, find_tables(doc, VOCAB), VOCAB)[0] if c.kind == "sum"]
    assert c.readings[0].exact and c.stated_step == 0.0


def test_prose_percent_of_a_part_named_after_the_rows_figure_is_not_the_rows_change():
    # "$181.9 billion, including a 4.5 percent pay raise": the percent is of what the figure includes
    for tail in ("including a 4.5% rise in pay for all staff", "which includes a 10% increase in exports",
                 "of which a 12% rise came from Sweden"):
        assert links(f"Sales: SEK 23,960m, {tail}.\n\n" + TABLE) == []
    # the row's own change after its figure is still read
    (c,) = links("Sales: SEK 23,960m, a rise of 24%.\n\n" + TABLE)
    assert [m.text for m in c.readings[0].operands] == ["19,389", "23,960"]


def test_prose_change_a_rows_level_implies_is_not_the_rows_change():
    # "Closing the gap of 21,500 soldiers means growing the force by nearly 12%": what the level implies (linking words
    # implication_verbs) is a change of another thing
    for sentence in ("Closing the gap to SEK 23,960m means growing exports by 24% a year.",
                     "Reaching SEK 23,960m in sales requires raising prices by 24%.",
                     "Sales of SEK 23,960m imply output growth of 24% at the plant."):
        assert links(sentence + "\n\n" + TABLE) == [], sentence
    (c,) = links("Sales of SEK 23,960m were up 24%.\n\n" + TABLE)
    assert [m.text for m in c.readings[0].operands] == ["19,389", "23,960"]


def test_prose_change_from_a_year_the_table_does_not_give_is_not_the_rows():
    # "FMS has more than doubled since FY 2022, when it stood at $51.9 billion" over "FY 2023 | FY 2024" columns
    for sentence in ("Sales have grown 24% since 2019, when they stood at SEK 10,000m.",
                     "Compared with 2020, sales rose 24%.",
                     "Sales were up 24% from fiscal 2018."):
        assert links(sentence + "\n\n" + TABLE) == [], sentence
    assert links("Sales were up 24% from 2022.\n\n" + TABLE)  # the earlier column's own year


def test_prose_money_at_the_tables_scale_is_the_rows_figure():
    # "328 M€" for "328" under a "M€ | 2024 | 2023" stub: the clause gives the row's figure, so the reading is explicit
    table = ("M€ | 2024 | 2023 | Var. (%)\nRevenues | 4,843 | 4,343 | 11.5\nFree cash flow | 328 | 312 | 5.1\n"
             "Net profit | 278 | 206 | 35.0\n")
    for sentence, ops in (("The free cash flow generation was 328 M€, a growth of 9% over the previous year.", ["312", "328"]),
                          ("Revenues reached €4.843 billion, up 12%.", ["4,343", "4,843"]),
                          ("Net profit reaches 278 M€, growing 35%.", ["206", "278"])):
        (c,) = links(sentence + "\n\n" + table)
        assert [m.text for m in c.readings[0].operands] == ops and c.readings[0].explicit, sentence


SEGMENT_REVENUE = ("Revenue by segment (EUR m)           2024        2023     Change %\n"
            "Vehicle Mobility Solutions          769.4       620.3       24.0\n"
            "Marine & Industry                   259.7       204.5       27.0\n"
            "Slide Bearings                      118.7       109.9        8.0\n"
            "Consolidation                        -8.9        -9.2\n"
            "Group                             1,138.9       925.5       23.1\n")


def test_prose_share_of_a_row_opening_its_sentence_is_its_share_of_the_total_row():
    (c,) = links("Vehicle Mobility Solutions, which supplies the transmissions for the Leopard 2A8, accounted for 58% of "
                 "group revenue.\n\n" + SEGMENT_REVENUE, "share")
    assert [m.text for m in c.readings[0].operands] == ["769.4", "1,138.9"] and c.readings[0].explicit
    (c,) = links("Marine & Industry contributed 23% of total revenue in the year.\n\n" + SEGMENT_REVENUE, "share")
    assert [m.text for m in c.readings[0].operands] == ["259.7", "1,138.9"] and c.readings[0].explicit
    # another period's share would make it hold (109.9 of 925.5 is 11.9%): read, not accused
    (c,) = links("Slide Bearings made up 12% of sales.\n\n" + SEGMENT_REVENUE, "share")
    assert not c.readings[0].explicit
    # a future share, a row that does not open the sentence: none
    assert links("Marine & Industry will account for 30% of group revenue by 2027.\n\n" + SEGMENT_REVENUE, "share") == []
    assert links("Exports, led by Marine & Industry, accounted for 30% of group revenue.\n\n" + SEGMENT_REVENUE, "share") == []


def test_share_column_whose_header_names_a_period_is_of_that_column():
    # "Share of FY25 %" after the FY24 column: the shares are of FY25, as the header says (they hold there)
    text = ("Segment revenue (Rs crore)\tFY25\tFY24\tShare of FY25 %\n"
            "Defence\t19,880\t17,552\t86.3\n"
            "Non-defence\t3,144\t2,716\t13.7\n"
            "Total\t23,024\t20,268\t100.0\n")
    claims, _ = run(text)
    assert reading(claims["2:86.3"])[:2] == ("share", ["19,880", "23,024"])
    assert reading(claims["3:13.7"])[:2] == ("share", ["3,144", "23,024"])
    # ... and a wrong one is of that column too
    claims, _ = run(text.replace("86.3", "88.3"))
    assert reading(claims["2:88.3"])[:2] == ("share", ["19,880", "23,024"])


AIRBUS_DIVISIONS = ("Revenues by division (€ million)\n"
             "Division                        FY 2024    FY 2023    Change\n"
             "Airbus                           50,548     47,206       +7%\n"
             "Airbus Helicopters                7,244      6,996       +4%\n"
             "Airbus Defence and Space         12,113     11,440       +6%\n"
             "Eliminations                       -675       -196\n"
             "Total                            69,230     65,446       +6%\n")


def test_prose_share_takes_the_longest_row_label_that_opens_the_sentence():
    (c,) = links("Airbus Defence and Space thus represented 17.5% of Group revenues.\n\n" + AIRBUS_DIVISIONS, "share")
    assert [m.text for m in c.readings[0].operands] == ["12,113", "69,230"]



def test_prose_change_after_a_label_that_heads_the_line_is_not_explicit():
    # "Airbus 2024: Defence and Space revenues rose 6%": "Airbus" heads the line, the change is the division's
    (c,) = links("Airbus 2024: Defence and Space revenues rose 6%.\n\n" + AIRBUS_DIVISIONS)
    assert not c.readings[0].explicit
    (c,) = links("Airbus revenues rose 7% in the period.\n\n" + AIRBUS_DIVISIONS)
    assert c.readings[0].explicit and [m.text for m in c.readings[0].operands] == ["47,206", "50,548"]


def test_prose_change_in_a_relative_clause_about_another_noun_is_not_explicit():
    # "..., which fell 20%": the percent is of the noun the relative clause follows, not of the row
    (c,) = links("Airbus Helicopters was hit by the decline in the civil market, which fell 20%.\n\n" + AIRBUS_DIVISIONS)
    assert not c.readings[0].explicit
    (c,) = links("Airbus Helicopters revenues rose 4% in the period.\n\n" + AIRBUS_DIVISIONS)
    assert c.readings[0].explicit


def test_prose_share_is_read_in_the_percents_own_clause():
    # after "; " another subject speaks: its label, not the sentence's first, is the row
    got = links("Vehicle Mobility Solutions contributed 60% of the group's operating result; Marine & Industry "
                "accounted for 30% of group revenue.\n\n" + SEGMENT_REVENUE, "share")
    assert [[m.text for m in c.readings[0].operands] for c in got] == [["259.7", "1,138.9"]]
    # ", while emerging markets represented 24% of orders": no row opens that clause
    assert links("Vehicle Mobility Solutions remained the largest, with 56% of revenue, while emerging markets "
                 "represented 24% of revenue.\n\n" + SEGMENT_REVENUE, "share") == []
    # ", and Marine & Industry accounted for ...": ", and" before a capitalised subject opens its clause too
    got = links("Vehicle Mobility Solutions grew 24%, helped by Leopard 2A8 orders, and Marine & Industry "
                "accounted for 23% of revenue.\n\n" + SEGMENT_REVENUE, "share")
    assert [[m.text for m in c.readings[0].operands] for c in got] == [["259.7", "1,138.9"]]
    got = links("Revenue rose 23%, and Slide Bearings made up 10% of group revenue.\n\n" + SEGMENT_REVENUE, "share")
    assert [[m.text for m in c.readings[0].operands] for c in got] == [["118.7", "1,138.9"]]
    # (", and the ..." opens no other subject's clause: the sentence's own row stays)
    got = links("Marine & Industry grew 27%, and the segment accounted for 23% of group revenue.\n\n" + SEGMENT_REVENUE,
                "share")
    assert [[m.text for m in c.readings[0].operands] for c in got] == [["259.7", "1,138.9"]]


PROGRAM = ("Program summary\n"
           "Item                         Current (Dec 2024)   Baseline (Sep 2020)   Change %\n"
           "Quantity (missiles)                 659                 659              0.0\n"
           "Unit cost ($ million)             213.8               118.0             81.2\n")


def test_prose_change_is_not_of_a_row_whose_figure_another_follows_or_that_did_not_change():
    # "divided by the 659 missiles, is now $213.8 million, up 81 percent": the quantity row did not change, and its
    # figure is not the one the change is of
    got = links("The unit cost, total cost divided by the 659 missiles, is now $213.8 million, up 81 percent from the "
                "baseline.\n\n" + PROGRAM)
    assert not [c for c in got if [m.text for m in c.readings[0].operands] == ["659", "659"]]


def test_a_quantity_column_is_no_addend_of_an_amount_total():
    text = ("Procurement quantities and funding by fiscal year ($ in millions)\n"
            "Fiscal Year    Quantity    Full Funding    Advance Procurement    Total\n"
            "FY 2023        2           4,412.5         366.4                  4,778.9\n"
            "FY 2024        2           4,439.0         311.7                  4,750.7\n"
            "FY 2025        2           6,242.4         428.5                  6,670.9\n")
    claims, _ = run(text)
    assert reading(claims["3:4,778.9"])[:2] == ("sum", ["4,412.5", "366.4"])
    claims, _ = run(text.replace("4,750.7", "4,760.7"))
    assert reading(claims["4:4,760.7"])[:2] == ("sum", ["4,439.0", "311.7"])


def test_prose_percent_of_a_thing_of_its_own_is_not_the_rows_change():
    # "fully funding a 4.5% pay raise", "an additional 15% raise for junior staff": the change of a thing of its own
    for tail in ("fully funding a 4.5% pay raise for all staff", "with an additional 15% raise for junior staff",
                 "enough for a 3% wage increase in the year"):
        assert links(f"Sales reached SEK 23,960m, {tail}.\n\n" + TABLE) == []
    (c,) = links("Sales reached SEK 23,960m, a 24% increase.\n\n" + TABLE)
    assert [m.text for m in c.readings[0].operands] == ["19,389", "23,960"]


@pytest.mark.parametrize("label", ["Segment OM rate", "Return on sales", "Book yield"])
def test_a_row_changing_by_points_holds_percentages_under_a_money_scale(label):
    # "$ in millions" scales the amount rows; a row whose change is written in points is a row of percentages
    text = (f"$ in millions\tQ3 2024\tQ3 2023\tChange\nSales\t9,920\t9,798\t+1%\nOperating income\t1,163\t1,108\t+5%\n"
            f"{label}\t11.7\t11.3\t+0.4pp\n")
    claims, _ = run(text)
    c = claims["4:+0.4pp"]
    assert c.readings[0].formula == "pp_change"
    assert [m.value for m in c.readings[0].operands] == [11.3, 11.7]


@pytest.mark.parametrize("sentence", [
    "Electronic Solutions shares rose 2.3% to 221,500 won in Seoul trading.",
    "Electronic Solutions staff numbers rose 4% to 3,120 people.",
    "Electronic Solutions' share price rose 3.1% to $14.20.",
])
def test_prose_change_to_a_level_far_from_the_rows_figure_is_not_of_the_row(sentence):
    # the clause gives the level its subject came to, and it is no figure of the named row: another thing's change
    assert links(DIVISIONS + "\n" + sentence + "\n") == []


@pytest.mark.parametrize("sentence, other", [
    ("Electronic Solutions sales grew 52% to €1.93 billion, alongside a 22% jump in profit to €190 million.", "22%"),
    ("Vehicle Systems sales rose 22% to €3.92 billion alongside a 12% jump in orders to €392 million.", "12%"),
    ("Vehicle Systems grew 22% to €3.92 billion alongside a 31% gain in exports to €395 million.", "31%"),
])
def test_prose_change_to_a_level_a_power_of_ten_from_the_rows_figure_is_not_of_the_row(sentence, other):
    # under a scale ("€ million") the row's figures are read at their real size: "€190 million" is not the 1,926
    # (million) of the row at another power of ten
    assert [c for c in links(DIVISIONS + "\n" + sentence + "\n") if c.stated.text == other] == []


@pytest.mark.parametrize("short", ["Other/eliminations    -112    -95", "Intersegment sales    -112    -95",
                                   "Corporate & others    -112    -95"])
def test_a_short_row_of_a_table_spaced_but_not_aligned_is_placed_from_the_left(short):
    # the cells stand four spaces after labels of any length: their positions say nothing of their columns
    text = ("MNOK    Q3 2024    Q3 2023    Change %\nMaritime    5,305    4,620    14.8\n"
            "Defence & Aerospace    4,123    3,081    33.8\nDiscovery    1,302    1,090    19.4\n"
            f"{short}\nGroup    10,618    8,696    22.1\n")
    claims, _ = run(text)
    assert [m.value for m in claims["6:8,696"].readings[0].operands] == [4620e6, 3081e6, 1090e6, -95e6]
    assert [m.value for m in claims["6:10,618"].readings[0].operands] == [5305e6, 4123e6, 1302e6, -112e6]


@pytest.mark.parametrize("sentence, operands", [
    ("Sales nearly doubled to SEK 23,960m in the first half.", ["19,389", "23,960"]),
    ("Order intake tripled to SEK 14,315m in the quarter.", ["17,363", "14,315"]),
    ("In the second quarter, sales doubled to SEK 12,475m.", ["10,171", "12,475"]),
])
def test_prose_multiple_linked_to_its_row_by_the_figure_it_gives(sentence, operands):
    # "doubled", "tripled": a multiple of the row between its periods, explicit when the clause gives the row's figure
    (c,) = links(sentence + "\n\n" + TABLE, "multiple")
    assert [(r.formula, [m.text for m in r.operands], r.explicit) for r in c.readings] == [("ratio", operands, True)]


def test_prose_change_to_the_rows_figure_at_another_scale_is_the_rows():
    # the caption's scale may go unread: "to ₹1,92,387 crore" is the row's 1,92,387 all the same
    table = ("Allocation by head (₹ crore)\nHead ........ 2024-25 BE ..... 2025-26 BE ..... Change %\n"
             "Capital outlay ........ 1,72,000 ....... 1,92,387 ....... 11.9\n"
             "Defence pensions ........ 1,41,205 ....... 1,60,795 ....... 13.9\n")
    (c,) = links("Capital outlay rises 12.9% to ₹1,92,387 crore.\n" + table)
    assert [m.text for m in c.readings[0].operands] == ["1,72,000", "1,92,387"]


@pytest.mark.parametrize("text", [
    "Order intake of SEK 14,315m was 1.88 times sales in the quarter.\n\n" + TABLE,
    "The plan is to grow sales to SEK 40,000m by 2030, double today's level.\n\n" + TABLE,
    "Segment revenue (KRW bn)\nSegment | Revenue 2024 | Revenue 2023\nAerospace | 1,852.4 | 1,739.5\n"
    "Systems | 2,803.9 | 2,453.6\n\nSystems more than doubled its operating profit in the year.\n",
])
def test_prose_multiple_of_something_else_is_no_change_of_a_row(text):
    # a multiple of another measure ("1.88 times sales"), a target's ("double today's level"), or of a measure the
    # compared columns do not hold ("operating profit" over revenue columns) is no change of the row
    assert links(text, "multiple") == []


@pytest.mark.parametrize("text, total", [
    ("Sales by business (€ million)        FY 2024/2025    FY 2023/2024    Change %\n"
     "Submarines                                  1,512           1,368         10.5\n"
     "Surface vessels                               438             452         -3.1\n"
     "Atlas Elektronik                              265             229         15.7\n"
     "TKMS group                                  2,215           2,049          8.1\n", "5:2,215"),
    ("Sales by business area, MSEK\tQ2 2025\tQ2 2024\tChange, %\nAeronautics\t5,611\t4,312\t30.1\n"
     "Dynamics\t4,380\t3,354\t30.6\nSurveillance\t5,953\t4,817\t23.6\nSales\t15,944\t12,483\t27.7\n", "5:15,944"),
    ("Revenue by segment ($m) | 2024 | 2023\nMarine | 1,210 | 1,100\nLand | 980 | 1,005\nAir | 640 | 580\n"
     "Revenue | 2,830 | 2,685\n", "5:2,830"),
])
def test_a_last_row_named_as_the_whole_is_the_total(text, total):
    # "<name> group", or the measure the caption breaks down ("Sales" under "Sales by business area"), with the
    # largest figures of each column: the total of the rows above
    claims, _ = run(text)
    assert claims[total].readings[0].formula == "sum" and len(claims[total].readings[0].operands) == 3


def test_a_last_row_named_group_but_smaller_is_no_total():
    text = ("Naval revenue by yard ($m) | 2024 | 2023\nFincantieri | 1,210 | 1,100\nTKMS | 980 | 1,005\n"
            "Navantia | 900 | 880\nNaval Group | 640 | 580\n")
    claims, _ = run(text)
    assert not any(c.readings[0].formula == "sum" for c in claims.values())


SEGMENTS_KRW = ("Revenue by segment (KRW billion)\nSegment\t2024\t2023\tChange %\nAerospace (engines)\t1,928\t1,706\t13.0\n"
                "Defence\t7,268\t5,124\t41.8\nSystems\t2,804\t2,454\t14.3\n")


@pytest.mark.parametrize("sentence", [
    "Hanwha Aerospace 2024 revenue climbs 20% on K9 and Chunmoo exports.",
    "Rolls-Royce Defence revenue rose 12% in the year.",
    "Thales Systems sales grew 7%, the group said.",
])
def test_a_row_label_ending_a_longer_name_is_not_the_row(sentence):
    # a capitalised word right before the label makes it the end of another name (the company's)
    assert not any(c.readings[0].explicit for c in links(SEGMENTS_KRW + "\n" + sentence + "\n"))


def test_a_row_label_after_a_possessive_is_the_row():
    (c,) = links(SEGMENTS_KRW + "\nHanwha's Defence revenue rose 41.8% in the year.\n")
    assert c.readings[0].explicit


@pytest.mark.parametrize("text, wrong", [
    ("Defence exports by financial year (₹ crore)\nYear | Exports | Change %\n2019-20 | 9,115 | –\n"
     "2020-21 | 8,434 | -7.5\n2021-22 | 12,814 | 51.9\n2022-23 | 15,920 | 23.4\n", "6:23.4"),
    ("Value of production\nFiscal year\tValue\tGrowth %\n2020\t79,071\t–\n2021\t84,643\t7.0\n2022\t94,845\t21.1\n"
     "2023\t108,684\t14.6\n", "5:21.1"),
    ("Deliveries by year\nFY        Aircraft     Change %\nFY2021       40        –\nFY2022       46        15.0\n"
     "FY2023       52        31.0\nFY2024       60        15.4\n", "5:31.0"),
    # a money header scales the amounts, never the percent column
    ("Year | Export contracts ($bn) | Change %\n2020 | 3.0 | –\n2021 | 7.25 | 141.7\n2022 | 17.3 | 138.6\n"
     "2023 | 13.5 | -12.0\n", "5:-12.0"),
    # a header without "%" over cells that carry it; years written "FY21" or "FY'22"
    ("Coast guard operating budget (NOK m)\n| Year | Budget | Change |\n| 2020 | 4,120 | – |\n| 2021 | 4,390 | +6.6% |\n"
     "| 2022 | 4,710 | +7.3% |\n| 2023 | 5,480 | +12.6% |\n", "6:+12.6%"),
    ("Capital outlay\nFiscal year   Outlay (Rs bn)   YoY\nFY21          1,350            –\nFY22          1,380            2.2%\n"
     "FY23          1,520            10.1%\nFY24          1,620            8.6%\n", "6:8.6%"),
    ("Year\tHeadcount\tGrowth\nFY'21\t8,200\t–\nFY'22\t8,650\t5.5%\nFY'23\t9,400\t8.7%\nFY'24\t10,150\t6.3%\n", "5:6.3%"),
])
def test_a_series_down_the_rows_checks_each_change_against_the_row_above(text, wrong):
    from factcheck.judge import evaluate

    claims, _ = run(text)
    series_claims = {k: c for k, c in claims.items() if c.readings[0].evidence[0].cue == "table-series"}
    assert len(series_claims) == 3 and all(c.readings[0].explicit for c in series_claims.values())
    rules = load_rules()
    rule = rules.rule("percent_change")
    held = {k: evaluate(c, c.readings[0], rules, rule.options.get("rounding", "interval")).holds
            for k, c in series_claims.items()}
    assert [k for k, ok in held.items() if not ok] == [wrong]


def test_rows_of_years_not_in_sequence_are_no_series():
    text = "Year | Exports | Change %\n2019 | 9,115 | –\n2021 | 8,434 | -7.5\n2024 | 12,814 | 51.9\n2025 | 15,920 | 24.2\n"
    claims, _ = run(text)
    assert not any(c.readings[0].evidence[0].cue == "table-series" for c in claims.values())


@pytest.mark.parametrize("header", ["Share of GDP (%)", "% of total", "Share %"])
def test_a_share_column_down_the_rows_is_no_series_of_changes(header):
    text = f"Year\tFunding ($b)\t{header}\n2024-25\t53.3\t1.98\n2025-26\t55.7\t2.00\n2026-27\t57.6\t2.02\n2027-28\t59.6\t2.05\n"
    claims, _ = run(text)
    assert not any(c.readings[0].evidence[0].cue == "table-series" for c in claims.values())


@pytest.mark.parametrize("sentence", [
    "Sales climbed 24% to SEK 23,960m, helped by a 31% jump in aftermarket revenue.",
    "Sales rose 24% to SEK 23,960m, driven by a 40% rise in exports.",
    "Sales grew 24% to SEK 23,960m thanks to a 12% increase in service volumes.",
    # (the cause's change named by a noun before it)
    "Sales were SEK 23,960m, up 24%, driven by commercial aerospace growth of 17%.",
    "Sales rose 24% to SEK 23,960m, helped by air-defence growth of about 40%.",
    "Sales reached SEK 23,960m, up 24%, boosted by a service-volume increase of 12%.",
])
def test_a_cause_s_change_is_not_the_row_s(sentence):
    # "helped by a 31% jump in X": the cause's own change, of a part the table does not show
    got = {c.stated.text for c in links(sentence + "\n\n" + TABLE)}
    assert got == {"24%"}


# a row set off its columns: placed by position, a cell would stand in a change column without both the periods it
# compares; such a placement is dropped and the row placed as a row without positions is (or left unplaced)
_SET_OFF = [
    ("in SEK m                Q3 2025   Q3 2024   Change     9M 2025   9M 2024   Change\n"
     "Net sales               1,820     1,610     +13.0%     5,240     4,700     +11.5%\n"
     "EBITA                   221                                 634       531       +19.4%\n"
     "EBITA margin, %                                                 12.5      11.3\n", {}),
    ("USD millions            2025      2024      Change\n"
     "Revenue                 4,120     3,870     +6.5%\n"
     "Operating income        404       352       +14.8%\n"
     "Operating margin                  9.8%      9.1%\n", {"4:9.8%": ["404", "4,120"], "4:9.1%": ["352", "3,870"]}),
    ("EUR million             Q2 2025   Q2 2024   Change     H1 2025   H1 2024   Change\n"
     "Revenue                 880       812       +8.4%      1,640     1,480     +10.8%\n"
     "EBIT                    70        66        +6.1%      131       126       +4.0%\n"
     "EBIT margin, %                              8.0        8.5\n", {}),
]


@pytest.mark.parametrize("text,shares", _SET_OFF)
def test_a_row_set_off_its_columns_is_not_read_into_a_change_column(text: str, shares: dict[str, list[str]]) -> None:
    claims, _ = run(text)
    got = {k: reading(c)[1] for k, c in claims.items() if c.kind == "share"}
    assert got == shares
    changes = [reading(c)[1] for c in claims.values() if c.kind == "percent_change"]
    assert len(changes) >= 2 and all(len(ops) == 2 for ops in changes)  # the rows that are aligned still are


# a change header that names its span (tables words year_on_year_headers, quarter_on_quarter_headers) compares only two
# periods that span apart; a table without them leaves that column unchecked
_SPANS = [
    ("KRW bn | Q3 2024 | Q2 2024 | QoQ change | YoY change\nSales | 2,631.2 | 2,790.0 | -5.7% | +62%\n"
     "Operating profit | 477.2 | 358.8 | +33.0% | +457%\n", {"2:-5.7%": ["2,790.0", "2,631.2"], "3:+33.0%": ["358.8", "477.2"]}),
    ("EUR m          Q4 2025    Q3 2025    q/q       y/y\nRevenue        1,210      1,150      +5.2%     +18%\n",
     {"2:+5.2%": ["1,150", "1,210"]}),
    ("USD m\tQ2 2025\tQ2 2024\tYoY\tQoQ\nOrders\t880\t800\t+10.0%\t-4%\n", {"2:+10.0%": ["800", "880"]}),
]


@pytest.mark.parametrize("text,changes", _SPANS)
def test_a_change_column_naming_its_span_pairs_only_periods_that_span_apart(text: str,
                                                                            changes: dict[str, list[str]]) -> None:
    claims, _ = run(text)
    assert {k: reading(c)[1] for k, c in claims.items() if c.kind == "percent_change"} == changes


# a note right under a table, without a footnote mark, that puts its changes on another basis
_UNMARKED = [
    ("                          H1 2025     H1 2024    Variance\nSales                    £14,621m    £13,399m        +11%\n"
     "Underlying EBIT           £1,550m     £1,393m        +13%\nSales and EBIT variances are stated at constant currency; "
     "organic sales growth was 9%.\n", []),
    ("| | 2025 | 2024 | Change |\n|---|---|---|---|\n| Revenue | 8,120 | 7,640 | +9% |\n| EBIT | 702 | 655 | +10% |\n\n"
     "Changes are calculated at constant exchange rates.\n", []),
    ("EUR m\tQ3 2025\tQ3 2024\tGrowth\nOrders\t512\t470\t+12%\nSales\t498\t455\t+11%\n"
     "Growth rates are shown on an organic basis.\n", []),
    ("| | 2025 | 2024 | Change |\n|---|---|---|---|\n| Revenue | 8,120 | 7,640 | +6% |\n| EBIT | 702 | 655 | +7% |\n\n"
     "Changes are calculated from unrounded figures.\n", ["3:+6%", "4:+7%"]),
]


@pytest.mark.parametrize("text,checked", _UNMARKED)
def test_an_unmarked_note_under_a_table_puts_its_changes_on_another_basis(text: str, checked: list[str]) -> None:
    claims, _ = run(text)
    assert sorted(k for k, c in claims.items() if c.kind == "percent_change") == checked


# a title line right above the header that says on what basis the table's changes are
_TITLED = [
    ("Financial performance measures as defined by the Group (sales, EBIT and EPS variances at constant currency)\n"
     "                                          Six months to       Six months to\n"
     "                                          30 June 2024        30 June 2023        Variance\n"
     "Sales                                     £13,399m            £12,018m            +13%\n"
     "Underlying EBIT                           £1,393m             £1,258m             +13%\n", []),
    ("Key figures - growth rates at constant exchange rates\n| | 2025 | 2024 | Change |\n|---|---|---|---|\n"
     "| Revenue | 8,120 | 7,640 | +9% |\n| EBIT | 702 | 655 | +10% |\n", []),
    ("Order intake by region (changes on an organic basis)\nEUR m\tQ3 2025\tQ3 2024\tChange\nEurope\t512\t470\t+12%\n"
     "Americas\t498\t455\t+11%\n", []),
    ("Key figures (EUR m)\nEUR m\tQ3 2025\tQ3 2024\tChange\nEurope\t512\t470\t+12%\nAmericas\t498\t455\t+11%\n",
     ["3:+12%", "4:+11%"]),
    # a bullet of the highlights right above is no title: its "organic growth" is a target, not the table's basis
    ("• All 2025 targets confirmed: organic sales growth of +6% to +7%, adjusted EBIT margin of 12.2% to 12.4%\n"
     "Order intake (in € millions) | 9m 2025 | 9m 2024 | Total change\nAerospace | 3,919 | 3,639 | +8%\n"
     "Defence | 9,943 | 8,951 | +11%\n", ["3:+8%", "4:+11%"]),
]


@pytest.mark.parametrize("text,checked", _TITLED)
def test_a_title_line_above_a_table_puts_its_changes_on_another_basis(text: str, checked: list[str]) -> None:
    claims, _ = run(text)
    assert sorted(k for k, c in claims.items() if c.kind == "percent_change") == checked


AMOUNT_MARGINS = [
    ("Main figures (M€)                  FY24      FY23    Var. %\n"
     "Revenue                           4,843     4,343     +11.5\n"
     "EBITDA                              545       446     +22.2\n"
     "Operating margin                    512       403     +27.0\n"
     "  % of revenue                    10.6%      9.3%\n", "512", "10.6%", ["512", "4,843"]),
    ("SEK m                    Q3 2024    Q3 2023\n"
     "Net sales                  12,000     10,000\n"
     "Gross profit                3,000      2,400\n"
     "Contribution margin         1,800      1,400\n"
     "In % of sales                15.0       14.0\n", "1,800", "15.0", ["1,800", "12,000"]),
    ("EUR million              2024      2023\n"
     "Sales                    2,500     2,000\n"
     "EBITDA                     400       300\n"
     "Segment margin             250       180\n"
     "% of sales                10.0%      9.0%\n", "250", "10.0%", ["250", "2,500"]),
]


@pytest.mark.parametrize("text, amount, pct, ops", AMOUNT_MARGINS)
def test_a_margin_row_of_amounts_is_a_level_and_the_row_below_its_share_of_sales(text, amount, pct, ops):
    """"Operating margin 512 403" in a M€ table is an amount (no cell a percent, one over 100): it is not divided as
    a margin; the "% of revenue" row right under it is that amount over sales."""
    claims, _ = run(text)
    assert not any(k.endswith(":" + amount) for k in claims)
    c = next(v for k, v in claims.items() if k.endswith(":" + pct))
    assert c.kind == "share" and [m.text for m in c.readings[0].operands] == ops


# a prose change that names its base as a span back (tables words prose_bases: "from a year earlier", "year on year",
# "sequentially") is not read off a pair of columns that are not that span apart
_QUARTERS = [
    "KRW bn | Q3 2024 | Q2 2024 | QoQ change | YoY change\nSales | 2,631.2 | 2,790.0 | -5.7% | +62%\n",
    "EUR m          Q4 2025    Q3 2025    Change\nRevenue        1,210      1,150      +5.2%\n",
    "NOK m\tQ2 2025\tQ1 2025\tChange %\nOrder intake\t3,450\t3,010\t14.6\n",
]
_YEARS = [
    "KRW bn | Q3 2024 | Q3 2023 | Change\nSales | 2,631.2 | 1,624.2 | +62%\n",
    "EUR m          Q4 2025    Q4 2024    Change\nRevenue        1,210      1,020      +18.6%\n",
    "NOK m\tQ2 2025\tQ2 2024\tChange %\nOrder intake\t3,450\t2,880\t19.8\n",
]
_YEAR_BASED = ["Sales reached 2.6312 trillion won, up 62% from a year earlier.",
               "Fourth-quarter revenue was 19% higher year on year at €1,210m.",
               "Compared with the same quarter last year, order intake grew 20% to NOK 3,450m."]
_SEQUENTIAL = ["Sales reached 2.6312 trillion won, down 6% sequentially.",
               "Revenue rose 5% quarter on quarter to €1,210m.",
               "Order intake of NOK 3,450m was 15% above the previous quarter."]


@pytest.mark.parametrize("k", range(3))
def test_a_prose_change_naming_its_base_span_is_not_read_off_columns_another_span_apart(k: int) -> None:
    # the year-based sentence over a quarter pair, and the sequential one over a year pair: no reading
    assert links(_YEAR_BASED[k] + "\n\n" + _QUARTERS[k]) == []
    assert links(_SEQUENTIAL[k] + "\n\n" + _YEARS[k]) == []
    # each over the columns its base names: the row's change, explicit (the clause gives the row's figure)
    for sentence, table in ((_YEAR_BASED[k], _YEARS[k]), (_SEQUENTIAL[k], _QUARTERS[k])):
        (c,) = links(sentence + "\n\n" + table)
        assert [r.explicit for r in c.readings] == [True]
        assert len(c.readings[0].operands) == 2


# a delimited header with one label more than the rows have cells, whose first label is the only period among them,
# heads the label column (it dates the table): the segment columns and their total stay aligned with the cells
@pytest.mark.parametrize("text", [
    "Segment revenues, Q2 2025 ($ millions) | KGS | Unmanned Systems | Total\nService revenues | 133.0 | 1.9 | 134.9\n"
    "Product sales | 145.3 | 71.3 | 226.6\nTotal revenues | 278.3 | 73.2 | 351.5\n",
    "FY2024 (EUR m)\tMissiles\tLand\tTotal\nOrders\t900\t410\t1,310\nSales\t820\t400\t1,230\n",
    "| H1 2025, NOK million | Defence | Maritime | Group |\n|---|---|---|---|\n| Revenue | 5,100 | 4,300 | 9,400 |\n"
    "| EBIT | 610 | 380 | 990 |\n",
])
def test_a_lone_period_label_over_the_label_column_is_its_stub(text: str) -> None:
    claims, _ = run(text)
    sums = {k: reading(c)[1] for k, c in claims.items() if c.kind == "sum"}
    lines = text.splitlines()
    body = [ln for ln in lines[1:] if not ln.startswith("|---")]
    for ln in body[:-1]:  # every row's last cell is the sum of the two before it (the last row's is also its column's)
        cells = [c.strip() for c in ln.replace("\t", "|").strip("|").split("|")]
        key = next(k for k in sums if k.endswith(":" + cells[-1]))
        assert sums[key] == cells[1:3]


# "operating profit of KRW 477.2 billion as defence profit rises more than eightfold": the clause gives one row's
# figure, but another row of the table is named between it and the change: that row is the change's subject, so the
# figure ties the change to no row (no explicit reading of the first row)
@pytest.mark.parametrize("sentence,table", [
    ("Hanwha posts record operating profit of KRW 477.2 billion as defence profit rises more than eightfold.",
     "KRW bn                   Q3 2024    Q3 2023    Change %\nSales                    2,631.2    1,624.2        62.0\n"
     "Operating profit           477.2       85.7       456.8\n  of which defence         439.9       54.0       714.6\n"),
    ("Net sales reached SEK 12,000m as Dynamics sales jumped 40%.",
     "SEK m\tQ2 2025\tQ2 2024\tChange %\nNet sales\t12,000\t10,000\t20\nDynamics\t3,500\t2,500\t40\n"),
    ("Order intake of EUR 5,210m came in as exports climbed 30%.",
     "| EUR m | 2025 | 2024 | Change |\n|---|---|---|---|\n| Order intake | 5,210 | 4,800 | +8.5% |\n"
     "| of which exports | 2,600 | 2,000 | +30.0% |\n"),
])
def test_prose_change_after_another_rows_name_is_not_tied_to_the_first_rows_figure(sentence: str, table: str) -> None:
    cs = links(table + "\n" + sentence + "\n", "multiple") + links(table + "\n" + sentence + "\n")
    assert not any(r.explicit for c in cs for r in c.readings
                   if [m.value for m in r.operands][-1] in (477.2e9, 12000e6, 5210e6))
    if "exports" in sentence:
        # "exports climbed 30%" names another measure than the order-intake row: no reading of that row at all
        assert not any([m.value for m in r.operands][-1] == 5210e6 for c in cs for r in c.readings)
    else:
        assert cs  # the other row's change is still read (as a reading that is not explicit)


# "orders up 40.9% and a record $225.2m order book": the percent's own subject names a measure (orders) that the row
# whose figure the clause gives (the order book) is not: the figure ties the percent to no row
@pytest.mark.parametrize("sentence,table,figure", [
    ("Avon: orders up 40.9% and a record $225.2m order book in FY24.",
     "$m                     FY24       FY23     Change\nOrders received        364.4      258.7     40.9%\n"
     "Closing order book     225.2      135.8     65.8%\n", 225.2e6),
    ("Saab: sales up 12% and a record SEK 61,230m order backlog in 2025.",
     "SEK m\t2025\t2024\tChange %\nNet sales\t4,400\t3,930\t12\nOrder backlog\t61,230\t52,000\t18\n", 61230e6),
    ("Thales: EBIT up 17% and record revenue of EUR 8,120 million in 2025.",
     "| EUR million | 2025 | 2024 | Change |\n|---|---|---|---|\n| Revenue | 8,120 | 7,450 | +9.0% |\n"
     "| EBIT | 702 | 600 | +17.0% |\n", 8120e6),
])
def test_prose_change_of_another_measure_than_the_row_whose_figure_follows_is_not_tied(sentence: str, table: str,
                                                                                      figure: float) -> None:
    cs = links(table + "\n" + sentence + "\n")
    assert not any(r.explicit and r.operands[-1].value == figure for c in cs for r in c.readings)


# a year-to-date column after the quarters it covers ("Q1 Q2 Q3 9M", "Q1 Q2 H1", "Jan-Sep") adds them up, row by row:
# a wrong cell there is found in its own row, and the grand total that holds along its row is not blamed
@pytest.mark.parametrize("text,wrong,held", [
    ("Deliveries          Q1 2024   Q2 2024   Q3 2024   9M 2024\nCommercial                7        19        16        42\n"
     "Executive                18        27        41        84\nTotal                    25        46        57       128\n",
     "3:84", "4:128"),
    ("| Orders (EUR m) | Q1 2025 | Q2 2025 | H1 2025 |\n|---|---|---|---|\n| Land | 120 | 140 | 260 |\n"
     "| Naval | 80 | 95 | 185 |\n| Total | 200 | 235 | 435 |\n", "4:185", "5:435"),
    ("SEK m\tQ1 2025\tQ2 2025\tQ3 2025\tJan-Sep 2025\nDynamics\t1,200\t1,350\t1,400\t3,950\n"
     "Aeronautics\t2,000\t2,100\t2,300\t6,500\nGroup\t3,200\t3,450\t3,700\t10,450\n", "3:6,500", "4:10,450"),
])
def test_a_year_to_date_column_adds_the_quarters_it_covers(text: str, wrong: str, held: str) -> None:
    from factcheck.judge import evaluate
    from factcheck.ruleset import load_rules

    rules = load_rules()
    claims, _ = run(text)
    outcomes = {k: any(o is not None and o.holds for o in (evaluate(c, r, rules, "interval") for r in c.readings))
                for k, c in claims.items() if c.kind == "sum"}
    assert outcomes[wrong] is False
    assert outcomes[held] is True


# "largely to cover the 4.5% basic pay raise": a change of a thing of its own, named by a noun or two before the change
# word (not the row's measure), is no change of the row
@pytest.mark.parametrize("sentence,table", [
    ("Military personnel rose to $182.4 billion, up 3.5% on FY2024, largely to cover the 4.5% basic pay raise.",
     "$ billions                 FY2025     FY2024\nMilitary personnel          182.4      176.2\n"
     "Operation and maintenance   290.3      283.1\n"),
    ("Operation and maintenance grew to $290.3 billion, mainly to fund the 5.2% civilian pay increase.",
     "$ billions                 FY2025     FY2024\nMilitary personnel          182.4      176.2\n"
     "Operation and maintenance   290.3      283.1\n"),
    ("Personnel costs rose to SEK 9,100m, reflecting the 3% annual wage hike.",
     "SEK m\t2025\t2024\nPersonnel costs\t9,100\t8,400\nOther costs\t2,000\t1,900\n"),
])
def test_prose_change_of_a_thing_of_its_own_named_before_the_change_word(sentence: str, table: str) -> None:
    assert [c for c in links(table + "\n" + sentence + "\n") if c.stated.text in ("4.5%", "5.2%", "3%")] == []


# a short row whose cells stand flush under their labels with a blank between ("2.4   (blank)   5.3" under
# "1–6/2025  1–6/2024  Change, %") is not read from the left: the change cell is no prior period's level
@pytest.mark.parametrize("text,sentence", [
    ("EUR m                              1–6/2025   1–6/2024   Change, %\n"
     "Net sales                             421.0      375.9        12.0\n"
     "Order backlog, EUR bn                   2.4                    5.3\n",
     "The order backlog reached EUR 2.4 billion, 5.3% higher than a year earlier."),
    ("SEK m            Q3 2025     Q3 2024     Change %\nOrder intake      12,400      10,300         20.4\n"
     "Employees          6,100                     4.3\n", "Employees numbered 6,100 at the end of the quarter, up 4.3%."),
    ("USD millions        2025        2024      Change\nRevenue            4,120       3,870        6.5%\n"
     "Backlog           18,200                    9.1%\n", "Backlog grew 9.1% to $18,200 million."),
])
def test_a_short_row_flush_under_its_labels_with_a_blank_is_not_read_from_the_left(text: str, sentence: str) -> None:
    cs = links(text + "\n" + sentence + "\n")
    change_cell = text.rstrip("\n").split()[-1]  # the short row's last cell, under the change column
    short_row = text.rstrip("\n").rsplit("\n", 1)[-1]
    row_at = text.rindex(short_row)
    # the change cell is read as no period's level of a pair, and no reading of the short row is explicit
    assert not [r for c in cs for r in c.readings for o in r.operands
                if o.start >= row_at and text[o.start:o.end] == change_cell]
    assert not [c for c in cs if any(r.explicit for r in c.readings)]


@pytest.mark.parametrize("text,a,b,other", [
    ("Adjusted net sales    EUR 6,230 million    EUR 4,801 million\n"
     "Self-funded R&D    EUR 437 million – 7.0% of net sales    EUR 483 million – 10.1% of net sales\n",
     "EUR 6,230 million", "EUR 483 million", True),
    ("Revenue      $2,000m      $1,500m\nEBIT      $240m – 12.0% of revenue      $150m – 10.0% of revenue\n",
     "$1,500m", "$150m", False),
    ("Revenue rose to $2,000m from $1,500m.\nEBIT      $240m      $150m\n", "$2,000m", "$150m", False),
])
def test_figures_of_two_lines_of_cells_in_other_columns(text: str, a: str, b: str, other: bool) -> None:
    # a whole from another line of cells read as prose must stand in the part's column (rank of column gaps before it)
    from factcheck.claims.parts import _other_column
    from factcheck.model import Mention

    def m(t: str) -> Mention:
        i = text.index(t)
        return Mention(start=i, end=i + len(t), text=t, type="currency")
    assert _other_column(text, m(a), m(b)) is other


# the clause's figure ties a prose change to a row only as the level reached: a figure the prose gives as its base
# ("from EUR 546.3 million", "(EUR 588.7 million in 2021)") is no tie to a pair that ends on it; a bracket restating
# the level in another currency still is one
_FOUR_YEARS = ("MEUR                  2023      2022      2021      2020\nNet sales            733.8     625.6     546.3     534.1\n"
               "New orders           948.4     794.8     588.7   1,400.2\n")


@pytest.mark.parametrize("sentence", [
    "Net sales grew by 14.5 % from EUR 546.3 million in 2021.",
    "New orders were EUR 794.8 million (EUR 588.7 million in 2021), an increase of 35 %.",
    "Net sales rose 17.3% compared with EUR 625.6 million a year earlier.",
])
def test_prose_change_from_the_rows_figure_as_its_base_is_not_tied_to_a_pair_ending_there(sentence: str) -> None:
    cs = links(_FOUR_YEARS + "\n" + sentence + "\n")
    assert not [c for c in cs for r in c.readings if r.explicit]


def test_prose_change_of_a_level_restated_in_brackets_in_another_currency_is_still_tied() -> None:
    table = ("                          H1 FY2025    H1 FY2024    Change\nRevenue (A$m)                 825.7        717.7     15.0%\n"
             "Revenue (US$m)                526.7        457.8\n")
    (c,) = links(table + "\nRevenue of A$825.7 million (US$526.7 million), up 18.0% on the prior period.\n")
    assert [r.explicit for r in c.readings] == [True]


# "Operating margin | 511 | 403 | +27%": a row of amounts its company calls a margin, with a change column in percent,
# is no ratio row (the signed percent is the change column's, not the row's unit)
@pytest.mark.parametrize("text,line", [
    ("| M€ | 2024 | 2023 | Change |\n|---|---|---|---|\n| Revenue | 4,843 | 4,343 | +12% |\n"
     "| Operating margin | 511 | 403 | +27% |\n| EBIT | 437 | 347 | +26% |\n", 4),
    ("SEK m          2025      2024      Change\nNet sales     4,400     3,930      +12%\n"
     "Gross margin  1,320     1,180      +12%\n", 3),
    ("EUR m\tQ2 2025\tQ2 2024\tChange\nRevenue\t880\t812\t+8.4%\nContribution margin\t210\t190\t+10.5%\n", 3),
])
def test_an_amount_row_called_a_margin_with_a_signed_change_column_is_no_ratio(text: str, line: int) -> None:
    claims, _ = run(text)
    assert not [k for k, c in claims.items() if k.startswith(f"{line}:") and c.kind == "share"]
    assert [k for k, c in claims.items() if k.startswith(f"{line}:") and c.kind == "percent_change"]


@pytest.mark.parametrize("text, wrong, held, parts", [
    ("Table 1. Framework (DKK bn)\nYear    Defence Agreement    Acceleration Fund    Consensus Oct 2025    Total\n"
     "2026          20.8                25.0                  7.6             52.4\n"
     "2027          20.1                10.0                 10.0             40.1\n", "52.4", "40.1", ["20.1", "10.0", "10.0"]),
    ("Fiscal year | Base budget | Ukraine aid | Package of March 2024 | Total\n"
     "2024 | 800 | 60 | 40 | 900\n2025 | 820 | 50 | 30 | 910\n", "910", "900", ["800", "60", "40"]),
    ("Orders (SEK m)\nQuarter    Army    Navy    Framework 2023    Total\n"
     "Q1 2025    120    80    50    250\nQ2 2025    130    90    40    270\n", "250", "270", ["130", "90", "40"]),
])
def test_a_lone_dated_label_among_named_columns_is_a_part_of_the_total(text: str, wrong: str, held: str,
                                                                       parts: list[str]) -> None:
    claims, _ = run(text)
    bad = next(c for k, c in claims.items() if k.endswith(":" + wrong))
    good = next(c for k, c in claims.items() if k.endswith(":" + held))
    assert bad.readings[0].formula == good.readings[0].formula == "sum"
    assert [m.text for m in good.readings[0].operands] == parts
    assert len(bad.readings[0].operands) == 3


@pytest.mark.parametrize("text, line, den", [
    ("Key figures (€m)\n                     1-6/2024   1-6/2023\nRevenue                 3,389      3,093\n"
     "Adjusted revenue        3,429      3,123\nAdjusted EBIT             470        405\n"
     "Adjusted EBIT margin (%)   13.7       13.0\n", "6:13.7", "3,429"),
    ("SEK m | 2024 | 2023\nSales | 10,000 | 9,000\nUnderlying sales | 9,500 | 8,800\nUnderlying operating profit | 950 | 880\n"
     "Underlying operating margin, % | 10.0 | 9.9\n", "5:10.0", "9,500"),
    ("$ millions    Q3 2025    Q3 2024\nNet sales    2,000    1,800\nOrganic net sales    1,900    1,750\n"
     "EBIT    300    270\nEBIT margin (%)    15.0    14.8\n", "5:15.0", "2,000"),
])
def test_a_qualified_margin_divides_by_the_sales_row_of_its_qualifier(text: str, line: str, den: str) -> None:
    # "Adjusted EBIT margin" is adjusted EBIT over adjusted revenue when the table gives both revenues; a plain
    # "EBIT margin" keeps the plain sales row
    claims, _ = run(text)
    assert [m.text for m in claims[line].readings[0].operands][1] == den


_Q_AND_FY = ("Selected financial data (in millions)\n"
             "                 Q4 FY2025   Q4 FY2024   Change %     FY 2025    FY 2024   Change %\n"
             "Revenue            $275.1      $197.0        40%     $820.6     $716.7        14%\n"
             "Net income           16.7         6.0       178%       43.6       59.7      (27%)\n")


@pytest.mark.parametrize("sentence", [
    "AeroVironment Reports Record Fiscal 2025 Revenue of $820.6 Million as Fourth-Quarter Sales Climb 40%",
    "Revenue hit $820.6 million for the year as fourth-quarter revenue rose 40%.",
    "With annual revenue of $820.6 million, three-month revenue grew 40%.",
])
def test_a_prose_change_naming_a_quarter_is_not_read_off_the_years_figure_its_clause_gives(sentence: str) -> None:
    # the clause gives the row's full-year figure, but names the quarter for its change: the quarter's columns
    (c,) = [c for c in links(_Q_AND_FY + "\n" + sentence + "\n") if c.stated.text == "40%"]
    assert {tuple(m.text for m in r.operands) for r in c.readings} == {("$197.0", "$275.1")}


_TWO_YEARS = "Key figures (£m)\n£m    2024    2023\nRevenue    510.4    472.6\nOrders    1,037.8    911.2\n"


@pytest.mark.parametrize("sentence", [
    "The group is targeting revenue of around £1bn by 2030, roughly double the 2024 level.",
    "It plans to take orders to £3.1bn in 2027, three times the 2024 figure.",
    "Management wants revenue to reach £1.5bn, triple the 2024 total, within five years.",
])
def test_a_multiple_of_a_years_level_named_by_words_is_no_change_of_the_row(sentence: str) -> None:
    # "double the 2024 level": the base of the multiple is a year's level, the figure compared with it the clause's
    # own target, not the row's change between the table's years
    assert links(_TWO_YEARS + "\n" + sentence + "\n", kind="multiple") == []


def test_a_quarter_named_in_the_clause_leaves_a_row_with_no_quarter_figures_on_its_year_pair() -> None:
    # "Nomination down 18% to €18.0 billion as orders slipped into the fourth quarter": the row gives only nine-month
    # figures, so the quarter the clause names is no pair of it
    table = ("(€m)          Q3 2025    Q3 2024    Change    9M 2025    9M 2024    Change\n"
             "Sales           2,780      2,450      +13%      7,520      6,270      +20%\n"
             "Operating result  360        303      +19%        835        707      +18%\n"
             "Nomination                                     18,000     22,000      -18%\n")
    (c,) = [c for c in links(table + "\n- Nomination down 18% to €18.0 billion as orders slipped into the fourth quarter\n")
            if c.stated.text == "18%"]
    assert [m.text for m in c.readings[0].operands] == ["22,000", "18,000"]


def test_a_period_named_after_the_change_and_its_figure_leaves_the_figures_pair() -> None:
    # "rose 76% to SEK 269.8 million, and first-half revenue doubled": the half named after the clause's figure is the
    # next change's; the quarter's figure given for this one keeps its pair, explicit
    table = ("SEK m          Apr–Jun 2023   Apr–Jun 2022   Δ %    Jan–Jun 2023   Jan–Jun 2022   Δ %\n"
             "Revenue        269.8          153.7          76     581.2          291.1          100\n")
    sentence = "Revenue for April–June rose 76% to SEK 269.8 million, and first-half revenue doubled to SEK 581.2 million."
    (c,) = [c for c in links(table + "\n" + sentence + "\n") if c.stated.text == "76%"]
    assert [m.text for m in c.readings[0].operands] == ["153.7", "269.8"] and c.readings[0].explicit


@pytest.mark.parametrize("table, sentence, pct, ops", [
    ("in CZK millions                 9M 2025       9M 2024     Change\nRevenues   16,070.6   14,977.3   +7.3%\n"
     "Firearms sold (units)             415,146         463,333    -10.4%\n",
     "The number of firearms sold decreased by 10.4% to 415,146 units.", "10.4%", [463_333.0, 415_146.0]),
    ("SEK m | 2024 | 2023 | Change\nSales | 9,000 | 8,000 | +13%\nDeliveries (no.) | 120 | 100 | +20%\n",
     "Deliveries rose 20% to 120 vehicles.", "20%", [100.0, 120.0]),
    ("€ million    2024    2023\nRevenue    2,400    2,000\nVehicles shipped (pcs)    1,200    1,000\n",
     "Vehicles shipped grew 20% to 1,200.", "20%", [1_000.0, 1_200.0]),
])
def test_a_row_giving_its_unit_as_a_count_is_not_scaled_and_prose_ties_to_it(table: str, sentence: str, pct: str,
                                                                             ops: list[float]) -> None:
    # "(units)", "(no.)", "(pcs)" after the label: a row of counts under a money scale, read unscaled
    (c,) = [c for c in links(table + "\n" + sentence + "\n") if c.stated.text == pct]
    assert [m.value for m in c.readings[0].operands] == ops


# A column holding each figure with its prior period's in brackets ("20,910 (17,900)") under a header naming both
# periods ("FY2024 (FY2023)"): two columns, the bracketed one the prior period's (not negatives), in every form.
@pytest.mark.parametrize("text, key, operands, stated", [
    ("Reported figures in millions of euros:\n\n| Item | FY2024 (FY2023) | Change |\n| Orders | 20,910 (17,900) | +16.8% |\n"
     "| FOCF | 826 (613) | +43.7% |\n", "5:+43.7%", ["613", "826"], 43.7),
    ("Key figures, SEK m          Q3 2025 (Q3 2024)     Change\nOrder intake                 23,960 (19,540)        23%\n"
     "EBIT                          1,388 (1,057)         31%\n", "3:31%", ["(1,057)", "1,388"], 31.0),
    ("Group\tH1 2025 (H1 2024)\tChange\nSales\t4,410 (3,980)\t10.8%\nEBIT margin\t5.9% (5.0%)\t0.9 pp\n"
     "Employees\t8,650 (7,900)\t9.5%\n", "4:9.5%", ["7,900", "8,650"], 9.5),
])
def test_a_figure_with_its_prior_period_in_brackets_in_one_column(text: str, key: str, operands: list[str],
                                                                   stated: float) -> None:
    claims, _ = run(text)
    formula, ops, value = reading(claims[key])
    assert formula == "pct_change" and ops == operands and value == stated


# Table rows read as rows, and their total checked against the parts: a unit of measure one space after a cell's
# figure ("Corvettes   4   107 m", "5,500 t", "4,500 km") belongs to the figure; a table of one column ("Site   EUR
# m" over rows of one figure each) reaches the reader, whose cheap gate lets three lines running that each end on one
# figure set off by two or more spaces; columns aligned before the first pipe ("RDT&E    18.6 |  15.7 |  26.5") give
# the label and the first figure as two fields.
@pytest.mark.parametrize("text, key, operands", [
    ("  Type                       Ships   Length\n  Corvettes                    4     107 m\n"
     "  Landing dock                 1     143 m\n  Patrol vessels               2      63 m\n  Total                        6\n",
     "5:6", ["4", "1", "2"]),
    ("Class            Hulls    Displacement\nFrigates           5       5,500 t\nCorvettes          4       2,300 t\n"
     "Total              8\n", "4:8", ["5", "4"]),
    ("Aircraft       Delivered     Range\nTransport          12      4,500 km\nTanker              3      12,000 km\n"
     "Trainer            20      1,300 km\nTotal aircraft     35\n", "5:35", ["12", "3", "20"]),
    ("The state funding is allocated as follows:\n\n  Site                                  EUR m\n"
     "  Shell filling, Lapua                     42\n  Propellant, Laukaa                       31\n"
     "  Explosives, Hanko                        20\n  Total                                    96\n", "7:96", ["42", "31", "20"]),
    ("Deliveries by service\nArmy          118\nNavy           64\nAir Force      41\nTotal         223\n",
     "5:223", ["118", "64", "41"]),
    ("Budget line ($ million)\n\nProcurement        412.5\nResearch           180.0\nOperations         95.3\n"
     "Total              687.8\n\nThe request is final.\n", "6:687.8", ["412.5", "180.0", "95.3"]),
    ("Budget ($bn)\n                      FY25 enacted | FY26 base | FY26 total\nRDT&E                         18.6 |      15.7 |"
     "       26.5\nProcurement                    3.2 |       3.0 |        4.5\nTotal                         21.8 |      18.7 |"
     "       31.0\n", "5:21.8", ["18.6", "3.2"]),
    ("Deliveries\n                2023 |  2024\nArmy            120  |   140\nNavy             60  |    75\n"
     "Total           180  |   215\n", "5:180", ["120", "60"]),
    ("Headcount\n                   2024 | 2025\nEngineers          1,450 | 1,600\nTechnicians          820 |   910\n"
     "Total staff        2,270 | 2,510\n", "5:2,270", ["1,450", "820"]),
])
def test_table_rows_and_their_total(text: str, key: str, operands: list[str]) -> None:
    from factcheck.document import maybe_tables
    assert maybe_tables(text)
    claims, _ = run(text)
    formula, ops, _value = reading(claims[key])
    assert formula == "sum" and ops == operands


# A table with no header whose rows give a figure, the prior period's in brackets and a signed percent: the third
# column is the change from the second to the first.
@pytest.mark.parametrize("text, key, operands", [
    ("Segment sales, fourth quarter (prior-year quarter in brackets)\nCollins Aerospace     $7,297m   ($6,895m)    +6%\n"
     "Pratt & Whitney       $7,434m   ($6,527m)   +14%\nRaytheon              $7,010m   ($6,541m)    +9%\n",
     "4:+9%", ["($6,541m)", "$7,010m"]),
    ("Orders by division (2023 in brackets)\nLand        €4.1bn   (€3.2bn)   +28%\nNaval       €2.2bn   (€2.4bn)    -8%\n"
     "Air         €1.5bn   (€1.2bn)   +25%\n",
     "3:-8%", ["(€2.4bn)", "€2.2bn"]),
    ("Deliveries, first half (H1 2024 in brackets)\nTanks          112    (96)    +17%\nHowitzers       64    (70)     -9%\n"
     "Trucks         410   (380)     +8%\n", "2:+17%", ["(96)", "112"]),
])
def test_an_unheaded_table_with_prior_figures_in_brackets_and_a_change(text: str, key: str, operands: list[str]) -> None:
    claims, _ = run(text)
    formula, ops, _value = reading(claims[key])
    assert formula == "pct_change" and ops == operands


@pytest.mark.parametrize("text, total_key", [
    ("Yard        Hulls   Complete\nNorth          4        80%\nSouth          6        65%\nEast           3        90%\n"
     "Total         13        76%\n", "5:76%"),
    ("Lot      Rounds    Accepted\nLot 1     4,000      96%\nLot 2     6,000      97%\nTotal    10,000      97%\n", "4:97%"),
])
def test_percent_cells_adding_above_100_are_rates_not_parts(text: str, total_key: str) -> None:
    """Percentages of one whole never add up to more than 100%: a percent column whose rows do is each row's rate, and
    its total row is no sum of them (left unchecked with the reason); the amounts beside it are still added."""
    claims, unchecked = run(text)
    assert total_key not in claims
    assert any(u.kind == "sum" and "more than 100%" in u.reason for u in unchecked)
    assert any(c.kind == "sum" for c in claims.values())


def test_a_rate_column_headed_by_a_change_word_is_the_change_between_the_columns_before_it() -> None:
    """"Implied discount" beside "List value | Est. paid": no sum of rates, but each row's change from the list value
    to the price paid - the total row's too - while the amounts beside it are still added."""
    text = ("OEM        Firm   List value ($bn)   Est. paid ($bn)   Implied discount\n"
            "Boeing       72     17.4     8.9     49%\n"
            "Airbus       89     13.6     6.3     46%\nEmbraer      13      0.9     0.5     44%\n"
            "Total       174     31.9    15.7     51%\n")
    claims, _ = run(text)
    assert claims["5:51%"].kind == "percent_change"
    assert reading(claims["5:51%"])[:2] == ("pct_change", ["31.9", "15.7"])
    assert any(c.kind == "sum" for c in claims.values())


@pytest.mark.parametrize("prose", [
    "The Air Force's portion rises to 24%.",
    "Navy's share climbed to 38% of the total.",
    "The Army's slice stood at 31% this year.",
])
def test_a_percent_a_row_rises_to_is_a_level_not_its_change(prose: str) -> None:
    """"The Air Force's portion rises to 24%" beside a table of the services' budgets: the percent is the level reached
    (a share), not the change of the Air Force row between the table's years."""
    text = ("Budget ($bn)        FY2025    FY2026\nNavy                  5.50      5.01\nAir Force             3.17      3.30\n"
            "Army                  4.20      4.30\nTotal                12.87     12.61\n\n" + prose + "\n")
    claims, _ = run(text)
    assert not [c for c in claims.values() if c.kind == "percent_change" and c.stated is not None
                and c.stated.start >= text.index(prose)]


# A bulleted "label: figure" list that ends on a total line is a table of one column; without the total line it
# stays prose. A scale word one space after a figure ("€719 million") is the cell's scale.
@pytest.mark.parametrize("text, total, parts, value", [
    ("Deliveries as of May 2025:\n• Fire units: 6\n• Launchers: 4\n• Total systems delivered: 11\n", "4:11", ["6", "4"], 11),
    ("Orders by region:\n- Europe: €2.1bn\n- Asia: €0.9bn\n- Americas: €0.4bn\n- Total: €3.6bn\n", "5:€3.6bn",
     ["€2.1bn", "€0.9bn", "€0.4bn"], 3.6e9),
    ("Revenue by segment, H1 2024:\nSensors        €719 million\nOptronics      €180 million\nGroup          €889 million\n",
     "4:€889 million", ["€719 million", "€180 million"], 889e6),
])
def test_one_column_lists_ending_on_a_total(text, total, parts, value):
    claims, _ = run(text)
    c = claims[total]
    assert reading(c)[:2] == ("sum", parts)
    assert c.stated_value == value


@pytest.mark.parametrize("text", [
    "Results:\n- Net sales: $542.6m\n- EBIT: $50.1m\n- Orders: $600.2m\n",  # no total line: prose
    "Deliveries:\n• Total: 11\n• Fire units: 6\n• Launchers: 4\n",  # the total first: an "of which" list, not read
    "Deliveries:\n• Fire units: 6\n• Total: 6\n",  # one item is no list
])
def test_bullets_without_a_closing_total_stay_prose(text):
    claims, _ = run(text)
    assert not [c for c in claims.values() if c.kind == "sum"]


@pytest.mark.parametrize("text, total, parts", [
    ("Revenue by division, ₩tn           2024      (2023)\n  Shipbuilding     9.88      (8.10)\n"
     "  Offshore & plant  1.32      (1.06)\n  Engine & machinery  1.76   (1.33)\n  Total       13.06     (10.49)\n",
     "5:13.06", ["9.88", "1.32", "1.76"]),
    ("| Orders received, SEK m | 2025 | (2024) |\n| Air | 4,210 | (3,980) |\n| Land | 2,640 | (2,300) |\n"
     "| Total | 6,850 | (6,280) |\n", "4:6,850", ["4,210", "2,640"]),
    ("Deliveries\t2025\t(2024)\nFighters\t14\t(11)\nTrainers\t9\t(12)\nTotal\t23\t(23)\n",
     "4:23", ["14", "9"]),
])
def test_a_year_over_a_bracketed_year_heads_the_columns(text, total, parts):
    # "2024 (2023)" above rows of "9.88 (8.10)": the line names the periods, it is no row of figures to add up
    claims, _ = run(text)
    assert reading(claims[total])[:2] == ("sum", parts)
    assert not any(k.startswith("1:") for k in claims)


@pytest.mark.parametrize("table, sentence, operands", [
    ("Revenue, ₩tn     2024     2023\nShipbuilding    9.88    8.10\nNaval & special ships    1.62    1.47\n"
     "Total    11.50    9.57\n", "Naval and special ships revenue rose 10.2% in the year.", ["1.47", "1.62"]),
    ("Sales (€m)     FY 2024     FY 2023\nWeapon and Ammunition    2,677    1,764\nVehicle Systems    2,512    1,940\n",
     "Weapon & Ammunition sales climbed 52% in the year.", ["1,764", "2,677"]),
    ("Orders, $m | 2025 | 2024\nSensors & Electronics | 812 | 700\nAirframes | 1,115 | 1,020\n",
     "Orders for sensors and electronics grew 16% on the year.", ["700", "812"]),
])
def test_a_row_named_with_and_for_its_ampersand_is_the_row(table, sentence, operands):
    (c,) = links(table + "\n" + sentence + "\n")
    assert [m.text for m in c.readings[0].operands] == operands


@pytest.mark.parametrize("text, count_cell, amount_cell, wrong", [
    ("Day        Deals   Value (AED bn)\nDay 1          8        4.94\nDay 2         11        6.14\n"
     "Day 3          9        5.02\nTotal         30       16.10\n", ("11", 11.0), ("6.14", 6.14e9), "5:30"),
    ("| Operator | Aircraft | Contract value ($m) |\n| Air Force | 12 | 1,320 |\n| Navy | 8 | 905 |\n| Total | 20 | 2,325 |\n",
     ("12", 12.0), ("1,320", 1_320e6), "4:2,325"),
    ("Export licences granted, 2024 (€ million)\nRegion\tNumber of licences\tValue\nEurope\t412\t3,180\n"
     "Asia\t158\t2,240\nTotal\t571\t5,420\n", ("158", 158.0), ("2,240", 2_240e6), "5:571"),
])
def test_a_count_column_is_not_scaled_by_the_amounts_scale(text, count_cell, amount_cell, wrong):
    # "Deals | Value (AED bn)": the deals are counted, not billions, and counted exactly: 8 + 11 + 9 is 28, not 30
    # (the amounts keep their scale: 1,320 + 905 is $2,225m, not $2,325m)
    from factcheck.judge import evaluate

    doc = Document(path="t.txt", text=text)
    cells = {text[a:b]: m for (a, b), m in cell_mentions(find_tables(doc, VOCAB)).items()}
    assert (cells[count_cell[0]].value, cells[count_cell[0]].type) == (count_cell[1], "count")
    assert cells[amount_cell[0]].value == pytest.approx(amount_cell[1])
    claims, _ = run(text)
    rules = load_rules()
    held = {k: evaluate(c, c.readings[0], rules, "interval").holds for k, c in claims.items() if c.kind == "sum"}
    assert [k for k, ok in held.items() if not ok] == [wrong]


@pytest.mark.parametrize("text, wrong", [
    ("Quarterly revenue ($ millions)\nPeriod         2024     2023\nQ1              6.7      6.5\nQ2              6.6      6.9\n"
     "Q3              5.9      8.9\nNine months    19.2     23.2\n", "6:23.2"),
    ("| Deliveries | 2025 | 2024 |\n| January | 4 | 3 |\n| February | 5 | 2 |\n| March | 6 | 4 |\n| First quarter | 15 | 10 |\n"
     "| April | 3 | 5 |\n| Year to date | 19 | 14 |\n", None),
    ("Order intake, EUR m\tH1 2025\tH1 2024\nFirst quarter\t1,204\t980\nSecond quarter\t1,377\t1,145\nFirst half\t2,581\t2,215\n",
     "4:2,215"),
])
def test_a_longer_period_under_its_quarters_or_months_is_their_total(text, wrong):
    from factcheck.judge import evaluate

    claims, _ = run(text)
    sums = {k: c for k, c in claims.items() if c.kind == "sum"}
    if wrong is None:  # months, a quarter among them and the year to date: no one reading of what adds up
        assert not sums
        return
    assert len(sums) == 2
    rules = load_rules()
    assert [k for k, c in sums.items() if not evaluate(c, c.readings[0], rules, "interval").holds] == [wrong]


def test_quarter_end_levels_are_no_parts_of_the_year():
    # a backlog at each quarter's end adds up in no column: the year's figure is not read as their sum
    text = ("Order backlog (€bn)   2025   2024\nQ1   61.2   48.0\nQ2   63.0   49.5\nQ3   64.1   52.3\nFull year   66.4   55.0\n")
    claims, unchecked = run(text)
    assert not [c for c in claims.values() if c.kind == "sum"]
    assert any("not the sum" in u.reason for u in unchecked)


@pytest.mark.parametrize("text, wrong, operands", [
    ("| Ship class | Lead ship | Follow ship | Reduction |\n| Destroyer | 5.9 | 4.6 | 22% |\n| Dock ship | 8.4 | 7.1 | 15% |\n"
     "| Frigate | 6.2 | 4.9 | 21% |\n| Oiler | 3.3 | 2.5 | 32% |\n", "5:32%", ["3.3", "2.5"]),
    ("OEM        Firm   List value ($bn)   Est. paid ($bn)   Implied discount\nBoeing       72     17.4     8.9     49%\n"
     "Airbus       89     13.6     6.3     46%\nEmbraer      13      0.9     0.5     44%\n", "3:46%", ["13.6", "6.3"]),
    ("System      | 2022 rate | Target | Target year | Increase\nGMLRS       | 10,000 | 14,000 | 2025 | +40%\n"
     "Javelin     | 2,100 | 3,960 | 2026 | +98%\nPAC-3 MSE   | 350 | 650 | 2027 | +86%\n", "3:+98%", ["2,100", "3,960"]),
])
def test_a_change_word_column_compares_the_two_amount_columns_before_it(text, wrong, operands):
    # no periods to pair: the two amount columns nearest before it, left to right, confirmed by the other rows
    from factcheck.judge import evaluate

    claims, _ = run(text)
    changes = {k: c for k, c in claims.items() if c.readings[0].evidence[0].cue == "table-columns"}
    assert len(changes) >= 3 and all(c.readings[0].explicit for c in changes.values())
    rules = load_rules()
    bad = [k for k, c in changes.items() if not evaluate(c, c.readings[0], rules, "interval").holds]
    assert bad == [wrong] and [m.text for m in changes[wrong].readings[0].operands] == operands


def test_a_change_word_column_its_rows_do_not_confirm_is_left_unchecked():
    # "Growth" against the two columns before it holds in one row of three: it compares something else
    text = ("Segment   Orders   Sales   Growth\nAir   1,000   1,200   12%\nLand   700   800   9%\nSea   500   600   20%\n")
    claims, unchecked = run(text)
    assert not [c for c in claims.values() if c.readings[0].evidence[0].cue == "table-columns"]
    assert sum("too few of its rows hold" in u.reason for u in unchecked) == 3


@pytest.mark.parametrize("text, wrong", [
    ("  Type                       Ships   Length\n  Corvettes                    4     107 m\n  Landing dock                 1     143 m\n"
     "  Patrol vessels               2      63 m\n  Total                        6\n", "5:6"),
    ("Customer               Aircraft   Year\nPortugal                      5   2019\nHungary                       2   2020\n"
     "Slovakia                      3   2024\nTotal                        11\n", "5:11"),
    ("| Region | Number of licences |\n| Europe | 412 |\n| Asia | 158 |\n| Americas | 97 |\n| Total | 667 |\n", None),
])
def test_a_total_of_one_counted_column_is_their_sum(text, wrong):
    # things counted are exact: a "Total" row of the one column of counts is checked even though no other column
    # confirms it, and held to the count (4 + 1 + 2 is 7, not 6)
    from factcheck.judge import evaluate

    claims, _ = run(text)
    rules = load_rules()
    sums = {k: c for k, c in claims.items() if c.kind == "sum"}
    assert len(sums) == 1
    assert [k for k, c in sums.items() if not evaluate(c, c.readings[0], rules, "point").holds] == ([wrong] if wrong else [])


@pytest.mark.parametrize("text, key, operands", [
    ("| Company | Interim dividend | Prior year | Change |\n| BAE Systems | 13.5p | 13.0p | +3.8% |\n"
     "| Babcock | 2.4p | 1.9p | +26.3% |\n| Serco | 1.45p | 1.36p | +6.6% |\n", "3:+26.3%", ["1.9p", "2.4p"]),
    ("Site        Staff now   Last year   Increase\nBarrow      14,200      13,100      8.4%\nFurness      3,150       2,900      8.6%\n"
     "Govan        4,400       4,000     10.0%\n", "4:10.0%", ["4,000", "4,400"]),
    ("Programme | Current estimate | Previous estimate | Growth\nFrigates | 4,480 | 4,020 | 11.4%\n"
     "Tankers | 1,210 | 1,150 | 5.2%\nRadars | 655 | 600 | 9.2%\n", "3:5.2%", ["1,150", "1,210"]),
])
def test_a_change_word_column_reads_from_the_column_its_label_calls_prior(text, key, operands):
    # the column on the right called "Prior year", "Last year", "Previous": the base, whatever the order; every row
    # holds on that reading, so none is accused (read left to right, each would be a fall written as a rise)
    from factcheck.judge import evaluate

    claims, _ = run(text)
    assert [m.text for m in claims[key].readings[0].operands] == operands
    rules = load_rules()
    changes = [c for c in claims.values() if c.readings[0].evidence[0].cue == "table-columns"]
    assert len(changes) == 3 and all(evaluate(c, c.readings[0], rules, "interval").holds for c in changes)


AMOUNT_CHANGES = [
    """| Category       | RIMPAC 2022 | RIMPAC 2024 | Change |
| Nations        | 26          | 29          | +3     |
| Surface ships  | 38          | 40          | +2     |
| Aircraft       | 170         | 150         | -20    |
""",
    """Deliveries      2023     2024     Change
Tanks            120      150        30
Howitzers         48       40        -8
Trucks           900    1,050       150
""",
    """<table><tr><th>Staff</th><th>2024</th><th>2025</th><th>Change</th></tr>
<tr><td>Engineers</td><td>1,200</td><td>1,350</td><td>+150</td></tr>
<tr><td>Technicians</td><td>800</td><td>760</td><td>-40</td></tr>
<tr><td>Apprentices</td><td>90</td><td>120</td><td>+30</td></tr></table>
""",
]


@pytest.mark.parametrize("text", AMOUNT_CHANGES)
def test_a_change_column_without_percent_signs_whose_cells_are_differences_gives_amounts(text: str) -> None:
    # under a bare "Change" header, cells that are the later figure less the earlier one (most rows, more than read as
    # percentages) make the column one of amounts: each cell is a difference claim, not a percent change
    doc = read_bytes(text.encode(), "t.html" if text.startswith("<") else "t.txt")
    claims, _ = check_tables(doc, find_tables(doc, VOCAB), VOCAB)
    last = [c for c in claims if c.stated is not None and c.kind in ("difference", "percent_change")
            and doc.text[c.span[1]:].split("\n", 1)[0].strip(" |") in ("", "</td></tr>", "</td></tr></table>")]
    assert len(last) == 3 and all(c.kind == "difference" and c.readings[0].formula == "difference" for c in last), \
        [(c.kind, doc.text[c.span[0]:c.span[1]]) for c in last]


@pytest.mark.parametrize("text", [
    "| Appropriation | 2025 |\n| Operations | 100 |\n| Procurement | 50 |\n| Total | 150 |\n",
    "Item\t2024\nFuel\t30\nAmmunition\t20\nTotal\t50\n",
    "| Programme | Q3 2025 |\n| Ships | 12 |\n| Aircraft | 8 |\n| Total | 20 |\n",
])
def test_a_stub_label_over_one_period_heads_the_columns(text: str) -> None:
    # with no rule line under it, "| Appropriation | 2025 |" is the header: its year is the column's period, no figure
    # of a row the total adds
    claims, _ = run(text)
    sums = [c for c in claims.values() if c.kind == "sum"]
    assert len(sums) == 1 and len(sums[0].readings[0].operands) == 2, [(c.kind, reading(c)) for c in claims.values()]


# A table with no header whose rows give an amount and, in brackets, a percentage, over a total row of 100%: the
# bracketed column is each row's share of the total of the amounts, not a column of negative figures.
@pytest.mark.parametrize("text, key, operands, total_key", [
    ("Breakdown by recipient (kilolitres; share of total):\nUnited States 247,000 (48%)\nPakistan 108,000 (21%)\n"
     "United Kingdom 47,000 (9%)\nOthers 108,000 (21%)\nTotal 510,000 (100%)\n",
     "3:(21%)", ["108,000", "510,000"], "6:(100%)"),
    ("Deliveries by customer\nArmy        420   (60%)\nNavy        175   (25%)\nAir Force   105   (15%)\nTotal       700  (100%)\n",
     "2:(60%)", ["420", "700"], "5:(100%)"),
    ("Spending by programme (£m)\nShips      1,200  (40%)\nAircraft     900  (30%)\nLand         900  (30%)\n"
     "Total      3,000  (100%)\n", "4:(30%)", ["900", "3,000"], "5:(100%)"),
])
def test_an_unheaded_column_of_bracketed_percentages_over_100_is_a_share_column(
        text: str, key: str, operands: list[str], total_key: str) -> None:
    claims, _ = run(text)
    formula, ops, _value = reading(claims[key])
    assert formula == "share" and ops == operands
    assert (claims[key].stated.value or 0) > 0  # read as a share, not a negative figure
    assert total_key not in claims  # the 100% is the whole's own share, no sum of the column
