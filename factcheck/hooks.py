"""Git integration: ``factcheck install-hook`` and the staged files a pre-commit hook checks.

The installed hook is a plain ``sh`` script that runs ``factcheck check --staged``: the version of each
text file as it is staged, not as it is in the working tree, reported under its real path. Staged
content is read by object id (``git ls-files -s -z`` then ``git cat-file --batch``), never by a
``:NAME`` revision, so a file named ``0:report.txt`` or ``1:x.txt`` is read as itself. A hook file
that factcheck did not write is never overwritten without ``--force``, and never written through a
symbolic link that leads out of the repository.
"""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
import sys
from pathlib import Path

MARKER = "# installed by `factcheck install-hook`"


class HookError(Exception):
    """Git is missing, this is not a repository, or a hook is in the way: one line."""


class GitMissing(HookError):
    """The git program cannot be run."""


def _git(*args: str, cwd: str | Path | None = None, stdin: bytes | None = None) -> bytes:
    try:
        p = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitMissing("git is not installed (or not on PATH); the hook and --staged need it") from None
    except OSError as e:
        raise GitMissing(f"cannot run git ({e.strerror or e})") from None
    if p.returncode != 0:
        msg = p.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HookError(f"git {args[0]}: {msg[-1] if msg else 'failed'}")
    return p.stdout


def _repo_dirs(cwd: str | Path | None = None) -> tuple[Path, ...]:
    """The work tree's top folder and the git folders (a hook may live in either)."""
    try:
        out = _git("rev-parse", "--show-toplevel", "--git-dir", "--git-common-dir", cwd=cwd)
    except GitMissing:
        raise
    except HookError:
        raise HookError("not inside a git repository (run `git init` first)") from None
    base = Path(cwd or ".").resolve()
    return tuple(Path(os.path.realpath(base / line)) for line in out.decode().splitlines() if line)


def hook_path(cwd: str | None = None) -> Path:
    """Where git looks for the pre-commit hook (honours core.hooksPath and worktrees)."""
    try:
        out = _git("rev-parse", "--git-path", "hooks/pre-commit", cwd=cwd)
    except GitMissing:
        raise
    except HookError:
        raise HookError("not inside a git repository (run `git init` first)") from None
    p = Path(out.decode().strip())
    return p if p.is_absolute() else Path(cwd or ".").resolve() / p


def _writable_hook(path: Path, cwd: str | None) -> None:
    """Refuse a hooks folder that is a file, a hook that is a folder, or a symbolic link (dangling or
    not) that leads out of the repository and out of the hooks folder."""
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise HookError(f"{folder}: the hooks folder is a file, not a folder (check `git config core.hooksPath`)")
    if path.is_dir() and not path.is_symlink():
        raise HookError(f"{path}: is a folder, not a hook file; remove it first")
    if path.is_symlink():
        from .fix import UnsafePath, check_inside

        try:
            check_inside(path, [folder, *_repo_dirs(cwd)])
        except UnsafePath as e:
            raise HookError(str(e)) from None


def hook_script() -> str:
    """The hook: ``factcheck`` from PATH, else the interpreter that installed it."""
    py = shlex.quote(sys.executable)
    return f"""#!/bin/sh
{MARKER}
# Checks the staged version of every text file; a wrong figure stops the commit.
# Skip once with `git commit --no-verify`; remove with `factcheck install-hook --uninstall`.
if command -v factcheck >/dev/null 2>&1; then
  exec factcheck check --staged
fi
exec {py} -m factcheck check --staged
"""


def install(force: bool = False, cwd: str | None = None) -> tuple[Path, bool]:
    """Write the hook; return its path and whether an existing hook was replaced."""
    path = hook_path(cwd)
    _writable_hook(path, cwd)
    replaced = path.exists()
    if replaced and not force and MARKER not in _read(path):
        raise HookError(f"{path}: a pre-commit hook is already there; keep it, or replace it with --force "
                        "(or run factcheck from your hook manager, see docs/ci.md)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise HookError(f"{path.parent}: a file is in the way of the hooks folder "
                        "(check `git config core.hooksPath`)") from None
    path.write_text(hook_script(), encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path, replaced


def uninstall(cwd: str | None = None) -> Path | None:
    """Remove the hook if factcheck wrote it; return its path (None when there was none of ours)."""
    path = hook_path(cwd)
    if not path.exists():
        return None
    if MARKER not in _read(path):
        raise HookError(f"{path}: this pre-commit hook was not installed by factcheck; left alone")
    path.unlink()
    return path


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise HookError(f"{path}: cannot read ({e.strerror or e})") from None


def staged_files() -> list[tuple[str, str, str]]:
    """(path to report, path in the index, blob id) of every added, copied, modified or renamed staged
    file. Ids come from ``git ls-files -s -z`` (stage 0, regular files and symbolic links; no submodules)."""
    try:
        top = Path(_git("rev-parse", "--show-toplevel").decode().strip())
    except GitMissing:
        raise
    except HookError:
        raise HookError("--staged: not inside a git repository (or no work tree)") from None
    changed = set(_git("diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", cwd=top).split(b"\0"))
    out = []
    for rec in _git("ls-files", "-s", "-z", cwd=top).split(b"\0"):
        meta, tab, raw = rec.partition(b"\t")
        fields = meta.split()
        if not tab or len(fields) != 3 or raw not in changed:
            continue
        mode, oid, stage = fields
        if stage != b"0" or mode == b"160000":  # a conflict stage, or a submodule (no content here)
            continue
        name = os.fsdecode(raw)
        out.append((os.path.relpath(top / name), name, oid.decode("ascii")))
    return out


def read_blobs(oids: list[str]) -> list[bytes]:
    """The content of each blob, in order, from one ``git cat-file --batch`` run."""
    if not oids:
        return []
    out = _git("cat-file", "--batch", stdin=("\n".join(oids) + "\n").encode("ascii"))
    blobs: list[bytes] = []
    pos = 0
    for oid in oids:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if len(header) != 3 or header[1] == b"missing":
            raise HookError(f"git cat-file: object {oid} is missing from the repository")
        size = int(header[2])
        blobs.append(out[end + 1:end + 1 + size])
        pos = end + 1 + size + 1  # the content, then a newline
    return blobs


def staged_bytes(index_path: str) -> bytes:
    """The staged content of one file, looked up by its index entry (never ``git show :NAME``)."""
    for _, name, oid in staged_files():
        if name == index_path:
            return read_blobs([oid])[0]
    raise HookError(f"{index_path}: not staged")
