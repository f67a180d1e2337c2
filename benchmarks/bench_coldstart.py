"""Lambda cold start: a fresh process imports `main` and calls `main.lambda_handler` with an API Gateway
(REST v1) `POST /chat` event, search mode, `VECTOR_STORE=pinecone` against the loopback Pinecone server
(standalone, holding the sample catalog). Measured from process spawn to the response.

In the same run:
- the bare import time of exactly the modules that path loaded (a second fresh process imports them,
  in load order, and does nothing else): cold start should be <= 1.25 x that (no avoidable work);
- a `python -X importtime` breakdown of the same path (top packages by cumulative import time);
- peak memory (max RSS) of the Lambda path (target <= 300 MB; Lambda has 1024 MB).
Targets: cold start <= 2.0 s on this 2-core machine.

As in the Lambda image (its Dockerfile runs `compileall`), the project's modules are byte-compiled first:
this machine sets PYTHONDONTWRITEBYTECODE=1, so otherwise every run would compile them from source. The
machine's speed drifts a lot from minute to minute (a fixed pure-Python loop varies up to 2x), so the
loop's time is printed beside the figures, and the runs are interleaved with the bare-import runs. Each
child's CPU time (user + system) is printed too: when other work shares the cores, wall-clock times swing
but the CPU a start-up spends does much less.

The start-up measures `main.py` applies in a Lambda container (`agent/startup.py`: `model-builds`,
`package-inits`, `gc-pause`) can be turned off, in both the path and its floor: `--off NAME` measures
without them; `--ab NAME` (or `--ab all`) alternates runs with the measures as given and runs without NAME
(or any) as well, and prints each arm's figures and the per-pair difference (what it buys, at the same
moment).

    .venv/bin/python benchmarks/bench_coldstart.py [--runs 3] [--off NAME ...] [--ab NAME|all]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from _common import ROOT

from agent.startup import LAMBDA_MEASURES

TARGET_SECONDS = 2.0
TARGET_RATIO = 1.25
TARGET_RSS_MB = 300.0
API_KEY = "pcsk-bench-coldstart"

# Both children start alike: the measures a run turns off are dropped from `agent.startup.LAMBDA_MEASURES`
# before anything imports `main` (whose `start_lambda_container` reads it). The floor imports `main` first
# (it is first in load order), so it runs under the same measures as the path it is the floor of.
PRELUDE = r"""
import json, os, resource, sys, time
spawned = float(os.environ["BENCH_SPAWNED_AT"])
import agent.startup
off = set(filter(None, os.environ.get("BENCH_MEASURES_OFF", "").split(",")))
agent.startup.LAMBDA_MEASURES = tuple(m for m in agent.startup.LAMBDA_MEASURES if m not in off)
"""

COLD_CHILD = PRELUDE + r"""
started = time.time()
baseline = set(sys.modules)
import main
imported = time.time()
sys.path.insert(0, os.environ["BENCH_ROOT"])
from tests.support.lambda_events import LambdaContext, rest_v1_event
event = rest_v1_event("POST", "/chat", {"message": os.environ["BENCH_QUESTION"]}, headers={"Content-Type": "application/json"})
helpers = {"tests", "tests.support", "tests.support.lambda_events"}
before_call = time.time()
response = main.lambda_handler(event, LambdaContext())
done = time.time()
body = json.loads(response["body"])
needed = [m for m in sys.modules if m not in baseline and m not in helpers and not m.startswith("tests.")]
print("RESULT " + json.dumps({
    "status": response["statusCode"], "mode": body.get("mode"), "sources": len(body.get("sources", [])),
    "interpreter_s": started - spawned, "import_main_s": imported - started,
    "first_call_s": done - before_call, "total_s": done - spawned,
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "modules": needed,
    "cpu_s": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),
    "measures": list(main.MEASURES_APPLIED),
}, ensure_ascii=False), flush=True)
"""

IMPORT_CHILD = PRELUDE + r"""
import importlib
modules = json.load(open(os.environ["BENCH_MODULES"]))
started = time.time()
failed = []
for name in modules:
    if name in sys.modules:
        continue
    try:
        importlib.import_module(name)
    except Exception:
        failed.append(name)
