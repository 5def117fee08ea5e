"""Reference facts (kind ``fact``): a figure about a known subject, compared with a fact pack's value.

A fact (rules/facts/*.yaml, or a user's rule file) is

    - id: cobra-ii-romania-value
      subject: [["COBRA II", "contract"]]   # one entry per way of naming the subject
      type: currency                        # currency | count | quantity | percent | number
      value: 857000000
      unit: EUR                             # currency: ISO 4217; quantity: pint unit name
      noun: vehicle                         # count: the counted noun, singular
      source: https://...                   # cited by every finding
      tolerance: 0.0                        # optional relative slack beyond the figure's rounding

A mention is *about* a fact when its paragraph contains every phrase of one ``subject`` entry (a phrase,
or a list of phrases; case-insensitive, whole words) and it has the fact's type (and currency, unit or
counted noun). Per paragraph:

- a figure that agrees with one of the facts it could be about (read at its own precision and hedge:
  "€0.86 billion" and "about €850 million" both agree with 857,000,000) is a passing claim;
- a figure that agrees with none is a failing claim, unless the paragraph already states each of those
  facts correctly elsewhere (then it is some other figure: a part, last year's number), and only the
  figure nearest the subject's words counts; it is confident (may fail rather than warn) when its own
  sentence names the subject.

Rates ("€809,000 each") are never compared with a total.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from ..extract import fastregex as regex
from ..extract.lazy import rx
from ..model import Claim, Document, Evidence, Finding, Fix, Mention, Relation
from ..ruleset import RuleSet
from .reading import noun_class
from .scope import Ctx


def is_rate(ctx: Ctx, m: Mention) -> bool:
    """A figure per something ("$82 million per jet", "300 aircraft a year", "€809,000 each")."""
    return bool(regex.match(r"\s*(?:per|each|apiece|a\s+(?:year|month|day|week|piece|unit)|an\s+(?:hour|item)|"
                            r"on\s+average|/\s*\p{L})\b", ctx.text[m.end:m.end + 30], regex.I))

Fact = dict[str, Any]


def subject_entries(fact: Fact) -> list[list[str]]:
    """A fact's subject as a list of entries, each a list of phrases that must all appear."""
    subj = fact.get("subject")
    if isinstance(subj, str):
        return [[subj]]
    out = []
    for entry in subj or []:
        if isinstance(entry, str):
            out.append([entry])
        elif isinstance(entry, list | tuple):
            out.append([str(p) for p in entry])
    return out


@lru_cache(maxsize=1024)
def phrase_re(phrase: str) -> regex.Pattern:
    words = [regex.escape(w) for w in phrase.split()]
    return rx(r"(?<![\p{L}\p{N}])" + r"\s+".join(words) + r"(?![\p{L}\p{N}])", regex.I)


def subject_hits(text: str, a: int, b: int, fact: Fact) -> list[int] | None:
    """Offsets of the subject's phrases in ``text[a:b]`` (one entry fully present), or None."""
    for entry in subject_entries(fact):
        hits: list[int] = []
        for phrase in entry:
            found = [m.start() for m in phrase_re(phrase).finditer(text, a, b)]
            if not found:
                break
            hits += found
        else:
            if entry:
                return hits
    return None


def type_matches(fact: Fact, m: Mention, vocab: dict) -> bool:
    if m.type != fact.get("type") or m.value is None:
        return False
    unit = fact.get("unit")
    if m.type == "currency":
        return bool(unit) and (m.unit or "").upper() == str(unit).upper()
    if m.type == "count":
        noun = fact.get("noun")
        if not noun:
            return True
        if not m.unit:
            return False
        return m.unit.lower() == noun.lower() or noun_class(vocab, m.unit) == noun_class(vocab, noun)
    if m.type == "quantity" and unit:
        return m.unit == unit
    return True


