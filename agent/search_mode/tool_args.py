"""Search mode: the `search_courses` / `get_course` arguments that find a conversation's sections again (its
courses or topic words, every condition of the thread as an argument, its term)."""

from __future__ import annotations

from typing import Any

from agent.index.base import SearchFilters
from agent.search_mode.thread import Thread

LIMIT = 20  # 20, not the tool's default 8: a course with many sections is answered for all of them


def search_args(thread: Thread) -> dict[str, Any]:
    """`search_courses` arguments that find a thread's sections again: its courses or topic words as the
    query (departments, and professors beyond one, as words the parser links again: one argument holds one
    name), every other condition as an argument."""
    conditions = thread.conditions
    words = [thread.query or " ".join(thread.names), *conditions.departments]
    if len(conditions.professors) > 1:
        words += conditions.professors
    query = " ".join(w for w in words if w).strip()
    return {"query": query, "limit": LIMIT, **condition_args(conditions)}


# Filter fields whose `search_courses` argument has another name, and those `search_args` writes as words.
_ARGUMENT_NAMES = {
    "rooms": "room", "years": "year", "flags": "flag", "exclude_flags": "exclude_flag", "levels": "level", "exclude_levels": "exclude_level",
    "languages": "language", "exclude_languages": "exclude_language",
}
_ONE_VALUE = ("language",)  # the tool takes one language; a thread holds at most one
_AS_WORDS = ("departments", "professors", "course_codes")
_TIMES = ("start_after", "start_before", "end_before", "end_after")


def condition_args(filters: SearchFilters) -> dict[str, Any]:
    """`search_courses` arguments for the conditions of `filters`: every field the tool takes as an argument
    of the same name (times as HH:MM), the rooms, and one professor (departments: see `search_args`)."""
    from agent.catalog.models import hhmm
    from tools.search_courses import search_courses

    accepted = set(search_courses.args)
    args: dict[str, Any] = {}
    for name, value in filters.model_dump().items():
        argument = _ARGUMENT_NAMES.get(name, name)
        if name in _AS_WORDS or argument not in accepted or value is None or value == [] or value == "":
            continue
        args[argument] = hhmm(value) if name in _TIMES else value[0] if argument in _ONE_VALUE else value
    if len(filters.professors) == 1:
        args["professor"] = filters.professors[0]
    return args


def term_args(thread: Thread) -> dict[str, Any]:
    conditions = thread.conditions
    return {"term": conditions.term} if conditions.term else {"terms": conditions.terms} if conditions.terms else {}
