"""Level pairs: two figures the text gives as one quantity at two times ("from X to Y", "to Y from X",
"Y (X)", "Y (2023: X)", "Y compared with X", "Y, up 12% from X", "X ... a year earlier").

Pairs are found once per document by the `pair` grammar (rules/linking.yaml) and are the backbone of every
change claim: a percent, multiple or difference attached to a pair is checked against it, and a pair found in
the body also explains a headline figure that repeats its new level ("Revenue up 16% at €1,707 million").
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from typing import Any

from ..extract import fastregex as regex
from ..extract.lazy import LazyPattern
from ..extract.lexicon import MONTHS
from ..model import Evidence, Mention
from .grammar import Match, matches
from .reading import (
    NAMED_LEVEL_AFTER,
    Facts,
    added_amount,
    comparable,
    inherit,
    is_amount,
    magnitude,
    modifier,
    same_figure,
    share_whole,
)
from .scope import Ctx

MAX_LEVEL_RATIO = 60.0  # two levels of one quantity rarely differ by more than this factor


@dataclass(frozen=True)
class Pair:
    """Two levels of one quantity at two times, and the grammar that pairs them."""

    old: Mention
    new: Mention
    evidence: tuple[Evidence, ...]
    start: int  # span of the grammar match in the document text
    end: int
    aside: bool = False  # an aside about the earlier level stands between the two ("from 1,200 (itself up 10%) to 1,500")

    @property
    def score(self) -> float:
        return sum(e.weight for e in self.evidence)

    def members(self) -> tuple[Mention, Mention]:
        return (self.old, self.new)


class Pairs:
    """Every level pair of a document, indexed by sentence and by figure."""

    def __init__(self, ctx: Ctx, facts: Facts) -> None:
        self.ctx = ctx
        self.facts = facts
        self.all: list[Pair] = []
        self.by_sentence: dict[int, list[Pair]] = {}
        self.levels: set[int] = set()  # starts of figures that are a level in some pair
        self.derived: dict[int, Mention] = {}  # bare figures read in a neighbour's unit, by start
        self.deltas: set[int] = set()  # starts of figures the difference grammar reads as the size of a change
        self._by_old: dict[int, list[Pair]] = {}
        self._by_new: dict[int, list[Pair]] = {}
        self._find()

    def _find(self) -> None:
        ctx = self.ctx
        g = self.facts.g
        best: dict[tuple[int, int], Pair] = {}
        for si, (a, b) in enumerate(ctx.sents):
            figs = ctx.numbers_in(a, b)
            if figs and si and (_BACK_OPENER.match(ctx.text, a, b) or _SINCE_WHEN.search(ctx.text, a, b)):
                self._compared_back(si, figs, best)
            if len(figs) < 2:
                continue
            ab = self.facts.abstract(si)
            comparisons = []
            for mt in matches(g, "difference", ab):
                if peak_aside(ctx, mt):
                    continue
                d = mt.slots.get("d")
                from .change import phrasal

                base = mt.slots.get("base")
                if base is not None and d is not None and not comparable(ctx.vocab, d, base):
                    continue  # "NOK 1,635 billion over the 12 years": no change measured from a base of another kind
                if d is not None and mt.template.id == "than" and base_position(ctx, d):
                    continue  # "has risen from $54.0 million under the original contract to $78.5 million": a level
                    # after "from", not the size of a change "under" something
                if d is not None and d.type != "percent" and not phrasal(ctx.text, mt.start):
                    from .change import level_stated, money_raised

                    if money_raised(ctx, self.facts, mt.start, d) or level_stated(ctx, mt, d):
                        continue  # "raised $2.5 billion in a Series G round": money raised, no rise; "is Tk 6,430 crore,
                        # or 15.3 per cent, up from Tk 5,860 crore": a level
                    self.deltas.add(d.start)
                    comparisons.append((mt, d))
            for mt in matches(g, "compare", ab):
                if mt.slots.get("p") is not None and mt.template.id != "beat-by":
                    # (a level and the target it beat are no two levels of one quantity over time)
                    comparisons.append((mt, mt.slots["p"]))
            for mt in matches(g, "pair", ab):
                ctx.work.patterns += 1
                for k in ("", "2", "3"):
                    self._take(mt, mt.slots.get("old" + k), mt.slots.get("new" + k), figs, best)
            # "PLN 186.6 billion, PLN 27.0 billion more than the PLN 159.6 billion, an increase of 17%": the
            # comparison ties its subject and its base as two levels
            for mt, trig in comparisons:
                base = mt.slots.get("base")
                from .change import _LIST_JOIN, _dates_a_level, _direction

                if base is not None and mt.template.id in ("than", "than-base") and \
                        _LIST_JOIN.search(ctx.text, trig.end, base.start):
                    continue  # "$285.87 million over the President's Budget Request and $28.71 billion - or 3.6% - over
                    # the FY23 enacted level": a list of comparisons, the figure after "and" no base of the first
                from .change import _JOINT_THEN_COMPARE

                if base is not None and base.start > trig.end and \
                        _JOINT_THEN_COMPARE.search(ctx.text, trig.end, base.start):
                    continue  # "up 30% on last year and ahead of the $5.2 billion target": the base is named by words,
                    # the figure after "and ahead of" is another comparison's
                if base is None or _dates_a_level(ctx, base) or _COMPARATIVE_AFTER.match(ctx.text, base.end):
                    # (not "20% more than two years earlier": a time, not a level; nor "30% more than last year and 86%
                    # above the 2022 figure": the trigger of another comparison)
                    continue
                subj = self.subject(trig, base, _direction(self.facts, ctx.text[mt.start:mt.end].replace(trig.text, " ")))
                if subj is not None:
                    self._take(mt, base, subj, figs + ctx.sentence_numbers(si - 1) if si else figs, best)
        self._finish(best)

    def _compared_back(self, si: int, figs: list[Mention], best: dict[tuple[int, int], Pair]) -> None:
        """"... PLN 186.6 billion in 2025. That compares with PLN 118.1 billion in 2024": the pronoun's level is the
        last of the old level's kind in the sentence before (same paragraph); the pair templates marked back: true."""
        ctx = self.ctx
        prev_a = ctx.sents[si - 1][0]
        if ctx.para_index(prev_a) != ctx.para_index(ctx.sents[si][0]):
            return
        for mt in matches(self.facts.g, "pair", self.facts.abstract(si)):
            old = mt.slots.get("old")
            if not mt.template.meta.get("back") or old is None:
                continue
            # (not a part given with its share of a whole: "December alone brought in $1.84 billion, roughly a quarter
            # of the annual total. The sector's exports have risen 2.6-fold since 2019, when they stood at ...")
            prev = [x for x in ctx.sentence_numbers(si - 1) if is_amount(x) and comparable(ctx.vocab, x, old)
                    and not same_figure(x, old) and x.start not in self.deltas and not base_position(ctx, x)
                    and not _PART_WITH_SHARE.match(ctx.text, x.end)]
            # (not a remainder: "The remaining 1.3 per cent went to unidentified recipients. Europe's share ...")
            prev = [x for x in prev if not _REMAINING_BEFORE.search(ctx.text, max(prev_a, x.start - 25), x.start)]
            # (a level of the old level's own kind, a rate per period or not, when the sentence gives both: "96,000
            # helmets in 2024, about 8,000 a month. That compares with 72,000 in 2023")
            prev = same_rate_kind(ctx, self.facts.g, prev, old)
            own = _OWNER_OPENING.match(ctx.text, ctx.sents[si][0])
            owner = own.group(1) or own.group(2) if own is not None else None
            by_name = [x for x in prev if _names_figure(ctx, owner, x, prev_a)] \
                if owner is not None and owner.lower() not in _NOT_OWNERS else []
            if by_name or (owner is not None and owner.lower() not in _NOT_OWNERS and len(prev) >= 3):
                # "Asia 33 per cent, Europe 28 per cent, ... Europe's share has more than doubled since 2015–19": in a
                # list, the level is the one the subject's owner names, else none; the name may follow the figure
                # ("2,900 in Australia and 1,800 in Canada. Australia's workforce ...", "41,000 in the Territorial
                # Defence Force (WOT) and 20,000 volunteers. WOT alone has more than doubled")
                prev = by_name[-1:]
                named = True  # (the other items of the list are then no figures that could as well be the level)
            else:
                named = False
            if prev:
                # (the total of a list, not its last part: "7,444 personnel, comprising 5,841 Army, 776 Air Corps and 827
                # Naval Service. This compares with 7,554"; its parts between are no obstacle)
                total = self._listed_total(si - 1, prev[-1]) if not named else None
                if total is not None and total in prev:
                    self._take(mt, old, total, [x for x in ctx.sentence_numbers(si - 1) if x.start <= total.start] + figs,
                               best)
                else:
                    self._take(mt, old, prev[-1], ([] if named else ctx.sentence_numbers(si - 1)) + figs, best)

    def subject(self, trig: Mention, base: Mention, direction: int = 0) -> Mention | None:
        """The level a comparison is about: the nearest figure of the base's kind before the trigger in its
        sentence, or, in a sentence that opens on "That is"/"This is", the last one of the sentence before. A
        comparison that says its side ("three more than the 68") is about a figure on that side of the base ("funds
        71 F-35s across the three variants, three more than the 68 requested": 71, not the three variants)."""
        ctx = self.ctx
        s, _ = ctx.sentence(trig.start)
        # (not before a clause with a named subject of its own: "doubled from $108 million to $217 million, and Roketsan
        # grew 11% from $161 million")
        s = max([s, *(h.end() for h in _NAMED_SUBJECT_CLAUSE.finditer(ctx.text, s, trig.start))])
        before = [x for x in ctx.numbers_in(s, trig.start) if is_amount(x) and x is not base and x.start not in self.deltas
                  and comparable(ctx.vocab, x, base) and not same_figure(x, base) and not base_position(ctx, x)
                  and not size_of_comparison(ctx, x) and not share_whole(ctx, x)  # (not "5.38 per cent of GDP of EUR 89.0
                  # billion and is EUR 1.05 billion more than": the whole of a share)
                  and not wrong_side(x, base, direction) and not other_rate(ctx, x, base, self.facts.g)]
        before = outside_closed_aside(ctx, before, s, trig.start)
        if before:
            from .change import adjunct_figure

            if len(before) >= 2 and adjunct_figure(ctx, before[-1]) and not adjunct_figure(ctx, before[-2]):
                return None  # "12 ships in two batches, four fewer than the 16 planned": which, position does not say
            total = self._broken_down(before[-1])
            if total is not None and comparable(ctx.vocab, total, base):
                return total  # "12 ships, including 5 frigates and 7 patrol boats — double the 6 of 2022": the total
            return before[-1]
        si = ctx.sent_index(trig.start)
        if si and regex.match(r"\s*(?:that|this|it|which)\b", ctx.text[s:trig.start], regex.I) and \
                ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(trig.start):
            # (not a comparison's base there, nor a target: "stayed below the €50 billion ceiling. It rose 12% from")
            prev = [x for x in ctx.sentence_numbers(si - 1) if is_amount(x) and comparable(ctx.vocab, x, base)
                    and not same_figure(x, base) and x.start not in self.deltas and not base_position(ctx, x)
                    and not size_of_comparison(ctx, x)
                    and not self.facts.g.regex(NAMED_LEVEL_AFTER).match(ctx.text, x.end)
                    # (nor a part of the level before it: "delivered 47 aircraft, 42 of them large-cabin. That is eight
                    # more than the 39 ...": 47)
                    and not _PART_OF_THEM.match(ctx.text, x.end)
                    # (and on the side of the base the comparison says: "... against 13 in 2023 (11 France, 2 export).
                    # That means ... it came in one aircraft above the guidance of 20": 21, not 2)
                    and not wrong_side(x, base, direction)
                    # (nor a rate per another period: "about 126 hours a year ... It is also little more than half the
                    # 17 hours a month")
                    and not other_rate(ctx, x, base, self.facts.g)]
            if prev:
                total = self._broken_down(prev[-1]) or self._listed_total(si - 1, prev[-1])
                return total if total is not None and total in prev else prev[-1]
        return None

    def _take(self, mt: Match, old: Mention | None, new: Mention | None, figs: list[Mention],
              best: dict[tuple[int, int], Pair]) -> None:
        if old is None or new is None or old is new:
            return
        wo, wn = mt.slots.get("when_old"), mt.slots.get("when_new")
        yo, yn = (_year(wo.text), _year(wn.text)) if wo is not None and wn is not None else (None, None)
        if yo and yn and yo > yn or yo == yn and wo is not None and wn is not None and \
                (mo := _month(wo.text)) and (mn := _month(wn.text)) and mo > mn:
            old, new = new, old  # the dates say which level came first ("130,000 in November, down from 180,000 in
            # October": months of one year, or of none given)
        expected = subject_sub = False
        if new.start < old.start and mt.template.id in ("compared", "compared-close") and \
                self.facts.g.regex(_EXPECTED_OF).search(self.ctx.text, max(0, new.start - 30), new.start) and \
                not self.facts.g.regex(_EXPECTED_OF).search(self.ctx.text, max(new.end, old.start - 30), old.start):
            old, new = new, old  # "consensus of ₩936.1 billion against ₩1,725 billion reported": the expectation first,
            # then the result: the expectation is the base
            expected = True
        if new.start < old.start and mt.template.id in ("compared", "compared-close") and not expected and \
                self.facts.g.regex(_NOW_AFTER).match(self.ctx.text, old.end) and \
                not self.facts.g.regex(_NOW_AFTER).match(self.ctx.text, new.end) and \
                not _FROM_RIGHT_BEFORE.search(self.ctx.text, max(0, old.start - 25), old.start):
            old, new = new, old  # "about 3,200 people at the peak of production, against roughly 2,400 today": the level
            # the text says is today's is the later one, whichever comes first (linking words now_words); not after
            # "from", which says the earlier ("to reach 150,000 shells a year by 2027, up from about 20,000 today")
        if mt.template.id in ("compared", "compared-close", "series", "prior-in-year") and not expected and \
                comparable(self.ctx.vocab, old, new) and all(
                    base_position(self.ctx, x) and not HEDGE_THAN.search(self.ctx.text, max(0, x.start - 20), x.start)
                    for x in (old, new)):
            # "The total was 29.6% above the $5.522 billion recorded in 2023 and compares with just $248 million in
            # 2002": two bases of the sentence's comparisons, each compared with its subject, not with each other; the
            # subject is the sentence's first figure of their kind that is no base ("Revenue of $4.0bn was 25% above
            # the $3.2bn of 2023 and compares with $0.5bn in 2010"), if it gives one
            # (the last such figure before the later base: "... from SEK 38,900 million and profit reached SEK 2,960 million
            # compared with SEK 3,700 million" compares the profit)
            s0 = self.ctx.sentence(min(old.start, new.start))[0]
            subj = [x for x in self.ctx.numbers_in(max(s0, min(old.start, new.start) - 300), max(old.start, new.start))
                    if is_amount(x) and x is not old
                    and x is not new and comparable(self.ctx.vocab, x, old) and not base_position(self.ctx, x)]
            if not subj or _CLAUSE_BREAK_AND.search(self.ctx.text, subj[-1].end, max(old.start, new.start)):
                return  # (not across a clause with a subject of its own: "..., and profit reached $0.94 billion versus")
            new, subject_sub = subj[-1], True  # (the comparison's own figures between them are no obstacle)
            if old.start < new.start:
                return
        if mt.template.id in ("compared", "compared-close", "to-from", "comma-from") and new.start < old.start and \
                (self.facts.g.regex(NAMED_LEVEL_AFTER).match(self.ctx.text, new.end) or share_whole(self.ctx, new)):
            # "averaged 52.6%, 22.4 points short of the Air Force's 75% goal and down from 61.9%", "NT$949.5 billion,
            # equal to 3.32% of projected GDP of NT$28.6 trillion and up 22.9% from this year's NT$772.6 billion": a goal,
            # or the whole of a share, is no level that moved from another; "down from" is said of the clause's subject,
            # the last figure of its kind before it that is no base nor goal itself
            s0 = self.ctx.sentence(new.start)[0]
            subj = [x for x in self.ctx.numbers_in(s0, new.start) if is_amount(x) and comparable(self.ctx.vocab, x, old)
                    and not base_position(self.ctx, x) and x.start not in self.deltas
                    and not self.facts.g.regex(NAMED_LEVEL_AFTER).match(self.ctx.text, x.end)]
            if not subj or _CLAUSE_BREAK_AND.search(self.ctx.text, subj[-1].end, new.start):
                return
            new, subject_sub = subj[-1], True
        if new.start < old.start and not subject_sub and mt.template.id in _LEVEL_FIRST and base_position(self.ctx, new) \
                and not HEDGE_THAN.search(self.ctx.text, max(0, new.start - 20), new.start) \
                and _CLAUSE_BREAK_AND.search(self.ctx.text, new.end, old.start):
            return  # "Operations increased 8% from 968 in 2022, and lives saved were up by 71 on the 612", "up from 44
            # companies ..., and applications have doubled from about 1,300 the year before": a figure that is itself the
            # earlier level (or base) of another comparison is no later level of one in a clause after it (but "from
            # 1,200 (itself up 10% on 1,090) to 1,500": an aside about that level)
        if mt.template.id == "moved-to" and base_position(self.ctx, old):
            # "Output reached 1,200 a month, up 20% from 1,000, and the plant plans to lift it to 1,500": "it" is the
            # clause's level, not the base of its change; the last figure of that kind before it that is no base
            s0 = self.ctx.sentence(old.start)[0]
            levels = [x for x in self.ctx.numbers_in(s0, old.start) if is_amount(x)
                      and comparable(self.ctx.vocab, x, old) and not base_position(self.ctx, x)]
            if not levels:
                return
            old, subject_sub = levels[-1], True  # (the base between them is no obstacle)
        if mt.template.id in ("to-from", "from-to") and (_CROSSES_CLAUSE.search(
                self.ctx.text, min(old.end, new.end), max(old.start, new.start)) or self.facts.g.regex(_OWN_VERB_TO).search(
                self.ctx.text, min(old.end, new.end), max(old.start, new.start))):
            return  # "increased by 24% to MSEK 63,751, and over four years they have risen ... from MSEK 35,431"
        if mt.template.id in ("to-from", "from-to") and (h := _NAMED_SUBJECT_CLAUSE.search(
                self.ctx.text, min(old.end, new.end), max(old.start, new.start))) is not None and any(
                x.type == "percent" for x in self.ctx.numbers_in(h.end(), max(old.start, new.start))):
            return  # "doubled from $108 million to $217 million, and Roketsan grew 11% from $161 million": a clause
            # with a named subject and a change of its own
        if mt.template.id == "since-when" and (len([x for x in self.ctx.numbers_in(new.end, old.start) if x.type != "date"
                                                    ]) > 1 or _CLAUSE_SO.search(self.ctx.text, new.end, old.start) or
                                              base_position(self.ctx, new) or
                                              _BASE_BEFORE.search(self.ctx.text, max(0, new.start - 60), new.start) or
                                              _PAST_PERFECT.search(self.ctx.text, max(0, new.start - 40), new.start)):
            return  # "Orders received in 2023 had totalled NIS 24.4 billion, so the order intake has risen ... since
            # 2021, when it stood at NIS 15.1 billion": a level of a past year, in a clause of its own, is not now
        if _FUNDING_AFTER.match(self.ctx.text, old.end):
            return  # "Saronic's valuation quadruples to $4bn after $600m raise": money raised is no earlier level
        if any(added_amount(self.ctx.text, x) for x in (old, new)):
            return  # "24 guns in 2017 and four more in 2022": an amount added to a level is no level
        if new.start < old.start and _contrasted(self.ctx, old, new):
            return  # "64% of those imports came from the United States, against 6.5% from France": two sources (or
            # places, or buyers) side by side, not one quantity's earlier and later levels
        if any(_ASIDE_BEFORE.search(self.ctx.text, max(0, x.start - 20), x.start) for x in (old, new)):
            return  # "€90.6 billion in 2024, including the €100 billion special fund, against €34.7 billion": an aside
        if any(self._saved(x) for x in (old, new)):
            return  # "save $480 million, or 4.7 percent, compared with $10.28 billion": an amount saved is no level
        if _across_modifier(self.ctx, new):
            return  # "2,620 jobs across 165 employers ..., up from 2,140": the employers spread the jobs, no level
        if new.start < old.start and _bare(old) and _bare_takes_nearer(self.ctx, new, old):
            return  # "106 years old this year, has 860 apprentices enrolled, up from 780 a year earlier": a bare figure
            # is of the kind of the nearest figure before it, not of one further back
        total = self._broken_down(new) if new.start < old.start else None
        if total is not None:
            new = total
        if (before := self.ctx.numbers_in(max(0, new.start - 40), new.start)) and \
                _PARTITIVE_OF.fullmatch(self.ctx.text, before[-1].end, new.start):
            return  # "23 of its 32 members did so, or 72%, up from just six": the whole of a part, not a new level
        if any(self._or_restatement(x) for x in (old, new)):
            return  # "3,960 missiles a year by 2026, or 330 a month, up from 2,100 in 2022": the figure after ", or"
            # restates the one before it (per month, in another unit); the level compared is the first
        if any(x.start in self.ctx.restated or bracket_restatement(self.ctx, x) for x in (old, new)):
            # "$53.3 billion (about US$35.2 billion) ..., an increase of 5.5% on the $50.5 billion", "Rs 2,104.82 crore
            # (about Rs 210.5 billion)": a figure restated in another currency, unit or scale is no level of its own
            return
        if mt.template.meta.get("old_not_change") and (
                _CHANGE_BEFORE.search(self.ctx.text[max(0, old.start - 25):old.start])
                or _COMPARATIVE_AFTER.match(self.ctx.text, old.end)):
            return  # "up 12.5% on the previous year", "30% more than last year": a change, not an earlier level
        if old.type == "percent" and new.type == "percent" and any(self._a_change(x) for x in (old, new)):
            return  # "sales rose 16% on a 23% jump in commercial aftermarket": percents that are changes are no levels
        pair = self._validate(old, new, bool(mt.template.meta.get("bare_ok", False)),
                              parallel=mt.template.id.startswith("parallel"),
                              max_ratio=3.0 if "bracket" in mt.template.id else 20.0,
                              # "12 (25%)": the bracket restates the figure before it; only a bare figure inside
                              # the bracket is read in the other's unit ("SEK 1,618m (1,255)")
                              new_inherits="bracket" not in mt.template.id)
        if pair is None:
            return
        old, new = pair
        if not self._gap_clear(old, new, figs) and not mt.template.id.startswith("parallel") and total is None and \
                not subject_sub and not mt.template.meta.get("aside"):
            return  # (the parts of a breakdown between a total and its earlier level are no obstacle; nor are the
            # figures of an aside the template sets off: "from 1,200 (itself up 10% on 1,090) to 1,500")
        # (a result against its prediction is marked so: no change over time another sentence may restate)
        ev = Evidence(f"{mt.template.group}:{'expected' if expected else mt.template.id}",
                      f"'{_quote(self.ctx.text, mt.start, mt.end)}'",
                      mt.template.weight, mt.template.explicit)
        key = (old.start, new.start)
        prev = best.get(key)
        if prev is None or prev.score < ev.weight:
            best[key] = Pair(old, new, (ev,), min(old.start, new.start), max(old.end, new.end),
                             aside=bool(mt.template.meta.get("aside")))

    def _or_restatement(self, x: Mention) -> bool:
        """Is ``x`` a rate set after ", or" that restates the amount right before it per another period ("3,960 missiles a
        year, or 330 a month"; "1.2 million rounds a year, or about 100,000 a month")?"""
        if x.type == "percent" or not is_amount(x):
            return False
        t = self.ctx.text
        s, _ = self.ctx.sentence(x.start)
        lead = _OR_LEAD.search(t, max(s, x.start - 60), x.start)
        if lead is None:
            return False
        rate = per_time(self.ctx, x)
        if rate is None:  # (a per-share figure after ", or" is a level of its own series: "€388 million, or €4.72 per share")
            return False
        before = [y for y in self.ctx.numbers_in(max(s, lead.start() - 60), lead.start()) if y.type != "date"]
        return bool(before) and is_amount(before[-1]) and before[-1].type != "percent" and \
            per_time(self.ctx, before[-1]) != rate and _WORDS_BETWEEN.fullmatch(t, before[-1].end, lead.start()) is not None

    def _a_change(self, x: Mention) -> bool:
        """Is the percent ``x`` a change: a change verb right before it ("rose 16%", "up 12%") or a change noun right
        after it ("a 23% jump", "15% growth"; linking words change_nouns)?"""
        t = self.ctx.text
        if _CHANGE_RIGHT_BEFORE.search(t[max(0, x.start - 25):x.start]):
            return True  # (not "rose to 11.2%": a level reached)
        after = _SPACES.match(t, x.end)
        return after is not None and bool(self.facts.g.word_pattern("change_nouns").match(t, after.end()))

    def _saved(self, x: Mention) -> bool:
        """Is ``x`` an amount saved ("save $480 million", "savings of about €40 million"; linking words saving_words)?"""
        t = self.ctx.text
        hits = list(self.facts.g.word_pattern("saving_words").finditer(t, max(0, x.start - 30), x.start))
        return bool(hits) and not regex.search(r"[\d.;,]", t[hits[-1].end():x.start])

    def broken_down(self, x: Mention) -> Mention | None:
        """The total ``x`` is the last part of, when a breakdown set off after the total ends on it (else None)."""
        return self._broken_down(x)

    def _listed_total(self, si: int, x: Mention) -> Mention | None:
        """The total whose parts the list ending at ``x`` gives ("7,444 personnel, comprising 5,841 Army, 776 Air Corps
        and 827 Naval Service"): the total of a grammar `total` template with its parts after it (linking.yaml), in
        sentence ``si``, when every figure from the template to ``x`` is of the total's type (a count, or an amount in
        its unit), smaller than it, and they add up to no more than it."""
        ctx = self.ctx
        for mt in matches(self.facts.g, "total", self.facts.abstract(si)):
            t = mt.slots.get("total")
            # (or set off after it: "five mine countermeasures vessels, two of the Hunt class and three of the Sandown
            # class. This compares with 15": the appositive templates' parts start inside their match)
            where = mt.template.meta.get("parts")
            if t is None or where not in ("after", "appositive") or not t.end <= x.start or not t.value or \
                    (where == "after" and not mt.end <= x.start):
                continue
            items = [y for y in ctx.numbers_in(mt.end if where == "after" else t.end, x.end) if is_amount(y)]
            if items and items[-1] is x and all(y.type == t.type and (y.type == "count" or y.unit == t.unit)
                                                and 0 < (y.value or 0) < t.value for y in items) and \
                    sum(y.value or 0 for y in items) <= t.value * 1.01:
                return t
        return None

    def _broken_down(self, x: Mention) -> Mention | None:
        """"delivered 15 Rafale jets, 7 for France and 8 for export, more than doubling its output from 7": the last
        part of a breakdown set off after a total is no level of its own; the total is (the figure before the list,
        a comma after it, the parts joined by "and", each smaller than the total)."""
        ctx = self.ctx
        s, _ = ctx.sentence(x.start)
        figs = [y for y in ctx.numbers_in(s, x.start) if is_amount(y)]
        if len(figs) < 2:
            return None
        dashed = self._dash_aside_total(x, s, figs)
        if dashed is not None:
            return dashed
        t, a = figs[-2], figs[-1]
        # (a longer last item when its parts add up to the figure before exactly: "₩2.05 million a month, made up of ₩1.5
        # million in base pay and ₩550,000 paid by the state into a matching savings account, up 24% from ...")
        exact = a.value is not None and x.value is not None and t.value is not None and \
            abs(a.value + x.value - t.value) < 1e-9 * max(1.0, abs(t.value))
        if not (_BREAKDOWN_AFTER if not exact else _LONG_BREAKDOWN_AFTER).match(ctx.text, x.end):
            return None
        if not _LIST_AND.fullmatch(ctx.text, a.end, x.start):
            return None
        if not _SET_OFF.fullmatch(ctx.text, t.end, a.start):
            # "the 25 aircraft handed over in the first quarter, when the company delivered 7 commercial and 18 executive
            # jets — itself a 67% increase": a clause after the comma that gives parts adding up to the total
            if not (_SET_OFF_CLAUSE.fullmatch(ctx.text, t.end, a.start) and a.value is not None and x.value is not None
                    and t.value is not None and abs(a.value + x.value - t.value) < 1e-9 * max(1.0, abs(t.value))):
                return None
        if not (comparable(ctx.vocab, t, a) and comparable(ctx.vocab, t, x) and t.value and a.value and x.value
                and a.value < t.value and x.value < t.value):
            return None
        return t

    def _dash_aside_total(self, x: Mention, s: int, figs: list[Mention]) -> Mention | None:
        """"47 F-35s – 24 F-35As, 12 F-35Bs and 11 F-35Cs – down from 68", "9 ships — six corvettes and three tugs — up
        from 5": the last item of a breakdown set off by two dashes right after a total is no level; the total before the
        opening dash is (larger than the item and of its kind)."""
        ctx = self.ctx
        if not _DASH_CLOSES.match(ctx.text, x.end):
            return None
        dashes = [m for m in _ASIDE_DASH.finditer(ctx.text, s, x.start)]
        if not dashes:
            return None
        opening = dashes[-1]
        before = [y for y in figs if y.end <= opening.start()]
        # (the total's date may stand before the dash: "82 drones in 2023 — 16 ... and 66 ... — against 47 in 2022")
        if not before or not _BEFORE_DASH.fullmatch(_dates_blanked(ctx, before[-1].end, opening.start())):
            return None
        t = before[-1]
        if not (comparable(ctx.vocab, t, x) and t.value and x.value and 0 < x.value < t.value):
            return None
        return t

    def _finish(self, best: dict) -> None:
        ctx = self.ctx
        for key, p in list(best.items()):  # the same two figures read both ways: the stronger grammar wins
            rev = best.get((key[1], key[0]))
            if rev is not None and rev.score > p.score:
                del best[key]
        # chains: "from 10 in 2022 to 20 by 2024 and to 40 in 2025" also gives 10 -> 40 ("a fourfold increase
        # over the period")
        by_old: dict[int, list[Pair]] = {}
        for p in best.values():
            by_old.setdefault(p.old.start, []).append(p)
        for p in list(best.values()):
            for q in by_old.get(p.new.start, []):
                if ctx.sent_index(q.start) == ctx.sent_index(p.start) and (p.old.start, q.new.start) not in best:
                    ev = Evidence("pair:chain", f"{p.old.text} → {p.new.text} → {q.new.text}",
                                  min(p.score, q.score) - 0.5, True)
                    best[(p.old.start, q.new.start)] = Pair(p.old, q.new, (ev,), min(p.start, q.start), max(p.end, q.end))
        # "from €3.1 billion – a record, up from €2.8 billion the year before – to €4.0 billion": a figure of an aside
        # between a pair's two levels is no level of the one after the aside
        asides = [p for p in best.values() if p.aside]
        for key, p in list(best.items()):
            if not p.aside and any(q.old.start < x.start < q.new.start and y.start >= q.new.start
                                   for q in asides for x, y in ((p.old, p.new), (p.new, p.old))):
                del best[key]
        for p in sorted(best.values(), key=lambda p: (p.start, p.end)):
            self._by_old.setdefault(p.old.start, []).append(p)
            self._by_new.setdefault(p.new.start, []).append(p)
            self.all.append(p)
            self.by_sentence.setdefault(ctx.sent_index(p.start), []).append(p)
            if (last := ctx.sent_index(p.end - 1)) != ctx.sent_index(p.start) and \
                    any(e.cue == "pair:since-when-back" for e in p.evidence):
                self.by_sentence.setdefault(last, []).append(p)  # (its trigger is in the later sentence)
            self.levels.add(p.old.start)
            self.levels.add(p.new.start)

    def _validate(self, old: Mention, new: Mention, bare_ok: bool, parallel: bool = False, max_ratio: float = 3.0,
                  new_inherits: bool = True) -> tuple[Mention, Mention] | None:
        vocab = self.ctx.vocab
        if not is_amount(old) or not is_amount(new) or old.start in self.deltas or new.start in self.deltas:
            return None
        if amount_term(self.ctx, old) or amount_term(self.ctx, new):
            return None  # "worth €295bn over six years: the new law is 40% larger": a term, not a level compared
        if any(_CLASS_AMOUNT.fullmatch(x.text) and _PLURAL_AFTER.match(self.ctx.text, x.end) for x in (old, new)):
            return None  # "97 so-called '25-million-euro proposals', compared with 55": an amount naming a class of
            # things (each of that size), no level (not "a $5-billion deal", the deal's value)
        if not self._losses(old, new):
            old, new = self._signed(old), self._signed(new)
        if bare_ok and _bare(old) and not _bare(new):
            d = inherit(old, new, self.ctx.text, max_ratio)
            if d is None:
                return None
            self.derived[old.start] = d
            old = d
        elif bare_ok and new_inherits and _bare(new) and not _bare(old):
            d = inherit(new, old, self.ctx.text, max_ratio)
            if d is None:
                return None
            self.derived[new.start] = d
            new = d
        ou, nu = (old.unit or "").replace(" ", ""), (new.unit or "").replace(" ", "")
        if old.type == new.type == "quantity" and ou != nu and ou and nu and \
                (nu.startswith(ou + "/") or ou.startswith(nu + "/")):
            # "187 hours per year, down from the 250 hours it planned": the rate is understood for the other level
            rate = new.unit if len(nu) > len(ou) else old.unit
            if old.unit != rate:
                old = self.derived.setdefault(old.start, dataclasses.replace(old, unit=rate, inferred=True))
            else:
                new = self.derived.setdefault(new.start, dataclasses.replace(new, unit=rate, inferred=True))
        if not comparable(vocab, old, new) or old.value_high is not None or new.value_high is not None:
            return None
        if old.type == "quantity" and old.unit != new.unit:
            return None  # "700-kilometre (435-mile)": a restatement, not two levels
        po, pn = per_time(self.ctx, old), per_time(self.ctx, new)
        if po and pn and po != pn:
            return None  # "50,000 shells a month" and "600,000 shells a year" are not one quantity
        if magnitude(old, new) > MAX_LEVEL_RATIO or same_figure(old, new):
            return None
        mev = self.facts.measure_evidence(old, new)
        if mev is not None and mev.weight < 0 and not parallel:  # in "X, or $3.49 per share, against Y, or $2.41"
            return None                                          # the second figures share one measure
        return old, new

    def _losses(self, old: Mention, new: Mention) -> bool:
        """Two amounts of one loss, compared by their size: both named a loss ("a net loss of €197 million compares
        with a loss of €121.85 million, an increase of 61.7%"), or the first named so and the other after it without
        the word ("the loss of €197 million compares with €121.85 million"), or the other after a loss word in its own
        clause ("the net loss widened to €197 million from a loss of €121.85 million") - not a swing from an outflow to
        an inflow ("improved to SEK 500m from an outflow of SEK 2,058m")."""
        so, sn = self._signed(old), self._signed(new)
        neg_o, neg_n = so is not old and (so.value or 0) < 0, sn is not new and (sn.value or 0) < 0
        if neg_o == neg_n:
            return neg_o
        signed, bare = (old, new) if neg_o else (new, old)
        if (bare.value or 0) <= 0:
            return False
        if signed.start < bare.start:
            return True
        a = max(self.ctx.sentence(bare.start)[0], self.ctx.text.rfind(",", 0, bare.start) + 1)
        return self.facts.g.word_pattern("loss_nouns").search(self.ctx.text, a, bare.start) is not None

    def _signed(self, m: Mention) -> Mention:
        """A level written as an outflow, a loss or a deficit is below zero."""
        if m.start in self.derived:
            return self.derived[m.start]
        if (m.value or 0) > 0:
            before = self.ctx.text[max(0, m.start - 30):m.start]
            pat = self.facts.g.word_pattern("negative_levels")
            hits = list(pat.finditer(before))
            hit = hits[-1] if hits else None
            after = _LOSS_AFTER.match(self.ctx.text, m.end, min(len(self.ctx.text), m.end + 40))
            if (hit is not None and hit.end() >= len(before.rstrip()) - 1 and not before[hit.end():].strip(" ")) or (
                    after is not None and self.facts.g.word_pattern("loss_nouns").fullmatch(after.group(1))):
                # ("an outflow of SEK 2,058m"; "from the ¥70.1 billion operating loss of FY2023": the loss named after it)
                d = dataclasses.replace(m, value=-(m.value or 0.0), inferred=True)
                self.derived[m.start] = d
                return d
        return m

    def _gap_clear(self, old: Mention, new: Mention, figs: list[Mention]) -> bool:
        """No third figure of the same kind between the two that could as well be one of them (then the pair is
        ambiguous): one of about the size of both, or one nearer in size to either than the two are to each other
        ("profit reached ¥88.6 billion versus ¥61.2 billion" after "to ¥1,023.8 billion": the profit is the level
        compared, not the sales before it); unless it restates one of them ("SEK 21,173m – MSEK 21 173 – from SEK
        14,977m")."""
        a, b = (old, new) if old.start < new.start else (new, old)
        apart = magnitude(a, b)
        for x in figs:
            if x.start >= b.start:
                break
            if x.start <= a.start or not is_amount(x) or x.start in self.deltas:
                continue
            if not comparable(self.ctx.vocab, x, a) or same_figure(x, a) or same_figure(x, b):
                continue
            if _OPENS_ASIDE.fullmatch(self.ctx.text, a.end, x.start) and ")" in self.ctx.text[x.end:b.start]:
                continue  # "to ¥23 (interim ¥11), versus ¥18": a figure in a bracket after the first is its aside
            xa, xb = magnitude(x, a), magnitude(x, b)
            if (xa < 8 and xb < 8) or min(xa, xb) < min(apart, 8):
                return False
        return True

    # ------------------------------------------------------------------------------------ lookups
    def in_sentences(self, lo: int, hi: int) -> list[Pair]:
        out: list[Pair] = []
        for si in range(lo, hi + 1):
            out += self.by_sentence.get(si, [])
        return out

    def with_new(self, m: Mention, limit: int = 4) -> list[Pair]:
        """Pairs anywhere in the document whose new level is the same figure as ``m`` (the ``limit`` nearest)."""
        bucket = self._by_value.get(_vkey(m), [])  # in text order
        k = bisect.bisect_left([p.start for p in bucket], m.start) if len(bucket) <= 64 else \
            bisect.bisect_left(_Starts(bucket), m.start)
        near = bucket[max(0, k - 2 * limit):k + 2 * limit]  # bounded: the nearest on either side
        found = [p for p in near if same_figure(p.new, m) or p.new.start == m.start]
        return sorted(found, key=lambda p: abs(p.start - m.start))[:limit]

    def at_new(self, m: Mention) -> list[Pair]:
        """Pairs whose later level is the figure ``m`` itself (not an equal figure elsewhere)."""
        return self._by_new.get(m.start, [])

    def with_old(self, m: Mention) -> list[Pair]:
        """Pairs whose earlier level is the figure ``m`` itself."""
        return self._by_old.get(m.start, [])

    def with_measure(self, meas: str, near: Mention, limit: int = 4) -> list[Pair]:
        """Pairs whose new level has the measure ``meas`` (the ``limit`` nearest to ``near``)."""
        idx = getattr(self, "_bm", None)
        if idx is None:
            idx = {}
            for p in self.all:
                mid = self.facts.measure_id(p.new)
                if mid:
                    idx.setdefault(mid, []).append(p)
            self._bm = idx
        found = idx.get(meas, [])
        if len(found) > limit:
            found = sorted(found, key=lambda p: abs(p.start - near.start))[:limit]
        return found

    def is_level(self, m: Mention) -> bool:
        return m.start in self.levels

    def resolved(self, m: Mention) -> Mention:
        return self.derived.get(m.start, m)

    @property
    def _by_value(self) -> dict[tuple, list[Pair]]:
        idx = getattr(self, "_bv", None)
        if idx is None:
            idx = {}
            for p in self.all:
                idx.setdefault(_vkey(p.new), []).append(p)
            self._bv = idx
        return idx


