"""The unit factor table (factcheck/extract/units.json) against pint, for every unit the shipped rules use."""

from __future__ import annotations

import itertools
import math
import subprocess
import sys

import pytest

from factcheck.extract import units

NAMES = sorted(units.shipped_unit_names())
# what the extractor builds from them: powers of lengths and per-unit rates ("J/m^2 per year", "l/km")
BUILT = ["square_meter", "cubic_kilometer", "meter ** 2", "kilometer ** 3", "joule / square_meter / year",
         "liter / kilometer", "meter / second ** 2", "kilogram / cubic_meter", "kilowatt_hour / year",
         "megabit / second", "metric_ton / day / kilometer"]


PINT_ONLY = {"caliber", "decade", "mach"}


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def test_the_table_is_what_pint_generates_today() -> None:
    """A unit added to rules/units.yaml needs `python -m factcheck.extract.units` (this fails until then)."""
    fresh = units.generate(units.shipped_unit_names())["units"]
    shipped = units.table()
    assert sorted(shipped) == sorted(fresh)
    for name, (f, o, dims) in fresh.items():
        sf, so, sdims = shipped[name]
        assert _close(sf, f) and _close(so, o) and dict(sdims) == dict(dims), name


def test_every_shipped_unit_is_in_the_table() -> None:
    """All but the names pint does not define ("caliber", "mach") and its logarithmic "decade" (pint's, not
    ten years: a known quirk of the shipped vocabulary; pint still converts those, as before)."""
    missing = [n for n in NAMES if units._parse(n) is None]
    assert missing == sorted(PINT_ONLY)
    assert units.dimension("caliber") is None and units.dimension("mach") is None


@pytest.mark.parametrize("name", sorted(set(NAMES + BUILT) - PINT_ONLY))
def test_dimension_matches_pint(name: str) -> None:
    pint_dims = units.registry().Unit(units._expr(name)).dimensionality
    got = units._parse(name)
    assert got is not None
    assert dict(got[3]) == {k: v for k, v in dict(pint_dims).items() if v}
    assert units.dimension(name) == units._pint_dimension(name)


def test_every_conversion_between_shipped_units_matches_pint() -> None:
    checked = 0
    tabled = sorted(set(NAMES + BUILT) - PINT_ONLY)  # those convert through pint itself
    for a, b in itertools.product(tabled, repeat=2):
        if not units.compatible(a, b):
            assert units.convert(3.7, a, b) is None
            assert units._pint_convert(3.7, a, b) is None, (a, b)
            continue
        for v in (3.7, -40.0, 1250.0):
            mine, theirs = units.convert(v, a, b), units._pint_convert(v, a, b)
            assert mine == theirs if mine is None or theirs is None else _close(mine, theirs), (a, b, v, mine, theirs)
        checked += 1
    assert checked > 300  # the pairs of like units are many: lengths, masses, speeds, energies, data sizes


def test_a_unit_the_table_does_not_know_goes_to_pint() -> None:
    assert units._parse("furlong") is None
    assert units.convert(1.0, "furlong", "meter") == units._pint_convert(1.0, "furlong", "meter") > 201
    assert units.compatible("furlong", "kilometer")
    assert units.convert(1.0, "no_such_unit", "meter") is None


def test_a_run_that_converts_units_does_not_import_pint() -> None:
    code = ("import sys\nfrom factcheck.extract.units import convert, compatible\n"
            "assert abs(convert(40, 'kilometer', 'mile') - 24.8548477) < 1e-6\n"
            "assert compatible('knot', 'kilometer_per_hour') and not compatible('knot', 'kilogram')\n"
            "from factcheck.extract import extract_text\nextract_text('a range of 40 km (25 miles) at 30 knots')\n"
            "print('pint' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_dimensions_read_the_same_from_the_table_and_from_pint():
    # kilowatt is in the shipped table, horsepower only in pint: one dimension, written one way
    assert units.dimension("kilowatt") == units.dimension("horsepower") == "[length] ** 2 * [mass] / [time] ** 3"
    assert units.compatible("horsepower", "kilowatt")
    assert not units.compatible("horsepower", "kilogram")
