"""Writing the embedded index: `sync_term` (incremental: content and passage hashes), re-tokenizing after a
tokenizer switch, the full-text index and compaction. A mixin of `LanceCourseIndex` (`store.py`), which
owns the table, the lock and the reading side."""

from __future__ import annotations

import threading
import time
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

from langchain_core.embeddings import Embeddings

from agent.catalog.models import CourseSection
from agent.index.base import DimensionMismatchError, IngestReport, ProgressCallback, Vocabulary, iter_batches
from agent.index.filtering import flat_fields, sql_string
from agent.index.passage import lexical_tokens, passage_hash, passage_text
from agent.index.lance.versions import META_FILE, TABLE, LanceVersions
from agent.index.tokenizer import active_strategy

__all__ = ["META_FILE", "TABLE", "LanceWrites"]

EMBED_BATCH = 512  # passages per embedding call (big enough for the parallel workers to pay off)
WRITE_CHUNK = 512  # sections per write (and per progress update)


class LanceWrites(LanceVersions):
    """The writing half of `LanceCourseIndex` (see its docstring); `count` and `_column_values` are its."""

    # Set by LanceCourseIndex.__init__.
    path: Any
    embeddings: Embeddings
    _db: Any
    _table: Any
    _lock: threading.RLock
    _dimension: int
    _embeddings_id: str
    _vocab_cache: dict[tuple[str | None, int], Vocabulary]

    def _retokenize_if_needed(self) -> None:
        """The stored tokens were made by another strategy: re-tokenize (no re-embedding), rebuild FTS."""
        strategy = active_strategy()
        if self._read_meta().get("tokenizer", strategy) == strategy or self.count() == 0:
            return
        with self._lock:
            data = self._table.to_arrow()
            records = [CourseSection.model_validate_json(value) for value in data.column("record").to_pylist()]
            tokens = [" ".join(lexical_tokens(section, strategy)) for section in records]
            index = data.schema.get_field_index("tokens")
            data = data.set_column(index, data.schema.field("tokens"), _pa().array(tokens, _pa().string()))
            self._table = self._db.create_table(TABLE, data=data, mode="overwrite")
            self._rebuild_fts()
            self._write_meta()

    def sync_term(
        self, term: str, sections: Sequence[CourseSection], *, progress: ProgressCallback | None = None,
        keep: Iterable[str] = (),
    ) -> IngestReport:
        """Make `term` hold exactly `sections` (see `CourseIndex.sync_term`); stored ids in `keep` (sections
        whose catalog rows were skipped) are left as they are, not deleted.

        A section whose content hash and embedded text are unchanged is left alone; one whose record
        changed but whose passage text did not keeps its vector (rewritten, not re-embedded).
        """
        started = time.perf_counter()
        wrong = [s.id for s in sections if s.term != term]
        if wrong:
            raise ValueError(f"sync_term({term!r}) got sections of another term: {', '.join(wrong[:5])}")
        unique: dict[str, CourseSection] = {}
        for section in sections:
            unique.setdefault(section.id, section)  # a duplicated id keeps its first occurrence

        with self._lock:
            existing = self._existing(term)
            report = IngestReport(term=term)
            to_write: list[tuple[CourseSection, str, str]] = []  # (section, content hash, embed key)
            for section in unique.values():
                content = section.content_hash()
                embed_key = self._embed_key(section)
                old = existing.get(section.id)
                if old is None:
                    report.added += 1
                elif old["content_hash"] == content and old["passage_hash"] == embed_key:
                    report.unchanged += 1
                    continue
                else:
                    report.updated += 1
                to_write.append((section, content, embed_key))
            removed = departed(existing, unique, keep)
            report.deleted = len(removed)

            # Written chunk by chunk: an interrupted ingestion keeps what it finished, and the next run
            # (same hashes) embeds only the rest. Fragments are compacted once at the end.
            total = len(to_write)
            if progress is not None:
                progress(0, total)
            embedded: dict[str, list[float]] = {}  # passage text -> vector: identical passages embed once
            done = 0
            for chunk in iter_batches(to_write, WRITE_CHUNK):
                self._upsert(self._rows(chunk, existing, embedded))
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
            if removed:
                for batch in iter_batches(removed, 500):
                    self._table.delete(f"id IN ({', '.join(sql_string(doc_id) for doc_id in batch)})")
            if to_write or removed or self._fts_stale():
                self._rebuild_fts()
                self._compact()
                self._vocab_cache.clear()
            self._write_meta()
        report.seconds = round(time.perf_counter() - started, 3)
        return report

    def stored_hashes(self, term: str) -> dict[str, str]:
        """id → content hash of every section the term holds (what a sync's diff compares against)."""
        return {doc_id: row["content_hash"] for doc_id, row in self._existing(term).items()}

    def _embed_key(self, section: CourseSection) -> str:
        return f"{self._embeddings_id}/{passage_hash(section)}"

    def _existing(self, term: str) -> dict[str, dict[str, Any]]:
        if self._table is None:
            return {}
        rows = self._column_values(["id", "content_hash", "passage_hash"], f"term = {sql_string(term)}")
        return {row["id"]: row for row in rows}

    def _rows(
        self,
        chunk: list[tuple[CourseSection, str, str]],
        existing: dict[str, dict[str, Any]],
        embedded: dict[str, list[float]],
    ) -> list[dict[str, Any]]:
        """Rows to upsert: the stored vector reused when the embedded text is unchanged, else embedded."""
        reused = self._vectors([s.id for s, _, key in chunk if s.id in existing and existing[s.id]["passage_hash"] == key])
        pending = list(dict.fromkeys(
            passage_text(s) for s, _, _ in chunk if s.id not in reused and passage_text(s) not in embedded
        ))
        for batch in iter_batches(pending, EMBED_BATCH):
            embedded.update(zip(batch, self.embeddings.embed_documents(batch), strict=True))

        rows: list[dict[str, Any]] = []
        for section, content, key in chunk:
            vector = reused.get(section.id) or embedded[passage_text(section)]
            if len(vector) != self._dimension:
                raise DimensionMismatchError(
                    f"the embedding model returned {len(vector)} dimensions, expected {self._dimension}"
                )
            rows.append({
                "id": section.id,
                **flat_fields(section),
                "name": section.name,
                "vector": [float(x) for x in vector],
                "tokens": " ".join(lexical_tokens(section)),
                "content_hash": content,
                "passage_hash": key,
                "record": section.model_dump_json(),
            })
        return rows

    def _vectors(self, ids: list[str]) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        for batch in iter_batches(ids, 500):
            where = f"id IN ({', '.join(sql_string(doc_id) for doc_id in batch)})"
            for row in self._column_values(["id", "vector"], where):
                found[row["id"]] = list(row["vector"])
        return found

    def _upsert(self, rows: list[dict[str, Any]]) -> None:
        from agent.index.lance.schema import course_schema

        pa = _pa()
        data = pa.Table.from_pylist(rows, schema=course_schema(self._dimension))
        if self._table is None:
            self._table = self._db.create_table(TABLE, data=data, schema=course_schema(self._dimension))
            return
        (
            self._table.merge_insert("id")
            .when_matched_update_all()
            .when_not_matched_insert_all()
            .execute(data)
        )

    def _rebuild_fts(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # create_fts_index is "deprecated" in favour of an API without FTS options
            self._table.create_fts_index(
                "tokens", replace=True, base_tokenizer="whitespace", lower_case=False, stem=False,
                remove_stop_words=False, ascii_folding=False, with_position=False, max_token_length=None,
            )

    def _fts_stale(self) -> bool:
        """No full-text index, or rows it does not cover (an ingestion interrupted after writing)."""
        if self._table is None:
            return False
        try:
            for index in self._table.list_indices():
                if "tokens" in index.columns:
                    stats = self._table.index_stats(index.name)
                    return bool(stats is None or stats.num_unindexed_rows)
        except Exception:
            return True
        return self._table.count_rows() > 0

    def _compact(self) -> None:
        """Merge small fragments and drop old versions, so searches scan few files and disk stays small.

        Versions younger than a minute stay (a serving process may still be reading one), and so do the
        rollback points (`versions.py`) and everything after them.
        """
        try:
            self._table.optimize(cleanup_older_than=self._cleanup_horizon())
        except Exception:  # compaction is an optimisation; a failure must not fail the ingestion
            pass


def departed(existing: dict[str, Any], unique: dict[str, CourseSection], keep: Iterable[str]) -> list[str]:
    """Stored ids the catalog no longer holds, except those to keep (their rows were skipped)."""
    kept = set(keep)
    return [doc_id for doc_id in existing if doc_id not in unique and doc_id not in kept]


def _pa() -> Any:
    import pyarrow

    return pyarrow
