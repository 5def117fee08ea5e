"""Prose that quotes a results table: a percent whose clause gives a row's figure, and the direction word of each
item of a list of changes ("fell 7 percent and Technologies rose 1.4 percent")."""

from __future__ import annotations

from functools import cache

import pytest

from factcheck.model import Document, Finding
from factcheck.pipeline import run
from factcheck.ruleset import RuleSet, load_rules

TABLE = ("\n\nRevenue by segment (dollars in millions)\n"
         "                  Q3 2024    Q3 2023\n"
         "Aerospace          2,958      2,329\n"
         "Marine Systems     3,516      3,077\n"
         "Combat Systems     2,248      2,263\n"
         "Technologies       2,949      2,909\n"
         "Total             11,671     10,578\n")


@cache
def rules() -> RuleSet:
    return load_rules()


def at(text: str, figure: str) -> list[Finding]:
    i = text.index(figure)
    return [f for f in run(Document(path="-", text=text), rules()).findings if f.start < i + len(figure) and i < f.end]


@pytest.mark.parametrize("prose,figure,status", [
    # "to 11.67 billion US dollars" is the Total row's 11,671 at the prose's precision: that row, this quarter
    ("General Dynamics said revenue rose 10.3 percent to 11.67 billion US dollars in the quarter.", "10.3 percent",
     "pass"),
    ("General Dynamics said revenue rose 12.3 percent to 11.67 billion US dollars in the quarter.", "12.3 percent",
     "fail"),
])
def test_a_clause_giving_a_rows_figure_links_the_row(prose: str, figure: str, status: str) -> None:
    found = at(prose + TABLE, figure)
    assert [f.status for f in found] == [status], [(f.status, f.message) for f in found]
    assert "11,671" in found[0].message or "11.671" in found[0].message or "11,671,000,000" in found[0].message


def test_each_item_of_a_list_of_changes_has_its_own_direction() -> None:
    text = "Combat Systems revenue fell 0.7 percent in the quarter and Technologies rose 1.4 percent in the quarter." + TABLE
    assert [f.status for f in at(text, "0.7 percent")] == ["pass"]
    assert [f.status for f in at(text, "1.4 percent")] == ["pass"]


def test_a_qualifier_word_inside_the_rows_own_label_is_no_qualifier() -> None:
    """"Group share" names the row; it does not make "up 7%" a share or a margin."""
    text = ("• Adjusted net income, Group share: €1,900 million, up 7%\n"
            "• Consolidated net income, Group share: €1,420 million, up 39%\n\n"
            "Key figures (in € millions)   2024   2023\n"
            "Adjusted net income, Group share   1,900   1,777\n"
            "Consolidated net income, Group share   1,420   1,023\n")
    assert [f.status for f in at(text, "7%")] == ["pass"]
    assert [f.status for f in at(text, "39%")] == ["pass"]
    bad = text.replace("up 39%", "up 29%")
    assert [f.status for f in at(bad, "29%")] == ["fail"]
    # the qualifier outside the label still keeps the figure off the table
    organic = text.replace("up 7%", "up 7% on an organic basis")
    assert at(organic, "7%") == []


@pytest.mark.parametrize("prose,figure,status", [
    # two neighbouring digits of one of the row's figures swapped: a transposition of that cell
    ("Marine Systems revenue of $3,156 million reflected submarine work.", "$3,156 million", "fail"),
    ("Aerospace revenue was $2,598 million in the quarter.", "$2,598 million", "fail"),
    ("Combat Systems sales came to $2,284 million.", "$2,284 million", "fail"),
    # the row's own figure holds; a figure of the row matching no cell and no cell's swap is only doubted
    ("Aerospace revenue was $2,958 million in the quarter.", "$2,958 million", "pass"),
    ("Aerospace revenue was $2,700 million in the quarter.", "$2,700 million", "warn"),
])
def test_a_prose_figure_with_two_digits_of_a_rows_cell_swapped_is_that_cell(prose: str, figure: str,
                                                                               status: str) -> None:
    text = "Revenue by segment (£m)\n\tH1 2025\tH1 2024\n" + "".join(
        f"{label}\t{a}\t{b}\n" for label, a, b in (("Aerospace", "2,958", "2,329"), ("Marine Systems", "3,516", "3,077"),
                                                   ("Combat Systems", "2,248", "2,263"), ("Total", "8,722", "7,669"))
    ) + "\n" + prose.replace("$", "£") + "\n"
    figure = figure.replace("$", "£")
    assert [f.status for f in at(text, figure)] == [status]


