"""Levels of one measure at named periods, and changes stated against a period.

A release often gives the levels in one place and the change in another: "Deliveries had fallen to 98 in 2023
and 110 in 2024 ... last year's output represents a 64% jump on 2024"; "In 2023 it had delivered 13 Rafale ...
Rafale output nearly doubled in 2024"; "defence spending is to rise to €108.2 billion, 29% more than in 2025".

- A figure's period is a year attached to it in its clause: "110 in 2024", "In 2023 it had delivered 13",
  "2024's 110", "last year's output of 191" (relative years from the dateline or `--as-of`).
- The series index keys each such figure by its measure (rules/linking.yaml `measures`) and year.
- A change trigger names its periods: the base after "on/over/from/than (in)" ("a 64% jump on 2024"), the new
  one after "in" ("doubled in 2024") or before the measure ("last year's output"); the other one is the year
  before or the subject's own.
The reading is the one level of each year (a year with two different levels of the measure gives none).
"""

from __future__ import annotations

from functools import cached_property

from ..extract import fastregex as regex
from ..extract.lazy import LazyPattern, rx
from ..model import Evidence, Mention
from .reading import Facts, comparable, is_amount, same_figure
from .scope import Ctx

_YEAR = LazyPattern(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d|\s*[-–/]\s*\d)")
# "110 in 2024", "13 Rafale in 2023", "€5.1 billion for fiscal 2024": a year right after the figure
_AFTER = LazyPattern(r"\s*(?:[\p{L}'’-]+\s+){0,3}?(?:in|for|during|of|by|as\s+of|at\s+the\s+end\s+of|by\s+the\s+end\s+of)\s+"
                     r"(?:(?:the\s+)?(?:fiscal|financial|calendar)\s+(?:year\s+)?|FY\s?)?$", regex.I)
# "In 2023 it had delivered 13 Rafale": a year opening the clause of the figure
_OPENING = LazyPattern(r"(?:^|[,;:]\s*|\b(?:and|while|but|whereas)\s+)(?:in|for|during|by)\s+(?:(?:fiscal|financial)\s+)?$",
                       regex.I)
# "Since 2019, when the quarterly rate stood at $1.32": a clause "when" after a date gives the level of that date
_WHEN_CLAUSE = LazyPattern(r"\s*,?\s*when\s+(?:[\p{L}'’-]+\s+){1,8}", regex.I)
_PLAN_FOR = r"(?<![\p{L}])@period_plan_nouns\s+for\s+(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)?$"
_WORDS_ONLY = LazyPattern(r"\s*(?:[\p{L}'’-]+\s+){1,5}", regex.I)
# "2024's 110", "last year's output of 191", "this year's 224"
_POSSESSIVE = LazyPattern(r"(?:(?P<y>(?:1[89]|20)\d\d)|(?P<rel>last|this|next|the\s+previous|the\s+prior|the\s+current)\s+"
                          r"(?:year|fiscal\s+year))['’]s\s+(?:[\p{L}-]+\s+){0,3}(?:of\s+)?$", regex.I)
# "a 2026 defence budget of €4.79 billion", "the 2025 figure was 110": a year modifying the figure's noun
_ATTRIBUTIVE = LazyPattern(r"(?<![\d.,])(?P<y>(?:1[89]|20)\d\d)\s+(?:[\p{L}-]+\s+){1,3}(?:of|at|was|were|is|are|totall?ing|:)\s+"
                           r"(?:(?:about|around|some|roughly|nearly|almost|just|over|more\s+than|an?|the)\s+)*$", regex.I)
_RELATIVE_AFTER = LazyPattern(r"\s*,?\s*(?:(?P<last>last\s+year|a\s+year\s+(?:earlier|before|ago)|in\s+the\s+(?:previous|prior)"
                              r"\s+year|the\s+year\s+before)|(?P<this>this\s+year|in\s+the\s+current\s+year))\b", regex.I)
