"""A department said beside a course that it does not offer is the student's ("글쓰기와의사소통 경영학과는 어느 반
들어야 돼?"): the sections whose registration rules name that department, never every section with the
department dropped. Over the sample catalog's 교양 course with two sections set aside for one department."""

from __future__ import annotations

import pytest

from agent.catalog.loader import load_catalog
from agent.catalog.models import CourseSection
from agent.retrieval import CourseRetriever
from agent.retrieval.audience import welcomes
from tests.support.multi_term import SAMPLE_CATALOG

COURSE, RESERVED = "글쓰기와의사소통", ("02", "04")


def _sections() -> list[CourseSection]:
    out = []
    for s in load_catalog(SAMPLE_CATALOG).sections:
        if s.name == COURSE and s.section in RESERVED:
            s = s.model_copy(update={"target": "전체학년 경영 (대상외수강제한)", "restricted_to_target": True,
                                     "restrictions": "대상외수강제한"})
        out.append(s)
    return out


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> CourseRetriever:
    from agent.index.lance import LanceCourseIndex
    from tests.support.embeddings import SharedEmbeddings

    index = LanceCourseIndex(tmp_path_factory.mktemp("audience"), SharedEmbeddings())
    sections = _sections()
    index.sync_term(sections[0].term, sections)
    return CourseRetriever(index)


def test_the_sections_for_the_department_are_the_answer(retriever: CourseRetriever) -> None:
    result = retriever.retrieve(f"{COURSE} 경영학과는 어느 반 들어야 돼?", k=20)
    found = [h.section for h in result.hits[: result.matched_on_page]]
    assert sorted(s.section for s in found) == list(RESERVED) and {s.name for s in found} == {COURSE}
    assert result.exact and not result.relaxed and result.total_sections == 2


def test_a_department_no_rule_names_is_still_relaxed(retriever: CourseRetriever) -> None:
    result = retriever.retrieve(f"{COURSE} 심리학과는 어느 반?", k=20)
    assert result.relaxed and {h.section.name for h in result.hits} == {COURSE}


def test_a_department_that_offers_the_course_keeps_its_meaning(retriever: CourseRetriever) -> None:
    result = retriever.retrieve("자료구조 컴퓨터공학과 분반", k=20)
    assert result.exact and {h.section.department for h in result.hits[: result.matched_on_page]} == {"컴퓨터공학과"}


def test_welcomes_reads_the_rules() -> None:
    reserved = CourseSection(term="2025-1", code="Q1", name="x", target="2학년 화학 (대상외수강제한)",
                             restricted_to_target=True, restrictions="대상외수강제한")
    assert welcomes(reserved, ["화학과"]) and not welcomes(reserved, ["물리학과"])
    units = CourseSection(term="2025-1", code="Q2", name="x", restrictions="경영대학(가능),스타트업연계전공(가능)")
    assert welcomes(units, ["경영대학"]) and not welcomes(units, [])
    assert not welcomes(CourseSection(term="2025-1", code="Q3", name="x"), ["화학과"])
