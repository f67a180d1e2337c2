"""Search mode plans a timetable end to end over the sample catalog (the real agent loop, tool and index), in
Korean and in English: the answer's weeks, its text and its sources agree with each other and the catalog."""

from __future__ import annotations

import itertools

from agent.catalog.models import CourseSection, hhmm
from tests.support.agent_inputs import turns

KOREAN = "자료구조, 운영체제, 회계원리 들을 건데 금요일 공강으로 시간표 짜줘"


def _overlap(a: CourseSection, b: CourseSection) -> bool:
    return any(x.day == y.day and x.start < y.end and y.start < x.end for x in a.slots for y in b.slots)


def _check_weeks(answer, sample_sections) -> None:
    """Each week: sections as the catalog has them, no overlaps, cited in the text and among the sources."""
    truth = {s.id: s for s in sample_sections}
    sources = {s.id for s in answer.sources}
    for week in answer.timetables:
        assert all(truth[s.id] == s for s in week.sections)
        assert not any(_overlap(a, b) for a, b in itertools.combinations(week.sections, 2))
        assert week.credits == sum(s.credits for s in week.sections)
        for section in week.sections:
            assert section.id in sources and section.code in answer.answer
    assert sources == {s.id for week in answer.timetables for s in week.sections}


def test_korean_request_plans_friday_free_weeks(sample_assistant, sample_sections) -> None:
    answer = sample_assistant.answer(KOREAN)
    assert answer.mode == "search" and len(answer.timetables) == 3
    _check_weeks(answer, sample_sections)
    for number, week in enumerate(answer.timetables, 1):
        assert {s.name for s in week.sections} == {"자료구조", "운영체제", "회계원리"}
        assert "금" not in week.days and "금요일 공강" in week.notes[0]
        assert f"{number}안 ({week.credits:g}학점): {', '.join(week.notes)}" in answer.answer
    assert answer.answer.startswith("자료구조, 운영체제, 회계원리 과목으로 시간이 겹치지 않는 시간표")
    assert "조건: 금요일 제외." in answer.answer


def test_english_request_plans_afternoon_weeks_in_english(sample_assistant, sample_sections) -> None:
    answer = sample_assistant.answer("make me a timetable with Data Structures and Linear Algebra, afternoons only")
    assert answer.timetables and "Option 1 (6 credits)" in answer.answer
    _check_weeks(answer, sample_sections)
    for week in answer.timetables:
        assert {s.name_en for s in week.sections} == {"Data Structures", "Linear Algebra"}
        assert all(slot.start >= 12 * 60 for s in week.sections for slot in s.slots)
        first = min(((slot.start, "월화수목금토일".index(slot.day)) for s in week.sections for slot in s.slots))
        assert any(note.startswith("starts ") and note.endswith(hhmm(first[0])) for note in week.notes)
        assert not any("요일" in note or "수업" in note for note in week.notes)  # worded in English


def test_english_request_with_no_week_says_why_and_what_to_relax(sample_assistant, sample_sections) -> None:
    algebra = [s for s in sample_sections if s.name == "선형대수학"]
    assert all(slot.start >= 12 * 60 for s in algebra for slot in s.slots)
    answer = sample_assistant.answer("make me a timetable with Data Structures and Linear Algebra, mornings only")
    assert "No section of Linear Algebra [선형대수학] meets the conditions (starting before 12:00)" in answer.answer
    assert 'Dropping "starting before 12:00" would make it possible.' in answer.answer
    # ... and the best week without that condition is offered, marked as the alternative and cited.
    [week] = answer.timetables
    assert week.notes[0] == "Alternative: one request changed" and "With that change" in answer.answer
    assert {s.name for s in week.sections} == {"자료구조", "선형대수학"}
    assert {s.id for s in answer.sources} == {s.id for s in week.sections}


def test_korean_request_with_clashing_courses_names_them(sample_assistant, sample_sections) -> None:
    by_code: dict[str, list[CourseSection]] = {}
    for section in sample_sections:
        by_code.setdefault(section.code, []).append(section)
    singles = [v[0] for v in by_code.values() if len(v) == 1 and v[0].slots and not v[0].graduate]
    a, b = next((a, b) for a, b in itertools.combinations(singles, 2) if _overlap(a, b))
    answer = sample_assistant.answer(f"{a.code}, {b.code} 시간표 짜줘")
    assert all(week.notes[0].startswith("대안") for week in answer.timetables)  # only a week with one course out
    assert f"{a.name}, {b.name} 두 과목은 어느 분반끼리 골라도 시간이 겹쳐요." in answer.answer
    assert "중 한 과목을 빼면" in answer.answer


async def test_the_stream_ends_with_the_weeks(sample_assistant) -> None:
    events = [event async for event in sample_assistant.astream(KOREAN)]
    done = events[-1]
    assert done.type == "done" and done.answer is not None and len(done.answer.timetables) == 3


def test_planning_again_with_another_condition_keeps_the_courses(sample_assistant) -> None:
    first = sample_assistant.answer("자료구조, 운영체제, 회계원리로 시간표 짜줘")
    history = turns(("user", "자료구조, 운영체제, 회계원리로 시간표 짜줘"), ("assistant", first.answer))
    again = sample_assistant.answer("월요일 공강으로 다시 짜줘", history)
    assert again.timetables and all("월" not in week.days for week in again.timetables)
    courses = {s.code for week in first.timetables for s in week.sections}
    assert all({s.code for s in week.sections} == courses for week in again.timetables)
