"""Search mode: the answer plan for `get_course` results (codes in the question, or the course an earlier
answer cited), one block per course looked up.

A follow-up's schedule words first pick among the course's sections ("그 중에 월요일 수업은?"); then the
first rule that answers wins: the course's other sections, its times for a timetable question, the asked
attribute, or its details. A lookup holds all of a course's sections, so the answer pages them itself: the
bullets are at most a window of them, from `plan.offset` on ("더 보기").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters
from agent.index.filtering import matches
from agent.search_mode.answer_plan import (
    AnswerPlan,
    Block,
    CourseBySection,
    CourseSections,
    Lead,
    NoMatch,
    Reply,
    SectionFact,
    Totals,
)
from agent.search_mode.compose_attributes import attribute_block, course_attribute, section_attribute
from agent.search_mode.compose_catalog import asked_topic, catalog_block
from agent.search_mode.compose_terms import course_elsewhere
from agent.search_mode.outcomes import ToolOutcome
from agent.search_mode.planning import Plan
from agent.search_mode.sections import dedupe, filtered_attributes, in_code_order, same_name
from agent.search_mode.window import of_course, of_search


@dataclass
class Looked:
    """One course looked up, after narrowing: what the rules below read."""

    plan: Plan
    sections: list[CourseSection]  # in code order, never empty
    searches: list[ToolOutcome]  # this turn's searches by the course's name (other sections)
    narrowed_by: SearchFilters | None  # the follow-up's schedule words, when they picked the sections

    @property
    def first(self) -> CourseSection:
        return self.sections[0]


Part = tuple[Block, list[CourseSection]]  # a block and the sections it cites


def _listing(lead: Lead, sections: list[CourseSection], plan: Plan) -> Part:
    """`lead` over `sections` (all of them), the window "더 보기" has reached as bullets, and its totals."""
    window = of_course(sections, plan.offset)
    block = Block(lead, tuple(window.sections), notes=window.note)
    return block, list(block.bullets)


def catalog_attribute(looked: Looked) -> Part | None:
    """"그 수업 여석 있어?": what the catalog says of it for the course's sections looked up, or that it does not
    hold it."""
    topic = asked_topic(looked.plan.focus)
    if topic is None:
        return None
    window = of_course(looked.sections, looked.plan.offset)
    block, _ = catalog_block(topic, window, looked.first, looked.sections)
    return block, list(block.bullets)


def other_sections(looked: Looked) -> Part | None:
    """"다른 분반은?": every section of the course (same code, or where every section has its own code, the
    same name)."""
    if "sections" not in looked.plan.focus or _only_the_named_section(looked):
        return None
    first = looked.first
    paged = _course_search(looked)
    if paged is not None:
        return paged
    every = dedupe(looked.sections + [s for o in looked.searches for s in o.sections if same_name(s, first)])
    if looked.narrowed_by is not None:
        every = [s for s in every if matches(s, looked.narrowed_by)]
    if len(every) == 1:
        return Block(SectionFact(first, "only_section"), (first,)), [first]
    lead = CourseSections(first, len(every), looked.narrowed_by)
    return _listing(lead, in_code_order(every), looked.plan)


def _course_search(looked: Looked) -> Part | None:
    """Where every section has its own code (Soongsil), the course's sections are this turn's search by its
    name, a page at a time: its true count, and its pages as the answer's ("더 보기" pages that search)."""
    first = looked.first
    for search in looked.searches:
        same = [s for s in search.matched if same_name(s, first)]
        one_course = search.total_courses == 1 and bool(search.total_sections)
        if looked.narrowed_by is None and one_course and len(same) > 1:
            window = of_search(search, same)
            lead = CourseSections(first, window.totals.sections if window.totals else len(same))
            block = Block(lead, tuple(in_code_order(window.sections)), notes=window.note)
            return block, list(block.bullets)
    return None


