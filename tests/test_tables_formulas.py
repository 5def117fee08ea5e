"""Columns derived from two other columns of their row (a ratio or a product, by a power of ten), found from the rows
themselves: "Per capita ($)" = "Spending ($bn)" / "Population (m)" × 1,000. A row breaking the formula the other rows
follow fails under a header naming a derived figure, and warns under any other."""

from __future__ import annotations

from functools import cache

from factcheck.model import Document
from factcheck.pipeline import run
from factcheck.ruleset import RuleSet, load_rules


@cache
def rules() -> RuleSet:
    return load_rules()


def statuses(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in run(Document(path="-", text=text), rules()).findings:
        out[f"{text.count(chr(10), 0, f.start) + 1}:{f.text}"] = f.status
    return out


PER_CAPITA = ("Country   Spending ($bn)   Population (m)   Per capita ($)\n"
              "Poland    35.0             36.7             954\n"
              "Germany   97.7             84.5             1,156\n"
              "France    64.3             68.4             {france}\n"
              "Italy     35.5             59.0             602\n"
              "Spain     22.9             48.6             471\n")


def test_a_per_capita_column_is_checked_against_the_ratio_the_rows_follow() -> None:
    good = statuses(PER_CAPITA.format(france="940"))
    assert [good[k] for k in ("2:954", "3:1,156", "4:940", "5:602", "6:471")] == ["pass"] * 5
    bad = statuses(PER_CAPITA.format(france="1,040"))
    assert bad["4:1,040"] == "fail"
    assert bad["2:954"] == "pass"


def test_a_product_column_with_a_scale_is_found_from_the_rows() -> None:
    text = ("| Item | Unit cost ($000) | Quantity | Total cost ($m) |\n"
            "|---|---|---|---|\n"
            "| Guided rockets | 168 | 6,000 | 1,008.0 |\n"
            "| Interceptors | 4,100 | 230 | 943.0 |\n"
            "| Loitering munitions | 216 | 1,200 | 259.2 |\n"
            "| Anti-tank missiles | 480 | 400 | {atm} |\n")
    assert statuses(text.format(atm="192.0"))["6:192.0"] == "pass"
    assert statuses(text.format(atm="129.0"))["6:129.0"] == "fail"


def test_under_a_plain_header_a_row_breaking_the_formula_only_warns() -> None:
    text = ("Unit      Crews   Aircraft   Column C\n"
            "Alpha     24      12         2.0\n"
            "Bravo     30      15         2.0\n"
            "Charlie   36      12         3.0\n"
            "Delta     40      10         5.0\n")
    assert statuses(text)["5:5.0"] == "warn"


def test_too_few_rows_show_no_formula() -> None:
    text = ("Country   Spending ($bn)   Population (m)   Per capita ($)\n"
            "Poland    35.0             36.7             954\n"
            "Germany   97.7             84.5             1,356\n")
    assert "3:1,356" not in statuses(text)


def test_a_total_row_that_adds_up_a_rate_column_is_not_called_wrong() -> None:
    text = ("Variant   Fleet   Flight hours   Hours per aircraft\nF-35A      469      97,100      207\n"
            "F-35B      160      30,400      190\nF-35C      101      18,200      180\n"
            "Total      730     145,700      577\n")
    found = statuses(text)
    assert found.get("2:207") == "pass"
    assert "5:577" not in found


def test_a_thousands_mark_in_a_header_is_no_figure() -> None:
    """"Unit cost ($000)": the header stays a header, so its columns are named (and the product column fails)."""
    text = ("Item                 Unit cost ($000)   Quantity   Total cost ($m)\n"
            "Guided rockets       168                6,000      1,008.0\n"
            "Interceptors         4,100              230        943.0\n"
            "Loitering munitions  216                1,200      259.2\n"
            "Anti-tank missiles   480                400        129.0\n")
    assert statuses(text)["5:129.0"] == "fail"


def test_a_row_labelled_as_derived_is_the_difference_or_sum_the_columns_show() -> None:
    """"Gap" is "PLA Navy" − "US Navy" in two columns of three: the third is called wrong; "EU + US" is a sum."""
    text = ("Battle-force ships          2020    2025    2030\n"
            "PLA Navy                    360     400     435\n"
            "US Navy                     296     295     290\n"
            "Gap                          64     {gap}     145\n")
    assert statuses(text.format(gap="105"))["4:105"] == "pass"
    assert statuses(text.format(gap="115"))["4:115"] == "fail"
    sums = ("Output (million rounds)   2023    2024    2025\n"
            "EU                        0.6     1.0     2.0\n"
            "US                        0.3     0.5     1.2\n"
            "EU + US                   0.9     1.5     3.2\n"
            "Russia                    2.0     3.0     3.5\n")
    found = statuses(sums)
    assert [found[k] for k in ("4:0.9", "4:1.5", "4:3.2")] == ["pass"] * 3


def test_a_derived_row_label_no_two_rows_explain_is_left_alone() -> None:
    text = ("Budget (€bn)   2023    2024    2025\n"
            "Army           12.1    13.0    14.2\n"
            "Navy           8.4     8.9     9.7\n"
            "Net            1.0     7.7     2.3\n")
    assert not [k for k in statuses(text) if k.startswith("4:")]


def test_a_long_header_of_spaced_labels_with_estimate_years_heads_the_columns() -> None:
    """"Spending 2025e (US$ m)   Population (m)   Per capita (US$)   % GDP 2024 ...": more than fourteen words, but
    set apart like the columns below, and "2025e" is a year: the header is read, so the per-capita column fails."""
    text = ("Country        Spending 2025e (US$ m)   Population (m)   Per capita (US$)   % GDP 2024   Real change 2025 (%)\n"
            "Poland                 48,660              36.6              1,330             4.12           12.9\n"
            "Estonia                 1,810               1.37             1,321             3.43            6.1\n"
            "Norway                 11,980               5.58             2,417             2.20            4.8\n"
            "Germany               107,420              83.4              1,288             2.12           21.5\n"
            "Spain                  33,100              48.6                681             1.24           57.4\n")
    found = statuses(text)
    assert found["4:2,417"] == "fail"
    assert found["2:1,330"] == "pass"


DIFFERENCE_TABLES = [
    # space-aligned: "Variance" = "Forecast" − "Budget"
    ("Programme        Budget (£m)   Forecast (£m)   Variance (£m)\n"
     "Ajax                   5,522           6,315            +793\n"
     "Boxer                  2,837           3,198            {x}\n"
     "Challenger 3           1,305           1,398             +93\n"
     "Type 26                8,015           8,847            +832\n", "+361", "+316", "3:"),
    # tabs: "Overrun" = "Current" − "Approved", unsigned
    ("Project\tApproved ($bn)\tCurrent ($bn)\tOverrun ($bn)\n"
     "Frigates\t12.4\t14.1\t1.7\nSubmarines\t30.2\t36.0\t{x}\nTankers\t5.1\t5.6\t0.5\nRadars\t2.2\t2.9\t0.7\n",
     "5.8", "8.5", "3:"),
    # pipes: "Over/(under)" = "Actual" − "Plan", negatives in brackets
    ("| Line | Plan (€m) | Actual (€m) | Over/(under) (€m) |\n|---|---|---|---|\n"
     "| Ammunition | 410 | 452 | 42 |\n| Vehicles | 300 | 288 | (12) |\n| Training | 95 | 101 | {x} |\n"
     "| Spares | 120 | 110 | (10) |\n", "6", "9", "5:"),
]


def test_a_difference_column_is_checked_against_the_difference_the_rows_follow() -> None:
    for text, right, wrong, line in DIFFERENCE_TABLES:
        good = statuses(text.format(x=right))
        assert good[line + right] == "pass", (text, good)
        bad = statuses(text.format(x=wrong))
        assert bad[line + wrong] == "fail", (text, bad)
        assert all(v == "pass" for k, v in bad.items() if k != line + wrong and not k.startswith("1:")), bad


def test_a_row_is_derived_only_when_its_label_says_so_first_and_the_signs_agree() -> None:
    # "... net revenues" is a measure's name, not a difference of two rows: no row formula, nothing accused
    segments = ("Segment results (in thousands)\tQ3 2024\tQ3 2023\t% Change\n"
                "Electronic Systems net revenues\t$113,512\t$115,205\t(1.5)%\n"
                "Structural Systems net revenues\t$87,888\t$81,095\t8.4%\n"
                "Total net revenues\t$201,400\t$196,300\t2.6%\n")
    got = statuses(segments)
    assert "fail" not in got.values() and not [k for k in got if k.startswith(("2:$", "3:$"))], got
    # a row whose label opens with the derived word is checked: "Net debt" = "Gross debt" − "Cash"
    net = ("(€m)\t2024\t2023\t2022\nGross debt\t1,250\t1,180\t1,100\nCash\t420\t390\t350\nNet debt\t{x}\t790\t750\n")
    assert statuses(net.format(x="830"))["4:830"] == "pass"
    assert statuses(net.format(x="870"))["4:870"] == "fail"


def test_a_full_year_column_after_its_quarters_or_halves_adds_them_up() -> None:
    quarters = ("(In millions)   Q1 FY24   Q2 FY24   Q3 FY24   Q4 FY24   FY24\n"
                "Revenues        $198.9    $197.5    $208.3    $248.6    {x}\n"
                "Bookings        $208.4    $234.1    $318.4    $278.6    $1,039.5\n"
                "Backlog         $1,152.3  $1,210.0  $1,288.4  $1,344.2  $1,344.2\n")
    assert statuses(quarters.format(x="$853.3")) == {"2:$853.3": "pass", "3:$1,039.5": "pass"}  # backlog: a stock
    assert statuses(quarters.format(x="$835.3"))["2:$835.3"] == "fail"
    halves = "SEK m\tH1 2024\tH2 2024\t2024\nSales\t4,100\t4,650\t{x}\nEBIT\t410\t520\t930\n"
    assert statuses(halves.format(x="8,750")) == {"2:8,750": "pass", "3:930": "pass"}
    assert statuses(halves.format(x="8,570"))["2:8,570"] == "fail"
    # two quarters of the year are no parts of it: no row adds up, nothing is claimed
    two = ("| $m | Q3 2024 | Q4 2024 | FY 2024 | FY 2023 |\n|---|---|---|---|---|\n| Sales | 500 | 560 | 2,050 | 1,900 |\n"
           "| EBIT | 50 | 60 | 210 | 190 |\n")
    assert statuses(two) == {}
