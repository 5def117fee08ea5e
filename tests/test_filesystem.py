"""The file system (issue 12 points 5 and 6): --fix keeps what a file is (mode, owner, group, hard links),
refuses read-only files and checks every target before writing any, cleans up on SIGTERM; init,
install-hook and baseline -o never write through a link that leads out; the hook reads staged blobs by
object id, so `0:report.txt` and `1:x.txt` are themselves; git missing and a hooks path that is a file
are one clear line."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import fix as fixmod
from factcheck import hooks
from factcheck.cli import app, normalize_argv
from factcheck.model import FileResult, Finding, Fix

WRONG = "Output grew from 94 to 224 vehicles, a 128% increase.\n"
FIXED = "Output grew from 94 to 224 vehicles, a 138% increase.\n"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def invoke(*args: str):
    return CliRunner().invoke(app, normalize_argv(list(args)))


def fake_run(doc, rules, opts=None):
    """'N% increase' fails with a fix to 138% unless N is 138."""
    findings = []
    for m in re.finditer(r"(\d+)% increase", doc.text):
        a, b = m.start(), m.start() + len(m.group(1)) + 1
        if m.group(1) != "138":
            findings.append(Finding(rule="percent-change", kind="percent_change", status="fail", severity="error",
                                    start=a, end=b, text=doc.text[a:b], message="should be 138%",
                                    fix=Fix(a, b, "138%")))
    return FileResult(path=doc.path, document=doc, findings=findings)


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr("factcheck.pipeline.run", fake_run)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "factcheck-" in p.name)


# ---------------------------------------------------------------------------------------------- --fix


def test_fix_refuses_a_read_only_file(tmp_path, fake):
    p = tmp_path / "a.txt"
    p.write_text(WRONG)
    p.chmod(0o444)
    r = invoke("--fix", str(p))
    assert r.exit_code == 2
    assert f"factcheck: error: {p}: read-only file; not fixed" in r.stderr
    assert p.read_text() == WRONG  # even for root, who could write it
    assert p.stat().st_mode & 0o777 == 0o444


def test_fix_checks_every_target_before_writing_any(tmp_path, fake):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(WRONG)
    second.write_text(WRONG)
    second.chmod(0o444)
    r = invoke("--fix", str(first), str(second))
    assert r.exit_code == 2
    assert first.read_text() == WRONG  # before: the first was rewritten, then "the file is unchanged"
    assert "--fix: no file was rewritten (1 of 2 files cannot be written)" in r.stderr
    assert "2 claims checked in 2 files: 0 hold, 2 wrong" in r.stdout  # the report is still there


def test_fix_keeps_hard_links_mode_and_owner(tmp_path, fake):
    p = tmp_path / "a.txt"
    p.write_text(WRONG)
    p.chmod(0o640)
    link = tmp_path / "same.txt"
    os.link(p, link)
    ino = p.stat().st_ino
    assert invoke("--fix", str(p)).exit_code == 0
    assert link.read_text() == FIXED  # the other name sees the fix: same file
    assert p.stat().st_ino == ino and p.stat().st_nlink == 2
    assert p.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_fix_as_root_keeps_the_owner_and_group(tmp_path, fake):
    p = tmp_path / "a.txt"
    p.write_text(WRONG)
    os.chown(p, 4321, 4322)
    assert invoke("--fix", str(p)).exit_code == 0
    assert p.read_text() == FIXED
    assert (p.stat().st_uid, p.stat().st_gid) == (4321, 4322)  # before: root:root after the rename


def test_write_in_place_restores_the_original_when_the_write_fails(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text("original\n")
    calls = []

    def failing(target, data):
        calls.append(data)
        if len(calls) == 1:
            with open(target, "r+b") as fh:
                fh.write(data[:3])  # a partial write, then the disk fills up
            raise OSError(28, "No space left on device")
        return real(target, data)

    real = fixmod._overwrite
    monkeypatch.setattr(fixmod, "_overwrite", failing)
    with pytest.raises(OSError, match="No space left"):
        fixmod.write_in_place(p, b"new content\n")
    assert p.read_text() == "original\n"
    assert leftovers(tmp_path) == []


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text(WRONG)
    real_fsync = os.fsync

    def fsync_then_term(fd):
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(fixmod.os, "fsync", fsync_then_term)
    with pytest.raises(fixmod.Interrupted) as e:
        fixmod.write_atomic(str(p), FIXED.encode())
    assert e.value.signum == signal.SIGTERM
    assert p.read_text() == WRONG and leftovers(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # the handler is put back


def test_sigterm_from_outside_during_fix_exits_143_and_cleans_up(tmp_path):
    """A real process, killed while it writes: the write is slowed by a sitecustomize that sleeps in fsync."""
    p = tmp_path / "a.txt"
    p.write_text("Output grew from 94 to 224 vehicles, a 128% increase.\n" * 2000)
    (tmp_path / "sitecustomize.py").write_text(
        "import os, time\n_f = os.fsync\n"
        "def _slow(fd):\n    open(os.environ['FC_MARK'], 'w').close()\n    time.sleep(30)\n    _f(fd)\n"
        "os.fsync = _slow\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path), FC_MARK=str(tmp_path / "in-fsync"), NO_COLOR="1")
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "--fix", "--jobs", "1", str(p)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(600):
            if (tmp_path / "in-fsync").exists() or proc.poll() is not None:
                break
            import time
            time.sleep(0.1)
        if proc.poll() is not None:
            pytest.skip("factcheck found nothing to fix in the seed sentence here: " + proc.stderr.read()[-200:])
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143, err
    assert "factcheck: interrupted" in err and "Traceback" not in err
    assert [n for n in leftovers(tmp_path) if n != "sitecustomize.py"] == []
    assert p.read_text().startswith("Output grew from 94 to 224 vehicles, a 128% increase.")


# ------------------------------------------------------------------------------------------ articles


@pytest.mark.parametrize("figure, article", [
    ("11%", "an"), ("18%", "an"), ("8%", "an"), ("8.5%", "an"), ("80", "an"), ("83%", "an"), ("800", "an"),
    ("8,000", "an"), ("11,000", "an"), ("18000", "an"), ("800,000", "an"), ("€18 million", "an"), ("$8bn", "an"),
    ("eleven", "an"), ("eighty", "an"), ("9%", "a"), ("12.5%", "a"), ("110", "a"), ("1,100", "a"), ("180,000", "a"),
    ("0.8", "a"), ("one", "a"), ("100", "a"), ("USD 264 million", None), ("-8%", None), ("Q3", None),
])
def test_article_for_the_spoken_figure(figure, article):
    assert fixmod.article_for(figure) == article


@pytest.mark.parametrize("text, replacement, expected", [
    ("It was a 12% increase.", "11%", "It was an 11% increase."),
    ("It was an 18% increase.", "9%", "It was a 9% increase."),
    ("It was an 8% increase.", "18%", "It was an 18% increase."),
    ("A 12% increase.", "11%", "An 11% increase."),
    ("An 8% rise.", "9%", "A 9% rise."),
    ("It was a 12% increase.", "13%", "It was a 13% increase."),
    ("a €12 million order", "€18 million", "an €18 million order"),
    ("banana 12%", "11%", "banana 11%"),  # "a" inside a word is no article
])
def test_fix_makes_the_article_agree(text, replacement, expected):
    from factcheck.model import Document

    figure = re.search(r"€?\d+%?( million)?", text)
    assert figure
    doc = Document(path="x.txt", text=text)
    f = Finding(rule="percent-change", kind="percent_change", status="fail", severity="error", start=figure.start(),
                end=figure.end(), text=figure.group(0), message="m", fix=Fix(figure.start(), figure.end(), replacement))
    new, n = fixmod.apply_fixes(doc, text, [f])
    assert (new, n) == (expected, 1)


def test_fix_end_to_end_corrects_the_article(tmp_path, fake):
    p = tmp_path / "a.txt"
    p.write_text("Output grew from 94 to 224 vehicles, an 18% increase.\n")
    r = invoke("--diff", str(p))
    assert "+Output grew from 94 to 224 vehicles, a 138% increase." in r.stdout
    invoke("--fix", str(p))
    assert p.read_text() == FIXED


@pytest.mark.parametrize("value, decimals, text", [
    (12.5, 0, "13"), (2.675, 2, "2.68"), (0.125, 2, "0.13"), (-2.5, 0, "-3"), (137.5, 0, "138"), (12.45, 1, "12.5"),
    (-0.4, 0, "0"), (12345.5, 0, "12,346"),
])
def test_suggested_figures_round_half_up(value, decimals, text):
    from factcheck.numfmt import fmt_number

    assert fmt_number(value, decimals, False) == text


def test_restated_figure_rounds_half_up():
    from factcheck.model import Mention
    from factcheck.numfmt import restate

    doc = "Sales rose 12% to EUR 2.7 billion."
    pct = Mention(start=11, end=14, text="12%", type="percent", value=12, unit="percent", num_start=11, num_end=13)
    assert restate(pct, 12.5, doc) == "13%"  # half to even gave "12%"
    eur = Mention(start=18, end=33, text="EUR 2.7 billion", type="currency", value=2.7e9, unit="EUR", num_start=22,
                  num_end=25, scale="billion", decimals=1)
    assert restate(eur, 2.65e9, doc) == "EUR 2.7 billion"  # 2.65 is stored as 2.6499…: its decimal form rounds up


def test_figure_written_in_words_is_restated_with_plain_marks():
    """A numeral in words has no group or decimal marks to copy: its letters are none ("645h454.5" came of "half")."""
    from factcheck.extract import extract
    from factcheck.model import Document
    from factcheck.numfmt import restate
    from factcheck.ruleset import load_rules

    doc = "Each robot costs about half a million euros."
    m = next(x for x in extract(Document(path="-", text=doc), load_rules().vocab) if "million" in x.text)
    assert m.word and m.value == 500_000
    assert restate(m, 645_454.5, doc) == "645,454.5 euros"


def test_figure_in_a_currency_subunit_is_restated_in_it():
    """"42 pence" is worth GBP 0.42: a value is restated in pence, not rounded as pounds ("0 pence", "1 pence")."""
    from factcheck.extract import extract
    from factcheck.model import Document
    from factcheck.numfmt import restate
    from factcheck.ruleset import load_rules

    doc = "The dividend is 42 pence."
    m = next(x for x in extract(Document(path="-", text=doc), load_rules().vocab) if "pence" in x.text)
    assert m.value == 0.42
    assert restate(m, 0.62, doc) == "62 pence"
    assert restate(m, 0.03, doc) == "3 pence"


# ------------------------------------------------------------------------------------- writes and links


def test_init_never_writes_through_a_link(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / ".factcheck.yaml").symlink_to(outside / "stolen.yaml")  # dangling
    r = invoke("init", str(proj))
    assert r.exit_code == 2 and "a symbolic link; not overwritten" in r.stderr
    assert not (outside / "stolen.yaml").exists()
    (proj / ".factcheck.yaml").unlink()
    (proj / "factcheck-rules").symlink_to(outside)  # a linked folder that leads out
    r = invoke("init", str(proj))
    assert r.exit_code == 2 and "outside" in r.stderr
    assert list(outside.iterdir()) == [] and not (proj / ".factcheck.yaml").exists()
    (proj / "factcheck-rules").unlink()
    assert invoke("init", str(proj)).exit_code == 0


def test_baseline_output_never_writes_through_a_link_out_of_its_folder(tmp_path, fake, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "a.txt").write_text(WRONG)
    (tmp_path / "proj" / "b.json").symlink_to(tmp_path / "elsewhere.json")  # dangling, out of proj/
    monkeypatch.chdir(tmp_path / "proj")
    r = invoke("baseline", "-o", "b.json", "a.txt")
    assert r.exit_code == 2 and "a symbolic link to" in r.stderr and "not written through" in r.stderr
    assert not (tmp_path / "elsewhere.json").exists()
    (tmp_path / "proj" / "c.json").symlink_to("kept.json")  # a link inside the folder is fine
    assert invoke("baseline", "-o", "c.json", "a.txt").exit_code == 0
    assert (tmp_path / "proj" / "kept.json").exists()


@needs_git
def test_install_hook_never_writes_through_a_link_out_of_the_repository(tmp_path, monkeypatch):
    repo = _repo(tmp_path)
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.symlink_to(tmp_path / "outside-hook")  # dangling
    with pytest.raises(hooks.HookError, match="a symbolic link to .*outside-hook.*not written through"):
        hooks.install(force=True, cwd=str(repo))
    assert not (tmp_path / "outside-hook").exists()


@needs_git
def test_hooks_path_pointing_at_a_file_is_one_clear_line(tmp_path):
    repo = _repo(tmp_path)
    (repo / "hooksfile").write_text("not a folder\n")
    subprocess.run(["git", "config", "core.hooksPath", "hooksfile"], cwd=repo, check=True)
    with pytest.raises(hooks.HookError) as e:
        hooks.install(cwd=str(repo))
    assert str(e.value) == f"{repo / 'hooksfile'}: the hooks folder is a file, not a folder (check `git config " \
                           "core.hooksPath`)"


def test_git_missing_is_said_as_such(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no git here
    with pytest.raises(hooks.GitMissing, match="git is not installed"):
        hooks.hook_path(str(tmp_path))
    r = invoke("check", "--staged")
    assert r.exit_code == 2
    assert r.stderr.startswith("factcheck: git is not installed (or not on PATH)")


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    return repo


@needs_git
def test_staged_names_that_look_like_revisions_are_read_by_object_id(tmp_path, fake, monkeypatch):
    repo = _repo(tmp_path)
    (repo / "0:report.txt").write_text(WRONG)  # `git show :0:report.txt` would read stage 0 of report.txt
    (repo / "report.txt").write_text("Fine.\n")
    (repo / "1:x.txt").write_text("Fine too.\n")  # `git show :1:x.txt`: stage 1 of x.txt, which fails
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    (repo / "0:report.txt").write_text(FIXED)  # the working tree differs from what is staged
    monkeypatch.chdir(repo)
    staged = {shown: oid for shown, _, oid in hooks.staged_files()}
    assert set(staged) == {"0:report.txt", "1:x.txt", "report.txt"}
    assert hooks.read_blobs([staged["0:report.txt"], staged["1:x.txt"]]) == [WRONG.encode(), b"Fine too.\n"]
    r = invoke("check", "--staged")
    assert r.exit_code == 1  # before: 0 (report.txt was checked in place of 0:report.txt) or 2 (1:x.txt)
    assert "0:report.txt:1:40" in r.stdout
