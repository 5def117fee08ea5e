"""extract: a Document's text becomes typed Mentions (numbers, money, units, counts, dates, identifiers)."""

from __future__ import annotations

from ..model import Document, Mention


def extract(doc: Document, vocab: dict, locale: str = "auto") -> list[Mention]:
    from .mentions import find_mentions

    return find_mentions(doc.text, vocab, locale=locale)
