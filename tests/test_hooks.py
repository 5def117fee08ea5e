"""Git integration end to end, in temporary repositories: install-hook and the pre-commit tool.

A commit with a wrong figure is refused with the finding shown; after the fix (install-hook test)
or a suppression comment (pre-commit test) it goes through. The hook checks the *staged* version.
Both end-to-end tests skip, saying why, when `factcheck` does not yet fail the seed sentence.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import hooks

ROOT = Path(__file__).resolve().parent.parent
WRONG = "Output grew from 94 to 224 vehicles, a 128% increase.\n"
FIXED = "Output grew from 94 to 224 vehicles, a 138% increase.\n"
FACTCHECK = [sys.executable, "-m", "factcheck"]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com",
               PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1")
    # the hook must find this interpreter's factcheck first
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _git(repo: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def repo(tmp_path):
    r = tmp_path / "repo"
    r.mkdir()
    env = _env(tmp_path)
    assert _git(r, env, "init", "-q").returncode == 0
    return r, env


@pytest.fixture(scope="module")
def linker_ready(tmp_path_factory):
    p = tmp_path_factory.mktemp("probe") / "a.txt"
    p.write_text(WRONG)
    r = subprocess.run([*FACTCHECK, str(p)], capture_output=True, text=True, timeout=60)
    if r.returncode != 1:
        pytest.skip("factcheck does not fail the seed sentence yet (linker not landed): e2e hook test inactive")


def test_install_hook_refuses_a_foreign_hook(repo):
    r, env = repo
    hook = r / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text("#!/bin/sh\necho mine\n")
    p = subprocess.run([*FACTCHECK, "install-hook"], cwd=r, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 2
    assert "a pre-commit hook is already there" in p.stderr and "Traceback" not in p.stderr
    assert hook.read_text() == "#!/bin/sh\necho mine\n"
    p = subprocess.run([*FACTCHECK, "install-hook", "--uninstall"], cwd=r, env=env, capture_output=True, text=True)
    assert p.returncode == 2 and hook.exists()
    p = subprocess.run([*FACTCHECK, "install-hook", "--force"], cwd=r, env=env, capture_output=True, text=True)
    assert p.returncode == 0 and p.stdout.startswith("replaced ")
    assert hooks.MARKER in hook.read_text() and os.access(hook, os.X_OK)
    p = subprocess.run([*FACTCHECK, "install-hook", "--uninstall"], cwd=r, env=env, capture_output=True, text=True)
    assert p.returncode == 0 and not hook.exists()


def test_install_hook_outside_a_repository(tmp_path):
    env = _env(tmp_path)
    env["GIT_CEILING_DIRECTORIES"] = str(tmp_path)
    p = subprocess.run([*FACTCHECK, "install-hook"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert p.returncode == 2
    assert p.stderr.strip() == "factcheck: not inside a git repository (run `git init` first)"


def test_installed_hook_checks_the_staged_version(repo, linker_ready):
    r, env = repo
    p = subprocess.run([*FACTCHECK, "install-hook"], cwd=r, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    (r / "news").mkdir()
    art = r / "news" / "release.txt"
    art.write_text(WRONG)
    (r / "code.py").write_text("x = '128% increase from 94 to 224'\n")  # not a text format: not checked
    _git(r, env, "add", ".")
    c = _git(r, env, "commit", "-m", "wrong figure")
    assert c.returncode != 0, "the commit should have been refused"
    shown = c.stdout + c.stderr  # git sends the hook's output to stderr
    assert "news/release.txt:1:40" in shown and "128%" in shown
    assert "code.py" not in shown
    # fixed in the working tree but not staged: the staged version is still wrong
    art.write_text(FIXED)
    assert _git(r, env, "commit", "-m", "still wrong").returncode != 0
    _git(r, env, "add", "news/release.txt")
    c = _git(r, env, "commit", "-m", "fixed")
    assert c.returncode == 0, c.stdout + c.stderr
    assert _git(r, env, "log", "--oneline").stdout.count("\n") == 1


def test_pre_commit_manifest_is_valid(tmp_path):
    pc = shutil.which("pre-commit")
    if pc is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    p = subprocess.run([pc, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")], capture_output=True,
                       text=True, env=_env(tmp_path), timeout=60)
    assert p.returncode == 0, p.stdout + p.stderr


def test_pre_commit_end_to_end(repo, linker_ready):
    """pre-commit with a local `language: system` hook (offline) running factcheck on the staged files."""
    pc = shutil.which("pre-commit")
    if pc is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    r, env = repo
    entry = " ".join(shlex.quote(x) for x in [*FACTCHECK, "check"])
    (r / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n    hooks:\n      - id: factcheck\n        name: factcheck\n"
        f"        entry: {entry}\n        language: system\n        types_or: [plain-text, markdown, html]\n")
    assert subprocess.run([pc, "install"], cwd=r, env=env, capture_output=True, timeout=120).returncode == 0
    art = r / "release.txt"
    art.write_text("Headline\n" + WRONG)
    _git(r, env, "add", ".")
    c = _git(r, env, "commit", "-m", "wrong figure")
    assert c.returncode != 0, "pre-commit should have refused the commit"
    out = c.stdout + c.stderr
    assert "factcheck" in out and "Failed" in out
    assert "release.txt:2:40" in out and "128%" in out
    # a suppression comment lets it through
    art.write_text("Headline\n" + WRONG.rstrip("\n") + " [factcheck: ignore percent-change]\n")
    _git(r, env, "add", ".")
    c = _git(r, env, "commit", "-m", "known and accepted")
    assert c.returncode == 0, c.stdout + c.stderr
    assert "factcheck" in c.stderr and "Passed" in c.stderr


def test_action_is_a_composite_action_with_sarif_upload():
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    assert {"paths", "args", "fail-on", "sarif", "sarif-file"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "factcheck check --format github" in runs and "--format sarif" in runs
    assert all("${{" not in s.get("run", "") for s in steps), "inputs reach scripts through env, not templating"
