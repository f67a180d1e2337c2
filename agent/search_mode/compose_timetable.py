"""Search mode: the answer plan for a planned timetable (`plan_timetable`), and the weeks it returns.

A lead naming the courses, how many weeks were found and with which limits, then one block per week (its
notes in the lead, its sections as bullets); or, when no week exists, why and what to relax. The weeks also
travel as `Timetable`s with notes in the answer's language (`answer_timetables`), which the assistant returns
as the API's `timetables`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters
from agent.planner.eligibility import Exclusion, by_course
from agent.search_mode.answer_plan import (
    AnswerPlan,
    Block,
    PlanLimits,
    TimetableCheck,
    TimetableImpossible,
    TimetableOption,
    TimetablePlans,
)
from agent.search_mode.intent import Language
from agent.search_mode.outcomes import ToolOutcome
from agent.search_mode.sections import MAX_SECTIONS, dedupe
from agent.timetable import NoWeek, Timetable, checked_week, note_text, week_notes

_CONDITIONS = ("exclude_days", "start_after", "start_before", "end_before")


def compose_timetable_plan(outcome: ToolOutcome) -> AnswerPlan:
    """The weeks `plan_timetable` found, best first, or why there is none."""
    artifact: dict[str, Any] = outcome.artifact if isinstance(outcome.artifact, dict) else {}
    courses = tuple(s for s in artifact.get("courses", []) if isinstance(s, CourseSection))
    constraints = artifact.get("constraints")
    limits = _limits(constraints)
    professors = tuple(getattr(constraints, "professors", ()) or ())
    weeks = [t for t in artifact.get("timetables", []) if isinstance(t, Timetable)]
    problem = artifact.get("problem")
    excluded = tuple(by_course([e for e in artifact.get("excluded", []) if isinstance(e, Exclusion)]))
    if not weeks and isinstance(problem, NoWeek):
        plan = _impossible(problem, courses, limits, outcome.sections, excluded)
        other = artifact.get("alternative")
        return _with_alternative(plan, other, professors) if isinstance(other, Timetable) else plan
    found, truncated = int(artifact.get("found") or 0), bool(artifact.get("truncated"))
    exact = bool(artifact.get("exact_count", True))
    blocks = [Block(TimetablePlans(courses, len(weeks), found, limits, truncated, excluded, exact))]
    for number, week in enumerate(weeks, 1):
        notes = tuple(week_notes(week.sections, professors))
        lead = TimetableOption(number, tuple(week.days), week.credits, notes)
        blocks.append(Block(lead, tuple(week.sections)))
    cited = dedupe([s for week in weeks for s in week.sections])
    return AnswerPlan(tuple(blocks), cited=tuple(cited))


def _limits(constraints: Any) -> PlanLimits:
    """The tool's constraints as the answer states them."""
    if constraints is None:
        return PlanLimits()
    values = {name: getattr(constraints, name) for name in _CONDITIONS}
    conditions = SearchFilters(
        exclude_days=list(values["exclude_days"]), start_after=values["start_after"],
        start_before=values["start_before"], end_before=values["end_before"],
        professors=list(constraints.professors),
    )
    kept = None if conditions.is_empty() else conditions
    return PlanLimits(kept, constraints.max_days, constraints.max_credits, getattr(constraints, "min_credits", None),
                      getattr(constraints, "max_gap", None), bool(getattr(constraints, "english", False)))


def _impossible(problem: NoWeek[int], courses: tuple[CourseSection, ...], limits: PlanLimits,
                sections: list[CourseSection], excluded: tuple = ()) -> AnswerPlan:
    """No week: why, what to relax or drop, and the sections of the courses at fault as bullets."""
    named = lambda positions: tuple(courses[i] for i in positions if 0 <= i < len(courses))  # noqa: E731
    why = replace(problem, courses=named(problem.courses), drop=named(problem.drop))
    bullets = tuple(sections[:MAX_SECTIONS])
    return AnswerPlan((Block(TimetableImpossible(courses, limits, why, excluded), bullets),), cited=bullets)


def _with_alternative(plan: AnswerPlan, week: Timetable, professors: tuple[str, ...]) -> AnswerPlan:
    """The impossible answer followed by the best week with the one change it names (its sections as bullets,
    instead of the clashing courses' sections)."""
    lead = TimetableOption(1, tuple(week.days), week.credits, tuple(week_notes(week.sections, professors)),
                           alternative=True)
    first = replace(plan.blocks[0], bullets=())
    return AnswerPlan((first, Block(lead, tuple(week.sections))), cited=tuple(dedupe(list(week.sections))))


_ALTERNATIVE = {"ko": "대안: 요청 하나를 바꾼 시간표", "en": "Alternative: one request changed"}


def answer_timetables(answer: AnswerPlan, lang: Language) -> list[dict[str, Any]]:
    """The weeks of an answer as the API returns them (`Timetable`, notes in the answer's language)."""
    weeks: list[dict[str, Any]] = []
    for block in answer.blocks:
        lead = block.lead
        if isinstance(lead, TimetableOption):
            notes = [_ALTERNATIVE[lang]] * lead.alternative + [note_text(note, lang) for note in lead.notes]
            days: list[Any] = list(lead.days)  # the days the week's own sections meet on
            week = Timetable(sections=list(block.bullets), credits=lead.credits, days=days, notes=notes)
            weeks.append(week.model_dump(mode="json"))
        elif isinstance(lead, TimetableCheck) and block.bullets:  # a check: the week it checked, overlaps named
            weeks.append(checked_week(block.bullets, lang).model_dump(mode="json"))
    return weeks
