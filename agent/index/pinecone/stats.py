"""BM25 statistics and vocabulary of each term, kept in Pinecone (namespace `STATS_NAMESPACE`).

A Lambda answering questions has no catalog: the IDF half of a query's sparse vector needs the term's
document frequencies, and the question parser needs the vocabulary. Both are written by `sync_term` as
a few records (layout in `agent.index.pinecone.records`) and read here once per process per term; after
`ttl` seconds only the small meta record is fetched again, and the parts only if its fingerprint changed.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from agent.index.pinecone import records as rec
from agent.index.base import Vocabulary, iter_batches
from agent.index.pinecone.calls import PineconeCaller
from agent.index.pinecone.sparse import Bm25Stats


@dataclass
class TermStats:
    stats: Bm25Stats
    vocabulary: Vocabulary
    fingerprint: str
    checked_at: float


def fingerprint(stats: Bm25Stats, vocabulary: Vocabulary) -> str:
    digest = hashlib.sha256((stats.fingerprint() + vocabulary.model_dump_json()).encode("utf-8"))
    return digest.hexdigest()[:16]


class StatsStore:
    """Reads and writes the stats records through the index's SDK handle.

    `upsert(namespace, records)` and `delete(namespace, ids)` are the owner's size-aware writers.
    """

    def __init__(self, index: Any, call: PineconeCaller, dimension: int, *, request_timeout: float, ttl: float,
                 upsert: Callable[[str, list[dict[str, Any]]], None],
                 delete: Callable[[str, list[str]], None]) -> None:
        self.index = index
        self.call = call
        self.dimension = dimension
        self.request_timeout = request_timeout
        self.ttl = ttl
        self._upsert = upsert
        self._delete = delete
        self._cache: dict[str, TermStats] = {}
        self._lock = threading.Lock()

    def write(self, term: str, stats: Bm25Stats, vocabulary: Vocabulary) -> None:
        """Store the term's statistics and vocabulary, unless identical ones are already there; an empty
        term loses its records."""
        current = self._fetch_meta(term)
        if stats.n_docs == 0:
            if current:
                self._delete(rec.STATS_NAMESPACE, self._ids(current, term))
            self.forget(term)
            return
        stamp = fingerprint(stats, vocabulary)
        if current and current.get("fingerprint") == stamp:
            return
        unit = [1.0] + [0.0] * (self.dimension - 1)  # never searched; Pinecone refuses all-zero vectors
        records = [
            {"id": doc_id, "values": unit, "metadata": metadata}
            for doc_id, metadata in rec.stats_records(term, stats, vocabulary, stamp)
        ]
        self._upsert(rec.STATS_NAMESPACE, records)  # the meta record last: readers never see missing parts
        if current:  # parts beyond the new counts are left over from a bigger corpus
            new_ids = {item["id"] for item in records}
            stale = [doc_id for doc_id in self._ids(current, term) if doc_id not in new_ids]
            if stale:
                self._delete(rec.STATS_NAMESPACE, stale)
        with self._lock:
            self._cache[term] = TermStats(stats, vocabulary, stamp, time.monotonic())

    def forget(self, term: str) -> None:
        with self._lock:
            self._cache.pop(term, None)

    def get(self, term: str) -> TermStats | None:
        """The term's stats (None when the term has none), cached; re-checked after `ttl` seconds."""
        with self._lock:
            cached = self._cache.get(term)
        now = time.monotonic()
        if cached is not None and now - cached.checked_at < self.ttl:
            return cached
        meta = self._fetch_meta(term)
        if meta is None:
            self.forget(term)
            return None
        if cached is not None and cached.fingerprint == meta.get("fingerprint"):
            cached.checked_at = now
            return cached
        ids = self._ids(meta, term)[:-1]
        parts: dict[str, dict[str, Any]] = {}
        for batch in iter_batches(ids, 100):
            parts.update(self._fetch(batch))
        df_chunks = [parts.get(doc_id, {}).get("data", "") for doc_id in ids if "#df#" in doc_id]
        vocab_chunks = [parts.get(doc_id, {}).get("data", "") for doc_id in ids if "#vocab#" in doc_id]
        stats = Bm25Stats(
            n_docs=int(meta.get("n_docs", 0)), avgdl=float(meta.get("avgdl", 0.0)),
            df=Bm25Stats.parse_df_chunks(df_chunks), strategy=str(meta.get("strategy", "bigram")),
        )
        entry = TermStats(stats, rec.parse_vocabulary(vocab_chunks), str(meta.get("fingerprint", "")), now)
        with self._lock:
            self._cache[term] = entry
        return entry

    @staticmethod
    def _ids(meta: dict[str, Any], term: str) -> list[str]:
        """Every stats record id of `term`, the meta record last."""
        return (
            [rec.part_id(term, "df", i) for i in range(int(meta.get("df_parts", 0)))]
            + [rec.part_id(term, "vocab", i) for i in range(int(meta.get("vocab_parts", 0)))]
            + [rec.meta_id(term)]
        )

    def _fetch(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        response = self.call("fetch stats", lambda: self.index.fetch(
            ids=ids, namespace=rec.STATS_NAMESPACE, _request_timeout=self.request_timeout,
            _check_return_type=False))
        return {doc_id: dict(vector.metadata or {}) for doc_id, vector in response.vectors.items()}

    def _fetch_meta(self, term: str) -> dict[str, Any] | None:
        return self._fetch([rec.meta_id(term)]).get(rec.meta_id(term))
