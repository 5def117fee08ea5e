"""Configuration discovery, validation (file:line errors), flag overrides, and `factcheck init`."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from factcheck.cli import app, normalize_argv
from factcheck.config import ConfigError, discover, find_config, load_config
from factcheck.model import FileResult, Finding

WRONG = "Output grew from 94 to 224 vehicles, a 128% increase.\n"


def invoke(*args: str):
    return CliRunner().invoke(app, normalize_argv(list(args)))


def fake_run(doc, rules, opts=None):
    i = doc.text.find("128%")
    warn = doc.text.find("about 3")
    out = []
    if i >= 0:
        out.append(Finding(rule="percent-change", kind="percent_change", status="fail", severity="error",
                           start=i, end=i + 4, text="128%", message="m"))
    if warn >= 0:
        out.append(Finding(rule="multiple", kind="multiple", status="warn", severity="warning",
                           start=warn, end=warn + 7, text="about 3", message="m"))
    return FileResult(path=doc.path, document=doc, findings=out)


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr("factcheck.pipeline.run", fake_run)


def test_found_from_a_subfolder_upward(tmp_path):
    (tmp_path / ".factcheck.yaml").write_text("format: json\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / ".factcheck.yaml"
    assert discover(start=deep).values == {"format": "json"}


def test_pyproject_without_table_is_passed_over(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "warn"\nrules = ["house"]\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n')
    cfg = discover(start=sub)
    assert cfg.path == tmp_path / "pyproject.toml"
    assert cfg.values == {"fail_on": "warn", "rules": [str(tmp_path / "house")]}


def test_yaml_wins_over_pyproject_in_one_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nformat = "sarif"\n')
    (tmp_path / ".factcheck.yaml").write_text("format: junit\n")
    assert discover(start=tmp_path).values["format"] == "junit"


def test_values_are_checked_and_converted(tmp_path):
    p = tmp_path / ".factcheck.yaml"
    p.write_text("select: percent-change, sum\nas_of: 2025-01-31\njobs: 2\nbaseline: b.json\nstrict: true\n")
    v = load_config(p).values
    assert v == {"select": ["percent-change", "sum"], "as_of": date(2025, 1, 31), "jobs": 2,
                 "baseline": str(tmp_path / "b.json"), "strict": True}


@pytest.mark.parametrize("text, where, what", [
    ("format: json\n\ncolour: red\n", ":3:", "unknown key 'colour'"),
    ("format: xml\n", ":1:", "format must be one of text, json"),
    ("jobs: many\n", ":1:", "jobs must be a whole number"),
    ("strict: yes please\n", ":1:", "strict must be true or false"),
    ("rules: 3\n", ":1:", "rules must be a list of strings"),
    ("as_of: soon\n", ":1:", "as_of must be a date"),
    ("format: [json\n", ":2:", "invalid YAML"),
    ("- a\n- b\n", ":1:", "must be a mapping"),
])
def test_bad_yaml_config_names_file_and_line(tmp_path, text, where, what):
    p = tmp_path / ".factcheck.yaml"
    p.write_text(text)
    with pytest.raises(ConfigError) as e:
        load_config(p)
    assert str(e.value).startswith(f"{p}{where}")
    assert what in str(e.value)


def test_bad_toml_key_names_its_line(tmp_path):
    p = tmp_path / "pyproject.toml"
    p.write_text('[project]\nname = "x"\n\n[tool.factcheck]\nformat = "json"\nshow-fail = true\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml:6: unknown key 'show-fail'"):
        load_config(p)


def test_cli_uses_config_and_flags_override(tmp_path, fake, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(WRONG)
    (tmp_path / ".factcheck.yaml").write_text("format: json\nfail_on: never\n")
    r = invoke("a.txt")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["summary"]["fail"] == 1
    r = invoke("--format", "text", "--fail-on", "fail", "a.txt")
    assert r.exit_code == 1
    assert not r.stdout.lstrip().startswith("{")


def test_strict_from_config_and_no_strict_flag(tmp_path, fake, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "w.txt").write_text("It is about 3 times larger.\n")
    assert invoke("w.txt").exit_code == 0
    (tmp_path / ".factcheck.yaml").write_text("strict: true\n")
    assert invoke("w.txt").exit_code == 1
    assert invoke("--no-strict", "w.txt").exit_code == 0
    assert invoke("--fail-on", "never", "w.txt").exit_code == 0


def test_bad_config_is_one_line_exit_2(tmp_path, fake, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(WRONG)
    (tmp_path / ".factcheck.yaml").write_text("format: json\nbogus: 1\n")
    r = invoke("a.txt")
    assert r.exit_code == 2
    assert r.stderr.strip() == (f"factcheck: {tmp_path / '.factcheck.yaml'}:2: unknown key 'bogus' (known: "
                                "format, rules, select, ignore, strict, fail_on, locale, include, exclude, "
                                "baseline, jobs, as_of, show_pass)")
    assert invoke("--no-config", "a.txt").exit_code == 1
    r = invoke("--config", "missing.yaml", "a.txt")
    assert r.exit_code == 2 and "missing.yaml: no such configuration file" in r.stderr


def test_init_writes_starter_files_that_load(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = invoke("init")
    assert r.exit_code == 0, r.output
    cfg = load_config(tmp_path / ".factcheck.yaml")
    assert cfg.values == {"format": "text", "rules": [str(tmp_path / "factcheck-rules")], "fail_on": "fail",
                          "locale": "auto"}
    from factcheck.ruleset import load_rules

    rs = load_rules([str(tmp_path / "factcheck-rules")])
    assert any(f["id"] == "example-fleet-size" for f in rs.facts)
    assert "in the region of" in rs.vocab["hedges"]
    (tmp_path / "a.txt").write_text("Nothing here.\n")
    assert invoke("a.txt").exit_code == 0  # the starter config and rules are usable as written


def test_init_refuses_to_overwrite(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".factcheck.yaml").write_text("# mine\n")
    r = invoke("init")
    assert r.exit_code == 2
    assert ".factcheck.yaml: already exists" in r.stderr
    assert (tmp_path / ".factcheck.yaml").read_text() == "# mine\n"
    assert not (tmp_path / "factcheck-rules").exists()
