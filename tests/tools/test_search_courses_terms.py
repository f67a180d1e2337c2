"""`search_courses` with terms, as HyperCLOVA X calls it: `term` (one), `terms` (several, or "all"), the
terms a question names in `query`, what the result tells the model about them, and bad values."""

from __future__ import annotations

import pytest

from tests.support.multi_term import OLD_PROFESSOR, TERMS
from tests.support.tool_harness import payload, run_tool

HELD = ", ".join(TERMS)


@pytest.fixture()
def ctx(multi_term_index):
    from agent.retrieval import CourseRetriever
    from tools import CourseToolContext

    return CourseToolContext(index=multi_term_index, retriever=CourseRetriever(multi_term_index), term=None, k=8)


def test_one_term_as_students_write_it(ctx) -> None:
    message = run_tool(ctx, "search_courses", query="자료구조", term="2024년 2학기")
    data = payload(message)
    assert data["term"] == "2024-2" and {r["term"] for r in data["results"]} == {"2024-2"}
    assert all(r["professors"] == OLD_PROFESSOR for r in data["results"])
    assert "2024-2 학기 기준" in data["term_note"]


def test_every_term_answers_term_by_term(ctx) -> None:
    message = run_tool(ctx, "search_courses", query="자료구조", terms="all", limit=20)
    data = payload(message)
    assert data["terms"] == list(TERMS) and "학기별로" in data["term_note"]
    assert [t["term"] for t in data["by_term"]] == list(TERMS)
    assert message.artifact["term_scope"]["searched"] == list(TERMS)


def test_a_list_of_terms(ctx) -> None:
    data = payload(run_tool(ctx, "search_courses", query="자료구조", terms=["2025-1", "2024 여름학기"], limit=20))
    assert data["terms"] == ["2024-여름", "2025-1"] and {r["term"] for r in data["results"]} == {"2024-여름", "2025-1"}


def test_a_term_in_the_query_is_read_when_no_argument_names_one(ctx) -> None:
    data = payload(run_tool(ctx, "search_courses", query="작년 2학기 자료구조 교수님"))
    assert data["term"] == "2024-2" and {r["term"] for r in data["results"]} == {"2024-2"}


def test_the_argument_wins_over_the_query(ctx) -> None:
    data = payload(run_tool(ctx, "search_courses", query="작년 2학기 자료구조", term="2025-1"))
    assert data["term"] == "2025-1" and "term_note" not in data


def test_relative_words_count_from_the_requests_term(ctx) -> None:
    ctx.term = "2024-2"
    data = payload(run_tool(ctx, "search_courses", query="지난 학기 자료구조"))
    assert data["term"] == "2024-1" and "기본 학기는 2024-2" in data["term_note"]


def test_a_term_the_catalog_lacks_in_the_query_is_said(ctx) -> None:
    data = payload(run_tool(ctx, "search_courses", query="다음 학기 자료구조 열려?"))
    assert data["term"] == "2025-1" and "2025-2 학기는 수강편람에 없어" in data["term_note"] and HELD in data["term_note"]


@pytest.mark.parametrize(("args", "named"), [
    ({"term": "2022-1"}, "term 값 '2022-1'"),
    ({"term": "지난번"}, "term 값 '지난번'"),
    ({"terms": ["2024-1", "1999-2"]}, "terms 값 '1999-2'"),
    ({"terms": "2024-1, 봄"}, "terms 값 '봄'"),
])
def test_a_bad_term_names_the_argument_and_the_terms_that_exist(ctx, args: dict, named: str) -> None:
    message = run_tool(ctx, "search_courses", query="자료구조", **args)
    assert message.status == "error" and named in message.content and HELD in message.content


def test_term_and_terms_are_one_choice(ctx) -> None:
    message = run_tool(ctx, "search_courses", query="자료구조", term="2024-1", terms=["2024-2", "2025-1"])
    assert message.status == "error" and "term과 terms 중 하나만" in message.content


def test_a_term_alone_is_enough_to_search(ctx) -> None:
    data = payload(run_tool(ctx, "search_courses", query="", term="2024-여름"))
    assert data["total_sections"] == 3 and {r["term"] for r in data["results"]} == {"2024-여름"}
