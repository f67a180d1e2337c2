"""Search mode: what an answer says about terms and class periods, read from `search_courses` artifacts.

- `term_fields`: the `AnswerPlan.term` statement (the term an answer is for, when it is not the current
  one; a term the catalog lacks and the one used instead; the only term a catalog holds, asked across terms;
  the terms searched when no answer groups them) and `AnswerPlan.periods` (class periods read without the
  catalog's own table);
- `across_terms`: the rule for a search across terms ("예전에도 열렸어?"): the matching set term by term;
- `course_elsewhere`: the rule for a course the term asked about does not offer and other terms do;
- `renamed`: the codes whose course name changed across the catalog's terms, said after those answers.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from agent.catalog.models import CourseSection
from agent.query.text import squash
from agent.search_mode.answer_plan import (
    AcrossTerms,
    AnswerPlan,
    Block,
    CourseTerm,
    NotOffered,
    RelatedCourses,
    Renamed,
    TermGroup,
    TermStatement,
)
from agent.search_mode.outcomes import ToolOutcome
from agent.search_mode.planning import Plan
from agent.search_mode.sections import MAX_LISTED, MAX_SECTIONS, in_code_order


def _artifact(outcome: ToolOutcome) -> dict[str, Any]:
    return outcome.artifact if isinstance(outcome.artifact, dict) else {}


def _scope(outcome: ToolOutcome) -> dict[str, Any]:
    scope = _artifact(outcome).get("term_scope")
    return scope if isinstance(scope, dict) else {}


def term_fields(outcomes: list[ToolOutcome], answer: AnswerPlan) -> dict[str, Any]:
    """The `term` and `periods` fields of `answer`, from this turn's first successful search."""
    search = next((o for o in outcomes if not o.error and o.name == "search_courses" and _scope(o)), None)
    if search is None:
        return {}
    grouped = any(isinstance(block.lead, (AcrossTerms, NotOffered)) for block in answer.blocks)
    periods = tuple((int(n), int(start)) for n, start in _artifact(search).get("assumed_periods") or [])
    said = statement(_scope(search), _artifact(search))
    if grouped and (said is None or said.asked is None):  # the lead names its terms; a missing term is said
        said = None
    if said is not None and said.asked and not answer.blocks:
        said = replace(said, alone=True)
    return {"term": said, "periods": periods}


def statement(scope: dict[str, Any], artifact: dict[str, Any]) -> TermStatement | None:
    """What to say about the term(s), or None when the answer is about the current term alone."""
    current = scope.get("current")
    searched, held = tuple(scope.get("searched") or ()), tuple(scope.get("held") or ())
    if scope.get("missing"):
        later = bool(artifact.get("missing_term_later"))
        # A course the term used instead lacks is answered from other terms, but that term was the one used.
        used = (str(scope["absent_from"]),) if scope.get("absent_from") else searched or (current,)
        return TermStatement(used, asked=str(scope["missing"]), later=later, held=held)
    if scope.get("across") and len(held) == 1:
        return TermStatement(held, only=True)
    if len(searched) > 1 or (searched and searched[0] != current):
        return TermStatement(searched)
    return None


def other_term(outcome: ToolOutcome) -> str | None:
    """The one term a search was drawn from, when it is not the current term (None otherwise)."""
    scope = _scope(outcome)
    searched = scope.get("searched") or []
    return str(searched[0]) if len(searched) == 1 and searched[0] != scope.get("current") else None


