"""HTML review page: markup (marks, nesting of overlapping spans, escaping, summary, files) and, in headless
Chromium, that the script runs under the page's CSP, the detail panel opens, and the highlights render.

The Chromium tests are skipped only when no ``chromium`` binary exists (CI installs Debian's package).
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.model import Document, FileResult, Finding, Mention, Operand
from factcheck.report import Context, render
from factcheck.report import html as page_mod

ROOT = Path(__file__).resolve().parents[1]

TEXT = (
    "Output rose from 94 to 224 vehicles, a 128% increase.\n"
    "Revenue nearly doubled, from 2.7 billion to 6.1 billion lira.\n"
    "\n"
    "Sales rose 55%, from 86 to 133 units. Tags <script>alert(\"x\")</script> & 'quotes' stay text.\n"
    "Exports fell 40% from 50 to 20 units.\n"
)
PATH = 'news/<b>"Q3" & co.txt'


def span(sub: str, after: str = "") -> tuple[int, int]:
    i = TEXT.index(sub, TEXT.index(after) if after else 0)
    return i, i + len(sub)


def op(sub: str, after: str = "") -> Operand:
    return Operand(sub, *span(sub, after))


def finding(status: str, sub: str, after: str = "", *, rule: str = "percent-change", ops: tuple = (),
            **kw) -> Finding:
    a, b = span(sub, after)
    sev = {"fail": "error", "warn": "warning", "pass": "info"}[status]
    return Finding(rule=rule, kind=rule.replace("-", "_"), status=status, severity=sev, start=a, end=b,
                   text=TEXT[a:b], message=kw.pop("message", f"{TEXT[a:b]} is {status}"), operands=ops, **kw)


def make_findings() -> list[Finding]:
    return [
        finding("fail", "128%", ops=(op("94"), op("224")), message="94 → 224 is a 138.3% increase, not 128%",
                explanation="(224 − 94) / 94 × 100 = 138.3", claimed=128, computed=138.2979, expected_text="138%",
                accepted=(127.5, 128.5), tolerance="stated figure read as ±0.5 (its last digit)"),  # 0
        finding("warn", "128%", rule="consistency", message="128% elsewhere stated as 130%"),  # 1: same span
        finding("warn", "nearly doubled", rule="multiple", ops=(op("2.7 billion"), op("6.1 billion")),
                expected_text="more than doubled"),  # 2
        finding("pass", "doubled", rule="word"),  # 3: inside 2
        finding("pass", "224", rule="sum"),  # 4: equal to an operand of 0
        finding("pass", "55%", ops=(op("86"), op("133"))),  # 5
        finding("fail", "40%", ops=(op("50", "Exports"), op("20", "Exports")), expected_text="60%",
                suppressed=True),  # 6
        finding("warn", "billion to 6.1", rule="range"),  # 7: crosses both operands of 2
        finding("warn", "lira.\n\nSales", rule="span"),  # 8: crosses the paragraph break
    ]


def make_results(findings: list[Finding] | None = None) -> list[FileResult]:
    doc = Document(path=PATH, text=TEXT)
    return [FileResult(path=PATH, document=doc, findings=make_findings() if findings is None else findings)]


# ------------------------------------------------------------------------------------- parsing helper

VOID = {"meta", "br", "input", "img", "link", "hr", "wbr", "source", "col", "area", "base"}


@dataclass
class El:
    tag: str
    attrs: dict[str, str]
    parents: list[El]
    text: str = ""

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


@dataclass
class Page(HTMLParser):
    """Every element with its attributes, text and ancestors; end tags that do not match are errors."""

    elements: list[El] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stack: list[El] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        el = El(tag, {k: (v or "") for k, v in attrs}, list(self.stack))
        self.elements.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.elements.append(El(tag, {k: (v or "") for k, v in attrs}, list(self.stack)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag if self.stack else None}>")
            while self.stack and self.stack[-1].tag != tag:
                self.stack.pop()
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for el in self.stack:
            el.text += data

    def find(self, tag: str, cls: str | None = None, **attrs: str) -> list[El]:
        return [e for e in self.elements if e.tag == tag and (cls is None or cls in e.classes)
                and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]


def parse(markup: str) -> Page:
    p = Page()
    p.feed(markup)
    p.close()
    assert p.errors == [] and p.stack == [], (p.errors, [e.tag for e in p.stack])
    return p


def article_paragraphs(p: Page) -> list[str]:
    return [e.text for e in p.find("p") if any("fc-text" in a.classes for a in e.parents)]


def fragments(p: Page, key: str) -> list[El]:
    return [e for e in p.find("mark") if key in e.attrs.get("data-f", "").split()]


# ----------------------------------------------------------------------------------------- markup


@pytest.fixture(scope="module")
def page() -> str:
    return render("html", make_results(), Context())


@pytest.fixture(scope="module")
def parsed(page: str) -> Page:
    return parse(page)


def test_wrong_figure_is_one_focusable_fail_mark_holding_both_findings(parsed: Page) -> None:
    (m,) = fragments(parsed, "0-0")
    assert m.text == "128%"
    assert {"fc", "fc-fail"} <= m.classes and "fc-sup" not in m.classes
    assert m.attrs["data-f"] == "0-0 0-1"  # the consistency warning on the same figure shares the mark
    assert (m.attrs["id"], m.attrs["tabindex"], m.attrs["role"]) == ("fc-0-0", "0", "button")
    assert m.attrs["title"].splitlines() == [
        "✗ wrong: 94 → 224 is a 138.3% increase, not 128% (should be 138%)",
        "? unsure: 128% elsewhere stated as 130%"]
    assert m.attrs["aria-label"].startswith("128% — ✗ wrong: 94 → 224")


def test_statuses_and_suppressed_marks(parsed: Page) -> None:
    def one(key: str) -> El:
        (m,) = fragments(parsed, key)
        return m

    assert "fc-pass" in one("0-5").classes and one("0-5").text == "55%"
    assert "fc-warn" in one("0-2").classes and one("0-2").text == "nearly doubled"
    sup = one("0-6")
    assert {"fc-fail", "fc-sup"} <= sup.classes and sup.text == "40%"
    assert "[suppressed]" in sup.attrs["title"] and sup.attrs["tabindex"] == "0"


def test_operands_are_marked_for_their_finding_and_folded_into_equal_marks(parsed: Page) -> None:
    ops = {e.text: e.attrs["data-of"] for e in parsed.find("span", "fc-op") if "data-of" in e.attrs}
    assert ops["94"] == "0-0" and ops["86"] == "0-5" and ops["133"] == "0-5"
    assert ops["50"] == "0-6" and ops["20"] == "0-6"
    assert "224" not in ops  # 224 is its own mark (the sum) and an operand of 128%
    (m224,) = fragments(parsed, "0-4")
    assert m224.text == "224" and m224.attrs["data-of"] == "0-0" and "fc-pass" in m224.classes


def test_a_finding_inside_another_nests(parsed: Page) -> None:
    (inner,) = fragments(parsed, "0-3")
    assert inner.text == "doubled" and "fc-pass" in inner.classes
    assert [a.attrs.get("data-f") for a in inner.parents if a.tag == "mark"] == ["0-2"]


def test_crossing_spans_are_split_into_fragments_and_only_the_first_is_focusable(parsed: Page) -> None:
    frags = fragments(parsed, "0-7")
    assert "".join(f.text for f in frags) == "billion to 6.1"
    assert [f.text for f in frags] == ["billion", " to 6.1"]
    # (focusable, continues an earlier fragment, is cut before the span's end: no icon)
    assert [("id" in f.attrs and "tabindex" in f.attrs, "fc-cont" in f.classes, "fc-cut" in f.classes)
            for f in frags] == [(True, False, True), (False, True, False)]
    # the operand "6.1 billion" is cut at the fragment's end, and so is "2.7 billion" around "billion"
    six = [e.text for e in parsed.find("span", "fc-op") if e.attrs.get("data-of") == "0-2"]
    assert six == ["2.7 billion", "6.1", " billion"]
    assert any(a.attrs.get("data-of") == "0-2" for a in frags[0].parents)


def test_a_span_across_paragraphs_is_cut_at_the_break(parsed: Page) -> None:
    frags = fragments(parsed, "0-8")
    assert [(f.text, sorted(f.classes)) for f in frags] == [
        ("lira.", ["fc", "fc-cut", "fc-warn"]), ("Sales", ["fc", "fc-cont", "fc-warn"])]
    paras = article_paragraphs(parsed)
    assert paras == [TEXT[: TEXT.index("\n\n")], TEXT[TEXT.index("Sales"):].rstrip("\n")]


def test_article_text_is_escaped_not_interpreted(page: str, parsed: Page) -> None:
    assert 'alert("x")' not in page and "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quotes&#x27;" in page
    assert page.count("<script") == 2  # the JSON data and the page's own script
    assert len(parsed.find("script")) == 2
    assert "<script>alert(\"x\")</script> & 'quotes'" in article_paragraphs(parsed)[1]
    # the embedded JSON: no "<" (so no "</script>") and it parses back to the JSON report
    (data,) = parsed.find("script", id="fc-data")
    assert "<" not in data.text and "news/\\u003cb\\u003e" in data.text
    report = json.loads(data.text)
    assert report == json.loads(render("json", make_results(), Context()))


def test_file_names_are_escaped(page: str, parsed: Page) -> None:
    assert '<b>"Q3"' not in page
    assert "news/&lt;b&gt;&quot;Q3&quot; &amp; co.txt" in page
    (title,) = parsed.find("title")
    assert title.text == f"Fact-check: {PATH}"
    assert [h.text for h in parsed.find("h2") if h.attrs.get("id") == "file-1-h"] == [PATH]


def test_summary_counts_per_status(parsed: Page) -> None:
    (table,) = parsed.find("table", "fc-sum")
    row = [e for e in parsed.find("tr") if table in e.parents and e.parents[-1].tag == "tbody"]
    assert len(row) == 1
    cells = {k: [e.text for e in parsed.find("td", f"fc-n-{k}") if row[0] in e.parents]
             for k in ("fail", "warn", "pass", "suppressed")}
    assert cells == {"fail": ["1"], "warn": ["4"], "pass": ["3"], "suppressed": ["1"]}
    (overall,) = parsed.find("p", "fc-overall")
    assert overall.text == "9 claims checked in 1 file: 3 hold, 1 wrong, 4 warnings, 1 suppressed"
    assert not parsed.find("nav")  # one file: no table of contents


def test_findings_table_lists_every_finding_with_its_working(parsed: Page) -> None:
    rows = [e for e in parsed.find("tr") if any("fc-list" in a.classes for a in e.parents)
            and e.parents[-1].tag == "tbody"]
    assert len(rows) == 9
    cells = [[c.text for c in parsed.find("td") if c.parents[-1] is r] for r in rows]
    (fail,) = [c for c in cells if "138.3% increase" in c[3]]
    assert fail[:3] == ["✗ wrong", "128%", "1:40"] and fail[4] == "percent-change"
    assert fail[3] == ("94 → 224 is a 138.3% increase, not 128%(224 − 94) / 94 × 100 = 138.3"
                       "should be 138% · accepted 127.5 to 128.5 · stated figure read as ±0.5 (its last digit)")
    assert [c[1] for c in cells] == ["224", "128%", "128%", "nearly doubled", "doubled", "billion to 6.1",
                                     "lira.\n\nSales", "55%", "40%"]  # in text order
    links = [a.attrs["href"] for a in parsed.find("a") if any(r in a.parents for r in rows)]
    ids = {e.attrs["id"] for e in parsed.elements if "id" in e.attrs}
    assert len(links) == 9 and set(links) <= {f"#{i}" for i in ids}
    assert links.count("#fc-0-0") == 2  # both findings on 128% lead to its mark


def test_links_to_the_wrong_and_unsure_figures_above_the_article(parsed: Page) -> None:
    items = [li for li in parsed.find("li") if any("fc-jumps" in a.classes for a in li.parents)]
    assert [li.text for li in items] == [
        "✗ wrong 128% 1:40",  # the suppressed 40% is left out
        "? unsure 128% 1:40, nearly doubled 2:9, billion to 6.1 2:34, lira. Sales 2:57"]
    hrefs = [a.attrs["href"] for a in parsed.find("a") if any(li in a.parents for li in items)]
    assert hrefs == ["#fc-0-0", "#fc-0-0", "#fc-0-2", "#fc-0-7", "#fc-0-8"]


def test_marks_have_a_non_colour_signal_and_the_page_loads_nothing(page: str) -> None:
    css = page_mod.CSS
    for status, icon in (("fail", "✗"), ("warn", "?")):
        assert re.search(rf'mark\.fc-{status}::after\{{content:"{re.escape(icon)}"', css)
    assert 'mark.fc::after{content:"✓"' in css
    assert "@media print" in css and ":focus-visible" in css
    assert not re.search(r"\bsrc=|url\(|@import|<link\b|https?://", page.replace(TEXT, ""))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    # the script-src hash is the hash of the page's own script, so it runs and nothing else does
    script = page.rsplit("<script>", 1)[1].split("</script>", 1)[0]
    assert f"script-src '{page_mod._csp_hash(script)}'" in csp


def _luminance(rgb: tuple[int, int, int]) -> float:
    lin = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.mark.parametrize(("fg", "bg"), [
    ("ink", "fail"), ("ink", "warn"), ("ink", "pass"), ("ink", "op"), ("sup-ink", "sup"), ("fail-ink", "fail"),
    ("warn-ink", "warn"), ("pass-ink", "pass"), ("op-ink", "op"), ("muted", "paper"), ("muted", "wash"),
    ("fail-ink", "paper")])
def test_text_colours_meet_wcag_aa_contrast(fg: str, bg: str) -> None:
    hi, lo = sorted((_luminance(css_colour(fg)), _luminance(css_colour(bg))), reverse=True)
    assert (hi + 0.05) / (lo + 0.05) >= 4.5


def test_several_files_get_sections_and_a_table_of_contents() -> None:
    other = Document(path="b.txt", text="Units rose 10% from 10 to 11.\n")
    f = Finding(rule="percent-change", kind="percent_change", status="pass", severity="info", start=11, end=14,
                text="10%", message="holds")
    results = [*make_results(), FileResult(path="b.txt", document=other, findings=[f]),
               FileResult(path="gone.txt", document=None, error="gone.txt: no such file")]
    p = parse(render("html", results, Context()))
    (nav,) = p.find("nav")
    assert [a.attrs["href"] for a in p.find("a") if nav in a.parents] == ["#file-1", "#file-2", "#file-3"]
    assert [s.attrs["id"] for s in p.find("section", "fc-file")] == ["file-1", "file-2", "file-3"]
    assert [m.attrs["id"] for m in p.find("mark") if m.attrs.get("data-f") == "1-0"] == ["fc-1-0"]
    (err,) = [e for e in p.find("p", "fc-err")]
    assert err.text == "gone.txt: no such file"
    totals = [e.text for e in p.find("td") if any(a.tag == "tfoot" for a in e.parents)]
    assert totals == ["1", "4", "4", "1"]
    assert p.find("title")[0].text == "Fact-check: 3 files"


def test_paragraph_blocks() -> None:
    assert page_mod.blocks("a\nb\n\n  c  \n\n\n") == [(0, 3), (7, 8)]
    assert page_mod.blocks("one\ntwo\n  \nthree") == [(0, 7), (11, 16)]
    assert page_mod.blocks(" one\n two\n") == [(1, 4), (6, 9)]  # no blank line: each line is a paragraph
    assert page_mod.blocks("") == [] and page_mod.blocks(" \n \n") == []


def test_each_paragraph_gets_only_the_spans_that_meet_it() -> None:
    text = "aa bb\ncc dd\nee ff\n"
    one, cross, last = page_mod.Span(3, 5), page_mod.Span(4, 10), page_mod.Span(12, 30)
    got = page_mod.shown(text, [last, cross, one])
    assert [(a, b, [(s.start, s.end) for s in here]) for a, b, here in got] == [
        (0, 5, [(3, 5), (4, 10)]), (6, 11, [(4, 10)]), (12, 17, [(12, 30)])]
    assert (one.shown_end, cross.shown_end, last.shown_end) == (5, 10, 17)  # ends where it is last shown


def test_escape_drops_cr_and_replaces_controls() -> None:
    assert page_mod.esc("a\r\nb\x00<\"'&") == "a\nb\ufffd&lt;&quot;&#x27;&amp;"


def test_extract_marks_mentions() -> None:
    doc = Document(path="m.txt", text="A €857 million deal.")
    m = Mention(start=2, end=14, text="€857 million", type="currency", value=857e6, unit="EUR")
    p = parse(render("html", [FileResult(path="m.txt", document=doc, mentions=[m])], Context(command="extract")))
    (mark,) = p.find("mark", "fc-mention")
    assert mark.text == "€857 million" and mark.attrs["title"] == "currency 857,000,000 EUR"


def test_empty_and_out_of_range_spans_do_not_break_the_page() -> None:
    doc = Document(path="x.txt", text="Short text.")
    bad = [Finding(rule="r", kind="k", status="fail", severity="error", start=5, end=5, text="", message="empty"),
           Finding(rule="r", kind="k", status="warn", severity="warning", start=6, end=99, text="text.",
                   message="long", operands=(Operand("x", -4, 2),))]
    p = parse(render("html", [FileResult(path="x.txt", document=doc, findings=bad)], Context()))
    assert article_paragraphs(p) == ["Short text."]
    assert [m.text for m in p.find("mark") if m.attrs.get("data-f")] == ["text."]
    assert [e.text for e in p.find("span", "fc-op") if "data-of" in e.attrs] == ["Sh"]


@st.composite
def doc_and_findings(draw) -> tuple[str, list[Finding]]:
    text = draw(st.text(alphabet="ab <&\n\"", min_size=1, max_size=40))
    n = len(text)
    pos = st.integers(0, n)
    out = []
    for _ in range(draw(st.integers(0, 6))):
        a, b = sorted((draw(pos), draw(pos)))
        ops = tuple(Operand("", *sorted((draw(pos), draw(pos)))) for _ in range(draw(st.integers(0, 2))))
        out.append(Finding(rule="r", kind="k", status=draw(st.sampled_from(["pass", "warn", "fail"])),
                           severity="info", start=a, end=b, text=text[a:b], message="m", operands=ops,
                           suppressed=draw(st.booleans())))
    return text, out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc_and_findings())
def test_any_spans_give_nested_markup_that_keeps_the_text(case: tuple[str, list[Finding]]) -> None:
    text, findings = case
    r = FileResult(path="p.txt", document=Document(path="p.txt", text=text), findings=findings)
    p = parse(render("html", [r], Context()))  # asserts every end tag closes the element it should
    blocks = page_mod.blocks(text)
    assert article_paragraphs(p) == [text[a:b] for a, b in blocks] or (not blocks and article_paragraphs(p) == [
        "(empty)"])
    for i, f in enumerate(findings):
        shown = "".join(text[max(a, f.start):min(b, f.end)] for a, b in blocks)
        frags = fragments(p, f"0-{i}")
        assert "".join(e.text for e in frags if not any(a in frags for a in e.parents)) == shown
        if shown:
            assert sum("id" in e.attrs for e in frags) == 1 and "id" in frags[0].attrs
            assert sum("fc-cut" not in e.classes for e in frags) == 1 and "fc-cut" not in frags[-1].classes
        for e in frags:  # a mark never sits inside a fragment of itself
            assert not any(a in frags for a in e.parents)


def test_cli_writes_the_page_with_the_json_counts() -> None:
    from factcheck.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["check", "samples/otokar-romania.txt", "--format", "html"])
    assert res.exit_code in (0, 1), res.output
    js = json.loads(runner.invoke(app, ["check", "samples/otokar-romania.txt", "--format", "json"]).output)
    p = parse(res.output)
    cells = {k: p.find("td", f"fc-n-{k}")[0].text for k in ("fail", "warn", "pass")}
    assert cells == {k: str(js["summary"][k]) for k in ("fail", "warn", "pass")}
    marks = [m for m in p.find("mark") if "id" in m.attrs]
    assert len(marks) == len({(f["start"], f["end"]) for f in js["files"][0]["findings"]})


# -------------------------------------------------------------------------------------- Chromium

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
WIDTH, HEIGHT = 1200, 900


def chromium(html_file: Path, *args: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--hide-scrollbars", "--force-device-scale-factor=1", f"--window-size={WIDTH},{HEIGHT}",
               f"--user-data-dir={profile}", *args, html_file.as_uri()]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)
    assert res.returncode == 0, res.stderr[-2000:]
    return res.stdout


def with_probe(page: str, js: str) -> str:
    """The page plus a test script at the end of <body>, its hash added to the page's CSP."""
    page = page.replace("</body>", f"<script>{js}</script>\n</body>")
    return page.replace("script-src '", f"script-src '{page_mod._csp_hash(js)}' '", 1)


