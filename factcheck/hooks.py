"""Git integration: ``factcheck install-hook`` and the staged files a pre-commit hook checks.

The installed hook is a plain ``sh`` script that runs ``factcheck check --staged``: the version of each
text file as it is staged (``git show :PATH``), not as it is in the working tree, reported under its
real path. A hook file that factcheck did not write is never overwritten without ``--force``.
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


def _git(*args: str, cwd: str | None = None) -> bytes:
    try:
        p = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise HookError("git is not installed (or not on PATH)") from None
    if p.returncode != 0:
        msg = p.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HookError(f"git {args[0]}: {msg[-1] if msg else 'failed'}")
    return p.stdout


def hook_path(cwd: str | None = None) -> Path:
    """Where git looks for the pre-commit hook (honours core.hooksPath and worktrees)."""
    try:
        out = _git("rev-parse", "--git-path", "hooks/pre-commit", cwd=cwd)
    except HookError:
        raise HookError("not inside a git repository (run `git init` first)") from None
    p = Path(out.decode().strip())
    return p if p.is_absolute() else Path(cwd or ".").resolve() / p


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
    replaced = path.exists()
    if replaced and not force and MARKER not in _read(path):
        raise HookError(f"{path}: a pre-commit hook is already there; keep it, or replace it with --force "
                        "(or run factcheck from your hook manager, see docs/ci.md)")
    path.parent.mkdir(parents=True, exist_ok=True)
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


def staged_files() -> list[tuple[str, str]]:
    """(path to report, path in the index) of every added, copied, modified or renamed staged file."""
    top = Path(_git("rev-parse", "--show-toplevel").decode().strip())
    names = _git("diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR").split(b"\0")
    out = []
    for raw in names:
        if not raw:
            continue
        name = os.fsdecode(raw)
        shown = os.path.relpath(top / name)
        out.append((shown, name))
    return out


def staged_bytes(index_path: str) -> bytes:
    """The staged content of a file (``git show :PATH``)."""
    return _git("show", f":{index_path}")
