"""The start-up cache (factcheck/cache.py): where it lives, and that it is never trusted blindly."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import cache


@pytest.fixture
def cdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(d))
    return d


def test_cache_dir_follows_xdg_and_can_be_switched_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert cache.cache_dir() == tmp_path / "factcheck"
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # invalid per the spec: ignored
        assert cache.cache_dir() == Path.home() / ".cache" / "factcheck"
    for off in ("", "0", "off", "none"):
        monkeypatch.setenv("FACTCHECK_CACHE_DIR", off)
        assert cache.cache_dir() is None
        assert cache.store("x", 1) is False and cache.load("x") is None


def test_round_trip_is_atomic_private_and_keyed(cdir: Path) -> None:
    assert cache.store("thing", {"a": [1, 2.5, "x"]}, key="k1")
    assert cache.load("thing", "k1") == {"a": [1, 2.5, "x"]}
    assert cache.load("thing", "k2") is None  # stale: built from something else
    assert oct(cdir.stat().st_mode & 0o777) == "0o700"
    assert oct((cdir / "thing.pickle").stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in cdir.iterdir()] == ["thing.pickle"]  # no temporary file left behind


def test_damaged_or_foreign_files_are_ignored(cdir: Path) -> None:
    cache.store("thing", [1], key="k")
    path = cdir / "thing.pickle"
    path.write_bytes(b"not a pickle at all")
    assert cache.load("thing", "k") is None
    path.write_bytes(pickle.dumps((cache.FORMAT, "k", Path("/etc"))))  # a class nobody allowed
    assert cache.load("thing", "k") is None
    path.write_bytes(pickle.dumps((cache.FORMAT, "k", [1])))
    assert cache.load("thing", "k") == [1]
    path.chmod(0o666)  # writable by others: anyone could have planted it
    assert cache.load("thing", "k") is None
    path.chmod(0o600)
    cdir.chmod(0o777)
    assert cache.load("thing", "k") is None
    cdir.chmod(0o700)


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "sub"))
    assert cache.store("thing", [1]) is False
    assert cache.load("thing") is None


def test_content_key_changes_with_bytes(tmp_path: Path) -> None:
    f = tmp_path / "r.yaml"
    f.write_text("a: 1\n")
    k1 = cache.content_key([f], "0.3.0")
    assert cache.content_key([f], "0.3.0") == k1
    assert cache.content_key([f], "0.3.1") != k1
    f.write_text("a: 2\n")
    assert cache.content_key([f], "0.3.0") != k1


def _run(code: str, env: dict[str, str]) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, **env}).stdout


def test_a_second_run_reads_patterns_and_rules_from_the_cache(cdir: Path) -> None:
    code = ("import sys\nfrom factcheck.ruleset import load_rules\nfrom factcheck.extract import extract_text\n"
            "import factcheck.extract.lazy as L\n"
            "ms = extract_text('Rheinmetall won a EUR 1.2 billion order for 48 vehicles, up 12% on 2023.')\n"
            "print(len(load_rules().rules), [(m.type, m.value) for m in ms], L._STATE['new'], 'yaml' in sys.modules)\n")
    env = {"FACTCHECK_CACHE_DIR": str(cdir)}
    first = _run(code, env).split(" ", 1)
    names = sorted(p.name for p in cdir.iterdir())
    # the compiled patterns, the digests of patterns regex's module functions parsed once (kept from their
    # second sighting on: factcheck/extract/lazy.py), the parsed rule files
    assert len(names) == 3 and names[0] == "patterns-" + _suffix() and names[2].startswith("shipped-rules-")
    assert names[1] == "patterns-seen-" + _suffix().replace(".pickle", ".marshal")
    second = _run(code, env).split(" ", 1)
    assert first[0] == second[0]  # the same rules
    mentions_1, new_1, yaml_1 = first[1].rsplit(" ", 2)
    mentions_2, new_2, yaml_2 = second[1].rsplit(" ", 2)
    assert mentions_1 == mentions_2
    assert int(new_1) > 50 and yaml_1.strip() == "True"  # the first run compiled and parsed
    assert new_2 == "0" and yaml_2.strip() == "False"  # the second loaded both


def test_a_changed_rule_file_is_read_again(tmp_path: Path, cdir: Path) -> None:
    from factcheck import __version__, ruleset

    files = ruleset.shipped_files()
    built = cache.cached_build("demo", files, lambda: ("built", 1), set())
    assert built == ("built", 1)
    assert cache.cached_build("demo", files, lambda: ("again", 2), set()) == ("built", 1)
    assert cache.cached_build("demo", files, lambda: ("again", 2), set(), extra=("other",)) == ("again", 2)
    assert __version__  # keyed by it too (content_key above)


def test_two_installations_keep_their_own_entries(tmp_path: Path, cdir: Path) -> None:
    """Two checkouts (or virtual environments) with different rule files, run in turn, each keep their entry:
    neither rebuilds because the other ran in between (one entry per name used to be overwritten each time)."""
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("x: 1\n")
    b.write_text("x: 2\n")
    builds: list[str] = []

    def build(tag: str):
        return lambda: builds.append(tag) or tag

    for _ in range(3):
        assert cache.cached_build("rules", [a], build("a"), set()) == "a"
        assert cache.cached_build("rules", [b], build("b"), set()) == "b"
    assert builds == ["a", "b"]
    assert len(list(cdir.glob("rules-*.pickle"))) == 2


def test_old_entries_beyond_keep_are_removed(tmp_path: Path, cdir: Path) -> None:
    f = tmp_path / "r.yaml"
    for i in range(cache.KEEP + 3):
        f.write_text(f"x: {i}\n")  # the rule file edited: a new entry each time
        assert cache.cached_build("rules", [f], lambda i=i: i, set()) == i
        newest = cdir / f"rules-{cache.content_key([f], *_key_extra())[:16]}.pickle"
        os.utime(newest, (1_000_000 + i, 1_000_000 + i))  # distinct, increasing modification times
    left = list(cdir.glob("rules-*.pickle"))
    assert len(left) == cache.KEEP
    assert newest in left  # the newest survived
    assert cache.prune("rules", keep=1) == cache.KEEP - 1
    assert list(cdir.glob("rules-*.pickle")) == [newest]


def _key_extra() -> tuple[str, ...]:
    from factcheck import __version__

    return (__version__, sys.version)


def _suffix() -> str:
    from factcheck.extract import lazy

    return lazy._cache_name().removeprefix("patterns-") + ".pickle"