RECTS = ("document.title=JSON.stringify(['mark.fc-fail:not(.fc-sup)[id]','mark.fc-pass[data-f=\"0-5\"]']"
         ".map(function(s){var r=document.querySelector(s).getBoundingClientRect();"
         "return [r.left,r.top,r.right,r.bottom];}));")

INTERACT = """
function panel(){return document.querySelector('.fc-panel-body').textContent;}
function on(){return Array.prototype.map.call(document.querySelectorAll('.fc-on'),function(e){return e.textContent;});}
var out={};
var w=document.querySelector('mark[data-f="0-2"]');
w.dispatchEvent(new FocusEvent('focusin',{bubbles:true}));
out.focus={panel:panel(),on:on(),expanded:w.getAttribute('aria-expanded')};
document.dispatchEvent(new KeyboardEvent('keydown',{key:'Escape',bubbles:true}));
out.escape={open:document.getElementById('fc-panel').classList.contains('fc-open'),on:on(),
  back:document.activeElement===w||!document.hasFocus()};
w.blur();
document.querySelector('mark[data-f="0-5"]').dispatchEvent(new KeyboardEvent('keydown',{key:'Enter',bubbles:true}));
out.enter={panel:panel(),on:on()};
document.querySelectorAll('mark[data-f="0-7"]')[1].click();
out.fragment={sel:Array.prototype.map.call(document.querySelectorAll('.fc-sel'),function(e){return e.textContent;})};
document.querySelector('mark.fc-fail[id]').click();
out.click={on:on(),expanded:document.getElementById('fc-0-0').getAttribute('aria-expanded')};
document.body.setAttribute('data-probe',JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def browser_dir(tmp_path_factory, page: str) -> Path:
    d = tmp_path_factory.mktemp("html")
    (d / "page.html").write_text(page, encoding="utf-8")
    (d / "rects.html").write_text(with_probe(page, RECTS), encoding="utf-8")
    (d / "interact.html").write_text(with_probe(page, INTERACT), encoding="utf-8")
    return d


@needs_chromium
def test_chromium_runs_the_script_under_the_csp(browser_dir: Path) -> None:
    dom = chromium(browser_dir / "page.html", "--dump-dom")
    p = parse(dom)
    (root,) = p.find("html")
    assert "fc-js" in root.classes  # set by the page's script: it ran despite default-src 'none'
    (m,) = [e for e in p.find("mark") if e.attrs.get("id") == "fc-0-0"]
    assert "fc-fail" in m.classes and m.text == "128%"
    assert [e.text for e in p.find("td", "fc-n-fail")] == ["1"]


@needs_chromium
def test_chromium_panel_shows_the_working_on_focus_enter_and_click(browser_dir: Path) -> None:
    p = parse(chromium(browser_dir / "interact.html", "--dump-dom"))
    (body,) = p.find("body")
    out = json.loads(body.attrs["data-probe"])
    assert out["focus"]["expanded"] == "true"  # keyboard focus (tabbing to the mark) opens the panel
    assert "? unsure" in out["focus"]["panel"] and "Should bemore than doubled" in out["focus"]["panel"]
    assert out["focus"]["on"] == ["2.7 billion", "6.1", " billion"]  # its operands, as fragments
    assert out["escape"] == {"open": False, "on": [], "back": True}  # closed; focus back on the mark
    assert "✓ holds" in out["enter"]["panel"] and out["enter"]["on"] == ["86", "133"]
    assert out["fragment"]["sel"] == ["billion", " to 6.1"]  # a click on a fragment selects the whole figure
    assert sorted(out["click"]["on"]) == ["224", "94"] and out["click"]["expanded"] == "true"
    # the final state: the panel holds both findings on 128%, with the arithmetic and the correction
    (panel,) = p.find("div", "fc-panel-body")
    cards = [c for c in p.find("div", "fc-card")]
    assert len(cards) == 2
    assert "94 → 224 is a 138.3% increase, not 128%" in cards[0].text
    assert "Arithmetic(224 − 94) / 94 × 100 = 138.3" in cards[0].text
    assert "Should be138%" in cards[0].text and "Accepted127.5 to 128.5" in cards[0].text
    assert "Rulepercent-change · percent_change" in cards[0].text and "Where1:40–44" in cards[0].text
    assert "128% elsewhere stated as 130%" in cards[1].text
    assert "fc-open" in p.find("aside")[0].classes


def read_png(path: Path, rows: int | None = None) -> tuple[int, int, int, bytes]:
    """(width, height, bytes per pixel, pixels of the first ``rows`` rows) of an 8-bit RGB/RGBA PNG, stdlib only."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        (n,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", data[pos + 8:pos + 8 + 13])
        elif kind == b"IDAT":
            idat.append(data[pos + 8:pos + 8 + n])
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = ihdr
    assert depth == 8 and ctype in (2, 6) and interlace == 0, ihdr
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(b"".join(idat)), w * bpp
    out, prev = bytearray(), bytearray(stride)
    for y in range(min(h, rows or h)):
        ftype, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if ftype == 2:
            row = bytearray((a + b) & 255 for a, b in zip(row, prev, strict=True))
        elif ftype in (1, 3, 4):
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                up = prev[i]
                if ftype == 1:
                    pred = left
                elif ftype == 3:
                    pred = (left + up) >> 1
                else:
                    ul = prev[i - bpp] if i >= bpp else 0
                    pa, pb, pc = abs(up - ul), abs(left - ul), abs(left + up - 2 * ul)
                    pred = left if pa <= pb and pa <= pc else (up if pb <= pc else ul)
                row[i] = (row[i] + pred) & 255
        out += row
        prev = row
    return w, h, bpp, bytes(out)


