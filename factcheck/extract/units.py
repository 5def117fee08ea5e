"""Physical units through pint: one registry, built once, lazily (building it costs ~0.3 s, so a run
that converts nothing never pays for it). Unit *spellings* are vocabulary (rules/units.yaml)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .lazy import rx


@lru_cache(maxsize=1)
def registry() -> Any:
    import pint

    ureg = pint.UnitRegistry(cache_folder=None)
    return ureg


def _expr(unit: str) -> str:
    """Our unit names ("square_meter", "joule / square_meter / year") as pint expressions ("meter**2")."""
    return rx(r"\b(square|cubic)_(\w+)").sub(lambda m: f"{m.group(2)}**{2 if m.group(1) == 'square' else 3}", unit)


def convert(value: float, src: str, dst: str) -> float | None:
    """``value`` in pint unit ``src`` expressed in ``dst``; None if they measure different things."""
    import pint

    ureg = registry()
    try:
        return float(ureg.Quantity(value, _expr(src)).to(_expr(dst)).magnitude)
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError, AttributeError, ValueError):
        return None


@lru_cache(maxsize=256)
def dimension(unit: str) -> str | None:
    """Pint's dimensionality of a unit name, as a string ("[length]"), or None if unknown."""
    import pint

    try:
        return str(registry().Unit(_expr(unit)).dimensionality)
    except (pint.errors.UndefinedUnitError, AttributeError, ValueError, TypeError):
        return None


def compatible(a: str, b: str) -> bool:
    da, db = dimension(a), dimension(b)
    return da is not None and da == db
