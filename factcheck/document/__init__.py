"""read: a path (or standard input) becomes a ``Document``.

One reader per format (``txt``, ``md``, ``html``, ``docx``); each returns plain text plus a map back to
the original file, so every later stage works on every format (Vale's split).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from ..model import Document


class InputError(Exception):
    """An input that cannot be read: the message names the file and says why, in one line."""


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM); a clear error for bytes that are not text."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text (skipped)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None
    return text


def _txt(data: bytes, path: str) -> Document:
    from .txt import read_txt

    return read_txt(data, path)


def _md(data: bytes, path: str) -> Document:
    from .md import read_md

    return read_md(data, path)


def _html(data: bytes, path: str) -> Document:
    from .html import read_html

    return read_html(data, path)


def _docx(data: bytes, path: str) -> Document:
    from .docx import read_docx

    return read_docx(data, path)


READERS: dict[str, Callable[[bytes, str], Document]] = {
    ".txt": _txt,
    ".text": _txt,
    ".md": _md,
    ".markdown": _md,
    ".html": _html,
    ".htm": _html,
    ".docx": _docx,
}


def format_of(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return suffix if suffix in READERS else ".txt"


def read_bytes(data: bytes, path: str, fmt: str | None = None) -> Document:
    reader = READERS.get(fmt or format_of(path), _txt)
    return reader(data, path)


def read_path(path: str, fmt: str | None = None) -> Document:
    """Read a file (or ``-`` for standard input) into a Document; raise InputError when it cannot be."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return read_bytes(data, "-", fmt or ".txt")
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    return read_bytes(data, path, fmt)
