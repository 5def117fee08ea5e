"""Measured on the labeled corpus (../shared/corpus, LABELS.md), when it is there: every labeled check that lives
on a table line of an ra-*/hx-* article is claimed by the table checks with the labeled operands.

A table line is told apart from prose without the table finder: at least three bare figures on the line, the
labeled figure one of them, and no sentence punctuation. Run with -s to see the figures.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factcheck.claims.tables import find
from factcheck.document import read_path
from factcheck.ruleset import load_rules

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
_BARE = re.compile(r"^[-+−–(]?\d[\d,.]*\)?%?$")


def _table_checks() -> list[tuple[Path, dict]]:
    out = []
    for lab in sorted(CORPUS.glob("*.json")):
        if not lab.stem.startswith(("ra-", "hx-")):
            continue
        data = json.loads(lab.read_text(encoding="utf-8"))
        lines = lab.with_suffix(".txt").read_text(encoding="utf-8").split("\n")
        for c in data.get("checks", []):
            line = lines[c["line"] - 1]
            toks = line.split()
            if sum(bool(_BARE.match(t)) for t in toks) >= 3 and _BARE.match(c["text"].strip()) \
                    and not line.rstrip().endswith(".") and ". " not in line:
                out.append((lab.with_suffix(".txt"), c))
    return out


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the labeled corpus is not next to this checkout")
def test_every_labeled_table_claim_is_claimed_with_its_operands():
    rules = load_rules()
    checks = _table_checks()
    assert checks, "no labeled table claims found"
    got, missed = 0, []
    docs: dict[Path, tuple] = {}
    for path, c in checks:
        if path not in docs:
            doc = read_path(str(path))
            docs[path] = (doc, find(doc, [], rules)[0])
        doc, claims = docs[path]
        text = c["text"].strip()
        hit = None
        for cl in claims:
            pos = doc.locate(cl.span[0])
            if pos.line == c["line"] and doc.text[cl.span[0]:cl.span[1]] == text:
                ops = sorted(m.text for m in cl.readings[0].operands)
                if ops == sorted(o.strip() for o in c["operands"]) and cl.kind == c["kind"]:
                    hit = cl
                    break
        if hit is None:
            missed.append(f"{path.stem}:{c['line']} {c['kind']} {text!r}")
        else:
            got += 1
    print(f"\ntable claims checked with the labeled operands: {got} of {len(checks)}")
    assert not missed, missed


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the labeled corpus is not next to this checkout")
def test_no_right_table_claim_fails_and_every_one_is_judged():
    from factcheck.pipeline import run

    rules = load_rules()
    checks = _table_checks()
    statuses: list[str] = []
    wrong = []
    docs: dict[Path, tuple] = {}
    for path, c in checks:
        if path not in docs:
            doc = read_path(str(path))
            docs[path] = (doc, run(doc, rules).findings)
        doc, findings = docs[path]
        got = [f.status for f in findings if doc.locate(f.start).line == c["line"]
               and doc.text[f.start:f.end] == c["text"].strip()]
        statuses.append(got[0] if got else "none")
        if (c["verdict"] == "pass" and "fail" in got) or (c["verdict"] == "fail" and "fail" not in got):
            wrong.append(f"{path.stem}:{c['line']} {c['text']!r} labeled {c['verdict']}, found {got}")
    print(f"\ntable claims judged: {sum(s != 'none' for s in statuses)} of {len(checks)} "
          f"({statuses.count('pass')} pass, {statuses.count('warn')} warn, {statuses.count('fail')} fail)")
    assert not wrong, wrong
