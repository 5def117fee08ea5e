"""Input readers: Markdown, HTML and DOCX become plain text whose positions point into the original file.

The sample press release in tests/fixtures/readers/ exists as .txt, .md and .html; the .docx version is
generated here from WordprocessingML strings (``make_docx``). For every format the tests find figures in
``Document.text`` and check that ``locate``/``locate_end`` give the line and column where the figure is
written in the original file (found by searching the file itself), that code, scripts, front matter and
comments stay out of the text, and that the four formats give the same sentences with figures.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck.document import InputError, read_bytes, read_path
from factcheck.document.docx import docx_paragraphs
from factcheck.document.html import html_document
from factcheck.document.md import front_matter_lines, markdown_document
from factcheck.document.segment import sentences
from factcheck.document.suppress import mask_plain, parse_body
from factcheck.model import Document, Position, Suppression

FIX = Path(__file__).resolve().parent / "fixtures" / "readers"

# -- a .docx built from XML strings ---------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def r(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def p(*runs: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def document_xml(*paragraphs: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" '
            f'xmlns:mc="{MC_NS}"><w:body>{"".join(paragraphs)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            "</w:sectPr></w:body></w:document>")


def docx_bytes(xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def make_docx(tmp_path: Path, xml: str, name: str = "sample.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(docx_bytes(xml))
    return path


# The sample press release as Word writes it: figures split across runs, a hyperlink, a deleted word,
# a field whose instruction holds a number, a line break inside a paragraph, an empty paragraph.
SAMPLE_DOCX = document_xml(
    p(r("Halvorsen Defence wins €85"), r("7 million contract for Tarn armoured vehicles"), style="Title"),
    p(r("OSLO, 12 March 2025", bold=True), r(" — "),
      '<w:hyperlink w:history="1"><w:r><w:t>Halvorsen Defence</w:t></w:r></w:hyperlink>',
      r(" has signed a €857 million contract with the Norwegian Army for "),
      '<w:del w:id="1" w:author="Ed"><w:r><w:delText>999 </w:delText></w:r></w:del>',
      r("224 Tarn armoured vehicles, to be delivered over six years.")),
    p(),
    p(r("Output at the Moss plant rose from 94 to 224 vehicles, a 12"), r("8% increase on the year before."),
      "<w:r><w:br/></w:r>", r("The plant will hire 350 engineers by 2027.")),
    p(r("[factcheck: ignore percent-change]")),
    p(r("Revenue for the year reached €1.1 billion, up 12% from €982 million.")),
    p(r("Halvorsen employs "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
      '<w:r><w:instrText xml:space="preserve"> DOCPROPERTY Staff 4471 </w:instrText></w:r>',
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r("2,300"),
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>', r(" people in Norway and Sweden.")),
)
SAMPLE_DOCX_PARAGRAPHS = [
    "Halvorsen Defence wins €857 million contract for Tarn armoured vehicles",
    "OSLO, 12 March 2025 — Halvorsen Defence has signed a €857 million contract with the Norwegian Army for "
    "224 Tarn armoured vehicles, to be delivered over six years.",
    "",
    "Output at the Moss plant rose from 94 to 224 vehicles, a 128% increase on the year before. "
    "The plant will hire 350 engineers by 2027.",
    "[factcheck: ignore percent-change]",
    "Revenue for the year reached €1.1 billion, up 12% from €982 million.",
    "Halvorsen employs 2,300 people in Norway and Sweden.",
]


@pytest.fixture
def docs(tmp_path: Path) -> dict[str, tuple[Document, str]]:
    """Each format's Document and the decoded original file its positions refer to."""
    out = {}
    for fmt in ("txt", "md", "html"):
        path = FIX / f"sample.{fmt}"
        out[fmt] = (read_path(str(path)), path.read_text(encoding="utf-8"))
    out["docx"] = (read_path(str(make_docx(tmp_path, SAMPLE_DOCX))), "\n".join(SAMPLE_DOCX_PARAGRAPHS))
    return out


def position(source: str, offset: int) -> Position:
    """Line/column of ``offset`` computed from the file itself (independently of Document.locate)."""
    line_start = source.rfind("\n", 0, offset) + 1
    return Position(source.count("\n", 0, offset) + 1, offset - line_start + 1, offset)


