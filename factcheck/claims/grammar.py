"""The linking grammar: templates over sentences whose figures are replaced by slots.

A sentence such as "Sales rose to SEK 13,546m from SEK 11,527m, an increase of 18%" is read as the
*abstract* "Sales rose to ⟨0⟩ from ⟨1⟩, an increase of ⟨2⟩", where each ⟨k⟩ stands for a figure (dates
become ⟪k⟫). Grammar in rules/linking.yaml is written against that form:

    to {new} {gap+} from {old}

- ``{name}`` is a figure slot; hedges and determiners before it ("about", "the", "last year's") belong
  to the slot. ``{name:date}`` is a date slot.
- ``{gap}`` is up to 60 characters with no figure in them, ``{gap+}`` up to 120 that may hold figures,
  ``{words}`` up to 40 characters of words only (no figure, comma or bracket); ``{gap++}`` is ``{gap+}`` that may
  also cross a semicolon; ``{flat}`` is up to 60 characters with no figure, bracket or semicolon (one level of a
  list); ``{gap:N}`` etc. set the length.
- ``@section`` is any word or phrase of a vocabulary list (``@increase_words``).
- Anything else is a regular expression, case-insensitive; a space between two words means "some
  white space", between a word and a slot "optional white space".

Templates compile once per rule set. Matching is one pass of each pattern over each sentence, so the
cost is linear in the text.

Building the grammar (expanding ~90 templates and their vocabulary lists, finding what each needs) costs a
one-release run more than the rest of linking; ``grammar_for`` keeps what it builds in the start-up cache
(factcheck.cache: the user cache folder, written atomically, ignored when stale, damaged or not private),
keyed by factcheck's and Python's versions and the vocabulary's content, as plain data: the expanded pattern
texts, the slots, what each template needs. A grammar read back compiles each pattern on its first use
(through ``rx``, whose own cache holds the compiled program), so templates a document never reaches are never
compiled. A grammar is only stored after it was built and every pattern compiled, so a user's broken template
is reported on every run, never hidden by the cache.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import workcount
from ..extract import fastregex as regex
from ..extract.lazy import LazyPattern, escape, rx
from ..model import Mention
from .anchors import CHAR, anchors, starts_any, words_of

FIG_OPEN, FIG_CLOSE, DATE_OPEN, DATE_CLOSE, PREFIX = "\ue000", "\ue001", "\ue002", "\ue003", "\ue004"
# white space between two tokens; a figure's hedges and determiners ("about the", "last year's") are part of
# its slot: they are left out of the abstract, so no template word can match inside them ("more than 20" is a
# hedge, never a comparison)
_HARD = r"\s+"
_SOFT = r"\s*"
_SLOT_PREFIX = ""
_SLOT = LazyPattern(r"\{(?P<name>[a-z_][a-z0-9_]*)(?::(?P<kind>date|any))?\}")
_GAP = LazyPattern(r"\{(?P<what>gap|words|flat)(?P<plus>\+\+|\+)?(?::(?P<n>\d+))?\}")
_VOCAB = LazyPattern(r"@([a-z_]+)")
_INNER_SLOT = LazyPattern(r"\{(?:[a-z_][a-z0-9_]*(?::(?:date|any))?|(?:gap|words|flat)\+{0,2}(?::\d+)?)\}")


def _alternation(words: list[str]) -> str:
    # longest first, then alphabetical: the same pattern text in every process (a set's order is not), so the
    # start-up cache finds it
    parts = sorted({str(w).strip() for w in words if str(w).strip()}, key=lambda w: (-len(w), w))
    if not parts:
        return "(?!)"
    split = _SPACES_OR_HYPHENS.split
    return "(?:" + "|".join(r"[\s-]+".join(escape(p) for p in split(w)) for w in parts) + ")"


_SPACES_OR_HYPHENS = LazyPattern(r"[\s-]+")


def _lists(vocab: dict) -> dict[str, list[str]]:
    """Every vocabulary section as a word list: lists as they are, mappings of lists flattened (measures),
    other mappings by their keys (number words)."""
    out: dict[str, list[str]] = {}
    for key, val in vocab.items():
        if isinstance(val, list) and all(isinstance(x, str) for x in val):
            out[key] = val
        elif isinstance(val, dict) and val and all(isinstance(v, list) for v in val.values()):
            out[key] = [str(w) for v in val.values() for w in v]
        elif isinstance(val, dict) and all(isinstance(k, str) for k in val):
            out[key] = list(val)
    return out


def tokens(src: str) -> list[str]:
    """A template's tokens: slots ``{...}``, balanced groups ``(...)`` (with what follows them up to white
    space, such as ``?``), and runs of other non-space characters."""
    out: list[str] = []
    i, n = 0, len(src)
    while i < n:
        if src[i].isspace():
            i += 1
            continue
        if src[i] == "{":
            k = src.find("}", i)
            j = (k + 1) if k >= 0 else n
            out.append(src[i:j])
            i = j
            continue
        j, depth = i, 0
        while j < n:
            ch = src[j]
            if ch == "\\":
                j += 2
                continue
            if ch == "[":  # a character class: its brackets and parentheses are characters
                k = j + 1
                while k < n and src[k] != "]":
                    k += 2 if src[k] == "\\" else 1
                j = k + 1
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif ch == "{" and (q := regex.match(r"\{\d+(?:,\d*)?\}", src[j:j + 12])):
                j += q.end()  # a quantifier ("[^()]{0,60}"), not a slot
                continue
            elif depth == 0 and (ch.isspace() or ch == "{"):
                break
            j += 1
        out.append(src[i:j])
        i = j
    return out


@dataclass(frozen=True)
class Template:
    """One grammar entry: a compiled pattern and what a match says."""

    id: str
    group: str
    source: str
    pattern: Any
    weight: float
    explicit: bool
    slots: tuple[str, ...]
    meta: dict
    # what a sentence must hold for a match (figure slots, date slots, required words): a sentence without
    # it is not searched (the cost of matching is most of linking's); None: search every sentence
    needs: tuple[int, int, tuple[Any, ...]] | None = None


def _top_alternatives(core: str) -> list[str] | None:
    """The alternatives of a group body at depth 0 ("a|b (c|d)|e" -> three), or None when it is unbalanced."""
    out, depth, last = [], 0, 0
    for i, ch in enumerate(core):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            out.append(core[last:i])
            last = i + 1
    out.append(core[last:])
    return out if depth == 0 else None


def _wordy(alt: str, at: int) -> bool:
    """Does an alternative start (at=0) or end (at=-1) with a letter or a vocabulary list?"""
    if not alt:
        return False
    if at == 0:
        return alt[0].isalpha() or alt[0] == "@"
    return alt[-1].isalpha() or bool(regex.search(r"@[a-z_]+$", alt))


def _top_bar(tok: str) -> bool:
    """Does a token hold a ``|`` outside any group or character class (so it splits the whole template)?"""
    depth = 0
    for ch in _ESCAPES_AND_CLASSES.sub("", tok):
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth <= 0:
            return True
    return False


_ESCAPES_AND_CLASSES = LazyPattern(r"\\.|\[(?:\\.|[^\]])*\]")


_GROUP_OPENERS = ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?P<", "(?>")


def _standalone(tok: str) -> bool:
    """Can a token be matched on its own, and must every match of its template contain a match of it? Not when
    it is optional (ends in ``?``, ``*`` or a counted repeat), splits the template (``|`` outside a group), or
    refers to something outside itself (a back-reference, a conditional, an inline flag)."""
    if not tok or tok.endswith(("?", "*", "}")) or _top_bar(tok):
        return False
    if regex.search(r"\\(?:\d|g|k<)|\(\?P[=>]", tok):
        return False
    return all(tok.startswith(_GROUP_OPENERS, i) for i in range(len(tok)) if tok.startswith("(?", i))


def _needs(needs: tuple[int, int, list[str]] | None) -> tuple[int, int, tuple[Any, ...]] | None:
    if needs is None:
        return None
    nfig, ndate, required = needs
    pieces = []
    for src in dict.fromkeys(required):  # each compiled only if a sentence needs the search
        found = anchors(src)  # whole words and marks (one look-up in words_of), and starts of words
        split = None if found is None else (frozenset(a for a in found if a[:1] in ("=", CHAR)),
                                             frozenset(a for a in found if a[:1] not in ("=", CHAR)))
        pieces.append((_piece(src, regex.I), split))
    return nfig, ndate, tuple(pieces)


_PIECES: dict[tuple[str, int], LazyPattern] = {}


def _piece(src: str, flags: int) -> LazyPattern:
    """One pattern object per required word's text: templates that need the same word share it, so
    Abstract.holds, which keeps what it found by pattern object, searches a sentence for it once, not once per
    template (the search's answer depends on the pattern's text and the sentence only)."""
    key = (src, int(flags))
    got = _PIECES.get(key)
    if got is None:
        got = _PIECES[key] = LazyPattern(src, flags)
    return got


class Grammar:
    """All templates of a rule set, compiled, and the abstract form of sentences."""

    def __init__(self, vocab: dict, state: tuple | None = None) -> None:
        self.vocab = vocab
        self._word_patterns: dict[str, Any] = {}
        self._word_sources: dict[str, str] = {}
        self._regexes: dict[str, Any] = {}
        if state is not None:  # read back from the start-up cache (see state())
            self._restore(state)
            return
        link = vocab.get("linking") or {}
        self.lists = _lists(vocab)
        for key, val in (link.get("words") or {}).items():
            self.lists[key] = list(val)
        for key in ("measures", "margins", "ratios"):  # "@margins": any margin phrase
            self.lists[key] = [str(w) for ws in (link.get(key) or {}).values() for w in (ws or [])]
        pre = list(self.lists.get("hedges", [])) + list(self.lists.get("determiners", []))
        self._pre = _alternation(pre)
        self.prefix_re = rx(r"(?<![\p{L}\p{N}])(?:(?:" + self._pre +
                                       r"|[\p{L}-]+(?:'s|’s|s'|s’))\s+){1,4}$", regex.I)
        skip = _skipped()
        self.templates: dict[str, list[Template]] = {}
        for group, entries in (link.get("grammar") or {}).items():
            self.templates[group] = [self._compile(group, tid, spec) for tid, spec in (entries or {}).items()
                                     if spec and spec.get("enabled", True) and f"{group}.{tid}" not in skip]

    # ------------------------------------------------------------------------------------ the cache
    def state(self) -> tuple:
        """What the grammar is, as plain data (strings, numbers, tuples, dicts, frozensets) for the start-up
        cache: the word lists, the prefix pattern's text, each template with its expanded pattern text (every
        pattern of a grammar is case-insensitive, as _compile and __init__ compile them), and the text of each
        list's word_pattern (made here once, not on every run that asks for it)."""
        def needs(t: Template) -> tuple | None:
            if t.needs is None:
                return None
            nfig, ndate, pieces = t.needs
            return nfig, ndate, tuple((p.spec(), split) for p, split in pieces)

        return (_STATE_FORMAT, self.lists, self._pre, self.prefix_re.pattern,
                tuple((group, tuple((t.id, t.source, t.pattern.pattern, t.weight, t.explicit, t.slots, t.meta, needs(t))
                                    for t in ts))
                      for group, ts in self.templates.items()),
                {name: _word_source(tuple(words)) for name, words in self.lists.items()})

    def _restore(self, state: tuple) -> None:
        _, self.lists, self._pre, prefix, groups, self._word_sources = state
        self.prefix_re = LazyPattern(prefix, regex.I)
        self.templates = {}
        for group, entries in groups:
            self.templates[group] = [
                Template(tid, group, source, LazyPattern(pattern, regex.I), weight, explicit, slots, meta,
                         None if needs is None else
                         (needs[0], needs[1], tuple((_piece(*spec), split) for spec, split in needs[2])))
                for tid, source, pattern, weight, explicit, slots, meta, needs in entries]

    # ------------------------------------------------------------------------------------ compiling
    def slot_prefix(self) -> str:
        return _SLOT_PREFIX

    def expand(self, src: str) -> tuple[str, list[str]]:
        """A template (or a fragment) as a regular expression, and its slot names."""
        source, slots, _ = self._expand(src)
        return source, slots

    def _expand(self, src: str) -> tuple[str, list[str], tuple[int, int, list[str]] | None]:
        """``expand``, and what every match contains (None when that is not known): its number of figure
        slots and of date slots, and the patterns of its required words (a word or a group of words that is
        not optional), each a regular expression of its own that matches wherever the template does."""
        slots: list[str] = []
        required: list[str] = []
        nfig = ndate = 0
        exact = True  # False: a token splits the whole template into alternatives (nothing is required)
        toks = tokens(src)
        out: list[str] = []
        prev_soft = True
        for tok in toks:
            soft = False
            g = _GAP.fullmatch(tok)
            m = None if g else _SLOT.fullmatch(tok)  # "{gap}" with no length is a gap, not a slot named "gap"
            if m:
                name, kind = m.group("name"), m.group("kind")
                if kind == "date":
                    piece = DATE_OPEN + f"(?P<{name}>\\d+)" + DATE_CLOSE
                elif kind == "any":
                    piece = self.slot_prefix() + FIG_OPEN + r"\d+" + FIG_CLOSE
                else:
                    piece = self.slot_prefix() + FIG_OPEN + f"(?P<{name}>\\d+)" + FIG_CLOSE
                if kind != "any":
                    slots.append(name)
                if kind == "date":
                    ndate += 1
                else:
                    nfig += 1
                soft = True
            elif g:
                n = int(g.group("n") or (120 if g.group("plus") else 60))
                if g.group("what") == "words":  # words (names with digits too: "TB2s"), dates; no figure, comma, bracket
                    # (a hyphen, not a dash set off by spaces: "the pre-war rate - and an expected 2 million")
                    body = r"(?:[\p{L}\p{M}\p{N}\s'’]|(?<=\S)-|-(?=\S)|" + DATE_OPEN + r"\d+" + DATE_CLOSE + ")"
                elif g.group("what") == "flat":  # no figure, bracket or semicolon: the same level of a list
                    body = "[^;()\\[\\]" + FIG_OPEN + "]"
                else:
                    body = {"++": r"[\s\S]", "+": r"[^;]"}.get(g.group("plus") or "", "[^;" + FIG_OPEN + "]")
                piece = f"{body}{{0,{n}}}?"
                soft = True
            elif tok.startswith(("(?=", "(?!", "(?<=", "(?<!")):  # a lookaround: zero-width, joined as is
                exact = exact and not _top_bar(tok)  # (with its vocabulary lists: "(?!\\s*@prior_markers)")
                out.append(_VOCAB.sub(lambda mm: _alternation(self.lists.get(mm.group(1), [])), tok))
                prev_soft = True
                continue
            else:
                inner = _INNER_SLOT.search(tok)
                if inner is not None:  # "(of {any})?": a slot inside a group would be matched as text
                    raise ValueError(f"{inner.group(0)} inside a group in {src!r}: slots and gaps cannot be grouped; "
                                     "write two templates")
                body = regex.sub(r"(?<!\\) +", lambda _: _HARD, tok)
                piece = _VOCAB.sub(lambda mm: _alternation(self.lists.get(mm.group(1), [])), body)
                core = regex.sub(r"^(?:\(\?P<\w+>|\(\?:|\()+|[)?*+]+$", "", tok)
                # a word or an alternation of words ("vs\\.?" too: an escaped dot is still a word's)
                plain = "[" not in tok and not regex.search(r"\\(?![.])", tok)
                alts = _top_alternatives(core) if plain else None
                if alts is not None and len(alts) > 1 and any(not _wordy(a, 0) for a in alts) \
                        and any(_wordy(a, 0) for a in alts):
                    # "(comprising|:)": word boundaries around the words only, not around a colon
                    bounded = "|".join((r"(?<![\p{L}\p{N}])" if _wordy(a, 0) else "") + a +
                                       (r"(?![\p{L}\p{N}])" if _wordy(a, -1) else "") for a in alts)
                    body = regex.sub(r"(?<!\\) +", lambda _: _HARD, tok.replace(core, bounded, 1))
                    piece = _VOCAB.sub(lambda mm: _alternation(self.lists.get(mm.group(1), [])), body)
                else:
                    if plain and (core[:1].isalpha() or core[:1] == "@"):
                        piece = r"(?<![\p{L}\p{N}])" + piece
                    if plain and (core[-1:].isalpha() or regex.search(r"@[a-z_]+$", core)):
                        piece = piece + r"(?![\p{L}\p{N}])"
                soft = not any(c.isalnum() for c in core) or tok.endswith(("?", "*"))
                exact = exact and not _top_bar(tok)
                if _standalone(tok):
                    required.append(piece)
            if out:
                out.append(_SOFT if soft or prev_soft else _HARD)
            out.append(piece)
            prev_soft = soft
        return "".join(out), slots, (nfig, ndate, required) if exact else None

    def _compile(self, group: str, tid: str, spec: dict | str) -> Template:
        if isinstance(spec, str):
            spec = {"template": spec}
        src = str(spec.get("template", ""))
        try:
            source, slots, needs = self._expand(src)
        except ValueError as e:  # a user's template: say which
            raise ValueError(f"linking grammar {group}.{tid}: {e}") from None
        try:
            pat = rx(source, regex.I)
        except regex.error as e:  # a user's template: say which
            raise ValueError(f"linking grammar {group}.{tid}: {e}") from None
        meta = {k: v for k, v in spec.items() if k not in ("template", "weight", "explicit", "enabled")}
        return Template(tid, group, src, pat, float(spec.get("weight", 1.0)), bool(spec.get("explicit", False)),
                        tuple(slots), meta, _needs(needs))

    def words(self, name: str) -> list[str]:
        return self.lists.get(name, [])

    def regex(self, src: str) -> Any:
        """A regular expression over plain text whose ``@name`` stand for a word list of the vocabulary (any one of
        its phrases, longest first; white space or a hyphen between words), case-insensitive; compiled once per
        grammar and source. Word boundaries are the caller's to write: the words are data a user may extend."""
        got = self._regexes.get(src)
        if got is None:
            got = self._regexes[src] = rx(_VOCAB.sub(lambda mm: _alternation(self.words(mm.group(1))), src), regex.I)
        return got

    def word_pattern(self, name: str) -> Any:
        got = self._word_patterns.get(name)  # by name: the lists do not change after __init__
        if got is None:
            source = self._word_sources.get(name)  # a grammar read from the cache has them all
            got = rx(source, regex.I) if source is not None else _word_pattern(tuple(self.words(name)))
            self._word_patterns[name] = got
        return got


