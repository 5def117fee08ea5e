"""Parts and wholes: ``sum`` (a stated total of stated parts), ``share`` (a part as a percentage or
fraction of a whole; shares of one whole adding to 100%) and ``difference`` ("five more than the 26").

A list of parts is read from the text's own structure: a total followed by its breakdown
("52 aircraft, made up of 21 ... and 31 ...", "56 orders (30 Rafale and 26 Falcon)", "145 jets: 48 ...,
16 ... and five ...") or parts followed by a total word ("... 2,352 missiles in all", "a combined 49 jets",
"for a total of 31", "bringing the total to 12,000"). "Each" counts a part once per subject
("the Army and the Air Force will each take eight" is 8 + 8).
"""

from __future__ import annotations

import regex

from ..extract.lazy import LazyPattern
from ..extract.lexicon import STOP_WORDS
from ..model import Claim, Mention
from .base import GENERIC_NOUNS, Ctx, fig_text, fmt_value, is_partitive, is_rate, noun_class, same_kind, same_noun

_BREAKDOWN_OPEN = LazyPattern(
    r"^(?P<np>[^,;:()]{0,90}?)\s*(?:,\s*(?:made\s+up\s+of|comprising|consisting\s+of|split\s+(?:into|between)|"
    r"of\s+which|including|namely)?|:|\(|—|–|\s+(?:made\s+up\s+of|comprising|consisting\s+of|split\s+(?:into|between)|"
    r"break(?:s)?\s+down\s+as\s+follows\s*:|broken\s+down\s+as\s+follows\s*:|of\s+which))\s*", regex.I)
_SEP = LazyPattern(r"^[^;:.!?()]*?(?:,|;|\band\b|\bplus\b|\bwith\b)[^;:.!?()]*$|^\s*(?:,|;|and|plus)?\s*$", regex.I)
_CLAUSE = LazyPattern(r"\b(?:booked|signed|ordered|delivered|received|went|took|are|were|is|was|has|have|had|will|"
                         r"would|said|says|while|but|compared|whereas|although|which|who|when|where|leaving|bringing|"
                         r"including|expected|planned|due)\b", regex.I)
_TOTAL_AFTER = LazyPattern(
    r"(?:(?:for|to)\s+a\s+(?:[\p{L}-]+\s+){0,2}?(?:total|fleet|force|contribution|sum|combined\s+[\p{L}]+)\s+of|"
    r"(?:the\s+)?(?:two|three|four|both)\s+[\p{L}-]+s\s+(?:are|were|is|will\s+be)?\s*(?:valued\s+at|worth|together)|"
    r",\s*(?:makes|make|made|gives|giving)|a\s+combined|combined|in\s+all|in\s+total|"
    r"altogether|all\s+told|for\s+a\s+fleet\s+of|bringing\s+(?:the|its)\s+[\p{L}\s-]{0,60}?\bto|"
    r"(?:make|makes|made)\s+up(?:\s+the)?(?:\s+[\p{L}-]+['’]s)?(?:\s+full)?|together(?:\s+[\p{L}]+){0,3}?|totall?ing|totall?ed|"
    r"(?:add|adds|added|adding)\s+up\s+to|which\s+together\s+make\s+up(?:\s+the)?|,\s*complet(?:ing|es)\s+(?:all|the\s+full|the)|"
    r"(?:the\s+)?(?:two|three|four|both)\s+[\p{L}-]+s\s+(?:together\s+)?(?:cover|covering|include|comprise|account\s+for))\s*$",
    regex.I)
_TOTAL_WORDS_BEFORE = LazyPattern(r"\b(?:together|combined|in\s+all|in\s+total|total|altogether|both|the\s+two|"
                                    r"the\s+three|the\s+four)\b", regex.I)
_DIFF = LazyPattern(
    r"^\s*(?:[\p{L}-]+\s+)?(?P<word>more|fewer|less|higher|lower|heavier|lighter|larger|smaller|longer|shorter|"
    r"greater|above|below|ahead\s+of|behind|up\s+on|down\s+on)\s+(?:than\s+)?(?:in\s+)?(?:the\s+|that\s+|its\s+|"
    r"a\s+|an\s+)?", regex.I)

_COMPARATIVES = ("more", "fewer", "less", "higher", "lower", "heavier", "lighter", "larger", "smaller", "longer", "shorter",
                 "greater")


def find(ctx: Ctx) -> None:
    _cumulative(ctx)
    _parallel_parts(ctx)
    _breakdowns(ctx)
    _totals_after_parts(ctx)
    _segment_lists(ctx)
    _attached_values(ctx)
    _margins(ctx)
    _shares(ctx)
    _partitions(ctx)
    _differences(ctx)


# ----------------------------------------------------------------------------- sums
def _parts_kind_ok(total: Mention, part: Mention, ctx: Ctx) -> bool:
    if total.type == "count" and part.type == "count":
        return True
    return same_kind(total, part)


def _multiplicity(ctx: Ctx, m: Mention, lo: int) -> int:
    """How many times "each" makes a part count: "A and B each take eight" -> 2; "148 in each lot" with
    "the two lots" -> 2."""
    t = ctx.text
    counted = [c for c in ctx.mentions if c.type in ("count", "number") and not c.role and c.value and c.end <= m.start
               and m.start - c.end <= 2 and not t[c.end:m.start].strip() and "-" in m.text and float(c.value).is_integer()]
    if counted and 1 < counted[-1].value <= 100:
        return int(counted[-1].value)  # "four one-year option periods": four parts of one year each
    om = regex.match(r"\s+(?:[\p{L}]+\s+){0,4}?each\s+of\s+(?:the|its|their|these)\s+(two|three|four|five|six|\d)\s+[\p{L}-]+s\b",
                     t[m.end:m.end + 60], regex.I)
    if om:
        g = om.group(1).lower()
        return int(g) if g.isdigit() else {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}[g]
    before = t[max(lo, m.start - 40):m.start]
    em = regex.search(r"(?P<subj>[\p{L}'’.\s-]+?)\s+(?:will\s+|would\s+|are\s+|were\s+)?each\s+(?:[\p{L}]+\s+){0,3}$", before)
    if em:
        subj = em.group("subj")
        n = len(regex.findall(r"\band\b|,", subj)) + 1
        return max(2, min(n, 6)) if regex.search(r"\band\b", subj) else 1
    if regex.match(r"\s+(?:in|for)\s+each\b", t[m.end:m.end + 15]):
        s, _ = ctx.sentence(m.start)
        gm = regex.search(r"\b(?:the\s+)?(two|three|four|five|six|\d)\s+([\p{L}]+s)\b", t[s:m.start])
        if gm:
            words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
            g = gm.group(1)
            return int(g) if g.isdigit() else words[g]
    return 1


def _make_sum(ctx: Ctx, total: Mention, parts: list[Mention], mults: list[int], confident: bool,
              how: str) -> None:
    if len(parts) < 2 and not (parts and mults[0] > 1):
        return
    ops = []
    expanded_mults = []
    for p, k in zip(parts, mults, strict=True):
        ops.append(p)
        expanded_mults.append(k)

    def fn(*vals: float) -> float:
        return sum(v * k for v, k in zip(vals, expanded_mults, strict=True))

    def term(p: Mention, k: int) -> str:
        s = fig_text(ctx, p)
        return f"{k} × {s}" if k > 1 else s

    terms = " + ".join(term(p, k) for p, k in zip(ops, expanded_mults, strict=True))

    def explain(v: float) -> str:
        return f"{terms} = {fmt_value(v, total)}"

    def fail_message(v: float, expected: str | None) -> str:
        return f"the parts add up to {fmt_value(v, total)}, not {_hedged(total)} ({terms})"

    ctx.add(Claim("sum", _span(ctx, total), total, tuple(ops),
                  {"fn": fn, "explain": explain, "fail_message": fail_message, "how": how}, confident))


def _gap_continues(gap: str) -> bool:
    """Between two items of a list: the first item's qualifier, a separator, the next item's lead-in
    ("for the U.S. Air Force; 12"), with no new clause after the separator (", and booked 56")."""
    seps = list(regex.finditer(r"[,;]|\band\b|\bplus\b|\bas\s+well\s+as\b", gap))
    if not seps:
        return False
    if regex.search(r"[()]|:", gap):
        return False
    lead = gap[seps[-1].end():]
    return not _CLAUSE.search(lead) and not regex.search(r"\b(?:of\s+whom|increase|decrease|rise|fall|up|down|from)\b",
                                                          lead, regex.I)


