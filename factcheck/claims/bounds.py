"""``range``: figures that cannot be — a share of a whole above 100%, a fall of more than 100%, a
negative count. No other figure is needed to know these are wrong."""

from __future__ import annotations

from ..extract import fastregex as regex
from ..extract.lazy import LazyPattern
from ..model import Claim, Evidence, Relation
from .grammar import grammar_for
from .scope import Ctx

# "of the total", "of the fleet": a whole the figure is part of. A measure of its own ("offsets total $9 billion, 170% of
# the contract value", "orders of 120% of sales", "costs at 130% of budget") may be exceeded; a share of it is
# impossible above 100% only when the text says the figure is part of it ("made up", "accounted for", "share of")
_SHARE = LazyPattern(r"^\s*(?:of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:total|whole|the\s+work|work|"
                     r"shares?|capital|market|workforce|fleet))\b", regex.I)


# a word after the percent that is no preposition, conjunction or "of": the percent is an attribute of a noun
# ("116% cash conversion", "a 120% coverage"), no share
_ATTRIBUTE_AFTER = LazyPattern(r"[^\S\n]+(?!(?:of|in|for|at|to|by|from|on|with|and|or|but|while|as|than|compared|versus|"
                               r"vs|against|up|down|a|an|the|this|that|which|who|last|year|per|during|after|before|"
                               r"since|over|under|above|below|is|was|were|are|will|would)\b)\p{L}", regex.I)
# a whole of another measure than a part of it: "Adjusted free cash flow represented 115% of adjusted net earnings" (a
# cash conversion, which may exceed 100%)
_RATIO_WHOLE = LazyPattern(r"^\s*of\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+){0,2}?(?:earnings|profits?|income|ebitda|"
                           r"ebita|ebit|cash\s+flow|net\s+result|dividends?)\b", regex.I)
_MINUS_WORD = LazyPattern(r"minus\b", regex.I)
_COMPARED_WITH = LazyPattern(r"\s*(?:,\s*at\b|than\b)", regex.I)


def find(ctx: Ctx) -> None:
    g = grammar_for(ctx.vocab)
    dec = g.word_pattern("decrease_words")
    inc = g.word_pattern("increase_words")
    for m in ctx.amounts:
        if ctx.is_stated(m):
            continue
        msg = None
        value = m.value or 0.0
        if m.type == "percent" and m.unit == "percent" and value > 100:
            s, e = ctx.sentence(m.start)
            before = ctx.text[max(s, m.start - 40):m.start]
            after = ctx.text[m.end:min(e, m.end + 40)]
            if _SHARE.match(after) or (regex.search(r"\b(?:made\s+up|accounted\s+for|accounting\s+for|represent(?:s|ed|ing)?|"
                                                    r"share\s+of)\s+(?:some\s+|about\s+|around\s+)?$", before, regex.I)
                                       and not _ATTRIBUTE_AFTER.match(after) and not _RATIO_WHOLE.match(after)):
                # (not "representing 116% adjusted free cash flow conversion": a ratio the words after it name, which
                # may exceed 100%)
                msg = f"a share of a whole cannot be {m.text}: a part is at most 100% of it"
            elif _falls(dec, inc, before[-30:], after[:20]):
                msg = f"a fall of {m.text} would take the figure below zero: a decrease is at most 100%"
        elif m.type == "count" and value < 0 and m.noun and not m.inferred and not _points(ctx, m.noun) and \
                not _MINUS_WORD.match(m.text):
            # (not "plus 30 orders, minus 21 deliveries": "minus" in words subtracts that many)
            # not "(-1,046)", a bare prior value; nor "-30 bps", a change in points (tables words points_markers)
            msg = f"a count of things cannot be negative ({m.text})"
        if msg:
            lo, hi = (0.0, 100.0) if m.type == "percent" else (0.0, float("inf"))
            ev = Evidence("range", msg, 4.5, True)
            note = "a share lies between 0% and 100%; a decrease between 0% and 100%; a count is at least zero"
            ctx.add(Claim("range", (m.start, m.end), m, readings=(Relation("given", (), (ev,), computed=(lo, hi),
                                                                           point=min(max(m.value or 0, lo), hi),
                                                                           note=note),)))


def _falls(dec: regex.Pattern, inc: regex.Pattern, before: str, after: str) -> bool:
    """Does a percent fall? The nearest change word before it says ("which have gained about 160% since January, fell
    2.1%": a gain); with none before, a decrease word after it in its own clause ("160% lower", "a 150% decrease")."""
    # ("growth ... was lower, at around 120%", "lower than the 150% of 2023": a comparative of the figure with another,
    # not the direction of a change)
    hits = [(mt.start(), -1) for mt in dec.finditer(before) if not _COMPARED_WITH.match(before, mt.end())] + \
        [(mt.start(), 1) for mt in inc.finditer(before)]
    if hits:
        return max(hits)[1] < 0
    clause = regex.split(r"[,;:()]|\s[–—-]\s|\d", after, maxsplit=1)[0]
    return dec.search(clause) is not None


def _points(ctx: Ctx, noun: str) -> bool:
    """Is ``noun`` a word of points ("bps", "basis points", "pts"): a change of a rate, which may be below zero?"""
    words = (((ctx.vocab.get("tables") or {}).get("points_markers")) or [])
    return noun.strip().lower() in {str(w).lower() for w in words}
