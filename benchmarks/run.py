"""Every speed and memory ratio of issue 10, from one run, on inputs generated from the corpus texts.

    python3 benchmarks/run.py [CORPUS] [--json benchmarks/results/run.json] [--readme] [--quick] [--only startup]

CORPUS is a folder of release texts (*.txt); default ../shared/corpus beside the repository, else samples/.
The texts are joined and repeated into the inputs below, in a temporary folder; nothing of the corpus is
written into the repository. Every figure is a ratio between two measurements taken in the same run, because
this machine (2 cores) is shared and its seconds mean little; CPU time of each child process comes from
os.wait4 (its own rusage, not the sum of all children), and each ratio is the median of paired, interleaved
runs (A B A B ...). Wall time is used only where parallelism is the point (--jobs).

  start-up   one release checked (`factcheck check --format json`, the median-size corpus text) against
             `python -c "import typer, rich"`                                                   target <= 2.0x
  4x input   1 MiB file / 256 KiB file, and a 40 KiB paragraph / a 10 KiB one (one line), for `extract`
             and for `check`                                                                    target <= 4.4x
  MiB/s      one 1 MiB file per CPU second (`extract`, `check`), also as a fraction of a bare
             regex.findall(r"\\d+") over the same text                                       target >= 1 MiB/s
  --jobs     1,000 files: wall time of --jobs 1 / --jobs 2 (the load average is printed)       target >= 1.7x
  memory     peak RSS (ru_maxrss of the child, run by a small launcher) / input size on a 10 MiB file,
             extract and check; and what one release peaks at (the fixed part)                 target <= 10x

Runs that exceed --timeout seconds are stopped and reported as such (the linker in factcheck/claims is
quadratic on big files until its rewrite lands: `check` on 1 MiB and 10 MiB may time out). Output uses
--format json (what CI reads; the text report draws a rich table, a cost of its own). Before measuring,
one warm-up run writes the bytecode and the start-up cache, as any machine has after its first run;
PYTHONDONTWRITEBYTECODE is removed from the children's environment for the same reason. The children use a
start-up cache folder of their own (FACTCHECK_CACHE_DIR in the temporary folder), so another checkout or
virtual environment running factcheck at the same time cannot replace what the warm-up wrote.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KIB, MIB = 1024, 1024 * 1024
README = ROOT / "benchmarks" / "README.md"
MARK_START, MARK_END = "<!-- run-table -->", "<!-- /run-table -->"


# ------------------------------------------------------------------------------------------------ inputs

def corpus_texts(folder: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return [t.strip() + "\n" for t in texts if t.strip()]


def _fill(unit: str, size: int) -> str:
    out = (unit * (size // max(1, len(unit.encode("utf-8"))) + 2)).encode("utf-8")[:size]
    return out.decode("utf-8", "ignore")


def make_inputs(tmp: Path, texts: list[str], quick: bool) -> dict[str, Path]:
    joined = "\n\n".join(texts)
    one_line = " ".join(" ".join(t.split()) for t in texts)
    files = {
        "release": sorted(texts, key=len)[len(texts) // 2],
        "file-256k": _fill(joined, 256 * KIB), "file-1m": _fill(joined, MIB),
        "para-10k": _fill(one_line, 10 * KIB) + "\n", "para-40k": _fill(one_line, 40 * KIB) + "\n",
        "file-10m": _fill(joined, (2 if quick else 10) * MIB),
    }
    out = {}
    for name, text in files.items():
        out[name] = tmp / f"{name}.txt"
        out[name].write_text(text, encoding="utf-8")
    many = tmp / "many"
    many.mkdir()
    for i in range(200 if quick else 1000):
        (many / f"r{i:04d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    out["many"] = many
    return out


# ------------------------------------------------------------------------------------------------ children

@dataclass
class Run:
    cpu: float
    wall: float
    maxrss: int  # bytes
    code: int
    timed_out: bool = False


_CACHE_DIR: list[str] = []  # the run's own start-up cache (set in main): other checkouts cannot rewrite it


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if _CACHE_DIR:
        env["FACTCHECK_CACHE_DIR"] = _CACHE_DIR[0]
    return env


def child(cmd: list[str], timeout: float) -> Run:
    """Run ``cmd`` (output discarded); its own CPU time, wall time and peak RSS from os.wait4."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=child_env(), cwd=ROOT)
    timer = threading.Timer(timeout, lambda: p.send_signal(signal.SIGKILL))
    timer.start()
    try:
        _, status, ru = os.wait4(p.pid, 0)
    finally:
        timer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL and wall >= timeout * 0.99
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return Run(ru.ru_utime + ru.ru_stime, wall, ru.ru_maxrss * scale, p.returncode, killed)


