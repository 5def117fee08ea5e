"""Rates: ``per_unit`` — a unit price or rate derived from a total and a count ("€857 million for 1,059
vehicles, about €809,000 each", "roughly $82 million per jet"), an average over years ("averaged 133
deliveries a year" over 2023-2025), and a total at a unit price ("13 radars, worth nearly €400 million at
that price" after "costs about €30 million").

The total is the nearest figure of the same currency before the rate (its sentence first, then back
through the text); the count is, in order: a count in the total's sentence, a count of the same thing in
the rate's sentence, the count of that thing the text states most often.
"""

from __future__ import annotations

from collections import Counter

import regex

from ..extract.lazy import LazyPattern
from ..model import Claim, Mention
from .base import Ctx, fig_text, fmt_value, is_partitive, is_rate, noun_class

_PER = LazyPattern(r"^\s*(?:per|a|an|for\s+each|each|apiece|a\s+piece)\b\s*([\p{L}-]+)?", regex.I)


_TERMS = ("year", "month")  # units of a contract's or a programme's term


def find(ctx: Ctx) -> None:
    _book_to_bill(ctx)
    t = ctx.text
    for r in ctx.amounts:
        if id(r) in ctx.used or r.type not in ("currency", "count", "quantity"):
            continue
        after = t[r.end:r.end + 40]
        pm = _PER.match(after)
        if regex.search(r"\bat\s+(?:that|this|the\s+same|list)\s+(?:price|rate|cost)\b", after[:40]):
            _at_price(ctx, r)
            continue
        if not pm:
            em = _EACH_COSTS.search(ctx.before(r, 60))
            if em and r.type == "currency":
                _per_unit(ctx, r, "")
            continue
        word = pm.group(0).strip().split()[0].lower()
        noun = (pm.group(1) or "").lower()
        if word in ("a", "an") and noun in ("year", "month", "day", "week"):
            if regex.search(r"\baverag(?:ed|es|ing|e)\s+(?:of\s+)?(?:about\s+|around\s+|some\s+|nearly\s+)?$",
                            t[max(0, r.start - 30):r.start]):
                _average(ctx, r)
            continue
        if word in ("a", "an") and noun not in ("piece", "unit") and noun_class(ctx.vocab, noun) not in (
                ctx.vocab.get("noun_classes") or {}):
            continue
        if r.type == "count" or (r.type == "quantity" and r.unit in _TERMS):
            continue  # "the other two run for seven years each": a term per item, no share of a stated duration
        if word in ("each", "apiece") or noun in ("piece", "each"):
            noun = _named_before(ctx, r)
        _per_unit(ctx, r, noun)


_THE_THINGS = LazyPattern(r"\b(?:the|its|their|these|those)\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}-]{3,}s)\s*(?:[—–(,:-]\s*)?"
                          r"(?:(?:about|around|roughly|some|nearly|almost|approximately|just\s+(?:under|over))\s+)?$", regex.I)


def _named_before(ctx: Ctx, r: Mention) -> str:
    """"£1.02 billion covers the launchers — about £8.5 million each": "each" of the things named just before the
    rate (with no figure between), so the count is a count of launchers, not any count in the sentence."""
    s, _ = ctx.sentence(r.start)
    lead = ctx.text[s:r.start]
    prev = [x for x in ctx.amounts if s <= x.start and x.end <= r.start]
    if prev:
        lead = ctx.text[prev[-1].end:r.start]
    m = _THE_THINGS.search(lead)
    return m.group(1).lower() if m else ""


_EACH_COSTS = LazyPattern(r"\beach\s+([\p{L}-]+)\s+(?:costs?|is\s+worth|comes\s+to|is\s+priced\s+at|works\s+out\s+at|"
                           r"(?<=\b(?:price|prices|priced|pricing|value|values|valued|valuing|cost|costing)\s+each\s+[\p{L}-]+\s+)at)\s+"
                           r"(?:[\p{L}]+\s+)?(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|just\s+under\s+)?$",
                           regex.I)


_PRICE_VERB = LazyPattern(r"\b(?:costs?|priced\s+at|sells?\s+for|sold\s+for|retails?\s+(?:at|for))\s+"
                          r"(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|just\s+under\s+|over\s+)?$", regex.I)


def _totals_before(ctx: Ctx, r: Mention) -> list[Mention]:
    """Figures a rate may be a share of: the same currency, before it, larger than it, and no rate themselves
    ("each missile costs around £320,000" is a price, not a total to divide)."""
    return [x for x in ctx.amounts if x.end <= r.start and x.type == r.type and x.unit == r.unit
            and not is_rate(ctx, x) and id(x) not in ctx.restated and not x.role
            and not _EACH_COSTS.search(ctx.before(x, 60)) and not _EACH_VERB.search(ctx.before(x, 40))]