_PER_TIME = LazyPattern(r"\s*(?:[\p{L}-]+\s+){0,3}?(?:a|an|per|each|every)\s+(year|month|week|day|hour|quarter|annum)\b",
                          regex.I)


_SPACES = LazyPattern(r"\s*")
_CHANGE_RIGHT_BEFORE = LazyPattern(r"\b(?:up|down|rose|fell|grew|gained|lost|climbed|dropped|declined|increased|decreased|jumped|"
                                   r"(?:increase|rise|decline|drop|fall|growth|gain)\s+of)\s+(?:by\s+)?(?:(?:about|some|nearly|"
                                   r"almost|roughly|around|over|another|a\s+further)\s+)?$", regex.I)
_CHANGE_BEFORE = LazyPattern(r"\b(?:up|down|rose|fell|grew|gained|lost|climbed|dropped|declined|increased|decreased|"
                               r"(?:increase|rise|decline|drop|fall|growth|gain)\s+of|by)\s+(?:\p{L}+\s+)?$", regex.I)
# "than the 181", "over the Rs 1,27,434 crore", "above the Navy's own estimate of $34.2 billion", "from a peak of 300"
# "on", "over" and "after" mark a base only after a figure or a change or comparative word ("up 5% on the 1,200",
# "an increase over the Rs 1,27,434 crore"); elsewhere they belong to a verb ("taking on 20,300 recruits")
# a sentence that opens on its whole: "Of that total, ...", "Of the nine-month order bookings of SEK 79.2 billion, ..."
OF_WHOLE_OPENING = r"\W*of\s+(?:that|the|this|these|those|its|their|all)\b[^,;]{0,80},"
_BASE_WORDS = LazyPattern(r"(?:(?:\b(?:than|from|against|versus|vs\.?|compar(?:ed|es|e)\s+(?:with|to)|above|below|times|twice|thrice|"
                          r"(?<=[\d%)]\s+)(?:short|shy|ahead)\s+of|"
                          r"double|triple|treble|quadruple)\s+"
                          r"|(?:(?<=[\d%)],?\s*)|(?<=\b(?:up|down|higher|lower|more|less|fewer|greater|increase|increases|rise|rises|"
                          r"growth|decline|declines|drop|drops|fall|falls|gain|gains|jump|improvement|premium|discount)\s+))"
                          r"(?:on|over|after)\s+)"
                          r"(?:the\s+|its\s+|their\s+|a\s+)?(?:[\p{L}\p{N}-]+['’]s\s+)?"  # ("than 2023's $13.07 billion")
                          # ("well below the record €27 billion": one adjective after the determiner)
                          r"(?:(?<=\b(?:the|its|their|a)\s+)(?!about\b|around\b|some\b|roughly\b|nearly\b|almost\b|"
                          r"approximately\b|just\b)\p{Ll}[\p{L}-]*\s+)?"
                          # ("more than Malaysia's roughly $51 million per jet": a hedge may stand before the base)
                          r"(?:(?:about|around|some|roughly|nearly|almost|approximately|just)\s+)?"
                          r"|\b(?:than|above|below|against|versus|compared\s+(?:with|to)|times|twice|double|triple|treble|"
                          r"quadruple)\s+(?:the\s+|its\s+|their\s+|an?\s+)?"
                          r"(?:[\p{L}-]+['’]s\s+)?(?:(?!and\b|or\b|but\b|while\b)[\p{L}\p{N}-]+\s+){1,3}of\s+(?:the\s+)?)$", regex.I)


