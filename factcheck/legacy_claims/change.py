"""Changes between two figures: ``percent_change`` ("from 86 to 133 units, up 55%") and ``multiple``
("nearly doubled from 2.732 billion lira to 5.303 billion", "three times the original number").

Which two figures? In order of confidence:
1. explicit order: "from X to Y", "to Y from X", "X toward Y";
2. a comparison: "P% more than X", "three times the X", with the subject figure before it;
3. the two nearest figures of the same kind before the stated one, in its sentence or the one before
   ("94 military vehicles. ... that figure reached 224—representing a 128% increase");
4. figures anchored to years: "a 64% jump on 2024" compares the figure given for 2024 with the next year's.
"""

from __future__ import annotations

import regex

from ..extract.lazy import LazyPattern
from ..model import Claim, Mention
from .base import Ctx, fig_text, is_partitive, is_rate, same_kind, same_noun, word_re

_HEDGE_GAP = r"(?:(?:about|around|roughly|nearly|almost|some|approximately|more\s+than|over|as\s+many\s+as|up\s+to|" \
             r"just\s+under|just\s+over|at\s+least|an\s+estimated)\s+)?"
_FROM_TO = LazyPattern(r"^[\s\p{L}\p{N},'’-]{0,60}?\b(?:to|toward|towards|into)\s+" + _HEDGE_GAP + r"$", regex.I)
_COMPARE_AFTER = LazyPattern(r"^\s*(?:more|higher|greater|larger|bigger|up|above|over|less|lower|fewer|smaller|down|"
                             r"below|increase|rise|jump|growth|gain|decrease|decline|drop|fall|reduction|cut)?\s*"
                             r"(?:than|on|over|from|compared\s+with|compared\s+to|versus|vs\.?)\s+(?:the\s+|its\s+|a\s+)?", regex.I)


def find(ctx: Ctx) -> None:
    inc = word_re(ctx.vocab.get("increase_words") or [])
    dec = word_re(ctx.vocab.get("decrease_words") or [])
    for p in ctx.mentions:
        if id(p) in ctx.used or p.value is None:
            continue
        if p.type == "percent":
            _percent_change(ctx, p, inc, dec)
        elif p.role == "fraction" and regex.search(r"(?:reduction|cut|decrease|fall|drop|increase|rise)\s+of\s+"
                                                   + _HEDGE_GAP + r"$", ctx.before(p, 40), regex.I):
            _percent_change(ctx, p, inc, dec, fraction=True)
    for m in ctx.mentions:
        if m.role == "multiple" and id(m) not in ctx.used:
            _multiple(ctx, m)
        elif m.role == "fraction" and id(m) not in ctx.used and regex.search(
                r"^\s+(?:the|that|of\s+the|its|their)\b", ctx.after(m, 20)) and not _appositive_fraction(ctx, m):
            _multiple(ctx, m)
    _echo_multiples(ctx)
    _times_more(ctx)


def _appositive_fraction(ctx: Ctx, m: Mention) -> bool:
    """"Twelve of the aircraft, one third of the order": a fraction set off after a figure is that figure's share of
    a whole (parts.py), not a multiple of another figure."""
    s, _ = ctx.sentence(m.start)
    prev = [x for x in ctx.amounts if s <= x.start and x.end <= m.start]
    return bool(prev) and bool(regex.fullmatch(r"[^,;.\d]{0,30},\s*(?:or\s+)?" + _HEDGE_GAP, ctx.text[prev[-1].end:m.start], regex.I))


def _times_more(ctx: Ctx) -> None:
    """"three times more", "four times less": ambiguous whatever the figures (×3 or ×4?), a style warning."""
    t = ctx.text
    for m in ctx.mentions:
        if m.role != "multiple":
            continue
        style = regex.match(r"(?:\s+times)?\s+(?:more|less|fewer|higher|lower|larger|smaller|cheaper)\b", t[m.end:m.end + 20],
                            regex.I)
        if style is None or not regex.search(r"times", t[m.start:m.end + style.end()], regex.I):
            continue
        word = style.group(0).split()[-1]
        ctx.add(Claim("multiple_style", (m.start, m.end + style.end()), m, (),
                      {"verdict": {"status": "warn", "message": f'"{t[m.start:m.end]} {word}" is ambiguous (×N or ×(N+1)?): '
                                   'write "N times as many" or give the figure'}}, True))


# ----------------------------------------------------------------------------- operand search
_DELTA_BEFORE = LazyPattern(r"\b(?:up|down)\s+" + _HEDGE_GAP + r"$", regex.I)
_DELTA_AFTER = LazyPattern(r"\s*from\b", regex.I)


def is_delta(ctx: Ctx, x: Mention) -> bool:
    """"up €6.7 billion from €50.4 billion", "up 2,000 from 12,000": the size of a change, not a level."""
    return x.type != "percent" and bool(_DELTA_BEFORE.search(ctx.before(x, 30))) and bool(_DELTA_AFTER.match(ctx.after(x, 20)))


