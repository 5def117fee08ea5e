"""HTML review page: one self-contained file showing each article with every checked figure highlighted.

    factcheck check release.txt --format html -o review.html

For editors who would rather look than read. At the top, a summary: per file, how many figures hold,
are wrong or unsure, and how many were suppressed (with a table of contents when there are several
files). Below, each article's text (``Document.text``, paragraphs and line breaks kept) with every
finding's figure wrapped in ``<mark class="fc fc-fail|fc-warn|fc-pass">`` — passes included, suppressed
findings greyed. Colour is never the only signal: each mark carries an icon (✗ wrong, ? unsure, ✓ holds)
and an accessible label. Hovering shows the verdict as a tooltip; clicking a mark, pressing Enter on it
or tabbing to it opens a side panel with the message, the arithmetic, the accepted range and tolerance,
what the figure should be, the rule and the line:column, and lightly marks the operands the figure was
computed from. Under each article a table lists every checked figure, so the page also works without
script and on paper.

The page fetches nothing: CSS and a small script are inline, a Content-Security-Policy forbids every
other resource and any script but its own, and everything taken from the article or the file names is
escaped. The findings are embedded as the JSON report (``report/json_.py``, the public contract), which
the script reads for the panel.

Spans may overlap (a multiple's "nearly doubled" around an operand, two findings on one figure, a
figure that is both one claim and another's operand). Findings on the same span share one mark;
operand spans equal to a mark are folded into it; other spans nest; a span that crosses another's end
is split into fragments, of which only the first is focusable and only the last carries the icon.
Paragraphs split marks the same way, so the markup is always properly nested.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import json
import re
from dataclasses import dataclass, field
from html import escape

from .. import __version__
from ..model import Document, FileResult, Finding
from . import Context
from .common import counts, fmt_num, plural, printable, summary_line
from .json_ import to_dict

LABELS = {"fail": "wrong", "warn": "unsure", "pass": "holds"}
ICONS = {"fail": "✗", "warn": "?", "pass": "✓"}
RANK = {"pass": 0, "warn": 1, "fail": 2}
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*(?:\n[ \t\r\f\v]*)+")


def esc(s: str) -> str:
    """Text or attribute value for HTML: &, <, >, quotes escaped; CR dropped; other controls -> U+FFFD."""
    return escape(_CTRL.sub("\ufffd", s.replace("\r", "")), quote=True)


# --------------------------------------------------------------------------------------------- spans


@dataclass
class Span:
    """A stretch of ``Document.text`` to wrap: a mark for findings, or a plain operand span."""

    start: int
    end: int
    findings: list[int] = field(default_factory=list)  # finding indices this mark shows
    operand_of: list[int] = field(default_factory=list)  # finding indices this span is an operand of
    mention: str | None = None  # extract: the tooltip of a mention
    shown_end: int | None = None  # where its last shown fragment ends (blank space between paragraphs is not shown)


def blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end): blank-line separated blocks if the text has blank lines, else lines.

    Leading and trailing white space is left out; single newlines inside a block stay (shown as breaks).
    """
    sep = _BLANK_LINES if _BLANK_LINES.search(text) else re.compile(r"\n")
    out, pos = [], 0
    for m in [*sep.finditer(text), None]:
        a, b = pos, (m.start() if m else len(text))
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
        pos = m.end() if m else len(text)
    return out


def shown(text: str, spans: list[Span]) -> list[tuple[int, int, list[Span]]]:
    """The paragraphs of ``text``, each with the spans that meet it, in one sweep.

    Sets each span's ``shown_end``: where its part in the last paragraph it meets ends.
    """
    order = sorted(spans, key=lambda s: s.start)
    out, active, k = [], [], 0
    for a, b in blocks(text):
        while k < len(order) and order[k].start < b:
            active.append(order[k])
            k += 1
        active = [s for s in active if s.end > a]
        here = [s for s in active if s.start < b]
        for s in here:
            s.shown_end = min(b, s.end)
        out.append((a, b, here))
    return out