_CACHE: dict[int, tuple[dict, Grammar]] = {}
_STATE_FORMAT = 2  # raise when state() changes shape: older entries are then ignored
# what a cached grammar may hold besides plain data: the dates YAML reads in a template's extra keys
_STATE_CLASSES = {("datetime", "date"), ("datetime", "datetime")}


def _skipped() -> set[str]:
    import os

    return set((os.environ.get("FACTCHECK_SKIP_FAMILIES") or "").split(","))  # ablation measurements


def grammar_for(vocab: dict) -> Grammar:
    """The grammar of a vocabulary: built once per process, and read from the start-up cache when an earlier
    run built it from the same vocabulary with the same factcheck and Python."""
    hit = _CACHE.get(id(vocab))
    if hit is not None and hit[0] is vocab:
        return hit[1]
    g = _cached(vocab)
    _CACHE[id(vocab)] = (vocab, g)
    return g


def vocab_key(vocab: dict) -> str:
    """The vocabulary's content as text, in its order (a template's order decides which match is first)."""
    return repr(vocab)


def _cached(vocab: dict) -> Grammar:
    from ..cache import cached_build

    built: list[Grammar] = []

    def build() -> tuple:
        g = Grammar(vocab)  # compiles every pattern: a broken template raises here, and nothing is stored
        built.append(g)
        return g.state()

    skip = ",".join(sorted(_skipped() - {""}))
    # keyed by this module's bytes too: how a template compiles is decided here (an edited checkout is not stale)
    state = cached_build("linking-grammar", [Path(__file__)], build, _STATE_CLASSES, check=_valid_state,
                         extra=(f"grammar{_STATE_FORMAT}", skip, vocab_key(vocab)))
    if built:
        return built[0]
    try:
        return Grammar(vocab, state)
    except Exception:  # noqa: BLE001 - an entry of the right shape that still does not restore: build anew
        return Grammar(vocab)