def ordered_pair(ctx: Ctx, m: Mention, pool: list[Mention], next_sentence: bool = False
                 ) -> tuple[Mention, Mention, bool] | None:
    """An explicit "from X to Y" / "to Y from X" pair in m's sentence (or, when ``next_sentence``, in the
    sentence right after it, same paragraph: "Revenue nearly doubled. It climbed from X to Y."): (old, new, True)."""
    if next_sentence:
        si = ctx.sent_index(m.start) + 1
        if si >= len(ctx.sents) or ctx.para_index(ctx.sents[si][0]) != ctx.para_index(m.start):
            return None
        sent = [x for x in ctx.in_span(*ctx.sents[si], pool) if not x.role]
    else:
        sent = [x for x in ctx.in_sentence(m, pool) if x is not m and not x.role]
    # "to €57.1 billion, up €6.7 billion from €50.4 billion": the figure between "up" and "from" is the size of the
    # change, not a level; the pair runs around it
    deltas = [x for x in sent if is_delta(ctx, x)]
    sent = [x for x in sent if x not in deltas]
    best = None
    for i, a in enumerate(sent):
        for b in sent[i + 1:]:
            if not same_kind(a, b) and not (a.type in ("count",) and b.type == "count"):
                continue
            gap = ctx.between(a, b)
            for z in reversed(deltas):
                if a.end <= z.start and z.end <= b.start:
                    gap = gap[:z.start - a.end] + "by" + gap[z.end - a.end:]
            if any(a.end <= z.start and z.end <= b.start and same_kind(z, b) for z in sent):
                continue
            pre = ctx.text[max(ctx.sentence(a.start)[0], a.start - 30):a.start]
            if regex.search(r"\bfrom\s+" + _HEDGE_GAP + r"$", pre, regex.I) and _FROM_TO.match(gap):
                cand = (a, b, True)
            elif regex.search(r"\bto\s+" + _HEDGE_GAP + r"$", pre, regex.I) and regex.match(
                    r"^(?:[\s\p{L},'’-]|\b(?:1[89]|20)\d\d\b){0,40}?\bfrom\s+" + _HEDGE_GAP + r"$", gap, regex.I):
                cand = (b, a, True)
            elif regex.match(r"^[\s\p{L}'’-]{0,40}?,?\s*(?:compared\s+(?:with|to)|versus|vs\.?|against|up\s+from|down\s+from|"
                             r"from)\s+(?:the\s+|a\s+)?" + _HEDGE_GAP + r"$", gap, regex.I) or regex.match(
                    r"^\s*\((?:FY|CY|H[12]|Q[1-4]|9M)?\s*'?\d{2,4}\s*:\s*$", gap):
                cand = (b, a, True)
            else:
                continue
            d = min(abs(a.start - m.start), abs(b.start - m.start))
            if best is None or d < best[0]:
                best = (d, cand)
    return best[1] if best else None


_PER_PERIOD = LazyPattern(r"\s*(?:a|an|per|each)\s+(year|month|week|day|hour|quarter)\b", regex.I)


def per_period(ctx: Ctx, x: Mention) -> str | None:
    """The time a rate is per ("2,000 shells a month" → month), or None for a figure that is no time rate."""
    pm = _PER_PERIOD.match(ctx.text[x.end:x.end + 20])
    return pm.group(1).lower() if pm else None


def _same(ctx: Ctx, a: Mention, b: Mention) -> bool:
    pa, pb = per_period(ctx, a), per_period(ctx, b)
    if pa and pb and pa != pb:
        return False  # "2,000 shells a month, 24,000 a year": one rate in two units of time, not two levels
    return same_kind(a, b) and same_noun(ctx.vocab, a, b)


def _candidates(ctx: Ctx, m: Mention, like: Mention | None = None) -> list[Mention]:
    """Figures that can be operands of a change stated by m: amounts, not rates, not m itself."""
    out = []
    for x in ctx.amounts:
        if x is m or x.role or is_partitive(ctx, x) or id(x) in ctx.restated or is_delta(ctx, x):
            continue
        if like is not None and not _same(ctx, x, like):
            continue
        out.append(x)
    return out


def preceding_pair(ctx: Ctx, m: Mention, allow_prev_sentence: bool = True) -> tuple[Mention, Mention] | None:
    """The two nearest figures of one kind before m (in its sentence, or reaching into the one before)."""
    si = ctx.sent_index(m.start)
    lo = ctx.sents[si - 1][0] if allow_prev_sentence and si > 0 else ctx.sents[si][0]
    if ctx.para_index(lo) != ctx.para_index(m.start):
        lo = ctx.sents[si][0]
    before = [x for x in _candidates(ctx, m) if lo <= x.start and x.end <= m.start and x.type != "percent"
              or (m.type == "percent" and x.type == "percent" and lo <= x.start and x.end <= m.start
                  and ctx.sent_index(x.start) == si and x.unit == "percent")]
    if len(before) >= 3 and is_increment(ctx, before[-1]) and _same(ctx, before[-3], before[-2]):
        # "We were 2,100 in 2022 and are 3,400 today, so we have added 1,300, about 60% more": the change runs between
        # the two levels; the figure added is their difference, not a level
        before = before[:-1]
    if len(before) < 2:
        return None
    y = before[-1]
    if ctx.sent_index(y.start) != si:
        return None  # at least one figure must be in the claim's own sentence
    if _CLAUSE_BREAK.search(ctx.text[y.end:m.start]):
        return None
    same = [x for x in before[:-1] if _same(ctx, x, y)]
    # "2,400 a month in January, double the 1,200 a month of a year earlier, and plans 3,600 a month by mid-2026, a
    # further 50% rise": 1,200 is the object of another comparison; the change runs from the figure compared with it
    objects = [x for x in same if _is_compared_object(ctx, x)]
    if objects and len(objects) < len(same):
        same = [x for x in same if x not in objects]
        before = [x for x in before if x not in objects]
    if not same:
        return None
    exact = [x for x in same if x.unit and x.unit == y.unit]
    x = exact[-1] if exact else same[-1]
    if not _prior_ok(ctx, x, y, m):
        return None
    gap = ctx.text[x.end:y.start]
    if _OTHER_SUBJECT.search(gap):
        return None  # "exports to Europe were $2.2 billion, and exports to the US were $1.4 billion, down 3%"
    if m.type == "percent" and (";" in gap or any(
            x.end <= z.start and z.end <= y.start and z.type == "percent" and _OWN_CHANGE.fullmatch(
                ctx.text[x.end:z.start]) for z in ctx.mentions)):
        # "Space $1.12 billion, up 18%; Defense $1.31 billion, up 9%": list items, each with its own change
        # ("$7.1 billion in Q1, up 10%, and $27.3 billion in FY 2024, up 6%": each period's figure with its own)
        return None
    # the pair must not straddle a third figure of the same kind
    between = [z for z in before if x.start < z.start < y.start and _same(ctx, z, y) and not (exact and z.unit != y.unit)]
    if between:
        return None
    return x, y


# the change stated right after a figure, past the period it is for: ", up 18%", " in Q1, up 10%"
_OWN_CHANGE = LazyPattern(r"\s*(?:(?:in|for|during|over)\s+[^,;()]{1,25}?)?\s*,?\s*(?:up|down|rising|falling|growing|"
                          r"an?\s+(?:increase|decrease|rise|fall|drop)\s+of)\s*(?:by\s+)?", regex.I)