def _breakdowns(ctx: Ctx) -> None:
    """A total, then its parts: "52 aircraft, made up of 21 Rafale fighters and 31 Falcon business jets"."""
    t = ctx.text
    for total in ctx.amounts:
        if id(total) in ctx.used or total.type not in ("count", "currency", "quantity") or is_rate(ctx, total):
            continue
        s, e = ctx.sentence(total.start)
        rest = t[total.end:e]
        om = _BREAKDOWN_OPEN.match(rest)
        if not om or any(total.end < x.start < total.end + om.end() for x in ctx.amounts):
            continue
        opener = om.group(0)
        colon_like = bool(regex.search(r"[:(]|made\s+up|comprising|consisting|of\s+which|break|split", opener, regex.I)) or \
            bool(regex.search(r"\b(?:a\s+combined|a\s+total|in\s+total|altogether)\s+(?:[\p{L}-]+\s+){0,2}?(?:of\s+)?$",
                              t[max(s, total.start - 40):total.start], regex.I))
        if not colon_like and regex.search(r"\b(?:to|from|than|per|for|with|at|by)\b", om.group("np") or ""):
            continue
        start = total.end + om.end()
        end_limit = e
        if "(" in opener:
            close = t.find(")", start, e)
            end_limit = close if close > 0 else e
        items: list[Mention] = []
        cursor = start
        for x in ctx.amounts:
            if x.start < start or x.start >= end_limit:
                continue
            if id(x) in ctx.restated and items == [] and x.unit != total.unit:
                continue  # "12 km, about 7.5 miles, twice ...": the total restated in another unit is no part
            if not _parts_kind_ok(total, x, ctx):
                if items or (colon_like and id(x) not in ctx.restated and x.type == "percent"):
                    break  # "The four partner nations ... confirmed their shares: Germany 46%, ...": a list of shares
                continue
            gap = t[cursor:x.start]
            if items and (not _gap_continues(gap) or _noun_clash(ctx, total, x)):
                break
            if not items and (regex.search(r"[;.]|\b(?:compared|while|but|whereas|versus|from|up|down|increase|decrease|"
                                           r"rise|fall|growth|against)\b", gap) or _CLAUSE.search(gap)):
                break  # "Headcount was 2,950, up from 2,700 ...": a comparison, not a breakdown
            if is_rate(ctx, x) or is_partitive(ctx, x) or regex.match(
                    r"\s+(?:more|fewer|less|higher|lower|above|below|ahead)\b", t[x.end:x.end + 12]):
                break
            items.append(x)
            cursor = x.end
        mults = [_multiplicity(ctx, x, start) for x in items]
        if not items or (len(items) < 2 and mults[0] < 2) or _noun_clash(ctx, total, items[0]):
            continue
        if not colon_like and regex.search(r"\p{L}['’]s?\s+(?:[\p{L}-]+\s+){0,2}$", t[start:items[0].start]):
            continue  # "Lithuania's share is worth €820 million, Latvia's €640 million and ...": parallel, not parts
        if not colon_like and regex.fullmatch(r"\s*,\s*\p{Lu}[\p{L}&'’\s-]{0,40}", t[total.end:items[0].start]) and \
                regex.search(r"\p{Lu}[\p{L}&'’-]*\s+$", t[max(s, total.start - 40):total.start]):
            continue  # "Missiles $3.05 billion, Rotary $2.61 billion and Space $1.28 billion": labelled items of one list
        if not colon_like and total.type != "count" and len(items) >= 2 and all(
                _BARE_LIST_GAP.fullmatch(t[a.end:b.start]) for a, b in zip((total, *items), items, strict=False)):
            continue  # "contracts worth $4.2 billion, $3.1 billion and $1.7 billion": bare amounts listed side by side
        partial = bool(regex.search(r"including|with", opener, regex.I))
        total_val = sum(x.value * k for x, k in zip(items, mults, strict=True))
        if partial and total_val < total.value:
            continue
        if not colon_like and abs(total_val - total.value) > 0.35 * abs(total.value):
            continue  # a plain comma list that does not add up is likely not a breakdown
        _make_sum(ctx, total, items, mults, confident=True, how="breakdown")


# nothing but list punctuation between two figures: ", ", " and ", ", and "
_BARE_LIST_GAP = LazyPattern(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)", regex.I)
_CUMULATIVE = LazyPattern(r"\b(?:brings?|bringing|brought|increases?|increasing|increased|raises?|raising|raised|lifts?|"
                            r"lifting|lifted)\s+(?:the\s+|its\s+)?(?:[\p{L}-]+\s+){0,2}?(?:cumulative|total|overall|aggregate)\b",
                            regex.I)
_INCREMENT = LazyPattern(r"^[^.;]{0,60}?\b(?:modification|option|increment|task\s+order|delivery\s+order|contract\s+action|"
                           r"addition|add-on)\b", regex.I)


def _cumulative(ctx: Ctx) -> None:
    """"a $412,650,000 modification ..., bringing the total cumulative face value of the contract to $1,318,400,000
    from $905,750,000": the new cumulative value is the old one plus the modification (in the sentence, or the
    one before: "... is awarded an $87,412,300 modification ... This modification increases the cumulative value
    of the contract from $536,561,800 to $632,974,100")."""
    t = ctx.text
    for si, (s, e) in enumerate(ctx.sents):
        cm = _CUMULATIVE.search(t, s, e)
        if not cm:
            continue
        figs = [x for x in ctx.amounts if cm.end() <= x.start < e and x.type == "currency"]
        if len(figs) < 2:
            continue
        a, b = figs[0], figs[1]
        lead, gap = t[cm.end():a.start], t[a.end:b.start]
        if regex.search(r"\bfrom\s+$", lead) and regex.fullmatch(r"\s+to\s+", gap):
            old, new = a, b
        elif regex.search(r"\bto\s+$", lead) and regex.fullmatch(r"\s+from\s+", gap):
            old, new = b, a
        else:
            continue
        if id(new) in ctx.used or not same_kind(old, new):
            continue
        lo = ctx.sents[si - 1][0] if si > 0 and ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(s) else s
        incs = [x for x in ctx.amounts if lo <= x.start < cm.start() and same_kind(x, new) and not is_rate(ctx, x)
                and _INCREMENT.match(t[x.end:x.end + 80])]
        if len(incs) != 1:
            continue
        _make_sum(ctx, new, [old, incs[0]], [1, 1], True, "cumulative")


def _parallel_parts(ctx: Ctx) -> None:
    """"Of the 21 Rafale handed over, 14 went to France ..., and seven went to export customers": the parts
    are the figures followed by the same verb."""
    t = ctx.text
    for total in ctx.amounts:
        if id(total) in ctx.used or total.type != "count":
            continue
        if not regex.search(r"\b(?:Of|Among|Out\s+of)\s+(?:the\s+|its\s+|these\s+)?$", ctx.before(total, 20)):
            continue
        s, e = ctx.sentence(total.start)
        after = [x for x in ctx.amounts if total.end < x.start < e and x.type == "count"]
        if not after:
            continue
        vm = regex.match(r"\s+([\p{L}]+)", t[after[0].end:after[0].end + 20])
        if not vm:
            continue
        verb = vm.group(1).lower()
        items = [x for x in after if regex.match(r"\s+" + regex.escape(verb) + r"\b", t[x.end:x.end + 20], regex.I)]
        if len(items) >= 2:
            _make_sum(ctx, total, items, [1] * len(items), True, "parallel")


def _totals_after_parts(ctx: Ctx) -> None:
    """Parts, then a total word and the total: "1,844 Hellfire and 508 Stinger missiles, 2,352 missiles in all"."""
    t = ctx.text
    for total in ctx.amounts:
        if id(total) in ctx.used or total.type not in ("count", "currency", "quantity"):
            continue
        s, e = ctx.sentence(total.start)
        before = t[s:total.start]
        after = t[total.end:total.end + 25]
        hedge_gap = r"(?:\s*(?:about|around|roughly|nearly|more\s+than|some|approximately|exceed(?:s|ed)?|over)\s*)?"
        tm = regex.search(_TOTAL_AFTER.pattern[:-2] + hedge_gap + r"(?:the\s+|a\s+|an\s+)?\s*$", before, regex.I)
        in_all = regex.match(r"^[\p{L}\s-]{0,30}?\b(?:in\s+all|in\s+total|altogether|combined|all\s+told)\b", after,
                             regex.I)
        if not (tm or in_all) or is_rate(ctx, total):
            continue
        pool = [x for x in ctx.amounts if x.end <= total.start and x is not total and _parts_kind_ok(total, x, ctx)
                and not is_partitive(ctx, x) and not x.role and not _prior_period(ctx, x)
                and not (_is_group_word(before if x.start >= s else "", x)
                         and noun_class(ctx.vocab, x.unit) != noun_class(ctx.vocab, total.unit))
                and (not is_rate(ctx, x) or _time_rate(ctx, x) or (x.start >= s and regex.match(
                    r"\s*per\s+share\b", t[x.end:x.end + 12])))]  # "a dividend of 9.4p per share ... makes 14.2p"
        # in the total's own sentence the writer lists the parts; further back, only figures of the same thing
        expect_n = _expected_count(_mask_new_figures(ctx, s, total.start))
        same_sent = [x for x in pool if x.start >= s and not (expect_n and _noun_clash(ctx, total, x))]
        same_sent = _borrowed_noun_parts(ctx, total, same_sent)
        same_sent = _list_tail(ctx, same_sent)
        pool = [x for x in pool if x.start >= s or (total.type != "count" or same_noun(ctx.vocab, total, x))
                and not _noun_clash(ctx, total, x)]
        how = "total-after"
        am = regex.match(r"\s*(?:after|on\s+top\s+of|in\s+addition\s+to|plus)\s+", t[total.end:total.end + 25], regex.I)
        later = [x for x in ctx.amounts if am and total.end + am.end() <= x.start <= total.end + am.end() + 2
                 and _parts_kind_ok(total, x, ctx)]
        if later and same_sent:
            # "bringing the nine-month total to TL 14.4 billion after TL 8.8 billion in H1": a part after the total
            parts = same_sent[-1:] + later[:1]
        elif len(same_sent) >= 2 or (same_sent and _multiplicity(ctx, same_sent[-1], s) > 1):
            parts = same_sent
        elif same_sent and not (expect_n or regex.search(r"\btogether\s+with\b", before, regex.I)):
            continue  # one part here and the others not as figures ("three frigates, plus a fourth ship")
        else:
            # the parts were given in the sentences before ("The first, worth $705 million ... The second ...")
            para = ctx.paragraph(total.start)
            parts = [x for x in pool if x.start >= para[0]]
            if expect_n and len(parts) < expect_n and total.type == "count" and ctx.para_index(total.start) > 0:
                # "The order follows a first batch of 111 vehicles ...; together the two contracts cover 291 vehicles"
                # with the new order's 180 vehicles in the paragraph before: the same things, counted there
                pa, _ = ctx.paras[ctx.para_index(total.start) - 1]
                back = [x for x in pool if pa <= x.start < para[0] and x.noun and total.noun and not is_rate(ctx, x)
                        and noun_class(ctx.vocab, x.unit) == noun_class(ctx.vocab, total.unit)]
                parts = (back[:expect_n - len(parts)] + parts) if len(back) >= expect_n - len(parts) else parts
            if expect_n and len(parts) > expect_n:
                parts = parts[-expect_n:]
            if len(parts) > 3 or len(parts) < 2:
                continue
            how = "total-after-paragraph"
        if expect_n and len(parts) > expect_n:
            parts = parts[-expect_n:]
        # a total restating a figure from the parts list ("€10.6 billion ... €10.6 billion headline") is not a part
        parts = [x for x in parts if not (abs(x.value - total.value) < 1e-9 and x.unit == total.unit)]
        if len(parts) > 8:
            parts = parts[-8:]
        mults = [_multiplicity(ctx, x, s) for x in parts]
        if len(parts) < 2 and not (parts and mults[0] > 1):
            continue
        confident = True
        _make_sum(ctx, total, parts, mults, confident, how)
    _further(ctx)