def accepted(m: Mention, vocab: dict, tolerance: float = 0.0) -> tuple[float, float]:
    """The values figure ``m`` covers as written: its last digit's rounding, its hedge, a range's span."""
    from ..judge import figure_interval, hedge_window

    assert m.value is not None
    step = m.half_step or 0.0
    lo, hi = figure_interval(m.value, step, hedge_window(m, vocab))
    if m.value_high is not None:
        hi = max(hi, m.value_high + step)
    slack = abs(m.value) * tolerance
    return lo - slack, hi + slack


def agrees(m: Mention, fact: Fact, vocab: dict) -> bool:
    lo, hi = accepted(m, vocab, float(fact.get("tolerance") or 0.0))
    return lo <= float(fact["value"]) <= hi


# ------------------------------------------------------------------------------------------------- linking

def claims_in(ctx: Ctx) -> list[Claim]:
    facts = [f for f in ctx.rules.facts if "value" in f]
    if not facts:
        return []
    out: list[Claim] = []
    for a, b in ctx.paras or ((0, len(ctx.text)),):
        about = [(f, hits) for f in facts if (hits := subject_hits(ctx.text, a, b, f)) is not None]
        if about:
            out += _paragraph_claims(ctx, a, b, about)
    return out


def _paragraph_claims(ctx: Ctx, a: int, b: int, about: list[tuple[Fact, list[int]]]) -> list[Claim]:
    vocab = ctx.vocab
    cands: list[tuple[Mention, list[Fact]]] = []
    for m in ctx.numbers_in(a, b):
        if m.role or m.type not in ("percent", "currency", "count", "quantity", "number"):
            continue
        matches = [f for f, _ in about if type_matches(f, m, vocab)]
        if matches and not is_rate(ctx, m):
            cands.append((m, matches))
    out: list[Claim] = []
    stated: set[str] = set()  # facts some figure here states correctly
    wrong: list[tuple[Mention, list[Fact]]] = []
    for m, matches in cands:
        good = [f for f in matches if agrees(m, f, vocab)]
        if good:
            stated.update(str(f["id"]) for f in good)
            out.append(Claim("fact", (m.start, m.end), m, (), {"fact": good[0], "matches": matches}))
        else:
            wrong.append((m, matches))
    hits = {str(f["id"]): h for f, h in about}
    best: dict[frozenset[str], tuple[int, Mention, list[Fact]]] = {}
    for m, matches in wrong:
        ids = frozenset(str(f["id"]) for f in matches)
        if ids <= stated:
            continue
        dist = min(abs(h - m.start) for i in ids for h in hits[i])
        if ids not in best or dist < best[ids][0]:
            best[ids] = (dist, m, matches)
    for _, m, matches in best.values():
        s, e = ctx.sentence(m.start)
        confident = any(s <= h < e for f in matches for h in hits[str(f["id"])])
        fact = min(matches, key=lambda f: _distance(m, f))
        out.append(Claim("fact", (m.start, m.end), m, (), {"fact": fact, "matches": matches}, confident=confident))
    return sorted(out, key=lambda c: c.span)


def _distance(m: Mention, fact: Fact) -> float:
    v, w = abs(m.value or 0.0), abs(float(fact["value"]))
    if v == 0 or w == 0:
        return math.inf
    return abs(math.log(v / w))


def find_claims(doc: Document, mentions: list[Mention], rules: RuleSet) -> list[Claim]:
    """The fact claims in a document (each ``params``: ``fact``, the nearest fact; ``matches``, all facts
    the figure could be about)."""
    return claims_in(Ctx(doc=doc, mentions=mentions, rules=rules))


