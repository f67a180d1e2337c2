"""Several terms at once (`SearchFilters.terms`) and the period table, alike in both backends: LanceDB (one
table, a `term IN (...)` prefilter and the snapshot's rows of those terms) and Pinecone (one query per
term namespace, against the loopback server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters
from agent.index.filtering import lance_where, matches
from agent.index.lance import LanceCourseIndex
from agent.index.pinecone import PineconeCourseIndex
from agent.index.vocabulary import parse_vocabulary_lines, vocabulary_lines, vocabulary_of
from agent.retrieval import CourseRetriever
from tests.fakes.pinecone import PineconeServer
from tests.support.embeddings import SharedEmbeddings
from tests.support.multi_term import OLD_PROFESSOR, TERMS, ingest, multi_term_sections

TABLE = [(1, 510, 585), (2, 600, 675)]


@pytest.fixture(scope="module")
def sections() -> list[CourseSection]:
    found = multi_term_sections()
    # One term's catalog came through a mapping file with its own period table.
    return [s.model_copy(update={"periods": TABLE}) if s.term == "2024-여름" else s for s in found]


@pytest.fixture(scope="module")
def backends(sections: list[CourseSection], tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[tuple[LanceCourseIndex, PineconeCourseIndex]]:
    embeddings = SharedEmbeddings()
    lance = LanceCourseIndex(Path(tmp_path_factory.mktemp("lance-terms")), embeddings)
    ingest(lance, sections)
    with PineconeServer(dimension=384) as srv:
        pinecone = PineconeCourseIndex(api_key=srv.api_key, embeddings=embeddings, host=srv.url)
        ingest(pinecone, sections)
        yield lance, pinecone


def ids(hits: list) -> list[str]:
    return [h.section.id for h in hits]


def codes(hits: list) -> set[str]:
    return {h.section.code for h in hits}


def test_terms_filter_semantics() -> None:
    spring = CourseSection(term="2024-1", code="X1", name="도예입문")
    assert matches(spring, SearchFilters(terms=["2023-2", "2024-1"]))
    assert not matches(spring, SearchFilters(terms=["2024-2", "2025-1"]))
    assert lance_where(SearchFilters(terms=["2024-1", "2024-여름"])) == "(term IN ('2024-1', '2024-여름'))"
    assert lance_where(SearchFilters(terms=["2024-1"]), include_term=False) is None
    assert SearchFilters(terms=["2024-1"]).is_empty()  # which terms is not a condition
    assert SearchFilters(terms=["2025-1", "2024-1"]).searched_terms(list(TERMS)) == ["2024-1", "2025-1"]
    assert SearchFilters().searched_terms(list(TERMS)) == list(TERMS)


@pytest.mark.parametrize("question", ["", "자료구조", "경영 전략", "CSE2010"])
@pytest.mark.parametrize("terms", [["2024-1", "2024-2"], ["2024-여름", "2025-1"], list(TERMS)], ids=str)
def test_both_backends_search_several_terms_alike(backends, question: str, terms: list[str]) -> None:
    lance, pinecone = backends
    filters = SearchFilters(terms=terms)
    a, b = lance.search(question, filters, k=200), pinecone.search(question, filters, k=200)
    assert a and {h.section.term for h in a} <= set(terms) and {h.section.term for h in b} <= set(terms)
    if not question:
        assert ids(a) == ids(b)  # a listing: every section of those terms, by code, section, term
        return
    # The same section in two terms has the same passage and ties, and Pinecone's BM25 statistics are per
    # term (namespace) where LanceDB's cover the table: the top results are compared as courses.
    assert a[0].section.code == b[0].section.code and codes(a[:10]) == codes(b[:10])


def test_both_backends_find_named_sections_in_several_terms(backends) -> None:
    lance, pinecone = backends
    filters = SearchFilters(terms=["2024-여름", "2024-2"])
    found = lance.sections_named(["자료구조"], filters)
    assert [s.id for s in found] == [s.id for s in pinecone.sections_named(["자료구조"], filters)]
    assert {s.term for s in found} == {"2024-여름", "2024-2"}
    assert any(OLD_PROFESSOR in s.professors for s in found)


def test_both_backends_give_the_vocabulary_with_universities_and_the_period_table(backends) -> None:
    lance, pinecone = backends
    for term in (None, "2024-여름", "2025-1"):
        assert lance.vocabulary(term) == pinecone.vocabulary(term)
    assert lance.vocabulary("2024-여름").periods == TABLE and lance.vocabulary("2025-1").periods == []
    assert lance.vocabulary().universities == ["한빛대학교"]


def test_vocabulary_lines_keep_universities_and_periods(sections: list[CourseSection]) -> None:
    vocabulary = vocabulary_of(s for s in sections if s.term == "2024-여름")
    assert parse_vocabulary_lines(vocabulary_lines(vocabulary)) == vocabulary
    assert vocabulary.periods == TABLE


@pytest.mark.parametrize("question", ["자료구조 예전에도 열렸어?", "작년 2학기 자료구조", "2024년 경영학과 수업"])
def test_the_retriever_answers_term_questions_alike_on_both_backends(backends, question: str) -> None:
    lance, pinecone = backends
    a = CourseRetriever(lance).retrieve(question, k=50)
    b = CourseRetriever(pinecone).retrieve(question, k=50)
    assert a.scope == b.scope and a.total_sections == b.total_sections
    assert sorted(ids(a.hits)) == sorted(ids(b.hits))


def test_the_mapping_table_reaches_question_time(backends) -> None:
    """A term whose catalog defined its periods reads "2교시" with that table, on either backend."""
    for index in backends:
        parsed = CourseRetriever(index).parse("2교시 수업", term="2024-여름")
        assert (parsed.filters.start_after, parsed.filters.start_before) == (600, 674)  # the last period: up to its end
        assert parsed.assumed_periods == []
        assert CourseRetriever(index).parse("2교시 수업", term="2025-1").assumed_periods == [(2, 600)]
