"""The GitHub Action passes `paths` and `args` as arrays, one element per line: no word splitting, no glob
expansion (issue 11 point 2). The Check step's script is run here with a stand-in `factcheck` that records
the arguments it receives."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


def _step(name: str) -> dict:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    return next(s for s in action["runs"]["steps"] if s.get("name") == name)


def run_check(tmp_path: Path, paths: str, args: str, sarif: str = "false", code: int = 1) -> tuple[list[list[str]], str]:
    stub = tmp_path / "bin" / "factcheck"
    stub.parent.mkdir(exist_ok=True)
    log = tmp_path / "calls"
    stub.write_text(f'#!/usr/bin/env bash\nprintf "%s\\0" "$@" >> "{log}"\nprintf "\\n" >> "{log}"\nexit {code}\n')
    stub.chmod(0o755)
    for name in ("a.txt", "b.txt", "drafts.txt"):  # files a glob would expand to
        (tmp_path / name).write_text("x\n")
    out = tmp_path / "github_output"
    env = {**os.environ, "PATH": f"{stub.parent}{os.pathsep}{os.environ['PATH']}", "GITHUB_OUTPUT": str(out),
           "FC_PATHS": paths, "FC_ARGS": args, "FC_FAIL_ON": "fail", "FC_SARIF": sarif,
           "FC_SARIF_FILE": "factcheck.sarif"}
    p = subprocess.run(["bash", "-e", "-c", _step("Check")["run"]], cwd=tmp_path, env=env, capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    calls = [c.split("\0")[:-1] for c in log.read_text().split("\n") if c] if log.exists() else []
    return [[a.lstrip("\n") for a in c] for c in calls], out.read_text()


def test_args_and_paths_are_arrays_one_per_line(tmp_path):
    calls, output = run_check(tmp_path, paths="press kit/\n *.txt \n", args="--exclude\ndrafts/*\n--rules=house rules/\r\n\n")
    assert calls == [["check", "--format", "github", "--fail-on", "fail", "--exclude", "drafts/*",
                      "--rules=house rules/", "--", "press kit/", "*.txt"]]
    assert output == "exit-code=1\n"


def test_quotes_are_characters_and_empty_inputs_default(tmp_path):
    calls, _ = run_check(tmp_path, paths="", args="--exclude 'drafts/*'\n")
    assert calls == [["check", "--format", "github", "--fail-on", "fail", "--exclude 'drafts/*'", "--", "."]]


def test_sarif_is_written_whatever_the_first_run_said(tmp_path):
    calls, output = run_check(tmp_path, paths="releases/", args="", sarif="true", code=2)
    assert [c[:4] for c in calls] == [["check", "--format", "github", "--fail-on"],
                                      ["check", "--format", "sarif", "--output"]]
    assert output == "exit-code=2\n"


def test_action_installs_the_free_distribution_name():
    install = _step("Install factcheck")["run"]
    assert '"factcheck-press==$FC_VERSION"' in install and "factcheck==" not in install
    result = _step("Result")
    assert result["env"]["FC_CODE"] == "${{ steps.check.outputs.exit-code }}"
