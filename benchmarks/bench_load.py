"""Throughput: 16 concurrent clients for 30 s against `coursebot serve` (uvicorn) on loopback.

Search mode on the embedded LanceDB index of the sample catalog (a copy, so the shared one stays
untouched), the app's rate limit off (one client address on purpose), logs at INFO to /dev/null.
Target: >= 50 requests/s with 0 errors.

    .venv/bin/python benchmarks/bench_load.py [--clients 16] [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from _common import QUESTIONS, ROOT, sample_index_path, summary

TARGET_RPS = 50.0


def _tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its live descendants (from /proc; Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(store: Path, port: int, workers: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HYPERCLOVA_", "PINECONE_"))}
    env.update({"LOCAL_STORE_PATH": str(store), "VECTOR_STORE": "local", "RATE_LIMIT_PER_MINUTE": "0",
                "LOG_LEVEL": "INFO"})
    process = subprocess.Popen([str(Path(sys.executable).parent / "coursebot"), "serve", "--port", str(port),
                                "--workers", str(workers)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("coursebot serve exited")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("coursebot serve did not start")


async def load(base: str, clients: int, seconds: float, path: str) -> tuple[list[float], dict[str, int]]:
    timings: list[float] = []
    errors: dict[str, int] = {}
    stop_at = time.perf_counter() + seconds

    async def client(n: int) -> None:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            i = n
            while time.perf_counter() < stop_at:
                question = QUESTIONS[i % len(QUESTIONS)]
                i += 1
                t0 = time.perf_counter()
                try:
                    if path == "/health":
                        response = await http.get(path)
                        ok = response.status_code == 200
                    else:
                        response = await http.post(path, json={"message": question})
                        ok = response.status_code == 200 and bool(response.json()["answer"])
                    key = None if ok else f"HTTP {response.status_code}"
                except httpx.HTTPError as exc:
                    key = type(exc).__name__
                if key is None:
                    timings.append((time.perf_counter() - t0) * 1000)
                else:
                    errors[key] = errors.get(key, 0) + 1

    await asyncio.gather(*(client(n) for n in range(clients)))
    return timings, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="uvicorn worker processes")
    parser.add_argument("--path", default="/chat", help="/chat (default) or /health (the HTTP stack alone)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "index"
        shutil.copytree(sample_index_path(), store)
        port = _free_port()
        server = start_server(store, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        try:
            for question in QUESTIONS:  # warm-up
                httpx.post(f"{base}/chat", json={"message": question}, timeout=60)
            server_cpu = _tree_cpu_seconds(server.pid)
            client_cpu = time.process_time()
            started = time.perf_counter()
            timings, errors = asyncio.run(load(base, args.clients, args.seconds, args.path))
            elapsed = time.perf_counter() - started
            server_cpu = _tree_cpu_seconds(server.pid) - server_cpu
            client_cpu = time.process_time() - client_cpu
        finally:
            server.terminate()
            server.wait(timeout=30)
    rps = len(timings) / elapsed
    verdict = "OK" if rps >= TARGET_RPS and not errors else "MISSED"
    print(f"load {args.path}: {args.clients} clients x {args.seconds:.0f} s on uvicorn ({args.workers} workers): "
          f"{len(timings)} ok, "
          f"errors={sum(errors.values())} {errors or ''}")
    print(f"latency under load: {summary(timings)}")
    served = max(len(timings), 1)
    # Per request, what each side spent: the noise-robust view (this VM's speed drifts up to 2x).
    print(f"CPU per request: server {server_cpu / served * 1000:.1f} ms (all workers), "
          f"load generator {client_cpu / served * 1000:.1f} ms (same 2 cores)")
    print(f"throughput: {rps:.1f} req/s  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)  "
          f"target >= {TARGET_RPS:.0f} req/s, 0 errors: {verdict}")


if __name__ == "__main__":
    main()