def spans_for(findings: list[Finding], n: int) -> list[Span]:
    """Marks (findings grouped by span) and operand spans (grouped, folded into an equal mark)."""

    def clamp(a: int, b: int) -> tuple[int, int]:
        return max(0, min(a, n)), max(0, min(b, n))

    marks: dict[tuple[int, int], Span] = {}
    ops: dict[tuple[int, int], list[int]] = {}
    for i, f in enumerate(findings):
        a, b = clamp(f.start, f.end)
        if a < b:
            marks.setdefault((a, b), Span(a, b)).findings.append(i)
        for o in f.operands:
            oa, ob = clamp(o.start, o.end)
            if oa < ob and i not in ops.setdefault((oa, ob), []):
                ops[(oa, ob)].append(i)
    out = list(marks.values())
    for (a, b), idx in ops.items():
        if (a, b) in marks:
            marks[(a, b)].operand_of.extend(idx)
        else:
            out.append(Span(a, b, operand_of=idx))
    return out


def nest(text: str, lo: int, hi: int, spans: list[Span], open_tag, close_tag) -> str:
    """``text[lo:hi]`` escaped, with each span wrapped in its tags, properly nested.

    Spans are clipped to [lo, hi). Wider spans open first; a span that would cross the end of an open
    one is cut there and its remainder queued, so elements never interleave. ``open_tag(span, last)``
    is called once per fragment, in document order; ``last`` is true for the fragment that ends the span.
    """
    heap: list[tuple[int, int, int, int]] = []
    for k, s in enumerate(spans):
        a, b = max(s.start, lo), min(s.end, hi)
        if a < b:
            heap.append((a, -b, 0 if s.findings else 1, k))
    heapq.heapify(heap)
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (end, closing tag) of the open elements, innermost last
    pos = lo

    def flush(to: int) -> None:
        nonlocal pos
        out.append(esc(text[pos:to]))
        pos = to

    while heap:
        a, nb, kind, k = heapq.heappop(heap)
        b = -nb
        while stack and stack[-1][0] <= a:
            end, close = stack.pop()
            flush(end)
            out.append(close)
        flush(a)
        if stack and stack[-1][0] < b:  # crosses the end of an open element: cut, queue the rest
            heapq.heappush(heap, (stack[-1][0], -b, kind, k))
            b = stack[-1][0]
        s = spans[k]
        out.append(open_tag(s, b >= (s.end if s.shown_end is None else s.shown_end)))
        stack.append((b, close_tag(spans[k])))
    while stack:
        end, close = stack.pop()
        flush(end)
        out.append(close)
    flush(hi)
    return "".join(out)


# -------------------------------------------------------------------------------------------- marks


def _status(fs: list[Finding]) -> tuple[str, bool]:
    """The status a mark shows: the worst of its live findings; suppressed when all are."""
    live = [f for f in fs if not f.suppressed]
    worst = max(live or fs, key=lambda f: RANK.get(f.status, 1))
    return (worst.status if worst.status in RANK else "warn"), not live


def verdict(f: Finding) -> str:
    """One line for a tooltip or a label: '✗ wrong: 94 → 224 is a 138.3% increase, not 128% (should be 138%)'."""
    st = f.status if f.status in RANK else "warn"
    out = f"{ICONS[st]} {LABELS[st]}: {f.message}"
    if f.expected_text and st != "pass":
        out += f" (should be {f.expected_text})"
    if f.suppressed:
        out += " [suppressed]"
    return out


