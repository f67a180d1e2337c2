"""Search mode: questions about what only some catalogs hold — seats, exam dates, prerequisites, who may
register, how a course is taught, how it is graded — answered from the sections' optional fields, or
"수강편람에 그 정보는 없어요" when the catalog holds none of it (never an arbitrary section offered as if it
answered).

Which catalog holds what (docs/catalog-mapping.md, fields per profile): Soongsil has 여석 (before
registration it reads as the section's size, so answers say "수강편람 기준"), 수강대상 rules and 수업방식 for
some sections; Sogang has 시험일자, 수강신청 참조사항 and a head count but no seats; the sample catalog has
정원/여석, 수업방식 and 선수과목 remarks. Prerequisites and grading have no field anywhere: only a remark saying so
counts (Sogang's 비고 "절대평가", "성적평가:S/U"; the sample's "P/F 평가").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from agent.catalog.models import CourseSection
from agent.search_mode.answer_plan import Block, CatalogFact, CatalogTopic, Eligibility, NotHeld, Verdict
from agent.catalog.registration import verdict
from agent.search_mode.sections import grading_remarks, prerequisite_remarks
from agent.search_mode.window import Window

TOPICS: tuple[CatalogTopic, ...] = ("seats", "exam", "prerequisite", "restrictions", "delivery", "grading")
_HOLDS: dict[CatalogTopic, Callable[[CourseSection], bool]] = {
    "seats": lambda s: s.seats_left is not None or s.capacity is not None or s.enrolled is not None,
    "exam": lambda s: bool((s.exam or "").strip()),
    "prerequisite": lambda s: bool(prerequisite_remarks(s)),
    "restrictions": lambda s: bool(s.restricted_to_target or (s.restrictions or "").strip()),
    "delivery": lambda s: s.delivery is not None,
    "grading": lambda s: bool(grading_remarks(s)),
}


def holds(section: CourseSection, topic: CatalogTopic) -> bool:
    """Does the catalog state `topic` for this section?"""
    return _HOLDS[topic](section)


def asked_topic(focus: Sequence[str]) -> CatalogTopic | None:
    """The catalog-only attribute a question asks about (the first, in `TOPICS` order), if any."""
    return next((topic for topic in TOPICS if topic in focus), None)


def catalog_block(
    topic: CatalogTopic, window: Window, course: CourseSection, every: Sequence[CourseSection],
    student: Sequence[str] = (),
) -> tuple[Block, Window]:
    """The answer about `topic` for the sections of `window` (one course's, `every` section of it known):
    each with what the catalog says, as bullets, and where the rest of the course is. When the catalog
    holds it for none of the course's sections, it says so once, with no pages to go through. Who may
    register, asked by a student who said their department, is answered for that department."""
    if topic == "restrictions" and student:
        return eligibility_block(window, course, student), window
    held = any(holds(s, topic) for s in every)
    if not held and topic == "grading":
        # Grading is stated by no field of any catalog: where no remark states it, it is a fact the catalog
        # does not hold at all, said as such with nothing cited.
        return Block(NotHeld("grading")), Window([], None)
    if not held:
        window = Window(window.sections, None)
    lead = CatalogFact(topic, course, tuple(window.sections), held)
    return Block(lead, tuple(window.sections), notes=window.note), window


def eligibility_block(window: Window, course: CourseSection, student: Sequence[str]) -> Block:
    """"경영학과인데 자료구조 들어도 돼?": the verdict of the catalog's rules for the student's department, for
    each section shown (sections with the same verdict together)."""
    groups: dict[Verdict, list[CourseSection]] = {}
    for section in window.sections:
        groups.setdefault(verdict(section, student), []).append(section)
    verdicts = tuple((v, tuple(sections)) for v, sections in groups.items())
    return Block(Eligibility(course, student[0], verdicts), tuple(window.sections), notes=window.note)
