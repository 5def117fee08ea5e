"""Parts and wholes: ``sum`` ("650 trucks and 350 trailers, 1,000 vehicles in all"), ``share`` ("278 of the
1,059 vehicles (26%)", "about 63% of the group figure", "a margin of 8.8%", "the other 36%").

Triggers come from the grammar (rules/linking.yaml: `total`, `share`, `margin`). Candidates, with evidence:
- a total's parts are the figures of its kind listed next to it ("X, Y and Z – N in all"; "N: X and Y"); when
  some of them count the total's own thing ("776 machine guns" among vehicles and bridges) only those;
- a share's part and whole are where its grammar puts them; a whole named only by words ("of the ceiling",
  "of the group figure") is the figure of its kind nearby whose words it repeats - not explicit, so such a
  share can warn but not fail;
- a margin is its profit measure over sales of the same period: both from the measures of nearby figures
  (reading.Facts), the period from the level pairs (the earlier level of a pair goes with the earlier margin);
- "the other 36%", "the remaining 14%" complete the percentages before them to 100%.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..extract import fastregex as regex
from ..extract.lazy import LazyPattern, rx
from ..extract.lexicon import MONTHS
from ..model import Claim, Evidence, Mention, Relation
from .grammar import Match, matches, word_pattern_of
from .pairs import (
    HEDGE_THAN,
    OF_WHOLE_OPENING,
    SUMMED_AFTER,
    Pair,
    Pairs,
    averaged,
    base_position,
    bracket_restatement,
    outside_closed_aside,
    per_time,
    size_of_comparison,
    summed_list_item,
)
from .reading import (
    JOINED_OPENING,
    OF_AFTER,
    POINTS_BACK,
    SHARE_OPENS_CLAUSE,
    Facts,
    added_amount,
    adds_up,
    calibre,
    change_size,
    comparable,
    counts_compatible,
    doubt,
    fraction_step,
    hedge_window,
    inherit,
    is_amount,
    is_generic,
    known_noun,
    magnitude,
    modifier,
    noun_class,
    reached_as_share,
    same_figure,
    same_noun,
    summed,
)
from .scope import Ctx

_SEP = LazyPattern(r"\s*(?:,\s*(?:and\s+|plus\s+|as\s+well\s+as\s+)?|;\s*|\s+and\s+|\s+plus\s+|\s+as\s+well\s+as\s+|\s*\+\s*)"
                     r"(?:(?:another|a\s+further|further|the\s+other|other|an?\s+additional)\s+)?", regex.I)
_ITEM_WORDS = LazyPattern(r"[\s\p{L}\p{N}'’./()&-]{0,60}")  # "£386m in Sensors & Information and £681m in ..."
_LAST_ITEM_WORDS = LazyPattern(r"[\s\p{L}\p{N}'’./()&-]{0,110}")
_COMPLEMENT = LazyPattern(r"(?:the\s+)?(?:other|remaining|rest|balance|remainder)\s*$", regex.I)


def find(ctx: Ctx, facts: Facts, pairs: Pairs) -> None:
    g = facts.g
    _listed_shares(ctx, facts)
    for si in range(len(ctx.sents)):
        figs = ctx.sentence_numbers(si)
        if not figs:
            continue
        ab = facts.abstract(si)
        n_margins = len(ctx.claims)
        for mt in sorted(matches(g, "margin", ab), key=lambda m: -m.template.weight):
            _margin(ctx, facts, pairs, mt)
        _prior_period(ctx, pairs, n_margins)
        for mt in sorted(matches(g, "ratio", ab), key=lambda m: -m.template.weight):
            _margin(ctx, facts, pairs, mt, ratio=True)
        ratio_of = next((t for t in g.templates.get("ratio", ()) if t.id == "ratio-of"), None)
        for x in figs:  # "a 1.5 book-to-bill": the ratio's name follows its figure, read as its counted noun
            if ratio_of is not None and x.type == "count" and _ratio_noun(facts, x):
                named = dataclasses.replace(ratio_of, id="named-after")
                _margin(ctx, facts, pairs, Match(named, {"p": x}, x.start, x.end), ratio=True)
        for mt in sorted(matches(g, "share", ab), key=lambda m: -m.template.weight):
            _share(ctx, facts, pairs, mt)
        # "... or 58% and 65% respectively": shares of the parts and wholes before, in turn (looked for only in a
        # sentence that says "respectively": a sentence of many percents costs nothing more otherwise)
        for p in figs if _RESPECTIVELY_WORD.search(ctx.text, *ctx.sents[si]) else ():
            if p.type == "percent" and not ctx.is_stated(p) and (sv := _share_value(p)) is not None and \
                    (resp := _respective_partitive(ctx, p)) is not None:
                ev = Evidence("respectively", f"{p.text}, in turn, of {resp[0].text} of {resp[1].text}", 4.5, True)
                ctx.add(Claim("share", (p.start, p.end), p, readings=(Relation("share", resp, (ev,)),),
                              stated_value=sv[0], stated_step=sv[1], qualifier=facts.qualifier(p)))
        n0 = len(ctx.claims)
        for mt in sorted(matches(g, "total", ab), key=lambda m: -m.template.weight):
            _total(ctx, facts, pairs, mt)
        _nested_totals(ctx, n0)
        for mt in matches(g, "partition", ab):
            _partition(ctx, facts, pairs, mt)
        for mt in matches(g, "split", ab):
            _split(ctx, facts, mt)
        for mt in matches(g, "remainder", ab):
            _remainder(ctx, mt)
        for mt in sorted(matches(g, "accrue", ab), key=lambda m: -m.slots["add"].start if "add" in m.slots else 0):
            _accrue(ctx, facts, mt)  # the nearest amount before the verb first
        for mt in matches(g, "accrue_back", ab):
            _accrue_back(ctx, facts, mt)
        for p in figs:
            if p.type == "percent" and p.unit == "percent" and not ctx.is_stated(p) and \
                    _COMPLEMENT.search(ctx.text[max(0, p.start - 20):p.start]):
                _complement(ctx, facts, p)
    _headed_breakdowns(ctx)
    _ordinal_breakdowns(ctx, facts)
    _series_totals(ctx, facts)


_EACH_AFTER = LazyPattern(r"\s*(?:[\p{L}-]+\s+){0,2}?(?:each|apiece|a\s+piece)\b", regex.I)
_BULLET_START = LazyPattern(r"\s*(?:[-•*·–]|\d+[.)])\s")


def _each_among(ctx: Ctx, t: Mention, items: list[Mention]) -> bool:
    """Does a figure of the total's kind "each" stand among the items or in the bullet right after the last? (Of
    counts: an amount of money "apiece" is the price of one, which the items give in full.)"""
    end = items[-1].end
    pi = ctx.para_index(items[-1].start)
    if pi + 1 < len(ctx.paras) and pi != ctx.para_index(t.start) and \
            _BULLET_START.match(ctx.text, ctx.paras[pi + 1][0], ctx.paras[pi + 1][1]):
        end = ctx.paras[pi + 1][1]
    else:
        end = max(end, ctx.sentence(items[-1].start)[1])
    own = {x.start for x in items}
    return any(x.start not in own and x.type == t.type and _EACH_AFTER.match(ctx.text, x.end)
               for x in ctx.numbers_in(items[0].start, end))


def _series_totals(ctx: Ctx, facts: Facts) -> None:
    """"Over the three years from 2022 to 2024, exports totalled $41.3 billion" after "$17.3 billion in 2022", "$13.5
    billion in 2023" and "$9.5 billion in 2024": a total of a measure over a range of years the text names is the sum of
    the levels it gives that measure for each year of the range (one each, every year given)."""
    for t in ctx.amounts:
        if ctx.is_stated(t) or t.type not in ("currency", "count") or t.value_high is not None:
            continue
        s, e = ctx.sentence(t.start)
        cue = _TOTAL_CUE.search(ctx.text, max(s, t.start - 40), t.start)
        if cue is None:
            continue
        span = _YEAR_SPAN.search(ctx.text, s, e)
        if span is None:
            continue
        y0, y1 = int(span.group("a")), int(span.group("b"))
        if y1 < 100:
            y1 += (y0 // 100) * 100
        if not 1 <= y1 - y0 <= 12:
            continue
        meas = facts.measure_id(t)
        if not meas or meas.startswith("margin:"):
            continue
        parts: list[Mention] = []
        for y in range(y0, y1 + 1):
            got = [x for x in facts.periods.levels_of(meas, y) if x is not t and x.type == t.type and x.unit == t.unit
                   and x.start < t.start]
            values = {x.value for x in got}
            if len(values) != 1:
                parts = []
                break
            parts.append(got[0])
        if len(parts) < 2:
            continue
        ev = Evidence("series-total", f"{t.text} totals the {meas} of {y0}-{y1}: one level given for each year", 4.0,
                      True)
        ctx.add(Claim("sum", (t.start, t.end), t, readings=(Relation("sum", tuple(parts), (ev,)),)))


_TOTAL_CUE = LazyPattern(r"\b(?:totall?ed|totals|totall?ing|came\s+to|added\s+up\s+to|amounted\s+to|a\s+total\s+of|combined|"
                         r"cumulative(?:ly)?|altogether|in\s+all)\b[^.;\d]{0,25}$", regex.I)
_YEAR_SPAN = LazyPattern(r"\b(?:from|between)\s+(?:fiscal\s+|FY\s?)?(?P<a>(?:19|20)\d\d)\s+(?:to|through|and|until)\s+"
                         r"(?:fiscal\s+|FY\s?)?(?P<b>(?:19|20)\d\d)\b", regex.I)


def _ordinal_breakdowns(ctx: Ctx, facts: Facts) -> None:
    """"signed three contracts worth a total of Rs 7,630 crore" and then "The first ... Rs 4,860 crore ... The
    second ... Rs 1,982 crore, and the third ... Rs 798 crore": a total whose counted parts the next sentences
    enumerate by ordinals (vocabulary ordinal_words), one amount of the total's kind each (the first after its
    ordinal). Read only when every ordinal from the first to the count is there, in order, and no further one;
    bounded: the three sentences after the total's."""
    ordinals = {str(k).lower(): int(v) for k, v in (ctx.vocab.get("ordinal_words") or {}).items()
                if isinstance(v, int) and 1 <= v <= 10}
    if not ordinals:
        return
    ordinal_re = _ordinal_pattern(tuple(sorted(ordinals)))
    for t in ctx.amounts:
        if t.type not in ("currency", "count") or t.value_high is not None or not t.value or ctx.is_stated(t) or \
                facts.rate_of(t) is not None:
            continue
        s, _ = ctx.sentence(t.start)
        before = [x for x in ctx.numbers_in(max(s, t.start - 60), t.start)]
        c = before[-1] if before else None
        if c is None or c.type != "count" or not c.value or not 2 <= c.value <= 10 or c.value != int(c.value) or \
                c.value_high is not None or not _WORTH.fullmatch(ctx.text, c.end, t.start):
            continue
        n = int(c.value)
        si = ctx.sent_index(t.start)
        a = ctx.sentence(t.start)[1]
        b = ctx.sents[min(len(ctx.sents) - 1, si + 3)][1]
        # the rest of the total's paragraph; the next paragraph when the total's sentence ends its own
        pi = ctx.para_index(t.start)
        own_end = ctx.paras[pi][1]
        b = min(b, own_end if a < own_end - 1 or pi + 1 >= len(ctx.paras) else ctx.paras[pi + 1][1])
        marks = [(m.start(), ordinals[m.group(1).lower()]) for m in ordinal_re.finditer(ctx.text, a, b)]
        if [k for _, k in marks] != list(range(1, n + 1)):
            continue
        parts: list[Mention] = []
        for i, (at, _k) in enumerate(marks):
            end = marks[i + 1][0] if i + 1 < len(marks) else ctx.sentence(at)[1]
            kin = [x for x in ctx.numbers_in(at, end) if is_amount(x) and x.type == t.type and x.unit == t.unit
                   and x.value_high is None and facts.rate_of(x) is None and not _bracketed_after_figure(ctx, x)]
            if not kin:
                break
            parts.append(kin[0])
        if len(parts) != n:
            continue
        ev = Evidence("ordinal-parts", f"'{ctx.text[c.start:c.end]}' then 'the first' to 'the "
                      f"{next(w for w, v in ordinals.items() if v == n)}'", 3.0, True)
        whole = Evidence("complete", f"every one of the {n} counted has one figure of the total's kind", 1.0)
        ctx.add(Claim("sum", (t.start, t.end), t, readings=(Relation("sum", tuple(parts), (ev, whole)),)))


_WORTH = LazyPattern(r"\s*(?:[\p{L}-]+\s+){0,4}?(?:worth|valued\s+at|for|at\s+a\s+(?:total\s+)?cost\s+of|totall?ing|totaling|"
                     r"with\s+a\s+(?:total\s+)?value\s+of)\s+(?:a\s+total\s+of\s+|about\s+|some\s+|nearly\s+|around\s+)?", regex.I)
_ORDINAL_PATTERNS: dict[tuple[str, ...], regex.Pattern] = {}


def _ordinal_pattern(words: tuple[str, ...]) -> regex.Pattern:
    got = _ORDINAL_PATTERNS.get(words)
    if got is None:
        alt = "|".join(regex.escape(w) for w in words)
        got = _ORDINAL_PATTERNS[words] = rx(r"\b(?:the|a)\s+(" + alt + r")\b(?!\s+(?:time|half|quarter))", regex.I)
    return got


# (a percent restating it may stand between: "C$100 million, or about 3 per cent, more than the Seaspan award")
_MORE_THAN = LazyPattern(r"(?:\s*,?\s*or\s+(?:about\s+|some\s+|roughly\s+|nearly\s+|almost\s+)?\d[\d.,]*\s*"
                         r"(?:%|per\s?cent|percent)\s*,?)?\s+(?:more|fewer|less|higher|lower|greater|larger|smaller)\s+than\b",
                         regex.I)
_HEADING = LazyPattern(r"\s*[^\d\n]{2,60}:\s*")
_BULLET_LINE = LazyPattern(r"\s*(?:[-•*·–]|\d+[.)]|\p{L}[.)])\s")


def _headed_lists(ctx: Ctx) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """Each heading paragraph ("Deals by day:", "The plan is divided into four blocks:") and the bullet
    paragraphs under it (two to twelve). A heading holds no figure but the count of its bullets."""
    out = []
    for k in range(1, len(ctx.paras) - 2):
        a, b = ctx.paras[k]
        if not _HEADING.fullmatch(ctx.text, a, b):
            continue
        bullets = []
        for j in range(k + 1, min(len(ctx.paras), k + 13)):
            ba, bb = ctx.paras[j]
            if not _BULLET_LINE.match(ctx.text, ba, bb):
                break
            bullets.append((ba, bb))
        if len(bullets) >= 2 and all(x.type in ("count", "number") and x.value == len(bullets)
                                     for x in ctx.numbers_in(a, b)):
            out.append(((a, b), bullets))
    return out


_BRACKET_OPEN = LazyPattern(r"\(\s*(?:(?:about|around|some|roughly|nearly|almost|over|under|approximately|just\s+over|"
                            r"just\s+under|more\s+than|less\s+than)\s+)?$", regex.I)


def _bracket_share_items(ctx: Ctx, a: int, b: int) -> list[tuple[Mention, Mention]]:
    """(part, percent) for each "€3,662 million (35%)" in [a, b): a percent alone in brackets right after an
    amount."""
    out = []
    figs = ctx.numbers_in(a, b)
    for i, p in enumerate(figs):
        if p.type != "percent" or p.unit != "percent" or p.text[:1] in "+−–-" or i == 0:
            continue
        x = figs[i - 1]
        if not is_amount(x) or x.type == "percent" or x.value_high is not None:
            continue
        if _BRACKET_OPEN.search(ctx.text, x.end, p.start) and x.end + 16 > p.start and \
                regex.match(r"\s*\)", ctx.text[p.end:p.end + 4]):
            out.append((x, p))
    return out


def _listed_shares(ctx: Ctx, facts: Facts) -> None:
    """"The plan is divided into four blocks:" then "- Telecommunications: €3,662 million (35%)", one bullet per
    block; "the €2 billion budget is split three ways: €1.2 billion (60%) for ships, €0.5 billion (25%) ...": the
    percents in brackets are shares of the figure the listed parts add up to. When one figure before the list
    (in its sentence, or in the heading's paragraph and the three sentences before it) equals the parts' sum at
    their rounding, that figure is every share's whole, and the sum is the explicit evidence. Bounded: one
    sentence, or a heading and its twelve bullets."""
    groups: list[tuple[list[tuple[Mention, Mention]], list[Mention], list[Mention]]] = []
    for si in range(len(ctx.sents)):  # in one sentence: the figures before the first part may be the whole
        a, b = ctx.sents[si]
        items = _bracket_share_items(ctx, a, b)
        if len(items) >= 2:
            first = items[0][0]
            figs = ctx.numbers_in(a, b)
            parts = [x for x in figs if x.start >= first.start and _list_kin(ctx, x, first)]
            groups.append((items, parts, [x for x in figs if x.end <= first.start]))
    for (ha, _hb), bullets in _headed_lists(ctx):  # under a heading: the whole is before the heading
        items = [it for ba, bb in bullets for it in _bracket_share_items(ctx, ba, bb)]
        if len(items) < 2:
            continue
        kin = [[x for x in ctx.numbers_in(ba, bb) if _list_kin(ctx, x, items[0][0])] for ba, bb in bullets]
        if any(len(row) != 1 for row in kin):
            continue
        parts = [row[0] for row in kin]
        k = ctx.para_index(ha)
        pa, pb = ctx.paras[k - 1]
        si = ctx.sent_index(pb - 1)
        groups.append(([it for it in items if it[0] in parts], parts,
                       ctx.numbers_in(max(pa, ctx.sents[max(0, si - 2)][0]), pb)))
    for items, parts, before in groups:
        first = items[0][0]
        wholes = [w for w in before if w.value_high is None and _list_kin(ctx, w, first) and adds_up(w, parts)]
        if not wholes:
            continue
        w = wholes[-1]
        ev = Evidence("listed-parts", f"the {len(parts)} parts listed add up to {w.text}", 1.5, True)
        for part, p in items:
            sv = _share_value(p)
            if sv is None or ctx.is_stated(p):
                continue
            grammar = Evidence("bracket-share", f"'{_quote(ctx, part.start, p.end + 1)}'", 2.5, True)
            ctx.add(Claim("share", (p.start, p.end), p, readings=(Relation("share", (part, w), (grammar, ev)),),
                          stated_value=sv[0], stated_step=sv[1], qualifier=facts.qualifier(p)))


def _list_kin(ctx: Ctx, x: Mention, first: Mention) -> bool:
    return is_amount(x) and x.type == first.type and x.type != "percent" and _sum_comparable(ctx, x, first) and \
        (x.unit == first.unit or x.type in ("count", "number"))


def _headed_breakdowns(ctx: Ctx) -> None:
    """"75 contracts worth AED 24.30 billion ..." then "Deals by day:" and one bullet per day ("- Day 1: 21
    contracts, AED 6.94 billion"): the bullets under a heading break down the figures of the paragraph before it.
    Each figure there that every bullet has exactly one figure of its kind for is their total. Nothing in the words
    says the bullets are all of it, so the sum is doubted (it holds or warns); of several figures of the kind before
    the heading, only the one they add up to is read. Bounded: a heading, its bullets (12 at most) and the last three
    sentences before it."""
    for (a, b), spans in _headed_lists(ctx):
        k = ctx.para_index(a)
        bullets = [[x for x in ctx.numbers_in(ba, bb) if is_amount(x)] for ba, bb in spans]
        last = ctx.sent_index(ctx.paras[k - 1][1] - 1)
        first = max(ctx.sent_index(ctx.paras[k - 1][0]), last - 2)
        found: dict[tuple, list[tuple[Mention, tuple[Mention, ...]]]] = {}
        for si in range(first, last + 1):
            for t in ctx.sentence_numbers(si):
                if not is_amount(t) or ctx.is_stated(t) or t.value_high is not None or t.type == "percent" or \
                        base_position(ctx, t):
                    continue
                kin = [[x for x in row if _sum_comparable(ctx, x, t) and x.type == t.type
                        and (x.unit == t.unit or t.type in ("count", "number"))] for row in bullets]
                if any(len(row) != 1 for row in kin):
                    continue
                parts = tuple(row[0] for row in kin)
                if all(abs(x.value or 0) <= abs(t.value or 0) for x in parts):
                    found.setdefault((t.type, t.unit), []).append((t, parts))
        heading = " ".join(ctx.text[a:b].split())
        for cands in found.values():
            # several figures of the kind before the heading: only the one the bullets add up to is their total
            if len(cands) > 1:
                cands = [(t, ps) for t, ps in cands if adds_up(t, ps)][:1]
            for t, parts in cands:
                ev = Evidence("headed-list", f"the {len(parts)} bullets under '{heading}' after {t.text}", 2.5)
                ctx.add(Claim("sum", (t.start, t.end), t, readings=(Relation("sum", parts, (ev,)),)))


# ---------------------------------------------------------------------------------------------- shares
def _share_value(p: Mention) -> tuple[float, float | None] | None:
    """A share's value in percent and its half step: "26%" -> 26; "a third" -> 33.3 (exact fraction)."""
    if p.value is None:
        return None
    if p.type == "percent" and p.unit == "percent":
        return p.value, None
    if p.role == "fraction" or (p.type == "number" and 0 < p.value < 1):
        return p.value * 100, fraction_step(p, p.value * 100)
    return None


def _share(ctx: Ctx, facts: Facts, pairs: Pairs, mt: Match) -> None:
    p = mt.slots.get("p")
    if p is None or ctx.is_stated(p):
        return
    if pairs.is_level(p) and not (mt.template.id in ("accounted", "part-p-of", "appositive") and
                                  (pt := mt.slots.get("part")) is not None and _partitive_part(ctx, pt) is not None):
        return  # (a level of a change, unless its part and whole are given: "214 of this year's 712 new apprentices are
        # women, 21% of the intake, compared with 26% in FY24")
    if regex.match(r"\s+of\s+(?:them|those|these|which|whom)\b", ctx.text[p.end:p.end + 20], regex.I):
        return  # "400 at Czech firms, one in three of them engineers": a share of a part the text does not give
    sv = _share_value(p)
    if sv is None or p.text[:1] in "+−–-" or p.start in pairs.deltas:
        return  # "(+8.7%)" is a change, not a share
    if _WITHIN_BEFORE.search(ctx.text, max(0, p.start - 25), p.start):
        ctx.skip("share", p, f"a gap to another figure ('within {p.text} of'), not a share of it")
        return
    if reached_as_share(ctx, facts, p):
        ctx.skip("share", p, "the level a change reaches, given only as a share of another figure")
        return
    part, whole = mt.slots.get("part"), mt.slots.get("whole")
    if whole is not None and part is not None and mt.template.id == "attained":
        # "2,207 days at sea against a plan of 2,520": the plan counts days too
        whole = pairs.resolved(whole)
        whole = inherit(whole, part, ctx.text, 10.0) or whole
    if part is not None and mt.template.id == "accounted":
        # "had sales of 936.1 billion won, up 48 per cent from 632.5 billion won, and accounted for 68 per cent of group
        # sales": the base of a change set off after the part is no part; the level it changed to is
        aside = [pr for pr in pairs.with_old(part) if pr.new.end <= part.start
                 and ctx.sent_index(pr.new.start) == ctx.sent_index(part.start)
                 and _CHANGE_ASIDE.fullmatch(ctx.text, pr.new.end, part.start)]
        if aside:
            part = aside[-1].new
    if whole is not None and whole.start > p.end and (_REMAINS_AFTER.match(ctx.text, whole.end) or
                                                      _FEWER_AFTER.match(ctx.text, whole.end)):
        whole = None  # "more than a third of the program of record and 112 remain to be ordered": a remainder, no whole
        # (nor "less than a third of the original number and 321 fewer vehicles": how many fewer)
    if whole is not None and _across_cells(ctx.text, min(p.end, whole.end), max(p.start, whole.start)):
        return  # "– 7.0% of net sales    EUR 483 million – 10.1% ...": the whole slot's figure is the next cell's
    ev = Evidence("share:" + mt.template.id, f"'{_quote(ctx, mt.start, mt.end)}'", mt.template.weight,
                  mt.template.explicit)
    if part is not None and (not is_amount(part) or part.type == "percent" or part.start in pairs.deltas):
        return  # "an increase of €560 million or 61%": the percent restates a change
    if part is not None and summed_list_item(ctx, part):
        ctx.skip("share", p, f"{part.text} is one item of a list the sentence sums ('together'), not the part")
        return
    if part is not None and threshold(ctx, facts, part):
        ctx.skip("share", p, f"{part.text} bounds a category of things, it is not an amount of them")
        return
    if whole is not None and (not is_amount(whole) or whole.type == "percent"):
        whole = None
    resp = _respective_partitive(ctx, p) if _RESPECTIVELY_WORD.search(ctx.text, p.end, p.end + 120) else None
    if resp is not None:
        # "11 of its 19 NH90s and 13 of its 20 Chinooks available, or 58% and 65% respectively": the k-th share is of
        # the k-th part and whole
        part, whole = resp
        ev = Evidence(ev.cue, f"{ev.detail}: respectively, {part.text} of {whole.text}", ev.weight + 1.0, True)
    if mt.template.id in _OUTCOME_RATES and whole is None:
        # "37 of the 40 bundles landed within 100 m of the aim point, a 95% hit rate": the rate's part and whole are
        # the sentence's last figure "of" another before it; none, and the rate counts what the text does not give
        given = _partitive_before(ctx, pairs, p)
        if given is None:
            ctx.skip("share", p, "a rate with no part 'of' a whole before it in its sentence")
            return
        part, whole, how = given
        ev = Evidence(ev.cue, f"{ev.detail}: {how}", ev.weight + 1.0, True)
    elif mt.template.id in _PART_THEN_SHARE and part is not None and _REST_BEFORE.search(ctx.text, part.end, p.start):
        return  # "30 come from breeders and the remainder – about 38% –": the share of the rest (grammar "remainder")
    elif mt.template.id in _PART_THEN_SHARE and part is not None and whole is None:
        given = _given_whole(ctx, pairs, part)
        if given is not None:
            part, whole, how = given
            # (a share set off by punctuation alone, with no verb, rests on the whole the text gives: that counts more)
            bonus = 1.5 if mt.template.id in ("appositive", "bracket-share") else 1.0
            ev = Evidence(ev.cue, f"{ev.detail}: {how}", ev.weight + bonus, True)
        elif mt.template.id in ("part-p-of", "appositive") and _another_shares_whole(ctx, part):
            return  # "Exports were 40% of sales of €2.0bn and 15% of the €9.5bn backlog": the figure before is the
            # whole of another share, not this one's part
        elif mt.template.id == "appositive":
            ev = Evidence(ev.cue, ev.detail, ev.weight, False)  # the whole only found by position: a warning at most
    if part is not None and whole is not None and part.type == "currency" and facts.rate_of(part) == "period" and \
            facts.rate_of(whole) != "period" and POINTS_BACK.search(ctx.text, max(0, part.start - 30), part.start):
        # "$1.45 billion a year ..., or $8.7 billion in all, of which $425 million a year, nearly 30%": a part paid a
        # period is a share of the amount paid that period, the rate before it in its sentence, not of a total
        rated = [x for x in ctx.numbers_in(ctx.sentence(part.start)[0], part.start) if x.type == part.type
                 and x.unit == part.unit and facts.rate_of(x) == "period" and abs(x.value or 0) > abs(part.value or 0)]
        if not rated:
            ctx.skip("share", p, f"{part.text} is paid a period; {whole.text} is not")
            return
        ev = Evidence(ev.cue, f"{ev.detail}: {part.text} is paid a period, as {rated[-1].text} is", ev.weight, ev.explicit)
        whole = rated[-1]
    readings: list[Relation] = []
    stated, formula_on_part = p, False
    if part is not None and mt.template.id in ("share-equal", "share-equal-of") and facts.rate_of(part) == "unit":
        ctx.skip("share", p, f"{part.text} is a rate per unit, not an amount of the whole")
        return  # "87% of the planned rate of effort, or about 128 hours per aircraft": the rate restates the flying
        # per aircraft, no share of a whole
    if part is not None and mt.template.id in ("share-equal", "share-equal-of"):
        # "40% of the value ..., a share equal to CZK 23.9 billion": the amount is the stated figure
        sv = _share_value(p)
        # "roughly a third of the contract value, or about $330 million": a fraction is read in percent, as the
        # formula takes it (it multiplied the whole by 0.333%)
        pct = p if sv is None or (p.type == "percent" and p.unit == "percent") else dataclasses.replace(
            p, value=sv[0], type="percent", unit="percent", half_step=(sv[1] if sv[1] is not None else p.half_step),
            inferred=True)
        # (a whole only named - "a quarter of revenue, or about $500 million" - is found, not given: the words tie
        # the fraction to the amount, and only the whole's own evidence, if any, makes the reading explicit)
        if whole is None and _OF_WHICH_BEFORE.search(ctx.text, max(0, p.start - 30), p.start):
            # "total backlog of $8.8 billion, of which 72%, or $5.9 billion, is funded": "of which" points back at the
            # whole, given
            whole = _whole_pointed_back(ctx, pairs, part)
            if whole is not None and abs(whole.value or 0) <= abs(part.value or 0):
                whole = None
            if whole is not None:
                ev = Evidence(ev.cue, f"{ev.detail}: 'of which' points back at {whole.text}", ev.weight + 1.0, True)
        # (unless the words name one figure only, and not one narrowed to a part: "30% of the contract value, worth
        # about PLN 1.54 billion" after "a PLN 3.84 billion contract")
        found = _wholes(ctx, facts, p, part, whole, pairs)
        sole = whole is None and len(found) == 1 and any(e.cue == "names-whole" for e in found[0][1]) and \
            not _narrowed_whole(ctx, facts, found[0][0])
        tie = ev if whole is not None or sole else Evidence(ev.cue, ev.detail, ev.weight, False)
        for w, wev in found:
            readings.append(Relation("share_of", (pct, w), (tie,) + tuple(wev)))
        if readings and not ctx.is_stated(part):
            readings.sort(key=lambda r: -r.score)
            ctx.add(Claim("share", (part.start, part.end), part, readings=tuple(readings[:4]),
                          qualifier=facts.qualifier(p)))
        return
    parts: list[tuple[Mention, list[Evidence]]]
    if whole is not None and whole.type != "currency" and _OF_MONEY_AFTER.match(ctx.text, p.end):
        return  # "18 of the 32 members at or above 2% of GDP": the percent names a sum of money as its whole
    if part is not None and _set_size(ctx, part):
        return  # "the four programmes together about 91% of the total": the size of a set, whose members' figures
        # (not given) make the part
    if part is not None:
        parts = [(part, [])]
        for pr in pairs.with_old(part):  # "rose 34% to US$1.14 billion from US$850 million, or 38% of revenue"
            if ctx.sent_index(pr.new.start) == ctx.sent_index(part.start):
                parts = [(pr.new, [Evidence("subject", f"{pr.new.text}, the level the sentence is about", 1.0)]),
                         (part, [])]
    else:
        parts = _parts_for(ctx, facts, pairs, p, whole)
    named = Evidence(ev.cue, ev.detail, ev.weight, False)  # a whole only named: its figure is found, not given
    for pt, pev in parts:
        if summed_list_item(ctx, pt):
            continue  # "Together, Mesquite's 30,000 and Scranton's 22,000 would cover more than half of": the list's sum
        by_words = any(e.cue == "names-part" for e in pev)  # a part found by its words is not given either
        for w, wev in _wholes(ctx, facts, p, pt, whole, pairs, over=mt.template.id == "attained"):
            if _deals_of_things(facts, pt, w):
                continue  # "the three contracts cover almost two thirds of the 90 jets planned": a count of deals (or
                # batches) is no part of a count of the things they buy
            rel = Relation("share", (pt, w), (ev if whole is not None and not by_words else named,)
                           + tuple(pev) + tuple(wev))
            readings.append(doubt(rel) if by_words else rel)  # the whole's evidence does not make the part given
    if mt.template.id in _OUTCOME_RATES and part is not None and whole is not None and readings:
        # "35 of the 251 students did not graduate, a pass rate of 86%": a rate may count the rest of the set (the
        # ones that did), a reading that only doubts
        readings.append(Relation("complement_share", (whole, part), (Evidence(
            "complement", f"the rest of {whole.text} (the rate may count those)", 0.5, False),), alternative=True))
    if not readings:
        if mt.template.explicit:
            ctx.skip("share", p, "no part and whole of one kind found for this share")
        return
    readings.sort(key=lambda r: -r.score)
    ctx.add(Claim("share", (p.start, p.end), stated, readings=tuple(readings[:5]), stated_value=sv[0],
                  stated_step=sv[1], qualifier=facts.qualifier(p) if not formula_on_part else None))


# (not "sales": "40 of them ..., or one in five of all sales" counts radars sold)
# ("three of the four hulls but only about half of the contract value": a share of money, not of the hulls counted)
_OF_MONEY_AFTER = LazyPattern(r"\s+of\s+(?:(?:the|its|their|national|annual)\s+)?(?:GDP|GNI|gross\s+domestic\s+product|"
                              r"revenues?|turnover|budget|spending|expenditure|(?:[\p{L}-]+\s+){0,2}?(?:value|cost|price|"
                              r"worth|funding|money))\b", regex.I)
