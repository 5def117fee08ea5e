"""Tables read with what stands around them: a change column whose footnote puts it on another basis, and a
prose figure that names its row in its own item of a list."""

from __future__ import annotations

import pytest

from factcheck.claims import link
from factcheck.extract import extract
from factcheck.judge import judge
from factcheck.model import Document, Finding
from factcheck.ruleset import load_rules


def findings(text: str) -> list[Finding]:
    rs = load_rules()
    doc = Document(path="t.txt", text=text)
    claims, _ = link(doc, extract(doc, rs.vocab), rs)
    return judge(doc, claims, rs, [])


def statuses(text: str, figure: str) -> list[str]:
    at = text.index(figure)
    return [f.status for f in findings(text) if f.start <= at < f.end]


# in each table one change holds and the others do not (as when a note puts them on another basis)
PIPE = ("Financial performance measures\n"
        "|               | Six months to 30 June 2025 | Six months to 30 June 2024 | {head} |\n"
        "| Sales         |                   £14,621m |                   £13,399m |      +11% |\n"
        "| Underlying EBIT |                  £1,550m |                    £1,393m |      +13% |\n"
        "| Underlying EPS |                     34.7p |                      31.4p |      +11% |\n")
TABS = ("Key figures\n"
        "SEK m\tQ2 2025\tQ2 2024\t{head}\n"
        "Order intake\t14,315\t12,363\t20\n"
        "Sales\t12,475\t10,171\t25\n"
        "Operating income\t1,310\t1,052\t25\n")
ALIGNED = ("EUR million          2025       2024     {head}\n"
           "Revenue             2,240      1,990       +15%\n"
           "Adjusted EBITDA       403        358       +14%\n"
           "Order backlog       7,400      6,600       +12%\n")
NOTED = [
    (PIPE, "Variance*", "* Variances for sales, underlying EBIT and underlying EPS are calculated at constant exchange rates.",
     "Sales"),
    (TABS, "Change, %¹", "¹ Organic growth, excluding acquisitions and currency effects.", "Order intake"),
    (ALIGNED, "Change**", "** Change at constant currency and scope.", "Revenue"),
]


def at_cell(text: str, row: str) -> int:
    """The offset of the change cell (the last figure) of the row that opens on ``row``."""
    line = text.index("\n" + row) + 1 if ("\n" + row) in text else text.index("| " + row) + 2
    end = text.index("\n", line)
    return len(text[:end].rstrip(" |")) - len(text[:end].rstrip(" |").split()[-1])


def test_without_the_note_the_same_column_is_checked() -> None:
    for table, head, _note, cell in NOTED:
        text = table.format(head=head) + "Source: company reports.\n"
        at = at_cell(text, cell)
        assert [f.status for f in findings(text) if f.start <= at < f.end] == ["fail"], text


# several notes on one line: the one on the column's mark may follow another's ("* Alternative performance measures.
# ** Variances ... at constant currency")
INLINE = [
    (PIPE, "Variance**", "* Alternative performance measures, defined in the full report. ** Variances are calculated on "
     "a constant currency basis.", "Sales"),
    (TABS, "Change, %†", "Figures are unaudited. † Organic growth, excluding acquisitions and currency effects.",
     "Order intake"),
    (ALIGNED, "Change²", "¹ Before special items; ² change at constant currency and scope.", "Revenue"),
]


# a note on its own line, or one that follows another note on its line
@pytest.mark.parametrize("table, head, note, cell", NOTED + INLINE)
def test_a_change_column_a_note_puts_on_another_basis_is_not_accused(table: str, head: str, note: str, cell: str) -> None:
    text = table.format(head=head) + note + "\n"
    at = at_cell(text, cell)
    assert not [f for f in findings(text) if f.status == "fail" and f.start <= at < f.end], text


def test_a_note_on_its_line_about_another_mark_leaves_the_column_checked() -> None:
    table, head, _note, cell = INLINE[0]
    text = table.format(head=head) + "** Alternative performance measures. * Variances at constant currency.\n"
    at = at_cell(text, cell)
    assert [f.status for f in findings(text) if f.start <= at < f.end] == ["fail"]


def test_a_note_on_its_marker_that_names_no_basis_leaves_the_column_checked() -> None:
    table, head, _note, cell = NOTED[0]
    text = table.format(head=head) + "* Variances are rounded to the nearest percent.\n"
    at = at_cell(text, cell)
    assert [f.status for f in findings(text) if f.start <= at < f.end] == ["fail"]


LEO = ("Leonardo: first-half 2025 orders at €11.2 billion, revenues {rev}, guidance raised\n\n"
       "Key results\n€mn\t1H 2025\t1H 2024\tChange\n"
       "Orders\t11,211\t10,295\t+8.9%\nRevenues\t8,934\t7,998\t+11.7%\nEBITA\t581\t524\t+10.9%\n")