# visible figure -> how each format writes it in the original file (a regex)
EURO = r"(?:€|&euro;)"
FIGURES = {
    "€857 million": {"txt": "€857 million", "docx": "€857 million", "md": EURO + "857 million",
                     "html": EURO + "857 million"},
    "128%": "128%",
    "94 to 224": "94 to 224",
    "Army for 224": "Army for 224",
    "2,300": "2,300",
    "€1.1 billion": "€1.1 billion",
    "12%": "12%",
    "350 engineers": "350 engineers",
    "2027": "2027",
}
# figures whose visible form differs by format: (visible in text, written in the file)
VARIANTS = {
    "txt": [("€982 million", "€982 million"), ("12 March 2025", "12 March 2025")],
    "docx": [("€982 million", "€982 million"), ("12 March 2025", "12 March 2025")],
    "md": [("€982\u00a0million", "€982&nbsp;million"), ("12 March 2025", "12 March 2025")],
    "html": [("€982\u2009million", "&euro;982&thinsp;million"), ("12\u00a0March 2025", "12&nbsp;March 2025")],
}
FORMATS = ("txt", "md", "html", "docx")


def _cases(fmt: str) -> list[tuple[str, str]]:
    """(figure as it appears in the text, regex for how the file writes it)."""
    out = []
    for visible, spec in FIGURES.items():
        spelled = spec if isinstance(spec, str) else spec[fmt]
        out.append((visible, spelled if spelled.startswith(EURO) else re.escape(spelled)))
    return out + [(visible, re.escape(src)) for visible, src in VARIANTS[fmt]]


@pytest.mark.parametrize("fmt", FORMATS)
def test_figures_point_at_the_original_file(docs, fmt):
    doc, source = docs[fmt]
    assert doc.format == fmt
    checked = 0
    for visible, spelled in _cases(fmt):
        in_text = [m.start() for m in re.finditer(re.escape(visible), doc.text)]
        in_file = list(re.finditer(spelled, source))
        assert in_text and len(in_text) == len(in_file), (fmt, visible, len(in_text), len(in_file))
        for i, m in zip(in_text, in_file, strict=True):
            assert doc.locate(i) == position(source, m.start()), (fmt, visible)
            assert doc.locate_end(i + len(visible)) == position(source, m.end()), (fmt, visible)
            checked += 1
    assert checked == 12


def test_known_positions_of_the_wrong_percentage(docs):
    """The 128% of the sample, where an editor's cursor would go, in each file."""
    expected = {"txt": (5, 58), "md": (15, 58), "html": (20, 61), "docx": (4, 58)}
    for fmt, (line, column) in expected.items():
        doc, _ = docs[fmt]
        p = doc.locate(doc.text.index("128%"))
        assert (p.line, p.column) == (line, column), fmt
        assert doc.line_text(line)[column - 1:column + 3] == "128%"


def _figure_sentences(doc: Document) -> list[str]:
    out = []
    for a, b in sentences(doc.text):
        s = re.sub(r"\s+", " ", doc.text[a:b]).strip()
        if re.search(r"\d", s):
            out.append(s)
    return out


def test_four_formats_give_the_same_sentences(docs):
    expected = [
        "Halvorsen Defence wins €857 million contract for Tarn armoured vehicles",
        "OSLO, 12 March 2025 — Halvorsen Defence has signed a €857 million contract with the Norwegian Army for "
        "224 Tarn armoured vehicles, to be delivered over six years.",
        "Output at the Moss plant rose from 94 to 224 vehicles, a 128% increase on the year before.",
        "The plant will hire 350 engineers by 2027.",
        "Revenue for the year reached €1.1 billion, up 12% from €982 million.",
        "Halvorsen employs 2,300 people in Norway and Sweden.",
    ]
    for fmt in FORMATS:
        assert _figure_sentences(docs[fmt][0]) == expected, fmt


@pytest.mark.parametrize("fmt,absent", [
    ("md", ["4471", "9999", "6060", "31%", "20250312", "857000000", "release_id", "555", "tarn-7", "Tarn vehicle 7",
            "https", "example.com", "**", "*Tarn*", "&euro;", "&nbsp;", "<!--", "factcheck", "percent-change"]),
    ("html", ["42px", "9999", "31%", "20250312", "dataLayer", "2025-03-12", "press release", "555", "777",
              "4471", "Tarn vehicle 7", "https", "<", "&euro;", "&#8212;", "factcheck", "percent-change"]),
    ("docx", ["999", "DOCPROPERTY", "4471", "720", "11906", "factcheck", "percent-change"]),
])
def test_hidden_parts_stay_out_of_the_text(docs, fmt, absent):
    doc, source = docs[fmt]
    for s in absent:
        assert s not in doc.text, (fmt, s)
    assert "€857 million" in doc.text  # and the prose is there