_MONEY_WHOLE = LazyPattern(r"\b(?:GDP|GNI|gross\s+domestic\s+product|revenues?|turnover|budget|spending|expenditure)\b",
                           regex.I)
# a second predicate on the subject after a change's size: "grows by €16.8 billion and will account for", "rose by 800
# and now makes up"
_AND_SHARE_VERB = LazyPattern(r"[^,;.()]{0,25}?\band\s+(?:\p{L}+\s+){0,2}?(?:accounts?|accounted|accounting|makes?|made|"
                              r"represents?|represented|comprises?|comprised|equals?|equalled|constitutes?)\b", regex.I)
# a whole named as a change: "60% of the increase", "half of the growth" (the words: change_nouns in rules/vocabulary.yaml)
_CHANGE_NAMED_AFTER = r"\s+of\s+(?:the|this|that|its|their)\s+(?:[\p{L}-]+\s+)?@change_nouns(?![\p{L}])"
_ANOTHER_SHARE = LazyPattern(r"\b(?:half|halves|thirds?|quarters?|fifths?|tenths?|\d+(?:[.,]\d+)?\s*(?:%|per\s?cent|percent))"
                             r"\s+of\b", regex.I)
_DEMONSTRATIVE = LazyPattern(r"(?:that|this|these|those)\b", regex.I)
_OF_WHICH_BEFORE = LazyPattern(r"\bof\s+(?:which|whom)\s*,?\s*(?:(?:about|some|roughly|around|nearly|almost|just\s+over|"
                               r"just\s+under|more\s+than|less\s+than)\s+)?$", regex.I)
# the share templates whose part comes first, the whole given (or not) around it; and the rates named by an outcome
_PART_THEN_SHARE = frozenset({"accounted", "part-p-of", "appositive", "bracket-share"})
_OUTCOME_RATES = frozenset({"outcome-rate", "outcome-rate-of"})
_REST_BEFORE = LazyPattern(r"\b(?:the\s+)?(?:rest|remainder|balance|remaining(?:\s+[\p{L}-]+)?|others?)\s*[,–—(]?\s*"
                           r"(?:[\p{L}-]+\s+){0,2}$", regex.I)  # (a hedge between: "the rest, some 30%")


def _given_whole(ctx: Ctx, pairs: Pairs, x: Mention) -> tuple[Mention, Mention, str] | None:
    """The part and the whole the text ties ``x`` into, with how: "31 of the 46 parts" (``x`` the whole, the figure
    "of" it the part), "of which 1,100", "139 of them" (the whole pointed back to), "Of the 251 students who started,
    35" (the whole the sentence opens with), "300 aircraft a year, of which 250 are TB2s (83%)"; None when the text
    gives no whole."""
    prev = _partitive_part(ctx, x)
    if prev is not None:
        return prev, x, f"{prev.text} of {x.text}"
    s0, _ = ctx.sentence(x.start)
    w = None
    back = POINTS_BACK.search(ctx.text, max(s0, x.start - 60), x.start)
    if back is not None and _owned_cue(ctx, back.start(), x):
        # "310 of them inside the 75 dB contour, or 22%": the cue is the figure's before it, "of" its whole; that
        # figure is the part when the one after it measures something else
        y = ctx.numbers_in(max(0, back.start() - 40), back.start())[-1]
        return _given_whole(ctx, pairs, y) if y.start < x.start and not _sum_comparable(ctx, x, y) else None
    if _partitive(ctx, x) or back is not None:
        cands = _pointed_back(ctx, pairs, x)
        if len(cands) > 1 and ";" in ctx.text[cands[-1].end:x.start]:
            return None  # "Of the 146 parts, 92 were for tanks and 54 for trucks; 31 of them, about a fifth, were
            # metal": across a clause, "of them" may point at any of several figures; which one is not said
        w = cands[-1] if cands else None
    w = w or _of_the_whole(ctx, x) or _whole_of_which(ctx, x)
    return (x, w, f"{x.text} is of {w.text}") if w is not None else None


def _owned_cue(ctx: Ctx, at: int, x: Mention) -> bool:
    """Does the cue at ``at`` ("of them", "of which") follow another figure than ``x`` right away ("about 450 of
    them", "310 of them"): a part of its own, so the cue says nothing of ``x``?"""
    before = ctx.numbers_in(max(0, at - 40), at)
    return bool(before) and before[-1] is not x and not ctx.text[before[-1].end:at].strip()


def _partitive_before(ctx: Ctx, pairs: Pairs, p: Mention) -> tuple[Mention, Mention, str] | None:
    """The nearest part and whole the text ties together before ``p`` in its sentence ("37 of the 40 bundles landed
    within 100 m of the aim point, a 95% hit rate"); None when there is none, or when the clause before ``p`` holds
    two (which one a rate counts is not said). Looks back a bounded stretch (the clause before a rate)."""
    s0, _ = ctx.sentence(p.start)
    found: list[tuple[Mention, Mention, str]] = []
    for x in reversed(ctx.numbers_in(max(s0, p.start - 300), p.start)):
        if not is_amount(x) or x.type == "percent" or any(x is g[0] or x is g[1] for g in found):
            continue
        g = _given_whole(ctx, pairs, x)
        if g is not None and not any(g[0] is h[0] for h in found):
            found.append(g)
    if len(found) != 1 or ";" in ctx.text[max(found[0][0].end, found[0][1].end):p.start]:
        return None  # (two, or one in a clause of its own: "12 of the 40 were cancelled; the rest flew, a 95% success rate")
    return found[0]


def _set_subject(ctx: Ctx, t: Mention) -> bool:
    """Does the total's own clause (after a semicolon, or its sentence) open on a set it counts ("the two existing
    centres have 14 metal printers between them", "its three allies field 30 tanks combined"), with no other amount
    before the total: the total is of the set's members, whose figures the text does not give?"""
    s0, _ = ctx.sentence(t.start)
    c0 = max(s0, ctx.text.rfind(";", s0, t.start) + 1)
    if c0 == s0:
        return False
    before = [x for x in ctx.numbers_in(c0, t.start) if is_amount(x)]
    return len(before) == 1 and before[0].type in ("count", "number") and \
        _SET_DETERMINER_BEFORE.search(ctx.text, max(c0, before[0].start - 12), before[0].start) is not None


def _set_size(ctx: Ctx, x: Mention) -> bool:
    """"the four programmes together", "its two contracts combined": a count after a determiner, then "together" (or
    "combined", "between them"): the size of a set, not an amount of what its members make up."""
    return x.type == "count" and bool(_SET_DETERMINER_BEFORE.search(ctx.text, max(0, x.start - 12), x.start)) and \
        bool(_TOGETHER_AFTER.match(ctx.text, x.end) or _RANKED_AFTER.match(ctx.text, x.num_end or x.end))


_SET_DETERMINER_BEFORE = LazyPattern(r"(?<![\p{L}\p{N}])(?:the|these|those|its|their|our|all|both)\s+$", regex.I)
# ... or a ranked set: "the two largest October awards made up 86% of that round", "its three main customers"
_RANKED_AFTER = LazyPattern(r"\s+(?:largest|biggest|smallest|main|leading|top|major|principal|highest|lowest|most\s+\p{L}+)\b",
                            regex.I)
_TOGETHER_AFTER = LazyPattern(r"\s*,?\s+(?:together|combined|between\s+them|jointly|taken\s+together)\b", regex.I)
_BOUND_WINDOWS = ("above", "below", "below_or_at", "at_least", "at_most")


def threshold(ctx: Ctx, facts: Facts, x: Mention) -> bool:
    """Is ``x`` a bound that defines a category of things ("orders with a unit value below €10 m", "contracts worth
    more than $1 billion", "firms with fewer than 250 employees"), not an amount of them? A bound hedge, after a
    plural noun, one of linking words threshold_cues and at most four words."""
    h = x.hedge
    if not h or hedge_window(ctx.vocab, h) not in _BOUND_WINDOWS:
        return False
    lo = max(0, x.start - 90)
    mh = regex.search(regex.escape(h) + r"\s*$", ctx.text[lo:x.start], regex.I)
    tail = ctx.text[lo:lo + mh.start()] if mh is not None else ctx.text[lo:x.start]
    cue = None
    for hit in facts.g.word_pattern("threshold_cues").finditer(tail):
        cue = hit  # the last one
    return cue is not None and _FEW_WORDS.fullmatch(tail, cue.end()) is not None and \
        _PLURAL_END.search(tail, 0, cue.start()) is not None


_FEW_WORDS = LazyPattern(r"(?:\s+[\p{L}-]+){0,4}\s*")
# (a plural noun, perhaps with a relative pronoun, a verb of being and "each" before the cue: "57% of the contracts
# were each worth more than $100 million", "orders that are valued at over €10 m")
_PLURAL_END = LazyPattern(r"\b\p{L}{2,}s(?:\s+(?:that|which|were|are|each|all|individually|both|being|been|have|had)){0,3}\s+$",
                          regex.I)


def _whole_pointed_back(ctx: Ctx, pairs: Pairs, part: Mention) -> Mention | None:
    """The whole "of which"/"of whom" points back to: the last larger figure of the part's kind before it in its
    sentence that is not the base of a comparison ("2,013 exhibitors, 13% more than the 1,782 of 2022, of whom
    1,190, or 59%": of the 2,013)."""
    before = _pointed_back(ctx, pairs, part)
    return before[-1] if before else None


def _pointed_back(ctx: Ctx, pairs: Pairs, part: Mention) -> list[Mention]:
    """The figures "of which"/"of them" after them may point back to, in text order (see _whole_pointed_back)."""
    s0, _ = ctx.sentence(part.start)
    # (not the subject of the verb whose object the part is: "The Auxiliary's 4,000 volunteers and 1,000 vessels
    # handled 1,474 of them" - "them" are the incidents of the sentence before)
    return [x for x in ctx.numbers_in(s0, part.start) if is_amount(x) and x.type != "percent"
            and _sum_comparable(ctx, x, part) and abs(x.value or 0) > abs(part.value or 0)
            and not pairs.with_old(x) and not base_position(ctx, x) and x.start not in pairs.deltas
            and not _DIFFERENCE_AFTER.match(ctx.text, x.end)  # ("272 more": the size of a difference)
            and not _subject_of_verb_before(ctx, x, part)]


def _subject_of_verb_before(ctx: Ctx, x: Mention, part: Mention) -> bool:
    """Is ``x`` in the subject of the verb whose object ``part`` is ("4,000 volunteers and 1,000 vessels handled
    1,474 of them"): a past-tense verb right before the part, and no punctuation between ``x`` and it?"""
    verb = next((v for v in _PAST_VERB.finditer(ctx.text, max(x.end, part.start - 30), part.start)
                 if not ctx.text[v.end():part.start].strip()), None)
    # (not a second verb of the same subject: "located 37 mines and neutralised 29 of them", where 37 is the first
    # verb's object; a thousands comma is no break)
    return verb is not None and x.end <= verb.start() and \
        not regex.search(r"[;:()–—]|,(?!\d)", ctx.text[x.end:verb.start()]) and \
        not regex.search(r"\b(?:and|but|then|or)\s+$", ctx.text[x.end:verb.start()])


_DIFFERENCE_AFTER = LazyPattern(r"\s+(?:more|fewer|less|higher|lower|greater|larger|smaller)\b", regex.I)


def _count_of_named_items(ctx: Ctx, facts: Facts, p: Mention, x: Mention, whole: Mention | None) -> bool:
    """Is ``x`` a count of items the text names right after it ("the two packages still under way, fuel and aprons,")
    while the share ``p`` is of an amount, or of things the items are kinds of? Not when the whole counts the items' own
    things ("two ships, HMS Diamond and HMS Duncan, ..., one third of the class")."""
    if x.type != "count" or not _NAMED_ITEMS_AFTER.match(ctx.text, x.end, p.start):
        return False
    kinds = bool(x.unit) and facts.g.word_pattern("kind_nouns").fullmatch(str(x.unit).split()[-1]) is not None
    if whole is None:
        return kinds or _OF_AN_AMOUNT.match(ctx.text, p.end) is not None
    return kinds or not (whole.type == "count" and whole.unit and x.unit and counts_compatible(ctx.vocab, x, whole))


# a whole named as an amount, not as counted things: "41% of the total", "55% of it", "30% of revenue"
_OF_AN_AMOUNT = LazyPattern(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:total|it|revenue|revenues|sales|spending|budget|cost|costs|"
                            r"value|backlog|order\s+book|orders)\b", regex.I)
# a count's noun phrase, then the items it counts set off by commas: "two packages still under way, fuel and aprons,"
_NAMED_ITEMS_AFTER = LazyPattern(r"(?:\s+(?:[\p{L}-]+\s+){0,4}?[\p{L}-]+)?\s*,\s*(?:[^,\d;.()]{1,40},\s*)*[^,\d;.()]{1,40}?\s+"
                                 r"(?:and|&)\s+[^,\d;.()]{1,40},", regex.I)


def _parts_for(ctx: Ctx, facts: Facts, pairs: Pairs, p: Mention, whole: Mention | None
               ) -> list[tuple[Mention, list[Evidence]]]:
    """The figure a share is of, when the grammar names only the whole: the figure it is set off after - or,
    when that one is the earlier level of a pair ("up 21% from €3.96 billion ... and equal to 5.4% of GDP"),
    the pair's new level, the sentence's subject."""
    s, _ = ctx.sentence(p.start)
    # a rate ("at the prevailing rate of ₹86.6 to the dollar", "$40 million a year") is no part of a whole
    # ... nor is a calibre ("155mm artillery shells and 120mm tank rounds, ... 28% of group sales")
    before = [x for x in ctx.numbers_in(s, p.start) if is_amount(x) and x.type != "percent" and x is not whole
              and facts.rate_of(x) is None and not modifier(x)
              # "which excludes the Carabinieri (€7.633 mln) and pensions, accounts for 69,5%": what is left out
              and not _EXCLUDED_BEFORE.search(ctx.text, max(s, x.start - 40), x.start)
              # "$323.71 million (roughly US$245 million) ..., nine per cent of the $3.59 billion": a restatement in
              # brackets is the part in another currency, not the part
              and not (x.start in ctx.restated or bracket_restatement(ctx, x))]
    if before and threshold(ctx, facts, before[-1]):
        return []  # "Orders below €10 m represented 61% of the total": the part is the orders, not €10 m
    if before and _set_size(ctx, before[-1]):
        return []  # "the four programmes together about 91% of the total": the size of a set whose members' figures
        # make the part, not the part
    if before and before[-1].start in pairs.deltas and _AND_SHARE_VERB.match(ctx.text, before[-1].end, p.start) and \
            not facts.g.regex(_CHANGE_NAMED_AFTER).match(ctx.text, p.end):
        return []  # "procurement grows by €16.8 billion and will account for 27.06% of the defence budget": the subject
        # of the second verb is the level, not given; the size of the change is no part of it (but "a reduction of 1
        # trillion won, or 62.5 percent of the original commitment" is the change's own share of its base)

    # "shrink by 1 trillion won from the 1.6 trillion won agreed, to ... 35 percent of": a comparison's base is not the
    # part (but "more than £400 million, equivalent to about 4.4% of" is a hedged part)
    before = [x for x in before if x.hedge or not base_position(ctx, x)]
    opening = JOINED_OPENING.match(ctx.text, ctx.sentence(p.start)[0], p.start)
    if opening is not None:
        before = [x for x in before if x.start >= opening.end()]
    out: list[tuple[Mention, list[Evidence]]] = []
    if before and SHARE_OPENS_CLAUSE.search(ctx.text, max(before[-1].end, p.start - 40), p.start) and \
            whole is not None and p.end <= whole.start:
        before = []  # "Headcount rose by 300, and about half of the 4,000 staff now work in Bristol": a share opening a
        # clause of its own has its part named by that clause's words
    if before and _NEW_SUBJECT.search(ctx.text, before[-1].end, p.start):
        # "Those 322 jets now exceed the 234 ordered by France, and exports account for 58% of the 556": the figures
        # before belong to another clause; the share's part is named by its own clause's subject
        before = []
    if len(before) >= 3 and all(_BRACKET_AROUND.search(ctx.text, max(s, x.start - 25), x.start)
                                and ctx.text[x.end:x.end + 1] == ")" for x in before[-3:]) \
            and all(x.type == before[-1].type and x.unit == before[-1].unit for x in before[-3:]):
        # "The five biggest spenders – the US ($997bn), China ($314bn), ... and India ($86.1bn) – accounted for 60% of
        # the total": the part is the list, not its last item
        before = []
    if before and any(y.type == "percent" and y is not p and _OWN_SHARE_GAP.fullmatch(ctx.text, before[-1].end, y.start)
                      for y in ctx.numbers_in(before[-1].end, p.start)):
        # "Of the total, $17.4 billion, or 77%, comes from abroad, and about 58% of the backlog is due in 2026": the
        # figure before has its own share; this share's part is another, named by words if at all
        before = []
    if not before:  # "Military aid therefore accounts for two-thirds of the total": a part named by words
        return _named_parts(ctx, facts, p, whole)
    if before[-1] not in outside_closed_aside(ctx, before[-1:], s, p.start) and \
            (said := _SUBJECT_END.search(ctx.text, before[-1].end, p.start)) is not None:
        # "220 Rafale – 164 for export customers and 56 for France – meaning that export customers now account for
        # almost three quarters": after a closed aside, a share whose clause names its part by words is of that part,
        # not of the aside's last item
        opener = _CLAUSE_OPENER.search(ctx.text, before[-1].end, said.start())
        return _named_parts(ctx, facts, p, whole, opener.end() if opener is not None else None)
    if before[-1].start in pairs.deltas and whole is not None and before[-1].end <= whole.start and \
            ctx.sent_index(before[-1].start) == ctx.sent_index(p.start) and \
            _LEVEL_CLAUSE_JOIN.search(ctx.text, before[-1].end, p.start):
        return []  # "The F-35A inventory grew by eight aircraft, so that two-thirds of the 27 F-35As ordered have now
        # been received": the size of a change is no part of the whole; the level it reached is, and the text does
        # not give it
    if before and _count_of_named_items(ctx, facts, p, before[-1], whole):
        return []  # "The two packages still under way, fuel and aprons, make up roughly 41% of the total": a count of
        # items the text then names is how many they are; the share is of their amounts, which it does not give
    if before:
        x = before[-1]
        gap = ctx.text[x.end:p.start]
        # "13.45% of the total Union Budget of Rs 50,65,345 crore ..., and 1.91% of the projected GDP": the figure
        # before is the whole of the share before; this share is of that share's part (a parallel share)
        for c in reversed(ctx.claims):
            if c.kind != "share" or not c.readings or c.stated is None or c.stated.start >= p.start or \
                    ctx.sent_index(c.stated.start) != ctx.sent_index(p.start):
                continue
            ops = c.readings[0].operands
            if len(ops) == 2 and ops[1] is x and c.readings[0].formula == "share":
                return [(ops[0], [Evidence("parallel", f"{p.text}, like {c.stated.text} before it, is of {ops[0].text}",
                                           1.0)])]
            break
        if whole is not None and _another_shares_whole(ctx, x):
            return []  # "29% of our 2024 graduate intake of 210 (61 people) and 24% of our 330 new apprentices": the
            # figure before is another share's whole (or its amount), and no share of it was read: this part is not given
        if len(gap) < 70 and not regex.search(r"[;]|\b(?:while|whereas)\b", gap):
            olds = pairs.with_old(x)
            if olds:
                out.append((olds[0].new, [Evidence("subject", f"{olds[0].new.text}, the level the sentence is about",
                                                   1.0)]))
                out.append((x, [Evidence("set-off", f"{p.text} follows {x.text}", 0.0)]))
            else:
                out.append((x, [Evidence("set-off", f"{p.text} follows {x.text}", 1.0)]))
    return out


def _deals_of_things(facts: Facts, part: Mention, whole: Mention) -> bool:
    """Is ``part`` a count of deals or batches (linking words deal_nouns, grouping_nouns), or of the parties things go
    to (the noun class party: "540 went to customers in 33 countries, some 72% of production"), and ``whole`` a count
    of other things?"""
    if not (part.type == whole.type == "count" and bool(part.unit) and not part.inferred and bool(whole.unit) and
            part.unit != whole.unit):
        return False
    if any(facts.g.word_pattern(w).fullmatch(part.unit or "") for w in ("deal_nouns", "grouping_nouns")):
        return True
    vocab = facts.ctx.vocab
    return noun_class(vocab, part.unit) == "party" and noun_class(vocab, whole.unit) != "party"


def _year_named_apart(ctx: Ctx, part: Mention, whole: Mention) -> bool:
    """Does the part's sentence name a year that the whole's sentence (another one) does not ("In calendar year 2024,
    Canada's NATO-reported spending was $41.0 billion, or 1.37% of GDP" after "a projected GDP of $3,135 billion" this
    fiscal year)? Then the whole may be of another year."""
    sp, sw = ctx.sent_index(part.start), ctx.sent_index(whole.start)
    if sp == sw:
        return False
    years = set(_YEAR_IN_TEXT.findall(ctx.text, *ctx.sents[sp]))
    return bool(years) and not years & set(_YEAR_IN_TEXT.findall(ctx.text, *ctx.sents[sw]))


_YEAR_IN_TEXT = LazyPattern(r"(?<![\d.,])(?:19|20)\d\d(?!\d)(?![.,]\d)")


def _target_figure(ctx: Ctx, facts: Facts, x: Mention) -> bool:
    """Is ``x`` a target or a forecast: a word of one (linking words forecast_words, or target, goal, plan, aim...)
    in its clause before it ("Management set a goal of $8 billion in revenue by 2030", "is aiming for revenue of A$2.5
    billion in FY28", "the target is an operating margin of around 20%")?"""
    from .dates import document_date

    doc, hit = document_date(ctx), _YEAR_RIGHT_AFTER.match(ctx.text, x.end)
    if doc is not None and hit is not None and int(hit.group("y")) <= doc.last.year:
        return False  # "Revenue is expected to total about $19.4 billion in 2023" in a release of 2023: an estimate of
        # the period, no target
    s = ctx.sentence(x.start)[0]
    a = max(s, x.start - 80, ctx.text.rfind(";", s, x.start) + 1)
    # (the word's own figure, none between: not "Revenue target of around €1 billion by 2030, nearly three times the
    # €361.3 million of 2024")
    a = max([a] + [y.end for y in ctx.numbers_in(a, x.start) if is_amount(y)])
    return bool(_TARGET_WORDS.search(ctx.text, a, x.start)) or \
        facts.g.word_pattern("forecast_words").search(ctx.text, a, x.start) is not None or \
        facts.g.regex(_FORECAST_CLAUSE_AFTER).match(ctx.text, x.end, ctx.sentence(x.start)[1]) is not None


# "the €1.2 billion of revenue analysts expect for that year", "sales of $420 million forecast for 2026": a clause right
# after the figure (no comma, no figure between) that says it is expected (not "... expected to double": what is
# expected then is the figure's change)
_FORECAST_CLAUSE_AFTER = (r"(?:\s+(?:of\s+)?[\p{L}'’-]+){0,4}?\s+(?:@forecast_words)(?![\p{L}])(?!\s+to\b)"
                          r"(?!\s+(?:a|an|the|its|their|to)\b)")


def _future_figure(ctx: Ctx, x: Mention) -> bool:
    """Is ``x`` dated, right after it, to a year after the release's own ("€30 billion in 2029", "to €6bn by 2030")?"""
    from .dates import document_date

    doc = document_date(ctx)
    hit = _YEAR_RIGHT_AFTER.match(ctx.text, x.end)
    return doc is not None and hit is not None and int(hit.group("y")) > doc.last.year


_TARGET_WORDS = LazyPattern(r"\b(?:target|targets|goal|goals|plan|plans|objective|ambition|aim|aims|aiming|forecast|"
                            r"guidance|projection|requirement)\b", regex.I)
_YEAR_RIGHT_AFTER = LazyPattern(r"\s*(?:\([^()]{0,30}\)\s*)?,?\s*(?:in|by|for)\s+(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)?"
                                r"(?P<y>(?:19|20)\d\d)\b", regex.I)


def _respective_partitive(ctx: Ctx, p: Mention) -> tuple[Mention, Mention] | None:
    """For the k-th percent of a list closed by "respectively", the k-th "X of (the) Y" of its sentence before the list,
    when the two counts agree."""
    s, e = ctx.sentence(p.start)
    figs = ctx.numbers_in(max(s, p.start - 400), min(e, p.end + 400))  # (a bounded window: linear on any sentence)
    k = next((i for i, x in enumerate(figs) if x is p), None)
    if k is None:
        return None
    lo = k
    while lo > 0 and figs[lo - 1].type == "percent" and _LIST_GAP.fullmatch(ctx.text, figs[lo - 1].end, figs[lo].start):
        lo -= 1
    hi = k
    while hi + 1 < len(figs) and figs[hi + 1].type == "percent" and _LIST_GAP.fullmatch(ctx.text, figs[hi].end,
                                                                                      figs[hi + 1].start):
        hi += 1
    if hi == lo or not _RESPECTIVELY_AFTER.match(ctx.text, figs[hi].end):
        return None
    pairs = [(x, y) for x, y in zip(figs[:lo], figs[1:lo], strict=False) if is_amount(x) and is_amount(y) and x.type != "percent"
             and _OF_ITS_WHOLE.fullmatch(ctx.text, x.end, y.start) and _sum_comparable(ctx, x, y)]
    if len(pairs) != hi - lo + 1:
        return None
    return pairs[k - lo]


_LIST_GAP = LazyPattern(r"\s*(?:,\s*(?:and\s+)?|and\s+)", regex.I)
_RESPECTIVELY_WORD = LazyPattern(r"\brespectively\b", regex.I)


def _another_shares_whole(ctx: Ctx, x: Mention) -> bool:
    """Is ``x`` the whole an earlier percent of its sentence is "of" ("29% of our graduate intake of 210", "40% of
    sales of €2.0bn"), or that share's amount in brackets after it ("... of 210 (61 people)")?"""
    s, _ = ctx.sentence(x.start)
    ys = [y for y in ctx.numbers_in(max(s, x.start - 90), x.start) if y.type == "percent"]
    return bool(ys) and _OF_ANOTHER_SHARE.fullmatch(ctx.text, ys[-1].end, x.start) is not None


_WITHIN_BEFORE = LazyPattern(r"\bwithin\s+(?:(?:about|around|roughly|some|just|only|less\s+than|under)\s+)?$", regex.I)
_OF_ANOTHER_SHARE = LazyPattern(r"\s+of\s+[^,;()%]{0,60}?(?:\s*\(\s*)?", regex.I)
_BRACKET_AROUND = LazyPattern(r"\(\s*(?:[\p{L}-]+\s+){0,3}$")  # "China (an estimated $314bn)": an item's figure in brackets
# between a figure and its own share: "$17.4 billion, or 77%", "$17.4 billion (77%)"
_OWN_SHARE_GAP = LazyPattern(r"\s*(?:,\s*or|\(|,\s*(?:equal|equivalent)\s+to|,\s*i\.e\.)\s*(?:(?:about|around|some|roughly|nearly|"
                             r"almost|just\s+over|just\s+under)\s+)?", regex.I)


def _other_specific_thing(ctx: Ctx, a: str, b: str) -> bool:
    """Are two counted nouns two different specific things (tanks and howitzers), neither the name of a class?"""
    if not regex.fullmatch(r"[\p{Ll}-]+", b):
        return False  # ("48 howitzers, 24 K9A1 and 24 K9A2": a designation is a kind of the total's thing)
    a, b = a.lower().rstrip("s"), b.lower().rstrip("s")
    ca, cb = noun_class(ctx.vocab, a), noun_class(ctx.vocab, b)
    return a != b and ca is not None and cb is not None and ca != a and cb != b


_POSSESSIVE_NAME = LazyPattern(r"(\p{Lu}[\p{L}&.-]*(?:\s+(?:&\s+)?\p{Lu}[\p{L}&.-]*)*)['’]s\s")


def _owner_before(ctx: Ctx, x: Mention) -> str | None:
    """The possessor named before a figure in its clause ("Raytheon's operating profit rose to ...")."""
    clause = ctx.text[max(ctx.sentence(x.start)[0], x.start - 80):x.start]
    cut = max(clause.rfind(","), clause.rfind(";"), clause.rfind(" while "), clause.rfind(" and "))
    hits = list(_POSSESSIVE_NAME.finditer(clause, max(0, cut)))
    return hits[-1].group(1) if hits else None


_EXCLUDED_BEFORE = LazyPattern(r"\b(?:excludes?|excluding|except|other\s+than|without|apart\s+from|net\s+of)\b[^,;.\d]{0,35}$",
                     regex.I)
_NEW_SUBJECT = LazyPattern(r"[;]|,\s*(?:and|but|while|whereas|with|so|thus|hence|therefore)\s+"
                           r"(?!(?:about|around|some|roughly|nearly|almost|over|under|just|more|less|approximately|that)\b)\p{L}",
                           regex.I)
_SUBJECT_END = LazyPattern(r"\s*(?:(?:thus|therefore|now|alone|so|together|still|already)\s+)*(?:accounts?\s+for|accounted\s+for|"
                           r"accounting\s+for|makes?\s+up|made\s+up|represents?|represented|is|are|was|were|equals?|"
                           r"(?:is|was)\s+(?:equal|equivalent)\s+to|comes?\s+to|came\s+to|amounts?\s+to)\s+"
                           r"(?:(?:about|around|some|roughly|nearly|almost|just|over|more\s+than|less\s+than|under)\s+)*$",
                           regex.I)


def _named_parts(ctx: Ctx, facts: Facts, p: Mention, whole: Mention | None, subject_from: int | None = None
                 ) -> list[tuple[Mention, list[Evidence]]]:
    """The part of a share named only by the words of its subject ("Military aid accounts for two-thirds of the
    total", "The deficit is equal to 5.9% of the budget"): a figure of the three sentences before whose clause
    has those words (with ``subject_from``, the subject starts there, and the figures of its own sentence before it
    count too). Found by words, so never explicit."""
    from ..extract.lexicon import STOP_WORDS

    s, _ = ctx.sentence(p.start)
    if subject_from is not None:
        s = subject_from
    verb = _SUBJECT_END.search(ctx.text, s, p.start)
    if verb is None:
        return []
    subject = ctx.text[s:verb.start()]
    words = {w for w in regex.findall(r"[\p{L}][\p{L}\p{N}'’-]{2,}", subject)
             if w.lower() not in STOP_WORDS and not w.lower().endswith(("'s", "’s"))} | \
        {w[:-2] for w in regex.findall(r"[\p{L}][\p{L}\p{N}-]{2,}['’]s", subject)}
    if not words or len(subject) > 80:
        return []
    si = ctx.sent_index(p.start)
    lo = ctx.sents[max(0, si - 3)][0]
    year = facts.periods.subject_year(subject)  # "This year's budget": not next year's

    def candidates(ws: set[str]) -> list[tuple[Mention, float]]:
        # not the base of a comparison ("a growth of 16.7% over Rs 1,08,684 crore"): an earlier level, not a part
        return [(x, n) for x, n in facts.figures_named(ws, lo, s).values()
                if lo <= x.start < s and x.type != "percent" and x is not whole and not ctx.is_stated(x)
                and not base_position(ctx, x)]

    named = candidates(words)
    if year is not None:  # a figure of another year (said of it anywhere it is written) is not the part
        named = [(x, n) for x, n in named if not (facts.periods.years_of_value(x) - {year})]
    if not named:
        return []
    best = max(n for _, n in named)
    top = [x for x, n in named if n == best]
    if len({(x.type, x.unit, x.value) for x in top}) != 1:
        return []  # two figures answer to the name: no part
    x = top[-1]
    # the words must name it, not brush it: at least half of the subject's words are said around it ("Defence public
    # sector undertakings and other PSUs" is not named by "defence exports touched Rs 21,083 crore")
    said = sum(1 for w in words if any(y is x for y, _ in candidates({w})))
    if 2 * said < len(words):
        return []
    return [(x, [Evidence("names-part", f"'{' '.join(subject.split())}' names {x.text}", 1.0 + 0.5 * best)])]


_FEWER_AFTER = LazyPattern(r"\s+(?:[\p{L}-]+\s+)?(?:fewer|less|more)\b(?!\s+than\b)", regex.I)
_FEWER_INSIDE = LazyPattern(r"\S+\s+(?:fewer|less|more)\b(?!\s+than\b)", regex.I)


