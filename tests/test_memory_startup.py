"""Memory and start-up (issue 10): the JSON report is written as it is made, and a plain-text check imports
nothing it does not use. Timing and peak memory are measured in benchmarks/run.py, not here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.model import FileResult
from factcheck.pipeline import Options
from factcheck.report import Context, json_, stream
from factcheck.ruleset import load_rules
from factcheck.runner import Task, check_one

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def results() -> dict[str, list[FileResult]]:
    rules = load_rules()
    files = sorted(SAMPLES.glob("*.txt"))[:8]
    out = {}
    for command, check in (("check", True), ("extract", False)):
        rs = [check_one(Task(str(f)), rules, Options(check=check)) for f in files]
        rs.append(FileResult(path="gone.txt", document=None, error="gone.txt: no such file"))
        out[command] = rs
    return out


@pytest.mark.parametrize("command", ["check", "extract"])
@pytest.mark.parametrize("pick", ["all", "none", "first", "unreadable only"])
def test_streamed_json_is_byte_for_byte_the_whole_report(results: dict[str, list[FileResult]], command: str,
                                                         pick: str) -> None:
    rs = {"all": results[command], "none": [], "first": results[command][:1],
          "unreadable only": results[command][-1:]}[pick]
    ctx = Context(command=command)
    whole = json.dumps(json_.to_dict(rs, ctx), ensure_ascii=False, indent=2) + "\n"
    pieces = list(stream("json", rs, ctx))
    assert "".join(pieces) == whole
    if pick == "all":
        assert len(pieces) > len(rs)  # written item by item, not as one string
        assert sum(len(r.findings) + len(r.mentions) for r in rs) > 20  # the samples do have items


def test_a_format_without_stream_is_one_piece(results: dict[str, list[FileResult]]) -> None:
    from factcheck.report import render

    ctx = Context(command="check")
    assert list(stream("sarif", results["check"], ctx)) == [render("sarif", results["check"], ctx)]


def test_the_command_line_writes_the_streamed_report(tmp_path: Path) -> None:
    """stdout and --output get the same bytes, which are valid JSON with every file in order."""
    a, b = SAMPLES / "otokar-romania.txt", SAMPLES / "kongsberg-nsm-order.txt"
    out = tmp_path / "r.json"
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    run = [sys.executable, "-m", "factcheck", "check", "--format", "json", "--jobs", "1", str(a), str(b)]
    got = subprocess.run(run, capture_output=True, env=env, check=False)
    subprocess.run([*run, "-o", str(out)], capture_output=True, env=env, check=False)
    assert got.stdout == out.read_bytes()
    data = json.loads(got.stdout)
    assert [f["path"] for f in data["files"]] == [str(a), str(b)]
    assert data["summary"]["files"] == 2


def test_a_check_of_a_text_file_imports_only_what_it_uses(tmp_path: Path) -> None:
    """No YAML parser (the rule files come from the start-up cache), no XML or zip reader (.docx only), no
    OpenSSL hashlib, no temporary files, no rich (the JSON report draws no table), no table reader (the release
    has no line a table's row could be), no calendar (month ends are computed)."""
    code = ("import sys, io\nimport factcheck.cli as c\nsys.stdout = io.StringIO()\n"
            f"try:\n    c.main(['check', '--format', 'json', {str(SAMPLES / 'otokar-romania.txt')!r}])\n"
            "except SystemExit:\n    pass\n"
            "sys.stdout = sys.__stdout__\n"
            "print(sorted(m for m in ('yaml', 'xml.etree.ElementTree', 'zipfile', 'hashlib', 'tempfile', 'rich',"
            " 'jsonschema', 'markdown_it', 'pint', 'calendar', 'factcheck.document.tables') if m in sys.modules))\n")
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert "yaml" in first.stdout  # the first run parsed the rule files (and cached them)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert second.stdout.strip() == "[]", second.stdout


@pytest.mark.parametrize("args", [
    ["check", "--help"], ["extract", "-h"], ["check", "--no-such-option", "x.txt"], ["check", "--format", "xml", "x"],
    ["check", "--jobs", "-1", "x"], ["extract", "--format", "json", str(SAMPLES / "otokar-romania.txt")],
    ["check", "--format", "json", "--jobs", "1", str(SAMPLES / "otokar-romania.txt")], ["baseline", "--help"],
    ["accept", "--help"], ["install-hook", "--help"], ["init", "--help"], ["serve", "--help"]])
def test_the_one_command_app_behaves_as_the_whole_app(args: list[str]) -> None:
    """`factcheck check ...` builds only the check command (start-up); help, errors, output and exit code are
    those of the whole app."""
    from typer.testing import CliRunner

    from factcheck import cli

    one = cli.app_for(args)
    assert one is not cli.app and [c.callback for c in one.registered_commands] == \
        [c.callback for c in cli.app.registered_commands if c.callback is not None and
         (c.name or c.callback.__name__) == args[0]]
    runner = CliRunner()
    whole = runner.invoke(cli.app, args, prog_name="factcheck")
    fast = runner.invoke(one, args, prog_name="factcheck")
    assert (fast.exit_code, fast.output) == (whole.exit_code, whole.output)
    assert whole.output


def test_the_root_help_and_the_rules_group_use_the_whole_app() -> None:
    from factcheck import cli

    for args in ([], ["--help"], ["--version"], ["rules", "list"], ["no-such-command"]):
        assert cli.app_for(args) is cli.app


@pytest.mark.parametrize("fmt", [".txt", ".md", ".html"])
def test_the_origin_map_takes_four_bytes_a_character(fmt: str) -> None:
    """A pasted web page's zero-width space used to turn the origin map into a tuple of int objects (about
    36 bytes a character: 360 MiB for a 10 MiB file); it is an array of 4-byte offsets, mapping the same."""
    from factcheck.document import read_bytes

    body = "Orders rose 1\u200b28% to 4,200 units.\n" * 50
    data = (body if fmt == ".txt" else f"<p>{body}</p>" if fmt == ".html" else f"# T\n\n{body}").encode()
    doc = read_bytes(data, "x" + fmt)
    assert doc.origin is not None and len(doc.origin) == len(doc.text)
    assert getattr(doc.origin, "itemsize", None) == 4
    source = data.decode()
    i = doc.text.index("128%")
    assert source[doc.origin[i]:doc.origin[i] + 5] == "1\u200b28%"  # the figure points where it is written
    assert doc.origin[i + 1] == doc.origin[i] + 2  # past the removed character
    assert doc.locate(i).line == source[:doc.origin[i]].count("\n") + 1


def test_line_starts_are_machine_integers() -> None:
    from factcheck.model import Document

    doc = Document("x.txt", "a\nbb\n\nccc")
    assert list(doc._line_starts) == [0, 2, 5, 6]
    assert getattr(doc._line_starts, "itemsize", None) == 4
    assert (doc.locate(7).line, doc.locate(7).column) == (4, 2)
    assert doc.line_text(2) == "bb" and doc.line_text(4) == "ccc"


_DC_CODE = """
import dataclasses, sys
from factcheck import stdcache
stdcache.install()
from factcheck.model import Mention, Finding

@dataclasses.dataclass(frozen=True, slots=True)
class P:
    a: int
    b: str = "x"
    c: tuple = ()

p = P(1, c=(2,))
try:
    p.a = 3
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
m = Mention(start=3, end=7, text="€12m", type="currency", value=12e6, unit="EUR")
print(stdcache.compiled(), repr(p), p == P(1, "x", (2,)), hash(p) == hash(P(1, c=(2,))), frozen,
      m == Mention(3, 7, "€12m", "currency", 12e6, "EUR"), P.__init__.__code__.co_code.hex()[:40],
      P.__init__.__defaults__, Finding.__init__.__code__.co_varnames[:4])
"""


def _py(code: str, env: dict[str, str]) -> list[str]:
    """Run ``code`` in a new interpreter; its output split into the first word and the rest."""
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, **env},
                         check=True)
    return got.stdout.split(" ", 1)


