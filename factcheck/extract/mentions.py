from __future__ import annotations

from ..model import Mention


def find_mentions(text: str, vocab: dict, locale: str = "auto") -> list[Mention]:
    return []