_PRIOR = LazyPattern(r"\(\s*(?:(?:FY|CY|H[12]|Q[1-4]|9M|fiscal|prior\s+year|previous\s+year|last\s+year)\s*)?'?"
                       r"(?:\d{2}|\d{4})?\s*(?:\d{4})?\s*:\s*$", regex.I)


_LIST_LEAD = LazyPattern(r"\b(?:segment|segments|division|divisions|business\s+(?:unit|area|line)s?|sector|region|"
                           r"by\s+(?:segment|division|business|sector|region|market|customer|product))\b", regex.I)
_FLOW = r"(?:sales|revenues?|turnover|order\s+intake|orders|bookings)"
_TOTAL_LEVEL = LazyPattern(r"\b" + _FLOW + r"\s+(?:of|was|were|totall?ed|reached|came\s+in\s+at|(?:rose|grew|increased|"
                             r"climbed|fell|declined|decreased)\s+to)\s+(?:about\s+|around\s+|some\s+)?$", regex.I)


def _segment_lists(ctx: Ctx) -> None:
    """"Segment sales were: Aeronautics $4.12 billion, Missiles ... $3.05 billion, ... and Space $1.68 billion" after
    "sales of $11.46 billion": a colon list of a flow by segment (division, region, ...) adds up to the total of
    that flow stated before it (the latest figure introduced as "sales of", "revenue was", ..., in that paragraph or
    the one before)."""
    t = ctx.text
    for s, e in ctx.sents:
        colon = t.find(":", s, e)
        if colon < 0 or any(s <= x.start < colon for x in ctx.amounts):
            continue
        lead = t[s:colon]
        fm = regex.search(_FLOW, lead, regex.I)
        if not fm or not _LIST_LEAD.search(lead):
            continue
        items = [x for x in ctx.amounts if colon < x.start < e and x.type == "currency" and id(x) not in ctx.restated
                 and not is_rate(ctx, x) and not _prior_period(ctx, x)
                 and not regex.search(r"\b(?:from|compared\s+with|versus|vs\.?)\s+$", ctx.before(x, 20), regex.I)]
        if len(items) < 2 or any(not same_kind(x, items[0]) for x in items):
            continue
        flow = fm.group(0).lower()[:5]
        pi = ctx.para_index(s)
        totals = [x for x in ctx.amounts if x.end <= s and same_kind(x, items[0]) and pi - ctx.para_index(x.start) <= 2
                  and _TOTAL_LEVEL.search(ctx.before(x, 45)) and flow in ctx.before(x, 45).lower()
                  and id(x) not in ctx.used]
        if not totals or any(abs(x.value) >= abs(totals[-1].value) for x in items):
            continue
        total = totals[-1]
        # segment figures may leave out "other" activities or add intersegment sales: the list is taken for the
        # total only when it adds up to it at the figures' precision (a pass); a list that does not is no claim
        slack = (total.half_step or 0.0) + sum(x.half_step or 0.0 for x in items)
        if abs(sum(x.value for x in items) - total.value) > slack * 1.0001:
            continue
        _make_sum(ctx, total, items, [1] * len(items), True, "segment-list")


_PROFIT = LazyPattern(r"\b(?:profit|income|EBITA?|EBITDA|earnings|result)\b", regex.I)
_MARGIN = LazyPattern(r"\bmargins?\s+(?:(?:of|was|at|stood\s+at|came\s+in\s+at|reached|improved|rose|increased|grew|fell|"
                        r"declined|decreased|narrowed|widened|expanded|slipped)\s+)?(?:to\s+)?(?:about\s+|around\s+|some\s+)?$",
                        regex.I)


# a revenue figure of another span than the quarter's or half's own (a margin is of the period's revenue)
_OTHER_PERIOD = LazyPattern(r"\b(?:nine|first\s+nine)[\s-]+months?\b|\byear[\s-]+to[\s-]+date\b|\bfull[\s-]+year\b|"
                              r"\b(?:outlook|guidance|expects?|forecast|target)\b", regex.I)


def _margins(ctx: Ctx) -> None:
    """"Segment operating profit totalled $1.31 billion, a segment operating margin of 11.4% of sales" after "sales of
    $11.46 billion"; "Operating income was $342 million, or 11.0% of revenue, compared with $318 million, or 10.8% of
    revenue, in the prior-year quarter": a margin is the profit figure of its sentence over the period's revenue
    (see ``_revenue_for``); a prior period's profit is over the prior period's revenue. A margin whose figures
    cannot be told is no share of anything else either."""
    for p in ctx.amounts:
        if id(p) in ctx.used or p.type != "percent" or p.unit != "percent":
            continue
        s, e = ctx.sentence(p.start)
        after = ctx.text[p.end:e]
        of_revenue = regex.match(r"\s*of\s+(?:total\s+|group\s+|net\s+)?(?:revenues?|sales|turnover)\b", after, regex.I)
        margin_word = bool(_MARGIN.search(ctx.before(p, 40)))
        if not (margin_word or of_revenue):
            continue
        of_revenue = of_revenue and not margin_word  # "a margin of 11.4% of sales": the margin's own profit
        if not of_revenue and (regex.match(r"\s*(?:from|compared|versus|vs|\()", after) or
                               regex.search(r"\bto\s+$", ctx.before(p, 40))):
            _margin_pair(ctx, p)  # "improved to 11.2% from 10.4%": each period's profit over its revenue
            continue
        if of_revenue:
            # "$342 million, or 11.0% of revenue": the figure the share is attached to, in a sentence about profit
            near = [x for x in ctx.amounts if s <= x.start and x.end <= p.start and x.type == "currency"]
            profits = near[-1:] if near and regex.fullmatch(r"\s*(?:,\s*(?:or|and|representing)\s+|\(\s*)(?:about\s+|around\s+)?",
                                                            ctx.text[near[-1].end:p.start]) else []
            profits = [x for x in profits if _PROFIT.search(ctx.text[s:x.start])]
        else:
            semi = ctx.text.rfind(";", s, p.start)  # "Naval ... £44 million, a margin of 10.9%; Commercial ...": its clause
            s = semi + 1 if semi >= 0 else s
            profits = [x for x in ctx.amounts if s <= x.start and x.end <= p.start and x.type == "currency"
                       and _PROFIT.search(ctx.text[max(s, x.start - 40):x.start]) and not is_rate(ctx, x)
                       and not _prior_period(ctx, x)]
        if len(profits) != 1:
            if of_revenue and _PROFIT.search(ctx.text[s:p.start]):
                ctx.used.add(id(p))
            continue
        profit = profits[0]
        rev = _revenue_for(ctx, p, profit)
        if rev is not None and _prior_figure(ctx, profit, p):
            rev = _old_of(ctx, rev, ctx.amounts)
        if rev is not None:
            _margin_claim(ctx, p, profit, rev)
        elif of_revenue:
            ctx.used.add(id(p))


def _prior_figure(ctx: Ctx, x: Mention, p: Mention) -> bool:
    """"compared with $318 million, or 10.8% of revenue, in the prior-year quarter": a figure of the earlier period."""
    _, e = ctx.sentence(p.start)
    nxt = [y for y in ctx.amounts if p.end <= y.start < e]
    tail = ctx.text[p.end:nxt[0].start if nxt else e]
    return bool(regex.search(r"\b(?:compared\s+(?:with|to)|from|versus|against)\s+(?:about\s+)?$", ctx.before(x, 30), regex.I)
                or regex.search(r"\b(?:prior|previous|last)[\s-]+(?:year|period|quarter)|\ba\s+year\s+(?:earlier|ago|before)",
                              tail, regex.I))


def _revenue_for(ctx: Ctx, p: Mention, profit: Mention, allow_smaller: bool = False, reach: int = 2) -> Mention | None:
    """The revenue a profit is a margin of: introduced as "sales of" / "revenue was" ..., before the profit, up to two
    paragraphs back, of the same span (not "nine months"). The one revenue in the profit's own paragraph is its revenue;
    a profit whose sentence names a segment ("Electronics EBIT was ...") takes the revenue next to that name;
    otherwise the largest (the company's, not a segment's)."""
    pi = ctx.para_index(profit.start)
    revs = [x for x in ctx.amounts if x.end <= profit.start and same_kind(x, profit) and pi - ctx.para_index(x.start) <= reach
            and not _OTHER_PERIOD.search(ctx.text[max(0, x.start - 50):x.end + 50]) and _REVENUE.search(ctx.before(x, 40))]
    if not revs:
        return None
    names = {w for w in regex.findall(r"\b\p{Lu}[\p{L}&-]{2,}", _clause_before(ctx, profit))
             if w.lower() not in _GENERIC_HEADS and w not in _company_words(ctx)}
    own = [x for x in revs if ctx.para_index(x.start) == pi]  # two there are segments' ("A sales were X and B sales were Y")
    if names:
        named = [x for x in revs if names & set(regex.findall(r"\b\p{Lu}[\p{L}&-]{2,}", _clause_before(ctx, x)))]
        rev = named[-1] if named else None
    elif len(own) == 1:
        rev = own[0]
    else:
        rev = max(revs, key=lambda x: abs(x.value))
    return rev if rev is not None and (allow_smaller or abs(rev.value) > abs(profit.value)) else None


def _clause_before(ctx: Ctx, x: Mention) -> str:
    """The words that introduce x: from the figure before it (or its sentence start, at most 80 characters back)."""
    s, _ = ctx.sentence(x.start)
    lo = max([s, x.start - 80] + [y.end for y in ctx.amounts if s <= y.end <= x.start and y is not x])
    return ctx.text[lo:x.start]


def _company_words(ctx: Ctx) -> str:
    """The headline and the lead up to its first figure: where the company and the place are named."""
    nl = ctx.text.find("\n")
    title = ctx.text[:nl].strip() if nl >= 0 else ""
    body = nl + 1 if title and not title.endswith(".") and " — " not in title else 0  # after a headline
    first = [x for x in ctx.amounts if x.start >= body]
    return ctx.text[:first[0].start] if first else ctx.text[:body]


_GENERIC_HEADS = frozenset("""the group operating operational net adjusted segment segments total underlying company ebit ebitda
ebita profit earnings income its our their reported quarterly gross first second third fourth half quarter""".split())
_REVENUE = LazyPattern(r"\b(?:sales|revenues?|turnover)\s+(?:(?:of|was|were|totall?ed|reached|came\s+in\s+at|"
                         r"(?:rose|grew|increased|climbed|fell|declined|decreased)\s+to)\s+)?(?:about\s+|around\s+)?$", regex.I)


