"""report/json_.py writes indented JSON with a writer of its own (the standard encoder's indenting is a slow
Python generator): byte for byte what ``json.JSONEncoder(ensure_ascii=False, indent=2)`` writes, at any
nesting level, for every kind of value, and the same error for what JSON cannot hold."""

from __future__ import annotations

import json

import pytest

from factcheck.report.json_ import _dump

ENC = json.JSONEncoder(ensure_ascii=False, indent=2)
VALUES = [
    {}, [], (), "", "s", 0, -3, 10**30, 2.0, -0.0, 1e300, 2.48e-05, None, True, False,
    float("nan"), float("inf"), -float("inf"),
    {"a": [], "b": {}, "c": [[]], "d": [{}], "e": ({"f": (1, 2)},)},
    {"text": "é \" \\ \n \t \u2028 \x00 \U0001F600", "value": 12.5, "unit": None, "approx": False},
    [{"k": [[], {}, [[]]]}, 1, "x"],
    {1: 2}, {"a": {3: "x", None: 2, 2.5: 3, True: 4}},  # keys that are not strings: the standard encoder's way
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
@pytest.mark.parametrize("indent", ["", "  ", "      "])
def test_dump_is_the_standard_encoders_text(value: object, indent: str) -> None:
    assert _dump(value, indent) == ENC.encode(value).replace("\n", "\n" + indent)


def test_what_json_cannot_hold_fails_as_the_standard_encoder_fails() -> None:
    with pytest.raises(TypeError):
        _dump({"a": [object()]}, "")
    with pytest.raises(TypeError):
        _dump({("t",): 1}, "")
