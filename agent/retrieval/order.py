"""The one order every list keeps on top of its ranking: undergraduate sections before graduate ones.

An undergraduate asking for "인공지능 영어강의" should not get a 석박과정 section first; a question that asks
for graduate sections ("대학원 수업", `SearchFilters.levels` naming a graduate level) keeps its ranking. The
sort is stable, so each group keeps the ranking it had, and it runs in the retriever, above both backends.
"""

from __future__ import annotations

from agent.catalog.models import GRADUATE_LEVELS
from agent.index.base import SearchFilters, SearchHit


def asks_for_graduate(filters: SearchFilters | None) -> bool:
    return filters is not None and any(level in GRADUATE_LEVELS for level in filters.levels)


def undergraduate_first(hits: list[SearchHit], filters: SearchFilters | None) -> list[SearchHit]:
    """`hits` with graduate sections after the others (a section of unknown level counts as undergraduate)."""
    if asks_for_graduate(filters) or not any(hit.section.graduate for hit in hits):
        return hits
    return sorted(hits, key=lambda hit: hit.section.graduate is True)
