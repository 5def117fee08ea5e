"""``consistency``: the same quantity given twice with different values ("412 vehicles" ... later "421
vehicles"; "$2.4 billion" in the headline, "$2.4 million" in the body).

Two figures are candidates when they are of one kind (currency, counted thing) and are either the same figure
at different precision ("$11.76 billion" / "$11.8 billion": a pass), the same digits in another order (a
transposition), or the same digits at another scale (million for billion). Candidates are found through
indexes keyed by digits and rounded value, never by comparing every pair. Evidence that they are one quantity:
the same counted noun or measure, words shared around both. A transposition or a scale slip fails only when the
text names both the same way; two figures merely close in value are never compared (two contracts of 180 and
181 tanks are two contracts).
"""

from __future__ import annotations

import math

from ..extract import fastregex as regex
from ..extract.lazy import LazyPattern
from ..model import Claim, Evidence, Mention, Relation
from .pairs import Pairs
from .reading import Facts, change_size, digits_swapped, noun_class, same_figure
from .scope import Ctx

_STOP = frozenset("""the a an of and or in on at to for from by with its their this that these those was were is are be
been has had have will would which who as about some around nearly almost more than over under up down per each
million billion trillion thousand""".split())
_WORD = LazyPattern(r"[\p{L}][\p{L}\p{N}-]{2,}")
MAX_GROUP = 1  # earlier figures of the same key each figure is compared with (the nearest)


def find(ctx: Ctx, facts: Facts, pairs: Pairs) -> None:
    figs = [m for m in ctx.amounts if m.type in ("currency", "count") and m.value and m.value_high is None
            and not m.word and _significant(m) >= 2 and m.start not in pairs.deltas]
    by_digits: dict[tuple, list[Mention]] = {}
    by_value: dict[tuple, list[Mention]] = {}
    for m in figs:
        kind = (m.type, m.unit if m.type == "currency" else noun_class(ctx.vocab, m.unit))
        by_digits.setdefault(kind + ("".join(sorted(_num(ctx, m).lstrip("0"))),), []).append(m)
        by_value.setdefault(kind + (_round2(m.value or 0.0),), []).append(m)
    _definite_restatements(ctx, facts, pairs, figs, by_digits)
    seen: set[tuple[int, int]] = set()
    for group in list(by_digits.values()) + list(by_value.values()):
        for i, b in enumerate(group):  # each figure against the few of its key before it (text order): linear
            for a in group[max(0, i - MAX_GROUP):i]:
                key = (a.start, b.start)
                if key in seen or a.start == b.start:
                    continue
                seen.add(key)
                ctx.work.candidates += 1
                _compare(ctx, facts, pairs, a, b)


# a figure after a definite determiner refers back to one the text gave ("the $6.79 billion award", "With the A$1,040
# million budget now largely committed", "The ₹2,690-crore order"): one adjective of the thing may stand between
_DEFINITE_BEFORE = LazyPattern(r"(?<![\p{L}\p{N}])(?:the|this|that)\s+(?:(?:record|full|entire|whole|total|approved|revised|"
                               r"same|agreed|planned|original|initial|combined|overall|reported|announced|budgeted|"
                               r"allocated)\s+)?$", regex.I)
MAX_TWINS = 3  # earlier figures of the same digits each definite figure is compared with (the nearest)


def _definite_restatements(ctx: Ctx, facts: Facts, pairs: Pairs, figs: list[Mention],
                           by_digits: dict[tuple, list[Mention]]) -> None:
    """A figure the text refers back to as given ("the S$24.3 billion budget") that it never gave, where it gave the
    same digits in another order before ("S$23.4 billion ... for FY2025"): the restatement slipped. The definite
    determiner is the evidence that the two are one figure; the checks of ``_compare`` that tell two quantities apart
    (other years, other periods, other owners, a goal, the size or the base of a change, a gap or a share the text
    states) still hold it back, and it fails only with the measure or words shared too. Bounded: each definite figure
    against the three nearest earlier figures of its digits."""
    values: dict[tuple, list[Mention]] = {}
    for m in figs:
        values.setdefault((m.type, m.unit if m.type == "currency" else noun_class(ctx.vocab, m.unit)), []).append(m)
    for group in by_digits.values():
        for i, b in enumerate(group):
            if ctx.is_stated(b) or not _DEFINITE_BEFORE.search(ctx.text, max(0, b.start - 40), b.start):
                continue
            kind = (b.type, b.unit if b.type == "currency" else noun_class(ctx.vocab, b.unit))
            if any(x.start < b.start and same_figure(x, b) for x in values.get(kind, ())) or _given_before(ctx, b):
                continue  # it was given: the reference has its figure (as written, of another noun: "118,718 assault
                # rifles" before "the 118,718 new weapons")
            for a in reversed(group[max(0, i - MAX_TWINS):i]):
                if _twin(ctx, facts, pairs, a, b):
                    ev = [Evidence("definite", f"'{_quote_before(ctx, b)}' refers back to a figure the text gave, and it "
                                               f"gave {a.text}", 2.5, True),
                          Evidence("transposed", "the same digits in another order", 1.0, True)]
                    # what else names them alike: the same measure, the words around both
                    mev = facts.measure_evidence(a, b)
                    if mev is not None:
                        ev.append(mev)
                    words, weight = _shared_words(ctx, a, b)
                    if words:
                        ev.append(Evidence("same-words", f"both said of {', '.join(sorted(words)[:4])}", min(2.0, weight)))
                    ctx.add(Claim("consistency", (b.start, b.end), b, readings=(Relation("equal", (a,), tuple(ev)),)))
                    break


