"""Extraction of the number forms added for the peer benchmarks (benchmarks/peers.py), one case per form, and
the defense-domain non-amounts they must not disturb (designators, dates, phone numbers, calibres).

Each case reads a short text with the shipped vocabulary and checks the mention that covers the figure:
its type, value (within 1e-9 relative) and unit.
"""

from __future__ import annotations

import math

import pytest

from factcheck.extract import extract_text
from factcheck.model import Mention

AMOUNTS = {"number", "count", "percent", "currency", "quantity"}


def covering(text: str, figure: str) -> Mention:
    a = text.index(figure)
    b = a + len(figure)
    found = [m for m in extract_text(text) if m.start <= a and b <= m.end and m.type != "identifier"]
    assert found, f"no mention covers {figure!r} in {text!r}: {[(m.text, m.type) for m in extract_text(text)]}"
    return min(found, key=lambda m: m.end - m.start)


def values(text: str) -> list[float]:
    return [m.value for m in extract_text(text) if m.type in AMOUNTS]


FORMS = [
    # a group of thousands that starts with a zero is no code ("4 050", "1 007 vehicles")
    ("Revenue was MNOK 4 050 in the quarter.", "MNOK 4 050", "currency", 4.05e9, "NOK"),
    ("The army fielded 1 007 vehicles.", "1 007 vehicles", "count", 1007, "vehicle"),
    # units read as units, not counted nouns (vocabulary: rules/units.yaml)
    ("The weight is 150 micrograms", "150 micrograms", "quantity", 150, "microgram"),
    ("The weight is 120 μg", "120 μg", "quantity", 120, "microgram"),
    ("a 100 ml sample", "100 ml", "quantity", 100, "milliliter"),
    ("a range of 8 mi", "8 mi", "quantity", 8, "mile"),
    # a unit named with its system is a unit, not a count of gallons of the US
    ("They used about 70,800 US gallons of fuel.", "70,800 US gallons", "quantity", 70800, "gallon"),
    ("a tank of 1,000 U.S. gallons", "1,000 U.S. gallons", "quantity", 1000, "gallon"),
    ("some 250 imperial gallons of water", "250 imperial gallons", "quantity", 250, "imperial_gallon"),
    ("1m is equal to 10 dm", "10 dm", "quantity", 10, "decimeter"),
    ("a bandgap of 1.7 eV", "1.7 eV", "quantity", 1.7, "electron_volt"),
    ("The file is 100 MB", "100 MB", "quantity", 100, "megabyte"),
    ("We produced 50 Wh today", "50 Wh", "quantity", 50, "watt_hour"),
    ("export 0.9 trillion cubic feet of gas", "0.9 trillion cubic feet", "quantity", 0.9e12, "cubic_foot"),
    ("3 hectoliters", "3 hectoliters", "quantity", 3, "hectoliter"),
    ("2 cups of sugar", "2 cups", "quantity", 2, "cup"),
    ("from 2 to 7 l", "2 to 7 l", "quantity", 2, "liter"),  # a range: value is the low end, value_high 7
    ("1 m x 1 m", "1 m", "quantity", 1, "meter"),
    # a glued "m" is the metre when nothing makes it money, the million otherwise
    ("I'm 1.8m tall.", "1.8m", "quantity", 1.8, "meter"),
    ("a €100m contract", "€100m", "currency", 100e6, "EUR"),
    # compound quantities, largest unit first
    ("7 feet 10 inches", "7 feet 10 inches", "quantity", 94, "inch"),
    ("2 km and 1 meter", "2 km and 1 meter", "quantity", 2001, "meter"),
    ("10 kms, 8 meters and 6 cm", "10 kms, 8 meters and 6 cm", "quantity", 1000806, "centimeter"),
    ("five years and five months after", "five years and five months", "quantity", 65, "month"),
    ("3 weeks and 2 days later", "3 weeks and 2 days", "quantity", 23, "day"),
    # currency sub-units, names and symbols after the amount (rules/currencies.yaml)
    ("pay 50 cents more per barrel", "50 cents", "currency", 0.5, "USD"),
    ("a bid of 470 pence a share", "470 pence", "currency", 4.7, "GBP"),
    ("to close one penny lower", "one penny", "currency", 0.01, "GBP"),
    ("for 420 million finnish markka", "420 million finnish markka", "currency", 420e6, "FIM"),
    ("6.65 billion pesetas", "6.65 billion pesetas", "currency", 6.65e9, "ESP"),
    ("250 million dutch guilders", "250 million dutch guilders", "currency", 250e6, "NLG"),
    ("profit improved to 361 million pounds", "361 million pounds", "currency", 361e6, "GBP"),
    ("a ticket costs 20 €", "20 €", "currency", 20, "EUR"),
    ("it costs 10$", "10$", "currency", 10, "USD"),
    ("USD3.14 per unit", "USD3.14", "currency", 3.14, "USD"),
    ("42 KWD", "42 KWD", "currency", 42, "KWD"),
    ("free cash flow of £(88)m", "£(88)m", "currency", -88e6, "GBP"),
    ("a net loss of $(12.5) million", "$(12.5) million", "currency", -12.5e6, "USD"),
    # digit forms
    ("3/4", "3/4", "number", 0.75, None),
    ("-4/5", "-4/5", "number", -0.8, None),
    ("a 1/4 mile paved oval", "1/4 mile", "quantity", 0.25, "mile"),
    ("more than 10 1/2 miles of cable", "10 1/2 miles", "quantity", 10.5, "mile"),
    ("1e10", "1e10", "number", 1e10, None),
    ("-127.32e13", "-127.32e13", "number", -1.2732e15, None),
    ("12.32e+14", "12.32e+14", "number", 1.232e15, None),
    (".75 cups", ".75 cups", "quantity", 0.75, "cup"),
    ("10k", "10k", "number", 10000, None),
    ("1.2M", "1.2M", "number", 1.2e6, None),
    ("3 dozens", "3 dozens", "number", 36, None),
    ("322 hundred", "322 hundred", "number", 32200, None),
    ("30 lkh", "30 lkh", "number", 3e6, None),
    ("The answer is minus 5", "minus 5", "number", -5, None),
    ("negative 1200000", "negative 1200000", "number", -1.2e6, None),
    # number words
    ("two hundred point zero three", "two hundred point zero three", "number", 200.03, None),
    ("nine point nought four", "nine point nought four", "number", 9.04, None),
    ("two point two million", "two point two million", "number", 2.2e6, None),
    ("There are one million and a half possibilities", "one million and a half", "number", 1.5e6, None),
    ("forty two and a third", "forty two and a third", "number", 42 + 1 / 3, None),
    ("five and a quarter", "five and a quarter", "number", 5.25, None),
    ("twenty-three fifths", "twenty-three fifths", "number", 4.6, None),
    ("five eighths of", "five eighths", "number", 0.625, None),
    ("one-eighth", "one-eighth", "number", 0.125, None),
    ("half a dozen", "half a dozen", "number", 6, None),
    ("two hundred dozens", "two hundred dozens", "number", 2400, None),
    ("three crore twelve lakh fifty-six thousand seven hundred twenty-one",
     "three crore twelve lakh fifty-six thousand seven hundred twenty-one", "number", 31256721, None),
    ("The answer is negative one", "negative one", "number", -1, None),
    ("thirty percentage", "thirty percentage", "percent", 30, "percent"),
    ("one hundred percents", "one hundred percents", "percent", 100, "percent"),
    ("just need minus five percent", "minus five percent", "percent", -5, "percent"),
    # one of a measuring unit
    ("a liter", "a liter", "quantity", 1, "liter"),
    ("an ml", "an ml", "quantity", 1, "milliliter"),
    ("within a mile of the base", "a mile", "quantity", 1, "mile"),
    ("I want a hundred and two of those", "a hundred and two", "number", 102, None),
    # a number word inside the phrase after a count starts another figure: the count keeps its own noun
    ("The force fielded 130 SS-19s carrying six warheads each.", "130", "count", 130, "SS-19"),
    ("Each squadron flies 12 Rafales carrying two missiles.", "12", "count", 12, "rafale"),
    ("The army bought 40 trucks hauling three trailers in all.", "40", "count", 40, "truck"),
    # a day number after a currency sign is a price, not a date
    ("almost triple the €22 of March 2020", "€22", "currency", 22, "EUR"),
    ("the $9 of May", "$9", "currency", 9, "USD"),
    # a hyphenated scale after a currency sign: an amount used as an adjective
    ("a ₹2,960-crore order", "₹2,960-crore", "currency", 29_600_000_000, "INR"),
    ("a $5-billion deal", "$5-billion", "currency", 5e9, "USD"),
    ("a £1.2-million contract", "£1.2-million", "currency", 1.2e6, "GBP"),
]