def _valid_state(got: Any) -> bool:
    """Has a loaded entry the shape state() writes? (A damaged or foreign entry is rebuilt.)"""
    try:
        fmt, lists, pre, prefix, groups, sources = got
        ok = fmt == _STATE_FORMAT and isinstance(lists, dict) and isinstance(pre, str) and isinstance(prefix, str) \
            and isinstance(groups, tuple) and all(isinstance(k, str) and isinstance(v, list) for k, v in lists.items()) \
            and isinstance(sources, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in sources.items())
        for group, entries in groups if ok else ():
            for tid, source, pattern, weight, explicit, slots, meta, needs in entries:
                ok = ok and isinstance(group, str) and isinstance(tid, str) and isinstance(source, str) \
                    and isinstance(pattern, str) and isinstance(weight, float) and isinstance(explicit, bool) \
                    and isinstance(slots, tuple) and all(isinstance(x, str) for x in slots) \
                    and isinstance(meta, dict) and (needs is None or _valid_needs(needs))
        return bool(ok)
    except (TypeError, ValueError):  # not a tuple of that length, an entry that does not unpack
        return False


def _valid_needs(needs: Any) -> bool:
    nfig, ndate, pieces = needs
    return isinstance(nfig, int) and isinstance(ndate, int) and isinstance(pieces, tuple) and all(
        isinstance(spec, tuple) and len(spec) == 2 and isinstance(spec[0], str) and isinstance(spec[1], int)
        and (split is None or (isinstance(split, tuple) and len(split) == 2
                               and all(isinstance(x, frozenset) for x in split)))
        for spec, split in pieces)