@pytest.mark.parametrize("cells,status", [
    # the FY cell is the one wrong (its quarters give the prose figure): the prose is not accused
    (("$198.9", "$197.5", "$208.3", "$248.6", "$835.3"), {"warn", "pass"}),
    # the FY cell adds up and the prose swaps two of its digits: the prose is wrong
    (("$198.9", "$197.5", "$208.3", "$230.6", "$835.3"), {"fail"}),
])
def test_a_swapped_prose_figure_is_not_accused_when_the_cell_s_own_parts_give_it(cells: tuple, status: set) -> None:
    text = ("Results (in millions)\tQ1\tQ2\tQ3\tQ4\tFY24\nRevenues\t" + "\t".join(cells) + "\n\n"
            "For the full fiscal year, revenues were $853.3 million.\n")
    assert {f.status for f in at(text, "$853.3 million")} <= status
    assert [f.status for f in at(text, "$853.3 million")]


def test_overlap_lookup_agrees_with_the_walk_over_every_span() -> None:
    """with_tables drops a prose claim whose span overlaps a stated one: the sorted look-up (linear in the
    document) gives what the walk over every stated span gave."""
    import random

    from factcheck.claims.tables import _Overlaps

    rnd = random.Random(7)
    for _ in range(500):
        spans = {(a, a + rnd.randint(0, 8)) for a in (rnd.randint(0, 60) for _ in range(rnd.randint(0, 12)))}
        lookup = _Overlaps(spans)
        for _ in range(20):
            s = rnd.randint(-5, 70)
            e = s + rnd.randint(0, 10)
            assert lookup.any(s, e) == any(a < e and s < b for a, b in spans), (sorted(spans), s, e)


# a multiple named as a ratio of two measures (linking words ratio_names) is no change of a row between its periods
@pytest.mark.parametrize("text,figure", [
    ("Results (£m) | 2025 | 2024\nOrder intake | 1,740.4 | 1,724.1\nRevenue | 1,912.6 | 1,850.2\n\n"
     "Record order intake of £1,740.4m, 1% above the prior year, for a book-to-bill ratio of 0.91x.", "0.91x"),
    ("SEK m | Q2 2025 | Q2 2024\nNet debt | 2,460 | 2,050\nEBITDA | 1,370 | 1,180\n\n"
     "Net debt rose to SEK 2,460m, a leverage of about 1.8x.", "1.8x"),
    ("USD m\t2025\t2024\nOperating income\t412\t380\nInterest expense\t66\t61\n\n"
     "Operating income of $412 million gave interest cover of 6.2x.", "6.2x"),
])
def test_a_named_ratio_is_no_change_of_a_row(text: str, figure: str) -> None:
    assert at(text, figure) == []


NINE_MONTHS = ("Revenue by segment, January–September\n"
               "PLN m                        9M 2021    9M 2020    Change, %\n"
               "Fabrics                      98.2       93.1       5.5\n"
               "Advertising materials        81.1       73.5       10.3\n\n")
QUARTER = ("Key figures\n"
           "MNOK                                   Q3 2023    Q3 2022    Change\n"
           "Operating revenues                     9,980      7,750      +2,230\n"
           "Earnings before tax                    1,310      1,110      +200\n\n")


@pytest.mark.parametrize("text,figure", [
    # the change of the earlier column's own year, against a year the table does not give
    (NINE_MONTHS + "A year earlier, in the first three quarters of 2020, the Fabrics segment had grown its sales by 24%.",
     "24%"),
    (NINE_MONTHS + "In 2020 Advertising materials revenue had risen 31% on the year before.", "31%"),
    # a period no column of a quarter's table names
    (QUARTER + "Year to date, operating revenues are up 35% on the same period last year.", "35%"),
    (QUARTER + "Year-to-date earnings before tax rose 40%.", "40%"),
])
def test_a_change_of_another_period_than_the_columns_is_not_read_off_the_row(text: str, figure: str) -> None:
    assert not [f for f in at(text, figure) if f.status == "fail"]


@pytest.mark.parametrize("text,figure", [
    # the prior column's year named as the base of the change: the row still gives it
    (NINE_MONTHS + "Fabrics revenue grew 5.5% over the first nine months of 2020.", "5.5%"),
    (NINE_MONTHS + "Advertising materials revenue was up 10.3% on 2020.", "10.3%"),
])
def test_a_change_over_the_prior_columns_year_is_read_off_the_row(text: str, figure: str) -> None:
    assert [f.status for f in at(text, figure)] == ["pass"]


BUDGET = ("Budget by department (USD billion)\n"
          "                 FY 2024    FY 2025\n"
          "Air Force          185.1      188.1\n"
          "Navy               202.5      203.9\n\n")
SEGMENTS = ("Sales by segment (SEK m)\n"
            "              Q3 2024    Q3 2025\n"
            "Sensors         1,800      2,000\n"
            "Weapons         3,000      3,300\n\n")


