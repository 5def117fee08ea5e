"""Linking rules (factcheck/claims/*): which figures a claim is checked against, and which figures are no claim.

Each test builds a short press-release text, runs the whole pipeline (extract → link → judge) in-process and
asserts on the findings: the status of the claim at a given text, and no ``fail`` anywhere else.
"""

from __future__ import annotations

from functools import cache

import pytest

from factcheck.model import Document, Finding
from factcheck.pipeline import run
from factcheck.ruleset import RuleSet, load_rules

DATELINE = "WASHINGTON, Oct. 14, 2025 — "


@cache
def rules() -> RuleSet:
    return load_rules()


def check(text: str) -> list[Finding]:
    return run(Document(path="-", text=text), rules()).findings


def at(findings: list[Finding], text: str, doc: str) -> list[Finding]:
    """Findings whose span overlaps the first occurrence of ``text`` in ``doc``."""
    i = doc.index(text)
    return [f for f in findings if f.start < i + len(text) and i < f.end]


def statuses(doc: str, text: str) -> list[str]:
    return [f.status for f in at(check(doc), text, doc)]


def fails(doc: str) -> list[str]:
    return [f.text for f in check(doc) if f.status == "fail"]


# ----------------------------------------------------------------------------- cumulative contract values
CUMULATIVE = (DATELINE + "Ridgeline Inc., Camden, Arkansas, was awarded a $412,650,000 modification (P00017) to contract "
              "W31P4Q-22-C-0041, bringing the total cumulative face value of the contract to {new} from $905,750,000.\n")


def test_modification_plus_old_value_is_the_new_cumulative_value() -> None:
    doc = CUMULATIVE.format(new="$1,318,400,000")
    assert statuses(doc, "$1,318,400,000") == ["pass"]
    assert fails(doc) == []


def test_wrong_cumulative_value_fails_with_the_sum() -> None:
    doc = CUMULATIVE.format(new="$1,381,400,000")
    found = at(check(doc), "$1,381,400,000", doc)
    assert [f.status for f in found] == ["fail"]
    assert found[0].kind == "sum"
    assert found[0].expected_text == "$1,318,400,000"


def test_modification_in_the_sentence_before_the_from_to_pair() -> None:
    doc = (DATELINE + "Harborline LLC is awarded an $87,412,300 cost-plus-fixed-fee modification to contract N00024-23-C-5512. "
           "This modification increases the cumulative value of the contract from $536,561,800 to $632,974,100.\n")
    found = at(check(doc), "$632,974,100", doc)
    assert [(f.status, f.expected_text) for f in found] == [("fail", "$623,974,100")]


# ----------------------------------------------------------------------------- work shares and funding lists
def test_work_locations_that_add_to_more_than_rounding_allows_fail() -> None:
    doc = (DATELINE + "Work will be performed in Pascagoula, Mississippi (64%); Marinette, Wisconsin (22%); "
           "and Bath, Maine (17%), and is expected to be completed by March 2029.\n")
    found = at(check(doc), "17%", doc)
    assert [(f.status, f.expected_text) for f in found] == [("fail", "14%")]


def test_bracketed_shares_of_a_complete_list_are_shares_of_its_sum() -> None:
    doc = (DATELINE + "Revenue by segment: Weapon Systems €1,714 million (44%), Electronics €1,236 million (32%) "
           "and Naval €912 million (24%).\n")
    for pct in ("44%", "32%", "24%"):
        assert statuses(doc, pct) == ["pass"], pct
    assert fails(doc) == []


def test_bracketed_shares_of_an_incomplete_list_are_not_checked() -> None:
    # 44% + 22% is not the whole: the shares are of a total the text does not give
    doc = (DATELINE + "Revenue by segment: Weapon Systems €1,714 million (44%) and Naval €912 million (22%).\n")
    assert fails(doc) == []