def _wholes(ctx: Ctx, facts: Facts, p: Mention, part: Mention, whole: Mention | None, pairs: Pairs,
            over: bool = False) -> list[tuple[Mention, list[Evidence]]]:
    """The wholes ``p`` may be a share of, with their evidence; a given ``whole`` below the part only when ``over``
    (a target met more than in full: "28,711 recruits against a goal of 28,300, or 101.5 percent")."""
    if whole is not None:
        if _sum_comparable(ctx, part, whole) and (over or abs(whole.value or 0) >= abs(part.value or 0) * 0.999):
            return [(whole, [])]
        return []
    # a whole named only by words: "of the ceiling", "of the group figure", "of the total"
    # (a year may open it: "of 2024 revenue", "of fiscal 2025 sales")
    named = regex.match(r"\s*(?:of|among)\s+((?:(?:(?:fiscal|financial|FY)\s?)?(?:19|20)\d\d\s+)?(?:\p{L}[\p{L}'’-]*[^\S\n]*){1,5})",
                        ctx.text[p.end:p.end + 60])
    words = set()
    meas = None
    if named:
        words = {w.lower()[:5] for w in regex.findall(r"\p{L}{3,}", named.group(1))} - {"the", "its", "their"}
        line_end = ctx.text.find("\n", p.end)
        end = p.end + 5 + len(named.group(0))
        hits = facts.measure_hits_in(p.end, min(end, line_end) if line_end >= 0 else end)
        meas = hits[0].measure if hits else None  # "188% of net earnings": a whole of that measure
    if meas is not None and part.type in ("count", "number") and named is not None and \
            _MONEY_WHOLE.search(named.group(1)):
        return []  # "18 of the 32 members at or above 2% of GDP": a share of a sum of money is no share of counts
    back_only = named is not None and _DEMONSTRATIVE.match(named.group(1)) is not None
    cands = [x for x in ctx.window(p, before=4, same_para=False) if x is not part and is_amount(x)
             # ("less than a quarter of that capacity, and six next year": "that" points back, not at a figure after)
             and not (back_only and x.start > p.start)
             and _sum_comparable(ctx, x, part) and abs(x.value or 0) > abs(part.value or 0)
             and magnitude(x, part) < 1000 and not same_figure(x, part)
             # (not "17% of sales ..., and the company signed $1.3 billion of new contracts": another clause's)
             and not (x.start > p.end and _NEXT_CLAUSE.search(ctx.text, p.end, x.start))
             # (nor a figure in another cell of its line: "EUR 437 million – 7.0% of net sales    EUR 483 million")
             and not _across_cells(ctx.text, min(x.end, part.end), max(x.start, part.start))
             # (nor, in rows of cells read as prose, a figure of another column: "Adjusted net sales   EUR 6,230
             # million   EUR 4,801 million" over "Self-funded R&D  ...   EUR 483 million – 10.1% of net sales")
             and not _other_column(ctx.text, x, part)
             # (not "67 aircraft represent more than a third of the program of record and 112 remain to be ordered": a
             # remainder, no whole)
             and not (x.start > p.end and (_REMAINS_AFTER.match(ctx.text, x.end) or _LEAVING_BEFORE.search(
                 ctx.text, max(p.end, x.start - 20), x.start)))
             # (nor, after the share, the whole another share names: "about 7 percent of Alabama's GDP and nearly half
             # of the Huntsville metro area's $21.56 billion GDP")
             and not (x.start > p.end and _ANOTHER_SHARE.search(ctx.text, p.end, x.start) is not None)
             # (nor, after the share, an amount said to be added: "€400 million - about 25% of the total - while
             # vehicles brought in another €2.1 billion")
             and not (x.start > p.end and (_added_item(ctx, x) or facts.g.word_pattern("additive_before").search(
                 ctx.text, max(p.end, x.start - 40), x.start)))]
    # a whole named by words may be anywhere before ("64% of the investment budget", eight paragraphs after "The
    # investment budget for the 52 aircraft is about €6.9 billion"): the figures those words name
    if words and named:
        known = {x.start for x in cands}
        for x, wt in facts.figures_named(words).values():
            if wt >= 1.0 and x.start < p.start and x.start not in known and x is not part and is_amount(x) and \
                    _sum_comparable(ctx, x, part) and abs(x.value or 0) > abs(part.value or 0) and \
                    magnitude(x, part) < 1000 and not same_figure(x, part) and not _other_column(ctx.text, x, part):
                cands.append(x)
    # a whole from another sentence counts the part's thing: "1,000 vehicles ..., a third of output" is no share of
    # "1,468 engineers" given a paragraph before (in one sentence, parts may name their things differently)
    cands = [x for x in cands if ctx.sent_index(x.start) == ctx.sent_index(part.start)
             or counts_compatible(ctx.vocab, x, part)]
    # the size of a change is no whole: "raising total appropriations is a €251 million change in the timing of
    # payments", "behind the higher order book is a £300 million jump in exports"
    cands = [x for x in cands if not (_A_CHANGE_SIZE.search(ctx.text, max(0, x.start - 4), x.start)
                                      and facts.g.regex(_CHANGE_NOUN_RIGHT_AFTER).match(ctx.text, x.end))]
    # ... nor, when words name the whole, a figure the text gives as the size of a change: "or 9.8% of net sales" is
    # no share of "an increase of EUR 106.7 million" (unless the words name a change: "60% of the increase")
    if named is not None and not back_only and not facts.g.regex(_CHANGE_NAMED_AFTER).match(ctx.text, p.end):
        cands = [x for x in cands if x.start not in pairs.deltas]
    # ... nor a difference said by a comparative right after it: "cut the requirement to 129 – less than a third of the
    # original number and 321 fewer vehicles" (321 is how many fewer, not the original number)
    cands = [x for x in cands if not _FEWER_AFTER.match(ctx.text, x.end) and not _FEWER_INSIDE.match(x.text)]
    # ... nor an amount a verb of implication governs: "the 2% target, which at current GDP would require about €37.7
    # billion" (what the target would take, not the GDP the words before it name)
    implied = facts.g.regex(_IMPLIED_BEFORE)
    cands = [x for x in cands if not implied.search(ctx.text, max(0, x.start - 40), x.start)]
    # a whole may also be in an earlier paragraph of the same release
    if meas is not None:  # a whole of that measure when the text gives one ("188% of net earnings")
        # (else not one the text gives as another measure: "66% of sales" is no share of "Order backlog of USD 25
        # billion")
        cands = [x for x in cands if facts.measure_id(x) == meas] or \
            [x for x in cands if facts.measure_id(x) is None]
    # a part and a whole the text dates to different years are no share: "the ministry's plans for 2026 point to about
    # PLN 200bn and 4.8% of GDP" after "nominal GDP of PLN 3.97tn in 2025"
    cands = [x for x in cands if not _years_differ(ctx, facts, part, x)]
    # ... nor a target of a later year than the release's ("targets revenues of about €30 billion in 2029") for a part
    # that is not one
    if not _future_figure(ctx, part) and not (named and _TARGET_WORDS.search(named.group(1))):
        cands = [x for x in cands if not _future_figure(ctx, x)]  # (but "40% of the target" is of one)
    out = []
    one_period = bool(named) and _ONE_PERIOD.search(named.group(1)) is not None
    named_end = p.end + named.end(1) if named else p.end
    for x in cands:
        ev: list[Evidence] = []
        a, b = _in_cell(ctx.text, max(0, x.start - 50), x.start, x.end, x.end + 30)
        a = max(a, named_end) if x.start >= named_end else a  # (not the named words themselves, right before it)
        ctxwords = {w.lower()[:5] for w in regex.findall(r"\p{L}{3,}", ctx.text[a:b])}
        common = words & ctxwords
        if common:
            ev.append(Evidence("names-whole", f"'{named.group(1).strip() if named else ''}' matches the words around "
                               f"{x.text}", 1.0 + 0.5 * len(common)))
        if regex.search(r"\b(?:total|in all|overall|altogether|combined|whole)\b",
                        ctx.text[max(0, x.start - 30, named_end if x.start >= named_end else 0):x.end + 20], regex.I):
            ev.append(Evidence("total-word", f"{x.text} is called a total", 1.0))
        if ctx.sent_index(x.start) != ctx.sent_index(p.start):
            ev.append(Evidence("distance", "the whole is in an earlier sentence", -0.5))
        if one_period and _SPAN_OF_YEARS.search(_clause_of(ctx, x)):
            # "72% of that year's total" against "over the four years from 2021 to 2024, contracts added up to about
            # US$47.6 billion": a whole of one period is no total over several
            ev.append(Evidence("other-span", f"'{named.group(1).strip() if named else ''}' is of one period, "
                                             f"{x.text} of several years", -3.0))
        out.append((x, ev))
    # the whole is plain when the part says "N of them" right after it, or when one figure alone has the part's
    # measure ("Air defence orders of NOK 11.2 billion ... 48% of the total" after "orders of NOK 18.1 billion")
    s0, _ = ctx.sentence(part.start)
    prev = [x for x, _ in out if x.start < part.start and ctx.sent_index(x.start) == ctx.sent_index(part.start)
            and not _subject_of_verb_before(ctx, x, part)]
    if regex.match(r"\s*(?:[\p{L}-]+\s+)?of\s+(?:them|these|those|which|whom)\b", ctx.text[part.end:part.end + 30], regex.I) \
            and prev:
        whole_x = prev[-1]
        out = [(x, ev + [Evidence("of-them", f"'{ctx.text[part.start:part.end]} of them' is part of {x.text}", 1.5, True)])
               if x is whole_x else (x, ev) for x, ev in out]
    # "Of the $850 billion request, the procurement account gets $170 billion, or 20%": the sentence opens on the whole
    # (the percent set off right after the part, not "23 are expected to spend at least 2% of GDP")
    opening = _OF_WHOLE_OPENING.match(ctx.text, s0, part.start) if part.end <= p.start and \
        _SET_OFF_PERCENT.fullmatch(ctx.text, part.end, p.start) and not OF_AFTER.match(ctx.text, p.end) else None
    if opening is not None:
        opened = [x for x, _ in out if s0 <= x.start < opening.end()]
        if len(opened) == 1:
            out = [(x, ev + [Evidence("of-the-whole", f"the sentence opens on {x.text}, the whole", 1.5, True)])
                   if x is opened[0] else (x, ev) for x, ev in out]
    # "... or 68% of the total" after "Total defence expenditure ... is estimated at $1,506 billion": a whole named
    # only "the total" is the one figure nearby the text calls a total
    if named and _GENERIC_WHOLE.fullmatch(named.group(1).strip()):
        # (not one the text says is itself a share of a larger total: "combined revenues of $317 billion, up 2.5 per
        # cent and half of the Top 100 total")
        # (nor the base of a comparison: "€1 billion more than the provisional 2023 total of €12.2 billion")
        called = [x for x, _ in out if _called_total(ctx, x, named_end) and not _share_of_more_after(ctx, x)
                  and not base_position(ctx, x)]
        if len(called) == 1:
            out = [(x, ev + [Evidence("the-total", f"{x.text} is the one figure called a total", 1.5, True)])
                   if x is called[0] else (x, ev) for x, ev in out]
    # "14.6% of segment revenue", "12.1% of divisional sales", "40% of the division's revenue": a whole of a segment,
    # which the group's figure is not: no candidate is the only whole of it unless the text gives it as a part's
    # (a segment's) figure
    of_segment = bool(named) and _names_segment(facts, named.group(1))
    pm = facts.measure_id(part)
    # ... of the part's period: "Revenue increased 12% to 9.64 billion euros (previous year: 8.6 billion)" gives one
    # revenue figure of this period; the earlier level of a pair is another period's
    part_prior = bool(pairs.with_old(part))
    # (nor the base of a comparison the text names: "Revenue grew 23% from €926 million" is last year's revenue)
    same = [x for x, _ in out if pm and facts.measure_id(x) == pm and bool(pairs.with_old(x)) == part_prior
            and (part_prior or not base_position(ctx, x))]
    generic = bool(named) and bool(regex.match(r"(?:the\s+|its\s+|their\s+)?(?:total|whole|overall|group|sum|all)\b",
                                                named.group(1).strip(), regex.I))
    # ... not one the text gives as a part of something larger ("investment reached €102bn, or 31% of all spending.
    # R&D alone came to €13bn, about 4% of the total": the total is all spending)
    if of_segment:
        same = [x for x in same if pm and _owned_measure(ctx, facts, x, pm)]
    if len(same) == 1 and (generic or meas == pm) and not (generic and _PART_OF_MORE.match(ctx.text, same[0].end)) \
            and not (pm and ctx.sent_index(same[0].start) != ctx.sent_index(part.start)
                     and _owned_measure(ctx, facts, same[0], pm)) \
            and _named_words_around(ctx, named, same[0]) and not _year_named_apart(ctx, part, same[0]) \
            and not (pm and _rival_of_measure(ctx, facts, pairs, pm, part, same[0])):
        out = [(x, ev + [Evidence("only-whole", f"the only {pm} figure it can be a share of", 1.5, True)])
               if x is same[0] else (x, ev) for x, ev in out]
    elif meas is not None and meas != pm and named is not None and _MEASURE_WHOLE.fullmatch(named.group(1).strip()):
        # "exports brought in KRW 5.1 trillion, or 48% of 2024 revenue": the whole is named by its measure alone, and
        # the text gives one figure of it (not an earlier period's level) that the part can be a share of
        # (not "$2.6 billion in the quarter, or 256% of net earnings" with the year's earnings given: a share above the
        # whole, or a part and a whole of periods of different lengths)
        named_m = [x for x, _ in out if facts.measure_id(x) == meas and not pairs.with_old(x) and not base_position(ctx, x)
                   and (not of_segment or _owned_measure(ctx, facts, x, meas))]
        sv = _share_value(p)
        pl = _period_length(ctx, part)
        if len(named_m) == 1 and not _PART_OF_MORE.match(ctx.text, named_m[0].end) and sv is not None and sv[0] <= 100 \
                and not (pl and (wl := _period_length(ctx, named_m[0])) and wl != pl) \
                and not _years_differ(ctx, facts, part, named_m[0]) and not _owned_measure(ctx, facts, named_m[0], meas) \
                and not _year_named_apart(ctx, part, named_m[0]):
            out = [(x, ev + [Evidence("only-whole", f"the only {meas} figure the whole can be", 1.5, True)])
                   if x is named_m[0] else (x, ev) for x, ev in out]
    sv = _share_value(p)
    # "Its European members accounted for $454 billion of that, or 35 per cent" after "NATO members spent $1506
    # billion": "of that" points at the one larger figure of the part's kind before it, in its sentence or the one
    # before
    if (of_that := _OF_THAT.match(ctx.text, part.end)) is not None and sv is not None and sv[0] <= 100:
        back = [x for x, _ in out if x.start < part.start and ctx.sent_index(part.start) - ctx.sent_index(x.start) <= 1]
        # (not the base of a change: "612 days at sea ..., down from 744 the previous year. The frigates accounted for
        # 241 of those days": those of the year, 612)
        back = [x for x in back if not base_position(ctx, x)]
        if of_that.group(0).split()[-1].lower() == "it" and not _OPENS_CLAUSE.fullmatch(
                ctx.text, ctx.sentence(part.start)[0], part.start):
            # "The Indo-Pacific money ... has moved the slowest: only about $2 billion of it": "it" is the subject its
            # own sentence names, not a figure of the sentence before
            back = [x for x in back if ctx.sent_index(x.start) == ctx.sent_index(part.start)]
        if back:
            pointed = max(back, key=lambda x: x.start)
            out = [(x, ev + [Evidence("of-that", f"'of that' after {part.text} points back at {x.text}", 1.5, True)])
                   if x is pointed else (x, ev) for x, ev in out]
    # "Of that amount, $758.9 million, or 67%", "About 36% of it, or $57 billion": a sentence that opens by pointing
    # back takes its whole from the sentence before, when one figure there can be it (not a comparison's base)
    if sv is not None and sv[0] <= 100 and _points_back_at_start(ctx, facts, p, part):
        back = [x for x, _ in out if ctx.sent_index(part.start) - ctx.sent_index(x.start) == 1
                and not pairs.with_old(x) and not base_position(ctx, x)]
        if len(back) == 1:
            out = [(x, ev + [Evidence("back-partitive", f"the sentence opens by pointing back at {x.text}", 1.5,
                                      True)]) if x is back[0] else (x, ev) for x, ev in out]
    # "41 percent of the department's request" after "The department requests $842 billion": every word of the named
    # whole stands around one figure only
    if named and len(words) >= 2 and sv is not None and sv[0] <= 100:
        # (not an earlier period's level: "Contract revenue, which stood at €139 million a year earlier, grew by 12.2%"
        # before "€97 million, or 62% of contract revenue" - this year's)
        full = [x for x, ev in out if any(e.cue == "names-whole" for e in ev) and words <= {
            w.lower()[:5] for w in regex.findall(r"\p{L}{3,}", _clause_of(ctx, x, 50, 30, after_pos=named_end))}
            and (part_prior or not (pairs.with_old(x) or _EARLIER_AFTER.match(ctx.text, x.end)))]
        if len(full) == 1:
            out = [(x, ev + [Evidence("names-whole-all", f"every word of '{named.group(1).strip()}' stands around "
                                                         f"{x.text} alone", 1.0, True)])
                   if x is full[0] else (x, ev) for x, ev in out]
    # "Revenues rose to €17,763 million from €15,291 million. R&D came to €2.49 billion, or 16% of revenues": the
    # earlier level of a change is another period's; while the new level is a candidate, a part not itself an earlier
    # level is no share of it
    # (one the part's own sentence compares it with stays: "save $480 million, or 4.7 percent, compared with $10.28
    # billion")
    if not part_prior and len(out) > 1:
        here = {x.start for x, _ in out}
        out = [(x, ev) for x, ev in out
               if ctx.sent_index(x.start) == ctx.sent_index(part.start)
               or not any(q.new.start in here and q.new.start != x.start for q in pairs.with_old(x))] or out
    out.sort(key=lambda t: -sum(e.weight for e in t[1]))
    return out[:3]


_EARLIER_AFTER = LazyPattern(r"\s*(?:in\s+)?(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|prior|preceding)\s+"
                             r"year|(?:in\s+)?the\s+year\s+before|last\s+year)\b", regex.I)
_BACK_OPENER = r"\W*of\s+(?:@back_pointers(?:\s+@back_nouns)?|the\s+@back_nouns)\s*[,–—-]?\s*(?:[\p{L}-]+\s+){0,2}"
_BACK_AFTER = r"\s+of\s+@back_pointers(?![\p{L}\p{N}])\s*[,–—;]"


def _points_back_at_start(ctx: Ctx, facts: Facts, p: Mention, part: Mention) -> bool:
    """Does the sentence of ``p`` and ``part`` open by pointing back at a figure before it: "Of that amount, X, or P%",
    "Of this, X – P –" (the part first), "About P of it, or X" (the share first, a word or two before it)?"""
    s0, _ = ctx.sentence(part.start)
    if ctx.sent_index(p.start) != ctx.sent_index(part.start) or s0 == 0:
        return False
    first = min(part, p, key=lambda x: x.start)
    if first is part:
        return bool(facts.g.regex(_BACK_OPENER).fullmatch(ctx.text, s0, part.start))
    return bool(regex.fullmatch(r"\W*(?:[\p{L}-]+\s+){0,2}", ctx.text[s0:p.start])) and \
        bool(facts.g.regex(_BACK_AFTER).match(ctx.text, p.end))


def _measure_word_before(ctx: Ctx, facts: Facts, x: Mention, meas: str, reach: int) -> Any:
    """The last word of the measure ``meas`` (linking words measures) in the ``reach`` characters before ``x``, in its
    sentence (a match), or None."""
    words = ((facts.g.vocab.get("linking") or {}).get("measures") or {}).get(meas) or []
    if not words:
        return None
    s0 = ctx.sentence(x.start)[0]
    hits = list(word_pattern_of(tuple(str(w) for w in words)).finditer(ctx.text, max(s0, x.start - reach), x.start))
    return hits[-1] if hits else None


def _kind_of_sales(ctx: Ctx, facts: Facts, x: Mention) -> str | None:
    """The kind a sales figure's measure word is qualified by right before it ("subscription revenue", "service sales":
    linking words sales_kinds), or None."""
    hit = _measure_word_before(ctx, facts, x, "sales", 80)
    if hit is None:
        return None
    before = _WORD_BEFORE.search(ctx.text, ctx.sentence(x.start)[0], hit.start())
    if before is None:
        return None
    w = before.group(1).lower()
    return w if facts.g.word_pattern("sales_kinds").fullmatch(w) else None


def _owned_measure(ctx: Ctx, facts: Facts, x: Mention, meas: str) -> bool:
    """Is the measure word before ``x`` said of a part by a name or a segment word before it ("Helicopter revenues
    passed €5 billion", "Leonardo DRS revenues of", "the segment's sales of")? Then ``x`` is a part's figure, not
    the whole a share "of revenues" is of."""
    hit = _measure_word_before(ctx, facts, x, meas, 120)
    if hit is None:
        return False
    s0 = ctx.sentence(x.start)[0]
    if _narrowed_after(facts, ctx.text, hit.end()):
        return True  # "sales elsewhere ... represented about EUR 480 million", "revenue in Asia reached $300 million"
    if hit.start() < x.start - 80:
        return False
    before = _WORD_BEFORE.search(ctx.text, s0, hit.start())
    if before is None:
        return False
    w = before.group(1)
    if facts.g.word_pattern("segment_words").fullmatch(w.lower()) or w.lower().endswith(("'s", "’s")):
        return w.lower().rstrip("'’s") not in _NOT_OWNERS
    return w[:1].isupper() and w.lower() not in _NOT_OWNERS


def _narrowed_whole(ctx: Ctx, facts: Facts, x: Mention) -> bool:
    """Is ``x`` a figure of a measure said of a part ("Revenue in Asia reached $3 billion", "sales elsewhere ...
    represented about EUR 480 million")?"""
    m = facts.measure_id(x)
    return m is not None and _owned_measure(ctx, facts, x, m)


def _narrowed_after(facts: Facts, text: str, pos: int) -> bool:
    """Is the measure word ending at ``pos`` narrowed to a part by what follows it: a word of linking words
    narrowing_after ("sales elsewhere", "revenue abroad", "sales outside Europe") or a place or customer named after
    "in", "to" or "from" ("revenue in Asia", "sales to the Navy")?"""
    at = _SPACES_AFTER.match(text, pos).end()  # type: ignore[union-attr]
    if facts.g.word_pattern("narrowing_after").match(text, at):
        return True
    place = _PLACE_AFTER.match(text, at)
    return place is not None and place.group(1).lower() not in MONTHS


_SPACES_AFTER = LazyPattern(r"\s*")
_PLACE_AFTER = LazyPattern(r"(?:in|to|from)\s+(?:the\s+)?(\p{Lu}\p{Ll}{2,})\b")


def _names_segment(facts: Facts, words: str) -> bool:
    """Does a whole named by words name a segment's figure: a segment word in it ("segment revenue", "divisional
    sales"), or a segment word's possessive ("the division's revenue")? (linking words segment_words)"""
    bare = regex.sub(r"['’]s(?![\p{L}\p{N}])", "", words)  # "the division's" -> "the division"
    bare = regex.sub(r"(?<=\p{L}{4})al(?![\p{L}\p{N}])", "", bare)  # "divisional" -> "division"
    return facts.g.word_pattern("segment_words").search(bare) is not None


_WORD_BEFORE = LazyPattern(r"([\p{L}][\p{L}\p{N}'’&.-]*)\s+$")
_WORDS_BEFORE = LazyPattern(r"(?:[\p{L}][\p{L}-]*\s+){1,3}$")
_NOT_OWNERS = {"the", "its", "their", "our", "group", "total", "company", "consolidated", "net", "annual", "full-year",
               "quarterly", "reported", "organic", "overall", "combined", "it", "group's", "company's", "first-half",
               "half-year", "second-half", "first-quarter", "second-quarter", "third-quarter", "fourth-quarter",
               "nine-month", "record", "higher", "lower", "strong", "stronger", "rising", "falling", "increased",
               "new", "this", "that", "adjusted", "underlying", "gross", "operating", "all", "and", "but", "while",
               "whereas", "yearly", "monthly", "fiscal", "financial", "in", "of", "for", "with", "as", "at", "by"}


_SEGMENT_OWNER = LazyPattern(r"\b(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+['’]s?\s+(?:[\p{L}-]+\s+){0,2}?$", regex.I)
_LEAVING_BEFORE = LazyPattern(r"\b(?:leaving|leaves|left\s+with|with\s+the\s+remaining|the\s+remaining|the\s+rest,?)\s+"
                              r"(?:about\s+|some\s+|roughly\s+|nearly\s+)?$", regex.I)
_REMAINS_AFTER = LazyPattern(r"\s+(?:\p{L}+\s+)?(?:remain|remains|remaining|are\s+left|left|still\s+to|to\s+be\s+(?:ordered|delivered|"
                             r"built|bought))\b", regex.I)
# a part that opens its sentence, a hedge at most before it ("About $2bn of it came from Korea")
_OPENS_CLAUSE = LazyPattern(r"\W*(?:(?:only|about|some|roughly|around|nearly|almost|approximately|more\s+than|less\s+than|"
                            r"just\s+over|just\s+under|over|under|and|but|so)\s+)*", regex.I)
_OF_THAT = LazyPattern(r"\s+of\s+(?:that|this|it|those|these)\b(?!\s+(?:year|quarter|month|period|amount|figure|sum)\b)",
                       regex.I)


def _years_differ(ctx: Ctx, facts: Facts, part: Mention, whole: Mention) -> bool:
    """Are a part and a whole dated to different years ("since 2022, when it stood at PLN 97.4 billion, or 2.2% of
    GDP" against "2026 GDP at roughly PLN 4.16 trillion")?"""
    from .change import _since_year

    yp = facts.periods.year_of(part) or _since_year(ctx, part)
    yw = facts.periods.year_of(whole) or _since_year(ctx, whole)
    return yp is not None and yw is not None and yp != yw


_UNCOUNTED_ITEM = LazyPattern(r"\b(?:and|plus|with)\s+(?:(?:later|other|further|subsequent|additional|more|smaller|several|"
                              r"some)\s+)(?:[\p{L}-]+\s+)?(?:additions|orders|purchases|buys|deliveries|transfers|batches|"
                              r"contracts|items|options|others)\b", regex.I)
_NEXT_CLAUSE = LazyPattern(r"[;.]\s|,\s+and\s+(?:the|a|an|its|their|it|they|we|he|she)\b|,\s+(?:while|whereas|but|although)\b",
                           regex.I)
_PART_OF_MORE = LazyPattern(r"(?:\s+in\s+\d{4})?\s*,?\s*(?:or|about|some|roughly|nearly|almost)?\s*(?:about\s+)?\d[\d.,]*\s*"
                            r"(?:%|per\s?cent|percent)\s+of\b", regex.I)
# a whole named by a measure and nothing else: "revenue", "2024 revenue", "the year's sales", "group order intake"
_MEASURE_WHOLE = LazyPattern(r"(?:(?:the|its|their)\s+)?(?:(?:(?:fiscal|financial|FY)\s?)?(?:19|20)\d\d\s+|(?:the\s+)?(?:year|quarter|"
                             r"half)['’]s\s+|(?:total|group|annual|full-year|consolidated)\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?", regex.I)
_GENERIC_WHOLE = LazyPattern(r"(?:the|its|their)\s+(?:total|whole|sum)(?:\s+(?:figure|amount|value|number))?"
                   r"(?:\s+(?:in|for|at|this|that|last|so|as|and|but|while|with|by|over|to|across)\b.*)?", regex.I)
_RESPECTIVELY_AFTER = LazyPattern(r"\s*,?\s*(?:\([^()]*\)\s*)?respectively\b", regex.I)
_A_CHANGE_SIZE = LazyPattern(r"\b(?:an?|the)\s+$", regex.I)
_CHANGE_NOUN_RIGHT_AFTER = r"\s+(?:[\p{L}-]+\s+)?@change_nouns(?![\p{L}])"
_TOTAL_AFTER = LazyPattern(r"\s*(?:in\s+total|in\s+all|altogether|combined|overall|all\s+told)\b", regex.I)
_TOTAL_BEFORE = LazyPattern(r"\b(?:total|combined|overall|aggregate)\b[^,;:()\d]{0,70}$", regex.I)


def _share_of_more_after(ctx: Ctx, x: Mention) -> bool:
    """Does ``x``'s clause, after it, say it is a share of something larger ("$317 billion, up 2.5 per cent and half of
    the Top 100 total", "€4 billion, about 40% of the group's intake")?"""
    _, e = ctx.sentence(x.start)
    return _SHARE_OF_MORE.match(ctx.text, x.end, min(e, x.end + 80)) is not None


_SHARE_OF_MORE = LazyPattern(r"(?:[^;.]|(?<=\d)\.(?=\d))*?(?:\d[\d.,]*\s*(?:%|per\s?cent|percent)|\bhalf|\ba\s+third|"
                             r"\ba\s+quarter|\ba\s+fifth|"
                             r"\ba\s+tenth|\btwo[- ]thirds|\bthree[- ]quarters)\s+of\s+(?:the|all|its|their|his|her)\b",
                             regex.I)


def _named_words_around(ctx: Ctx, named: Any, x: Mention) -> bool:
    """Does every word that qualifies the whole the share names ("total government expenditure": government) stand
    around ``x`` ("global defence expenditure of $2.44 trillion" has no "government")?"""
    if not named:
        return True
    stems = {w.lower()[:5] for w in regex.findall(r"\p{L}{4,}", named.group(1))} - _GENERIC_STEMS
    around = ctx.text[max(0, x.start - 80):x.end + 40].lower()
    return all(st in around for st in stems)


_GENERIC_STEMS = frozenset({"total", "whole", "overa", "group", "annua", "their", "combi", "entir", "figur", "amoun",
                            "level", "value", "year", "fisca", "this", "that", "last"})


def _called_total(ctx: Ctx, x: Mention, since: int = 0) -> bool:
    """Does the text call ``x`` a total: "1,000 vehicles in all", "€8 billion combined", "Total defence expenditure
    ... is estimated at $1,506 billion" (the word in x's clause before it, no figure or clause break between; not
    before ``since``, where the share naming "the total" ends)?"""
    s0, _ = ctx.sentence(x.start)
    return bool(_TOTAL_AFTER.match(ctx.text, x.end, x.end + 25)) or \
        bool(_TOTAL_BEFORE.search(ctx.text, max(s0, x.start - 90, since if since <= x.start else 0), x.start))


# ---------------------------------------------------------------------------------------------- margins
_OF_ITS_WHOLE = LazyPattern(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|all|our|his|her|this|these|those|last|next)\s+)?"
                            r"(?:[\p{L}-]+['’]s\s+)?", regex.I)


def _base_of_a_percent(ctx: Ctx, x: Mention) -> bool:
    """Is ``x`` the base of a percent change right before it ("up 11% on €1.80", "a rise of 7% over 42 pence"): a
    base by position, the figure before it in its sentence a percent, only a few words between?"""
    if not base_position(ctx, x):
        return False
    before = ctx.numbers_in(max(ctx.sentence(x.start)[0], x.start - 40), x.start)
    return bool(before) and before[-1].type == "percent" and \
        regex.fullmatch(r"[^\d,;:()]{1,25}", ctx.text[before[-1].end:x.start]) is not None


def _partitive_part(ctx: Ctx, whole: Mention) -> Mention | None:
    """"31 of the 46 parts", "214 of this year's 712 new apprentices": the figure right before ``whole`` that is "of" it,
    of its kind and no larger."""
    s0, _ = ctx.sentence(whole.start)
    prev = [x for x in ctx.numbers_in(max(s0, whole.start - 80), whole.start) if is_amount(x) and x.type != "percent"]
    if prev and _OF_ITS_WHOLE.fullmatch(ctx.text, prev[-1].end, whole.start) and _sum_comparable(ctx, prev[-1], whole) \
            and abs(prev[-1].value or 0) <= abs(whole.value or 0):
        return prev[-1]
    return None


def _of_the_whole(ctx: Ctx, part: Mention) -> Mention | None:
    """"Of the roughly A$9 billion in economic value ..., A$5.7 billion – almost two-thirds –": a sentence that
    opens with "Of the W" names the whole its first figure is a part of."""
    s0, _ = ctx.sentence(part.start)
    before = [x for x in ctx.numbers_in(s0, part.start)]
    if len(before) != 1 or not is_amount(before[0]) or before[0].type == "percent":
        return None
    w = before[0]
    # ("Of Europe's €72.0bn we estimate that €41bn had reached Ukraine": a possessive, and words for the comma)
    if not (regex.fullmatch(r"\W*of\s+(?:the|its|their|all|this|these|[\p{Lu}][\p{L}-]*['’]s)?\s*(?:(?:about|around|some|"
                            r"roughly|nearly|almost|approximately|more\s+than|over|close\s+to)\s+)?", ctx.text[s0:w.start], regex.I)
            and regex.fullmatch(r"[^,;:()]{0,120}(?:,\s*|\s)", ctx.text[w.end:part.start])):
        return None
    return w if _sum_comparable(ctx, w, part) and abs(w.value or 0) > abs(part.value or 0) else None


_OF_WHICH = LazyPattern(r"\b(?:of\s+which|of\s+whom|of\s+these|of\s+them|of\s+this)\b", regex.I)


