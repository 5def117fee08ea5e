"""A wrong amount is named in the text's own form in the message: its currency sign, scale word and grouping."""

from __future__ import annotations

import pytest

from factcheck.model import Document
from factcheck.pipeline import run
from factcheck.ruleset import load_rules


@pytest.mark.parametrize("text,expected", [
    ("Sales climbed to €9.75 billion from €7.18 billion, an increase of €2.65 billion.",
     "€9.75 billion − €7.18 billion is €2.57 billion, not €2.65 billion"),
    ("The two contracts are worth $2.4 billion and $2.6 billion, $5.2 billion in all.",
     "the parts add up to $5.0 billion, not $5.2 billion"),
    ("A $208,452,108 modification brings the total value of the contract to $1,120,563,917 from $894,111,809.",
     "the parts add up to $1,102,563,917, not $1,120,563,917"),
])
def test_a_wrong_amount_is_named_as_the_text_writes_it(text: str, expected: str) -> None:
    fails = [f for f in run(Document(path="-", text=text), load_rules()).findings if f.status == "fail"]
    assert len(fails) == 1
    assert fails[0].message.startswith(expected), fails[0].message


def test_a_consistency_working_names_the_figure_given_elsewhere():
    from factcheck.judge import working
    from factcheck.model import Mention, Relation

    other = Mention(0, 13, "$385.7 million", "currency", 385.7e6, unit="USD")
    assert working(Relation("equal", (other,)), 385.7e6) == "given elsewhere as 385.7 million"