def missing_term_alone(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """"다음 학기에 뭐 열려?": the term is all the question asked, and the catalog lacks it. The answer is that
    (`term_fields` says it, with what to ask instead), not the current term's sections most related to
    leftover words."""
    if not _scope(outcome).get("missing") or (outcome.sections and (outcome.anchored or outcome.missing)):
        return None
    return AnswerPlan(())


def across_terms(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """A search over several terms: each term's share of the matching set (its course names or, for one
    course, its professors; each course's professors when the question asked who taught), oldest first; one
    section of each term is cited, and a code whose course name changed is said."""
    scope = _scope(outcome)
    groups = term_groups(scope)
    if len(scope.get("searched") or []) < 2 or not groups or not outcome.sections:
        return None
    matched = outcome.sections[: _artifact(outcome).get("matched_on_page") or len(outcome.sections)]
    course = matched[0] if _one_course(groups, matched) else None
    firsts: dict[str, Any] = {}
    for section in matched:
        firsts.setdefault(section.term, section)
    held = len(scope.get("held") or [])
    not_now = _not_now(scope, groups, outcome) if course is not None else None
    few = sum(g.sections for g in groups) <= _FEW_SECTIONS
    schedules = _schedules(matched) if course is not None and ({"time", "room"} & set(plan.focus) or few) else ()
    searched = tuple(scope.get("searched") or ())
    searched = searched if len(searched) < held else ()  # the question named its terms: counted out of those
    lead = AcrossTerms(groups, held=len(searched) or held, course=course, teachers="professor" in plan.focus,
                       schedules=schedules, not_now=not_now, searched=searched)
    return AnswerPlan((Block(lead, notes=renamed(scope)),), cited=tuple(firsts.values()))


_PER_TERM = 4  # sections of one term whose times a line says ("그때도 같은 시간이었어?")


_FEW_SECTIONS = 6  # a course's terms with this many sections in all also say when and where each met


def _not_now(scope: dict[str, Any], groups: tuple[TermGroup, ...], outcome: ToolOutcome) -> str | None:
    """The current term, when the course asked about is not in it at all: searched, with nothing but the
    course asked (a professor or a day narrows the set, not the course's offering)."""
    now = scope.get("current")
    filters = outcome.filters  # the course's codes say which course, not a narrowing (the term never counts)
    narrowed = filters is not None and not filters.model_copy(update={"course_codes": []}).is_empty()
    searched = now in (scope.get("searched") or [])
    return now if searched and not narrowed and all(g.term != now for g in groups) else None


def _schedules(matched: list[CourseSection]) -> tuple[tuple[str, tuple[CourseSection, ...]], ...]:
    """Each term's sections of one course, in code order: when and where it met that term."""
    by_term: dict[str, list[CourseSection]] = {}
    for section in matched:
        by_term.setdefault(section.term, []).append(section)
    return tuple((term, tuple(in_code_order(sections)[:_PER_TERM])) for term, sections in by_term.items())


def course_elsewhere(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """A course the term asked about does not offer, found in other terms: said so with the newest term that
    had it and its professors (every term when the question asked when or by whom), then that term's
    sections as text. Those are not cited: the term asked has no such section, and another term's cards would
    read as the answer. Related courses of the term asked follow as what it offers instead, cited."""
    scope = _scope(outcome)
    groups = term_groups(scope)
    matched = outcome.matched
    if not (scope.get("absent") and scope.get("absent_from") and groups and matched):
        return None
    listed = bool({"professor", "time"} & set(plan.focus))
    newest = [s for s in matched if s.term == groups[-1].term] or matched[:1]
    lead = NotOffered(newest[0], str(scope["absent_from"]), scope.get("current"), groups,
                      held=len(scope.get("held") or []), listed=listed)
    bullets = () if listed else tuple(in_code_order(newest)[:MAX_SECTIONS])
    blocks = [Block(lead, bullets, notes=renamed(scope))]
    related = tuple(outcome.related_after[:MAX_LISTED])
    if related:
        blocks.append(Block(RelatedCourses(after_set=True, instead=True), related))
    return AnswerPlan(tuple(blocks), cited=related)


def term_groups(scope: dict[str, Any]) -> tuple[TermGroup, ...]:
    """The matching set term by term (the retriever's tallies), oldest first."""
    tallies = [t for t in scope.get("tallies") or [] if isinstance(t, dict)]
    return tuple(
        TermGroup(str(t["term"]), int(t["sections"]), int(t.get("course_count") or 0),
                  tuple(t.get("courses") or ()), tuple(t.get("professors") or ()),
                  tuple(CourseTerm(str(c["name"]), int(c["sections"]), tuple(c.get("professors") or ()))
                        for c in t.get("by_course") or [] if isinstance(c, dict)))
        for t in tallies
    )


def renamed(scope: dict[str, Any]) -> tuple[Renamed, ...]:
    """The codes of the answer whose course name changed across the catalog's terms."""
    return tuple(
        Renamed(str(r["code"]), tuple((str(n["name"]), str(n["first"]), str(n["last"])) for n in r["names"]))
        for r in scope.get("renames") or [] if isinstance(r, dict) and len(r.get("names") or []) > 1
    )


def _one_course(groups: tuple[TermGroup, ...], matched: list[CourseSection]) -> bool:
    """Is the set one course: one name (spaces ignored: cross-listed spellings) or one code (renamed)?"""
    names = {squash(name) for group in groups for name in group.courses}
    return len(names) == 1 or len({s.code for s in matched}) == 1
