"""Search mode: the answer plan for a `search_courses` result, as an ordered list of rules.

The first rules handle what is not an exact answer (nothing, relaxed conditions, a name that links to
nothing) and "그 교수님 다른 수업은?"; the rest decide between one course (every section of it, or its one
matching section, or the asked attribute with related courses) and a list of courses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters
from agent.search_mode.answer_plan import (
    AlsoCourses,
    AnswerPlan,
    Block,
    CourseBySection,
    CourseList,
    CourseSections,
    CourseValue,
    Lead,
    More,
    NoMatch,
    Note,
    ProfessorCourses,
    RelatedCourses,
)
from agent.search_mode.compose_attributes import attribute_block, course_attribute, section_attribute
from agent.search_mode.compose_terms import across_terms, missing_term_alone
from agent.search_mode.outcomes import ToolOutcome
from agent.search_mode.planning import Plan
from agent.search_mode.sections import (
    MAX_ALTERNATIVES,
    MAX_LISTED,
    MAX_SECTIONS,
    course_key,
    course_overview,
    dedupe,
    diversified,
    filtered_attributes,
    has_scope,
    in_code_order,
    named_in,
    same_name,
    schedule_conditions,
)


def no_results(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """Nothing to show: name what the catalog lacks when a word of the question links to nothing."""
    if outcome.sections:
        return None
    lead = NoMatch("unlinked_name", name=outcome.missing[0]) if outcome.missing else NoMatch("unclear")
    return AnswerPlan((Block(lead),))


def course_without_matching_sections(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """A follow-up's conditions that no section of the course it is about meets ("그거 토요일에도 해?"): said
    about that course, with all its sections (the retriever dropped the conditions to find them)."""
    conditions = schedule_conditions(plan.narrow)
    if not (plan.followup and outcome.relaxed and conditions is not None and outcome.course_names):
        return None
    top = outcome.sections[0]
    if not all(same_name(s, top) for s in outcome.sections):
        return None
    block = Block.listing(CourseSections(top, 0, conditions), in_code_order(outcome.sections), MAX_SECTIONS)
    return AnswerPlan((block,), cited=block.bullets)


def relaxed_alternatives(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """Nothing met every condition: the retriever dropped some; say which, then offer what it found."""
    if not outcome.relaxed:
        return None
    return _alternatives(NoMatch("conditions", relaxed=tuple(outcome.relaxed), alternatives=True), outcome)


def related_list(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """Nothing in the question linked to the catalog, and no course-like name failed to: its words only rank
    the catalog, so the answer is the most related courses, said as such (never "없어요")."""
    if outcome.exact or outcome.anchored or outcome.missing or outcome.relaxed:
        return None
    shown, _, _ = course_overview(outcome.sections, MAX_LISTED + 1)
    return AnswerPlan((Block(RelatedCourses(), tuple(shown)),), cited=tuple(shown))


def inexact_alternatives(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """Nothing exact: say what does not exist before anything else; the nearby courses are alternatives."""
    if outcome.exact:
        return None
    missing = outcome.missing
    lead = NoMatch("unlinked_name", name=missing[0], alternatives=True) if missing else NoMatch(
        "unclear", alternatives=True
    )
    return _alternatives(lead, outcome)


def _alternatives(lead: NoMatch, outcome: ToolOutcome) -> AnswerPlan:
    shown = tuple(outcome.sections[:MAX_ALTERNATIVES])
    return AnswerPlan((Block(lead, shown),), cited=shown)


def professor_courses(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """"그 교수님 다른 수업은?": every course of that professor."""
    if plan.professor is None:
        return None
    mine = [s for s in outcome.sections if plan.professor in s.professors]
    if not mine:
        return None
    firsts: dict[str, CourseSection] = {}
    for section in mine:
        firsts.setdefault(section.name, section)
    lead = ProfessorCourses(plan.professor, tuple(firsts.values()), len(mine))
    block = Block.listing(lead, mine, MAX_SECTIONS)
    return AnswerPlan((block,), cited=block.bullets)


@dataclass
class Found:
    """An exact search result, read once for the rules below."""

    plan: Plan
    sections: list[CourseSection]
    top: CourseSection
    same: list[CourseSection]  # the sections of the best match's course
    named: bool  # the question named that course
    focus: list[str]  # the attributes asked, less those the search was filtered by
    filters: SearchFilters | None
    conditions: SearchFilters | None  # the schedule / English conditions applied


def _found(plan: Plan, outcome: ToolOutcome) -> Found:
    sections = outcome.sections
    top = sections[0]
    same = [s for s in sections if same_name(s, top)]
    if plan.section:
        # "회계원리 01분반 ...": the named section of the best-matching course, when it exists.
        picked = [s for s in same if s.is_section(plan.section)]
        if picked:
            sections, same, top = picked, picked, picked[0]
    # An attribute the question constrains ("1학점짜리", "한도윤 교수님") is a filter, not the question.
    focus = [f for f in plan.focus if f not in filtered_attributes(outcome.filters)]
    named = named_in(plan.question, top, outcome.course_names)
    return Found(
        plan=plan, sections=sections, top=top, same=same, named=named, focus=focus, filters=outcome.filters,
        conditions=schedule_conditions(outcome.filters),
    )


def one_matching_section(found: Found) -> AnswerPlan | None:
    """"미적분학I 영어강의 분반": the one section that meets the conditions, not unrelated courses after it."""
    if not (found.named and len(found.same) == 1 and (found.plan.followup or found.conditions)):
        return None
    top = found.top
    lead: Lead | None = section_attribute(top, found.focus)
    if lead is None and found.conditions:
        lead = CourseSections(top, 1, found.conditions)
    lead = lead or CourseBySection("details", top)
    return AnswerPlan((Block(lead, (top,)),), cited=(top,))


def sections_of_named_course(found: Found) -> AnswerPlan | None:
    """A question about one course: answer for every section of it, not just the best one."""
    if not (found.named and len(found.same) > 1):
        return None
    same = in_code_order(found.same)
    lead = course_attribute(same, found.focus) or CourseSections(found.top, len(same), found.conditions)
    ordered = same
    if "english" in found.focus:
        ordered = [s for s in same if s.english] + [s for s in same if not s.english]
    block = attribute_block(lead, ordered) or Block.listing(lead, ordered, MAX_SECTIONS)
    # Professors named for the whole course cite every section they were read from.
    professors = isinstance(lead, CourseValue) and lead.about == "professors"
    cited = dedupe(list(block.bullets) + (same if professors else []))
    return AnswerPlan((block,), cited=tuple(cited))


def attribute_with_related(found: Found) -> AnswerPlan | None:
    """The asked attribute of the named (or only) match, then the other matches as related courses."""
    if not (found.named or len(found.sections) == 1):
        return None
    lead = section_attribute(found.top, found.focus)
    if lead is None:
        return None
    block = Block.listing(lead, diversified(found.sections), MAX_LISTED, related=len(found.sections) > 1)
    return AnswerPlan((block,), cited=block.bullets)


def course_list(found: Found) -> AnswerPlan:
    """A list of courses: one section of each first, the other courses named, and what the list was drawn
    with, so the student sees how the question was read."""
    shown, extra, left_out = course_overview(found.sections, MAX_LISTED + 1)
    notes: tuple[Note, ...] = ()
    if extra:
        notes = (AlsoCourses(tuple(extra)),)
    elif left_out:
        notes = (More(left_out, of_courses=True),)
    courses = len({course_key(s) for s in found.sections})
    lead = CourseList(found.filters if has_scope(found.filters) else None, courses, len(found.sections))
    return AnswerPlan((Block(lead, tuple(shown), notes=notes),), cited=tuple(shown + extra))


OutcomeRule = Callable[[Plan, ToolOutcome], AnswerPlan | None]
FoundRule = Callable[[Found], AnswerPlan | None]
OUTCOME_RULES: tuple[OutcomeRule, ...] = (
    missing_term_alone, no_results, course_without_matching_sections, relaxed_alternatives, related_list,
    inexact_alternatives, across_terms,
    professor_courses,
)
FOUND_RULES: tuple[FoundRule, ...] = (one_matching_section, sections_of_named_course, attribute_with_related)


def compose_search(plan: Plan, outcome: ToolOutcome) -> AnswerPlan:
    for rule in OUTCOME_RULES:
        answer = rule(plan, outcome)
        if answer is not None:
            return answer
    found = _found(plan, outcome)
    for found_rule in FOUND_RULES:
        answer = found_rule(found)
        if answer is not None:
            return answer
    return course_list(found)