_WP: dict[tuple[str, ...], Any] = {}


def _word_pattern(words: tuple[str, ...]) -> Any:
    p = _WP.get(words)
    if p is None:
        p = _WP[words] = rx(_word_source(words), regex.I)
    return p


def word_pattern_of(words: tuple[str, ...]) -> Any:
    """Any one of ``words`` as a whole word, case-insensitive (compiled once per list)."""
    return _word_pattern(words)


def _word_source(words: tuple[str, ...]) -> str:
    """The pattern of any one of ``words`` as a whole word (case-insensitive when compiled with regex.I)."""
    return r"(?<![\p{L}\p{N}])" + _alternation(list(words)) + r"(?![\p{L}\p{N}])"


# ---------------------------------------------------------------------------------------- abstract sentences
@dataclass
class Abstract:
    """A span of text with its figures replaced by slots; maps slot numbers back to mentions."""

    text: str
    start: int  # offset of the span in the document text
    figs: list[Mention]  # slot k -> figure
    dates: list[Mention]
    _akeys: list[int]  # abstract offsets where a replaced piece starts or ends ...
    _tvals: list[int]  # ... and the document offsets there
    _has: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)  # what holds() has read

    def holds(self, needs: tuple[int, int, tuple[Any, ...]] | None) -> bool:
        """Can a template with these needs match here? (False only when it cannot: too few figures or dates,
        or a required word missing)"""
        if needs is None:
            return True
        nfig, ndate, pieces = needs
        has = self._has
        counts = has.get("#slots")
        if counts is None:  # the slot marks in the text (a document's own private-use characters count too)
            counts = has["#slots"] = (self.text.count(FIG_OPEN), self.text.count(DATE_OPEN))
        if counts[0] < nfig or counts[1] < ndate:
            return False
        if not pieces:
            return True
        if "#words" not in has:
            has["#words"] = words_of(self.text)
        words = has["#words"]
        for p, anchor_set in pieces:
            if anchor_set is not None and words is not None:
                whole, starts = anchor_set
                if whole.isdisjoint(words):
                    if not starts:
                        return False
                    key = ("#starts", p)
                    if key not in has:
                        has[key] = starts_any(words, starts)
                    if not has[key]:
                        return False
                continue
            got = has.get(p)
            if got is None:
                try:
                    got = has[p] = p.search(self.text) is not None
                except regex.error:  # not a pattern of its own after all: the template decides
                    got = has[p] = True
            if not got:
                return False
        return True

    def to_text(self, i: int) -> int:
        """Document offset of abstract offset ``i``."""
        k = bisect.bisect_right(self._akeys, i) - 1
        if k < 0:
            return self.start + i
        return self._tvals[k] + (i - self._akeys[k])


