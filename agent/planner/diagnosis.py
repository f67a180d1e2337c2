"""Why no week of the requested courses exists (`diagnose`): the course with no section within the
constraints, the pair that clashes whichever sections are taken, or a credit cap the courses exceed; and which
single constraint to relax or course to drop would make a week possible (each a bounded probe of the search).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from agent.catalog.models import CourseSection
from agent.planner.search import _PROBE_STEPS, Constraints, Problem, _choices, _Search
from agent.timetable import NoWeek


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
