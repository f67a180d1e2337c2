"""The ranking pieces both backends share: min-max fusion and the hit list that puts a search's tiers together."""

from __future__ import annotations

from collections.abc import Iterator

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters
from agent.index.fusion import HitList, fuse
from tests.support.sections import sample_sections

SECTIONS = {s.id.removeprefix("2026-1:"): s for s in sample_sections()}


def pick(*keys: str) -> list[CourseSection]:
    return [SECTIONS[key] for key in keys]


def test_fuse_scales_each_list_and_breaks_ties_on_the_id() -> None:
    dense = {"a": 0.9, "b": 0.5, "c": 0.1}
    lexical = {"c": 12.0, "d": 2.0}
    fused = fuse(dense, lexical, alpha=0.6)
    assert fused == [("a", 0.6), ("c", 0.4), ("b", 0.3), ("d", 0.0)]
    assert fuse({"x": 1.0, "w": 1.0}, {}, alpha=0.5) == [("w", 0.5), ("x", 0.5)]


def test_tiers_keep_their_order_and_a_section_is_listed_once() -> None:
    hits = HitList(4)
    hits.fill([(s, 1.0) for s in pick("CSE2010")], "code")
    ranked = [(s, 0.5) for s in pick("CSE3020", "CSE2010", "BUS1010", "BUS2020", "BUS3030")]
    result = hits.fill(ranked, "hybrid")
    assert [(h.section.code, h.matched_by) for h in result] == [
        ("CSE2010", "code"), ("CSE3020", "hybrid"), ("BUS1010", "hybrid"), ("BUS2020", "hybrid")]
    assert hits.full and result[0].score == 1.0 and result[1].score == 0.5


def test_recheck_drops_what_the_filters_exclude() -> None:
    hits = HitList(10)
    result = hits.fill([(s, 0.0) for s in SECTIONS.values()], "filter", SearchFilters(departments=["경영학부"]))
    assert {h.section.code for h in result} == {"BUS1010", "BUS2020", "BUS3030"}
    assert not hits.full


def test_a_lazy_ranking_is_read_no_further_than_the_hit_that_fills_the_list() -> None:
    read: list[str] = []

    def ranking() -> Iterator[tuple[CourseSection, float]]:
        for section in SECTIONS.values():
            read.append(section.code)
            yield section, 0.1

    hits = HitList(2)
    assert len(hits.fill(ranking(), "hybrid")) == 2
    assert len(read) == 2
    assert hits.fill(ranking(), "hybrid") == hits.hits and len(read) == 2  # already full: not read at all
