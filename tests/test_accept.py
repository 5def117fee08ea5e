"""Accepting a figure without changing the published text (issue 11 point 5): `factcheck accept FILE:LINE`
writes .factcheck-ignore.json beside the release, keyed by fingerprint, and later runs honour it; in Word
files a comment holding `factcheck: ignore RULE` on the commented range; unknown rule ids in either are
errors (exit 2, file:line, did you mean)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.baseline import IGNORE_NAME, BaselineError, load_ignore
from factcheck.cli import app, normalize_argv
from factcheck.document import read_bytes
from factcheck.document.suppress import take_word_comments
from factcheck.model import FileResult, Finding, Suppression

ARTICLE = ("Q3 release.\n"
           "Output grew from 94 to 224 vehicles, a 128% increase.\n"
           "Staff grew from 10 to 20, a 90% increase.\n")


def invoke(*args: str):
    return CliRunner().invoke(app, normalize_argv(list(args)))


def fake_run(doc, rules, opts=None):
    """Every 'N% increase' with N not 138 or 100 fails (rule percent-change); suppressions as the pipeline does."""
    from factcheck.pipeline import _suppress

    out = []
    for m in re.finditer(r"(\d+)% increase", doc.text):
        if m.group(1) not in ("138", "100"):
            a, b = m.start(), m.start() + len(m.group(1)) + 1
            out.append(Finding(rule="percent-change", kind="percent_change", status="fail", severity="error",
                               start=a, end=b, text=doc.text[a:b], message="does not hold"))
    return FileResult(path=doc.path, document=doc, findings=[_suppress(doc, f) for f in out])


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr("factcheck.pipeline.run", fake_run)


@pytest.fixture
def release(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "releases").mkdir()
    p = tmp_path / "releases" / "q3.txt"
    p.write_text(ARTICLE)
    return p


def test_accept_a_line_then_the_check_passes(release, fake):
    assert invoke("releases/q3.txt").exit_code == 1
    r = invoke("accept", "releases/q3.txt:2", "--reason", "restated base, see CFO note")
    assert r.exit_code == 0, r.output
    assert r.stdout == f"accepted releases/q3.txt:2:40 percent-change 128% in releases/{IGNORE_NAME}\n"
    data = json.loads((release.parent / IGNORE_NAME).read_text())
    [entry] = data["ignore"]
    assert entry["path"] == "q3.txt" and entry["rule"] == "percent-change" and entry["line"] == 2
    assert entry["text"] == "128%" and entry["reason"] == "restated base, see CFO note"
    assert re.fullmatch(r"[0-9a-f]{16}", entry["fingerprint"])
    assert release.read_text() == ARTICLE  # the published text is untouched
    out = json.loads(invoke("--format", "json", "releases/q3.txt").stdout)
    assert [(f["text"], f["suppressed"]) for f in out["files"][0]["findings"]] == [("128%", True), ("90%", False)]
    invoke("accept", "releases/q3.txt:3:29")
    assert invoke("releases/q3.txt").exit_code == 0
    # the entry follows the sentence, not the line number
    release.write_text("New first line.\n" + ARTICLE)
    assert invoke("releases/q3.txt").exit_code == 0
    # an edit to the sentence itself brings the finding back
    release.write_text(ARTICLE.replace("224 vehicles", "225 vehicles"))
    assert invoke("releases/q3.txt").exit_code == 1


def test_accept_where_there_is_nothing_says_where_there_is(release, fake):
    r = invoke("accept", "releases/q3.txt:1")
    assert r.exit_code == 2
    assert r.stderr == ("factcheck: releases/q3.txt:1: no warning or failure to accept there (this file has: "
                        "2:40 percent-change, 3:29 percent-change)\n")
    assert not (release.parent / IGNORE_NAME).exists()
    assert invoke("accept", "releases/nope.txt:3").exit_code == 2
    r = invoke("accept", "releases/q3.txt:2", "--rule", "percent-chnge")
    assert r.exit_code == 2 and "did you mean 'percent-change'?" in r.stderr


def test_accept_twice_and_remove(release, fake):
    invoke("accept", "releases/q3.txt:2")
    r = invoke("accept", "releases/q3.txt:2")
    assert r.exit_code == 0 and "already accepted" in r.stdout
    assert len(json.loads((release.parent / IGNORE_NAME).read_text())["ignore"]) == 1
    r = invoke("accept", "--remove", "releases/q3.txt:2")
    assert r.exit_code == 0 and r.stdout.startswith("removed releases/q3.txt:2 percent-change 128%")
    assert json.loads((release.parent / IGNORE_NAME).read_text())["ignore"] == []
    assert invoke("releases/q3.txt").exit_code == 1
    assert invoke("accept", "--remove", "releases/q3.txt:2").exit_code == 2


def test_accept_a_whole_file_and_colons_in_its_name(tmp_path, fake, monkeypatch):
    monkeypatch.chdir(tmp_path)
    p = tmp_path / "0:q3.txt"
    p.write_text(ARTICLE)
    r = invoke("accept", "0:q3.txt")
    assert r.exit_code == 0 and r.stdout.count("accepted ") == 2
    assert invoke("0:q3.txt").exit_code == 0
    p.write_text(ARTICLE)
    (tmp_path / IGNORE_NAME).unlink()
    assert invoke("accept", "0:q3.txt:3").exit_code == 0
    assert [e.line for e in load_ignore(tmp_path / IGNORE_NAME).entries] == [3]


def test_ignore_entries_are_per_file(release, fake):
    other = release.parent / "q4.txt"
    other.write_text(ARTICLE)
    invoke("accept", "releases/q3.txt")
    assert invoke("releases/q3.txt").exit_code == 0
    assert invoke("releases/q4.txt").exit_code == 1  # same sentences, other file: not accepted


def test_ignore_file_with_an_unknown_rule_or_bad_json_is_exit_2(release, fake):
    invoke("accept", "releases/q3.txt:2")
    ig = release.parent / IGNORE_NAME
    ig.write_text(ig.read_text().replace('"rule": "percent-change"', '"rule": "percent-chnage"'))
    r = invoke("releases/q3.txt")
    assert r.exit_code == 2
    assert (f"factcheck: error: {Path('releases') / IGNORE_NAME}:10: unknown rule or kind 'percent-chnage' "
            "(did you mean 'percent-change'?) in an ignore entry") in r.stderr
    ig.write_text("[" * 50 + "]" * 50)
    r = invoke("releases/q3.txt")
    assert r.exit_code == 2 and "not a factcheck ignore file" in r.stderr
    with pytest.raises(BaselineError, match="nested more than 32"):
        load_ignore(ig)
    ig.write_text('{"version": 1, "ignore": [{"path": "q3.txt"}]}')
    with pytest.raises(BaselineError, match="needs path, fingerprint and rule"):
        load_ignore(ig)


def test_accept_never_writes_through_a_link_out_of_the_folder(release, fake, tmp_path):
    (release.parent / IGNORE_NAME).symlink_to(tmp_path / "elsewhere.json")
    r = invoke("accept", "releases/q3.txt:2")
    assert r.exit_code == 2 and "not written through" in r.stderr
    assert not (tmp_path / "elsewhere.json").exists()


# ----------------------------------------------------------------------------------------- Word comments

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def run(text: str) -> str:
    return f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>"


def docx(body: str, comments: dict[int, str]) -> bytes:
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}'
           "</w:body></w:document>")
    notes = "".join(f'<w:comment w:id="{i}" w:author="Editor"><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:comment>'
                    for i, t in comments.items())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", doc)
        z.writestr("word/comments.xml", f'<?xml version="1.0"?><w:comments xmlns:w="{W}">{notes}</w:comments>')
    return buf.getvalue()


def commented(i: int, text: str) -> str:
    return (f'<w:commentRangeStart w:id="{i}"/>{run(text)}<w:commentRangeEnd w:id="{i}"/>'
            f'<w:r><w:commentReference w:id="{i}"/></w:r>')


def test_word_comment_suppresses_the_commented_paragraphs():
    body = (f"<w:p>{run('Q3 release.')}</w:p>"
            f"<w:p>{run('Output grew from 94 to 224 vehicles, a ')}{commented(0, '128%')}{run(' increase.')}</w:p>"
            f"<w:p>{run('Staff grew from 10 to 20, a 90% increase.')}"
            f"{commented(1, '')}</w:p>"
            f'<w:p><w:commentRangeStart w:id="2"/>{run("Costs rose 7%.")}</w:p>'
            f'<w:p>{run("Profit rose 9%.")}<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r></w:p>'
            f"<w:p>{run('Untouched 5%.')}</w:p>")
    data = docx(body, {0: "Confirmed with CFO. factcheck: ignore percent-change -- restated base",
                       1: "Nice work", 2: "factcheck: ignore"})
    doc = read_bytes(data, "q3.docx")
    lines = doc.source.split("\n")
    assert lines[1] == "Output grew from 94 to 224 vehicles, a 128% increase."  # no marker left in the text
    assert "\uf8f0" not in doc.text and doc.text == doc.source
    assert doc.suppressions == (Suppression(2, ("percent-change",)), Suppression(4, ()), Suppression(5, ()))
    assert [s.at for s in doc.suppressions] == [2, 4, 4]


def test_word_comment_end_to_end_and_unknown_rule(tmp_path, fake):
    body = (f"<w:p>{run('Output grew from 94 to 224 vehicles, a ')}{commented(0, '128%')}{run(' increase.')}</w:p>"
            f"<w:p>{run('Staff grew from 10 to 20, a ')}{commented(1, '90%')}{run(' increase.')}</w:p>")
    p = tmp_path / "q3.docx"
    p.write_bytes(docx(body, {0: "factcheck: ignore percent-change", 1: "factcheck: ignore percent_change"}))
    r = invoke("--format", "json", str(p))
    assert r.exit_code == 0, r.output
    assert [f["suppressed"] for f in json.loads(r.stdout)["files"][0]["findings"]] == [True, True]
    p.write_bytes(docx(body, {0: "factcheck: ignore percent-change", 1: "factcheck: ignore percnt-change"}))
    r = invoke(str(p))
    assert r.exit_code == 2
    assert (f"factcheck: error: {p}:2: unknown rule or kind 'percnt-change' (did you mean 'percent-change'?) in a "
            "suppression comment") in r.stderr


def test_word_comments_without_directive_change_nothing():
    body = f"<w:p>{run('A ')}{commented(0, '5%')}{run(' rise.')}</w:p>"
    doc = read_bytes(docx(body, {0: "Please check this figure"}), "a.docx")
    assert doc.source == "A 5% rise." and doc.suppressions == ()
    assert take_word_comments("plain text\nno markers") == ("plain text\nno markers", ())
