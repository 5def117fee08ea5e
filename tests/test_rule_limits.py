"""Rule files and configuration (issue 12, item 2): loading is bounded whatever the aliases and nesting, and
`rules validate` says "ok" only to files every run can load (it runs the checks a run runs)."""

from __future__ import annotations

import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app, normalize_argv
from factcheck.config import ConfigError, load_config
from factcheck.document import read_bytes
from factcheck.pipeline import run
from factcheck.rulecheck import check_file, vocabulary_shapes
from factcheck.ruleset import RuleError, load_rules
from factcheck.yamlload import MAX_NODES, YamlLimitError, compose, load, loader_class


def alias_bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------------------- composing

@pytest.mark.parametrize("levels", [9, 11, 30])
def test_alias_bomb_is_refused_where_it_crosses_the_limit(levels):
    text = alias_bomb(levels)
    assert len(alias_bomb(9)) < 500  # a few hundred bytes
    with pytest.raises(YamlLimitError) as e:
        load(text)
    assert e.value.problem_mark.line + 1 == 6  # 9**5 = 59,049 values at line 5; line 6 is past 100,000
    assert f"more than {MAX_NODES:,} values once aliases are expanded" in e.value.problem


def test_values_up_to_the_limit_load():
    data, _ = load(alias_bomb(5))  # 9**5 + ... values
    assert len(data["a4"]) == 9 and data["a4"][0][0][0][0] == ["lol"] * 9


@pytest.mark.parametrize("text,where", [("a: &a [*a]\n", (1, 8)), ("a: &x\n  b: {c: *x}\n", (2, 10)),
                                        ("a: &x [1, {b: [*x]}]\n", (1, 16))])
def test_recursive_alias_is_refused(text, where):
    with pytest.raises(YamlLimitError, match="recursive alias") as e:
        load(text)
    assert (e.value.problem_mark.line + 1, e.value.problem_mark.column + 1) == where


@pytest.mark.parametrize("text", ["[" * 600 + "]" * 600, "{a: " * 600 + "1" + "}" * 600,
                                  "".join("  " * i + f"k{i}:\n" for i in range(600)) + "  " * 600 + "v\n"])
def test_deep_nesting_is_refused_without_recursion(text):
    with pytest.raises(YamlLimitError, match="nested more than 64 levels deep"):
        load(text)


def test_aliases_count_toward_depth():
    text = "a: &a " + "[" * 40 + "1" + "]" * 40 + "\nb: " + "[" * 30 + "*a" + "]" * 30 + "\n"
    with pytest.raises(YamlLimitError, match="counting what aliases repeat"):
        load(text)


def test_composer_matches_pyyaml_on_ordinary_yaml():
    text = ("a: &x {k: [1, 2.5, 'three', null, true]}\nb: *x\nc: {<<: *x, d: 2024-03-12}\n"
            "e: |\n  block\n  text\nf: !!str 12\n")
    data, node = load(text)
    assert data == yaml.safe_load(text)
    assert node.start_mark.line == 0
    assert load("")[0] is None and load("# only a comment\n")[0] is None


@pytest.mark.parametrize("text,words", [("a: 1\n---\nb: 2\n", "single document"), ("a: *nope\n", "undefined alias"),
                                        ("a: &x 1\nb: &x 2\n", "duplicate anchor"),
                                        ("a: !!python/object/apply:os.system [ls]\n", "constructor")])
def test_composer_errors_are_yaml_errors(text, words):
    with pytest.raises(yaml.YAMLError, match=words):
        load(text)


def test_pure_python_loader_gives_the_same_nodes():
    text = "a: &x [1, 2]\nb: *x\n"
    for loader in (yaml.SafeLoader, loader_class()):
        ldr = loader(text)
        try:
            node = compose(ldr)
            assert ldr.construct_document(node) == {"a": [1, 2], "b": [1, 2]}
        finally:
            ldr.dispose()


# ------------------------------------------------------------------------------------------------- rule files

BAD = {
    "alias-bomb": (alias_bomb(11), "house.yaml:6:10: more than 100,000 values once aliases are expanded"),
    "recursive-alias": ("vocabulary: &v\n  hedges: [*v]\n", "house.yaml:2:12: recursive alias *v"),
    "nested": ("rules: " + "[" * 600 + "]" * 600 + "\n", "house.yaml:1:71: nested more than 64 levels deep"),
    "scale-words": ("vocabulary: {scale_words: 5}\n",
                    "house.yaml:1:27: vocabulary.scale_words: expected a mapping to numbers, got a number"),
    "scale-word-value": ("vocabulary:\n  scale_words: {zillion: lots}\n",
                         "house.yaml:2:26: vocabulary.scale_words.zillion: expected a number, got the text 'lots'"),
    "hedge-spec": ("vocabulary:\n  hedges:\n    about: [1]\n", "house.yaml:3:12: vocabulary.hedges.about: expected a "
                   "mapping to texts"),
    "unknown-section": ("vocabulary:\n  scale_word: {x: 1}\n",
                        "house.yaml:2:3: vocabulary.scale_word: unknown vocabulary section (did you mean 'scale_words'?)"),
    "timeout-text": ("rules:\n  - {id: h, kind: style, pattern: x, message: m, timeout: soon}\n",
                     "rules[0].timeout: expected a number, got the text 'soon'"),
    "timeout-negative": ("rules:\n  - {id: h, kind: style, pattern: 'Q(a|aa)+Z', message: m, timeout: -1}\n",
                         "rules[0].timeout: -1 is out of range: it must be more than 0 and at most 10"),
    "timeout-zero": ("rules:\n  - {id: h, kind: style, pattern: x, message: m, timeout: 0}\n", "must be more than 0"),
    "timeout-huge": ("rules:\n  - {id: h, kind: style, pattern: x, message: m, timeout: 1.0e+6}\n",
                     "1000000.0 is out of range"),
    "timeout-nan": ("rules:\n  - {id: h, kind: style, pattern: x, message: m, timeout: .nan}\n",
                    "rules[0].timeout: nan is not a number a rule file can use"),
    "slack-inf": ("rules:\n  - {id: percent-change, kind: percent_change, slack: .inf}\n", "inf is not a number"),
    "fact-nan": ("facts:\n  - {id: f, subject: x, type: count, value: .nan, source: s}\n", "facts[0].value: nan"),
}


