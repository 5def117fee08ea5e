"""Hostile input, run as a user (or an attacker with a pull request) would: every case ends in time, cleanly.

    python3 benchmarks/hostile.py              every case, each a fresh `python -m factcheck` process
    python3 benchmarks/hostile.py -k docx      only cases whose name contains "docx"
    python3 benchmarks/hostile.py --list       the cases and what each builds
    python3 benchmarks/hostile.py --root DIR   run the factcheck of another checkout (an older commit, say)

For each case the script builds its files in a fresh folder, runs factcheck there with a 20 s limit and
checks the bars of issue 12: the process ends within the limit, exits 0, 1 or 2 (the case says which),
prints no Python traceback and no "internal error", says what the case expects it to say, and writes
nothing it was not asked to write (the folder is compared before and after). It prints one line
per case and a summary, and exits 1 if any case missed a bar.

The cases are the inputs of issue 12 that broke factcheck (FIFOs, devices, a 4 GiB sparse file, .docx
bombs, alias bombs, nesting, numbers out of float range, invisible characters inside figures, encodings)
and neighbours of them. ``tests/test_hostile.py`` runs the same cases in-process (quicker, same bars).
"""

from __future__ import annotations

import argparse
import codecs
import io
import os
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 20.0  # seconds per case

WRONG = "Output grew from 94 to 224 vehicles, a 128% increase.\n"  # 138%: a wrong figure every case can use


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], list[str]]  # writes the case's files under the folder; returns factcheck's arguments
    codes: tuple[int, ...] = (0, 1, 2)  # exit codes allowed
    says: str = ""  # text the output (stdout + stderr) must contain
    stdin: bytes | None = None
    writes: tuple[str, ...] = ()  # files the command is asked to write


# ------------------------------------------------------------------------------------------------- builders

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bytes(body: str, compression: int = zipfile.ZIP_DEFLATED, raw_xml: str | None = None) -> bytes:
    xml = raw_xml or (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}'
                      "</w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def encrypted(data: bytes) -> bytes:
    """``data`` (a zip) with the "encrypted" flag set on every member, as a password-protected zip has it."""
    out = bytearray(data)
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = out.find(sig)
        while i >= 0:
            out[i + flag_at] |= 1
            i = out.find(sig, i + 4)
    return bytes(out)


PARA = f"<w:p><w:r><w:t>{WRONG.strip()}</w:t></w:r></w:p>"


