"""The new slots end to end through `CourseRetriever`: level, delivery, seats and exclusions define the set,
graduate sections come after undergraduate ones, and relaxation drops the new groups in a sensible order and
says which."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters
from agent.retrieval import CourseRetriever
from agent.retrieval.order import own_year_first, undergraduate_first
from agent.retrieval.relax import RELAX_GROUPS, describe_exclusions
from tests.support.sections import section, slot


@pytest.fixture()
def sections(sample_sections: list[CourseSection]) -> list[CourseSection]:
    return sample_sections


@pytest.fixture()
def retriever(sample_index) -> CourseRetriever:  # type: ignore[no-untyped-def]
    return CourseRetriever(sample_index)


def ids(result) -> set[str]:
    return {hit.section.id for hit in result.hits}


def test_graduate_questions_get_the_graduate_sections(retriever: CourseRetriever, sections) -> None:
    result = retriever.retrieve("대학원 수업 뭐 있어?", k=50)
    assert ids(result) == {s.id for s in sections if s.graduate} and result.exact
    assert result.total_sections == 5


def test_ruling_out_graduate_sections(retriever: CourseRetriever, sections) -> None:
    result = retriever.retrieve("대학원 과목 말고 전공선택", k=100)
    expected = {s.id for s in sections if not s.graduate and "전공선택" in (s.category or "")}
    assert ids(result) == expected and result.total_sections == len(expected)


def test_delivery_and_seats(retriever: CourseRetriever, sections) -> None:
    hybrid = retriever.retrieve("혼합형 수업", k=50)
    assert ids(hybrid) == {s.id for s in sections if s.delivery == "혼합"}
    full = retriever.retrieve("여석 없는 분반", k=50)
    assert ids(full) == {s.id for s in sections if s.seats_left == 0} and full.hits


def test_a_professor_ruled_out_keeps_the_rest_of_the_course(retriever: CourseRetriever, sections) -> None:
    result = retriever.retrieve("자료구조 한도윤 교수님 반 말고", k=20)
    expected = {s.id for s in sections if s.name == "자료구조" and "한도윤" not in s.professors}
    assert ids(result) == expected and len(expected) >= 3


def test_online_on_a_catalog_without_online_sections_is_relaxed_and_said(retriever: CourseRetriever, sections) -> None:
    assert not [s for s in sections if s.delivery in ("원격", "녹화")]  # the premise
    result = retriever.retrieve("온라인 교양 수업", k=50)
    assert result.relaxed == ["수업 방식(원격·녹화)"] and result.hits
    assert all("교양" in (hit.section.category or "") for hit in result.hits)  # the category still holds


def test_undergraduate_first_is_stable_and_skipped_when_graduate_sections_are_asked_for(sections) -> None:
    from agent.index.base import SearchHit

    hits = [SearchHit(section=s, score=1.0) for s in sections if s.name in ("인공지능특론", "인공지능", "딥러닝특론")]
    ordered = undergraduate_first(list(reversed(hits)), None)
    assert [h.section.graduate for h in ordered] == sorted(h.section.graduate for h in ordered)
    undergraduate = [h for h in reversed(hits) if not h.section.graduate]
    assert ordered[: len(undergraduate)] == undergraduate  # each group keeps its order
    asked = SearchFilters(levels=["석사", "석박"])
    assert undergraduate_first(hits, asked) == hits


def test_sections_meant_for_the_asked_year_come_before_broader_ones() -> None:
    from agent.index.base import SearchHit

    years = {"A1": "전체학년", "A2": "2-3학년", "A3": "2학년", "A4": None, "A5": "1,2학년", "A6": "2학년"}
    hits = [SearchHit(section=section(code, "과목", year=year), score=1.0) for code, year in years.items()]
    ordered = [h.section.code for h in own_year_first(hits, SearchFilters(year=2))]
    assert ordered == ["A3", "A6", "A2", "A5", "A1", "A4"]  # exact, then ranges and lists, then everyone; stable
    assert own_year_first(hits, SearchFilters()) == hits  # no year asked: the ranking stands


def test_a_year_question_lists_that_years_courses_first(retriever: CourseRetriever) -> None:
    result = retriever.retrieve("3학년 과목 뭐 있어?", k=50)
    breadth = [0 if h.section.year and h.section.year.strip() in ("3학년", "3") else 1 for h in result.hits]
    assert breadth == sorted(breadth) and {0, 1} <= set(breadth)  # "전학년" sections too, after


# ---- relaxation ------------------------------------------------------------------------------------
def test_every_new_field_belongs_to_a_relaxation_group() -> None:
    grouped = {name for fields, _ in RELAX_GROUPS for name in fields}
    assert set(SearchFilters.model_fields) - {"term", "terms", "course_codes", "rooms"} <= grouped
    assert RELAX_GROUPS[0][0] == ("has_seats",)  # first: a seat condition may never be satisfiable


@pytest.mark.parametrize(
    ("filters", "said"),
    [
        (SearchFilters(has_seats=True), "여석(남은 자리 있음, 수강편람 기준)"),
        (SearchFilters(levels=["석사", "박사", "석박"]), "과정(대학원)"),
        (SearchFilters(delivery=["녹화"]), "수업 방식(녹화)"),
        (SearchFilters(languages=["영·한혼합"]), "강의 언어(영·한혼합)"),
        (SearchFilters(english=False), "영어강의 제외"),
    ],
)
def test_relaxation_describes_each_group(filters: SearchFilters, said: str) -> None:
    descriptions = [describe(filters) for fields, describe in RELAX_GROUPS
                    if any(getattr(filters, name) not in (None, []) for name in fields)]
    assert descriptions == [said]


def test_exclusions_are_described_together() -> None:
    filters = SearchFilters(exclude_professors=["한도윤"], exclude_levels=["석사", "박사", "석박"],
                            exclude_delivery=["원격", "녹화"], exclude_categories=["교양"])
    assert describe_exclusions(filters) == "한도윤 교수, 교양, 대학원, 원격·녹화 제외"


def test_a_seat_condition_the_catalog_cannot_meet_leaves_the_time_condition(tmp_path: Path) -> None:
    """A catalog that states no seats: the seat condition goes first, and the day and time stay."""
    from agent.index.lance import LanceCourseIndex
    from tests.support.embeddings import SharedEmbeddings

    no_seats = [
        section("S1", "미시경제학", department="경제학과", slots=[slot("월", "09:00", "10:15")]),
        section("S2", "미시경제학", section="02", department="경제학과", slots=[slot("수", "15:00", "16:15")]),
        section("S3", "거시경제학", department="경제학과", slots=[slot("월", "13:00", "14:15")]),
    ]
    index = LanceCourseIndex(tmp_path / "index", SharedEmbeddings())
    index.sync_term("2026-1", no_seats)
    result = CourseRetriever(index).retrieve("여석 남은 월요일 오전 경제학과 수업")
    assert result.relaxed == ["여석(남은 자리 있음, 수강편람 기준)"]
    assert [hit.section.code for hit in result.hits] == ["S1"]