def abstract(text: str, a: int, b: int, figs: list[Mention], dates: list[Mention],
             prefix_re: Any = None) -> Abstract:
    """``text[a:b]`` with each figure and date inside it replaced by its slot; the hedges and determiners
    before a figure ("about the", "last year's") go into the figure's slot."""
    items = sorted([(m.start, m.end, 0, k) for k, m in enumerate(figs)] +
                   [(d.start, d.end, 1, k) for k, d in enumerate(dates)])
    out: list[str] = []
    akeys: list[int] = []
    tvals: list[int] = []
    pos = a
    alen = 0
    last_end = -1
    for s, e, kind, k in items:
        if s < pos or e > b:
            continue  # overlapping mentions: the first one wins
        p0 = s
        if kind == 0 and prefix_re is not None:
            hit = prefix_re.search(text, max(pos, s - 60), s)
            if hit is not None:
                p0 = hit.start()
                # "20 per cent above the £335m": right after a figure, "above" compares; it is no hedge
                if last_end >= 0 and not regex.search(r"\p{L}", text[last_end:p0]):
                    cmp = _COMPARING.match(text, p0, s)
                    if cmp is not None:
                        p0 = cmp.end()
                # "a 50% increase over ¥100 billion": where extraction read no hedge, "over" is a preposition
                prep = _PREPOSITION.match(text, p0, s) if figs[k].hedge is None else None
                if prep is not None:
                    p0 = prep.end()
        out.append(text[pos:p0])
        alen += p0 - pos
        piece = (FIG_OPEN + str(k) + FIG_CLOSE) if kind == 0 else (DATE_OPEN + str(k) + DATE_CLOSE)
        akeys.append(alen)
        tvals.append(p0)
        out.append(piece)
        alen += len(piece)
        akeys.append(alen)
        tvals.append(e)
        pos = e
        last_end = e
    out.append(text[pos:b])
    return Abstract("".join(out), a, figs, dates, akeys, tvals)