@pytest.mark.parametrize("text,figure", [
    # a level the clause gives right before the percent, set off by a comma, is what changed: not the row's figure
    (BUDGET + "It consists of $37.7 billion for the Air Force, up 4.1 percent.", "4.1 percent"),
    (BUDGET + "The Navy request includes $61.3 billion for shipbuilding, up 9 percent.", "9 percent"),
    (SEGMENTS + "Sensors orders were SEK 2.6 billion, up 30%.", "30%"),
])
def test_a_change_of_a_level_the_clause_gives_is_not_read_off_another_row_figure(text: str, figure: str) -> None:
    assert not [f for f in at(text, figure) if f.status in ("fail", "warn")]


def test_a_change_of_the_rows_own_level_is_still_read_off_the_row() -> None:
    text = BUDGET + "Air Force spending rose to $188.1 billion, up 1.6 percent."
    assert [f.status for f in at(text, "1.6 percent")] == ["pass"]


# Prose may use a cell the table reads as the prose does (no scale of the table's own): "more than a third of the
# total" over a "Total 220" row. It may not take one column's total of a table of categories as the whole of a figure
# of prose, nor read "Revenue per employee" as the revenue row's level; a cell the table reads no figure in ("94.4 m
# (310 ft)") is the prose's to read.
@pytest.mark.parametrize("text,figure,status", [
    ("  Missile      Fired    Unit cost\n  SM-2         120    $2.1 million\n  SM-6          80    $4.3 million\n  ESSM          20    "
     "$1.8 million\n  Total        220\n\nSM-6 made up more than a third of the total.\n", "a third", "pass"),
    ("  Item        Number    Unit price\n  Trucks       300    €0.2 million\n  Trailers     100    €0.1 million\n"
     "  Total        400\n\nTrucks made up three quarters of the total.\n", "three quarters", "pass"),
    ("  Item        Number    Unit price\n  Trucks       300    €0.2 million\n  Trailers     100    €0.1 million\n"
     "  Total        400\n\nTrucks made up two thirds of the total.\n", "two thirds", "warn"),
])
def test_prose_reads_a_cell_the_table_reads_alike(text: str, figure: str, status: str) -> None:
    assert [f.status for f in at(text, figure)] == [status], [(f.status, f.message) for f in at(text, figure)]


def test_one_columns_total_of_a_table_of_categories_is_no_whole_of_a_prose_part() -> None:
    text = ("Site          | Apprentices | Graduates\nEdinburgh     | 110         | 85\nYeovil        | 95          | 40\n"
            "Luton         | 80          | 60\nTotal         | 285         | 185\n\n"
            "Edinburgh will take 195 of the new starters on its own, over 40% of the total.\n")
    assert not [f for f in at(text, "40%") if f.status == "fail"]


def test_a_rate_named_after_a_row_is_not_that_rows_level() -> None:
    text = ("Revenue                          £510.4m    (£472.6m)    +8%\nEmployees at year-end              2,640"
            "      (2,450)    +8%\n\nRevenue per employee was broadly unchanged at approximately £193,000.\n")
    assert not [f for f in at(text, "£193,000") if f.kind == "consistency"]


def test_a_cell_the_table_reads_no_figure_in_is_left_to_the_prose() -> None:
    text = ("Item             | OPV contract (2022) | Corvette contract (2021)\nNumber of ships  | 6                   | 2\n"
            "Contract value   | ₱30.0 billion       | ₱28.0 billion\nLength           | 94.4 m (310 ft)     | 116 m\n")
    assert [f.status for f in at(text, "310 ft")] == ["pass"]


DPS = ("\n\nCompany        FY2023 DPS   FY2024 DPS   Change\n"
       "Rheinmetall    €5.70        €8.10        +42%\n"
       "Thales         €3.40        €3.70         +9%\n"
       "Leonardo       €0.28        €0.52        +86%\n")


@pytest.mark.parametrize("prose,figure", [
    # the clause's own measure (share price) is not the table's (dividends per share)
    ("Rheinmetall's share price rose by about 110% in 2024, well ahead of its payout.", "110%"),
    ("The Thales share price climbed 35% over the year as orders rose.", "35%"),
    # the clause gives its own base, a level no column holds
    ("Leonardo's dividend has more than tripled from €0.14 over the same period.", "tripled"),
    ("Thales's payout is up 54% from €2.40 three years ago.", "54%"),
    ("Rheinmetall's dividend has risen 88% from €4.30 in fiscal 2022.", "88%"),
])
def test_a_clause_of_another_measure_or_base_takes_no_row(prose: str, figure: str) -> None:
    text = prose + DPS
    assert [f.status for f in at(text, figure) if f.status in ("fail", "warn")] == []