class _Marker:
    """Writes the tags of one file's spans (ids are ``fc-<file>-<finding>``)."""

    def __init__(self, fi: int, findings: list[Finding]) -> None:
        self.fi, self.findings = fi, findings
        self.anchor: dict[int, str] = {}  # finding index -> id of its mark
        self.opened: set[int] = set()  # id() of the spans whose first fragment is written

    def key(self, i: int) -> str:
        return f"{self.fi}-{i}"

    def open(self, s: Span, last: bool = True) -> str:
        first = id(s) not in self.opened
        self.opened.add(id(s))
        of = f' data-of="{" ".join(self.key(i) for i in s.operand_of)}"' if s.operand_of else ""
        if s.mention is not None:
            return f'<mark class="fc fc-mention" title="{esc(s.mention)}">'
        if not s.findings:
            return f'<span class="fc-op"{of}>'
        fs = [self.findings[i] for i in s.findings]
        status, sup = _status(fs)
        cls = f"fc fc-{status}" + (" fc-sup" if sup else "") + ("" if first else " fc-cont") + \
            ("" if last else " fc-cut")
        tip = "\n".join(verdict(f) for f in fs)
        attrs = f' data-f="{" ".join(self.key(i) for i in s.findings)}"{of} title="{esc(tip)}"'
        if first:
            ident = f"fc-{self.key(s.findings[0])}"
            for i in s.findings:
                self.anchor[i] = ident
            label = f"{fs[0].text} — " + "; ".join(verdict(f) for f in fs)
            attrs = (f' id="{ident}" tabindex="0" role="button" aria-haspopup="dialog"'
                     f' aria-controls="fc-panel" aria-label="{esc(label)}"' + attrs)
        return f'<mark class="{cls}"{attrs}>'

    @staticmethod
    def close(s: Span) -> str:
        return "</span>" if not s.findings and s.mention is None else "</mark>"


# --------------------------------------------------------------------------------------------- page


def _count_cells(c: dict[str, int]) -> str:
    return "".join(f'<td class="num fc-n-{k}">{c[k]}</td>' for k in ("fail", "warn", "pass", "suppressed"))


def _summary(results: list[FileResult], ctx: Context) -> str:
    if ctx.command == "extract":
        rows = "".join(f'<tr><th scope="row"><a href="#file-{i + 1}">{esc(printable(r.path))}</a></th>'
                       f'<td class="num">{len(r.mentions)}</td></tr>' for i, r in enumerate(results))
        return (f'<table class="fc-sum"><thead><tr><th scope="col">File</th><th scope="col" class="num">'
                f'Figures found</th></tr></thead><tbody>{rows}</tbody></table>')
    head = ('<thead><tr><th scope="col">File</th><th scope="col" class="num">✗ wrong</th>'
            '<th scope="col" class="num">? unsure</th><th scope="col" class="num">✓ holds</th>'
            '<th scope="col" class="num">suppressed</th></tr></thead>')
    body: list[str] = []
    for i, r in enumerate(results):
        note = ' <span class="fc-err">unreadable</span>' if r.error else ""
        body.append(f'<tr><th scope="row"><a href="#file-{i + 1}">{esc(printable(r.path))}</a>{note}</th>'
                    f"{_count_cells(counts([r]))}</tr>")
    foot = ""
    if len(results) > 1:
        foot = f'<tfoot><tr><th scope="row">All files</th>{_count_cells(counts(results))}</tr></tfoot>'
    table = f'<div class="fc-scroll"><table class="fc-sum">{head}<tbody>{"".join(body)}</tbody>{foot}</table></div>'
    if len(results) > 1:
        return f'<nav aria-label="Files">{table}</nav>'
    return table


LEGEND = (
    '<ul class="fc-legend" aria-label="Legend">'
    '<li><mark class="fc fc-fail">wrong</mark> does not follow from the text</li>'
    '<li><mark class="fc fc-warn">unsure</mark> doubtful, or an uncertain link</li>'
    '<li><mark class="fc fc-pass">holds</mark> checked and correct</li>'
    '<li><mark class="fc fc-pass fc-sup">suppressed</mark> silenced by a comment or baseline</li>'
    '<li><span class="fc-op-demo">operand</span> what the selected figure is computed from</li></ul>'
)


