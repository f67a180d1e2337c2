"""The chat page's weight: the built JavaScript and CSS in frontend/dist, raw and gzipped (level 9, what nginx
and CloudFront send). The page's budget is 60 kB of gzipped JavaScript (issue 17). Build first:
`cd frontend && npm ci && npm run build`; then `python benchmarks/bench_page_bundle.py`."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

DIST = Path(__file__).resolve().parent.parent / "frontend" / "dist"
BUDGET = 60_000  # bytes of gzipped JavaScript


def main() -> int:
    assets = sorted((DIST / "assets").glob("*.*")) if DIST.exists() else []
    if not assets:
        print(f"no build under {DIST}: run `npm run build` in frontend/", file=sys.stderr)
        return 1
    totals: dict[str, int] = {}
    for path in assets:
        raw = path.read_bytes()
        packed = len(gzip.compress(raw, 9))
        totals[path.suffix] = totals.get(path.suffix, 0) + packed
        print(f"{path.name:32} {len(raw):>8,} B  {packed:>7,} B gzipped")
    js = totals.get(".js", 0)
    print(f"JavaScript gzipped: {js / 1000:.1f} kB of the {BUDGET / 1000:.0f} kB budget")
    return 0 if js < BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