@pytest.mark.parametrize("text,figure,typ,value,unit", FORMS, ids=[f[1] for f in FORMS])
def test_form(text: str, figure: str, typ: str, value: float, unit: str | None) -> None:
    m = covering(text, figure)
    assert m.text == text[m.start:m.end]
    if typ == "number":
        assert m.type in ("number", "count"), m
    else:
        assert m.type == typ, m
    assert math.isclose(m.value, value, rel_tol=1e-9), m
    if unit is not None:
        assert m.unit == unit, m


@pytest.mark.parametrize("text,expected", [
    ("one and two and three", [1, 2, 3]),
    ("one, two and three", [1, 2, 3]),
    ("twenty five and thirty six", [25, 36]),
    ("twenty five thirty six one hundred", [25, 36, 100]),
    ("one hundred and twenty", [120]),
    ("twenty thirty fifty hundred", [20, 30, 5000]),
    ("a pair of radars", [2]),
    ("five more than the dozen it had", [5, 12]),
])
def test_number_word_runs_split_where_a_new_number_starts(text: str, expected: list[float]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize("text", ["The one you mentioned is invalid", "Which one do you prefer?",
                                  "That one is really good",
                                  # after a determiner and an adjective, with no noun after it
                                  "The old plant is full; the new one will make more.",
                                  "It plans a bigger one in 2027.", "He said the first one was late."])
def test_one_as_a_pronoun_is_not_a_number(text: str) -> None:
    assert values(text) == []


@pytest.mark.parametrize("text,not_amount", [
    ("Lockheed Martin delivered the F-35 to Norway.", "35"),
    ("The F-16 Block 70 jets arrive in 2026.", "70"),
    ("Hanwha's K9A1 howitzers", "9"),
    ("The 4x4 vehicles", "4x4"),
    ("Call +1 202 555 0143 for details.", "202"),
    ("Signed on Sept. 29, 2025 in Ankara.", "29"),
    ("Operations run 24/7 at the plant.", "24/7"),
    ("Results for 9M 2025 were published.", "9M"),
    ("The ship fired a .50 cal round.", ".50"),
    # a whole number with a leading zero is a code
    ("It asked for $848.3 billion (budget function 051), compared with $831.5 billion.", "051"),
    ("Line item 0042 funds spares for 12 aircraft.", "0042"),
    ("The 07 squadron moved to Ämari with 14 jets.", "07"),
    # an acronym and a version number with one decimal name a model
    ("It shares about 70 per cent of its parts with the LAV 6.0 fleet.", "6.0"),
    ("The ACV 1.1 entered low-rate production in 2020.", "1.1"),
    ("Funding for NGAD 2.0 studies doubled.", "2.0"),
    # the number after "and" that names the next of a named pair, with no noun of its own
    ("Pléiades Neo 5 and 6 were lost in the launch failure.", "6"),
    ("Sentinel 2 and 3 are planned for 2027.", "3"),
    ("Galileo 27 and 28 were launched in 2021.", "28"),
    # a one-letter currency sign glued to a bare integer right after a name is a model, not rand
    ("The SkyRanger R70 entered service with the army in 2024.", "R70"),
    ("The Vektor R4 rifle costs R9,500.", "R4"),
    ("Army units still carry the Denel R5 carbine.", "R5"),
])
def test_designators_dates_and_phone_numbers_stay_non_amounts(text: str, not_amount: str) -> None:
    a = text.index(not_amount)
    b = a + len(not_amount)
    bad = [m for m in extract_text(text) if m.type in AMOUNTS and m.start < b and a < m.end
           and not (m.type == "quantity" and not_amount == ".50")]
    assert not bad, bad


@pytest.mark.parametrize("text", ["$3.50 a gallon", "15 radars a year", "a second contract", "a mileage"])
def test_article_before_a_rate_time_unit_or_word_is_not_one_unit(text: str) -> None:
    assert [m for m in extract_text(text) if m.type == "quantity"] == []


@pytest.mark.parametrize("text,figure", [("The Vektor R4 rifle costs R9,500.", "R9,500"),
                                         ("The deal with SkyRanger is worth R70 million.", "R70 million"),
                                         ("Denel R70 per round is the price.", "R70")])
def test_rand_after_a_name_with_a_scale_or_a_price_word_stays_money(text: str, figure: str) -> None:
    m = covering(text, figure)
    assert (m.type, m.unit) == ("currency", "ZAR")


def test_calibre_stays_a_quantity_in_millimetres() -> None:
    m = covering("fitted with a 155mm gun", "155mm")
    assert (m.type, m.value, m.unit) == ("quantity", 155, "millimeter")


def test_inch_needs_to_be_glued() -> None:
    assert [m.type for m in extract_text("delivered 98 in 2023") if m.text.startswith("98")] == ["count"]


def test_million_after_a_figure_is_its_scale_not_a_second_number() -> None:
    ms = [m for m in extract_text("a $1.2 million order") if m.type in AMOUNTS]
    assert [(m.type, m.value) for m in ms] == [("currency", 1.2e6)]


def test_a_fraction_word_before_a_noun_is_an_ordinal() -> None:
    assert values("Sweden ordered a third GlobalEye") == []
    assert values("two fifth-generation fighters") in ([2], [2.0])


def test_compound_parts_that_do_not_shrink_stay_two_figures() -> None:
    assert values("ranges of 30 km and 50 km") == [30, 50]


@pytest.mark.parametrize("text,bare,unit", [
    ("Operating profit rose to 1,331 million Swedish crowns (about $126 million) from 1,065 million a year earlier.",
     "1,065 million", "SEK"),
    ("The contract is worth €2.1 billion (about $2.3 billion), up from 1.8 billion in the first award.",
     "1.8 billion", "EUR"),
    ("Revenue reached 4,500 million yen (US$30 million), against 3,900 million a year before.", "3,900 million", "JPY"),
])
def test_a_bare_amount_does_not_borrow_the_currency_of_a_bracketed_aside(text: str, bare: str, unit: str) -> None:
    m = covering(text, bare)
    assert (m.type, m.unit) == ("currency", unit), m


@pytest.mark.parametrize("text", [
    "The agency has ordered Double Eagle remotely operated vehicles and spare parts for the mine countermeasure vessels.",
    "The regiment won the Triple Crown trophy at this year's gunnery competition held in the north of the country.",
    "Crews trained on the Double Tap drill before the deployment, the brigade said in a statement on its website.",
])
def test_a_capital_multiple_word_before_a_capital_word_is_a_name(text: str) -> None:
    assert [m.text for m in extract_text(text) if m.role == "multiple"] == []


def test_a_multiple_word_is_still_read_in_prose_and_title_case() -> None:
    assert [m.text for m in extract_text("Double the budget, the minister said, and the Army would grow.")
            if m.role == "multiple"] == ["Double"]
    assert [m.text for m in extract_text("Saab Exports Double In Record Year") if m.role == "multiple"] == ["Double"]


@pytest.mark.parametrize("text,name", [
    ("They plan to retire the Hkp 14 in the early 2030s.", "Hkp 14"),
    ("The Saab 340 in service since 1984 will be replaced.", "Saab 340"),
    ("Crews moved from the Puma 330 in stages.", "Puma 330"),
])
def test_a_name_then_a_number_before_the_preposition_in_is_a_model(text: str, name: str) -> None:
    # "in" before words is the preposition, not inches: no unit follows the number, so the name and number are a model's
    assert [(m.text, m.type) for m in extract_text(text) if m.type != "date"] == [(name, "identifier")]


@pytest.mark.parametrize("text,bare,unit", [
    ("Navy buys six new hulls\n\nThe army will have 90 launchers by 2027 and six more on option.", "six more", "launcher"),
    ("Airbus delivers 12 tankers in 2024\n\nThe air force now flies 240 jets, and 15 are on order.", "15 are", "jet"),
    ("Thales wins radar order for 8 sites\n\nThe network will grow to 120 radars by 2030, with 9 added next year.",
     "9 added", "radar"),
])
def test_a_bare_count_takes_the_noun_of_its_own_sentence_before_another_lines(text: str, bare: str, unit: str) -> None:
    # a count of like size on a line before (a headline) lends its noun only when the bare count's sentence has none
    at = text.index(bare)
    got = [(m.type, m.unit) for m in extract_text(text) if m.start == at]
    assert got == [("count", unit)], got


@pytest.mark.parametrize("text,expected", [
    ("Country\tSEK million\t% of total", []),
    ("All figures in EUR million unless stated otherwise.", []),
    ("Revenue (USD thousand) rose.", []),
    ("Hundreds of jobs and millions of euros", []),
    ("a million rounds and one billion dollars", [1e6, 1e9]),
])
def test_a_scale_word_alone_is_no_number(text: str, expected: list[float]) -> None:
    """"SEK million" as a header, "in EUR million": a scale word with no number before it counts nothing (it was
    read as 1,000,000, and "million\\t%" as a share of a million percent); "a million", "one billion" are numbers."""
    assert values(text) == expected


@pytest.mark.parametrize("text,figure,step", [("four and a half years", "four and a half years", 0.25),
                                              ("two and a quarter million euros", "two and a quarter million", 125_000.0),
                                              ("4.5 years", "4.5 years", 0.05)])
def test_a_number_in_words_with_a_fraction_is_rounded_to_it(text: str, figure: str, step: float) -> None:
    """"four and a half years" is a figure rounded to the half: it covers 4.25-4.75 years, unlike "4.5 years"."""
    assert covering(text, figure).half_step == pytest.approx(step)


@pytest.mark.parametrize("text,figure,unit", [
    # a scaled figure restating the count right before it counts its thing
    ("Russian forces were firing 20,000 shells a day, or 7.3 million a year.", "7.3 million", "shell"),
    ("The plant makes 450 drones a week, or about 23,000 a year.", "23,000", "drone"),
    ("Kyiv received 3,100 missiles per month, i.e. 37,200 a year.", "37,200", "missile"),
    # a number glued to a noun before another noun counts that noun: "a four-engine tanker" is four engines
    ("The air force bought a four-engine tanker for the fleet.", "four-engine", "engine"),
    ("The army ordered 40 six-wheel trucks and a 12-man crew trainer.", "12-man", "man"),
    ("The 32-nation alliance met in Vilnius.", "32-nation", "nation"),
])
def test_the_grammar_says_what_a_count_counts(text: str, figure: str, unit: str) -> None:
    m = covering(text, figure)
    assert (m.type, m.unit, m.text) == ("count", unit, figure)


@pytest.mark.parametrize("text,word", [
    # a number word glued to a noun in -er names a type of thing, it counts nothing
    ("Poland ordered 48 jets, 12 of them two-seaters.", "two-seaters"),
    ("The Navy operates three-seater trainers at two bases.", "three-seater"),
    ("The army kept a fleet of four-wheelers for patrols.", "four-wheelers"),
])
def test_a_number_word_glued_to_a_noun_in_er_is_a_type_name(text: str, word: str) -> None:
    i = text.index(word)
    assert not [m for m in extract_text(text) if m.start < i + len(word) and i < m.end and m.value in (2, 3, 4)]


@pytest.mark.parametrize("text, figure", [
    ("The order takes Emirates' 777X backlog to 270 aircraft, up from 205.", "777X"),
    ("Boeing has 481 orders for the 777X family.", "777X"),
    ("The 400X demonstrator flew in May.", "400X"),
])
def test_a_capital_x_glued_to_three_digits_names_a_model_not_a_multiple(text: str, figure: str) -> None:
    a = text.index(figure)
    assert not [m for m in extract_text(text) if m.role == "multiple" and m.start < a + len(figure) and a < m.end]


def test_a_capital_x_after_a_small_figure_is_still_a_multiple() -> None:
    text = "Revenue grew 3X in five years."
    a = text.index("3X")
    assert [m for m in extract_text(text) if m.role == "multiple" and m.start <= a < m.end]


def types_at(text: str, figure: str) -> list[str]:
    """The types of the mentions that cover the first character of ``figure`` in ``text``."""
    a = text.index(figure)
    return [m.type for m in extract_text(text) if m.start <= a < m.end]


@pytest.mark.parametrize("text, figure, typ", [
    # a four-digit year after a determiner, before a noun, is a date (a count would be written "2,024 hires")
    ("About 1,100 of the 2024 hires had left by year-end.", "2024", "date"),
    ("The 1998 recruits were older.", "1998", "date"),
    ("Their 2023 intake was smaller.", "2023", "date"),
    ("About 1,100 of the 2,024 hires had left.", "2,024", "count"),
    # a bill's or a law's number is an identifier; "the U.S. 2024 budget" keeps its year
    ("The House version, H.R. 2102, had 318 cosponsors.", "2102", "identifier"),
    ("Its Senate companion, S. 1032, has 76 cosponsors.", "1032", "identifier"),
    ("The act became Public Law 118-31 in December.", "118-31", "identifier"),
    ("The U.S. 2024 budget rose.", "2024", "date"),
])
def test_the_kind_read_at_a_figure(text: str, figure: str, typ: str) -> None:
    assert types_at(text, figure) == [typ], [(m.text, m.type) for m in extract_text(text)]


@pytest.mark.parametrize("text,figure,typ,value,unit", [
    # a glued "m" in brackets after an amount of money in millions is the prior period's millions, not metres
    ("Order bookings SEK 27,845m (17,118m), +63%", "17,118m", "currency", 17_118e6, "SEK"),
    ("Operating profit was £331m (£244m) and sales £2,104m (1,890m).", "1,890m", "currency", 1_890e6, "GBP"),
    ("EBITDA of EUR 412m (388m) beat consensus.", "388m", "currency", 388e6, "EUR"),
    # ... and a glued "m" restated in feet is a length, whatever money the text names
    ("Sales were SEK 4,100m. The hull is 150m (492 ft) long.", "150m", "quantity", 150.0, "meter"),
    ("The £90m contract covers a 12m (39 ft) mast.", "12m", "quantity", 12.0, "meter"),
    ("A $40m upgrade lengthens the runway to 2,500m (about 8,200 ft).", "2,500m", "quantity", 2_500.0, "meter"),
])
def test_a_glued_m_by_its_bracket(text: str, figure: str, typ: str, value: float, unit: str) -> None:
    m = covering(text, figure)
    assert (m.type, m.unit) == (typ, unit) and math.isclose(m.value or 0.0, value, rel_tol=1e-9)


@pytest.mark.parametrize("text,figure,typ,value", [
    ("Sales were EUR 6.0 billion in the year.", "EUR 6.0 billion", "currency", 6.0e9),
    ("Orders of USD 1.2 and CAD 3.4 were booked.", "USD 1.2", "currency", 1.2),
    ("The mast is 12.5 m long.", "12.5 m", "quantity", 12.5),
])
def test_a_currency_code_or_a_unit_is_no_model_name(text: str, figure: str, typ: str, value: float) -> None:
    m = covering(text, figure)
    assert m.type == typ and math.isclose(m.value or 0.0, value, rel_tol=1e-9)


def test_a_count_after_a_named_item_and_and_keeps_its_noun() -> None:
    m = covering("The F-16 Block 70 and 12 more jets were ordered.", "12")
    assert m.type == "count" and m.value == 12


@pytest.mark.parametrize("text,figure,value", [
    # items of a list whose verb and noun the first item gave: a place or a company, then how many
    ("Tatra in Kopřivnice took 165, Excalibur Army in Šternberk 120 and other group companies 95.", "120", 120),
    ("Cherbourg took 390 of the recruits, Lorient 240, Brest 210 and Toulon 170.", "240", 240),
    ("Cherbourg took 390 of the recruits, Lorient 240, Brest 210 and Toulon 170.", "170", 170),
    ("Poland ordered 96 Apaches, Germany 60 and Spain 24, 180 helicopters in all.", "60", 60),
])
def test_a_name_and_number_in_a_gapped_list_is_a_count(text: str, figure: str, value: float) -> None:
    m = covering(text, figure)
    assert m.type == "count" and m.value == value


@pytest.mark.parametrize("text,figure", [
    ("The navy will buy the Type 26, Type 31 and Type 32 frigates.", "Type 31"),  # a designator word
    ("It flies 12 Saab 340 aircraft and the Boeing 737.", "Saab 340"),  # a number not ending its item
    ("Operators include Airbus, Leonardo 2020 and Saab.", "Leonardo 2020"),  # no figure in the item before
])
def test_a_name_and_number_outside_a_gapped_list_stays_a_name(text: str, figure: str) -> None:
    a = text.index(figure)
    assert not [m for m in extract_text(text) if m.type in AMOUNTS and m.start <= a + len(figure) - 1 and m.end > a
                and m.start >= a]
