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


# ----------------------------------------------------------------------------- per-unit: which count, which total
def test_each_counts_the_things_named_just_before_it() -> None:
    doc = ("LONDON, 14 May 2025 — The MoD ordered 120 Sky Lance launchers and missiles for £1.6 billion.\n"
           "Of the contract value, £1.02 billion covers the launchers — about £{p} million each — and the remaining "
           "£580 million pays for 1,500 missiles and support.\n")
    assert statuses(doc.format(p="8.5"), "£8.5 million") == ["pass"]
    assert fails(doc.format(p="8.5")) == []
    found = at(check(doc.format(p="9.5")), "£9.5 million", doc.format(p="9.5"))
    assert [(f.status, f.operands[1].text) for f in found] == [("fail", "120 Sky Lance launchers")]


def test_a_count_that_divides_its_own_total_is_not_reused_for_a_far_rate() -> None:
    doc = (DATELINE + "The company repurchased 2.1 million shares for $1.15 billion, an average of $548 per share, and paid "
           "cash dividends of $0.78 billion.\nThe board declared a dividend of $3.45 per share, up 5% from $3.30.\n")
    assert statuses(doc, "$548") == ["pass"]
    assert statuses(doc, "$3.45") == []
    assert fails(doc) == []


def test_a_rate_in_a_parallel_clause_does_not_divide_the_other_subjects_figure() -> None:
    doc = (DATELINE + "Germany contributes €1.08 billion and the Netherlands €720 million, while Norway and Belgium each "
           "pay €540 million and the two smallest partners €360 million each.\n")
    assert fails(doc) == []
    assert statuses(doc, "€360 million") == []


@pytest.mark.parametrize(("rate", "status"), [("£857,000", "pass"), ("£8.57 million", "fail")])
def test_per_thing_per_year_divides_by_the_contracts_term(rate: str, status: str) -> None:
    doc = (f"LONDON, 9 January 2025 — Halden has won a £240 million ten-year contract to support 28 Type 997 radars, "
           f"about {rate} per radar per year.\n")
    assert statuses(doc, rate) == [status]


def test_per_thing_per_year_without_a_term_is_no_claim() -> None:
    doc = "LONDON, 9 January 2025 — Halden has won a £240 million contract to support 28 radars, about £857,000 per radar a year.\n"
    assert statuses(doc, "£857,000") == []


# ----------------------------------------------------------------------------- changes of list items and per-share figures
def test_list_items_each_with_its_own_change_are_not_a_pair() -> None:
    doc = (DATELINE + "Orbis reported revenue of $2.84 billion.\nSegment revenue: Space $1.12 billion, up 18%; Defense "
           "$1.31 billion, up 9%; Intelligence $0.41 billion, up 6%.\n")
    assert fails(doc) == []
    assert statuses(doc, "9%") == []


@pytest.mark.parametrize(("pct", "status"), [("13.6%", "pass"), ("12.1%", "fail")])
def test_a_change_in_earnings_per_share_compares_the_per_share_figures(pct: str, status: str) -> None:
    doc = (DATELINE + "Net earnings were $1.02 billion, or $6.84 per diluted share, compared with $0.91 billion, or $6.02 "
           f"per diluted share, a year earlier; earnings per share rose {pct}.\n")
    found = at(check(doc), pct, doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, ["$6.02", "$6.84"])]


def test_a_headline_multiple_with_its_own_figure_echoes_the_body_claim() -> None:
    doc = ("Veltrup triples shell output to 30,000 a month\n"
           "BREMEN, 3 March 2025 — Veltrup said monthly output of shells reached 30,000 in February, three times the 10,000 "
           "a month it produced in early 2023.\n")
    assert statuses(doc, "triples") == ["pass"]
    wrong = doc.replace("triples", "quadruples", 1)
    assert statuses(wrong, "quadruples") == ["fail"]


# ----------------------------------------------------------------------------- shares
@pytest.mark.parametrize(("pct", "status"), [("30%", "pass"), ("25%", "fail")])
def test_an_appositive_share_of_the_order_is_of_the_count_of_the_same_things(pct: str, status: str) -> None:
    doc = ("£1.6 billion air defence order to sustain 3,200 UK jobs\n"
           "LONDON, 14 May 2025 — The MoD has ordered 120 Sky Lance launchers.\n"
           f"The first 36 launchers, {pct} of the order, will be handed over in 2027.\n")
    found = at(check(doc), pct, doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, ["36 launchers", "120 Sky Lance launchers"])]


def test_a_share_after_a_restatement_is_of_the_restated_figure_and_not_of_a_part_of_the_whole() -> None:
    doc = ("WARSAW, 9 September 2025 — Poland signed a PLN 3.84 billion (about $1.05 billion) contract for 120 vehicles.\n"
           "The contract value includes PLN 2.88 billion for the vehicles and PLN 960 million for training.\n"
           "Bastion has committed to offsets worth PLN 1.54 billion (about $420 million), or 40% of the contract value.\n")
    found = at(check(doc), "40%", doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [("pass", ["PLN 1.54 billion", "PLN 3.84 billion"])]


@pytest.mark.parametrize(("pct", "status"), [("44%", "pass"), ("54%", "fail")])
def test_a_share_of_the_total_in_apposition_to_a_named_subject(pct: str, status: str) -> None:
    doc = (DATELINE + "The contract will sustain some 3,200 jobs, including 1,400 at the Belfast plant, 1,100 in Stevenage and "
           f"700 at 45 suppliers. The Belfast jobs, {pct} of the total, include 160 new apprenticeships.\n")
    found = at(check(doc), pct, doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, ["1,400", "3,200 jobs"])]


