"""Rule sets: loading (shipped, user files, packs), exact error positions, the JSON Schema, --select/--ignore,
house-style pattern rules (with their timeout) and reference facts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from factcheck.claims import facts as factmod
from factcheck.claims.patterns import PatternError, check_pattern, pattern_findings, render_message, rule_findings
from factcheck.model import Claim, Document, Mention
from factcheck.rulecheck import KINDS, check_file, schema, schema_path
from factcheck.ruleset import Rule, RuleError, RuleSet, load_rules, pack_names, packs_dir, shipped_dir, shipped_files

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "rules"


def write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


# ------------------------------------------------------------------------------------------------- shipped

def test_shipped_rules_load_one_per_kind_and_facts() -> None:
    rs = load_rules()
    kinds = {r.kind for r in rs.rules.values()}
    assert kinds == set(KINDS) - {"style"}
    assert rs.rule("percent_change").id == "percent-change"
    assert rs.option("conversion", "hedged_slack") == 0.02
    assert rs.option("nope", "x", 7) == 7
    assert {f["id"] for f in rs.facts} == {"cobra-ii-romania-value", "cobra-ii-romania-vehicles",
                                           "cobra-ii-romania-built-in-turkiye"}
    assert [t["year"] for t in rs.rates["tables"]][:2] == [2015, 2016]
    assert "number_words" in rs.vocab
    assert rs.rules["percent-change"].origin.endswith("core.yaml:19")


def test_optional_packs_do_not_load_by_default() -> None:
    assert "house-style" in pack_names()
    assert not any(r.id.startswith("house-") for r in load_rules().rules.values())
    rs = load_rules(["house-style"])
    assert rs.rules["house-per-cent"].kind == "style"
    assert rs.rules["house-per-cent"].severity == "warning"


def test_unknown_bare_name_names_the_packs() -> None:
    with pytest.raises(RuleError, match=r"^nonesuch: no such rule file or folder \(shipped packs: house-style\)"):
        load_rules(["nonesuch"])


def test_schema_is_valid_and_every_shipped_file_validates() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    validator = jsonschema.Draft202012Validator(json.loads(schema_path().read_text()))
    files = shipped_files() + sorted(packs_dir().glob("*.yaml"))
    assert len(files) >= 7
    for f in files:
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], f"{f}: {errors}"
        rf = check_file(str(f), f.read_text(encoding="utf-8"))
        assert [str(p) for p in rf.problems] == [], f


def test_shipped_load_does_not_import_jsonschema() -> None:
    code = ("import sys, factcheck.ruleset as r; r.load_rules(); "
            "print('jsonschema' in sys.modules, len(r.load_rules().rules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["False", "13"]


def test_shipped_dir_is_the_rules_folder() -> None:
    assert (shipped_dir() / "core.yaml").is_file()


# ------------------------------------------------------------------------------------------------- broken files

BROKEN_CASES = {
    "broken-yaml.yaml": ("8:1", "invalid YAML: did not find expected ','"),
    "broken-unknown-kind.yaml": ("5:11", "rules[0].kind: unknown kind 'percentage' (expected one of percent_change"),
    "broken-wrong-type.yaml": ("7:18", "rules[0].warn_margin: expected a number, got the text 'a little'"),
    "broken-missing-key.yaml": ("4:5", "rules[0]: missing required key 'kind'"),
    "broken-duplicate-id.yaml": ("8:9", "rules[1].id: duplicate rule id 'house-per-cent' (first defined at "),
    "broken-catastrophic-regex.yaml": ("7:14", "rules[0].pattern: pattern backtracks catastrophically"),
    "broken-bad-regex.yaml": ("6:14", "rules[0].pattern: pattern does not compile: missing )"),
    "broken-unknown-severity.yaml": ("6:15", "rules[0].severity: unknown severity 'critical' "
                                             "(expected one of error, warning, info)"),
    "broken-fact-no-source.yaml": ("4:5", "facts[0]: missing required key 'source'"),
    "broken-top-level-key.yaml": ("3:1", "rule: unknown key (expected one of ruleset, description, rules"),
    "broken-linking-slot-in-group.yaml": ("7", "vocabulary: cannot be used (ValueError: linking grammar "
                                               "change.grouped-slot: {p} inside a group"),
    "broken-linking-bad-regex.yaml": ("7", "vocabulary: cannot be used (ValueError: linking grammar change.unbalanced: "),
}


def test_there_are_twelve_broken_fixtures() -> None:
    assert sorted(p.name for p in BROKEN.glob("broken-*.yaml")) == sorted(BROKEN_CASES)


@pytest.mark.parametrize("name", sorted(BROKEN_CASES))
def test_broken_file_gives_one_problem_at_its_place(name: str) -> None:
    where, what = BROKEN_CASES[name]
    path = str(BROKEN / name)
    with pytest.raises(RuleError) as e:
        load_rules([path])
    assert len(e.value.problems) == 1
    assert str(e.value).startswith(f"{path}:{where}: {what}")
    assert "\n" not in str(e.value)


def test_every_problem_is_reported_in_file_order(tmp_path: Path) -> None:
    p = write(tmp_path, "many.yaml", """\
