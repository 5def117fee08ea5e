"""Rates per unit: ``per_unit`` ("€857 million for 1,059 vehicles, about €809,000 each", "roughly $82 million per
jet") — a stated rate against a total and a count of the text.

A trigger is a figure the `per_unit` grammar marks as a rate ("X each", "X per vehicle"). Candidates: totals in
the rate's currency or unit, larger than it, and counts, in its sentence and the two before (same paragraph).
Evidence: the count names the thing the rate is per ("per tank" and "44 tanks"), the total is tied to the count
("$X for N", "N ... worth $X", "an order of $X for N"), the figures share a sentence.
"""

from __future__ import annotations

import dataclasses

from ..extract import fastregex as regex
from ..extract.lazy import LazyPattern, rx
from ..model import Claim, Evidence, Mention, Relation
from .grammar import Match, matches
from .pairs import PERIOD_DAYS, Pairs, base_position, term_days, term_of
from .parts import _added_item
from .reading import Facts, doubt, hedge_window, is_amount, is_generic, known_noun, noun_class, share_whole
from .reading import per_thing as thing_per
from .scope import Ctx

# "a $548,856,000 firm-fixed-price contract for 1,320 vehicles": hyphenated words count as words
# "a $333,593,568 firm-fixed-price modification to exercise options for the production of 150 ...": up to six words
# before "for" (none that opens a clause); before "of", "worth" and the like at most three
_COMPARED_AFTER = LazyPattern(r"\s*,?\s*(?:(?:about|roughly|some|nearly|almost|around|just)\s+)?(?:[\p{L}\d.%-]+\s+){0,3}?"
                    r"(?:more|less|fewer|higher|lower|above|below|cheaper|dearer|costlier|than|compared\s+with|against|"
                    r"versus|up\s+from|down\s+from)\b"
                    # ... or a multiple of another thing's cost, its clause's subject between ("PLN 840 million a hull,
                    # the new ships cost almost twice as much as the first batch", "three times the price of", "double
                    # what the army paid")
                    r"|(?:\s+(?:an?|per|each|apiece)\b(?:\s+[\p{L}-]+)?)?\s*,\s*(?:[\p{L}-]+\s+){0,5}?(?:twice|double|triple|treble|(?:\d+|[\p{L}-]+)\s+times)\s+"
                    r"(?:as\s+[\p{L}-]+\s+as|what|the\s+(?:price|cost|value|sum|amount))\b"
                    # ... or a comparative "than" another thing's price, its clause's subject between ("At roughly $21.9
                    # million a pod, the new lot comes in about 8% cheaper per unit than the second lot, for which the
                    # Navy paid $498 million for 21 pods")
                    r"|(?:\s+(?:an?|per|each|apiece)\b(?:\s+[\p{L}-]+)?)?\s*,\s*(?:[\p{L}\d.%-]+\s+){0,8}?"
                    r"(?:cheaper|dearer|costlier|more|less|higher|lower)\s+(?:[\p{L}-]+\s+){0,3}?than\b", regex.I)
_TIED = LazyPattern(r"\s*,?\s*(?:\(\s*)?(?:(?:(?!(?:and|or|but|while|which|that|who)\b)[\p{L}\p{N}.'’-]+\s+){0,10}?"
                    r"(?:for|to\s+(?:buy|"
                    r"build|produce|acquire|procure|supply|deliver)|covering|covers|buys|bought|funds|funded|procures|procured|"
                    r"acquires|acquired|pays\s+for|paid\s+for)|(?:[\p{L}-]+\s+){0,3}?(?:worth|valued\s+at|"
                    r"at\s+a\s+cost\s+of|costing|of))\b", regex.I)
# "€3.75 billion, or about €178 million per aircraft", "a £4.2 billion deal, or £840 million per ship"
_ASIDE = LazyPattern(r",[^,;\d]{1,60},\s*")
_RESTATES = LazyPattern(r"(?:\s+(?!and\b|or\b)[\p{L}-]+){0,2}?\s*,?\s*(?:or|that\s+is|i\.e\.|equal\s+to|equivalent\s+to|which\s+is|\()\s*"
                        r"(?:(?:about|around|roughly|some|nearly|almost|just\s+over|just\s+under|approximately)\s+)?", regex.I)
_APPOSED = LazyPattern(r"\s*[,–—]\s*(?:(?:about|around|roughly|some|nearly|almost|approximately|just\s+over|just\s+under)\s+)?",
             regex.I)
# words that add an amount to others ("48 launchers at $10 million each plus $120 million of missiles"); before the rate
# without a bare "and", which may join clauses ("three ships for £3.7 billion, and a £4.2 billion deal")
_ADDING = r"(?:plus|as\s+well\s+as|along\s+with|together\s+with|besides|in\s+addition\s+to)"
_ADDED_TAIL = r"\s+(?:(?:a|an|the|another|further|some|about|around|nearly|almost)\s+)*$"
_ADDED = LazyPattern(r"\b(?:and|" + _ADDING + ")" + _ADDED_TAIL, regex.I)
_ADDED_TO = LazyPattern(r"\b" + _ADDING + _ADDED_TAIL, regex.I)
_EARNINGS = LazyPattern(r"\b(?:earnings|eps|dividends?|profit|income|book\s+value)\b", regex.I)
_TIME_NOUNS = frozenset({"year", "month", "week", "day", "hour", "annum", "quarter", "minute", "second"})


_BRACKETED = LazyPattern(r"\([^()]*\)")
_PLURAL_WORD = LazyPattern(r"(?<![\p{L}-])([\p{L}-]{3,}s)\b(?!\s+(?:and|out|about|around|roughly|nearly|some|to|up)\b)", regex.I)

def find(ctx: Ctx, facts: Facts, pairs: Pairs) -> None:
    g = facts.g
    for si in range(len(ctx.sents)):
        if not ctx.sentence_numbers(si):
            continue
        for mt in sorted(matches(g, "per_unit", facts.abstract(si)), key=lambda m: -m.template.weight):
            _rate(ctx, facts, pairs, mt)
        for mt in matches(g, "per_period", facts.abstract(si)):
            _per_year(ctx, facts, mt)