def test_a_named_subject_whose_part_speaks_of_other_things_is_no_share() -> None:
    doc = (DATELINE + "Corvid won a €480 million order. Polish industry will receive €200 million of work. The Polish "
           "contract, 40% of the order book, was signed in Warsaw.\n")
    assert fails(doc) == []


def test_less_than_a_quarter_after_of_which() -> None:
    doc = (DATELINE + "The base has 585,000 square metres of enclosed space, of which 132,000 square metres, less than a "
           "quarter, will be used for production.\n")
    assert statuses(doc, "a quarter") == ["pass"]


# ----------------------------------------------------------------------------- results releases: segments, margins, ratios
RESULTS = ("FALLS CHURCH, Va., Oct. 22, 2025 — Halvorsen reported third-quarter 2025 sales of $11.46 billion, up 8.3% from "
           "$10.58 billion.\nSegment sales were: Aeronautics $4.12 billion, Missiles $3.05 billion, Rotary $2.61 billion and "
           "Space {space}.\nSegment operating profit totalled $1.31 billion, a segment operating margin of {margin} of sales.\n"
           "Net orders were $13.75 billion, a book-to-bill ratio of {btb}.\n")


def test_a_segment_list_that_adds_up_to_the_total_before_it_passes() -> None:
    doc = RESULTS.format(space="$1.68 billion", margin="11.4%", btb="1.2")
    assert statuses(doc, "$11.46 billion") == ["pass"]
    assert statuses(doc, "11.4%") == ["pass"]
    assert statuses(doc, "1.2") == ["pass"]
    assert fails(doc) == []


def test_a_segment_list_that_does_not_add_up_is_no_claim() -> None:
    doc = RESULTS.format(space="$1.28 billion", margin="11.4%", btb="1.2")  # other activities, eliminations ...
    assert statuses(doc, "$11.46 billion") == []
    assert fails(doc) == []


def test_a_wrong_margin_and_a_wrong_book_to_bill_fail() -> None:
    doc = RESULTS.format(space="$1.68 billion", margin="14.1%", btb="1.4")
    assert statuses(doc, "14.1%") == ["fail"]
    assert statuses(doc, "of 1.4") == ["fail"]


def test_a_segment_margin_without_that_segments_revenue_is_no_claim() -> None:
    doc = ("ROME, 6 March 2025 — Tessaro Defence reported revenue of €5.7 billion for 2024. EBITDA was €1.2 billion, a "
           "margin of 21%. Electronics EBIT was €310 million, a margin of 14.1%.\n")
    assert statuses(doc, "21%") == ["pass"]
    assert statuses(doc, "14.1%") == []
    assert fails(doc) == []


def test_a_margin_takes_the_companys_revenue_not_one_of_two_segments() -> None:
    doc = ("RESTON, Va., July 24, 2025 — Trident reported second-quarter sales of $4.21 billion.\nDefense Systems sales "
           "were $2.38 billion and Mission Solutions sales were $1.83 billion. Operating income was $468 million, an "
           "operating margin of 11.1%.\n")
    found = at(check(doc), "11.1%", doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [("pass", ["$468 million", "$4.21 billion"])]


@pytest.mark.parametrize(("old", "status"), [("10.4%", "pass"), ("11.4%", "fail")])
def test_margins_of_two_periods_use_each_periods_profit_and_revenue(old: str, status: str) -> None:
    doc = ("MUNICH, 31 July 2025 — Aurelian reported revenue of €3,862 million for the first half of 2025, up 18% from "
           "€3,273 million.\nOperational EBIT rose to €431 million from €342 million, an increase of 26%. The operational "
           f"EBIT margin improved to 11.2% from {old}.\n")
    assert statuses(doc, "11.2%") == ["pass"]
    found = at(check(doc), old, doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, ["€342 million", "€3,273 million"])]


def test_nine_month_orders_are_no_book_to_bill_of_a_quarter() -> None:
    doc = (DATELINE + "Revenue was €2.4 billion in the third quarter. Order intake for the first nine months reached "
           "€9.2 billion, a book-to-bill of 1.3.\n")
    assert statuses(doc, "1.3") == []


# ----------------------------------------------------------------------------- sums and what is left
def test_the_two_contracts_take_the_first_ones_count_from_the_paragraph_before() -> None:
    doc = ("WARSAW, 27 March 2025 — The Agency has ordered 180 Borsuk infantry fighting vehicles.\n"
           "The order follows a first batch of 111 vehicles signed in 2023; together the two contracts cover {n} vehicles.\n")
    assert statuses(doc.format(n="291"), "291") == ["pass"]
    assert statuses(doc.format(n="281"), "281") == ["fail"]