rules:
  - id: a
    kind: sum
    severity: loud
  - id: b
    kind: style
    pattern: "(x"
    message: m
facts:
  - id: f
    subject: thing
    type: currency
    value: 3
    source: https://example.com
""")
    with pytest.raises(RuleError) as e:
        load_rules([p])
    assert [x.split(": ", 1)[0].removeprefix(p) for x in e.value.problems] == [":4:15", ":7:14", ":10:5"]
    assert e.value.problems[2].endswith("facts[0]: missing required key 'unit' (a currency fact needs its ISO "
                                        "4217 code)")


def test_duplicate_yaml_key_is_reported(tmp_path: Path) -> None:
    p = write(tmp_path, "dup.yaml", "rules:\n  - id: sum\n    kind: sum\n    kind: share\n")
    with pytest.raises(RuleError, match=r"dup\.yaml:4:5: rules\[0\]\.kind: duplicate key \(first at line 3"):
        load_rules([p])


def test_a_rule_file_must_be_a_mapping(tmp_path: Path) -> None:
    p = write(tmp_path, "list.yaml", "- id: sum\n  kind: sum\n")
    with pytest.raises(RuleError, match=r"list\.yaml:1:1: a rule file is a mapping .* got a list"):
        load_rules([p])


def test_empty_file_is_fine(tmp_path: Path) -> None:
    p = write(tmp_path, "empty.yaml", "# nothing yet\n")
    assert len(load_rules([p]).rules) == 13


# ------------------------------------------------------------------------------------------------- user rules

def test_user_file_overrides_a_shipped_rule_in_place(tmp_path: Path) -> None:
    p = write(tmp_path, "mine.yaml", """\
ruleset: mine
rules:
  - id: percent-change
    kind: percent_change
    severity: warning
    rounding: interval
    warn_margin: 0.05