# ru_maxrss of a process includes the memory of the process that forked it (Linux carries the old address
# space's high-water mark across exec), so a child of this script, which holds the inputs, never reports less
# than this script's own size. Peak memory is therefore measured through a small launcher started for the
# purpose: its child's ru_maxrss is that child's own peak (or the launcher's ~10 MiB, whichever is more).
_LAUNCH = ("import os, subprocess, sys\n"
           "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
           "_, status, ru = os.wait4(p.pid, 0)\n"
           "print(ru.ru_maxrss, ru.ru_utime + ru.ru_stime, os.waitstatus_to_exitcode(status))\n")


def peak(cmd: list[str], timeout: float) -> Run:
    """Run ``cmd`` through the launcher: its own peak RSS (bytes), CPU time and exit code."""
    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-c", _LAUNCH, *cmd], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True, env=child_env(), cwd=ROOT, start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)  # the launcher and the run it started
        p.communicate()
        return Run(0.0, time.perf_counter() - t, 0, -9, True)
    maxrss, cpu, code = out.split()
    scale = 1 if sys.platform == "darwin" else 1024
    return Run(float(cpu), time.perf_counter() - t, int(maxrss) * scale, int(code))


def paired(a: list[str], b: list[str], repeat: int, timeout: float, key: str = "cpu") -> dict[str, Any]:
    """Interleaved runs A B A B ...: medians of each and the median of the per-pair ratios b / a."""
    ra, rb, ratios = [], [], []
    for _ in range(repeat):
        x, y = child(a, timeout), child(b, timeout)
        ra.append(x)
        rb.append(y)
        if x.timed_out or y.timed_out:
            break
        ratios.append(getattr(y, key) / max(getattr(x, key), 1e-9))
        if getattr(y, key) > timeout / 4:  # long runs: one pair says enough
            break
    return {"a": statistics.median(getattr(r, key) for r in ra), "b": statistics.median(getattr(r, key) for r in rb),
            "a_cpu": statistics.median(r.cpu for r in ra), "b_cpu": statistics.median(r.cpu for r in rb),
            "ratio": statistics.median(ratios) if ratios else None,
            "timed_out": any(r.timed_out for r in ra + rb), "pairs": len(ratios),
            "codes": sorted({r.code for r in ra + rb})}


def factcheck(*args: str) -> list[str]:
    return [sys.executable, "-m", "factcheck", *args]


# ------------------------------------------------------------------------------------------------ measures

@dataclass
class Result:
    name: str
    value: float | None
    unit: str
    target: str
    ok: bool | None
    detail: str = ""
    raw: dict[str, Any] = field(default_factory=dict)


def _cmp(value: float | None, target: float, below: bool) -> bool | None:
    if value is None:
        return None
    return value <= target if below else value >= target


def measure_startup(inp: dict[str, Path], repeat: int, timeout: float) -> list[Result]:
    """The start-up rows: one release checked (and extracted) against `python -c "import typer, rich"`."""
    out: list[Result] = []
    base = [sys.executable, "-c", "import typer, rich"]
    r = paired(base, factcheck("check", "--format", "json", str(inp["release"])), max(5, repeat * 2), timeout)
    out.append(Result("one-release check / python -c 'import typer, rich'", r["ratio"], "x", "<= 2.0", _cmp(r["ratio"], 2.0, True),
                      f"{r['b']:.3f} s vs {r['a']:.3f} s CPU, {inp['release'].stat().st_size / KIB:.1f} KiB release", r))
    r = paired(base, factcheck("extract", "--format", "json", str(inp["release"])), max(5, repeat * 2), timeout)
    out.append(Result("one-release extract / python -c 'import typer, rich'", r["ratio"], "x", "(no target)", None,
                      f"{r['b']:.3f} s vs {r['a']:.3f} s CPU", r))
    return out


