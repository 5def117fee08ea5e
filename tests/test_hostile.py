"""Hostile input (issue 12): never block, never read without bound, never crash, never lose a word.

The first test runs every case of ``benchmarks/hostile.py`` in-process (the script runs them as fresh
processes with a 20 s limit) and checks the same bars: an exit code the case allows, no traceback, no
"internal error", the words the case expects, nothing written. The tests after it pin the behaviour of
each defect precisely: what is read, what is refused and with which message.
"""

from __future__ import annotations

import importlib.util
import io
import os
import signal
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.baseline import with_fingerprints
from factcheck.cli import app, collect_inputs, normalize_argv
from factcheck.document import InputError, human_size, parse_size, read_bytes, read_path, read_regular
from factcheck.document.docx import MAX_PARAGRAPHS, docx_paragraphs
from factcheck.extract import extract_text
from factcheck.extract.mentions import MAX_FIGURE
from factcheck.pipeline import run
from factcheck.ruleset import load_rules

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "hostile.py"
_spec = importlib.util.spec_from_file_location("hostile_benchmark", _PATH)
assert _spec is not None and _spec.loader is not None
hostile = importlib.util.module_from_spec(_spec)
sys.modules["hostile_benchmark"] = hostile
_spec.loader.exec_module(hostile)

WRONG = hostile.WRONG


@pytest.fixture
def deadline():
    """Fail (instead of hanging the suite) if the test has not finished in 20 s."""
    def expired(signum, frame):
        raise TimeoutError("did not finish within 20 s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def invoke(args: list[str], stdin: bytes | None = None):
    return CliRunner().invoke(app, normalize_argv(args), input=stdin)


# ------------------------------------------------------------------------------------------------- the bars

@pytest.mark.parametrize("case", hostile.CASES, ids=[c.name for c in hostile.CASES])
def test_hostile_case_meets_the_bars(case, tmp_path, monkeypatch, deadline):
    why = hostile.applicable(case)
    if why:
        pytest.skip(why)
    monkeypatch.chdir(tmp_path)
    args = case.build(tmp_path)
    before = hostile.snapshot(tmp_path)
    r = invoke(args, case.stdin)
    crashed = r.exception is not None and not isinstance(r.exception, SystemExit)
    output = r.output + (r.stderr if r.stderr_bytes is not None else "")
    if crashed:
        output += "\nTraceback (most recent call last): " + repr(r.exception)
    after = hostile.snapshot(tmp_path)
    for sub in tmp_path.rglob("*"):
        if sub.is_dir() and not sub.is_symlink():
            os.chmod(sub, 0o755)
    assert hostile.judge(case, r.exit_code, output, before, after) == []


def test_the_bars_script_runs_cases_as_processes(tmp_path):
    """The script itself: a case that passes, one that breaks a bar (its own folder is cleaned up)."""
    ok = hostile.Case("ok", hostile._file("a.txt", WRONG), (1,), "138")
    bad = hostile.Case("bad", hostile._file("a.txt", WRONG), (0,), "nothing of the sort")
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    assert hostile.run_case(ok, tmp_path / "one")[0] == []
    missed = hostile.run_case(bad, tmp_path / "two")[0]
    assert missed == ["exit 1, expected 0", "did not say 'nothing of the sort'"]


# ------------------------------------------------------------------------------------------------- files

def test_fifo_is_refused_without_opening_it(tmp_path, deadline):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match=r"pipe\.txt: a FIFO \(named pipe\), not a regular file$"):
        read_path(str(tmp_path / "pipe.txt"))


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_and_links_to_them_are_refused(tmp_path, target, deadline):
    os.symlink(target, tmp_path / "dev.txt")
    for path in (target, str(tmp_path / "dev.txt")):
        with pytest.raises(InputError, match="a character device, not a regular file"):
            read_path(path)


def test_size_limit_is_checked_before_reading_and_while_reading(tmp_path):
    sparse = tmp_path / "huge.txt"
    with open(sparse, "wb") as fh:
        fh.truncate(4 * 1024**3)
    with pytest.raises(InputError) as e:
        read_path(str(sparse))
    assert str(e.value) == f"{sparse}: file too large (4 GB, over the 10 MB limit); raise it with --max-size"
    small = tmp_path / "a.txt"
    small.write_text(WRONG)
    with pytest.raises(InputError, match="over the 40 bytes limit"):
        read_path(str(small), max_size=40)
    assert read_path(str(small), max_size=len(WRONG)).text == WRONG
    assert read_regular(str(small), len(WRONG)) == WRONG.encode()