def _quote_before(ctx: Ctx, b: Mention) -> str:
    hit = _DEFINITE_BEFORE.search(ctx.text, max(0, b.start - 40), b.start)
    a = hit.start() if hit is not None else b.start
    return " ".join(ctx.text[a:b.end].split())


def _twin(ctx: Ctx, facts: Facts, pairs: Pairs, a: Mention, b: Mention) -> bool:
    """Are ``a`` and the later ``b`` the same digits in another order, and not told apart by the text?"""
    text_a, text_b = _num(ctx, a), _num(ctx, b)
    if text_a == text_b or not digits_swapped(_written(ctx, a), _written(ctx, b), adjacent=False) or _scale_apart(a, b) or \
            (a.decimals or 0) != (b.decimals or 0) \
            or max(_significant(a), _significant(b)) < 3 or a.value_high is not None or b.value_high is not None:
        return False
    if ctx.sent_index(a.start) == ctx.sent_index(b.start) or _range_end(ctx, a) or _range_end(ctx, b):
        return False
    if a.start in ctx.restated or b.start in ctx.restated:
        return False  # "a loan of ¥64.38 billion (about ₱23.9 billion)" and "the ₱29.3 billion project cost": a
        # restatement in another currency is a rounded conversion of another figure, not this one written twice
    if a.type == "count" and a.unit and b.unit and not a.inferred and not b.inferred and \
            noun_class(ctx.vocab, a.unit) != noun_class(ctx.vocab, b.unit):
        return False
    if _goal(ctx, facts, b) or _change_size(ctx, facts, pairs, a) or _change_size(ctx, facts, pairs, b) or \
            _change_base(ctx, a) != _change_base(ctx, b):
        return False
    if (ya := facts.periods.year_of(a)) and (yb := facts.periods.year_of(b)) and ya != yb:
        return False
    if (pa := _periods_named(ctx, a)) and (pb := _periods_named(ctx, b)) and not pa & pb:
        return False
    if (na := _names_before(ctx, facts, a)) and (nb := _names_before(ctx, facts, b)) and not na & nb:
        return False
    return not (_gap_stated(ctx, pairs, a, b) or _share_given(ctx, a, b) or _named_as_another(ctx, pairs, a, b)
                or _named_as_another(ctx, pairs, b, a))


_CHANGE_BASE_BEFORE = LazyPattern(r"(?:\b(?:up|down|rose|fell|increased|decreased|grew|declined|jumped|climbed|higher|lower|"
                                  r"more|less|fewer)\b|%|\bper\s?cent\b)[^.;]{0,25}?\b(?:from|than|on|over|compared\s+"
                                  r"(?:with|to)|against|versus)\s+(?:(?:the|a|an|its|their)\s+)?(?:[\p{L}-]+['’]s\s+)?$",
                                  regex.I)


def _change_base(ctx: Ctx, x: Mention) -> bool:
    """Is ``x`` the base a change is measured from ("Aftermarket up 26% from $149.8m", "5% more than the 14,105"):
    the earlier period's level, not the current one (not "from the $750 million Block 10 contract", a source)?"""
    return _CHANGE_BASE_BEFORE.search(ctx.text, max(0, x.start - 60), x.start) is not None


def _gap_stated(ctx: Ctx, pairs: Pairs, a: Mention, b: Mention) -> bool:
    """Does the sentence of either figure state, before it, the size of a change or comparison equal to the gap between
    the two ("$9 million larger than the entire $256 million development contract" and "$265 million")?"""
    gap = abs((a.value or 0.0) - (b.value or 0.0))
    for x in (a, b):
        s, _ = ctx.sentence(x.start)
        for d in ctx.numbers_in(s, x.start):
            if d.start in pairs.deltas and d.type == x.type and d.unit == x.unit and d.value is not None and \
                    abs(gap - abs(d.value)) <= (d.half_step or 0.0) + (a.half_step or 0.0) + (b.half_step or 0.0):
                return True
    return False


