"""Which sections the planner leaves out, on rows as the real catalogs write them: Soongsil's 수강대상 with
"(대상외수강제한)", Sogang's 홀짝구분 and 수강신청 참조사항, graduate levels."""

from __future__ import annotations

import pytest

from agent.catalog.models import CourseSection
from agent.planner.eligibility import Student, by_course, exclusion, parse_student_id, split_eligible


def _row(**fields) -> CourseSection:
    return CourseSection(term="t", code=fields.pop("code", "A"), name=fields.pop("name", "자료구조"), **fields)


SSU_CS_ONLY = _row(department="컴퓨터학부", restricted_to_target=True, target="2학년 컴퓨터 (대상외수강제한)")
SSU_OPEN = _row(department="컴퓨터학부", target="전체학년 컴퓨터")
SOGANG_EVEN = _row(section="01", student_id_digits="[2,4,6,8,0]")
GRAD = _row(level="석사")
SOGANG_ALLOWED = _row(restricted_to_target=True, restrictions="경영학과(가능)")


def test_an_undergraduate_never_gets_a_graduate_section() -> None:
    assert exclusion(GRAD, Student()).reason == "level"
    assert exclusion(GRAD, Student(graduate=True)) is None


def test_a_section_only_for_named_students() -> None:
    assert exclusion(SSU_CS_ONLY, Student()).reason == "restricted"  # department unknown: not assumed in
    assert exclusion(SSU_CS_ONLY, Student(departments=("경영학부",))).rule == "2학년 컴퓨터 (대상외수강제한)"
    assert exclusion(SSU_CS_ONLY, Student(departments=("컴퓨터학부",))) is None
    assert exclusion(SSU_OPEN, Student()) is None  # a target without the restriction is advice, not a rule
    assert exclusion(SOGANG_ALLOWED, Student(departments=("경영학부",))) is None
    assert exclusion(SOGANG_ALLOWED, Student(departments=("물리학과",))).reason == "restricted"


def test_a_year_restriction_holds_when_the_year_is_known() -> None:
    assert exclusion(SSU_CS_ONLY, Student(departments=("컴퓨터학부",), year=3)).reason == "year"
    assert exclusion(SSU_CS_ONLY, Student(departments=("컴퓨터학부",), year=2)) is None


@pytest.mark.parametrize(("given", "digit", "left_out"), [("20231234", 4, False), ("홀수", 1, True), ("7", 7, True)])
def test_sogang_parity_by_the_last_digit(given, digit, left_out) -> None:
    assert parse_student_id(given) == digit
    assert (exclusion(SOGANG_EVEN, Student(id_digit=digit)) is not None) is left_out
    assert exclusion(SOGANG_EVEN, Student()) is None  # digit unknown: nothing to go by


def test_bad_student_id_names_itself() -> None:
    with pytest.raises(ValueError, match="student_id"):
        parse_student_id("abc")


def test_exclusions_are_grouped_per_course_with_a_rule() -> None:
    kept, left = split_eligible([SSU_OPEN, SSU_CS_ONLY, GRAD], Student())
    assert kept == [SSU_OPEN] and [e.reason for e in left] == ["restricted", "level"]
    [group] = by_course(left)
    assert group.course == "자료구조" and group.count == 2 and group.reasons == ("restricted", "level")
