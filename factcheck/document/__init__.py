"""read: a path (or standard input) becomes a ``Document``.

One reader per format (``txt``, ``md``, ``html``, ``docx``); each returns plain text plus a map back to
the original file, so every later stage works on every format (Vale's split). ``read_bytes`` then
normalises the text figures are read from (``normalize.py``: invisible characters removed, Unicode
digits read as digits), keeping the map to the original file.

Only regular files are read, never more than ``max_size`` bytes (``--max-size``, default 10 MB): a FIFO,
a device, a socket or a folder is one line naming it, and reading never blocks (the file is checked with
``stat`` and opened with ``O_NONBLOCK``).

Text is decoded in this order (``decode_text``): a byte-order mark (UTF-8, UTF-16 or UTF-32: Notepad's
"Unicode" files), then UTF-8, then UTF-16 without a mark when every other byte is NUL, then Windows-1252
(the commonest legacy encoding of Western press releases) with a warning naming the file. Bytes that are
none of these (a NUL or a control character that text never holds) are a "binary file".
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import Document

DEFAULT_MAX_SIZE = 10 * 1024 * 1024  # bytes; a press release is a few KB, a .docx with photos a few MB


def maybe_tables(text: str) -> bool:
    """The cheap test the table reader (tables.py) starts with, here so that a release which fails it never
    imports that reader: does any line hold a tab, a pipe, dot leaders, or at least two separate figures at its
    end?"""
    if "\t" in text or "|" in text or " .. " in text or "..." in text or "……" in text:
        return True
    global _MAYBE
    if _MAYBE is None:
        _MAYBE = re.compile(r"\d\S*(?:[ \u00a0](?:%|pp|pts|bps))?[ \u00a0]+"
                            r"(?:\(?[-−–+]?(?:[$€£]\s?)?\d[\d,.]*\)?\s?(?:%|pp|bps|pts|p\.p\.)?\)?|n/?a|nm|[-–—])"
                            r"(?:[ \u00a0][a-z]{1,3})?[ \t]*(?:\n|$)", re.I)  # (a unit after it: "4     107 m")
    if _MAYBE.search(text):
        return True
    # ... or three lines running that end on one figure set off by two or more spaces (a one-column table)
    global _MAYBE_ONE
    if _MAYBE_ONE is None:
        # (a scale word may follow the figure: "Sensors        €719 million")
        cell = r"\S {2,}\(?[-−–+]?(?:[$€£]\s?)?\d[\d,.]*\)?(?:\s?%| (?:million|billion|trillion|thousand|mn|bn))?[ \t]*"
        _MAYBE_ONE = re.compile(r"(?:^[^\n]*?" + cell + r"\n){2}[^\n]*?" + cell + "$", re.M)
    if _MAYBE_ONE.search(text):
        return True
    # ... or a bulleted list of "label: figure" lines that ends on a total ("• Launchers: 4 / • Total: 11")
    global _MAYBE_KV
    if _MAYBE_KV is None:
        _MAYBE_KV = re.compile(r"^[ \t]*(?:[-•·▪◦●○‣∙*–]|\d{1,2}[.)])[ \t]+(?:total|totals|group|grand total|sum)\b[^:\n]{0,80}:"
                               r"[ \t]*\S", re.I | re.M)
    return bool(_MAYBE_KV.search(text))


_MAYBE: re.Pattern[str] | None = None
_MAYBE_ONE: re.Pattern[str] | None = None
_MAYBE_KV: re.Pattern[str] | None = None


class InputError(Exception):
    """An input that cannot be read: the message names the file and says why, in one line."""


# ------------------------------------------------------------------------------------------------- sizes

_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2, "mib": 1024**2,
          "g": 1024**3, "gb": 1024**3, "gib": 1024**3}


def parse_size(text: str) -> int:
    """``"10MB"``, ``"512k"``, ``"1.5 GB"`` or a number of bytes; ValueError when it is none of these."""
    s = text.strip().lower().replace(" ", "")
    num = s.rstrip("abgikm")
    unit = s[len(num):]
    if unit not in _UNITS or not num:
        raise ValueError(f"{text!r} is not a size (e.g. 10MB, 512KB, 1GB or a number of bytes)")
    try:
        value = float(num)
    except ValueError:
        raise ValueError(f"{text!r} is not a size (e.g. 10MB, 512KB, 1GB or a number of bytes)") from None
    if not 0 < value < 2**50 or value != value:
        raise ValueError(f"{text!r} is not a size above zero")
    return max(1, int(value * _UNITS[unit]))


def human_size(n: int) -> str:
    """1536 -> "1.5 KB"; sizes as --max-size reads them (1 KB = 1024 bytes)."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= factor:
            v = n / factor
            return f"{v:.0f} {unit}" if v == int(v) or v >= 100 else f"{v:.1f} {unit}"
    return f"{n} byte{'s' * (n != 1)}"