def _old_of(ctx: Ctx, new: Mention, pool: list[Mention]) -> Mention | None:
    """The earlier period's figure for ``new``: the old operand of a change claim on it, or the figure right after
    "from" ("improved to 11.2% from 10.4%", "rose to €431 million from €342 million")."""
    for c in ctx.claims:
        if c.kind in ("percent_change", "multiple") and len(c.operands) == 2 and c.operands[1] is new:
            return c.operands[0]
    fm = regex.match(r"\s*,?\s*(?:up\s+|down\s+)?from\s+(?:about\s+|around\s+)?", ctx.text[new.end:new.end + 30], regex.I)
    if fm:
        nxt = [x for x in pool if x.start == new.end + fm.end() and same_kind(x, new)]
        return nxt[0] if nxt else None
    return None


def _margin_pair(ctx: Ctx, p: Mention) -> None:
    """"Operational EBIT rose to €431 million from €342 million ... The operational EBIT margin improved to 11.2% from
    10.4%" after "revenue of €3,862 million ..., up 18% from €3,273 million": new margin = new profit / new revenue,
    old margin = old profit / old revenue."""
    old_m = _old_of(ctx, p, ctx.amounts)
    if old_m is None or old_m.type != "percent":
        return
    si = ctx.sent_index(p.start)
    profit_new = profit_old = None
    for k in (si, si - 1):
        if k < 0 or ctx.para_index(ctx.sents[k][0]) != ctx.para_index(p.start):
            continue
        a, b = ctx.sents[k]
        for x in ctx.amounts:
            if a <= x.start < min(b, p.start) and x.type == "currency" and _PROFIT.search(ctx.text[max(a, x.start - 40):x.start]):
                old = _old_of(ctx, x, ctx.amounts)
                if old is not None:
                    profit_new, profit_old = x, old
                    break
        if profit_new is not None:
            break
    if profit_new is None or profit_old is None:
        return
    rev_new = _revenue_for(ctx, p, profit_new)
    rev_old = _old_of(ctx, rev_new, ctx.amounts) if rev_new is not None else None
    if rev_new is None or rev_old is None or not same_kind(rev_old, profit_old):
        return
    if id(p) not in ctx.used:
        _margin_claim(ctx, p, profit_new, rev_new)
    if id(old_m) not in ctx.used:
        _margin_claim(ctx, old_m, profit_old, rev_old)


def _margin_claim(ctx: Ctx, p: Mention, profit: Mention, rev: Mention) -> None:
    def fn(a: float, b: float) -> float:
        return a / b * 100.0

    def explain(v: float) -> str:
        return f"{fig_text(ctx, profit)} / {fig_text(ctx, rev)} × 100 = {v:.1f}%"

    def fail_message(v: float, expected) -> str:
        return f"a margin of {fig_text(ctx, profit)} on {fig_text(ctx, rev)} is {v:.1f}%, not {_hedged(p)}"

    ctx.add(Claim("share", _span(ctx, p), p, (profit, rev), {"fn": fn, "explain": explain, "fail_message": fail_message},
                  True))


def _prior_period(ctx: Ctx, x: Mention) -> bool:
    """"€812 million (H1 2024: €690 million)": the bracketed figure is the prior period's, no part of this period's total."""
    return bool(_PRIOR.search(ctx.text[max(0, x.start - 20):x.start]))


def _list_tail(ctx: Ctx, parts: list[Mention]) -> list[Mention]:
    """The parts that form one list ending next to the total: "more than 5,000 missiles (LMM) to Ukraine, supporting
    700 jobs in Belfast and a further 200 ..., 900 in all" lists 700 and 200; the missiles are in another clause."""
    if len(parts) < 2:
        return parts
    k = len(parts) - 1
    while k > 0:
        gap = ctx.text[parts[k - 1].end:parts[k].start]
        seps = list(regex.finditer(r"[,;]|\band\b|\bplus\b|\bas\s+well\s+as\b", gap))
        lead = gap[seps[-1].end():] if seps else gap
        if seps and regex.match(r"\s*(?!(?:during|including|bring|thing|nothing|something)\b)\p{L}{3,}ing\b", lead):
            break  # ", supporting 700 jobs": a new clause starts after the separator
        k -= 1
    return parts[k:]


def _time_rate(ctx: Ctx, x: Mention) -> bool:
    return bool(regex.match(r"\s*(?:a|per)\s+(?:year|month|week|day)\b", ctx.text[x.end:x.end + 15]))


def _borrowed_noun_parts(ctx: Ctx, total: Mention, parts: list[Mention]) -> list[Mention]:
    """"21 Tranche 1 satellites in two launches, with 126 still to fly, for 147 in total": a total with no noun of its
    own counts what the parts that name its noun count; a part naming another thing (launches) is no part of it."""
    if total.type != "count" or total.noun or not total.unit or not total.unit[:1].islower():
        return parts
    cls = noun_class(ctx.vocab, total.unit)
    named = [x for x in parts if x.type == "count" and x.noun and x.unit]
    if not any(noun_class(ctx.vocab, x.unit) == cls for x in named):
        return parts
    # a proper noun ("E-7As") may well count the same things under a name of its own: only a common noun clashes
    return [x for x in parts if not (x in named and x.noun[:1].islower() and noun_class(ctx.vocab, x.unit) != cls)]


def _noun_clash(ctx: Ctx, total: Mention, part: Mention) -> bool:
    """Parts that count something else than the total ("two combat drones: 33 countries and nine")."""
    if total.type != "count" or part.type != "count" or not total.unit or not part.unit or not part.noun:
        return False
    if not total.noun:
        return False  # the total borrowed its noun from a figure nearby: too weak to rule parts out
    if not part.noun[:1].islower() or (total.noun and not total.noun[:1].islower()):
        return False
    return not same_noun(ctx.vocab, total, part)


def _is_group_word(before: str, x: Mention) -> bool:
    """"the total from the two announcements": a small count after "the" names the parts; it is not a part."""
    return bool(x.noun and x.word and x.value <= 10 and regex.search(r"\bthe\s+" + regex.escape(x.text) + r"\b", before))


def _attached_values(ctx: Ctx) -> None:
    """"Together the 12 and 36 aircraft make up the full 48-jet order, valued at about $3 billion", after "The
    first, worth $705 million, covers 12 ... The second, worth $2.3 billion, covers 36 ...": the value of the
    whole is the sum of the values the text gave for each part."""
    for c in list(ctx.claims):
        if c.kind != "sum" or c.stated is None or c.stated.type != "count":
            continue
        s, e = ctx.sentence(c.stated.start)
        money = [x for x in ctx.amounts if s <= x.start < e and x.type == "currency" and id(x) not in ctx.used
                 and not is_rate(ctx, x) and regex.search(r"\b(?:valued\s+at|worth|value\s+of|costing|for)\s+"
                                                           r"(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+)?$",
                                                           ctx.before(x, 40), regex.I)]
        if len(money) != 1:
            continue
        total = money[0]
        values = []
        for part in c.operands:
            earlier = [x for x in ctx.amounts if x.type == "count" and x.value == part.value and x.end <= s
                       and x is not part]
            if not earlier:
                break
            ps, pe = ctx.sentence(earlier[-1].start)
            cash = [x for x in ctx.amounts if ps <= x.start < pe and x.type == "currency" and x.unit == total.unit
                    and not is_rate(ctx, x) and id(x) not in ctx.restated]
            if len(cash) != 1:
                break
            values.append(cash[0])
        else:
            if len(values) >= 2:
                _make_sum(ctx, total, values, [1] * len(values), True, "attached-values")


def _mask_new_figures(ctx: Ctx, lo: int, hi: int) -> str:
    """The text lo..hi with each figure stated without "the" blanked out: "with two option years, for seven years in
    total" states a part (two years), not "the two" things a total adds up."""
    t = ctx.text
    out = list(t[lo:hi])
    for x in ctx.mentions:
        if lo <= x.start and x.end <= hi and not regex.search(r"\b(?:the|both)\s+$", t[max(lo, x.start - 10):x.start], regex.I):
            out[x.start - lo:x.end - lo] = "#" * (x.end - x.start)
    return "".join(out)


def _expected_count(before: str) -> int | None:
    m = regex.search(r"\b(?:the\s+)?(two|three|four|both)\s+(?:[\p{L}-]+\s+){0,2}?(?:[\p{L}]+s)\b[^.]*$", before, regex.I)
    if not m:
        return None
    return {"two": 2, "both": 2, "three": 3, "four": 4}[m.group(1).lower()]


def _further(ctx: Ctx) -> None:
    """"a further $3.1 billion contract, bringing the total ... to $6.5 billion. The original agreement was
    valued at $3.5 billion.": the addition plus the base figure given nearby."""
    t = ctx.text
    for add in ctx.amounts:
        if not regex.search(r"\b(?:a\s+further|an\s+additional|another|a\s+new|an\s+extra)\s+$", ctx.before(add, 25),
                            regex.I):
            continue
        s, e = ctx.sentence(add.start)
        tm = regex.search(r"\bbringing\s+(?:the|its)\s+[\p{L}\s-]{0,60}?\bto\s+", t[add.end:e])
        if not tm:
            continue
        totals = [x for x in ctx.amounts if x.start >= add.end + tm.end() - 1 and x.start < e and same_kind(x, add)]
        if not totals or id(totals[0]) in ctx.used:
            continue
        total = totals[0]
        para = ctx.paragraph(add.start)
        base = [x for x in ctx.amounts if para[0] <= x.start < para[1] and x is not add and x is not total
                and same_kind(x, add) and not is_rate(ctx, x) and not regex.search(
                    r"\b(?:payment|advance|deposit|tranche)\b", t[x.end:x.end + 30])
                and abs(ctx.sent_index(x.start) - ctx.sent_index(add.start)) <= 1]
        if len(base) != 1:
            continue
        _make_sum(ctx, total, [base[0], add], [1, 1], True, "further")
        # a restatement of the same total elsewhere (a headline) carries the same claim
        for r in ctx.amounts:
            if r is not total and id(r) not in ctx.used and r.unit == total.unit and r.value == total.value \
                    and ctx.is_headline(r):
                _make_sum(ctx, r, [base[0], add], [1, 1], True, "further-restated")


# ----------------------------------------------------------------------------- shares
_SHARE_OF = LazyPattern(r"^\s*(?:of|share\s+of)\s+(?:all\s+|the\s+|its\s+|total\s+)?", regex.I)


