"""The new slots on the real catalogs: Soongsil's categories ("교필 [교양필수]", "전필-컴퓨터 [전공필수]"), levels,
delivery and languages through the retriever and its true totals; Sogang, which has no category column, read
through its departments (the parser against the catalog's own vocabulary, the set by `matches`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.catalog import load_catalog
from agent.catalog.models import CourseSection
from agent.index.filtering import matches
from agent.index.vocabulary import vocabulary_of
from agent.query import parse_question
from agent.retrieval import CourseRetriever, blocks

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ssu_sections(shared_data: Path) -> list[CourseSection]:
    return load_catalog(shared_data / "ssu-2026-1.csv").sections


@pytest.fixture(scope="module")
def ssu(ssu_index) -> CourseRetriever:
    return CourseRetriever(ssu_index)


def truth(sections: list[CourseSection], keep) -> set[str]:
    return {s.id for s in sections if keep(s)}


def test_one_credit_general_education_is_the_whole_set(ssu: CourseRetriever, ssu_sections) -> None:
    result = ssu.retrieve("1학점 교양", k=100)
    expected = truth(ssu_sections, lambda s: s.credits == 1 and "교양" in (s.category or ""))
    assert {h.section.id for h in result.hits} == expected
    assert (result.total_sections, result.total_courses) == (56, 13) == (len(expected), result.total_courses)


@pytest.mark.parametrize(
    ("question", "keep"),
    [
        ("컴퓨터학부 전필", lambda s: s.department == "컴퓨터학부" and "전공필수" in (s.category or "")),
        ("녹화 강의 뭐 있어", lambda s: s.delivery in ("녹화", "혼합")),  # 강좌유형정보 녹화 or 대면+녹화
        ("영한혼합 수업", lambda s: s.language == "영·한혼합"),
        ("교필 말고 교선 중에 화요일 오전", lambda s: "교양선택" in (s.category or "") and "교양필수" not in s.category
         and "화" in s.days and all(start < 720 for _, start, _ in blocks(s, ["화"]))),  # a block starts before noon
        ("대학원 수업 말고 경영학부 전공", lambda s: s.department == "경영학부" and not s.graduate),
        ("여석 있는 컴퓨터학부 전공선택", lambda s: s.department == "컴퓨터학부" and "전공선택" in (s.category or "")
         and (s.seats_left or 0) > 0),
    ],
)
def test_sets_on_soongsil(ssu: CourseRetriever, ssu_sections, question: str, keep) -> None:
    result = ssu.retrieve(question, k=500)
    expected = truth(ssu_sections, keep)
    assert expected and result.exact and not result.relaxed
    assert {h.section.id for h in result.hits} == expected and result.total_sections == len(expected)


def test_graduate_sections_of_a_course_come_last(ssu: CourseRetriever) -> None:
    result = ssu.retrieve("인공지능 누가 가르쳐", k=20)
    levels = [h.section.graduate for h in result.hits if h.section.name == "인공지능"]
    assert True in levels and False in levels and levels == sorted(levels)


# ---- Sogang: no category column ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def sogang(shared_data: Path) -> tuple[list[CourseSection], object]:
    sections = load_catalog(shared_data / "sogang-2025-1.csv").sections
    return sections, vocabulary_of(sections)


def sogang_set(sogang, question: str) -> tuple[set[str], object]:
    sections, vocabulary = sogang
    parsed = parse_question(question, vocabulary)
    return {s.id for s in sections if matches(s, parsed.filters)}, parsed


def test_sogang_general_education_is_its_general_education_unit(sogang) -> None:
    found, parsed = sogang_set(sogang, "교양 수업 뭐 있어")
    assert parsed.filters.departments == ["전인교육원"] and parsed.filters.category is None
    assert found == {s.id for s in sogang[0] if s.department == "전인교육원"}
    assert any("이수구분이 없어" in note for note in parsed.notes)


def test_sogang_major_courses_are_the_other_departments(sogang) -> None:
    found, parsed = sogang_set(sogang, "전공 수업 월요일")
    assert parsed.filters.exclude_departments == ["전인교육원"]
    assert found == {s.id for s in sogang[0] if s.department != "전인교육원" and "월" in s.days}


def test_sogang_has_no_graduate_sections_and_says_nothing_false(sogang) -> None:
    found, parsed = sogang_set(sogang, "대학원 수업")
    assert parsed.filters.levels and found == set()
    found, parsed = sogang_set(sogang, "영어강의 말고 경제학과 수업")
    assert found == {s.id for s in sogang[0] if s.department == "경제학과" and not s.english} and found
