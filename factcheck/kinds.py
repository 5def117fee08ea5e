"""The registry of claim kinds: one entry per kind, from which rule ids, the rule-file schema's enum,
the fixable kinds and the tests derive (yamllint's plain-dict registry).

A new kind is one entry here, a linker module in ``claims/`` that emits it, a rule in ``rules/core.yaml``
and its fixtures in ``tests/fixtures/linking/``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """One kind of claim: its name in the contract, the rule that judges it, and whether --fix may rewrite it."""

    name: str  # the kind as CONTRACT.md spells it ("percent_change")
    rule_id: str  # the id of the shipped rule that judges it ("percent-change")
    description: str
    fixable: bool = False  # ``--fix`` may rewrite the stated figure
    arithmetic: bool = True  # judged by recomputing a formula (False: a style or pattern finding)


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("percent_change", "percent-change", "a stated percentage rise or fall between two stated values", fixable=True),
    Kind("multiple", "multiple", "doubled, tripled, halved, 'three times', 'x-fold' between two stated values"),
    Kind("share", "share", "a part as a percentage or fraction of a stated whole; margins; shares adding to 100%",
         fixable=True),
    Kind("sum", "sum", "a stated total of stated parts", fixable=True),
    Kind("difference", "difference", "a stated difference between two stated values", fixable=True),
    Kind("per_unit", "per-unit", "a unit price or rate from a total and a count", fixable=True),
    Kind("conversion", "conversion", "a value restated in other units", fixable=True),
    Kind("currency_conversion", "currency-conversion", "a value restated in another currency"),
    Kind("consistency", "consistency", "the same quantity stated twice with different values"),
    Kind("duration", "duration", "a stated span derived from two dates"),
    Kind("range", "range", "a value that cannot be (a share above 100%, a fall of more than 100%)"),
    Kind("fact", "fact", "a figure that contradicts a reference fact in a fact pack"),
    Kind("multiple_style", "multiple-style", "'three times more' and 'four times less' are ambiguous",
         arithmetic=False),
    Kind("style", "style", "a house-style pattern rule (rules with a `pattern`)", arithmetic=False),
)}

RULE_IDS: dict[str, str] = {k.name: k.rule_id for k in KINDS.values()}
FIXABLE: frozenset[str] = frozenset(k.name for k in KINDS.values() if k.fixable)
KIND_NAMES: tuple[str, ...] = tuple(KINDS)
