"""Grading as the catalog's remarks state it (Sogang's 비고 "절대평가", "성적평가:S/U"; the sample's "P/F 평가"): a
condition like level or delivery. "절대평가인 과목" lists the sections whose remarks say so instead of reading
"절대평가인" as a course that does not exist; a section whose remarks say nothing neither matches nor is ruled
out."""

from __future__ import annotations

import pytest

from agent.catalog.grading import stated_grading
from agent.index.base import SearchFilters, Vocabulary
from agent.index.filtering import matches, post_filter_only
from agent.query import parse_question
from agent.retrieval.relax import RELAX_GROUPS
from agent.search_mode.conditions import scope_text
from tests.support.sections import section
from tests.support.tool_harness import payload, run_tool

VOCAB = Vocabulary(course_names=["파도역학", "별의일생"], departments=["해양학과"])
SECTIONS = [
    section("G1", "파도역학", notes="해양공유대학, 절대평가, 3-4학년 대상"),
    section("G2", "별의일생", notes='"성적평가:S/U / 대체과목"'),
    section("G3", "조석학", notes="Pass/Fail 평가"),
    section("G4", "해류론", notes="상대 평가"),
    section("G5", "심해생물", notes="실습 있음"),
    section("G6", "해양법"),
]


@pytest.fixture(scope="module")
def sample_ctx(sample_index):
    from agent.retrieval import CourseRetriever
    from tools import CourseToolContext

    return CourseToolContext(index=sample_index, retriever=CourseRetriever(sample_index), term=None, k=8)


@pytest.fixture(scope="module")
def sample_assistant(sample_index):
    from agent.assistant import CourseAssistant
    from tests.support.agent_inputs import search_settings

    return CourseAssistant.from_settings(search_settings(), index=sample_index)


def codes(filters: SearchFilters) -> set[str]:
    return {s.code for s in SECTIONS if matches(s, filters)}


def test_what_the_remarks_state() -> None:
    assert [stated_grading(s) for s in SECTIONS] == ["절대평가", "P/F", "P/F", "상대평가", None, None]


def test_a_grading_matches_only_where_the_remarks_state_it() -> None:
    assert codes(SearchFilters(grading=["절대평가"])) == {"G1"}
    assert codes(SearchFilters(grading=["P/F"])) == {"G2", "G3"}
    assert codes(SearchFilters(exclude_grading=["P/F"])) == {"G1", "G4", "G5", "G6"}  # unstated: kept
    assert post_filter_only(SearchFilters(grading=["상대평가"]))


@pytest.mark.parametrize(("question", "wanted", "ruled_out"), [
    ("성적 평가 방식이 절대평가인 과목", ["절대평가"], []), ("S/U 과목 뭐 있어?", ["P/F"], []), ("P/F로 하는 교양", ["P/F"], []),
    ("pass/fail courses on Monday", ["P/F"], []), ("상대평가 말고 해양학과 전공", [], ["상대평가"]),
    ("절대 평가 아닌 수업", [], ["절대평가"]),
])
def test_the_parser_reads_grading_words(question: str, wanted: list[str], ruled_out: list[str]) -> None:
    parsed = parse_question(question, VOCAB)
    assert parsed.filters.grading == wanted and parsed.filters.exclude_grading == ruled_out
    assert parsed.unknown_names == []


def test_a_dropped_grading_and_a_listed_one_are_said() -> None:
    describe = dict(RELAX_GROUPS)[("grading",)]
    assert describe(SearchFilters(grading=["절대평가"])) == "성적 평가(절대평가)"
    assert scope_text(SearchFilters(grading=["P/F"]), "ko") == "P/F"
    assert scope_text(SearchFilters(grading=["P/F"]), "en") == "pass/fail"
    assert scope_text(SearchFilters(exclude_grading=["상대평가"]), "ko") == "상대평가 제외"


def test_the_search_tool_takes_a_grading(sample_ctx, sample_sections) -> None:
    graded = {s.code for s in sample_sections if stated_grading(s) == "P/F"}
    found = payload(run_tool(sample_ctx, "search_courses", query="", grading="S/U", limit=20))
    assert graded and {c["code"] for c in found["results"]} == graded
    error = run_tool(sample_ctx, "search_courses", query="", grading="후하게")
    assert error.status == "error" and "grading" in error.content


def test_a_list_by_grading_end_to_end(sample_assistant, sample_sections) -> None:
    graded = {s.code for s in sample_sections if stated_grading(s) == "P/F"}
    answer = sample_assistant.answer("P/F로 평가하는 과목 있어?")
    assert {s.code for s in answer.sources} == graded and "조건(P/F)" in answer.answer