_INCREMENT_BEFORE = LazyPattern(r"\b(?:added|adding|adds|gained|gaining|hired|hiring|created|creating|an?\s+(?:net\s+)?(?:increase|"
                                 r"rise|gain|growth|jump|decrease|drop|fall|decline|reduction|cut)\s+of|(?:up|down|rose|fell|grew|"
                                 r"increased|decreased|climbed|dropped)\s+by)\s+" + _HEDGE_GAP + r"$", regex.I)


def is_increment(ctx: Ctx, x: Mention) -> bool:
    """A figure stated as the size of a change ("added 1,300 people", "an increase of 3,500", "1,300 more")."""
    return bool(_INCREMENT_BEFORE.search(ctx.before(x, 40)) or regex.match(
        r"\s*(?:more|fewer|extra|additional|new)\b(?!\s+than)", ctx.text[x.end:x.end + 20], regex.I))


def _is_compared_object(ctx: Ctx, x: Mention) -> bool:
    """The figure another is compared with: "double the 1,200", "three times the 10,000", "up from 96"."""
    before = ctx.before(x, 40)
    if _REFERENCE_BEFORE.search(before) or regex.search(r"\bup\s+from\s+" + _HEDGE_GAP + r"$", before, regex.I):
        return True
    mults = [m for m in ctx.mentions if m.role == "multiple" and m.end <= x.start and x.start - m.end <= 30]
    return bool(mults) and bool(regex.fullmatch(r"\s*(?:times\s+)?(?:the|that|its)\s+", ctx.text[mults[-1].end:x.start]))


# ----------------------------------------------------------------------------- percent change
def _direction(ctx: Ctx, p: Mention, inc: regex.Pattern, dec: regex.Pattern) -> int | None:
    s, e = ctx.sentence(p.start)
    # "less than 1% each (3%)", "more than 2,000": the hedge of another figure says nothing of a direction
    win_a = _OTHER_HEDGE.sub(" ", ctx.text[max(s, p.start - 45):p.start])
    win_b = _OTHER_HEDGE.sub(" ", ctx.text[p.end:min(e, p.end + 30)])
    near = win_a[-30:] + " " + win_b[:25]
    d_inc = bool(inc.search(near))
    d_dec = bool(dec.search(near))
    if d_inc and not d_dec:
        return 1
    if d_dec and not d_inc:
        return -1
    if d_inc and d_dec:
        # the word nearest the figure wins
        ai = [m.end() for m in inc.finditer(win_a)] + [len(win_a) + 1 + m.start() for m in inc.finditer(win_b)]
        ad = [m.end() for m in dec.finditer(win_a)] + [len(win_a) + 1 + m.start() for m in dec.finditer(win_b)]
        di = min(abs(len(win_a) - x) for x in ai)
        dd = min(abs(len(win_a) - x) for x in ad)
        return 1 if di <= dd else -1
    return None


_OTHER_HEDGE = LazyPattern(r"\b(?:more|less|fewer)\s+than\s+(?=[\p{Sc}\d])", regex.I)


def _percent_change(ctx: Ctx, p: Mention, inc, dec, fraction: bool = False) -> None:
    t = ctx.text
    after = t[p.end:p.end + 12]
    if not fraction and regex.match(r"\s*(?:of|stake|share|interest|owned|by\s+\p{Lu})", after):
        return  # "32% of all exports", "a 25% stake": a share, not a change
    if not fraction and _LEVEL_BEFORE.search(ctx.before(p, 30)) and not _COMPARATIVE.match(after + t[p.end + 12:p.end + 30]):
        return  # "the margin improved to 15.2% from 12.8%": a level (an operand), not a change
    direction = _direction(ctx, p, inc, dec)
    if direction is None:
        return
    pts = p.unit == "percentage_point"
    claim_val = p.value * 100 if fraction else p.value
    pool = ctx.amounts
    pair = ordered_pair(ctx, p, pool)
    if pair and _clause_break(ctx, p, pair[0], pair[1]):
        pair = None  # "sales grew 35% to €2.1 billion, while the backlog rose to €19 billion from €14 billion"
    if pair and _COMPARATIVE.match(t[p.end:p.end + 30]) and not (pair[0].start < p.start < pair[1].end):
        cmp = _compared(ctx, p)
        if cmp:
            # "up from 1.5% ..., or CZK 160 billion, about 12% more than the 2023 budget of CZK 143 billion": the
            # comparison written after the figure is its own; the from-to pair earlier in the sentence is another's
            pair = (cmp[0], cmp[1], True)  # the figure compared with is the base, whichever is larger
    confident = True
    explicit = False
    new_only = _TO_FIGURE.match(t[p.end:p.end + 40])
    if pair and new_only and not (pair[1].start <= p.end + new_only.end() + 2 and pair[1].end > p.end):
        pair = None  # "rose 37% to 7.2 trillion won, with exports ... up from 38%": that pair is another change
    per_share = None if pair else _per_share_pair(ctx, p)
    if per_share:
        a, b = per_share
        old, new = (a, b) if (a.value <= b.value) == (direction > 0) else (b, a)
        explicit = True
    elif pair:
        old, new, explicit = pair
    else:
        if _RESPECTIVELY.match(ctx.text[p.end:ctx.sentence(p.start)[1]]):
            return  # "X in Q2 and Y in H1, up 25% and 18% respectively": each figure's own change, no old figure stated
        anchored = _year_anchored(ctx, p)
        explicit = anchored is not None
        # "rose 35% to SEK 5.2 billion" gives the new figure only: without an old one stated with it
        # ("from X", "(2023: X)", "compared with X") there is nothing to check
        pair2 = _compared(ctx, p) or anchored or (None if new_only else preceding_pair(ctx, p))
        if not pair2 and not new_only and not any(x is not p for x in ctx.in_sentence(p)):
            # "Revenue nearly doubled. It climbed from X to Y.": the figures come in the next sentence
            nxt = ordered_pair(ctx, p, pool, next_sentence=True)
            pair2 = (nxt[0], nxt[1]) if nxt else None
        if not pair2:
            return
        a, b = pair2
        if pts or (a.type == "percent" and b.type == "percent"):
            old, new = a, b
        elif direction > 0:
            old, new = (a, b) if a.value <= b.value else (b, a)
        else:
            old, new = (a, b) if a.value >= b.value else (b, a)
    if old.type == "percent" and new.type == "percent":
        if p.type != "percent":
            return
    elif old.type == "percent" or new.type == "percent":
        return
    if not same_kind(old, new) or (old.value or 0) == 0:
        return
    sign = direction
    if pts:
        def fn(o: float, n: float) -> float:
            return sign * (n - o)
        formula = "{n} − {o}"
    else:
        def fn(o: float, n: float) -> float:
            return sign * (n - o) / o * 100.0
        formula = "({n} − {o}) / {o} × 100"
    o_txt, n_txt = fig_text(ctx, old), fig_text(ctx, new)
    word = "increase" if direction > 0 else "decrease"

    def explain(v: float) -> str:
        return f"{formula.format(n=n_txt, o=o_txt)} = {sign * v:.1f}" + (" points" if pts else "")

    def fail_message(v: float, expected: str | None) -> str:
        real = sign * v
        if pts:
            return f"{o_txt} → {n_txt} is {abs(real):.1f} percentage points, not {p.text}"
        actual = "increase" if real >= 0 else "decrease"
        return f"{o_txt} → {n_txt} is a {abs(real):.1f}% {actual}, not {_claim_text(ctx, p)}"

    def diagnose(v: float) -> str | None:
        real = sign * v
        notes = []
        if real * sign < 0 or (direction < 0 and new.value > old.value) or (direction > 0 and new.value < old.value):
            notes.append(f"the text says {word}, but the figure went the other way")
        if not pts and new.value:
            wrong_base = abs(new.value - old.value) / abs(new.value) * 100
            if abs(wrong_base - claim_val) <= max(p.half_step or 0.5, 0.5):
                notes.append(f"{claim_val:g}% is the change divided by the new figure ({n_txt}), the wrong base")
        if not pts and old.type == "percent" and abs(abs(new.value - old.value) - claim_val) <= 0.51:
            notes.append(f"{new.value - old.value:+.1f} is the change in percentage points, not percent")
        return "; ".join(notes) or None

    def expected(v: float) -> str:
        if fraction:
            return f"{abs(v):.0f}%"
        from .judge import restate

        return restate(p, abs(v), t).strip()

    params = {"fn": fn, "explain": explain, "fail_message": fail_message, "diagnose": diagnose,
              "expected": expected, "stated_value": claim_val, "claimed": claim_val}
    if (direction < 0 and new.value > old.value) or (direction > 0 and new.value < old.value):
        params["fixable"] = False  # the words contradict the figures: no single figure would fix it
    if fraction:
        params["stated_step"] = 0.0
        params["fixable"] = False
    # a change stated as a rise cannot be checked against figures that fell: keep sign in fn
    confident = confident and (explicit or _near_enough(ctx, p, old, new))
    ctx.add(Claim("percent_change", (p.start, p.end), p, (old, new), params, confident))


