"""`CourseRetriever` behaviour on a real LanceDB index of the project's sample catalog (real embeddings)."""

from __future__ import annotations

from typing import Any

import pytest

from agent.catalog import load_catalog
from agent.catalog.models import CourseSection, MeetingSlot
from agent.index.base import SearchFilters
from agent.retrieval import CourseRetriever, blocks, merge_filters
from agent.settings import SAMPLE_CATALOG


@pytest.fixture(scope="module")
def sections() -> list[CourseSection]:
    return load_catalog(SAMPLE_CATALOG).sections


@pytest.fixture()
def retriever(sample_index) -> CourseRetriever:
    return CourseRetriever(sample_index)


def _section(*slots: tuple[str, str, str]) -> CourseSection:
    def minutes(text: str) -> int:
        hours, mins = text.split(":")
        return int(hours) * 60 + int(mins)

    return CourseSection(
        term="2026-1", code="X1", name="실험", slots=[MeetingSlot(day=d, start=minutes(s), end=minutes(e)) for d, s, e in slots]
    )


def test_blocks_merge_consecutive_slots_of_a_day() -> None:
    lab = _section(("월", "13:00", "13:50"), ("월", "14:00", "14:50"), ("월", "15:00", "15:50"), ("수", "09:00", "10:15"))
    assert blocks(lab) == [("월", 780, 950), ("수", 540, 615)]
    assert blocks(lab, ["수"]) == [("수", 540, 615)]
    split = _section(("화", "09:00", "10:15"), ("화", "13:30", "14:45"))
    assert blocks(split) == [("화", 540, 615), ("화", 810, 885)]


def test_merge_filters_explicit_wins_field_by_field() -> None:
    parsed = SearchFilters(days=["월"], departments=["경영학과"], start_before=719)
    merged = merge_filters(parsed, SearchFilters(days=["화"], credits=3))
    assert merged.days == ["화"] and merged.departments == ["경영학과"] and merged.start_before == 719
    assert merged.credits == 3
    assert merge_filters(parsed, None) == parsed


def test_course_code_first(retriever: CourseRetriever, sections: list[CourseSection]) -> None:
    result = retriever.retrieve("CSE2010 누가 가르쳐?")
    expected = {s.id for s in sections if s.code == "CSE2010"}
    assert {hit.section.id for hit in result.hits} == expected
    assert all(hit.matched_by == "code" for hit in result.hits) and result.exact


def test_unknown_code_returns_nothing(retriever: CourseRetriever) -> None:
    result = retriever.retrieve("CSE9999 과목 정보")
    assert result.hits == [] and not result.exact


def test_abbreviation_ranks_the_named_course_first(retriever: CourseRetriever, sections: list[CourseSection]) -> None:
    expected = {s.id for s in sections if s.name == "자료구조"}
    assert expected
    result = retriever.retrieve("자구 누가 가르쳐?", k=10)
    top = [hit.section.id for hit in result.hits[: len(expected)]]
    assert set(top) == expected
    assert all(hit.matched_by == "name" for hit in result.hits[: len(expected)])
    assert result.exact and not result.relaxed


def test_structured_filters_hold_on_every_hit(retriever: CourseRetriever, sections: list[CourseSection]) -> None:
    result = retriever.retrieve("화목 오전에 들을 수 있는 경영 전공 있어요?", k=50)
    assert result.hits and not result.relaxed
    for hit in result.hits:
        section = hit.section
        assert section.department == "경영학과"
        assert {"화", "목"} <= set(section.days)
        assert all(start <= 719 for _, start, _ in blocks(section, ["화", "목"]))
    expected = {
        s.id for s in sections
        if s.department == "경영학과" and {"화", "목"} <= set(s.days)
        and all(start <= 719 for _, start, _ in blocks(s, ["화", "목"]))
    }
    assert {hit.section.id for hit in result.hits} == expected


def test_relaxes_and_says_what_it_dropped(retriever: CourseRetriever, sections: list[CourseSection]) -> None:
    saturday = [s for s in sections if s.name == "자료구조" and "토" in s.days]
    assert not saturday  # the premise: no Saturday 자료구조 in the sample catalog
    result = retriever.retrieve("자료구조 토요일 수업 있어?")
    assert result.relaxed and result.relaxed[0].startswith("요일")
    assert "요일" in (result.relaxed_message or "")
    assert result.hits and result.hits[0].section.name == "자료구조"
    assert not result.exact
    assert result.filters.days == []  # the filters the hits satisfy