def test_standard_input_over_the_limit(monkeypatch):
    with pytest.raises(InputError, match=r"^-: standard input too large \(over the 10 bytes limit\)"):
        read_bytes(b"x" * 11, "-", max_size=10)
    assert read_bytes(b"x" * 10, "-", max_size=10).text == "x" * 10


@pytest.mark.parametrize("text,size", [("10MB", 10 * 1024**2), ("512k", 512 * 1024), ("1.5 GB", 3 * 1024**3 // 2),
                                       ("2048", 2048), ("1kib", 1024)])
def test_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "-5MB", "0", "10QB", "nan", "1e400"])
def test_parse_size_refuses(text):
    with pytest.raises(ValueError):
        parse_size(text)


def test_human_size():
    assert [human_size(n) for n in (1, 40, 1536, 10 * 1024**2, 4 * 1024**3)] == [
        "1 byte", "40 bytes", "1.5 KB", "10 MB", "4 GB"]


def test_max_size_flag_raises_the_limit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(WRONG * 40)  # 2.1 KB
    r = invoke(["--no-config", "--max-size", "1KB", "a.txt"])
    assert r.exit_code == 2 and "a.txt: file too large (2.1 KB, over the 1 KB limit); raise it with --max-size" in r.stderr
    r = invoke(["--no-config", "--max-size", "1MB", "a.txt"])
    assert r.exit_code == 1 and "138" in r.stdout