_PER_SHARE = LazyPattern(r"\s*(?:a|per)\s+(?:diluted\s+|basic\s+|adjusted\s+)?share\b", regex.I)


def _per_share_pair(ctx: Ctx, p: Mention) -> tuple[Mention, Mention] | None:
    """"Net earnings were $1.02 billion, or $6.84 per diluted share, compared with $0.91 billion, or $6.02 per
    diluted share; earnings per share rose 13.6%": a change of a per-share figure is between the two figures stated
    per share (in its sentence or the one before), not the totals beside them."""
    if not regex.search(r"\b(?:per[\s-]+share|EPS)\b", ctx.before(p, 40) + " " + ctx.after(p, 25), regex.I):
        return None
    si = ctx.sent_index(p.start)
    lo = ctx.sents[si - 1][0] if si > 0 and ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(p.start) else ctx.sents[si][0]
    figs = [x for x in ctx.amounts if lo <= x.start and x.end <= p.start and x.type == "currency"
            and _PER_SHARE.match(ctx.text[x.end:x.end + 25])]
    if len(figs) != 2 or not same_kind(figs[0], figs[1]):
        return None
    return figs[0], figs[1]


_LEVEL_BEFORE = LazyPattern(r"(?:\b(?:to|from|at|reached|was|were|is|stood\s+at|totalled|totaled|between)|"
                            r"(?<!\b(?:increase|rise|growth|gain|jump|decrease|drop|fall|decline|reduction|cut|change|"
                            r"improvement|hike|surge|slump)\s)\bof)\s+"
                            r"(?:(?:about|around|roughly|nearly|some|approximately|more\s+than|almost|over)\s+)?$", regex.I)
# "is 30% larger than the 420 square metres": a comparison, not a level, whatever verb comes before it
_COMPARATIVE = LazyPattern(r"\s*(?:more|higher|greater|larger|bigger|lower|fewer|less|smaller|cheaper|heavier|lighter|"
                           r"longer|shorter|faster|slower|wider|narrower)\s+than\b", regex.I)
_TO_FIGURE = LazyPattern(r"\s*,?\s*(?:to|at)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|"
                         r"more\s+than\s+|a\s+record\s+)?(?=[\p{Sc}\d]|[A-Z]{2,3}\s?\d|Rs|TL)", regex.I)
_BACK_REF = LazyPattern(r"\b(?:that|this|the\s+same)\s+(?:figure|number|total|level|period|quarter|half)|"
                        r"\b(?:doubl|tripl|trebl|quadrupl|halv)\w*\s+(?:that|it|this|them)\b|"
                        r"\b(?:year-on-year|year\s+on\s+year|a\s+year\s+earlier|the\s+previous\s+year|compared)\b",
                        regex.I)
_CONTRAST = LazyPattern(r";|,\s*(?:while|whereas|but|although)\b", regex.I)
# a percentage in a list matched item by item: "up 25% and 18% respectively"
_RESPECTIVELY = LazyPattern(r"[^.;()]{0,40}?\brespectively\b", regex.I)
# a clause with a subject of its own that introduces the later figure: ", and exports to the US were"
_OTHER_SUBJECT = LazyPattern(r"(?:;|,\s*(?:and|while|whereas|but)\b)\s+(?:[\p{L}'’.-]+\s+){1,6}(?:was|were|is|are|totalled|"
                             r"totaled|reached|stood\s+at|came\s+to|amounted\s+to)\s+(?:(?:about|around|roughly|nearly|some|"
                             r"approximately|more\s+than|almost|over|just)\s+)?$", regex.I)