def _where(doc: Document, f: Finding) -> str:
    p = doc.locate(max(0, min(f.start, len(doc.text))))
    return f"{p.line}:{p.column}"


def _table(doc: Document, findings: list[Finding], marker: _Marker) -> str:
    order = sorted(range(len(findings)), key=lambda i: (findings[i].start, findings[i].end))
    rows = []
    for i in order:
        f = findings[i]
        st = f.status if f.status in RANK else "warn"
        cls = f"fc-row-{st}" + (" fc-sup" if f.suppressed else "")
        fig = esc(f.text)
        if i in marker.anchor:
            fig = f'<a href="#{marker.anchor[i]}" data-go="{marker.key(i)}">{fig}</a>'
        detail = [f'<div class="fc-msg">{esc(f.message)}</div>']
        if f.explanation:
            detail.append(f'<div class="fc-math"><code>{esc(f.explanation)}</code></div>')
        extra = []
        if f.expected_text and st != "pass":
            extra.append(f"should be <strong>{esc(f.expected_text)}</strong>")
        if f.accepted is not None:
            extra.append(f"accepted {esc(fmt_num(f.accepted[0]))} to {esc(fmt_num(f.accepted[1]))}")
        if f.tolerance:
            extra.append(esc(f.tolerance))
        if f.suppressed:
            extra.append("suppressed")
        if extra:
            detail.append(f'<div class="fc-extra">{" · ".join(extra)}</div>')
        rows.append(f'<tr class="{cls}"><td class="fc-st"><span class="fc-badge fc-b-{st}">{ICONS[st]} '
                    f'{LABELS[st]}</span></td><td class="fc-fig">{fig}</td><td class="num">{_where(doc, f)}</td>'
                    f'<td>{"".join(detail)}</td><td class="fc-rule"><code>{esc(f.rule)}</code></td></tr>')
    return ('<div class="fc-scroll"><table class="fc-list"><thead><tr><th scope="col">Verdict</th><th scope="col">Figure</th>'
            '<th scope="col" class="num">Line:col</th><th scope="col">Working</th><th scope="col">Rule</th>'
            f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _jumps(doc: Document, findings: list[Finding], marker: _Marker) -> str:
    """Links to the marks of the wrong and the unsure figures, in text order ('' when there are none)."""
    out = []
    for st in ("fail", "warn"):
        links = [f'<a href="#{marker.anchor[i]}" data-go="{marker.key(i)}">{esc(" ".join(f.text.split()))}</a>'
                 f' <span class="fc-at">{_where(doc, f)}</span>'
                 for i, f in sorted(enumerate(findings), key=lambda x: x[1].start)
                 if f.status == st and not f.suppressed and i in marker.anchor]
        if links:
            out.append(f'<li><span class="fc-badge fc-b-{st}">{ICONS[st]} {LABELS[st]}</span> {", ".join(links)}</li>')
    return f'<ul class="fc-jumps" aria-label="Go to a figure">{"".join(out)}</ul>' if out else ""


def _mention_spans(r: FileResult, n: int) -> list[Span]:
    out = []
    for m in r.mentions:
        a, b = max(0, min(m.start, n)), max(0, min(m.end, n))
        if a < b:
            value = "" if m.value is None else " " + fmt_num(m.value) + (f" {m.unit}" if m.unit else "")
            out.append(Span(a, b, mention=f"{m.type}{value}"))
    return out


def _section(i: int, r: FileResult, ctx: Context) -> str:
    head = f'<section class="fc-file" id="file-{i + 1}" aria-labelledby="file-{i + 1}-h">' \
           f'<h2 id="file-{i + 1}-h">{esc(printable(r.path))}</h2>'
    if r.error or r.document is None:
        return head + f'<p class="fc-err" role="alert">{esc(printable(r.error or "could not be read"))}</p></section>'
    doc, text = r.document, r.document.text
    marker = _Marker(i, r.findings)
    if ctx.command == "extract":
        spans = _mention_spans(r, len(text))
        line = plural(len(r.mentions), "figure") + " found"
    else:
        spans = spans_for(r.findings, len(text))
        line = summary_line([r]).replace(" in 1 file", "")
    paras = "".join(f"<p>{nest(text, a, b, here, marker.open, marker.close)}</p>" for a, b, here in shown(text, spans))
    body = f'<p class="fc-file-sum">{esc(line)}</p>{_jumps(doc, r.findings, marker)}' \
           f'<div class="fc-text">{paras or "<p><em>(empty)</em></p>"}</div>'
    if ctx.command != "extract" and r.findings:
        body += (f'<details class="fc-all" open><summary>All checked figures ({len(r.findings)})</summary>'
                 f"{_table(doc, r.findings, marker)}</details>")
    return head + body + "</section>"


def _json_for_script(results: list[FileResult], ctx: Context) -> str:
    """The JSON report, safe inside <script type="application/json"> (no '<', '>' or '&' left, and no raw
    line separator or bidi mark: the same JSON strings, written as \\u escapes)."""
    data = json.dumps(to_dict(results, ctx), ensure_ascii=False, separators=(",", ":"))
    data = data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", data)


def _csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def render(results: list[FileResult], ctx: Context) -> str:
    if len(results) == 1:
        title = f"Fact-check: {printable(results[0].path)}"
    else:
        title = f"Fact-check: {plural(len(results), 'file')}"
    sections = "".join(_section(i, r, ctx) for i, r in enumerate(results))
    overall = summary_line(results) if ctx.command != "extract" else \
        f"{plural(sum(len(r.mentions) for r in results), 'figure')} found in {plural(len(results), 'file')}"
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src '{_csp_hash(SCRIPT)}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    legend = "" if ctx.command == "extract" else LEGEND
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="generator" content="factcheck {esc(__version__)}">
<title>{esc(title)}</title>
<style>{CSS}</style>
</head>
<body>
<div class="fc-page">
<main class="fc-main">
<header class="fc-head">
<p class="fc-kicker">factcheck {esc(__version__)} · review</p>
<h1>{esc(title)}</h1>
<p class="fc-overall">{esc(overall)}</p>
{_summary(results, ctx)}
{legend}
</header>
{sections}
</main>
<aside class="fc-panel" id="fc-panel" aria-label="Details of the selected figure" tabindex="-1">
<div class="fc-panel-head"><h2>Working</h2>
<button type="button" class="fc-close" aria-label="Close details">×</button></div>
<div class="fc-panel-body" aria-live="polite"><p class="fc-hint">Select a highlighted figure — click it, or
tab to it — to see the arithmetic behind its verdict.</p></div>
</aside>
</div>
<script type="application/json" id="fc-data">{_json_for_script(results, ctx)}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""


CSS = """
:root{color-scheme:light;--ink:#1b1e23;--muted:#5b616b;--rule:#d9dce1;--paper:#ffffff;--wash:#f6f7f9;
--fail:#fbcfcf;--fail-ink:#a4161a;--warn:#ffe8a3;--warn-ink:#7a5200;--pass:#e3f4e8;--pass-ink:#17663a;
--sup:#ececec;--sup-ink:#5f6368;--op:#dde8ff;--op-ink:#2746a8;--focus:#1f3fbf}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--wash);color:var(--ink);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
.fc-page{display:grid;grid-template-columns:minmax(0,46rem) 20rem;gap:2rem;justify-content:center;
padding:1.5rem 1.5rem 4rem}
.fc-main{min-width:0}
.fc-head{margin-bottom:1.5rem}
.fc-kicker{margin:0;color:var(--muted);font-size:.8rem;letter-spacing:.06em;text-transform:uppercase}
h1{font-size:1.55rem;line-height:1.25;margin:.2rem 0 .3rem;overflow-wrap:anywhere}
.fc-overall{margin:0 0 1rem;color:var(--muted)}
table{border-collapse:collapse;width:100%;background:var(--paper);font-size:.9rem}
th,td{padding:.4rem .6rem;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
thead th{font-weight:600;color:var(--muted);font-size:.8rem;border-bottom:2px solid var(--rule)}
tfoot th,tfoot td{font-weight:600;border-bottom:0}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th[scope=row]{font-weight:500;overflow-wrap:anywhere;min-width:9rem}
.fc-scroll{overflow-x:auto}
.fc-sum{border:1px solid var(--rule);border-radius:6px}
.fc-sum .fc-n-fail{color:var(--fail-ink);font-weight:600}
.fc-legend{display:flex;flex-wrap:wrap;gap:.4rem 1.4rem;font-size:.85rem;color:var(--muted);
margin:1rem 0 0;padding:0;list-style:none}
.fc-legend li{white-space:nowrap}
.fc-legend mark,.fc-op-demo{margin-right:.3rem;color:var(--ink)}
a{color:#1f49b6}
.fc-file{background:var(--paper);border:1px solid var(--rule);border-radius:8px;padding:1.25rem 1.75rem 1.5rem;
margin-bottom:1.5rem}
.fc-file h2{font-size:1.1rem;margin:0 0 .15rem;overflow-wrap:anywhere;
font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace}
.fc-file-sum{margin:0 0 .6rem;color:var(--muted);font-size:.9rem}
.fc-jumps{list-style:none;margin:0 0 1.1rem;padding:.55rem .75rem;background:var(--wash);border-radius:6px;
font-size:.9rem}
.fc-jumps li{margin:.15rem 0}.fc-jumps .fc-badge{margin-right:.35rem}.fc-at{color:var(--muted);font-size:.8rem}
.fc-text{font:1.06rem/1.7 Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,"DejaVu Serif",serif;
max-width:68ch}
.fc-text p{margin:0 0 .9em;white-space:pre-wrap;overflow-wrap:break-word}
mark.fc{color:inherit;background:var(--pass);border-bottom:2px dotted var(--pass-ink);border-radius:2px;
padding:0 .1em;cursor:pointer;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.fc::after{content:"✓";content:"✓" / "";font:700 .72em/1 system-ui,sans-serif;color:var(--pass-ink);
margin-left:.15em;vertical-align:.35em}
mark.fc-fail{background:var(--fail);border-bottom:2px solid var(--fail-ink)}
mark.fc-fail::after{content:"✗";content:"✗" / "";color:var(--fail-ink)}
mark.fc-warn{background:var(--warn);border-bottom:2px dashed var(--warn-ink)}
mark.fc-warn::after{content:"?";content:"?" / "";color:var(--warn-ink)}
mark.fc-sup{background:var(--sup);border-bottom:2px dotted var(--sup-ink);color:var(--sup-ink)}
mark.fc-sup::after{color:var(--sup-ink)}
mark.fc-cut::after,mark.fc-mention::after{content:none}
mark.fc-mention{background:var(--op);border-bottom:1px solid var(--op-ink);cursor:help}
mark.fc mark.fc{border-bottom-width:3px}
.fc-legend mark.fc{cursor:default}
mark.fc:hover{filter:saturate(1.6) brightness(.97)}
mark.fc:focus{outline:none}
mark.fc:focus-visible,mark.fc.fc-sel{outline:2px solid var(--focus);outline-offset:2px}
.fc-op.fc-on,.fc-op-demo{background:var(--op);box-shadow:0 0 0 1px var(--op-ink);border-radius:2px}
mark.fc.fc-on{box-shadow:0 0 0 1px var(--op-ink)}
.fc-op-demo{padding:0 .2em}
.fc-all{margin-top:1.25rem;border-top:1px solid var(--rule);padding-top:.75rem}
.fc-all summary{cursor:pointer;font-weight:600;font-size:.9rem;color:var(--muted)}
.fc-list{margin-top:.6rem}
.fc-list tr.fc-sup{color:var(--sup-ink)}
.fc-fig{font-weight:600;min-width:6rem}
.fc-rule{white-space:nowrap}
.fc-math code,.fc-rule code,.fc-panel code{font:.85em/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,
"DejaVu Sans Mono",monospace}
.fc-math,.fc-extra{color:var(--muted);font-size:.85rem;margin-top:.15rem}
.fc-badge{display:inline-block;font-size:.78rem;font-weight:600;padding:.05rem .45rem;border-radius:999px;
white-space:nowrap;border:1px solid}
.fc-b-fail{background:var(--fail);color:var(--fail-ink)}
.fc-b-warn{background:var(--warn);color:var(--warn-ink)}
.fc-b-pass{background:var(--pass);color:var(--pass-ink)}
tr.fc-sup .fc-badge{background:var(--sup);color:var(--sup-ink)}
.fc-err{color:var(--fail-ink);font-weight:600}
.fc-panel{position:sticky;top:1.5rem;align-self:start;max-height:calc(100vh - 3rem);overflow:auto;
background:var(--paper);border:1px solid var(--rule);border-radius:8px;padding:1rem 1.1rem;font-size:.9rem}
.fc-panel-head{display:flex;justify-content:space-between;align-items:center}
.fc-panel h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0}
.fc-close{display:none;border:0;background:none;font-size:1.4rem;line-height:1;cursor:pointer;color:var(--muted)}
.fc-hint{color:var(--muted);margin:.6rem 0 0}
.fc-card{border-top:1px solid var(--rule);margin-top:.75rem;padding-top:.75rem}
.fc-card:first-child{border-top:0;margin-top:.5rem;padding-top:0}
.fc-card h3{font-size:1rem;margin:.35rem 0 .4rem;overflow-wrap:anywhere}
.fc-card p{margin:0 0 .6rem}
.fc-card dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:.3rem .75rem}
.fc-card dt{color:var(--muted);font-size:.8rem;padding-top:.1rem}
.fc-card dd{margin:0;overflow-wrap:anywhere}
.fc-should{font-weight:700;color:var(--fail-ink)}
@media (max-width:70rem){.fc-page{grid-template-columns:minmax(0,46rem);padding:1rem}
.fc-panel{position:fixed;top:auto;left:0;right:0;bottom:0;max-height:45vh;border-radius:8px 8px 0 0;
box-shadow:0 -4px 16px rgba(0,0,0,.15);display:none}
.fc-panel.fc-open{display:block}.fc-close{display:block}.fc-page{padding-bottom:50vh}}
@media (max-width:40rem){.fc-file{padding:1rem}.fc-rule{display:none}}
@media print{body{background:#fff;font-size:10.5pt}.fc-page{display:block;padding:0}.fc-panel{display:none}
.fc-file{border:0;padding:0;break-before:page}.fc-file:first-of-type{break-before:auto}
mark.fc,.fc-badge,.fc-op-demo{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.fc-all summary{display:none}.fc-list tr{break-inside:avoid}a{color:inherit;text-decoration:none}
mark.fc.fc-sel{outline:none}}
""".replace("\n", "")

SCRIPT = r"""
(function(){
"use strict";
var data=JSON.parse(document.getElementById("fc-data").textContent);
var panel=document.getElementById("fc-panel"),body=panel.querySelector(".fc-panel-body");
var LABEL={fail:"\u2717 wrong",warn:"? unsure",pass:"\u2713 holds"};
var current=null;
function num(x){return typeof x==="number"?x.toLocaleString("en-US",{maximumFractionDigits:4}):String(x);}
function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;
if(text!=null)e.textContent=text;return e;}
function finding(key){var p=key.split("-");return data.files[+p[0]].findings[+p[1]];}
function row(dl,term,value,cls){if(value==null||value==="")return;dl.appendChild(el("dt",null,term));
var dd=el("dd",cls);if(typeof value==="string")dd.textContent=value;else dd.appendChild(value);dl.appendChild(dd);}
function card(f){
var c=el("div","fc-card"),st=LABEL[f.status]?f.status:"warn";
var b=el("span","fc-badge fc-b-"+st,LABEL[st]+(f.suppressed?" (suppressed)":""));c.appendChild(b);
c.appendChild(el("h3",null,f.text));c.appendChild(el("p",null,f.message));
var dl=el("dl");
if(f.explanation){var code=el("code",null,f.explanation);row(dl,"Arithmetic",code);}
if(f.expected_text&&st!=="pass")row(dl,"Should be",f.expected_text,"fc-should");
if("claimed"in f)row(dl,"Stated",num(f.claimed));
if("computed"in f)row(dl,"Computed",num(f.computed));
if(f.accepted)row(dl,"Accepted",num(f.accepted[0])+" to "+num(f.accepted[1]));
if(f.tolerance)row(dl,"Tolerance",f.tolerance);
if(f.operands&&f.operands.length)row(dl,"From",f.operands.map(function(o){
return o.text+" ("+o.line+":"+o.column+")";}).join(", "));
if(f.source){if(/^https?:\/\//i.test(f.source)){var a=el("a",null,f.source);a.href=f.source;
a.rel="noopener noreferrer";row(dl,"Source",a);}else row(dl,"Source",f.source);}
row(dl,"Rule",f.rule+" \u00b7 "+f.kind);
row(dl,"Where",f.line+":"+f.column+(f.end_line===f.line?"\u2013"+f.end_column:"\u2013"+f.end_line+":"+f.end_column));
if(f.fix)row(dl,"Fix","replace with \u201c"+f.fix.replacement+"\u201d");
c.appendChild(dl);return c;}
function clear(){document.querySelectorAll(".fc-on,.fc-sel").forEach(function(e){
e.classList.remove("fc-on","fc-sel");if(e.hasAttribute("aria-expanded"))e.setAttribute("aria-expanded","false");});}
function show(m){
if(!m.id){var first=document.querySelector('mark.fc[id][data-f="'+m.dataset.f+'"]');if(first)m=first;}
clear();current=m;var keys=m.dataset.f.split(" ");
document.querySelectorAll('mark.fc[data-f="'+m.dataset.f+'"]').forEach(function(e){e.classList.add("fc-sel");});
m.setAttribute("aria-expanded","true");
keys.forEach(function(k){document.querySelectorAll('[data-of~="'+k+'"]').forEach(function(e){
e.classList.add("fc-on");});});
body.replaceChildren();keys.forEach(function(k){body.appendChild(card(finding(k)));});
panel.classList.add("fc-open");
if(getComputedStyle(panel).position==="fixed"){var r=m.getBoundingClientRect(),room=innerHeight-panel.offsetHeight;
if(r.bottom>room-16)scrollBy(0,r.bottom-room+48);}}
function hide(){clear();panel.classList.remove("fc-open");if(current)current.focus();current=null;}
function markOf(t){return t&&t.closest?t.closest("mark.fc[data-f]"):null;}
document.addEventListener("click",function(e){var m=markOf(e.target);if(m){show(m);return;}
var go=e.target.closest&&e.target.closest("a[data-go]");
if(go){var t=document.getElementById(go.getAttribute("href").slice(1));if(t){e.preventDefault();
t.scrollIntoView({block:"center"});t.focus({preventScroll:true});show(t);}}});
document.addEventListener("focusin",function(e){var m=markOf(e.target);if(m&&m!==current)show(m);});
document.addEventListener("keydown",function(e){var m=markOf(e.target);
if(m&&(e.key==="Enter"||e.key===" ")){e.preventDefault();show(m);}
else if(e.key==="Escape"&&current)hide();});
panel.querySelector(".fc-close").addEventListener("click",hide);
document.documentElement.classList.add("fc-js");
})();
""".strip()
