"""`plan_timetable`: weeks of classes built from the courses a student will take, one section of each, no
two meetings overlapping, the student's constraints kept (days off, start and end bounds, days a week, a
credit cap), the best few first; or, when there is none, which courses always clash and what to relax.

Courses resolve as `check_timetable` resolves them (codes, "CODE-NN", names, nicknames, a course with its own
section or conditions); the search is `agent.planner.search`, eligibility `agent.planner.eligibility`. The artifact carries the sections of the
weeks (as every tool's does) and the weeks themselves as `Timetable`s (the API's `timetables`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from langchain.tools import ToolRuntime
from langchain_core.tools import tool

from agent.catalog.models import CourseSection, hhmm
from agent.planner.eligibility import Exclusion, Student, parse_student_id, split_eligible
from agent.timetable import Timetable, note_text, week_notes
from tools.arguments import as_list, parse_days, parse_time, resolve_many
from tools.check_timetable import resolve_courses
from tools.context import CourseToolContext, ToolInputError
from tools.records import format_credits, sections_artifact, to_text
from agent.planner.diagnosis import diagnose
from agent.planner.search import PREFERENCES, Constraints, Option, Problem, plan_weeks

MAX_COURSES = 10
MAX_OPTIONS = 5


@tool("plan_timetable", response_format="content_and_artifact", parse_docstring=True)
def plan_timetable(
    courses: list[str], runtime: ToolRuntime[CourseToolContext], exclude_days: list[str] | str | None = None,
    start_after: str | None = None, start_before: str | None = None, end_before: str | None = None,
    max_days: int | None = None, max_credits: float | None = None, professors: list[str] | str | None = None,
    prefer: str | None = None, limit: int = 3, term: str | None = None, department: str | None = None,
    year: int | None = None, student_id: str | None = None, graduate: bool = False,
    min_credits: float | None = None, max_gap: int | None = None, english: bool = False,
    optional: list[str] | None = None,
) -> tuple[str, dict[str, Any]]:
    """들을 과목들로 시간이 겹치지 않는 시간표(과목마다 분반 하나)를 짜서 좋은 순서로 몇 가지 돌려줍니다. 조합이 없으면 항상 겹치는 과목 쌍과 완화할 조건을 알려 줍니다.

    Args:
        courses: 들을 과목 목록 (과목명, 약어, 과목번호; 분반 지정은 "CSE2010-02" 또는 "자료구조 2분반").
        exclude_days: 수업이 없어야 하는 요일 (예: 금공강이면 ["금"]).
        start_after: 모든 수업이 이 시각 이후에 시작 (HH:MM, 예: 오후만이면 "12:00").
        start_before: 모든 수업이 이 시각 이전에 시작 (HH:MM, 예: 오전만이면 "11:59").
        end_before: 모든 수업이 이 시각까지 끝남 (HH:MM, 예: "18:00").
        max_days: 일주일에 수업 있는 날의 최대 수 (1~6, 예: "주 3일만"이면 3).
        max_credits: 총 학점 상한 (예: 18).
        min_credits: 총 학점 하한 (예: "15~18학점"이면 min_credits 15, max_credits 18).
        max_gap: 하루 중 수업 사이 빈 시간의 최대 길이(분) (예: "공강 2시간 넘지 않게"면 120).
        english: 영어강의 분반을 우선 (선호, 필수 아님).
        optional: 넣을 수 있으면 넣을 과목 (학점 채우기용; max_credits 안에서 많이 넣은 안이 먼저).
        professors: 되도록 이 교수님의 분반으로 (선호, 필수 아님).
        prefer: 순위 기준: "balanced"(기본: 등교 일수와 수업 사이 빈 시간을 함께), "fewest_days"(등교 일수
            적게), "fewest_gaps"(빈 시간 적게), "late_start"(늦게 시작), "early_finish"(일찍 끝남).
        limit: 돌려받을 시간표 수 (1~5, 기본 3).
        term: 학기 (예: "2026-1"). 비우면 기본 학기.
        department: 학생의 학과 (예: "컴퓨터학부"). 주면 수강대상·대상외수강제한을 그 학과 기준으로 판단하고,
            비우면 대상외수강제한 분반은 모두 뺍니다.
        year: 학생의 학년 (1~6). 주면 특정 학년만 들을 수 있는 분반 중 맞지 않는 것을 뺍니다.
        student_id: 학번 또는 그 끝자리, "홀수"/"짝수" (서강대 홀짝구분 분반을 가릴 때).
        graduate: 대학원생이면 true (기본 false: 대학원 과정 분반은 뺍니다).

    빠진 분반은 결과의 excluded에 이유와 함께 있습니다. 답할 때 빠진 분반이 있으면 그 이유를 꼭 말해 주세요.
    """
    ctx: CourseToolContext = runtime.context
    resolved_term = ctx.resolve_term(term)
    constraints = _constraints(ctx, resolved_term, locals())
    _check_limit(limit)
    requested, wished = _resolved(courses, optional, ctx, resolved_term)
    student = _student(department, year, student_id, graduate)
    if not student.departments:
        student = replace(student, departments=shared_department(requested))
    return _planned(requested, wished, constraints, student, limit, assumed=not department)


Requested = list[tuple[str, list[CourseSection]]]


def _resolved(courses: list[str], optional: list[str] | str | None, ctx: CourseToolContext,
              term: str | None) -> tuple[Requested, Requested]:
    """The courses asked for and the nice-to-have ones, each resolved to its sections (errors name them)."""
    items = [str(c).strip() for c in (courses or []) if str(c).strip()]
    if not items:
        raise ToolInputError("courses: 시간표에 넣을 과목을 1개 이상 주세요.")
    if len(items) > MAX_COURSES:
        raise ToolInputError(f"courses: 한 번에 {MAX_COURSES}과목까지만 시간표를 짤 수 있습니다 ({len(items)}개를 받았습니다).")
    extras = [str(c).strip() for c in as_list(optional) if str(c).strip()]
    if len(items) + len(extras) > MAX_COURSES:
        raise ToolInputError(f"optional: courses와 합쳐 {MAX_COURSES}과목까지만 시간표를 짤 수 있습니다.")
    try:
        return resolve_courses(items, ctx, term), (resolve_courses(extras, ctx, term) if extras else [])
    except ToolInputError as exc:
        raise ToolInputError(f"courses: {exc}") from None


def _planned(requested: Requested, wished: Requested, constraints: Constraints, student: Student, limit: int,
             assumed: bool) -> tuple[str, dict[str, Any]]:
    """The weeks (or why there is none, with the best week after one change), as the tool returns them."""
    split = [split_eligible(sections, student) for _, sections in [*requested, *wished]]
    candidates = [kept for kept, _ in split[:len(requested)]]
    excluded = [e for _, left in split for e in left]
    outcome = plan_weeks(candidates, constraints, limit, [kept for kept, _ in split[len(requested):]])
    timetables = [_timetable(option, constraints) for option in outcome.options]
    payload: dict[str, Any] = {
        "courses": [_course_record(text, sections, constraints) for text, sections in requested],
        **({"optional": [_course_record(t, s, constraints) for t, s in wished]} if wished else {}),
        "constraints": _constraints_record(constraints),
        "found": outcome.found,
        "timetables": [_timetable_record(i, t) for i, t in enumerate(timetables, 1)],
    }
    if excluded:
        payload["excluded"] = [_exclusion_record(e) for e in excluded]
    if student.departments and assumed:
        payload["assumed_department"] = ", ".join(student.departments)
    if outcome.truncated:
        payload["note"] = "조합이 많아 일부만 살펴봤습니다. 조건을 더 주면 더 좁혀 찾을 수 있습니다."
    problem = None if timetables or outcome.truncated else diagnose(candidates, constraints)
    alternative = _alternative(problem, candidates, constraints) if problem is not None else None
    if problem is not None:
        payload["problem"] = _problem_record(problem, requested, constraints)
    if alternative is not None:
        payload["alternative"] = _timetable_record(1, alternative)
    shown = [s for t in [*timetables, *([alternative] if alternative else [])] for s in t.sections]
    shown = shown or _problem_sections(problem, candidates)
    return to_text(payload), sections_artifact(
        "timetable_plan", list({s.id: s for s in shown}.values()), timetables=timetables, found=outcome.found,
        truncated=outcome.truncated, exact_count=outcome.exact_count, constraints=constraints, problem=problem,
        courses=[sections[0] for _, sections in requested], excluded=excluded, alternative=alternative,
    )


def _alternative(problem: Problem, candidates: list[list[CourseSection]], constraints: Constraints
                 ) -> Timetable | None:
    """The best week once the one change the diagnosis names is made: the first constraint to relax, else the
    first course to drop (its sections left out of the week). None when no single change helps."""
    if problem.relax:
        relaxed = constraints.without(problem.relax[0])
        outcome = plan_weeks(candidates, relaxed, 1)
        return _timetable(outcome.options[0], relaxed) if outcome.options else None
    if problem.drop:
        rest = [c for i, c in enumerate(candidates) if i != problem.drop[0]]
        outcome = plan_weeks(rest, constraints, 1)
        return _timetable(outcome.options[0], constraints) if outcome.options else None
    return None


def _constraints(ctx: CourseToolContext, term: str | None, args: dict[str, Any]) -> Constraints:
    """The tool's constraint arguments, each checked (a bad one is an error naming it)."""
    max_days, max_credits, prefer = args["max_days"], args["max_credits"], args["prefer"] or "balanced"
    min_credits, max_gap = _credits_floor(args["min_credits"], max_credits), _gap(args["max_gap"])
    whole = isinstance(max_days, int) and not isinstance(max_days, bool)
    if max_days is not None and not (whole and 1 <= max_days <= 6):
        raise ToolInputError(f"max_days는 1에서 6 사이의 정수여야 합니다: {max_days!r}")
    number = isinstance(max_credits, (int, float)) and not isinstance(max_credits, bool)
    if max_credits is not None and not (number and 0 < max_credits <= 40):
        raise ToolInputError(f"max_credits는 0보다 크고 40 이하인 학점이어야 합니다: {max_credits!r}")
    if prefer not in PREFERENCES:
        raise ToolInputError(f"prefer 값 '{prefer}'을(를) 모릅니다. 쓸 수 있는 값: {', '.join(PREFERENCES)}")
    named = as_list(args["professors"])
    professors = resolve_many(named, ctx.index.vocabulary(term).professors, "professors(교수)") if named else []
    return Constraints(
        exclude_days=tuple(parse_days(args["exclude_days"], "exclude_days")),
        start_after=parse_time(args["start_after"], "start_after"),
        start_before=parse_time(args["start_before"], "start_before"),
        end_before=parse_time(args["end_before"], "end_before"),
        max_days=max_days, max_credits=float(max_credits) if max_credits is not None else None,
        min_credits=min_credits, max_gap=max_gap, english=bool(args["english"]),
        professors=tuple(professors), prefer=prefer,  # type: ignore[arg-type]
    )