_CLAUSE_BREAK = LazyPattern(r";|,\s*(?:while|whereas|but|and|although)\b|\.\s", regex.I)


def _prior_ok(ctx: Ctx, x: Mention, y: Mention, m: Mention, same_clause: bool = False) -> bool:
    """May x, from before the claim's sentence, be the old figure of y? Only when it counts the same things
    ("94 military vehicles. ... that figure reached 224") or the sentence points back ("that figure",
    "the same period", "year-on-year"); "sales rose to 7.2 trillion won. Profit doubled to 1.7 trillion" is not."""
    si = ctx.sent_index(m.start)
    if ctx.sent_index(x.start) == si:
        # "revenue fell 3% to €8.1 billion, while its order intake more than doubled to €9.7 billion": another
        # clause, another subject ("..., and more than tripled" keeps the subject)
        return not (same_clause and _CONTRAST.search(ctx.text[x.end:m.start]))
    return bool(y.type == "count" and y.unit and x.unit == y.unit
                or _BACK_REF.search(ctx.text[ctx.sents[si][0]:min(ctx.sents[si][1], m.end + 12)]))


def _clause_break(ctx: Ctx, p: Mention, a: Mention, b: Mention) -> bool:
    """Is there a clause boundary between the stated figure and the pair it would be checked against?"""
    lo, hi = min(a.start, p.start), max(b.end, p.end)
    inner = [(min(p.end, a.start), max(p.end, a.start)), (min(p.end, b.start), max(p.end, b.start))]
    gap_a, gap_b = (ctx.text[x:y] for x, y in inner)
    del lo, hi
    between = gap_a if abs(p.start - a.start) < abs(p.start - b.start) else gap_b
    return bool(_CLAUSE_BREAK.search(between)) and not (a.start < p.start < b.end)


def _near_enough(ctx: Ctx, p: Mention, old: Mention, new: Mention) -> bool:
    """The operands sit in the claim's sentence or the one just before it, in the same paragraph."""
    sp = ctx.sent_index(p.start)
    return all(abs(sp - ctx.sent_index(x.start)) <= 1 and ctx.para_index(x.start) == ctx.para_index(p.start)
               for x in (old, new))


def _compared(ctx: Ctx, p: Mention) -> tuple[Mention, Mention] | None:
    """"27% more than the €1.07 billion": the figure after the comparison and the subject before it."""
    t = ctx.text
    rest = t[p.end:ctx.sentence(p.start)[1]]
    cm = _COMPARE_AFTER.match(rest)
    if not cm:
        return None
    start = p.end + cm.end()
    after = [x for x in _candidates(ctx, p) if start <= x.start <= start + 25 and ctx.sent_index(x.start)
             == ctx.sent_index(p.start)]
    if not after:
        return None
    x = after[0]
    before = [y for y in _candidates(ctx, p, like=x) if y.end <= p.start
              and ctx.sent_index(p.start) - ctx.sent_index(y.start) <= 1]
    if not before:
        return None
    return x, before[-1]


_YEAR_RE = LazyPattern(r"\b(?:1[89]|20)\d\d\b")


def year_of(ctx: Ctx, m: Mention) -> int | None:
    """The year a figure is given for: "98 in 2023", "191 fighters in 2025"."""
    after = ctx.text[m.end:m.end + 40]
    ym = regex.match(r"[^.;:()\d]{0,30}?\b(?:in|during|for)\s+(?:(?:early|mid|late)[-\s])?(?:[A-Z][a-z]+\.?\s+)?"
                     r"((?:1[89]|20)\d\d)\b", after)
    if ym:
        return int(ym.group(1))
    s, _ = ctx.sentence(m.start)
    pre = ctx.text[s:m.start]
    pm = regex.match(r"\s*(?:In|During|By|By\s+the\s+end\s+of)\s+(?:early|mid|late|end)?-?\s*((?:1[89]|20)\d\d)\b"
                     r"[^.;:]{0,50}$", pre)
    if pm and not regex.search(r"\d", pre[pm.end(1):]):
        return int(pm.group(1))
    return None


def _year_anchored(ctx: Ctx, p: Mention) -> tuple[Mention, Mention] | None:
    """"a 64% jump on 2024": the figure given for 2024 against the next year's figure."""
    rest = ctx.text[p.end:p.end + 40]
    ym = regex.match(r"\s*(?:[\p{L}]+\s+){0,2}?(?:on|over|from|versus|vs\.?|compared\s+with)\s+((?:1[89]|20)\d\d)\b",
                     rest, regex.I)
    if not ym:
        return None
    base_year = int(ym.group(1))
    by_year = _year_figures(ctx, p)
    if base_year not in by_year or base_year + 1 not in by_year:
        return None
    old = by_year[base_year][0]
    new = next((x for x in by_year[base_year + 1] if _same(ctx, x, old)), None)
    if new is None:
        return None
    return old, new




def _claim_text(ctx: Ctx, p: Mention) -> str:
    return (p.hedge + " " if p.hedge else "") + p.text