def test_a_wrong_share_in_a_complete_list_fails() -> None:
    doc = (DATELINE + "Fiscal 2025 funds in the amount of $52,447,380 (60%) and fiscal 2024 funds in the amount of "
           "$34,964,920 (40%) will be obligated at time of award.\n")
    assert statuses(doc, "60%") == ["pass"]
    assert statuses(doc, "40%") == ["pass"]


def test_each_of_the_three_contracts_multiplies_the_part() -> None:
    doc = (DATELINE + "The following three companies are sharing a $249,000,000 contract: Tallgrass Co. ($96,400,000); "
           "Kestrel Inc. ($81,150,000); and Pinecrest LLC ($71,450,000).\n"
           "Fiscal 2025 operation and maintenance funds of $7,500,000 are being obligated on each of the three "
           "contracts at time of award, $22,500,000 in total.\n")
    assert statuses(doc, "$22,500,000") == ["pass"]
    assert fails(doc) == []


def test_a_fiscal_year_shared_by_two_awards_does_not_make_them_one_figure() -> None:
    doc = (DATELINE + "Fiscal 2025 procurement funds in the amount of $206,325,000 were obligated at the time of the award.\n"
           "Fiscal 2025 operation and maintenance funds of $7,500,000 are being obligated at time of award.\n")
    assert fails(doc) == []


def test_including_names_the_whole_of_a_share() -> None:
    doc = (DATELINE + "The programme employs 1,150 people at Devonport, including 180 apprentices, or {p} of the workforce.\n")
    assert statuses(doc.format(p="16%"), "16%") == ["pass"]
    found = at(check(doc.format(p="18%")), "18%", doc.format(p="18%"))
    assert [(f.status, f.expected_text) for f in found] == [("fail", "16%")]


# ----------------------------------------------------------------------------- durations that are no span
def test_option_periods_are_not_spans_between_the_dates() -> None:
    doc = (DATELINE + "This is a one-year base contract with four one-year option periods; the ordering period runs "
           "from Oct. 14, 2025, through Oct. 13, 2030, five years in all.\n")
    assert fails(doc) == []
    assert "pass" in statuses(doc, "five years")


def test_a_year_earlier_after_a_figure_is_no_span() -> None:
    doc = ("TOKYO, 18 November 2024 — The first ship is due in March 2028 and the second in March 2029.\n"
           "The backlog rose to ¥1.36 trillion at the end of September 2024 from ¥980 billion a year earlier, "
           "a 39% increase.\n")
    assert fails(doc) == []
    assert statuses(doc, "39%") == ["pass"]


# ----------------------------------------------------------------------------- comparisons and conversions
@pytest.mark.parametrize(("pct", "status"), [("30%", "pass"), ("40%", "fail")])
def test_is_n_percent_larger_than_is_a_change_not_a_level(pct: str, status: str) -> None:
    doc = (DATELINE + f"Its flight deck, at 546 square metres, is {pct} larger than the 420 square metres on the older ships.\n")
    assert statuses(doc, pct) == [status]


@pytest.mark.parametrize(("short", "status"), [("2,535 short tons", "pass"), ("2,835 short tons", "fail")])
def test_restatement_after_a_describing_noun(short: str, status: str) -> None:
    doc = f"At 2,300 tonnes full-load displacement ({short}), the vessels are 94 metres long.\n"
    assert statuses(doc, short) == [status]


def test_restatement_after_words_with_a_preposition_is_not_linked() -> None:
    # "(at 12 knots)" qualifies the range; it restates nothing
    doc = "Their range is 6,500 nautical miles at an economical speed (12 knots) and 1,200 km inland.\n"
    assert fails(doc) == []


def test_a_year_in_a_name_does_not_date_a_conversion() -> None:
    doc = ("NEW DELHI, 26 March 2025 — The Ministry signed contracts worth ₹8,240 crore (about US$960 million) "
           "under the Defence Acquisition Procedure 2020.\n")
    assert statuses(doc, "US$960 million") == ["pass"]


