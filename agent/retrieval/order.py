"""The orders every list keeps on top of its ranking: undergraduate sections before graduate ones, and, for a
recommended year asked ("4학년 전공"), the sections meant for that year before those open to several or all.

An undergraduate asking for "인공지능 영어강의" should not get a 석박과정 section first; a question that asks
for graduate sections ("대학원 수업", `SearchFilters.levels` naming a graduate level) keeps its ranking. The
sort is stable, so each group keeps the ranking it had, and it runs in the retriever, above both backends.
"""

from __future__ import annotations

from agent.catalog.models import GRADUATE_LEVELS, parse_recommended_year
from agent.index.base import SearchFilters, SearchHit


def asks_for_graduate(filters: SearchFilters | None) -> bool:
    return filters is not None and any(level in GRADUATE_LEVELS for level in filters.levels)


def undergraduate_first(hits: list[SearchHit], filters: SearchFilters | None) -> list[SearchHit]:
    """`hits` with graduate sections after the others (a section of unknown level counts as undergraduate)."""
    if asks_for_graduate(filters) or not any(hit.section.graduate for hit in hits):
        return hits
    return sorted(hits, key=lambda hit: hit.section.graduate is True)


def own_year_first(hits: list[SearchHit], filters: SearchFilters | None) -> list[SearchHit]:
    """`hits` with sections recommended for exactly the asked year first ("4학년"), then those whose years
    include it ("3-4학년"), then those for every year ("전체학년"): all match, but a fourth-year student asking
    for fourth-year courses means the first. Stable, like `undergraduate_first`."""
    if filters is None or (filters.year is None and not filters.years):
        return hits
    asked = {filters.year} if filters.year is not None else set(filters.years)
    return sorted(hits, key=lambda hit: _breadth(hit.section.year, asked))


def _breadth(recommended: str | None, asked: set[int]) -> int:
    """0: meant for the asked year(s) only; 1: for those and others; 2: for every year (or unknown)."""
    parsed = parse_recommended_year(recommended)
    if parsed is None or parsed[0] == "all":
        return 2
    kind, numbers = parsed
    years = set(range(numbers[0], numbers[-1] + 1)) if kind == "range" else set(numbers)
    return 0 if years <= asked else 1
