"""`SearchFilters` for level, delivery, language, seats and exclusions: the exact `matches` semantics (a value
the catalog does not state never matches a wanted value and is never ruled out), and both prefilters never
stricter than `matches` (LanceDB SQL on a real table; Pinecone's metadata filter on the loopback server)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from agent.index.base import SearchFilters
from agent.index.filtering import flat_fields, lance_where, matches, post_filter_only
from agent.index.pinecone.records import pinecone_filter
from tests.fakes.pinecone.filters import filter_matches
from tests.support.sections import section, slot

GRAD = ["석사", "박사", "석박"]
SECTIONS = [
    section("A1", "데이터마이닝", department="컴퓨터학부", professors=["강하늘"], category="전선-컴퓨터 [전공선택]",
            level="학사", delivery="혼합", language="영·한혼합", seats_left=12, slots=[slot("월", "09:00", "10:15")]),
    section("A2", "데이터마이닝특론", department="컴퓨터학과", professors=["강하늘", "문지호"], category="전공_컴퓨터",
            level="석박", language="영어", english=True, seats_left=0),
    section("A3", "현대사회와윤리", department="교양교육운영팀", professors=["서유진"], category="교선 [교양선택]",
            level="학사", delivery="녹화", seats_left=150),
    section("A4", "기업가정신", department=None, professors=[], category=None, level=None, delivery=None),
    section("A5", "머신러닝세미나", department="컴퓨터학과", professors=["문지호"], category="전공_컴퓨터", level="박사",
            delivery="원격", language="한국어", seats_left=3),
    section("A6", "교육심리", department="교직팀", professors=["서유진"], category="교직", level="학사",
            delivery="대면", language="한국어"),
]


def codes(filters: SearchFilters) -> set[str]:
    return {s.code for s in SECTIONS if matches(s, filters)}


def test_levels_delivery_languages_match_only_stated_values() -> None:
    assert codes(SearchFilters(levels=GRAD)) == {"A2", "A5"}
    assert codes(SearchFilters(levels=["학사"])) == {"A1", "A3", "A6"}  # A4 states no level
    assert codes(SearchFilters(delivery=["원격", "녹화"])) == {"A3", "A5"}
    assert codes(SearchFilters(languages=["영·한혼합"])) == {"A1"}


def test_exclusions_keep_what_the_catalog_does_not_state() -> None:
    assert codes(SearchFilters(exclude_levels=GRAD)) == {"A1", "A3", "A4", "A6"}
    assert codes(SearchFilters(exclude_delivery=["원격", "녹화"])) == {"A1", "A2", "A4", "A6"}
    assert codes(SearchFilters(exclude_languages=["영어"])) == {"A1", "A3", "A4", "A5", "A6"}
    assert codes(SearchFilters(exclude_professors=["강하늘"])) == {"A3", "A4", "A5", "A6"}
    assert codes(SearchFilters(exclude_departments=["컴퓨터학과"])) == {"A1", "A3", "A4", "A6"}
    assert codes(SearchFilters(exclude_categories=["전공"])) == {"A3", "A4", "A6"}  # substring, as `category`
    assert codes(SearchFilters(exclude_categories=["교선", "교직"])) == {"A1", "A2", "A4", "A5"}


def test_seats_as_the_catalog_states_them() -> None:
    assert codes(SearchFilters(has_seats=True)) == {"A1", "A3", "A5"}
    assert codes(SearchFilters(has_seats=False)) == {"A2"}  # A4 and A6 state no seat figure: neither


def test_an_exclusion_and_a_wish_together() -> None:
    both = SearchFilters(departments=["컴퓨터학과", "컴퓨터학부"], exclude_levels=GRAD, has_seats=True)
    assert codes(both) == {"A1"}


def test_english_false_and_seats_false_are_conditions() -> None:
    assert not SearchFilters(english=False).is_empty()
    assert not SearchFilters(has_seats=False).is_empty()
    assert SearchFilters(category="").is_empty() and SearchFilters(term="2026-1").is_empty()


def test_post_filter_only_names_what_no_prefilter_expresses() -> None:
    for filters in (SearchFilters(levels=GRAD), SearchFilters(exclude_delivery=["녹화"]), SearchFilters(has_seats=True),
                    SearchFilters(languages=["영어"]), SearchFilters(exclude_categories=["전공_컴퓨터"])):
        assert post_filter_only(filters), filters
    for filters in (SearchFilters(exclude_professors=["강하늘"]), SearchFilters(exclude_categories=["교양선택"]),
                    SearchFilters(exclude_departments=["교직팀"]), SearchFilters(days=["월"])):
        assert not post_filter_only(filters), filters


CASES: list[SearchFilters] = [
    SearchFilters(exclude_professors=["강하늘"]),
    SearchFilters(exclude_professors=["서유진", "없는사람"]),
    SearchFilters(exclude_departments=["컴퓨터학과"]),
    SearchFilters(exclude_departments=["it's"]),  # quoting
    SearchFilters(exclude_categories=["전공"]),
    SearchFilters(exclude_categories=["교선", "교직"]),
    SearchFilters(exclude_categories=["전공_컴퓨터"]),  # longer than Pinecone's grams: left to `matches`
    SearchFilters(levels=GRAD, exclude_professors=["문지호"]),
    SearchFilters(exclude_levels=GRAD, exclude_delivery=["녹화"]),
    SearchFilters(languages=["한국어"], has_seats=True),
    SearchFilters(category="전공", exclude_departments=["컴퓨터학부"]),
]


@pytest.fixture(scope="module")
def flat_table(tmp_path_factory: pytest.TempPathFactory):
    import lancedb

    from agent.index.lance.schema import filter_schema

    db = lancedb.connect(str(Path(tmp_path_factory.mktemp("flat-offering")) / "db"))
    rows = [{"id": s.id, **flat_fields(s)} for s in SECTIONS]
    return db.create_table("flat", data=rows, schema=filter_schema())


def _sql_ids(flat_table, filters: SearchFilters) -> set[str]:
    where = lance_where(filters)
    query = flat_table.search().limit(1000).select(["id"])
    return {row["id"] for row in (query.where(where) if where else query).to_list()}


@pytest.mark.parametrize("filters", CASES, ids=lambda f: str(f.model_dump(exclude_defaults=True)))
def test_lance_prefilter_is_never_stricter(flat_table, filters: SearchFilters) -> None:
    precise = {s.id for s in SECTIONS if matches(s, filters)}
    prefiltered = _sql_ids(flat_table, filters)
    assert precise <= prefiltered
    if not post_filter_only(filters):
        assert prefiltered == precise  # exclusions of professors, departments, short categories: exact in SQL


def test_lance_prefilter_never_stricter_in_pairs(flat_table) -> None:
    for a, b in itertools.combinations(CASES, 2):
        merged = SearchFilters(**{**a.model_dump(exclude_defaults=True), **b.model_dump(exclude_defaults=True)})
        assert {s.id for s in SECTIONS if matches(s, merged)} <= _sql_ids(flat_table, merged), merged


@pytest.mark.parametrize("filters", CASES, ids=lambda f: str(f.model_dump(exclude_defaults=True)))
def test_pinecone_metadata_filter_is_never_stricter(filters: SearchFilters) -> None:
    from agent.index.pinecone.records import section_metadata

    where = pinecone_filter(filters)
    passed = set()
    for s in SECTIONS:
        metadata = section_metadata(s, text="", content_hash="", passage_key="", strategy="bigram", avgdl=1.0)
        if where is None or filter_matches(metadata, where):
            passed.add(s.id)
    precise = {s.id for s in SECTIONS if matches(s, filters)}
    assert precise <= passed
    if not post_filter_only(filters):
        assert passed == precise


def test_section_filter_is_matches_fixed_once() -> None:
    from agent.index.filtering import section_filter
    from tests.support.sections import sample_sections

    everything = SECTIONS + sample_sections()
    for filters in [None, SearchFilters(), SearchFilters(term="2026-1"), *CASES,
                    SearchFilters(term="2026-1", days=["월"], start_after=500, credits=3, exclude_levels=GRAD),
                    SearchFilters(departments=["컴퓨터학부"], category="전", has_seats=True, exclude_categories=["교"])]:
        keep = section_filter(filters)
        assert [keep(s) for s in everything] == [matches(s, filters) for s in everything], filters