def _whole_of_which(ctx: Ctx, part: Mention) -> Mention | None:
    """"300 aircraft a year, of which 250 are TB2s (83%) and 50 are AKINCIs (17%)": the whole of a part listed
    after "of which" is the last figure of its kind before the cue; the parts listed between count for nothing."""
    s0, _ = ctx.sentence(part.start)
    cues = list(_OF_WHICH.finditer(ctx.text, s0, part.start))
    if not cues or ";" in ctx.text[cues[-1].end():part.start]:
        return None
    cue = cues[-1]
    if _owned_cue(ctx, cue.start(), part):
        return None  # "about 450 of them, nearly 40%, and Australia's 27": the cue is 450's, a part of its own
    between = [x for x in ctx.numbers_in(cue.end(), part.start) if is_amount(x)]
    if any(x.type != "percent" and not _sum_comparable(ctx, x, part) for x in between):
        return None  # another kind of figure in between: the cue may belong to another clause
    before = [x for x in ctx.numbers_in(s0, cue.start()) if is_amount(x) and x.type != "percent"]
    if not before or not regex.fullmatch(r"[^;()]{0,40}", ctx.text[before[-1].end:cue.start()]):
        return None
    w = before[-1]
    return w if _sum_comparable(ctx, w, part) and abs(w.value or 0) > abs(part.value or 0) else None


def _prior_of(pairs: Pairs, x: Mention) -> Pair | None:
    """The pair that gives ``x``'s figure for the earlier period, when its grammar is explicit ("SEK 1,618m
    (1,255)", "to 6.7 percent from 7.7 percent")."""
    for pr in sorted(pairs.at_new(x), key=lambda pr: abs(pr.start - x.start))[:2]:
        if any(e.explicit for e in pr.evidence):
            return pr
    return None


def _earlier_ratio_holds(pairs: Pairs, earlier: Mention, n: Mention, d: Mention) -> bool:
    """Do the earlier-period values of ``n`` and ``d`` (their pairs' old levels) give the earlier margin?"""
    pn, pd = _prior_of(pairs, n), _prior_of(pairs, d)
    if pn is None or pd is None or not pd.old.value or earlier.value is None or pn.old.value is None:
        return False
    return abs(pn.old.value / pd.old.value * 100 - earlier.value) <= (earlier.half_step or 0.05) + 1e-9


def _prior_period(ctx: Ctx, pairs: Pairs, n0: int) -> None:
    """"EBITDA came to SEK 1,618m (1,255), giving a margin of 13.0% (12.3)": a margin given for both periods is
    checked for both. When the margin and each figure it was read from carry their earlier-period values, the
    earlier margin is the same ratio of those values; the reading is as explicit as the current one. An earlier
    margin already read on its own, from the figures near it and not surely ("widening to 8.9% from 7.1%"), is
    read so instead when the current margin's reading is sure."""
    drop: set[int] = set()
    for c in ctx.claims[n0:]:
        if c.kind != "share" or c.stated is None or not c.readings or c.readings[0].formula != "share":
            continue
        best = c.readings[0]
        mine = _prior_of(pairs, c.stated)
        if mine is None or mine.old.value_high is not None:
            continue
        olds = [_prior_of(pairs, x) for x in best.operands]
        if any(pr is None for pr in olds):
            continue
        if ctx.is_stated(mine.old):
            own = [o for o in ctx.claims if o.stated is not None and o.stated.start == mine.old.start]
            if not best.explicit or len(own) != 1 or own[0].kind != "share" or \
                    (own[0].readings and own[0].readings[0].explicit):
                continue
            drop.add(id(own[0]))
        ops = tuple(pr.old for pr in olds if pr is not None)
        why = Evidence("prior-period", f"{mine.old.text} is the earlier {c.stated.text}, of "
                                       f"{' and '.join(o.text for o in ops)}", 1.5)
        kept = tuple(e for e in best.evidence if e.cue not in ("same-period", "other-period", "period-clash",
                                                                "earlier-margin"))
        ctx.add(Claim("share", (mine.old.start, mine.old.end), mine.old,
                      readings=(Relation("share", ops, (*kept, why)),)))
    if drop:
        ctx.claims[:] = [c for c in ctx.claims if id(c) not in drop]


def _larger_sales_before(ctx: Ctx, facts: Facts, pairs: Pairs, d: Mention) -> bool:
    """Is a larger sales figure of ``d``'s period and currency given before it (a whole ``d`` may be a part of)?"""
    whole = _largest_sales_before(ctx, facts, pairs, d)
    return whole is not None and abs(whole.value or 0.0) > abs(d.value or 0.0) * 1.0001


def _largest_sales_before(ctx: Ctx, facts: Facts, pairs: Pairs, d: Mention) -> Mention | None:
    """The largest sales figure of ``d``'s period and currency given before it (of the index's last few), if any."""
    period = _period(pairs, d)
    got = [y for x in facts.figures_before("sales", d.start, keep=lambda x: x.start not in pairs.deltas)
           if (y := pairs.resolved(x)).type == "currency" and is_amount(y) and y.value is not None and y.unit == d.unit
           and y.value_high is None and _period(pairs, y) == period]
    return max(got, key=lambda y: abs(y.value or 0.0)) if got else None


def _margin(ctx: Ctx, facts: Facts, pairs: Pairs, mt: Match, ratio: bool = False) -> None:
    """A margin (a percent) or, with ``ratio``, a plain ratio ("a book-to-bill of 1.2"): a measure over sales of
    the same period."""
    p = mt.slots.get("p")
    if p is None or ctx.is_stated(p) or p.value_high is not None:
        return  # "an adjusted EBIT margin of 12.2% to 12.4%": a range is guidance, not a margin of figures given
    if ratio:
        if p.type not in ("number", "count") or (p.type == "count" and p.noun and not _ratio_noun(facts, p)) \
                or p.value is None \
                or not 0.05 <= p.value <= 20 or p.value_high is not None:
            return
    elif p.type != "percent" or p.unit != "percent":
        return
    # (with the words right before the match: "the gross margin reached 40%" matches from "margin")
    lo = max(ctx.sentence(p.start)[0], mt.start - 25)
    lo = max([lo] + [x.end for x in ctx.numbers_in(lo, mt.start)])  # (no further back than the figure before)
    phrase = " ".join(ctx.text[lo:mt.end].lower().split())
    meas = _margin_measure(facts, phrase, "ratios" if ratio else "margins")
    # "operating margin 21.3% on OP of ₩1.55tn", "a margin of 12.7% on operating profit of €140m": the profit the
    # margin is of, named right after it
    on_fig = on_sales = None
    if not ratio and (on := _MARGIN_ON.match(ctx.text, max(p.end, mt.end))) is not None:
        on_fig = next((y for x in ctx.numbers_in(on.end(), on.end() + 12) if x.start == on.end()
                       and (y := pairs.resolved(x)).type == "currency" and is_amount(y)), None)
        if on_fig is not None and facts.measure_id(on_fig) == "sales":
            # "a 7% margin on revenue of around £5bn would mean operating profit of about £350m": the figure the
            # margin is "on" is the sales it is of, not its profit
            on_sales, on_fig = on_fig, None
        if on_fig is not None and meas is None:
            meas = facts.measure_id(on_fig) or "profit"
    if meas is None and not ratio:  # "a margin of 13.2%": the measure of the sentence's own profit figure
        s, e = ctx.sentence(p.start)
        # (after the margin too, when the sales it is on are named: "... on revenue of £5bn would mean operating profit
        # of about £350m")
        for x in [*reversed(ctx.numbers_in(s, p.start)), *(ctx.numbers_in(p.end, e) if on_sales is not None else [])]:
            mid = facts.measure_id(x)
            if x.type == "currency" and mid and mid not in ("sales", "orders", "backlog"):
                meas = mid
                break
    if meas is None:
        ctx.skip("share", p, "a margin whose profit measure the text does not name")
        return
    owner = _SEGMENT_OWNER.search(ctx.text, max(ctx.sentence(p.start)[0], mt.start - 40), mt.start)
    if owner is not None and facts.g.word_pattern("segment_words").search(owner.group(0)) and \
            not any(facts.g.word_pattern("segment_words").search(ctx.text, max(ctx.sentence(x.start)[0], x.start - 60), x.start)
                    for x in ctx.numbers_in(ctx.sentence(p.start)[0], p.start) if x.type == "currency"):
        ctx.skip("share", p, "the margin of a segment ('the defense division's operating margin') whose figures the text "
                             "does not give")
        return
    prior = _is_prior_margin(ctx, pairs, p)
    # bare figures read in their neighbour's unit count too ("EBITA of NOK 1,712 million (1,398)")
    window = [y for x in ctx.window(p, before=3, same_para=False) if (y := pairs.resolved(x)).type == "currency"
              and is_amount(y)]
    window += [y for x in ctx.numbers_in(p.end, ctx.sentence(p.start)[1]) if (y := pairs.resolved(x)).type == "currency"
               and is_amount(y)]
    if ratio:  # a ratio's figures are in its paragraph, and may follow it in the next sentence
        para = ctx.para_index(p.start)
        si0 = ctx.sent_index(p.start)
        if si0 + 1 < len(ctx.sents):
            window += [y for x in ctx.sentence_numbers(si0 + 1) if (y := pairs.resolved(x)).type == "currency"
                       and is_amount(y)]
        window = [x for x in window if ctx.para_index(x.start) == para]
    if not ratio and not any(facts.measure_id(x) == "sales" for x in window):
        # "The operating result margin likewise declined, to 6.7 percent from 7.7 percent. Consolidated sales grew 7
        # percent to 2.86 billion euros": the sales may follow in the next sentence of the paragraph (never sure there)
        si0 = ctx.sent_index(p.start)
        if si0 + 1 < len(ctx.sents) and ctx.para_index(ctx.sents[si0 + 1][0]) == ctx.para_index(p.start):
            window += [y for x in ctx.sentence_numbers(si0 + 1) if (y := pairs.resolved(x)).type == "currency"
                       and is_amount(y) and facts.measure_id(y) == "sales"]
    # (no change between two levels: "underlying EBIT has grown by £894m, and return on sales has moved from 10.2% to
    # 10.6%" is no margin of £894m)
    window = [x for x in window if x.value_high is None and x.start not in pairs.deltas]
    nums = [on_fig] if on_fig is not None else \
        [x for x in window if facts.measure_id(x) == meas and (ratio or x.start < p.start + 1)]
    if on_sales is not None:
        # "a 7% margin on revenue of around £5bn would mean operating profit of about £350m": the profit the sentence
        # goes on to give is the one the margin on those sales makes
        after = [x for x in window if facts.measure_id(x) == meas and on_sales.end <= x.start < ctx.sentence(p.start)[1]]
        nums = after[:1] or nums
    # (nor is a change's size sales: "Revenues increased by €586 million ... a return on sales of 5.7%" is no margin of
    # €586 million; but "an operating loss of $2,277 million" is the profit a margin is of)
    dens = [x for x in window if facts.measure_id(x) == "sales" and not change_size(ctx, facts, x)]
    if on_sales is not None:
        dens = [on_sales]
    def planned(x: Mention) -> bool:
        return _future_figure(ctx, x) or _target_figure(ctx, facts, x)

    # a margin of results is of the results' sales, not a target's ("Revenue target of around €1 billion by 2030",
    # "aiming for revenue of A$2.5 billion in FY28" for a margin of 2024); one of forecast profit ("expected 2023
    # EBITDA of €140 million") of the forecast sales ("expects sales of about €480 million")
    forecast_profit = bool(nums) and all(planned(x) for x in nums)
    if not planned(p):
        dens = [x for x in dens if planned(x) == forecast_profit]
    if not ratio and on_sales is None and _target_figure(ctx, facts, p):
        # "for 2030 the target is an operating margin of around 20%": a target margin is of target figures, not of the
        # results given beside it
        nums = [x for x in nums if planned(x)]
        dens = [x for x in dens if planned(x)]
        if not nums or not dens:
            ctx.skip("share", p, "a target margin; the text gives no target profit and sales it is of")
            return
    far = False
    if not ratio and (not nums or not dens):
        # "the underlying EBIT margin was 10.6%" under a highlights table: the profit measure and sales named
        # earlier in the text (the last two of each before the margin, from the index of measures); found by
        # words, not grammar, so such a margin can warn but never fail
        far = True
        nums = nums or [y for x in facts.figures_before(meas, p.start) if x.start not in pairs.deltas
                        and (y := pairs.resolved(x)).type == "currency" and is_amount(y)][-2:]
        dens = dens or [y for x in facts.figures_before("sales", p.start) if x.start not in pairs.deltas
                        and not change_size(ctx, facts, x)
                        and (y := pairs.resolved(x)).type == "currency" and is_amount(y)
                        and (planned(p) or not planned(y))][-2:]
    if not ratio and not far and dens and (whole := _largest_sales_before(ctx, facts, pairs, min(dens, key=lambda x: x.start))) \
            is not None and abs(whole.value or 0.0) > max(abs(d.value or 0.0) for d in dens) * 1.0001 and \
            (_future_figure(ctx, p) or not _future_figure(ctx, whole)):
        dens = [*dens, whole]  # the period's larger sales figure given earlier: the whole a margin may be of, too
    mine = None if ratio or prior else _prior_of(pairs, p)
    if mine is not None:
        # "the margin widening to 8.9% from 7.1%": the sales figures given earlier with their own earlier values are
        # candidates too, however far; the earlier margin tells which pair of them it is
        known = {x.start for x in dens}
        dens = dens + [y for x in facts.figures_before("sales", p.start, limit=3, reach=16, chars=1500, keep=lambda x: (
                           x.start not in pairs.deltas and not pairs.with_old(x) and x.start not in known))
                       if (y := pairs.resolved(x)).type == "currency" and is_amount(y) and _prior_of(pairs, y) is not None]
    readings: list[Relation] = []
    ev0 = Evidence(mt.template.group + ":" + mt.template.id, f"'{_quote(ctx, mt.start, mt.end)}': {meas} over sales",
                   mt.template.weight, mt.template.explicit)
    for n in nums:
        for d in dens:
            if n.unit != d.unit or magnitude(n, d) > (20 if ratio else 200) or \
                    (not ratio and abs(d.value or 0) < abs(n.value or 0)):
                continue
            if ratio and (pl := _period_length(ctx, n)) and (dl := _period_length(ctx, d)) and pl != dl:
                continue  # nine months' orders over a quarter's sales
            ev = [ev0]
            pn, pd = _period(pairs, n), _period(pairs, d)
            want = "prior" if prior else "current"
            if pn == want and pd == want:
                ev.append(Evidence("same-period", f"both of the {want} period", 1.5))
            elif pn != pd:
                ev.append(Evidence("period-clash", "profit and sales of different periods", -3.0))
            elif pn != want:
                ev.append(Evidence("other-period", f"figures of the {pn} period", -2.0))
            # a margin in the sentence after its figures is the usual order; further away counts against it
            dist = max(0, abs(ctx.sent_index(p.start) - ctx.sent_index(n.start)) - 1) + \
                max(0, abs(ctx.sent_index(p.start) - ctx.sent_index(d.start)) - 1)
            if dist:
                ev.append(Evidence("distance", f"{dist} sentence(s) away", -0.3 * dist))
            kind = _kind_of_sales(ctx, facts, d)
            if kind is not None and not regex.search(r"(?<![\p{L}])" + regex.escape(kind) + r"(?![\p{L}])",
                                                     ctx.text[ctx.sentence(p.start)[0]:p.start], regex.I):
                # "which puts subscription revenue at roughly $19.8 million ... for a gross margin of 43%": the
                # revenue of one kind is no base of a margin its sentence does not say is of that kind
                ev.append(Evidence("sales-of-a-kind", f"{d.text} is {kind} sales only", -2.0))
            if mine is not None and _earlier_ratio_holds(pairs, mine.old, n, d):
                ev.append(Evidence("earlier-margin", f"{mine.old.text}, the earlier margin, is the same ratio of their "
                                                     "earlier values", 2.0, True))
            readings.append(Relation("ratio", (d, n), tuple(ev)) if ratio else Relation("share", (n, d), tuple(ev)))
    if not readings:
        ctx.skip("multiple" if ratio else "share", p, f"no {meas} and sales figures of one period found for this "
                 + ("ratio" if ratio else "margin"))
        return
    # explicit only when profit and sales stand in the margin's sentence or the one before and no other sales
    # figure there could be the base (a segment's margin beside the group's sales is not accused)
    si = ctx.sent_index(p.start)
    near_dens = {d.start for d in dens if si - 1 <= ctx.sent_index(d.start) <= si}
    # (a sales figure of the earlier period - "rose to €2.2 billion from €2.0 billion" - is no rival base of this
    # period's margin when the text states no earlier margin and the profit figure stands in the margin's sentence;
    # an earlier margin the earlier figures do not give says the margins are of another basis, and only an earlier
    # margin they confirm then makes one sure)
    near_now = {d.start for d in dens if d.start in near_dens and _period(pairs, d) == "current"} \
        if not prior and mine is None else near_dens
    # "operating income of $485 million ...; adjusted operating margin of 17.4%": a margin the text qualifies
    # (linking words measure_qualifiers) is not of a profit figure given without that qualifier
    # (up to three words right before the margin's name are part of it: "adjusted operating margin")
    lead = _WORDS_BEFORE.search(ctx.text, max(ctx.sentence(p.start)[0], mt.start - 40), mt.start)
    named_from = lead.start() if lead is not None else mt.start
    quals = [h.group(0).lower() for h in facts.g.word_pattern("measure_qualifiers").finditer(ctx.text, named_from, mt.end)]

    def unqualified(n: Mention) -> bool:
        said = ctx.text[max(ctx.sentence(n.start)[0], n.start - 60):n.end].lower()
        return any(q not in said for q in quals)

    confirmed = [r for r in readings if any(e.cue == "earlier-margin" for e in r.evidence)]

    def sure(r: Relation) -> bool:
        if len(confirmed) == 1:  # one pair of figures whose earlier values give the earlier margin: that is it
            return r is confirmed[0]
        if any(e.cue in ("period-clash", "other-period") for e in r.evidence):
            return False  # "more than double the €6.6 billion of the previous year and bring the book-to-bill ratio to
            # 1.9x": figures of two periods, or of another period than the ratio's, make no sure ratio
        n, d = r.operands[::-1] if ratio else r.operands
        seg = facts.g.word_pattern("segment_words")
        if seg.search(ctx.text, ctx.sentence(n.start)[0], n.start) and \
                not seg.search(ctx.text, ctx.sentence(d.start)[0], d.start):
            return False  # "The Defence segment's EBIT ..." over the group's sales: a segment's margin is of its own sales
        own_n, own_d = _owner_before(ctx, n), _owner_before(ctx, d)
        if own_n and own_d and own_n != own_d:
            return False  # "Pratt & Whitney's sales climbed to $7.63 billion, while Raytheon's operating profit rose to
            # $736 million, giving a margin of 10.5%": the profit and the sales of two owners
        if ctx.sent_index(d.start) not in (si, ctx.sent_index(n.start)) and _larger_sales_before(ctx, facts, pairs, d):
            return False  # "Technologies revenue edged up 2% to $13.1 billion ... Operating earnings of $4.8 billion gave
            # an operating margin of 10.1%" after the group's $47.7 billion: the sales figure of the sentence before may
            # be a part's, and the margin the whole's
        rivals = near_now if ctx.sent_index(n.start) == si else near_dens
        return len(rivals) == 1 and d.start in rivals and si - 1 <= ctx.sent_index(n.start) <= si and not far \
            and not unqualified(n)
    readings = [r if sure(r) else dataclasses.replace(doubt(r), alternative=False) for r in readings]
    readings.sort(key=lambda r: -r.score)
    if ratio:
        ctx.add(Claim("multiple", (p.start, p.end), p, readings=tuple(readings[:4]), stated_value=p.value,
                      qualifier=facts.qualifier(p)))
        return
    ctx.add(Claim("share", (p.start, p.end), p, readings=tuple(readings[:4]), qualifier=facts.qualifier(p)))


_PERIOD_LENGTHS = (("quarter", rx(r"\b(?:quarter|Q[1-4])\b", regex.I)),
                   ("half", rx(r"\b(?:half[- ]year|first\s+half|second\s+half|H[12]|six\s+months|6M)\b", regex.I)),
                   ("nine months", rx(r"\b(?:nine\s+months|9M|first\s+three\s+quarters)\b", regex.I)),
                   ("year", rx(r"\b(?:full[- ]year|the\s+year|annual|FY|twelve\s+months|12\s+months)\b", regex.I)))


# a whole of one period ("that year's total", "the quarter's revenue", "2022's total") and figures of a span of years
_ONE_PERIOD = LazyPattern(r"\b(?:year|quarter|half|month)['’]s\b|\b(?:19|20)\d\d['’]s\b", regex.I)
_SPAN_OF_YEARS = LazyPattern(r"\b(?:over|across|during|in|for)\s+the\s+(?:(?:past|last|previous|next|\w+)\s+)?(?:\w+\s+)?years\b|"
                             r"\bfrom\s+(?:19|20)\d\d\s+(?:to|through|until|till)\s+(?:19|20)\d\d\b|"
                             r"\bbetween\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b|"
                             r"\bcumulative(?:ly)?\b", regex.I)


def _clause_of(ctx: Ctx, x: Mention, before: int | None = None, after: int | None = None,
               after_pos: int | None = None) -> str:
    """The words of a figure's sentence between the figures on either side of it (at most ``before`` characters
    before it and ``after`` after, when given; none before ``after_pos`` when the figure stands after it)."""
    s, e = ctx.sentence(x.start)
    if after_pos is not None and x.start >= after_pos:
        s = max(s, after_pos)
    if before is not None:
        s = max(s, x.start - before)
    if after is not None:
        e = min(e, x.end + after)
    near = [y for y in ctx.numbers_in(s, e) if y is not x]
    a = max([y.end for y in near if y.end <= x.start] + [s])
    b = min([y.start for y in near if y.start >= x.end] + [e])
    a, b = _in_cell(ctx.text, a, x.start, x.end, b)
    return ctx.text[a:b]


# a column gap: three spaces or more, or a tab, after a word or a figure on a line ("EUR 437 million – 7.0% of net
# sales    EUR 483 million – 10.1% of net sales" is two cells); the words on its other side are another cell's
_COLUMN_GAP = LazyPattern(r"(?<=\S)(?:[ \u00a0]{3,}|\t)")
_DIGIT = LazyPattern(r"\d")


def _other_column(text: str, x: Mention, y: Mention) -> bool:
    """Do ``x`` and ``y`` stand on two lines of cells (each cut by column gaps) in cells of different rank? Only lines
    of a table row's length are read (a long line is prose, and reading it whole for every candidate would cost the
    square of the paragraph)."""
    lx, ly = _row_start(text, x.start), _row_start(text, y.start)
    if lx is None or ly is None or lx == ly:
        return False
    rx, ry = _cell_rank(text, lx, x.start), _cell_rank(text, ly, y.start)
    return rx is not None and ry is not None and rx != ry


_ROW_MAX = 400  # characters: longer lines are no rows of cells


def _row_start(text: str, at: int) -> int | None:
    """The start of ``at``'s line, when the line is no longer than a table row (else None)."""
    lo = max(0, at - _ROW_MAX)
    k = text.rfind("\n", lo, at)
    if k < 0 and lo > 0:
        return None
    return k + 1


def _cell_rank(text: str, line: int, at: int) -> int | None:
    """How many column gaps stand before ``at`` on its line (None when the line has none, or is too long for a row)."""
    end = text.find("\n", at, line + _ROW_MAX)
    if end < 0:
        if line + _ROW_MAX < len(text):
            return None
        end = len(text)
    gaps = [g.start() for g in _COLUMN_GAP.finditer(text, line, end)]
    if not gaps:
        return None
    return sum(1 for g in gaps if g < at)


def _across_cells(text: str, a: int, b: int) -> bool:
    """Do ``a``..``b`` (on one line) hold a column gap?"""
    return "\n" not in text[a:b] and _COLUMN_GAP.search(text, a, b) is not None


def _in_cell(text: str, a: int, start: int, end: int, b: int) -> tuple[int, int]:
    """``a``..``b`` around the figure at ``start``..``end``, cut at the column gaps nearest to it on its line (before
    it, only after a cell that holds a figure: the label that opens a row is the row's)."""
    line = text.rfind("\n", 0, start) + 1
    before = [g for g in _COLUMN_GAP.finditer(text, max(a, line), start)]
    if before and not _DIGIT.search(text, line, before[-1].start()):
        before = []
    after = _COLUMN_GAP.search(text, end, b)
    if after is not None and "\n" in text[end:after.start()]:
        after = None
    return (before[-1].end() if before else a), (after.start() if after else b)


def _period_length(ctx: Ctx, x: Mention) -> str | None:
    """The length of the period a figure's clause names ("in the third quarter", "for the first nine months")."""
    stretch = _clause_of(ctx, x)
    for name, pat in _PERIOD_LENGTHS:
        if pat.search(stretch):
            return name
    return None


def _ratio_noun(facts: Facts, x: Mention) -> bool:
    """Is the figure's counted noun a ratio's name ("1.5 book-to-bill")?"""
    noun = (x.noun or "").lower()
    return bool(noun) and any(" ".join(str(w).lower().split()) == noun
                              for ws in (facts.link.get("ratios") or {}).values() for w in ws or [])


def _margin_measure(facts: Facts, phrase: str, key: str = "margins") -> str | None:
    margins = (facts.link.get(key) or {})
    best = None
    for meas, words in margins.items():
        for w in words or []:
            w = " ".join(str(w).lower().split())
            if w in phrase and (best is None or len(w) > best[1]):
                best = (str(meas), len(w))
    return best[0] if best else None


def _is_prior_margin(ctx: Ctx, pairs: Pairs, p: Mention) -> bool:
    if pairs.with_old(p):
        return True
    after = ctx.text[p.end:p.end + 40]
    return bool(regex.match(r"\s*(?:\)|,)?\s*(?:in|for)?\s*(?:the\s+)?(?:previous|prior|last)\s+year|\s*a\s+year\s+(?:earlier|"
                            r"before|ago)", after, regex.I)) or "(" in ctx.text[max(0, p.start - 2):p.start]


def _against_another_measure(pairs: Pairs, x: Mention) -> bool:
    """"bookings of $8.9 billion against sales of $7.0 billion": a figure set against one of another measure is of
    the same period, not an earlier level of it."""
    ctx, facts = pairs.ctx, pairs.facts
    before = [y for y in ctx.numbers_in(ctx.sentence(x.start)[0], x.start) if is_amount(y) and y.type == x.type]
    if not before or not _SET_AGAINST.fullmatch(ctx.text, before[-1].end, x.start):
        return False
    mx, mb = facts.measure_id(x), facts.measure_id(before[-1])
    return bool(mx and mb and mx != mb)


_SET_AGAINST = LazyPattern(r"\s*,?\s*(?:against|versus|vs\.?)\s+(?:[\p{L}-]+\s+){0,3}?(?:of\s+)?(?:(?:about|around|some)\s+)?",
                           regex.I)


def _period(pairs: Pairs, x: Mention) -> str:
    """A figure's period for a margin: earlier when it is a pair's earlier level or a comparison's base
    ("EBITA grew 15.8% from €1,317 million"), or when its own clause names the earlier period ("Revenue in the
    year-earlier quarter was 9.37 billion crowns"; linking words prior_markers, not after "compared with")."""
    if pairs.with_old(x) or (base_position(pairs.ctx, x) and not _against_another_measure(pairs, x)):
        return "prior"
    ctx = pairs.ctx
    s, e = ctx.sentence(x.start)
    near = [y for y in ctx.numbers_in(s, e) if y is not x and is_amount(y)]
    a = max([y.end for y in near if y.end <= x.start] + [s])
    b = min([y.start for y in near if y.start >= x.end] + [e])
    marker = pairs.facts.g.word_pattern("prior_markers")
    before = ctx.text[a:x.start]
    hit = None
    for found in marker.finditer(before):
        hit = found  # the last one
    # (not "Compared with $1,431 million a year earlier, total revenue of $1,814 million": right after the figure before,
    # the marker is that one's)
    if hit is not None and not _COMPARED_WITH.search(before, 0, hit.start()) and \
            not (a > s and not before[:hit.start()].strip()):
        return "prior"
    return "prior" if marker.match(ctx.text, x.end + len(ctx.text[x.end:b]) - len(ctx.text[x.end:b].lstrip()),
                                   b) else "current"


# "compared with a year earlier, revenue rose to ...": a marker after these names the base, not the figure's period
_COMPARED_WITH = LazyPattern(r"\b(?:compared\s+(?:with|to)|from|than|versus|vs\.?|against|on|over)\s+(?:\S+\s+){0,2}$", regex.I)


# ---------------------------------------------------------------------------------------------- totals
_COMPARED_BASE = LazyPattern(r"\b(?:than|double|twice|triple|treble|times|compared\s+(?:with|to)|against|versus)\s+"
                             r"(?:[\p{L}'’-]+\s+){0,3}$", regex.I)


def _explicit_sum_parts(ctx: Ctx) -> set[int]:
    """Where the parts of the explicit sums claimed so far start; kept on ``ctx`` and brought up to date with the
    claims added since the last call (each claim read once: linear in the claims)."""
    seen: int = getattr(ctx, "_sum_parts_seen", 0)
    parts: set[int] = getattr(ctx, "_sum_parts", set())
    if seen > len(ctx.claims):  # claims were dropped: read them all again
        seen, parts = 0, set()
    for c in ctx.claims[seen:]:
        if c.kind == "sum" and c.readings and c.readings[0].explicit:
            parts.update(o.start for o in c.readings[0].operands)
    ctx._sum_parts_seen, ctx._sum_parts = len(ctx.claims), parts  # type: ignore[attr-defined]
    return parts


