"""Markdown, HTML and DOCX versions of one sample give the same findings, at the right source positions.

Each version is built from the plain-text sample (one paragraph per line), with the markup each format adds
(Markdown emphasis and a heading, HTML entities and tags, DOCX runs split inside figures), so the test
shows the readers map every finding back to where its figure is written in the original file.
"""

from __future__ import annotations

import html
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ["otokar-romania.txt", "meridian-sensors-fy2024.txt", "calder-propellant-plant.txt"]


def _paragraphs(name: str) -> list[str]:
    return [ln for ln in (ROOT / "samples" / name).read_text(encoding="utf-8").splitlines() if ln.strip()]


def _markdown(paras: list[str]) -> str:
    head, *body = paras
    out = ["---", "title: sample", "---", "", f"# {head}", ""]
    for p in body:
        out += [p.replace(" — ", " — **", 1) + "**" if " — " in p else p, ""]
    out += ["```", "1,000 vehicles in a code block, 50% of nothing", "```", ""]
    return "\n".join(out)


def _html(paras: list[str]) -> str:
    head, *body = paras
    lines = ["<!doctype html><html><head><title>x 99%</title><style>p{margin:0}</style></head><body>",
             f"<h1>{html.escape(head)}</h1>"]
    for p in body:
        esc = html.escape(p, quote=False).replace("€", "&euro;").replace("—", "&mdash;")
        lines.append(f"<p>{esc}</p>")
    lines.append("<script>var x = 1000 + '45%';</script></body></html>")
    return "\n".join(lines)


def _docx(paras: list[str], path: Path) -> None:
    def para(text: str) -> str:
        # split the runs in the middle of the text, as Word does, to check figures read across runs
        cut = len(text) // 2
        runs = [text[:cut], text[cut:]]
        return "<w:p>" + "".join(f'<w:r><w:t xml:space="preserve">{html.escape(r, quote=False)}</w:t></w:r>'
                                 for r in runs) + "</w:p>"

    body = "".join(para(p) for p in paras)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f"<w:body>{body}</w:body></w:document>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("word/document.xml", doc)


def _findings(path: Path) -> tuple[list[dict], int]:
    r = CliRunner().invoke(app, ["check", "--format", "json", "--no-config", str(path)])
    assert r.exit_code in (0, 1), r.output
    data = json.loads(r.stdout)
    return data["files"][0]["findings"], r.exit_code


def _key(f: dict) -> tuple:
    return (f["rule"], f["status"], f["text"].replace("**", ""))


@pytest.mark.parametrize("name", SAMPLES)
def test_same_findings_at_the_right_places(tmp_path: Path, name: str) -> None:
    paras = _paragraphs(name)
    txt = tmp_path / "a.txt"
    txt.write_text("\n".join(paras) + "\n", encoding="utf-8")
    md = tmp_path / "a.md"
    md.write_text(_markdown(paras), encoding="utf-8")
    page = tmp_path / "a.html"
    page.write_text(_html(paras), encoding="utf-8")
    docx = tmp_path / "a.docx"
    _docx(paras, docx)

    base, code = _findings(txt)
    assert base, "the sample should produce findings"
    for path in (md, page, docx):
        got, got_code = _findings(path)
        assert sorted(map(_key, got)) == sorted(map(_key, base)), path.suffix
        assert got_code == code
        if path.suffix == ".docx":
            # DOCX: line is the paragraph number, columns count within the paragraph
            for f in got:
                assert paras[f["line"] - 1][f["column"] - 1:].startswith(f["text"][:3])
            continue
        src = path.read_text(encoding="utf-8").splitlines()
        for f in got:
            line = src[f["line"] - 1]
            at = html.unescape(line[f["column"] - 1:]) if path.suffix == ".html" else line[f["column"] - 1:]
            assert at.startswith(f["text"][:3]), (path.suffix, f["line"], f["column"], f["text"], line[:80])