def _credits_floor(value: Any, cap: Any) -> float | None:
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if value is not None and not (number and 0 < value <= 40):
        raise ToolInputError(f"min_credits는 0보다 크고 40 이하인 학점이어야 합니다: {value!r}")
    if value is not None and isinstance(cap, (int, float)) and value > cap:
        raise ToolInputError(f"min_credits({value:g})가 max_credits({cap:g})보다 큽니다.")
    return float(value) if value is not None else None


def _gap(value: Any) -> int | None:
    whole = isinstance(value, int) and not isinstance(value, bool)
    if value is not None and not (whole and 0 <= value <= 720):
        raise ToolInputError(f"max_gap은 0에서 720 사이의 분이어야 합니다: {value!r}")
    return value


def shared_department(requested: list[tuple[str, list[CourseSection]]]) -> tuple[str, ...]:
    """The department every requested course is offered by, when there is one and more than one course: the
    student's, most likely (a student asking for 자료구조, 운영체제 and 데이터베이스 of AI소프트웨어학부 is in it),
    so a section restricted to its students stays. The payload says this was assumed."""
    if len(requested) < 2:
        return ()
    shared = set.intersection(*[{s.department for s in sections if s.department} for _, sections in requested])
    return tuple(sorted(shared))


def _student(department: str | None, year: int | None, student_id: str | None, graduate: bool) -> Student:
    """The student's side of eligibility, each argument checked."""
    whole = isinstance(year, int) and not isinstance(year, bool)
    if year is not None and not (whole and 1 <= year <= 6):
        raise ToolInputError(f"year는 1에서 6 사이의 학년이어야 합니다: {year!r}")
    try:
        digit = parse_student_id(student_id)
    except ValueError as exc:
        raise ToolInputError(str(exc)) from None
    departments = tuple(d.strip() for d in (department or "").split(",") if d.strip())
    return Student(departments=departments, year=year, id_digit=digit, graduate=bool(graduate))