def alias_bomb(levels: int) -> str:
    """The classic "billion laughs" in YAML: each level repeats the one before nine times."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _file(name: str, data: bytes | str, *args: str) -> Callable[[Path], list[str]]:
    def build(d: Path) -> list[str]:
        (d / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return [*args, name]
    return build


def _rules(text: str, *args: str) -> Callable[[Path], list[str]]:
    def build(d: Path) -> list[str]:
        (d / "house.yaml").write_text(text, encoding="utf-8")
        (d / "a.txt").write_text(WRONG, encoding="utf-8")
        return [*args, "--rules", "house.yaml", "a.txt"] if not args else [*args, "house.yaml"]
    return build


def _config(name: str, text: str) -> Callable[[Path], list[str]]:
    def build(d: Path) -> list[str]:
        (d / name).write_text(text, encoding="utf-8")
        (d / "a.txt").write_text(WRONG, encoding="utf-8")
        return ["a.txt"]
    return build


def _fifo(d: Path) -> list[str]:
    os.mkfifo(d / "pipe.txt")
    return ["pipe.txt"]


def _fifo_in_folder(d: Path) -> list[str]:
    (d / "releases").mkdir()
    os.mkfifo(d / "releases" / "pipe.txt")
    (d / "releases" / "a.txt").write_text(WRONG, encoding="utf-8")
    return ["releases"]


def _symlink(target: str, name: str = "link.txt") -> Callable[[Path], list[str]]:
    def build(d: Path) -> list[str]:
        os.symlink(target, d / name)
        return [name]
    return build


def _sparse(d: Path) -> list[str]:
    with open(d / "huge.txt", "wb") as fh:
        fh.truncate(4 * 1024**3)  # 4 GiB, no blocks on disk
    return ["huge.txt"]


def _socket(d: Path) -> list[str]:
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(d / "sock.txt"))
    finally:
        s.close()
    return ["sock.txt"]


def _unreadable_folder(d: Path) -> list[str]:
    (d / "releases" / "locked").mkdir(parents=True)
    (d / "releases" / "locked" / "a.txt").write_text(WRONG, encoding="utf-8")
    os.chmod(d / "releases" / "locked", 0)
    return ["releases"]


def _folder_as_file(d: Path) -> list[str]:
    (d / "x.txt").mkdir()
    return ["x.txt"]


def _md_lists(depth: int) -> str:
    return "".join("  " * i + f"- item {i}\n" for i in range(depth)) + "  " * depth + "- " + WRONG


def _nested_textboxes(n: int) -> str:
    box = "<w:r><w:pict><w:txbxContent>"
    return ("<w:p>" + (box + "<w:p>") * n + f"<w:r><w:t>{WRONG.strip()}</w:t></w:r>"
            + "</w:p></w:txbxContent></w:pict></w:r>" * n + "</w:p>")


CASES: list[Case] = [
    # -- the file system: never block, never read without bound
    Case("fifo", _fifo, (2,), "FIFO"),
    Case("fifo-in-folder", _fifo_in_folder, (1, 2), "FIFO"),
    Case("dev-zero", lambda d: ["/dev/zero"], (2,), "character device"),
    Case("dev-urandom", lambda d: ["/dev/urandom"], (2,), "character device"),
    Case("symlink-to-dev-zero", _symlink("/dev/zero"), (2,), "character device"),
    Case("broken-symlink", _symlink("nowhere.txt"), (2,), "broken symbolic link"),
    Case("sparse-4-gib", _sparse, (2,), "too large"),
    Case("socket", _socket, (2,), "socket"),
    Case("unreadable-subfolder", _unreadable_folder, (2,), "cannot read folder"),
    Case("folder-given-as-file", _folder_as_file, (0, 1, 2)),
    Case("stdin-over-max-size", lambda d: ["--max-size", "1KB", "-"], (2,), "too large", stdin=b"a" * 5000),
    Case("max-size-not-a-size", _file("a.txt", WRONG, "--max-size", "lots"), (2,), "--max-size"),
    # -- encodings
    Case("utf-16-bom", _file("a.txt", codecs.BOM_UTF16_LE + WRONG.encode("utf-16-le")), (1,), "138"),
    Case("utf-16-no-bom", _file("a.txt", WRONG.encode("utf-16-le")), (1,), "UTF-16-LE"),
    Case("utf-32-bom", _file("a.txt", WRONG.encode("utf-32")), (1,), "138"),
    Case("windows-1252", _file("a.txt", ("“Quoted” — " + WRONG).encode("cp1252")), (1,), "Windows-1252"),
    Case("html-meta-utf-16-over-8-bit", _file("a.html", ('<meta charset="utf-16"><p>“' + WRONG + "</p>")
                                               .encode("cp1252")), (1,), "138"),
    Case("binary", _file("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10), (2,), "binary"),
    Case("stdin-filename-md", lambda d: ["--stdin-filename", "notes.md"], (1,), "notes.md",
         stdin=("<!-- 5% hidden -->\n" + WRONG).encode()),
    # -- markup
    Case("html-unclosed-comment-after-bad-charref", _file("a.html", "<p>ok &#; fine</p><!-- " + WRONG), (0,)),
    Case("html-unclosed-comment-after-bang", _file("a.html", "<p>ok <!x fine</p><!-- " + WRONG), (0,)),
    Case("html-unclosed-tag", _file("a.html", "<p>ok</p><a title='" + WRONG), (0,)),
    Case("markdown-20-quotes", _file("a.md", "> " * 20 + WRONG), (1,), "138"),
    Case("markdown-10-lists", _file("a.md", _md_lists(10)), (1,), "138"),
    Case("markdown-5000-quotes", _file("a.md", "> " * 5000 + WRONG), (2,), "nested too deeply"),
    Case("markdown-3000-lists", _file("a.md", _md_lists(3000)), (2,), "nested too deeply"),
    Case("markdown-3000-links", _file("a.md", "[" * 3000 + WRONG), (0, 1)),
    # -- .docx
    Case("docx-inflates-to-20-mb", _file("a.docx", docx_bytes("<w:p><w:r><w:t>" + "x" * 20_000_000 + "</w:t></w:r></w:p>")),
         (2,), "word/document.xml"),
    Case("docx-200k-paragraphs", _file("a.docx", docx_bytes("<w:p/>" * 200_000)), (2,), "paragraphs"),
    Case("docx-encrypted-member", _file("a.docx", encrypted(docx_bytes(PARA))), (2,), "encrypted"),
    Case("docx-password-protected", _file("a.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096), (2,),
         "password"),
    Case("docx-2000-nested-tables", _file("a.docx", docx_bytes("<w:tbl><w:tr><w:tc>" * 2000 + PARA
                                                               + "</w:tc></w:tr></w:tbl>" * 2000)), (1,), "138"),
    Case("docx-2000-nested-runs", _file("a.docx", docx_bytes("<w:p>" + "<w:r>" * 2000 + f"<w:t>{WRONG.strip()}</w:t>"
                                                             + "</w:r>" * 2000 + "</w:p>")), (1,), "138"),
    Case("docx-2000-nested-text-boxes", _file("a.docx", docx_bytes(_nested_textboxes(2000))), (1,), "138"),
    Case("docx-sym-lone-surrogate", _file("a.docx", docx_bytes('<w:p><w:r><w:sym w:char="D800"/>'
                                                               f'<w:t>{WRONG.strip()}</w:t></w:r></w:p>')), (1,), "138"),
    Case("docx-truncated", _file("a.docx", docx_bytes(PARA)[:200]), (2,), "not a readable .docx"),
    Case("docx-billion-laughs", _file("a.docx", docx_bytes("", raw_xml='<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa">'
                                                               '<!ENTITY b "&a;&a;&a;&a;">]><l>&b;</l>')), (2,), "DTD"),
    # -- figures
    Case("one-and-400-zeros", _file("a.txt", "Output grew from 94 to 1" + "0" * 400 + " vehicles, a 128% increase.\n"),
         (0, 1)),
    Case("1e308-billion", _file("a.txt", "Sales grew from $1e308 billion to $2e308 billion, a 128% increase.\n"), (0, 1)),
    Case("zero-width-space-in-figure", _file("a.txt", WRONG.replace("128", "1\u200b28")), (1,), "138"),
    Case("bidi-mark-in-figure", _file("a.txt", WRONG.replace("128", "12\u200e8")), (1,), "138"),
    Case("1e400-bare", _file("a.txt", "The figure was 1e400 in 2024, up 10% from 1e399.\n"), (0, 1)),
    # shown as "138%" (right), stored as "%831": read as shown, so it holds
    Case("right-to-left-override", _file("a.txt", WRONG.replace("128%", "\u202e%831\u202c"), "--show-pass"), (0,),
         "138% holds"),
    Case("full-width-digits-and-percent", _file("a.txt", WRONG.replace("128%", "１２８％").replace("94", "９４")), (1,),
         "138"),
    # -- rule files: bounded loading; `rules validate` refuses what a run cannot load
    Case("alias-bomb-9-levels", _rules(alias_bomb(9)), (2,), "alias"),
    Case("alias-bomb-11-levels", _rules(alias_bomb(11)), (2,), "alias"),
    Case("alias-bomb-validate", _rules(alias_bomb(11), "rules", "validate"), (2,), "alias"),
    Case("recursive-alias", _rules("vocabulary: &v\n  hedges: [*v]\n"), (2,), "recursive alias"),
    Case("recursive-alias-validate", _rules("vocabulary: &v\n  hedges: [*v]\n", "rules", "validate"), (2,),
         "recursive alias"),
    Case("rules-600-nested", _rules("rules: " + "[" * 600 + "]" * 600 + "\n"), (2,), "nested"),
    Case("vocabulary-wrong-shape-validate", _rules("vocabulary: {scale_words: 5}\n", "rules", "validate"), (2,),
         "scale_words"),
    Case("vocabulary-wrong-shape", _rules("vocabulary: {scale_words: 5}\n"), (2,), "scale_words"),
    Case("timeout-soon-validate", _rules("rules:\n  - {id: h, kind: style, pattern: 'x', message: m, timeout: soon}\n",
                                         "rules", "validate"), (2,), "timeout"),
    Case("timeout-negative", _rules("rules:\n  - {id: h, kind: style, pattern: 'Q(a|aa)+Z', message: m, timeout: -1}\n"),
         (2,), "timeout"),
    Case("timeout-nan", _rules("rules:\n  - {id: h, kind: style, pattern: 'x', message: m, timeout: .nan}\n"), (2,),
         "timeout"),
    Case("timeout-1e6", _rules("rules:\n  - {id: h, kind: style, pattern: 'x', message: m, timeout: 1.0e+6}\n"), (2,),
         "timeout"),
    Case("rule-file-is-dev-zero", lambda d: ["--rules", "/dev/zero", "x.txt"], (2,), "character device"),
    # -- configuration
    Case("config-600-nested", _config(".factcheck.yaml", "rules: " + "[" * 600 + "]" * 600 + "\n"), (2,), "nested"),
    Case("config-alias-bomb", _config(".factcheck.yaml", alias_bomb(9)), (2,), "alias"),
    Case("config-recursive-alias", _config(".factcheck.yaml", "rules: &r [*r]\n"), (2,), "recursive alias"),
    Case("pyproject-600-nested", _config("pyproject.toml", "[tool.factcheck]\nrules = " + "[" * 600 + "]" * 600 + "\n"),
         (2,), "nested"),
]


def _fifo_config(d: Path) -> list[str]:
    os.mkfifo(d / ".factcheck.yaml")
    (d / "a.txt").write_text(WRONG, encoding="utf-8")
    return ["a.txt"]


CASES.append(Case("config-is-a-fifo", _fifo_config, (2,), "FIFO"))


# ------------------------------------------------------------------------------------------------- running

def snapshot(d: Path) -> dict[str, tuple[int, int]]:
    """Every entry under ``d`` (symbolic links not followed): its size and modification time."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(d):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            try:
                st = p.lstat()
            except OSError:
                continue
            out[str(p.relative_to(d))] = (st.st_size, st.st_mtime_ns)
    return out


