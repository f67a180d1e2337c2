"""The project's own sample catalog (data/sample-catalog.csv, read through its mapping)."""

from __future__ import annotations

import csv
import importlib.util
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from agent.catalog import LoadResult, load_catalog
from agent.settings import PROJECT_ROOT, SAMPLE_CATALOG


@pytest.fixture(scope="module")
def sample() -> LoadResult:
    return load_catalog(SAMPLE_CATALOG)


def test_loads_through_its_mapping_without_problems(sample: LoadResult) -> None:
    assert sample.profile == "mapping:sample-catalog.mapping.yaml"
    assert sample.problems == []
    assert 190 <= sample.loaded <= 210
    assert sample.terms == ["2026-1"]
    assert {s.university for s in sample.sections} == {"한빛대학교"}


def test_every_section_is_complete(sample: LoadResult) -> None:
    for s in sample.sections:
        assert s.slots, s.id
        assert s.professors, s.id
        assert s.credits in (1.0, 2.0, 3.0), s.id
        assert s.hours and s.hours >= s.credits, s.id
        assert s.category and s.department and s.target, s.id
        assert s.year or s.graduate, s.id  # graduate sections have no recommended year
        assert all(slot.end > slot.start for slot in s.slots)
        assert all(slot.room for slot in s.slots)
    described = sum(1 for s in sample.sections if s.description)
    assert described >= 0.9 * sample.loaded
    assert 5 <= sum(1 for s in sample.sections if s.notes) < sample.loaded / 2


def test_breadth_of_the_catalog(sample: LoadResult) -> None:
    departments = Counter(s.department for s in sample.sections)
    assert len(departments) >= 8 and min(departments.values()) >= 5
    names = {s.name for s in sample.sections}
    for name in ("자료구조", "운영체제", "컴퓨터구조", "선형대수학", "데이터베이스", "알고리즘", "컴퓨터네트워크",
                 "확률과통계", "미적분학", "일반물리학및실험1", "객체지향프로그래밍", "회계원리", "마케팅원론",
                 "재무관리", "미시경제학"):
        assert name in names, name
    categories = " ".join(s.category for s in sample.sections)
    for word in ("전공필수", "전공선택", "전공기초", "교양필수", "교양선택", "전필", "전선", "교필", "교선"):
        assert word in categories
    english = [s for s in sample.sections if s.english]
    assert 10 <= len(english) <= 40
    # Popular courses have several sections with different professors and times.
    ds = [s for s in sample.sections if s.code == "CSE2010"]
    assert len(ds) >= 3 and len({tuple(s.professors) for s in ds}) >= 3
    assert len({tuple((x.day, x.start) for x in s.slots) for s in ds}) == len(ds)
    # 자료구조 exists in two departments: the (term, code, section) ids keep them apart.
    assert {s.department for s in sample.sections if s.name == "자료구조"} == {"컴퓨터공학과", "소프트웨어학부"}
    assert any(x.day == "토" for s in sample.sections for x in s.slots)
    assert any(x.end - x.start >= 165 for s in sample.sections for x in s.slots)  # labs / long blocks


def test_times_on_the_grid(sample: LoadResult) -> None:
    grid = {9 * 60, 10 * 60 + 30, 12 * 60, 13 * 60 + 30, 15 * 60, 15 * 60 + 30, 16 * 60 + 30, 18 * 60}
    assert all(x.start in grid for s in sample.sections for x in s.slots)
    assert all(x.day in "월화수목금토" for s in sample.sections for x in s.slots)


def _overlaps(entries: list[tuple[str, object]]) -> list[tuple[str, str]]:
    clashes = []
    for (id_a, a), (id_b, b) in combinations(entries, 2):
        if a.day == b.day and a.start < b.end and b.start < a.end:
            clashes.append((id_a, id_b))
    return clashes


def test_no_professor_or_room_is_double_booked(sample: LoadResult) -> None:
    by_prof: dict[str, list] = {}
    by_room: dict[str, list] = {}
    for s in sample.sections:
        for slot in s.slots:
            for prof in s.professors:
                by_prof.setdefault(prof, []).append((s.id, slot))
            by_room.setdefault(slot.room, []).append((s.id, slot))
    for prof, entries in by_prof.items():
        assert _overlaps(entries) == [], prof
    for room, entries in by_room.items():
        assert _overlaps(entries) == [], room


def test_committed_csv_is_what_the_generator_writes() -> None:
    spec = importlib.util.spec_from_file_location("make_sample", PROJECT_ROOT / "data" / "make_sample.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_sample"] = module  # dataclasses resolve annotations through sys.modules
    try:
        spec.loader.exec_module(module)
        rows = module.build()
    finally:
        sys.modules.pop("make_sample", None)
    with Path(SAMPLE_CATALOG).open(encoding="utf-8-sig", newline="") as handle:
        committed = list(csv.DictReader(handle))
    assert committed == rows
