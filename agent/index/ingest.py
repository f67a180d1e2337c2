"""Catalog file -> course index, one term (namespace) at a time, idempotent and incremental.

    from agent.index.ingest import ingest_catalog
    reports = ingest_catalog(index, "../shared/data/ssu-2026-1.csv")   # [IngestReport(term="2026-1", ...)]

Each term found in the file is synced with `CourseIndex.sync_term`: afterwards the term holds exactly the
file's sections for it (new and changed ones embedded, unchanged ones untouched, departed ones deleted).
Ingesting the same file twice changes nothing and embeds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agent.index.base import CourseIndex, IngestReport, ProgressCallback

if TYPE_CHECKING:
    from agent.catalog.result import LoadResult

# Below this many sections to write, a progress bar would only flicker.
PROGRESS_MIN_SECTIONS = 100


def ingest_loaded(
    index: CourseIndex,
    result: LoadResult,
    *,
    progress: bool | ProgressCallback = True,
    console: Any = None,
) -> list[IngestReport]:
    """Sync every term of an already loaded catalog. `progress`: True = a rich progress bar on stderr
    for long runs, False = silent, or a `progress(done, total)` callback (with the term unknown)."""
    reports: list[IngestReport] = []
    for term, sections in result.by_term().items():
        if callable(progress):
            reports.append(index.sync_term(term, sections, progress=progress))
        elif progress and len(sections) >= PROGRESS_MIN_SECTIONS:
            reports.append(_sync_with_bar(index, term, sections, console))
        else:
            reports.append(index.sync_term(term, sections))
    return reports


def ingest_catalog(
    index: CourseIndex,
    path: str | Path,
    *,
    mapping: str | Path | None = None,
    term: str | None = None,
    progress: bool | ProgressCallback = True,
    console: Any = None,
) -> list[IngestReport]:
    """Load `path` (built-in profile or `mapping`; only `term` if given) and sync it into `index`.

    Raises `agent.catalog.CatalogError` when the file as a whole cannot be loaded. Rows the loader
    skipped are not indexed; see `load_catalog(...).problems` for why.
    """
    from agent.catalog import load_catalog

    result = load_catalog(path, mapping=mapping, term=term)
    return ingest_loaded(index, result, progress=progress, console=console)


def _sync_with_bar(index: CourseIndex, term: str, sections: list, console: Any) -> IngestReport:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = console or Console(stderr=True)
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=False,
    ) as bar:
        task = bar.add_task(f"{term} 임베딩·저장", total=None)
        update: Callable[[int, int], None] = lambda done, total: bar.update(task, completed=done, total=total)
        return index.sync_term(term, sections, progress=update)
