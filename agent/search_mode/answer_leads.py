"""Leads of the answer plan about plans and terms: planned weekly timetables, a course across terms, a
course a term does not offer. Part of `answer_plan` (which re-exports them); kept apart to keep each module
small."""

from __future__ import annotations

from dataclasses import dataclass
from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters
from agent.planner.eligibility import ExcludedCourse
from agent.timetable import NoWeek, WeekNote

@dataclass(frozen=True)
class PlanLimits:
    """What a timetable was planned with: `conditions` (excluded days, time bounds, preferred professors;
    None: none), at most `max_days` days a week and `max_credits` credits."""

    conditions: SearchFilters | None = None
    max_days: int | None = None
    max_credits: float | None = None
    min_credits: float | None = None
    max_gap: int | None = None  # minutes
    english: bool = False  # English-taught sections preferred


@dataclass(frozen=True)
class TimetablePlans:
    """Weeks planned for `courses` (a section of each course, to name it): `count` shown, best first, of
    `found` weeks without overlaps that keep `limits`; `truncated`: too many combinations to try them all
    (`found` counts those seen)."""

    courses: tuple[CourseSection, ...]
    count: int
    found: int
    limits: PlanLimits
    truncated: bool = False
    excluded: tuple[ExcludedCourse, ...] = ()  # sections the student may not take, left out (said after the lead)
    exact: bool = True  # `found` is every week without overlaps (else: the weeks the search reached)


@dataclass(frozen=True)
class TimetableOption:
    """One planned week (its sections are the block's bullets): its rank `number`, the `days` with classes,
    total `credits` (None: no section states them) and what the week is like (`notes`)."""

    number: int
    days: tuple[str, ...]
    credits: float | None
    notes: tuple[WeekNote, ...]
    alternative: bool = False  # no week fits the request: this one makes the single change the answer names


@dataclass(frozen=True)
class TimetableImpossible:
    """No week fits `courses` within `limits`; `why` says which courses are at fault and what would make a
    week possible (`agent.timetable.NoWeek`: the constraints to relax, named as in `PlanLimits`, or courses
    to drop)."""

    courses: tuple[CourseSection, ...]
    limits: PlanLimits
    why: NoWeek[CourseSection]
    excluded: tuple[ExcludedCourse, ...] = ()


@dataclass(frozen=True)
class CourseTerm:
    """One course in one term of an answer across terms: its name, sections and professors."""

    name: str
    sections: int
    professors: tuple[str, ...]


@dataclass(frozen=True)
class TermGroup:
    """One term of an answer across terms: how many matching `sections` it had in how many courses
    (`course_count`), their course names and professors (the first few), and each course's (`by_course`)."""

    term: str
    sections: int
    course_count: int
    courses: tuple[str, ...]
    professors: tuple[str, ...]
    by_course: tuple[CourseTerm, ...] = ()


@dataclass(frozen=True)
class AcrossTerms:
    """The question asked across terms ("예전에도 열렸어?"): the matching set term by term, oldest first, out of
    the `held` terms the catalog holds. `course`: the one course asked about (each term then names its
    professors), else each term names its courses, each with its professors when `teachers` (the question
    asked who taught them); `schedules` when it asked when or where. `not_now`: the current term, when the one
    course is not offered in it."""

    groups: tuple[TermGroup, ...]
    held: int
    course: CourseSection | None = None
    teachers: bool = False
    not_now: str | None = None
    # "그때도 같은 시간이었어?": each term's sections of the one course, whose times and rooms the lines say.
    schedules: tuple[tuple[str, tuple[CourseSection, ...]], ...] = ()
    searched: tuple[str, ...] = ()
    """The terms searched, when the question named some ("작년에": the year's): `held` then counts those."""


@dataclass(frozen=True)
class NotOffered:
    """A course the question named that the term it asked about (`asked`) does not offer, while other terms
    of the catalog do: said so, with the newest of `groups` (the terms that have it, oldest first) and its
    professors. `course`: a section of that newest term; `now`: the current term; `held`: how many terms
    the catalog holds; `listed`: the question asked when or by whom it was taught, so every term is said."""

    course: CourseSection
    asked: str
    now: str | None
    groups: tuple[TermGroup, ...]
    held: int
    listed: bool = False
