"""Fuzzing in CI (issue 12, item 8): every reader and the whole pipeline, on generated input.

Properties: nothing raises but ``InputError`` (readers) or ``RuleError``/``ConfigError`` (rule and
configuration files); every position stays inside the text and maps inside the original file; a mention's
text is the text at its span. Inputs are small (a few hundred characters), so each example takes
milliseconds and a hang would show as a stuck test. The pieces the text is built from are the ones that
broke factcheck before: markup openers left unclosed, "&#;", invisible and bidi characters, full-width and
Arabic digits, huge numerals, deep nesting. A coverage-guided harness for longer runs is in fuzz/.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.config import ConfigError, load_config
from factcheck.document import InputError, read_bytes
from factcheck.document.normalize import FORMAT_CHARS
from factcheck.pipeline import run
from factcheck.rulecheck import check_file
from factcheck.ruleset import load_rules

PIECES = [
    "0", "1", "9", "12", "128", "94", "224", "1,059", "2.5", "%", " ", "\n", "\r\n", "\t", ".", ",", "-", "–", "$", "€",
    " million", " billion", " km", " vehicles", " from ", " to ", " rose ", " up ", " a ", " increase", " about ",
    "The ", "Sales", "2024", "March 12, 2025", "1e308", "1" + "0" * 120, "１２８", "٣", "٫", "％", "\u202e", "\u202c",
    "<", ">", "&", "#", ";", "&#;", "&#", "&amp;", "&#8203;", "<!--", "-->", "<!x", "<?", "<![CDATA[", "<p>", "</p>",
    "<script>", "<b", "*", "_", "`", "```", "[", "](", ")", "|", "> ", "- ", "# ", "---\n", "    ", "\\",
    "factcheck: ignore", "[factcheck: ignore]", "<!-- factcheck: ignore -->", "é", "🚀", "\u0301", "\x00", "\x0c",
    *FORMAT_CHARS,
]
TEXT = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=50).map("".join)
FORMATS = [".txt", ".md", ".html"]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_document(doc) -> None:
    src = doc.source if doc.source is not None else doc.text
    if doc.origin is not None:
        assert len(doc.origin) == len(doc.text)
        assert all(0 <= o < max(1, len(src)) for o in doc.origin)
    lines = src.count("\n") + 1
    for i in range(len(doc.text) + 1):
        pos = doc.locate(i)
        assert 1 <= pos.line <= lines and 0 <= pos.offset <= len(src)
    assert not any(c in doc.text for c in FORMAT_CHARS)
    doc.text.encode("utf-8")  # no lone surrogates


def _read(data: bytes, name: str):
    try:
        return read_bytes(data, name)
    except InputError as e:
        assert str(e).startswith(name) and "\n" not in str(e)
        return None


@FAST
@given(TEXT, st.sampled_from(FORMATS))
def test_readers_never_raise_and_map_into_the_file(text, fmt):
    doc = _read(text.encode("utf-8"), "a" + fmt)
    if doc is not None:
        _check_document(doc)


@FAST
@given(st.binary(max_size=400), st.sampled_from([*FORMATS, ".docx"]))
def test_readers_on_arbitrary_bytes(data, fmt):
    doc = _read(data, "a" + fmt)
    if doc is not None:
        _check_document(doc)


@FAST
@given(TEXT)
def test_html_text_in_a_comment_left_open_is_never_read(prefix):
    doc = _read(f"{prefix}<!-- ZZSECRET 99".encode(), "a.html")
    assert doc is None or "ZZSECRET" not in doc.text


def _docx(paragraphs: list[str], nest: int) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    body = "<w:tbl><w:tr><w:tc>" * nest + body + "</w:tc></w:tr></w:tbl>" * nest
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>')
    return buf.getvalue()


XML_TEXT = TEXT.map(lambda t: "".join(c for c in t if c in "\t\n\r" or (" " <= c and c not in "\ufffe\uffff")))


@FAST
@given(st.lists(XML_TEXT, min_size=1, max_size=5), st.integers(0, 300))
def test_docx_reader_on_generated_documents(paragraphs, nest):
    doc = _read(_docx(paragraphs, nest), "a.docx")
    assert doc is not None
    _check_document(doc)
    assert doc.source.count("\n") == len(paragraphs) - 1  # a line break inside a paragraph is a space


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from([*FORMATS, ".docx"]))
def test_pipeline_never_raises_and_positions_stay_in_bounds(text, fmt):
    data = _docx(text.split("\n"), 0) if fmt == ".docx" else text.encode("utf-8")
    doc = _read(data, "a" + fmt)
    if doc is None:
        return
    result = run(doc, load_rules())
    n = len(doc.text)
    for m in result.mentions:
        assert 0 <= m.start <= m.end <= n and m.text == doc.text[m.start:m.end]
        assert m.value is None or abs(m.value) <= 1e100
    for f in result.findings:
        assert 0 <= f.start <= f.end <= n
        doc.locate(f.start), doc.locate_end(f.end)


YAML_PIECES = ["rules:", "vocabulary:", "facts:", "\n", "  ", "- ", "id: x", "kind: style", "pattern: 'a+'",
               "message: m", "timeout: ", ".nan", "-1", "1.0e+6", "&a ", "*a", "<<: *a", "[", "]", "{", "}", ",",
               ": ", "'", '"', "!!python/object:os.system", "scale_words:", "hedges:", " 5", " lots", "#", "---",
               "%YAML 1.1\n", "? ", "|", ">", "\t", "é", "\x00"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=2), max_size=40).map("".join))
def test_rule_and_configuration_files_never_raise(text):
    rf = check_file("house.yaml", text)
    for p in rf.problems:
        assert str(p).startswith("house.yaml") and "\n" not in str(p)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=2), max_size=40).map("".join))
def test_configuration_files_never_raise(tmp_path, text):
    path = tmp_path / ".factcheck.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_config(path)
    except ConfigError as e:
        assert str(e).startswith(str(path)) and "\n" not in str(e)
