"""Time rules the retriever applies on *blocks*: same-day slots that follow each other (gap <= 15 min)
count as one class, so "1시에 하는 물리 실험" finds a lab that runs 13:00-16:50 in four hourly slots. The
index applies per-slot rules (its contract), so the retriever asks it without `start_before` and checks that
bound itself on blocks (`start_after` and `end_before` mean the same on slots and blocks)."""

from __future__ import annotations

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters

BLOCK_GAP_MINUTES = 15


def blocks(section: CourseSection, days: list[str] | None = None) -> list[tuple[str, int, int]]:
    """The section's meeting blocks (day, start, end) on `days` (all days when empty)."""
    out: list[tuple[str, int, int]] = []
    for day in dict.fromkeys(slot.day for slot in section.slots):
        if days and day not in days:
            continue
        spans = sorted((slot.start, slot.end) for slot in section.slots if slot.day == day)
        start, end = spans[0]
        for s, e in spans[1:]:
            if s - end <= BLOCK_GAP_MINUTES:
                end = max(end, e)
            else:
                out.append((day, start, end))
                start, end = s, e
        out.append((day, start, end))
    return out


def schedule_ok(section: CourseSection, filters: SearchFilters) -> bool:
    """The retriever's own schedule checks on top of the index's: block-wise `start_before`, and a known
    timetable when days are excluded."""
    return start_before_ok(section, filters) and (bool(section.slots) or not filters.exclude_days)


def start_before_ok(section: CourseSection, filters: SearchFilters) -> bool:
    if filters.start_before is None:
        return True
    found = blocks(section, list(filters.days))
    return bool(found) and all(start <= filters.start_before for _, start, _ in found)