def _only_the_named_section(looked: Looked) -> bool:
    """"CSE2010 02분반 몇 학점?": "분반" named the section looked up; it does not ask for the others."""
    wanted = (looked.plan.section or "").lstrip("0")
    named = all(s.section.lstrip("0") == wanted for s in looked.sections)
    return bool(wanted) and not looked.searches and named


def timetable_alone(looked: Looked) -> Part | None:
    """A timetable question that found one course: its times, and which courses to check it with."""
    if "timetable" not in looked.plan.focus:
        return None
    return Block(SectionFact(looked.first, "timetable")), [looked.first]


def attribute_answer(looked: Looked) -> Part | None:
    """The asked attribute (or, after narrowing, how many sections met the conditions)."""
    narrowed_by, sections, first = looked.narrowed_by, looked.sections, looked.first
    # Schedule words that did the narrowing are not an asked attribute ("월요일 빼고" is not "언제?").
    spent = filtered_attributes(narrowed_by) if narrowed_by is not None else set()
    focus = [f for f in looked.plan.focus if f not in spent]
    lead: Lead | None
    if len(sections) == 1:
        lead = section_attribute(first, focus)
    else:
        lead = course_attribute(sections, focus) if focus else None
    if lead is None and narrowed_by is not None:
        lead = CourseSections(first, len(sections), narrowed_by)
        if len(sections) == 1:
            return Block(lead, (first,)), [first]
    if lead is None:
        return None
    if len(sections) > 1:
        window = of_course(sections, looked.plan.offset)
        block = attribute_block(lead, window.sections, window.note)
        if block is not None:
            return block, list(block.bullets)
        return _listing(lead, sections, looked.plan)
    return Block(lead), [first]


def course_details(looked: Looked) -> Part:
    several = len(looked.sections) > 1 and bool(looked.plan.focus)
    lead = CourseBySection("per_section" if several else "details", looked.first)
    return _listing(lead, looked.sections, looked.plan)


RULES: tuple[Callable[[Looked], Part | None], ...] = (
    catalog_attribute, other_sections, timetable_alone, attribute_answer,
)


def compose_lookup(plan: Plan, lookups: list[ToolOutcome], searches: list[ToolOutcome]) -> AnswerPlan:
    blocks: list[Block] = []
    cited: list[CourseSection] = []
    for outcome in lookups:
        elsewhere = course_elsewhere(plan, outcome)  # a code the term lacks, from the terms that had it
        if elsewhere is not None:
            blocks += elsewhere.blocks
            cited += elsewhere.cited
            continue
        part = _one_course(plan, outcome.sections, searches)
        if part is not None:
            blocks.append(part[0])
            cited.extend(part[1])
    if not blocks:
        return AnswerPlan((Block(NoMatch("unclear")),))
    if plan.offset and not cited:
        return AnswerPlan((Block(Reply("no_more")),))  # "더 보기" past the last section
    # One course cut into pages: its totals are the answer's (several courses are each shown whole or cut).
    totals = [n for block in blocks for n in block.notes if isinstance(n, Totals)]
    page = totals[0] if len(blocks) == 1 and totals else None
    return AnswerPlan(tuple(blocks), cited=tuple(dedupe(cited)), totals=page)


def _one_course(plan: Plan, sections: list[CourseSection], searches: list[ToolOutcome]) -> Part | None:
    if not sections:
        return None
    narrowed_by = None
    if plan.narrow is not None:
        # "그 중에 월요일 수업은?": the follow-up's schedule words pick among the course's sections
        # (same code, or same name where every section has its own code).
        every = dedupe(sections + [s for o in searches for s in o.sections if same_name(s, sections[0])])
        picked = [s for s in every if matches(s, plan.narrow)]
        if not picked:
            lead = CourseSections(sections[0], 0, plan.narrow)
            return _listing(lead, in_code_order(sections), plan)
        sections, narrowed_by = picked, plan.narrow
    looked = Looked(plan, in_code_order(sections), searches, narrowed_by)
    for rule in RULES:
        part = rule(looked)
        if part is not None:
            return part
    return course_details(looked)