def test_more_without_than_compares_the_pair_just_given_but_never_fails() -> None:
    base = ("TOKYO, 18 November 2024 — The two ships are priced at ¥198 billion and ¥214 billion respectively; "
            "the second hull costs {d} more because it carries the new radar.\n")
    assert statuses(base.format(d="¥16 billion"), "¥16 billion") == ["pass"]
    assert statuses(base.format(d="¥26 billion"), "¥26 billion") == ["warn"]


def test_a_zero_whole_gives_no_traceback() -> None:
    # a misread figure of zero as the whole of a share must not crash the judge
    doc = "The budget stood at ₹1,72,000 crore, of which ₹1,05,518 crore, or 61%, was earmarked for industry.\n"
    check(doc)


def test_a_bound_on_each_of_many_small_locations_is_neither_a_change_nor_a_part() -> None:
    doc = (DATELINE + "Work will be performed in Tucson, Arizona (46%); Andover, Massachusetts (21%); Camden, Arkansas (18%); "
           "Huntsville, Alabama (12%); and various locations of less than 1% each (3%), and is expected to be "
           "completed by December 2027.\n")
    assert fails(doc) == []
    assert statuses(doc, "(3%)") == ["pass"]


def test_funding_lines_with_amount_and_share_after_a_semicolon() -> None:
    doc = (DATELINE + "Fiscal 2024 shipbuilding and conversion (Navy) ($620,000,000; 61%); and fiscal 2025 shipbuilding "
           "and conversion (Navy) ($400,000,000; {p}) funding will be obligated at time of award.\n")
    assert statuses(doc.format(p="39%"), "39%") == ["pass"]
    assert statuses(doc.format(p="39%"), "61%") == ["pass"]


def test_a_multiple_in_another_clause_does_not_take_the_pair_of_the_first() -> None:
    doc = ("STOCKHOLM, 18 July 2025 — Kestrel delivered 46 sensor suites in the half, against 38 a year ago, and expects "
           "100 for the full year, more than double the 2023 total of {old}.\n")
    assert statuses(doc.format(old="44"), "more than double") == ["pass"]
    assert statuses(doc.format(old="54"), "more than double") == ["fail"]


@pytest.mark.parametrize(("total", "status"), [("€1,942 million", "pass"), ("€1,992 million", "fail")])
def test_prior_period_figures_in_brackets_are_no_parts(total: str, status: str) -> None:
    doc = ("STOCKHOLM, 18 July 2025 — Dynamics sales were €812 million (H1 2024: €690 million), up 18%, and Surveillance "
           "sales were €1,130 million (H1 2024: €1,014 million), up 11%. Together the two segments make up the "
           f"group's {total}.\n")
    assert statuses(doc, total) == [status]


def test_each_does_not_divide_last_years_revenue_by_a_count_of_this_sentence() -> None:
    doc = ("ABU DHABI, 17 February 2025 — The company's 2024 revenue was $2.31 billion, and it employs 7,800 staff.\n"
           "Kits cost $1.2-1.5 million each, and the first 24 are due in Q4 2026.\n")
    assert fails(doc) == []


def test_each_reaches_a_total_in_the_lead_that_counts_the_same_things() -> None:
    doc = ("PLYMOUTH, England, 9 April 2025 — Tamar Marine launched the first of three patrol vessels ordered under a "
           "£396 million contract.\n"
           "The three ships are priced at {p} each, including a five-year support package.\n")
    assert statuses(doc.format(p="£132 million"), "£132 million") == ["pass"]
    assert statuses(doc.format(p="£142 million"), "£142 million") == ["fail"]


def test_times_compares_the_subject_not_the_figure_of_another_comparison() -> None:
    doc = ("New Delhi, 1 April 2024 — Defence exports reached Rs 21,083 crore in 2023-24, up 32.4% from Rs 15,920 crore "
           "a year earlier, and {m} the Rs 686 crore of 2004-05.\n")
    assert statuses(doc.format(m="31 times"), "31 times") == ["pass"]
    assert statuses(doc.format(m="23 times"), "23 times") == ["fail"]