_PREPOSITION = LazyPattern(r"(?:above|below|over|under)\s+", regex.I)
_COMPARING = LazyPattern(r"(?:more|less|fewer)\s+than\s+|(?:above|below|over|under|up\s+on|down\s+on)\s+|"
                           r"as\s+(?:many|much|large|high|big|long|heavy)\s+as\s+", regex.I)


@dataclass(frozen=True)
class Match:
    """A template's match in a sentence: the figures in its slots and its span."""

    template: Template
    slots: dict[str, Mention]
    start: int  # document offsets of the whole match
    end: int


def matches(g: Grammar, group: str, ab: Abstract) -> tuple[Match, ...]:
    """Every match of the group's templates in an abstract sentence (overlapping ones too), in template order.

    Matching is pure (the same grammar and abstract give the same matches), and several families ask for the same
    group of the same sentence ("difference" and "compare" in pairs.py and change.py, "pair" twice in pairs.py): the
    answer is kept with the abstract, per grammar and group, and searched once."""
    workcount.count("link.pattern_runs", len(g.templates.get(group, ())))
    workcount.count("link.abstract_chars", len(ab.text))
    key = (_MATCHES, g, group)
    got = ab._has.get(key)
    if got is None:
        got = ab._has[key] = tuple(_matches(g, group, ab))
    return got


