"""The search behind `plan_timetable`: one section per course, no overlaps, the student's constraints kept,
the best weeks first; and, when there is none, why (the pair of courses that always clash, or the course no
section of which meets the constraints) and which constraint to relax.

Bounded: a course's sections that meet at the same times are one choice (the preferred professor's, else the
first), courses with the fewest choices are placed first, a partial week that overlaps, exceeds the days or
the credits is cut at once, and the whole search stops after `MAX_STEPS` placements (the result says so).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from typing import Literal

from agent.catalog.models import CourseSection
from agent.timetable import Week, preferred_sections, week_of
from tools.check_timetable import slots_overlap

MAX_STEPS = 20_000  # sections placed in all; about 50 ms, whatever the courses
_PROBE_STEPS = 4_000  # per "would relaxing this help?" probe (stops at the first week found)

Preference = Literal["balanced", "fewest_days", "fewest_gaps", "late_start", "early_finish"]
PREFERENCES: tuple[Preference, ...] = ("balanced", "fewest_days", "fewest_gaps", "late_start", "early_finish")
# "balanced": a day less on campus is worth up to three hours of idle time between classes.
DAY_IN_IDLE_MINUTES = 180
# Hard constraints, in the order a diagnosis tries relaxing them.
HARD = ("exclude_days", "start_after", "start_before", "end_before", "max_days", "max_credits")


@dataclass(frozen=True)
class Constraints:
    """What the student asked of the week. Times are minutes since midnight and hold for every meeting:
    `start_after` (no class starts earlier), `start_before` (every class starts by then, inclusive),
    `end_before` (every class is over by then). `professors` and `prefer` only rank."""

    exclude_days: tuple[str, ...] = ()
    start_after: int | None = None
    start_before: int | None = None
    end_before: int | None = None
    max_days: int | None = None
    max_credits: float | None = None
    professors: tuple[str, ...] = ()
    prefer: Preference = "balanced"

    def admits(self, section: CourseSection) -> bool:
        """Every meeting of `section` keeps the day and time constraints (a section without times does)."""
        return all(
            slot.day not in self.exclude_days
            and (self.start_after is None or slot.start >= self.start_after)
            and (self.start_before is None or slot.start <= self.start_before)
            and (self.end_before is None or slot.end <= self.end_before)
            for slot in section.slots
        )

    def active(self) -> list[str]:
        """The hard constraints that are set, in `HARD` order."""
        return [name for name in HARD if getattr(self, name) not in (None, ())]

    def without(self, *names: str) -> Constraints:
        defaults = {f.name: f.default for f in fields(self)}
        return replace(self, **{name: defaults[name] for name in names})


@dataclass(frozen=True)
class Option:
    """One week found: a section per course (in the order the courses were asked), and its shape."""

    sections: tuple[CourseSection, ...]
    week: Week
    credits: float | None
    preferred: int


@dataclass(frozen=True)
class Outcome:
    """The best `options`, how many weeks were found in all (`found`), and whether the step budget ran out
    before every combination was tried (`truncated`: more, or better, weeks may exist)."""

    options: tuple[Option, ...]
    found: int
    truncated: bool


@dataclass(frozen=True)
class Problem:
    """Why no week exists, by `kind`: "no_section" (`courses[0]` has no section meeting the constraints),
    "clash" (`courses`, two of them, overlap whichever sections are taken), "credits" (the courses together
    exceed `max_credits`), "combination" (each pair fits, all together do not). `relax`: the constraints
    whose removal alone makes a week possible; `drop`: courses whose removal does, when no constraint
    alone helps (both empty: every constraint would have to go, or the courses always clash)."""

    kind: Literal["no_section", "clash", "credits", "combination"]
    courses: tuple[int, ...]
    relax: tuple[str, ...] = ()
    drop: tuple[int, ...] = ()


def _choices(sections: Sequence[CourseSection], constraints: Constraints) -> list[CourseSection]:
    """The sections of one course the week may take: those meeting the constraints, one per set of meeting
    times (the preferred professor's section first, else the first listed)."""
    admitted = [s for s in sections if constraints.admits(s)]
    preferred = {s.id for s in preferred_sections(admitted, constraints.professors)}
    admitted.sort(key=lambda s: s.id not in preferred)  # stable: catalog order otherwise
    by_times: dict[tuple, CourseSection] = {}
    for section in admitted:
        by_times.setdefault(tuple(sorted((m.day, m.start, m.end) for m in section.slots)) or (section.id,), section)
    return list(by_times.values())


def _clash(a: CourseSection, b: CourseSection) -> bool:
    return any(slots_overlap(x, y) for x in a.slots for y in b.slots)


def _credits(sections: Sequence[CourseSection]) -> float:
    return sum(s.credits or 0.0 for s in sections)


class _Search:
    """A depth-first search over one choice per course, most constrained course first."""

    def __init__(self, choices: list[list[CourseSection]], constraints: Constraints, budget: int) -> None:
        self.order = sorted(range(len(choices)), key=lambda i: len(choices[i]))
        self.choices, self.constraints, self.budget = choices, constraints, budget
        self.found: list[tuple[CourseSection, ...]] = []
        self.steps = 0
        self.truncated = False

    def run(self, stop_at: int | None = None) -> None:
        self.stop_at = stop_at
        if all(self.choices):
            self._place(0, [])

    def _place(self, depth: int, chosen: list[CourseSection]) -> bool:
        """False once the search must stop (budget spent, or enough weeks found)."""
        if depth == len(self.order):
            self.found.append(tuple(chosen))
            return self.stop_at is None or len(self.found) < self.stop_at
        for section in self.choices[self.order[depth]]:
            if self.steps >= self.budget:
                self.truncated = True
                return False
            self.steps += 1
            if self._fits(section, chosen) and not self._place(depth + 1, [*chosen, section]):
                return False
        return True

    def _fits(self, section: CourseSection, chosen: list[CourseSection]) -> bool:
        limits = self.constraints
        if any(_clash(section, other) for other in chosen):
            return False
        if limits.max_days is not None and len({m.day for s in [*chosen, section] for m in s.slots}) > limits.max_days:
            return False
        return limits.max_credits is None or _credits([*chosen, section]) <= limits.max_credits + 1e-9

    def weeks(self) -> list[tuple[CourseSection, ...]]:
        """The weeks found, each in the order the courses were asked."""
        position = {course: depth for depth, course in enumerate(self.order)}
        return [tuple(week[position[i]] for i in range(len(self.order))) for week in self.found]


_RANKS: dict[Preference, Callable[[Option], tuple]] = {
    "balanced": lambda o: (-o.preferred, len(o.week.days) * DAY_IN_IDLE_MINUTES + o.week.gap_minutes,
                           len(o.week.days), -o.week.earliest),
    "fewest_days": lambda o: (-o.preferred, len(o.week.days), o.week.gap_minutes, -o.week.earliest),
    "fewest_gaps": lambda o: (-o.preferred, o.week.gap_minutes, len(o.week.days), -o.week.earliest),
    "late_start": lambda o: (-o.preferred, -o.week.earliest, len(o.week.days), o.week.gap_minutes),
    "early_finish": lambda o: (-o.preferred, o.week.latest, len(o.week.days), o.week.gap_minutes),
}


def plan_weeks(courses: list[list[CourseSection]], constraints: Constraints, limit: int) -> Outcome:
    """The `limit` best weeks taking one section of each course (ranked by `constraints.prefer`, the
    preferred professors' sections first)."""
    search = _Search([_choices(c, constraints) for c in courses], constraints, MAX_STEPS)
    search.run()
    options = [_option(week, constraints) for week in search.weeks()]
    options.sort(key=_RANKS[constraints.prefer])
    return Outcome(tuple(options[:limit]), len(options), search.truncated)


def _option(sections: tuple[CourseSection, ...], constraints: Constraints) -> Option:
    known = [s.credits for s in sections if s.credits is not None]
    preferred = len(preferred_sections(sections, constraints.professors))
    return Option(sections, week_of(sections), sum(known) if known else None, preferred)


def _possible(courses: list[list[CourseSection]], constraints: Constraints) -> bool:
    search = _Search([_choices(c, constraints) for c in courses], constraints, _PROBE_STEPS)
    search.run(stop_at=1)
    return bool(search.found)


def diagnose(courses: list[list[CourseSection]], constraints: Constraints) -> Problem:
    """Why `plan_weeks` found nothing (see `Problem`); the first cause found, in the order of the kinds."""
    choices = [_choices(c, constraints) for c in courses]
    for i, options in enumerate(choices):
        if not options:
            return Problem("no_section", (i,), _relaxing([courses[i]], constraints))
    for i, j in itertools.combinations(range(len(courses)), 2):
        if all(_clash(a, b) for a in choices[i] for b in choices[j]):
            pair = [courses[i], courses[j]]
            return Problem("clash", (i, j), _relaxing(pair, constraints), _dropping(courses, constraints, (i, j)))
    least = sum(min((s.credits or 0.0) for s in c) for c in courses)
    kind = "credits" if constraints.max_credits is not None and least > constraints.max_credits + 1e-9 else "combination"
    relax = _relaxing(courses, constraints)
    return Problem(kind, (), relax, () if relax else _dropping(courses, constraints, range(len(courses))))


def _relaxing(courses: list[list[CourseSection]], constraints: Constraints) -> tuple[str, ...]:
    """The constraints whose removal alone makes a week of `courses` possible."""
    return tuple(name for name in constraints.active() if _possible(courses, constraints.without(name)))


def _dropping(courses: list[list[CourseSection]], constraints: Constraints, among: Sequence[int]) -> tuple[int, ...]:
    """The courses (of `among`) whose removal makes a week of the rest possible."""
    rest = lambda i: [c for k, c in enumerate(courses) if k != i]  # noqa: E731
    return tuple(i for i in among if len(courses) > 1 and _possible(rest(i), constraints))