# a clause of its own between the two levels of a "to ... from" pair: a semicolon, ", and" with a new subject, or a
# contrast ("to ¥5,027.1 billion, while business profit increased to ¥383.1 billion from ¥281.8 billion")
_NAMED_SUBJECT_CLAUSE = LazyPattern(r"(?:,\s+(?:and|but|while|whereas)|;)\s+(?=\p{Lu}[\p{L}'’-]*\s+\p{Ll})")
# (a clause of its own after ", and", or one whose verb moves an object of its own "to" the later level: "up 20% from
# 1,000 in January, and the plant plans to lift it to 1,500", "from 40 ships in 2015, and the navy wants to expand it to
# 48": the level after "to" is that verb's, not the end of the "from")
_CROSSES_CLAUSE = LazyPattern(r";|,\s+and\s+[^,;]{0,30}?\b(?:they|it|we|he|she)\s+(?:have|has|had|are|is|was|were|will|would)\b|"
                              r",\s+(?:while|whereas|but|although|though)\s", regex.I)
# ... the verb of such a clause (linking words moving_verbs, and growing or multiplying)
_OWN_VERB_TO = (r",\s+and\s+(?:[\p{L}-]+\s+){0,5}?(?:@moving_verbs|grow|grows|grew|growing|double|doubles|doubled|"
                r"doubling|treble|trebles|trebled|triple|triples|tripled)\s+(?:[\p{L}'’-]+\s+){1,3}?to\s+"
                r"(?:[\p{L}-]+\s+){0,2}$")
