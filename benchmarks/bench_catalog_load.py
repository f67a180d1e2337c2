"""Catalog loading speed: each real catalog and the sample catalog, parsed end to end.

    .venv/bin/python benchmarks/bench_catalog_load.py [--repeat 5]

Prints, per file, the rows loaded and the best and median wall time over `--repeat` runs in one
process (the first run includes imports of the catalog modules only; no heavy libraries are loaded).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent.catalog import load_catalog  # noqa: E402
from agent.settings import SAMPLE_CATALOG  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = [SHARED / "ssu-2026-1.csv", SHARED / "sogang-2025-1.csv", SHARED / "sogang-2023-2025.csv", SAMPLE_CATALOG]
    print(f"{'file':28} {'rows':>6} {'best s':>8} {'median s':>9} {'rows/s':>9}")
    for path in files:
        if not path.exists():
            print(f"{path.name:28} missing")
            continue
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = load_catalog(path)
            times.append(time.perf_counter() - start)
        best = min(times)
        print(f"{path.name:28} {result.loaded:>6,} {best:>8.3f} {statistics.median(times):>9.3f} "
              f"{result.loaded / best:>9,.0f}")


if __name__ == "__main__":
    main()