_ONE_DEAL = r"(?<![\p{L}])(?:an?|one|another|a\s+further|a\s+new|a\s+single)\s+(?:[\p{L}-]+\s+){0,3}?@deal_nouns\s+" \
    r"(?:(?:worth|valued\s+at|of|for|totall?ing|amounting\s+to)\s+)(?:(?:about|around|some|nearly|almost|roughly)\s+)?$"


def _one_deal(ctx: Ctx, facts: Facts, x: Mention) -> bool:
    """Is ``x`` the value of one deal the text introduces ("an order worth SEK 118 million", "a contract of $1.2
    billion"; linking words deal_nouns)?"""
    return facts.g.regex(_ONE_DEAL).search(ctx.text, max(ctx.sentence(x.start)[0], x.start - 80), x.start) is not None


# (a dash with no space around it, or "to": "$6.00–$6.15", "$5.8 to $5.95"; not an aside "3,236 satellites – 1,618 –")
_RANGE_BEFORE = LazyPattern(r"\d(?:[–—-]|\s+to\s+)(?:\p{Sc}|[A-Z]{3}\s?)?$")
_RANGE_AFTER = LazyPattern(r"(?:[–—-]|\s+to\s+)(?:\p{Sc}|[A-Z]{3}\s?)?\d")


def _range_end(ctx: Ctx, x: Mention) -> bool:
    """Is ``x`` an end of a range written as two figures ("$6.00–$6.15", "$5.8 to $5.95")?"""
    return bool(_RANGE_BEFORE.search(ctx.text, max(0, x.start - 12), x.start) or _RANGE_AFTER.match(ctx.text, x.end))


