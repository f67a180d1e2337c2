"""Rollback points of the embedded index: every ingestion first records the table version it starts from, old
versions are cleaned up only below the oldest recorded point, and `rollback` restores one (a new version
equal to it, so a rollback can itself be rolled back). A mixin of `LanceCourseIndex`."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from agent.index.ingest.rollback import RollbackError, RollbackResult
from agent.index.tokenizer import active_strategy

KEPT_POINTS = 3  # rollback points remembered (and their versions kept on disk)
CLEANUP_GRACE = timedelta(minutes=1)
POINT_SLACK = timedelta(minutes=30)  # versions this much older than a rollback point are kept too  # a serving process may still be reading a version this young
TABLE = "sections"
META_FILE = "coursebot-index.json"


class LanceVersions:
    """`mark_rollback_point`, `rollback_points`, `rollback`, the cleanup horizon `_compact` respects, and the
    small meta file beside the table (tokenizer, embedding model, rollback points)."""

    # Set by LanceCourseIndex.__init__.
    path: Any
    _db: Any
    _table: Any
    _lock: threading.RLock
    _vocab_cache: dict
    _dimension: int
    _embeddings_id: str

    def _read_meta(self) -> dict[str, Any]:
        try:
            return json.loads((self.path / META_FILE).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}

    def _write_meta(self, extra: dict[str, Any] | None = None) -> None:
        """Rewrite the meta file atomically: what built the index now, plus `extra`, keeping other keys."""
        meta = self._read_meta()
        meta.update({"tokenizer": active_strategy(), "embeddings": self._embeddings_id, "dimension": self._dimension})
        meta.update(extra or {})
        tmp = self.path / (META_FILE + ".tmp")
        tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(self.path / META_FILE)

    def mark_rollback_point(self, source: str) -> int | None:
        """Record the current table version (None: no table yet) as the state before writing `source`."""
        version = None if self._table is None else int(self._table.version)
        if version is None:
            return None
        points = [p for p in self.rollback_points() if p["version"] != version]
        points.append({"version": version, "before": source, "at": datetime.now(UTC).isoformat(timespec="seconds")})
        self._write_meta({"rollback_points": points[-KEPT_POINTS:]})
        return version

    def rollback_points(self) -> list[dict[str, Any]]:
        """Recorded points, oldest first: {"version", "before" (what was written next), "at"}."""
        points = self._read_meta().get("rollback_points") or []
        return [p for p in points if isinstance(p, dict) and isinstance(p.get("version"), int)]

    def rollback(self, version: int | None = None, *, dry_run: bool = False) -> RollbackResult:
        """Restore `version` (default: the newest rollback point older than the current version)."""
        if self._table is None:
            raise RollbackError("the index holds no table yet: there is nothing to roll back")
        current = int(self._table.version)
        held = {int(v["version"]) for v in self._table.list_versions()}
        target = version if version is not None else self._default_target(current)
        if target == current:
            raise RollbackError(f"version {target} is the current version")
        if target not in held:
            shown = ", ".join(str(v) for v in sorted(held)[-10:])
            raise RollbackError(f"version {target} is not kept (kept versions: {shown})")
        result = RollbackResult(backend="lance", current=current, target=target,
                                before=self._term_counts(None), after=self._term_counts(target))
        if dry_run:
            return result
        with self._lock:
            self.mark_rollback_point(f"rollback to version {target}")
            self._table.restore(target)
            self._vocab_cache.clear()
            result.restored = int(self._table.version)
        return result

    def _default_target(self, current: int) -> int:
        older = [p["version"] for p in self.rollback_points() if p["version"] < current]
        if not older:
            raise RollbackError("no rollback point recorded: no ingestion has written to this index yet")
        return max(older)

    def _term_counts(self, version: int | None) -> dict[str, int]:
        table = self._table
        if version is not None:
            table = self._db.open_table(TABLE)
            table.checkout(version)
        terms = table.search().select(["term"]).limit(max(table.count_rows(), 1)).to_arrow().column("term")
        counts: dict[str, int] = {}
        for term in terms.to_pylist():
            counts[term] = counts.get(term, 0) + 1
        return counts

    def _cleanup_horizon(self) -> timedelta:
        """How old a version must be to be cleaned up: older than the oldest rollback point (kept), and at
        least a minute (a serving process may still read the version before)."""
        minimum = CLEANUP_GRACE
        points = {p["version"] for p in self.rollback_points()}
        if not points or self._table is None:
            return minimum
        stamps = {int(v["version"]): v["timestamp"] for v in self._table.list_versions()}
        kept = [stamps[v] for v in points if v in stamps]
        if not kept:
            return minimum
        # The age of the oldest point when cleanup runs is this span (to the newest version before the write
        # that triggers it) plus however long that write took: the slack covers it, with room to spare.
        span = max(stamps.values()) - min(kept)
        return span + max(minimum, POINT_SLACK)