def test_broken_symlink_and_folder(tmp_path):
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "link.txt")
    with pytest.raises(InputError, match="link.txt: broken symbolic link"):
        read_path(str(tmp_path / "link.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_path(str(tmp_path))


def test_unreadable_subfolder_is_an_input_that_cannot_be_read(tmp_path, monkeypatch):
    """os.walk skipped a folder it could not list, silently; now the folder is an input, and reading it says why.
    (Simulated: the tests may run as root, who can list every folder.)"""
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(WRONG)
    (tmp_path / "b.txt").write_text(WRONG)
    real = os.scandir

    def scandir(path="."):
        if Path(path) == tmp_path / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    from factcheck.cli import gather_inputs

    found = gather_inputs([str(tmp_path)])
    assert [p for p, err in found if err is None] == [str(tmp_path / "b.txt")]  # what can be read is read
    unread = [(p, err) for p, err in found if err is not None]
    assert len(unread) == 1 and unread[0][0] == str(tmp_path / "locked")  # the folder is an input not read
    assert "cannot read this folder" in unread[0][1] and "Permission denied" in unread[0][1]
    assert collect_inputs([str(tmp_path)]) == [str(tmp_path / "b.txt")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list every folder")
def test_unreadable_subfolder_for_real(tmp_path):
    (tmp_path / "locked").mkdir()
    os.chmod(tmp_path / "locked", 0)
    try:
        r = invoke(["--no-config", str(tmp_path)])
    finally:
        os.chmod(tmp_path / "locked", 0o755)
    assert r.exit_code == 2 and "cannot read folder (permission denied)" in r.output


def test_stdin_filename_picks_the_reader_and_the_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    md = "<!-- factcheck: ignore -->\nSales rose 5%.\n\n" + WRONG
    r = invoke(["--no-config", "--format", "json", "--stdin-filename", "news/rel.md"], md.encode())
    assert r.exit_code == 1
    import json

    (f,) = json.loads(r.stdout)["files"]
    assert f["path"] == "news/rel.md"
    assert [(x["line"], x["text"]) for x in f["findings"]] == [(4, "128%")]
    r = invoke(["--no-config", "--stdin-filename", "rel.html", "-"], b"<p>Sales</p><script>1 28%</script>\n")
    assert r.exit_code == 0 and "no claims" in r.stdout
    (tmp_path / "a.txt").write_text(WRONG)
    r = invoke(["--no-config", "--stdin-filename", "rel.md", "a.txt"], b"x")
    assert r.exit_code == 2 and "--stdin-filename names standard input" in r.stderr


# ------------------------------------------------------------------------------------------------- .docx

def _docx(body: str, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    return hostile.docx_bytes(body, compression)


def test_docx_inflating_past_the_limit_is_refused():
    data = _docx("<w:p><w:r><w:t>" + "x" * 300_000 + "</w:t></w:r></w:p>")
    assert len(data) < 2000
    with pytest.raises(InputError, match=r"a\.docx: word/document\.xml too large .* raise it with --max-size"):
        docx_paragraphs(data, "a.docx", max_size=100_000)
    assert len(docx_paragraphs(data, "a.docx", max_size=400_000)[0]) == 300_000


def test_docx_whose_header_understates_the_size_is_read_no_further_than_the_limit():
    data = bytearray(_docx("<w:p><w:r><w:t>" + "x" * 300_000 + "</w:t></w:r></w:p>"))
    name = b"word/document.xml"
    # local header: uncompressed size at 22, name at 30; central directory: size at 24, name at 46
    for sig, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        i = data.find(sig)
        while i >= 0:
            if data[i + name_at:i + name_at + len(name)] == name:
                data[i + size_at:i + size_at + 4] = (1000).to_bytes(4, "little")  # claims 1,000 bytes
            i = data.find(sig, i + 4)
    with pytest.raises(InputError, match="a.docx"):
        docx_paragraphs(bytes(data), "a.docx", max_size=100_000)


def test_docx_with_too_many_paragraphs_is_refused():
    with pytest.raises(InputError, match=f"more than {MAX_PARAGRAPHS:,} paragraphs"):
        docx_paragraphs(_docx("<w:p/>" * (MAX_PARAGRAPHS + 1)), "a.docx")
    assert len(docx_paragraphs(_docx("<w:p/>" * MAX_PARAGRAPHS), "a.docx")) == MAX_PARAGRAPHS


def test_docx_encrypted_member_and_password_protected_file():
    with pytest.raises(InputError, match=r"a\.docx: word/document\.xml is encrypted; not read"):
        docx_paragraphs(hostile.encrypted(_docx(hostile.PARA)), "a.docx")
    with pytest.raises(InputError, match="password-protected or old-format"):
        docx_paragraphs(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "a.docx")


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_docx_other_compressions(compression):
    assert docx_paragraphs(_docx(hostile.PARA, compression), "a.docx") == [WRONG.strip()]


def test_docx_deep_nesting_is_read_in_order():
    runs = "<w:p>" + "<w:r>" * 3000 + "<w:t>deep</w:t>" + "</w:r>" * 3000 + "</w:p>"
    tables = "<w:tbl><w:tr><w:tc>" * 3000 + "<w:p><w:r><w:t>cell</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>" * 3000
    assert docx_paragraphs(_docx(runs + tables), "a.docx") == ["deep", "cell"]
    boxes = hostile._nested_textboxes(3000)
    paras = docx_paragraphs(_docx(boxes), "a.docx")
    assert len(paras) == 3001 and paras[-1] == WRONG.strip() and all(p == "" for p in paras[:-1])


def test_docx_text_boxes_keep_their_order():
    def box(*ps: str) -> str:
        return "<w:r><w:pict><w:txbxContent>" + "".join(ps) + "</w:txbxContent></w:pict></w:r>"

    def para(text: str, *inner: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r>{''.join(inner)}</w:p>"

    body = para("A", box(para("A1", box(para("A1a"))), para("A2"))) + para("B")
    assert docx_paragraphs(_docx(body), "a.docx") == ["A", "A1", "A1a", "A2", "B"]


def test_docx_sym_lone_surrogate_is_no_character():
    data = _docx('<w:p><w:r><w:sym w:char="D800"/><w:sym w:char="0007"/><w:sym w:char="20AC"/>'
                 '<w:t>857 million</w:t></w:r></w:p>')
    doc = read_bytes(data, "a.docx")
    assert doc.text == "€857 million"
    with_fingerprints(run(doc, load_rules()))  # encodes the text: a surrogate raised UnicodeEncodeError


# ------------------------------------------------------------------------------------------------- markup

@pytest.mark.parametrize("tail", ["&#;", "&#", "&#x;", "<!x", "&#;&#;", "<a", "</", "<?", "<![CDATA[", "&&#"])
def test_html_unclosed_comment_hides_the_rest(tail):
    doc = read_bytes(f"<p>Sales rose 5%. {tail}<!-- draft: secret 99".encode(), "a.html")
    assert doc.text.startswith("Sales rose 5%.") and "99" not in doc.text and "secret" not in doc.text
    doc = read_bytes(f"<p>Sales rose 5% {tail}</p><!-- draft: up 99%".encode(), "a.html")
    assert "Sales rose 5%" in doc.text and "99" not in doc.text


def test_html_text_after_a_bad_reference_is_still_read():
    doc = read_bytes(b"<p>A &#; B</p><script>x = 99</script><p>C &#; &amp; 5%</p><!-- 7 -->", "a.html")
    assert doc.text == "A &#; B\n\nC &#; & 5%"
    for i, ch in enumerate(doc.text):
        if ch not in " \n&":
            assert doc.source[doc.source_offset(i)] == ch


def test_html_directive_in_an_unclosed_comment_still_counts():
    doc = read_bytes(b"<p>Output grew 128%.</p><!-- factcheck: ignore", "a.html")
    assert doc.text == "Output grew 128%." and len(doc.suppressions) == 1


@pytest.mark.parametrize("prefix,depth", [("> ", 20), ("> ", 60), ("lists", 10), ("lists", 40)])
def test_markdown_deep_nesting_is_read(prefix, depth):
    src = (prefix * depth + WRONG) if prefix != "lists" else hostile._md_lists(depth)
    doc = read_bytes(src.encode(), "a.md")
    i = doc.text.index("128%")
    pos = doc.locate(i)
    assert src.splitlines()[pos.line - 1][pos.column - 1:pos.column + 3] == "128%"


@pytest.mark.parametrize("src", ["> " * 200 + WRONG, hostile._md_lists(120)])
def test_markdown_nested_too_deep_is_refused_not_dropped(src):
    with pytest.raises(InputError, match=r"a\.md:\d+: Markdown nested too deeply to read"):
        read_bytes(src.encode(), "a.md")


# ------------------------------------------------------------------------------------------------- numbers

OUT_OF_RANGE = ["1" + "0" * 400, "1" + "0" * 400 + "%", "$1" + "0" * 400 + " billion", "1e308 billion", "1e400",
                "1.5e308 billion dollars", "1" + "0" * 400 + " km", "1" + "0" * 400 + "th", "1" + "0" * 310 + ".5 million",
                "20-1" + "0" * 400 + " km", "1" + "0" * 400 + " times", "5e200 tonnes"]


@pytest.mark.parametrize("figure", OUT_OF_RANGE)
def test_figures_out_of_range_are_not_read(figure):
    text = f"The figure was {figure} in 2024, up 10% from {figure}."
    mentions = extract_text(text)
    assert all(m.value is None or abs(m.value) <= MAX_FIGURE for m in mentions)
    assert [m.value for m in mentions if m.type == "percent"] == [10]
    run(read_bytes(text.encode(), "a.txt"), load_rules())


def test_largest_figure_still_read():
    (m,) = [m for m in extract_text("It holds 1e99 units.") if m.type == "count"]
    assert m.value == 1e99


def test_wrong_figure_next_to_huge_one_is_still_checked():
    text = "Output grew from 94 to 224 vehicles, a 128% increase. The file ends with 1" + "0" * 400 + ".\n"
    findings = run(read_bytes(text.encode(), "a.txt"), load_rules()).findings
    assert [(f.status, f.text) for f in findings] == [("fail", "128%")]


def test_stdin_cli_reads_at_most_the_limit(monkeypatch):
    """The CLI reads standard input through read_stdin: max_size + 1 bytes, never the whole stream."""
    asked = []

    class Stream(io.BytesIO):
        def read(self, n=-1):
            asked.append(n)
            return super().read(n)

    class Stdin:
        buffer = Stream(b"y" * 5000)

    monkeypatch.setattr(sys, "stdin", Stdin)
    from factcheck.document import read_stdin

    assert len(read_stdin(1024)) == 1025 and asked == [1025]