# ----------------------------------------------------------------------------- multiples
def _multiple(ctx: Ctx, m: Mention) -> None:
    t = ctx.text
    if m.value is None or m.value <= 0:
        return
    if _range_low(ctx, m):
        return  # the low end of "two to four times": no single figure to check
    pool = [x for x in ctx.amounts if id(x) not in ctx.restated]
    confident = True
    pr = _multiple_to(ctx, m) or _multiple_years(ctx, m) or _multiple_topic(ctx, m) or _over_period(ctx, m)
    anchored = pr is not None
    if pr is None:
        pr = _multiple_compared(ctx, m)
    if pr is None:
        pr = _multiple_object_phrase(ctx, m)
        anchored = pr is not None
    if pr is None:
        pair = ordered_pair(ctx, m, pool)
        if pair and not _clause_break(ctx, m, pair[0], pair[1]):
            pr = (pair[0], pair[1])  # not "46 ... against 38 a year ago, and expects 100, more than double the 44"
    if pr is None and not any(not x.role for x in ctx.in_sentence(m)):
        # "Revenue nearly doubled year-on-year. Income climbed from X to Y.": only for a sentence with no figures
        nxt = ordered_pair(ctx, m, pool, next_sentence=True)
        pr = (nxt[0], nxt[1]) if nxt else None
    if pr is None:
        pr = _around(ctx, m)
        confident = False
    if not pr:
        return
    a, b = pr
    if not same_kind(a, b) or not a.value or not b.value:
        return
    target = m.value if m.value >= 1 else 1.0 / m.value
    words = t[m.start:m.end].lower()

    def fn(x: float, y: float) -> float:
        lo, hi = sorted((abs(x), abs(y)))
        return hi / lo

    a_txt, b_txt = fig_text(ctx, a), fig_text(ctx, b)
    big, small = (b, a) if abs(b.value) >= abs(a.value) else (a, b)

    def explain(v: float) -> str:
        return f"{fig_text(ctx, big)} / {fig_text(ctx, small)} = {v:.2f}×"

    hedge = m.hedge
    claim_txt = (hedge + " " if hedge else "") + t[m.start:m.end]

    def fail_message(v: float, expected: str | None) -> str:
        return f"{a_txt} → {b_txt} is {v:.2f}×, not {claim_txt}"

    def expected(v: float) -> str:
        return _multiple_words(v, m)

    step = 0.05 * target if m.word else (m.half_step or 0.5)
    if m.word and words.startswith(("double", "twice", "triple", "treble", "quadrupl", "halv", "half")):
        step = 0.05 * target
    params = {"fn": fn, "explain": explain, "fail_message": fail_message, "expected": expected,
              "stated_value": target, "stated_step": step, "claimed": m.value}
    confident = confident and (anchored or _near_enough(ctx, m, a, b))
    ctx.add(Claim("multiple", _hedged_span(ctx, m), m, (a, b), params, confident))



def _hedged_span(ctx: Ctx, m: Mention) -> tuple[int, int]:
    """The claim as the reader sees it: "nearly doubled", not just "doubled"."""
    if m.hedge:
        hm = regex.search(regex.escape(m.hedge) + r"\s+(?:a\s+|an\s+)?$", ctx.text[max(0, m.start - 40):m.start], regex.I)
        if hm:
            return (m.start - (len(ctx.text[max(0, m.start - 40):m.start]) - hm.start()), m.end)
    return (m.start, m.end)


def _multiple_words(v: float, m: Mention) -> str:
    words = {2: "doubled", 3: "tripled", 4: "quadrupled", 5: "quintupled"}
    r = round(v)
    if abs(v - r) / r <= 0.05 and r in words:
        return words[r]
    if abs(v - r) / max(r, 1) <= 0.05:
        return f"{r} times"
    pct = (v - 1) * 100
    return f"rose by about {pct:.0f}%" if v < 2 else f"about {v:.1f} times"


def _multiple_compared(ctx: Ctx, m: Mention) -> tuple[Mention, Mention] | None:
    """"three times the original number", "nearly three times the $1.2 billion", "double the 2% guideline"."""
    t = ctx.text
    rest = t[m.end:ctx.sentence(m.start)[1]]
    if regex.match(r"\s*(?:again\s+)?(?:to|by)\b", rest, regex.I):
        return None  # "doubled to 1.7 trillion": a new figure, not the figure compared with
    cm = regex.match(r"^\s*(?:times\s+)?(?:as\s+(?:many|much|large|big|high)\s+as|more\s+than|the|that|its|their|"
                     r"what|over|on|from)?\s*(?:the\s+|that\s+|its\s+)?", rest, regex.I)
    start = m.end + (cm.end() if cm else 0)
    # "more than double the 2023 total of 44": the figure after "<year> total of"
    ym = regex.match(r"(?:(?:1[89]|20)\d\d|[\p{L}-]+)\s+(?:total|figure|level|number|count)\s+of\s+" + _HEDGE_GAP, t[start:start + 60],
                     regex.I)
    if ym:
        start += ym.end()
    sent_i = ctx.sent_index(m.start)
    after = [x for x in ctx.amounts if start <= x.start <= start + 30 and ctx.sent_index(x.start) == sent_i
             and not x.role and regex.fullmatch(r"[\p{L}\s'’-]*", t[start:x.start])]
    before = [x for x in ctx.amounts if x.end <= m.start and sent_i - ctx.sent_index(x.start) <= 1 and not x.role
              and ctx.para_index(x.start) == ctx.para_index(m.start) and not is_partitive(ctx, x)
              and id(x) not in ctx.restated]
    if after:
        x = after[0]
        to = _TO_AFTER.match(t[x.end:x.end + 40])
        if to and _FROM_BEFORE.search(t[m.end:x.start]) and any(y.start == x.end + to.end() and _same(ctx, x, y)
                                                                 for y in ctx.amounts):
            return None  # "doubles our production rate from six to 12 a month": an explicit from-to pair, no object
        # "reached X, up 32.5% from Y, and 31 times the Z": the subject is X; Y is the figure of another comparison
        subj = [y for y in before if _same(ctx, y, x) and _prior_ok(ctx, y, x, m)
                and not _REFERENCE_BEFORE.search(ctx.before(y, 30))]
        if subj:
            return subj[-1], x
        return None
    om = regex.match(r"^\s*(?:times\s+)?as\s+(?:many|much)\s+as\s+(?:the|a|an|in\s+a)\s+([\p{L}-]+)", rest, regex.I)
    if om:
        noun = om.group(1).lower()[:6]
        sent = [y for y in ctx.amounts if ctx.sent_index(y.start) == sent_i and not y.role and y.end <= m.start]
        objs = [y for y in sent if noun in t[y.end:y.end + 25].lower()]
        if objs:
            x = objs[-1]
            subj = [y for y in sent if y is not x and _same(ctx, y, x) and noun not in t[y.end:y.end + 25].lower()]
            if subj:
                return x, subj[0]
        return None
    # "that rate", "that figure", "the original number": the comparison's object is a figure said before
    if regex.match(r"^\s*(?:that|the|its|this)\s+(?:original\s+|starting\s+|previous\s+|early-\d{4}\s+|"
                   r"[\p{L}-]+\s+)?(?:rate|figure|number|level|total|amount|value|size|output|pace)", rest, regex.I):
        same_sent = [y for y in before if ctx.sent_index(y.start) == sent_i]
        prev = [y for y in before if ctx.sent_index(y.start) < sent_i]
        that_figure = bool(regex.match(r"^\s*that\s+(?:figure|number|total|level)\b", rest, regex.I))
        if len(same_sent) >= 2 and (_same(ctx, same_sent[-2], same_sent[-1]) or
                                    (that_figure and same_sent[-2].type == same_sent[-1].type == "count")):
            return same_sent[-2], same_sent[-1]
        if same_sent and prev:
            for subj in same_sent:
                obj = [y for y in prev if _same(ctx, y, subj) and y.unit == subj.unit] or \
                      [y for y in prev if _same(ctx, y, subj)]
                if obj:
                    return obj[0] if len(obj) == 1 else obj[-1], subj
        if len(same_sent) >= 2:
            subj = same_sent[-1]
            obj = [y for y in same_sent[:-1] if _same(ctx, y, subj)]
            if obj:
                return obj[0], subj
    return None