def test_origin_is_one_offset_per_character(docs):
    for fmt in ("md", "html"):
        doc, source = docs[fmt]
        assert doc.source == source
        assert doc.origin is not None and len(doc.origin) == len(doc.text)
        assert all(0 <= o < len(source) for o in doc.origin)
        for i, ch in enumerate(doc.text):
            if ch.isalnum():
                assert source[doc.origin[i]] in (ch, "&"), (fmt, i, ch)
    doc, source = docs["docx"]
    assert doc.source == source and doc.origin is None and len(doc.text) == len(source)


def test_suppression_comment_in_each_sample_silences_the_revenue_line(docs):
    for fmt in FORMATS:
        doc, _ = docs[fmt]
        revenue_line = doc.locate(doc.text.index("Revenue")).line
        assert doc.suppressions == (Suppression(revenue_line, ("percent-change",)),), fmt


# -- Markdown details ----------------------------------------------------------------------------------


def md(src: str) -> Document:
    return markdown_document(src, "t.md")


def where(doc: Document, figure: str, nth: int = 0) -> tuple[int, int]:
    i = [m.start() for m in re.finditer(re.escape(figure), doc.text)][nth]
    p = doc.locate(i)
    assert doc._source[p.offset:doc.locate_end(i + len(figure)).offset] == figure
    return p.line, p.column


def test_markdown_inline_markup():
    doc = md("Costs **rose** from _€94_ to [€224 m](http://x.io/7 \"t 8\") `code 5`, ![a 6](b9.png) a "
             "[ref 3][r] 41% <https://auto.link/66> \\*2\\* &#49;0 ~~old 12~~.\n\n[r]: http://ref.io/77\n")
    assert doc.text == "Costs rose from €94 to €224 m ,  a ref 3 41%  *2* 10 old 12."
    assert where(doc, "€224 m") == (1, 31)
    assert where(doc, "41%") == (1, 98)
    assert where(doc, "old 12") == (1, 140)
    i = doc.text.index("10")
    assert doc.locate(i).column == 131 and doc._source[doc.locate(i).offset:].startswith("&#49;0")
    assert doc.source_offset(doc.text.index("*2*") + 1) == doc.source.index("2\\*")


def test_markdown_blocks_stay_apart():
    src = ("# Orders up 30%\n"
           "Setext heading with 4 units\n"
           "---------------------------\n"
           "> Quoted: exports rose\n> from 10 to 13.\n\n"
           "1. First item 5%\n2. Second item 6%\n\n"
           "| Year | Units \\| n |\n|---:|---|\n| 2023 | 94 |\n| 2024 | 224 |\n\n"
           "Line one  \nline two\\\nline three\n")
    doc = md(src)
    assert doc.text == ("Orders up 30%\n\nSetext heading with 4 units\n\nQuoted: exports rose from 10 to 13.\n\n"
                        "First item 5%\nSecond item 6%\n\nYear\tUnits | n\n2023\t94\n2024\t224\n\n"
                        "Line one\nline two\nline three")
    assert where(doc, "30%") == (1, 13)
    assert where(doc, "4 units") == (2, 21)
    assert where(doc, "10 to 13") == (5, 8)
    assert where(doc, "6%") == (8, 16)
    assert where(doc, "224") == (13, 10)
    assert where(doc, "94") == (12, 10)
    assert doc.locate(doc.text.index("Units | n")).column == 10
    assert where(doc, "line three") == (17, 1)


def test_markdown_code_and_front_matter_are_skipped():
    src = ("+++\ntitle = \"x 11\"\n+++\nText 1.\n\n```\nfenced 22\n```\n\n~~~python\nx = 33\n~~~\n\n"
           "    indented 44\n\nText 2 with `code 55`.\n")
    doc = md(src)
    assert doc.text == "Text 1.\n\nText 2 with ."
    assert where(doc, "Text 2") == (16, 1)
    assert front_matter_lines(["---", "a: 1", "...", "x"]) == 3
    assert front_matter_lines(["---", "no closing fence"]) == 0
    assert front_matter_lines(["Text", "---", "b", "---"]) == 0
    assert md("---\nNot front matter 7\n").text == "Not front matter 7"  # an unclosed fence is a rule