def _share_lists(ctx: Ctx) -> None:
    """"Weapon Systems €1,714 million (44%), Electronics €1,236 million (32%) and Naval €912 million (24%)": figures
    of one kind, each with its share in brackets, whose shares add up to 100% (within rounding) are the whole list;
    each share is its figure over the sum of the figures."""
    t = ctx.text
    for s, e in ctx.sents:
        items = []
        for p in ctx.amounts:
            if not (s <= p.start < e) or p.type != "percent" or p.unit != "percent" or id(p) in ctx.used or p.hedge:
                continue
            part = [x for x in ctx.amounts if x.end <= p.start and s <= x.start and x.type in ("count", "currency", "quantity")]
            gap = t[part[-1].end:p.start] if part else ""
            bracketed = regex.fullmatch(r"\s*\(\s*", gap) or (regex.fullmatch(r"\s*;\s*", gap) and
                                                             t[:part[-1].start].rstrip().endswith("("))
            if bracketed and t[p.end:p.end + 2].lstrip().startswith(")"):
                items.append((part[-1], p))
        if len(items) < 2 or any(not same_kind(a, items[0][0]) for a, _ in items):
            continue
        total = sum(p.value for _, p in items)
        if abs(total - 100) > 0.5 * len(items) + 1e-9:
            continue
        parts = [a for a, _ in items]
        for a, p in items:
            others = [x for x in parts if x is not a]

            def fn(*vals: float) -> float:
                return vals[0] / sum(vals) * 100.0

            all_txt = " + ".join(fig_text(ctx, x) for x in parts)

            def explain(v: float, a=a, all_txt=all_txt) -> str:
                return f"{fig_text(ctx, a)} / ({all_txt}) × 100 = {v:.1f}%"

            def fail_message(v: float, expected, a=a, p=p, all_txt=all_txt) -> str:
                return f"{fig_text(ctx, a)} of {all_txt} is {v:.1f}%, not {_hedged(p)}"

            def expected(v: float, p=p) -> str:
                from .judge import restate

                return restate(p, v, t)

            ctx.add(Claim("share", _span(ctx, p), p, (a, *others), {"fn": fn, "explain": explain,
                          "fail_message": fail_message, "expected": expected}, True))


def _shares(ctx: Ctx) -> None:
    _share_lists(ctx)
    t = ctx.text
    for p in ctx.mentions:
        if id(p) in ctx.used or p.value is None:
            continue
        is_pct = p.type == "percent" and p.unit == "percent"
        is_frac = p.role == "fraction"
        if not (is_pct or is_frac):
            continue
        s, e = ctx.sentence(p.start)
        found = _share_operands(ctx, p)
        if not found:
            continue
        part_list, whole, confident = found
        if _OF_GDP.match(t[p.end:e]) and not _GDP_NAMED.search(ctx.before(whole, 40)):
            continue  # "€1.6 billion, 5.4% of GDP": the whole is the economy's output, a figure the text must name as such
        stated = p.value if is_pct else p.value * 100

        n_parts = len(part_list)

        def fn(*vals: float, n=n_parts) -> float:
            return sum(vals[:n]) / vals[n] * 100.0

        part_txt = " + ".join(fig_text(ctx, x) for x in part_list)

        def explain(v: float, part_txt=part_txt, whole=whole) -> str:
            return f"{part_txt} / {fig_text(ctx, whole)} × 100 = {v:.1f}%"

        def fail_message(v: float, expected, part_txt=part_txt, whole=whole, p=p) -> str:
            return f"{part_txt} of {fig_text(ctx, whole)} is {v:.1f}%, not {_hedged(p)}"

        def expected(v: float, p=p, is_pct=is_pct) -> str:
            if is_pct:
                from .judge import restate

                return restate(p, v, t)
            return f"{v:.0f}%"

        params = {"fn": fn, "explain": explain, "fail_message": fail_message, "expected": expected,
                  "stated_value": stated, "claimed": p.value}
        if is_frac:
            params["stated_step"] = 0.0 if p.hedge else 2.5  # "a third" is 33.3% give or take a rounding
            params["fixable"] = False
        ctx.add(Claim("share", _span(ctx, p), p, (*part_list, whole), params, confident))


_OF_GDP = LazyPattern(r"\s*of\s+(?:(?:the|its|their|[\p{L}-]+['’]s?|forecast|projected|expected|estimated|nominal|national)\s+){0,2}"
                      r"(?:GDP|gross\s+domestic\s+product|GNI|gross\s+national\s+income|economic\s+output)\b", regex.I)
_GDP_NAMED = LazyPattern(r"\b(?:GDP|gross\s+domestic\s+product|GNI|gross\s+national\s+income|economic\s+output|economy)\b", regex.I)


def _unnamed_earlier_part(ctx: Ctx, p: Mention, pool: list[Mention]) -> bool:
    """"It includes €2.6 billion ... and €1.1 billion ..., together €3.7 billion. Defence receives 8% of the state budget":
    when the share's sentence states no part and the sentence before offers several, the last of them is its part only
    if its clause names what the share's subject names."""
    part = pool[-1]
    si = ctx.sent_index(p.start)
    if ctx.sent_index(part.start) == si:
        return False
    rivals = [x for x in pool if ctx.sent_index(x.start) == ctx.sent_index(part.start) and same_kind(x, part)]
    if len(rivals) < 2:
        return False
    s, _ = ctx.sentence(p.start)
    subject = {w.lower()[:6] for w in regex.findall(r"\p{L}{4,}", ctx.text[s:p.start])}
    xs, _ = ctx.sentence(part.start)
    clause = regex.split(r"[,;]|\band\b", ctx.text[max(xs, part.start - 60):part.start])[-1]
    return not subject & {w.lower()[:6] for w in regex.findall(r"\p{L}{4,}", clause)}


