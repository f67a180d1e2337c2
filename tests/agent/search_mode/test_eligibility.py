"""May a student of one department take a course? The student's department is context, never a filter; the
answer quotes the catalog's rule for each section and says plainly what it means for that department, or that
the catalog states no rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agent.catalog.loader import load_catalog
from agent.catalog.models import CourseSection
from agent.catalog.registration import names, verdict
from agent.index.base import Vocabulary
from agent.query import parse_question
from agent.search_mode.planning import plan_turn
from tests.support.agent_inputs import search_settings, turns

VOCAB = Vocabulary(departments=["해양학과", "천문우주학과", "조경학과", "경제학과"], course_names=["파도역학", "별의일생"])


def _section(**fields: object) -> CourseSection:
    fixed = {"term": "2030-1", "code": "SEA2001", "section": "01", "name": "파도역학"}
    return CourseSection(**fixed, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("question", "department"), [
    ("해양학과인데 별의일생 들어도 돼?", "해양학과"), ("천문우주학과 학생이 파도역학 수강 가능해?", "천문우주학과"),
    ("조경학과라서 파도역학 들을 수 있는지 궁금해", "조경학과"), ("can an astronomy student take 파도역학?", None),
    ("해양학과생인데 별의일생 수강 가능해?", "해양학과"), ("해양학과 3학년인데 별의일생 들어도 돼?", "해양학과"),
    ("나 조경학과야. 파도역학 들을 수 있어?", "조경학과"), ("천문우주학과도 파도역학 들을 수 있어?", "천문우주학과"),
    ("As an economics student, can I take 파도역학?", "경제학과"), ("can an economics major take 별의일생?", "경제학과"),
    ("해양학과 1전공인데 별의일생 들을 수 있어?", "해양학과"), ("조경학과 복수전공자라서 파도역학 수강 가능해?", "조경학과"),
    ("천문우주학과 제2전공인데 파도역학 들어도 돼?", "천문우주학과"),
])
def test_the_students_department_is_context_not_a_condition(question: str, department: str | None) -> None:
    parsed = parse_question(question, VOCAB)
    assert parsed.filters.departments == [] and parsed.filters.year is None  # "3학년인데": theirs too
    if department:
        assert parsed.student_departments == [department]
    plan = plan_turn(question, (), VOCAB)
    assert "restrictions" in plan.focus and plan.calls[0].name == "search_courses"
    assert "departments" not in plan.calls[0].args


def test_a_department_asked_about_stays_a_condition() -> None:
    assert parse_question("해양학과 수업 뭐 있어?", VOCAB).filters.departments == ["해양학과"]
    assert parse_question("해양학과도 개설하는 수업", VOCAB).filters.departments == ["해양학과"]
    assert parse_question("파도역학 해양학과야?", VOCAB).filters.departments == ["해양학과"]
    assert parse_question("3학년 해양학과 전공", VOCAB).filters.year == 3
    assert plan_turn("해양학과인데 파도역학 누가 가르쳐?", (), VOCAB).focus == ["professor"]  # not asked: not answered


@pytest.mark.parametrize(("unit", "department", "named"), [
    ("해양학과", "해양학과", True), ("해양", "해양학과", True), ("자연과학대학", "해양학과", False),
    ("해양대학", "해양학과", True), ("조경", "천문우주학과", False), ("천문우주학부(우주전공)", "천문우주학과", True),
])
def test_which_units_name_a_department(unit: str, department: str, named: bool) -> None:
    assert names(unit, [department]) is named


def test_every_rule_saying_the_same_is_quoted() -> None:
    # the unit list and the remark both exclude the department: the answer quotes both as written
    section = _section(restrictions="해양학과(1전공 불가능)\n1전공 해양 학생 수강 불가\n3학년 우선")
    found = verdict(section, ["해양학과"])
    assert (found.kind, found.first_major) == ("excluded", True)
    assert found.rule == "해양학과(1전공 불가능) / 1전공 해양 학생 수강 불가"


@pytest.mark.parametrize(("fields", "kind", "flags"), [
    ({"restrictions": "해양학과(불가능)"}, "excluded", ()),
    ({"restrictions": "천문우주학과(가능),해양학과(1전공 불가능)"}, "excluded", ("first_major",)),
    ({"restrictions": "해양학과(1전공 가능)", "restricted_to_target": True}, "allowed", ("first_major",)),
    ({"restrictions": "조경학과,천문우주학과(가능)", "restricted_to_target": True}, "others_only", ()),
    ({"restrictions": "이과대학(가능)", "restricted_to_target": True}, "others_only", ("broad",)),
    ({"restrictions": "조경학과(불가능)"}, "unaffected", ()),
    ({"restrictions": "이과대학 수강불가"}, "unaffected", ("broad",)),
    ({"restrictions": "해양 수강제한"}, "excluded", ()),
    ({"restrictions": "해양학과만 수강가능"}, "allowed", ()),
    ({"restrictions": "대상외수강제한", "restricted_to_target": True, "target": "3학년 해양 (대상외수강제한)"}, "allowed", ()),
    ({"restrictions": "대상외수강제한", "restricted_to_target": True, "target": "3학년 조경 (대상외수강제한)"},
     "others_only", ()),
    ({"restrictions": "타과생 수강 불가", "department": "조경학과"}, "excluded", ()),
    ({"restrictions": "타과생 수강 불가", "department": "해양학과"}, "allowed", ()),
    ({"restrictions": "3학년 우선 신청"}, "unaffected", ()),
    ({}, "no_rule", ()),
])
def test_what_a_rule_says_of_the_students_department(fields: dict, kind: str, flags: tuple[str, ...]) -> None:
    found = verdict(_section(**fields), ["해양학과"])
    assert found.kind == kind
    assert found.first_major is ("first_major" in flags) and found.broad is ("broad" in flags)
    assert kind == "no_rule" or found.rule  # the rule is quoted as the catalog writes it


@pytest.fixture(scope="module")
def sogang(sogang_index):
    from agent.assistant import CourseAssistant

    return CourseAssistant.from_settings(search_settings(), index=sogang_index)


@pytest.fixture(scope="module")
def sogang_sections(shared_data: Path) -> list[CourseSection]:
    return load_catalog(shared_data / "sogang-2025-1.csv").sections


def _excluding(sections: list[CourseSection], department: str) -> CourseSection:
    """A section whose 수강신청 참조사항 names `department` as not allowed (not only as a first major)."""
    return next(s for s in sections if f"{department}(불가능)" in (s.restrictions or "") and s.slots
                and re.fullmatch("[가-힣]+", s.name))  # an English question names it as the catalog does


@pytest.mark.slow
def test_a_rule_that_names_the_department_as_excluded(sogang, sogang_sections) -> None:
    section = _excluding(sogang_sections, "컴퓨터공학과")
    answer = sogang.answer(f"컴공 학생이 {section.name} 수강 가능해?")
    assert "컴퓨터공학과(불가능)" in answer.answer and "컴퓨터공학과 학생은" in answer.answer
    assert "수강할 수 없어요" in answer.answer and section.code in {s.code for s in answer.sources}
    english = sogang.answer(f"Can a CS major take {section.name}?")
    assert "may not take" in english.answer and "컴퓨터공학과(불가능)" in english.answer


@pytest.mark.slow
def test_a_first_major_rule_by_section(sogang, sogang_sections) -> None:
    """Sogang's 자료구조 is two codes: each excludes the other department's first majors."""
    answer = sogang.answer("경영학과인데 자료구조 들어도 돼?")
    assert "경영학부(경영학전공) 학생의 자료구조 수강을 막지 않아요" in answer.answer
    computing = sogang.answer("컴퓨터공학과 학생인데 자료구조 신청 가능?")
    assert "컴퓨터공학과를 1전공으로 하는 학생은 자료구조를 수강할 수 없어요" in computing.answer
    ruled = {s.code for s in sogang_sections if s.name == "자료구조" and "컴퓨터공학과(1전공" in (s.restrictions or "")}
    line = next(line for line in computing.answer.splitlines() if "1전공으로 하는" in line)
    assert ruled and all(code in line for code in ruled)


@pytest.mark.slow
def test_no_rule_is_said(sogang, sogang_sections) -> None:
    free = next(s for s in sogang_sections if not s.restrictions and not s.restricted_to_target and s.slots
                and sum(x.name == s.name for x in sogang_sections) == 1)
    answer = sogang.answer(f"경제학과인데 {free.name} 들어도 돼?")
    assert "수강 제한이 적혀 있지 않아요" in answer.answer and [s.code for s in answer.sources] == [free.code]


def test_a_college_rule_is_said_as_a_condition(sample_assistant) -> None:
    """The sample's 컴퓨팅사고와코딩 says "공과대학 수강불가": whether 컴퓨터공학과 belongs to it is not in the catalog."""
    answer = sample_assistant.answer("컴퓨터공학과인데 컴퓨팅사고와코딩 들어도 돼?")
    assert "'공과대학 수강불가'라고 적혀 있어요" in answer.answer and "여기에 속하면" in answer.answer


def test_a_follow_up_asks_about_the_course_just_named(sample_assistant) -> None:
    first = sample_assistant.answer("강화학습세미나 누가 가르쳐?")
    answer = sample_assistant.answer("경영학과 학생인데 그거 들어도 돼?",
                                     turns(("user", "강화학습세미나 누가 가르쳐?"), ("assistant", first.answer)))
    assert "'박사과정생만 수강가능'이라고 적혀 있어요" in answer.answer and "경영학과는 적혀 있지 않아요" in answer.answer


@pytest.mark.slow
def test_soongsil_target_students(ssu_index) -> None:
    from agent.assistant import CourseAssistant

    assistant = CourseAssistant.from_settings(search_settings(), index=ssu_index)
    answer = assistant.answer("경영학부 학생인데 컴퓨터학개론 들어도 돼?")
    assert "1학년 컴퓨터 (대상외수강제한)" in answer.answer and "경영학부는 적혀 있지 않아요" in answer.answer
    own = assistant.answer("컴퓨터학부 학생인데 컴퓨터학개론 들어도 돼?")
    assert "컴퓨터학부 학생은 컴퓨터학개론을 수강할 수 있어요" in own.answer
