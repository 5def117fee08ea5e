"""How fast factcheck is, as ratios against baselines measured in the same run (machines here are noisy,
so absolute seconds mean little; ratios taken a few seconds apart mean something).

    python3 benchmarks/speed.py [--repeat N]

Reports:
  start-up   `factcheck --version` against `python -c pass`: what a git hook pays before reading a file
  one file   `factcheck samples/otokar-romania.txt` against `python -c pass`
  first run  inside one fresh process: import the CLI, load the rules, the first pipeline run on the seed
             article (compiling its regular expressions), then a second run of the same text
  pipeline   in-process extract+link+judge over every sample and corpus text, per kilobyte, against a
             plain `re.findall(r"\\d+")` over the same texts (the cheapest possible "find the numbers")
Nothing is asserted: this prints figures for the README and for spotting regressions by eye.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _wall(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


_PHASES = """
import time
t0 = time.perf_counter()
import factcheck.cli
from factcheck.model import Document
from factcheck.pipeline import run
from factcheck.ruleset import load_rules
t1 = time.perf_counter()
rules = load_rules()
t2 = time.perf_counter()
text = open(%r, encoding="utf-8").read()
run(Document("a", text), rules)
t3 = time.perf_counter()
run(Document("b", text), rules)
t4 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3)
"""


def _phases(path: Path, repeat: int) -> list[float]:
    """Median seconds of: importing the CLI, loading the rules, the first pipeline run, a second run."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", _PHASES % str(path)], capture_output=True, text=True, check=True)
        runs.append([float(x) for x in out.stdout.split()])
    return [statistics.median(col) for col in zip(*runs, strict=True)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    py = sys.executable
    base = _wall([py, "-c", "pass"], a.repeat)
    start = _wall([py, "-m", "factcheck", "--version"], a.repeat)
    one = _wall([py, "-m", "factcheck", str(ROOT / "samples" / "otokar-romania.txt")], a.repeat)
    imp, rules_s, first, second = _phases(ROOT / "samples" / "otokar-romania.txt", a.repeat)

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    corpus = ROOT.parent / "shared" / "corpus"
    texts += [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))] if corpus.is_dir() else []
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1024

    from factcheck.model import Document
    from factcheck.pipeline import run
    from factcheck.ruleset import load_rules

    rules = load_rules()
    run(Document("warm", texts[0]), rules)  # compile patterns once, as any long-running use would
    t = time.perf_counter()
    for k in range(a.repeat):
        for i, text in enumerate(texts):
            run(Document(f"{k}-{i}", text), rules)
    pipe = (time.perf_counter() - t) / a.repeat
    t = time.perf_counter()
    for _ in range(a.repeat * 50):
        for text in texts:
            re.findall(r"\d+", text)
    floor = (time.perf_counter() - t) / (a.repeat * 50)

    print(f"start-up   factcheck --version: {start / base:5.1f}x python -c pass ({start:.2f}s vs {base:.2f}s)")
    print(f"one file   seed article:        {one / base:5.1f}x python -c pass ({one:.2f}s)")
    print(f"first run  import {imp:.2f}s, rules {rules_s:.2f}s, first pipeline run {first:.2f}s, second {second:.3f}s")
    print(f"pipeline   {len(texts)} texts, {kb:.0f} KiB: {pipe / kb * 1000:.1f} ms/KiB, "
          f"{pipe / floor:,.0f}x a bare digit scan")
    return 0


if __name__ == "__main__":
    sys.exit(main())