def _total(ctx: Ctx, facts: Facts, pairs: Pairs, mt: Match) -> None:
    t = mt.slots.get("total")
    if t is None or not is_amount(t) or t.type == "percent" and t.unit != "percent":
        return
    if calibre(ctx.text, t, facts.g.word_pattern("calibre_nouns")):
        return  # "155mm shells, ..., with the remainder made up of 122mm and 152mm rounds": a calibre is no total
    if _LEFT_BEFORE.search(ctx.text, max(ctx.sentence(t.start)[0], mt.start - 25), t.start):
        return  # "One helicopter and its six crew members were lost ..., leaving a fleet of 27": what remains after a
        # loss, the remainder grammar's, not the total of the figures before it
    if _EACH_RIGHT_AFTER.match(ctx.text, t.end):
        return  # "four squadrons of 12 Fenice each, two with the 5th Regiment and two with the 7th": a count for each of
        # several things is no total; the list after it splits the things, not it
    if mt.template.meta.get("parts") == "after" and (t.start in ctx.restated or bracket_restatement(ctx, t)):
        # "The two contracts are worth approximately $525 million (roughly US$395 million): $272 million for ... and
        # $253 million for ...": the total broken down is the figure the bracket restates, in the parts' own currency
        before = [y for y in ctx.numbers_in(max(0, t.start - 40), t.start) if is_amount(y)]
        if not before:
            return
        t, t_end = before[-1], t.end  # (what stands between the two is the restatement, no figure of the list)
    else:
        t_end = t.end
    if facts.rate_of(t) == "period" and not any(facts.rate_of(x) == "period" for x in
                                                ctx.numbers_in(ctx.sentence(t.start)[0], t.start) if is_amount(x)):
        return  # "two dozen of them capable of making over 10,000 units a month": a rate, no total of levels
    if mt.template.id in ("appositive", "appositive-list") and t.start in _explicit_sum_parts(ctx):
        # "$113.6 million, made up of $76.5 million of cash, $35.0 million of undrawn credit and $2.1 million": the first
        # item of a total's list is no total of the items after it
        return
    if mt.template.id in ("comprising", "colon-far"):  # "206 aircraft, 14% more than the 181 of 2023: 73 ..., 130 ...": the
        for pr in pairs.with_old(t):    # list is the subject's, not the comparison base's
            if ctx.sent_index(pr.new.start) == ctx.sent_index(t.start):
                t = pr.new
    if mt.template.id in ("comprising", "colon-far", "appositive") and \
            _COMPARED_BASE.search(ctx.text, max(ctx.sentence(t.start)[0], t.start - 40), t.start):
        # "a target of 26 major surface combatants, more than double today's 11: three ..., six ...": the figure a
        # comparison measures against is no total of the list; the comparison's subject is
        prev = [x for x in ctx.numbers_in(ctx.sentence(t.start)[0], t.start) if is_amount(x)
                and _sum_comparable(ctx, x, t) and x.start not in pairs.deltas]
        if not prev:
            return
        t = prev[-1]
    if ctx.is_stated(t):
        return
    if t.type == "count" and t.unit and facts.g.word_pattern("kind_nouns").fullmatch(t.unit.lower()):
        return  # "The AW149 will replace four types: 23 Pumas, five Dauphins, ...": a count of kinds counts the items of
        # the list, not the things each item counts
    if t.type == "count" and t.unit and _EACH_COMPOSED.match(ctx.text, ctx.sentence(t.start)[0], t.start) and \
            any(x.type == "count" and x.unit == t.unit for x in ctx.numbers_in(ctx.sentence(t.start)[0], t.start)):
        return  # "Each system comprises three aircraft and two ground stations, giving a fleet of 60 aircraft": what
        # each one is made of is no part of the fleet's total of the same things (not "Each ship has a crew of 36 and
        # a further 24 embarked, 60 berths in total": each ship's own total)
    if t.type == "percent" and _growth_sentence(ctx, facts, t):
        return  # "Sales in Europe rose 10%, in Asia 5% and in America 2% – 6% overall": rates of growth do not add
    where = str(mt.template.meta.get("parts", "either"))
    if where == "before" and _set_subject(ctx, t):
        ctx.skip("sum", t, "a total of the members of a set its own clause names ('the two centres ... between them'); "
                           "their figures are not given")
        return  # "seven metal and 12 polymer printers; the two existing centres have 14 metal printers between them"
    if t.type == "count" and t.unit and not t.inferred and (nxt := ctx.numbers_in(t.end, t.end + 80)) and \
            regex.match(r",\s*$", ctx.text[t.end:nxt[0].start]) and nxt[0].type == "count" and nxt[0].unit and \
            not nxt[0].inferred and _other_specific_thing(ctx, t.unit, nxt[0].unit):
        return  # "a total of 1000 K2 tanks, 672 K9 howitzers and 288 launchers": the first item of a list of other
        # things (not "52 aircraft, 21 Rafale fighters and 31 Falcon jets": a class and its kinds)
    ev0 = Evidence("total:" + mt.template.id, f"'{_quote(ctx, mt.start, mt.end)}'", mt.template.weight,
                   mt.template.explicit)
    if mt.template.id == "labelled-total":
        # "Staff by site: headquarters 420; depots 1,150; ranges 230; total 1,800": every item one figure of the
        # total's kind; an item with none (or two) and the list is not read
        items = _labelled_items(ctx, t)
        if items is None:
            ctx.skip("sum", t, "a labelled total whose items do not each give one figure of its kind")
            return
        ctx.add(Claim("sum", (t.start, t.end), t, readings=(Relation("sum", tuple(items), (ev0, Evidence(
            "labelled-items", f"the {len(items)} items the semicolons set apart", 1.0)),),)))
        return
    lists = []
    semicolon_list: list[Mention] | None = None
    if where in ("before", "either") and not _OPEN_BRACKET_BEFORE.search(ctx.text, max(0, t.start - 3), t.start):
        # (not "the Netherlands and Austria (9 combined)": a total in brackets sums what it follows by name, not the
        # figures before the bracket)
        before_list = _list_before(ctx, facts, t)
        ext = _items_before_semicolon(ctx, t, before_list)
        if ext:  # "A requested $849.8 billion; B account for $33.2 billion and C for $11.8 billion, giving $894.8 billion"
            lists.append(ext + before_list)
            semicolon_list = lists[-1]
        lists.append(before_list)
    # (nor when another amount stands between the total and the colon: "180 tanks – 116 ... and 64 of the K2PL version –
    # plus 81 support vehicles: 31 ..., 25 ... and 25 ...": the list is the nearer figure's)
    from .change import adjunct_figure

    if where in ("after", "either") and mt.template.id in ("comprising", "colon-far") and \
            ctx.text[mt.end - 1:mt.end] == ":" and any(
                is_amount(x) and x.type != "percent" and _sum_comparable(ctx, x, t)
                # (not "in two batches:", "more than double today's 11:": a count of the parts, a comparison's base)
                and not adjunct_figure(ctx, x) and not base_position(ctx, x)
                for x in ctx.numbers_in(t_end, mt.end)):
        where = "none"
    if where in ("after", "either") and not (mt.template.id in ("comprising", "colon-far") and "(" in ctx.text[t_end:mt.end]):
        colon = mt.end if mt.template.id in ("comprising", "colon-far") and ctx.text[mt.end - 1:mt.end] == ":" else None
        lists.append(_list_after(ctx, facts, t, colon))  # not "£104.3m (2023: £33.9m)": a colon inside a bracket labels
    if where == "appositive":
        first = mt.slots.get("first")
        if first is not None and not regex.search(r"\p{L}", ctx.text[t.num_end if t.num_end > t.start else t.end:
                                                                     first.start]):
            return  # "for 20, 15 and 10 aircraft": a list of bare figures, no total set before its parts
        if first is not None and t.type == "currency" and _bare_money_list(ctx, t, first):
            return  # "separate orders of $412 million, $287 million and $96 million": no item says what it is
        if first is not None and _parallel_item(ctx, t, first):
            return  # "40 K9s to Poland, 24 to Australia and 18 to Egypt": the first item of a list, no total
        s0, _ = ctx.sentence(t.start)
        prev = [x for x in ctx.numbers_in(s0, t.start) if is_amount(x)]
        lead = ctx.text[prev[-1].end if prev else s0:t.start]
        breakdown = lead.rstrip().endswith(":") and first is not None and \
            regex.fullmatch(r"\s*,\s*", ctx.text[t.end:first.start]) is not None
        if regex.search(r"(?:[:,;]|\s[–—]|\s-)\s*(?:[\p{L}'’]+\s+){0,2}$", lead) and not breakdown:  # ("..., Australia's 129, ...",
            # "about 8,500 personnel — 6,500 military, 1,000 civilian employees and more than 1,000 contractors")
            # "...: 24 in 2021, 20 in 2023 and 14 in 2024": an item of a list, not its total; but "the largest
            # yet: 389 aircraft, 145 in Lot 15, 127 in Lot 16 and 126 in Lot 17" opens on the total of its breakdown
            return
        # "12 km, about 7.5 miles, twice that of the Mk 3's 6 km": a quantity restated in other units is no part
        lists.append([x for x in _appositive_items(ctx, t, mt.slots.get("first"))
                      if not (x.type == t.type == "quantity" and x.unit != t.unit)])
    if where == "partition":  # "£4.5 billion, of which £3 billion is military aid and £1.5 billion other"
        first = mt.slots.get("first")
        lists.append(_partition_items(ctx, first) if first is not None and is_amount(first) else [])
    if where == "bracket":
        close = ctx.text.find(")", t.end, ctx.sentence(t.start)[1])
        inside = [x for x in ctx.numbers_in(t.end, close) if is_amount(x)] if close > 0 else []
        # (not figures in another unit of the total's kind: "590 km, 610 km and 630 km (roughly 367, 397 and 391
        # miles)" restates a list, it breaks nothing down)
        if not (t.type == "quantity" and any(x.type == "quantity" and x.unit and x.unit != t.unit for x in inside)):
            lists.append(inside)
    n = _counted_parts(ctx, t)
    if n:
        # the parts are the last figures of the total's kind before it: in its sentence and the one before, or - when
        # those hold fewer than the count - further back in its paragraph, up to three sentences ("... ordered two
        # corvettes for ₱28 billion ... In 2022 six OPVs for ₱30 billion. In total the three contracts are worth ...")
        si, pi = ctx.sent_index(t.start), ctx.para_index(t.start)
        unit_total = facts.rate_of(t) == "unit"
        deal = [facts.g.word_pattern(w) for w in ("deal_nouns", "deal_verbs")]

        def dealt(x: Mention) -> bool:  # further back, a part is an amount a deal's clause gives
            a = ctx.sentence(x.start)[0]
            return any(p.search(ctx.text, a, x.start) for p in deal)

        before = []
        for back in (1, 2, 3):
            if back > 1 and (si - back < 0 or ctx.para_index(ctx.sents[si - back][0]) != pi):
                break
            s0 = ctx.sents[max(0, si - back)][0]
            before = [x for x in ctx.numbers_in(s0, t.start) if is_amount(x) and _sum_comparable(ctx, x, t)
                      and abs(x.value or 0) < abs(t.value or 0) and not _counts_the_parts(ctx, x, t)
                      # (not "€4.79 billion (2025: €3.35 billion)": an earlier level of a figure is no further part)
                      and not pairs.with_old(x)
                      and (unit_total or facts.rate_of(x) != "unit") and x.start not in ctx.restated
                      # (not "43% of the award, or about $1.51 billion": an amount a share restates is a part of
                      # that award, no deal of its own)
                      and not _SHARE_RESTATED.search(ctx.text, max(0, x.start - 60), x.start)
                      and (back == 1 or ctx.sent_index(x.start) >= si - 1 or dealt(x))]
            if len(before) >= n:
                break
        # "Benalla will take on 110 of the new workers and Mulwala the other 70. The two sites already employ about
        # 650 people between them": the level there is now (linking words existing_words) is no sum of what is added
        # to it (addition_words)
        if len(before) >= n and _existing_vs_added(ctx, facts, t, before[-n:]):
            before = []
        # "The budget provides PLN 124.6bn, while the fund adds PLN 62.0bn. Last year the two together came to PLN
        # 159.0bn": a total its sentence sets in another period than its parts' sentences is the parts' own earlier
        # total, not their sum
        when = _period_opening(ctx, t)
        if len(before) >= n and when is not None and any(_period_opening(ctx, x) != when for x in before[-n:]):
            before = []
        # "raises spending to €108.2 billion, counting €82.7 billion ... and €25.5 billion ... In 2025 the two sources
        # together came to €86.0 billion": figures already summed into a total of their own sentence are that total's
        # parts, not this one's
        if len(before) >= n and ctx.sent_index(before[-n].start) != ctx.sent_index(t.start):
            got = sum(x.value or 0.0 for x in before[-n:])
            # (or in the sentence before theirs: "... valued at $3.37 billion for 180 tanks. ... 133 tanks had been
            # handed over, and the remaining 47 ... Together the two contracts cover 360 tanks")
            k = ctx.sent_index(before[-n].start)
            lo = ctx.sents[k - 1 if k and ctx.para_index(ctx.sents[k - 1][0]) == ctx.para_index(ctx.sents[k][0])
                           else k][0]
            if any(y is not t and y not in before and is_amount(y) and _sum_comparable(ctx, y, t) and y.value
                   and abs(y.value - got) <= max(y.half_step or 0.0, abs(y.value) * 1e-9) + sum(
                       x.half_step or 0.0 for x in before[-n:]) for y in ctx.numbers_in(lo, ctx.sentence(t.start)[0])):
                before = []
        if len(before) >= n:
            lists.append(before[-n:])
        if len(before) > n:
            # "Lot 1, NOK 3.9 billion; Lot 2, NOK 2.6 billion; and Lot 3, up to NOK 4.7 billion. The two firm lots come
            # to NOK 6.5 billion": more figures before than the count names; which of them it counts is not said
            lists.append(before[:n])
            ev0 = Evidence(ev0.cue, ev0.detail + f" (of {len(before)} figures before)", ev0.weight, False)
    cat = facts.g.word_pattern("category_nouns")
    if t.type == "count" and t.value and not (t.unit and cat.fullmatch(t.unit.split()[-1])):
        # "a fleet of about 270 aircraft, spread across 19 different types", "900 jobs during the construction of the two
        # squadron facilities": a count of kinds (or sites, countries) the things fall into, a small fraction of their
        # total, is no part of it ("400 specialist variants" of "1,400 vehicles" are vehicles); the list is read without
        # (not one of a list of the total's things with another item of its size, at most three times it: "198
        # reconnaissance, 23 joint fires and 24 ground-based surveillance versions" of "245 vehicles")
        def of_kinds(x: Mention) -> bool:
            return x.type == "count" and bool(x.unit) and cat.fullmatch((x.unit or "").split()[-1]) is not None

        def kinds(x: Mention, xs: list[Mention]) -> bool:
            return of_kinds(x) and abs(x.value or 0) * 10 < abs(t.value or 0) and \
                not any(y is not x and not of_kinds(y) and abs(y.value or 0) <= 3 * abs(x.value or 0) for y in xs)
        lists = [[x for x in xs if not kinds(x, xs)] if any(kinds(x, xs) for x in xs) else xs for xs in lists]
        lists = [xs for xs in lists if len(xs) >= 2]
    if t.type == "percent":
        # "a margin of 8.5% in Q1 and 9.2% in Q2 – 8.9% overall": a percentage no larger than one of its "parts"
        # is an overall rate (an average of them), not their sum
        lists = [xs for xs in lists if not any(abs(x.value or 0) >= abs(t.value or 0) for x in xs if x.type == "percent")]
    readings: list[Relation] = []
    cumulative = mt.template.id == "before-total" and regex.search(r"\b(?:bringing|taking|brings|brought|takes|took|"
                                                                   r"lifting|raising)\b", ctx.text[mt.start:mt.end], regex.I)
    for pr in pairs.in_sentences(ctx.sent_index(t.start), ctx.sent_index(t.start)) if cumulative else []:
        # (not a level above the total it was brought to: "bringing the cumulative total to 1,214 against the 1,500
        # contracted" - a target, no earlier level the additions built on)
        if pr.new is t and abs(pr.old.value or 0) < abs(t.value or 0):  # "... bringing the total to $1,120m from $894m"
            for x in ctx.sentence_numbers(ctx.sent_index(t.start)):
                if x not in (pr.old, pr.new) and is_amount(x) and _sum_comparable(ctx, x, t) and \
                        abs(x.value or 0) < abs(t.value or 0) and not same_figure(x, pr.old):
                    readings.append(Relation("sum", (pr.old, x), (ev0, Evidence("cumulative", f"{pr.old.text} plus "
                                                                                f"{x.text}", 1.0))))
    prior = {pr.old.start for pr in pairs.in_sentences(ctx.sent_index(t.start), ctx.sent_index(t.start))
             if pr.new is t or pr.new.start == t.start}
    rate = facts.rate_of(t) == "unit"
    # "6 Hunter class frigates, down from 9, and 11 general purpose frigates, 17 ... in all": the earlier level of an
    # item's own change is no item
    local = pairs.in_sentences(max(0, ctx.sent_index(t.start) - 1), ctx.sent_index(t.start))
    adding = facts.g.word_pattern("adding_verbs")
    also = facts.g.word_pattern("on_top_words")  # "... two for Indonesia are also under construction, bringing"
    composed = t.start < min((x.start for xs in lists for x in xs), default=t.start) and \
        facts.g.regex(_COMPOSITION_BEFORE).search(ctx.text, max(0, t.start - 40), t.start) is not None
    for items in lists:
        after_t = [x for x in items if x.start > t.start]
        if composed and after_t and all(x.inferred and x.unit == t.unit for x in after_t) and \
                _SIBLING_COMMA.fullmatch(ctx.text, t.end, after_t[0].start):
            continue  # "The total is made up of 1,107 active-duty graduates, 187 from the Air National Guard and 118 from
            # the Reserve": the items after a composition verb that take over the first item's noun are its siblings
        # (not after a colon or "of which": "will comprise 290 satellites: 264 in low Earth orbit and 18 in ...")
        if cumulative and items and t.start > items[-1].end and (adding.search(
                ctx.text, max(ctx.sentence(items[0].start)[0], items[0].start - 40), items[0].start) or
                also.search(ctx.text, items[-1].end, t.start)):
            continue  # "plans to add two AW169M and one AW249 simulators by 2026, taking the total to 19", "five for the
            # Royal Navy and two for Indonesia are also under construction, bringing the total to 10": the items are
            # added to a level the list does not give, so they are not the parts of the total they lead to
        item_starts = {x.start for x in items}
        earlier = {pr.old.start for pr in local if pr.new.start in item_starts and pr.old.start > pr.new.start
                   and _OWN_EARLIER.fullmatch(ctx.text, pr.new.end, pr.old.start)}
        items = [x for x in items if x.start not in earlier]
        if t.type in ("count", "quantity") and facts.rate_of(t) is None and \
                any(facts.rate_of(x) == "period" for x in items[1:]) and facts.rate_of(items[0]) is None:
            continue  # "six ships (two in fiscal 2018 and one a year in fiscal 2019 through 2022)": a rate over years
            # after a part that is none; they add up only times the years, which the list does not count (not "900
            # shells a day for the army and 300 for export, 1,200 shells in all": the rate given once for the list);
            # so with quantities: "112 hours of instruction, an average of 8 hours a day, ... 1.66 million hours in total"
        # "... £4.2 billion, or £840 million for each ship, for a combined £7.9 billion": a price for each is no
        # part of a total of levels (but "650 kits a month for 155mm guns and 350 for 105mm, 1,000 in all" adds up)
        # ... nor is money a year part of a sum of money ("€900 million: €15 million an aircraft, with €60 million a
        # year for support")
        # (the total restated among them is no part; "more than €500 million" is no restating of "more than €1
        # billion", though a one-digit "€1 billion" stands for 0.5-1.5 billion)
        # ("bringing together eight countries, five ships, five landing craft, five aircraft": counts of other
        # things than the total's are no parts of it)
        other_class = [x for x in items if t.type == x.type == "count" and t.unit and x.unit and not t.inferred
                       and not x.inferred and known_noun(ctx.vocab, t.unit) and known_noun(ctx.vocab, x.unit)
                       and noun_class(ctx.vocab, t.unit) != noun_class(ctx.vocab, x.unit)
                       and not _breaks_down_into(ctx, t, x)]
        # ("each Nammo job supports another 0.8 jobs ..., so the 1,420 posts ... sustain about 2,560 jobs in all": a count
        # that is not whole is a ratio - jobs per job - no part of a count)
        items = [x for x in items if not (x.type == t.type == "count" and x.value is not None
                                          and x.value != int(x.value))]
        items = [x for x in items if _sum_comparable(ctx, x, t) and x.start not in prior and x not in other_class
                 and not (same_figure(x, t) and abs(x.value or 0) > 0.5 * abs(t.value or 0))
                 and not _counts_the_parts(ctx, x, t) and (rate or facts.rate_of(x) != "unit")
                 and not (t.type == "currency" and facts.rate_of(x) == "period" and facts.rate_of(t) is None)
                 and not _bracketed_after_figure(ctx, x)
                 # (nor a figure restated in another unit: "15,000 hectares (150 km², or about 58 square miles)")
                 and not (x.start in ctx.restated and t.start not in ctx.restated)
                 and not _MORE_THAN.match(ctx.text, x.end)  # "three more than in 2023": a difference, no part
                 # (nor the base a percent change right before it is measured on: "€2.00 per share, up 11% on €1.80,
                 # plus a special dividend of €1.00, for a total of €3.00")
                 and not _base_of_a_percent(ctx, x)
                 # (nor an average of the parts: "... and today's 11.3 tonnes, an average of 11.7 tonnes a drop")
                 and not (averaged(ctx, facts.g, x) and not averaged(ctx, facts.g, t))
                 and abs(x.value or 0) <= abs(t.value or 0) and (x.start not in pairs.deltas or _added_item(ctx, x))]
        own_items = _own_noun_items(ctx, t, items)
        other_class += [x for x in items if x not in own_items]
        items = own_items
        items = [x for x in items if not _split_count(ctx, facts, x)]
        if len(items) < 2:
            continue
        if t.type == "count" and _each_among(ctx, t, items):
            continue  # "...; Togo: 3 vehicles; Guinea, Mali, the UAE and Zambia: 2 vehicles each": an item given per
            # member of a group the list does not count
        if any(_NETTED.search(ctx.text, max(0, x.start - 30), x.start) for x in items):
            # "Sensors €1,868 million and Optronics €393 million; after eliminations of €21 million, that gives the
            # group's €2,240 million": an amount taken off, not added; which way each goes the list does not say
            continue
        partial = _partial_list(ctx, items, t, facts)
        if partial:
            # "The package includes 40 tanks and 30 IFVs – 100 vehicles in all": the parts named are some of it
            readings.append(Relation("sum_open", tuple(items), (ev0, Evidence("partial-list", partial, 1.0))))
            continue
        sub = _subtotal_in(items)
        if sub is not None:
            # "The second, €250 million, splits into €100 million and €150 million, bringing the programme to
            # €650 million": the list holds a subtotal and its breakdown; the subtotal stands for its parts and the
            # figure of its kind before the list may be the other part. Doubted: never called wrong on it.
            x, run = sub
            rest = [y for y in items if y not in run]
            s0 = ctx.sents[max(0, ctx.sent_index(items[0].start) - 1)][0]
            sib = [y for y in ctx.numbers_in(s0, items[0].start) if is_amount(y) and _sum_comparable(ctx, y, t)
                   and counts_compatible(ctx.vocab, y, t) and not same_figure(y, t)
                   and ctx.para_index(y.start) == ctx.para_index(items[0].start)
                   and abs(y.value or 0) < abs(t.value or 0)][-1:]
            why = Evidence("subtotal", f"{x.text} is the total of {' + '.join(y.text for y in run)}", 3.0)
            for xs in (sib + rest, rest):
                if len(xs) >= 2:
                    readings.append(Relation("sum", tuple(xs), (Evidence(ev0.cue, ev0.detail, ev0.weight, False), why)))
            readings.append(Relation("sum", tuple(items), (Evidence(ev0.cue, ev0.detail, ev0.weight, False),
                                                             Evidence("list", "every figure listed, the subtotal too",
                                                                      -1.0))))
            continue
        sets = [(items, [ev0, Evidence("list", f"the {len(items)} figures listed with it", 1.0)]
                 + ([Evidence("semicolon-list", "its items run on across a semicolon", 0.5)]
                    if semicolon_list is not None and items[0] is semicolon_list[0] else []))]
        named = [x for x in items if same_noun(ctx.vocab, x, t) or _item_names(ctx, x, items, t)]
        if 2 <= len(named) < len(items):
            # "276 M2 .50 caliber machine guns and 500 M240C 7.62mm machine guns – 776 machine guns in all": the
            # items that count the total's thing; the whole list counts other things too, so it is only doubted
            sets = [(items, [Evidence(ev0.cue, ev0.detail, ev0.weight, False),
                             Evidence("list", f"the {len(items)} figures listed with it", 1.0)])]
            sets.insert(0, (named, [ev0, Evidence("same-noun", f"the parts that count {t.unit}", 1.5)]))
        if (not t.unit or t.inferred) and t.type in ("count", "number") and all(x.type == "count" and x.unit for x in items):
            # "1,250 jobs and 150 apprenticeships at Rosyth and another 1,250 jobs in the supply chain, some 2,500 in
            # total": a bare total may count one of the things listed; the items of each noun are another reading
            groups: dict[str, list[Mention]] = {}
            for x in items:
                groups.setdefault(str(x.unit).lower().rstrip("s"), []).append(x)
            if len(groups) > 1:
                sets += [(xs, [Evidence(ev0.cue, ev0.detail, ev0.weight, False),
                               Evidence("same-noun", f"the parts that count {xs[0].unit}", 1.0)])
                         for xs in groups.values() if len(xs) >= 2]
        if len(items) >= 3:
            sets.append((items[1:], [ev0, Evidence("list-tail", "the list after its first figure", -0.5)]))
            for k in range(2, len(items)):  # "220 aircraft, 164 for export and 56 for France, compared with 211"
                sets.append((items[:k], [ev0, Evidence("list-head", f"the first {k} figures of the list", -0.5)]))
        for xs, ev in sets:
            readings.append(Relation("sum", _multiplied(ctx, xs), tuple(ev)))
        inside = [x for x in other_class if x not in items]
        if inside:
            # "180 K2 tanks, 212 K9 howitzers, 48 FA-50 aircraft and 218 Chunmoo launchers, 658 systems in all", "290
            # satellites: 264 in low Earth orbit, 18 in medium Earth orbit and eight in-orbit spares": a count of another
            # thing in the list may be counted by a wider total too (a reading that can make it hold)
            whole = sorted([*items, *inside], key=lambda x: x.start)
            readings.append(Relation("sum", _multiplied(ctx, whole), (
                ev0, Evidence("list", f"the {len(whole)} figures listed with it, {', '.join(x.text for x in inside)} "
                                      "too", 0.5)), alternative=True))
        head_item = _list_lead(ctx, t, items)
        if head_item is not None:
            # "3 tanks are due by the end of 2025, 11 in 2026, 41 in 2027 and 30 in 2028 — 85 tanks in total": the figure
            # of the clause the list's items leave their verb to may be its first item (a reading that can make it hold)
            readings.append(Relation("sum", _multiplied(ctx, [head_item, *items]), (
                ev0, Evidence("list-lead", f"{head_item.text}, the figure the list runs on from, too", 0.0)),
                alternative=True))
        # ("about 8,500 people worldwide, around 4,300 of them in Germany and about 2,900 at Ulm alone": parts picked
        # out of the total by "of them" may be some of it, and one "alone" may lie inside another)
        partitive = where == "appositive" and bool(_OF_THEM_AFTER.match(ctx.text, items[0].end))
        if (mt.template.meta.get("open") or partitive) and not _complementary(ctx, facts, items):
            readings.append(_open_reading(items, ev0))
    if not readings:
        return
    if t.type == "percent" and not _holding_sentence(ctx, facts, t):
        # "... – 20% in all": percentages add up only as shares of one whole, and this sentence does not say so
        why = Evidence("percent-parts", "percentages the text does not call shares of one whole", 0.0)
        readings = [doubt(r, why) for r in readings]
    if t.type == "currency" and facts.rate_of(t) != "period":
        # "€1,000 now and €200 a month after that, €3,000 in total": a rate a period counts once for each period, and
        # the text does not say how many
        readings = [_doubt_uncounted_periods(ctx, facts, r) for r in readings]
    if facts.g.regex(_GROSS_OF).search(ctx.text, *ctx.sentence(t.start)):
        # "for a segment total of $2.80 billion before intersegment eliminations", "€5.2 billion in Shipbuilding, ...
        # before consolidation adjustments between segments": the parts or the total are given before amounts taken
        # off between them, which the text does not give
        why = Evidence("gross", "figures before eliminations the text does not give", 0.0)
        readings = [doubt(r, why) for r in readings]
    counted = n  # (the count of parts the text gives, read above)
    if counted:
        # "Together the five orders cover 375 vehicles" after a list of four: the text counts the parts, and a reading
        # that adds another number of them is not all of it
        readings = [r if len(r.operands) == counted else doubt(r, Evidence(
            "parts-counted", f"the text counts {counted} parts; this reading adds {len(r.operands)}", 0.0))
            for r in readings]
    if hedge_window(ctx.vocab, t.hedge) == "at_most":
        # "for a fleet of up to 13": a ceiling, which options or further orders the list may not name reach; parts that
        # add up to less are doubted, not accused
        readings = [doubt(r, Evidence("ceiling", f"'{t.hedge}' {t.text} is a ceiling", 0.0)) for r in readings]
    if mt.template.id == "comprising" and readings[0].operands:
        first = min(readings[0].operands, key=lambda x: x.start)
        unnumbered = _UNNUMBERED_LEAD.fullmatch(ctx.text, mt.end, first.start) if mt.end <= first.start else None
        if unnumbered is not None:
            # "Our adjusted debt of €520 million comprises those pension provisions, €95 million of lease liabilities and
            # €15 million of other items": a part named first without a figure is more of the total, of a size the
            # list does not give
            readings = [doubt(r, Evidence("unnumbered-item", f"'{unnumbered.group(1).strip()}' listed without a figure", 0.0))
                        for r in readings]
    ones = _article_items(ctx, readings, t)
    if ones:
        # "8 tankers, 4 transports and a VIP jet – 13 aircraft in all": a part written with an article is one
        why = Evidence("article-item", f"{' and '.join(repr(x.text) for x in ones)} counted as one each", 0.5)
        readings = _with_more_parts(readings, ones, why, keep_explicit=True)
    besides = _unnumbered_addition(ctx, facts, readings, t)
    if besides is not None:
        # "The supplemental totalled $95.3 billion: besides the Israel-related funds, it carried $60.8 billion for
        # Ukraine and $8.1 billion for the Indo-Pacific": a part added by words (linking words additive_before) with no
        # figure is more of the total, of a size the text does not give
        readings = [doubt(r, Evidence("unnumbered-item", f"'{besides}' names a part without a figure", 0.0))
                    for r in readings]
    named = _identifier_items(ctx, readings, t)
    if named:
        # "Poland 2,460, Australia 312, Egypt 190, other 88 – a total of 3,050": an item read as a name with a number
        # ("Australia 312") may be one more part; the figures listed are only doubted
        readings = [doubt(r, Evidence("identifier-item", f"{named[0].text} between the parts, read as a name", 0.0))
                    for r in readings]
    singles, unknown = _unnumbered_items(ctx, readings, t)
    if singles or unknown:
        # "seven vessels: the four Rauma-class craft, the two minelayers and the former minelayer Pohjanmaa": an item
        # the list names without a figure is more of the total; one if its words are singular, else of a size the text
        # does not give, so the figures listed are only doubted
        unnumbered = " and ".join(repr(x.text) for x in singles + unknown)
        if singles:
            readings = _with_more_parts(readings, singles, Evidence(
                "unnumbered-item", f"{unnumbered} listed without a figure, read as one", 0.0), keep_explicit=False)
        else:
            readings = [doubt(r, Evidence("unnumbered-item", f"{unnumbered} listed without a figure", 0.0))
                        for r in readings]
    extra = _trailing_parts(ctx, t)
    if extra:
        # "1,200 to the Army and 300 to the Marines – 1,600 in total, counting 100 for export": the total names
        # more of its parts after it; whether they are among those listed the text does not say, so the list is
        # doubted and may be read with them
        why = Evidence("trailing-parts", f"'{_quote(ctx, t.end, extra[-1].end)}' names more of the total after it", 0.5)
        readings = _with_more_parts(readings, extra, why, keep_explicit=False)
    leading = _leading_parts(ctx, pairs, t, readings)
    if leading:
        # "included a $5.6 billion U.S. Air Force contract to modernize ..., $2.2 billion from the U.S. Space Force ...
        # and $1.9 billion ..., together about $9.7 billion": an item whose words run too long to be joined may still
        # open the list; read with it too, a reading that may make the total hold (never one that accuses)
        best = readings[0]
        readings.append(dataclasses.replace(doubt(best, Evidence(
            "leading-parts", f"{' and '.join(x.text for x in leading)} before the list, read as more of its items", 0.0)),
            operands=tuple(leading) + best.operands, alternative=True))
    if any(_PER_ITEM_AFTER.match(ctx.text, x.end) for x in readings[0].operands):
        # "six destroyers – two in fiscal 2018 and one in each of fiscal 2019 through 2022": an item given per year or
        # per each of several is more than its figure; the parts as written do not give the total
        ctx.skip("sum", t, "an item of the list is given for each of several (a year, each of them)")
        return
    best = readings[0]
    optional = [x for x in best.operands if facts.g.regex(_OPTION_BEFORE).search(ctx.text, max(0, x.start - 40), x.start)]
    if best.formula == "sum" and optional and len(optional) < len(best.operands):
        # "42 helicopters for the French Army, with an option for 25 more, and 18 for the Spanish Army - 60 aircraft in
        # total": a total may count the firm items only; read without the options too (a doubted reading: it may
        # make the total hold, it never accuses)
        readings.append(doubt(dataclasses.replace(best, operands=tuple(x for x in best.operands if x not in optional)),
                              Evidence("firm-only", f"{' and '.join(x.text for x in optional)} an option, left out", 0.0)))
    # ("594 ships in 1987, roughly two-thirds of the fleet, and 175 of today's 296": a fraction or a multiple is a
    # share or a ratio, never an item of a list of amounts)
    readings = [r for r in readings if not any(x.role in ("fraction", "multiple") for x in r.operands)]
    if not readings:
        return
    other = _list_of_another(ctx, t, readings[0])
    if other is not None:
        ctx.skip("sum", t, f"its list adds up to {other.text}, another figure of the sentence, which it breaks down")
        return
    later = _first_of_a_totalled_list(ctx, t, readings[0])
    if later is not None:
        ctx.skip("sum", t, f"the first item of a list that adds up, with it, to {later.text} after it")
        return
    readings.sort(key=lambda r: -r.score)
    kept = readings[:4] + [r for r in readings[4:] if r.alternative]
    ctx.add(Claim("sum", (t.start, t.end), t, readings=tuple(kept)))
    _average_of_parts(ctx, facts, t, kept[0])


def _average_of_parts(ctx: Ctx, facts: Facts, t: Mention, best: Relation) -> None:
    """"58.6 tonnes ...: 10.2 tonnes on 21 March, ... and today's 11.3 tonnes, an average of 11.7 tonnes a drop": an
    average after the parts of a total, in their sentence and of their kind (linking words average_before_words,
    average_after_words), is the total over the number of parts listed; also read over the parts' own sum (a reading
    that can make it hold, so that a wrong total is not called wrong twice)."""
    if best.formula != "sum" or best.alternative or len(best.operands) < 2 or averaged(ctx, facts.g, t):
        return
    parts = best.operands
    _, e = ctx.sentence(t.start)
    after = max(t.end, *(x.end for x in parts))
    for a in ctx.numbers_in(after, e):
        if a.type != t.type or a.unit != t.unit or ctx.is_stated(a) or a.value_high is not None:
            continue
        if not averaged(ctx, facts.g, a) or per_time(ctx, a) is not None:
            break  # (not "averaging 10 a month": a rate per period, of another count than the parts')
        vals = [abs(x.value or 0.0) for x in parts]
        if not 0.5 * min(vals) <= abs(a.value or 0.0) <= 1.5 * max(vals):
            break  # (an average lies among what it averages: not "€142 million ... an average of €13.50 per meal")
        k = len(parts)
        count = Mention(a.start, a.start, f"{k} parts", "count", float(k), half_step=None, inferred=True)
        added = summed(parts, step=True)
        ev = Evidence("average-of-list", f"'{_quote(ctx, a.start - 20 if a.start > 20 else 0, a.end)}': an average "
                                         f"of the {k} figures listed before it", 3.0, True)
        near = Evidence("attached", "after the list, in its sentence", facts.weight("attach", 2.0))
        ctx.add(Claim("per_unit", (a.start, a.end), a, readings=(
            Relation("per_unit", (t, count), (ev, near)),
            Relation("per_unit", (added, count), (ev, near, Evidence("parts-sum", "over the parts' own sum", 0.0)),
                     alternative=True))))
        return