_MATCHES = object()  # the key of a group's matches in Abstract._has


def _matches(g: Grammar, group: str, ab: Abstract) -> Iterator[Match]:
    text = ab.text
    figs, dates = ab.figs, ab.dates
    has = ab._has
    counts = has.get("#slots")
    if counts is None:  # as Abstract.holds reads them (the checks on counts are made here, not by a call)
        counts = has["#slots"] = (text.count(FIG_OPEN), text.count(DATE_OPEN))
    nfigs, ndates = counts
    counting = workcount.enabled()
    for t in g.templates.get(group, ()):
        needs = t.needs
        if needs is not None and (needs[0] > nfigs or needs[1] > ndates or (needs[2] and not ab.holds(needs))):
            continue
        if counting:
            workcount.count("link.template_runs")  # the templates run after the prefilter (Abstract.holds)
            workcount.count("link.template_chars", len(text))
        names = t.slots
        for m in t.pattern.finditer(text, overlapped=True):
            slots: dict[str, Mention] = {}
            ok = True
            m0 = m.start()
            for name in names:
                v = m.group(name)
                if v is None:
                    continue
                k = int(v)
                s = m.start(name)
                pool = dates if s > m0 and text[s - 1] == DATE_OPEN else figs
                if k >= len(pool):
                    ok = False
                    break
                slots[name] = pool[k]
            if ok:
                yield Match(t, slots, ab.to_text(m0), ab.to_text(m.end()))