def _share_operands(ctx: Ctx, p: Mention) -> tuple[list[Mention], Mention, bool] | None:
    t = ctx.text
    s, e = ctx.sentence(p.start)
    si = ctx.sent_index(p.start)
    after = t[p.end:e]
    # "X (P%)" with "of the Y" before, or "X, P% of the total", or "P% of all Y" with Y in the next sentence
    # a restatement ("PLN 1.54 billion (about $520 million), or 40% of ...") stands for the figure it restates
    prev = [x for x in ctx.amounts if x.end <= p.start and x.type in ("count", "currency", "quantity")
            and ctx.para_index(x.start) == ctx.para_index(p.start) and si - ctx.sent_index(x.start) <= 1
            and id(x) not in ctx.restated and not is_old_value(ctx, x)]
    later = [x for x in ctx.amounts if x.start >= p.end and x.type in ("count", "currency", "quantity")
             and ctx.para_index(x.start) == ctx.para_index(p.start) and ctx.sent_index(x.start) - si <= 1]
    gap_before = t[prev[-1].end:p.start] if prev else ""
    # 0. "Of the 144 guns, 108 (75%) will be ..." / "The first 120 of the 846 vehicles (14%)"
    if prev and regex.fullmatch(r"\s*\(\s*", gap_before):
        part = prev[-1]
        if len(prev) >= 2 and is_partitive_of(ctx, prev[-2], part):
            return [prev[-2]], part, True
        wholes = [x for x in prev[:-1] if same_kind(x, part) and regex.search(
            r"\b(?:Of|Among|Out\s+of)\s+(?:the\s+|its\s+|these\s+)?$", t[max(s, x.start - 15):x.start])
            and ctx.sent_index(x.start) == si]
        if wholes:
            return [part], wholes[-1], True
    # 1. "278 of the 1,059 vehicles (26%)" / "103 of them in Scotland, nearly a third of the total"
    if prev and regex.fullmatch(r"[^.;]{0,40}?(?:\(|,\s*(?:or\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|"
                              r"less\s+than\s+|more\s+than\s+|just\s+(?:under|over)\s+|almost\s+|over\s+|under\s+)?"
                              r"|—\s*)", gap_before):
        part = prev[-1]
        whole = _whole_for(ctx, part, p)
        if whole is not None:
            return [part], whole, True
        # "(83%)" after "250 are TB2s" with "300 aircraft a year, of which" before
        head = [x for x in prev[:-1] if same_kind(x, part) and regex.search(
            r"\bof\s+which\b|\bout\s+of\b", t[x.end:x.end + 40] + t[x.end:part.start])]
        if head:
            return [part], head[-1], True
        # "1,150 people at Devonport, including 180 apprentices, or 18% of the workforce"
        incl = [x for x in prev[:-1] if x.type == part.type and (x.type == "count" or x.unit == part.unit)
                and abs(x.value) > abs(part.value) and ctx.sent_index(x.start) == si and regex.fullmatch(
                    r"[^.;:()\d]{0,60}?,?\s*\b(?:including|among\s+them|of\s+whom|of\s+which)\s+"
                    r"(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+)?", t[x.end:part.start])]
        if incl and (_SHARE_OF.match(after) or "(" in gap_before) and not regex.match(
                r"\s*of\s+(?:them|those|these|which|whom)\b", after):  # "400 ..., one in five of them engineers": of the 400
            return [part], incl[-1], True
        # "€6.5 billion, or 61% of the total" with the total earlier in the paragraph
        if _SHARE_OF.match(after) and _OF_TOTAL.match(after):
            tot = _total_named(ctx, part)
            if tot is not None:
                return [part], tot, True
        # "The first 36 launchers, 25% of the order," / "PLN 1.54 billion ..., or 40% of the contract value"
        if _SHARE_OF.match(after) and ctx.sent_index(part.start) == si:
            whole = _apposition_whole(ctx, part, after)
            if whole is not None:
                return [part], whole, True
    # 1b. "The Belfast jobs, 44% of the total, ...": the part is the figure the subject names, in the sentences before
    named = _named_subject_part(ctx, p, prev)
    if named is not None and _SHARE_OF.match(after):
        whole = _total_named(ctx, named) if regex.match(r"\s*of\s+(?:the\s+)?(?:total|whole)\b", after) else \
            _apposition_whole(ctx, named, after)
        if whole is not None:
            return [named], whole, True
        return None
    # 1c. "Canadian content will account for 55% of the contract value, or C$605 million": the figure after "or" is
    #     the part, restating the share as an amount
    #     ("about 40% of the work, roughly €2.3 billion": a hedged amount right after the comma restates it too)
    om = regex.match(r"\s*of\s+(?:the\s+|its\s+|all\s+)?(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+\s*(?:,?\s*(?:or|equal\s+to|"
                     r"equivalent\s+to|worth)\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+)?|,\s*(?:about|around|some|"
                     r"roughly|nearly|approximately|almost)\s+)", after, regex.I)
    if om:
        amt = [x for x in later if x.start == p.end + om.end() and id(x) not in ctx.restated]
        if amt:
            whole = _apposition_whole(ctx, amt[0], after) or _lead_whole(ctx, amt[0], after)
            return ([amt[0]], whole, True) if whole is not None else None
    # 1d. "Roughly a third of our 1,500 engineers, about 500, work on software": the whole right after "of", the part
    #     set off after it
    wm = regex.match(r"\s*of\s+(?:the\s+|our\s+|its\s+|their\s+|all\s+|his\s+|her\s+)?$", t[p.end:later[0].start]) if later else None
    if wm and len(later) >= 2 and same_kind(later[0], later[1]) and abs(later[1].value) < abs(later[0].value) and \
            regex.fullmatch(r"\s*,\s*(?:or\s+)?(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|"
                            r"approximately\s+)?", t[later[0].end:later[1].start]):
        return [later[1]], later[0], True
    # 2. "P% of all Turkish exports ... The sector shipped $5.5 billion" (part in the previous sentence, or
    #    the one figure of its kind in the paragraph before: "Baykar closed 2023 with exports of $1.76 billion")
    #    ("half of them": the pronoun points back at a figure already stated, never at a later one)
    if _SHARE_OF.match(after) and later and not _OF_TOTAL.match(after) and not _OF_PRONOUN.match(after):
        # ("P% of the total" names a figure the text calls the total: a larger figure after it is not one)
        part_pool = prev
        if not part_pool and ctx.para_index(p.start) > 0:
            pa, pb = ctx.paras[ctx.para_index(p.start) - 1]
            kinds = [w for w in later if w.type in ("currency", "count")][:1]
            part_pool = [x for x in ctx.amounts if pa <= x.start < pb and kinds and same_kind(x, kinds[0])
                         and x.value < kinds[0].value]
            part_pool = part_pool if len(part_pool) == 1 else []
        part_pool = [x for x in part_pool if not is_rate(ctx, x)]  # "C$69 million each" is no part
        if part_pool and _unnamed_earlier_part(ctx, p, part_pool):
            return None
        if part_pool:
            part = part_pool[-1]
            # "an operating profit of CZK 3.9 billion. Exports accounted for 82% of revenue. The order backlog of CZK 61
            # billion ...": figures introduced as other measures than the share's are neither its part nor its whole
            share_words = _measures(ctx.text[s:p.start]) | _measures(after[:40])
            if share_words and (_measures(_clause_before(ctx, part)) - share_words):
                return None
            later = [x for x in later if not (share_words and _measures(_clause_before(ctx, x)) - share_words)]
            # "the remaining two [ships] ... About 60% of the programme value ..., and around 350 of the jobs": a
            # part of something else ("350 of the jobs") or a count of other things is no whole
            wholes = [x for x in later if same_kind(x, part) and x.value > part.value and not is_partitive_of_any(ctx, x)
                      and (part.type != "count" or _same_things(ctx, part, x))]
            # "60% of revenue of €6.2 billion": the whole is named with its figure; a later figure is no other whole
            named_whole = later[0] if ctx.sent_index(later[0].start) == si and _OF_WHOLE.fullmatch(t[p.end:later[0].start]) \
                else None
            if named_whole is not None and wholes and wholes[0] is not named_whole:
                return None
            if wholes:
                return [part], wholes[0], ctx.sent_index(wholes[0].start) - si <= 1
    # 3. "25,000 of them, a quarter" / "40 of them in 2023 alone, or one in five of all sales"
    if prev:
        part = prev[-1]
        if is_partitive(ctx, part):
            whole = _whole_for(ctx, part, p)
            if whole is not None:
                return [part], whole, True
    # 0b. "Export orders of SEK 9.8 billion made up 129% of the total" / "TL 9.841,2 million, or %68,4 of revenue"
    if prev and _SHARE_OF.match(after) and regex.fullmatch(
            r"[^.;]{0,30}?(?:made\s+up|accounted\s+for|represent(?:ed|s)?|comprised|amounted\s+to|,\s*or)\s+"
            r"(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|almost\s+)?", gap_before):
        part = prev[-1]
        whole = _whole_named(ctx, p, part, after)
        if whole is not None:
            return [part], whole, True
    # 4. "Together the two awards exceed $1 billion, about a third of the roughly $3.2 billion ceiling"
    sums = [c for c in ctx.claims if c.kind == "sum" and c.stated is not None and s <= c.stated.start < p.start]
    if sums and _SHARE_OF.match(after):
        wholes = [x for x in later if ctx.sent_index(x.start) == si and same_kind(x, sums[-1].stated)]
        if wholes:
            return list(sums[-1].operands), wholes[0], True
    return None


# "of the total", "of the 2024 total", "of the year's total": the figure the text calls the total
_OF_TOTAL = LazyPattern(r"\s*of\s+(?:the\s+)?(?:(?:1[89]|20)\d\d\s+|[\p{L}-]+['’]s?\s+)?(?:total|whole)\b", regex.I)
_OF_PRONOUN = LazyPattern(r"\s*of\s+(?:them|those|these|whom|which|it)\b(?!\s+\p{Sc}?\d)", regex.I)
_OF_WHOLE = LazyPattern(r"\s*of\s+[\p{L}\s'’-]{0,40}", regex.I)
_OLD_BEFORE = LazyPattern(r"\b(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:about\s+|around\s+|roughly\s+|some\s+|"
                          r"nearly\s+|almost\s+|just\s+(?:under|over)\s+|more\s+than\s+|over\s+)?(?:the\s+)?$", regex.I)


def is_old_value(ctx: Ctx, x: Mention) -> bool:
    """"€4.79 billion, up 21% from €3.96 billion": the figure a change starts from (the sentence states the level it
    reached too) is neither the part nor the whole of a share stated beside it."""
    if not _OLD_BEFORE.search(ctx.before(x, 30)):
        return False
    return any(y is not x and same_kind(y, x) for y in ctx.in_sentence(x))


def is_partitive_of_any(ctx: Ctx, x: Mention) -> bool:
    """"350 of the jobs", "four of the five", "one of those options": x counts part of something."""
    return bool(regex.match(r"\s+(?:out\s+)?of\s+(?:the|its|their|those|these|them|which)\b", ctx.text[x.end:x.end + 20]))


def _same_things(ctx: Ctx, a: Mention, b: Mention) -> bool:
    """Two counts of one kind of thing (a bare count borrows no noun to compare: it may count anything)."""
    if not (a.noun and b.noun):
        return True
    return noun_class(ctx.vocab, a.unit) == noun_class(ctx.vocab, b.unit) or same_noun(ctx.vocab, a, b)


def is_partitive_of(ctx: Ctx, part: Mention, whole: Mention) -> bool:
    """"120 of the 846 vehicles": part, then "of the", then whole."""
    return bool(regex.fullmatch(r"\s+(?:out\s+)?of\s+(?:the\s+|these\s+|its\s+|their\s+)?", ctx.text[part.end:whole.start]))


def _whole_named(ctx: Ctx, p: Mention, part: Mention, after: str) -> Mention | None:
    """The whole a share is "of": "of the total" is the nearest larger-scale figure of the same kind before;
    "of revenue" is the figure the text calls revenue."""
    nm = regex.match(r"\s*of\s+(?:the\s+|all\s+|its\s+)?([\p{L}-]+)", after)
    noun = nm.group(1).lower() if nm else ""
    pi = ctx.para_index(p.start)
    cands = [x for x in ctx.amounts if x is not part and x.end <= part.start and same_kind(x, part)
             and pi - ctx.para_index(x.start) <= 1 and id(x) not in ctx.restated]
    if noun and noun not in ("total", "whole"):
        everywhere = [x for x in ctx.amounts if x is not part and x.end <= part.start and same_kind(x, part)
                      and id(x) not in ctx.restated and abs(x.value) > abs(part.value) and not is_old_value(ctx, x)]
        named = [x for x in everywhere if noun[:5] in ctx.text[max(0, x.start - 60):x.end + 60].lower()]
        return named[-1] if named else None
    if noun in ("total", "whole"):
        return _total_named(ctx, part)
    si = ctx.sent_index(p.start)
    near = [x for x in cands if si - ctx.sent_index(x.start) <= 1]
    larger = [x for x in near if abs(x.value) > abs(part.value)]
    return (larger or near)[-1] if (larger or near) and noun == "" else None


def _total_named(ctx: Ctx, part: Mention) -> Mention | None:
    """"€6.5 billion, or 61% of the total": the total is a figure the text calls one ("a total value of
    €10.6 billion", "in all", "combined") or gives as the sum of its parts ("some 3,200 jobs, including 1,400 at
    ..., 1,100 ... and 700 ..."), not merely a larger figure nearby."""
    sums = {id(c.stated) for c in ctx.claims if c.kind == "sum" and c.stated is not None and
            any(o is part for o in c.operands)}
    for x in reversed([x for x in ctx.amounts if x.end <= part.start and same_kind(x, part)
                       and abs(x.value) > abs(part.value) and id(x) not in ctx.restated]):
        around = ctx.text[max(0, x.start - 40):x.end + 25].lower()
        if id(x) in sums or regex.search(r"\b(?:total|in\s+all|overall|combined|altogether|all\s+told)\b", around):
            return x
    if sums:  # the part comes after its total ("3,200 jobs, including 1,400 at Belfast")
        return next((x for x in ctx.amounts if id(x) in sums and same_kind(x, part)), None)
    return None


_PART_OF = LazyPattern(r"\b(?:includ\w*|compris\w*|of\s+which|covers?|covering)\s+(?:[\p{L}-]+\s+){0,2}$", regex.I)


