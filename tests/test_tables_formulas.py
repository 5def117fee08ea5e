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