@pytest.mark.parametrize("name", BAD)
def test_validate_and_run_report_the_same_problem(name, tmp_path, monkeypatch):
    text, words = BAD[name]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house.yaml").write_text(text)
    (tmp_path / "a.txt").write_text("Sales rose 5%.\n")
    r = CliRunner().invoke(app, ["rules", "validate", "house.yaml"])
    assert r.exit_code == 2 and words in r.stderr, r.output
    r = CliRunner().invoke(app, normalize_argv(["--no-config", "--rules", "house.yaml", "a.txt"]))
    assert r.exit_code == 2 and words in r.stderr and "internal error" not in r.output, r.output
    with pytest.raises(RuleError, match=words.split(": ", 1)[-1][:30].replace("(", r"\(").replace("?", r"\?")
                       .replace(")", r"\)").replace("*", r"\*").replace(".", r"\.")):
        load_rules(["house.yaml"])


@pytest.mark.parametrize("value", ["0.5", "10", "0.001"])
def test_timeouts_in_range_are_accepted(value):
    rf = check_file("h.yaml", f"rules:\n  - {{id: h, kind: style, pattern: x, message: m, timeout: {value}}}\n")
    assert rf.problems == []


def test_rule_file_that_is_a_fifo_or_device(tmp_path):
    os.mkfifo(tmp_path / "house.yaml")
    with pytest.raises(RuleError, match="house.yaml: a FIFO"):
        load_rules([str(tmp_path / "house.yaml")])
    with pytest.raises(RuleError, match="/dev/zero: a character device"):
        load_rules(["/dev/zero"])


def test_rule_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr("factcheck.ruleset.MAX_RULE_FILE", 100)
    (tmp_path / "house.yaml").write_text("description: " + "x" * 200 + "\n")
    with pytest.raises(RuleError, match=r"house.yaml: rule file too large \(214 bytes, over the 100 bytes limit\)$"):
        load_rules([str(tmp_path / "house.yaml")])


# what a run reads from the vocabulary: every value a section may take, good or bad
JSON = st.recursive(st.none() | st.booleans() | st.integers(-5, 5) | st.floats(-2, 2, allow_nan=False) |
                    st.sampled_from(["about", "x", "", "km", "EUR"]),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["a", "b", "about"]),
                                                                                  inner, max_size=3), max_leaves=6)
SAMPLE = ("ANKARA, 12 March 2025 — Sales rose about 12% to €1.2 billion, from 94 to 224 vehicles, "
          "a 128% increase; the 12 km range is 7.5 miles.\n")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(section=st.sampled_from(sorted(vocabulary_shapes())), value=JSON)
def test_validate_ok_means_a_run_works(section, value, tmp_path_factory):
    """Whatever a user writes in a vocabulary section: either validate reports it or a run goes through."""
    folder = tmp_path_factory.mktemp("vocab")
    path = folder / "house.yaml"
    path.write_text(yaml.safe_dump({"vocabulary": {section: value}}))
    rf = check_file(str(path), path.read_text())
    try:
        rules = load_rules([str(path)])
    except RuleError:
        return  # refused by a run: validate (the same checks) refuses it too
    assert rf.problems == []
    run(read_bytes(SAMPLE.encode(), "a.txt"), rules)


# ------------------------------------------------------------------------------------------------- configuration

@pytest.mark.parametrize("name,text,words", [
    (".factcheck.yaml", "rules: " + "[" * 600 + "]" * 600 + "\n", ".factcheck.yaml:1: nested more than 32 levels deep"),
    (".factcheck.yaml", alias_bomb(9), ".factcheck.yaml:5: more than 10,000 values once aliases are expanded"),
    (".factcheck.yaml", "rules: &r [*r]\n", ".factcheck.yaml:1: recursive alias *r"),
    ("pyproject.toml", "[tool.factcheck]\nrules = " + "[" * 600 + "]" * 600 + "\n", "pyproject.toml: TOML nested too deeply"),
    ("pyproject.toml", "[tool.factcheck]\nx = " + "{a=" * 600 + "1" + "}" * 600 + "\n", "pyproject.toml: TOML nested too deeply"),
])
def test_configuration_limits(tmp_path, name, text, words):
    (tmp_path / name).write_text(text)
    with pytest.raises(ConfigError, match=words.replace("*", r"\*")):
        load_config(tmp_path / name)


def test_configuration_that_is_a_fifo_is_an_error_not_ignored(tmp_path, monkeypatch):
    os.mkfifo(tmp_path / ".factcheck.yaml")
    (tmp_path / "a.txt").write_text("Sales rose 5%.\n")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, normalize_argv(["a.txt"]))
    assert r.exit_code == 2 and ".factcheck.yaml: a FIFO (named pipe), not a regular file" in r.stderr
    r = CliRunner().invoke(app, normalize_argv(["--config", "/dev/zero", "a.txt"]))
    assert r.exit_code == 2 and "/dev/zero: a character device" in r.stderr
