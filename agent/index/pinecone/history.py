"""Rollback on Pinecone, which keeps no versions: each ingestion records the catalog file it wrote (path and
SHA-256, in one record of the stats namespace), and `rollback` re-syncs the file recorded before the last one,
if it is still there unchanged. The report lists what that re-upserts and deletes per term; when the file is
gone or changed, or no earlier ingestion is recorded, it says it cannot (`RollbackError`) and writes nothing.
A mixin of `PineconeCourseIndex`.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from agent.index.ingest.rollback import RollbackError, RollbackResult
from agent.index.pinecone import records as rec

HISTORY_ID = "__ingest_history__"
KEPT_ENTRIES = 5


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class PineconeHistory:
    """`mark_rollback_point(source)` and `rollback(version=None, dry_run=False)`."""

    # Set by PineconeCourseIndex.__init__ (and its other halves).
    index: Any
    request_timeout: float
    _dimension: int
    _call: Any
    _upsert: Any  # PineconeWrites._upsert(namespace, records)

    def ingest_history(self) -> list[dict[str, Any]]:
        """Recorded ingestions, oldest first: {"source", "sha256", "at"}."""
        response = self._call("fetch ingest history", lambda: self.index.fetch(
            ids=[HISTORY_ID], namespace=rec.STATS_NAMESPACE, _request_timeout=self.request_timeout,
            _check_return_type=False))
        vector = response.vectors.get(HISTORY_ID)
        try:
            entries = json.loads((vector.metadata or {}).get("entries", "[]")) if vector is not None else []
        except ValueError:
            return []
        return [e for e in entries if isinstance(e, dict) and e.get("source")]

    def mark_rollback_point(self, source: str) -> None:
        """Record `source` as the file about to be written (Pinecone has no version to keep)."""
        path = Path(source)
        entry = {"source": str(path), "sha256": file_digest(path) if path.is_file() else "",
                 "at": datetime.now(UTC).isoformat(timespec="seconds")}
        entries = self.ingest_history()
        if entries and (entries[-1]["source"], entries[-1].get("sha256")) == (entry["source"], entry["sha256"]):
            entries = entries[:-1]  # the same file again: one entry, the newest time
        self._record([*entries, entry])

    def _record(self, entries: list[dict[str, Any]]) -> None:
        unit = [1.0] + [0.0] * (self._dimension - 1)  # never searched; Pinecone refuses all-zero vectors
        metadata = {"kind": "ingest-history", "entries": json.dumps(entries[-KEPT_ENTRIES:], ensure_ascii=False)}
        self._upsert(rec.STATS_NAMESPACE, [{"id": HISTORY_ID, "values": unit, "metadata": metadata}])

    def rollback(self, version: int | None = None, *, dry_run: bool = False) -> RollbackResult:
        if version is not None:
            raise RollbackError("Pinecone keeps no table versions: run `coursebot ingest --rollback` without VERSION "
                                "to re-sync the previously ingested file")
        previous = self._previous_file()
        from agent.catalog import CatalogError, load_catalog
        from agent.index.ingest.plan import DeletePolicy, plan_load

        try:
            loaded = load_catalog(previous)
        except (CatalogError, OSError) as error:
            raise RollbackError(f"the previous file {previous} cannot be loaded: {error}") from None
        diffs = plan_load(loaded, self.stored_hashes, DeletePolicy(prune=True))  # type: ignore[attr-defined]
        result = RollbackResult(backend="pinecone", lines=[f"이전 파일 (previous file): {previous}"])
        for diff in diffs:
            upserts = diff.added + diff.changed
            result.before[diff.term] = diff.stored
            result.after[diff.term] = len(diff.added) + len(diff.changed) + diff.unchanged + len(diff.kept)
            result.lines.append(f"  학기 {diff.term}: re-upsert {len(upserts)} · delete {len(diff.deleted)}"
                                + (f" ({', '.join(upserts[:10])}{' …' if len(upserts) > 10 else ''})" if upserts else ""))
        if not dry_run:
            from agent.index.ingest.run import ingest_loaded

            ingest_loaded(self, loaded, progress=False,  # type: ignore[arg-type]
                          keep={diff.term: diff.kept for diff in diffs})
            self.mark_rollback_point(str(previous))
            result.lines.append("복원 완료 (re-synced from the previous file)")
        return result

    def _previous_file(self) -> Path:
        entries = self.ingest_history()
        if len(entries) < 2:
            raise RollbackError("no earlier ingestion is recorded for this Pinecone index: nothing to roll back to")
        previous = entries[-2]
        path = Path(previous["source"])
        if not path.is_file():
            raise RollbackError(f"the previously ingested file {path} is gone; re-ingest a saved copy instead")
        if previous.get("sha256") and file_digest(path) != previous["sha256"]:
            raise RollbackError(f"the previously ingested file {path} has changed since it was ingested "
                                f"({previous.get('at')}); re-ingest a saved copy instead")
        return path