# "Norway and Belgium each pay €540 million": a figure per member of a group, no total to divide
_EACH_VERB = LazyPattern(r"\beach\s+(?:[\p{L}]+\s+){1,2}(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+)?$", regex.I)


def _counts(ctx: Ctx, pool_span: tuple[int, int], noun: str) -> list[Mention]:
    a, b = pool_span
    out = []
    for x in ctx.amounts:
        if x.type == "count" and a <= x.start < b and not is_partitive(ctx, x) and not is_rate(ctx, x):
            if not noun or _noun_ok(ctx, x, noun):
                out.append(x)
    return out


_IN_ALL = LazyPattern(r"[^,;.]{0,20}?\b(?:in\s+all|in\s+total|altogether|all\s+told)\b", regex.I)


def _is_count_total(ctx: Ctx, x: Mention) -> bool:
    """"four in all", "a total of 30": a count stated as the total of the counts around it."""
    return bool(_IN_ALL.match(ctx.text[x.end:x.end + 30])
                or regex.search(r"\b(?:a\s+total\s+of|totall?ing|in\s+total)\s+$", ctx.before(x, 20), regex.I))


def _prev_sentence_count(ctx: Ctx, span: tuple[int, int], noun: str) -> list[Mention]:
    """The count of the sentence before that a rate is per: its total ("8 in 2023, 10 in 2024 and 12 this year, 30 in
    all") or else its first count of the thing ("seeking up to 12 submarines ... to replace its four boats")."""
    named = _counts(ctx, span, noun)
    totals = [x for x in _counts(ctx, span, "") if _IN_ALL.match(ctx.text[x.end:x.end + 30])
              or regex.search(r"\b(?:a\s+total\s+of|totall?ing|in\s+total)\s+$", ctx.before(x, 20), regex.I)]
    if totals and named:
        return totals[-1:]
    return named[:1]


def _noun_ok(ctx: Ctx, x: Mention, noun: str) -> bool:
    """Does count x count the things a rate is per ("per boat" and "12 submarines")? Any word of its phrase may say."""
    if not x.unit:
        return False
    cls = noun_class(ctx.vocab, noun.rstrip("s"))
    words = [x.unit] + [w.lower().rstrip("s") for w in regex.findall(r"[\p{L}-]{3,}", x.text)]
    return any(noun_class(ctx.vocab, w) == cls or w.startswith(noun[:5]) for w in words)


def _named_in(ctx: Ctx, x: Mention, span: tuple[int, int]) -> bool:
    """Does the text of ``span`` name the thing count x counts ("vehicles" for "412 Halberd vehicles")?"""
    words = {w.lower()[:5] for w in regex.findall(r"\p{L}{3,}", ctx.text[span[0]:span[1]])}
    return any(w.lower()[:5] in words for w in [x.unit or ""] + regex.findall(r"\p{L}{3,}", x.text) if w)


