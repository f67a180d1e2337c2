"""Search mode: the answer plan for a `search_courses` result, as an ordered list of rules.

The first rules handle what is not an exact answer (nothing, relaxed conditions, a name that links to
nothing) and "그 교수님 다른 수업은?"; the rest decide between one course (every section of it, or its one
matching section, or the asked attribute with related courses) and a list of courses.

Counts are the matching set's true totals (`search_courses` counts the whole set, not its page); the bullets
are a run of the set (`window`) and a closing note says which part they are and how to see the rest.
Related sections the retriever adds after a small set are shown under their own lead, outside the total.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from agent.catalog.models import CourseSection
from agent.query.offering_words import FIELD_LABELS
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
    NoMatch,
    Note,
    ProfessorCourses,
    RelatedCourses,
    Reply,
)
from agent.search_mode.compose_attributes import attribute_block, course_attribute, section_attribute
from agent.search_mode.compose_catalog import asked_topic, catalog_block
from agent.search_mode.compose_terms import across_terms, course_elsewhere, missing_term_alone, other_term
from agent.search_mode.outcomes import ToolOutcome
from agent.search_mode.planning import Plan
from agent.search_mode.sections import (
    MAX_ALTERNATIVES,
    MAX_LISTED,
    course_key,
    course_overview,
    dedupe,
    filtered_attributes,
    has_scope,
    in_code_order,
    named_in,
    same_name,
    section_conditions,
)
from agent.search_mode.window import Window, grouped, of_course, of_search


def no_results(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """Nothing to show: name what the catalog lacks when a word of the question links to nothing."""
    if outcome.offset and not outcome.matched:
        return AnswerPlan((Block(Reply("no_more")),))  # "더 보기" past the end of the set
    if outcome.sections:
        return None
    lead = NoMatch("unlinked_name", name=outcome.missing[0]) if outcome.missing else NoMatch("unclear")
    return AnswerPlan((Block(lead),))


def course_without_matching_sections(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """A follow-up's conditions that no section of the course it is about meets ("그거 토요일에도 해?"): said
    about that course, with all its sections (the retriever dropped the conditions to find them)."""
    conditions = section_conditions(plan.narrow)
    if not (plan.followup and outcome.relaxed and conditions is not None and outcome.course_names):
        return None
    top = outcome.sections[0]
    if not all(same_name(s, top) for s in outcome.sections):
        return None
    window = of_course(in_code_order(outcome.sections))
    block = Block(CourseSections(top, 0, conditions), tuple(window.sections), notes=window.note)
    return AnswerPlan((block,), cited=block.bullets)


def grading_not_as_asked(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """"자료구조 절대평가야?" where no remark says so: the grading asked is a question about that course, not a
    condition to drop. What its remarks say is the answer, or that the catalog does not state it."""
    said = FIELD_LABELS["grading"][0]
    if "grading" not in plan.focus or not outcome.relaxed or not outcome.course_names:
        return None
    if not all(label.startswith(said) for label in outcome.relaxed):
        return None
    top = outcome.sections[0]
    same = in_code_order([s for s in outcome.sections if same_name(s, top)])
    block, window = catalog_block("grading", of_course(same), top, same)
    return AnswerPlan((block,), cited=block.bullets, totals=window.totals)


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


def professor_without_courses(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """"그 교수님 이번 학기엔 뭐 가르쳐?" when they teach nothing in that term: said so, not other courses (with
    other conditions too, the relaxed alternatives say what was left out instead)."""
    if plan.professor is None or any(plan.professor in s.professors for s in outcome.matched):
        return None
    others = outcome.filters.model_copy(update={"professors": []}) if outcome.filters else None
    if others is not None and not others.is_empty():
        return None
    return AnswerPlan((Block(ProfessorCourses(plan.professor, (), 0, term=other_term(outcome))),))


def professor_courses(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """"그 교수님 다른 수업은?": every course of that professor (the search's set is theirs)."""
    if plan.professor is None:
        return None
    matched = outcome.matched
    mine = [s for s in matched if plan.professor in s.professors]
    if not mine:
        return None
    firsts: dict[str, CourseSection] = {}
    for section in mine:
        firsts.setdefault(section.name, section)
    window = of_search(outcome) if len(mine) == len(matched) else Window(mine, None)
    count = window.totals.sections if window.totals else len(mine)
    lead = ProfessorCourses(plan.professor, tuple(firsts.values()), count, term=other_term(outcome))
    block = Block(lead, tuple(window.sections), notes=window.note)
    return AnswerPlan((block,), cited=block.bullets, totals=window.totals)


@dataclass
class Found:
    """An exact search result, read once for the rules below."""

    plan: Plan
    outcome: ToolOutcome
    sections: list[CourseSection]  # the page's sections of the matching set
    top: CourseSection
    same: list[CourseSection]  # the sections of the best match's course
    named: bool  # the question named that course
    focus: list[str]  # the attributes asked, less those the search was filtered by
    filters: SearchFilters | None
    conditions: SearchFilters | None  # the schedule / English conditions applied
    picked: bool = False  # "01분반": the question named the section, so `same` is it, not a run of the set

    @property
    def one_course(self) -> bool:
        """The matching set is the sections of one course (so its totals are that course's)."""
        return not self.picked and (self.outcome.total_courses == 1 or (
            self.outcome.total_sections is None and len(self.same) == len(self.sections)
        ))

    def window(self, sections: list[CourseSection]) -> Window:
        """The bullets of `sections` (a run of the set from the page's start), with the set's totals; sections
        the question picked ("01분반") are shown as they are, with no totals."""
        return Window(sections, None) if self.picked else of_search(self.outcome, sections)

    @property
    def whole_course(self) -> bool:
        """This page holds every section of that course (an attribute is then said for all of them)."""
        total = self.outcome.total_sections
        return total is None or not self.one_course or (self.outcome.offset == 0 and len(self.same) >= total)


def _found(plan: Plan, outcome: ToolOutcome) -> Found:
    sections = outcome.matched
    top = sections[0]
    same = [s for s in sections if same_name(s, top)]
    picked: list[CourseSection] = []
    if plan.section:
        # "회계원리 01분반 ...": the named section of the best-matching course, when it exists.
        picked = [s for s in same if s.is_section(plan.section)]
        if picked:
            sections, same, top = picked, picked, picked[0]
    # An attribute the question constrains ("1학점짜리", "한도윤 교수님") is a filter, not the question.
    focus = [f for f in plan.focus if f not in filtered_attributes(outcome.filters)]
    named = named_in(plan.question, top, outcome.course_names)
    return Found(
        plan=plan, outcome=outcome, sections=sections, top=top, same=same, named=named, focus=focus,
        filters=outcome.filters, conditions=section_conditions(outcome.filters), picked=bool(picked),
    )


def catalog_attribute(found: Found) -> AnswerPlan | None:
    """"자료구조 여석 있어?", "시험 언제야?": what the catalog says of it for the named course's sections, or
    that the catalog does not hold it."""
    topic = asked_topic(found.focus)
    if topic is None or not (found.named or len(found.sections) == 1):
        return None
    window = found.window(found.same) if found.one_course or found.picked else Window(found.same, None)
    ordered = Window(in_code_order(window.sections), window.totals)
    block, window = catalog_block(topic, ordered, found.top, found.same, found.plan.student)
    return AnswerPlan((block,), cited=block.bullets, totals=window.totals)


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
    """A question about one course: answer for every section of it, not just the best one. An attribute
    is said over the whole course only when this page holds all of it; otherwise its sections are listed
    with their true count, a page at a time."""
    if not (found.named and len(found.same) > 1):
        return None
    same = found.same
    window = found.window(same) if found.one_course else Window(same, None)
    count = window.totals.sections if window.totals else len(same)
    lead: Lead | None
    if found.picked:  # "01분반" of a name several codes share: each one's facts, no count of "the course"
        lead = CourseBySection("per_section", found.top)
    else:
        lead = course_attribute(in_code_order(same), found.focus) if found.whole_course else None
    lead = lead or CourseSections(found.top, count, found.conditions)
    shown = in_code_order(window.sections)
    if "english" in found.focus:
        shown = [s for s in shown if s.english] + [s for s in shown if not s.english]
    block = attribute_block(lead, shown, window.note) or Block(lead, tuple(shown), notes=window.note)
    # Professors named for the whole course cite every section they were read from.
    professors = isinstance(lead, CourseValue) and lead.about == "professors"
    cited = dedupe(list(block.bullets) + (same if professors else []))
    return AnswerPlan((block,), cited=tuple(cited), totals=window.totals)


def attribute_with_related(found: Found) -> AnswerPlan | None:
    """The asked attribute of the named (or only) match; the set's other sections after it, and related
    sections under their own heading."""
    if not (found.named or len(found.sections) == 1):
        return None
    lead = section_attribute(found.top, found.focus)
    if lead is None:
        return None
    window = found.window(found.sections)
    blocks = (Block(lead, tuple(window.sections), notes=window.note),) + _related(found.outcome)
    return AnswerPlan(blocks, cited=_cited(blocks), totals=window.totals)


def course_list(found: Found) -> AnswerPlan:
    """A list of courses: the first sections of the set (each course's together), the other courses of
    this page named, what the list was drawn with (so the student sees how the question was read), its true
    totals and how to see the rest."""
    outcome = found.outcome
    window = found.window(found.sections)
    shown = grouped(window.sections)
    keys = {course_key(s) for s in shown}
    extra: dict[str, CourseSection] = {}
    for section in found.sections[len(shown) :]:
        if course_key(section) not in keys:
            extra.setdefault(course_key(section), section)
    notes: tuple[Note, ...] = (AlsoCourses(tuple(extra.values())),) if extra else ()
    total = window.totals
    courses = total.courses if total else len({course_key(s) for s in found.sections})
    scope = found.filters if has_scope(found.filters) else None
    lead = CourseList(scope, courses, total.sections if total else len(found.sections))
    blocks = (Block(lead, tuple(shown), notes=notes + window.note),) + _related(outcome)
    return AnswerPlan(blocks, cited=_cited(blocks), totals=total)


def _related(outcome: ToolOutcome) -> tuple[Block, ...]:
    """Related sections the retriever put after a small set: labelled as such, not counted."""
    related = outcome.related_after[:MAX_LISTED]
    return (Block(RelatedCourses(after_set=True), tuple(related)),) if related else ()


def _cited(blocks: tuple[Block, ...]) -> tuple[CourseSection, ...]:
    cited = [s for block in blocks for s in block.bullets]
    notes = [note for block in blocks for note in block.notes if isinstance(note, AlsoCourses)]
    cited += [s for note in notes for s in note.sections]
    return tuple(dedupe(cited))


OutcomeRule = Callable[[Plan, ToolOutcome], AnswerPlan | None]
FoundRule = Callable[[Found], AnswerPlan | None]
OUTCOME_RULES: tuple[OutcomeRule, ...] = (
    missing_term_alone, course_elsewhere, professor_without_courses, no_results,
    course_without_matching_sections, grading_not_as_asked, relaxed_alternatives, related_list,
    inexact_alternatives, across_terms, professor_courses,
)
def each_named_course(found: Found) -> AnswerPlan | None:
    """A question that names several courses ("경제학원론" is 경제학원론I and II; "자구랑 운체 누가 해?") and
    finds only them, all on this page: the answer goes course by course, each as if asked alone."""
    # Names spelled with and without spaces ("컴퓨터 네트워크", "컴퓨터네트워크") are one course.
    names = list(dict.fromkeys(name.replace(" ", "") for name in found.outcome.course_names))
    by_name = {name: [s for s in found.sections if s.name.replace(" ", "") == name] for name in names}
    by_name = {name: sections for name, sections in by_name.items() if sections}
    whole = found.outcome.offset == 0 and (found.outcome.total_sections or 0) <= len(found.sections)
    if found.picked or len(by_name) < 2 or not whole or sum(map(len, by_name.values())) != len(found.sections):
        return None
    blocks: list[Block] = []
    cited: list[CourseSection] = []
    for sections in by_name.values():
        one = replace(found, sections=sections, top=sections[0], same=sections, named=True)
        answer = sections_of_named_course(one) or _one_section(one)
        blocks += answer.blocks
        cited += answer.cited
    return AnswerPlan(tuple(blocks), cited=tuple(dedupe(cited)))


def _one_section(found: Found) -> AnswerPlan:
    lead: Lead = section_attribute(found.top, found.focus) or (
        CourseSections(found.top, 1, found.conditions) if found.conditions else CourseBySection("details", found.top)
    )
    return AnswerPlan((Block(lead, (found.top,)),), cited=(found.top,))


FOUND_RULES: tuple[FoundRule, ...] = (
    catalog_attribute, each_named_course, one_matching_section, sections_of_named_course, attribute_with_related,
)


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
