"""``check`` of a big document block by block, so that memory is bounded by a block and not by the document.

A document of ``CHECK_BLOCKS_MIN_CHARS`` characters or more (an archive of releases joined in one file; a normal
release is far below it and is checked whole, exactly as before) is cut into blocks of whole paragraphs of about
``BLOCK_CHARS`` characters, never inside a table (extract/blocks.py). Each block is checked as a small document of
its own: its text with whole lines of at least ``CONTEXT_CHARS`` characters around it (the windows a linker
searches, a sentence or a paragraph or two, reach across the cut) and, ahead of them, the document's head (its
first lines: the headline, whose figures the body restates, and the dateline, whose date sets the year of
exchange rates and the end of durations). Only the findings whose stated figure starts inside
the block are kept, so each finding is made once, by the block that holds it.

What each block is given is what the whole document would give it: its mentions are the whole document's
(extract/blocks.py makes them block by block, as ``extract`` of a big file does), the locale is decided from the
whole text, and the house-style ``pattern`` rules run once over the whole text (their limits are per document).

Findings are made as the report is written (``FindingStream``): a ``--format json`` report of a 10 MB archive
never holds its tens of thousands of findings. What differs from checking the whole text at once: a relation
between two figures further apart than a block's context (the "same figure given twice" of ``consistency``, a
change whose earlier level is given many paragraphs before) is not seen, and the unchecked claims are listed
block by block. tests/test_blockcheck.py shows both.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import deque
from collections.abc import Iterator

from .extract.blocks import BLOCK_CHARS, CONTEXT_CHARS, _context, blocks
from .model import Document, FileResult, Finding, FindingStream, Mention, MentionStream, Unchecked, UncheckedView
from .pipeline import Options, _streamed, _suppress, checked
from .ruleset import RuleSet

CHECK_BLOCK_CHARS = 2 * BLOCK_CHARS  # a check block's own text (unless one paragraph or table is longer)
TABLE_CHUNK_CHARS = 4 * BLOCK_CHARS  # the pieces tables are looked for in
HEAD_CHARS = 400  # the document's head, carried ahead of every block: the dateline zone of claims/dates.py ...
HEAD_MAX = 2048  # ... but never more than this


def check_by_blocks(doc: Document, rules: RuleSet, opts: Options, size: int | None = None,
                    context: int = CONTEXT_CHARS) -> FileResult:
    """``pipeline.run``'s result for a big document, its findings made as they are read (blocks of ``size``
    characters, default ``CHECK_BLOCK_CHARS``)."""
    size = size or CHECK_BLOCK_CHARS
    findings = FindingStream(lambda: block_findings(doc, rules, opts, size, context))
    return FileResult(path=doc.path, document=doc, mentions=MentionStream(lambda: _streamed(doc, rules, opts)),
                      findings=findings, unchecked=UncheckedView(findings))  # type: ignore[arg-type]


def head_end(text: str) -> int:
    """Where the document's head ends: whole lines holding its first ``HEAD_CHARS`` characters and its first three
    lines (the headline, the dateline, and the zone the release's own date is read from: claims/dates.py), cut
    inside a long line (a line that long is neither a headline nor a dateline) and never past ``HEAD_MAX``."""
    end = lines = 0
    while end < len(text) and (end < HEAD_CHARS or lines < 3):
        nl = text.find("\n", end)
        nxt = len(text) if nl < 0 else nl + 1
        if nxt > HEAD_MAX:
            return min(len(text), max(HEAD_CHARS, end + 100))
        end, lines = nxt, lines + 1
    return end


def _widen(a: int, b: int, keep: list[tuple[int, int]], starts: list[int]) -> tuple[int, int]:
    """[a, b) grown to hold whole a table it cuts (``keep``: the tables' spans in text order; ``starts``: theirs)."""
    i = bisect.bisect_right(starts, a) - 1
    if i >= 0 and keep[i][0] < a < keep[i][1]:
        a = keep[i][0]
    j = bisect.bisect_left(starts, b) - 1
    if j >= 0 and keep[j][0] < b < keep[j][1]:
        b = keep[j][1]
    return a, b


def block_findings(doc: Document, rules: RuleSet, opts: Options, size: int = CHECK_BLOCK_CHARS,
                   context: int = CONTEXT_CHARS) -> Iterator[tuple[list[Finding], list[Unchecked]]]:
    """Each block's findings (in text order) and unchecked claims, block after block, in document offsets."""
    from .baseline import fingerprint
    from .claims.patterns import pattern_findings
    from .document.segment import paragraphs, sentences
    from .extract.blocks import block_mentions

    text = doc.text
    keep = table_spans(doc, rules.vocab)
    starts = [t for t, _ in keep]
    patterns = sorted(pattern_findings(doc, rules), key=lambda f: f.start)  # limits are per document: run once
    pat_starts = [f.start for f in patterns]
    head = head_end(text)
    mentions = block_mentions(text, rules.vocab, opts.locale, keep)  # the whole document's, in text order
    ahead: deque[Mention] = deque()  # read from ``mentions`` and not yet behind every later block
    headline = [m for m in _take(mentions, ahead, head) if m.end <= head]
    for lo, hi in blocks(text, keep, size):
        a, b = _widen(*_context(text, lo, hi, context), keep, starts)
        if a <= head:
            a, prefix = 0, ""  # a block near the top reads from the top
        else:
            prefix = text[:head] + "\n\n"  # the document's head, ahead of every other block
        while ahead and ahead[0].start < a:
            ahead.popleft()
        window = [m for m in _take(mentions, ahead, b) if m.start >= a and m.end <= b]
        shift = len(prefix) - a
        sub = Document(doc.path, prefix + text[a:b], format=doc.format, date=doc.date)
        found, skipped = checked(sub, (headline if prefix else []) + [_moved(m, shift) for m in window], rules,
                                 opts, patterns=False)
        del window
        # fingerprinted in the block's text: a kept finding's paragraph is whole in it, so its sentence is the same
        # (and the whole text's sentences are never listed)
        out = [_moved_finding(dataclasses.replace(f, fingerprint=fingerprint(sub, f)), shift, len(prefix))
               for f in found if lo <= _back(f.start, shift, len(prefix)) < hi]
        sentences.cache_clear()  # the block's text is not asked for again
        paragraphs.cache_clear()
        out += [f if f.fingerprint else dataclasses.replace(f, fingerprint=fingerprint(doc, f))
                for f in patterns[bisect.bisect_left(pat_starts, lo):bisect.bisect_left(pat_starts, hi)]]
        out.sort(key=lambda f: (f.start, f.end, f.rule))
        if doc.suppressions:
            out = [_suppress(doc, f) for f in out]
        unchecked = [_moved_unchecked(u, shift, len(prefix)) for u in skipped]
        yield out, [u for u in unchecked if lo <= u.start < hi]
        del out, unchecked, found, skipped, sub  # before the next block is read


def table_spans(doc: Document, vocab: dict, size: int = TABLE_CHUNK_CHARS, context: int = CONTEXT_CHARS
                ) -> list[tuple[int, int]]:
    """The span of every table of ``doc`` with its header, in text order: what ``find_tables(doc)`` finds, found a
    piece at a time (its reading of the whole text holds every line at once: ~4 bytes per byte of text). A piece is
    cut where a paragraph starts after a blank line, and a table's rows never hold a blank line, so the rows of a
    table that starts in a piece end in it; its header and caption, at most a few lines above, are read from the
    piece's context."""
    from .document.tables import find_tables

    text = doc.text
    out: list[tuple[int, int]] = []
    for lo, hi in blocks(text, (), size):
        a, b = _context(text, lo, hi, context)
        piece = Document(doc.path, text[a:b], format=doc.format)
        for t in find_tables(piece, vocab):
            if lo <= t.start + a < hi:
                out.append((min([t.start, *(h for h, _ in t.header)]) + a, t.end + a))
    return out


def _take(mentions: Iterator[Mention], ahead: deque[Mention], upto: int) -> list[Mention]:
    """The mentions starting before ``upto``, read on from ``mentions`` into ``ahead`` as far as needed."""
    while not ahead or ahead[-1].start < upto:
        m = next(mentions, None)
        if m is None:
            break
        ahead.append(m)
    return [m for m in ahead if m.start < upto]


def _moved(m: Mention, shift: int) -> Mention:
    return dataclasses.replace(m, start=m.start + shift, end=m.end + shift,
                               num_start=m.num_start + shift if m.num_start >= 0 else m.num_start,
                               num_end=m.num_end + shift if m.num_end >= 0 else m.num_end)


def _back(i: int, shift: int, head: int) -> int:
    """A block document's offset in the whole document: the headline stands where it stands."""
    return i if i < head else i - shift


def _moved_finding(f: Finding, shift: int, head: int) -> Finding:
    return dataclasses.replace(
        f, start=_back(f.start, shift, head), end=_back(f.end, shift, head),
        operands=tuple(dataclasses.replace(o, start=_back(o.start, shift, head), end=_back(o.end, shift, head))
                       for o in f.operands),
        fix=None if f.fix is None else dataclasses.replace(f.fix, start=_back(f.fix.start, shift, head),
                                                           end=_back(f.fix.end, shift, head)))


def _moved_unchecked(u: Unchecked, shift: int, head: int) -> Unchecked:
    return dataclasses.replace(u, start=_back(u.start, shift, head), end=_back(u.end, shift, head))