def _per_unit(ctx: Ctx, r: Mention, noun: str) -> None:
    totals = _totals_before(ctx, r)
    if not totals:
        return  # "At roughly US$66 million each" where every earlier dollar figure restates another currency
    rs = ctx.sentence(r.start)
    same = [x for x in totals if x.start >= rs[0]]
    total = same[-1] if same else totals[-1]
    ts = ctx.sentence(total.start)
    counts = [x for x in _counts(ctx, ts, noun) if x is not r]
    if not same and not noun:
        # "Kits cost $1.2-1.5 million each" with revenue and a headcount in the paragraph before: "each" of the
        # things the rate's sentence names, not of whatever a far total's sentence counts
        counts = [x for x in counts if _named_in(ctx, x, rs)]
    confident = True
    if not counts:
        counts = _counts(ctx, rs, noun)
    si = ctx.sent_index(r.start)
    if not counts and noun and si > 0 and ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(r.start):
        counts = _prev_sentence_count(ctx, ctx.sents[si - 1], noun)  # "seeking up to 12 submarines. ... ₩5 trillion per boat"
    if not counts and noun:
        everywhere = [x for x in _counts(ctx, (0, r.start), noun) if not x.inferred]
        # "more than 4,500 Mk 3 sights ... ordered 1,200 Mk 4 sights, 200 more than planned": a bound or a difference
        # counts no order
        firm = [x for x in everywhere if not x.hedge and not regex.match(r"\s*(?:more|fewer|less|extra)\b",
                                                                         ctx.text[x.end:x.end + 10])]
        everywhere = firm or everywhere
        totals_n = [x for x in everywhere if regex.match(r"[^,;.]{0,20}?\b(?:in\s+all|in\s+total|altogether|all\s+told)\b",
                                                          ctx.text[x.end:x.end + 30], regex.I)
                    or regex.search(r"\b(?:a\s+total\s+of|totall?ing|in\s+total)\s+$", ctx.before(x, 20), regex.I)]
        if totals_n:  # "orders of 21, 12, 15 and 12 systems, 60 systems in all": per system is per one of the 60
            everywhere = totals_n[-1:]
        if everywhere:
            common = Counter(x.value for x in everywhere).most_common()
            best_v = common[0][0]
            counts = [x for x in everywhere if x.value == best_v]
            confident = len(common) == 1 or common[0][1] > common[1][1]
    if not counts:
        return
    freq = Counter(x.value for x in _counts(ctx, (0, len(ctx.text)), noun)) if noun else Counter()
    if same:
        # "two frigates for the Netherlands and two for Belgium, four in all, under a €4.4 billion contract, about €1.1
        # billion per ship": a count the text states as the total of the others is the one the total buys
        summed = [x for x in counts if _is_count_total(ctx, x)]
        explicit = summed[-1:] or [x for x in counts if not x.inferred] or counts
        count = min(explicit, key=lambda x: abs(x.start - total.end))
    else:
        count = max(counts, key=lambda x: (freq.get(x.value, 0), not x.inferred, -abs(x.start - r.start)))
        total = _bound_total(ctx, totals, total, count)
    count = _part_of(ctx, count)
    if not count.value:
        return
    if any(c.kind == "per_unit" and len(c.operands) == 2 and c.operands[0] is total and c.operands[1] is count
           for c in ctx.claims):
        return  # "about $4.4 million per vehicle, compared with about $4.2 million per vehicle in the new contract"
    if not same and any(c.kind == "per_unit" and len(c.operands) == 2 and c.operands[1] is count and c.operands[0] is not total
                        for c in ctx.claims):
        # "repurchased 2.1 million shares for $1.15 billion, ... and paid dividends of $0.78 billion" and, a paragraph
        # on, "a dividend of $3.45 per share": the count already divides its own total; it does not count the far one's
        return
    if same and total.end <= count.start and count.end <= r.start and regex.search(
            r"\band\b|;|\bwhile\b|\bwhereas\b", ctx.text[total.end:count.start]) and regex.fullmatch(
            r"\s*(?:(?:about|around|roughly|some|nearly|almost|approximately)\s+)?", ctx.text[count.end:r.start]):
        # "Norway and Belgium each pay €540 million and the two smallest partners €360 million each": the count is
        # the rate's own subject in a parallel clause; the figure before belongs to another subject
        return
    if not same and (not noun or _PRICE_VERB.search(ctx.before(r, 40))) and ctx.para_index(total.start) != \
            ctx.para_index(r.start) and not any(x.value == count.value for x in _counts(ctx, ts, "")):
        # "the first 24 ... cost $1.2 million each" and last year's revenue a paragraph before; "Storm Shadow costs
        # about £2 million per missile": a price stated, and no count ties it to the far total
        return
    years = 1
    if _PER_TIME.match(ctx.text[r.end:r.end + 60]):
        # "£240 million ... ten-year contract to support 28 radars, about £857,000 per radar per year": per thing
        # and per year; the years are the contract's term stated in the total's sentence, else there is no claim
        years = _term_years(ctx, ts)
        if not years:
            return
    confident = confident and not _other_scope(ctx, r, total)
    _claim(ctx, r, total, count, confident and ctx.para_index(total.start) >= ctx.para_index(r.start) - 3, years)


_SCOPE_AFTER = LazyPattern(r"\s*,?\s*(?:including|incl\.|plus|together\s+with)\s+\p{L}", regex.I)
_RATE_SCOPE = LazyPattern(r"[^.;\d]{0,40}?\b(?:excluding|not\s+including|flyaway)\b", regex.I)


def _other_scope(ctx: Ctx, r: Mention, total: Mention) -> bool:
    """The text says the two figures cover different things: "The first 16 jets cost C$7 billion, including
    infrastructure. Each jet costs about C$85 million, excluding support" is no quotient of the two."""
    if _RATE_SCOPE.match(ctx.after(r, 60)):
        return True
    return ctx.sent_index(total.start) != ctx.sent_index(r.start) and bool(_SCOPE_AFTER.match(ctx.after(total, 30)))


