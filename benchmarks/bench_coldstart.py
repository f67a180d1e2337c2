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
loop's time is printed beside the figures, and the runs are interleaved with the bare-import runs.

    .venv/bin/python benchmarks/bench_coldstart.py [--runs 3]
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
from pathlib import Path

from _common import ROOT

TARGET_SECONDS = 2.0
TARGET_RATIO = 1.25
TARGET_RSS_MB = 300.0
API_KEY = "pcsk-bench-coldstart"

COLD_CHILD = r"""
import json, os, resource, sys, time
spawned = float(os.environ["BENCH_SPAWNED_AT"])
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
}, ensure_ascii=False), flush=True)
"""

IMPORT_CHILD = r"""
import importlib, json, os, sys, time
modules = json.load(open(os.environ["BENCH_MODULES"]))
spawned = float(os.environ["BENCH_SPAWNED_AT"])
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
print("RESULT " + json.dumps({"import_s": done - started, "total_s": done - spawned, "failed": failed}), flush=True)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="cold starts to measure (the median is reported)")
    parser.add_argument("--question", default="운체 누가 가르쳐?",
                        help="the first question (default: a named course; e.g. 'AI 입문 같은 수업 있나요' embeds it)")
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
            # One cold run to learn the module list (and warm the OS file cache), then cold and bare-import
            # runs interleaved, so the machine's changing load hits both alike.
            first, _ = _run_child(COLD_CHILD, env, cwd)
            modules_file = cwd / "modules.json"
            modules_file.write_text(json.dumps(first["modules"]))
            colds, bares = [], []
            for _ in range(args.runs):
                cold, _ = _run_child(COLD_CHILD, env, cwd)
                assert cold["status"] == 200 and cold["mode"] == "search" and cold["sources"] > 0, cold
                colds.append(cold)
                bares.append(_run_child(IMPORT_CHILD, {**env, "BENCH_MODULES": str(modules_file)}, cwd)[0])
            _, importtime_err = _run_child(COLD_CHILD, env, cwd, "-X", "importtime")
    finally:
        server.terminate()
        server.wait(timeout=10)

    def med(values: list[float]) -> float:
        return statistics.median(values)

    cold_s = med([c["total_s"] for c in colds])
    bare_s = med([b["total_s"] for b in bares])
    rss = max(c["max_rss_mb"] for c in colds)
    # The ratio is taken per interleaved pair (same moment, same machine load), then the median.
    ratio = med([c["total_s"] / b["total_s"] for c, b in zip(colds, bares)])
    print(f"modules on the path: {len(colds[-1]['modules'])} (re-import failures: {len(bares[-1]['failed'])})")
    for i, c in enumerate(colds, 1):
        print(f"  run {i}: interpreter {c['interpreter_s']:.2f} s + import main {c['import_main_s']:.2f} s "
              f"+ first call {c['first_call_s']:.2f} s = {c['total_s']:.2f} s, max RSS {c['max_rss_mb']:.0f} MB")
    bare_runs = ", ".join(f"{b['total_s']:.2f}" for b in bares)
    print(f"  bare import of the same modules (spawn -> imported): {bare_runs} s")
    print("importtime breakdown (cumulative, top-level packages, one -X importtime run):")
    for package, seconds in importtime_breakdown(importtime_err):
        print(f"  {seconds:6.3f} s  {package}")
    print(f"first question: {args.question}")
    print(f"cold start (spawn -> first /chat response): {cold_s:.2f} s  target <= {TARGET_SECONDS} s: "
          f"{'OK' if cold_s <= TARGET_SECONDS else 'MISSED'}")
    print(f"bare import floor: {bare_s:.2f} s; cold/import (median of paired runs) = {ratio:.2f}  "
          f"target <= {TARGET_RATIO}: "
          f"{'OK' if ratio <= TARGET_RATIO else 'MISSED'}")
    print(f"peak memory of the Lambda path: {rss:.0f} MB  target <= {TARGET_RSS_MB:.0f} MB: "
          f"{'OK' if rss <= TARGET_RSS_MB else 'MISSED'}   (load average {os.getloadavg()[0]:.1f})")
    print(f"machine speed: a 10M-step Python loop took {speed_before:.2f} s before the runs, "
          f"{machine_speed():.2f} s after (lower is a faster moment)")


if __name__ == "__main__":
    main()