def share_of(png: tuple[int, int, int, bytes], rect: list[float], rgb: tuple[int, int, int]) -> float:
    """Share of the pixels inside ``rect`` (inset 3 px, past borders and outlines) within 4 of ``rgb``."""
    w, _, bpp, px = png
    x0, y0, x1, y1 = (int(rect[0]) + 3, int(rect[1]) + 3, int(rect[2]) - 3, int(rect[3]) - 3)
    hits = total = 0
    for y in range(y0, y1):
        for x in range(x0, x1):
            i = (y * w + x) * bpp
            total += 1
            hits += all(abs(px[i + c] - rgb[c]) <= 4 for c in range(3))
    assert total > 30, rect
    return hits / total


def css_colour(name: str) -> tuple[int, int, int]:
    h = re.search(rf"--{name}:#([0-9a-f]{{6}})", page_mod.CSS).group(1)
    return int(h[:2], 16), int(h[2:4], 16), int(h[4:], 16)


@needs_chromium
def test_chromium_screenshot_shows_the_wrong_figure_in_the_fail_colour(browser_dir: Path) -> None:
    p = parse(chromium(browser_dir / "rects.html", "--dump-dom"))
    fail_rect, pass_rect = json.loads(p.find("title")[0].text)
    assert 0 < fail_rect[0] < fail_rect[2] < WIDTH and 0 < fail_rect[1] < fail_rect[3] < HEIGHT
    shot = browser_dir / "shot.png"
    chromium(browser_dir / "rects.html", f"--screenshot={shot}")
    png = read_png(shot, rows=int(max(fail_rect[3], pass_rect[3])) + 80)
    assert png[:2] == (WIDTH, HEIGHT)
    fail, ok = css_colour("fail"), css_colour("pass")
    assert share_of(png, fail_rect, fail) > 0.4
    assert share_of(png, fail_rect, ok) == 0
    assert share_of(png, pass_rect, ok) > 0.4
    assert share_of(png, pass_rect, fail) == 0
    # the page background around the article is not highlighted
    assert share_of(png, [fail_rect[0], fail_rect[3] + 40, fail_rect[2], fail_rect[3] + 60], fail) == 0