@pytest.mark.parametrize(("n", "status"), [("96", "pass"), ("98", "fail")])
def test_completing_all_is_a_total_word(n: str, status: str) -> None:
    doc = (DATELINE + f"The first 12 carriers are due in 2026, followed by 36 in 2027 and 36 in 2028, and the last 12 in "
           f"2029, completing all {n}.\n")
    assert statuses(doc, n + ".") == [status]


@pytest.mark.parametrize(("rest", "status"), [("€1.15 billion", "pass"), ("€1.25 billion", "fail")])
def test_the_remaining_money_is_the_lead_figure_less_the_part_before_it(rest: str, status: str) -> None:
    doc = ("LUXEMBOURG, 18 June 2025 — NSPA has signed a €3.6 billion contract for ten tankers.\n"
           f"The ten aircraft account for €2.45 billion, with the remaining {rest} covering support.\n")
    assert statuses(doc, rest) == [status]


@pytest.mark.parametrize(("left", "status"), [("one", "pass"), ("two", "fail")])
def test_leaving_what_a_partitive_does_not_take(left: str, status: str) -> None:
    doc = (DATELINE + "The UAE ordered three aircraft in 2015 and two more in 2020, for a fleet of five; four of the five "
           f"had been handed over by mid-2024, leaving {left} to come.\n")
    assert statuses(doc, f"leaving {left} to come") == [status]


def test_leaving_n_more_compares_the_subject_with_the_figure_compared_with() -> None:
    doc = (DATELINE + "At 31 December 2024 the backlog stood at 220 aircraft, 164 for export and 56 for France, compared "
           "with 211 a year earlier, leaving nine more jets in the order book.\n")
    found = at(check(doc), "nine", doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [("pass", ["220 aircraft", "211"])]


def test_the_four_things_named_with_the_are_a_part_when_they_count_the_totals_things() -> None:
    doc = (DATELINE + "Korea needs four new aircraft, which would join the four E-7As already in service for a fleet of "
           "{n}.\n")
    assert statuses(doc.format(n="eight"), "eight") == ["pass"]
    assert statuses(doc.format(n="nine"), "nine") == ["fail"]


def test_digits_of_a_rounded_figure_are_its_written_digits_for_a_transposition() -> None:
    doc = ("STOCKHOLM, 14 February 2025 — Aldmark reported revenue of SEK 48.2 billion. Operating income was SEK 5.1 "
           "billion.\nSurveillance operating income was SEK 1.5 billion.\n")
    assert fails(doc) == []


# ----------------------------------------------------------------------------- round 3 probes: no false alarms
def test_a_part_of_something_else_is_no_whole_of_a_share_after_it() -> None:
    doc = ("CANBERRA, 21 August 2025 — The first ship will be built in Japan and the remaining two in Australia. About 60% "
           "of the programme value will be spent with Australian industry, and around 350 of the jobs will be "
           "apprenticeships.\n")
    assert fails(doc) == []


def test_a_colon_list_of_shares_is_no_breakdown_of_the_count_before_it() -> None:
    doc = (DATELINE + "The four partner nations of the programme confirmed their shares: Germany 46%, France 22%, Italy 23% "
           "and Spain 9%, matching their orders of 21, 12, 15 and 12 systems, 60 systems in all.\n")
    assert fails(doc) == []
    assert statuses(doc, "60 systems") == ["pass"]


@pytest.mark.parametrize(("old", "status"), [("10.8%", "pass"), ("11.8%", "fail")])
def test_a_prior_periods_share_of_revenue_is_over_the_prior_revenue(old: str, status: str) -> None:
    doc = ("ARLINGTON, Va., July 29, 2025 — Harrow reported second-quarter revenue of $3.12 billion, up 6% from $2.94 "
           "billion. Operating income was $342 million, or 11.0% of revenue, compared with $318 million, or "
           f"{old} of revenue, in the prior-year quarter.\n")
    assert statuses(doc, "11.0%") == ["pass"]
    found = at(check(doc), old, doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, ["$318 million", "$2.94 billion"])]


def test_a_further_rise_runs_from_the_current_figure_not_the_one_it_was_compared_with() -> None:
    doc = (DATELINE + "Kestrel produced 2,400 rocket motors a month in January, double the 1,200 a month of a year earlier, "
           "and plans 3,600 a month by mid-2026, a further 50% rise.\n")
    found = at(check(doc), "50%", doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [("pass", ["2,400 rocket motors", "3,600"])]


@pytest.mark.parametrize(("m", "status"), [("6.7%", "pass"), ("7.7%", "fail")])
def test_segment_margins_in_one_sentence_take_their_own_profit_and_revenue(m: str, status: str) -> None:
    doc = ("SOUTHAMPTON, 24 July 2025 — Solent reported revenue of £612 million for the six months to 30 June. Underlying "
           "operating profit was £58 million, a margin of 9.5%.\nNaval revenue was £402 million and Commercial revenue "
           f"£210 million. Naval operating profit was £44 million, a margin of 10.9%; Commercial operating profit was "
           f"£14 million, a margin of {m}.\n")
    assert statuses(doc, "9.5%") == ["pass"]
    assert statuses(doc, "10.9%") == ["pass"]
    found = at(check(doc), m, doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, ["£14 million", "£210 million"])]


