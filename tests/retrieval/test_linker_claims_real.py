"""The linkers' claims over every name of the real catalogs: each course name said whole links to that
course alone (no other linker reads inside it), and each department's stem said alone links to that
department (never to a course name it resembles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.catalog import load_catalog
from agent.index.base import SearchFilters, Vocabulary
from agent.index.vocabulary import vocabulary_of
from agent.query import parse_question
from agent.query.normalize import normalize_question
from agent.query.vocab import matcher_for

pytestmark = pytest.mark.slow

CATALOGS = ("ssu-2026-1", "sogang-2025-1", "sogang-2023-2025")


@pytest.fixture(scope="module", params=CATALOGS)
def vocabulary(request: pytest.FixtureRequest, shared_data: Path) -> Vocabulary:
    return vocabulary_of(load_catalog(shared_data / f"{request.param}.csv").sections)


def _conditions(filters: SearchFilters) -> dict[str, object]:
    empty = SearchFilters()
    return {k: v for k, v in filters.__dict__.items() if k != "term" and v != getattr(empty, k)}


def test_every_whole_name_links_to_its_course_and_nothing_else(vocabulary: Vocabulary) -> None:
    matcher = matcher_for(vocabulary)
    whole = set(matcher.whole_name_keys)
    wrong: list[str] = []
    for name in sorted(set(vocabulary.course_names)):
        key = matcher.courses_for_key(name) and next(k for k, v in matcher.name_to_courses.items() if name in v)
        if key not in whole or normalize_question(name) != name:
            continue  # short names are read word by word; a name the normalizer rewrites is written otherwise
        parsed = parse_question(f"{name} 강의실 어디야?", vocabulary)
        if set(parsed.course_names) != set(matcher.courses_for_key(name)) or _conditions(parsed.filters) or (
            parsed.unknown_names or parsed.rooms or parsed.section
        ):
            wrong.append(f"{name}: {parsed.course_names} {_conditions(parsed.filters)} {parsed.unknown_names}")
    assert wrong == []


def test_every_department_stem_said_alone_is_that_department(vocabulary: Vocabulary) -> None:
    matcher = matcher_for(vocabulary)
    wrong: list[str] = []
    for stem, departments in sorted(matcher.standalone.items()):
        if matcher.courses_for_key(stem) or normalize_question(stem) != stem:
            continue  # a course of that very name is the course
        parsed = parse_question(f"{stem} 과목 뭐 있어?", vocabulary)
        if not set(departments) <= set(parsed.filters.departments) or parsed.course_names:
            wrong.append(f"{stem}: {parsed.filters.departments} {parsed.course_names}")
    assert wrong == []