def _dc_run(env: dict[str, str]) -> list[str]:
    return _py(_DC_CODE, env)


def test_dataclass_methods_come_from_the_cache_and_behave_the_same(tmp_path: Path) -> None:
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path / "c")}
    off = _dc_run({"FACTCHECK_CACHE_DIR": "off"})  # no cache at all: dataclasses compile as usual
    first, second, third = _dc_run(env), _dc_run(env), _dc_run(env)
    assert off[0] == "0" and int(first[0]) > 40 and int(second[0]) > 40  # kept from the second sighting on
    assert third[0] == "0"  # the third run compiled nothing
    assert off[1] == first[1] == second[1] == third[1]  # same repr, equality, hashing, frozenness, bytecode, defaults
    assert "P(a=1, b='x', c=(2,)) True True True True" in third[1]
    assert [p.name for p in (tmp_path / "c").glob("stdlib-compiled-*")] != []


def test_a_damaged_or_foreign_dataclass_cache_is_ignored(tmp_path: Path) -> None:
    from factcheck import stdcache

    d = tmp_path / "c"
    env = {"FACTCHECK_CACHE_DIR": str(d)}
    _dc_run(env)
    _dc_run(env)
    (path,) = d.glob("stdlib-compiled-*")
    path.write_bytes(b"\x00garbage")
    again = _dc_run(env)
    assert int(again[0]) > 40  # compiled afresh (and kept again from the next run on)
    again = _dc_run(env)
    assert int(again[0]) > 40
    import marshal

    key, codes, programs = marshal.loads(path.read_bytes())
    assert key == stdcache._key() and len(codes) >= int(again[0]) and isinstance(programs, dict)
    path.write_bytes(marshal.dumps(("another python", codes, programs)))  # stale: another interpreter's bytecode
    assert int(_dc_run(env)[0]) > 40
    path.chmod(0o666)  # writable by others: not trusted
    assert int(_dc_run(env)[0]) > 40


