"""Word lists the linker reads from rules/linking.yaml (``linking: words:``) are data: a user's rule file that
extends one changes what the linker does, with no code touched."""

from __future__ import annotations

from pathlib import Path

from factcheck.claims import link
from factcheck.extract import extract
from factcheck.judge import judge
from factcheck.model import Document, Finding
from factcheck.ruleset import RuleSet, load_rules


def findings(text: str, rs: RuleSet) -> list[Finding]:
    doc = Document(path="-", text=text)
    mentions = extract(doc, rs.vocab)
    claims, _ = link(doc, mentions, rs)
    return judge(doc, claims, rs, [])


def touching(fs: list[Finding], text: str, figure: str) -> list[str]:
    at = text.index(figure)
    return [f.status for f in fs if f.start <= at < f.end or at <= f.start < at + len(figure)]


def user_words(tmp_path: Path, name: str, words: list[str]) -> RuleSet:
    p = tmp_path / "house.yaml"
    p.write_text("ruleset: house\nvocabulary:\n  linking:\n    words:\n      " + name + ": [" + ", ".join(words) +
                 "]\n", encoding="utf-8")
    return load_rules([str(p)])


# a change noun the shipped list lacks ("bounce"): a user's file that adds it makes the percentage a change claim
BOUNCE = [
    ("Headcount stood at 1,300, a 20% bounce on the 1,000 employed a year earlier.", "20%", "fail"),
    ("Deliveries reached 56 aircraft, a 40% bounce from the 40 of 2023.", "40%", "pass"),
    ("Exports climbed to ¥150 billion, the 50% bounce over last year's ¥100 billion led by radars.", "50%", "pass"),
]


def test_a_users_change_noun_makes_a_percentage_a_change(tmp_path: Path) -> None:
    shipped = load_rules()
    house = user_words(tmp_path, "change_nouns", ["bounce"])
    for text, pct, status in BOUNCE:
        assert touching(findings(text, shipped), text, pct) == [], text
        assert touching(findings(text, house), text, pct) == [status], text


def test_a_users_word_list_keeps_the_shipped_lists(tmp_path: Path) -> None:
    from factcheck.claims.grammar import grammar_for

    shipped = grammar_for(load_rules().vocab)
    house = grammar_for(user_words(tmp_path, "change_nouns", ["bounce"]).vocab)
    assert set(house.words("change_nouns")) == set(shipped.words("change_nouns")) | {"bounce"}
    assert house.words("deal_nouns") == shipped.words("deal_nouns")  # another list of the same mapping is kept


def test_shipped_named_level_nouns_keep_a_target_unlinked() -> None:
    rs = load_rules()
    for text in ["Only 9 allies met the 2% target in 2021; 23 did so in 2024.",
                 "The service holds a 5% goal for small suppliers, with 120 firms in 2023 against 100 in 2022.",
                 "Exports reached 40 systems, well past the 10% threshold the ministry set when it sold 20 in 2019."]:
        pct = text[:text.index("%") + 1].rsplit(" ", 1)[-1]
        assert touching(findings(text, rs), text, pct) == [], text


def test_the_grammar_regex_reads_a_list_by_name(tmp_path: Path) -> None:
    from factcheck.claims.grammar import grammar_for

    g = grammar_for(user_words(tmp_path, "first_deal_words", ["first", "founding"]).vocab)
    pat = g.regex(r"(?<![\p{L}\p{N}])@first_deal_words\s+@deal_nouns(?![\p{L}\p{N}])")
    assert pat.search("under the founding contract of 2019")
    assert pat.search("the FIRST order")
    assert not pat.search("the founding members")