def find(ctx: Ctx) -> None:
    """Linker entry point (claims/__init__.py): a fact claim reads the reference figure as the value the stated
    one must cover; the judge compares them like any claim (the figure's precision and hedge, the fact's
    tolerance). Sure only when the figure's own sentence names the subject."""
    rule = ctx.rules.rule("fact")
    if rule is None:
        return
    for c in claims_in(ctx):
        fact = c.params["fact"]
        value = float(fact["value"])
        tol = abs(value) * float(fact.get("tolerance") or 0.0)
        plain = f"{_fmt(value)} {fact.get('unit') or fact.get('noun') or ''}".strip()
        ev = Evidence("fact:" + str(fact["id"]), f"about {fact['id']} (its subject is named "
                      f"{'in the sentence' if c.confident else 'in the paragraph'})", 4.5 if c.confident else 2.5,
                      c.confident)
        rel = Relation("given", (), (ev,), computed=(value - tol, value + tol), point=value,
                       note=f"reference figure {fact['id']}: {plain}", source=fact.get("source"))
        ctx.add(Claim("fact", c.span, c.stated, readings=(rel,), params={"fact": fact, "matches": c.params["matches"]}))


# ------------------------------------------------------------------------------------------------- judging

def _restate(m: Mention, value: float, doc_text: str | None) -> str:
    from ..judge import restate

    text = doc_text if doc_text is not None and doc_text[m.start:m.end] == m.text else " " * m.start + m.text
    return restate(m, value, text)


def verdict(c: Claim, rules: RuleSet, doc_text: str | None = None) -> dict[str, Any]:
    """pass when the figure agrees with a fact it could be about, fail (citing fact and source) when it
    agrees with none; the judge's ``verdict`` dictionary (see judge.judge_one)."""
    m: Mention = c.stated  # type: ignore[assignment]
    fact: Fact = c.params["fact"]
    matches: list[Fact] = c.params.get("matches") or [fact]
    vocab = rules.vocab
    lo, hi = accepted(m, vocab, float(fact.get("tolerance") or 0.0))
    value = float(fact["value"])
    ref = _restate(m, value, doc_text)
    plain = f"{_fmt(value)} {fact.get('unit') or fact.get('noun') or ''}".strip()
    src = fact.get("source")
    tol = "the stated figure read at its last digit" + (f" and its hedge '{m.hedge}'" if m.hedge else "")
    if fact.get("tolerance"):
        tol += f", plus {float(fact['tolerance']):.1%}"
    common = {"claimed": m.value, "computed": value, "accepted": (lo, hi), "source": src, "tolerance": tol}
    if agrees(m, fact, vocab):
        return {**common, "status": "pass", "message": f"{m.text} agrees with the reference figure {plain} "
                f"(fact {fact['id']}, source: {src})", "explanation": f"{fact['id']}: {plain}"}
    others = [f for f in matches if f is not fact]
    also = f"; also not {', '.join(str(f['id']) for f in others)}" if others else ""
    msg = f"{m.text} contradicts the reference figure {ref} (fact {fact['id']}, source: {src}){also}"
    if not c.confident:
        msg += " — the figure may be about something else"
    return {**common, "status": "fail", "message": msg, "expected_text": ref,
            "explanation": f"{fact['id']}: {plain}; the text's figure covers {_fmt(lo)} to {_fmt(hi)}"}


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v - round(v)) < 1e-9 else f"{v:,.4g}"


def judge_fact(c: Claim, rules: RuleSet, doc_text: str | None = None) -> Finding | None:
    """A fact claim's Finding (rule: the enabled ``fact`` rule; None when fact checks are switched off)."""
    rule = rules.rule("fact")
    if rule is None or c.stated is None:
        return None
    v = c.params.get("verdict") or verdict(c, rules, doc_text)
    status = v["status"]
    if status == "fail" and not c.confident:
        status = "warn"
    severity = {"pass": "info", "warn": "warning"}.get(status, rule.severity)
    fix = Fix(c.span[0], c.span[1], v["expected_text"]) if status == "fail" and v.get("expected_text") else None
    return Finding(rule=rule.id, kind="fact", status=status, severity=severity, start=c.span[0], end=c.span[1],
                   text=c.stated.text, message=v["message"], explanation=v.get("explanation", ""),
                   claimed=v.get("claimed"), computed=v.get("computed"), expected_text=v.get("expected_text"),
                   accepted=v.get("accepted"), tolerance=v.get("tolerance"), source=v.get("source"), fix=fix)