def measure(inp: dict[str, Path], repeat: int, timeout: float) -> list[Result]:
    out = measure_startup(inp, repeat, timeout)
    for cmd in ("extract", "check"):
        for small, big, label in (("file-256k", "file-1m", "one file 256 KiB -> 1 MiB"),
                                  ("para-10k", "para-40k", "one paragraph 10 KiB -> 40 KiB")):
            r = paired(factcheck(cmd, "--format", "json", str(inp[small])),
                       factcheck(cmd, "--format", "json", str(inp[big])), repeat, timeout)
            detail = f"{r['a']:.2f} s -> {r['b']:.2f} s CPU" if not r["timed_out"] else f"timed out after {timeout:.0f} s"
            out.append(Result(f"{cmd}: {label} (4x the input)", r["ratio"], "x time", "<= 4.4",
                              _cmp(r["ratio"], 4.4, True), detail, r))
    server = lsp_recheck(inp["release"])
    if server is not None:
        cli = statistics.median(child(factcheck("check", "--format", "json", str(inp["release"])), timeout).wall
                                for _ in range(5))
        out.append(Result("editor re-check (factcheck serve) / one CLI check, same release", server / cli, "x", "(start-up once)",
                          None, f"{server * 1000:.1f} ms after a change (median of 20) vs {cli * 1000:.0f} ms for "
                          "`factcheck check`, wall", {"server_s": server, "cli_s": cli}))
    text = inp["file-1m"].read_text(encoding="utf-8")
    scan = digit_scan(text)
    for cmd in ("extract", "check"):
        runs = [child(factcheck(cmd, "--format", "json", str(inp["file-1m"])), timeout) for _ in range(max(1, repeat // 2))]
        cpu = statistics.median(x.cpu for x in runs)
        rate = None if any(x.timed_out for x in runs) else (inp["file-1m"].stat().st_size / MIB) / cpu
        detail = (f"{cpu:.2f} s CPU; {scan / rate:,.0f}x slower than a bare regex.findall(r'\\d+') "
                  f"({scan:,.0f} MiB/s)" if rate else f"timed out after {timeout:.0f} s")
        out.append(Result(f"{cmd}: one 1 MiB file", rate, "MiB/s", ">= 1.0", _cmp(rate, 1.0, False), detail,
                          {"cpu": cpu, "digit_scan_mib_s": scan}))
    load = os.getloadavg()
    n = len(list(inp["many"].iterdir()))
    r = paired(factcheck("check", "--format", "json", "--jobs", "2", str(inp["many"])),
               factcheck("check", "--format", "json", "--jobs", "1", str(inp["many"])), repeat, timeout * 4, key="wall")
    load2 = os.getloadavg()
    out.append(Result(f"--jobs 2 vs --jobs 1 on {n:,} files (speed-up)", r["ratio"], "x", ">= 1.7",
                      _cmp(r["ratio"], 1.7, False),
                      f"wall: --jobs 1 {r['b']:.1f} s, --jobs 2 {r['a']:.1f} s; load average {load[0]:.1f} before, {load2[0]:.1f} after "
                      f"on {os.cpu_count()} cores (contended when above ~0.5)", {**r, "loadavg": [load, load2]}))
    overhead = r["a_cpu"] / max(r["b_cpu"], 1e-9)
    out.append(Result(f"--jobs 2 vs --jobs 1 on {n:,} files (CPU spent, all processes)", overhead, "x", "(near 1.0)",
                      None, f"--jobs 1 {r['b_cpu']:.1f} s, --jobs 2 {r['a_cpu']:.1f} s CPU: the cost of the workers themselves, which "
                      "contention does not hide", {}))
    big = inp["file-10m"]
    size = big.stat().st_size
    for cmd in ("extract", "check"):
        fixed = peak(factcheck(cmd, "--format", "json", str(inp["release"])), timeout).maxrss
        run = peak(factcheck(cmd, "--format", "json", str(big)), timeout * 2)
        ratio = None if run.timed_out else run.maxrss / size
        detail = (f"{run.maxrss / MIB:.0f} MiB peak for {size / MIB:.0f} MiB, {run.cpu:.1f} s CPU; {fixed / MIB:.0f} MiB of it "
                  f"is what one release peaks at (interpreter, imports, rules), the rest "
                  f"{(run.maxrss - fixed) / size:.1f} bytes per input byte" if not run.timed_out
                  else f"timed out after {timeout * 2:.0f} s")
        out.append(Result(f"{cmd}: peak memory / input, {size / MIB:.0f} MiB file", ratio, "x", "<= 10",
                          _cmp(ratio, 10.0, True), detail, {**asdict(run), "release_maxrss": fixed}))
    return out


def lsp_recheck(path: Path, changes: int = 20) -> float | None:
    """Median wall seconds from a didChange to its publishDiagnostics in `factcheck serve`; None without pygls."""
    p = subprocess.Popen(factcheck("serve"), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         env=child_env(), cwd=ROOT)
    assert p.stdin is not None and p.stdout is not None
    stdin, stdout = p.stdin, p.stdout

    def send(msg: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **msg}).encode()
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def read() -> dict[str, Any] | None:
        length = 0
        while True:
            line = stdout.readline()
            if not line:
                return None
            if not line.strip():
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(stdout.read(length))

    def until(pred: Any) -> dict[str, Any] | None:
        while (msg := read()) is not None and not pred(msg):
            pass
        return msg

    try:
        send({"id": 1, "method": "initialize", "params": {"processId": os.getpid(), "capabilities": {}}})
        if until(lambda m: m.get("id") == 1) is None:
            return None  # no pygls: the command exited
        send({"method": "initialized", "params": {}})
        text, uri = path.read_text(encoding="utf-8"), path.resolve().as_uri()
        send({"method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "plaintext",
                                                                             "version": 1, "text": text}}})
        until(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        times = []
        for v in range(2, changes + 2):
            t = time.perf_counter()
            send({"method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": v},
                                                                  "contentChanges": [{"text": text + " " * v}]}})
            until(lambda m: m.get("method") == "textDocument/publishDiagnostics")
            times.append(time.perf_counter() - t)
        send({"id": 2, "method": "shutdown"})
        until(lambda m: m.get("id") == 2)
        send({"method": "exit"})
        return statistics.median(times)
    except OSError:  # the server went away (no pygls: `factcheck serve` exits with a message)
        return None
    finally:
        try:
            stdin.close()
        except OSError:
            pass
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        stdout.close()