def test_markdown_crlf_and_html_blocks():
    src = "Intro 5%.\r\n\r\n<div class=\"note\">\r\n  Note: up &euro;12 <b>bn</b>\r\n<script>var x = 99;</script>\r\n</div>\r\n"
    doc = md(src)
    assert doc.text == "Intro 5%.\n\nNote: up €12 bn"
    assert where(doc, "5%") == (1, 7)
    assert doc.locate(doc.text.index("€12")) == Position(4, 12, src.index("&euro;"))
    assert where(doc, "bn") == (4, 24)
    assert "99" not in doc.text and "\r" not in doc.text


# -- HTML details --------------------------------------------------------------------------------------


def html(src: str) -> Document:
    return html_document(src, "t.html")


def test_html_blocks_cells_and_whitespace():
    src = ("<html><head><title>Title 1</title></head><body>\n"
           "<h2>Deliveries   rose\n 20%</h2><p>First<br/>second 7</p>\n"
           "<table><tr><th>Year</th><th>Units</th></tr><tr><td>2023</td><td>94</td></tr></table>\n"
           "<ul><li>one 1</li><li>two 2</li></ul><pre>a  3\n b 4</pre><p>in<b>line</b> 5</p>\n"
           "<p style=\"display: none\">hidden 6</p><p aria-hidden=\"true\">hidden 8</p><template>t 9</template>"
           "<input type=\"hidden\" value=\"10\"><p>end</p></body></html>")
    doc = html(src)
    assert doc.text == ("Deliveries rose 20%\n\nFirst\nsecond 7\n\nYear\tUnits\n2023\t94\n\none 1\ntwo 2\n\n"
                        "a  3\n b 4\n\ninline 5\n\nend")
    assert where(doc, "20%") == (3, 2)
    assert where(doc, "94") == (4, 65)
    assert where(doc, "b 4") == (6, 2)
    i = doc.text.index("inline 5")  # spans the <b> tag: start and end are still exact
    assert doc.locate(i) == Position(6, 14, src.index("in<b>"))
    assert doc.locate_end(i + len("inline 5")) == Position(6, 29, src.index(" 5</p>") + 2)


def test_html_entities_map_to_the_ampersand():
    src = "<p>Up&nbsp;&euro;857&thinsp;million &#8212; &#x2014; 3&amp;4 &unknown; 5 &lt;6&gt;</p>"
    doc = html(src)
    assert doc.text == "Up\u00a0€857\u2009million — — 3&4 &unknown; 5 <6>"
    assert doc.locate(doc.text.index("€")).column == src.index("&euro;") + 1
    assert doc.locate(doc.text.index("\u2009")).column == src.index("&thinsp;") + 1
    assert where(doc, "&unknown;") == (1, src.index("&unknown;") + 1)
    assert where(doc, "857") == (1, src.index("857") + 1)


@pytest.mark.parametrize("src", [
    "<p>unclosed <b>bold <i>both</p> 12% </div></span>",
    "<p>a</p><![if !supportLists]>x 1<![endif]> <![bogus[ y 2",
    "<script>never closed 99", "<!-- never closed", "<p hidden><div>x</div>",
    "<<>><a href='x>y 3", "&#99999999; &#0; &#x110000; & amp", "</p></p><br/></br>",
])
def test_html_broken_markup_does_not_crash(src):
    doc = html(src)
    assert doc.origin is not None and len(doc.origin) == len(doc.text)
    assert all(0 <= o < len(src) for o in doc.origin)
    assert "99" not in doc.text


def test_html_charset_from_meta(tmp_path):
    path = tmp_path / "latin.html"
    path.write_bytes(b'<meta charset="windows-1252"><p>\x80857 million</p>')
    doc = read_path(str(path))
    assert doc.text == "€857 million"
    assert doc.locate(0).column == 33


# -- DOCX details --------------------------------------------------------------------------------------


