"""The search behind `plan_timetable`: one section per course, no overlaps, the student's constraints kept,
the best weeks first; and, when there is none, why (the pair of courses that always clash, or the course no
section of which meets the constraints) and which constraint to relax.

Bounded: a course's sections that meet at the same times are one choice (the preferred professor's, else the
first), courses with the fewest choices are placed first, a partial week that overlaps, exceeds the days or
the credits is cut at once, and the whole search stops after `MAX_STEPS` placements (the result says so).
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from typing import Literal

from agent.catalog.models import DAYS, CourseSection
from agent.timetable import NoWeek, Week, preferred_sections, week_of

MAX_STEPS = 20_000  # sections tried in all: well under a second, whatever the courses
_PROBE_STEPS = 5_000  # per "would relaxing this help?" probe (stops at the first week found)
_DAY = 24 * 60  # minutes of a day: a week's minutes are bits day * _DAY + minute
_DAY_MASK = (1 << _DAY) - 1

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


Problem = NoWeek[int]  # why no week exists; courses named by their position in the request


@dataclass(frozen=True)
class _Choice:
    """A section as the search holds it: the minutes of the week it occupies (one bit per minute, so two
    sections overlap exactly when their masks share a bit; back to back is no overlap), its days (a bit
    each)."""

    section: CourseSection
    mask: int
    days: int
    credits: float
    preferred: bool


def _choice(section: CourseSection, preferred: bool) -> _Choice:
    mask = days = 0
    for slot in section.slots:
        day = DAYS.index(slot.day)
        mask |= ((1 << max(0, slot.end - slot.start)) - 1) << (day * _DAY + slot.start)
        days |= 1 << day
    return _Choice(section, mask, days, section.credits or 0.0, preferred)


def _choices(sections: Sequence[CourseSection], constraints: Constraints) -> list[_Choice]:
    """The sections of one course the week may take: those meeting the constraints, one per set of meeting
    times (the preferred professor's section first, else the first listed)."""
    admitted = [s for s in sections if constraints.admits(s)]
    preferred = {s.id for s in preferred_sections(admitted, constraints.professors)}
    admitted.sort(key=lambda s: s.id not in preferred)  # stable: catalog order otherwise
    by_times: dict[tuple, _Choice] = {}
    for section in admitted:
        times = tuple(sorted((m.day, m.start, m.end) for m in section.slots)) or (section.id,)
        by_times.setdefault(times, _choice(section, section.id in preferred))
    return list(by_times.values())


@dataclass(frozen=True)
class _Metrics:
    """What ranks a week: sections with a preferred professor, sections without meeting times (a week that
    cannot place them says less, so it comes after those that can), days on campus, idle minutes between
    classes, the earliest start and the latest end (minutes)."""

    preferred: int
    untimed: int
    days: int
    gaps: int
    earliest: int
    latest: int


def _metrics(mask: int, days: int, preferred: int, untimed: int) -> _Metrics:
    """A week's metrics from its minute mask: per day, the span from first to last minute less the minutes
    in class is the idle time (a week has no overlaps)."""
    spans = []
    for day in range(len(DAYS)):
        if days >> day & 1:
            minutes = mask >> (day * _DAY) & _DAY_MASK
            if minutes:
                spans.append(((minutes & -minutes).bit_length() - 1, minutes.bit_length()))
    gaps = sum(end - start for start, end in spans) - mask.bit_count()
    earliest = min((start for start, _ in spans), default=_DAY)
    latest = max((end for _, end in spans), default=0)
    return _Metrics(preferred, untimed, days.bit_count(), gaps, earliest, latest)


class _Search:
    """A depth-first search over one choice per course, most constrained course first; every complete week is
    kept with its metrics (its sections are turned into an `Option` only for the best few)."""

    def __init__(self, choices: list[list[_Choice]], constraints: Constraints, budget: int) -> None:
        self.order = sorted(range(len(choices)), key=lambda i: len(choices[i]))
        self.choices, self.constraints, self.budget = choices, constraints, budget
        self.found: list[tuple[_Metrics, tuple[_Choice, ...]]] = []
        self.steps = 0
        self.truncated = False
        self.stop_at: int | None = None

    def run(self, stop_at: int | None = None) -> None:
        self.stop_at = stop_at
        if all(self.choices):
            self._place(0, (), 0, 0, 0.0)

    def _place(self, depth: int, chosen: tuple[_Choice, ...], mask: int, days: int, credits: float) -> bool:
        """False once the search must stop (budget spent, or enough weeks found)."""
        if depth == len(self.order):
            preferred, untimed = sum(c.preferred for c in chosen), sum(not c.mask for c in chosen)
            self.found.append((_metrics(mask, days, preferred, untimed), chosen))
            return self.stop_at is None or len(self.found) < self.stop_at
        limits = self.constraints
        for choice in self.choices[self.order[depth]]:
            if self.steps >= self.budget:
                self.truncated = True
                return False
            self.steps += 1
            week_days, total = days | choice.days, credits + choice.credits
            too_many_days = limits.max_days is not None and week_days.bit_count() > limits.max_days
            if mask & choice.mask or too_many_days:
                continue
            if limits.max_credits is not None and total > limits.max_credits + 1e-9:
                continue
            if not self._place(depth + 1, (*chosen, choice), mask | choice.mask, week_days, total):
                return False
        return True

    def in_asked_order(self, chosen: tuple[_Choice, ...]) -> tuple[CourseSection, ...]:
        position = {course: depth for depth, course in enumerate(self.order)}
        return tuple(chosen[position[i]].section for i in range(len(self.order)))


_RANKS: dict[Preference, Callable[[_Metrics], tuple]] = {
    "balanced": lambda m: (-m.preferred, m.untimed, m.days * DAY_IN_IDLE_MINUTES + m.gaps, m.days, -m.earliest),
    "fewest_days": lambda m: (-m.preferred, m.untimed, m.days, m.gaps, -m.earliest),
    "fewest_gaps": lambda m: (-m.preferred, m.untimed, m.gaps, m.days, -m.earliest),
    "late_start": lambda m: (-m.preferred, m.untimed, -m.earliest, m.days, m.gaps),
    "early_finish": lambda m: (-m.preferred, m.untimed, m.latest, m.days, m.gaps),
}


def plan_weeks(courses: list[list[CourseSection]], constraints: Constraints, limit: int) -> Outcome:
    """The `limit` best weeks taking one section of each course (ranked by `constraints.prefer`, the
    preferred professors' sections first; ties keep the catalog's order)."""
    search = _Search([_choices(c, constraints) for c in courses], constraints, MAX_STEPS)
    search.run()
    rank = _RANKS[constraints.prefer]
    best = heapq.nsmallest(limit, enumerate(search.found), key=lambda item: (rank(item[1][0]), item[0]))
    options = tuple(_option(search.in_asked_order(chosen), metrics) for _, (metrics, chosen) in best)
    return Outcome(options, len(search.found), search.truncated)


def _option(sections: tuple[CourseSection, ...], metrics: _Metrics) -> Option:
    known = [s.credits for s in sections if s.credits is not None]
    return Option(sections, week_of(sections), sum(known) if known else None, metrics.preferred)


class _Diagnosis:
    """Probes of "would a week exist if …?" (each stops at the first week found); `sure` turns False when a
    probe ran out of steps without finding one, so a "no" it gave may be wrong."""

    def __init__(self, courses: list[list[CourseSection]], constraints: Constraints) -> None:
        self.courses, self.constraints = courses, constraints
        self.sure = True

    def possible(self, courses: list[list[CourseSection]], constraints: Constraints) -> bool:
        search = _Search([_choices(c, constraints) for c in courses], constraints, _PROBE_STEPS)
        search.run(stop_at=1)
        if not search.found and search.truncated:
            self.sure = False
        return bool(search.found)

    def relaxing(self) -> tuple[str, ...]:
        """The constraints whose removal alone makes a week of all the courses possible."""
        limits = self.constraints
        return tuple(name for name in limits.active() if self.possible(self.courses, limits.without(name)))

    def dropping(self, among: Sequence[int]) -> tuple[int, ...]:
        """The courses (of `among`) whose removal makes a week of the rest possible."""
        if len(self.courses) < 2:
            return ()
        rest = lambda i: [c for k, c in enumerate(self.courses) if k != i]  # noqa: E731
        return tuple(i for i in among if self.possible(rest(i), self.constraints))

    def problem(self, kind: str, culprits: tuple[int, ...], among: Sequence[int], **extra: bool) -> Problem:
        relax = self.relaxing()
        drop = () if relax else self.dropping(among)
        return NoWeek(kind, culprits, relax, drop, sure=self.sure, **extra)  # type: ignore[arg-type]


def diagnose(courses: list[list[CourseSection]], constraints: Constraints) -> Problem:
    """Why `plan_weeks` found nothing (`agent.timetable.NoWeek`); the first cause found, in the order of its
    kinds."""
    probe = _Diagnosis(courses, constraints)
    choices = [_choices(c, constraints) for c in courses]
    for i, options in enumerate(choices):
        if not options:
            return probe.problem("no_section", (i,), (i,))
    for i, j in itertools.combinations(range(len(courses)), 2):
        if all(a.mask & b.mask for a in choices[i] for b in choices[j]):
            free = probe.possible([courses[i], courses[j]], constraints.without(*constraints.active()))
            return probe.problem("clash", (i, j), (i, j), within_limits=free)
    least = sum(min((s.credits or 0.0) for s in c) for c in courses)
    over = constraints.max_credits is not None and least > constraints.max_credits + 1e-9
    return probe.problem("credits" if over else "combination", (), range(len(courses)))
