"""`SearchFilters` semantics, implemented once for both backends.

Three views of the same rules (see `agent.index.base.SearchFilters` for the contract):

- `flat_fields(section)`: the structured fields as flat scalars and string lists, usable as LanceDB
  columns and as Pinecone metadata. Per-day columns (`mon_start_min` ...) make the time rules exact in
  a flat store: "every slot on Tuesday starts at or after 9:00" is `tue_start_min >= 540`.
- `matches(section, filters)`: the precise check, slot by slot. Every backend post-filters with it
  (`section_filter(filters)` is the same check fixed once, for loops over many sections).
- `lance_where(filters)`: a LanceDB SQL prefilter. It encodes the same rules through the flat fields and
  must never be stricter than `matches` (tests check it on every field); `matches` stays the last word.
  `year` and `rooms` have no flat field (the catalogs write them as text: "3-4학년", "정보과학관 21304"), nor do
  the optional catalog fields (`levels`, `delivery`, `languages`, `grading`, `flags`, `has_seats` and their
  exclusions: adding columns would change the table layout and force a re-ingestion for filters that prune
  little): both backends apply them in `matches` only, and the retriever fetches more candidates when
  `post_filter_only` says one is set. Excluded professors, departments and categories use the existing columns.

One decision the contract leaves open: a time bound (`start_after`, `start_before`, `end_before`) needs at
least one meeting slot to look at. A section with no timetable ("시간 미정"), or none on the requested
days, does not satisfy "오전" — listing it as a morning class would be wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from agent.catalog.grading import stated_grading
from agent.catalog.models import DAYS, CourseSection, parse_recommended_year
from agent.index.base import SearchFilters

# ASCII keys for the days, for column / metadata names that every store accepts.
DAY_KEYS: dict[str, str] = dict(zip(DAYS, ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), strict=True))

# Field names and their kinds, in one place so the LanceDB schema and Pinecone metadata agree.
STRING_FIELDS = ("term", "code", "section", "department", "category")
LIST_FIELDS = ("days", "professors")
NUMBER_FIELDS = (
    ("credits", "float"),
    ("start_min", "int"),
    ("start_max", "int"),
    ("end_max", "int"),
    *[(f"{key}_{part}", "int") for key in DAY_KEYS.values() for part in ("start_min", "start_max", "end_max")],
)
BOOL_FIELDS = ("english",)


def flat_fields(section: CourseSection, *, drop_none: bool = False) -> dict[str, Any]:
    """The section's filterable fields, flat.

    - `term`, `code`, `section`, `department`, `category`: strings (None when unknown)
    - `professors`, `days`: lists of strings (days in timetable order, each once)
    - `credits`: float or None; `english`: bool
    - `start_min` / `start_max` / `end_max`: earliest start, latest start, latest end over all slots
    - `<day>_start_min` / `<day>_start_max` / `<day>_end_max` for day in mon..sun: the same per day

    `drop_none=True` leaves out unknown values (Pinecone metadata cannot hold null).
    """
    fields: dict[str, Any] = {
        "term": section.term,
        "code": section.code,
        "section": section.section,
        "department": section.department,
        "category": section.category,
        "professors": list(section.professors),
        "days": list(section.days),
        "credits": float(section.credits) if section.credits is not None else None,
        "english": bool(section.english),
    }
    fields.update(_time_fields("", section.slots))
    for day, key in DAY_KEYS.items():
        fields.update(_time_fields(f"{key}_", [slot for slot in section.slots if slot.day == day]))
    if drop_none:
        fields = {name: value for name, value in fields.items() if value is not None}
    return fields


def _time_fields(prefix: str, slots: list) -> dict[str, int | None]:
    if not slots:
        return {f"{prefix}start_min": None, f"{prefix}start_max": None, f"{prefix}end_max": None}
    return {
        f"{prefix}start_min": min(slot.start for slot in slots),
        f"{prefix}start_max": max(slot.start for slot in slots),
        f"{prefix}end_max": max(slot.end for slot in slots),
    }


def matches(section: CourseSection, filters: SearchFilters | None) -> bool:
    """Whether `section` satisfies every constraint in `filters` (None or empty filters: always)."""
    return filters is None or all(check(section, filters) for check in _checks(filters))


def section_filter(filters: SearchFilters | None) -> Callable[[CourseSection], bool]:
    """`matches` with the filters fixed, for a loop over many sections: only the groups of checks the filters
    use run per section (a listing of a few thousand sections is on every answer's path)."""
    checks = _checks(filters) if filters is not None else []
    if not checks:
        return lambda section: True
    if len(checks) == 1:
        only = checks[0]
        return lambda section: only(section, filters)  # type: ignore[arg-type]
    first, second, *rest = checks

    def keep(section: CourseSection) -> bool:
        if not (first(section, filters) and second(section, filters)):  # type: ignore[arg-type]
            return False
        for check in rest:
            if not check(section, filters):  # type: ignore[arg-type]
                return False
        return True

    return keep


_Check = Callable[[CourseSection, SearchFilters], bool]


def _checks(f: SearchFilters) -> list[_Check]:
    """The groups of checks `f` needs, each a function of (section, filters)."""
    checks: list[_Check] = []
    if f.term or f.terms or f.course_codes or f.departments or f.professors:
        checks.append(_identity_ok)
    if (f.days or f.exclude_days or f.start_after is not None or f.start_before is not None or f.end_before is not None
            or f.end_after is not None):
        checks.append(_schedule_ok)
    if (f.credits is not None or f.english is not None or f.category or f.year is not None or f.years or f.rooms
            or f.code_series):
        checks.append(_attributes_ok)
    if f.levels or f.delivery or f.languages or f.grading or f.flags or f.has_seats is not None:
        checks.append(_offering_ok)
    if (f.exclude_professors or f.exclude_departments or f.exclude_categories or f.exclude_levels
            or f.exclude_delivery or f.exclude_languages or f.exclude_grading or f.exclude_flags or f.exclude_credits):
        checks.append(_exclusions_ok)
    return checks


def _identity_ok(section: CourseSection, filters: SearchFilters) -> bool:
    """Term, code, department, professor."""
    if filters.term and section.term != filters.term:
        return False
    if filters.terms and section.term not in filters.terms:
        return False
    if filters.course_codes and section.code not in filters.course_codes:
        return False
    if filters.departments and section.department not in filters.departments:
        return False
    return not (filters.professors and not set(section.professors) & set(filters.professors))


def _schedule_ok(section: CourseSection, filters: SearchFilters) -> bool:
    """Days, excluded days and the time bounds, slot by slot."""
    meets = set(section.days)
    if filters.days and not set(filters.days) <= meets:
        return False
    if filters.exclude_days and meets & set(filters.exclude_days):
        return False
    if (filters.start_after is None and filters.start_before is None and filters.end_before is None
            and filters.end_after is None):
        return True
    wanted = set(filters.days)
    slots = [slot for slot in section.slots if not wanted or slot.day in wanted]
    if not slots:
        return False
    for slot in slots:
        if filters.start_after is not None and slot.start < filters.start_after:
            return False
        if filters.start_before is not None and slot.start > filters.start_before:
            return False
        if filters.end_before is not None and slot.end > filters.end_before:
            return False
    return filters.end_after is None or any(slot.end >= filters.end_after for slot in slots)


def _attributes_ok(section: CourseSection, filters: SearchFilters) -> bool:
    """Credits, English-taught, category, recommended year, rooms."""
    if filters.credits is not None and (section.credits is None or abs(section.credits - filters.credits) > 1e-9):
        return False
    if filters.english is not None and section.english != filters.english:
        return False
    if filters.category and (not section.category or filters.category not in section.category):
        return False
    wanted = [filters.year] if filters.year is not None else filters.years
    if wanted and not any(year_includes(section.year, year) for year in wanted):
        return False
    if filters.code_series and not in_series(section.code, filters.code_series):
        return False
    return not (filters.rooms and not meets_in(section, filters.rooms))


_CODE_NUMBER = re.compile(r"(\d+)[A-Za-z]?$")


def in_series(code: str, series: str) -> bool:
    """Is the code's number in the series students name: "4000번대" is four digits starting with 4 (MAT4110,
    CSE4020); a code of another length (Soongsil's ten digits) is in no such series."""
    match = _CODE_NUMBER.search(code or "")
    return bool(match) and len(match.group(1)) == len(series) and match.group(1)[0] == series[0]


def _offering_ok(section: CourseSection, filters: SearchFilters) -> bool:
    """Level, delivery, language, grading, marks, seats: a value the catalog does not state never matches."""
    if filters.levels and section.level not in filters.levels:
        return False
    if filters.delivery and section.delivery not in filters.delivery:
        return False
    if filters.languages and section.language not in filters.languages:
        return False
    if filters.grading and stated_grading(section) not in filters.grading:
        return False
    if filters.flags and (section.flags is None or not set(filters.flags) <= set(section.flags)):
        return False
    if filters.has_seats is not None:
        if section.seats_left is None or (section.seats_left > 0) != filters.has_seats:
            return False
    return True


def _exclusions_ok(section: CourseSection, filters: SearchFilters) -> bool:
    """What the student ruled out; a value the catalog does not state is never ruled out."""
    if set(section.professors) & set(filters.exclude_professors):
        return False
    if section.department is not None and section.department in filters.exclude_departments:
        return False
    if section.category and any(word and word in section.category for word in filters.exclude_categories):
        return False
    if section.level is not None and section.level in filters.exclude_levels:
        return False
    if section.delivery is not None and section.delivery in filters.exclude_delivery:
        return False
    if section.language is not None and section.language in filters.exclude_languages:
        return False
    if section.flags and set(section.flags) & set(filters.exclude_flags):
        return False
    if section.credits is not None and any(abs(section.credits - c) < 1e-9 for c in filters.exclude_credits):
        return False
    return not (filters.exclude_grading and stated_grading(section) in filters.exclude_grading)


def meets_in(section: CourseSection, rooms: list[str]) -> bool:
    """Does some slot of the section meet in one of `rooms` (a room, or a building: a part of the room text)?"""
    wanted = [_squash(room) for room in rooms if room.strip()]
    held = [_squash(slot.room) for slot in section.slots if slot.room]
    return any(room in place for room in wanted for place in held)


def _squash(text: str) -> str:
    return "".join(text.split()).lower()


def year_includes(recommended: str | None, year: int) -> bool:
    """Does a catalog's recommended year ("3학년", "3-4학년", "1,2학년", "전체학년") include `year`?
    Unknown or unreadable: no."""
    parsed = parse_recommended_year(recommended)
    if parsed is None:
        return False
    kind, numbers = parsed
    if kind == "all":
        return True
    if kind == "range":
        return numbers[0] <= year <= numbers[1]
    return year in numbers


def sql_string(value: str) -> str:
    """A SQL string literal (single quotes doubled)."""
    return "'" + value.replace("'", "''") + "'"


def _sql_list(values: list[str]) -> str:
    return "[" + ", ".join(sql_string(value) for value in values) + "]"


def lance_where(filters: SearchFilters | None, *, include_term: bool = True) -> str | None:
    """A LanceDB (DataFusion SQL) prefilter equivalent to `matches` over `flat_fields` columns.

    Returns None when nothing constrains the search. `include_term=False` leaves the term(s) out (for a
    caller that already selected the rows of its terms).
    """
    if filters is None:
        return None
    clauses: list[str] = []
    if include_term and filters.term:
        clauses.append(f"term = {sql_string(filters.term)}")
    if include_term and filters.terms:
        clauses.append(f"term IN ({', '.join(sql_string(t) for t in filters.terms)})")
    if filters.course_codes:
        clauses.append(f"code IN ({', '.join(sql_string(code) for code in filters.course_codes)})")
    if filters.departments:
        clauses.append(f"department IN ({', '.join(sql_string(d) for d in filters.departments)})")
    if filters.professors:
        clauses.append(f"array_has_any(professors, {_sql_list(filters.professors)})")
    if filters.days:
        clauses.append(f"array_has_all(days, {_sql_list(list(filters.days))})")
    if filters.exclude_days:
        # A section with no slots has an empty list: array_has_any is false, NOT ... is true, as in `matches`.
        clauses.append(f"NOT array_has_any(days, {_sql_list(list(filters.exclude_days))})")
    prefixes = [f"{DAY_KEYS[day]}_" for day in dict.fromkeys(filters.days)] or [""]
    for prefix in prefixes:
        # NULL (no slot on that day / no slot at all) compares as unknown and excludes, as `matches` does.
        if filters.start_after is not None:
            clauses.append(f"{prefix}start_min >= {int(filters.start_after)}")
        if filters.start_before is not None:
            clauses.append(f"{prefix}start_max <= {int(filters.start_before)}")
        if filters.end_before is not None:
            clauses.append(f"{prefix}end_max <= {int(filters.end_before)}")
    if filters.end_after is not None:  # some meeting on those days ends late enough: any of them
        late = [f"{prefix}end_max >= {int(filters.end_after)}" for prefix in prefixes]
        clauses.append("(" + " OR ".join(late) + ")")
    if filters.credits is not None:
        # A small tolerance so a float column never excludes what `matches` accepts.
        value = float(filters.credits)
        clauses.append(f"credits >= {value - 1e-6} AND credits <= {value + 1e-6}")
    if filters.english is not None:
        clauses.append(f"english = {'true' if filters.english else 'false'}")
    if filters.category:
        clauses.append(f"strpos(category, {sql_string(filters.category)}) > 0")
    clauses.extend(_exclusion_clauses(filters))
    return " AND ".join(f"({clause})" for clause in clauses) if clauses else None


def _exclusion_clauses(filters: SearchFilters) -> list[str]:
    """Ruled-out professors, departments and categories. An unknown (NULL) department or category is not
    ruled out (`matches` keeps it), so NULL passes explicitly: `NULL NOT IN (...)` alone would drop it."""
    clauses: list[str] = []
    if filters.exclude_professors:
        clauses.append(f"NOT array_has_any(professors, {_sql_list(filters.exclude_professors)})")
    if filters.exclude_departments:
        listed = ", ".join(sql_string(d) for d in filters.exclude_departments)
        clauses.append(f"department IS NULL OR department NOT IN ({listed})")
    for word in filters.exclude_categories:
        if word:
            clauses.append(f"category IS NULL OR strpos(category, {sql_string(word)}) = 0")
    return clauses


# Constraints with no flat field: checked by `matches` after the index's own filter.
_POST_FILTER_ONLY = (
    "year", "years", "rooms", "levels", "delivery", "languages", "has_seats", "exclude_levels", "exclude_delivery",
    "exclude_languages", "code_series", "grading", "exclude_grading", "flags", "exclude_flags", "exclude_credits",
)


def post_filter_only(filters: SearchFilters) -> bool:
    """Does `filters` hold a constraint neither backend's prefilter expresses? Then a search must fetch more
    candidates than it returns, since `matches` drops some of them afterwards."""
    # Pinecone tests "category contains" through 4-character grams: a longer ruled-out word is left to `matches`.
    long_exclusion = any(len(word) > 4 for word in filters.exclude_categories)
    return long_exclusion or any(getattr(filters, name) not in (None, []) for name in _POST_FILTER_ONLY)
