"""SearchFilters semantics: the precise `matches`, the flat fields, and the LanceDB SQL prefilter."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from agent.index.base import SearchFilters
from agent.index.filtering import flat_fields, lance_where, matches, year_includes
from tests.support.sections import sample_sections, section

SECTIONS = sample_sections()


def codes(filters: SearchFilters) -> set[str]:
    return {s.id.split(":", 1)[1] for s in SECTIONS if matches(s, filters)}


def test_no_filters_match_everything() -> None:
    assert all(matches(s, None) for s in SECTIONS)
    assert all(matches(s, SearchFilters()) for s in SECTIONS)


def test_term() -> None:
    other = section("X1", "다른 학기 과목", term="2025-2")
    assert matches(other, SearchFilters(term="2025-2"))
    assert not matches(other, SearchFilters(term="2026-1"))


def test_course_codes() -> None:
    assert codes(SearchFilters(course_codes=["PHY1001", "MAT2050"])) == {"PHY1001:01", "PHY1001:02", "MAT2050"}


def test_departments_any_exact() -> None:
    assert codes(SearchFilters(departments=["경영학부"])) == {"BUS1010", "BUS2020", "BUS3030"}
    assert codes(SearchFilters(departments=["경영"])) == set()  # exact vocabulary values, not substrings
    assert codes(SearchFilters(departments=["수학과", "물리학과"])) == {"MAT2050", "PHY1001:01", "PHY1001:02"}


def test_professors_any() -> None:
    assert codes(SearchFilters(professors=["김민수"])) == {"CSE2010", "ENG2100"}
    assert codes(SearchFilters(professors=["최서연", "이은지"])) == {"CSE3030", "CSE3020"}


def test_days_every_listed_day() -> None:
    assert codes(SearchFilters(days=["화", "목"])) == {"CSE3020", "CSE3030", "BUS1010"}
    assert codes(SearchFilters(days=["월", "금"])) == {"MAT2050"}
    assert codes(SearchFilters(days=["토"])) == {"ENG2100"}


def test_exclude_days() -> None:
    result = codes(SearchFilters(exclude_days=["금"]))
    assert not {"CSE4010", "BUS3030", "MAT2050"} & result
    assert "GEN1100" in result  # no meetings at all: meets on none of them


def test_morning_on_requested_days_only() -> None:
    # 월 10:30 morning but 금 16:30 afternoon: morning on Monday, not "all morning".
    assert "MAT2050" in codes(SearchFilters(days=["월"], start_before=719))
    assert "MAT2050" not in codes(SearchFilters(start_before=719))


def test_start_after_afternoon() -> None:
    assert codes(SearchFilters(start_after=720)) == {"CSE3020", "BUS2020", "PHY1001:01", "PHY1001:02"}


def test_one_oclock_window() -> None:
    # "1시" -> starts between 13:00 and 13:59
    assert codes(SearchFilters(start_after=780, start_before=839)) == {"CSE3020", "PHY1001:01"}


def test_end_before() -> None:
    assert codes(SearchFilters(end_before=630)) == {"CSE2010", "CSE3030"}


def test_end_after_is_some_meeting_ending_late() -> None:
    assert codes(SearchFilters(end_after=1000)) == {"PHY1001:02", "MAT2050"}
    assert codes(SearchFilters(days=["월"], end_after=1000)) == set()  # MAT2050's late meeting is on Friday
    assert "GEN1100" not in codes(SearchFilters(end_after=0))


def test_time_bounds_need_a_slot() -> None:
    assert "GEN1100" not in codes(SearchFilters(start_after=0))
    assert "GEN1100" not in codes(SearchFilters(end_before=24 * 60))


def test_credits_equal() -> None:
    assert codes(SearchFilters(credits=1)) == {"PHY1001:01", "PHY1001:02"}
    assert codes(SearchFilters(credits=2.0)) == {"BUS3030", "GEN1100"}


def test_english() -> None:
    assert codes(SearchFilters(english=True)) == {"CSE4010", "ENG2100"}
    assert len(codes(SearchFilters(english=False))) == len(SECTIONS) - 2


def test_category_substring() -> None:
    assert codes(SearchFilters(category="교양")) == {"PHY1001:01", "PHY1001:02", "GEN1100", "ENG2100"}
    assert codes(SearchFilters(category="전필")) == {"CSE2010", "CSE3020", "BUS2020"}


def test_flat_fields_per_day_times() -> None:
    fields = flat_fields(SECTIONS[10])  # 선형대수: 월 10:30-11:45, 금 16:30-17:45
    assert fields["days"] == ["월", "금"]
    assert (fields["start_min"], fields["start_max"], fields["end_max"]) == (630, 990, 1065)
    assert (fields["mon_start_min"], fields["mon_end_max"]) == (630, 705)
    assert fields["fri_start_max"] == 990
    assert fields["tue_start_min"] is None
    assert fields["credits"] == 3.0 and fields["english"] is False


def test_flat_fields_drop_none_for_metadata() -> None:
    fields = flat_fields(SECTIONS[9], drop_none=True)  # 글쓰기와 토론: no slots
    assert None not in fields.values()
    assert "start_min" not in fields and fields["days"] == []


# ---- the LanceDB prefilter agrees with `matches` on a real embedded table ----

@pytest.mark.parametrize(
    ("recommended", "year", "included"),
    [("3학년", 3, True), ("3학년", 2, False), ("3-4학년", 4, True), ("2-4학년", 3, True), ("2-4학년", 1, False),
     ("2~3학년", 3, True), ("1,2학년", 2, True), ("전체학년", 5, True), ("전학년", 1, True), (None, 3, False),
     ("", 3, False), ("학년 미정", 3, False)],
)
def test_year_includes_the_catalogs_ranges(recommended: str | None, year: int, included: bool) -> None:
    assert year_includes(recommended, year) is included


def test_year_filter_and_the_sql_prefilter() -> None:
    year3 = section("CSE3010", "운영체제", year="3학년")
    range_ = section("CSE4010", "캡스톤", year="3-4학년")
    everyone = section("GEN1001", "글쓰기", year="전체학년")
    unknown = section("GEN1002", "채플")
    kept = [s.code for s in (year3, range_, everyone, unknown) if matches(s, SearchFilters(year=3))]
    assert kept == ["CSE3010", "CSE4010", "GEN1001"]
    assert not matches(year3, SearchFilters(year=4))
    # No column holds the year: the SQL prefilter leaves it to `matches` (never stricter than it).
    assert lance_where(SearchFilters(year=3)) is None
    assert lance_where(SearchFilters(year=3, credits=3)) == lance_where(SearchFilters(credits=3))


FILTER_CASES: list[SearchFilters] = [
    SearchFilters(term="2026-1"),
    SearchFilters(term="2025-2"),
    SearchFilters(course_codes=["PHY1001", "BUS2020"]),
    SearchFilters(departments=["컴퓨터학부"]),
    SearchFilters(departments=["it's"]),  # quoting
    SearchFilters(professors=["정하늘", "Brown Emily"]),
    SearchFilters(days=["화", "목"]),
    SearchFilters(days=["월"], start_before=719),
    SearchFilters(exclude_days=["금", "토"]),
    SearchFilters(start_after=720),
    SearchFilters(start_after=780, start_before=839),
    SearchFilters(days=["수"], start_after=900, end_before=1000),
    SearchFilters(end_before=630),
    SearchFilters(end_after=1000),
    SearchFilters(days=["화", "목"], end_after=900),  # some meeting of those days ends late enough
    SearchFilters(credits=3),
    SearchFilters(credits=1.0, category="교양"),
    SearchFilters(english=True),
    SearchFilters(english=False, days=["화"]),
    SearchFilters(category="전필"),
    SearchFilters(category="교양선택", exclude_days=["토"]),
    SearchFilters(departments=["경영학부"], days=["화", "목"], start_before=719, category="전"),
]


@pytest.fixture(scope="module")
def flat_table(tmp_path_factory: pytest.TempPathFactory):
    import lancedb

    from agent.index.lance.schema import filter_schema

    db = lancedb.connect(str(Path(tmp_path_factory.mktemp("flat")) / "db"))
    rows = [{"id": s.id, **flat_fields(s)} for s in SECTIONS]
    return db.create_table("flat", data=rows, schema=filter_schema())


@pytest.mark.parametrize("filters", FILTER_CASES, ids=lambda f: str(f.model_dump(exclude_defaults=True)))
def test_lance_where_equals_matches(flat_table, filters: SearchFilters) -> None:
    where = lance_where(filters)
    assert where is not None
    rows = flat_table.search().where(where).limit(1000).select(["id"]).to_list()
    assert {row["id"] for row in rows} == {s.id for s in SECTIONS if matches(s, filters)}


def test_lance_where_combinations_never_over_restrict(flat_table) -> None:
    """Pairs of cases combined: the SQL result is exactly the precise result."""
    for a, b in itertools.combinations(FILTER_CASES[2:], 2):
        merged = SearchFilters(**{**a.model_dump(exclude_defaults=True), **b.model_dump(exclude_defaults=True)})
        where = lance_where(merged)
        rows = flat_table.search().where(where).limit(1000).select(["id"]).to_list()
        assert {row["id"] for row in rows} == {s.id for s in SECTIONS if matches(s, merged)}, where


def test_lance_where_empty_filters() -> None:
    assert lance_where(None) is None
    assert lance_where(SearchFilters()) is None
    assert lance_where(SearchFilters(term="2026-1"), include_term=False) is None
