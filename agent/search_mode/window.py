"""Search mode: which part of a matching set an answer shows, and the true totals it states.

An answer shows at most `MAX_SECTIONS` sections of a set as bullets, always a contiguous run of the set's
order (from `start`), so "더 보기" continues exactly where the bullets stopped and nothing is skipped: the
next page starts at `start + shown`. A search result is already a page of the set (the retriever pages it:
`search_courses(offset=...)`); a looked-up course is a whole set that the answer pages itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent.catalog.models import CourseSection
from agent.search_mode.answer_plan import Totals
from agent.search_mode.outcomes import ToolOutcome
from agent.search_mode.sections import MAX_SECTIONS, course_key


@dataclass(frozen=True)
class Window:
    """The bullets an answer shows of a set, and the set's totals (None when nothing is counted)."""

    sections: list[CourseSection]
    totals: Totals | None

    @property
    def note(self) -> tuple[Totals, ...]:
        """The closing note that says which part is shown and how to see the rest (none when all is shown)."""
        return () if self.totals is None or self.totals.whole else (self.totals,)


def cut(
    page: list[CourseSection], *, start: int, total: int, courses: int, limit: int = MAX_SECTIONS
) -> Window:
    """The first `limit` sections of `page` (which starts at position `start` of a set of `total` sections
    in `courses` courses)."""
    shown = page[:limit]
    end = start + len(shown)
    totals = Totals(total, courses, start, len(shown), end if end < total else None)
    return Window(shown, totals)


def of_search(outcome: ToolOutcome, sections: list[CourseSection] | None = None) -> Window:
    """The bullets of a search result: the first sections of its page that belong to the matching set,
    with the set's true totals (as many as fit when the tool reported no totals)."""
    matched = outcome.matched if sections is None else sections
    total = outcome.total_sections
    if total is None:
        return Window(matched[:MAX_SECTIONS], None)
    courses = outcome.total_courses or len({course_key(s) for s in matched})
    return cut(matched, start=outcome.offset, total=total, courses=courses)


def of_course(sections: list[CourseSection], start: int = 0) -> Window:
    """The bullets of one course's sections, all known (a lookup): `start` is where "더 보기" asked to go on."""
    start = max(0, start)
    if start >= len(sections):
        return Window([], None)  # past the end: the caller says there is nothing more
    return cut(sections[start:], start=start, total=len(sections), courses=1)


def grouped(sections: list[CourseSection]) -> list[CourseSection]:
    """The same sections with each course's together, courses in order of first appearance (a window is a
    run of the set's order; grouping only changes how it reads)."""
    order: dict[str, int] = {}
    for section in sections:
        order.setdefault(course_key(section), len(order))
    return sorted(sections, key=lambda s: order[course_key(s)])
