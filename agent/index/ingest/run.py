"""Catalog file -> course index, one term (namespace) at a time, idempotent and incremental.

    from agent.index.ingest import ingest_catalog
    reports = ingest_catalog(index, "../shared/data/ssu-2026-1.csv")   # [IngestReport(term="2026-1", ...)]

Each term found in the file is synced with `CourseIndex.sync_term`: afterwards the term holds exactly the
file's sections for it (new and changed ones embedded, unchanged ones untouched, departed ones deleted),
except sections whose rows were skipped: those are kept (`plan.py`). Ingesting the same file twice changes
nothing and embeds nothing. `guarded_ingest` (what `coursebot ingest` runs) plans first and refuses a sync
that would delete too much.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agent.index.base import CourseIndex, IngestReport, ProgressCallback
from agent.index.ingest.plan import DeletePolicy, TermDiff, plan_load

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
    keep: Mapping[str, Collection[str]] | None = None,
) -> list[IngestReport]:
    """Sync every term of an already loaded catalog. `progress`: True = a rich progress bar on stderr
    for long runs, False = silent, or a `progress(done, total)` callback (with the term unknown).
    `keep`: term → stored ids not to delete (default: those the skipped rows name, `plan.py`)."""
    if keep is None:  # only skipped rows can make a stored section worth keeping
        keep = ({diff.term: diff.kept for diff in plan_load(result, _stored_of(index), DeletePolicy(prune=True))}
                if result.errors else {})
    reports: list[IngestReport] = []
    for term, sections in result.by_term().items():
        kept = keep.get(term) or ()
        options: dict[str, Any] = {"keep": kept} if kept else {}  # a backend without `keep` still syncs
        if callable(progress):
            reports.append(index.sync_term(term, sections, progress=progress, **options))
        elif progress and len(sections) >= PROGRESS_MIN_SECTIONS:
            reports.append(_sync_with_bar(index, term, sections, console, options))
        else:
            reports.append(index.sync_term(term, sections, **options))
    return reports


@dataclass
class IngestOutcome:
    """What `guarded_ingest` did: the diff per term, the reports when it wrote, and whether it refused."""

    diffs: list[TermDiff]
    reports: list[IngestReport] = field(default_factory=list)
    rollback_point: int | None = None

    @property
    def refused(self) -> list[TermDiff]:
        return [diff for diff in self.diffs if diff.refused]


def guarded_ingest(
    index: CourseIndex, result: LoadResult, *, policy: DeletePolicy, source: str, dry_run: bool = False,
    progress: bool | ProgressCallback = True, console: Any = None,
) -> IngestOutcome:
    """Plan every term, then write only if no term is refused (all or nothing) and it is not a dry run.
    Before writing, the backend records a rollback point (LanceDB: the current table version; Pinecone: the
    file, so the next ingestion can name the previous one)."""
    outcome = IngestOutcome(diffs=plan_load(result, _stored_of(index), policy))
    if dry_run or outcome.refused:
        return outcome
    mark = getattr(index, "mark_rollback_point", None)
    if mark is not None:
        outcome.rollback_point = mark(source)
    keep = {diff.term: diff.kept for diff in outcome.diffs}
    outcome.reports = ingest_loaded(index, result, progress=progress, console=console, keep=keep)
    return outcome


def _stored_of(index: CourseIndex) -> Callable[[str], dict[str, str]]:
    """id → content hash per term; a backend without `stored_hashes` reports nothing stored (no guard)."""
    stored = getattr(index, "stored_hashes", None)
    return stored if stored is not None else (lambda term: {})


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


def _sync_with_bar(index: CourseIndex, term: str, sections: list, console: Any, options: dict[str, Any]) -> IngestReport:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = console or Console(stderr=True)
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=False,
    ) as bar:
        task = bar.add_task(f"{term} 임베딩·저장", total=None)
        update: Callable[[int, int], None] = lambda done, total: bar.update(task, completed=done, total=total)
        return index.sync_term(term, sections, progress=update, **options)