def _apposition_whole(ctx: Ctx, part: Mention, after: str) -> Mention | None:
    """The whole of "X, P% of the <noun>": for a count, the larger count of the same thing stated before ("the
    first 36 launchers, 25% of the order" after "120 ... launchers"); for money, the larger figure the text calls
    <noun> and that is no part of it itself ("The contract value includes PLN 2.88 billion" is a part)."""
    nm = regex.match(r"\s*of\s+(?:the\s+|all\s+|its\s+|their\s+)?([\p{L}-]+)", after)
    noun = nm.group(1).lower() if nm else ""
    if not noun or noun in ("total", "whole", "them", "those", "these", "which"):
        return None
    cands = [x for x in ctx.amounts if x.end <= part.start and same_kind(x, part) and abs(x.value) > abs(part.value)
             and id(x) not in ctx.restated and not is_rate(ctx, x) and not is_partitive(ctx, x) and not x.role
             and not is_old_value(ctx, x)
             and not _PART_OF.search(ctx.before(x, 40))]
    if part.type == "count":
        cands = [x for x in cands if part.unit and x.unit and part.unit.lower() not in GENERIC_NOUNS
                 and noun_class(ctx.vocab, x.unit) == noun_class(ctx.vocab, part.unit)]
        named = [x for x in cands if noun[:5] in ctx.text[max(0, x.start - 60):x.end + 60].lower()]
        if named:
            return named[0]
        return cands[0] if cands and len({x.value for x in cands}) == 1 else None
    named = [x for x in cands if noun[:5] in ctx.text[max(0, x.start - 60):x.end + 60].lower()]
    return named[-1] if len({x.value for x in named}) == 1 else None


_MEASURE = {"revenue": "revenue", "revenues": "revenue", "sales": "revenue", "turnover": "revenue", "backlog": "backlog",
            "order book": "backlog", "orders": "orders", "order intake": "orders", "bookings": "orders",
            "profit": "profit", "income": "profit", "ebit": "profit", "ebitda": "profit", "earnings": "profit",
            "exports": "exports", "budget": "budget", "investment": "investment", "cash flow": "cash", "dividend": "dividend"}
_MEASURE_RE = LazyPattern(r"\b(?:" + "|".join(sorted((regex.escape(k) for k in _MEASURE), key=len, reverse=True)) + r")\b",
                            regex.I)


def _measures(text: str) -> set[str]:
    """The financial measures a phrase names ("order backlog" → backlog, "operating profit" → profit)."""
    return {_MEASURE[m.group(0).lower()] for m in _MEASURE_RE.finditer(text)}


def _lead_whole(ctx: Ctx, part: Mention, after: str) -> Mention | None:
    """"P% of the contract value" in a release about one contract: the first figure of that currency in the headline
    or lead paragraph (the contract's value), when it is larger than the part."""
    if part.type != "currency" or not regex.match(r"\s*of\s+(?:the\s+|its\s+)?(?:contract|deal|order|award|programme|program|"
                                                  r"agreement|purchase|acquisition|work|workshare)\b", after, regex.I):
        return None
    lead_end = ctx.paras[1][1] if len(ctx.paras) > 1 else len(ctx.text)
    leads = [x for x in ctx.amounts if x.start < lead_end and same_kind(x, part) and id(x) not in ctx.restated
             and not is_rate(ctx, x) and not x.role and x.end <= part.start]
    return leads[0] if leads and abs(leads[0].value) > abs(part.value) else None


def _named_subject_part(ctx: Ctx, p: Mention, prev: list[Mention]) -> Mention | None:
    """"The Belfast jobs, 44% of the total, ...": a percentage in apposition to a subject with no figure of its own;
    the part is the one figure of the paragraph's sentences before whose clause names the subject's proper noun."""
    s, _ = ctx.sentence(p.start)
    sm = regex.fullmatch(r"\s*(?:The|Its|Their|Our)\s+([^,;:()\d]{3,60}?),\s*(?:or\s+|about\s+|around\s+|some\s+|"
                         r"nearly\s+|almost\s+|roughly\s+)?", ctx.text[s:p.start])
    if not sm:
        return None
    names = {w.lower()[:6] for w in regex.findall(r"\b\p{Lu}[\p{L}-]{2,}", sm.group(1))}
    head = regex.findall(r"\p{L}{3,}", sm.group(1))
    if not names or not head:
        return None
    head_word = head[-1].lower().rstrip("s")[:5]  # "jobs": the part's sentence must speak of jobs too
    hits = []
    for x in prev:
        if ctx.sent_index(x.start) >= ctx.sent_index(p.start) or id(x) in ctx.restated:
            continue
        xs, xe = ctx.sentence(x.start)
        clause = regex.split(r"[,;]|\band\b", ctx.text[x.end:min(xe, x.end + 60)])[0]
        if names & {w.lower()[:6] for w in regex.findall(r"\p{L}{3,}", clause)} and head_word in ctx.text[xs:xe].lower():
            hits.append(x)
    return hits[0] if len(hits) == 1 else None


def _whole_for(ctx: Ctx, part: Mention, p: Mention) -> Mention | None:
    """The whole of a partitive part: "278 of the 1,059 vehicles", "25,000 of them" (them = the figure before)."""
    t = ctx.text
    om = regex.match(r"\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+)?", t[part.end:part.end + 30])
    if om:
        nxt = [x for x in ctx.amounts if x.start >= part.end and x.start <= part.end + om.end() + 2
               and same_kind(x, part)]
        if nxt:
            return nxt[0]
        if regex.match(r"\s+of\s+(?:them|those|these|which)\b", t[part.end:part.end + 20]):
            si = ctx.sent_index(part.start)
            cands = [x for x in ctx.amounts if x.end <= part.start and same_kind(x, part) and x.value > part.value
                     and si - ctx.sent_index(x.start) <= 1 and ctx.para_index(x.start) == ctx.para_index(part.start)]
            if cands:
                return cands[-1]
    return None


def _partitions(ctx: Ctx) -> None:
    """Shares of one whole that must add to 100%: "owned 51% by Fincantieri and 49% by Leonardo",
    "Airbus (37.5%), BAE Systems (37.5%) and Leonardo (25%)", "... The remaining 14% ..."."""
    t = ctx.text
    # "various locations of less than 1% each (3%)": a bound on each of several parts is no part of the partition
    pcts = [m for m in ctx.amounts if m.type == "percent" and m.unit == "percent"
            and not (m.hedge in ("less than", "under", "below", "fewer than") or regex.match(r"\s+each\b", t[m.end:m.end + 8]))]
    done: set[int] = set()
    for k, p in enumerate(pcts):
        if id(p) in done:
            continue
        si = ctx.sent_index(p.start)
        group = [p]
        for q in pcts[k + 1:]:
            qi = ctx.sent_index(q.start)
            if qi - si > 1 or ctx.para_index(q.start) != ctx.para_index(p.start):
                break
            gap = t[group[-1].end:q.start]
            if regex.search(r"\b(?:rose|fell|increase|decrease|growth|up|down|compared|versus|from|to|against|vs|earlier|"
                            r"before|previously)\b", gap):
                break
            if regex.search(r"[.!?]\s", gap) and not regex.search(r"\b(?:remaining|rest|balance|other)\b",
                                                                   t[max(0, q.start - 30):q.start], regex.I):
                break
            group.append(q)
        if len(group) < 2:
            continue
        total = sum(x.value for x in group)
        remaining = regex.search(r"\b(?:remaining|rest|balance|the\s+other)\b\s*$",
                                 t[max(0, group[-1].start - 20):group[-1].start], regex.I)
        owned = regex.search(r"\b(?:owned|held|funded|split|shared|divided|carries|carry\s+out|ownership|of\s+the\s+work|"
                             r"work\s*share|workshare|work\s+(?:will\s+be|is\s+being|is\s+to\s+be)\s+performed)\b",
                             t[ctx.sentence(p.start)[0]:p.start + 60], regex.I)
        if not (remaining or owned or 99 - 0.5 * len(group) <= total <= 101 + 0.5 * len(group)):
            continue
        if not (remaining or owned) and any(x.hedge for x in group):
            continue
        for x in group:
            done.add(id(x))
        last = group[-1]
        others = group[:-1]
        if id(last) in ctx.used:
            continue

        def fn(*vals: float) -> float:
            return 100.0 - sum(vals)

        others_txt = " + ".join(x.text for x in others)

        def explain(v: float, others_txt=others_txt) -> str:
            return f"100% − ({others_txt}) = {v:.1f}%"

        def fail_message(v: float, expected, others_txt=others_txt, group=group) -> str:
            s_all = sum(x.value for x in group)
            return f"the shares add up to {s_all:g}%, not 100% (100% − ({others_txt}) = {v:.1f}%)"

        ctx.add(Claim("share", _span(ctx, last), last, tuple(others),
                      {"fn": fn, "explain": explain, "fail_message": fail_message, "rounding": "interval"},
                      bool(remaining or owned)))


# ----------------------------------------------------------------------------- differences
def _differences(ctx: Ctx) -> None:
    t = ctx.text
    _change_amounts(ctx)
    _remaining(ctx)
    _remaining_money(ctx)
    _leaving(ctx)
    for d in ctx.amounts:
        if id(d) in ctx.used or d.type not in ("count", "currency", "quantity"):
            continue
        s, e = ctx.sentence(d.start)
        rest = t[d.end:e]
        dm = _DIFF.match(rest)
        if not dm:
            # "topped a $1.15 billion award from June 2023 by $50 million"
            if not regex.search(r"\bby\s+$", t[max(s, d.start - 5):d.start]):
                continue
            verb = regex.search(r"\b(?:topped|exceeded|beat|surpassed|outstripped|trailed)\s+(?:the\s+|a\s+|an\s+)?",
                              t[s:d.start])
            if not verb:
                continue
            xs = [x for x in ctx.amounts if s + verb.end() <= x.start < d.start and same_kind(x, d)]
            ys = [y for y in ctx.amounts if s <= y.start < s + verb.start() and same_kind(y, d)]
            if not xs or not ys:
                continue
            _make_diff(ctx, d, ys[-1], xs[0], True)
            continue
        word = dm.group("word").lower()
        lead = rest[:dm.start("word")].strip().lower()
        if lead and (lead in STOP_WORDS or lead.endswith(("ed", "ing"))):
            continue
        start = d.end + dm.end()
        # "123 more from Germany, 44 from ...": a comparative without "than" compares with nothing further on
        reach = 40 if "than" in dm.group(0).lower() or word not in _COMPARATIVES else 0
        xs = [x for x in ctx.amounts if start <= x.start <= start + reach and x.start < e and _diff_kind(ctx, x, d)]
        x = xs[0] if xs else None
        if x is None:
            _unnamed_other(ctx, d, dm, word)
            continue
        ys = [y for y in ctx.amounts if y.end <= d.start and _diff_kind(ctx, y, d) and not is_rate(ctx, y)
              and ctx.sent_index(d.start) - ctx.sent_index(y.start) <= 1 and not _noun_clash(ctx, d, y)
              and ctx.para_index(y.start) == ctx.para_index(d.start) and not is_partitive(ctx, y)]
        if not ys and d.type == "quantity":
            # "600 tons heavier than the 3,000-ton boats" after "The 3,600-ton boat ..." a paragraph before
            pi = ctx.para_index(d.start)
            ys = [y for y in ctx.amounts if y.end <= d.start and y.unit == d.unit and y is not x
                  and pi - ctx.para_index(y.start) <= 1 and y.value > x.value]
        if not ys:
            continue
        y = ys[-1]
        _make_diff(ctx, d, y, x, ctx.sent_index(y.start) == ctx.sent_index(d.start) or len(ys) == 1 or
                   word in ("more", "fewer"))