def test_explicit_filters_from_a_tool_call(retriever: CourseRetriever) -> None:
    result = retriever.retrieve("자료구조", filters=SearchFilters(days=["화"]))
    assert result.hits and all("화" in hit.section.days for hit in result.hits)
    assert result.hits[0].section.name == "자료구조"
    overridden = retriever.retrieve("월요일 자료구조", filters=SearchFilters(days=["화"]))
    assert overridden.filters.days == ["화"]


def test_filters_only_lists_sections(retriever: CourseRetriever, sections: list[CourseSection]) -> None:
    result = retriever.retrieve("", filters=SearchFilters(english=True), k=100)
    assert {hit.section.id for hit in result.hits} == {s.id for s in sections if s.english}


@pytest.mark.parametrize("question", ["천문학 개론 강의 열리나요?", "학식 메뉴 뭐야?", "오늘 날씨 어때?"])
def test_no_such_course_is_not_exact(retriever: CourseRetriever, question: str) -> None:
    assert not retriever.retrieve(question).exact


def test_term_resolution(retriever: CourseRetriever) -> None:
    assert retriever.resolve_term() == "2026-1"
    assert retriever.retrieve("자료구조", term="1999-1").hits == []
    assert CourseRetriever(retriever.index, default_term="2025-2").resolve_term() == "2025-2"


class _Counting:
    """Delegates to the real index and counts vocabulary reads."""

    def __init__(self, index: Any) -> None:
        self._index = index
        self.vocabulary_calls = 0

    def vocabulary(self, term: str | None = None):
        self.vocabulary_calls += 1
        return self._index.vocabulary(term)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._index, name)


def test_vocabulary_is_cached_per_term(sample_index) -> None:
    counting = _Counting(sample_index)
    retriever = CourseRetriever(counting)  # type: ignore[arg-type]
    for question in ["자구", "운체", "화목 오전", "데베 누가 해"]:
        retriever.retrieve(question)
    assert counting.vocabulary_calls == 1


def test_never_relaxes_into_the_whole_catalog(retriever: CourseRetriever) -> None:
    result = retriever.retrieve("일요일 아침 7시 수업")
    assert result.hits == [] and not result.exact


def test_room_question_lists_sections_in_that_room(retriever: CourseRetriever, sections: list[CourseSection]) -> None:
    expected = {s.id for s in sections if any((slot.room or "").replace(" ", "") == "공학관407" for slot in s.slots)}
    assert expected
    result = retriever.retrieve("공학관 407호에서 하는 수업 뭐야?", k=50)
    assert {hit.section.id for hit in result.hits} == expected
    assert all(hit.matched_by == "room" for hit in result.hits) and result.exact


class _CountingIndex:
    """The sample index, counting the hybrid searches made through it (each embeds the question)."""

    def __init__(self, index: Any) -> None:
        self.index = index
        self.searches: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.index, name)

    def search(self, query: str, *args: Any, **kwargs: Any) -> Any:
        if query:
            self.searches.append(query)
        return self.index.search(query, *args, **kwargs)


def test_named_courses_alone_need_no_hybrid_search(sample_index) -> None:
    counting = _CountingIndex(sample_index)
    retriever = CourseRetriever(counting)
    result = retriever.retrieve("운체 누가 가르쳐?")
    assert counting.searches == []
    assert result.exact and result.hits and {h.section.name for h in result.hits} == {"운영체제"}
    assert all(h.matched_by == "name" for h in result.hits)
    # A topic beyond the name ("비슷한") still searches, for related courses after the named ones.
    related = retriever.retrieve("자구랑 비슷한 수업 있어?")
    assert counting.searches and related.hits[0].section.name == "자료구조"
    assert any(h.section.name != "자료구조" for h in related.hits)


def test_a_named_section_keeps_only_that_section(retriever: CourseRetriever, sections: list[CourseSection]) -> None:
    result = retriever.retrieve("자료구조 2분반 누가 가르쳐?")
    assert [h.section.id for h in result.hits] == [s.id for s in sections if s.name == "자료구조" and s.section == "02"]
