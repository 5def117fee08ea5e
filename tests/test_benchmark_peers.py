"""The peer benchmark's matching and scoring rules (benchmarks/peers.py), on hand-made items and predictions.

Nothing here runs the extractor or quantulum3: the tests pin the scoring, not anyone's accuracy.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "peers.py"
_spec = importlib.util.spec_from_file_location("peers_benchmark", _PATH)
peers = importlib.util.module_from_spec(_spec)
sys.modules["peers_benchmark"] = peers
_spec.loader.exec_module(peers)

Item, Pred, Case = peers.Item, peers.Pred, peers.Case


def item(type_: str, value: float | None, unit: str | None = None, start: int | None = 0, end: int | None = 10,
         **kw) -> Item:
    return Item(type=type_, start=start, end=end, text="x", value=value, unit=unit, **kw)


def pred(kind: str, value: float | None, unit: str | None = None, start: int = 0, end: int = 10,
         high: float | None = None) -> Pred:
    return Pred(start=start, end=end, kind=kind, value=value, high=high, unit=unit)


def match(i: Item, p: Pred, numeral: bool = False) -> bool:
    return peers.item_matches(i, p, numeral_suite=numeral).ok


# ---------------------------------------------------------------------------------------- values and bounds


def test_close_uses_a_relative_tolerance_of_one_millionth():
    assert peers.close(103.666666666667, 103 + 2 / 3)
    assert peers.close(0.0, 0.0)
    assert not peers.close(1_000_806.0, 1_000_000.0)  # "10 kms" alone is not "10 kms, 8 meters and 6 cm"
    assert not peers.close(None, 1.0)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_close_is_reflexive_and_symmetric(x):
    assert peers.close(x, x)
    assert peers.close(x, x * (1 + 1e-9)) == peers.close(x * (1 + 1e-9), x)


def test_point_item_needs_a_point_prediction():
    assert peers.bounds_match(item("number", 50.0), 50.0, None)
    assert peers.bounds_match(item("number", 50.0), 50.0, 50.0)
    assert not peers.bounds_match(item("number", 50.0), 40.0, 50.0)


def test_duckling_intervals_compare_min_and_max():
    both = item("currency", None, "$", low=10.0, high=20.0)
    assert peers.bounds_match(both, 10.0, 20.0)
    assert not peers.bounds_match(both, 10.0, None)
    assert peers.bounds_match(item("currency", None, "$", low=1.42), 1.42, None)  # "at least $1.42"
    assert peers.bounds_match(item("currency", None, "EUR", high=7.0), 7.0, None)  # "under seven euros"
    assert not peers.bounds_match(item("currency", None, "EUR", high=7.0), 6.0, None)


def test_quantulum3_uncertainty_accepts_the_range_or_the_centre():
    it = item("quantity", 47.0, "milligram", uncertainty=3.0)  # "44 mg to 50 mg"
    assert peers.bounds_match(it, 44.0, 50.0)
    assert peers.bounds_match(it, 47.0, None)
    assert not peers.bounds_match(it, 44.0, None)


# ---------------------------------------------------------------------------------------- types and spans


def test_number_matches_number_and_count_but_not_other_types():
    assert match(item("number", 12.0), pred("number", 12.0))
    assert match(item("number", 12.0), Pred(0, 10, "number", 12.0, raw_type="count"))
    assert not match(item("number", 12.0), pred("ordinal", 12.0))
    assert not match(item("ordinal", 2.0), pred("number", 2.0))
    assert match(item("ordinal", 2.0), pred("ordinal", 2.0))
    assert match(item("percent", 30.0, "%"), pred("percent", 30.0, "percent"))
    assert not match(item("percent", 30.0, "%"), pred("number", 30.0))


def test_numeral_suites_accept_the_numeral_of_an_amount():
    # RT NumberModel reads 20 in "$20" and 3 in "3 years"; factcheck reports the whole amount.
    assert match(item("number", 20.0), pred("currency", 20.0, "USD"), numeral=True)
    assert match(item("number", 3.0), pred("quantity", 3.0, "year"), numeral=True)
    assert not match(item("number", 20.0), pred("currency", 20.0, "USD"), numeral=False)
    assert not match(item("number", 21.0), pred("currency", 20.0, "USD"), numeral=True)


def test_spans_must_overlap_unless_the_source_gives_none():
    it = item("number", 5.0, start=10, end=12)
    assert not match(it, pred("number", 5.0, start=0, end=10))
    assert match(it, pred("number", 5.0, start=11, end=20))
    assert match(item("number", 5.0, start=None, end=None), pred("number", 5.0, start=40, end=41))


def test_temperature_and_age_items_need_a_quantity():
    assert match(item("temperature", 90.0, "F"), pred("quantity", 90.0, "degree_Fahrenheit"))
    assert match(item("age", 5.0, "Year"), pred("quantity", 5.0, "year"))
    assert not match(item("age", 5.0, "Year"), pred("number", 5.0))


# ---------------------------------------------------------------------------------------- currency


def test_iso_currency_must_be_the_same_code():
    assert match(item("currency", 10.0, "CAD"), pred("currency", 10.0, "CAD"))
    assert not match(item("currency", 10.0, "CAD"), pred("currency", 10.0, "USD"))


def test_currency_names_stand_for_families_of_codes():
    assert match(item("currency", 5.0, "Dollar"), pred("currency", 5.0, "USD"))
    assert match(item("currency", 5.0, "$"), pred("currency", 5.0, "AUD"))
    assert match(item("currency", 5.0, "Pound"), pred("currency", 5.0, "GBP"))
    assert match(item("currency", 5.0, "£"), pred("currency", 5.0, "pound sterling"))
    assert not match(item("currency", 5.0, "Pound"), pred("currency", 5.0, "USD"))
    assert match(item("currency", 42.0, "unknown"), pred("currency", 42.0, "USD"))  # Duckling "bucks"


def test_cents_compare_with_the_major_unit_or_the_subunit():
    cents = item("currency", 50.0, "Cent")
    assert match(cents, pred("currency", 0.5, "USD"))
    assert match(cents, pred("currency", 50.0, "cent"))
    assert not match(cents, pred("currency", 50.0, "USD"))
    assert match(item("currency", 3.0, "dime"), pred("currency", 3.0, "dime"))


def test_unmapped_currency_name_compares_values_only_and_says_so():
    v = peers.item_matches(item("currency", 10.0, "Zorkmid"), pred("currency", 10.0, "XZK"))
    assert v.ok and not v.unit_checked


# ---------------------------------------------------------------------------------------- quantities


def test_source_unit_names_map_to_pint():
    assert peers.convert(1.0, peers.pint_units("kilometre")[0], "meter") == 1000.0
    assert peers.pint_units("Square meter") is not None
    assert peers.pint_units("kilometre per square second") is not None
    assert peers.pint_units("inverse femtobarn") is not None
    assert peers.pint_units("watt hour") is not None
    assert peers.pint_units("m") == ("meter", "mile")
    assert peers.pint_units("baker's dozen") is None
    assert peers.pint_units(None) is None


def test_quantities_compare_dimensionally():
    assert match(item("quantity", 94.0, "inch"), pred("quantity", 94 / 12, "foot"))  # "7 feet 10 inches"
    assert match(item("quantity", 2.0, "gram"), pred("quantity", 0.002, "kilogram"))  # "0.002 kg"
    assert match(item("quantity", 1.5, "Kilometer"), pred("quantity", 1500.0, "meter"))
    assert not match(item("quantity", 1.5, "Kilometer"), pred("quantity", 1.5, "kilogram"))
    assert match(item("quantity", 9.0, "m"), pred("quantity", 9.0, "meter"))
    assert match(item("quantity", 9.0, "m"), pred("quantity", 9.0, "mile"))


def test_temperatures_convert_with_their_offset():
    assert match(item("temperature", 212.0, "F"), pred("quantity", 100.0, "degree_Celsius"))
    assert match(item("temperature", 40.0, "degree"), pred("quantity", 40.0, "degree_Fahrenheit"))
    assert not match(item("temperature", 40.0, "C"), pred("quantity", 40.0, "degree_Fahrenheit"))


def test_ranges_convert_both_ends():
    it = item("quantity", None, "kilometre", low=3.0, high=5.0)
    assert match(it, pred("quantity", 3000.0, "meter", high=5000.0))
    assert not match(it, pred("quantity", 3000.0, "meter"))


def test_dimensionless_units_only_convert_within_their_family():
    assert match(item("quantity", 1.0, "byte"), pred("quantity", 8.0, "bit"))
    assert not match(item("quantity", 100.0, "Megabit"), pred("quantity", 100.0, "megabyte"))
    assert not match(item("quantity", 5.0, "second of arc"), pred("quantity", 5.0, "bit"))


def test_unmapped_quantity_unit_compares_values_only_and_says_so():
    v = peers.item_matches(item("quantity", 1.0, "baker's dozen"), pred("quantity", 1.0, "dozen"))
    assert v.ok and not v.unit_checked
    v = peers.item_matches(item("quantity", 2.0, "inch"), pred("quantity", 2.0, None))
    assert v.ok and not v.unit_checked


def test_unit_only_item_matches_a_mention_of_that_dimension():
    it = Item("temperature", 0, 10, "fahrenheit", None, "F")
    assert match(it, pred("quantity", None, "degree_Fahrenheit"))
    assert not match(it, pred("quantity", None, "meter"))


# ---------------------------------------------------------------------------------------- cases


def case(suite: str, expected: list[Item], text: str = "0123456789", cid: str = "X#1") -> Case:
    return Case(suite, cid, text, tuple(expected))


def test_negative_case_fails_only_on_a_prediction_of_the_suites_kind():
    neg = case("recognizers-text/NumberModel", [])
    assert peers.score_case(neg, [pred("quantity", 180.0, "milliliter")]).correct  # "the 180ml liquid"
    s = peers.score_case(neg, [pred("number", 180.0)])
    assert not s.correct and s.fp == 1


def test_extra_predictions_cost_precision_not_the_case():
    c = case("recognizers-text/CurrencyModel", [item("currency", 5.0, "Dollar", start=0, end=2)])
    s = peers.score_case(c, [pred("currency", 5.0, "USD", 0, 2), pred("currency", 7.0, "USD", 5, 8),
                             pred("number", 3.0, None, 8, 9)])
    assert s.correct and (s.tp, s.fn, s.fp) == (1, 0, 1)


def test_matching_is_one_to_one_and_maximal():
    c = case("recognizers-text/DimensionModel",
             [item("quantity", 1.0, "Meter", 0, 3), item("quantity", 1.0, "Meter", 4, 7)], "1 m 1 m")
    one = peers.score_case(c, [pred("quantity", 1.0, "meter", 0, 7)])
    assert (one.tp, one.fn, one.correct) == (1, 1, False)
    # The first prediction fits both items; augmenting paths still find the full matching.
    m = peers.max_matching(2, 2, lambda i, j: (i, j) in {(0, 0), (0, 1), (1, 0)})
    assert m == {0: 1, 1: 0}


def test_suite_kinds_decide_what_counts_as_a_false_positive():
    assert peers.of_kind(pred("quantity", 3.0, "meter"), "dimension")
    assert not peers.of_kind(pred("quantity", 3.0, "year"), "dimension")
    assert peers.of_kind(pred("quantity", 3.0, "year"), "time")
    assert peers.of_kind(pred("quantity", 3.0, "degree_Celsius"), "temperature")
    assert peers.of_kind(pred("currency", 3.0, "USD"), "any")
    assert not peers.of_kind(Pred(0, 1, "other", None, raw_type="date"), "any")


def test_tally_reports_case_accuracy_and_item_f1():
    t = peers.Tally()
    t.add(peers.CaseScore(True, 2, 0, 1, 0), oos=False, error=False)
    t.add(peers.CaseScore(False, 0, 2, 0, 0), oos=True, error=False)
    assert t.accuracy == 0.5 and t.in_scope_accuracy == 1.0
    assert t.precision == pytest.approx(2 / 3) and t.recall == 0.5
    assert t.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


# ---------------------------------------------------------------------------------------- adapters


def test_factcheck_adapter_survives_odd_mentions():
    p = peers.from_factcheck(SimpleNamespace(start=3, end=7, text="12 jets", type="count", value="12",
                                             value_high=float("nan"), unit="jet"))
    assert (p.kind, p.value, p.high, p.unit) == ("number", 12.0, None, "jet")
    q = peers.from_factcheck(object())
    assert (q.kind, q.value, q.start, q.end) == ("other", None, 0, 0)


def test_quantulum3_adapter_maps_currency_percent_and_uncertainty():
    def qty(name, entity, value, unc=None, code=None):
        unit = SimpleNamespace(name=name, entity=SimpleNamespace(name=entity), currency_code=code)
        return SimpleNamespace(span=(1, 5), value=value, uncertainty=unc, unit=unit, surface="s")

    assert peers.from_quantulum3(qty("pound sterling", "currency", 2000.0, code="GBP")).unit == "GBP"
    assert peers.from_quantulum3(qty("cent", "currency", 50.0)).unit == "cent"
    assert peers.from_quantulum3(qty("percentage", "dimensionless", 30.0)).kind == "percent"
    assert peers.from_quantulum3(qty("dimensionless", "dimensionless", 7.0)).kind == "number"
    r = peers.from_quantulum3(qty("milligram", "mass", 47.0, unc=3.0))
    assert (r.kind, r.value, r.high, r.unit) == ("quantity", 44.0, 50.0, "milligram")


# ---------------------------------------------------------------------------------------- scope and input


def test_out_of_scope_cases_carry_a_reason():
    ptb = case("recognizers-text/CurrencyModel", [Item("currency", 0, 12, "$ 75 million", 75e6, "Dollar")])
    assert "Penn-Treebank" in peers.out_of_scope_reason(ptb)
    unit_only = case("recognizers-text/DimensionModel", [Item("quantity", 0, 3, "mcg", None, "Microgram")])
    assert "unit word" in peers.out_of_scope_reason(unit_only)
    year = case("quantulum3/quantities", [Item("number", 0, 4, "1979", 1979.0)])
    assert "year" in peers.out_of_scope_reason(year)
    assert "IP address" in peers.out_of_scope_reason(case("recognizers-text/NumberModel", [], cid="NumberModel#1"))
    duck = Case("duckling/Numeral", "Numeral/allExamples#15", "a few", (Item("number", 0, 5, "a few", 3.0),))
    assert "vague" in peers.out_of_scope_reason(duck)
    assert peers.out_of_scope_reason(case("duckling/Temperature", [item("temperature", None, "degree")])) is None
    assert peers.out_of_scope_reason(case("duckling/Numeral", [Item("number", 0, 2, "14", 14.0)])) is None


def test_bad_peer_file_names_the_file_and_line(tmp_path):
    good = {"suite": "duckling/Numeral", "id": "n#0", "input": "14",
            "expected": [{"text": "14", "start": 0, "end": 2, "type": "number", "value": 14.0, "unit": None}]}
    (tmp_path / "duckling.en.jsonl").write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(peers.PeersError, match=r"duckling\.en\.jsonl:2: bad case"):
        peers.load_cases(tmp_path)
    (tmp_path / "duckling.en.jsonl").write_text(json.dumps(good) + "\n", encoding="utf-8")
    [c] = peers.load_cases(tmp_path)
    assert c.expected[0].value == 14.0


def test_missing_folder_is_exit_code_2(tmp_path, capsys):
    assert peers.main(["--peers", str(tmp_path / "nowhere"), "--no-quantulum3"]) == 2
    err = capsys.readouterr().err
    assert "nowhere" in err and err.count("\n") == 1


def test_table_leaves_quantulum3_columns_empty_without_it():
    t = peers.Tally()
    t.add(peers.CaseScore(True, 1, 0, 0, 0), oos=False, error=False)
    md = peers.markdown(["duckling/Numeral"], {"duckling/Numeral": t}, None, {"quantulum3": "not installed"})
    assert "| duckling/Numeral | 1 | 100.0 |  | 100.0 |  | in scope |" in md
    assert "- quantulum3: not installed" in md


def test_readme_table_is_replaced_between_markers_only():
    doc = "intro\n<!-- peers-table -->\nold table\n<!-- /peers-table -->\nafter\n"
    assert peers.replace_between_markers(doc, "| new |\n") == \
        "intro\n<!-- peers-table -->\n| new |\n<!-- /peers-table -->\nafter\n"
    assert peers.replace_between_markers("no markers", "| new |\n") is None


def test_real_mention_objects_convert():
    from factcheck.model import Mention

    p = peers.from_factcheck(Mention(start=4, end=16, text="$2.5 billion", type="currency", value=2.5e9, unit="USD"))
    assert (p.start, p.end, p.kind, p.value, p.unit) == (4, 16, "currency", 2.5e9, "USD")


def test_importing_the_benchmark_loads_no_tool():
    import subprocess

    code = ("import runpy, sys; runpy.run_path(sys.argv[1], run_name='peers_probe'); "
            "print(sorted(k for k in ('quantulum3', 'pint', 'factcheck') if k in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(_PATH)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "[]"


def test_an_amount_written_like_a_year_is_not_a_year():
    amount = Case("recognizers-text/NumberModel", "NumberModel#163", "I want to earn $2000 over 3 years",
                  (Item("number", 16, 20, "2000", 2000.0), Item("number", 26, 27, "3", 3.0)))
    assert peers.out_of_scope_reason(amount) is None
