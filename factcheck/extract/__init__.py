"""extract: a Document's text becomes typed Mentions (numbers, money, units, counts, dates, identifiers)."""

from __future__ import annotations

from ..model import Document, Mention


def extract(doc: Document, vocab: dict, locale: str = "auto") -> list[Mention]:
    from .mentions import find_mentions

    return find_mentions(doc.text, vocab, locale=locale)


def extract_text(text: str, locale: str = "auto") -> list[Mention]:
    """Mentions in a plain string with the shipped vocabulary (for benchmarks and quick use)."""
    from ..ruleset import load_rules

    return extract(Document(path="<text>", text=text), load_rules().vocab, locale=locale)
