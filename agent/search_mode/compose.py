"""Search mode, step 2: what the answer says, decided once for both languages.

`compose(plan, outcomes)` turns a `Plan` and this turn's tool outcomes into an `AnswerPlan` through one
ordered list of rules (`RULES`): replies that need no tool, every tool failed, a planned timetable
(`compose_timetable`), a timetable check, courses looked up (`compose_lookup`), a search (`compose_search`).
All decisions happen here; `render` only words the result, so both languages say the same facts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from agent.search_mode.answer_plan import (
    AnswerPlan,
    Block,
    CatalogFact,
    Conflict,
    NoMatch,
    NotHeld,
    Reply,
    ReplyKind,
    TimetableCheck,
    ToolFailed,
    TotalCredits,
)
from agent.search_mode.compose_lookup import compose_lookup
from agent.search_mode.compose_search import compose_search
from agent.search_mode.compose_terms import term_fields
from agent.search_mode.compose_timetable import compose_timetable_plan
from agent.search_mode.outcomes import ToolOutcome
from agent.search_mode.planning import Plan
from agent.search_mode.rest import without_shown
from agent.search_mode.sections import dedupe

MAX_CONFLICTS = 6
_CONFLICT_FIELDS = ("day", "a", "a_time", "b", "b_time")


_REPLIES: dict[str, ReplyKind] = {
    "injection": "injection", "offtopic": "off_topic", "greeting": "greeting", "ask": "ask",
    "no_more": "no_more",
}


def reply_without_tools(plan: Plan, outcomes: list[ToolOutcome]) -> AnswerPlan | None:
    if plan.kind == "not_held" and plan.not_held is not None:
        return AnswerPlan((Block(NotHeld(plan.not_held)),), not_in_catalog=plan.not_held)
    kind = _REPLIES.get(plan.kind)
    return AnswerPlan((Block(Reply(kind)),)) if kind else None


def every_tool_failed(plan: Plan, outcomes: list[ToolOutcome]) -> AnswerPlan | None:
    if any(not o.error for o in outcomes):
        return None
    details = tuple(dict.fromkeys(o.error_text for o in outcomes if o.error_text))
    return AnswerPlan((Block(ToolFailed(details)),))


def timetable(plan: Plan, outcomes: list[ToolOutcome]) -> AnswerPlan | None:
    """Whether the courses overlap, the sections chosen, and the total credits."""
    outcome = next((o for o in outcomes if not o.error and o.name == "check_timetable"), None)
    if outcome is None:
        return None
    payload, sections = outcome.payload, outcome.sections
    conflicts = tuple(
        Conflict(*(str(c.get(key, "")) for key in _CONFLICT_FIELDS))
        for c in payload.get("conflicts", [])[:MAX_CONFLICTS]
        if isinstance(c, dict)
    )
    total = payload.get("total_credits")
    some_missing = any(s.credits is None for s in sections)
    notes = (TotalCredits(float(total), some_missing),) if total is not None else ()
    lead = TimetableCheck(conflicts, several_sections="selection" in payload)
    return AnswerPlan((Block(lead, tuple(sections), notes=notes),), cited=tuple(dedupe(sections)))


def timetable_plan(plan: Plan, outcomes: list[ToolOutcome]) -> AnswerPlan | None:
    """Weeks planned from the courses the student will take (`compose_timetable`)."""
    outcome = next((o for o in outcomes if not o.error and o.name == "plan_timetable"), None)
    return compose_timetable_plan(outcome) if outcome is not None else None


def courses_found(plan: Plan, outcomes: list[ToolOutcome]) -> AnswerPlan:
    """Courses looked up (with this turn's searches for their other sections), else the search; what a
    failed call said about part of the question comes first."""
    good = [o for o in outcomes if not o.error]
    lookups = [o for o in good if o.name == "get_course"]
    searches = [without_shown(o, plan.shown) for o in good if o.name == "search_courses"]
    if lookups:
        answer = compose_lookup(plan, lookups, searches)
    elif searches:
        answer = compose_search(plan, searches[0])
    else:
        answer = AnswerPlan((Block(NoMatch("unclear")),))
    failures = tuple(dict.fromkeys(o.error_text for o in outcomes if o.error and o.error_text))
    unheld = [b.lead.about for b in answer.blocks
              if isinstance(b.lead, NotHeld) or (isinstance(b.lead, CatalogFact) and not b.lead.held)]
    return replace(
        answer, failures=failures, not_in_catalog=unheld[0] if unheld else None, **term_fields(good, answer)
    )


Rule = Callable[[Plan, list[ToolOutcome]], AnswerPlan | None]
RULES: tuple[Rule, ...] = (reply_without_tools, every_tool_failed, timetable_plan, timetable, courses_found)


def compose(plan: Plan, outcomes: list[ToolOutcome]) -> AnswerPlan:
    """The answer plan for `plan` from this turn's tool outcomes."""
    for rule in RULES:
        answer = rule(plan, outcomes)
        if answer is not None:
            return replace(answer, reading=plan.reading) if plan.reading is not None else answer
    raise AssertionError("courses_found answers every turn")  # pragma: no cover