@pytest.mark.parametrize(("span", "status"), [("14 months", "pass"), ("24 months", "fail")])
def test_second_span_after_runs_to_the_sentences_own_date(span: str, status: str) -> None:
    doc = ("PASCAGOULA, Miss., June 2, 2025 — The yard delivered the destroyer on May 30, 2025, 41 months after her keel "
           f"was laid in December 2021 and {span} after launch in March 2024.\n")
    assert statuses(doc, span) == [status]
    assert statuses(doc, "41 months") == ["pass"]


@pytest.mark.parametrize(("pct", "status"), [("12%", "pass"), ("21%", "fail")])
def test_a_comparison_after_the_figure_wins_over_a_from_pair_earlier_in_the_sentence(pct: str, status: str) -> None:
    doc = ("PRAGUE, 29 January 2024 — Defence spending will reach 2% of GDP this year, up from 1.5% in 2023, or CZK 160 "
           f"billion, about {pct} more than the 2023 budget of CZK 143 billion.\n")
    assert statuses(doc, pct) == [status]


def test_one_in_five_of_them_is_a_share_of_the_part_not_of_the_whole() -> None:
    doc = ("PRAGUE, 29 January 2024 — The ministry said 2,000 jobs would be created, including 400 at Czech firms, "
           "one in three of them engineers.\n")
    assert fails(doc) == []


def test_a_parallel_list_of_possessives_is_not_a_total_and_its_parts() -> None:
    doc = ("VILNIUS, 4 September 2025 — Lithuania's share is worth €820 million, Latvia's €640 million and "
           "Estonia's €440 million.\n")
    assert fails(doc) == []


def test_a_plain_breakdown_after_a_total_is_still_summed() -> None:
    doc = "RIGA, 4 September 2025 — The order covers 52 aircraft, 21 Rafale fighters and {n} Falcon business jets.\n"
    assert statuses(doc.format(n="31"), "52 aircraft") == ["pass"]
    assert statuses(doc.format(n="36"), "52 aircraft") == ["fail"]


def test_parts_of_a_total_start_after_a_new_clause() -> None:
    doc = ("LONDON, 3 March 2025 — The UK agreed to supply more than 5,000 missiles (LMM) to Ukraine, supporting 700 jobs "
           "in Belfast and a further 200 across the supply chain, {n} in all.\n")
    assert statuses(doc.format(n="900"), "900") == ["pass"]
    assert statuses(doc.format(n="950"), "950") == ["fail"]


def test_a_fourfold_rise_in_four_years_runs_from_the_first_figure_to_the_last() -> None:
    doc = ("LONDON, 3 March 2025 — The plant produced 1,000 missiles a year in 2023, will make 3,000 a year by 2026 and "
           "will reach 4,000 in 2027, a {m} rise in four years.\n")
    assert statuses(doc.format(m="fourfold"), "fourfold") == ["pass"]
    assert statuses(doc.format(m="threefold"), "threefold") == ["fail"]


def test_a_stated_price_is_not_a_far_total_divided_by_a_count() -> None:
    doc = ("LONDON, 3 March 2025 — The UK will supply 5,000 missiles to Ukraine.\n"
           "It brings UK support for Ukraine to £12.8 billion since 2022, £3 billion of it this year.\n"
           "Each missile costs around £320,000. A Storm Shadow costs about £2 million per missile.\n")
    assert fails(doc) == []


def test_a_second_rate_in_the_sentence_does_not_reuse_the_first_ones_total() -> None:
    doc = ("ISTANBUL, 10 June 2025 — Earlier this year the company signed a $310 million contract for 70 vehicles, about "
           "$4.4 million per vehicle, compared with about $4.2 million per vehicle in the new contract.\n")
    assert statuses(doc, "$4.4 million") == ["pass"]
    assert fails(doc) == []
