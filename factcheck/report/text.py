"""Terminal report: compiler-style diagnostics for ``check``, a table per file for ``extract``.

    samples/otokar-romania.txt:7:251: error[percent-change] 94 → 224 is a 138.3% increase, not 128%
      │
    7 │ …manufactured 94 military vehicles. In the same period this year, that figure reached 224—representing a 128%…
      │               ──────────────────── operand                                     ─── operand   ^^^^ does not hold
      = (224 − 94) / 94 × 100 = 138.3
      = accepted: 127.5 to 128.5; stated figure read as ±0.5 (its last digit)
      → should be 138%

    3 claims checked in 1 file: 2 hold, 1 wrong

The wrong figure is underlined with ``^``, its operands with ``─``; columns count code points (and
display cells, so "€" and "—" keep the marks in place). A line wider than the terminal is shown as a
window around the figure. Failures and warnings are listed; claims that hold only with ``--show-pass``
(one line each), and with them every claim that was seen but not checked, with the reason; suppressed
findings and unchecked claims are otherwise counted in the summary. A file that could not be read is
one ``error:`` line. File names are printed with control characters escaped. Colour only on a terminal:
``ctx.color`` forces it on or off, else NO_COLOR, then FORCE_COLOR, then whether stdout is a tty.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from io import StringIO
from typing import Literal

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Document, FileResult, Finding, Mention, Unchecked
from . import Context
from .common import counts, fmt_num, level, plural, printable, shown, summary_line

STYLES = {"error": "bold red", "warning": "bold yellow", "note": "bold green"}
HEADS = {"error": "error", "warning": "warning", "note": "ok"}
LABELS = {"fail": "does not hold", "warn": "doubtful", "pass": "holds"}
OPERAND_STYLE = "cyan"
GUTTER_STYLE = "bold blue"
MIN_WINDOW = 24


def use_color(ctx: Context) -> bool:
    """ctx.color when forced; else NO_COLOR (off), FORCE_COLOR (on), else whether stdout is a terminal."""
    if ctx.color is not None:
        return ctx.color
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _isatty()


def _isatty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def make_console(ctx: Context) -> Console:
    color = use_color(ctx)
    width = ctx.extra.get("width") or (shutil.get_terminal_size().columns if _isatty() else 100)
    return Console(file=StringIO(), width=max(int(width), 40), force_terminal=color,
                   color_system="standard" if color else None, no_color=not color, highlight=False,
                   markup=False, emoji=False, legacy_windows=False, force_jupyter=False,
                   force_interactive=False)


# ---------------------------------------------------------------------------------------------- check


@dataclass
class Mark:
    """A span of one source line to underline, in code-point columns (0-based, end exclusive)."""

    line: int
    start: int
    end: int
    glyph: str
    style: str
    label: str
    primary: bool = False


def _marks(doc: Document, f: Finding) -> list[Mark]:
    """The figure's mark (one per line it spans) and one per operand, on the original file's lines."""
    out: list[Mark] = []
    style = STYLES[level(f)].replace("bold ", "")
    spans = [(f.start, f.end, "^", style, LABELS.get(f.status, ""), True)]
    spans += [(o.start, o.end, "─", OPERAND_STYLE, "operand", False) for o in f.operands]
    for start, end, glyph, st, label, primary in spans:
        a, b = doc.locate(start), doc.locate_end(max(end, start + 1))
        for ln in range(a.line, b.line + 1):
            c0 = a.column - 1 if ln == a.line else 0
            c1 = b.column - 1 if ln == b.line else len(doc.line_text(ln))
            out.append(Mark(ln, c0, max(c1, c0 + 1), glyph, st, label if ln == a.line else "", primary))
    return out


def _clean(line: str) -> str:
    """Tabs and control characters as one space each, so code points and columns stay aligned."""
    return "".join(" " if (ord(ch) < 32 or ord(ch) == 127) else ch for ch in line)


def _clean_near(line: str, marks: list[Mark], reach: int) -> str:
    """``_clean`` of the parts of the line within ``reach`` of a mark, the rest as it is: only those parts can be
    shown, so a finding on a page-long line costs its window, not the line."""
    if len(line) <= 4 * reach:
        return _clean(line)
    out, prev = [], 0
    for a, b in _merge([(max(0, m.start - reach), min(len(line), m.end + reach)) for m in marks]):
        out += [line[prev:a], _clean(line[a:b])]
        prev = b
    out.append(line[prev:])
    return "".join(out)


def _cost(segs: list[tuple[int, int]], n: int) -> int:
    """Cells the shown segments take: "…" at a cut end, " … " between segments (a character ≈ a cell)."""
    gaps = 3 * sum(1 for (_, b1), (a2, _) in zip(segs, segs[1:], strict=False) if a2 > b1)
    return sum(b - a for a, b in segs) + (segs[0][0] > 0) + (segs[-1][1] < n) + gaps


def _merge(segs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(segs):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def segments(n: int, marks: list[Mark], avail: int) -> list[tuple[int, int]]:
    """The slices of a line of ``n`` code points to show in ``avail`` cells: the whole line when it
    fits, else the marked spans with as much context as fits around them (operands far from the figure
    are dropped first), elided parts shown as "…"."""
    if n <= avail:
        return [(0, n)]
    primary = next((m for m in marks if m.primary), marks[0])
    segs = _merge([(m.start, min(m.end, n)) for m in marks])
    mid = (primary.start + primary.end) / 2
    while len(segs) > 1 and _cost(segs, n) > avail:
        others = [sg for sg in segs if not sg[0] <= primary.start < sg[1]]
        segs.remove(max(others, key=lambda sg: abs((sg[0] + sg[1]) / 2 - mid)))
    if _cost(segs, n) > avail:  # the figure alone is wider than the screen
        return [(primary.start, min(n, primary.start + avail - 2))]
    grown = True
    while grown:
        grown = False
        i = 0
        while i < len(segs):
            for side in (-1, -1, 1):  # more context before a figure than after it
                if i >= len(segs):
                    break
                a, b = segs[i]
                trial = [*segs[:i], (max(a - 1, 0), b) if side < 0 else (a, min(b + 1, n)), *segs[i + 1:]]
                trial = _merge(trial)
                if trial != segs and _cost(trial, n) <= avail:
                    segs, grown = trial, True
            i += 1
    return segs


def snap(line: str, seg: tuple[int, int], marks: list[Mark], most: int = 12) -> tuple[int, int]:
    """Cut a shown segment at word boundaries rather than mid-word, never into a mark."""
    a, b = seg
    inside = [m for m in marks if a <= m.start < b]
    lo = min((m.start for m in inside), default=b)
    hi = max((min(m.end, b) for m in inside), default=a)
    if a > 0 and not line[a - 1].isspace():
        sp = line.find(" ", a, lo)
        if 0 <= sp and sp + 1 - a <= most:
            a = sp + 1
    if b < len(line) and not line[b].isspace():
        sp = line.rfind(" ", hi, b)
        if sp >= 0 and b - sp <= most:
            b = sp
    return a, b


def _source_rows(line_text: str, marks: list[Mark], avail: int, color: bool) -> tuple[Text, list[Text], list[Mark]]:
    """The line (or its windows), its mark and label rows, and the marks that fell outside the windows."""
    line = _clean_near(line_text, marks, avail + 16)  # (the window, and the word ``snap`` may cut at)
    segs = [snap(line, sg, marks) for sg in segments(len(line), marks, avail)]
    src = Text()
    where: list[tuple[int, int, int, int]] = []  # segment a, b, display cell and char index of a
    for a, b in segs:
        if where:
            src.append(" … ", style="dim")
        elif a > 0:
            src.append("…", style="dim")
        where.append((a, b, cell_len(src.plain), len(src.plain)))
        src.append(line[a:b])
    if segs[-1][1] < len(line):
        src.append("…", style="dim")
    placed: list[tuple[int, int, Mark]] = []  # display cells
    hidden: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.start, not m.primary)):
        seg = next(((a, b, x, j) for a, b, x, j in where if a <= m.start < b), None)
        if seg is None:
            hidden.append(m)
            continue
        a, b, x, j = seg
        s, e = m.start, min(m.end, b)
        x0 = x + cell_len(line[a:s])
        x1 = x0 + max(cell_len(line[s:e]), 1)
        if placed and x0 < placed[-1][1]:  # overlapping marks: the figure wins
            if not m.primary:
                continue
            placed.pop()
        placed.append((x0, x1, m))
        if color:
            src.stylize(m.style, j + s - a, j + e - a)  # Text styles index characters, not cells
    return src, _mark_rows(placed), hidden


def _mark_rows(placed: list[tuple[int, int, Mark]]) -> list[Text]:
    """rustc-style: marks on one row, each label inline when it fits before the next mark, else below."""
    row = Text()
    pending: list[tuple[int, Mark]] = []
    for i, (x0, x1, m) in enumerate(placed):
        row.append(" " * (x0 - len(row.plain)))
        row.append(m.glyph * (x1 - x0), style=m.style)
        nxt = placed[i + 1][0] if i + 1 < len(placed) else None
        if m.label and (nxt is None or x1 + 1 + len(m.label) < nxt):
            row.append(" " + m.label, style=m.style)
        elif m.label:
            pending.append((x0, m))
    rows = [row]
    for j in range(len(pending) - 1, -1, -1):
        r = Text()
        for x, m in pending[:j]:
            r.append(" " * (x - len(r.plain)))
            r.append("│", style=m.style)
        x, m = pending[j]
        r.append(" " * (x - len(r.plain)))
        r.append(m.label, style=m.style)
        rows.append(r)
    return rows


def _gutter(width: int, num: int | str | None = None, bare: bool = False) -> Text:
    """The left margin: line number and bar (styled as a span, so it does not colour what follows)."""
    t = Text()
    t.append(f"{'' if num is None else num:>{width}} │" + ("" if bare else " "), style=GUTTER_STYLE)
    return t


def _header(path: str, doc: Document, f: Finding) -> Text:
    p = doc.locate(f.start)
    lvl = level(f)
    t = Text(f"{printable(path)}:{p.line}:{p.column}: ", style="bold")
    t.append(f"{HEADS[lvl]}[{f.rule}]", style=STYLES[lvl])
    t.append(" " + printable(f.message), style="bold" if f.status != "pass" else "")
    return t


def _notes(f: Finding) -> list[Text]:
    notes = []
    if f.explanation:
        notes.append(Text("= " + f.explanation))
    tol = []
    if f.accepted is not None:
        tol.append(f"accepted: {fmt_num(f.accepted[0])} to {fmt_num(f.accepted[1])}")
    if f.tolerance:
        tol.append(f.tolerance)
    if tol:
        notes.append(Text("= " + "; ".join(tol)))
    if f.source:
        notes.append(Text("= source: " + f.source))
    if f.evidence:
        notes.append(Text("= linked: " + "; ".join(printable(e) for e in f.evidence)))
    if f.expected_text:
        notes.append(Text("→ should be " + f.expected_text, style="bold green"))
    return notes


def diagnostic(console: Console, path: str, doc: Document, f: Finding, color: bool) -> None:
    console.print(_header(path, doc, f), soft_wrap=True)
    marks = _marks(doc, f)
    lines = sorted({m.line for m in marks})
    gw = len(str(lines[-1])) + 1
    avail = max(console.width - gw - 3, MIN_WINDOW)
    console.print(_gutter(gw, bare=True), soft_wrap=True)
    hidden: list[Mark] = []
    prev = None
    for ln in lines:
        if prev is not None and ln > prev + 1:
            console.print(Text(f"{'...':>{gw}}", style=GUTTER_STYLE), soft_wrap=True)
        src, rows, lost = _source_rows(doc.line_text(ln), [m for m in marks if m.line == ln], avail, color)
        hidden += lost
        console.print(_gutter(gw, ln) + src, soft_wrap=True)
        for r in rows:
            console.print(_gutter(gw) + r, soft_wrap=True)
        prev = ln
    for m in hidden:
        if m.label == "operand":
            console.print(Text(" " * (gw + 1) + f"= operand at {m.line}:{m.start + 1}: "
                               f"{doc.line_text(m.line)[m.start:m.end]}"), soft_wrap=True)
    for note in _notes(f):
        console.print(Text(" " * (gw + 1)) + note, soft_wrap=True)
    console.print()


def unread_line(fr: FileResult) -> Text:
    """``error: PATH: why`` for an input that could not be read or checked."""
    reason = fr.error or f"{fr.path}: could not be read"
    return Text(f"error: {printable(reason)}", style="bold red")


def unchecked_line(path: str, doc: Document, u: Unchecked) -> Text:
    """``path:7:12: not checked[conversion] 120 km: no date for the rate ...`` (one line, like a pass)."""
    p = doc.locate(u.start)
    t = Text(f"{printable(path)}:{p.line}:{p.column}: ", style="bold")
    t.append(f"not checked[{u.kind}]", style="bold magenta")
    t.append(f" {printable(u.text)}: {printable(u.reason)}")
    return t


def _check(console: Console, results: list[FileResult], ctx: Context, color: bool) -> None:
    for fr in results:
        if fr.error or fr.document is None:
            console.print(unread_line(fr), soft_wrap=True)
            continue
        doc = fr.document
        shown_items: list[tuple[int, int, Finding | Unchecked]] = [
            (f.start, 0, f) for f in fr.findings if not f.suppressed and shown(f, ctx)]
        if ctx.show_pass:
            shown_items += [(u.start, 1, u) for u in fr.unchecked]
        for _, _, item in sorted(shown_items, key=lambda x: (x[0], x[1])):
            if isinstance(item, Unchecked):
                console.print(unchecked_line(fr.path, doc, item), soft_wrap=True)
            elif item.status == "pass":
                console.print(_header(fr.path, doc, item), soft_wrap=True)
            else:
                diagnostic(console, fr.path, doc, item, color)
    c = counts(results)
    style = "bold red" if c["fail"] or c["unreadable"] else "bold yellow" if c["warn"] else "bold green"
    line = summary_line(results)
    if c["unchecked"] and not ctx.show_pass:
        line += " (--show-pass lists them, with the reason)"
    console.print(Text(line, style=style), soft_wrap=True)


# -------------------------------------------------------------------------------------------- extract


def _value(m: Mention) -> str:
    if m.value_high is not None:
        return f"{fmt_num(m.value)}–{fmt_num(m.value_high)}"
    return fmt_num(m.value)


def mention_table(doc: Document, path: str, mentions: Sequence[Mention]) -> Table:
    table = Table(title=Text(printable(path), style="bold"), title_justify="left", box=box.SIMPLE_HEAD,
                  header_style="bold", pad_edge=False)
    columns: tuple[tuple[str, Literal["left", "right"]], ...] = (
        ("line:col", "right"), ("text", "left"), ("type", "left"), ("value", "right"), ("unit", "left"),
        ("hedge", "left"))
    for name, just in columns:
        table.add_column(name, justify=just, overflow="fold")
    for m in mentions:
        p = doc.locate(m.start)
        table.add_row(Text(f"{p.line}:{p.column}"), Text(_clean(m.text)), Text(m.type), Text(_value(m)),
                      Text(m.unit or ""), Text(m.hedge or ""))
    return table


def _extract(console: Console, results: list[FileResult]) -> None:
    total = 0
    for fr in results:
        if fr.error or fr.document is None:
            console.print(unread_line(fr), soft_wrap=True)
            continue
        if not fr.mentions:
            console.print(Text(f"{printable(fr.path)}: no number-bearing mentions"), soft_wrap=True)
            continue
        total += len(fr.mentions)
        console.print(mention_table(fr.document, fr.path, fr.mentions))
        console.print()
    console.print(Text(f"{plural(total, 'mention')} in {plural(len(results), 'file')}", style="bold"),
                  soft_wrap=True)


def render(results: list[FileResult], ctx: Context) -> str:
    console = make_console(ctx)
    if ctx.command == "extract":
        _extract(console, results)
    else:
        _check(console, results, ctx, use_color(ctx))
    out = console.file
    assert isinstance(out, StringIO)
    return out.getvalue()