def judge(case: Case, code: int | None, output: str, before: dict, after: dict) -> list[str]:
    """The bars a finished run missed (empty: it passed)."""
    missed = []
    if code is None:
        missed.append(f"did not end within {LIMIT:g} s")
    elif code not in case.codes:
        missed.append(f"exit {code}, expected {' or '.join(map(str, case.codes))}")
    if "Traceback (most recent call last)" in output:
        missed.append("printed a traceback")
    if "internal error" in output:
        missed.append("reported an internal error")
    if case.says and case.says.lower() not in output.lower():
        missed.append(f"did not say {case.says!r}")
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k) and k not in case.writes)
    if changed:
        missed.append(f"wrote {', '.join(changed[:3])}")
    return missed


def run_case(case: Case, d: Path, root: Path = ROOT) -> tuple[list[str], float, str]:
    """Build and run one case in folder ``d`` as a fresh process; the bars missed, seconds, the output."""
    args = case.build(d)
    before = snapshot(d)
    env = {**os.environ, "PYTHONPATH": str(root), "NO_COLOR": "1"}
    env.pop("FACTCHECK_DEBUG", None)
    t = time.perf_counter()
    try:
        p = subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=d, input=case.stdin or b"",
                           capture_output=True, timeout=LIMIT, env=env)
        code: int | None = p.returncode
        output = p.stdout.decode("utf-8", "replace") + p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        code, output = None, (e.stdout or b"").decode("utf-8", "replace") + (e.stderr or b"").decode("utf-8", "replace")
    took = time.perf_counter() - t
    return judge(case, code, output, before, snapshot(d)), took, output


