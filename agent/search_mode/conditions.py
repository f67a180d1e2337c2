"""The constraints a filter holds, in the order answers state them, worded by a per-language table.

`format_ko` and `format_en` each give a `ConditionWords`; `condition_parts` walks the schedule and
English-taught constraints ("화·목요일, 12:00 전 시작"), `scope_parts` everything a list was drawn with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from agent.index.base import SearchFilters


@dataclass(frozen=True)
class ConditionWords:
    """How one language words each constraint (times in minutes since midnight)."""

    days: Callable[[list[str]], str]
    exclude_days: Callable[[list[str]], str]
    start_after: Callable[[int], str]
    start_before: Callable[[int], str]  # inclusive bound: 719 reads "before 12:00"
    end_before: Callable[[int], str]
    english: str
    departments: Callable[[list[str], int], str]  # the first few, and how many more
    professor: Callable[[str], str]
    credits: Callable[[float], str]
    year: Callable[[int], str]


def condition_parts(filters: SearchFilters, words: ConditionWords) -> list[str]:
    parts: list[str] = []
    if filters.days:
        parts.append(words.days(filters.days))
    if filters.exclude_days:
        parts.append(words.exclude_days(filters.exclude_days))
    if filters.start_after is not None:
        parts.append(words.start_after(filters.start_after))
    if filters.start_before is not None:
        parts.append(words.start_before(filters.start_before))
    if filters.end_before is not None:
        parts.append(words.end_before(filters.end_before))
    if filters.english:
        parts.append(words.english)
    return parts


def scope_parts(filters: SearchFilters, words: ConditionWords, limit: int = 3) -> list[str]:
    parts: list[str] = []
    if filters.departments:
        parts.append(words.departments(filters.departments[:limit], len(filters.departments) - limit))
    if filters.category:
        parts.append(str(filters.category))
    parts.extend(words.professor(professor) for professor in filters.professors[:limit])
    if filters.credits is not None:
        parts.append(words.credits(filters.credits))
    if filters.year is not None:
        parts.append(words.year(filters.year))
    return parts + condition_parts(filters, words)
