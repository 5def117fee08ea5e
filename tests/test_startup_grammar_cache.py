"""Start-up (issue 10): the linking grammar and regex's compiled patterns kept in the start-up cache.

A grammar read back from the cache must match exactly what a freshly built one matches; a cache entry that is
stale, damaged, foreign or not private is ignored and rebuilt, never a traceback; a user's broken template is
reported on every run (never cached). Timing is measured in benchmarks/run.py, not here.
"""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import regex
import yaml

from factcheck import cache
from factcheck.claims import grammar as gm
from factcheck.claims.scope import Ctx
from factcheck.extract import extract, fastregex, lazy
from factcheck.model import Document
from factcheck.ruleset import load_rules

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "linking"
SAMPLE = ROOT / "samples" / "otokar-romania.txt"


@pytest.fixture
def cdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(d))
    monkeypatch.delenv("FACTCHECK_SKIP_FAMILIES", raising=False)
    return d


@pytest.fixture(scope="module")
def vocab() -> dict:
    return load_rules().vocab


def _texts() -> list[str]:
    out = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        for case in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("cases") or []:
            out.append(case["text"])
    return out


def _matches(g: gm.Grammar, texts: list[str], vocab: dict) -> list[Any]:
    """Every match of every group's templates in every sentence of the texts, as plain values."""
    rules = load_rules()
    out: list[Any] = []
    for text in texts:
        doc = Document(path="-", text=text)
        ctx = Ctx(doc=doc, mentions=extract(doc, vocab), rules=rules)
        for a, b in ctx.sents:
            ab = gm.abstract(ctx.text, a, b, ctx.numbers_in(a, b), ctx.dates_in(a, b), g.prefix_re)
            out.append(ab.text)
            for group in g.templates:
                out.extend((group, m.template.id, m.start, m.end,
                            sorted((k, v.start, v.end) for k, v in m.slots.items())) for m in gm.matches(g, group, ab))
    return out


def _entries(d: Path) -> list[Path]:
    return sorted(d.glob("linking-grammar-*.pickle"))


def _is_restored(g: gm.Grammar) -> bool:
    return all(isinstance(t.pattern, lazy.LazyPattern) for ts in g.templates.values() for t in ts)


def test_a_cached_grammar_matches_as_a_fresh_one_on_the_linking_fixtures(cdir: Path, vocab: dict) -> None:
    fresh = gm.Grammar(vocab)
    first = gm._cached(vocab)  # built (and stored)
    assert not _is_restored(first) and len(_entries(cdir)) == 1
    again = gm._cached(vocab)  # read back from the cache
    assert _is_restored(again)
    assert again.state() == fresh.state()
    assert {n: again.word_pattern(n).pattern for n in fresh.lists} == {n: fresh.word_pattern(n).pattern
                                                                          for n in fresh.lists}
    texts = _texts()
    assert len(texts) > 300
    got, want = _matches(again, texts, vocab), _matches(fresh, texts, vocab)
    assert sum(1 for x in want if isinstance(x, tuple)) > 500  # the fixtures do exercise the templates
    assert got == want


def _damage(path: Path, how: str, vocab: dict) -> None:
    key = pickle.loads(path.read_bytes())[1]
    if how == "garbage":
        path.write_bytes(b"\x80\x05 not a pickle at all")
    elif how == "truncated":
        path.write_bytes(path.read_bytes()[:200])
    elif how == "foreign class":  # a class nobody allowed: the unpickler refuses to build it
        path.write_bytes(pickle.dumps((cache.FORMAT, key, Path("/etc"))))
    elif how == "wrong shape":
        path.write_bytes(pickle.dumps((cache.FORMAT, key, ("not", "a", "grammar"))))
    elif how == "wrong types":  # the right length, a template whose pattern is a number
        state = list(gm.Grammar(vocab).state())
        group, entries = state[4][0]
        state[4] = ((group, ((entries[0][0], entries[0][1], 42, *entries[0][3:]),)),)
        path.write_bytes(pickle.dumps((cache.FORMAT, key, tuple(state))))
    elif how == "stale key":  # what another vocabulary or version built, under this name
        path.write_bytes(pickle.dumps((cache.FORMAT, "0" * 32, gm.Grammar(vocab).state())))
    elif how == "writable by others":
        path.chmod(0o666)
    else:  # pragma: no cover
        raise AssertionError(how)


