"""``range``: figures that cannot be — a share of a whole above 100%, a fall of more than 100%, a
negative count. No other figure is needed to know these are wrong."""

from __future__ import annotations

import regex

from ..extract.lazy import LazyPattern
from ..model import Claim
from .base import Ctx, word_re

# "of the total", "of the fleet": a whole the figure is part of. A measure of its own ("offsets total $9 billion, 170% of
# the contract value", "orders of 120% of sales", "costs at 130% of budget") may be exceeded; a share of it is
# impossible above 100% only when the text says the figure is part of it ("made up", "accounted for", "share of")
_SHARE = LazyPattern(r"^\s*(?:of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:total|whole|the\s+work|work|"
                     r"shares?|capital|market|workforce|fleet))\b", regex.I)


def find(ctx: Ctx) -> None:
    dec = word_re(ctx.vocab.get("decrease_words") or [])
    for m in ctx.amounts:
        if id(m) in ctx.used:
            continue
        msg = None
        if m.type == "percent" and m.unit == "percent" and m.value > 100:
            before = ctx.before(m, 40)
            after = ctx.after(m, 40)
            if _SHARE.match(after) or regex.search(r"\b(?:made\s+up|accounted\s+for|accounting\s+for|represent(?:s|ed|ing)?|"
                                                   r"share\s+of)\s+(?:some\s+|about\s+|around\s+)?$", before, regex.I):
                msg = f"a share of a whole cannot be {m.text}: a part is at most 100% of it"
            elif dec.search(before[-30:] + " " + after[:20]) and not regex.search(r"\b(?:increase|rise|grew|up)\b",
                                                                                  before[-30:], regex.I):
                msg = f"a fall of {m.text} would take the figure below zero: a decrease is at most 100%"
        elif m.type == "count" and m.value < 0:
            msg = f"a count of things cannot be negative ({m.text})"
        if msg:
            verdict = {"status": "fail", "message": msg, "explanation": "a share lies between 0% and 100%; a decrease "
                       "between 0% and 100%; a count is at least zero", "claimed": m.value}
            ctx.add(Claim("range", (m.start, m.end), m, (), {"verdict": verdict}, True))