def _compare(ctx: Ctx, facts: Facts, pairs: Pairs, a: Mention, b: Mention) -> None:
    if ctx.is_stated(b) or pairs.is_level(a) and pairs.is_level(b):
        return
    text_a, text_b = _num(ctx, a), _num(ctx, b)
    same = same_figure(a, b)
    if same and text_a == text_b:
        return  # the figure repeated as written: nothing to check
    # "20,862" for "20,682": two digits swapped in place, so the decimal point stays put ("13.4" and "413" are not; nor
    # "34.1" and "41.3", every digit moved: "Including 21% VAT, the price reaches CZK 41.3 billion")
    transposed = not same and digits_swapped(_written(ctx, a), _written(ctx, b), adjacent=False) and not _scale_apart(a, b) and \
        (a.decimals or 0) == (b.decimals or 0) and bool(a.value and b.value) and \
        0.1 < abs((a.value or 0.0) / (b.value or 1.0)) < 10
    slip = not same and text_a == text_b and _scale_apart(a, b)
    if not (same or transposed or slip) or max(_significant(a), _significant(b)) < 3:
        return
    if not same and (a.value_high is not None or b.value_high is not None or _range_end(ctx, a) or _range_end(ctx, b)):
        return  # "EPS rose to $1.56" and "guidance cut to $5.80–$5.95 from $6.00–$6.15": an end of a range is no
        # restatement of a figure whose digits it shares
    if not same and (bool(pairs.with_old(a)) != bool(pairs.with_old(b)) or _goal(ctx, facts, a) or _goal(ctx, facts, b)
                     or _change_base(ctx, a) != _change_base(ctx, b)):
        # "296 ships in 2024, down from 318 in 2015" and "the Navy's goal of 381 manned ships": a level of another
        # year, or a goal, is another quantity; the same digits in another order accuse nothing (nor "aftermarket
        # $189.4m" and "Aftermarket up 26% from $149.8m": the base of a change is the earlier period's)
        return
    if not same and a.type == "count" and a.unit and b.unit and not a.inferred and not b.inferred and \
            noun_class(ctx.vocab, a.unit) != noun_class(ctx.vocab, b.unit):
        return  # "245 engines" and "254 Stinger missiles": counts of other things are other figures
    if transposed and (a.start in ctx.restated or b.start in ctx.restated):
        return  # ("about ₱23.9 billion" restating a loan in yen, and "the ₱29.3 billion project cost")
    if not same and ctx.other_members(a, b):
        return  # "a) MRSAM for the Navy – ₹2,960 crore" and "b) Invar missiles for the Army – ₹2,096 crore": two items
        # of one list are two members of it, not one figure given twice (items of prose, sentences, may restate)
    if not same and ctx.sent_index(a.start) == ctx.sent_index(b.start):
        return  # two figures of one sentence share all its words: the words say nothing of a slip
    if not same and any(_PARTITIVE_OPENING.match(ctx.text, ctx.sentence(x.start)[0]) for x in (a, b)):
        return  # "Of the year's output, ... 1,246 vehicles went to the army": a part of it, not it again
    if transposed and (_given_beside(ctx, a, b) or _given_beside(ctx, b, a)):
        return  # "146 M2A4s and 18 M7A4s, bringing the total to 164" beside "the 164 vehicles": the text gives both
        # figures side by side, two figures, not one written two ways
    if transposed and any(_reached_by_addition(ctx, facts, x) for x in (a, b)):
        return  # "a further €97 billion ..., bringing European allocations and announcements to €235 billion" beside
        # "€253 billion" of other allocations: a level reached by an addition is a new figure, not the other again
    if transposed and (_change_size(ctx, facts, pairs, a) != _change_size(ctx, facts, pairs, b) or any(
            facts.g.word_pattern("total_words").match(ctx.text, _after_noun(ctx, x)) for x in (a, b))):
        return  # "an expected decline of about $16.1 million" beside "Unmanned Systems $61.1 million": the size of a
        # change is no level; "18 firm vehicles plus an option for 105 more, 123 tanks in all" beside "321 Leopard 2
        # tanks in its inventory": a total the text adds up is a figure of its own
    if (transposed or slip) and (ya := facts.periods.year_of(a)) and (yb := facts.periods.year_of(b)) and ya != yb:
        return  # "241 vehicles in service" and "expects to hold 214 vehicles by 2026": figures of two years
    if (transposed or slip) and _of_an_earlier_year(facts, a, b):
        return  # "a quarterly dividend of $2.31" in a release of 2025 and "Since 2019, when the quarterly rate stood at
        # $1.32": a level the text dates well before the release is not its undated current figure
    if not same and (na := _names_before(ctx, facts, a)) and (nb := _names_before(ctx, facts, b)) and not na & nb:
        return  # "The Land division's order intake was €1,038 million" and "The Air division's order intake was €1,083
        # million": the figures of two owners the text names
    if (transposed or slip) and (pa := _periods_named(ctx, a)) and (pb := _periods_named(ctx, b)) and not pa & pb:
        return  # "order intake was €1,038 million in the first quarter" and "for the first half was €1,083 million":
        # figures of two periods
    if (transposed or slip) and _one_deal(ctx, facts, a) != _one_deal(ctx, facts, b) and \
            facts.measure_id(b if _one_deal(ctx, facts, a) else a):
        return  # "Order intake amounted to SEK 811 million" and "In June we received an order worth SEK 118 million":
        # one deal is no restatement of a measure's total (but "a contract worth ₹23,562 crore" and "the ₹23,652 crore
        # programme" are one deal)
    if transposed and _gap_stated(ctx, pairs, a, b):
        return  # "awarded a $265 million modification ... The award is $9 million larger than the entire $256 million
        # development contract": the text states the gap between the two, so they are two figures
    if transposed and _share_given(ctx, a, b):
        return  # "operating profit reached 1.73 trillion won" and "the land systems division contributed 1.37 trillion
        # won ..., or 79.2 percent of the group total": the text gives the one as a share of the other
    # (a transposition or a slip is named alike by the words of each figure's own item, not by a sentence that lists
    # several: "€4.3 billion for war weapons and €4.46 billion for other military equipment" against "War weapons
    # accounted for €6.44 billion and other military equipment for €5.76 billion")
    if not same and (_named_as_another(ctx, pairs, a, b) or _named_as_another(ctx, pairs, b, a)):
        return
    words, weight = _shared_words(ctx, a, b)
    ev: list[Evidence] = []
    noun = a.type == "count" and a.unit and b.unit and a.unit == b.unit and not a.inferred and not b.inferred
    if noun:
        ev.append(Evidence("same-noun", f"both count {a.unit}", 2.0, True))
    if words:
        ev.append(Evidence("same-words", f"both said of {', '.join(sorted(words)[:4])}", min(3.0, weight),
                           weight >= 3))
    mev = facts.measure_evidence(a, b)
    if mev is not None:
        ev.append(mev)
    own = _own_measure(ctx, facts, a)
    if not same and own is not None and own == _own_measure(ctx, facts, b):
        # "a record order book of £1,038 million" and "The £1,083 million order book": each figure's own words name
        # one measure (right before it, or right after it as its noun)
        ev.append(Evidence("own-measure", f"each is called {own} by the words attached to it", 2.0, True))
    first, later = (a, b) if a.start < b.start else (b, a)
    headline = ctx.para_index(first.start) == 0 and ctx.para_index(later.start) > 0 and \
        ctx.paras[0][1] - ctx.paras[0][0] <= 200
    if same and headline and min(_significant(a), _significant(b)) >= 3:
        # "From $386 million to fleet-wide: ..." over "The initial contract was worth $385.7 million": a headline
        # restates the body's figures (only a holding reading: a different figure is never accused on this alone)
        ev.append(Evidence("headline", "the headline gives a figure of the body", 2.0))
    elif slip and headline and mev is not None and mev.weight > 0:
        # "order intake reaches €25.3 billion" in the headline, "Order intake amounted to €25.3 million" in the body:
        # the headline restates the body's figure of the same measure; the same digits at another scale are a slip
        ev.append(Evidence("headline", "the headline gives the body's figure of the same measure", 2.0, True))
    score = sum(e.weight for e in ev)
    if same:
        if score < 2:
            return
        ev.append(Evidence("same-figure", f"{a.text} and {b.text} agree at the precision written", 1.0))
    elif score < 3 or not any(e.explicit for e in ev):
        return  # a transposition or scale slip is an accusation: only when the text names both alike
    else:
        what = "the same digits in another order" if transposed else "the same digits at another scale"
        ev.append(Evidence("transposed" if transposed else "scale-slip", what, 1.0, True))
    # a headline figure that rounds the body's is the one checked against it ("From $386 million to fleet-wide"
    # against "$385.7 million"); otherwise the later figure against the earlier (which of two figures that differ is
    # the wrong one the text does not say; the later is reported, the earlier given)
    stated, given = (first, later) if headline and same else (later, first)
    if not same and _repeats(ctx, first) != _repeats(ctx, later):
        # "118,718 rifles" in the headline, the lead and the last paragraph, "a total of 118,178 weapons" once between:
        # the figure the text gives fewer times is the odd one out, whichever comes first; if it is checked already
        # (the sum it totals), the others are not accused of it
        stated, given = (first, later) if _repeats(ctx, first) < _repeats(ctx, later) else (later, first)
        if ctx.is_stated(stated):
            return
    if ctx.is_stated(stated):
        stated, given = given, stated
    rel = Relation("equal", (given,), tuple(ev))
    ctx.add(Claim("consistency", (stated.start, stated.end), stated, readings=(rel,)))