# a breakdown set off after a total: "15 jets in the half, 7 for France and 8 for export, ..."
# the close of a dash aside right after its last item ("11 F-35Cs for the Navy – down from"), and what may stand between
# the total and the opening dash ("47 F-35s – ", "€4.2 billion in exports — ")
_DASH_CLOSES = LazyPattern(r"[^,;()\d—–]{0,60}?(?:\s[—–-]\s|—)", regex.I)
_BEFORE_DASH = LazyPattern(r"[^,;()\d—–]{0,30}", regex.I)
_SET_OFF = LazyPattern(r"[^;()]{0,80}?,\s*", regex.I)
_LIST_AND = LazyPattern(r"\s+[^,;()\d]{0,30}?\s*(?:,\s*)?and\s+", regex.I)
_LONG_BREAKDOWN_AFTER = LazyPattern(r"[^,;()\d]{0,80}(?:,|\s[—–]\s)", regex.I)
_BREAKDOWN_AFTER = LazyPattern(r"[^,;()\d]{0,30}(?:,|\s[—–]\s)", regex.I)
_SET_OFF_CLAUSE = LazyPattern(r"[^;()]{0,80}?,\s*(?:[\p{L}-]+\s+){1,5}", regex.I)
_PARTITIVE_OF = LazyPattern(r"\s+(?:out\s+)?of\s+(?:(?:its|their|the|all|our|his|her)\s+)?", regex.I)
_OPEN_AFTER_FIGURE = LazyPattern(r"[\d\p{L}%][^\d()]{0,25}\(\s*(?:[\p{L}.~≈]+\s+){0,2}$")


