"""The timetable eval's scoring fails what it must: a week with an overlap, an ineligible section, a broken
constraint, or a first week worse than the brute-force optimum; and the golden set is what the issue asks."""

from __future__ import annotations

from pathlib import Path

from agent.catalog.models import CourseSection, MeetingSlot
from agent.planner.search import Constraints, week_rank
from agent.timetable import Timetable
from evals.golden import load_many
from evals.timetable_scoring import TimetableGold, score_timetables

GOLDEN = Path(__file__).resolve().parents[2] / "evals" / "golden" / "timetable.jsonl"


def _s(code: str, day: str, start: int) -> CourseSection:
    return CourseSection(term="t", code=code, section="01", name=code, credits=3,
                         slots=[MeetingSlot(day=day, start=start, end=start + 75)])


A_MON, A_FRI, B_MON, B_TUE = _s("A", "월", 540), _s("A", "금", 540), _s("B", "월", 540), _s("B", "화", 540)
A_MON2 = A_MON.model_copy(update={"section": "02"})
B_LATE = _s("B", "월", 720).model_copy(update={"section": "02"})  # with A_MON: one day on campus, the optimum


def _gold(**constraints) -> TimetableGold:
    limits = Constraints(**constraints)
    best = min(week_rank(w, limits) for w in ([A_MON, B_TUE], [A_MON, B_LATE], [A_FRI, B_TUE]))
    return TimetableGold(courses=[[A_MON.id, A_FRI.id], [B_MON.id, B_TUE.id, B_LATE.id]], constraints=constraints,
                         feasible=True, optimum=list(best))


def _week(*sections: CourseSection, notes: list[str] | None = None) -> Timetable:
    return Timetable(sections=list(sections), notes=notes or [])


def test_the_optimal_valid_week_passes() -> None:
    assert score_timetables([_week(A_MON, B_LATE), _week(A_MON, B_TUE)], _gold()) == (True, True, [])


def test_an_overlap_an_ineligible_section_and_a_broken_day_off_fail() -> None:
    assert score_timetables([_week(A_MON, B_MON)], _gold())[0] is False
    assert score_timetables([_week(A_MON2, B_TUE)], _gold())[0] is False  # not among the eligible sections
    valid, _, problems = score_timetables([_week(A_MON, B_LATE)], _gold(exclude_days=("월",)))
    assert not valid and any("constraint" in p for p in problems)


def test_a_worse_first_week_is_not_optimal() -> None:
    valid, optimal, _ = score_timetables([_week(A_MON, B_TUE), _week(A_MON, B_LATE)], _gold())
    assert valid and not optimal


def test_an_infeasible_request_allows_only_the_marked_alternative() -> None:
    gold = TimetableGold(courses=[[A_MON.id], [B_MON.id]], feasible=False)
    assert score_timetables([], gold)[:2] == (True, True)
    assert score_timetables([_week(A_MON, notes=["대안: 요청 하나를 바꾼 시간표"])], gold)[:2] == (True, True)
    assert score_timetables([_week(A_MON, B_MON)], gold)[:2] == (False, False)


def test_the_golden_set_spans_the_catalogs_with_gold_for_every_case() -> None:
    cases = load_many([GOLDEN])
    assert len(cases) >= 30 and {c.catalog for c in cases} == {"sample", "ssu-2026-1", "sogang-2025-1"}
    for case in cases:
        gold = TimetableGold.model_validate(case.timetable)
        assert len(gold.courses) == len(case.gold_courses) and (gold.optimum is not None) == gold.feasible
    assert {c.timetable["feasible"] for c in cases} == {True, False}
