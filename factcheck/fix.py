"""--fix and --diff: rewrite a wrong figure where the judge knows the unambiguous correction.

A finding's ``fix`` (offsets into ``Document.text``) is mapped through ``Document.source_offset`` to
the original file, checked against the bytes on disk, and applied from the end of the file backwards
so several fixes in one file do not shift each other. Only unsuppressed ``fail`` findings are fixed.
The file keeps its encoding, byte-order mark and line endings (only the figure's characters change),
and an indefinite article before a replaced figure agrees with the new one ("a 11%" -> "an 11%",
"an 18%" -> "a 9%"; by how the figure is spoken). A file with nothing to fix is never opened for writing.
DOCX files and standard input are not rewritten (``--diff`` shows stdin's).

Writing keeps what the file is, not just what it says: ``preflight`` refuses a read-only file, a file
that is not regular or one the user cannot write (the CLI checks every target before it writes any).
``write_atomic`` writes a temporary file in the same folder and renames it over the original, with the
original's mode, owner and group; when a rename would change them (a file with several hard links,
or one owned by someone else) it writes in place instead, after a verified copy of the original that
restores it if the write fails. SIGTERM, SIGHUP and Ctrl-C during a write remove the temporary file
(and restore the original) before factcheck exits. ``check_inside`` refuses to write through a
symbolic link (dangling or not) that leads out of the folder or repository it sits in.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import signal
import stat
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .model import Document, FileResult, Finding


@dataclass
class Planned:
    """What fixing one file would do: the new text (None: nothing to write) and notes for the user."""

    path: str
    old: str
    new: str | None
    count: int
    bom: bool = False
    note: str | None = None


def fixable(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.fix is not None and f.status == "fail" and not f.suppressed]


def plan(result: FileResult, data: bytes | None) -> Planned | None:
    """The rewrite of ``result``'s file (``data``: its bytes now); None when no finding is fixable."""
    doc = result.document
    todo = fixable(result.findings)
    if doc is None or not todo:
        return None
    if doc.format == "docx":
        return Planned(result.path, "", None, 0, note="DOCX files are not rewritten; fix the figures by hand")
    if data is None:
        return Planned(result.path, "", None, 0, note="cannot read the file again to fix it")
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        src = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Planned(result.path, "", None, 0, note="not valid UTF-8; not fixed")
    expected = doc.source if doc.source is not None else doc.text
    if src != expected:
        return Planned(result.path, src, None, 0, bom, note="changed while it was checked; not fixed")
    new, count = apply_fixes(doc, src, todo)
    return Planned(result.path, src, new if count else None, count, bom)


# ------------------------------------------------------------------------------------------ articles