_TERM_BEFORE = LazyPattern(r"(?<![\p{L}])(?:over|across|during|spanning|spread\s+over)\s+(?:(?:the|its|their)\s+"
                           r"(?:(?:next|coming|following|last|past|full|entire|whole|first)\s+)?|a\s+period\s+of\s+)?$",
                           regex.I)
_TIME_UNITS = frozenset({"year", "month", "week", "day", "decade", "quarter"})
PERIOD_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4, "quarter": 91.3, "year": 365.25, "decade": 3652.5, "annum": 365.25,
         "hour": 1 / 24}


def amount_term(ctx: Ctx, m: Mention) -> bool:
    """Is ``m`` the term an amount right before it is spread over ("€413bn ... over seven years", "$2.1 billion over
    the next five years")? A term is no level of a change or a comparison of its own."""
    if m.type != "quantity" or (m.unit or "").lower().rstrip("s") not in _TIME_UNITS:
        return False
    lead = _TERM_BEFORE.search(ctx.text, max(0, m.start - 40), m.start)
    if lead is None:
        return False
    s0 = ctx.sentence(m.start)[0]
    return any(x.type in ("currency", "count") and lead.start() - x.end <= 60 and
               not regex.search(r"[;:.]", ctx.text[x.end:lead.start()])
               for x in ctx.numbers_in(max(s0, lead.start() - 60), lead.start()))