# an item given for each of several: "one in each of fiscal 2019 through 2022", "one a year", "two per quarter"
_EACH_RIGHT_AFTER = LazyPattern(r"\s*(?:each|apiece|a\s+piece)\b", regex.I)
_PER_ITEM_AFTER = LazyPattern(r"\s+(?:[\p{L}-]+\s+){0,2}?(?:(?:in|for)\s+each\b|each\s+(?:year|of)\b|a\s+year\b|"
                              r"per\s+(?:year|annum|quarter|month)\b|annually\b|every\s+year\b)", regex.I)


# an item a list gives as an option ("with an option for 25 more", "plus options on a further 12"): the words are
# option_words in rules/vocabulary.yaml
_OPTION_BEFORE = r"(?<![\p{L}])@option_words\s+(?:(?:for|on|of|to\s+buy|to\s+order)\s+)?(?:(?:a|an|another|a\s+further|" \
                 r"up\s+to|some|about)\s+)?$"


def _multiplied(ctx: Ctx, items: list[Mention]) -> tuple[Mention, ...]:
    """The parts of a sum, each as many times as a count right before it says ("two three-year option periods", "two
    six-ship batches": the item twice). The count is a number word (rules: number_words), 2 to 12."""
    words = ctx.vocab.get("number_words") or {}
    out: list[Mention] = []
    for x in items:
        m = _COUNT_BEFORE_ITEM.search(ctx.text, max(0, x.start - 16), x.start)
        k = words.get(m.group(1).lower()) if m else None
        n = int(k) if isinstance(k, (int, float)) and k == int(k) and 2 <= k <= 12 else 1
        inst = _INSTALMENTS_OF.search(ctx.text, max(0, x.start - 60), x.start)
        if inst is not None:
            # "the rest in 40 equal monthly instalments of UAH 300,000": the item as many times as the instalments
            n = _whole_number(ctx, inst.group(1), 600) or n
        times = n * (_periods_after(ctx, x) or 1)
        if times > 3:  # (one operand for many instalments: "40 × UAH 300,000", not forty terms in the working)
            out.append(dataclasses.replace(x, value=(x.value or 0.0) * times, text=f"{times} × {x.text}",
                                           half_step=(x.half_step or 0.0) * times, inferred=True))
        else:
            out += [x] * times
    return tuple(out)


def _doubt_uncounted_periods(ctx: Ctx, facts: Facts, r: Relation) -> Relation:
    """``r`` doubted when one of its parts is paid a period and the text does not say for how many periods."""
    for o in r.operands:
        if (facts.rate_of(o) == "period" or _A_PERIOD_AFTER.match(ctx.text, o.end)) and _periods_after(ctx, o) is None:
            return doubt(r, Evidence("period-rate", f"{o.text} a period, for periods the text does not count", 0.0))
    return r


def _periods_after(ctx: Ctx, x: Mention) -> int | None:
    """How many periods a rate a period is paid for, when the text says it right after ("€220 a month in eight monthly
    instalments", "$500 a month for 10 months", "£250 a quarter over four quarters"); None when it does not."""
    m = _PERIODS_AFTER.match(ctx.text, x.end, min(len(ctx.text), x.end + 60))
    if m is None:
        return None
    return _whole_number(ctx, m.group("n"), 120)


def _whole_number(ctx: Ctx, written: str, most: int) -> int | None:
    """A count of 2 to ``most`` written in digits or in words (vocabulary number_words: "40", "eight"); else None."""
    k = int(written) if written.isdigit() else (ctx.vocab.get("number_words") or {}).get(written.lower())
    return int(k) if isinstance(k, (int, float)) and k == int(k) and 2 <= k <= most else None


_COMPOSITION_BEFORE = r"(?<![\p{L}])(?:@composition_verbs)\s+(?:(?:about|around|some|roughly|nearly|almost|the|an?)\s+)?$"
_SIBLING_COMMA = LazyPattern(r"[^:;()–—,]*,(?!\s*(?:of\s+(?:which|whom|them)|including|includes)\b)[^:;()–—]*", regex.I)
_A_PERIOD_AFTER = LazyPattern(r"\s+(?:a|an|per|each|every)\s+(?:day|week|month|quarter|year)\b", regex.I)
# ("a month in eight monthly instalments", "a year for five years", "per quarter over four quarters")
_PERIODS_AFTER = LazyPattern(r"\s+(?:a|an|per|each|every)\s+(?P<u>day|week|month|quarter|year)\s+(?:in|for|over|during)\s+"
                             r"(?:the\s+next\s+)?(?P<n>\d+|\p{L}+)\s+(?:(?:(?:dai|week|month|quarter|year)ly|annual)\s+"
                             r"(?:instal(?:l)?ments?|payments?|tranches?)|(?P=u)s)\b", regex.I)


# "in 40 equal monthly instalments of", "in three tranches of about": a count of payments of the amount after it
_INSTALMENTS_OF = LazyPattern(r"(?<![\p{L}\p{N}.,])(\d+|\p{L}+)\s+(?:[\p{L}-]+\s+){0,2}?(?:instal(?:l)?ments?|payments?|"
                              r"tranches?)\s+of\s+(?:(?:about|around|some|roughly)\s+)?$", regex.I)
# a count in words right before an item of a list: "two three-year option periods" (not a numeral: "Lot 3 NOK 4.7
# billion" is a designation)
_COUNT_BEFORE_ITEM = LazyPattern(r"(?<![\p{L}\p{N}.,$€£¥-])(\p{L}+)\s+$")


def _leading_parts(ctx: Ctx, pairs: Pairs, t: Mention, readings: list[Relation]) -> list[Mention]:
    """The figures of a total's kind in its sentence before the best reading's list (and after any semicolon), when
    that list comes before the total: items the walk back along the list could not join."""
    best = readings[0] if readings else None
    if best is None or best.formula != "sum" or not best.operands:
        return []
    first = min(best.operands, key=lambda x: x.start)
    if first.start > t.start:
        return []
    s0, _ = ctx.sentence(t.start)
    semi = ctx.text.rfind(";", s0, first.start)
    used = {x.start for x in best.operands}
    got = [x for x in ctx.numbers_in(max(s0, semi + 1), first.start) if is_amount(x) and x.start not in used
           and _sum_comparable(ctx, x, t) and x.value_high is None and abs(x.value or 0) < abs(t.value or 0)
           and not pairs.with_old(x) and x.start not in pairs.deltas and not same_figure(x, t)]
    return got[-3:]


_ARTICLE_ITEM = LazyPattern(r"(?:,|\band\b|\bplus\b|:)\s+(?P<art>an?|one|a\s+single)\s+(?!(?:total|further|more|year|quarter|half|third|"
                            r"fifth|month|week|day|number|series|range|mix|set|package|batch|lot|share|value|cost|price|contract|"
                            r"deal|order|figure|rise|increase|decline|fall|drop|record|new\s+record|average|estimated|additional|combined|"
                            r"extra|maximum|minimum|overall|cumulative|pair|couple|dozen|handful|few|similar|like|comparable|same|"
                            r"corresponding|matching|equal)\b)(?P<noun>[\p{L}][\p{L}-]*(?![\p{L}\p{N}])"
                            r"(?:\s+[\p{L}][\p{L}-]*(?![\p{L}\p{N}])){0,2})", regex.I)
# (a word glued to digits is a designation, no item's noun: "and one AW249 simulators" is the figure "one AW249 ...")


def _with_more_parts(readings: list[Relation], more: list[Mention], why: Evidence, keep_explicit: bool
                     ) -> list[Relation]:
    """Each sum reading also read with ``more`` parts (as explicit as it was when ``keep_explicit``), and every
    reading as it was, doubted."""
    doubted = [doubt(r) for r in readings]
    return [dataclasses.replace(r, operands=r.operands + tuple(more), evidence=r.evidence + (why,), alternative=False)
            for r in (readings if keep_explicit else doubted) if r.formula == "sum"] + doubted


def _article_items(ctx: Ctx, readings: list[Relation], t: Mention) -> list[Mention]:
    """Parts of a count written with an article ("and a VIP jet") between or right after the listed parts: one
    each ("a second pair": two). Only for counts; the list is the best reading's."""
    if t.type not in ("count", "number") or not readings:
        return []
    ops = sorted(readings[0].operands, key=lambda x: x.start)
    if not ops or readings[0].formula != "sum":
        return []
    a = ops[0].start
    b = t.start if t.start > ops[-1].end else min(ctx.sentence(t.start)[1], ops[-1].end + 60)
    out = []
    for m in _ARTICLE_ITEM.finditer(ctx.text, a, b):
        if ctx.numbers_in(m.start(), m.end()) or any(o.start <= m.start() < o.end for o in ops) or \
                any(x.start == m.start("art") for x in ctx.numbers_in(m.start("art"), m.end() + 60)):
            continue  # (nor the article that opens a figure of its own: "and one AW249 simulators")
        p0 = m.start("art")
        # "a second pair": a word of a fixed size (vocabulary article_numbers) is that many
        sized = [float(n) for w in regex.findall(r"\p{L}+", m.group(0).lower())
                 if isinstance(n := (ctx.vocab.get("article_numbers") or {}).get(w), (int, float))]
        out.append(dataclasses.replace(ops[-1], start=p0, end=m.end(), text=ctx.text[p0:m.end()],
                                       value=sized[0] if sized else 1.0,
                                       value_high=None, approx=False, hedge=None, half_step=0.0, num_start=p0,
                                       num_end=p0, scale=None, decimals=0, grouped=False, word=True,
                                       noun=m.group("noun"), inferred=True, role=None))
    return out[:3]


_DEFINITE_ITEM = LazyPattern(r"(?:,|\band\b|\bplus\b)\s+(?P<art>the|its|their|our)\s+(?!(?:rest|remaining|remainder|"
                             r"balance|other|others|total|whole|same|number|first|last|latter|year|period|quarter|month|"
                             r"order|contract|deal|programme|program|option|options)\b)", regex.I)
_ITEM_END = LazyPattern(r"[,;.:()–—]|\s+(?:and|plus|with|which|that|who|to|for|in|at|from|by|were|was|are|is|will|have|has)"
                        r"\s|$", regex.I)


def _list_of_another(ctx: Ctx, t: Mention, best: Relation) -> Mention | None:
    """"Four more were added in April 2023, bringing the total to nine: three in northern Luzon and one on Balabac
    Island": a list after a total whose items add up, not to it, but exactly to another figure of its kind before it
    in the sentence breaks that figure down. That figure, or None."""
    if best.formula != "sum" or t.value is None or not best.operands or min(x.start for x in best.operands) < t.end:
        return None
    got = sum(x.value or 0.0 for x in best.operands)
    if abs(got - t.value) <= 1e-9 * max(1.0, abs(t.value)):
        return None
    s, _ = ctx.sentence(t.start)
    return next((y for y in ctx.numbers_in(s, t.start) if is_amount(y) and y.type == t.type and y.unit == t.unit
                 and y.value is not None and abs(y.value - got) <= 1e-9 * max(1.0, abs(got))), None)


def _first_of_a_totalled_list(ctx: Ctx, t: Mention, best: Relation) -> Mention | None:
    """"about 3,400 reservists, 2,100 conscripts and 1,800 Defence League volunteers, some 7,300 personnel in all",
    "totalled $17.3 billion in 2022, $13.5 billion in 2023 and about $9.5 billion in 2024, or $40.3 billion over the
    three years": a figure whose list after it adds up, with the figure itself, to a later figure of its kind in the
    sentence is that list's first item, not the total of the rest. That later figure, or None."""
    if best.formula != "sum" or t.value is None or not best.operands or min(x.start for x in best.operands) < t.end:
        return None
    got = t.value + sum(x.value or 0.0 for x in best.operands)
    last = max(x.end for x in best.operands)
    for y in ctx.numbers_in(last, ctx.sentence(t.start)[1]):
        # (counts of the list's things under a wider noun: "14 C-135FR ..., two A340 and three A310 transports, 19
        # aircraft in all"; the sum matching is the evidence)
        if is_amount(y) and y.type == t.type and (y.unit == t.unit or t.type == "count") and y.value is not None and \
                abs(y.value - got) <= max(y.half_step or 0.0, 1e-9 * max(1.0, abs(got))):
            return y
    return None


def _identifier_items(ctx: Ctx, readings: list[Relation], t: Mention) -> list[Mention]:
    """Figures read as names with a number ("Australia 312") among a sum's listed parts, or between them and the total
    after them."""
    if not readings or readings[0].formula != "sum" or not readings[0].operands:
        return []
    ops = sorted(readings[0].operands, key=lambda x: x.start)
    a = ops[0].start
    b = t.start if t.start > ops[-1].end else ops[-1].end
    # (a name and a bare number, as a list item is written - "Australia 312" - not a model inside a part's own words:
    # "54 K9 howitzers and 36 K10 resupply vehicles")
    return [x for x in ctx.identifiers_in(a, b) if _NAME_AND_NUMBER.fullmatch(x.text)
            and not any(o.start <= x.start < o.end for o in ops)
            # (standing as an item stands: after a comma, colon or "and", before a comma, "and" or a dash - not "Improved
            # Type 03 medium-range missile: ¥142.5 billion")
            and _ITEM_OPENS.search(ctx.text, max(0, x.start - 6), x.start) is not None
            and _ITEM_CLOSES.match(ctx.text, x.end) is not None]


_ITEM_OPENS = LazyPattern(r"(?:[,:;]|\band|\bwith)\s*$", regex.I)
_ITEM_CLOSES = LazyPattern(r"\s*(?:[,;]|\band\b|\s[–—-]\s)", regex.I)
_NAME_AND_NUMBER = LazyPattern(r"\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s+\d[\d,.]*")


def _unnumbered_addition(ctx: Ctx, facts: Facts, readings: list[Relation], t: Mention) -> str | None:
    """The words of a part added without a figure (linking words additive_before: "besides the Israel-related funds")
    between an amount's total and its listed parts, or among them; None when there is none."""
    if not readings or readings[0].formula != "sum" or not readings[0].operands or t.type in ("count", "number"):
        return None  # (a count's unnumbered things are its list's items, read by _unnumbered_items: "54 K9s and 36 K10s,
        # together with ammunition and associated equipment – 100 armoured vehicles in all")
    ops = sorted(readings[0].operands, key=lambda x: x.start)
    a, b = (t.end, ops[-1].start) if t.start < ops[0].start else (ops[0].start, t.start)
    for mt in facts.g.word_pattern("additive_before").finditer(ctx.text, a, b):
        clause = _ADDITION_CLAUSE.match(ctx.text, mt.end(), b)
        if clause is not None and not ctx.numbers_in(mt.end(), clause.end()):
            return ctx.text[mt.start():clause.end()].strip()
    return None


# the words an addition names up to the end of its phrase: "besides the Israel-related funds,"
_ADDITION_CLAUSE = LazyPattern(r"\s+(?:[\p{L}'’-]+\s+){0,5}?[\p{L}'’-]+(?=\s*[,;:–—)])")


def _unnumbered_items(ctx: Ctx, readings: list[Relation], t: Mention) -> tuple[list[Mention], list[Mention]]:
    """Items of a count's list written with "the"/"its" and no figure ("..., the two minelayers and the former minelayer
    Pohjanmaa"): those whose words are all singular (one each), and those that may be several. Only for counts; the
    list is the best reading's, the items after its first part."""
    if t.type not in ("count", "number") or not readings or readings[0].formula != "sum":
        return [], []
    ops = sorted(readings[0].operands, key=lambda x: x.start)
    if not ops:
        return [], []
    a = ops[0].end
    b = t.start if t.start > ops[-1].end else min(ctx.sentence(t.start)[1], ops[-1].end + 60)
    singles: list[Mention] = []
    unknown: list[Mention] = []
    for m in _DEFINITE_ITEM.finditer(ctx.text, a, b):
        end = _ITEM_END.search(ctx.text, m.end(), b)
        stop = end.start() if end is not None else b
        words = regex.findall(r"[\p{L}][\p{L}'’-]*", ctx.text[m.end():stop])
        if not 1 <= len(words) <= 7 or ctx.numbers_in(m.start(), stop) or any(o.start < stop and m.start() < o.end
                                                                               for o in ops):
            continue
        p0 = m.start("art")
        item = dataclasses.replace(ops[-1], start=p0, end=stop, text=ctx.text[p0:stop], value=1.0, value_high=None,
                                   approx=False, hedge=None, half_step=0.0, num_start=p0, num_end=p0, scale=None,
                                   decimals=0, grouped=False, word=True, noun=words[-1], inferred=True, role=None)
        plural = any(w.lower().endswith("s") and not w.lower().endswith(("ss", "'s", "’s", "us", "is")) for w in words)
        (unknown if plural else singles).append(item)
    return singles[:3], unknown[:3]


_TRAILING = LazyPattern(r"[\p{L}\s'’-]{0,40}[,;–—(]?\s*(?:including|counting|plus|besides|as\s+well\s+as|together\s+with|along\s+with|"
                        r"with\s+a\s+further|and\s+a\s+further|and\s+another)\b", regex.I)


def _trailing_parts(ctx: Ctx, t: Mention) -> list[Mention]:
    """The figures of a total's kind named after it as more of its parts ("..., counting 100 for export",
    "..., including eight recovery vehicles")."""
    _, e = ctx.sentence(t.start)
    m = _TRAILING.match(ctx.text, t.end, e)
    if m is None:
        return []
    return [x for x in ctx.numbers_in(m.end(), min(e, m.end() + 80)) if is_amount(x) and _sum_comparable(ctx, x, t)
            and x.value_high is None and abs(x.value or 0) < abs(t.value or 0)][:3]


def _growth_sentence(ctx: Ctx, facts: Facts, t: Mention) -> bool:
    """Does the sentence of a percent total speak of changes (a change verb or noun before it)? Then its
    percentages are rates of growth, which do not add up to a whole."""
    s, _ = ctx.sentence(t.start)
    before = ctx.text[s:t.start]
    return any(facts.g.word_pattern(w).search(before) for w in ("increase_words", "decrease_words", "change_nouns"))


def _holding_sentence(ctx: Ctx, facts: Facts, t: Mention) -> bool:
    """Does the sentence of a percent total say its percentages are shares of one whole ("holds", "stake",
    "of the", "accounts for": linking words holding_words)?"""
    s, e = ctx.sentence(t.start)
    return facts.g.word_pattern("holding_words").search(ctx.text[s:e]) is not None


def _subtotal_in(items: list[Mention]) -> tuple[Mention, list[Mention]] | None:
    """An item that is the sum of the two or more items right after it ("€250 million, splits into €100 million and
    €150 million") or right before it ("212 guns in August 2022 and 152 in December 2023, 364 in all"), within their
    rounding. Lists are short (a sentence's items): the runs tried are few."""
    def adds(x: Mention, run: list[Mention]) -> bool:
        total = sum(y.value or 0.0 for y in run)
        slack = sum(y.half_step or 0.0 for y in run) + (x.half_step or 0.0)
        return bool(x.value) and abs(total - (x.value or 0.0)) <= slack + 1e-9 * abs(x.value or 0.0)

    for i, x in enumerate(items[:12]):
        for j in range(i + 3, min(len(items), i + 12) + 1):
            if adds(x, items[i + 1:j]):
                return x, items[i + 1:j]
        for k in range(max(0, i - 11), i - 1):
            if adds(x, items[k:i]):
                return x, items[k:i]
    return None


def _nested_totals(ctx: Ctx, n0: int) -> None:
    """"117 tanks in Korea. The other 63 ...: three pilot vehicles and 60 assembled in Poland, giving 180 in total":
    when the parts found for a total are exactly the parts of a smaller total stated beside them, they may be the
    breakdown of that subtotal. The larger total is then also read as the subtotal plus the one or two figures of
    its kind just before it (found by position, so not explicit), and it is never called wrong on the breakdown."""
    sums = [k for k in range(n0, len(ctx.claims)) if ctx.claims[k].kind == "sum" and ctx.claims[k].readings
            and ctx.claims[k].stated is not None]
    for i, k in enumerate(sums):
        big = ctx.claims[k]
        parts = {x.start for x in big.readings[0].operands}
        for j in sums[max(0, i - 8):i + 9]:  # the totals around it: bounded, whatever the sentence holds
            sub = ctx.claims[j]
            u = sub.stated
            if j == k or u is None or big.stated is None or {x.start for x in sub.readings[0].operands} != parts \
                    or abs(u.value or 0) >= abs(big.stated.value or 0):
                continue
            s0 = ctx.sents[max(0, ctx.sent_index(u.start) - 1)][0]
            before = [x for x in ctx.numbers_in(s0, u.start) if is_amount(x) and _sum_comparable(ctx, x, big.stated)
                      and not same_figure(x, big.stated) and abs(x.value or 0) < abs(big.stated.value or 0)
                      and x.start not in parts]
            why = f"{u.text} is itself the total of {' + '.join(x.text for x in sub.readings[0].operands)}"
            alts = tuple(Relation("sum", tuple(before[-n:]) + (u,), (Evidence("subtotal", why, 3.5 - n),))
                         for n in (1, 2) if len(before) >= n)
            doubted = tuple(doubt(r) for r in big.readings)
            ctx.claims[k] = dataclasses.replace(big, readings=doubted + alts)
            break


def _sum_comparable(ctx: Ctx, x: Mention, t: Mention) -> bool:
    """Parts may name their things differently from the total ("700 jobs: 500 existing posts and 200 new ones")."""
    if {x.type, t.type} <= {"count", "number"}:
        return True
    return comparable(ctx.vocab, x, t)


_COUNTED = LazyPattern(r"\b(?:the|these|those|all|its|their)\s+(two|three|four|five|six|seven|eight|nine|ten|both)\b"
                         r"(?:\s+[\p{L}-]+){0,3}\s*$", regex.I)
# "6 Hunter class frigates, down from 9": the earlier level set off right after an item
# (a few words of the item may stand between: "$2.5 billion of share repurchases, up from $1.5 billion")
_OWN_EARLIER = LazyPattern(r"(?:[^\S\n]+[\p{L}'’&-]+){0,5}\s*[,(]?\s*(?:(?:(?:up|down)\s+)?from|compared\s+(?:with|to)|"
                           r"against|versus|vs\.?)\s+(?:(?:about|around|some|nearly|almost)\s+)?", regex.I)
# ", up 48 per cent from ", ", compared with ", " (2024: ": a change set off after a level, up to its base
_CHANGE_ASIDE = LazyPattern(r"\s*(?:,|\(|–|—)\s*(?:(?:up|down|an?\s+(?:increase|rise|decrease|fall|drop)\s+of)\s+[\d.,]+\s*"
                            r"(?:%|per\s*cent|percent)\s+)?(?:from|on|compared\s+(?:with|to)|against|versus|vs\.?)\s+"
                            r"(?:(?:the|a|an|its|their)\s+)?", regex.I)
_IMPLIED_BEFORE = r"(?<![\p{L}])(?:@implication_verbs)\s+(?:(?:about|around|some|roughly|nearly|almost|just\s+over|just\s+under|" \
                  r"more\s+than|an\s+extra|another|a\s+further)\s+)?$"
_GROSS_OF = r"\b(?:before|excluding|gross\s+of)\s+(?:[\p{L}-]+\s+){0,2}?(?:@elimination_nouns)\b"
_NETTED = LazyPattern(r"\b(?:eliminations?|inter-?segment|intra-?group|consolidation|less|minus|net\s+of|after\s+deducting|"
                      r"deducting|offset\s+by)\b[^,;]{0,20}$", regex.I)
_COUNTED_VERB = LazyPattern(r"\s*(?:total(?:led|ling|s)?|come\s+to|came\s+to|amount(?:ed)?\s+to|make|account(?:ed)?\s+for|"
                            r"cover(?:ed)?|(?:are|were)\s+(?:valued\s+at|worth)|worth|cost)\s*$", regex.I)
_COUNTED_ASIDE = LazyPattern(r"(?:(?P<det>\b(?:the|these|those|all|its|their)\s+))?\b(?P<n>two|three|four|five|six|seven|eight|nine|"
                             r"ten|both)\b(?:\s+[\p{L}-]+){0,4}\s*(?:,|[–—]|\s-\s)(?P<aside>[^;:]*?)\s*(?:,|[–—]|\s-)?\s*$",
                             regex.I)
_SMALL = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _bracketed_after_figure(ctx: Ctx, x: Mention) -> bool:
    """"NOK 8.50 per share (NOK 6.50)": a figure alone in brackets right after a figure of its kind is that figure's
    prior-period value or restatement, never one more part of a sum."""
    if not regex.match(r"\s*\)", ctx.text[x.end:x.end + 3]):
        return False
    open_at = ctx.text.rfind("(", max(0, x.start - 3), x.start)
    if open_at < 0 or ctx.text[open_at + 1:x.start].strip():
        return False
    before = ctx.numbers_in(max(0, open_at - 25), open_at)
    return bool(before) and before[-1].type == x.type and \
        regex.fullmatch(r"\s*(?:(?:per|a|an)\s+[\p{L}-]+)?\s*", ctx.text[before[-1].end:open_at]) is not None


def _existing_vs_added(ctx: Ctx, facts: Facts, t: Mention, parts: list[Mention]) -> bool:
    """The total is said to be there already ("already employ", "the existing fleet") and its parts are said to be
    added ("new workers", "additional jets"): the parts are no breakdown of it."""
    s0, _ = ctx.sentence(t.start)
    if not facts.g.word_pattern("existing_words").search(ctx.text, s0, t.start):
        return False
    a = max(ctx.sentence(parts[0].start)[0], parts[0].start - 40)
    return bool(facts.g.word_pattern("addition_words").search(ctx.text, a, parts[-1].end + 20))


_PERIOD_OPENING = LazyPattern(r"\s*(?:(?:but|and|yet|by\s+contrast|in\s+contrast)\s*,?\s+)?"
                              r"(?P<p>last\s+year|a\s+year\s+(?:earlier|before|ago)|"
                              r"the\s+(?:previous|prior)\s+year|in\s+the\s+(?:previous|prior)\s+year|the\s+year\s+before|"
                              r"in\s+(?:fiscal\s+|FY\s?)?(?:19|20)\d\d(?:[-–/]\d\d)?)\b", regex.I)


def _period_opening(ctx: Ctx, x: Mention) -> str | None:
    """The period a figure's sentence opens on ("Last year the two together came to ...", "In 2023, ..."), else
    None."""
    s0 = ctx.sentence(x.start)[0]
    m = _PERIOD_OPENING.match(ctx.text, s0, x.start)
    return " ".join(m.group("p").lower().split()) if m is not None else None


_OF_THEM_AFTER = LazyPattern(r"\s+of\s+(?:them|whom|which|these|those)\b", regex.I)



def _list_lead(ctx: Ctx, t: Mention, items: list[Mention]) -> Mention | None:
    """The last figure of the total's kind before a list in its sentence, set off from it by a comma only ("3 tanks are
    due by the end of 2025, 11 in 2026, ..."), when it is not one of the items."""
    s0 = ctx.sentence(items[0].start)[0]
    lead = [y for y in ctx.numbers_in(s0, items[0].start) if y is not t and y not in items and is_amount(y)
            and _sum_comparable(ctx, y, t) and counts_compatible(ctx.vocab, y, t) and not same_figure(y, t)]
    if not lead or _LEAD_CUT.search(ctx.text, lead[-1].end, items[0].start):
        return None
    return lead[-1]


_LEAD_CUT = LazyPattern(r"[;:()]|\b(?:and|but|while|whereas|of\s+which|including)\b", regex.I)


def _counted_parts(ctx: Ctx, t: Mention) -> int | None:
    """"the three budgets total about ¥23.0 trillion": the number of parts the text says a total has."""
    s, _ = ctx.sentence(t.start)
    before = ctx.text[max(s, t.start - 60):t.start]
    before = regex.sub(r"\s*(?:total(?:led|ling|s)?|come\s+to|came\s+to|amount(?:ed)?\s+to|reach(?:ed)?|"
                       r"(?:are|were|is|was)\s+(?:valued\s+at|worth)|valued\s+at|worth|cost(?:s|ing)?|"
                       r"(?:about|around|some|roughly|nearly|almost|over|more\s+than))\s*", " ", before, flags=regex.I)
    m = _COUNTED.search(before.rstrip())
    if m:
        return _SMALL.get(m.group(1).lower())
    # "Those two contracts, 212 and 152 guns, make 354": the count, then its parts set off by commas or dashes
    l0 = max(s, t.start - 250)
    lead = ctx.text[l0:t.start]
    verb = _COUNTED_VERB.search(lead)
    lead = lead[:verb.start()] if verb else lead  # a prefix: offsets into the text stay as they are
    m = _COUNTED_ASIDE.search(lead)
    if m is None or (not m.group("det") and lead[:m.start()].strip()):
        return None  # no determiner: only a count that opens its sentence ("Three air defence items – ...")
    n = _SMALL.get(m.group("n").lower())
    a0 = l0 + m.start("aside")
    inside = [x for x in ctx.numbers_in(a0, a0 + len(m.group("aside"))) if is_amount(x) and _sum_comparable(ctx, x, t)]
    return n if n is not None and len(inside) == n else None


def _counts_the_parts(ctx: Ctx, x: Mention, t: Mention) -> bool:
    """"the two orders total 48 aircraft": "two" counts the parts; it is none of them."""
    return bool(x.word and x.end <= t.start and t.start - x.end < 60 and
                regex.search(r"\b(?:the|these|those|all|its|their)\s+$", ctx.text[max(0, x.start - 8):x.start], regex.I)
                and ctx.sent_index(x.start) == ctx.sent_index(t.start))


def _partitive(ctx: Ctx, x: Mention) -> bool:
    """"22 of them", "two of which", "19 of the aircraft": a part of a figure given elsewhere, no list item (not "19 of
    the 40 jets", a part and its whole)."""
    if regex.match(r"\s+of\s+(?:them|which|these|those|whom)\b", ctx.text[x.end:x.end + 20], regex.I):
        return True
    # (a bare numeral only: not "14 radars of the new type", "40% of the budget")
    return x.type in ("count", "number") and x.end <= x.num_end and \
        bool(regex.match(r"\s+of\s+(?:the|its|their)\s+(?![^\s]*\d)\p{L}", ctx.text[x.end:x.end + 24], regex.I))


def _list_before(ctx: Ctx, facts: Facts, t: Mention) -> list[Mention]:
    """The figures listed right before a total in its sentence: "six K9 and 18 Chunmoo – 24 systems in all"."""
    s, _ = ctx.sentence(t.start)
    every = [x for x in ctx.numbers_in(s, t.start) if is_amount(x) and not _partitive(ctx, x)]
    # figures of another kind are asides of an item ("two more, worth $1 billion, in December 2020, for a fleet of
    # five"), read as words; the list is of the total's kind. So is a price for each when the total is no such
    # price ("£4.2 billion ..., or £840 million for each ship, for a combined £7.9 billion")
    unit = facts.rate_of(t) == "unit"
    # "12 F-35B in two batches and eight F-35A, 20 in all": how a part is split up (linking words grouping_nouns)
    # is no part
    levels = [x for x in every if (unit or facts.rate_of(x) != "unit") and not _bracketed_after_figure(ctx, x)
              and not _split_count(ctx, facts, x)]
    figs = [x for x in levels if _sum_comparable(ctx, x, t)] if levels and not _sum_comparable(ctx, levels[-1], t) \
        else levels
    if not figs:
        return []
    asides = [x for x in every if x not in figs]

    def words(a: int, b: int) -> str:
        out = ctx.text[a:b]
        for y in reversed([y for y in asides if a <= y.start and y.end <= b]):
            out = out[:y.start - a] + "x" + out[y.end - a:]
        return out

    gap = _HEDGE_END.sub("", words(figs[-1].end, t.start))  # "..., together more than €1.2 billion"
    if len(gap) > 90 or regex.search(r"[;]|\b(?:while|whereas|but|than)\b", gap):
        return []
    if _RESPECTIVELY_AFTER.match(gap):
        named = {h.measure for h in facts.measure_hits_in(s, figs[0].start)}
        if len(named) >= 2 and facts.measure_id(t) in named:
            return []  # "Order intake and revenue reached SEK 549.3 million and SEK 594.1 million respectively, and
            # revenue for the full year totalled SEK 1,806.7 million": the figures of two measures named in turn are no
            # parts of a total of one of them
    comp = [x for x in figs if _sum_comparable(ctx, x, t)]
    kept = outside_closed_aside(ctx, comp, s, t.start)
    if len(kept) < len(comp) and kept and kept[0] is comp[0]:
        # "800,000 rounds ... — 500,000 rounds of 155mm and 300,000 of 122mm — delivered a total of 1.5 million rounds":
        # the items between two dashes break down the figure before them, no parts of the total after
        figs = [x for x in figs if x in kept or x not in comp]
    out = [figs[-1]]
    for x in reversed(figs[:-1]):
        between = words(x.end, out[0].start)
        if unit:  # a total per share of parts per share: "NOK 8.50 per share ... plus NOK 2.50, a total of NOK 11.00
            between = _PER_THING.sub(" ", between)  # per share": each part's own "per share" is no break
        if not _joined(between) and not _semicolon_joined(between):
            break
        out.insert(0, x)
    return out


