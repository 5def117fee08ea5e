"""A big document extracted block by block (factcheck/extract/blocks.py): the same mentions, in the same order, as
the whole document read at once, on generated documents of several shapes; the report written as they come."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.document.tables import find_tables
from factcheck.extract.blocks import block_mentions, blocks, cut_points
from factcheck.extract.mentions import find_mentions
from factcheck.model import Document, MentionStream
from factcheck.pipeline import Options, run
from factcheck.report import Context, render, stream
from factcheck.ruleset import load_rules

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))
TABLES = sorted((Path(__file__).resolve().parent / "fixtures" / "tables").glob("results*.txt"))


def _texts(paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8").strip() + "\n" for p in paths]


def _sentences(texts: list[str]) -> list[str]:
    return [s for t in texts for s in re.split(r"(?<=[.!?])\s+", " ".join(t.split())) if s]


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _shapes(size: int) -> dict[str, str]:
    texts = _texts(SAMPLES)
    sents = _sentences(texts)
    lists = "\n".join(("- " if i % 3 else f"{i % 9 + 1}. ") + s + ("\n" if i % 7 == 6 else "")
                      for i, s in enumerate(sents))
    headed = "\n\n".join(f"UPDATE {i}\n{s}" if i % 4 == 0 else s for i, s in enumerate(sents))
    return {
        "paragraphs": _fill("\n\n".join(texts), size),
        "one paragraph": _fill(" ".join(sents) + " ", size) + "\n",
        "tables": _fill("\n\n".join(_texts(TABLES) + texts[:3]), size),
        "lists": _fill(lists + "\n", size),
        "short paragraphs and headings": _fill(headed + "\n\n", size),
    }


@pytest.fixture(scope="module")
def vocab() -> dict:
    return load_rules().vocab


@pytest.fixture(scope="module")
def shapes() -> dict[str, str]:
    return _shapes(48 * 1024)


@pytest.mark.parametrize("shape", ["paragraphs", "one paragraph", "tables", "lists", "short paragraphs and headings"])
@pytest.mark.parametrize("size,context", [(2048, 512), (8192, 2048)])
def test_blocks_give_the_mentions_of_the_whole_text(shapes: dict[str, str], vocab: dict, shape: str, size: int,
                                                    context: int) -> None:
    text = shapes[shape]
    whole = find_mentions(text, vocab)
    assert len(whole) > 500
    got = list(block_mentions(text, vocab, size=size, context=context))
    assert [(m.start, m.end) for m in got] == [(m.start, m.end) for m in whole]
    assert got == whole
    n = sum(1 for _ in blocks(text, (), size))
    assert n == 1 if shape == "one paragraph" else n > len(text) // size // 2


def test_the_number_of_blocks_grows_with_the_input(vocab: dict) -> None:
    counts = [sum(1 for _ in blocks(s["paragraphs"], (), 8192)) for s in (_shapes(64 * 1024), _shapes(256 * 1024))]
    assert counts[0] >= 6 and 3.5 * counts[0] <= counts[1] <= 4.5 * counts[0]


def test_blocks_cover_the_text_and_end_where_a_paragraph_starts(shapes: dict[str, str]) -> None:
    text = shapes["paragraphs"]
    spans = list(blocks(text, (), 4096))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    for _, hi in spans[:-1]:
        assert text[hi - 1] == "\n" and text[hi - 2].isspace() and not text[hi].isspace()
    assert all(b - a <= 4096 for a, b in spans[:-1] if text.find("\n\n", a, b) >= 0)


def test_no_block_cuts_a_table(shapes: dict[str, str], vocab: dict) -> None:
    text = shapes["tables"]
    tables = find_tables(Document("t.txt", text), vocab)
    assert len(tables) >= 5
    keep = [(min([t.start, *(a for a, _ in t.header)]), t.end) for t in tables]
    cuts = set(cut_points(text, keep))
    assert cuts and not any(a < c < b for a, b in keep for c in cuts)
    assert any(a < c < b for a, b in keep for c in cut_points(text))  # blank lines inside tables exist
    for lo, hi in blocks(text, keep, 1024):
        assert not any(a < lo < b or a < hi < b for a, b in keep)


@pytest.mark.parametrize("shape", ["paragraphs", "tables"])
def test_a_big_document_is_reported_as_it_is_read(shapes: dict[str, str], monkeypatch: pytest.MonkeyPatch,
                                                  shape: str) -> None:
    rules = load_rules()
    doc = Document("big.txt", shapes[shape])
    whole = run(doc, rules, Options(check=False))
    assert isinstance(whole.mentions, list)
    monkeypatch.setattr(pipeline, "STREAM_MIN_CHARS", 16 * 1024)
    monkeypatch.setattr("factcheck.extract.blocks.BLOCK_CHARS", 4096)
    streamed = run(doc, rules, Options(check=False))
    assert isinstance(streamed.mentions, MentionStream)
    ctx = Context(command="extract")
    assert "".join(stream("json", [streamed], ctx)) == render("json", [whole], ctx)
    assert streamed.mentions._list is None  # written as they came: never all listed
    assert list(streamed.mentions) == whole.mentions  # a second reading makes them again
    assert render("text", [streamed], ctx) == render("text", [whole], ctx)  # the table counts them: listed once
    assert streamed.mentions._list is not None
    assert pickle.loads(pickle.dumps(streamed)).mentions == whole.mentions


def test_a_small_document_and_a_check_are_read_whole(shapes: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    rules = load_rules()
    monkeypatch.setattr(pipeline, "STREAM_MIN_CHARS", 16 * 1024)
    assert isinstance(run(Document("a.txt", shapes["lists"][:8000]), rules, Options(check=False)).mentions, list)
    assert isinstance(run(Document("a.txt", shapes["lists"][:20000]), rules, Options(check=True)).mentions, list)


def test_a_mention_stream_lists_once() -> None:
    made = []

    def make():
        made.append(1)
        return iter([])

    s = MentionStream(make)
    assert not s and len(s) == 0 and list(s) == [] and len(made) == 1