""")
    rs = load_rules([p])
    assert rs.option("percent_change", "warn_margin") == 0.05
    assert rs.rule("percent_change").severity == "warning"
    assert rs.rules["percent-change"].origin == f"{p}:3"
    assert list(rs.rules)[0] == "percent-change"
    assert load_rules().option("percent_change", "warn_margin") == 0.0  # the shipped set is untouched


def test_same_id_in_two_user_files_is_an_error(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", "rules:\n  - id: mine\n    kind: sum\n")
    b = write(tmp_path, "b.yaml", "rules:\n  - {id: mine, kind: share}\n")
    with pytest.raises(RuleError) as e:
        load_rules([a, b])
    assert str(e.value) == f"{b}:2:10: rules[0].id: duplicate rule id 'mine' (first defined at {a}:2)"


def test_folder_loads_its_yaml_sorted(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    write(tmp_path, "house/b.yaml", "rules:\n  - {id: x-b, kind: style, pattern: 'b+', message: b}\n")
    write(tmp_path, "house/a.yml", "rules:\n  - {id: x-a, kind: style, pattern: 'a+', message: a}\n")
    write(tmp_path, "house/notes.txt", "not a rule file")
    rs = load_rules([str(tmp_path / "house")])
    assert [r for r in rs.rules if r.startswith("x-")] == ["x-a", "x-b"]


def test_new_kind_is_allowed_with_a_pattern(tmp_path: Path) -> None:
    p = write(tmp_path, "k.yaml", "rules:\n  - {id: jargon, kind: jargon, pattern: '\\bsynergy\\b', message: m}\n")
    assert load_rules([p]).rules["jargon"].kind == "jargon"


def test_edited_file_is_read_again(tmp_path: Path) -> None:
    p = write(tmp_path, "e.yaml", "rules:\n  - {id: x, kind: style, pattern: 'a', message: one}\n")
    assert load_rules([p]).rules["x"].options["message"] == "one"
    Path(p).write_text("rules:\n  - {id: x, kind: style, pattern: 'a', message: second}\n", encoding="utf-8")
    assert load_rules([p]).rules["x"].options["message"] == "second"


def test_select_and_ignore_by_id_and_kind() -> None:
    rs = load_rules((), ["percent-change", "sum"], ())
    assert sorted(r.id for r in rs.rules.values() if r.enabled) == ["percent-change", "sum"]
    rs = load_rules((), ["share"], ())  # a kind
    assert [r.id for r in rs.rules.values() if r.enabled] == ["share"]
    rs = load_rules((), (), ["multiple_style", "fact"])
    assert not rs.rules["multiple-style"].enabled and not rs.rules["fact"].enabled
    assert rs.rules["sum"].enabled
    assert rs.rule("fact") is None
    rs = load_rules(["house-style"], (), ["style"])
    assert not any(r.enabled for r in rs.rules.values() if r.kind == "style")


def test_unknown_select_is_a_clear_error() -> None:
    with pytest.raises(RuleError, match=r"^--select: unknown rule or kind 'percent-chnage' \(see `factcheck rules"):
        load_rules((), ["percent-chnage"], ())
    with pytest.raises(RuleError, match=r"^--ignore: unknown rule or kind 'nope'"):
        load_rules((), (), ["nope"])


def test_user_fact_replaces_a_shipped_fact_by_id(tmp_path: Path) -> None:
    p = write(tmp_path, "f.yaml", """\
facts:
  - id: cobra-ii-romania-vehicles
    subject: [["COBRA II", "contract"]]
    type: count
    noun: vehicle
    value: 1060
    source: https://example.com/correction