def _unnamed_other(ctx: Ctx, d: Mention, dm: regex.Match, word: str) -> None:
    """"priced at ¥198 billion and ¥214 billion respectively; the second hull costs ¥16 billion more": no figure
    after "more", so the comparison is between the pair just given. Unsure (a new amount "10 more next year" reads
    the same way): it can pass or warn, never fail."""
    if d.type not in ("currency", "quantity") or word not in ("more", "less", "higher", "lower", "heavier", "lighter",
                                                               "larger", "smaller", "longer", "shorter", "greater"):
        return
    if regex.match(r"\s*than\b", ctx.text[d.end + dm.end("word"):d.end + dm.end("word") + 8]):
        return
    s, _ = ctx.sentence(d.start)
    ys = [y for y in ctx.amounts if s <= y.start and y.end <= d.start and same_kind(y, d) and not is_rate(ctx, y)]
    if len(ys) < 2 or not regex.fullmatch(r"\s*(?:,|and|,\s*and)\s*", ctx.text[ys[-2].end:ys[-1].start]):
        return
    if any(ys[-1].end <= z.start < d.start for z in ctx.amounts):
        return
    _make_diff(ctx, d, ys[-1], ys[-2], False)


_REMAINING_MONEY = LazyPattern(r"\b(?:the\s+)?(?:remaining|rest\s+of\s+the|balance\s+of)\s+$", regex.I)


def _remaining_money(ctx: Ctx) -> None:
    """"Of the contract value, £1.02 billion covers the launchers ... and the remaining £580 million pays for ...":
    the rest of the release's lead figure (the first figure of that currency, in the headline or lead paragraph)
    after the part stated just before in the same sentence."""
    lead_end = ctx.paras[1][1] if len(ctx.paras) > 1 else len(ctx.text)
    for d in ctx.amounts:
        if id(d) in ctx.used or d.type != "currency" or not _REMAINING_MONEY.search(ctx.before(d, 25)):
            continue
        s, _ = ctx.sentence(d.start)
        parts = [x for x in ctx.amounts if s <= x.start and x.end <= d.start and same_kind(x, d) and not is_rate(ctx, x)
                 and id(x) not in ctx.restated]
        leads = [x for x in ctx.amounts if x.start < min(lead_end, s) and same_kind(x, d) and not is_rate(ctx, x)
                 and id(x) not in ctx.restated and not x.role]
        if len(parts) != 1 or not leads:
            continue
        whole, part = leads[0], parts[0]
        if not (abs(part.value) < abs(whole.value)) or abs(part.value + d.value - whole.value) > 0.35 * abs(whole.value):
            continue  # not the rest of that figure
        _make_diff(ctx, d, whole, part, True)


def _leaving(ctx: Ctx) -> None:
    """What is left: "Of the NOK 9.6 billion, NOK 1.2 billion is for training, leaving NOK 8.4 billion" (9.6 − 1.2);
    "four of the five had been handed over, leaving one to come" (5 − 4); "It exercised one of
    those options ..., so one option remains" (the two options before − 1); "220 aircraft ..., compared with 211 a
    year earlier, leaving nine more jets" (the change between the stated pair)."""
    t = ctx.text
    for d in ctx.amounts:
        if id(d) in ctx.used or d.type != "currency" or not regex.search(r"\bleaving\s+(?:only\s+|just\s+)?$",
                                                                         ctx.before(d, 20), regex.I):
            continue
        # "Of the NOK 9.6 billion, NOK 1.2 billion is for training, leaving NOK 8.4 billion for the aircraft"
        s, _ = ctx.sentence(d.start)
        figs = [x for x in ctx.amounts if s <= x.start and x.end <= d.start and same_kind(x, d) and id(x) not in ctx.restated]
        if len(figs) == 2 and regex.search(r"\b(?:Of|Out\s+of|From)\s+(?:the\s+|its\s+)?$", t[s:figs[0].start], regex.I):
            _make_diff(ctx, d, figs[0], figs[1], True)
    for d in ctx.amounts:
        if id(d) in ctx.used or d.type != "count":
            continue
        lead = regex.search(r"\bleaving\s+(?:only\s+|just\s+)?$", ctx.before(d, 20), regex.I)
        rest = regex.match(r"\s*(?:remains?|remaining|left|to\s+come|still\s+to\s+(?:come|be\s+\p{L}+))\b", t[d.end:d.end + 25])
        if not (lead or (rest and regex.search(r"\bso\s+$", ctx.before(d, 10)))):
            continue
        s, _ = ctx.sentence(d.start)
        parts = [x for x in ctx.amounts if s <= x.start and x.end <= d.start and x.type == "count" and regex.match(
            r"\s+(?:out\s+)?of\s+(?:the|its|their|those|these|them)\b", t[x.end:x.end + 20])]
        if parts:
            whole = _whole_for(ctx, parts[-1], d)
            if whole is not None and whole.value > parts[-1].value:
                _make_diff(ctx, d, whole, parts[-1], True)
            continue
        more = regex.match(r"\s*(?:[\p{L}-]+\s+)?(?:more|fewer|less)\b", t[d.end:d.end + 20])
        if not (lead and more):
            continue
        # "the backlog stood at 220 aircraft, 164 for export and 56 for France, compared with 211 a year earlier,
        # leaving nine more jets": the sentence's subject figure against the figure it is compared with
        counts = [x for x in ctx.amounts if s <= x.start and x.end <= d.start and x.type == "count"]
        olds = [x for x in counts if regex.search(r"\b(?:compared\s+(?:with|to)|against|versus|from)\s+$", ctx.before(x, 20), regex.I)]
        if len(olds) == 1 and counts[0] is not olds[0]:
            _make_diff(ctx, d, counts[0], olds[0], True)


def _remaining(ctx: Ctx) -> None:
    """"The first 60 vehicles will be built in Norway ... The remaining 352 ...": the rest of a total the text
    states (the largest figure of the same thing) after the part named just before."""
    for d in ctx.amounts:
        if id(d) in ctx.used or d.type != "count" or not regex.search(
                r"\b(?:the\s+)?(?:remaining|other|rest\s+of\s+the)\s+$", ctx.before(d, 20), regex.I):
            continue
        si = ctx.sent_index(d.start)
        firsts = [x for x in ctx.amounts if x.type == "count" and x.end <= d.start and si - ctx.sent_index(x.start) <= 1
                  and regex.search(r"\b(?:first|initial|opening)\s+$", ctx.before(x, 15), regex.I)]
        if not firsts:
            continue
        first = firsts[-1]
        totals = [x for x in ctx.amounts if x.type == "count" and same_noun(ctx.vocab, x, first) and x.value > first.value
                  and x is not d and not is_rate(ctx, x) and x.noun]
        strict = [x for x in totals if first.unit and first.unit.lower() not in GENERIC_NOUNS
                  and noun_class(ctx.vocab, x.unit) == noun_class(ctx.vocab, first.unit)]
        if strict:
            totals = strict
        elif len({noun_class(ctx.vocab, x.unit) for x in totals}) > 1:
            continue  # "the first 12 sets" with 40 fighters and 4,200 people in the text: no telling which is the whole
        if not totals:
            continue
        total = max(totals, key=lambda x: (sum(1 for y in totals if y.value == x.value), x.value))
        _make_diff(ctx, d, total, first, True)


def _change_amounts(ctx: Ctx) -> None:
    """"Headcount grew to 5,210 from 4,780, an increase of 430": a change stated as an amount."""
    from .change import ordered_pair

    for d in ctx.amounts:
        if id(d) in ctx.used or d.type not in ("count", "currency", "quantity"):
            continue
        if not regex.search(r"\b(?:an?\s+(?:increase|rise|gain|jump|decrease|drop|fall|decline|reduction|cut)\s+of|"
                            r"(?:up|down)\s+by|(?:rose|fell|grew|increased|decreased|dropped|declined)\s+by)\s+"
                            r"(?:about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+)?$", ctx.before(d, 50), regex.I):
            continue
        pair = ordered_pair(ctx, d, [x for x in ctx.amounts if x is not d and _diff_kind(ctx, x, d)])
        if pair:
            old, new, _ = pair
            _make_diff(ctx, d, new, old, True)


def _diff_kind(ctx: Ctx, a: Mention, b: Mention) -> bool:
    if a.type == "count" and b.type == "count":
        return True
    if a.type == "quantity" and b.type == "quantity":
        return same_kind(a, b)
    return same_kind(a, b)


def _make_diff(ctx: Ctx, d: Mention, y: Mention, x: Mention, confident: bool) -> None:
    def fn(a: float, b: float) -> float:
        return abs(a - b)

    def explain(v: float) -> str:
        return f"{fig_text(ctx, y)} − {fig_text(ctx, x)} = {fmt_value(v, d)}"

    def fail_message(v: float, expected) -> str:
        return f"{fig_text(ctx, y)} − {fig_text(ctx, x)} is {fmt_value(v, d)}, not {_hedged(d)}"

    ctx.add(Claim("difference", _span(ctx, d), d, (y, x), {"fn": fn, "explain": explain,
                                                            "fail_message": fail_message}, confident))


# ----------------------------------------------------------------------------- text helpers
def _span(ctx: Ctx, m: Mention) -> tuple[int, int]:
    return (m.start, m.end)


def _hedged(m: Mention) -> str:
    return (m.hedge + " " if m.hedge else "") + m.text