# the base period of a change: "a 64% jump on 2024", "29% more than in 2025", "up 12% from 2023"
_BASE = LazyPattern(r"\s*(?:[\p{L}-]+\s+){0,3}?(?:on|over|from|against|versus|vs\.?|compared\s+(?:with|to)|than(?:\s+in)?|"
                    r"relative\s+to|above|below)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)?(?P<y>(?:1[89]|20)\d\d)\b"
                    r"|\s*(?:[\p{L}-]+\s+){0,3}?(?:on|over|from|than|compared\s+with|versus)\s+(?P<rel>last\s+year|the\s+"
                    r"(?:previous|prior)\s+year|a\s+year\s+(?:earlier|ago|before))", regex.I)
# the new period of a change: "doubled in 2024", "rose 12% in fiscal 2025"
_NEW_AFTER = LazyPattern(r"\s*(?:in|for|during)\s+(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)?(?P<y>(?:1[89]|20)\d\d)\b"
                         r"(?!\s*(?:,\s*)?(?:from|compared|versus|vs|against))", regex.I)


class Periods:
    """Figures by measure and year, indexed once per document."""

    def __init__(self, ctx: Ctx, facts: Facts) -> None:
        self.ctx = ctx
        self.facts = facts

    @cached_property
    def doc_year(self) -> int | None:
        from .dates import document_date

        d = document_date(self.ctx)
        return d.last.year if d is not None else None

    def subject_year(self, text: str) -> int | None:
        """The year a subject phrase names: "This year's budget" -> the dateline's year; "2024's output" -> 2024."""
        m = _POSSESSIVE_ANY.search(text)
        if m is None:
            return None
        return int(m.group("y")) if m.group("y") else self._relative(m.group("rel"))

    def _relative(self, word: str) -> int | None:
        if self.doc_year is None:
            return None
        w = " ".join(word.lower().split())
        if w.startswith(("last", "the previous", "the prior", "a year", "in the previous", "in the prior",
                         "the year before")):
            return self.doc_year - 1
        return self.doc_year

    def year_of(self, x: Mention) -> int | None:
        """The year a figure is attached to in its clause, if the text says."""
        ctx, t = self.ctx, self.ctx.text
        s, e = ctx.sentence(x.start)
        for d in ctx.dates_in(x.end, min(e, x.end + 60)):
            gap = t[x.end:d.start]
            if _AFTER.fullmatch(gap) and not ctx.numbers_in(x.end, d.start):
                y = _YEAR.search(d.text)
                return int(y.group(1)) if y else None
            break
        rel = _RELATIVE_AFTER.match(t, x.end, min(e, x.end + 40))
        if rel is not None:
            return self._relative(rel.group(0).strip(" ,"))
        head = t[max(s, x.start - 60):x.start]
        pos = _POSSESSIVE.search(head)
        if pos is not None:
            return int(pos.group("y")) if pos.group("y") else self._relative(pos.group("rel"))
        attr = _ATTRIBUTIVE.search(head)
        if attr is not None:  # "a 2026 defence budget of €4.79 billion"
            return int(attr.group("y"))
        before = [d for d in ctx.dates_in(max(s, x.start - 80), x.start)]
        if before:
            d = before[-1]
            lead = t[s:d.start]
            lead = lead if len(lead) <= 40 else "… " + lead[-40:]  # "^" only at the sentence's start
            if (_OPENING.search(lead) or _WHEN_CLAUSE.fullmatch(t, d.end, x.start)) and \
                    not [y for y in ctx.numbers_in(d.end, x.start) if is_amount(y)] and ";" not in t[d.end:x.start]:
                y = _YEAR.search(d.text)
                return int(y.group(1)) if y else None
            # "the ministry's plans for 2026 point to about PLN 200bn", "the budget request for 2027 foresees $61
            # billion": a plan, budget or forecast "for" a year, then a few words and the figure it names (linking
            # words period_plan_nouns)
            if _WORDS_ONLY.fullmatch(t, d.end, x.start) and \
                    self.facts.g.regex(_PLAN_FOR).search(t, max(s, d.start - 40), d.start):
                y = _YEAR.search(d.text)
                return int(y.group(1)) if y else None
        return None

    def levels_of(self, measure: str, year: int) -> list[Mention]:
        """The levels of ``measure`` the text attaches to ``year`` (from one index of the document)."""
        return list(self._series.get(measure, {}).get(year, ()))

    def levels_in(self, year: int) -> list[Mention]:
        """The levels of any measure the text attaches to ``year``."""
        return [x for by_year in self._series.values() for x in by_year.get(year, ())]

    @cached_property
    def _series(self) -> dict[str, dict[int, list[Mention]]]:
        out: dict[str, dict[int, list[Mention]]] = {}
        for x in self.ctx.numbers:
            if not is_amount(x) or x.type == "percent" or x.value_high is not None:
                continue
            key = self.facts.measure_id(x)
            if not key or key.startswith("margin:"):
                continue
            y = self.year_of(x)
            if y is not None:
                out.setdefault(key, {}).setdefault(y, []).append(x)
        return out

    @cached_property
    def _years_by_value(self) -> dict[tuple, set[int]]:
        out: dict[tuple, set[int]] = {}
        for x in self.ctx.amounts:
            y = self.year_of(x) if x.type != "percent" else None
            if y is not None:
                out.setdefault((x.type, x.unit, x.value), set()).add(y)
        return out

    def years_of_value(self, x: Mention) -> set[int]:
        """The years the text attaches to a figure, wherever it writes it ("€4.79 billion" in the headline and
        in "a 2026 defence budget of €4.79 billion")."""
        return self._years_by_value.get((x.type, x.unit, x.value), set())

    def level(self, key: str, year: int, like: Mention | None = None, words: set[str] | None = None) -> Mention | None:
        """The one level of a measure in a year (written once, or the same figure restated), else None. With
        ``words`` (the trigger's subject: "Rafale output"), figures counting one of them come first, then figures
        naming no thing of their own."""
        xs = [x for x in self._series.get(key, {}).get(year, []) if like is None or comparable(self.ctx.vocab, x, like)]
        if words is not None and len(xs) > 1:
            named = [x for x in xs if x.unit and not x.inferred and x.unit.lower() in words]
            xs = named or [x for x in xs if x.type != "count" or not x.unit or x.inferred]
        if not xs or any(not same_figure(x, xs[0]) for x in xs[1:]):
            return None
        return xs[0]

    def change_years(self, p: Mention) -> tuple[int, int, str] | None:
        """The two years a change trigger compares, and the words that say so."""
        ctx, t = self.ctx, self.ctx.text
        s, e = ctx.sentence(p.start)
        base = _BASE.match(t, p.end, min(e, p.end + 60))
        new_after = _NEW_AFTER.match(t, p.end, min(e, p.end + 30))
        old: int | None = None
        new: int | None = None
        said = ""
        if base is not None:
            old = int(base.group("y")) if base.group("y") else None
            if old is None and base.group("rel"):
                old = self._relative(base.group("rel"))
            said = " ".join(t[p.start:base.end()].split())
        if new_after is not None:
            new = int(new_after.group("y"))
            said = said or " ".join(t[p.start:new_after.end()].split())
        if new is None:
            found = list(_POSSESSIVE_ANY.finditer(t[s:p.start]))  # the last one before the trigger
            pos = found[-1] if found else None
            if pos is not None:
                new = int(pos.group("y")) if pos.group("y") else self._relative(pos.group("rel"))
        if old is None and new is not None and base is None:
            old = new - 1
        if new is None and old is not None:
            subj = [x for x in ctx.numbers_in(s, p.start) if is_amount(x) and x.type != "percent"]
            new = self.year_of(subj[-1]) if subj else None
            if new is None:
                new = self._clause_year(p)
            if new is None:  # "The 2023 total was 68% above 2021": the subject named by its year
                m = _SUBJECT_YEAR.match(t, s, p.start)
                new = int(m.group(1)) if m else None
        if old is None or new is None or old >= new:
            return None
        return old, new, said

    def named_base_year(self, p: Mention) -> int | None:
        """The year a change trigger says it is measured from, written out ("90% higher than in 2019-20", "60% above
        2020 levels", "up 21% on 2023"), else None."""
        _, e = self.ctx.sentence(p.start)
        base = _BASE.match(self.ctx.text, p.end, min(e, p.end + 60))
        return int(base.group("y")) if base is not None and base.group("y") else None

    def _clause_year(self, p: Mention) -> int | None:
        """"In 2026, defence spending is to rise to ..., 29% more than in 2025": the year opening the sentence."""
        s, _ = self.ctx.sentence(p.start)
        m = rx(r"\s*(?:in|for|during)\s+(?:(?:fiscal|financial)\s+)?((?:1[89]|20)\d\d)\s*,", regex.I).match(self.ctx.text, s)
        return int(m.group(1)) if m else None

    def readings(self, p: Mention) -> list[tuple[Mention, Mention, list[Evidence]]]:
        """(old, new, evidence) for a change trigger stated against a period."""
        years = self.change_years(p)
        if years is None:
            return []
        old_y, new_y, said = years
        key = self.facts.measure_id(p)
        if not key:
            return self._series_readings(p, old_y, new_y, said)
        if key.startswith("margin:"):
            return []
        s, _ = self.ctx.sentence(p.start)
        words = {w.lower() for w in regex.findall(r"[\p{L}][\p{L}\d-]+", self.ctx.text[max(s, p.start - 80):p.start])}
        words |= {w[:-1] for w in words if w.endswith("s")}
        new = self.level(key, new_y, words=words)
        old = self.level(key, old_y, like=new, words=words)
        if new is None or old is None or new is old or not comparable(self.ctx.vocab, old, new):
            return []
        ev = [Evidence("period", f"'{said}': {key} in {old_y} ({old.text}) and {new_y} ({new.text})",
                       self.facts.weight("explicit", 3.0), True),
              Evidence("same-measure", f"same measure '{key}'", self.facts.weight("measure", 1.0))]
        return [(old, new, ev)]


    def _series_readings(self, p: Mention, old_y: int, new_y: int, said: str) -> list[tuple[Mention, Mention, list[Evidence]]]:
        """"Exports were $1.2 billion in 2021, $1.5 billion in 2022 and $1.9 billion in 2023. The 2023 total was 68%
        above 2021": a change naming no measure but two years takes the levels of the one series of figures, each of a
        year of its own, that its sentence or the sentence before (in its paragraph) gives."""
        ctx = self.ctx
        si = ctx.sent_index(p.start)
        sents = [si - 1, si] if si > 0 and ctx.para_index(ctx.sents[si - 1][0]) == ctx.para_index(p.start) else [si]
        by_year: dict[int, list[Mention]] = {}
        kinds = set()
        for k in sents:
            for x in ctx.sentence_numbers(k):
                if x.end > p.start or not is_amount(x) or x.type == "percent" or x.value_high is not None:
                    continue
                y = self.year_of(x)
                if y is not None:
                    by_year.setdefault(y, []).append(x)
                    kinds.add((x.type, x.unit))
        if len(kinds) != 1 or len(by_year) < 2 or any(len(v) != 1 for v in by_year.values()) or \
                old_y not in by_year or new_y not in by_year:
            return []
        old, new = by_year[old_y][0], by_year[new_y][0]
        ev = [Evidence("period-series", f"'{said}': the series of {len(by_year)} years given, {old_y} ({old.text}) and "
                                        f"{new_y} ({new.text})", self.facts.weight("explicit", 3.0), True),
              Evidence("years-named", "both years named by the change's sentence", self.facts.weight("measure", 1.0))]
        return [(old, new, ev)]


# "The 2023 total", "Its 2024 budget", "The 2023-24 figure": a sentence's subject named by its year
_SUBJECT_YEAR = LazyPattern(r"\W*(?:the|its|their)\s+(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)?((?:19|20)\d\d)"
                            r"(?:\s?[-/–]\s?\d\d)?\s+[\p{L}-]+", regex.I)
_POSSESSIVE_ANY = LazyPattern(r"(?:(?P<y>(?:1[89]|20)\d\d)|(?P<rel>last|this|the\s+previous|the\s+current)\s+year)['’]s\b",
                              regex.I)

__all__ = ["Periods"]