""")
    rs = load_rules([p])
    vehicles = [f for f in rs.facts if f["id"] == "cobra-ii-romania-vehicles"]
    assert len(vehicles) == 1 and vehicles[0]["value"] == 1060 and vehicles[0]["_origin"] == f"{p}:2"


# ------------------------------------------------------------------------------------------------- patterns

def _rule(rid: str = "house-x", **opts) -> Rule:
    return Rule(id=rid, kind="style", severity=opts.pop("severity", "warning"), options=opts,
                source="https://example.com/style")


def test_pattern_rule_finds_every_match_with_message_and_fix() -> None:
    doc = Document(path="t.txt", text="Sales rose 12 per cent. Per cent of exports: 40.")
    fs = rule_findings(doc, _rule(pattern=r"\b([Pp])er cent\b", message='write "percent", not "{match}"',
                                  replacement=r"\1ercent"))
    assert [(f.start, f.end, f.text, f.status, f.severity) for f in fs] == [
        (14, 22, "per cent", "warn", "warning"), (24, 32, "Per cent", "warn", "warning")]
    assert fs[0].message == 'write "percent", not "per cent"'
    assert [f.expected_text for f in fs] == ["percent", "Percent"]
    assert fs[1].fix is not None and (fs[1].fix.start, fs[1].fix.end, fs[1].fix.replacement) == (24, 32, "Percent")
    assert fs[0].source == "https://example.com/style"


def test_error_severity_fails_and_ignore_case_works() -> None:
    doc = Document(path="t.txt", text="IN EXCESS OF 400 tanks")
    fs = rule_findings(doc, _rule(severity="error", pattern=r"in excess of", ignore_case=True, message="{match}!"))
    assert [(f.status, f.severity, f.message, f.fix) for f in fs] == [("fail", "error", "IN EXCESS OF!", None)]


def test_pattern_findings_skip_disabled_rules() -> None:
    on, off = _rule("a", pattern="x", message="m"), _rule("b", pattern="y", message="m")
    off.enabled = False
    rs = RuleSet(rules={"a": on, "b": off})
    assert [f.rule for f in pattern_findings(Document(path="t", text="x y x"), rs)] == ["a", "a"]


def test_render_message_groups() -> None:
    import regex

    m = regex.search(r"(?P<n>\d+) (%)", "rose 55 % today")
    assert render_message("{match} / {1} / {n} / {2} / {missing}", m) == "55 % / 55 / 55 / % / {missing}"


def test_catastrophic_pattern_times_out_with_one_warning() -> None:
    doc = Document(path="t.txt", text="a" * 30_000 + "!\nsecond line")
    fs = rule_findings(doc, _rule(pattern=r"(\w+\s?)+$", message="m", timeout=0.05))
    assert len(fs) == 1
    f = fs[0]
    assert (f.status, f.severity, f.rule, f.start) == ("warn", "warning", "house-x", 0)
    assert "ran out of time (0.05 s)" in f.message


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w+\s?)+$", r"(a|aa)+$", r"(x+x+)+y", r"\s+\s+$"])
def test_check_pattern_rejects_catastrophic_patterns(pattern: str) -> None:
    with pytest.raises(PatternError, match="backtracks catastrophically"):
        check_pattern(pattern)


@pytest.mark.parametrize("pattern", [r"\bper cent\b", r"(\d) +%", r"(?<=\S)  +(?=\S)", r"\b(?:about|some)\s+\d+"])
def test_check_pattern_accepts_ordinary_patterns(pattern: str) -> None:
    assert check_pattern(pattern).pattern == pattern


def test_check_pattern_rejects_empty_matches_and_bad_syntax() -> None:
    with pytest.raises(PatternError, match="matches empty text"):
        check_pattern(r"x*")
    with pytest.raises(PatternError, match="does not compile"):
        check_pattern(r"(x")


# ------------------------------------------------------------------------------------------------- facts

SEED = ("Otokar is currently in the active stages of the €857 million contract to deliver 1,059 COBRA II 4x4 "
        "vehicles.\nThe initial batch of 278 vehicles will be manufactured in Türkiye, under the COBRA II deal.\n"
        "The company also builds 94 military vehicles for other customers.")


def mention(text: str, start: int, kind: str, value: float, unit: str | None, half_step: float,
            hedge: str | None = None) -> Mention:
    import re

    num = re.search(r"\d[\d,.]*\d|\d", text)
    assert num is not None
    scale = next((w for w in ("million", "billion") if w in text), None)
    return Mention(start=start, end=start + len(text), text=text, type=kind, value=value, unit=unit,
                   half_step=half_step, hedge=hedge, approx=hedge is not None, num_start=start + num.start(),
                   num_end=start + num.end(), scale=scale, grouped="," in num.group(),
                   decimals=len(num.group().split(".")[1]) if "." in num.group() else 0)


def seed_mentions(text: str) -> list[Mention]:
    out = []
    for t, kind, value, unit, step in [("€857 million", "currency", 857e6, "EUR", 0.5e6),
                                       ("€875 million", "currency", 875e6, "EUR", 0.5e6),
                                       ("1,059 COBRA II 4x4 vehicles", "count", 1059, "vehicle", 0.5),
                                       ("278 vehicles", "count", 278, "vehicle", 0.5),
                                       ("287 vehicles", "count", 287, "vehicle", 0.5),
                                       ("94 military vehicles", "count", 94, "vehicle", 0.5)]:
        i = text.find(t)
        if i >= 0:
            out.append(mention(t, i, kind, value, unit, step))
    return out


def judged(text: str, rules: RuleSet | None = None) -> list:
    rules = rules or load_rules()
    doc = Document(path="seed.txt", text=text)
    claims = factmod.find_claims(doc, seed_mentions(text), rules)
    return [factmod.judge_fact(c, rules, text) for c in claims]


def test_seed_figures_agree_with_the_fact_pack() -> None:
    fs = judged(SEED)
    assert [(f.text, f.status, f.rule, f.kind) for f in fs] == [
        ("€857 million", "pass", "fact", "fact"), ("1,059 COBRA II 4x4 vehicles", "pass", "fact", "fact"),
        ("278 vehicles", "pass", "fact", "fact")]
    assert "cobra-ii-romania-value" in fs[0].message and fs[0].source.startswith("https://www.turkiyetoday.com/")


def test_a_different_value_fails_and_cites_the_source() -> None:
    fs = judged(SEED.replace("€857 million", "€875 million").replace("278 vehicles", "287 vehicles"))
    bad = [f for f in fs if f.status != "pass"]
    assert [(f.text, f.status, f.severity, f.expected_text, f.claimed, f.computed) for f in bad] == [
        ("€875 million", "fail", "error", "€857 million", 875e6, 857e6),
        ("287 vehicles", "fail", "error", "278 vehicles", 287, 278)]
    src = "https://www.turkiyetoday.com/nation/turkiye-expands-defence-industrial-footprint-in-romania-with-new-"
    assert bad[0].message.startswith("€875 million contradicts the reference figure €857 million "
                                     "(fact cobra-ii-romania-value, source: " + src)
    assert bad[0].fix is not None and bad[0].fix.replacement == "€857 million"


def test_hedged_and_rounded_figures_agree() -> None:
    text = "Otokar holds the COBRA II contract, worth about €0.9 billion."
    m = mention("about €0.9 billion", text.find("about"), "currency", 0.9e9, "EUR", 0.05e9, hedge="about")
    rules = load_rules()
    claims = factmod.find_claims(Document(path="t", text=text), [m], rules)
    assert [factmod.judge_fact(c, rules, text).status for c in claims] == ["pass"]


def test_no_subject_words_no_claim_and_rates_are_skipped() -> None:
    rules = load_rules()
    text = "The contract covers 1,200 vehicles."  # no "COBRA II"
    m = mention("1,200 vehicles", text.find("1,200"), "count", 1200, "vehicle", 0.5)
    assert factmod.find_claims(Document(path="t", text=text), [m], rules) == []
    text = "The COBRA II contract works out at €809,000 each."
    m = mention("€809,000", text.find("€"), "currency", 809000, "EUR", 0.5)
    assert factmod.find_claims(Document(path="t", text=text), [m], rules) == []


def test_another_figure_beside_the_right_one_is_left_alone() -> None:
    text = "The COBRA II contract covers 1,059 vehicles; 80 vehicles are ambulances."
    ms = [mention("1,059 vehicles", text.find("1,059"), "count", 1059, "vehicle", 0.5),
          mention("80 vehicles", text.find("80 "), "count", 80, "vehicle", 0.5)]
    rules = load_rules()
    claims = factmod.find_claims(Document(path="t", text=text), ms, rules)
    assert [(c.stated.text, factmod.judge_fact(c, rules, text).status) for c in claims] == [("1,059 vehicles", "pass")]


def test_subject_named_only_elsewhere_in_the_paragraph_warns() -> None:
    text = "Romania signed the COBRA II contract in 2019. Otokar will deliver 1,095 vehicles."
    m = mention("1,095 vehicles", text.find("1,095"), "count", 1095, "vehicle", 0.5)
    rules = load_rules()
    (c,) = factmod.find_claims(Document(path="t", text=text), [m], rules)
    f = factmod.judge_fact(c, rules, text)
    assert (c.confident, f.status, f.severity) == (False, "warn", "warning")
    assert "may be about something else" in f.message


def test_fact_checks_switch_off_with_ignore() -> None:
    rules = load_rules((), (), ["fact"])
    claim = Claim("fact", (0, 3), mention("€1", 0, "currency", 1, "EUR", 0.5), (),
                  {"fact": load_rules().facts[0]})
    assert factmod.judge_fact(claim, rules) is None


def test_subject_forms() -> None:
    assert factmod.subject_entries({"subject": "COBRA II"}) == [["COBRA II"]]
    assert factmod.subject_entries({"subject": ["COBRA II", ["Otokar", "Romania"]]}) == [
        ["COBRA II"], ["Otokar", "Romania"]]
    text = "the cobra  ii deal; cobra iii"
    assert factmod.subject_hits(text, 0, len(text), {"subject": "COBRA II"}) == [4]
    assert factmod.subject_hits(text, 0, len(text), {"subject": [["COBRA II", "contract"]]}) is None