def _rate(ctx: Ctx, facts: Facts, pairs: Pairs, mt: Match) -> None:
    r = mt.slots.get("rate")
    if r is None or not is_amount(r) or ctx.is_stated(r) or r.type in ("percent",) or facts.rate_of(r) == "exchange":
        return  # "0.655 US dollars per Australian dollar": an exchange rate, no price of a thing
    if _REMAINDER_SPLIT_RATE.search(ctx.text, max(ctx.sentence(r.start)[0], r.start - 80), r.start):
        return  # "with the rest in two instalments of £15m each": each part of a remainder the text does not give
    # "With nine delivered to date — seven to Brazil and one each to Portugal and Hungary — the backlog stands at 32
    # aircraft": a count each in a breakdown set off by dashes is no rate of a total after the aside (but "24 jets — 12
    # each for the two squadrons —" is of the total before it)
    aside_end = _dash_aside_end(ctx, r) if r.type == "count" else None
    noun = None
    modifier = None
    if mt.template.id == "each-at":  # "each Halberd costs Poland roughly €2.4 million"
        before = regex.search(r"\b(?:each|every|per)\s+([\p{L}][\p{L}-]+)", ctx.text[mt.start:r.start], regex.I)
        noun = before.group(1).lower() if before else None
    elif "noun" in mt.template.pattern.groupindex:
        after = regex.match(r"\s*(?:per|a|for\s+each|for\s+every)\s+([\p{L}][\p{L}-]+)(?:\s+([\p{L}][\p{L}-]+))?",
                            ctx.text[r.end:r.end + 40], regex.I)
        noun = after.group(1).lower() if after else None
        if after is not None and after.group(2) and known_noun(ctx.vocab, after.group(2)) and \
                not known_noun(ctx.vocab, after.group(1)) and not _PER_ADDED.match(after.group(1)):
            # "€19.4 million per firm helicopter": a modifier, then the thing; counts that carry the modifier ("62 firm
            # aircraft plus 20 options") are the ones the rate divides by (a thing added - "per extra boat" - is the
            # added-count reading's)
            modifier, noun = after.group(1).lower(), after.group(2).lower()
    skip = set(facts.g.words("per_unit_skip")) | _TIME_NOUNS
    if noun and noun.rstrip("s") == "share" and not _EARNINGS.search(ctx.text[max(0, r.start - 60):r.start]) \
            and facts.measure_id(r) is None:
        # "2.1 million shares for $1.15 billion, an average of $548 per share": a buy-back; not "Free cash flow was $100
        # million, or $1.94 per share": a figure of a measure per share is that measure over all the shares
        skip.discard("share")
    if noun and (noun in skip or noun.rstrip("s") in skip):
        return  # "300 aircraft a year", "$3.45 earnings per share": a rate over time or per share, not a price
    guessed = noun is None
    if noun is None:  # "the launchers - about £8.5 million each": each of the things named before the rate
        s0, _ = ctx.sentence(r.start)
        # "120,000 interceptors over the next twelve months - about $2,000 each": a span of time is not the thing
        # a verb in -s before its complement ("works out at", "costs about", "comes to") is not the thing; words are
        # read whole, not from where the window cuts them ("...ters" of "helicopters")
        # ... nor a word in a bracket ("six Ship-to-Shore Connector craft (hulls 1116 through 1121), about $36
        # million each")
        lo = max(s0, r.start - 80)
        shut = [(b.start(), b.end()) for b in _BRACKETED.finditer(ctx.text, lo, r.start)]
        plural = [m.group(1) for m in _PLURAL_WORD.finditer(ctx.text, lo, r.start)
                  if m.group(1).lower()[:-1] not in _TIME_NOUNS and not any(a <= m.start() < b for a, b in shut)]
        noun = plural[-1].lower() if plural else None
        # "The three Batch-II boats are being built under contracts worth a total of ₩3.4 trillion, or roughly ₩1.3
        # trillion apiece": of the plural words before the rate, the one a count of the sentence counts
        counted = [x for x in ctx.numbers_in(s0, r.start) if x.type == "count" and x.unit and not x.inferred
                   and not facts.g.word_pattern("deal_nouns").fullmatch((x.unit or "").rstrip("s"))]
        if counted and noun is not None and facts.g.word_pattern("deal_nouns").fullmatch(noun.rstrip("s")) and \
                not any(_noun_match(ctx, noun, x) == "same" for x in counted):
            noun = (counted[-1].noun or counted[-1].unit or "").lower() or noun  # (the deals' things, counted)
        if noun in ("its", "this", "was", "has", "is", "as") or is_generic(ctx.vocab, noun):
            noun = None  # "eight F-35B short take-off models, for ..., about 11.1 billion yen each": not the thing
    if mt.template.id == "batches-of" and regex.match(r"\s*(?:,|and\b|or\b)\s*(?:\p{L}+\s+){0,2}[\p{Sc}\d]",
                                                     ctx.text[r.end:r.end + 30], regex.I):
        return  # "two tranches of €1.6 billion and €1.2 billion": a list of the tranches, no rate
    if (r.type in ("count", "number") and mt.template.id == "each") or mt.template.id == "batches-of":
        dist = _distributive(ctx, facts, r, mt)
        if dist:  # "24 Typhoons, 12 each from Qatar and Oman": the total over the recipients named
            dist.sort(key=lambda x: -x.score)
            ctx.add(Claim("per_unit", (r.start, r.end), r, readings=tuple(dist[:4])))
            return
        if mt.template.id == "batches-of" or _RECIPIENTS.match(ctx.text, r.end, ctx.sentence(r.start)[1]):
            # "9 each for Cyprus and Malta" with no total of them: a count per recipient is read over its
            # recipients only
            return
    elif mt.template.id == "each" and (_RECIPIENTS.match(ctx.text, r.end, ctx.sentence(r.start)[1])
                                       or _EACH_FOR_TWO.match(ctx.text, r.end, ctx.sentence(r.start)[1])):
        # "$50 million each for long-endurance uncrewed surface vessels and for countering small drones": an amount for
        # each of the items named after it, not a total divided by a count given elsewhere
        return
    # the template says the figure is a rate; which total and count it divides is what the evidence below says
    ev0 = Evidence("per_unit:" + mt.template.id, f"'{_quote(ctx, mt.start, mt.end)}'", 0.5, False)
    window = [x for x in ctx.window(r, before=3, same_para=False) if is_amount(x) and x is not r]
    # "Each new frigate costs about 12.8 billion pesos, roughly a third more than the two ships bought for 16 billion":
    # what follows a comparison after the rate is its base, another thing's figures
    compared = _COMPARED_AFTER.match(ctx.text, r.end, min(len(ctx.text), r.end + 100)) is not None
    if compared:
        window = [x for x in window if x.start < r.start or ctx.sent_index(x.start) != ctx.sent_index(r.start)]
    else:
        window += [x for x in ctx.numbers_in(r.end, ctx.sentence(r.start)[1]) if is_amount(x)]
    near = {x.start for x in window}
    if noun:  # "... about 540 hours per helicopter": the helicopters may be counted in the headline or the lead
        # (not, after a comparison, the base's own count: "..., 25% dearer than the first, which bought 20 jets")
        found = [x for x in ctx.counts_of(noun, r.start, limit=8) if x not in window and not (
            compared and x.start > r.end and ctx.sent_index(x.start) == ctx.sent_index(r.start))][-3:]
        # ... and the amount tied to them there ("156 Light Combat Helicopters ... at a total cost of Rs 62,700
        # crore", three paragraphs before "roughly Rs 402 crore per helicopter")
        tied = [y for c in found for y in ctx.sentence_numbers(ctx.sent_index(c.start))
                if is_amount(y) and y.type == r.type and y.unit == r.unit and y.start not in near
                and not (compared and y.start > r.end and ctx.sent_index(y.start) == ctx.sent_index(r.start))]
        window = found + tied + window
    window = list({x.start: x for x in window}.values())
    # "48 launchers at $10 million each plus $120 million of missiles", "22 robots as well as €3.1 million for training":
    # a figure added to others is a further item, not the total
    totals = [x for x in window if x.type == r.type and x.unit == r.unit and abs(x.value or 0) > abs(r.value or 0)
              and facts.rate_of(x) is None
              and not (_ADDED if r.end <= x.start else _ADDED_TO).search(ctx.text, max(ctx.sentence(x.start)[0],
                                                                                     x.start - 30), x.start)
              # (nor the whole of a share: "£1,050 for every person ..., and about 5.2% of total managed expenditure of
              # £1,415 billion")
              and not share_whole(ctx, x)]
    counts = [x for x in window if x.type in ("count", "number") and x.value and x.value >= 2 and x.value == int(x.value)
              and not x.role and (x.start not in pairs.deltas or _added_item(ctx, x))  # "for two more of the"
              # (nor a rate itself: "an average of about 221 passengers per flight" counts no passengers carried; "14
              # satellites each" for each of a list's buyers does count them)
              and not (facts.rate_of(x) == "unit" and thing_per(ctx.text, x.end) is not None)]
    per_unit_name = None if guessed else _unit_per(ctx, r.end)
    if per_unit_name is not None:
        # "carried 9,100 tonnes at a cost of $0.9 million, about $99 per tonne", "$3 million for 150 flight hours, or
        # $20,000 per flight hour": a rate per a unit divides by the quantity measured in it, never by a count of things
        # ("Flight hours: 10,940": a figure the unit's own words label)
        counts = [x for x in window if (x.type == "quantity" and x.unit == per_unit_name or x.type in ("count", "number")
                                        and _unit_labels(ctx, x, per_unit_name)) and x.value and not x.role
                  and x.value_high is None and facts.rate_of(x) is None
                  and (x.start not in pairs.deltas or _added_item(ctx, x))]
    readings: list[Relation] = []
    # counts of the rate's thing in the window that disagree (364, 212, 152 and 672 guns): which one a total of
    # another sentence is for, only a tie says
    per_thing = [x for x in counts if noun and x.type == "count" and x.unit and _noun_match(ctx, noun, x) in ("same", "class")]
    ambiguous = {x.start for x in per_thing} if len({x.value for x in per_thing}) > 1 else set()
    s_r, _ = ctx.sentence(r.start)
    designator = _designator(facts)
    named_lots = {m.group(0).lower() for m in designator.finditer(ctx.text, s_r, r.start)}
    # a capitalised name right before the rate's noun ("the NRO launches average $98 million apiece"): its group
    gm = regex.search(r"(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}-]*)\s+" + regex.escape(noun) + r"\b[^.;]*$",
                      ctx.text[s_r:r.start]) if noun else None
    group = gm.group(1) if gm is not None and gm.start() > 0 else None
    new_deal = facts.g.regex(_NEW_DEAL).search(ctx.text, s_r, r.start)
    # the deal the rate's own sentence names with a determiner ("across the programme budget", "the contract works
    # out at"): linking words deal_nouns
    deals_named = _deal_words(ctx, facts, s_r, ctx.sentence(r.start)[1], determined=True)
    for t in totals:
        # "two frigates at £500 million each and a tanker for £300 million, £1.3 billion in all": another amount of
        # the total's kind listed between the rate and the total is more of what the total covers; so is one between a
        # total and the rate after it ("worth €14.2 million, covers 22 robots as well as €3.1 million for training,
        # meaning each robot costs about half a million euros": an amount added to what the total buys)
        lo, hi = (r.end, t.start) if r.end <= t.start else (t.end, r.start)
        more = [y for y in ctx.numbers_in(lo, hi) if y.type == t.type and y.unit == t.unit and is_amount(y)
                and facts.rate_of(y) is None and (r.end <= t.start or _ADDED_TO.search(ctx.text, max(lo, y.start - 30),
                                                                                      y.start))]\
            if ctx.sent_index(t.start) == ctx.sent_index(r.start) else []
        if more and t.end <= r.start and any(y.type == t.type and y.unit == t.unit and abs(y.value or 0) > abs(t.value or 0)
                                             for y in ctx.numbers_in(t.end, r.start)):
            more = []  # (not when the text adds them up itself: "£31 billion plus a £10 billion contingency, £41 billion in
            # all, or some £7.75 billion a boat before contingency")
        if more:
            continue
        for c in counts:
            if c.start == t.start:
                continue
            if any(pr.new.start == t.start for pr in pairs.with_old(c)) or \
                    any(pr.old.start == t.start for pr in pairs.at_new(c)) or \
                    facts.g.regex(_NAMED_BASE_BEFORE).search(ctx.text, max(0, c.start - 60), c.start):
                continue  # "flew 9,200 hours against a target of 10,400, ..., about 128 hours per aircraft": a level
                # compared with the total (or a target, a budget it is measured by) is no count it is shared over
            if r.type == "count" and c.type == "count" and r.unit and c.unit and \
                    noun_class(ctx.vocab, r.unit) == noun_class(ctx.vocab, c.unit):
                continue  # "16 submarines: six ..., two each for Chile and Malaysia": boats per boat is no rate
            ev = [ev0]
            kind = _noun_match(ctx, noun, c) if noun and c.type == "count" and c.unit and not c.inferred else None
            if per_unit_name is not None:
                kind = "same"  # (a quantity in the very unit the rate is per)
            if modifier and c.type == "count" and c.unit and c.unit.lower().rstrip("s") == modifier.rstrip("s"):
                kind = "same"  # "nine options" for "roughly $532m for each option ship": the modifier is what they count
            if kind is None and noun and c.type == "count" and c.unit and not c.inferred and \
                    any(facts.g.word_pattern(w).fullmatch(c.unit.rstrip("s")) for w in ("deal_nouns", "grouping_nouns")):
                continue  # "the two contracts are worth £7.9 billion, or just under £1 billion a ship": deals, not ships
            if kind == "same":  # "per tank" and "105 tanks"
                ev.append(Evidence("per-noun", f"'per {noun}' and {c.text}", 2.5, True))
            elif kind == "class":  # "per tank" and "30 vehicles": may count other things of the class too
                ev.append(Evidence("per-class", f"'per {noun}' and {c.text}, things of one class", 1.5))
            elif kind == "other":
                ev.append(Evidence("other-noun", f"'per {noun}' but {c.text}", -3.0))
            elif noun and r.type == "count":
                ev.append(Evidence("unnamed-count", f"{c.text} does not say it counts {noun}", -1.0))
            elif kind is None and noun and c.type == "count" and c.unit and not c.inferred and \
                    regex.fullmatch(r"[a-z-]+", c.noun or c.unit or "") and \
                    ctx.sent_index(c.start) == ctx.sent_index(r.start) and \
                    any(c2 is not c and c2.type == "count" and c2.unit and _noun_match(ctx, noun, c2) in ("same", "class")
                        and ctx.sent_index(c2.start) == ctx.sent_index(r.start) for c2 in counts):
                # "60 CH-47F Chinooks with 140 T55-GA-714A engines ..., about $124 million per airframe": a common noun
                # the rate's noun does not name, beside a count that it does, counts other things
                ev.append(Evidence("other-noun", f"'per {noun}' names {c.text} less than another count", -1.0))
            if _tied(ctx, facts, t, c):
                ev.append(Evidence("tied", f"{t.text} for {c.text}", 2.5, True))
            if modifier and regex.search(r"(?<![\p{L}])" + regex.escape(modifier) + r"(?![\p{L}])", c.text, regex.I):
                ev.append(Evidence("same-modifier", f"'per {modifier} {noun}' and {c.text}", 2.0, True))
            if t.end <= c.start and _added_item(ctx, c) and ctx.sent_index(t.start) == ctx.sent_index(c.start):
                # "$745.9 million for the lead ship, with options for two more": things added after an amount are
                # not what it paid for
                ev.append(Evidence("added-after", f"{c.text} are added to what {t.text} is for", -3.0))
            if new_deal and facts.g.regex(_FIRST_DEAL).search(ctx.text, max(ctx.sentence(t.start)[0], t.start - 160),
                                               min(ctx.sentence(t.start)[1], t.end + 40)):
                # "The new deal works out at $17.1 million per gun" against "the 212 guns ordered in the first
                # contract, worth $2.4 billion": the rate is of the new deal, the total of the first
                ev.append(Evidence("other-deal", f"'{new_deal.group(0)}' against the first deal of {t.text}", -3.0))
            taken = _taken_up(ctx, facts, t, c)
            if taken:
                ev.append(Evidence("tied", taken, 2.5, True))
            if _RESTATES.fullmatch(ctx.text, t.end, r.start):  # "valued at €3.75 billion, or about €178 million per
                ev.append(Evidence("rate-of-total", f"{r.text} restates {t.text} per unit", 1.5, True))  # aircraft"
            if _compared_base(ctx, c) and any(c2 is not c and not _compared_base(ctx, c2) and
                                             ctx.sent_index(c2.start) == ctx.sent_index(c.start) for c2 in counts):
                continue  # "18 F-15EX Eagle IIs, a quarter fewer than the 24 previously planned, for $2.2 billion, about
                # $122 million each": the base of a comparison is not what is bought, when the count compared is given
            role = _count_role(ctx, c)
            if role == "total":
                ev.append(Evidence("count-total", f"{c.text} is a total the text gives", 1.5))
            elif role == "part":
                ev.append(Evidence("count-part", f"{c.text} is one part of a total the text gives", -1.5))
            if _other_clause(ctx, r, t) or _other_clause(ctx, r, c):
                # "three ships for £3.7 billion; the remaining five ... a £4.2 billion deal, or £840 million per
                # ship": a rate divides the figures of its own clause
                ev.append(Evidence("other-clause", "across a semicolon from the rate", -3.0))
            if group and not regex.search(r"(?<![\p{L}\p{N}])" + regex.escape(group) + r"(?![\p{L}\p{N}])",
                                          ctx.text[max(ctx.sentence(c.start)[0], c.start - 80):
                                                   min(ctx.sentence(c.start)[1], c.end + 80)]):
                # "while the NRO launches average $98 million apiece" against "nine launches": the rate is of the
                # things its name picks out, a group the count does not name
                ev.append(Evidence("other-group", f"'{group} {noun}' is a group {c.text} does not name", -2.0))
            if named_lots:  # "the average unit price for Lot 18": the figures said of Lot 18, not of Lot 19
                for x in (t, c):
                    near_lots = {m.group(0).lower() for m in designator.finditer(_around(ctx, x))}
                    if near_lots & named_lots:
                        ev.append(Evidence("same-lot", f"{x.text} is said of {'/'.join(sorted(near_lots & named_lots))}",
                                           1.5))
                    elif near_lots:
                        ev.append(Evidence("other-lot", f"{x.text} is said of {'/'.join(sorted(near_lots))}", -2.5))
            if ctx.sent_index(c.start) != ctx.sent_index(r.start) and (yc := _years(ctx, c)) and \
                    (yr := _years(ctx, r)) and not yc & yr:
                # "In 1990 the Bundeswehr had about 495,000 soldiers" and "The 2024 budget ... about €396,000 per
                # soldier": a count of a year the rate's sentence does not speak of is of another time
                ev.append(Evidence("other-year", f"{c.text} is of {'/'.join(map(str, sorted(yc)))}, the rate of "
                                                 f"{'/'.join(map(str, sorted(yr)))}", -3.0))
            si = {ctx.sent_index(x.start) for x in (r, t, c)}
            if len(si) == 1:
                ev.append(Evidence("same-sentence", "in one sentence", 1.0))
            else:
                ev.append(Evidence("distance", f"over {len(si)} sentences", -0.5 * (len(si) - 1)))
            if kind != "same" and any(ctx.para_index(x.start) != ctx.para_index(r.start) for x in (t, c)):
                # "$3 million per boat" and "1,058 vehicles" three paragraphs up: another paragraph's figures are
                # the rate's only when they count the very thing it is per
                ev.append(Evidence("other-paragraph", "the figures are in another paragraph", -2.0))
            far = t.start not in near  # a total found only beside a count far off may be another deal's
            if far:
                ev.append(Evidence("far-total", f"{t.text} found beside {c.text}, away from the rate", -2.0))
            if aside_end is not None and t.start >= aside_end:
                continue
            reading = Relation("per_unit", (t, c), tuple(ev))
            # the count may hold other things of the class, a total no grammar ties to the count or the rate ("48
            # launchers at $10 million each plus $120 million of missiles") or one found far off may be of other
            # things: the link is only doubted
            if deals_named:
                near_deals = _deal_words(ctx, facts, max(ctx.sentence(t.start)[0], t.start - 60),
                                         min(ctx.sentence(t.start)[1], t.end + 40))
                if near_deals and not near_deals & deals_named:
                    # "at roughly A$54 million per vehicle across the programme budget" against "45 vehicles in a
                    # contract worth about A$1 billion": the rate names another deal than the total's
                    ev.append(Evidence("other-deal", f"the rate is of the {'/'.join(sorted(deals_named))}, {t.text} "
                                                     f"of a {'/'.join(sorted(near_deals))}", -2.0))
            untied = not any(e.cue in ("tied", "rate-of-total") for e in ev) or \
                any(e.cue in ("other-clause", "other-year", "other-group", "other-deal") for e in ev)
            # a count in another sentence than the total is the total's only when something ties the two ("The
            # framework covers 672 guns. The second contract was worth $2.6 billion, or $17 million per gun": no)
            untied = untied or (ctx.sent_index(c.start) != ctx.sent_index(t.start)
                                and not any(e.cue == "tied" for e in ev) and c.start in ambiguous)
            # ... unless the count of the class is tied to the total in the rate's own sentence with nothing between
            # that makes the rate another's ("18 more aircraft valued at ₩1.9 trillion, which would price each jet
            # at"; not "145,000 rounds ..., compared with roughly $2,000 per shell before the war", "30 vehicles,
            # including tanks at": linking words other_rate_words)
            loose = kind == "class" and (untied or len(si) > 1 or facts.g.word_pattern("other_rate_words").search(
                ctx.text, min(c.end, t.end), r.start) is not None)
            # "7,800 interceptors ..., costing $723 billion" and, a sentence later, "an average cost of $22 million per
            # interceptor satellite": a rate said in a sentence of its own, whose words do not point back at the
            # total and the count, may be another measure (a unit cost against a programme's cost that also pays
            # for launches, spares or replacements): doubted, never accused
            loose = loose or (ctx.sent_index(r.start) not in (ctx.sent_index(t.start), ctx.sent_index(c.start))
                              and not _points_back(ctx, r, c))
            readings.append(doubt(reading) if loose or untied or far else reading)
            more = _ONE_MORE_ITEM.match(ctx.text, c.end, min(len(ctx.text), max(r.start, t.start)))
            if more is not None and c.value and not ctx.numbers_in(c.end, more.end()):
                # "three San Antonio-class docks and the amphibious assault ship LHA 10, ... $2.4 billion per ship": an
                # item named after the count with an article adds one more thing the rate may be per (a reading that
                # can make the figure hold, never fail)
                plus = dataclasses.replace(c, value=(c.value or 0.0) + 1, half_step=0.0)
                readings.append(Relation("per_unit", (t, plus), tuple(ev) + (Evidence(
                    "each-of", f"each of {c.text} and {more.group('item').strip()}", 0.0),), alternative=True))
            share = _fraction_of(ctx, c)
            if share is not None and c.value:
                # "worth an estimated $1.82 billion, amounts to half of the 16 approved aircraft and about $228 million
                # per jet": the total buys the fraction of the count its words name (a reading that can make it hold)
                word, f = share
                some = dataclasses.replace(c, value=(c.value or 0.0) * f, half_step=0.0, inferred=True,
                                           text=f"{word} of {c.text}", num_start=-1, num_end=-1)
                readings.append(Relation("per_unit", (t, some), tuple(ev) + (Evidence(
                    "fraction-of", f"'{word} of {c.text}'", 0.0),), alternative=True))
    # "Serbia signed for 12 aircraft in a contract worth €2.7 billion, about €325 million per aircraft" after "the
    # record €27 billion of 2022, ... the order for 80 Rafale": a rate whose own sentence ties its total to its count
    # is of that deal; another sentence's total and count are another deal's, no reading that could make it hold
    own_si = ctx.sent_index(r.start)
    if any(any(e.cue == "tied" and e.explicit for e in rd.evidence) and
           all(ctx.sent_index(o.start) == own_si and o.end <= r.start for o in rd.operands) for rd in readings):
        readings = [rd if all(ctx.sent_index(o.start) == own_si for o in rd.operands) else
                    dataclasses.replace(rd, evidence=rd.evidence + (Evidence(
                        "other-deal", "the rate's own sentence ties its total to its count", -4.0),))
                    for rd in readings]
    # "$745.9 million for the lead ship, with options for two more that could raise the total to $1.9 billion -
    # implying roughly $577 million for each follow-on cutter": a count of things added between the amount before
    # them and the total they bring it to may be what the rate is per - the rise in the total for each (a reading
    # that can make the figure hold, never fail)
    for c in counts:
        if not _added_item(ctx, c):
            continue
        s0, s1 = ctx.sentence(c.start)
        before = [t for t in totals if s0 <= t.start and t.end <= c.start]
        after = [t for t in totals if c.end <= t.start < s1]
        if before and after and (after[0].value or 0.0) > (before[-1].value or 0.0):
            # ... and is, when the rate's own words are per thing added ("for each follow-on cutter", "per additional
            # jet"); otherwise it only keeps the figure from being called wrong
            named = _PER_ADDED.match(ctx.text, r.end) is not None
            readings.append(Relation("added_per_unit", (after[0], before[-1], c), (ev0, Evidence(
                "added-count", f"{c.text} more take {before[-1].text} to {after[0].text}", 3.5 if named else 0.0,
                named)), alternative=not named))
    if r.type == "count":  # "18 guns each": a count per thing is checked only with the thing it is per
        # "... 23 owners covering the 46 projects, two each": the noun before "each" may be the things counted
        # (the total's), each of the other figure's things having that many of them: that reading is kept, doubted
        swapped = [doubt(x, Evidence("counts-noun", f"'{noun}' is what {x.operands[0].text} counts", 1.5))
                   for x in readings if noun and x.operands[0].type == "count" and x.operands[0].unit
                   and _noun_match(ctx, noun, x.operands[0]) == "same"]
        readings = [x for x in readings if any(e.cue in ("per-noun", "per-class") for e in x.evidence)] + swapped
    if not readings:
        ctx.skip("per_unit", r, "no total and count found for this rate")
        return
    # "The F-15EX buy is funded at $2.1 billion, about $117 million per aircraft": a total the rate restates in its own
    # sentence is the rate's; a total of another sentence may only be another buy's
    own = {t.start for t in totals if ctx.sent_index(t.start) == ctx.sent_index(r.start)
           and (_RESTATES.fullmatch(ctx.text, t.end, r.start) or _APPOSED.fullmatch(ctx.text, t.end, r.start))}
    if own:
        readings = [x if x.operands and x.operands[0].start in own else doubt(x) for x in readings]
    # "... 180 tanks for $3.37 billion, or about $18.7 million per vehicle. The new agreement works out at about $36.1
    # million per tank": a total of another sentence that has its own rate there is that rate's, only doubtfully this one's
    si_r = ctx.sent_index(r.start)

    def rated(t: Mention) -> bool:
        st = ctx.sent_index(t.start)
        return st != si_r and any(y is not r and y.type == r.type and y.unit == r.unit and facts.rate_of(y) == "unit"
                                  for y in ctx.sentence_numbers(st))
    readings = [doubt(x) if x.operands and rated(x.operands[0]) else x for x in readings]
    # "20 aircraft for €2.04 billion, roughly €102 million apiece, and 25 more for €4.2 billion, or €186 million
    # apiece": in one sentence, a total nearer to another rate than to this one is that rate's
    others = [y for y in ctx.sentence_numbers(si_r) if y is not r and y.type == r.type and y.unit == r.unit
              and facts.rate_of(y) == "unit"]

    def nearer_other(t: Mention) -> bool:
        return ctx.sent_index(t.start) == si_r and any(abs(y.start - t.end) < abs(r.start - t.end) for y in others)
    if others:
        readings = [doubt(x) if x.operands and nearer_other(x.operands[0]) else x for x in readings]

        def gives_other(x: Relation) -> bool:
            """Does the reading's total over its count come to another rate of the sentence ("the new tanks cost about
            $36 million apiece, close to double the roughly $18.7 million per tank paid in 2022" with "$3.37 billion"
            and "180 K2GF tanks" the sentence before): then they are that rate's"""
            if x.formula != "per_unit" or len(x.operands) != 2 or not x.operands[1].value:
                return False
            v = (x.operands[0].value or 0.0) / x.operands[1].value
            return any(y.value and abs(v - y.value) <= 0.01 * abs(y.value) for y in others)
        readings = [doubt(x) if gives_other(x) else x for x in readings]
    # "The budget attached to those six is about A$27bn, so each ship now costs roughly A$4.5bn": with a total of its
    # own sentence, a total of another paragraph is only doubtfully the rate's
    if any(ctx.sent_index(t.start) == ctx.sent_index(r.start) for t in totals):
        para = ctx.para_index(r.start)
        readings = [doubt(x) if x.operands and ctx.para_index(x.operands[0].start) != para else x for x in readings]
    if base_position(ctx, r):
        # "each aircraft at about $58 million, more than Malaysia's roughly $51 million per jet": the base of a
        # comparison is another's rate; the figures found for it by position are only doubtfully its own
        readings = [doubt(x) if any(e.cue == "tied" for e in x.evidence) else x for x in readings]
    if guessed:
        # "Twelve Rafale jets were bought under two contracts worth €2.4 billion in all, about €200 million each": the
        # thing "each" is of was guessed from the words before it; a count of another thing may be it, a reading that
        # can make the figure hold (never fail)
        readings += [dataclasses.replace(x, evidence=tuple(e for e in x.evidence if e.cue != "other-noun") + (Evidence(
            "each-of", f"each of {x.operands[-1].text}", 0.0),), alternative=True)
            for x in readings if x.operands and any(e.cue == "other-noun" for e in x.evidence)]
    # "56 engines for the 25 aircraft: two engines for each aircraft plus six spares": more of the total's things named
    # right after the rate are part of the total, not of the rate: the rate is of what is left
    extra = _extra_after(ctx, mt.end if mt.end > r.end else r.end, r)
    if extra is not None:
        readings = [dataclasses.replace(x, operands=(dataclasses.replace(
                        x.operands[0], value=(x.operands[0].value or 0.0) - (extra.value or 0.0),
                        text=f"({_numeral(ctx, x.operands[0])} − {_numeral(ctx, extra)})", num_start=-1, num_end=-1),
                        *x.operands[1:]),
                                        evidence=x.evidence + (Evidence("plus-extra", f"less {extra.text} named after "
                                                                        "the rate", 0.0),))
                    if x.operands and x.operands[0].type == "count" and (x.operands[0].value or 0.0) > (extra.value or 0.0)
                    else x for x in readings]
    own_group = _ordinal_group(ctx, facts, r, after=True)
    if own_group is not None:
        # "about £840m per ship for the second batch, against ... the first three": a rate of one batch (an ordinal and
        # a grouping noun) is not read from the total or count the text gives for another
        readings = [x for x in readings if all(_ordinal_group(ctx, facts, o) in (None, own_group) for o in x.operands)]
    period = _PER_PERIOD_AFTER.match(ctx.text, r.end, min(len(ctx.text), r.end + 50)) if noun and not guessed else None
    if period is not None and period.group(1).lower() not in _TIME_NOUNS:
        # "A$254 million over four years, which works out at roughly A$127,000 per position per year": a rate per thing
        # per period is the total over the term it is spread over, divided by the things and the periods; with no
        # term given, a reading per thing alone is only doubted
        per = period.group(2).lower().replace("annum", "year")
        readings = [_per_period_reading(ctx, x, per) for x in readings]
    tied_deals = {(x.operands[0].start, x.operands[1].start) for x in readings if len(x.operands) == 2
                  and any(e.cue == "tied" for e in x.evidence)}
    if len(tied_deals) >= 2 and len({a for a, _ in tied_deals}) >= 2 and \
            _AVERAGE_BEFORE.search(ctx.text, max(ctx.sentence(r.start)[0], r.start - 60), r.start):
        # "six satellites under a contract valued at €790 million, and ... another six for €680 million ... The average
        # cost therefore comes to about €122.5 million per satellite": an average over deals the text ties each to its
        # own count is not one deal's price; any of them is a reading, none sure
        readings = [doubt(x) for x in readings]
    if readings and (_AVERAGE_BEFORE.search(ctx.text, max(ctx.sentence(r.start)[0], r.start - 60), r.start)
                     or _ON_AVERAGE_AFTER.match(ctx.text, r.end)):
        readings = _average_over_list(ctx, readings)
    # "a framework agreement ... for up to 20,000 radios, with a first firm call-off worth €365 million": a count given
    # as a ceiling is the most that may be bought, not what the total pays for; a reading with it is doubted
    readings = [doubt(x, Evidence("ceiling-count", f"'{c.hedge} {c.text}' is a ceiling", 0.0))
                if len(x.operands) == 2 and (c := x.operands[1]).hedge and hedge_window(ctx.vocab, c.hedge) == "at_most"
                and not x.alternative and hedge_window(ctx.vocab, x.operands[0].hedge) != "at_most" else x
                for x in readings]  # (not "worth up to $7.2 billion for up to 22 satellites": the ceiling pays for the ceiling)
    readings.sort(key=lambda x: (-x.score, not x.explicit))  # (among equals, the one not doubted first)
    # the five best, and any other the grammar ties outright ("£4.2 billion for five", doubted or not): a reading
    # that may hold is not cut off by readings that only score higher (at most eight in all)
    kept = readings[:5] + [x for x in readings[5:] if any(e.cue == "tied" for e in x.evidence) and x.score >= 2.0][:3]
    derived = _derived_total(ctx, facts, r, kept[0]) if kept else None
    if derived is not None:
        # "4,150 sessions at an average cost of £96 a session, about £389,000 in all", "36 trucks at €410,000 apiece,
        # or €16.4 million in total": the total comes after the count and the rate, called a total: it is the figure
        # worked out (count times rate), the one to check
        t, c = kept[0].operands
        # (explicit when the count is bought "at" the rate: "36 trucks at €410,000 apiece")
        at = _AT_RATE.fullmatch(ctx.text, c.end, r.start) is not None
        ctx.add(Claim("per_unit", (t.start, t.end), t, readings=(Relation("product", (c, r), kept[0].evidence + (
            Evidence("derived-total", f"{t.text} follows {c.text} at {r.text}, called a total", 1.0 if at else 0.0,
                     at),)),)))
        return
    ctx.add(Claim("per_unit", (r.start, r.end), r, readings=tuple(kept)))