_FROM_BEFORE = LazyPattern(r"\bfrom\s+" + _HEDGE_GAP + r"$", regex.I)
_TO_AFTER = LazyPattern(r"\s*(?:[\p{L}-]+\s+){0,2}?(?:to|into)\s+" + _HEDGE_GAP, regex.I)
_REFERENCE_BEFORE = LazyPattern(r"\b(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:the\s+)?" + _HEDGE_GAP + r"$",
                                regex.I)


def _multiple_object_phrase(ctx: Ctx, m: Mention) -> tuple[Mention, Mention] | None:
    """"more than 14 times the value of the first Steel Dome delivery": the figure of the sentence elsewhere
    in the text that names that thing (rare words weigh most), against the figure before the multiple."""
    from .dates import _event_sentence

    t = ctx.text
    s, e = ctx.sentence(m.start)
    om = regex.match(r"\s*(?:times\s+)?(?:the|its)\s+(?:value|size|cost|price|worth|amount|number)\s+of\s+(?:the\s+)?"
                     r"([^,;.]{3,80})", t[m.end:e], regex.I)
    if not om:
        return None
    subj = [x for x in ctx.amounts if s <= x.start and x.end <= m.start and not x.role]
    if not subj:
        return None
    k = _event_sentence(ctx, m, om.group(1))
    if k is None:
        return None
    a, b = ctx.sents[k]
    objs = [x for x in ctx.amounts if a <= x.start < b and same_kind(x, subj[-1]) and not is_rate(ctx, x)]
    return (objs[0], subj[-1]) if objs else None


def _over_period(ctx: Ctx, m: Mention) -> tuple[Mention, Mention] | None:
    """"... from ten in 2022 to 20 by 2024 and 40 in 2025, a fourfold increase over the period": first to last."""
    if not regex.match(r"\s*(?:increase|rise|growth|jump|gain)?\s*(?:(?:over|across)\s+(?:the\s+)?(?:period|years|decade)|"
                       r"(?:in|over|within)\s+(?:the\s+)?(?:\p{L}+|\d+)\s+years)",
                       ctx.text[m.end:m.end + 40], regex.I):
        return None
    s, _ = ctx.sentence(m.start)
    figs = [x for x in ctx.amounts if s <= x.start and x.end <= m.start and not x.role]
    if len(figs) >= 2 and _same(ctx, figs[0], figs[-1]):
        return figs[0], figs[-1]
    return None


def _range_low(ctx: Ctx, m: Mention) -> bool:
    t = ctx.text
    return bool(regex.match(r"\s*(?:to|-|–|or)\s*\p{L}*\s*(?:times|fold)", t[m.end:m.end + 25]) or
                regex.match(r"\s*(?:to|-|–|or)\s+(?:double|triple|quadruple)", t[m.end:m.end + 20]))


def _multiple_topic(ctx: Ctx, m: Mention) -> tuple[Mention, Mention] | None:
    """"Rafale output nearly doubled in 2024" after "In 2023 it had delivered 13 Rafale": the figure of that
    noun anchored to the year before, against the paragraph's first figure of that noun."""
    t = ctx.text
    s, e = ctx.sentence(m.start)
    ym = regex.match(r"\s*(?:in|during)\s+((?:1[89]|20)\d\d)\b", t[m.end:e])
    nm = regex.search(r"(\p{Lu}[\p{L}\p{N}-]+)\s+(?:output|production|deliveries|sales|orders|revenue|exports)\s+"
                      r"(?:\p{L}+\s+){0,2}$", t[s:m.start])
    if not ym or not nm:
        return None
    year, noun = int(ym.group(1)), nm.group(1)
    para = ctx.paragraph(m.start)
    figs = [x for x in ctx.amounts if para[0] <= x.start < m.start and noun in x.text and not x.role]
    olds = [x for x in figs if year_of(ctx, x) == year - 1]
    news = [x for x in figs if year_of(ctx, x) in (None, year) and x not in olds and not regex.search(
        r"\b(?:guided|planned|forecast|expected|target)", t[max(para[0], x.start - 40):x.start])]
    if olds and news:
        return olds[0], news[0]
    return None


def _multiple_to(ctx: Ctx, m: Mention) -> tuple[Mention, Mention] | None:
    """"doubled to 20", "double again to 40": the figure after "to" and the same kind of figure before."""
    t = ctx.text
    mm = regex.match(r"\s*(?:again\s+|once\s+more\s+|(?:that|it|this|them|its\s+[\p{L}]+)\s*,?\s*)?(?:to|reaching)\s+"
                     + _HEDGE_GAP, t[m.end:m.end + 40], regex.I)
    if not mm:
        return None
    start = m.end + mm.end()
    si = ctx.sent_index(m.start)
    after = [x for x in ctx.amounts if start <= x.start <= start + 2 and not x.role]
    if not after:
        return None
    y = after[0]
    fm = regex.match(r"\s*from\s+" + _HEDGE_GAP, t[y.end:y.end + 30], regex.I)
    if fm:
        olds = [x for x in ctx.amounts if y.end + fm.end() <= x.start <= y.end + fm.end() + 2 and _same(ctx, x, y)]
        if olds:
            return olds[0], y
    before = [x for x in ctx.amounts if x.end <= m.start and _same(ctx, x, y) and not x.role
              and si - ctx.sent_index(x.start) <= 1 and ctx.para_index(x.start) == ctx.para_index(m.start)]
    if not before or not _prior_ok(ctx, before[-1], y, m, same_clause=True):
        return None
    return before[-1], y