done = time.time()
print("RESULT " + json.dumps({"import_s": done - started, "total_s": done - spawned, "failed": failed,
                              "cpu_s": sum(resource.getrusage(resource.RUSAGE_SELF)[:2])}), flush=True)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(pinecone_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HYPERCLOVA_", "PINECONE_", "AWS_"))}
    env.update({
        "PYTHONPATH": str(ROOT), "ENVIRONMENT": "production", "LOG_LEVEL": "INFO", "VECTOR_STORE": "pinecone",
        "PINECONE_API_KEY": API_KEY, "PINECONE_HOST": pinecone_url, "BENCH_ROOT": str(ROOT),
        "AWS_LAMBDA_FUNCTION_NAME": "chatbot-backend-lambda",  # set by the Lambda runtime in every container
        "ALLOWED_ORIGINS": "http://localhost:3000,http://localhost:3001,http://127.0.0.1:3000,http://3.27.26.7",
    })
    return env


def _run_child(code: str, env: dict[str, str], cwd: Path, *extra: str) -> tuple[dict, str]:
    env = {**env, "BENCH_SPAWNED_AT": repr(time.time())}
    result = subprocess.run([sys.executable, *extra, "-c", code], env=env, cwd=cwd, capture_output=True,
                            text=True, timeout=300)
    line = next((l for l in result.stdout.splitlines() if l.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"child failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return json.loads(line[len("RESULT "):]), result.stderr


def start_pinecone(port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.fakes.pinecone", "--port", str(port), "--dimension", "384",
         "--metric", "dotproduct", "--api-key", API_KEY],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    line = process.stdout.readline()  # type: ignore[union-attr]
    if "pinecone loopback on" not in line:
        process.terminate()
        raise SystemExit(f"pinecone loopback did not start: {line}")
    return process


def ingest_sample(env: dict[str, str]) -> None:
    """Fill the loopback index with the sample catalog (what `coursebot ingest` does in production)."""
    code = (
        "from agent.settings import Settings\n"
        "from agent.index.factory import open_index, ensure_sample_ingested\n"
        "s = Settings(_env_file=None)\n"
        "index = open_index(s)\n"
        "reports = ensure_sample_ingested(index, s)\n"
        "print('ingested', [(r.term, r.added) for r in reports], 'count', index.count(), flush=True)\n"
    )
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                            timeout=1200)
    if result.returncode != 0:
        raise SystemExit(f"ingest failed:\n{result.stderr[-3000:]}")
    print(f"{result.stdout.strip()} ({time.perf_counter() - started:.0f} s, not part of the figure)")


def importtime_breakdown(stderr: str, top: int = 18) -> list[tuple[str, float]]:
    """Cumulative import time per package from `-X importtime` output: a package is credited the
    cumulative time of each import of it made from another package (or from the path itself), so
    `langchain_core` shows what it costs wherever it was pulled in. Nested packages overlap."""
    rows: list[tuple[int, str, int]] = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or line.count("|") != 2:
            continue
        _, cumulative, raw_name = line[len("import time:"):].split("|")
        if cumulative.strip().isdigit():
            rows.append(((len(raw_name) - len(raw_name.lstrip()) - 1) // 2, raw_name.strip(), int(cumulative)))
    by_package: dict[str, float] = defaultdict(float)
    stack: list[str] = []
    for depth, name, cumulative in reversed(rows):  # importtime prints children before their parent
        del stack[depth:]
        root = name.split(".")[0]
        parent_root = stack[-1].split(".")[0] if stack else None
        if parent_root != root:
            by_package[root] += cumulative / 1e6
        stack.append(name)
    return sorted(by_package.items(), key=lambda item: -item[1])[:top]


def machine_speed() -> float:
    """Seconds a fixed pure-Python loop takes right now (best of 3): context for the figures."""
    code = "import time; t = time.perf_counter(); sum(range(10_000_000)); print(time.perf_counter() - t)"
    return min(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                    check=True).stdout) for _ in range(3))


@dataclass
class Arm:
    """Cold starts and their bare-import floors under one set of start-up measures."""

    off: tuple[str, ...]
    env: dict[str, str]
    modules_file: Path
    colds: list[dict] = field(default_factory=list)
    bares: list[dict] = field(default_factory=list)

    @property
    def label(self) -> str:
        return "without " + ", ".join(self.off) if self.off else "all measures"

    def cold_s(self) -> float:
        return statistics.median(c["total_s"] for c in self.colds)

    def bare_s(self) -> float:
        return statistics.median(b["total_s"] for b in self.bares)

    def ratio(self) -> float:
        """Per interleaved pair (same moment, same machine load), then the median."""
        return statistics.median(c["total_s"] / b["total_s"] for c, b in zip(self.colds, self.bares))


def prepare_arm(env: dict[str, str], cwd: Path, off: tuple[str, ...]) -> Arm:
    """One cold run to learn the module list the floor imports (and warm the OS file cache)."""
    arm_env = {**env, "BENCH_MEASURES_OFF": ",".join(off)}
    first, _ = _run_child(COLD_CHILD, arm_env, cwd)
    modules_file = cwd / f"modules-{'-'.join(off) or 'all'}.json"
    modules_file.write_text(json.dumps(first["modules"]))
    return Arm(off, arm_env, modules_file)


def run_interleaved(arms: list[Arm], runs: int, cwd: Path) -> None:
    """Cold and bare-import runs alternate, and so do the arms (ABBA...), so the machine's changing load
    hits all alike."""
    for i in range(runs):
        for arm in arms if i % 2 == 0 else arms[::-1]:
            cold, _ = _run_child(COLD_CHILD, arm.env, cwd)
            assert cold["status"] == 200 and cold["mode"] == "search" and cold["sources"] > 0, cold
            arm.colds.append(cold)
            arm.bares.append(_run_child(IMPORT_CHILD, {**arm.env, "BENCH_MODULES": str(arm.modules_file)},
                                        cwd)[0])


def report(arm: Arm, question: str, importtime_err: str) -> None:
    colds, bares = arm.colds, arm.bares
    failed = bares[-1]["failed"]
    print(f"start-up measures applied: {', '.join(colds[-1]['measures']) or 'none'}")
    print(f"modules on the path: {len(colds[-1]['modules'])} (re-import failures: {len(failed)}"
          f"{': ' + ', '.join(failed) if failed else ''})")
    for i, c in enumerate(colds, 1):
        print(f"  run {i}: interpreter {c['interpreter_s']:.2f} s + import main {c['import_main_s']:.2f} s "
              f"+ first call {c['first_call_s']:.2f} s = {c['total_s']:.2f} s (CPU {c['cpu_s']:.2f} s), "
              f"max RSS {c['max_rss_mb']:.0f} MB")
    bare_runs = ", ".join(f"{b['total_s']:.2f}" for b in bares)
    print(f"  bare import of the same modules (spawn -> imported): {bare_runs} s")
    print("importtime breakdown (cumulative, top-level packages, one -X importtime run):")
    for package, seconds in importtime_breakdown(importtime_err):
        print(f"  {seconds:6.3f} s  {package}")
    cold_s, ratio, rss = arm.cold_s(), arm.ratio(), max(c["max_rss_mb"] for c in colds)
    print(f"first question: {question}")
    print(f"cold start (spawn -> first /chat response): {cold_s:.2f} s  target <= {TARGET_SECONDS} s: "
          f"{'OK' if cold_s <= TARGET_SECONDS else 'MISSED'}")
    print(f"bare import floor: {arm.bare_s():.2f} s; cold/import (median of paired runs) = {ratio:.2f}  "
          f"target <= {TARGET_RATIO}: {'OK' if ratio <= TARGET_RATIO else 'MISSED'}")
    print(f"peak memory of the Lambda path: {rss:.0f} MB  target <= {TARGET_RSS_MB:.0f} MB: "
          f"{'OK' if rss <= TARGET_RSS_MB else 'MISSED'}   (load average {os.getloadavg()[0]:.1f})")


def report_ab(base: Arm, without: Arm, measure: str) -> None:
    """Each arm's figures, then what the measure buys: the per-pair difference of the runs made one after
    the other (same moment), as median and range."""
    print(f"A/B for {measure!r}: {len(base.colds)} interleaved pairs")
    for arm in (base, without):
        rss = max(c["max_rss_mb"] for c in arm.colds)
        runs = " / ".join(f"{c['total_s']:.2f}" for c in arm.colds)
        cpu = statistics.median(c["cpu_s"] for c in arm.colds)
        print(f"  {arm.label:>28}: cold {runs} s (median {arm.cold_s():.2f}; CPU {cpu:.2f} s), floor median "
              f"{arm.bare_s():.2f} s, cold/floor {arm.ratio():.2f}, {len(arm.colds[-1]['modules'])} modules, "
              f"max RSS {rss:.0f} MB; applied: {', '.join(arm.colds[-1]['measures']) or 'none'}")
    for what, key, rows in (("cold start", "total_s", "colds"), ("floor", "total_s", "bares"),
                            ("cold start CPU", "cpu_s", "colds"), ("floor CPU", "cpu_s", "bares")):
        gains = [b[key] - a[key] for a, b in zip(getattr(base, rows), getattr(without, rows))]
        print(f"  {measure} buys, {what}: median {statistics.median(gains):+.3f} s per pair "
              f"(range {min(gains):+.3f} .. {max(gains):+.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="cold starts to measure (the median is reported)")
    parser.add_argument("--question", default="운체 누가 가르쳐?",
                        help="the first question (default: a named course; e.g. 'AI 입문 같은 수업 있나요' embeds it)")
    parser.add_argument("--off", action="append", default=[], choices=LAMBDA_MEASURES,
                        help="a start-up measure to turn off (repeatable)")
    parser.add_argument("--ab", choices=(*LAMBDA_MEASURES, "all"),
                        help="also run without this measure (or all of them), interleaved, and print what it buys")
    args = parser.parse_args()

    subprocess.run([sys.executable, "-m", "compileall", "-q", "agent", "api", "tools", "main.py"], cwd=ROOT,
                   check=True)
    speed_before = machine_speed()
    port = _free_port()
    server = start_pinecone(port)
    env = {**_env(f"http://127.0.0.1:{port}"), "BENCH_QUESTION": args.question}
    try:
        ingest_sample(env)
        with tempfile.TemporaryDirectory() as tmp:
            cwd = Path(tmp)  # no project .env, nothing cached in the working directory
            off = tuple(dict.fromkeys(args.off))
            arms = [prepare_arm(env, cwd, off)]
            if args.ab:
                dropped = LAMBDA_MEASURES if args.ab == "all" else (args.ab,)
                arms.append(prepare_arm(env, cwd, tuple(dict.fromkeys((*off, *dropped)))))
            run_interleaved(arms, args.runs, cwd)
            _, importtime_err = _run_child(COLD_CHILD, arms[0].env, cwd, "-X", "importtime")
    finally:
        server.terminate()
        server.wait(timeout=10)

    report(arms[0], args.question, importtime_err)
    if args.ab:
        report_ab(arms[0], arms[1], args.ab)
    print(f"machine speed: a 10M-step Python loop took {speed_before:.2f} s before the runs, "
          f"{machine_speed():.2f} s after (lower is a faster moment)")


if __name__ == "__main__":
    main()