def _written_index(ctx: Ctx) -> dict[tuple, list[int]]:
    """Each figure as written (its digits; its currency, or a count of anything): where the text gives it, in order
    (computed once per document)."""
    index: dict[tuple, list[int]] | None = getattr(ctx, "_written_index", None)
    if index is None:
        index = {}
        for x in ctx.amounts:
            if x.type in ("currency", "count") and x.value:
                index.setdefault(_written_key(ctx, x), []).append(x.start)
        ctx._written_index = index  # type: ignore[attr-defined]
    return index


def _written_key(ctx: Ctx, m: Mention) -> tuple:
    return m.type, m.unit if m.type == "currency" else None, _num(ctx, m)


def _repeats(ctx: Ctx, m: Mention) -> int:
    """How many times the text gives ``m``'s figure as written, ``m`` included."""
    return len(_written_index(ctx).get(_written_key(ctx, m), ()))


def _given_before(ctx: Ctx, m: Mention) -> bool:
    """Did the text give ``m``'s figure as written before it ("118,718 assault rifles" before "the 118,718 new
    weapons")?"""
    starts = _written_index(ctx).get(_written_key(ctx, m)) or [m.start]
    return starts[0] < m.start


def _of_an_earlier_year(facts: Facts, a: Mention, b: Mention) -> bool:
    """Is one of the two dated by the text to a year before the one before the release's, and the other not dated?"""
    doc = facts.periods.doc_year
    if doc is None:
        return False
    ya, yb = facts.periods.year_of(a), facts.periods.year_of(b)
    return (ya is None) != (yb is None) and (ya or yb or doc) < doc - 1


def _names_before(ctx: Ctx, facts: Facts, x: Mention) -> set[str]:
    """The names (capitalised words, not the sentence's first) in ``x``'s sentence before it, back to the last figure,
    semicolon or clause-opening conjunction: who or what the figure is of ("Rheinmetall said its backlog ...")."""
    s, _ = ctx.sentence(x.start)
    near = [y for y in ctx.numbers_in(s, x.start) if y.type != "date"]
    a = max([s, *(y.end for y in near)])
    cut = _CLAUSE_CUT.search(ctx.text, a, x.start)
    while cut is not None:  # (the last clause opening before the figure)
        a = cut.end()
        cut = _CLAUSE_CUT.search(ctx.text, a, x.start)
    # "Chief executive Michal Strnad said the €1,042m of EBITDA", "Analysts at a Seoul brokerage said the 34.1 trillion
    # won backlog": the names before a verb of saying (linking words speech_verbs) are the speaker's, not the figure's
    # owner, unless what follows points back at the speaker ("Rheinmetall said its backlog")
    said = list(facts.g.word_pattern("speech_verbs").finditer(ctx.text, a, x.start))
    if said and not _POINTS_TO_SPEAKER.match(ctx.text, said[-1].end()):
        a = said[-1].end()
    out = set()
    for m in _NAME.finditer(ctx.text, a, x.start):
        if (m.start() == s or ctx.text[s:m.start()].strip(" \"'“‘(") == "") and \
                not _NAMED_SUBJECT.match(ctx.text, m.end()):
            continue  # the sentence's first word is capitalised whatever it is (a name when it owns or says something)
        w = m.group(0)
        if w.lower() not in _NOT_NAMES:
            out.add(w.lower())
    return out