def test_a_figure_takes_the_row_its_own_list_item_names() -> None:
    text = LEO.format(rev="up 11.7%")
    assert statuses(text, "11.7%") == ["pass"]
    text = LEO.format(rev="up 15.0%")  # wrong against the revenues row (11.7%): said of it by name only, so a warning
    at = text.index("15.0%")
    got = [f for f in findings(text) if f.start <= at < f.end]
    assert [f.status for f in got] == ["warn"] and "7,998" in got[0].message and "8,934" in got[0].message
    text = LEO.format(rev="ahead 8.9%")  # no direction word: the orders row's change is not this item's
    assert "fail" not in statuses(text, "8.9%")


HANWHA = ("Hanwha announced consolidated sales of 6.4865 trillion won and operating profit of 856.4 billion won for the "
          "third quarter of 2025, up {a} and {b} respectively from the same period last year.\n\n"
          "| KRW billion | Q3 2025 | Q3 2024 | Change |\n| Sales | 6,486.5 | 2,631.2 | +146.5% |\n"
          "| Operating profit | 856.4 | 477.2 | +79.5% |\n")


def test_respectively_gives_each_percent_the_row_named_in_its_place() -> None:
    text = HANWHA.format(a="146.5%", b="79.5%")
    assert "fail" not in statuses(text, "146.5%") and statuses(text, "79.5%") == ["pass"]
    text = HANWHA.format(a="79.5%", b="146.5%")  # swapped: the order says which row each is of
    assert "pass" not in statuses(text, "146.5%")


UK = ("Continuing operations               2024 reported   Change   2024 at 2023 FX   Change    2023\n"
      "Revenue (£m)                                510.4      +8%             517.3      +9%   472.6\n"
      "Underlying EBITDA (£m)                       93.7      +6%              94.8      +7%    88.5\n"
      "Underlying operating profit (£m)             71.1      +3%              71.7      +4%    69.2\n\n"
      "Revenue grew 8% to £510.4m, driven by Roke, up 17%, and by the energetic materials businesses, up 12%.\n")


def test_a_period_restated_at_other_rates_is_no_prior_period() -> None:
    fs = findings(UK)
    assert not [f for f in fs if f.status == "fail"], [(f.text, f.message) for f in fs if f.status == "fail"]
    at = UK.index("8% to £510.4m")
    assert [f.status for f in fs if f.start <= at < f.end] == ["pass"]  # 472.6 -> 510.4, the reported change


def test_a_change_column_after_a_quarter_and_a_half_year_compares_neither() -> None:
    text = ("Sales by division\n\n| €m | Q2 2024 | H1 2024 | Change vs H1 2023 |\n"
            "| Weapon and Ammunition | 692 | 1,054 | +93% |\n| Electronic Solutions | 360 | 647 | +28% |\n"
            "| Group | 1,052 | 1,701 | +33% |\n\n"
            "Weapon and Ammunition roughly doubled its second-quarter sales to €692 million.\n")
    assert not [f for f in findings(text) if f.status == "fail"]


def test_a_percent_column_after_an_absolute_change_is_that_change_in_percent() -> None:
    text = ("Key figures\nin € thousands        |   9M 2024 |    9M 2025 |  Change in € |    in %\n"
            "Order intake          |   861,950 |  1,250,120 |      388,170 |    45.0\n"
            "Revenue               |   779,960 |    928,080 |      148,120 |    21.0\n"
            "Adjusted EBIT         |   112,410 |    141,070 |       28,660 |    25.5\n")
    fs = findings(text)
    at = text.index("21.0")
    assert [(f.status, f.expected_text) for f in fs if f.start <= at < f.end] == [("fail", "19.0")]
    assert [f.status for f in fs if f.start <= text.index("45.0") < f.end] == ["pass"]


def test_a_margin_row_a_note_puts_on_another_basis_is_not_recomputed() -> None:
    table = ("Key figures\nEUR m | 2022 | 2021 | Change\nRevenue | 1,707 | 1,474 | +15.8%\n"
             "Adjusted EBITDA | 292 | 261 | +11.9%\nAdjusted EBITDA margin{mark} | 20.4% | 19.4% | +1.0 pp\n")
    noted = table.format(mark="*") + "* excluding business volume with a low share of added value (pass-through revenue)\n"
    assert not [f for f in findings(noted) if f.status == "fail"]
    plain = table.format(mark="") + "Source: company.\n"  # 292 / 1,707 = 17.1%: the row as written is wrong
    at = plain.index("20.4%")
    assert [f.status for f in findings(plain) if f.start <= at < f.end] == ["fail"]


def test_a_cell_whose_mark_a_note_puts_on_another_basis_is_not_accused() -> None:
    table = ("Financial performance measures\n"
             "                                         H1 2024      H1 2023      Variance\n"
             "Sales                                   £13,399m     £12,018m      +13%{m}\n"
             "Underlying EBIT                          £1,393m      £1,258m      +13%{m}\n"
             "Order intake                             £15,100m     £14,000m       +8%\n")
    noted = table.format(m="*") + "* Variances for sales and underlying EBIT are calculated at constant currency.\n"
    assert not [f for f in findings(noted) if f.status == "fail"]
    plain = table.format(m="") + "Source: company.\n"  # 13,399 / 12,018 = +11.5%
    at = plain.index("+13%")
    assert [f.status for f in findings(plain) if f.start <= at < f.end] == ["fail"]