def applicable(case: Case) -> str | None:
    """Why a case cannot run here (None: it can)."""
    if case.name == "unreadable-subfolder" and os.geteuid() == 0:
        return "running as root, which reads every folder"
    if "fifo" in case.name and not hasattr(os, "mkfifo"):
        return "no FIFOs on this system"
    return None


def main(argv: list[str] | None = None) -> int:
    import shutil
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-k", default="", help="only cases whose name contains this")
    ap.add_argument("--list", action="store_true", help="list the cases and exit")
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout whose factcheck runs [default: this one]")
    ns = ap.parse_args(argv)
    cases = [c for c in CASES if ns.k in c.name]
    if ns.list:
        for c in cases:
            print(f"{c.name:42} exit {'/'.join(map(str, c.codes)):6} {c.says!r}")
        return 0
    failed = skipped = 0
    slowest = 0.0
    for c in cases:
        why = applicable(c)
        if why:
            skipped += 1
            print(f"skip  {c.name}: {why}")
            continue
        d = Path(tempfile.mkdtemp(prefix="factcheck-hostile-"))
        try:
            missed, took, output = run_case(c, d, ns.root.resolve())
        finally:
            for sub in d.rglob("*"):  # an unreadable folder must be readable again to be removed
                if sub.is_dir() and not sub.is_symlink():
                    os.chmod(sub, 0o755)
            shutil.rmtree(d, ignore_errors=True)
        slowest = max(slowest, took)
        last = output.strip().splitlines()[-1][:100] if output.strip() else ""
        print(f"{'ok  ' if not missed else 'FAIL'}  {c.name:42} {took:5.1f} s  {'; '.join(missed) or last}")
        failed += bool(missed)
    ran = len(cases) - skipped
    print(f"\n{ran} cases run, {ran - failed} met every bar, {failed} did not, {skipped} skipped; "
          f"slowest {slowest:.1f} s (limit {LIMIT:g} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
