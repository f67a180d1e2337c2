"""PineconeCourseIndex against the loopback server, through the real `pinecone` SDK / langchain-pinecone."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from agent.catalog.models import CourseSection
from agent.index.base import CourseIndex, SearchFilters
from agent.index.filtering import matches
from agent.index.pinecone import PineconeCourseIndex
from agent.index.pinecone.records import STATS_NAMESPACE
from tests.fakes.pinecone import PineconeServer
from tests.support.embeddings import SharedEmbeddings
from tests.support.sections import sample_sections, slot

TERM = "2026-1"


@pytest.fixture(scope="module")
def srv() -> Iterator[PineconeServer]:
    with PineconeServer(dimension=384, metric="dotproduct") as server:
        yield server


@pytest.fixture(scope="module")
def sections() -> list[CourseSection]:
    return sample_sections(TERM)


@pytest.fixture(scope="module")
def index(srv: PineconeServer, sections: list[CourseSection]) -> PineconeCourseIndex:
    idx = PineconeCourseIndex(api_key=srv.api_key, embeddings=SharedEmbeddings(), host=srv.url)
    report = idx.sync_term(TERM, sections)
    assert (report.added, report.unchanged, report.deleted) == (len(sections), 0, 0)
    return idx


def test_is_a_course_index(index: PineconeCourseIndex) -> None:
    assert isinstance(index, CourseIndex)
    assert index.dimension == 384
    assert "pcsk" not in repr(index)


def test_records_carry_dense_sparse_and_filter_metadata(index: PineconeCourseIndex, srv: PineconeServer,
                                                        sections: list[CourseSection]) -> None:
    stored = srv.vectors(TERM)
    assert set(stored) == {s.id for s in sections}
    os_record = stored[f"{TERM}:CSE3020"]
    assert len(os_record.values) == 384 and 0 < len(os_record.sparse_indices) <= 1000
    meta = os_record.metadata
    assert meta["days"] == ["화", "목"] and meta["credits"] == 3.0 and meta["english"] is False
    assert meta["tue_start_min"] == 810.0 and meta["department"] == "컴퓨터학부"
    assert CourseSection.model_validate_json(meta["record"]) == next(s for s in sections if s.code == "CSE3020")
    assert "운영체제" in meta["text"]
    assert all(len(json.dumps(v.metadata, ensure_ascii=False).encode()) < 40 * 1024 for v in stored.values())
    assert "room" not in meta  # no nulls: unknown values are left out


def test_stats_live_in_their_own_namespace(index: PineconeCourseIndex, srv: PineconeServer) -> None:
    stats = srv.vectors(STATS_NAMESPACE)
    meta = stats[f"{TERM}#meta"].metadata
    assert meta["n_docs"] == 12.0 and meta["avgdl"] > 0 and meta["df_parts"] >= 1
    assert f"{TERM}#df#0" in stats and f"{TERM}#vocab#0" in stats
    assert index.terms() == [TERM]  # the stats namespace is not a term
    assert index.count() == 12 and index.count(TERM) == 12 and index.count("1999-1") == 0


def test_a_fresh_process_reads_stats_and_vocabulary_from_pinecone(index: PineconeCourseIndex,
                                                                   srv: PineconeServer) -> None:
    fresh = PineconeCourseIndex(api_key=srv.api_key, embeddings=SharedEmbeddings(), host=srv.url)
    vocabulary = fresh.vocabulary(TERM)
    assert "이은지" in vocabulary.professors and "경영학부" in vocabulary.departments
    assert "운영체제" in vocabulary.course_names and "교양필수" in vocabulary.categories
    assert fresh.vocabulary() == vocabulary  # one term: all terms = that term
    hits = fresh.search("이순녀 교수 물리 실험", k=3)
    assert hits[0].section.professors == ["이순녀"]


@pytest.mark.parametrize(("question", "expected"), [
    ("운영체제", "CSE3020"),
    ("자료구조 수업", "CSE2010"),
    ("마케팅 정하늘", "BUS2020"),
    ("SQL 트랜잭션", "CSE3030"),
    ("Linear Algebra", "MAT2050"),
    ("글쓰기 토론", "GEN1100"),
])
def test_hybrid_search_ranks_the_right_course_first(index: PineconeCourseIndex, question: str, expected: str) -> None:
    hits = index.search(question, k=5)
    assert hits[0].section.code == expected and hits[0].matched_by == "hybrid"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_exact_code_comes_first(index: PineconeCourseIndex) -> None:
    hits = index.search("cse3030 들을 만해?", k=5)
    assert hits[0].section.code == "CSE3030" and hits[0].matched_by == "code"
    assert all(h.matched_by == "hybrid" for h in hits[1:])
    both = index.search("PHY1001", k=5)
    assert [h.section.id for h in both[:2]] == [f"{TERM}:PHY1001:01", f"{TERM}:PHY1001:02"]


FILTERS = [
    SearchFilters(days=["화", "목"]),
    SearchFilters(days=["화"], start_before=719),
    SearchFilters(start_after=720),
    SearchFilters(end_before=12 * 60),
    SearchFilters(end_after=16 * 60),
    SearchFilters(days=["월", "수"], end_after=12 * 60),
    SearchFilters(exclude_days=["금"]),
    SearchFilters(professors=["정하늘"]),
    SearchFilters(professors=["김민수"], english=True),
    SearchFilters(departments=["경영학부"], credits=3),
    SearchFilters(credits=1),
    SearchFilters(category="교양"),
    SearchFilters(category="전", departments=["컴퓨터학부"], days=["화"]),
    SearchFilters(course_codes=["PHY1001", "MAT2050"]),
    SearchFilters(term=TERM, english=False, days=["월"]),
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: json.dumps(f.model_dump(exclude_defaults=True), ensure_ascii=False))
def test_filters_select_exactly_what_matches_says(index: PineconeCourseIndex, sections: list[CourseSection],
                                                  filters: SearchFilters) -> None:
    expected = {s.id for s in sections if matches(s, filters)}
    listed = index.search("", filters, k=100)
    assert {h.section.id for h in listed} == expected
    assert all(h.matched_by == "filter" for h in listed)
    assert [(h.section.code, h.section.section) for h in listed] == sorted((h.section.code, h.section.section) for h in listed)
    searched = index.search("강의 수업", filters, k=100)
    assert {h.section.id for h in searched} <= expected


def test_get_course(index: PineconeCourseIndex) -> None:
    assert [s.section for s in index.get_course("PHY1001")] == ["01", "02"]
    assert [s.section for s in index.get_course("PHY1001", term=TERM)] == ["01", "02"]
    assert index.get_course("PHY1001", term="2025-2") == []
    assert index.get_course("NOPE999") == [] and index.get_course("") == []


def test_incremental_sync(srv: PineconeServer) -> None:
    term = "2025-2"
    embeddings = SharedEmbeddings()
    idx = PineconeCourseIndex(api_key=srv.api_key, embeddings=embeddings, host=srv.url)
    base = sample_sections(term)
    first = idx.sync_term(term, base)
    assert (first.added, first.updated, first.unchanged, first.deleted) == (12, 0, 0, 0)
    assert embeddings.documents_requested == 12

    srv.clear_requests()
    again = idx.sync_term(term, base)
    assert (again.added, again.updated, again.unchanged, again.deleted) == (0, 0, 12, 0)
    assert embeddings.documents_requested == 12  # nothing re-embedded
    assert ("POST", "/vectors/upsert") not in srv.requests and ("POST", "/vectors/delete") not in srv.requests

    by_code = {s.code + s.section: s for s in base}
    moved = by_code["CSE2010"].model_copy(update={"slots": [slot("월", "09:00", "10:15", "공학관 101"),
                                                            slot("수", "09:00", "10:15", "공학관 101")]})
    reworded = by_code["BUS3030"].model_copy(update={"description": "포트폴리오 이론과 자본 구조, 배당 정책."})
    added = by_code["MAT2050"].model_copy(update={"code": "MAT3010", "name": "해석학", "description": "실수의 완비성, 수열과 급수."})
    changed = [moved if s is by_code["CSE2010"] else reworded if s is by_code["BUS3030"] else s
               for s in base if s is not by_code["GEN1100"]] + [added]
    srv.clear_requests()
    report = idx.sync_term(term, changed)
    assert (report.added, report.updated, report.unchanged, report.deleted) == (1, 2, 9, 1)
    # the room change kept its vector; the new description and the new course were embedded
    assert embeddings.documents_requested == 12 + 2
    stored = srv.vectors(term)
    assert set(stored) == {s.id for s in changed}
    record = CourseSection.model_validate_json(stored[moved.id].metadata["record"])
    assert record.slots[0].room == "공학관 101"
    assert idx.search("해석학 수열", SearchFilters(term=term), k=1)[0].section.code == "MAT3010"
    assert "교양대학" not in idx.vocabulary(term).departments  # GEN1100 was the only one
    assert idx.count(term) == 12

    emptied = idx.sync_term(term, [])
    assert emptied.deleted == 12 and idx.count(term) == 0 and term not in idx.terms()
    assert f"{term}#meta" not in srv.vectors(STATS_NAMESPACE)


def test_sync_rejects_sections_of_another_term(index: PineconeCourseIndex) -> None:
    with pytest.raises(ValueError, match="another term"):
        index.sync_term("2030-1", sample_sections("2030-2")[:1])
    with pytest.raises(ValueError, match="namespace"):
        index.sync_term(STATS_NAMESPACE, [])


def test_terms_newest_first_and_search_across_terms(srv: PineconeServer, index: PineconeCourseIndex) -> None:
    older = "2024-2"
    index.sync_term(older, sample_sections(older)[:3])
    try:
        assert index.terms() == [TERM, older]
        assert index.count() == 12 + 3
        everywhere = index.search("자료구조", k=20)
        assert {h.section.term for h in everywhere} == {TERM, older}
        assert {s.term for s in index.get_course("CSE2010")} == {TERM, older}
        assert index.get_course("CSE2010")[0].term == TERM  # newest first
        only_old = index.search("자료구조", SearchFilters(term=older), k=20)
        assert {h.section.term for h in only_old} == {older}
    finally:
        index.sync_term(older, [])