_POINTS_TO_SPEAKER = LazyPattern(r"\s+(?:that\s+)?(?:its|their|it|they|his|her|the\s+(?:company|group|firm)['’]s)\b", regex.I)
_NAMED_SUBJECT = LazyPattern(r"['’]s\b|\s+(?:said|says|reported|reports|posted|posts|announced|announces|booked|books)\b",
                             regex.I)
_CLAUSE_CUT = LazyPattern(r";|,\s+(?:and|but|while|whereas)\s+|\s+(?:while|whereas)\s+", regex.I)
_NAME = LazyPattern(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}&-]+")
_NOT_NAMES = frozenset("""the a an in on at for of by with this that these those its their our we it as and but he she they
mr ms mrs dr i january february march april may june july august september october november december monday tuesday
wednesday thursday friday saturday sunday""".split())


def _periods_named(ctx: Ctx, x: Mention) -> set[str]:
    """The periods ``x``'s clause (its sentence between the figures on either side) names, normalised: "q1" for "the
    first quarter" and "Q1", "h1" for "the first half", "9m" for "nine months", "fy" for "the full year" (years are
    Periods.year_of's)."""
    s, e = ctx.sentence(x.start)
    near = [y for y in ctx.numbers_in(s, e) if y is not x and y.type != "date"]
    a = max([y.end for y in near if y.end <= x.start] + [s])
    b = min([y.start for y in near if y.start >= x.end] + [e])
    out = _period_names(ctx, a, b)
    if not out:
        # "Over the first nine months, sales reached €3,880 million, and the operating result €491 million": a clause
        # that names none is of the one period its sentence names, if it names one
        whole = _period_names(ctx, s, e)
        if len(whole) == 1:
            out = whole
    return out


def _period_names(ctx: Ctx, a: int, b: int) -> set[str]:
    out: set[str] = set()
    for m in _PERIOD_NAME.finditer(ctx.text, a, b):
        w = " ".join(m.group(0).lower().split())
        if "quarter" in w or w.startswith("q"):
            out.add("q" + str(_ORDINALS.get(w.split()[0], w[1:2])))
        elif "half" in w or w.startswith("h") or "six" in w:
            out.add("h" + str(_ORDINALS.get(w.split()[0], 1 if "six" in w else w[1:2])))
        elif "nine" in w or w.startswith("9"):
            out.add("9m")
        else:
            out.add("fy")
    return out


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_PERIOD_NAME = LazyPattern(r"\b(?:(?:first|second|third|fourth)\s+quarter|Q[1-4]|(?:first|second)\s+half|H[12]|six\s+months|"
                           r"nine\s+months|9M|full[- ]year|(?<=\bthe\s)year(?!\s+(?:earlier|before|ago)))\b", regex.I)


def _own_measure(ctx: Ctx, facts: Facts, x: Mention) -> str | None:
    """The measure the words attached to ``x`` name: a measure word as its noun right after it ("£1,083 million order
    book") or right before it with only a linking word between ("order book of £1,038 million", "backlog was $4.2
    billion"); None when there is none, or a margin."""
    after = facts.measure_hits_in(x.end, x.end + 40)
    if after and _OWN_AFTER.fullmatch(ctx.text, x.end, after[0].start) and not after[0].margin:
        return after[0].measure
    s, _ = ctx.sentence(x.start)
    before = facts.measure_hits_in(max(s, x.start - 60), x.start)
    if before and before[-1].end <= x.start and _OWN_BEFORE.fullmatch(ctx.text, before[-1].end, x.start) and \
            not before[-1].margin:
        return before[-1].measure
    return None


_OWN_AFTER = LazyPattern(r"[^\S\n]+(?:[\p{L}-]+[^\S\n]+)?", regex.I)  # "£1,083 million order book", "$4 billion total backlog"
_OWN_BEFORE = LazyPattern(r"[^\S\n]+(?:(?:of|was|were|is|are|at|stood\s+at|reached|totalled|totaled|amounted\s+to|came\s+to|"
                          r"rose\s+to|fell\s+to|grew\s+to)[^\S\n]+)?(?:(?:about|some|around|roughly|nearly|almost|a\s+record|"
                          r"record|a|an|the)[^\S\n]+)*", regex.I)


