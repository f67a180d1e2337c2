"""Term arithmetic on the project's term names (`agent.catalog.terms`: "2025-1", "2024-여름", "2024-2" ...).

Relative words in a question ("지난 학기", "작년", "다음 학기", "지난 겨울 계절학기") are read against the
CURRENT term: the request's term when the client chose one, else the index's newest. The rules:
- the previous / next REGULAR semester skips the summer and winter sessions: before 2025-1 is 2024-2, after
  2025-1 is 2025-2, before 2024-여름 is 2024-1;
- a year shift keeps the semester: 작년 of 2025-1 is 2024-1;
- the last session of a kind (여름 / 겨울) is the newest one strictly before the current term.
Chronological order within a year is 1, 여름, 2, 겨울 (`term_sort_key`).
"""

from __future__ import annotations

from collections.abc import Iterable

from agent.catalog.terms import term_sort_key

REGULAR = ("1", "2")
SESSIONS = ("여름", "겨울")


def split_term(term: str) -> tuple[int, str] | None:
    """'2024-여름' -> (2024, '여름'); None for anything else."""
    year, _, semester = (term or "").partition("-")
    if year.isdigit() and semester in (*REGULAR, *SESSIONS):
        return int(year), semester
    return None


def make_term(year: int, semester: str) -> str:
    return f"{year}-{semester}"


def chronological(terms: Iterable[str]) -> list[str]:
    """Distinct terms, oldest first."""
    return sorted(set(terms), key=term_sort_key)


def previous_regular(term: str) -> str | None:
    """The regular semester before `term`: 2025-1 -> 2024-2, 2024-2 -> 2024-1, 2024-여름 -> 2024-1."""
    parts = split_term(term)
    if parts is None:
        return None
    year, semester = parts
    if semester == "1":
        return make_term(year - 1, "2")
    if semester == "겨울":
        return make_term(year, "2")
    return make_term(year, "1")


def next_regular(term: str) -> str | None:
    """The regular semester after `term`: 2025-1 -> 2025-2, 2024-2 -> 2025-1, 2024-겨울 -> 2025-1."""
    parts = split_term(term)
    if parts is None:
        return None
    year, semester = parts
    if semester in ("1", "여름"):
        return make_term(year, "2")
    return make_term(year + 1, "1")


def shift_years(term: str, years: int, semester: str | None = None) -> str | None:
    """The same semester (or `semester`) `years` years away: ('2025-1', -1) -> '2024-1'."""
    parts = split_term(term)
    if parts is None:
        return None
    return make_term(parts[0] + years, semester or parts[1])


def last_session(kind: str, current: str) -> str | None:
    """The newest term of `kind` ('여름', '겨울', or a regular '1'/'2') strictly before `current`."""
    parts = split_term(current)
    if parts is None:
        return None
    key = term_sort_key(current)
    for year in (parts[0], parts[0] - 1):
        candidate = make_term(year, kind)
        if term_sort_key(candidate) < key:
            return candidate
    return None  # pragma: no cover - the year before always qualifies


def newest_of(kinds: Iterable[str], held: Iterable[str]) -> str | None:
    """The newest held term whose semester is one of `kinds` ("여름학기" = the latest summer session held)."""
    wanted = set(kinds)
    found = [t for t in held if (parts := split_term(t)) is not None and parts[1] in wanted]
    return chronological(found)[-1] if found else None


def terms_of_year(year: int, held: Iterable[str], kinds: Iterable[str] | None = None) -> list[str]:
    """The held terms of `year` (of `kinds` only, when given), oldest first."""
    wanted = set(kinds) if kinds is not None else None
    found = [(t, split_term(t)) for t in held]
    return chronological(
        t for t, parts in found if parts and parts[0] == year and (wanted is None or parts[1] in wanted)
    )


def between(first: str, last: str, held: Iterable[str]) -> list[str]:
    """The held terms from `first` to `last` inclusive, oldest first."""
    low, high = sorted((term_sort_key(first), term_sort_key(last)))
    return chronological(t for t in held if low <= term_sort_key(t) <= high)


def is_later_than_all(term: str, held: Iterable[str]) -> bool:
    """Whether `term` lies after every held term (it has not been published yet: "아직")."""
    keys = [term_sort_key(t) for t in held]
    return bool(keys) and term_sort_key(term) > max(keys)


def next_session(kind: str, current: str) -> str | None:
    """The oldest term of `kind` strictly after `current` ("next spring" asked in 2025-1 is 2026-1)."""
    parts = split_term(current)
    if parts is None:
        return None
    key = term_sort_key(current)
    for year in (parts[0], parts[0] + 1):
        candidate = make_term(year, kind)
        if term_sort_key(candidate) > key:
            return candidate
    return None  # pragma: no cover - the year after always qualifies
