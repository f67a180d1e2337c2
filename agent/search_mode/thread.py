"""What a conversation is about after each answer: the `Thread` a follow-up continues.

The API is stateless and its history is text, whose assistant turns may have been written by anyone. So the
thread is rebuilt from that text on every request (`thread_of`), one turn at a time:
- each user question is read with the parser (`agent.query`) and either starts a thread (its course names,
  codes, topic words and conditions) or continues the one before it (`followup.read_turn`: narrowed, a
  condition replaced or dropped, another course, another term, ...);
- each answer adds what it named: the courses it cited, the professors it named (any wording), and, for our
  own answers, the conditions ("조건(…)") and the term it stated.
Conditions are `SearchFilters` grouped by slot (`GROUPS`): a follow-up that sets a slot replaces the
thread's value of that slot, and keeps the others (`continued`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from agent.index.base import SearchFilters, Vocabulary
from agent.search_mode.conversation import (
    CitedCourse,
    answered_courses,
    cited_courses,
    named_courses,
    named_professors,
    stated_conditions,
    stated_term,
)
from agent.search_mode.intent import Focus

# Fields of `SearchFilters` that one slot of a question sets together: a follow-up naming a day replaces the
# thread's days and excluded days, one naming a time replaces every time bound. Any other field is a slot
# alone.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("days", "exclude_days"),
    ("start_after", "start_before", "end_before", "end_after"),
)
# Slots that say what the student is looking for rather than when or how: a question that names one of them
# without referring back starts a new thread ("경영학과 수업은?").
SUBJECT_FIELDS = ("departments", "professors", "category")


def groups() -> list[tuple[str, ...]]:
    """Every field of `SearchFilters` in its slot group (course codes are the thread's own `codes`)."""
    grouped = {name for group in GROUPS for name in group}
    alone = [(name,) for name in SearchFilters.model_fields if name not in grouped and name != "course_codes"]
    return [*GROUPS, *alone]


def _set(filters: SearchFilters, names: tuple[str, ...]) -> bool:
    return any(getattr(filters, name) not in (None, [], "", False) for name in names)


def continued(before: SearchFilters, new: SearchFilters) -> SearchFilters:
    """`before` with each slot `new` sets replaced by `new`'s value. Days a follow-up rules out that the
    thread required, next to days of its own ("금요일 말고 목요일은?"), only undo them: it wants those days,
    not also a free Friday ("금요일 말고 다른 날은?" keeps Friday ruled out)."""
    merged: dict[str, Any] = before.model_dump()
    for group in groups():
        if _set(new, group):
            merged.update({name: getattr(new, name) for name in group})
    merged["course_codes"] = []
    undone = set(new.exclude_days) & set(before.days)
    if undone and new.days:
        merged["exclude_days"] = [d for d in new.exclude_days if d not in undone]
    return SearchFilters.model_validate(merged)


def dropped(filters: SearchFilters, slots: tuple[str, ...]) -> SearchFilters:
    """`filters` without the named slots ("요일 상관없이": the days group), the term kept."""
    data = filters.model_dump()
    for group in groups():
        if any(name in slots for name in group) and "term" not in group:
            data.update({name: [] if isinstance(data[name], list) else None for name in group})
    return SearchFilters.model_validate(data)


def slot_conditions(filters: SearchFilters) -> SearchFilters:
    """The conditions of when and how (days, times, English-taught, credits, year, rooms ...), without what
    says who or which (departments, professors, category) and without the term."""
    return dropped(filters, (*SUBJECT_FIELDS, "course_codes")).model_copy(update={"term": None})


@dataclass(frozen=True)
class Thread:
    """What the conversation is about: the subject (course `names` and `codes` the student named, else the
    topic words of `query`), the `conditions` in force (`SearchFilters`, the term among them when a question
    named one), the attributes asked last (`focus`), a section the student named, and the newest answer's
    text (what it cited and which professors it named are read from it when needed)."""

    question: str
    query: str = ""
    names: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    section: str | None = None
    conditions: SearchFilters = field(default_factory=SearchFilters)
    focus: tuple[Focus, ...] = ()
    answer: str = ""
    vocabulary: Vocabulary | None = field(default=None, compare=False, repr=False)

    @property
    def subject(self) -> bool:
        """Does it name anything to continue from: a course, a condition, or a course the answer cited? (Words
        alone do not: after "오늘 날씨 어때?" was declined, "월요일은?" is a question of its own.)"""
        has_conditions = not self.conditions.model_copy(update={"term": None}).is_empty()
        return bool(self.names or self.codes or has_conditions or self.cited)

    @cached_property
    def cited(self) -> tuple[CitedCourse, ...]:
        return tuple(cited_courses(self.answer))

    @cached_property
    def about(self) -> tuple[CitedCourse, ...]:
        """The courses the newest answer was about: its citations less the related sections after a set."""
        return tuple(answered_courses(self.answer))

    @cached_property
    def professors(self) -> tuple[str, ...]:
        """The professors the newest answer named, else those the thread's conditions name."""
        named = named_professors(self.answer, self.vocabulary) if self.answer else []
        return tuple(named) or tuple(self.conditions.professors)

    @property
    def one_course(self) -> bool:
        """The newest answer was about one course: it cited one, or several sections of one name (spaces
        ignored: cross-listed codes are one course) or of one code."""
        return len({c.course for c in self.about}) == 1 or (len(self.names) == 1 and not self.cited)

    @property
    def one_name(self) -> bool:
        """The student named one course (spellings with and without spaces are one): what "it" means even
        when the answer cited other courses beside it (related ones, or the terms it was offered in)."""
        return len({name.replace(" ", "") for name in self.names}) == 1 and not self.codes

    def answered(self, text: str) -> Thread:
        """This thread after an answer: what it cited and named, and the conditions and term it stated where
        the questions did not say them."""
        stated = stated_conditions(text, self.vocabulary)
        term = self.conditions.term or stated_term(text)
        conditions = continued(stated, self.conditions).model_copy(update={"term": term})
        return replace(self, answer=text, conditions=conditions, **self._named_by(text))

    def _named_by(self, text: str) -> dict[str, Any]:
        """An answer that cites no code but writes out one course's full name is about that course, whatever
        the student's shorthand linked to ("컴그AI" may link to several names; "컴퓨터그래픽스및AI응용은 …" says
        which was meant)."""
        if cited_courses(text):
            return {}
        named = named_courses(text, self.vocabulary)
        squashed = {name.replace(" ", "") for name in self.names}
        if len(named) != 1 or squashed == {named[0].replace(" ", "")}:
            return {}
        return {"names": (named[0],), "query": named[0], "codes": ()}

