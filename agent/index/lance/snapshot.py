"""What a serving process answers from: an in-memory copy of the LanceDB table, one per table version.

Every question needs a few exact lookups (the newest term, a course code, a course name, the sections that
fit the filters) besides the hybrid search. As LanceDB queries these cost 3-7 ms each (a scan plan per call);
over a catalog of a few thousand rows the same answers from memory take microseconds. The table stays the
source of truth: the index reloads the snapshot whenever the table version moves on (a new ingestion), and
filtering here uses `filtering.matches` (fixed once per listing: `section_filter`), the exact semantics the
SQL prefilter only approximates from below.

Sections are parsed from their JSON records lazily, once each, and shared by every request of the process.
They must be treated as read-only (callers copy before changing a hit, as `SearchHit.model_copy` does).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters
from agent.index.filtering import section_filter
from agent.index.fusion import newest_first


class TableSnapshot:
    """The table's unit vectors as one float32 matrix, with each row's id, term, code, name and record."""

    def __init__(
        self,
        version: int,
        ids: list[str],
        matrix: Any,
        records: list[str],
        terms: list[str],
        codes: Sequence[str | None] | None = None,
        names: Sequence[str | None] | None = None,
        section_numbers: Sequence[str | None] | None = None,
    ) -> None:
        self.version = version
        self.ids = ids
        self.matrix = matrix
        self.records = records
        self.terms = terms
        self.position = {doc_id: row for row, doc_id in enumerate(ids)}
        self._term_rows: dict[str, Any] = {}
        self._sections: list[CourseSection | None] = [None] * len(ids)
        codes = codes if codes is not None else [None] * len(ids)
        names = names if names is not None else [None] * len(ids)
        numbers = section_numbers if section_numbers is not None else [None] * len(ids)
        self._by_code: dict[str, list[int]] = {}
        self._by_name: dict[str, list[int]] = {}
        for row, (code, name) in enumerate(zip(codes, names)):
            if code:
                self._by_code.setdefault(code.lower(), []).append(row)
            if name:
                self._by_name.setdefault(name, []).append(row)
        # Listing order, as the LanceDB listing had it: code, then section, then term.
        self._listing = sorted(range(len(ids)), key=lambda row: (codes[row] or "", numbers[row] or "", terms[row]))
        self._rank = {row: rank for rank, row in enumerate(self._listing)}
        self.terms_newest_first = newest_first(terms)

    @classmethod
    def from_arrow(cls, version: int, data: Any, dimension: int) -> TableSnapshot:
        import numpy as np

        ids = data.column("id").to_pylist()
        vectors = data.column("vector").combine_chunks().flatten().to_numpy(zero_copy_only=False)
        matrix = np.asarray(vectors, dtype=np.float32).reshape(len(ids), dimension)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        matrix = matrix / np.where(norms > 0, norms, 1.0)
        names = set(data.column_names)

        def column(name: str) -> list[Any] | None:
            return data.column(name).to_pylist() if name in names else None

        return cls(
            version, ids, matrix, data.column("record").to_pylist(), data.column("term").to_pylist(),
            codes=column("code"), names=column("name"), section_numbers=column("section"),
        )

    # ---- vectors ------------------------------------------------------------------------------

    def rows_of_term(self, term: str) -> Any:
        import numpy as np

        rows = self._term_rows.get(term)
        if rows is None:
            rows = self._term_rows[term] = np.fromiter(
                (row for row, value in enumerate(self.terms) if value == term), dtype=np.int64)
        return rows

    def rows_of_terms(self, filters: SearchFilters) -> Any:
        """The row numbers of the filters' term(s), or None when every term is searched."""
        import numpy as np

        if filters.terms:
            return np.concatenate([self.rows_of_term(term) for term in dict.fromkeys(filters.terms)])
        return self.rows_of_term(filters.term) if filters.term else None

    def top(self, vector: list[float], n: int, allowed: Any = None) -> list[tuple[int, float]]:
        """The n rows (among `allowed` row numbers, if given) with the highest cosine similarity."""
        import numpy as np

        if not self.ids:
            return []
        query = np.asarray(vector, dtype=np.float32)
        query = query / (np.linalg.norm(query) or 1.0)
        rows = np.arange(len(self.ids)) if allowed is None else allowed
        if len(rows) == 0:
            return []
        scores = self.matrix[rows] @ query if allowed is not None else self.matrix @ query
        if len(rows) > n:
            best = np.argpartition(-scores, n - 1)[:n]
        else:
            best = np.arange(len(rows))
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(int(rows[i]), float(scores[i])) for i in best]

    # ---- sections -----------------------------------------------------------------------------

    def section(self, row: int) -> CourseSection:
        section = self._sections[row]
        if section is None:
            section = self._sections[row] = CourseSection.model_validate_json(self.records[row])
        return section

    def _matching(
        self, rows: Iterable[int], filters: SearchFilters | None, limit: int | None = None
    ) -> list[CourseSection]:
        found: list[CourseSection] = []
        keep = section_filter(filters)
        terms = set(filters.terms) if filters is not None and filters.terms else None
        for row in rows:
            if filters is not None and filters.term and self.terms[row] != filters.term:
                continue  # cheap before parsing
            if terms is not None and self.terms[row] not in terms:
                continue
            section = self.section(row)
            if keep(section):
                found.append(section)
                if limit is not None and len(found) >= limit:
                    break
        return found

    def with_codes(self, codes: Iterable[str], filters: SearchFilters | None = None) -> list[CourseSection]:
        """Sections of these course codes (case-insensitive) that satisfy `filters`, in listing order."""
        rows = {row for code in codes for row in self._by_code.get(code.strip().lower(), [])}
        return self._matching(sorted(rows, key=self._rank.__getitem__), filters)

    def named(self, names: Sequence[str], filters: SearchFilters | None = None) -> list[CourseSection]:
        """Sections whose course name is exactly one of `names` and that satisfy `filters`."""
        rows = sorted({row for name in names for row in self._by_name.get(name, [])}, key=self._rank.__getitem__)
        return self._matching(rows, filters)

    def listing(self, filters: SearchFilters | None, limit: int) -> list[CourseSection]:
        """The first `limit` sections (by code, section, term) that satisfy `filters`."""
        return self._matching(self._listing, filters, limit)
