"""Physical units: conversion and dimensions from a factor table generated from pint (units.json), so a run
does not import pint and build its registry (~0.2 s of CPU, more than the rest of a one-file check).

The table holds, for every pint unit name the shipped rules use (rules/units.yaml), its factor to pint's
root units, its offset (temperatures) and its dimensions. The names the extractor builds from them
("square_meter", "cubic_kilometer", "joule / square_meter / year", "meter ** 2") are composed from it. A
name the table does not know (a user's rule file naming another pint unit) goes to pint, as before:
one registry, built once, lazily. ``tests/test_units_table.py`` checks every shipped unit against pint and
that the table is up to date; regenerate it with ``python -m factcheck.extract.units``.
Unit *spellings* are vocabulary (rules/units.yaml).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .lazy import rx

TABLE_FILE = Path(__file__).with_name("units.json")

# factor to root units, offset, dimensions ((name, exponent), ...)
Entry = tuple[float, float, tuple[tuple[str, int], ...]]


@lru_cache(maxsize=1)
def registry() -> Any:
    import pint

    ureg: Any = pint.UnitRegistry(cache_folder=None)
    return ureg


def _expr(unit: str) -> str:
    """Our unit names ("square_meter", "joule / square_meter / year") as pint expressions ("meter**2")."""
    return rx(r"\b(square|cubic)_(\w+)").sub(lambda m: f"{m.group(2)}**{2 if m.group(1) == 'square' else 3}", unit)


@lru_cache(maxsize=1)
def table() -> dict[str, Entry]:
    """The shipped factor table (empty if it cannot be read: every conversion then goes to pint)."""
    try:
        data = json.loads(TABLE_FILE.read_text(encoding="utf-8"))
        return {name: (float(f), float(o), tuple((str(d), int(e)) for d, e in dims))
                for name, (f, o, dims) in data["units"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


@lru_cache(maxsize=512)
def _parse(unit: str) -> tuple[float, float, frozenset[tuple[str, int]], tuple[tuple[str, int], ...]] | None:
    """Factor, offset and dimensions of one of our unit names from the table; None if it needs pint."""
    t = table()
    terms = [x.strip() for x in _expr(unit).split("/")]
    factor, offset = 1.0, 0.0
    dims: dict[str, int] = {}
    for i, term in enumerate(terms):
        m = rx(r"([A-Za-z_]+)(?:\s*\*\*\s*([0-9]))?").fullmatch(term)
        if not m or m.group(1) not in t:
            return None
        f, o, ds = t[m.group(1)]
        power = int(m.group(2) or 1) * (-1 if i else 1)
        if o:
            if len(terms) > 1 or power != 1:
                return None  # an offset unit in a compound: pint decides (it refuses most)
            offset = o
        factor *= f ** power
        for d, e in ds:
            dims[d] = dims.get(d, 0) + e * power
    ordered = tuple((d, e) for d, e in dims.items() if e)
    return factor, offset, frozenset(ordered), ordered


def convert(value: float, src: str, dst: str) -> float | None:
    """``value`` in pint unit ``src`` expressed in ``dst``; None if they measure different things."""
    a, b = _parse(src), _parse(dst)
    if a is not None and b is not None:
        if a[2] != b[2]:
            return None
        return float((value * a[0] + a[1] - b[1]) / b[0])
    return _pint_convert(value, src, dst)


def _pint_convert(value: float, src: str, dst: str) -> float | None:
    import pint

    ureg = registry()
    try:
        return float(ureg.Quantity(value, _expr(src)).to(_expr(dst)).magnitude)
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError, AttributeError, ValueError):
        return None


def _render(dims: Iterable[tuple[str, int]]) -> str:
    """Dimensions written as pint writes them, in its order (by name): "[length] / [time]", "[mass] / [length] ** 3",
    "[length] ** 2 * [mass] / [time] ** 3" (whether the unit is in our table or only pint knows it)."""
    def one(d: str, e: int) -> str:
        return d if e == 1 else f"{d} ** {e}"

    dims = sorted(dims)

    up = " * ".join(one(d, e) for d, e in dims if e > 0)
    down = " / ".join(one(d, -e) for d, e in dims if e < 0)
    if not up and not down:
        return "dimensionless"
    return f"{up or '1'} / {down}" if down else up


@lru_cache(maxsize=256)
def dimension(unit: str) -> str | None:
    """Pint's dimensionality of a unit name, as a string ("[length]"), or None if unknown."""
    got = _parse(unit)
    if got is not None:
        return _render(got[3])
    return _pint_dimension(unit)


def _pint_dimension(unit: str) -> str | None:
    import pint

    try:
        return _render((str(d), int(e)) for d, e in registry().Unit(_expr(unit)).dimensionality.items())
    except (pint.errors.UndefinedUnitError, AttributeError, ValueError, TypeError):
        return None


def compatible(a: str, b: str) -> bool:
    pa, pb = _parse(a), _parse(b)
    if pa is not None and pb is not None:
        return pa[2] == pb[2]
    da, db = dimension(a), dimension(b)
    return da is not None and da == db


# ------------------------------------------------------------------------------------------------ the table

def atoms(names: list[str] | set[str]) -> list[str]:
    """The pint unit names inside our unit names ("gigabit / second" -> gigabit, second)."""
    out = set()
    for name in names:
        for term in _expr(name).split("/"):
            m = rx(r"\s*([A-Za-z_]+)").match(term)
            if m:
                out.add(m.group(1))
    return sorted(out)


def generate(names: list[str] | set[str]) -> dict[str, Any]:
    """The factor table for these unit names, computed by pint (needs pint)."""
    import pint

    ureg = registry()
    units: dict[str, list] = {}
    for atom in atoms(names):
        try:
            zero, one, ten = (float(ureg.Quantity(x, atom).to_root_units().magnitude) for x in (0.0, 1.0, 10.0))
        except (pint.errors.UndefinedUnitError, AttributeError, ValueError):
            continue  # not a pint unit ("caliber"): pint says so at run time, as before
        if not math.isclose(ten - zero, 10 * (one - zero), rel_tol=1e-12):
            continue  # a logarithmic unit (pint's "decade"): not a factor and an offset, pint converts it
        dims = [[d, int(e)] for d, e in ureg.Unit(atom).dimensionality.items()]
        units[atom] = [one - zero if zero else one, zero, dims]
    return {"generated_by": f"pint {pint.__version__}", "units": dict(sorted(units.items()))}


def shipped_unit_names() -> set[str]:
    """Every unit name the shipped rules map spellings to, and the compound-unit names."""
    from ..ruleset import load_rules

    vocab = load_rules().vocab
    return set((vocab.get("units") or {}).values()) | set(vocab.get("compound_units") or {})


def main() -> None:  # pragma: no cover - a maintainer's command
    """``python -m factcheck.extract.units``: regenerate units.json from pint and the shipped rules."""
    data = generate(shipped_unit_names())
    lines = [f" {json.dumps(k)}: {json.dumps(v)}" for k, v in data["units"].items()]
    TABLE_FILE.write_text('{"generated_by": ' + json.dumps(data["generated_by"]) + ', "units": {\n' + ",\n".join(lines)
                          + "\n}}\n", encoding="utf-8")
    print(f"wrote {TABLE_FILE} ({len(data['units'])} units, {data['generated_by']})")


if __name__ == "__main__":  # pragma: no cover
    main()