def test_docx_paragraphs_tables_and_text_boxes(tmp_path):
    xml = document_xml(
        p(r("A"), "<w:r><w:tab/></w:r>", r("B"), "<w:r><w:noBreakHyphen/></w:r>", r("C"),
          "<w:r><w:softHyphen/></w:r>", r("D"), '<w:r><w:sym w:font="Symbol" w:char="00B0"/></w:r>'),
        "<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/>" + p(r("2023")) + "</w:tc><w:tc>" + p(r("94 units")) +
        "</w:tc></w:tr></w:tbl>",
        p(r("Visible "), '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden 5</w:t></w:r>', r("text"),
          '<w:ins w:id="2" w:author="E"><w:r><w:t> inserted</w:t></w:r></w:ins>',
          '<w:moveFrom w:id="3" w:author="E"><w:r><w:t>moved 6</w:t></w:r></w:moveFrom>'),
        p(r("Anchor "), '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
          + p(r("Box 7")) + '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>' + p(r("Box 7"))
          + "</w:pict></mc:Fallback></mc:AlternateContent></w:r>", r("after")),
        '<w:sdt><w:sdtContent>' + p(r("In a content control 8")) + "</w:sdtContent></w:sdt>",
    )
    assert docx_paragraphs(docx_bytes(xml), "x.docx") == [
        "A\tB-CD°", "2023\t94 units", "Visible text inserted", "Anchor after", "Box 7", "In a content control 8"]
    doc = read_path(str(make_docx(tmp_path, xml, "t.docx")))  # a table row is one line, cells joined by tabs
    assert doc.locate(doc.text.index("94 units")) == Position(2, 6, doc.source.index("94 units"))
    assert doc.locate(doc.text.index("8")).line == 6


def test_docx_suppressions(tmp_path):
    xml = document_xml(p(r("Sales rose 128%. "), r("[factcheck: ignore percent-change, sum]")),
                       p(r("factcheck: ignore")), p(), p(r("Exports fell 40%.")),
                       p(r("# factcheck: ignore-next-line all")), p(r("Costs 12%.")))
    doc = read_bytes(docx_bytes(xml), "s.docx")
    assert doc.suppressions == (Suppression(1, ("percent-change", "sum")), Suppression(4, ()), Suppression(6, ()))
    assert "factcheck" not in doc.text and "percent" not in doc.text
    assert len(doc.text) == len(doc.source) and doc.text.startswith("Sales rose 128%.")


# -- suppression comments ------------------------------------------------------------------------------


@pytest.mark.parametrize("body,expected", [
    ("factcheck: ignore", ("ignore", ())),
    (" factcheck: ignore percent-change ", ("ignore", ("percent-change",))),
    ("factcheck:ignore percent-change, sum", ("ignore", ("percent-change", "sum"))),
    ("FactCheck: IGNORE-NEXT-LINE house.Style_1", ("ignore-next-line", ("house.Style_1",))),
    ("factcheck: ignore-line all", ("ignore-line", ())),
    ("factcheck: ignore sum -- VAT included (see note 3)", ("ignore", ("sum",))),
    ("factcheck: ignored", None), ("factcheck: ignore-foo", None), ("factcheck: ignore sum; x", None),
    ("draft: check 555", None), ("factcheck ignore", None),
])
def test_parse_body(body, expected):
    assert parse_body(body) == expected


def test_markdown_and_html_suppressions():
    md_src = ("Sales rose 128%. <!-- factcheck: ignore percent-change -->\n"
              "<!-- factcheck: ignore sum, share -->\n\n"
              "Total 12 of 40. <!-- factcheck: ignore-next-line -->\n"
              "Next line 5%.\n"
              "<!-- note: not a directive -->\n"
              "<!--\nfactcheck: ignore\n-->\n"
              "Last 9%.\n")
    doc = md(md_src)
    assert doc.suppressions == (Suppression(1, ("percent-change",)), Suppression(4, ("sum", "share")),
                                Suppression(5, ()), Suppression(10, ()))
    assert doc.text == "Sales rose 128%.\n\nTotal 12 of 40.  Next line 5%.\n\nLast 9%."
    html_src = ("<p>Sales rose 128%. <!-- factcheck: ignore percent-change --></p>\n"
                "<!-- factcheck: ignore sum -->\n<p>\n</p>\n<p>Total 12 of 40.</p>\n"
                "<p><!-- factcheck: ignore --></p>\n<p>Costs 7%.</p>")
    doc = html(html_src)
    assert doc.suppressions == (Suppression(1, ("percent-change",)), Suppression(5, ("sum",)), Suppression(7, ()))
    assert "factcheck" not in doc.text


def test_directives_inside_code_are_not_directives():
    doc = md("```html\n<!-- factcheck: ignore -->\n```\n\nUp 5%. `<!-- factcheck: ignore -->`\n")
    assert doc.suppressions == () and doc.text == "Up 5%."
    assert html("<script>// <!-- factcheck: ignore --></script><p>Up 5%.</p>").suppressions == ()


