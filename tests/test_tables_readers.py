"""Readers keep a table's columns in place: an empty cell keeps its tab (Markdown, HTML), a block inside a cell
does not break its row (HTML), and a DOCX table row is one line with its cells joined by tabs."""

from __future__ import annotations

from test_readers import document_xml, docx_bytes, p, r

from factcheck.document import read_bytes
from factcheck.document.html import html_document
from factcheck.document.md import markdown_document


def test_markdown_empty_cells_keep_their_tab():
    src = ("| | Q2 2023 | Q2 2022 | Change |\n|---|---:|---:|---:|\n| Sales | 1,200 | 1,000 | 20% |\n"
           "| Backlog | 5,000 | | n/a |\n| | | | |\n| Total | 6,200 | 1,000 | |\n")
    doc = markdown_document(src, "t.md")
    assert doc.text == "\tQ2 2023\tQ2 2022\tChange\nSales\t1,200\t1,000\t20%\nBacklog\t5,000\t\tn/a\nTotal\t6,200\t1,000"
    pos = doc.locate(doc.text.index("n/a"))
    assert (pos.line, pos.column) == (4, src.split("\n")[3].index("n/a") + 1)


def test_html_empty_cells_blocks_in_cells_and_unclosed_cells():
    src = ("<p>Group (€m)</p><table><tr><th></th><th>Q2 2023</th><th>Q2 2022</th></tr>"
           "<tr><td><p>Sales</p></td><td>1,200<br>m</td><td></td><td>5</td></tr>"
           "<tr><td>a<td><td>b</table><p>After 7</p>")
    doc = html_document(src, "t.html")
    assert doc.text == "Group (€m)\n\n\tQ2 2023\tQ2 2022\nSales\t1,200 m\t\t5\na\t\tb\n\nAfter 7"
    assert doc.locate(doc.text.index("5\n")).column == src.index("5</td>") + 1


def test_html_cells_keep_their_tabs_at_the_start_of_a_row():
    doc = html_document("<table><tr><td>x</td></tr><tr><td></td><td></td><td>3</td></tr></table>", "t.html")
    assert doc.text == "x\n\t\t3"


def test_docx_table_row_is_one_line_with_tabs_and_merged_cells_keep_columns():
    grid = '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
    xml = document_xml(
        p(r("Results (SEK m)")),
        "<w:tbl><w:tr><w:tc>" + p() + "</w:tc><w:tc>" + grid + p(r("Q2")) + "</w:tc><w:tc>" + p(r("%")) +
        "</w:tc></w:tr><w:tr><w:tc>" + p(r("Sales")) + "</w:tc><w:tc>" + p(r("1,200")) + "</w:tc><w:tc>" +
        p(r("1,000")) + "</w:tc><w:tc>" + p(r("20"), "<w:r><w:tab/></w:r>", r("%")) + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + p(r("Two")) + p(r("lines")) + "</w:tc><w:tc>" + p() + "</w:tc><w:tc>" + p(r("7")) +
        "</w:tc><w:tc/></w:tr></w:tbl>",
        p(r("After")))
    doc = read_bytes(docx_bytes(xml), "t.docx")
    assert doc.text == "Results (SEK m)\n\tQ2\t\t%\nSales\t1,200\t1,000\t20 %\nTwo lines\t\t7\nAfter"
    assert doc.locate(doc.text.index("1,000")).line == 3


def test_docx_one_cell_table_is_a_layout_box_whose_paragraphs_stay_lines():
    xml = document_xml(p(r("Before")), "<w:tbl><w:tr><w:tc>" + p(r("Boxed 1")) + p(r("Boxed 2")) +
                       "</w:tc></w:tr></w:tbl>", p(r("After")))
    assert read_bytes(docx_bytes(xml), "t.docx").text == "Before\nBoxed 1\nBoxed 2\nAfter"


def test_reported_mentions_read_cells_as_their_table_says():
    """`factcheck extract` (and the JSON mention list) gives a cell under "(in € millions)" as euros at its real
    size and a cell of a change column as a percent; counts in a table without money stay as extraction read them."""
    from factcheck.model import Document
    from factcheck.pipeline import Options, run
    from factcheck.ruleset import load_rules

    text = ("Key figures (in € millions) 2024 2023 Total change\nOrder intake 25,289 23,139 +9%\n"
            "Sales 20,577 18,428 +11.7%\n")
    ms = {m.text: m for m in run(Document(path="t.txt", text=text), load_rules(), Options(check=False)).mentions}
    assert (ms["25,289"].type, ms["25,289"].unit, ms["25,289"].value) == ("currency", "EUR", 25_289e6)
    assert (ms["+11.7%"].type, ms["+11.7%"].value) == ("percent", 11.7)
    counts = "Deliveries by year\nYear  France  Export  Total\n2023  0  13  13\n2024  8  6  14\n"
    kinds = {m.type for m in run(Document(path="t.txt", text=counts), load_rules(), Options(check=False)).mentions}
    assert "currency" not in kinds