_FOR_COUNT = LazyPattern(r"[^,;.\d]{0,40}?\b(?:for|covering|covers|to\s+(?:buy|supply|deliver|build))\s+(?:the\s+|an?\s+)?"
                           r"(?:first\s+|initial\s+)?$", regex.I)


def _part_of(ctx: Ctx, count: Mention) -> Mention:
    """The part a sentence acts on when the count is the whole it is taken from: "will upgrade 8 of its 12
    helicopters ... A$30 million per helicopter" (8, not 12); "Of the 12 helicopters, 8 will be upgraded"."""
    s, e = ctx.sentence(count.start)
    for x in ctx.amounts:
        if x.type != "count" or not x.value or x.value >= count.value or not s <= x.start < e:
            continue
        if x.end <= count.start and regex.fullmatch(r"\s+(?:out\s+)?of\s+(?:the|its|their|our)\s+", ctx.text[x.end:count.start]):
            return x
        if count.end <= x.start and regex.search(r"\b(?:Of|Out\s+of)\s+(?:the\s+|its\s+|their\s+)?$", ctx.before(count, 20)) \
                and regex.fullmatch(r"[^,;.\d]{0,40},\s*", ctx.text[count.end:x.start]):
            return x
    return count


_COUNT_WORTH = LazyPattern(r"[^,;.\d]{0,40}?\b(?:worth|valued\s+at|at\s+a\s+(?:cost|price)\s+of|costing|for)\s+"
                          r"(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|approximately\s+)?$", regex.I)


def _bound_total(ctx: Ctx, totals: list[Mention], total: Mention, count: Mention) -> Mention:
    """The total the text binds to the count's number ("a $412 million contract for 24 radar sets, with options ...
    that could bring the total value to $680 million. ... the first 24 systems, about $17.2 million each": $412
    million buys the 24; "180 K2 tanks worth $6.5 billion and 81 support vehicles worth $400 million. The tanks cost
    about $36 million each": $6.5 billion), when the nearest total is bound to no such count."""

    def binds(x: Mention) -> bool:
        s, e = ctx.sentence(x.start)
        return any(c.value == count.value and (x.end <= c.start < e and _FOR_COUNT.fullmatch(ctx.text[x.end:c.start])
                                               or s <= c.start and c.end <= x.start and _COUNT_WORTH.fullmatch(ctx.text[c.end:x.start]))
                   for c in ctx.amounts if c.type == "count")

    if binds(total):
        return total
    bound = [x for x in totals if binds(x) and ctx.para_index(x.start) == ctx.para_index(total.start)]
    return bound[-1] if bound else total


_PER_TIME = LazyPattern(r"\s*(?:per|a|an|each)\s+[\p{L}-]+\s+(?:per|a|an|each)\s+(?:year|annum)\b|"
                          r"\s*(?:per|a|an|each)\s+[\p{L}-]+\s+(?:annually|yearly)\b", regex.I)
_NUM_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
              "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}


def _term_years(ctx: Ctx, span: tuple[int, int]) -> int:
    """The term of a contract in years, as its sentence states it ("a ten-year contract", "over 12 years")."""
    m = regex.search(r"\b(\d{1,2}|[a-z]+)[- ]year\b|\b(?:over|for)\s+(\d{1,2}|[a-z]+)\s+years\b",
                     ctx.text[span[0]:span[1]], regex.I)
    if not m:
        return 0
    w = (m.group(1) or m.group(2)).lower()
    return int(w) if w.isdigit() else _NUM_WORDS.get(w, 0)


def _claim(ctx: Ctx, r: Mention, total: Mention, count: Mention, confident: bool, years: int = 1) -> None:
    t_txt, c_txt = total.text, fig_text(ctx, count)
    per_year = f" / {years} years" if years > 1 else ""

    def fn(a: float, b: float) -> float:
        return a / b / years

    def explain(v: float) -> str:
        return f"{t_txt} / {c_txt}{per_year} = {fmt_value(v, r)}"

    def fail_message(v: float, expected) -> str:
        return f"{t_txt} / {c_txt}{per_year} is {fmt_value(v, r)}, not {(r.hedge + ' ') if r.hedge else ''}{r.text}"

    ctx.add(Claim("per_unit", _rate_span(ctx, r), r, (total, count),
                  {"fn": fn, "explain": explain, "fail_message": fail_message}, confident))


def _rate_span(ctx: Ctx, r: Mention) -> tuple[int, int]:
    return (r.start, r.end)