def _derived_total(ctx: Ctx, facts: Facts, r: Mention, best: Relation) -> Mention | None:
    """The total of the best reading when the text works it out from the rate: after the rate and its count in one
    sentence, set off as a total ("..., or €16.4 million in total", "a total of $5.4 million", "about £389,000 in
    all"; linking words total_cues), not yet claimed."""
    if best.formula != "per_unit" or len(best.operands) != 2 or best.alternative:
        return None
    t, c = best.operands
    if r.hedge and hedge_window(ctx.vocab, r.hedge) not in ("band", "exact"):
        return None  # "eight boats at more than $90 million each, $560 million in all": a floor, the total is given
    if t.num_start < 0 or c.num_start < 0 or not (c.end <= r.start < t.start) or ctx.is_stated(t) or \
            ctx.sent_index(t.start) != ctx.sent_index(c.start):
        return None
    between = ctx.text[r.end:t.start]
    if regex.search(r"[;:]|\d", between) or len(between) > 60:
        return None
    return t if facts.g.regex(_TOTAL_BEFORE).search(between) or facts.g.regex(_TOTAL_AFTER).match(ctx.text, t.end) \
        else None


_TOTAL_BEFORE = r"(?:(?<![\p{L}])(?:@total_cues)|,\s*(?:or|for))\s*(?:(?:about|around|some|roughly|nearly|almost|just\s+over|" \
    r"just\s+under)\s+)?$"
