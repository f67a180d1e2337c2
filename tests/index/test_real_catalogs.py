"""The shared indexes over real data: the sample catalog (fast) and Soongsil 2026-1 (slow, 3,048 sections).

Read-only use of the cached `sample_index` / `ssu_index` fixtures (see tests/conftest.py).
"""

from __future__ import annotations

import pytest

from agent.index.base import SearchFilters
from agent.index.filtering import matches


def test_sample_index_holds_the_sample_catalog(sample_index) -> None:
    from agent.catalog import load_catalog
    from agent.settings import SAMPLE_CATALOG

    result = load_catalog(SAMPLE_CATALOG)
    assert sample_index.count() == result.loaded and sample_index.terms() == result.terms
    first = result.sections[0]
    assert sample_index.get_course(first.code, first.term)[0].model_dump() in [
        s.model_dump() for s in result.sections if s.code == first.code
    ]


def test_sample_index_english_name_and_professor(sample_index) -> None:
    hits = sample_index.search("Computer Programming", k=3)
    assert hits[0].section.name_en == "Computer Programming"
    professor = hits[0].section.professors[0]
    by_professor = sample_index.search(f"{professor} 교수님 수업", k=5)
    assert any(professor in hit.section.professors for hit in by_professor[:3])


@pytest.mark.slow
def test_ssu_index_counts(ssu_index) -> None:
    assert ssu_index.count() == 3048 and ssu_index.terms() == ["2026-1"]
    vocabulary = ssu_index.vocabulary("2026-1")
    assert "물리학과" in vocabulary.departments and "이은지" in vocabulary.professors


@pytest.mark.slow
def test_ssu_code_first(ssu_index) -> None:
    hits = ssu_index.search("5006762801 누가 가르쳐?", k=5)
    assert (hits[0].section.code, hits[0].matched_by) == ("5006762801", "code")
    assert {"이순녀", "최현희"} <= set(hits[0].section.professors)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("query", "filters", "expect"),
    [
        ("운영체제 이은지", SearchFilters(), lambda s: s.name == "운영체제" and "이은지" in s.professors),
        ("물리1및실험", SearchFilters(), lambda s: "물리1및실험" in s.name),
        ("동아시아 미술사 영어 강의", SearchFilters(english=True), lambda s: s.name == "East Asian Art History"),
        ("물리 실험", SearchFilters(days=["월"], start_after=780),
         lambda s: "물리" in s.name and "월" in s.days),
    ],
)
def test_ssu_hybrid_top_hit(ssu_index, query: str, filters: SearchFilters, expect) -> None:
    hits = ssu_index.search(query, filters, k=5)
    assert hits and expect(hits[0].section), [(h.section.code, h.section.name, h.score) for h in hits]


@pytest.mark.slow
@pytest.mark.parametrize(
    "filters",
    [
        SearchFilters(days=["화", "목"], start_before=719, departments=["경영학부"]),
        SearchFilters(professors=["이은지"]),
        SearchFilters(exclude_days=["금"], category="전필", credits=3),
        SearchFilters(days=["토"]),
    ],
    ids=lambda f: str(f.model_dump(exclude_defaults=True)),
)
def test_ssu_filters_hold_for_every_hit(ssu_index, filters: SearchFilters) -> None:
    hits = ssu_index.search("전공 수업", filters, k=20)
    assert hits and all(matches(h.section, filters) for h in hits)
    listed = ssu_index.search("", filters, k=500)
    assert listed and all(matches(h.section, filters) for h in listed)
