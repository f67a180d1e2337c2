"""Department nicknames derived from the catalog's department names (정치외교학과 -> 정외, 컴퓨터학부 -> 컴학),
kept out where they would shadow another word, and how a question links them."""

from __future__ import annotations

import pytest

from agent.index.base import Vocabulary
from agent.query import parse_question
from agent.query.department_nicknames import derived_department_forms
from agent.query.segments import SegmentModel

DEPARTMENTS = [
    "정치외교학과", "신문방송학과", "화공생명공학과", "스포츠학부", "미디어학과", "미디어학부", "경영학부",
    "불어불문학과", "IT경영학과", "기계공학과", "기계공학부", "기초공학부", "체육교육과", "체육학과",
]
NAMES = ["정치학개론", "외교사", "방송제작", "신문과여론", "화공열역학", "생명공학개론", "경영학원론", "스포츠마케팅",
         "미디어의이해", "기계설계", "공학수학", "체육사", "교육학개론", "생명과학", "화공양론"]


def _vocabulary(**extra: list[str]) -> Vocabulary:
    courses = extra.pop("courses", [])
    return Vocabulary(departments=DEPARTMENTS, course_names=[*NAMES, *courses], **extra)


@pytest.fixture(scope="module")
def model() -> SegmentModel:
    return SegmentModel(NAMES + DEPARTMENTS)


@pytest.mark.parametrize(
    ("department", "forms"),
    [
        ("정치외교학과", ["정외"]),  # the first syllable of each part
        ("화공생명공학과", ["화생공"]),
        ("스포츠학부", ["스학"]),  # one three-letter part and the unit's syllable
        ("미디어학과", ["미학", "미과"]),
        ("경영학부", []),  # two letters are said whole
        ("IT경영학과", []),  # Latin letters no syllable rule gives
    ],
)
def test_forms_of_a_department_name(model: SegmentModel, department: str, forms: list[str]) -> None:
    assert derived_department_forms(department, model) == forms


def test_a_nickname_links_every_unit_of_that_department() -> None:
    parsed = parse_question("정외 전공 수업 뭐 있어?", _vocabulary())
    assert parsed.filters.departments == ["정치외교학과"]
    parsed = parse_question("스학 월요일 수업", _vocabulary())
    assert parsed.filters.departments == ["스포츠학부"] and parsed.filters.days == ["월"]


def test_a_nickname_with_a_department_word_glued_on() -> None:
    assert parse_question("정외과 과목 알려줘", _vocabulary()).filters.departments == ["정치외교학과"]


def test_a_nickname_two_departments_share_names_neither() -> None:
    # 기계공학과 and 기초공학부 both shorten to 기공: the question does not say which.
    parsed = parse_question("기공 수업 있어?", _vocabulary())
    assert parsed.filters.departments == []


def test_a_nickname_that_is_a_course_abbreviation_stays_the_course() -> None:
    # "미학" would be 미디어학과's nickname, but the catalog has a course 미학 now: the course is meant.
    parsed = parse_question("미학 누가 가르쳐?", _vocabulary(courses=["미학"]))
    assert parsed.filters.departments == [] and "미학" in parsed.course_names


def test_major_basics_beside_a_department_or_a_year() -> None:
    vocabulary = Vocabulary(departments=["정치외교학과", "전기공학과"], course_names=["정치학개론"],
                            categories=["전기 [전공기초]", "전필-정외 [전공필수]"])
    assert parse_question("정외 2학년 전기 뭐 있어", vocabulary).filters.category == "전공기초"
    assert parse_question("1학년 전기는 뭐 들어?", vocabulary).filters.category == "전공기초"
    # Alone, "전기" stays a subject word (the 전기공학 major, or electricity): no category.
    assert parse_question("전기 수업 뭐 있어", vocabulary).filters.category is None


def test_a_major_category_asked_by_a_student_of_a_department_is_that_departments() -> None:
    vocabulary = Vocabulary(departments=["정치외교학과", "사회학과"], course_names=["정치학개론"],
                            categories=["전선-정외 [전공선택]", "전선-사회 [전공선택]", "교선 [교양선택]"])
    parsed = parse_question("정외과 학생인데 화요일 전선 뭐 있어?", vocabulary)
    assert parsed.filters.departments == ["정치외교학과"] and parsed.filters.category == "전공선택"
    # general education stays everyone's, and a department named as the condition stays as named
    assert parse_question("정외과 학생인데 교선 뭐 있어?", vocabulary).filters.departments == []
    assert parse_question("정외과인데 사회학과 전선 있어?", vocabulary).filters.departments == ["사회학과"]
