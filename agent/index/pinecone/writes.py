"""Writing the Pinecone index: `sync_term` (incremental: content and passage hashes, see `sync.py`) and the
size-aware upserts and deletes. A mixin of `PineconeCourseIndex` (`store.py`), which owns the connection,
the lock and the stats store.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from langchain_core.embeddings import Embeddings

from agent.catalog.models import CourseSection
from agent.index.base import DimensionMismatchError, IngestReport, ProgressCallback, iter_batches
from agent.index.pinecone import records as rec
from agent.index.pinecone.calls import PineconeCaller
from agent.index.pinecone.sparse import Bm25Stats
from agent.index.pinecone.stats import StatsStore
from agent.index.pinecone.sync import SyncPlan, plan_sync, section_record, unique_sections
from agent.index.vocabulary import vocabulary_of

log = logging.getLogger(__name__)

MAX_UPSERT_BYTES = 1_500_000  # under Pinecone's 2 MB per request, with room for the JSON envelope

RecordOf = Callable[[CourseSection, list[float]], dict[str, Any]]


class PineconeWrites:
    """The writing half of `PineconeCourseIndex` (see its docstring); `store` (the vector store) is its."""

    # Set by PineconeCourseIndex.__init__.
    embeddings: Embeddings
    index: Any
    host: str
    store: Any
    request_timeout: float
    upsert_batch_size: int
    _call: PineconeCaller
    _lock: threading.RLock
    _dimension: int
    _embeddings_id: str
    _stats: StatsStore
    _terms_cache: tuple[float, dict[str, int]] | None

    def sync_term(
        self, term: str, sections: Sequence[CourseSection], *, progress: ProgressCallback | None = None,
        keep: Iterable[str] = (),
    ) -> IngestReport:
        """Make namespace `term` hold exactly `sections` (see `CourseIndex.sync_term`); stored ids in `keep`
        (sections whose catalog rows were skipped) are left as they are, not deleted.

        Existing records are listed and fetched (ids, hashes, vectors), then `sync.plan_sync`
        decides: unchanged sections are left alone, a changed record with the same passage keeps its
        vector, only new or re-worded passages are embedded (identical passages once), and stale sparse
        vectors are rewritten without embedding.
        """
        from agent.index.passage import lexical_tokens
        from agent.index.tokenizer import active_strategy

        started = time.perf_counter()
        unique = unique_sections(term, sections)
        strategy = active_strategy()
        tokens = {doc_id: lexical_tokens(section, strategy) for doc_id, section in unique.items()}
        stats = Bm25Stats.from_documents(tokens.values(), strategy=strategy)
        with self._lock:
            existing = self._existing(term)
            plan = plan_sync(term, unique, existing, stats=stats, embeddings_id=self._embeddings_id,
                             dimension=self._dimension, keep=set(keep))

            def record(section: CourseSection, values: list[float]) -> dict[str, Any]:
                return section_record(section, values, tokens=tokens[section.id], stats=stats,
                                      embeddings_id=self._embeddings_id)

            self._write_plan(term, plan, existing, record, progress)
            if plan.removed:
                self._delete(term, plan.removed)
            self._stats.write(term, stats, vocabulary_of(unique.values()))
            self._terms_cache = None
        report = plan.report
        report.seconds = round(time.perf_counter() - started, 3)
        log.info("pinecone sync %s at %s: %s", term, self.host, report.model_dump())
        return report

    def stored_hashes(self, term: str) -> dict[str, str]:
        """id → content hash of every section the namespace holds (what a sync's diff compares against)."""
        return {doc_id: str(item["metadata"].get("content_hash") or "")
                for doc_id, item in self._existing(term).items()}

    def _write_plan(self, term: str, plan: SyncPlan, existing: dict[str, dict[str, Any]], record: RecordOf,
                    progress: ProgressCallback | None) -> None:
        """Upsert the plan's sections: first those that keep their stored vectors, then the ones to embed."""
        from agent.index.passage import passage_text

        total = len(plan.to_embed) + len(plan.reuse)
        done = 0
        if progress is not None:
            progress(0, total)
        for batch in iter_batches(plan.reuse, self.upsert_batch_size):
            self._upsert(term, [record(s, existing[s.id]["values"]) for s in batch])
            done += len(batch)
            if progress is not None:
                progress(done, total)
        embedded: dict[str, list[float]] = {}  # identical passages (same course, teacher, hours) embed once
        for batch in iter_batches(plan.to_embed, self.upsert_batch_size):
            texts = list(dict.fromkeys(t for t in map(passage_text, batch) if t not in embedded))
            for text, vector in zip(texts, self.embeddings.embed_documents(texts), strict=True):
                if len(vector) != self._dimension:
                    raise DimensionMismatchError(
                        f"the embedding model returned {len(vector)} dimensions, the index has {self._dimension}")
                embedded[text] = vector
            self._upsert(term, [record(s, embedded[passage_text(s)]) for s in batch])
            done += len(batch)
            if progress is not None:
                progress(done, total)

    def _existing(self, term: str) -> dict[str, dict[str, Any]]:
        """Every record of the namespace: id → {"metadata", "values"} (list, then fetch 100 at a time)."""
        ids: list[str] = []
        token: str | None = None
        while True:
            page = self._call(f"list {term!r}", lambda token=token: self.index.list_paginated(
                namespace=term, limit=100, pagination_token=token, _request_timeout=self.request_timeout))
            ids.extend(v.id for v in page.vectors or [])
            token = page.pagination.next if page.pagination else None
            if not token:
                break
        found: dict[str, dict[str, Any]] = {}
        for batch in iter_batches(ids, 100):
            response = self._call(f"fetch from {term!r}", lambda batch=batch: self.index.fetch(
                ids=batch, namespace=term, _request_timeout=self.request_timeout, _check_return_type=False))
            for doc_id, vector in response.vectors.items():
                found[doc_id] = {"metadata": dict(vector.metadata or {}), "values": list(vector.values or [])}
        return found

    def _upsert(self, namespace: str, records: list[dict[str, Any]]) -> None:
        """Upsert in requests under `MAX_UPSERT_BYTES` (and ≤ `upsert_batch_size` records)."""
        batch: list[dict[str, Any]] = []
        size = 0
        for item in records:
            item_size = len(json.dumps(item)) + 64  # the SDK sends ASCII JSON: Hangul costs 6 bytes
            if batch and size + item_size > MAX_UPSERT_BYTES:
                self._send(namespace, batch)
                batch, size = [], 0
            batch.append(item)
            size += item_size
        if batch:
            self._send(namespace, batch)

    def _delete(self, namespace: str, ids: list[str]) -> None:
        """Delete ids through the vector store (it chunks by Pinecone's 1000 ids a request)."""
        self._call(f"delete from {namespace!r}", lambda: self.store.delete(
            ids=ids, namespace=namespace, _request_timeout=self.request_timeout))

    def _send(self, namespace: str, batch: list[dict[str, Any]]) -> None:
        # Records are built here from plain floats/str/bool: the SDK's per-value type check (≈15 ms a
        # 384-dim record, most of an ingestion's client time) would only re-prove that.
        self._call(f"upsert into {namespace!r}", lambda: self.index.upsert(
            vectors=batch, namespace=namespace, _check_type=False, _request_timeout=self.request_timeout))