def _average(ctx: Ctx, r: Mention) -> None:
    """"averaged 133 deliveries a year" over "the three years from 2023 to 2025"."""
    from .change import _year_figures

    t = ctx.text
    s, e = ctx.sentence(r.start)
    ym = regex.search(r"\bfrom\s+((?:1[89]|20)\d\d)\s+(?:to|through|until)\s+((?:1[89]|20)\d\d)\b", t[s:e])
    if not ym:
        return
    y0, y1 = int(ym.group(1)), int(ym.group(2))
    figs = _year_figures(ctx, r)
    vals = []
    for y in range(y0, y1 + 1):
        cands = [x for x in figs.get(y, []) if x is not r and x.type == r.type]
        if not cands:
            return
        vals.append(cands[0])
    n = len(vals)

    def fn(*xs: float) -> float:
        return sum(xs) / n

    terms = " + ".join(fig_text(ctx, x) for x in vals)

    def explain(v: float) -> str:
        return f"({terms}) / {n} = {v:.1f}"

    def fail_message(v: float, expected) -> str:
        return f"the average of {terms} is {v:.1f}, not {r.text}"

    ctx.add(Claim("per_unit", (r.start, r.end), r, tuple(vals),
                  {"fn": fn, "explain": explain, "fail_message": fail_message}, True))


def _at_price(ctx: Ctx, total: Mention) -> None:
    """"13 GM 400 Alphas, worth nearly €400 million at that price" after "costs about €30 million"."""
    s, e = ctx.sentence(total.start)
    counts = [x for x in ctx.amounts if s <= x.start < total.start and x.type == "count"]
    prices = [x for x in ctx.amounts if x.end <= s and x.type == total.type and x.unit == total.unit
              and ctx.sent_index(s) - ctx.sent_index(x.start) <= 2]
    if not counts or not prices:
        return
    count, price = counts[-1], prices[-1]

    def fn(c: float, p: float) -> float:
        return c * p

    def explain(v: float) -> str:
        return f"{fig_text(ctx, count)} × {price.text} = {fmt_value(v, total)}"

    def fail_message(v: float, expected) -> str:
        return f"{fig_text(ctx, count)} × {price.text} is {fmt_value(v, total)}, not " \
               f"{(total.hedge + ' ') if total.hedge else ''}{total.text}"

    ctx.add(Claim("per_unit", (total.start, total.end), total, (count, price),
                  {"fn": fn, "explain": explain, "fail_message": fail_message}, True))




_BTB = LazyPattern(r"\bbook[\s-]+to[\s-]+bill(?:\s+ratio)?\s*(?:of|was|were|at|stood\s+at|came\s+in\s+at|reached)?\s*"
                     r"(?:about\s+|around\s+|roughly\s+|approximately\s+)?$", regex.I)
_ORDERS = LazyPattern(r"\b(?:orders|order\s+intake|bookings|awards)\b", regex.I)


def _book_to_bill(ctx: Ctx) -> None:
    """"net orders of $3.41 billion, for a book-to-bill ratio of 1.2" after "revenue of $2.84 billion": the ratio of
    the period's orders (in its sentence or the one before) to its revenue (as for a margin)."""
    from .parts import _revenue_for

    for r in ctx.mentions:
        if r.type != "number" or r.value is None or r.role or id(r) in ctx.used or not _BTB.search(ctx.before(r, 45)):
            continue
        si = ctx.sent_index(r.start)
        lo = ctx.sents[si - 1][0] if si > 0 and ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(r.start) else \
            ctx.sents[si][0]
        orders = [x for x in ctx.amounts if lo <= x.start and x.end <= r.start and x.type == "currency"
                  and _ORDERS.search(ctx.text[max(lo, x.start - 40):x.start]) and not is_rate(ctx, x)]
        if not orders:
            continue
        order = orders[-1]
        from .parts import _OTHER_PERIOD

        if _OTHER_PERIOD.search(ctx.text[max(lo, order.start - 50):order.end + 50]):
            continue  # nine months' orders over a quarter's sales is no ratio the text states
        sales = _revenue_for(ctx, r, order, allow_smaller=True, reach=4)  # the period's sales, often in the lead
        if sales is None or sales is order:
            continue

        def fn(a: float, b: float) -> float:
            return a / b

        def explain(v: float, order=order, sales=sales) -> str:
            return f"{order.text} / {sales.text} = {v:.2f}"

        def fail_message(v: float, expected, order=order, sales=sales, r=r) -> str:
            return f"orders of {order.text} over sales of {sales.text} give a book-to-bill ratio of {v:.2f}, not {r.text}"

        ctx.add(Claim("multiple", (r.start, r.end), r, (order, sales),
                      {"fn": fn, "explain": explain, "fail_message": fail_message, "expected": lambda v: f"{v:.2f}"}, True))
