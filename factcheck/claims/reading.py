"""What the linkers know about one figure: its kind (can two figures be compared?), its measure (what it is
a figure of), its basis qualifier, and a bare figure read in the unit of the figure it stands beside.

All lookups are per sentence and bounded; the per-document indexes are built once in ``Facts``.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..extract import fastregex as regex
from ..extract.lazy import LazyPattern, rx
from ..extract.wordstarts import firsts_of, fold, scan, word_starts
from ..model import Evidence, Mention, Relation
from .grammar import Abstract, Grammar, _alternation, abstract, grammar_for
from .scope import Ctx

if TYPE_CHECKING:
    from .periods import Periods

# nouns that count anything ("units", "models"): a count of them is compatible with every count (rules/units.yaml)
_GENERIC_DEFAULT = ("unit", "item", "piece", "example", "one", "copy", "set", "lot", "system", "number")
# a variant letter or two after a designation's number ("F-35A", "F-16V", "K9A1", "FA-50PL"): the class is the stem's
_VARIANT = regex.compile(r"^(.*\d)\p{L}{1,3}\d?$")


# ---------------------------------------------------------------------------------------------- kinds
def noun_class(vocab: dict, noun: str | None) -> str | None:
    if not noun:
        return None
    n = noun.lower()
    idx = _noun_index(vocab)
    hit = idx.get(n) or idx.get(n.rstrip("s"))
    if hit:
        return hit
    words = n.replace("-", " ").split() or [n]
    for k in range(len(words)):  # the longest ending the classes name: "M240C machine guns" -> "machine gun"
        tail = " ".join(words[k:])
        hit = idx.get(tail) or idx.get(tail.rstrip("s"))
        if hit:
            return hit
    stem = _VARIANT.match(n.rstrip("s"))
    return (idx.get(stem.group(1)) if stem else None) or n


def known_noun(vocab: dict, noun: str) -> bool:
    """Is ``noun`` (or its singular) a word of a class in rules/units.yaml noun_classes?"""
    idx = _noun_index(vocab)
    n = noun.lower()
    return n in idx or n.rstrip("s") in idx


_NOUN_IDX: dict[int, tuple[dict, dict[str, str]]] = {}


def _noun_index(vocab: dict) -> dict[str, str]:
    hit = _NOUN_IDX.get(id(vocab))
    if hit is not None and hit[0] is vocab:
        return hit[1]
    out: dict[str, str] = {}
    for cls, words in (vocab.get("noun_classes") or {}).items():
        for w in words:
            out.setdefault(str(w).lower(), cls)
    _NOUN_IDX[id(vocab)] = (vocab, out)
    return out


def fraction_step(p: Mention, percent: float) -> float:
    """How far a fraction word reaches, in percent: "a third", "a quarter", "two-thirds" are round words, within 10%
    of their value (a third: 30.0-36.7%; "a third more expensive" is said of a 36% rise); written with a hedge ("more
    than half", "almost a third") or in digits, the fraction is exact and the hedge says which way it reaches."""
    return abs(percent) * 0.10 if p.word and not p.hedge else 0.0


def is_amount(m: Mention) -> bool:
    return m.value is not None and m.type in ("percent", "currency", "count", "quantity", "number") and not m.role


_SPAN_UNITS = frozenset({"year", "month", "week", "day", "hour", "decade", "quarter"})


_CALIBRE_UNITS = frozenset({"millimeter", "centimeter", "inch"})
_NAMED_AFTER = LazyPattern(r"[^\S\n]+\p{Lu}[\p{L}-]*")
_CALIBRE_RUN = LazyPattern(r"(?:\s*(?:,|and|or|/)\s*\d+(?:\.\d+)?[^\S\n]?(?:mm|cm|in)\b)+", regex.I)


def calibre(text: str, m: Mention, nouns: regex.Pattern) -> bool:
    """Is ``m`` a length right before a calibre noun (``nouns``: linking words calibre_nouns), at most two words between
    ("155mm high-explosive shells", "120mm tank rounds", "a 76mm gun")? It names a class of weapon, never a total or a
    part of one."""
    if m.type != "quantity" or (m.unit or "") not in _CALIBRE_UNITS:
        return False
    if " " not in m.text.strip() and _NAMED_AFTER.match(text, m.end):
        return True  # glued to its unit before a weapon's name: "a 76mm Super Rapido", "the 155mm Caesar"
    run = _CALIBRE_RUN.match(text, m.end)  # ("5.56mm and 7.62mm ammunition": the other calibres of a run)
    pos = run.end() if run is not None else m.end
    for _ in range(3):
        gap = regex.match(r"[^\S\n]+|-", text[pos:pos + 4])
        if gap is None:
            return False
        pos += gap.end()
        if nouns.match(text, pos):
            return True
        word = regex.match(r"[\p{L}][\p{L}-]*", text[pos:pos + 30])
        if word is None:
            return False
        pos += word.end()
    return False


def modifier(x: Mention) -> bool:
    """A figure that is no level of anything: a span of time ("in five years") or a calibre glued to its unit
    ("155mm shell production", "120mm tank rounds")."""
    return x.type == "quantity" and ((x.unit or "") in _SPAN_UNITS or " " not in x.text.strip())


def comparable(vocab: dict, a: Mention, b: Mention) -> bool:
    """Two figures that can be levels of one quantity: same currency, same dimension, percent with percent,
    counts of the same (or an unnamed) thing. Bare numbers compare with counts and bare numbers."""
    ta, tb = a.type, b.type
    if {ta, tb} <= {"count", "number"}:
        return counts_compatible(vocab, a, b)
    if ta != tb:
        return False
    if ta == "currency":
        return a.unit == b.unit
    if ta == "percent":
        return (a.unit or "percent") == (b.unit or "percent")
    if ta == "quantity":
        if a.unit == b.unit:
            return True
        from ..extract.units import compatible

        return bool(a.unit and b.unit and compatible(a.unit, b.unit))
    return True


def counts_compatible(vocab: dict, a: Mention, b: Mention) -> bool:
    na, nb = _noun(vocab, a), _noun(vocab, b)
    if not na or not nb:
        return True
    return na == nb or _mention_class(vocab, a, na) == _mention_class(vocab, b, nb)


def _mention_class(vocab: dict, m: Mention, noun: str) -> str | None:
    """The class of what a count counts, read from its whole phrase where the classes name it ("500 M240C machine
    guns" are weapons, "212 K9A1 guns" vehicles), else from its noun."""
    phrase = m.text[max(0, m.num_end - m.start):].strip() if m.num_end > m.start else ""
    if phrase and " " in phrase:
        cls = noun_class(vocab, phrase)
        if cls is not None and cls != phrase.lower():
            return cls
    return noun_class(vocab, noun)


def _noun(vocab: dict, m: Mention) -> str | None:
    if m.type != "count" or not m.unit or m.inferred:
        return None
    u = m.unit.lower()
    return None if is_generic(vocab, u) else u


def is_generic(vocab: dict, noun: str | None) -> bool:
    """A noun that says nothing of what is counted ("units", "models"; generic_nouns in rules/units.yaml)."""
    if not noun:
        return False
    generic = vocab.get("generic_nouns")
    n = noun.lower()
    words = _GENERIC_DEFAULT if generic is None else generic
    return n in words or (n.endswith("s") and n[:-1] in words)


def same_noun(vocab: dict, a: Mention, b: Mention) -> bool:
    """Both counts name their thing, and it is the same thing (or the same class of thing)."""
    na, nb = _noun(vocab, a), _noun(vocab, b)
    if not na or not nb:
        return False
    return na == nb or _mention_class(vocab, a, na) == _mention_class(vocab, b, nb)


_MORE_AFTER = LazyPattern(r"\s+(?:more|additional|further|extra)\b(?!\s+than\b)", regex.I)
_MORE_INSIDE = LazyPattern(r"\S+\s+(?:more|additional|further|extra)\s", regex.I)


# a thing a figure is given per, right after it ("161 kg per satellite", "221 passengers per flight", "$375 million a
# ship"): not a period ("a year") and not "each", which names none
_PER_THING_AFTER = LazyPattern(r"\s*(?:[\p{L}-]+\s+){0,3}?(?:per|a|an|for\s+(?:each|every))\s+"
                               r"(?!(?:year|month|week|day)\b)(\p{L}[\p{L}-]+)", regex.I)


def per_thing(text: str, end: int) -> str | None:
    """The thing a figure ending at ``end`` is given per, in the singular, if the words right after it name one."""
    m = _PER_THING_AFTER.match(text, end)
    return m.group(1).lower().rstrip("s") if m is not None else None


def added_amount(text: str, x: Mention) -> bool:
    """Is ``x`` an amount added to a level ("four more in 2022", "97 more LCA Tejas fighters", "ten additional
    units"), not a level nor "12 more than"?"""
    return bool(_MORE_AFTER.match(text, x.end) or _MORE_INSIDE.match(x.text))


_EXCHANGE: dict[str, regex.Pattern] = {}


# an opening phrase that joins figures to the subject named after it: "Combined with FY2023 (¥6.8 trillion) and FY2024,
# the first three years ... account for more than half", "Together with the 12 delivered in 2023, the new jets make up
# nearly a third": its figures are neither the subject compared nor the part
JOINED_OPENING = LazyPattern(r"\W*(?:combined\s+with|together\s+with|along\s+with|added\s+to|adding|including|counting)\b"
                             r"[^,;]{0,120},", regex.I)


def exchange_rate(g: Grammar) -> regex.Pattern:
    """What makes the figure before it an exchange rate ("¥150 to the dollar", "0.655 US dollars per Australian
    dollar"): per / to the / against the, and a currency noun (linking words currency_nouns). Compiled once per list."""
    nouns = g.word_pattern("currency_nouns").pattern
    got = _EXCHANGE.get(nouns)
    if got is None:
        got = _EXCHANGE[nouns] = regex.compile(r"(?:per|to\s+(?:the|one|a|each)|against\s+the|for\s+(?:one|each|every|a))"
                                               r"\s+(?:[\p{Lu}][\p{L}.]*\s+){0,2}(?:" + nouns + r")", regex.I)
    return got


def hedge_window(vocab: dict, hedge: str | None) -> str | None:
    """How far a figure's hedge reaches ("band", "below", "at_most", ...: vocabulary hedges), None without one."""
    return ((vocab.get("hedges") or {}).get(hedge) or {}).get("window") if hedge else None


def magnitude(a: Mention, b: Mention) -> float:
    """How many times larger the larger figure is (1.0 for equal figures, inf with a zero)."""
    x, y = abs(a.value or 0.0), abs(b.value or 0.0)
    if not x or not y:
        return float("inf")
    return max(x, y) / min(x, y)


# (a year may stand in the whole's words: "28% of KONGSBERG's 2023 operating revenues of NOK 40.6 billion")
_SHARE_OF = LazyPattern(r"\s+of\s+(?:[^\d,;:!?()\[\]]|(?<![\d.,])(?:19|20)\d\d(?![\d.,]?\d)){0,80}")


def share_whole(ctx: Ctx, x: Mention) -> bool:
    """Is ``x`` the whole that a percent right before it in its clause is a share of ("5.2% of total managed
    expenditure of £1,415 billion", "5.38 per cent of the projected gross domestic product of EUR 89.0 billion"): no
    figure, comma or stop between them? Such a whole is the share's, not the level of the sentence's subject."""
    s = ctx.sentence(x.start)[0]
    before = ctx.numbers_in(max(s, x.start - 100), x.start)
    if not before or before[-1].type != "percent" or before[-1].value_high is not None:
        return False
    p = before[-1]
    return _SHARE_OF.fullmatch(ctx.text, p.end, x.start) is not None


def same_figure(a: Mention, b: Mention) -> bool:
    """The same figure written twice, perhaps rounded differently ("€1,707 million" and "€1.7 billion");
    not "just over $2.7 billion" and "just under $2.7 billion"."""
    if a.value is None or b.value is None or a.type != b.type or a.unit != b.unit:
        return False
    if (a.hedge or "") != (b.hedge or "") and a.hedge and b.hedge:
        return False
    step = max(a.half_step or 0.0, b.half_step or 0.0)
    return abs(a.value - b.value) <= step * 1.0001 + 1e-9 * max(abs(a.value), 1.0)


def inherit(bare: Mention, like: Mention, text: str, max_ratio: float = 3.0) -> Mention | None:
    """A bare figure written beside one with a unit and scale, read in that unit and scale:
    "SEK 13,546m (11,527)" -> SEK 11,527m; "SEK 9.08 (8.32)" -> SEK 8.32. None when the bare figure is not
    written like the other (a bare 2024 beside SEK 13,546m is no amount). Two levels in brackets are of a size
    (``max_ratio`` 3); a base the grammar names ("2,700 a month, compared with about 300") may be further off."""
    if bare.type not in ("number", "count") or bare.value is None or like.value is None or bare.role:
        return None
    if bare.type == "count" and bare.unit and not bare.inferred:
        return None  # "11 ships" names its own thing
    if bare.scale and like.type in ("currency",):  # "5.303 billion" beside "2.732 billion Turkish lira"
        return dataclasses.replace(bare, type=like.type, unit=like.unit, inferred=True)
    if like.type not in ("currency", "quantity", "percent", "count"):
        return None
    written = text[like.num_start:like.num_end] if like.num_end > like.num_start else like.text
    factor = 1.0
    if like.scale:
        digits = regex.sub(r"[^\d.]", "", written.replace(",", ""))
        try:
            wv = float(digits)
            factor = like.value / wv if wv else 1.0
        except ValueError:
            return None
    v = bare.value * factor
    if like.type == "percent":
        max_ratio = min(max_ratio, 3.0)  # "27, or 22%, on the 121": a percent far from a bare figure is no level of it
    if not v or magnitude(dataclasses.replace(bare, value=v), like) > max_ratio:
        return None  # a bare figure written beside a level of the same quantity is of the same size
    unit = like.unit
    return dataclasses.replace(bare, type=like.type, unit=unit, value=v,
                               half_step=(bare.half_step or 0.0) * factor, inferred=True,
                               noun=like.noun if like.type == "count" else bare.noun)


# ---------------------------------------------------------------------------------------------- measures
_ADJECTIVAL_SPAN = LazyPattern(r"(?:\p{N}+|[\p{L}]+)-(?:year|month|week|day|decade)", regex.I)


@dataclass(frozen=True)
class MeasureHit:
    """A measure word found in the text ("sales", "order intake") and the measure it names."""

    start: int
    end: int
    measure: str
    margin: bool  # a margin phrase ("EBIT margin"): the measure is its numerator


class Facts:
    """Per-document indexes the linkers share: measure words, basis qualifiers, anaphora."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.g: Grammar = grammar_for(ctx.vocab)
        self._abstracts: dict[int, Abstract] = {}
        self._measures: dict[tuple[int, int], MeasureHit | None] = {}
        self._measure_starts: dict[str, list[int]] = {}
        self._rates: dict[tuple[int, int], str | None] = {}  # rate_of by a figure's span (the words around it)

    def abstract(self, si: int) -> Abstract:
        """Sentence ``si`` with its figures as slots (cached: every family reads the same abstracts)."""
        ab = self._abstracts.get(si)
        if ab is None:
            a, b = self.ctx.sents[si]
            # a span used as an adjective ("CBO's previous 10-year estimate of $634 billion") is a word of its noun
            # phrase, no figure of the sentence's grammar
            figs = [x for x in self.ctx.numbers_in(a, b) if not _ADJECTIVAL_SPAN.fullmatch(x.text)]
            ab = abstract(self.ctx.text, a, b, figs, self.ctx.dates_in(a, b), self.g.prefix_re)
            self._abstracts[si] = ab
        return ab

    @cached_property
    def link(self) -> dict:
        return self.ctx.vocab.get("linking") or {}

    def weight(self, name: str, default: float = 1.0) -> float:
        return float((self.link.get("weights") or {}).get(name, default))

    @cached_property
    def measure_hits(self) -> list[MeasureHit]:
        pat, table = _measure_pattern(self.ctx.vocab)
        if pat is None:
            return []
        out = []
        firsts = _MP_FIRSTS.get(id(table))
        if firsts is None or firsts[0] is not table:
            firsts = _MP_FIRSTS[id(table)] = (table, firsts_of(table))
        words = word_starts(self.ctx.text, last_use=True) if firsts[1] is not None else None
        found = scan(pat, self.ctx.text, words, firsts[1])  # the pattern tried only where a measure's word starts
        for m in found:
            key = " ".join(m.group("w").lower().split())
            meas = table.get(key)
            if meas is not None:
                out.append(MeasureHit(m.start(), m.end("w"), meas[0], meas[1]))
        return out

    @cached_property
    def _hit_starts(self) -> list[int]:
        return [h.start for h in self.measure_hits]

    def measure_hits_in(self, a: int, b: int) -> list[MeasureHit]:
        """The measure words that start in [a, b), in text order (by bisection)."""
        return self.measure_hits[bisect.bisect_left(self._hit_starts, a):bisect.bisect_left(self._hit_starts, b)]

    def measure_of(self, m: Mention) -> MeasureHit | None:
        """The measure a figure is a figure of: a measure word right after it ("€4,089 million of sales",
        "$1.73 earnings per share"), else the last one before it in its sentence (memoised per figure)."""
        key = (m.start, m.end)
        if key in self._measures:
            return self._measures[key]
        hit = self._measure_of(m)
        self._measures[key] = hit
        return hit

    def _measure_of(self, m: Mention) -> MeasureHit | None:
        s, e = self.ctx.sentence(m.start)
        hits = self.measure_hits
        i = bisect.bisect_left(self._hit_starts, m.end)
        if i < len(hits) and hits[i].start < e:
            gap = self.ctx.text[m.end:hits[i].start]
            if len(gap) < 24 and _AFTER_GAP.fullmatch(gap) and not _AFTER_STOP.search(gap):
                if _AFTER_OF.match(gap) or m.type == "currency" and hits[i].measure == "eps":
                    return hits[i]
                if not gap.strip() and _ATTRIBUTIVE_DETERMINER.search(self.ctx.text, max(s, m.start - 12), m.start):
                    return hits[i]  # "the €48.0bn backlog", "its $2.1bn budget": the figure stands before its measure
        # "Technology revenue, which includes Azure Summit (acquired in October 2024 for $1.275 billion)": a figure in
        # a bracketed aside of its own words takes no measure from outside the bracket; "(2023: €2.1 billion)" does
        t = self.ctx.text
        opened = t.rfind("(", s, m.start)
        if opened >= 0 and t.find(")", opened, m.start) < 0 and _ASIDE.search(t, opened + 1, m.start):
            s = opened
        j = bisect.bisect_left(self._hit_starts, m.start) - 1
        while j >= 0 and hits[j].start >= s:
            if hits[j].end <= m.start and not self._postfix(hits[j], s):
                if self._closes_phrase_before(hits[j], s, m):
                    return None
                return hits[j]
            j -= 1
        return None

    def _closes_phrase_before(self, h: MeasureHit, s: int, m: Mention) -> bool:
        """Does the measure word end the phrase of a figure before it, a comma between it and ``m`` ("Of the €5.47
        billion available for investment after the final supplementary budget, €4.28 billion was realised": the
        budget is the €5.47 billion's, the €4.28 billion is named by no measure)?"""
        t = self.ctx.text
        comma = t.find(", ", h.end, m.start)  # (a comma of punctuation, not one grouping digits)
        if m.role or m.type not in ("currency", "count", "quantity") or comma < 0:
            return False  # (a multiple or a percent keeps the measure of its clause: "... as naval orders dried up, so
            # the price equals roughly 0.3 times annual sales")
        if self.ctx.numbers_in(h.end, comma):
            return False  # (not "on sales of $3,200 million, against $3,100 million": the word names the figure after it)
        # (the figure's phrase runs to the word with no comma between: a bounded look back, so that a long sentence of
        # many figures and measure words is not read from its start for each of them)
        figs = [x for x in self.ctx.numbers_in(max(s, h.start - 160), h.start) if x.type in ("currency", "count", "quantity")]
        return bool(figs) and _PHRASE_OF_FIGURE.fullmatch(t, figs[-1].end, h.start) is not None

    def measure_following(self, m: Mention, reach: int = 50) -> str | None:
        """The measure named right after a change word with no figure of its own between ("MBDA quadruples Mistral
        output", "nearly triples 155mm artillery output"): a headline's verb names its measure after it."""
        s, e = self.ctx.sentence(m.start)
        i = bisect.bisect_left(self._hit_starts, m.end)
        hits = self.measure_hits
        while i < len(hits) and hits[i].start < min(e, m.end + reach):
            h = hits[i]
            if not [x for x in self.ctx.numbers_in(m.end, h.start) if is_amount(x) and x.type != "quantity"] and \
                    not regex.search(r"[,;:]|\b(?:and|as|while|but)\b", self.ctx.text[m.end:h.start]):
                return ("margin:" + h.measure) if h.margin else h.measure
            i += 1
        return None

    def _postfix(self, h: MeasureHit, sent_start: int) -> bool:
        """A measure word that belongs to the figure right before it ("$1.73 earnings per share", "(EPS)"):
        it names that figure only, not the figures after it."""
        t = self.ctx.text
        before = t[max(sent_start, h.start - 12):h.start]
        if before.rstrip().endswith("("):
            return True
        if _INTRODUCES.match(t, h.end) and self.ctx.numbers_in(h.end, h.end + 40):
            nxt = self.ctx.numbers_in(h.end, h.end + 40)[0]
            if _INTRODUCES.match(t, h.end, nxt.start + 1):  # "... on sales of $3,200 million": it names what follows
                return False
        figs = self.ctx.numbers_in(max(sent_start, h.start - 16), h.start)
        return bool(figs) and _POSTFIX_GAP.fullmatch(t, figs[-1].end, h.start) is not None

    def close(self) -> None:
        """Break the reference cycle Facts -> Periods -> Facts, so the per-document indexes (abstracts, measure
        hits, word index) are freed by reference counting when linking ends: left to the cyclic garbage
        collector, a long document's indexes stayed alive into judging and reporting and raised the peak."""
        self.__dict__.pop("periods", None)

    @cached_property
    def periods(self) -> Periods:
        """Levels of each measure by year (periods.py), indexed on first use."""
        from .periods import Periods

        return Periods(self.ctx, self)

    @cached_property
    def _by_measure(self) -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = {}
        for x in self.ctx.numbers:
            if is_amount(x):
                mid = self.measure_id(x)
                if mid:
                    out.setdefault(mid, []).append(x)
        return out

    @cached_property
    def _word_index(self) -> dict[str, list[tuple[Mention, float]]]:
        """Content words of each amount's own stretch of its sentence -> the amounts, so a figure named only by
        words ("military aid", "the investment budget") is a look-up, not a scan of the document. The words after
        a figure up to the next one name it most ("£3 billion is military aid and £1.5 billion other
        assistance"); those before it, back to the figure before, half as much (at most 60 characters each)."""
        from ..extract.lexicon import STOP_WORDS

        t = self.ctx.text
        out: dict[str, list[tuple[Mention, float]]] = {}
        for si in range(len(self.ctx.sents)):
            s, e = self.ctx.sents[si]
            figs = [x for x in self.ctx.sentence_numbers(si)]
            # where each gap between figures splits: "…, leaving a deficit of £16.9 billion": the words before an
            # introducing "of"/"was"/":" name the figure after them
            cuts: list[int] = []
            bounds = [s] + [x.end for x in figs]
            for k, a in enumerate(bounds):
                b = figs[k].start if k < len(figs) else e
                intro = _NAMES_NEXT.search(t, max(a, b - 80), b) if k < len(figs) and \
                    _may_name_next(t[max(a, b - 80):b]) else None
                if intro is None and k < len(figs):
                    # "Rs 1,26,887 crore ..., while defence exports touched Rs 21,083 crore": the words after a clause
                    # opener are the next figure's subject, not the one before it
                    intro = _NEW_CLAUSE.search(t, a, b)
                cuts.append(intro.start() if intro is not None else b)
            for k, x in enumerate(figs):
                if not is_amount(x):
                    continue
                prv = figs[k - 1].end if k else s
                weights: dict[str, float] = {}
                for w in _CONTENT.findall(t, max(prv, x.start - 60), cuts[k]):
                    weights[w.lower()[:5]] = 0.5
                for w in _CONTENT.findall(t, cuts[k], x.start):
                    weights[w.lower()[:5]] = 1.0
                for w in _CONTENT.findall(t, x.end, min(cuts[k + 1], x.end + 60)):
                    weights[w.lower()[:5]] = 1.0
                if k and _COPULA.fullmatch(t, prv, x.start):
                    # "The investment budget for the 52 aircraft is about €6.9 billion": the subject before the
                    # figure that qualifies it names this one
                    for w in _CONTENT.findall(t, max(figs[k - 2].end if k > 1 else s, figs[k - 1].start - 60),
                                              figs[k - 1].start):
                        weights[w.lower()[:5]] = 1.0
                for w, wt in weights.items():
                    if w not in _STOP5 and w not in STOP_WORDS:
                        out.setdefault(w, []).append((x, wt))
        return out

    @cached_property
    def _word_starts(self) -> dict[str, list[int]] | None:
        """The starts of each word's amounts (in text order, so a window is two bisections); None if not sorted."""
        out = {w: [x.start for x, _ in xs] for w, xs in self._word_index.items()}
        if any(a > b for starts in out.values() for a, b in zip(starts, starts[1:], strict=False)):
            return None
        return out

    def figures_named(self, words: set[str], lo: int | None = None, hi: int | None = None
                      ) -> dict[int, tuple[Mention, float]]:
        """Amounts whose stretch of text holds some of ``words`` (compared on their first five letters): by start,
        the amount and how strongly the words name it. With ``lo`` and ``hi``: only amounts that start in [lo, hi)
        (the same entries in the same order as filtering the whole answer, without reading the whole text)."""
        out: dict[int, tuple[Mention, float]] = {}
        by_start = self._word_starts if lo is not None and hi is not None else None
        for w in {w.lower()[:5] for w in words}:
            xs: list[tuple[Mention, float]] = self._word_index.get(w, [])
            if lo is not None and hi is not None:
                if by_start is None:
                    xs = [(x, wt) for x, wt in xs if lo <= x.start < hi]
                else:
                    starts = by_start.get(w, [])
                    xs = xs[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
            for x, wt in xs:
                got = out.get(x.start)
                out[x.start] = (x, (got[1] if got else 0.0) + wt)
        return out

    def figures_of(self, measure: str) -> list[Mention]:
        """Every amount of the text whose measure is ``measure``, in text order (indexed once)."""
        return self._by_measure.get(measure, [])

    def figures_before(self, measure: str, pos: int, limit: int = 8, reach: int = 32, chars: int | None = None,
                       keep: Callable[[Mention], bool] | None = None) -> list[Mention]:
        """The last ``limit`` currency amounts of ``measure`` (that ``keep`` keeps) starting before ``pos``, in text
        order, from the ``reach`` figures of that measure before it (and, with ``chars``, no further back than that);
        found by bisection, so a search from every figure of a long text stays linear."""
        xs = self.figures_of(measure)
        starts = self._measure_starts.get(measure)
        if starts is None:
            starts = self._measure_starts[measure] = [x.start for x in xs]
        i = bisect.bisect_left(starts, pos)
        lo = max(0, i - reach) if chars is None else max(i - reach, bisect.bisect_left(starts, pos - chars), 0)
        return [x for x in xs[lo:i] if x.type == "currency" and (keep is None or keep(x))][-limit:]

    def measure_id(self, m: Mention) -> str | None:
        h = self.measure_of(m)
        if h is None:
            return None
        return ("margin:" + h.measure) if h.margin else h.measure

    def measure_evidence(self, *figs: Mention) -> Evidence | None:
        """+measure when every figure has the same measure word; a clash (negative) when two differ."""
        ids = [self.measure_id(f) for f in figs]
        named = [x for x in ids if x]
        if len(named) < 2:
            return None
        if len(set(named)) == 1:
            return Evidence("same-measure", f"same measure '{named[0]}'", self.weight("measure", 1.0))
        return Evidence("measure-clash", f"different measures {' / '.join(sorted(set(named)))}",
                        self.weight("measure_clash", -4.0))

    @cached_property
    def _exchange_rate(self) -> regex.Pattern:
        return exchange_rate(self.g)

    def rate_of(self, m: Mention) -> str | None:
        """"period" or "unit" when the words right after a figure make it a rate ("$40 billion a year", "£840 million
        for each ship"; linking words period_rate_words, unit_rate_words), "exchange" for an exchange rate ("¥150 to
        the dollar", linking words currency_nouns), None for a level ("211 a year earlier")."""
        key = (m.start, m.end)
        if key in self._rates:  # the families ask for the same figure again (about half the asks on a long text)
            return self._rates[key]
        got = self._rates[key] = self._rate_of(m.start, m.end)
        return got

    def _rate_of(self, start: int, i: int) -> str | None:
        t = self.ctx.text
        end = i
        while i < len(t) and i < end + 3 and t[i] in " \u00a0":
            i += 1
        if self._exchange_rate.match(t, i, min(len(t), i + 50)):
            return "exchange"
        # "(A$1 = US$0.63)", "€1 = $1.08": one unit set equal to another currency's amount is a rate; so is that amount
        # (the '=' looked for first: a match of the whole pattern without an end first searches the rest of the
        # document for an '=', so on a long text without one every figure cost a pass over the text)
        if t.startswith("=", _SPACES.match(t, end).end()) and _RATE_EQUATION_AFTER.match(t, end) \
                and regex.search(r"(?<![\d.,])1(?:[.,]0+)?\s*$", t[max(0, start):end]):
            return "exchange"
        if _RATE_EQUATION_BEFORE.search(t, max(0, start - 25), start):
            return "exchange"
        # "with the euro trading at around US$1.10", "the dollar stood at 1,450 won": a currency's price in another
        if self.g.regex(_CURRENCY_TRADING_AT).search(t, max(0, start - 60), start):
            return "exchange"
        after = self.rate_words_after(end)
        if after is not None:
            return after
        # "the average cost of follow-on ships at $1.05 billion", "the unit price of the later jets is €95 million": a
        # figure its own words name an average or a unit cost is a price for each
        if _NAMED_UNIT_RATE.search(t, max(0, start - 70), start):
            return "unit"
        # "$36 million a tank", "€2,400 a soldier": "a" and a thing the noun classes know (rules/units.yaml)
        an = _A_THING.match(t, i, min(len(t), i + 40))
        if an is not None:
            noun = an.group(1).lower()
            cls = noun_class(self.ctx.vocab, noun)
            # (a class's own name too: "£1.23 billion a ship", "$8 million a vehicle")
            if cls is not None and (cls != noun or noun in _noun_index(self.ctx.vocab)):
                return "unit"
        return None

    def rate_words_after(self, end: int) -> str | None:
        """"period" or "unit" when the words right after offset ``end`` make the figure ending there a rate ("a year",
        "on an average day", "each"; linking words period_rate_words, unit_rate_words), not "a year earlier"."""
        t = self.ctx.text
        i = end
        while i < len(t) and i < end + 3 and t[i] in " \u00a0":
            i += 1
        for kind in ("period", "unit"):
            hit = self.g.word_pattern(kind + "_rate_words").match(t, i, min(len(t), i + 40))
            if hit is not None and not _NOT_RATE.match(t, hit.end(), min(len(t), hit.end() + 20)):
                return kind
        return None

    def qualifier(self, m: Mention, reach: int = 60) -> str | None:
        """A basis qualifier ("organic", "at constant currency") next to a stated figure: between it and the
        figures on either side, within its clause ("an increase of 18%, or 17% on an organic basis")."""
        s, e = self.ctx.sentence(m.start)
        t = self.ctx.text
        note = _FOOTNOTE.match(t, m.end)
        if note is not None:  # "+11.1%[1] vs 2023": the footnote may set another basis than the figures given
            return "footnote " + note.group(0).strip()
        prev = [x for x in self.ctx.numbers_in(max(s, m.start - reach), m.start)]
        nxt = self.ctx.numbers_in(m.end, min(e, m.end + reach))
        a = prev[-1].end if prev else max(s, m.start - reach)
        b = nxt[0].start if nxt else min(e, m.end + reach)
        before = regex.split(r"[;,(]", t[a:m.start])[-1] if prev else regex.split(r";", t[a:m.start])[-1]
        after = regex.split(r"[;,)]|\s[–—]\s", t[m.end:b])[0]
        pat = self.g.word_pattern("basis_qualifiers")
        hit = pat.search(after) or pat.search(before)
        if hit is None:  # "up 12% excluding acquisitions", "an adjusted 12%"; not "underlying operating profit rose"
            mq = self.g.word_pattern("measure_qualifiers")
            hit = mq.search(after)
            if hit is None and (h := mq.search(before[-18:])) is not None and not any(
                    self.g.word_pattern(w).search(before[-18:], h.end()) for w in ("increase_words", "decrease_words")):
                hit = h  # "an adjusted 12%" (not "EBIT Adjusted rose 9%": the qualifier of the subject a change verb
                # follows names the measure the clause's figures are of)
        if hit is None:
            # a qualifier set before its clause applies to all of it: "Excluding it, the backlog grew 12%", "On an
            # organic basis, sales rose 9%", "At constant exchange rates, revenue was up 6%"
            c0 = max(s, t.rfind(";", s, m.start) + 1)
            comma = t.find(",", c0, m.start)
            if comma > c0 and not self.ctx.numbers_in(c0, comma):
                lead = t[c0:comma]
                hit = pat.search(lead) or self.g.word_pattern("measure_qualifiers").search(lead)
        return hit.group(0).lower() if hit else None


_RATE_EQUATION_AFTER = LazyPattern(r"\s*=\s*\S{0,4}\s?\d")
_SPACES = LazyPattern(r"\s*")  # the white space _RATE_EQUATION_AFTER starts with: it matches only if an '=' follows it
_CURRENCY_TRADING_AT = (r"(?<![\p{L}])(?:the\s+)?(?:@currency_nouns)\s+(?:was\s+|is\s+)?(?:trading|traded|trades|stood|stands|"
                        r"standing|changing\s+hands|quoted|worth)\s+(?:at\s+)?(?:(?:around|about|roughly|some|nearly|"
                        r"close\s+to|just\s+(?:over|under))\s+)?$")
_RATE_EQUATION_BEFORE = LazyPattern(r"(?<![\d.,])1(?:[.,]0+)?\s*=\s*\S{0,4}\s?$")
_NAMED_UNIT_RATE = LazyPattern(r"\b(?:average|unit|per-unit|mean)\s+(?:[\p{L}-]+\s+){0,2}?(?:cost|costs|price|prices)\b"
                               r"[^,;.\d()]{0,45}$", regex.I)
_A_THING = LazyPattern(r"an?\s+([\p{L}][\p{L}-]*)\b(?!\s+(?:of|for|to|in|on|at)\b)", regex.I)
_CONTENT = LazyPattern(r"[\p{L}][\p{L}\p{N}'’-]{2,}")
# a bracket's own words that make it an aside, not a restatement or an earlier period ("acquired in October 2024 for",
# "including a stake bought for"; not "2023:", "previous year:", "about", "H1 2024")
_ASIDE = LazyPattern(r"\b(?!(?:previous|prior|last|year|years|about|around|approximately|approx|some|versus|compared|with|"
                     r"restated|adjusted|reported|quarter|half|first|second|third|fourth|full|fiscal|financial|january|february|"
                     r"march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|"
                     r"sept|oct|nov|dec|ended|end|same|period|the|of|in|or|and|to|from|at|was|were|up|down|mn|bn|million|"
                     r"billion|thousand)\b)\p{L}{3,}\b[^)]*\b(?:for|at|worth|valued|costing|of)\b", regex.I)
# "a year earlier", "per cent": no rate
_NOT_RATE = LazyPattern(r"\s*(?:earlier|ago|before|later|after|previously|on\s+year|cent)\b", regex.I)
# a clause of its own starts between two figures: what follows is said of the figure after it
# "of which SEK 28.1 billion", "of which exports made up 1.27 trillion won", "including orders of": a part's whole
# is the figure before the cue; words may stand between the cue and the part, figures and clause breaks may not
POINTS_BACK = LazyPattern(r"\b(?:of\s+which|of\s+whom|of\s+this|of\s+these|of\s+those|of\s+them|including)\b,?"
                          r"[^\d,;:()\n]{0,50}$", regex.I)
_NEW_CLAUSE = LazyPattern(r"[;]|\b(?:while|whereas|but|although|though|meanwhile)\b", regex.I)
# words around figures that name no thing (units, scale and currency words, generic nouns)
_NOT_NAMES = frozenset("""million billion trillion thousand percent per cent euros euro dollars dollar pounds
sterling crowns kronor kroner yen won lira rupees figure figures amount amounts value level levels share year years
quarter month months period total sum""".split())
# a short noun phrase introducing the figure right after it: "a deficit of", "sales were", "Orders:"
_NAMES_NEXT = LazyPattern(r"(?:(?<=[,;(])\s*|\b)(?:(?:an?|the|its|their)\s+)?(?:[\p{L}][\p{L}'’-]*\s+){0,3}[\p{L}][\p{L}'’-]*\s*"
                          r"(?:of|at|was|were|is|are|totall?ing|reaching|amounting\s+to|:)\s+"
                          r"(?:(?:about|around|some|roughly|nearly|almost|just|over|more\s+than|an?|the)\s+)*$", regex.I)
_NEXT_HEDGES = frozenset("about around some roughly nearly almost just over more than a an the".split())
_NEXT_CUES = ("of", "at", "was", "were", "is", "are", "totaling", "totalling", "reaching", "to", ":")


def _may_name_next(seg: str) -> bool:
    """Can _NAMES_NEXT match at the end of ``seg``? Its end is a cue word ("of", "was", ":"), white space and
    hedges only: when the last word before the hedges is no cue, it cannot (a test of words instead of a search
    from every position; white space as str.isspace() reads it includes regex's \\s, tests/test_grammar_prefilter.py)."""
    if not seg or not seg[-1].isspace():
        return False
    for tok in reversed(seg.split()):
        low = fold(tok)
        if low not in _NEXT_HEDGES:
            return low.endswith(_NEXT_CUES)
    return False


_COPULA = LazyPattern(r"\s*,?\s*(?:is|are|was|were|totall?ed|totals|amounted\s+to|amounts\s+to|came\s+to|comes\s+to|stood\s+at|"
                      r"reached|will\s+be|would\s+be)\s+(?:(?:about|around|some|roughly|nearly|almost|just|over|more\s+than|"
                      r"an\s+estimated|estimated\s+at)\s+)*", regex.I)
_STOP5 = frozenset(w[:5] for w in _NOT_NAMES)
_INTRODUCES = LazyPattern(r"\s+(?:of|at|was|were|is|are|to|totall?ing|reached|amounting\s+to|came\s+to|stood\s+at)\s+"
                          r"(?:(?:about|around|some|roughly|nearly|almost|over|more\s+than|just|an?|the)\s+)*(?=\S)")
_FOOTNOTE = LazyPattern(r"(?:\[(?:\d{1,3}|[a-z])\])+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*+(?!\s*\d)")
# words that continue a figure's own phrase up to a measure word: no comma, semicolon, bracket or conjunction
_PHRASE_OF_FIGURE = LazyPattern(r"(?:(?![,;()]|\b(?:and|or|but|while|whereas|with|plus)\b)[^\n])*", regex.I)
_AFTER_GAP = LazyPattern(r"\s*(?:\)\s*)?(?:(?:of|in|for)\s+(?:the\s+|its\s+)?)?(?:[\p{L}-]+\s+){0,1}")
_AFTER_STOP = LazyPattern(r"\b(?:and|or|to|from|than|with)\b")
# "of" right after a figure: "half of the ...", "23% of revenue"
OF_AFTER = LazyPattern(r"\s+of\b", regex.I)
# a share or fraction opening a clause of its own: "..., and about half of the 4,000 staff now work in Bristol" (its part
# is named by the clause's words, not by a figure before it)
# (not a comparison continuing the predicate: "would remain well below that plant's 350,000, and less than a fifth of
# the 1 million shells the EU could produce")
SHARE_OPENS_CLAUSE = LazyPattern(r"[,;]\s+(?:and|but|while|whereas)\s+(?:(?:about|around|roughly|nearly|almost|some)\s+)?$",
                                 regex.I)
_AFTER_OF = LazyPattern(r"\s*(?:of|in|for)\b")
_ATTRIBUTIVE_DETERMINER = LazyPattern(r"(?<![\p{L}\p{N}])(?:the|a|an|its|their|our|his|her|this|that)\s+$", regex.I)
# "$1.73 diluted earnings per share": at most one word between, and not a word that starts a clause or a phrase
# ("revenue rises 21% as backlog hits ...")
_POSTFIX_GAP = LazyPattern(r"\s*(?:(?!(?:as|and|or|while|but|with|from|to|on|in|at|for|by|than|versus|vs|after|before|when|"
                           r"whereas|since|the|its|their)\b)\p{L}+\s+)?", regex.I)
_MP: dict[int, tuple[dict, object, dict]] = {}


_MP_FIRSTS: dict[int, tuple[dict, frozenset[str] | None]] = {}


def _measure_pattern(vocab: dict) -> tuple[regex.Pattern | None, dict[str, tuple[str, bool]]]:
    hit = _MP.get(id(vocab))
    if hit is not None and hit[0] is vocab:
        return hit[1], hit[2]  # type: ignore[return-value]
    link = vocab.get("linking") or {}
    table: dict[str, tuple[str, bool]] = {}
    for meas, words in (link.get("measures") or {}).items():
        for w in words or []:
            table.setdefault(" ".join(str(w).lower().split()), (str(meas), False))
    for meas, words in (link.get("margins") or {}).items():
        for w in words or []:
            table[" ".join(str(w).lower().split())] = (str(meas), True)
    # "Adjusted EBITDA1 of $141 million", "Sales² rose": a footnote marker glued to the word is not part of it
    pat = rx(r"(?<![\p{L}\p{N}])(?P<w>" + _alternation(list(table)) + r")(?:\d{1,2}|[¹²³⁴⁵])?(?![\p{L}\p{N}])",
             regex.I) if table else None
    _MP[id(vocab)] = (vocab, pat, table)
    return pat, table


def adds_up(total: Mention, parts: Sequence[Mention], nearly: float = 0.0) -> bool:
    """Do the parts add up to the total at their rounding (and, with ``nearly``, within that share of the total)?
    Structure evidence for choosing a reading, not a verdict."""
    if total.value is None or any(p.value is None for p in parts):
        return False
    s = sum(p.value for p in parts if p.value is not None)
    tol = (total.half_step or 0.0) + sum(p.half_step or 0.0 for p in parts) + nearly * abs(total.value)
    return abs(s - total.value) <= tol


def doubt(r: Relation, *more: Evidence) -> Relation:
    """The same reading with none of its evidence explicit (it may hold or warn, never fail), plus ``more``."""
    return dataclasses.replace(r, evidence=tuple(dataclasses.replace(e, explicit=False) for e in r.evidence) + more)


# "shrink by 1 trillion won from the 1.6 trillion won agreed, to roughly 35 percent of the 1.7 trillion won pledged",
# "the fleet will shrink from 120 aircraft to about half of the 200 it had": a change word, then "to" and the share or
# multiple; the level the change reaches is not given as a figure (linking words increase_words, decrease_words; not
# "up to")
_REACHED_AS_SHARE = (r"(?<![\p{L}\p{N}])(?:@increase_words|@decrease_words)(?![\p{L}\p{N}])(?!\s+to\b)(?:[^.;:]|(?<=\d)[.:](?=\d)){0,120}"
                     r"(?<![\p{L}])to\s+(?:@hedges\s+)?$")


def reached_as_share(ctx: Ctx, facts: Facts, x: Mention) -> bool:
    """Is ``x`` (a share or a multiple) the level a change in its clause reaches ("fell from $900 million to about 60%
    of the $1.2 billion requested")?"""
    s0 = ctx.sentence(x.start)[0]
    return bool(facts.g.regex(_REACHED_AS_SHARE).search(ctx.text, max(s0, x.start - 160), x.start)) and \
        not facts.g.regex(_SHARE_CUE_BEFORE).search(ctx.text, max(s0, x.start - 60), x.start)


# ... but "an increase of 55%, equal to roughly 8% of revenue" names a share (linking words share_cues)
_SHARE_CUE_BEFORE = r"(?<![\p{L}\p{N}])@share_cues\s+(?:@hedges\s+)?$"


_SIZE_OF = LazyPattern(r"(\p{L}+)\s+(?:of|by)\s+(?:(?:about|around|some|nearly|almost|roughly|approximately|more\s+than)\s+)?$",
                       regex.I)


def change_size(ctx: Ctx, facts: Facts, x: Mention,
                lists: tuple[str, ...] = ("change_nouns", "increase_words", "decrease_words")) -> bool:
    """Is ``x`` the size of a change, right after a change word (linking words ``lists``) and "of"/"by" ("an overrun of
    €300 million", "Revenues increased by €586 million")? A level the text gives elsewhere, not this figure."""
    m = _SIZE_OF.search(ctx.text, max(0, x.start - 40), x.start)
    return m is not None and any(facts.g.word_pattern(w).fullmatch(m.group(1)) is not None for w in lists)


def digits_swapped(a: str, b: str, adjacent: bool = True) -> bool:
    """Are the written figures ``a`` and ``b`` the same but for two digits swapped - neighbouring ones ("714.5"/"741.5"),
    or with ``adjacent`` False any two ("321"/"123")? Separators must stand where they stood; at least three digits.
    (A typist's transposition; "34.1"/"41.3", every digit moved, is another figure.)"""
    da, db = regex.sub(r"\D", "", a), regex.sub(r"\D", "", b)
    if len(da) != len(db) or len(da) < 3 or da == db or regex.sub(r"\d", "0", a) != regex.sub(r"\d", "0", b):
        return False
    diff = [i for i in range(len(da)) if da[i] != db[i]]
    return len(diff) == 2 and (diff[1] == diff[0] + 1 or not adjacent) and da[diff[0]] == db[diff[1]] and \
        da[diff[1]] == db[diff[0]]


# a figure that names a level set as a goal ("the 75% goal", "the 2% of GDP target": linking words named_level_nouns)
NAMED_LEVEL_AFTER = r"[ \u00a0-]*(?:of\s+GDP\s+)?@named_level_nouns(?![\p{L}\p{N}])"


def summed(xs: list[Mention] | tuple[Mention, ...], step: bool = False) -> Mention:
    """Figures added into one operand, written "(a + b + c)" in the working (with ``step``, their half steps added
    too; otherwise the last figure's)."""
    half = sum(x.half_step or 0.0 for x in xs) if step else xs[-1].half_step
    return dataclasses.replace(xs[-1], value=sum(x.value or 0.0 for x in xs), value_high=None, num_start=-1, num_end=-1,
                               inferred=True, text="(" + " + ".join(x.text for x in xs) + ")", half_step=half)
