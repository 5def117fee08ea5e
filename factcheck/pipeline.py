"""The pipeline for one document: extract → link → judge, then suppressions. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from .document import DEFAULT_MAX_SIZE
from .extract.blocks import CHECK_BLOCKS_MIN_CHARS, STREAM_MIN_CHARS
from .model import Document, FileResult, Finding, Mention, MentionStream, Unchecked
from .ruleset import RuleSet


@dataclass(frozen=True)
class Options:
    """What a check run is asked to do, for every file alike."""

    locale: str = "auto"
    as_of: date | None = None
    check: bool = True  # False: extraction only
    max_size: int = DEFAULT_MAX_SIZE  # bytes read from one input (--max-size)


def run(doc: Document, rules: RuleSet, opts: Options = Options()) -> FileResult:
    from .extract import extract

    if not opts.check and len(doc.text) >= STREAM_MIN_CHARS:
        return FileResult(path=doc.path, document=doc, mentions=MentionStream(lambda: _streamed(doc, rules, opts)))
    if opts.check and len(doc.text) >= CHECK_BLOCKS_MIN_CHARS:
        from .blockcheck import check_by_blocks

        return check_by_blocks(doc, rules, opts)  # a big document: block by block, in bounded memory
    mentions = extract(doc, rules.vocab, locale=opts.locale)
    result = FileResult(path=doc.path, document=doc, mentions=_table_typed(doc, mentions, rules))
    if not opts.check:
        return result
    result.findings, result.unchecked = checked(doc, mentions, rules, opts)
    return result


def checked(doc: Document, mentions: list[Mention], rules: RuleSet, opts: Options, patterns: bool = True
            ) -> tuple[list[Finding], list[Unchecked]]:
    """The findings (in text order) and the claims seen but not checked, of ``doc`` and its ``mentions``."""
    from .claims import link
    from .judge import judge

    claims, unchecked = link(doc, mentions, rules, as_of=opts.as_of)
    findings = judge(doc, claims, rules, unchecked)
    del claims
    unchecked = _unchecked_once(unchecked, findings)
    if patterns:
        from .claims.patterns import pattern_findings

        findings += pattern_findings(doc, rules)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    if doc.suppressions:
        findings = [_suppress(doc, f) for f in findings]
    return findings, unchecked


def _streamed(doc: Document, rules: RuleSet, opts: Options) -> Iterator[Mention]:
    """A big document's mentions as reported, block by block (extract/blocks.py): tables are found first, so
    that no block cuts one and each cell is typed as its table says."""
    from .document.tables import find_tables
    from .extract.blocks import block_mentions

    tables = find_tables(doc, rules.vocab)
    keep = [(min([t.start, *(a for a, _ in t.header)]), t.end) for t in tables]
    yield from _typed(tables, block_mentions(doc.text, rules.vocab, opts.locale, keep))


def _table_typed(doc: Document, mentions: list, rules: RuleSet) -> list:
    """The mentions as reported: a table cell's figure read as its table says ("25,289" under "(in € millions)" is
    €25,289 million; a cell of a change column is a percent). The linker reads the tables itself."""
    from .document import maybe_tables

    if not maybe_tables(doc.text):  # no table: the table reader is not even imported
        return mentions
    from .document.tables import find_tables

    tables = find_tables(doc, rules.vocab)
    if not tables:
        return mentions
    return list(_typed(tables, mentions))


def _typed(tables: list, mentions: Iterable[Mention]) -> Iterator[Mention]:
    if not tables:
        yield from mentions
        return
    from .claims.tables import cell_mentions

    typed = cell_mentions(tables)
    for m in mentions:
        t = typed.get((m.start, m.end))
        better = t is not None and t.start == m.start and t.end == m.end and t.type in ("currency", "percent") \
            and m.type in ("number", "count", "currency", "percent") and (t.type, t.unit, t.value) != (m.type, m.unit, m.value)
        yield replace(t, text=m.text) if better and t is not None else m  # money and percentages only


def _unchecked_once(unchecked: list, findings: list) -> list:
    """Each figure seen but not checked once (the first reason given), and none that a finding did check."""
    checked = {(f.start, f.end) for f in findings}
    seen: set[tuple[str, int, int]] = set()
    out = []
    for u in unchecked:
        key = (u.kind, u.start, u.end)
        if key in seen or (u.start, u.end) in checked:
            continue
        seen.add(key)
        out.append(u)
    return out


def _suppress(doc: Document, f):
    line = doc.locate(f.start).line
    for s in doc.suppressions:
        if s.line == line and (not s.rules or f.rule in s.rules or f.kind in s.rules):
            return replace(f, suppressed=True)
    return f
