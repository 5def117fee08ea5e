"""Plain text: the text is the file (BOM removed); positions map one to one."""

from __future__ import annotations

from ..model import Document
from . import decode
from .suppress import find_suppressions


def read_txt(data: bytes, path: str) -> Document:
    text = decode(data, path)
    return Document(path=path, text=text, format="txt", suppressions=find_suppressions(text))
