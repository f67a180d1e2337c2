"""How both backends turn their two candidate lists into one ranking, so that they rank alike.

Each list (dense cosine, lexical BM25) is min-max scaled over its own candidates, then fused as
`alpha * dense + (1 - alpha) * lexical`; a section missing from a list scores 0 there. Ties break on
the id, so a ranking is reproducible. `HitList` then puts a search's tiers together the same way on both
backends: exact course codes first, then a filter listing (empty question) or the fused ranking.
"""

from __future__ import annotations

from collections.abc import Iterable

from agent.catalog.models import CourseSection
from agent.catalog.terms import term_sort_key
from agent.index.base import SearchFilters, SearchHit
from agent.index.filtering import matches

DEFAULT_ALPHA = 0.6  # weight of the dense part, on LanceDB and on Pinecone alike


def minmax(scores: dict[str, float]) -> dict[str, float]:
    """Scale to [0, 1] over the candidates; a single candidate (or all equal) scores 1."""
    if not scores:
        return {}
    low, high = min(scores.values()), max(scores.values())
    if high - low < 1e-12:
        return {doc_id: 1.0 for doc_id in scores}
    return {doc_id: (value - low) / (high - low) for doc_id, value in scores.items()}


def fuse(dense: dict[str, float], lexical: dict[str, float], alpha: float) -> list[tuple[str, float]]:
    """(id, fused score) for every candidate of either list, best first."""
    dense_n, lexical_n = minmax(dense), minmax(lexical)
    fused = {
        doc_id: alpha * dense_n.get(doc_id, 0.0) + (1.0 - alpha) * lexical_n.get(doc_id, 0.0)
        for doc_id in dense.keys() | lexical.keys()
    }
    return sorted(((doc_id, round(score, 6)) for doc_id, score in fused.items()), key=lambda p: (-p[1], p[0]))


def newest_first(terms: list[str]) -> list[str]:
    """Distinct terms, newest first, by the catalog's term order."""
    return sorted(set(terms), key=term_sort_key, reverse=True)


class HitList:
    """A search's hits in tier order, each section once, at most `k`."""

    def __init__(self, k: int) -> None:
        self.k = k
        self.hits: list[SearchHit] = []
        self.seen: set[str] = set()

    @property
    def full(self) -> bool:
        return len(self.hits) >= self.k

    def fill(self, ranked: Iterable[tuple[CourseSection, float]], matched_by: str,
             recheck: SearchFilters | None = None) -> list[SearchHit]:
        """Add the sections of `ranked` not listed yet (and matching `recheck`, when given) until `k`: the hits.

        `ranked` may be lazy: it is read no further than the hit that fills the list.
        """
        if self.full:
            return self.hits
        for section, score in ranked:
            if section.id in self.seen or (recheck is not None and not matches(section, recheck)):
                continue
            self.hits.append(SearchHit(section=section, score=score, matched_by=matched_by))
            self.seen.add(section.id)
            if self.full:
                break
        return self.hits