def _change_size(ctx: Ctx, facts: Facts, pairs: Pairs, x: Mention) -> bool:
    """Is ``x`` the size of a change: read so by the difference grammar, or right after a change word and "of"/"by"
    ("an expected decline of about $16.1 million")?"""
    return x.start in pairs.deltas or change_size(ctx, facts, x)


def _after_noun(ctx: Ctx, x: Mention) -> int:
    """Where the words after ``x`` start, past white space (the counted noun is inside a count's span)."""
    k = x.end
    while k < len(ctx.text) and ctx.text[k] in " \t":
        k += 1
    return k


def _given_beside(ctx: Ctx, a: Mention, b: Mention) -> bool:
    """Does ``a``'s sentence give ``b``'s figure too (the same value and unit, another mention)?"""
    s0, s1 = ctx.sentence(a.start)
    return any(x is not a and x.value == b.value and x.unit == b.unit and x.type == b.type
               for x in ctx.numbers_in(s0, s1))


def _reached_by_addition(ctx: Ctx, facts: Facts, x: Mention) -> bool:
    """Is ``x`` the level an addition brings something to ("bringing the total to €235 billion", "took the backlog
    to $4.21 billion"): a carrying verb (linking words accrue_verbs) earlier in its clause, "to" right before it?"""
    s0, _ = ctx.sentence(x.start)
    lo = max(s0, x.start - 120)
    if not _TO_BEFORE.search(ctx.text, lo, x.start):
        return False
    verbs = list(facts.g.word_pattern("accrue_verbs").finditer(ctx.text, lo, x.start))
    return bool(verbs) and not regex.search(r"[;.]", ctx.text[verbs[-1].end():x.start])


_BREAKDOWN = LazyPattern(r"\b(?:of\s+which|including|includes|comprising|made\s+up\s+of|consisting\s+of|split\s+into)\b",
                         regex.I)
_ITEM_CUT = LazyPattern(r"[,;:]|\s(?:and|while|whereas|but)\s", regex.I)
_TO_BEFORE = LazyPattern(r"\bto\s+(?:(?:about|some|nearly|almost|around|roughly|approximately|over|more\s+than)\s+)?$",
                         regex.I)
_PARTITIVE_OPENING = LazyPattern(r"\W*of\s+(?:the|that|this|these|those|its|their|all)\b", regex.I)


def _share_given(ctx: Ctx, a: Mention, b: Mention) -> bool:
    """Does a percent after the smaller figure, in its sentence, say what share of the larger it is?"""
    small, large = (a, b) if abs(a.value or 0.0) < abs(b.value or 0.0) else (b, a)
    if not large.value:
        return False
    _, e = ctx.sentence(small.start)
    for p in ctx.numbers_in(small.end, e):
        if p.type == "percent" and p.value is not None:
            return abs(abs((small.value or 0.0) / large.value) * 100 - p.value) <= (p.half_step or 0.5) + 0.05
    return False


def _goal(ctx: Ctx, facts: Facts, m: Mention) -> bool:
    """A figure a goal names ("the goal of 381 ships", "a target of 3.5%", "the acquisition objective has grown to about
    41,000": a goal noun a few words before it, no figure or clause end between; linking words base_nouns)."""
    return facts.g.word_pattern("base_nouns").search(ctx.text, max(0, m.start - 25), m.start) is not None or \
        facts.g.regex(_GOAL_BEFORE).search(ctx.text, max(ctx.sentence(m.start)[0], m.start - 50), m.start) is not None


_GOAL_BEFORE = r"(?<![\p{L}])(?:@base_nouns)(?![\p{L}])[^.;:,\d]{0,40}$"


_NON_DIGIT = LazyPattern(r"\D")


def _written(ctx: Ctx, m: Mention) -> str:
    """The figure's numeral as written ("20,862")."""
    return ctx.text[m.num_start:m.num_end] if m.num_end > m.num_start else m.text


def _num(ctx: Ctx, m: Mention) -> str:
    return _NON_DIGIT.sub("", ctx.text[m.num_start:m.num_end] if m.num_end > m.num_start else m.text)


def _digits(m: Mention) -> str:
    """The significant digits of a figure's value ("2.4 billion" and "2.4 million" -> "24")."""
    v = abs(m.value or 0.0)
    if not v:
        return "0"
    s = f"{v:.6e}".split("e")[0].replace(".", "").rstrip("0")
    return s or "0"


def _significant(m: Mention) -> int:
    return len(_digits(m))


def _round2(v: float) -> float:
    if not v:
        return 0.0
    return float(f"{v:.1e}")


def _scale_apart(a: Mention, b: Mention) -> bool:
    x, y = abs(a.value or 0.0), abs(b.value or 0.0)
    if not x or not y:
        return False
    k = math.log10(max(x, y) / min(x, y))
    return abs(k - round(k)) < 1e-6 and round(k) in (3, 6)


