"""The kind registry is the one list: the rule-file schema, the shipped rules and rulecheck follow it."""

import json
from pathlib import Path

from factcheck import kinds, rulecheck
from factcheck.ruleset import load_rules

ROOT = Path(__file__).resolve().parent.parent


def test_schema_enum_is_the_registry():
    schema = json.loads((ROOT / "factcheck/schemas/ruleset.schema.json").read_text(encoding="utf-8"))
    kind = schema["$defs"]["rule"]["properties"]["kind"] if "rule" in schema.get("$defs", {}) else None
    text = json.dumps(schema)
    enum = None
    if kind is not None:
        enum = kind["anyOf"][0]["enum"]
    else:  # find the enum that lists percent_change
        for chunk in text.split('"enum": ')[1:]:
            values = json.loads(chunk[:chunk.index("]") + 1])
            if "percent_change" in values:
                enum = values
                break
    assert enum is not None
    assert sorted(enum) == sorted(kinds.KIND_NAMES)


def test_rulecheck_knows_every_kind():
    assert set(rulecheck.KINDS) == set(kinds.KINDS)


def test_every_shipped_rule_id_matches_its_kind():
    rs = load_rules((), (), ())
    for kind, k in kinds.KINDS.items():
        if k.arithmetic:
            rule = rs.rule(kind)
            assert rule is not None, kind
            assert rule.id == k.rule_id


def test_fixable_kinds_are_arithmetic():
    for name in kinds.FIXABLE:
        assert kinds.KINDS[name].arithmetic
