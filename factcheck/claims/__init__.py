"""link: Mentions become Claims — a stated figure and the readings that could derive it, each with evidence.

Linking is a search with evidence, not a list of cases (rules/linking.yaml holds the grammar, the cue words
and the weights):
    scope      sentences, paragraphs, headline; bounded windows and indexes (linear time)
    grammar    templates over sentences whose figures are slots ("from {old} to {new}")
    reading    what a figure is: its kind, its measure ("sales", "EBIT"), a basis qualifier
    pairs      two levels of one quantity ("from X to Y", "Y (X)", "(2023: X)", "X a year earlier")
    conversion conversion, currency_conversion: a figure restated in other units or another currency
    change     percent_change, multiple, difference: a change attached to a pair
    rates      per_unit: a price or rate against a total and a count
    parts      sum, share (margins, complements): parts and their whole
    dates      duration: a span between two dates
    consistency  the same quantity given twice with different values
    headline   a headline figure restating a body figure takes up the body figure's claim
    bounds     range: values that cannot be (a share above 100%)
    facts      fact: a figure against a reference fact of a fact pack
    tables     change columns, totals, shares and margins in tables (document/tables.py reads the grid)
Every family adds Claims (``ctx.add``) or records what it saw but could not check (``ctx.skip``). The judge
alone decides verdicts (judge.py).
"""

from __future__ import annotations

from datetime import date

from ..extract import fastregex as regex
from ..extract.lazy import LazyPattern
from ..model import Claim, Document, Mention, Unchecked
from ..ruleset import RuleSet
from .scope import Ctx


def link(doc: Document, mentions: list[Mention], rules: RuleSet, as_of: date | None = None
         ) -> tuple[list[Claim], list[Unchecked]]:
    import os

    from . import bounds, change, consistency, conversion, dates, headline, parts, rates
    from . import facts as factpacks
    from .pairs import Pairs
    from .reading import Facts

    skip = set((os.environ.get("FACTCHECK_SKIP_FAMILIES") or "").split(","))  # for ablation measurements
    mentions = _without_attributes(doc.text, mentions, rules.vocab)
    ctx = Ctx(doc=doc, mentions=mentions, rules=rules, as_of=as_of)
    facts = Facts(ctx)
    if "conversion" not in skip:
        conversion.find(ctx, facts)
    if "bounds" not in skip:
        bounds.find(ctx)  # impossible values first: a share above 100% needs no operand
    pairs = Pairs(ctx, facts)
    if "change" not in skip:
        change.find(ctx, facts, pairs)
    if "parts" not in skip:
        parts.find(ctx, facts, pairs)
    if "rates" not in skip:
        rates.find(ctx, facts, pairs)  # after parts: a count that is a stated total divides a rate's total
    if "dates" not in skip:
        dates.find(ctx)
    if "consistency" not in skip:
        consistency.find(ctx, facts, pairs)
    if "headline" not in skip:
        headline.find(ctx)
    if "factpacks" not in skip:
        factpacks.find(ctx)
    facts.close()  # the document's indexes are freed now, not by a later garbage collection
    if "tables" not in skip:  # the table checks, and prose tied to a table's rows (tables.py)
        from ..document import maybe_tables

        if not maybe_tables(doc.text):  # no line a table's row could be: the table reader is not imported
            return ctx.claims, list(ctx.unchecked)
        from ..document.tables import find_tables

        if not find_tables(doc, rules.vocab):  # (found once per document) no table: with_tables would return
            return ctx.claims, list(ctx.unchecked)  # this, and a release without one does not import it
        from .tables import with_tables

        return with_tables(doc, mentions, rules, ctx.claims, ctx.unchecked)
    return ctx.claims, ctx.unchecked


_NEXT_WORD = LazyPattern(r"[^\S\n]+(\p{L}+)(?![\p{L}'’])")
_OF_OR_CALIBRE_BEFORE = LazyPattern(r"(?:\bof|\d[^\S\n]?(?:mm|cm|in)\s*(?:,|and|or|/))\s*$", regex.I)
_CALIBRE_RUN_AFTER = LazyPattern(r"\s*(?:,|and|or|/)\s*\d+(?:\.\d+)?[^\S\n]?(?:mm|cm|in)\b", regex.I)
_OCCASIONS = LazyPattern(r"(?:[\p{L}\d-]+\s+times|twice|thrice)", regex.I)
_OCCASIONS_AFTER = LazyPattern(r"\s*(?::|;|\.(?!\d)|,?\s+(?:in|since|(?:this|last)\s+(?:year|month|week|quarter)(?!['’])|"
                               r"so\s+far|already|before|a\s+year|per\s+year|each\s+year|a\s+month|each\s+month|a\s+week|"
                               r"a\s+day|between|during)\b)", regex.I)


def _without_attributes(text: str, mentions: list[Mention], vocab: dict) -> list[Mention]:
    """The figures the linkers see: not one right after an attribute word ("per equity share of face value ₹5", "a
    nominal value of €1"; linking words attribute_words), which is no amount of anything the text relates."""
    from .grammar import word_pattern_of

    linking_words = (vocab.get("linking") or {}).get("words") or {}
    words = tuple(str(w) for w in (linking_words.get("attribute_words") or []))
    units = {str(w) for w in (linking_words.get("formation_names") or [])}
    if units:
        # "the four Hercules of 336 Squadron": a number before a unit's capitalised singular name names the unit (linking
        # words formation_names), no count of anything
        mentions = [m for m in mentions if not (m.type == "count" and m.num_end > m.num_start and (
            (w := _NEXT_WORD.match(text, m.num_end)) is not None and w.group(1) in units))]
    # "used its drawdown authority three times: $345 million in July 2023, ...", "raised prices twice in 2024": a count
    # of occasions, no multiple of a figure
    mentions = [m for m in mentions if not (m.role == "multiple" and _OCCASIONS.fullmatch(m.text) is not None and
                                            _OCCASIONS_AFTER.match(text, m.end, min(len(text), m.end + 30)) is not None)]
    calibre_words = tuple(str(w) for w in (linking_words.get("calibre_nouns") or []))
    if calibre_words:
        # "62 million rounds of 5.56mm and 7.62mm ammunition in 2024, up from 48 million": a calibre before the noun it
        # describes (linking words calibre_nouns) is part of the noun phrase, no figure between a pair's levels
        from .reading import calibre

        # (only one after "of" or in a run of calibres: "a 130mm gun, 10mm more than the Ariete's 120mm" compares them)
        nouns = word_pattern_of(calibre_words)
        mentions = [m for m in mentions if not (calibre(text, m, nouns) and (
            _OF_OR_CALIBRE_BEFORE.search(text, max(0, m.start - 16), m.start) is not None
            or _CALIBRE_RUN_AFTER.match(text, m.end) is not None))]
    if not words:
        return mentions
    pat = word_pattern_of(words)
    hits = [m.end() for m in pat.finditer(text)]
    if not hits:
        return mentions
    import bisect

    out = []
    for m in mentions:
        k = bisect.bisect_right(hits, m.start)
        if k and m.start - hits[k - 1] <= 16 and regex.fullmatch(r"\s*(?:of\s+|:\s*|=\s*|is\s+|was\s+)?(?:each\s+)?",
                                                                  text[hits[k - 1]:m.start], regex.I):
            continue
        out.append(m)
    return out