def bracket_restatement(ctx: Ctx, x: Mention) -> bool:
    """A hedged figure opening a bracket right after another figure ("€1.2 billion (about $1.3 billion)")."""
    return bool(x.hedge) and bool(_OPEN_AFTER_FIGURE.search(ctx.text, max(0, x.start - 40), x.start)) and \
        any(y.end <= x.start and x.start - y.end <= 40 for y in ctx.numbers_in(max(0, x.start - 40), x.start))


_CLAUSE_BREAK_AND = LazyPattern(r";|,\s+(?:and|but|while|whereas|although|though)\b", regex.I)
_FUNDING_AFTER = LazyPattern(r"\s+(?:[\p{L}-]+\s+)?(?:raise|round|funding|fundraise|fundraising|capital\s+raise|"
                             r"capital\s+injection|injection|share\s+issue|rights\s+issue)\b", regex.I)
_NOT_OWNERS = frozenset({"it", "that", "this", "the", "its", "their", "our", "today", "year", "last", "company",
                         "group", "country", "industry", "sector", "nation", "world", "market"})
# "Europe's share ...", "Airbus' deliveries", "Asia alone has ...", "WOT has ...": the subject of a sentence named
_OWNER_OPENING = LazyPattern(r"\W*(?:[Tt]he\s+)?(?:(\p{Lu}[\p{L}-]+)(?:['’]s?\s|\s+(?:alone|itself|on\s+its\s+own)\b)"
                             r"|(\p{Lu}{2,}[\p{Lu}\d]*)\s+(?![\p{Lu}\d]))")


def _names_figure(ctx: Ctx, name: str, x: Mention, lo: int) -> bool:
    """Does ``name`` name the figure ``x``: right before it with no conjunction or comma between ("Europe 28 per
    cent"), or after it before the next figure or clause ("2,900 in Australia", "41,000 in the Territorial Defence
    Force (WOT)")?"""
    word = r"(?<![\p{L}])" + regex.escape(name) + r"(?![\p{L}])"
    if regex.search(word + r"(?:(?!\b(?:and|or|but|while|whereas)\b)[^.;,\d]){0,25}$", ctx.text[max(lo, x.start - 40):x.start]):
        return True
    nxt = ctx.numbers_in(x.end, min(ctx.sentence(x.start)[1], x.end + 70))
    hi = nxt[0].start if nxt else min(ctx.sentence(x.start)[1], x.end + 70)
    return regex.match(r"[^.;\d]{0,60}?" + word, ctx.text[x.end:hi]) is not None
_REMAINING_BEFORE = LazyPattern(r"\b(?:remaining|rest|remainder|balance|other)\b[^.;,\d]{0,12}$", regex.I)
_PART_WITH_SHARE = LazyPattern(r"\s*,\s*(?:or\s+)?(?:(?:about|roughly|around|some|nearly|almost|just\s+over|just\s+under)\s+)?"
                               r"(?:\d[\d.,]*\s*(?:%|per\s?cent|percent)|half|a\s+third|a\s+quarter|a\s+fifth|a\s+tenth|"
                               r"two[- ]thirds|three[- ]quarters)\s+of\b", regex.I)
HEDGE_THAN = LazyPattern(r"\b(?:more|less|fewer)\s+than\s+$", regex.I)  # "to more than 500": a hedge, no base
_OPENS_ASIDE = LazyPattern(r"\s*\([^()]{0,40}")
_BASE_BEFORE = LazyPattern(r"\b(?:over|on|from|than|against|versus|compared\s+with)\s+(?:[\p{L}'’-]+\s+){0,5}$", regex.I)
_CLAUSE_SO = LazyPattern(r",\s*(?:so|thus|therefore|hence|which means)\b|;", regex.I)
_PAST_PERFECT = LazyPattern(r"\bhad\s+(?:\w+\s+){0,2}$", regex.I)
_SINCE_WHEN = LazyPattern(r"\bsince\b[^.;]{0,60}\bwhen\b", regex.I)  # "... since 2019, when it stood at X" (pair since-when-back)
_BACK_OPENER = LazyPattern(r"\W*(?:that|this|it)\s+(?:compares|compared|is\s+compared|was\s+compared)\b", regex.I)


def size_of_comparison(ctx: Ctx, x: Mention) -> bool:
    """"$16.0 billion or 1.9% above ...", "$100 million or 0.3 percent below ...", "25 percent, or $190 billion, larger
    than ...": the size of a comparison, no level."""
    return _SIZE_OF_COMPARISON.match(ctx.text, x.end) is not None


def wrong_side(x: Mention, base: Mention, direction: int) -> bool:
    """Does ``x`` stand on the other side of the base than a comparison of this direction says ("4% higher than the
    AED 23.34 billion" is not about AED 310 million)? An equal figure is on neither side."""
    return bool(direction) and x.value is not None and base.value is not None and \
        (x.value == base.value or (x.value > base.value) != (direction > 0))