def test_a_comparison_after_a_total_is_no_breakdown() -> None:
    doc = (DATELINE + "Headcount was 2,950, up from 2,700 at the start of the year, an increase of 250, of whom 90 are "
           "apprentices.\n")
    assert fails(doc) == []
    assert statuses(doc, "250") == ["pass"]


@pytest.mark.parametrize(("amount", "status"), [("C$605 million", "pass"), ("C$650 million", "fail")])
def test_a_share_restated_as_an_amount_after_or(amount: str, status: str) -> None:
    doc = ("OTTAWA, 5 May 2025 — Canada has selected Dalgety to supply 16 radars for C$1.1 billion (US$790 million), about "
           f"C$69 million each.\nCanadian content will account for 55% of the contract value, or {amount}.\n")
    found = at(check(doc), "55%", doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, [amount, "C$1.1 billion"])]


def test_a_far_count_for_a_rate_is_no_bound_and_no_difference() -> None:
    doc = ("LONDON, 9 Sept. 2025 — Harlow showed its Mk 4 sight.\nThe company has delivered more than 4,500 Mk 3 sights "
           "since 2019, and the Army has ordered 1,200 Mk 4 sights, 200 more than planned.\nThe order is worth £56 "
           "million, or about £46,700 per sight.\n")
    found = at(check(doc), "£46,700", doc)
    assert [(f.status, f.operands[1].text) for f in found] == [("pass", "1,200 Mk 4 sights")]


def test_a_far_count_for_a_rate_is_the_total_the_text_gives() -> None:
    doc = (DATELINE + "The partners confirmed orders of 21, 12, 15 and 12 systems, 60 systems in all.\nThe contract is worth "
           "€7.1 billion, about €118 million per system.\n")
    found = at(check(doc), "€118 million", doc)
    assert [(f.status, f.operands[1].text) for f in found] == [("pass", "60 systems")]


def test_a_share_of_revenue_takes_neither_a_profit_nor_a_backlog() -> None:
    doc = ("PRAGUE, 20 March 2025 — Arcadia reported revenue of CZK 24.8 billion for 2024, up 38%, and an operating profit "
           "of CZK 3.9 billion. Exports accounted for 82% of revenue. The order backlog of CZK 61 billion is 2.5 times "
           "annual revenue.\n")
    assert fails(doc) == []
    assert statuses(doc, "82%") == []


@pytest.mark.parametrize(("left", "status"), [("NOK 8.4 billion", "pass"), ("NOK 8.2 billion", "fail")])
def test_leaving_money_is_the_whole_less_the_part(left: str, status: str) -> None:
    doc = (DATELINE + f"Of the NOK 9.6 billion, NOK 1.2 billion is for training, leaving {left} for the aircraft and spares.\n")
    assert statuses(doc, left) == [status]


# ----------------------------------------------------------------------------- round 3: shares beside a change
def test_a_share_beside_a_change_is_of_the_level_reached_not_of_the_old_value() -> None:
    doc = ("VILNIUS, 2 October 2025 — The government approved a 2026 defence budget of €4.79 billion, up 21% from "
           "€3.96 billion this year and equal to 5.4% of forecast GDP of €88.6 billion.\n")
    found = at(check(doc), "5.4%", doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [("pass", ["€4.79 billion", "€88.6 billion"])]
    assert fails(doc) == []


@pytest.mark.parametrize(("share", "status"), [("38%", "pass"), ("28%", "fail")])
def test_a_share_of_revenue_after_from_x_takes_the_new_figure_and_this_years_revenue(share: str, status: str) -> None:
    doc = ("ANKARA, 14 May 2025 — Revenue for 2024 was US$3.0 billion, up %18 from US$2.54 billion in 2023. Export "
           f"sales rose 34% to US$1.14 billion from US$850 million, or {share} of revenue.\n")
    found = at(check(doc), share, doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, ["US$1.14 billion", "US$3.0 billion"])]


def test_a_share_restated_as_an_amount_after_a_comma_is_the_part_of_the_contract() -> None:
    doc = ("DEN HELDER, 2 June 2025 — The navy ordered four submarines under a €5.64 billion contract.\nOf the total, "
           "€3.9 billion covers the boats and €1.74 billion the weapons. Dutch industry will receive about 40% of the work, "
           "roughly €2.3 billion.\n")
    found = at(check(doc), "40%", doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [("pass", ["€2.3 billion", "€5.64 billion"])]
    assert fails(doc) == []


@pytest.mark.parametrize(("part", "status"), [("500", "pass"), ("800", "fail")])
def test_a_fraction_of_a_whole_with_the_part_set_off_after_it(part: str, status: str) -> None:
    doc = (DATELINE + "\"We delivered 36 radars last year and will make 50 this year,\" she said. \"Roughly a third of our "
           f"1,500 engineers, about {part}, work on software.\"\n")
    found = at(check(doc), "a third", doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, [part, "1,500 engineers"])]