_AT_RATE = LazyPattern(r"[^\S\n]+(?:[\p{L}-]+[^\S\n]+){0,6}?(?:at|for|costing)[^\S\n]+(?:an?[^\S\n]+(?:average[^\S\n]+)?"
                      r"(?:unit[^\S\n]+)?(?:cost|price)[^\S\n]+of[^\S\n]+)?(?:(?:about|around|some|roughly)[^\S\n]+)?", regex.I)
_TOTAL_AFTER = r"\s+(?:@total_cues)(?![\p{L}])"


_PER_UNIT_WORDS = LazyPattern(r"\s*(?:per|a|an|for\s+each|for\s+every)\s+([\p{L}][\p{L}²³-]*)(?:[ -]([\p{L}][\p{L}²³-]*))?",
                              regex.I)


def _unit_per(ctx: Ctx, end: int) -> str | None:
    """The unit a rate ending at ``end`` is per, when the word after "per" is one of rules/units.yaml's ("$99 per
    tonne", "€2.1 million a kilometre", "$20,000 per flight hour", "€40 per square metre"): its pint name."""
    m = _PER_UNIT_WORDS.match(ctx.text, end, min(len(ctx.text), end + 50))
    if m is None:
        return None
    units = ctx.vocab.get("units") or {}
    for key in ([f"{m.group(1)} {m.group(2)}"] if m.group(2) else []) + [m.group(1)]:
        for k in (key, key.lower(), key.lower() + "s"):  # ("per flight hour": units.yaml spells "flight hours")
            if k in units:
                return str(units[k])
    return None


def _unit_labels(ctx: Ctx, x: Mention, unit: str) -> bool:
    """Is the figure ``x`` labelled by a spelling of ``unit`` right before it ("Flight hours: 10,940")?"""
    m = _LABEL_BEFORE.search(ctx.text, max(ctx.sentence(x.start)[0], x.start - 40), x.start)
    units = ctx.vocab.get("units") or {}
    return m is not None and any(str(units.get(k)) == unit for k in (m.group(1), m.group(1).lower()))


_LABEL_BEFORE = LazyPattern(r"([\p{L}][\p{L} -]*?)\s*:\s*$")