@pytest.mark.parametrize("how", ["garbage", "truncated", "foreign class", "wrong shape", "wrong types", "stale key",
                                 "writable by others"])
def test_a_damaged_stale_or_foreign_grammar_entry_is_rebuilt(cdir: Path, vocab: dict, how: str) -> None:
    gm._cached(vocab)
    [entry] = _entries(cdir)
    _damage(entry, how, vocab)
    g = gm._cached(vocab)  # no exception: built anew
    assert not _is_restored(g)
    assert g.state() == gm.Grammar(vocab).state()
    assert entry.stat().st_mode & 0o077 == 0  # rewritten, private again
    assert _is_restored(gm._cached(vocab))  # and served from the cache on the next run


def test_another_vocabulary_or_skipped_family_is_another_entry(cdir: Path, vocab: dict,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    gm._cached(vocab)
    other = copy.deepcopy(vocab)
    group, entries = next(iter(other["linking"]["grammar"].items()))
    tid = next(iter(entries))
    spec = entries[tid] if isinstance(entries[tid], dict) else {"template": entries[tid]}
    entries[tid] = {**spec, "weight": 0.123}
    g = gm._cached(other)
    assert not _is_restored(g)  # not the first vocabulary's grammar
    assert next(t for t in g.templates[group] if t.id == tid).weight == 0.123
    assert _is_restored(gm._cached(other)) and _is_restored(gm._cached(vocab))  # each kept its own entry
    assert len(_entries(cdir)) == 2
    monkeypatch.setenv("FACTCHECK_SKIP_FAMILIES", f"{group}.{tid}")
    skipped = gm._cached(vocab)
    assert not _is_restored(skipped) and tid not in {t.id for t in skipped.templates[group]}


def test_a_broken_user_template_is_reported_on_every_run_and_never_cached(cdir: Path, vocab: dict) -> None:
    bad = copy.deepcopy(vocab)
    group = next(iter(bad["linking"]["grammar"]))
    bad["linking"]["grammar"][group]["broken-one"] = {"template": "from {old} to (unclosed {new}"}
    for _ in range(2):
        with pytest.raises(ValueError, match="linking grammar"):
            gm._cached(bad)
    assert _entries(cdir) == []


def _check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", "check", "--format", "json", str(SAMPLE)],
                          capture_output=True, text=True, env={**os.environ, **env}, cwd=ROOT, check=False)


def test_the_command_line_gives_the_same_report_with_a_cold_warm_damaged_or_no_cache(tmp_path: Path) -> None:
    d = tmp_path / "cache"
    env = {"FACTCHECK_CACHE_DIR": str(d)}
    off = _check({"FACTCHECK_CACHE_DIR": "off"})
    assert off.returncode in (0, 1) and off.stdout.startswith("{")
    runs = [_check(env), _check(env), _check(env)]  # cold, then warm (the standard library's from the 2nd on)
    files = sorted(p.name for p in d.iterdir())
    assert any(n.startswith("linking-grammar-") for n in files) and any(n.startswith("patterns-") for n in files)
    for p in d.iterdir():  # every cache file damaged at once
        p.write_bytes(b"\x00garbage" * 10)
    runs += [_check(env), _check(env)]  # damaged: rebuilt; then warm again
    for r in runs:
        assert (r.returncode, r.stdout, r.stderr) == (off.returncode, off.stdout, off.stderr)


# ------------------------------------------------------------------------------------------ compiled patterns

_SNIPPET = ("import sys\nfrom factcheck.extract import fastregex as regex, lazy\n"
            "print(regex.findall(sys.argv[1], 'zq zqq xzqqq'), lazy.rx(sys.argv[2]).findall('ab abb'), "
            "lazy._STATE['from_disk'], len(lazy._CALLS), len(lazy._PARSED_CALLS))\n")


def _snippet(d: Path, call: str, rx: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", _SNIPPET, call, rx], capture_output=True, text=True, check=True,
                         env={**os.environ, "FACTCHECK_CACHE_DIR": str(d)}).stdout
    return out.rsplit("] ", 1)[1].split() if out else []


