"""report: findings become bytes. One module per format, each with ``render(results, ctx) -> str``; a format
that can be written as it is made (JSON) also has ``stream(results, ctx)``, which yields the same text in
pieces, so a big report is never held whole in memory."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import FileResult

FORMATS = {
    "text": "text",
    "json": "json_",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html",
    "gitlab": "gitlab",
}


@dataclass
class Context:
    """What a renderer may need besides the results."""

    command: str = "check"  # check | extract
    show_pass: bool = False
    strict: bool = False
    color: bool | None = None  # None: decide from the terminal and NO_COLOR / FORCE_COLOR
    rules: object = None  # the RuleSet, for formats that describe rules (SARIF)
    extra: dict = field(default_factory=dict)


def render(fmt: str, results: list[FileResult], ctx: Context) -> str:
    mod = importlib.import_module(f".{FORMATS[fmt]}", __name__)
    return mod.render(results, ctx)


def stream(fmt: str, results: list[FileResult], ctx: Context) -> Iterator[str]:
    """``render``'s text in pieces (one piece for a format without ``stream``)."""
    mod = importlib.import_module(f".{FORMATS[fmt]}", __name__)
    if hasattr(mod, "stream"):
        yield from mod.stream(results, ctx)
    else:
        yield mod.render(results, ctx)


def summary(results: list[FileResult]) -> dict[str, int]:
    out = {"files": len(results), "pass": 0, "warn": 0, "fail": 0}
    for r in results:
        tally = getattr(r.findings, "tally", None)  # a big document's findings, already counted as they were made
        if tally is not None:
            for k, n in tally.items():
                out[k] += n
            continue
        for f in r.findings:
            if not f.suppressed:
                out[f.status] += 1
    return out
