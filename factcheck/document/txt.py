"""Plain text: the text is the file (BOM removed); positions map one to one. Suppression comments are
blanked with spaces so their words are never read as prose, which keeps every offset in place."""

from __future__ import annotations

from ..model import Document
from . import decode_text
from .suppress import mask_plain


def read_txt(data: bytes, path: str) -> Document:
    decoded = decode_text(data, path)
    source = decoded.text
    text, suppressions = mask_plain(source)
    return Document(path=path, text=text, source=None if text == source else source, format="txt",
                    suppressions=suppressions, warnings=(decoded.warning,) if decoded.warning else ())