def too_large(path: str, size: int | None, limit: int, what: str = "", flag: bool = True) -> InputError:
    """'FILE: file too large (12 MB, over the 10 MB limit); raise it with --max-size' (``flag``: say so)."""
    amount = f"{human_size(size)}, over" if size is not None else "over"
    return InputError(f"{path}: {what or 'file'} too large ({amount} the {human_size(limit)} limit)"
                      + ("; raise it with --max-size" if flag else ""))


# ------------------------------------------------------------------------------------------------- decoding

@dataclass(frozen=True)
class Decoded:
    """Bytes decoded to text, with the encoding used and what had to be guessed."""

    text: str
    encoding: str  # Python codec name: utf-8, utf-8-sig, utf-16, utf-32, utf-16-le, cp1252, ...
    warning: str | None = None


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
         (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))
# control characters no text file holds (tab, line feed, form feed, vertical tab and carriage return do)
_CONTROLS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\x0b\x0c\r")


def _has_controls(text: str) -> bool:
    return not _CONTROLS.isdisjoint(text[:65536])


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the bytes look like UTF-16 text with no mark: even length, and in the first
    4 KB nearly every high byte is NUL and no low byte is (ASCII-range text, as Notepad writes it)."""
    if len(data) % 2 or len(data) < 4:
        return None
    sample = data[:4096]
    pairs = len(sample) // 2
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    if odd_nul >= 0.6 * pairs and even_nul == 0:
        return "utf-16-le"
    if even_nul >= 0.6 * pairs and odd_nul == 0:
        return "utf-16-be"
    return None


def decode_text(data: bytes, path: str) -> Decoded:
    """The text of ``data``, the encoding it was read in and a warning when that encoding was a guess.

    InputError (naming ``path``) for bytes that are not text in any of the encodings tried."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise InputError(f"{path}: starts with a {name} byte-order mark but is not valid {name} "
                                 f"(byte offset {e.start})") from None
            if "\x00" in text[:8192]:
                raise InputError(f"{path}: binary file, not text (skipped)")
            return Decoded(text, codec)
    if b"\x00" in data[:8192]:
        codec16 = _utf16_without_bom(data)
        if codec16:
            try:
                text = data.decode(codec16)
            except UnicodeDecodeError:
                text = ""
            if text and not _has_controls(text):
                return Decoded(text, codec16, f"{path}: no byte-order mark; read as {codec16.upper()} "
                                              "(every other byte is NUL)")
        raise InputError(f"{path}: binary file, not text (skipped)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and not _has_controls(text):
        line = data[: utf8_error.start].count(b"\n") + 1
        return Decoded(text, "cp1252", f"{path}:{line}: not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset "
                                       f"{utf8_error.start}); read as Windows-1252 — convert it with "
                                       f"`iconv -f WINDOWS-1252 -t UTF-8`")
    at = utf8_error.start
    line = data[:at].count(b"\n") + 1
    raise InputError(f"{path}:{line}: not valid UTF-8 (byte 0x{data[at]:02x} at offset {at})")


def decode(data: bytes, path: str) -> str:
    """The text of ``data`` (see ``decode_text``); InputError for bytes that are not text."""
    return decode_text(data, path).text


# ------------------------------------------------------------------------------------------------- readers

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


def read_bytes(data: bytes, path: str, fmt: str | None = None, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """The Document in ``data`` (read as ``fmt``, else by ``path``'s extension), its text normalised."""
    from .normalize import normalize

    if len(data) > max_size:
        raise too_large(path, None if len(data) == max_size + 1 else len(data), max_size,
                        "standard input" if path == "-" else "")
    key = fmt or format_of(path)
    if key == ".docx":
        from .docx import read_docx

        doc = read_docx(data, path, max_size)
    else:
        doc = READERS.get(key, _txt)(data, path)
    return normalize(doc)


def with_warning(doc: Document, warning: str | None) -> Document:
    return replace(doc, warnings=(*doc.warnings, warning)) if warning else doc


def read_stdin(max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """Standard input, at most ``max_size + 1`` bytes (one more than allowed, so ``read_bytes`` can say
    it is too large without holding all of it)."""
    return sys.stdin.buffer.read(max_size + 1)


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _not_regular(shown: str, mode: int, path: str) -> InputError:
    if stat.S_ISDIR(mode):
        try:
            with os.scandir(path):
                pass
        except PermissionError:
            return InputError(f"{shown}: cannot read folder (permission denied)")
        except OSError as e:
            return InputError(f"{shown}: cannot read folder ({e.strerror or e})")
        return InputError(f"{shown}: is a directory")
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return InputError(f"{shown}: {kind}, not a regular file")


def _os_error(shown: str, e: OSError, path: str) -> InputError:
    if isinstance(e, FileNotFoundError):
        if os.path.islink(path):
            return InputError(f"{shown}: broken symbolic link (its target does not exist)")
        return InputError(f"{shown}: no such file")
    if isinstance(e, PermissionError):
        return InputError(f"{shown}: permission denied")
    if isinstance(e, IsADirectoryError):
        return InputError(f"{shown}: is a directory")
    return InputError(f"{shown}: cannot read ({e.strerror or e})")


def read_regular(path: str, max_size: int = DEFAULT_MAX_SIZE, what: str = "", name: str | None = None,
                 flag: bool = True) -> bytes:
    """The bytes of the regular file ``path`` (symbolic links followed), at most ``max_size`` of them.

    Never blocks and never reads more than ``max_size + 1`` bytes: FIFOs, devices, sockets and folders are
    refused before they are opened, a file over the limit by its size. InputError says why, naming the file
    (``name``, else ``path``); ``what`` names it in a size message ("rule file"), which mentions --max-size
    when ``flag``.
    """
    shown = name or path
    try:
        st = os.stat(path)
    except OSError as e:
        raise _os_error(shown, e, path) from None
    if not stat.S_ISREG(st.st_mode):
        raise _not_regular(shown, st.st_mode, path)
    if st.st_size > max_size:
        raise too_large(shown, st.st_size, max_size, what, flag)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise _os_error(shown, e, path) from None
    try:
        st = os.fstat(fd)  # what was opened (the path may have been swapped since the stat)
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(shown, st.st_mode, path)
        chunks: list[bytes] = []
        left = max_size + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except BlockingIOError:
        raise InputError(f"{shown}: cannot read without waiting (skipped)") from None
    except OSError as e:
        raise _os_error(shown, e, path) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_size:
        raise too_large(shown, None, max_size, what, flag)
    return data


def read_path(path: str, fmt: str | None = None, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """Read a file (or ``-`` for standard input) into a Document; raise InputError when it cannot be."""
    if path == "-":
        return read_bytes(read_stdin(max_size), "-", fmt or ".txt", max_size)
    return read_bytes(read_regular(path, max_size), path, fmt, max_size)