def _programs(d: Path) -> dict:
    got = cache.load(lazy._cache_name(), "programs")
    assert isinstance(got, dict)
    return got


def test_a_module_function_pattern_is_kept_from_its_second_sighting(cdir: Path) -> None:
    """``regex.findall(r"...", s)``: parsed and only its digest recorded on the first run, saved on the second,
    read from the cache on the third; an ``rx`` pattern is saved on its first run."""
    call, own = r"z(?:q)+(?#first-run-test)", r"ab+(?#rx-test)"
    _snippet(cdir, call, own)
    assert (own, 0) in _programs(cdir) and (call, 0) not in _programs(cdir)
    assert (cdir / lazy._seen_name()).exists()
    _snippet(cdir, call, own)
    assert (call, 0) in _programs(cdir)
    from_disk, calls, parsed = _snippet(cdir, call, own)
    assert int(from_disk) >= 2 and calls == "0" and parsed == "0"


@pytest.mark.parametrize("how", ["another pattern's program", "garbage program", "not a tuple"])
def test_a_wrong_program_in_the_pattern_file_is_compiled_again(cdir: Path, how: str) -> None:
    call, own = r"z(?:q)+(?#damaged-test)", r"ab+(?#damaged-rx-test)"
    for _ in range(2):
        _snippet(cdir, call, own)
    progs = _programs(cdir)
    other = lazy._program(regex.compile(r"x+y"))
    assert other is not None
    bad: Any = {"another pattern's program": other, "garbage program": (own, 0, b"\x01\x02\x03", {}, {}, {}, [], 0,
                                                                        (), 0, 0), "not a tuple": "oops"}[how]
    progs[(own, 0)] = progs[(call, 0)] = bad
    cache.store(lazy._cache_name(), progs, "programs")
    out = subprocess.run([sys.executable, "-c", _SNIPPET, call, own], capture_output=True, text=True, check=True,
                         env={**os.environ, "FACTCHECK_CACHE_DIR": str(cdir)})
    assert out.stdout.startswith("['zq', 'zqq', 'zqqq'] ['ab', 'abb']") and out.stderr == ""
    fixed = _programs(cdir)
    assert fixed[(own, 0)][0] == own  # the file holds the right program again


def test_module_functions_behave_as_regex_does() -> None:
    """fastregex (what factcheck's modules call ``regex``) returns what regex returns, and leaves to regex what
    it does not serve (LOCALE, bytes); a compiled or lazy pattern is used as it is."""
    for pat, flags, text in [(r"\p{L}+", 0, "Ab ç 12"), (r"(?i)ab|c", 0, "AB c"), (r"ab", regex.I, "AB"),
                             (r"\bX\b", regex.V1 | regex.I, "x y X"), (r"(\d+)-(\d+)", 0, "1-2 3-4")]:
        mine = fastregex.compile(pat, int(flags))
        theirs = regex.compile(pat, flags)
        assert (mine.pattern, mine.flags, mine.groupindex) == (theirs.pattern, theirs.flags, theirs.groupindex)
        assert mine.findall(text) == theirs.findall(text)
        assert fastregex.findall(pat, text, int(flags)) == regex.findall(pat, text, flags)
        assert [m.span() for m in fastregex.finditer(pat, text, int(flags))] == \
            [m.span() for m in regex.finditer(pat, text, flags)]
        for fn in ("search", "match", "fullmatch"):
            got, want = getattr(fastregex, fn)(pat, text, int(flags)), getattr(regex, fn)(pat, text, flags)
            assert (got and got.span()) == (want and want.span())
        assert fastregex.sub(pat, "<>", text, 1, int(flags)) == regex.sub(pat, "<>", text, 1, flags)
        assert fastregex.split(pat, text, 1, int(flags)) == regex.split(pat, text, 1, flags)
    assert fastregex.sub(r"(\d)-(\d)", r"\2+\1", "1-2 3-4") == "2+1 4+3"  # a template (regex's own helper)
    local = r"\w+(?#locale-test)"
    assert fastregex.compile(local, int(regex.LOCALE)).findall("ab c") == ["ab", "c"]
    key = (local, int(regex.LOCALE))  # left to regex: neither kept nor saved
    assert key not in lazy._MEMO and key not in lazy._CALLS and key not in lazy._PARSED_CALLS
    p = regex.compile(r"\d")
    assert fastregex.compile(p) is p and fastregex.findall(rb"\d", b"a1b2") == [b"1", b"2"]
    lz = lazy.LazyPattern(r"b+(?#lazy-arg-test)")
    assert fastregex.search(lz, "abbc").group() == "bb"
    for name in ("A", "ASCII", "I", "IGNORECASE", "M", "MULTILINE", "S", "DOTALL", "X", "VERBOSE"):
        assert getattr(fastregex, name) == int(getattr(regex, name)), name
    for w in ("F-35A", "a.b", "x y\tz", "(1)|[2]{3}?*+^$\\#&~", "Ç-é", ""):
        assert fastregex.escape(w) == regex.escape(w), w
    assert fastregex.error is regex.error and fastregex.Pattern is regex.Pattern and fastregex.V1 == regex.V1


