"""Build a LanceDB course index of a catalog once, and reuse it across test runs (and helpers).

The index lives under `<repo>/.cache/test-index/<name>-<key>`, where the key hashes the catalog file, the
code that shapes what is indexed (loader, passage text, tokens, filters, store) and the tokenizer
strategy. A new key starts from a copy of the newest older index of the same name and syncs into it, so
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

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CACHE_ROOT = PROJECT_ROOT / ".cache" / "test-index"
READY = "READY"
STALE_AFTER_SECONDS = 3 * 3600
# What decides the index contents. Pinecone-only modules are left out on purpose.
_CODE_FILES = (
    "agent/catalog",
    "agent/index/base.py", "agent/index/tokenizer.py", "agent/index/passage.py", "agent/index/filtering.py",
    "agent/index/lance_schema.py", "agent/index/lance_store.py", "agent/index/embeddings.py",
    "agent/index/ingest.py",
)


def code_version() -> str:
    digest = hashlib.sha256()
    for entry in _CODE_FILES:
        path = PROJECT_ROOT / entry
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and file.suffix in (".py", ".yaml", ".yml", ".json") and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(PROJECT_ROOT)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


def cache_key(catalog: Path) -> str:
    from agent.index.tokenizer import active_strategy

    digest = hashlib.sha256()
    digest.update(catalog.read_bytes())
    digest.update(code_version().encode())
    digest.update(active_strategy().encode())
    return digest.hexdigest()[:16]


def cached_index(name: str, catalog: Path):
    """A `LanceCourseIndex` holding `catalog` ingested (built on first use, then reused). Read-only use."""
    from agent.index.lance_store import LanceCourseIndex

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
    from agent.index.lance_store import LanceCourseIndex

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
