"""Lexical tokenizer choice, measured: character bigrams vs kiwipiepy morphemes on the Soongsil golden set.

    .venv/bin/python benchmarks/bench_tokenizer.py                 # both strategies, prints a table
    .venv/bin/python benchmarks/bench_tokenizer.py --index PATH    # use an existing SSU LanceDB index

For each strategy, a fresh subprocess (so start-up cost and memory are its own) copies an index of the real
`ssu-2026-1.csv` (the test fixture's cache under .cache/test-index, or --index), opens it with
`LEXICAL_TOKENIZER=<strategy>` (the store re-tokenizes without re-embedding), then runs every golden
question of `evals/golden/ssu-2026-1.jsonl` through `CourseRetriever`, twice:
- `retriever`: the full pipeline (parser + code/name tiers + hybrid search), what users get;
- `lexical`: BM25 only (alpha=0) on the parsed free text, where the tokenizer alone decides;
- `raw`: the index's own hybrid search on the raw question (no parser, no tiers), as a baseline.
Printed: recall@5 and MRR (as `evals.metrics` defines them; empty-gold cases excluded), per tag for the
retriever, query latency p50/p95, tokenizer cold start (import + first tokenize) and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "evals" / "golden" / "ssu-2026-1.jsonl"
CATALOG = ROOT.parent / "shared" / "data" / "ssu-2026-1.csv"


def _find_index() -> Path:
    cache = ROOT / ".cache" / "test-index"
    ready = sorted(
        (p for p in cache.glob("ssu-2026-1-*") if (p / "READY").exists()), key=lambda p: (p / "READY").stat().st_mtime
    )
    if ready:
        return ready[-1]
    sys.path.insert(0, str(ROOT))
    from tests.support.index_cache import cached_index  # builds it once (minutes: embeds 3,048 sections)

    return Path(cached_index("ssu-2026-1", CATALOG).path)


def _child(strategy: str, index_path: str) -> dict:
    """Runs in the subprocess: everything measured for one strategy."""
    import resource

    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    from agent.index.tokenizer import tokenize

    tokenize("운체 이은지 교수님 분반 몇시에 해여?", strategy)
    cold_start = time.perf_counter() - started

    from agent.index.lance import LanceCourseIndex
    from agent.retrieval import CourseRetriever
    from evals.metrics import recall_at_k, reciprocal_rank

    opened = time.perf_counter()
    index = LanceCourseIndex(index_path)  # re-tokenizes when the stored tokens came from another strategy
    open_seconds = time.perf_counter() - opened
    lexical_index = LanceCourseIndex(index_path, index.embeddings, alpha=0.0)
    retriever = CourseRetriever(index)
    cases = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]

    per_tag: dict[str, list[tuple[float, float]]] = defaultdict(list)
    overall: list[tuple[float, float]] = []
    lexical: list[tuple[float, float]] = []
    raw: list[tuple[float, float]] = []
    latencies: list[float] = []
    for case in cases:
        t = time.perf_counter()
        result = retriever.retrieve(case["question"], k=10)
        latencies.append((time.perf_counter() - t) * 1000)
        if not case["gold_courses"]:
            continue
        codes = [hit.section.code for hit in result.hits]
        score = (recall_at_k(codes, case["gold_courses"], 5), reciprocal_rank(codes, case["gold_courses"]))
        overall.append(score)
        for tag in case["tags"]:
            per_tag[tag].append(score)
        parsed = result.parsed
        lex_hits = lexical_index.search(parsed.query or case["question"], parsed.filters, k=10)
        lex_codes = [hit.section.code for hit in lex_hits]
        lexical.append((recall_at_k(lex_codes, case["gold_courses"], 5), reciprocal_rank(lex_codes, case["gold_courses"])))
        raw_codes = [hit.section.code for hit in index.search(case["question"], None, k=10)]
        raw.append((recall_at_k(raw_codes, case["gold_courses"], 5), reciprocal_rank(raw_codes, case["gold_courses"])))

    def summary(scores: list[tuple[float, float]]) -> dict:
        return {
            "n": len(scores),
            "recall@5": round(statistics.fmean(s[0] for s in scores), 3),
            "mrr": round(statistics.fmean(s[1] for s in scores), 3),
        }

    parse_ms: list[float] = []
    for case in cases:  # the parser alone (vocabulary cached), as it runs per request
        t = time.perf_counter()
        retriever.parse(case["question"])
        parse_ms.append((time.perf_counter() - t) * 1000)
    parse_ms.sort()
    latencies.sort()
    return {
        "parse_p50_ms": round(parse_ms[len(parse_ms) // 2], 2),
        "parse_p95_ms": round(parse_ms[int(len(parse_ms) * 0.95) - 1], 2),
        "strategy": strategy,
        "cold_start_s": round(cold_start, 3),
        "open_index_s": round(open_seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "p50_ms": round(latencies[len(latencies) // 2], 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "retriever": summary(overall),
        "lexical_only": summary(lexical),
        "raw_hybrid": summary(raw),
        "per_tag": {tag: summary(scores) for tag, scores in sorted(per_tag.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="an SSU 2026-1 LanceDB index directory (copied, never modified)")
    parser.add_argument("--strategies", default="bigram,kiwi")
    parser.add_argument("--child", nargs=2, metavar=("STRATEGY", "INDEX"), help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print raw JSON results")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(*args.child), ensure_ascii=False))
        return

    source = args.index or _find_index()
    results = []
    for strategy in args.strategies.split(","):
        with tempfile.TemporaryDirectory(prefix=f"bench-tok-{strategy}-") as tmp:
            copy = Path(tmp) / "index"
            shutil.copytree(source, copy)
            env = {**os.environ, "LEXICAL_TOKENIZER": strategy}
            out = subprocess.run(
                [sys.executable, __file__, "--child", strategy, str(copy)],
                env=env, capture_output=True, text=True, check=False, cwd=ROOT,
            )
            if out.returncode != 0:
                raise SystemExit(f"{strategy}: benchmark failed:\n{out.stderr[-3000:]}")
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return

    print(f"golden: {GOLDEN.relative_to(ROOT)}  index: {source}")
    print(f"{'strategy':<8} {'R@5':>6} {'MRR':>6} {'lexR@5':>7} {'lexMRR':>7} {'p50ms':>6} {'p95ms':>6} "
          f"{'rawR@5':>7} {'rawMRR':>7} {'cold s':>7} {'open s':>7} {'RSS MB':>7}")
    for r in results:
        print(f"{r['strategy']:<8} {r['retriever']['recall@5']:>6} {r['retriever']['mrr']:>6} "
              f"{r['lexical_only']['recall@5']:>7} {r['lexical_only']['mrr']:>7} {r['p50_ms']:>6} {r['p95_ms']:>6} "
              f"{r['raw_hybrid']['recall@5']:>7} {r['raw_hybrid']['mrr']:>7} "
              f"{r['cold_start_s']:>7} {r['open_index_s']:>7} {r['peak_rss_mb']:>7}")
    print("parser alone: " + ", ".join(f"{r['strategy']} p50 {r['parse_p50_ms']} ms / p95 {r['parse_p95_ms']} ms" for r in results))
    print("\nper tag (retriever R@5 / MRR):")
    tags = sorted({tag for r in results for tag in r["per_tag"]})
    print(f"{'tag':<18} {'n':>3} " + " ".join(f"{r['strategy']:>14}" for r in results))
    for tag in tags:
        cells = [r["per_tag"].get(tag, {"recall@5": "-", "mrr": "-"}) for r in results]
        n = results[0]["per_tag"].get(tag, {}).get("n", 0)
        print(f"{tag:<18} {n:>3} " + " ".join(f"{c['recall@5']:>6} / {c['mrr']:<5}" for c in cells))


if __name__ == "__main__":
    main()