def test_a_fraction_in_apposition_to_a_figure_is_a_share_not_a_multiple() -> None:
    doc = ("SEOUL, 3 March 2025 — The air force ordered 36 CA-50 light combat jets.\nDeliveries run from 2027 to 2030, "
           "with the last eight in 2030. Twelve of the aircraft, one third of the order, will be assembled locally.\n")
    found = at(check(doc), "one third", doc)
    assert [(f.status, f.kind) for f in found] == [("pass", "share")]


# ----------------------------------------------------------------------------- round 3: changes and multiples
@pytest.mark.parametrize(("pct", "status"), [("about 60%", "pass"), ("about 40%", "fail")])
def test_a_change_after_the_figure_added_runs_between_the_two_levels(pct: str, status: str) -> None:
    doc = (DATELINE + f"\"We were 2,100 people in 2022 and we are 3,400 today, so we have added 1,300 people, {pct} more.\"\n")
    found = at(check(doc), pct, doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, ["2,100 people", "3,400"])]


def test_a_multiple_in_apposition_compares_the_figure_before_it_not_the_next() -> None:
    doc = (DATELINE + "In 2022 we built 140 launch units a year. This year it will be 420, three times as many, and the "
           "plan for 2027 is 600.\n")
    found = at(check(doc), "three times", doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [("pass", ["140 launch units", "420"])]


def test_rates_per_month_and_per_year_are_not_compared_as_levels() -> None:
    doc = (DATELINE + "The plant makes 2,000 shells a month, 24,000 a year, and will reach 4,000 a month in 2026, double "
           "the current rate.\n")
    found = at(check(doc), "double", doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [("pass", ["2,000 shells", "4,000"])]


def test_more_than_doubled_to_y_in_year_from_x() -> None:
    doc = "LONDON, 3 March 2025 — Sales more than doubled to £2.2 billion in 2024 from £1.0 billion in 2021.\n"
    assert statuses(doc, "more than doubled") == ["pass"]


# ----------------------------------------------------------------------------- round 3: restatements set off by commas
@pytest.mark.parametrize(("miles", "status"), [("7.5 miles", "pass"), ("9.5 miles", "fail")])
def test_a_hedged_restatement_after_a_comma_is_a_conversion_and_no_operand(miles: str, status: str) -> None:
    doc = (DATELINE + f"It has a detection range of 12 km, about {miles}, twice that of the Mk 3's 6 km.\n")
    found = check(doc)
    assert [f.status for f in at(found, miles, doc)] == [status]
    twice = at(found, "twice", doc)
    assert [(f.status, [o.text for o in f.operands]) for f in twice] == [("pass", ["12 km", "6 km"])]
    assert [f.kind for f in found if f.status == "fail"] == ([] if status == "pass" else ["conversion"])


def test_a_list_of_figures_in_one_unit_is_no_restatement() -> None:
    doc = DATELINE + "The radar covers 12 km, about 20 km in clear weather and 30 km from a mast.\n"
    assert [f for f in check(doc) if f.kind == "conversion"] == []


# ----------------------------------------------------------------------------- round 3: per-unit and durations
def test_a_rate_per_thing_over_the_previous_sentence_takes_its_in_all_total() -> None:
    doc = (DATELINE + "The army received 8 helicopters in 2023, 10 in 2024 and 12 this year, 30 in all. The fleet has "
           "flown 9,000 hours, about 300 hours per aircraft.\n")
    found = at(check(doc), "300 hours", doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [("pass", ["9,000 hours", "30"])]


@pytest.mark.parametrize(("each", "status"), [("₩106 billion", "pass"), ("₩118 billion", "fail")])
def test_price_each_thing_at_is_a_per_unit_claim(each: str, status: str) -> None:
    doc = (DATELINE + f"The contract includes an option for 18 more aircraft valued at ₩1.9 trillion, which would price "
           f"each jet at about {each}.\n")
    assert statuses(doc, each) == [status]


def test_a_rate_with_no_total_of_its_currency_is_no_crash() -> None:
    doc = ("SEOUL, 3 March 2025 — The ₩4.6 trillion (about US$3.2 billion) deal covers 36 jets. At roughly US$66 million "
           "each, the jet is cheap.\n")
    assert fails(doc) == []


@pytest.mark.parametrize(("months", "status"), [("17 months", "pass"), ("15 months", "fail")])
def test_an_event_date_is_the_one_next_to_the_event_not_the_dateline(months: str, status: str) -> None:
    doc = ("TURIN, 9 December 2025 — Veltra delivered the last of 48 helicopters, completing a programme that began when "
           f"the contract was signed in October 2019.\nThe first aircraft flew in March 2021, {months} after the contract "
           "was signed.\n")
    found = at(check(doc), months, doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, ["October 2019", "March 2021"])]


# ----------------------------------------------------------------------------- false alarms found by probes (round 4)
def test_a_multiple_before_an_explicit_from_to_pair_takes_that_pair() -> None:
    doc = (DATELINE + '"This order of 91 howitzers is the largest in our history, and it doubles our production rate from '
           'six to 12 systems a month," said chief executive Jukka Ranta.\n')
    assert statuses(doc, "doubles") == ["pass"]
    assert fails(doc) == []
    wrong = doc.replace("to 12 systems", "to 18 systems")
    assert statuses(wrong, "doubles") == ["fail"]


HEADLINE = "Thales to supply 10 radars in {head} deal\n" + DATELINE + (
    "Thales will supply 10 Ground Master 400 radars to a European customer under a contract worth €296 million.\n")


@pytest.mark.parametrize(("head", "status"), [("€300 million", "pass"), ("€250 million", "fail"), ("€350 million", "fail")])
def test_a_round_headline_figure_is_read_to_its_last_non_zero_digit(head: str, status: str) -> None:
    doc = HEADLINE.format(head=head)
    assert statuses(doc, head) == [status]


OPTIONS = (DATELINE + "Northwind Systems has been awarded a $412 million contract for 24 radar sets, with options for a "
           "further 16 that could bring the total value to $680 million. The base award covers the first 24 systems, "
           "about {each} each.\n")


def test_a_unit_price_divides_the_total_bound_to_its_count_not_the_option_ceiling() -> None:
    doc = OPTIONS.format(each="$17.2 million")
    found = at(check(doc), "$17.2 million", doc)
    assert [(f.status, f.operands[0].text) for f in found] == [("pass", "$412 million")]
    assert fails(doc) == []
    assert statuses(OPTIONS.format(each="$21.2 million"), "$21.2 million") == ["fail"]


def test_a_unit_price_divides_the_total_its_things_are_worth_not_the_last_total() -> None:
    doc = (DATELINE + "Hyundai Rotem signed two contracts: one for 180 K2 tanks worth $6.5 billion and one for 81 support "
           "vehicles worth $400 million. The tanks cost about {each} each.\n")
    found = at(check(doc.format(each="$36 million")), "$36 million", doc.format(each="$36 million"))
    assert [(f.status, f.operands[0].text[:4]) for f in found] == [("pass", "$6.5")]
    assert statuses(doc.format(each="$46 million"), "$46 million") == ["fail"]


SHARE_NAMED = (DATELINE + "Dassault Aviation delivered 21 Rafale jets in 2024. Export customers took 14 of them. Rafale sales "
               "accounted for 60% of revenue of {whole}. The company expects to deliver 25 Rafale in 2025.\n")


def test_a_share_whose_whole_is_named_with_its_figure_takes_no_other_whole() -> None:
    doc = SHARE_NAMED.format(whole="€6.2 billion")
    assert statuses(doc, "60%") == []
    assert fails(doc) == []


def test_a_share_of_a_named_whole_with_its_part_before_is_still_checked() -> None:
    doc = (DATELINE + "Export sales reached $2 billion. Exports accounted for {pct} of revenue of $5 billion.\n")
    assert statuses(doc.format(pct="40%"), "40%") == ["pass"]
    assert statuses(doc.format(pct="60%"), "60%") == ["fail"]


def test_a_share_of_a_year_total_takes_no_later_larger_figure_as_its_whole() -> None:
    doc = (DATELINE + "South Korea's arms exports reached $9.5 billion in 2024, down from $14 billion in 2023. Poland "
           "accounted for about 40% of the 2024 total, or $3.8 billion. The government targets $20 billion by 2027.\n")
    assert fails(doc) == []


UNIT_SCOPE = (DATELINE + "Canada will buy 88 F-35 jets for C$19 billion. The first 16 jets cost C$7 billion{incl}. Each jet "
              "costs about C$85 million on average{excl}.\n")


@pytest.mark.parametrize(("incl", "excl", "status"), [(", including infrastructure", ", excluding support", "warn"),
                                                      (", including infrastructure", "", "warn"),
                                                      ("", ", excluding support", "warn"), ("", "", "fail")])
def test_a_unit_price_scoped_differently_from_its_total_is_unsure(incl: str, excl: str, status: str) -> None:
    doc = UNIT_SCOPE.format(incl=incl, excl=excl)
    assert statuses(doc, "C$85 million") == [status]


@pytest.mark.parametrize("sentence", [
    "The navy will upgrade 8 of its 12 helicopters at a cost of A$240 million, or {each} per helicopter.",
    "Of the 12 helicopters, 8 will be upgraded at a cost of A$240 million, or {each} per helicopter.",
])
def test_a_unit_price_is_per_part_not_per_the_whole_it_is_taken_from(sentence: str) -> None:
    doc = DATELINE + sentence + "\n"
    assert statuses(doc.format(each="A$30 million"), "A$30 million") == ["pass"]
    assert statuses(doc.format(each="A$20 million"), "A$20 million") == ["fail"]


# ----------------------------------------------------------------------------- listed figures restated in one bracket
LISTED = "BERLIN, 3 Mar 2025 — Rheinmetall booked orders worth €1.2bn and €0.8bn ({a} and {b}) for ammunition and vehicles.\n"


def test_listed_figures_restated_in_one_bracket_pair_in_order() -> None:
    doc = LISTED.format(a="$1.3bn", b="$0.9bn")
    assert [(f.kind, f.status, [o.text for o in f.operands]) for f in at(check(doc), "$0.9bn", doc)] == [
        ("currency_conversion", "pass", ["€0.8bn"])]
    assert statuses(doc, "$1.3bn") == ["pass"]
    assert fails(doc) == []


def test_listed_figures_restated_in_one_bracket_wrong_second_fails() -> None:
    doc = LISTED.format(a="$1.3bn", b="$1.9bn")
    assert fails(doc) == ["$1.9bn"]


# ----------------------------------------------------------------------------- "half of them": the whole is the figure before
def test_share_of_them_is_no_share_of_a_later_figure() -> None:
    doc = ("ROME, 9 Sept 2025 — Leonardo expects to hire up to 3,000 engineers in 2026, at least half of them in Italy. "
           "Its workforce is more than 53,000 people.\n")
    assert fails(doc) == []
    assert statuses(doc, "half") == []


# ----------------------------------------------------------------------------- periods side by side, each with its own change
def test_figures_of_two_periods_each_with_its_own_change_are_no_pair() -> None:
    doc = ("ARLINGTON, Va., 15 Apr 2025 — RTX said Raytheon sales were $7.1 billion in Q1, up 10%, and $27.3 billion "
           "in FY 2024, up 6%. Raytheon's backlog was $52 billion.\n")
    assert fails(doc) == []
    assert statuses(doc, "6%") == []


# ----------------------------------------------------------------------------- "N more from X": a comparative without "than"
def test_more_without_than_compares_with_no_later_figure() -> None:
    doc = ("BERLIN, 3 Mar 2025 — KNDS Deutschland delivered 18 Leopard 2A8 tanks in 2025, and it has orders for 123 more "
           "from Germany, 44 from the Czech Republic and 75 from Norway.\n")
    assert fails(doc) == []
    assert statuses(doc, "123") == []


def test_more_than_a_later_figure_is_still_a_difference() -> None:
    doc = DATELINE + "The Navy ordered 32 boats, 12 more than the 20 it bought in 2024.\n"
    assert statuses(doc, "12 more") == ["pass"]
    assert fails(DATELINE + "The Navy ordered 32 boats, 14 more than the 20 it bought in 2024.\n") == ["14"]


# ----------------------------------------------------------------------------- "up 25% and 18% respectively"; another subject's figure
def test_changes_stated_respectively_have_no_old_figure() -> None:
    doc = ("SEOUL, 2 Sept 2025 — Hanwha Ocean's revenue was KRW 2.8 trillion in Q2 and KRW 5.2 trillion in H1, "
           "up 25% and 18% respectively.\n")
    assert fails(doc) == []
    assert statuses(doc, "25%") == []


def test_figure_of_another_subject_is_no_old_figure() -> None:
    doc = ("ANKARA, 18 Mar 2025 — Exports to Europe were $2.2 billion, and exports to the United States were $1.4 billion, "
           "down 3% on the year.\n")
    assert fails(doc) == []
    assert statuses(doc, "3%") == []


def test_same_subject_after_and_keeps_its_pair() -> None:
    doc = DATELINE + "Revenue was $2.0 billion in 2023 and $2.5 billion in 2024, up 25%.\n"
    assert statuses(doc, "25%") == ["pass"]
    assert fails(DATELINE + "Revenue was $2.0 billion in 2023 and $2.5 billion in 2024, up 52%.\n") == ["52%"]


# ----------------------------------------------------------------------------- "worth A, B and C": peers, not a total and its parts
def test_bare_list_of_figures_is_no_total_with_parts() -> None:
    doc = ("WASHINGTON, Oct. 14, 2025 — The Pentagon awarded contracts worth $4.2 billion, $3.1 billion and $1.7 billion "
           "to three firms.\n")
    assert fails(doc) == []
    assert statuses(doc, "$4.2 billion") == []


def test_amount_with_parts_for_named_things_is_still_a_breakdown() -> None:
    doc = DATELINE + "The order is worth $4.2 billion, $3.1 billion for aircraft and {b} for training.\n"
    assert statuses(doc.format(b="$1.1 billion"), "$4.2 billion") == ["pass"]
    assert statuses(doc.format(b="$1.7 billion"), "$4.2 billion") == ["fail"]


# ----------------------------------------------------------------------------- "seven years each": a term per item
def test_term_per_item_divides_no_stated_duration() -> None:
    doc = ("WASHINGTON, Oct. 14, 2025 — The smallest contract, $1.7 billion, is for five years, and the other two run "
           "for seven years each.\n")
    assert fails(doc) == []
    assert statuses(doc, "seven years") == []


# ----------------------------------------------------------------------------- "up X from Y": X is the change, not a level
UP_BY_FROM = (DATELINE + "The 2026 finance bill raises the armed forces budget to €57.1 billion, up €6.7 billion from "
              "€50.4 billion in 2025, an increase of {pct}. The interior ministry gets €25 billion.\n")


def test_amount_between_up_and_from_is_the_change_not_the_new_level() -> None:
    doc = UP_BY_FROM.format(pct="13%")
    assert statuses(doc, "13%") == ["pass"]
    assert fails(doc) == []


def test_wrong_percent_after_up_amount_from_still_fails() -> None:
    doc = UP_BY_FROM.format(pct="31%")
    assert statuses(doc, "31%") == ["fail"]


# ----------------------------------------------------------------------------- "P% of GDP": the whole must be named GDP
def test_percent_of_gdp_is_no_share_of_another_budget_line() -> None:
    doc = (DATELINE + "Estonia's 2026 budget sets defence spending at €1.6 billion, 5.4% of GDP, compared with €1.3 billion "
           "(3.4%) in 2025. The ministries of education and social affairs receive €1.4 billion and €2.1 billion respectively.\n")
    assert fails(doc) == []
    assert all(f.kind != "share" for f in at(check(doc), "5.4%", doc))


# ----------------------------------------------------------------------------- per unit: the count stated as the total
PER_SHIP_IN_ALL = (DATELINE + "Damen will build two frigates for the Netherlands and two for Belgium, four in all, under a "
                   "€4.4 billion contract, about {each} per ship. Each frigate will displace 5,500 tonnes.\n")


@pytest.mark.parametrize(("each", "status"), [("€1.1 billion", "pass"), ("€1.6 billion", "fail")])
def test_per_unit_divides_by_the_count_stated_in_all(each: str, status: str) -> None:
    doc = PER_SHIP_IN_ALL.format(each=each)
    found = [f for f in at(check(doc), each, doc) if f.kind == "per_unit"]
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, ["€4.4 billion", "four"])]