def peak_aside(ctx: Ctx, mt: Match) -> bool:
    """"20,000 rounds a day, with surges of up to 60,000 on some days": a plural change noun after "with" names peaks
    (levels on some occasions), not the size of a change."""
    if mt.template.id != "by-verb":
        return False
    word = _FIRST_WORD.match(ctx.text, mt.start)
    return word is not None and word.group(0).lower() in _PEAK_NOUNS and \
        _WITH_BEFORE.search(ctx.text, max(0, mt.start - 25), mt.start) is not None


_FIRST_WORD = LazyPattern(r"[\p{L}]+")
_PEAK_NOUNS = frozenset("surges spikes jumps rises increases peaks drops falls declines dips".split())
_WITH_BEFORE = LazyPattern(r"\bwith\s+(?:[\p{L}-]+\s+)?$", regex.I)


# the pair templates that find the later level before the earlier one, by position alone
_LEVEL_FIRST = frozenset({"compared", "compared-close", "compared-change", "compared-delta", "prior-after"})


def base_position(ctx: Ctx, x: Mention) -> bool:
    """"... over the Rs 1,27,434 crore", "than the 181": the base of a comparison, not what a sentence is about."""
    return bool(_BASE_WORDS.search(ctx.text[max(0, x.start - 40):x.start])) or \
        _BASE_NAMED_BRACKET.search(ctx.text, max(0, x.start - 60), x.start) is not None or \
        _PREMIUM_TO.search(ctx.text, max(0, x.start - 90), x.start) is not None


# "a premium of about 55% to Friday's closing price of €14.86", "a 20% discount to the €81 peak": the figure a premium
# or discount is measured against (after "to", which after a bare percent ends a change: "rose 20% to €14.86")
_PREMIUM_TO = LazyPattern(r"(?:\b(?:premium|discount|mark-?up)\s+(?:of\s+)?(?:(?:about|around|some|roughly|nearly|almost|"
                          r"just\s+over|just\s+under|more\s+than|less\s+than)\s+)?\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b)"
                          r"|\d[\d.,]*\s*(?:%|per\s*cent|percent)\s+(?:premium|discount|mark-?up))\s+to\s+[^.;\d]{0,40}$", regex.I)


# "4.65% more than the BE of 2024-25 (₹1,72,000 crore)": the base named by words, its figure in brackets after them
_BASE_NAMED_BRACKET = LazyPattern(r"\b(?:than|against|versus|compared\s+(?:with|to))\s+(?:the\s+|its\s+|their\s+)?[^.;()\d]{0,40}"
                                  r"(?:\d{4}(?:[-–/]\d{2,4})?[^.;()\d]{0,10})?\(\s*$", regex.I)


def summed_list_item(ctx: Ctx, x: Mention) -> bool:
    """Is ``x`` an item of a list of two the sentence sums ("Together, Mesquite's 30,000 and Scranton's 22,000 would
    cover more than half of the goal", "the 40 tanks and 25 howitzers together account for"): an amount of its kind
    joined to it by "and" right before or after it, and "together" opening the sentence or "together"/"combined"
    right after the list?"""
    s, e = ctx.sentence(x.start)
    before = [y for y in ctx.numbers_in(max(s, x.start - 60), x.start) if is_amount(y) and y.type == x.type]
    after = [y for y in ctx.numbers_in(x.end, min(e, x.end + 60)) if is_amount(y) and y.type == x.type]
    if before and _LIST_JOIN.fullmatch(ctx.text, before[-1].end, x.start):
        first, last = before[-1], x
    elif after and _LIST_JOIN.fullmatch(ctx.text, x.end, after[0].start):
        first, last = x, after[0]
    else:
        return False
    # (an opening "Together," sums the list only when no figure of its kind comes first: "Taken together, the five
    # primes carry a combined backlog of $631.5bn, with Lockheed's $167bn and RTX's $236bn making up nearly two-thirds")
    opening = _TOGETHER_OPENING.match(ctx.text, s) is not None and not any(
        is_amount(y) and y.type == x.type for y in ctx.numbers_in(s, first.start))
    return opening or bool(SUMMED_AFTER.match(ctx.text, last.end))


_LIST_JOIN = LazyPattern(r"[^,;.\d]{0,25}?\s(?:and|plus)\s+[^,;.\d]{0,25}?", regex.I)
SUMMED_AFTER = LazyPattern(r"\s*(?:in\s+all|in\s+total|altogether|combined|together(?!\s+with)|between\s+them)\b",
                                  regex.I)
_TOGETHER_OPENING = LazyPattern(r"\W*(?:together|combined|between\s+them|taken\s+together|jointly)\s*,", regex.I)


def _dates_blanked(ctx: Ctx, a: int, b: int) -> str:
    """The text from ``a`` to ``b`` with every year in it written as letters ("in 2023" -> "in YYYY")."""
    return _YEAR_DIGITS.sub("YYYY", ctx.text[a:b])