def test_plain_text_suppressions():
    src = ("Sales rose 128%. [factcheck: ignore percent-change]\n"
           "# factcheck: ignore sum\n\n"
           "Total 12 of 40.\n"
           "factcheck: ignore-next-line share\n"
           "C# factcheck:ignore 5% and a sentence about factcheck: ignore.\n"
           "Costs 7%. <!-- factcheck: ignore -->\n")
    text, sups = mask_plain(src)
    assert sups == (Suppression(1, ("percent-change",)), Suppression(4, ("sum",)), Suppression(6, ("share",)),
                    Suppression(7, ()))
    assert len(text) == len(src) and "percent-change" not in text and "share" not in text
    assert text.splitlines()[0] == "Sales rose 128%." + " " * 35
    assert "C# factcheck:ignore 5% and a sentence about factcheck: ignore." in text  # prose, not a directive
    doc = read_bytes(src.encode(), "notes.txt")  # the .txt reader finds the same suppressions
    assert doc.suppressions == sups


# -- broken input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name,data,words", [
    # 0x81 and 0x8d are neither UTF-8 here nor Windows-1252 (the fallback), so nothing can read them
    ("bad.md", b"Figures \x81\x8d 12%\n", "not valid UTF-8"),
    ("bad.html", b"<p>caf\xe9\x81 12%</p>", "not valid UTF-8"),
    ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("notazip.docx", b"This is plain text, not a Word file.", "not a readable .docx"),
    ("empty.docx", b"", "not a readable .docx"),
    ("other.docx", None, "no word/document.xml"),
    ("badxml.docx", None, "not well-formed"),
    ("dtd.docx", None, "DTD"),
])
def test_unreadable_input_names_the_file(tmp_path, name, data, words):
    if name == "other.docx":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("content.xml", "<x/>")
        data = buf.getvalue()
    elif name == "badxml.docx":
        data = docx_bytes("<w:document><w:body><w:p>")
    elif name == "dtd.docx":
        data = docx_bytes('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as e:
        read_path(str(path))
    msg = str(e.value)
    assert msg.startswith(str(path)) and words in msg and "\n" not in msg


def test_truncated_docx(tmp_path):
    data = docx_bytes(SAMPLE_DOCX)
    for cut in (len(data) // 2, len(data) - 30, 40):
        path = tmp_path / "cut.docx"
        path.write_bytes(data[:cut])
        with pytest.raises(InputError, match=re.escape(str(path))):
            read_path(str(path))


# -- property tests -------------------------------------------------------------------------------------

PIECES = ["<!--", "-->", "<p>", "</p>", "<div hidden>", "</div>", "<script>", "</script>", "<br>", "<![CDATA[",
          "<![if x]>", "&euro;", "&nbsp;", "&#49;", "&#x41;", "&amp", "&", ";", "**", "*", "_", "`", "```", "~~~",
          "\n", "\r\n", "\r", "\n\n", "    ", "\t", "[", "](", ")", "![", "]", "|", "---", "+++", "# ", "> ",
          "- ", "1. ", "\\", "<", ">", "word", "128%", "€857 million", "94", "<http://a.b/1>", "factcheck: ignore x",
          "[r]: /u", "[r]", "=", "|---|", " ", "é", "\u00a0", "\x00"]
texts = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(PIECES), max_size=60).map("".join))


def _check_map(doc: Document, src: str) -> None:
    assert doc.origin is not None and len(doc.origin) == len(doc.text)
    assert all(0 <= o < len(src) for o in doc.origin)
    last = -1
    for i, ch in enumerate(doc.text):
        if ch.isalnum():
            o = doc.origin[i]
            assert src[o] == ch or src[o] == "&", (i, ch, src[o])
            if src[o] == ch and i and doc.text[i - 1].isalnum() and src[doc.origin[i - 1]] == doc.text[i - 1]:
                assert o > last, (i, ch)
            last = o
    for s in doc.suppressions:
        assert 1 <= s.line <= src.count("\n") + 2


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("\xa0\n0\r0")  # a line of Unicode space above a line with a lone carriage return (found by Hypothesis)
@example("\xa0\n\x000")  # a line of Unicode space above a line opening on a NUL, which markdown-it gives as U+FFFD (found
# by Hypothesis in a fresh clone's run)
def test_markdown_reader_never_raises(src):
    _check_map(md(src), src)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_html_reader_never_raises(src):
    _check_map(html(src), src)