# ----------------------------------------------------------------------------- "two option years": a figure, not "the two"
def test_an_indefinite_two_xs_figure_is_no_group_word_for_a_total() -> None:
    doc = (DATELINE + "Defence awarded a A$1.2 billion, 10-year ICT contract covering 80,000 seats. The deal includes five "
           "years of support, with two option years, for seven years in total.\n")
    assert fails(doc) == []
    assert all(f.kind != "sum" or "10-year" not in [o.text for o in f.operands] for f in check(doc))


# ----------------------------------------------------------------------------- above 100% of a measure is no impossible share
def test_offsets_above_the_contract_value_are_no_impossible_share() -> None:
    doc = (DATELINE + "Under the Gripen deal, offsets total $9 billion, 170% of the contract value of $5.3 billion. "
           "350 Brazilian engineers trained in Sweden.\n")
    assert fails(doc) == []


def test_a_part_said_to_make_up_more_than_100_percent_still_fails() -> None:
    doc = DATELINE + "Export orders of SEK 9.8 billion made up 129% of revenue, with customers in Finland and Poland.\n"
    assert [f.kind for f in at(check(doc), "129%", doc) if f.status == "fail"] == ["range"]


# ----------------------------------------------------------------------------- a rate after a duration restates nothing
def test_a_per_week_rate_after_a_duration_is_no_conversion_of_it() -> None:
    doc = (DATELINE + "Students complete 200 flight hours over 40 weeks, about 5 hours a week. The school operates "
           "180 helicopters.\n")
    assert fails(doc) == []
    assert all(f.kind != "conversion" for f in check(doc))