_REASON_TEXT = {"level": "대학원 과정", "restricted": "수강대상 제한", "year": "학년 제한", "parity": "학번 홀짝 구분"}


def _exclusion_record(item: Exclusion) -> dict[str, Any]:
    s = item.section
    return {"code": s.code, "section": s.section or None, "name": s.name,
            "reason": _REASON_TEXT[item.reason], "rule": item.rule}


def _check_limit(limit: int | None) -> None:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_OPTIONS:
        raise ToolInputError(f"limit은 1에서 {MAX_OPTIONS} 사이여야 합니다: {limit!r}")


def _timetable(option: Option, constraints: Constraints) -> Timetable:
    notes = [note_text(note, "ko") for note in week_notes(option.sections, constraints.professors)]
    days = list(option.week.days)
    return Timetable(sections=list(option.sections), credits=option.credits, days=days, notes=notes)


def _timetable_record(number: int, timetable: Timetable) -> dict[str, Any]:
    sections = [
        {"code": s.code, "section": s.section or None, "name": s.name,
         "professors": ", ".join(s.professors) or None, "schedule": s.schedule_label()}
        for s in timetable.sections
    ]
    return {"option": number, "days": timetable.days, "total_credits": format_credits(timetable.credits),
            "notes": timetable.notes, "sections": sections}


