"""Scoring a planned timetable against its gold (`GoldenCase.timetable`, computed by brute force in
`evals/golden/build_timetable.py`).

The gold holds, per requested course, the ids of the sections the student may take (eligibility applied),
the constraints the question states and the optimum of the planner's documented score
(`agent.planner.search.week_rank`) over every combination, or `feasible: false` when none exists.

- `timetable_valid`: every returned week takes exactly one eligible section of each course, no two meetings
  overlap, and every stated constraint holds (days off, start and end bounds, days a week, credit cap); an
  infeasible case is valid when no week is returned as fitting it (a week marked "대안" / "Alternative",
  with one request changed, may be offered).
- `timetable_optimal`: the first week's score equals the gold optimum (an infeasible case: no week).
"""

from __future__ import annotations

import itertools
from typing import Any

from pydantic import BaseModel, Field

from agent.catalog.models import CourseSection
from agent.planner.search import Constraints, week_rank


class TimetableGold(BaseModel):
    courses: list[list[str]] = Field(description="per course, the ids of the sections the student may take")
    optional: list[list[str]] = Field(default_factory=list, description="the same for nice-to-have courses")
    constraints: dict[str, Any] = Field(default_factory=dict, description="`Constraints` fields the question states")
    feasible: bool
    optimum: list[float] | None = Field(default=None, description="week_rank of the best week (feasible only)")


def overlaps(a: CourseSection, b: CourseSection) -> bool:
    return any(x.day == y.day and x.start < y.end and y.start < x.end for x in a.slots for y in b.slots)


def constraints_of(gold: TimetableGold) -> Constraints:
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in gold.constraints.items()}
    return Constraints(**values)


def week_problems(sections: list[CourseSection], gold: TimetableGold) -> list[str]:
    """What is wrong with one week (empty: valid)."""
    limits = constraints_of(gold)
    problems: list[str] = []
    for i, allowed in enumerate(gold.courses):
        taken = [s for s in sections if s.id in allowed]
        if len(taken) != 1:
            problems.append(f"course {i + 1}: {len(taken)} eligible sections taken")
    for i, allowed in enumerate(gold.optional):
        if sum(s.id in allowed for s in sections) > 1:
            problems.append(f"nice-to-have course {i + 1}: more than one section")
    known = {i for ids in [*gold.courses, *gold.optional] for i in ids}
    problems += [f"{s.id} is no eligible section of a course asked for" for s in sections if s.id not in known]
    problems += [f"overlap {a.id} / {b.id}" for a, b in itertools.combinations(sections, 2) if overlaps(a, b)]
    problems += [f"{s.id} breaks a day or time constraint" for s in sections if not limits.admits(s)]
    return problems + week_breaks(sections, limits)


def week_breaks(sections: list[CourseSection], limits: Constraints) -> list[str]:
    """The week-wide constraints a week breaks (days a week, credits, the longest idle stretch), computed
    here from the slots, apart from the planner's own code."""
    problems: list[str] = []
    days = {slot.day for s in sections for slot in s.slots}
    if limits.max_days is not None and len(days) > limits.max_days:
        problems.append(f"{len(days)} days > {limits.max_days}")
    credits = sum(s.credits or 0 for s in sections)
    if limits.max_credits is not None and credits > limits.max_credits + 1e-9:
        problems.append(f"{credits} credits > {limits.max_credits}")
    if limits.min_credits is not None and credits < limits.min_credits - 1e-9:
        problems.append(f"{credits} credits < {limits.min_credits}")
    for day in days:
        meetings = sorted((m.start, m.end) for s in sections for m in s.slots if m.day == day)
        idle = [later[0] - earlier[1] for earlier, later in itertools.pairwise(meetings)]
        if limits.max_gap is not None and idle and max(idle) > limits.max_gap:
            problems.append(f"{max(idle)} idle minutes on {day} > {limits.max_gap}")
    return problems


def score_timetables(weeks: list[Any], gold: TimetableGold) -> tuple[bool, bool, list[str]]:
    """(valid, optimal, problems) of the weeks an answer returned (`Timetable`s)."""
    if not gold.feasible:  # only a week marked as the alternative (one request changed) may come back
        offered = [w for w in weeks if not (w.notes and w.notes[0].startswith(("대안", "Alternative")))]
        ok = not offered
        return ok, ok, [] if ok else [f"{len(offered)} weeks returned as fitting an infeasible request"]
    if not weeks:
        return False, False, ["no week returned"]
    problems = [f"week {n}: {p}" for n, week in enumerate(weeks, 1) for p in week_problems(list(week.sections), gold)]
    optional = [i for ids in gold.optional for i in ids]
    best = list(week_rank(list(weeks[0].sections), constraints_of(gold), optional))
    optimal = gold.optimum is not None and [float(x) for x in best] == [float(x) for x in gold.optimum]
    if not optimal:
        problems.append(f"best week scores {best}, the optimum is {gold.optimum}")
    return not any(p.startswith("week") for p in problems), optimal, problems


def score_case_timetables(gold: dict[str, Any], answer: Any, result: Any) -> None:
    """Fill a planning case's `timetable_*` fields of `result` (an `evals.scoring.CaseResult`). An infeasible
    case cites the week it offers or the courses at fault, not every course: its recall is not scored."""
    weeks = list(answer.timetables) if answer is not None else []
    result.timetable_valid, result.timetable_optimal, result.timetable_problems = score_timetables(
        weeks, TimetableGold.model_validate(gold))
    if not gold.get("feasible", True):
        v = result.verdicts
        v.recall = v.mrr = v.false_abstention = None