_ARTICLE = re.compile(r"(?<![\w'’-])(a|an|A|An|AN)([ \t\u00a0]+)$")
_NUMERAL = re.compile(r"\d+")
_CURRENCY_LEAD = re.compile(r"^[$€£¥₹₺₩₽¢]+\s?")
_VOWEL_WORDS = ("eight", "eleven")  # number words spoken with a vowel first (eighteen, eighty too)
_NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
million billion trillion half quarter third dozen""".split())


def article_for(figure: str) -> str | None:
    """"an" or "a" for the figure as it is spoken ("11%" -> an, "8.5" -> an, "€18 million" -> an,
    "110" -> a, "eighty" -> an); None when the figure does not start with a numeral or number word."""
    s = _CURRENCY_LEAD.sub("", figure.strip())
    if not s:
        return None
    if s[0].isdigit():
        lead = _NUMERAL.match(s)
        assert lead is not None
        digits = lead.group(0).lstrip("0") or "0"  # before the first separator: the integer part or its first group
        n = int(digits[:len(digits) % 3 or 3])  # spoken by groups of three: "11000" is eleven thousand
        return "an" if n in (8, 11, 18) or 80 <= n <= 89 or 800 <= n <= 899 else "a"
    word = re.match(r"[A-Za-z]+", s)
    if not word or word.group(0).lower() not in _NUMBER_WORDS and not word.group(0).lower().startswith(_VOWEL_WORDS):
        return None
    return "an" if word.group(0).lower().startswith(_VOWEL_WORDS) else "a"


def _agree(src: str, a: int, replacement: str) -> tuple[int, str]:
    """Where the replacement of ``src[a:…]`` starts and what it says, with an article just before it made
    to agree with the new figure ("a 11%" -> "an 11%"). Unchanged when there is no article to fix."""
    want = article_for(replacement)
    m = _ARTICLE.search(src, max(0, a - 8), a) if want else None
    if want is None or m is None or m.group(1).lower() == want:
        return a, replacement
    old = m.group(1)
    new = want if old.islower() else want.upper() if old.isupper() and len(old) > 1 else want.capitalize()
    return m.start(), new + m.group(2) + replacement


def apply_fixes(doc: Document, src: str, findings: list[Finding]) -> tuple[str, int]:
    """``src`` (the original file's text) with the findings' fixes applied, last first; and how many.
    An indefinite article right before a replaced figure is changed with it when it no longer agrees."""
    spans = []
    for f in findings:
        fx = f.fix
        assert fx is not None
        a = doc.source_offset(fx.start)
        b = doc.locate_end(fx.end).offset if fx.end > fx.start else a
        if src[a:b] != doc.text[fx.start:fx.end]:
            continue  # the span crosses markup in the original: not an unambiguous rewrite
        start, replacement = _agree(src, a, fx.replacement)
        spans.append((start, b, replacement))
    count = 0
    last = len(src) + 1
    for a, b, rep in sorted(set(spans), reverse=True):
        if b > last:
            continue  # overlaps a fix already applied
        src = src[:a] + rep + src[b:]
        last = a
        count += 1
    return src, count


def encode(p: Planned) -> bytes:
    assert p.new is not None
    return (codecs.BOM_UTF8 if p.bom else b"") + p.new.encode("utf-8")


# ---------------------------------------------------------------------------------------------- writing


class UnsafePath(OSError):
    """A write that would go through a symbolic link out of its folder: one line naming it."""


class Interrupted(BaseException):
    """SIGTERM or SIGHUP arrived during a write (raised so the write cleans up; the CLI then exits 128 +
    ``signum``). Not an ``Exception``: nothing may swallow it on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def signals_raise() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP raise ``Interrupted`` (Ctrl-C raises KeyboardInterrupt anyway), so
    the ``except``/``finally`` of a write cleans up before the process ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    old = {}
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            old[sig] = signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, h in old.items():
            signal.signal(sig, h)


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def check_inside(path: str | Path, roots: Sequence[str | Path], whole: bool = False) -> None:
    """Raise UnsafePath when ``path`` is a symbolic link (dangling or not) whose target lies outside every
    one of ``roots``; with ``whole``, also when a linked folder on the way leads out of them."""
    p = Path(path)
    if not whole and not p.is_symlink():
        return
    target = os.path.realpath(p)
    if any(_within(target, os.path.realpath(r)) for r in roots):
        return
    raise UnsafePath(f"{path}: a symbolic link to {target}, outside {roots[0]}; not written through "
                     "(remove the link, or write to another path)")


def preflight(path: str) -> str | None:
    """Why ``path`` cannot be fixed in place (one line), or None when it can: it must be a regular file
    the user may write and that is not marked read-only (root included)."""
    try:
        st = os.stat(path)
    except OSError as e:
        return f"{path}: cannot fix ({e.strerror or e})"
    if not stat.S_ISREG(st.st_mode):
        return f"{path}: not a regular file; not fixed"
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return f"{path}: read-only file; not fixed (make it writable first, or see the corrections with --diff)"
    if not os.access(path, os.W_OK):
        return f"{path}: no permission to write it; not fixed"
    return None


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path``'s content with ``data``, keeping its mode, owner, group and hard links.

    A temporary file in the same folder renamed over the target (new files: 0644), unless the rename would
    lose the owner, the group or a hard link: then ``write_in_place``. A symbolic link is written through
    (the link stays a link). Interrupted by a signal, the temporary file is removed."""
    target = Path(os.path.realpath(path))
    try:
        st: os.stat_result | None = target.stat()
    except FileNotFoundError:
        st = None
    if st is not None and (st.st_nlink > 1 or (os.geteuid() != 0 and st.st_uid != os.geteuid())):
        write_in_place(target, data)
        return
    with signals_raise():
        try:
            import tempfile  # here, not at the top: a check run imports this module and never writes

            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".factcheck-tmp")
        except PermissionError:
            if st is None:
                raise
            write_in_place(target, data)  # the folder is not writable, the file is
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if st is not None:
                if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                    try:
                        os.chown(tmp, st.st_uid if os.geteuid() == 0 else -1, st.st_gid)
                    except PermissionError:
                        os.unlink(tmp)
                        write_in_place(target, data)  # cannot give the copy the file's group: keep the inode
                        return
                os.chmod(tmp, stat.S_IMODE(st.st_mode))
            else:
                os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    _fsync_dir(target.parent)


def write_in_place(target: Path, data: bytes) -> None:
    """Overwrite ``target`` in place (same inode: owner, group, mode and hard links kept), after a verified
    copy of the original beside it (or in the temporary folder); if the write fails or is interrupted the
    original is put back and the copy removed. Raises OSError naming the copy if even that fails."""
    import tempfile

    original = target.read_bytes()
    with signals_raise():
        try:
            fd, backup = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".factcheck-orig")
        except PermissionError:
            fd, backup = tempfile.mkstemp(prefix=f"{target.name}.", suffix=".factcheck-orig")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(original)
                fh.flush()
                os.fsync(fh.fileno())
            if Path(backup).read_bytes() != original:
                raise OSError(f"{target}: the safety copy {backup} does not read back; not fixed")
        except BaseException:
            os.unlink(backup)
            raise
        try:
            _overwrite(target, data)
            if target.read_bytes() != data:
                raise OSError(f"{target}: the file does not read back as written")
        except BaseException:
            try:
                _overwrite(target, original)
            except BaseException:
                raise OSError(f"{target}: the write failed and the original could not be put back; "
                              f"it is kept in {backup}") from None
            os.unlink(backup)
            raise
        os.unlink(backup)


def _overwrite(target: Path, data: bytes) -> None:
    with open(target, "r+b") as fh:
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def unified_diff(p: Planned) -> str:
    """A ``diff -u`` style patch from the file as it is to the file as --fix would write it."""
    assert p.new is not None
    out = []
    for line in difflib.unified_diff(p.old.splitlines(keepends=True), p.new.splitlines(keepends=True),
                                     f"a/{p.path}", f"b/{p.path}"):
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)