_YEAR_DIGITS = LazyPattern(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")


def outside_closed_aside(ctx: Ctx, figs: list[Mention], s: int, end: int) -> list[Mention]:
    """``figs`` without the items of an aside set off by two dashes and closed right before ``end`` ("a fleet of 26
    combatants - six Hunters, 11 frigates, three Hobarts and six vessels - more than double the current 11"; "59,110
    members in 2024–25 — 15,525 in the Navy, ... and 14,210 in the Air Force — 1,213 more than ..."): they are the
    breakdown of the figure before it, not what the comparison after it is about."""
    dashes = [m.start() for m in _ASIDE_DASH.finditer(ctx.text, s, end)]
    if len(dashes) >= 2 and not ctx.numbers_in(dashes[-1], end):
        return [x for x in figs if not dashes[-2] < x.start < dashes[-1]]
    # ... or by brackets after a figure of their own: "cumulative budgets reach ¥23.47tn (¥6.82tn + ¥7.95tn + ¥8.70tn),
    # more than half of the ¥43tn envelope"
    close = ctx.text.rfind(")", s, end)
    if close >= 0 and not ctx.numbers_in(close, end) and _AFTER_BRACKET.fullmatch(ctx.text, close + 1, end):
        open_ = ctx.text.rfind("(", s, close)
        if open_ >= 0 and any(x.end <= open_ for x in figs) and len(ctx.numbers_in(open_, close)) >= 2:
            return [x for x in figs if not open_ < x.start < close]
    return figs


_AFTER_BRACKET = LazyPattern(r"\s*,?\s*(?:[\p{L}-]+\s+){0,3}")


_ASIDE_DASH = LazyPattern(r"\s[—–-]\s|—")


def other_rate(ctx: Ctx, x: Mention, base: Mention, g: Any) -> bool:
    """Are ``x`` and ``base`` rates per two different periods ("126 hours a year", "17 hours a month"), or is one a rate
    per period and the other the total over a term of several ("$40.1 billion a year. Over the full 30 years that
    comes to about $1.2 trillion, roughly 1.9 times the $21.1 billion a year")? An average whose period goes unsaid
    (``g``'s average words) is a rate too ("about $1.2 trillion over 30 years, a third more than the $30.2 billion
    average of the past three decades"), set beside a rate of any period."""
    px = per_time(ctx, x) or ("" if averaged(ctx, g, x) else None)
    pb = per_time(ctx, base) or ("" if averaged(ctx, g, base) else None)
    if px is not None and pb is not None:
        return bool(px and pb and px != pb)
    if px is not None or pb is not None:
        return over_term(ctx, base if px is not None else x, PERIOD_DAYS[px or pb or "year"])
    return False


def same_rate_kind(ctx: Ctx, g: Any, xs: list[Mention], base: Mention) -> list[Mention]:
    """The figures of ``xs`` that are rates per period when ``base`` is one and levels when it is not ("a year",
    "a month", an average), if there are any; else ``xs``."""
    def rate(m: Mention) -> bool:
        return per_time(ctx, m) is not None or averaged(ctx, g, m)

    kind = rate(base)
    same = [x for x in xs if rate(x) == kind]
    return same or xs


_AVERAGE_BEFORE = r"(?<![\p{L}])(?:@average_before_words)\s+(?:(?:about|around|some|roughly|nearly|almost|approximately|" \
    r"just\s+(?:over|under))\s+)?$"


def averaged(ctx: Ctx, g: Any, m: Mention) -> bool:
    """Is ``m`` an average by the words right after or before it (linking words average_after_words,
    average_before_words: "the $30.2 billion average", "an average of 12")?"""
    t = ctx.text
    i = _SPACES.match(t, m.end).end()
    if g.word_pattern("average_after_words").match(t, i, min(len(t), i + 30)):
        return True
    return g.regex(_AVERAGE_BEFORE).search(t, max(0, m.start - 40), m.start) is not None


def over_term(ctx: Ctx, x: Mention, longer_than: float = 0.0) -> bool:
    """Is the amount ``x`` a total over a term its clause names, longer than ``longer_than`` days ("Over the full 30
    years that comes to about $1.2 trillion", "€96 billion across the three decades of service", "1.2 million shells
    over the next five years")?"""
    return term_of(ctx, x, longer_than) is not None


def term_days(t: Mention) -> float:
    """The length of a term (a quantity of time units) in days."""
    return (t.value or 0.0) * PERIOD_DAYS.get((t.unit or "").lower().rstrip("s"), 0.0)


def term_of(ctx: Ctx, x: Mention, longer_than: float = 0.0) -> Mention | None:
    """The term the amount ``x`` is a total over, as ``over_term`` finds it, or None."""
    s, e = ctx.sentence(x.start)
    for t in ctx.numbers_in(max(s, x.start - 80), min(e, x.end + 60)):
        unit = (t.unit or "").lower().rstrip("s")
        if t.type != "quantity" or unit not in _TIME_UNITS or not t.value or t.value_high is not None \
                or t.value * PERIOD_DAYS[unit] <= 1.5 * longer_than:
            continue
        lead = _TERM_BEFORE.search(ctx.text, max(0, t.start - 40), t.start)
        if lead is None:
            continue
        a, b = (t.end, x.start) if t.end <= x.start else (x.end, lead.start())
        if b < a or b - a > 60 or regex.search(r"[;:.]", ctx.text[a:b]) or \
                any(is_amount(y) and y.type == x.type for y in ctx.numbers_in(a, b)):
            continue
        return t
    return None


def per_time(ctx: Ctx, m: Mention) -> str | None:
    """The period a level is a rate of ("a month", "per year"), or None."""
    hit = _PER_TIME.match(ctx.text, m.end, min(len(ctx.text), m.end + 40))
    return hit.group(1).lower().replace("annum", "year") if hit else None


class _Starts:
    """A list of pairs seen as the list of their starts, for bisection without copying."""

    def __init__(self, pairs: list[Pair]) -> None:
        self.pairs = pairs

    def __len__(self) -> int:
        return len(self.pairs)

    def __getitem__(self, i: int) -> int:
        return self.pairs[i].start


_FROM_RIGHT_BEFORE = LazyPattern(r"\bfrom\s+(?:[\p{L}-]+\s+)?$", regex.I)
_NOW_AFTER = r"[^\S\n]+(?:@now_words)\b"
_EXPECTED_OF = r"(?<![\p{L}])(?:@prediction_nouns)\s+(?:of|at|was|were|had\s+been|stood\s+at)\s+(?:(?:about|around|some|roughly)\s+)?$"
_PART_OF_THEM = LazyPattern(r"\s+(?:[\p{L}-]+\s+)?of\s+(?:them|these|those|which|whom)\b", regex.I)
# a loss noun right after a level, an adjective or two before it: "the ¥70.1 billion operating loss", "a €12m net loss"
_LOSS_AFTER = LazyPattern(r"[^\S\n]+(?:(?:net|operating|pre-?tax|underlying|adjusted|reported|cash|annual|quarterly)[^\S\n]+){0,2}"
                          r"(\p{L}+)(?![\p{L}-])", regex.I)
_OR_LEAD = LazyPattern(r",\s*or\s+(?:(?:about|around|some|roughly|nearly|almost|just\s+over|just\s+under)\s+)?$", regex.I)
_WORDS_BETWEEN = LazyPattern(r"(?:\s*(?:[\p{L}-]+|(?:19|20)\d\d)){0,6}\s*", regex.I)  # words (and years)
_ASIDE_BEFORE = LazyPattern(r"\b(?:including|includes|included|incl\.|excluding|excludes|of\s+which)\s+(?:the\s+|its\s+|their\s+|some\s+|"
                            r"about\s+)?$", regex.I)
# "$16.0 billion or 1.9% above ...", "$4.4 billion below ...": the size of a comparison, no level
_SIZE_OF_COMPARISON = LazyPattern(r"(?:\s*,?\s*or\s+\d[\d.,]*\s*(?:%|percent|per\s?cent)\s*,?\s*|\s*,?\s+)"
                                  r"(?:above|below|(?:more|less|fewer|higher|lower|larger|smaller|greater|bigger)\s+than)\b"
                                  # (not "more than two and a half times the 30": a multiple, whose subject it is)
                                  # (nor "more than a third of the 1,000": a fraction, whose part it is)
                                  r"(?!\s+(?:double|twice|triple|treble|half|quadruple|(?:\S+\s+){1,4}times|"
                                  r"an?\s+(?:third|quarter|fifth|tenth)|(?:one|two|three|four)[-\s](?:thirds?|quarters?|fifths?))\b)",
                                  regex.I)
_COMPARATIVE_AFTER = LazyPattern(r"\s*(?:more|less|fewer|higher|lower|up|down|above|below|over|under|ahead|behind)\b", regex.I)


def _bare_takes_nearer(ctx: Ctx, new: Mention, old: Mention) -> bool:
    """Is there a figure of another kind than ``new`` (a count after an age) between ``new`` and the bare ``old``?"""
    # (not a calibre or a span, "40,000 155mm rounds", nor an attribute, "97 so-called 25-million-euro proposals")
    return any(is_amount(x) and x.type not in ("percent", new.type) and not _bare(x)
               and not modifier(x) and not regex.search(r"\d-\p{L}", x.text) and not _across_modifier(ctx, x)
               for x in ctx.numbers_in(new.end, old.start))


def _across_modifier(ctx: Ctx, x: Mention) -> bool:
    """"2,620 jobs across 165 employers": a count in a phrase that spreads the figure before it over other things, no
    level of its own."""
    before = ctx.numbers_in(max(0, x.start - 40), x.start)
    return bool(before) and before[-1].type == "count" and _ACROSS.fullmatch(ctx.text, before[-1].end, x.start) is not None


_ACROSS = LazyPattern(r"\s+(?:(?:spread|split|shared|divided)\s+)?(?:across|among|between|over)\s+(?:some\s+|about\s+)?",
                      regex.I)


_CLASS_AMOUNT = LazyPattern(r"\S*?\d[\d.,]*-(?:million|billion|trillion|thousand|crore|lakh|bn|mn)(?:-[\p{L}]+)?", regex.I)
_PLURAL_AFTER = LazyPattern(r"[\"”’']?\s+(?:[\p{Ll}-]+\s+)?[\p{Ll}-]+s\b")


def _bare(m: Mention) -> bool:
    """A figure with no unit of its own: "(11,527)", "8.32"."""
    return m.type == "number" or (m.type == "count" and (not m.unit or m.inferred))


# a figure set against another by the name each is of: "... from the United States, against 6.5% from France", "70 to
# the Air Force, against 12 to the Navy", "300 units built at Ankara compared with 180 at Izmir"
_NAMED_AFTER_FIG = LazyPattern(r"\s+(?:[\p{Ll}-]+\s+){0,2}?(?P<prep>from|for|in|at|to|by|under|with)\s+(?:the\s+)?"
                               r"(?P<name>\p{Lu}[\p{L}\p{N}.’'-]*)")
_NOT_A_NAME = LazyPattern(r"(?:Q[1-4]|H[12]|FY|Fiscal|Financial|Year|Quarter|Half|"
                          + "|".join(sorted((m.capitalize() for m in MONTHS), key=lambda w: (-len(w), w)))
                          + r")\b.*|\p{Lu}{1,2}\d.*")


def _contrasted(ctx: Ctx, old: Mention, new: Mention) -> bool:
    """Is ``old`` (after ``new``) of another named thing than ``new``: the same preposition before a different name
    after each, or before ``new`` in its clause ("came from the United States, against 6.5% from France")?"""
    m = _NAMED_AFTER_FIG.match(ctx.text, old.end)
    if m is None or _NOT_A_NAME.fullmatch(m.group("name")):
        return False
    s, _ = ctx.sentence(new.start)
    seg = ctx.text[max(s, new.start - 60):old.start]
    for n in regex.finditer(r"\b" + m.group("prep") + r"\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}.’'-]*)", seg):
        if n.group(1) != m.group("name") and not _NOT_A_NAME.fullmatch(n.group(1)):
            return True
    return False


def _month(text: str) -> int | None:
    """The month a date names ("in November", "October 2024"), 1-12; None when it names none."""
    m = regex.search(r"\p{L}+", text)
    return MONTHS.get(m.group(0).lower()) if m else None


def _year(text: str) -> int | None:
    m = regex.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", text)
    return int(m.group(1)) if m else None


def _vkey(m: Mention) -> tuple:
    """A coarse key (type, unit, two significant digits) under which the same figure written twice meets."""
    v = abs(m.value or 0.0)
    if not v:
        return (m.type, m.unit, 0)
    return (m.type, m.unit, float(f"{v:.1e}"))


def _quote(text: str, a: int, b: int, limit: int = 70) -> str:
    s = " ".join(text[a:b].split())
    return s if len(s) <= limit else s[:limit - 1] + "…"
