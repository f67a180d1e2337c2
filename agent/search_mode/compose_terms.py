"""Search mode: what an answer says about terms and class periods, read from `search_courses` artifacts.

- `term_fields`: the `AnswerPlan.term` statement (the term an answer is for, when it is not the current
  one; a term the catalog lacks and the one used instead; the only term a catalog holds, asked across terms;
  the terms searched when no answer groups them) and `AnswerPlan.periods` (class periods read without the
  catalog's own table);
- `across_terms`: the rule for a search across terms ("예전에도 열렸어?"): the matching set term by term.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from agent.search_mode.answer_plan import AcrossTerms, AnswerPlan, Block, TermGroup, TermStatement
from agent.search_mode.outcomes import ToolOutcome
from agent.search_mode.planning import Plan


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
    grouped = any(isinstance(block.lead, AcrossTerms) for block in answer.blocks)
    periods = tuple((int(n), int(start)) for n, start in _artifact(search).get("assumed_periods") or [])
    said = None if grouped else statement(_scope(search), _artifact(search))
    if said is not None and said.asked and not answer.blocks:
        said = replace(said, alone=True)
    return {"term": said, "periods": periods}


def statement(scope: dict[str, Any], artifact: dict[str, Any]) -> TermStatement | None:
    """What to say about the term(s), or None when the answer is about the current term alone."""
    current = scope.get("current")
    searched, held = tuple(scope.get("searched") or ()), tuple(scope.get("held") or ())
    if scope.get("missing"):
        later = bool(artifact.get("missing_term_later"))
        return TermStatement(searched or (current,), asked=str(scope["missing"]), later=later, held=held)
    if scope.get("across") and len(held) == 1:
        return TermStatement(held, only=True)
    if len(searched) > 1 or (searched and searched[0] != current):
        return TermStatement(searched)
    return None


def missing_term_alone(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """"다음 학기에 뭐 열려?": the term is all the question asked, and the catalog lacks it. The answer is that
    (`term_fields` says it, with what to ask instead), not the current term's sections most related to
    leftover words."""
    if not _scope(outcome).get("missing") or (outcome.sections and (outcome.anchored or outcome.missing)):
        return None
    return AnswerPlan(())


def across_terms(plan: Plan, outcome: ToolOutcome) -> AnswerPlan | None:
    """A search over several terms: each term's share of the matching set (its course names or, for one
    course, its professors), oldest first; one section of each term is cited."""
    scope = _scope(outcome)
    tallies = [t for t in scope.get("tallies") or [] if isinstance(t, dict)]
    if len(scope.get("searched") or []) < 2 or not tallies or not outcome.sections:
        return None
    groups = tuple(
        TermGroup(str(t["term"]), int(t["sections"]), int(t.get("course_count") or 0),
                  tuple(t.get("courses") or ()), tuple(t.get("professors") or ()))
        for t in tallies
    )
    names = {name for group in groups for name in group.courses}
    matched = outcome.sections[: _artifact(outcome).get("matched_on_page") or len(outcome.sections)]
    course = matched[0] if len(names) == 1 else None
    firsts: dict[str, Any] = {}
    for section in matched:
        firsts.setdefault(section.term, section)
    lead = AcrossTerms(groups, held=len(scope.get("held") or []), course=course)
    return AnswerPlan((Block(lead),), cited=tuple(firsts.values()))
