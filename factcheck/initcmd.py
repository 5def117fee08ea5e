"""``factcheck init``: a commented starter configuration and an example custom rule set.

Writes ``.factcheck.yaml`` and ``factcheck-rules/example.yaml`` in the chosen folder. Nothing is
overwritten: if either file exists (a symbolic link counts, dangling or not), neither is written and the
command says which one is in the way. Nothing is written through a linked folder that leads out of the
chosen folder, and files are created with ``O_EXCL | O_NOFOLLOW``, so a link put in place meanwhile is
refused rather than followed.
"""

from __future__ import annotations

import os
from pathlib import Path

CONFIG_NAME = ".factcheck.yaml"
RULES_NAME = "factcheck-rules/example.yaml"

CONFIG_TEXT = """\
# factcheck configuration (written by `factcheck init`).
# factcheck finds this file from the working folder upward ([tool.factcheck] in pyproject.toml works
# too). Every key mirrors a flag of `factcheck check`; a flag on the command line wins over the key.
# Paths are relative to this file.

# Report format: text, json, sarif, github, junit, html.
format: text

# Extra rule files or folders; the shipped rules always load first. A rule with a shipped rule's id
# replaces it. Check your files with `factcheck rules validate factcheck-rules/`.
rules:
  - factcheck-rules

# Only these rules (ids or kinds), or these switched off. `factcheck rules list` shows them all.
# select: [percent-change, sum, share]
# ignore: [multiple-style]

# When the exit code is 1: fail (a wrong figure), warn (a doubtful one too), never (report only).
fail_on: fail
# strict: true               # the same as fail_on: warn

# How to read 1.059 and 2,732: auto (decided per file), en, de, fr, tr, ro.
locale: auto

# Which files a folder contributes: globs. Default: *.txt *.md *.markdown *.html *.htm *.docx.
# include: ["*.md", "*.txt"]
# exclude: ["drafts/*", "archive/2019/*"]

# Findings recorded by `factcheck baseline` are reported as suppressed (adopt factcheck without
# fixing an archive first). Record it with: factcheck baseline releases/
# baseline: .factcheck-baseline.json

# Worker processes for many files (0 = one per core).
# jobs: 0

# Date for currency reference rates (default: the release's dateline).
# as_of: 2025-01-31

# List the claims that hold too, not only the ones that do not.
# show_pass: false
"""

RULES_TEXT = """\
# An example custom rule set (written by `factcheck init`). It is loaded because .factcheck.yaml
# lists `factcheck-rules` under `rules:`; edit it, or delete it and that line.
# Validate with: factcheck rules validate factcheck-rules/
# The shipped rule sets (`factcheck rules list`, `factcheck rules show ID`) document every key.
ruleset: house-example
description: Our newsroom's additions to the shipped rules (an example to edit).

# Rules. Defining a shipped rule's id replaces that rule, so copy it whole from
# `factcheck rules show percent-change` and change what you need. For example, to let a near miss
# (within 1% of the accepted range) warn instead of fail:
#
# rules:
#   - id: percent-change
#     kind: percent_change
#     severity: error
#     description: A stated percentage rise or fall between two stated values.
#     rounding: interval
#     warn_margin: 0.01

# Vocabulary is merged into the shipped vocabulary section by section. A hedge widens the figure
# it qualifies: band = a little either way, below = the true value is a little lower, above = higher.
vocabulary:
  hedges:
    in the region of: {window: band}

# Reference facts: a mention is about a fact when all the words of one `subject` entry appear in
# its paragraph and it has the fact's type (and noun, for counts). A different value fails, and the
# finding cites the source. This one is a placeholder: replace it with your own.
facts:
  - id: example-fleet-size
    subject: [["Example Motors", "delivered"]]
    type: count
    noun: vehicle
    value: 120
    source: https://example.com/example-motors-annual-report
"""


class InitError(Exception):
    """A file init would write already exists."""


def init(folder: Path) -> list[Path]:
    """Write the starter files into ``folder``; refuse (writing nothing) if one exists or a link leads out."""
    from .fix import UnsafePath, check_inside

    targets = {folder / CONFIG_NAME: CONFIG_TEXT, folder / RULES_NAME: RULES_TEXT}
    for path in targets:
        if os.path.lexists(path):
            kind = "a symbolic link" if path.is_symlink() else "already exists"
            raise InitError(f"{path}: {kind}; not overwritten (nothing was written)")
        try:
            check_inside(path, [folder], whole=True)
        except UnsafePath as e:
            raise InitError(f"{e} (nothing was written)") from None
    for path, text in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
    return list(targets)