def digit_scan(text: str, repeat: int = 7) -> float:
    """MiB/s of regex.findall(r"\\d+") over ``text`` (CPU time, median)."""
    import regex

    pat = regex.compile(r"\d+")
    times = []
    for _ in range(repeat):
        t = time.process_time()
        pat.findall(text)
        times.append(time.process_time() - t)
    return (len(text.encode("utf-8")) / MIB) / max(statistics.median(times), 1e-9)


# ------------------------------------------------------------------------------------------------ output

def _fmt(r: Result) -> str:
    return "-" if r.value is None else f"{r.value:.2f}"


def table(results: list[Result]) -> str:
    rows = ["| measure | value | target | met | detail |", "| --- | ---: | --- | :---: | --- |"]
    for r in results:
        met = {True: "yes", False: "**no**", None: "-"}[r.ok]
        rows.append(f"| {r.name} | {_fmt(r)} {r.unit if r.value is not None else ''} | {r.target} | {met} | {r.detail} |")
    return "\n".join(rows)


def machine() -> dict[str, Any]:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT,
                                check=False).stdout.strip()
    except OSError:
        commit = ""
    version = subprocess.run(factcheck("--version"), capture_output=True, text=True, cwd=ROOT, check=False).stdout.split()
    return {"cores": os.cpu_count(), "affinity": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
            "python": platform.python_version(), "platform": platform.platform(),
            "factcheck": version[-1] if version else "?",
            "commit": commit, "loadavg": os.getloadavg(), "date": time.strftime("%Y-%m-%d %H:%M")}