def _course_record(text: str, sections: list[CourseSection], constraints: Constraints) -> dict[str, Any]:
    return {"requested": text, "name": sections[0].name, "code": sections[0].code, "sections": len(sections),
            "sections_meeting_constraints": sum(constraints.admits(s) for s in sections)}


def _constraints_record(constraints: Constraints) -> dict[str, Any]:
    record: dict[str, Any] = {name: getattr(constraints, name) for name in constraints.active()}
    for name in ("start_after", "start_before", "end_before"):
        if name in record:
            record[name] = hhmm(record[name])
    if constraints.professors:
        record["professors"] = list(constraints.professors)
    if constraints.english:
        record["english"] = True
    return {**record, "prefer": constraints.prefer}


_PROBLEM_TEXT = {
    "no_section": "'{a}'에는 조건에 맞는 분반이 없습니다.",
    "clash": "'{a}'와(과) '{b}'는 어느 분반끼리 골라도 시간이 겹칩니다.",
    "credits": "과목들의 학점 합이 max_credits를 넘습니다.",
    "combination": "두 과목씩은 맞출 수 있지만 모든 과목을 함께 넣는 조합은 없습니다.",
}


def _problem_record(problem: Problem, requested: list[tuple[str, list[CourseSection]]],
                    constraints: Constraints) -> dict[str, Any]:
    """Why no week exists, for the model: the courses at fault, the constraints to relax or courses to
    drop."""
    names = [requested[i][1][0].name for i in problem.courses]
    a, b = [*names, "", ""][:2]
    text = _PROBLEM_TEXT[problem.kind].format(a=a, b=b)
    if problem.within_limits:
        text = text.replace("어느 분반끼리", "조건에 맞는 분반끼리는 어느 것을")
    if problem.relax:
        text += f" 이 조건 중 하나를 빼면 가능합니다: {', '.join(problem.relax)}."
    elif problem.drop:
        text += f" 이 과목 중 하나를 빼면 가능합니다: {', '.join(requested[i][1][0].name for i in problem.drop)}."
    elif not problem.sure:
        text += " 조합이 많아 조건 하나나 과목 하나를 빼면 되는지는 다 확인하지 못했습니다."
    else:
        text += " 조건 하나나 과목 하나만 빼서는 해결되지 않습니다."
    return {"kind": problem.kind, "courses": names, "relax": list(problem.relax),
            "drop": [requested[i][1][0].name for i in problem.drop], "message": text}


def _problem_sections(problem: Problem | None, candidates: list[list[CourseSection]]) -> list[CourseSection]:
    """What an answer without a week cites: the sections of the courses at fault."""
    if problem is None or not problem.courses:
        return []
    return [s for i in problem.courses for s in candidates[i]]