def _noun_match(ctx: Ctx, noun: str, c: Mention) -> str | None:
    """How the noun a rate is per ("per tank") relates to a count's noun: "same" thing ("105 tanks"; "per aircraft",
    the name of a class in rules/units.yaml noun_classes, and "20 Eurofighters"), the same "class" of thing
    ("30 vehicles", "24 howitzers"), an "other" known thing ("40 missiles"), or None when the
    count names its things by a name the vocabulary does not know ("105 Leopard 2A8s", "48 Rafales")."""
    unit = (c.unit or "").lower()
    n = noun.lower()
    if n.rstrip("s") == unit.rstrip("s") or n.startswith(unit[:4]) or unit.startswith(n.rstrip("s")[:4]):
        return "same"
    a, b = noun_class(ctx.vocab, n.rstrip("s")), noun_class(ctx.vocab, unit)
    if a == b:  # "per aircraft" (the class's own name) covers "12 Su-30MKI jets"; "per howitzer" not "96 vehicles"
        return "same" if n.rstrip("s") == a or n == a else "class"
    known = b != unit and b != unit.rstrip("s")
    if not known and known_noun(ctx.vocab, unit) and known_noun(ctx.vocab, n):
        known = True  # "each company" and "500 vehicles": both nouns of classes (the count's the class's own name)
    if b == "party" and not known_noun(ctx.vocab, n):
        return None  # "four companies ..., $2.75 billion each": a count of parties against a noun the vocabulary does
        # not know (here one read off the amount's measure) says nothing either way
    return "other" if known else None


_YEAR_IN = LazyPattern(r"\b(?:19|20)\d\d\b")


def _years(ctx: Ctx, x: Mention) -> set[int]:
    """The years the sentence of ``x`` names (its dates)."""
    s, e = ctx.sentence(x.start)
    return {int(y.group(0)) for d in ctx.dates_in(s, e) for y in _YEAR_IN.finditer(d.text)}


_YEARS = {"year": 1.0, "decade": 10.0, "month": 1 / 12, "century": 100.0}
_OVER = LazyPattern(r"\b(?:over|across|during|throughout|for)\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+|some\s+|about\s+|"
                    r"the\s+next\s+|the\s+coming\s+|the\s+past\s+|the\s+last\s+)*$", regex.I)
_RANGE_END_BEFORE = LazyPattern(r"\bbetween\s+(?:[^.;]|\.(?=\d)){1,50}?\s+and\s+(?:(?:about|around|some|roughly|nearly|almost)\s+)?$",
                                regex.I)
_RANGE_START_AFTER = LazyPattern(r"(?:\s+a\s+year|\s+per\s+year|\s+annually)?\s+and\s+(?:(?:about|around|some|"
                                 r"roughly)\s+)?[\p{Sc}A-Z]{0,3}\s?\d",
                                 regex.I)
_THAN_BEFORE = LazyPattern(r"\b(?:(?:more|less|fewer|higher|lower|greater|smaller|larger|bigger)\s+than|(?:short|shy|ahead)\s+of)\b"
                           r"[^\d$€£¥₹;.]*$", regex.I)
_PER_AFTER = LazyPattern(r"\s*(?:per|a|an|each|for\s+each)\s+(?!total\b)\p{L}+", regex.I)
_OWN_YEAR_RANGE = LazyPattern(r"\s*(?:a|per|each)\s+year\s+(?:over|in|across|during|for|between)\s+(?:the\s+(?:years|period)\s+)?"
                              r"(?:(?:fiscal|financial)\s+(?:years\s+)?|FY\s?)?(?P<a>(?:19|20)\d\d)\s*(?:[–-]|to|and|through)\s*"
                              r"(?:FY\s?)?(?P<b>(?:19|20)?\d\d)\b", regex.I)
_OR_TOTAL_AFTER = LazyPattern(r"[^.;]{0,80}?,\s*or\s+(?:about\s+|some\s+|roughly\s+|nearly\s+)?", regex.I)
_AVERAGE = LazyPattern(r"\b(?:average|averaged|averaging|on\s+average|spread\s+evenly|evenly|or|equivalent\s+to|that\s+is|"
                       r"works?\s+out|comes?\s+to|amounts?\s+to)\b", regex.I)


def _ordinal_group(ctx: Ctx, facts: Facts, x: Mention, after: bool = False) -> tuple[str, str] | None:
    """The batch, lot or tranche a figure is of, named by an ordinal and a grouping noun (vocabulary ordinal_words,
    linking words grouping_nouns): right after the figure when ``after`` ("£840m per ship for the second batch"), else
    the nearest before it in its sentence ("The first batch of three ships was ordered in 2017 for £3.7bn")."""
    s, e = ctx.sentence(x.start)
    s = max(s, x.start - 300)  # (a bounded look back: the sentence may be a whole pasted page)
    ordinals = (ctx.vocab.get("ordinal_words") or {})
    nouns = facts.g.word_pattern("grouping_nouns")
    if after:
        hit = _ORDINAL_GROUP_AFTER.match(ctx.text, x.end, min(e, x.end + 60))
        if hit is not None and hit.group(1).lower() in ordinals and nouns.fullmatch(hit.group(2)):
            return hit.group(1).lower(), hit.group(2).lower().rstrip("s")
        return None
    found = None
    for hit in _ORDINAL_GROUP.finditer(ctx.text, s, x.start):
        if hit.group(1).lower() in ordinals and nouns.fullmatch(hit.group(2)):
            found = (hit.group(1).lower(), hit.group(2).lower().rstrip("s"))
    return found


_ORDINAL_GROUP = LazyPattern(r"\b(\p{L}+)(?=\s+(\p{L}+)\b)")  # (each two words in a row, overlapping)
_ORDINAL_GROUP_AFTER = LazyPattern(r"[^.;,\d]{0,30}?\b(?:for|of|in|under)\s+the\s+(\p{L}+)\s+(\p{L}+)\b", regex.I)


_PER_PERIOD_AFTER = LazyPattern(r"\s*(?:per|a|an|each|for\s+each|for\s+every)\s+([\p{L}][\p{L}-]+)\s+(?:per|a|an|each|every)\s+"
                                r"(year|month|week|day|annum)\b", regex.I)


def _per_period_reading(ctx: Ctx, x: Relation, per: str) -> Relation:
    """The reading ``x`` (a total over a count) of a rate per thing per ``per``: its count times the periods of the term
    the total is spread over, or the reading doubted when the text gives no term."""
    if len(x.operands) != 2 or x.formula != "per_unit":
        return x
    t, c = x.operands
    term = term_of(ctx, t, PERIOD_DAYS[per])
    if term is None:
        return doubt(x, Evidence("per-period", f"a rate per {per} too, and no term given for {t.text}", 0.0))
    n = term_days(term) / PERIOD_DAYS[per]
    n = round(n) if abs(n - round(n)) < 0.05 else n
    scaled = dataclasses.replace(c, value=(c.value or 0.0) * n, text=f"({_numeral(ctx, c)} × {n:g})", num_start=-1,
                                 num_end=-1)
    return dataclasses.replace(x, operands=(t, scaled), evidence=x.evidence + (Evidence(
        "per-period", f"{t.text} over {term.text}: per {per} as well", 0.0),))


def _per_year(ctx: Ctx, facts: Facts, mt: Match) -> None:
    """"€15.0 billion over the 30-year life of the fleet, or €500 million a year": a yearly amount is the total
    over the term the text gives, divided by its years. Explicit when the term is introduced by "over"/"across"
    and an average or restatement word ties the rate to it; otherwise it can warn, not fail (a yearly figure may
    be one part of a total spent unevenly)."""
    import dataclasses

    r = mt.slots.get("rate")
    if r is None or not is_amount(r) or ctx.is_stated(r) or r.type not in ("currency", "count", "number", "quantity") \
            or r.value is None or r.value <= 0 or r.value_high is not None:
        return
    if _RANGE_END_BEFORE.search(ctx.text, max(0, r.start - 60), r.start) or _RANGE_START_AFTER.match(ctx.text, r.end):
        return  # "between about A$8.9 billion and A$12.3 billion a year": the ends of a range, no one rate
    if base_position(ctx, r) or _THAN_BEFORE.search(ctx.text, max(0, r.start - 90), r.start):
        return  # "18% more than the Navy's own estimate of $33.9 billion a year": the base of a comparison, another's
        # (also after a longer phrase: "a third more than the Navy's recent historical average of $30bn a year")
    window = [x for x in ctx.window(r, before=2) if is_amount(x) and x is not r]
    # "an average of about $40.0 billion per year over the next 30 years ... $34.2 billion a year": a figure that is
    # itself a rate is no total over the term
    totals = [x for x in window if x.type == r.type and x.unit == r.unit and (x.value or 0) > r.value
              and x.value_high is None and x.start < r.start and facts.rate_of(x) is None]
    # ... or restated after it: "$400 million a year for fiscal years 2026 and 2027, or $800 million over the two years"
    totals += [x for x in window if x.type == r.type and x.unit == r.unit and (x.value or 0) > r.value
               and x.value_high is None and x.start > r.end and ctx.sent_index(x.start) == ctx.sent_index(r.start)
               and facts.rate_of(x) is None and not _PER_AFTER.match(ctx.text, x.end)  # (not "or A$46 billion per boat")
               and _OR_TOTAL_AFTER.fullmatch(ctx.text, r.end, x.start) is not None
               # (not over a further amount between: "$3.3 billion a year in FMF and $500 million for missile defence,
               # or $38 billion over its ten years" restates both)
               and not any(is_amount(y) and y.type == r.type and y.unit == r.unit for y in ctx.numbers_in(r.end, x.start))]
    terms = []
    for x in window:
        years = _YEARS.get((x.unit or "").lower()) if x.type == "quantity" else None
        if years is None or not x.value or x.value_high is not None or x.value * years < 2:
            continue
        over = _OVER.search(ctx.text[max(0, x.start - 40):x.start]) is not None
        terms.append((dataclasses.replace(x, value=x.value * years, unit="year", inferred=True) if years != 1 else x,
                      over))
    # "the remaining €4 billion to 2027 would amount to an average of about €1.33 billion a year over 2025–2027": a
    # range of years right after the rate is its term (the years counted in full), and no other term is
    own = _OWN_YEAR_RANGE.match(ctx.text, r.end, min(len(ctx.text), r.end + 60))
    if own is not None:
        y0, y1 = int(own.group("a")), int(own.group("b")[-2:]) + (int(own.group("a")) // 100) * 100
        if y1 >= y0 and y1 - y0 <= 50:
            span = Mention(own.start("a"), own.end("b"), f"{y1 - y0 + 1} years ({ctx.text[own.start('a'):own.end('b')]})",
                           "quantity",
                           float(y1 - y0 + 1), "year", inferred=True, half_step=0.0)
            terms = [(span, True)]
    # "$1.203 trillion ... equals the $40.1 billion annual average. The total cost of the plan would average $84.0
    # billion per year": a total whose yearly rate is given before this one has its rate; this one is another's
    averaged = [x.start for x in window if x.type == r.type and x.unit == r.unit and x.start < r.start
                and facts.rate_of(x) == "period"]
    # "The acceleration fund alone works out at roughly DKK 25bn a year": a subject narrowed to a part after a total
    # named before it has that part's rate, not the whole's
    narrowed = facts.g.regex(_NARROWED).search(ctx.text, ctx.sentence(r.start)[0], r.start)
    readings: list[Relation] = []
    for t in totals[-2:]:
        if any(t.end <= a for a in averaged):
            continue
        if narrowed is not None and t.end <= narrowed.start():
            continue
        if t.start < r.start and _CONTRAST_SUBJECT.search(ctx.text, t.end, r.start):
            continue  # "¥39 million a year for three years, or ¥130 million in total, while smaller Type C grants are
            # capped at ¥13 million a year": a yearly figure of a clause of contrast with a subject of its own (not
            # across a semicolon alone: "; its budget equates to about $80 million a year" points back)
        for term, over in terms:
            if abs(term.start - t.start) > 300:
                continue
            ev = [Evidence("per_period:" + mt.template.id, f"'{_quote(ctx, mt.start, mt.end)}'", mt.template.weight,
                           False)]
            between = ctx.text[min(t.end, term.end):r.start] if t.start < r.start else ctx.text[r.end:t.start]
            tied = over and _AVERAGE.search(between) is not None
            ev.append(Evidence("over-term", f"{t.text} over {term.text}" + (", averaged" if tied else ""),
                               2.0 if tied else 0.5, tied))
            if ctx.sent_index(t.start) != ctx.sent_index(r.start):
                ev.append(Evidence("distance", "the total is in an earlier sentence", -0.5))
            if facts.g.regex(_GOAL_BEFORE).search(ctx.text, max(0, t.start - 40), t.start):
                # "To reach 160 in 2030, industry must deliver about 16 tanks a year over the seven years" after "50
                # tanks had been delivered": a goal; the rate fills the gap from a level already reached, which may be
                # any earlier figure of its kind (readings that may hold, never accuse)
                ev = [dataclasses.replace(e, explicit=False) for e in ev]
                readings += [Relation("added_per_unit", (t, x, term), tuple(ev) + (Evidence(
                    "goal-gap", f"the gap from {x.text} to {t.text}", 0.0),))
                    for x in window if x.start < t.start and x.type == t.type and x.unit == t.unit
                    and 0 < (x.value or 0) < (t.value or 0) and facts.rate_of(x) is None]
            readings.append(Relation("per_unit", (t, term), tuple(ev)))
    if not readings:
        return
    readings.sort(key=lambda x: -x.score)
    ctx.add(Claim("per_unit", (r.start, r.end), r, readings=tuple(readings[:4])))


_NARROWED = r"(?<![\p{L}])@narrowed_subject_words(?![\p{L}])"
_GOAL_BEFORE = r"(?<![\p{L}])to\s+@goal_reach_verbs\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:(?:goal|target)\s+of\s+)?$"


# after "each": the recipients, a list of names ("from Qatar and Oman", "for the Army, Navy and Air Force")
# (or of years: "one each in FY25, FY27 and FY29", "one each in fiscal 2025, 2027 and 2029")
# (a bare two-digit figure is no year: "ten each for Belgium and France and 15 for the Netherlands")
_ITEM = r"(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*|(?:FY|fiscal\s+(?:year\s+)?)\s?'?(?:19|20)?\d\d|" \
        r"(?:19|20)\d\d|'\d\d)(?![\p{L}\p{N}])"
_RECIPIENTS = LazyPattern(r"\s*(?:each|apiece|a\s+piece)?\s+(?:from|for|to|by|with|in|at|on|between|among)\s+"
                          r"(?P<list>(?:" + _ITEM + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)){1,9}" + _ITEM + r")")