def _labelled_items(ctx: Ctx, t: Mention) -> list[Mention] | None:
    """The items of a list set apart by semicolons before a labelled total ("aircraft carriers 14.8; submarines 17.6;
    other 1.0; total 35.5"), from the colon that opens it (or the sentence start): one figure of the total's kind
    each, two items at least; None otherwise."""
    s0, _ = ctx.sentence(t.start)
    end = ctx.text.rfind(";", s0, t.start)
    start = max(s0, ctx.text.rfind(":", s0, end) + 1)
    if end <= start:
        return None
    items: list[Mention] = []
    a = start
    for b in [i for i in range(start, end) if ctx.text[i] == ";"] + [end]:
        got = [x for x in ctx.numbers_in(a, b) if is_amount(x) and x.type != "percent"]
        if len(got) != 1 or not _sum_comparable(ctx, got[0], t):
            return None
        items.append(got[0])
        a = b + 1
    return items if len(items) >= 2 else None


def _semicolon_joined(between: str) -> bool:
    """Two items of a list set apart by semicolons: "23 frigates, corvettes and destroyers; 11 mine countermeasures
    vessels; 9 amphibious ships; and 8 support vessels, for a total of 51 hulls" (the item's words before the
    semicolon, no verb of a clause)."""
    m = _SEMICOLON_ITEM.fullmatch(between)
    # (the item's label may also come after the semicolon, before its figure: "television £2.1m; online video £1.4m")
    # (and only when the figure before ends its own item: not "to replace its 12 Hamilton-class cutters; Congress funded
    # three more")
    return m is not None and (not m.group(2).strip() or not m.group(1).strip()) and \
        not _ITEM_CLAUSE_OPENER.match(m.group(2)) and not _PAST_VERB.search(m.group(2)) and \
        all(not _CLAUSE_VERB.search(g) and not _in_relative_clause(g) and _ITEM_WORDS.fullmatch(g.replace(",", " "))
            is not None for g in (m.group(1), m.group(2)))


# (not a clause of its own after the semicolon: "; with six ground spares, ... built 81 in all")
# (nor a clause with a verb of its own after it: "; Congress funded three more", "; Ingalls recorded $647 million")
_PAST_VERB = LazyPattern(r"(?<![\p{L}])\p{Ll}{2,}ed(?![\p{L}])")
_ITEM_CLAUSE_OPENER = LazyPattern(r"\s*(?:with|while|whereas|but|as|after|before|since|for|in|at|by|from|to|on|of|"
                                  r"including|excluding|besides|beyond|than)\b", regex.I)
_SEMICOLON_ITEM = LazyPattern(r"([^;]*);\s*(?:and\s+|plus\s+)?([^;]*)", regex.I)


_PER_THING = LazyPattern(r"\b(?:per|each)\s+[\p{L}-]+", regex.I)


def _items_before_semicolon(ctx: Ctx, t: Mention, items: list[Mention]) -> list[Mention]:
    """The figure of the total's kind in the clause before a semicolon that ends right before a list: a list whose
    items are set apart by semicolons ("the Department requested $849.8 billion; atomic energy accounts for $33.2
    billion and other activities for $11.8 billion, giving $894.8 billion")."""
    if not items:
        return []
    s0, _ = ctx.sentence(t.start)
    semi = ctx.text.rfind(";", s0, items[0].start)
    if semi < 0:
        return []
    lo = max(s0, ctx.text.rfind(";", s0, semi) + 1)
    got = [x for x in ctx.numbers_in(lo, semi) if is_amount(x) and x.value_high is None and _sum_comparable(ctx, x, t)
           and abs(x.value or 0) < abs(t.value or 0) and not same_figure(x, t)]
    return got[-1:]


_CHANGE_WORD_BEFORE = LazyPattern(r"\b(?:up|down|rose|fell|increased|decreased|grew|declined|rising|falling|growing|declining)\s+"
                                  r"(?:by\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+|around\s+)?$|[+−]\s*$", regex.I)


def _list_after(ctx: Ctx, facts: Facts, t: Mention, colon: int | None = None) -> list[Mention]:
    """The figures listed after a total: "1,400 tracked vehicles on the same chassis: 1,014 Borsuk IFVs and 386 ...";
    after a closing colon, the list may run on over the following lines (bullets)."""
    s_t, e = ctx.sentence(t.start)
    if ctx.text[e - 1:e] == ":":
        if _INCLUDES.search(ctx.text, max(s_t, e - 40), e):
            return []  # "... is 4.1 percent higher than a year ago and includes:": the bullets are some of it
        pi = ctx.para_index(t.start)
        items = []
        for k in range(pi + 1, min(len(ctx.paras), pi + 12)):
            a, b = ctx.paras[k]
            line = ctx.text[a:b]
            mark = regex.match(r"\s*(?:[-•*·–]|\d+[.)]|\p{L}[.)])\s", line)
            if not mark:
                break
            # (not "up 2.3 per cent" after an item's level: its change, no part)
            first = [x for x in ctx.numbers_in(a + mark.end(), b) if is_amount(x) and comparable(ctx.vocab, x, t)
                     and not _CHANGE_WORD_BEFORE.search(ctx.text, max(a, x.start - 25), x.start)]
            if not first:
                return []  # "• one Landing Ship Medium." read as no figure: the bullets' sum would leave it out
            if first:
                items.append(first[0])
                # "- U.S. Marine Corps: 12 F-35B and 8 F-35C": the bullet's further items, listed with its first
                for x in first[1:]:
                    if not _joined(ctx.text[items[-1].end:x.start]):
                        break
                    items.append(x)
        if len(items) >= 2:
            return items
    start = colon if colon is not None else t.end  # after "...: " the list starts at the colon
    # "six Hunter-class frigates (cut from nine), 11 general purpose frigates": a bracket (or an "of which" clause)
    # after an item is an aside of it, when the item has a figure of its own before it ("Sweden (509), Norway (144)"
    # are items in brackets)
    brackets = [(m.start(), m.end()) for m in _ASIDE.finditer(ctx.text, start, e) if m.start() > start]
    amounts = [x for x in ctx.numbers_in(start, e) if is_amount(x)]
    asides: list[tuple[int, int]] = []
    i, prev = 0, start  # one walk over brackets and figures in text order: linear
    for a, b in brackets:
        while i < len(amounts) and amounts[i].start < prev:
            i += 1
        if i < len(amounts) and amounts[i].end <= a:
            asides.append((a, b))
        prev = b
    # "36 Medium Caliber Weapon System variants armed with a 30mm cannon and 18 ...": a figure of another kind in an
    # item's words (a calibre, a length) is part of its description, not an item
    kin = amounts[0].type if amounts else None
    amounts_kin: list[Mention] = []
    others: list[Mention] = []
    for x in amounts:
        (amounts_kin if x.type == kin or {x.type, kin} <= {"count", "number"} else others).append(x)
    i = 0  # one walk over the bracket asides and the other figures, both in text order: linear
    loose: list[tuple[int, int]] = []
    for x in others:
        while i < len(asides) and asides[i][1] <= x.start:
            i += 1
        if not (i < len(asides) and asides[i][0] <= x.start and x.end <= asides[i][1]):
            loose.append((x.start, x.end))
    asides = sorted(asides + loose)
    amounts = amounts_kin
    j = 0
    figs = []
    for x in amounts:
        while j < len(asides) and asides[j][1] <= x.start:
            j += 1
        if not (j < len(asides) and asides[j][0] < x.start and x.end < asides[j][1]):
            figs.append(x)
    if not figs:
        return []
    if any(_EACH_RIGHT_AFTER.match(ctx.text, x.end) for x in figs):
        return []  # "16 submarines: six for India, four for Brazil, two each for Chile and Malaysia": an item counted
        # once for every one it names is not summed as written
    if _CHANGE_SIZE_AFTER.match(ctx.text, figs[0].end):
        return []  # "Orders totalled SEK 9.4 billion, a SEK 1.1 billion, or 13%, increase on 2024, ...": the size of a
        # change is no part of the level it changed

    def between(a: int, b: int) -> str:
        out = ctx.text[a:b]
        for c, d in reversed([(c, d) for c, d in asides if a <= c and d <= b]):
            out = out[:c - a] + " " + out[d - a:]
        return out

    gap = _HEDGE_END.sub("", ctx.text[start:figs[0].start])  # "...: more than 2,000 at ...": the hedge is the item's
    if colon is not None and _CLAUSE_VERB.search(gap):
        return []  # "...: the TB2 has gone to 33 countries and the AKINCI to nine": clauses, not a list of parts
    if len(gap) > 80 or regex.search(r"[;]|\b(?:while|whereas|but|than)\b", gap):
        return []
    if facts.g.regex(_COMPARED_GAP).search(gap):
        return []  # "a fleet of 381 ships, well above today's 295, and ... six new ships": the figure a comparison sets
        # beside the total (linking words comparison_openers, benchmark_verbs) is no part of it
    # "18 aircraft: Portugal's five, Hungary's two, the nine for the Netherlands and Austria and the Czech pair": an item
    # after the last figure with no figure of its own ("and the Czech pair") is a list not read whole
    rest = ctx.text[figs[-1].end:e]
    if _ITEM_WITHOUT_FIGURE.search(rest) and not any(ch.isdigit() for ch in rest) and \
            not ctx.numbers_in(figs[-1].end, e):
        return []
    out = [figs[0]]
    for k, x in enumerate(figs[1:], start=1):
        if not _joined(between(out[-1].end, x.start)):
            # "three destroyers, six frigates of one class, 11 of another and six large uncrewed vessels": an item the
            # walk cannot join, and the list going on after it, is a list not read whole: no parts
            if k + 1 < len(figs) and _joined(between(x.end, figs[k + 1].start)):
                return []
            break
        out.append(x)
    return out


# an aside after a listed item: a bracket, or an "of which" clause closed by a comma ("142 Leopard 2A4, of which 82 are
# being upgraded, 105 2A5s and 84 2PL tanks")
_ASIDE = LazyPattern(r"\([^()\n]{1,80}\)|,\s*of\s+(?:which|whom|these|them)\s+[^,;()\n]{1,80}(?=,)", regex.I)


_COMPARED_GAP = r"(?<![\p{L}])(?:@comparison_openers|@benchmark_verbs|up\s+from|down\s+from)(?![\p{L}])"
_EACH_RIGHT_AFTER = LazyPattern(r"\s+(?:each|apiece)\b", regex.I)
_ITEM_WITHOUT_FIGURE = LazyPattern(r"(?:,|\band)\s+(?:the|a|an|its|their)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s*[.;]?\s*$", regex.I)
_CLAUSE_VERB = LazyPattern(r"\b(?:was|were|is|are|reached|rose|fell|stood|came|totall?ed|grew|increased|decreased|"
                             r"declined|amounted|had|has|have|will|would|climbed|dropped|jumped)\b", regex.I)


def _bare_money_list(ctx: Ctx, t: Mention, first: Mention) -> bool:
    """"orders of $412 million, $287 million and $96 million" (no words between any two amounts) is a list of
    three; "$4.2 billion, $3.1 billion for aircraft and $1.7 billion for training" names what each part is for."""
    items = [t] + _appositive_items(ctx, t, first)
    return len(items) >= 3 and all(
        regex.fullmatch(r"[\s,]*(?:(?:and|or|plus)\s+)?", ctx.text[a.end:b.start]) for a, b in zip(items, items[1:], strict=False))


def _appositive_items(ctx: Ctx, t: Mention, first: Mention | None) -> list[Mention]:
    """"220 aircraft, 164 for export and 56 for France": the figures after the total that name no thing of
    their own (or the total's thing); "100 tanks, 50 trucks and 20 radars" is a list of three things, no total."""
    if first is None or t.type not in ("count", "number", "currency", "quantity"):
        return []
    items = [first]
    for x in ctx.numbers_in(first.end, ctx.sentence(first.start)[1]):
        if not is_amount(x):
            continue
        if not _joined(ctx.text[items[-1].end:x.start]):
            break
        items.append(x)
    if len(items) < 2:
        return []
    if any(_CHANGE_SIZE_AFTER.match(ctx.text, x.end) for x in items):
        return []  # "SEK 9.4 billion, a SEK 1.1 billion, or 13%, increase on 2024, when the Army signed SEK 3 billion":
        # the size of a change is no part of the level it changed
    for x in items:
        if x.type == "count" and x.unit and not x.inferred and t.type == "count" and t.unit and \
                not (counts_compatible(ctx.vocab, x, t) and _breaks_down_into(ctx, t, x)) and not _qualifier_word(ctx, x):
            return []
    return items


_CHANGE_SIZE_AFTER = LazyPattern(r"\s*,?\s*(?:or\s+(?:about\s+|some\s+)?\d[\d.,]*\s*(?:%|per\s?cent|percent)\s*,?\s*)?"
                                r"(?:increase|rise|decrease|decline|drop|fall|jump|gain|cut|reduction|(?:more|less|fewer|higher|"
                                r"lower)\s+than|up\s+(?:from|on)|down\s+(?:from|on))\b", regex.I)


def _breaks_down_into(ctx: Ctx, t: Mention, x: Mention) -> bool:
    """Can a total of t's thing have x's thing as a part: the same thing, or t's noun names a whole class
    (units.yaml umbrella_nouns: "aircraft", "vehicles", "personnel")?"""
    nt, nx = (t.unit or "").lower(), (x.unit or "").lower()
    # "246 CV90 MkIV infantry fighting vehicles, 52 CAESAR 8x8 howitzers and 77 Leopard 2A8 tanks": a total that
    # names a designation is of that type; an item of another designation, or another noun, is no part of it
    td = [_stem(w) for w in _DESIGNATION.findall(ctx.text[t.num_end:t.end])]
    xd = [_stem(w) for w in _DESIGNATION.findall(ctx.text[x.num_end:x.end])]
    if td and (not set(td) & set(xd) if xd else nt.rstrip("s") != nx.rstrip("s")):
        return False
    if nt == nx or nt.rstrip("s") == nx.rstrip("s") or is_generic(ctx.vocab, nx):
        return True
    umbrella = {w.lower() for w in ctx.vocab.get("umbrella_nouns") or ()}
    if nt in umbrella or nt.rstrip("s") in umbrella:
        return True
    dt, dx = bool(regex.search(r"\d", nt)), bool(regex.search(r"\d", nx))
    if dx and not dt:
        # "36 fighters, 12 FA-50GF and 24 FA-50PL": designations of the thing counted (not of people: "305 troops, four
        # LCU Mk10 and four LCVP Mk5 landing craft" lists what else a ship carries)
        return noun_class(ctx.vocab, nt) not in ("person", "troop", "troops") and \
            noun_class(ctx.vocab, nt.rstrip("s")) not in ("person", "troop")
    if dx and dt:  # "52 F-16s, 36 F-16C and 12 F-16D" but not "1,000 K2s, 672 K9s"
        return _stem(nt) == _stem(nx)
    return False


_DESIGNATION = LazyPattern(r"\b(?=[\p{L}\d-]*\d)(?=[\p{L}\d-]*\p{L})[\p{L}\d][\p{L}\d-]*\b")


def _stem(noun: str) -> str:
    """A designation without its variant letters and plural: "F-35A" -> "f-35", "K2PL" -> "k2", "K9s" -> "k9"."""
    m = regex.match(r"(.*?\d+)", noun.lower())
    return m.group(1) if m else noun.lower()


def _qualifier_word(ctx: Ctx, x: Mention) -> bool:
    """"eight British and five Norwegian": a capitalised word after the figure that is no plural noun names whose
    they are, not another thing."""
    from .reading import noun_class

    n = x.noun or ""
    return bool(n) and n[:1].isupper() and not n.endswith("s") and " " not in n and not any(c.isdigit() for c in n) and \
        noun_class(ctx.vocab, x.unit) == (x.unit or "").lower()  # a class of its own: no known thing


_HEDGE_END = LazyPattern(r"(?:more|less|fewer)\s+than\s*$|(?:just\s+)?(?:over|under|about|around|some|nearly|almost)\s*$", regex.I)


def _added_item(ctx: Ctx, x: Mention) -> bool:
    """"three aircraft in 2015 and two more in 2020, for a fleet of five": a figure read as the size of a change
    that is also one more part of a list."""
    return bool(added_amount(ctx.text, x)
                or regex.search(r"\b(?:a\s+further|another|an\s+additional|added|adding|adds|add)\s+(?:another\s+)?$",
                                ctx.text[max(0, x.start - 24):x.start], regex.I))


def _item_names(ctx: Ctx, x: Mention, items: list[Mention], t: Mention) -> bool:
    """Does the item's own phrase (its words up to the next item or the total) name the total's counted thing?"""
    noun = (t.noun or t.unit or "") if t.type == "count" else ""
    if len(noun) < 3:
        return False
    nxt = next((y.start for y in items if y.start > x.start), t.start)
    stem = regex.escape(noun.lower().rstrip("s"))
    return regex.search(rf"\b{stem}(?:s|es)?\b", ctx.text[x.end:nxt].lower()) is not None


# "including", "such as" before the next figure make it a part of the item before ("€9.0 billion, including €3.1
# billion from Germany"); an aside that names examples and closes before the next item does not ("€200 million for
# radars such as the TRML-4D, more than €500 million for ground systems")
_EXAMPLES_BEFORE_ITEM = LazyPattern(r"\b(?:including|includes|such\s+as)\b[^,]*$", regex.I)


def _joined(between: str) -> bool:
    """Two list items: a separator, and at most a few words describing the item (no verb of a new clause)."""
    between = _HEDGE_END.sub("", between)
    if _in_relative_clause(between):
        return False  # "24 to the air force, which already operates 16 launchers": a clause about the last item
    if len(between) > 120 or regex.search(r"[;]|\b(?:than|while|whereas|but|of\s+which|per|each|a\s+year\s+earlier)\b",
                                          between, regex.I) \
            or _EXAMPLES_BEFORE_ITEM.search(between) \
            or regex.fullmatch(r"\s*(?:to|and\s+to|-|–|—)\s*", between) or _CLAUSE_VERB.search(between):
        return False
    words = between.replace(",", " ").replace("+", " ")
    # "..., $33.4 billion for national security programs of the Department of Energy and $11.9 billion for ...": before
    # the last item ("and"), an item's words may run longer
    return bool(regex.search(r",|\band\b|\bplus\b|\+|\bas\s+well\s+as\b", between, regex.I)) and (
        _ITEM_WORDS.fullmatch(words) is not None
        or (regex.search(r"\band\s*$", between) is not None and _LAST_ITEM_WORDS.fullmatch(words) is not None))


def _partition(ctx: Ctx, facts: Facts, pairs: Pairs, mt: Match) -> None:
    """"... 156 helicopters. Of these, 66 are for the Air Force and 90 for the Army": parts of the last figure of
    their kind in the sentence before."""
    first = mt.slots.get("first")
    si = ctx.sent_index(mt.start)
    named = mt.slots.get("total")  # "Of the 180 tanks, 126 ... and 64 ...": the total in the opening phrase
    if first is None or not is_amount(first) or (si == 0 and named is None):
        return
    items = _partition_items(ctx, first)
    # "14 went to the French armed forces, three more than in 2023, when France received 11, and seven ...": a
    # comparison's size and its base are no parts (nor, with the total in the sentence before, "17.96 trillion won is
    # earmarked for force improvement, up 4.9 percent from 17.12 trillion won, while 43.60 trillion won ...")
    items = [x for k, x in enumerate(items) if x.start not in pairs.deltas and not base_position(ctx, x)
             # ("about €1.1 billion each", "$128.2 million ... for 464 new units, roughly $376,000 per unit": a price per
             # unit is no part of a total, unless the total is one too)
             and (facts.rate_of(x) != "unit" or (named is not None and facts.rate_of(named) == "unit"))
             and not _partitive(ctx, x)  # "12 planned to transition, and only four of those had": a part of a part
             and not size_of_comparison(ctx, x)
             and not (k and _COMPARED_CLAUSE.search(ctx.text, items[k - 1].end, x.start))]
    if named is not None:
        # "364 are under contract, leaving 318 still to be ordered": a remainder is the remainder grammar's
        if _LEAVING.search(ctx.text, first.end, items[-1].end if items else first.end):
            return
    if len(items) < 2:
        return
    if named is not None:
        if not is_amount(named) or not _sum_comparable(ctx, named, first) or ctx.is_stated(named) or \
                abs(named.value or 0) <= max(abs(i.value or 0) for i in items):
            return
        ev = Evidence("partition:" + mt.template.id, f"'{_quote(ctx, mt.start, mt.end)}' divides {named.text}",
                      mt.template.weight, mt.template.explicit)
        ctx.add(Claim("sum", (named.start, named.end), named, readings=(
            Relation("sum", tuple(items), (ev, Evidence("list", f"the {len(items)} figures listed", 1.0))),
            *([] if _complementary(ctx, facts, items) else [_open_reading(items, ev)]))))
        return
    # not the earlier level of a pair nor a comparison's base ("recruit 2,700 this year, up from 2,500 in 2024, an 8%
    # rise. Of the total, 1,900 will be apprentices ...": of the 2,700)
    totals = [x for x in ctx.sentence_numbers(si - 1) if is_amount(x) and _sum_comparable(ctx, x, first)
              and abs(x.value or 0) > max(abs(i.value or 0) for i in items)
              and not pairs.with_old(x) and not base_position(ctx, x)]
    if not totals or ctx.is_stated(totals[-1]):
        return
    t = totals[-1]
    ev = Evidence("partition:" + mt.template.id, f"'{_quote(ctx, mt.start, mt.end)}' divides {t.text}",
                  mt.template.weight, mt.template.explicit)
    ctx.add(Claim("sum", (t.start, t.end), t, readings=(
        Relation("sum", tuple(items), (ev, Evidence("list", f"the {len(items)} figures listed", 1.0))),
        *([] if _complementary(ctx, facts, items) else [_open_reading(items, ev)]))))


def _complementary(ctx: Ctx, facts: Facts, items: list[Mention]) -> bool:
    """Do two listed parts name the two halves of a whole between them ("of which $33.9 billion funded and $21.8 billion
    unfunded", "1,954 for military goods and 1,323 for dual-use goods"; linking words complementary_pairs)? Then they
    are all of it: no reading in which the list is partial."""
    if len(items) != 2:
        return False
    s, e = ctx.sentence(items[0].start)
    own = []
    for x, end in ((items[0], items[1].start), (items[1], min(e, items[1].end + 50))):
        own.append(" " + " ".join(regex.sub(r"[^\p{L}]+", " ", ctx.text[x.start:end].lower()).split()) + " ")
    for pair in facts.g.words("complementary_pairs"):
        a, _, b = str(pair).partition("|")
        a, b = " " + " ".join(a.lower().split()) + " ", " " + " ".join(b.lower().split()) + " "
        if a.strip() and b.strip() and ((a in own[0] and b in own[1] and b not in own[0]) or
                                        (b in own[0] and a in own[1] and a not in own[0])):
            return True
    return False


def _partition_items(ctx: Ctx, first: Mention) -> list[Mention]:
    """The parts listed from ``first`` on: "66 are for the Air Force and 90 for the Army" (a verb is fine)."""
    items = [first]
    for x in ctx.numbers_in(first.end, ctx.sentence(first.start)[1]):
        if not is_amount(x):
            continue
        if x.type != first.type and not _sum_comparable(ctx, x, first):
            continue  # "$980 billion, or 68% of the total, and ... $526 billion": an aside of another kind
        between = ctx.text[items[-1].end:x.start]
        if _BRACKET_OPENED.fullmatch(between) and x.type == first.type and x.unit != first.unit:
            continue  # "$65 million (about BGN 118 million) for artillery, and $101 million for ...": an item restated in
            # a bracket of its own, no item
        if len(between) > 80 or ";" in between or not regex.search(r",|\band\b|\bplus\b", between) \
                or not _sum_comparable(ctx, x, first) or _INCLUDING_ITEMS.search(between):
            break  # (not "secured S$6.2 billion, including a S$1.3 billion order": a part's own items)
        if _SUMMED_BEFORE.search(between) or SUMMED_AFTER.match(ctx.text, x.end):
            break  # "$23.2 billion ... and $13.8 billion for USAI, together $37 billion": the sum of the items, no item
        if len(items) == 1 and _CLOSED_CLAUSE.match(between):
            break  # "104 vehicles, of which 103 were upgraded, and 40 new-build ones": the clause ended at the comma
        if _in_relative_clause(between) or _ATTRIBUTE.search(x.text):
            break  # "27 for the training wing and 18 for the display team, whose 10-aircraft formation ...", "40 for the
            # marines, who will base 12 vehicles in Norway": a relative clause about the last part, no part of its own
        if len(items) == 1 and (_VERB_THEN_COMMA.match(between) or _COMMA_AND.fullmatch(between)) and \
                _names_own_thing(x) and not _names_own_thing(first):
            # "142 Leopard 2A4, of which 82 are being upgraded, 105 2A5s and 84 2PL tanks", "60 Rafale, of which 42 for
            # France, and 23 Falcon": after a clause about a bare part, an item naming a thing of its own goes on with
            # the outer list
            break
        items.append(x)
    return items


_UNNUMBERED_LEAD = LazyPattern(r"\s*((?:the|those|these|its|their|our|his|her)\s+[^\d,;:()]{1,60}),\s*", regex.I)
_BRACKET_OPENED = LazyPattern(r"\s*\(\s*(?:(?:about|around|some|roughly|approximately|or|c\.|ca\.|nearly|almost)\s+)?")
_SUMMED_BEFORE = LazyPattern(r"\b(?:together|combined|altogether|in\s+all|in\s+total|a\s+total\s+of|between\s+them|"
                             r"jointly|taken\s+together|totall?ing)\s*,?\s*(?:(?:about|some|around|roughly|nearly|almost|"
                             r"just\s+over|just\s+under|more\s+than)\s+)?$", regex.I)
_RELATIVE_OPENS = LazyPattern(r",\s+(?:whose|who|which|where)\b", regex.I)
# (a relative clause closed before the next item goes on with the list: "$13.8 billion for the Initiative, which buys
# new equipment on contract, and $11.3 billion for ..."; one that joins items is no aside: "14.9 cents, which together
# with the 7.4 cents interim makes 22.3 cents")
_RELATIVE_CLOSED = LazyPattern(r",\s+(?:and|plus)\s", regex.I)
_RELATIVE_JOINS = LazyPattern(r"\b(?:together\s+with|along\s+with|with|plus|added\s+to|on\s+top\s+of)\b", regex.I)


def _in_relative_clause(between: str) -> bool:
    """Does the next figure stand in a relative clause opened after the last item ("24 to the air force, which
    already operates 16 launchers")?"""
    opens = list(_RELATIVE_OPENS.finditer(between))
    if not opens:
        return False
    last = opens[-1]
    rest = between[last.end():]
    return not _RELATIVE_CLOSED.search(rest) and not _RELATIVE_JOINS.search(rest)
_ATTRIBUTE = LazyPattern(r"\d-\p{L}")  # "a 10-aircraft team": a number made an adjective
_SHARE_RESTATED = LazyPattern(r"(?:%|\bper\s?cent|\bpercent)[^.;%]{0,40},?\s+or\s+(?:(?:about|around|some|roughly|nearly|almost|"
                              r"approximately)\s+)?$", regex.I)
_INCLUDING_ITEMS = LazyPattern(r"\b(?:including|includes|incl\.|such\s+as|among\s+them|of\s+which)\b", regex.I)
_OPEN_BRACKET_BEFORE = LazyPattern(r"\(\s*$")
_COMPARED_CLAUSE = LazyPattern(r"\b(?:when|than|compared|against|versus|up\s+from|down\s+from)\b", regex.I)
_LEFT_BEFORE = LazyPattern(r"\b(?:leaving|leaves)\s+(?:(?:a|an|the|its|their|just|only|some|about)\s+)*"
                           r"(?:[\p{L}-]+\s+){0,2}(?:of\s+)?$", regex.I)
_LEAVING = LazyPattern(r"\b(?:leaving|leaves|remaining|remain|still\s+to)\b", regex.I)
_COMMA_AND = LazyPattern(r"[^,;]*,\s+(?:and|plus)\s+", regex.I)
_VERB_THEN_COMMA = LazyPattern(r"\s+(?:were|was|are|is|have|has|had|will|would|remain|remained)\b[^,;]*,\s", regex.I)


def _names_own_thing(x: Mention) -> bool:
    return x.type == "count" and bool(x.unit) and not x.inferred


# a relative clause about one part, closed by a comma before "and": what follows is no part of it
_CLOSED_CLAUSE = LazyPattern(r"\s+(?:were|was|are|is|have|has|had|will|would|remain|remained)\b[^,;]*,\s+(?:and|plus)\b",
                             regex.I)


_BRACKET_WORDS = LazyPattern(r"\(\s*(?:[\p{L}-]+\s+){0,3}$")
_REST_NAMED = LazyPattern(r"\b(?:the\s+)?(?:remainder|rest|balance|others?)\b(?![^.;]*\d)", regex.I)
_INCLUDES = LazyPattern(r"\b(?:includ(?:e|es|ed|ing)|such\s+as|among\s+them|amongst\s+them|notably|for\s+example|for\s+instance|"
                        r"led\s+by|mainly|chiefly|principally|"
                        r"e\.g\.|among\s+others|in\s+particular)\b[^;:]{0,60}:?\s*$", regex.I)
_REACHED = LazyPattern(r"\b(?:rises|rose|risen|grows|grew|grown|increases|increased|climbs|climbed|brings|brought|takes|took|"
                       r"reaches|reached|swells|swelled)\b(?:\s+\p{L}+){0,3}\s+to\s+(?:(?:about|some|nearly|almost|over)\s+)?$",
                       regex.I)
# a verb that carries a level up (linking words accrue_verbs), then the total it carried up to: "brought the total to"
_ACCRUED_TOTAL = r"@accrue_verbs\s+(?:the|its|their|our)\s+(?:[\p{L}-]+\s+)?(?:total|tally|count|number)\s+to\b"
_JOINS = LazyPattern(r"\W*(?:with|counting|adding|including|together\s+with|along\s+with|plus)\b", regex.I)
_WIDER_PERIOD = LazyPattern(r"[^,;.]{0,40}?\b(?:(?P<always>since|so\s+far|to\s+date|cumulative(?:ly)?|"
                            r"over\s+(?:the\s+)?(?:past\s+|last\s+)?"
                            r"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+years|over\s+the\s+(?:years|decades))|"
                            r"this\s+year|in\s+the\s+year|over\s+the\s+(?:year|period|programme|program|life))\b", regex.I)
_PREP = LazyPattern(r"\s*(?:[\p{L}-]+\s+){0,2}?(to|in|for|from|at|with|by|on|into)\b", regex.I)


def _parallel_item(ctx: Ctx, t: Mention, first: Mention) -> bool:
    """Is the figure before a comma the first item of a list whose items all say where they go ("40 K9s to
    Poland, 24 to Australia", "2,500 staff in the UK, 1,800 in Sweden")? Its phrase and the next item's open with
    the same preposition."""
    a = _PREP.match(ctx.text, t.end, first.start)
    b = _PREP.match(ctx.text, first.end, min(len(ctx.text), first.end + 40))
    if a is not None and b is not None and a.group(1).lower() == b.group(1).lower() and \
            not (_DATED_AFTER.match(ctx.text, a.end(1)) and not _DATED_AFTER.match(ctx.text, b.end(1))):
        return True  # (not "59,110 members in 2024–25 — 15,525 in the Navy, ...": the total's period, no place; but
        # "40 K9s in 2024, 24 in 2025 and 18 in 2026" is a list of years)
    # "1,477,000 FPV drones, 98,000 reconnaissance drones and 47,000 long-range strike drones": each item names a
    # kind of one thing by its own modifier; the first is no total of the rest
    if _modified(ctx, t) is not None and _modified(ctx, first) is not None and \
            _modified(ctx, t) != _modified(ctx, first) and (t.unit or "").lower() == (first.unit or "").lower() != "":
        return True
    # "lifted by a SEK 7.3 billion GlobalEye order, a SEK 2.5 billion Carl-Gustaf order and a SEK 1.1 billion contract":
    # each item one thing of its own ("a ..."), none the total of the others
    if _A_ITEM.search(ctx.text, max(0, t.start - 4), t.start) and _A_ITEM.search(ctx.text, max(0, first.start - 4),
                                                                              first.start):
        return True
    # "Germany's 272, the Netherlands' 200, Australia's 129": each item is its owner's, named by a possessive
    if _OWNER.search(ctx.text, max(0, t.start - 40), t.start) and _OWNER.search(ctx.text, max(0, first.start - 40),
                                                                                first.start):
        return True
    # "1,763 F-35A, 353 F-35B and 340 F-35C", "328 Leopard 2A7, 205 Leopard 2A6": variants of one designator
    return t.type == first.type == "count" and _variants(t.unit or "", first.unit or "")


_DATED_AFTER = LazyPattern(r"\s+(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)?(?:(?:19|20)\d\d|January|February|March|"
                           r"April|May|June|July|August|September|October|November|December)\b")
_A_ITEM = LazyPattern(r"(?<![\p{L}\p{N}])an?\s+$", regex.I)
_OWNER = LazyPattern(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}.-]*(?:['’]s|s['’])\s+$")


