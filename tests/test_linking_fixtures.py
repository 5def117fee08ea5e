"""Linking fixtures: per-kind YAML files under tests/fixtures/linking/, each case a short text and the status
the checker must give the figures in it (sqlfluff's rule test cases, for the linker).

A case::

    - id: to-from-with-per-share-between       # unique within the file
      text: "Net income fell 12% to $569 million, or $1.73 a share, from $683 million a year earlier."
      expect:                                    # figure text -> status (pass | warn | fail | none)
        "12%": {status: fail, expected_text: "17%"}
        "$1.73": none                            # no finding may touch this figure
      fails_elsewhere: false                     # default: no fail outside the expected ones
      as_of: "2026-01-15"                        # optional: the release's date (as --as-of gives it)

``none`` means no finding at all (not checked); a plain string value is the status. Every case runs the whole
pipeline (read → extract → link → judge). ``test_every_template_has_three_cases`` holds the grammar to the
project rule that no rule exists for one sentence: each template of rules/linking.yaml must be the evidence of
claims in at least three cases.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import pytest
import yaml

from factcheck.claims import link
from factcheck.extract import extract
from factcheck.judge import judge
from factcheck.model import Document, Finding
from factcheck.ruleset import RuleSet, load_rules

HERE = Path(__file__).resolve().parent / "fixtures" / "linking"
ROOT = Path(__file__).resolve().parent.parent


@cache
def rules() -> RuleSet:
    return load_rules()


def cases() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(HERE.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for case in data.get("cases") or []:
            out.append((f"{path.stem}:{case['id']}", case))
    return out


CASES = cases()


def run_case(text: str, as_of: str | None = None) -> tuple[list[Finding], list]:
    doc = Document(path="-", text=text)
    rs = rules()
    mentions = extract(doc, rs.vocab)
    claims, unchecked = link(doc, mentions, rs, as_of=date.fromisoformat(as_of) if as_of else None)
    return judge(doc, claims, rs, []), claims


def _span(text: str, needle: str) -> tuple[int, int]:
    i = text.find(needle)
    assert i >= 0, f"{needle!r} is not in the case's text"
    return i, i + len(needle)


@pytest.mark.parametrize("name,case", CASES, ids=[n for n, _ in CASES])
def test_case(name: str, case: dict) -> None:
    text = case["text"]
    findings, _ = run_case(text, case.get("as_of"))
    problems = []
    expected_spans = []
    for needle, want in (case.get("expect") or {}).items():
        want = want if isinstance(want, dict) else {"status": want}
        a, b = _span(text, needle)
        expected_spans.append((a, b))
        hits = [f for f in findings if f.start < b and a < f.end]
        status = want["status"]
        if status == "none":
            if hits:
                problems.append(f"{needle!r}: expected no finding, got {[(f.status, f.message) for f in hits]}")
            continue
        if not any(f.status == status for f in hits):
            problems.append(f"{needle!r}: expected {status}, got {[(f.status, f.message) for f in hits] or 'nothing'}")
        elif "expected_text" in want and not any(f.expected_text == want["expected_text"] for f in hits):
            problems.append(f"{needle!r}: expected_text {want['expected_text']!r}, got "
                            f"{[f.expected_text for f in hits]}")
    if not case.get("fails_elsewhere", False):
        stray = [f for f in findings if f.status == "fail" and not any(f.start < b and a < f.end
                                                                       for a, b in expected_spans)]
        if stray:
            problems.append(f"unexpected fails: {[(f.text, f.message) for f in stray]}")
    assert not problems, f"{name}\n  text: {text}\n  " + "\n  ".join(problems)


def test_fixture_ids_are_unique_and_cases_well_formed() -> None:
    names = [n for n, _ in CASES]
    assert len(names) == len(set(names)), [n for n, c in Counter(names).items() if c > 1]
    for name, case in CASES:
        assert isinstance(case.get("text"), str) and case.get("expect"), name


def test_every_template_has_three_cases() -> None:
    """No grammar for one sentence: every template of the shipped linking grammar is exercised by at least three
    cases the checker gets right - cases whose claims rest on its evidence, or cases written for it
    (``template: group.id``) whose text it matches."""
    from factcheck.claims.grammar import abstract, grammar_for, matches
    from factcheck.claims.scope import Ctx

    data = yaml.safe_load((ROOT / "rules" / "linking.yaml").read_text(encoding="utf-8"))
    grammar = data["vocabulary"]["linking"]["grammar"]
    g = grammar_for(rules().vocab)
    uses: Counter[str] = Counter()
    for _, case in CASES:
        _, claims = run_case(case["text"], case.get("as_of"))
        credited = {e.cue.replace(":", ".", 1) for c in claims for r in c.readings for e in r.evidence if ":" in e.cue}
        name = case.get("template")
        if name and name not in credited and "." in name:
            group, tid = name.split(".", 1)
        else:
            for cue in credited:
                uses[cue] += 1
            continue
        for cue in credited:
            uses[cue] += 1
        doc = Document(path="-", text=case["text"])
        ctx = Ctx(doc=doc, mentions=extract(doc, rules().vocab), rules=rules())
        for a, b in ctx.sents:
            ab = abstract(ctx.text, a, b, ctx.numbers_in(a, b), ctx.dates_in(a, b), g.prefix_re)
            if any(mt.template.id == tid for mt in matches(g, group, ab)):
                uses[name] += 1
                break
    thin = {f"{group}.{tid}": uses[f"{group}.{tid}"] for group, entries in grammar.items() for tid in entries
            if uses[f"{group}.{tid}"] < 3}
    assert not thin, f"templates with fewer than three passing cases that match them: {thin}"
