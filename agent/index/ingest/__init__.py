"""Catalog file -> course index, safely: `coursebot ingest` and the functions it is built from.

- `run.py`: `ingest_catalog` / `ingest_loaded` (sync every term of a loaded catalog)
- `plan.py`: the diff a sync would make (added / changed / unchanged / deleted / kept), and the guard that
  refuses a sync that would delete too much or delete when rows were skipped
- `rollback.py`: what a rollback restores (`RollbackResult`) or why it cannot (`RollbackError`); the backends
  keep the rollback points (`lance/versions.py`, `pinecone/history.py`)
- `cli.py`: the `coursebot ingest` command (exit codes 0 clean, 3 done with skipped rows, 2 refused)

    from agent.index.ingest import ingest_catalog
    reports = ingest_catalog(index, "../shared/data/ssu-2026-1.csv")

Names are resolved on first use, so importing this package (as `coursebot --help` does) loads nothing else.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ingest_catalog", "ingest_loaded"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from agent.index.ingest import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