def write_readme(results: list[Result], info: dict[str, Any], corpus: Path) -> None:
    text = README.read_text(encoding="utf-8")
    block = (f"{MARK_START}\n{table(results)}\n\n- run: `python3 benchmarks/run.py` on {info['date']}, commit "
             f"{info['commit']}, factcheck {info['factcheck']}, Python {info['python']}; inputs from "
             f"{corpus.name}/ ({info['texts']} texts)\n- machine: {info['cores']} cores shared with other "
             f"processes (load average {info['loadavg'][0]:.1f} at the start), so ratios, not seconds\n{MARK_END}")
    if MARK_START in text:
        head, _, rest = text.partition(MARK_START)
        _, _, tail = rest.partition(MARK_END)
        text = head + block + tail
    else:
        text = text.rstrip() + "\n\n## Speed and memory: `benchmarks/run.py`\n\n" + block + "\n"
    README.write_text(text, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", help="folder of *.txt release texts [default: ../shared/corpus, else samples/]")
    ap.add_argument("--json", default=str(ROOT / "benchmarks" / "results" / "run.json"), help="where to write the results")
    ap.add_argument("--readme", action="store_true", help="also write the table into benchmarks/README.md")
    ap.add_argument("--repeat", type=int, default=3, help="pairs per ratio (start-up uses twice as many, at least 5)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is stopped (x4 for 1,000 files, x2 for "
                                                                   "the 10 MiB file)")
    ap.add_argument("--quick", action="store_true", help="2 MiB instead of 10, 200 files instead of 1,000 (not for the README)")
    ap.add_argument("--only", choices=["startup"], help="only these rows (same code and baseline as a full run; the "
                                                         "results go to --json only when it is given, never to the README)")
    a = ap.parse_args()
    if a.only and "--json" not in sys.argv[1:] and not any(x.startswith("--json=") for x in sys.argv[1:]):
        a.json = None  # a partial run does not replace the full run's results file
    probe = subprocess.run(factcheck("--version"), capture_output=True, text=True, cwd=ROOT, check=False)
    if probe.returncode != 0:
        print(f"run.py: {sys.executable} cannot run factcheck (pip install -e . in this environment first)",
              file=sys.stderr)
        return 2
    corpus = Path(a.corpus) if a.corpus else ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir() or not list(corpus.glob("*.txt")):
        corpus = ROOT / "samples"
    texts = corpus_texts(corpus)
    if not texts:
        print(f"run.py: no *.txt texts in {corpus}", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    try:
        inp = make_inputs(tmp, texts, a.quick)
        _CACHE_DIR.append(str(tmp / "cache"))
        # bytecode and start-up cache; twice, because the standard library's compilations (factcheck/stdcache.py)
        # are kept from their second sighting on
        for _ in range(2):
            child(factcheck("check", "--format", "json", str(inp["release"])), a.timeout)
        info = {**machine(), "texts": len(texts), "corpus": str(corpus), "quick": a.quick, "only": a.only}
        print(f"inputs from {corpus} ({len(texts)} texts); {info['cores']} cores, load average {info['loadavg'][0]:.1f}",
              flush=True)
        results = measure_startup(inp, a.repeat, a.timeout) if a.only == "startup" else measure(inp, a.repeat, a.timeout)
        info["loadavg_end"] = os.getloadavg()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(table(results))
    print(f"load average {info['loadavg'][0]:.2f} at the start, {info['loadavg_end'][0]:.2f} at the end "
          f"({info['cores']} cores)")
    if a.json:
        Path(a.json).parent.mkdir(parents=True, exist_ok=True)
        Path(a.json).write_text(json.dumps({"machine": info, "results": [asdict(r) for r in results]}, indent=1) + "\n",
                                encoding="utf-8")
        print(f"wrote {a.json}")
    if a.readme and not a.quick and not a.only:
        write_readme(results, info, corpus)
        print(f"wrote {README}")
    return 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a killed child leaves no core file
    sys.exit(main())
