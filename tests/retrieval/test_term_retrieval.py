"""The retriever over a catalog of several terms: a term the question names wins over the request's, names
link against that term's vocabulary, "예전에도" searches every term and counts the set term by term, and a term
the index lacks is noted while the current term is searched."""

from __future__ import annotations

import pytest

from agent.index.base import SearchFilters
from agent.retrieval import CourseRetriever
from tests.support.multi_term import OLD_PROFESSOR, ONLY_2024_1, TERMS


@pytest.fixture(scope="module")
def retriever(multi_term_index) -> CourseRetriever:
    return CourseRetriever(multi_term_index)


def terms_of(result) -> set[str]:
    return {h.section.term for h in result.hits}


def test_the_newest_term_is_current_when_the_request_names_none(retriever: CourseRetriever) -> None:
    result = retriever.retrieve("자료구조 누가 가르쳐?")
    assert terms_of(result) == {"2025-1"} and result.scope.current == "2025-1" and result.scope.searched == ["2025-1"]


def test_a_term_in_the_question_wins_over_the_requests(retriever: CourseRetriever) -> None:
    result = retriever.retrieve("2024년 2학기 자료구조 누가 가르쳐?", term="2025-1")
    assert terms_of(result) == {"2024-2"} and result.term == "2024-2"
    assert all(h.section.professors == [OLD_PROFESSOR] for h in result.hits)
    assert result.scope.current == "2025-1" and result.scope.searched == ["2024-2"] and result.scope.missing is None


def test_relative_words_count_from_the_requests_term(retriever: CourseRetriever) -> None:
    assert terms_of(retriever.retrieve("지난 학기 자료구조", term="2025-1")) == {"2024-2"}
    assert terms_of(retriever.retrieve("지난 학기 자료구조", term="2024-2")) == {"2024-1"}
    assert terms_of(retriever.retrieve("작년 여름학기 회계원리", term="2025-1")) == {"2024-여름"}


def test_names_link_against_the_named_terms_vocabulary(retriever: CourseRetriever) -> None:
    """A course only 2024-1 had is no course of the current term, yet "2024년 1학기 ..." finds it."""
    result = retriever.retrieve(f"2024년 1학기 {ONLY_2024_1} 누가 했어?")
    assert result.exact and [h.section.name for h in result.hits] == [ONLY_2024_1]
    assert result.scope.absent == []
    # Asked of the current term, it is still that course, from the term that has it, and said to be absent.
    current = retriever.retrieve(f"{ONLY_2024_1} 누가 했어?")
    assert [h.section.name for h in current.hits] == [ONLY_2024_1] and current.exact
    assert (current.scope.absent, current.scope.absent_from) == ([ONLY_2024_1], "2025-1")


def test_across_terms_searches_every_term_and_counts_each(retriever: CourseRetriever) -> None:
    result = retriever.retrieve("자료구조 예전에도 열렸어?", k=50)
    assert result.scope.across and result.scope.searched == list(TERMS) and result.term is None
    tallies = {t.term: t for t in result.scope.tallies}
    assert list(tallies) == list(TERMS)  # oldest first
    assert tallies["2024-여름"].sections == 1 and tallies["2024-2"].professors == [OLD_PROFESSOR]
    assert sum(t.sections for t in tallies.values()) == result.total_sections
    assert all(t.courses == ["자료구조"] for t in tallies.values())


def test_across_terms_finds_a_course_of_an_earlier_term_only(retriever: CourseRetriever) -> None:
    result = retriever.retrieve(f"{ONLY_2024_1} 열린 적 있어?")
    assert [t.term for t in result.scope.tallies] == ["2024-1"] and result.exact


def test_a_code_across_terms(retriever: CourseRetriever) -> None:
    result = retriever.retrieve("CSE2010 전에도 있었어?", k=50)
    assert terms_of(result) == set(TERMS) and {h.section.code for h in result.hits} == {"CSE2010"}


def test_a_term_the_index_lacks_is_noted_and_the_current_term_used(retriever: CourseRetriever) -> None:
    result = retriever.retrieve("2022년 1학기 자료구조")
    assert result.scope.missing == "2022-1" and terms_of(result) == {"2025-1"} and result.exact
    assert retriever.retrieve("다음 학기 자료구조 열려?").scope.missing == "2025-2"


def test_a_named_term_alone_lists_that_term(retriever: CourseRetriever) -> None:
    result = retriever.retrieve("2024 여름학기 수업 뭐 있어?", k=20)
    assert result.total_sections == 3 and terms_of(result) == {"2024-여름"} and result.exact


def test_several_terms_by_year(retriever: CourseRetriever) -> None:
    result = retriever.retrieve("2024년 회계원리", k=50)
    assert result.scope.searched == ["2024-1", "2024-여름", "2024-2"]
    assert terms_of(result) == {"2024-여름", "2024-2"}  # 2024-1 had no 경영학과 sections
    assert [t.term for t in result.scope.tallies] == ["2024-여름", "2024-2"]


def test_explicit_terms_win_over_the_question(retriever: CourseRetriever) -> None:
    fixed = retriever.retrieve("2024년 2학기 자료구조", filters=SearchFilters(term="2024-1"))
    assert terms_of(fixed) == {"2024-1"} and fixed.scope.searched == ["2024-1"]
    several = retriever.retrieve("자료구조", filters=SearchFilters(terms=["2024-1", "2025-1"]), k=50)
    assert terms_of(several) == {"2024-1", "2025-1"} and not several.scope.across