_RE_CODE = """
import re, sys
from factcheck import stdcache
stdcache.install()
pats = [re.compile(r"(?P<num>\\d+(?:,\\d{3})*)\\s?(?P<unit>km|kg)\\b", re.I), re.compile(r"(?<![A-Za-z])M(?:io|rd)\\.?"),
        re.compile(rb"\\x00+"), re.compile("[\\u200b-\\u200d]|caf\\u00e9", re.U | re.M), re.compile(r"^(a|b)*?c$", re.S)]
text = "The 1,250 KM run; Mio. and Mrd. for caf\\u00e9\\u200b\\nabac"
out = [(p.pattern, p.flags, dict(p.groupindex), p.groups, [m.span() for m in p.finditer(text if isinstance(p.pattern, str)
        else b"a\\x00\\x00b")]) for p in pats]
print(stdcache.parsed(), repr(out))
"""


def _re_run(env: dict[str, str]) -> list[str]:
    return _py(_RE_CODE, env)


def test_re_patterns_come_from_the_cache_and_match_the_same(tmp_path: Path) -> None:
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path / "c")}
    off = _re_run({"FACTCHECK_CACHE_DIR": "off"})
    first, second, third = _re_run(env), _re_run(env), _re_run(env)
    assert off[0] == "0" and int(first[0]) >= 5 and int(second[0]) >= 5 and third[0] == "0"  # third: none parsed
    assert off[1] == first[1] == second[1] == third[1]  # same pattern, flags, groups and matches
    assert "'num': 1" in third[1] and "(4, 12)" in third[1]  # "1,250 KM" found, case-insensitively


_RANDOM_CODE = """
import re, sys
from factcheck import stdcache
stdcache.install()
re.compile("|".join({"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}))  # order: hash seed
re.compile(r"(?:steady|pattern)\\d+")
print(stdcache.parsed(), stdcache._STATE["new"])
"""


def test_a_pattern_that_differs_in_every_process_is_never_kept(tmp_path: Path) -> None:
    """A pattern joined from a set changes with the hash seed: only its digest is noted, the file of programs
    stops changing once the steady patterns are in it, and the digests stay few."""
    import marshal

    d = tmp_path / "c"
    runs = []
    for seed in range(6):
        runs.append(_py(_RANDOM_CODE, {"FACTCHECK_CACHE_DIR": str(d), "PYTHONHASHSEED": str(seed + 1)}))
    (programs,) = d.glob("stdlib-compiled-*")
    (seen,) = d.glob("stdlib-seen-*")
    _, _, kept = marshal.loads(programs.read_bytes())
    assert r"(?:steady|pattern)\d+" in {k[0] for k in kept}
    assert not any("epsilon" in k[0] for k in kept)
    _, digests = marshal.loads(seen.read_bytes())
    assert len(digests) <= 7  # one per hash seed, not every pattern
    assert [r[0] for r in runs[2:]] == ["1"] * 4  # from the third run on only the random pattern is parsed