def test_a_check_whose_patterns_are_saved_does_not_import_the_regex_parser(cdir: Path) -> None:
    """Start-up: a second check of the same text builds every pattern from its saved program; regex's
    pure-Python parser (regex._regex_core) is never imported, and the output is the same."""
    code = ("import sys, io, contextlib\nfrom factcheck import cli\nout = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n    try:\n        cli.main(['check', '--format', 'json', '-'])\n"
            "    except SystemExit:\n        pass\n"
            "print(len(out.getvalue()), 'regex._regex_core' in sys.modules, 'regex' in sys.modules)\n")
    text = "Sales rose 12% to SEK 1,120 million (1,000). The company delivered 48 vehicles, up from 40 in 2023."
    runs = [subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True,
                           env={**os.environ, "FACTCHECK_CACHE_DIR": str(cdir)}).stdout.split() for _ in range(3)]
    assert runs[0][0] == runs[1][0] == runs[2][0] and int(runs[0][0]) > 500
    assert runs[0][1] == "True"  # the first run parsed
    assert runs[2][1:] == ["False", "False"]


def test_a_lazy_pattern_compiles_once_then_calls_the_compiled_methods() -> None:
    lz = lazy.LazyPattern(r"(?<![\p{L}])ab+(?#lazy-method-test)", regex.I)
    assert lz._compiled is None and lz.pattern == r"(?<![\p{L}])ab+(?#lazy-method-test)" and lz._compiled is None
    assert lz.findall("x AbB abbb") == ["AbB", "abbb"]
    assert lz._compiled is not None and lz.search == lz._compiled.search  # the compiled pattern's own method now
    assert lz.sub("-", "ab x") == "- x" and lz.split("1ab2") == ["1", "2"] and lz.flags & regex.I
    again = pickle.loads(pickle.dumps(lz))
    assert isinstance(again, lazy.LazyPattern) and again._compiled is None and again.spec() == lz.spec()
    assert copy.deepcopy(lz).findall("ABB") == ["ABB"]


def test_patterns_made_from_document_words_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lazy, "_CALLS", {})
    monkeypatch.setattr(lazy, "_PARSED_CALLS", {})
    for i in range(lazy.MAX_CALLS + 50):
        assert fastregex.search(rf"\bword{i}x\b", f"a word{i}x b") is not None
    assert 0 < len(lazy._CALLS) <= lazy.MAX_CALLS and len(lazy._PARSED_CALLS) <= lazy.MAX_CALLS


# ------------------------------------------------------------------------------------------ the collector

_GC = ("import atexit, gc, sys\nfrom factcheck import cli\nsys.argv = ['factcheck', '--version']\n"
       "atexit.register(lambda: print(gc.get_threshold()[0], gc.get_freeze_count() > 0))\n"
       "try:\n    cli.main({argv})\nexcept SystemExit:\n    pass\n")


def test_the_collector_is_tuned_only_when_main_runs_as_the_program() -> None:
    def run(argv: str) -> list[str]:
        return subprocess.run([sys.executable, "-c", _GC.format(argv=argv)], capture_output=True, text=True,
                              check=True).stdout.split()[-2:]

    import gc

    default = gc.get_threshold()[0]
    assert run("") == [str(max(default, cli_threshold())), "True"]
    assert run("['--version']") == [str(default), "False"]


def cli_threshold() -> int:
    from factcheck import cli

    return cli._GC_THRESHOLD
