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

Reading and ranking are in `reads.py`, writing in `writes.py`. BM25 corpus statistics and the vocabulary
live in Pinecone itself (namespace `__coursebot_stats__`, see `records.py`), fetched once per process per
term and re-checked after `stats_ttl` (`stats.py`).

Errors: connection failures, timeouts and 5xx after the SDK's retries (5, with back-off) and 429 after
ours → `IndexUnavailableError`; a rejected key → `PineconeAuthError`; a missing index or bad settings →
`PineconeConfigError` (`calls.py`). Messages say what failed and where, never the key.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings
from pydantic import SecretStr

from agent.index.base import DimensionMismatchError
from agent.index.fusion import DEFAULT_ALPHA
from agent.index.pinecone import records as rec
from agent.index.pinecone.calls import PineconeCaller, PineconeConfigError
from agent.index.pinecone.history import PineconeHistory
from agent.index.pinecone.reads import PineconeReads
from agent.index.pinecone.stats import StatsStore
from agent.index.pinecone.writes import PineconeWrites

if TYPE_CHECKING:
    from agent.settings import Settings



class PineconeCourseIndex(PineconeReads, PineconeWrites, PineconeHistory):
    """`CourseIndex` on Pinecone. See the module docstrings: this one for the connection and errors,
    `reads.py` for the ranking, `records.py` for the layout.

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

    @property
    def dimension(self) -> int:
        return self._dimension

    def probe(self) -> None:
        """A cheap check that the index answers (one `describe_index_stats` round trip, the SDK's retries
        included): `IndexUnavailableError` / `PineconeAuthError` with the cause otherwise."""
        self._call("describe_index_stats", lambda: self.index.describe_index_stats(
            _request_timeout=self.request_timeout))


def embeddings_id(embeddings: Embeddings) -> str:
    """A name for the embedding model (as the LanceDB backend names it): a different model with the same
    dimension still changes the stored passage keys, so sections are re-embedded."""
    model_path = getattr(embeddings, "model_path", None)
    return f"{type(embeddings).__name__}:{model_path}" if model_path else type(embeddings).__name__
