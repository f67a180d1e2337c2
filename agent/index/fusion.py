"""How both backends turn their two candidate lists into one ranking, so that they rank alike.

Each list (dense cosine, lexical BM25) is min-max scaled over its own candidates, then fused as
`alpha * dense + (1 - alpha) * lexical`; a section missing from a list scores 0 there. Ties break on
the id, so a ranking is reproducible.
"""

from __future__ import annotations

from agent.catalog.terms import term_sort_key

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
