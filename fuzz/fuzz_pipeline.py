"""A coverage-guided fuzzer (atheris / libFuzzer) over every reader, the whole pipeline and the rule-file checks.

Not a CI dependency: CI runs the hypothesis suite (tests/test_fuzz.py); this harness is for long runs by
hand. See fuzz/README.md. The first byte of an input picks the target, the rest is the file:

    0 .txt   1 .md   2 .html   3 .docx   4 a rule file (rules validate's checks)   5 .factcheck.yaml

A finding is any exception other than the documented ones (InputError, RuleError/ConfigError problems),
a position outside the text, or a mention value out of range: libFuzzer saves the input as crash-*.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FORMATS = (".txt", ".md", ".html", ".docx")
MAX_SIZE = 1 << 16  # inputs past this are refused by the reader's size limit, not read


def make_corpus(folder: Path) -> int:
    """Seed inputs from the samples and test fixtures, each prefixed with the byte that picks its reader."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    seeds = [*sorted((ROOT / "samples").glob("*.txt")), *sorted((ROOT / "tests" / "fixtures" / "readers").glob("*")),
             *sorted((ROOT / "rules").glob("*.yaml")), *sorted((ROOT / "tests" / "fixtures" / "rules").glob("*.yaml"))]
    for path in seeds:
        suffix = path.suffix.lower()
        target = 4 if suffix == ".yaml" else FORMATS.index(suffix) if suffix in FORMATS else 0
        (folder / f"{target}-{path.name}").write_bytes(bytes([target]) + path.read_bytes()[:MAX_SIZE])
        n += 1
    return n


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--make-corpus":
        print(f"{make_corpus(Path(sys.argv[2]))} seed inputs written to {sys.argv[2]}")
        return
    import atheris

    with atheris.instrument_imports(include=["factcheck"]):
        from factcheck.config import ConfigError, load_config
        from factcheck.document import InputError, read_bytes
        from factcheck.pipeline import run
        from factcheck.rulecheck import check_file
        from factcheck.ruleset import load_rules

    rules = load_rules()
    scratch = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-")) / ".factcheck.yaml"

    def one_input(data: bytes) -> None:
        if not data:
            return
        target, body = data[0] % 6, data[1:]
        if target == 4:
            for p in check_file("house.yaml", body.decode("utf-8", "replace")).problems:
                assert "\n" not in str(p), p
            return
        if target == 5:
            scratch.write_bytes(body)
            try:
                load_config(scratch)
            except ConfigError:
                pass
            return
        try:
            doc = read_bytes(body, "fuzz" + FORMATS[target], max_size=MAX_SIZE)
        except InputError as e:
            assert "\n" not in str(e), e
            return
        n = len(doc.text)
        assert doc.origin is None or len(doc.origin) == n
        result = run(doc, rules)
        for m in result.mentions:
            assert 0 <= m.start <= m.end <= n and m.text == doc.text[m.start:m.end], m
            assert m.value is None or abs(m.value) <= 1e100, m
        for f in result.findings:
            assert 0 <= f.start <= f.end <= n, f
            doc.locate(f.start)

    atheris.Setup(sys.argv, one_input)
    os.environ.setdefault("FACTCHECK_DEBUG", "1")
    atheris.Fuzz()


if __name__ == "__main__":
    main()
