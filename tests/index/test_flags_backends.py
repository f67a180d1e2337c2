"""The catalog's marks (`CourseSection.flags`) on both backends: stored and read back as written (None stays
unknown, [] stays 'no marks'), and the same sections kept under every mark condition, alone or beside
conditions the backends prefilter (Pinecone through the loopback server, driven by the real client)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from agent.index.base import SearchFilters
from agent.index.filtering import matches
from agent.index.lance import LanceCourseIndex
from agent.index.pinecone import PineconeCourseIndex
from tests.fakes.pinecone import PineconeServer
from tests.support.embeddings import SharedEmbeddings
from tests.support.sections import section, slot

TERM = "2026-1"
SECTIONS = [
    section("GEO1010", "지층의이해", section="01", department="지구과학과", professors=["윤바위"],
            slots=[slot("월", "09:00", "10:15")], flags=[]),
    section("GEO1010", "지층의이해", section="02", department="지구과학과", professors=["윤바위"],
            slots=[slot("수", "13:00", "14:15")], flags=["Honors"], restrictions="평점 3.3 이상"),
    section("SHR2001", "화산과인류", section="01", department="교양학부",
            slots=[slot("화", "15:00", "16:50")], flags=["CU공유대학", "승인과목"]),
    section("SHR2002", "지진과도시", section="01", department="교양학부",
            slots=[slot("목", "10:00", "11:50")], flags=["CU공유대학"]),
    section("GEO3030", "광물학", section="01", department="지구과학과", english=True,
            slots=[slot("금", "10:00", "11:15")], flags=["국제학생"]),
    section("GEO3040", "암석학", section="01", department="지구과학과",
            slots=[slot("월", "13:00", "14:15")]),  # flags None: the catalog has no such columns
]
CASES = [
    SearchFilters(flags=["Honors"]),
    SearchFilters(flags=["CU공유대학"]),
    SearchFilters(flags=["CU공유대학", "승인과목"]),
    SearchFilters(flags=["CU공유대학"], days=["목"]),
    SearchFilters(exclude_flags=["Honors"]),
    SearchFilters(exclude_flags=["CU공유대학"], departments=["지구과학과"]),
    SearchFilters(flags=["국제학생"], english=True),
]


@pytest.fixture(scope="module")
def backends(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LanceCourseIndex, PineconeCourseIndex]]:
    embeddings = SharedEmbeddings()
    with PineconeServer(dimension=384) as srv:
        lance = LanceCourseIndex(Path(tmp_path_factory.mktemp("lance-flags")), embeddings)
        pinecone = PineconeCourseIndex(api_key=srv.api_key, embeddings=embeddings, host=srv.url)
        for index in (lance, pinecone):
            index.sync_term(TERM, SECTIONS)
        yield lance, pinecone


def ids(hits: list) -> list[str]:
    return sorted(h.section.id for h in hits)


def test_marks_are_stored_as_written(backends: tuple[LanceCourseIndex, PineconeCourseIndex]) -> None:
    for index in backends:
        stored = {s.id: s.flags for code in ("GEO1010", "SHR2001", "GEO3040") for s in index.get_course(code, TERM)}
        assert stored == {"2026-1:GEO1010:01": [], "2026-1:GEO1010:02": ["Honors"],
                          "2026-1:SHR2001:01": ["CU공유대학", "승인과목"], "2026-1:GEO3040:01": None}


@pytest.mark.parametrize("filters", CASES, ids=lambda f: str(f.model_dump(exclude_defaults=True)))
def test_both_backends_keep_the_same_sections(backends: tuple[LanceCourseIndex, PineconeCourseIndex],
                                              filters: SearchFilters) -> None:
    lance, pinecone = backends
    expected = sorted(s.id for s in SECTIONS if matches(s, filters))
    assert expected, "each case keeps some sections"
    assert ids(lance.search("", filters, k=50)) == ids(pinecone.search("", filters, k=50)) == expected
    assert ids(lance.search("지층", filters, k=50)) == ids(pinecone.search("지층", filters, k=50))
    assert set(ids(lance.search("지층", filters, k=50))) <= set(expected)


def test_the_retriever_reads_a_mark_alike_on_both(backends: tuple[LanceCourseIndex, PineconeCourseIndex]) -> None:
    from agent.retrieval import CourseRetriever

    lance, pinecone = backends
    a = CourseRetriever(lance).retrieve("아너스 분반 말고 지구과학과 수업", k=10)
    b = CourseRetriever(pinecone).retrieve("아너스 분반 말고 지구과학과 수업", k=10)
    matched = [h.section.id for h in a.hits[: a.matched_on_page]]
    assert matched == [h.section.id for h in b.hits[: b.matched_on_page]]
    assert sorted(matched) == ["2026-1:GEO1010:01", "2026-1:GEO3030:01", "2026-1:GEO3040:01"]
