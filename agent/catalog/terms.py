"""Term names: one convention for every catalog.

A term is ``"<year>-<semester>"`` where semester is ``1`` or ``2`` for the regular semesters and
``여름`` / ``겨울`` for the summer and winter sessions: ``"2026-1"``, ``"2024-2"``, ``"2024-여름"``,
``"2024-겨울"``. Chronological order within a year is 1, 여름, 2, 겨울 (`term_sort_key`).

Sources write terms many ways (``2025 학년도`` + ``1학기``, ``하계학기``, ``2026년 1학기``, ``2026_1``,
``2026 spring``); `normalize_term` and `term_from_year_semester` map them all onto the convention.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_SEMESTERS: dict[str, str] = {
    "1": "1", "1학기": "1", "봄": "1", "봄학기": "1", "spring": "1", "s1": "1", "first": "1",
    "2": "2", "2학기": "2", "가을": "2", "가을학기": "2", "fall": "2", "autumn": "2", "s2": "2", "second": "2",
    "여름": "여름", "여름학기": "여름", "하계": "여름", "하계학기": "여름", "summer": "여름", "계절1": "여름",
    "겨울": "겨울", "겨울학기": "겨울", "동계": "겨울", "동계학기": "겨울", "winter": "겨울", "계절2": "겨울",
}
_ORDER = {"1": 1, "여름": 2, "2": 3, "겨울": 4}


class TermError(ValueError):
    """A term text that does not follow any known way of writing a term."""


def semester_code(text: str) -> str:
    """'1학기' -> '1', '하계학기' -> '여름', 'Winter' -> '겨울'."""
    key = re.sub(r"\s+", "", (text or "")).lower()
    if key in _SEMESTERS:
        return _SEMESTERS[key]
    raise TermError(f"unknown semester {text!r} (expected 1, 2, 여름, 겨울, 1학기, 하계학기 ...)")


@lru_cache(maxsize=256)
def term_from_year_semester(year: str, semester: str) -> str:
    """('2025 학년도', '1학기') -> '2025-1'; ('2024', '동계학기') -> '2024-겨울'."""
    match = re.search(r"(\d{4})", year or "")
    if not match:
        raise TermError(f"no year in {year!r}")
    return f"{match.group(1)}-{semester_code(semester)}"


_TERM_TEXT = re.compile(r"^\s*(\d{4})\s*(?:년도|학년도|년)?\s*[-_ .]?\s*(.+?)\s*$")


def normalize_term(text: str) -> str:
    """'2026-1', '2026_1', '2026년 1학기', '2026 여름학기', '2026-summer' -> the convention."""
    match = _TERM_TEXT.match(text or "")
    if not match:
        raise TermError(f"cannot read term {text!r} (write it like 2026-1, 2024-2, 2024-여름, 2024-겨울)")
    return f"{match.group(1)}-{semester_code(match.group(2))}"


_FILENAME_TERM = re.compile(r"(?<!\d)(\d{4})[-_ ]?(1|2|여름|겨울|summer|winter|하계|동계)(?![\d])", re.I)


def term_from_filename(path: str | Path) -> str | None:
    """'ssu-2026-1.csv' -> '2026-1'; 'catalog_2024_여름.csv' -> '2024-여름'; no term in the name -> None.

    A name with a year range (``sogang-2023-2025``) names no single term and gives None.
    """
    stem = Path(path).stem
    if re.search(r"(?<!\d)\d{4}-\d{4}(?!\d)", stem):
        return None
    matches = _FILENAME_TERM.findall(stem)
    if len(matches) != 1:
        return None
    year, semester = matches[0]
    return f"{year}-{semester_code(semester)}"


def term_sort_key(term: str) -> tuple[int, int, str]:
    """Chronological sort key: 2024-1 < 2024-여름 < 2024-2 < 2024-겨울 < 2025-1; unknown forms last."""
    year, _, semester = term.partition("-")
    if year.isdigit():
        return int(year), _ORDER.get(semester, 9), semester
    return 9999, 9, term