def _variants(a: str, b: str) -> bool:
    """Are two nouns variants of one designator ("F-35A"/"F-35B", "2A7"/"2A6", "K9A1"/"K9A2"): a shared stem with a
    digit or hyphen in it, and short tails that differ?"""
    a, b = a.lower(), b.lower()
    if not a or not b or a == b:
        return False
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    stem, ta, tb = a[:k], a[k:], b[k:]
    return len(stem) >= 2 and bool(regex.search(r"[\d-]", stem)) and 0 < len(ta) <= 3 and 0 < len(tb) <= 3 and \
        ta.isalnum() and tb.isalnum()


def _modified(ctx: Ctx, x: Mention) -> str | None:
    """The words between a count's numeral and its noun ("FPV" in "1,477,000 FPV drones"), or None."""
    if x.type != "count" or not x.noun or x.num_end <= x.start:
        return None
    words = ctx.text[x.num_end:x.end].split()
    return " ".join(words[:-1]).lower() if len(words) >= 2 else None


_LIST_OPENER = LazyPattern(r"\s[-–—]\s|[:;]|\b(?:were|are|was|is|include|including|includes)\b")
# a member of a list: a capitalised name (of up to four words) set off by a comma, "and" or the list's start, and
# followed by a comma, "and", a bracket, a dash or the end
_LIST_NAME = LazyPattern(r"(?:^|,|\band\b|\s)\s*(\p{Lu}[\p{L}.'’&-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.'’&-]*){0,3})(?=\s*(?:,|"
                         r"\band\b|\(|$|\s[-–—]))")


# words that join a list to something named before it (linking words additive_before, joining_verbs), then up to five
# words of the list's own ("alongside Norway's", "join the Navy's existing fleet of")
_CLAUSE_BREAK = LazyPattern(r"[,;:()]")
_JOINED_BEFORE = r"(?<![\p{L}])(@additive_before|@joining_verbs)\s+(?:[\p{L}'’-]+\s+){0,5}$"
_OF_EACH_AFTER = LazyPattern(r"\s+(?:of\s+(?:each|both|them\s+each)|each|apiece)\b", regex.I)


def _rival_of_measure(ctx: Ctx, facts: Facts, pairs: Pairs, measure: str, part: Mention, whole: Mention) -> bool:
    """Does the text give, before the part, another current figure of the whole's measure that the window of
    candidates did not reach ("Sales(1) £14,617m" four lines above "Revenue £13,576m": two sales figures, so neither is
    the only whole of "sales of £4.3bn, 29% of the Group total")? The last four of the measure, by the index."""
    return any(y is not whole and not same_figure(y, whole) and y.unit == whole.unit and y.start not in pairs.deltas
               and not pairs.with_old(y) and not base_position(ctx, y) and abs(y.value or 0) > abs(part.value or 0)
               and not _change_word_after(facts, ctx.text, y.end)  # ("a £300 million increase": a change, no level)
               for y in facts.figures_before(measure, part.start, limit=4))


def _change_word_after(facts: Facts, text: str, end: int) -> bool:
    """Does a change noun or a comparative (linking words change_nouns, comparatives_up/down) follow the figure ending
    at ``end``, a space between ("£300 million increase", "£40m more")?"""
    pos = end + len(text[end:end + 4]) - len(text[end:end + 4].lstrip())
    return pos > end and any(facts.g.word_pattern(w).match(text, pos) is not None
                             for w in ("change_nouns", "comparatives_up", "comparatives_down"))


def _split_count(ctx: Ctx, facts: Facts, x: Mention) -> bool:
    """"12 F-35B in two batches", "a fleet of 24 K9 howitzers in three batches": a count of the groups things came in
    (linking words grouping_nouns, after "in", "over", "across" or "into") says how a part is split up; it is no part."""
    grouping = {w.lower() for w in facts.g.words("grouping_nouns")}
    return x.type == "count" and (x.unit or "").lower() in grouping and \
        regex.search(r"\b(?:in|over|across|into)\s+$", ctx.text[max(0, x.start - 8):x.start], regex.I) is not None


def _own_noun_items(ctx: Ctx, t: Mention, items: list[Mention]) -> list[Mention]:
    """A list that counts the total's own noun in two or more items and other nouns in others: the others are other
    things ("two operating theatres, an eight-bed intensive care unit and a 40-bed ward, for 48 beds in total"), when
    the vocabulary classes neither noun (so neither can be a kind of the other)."""
    if t.type != "count" or not t.unit or t.inferred or known_noun(ctx.vocab, t.unit):
        return items  # (a noun the vocabulary classes has kinds it names: "22 ships: five frigates, 15 corvettes")
    own = noun_class(ctx.vocab, t.unit)

    def other(x: Mention) -> bool:
        return x.type == "count" and bool(x.unit) and not x.inferred and not known_noun(ctx.vocab, x.unit or "") and \
            noun_class(ctx.vocab, x.unit) != own

    if sum(1 for x in items if x.type == "count" and x.unit and noun_class(ctx.vocab, x.unit) == own) < 2 or \
            not any(other(x) for x in items):
        return items
    return [x for x in items if not other(x)]




def _partial_list(ctx: Ctx, items: list[Mention], t: Mention, facts: Facts) -> str | None:
    """Why the parts listed with a total may be only some of it: the list is introduced as examples ("includes",
    "such as", "among them"), or each part has its own date while the total runs over a wider period ("12 in
    2023 and 14 in 2024 – 48 in all since 2019")."""
    s, e = ctx.sentence(t.start)
    a = max(s, items[0].start - 60)
    m = _INCLUDES.search(ctx.text[a:items[0].start])
    if m is not None and not ctx.numbers_in(a + m.start(), items[0].start):
        return f"'{m.group(0).split()[0]}': the parts named are some of it"
    # "eight F-35B — five of the Navy's and three of the Air Force's — together with six AV-8B+ and five EH-101, 19
    # aircraft in all": the list joins parts of its kind named before it in the sentence
    joined = facts.g.regex(_JOINED_BEFORE).search(ctx.text, max(s, items[0].start - 60), items[0].start)
    if joined is not None and any(is_amount(x) and x.type == items[0].type and x.start < joined.start()
                                  for x in ctx.numbers_in(s, joined.start())):
        return f"'{joined.group(1)}': the parts join others named before"
    # "Germany will fly the P-8A alongside Norway's five and the UK's nine, giving the three 26 aircraft", "The new
    # aircraft join the existing fleet of eight P-3C and eight P-3CK, giving the Navy 22": the list joins what the
    # clause's subject names, whose figure is not given with them
    clause = max([s] + [m.end() for m in _CLAUSE_BREAK.finditer(ctx.text, s, joined.start())]) if joined else s
    subject = ctx.text[clause:joined.start()].strip() if joined is not None else ""
    if joined is not None and regex.search(r"\p{L}{2,}", subject) and \
            not any(is_amount(x) for x in ctx.numbers_in(clause, joined.start())):
        return f"'{joined.group(1)}': the parts join what '{subject[:40]}' names"
    # "France contributes two transports and two tankers, and Germany three of each": a part that counts once for each
    # of several kinds stands for more than its figure
    for x in items:
        if _OF_EACH_AFTER.match(ctx.text, x.end):
            return f"'{x.text} of each': a part counted for each kind named"
    # "Main allocations of the €413 billion: ...", "The largest items in the $850 billion request: ...": the total
    # before its list, named as holding only its main parts (linking words partial_list_words)
    if facts is not None and t.end <= items[0].start:
        few = facts.g.word_pattern("partial_list_words").search(ctx.text, max(s, t.start - 50), t.start)
        if few is not None and not ctx.numbers_in(few.end(), t.start):
            return f"'{few.group(0)}': the parts named are some of it"
    # "With the six Hunters, 15 River-class ships and five Norwegian frigates, the family now totals 34": a clause
    # opened by "with"/"counting"/"adding" joins its parts to others the text named before
    opener = _JOINS.match(ctx.text, s)
    if opener is not None and items[-1].end < t.start and "," in ctx.text[items[-1].end:t.start] and \
            not regex.search(r"[,;]", ctx.text[opener.end():items[0].start]):
        return f"'{opener.group(0).strip()}': the parts join others named before"
    # "the number ordered rises to 240: the first 96 were contracted in 2016 and 48 more in 2022": a level the text
    # says was reached by growth, listed as dated batches, may hold a batch the list leaves out (the newest)
    ends_ = [y.start for y in items[1:]] + [e]
    reached = _REACHED.search(ctx.text, max(s, t.start - 25), t.start)
    if reached and all(ctx.dates_in(x.end, b) for x, b in zip(items, ends_, strict=True)):
        return "the total is a level reached by growth, its parts dated batches"
    # "Options for 36 and 62 aircraft brought the total to 130", "Two further tranches of €140 million and €95 million
    # took the total to €410 million": the list is the growth that carried a level up to the total; the level it grew
    # from (the first order, the original value) may be given elsewhere or not at all
    if reached and facts is not None and items[-1].end <= reached.start() and \
            facts.g.regex(_ACCRUED_TOTAL).match(ctx.text, reached.start()):
        return f"'{reached.group(0).strip()}': the parts named carried the total up from a level not given with them"
    # "Qatar, Saudi Arabia, Egypt (3.3%) and Kuwait (2.9%) - and they received 19.8% between them": the list names
    # more members than it gives figures for; the others' figures are elsewhere, or not given
    head = max([s] + [m.end() for m in _LIST_OPENER.finditer(ctx.text, s, items[0].start)])
    span = ctx.text[head:items[-1].end]
    names = [m for m in _LIST_NAME.finditer(span)]
    if len(names) > len(items) and all(ctx.sent_index(x.start) == ctx.sent_index(items[0].start) for x in items):
        return f"{len(names)} members listed, {len(items)} with a figure: the parts named are some of it"
    # "financed with €15m from the State and €30m from Eurenco, with the remainder borrowed": words after the list say
    # it has more parts, not given (linking words remainder_words)
    if facts is not None and _subtotal_in(items) is None:  # (a subtotal among them is the subtotal grammar's)
        rest = facts.g.word_pattern("remainder_words").search(ctx.text, items[-1].end, e)
        if rest is not None and not [x for x in ctx.numbers_in(items[-1].end, rest.start()) if is_amount(x)]:
            return f"'{rest.group(0)}': the parts named are some of it"
    wider = _WIDER_PERIOD.match(ctx.text, t.end, e)
    if wider is not None:
        ends = [y.start for y in items[1:]] + [t.start]
        if wider.group("always") or all(ctx.dates_in(x.end, b) for x, b in zip(items, ends, strict=True)):
            return f"'{wider.group(0).strip()}': the total runs over a wider period than its parts"
    return None


def _open_reading(items: list[Mention], ev: Evidence) -> Relation:
    """The reading in which the parts named are only some of the total's ("of which", "of these"): it holds
    whenever they add up to no more than the total, and then the claim is doubted, not called wrong."""
    return Relation("sum_open", tuple(items), (ev, Evidence("open-list", "the parts named may not be all of it",
                                                            0.0)), alternative=True)


def _remainder(ctx: Ctx, mt: Match) -> None:
    """"230 of the 672 howitzers ordered, leaving 442 still to be delivered": what remains is the whole less the
    part (a difference claim on the remainder). "Of the 48 jets, 20 go to Łask, 16 to Malbork and the other 12 to
    Mińsk": the figures of its kind between the part and the rest are parts too."""
    part, whole, d = mt.slots.get("part"), mt.slots.get("whole"), mt.slots.get("d")
    if part is None or d is None or ctx.is_stated(d):
        return
    kinds = ("count", "number", "currency", "quantity")
    # "Of the 48 dogs, 30 come from breeders and the remainder – about 38% – from its own kennels": the rest given as
    # a share of the whole (a share claim on the percent or fraction)
    sv = _share_value(d) if d.type == "percent" or d.role == "fraction" else None
    if not (is_amount(part) and part.type in kinds and (sv is not None or is_amount(d) and d.type in kinds)):
        return
    like = d if sv is None else part  # what the figures between are compared with
    if base_position(ctx, part):
        return  # "placed 173 of its planned 179 KC-46As on contract, up from 158 after Lot 11, leaving six": the base of
        # a change is no part of the whole
    wholes = [whole] if whole is not None else _whole_before(ctx, part)
    ev = Evidence("remainder:" + mt.template.id, f"'{_quote(ctx, mt.start, mt.end)}'", mt.template.weight,
                  mt.template.explicit)
    after = max(part.end, whole.end) if whole is not None else part.end  # "230 of the 672 howitzers, leaving 442"
    parts = [part]
    if whole is not None and whole.end <= part.start and (first := _partitive_part(ctx, whole)) is not None and \
            first is not part and not base_position(ctx, first):
        # "Military members accounted for 6,150 of the 28,800 people ..., civil servants for 16,300 and contractors for
        # the remaining 6,350": the part "of" the whole before it is the list's first part
        parts.insert(0, first)
    left: list[Mention] = []  # figures of the kind between the part and the rest that the walk did not take
    for x in ctx.numbers_in(after, d.start):  # the items listed with the part ("20 go to Łask, 16 to Malbork")
        if not (is_amount(x) and x.type in kinds and x.value_high is None and _sum_comparable(ctx, x, like)):
            continue
        if base_position(ctx, x):
            continue  # "173 of its planned 179 on contract, up from 158": an earlier level, no part
        if left or _partitive(ctx, x) or not _joined(ctx.text[parts[-1].end:x.start]):
            left.append(x)  # "252 will equip 14 regiments of 18 guns each": a clause about the part, no further part
            continue
        parts.append(x)
    # "9 received clean opinions, 1 a qualified opinion and 16 disclaimers; the remaining 2": items the walk could not
    # join may be parts too: what remains after the part alone is then only doubted
    unsure = any(x.type == like.type and (x.unit == like.unit or x.type in ("count", "number")) for x in left)
    formula = "remainder" if sv is None else "complement_share"
    readings = []
    for k, w in enumerate(wholes):
        if not (is_amount(w) and w.type in kinds and _sum_comparable(ctx, part, w) and _sum_comparable(ctx, like, w)) \
                or abs(w.value or 0) < sum(abs(x.value or 0) for x in parts):
            continue
        why = Evidence("what-remains", f"{d.text} is what remains of {w.text} after "
                                       f"{' and '.join(x.text for x in parts)}", 1.0)
        if k:  # a figure further back "of them" may point to: a reading that doubts the nearest one
            readings.append(Relation(formula, (w, *parts), (Evidence(ev.cue, ev.detail, 1.0, False), why),
                                     alternative=True))
        else:
            readings.append(doubt(Relation(formula, (w, *parts), (ev, why))) if unsure
                            else Relation(formula, (w, *parts), (ev, why)))
    if readings and not readings[0].alternative:
        if sv is None:
            ctx.add(Claim("difference", (d.start, d.end), d, readings=tuple(readings)))
        else:
            ctx.add(Claim("share", (d.start, d.end), d, readings=tuple(readings), stated_value=sv[0],
                          stated_step=sv[1]))


def _whole_before(ctx: Ctx, part: Mention) -> list[Mention]:
    """The figures "of them" may point back to: the last two of the part's kind before it that are larger than it,
    in its sentence or the one before, nearest first."""
    si = ctx.sent_index(part.start)
    s0 = ctx.sents[max(0, si - 1)][0]
    found = [x for x in ctx.numbers_in(s0, part.start) if is_amount(x) and x.value_high is None
             and _sum_comparable(ctx, x, part) and abs(x.value or 0) > abs(part.value or 0)]
    return found[::-1][:2]


_EACH_COMPOSED = LazyPattern(r"\W*each\s+(?:[\p{L}-]+\s+){1,3}?(?:comprises|consists\s+of|is\s+made\s+up\s+of|includes|has|carries|"
                             r"contains)\b", regex.I)
# what joins a change to a clause about the level it led to: "grew by eight aircraft, so that two-thirds of ...",
# "shrank by five ships, leaving a third of ..." (not an apposition: "Weight growth of 660 tons, roughly 9% of ...")
_LEVEL_CLAUSE_JOIN = LazyPattern(r"\b(?:so\s+that|so|leaving|meaning|which\s+means|and|while|bringing|taking)\b", regex.I)
# where a clause after an aside opens: "– meaning that", "– and", "–, so"
_CLAUSE_OPENER = LazyPattern(r"[—–-]\s*,?\s*(?:(?:meaning|which\s+means|so)\s+(?:that\s+)?|and\s+|while\s+|so\s+)?", regex.I)
_MARGIN_ON = LazyPattern(r"\s*,?\s*on\s+(?:(?:its|their|the|an?)\s+)?(?:[\p{L}&/-]+\s+){1,4}?(?:of\s+)?"
                         r"(?=(?:\p{Sc}|(?-i:[A-Z]{1,3}\$?)\s?)?\d)", regex.I)


def _accrue(ctx: Ctx, facts: Facts, mt: Match) -> None:
    """"The contract will create 120 new jobs, taking the workforce from 380 to 500": the level after is the level
    before plus the amount added (a sum claim on the new level)."""
    add, old, new = mt.slots.get("add"), mt.slots.get("old"), mt.slots.get("new")
    if add is not None and old is not None and new is not None and facts.rate_of(add) == "unit" and \
            facts.rate_of(new) != "unit":
        # "The modification covers 24 aircraft, about $96 million per aircraft, and brings the total from $4.68
        # billion to $6.94 billion": a price for each is no amount added; the deal named before is
        _accrue_back(ctx, facts, mt)
        return
    if add is not None and new is not None and old is None and not ctx.is_stated(new):
        s0, _ = ctx.sentence(add.start)
        # "credits will total EUR 399.6 billion, to which come EUR 13.4 billion ..., bringing the envelope to EUR 413
        # billion": a sentence with figures of its own before the new level takes its named base from itself only
        own = any(is_amount(x) and x.type == new.type and _sum_comparable(ctx, x, new) and x is not add
                  for x in ctx.numbers_in(s0, new.start))
        old = _named_base(ctx, facts, add, new, own_sentence=own)
        if old is None and own:
            old = _level_before_added(ctx, add, new)
        if old is not None and add is not None and same_figure(old, add) and old.start > new.start:
            old = None  # "Together with the 54 ordered in 2023, that brings the fleet to 72. The original 54 are
            # worth NOK 19.6 billion": the figure restated after the total is the step itself, no level before it
    if add is None or old is None or new is None or ctx.is_stated(new):
        return
    if size_of_comparison(ctx, add) or _LARGER_AFTER.match(ctx.text, add.end):
        return  # "The new order is 14 aircraft larger ..., and takes the total on order to 180": the size of a
        # comparison between two orders, not the amount added
    if base_position(ctx, add) and add.start < new.start and not HEDGE_THAN.search(
            ctx.text, max(0, add.start - 15), add.start):
        return  # "The order is about 15% larger than the 7,800-system order placed in 2022 and brings the total ... to
        # 36,700, up from 27,700": the base of a comparison is another order, not the amount added
    # (the verb after the amount added, before the level it brings: the level before may stand before the amount)
    verbs = list(facts.g.word_pattern("accrue_verbs").finditer(
        ctx.text, add.end, new.start if old.start < add.start else min(old.start, new.start)))
    if add.end < new.start and _UNCOUNTED_ITEM.search(ctx.text, add.end, new.start):
        return  # "A follow-on order for six more, ..., and later additions brought the fleet to 24": an item added with
        # no figure of its own, so the step is not all given
    if verbs and _NEXT_CLAUSE.search(ctx.text, add.end, verbs[-1].start()):
        return  # "would buy 364 ships ..., and the battle force would grow from 295 to 390": another subject's change
    near = [x for x in ctx.numbers_in(max(ctx.sentence(add.start)[0], add.start - 40), add.end + 40)
            if x.type == "percent" and x.start < min(old.start, new.start)]
    if any(_JOINED_STEP.fullmatch(ctx.text, min(x.end, add.end), max(x.start, add.start)) for x in near):
        return  # "the award of 5% plus £1,000 lifted the average salary to £41,000 from £38,100": the step is partly a
        # percentage, so the amount is not all of it
    _accrued(ctx, facts, mt, add, old, new)


_LARGER_AFTER = LazyPattern(r"\s+(?:larger|bigger|greater|smaller|higher|lower|longer|shorter)\b", regex.I)
# what joins two components of one step: "5% plus £1,000", "a 3% rise and a $500 bonus", "€40 million plus 10%"
_JOINED_STEP = LazyPattern(r"[^\d.;,]{0,25}?\b(?:plus|and|as\s+well\s+as|together\s+with|on\s+top\s+of)\b[^\d.;,]{0,15}", regex.I)


def _accrue_back(ctx: Ctx, facts: Facts, mt: Match) -> None:
    """"... was awarded a $208,471,226 modification ... The modification brings the total value to $1,321,905,448
    from $1,113,434,222", "Poland ordered 96 more K9s. This takes its fleet from 212 to 308": the amount added is
    the one the subject takes up - the amount an earlier sentence of the paragraph (up to three back) gives the
    subject's noun ("a $208,471,226 modification"), or after "This"/"It" the one amount of the new level's kind in
    the sentence before. Nothing when that is not a single figure."""
    old, new = mt.slots.get("old"), mt.slots.get("new")
    if old is None or new is None or ctx.is_stated(new) or new.value is None:
        return
    si, pi = ctx.sent_index(new.start), ctx.para_index(new.start)

    def fits(x: Mention) -> bool:
        # not "the most enthusiastic customer of the four": a figure naming a set it is one of is no amount added
        if x is old or x is new or not is_amount(x) or x.type != new.type or x.value is None or new.value is None:
            return False
        return x.value_high is None and 0 < x.value < new.value and _sum_comparable(ctx, x, new) and \
            not _OF_THE_SET.search(ctx.text, max(0, x.start - 30), x.start)

    noun = facts.g.word_pattern("addition_nouns").search(ctx.text, mt.start, min(mt.end, mt.start + 40))
    obliged = facts.g.word_pattern("obligation_words")
    found: list[Mention] = []
    for sj in range(si - 1, max(-1, si - 4), -1):
        if ctx.para_index(ctx.sents[sj][0]) != pi:
            break
        xs = [x for x in ctx.sentence_numbers(sj) if fits(x)]
        if xs and obliged.search(ctx.text, *ctx.sents[sj]):
            continue  # "Fiscal 2025 funds in the amount of $98,000,000 are being obligated": funds released, not added
        if noun is None:
            found = xs  # "This takes ...": the sentence before (one on funds obligated passed over)
            break
        word = regex.escape(noun.group(0))
        found = [x for x in xs if regex.match(rf"(?:[\s-]+[\p{{L}}-]+){{0,3}}?[\s-]+{word}\b", ctx.text[x.end:x.end + 60],
                                              regex.I)]
        if found:
            break
    if len(found) == 1:
        _accrued(ctx, facts, mt, found[0], old, new)


_OF_THE_SET = LazyPattern(r"\b(?:of|among|between)\s+(?:the|its|their|these|those|all)\s+$", regex.I)


def _accrued(ctx: Ctx, facts: Facts, mt: Match, add: Mention, old: Mention, new: Mention) -> None:
    """The sum claim of an accrual: ``new`` is ``old`` with ``add`` added, unless another reading holds."""
    if not all(is_amount(x) and x.type in ("count", "number", "currency", "quantity") and x.value is not None
               and x.value_high is None and x.value > 0 for x in (add, old, new)):
        return
    if not (_sum_comparable(ctx, add, new) and _sum_comparable(ctx, old, new)):
        return
    if not (add.value < new.value and old.value < new.value):  # type: ignore[operator]
        return  # a fall, or an amount that is not the step between them: another reading
    if facts.rate_of(new) != "unit" and any(facts.rate_of(x) == "unit" for x in (add, old)):
        return  # "the unit price of the later jets is €95 million, bringing the programme to ...": a price for each
    grouping = facts.g.word_pattern("grouping_nouns")
    if any(x.type == "count" and x.unit and not x.inferred and grouping.search(x.unit) for x in (add, old)) and \
            not (new.unit and grouping.search(new.unit)):
        return  # "from the first three production batches ... A fourth batch of 150 will bring the fleet to 410": a
        # count of batches is no level of the fleet
    named = [x for x in (add, old, new) if x.type == "count" and x.noun]
    if any(not same_noun(ctx.vocab, x, named[0]) for x in named[1:]):
        return  # "8,000 jobs, bringing the total from the two announcements to 12,000": not one count
    ma, mn = facts.measure_id(add), facts.measure_id(new)
    if ma is not None and mn is not None and ma != mn:
        return  # "order intake of SEK 12 billion grew the backlog from ... to ...": orders are not backlog
    if mn is not None and mn in facts.g.words("unaccrued_measures"):
        return  # "raised $600 million, lifting its valuation to $4 billion from $1 billion": a price, not a running total
    s, e = ctx.sentence(new.start)
    others = [x for x in ctx.numbers_in(s, e) if x not in (add, old, new) and is_amount(x)
              and x.type == new.type and _sum_comparable(ctx, x, new)
              and (facts.rate_of(x) != "unit" or facts.rate_of(new) == "unit")]  # (a price for each is no step)
    # "... brought the fleet from 100 to 110 after 10 retirements": another amount of its kind in the sentence may
    # be part of the step; then the claim is doubted, not called wrong
    ev = Evidence("accrue:" + mt.template.id, f"'{_quote(ctx, mt.start, mt.end)}'", mt.template.weight,
                  mt.template.explicit and not others)
    ctx.add(Claim("sum", (new.start, new.end), new, readings=(
        Relation("sum", (old, add), (ev, Evidence("added", f"{new.text} is {old.text} with {add.text} added", 1.0))),)))


def _level_before_added(ctx: Ctx, add: Mention, new: Mention) -> Mention | None:
    """The level an amount said to be added ("four more", "another $1.4 billion", "a further eight") is added to,
    when its sentence gives that level before it: the one figure of the new level's kind there ("Norway bought 24
    guns in 2017, plus four more in 2022, bringing its fleet to 32"). None when the amount is not marked as added
    or the sentence has more than one such figure before it."""
    if not _added_item(ctx, add):
        return None
    s, _ = ctx.sentence(add.start)
    found = [x for x in ctx.numbers_in(s, add.start) if is_amount(x) and x.type == new.type and x.value_high is None
             and _sum_comparable(ctx, x, new) and 0 < (x.value or 0) < (new.value or 0) and not _added_item(ctx, x)]
    return found[0] if len(found) == 1 else None


def _named_base(ctx: Ctx, facts: Facts, add: Mention, new: Mention, own_sentence: bool = False) -> Mention | None:
    """The level before an addition whose sentence gives only the step and the level after ("a further $3.1
    billion contract, bringing the total value to $6.5 billion"): the one figure of the new level's kind, in its
    paragraph from the sentence before to the second after, whose clause names it with base_level_words ("The
    original agreement was valued at $3.5 billion", "the initial order for 15 ships")."""
    si = ctx.sent_index(new.start)
    pi = ctx.para_index(new.start)
    words = facts.g.word_pattern("base_level_words")
    found = []
    for sj in (range(si, si + 1) if own_sentence else range(max(0, si - 1), min(len(ctx.sents), si + 3))):
        a, _ = ctx.sents[sj]
        if ctx.para_index(a) != pi:
            continue
        for x in ctx.sentence_numbers(sj):
            if x is add or x is new or not is_amount(x) or x.type != new.type or x.value_high is not None or \
                    not _sum_comparable(ctx, x, new) or not 0 < (x.value or 0) < (new.value or 0):
                continue
            prior = [y.end for y in ctx.numbers_in(a, x.start) if is_amount(y)]
            clause = ctx.text[max([a, x.start - 100] + prior):x.start].split(";")[-1]
            if words.search(clause):
                found.append(x)
    return found[0] if len(found) == 1 else None


_SET_OFF_PERCENT = LazyPattern(r"\s*(?:,\s*(?:or\s+)?|\(\s*)(?:(?:about|some|roughly|nearly|almost|around|just\s+over|"
                               r"just\s+under)\s+)?", regex.I)
_OF_WHOLE_OPENING = LazyPattern(OF_WHOLE_OPENING, regex.I)


_EACH_SHARE_AFTER = LazyPattern(r"\s*(?:each|apiece)\b", regex.I)
_OWNER_SEP = LazyPattern(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", regex.I)


def _split(ctx: Ctx, facts: Facts, mt: Match) -> None:
    """"Work will be performed in A (60%); B (30%); and C (10%)": shares of one whole in brackets, which make
    100%; the last is checked against the others."""
    s, e = ctx.sentence(mt.start)
    pcts = [x for x in ctx.numbers_in(mt.start, e) if x.type == "percent" and x.unit == "percent"
            and x.value_high is None]
    # (a few words may open the bracket: "and at other sites (the remaining 15%)")
    bracketed = [x for x in pcts if _BRACKET_WORDS.search(ctx.text, max(s, x.start - 30), x.start)]
    # "owned 51% by Fincantieri and 49% by Leonardo", "funded 70% by the government, 17% by KAI and 13% by ..."
    by_list = [x for x in pcts if regex.match(r"\s+by\b", ctx.text[x.end:x.end + 5])]
    shares = bracketed if len(bracketed) >= 2 else by_list
    if len(shares) < 2 or any(ctx.is_stated(x) for x in shares):
        return
    if shares is by_list and shares != pcts[pcts.index(shares[0]):][:len(shares)]:
        return  # not one run of shares: another percent stands between them
    if _REST_NAMED.search(ctx.text, shares[-1].end, e):
        return  # "the French State (62.25%) and Thales (35%), with employees holding the remainder": a part unstated
    if facts.g.word_pattern("partial_list_words").search(ctx.text, max(s, mt.start - 40), shares[-1].start):
        return  # "whose main shareholders are A (26.6%) and B (26.6%)": only some of the parts are named
    first = min(mt.start, shares[0].start)
    if any(x.type == "percent" and x not in shares for x in ctx.numbers_in(max(s, first - 80), shares[0].start)):
        return  # "a 7.3% stake in Hanwha Ocean held by Hanwha Impact Partners (5.0%) and Hanwha Energy (2.3%)": shares of
        # the stake named before, not of a whole that makes 100% (also inside the match: "49.5% by the Russian side,
        # split between Kalashnikov Concern (42%) and Rosoboronexport (7.5%)")
    # "owned by Airbus and BAE Systems (37.5% each) and Leonardo (25%)": a share "each" counts once per owner named
    # before it in its item
    counted: list[Mention] = []
    for k, x in enumerate(shares):
        if _EACH_SHARE_AFTER.match(ctx.text, x.end):
            lo = shares[k - 1].end if k else mt.start
            item = ctx.text[lo:x.start].rsplit("(", 1)[0]
            item = regex.sub(r"^\W*(?:and\s+|owned\s+by\s+|held\s+by\s+|by\s+)?", "", item.strip(), flags=regex.I)
            names = [n for n in _OWNER_SEP.split(item) if n.strip()]
            if len(names) < 2 or x is shares[-1]:
                return  # (how many the share is of, the text does not say)
            counted.extend([x] * len(names))
        else:
            counted.append(x)
    last = shares[-1]
    ev = Evidence("split:" + mt.template.id, f"'{_quote(ctx, mt.start, min(mt.end, mt.start + 40))}' lists shares of one "
                  "whole", mt.template.weight, mt.template.explicit)
    ctx.add(Claim("share", (last.start, last.end), last, readings=(Relation("complement", tuple(counted[:-1]), (ev,)),)))


# ---------------------------------------------------------------------------------------------- complements
def _complement(ctx: Ctx, facts: Facts, p: Mention) -> None:
    """"Rheinmetall holds 64% and KMW the other 36%", "the remaining 14%": the percentages before it in the
    sentence (or the sentence before) and this one make 100%."""
    s, _ = ctx.sentence(p.start)
    before = [x for x in ctx.numbers_in(s, p.start) if x.type == "percent" and x.unit == "percent" and x.value_high is None]
    si = ctx.sent_index(p.start)
    if not before and si > 0 and not ctx.numbers_in(s, p.start) and \
            ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(p.start):
        # "... Cameri, Italy (4%); and Nagoya, Japan (2%). The remaining 14% is spread across ...": the shares of
        # the sentence before
        before = [x for x in ctx.sentence_numbers(si - 1) if x.type == "percent" and x.unit == "percent"
                  and x.value_high is None]
    if not before:
        return
    # one share before it in its own sentence ("Rheinmetall holds 64% and KMW the remaining 36%") is the rest of one
    # whole for sure; shares of the sentence before, or several (which may be of different wholes), are read more
    # loosely
    # (not when the sentence before, on the line before, gives shares too: "Europe accounted for 54%, Asia 23% and the
    # Abraham Accords countries 12%. North America took 9%, and Latin America and Africa together the remaining 2%")
    one = len(before) == 1 and ctx.sent_index(before[0].start) == si and not (
        si > 0 and "\n\n" not in ctx.text[ctx.sents[si - 1][1]:ctx.sents[si][0]]
        and any(x.type == "percent" and x.unit == "percent" for x in ctx.sentence_numbers(si - 1)))
    ev = Evidence("complement", f"'{ctx.text[max(0, p.start - 14):p.end].strip()}' completes the share"
                  + (" before it" if one else "s before it"), facts.weight("complement_one", 4.5) if one else 3.5, True)
    ctx.add(Claim("share", (p.start, p.end), p, readings=(Relation("complement", tuple(before), (ev,)),)))


def _quote(ctx: Ctx, a: int, b: int, limit: int = 60) -> str:
    s = " ".join(ctx.text[a:b].split())
    return s if len(s) <= limit else s[:limit - 1] + "…"


__all__ = ["find", "counts_compatible"]