# "the new deal", "the first contract": the words live in rules/linking.yaml (linking words)
_NEW_DEAL = r"(?<![\p{L}\p{N}])(?:the|this)\s+@new_deal_words\s+@deal_nouns(?![\p{L}\p{N}])"
_FIRST_DEAL = r"(?<![\p{L}\p{N}])@first_deal_words\s+(?:executive\s+)?@deal_nouns(?![\p{L}\p{N}])"
# "each for long-endurance vessels and for countering small drones", "apiece to the army and to the navy": two items
# named after the rate, each with its own preposition
_EACH_FOR_TWO = LazyPattern(r"\s*(?:each|apiece)\s+(?P<p>for|to)\s+[^,;.\d]{1,80}?\s+and\s+(?:also\s+)?(?P=p)\s", regex.I)
_RECIPIENTS_AFTER = LazyPattern(r"\s*(?:each|apiece|a\s+piece)?\s+(?:from|for|to|by|with|between|among)\s", regex.I)
_ALLOTTED_TO = LazyPattern(r"\s*(?:to|for|from|by|with|in|at|on)\s", regex.I)
_ITEM_SEP = LazyPattern(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _distributive(ctx: Ctx, facts: Facts, r: Mention, mt: Match) -> list[Relation]:
    """A count given per recipient: the total is the count times the recipients, named in a list after it
    ("12 each from Qatar and Oman"), counted before it ("from three companies, 42 each") or counted by the
    grammar ("two batches of 48")."""
    s0, e0 = ctx.sentence(r.start)
    if _OR_MORE.match(ctx.text, r.end):
        return []  # "eight tranches of €500 million and more": a floor for each, no size of each
    ev0 = Evidence("per_unit:" + mt.template.id, f"'{_quote(ctx, mt.start, mt.end)}'", 0.5, False)
    divisors: list[tuple[Mention, Evidence]] = []
    if mt.template.id == "batches-of":
        k = mt.slots.get("count")
        if k is not None and _REMAINDER_SPLIT.search(ctx.text, max(s0, k.start - 40), k.start):
            return []  # "40% of the price, US$ 44 million, in 2025, and the balance in three equal annual instalments of
            # US$ 22 million": what is split is the remainder, which the text does not give
        nouns = {str(w).lower() for w in (mt.template.meta.get("count_nouns") or [])}
        if k is not None and k.value and k.value >= 2 and not k.inferred and (k.unit or "").lower() in nouns:
            divisors.append((k, Evidence("batches", f"'{_quote(ctx, mt.start, mt.end)}'", 3.0, True)))
    else:
        lst = _RECIPIENTS.match(ctx.text, r.end, e0)
        if lst is not None:
            a, b = lst.span("list")
            while b > a and ctx.text[b - 1] in ".’'-":
                b -= 1
            names = [n for n in _ITEM_SEP.split(ctx.text[a:b]) if n.strip()]
            if len(names) >= 2:
                k = Mention(a, b, str(len(names)), "count", float(len(names)), word=True, half_step=None)
                divisors.append((k, Evidence("recipients", f"{len(names)} named after '{ctx.text[r.end:a].strip()}'",
                                             3.0, True)))
        before = [x for x in ctx.numbers_in(s0, r.start) if x.type == "count" and x.value and x.value >= 2
                  and x.value == int(x.value) and not x.role]
        # (nor "26 launchers for the three battalions, eight each go to the first two and ten to the third": a figure
        # given to another recipient after the rate makes it one item of a list of allotments)
        allotted = [x for x in ctx.numbers_in(r.end, e0) if x.type == r.type and _ALLOTTED_TO.match(ctx.text, x.end)]
        if before and not divisors and not _RECIPIENTS_AFTER.match(ctx.text, r.end) and not allotted:
            # (not "12 fighters, ten each for the two transport wings": the recipients are named after the rate)
            k = before[-1]
            gap = ctx.text[k.end:r.start]
            if len(gap) <= 40 and regex.fullmatch(r"[\p{L}\s'’-]*,\s*", gap) and not _ALLOTTED_TO.match(gap):
                # (not "10 to the army, five each": a figure given to a recipient is an item, not the recipients)
                divisors.append((k, Evidence("recipients", f"'{k.text}, {r.text} each'", 3.0, True)))
    if not divisors:
        return []
    si = ctx.sent_index(r.start)
    lo = ctx.sents[si - 1][0] if si > 0 and ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(r.start) else s0
    out = []
    for k, kev in divisors:
        if k.start > r.start and any(x.type == r.type and x.start >= k.end and _ALLOTTED_TO.match(ctx.text, x.end)
                                     for x in ctx.numbers_in(k.end, e0)):
            continue  # "35 ships in all: ten each for Belgium and France and 15 for the Netherlands": the list goes on
            # after the recipients, so the total is the list's, not the rate's times them
        if r.type in ("count", "number"):
            kin = [x for x in ctx.numbers_in(lo, e0) if x.type in ("count", "number") and x is not k and x is not r
                   and x.value and x.value_high is None and not x.role
                   and (x.type == "number" or r.type == "number" or x.inferred or r.inferred or
                        noun_class(ctx.vocab, x.unit) == noun_class(ctx.vocab, r.unit))]
            totals = [x for x in kin if (x.value or 0) > (r.value or 0)]
        else:  # "€3.2 billion in two tranches of €1.6 billion"
            kin = [x for x in ctx.numbers_in(lo, e0) if x.type == r.type and x.unit == r.unit and x is not r
                   and x.value and x.value_high is None]
            totals = [x for x in kin if abs(x.value or 0) > abs(r.value or 0)]
        # "141 for Germany plus 54 for Norway, 44 each for the Czech Republic and Lithuania and 46 for the
        # Netherlands - to add 329 tanks": with another figure of its kind between them, the rate is one item of a
        # list and the figure beyond is the list's total, not the rate's
        # ... and with the recipients named after it, a figure given to a recipient of its own ("and 46 for the
        # Netherlands") is another item of that list
        named = k.start > r.start
        totals = [x for x in totals if not any(min(x.end, r.end) <= y.start and y.end <= max(x.start, r.start)
                                               for y in kin if y is not x)
                  and not (named and _ALLOTTED.match(ctx.text, x.end, min(len(ctx.text), x.end + 60)))]
        # "23 owners covering the 46 projects, two each": a total smaller than its recipients at one or more each is
        # no total of them (the figure before the rate is what is counted)
        totals = [x for x in totals if not ((r.value or 0) >= 1 and (x.value or 0) < (k.value or 0))]
        # "20 new-build Typhoons ... In addition, Ankara has agreed to buy 12 used Typhoons each from Qatar and Oman,
        # bringing the total to 44 aircraft": a running total takes in the figures of its kind before the rate too
        totals = [x for x in totals if not (x.start > r.end and _RUNNING_TOTAL.search(ctx.text, max(r.end, x.start - 40),
                                                                                        x.start)
                                            and any(y.type == r.type and y is not k and noun_class(ctx.vocab, y.unit) ==
                                                    noun_class(ctx.vocab, r.unit)
                                                    for y in ctx.numbers_in(max(0, r.start - 1500), r.start)))]
        # ("nine delivered to date — seven to Brazil and one each to Portugal and Hungary — the backlog stands at 32
        # aircraft": a rate in a breakdown set off by dashes is of nothing after the aside)
        aside_end = _dash_aside_end(ctx, r)
        totals = [x for x in totals if aside_end is None or x.start < aside_end]
        if mt.template.id == "batches-of":
            # "€6.1 billion in eight tranches of ...": the amount right before "in N" is the one split, not one after
            direct = [x for x in totals if x.end <= k.start and _SPLIT_INTO.fullmatch(ctx.text, x.end, k.start)]
            totals = direct or totals
        for t in totals[-2:]:
            ev = [ev0, kev]
            ev.append(Evidence("same-sentence", "in one sentence", 1.0) if ctx.sent_index(t.start) == si else
                      Evidence("distance", "the total is in the sentence before", -0.5))
            if t is totals[-1]:
                ev.append(Evidence("nearest", "the nearest count before", 0.5))
            out.append(Relation("per_unit", (t, k), tuple(ev)))
    return out


# a rate per thing added: "for each follow-on cutter", "per additional jet", "a piece for the extra boats"
_PER_ADDED = LazyPattern(r"\s*(?:for\s+|per\s+|a\s+|an\s+|each\s+|every\s+|of\s+the\s+|the\s+)*(?:additional|extra|follow-on|"
                         r"follow\s+on|further|added|optional|new)\b", regex.I)
# what is left of an amount: "the balance", "the remainder", "the rest", "the remaining payments"
_REMAINDER = r"\b(?:the\s+)?(?:balance|remainder|rest|remaining\s+(?:amount|sum|balance|payments?))"
_REMAINDER_SPLIT = LazyPattern(_REMAINDER + r"\b[^,;.\d]{0,30}$", regex.I)  # ... right before the count it is split into
_REMAINDER_SPLIT_RATE = LazyPattern(_REMAINDER + r"\s+(?:(?:is|was|will|would|to|be|paid|payable|follow|follows|due)\s+){0,3}"
                                    r"(?:in|over|as|across)\s+[^,;.]{0,40}$", regex.I)  # ... before the size of each part
_ON_AVERAGE_AFTER = LazyPattern(r"\s*(?:[\p{L}-]+\s+){0,3}?on\s+average\b", regex.I)
# between the amounts of a list: "$700 million and Northrop Grumman $617 million", "€1.2 billion, France €0.9 billion"
_LIST_BETWEEN = LazyPattern(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:[\p{L}'’.-]+\s+){0,4}?(?:(?:was\s+)?(?:awarded|paid|got|received|"
                            r"won|spent)\s+)?", regex.I)
_EACH_AFTER = LazyPattern(r"\s*(?:[\p{L}-]+\s+){0,3}?each\b", regex.I)


def _average_over_list(ctx: Ctx, readings: list[Relation]) -> list[Relation]:
    """An average per unit whose total is the last of a list of amounts ("L3Harris awarded $700 million and Northrop
    Grumman $617 million for 14 satellites each, about $47 million per satellite on average"): the average over the
    whole list is a reading that can make it hold; the one amount's readings are doubted."""
    out = list(readings)
    for x in readings:
        if len(x.operands) != 2:
            continue
        t, c = x.operands
        if t.type != "currency" or c.type != "count" or not c.value:
            continue
        listed = [t]
        for y in reversed(ctx.numbers_in(ctx.sentence(t.start)[0], listed[0].start)):
            if y.type != "currency" or y.unit != t.unit or not _LIST_BETWEEN.fullmatch(ctx.text, y.end, listed[0].start):
                break
            listed.insert(0, y)
        if len(listed) < 2:
            continue
        per = len(listed) if _EACH_AFTER.match(ctx.text, c.end) else 1
        total = dataclasses.replace(t, value=sum(y.value or 0.0 for y in listed), half_step=sum(y.half_step or 0.0 for y in listed))
        count = dataclasses.replace(c, value=(c.value or 0.0) * per, half_step=0.0)
        out = [doubt(o) for o in out]
        out.append(Relation("per_unit", (total, count), x.evidence + (Evidence(
            "average-of-list", f"the average over {' + '.join(y.text for y in listed)}", 0.0),), alternative=True))
        break
    return out


_AVERAGE_BEFORE = LazyPattern(r"\b(?:average|averaged|averages|mean|blended|overall)\b[^.;]{0,40}$", regex.I)
_RUNNING_TOTAL = LazyPattern(r"\b(?:bringing|taking|raising|lifting|pushing)\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+){0,2}?"
                             r"(?:to|at)\s+$", regex.I)
_OR_MORE = LazyPattern(r"\s+(?:and|or)\s+(?:more|above|over|upwards|higher)\b", regex.I)
_SPLIT_INTO = LazyPattern(r"\s+(?:[\p{L}-]+\s+){0,3}?(?:in|over|across|into|as)\s+(?:[\p{L}-]+\s+)?", regex.I)
# (a recipient after "for"/"to", or a source after "from": "11 from Belarus, six each from Bulgaria and Israel")
_ALLOTTED = LazyPattern(r"(?:\s+[\p{Ll}-]+){0,2}?\s+(?:for|to|from)\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?!\s*(?:,|and\s+\p{Lu}))")


def _count_role(ctx: Ctx, c: Mention) -> str | None:
    """Whether a count is the stated total of a sum claim ("four in all") or one of its parts."""
    roles = getattr(ctx, "_count_roles", None)
    if roles is None:
        roles = {}
        for cl in ctx.claims:
            if cl.kind == "sum" and cl.stated is not None:
                roles[cl.stated.start] = "total"
                for op in (cl.readings[0].operands if cl.readings else ()):
                    roles.setdefault(op.start, "part")
        ctx._count_roles = roles  # type: ignore[attr-defined]
    return roles.get(c.start)


_DESIGNATORS: dict[str, regex.Pattern] = {}


def _designator(facts: Facts) -> regex.Pattern:
    """A numbered part of a programme or a model ("Lot 18", "Tranche 2", "Batch II", "Block 4", "Type 31"; linking
    words lot_designators), compiled once per word list."""
    source = facts.g.word_pattern("lot_designators").pattern
    got = _DESIGNATORS.get(source)
    if got is None:
        got = _DESIGNATORS[source] = rx(r"(?:" + source + r")\s+(?:[IVX]{1,4}|\d{1,3}[A-Z]?)\b", regex.I)
    return got


def _around(ctx: Ctx, x: Mention) -> str:
    """The words around a figure in its clause: where it says what the figure is of."""
    s, e = ctx.sentence(x.start)
    a = max(s, ctx.text.rfind(";", s, x.start) + 1, x.start - 70)
    b = min(e, x.end + 25)
    semi = ctx.text.find(";", x.end, b)
    return ctx.text[a:semi if semi >= 0 else b]


def _taken_up(ctx: Ctx, facts: Facts, t: Mention, c: Mention) -> str | None:
    """"Lockheed is awarded a $1,288,450,000 ... modification ... This modification procures 35 MH-60R helicopters":
    the count's sentence opens on "This/The <noun>" (linking words deal_nouns), and the total, one or two sentences
    before it in its paragraph, is that noun's amount (the noun within a few words after it, no figure between)."""
    si, ti = ctx.sent_index(c.start), ctx.sent_index(t.start)
    if 0 < ti - si <= 2:
        # "Germany will buy 20 Eurofighters. The procurement is valued at €3.75 billion": the total's sentence opens
        # on a deal noun whose value the total is, and the count's sentence counts one thing only (not "Its 364 guns
        # - 212 ... and 152 ... - ... covers 672 guns. The second contract was worth $2.6 billion", nor "The contract
        # was signed ... as part of a €7 billion package")
        m = _THIS_NOUN.match(ctx.text, ctx.sents[ti][0], t.start)
        if m is None or not _VALUED.fullmatch(ctx.text, m.end(), t.start):
            return None
        words = m.group("words").split()
        deal = facts.g.word_pattern("deal_nouns")
        noun = next((w for w in words if deal.fullmatch(w)), None)
        counts = [x for x in ctx.sentence_numbers(si) if x.type == "count" and (x.value or 0) >= 2]
        ordinal = any(w.lower() in (ctx.vocab.get("ordinal_words") or {}) for w in words)
        if noun is None or counts != [c] or ordinal:
            return None  # "The second contract": one of several, not the whole the sentence before counts
        return f"the subject '{noun}' is valued at {t.text}; {c.text} is all its sentence counts"
    if ctx.para_index(t.start) != ctx.para_index(c.start) or not 0 < si - ti <= 2:
        return None
    a, _ = ctx.sents[si]
    m = _THIS_NOUN.match(ctx.text, a, c.start)
    if m is None:
        return None
    deal = facts.g.word_pattern("deal_nouns")
    # "This modification", "The second executive contract": the first deal noun of the subject's first words
    noun = next((w for w in m.group("words").split() if deal.fullmatch(w)), None)
    if noun is None:
        return None
    after = ctx.text[t.end:min(ctx.sentence(t.start)[1], t.end + 80)]
    cut = [x.start - t.end for x in ctx.numbers_in(t.end, t.end + len(after)) if is_amount(x)]
    after = after[:cut[0]] if cut else after
    if not regex.search(rf"(?<![\p{{L}}]){regex.escape(noun)}(?![\p{{L}}])", after, regex.I):
        return None
    return f"the subject '{noun}' takes up the {noun} of {t.text}"


_VALUED = LazyPattern(r"\s*(?:\([^)]*\)\s*)?(?:(?:is|was|are|were|has\s+been|will\s+be)\s+)?(?:valued\s+at|worth|priced\s+at|"
                      r"costs?|costing|amounts?\s+to|amounted\s+to|totals?|totalled|totaled|comes?\s+to|came\s+to)\s+"
                      r"(?:(?:an\s+estimated|about|some|around|nearly|almost|roughly)\s+)?", regex.I)
_THIS_NOUN = LazyPattern(r"\s*(?:this|that|the|these|those)\s+(?P<words>[\p{L}-]+(?:\s+[\p{L}-]+){0,2})", regex.I)


_CONTRAST_SUBJECT = LazyPattern(r",\s*(?:while|whereas|but)\s+(?!(?:that|this|it|which|each|at|or|about|roughly|only|just)\b)"
                                r"[\p{L}-]+", regex.I)


def _other_clause(ctx: Ctx, r: Mention, x: Mention) -> bool:
    """A semicolon between the rate and a figure of its sentence: another clause - unless the rate's clause opens
    by pointing back at the one before ("for 1,058 vehicles; that is an average of $179,463 a vehicle", "; in other
    words, €40 million per launcher")."""
    a, b = (x.end, r.start) if x.start < r.start else (r.end, x.start)
    if ctx.sent_index(x.start) != ctx.sent_index(r.start):
        return False
    # (or a clause of contrast with a subject of its own: "Norway paid about NOK 19.6 billion for its 54, ..., while
    # Lithuania's €950 million deal works out at roughly €21.6 million for each of its 44 vehicles")
    if x.start < r.start and _CONTRAST_SUBJECT.search(ctx.text, a, b):
        return True
    semi = ctx.text.rfind(";", a, b)
    if semi < 0:
        return False
    return not (x.start < r.start and ";" not in ctx.text[a:semi] and _POINTS_BACK.match(ctx.text, semi + 1, b))


_NEXT_WORD = LazyPattern(r"[^\S\n]+(\p{Lu}[\p{L}\p{N}-]*)")  # a name right after a bare count ("46 SS-24s")
_EXTRA_NOUNS = frozenset({"spare", "extra", "reserve", "more", "additional", "other", "attrition"})
_PLUS_BEFORE = LazyPattern(r"\s*,?\s*(?:plus|and|with)\s+(?:a\s+further\s+|another\s+)?", regex.I)


def _numeral(ctx: Ctx, m: Mention) -> str:
    return ctx.text[m.num_start:m.num_end] if m.num_end > m.num_start else m.text


def _extra_after(ctx: Ctx, end: int, r: Mention) -> Mention | None:
    """A count of more items named right after a count rate ("two engines for each aircraft plus six spares")."""
    if r.type != "count":
        return None
    after = ctx.numbers_in(end, min(ctx.sentence(r.start)[1], end + 40))
    if not after or after[0].type not in ("count", "number") or not _PLUS_BEFORE.fullmatch(ctx.text, end, after[0].start):
        return None
    x = after[0]
    word = x.noun or (w.group(1) if (w := _NEXT_WORD.match(ctx.text, x.end)) else None)
    if word and r.unit and word.lower().rstrip("s") != r.unit.lower().rstrip("s") and \
            word.lower().rstrip("s") not in _EXTRA_NOUNS and not is_generic(ctx.vocab, word):
        return None  # "130 SS-19s carrying six warheads each and 46 SS-24s carrying ten": other things, not more of them
    return x


def _deal_words(ctx: Ctx, facts: Facts, a: int, b: int, determined: bool = False) -> set[str]:
    """The kinds of deal the deal nouns (linking words deal_nouns) in ``text[a:b]`` name: a "programme" as a whole,
    or a "contract" (an order, award, deal or tranche within one); with ``determined``, only nouns after "the",
    "this", "that" or "its"."""
    pat = facts.g.word_pattern("deal_nouns")
    out = set()
    for m in pat.finditer(ctx.text, a, b):
        if determined and not regex.search(r"(?<![\p{L}])(?:the|this|that|its)\s+(?:[\p{L}-]+\s+)?$",
                                           ctx.text[max(a, m.start() - 30):m.start()], regex.I):
            continue
        if ctx.text[m.end():m.end() + 2] in ("'s", "’s"):
            continue  # "the program's 10th production lot": the owner of what is named, not the deal the rate is of
        w = m.group(0).lower()
        out.add("programme" if w.startswith("program") else "contract")  # a programme, or a deal within one
    return out


def _points_back(ctx: Ctx, r: Mention, c: Mention) -> bool:
    """The rate's sentence points back at the figures before it: it opens on "That works out at", "This puts",
    "Each of them", restates ("that is", "or"), or names the deal or the counted things as known ("The tanks cost about
    $46 million each", "At USD 26 million per tank, the price reflects")."""
    s0, s1 = ctx.sentence(r.start)
    if _OPENS_BACK.match(ctx.text, s0, r.start) or _POINTS_BACK.search(ctx.text, max(s0, r.start - 40), r.start):
        return True
    if _THE_DEAL.search(ctx.text, s0, s1):
        return True
    noun = (c.unit or "").lower().rstrip("s")
    return bool(noun) and regex.search(r"(?<![\p{L}\p{N}])(?:the|these|those|its|their|both|all)\s+(?:[\p{L}-]+\s+){0,2}?"
                                       + regex.escape(noun) + r"(?:s|es)?(?![\p{L}\p{N}])", ctx.text[s0:s1], regex.I) is not None


_OPENS_BACK = LazyPattern(r"\s*(?:[\p{L}]+\s+){0,2}?(?:that|this|it|which|these|those|each|such)\b", regex.I)
_THE_DEAL = LazyPattern(r"(?<![\p{L}\p{N}])(?:the|this|that|these|those)\s+(?:deal|contract|order|award|agreement|purchase|sale|"
                        r"package|price|figure|total|sum|programme|program|option|modification|tranche|lot|batch|buy)"
                        r"(?:s|es)?(?![\p{L}\p{N}])", regex.I)
_POINTS_BACK = LazyPattern(r"\s*(?:that\s+is|that\s+works?\s+out|this\s+works?\s+out|that\s+comes?\s+to|this\s+comes?\s+to|"
                           r"in\s+other\s+words|i\.\s?e\.|or\b|which\s+is)", regex.I)


def _tied(ctx: Ctx, facts: Facts, t: Mention, c: Mention) -> bool:
    """"$705 million for 12 aircraft", "44 tanks in a contract of €950 million", "€3 billion ... 298 vehicles"."""
    a, b = (t, c) if t.start < c.start else (c, t)
    gap = ctx.text[a.end:b.start]
    if len(gap) > 90 or ";" in gap or ctx.sent_index(a.start) != ctx.sent_index(b.start):
        return False  # "... covers 672 guns, so more are to come. The second contract was worth $2.6 billion": apart
    if any(is_amount(x) and (x.type == t.type or x.type == c.type and _count_role(ctx, x) != "part"
                             and not _COORDINATED.fullmatch(ctx.text, min(c.end, x.end), max(c.start, x.start))
                             and not (a is c and _compares(ctx, x))
                             and not _splits(ctx, facts, c, x))
           for x in ctx.numbers_in(a.end, b.start)):
        return False  # "€5.4 billion of headroom ... worth €880 million ..., covers 180,000 rounds": the nearer one
        # (and "211 Boxer vehicles, Hanwha is building 129 Redbacks ... for about A$7 billion": the nearer count;
        # not the parts of the count in between, "180 tanks, 116 K2GF and 64 K2PL variants, for $6.5 billion")
    if regex.fullmatch(r"\s*(?:,|:|–|—|\s-)\s*", gap):  # "300 trucks, PLN 852 million": one item, in apposition
        return True
    if a is t:
        # "a $300 million contract, funded by European donors, to supply 120,000 interceptors": an aside set off by
        # commas does not part the amount from what it buys
        return bool(_TIED.match(gap)) or bool(_TIED.match(_ASIDE.sub(" ", gap)))
    # "all 42 jets in the $8.1 billion deal": the count's deal named by the total
    deal = facts.g.word_pattern("deal_nouns")
    in_deal = regex.search(r"\bin\s+(?:a|an|the|its|their|this|that)\s+(?:\p{L}+\s+){0,2}$", gap, regex.I) and \
        any(deal.fullmatch(w) for w in regex.findall(r"[\p{L}-]+", ctx.text[b.end:b.end + 40])[:3])
    return bool(in_deal or regex.search(r"\b(?:for|under|worth|(?:valued|estimated|priced|costed|budgeted|put)\s+at|"
                                        r"at\s+a\s+cost\s+of|costing|in\s+a\s+(?:contract|deal|order)\s+of|"
                                        r"of)\s+(?:\p{L}+\s+){0,3}$", gap, regex.I)
                or regex.search(r"\bfor\s+(?:which|these|them|those|that\s+batch|this\s+batch)\b", gap, regex.I))
    # "105 in July 2024, for which a budget draft earmarked €2.93 billion"




def _splits(ctx: Ctx, facts: Facts, c: Mention, x: Mention) -> bool:
    """Is ``x``, right after the count ``c``, what ``c`` falls into ("1,050 tracked vehicles in 16 variants", "36
    helicopters in two batches", "348 trucks in four configurations"; linking words category_nouns, grouping_nouns),
    not another count of the things bought?"""
    if x.type != "count" or not x.unit or x.start < c.end or x.start - c.end > 40:
        return False
    if not regex.fullmatch(r"[\p{L}\s-]*\s(?:in|across|over)\s+", ctx.text[c.end:x.start], regex.I):
        return False
    word = x.unit.lower()
    return any(facts.g.word_pattern(w).fullmatch(word) or facts.g.word_pattern(w).fullmatch(word.rstrip("s"))
               for w in ("category_nouns", "grouping_nouns"))


def _compares(ctx: Ctx, x: Mention) -> bool:
    """Is ``x`` a member of a comparison set off after a count: its size ("six fewer") or its base ("than the 48
    previously planned", "up from 250")? ("42 F-35As, six fewer than the 48 previously planned, for $4.5 billion")"""
    return _compared_base(ctx, x) or bool(_COMPARISON_AFTER.match(ctx.text, x.end))


def _compared_base(ctx: Ctx, x: Mention) -> bool:
    """Is ``x`` the base a comparison names ("than the 48 previously planned", "up from 250")? (Not a source: "from
    two shipyards".)"""
    return bool(_COMPARED_BASE.search(ctx.text, max(0, x.start - 50), x.start))


# "against a target of", "compared with the budget of": a figure named as the base a level is measured by
_NAMED_BASE_BEFORE = (r"\b(?:against|compared\s+(?:with|to)|versus|vs\.?)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:@base_nouns)\s+"
                      r"(?:of|at)\s+(?:(?:about|around|some|roughly|nearly|almost)\s+)?$")
_COMPARED_BASE = LazyPattern(r"\b(?:than|(?:up|down|rose|fell|rise|fall|increase|decrease)\s+from|compared\s+(?:with|to)|against|"
                             r"versus|vs\.?)\s+(?:(?:the|its|their|about|some|around)\s+)*$", regex.I)


_COMPARISON_AFTER = LazyPattern(r"\s+(?:[\p{L}-]+\s+)?(?:fewer|more|less|higher|lower|above|below|short\s+of|up|down)\b", regex.I)

def _dash_aside_end(ctx: Ctx, x: Mention) -> int | None:
    """Where the aside ``x`` stands in ends, when it stands between two dashes set off by spaces in its sentence ("—
    seven to Brazil and one each ... —"); None when it does not."""
    s, e = ctx.sentence(x.start)
    if _SPACED_DASH.search(ctx.text, s, x.start) is None:
        return None
    close = _SPACED_DASH.search(ctx.text, x.end, e)
    return close.end() if close is not None else None


_SPACED_DASH = LazyPattern(r"\s[—–]\s|\s-\s")

def _fraction_of(ctx: Ctx, c: Mention) -> tuple[str, float] | None:
    """The fraction the extractor read right before a count, with "of" and a determiner between ("half of the 16", "a
    third of the 30", "two-thirds of its 24"), as its words and value; None when there is none."""
    before = ctx.numbers_in(max(0, c.start - 30), c.start)
    x = before[-1] if before else None
    if x is None or x.role != "fraction" or x.value is None or not 0 < x.value < 1 or \
            not _OF_DETERMINER.fullmatch(ctx.text, x.end, c.start):
        return None
    return x.text, x.value


_OF_DETERMINER = LazyPattern(r"\s+of\s+(?:the|its|their|these|those)\s+", regex.I)

_ONE_MORE_ITEM = LazyPattern(r"\s+and\s+(?P<item>(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,4}[\p{L}\d-]+(?:\s+\d+)?)", regex.I)
# two counts joined as one list ("180 K2 tanks and 81 support vehicles, worth about USD 6.5 billion")
_COORDINATED = LazyPattern(r"[\s,]*(?:(?:and|plus|as\s+well\s+as|with)\s+)?", regex.I)


def _quote(ctx: Ctx, a: int, b: int, limit: int = 60) -> str:
    s = " ".join(ctx.text[a:b].split())
    return s if len(s) <= limit else s[:limit - 1] + "…"


__all__ = ["find", "Pairs"]