_NUMBER_WORDS: dict[int, tuple[dict, frozenset[str]]] = {}


def _number_words(vocab: dict) -> frozenset[str]:
    """The vocabulary's number and multiplier words (built once per vocabulary)."""
    hit = _NUMBER_WORDS.get(id(vocab))
    if hit is None or hit[0] is not vocab:
        words = frozenset(str(w).lower() for key in ("number_words", "multiplier_words") for w in (vocab.get(key) or {}))
        hit = _NUMBER_WORDS[id(vocab)] = (vocab, words)
    return hit[1]


def _named_as_another(ctx: Ctx, pairs: Pairs, a: Mention, b: Mention) -> bool:
    """Do the words of ``a``'s own item name another figure of ``b``'s sentence more than ``b``? ("€4.3 billion for war
    weapons and €4.46 billion for other military equipment" against "War weapons accounted for €6.44 billion and other
    military equipment for €5.76 billion": €4.46 billion is named as the €5.76 billion is, not as the €6.44 billion)"""
    own = set(_item_words(ctx, a))
    if not own:
        return False
    mine = len(own & set(_item_words(ctx, b)))
    si = ctx.sent_index(b.start)
    # (not b's own earlier level, whose words are b's subject's: "the estimate rose from $1.1 trillion to $1.85 trillion")
    return any(len(own & set(_item_words(ctx, y))) > mine for y in ctx.sentence_numbers(si)
               if y is not b and y.type == b.type and y.unit == b.unit and y.value
               and not any(pr.new.start == b.start for pr in pairs.with_old(y))
               # (nor a part of b: "€86.49 billion this year, of which €62.43 billion ... and €24.06 billion ...")
               and not (y.start > b.end and _BREAKDOWN.search(ctx.text, b.end, y.start)))


def _item_words(ctx: Ctx, m: Mention) -> dict[str, bool]:
    """The words of a figure's own item: from the last comma, semicolon, colon, "and" or figure before it to the first
    after it, in its sentence (150 characters at most on each side)."""
    return _words_in(ctx, m, True)


def _shared_words(ctx: Ctx, a: Mention, b: Mention) -> tuple[set[str], float]:
    """The words the two figures' sentences share (within 150 characters of each), and their weight: a name
    (a capitalised word inside the sentence, not a currency code of an amount) or a measure word counts twice."""
    wa, wb = _words_in(ctx, a, False), _words_in(ctx, b, False)
    common = set(wa) & set(wb)
    # a measure word (exports, backlog, profit: rules/linking.yaml measures) names the quantity, as a name does
    stems = _measure_stems(ctx.vocab)
    return common, sum(2.0 if (wa[w] and wb[w]) or w in stems else 1.0 for w in common)


def _measure_stems(vocab: dict) -> frozenset[str]:
    """The first seven letters of every one-word measure term (as ``_words_in`` keys its words); a few hundred words,
    read again for each pair compared (a handful per document)."""
    terms = ((vocab.get("linking") or {}).get("measures") or {}).values()
    return frozenset(str(t).lower()[:7] for ws in terms for t in ws
                     if " " not in str(t) and len(str(t)) > 3 and str(t).lower() not in _STOP)


def _words_in(ctx: Ctx, m: Mention, item: bool) -> dict[str, bool]:
    """The words around ``m`` in its sentence (150 characters on each side; with ``item``, only its own item: from the
    last comma, semicolon, colon, "and" or figure before it to the first after it), each with whether it is a name."""
    numbers = _number_words(ctx.vocab)
    s, e = ctx.sentence(m.start)
    lo, hi = max(s, m.start - 150), min(e, m.end + 150)
    if item:
        near = [x for x in ctx.numbers_in(lo, hi) if x is not m and x.type != "date"]
        lo = max([lo, *(x.end() for x in _ITEM_CUT.finditer(ctx.text, lo, m.start)),
                  *(x.end for x in near if x.end <= m.start)])
        after = _ITEM_CUT.search(ctx.text, m.end, hi)
        hi = max(lo, min([hi, *([after.start()] if after else []), *(x.start for x in near if x.start >= m.end)]))
    out: dict[str, bool] = {}
    spans = [(x.start, x.end) for x in ctx.numbers_in(lo, hi) if x.type == "currency"]
    for w in _WORD.finditer(ctx.text, lo, hi):
        low = w.group().lower()
        if low in _STOP or any(part in numbers for part in low.split("-")):
            continue  # the figures' own number words ("two hundred forty-five (245)") name nothing
        # (a word of an amount of money, "NOK" of "NOK 16.9 billion", is no name: every figure in that currency has it)
        name = w.group()[0].isupper() and w.start() > s and not any(a <= w.start() < b for a, b in spans)
        out[low[:7]] = out.get(low[:7], False) or name
    return out