def test_a_duration_restated_in_another_unit_is_still_checked() -> None:
    doc = DATELINE + "The course lasts 40 weeks, about {d}, and ends in June.\n"
    assert statuses(doc.format(d="280 days"), "280 days") == ["pass"]
    assert statuses(doc.format(d="180 days"), "180 days") == ["fail"]


# ----------------------------------------------------------------------------- a total without a noun: parts of its things
@pytest.mark.parametrize(("total", "status"), [("147", "pass"), ("149", "fail")])
def test_a_count_of_other_things_is_no_part_of_a_total_that_borrowed_its_noun(total: str, status: str) -> None:
    doc = (DATELINE + f"The agency has launched 21 Tranche 1 satellites in two launches this year, with 126 still to fly, "
           f"for {total} in total. Each satellite weighs about 600 kg.\n")
    found = [f for f in at(check(doc), total, doc) if f.kind == "sum"]
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, ["21 Tranche 1 satellites", "126"])]


# ----------------------------------------------------------------------------- a share's part from the sentence before
def test_a_share_takes_no_unnamed_part_from_several_in_the_sentence_before() -> None:
    doc = (DATELINE + "Finland's 2026 defence budget is €6.9 billion, 2.4% of GDP. It includes €2.6 billion for the F-35 "
           "programme and €1.1 billion for land equipment, together €3.7 billion. Defence receives 8% of the state budget "
           "of €88 billion.\n")
    assert fails(doc) == []
    assert statuses(doc, "together €3.7 billion") == ["pass"]


@pytest.mark.parametrize(("pct", "status"), [("17%", "pass"), ("71%", "fail")])
def test_a_bare_count_between_up_and_from_is_no_operand_of_the_change(pct: str, status: str) -> None:
    doc = (DATELINE + f"The Barrow yard employs 14,000 people, up 2,000 from 12,000 a year ago, a rise of {pct}. The yard "
           "is building four boats.\n")
    found = at(check(doc), pct, doc)
    assert [(f.status, [o.text for o in f.operands]) for f in found] == [(status, ["12,000", "14,000 people"])]