def _multiple_years(ctx: Ctx, m: Mention) -> tuple[Mention, Mention] | None:
    """"the 2024 total was exactly half the previous year's": the figures given for those years."""
    t = ctx.text
    s, e = ctx.sentence(m.start)
    lvl = regex.match(r"\s*(?:the|its)\s+(?:early|mid|late|end)?-?\s*(?:[A-Z][a-z]+\.?\s+)?((?:1[89]|20)\d\d)\s+"
                      r"(?:total|figure|level|number|"
                      r"output|rate|intake|pace)\b", t[m.end:e])
    if lvl:
        y0 = int(lvl.group(1))
        subj = [x for x in ctx.amounts if s <= x.start and x.end <= m.start and not x.role]
        figs = _year_figures(ctx, m)
        if subj and y0 in figs:
            objs = [x for x in figs[y0] if _same(ctx, x, subj[-1]) and x is not subj[-1]]
            if objs:
                return objs[0], subj[-1]
        return None
    ym = regex.search(r"\bthe\s+((?:1[89]|20)\d\d)\s+(?:total|figure|level|number|output|intake)\b", t[s:m.start])
    pm = regex.match(r"\s*(?:the\s+)?(?:previous|prior|preceding)\s+year['’]?s?\b|\s*(?:that\s+of\s+)?((?:1[89]|20)\d\d)\b",
                     t[m.end:e])
    if not ym or not pm:
        return None
    y1 = int(ym.group(1))
    y0 = int(pm.group(1)) if pm.group(1) else y1 - 1
    figs = _year_figures(ctx, m, own_paragraph=True)
    if not (y1 in figs and y0 in figs):
        figs = _year_figures(ctx, m)
    if y1 in figs and y0 in figs:
        for b in figs[y1]:
            olds = [a for a in figs[y0] if _same(ctx, a, b)]
            if olds:
                exact = [a for a in olds if a.unit == b.unit]
                return (exact or olds)[0], b
    return None


def _year_figures(ctx: Ctx, m: Mention, own_paragraph: bool = False) -> dict[int, list[Mention]]:
    para = ctx.paragraph(m.start)
    lo = para[0] if own_paragraph else ctx.paras[max(0, ctx.para_index(m.start) - 1)][0]
    out: dict[int, list[Mention]] = {}
    for x in ctx.amounts:
        if lo <= x.start < para[1] and x.type in ("count", "currency", "quantity") and not is_partitive(ctx, x):
            y = year_of(ctx, x)
            if y:
                out.setdefault(y, []).append(x)
    return out


def _around(ctx: Ctx, m: Mention) -> tuple[Mention, Mention] | None:
    """One figure on each side of the multiple word, or the two before it, in its sentence."""
    sent_i = ctx.sent_index(m.start)
    same = [x for x in ctx.amounts if ctx.sent_index(x.start) == sent_i and not x.role
            and not is_partitive(ctx, x) and id(x) not in ctx.restated]
    before = [x for x in same if x.end <= m.start]
    after = [x for x in same if x.start >= m.end]
    # "This year it will be 420, three times as many, and the plan is 600": a multiple in apposition to the figure
    # before it compares that figure with an earlier one, not with the next
    appositive = bool(before) and bool(regex.fullmatch(r"\s*,\s*" + _HEDGE_GAP, ctx.text[before[-1].end:m.start], regex.I))
    if before and after and _same(ctx, before[-1], after[0]) and not (appositive and preceding_pair(ctx, m)):
        return before[-1], after[0]
    pp = preceding_pair(ctx, m, allow_prev_sentence=True)
    return pp


def _echo_multiples(ctx: Ctx) -> None:
    """A multiple with no figures of its own ("MBDA quadruples Mistral output", in a headline or lead) takes
    the figures of the first multiple in the body that shares its subject words."""
    linked = [c for c in ctx.claims if c.kind == "multiple"]
    if not linked:
        return
    t = ctx.text
    lead_end = ctx.paras[1][1] if len(ctx.paras) > 1 else len(t)
    for m in ctx.mentions:
        if m.role != "multiple" or id(m) in ctx.used or m.start >= lead_end or _range_low(ctx, m):
            continue
        s, e = ctx.sentence(m.start)
        own = [x for x in ctx.in_span(s, e) if not x.role and x.type in ("count", "currency")]
        # with figures of its own that made no pair, the multiple echoes a body claim only when one of them is that
        # claim's new figure ("Veltrup triples shell output to 30,000 a month" / "reached 30,000 ..., three times the 10,000")
        words = {w.lower() for w in regex.findall(r"\p{L}{4,}", t[s:e])} - _COMMON
        target = m.value if m.value >= 1 else 1 / m.value
        cands = []
        for c in linked:
            if not c.confident:
                continue
            if c.span[0] <= m.start or ctx.para_index(c.span[0]) - ctx.para_index(m.start) > 2:
                continue
            cs, ce = ctx.sentence(c.span[0])
            cw = {w.lower() for w in regex.findall(r"\p{L}{4,}", t[cs:ce])} - _COMMON
            if own and not any(x.value == y.value and same_kind(x, y) for x in own for y in c.operands):
                continue
            if words & cw or ctx.is_headline(m):
                cands.append(c)
        same_target = [c for c in cands if abs(c.params.get("stated_value", 0) - target) < 1e-9]
        pick = same_target[:1] or (cands[:1] if len(cands) == 1 else [])
        confident = bool(pick)
        if not pick and cands:
            pick = cands[:1]
        for c in pick:
            if True:
                params = dict(c.params)
                target = m.value if m.value >= 1 else 1 / m.value
                step = 0.05 * target
                a, b = c.operands
                claim_txt = (m.hedge + " " if m.hedge else "") + t[m.start:m.end]
                params.update({"stated_value": target, "stated_step": step, "claimed": m.value,
                               "fail_message": lambda v, e, a=a, b=b, ct=claim_txt:
                               f"{fig_text(ctx, a)} → {fig_text(ctx, b)} is {v:.2f}×, not {ct}"})
                params.pop("hedge", None)
                ctx.add(Claim("multiple", (m.start, m.end), m, c.operands, params, confident))
                break


_COMMON = frozenset("""that this with from have will been were their which would about more than into also
year years company production output rate said says percent""".split())
