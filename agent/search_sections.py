"""Search mode: which returned sections an answer lists, and in what order.

Pure functions over `CourseSection` lists (no wording beyond short condition labels): duplicates
dropped, one course's sections in code order, several courses diversified, and the constraints a search
was filtered by (so an attribute the question constrained is not also answered as if it were asked).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from agent.catalog.models import CourseSection, hhmm


def dedupe(sections: list[CourseSection]) -> list[CourseSection]:
    seen: set[str] = set()
    out: list[CourseSection] = []
    for section in sections:
        if section.id not in seen:
            seen.add(section.id)
            out.append(section)
    return out


def in_code_order(sections: list[CourseSection]) -> list[CourseSection]:
    """Sections of one course by code, then section number (01, 02, ... 10); any other list keeps its
    rank order, which is the answer's order of relevance."""
    if len({course_key(s) for s in sections}) > 1:
        return sections

    def key(section: CourseSection) -> tuple:
        number = section.section.lstrip("0")
        return (section.code, int(number) if number.isdigit() else 0, section.section)

    return sorted(sections, key=key)


def course_key(section: CourseSection) -> str:
    return f"{section.term}|{section.name.replace(' ', '')}"


def diversified(sections: list[CourseSection]) -> list[CourseSection]:
    """One section of each course first (rank order), then the remaining sections: five sections of
    one course must not hide the other courses that match."""
    seen: set[str] = set()
    firsts, rest = [], []
    for section in sections:
        key = course_key(section)
        (rest if key in seen else firsts).append(section)
        seen.add(key)
    return firsts + rest


def _getter(filters: Any) -> Callable[[str], Any]:
    """Read a field of `SearchFilters` or of its dict form (tool artifacts carry the dict)."""
    return filters.get if isinstance(filters, dict) else (lambda key: getattr(filters, key, None))


def course_overview(
    sections: list[CourseSection], limit: int, more: int = 12
) -> tuple[list[CourseSection], list[CourseSection], int]:
    """A list of courses, as both answer languages show it: one section of each course first (rank order)
    up to `limit`; then one section of each course that did not fit (up to `more`: the writers name them and
    cite them, so a list question sees every matching course); and the number of sections left out."""
    ordered = diversified(sections)
    shown = ordered[:limit]
    shown_keys = {course_key(s) for s in shown}
    extra: dict[str, CourseSection] = {}
    for section in ordered[limit:]:
        if course_key(section) not in shown_keys:
            extra.setdefault(course_key(section), section)
    return shown, list(extra.values())[:more], len(ordered) - len(shown)


def filtered_attributes(filters: Any) -> set[str]:
    if filters is None:
        return set()
    get = _getter(filters)
    attrs: set[str] = set()
    if get("credits") is not None:
        attrs.add("credits")
    if get("professors"):
        attrs.add("professor")
    if get("days") or get("exclude_days") or get("start_after") is not None or get("start_before") is not None or get("end_before") is not None:
        attrs.add("time")
    if get("english"):
        attrs.add("english")
    if get("year") is not None:
        attrs.add("year")
    return attrs


DAY_EN = {"월": "Mon", "화": "Tue", "수": "Wed", "목": "Thu", "금": "Fri", "토": "Sat", "일": "Sun"}

# How each schedule constraint reads, per answer language (minutes since midnight; start_before is inclusive).
_CONDITION_WORDS: dict[str, dict[str, Any]] = {
    "ko": {
        "days": lambda days: "·".join(days) + "요일",
        "exclude_days": lambda days: "·".join(days) + "요일 제외",
        "start_after": lambda t: f"{hhmm(t)} 이후 시작",
        "start_before": lambda t: f"{hhmm(t + 1)} 전 시작",
        "end_before": lambda t: f"{hhmm(t)}까지 끝남",
        "english": "영어강의",
    },
    "en": {
        "days": lambda days: "on " + "/".join(DAY_EN.get(d, d) for d in days),
        "exclude_days": lambda days: "not on " + "/".join(DAY_EN.get(d, d) for d in days),
        "start_after": lambda t: f"starting at {hhmm(t)} or later",
        "start_before": lambda t: f"starting before {hhmm(t + 1)}",
        "end_before": lambda t: f"ending by {hhmm(t)}",
        "english": "English-taught",
    },
}


def condition_text(filters: Any, lang: str = "ko") -> str | None:
    """The schedule / English constraints the sections were filtered by, in words: "금요일 제외, 영어강의", or
    with lang="en" "not on Fri, English-taught"."""
    if filters is None:
        return None
    get = _getter(filters)
    words = _CONDITION_WORDS[lang]
    parts: list[str] = []
    for key in ("days", "exclude_days"):
        if get(key):
            parts.append(words[key](get(key)))
    for key in ("start_after", "start_before", "end_before"):
        if get(key) is not None:
            parts.append(words[key](get(key)))
    if get("english"):
        parts.append(words["english"])
    return ", ".join(parts) if parts else None


def scope_text(filters: Any, lang: str = "ko", limit: int = 3) -> str | None:
    """Everything a list was filtered by, in words: "경영학과·경영학부, 전공필수, 한도윤 교수, 3학점, 화·목요일,
    12:00 전 시작", or with lang="en" "경영학과/경영학부, 전공필수, Prof. 한도윤, 3 credits, on Tue/Thu, ..."."""
    if filters is None:
        return None
    get = _getter(filters)
    korean = lang == "ko"
    parts: list[str] = []
    departments = list(get("departments") or [])
    if departments:
        shown = ("·" if korean else "/").join(departments[:limit])
        more = len(departments) - limit
        parts.append(shown + ((f" 외 {more}곳" if korean else f" and {more} more") if more > 0 else ""))
    if get("category"):
        parts.append(str(get("category")))
    for professor in list(get("professors") or [])[:limit]:
        parts.append(f"{professor} 교수" if korean else f"Prof. {professor}")
    if get("credits") is not None:
        parts.append(f"{get('credits'):g}학점" if korean else f"{get('credits'):g} credits")
    if get("year") is not None:
        parts.append(f"{get('year')}학년" if korean else f"year {get('year')}")
    condition = condition_text(filters, lang)
    if condition:
        parts.append(condition)
    return ", ".join(parts) if parts else None


def named_in(question: str, section: CourseSection, course_names: list[str] | None = None) -> bool:
    """Did the question name this section's course: a name the parser resolved, or the catalog's English
    name written out ("Game Theory 교수님 누구?" for 게임이론, which no nickname table lists)?"""
    if any(same_name_text(n, section.name) for n in course_names or []):
        return True
    english = (section.name_en or "").strip().lower()
    return len(english) >= 5 and re.search(
        r"(?<![a-z0-9])" + re.escape(english).replace(r"\ ", r"\s+") + r"(?![a-z0-9])", question.lower()) is not None


def same_name_text(a: str, b: str) -> bool:
    return a.replace(" ", "") == b.replace(" ", "")


def same_name(a: CourseSection, b: CourseSection) -> bool:
    return same_name_text(a.name, b.name) and a.term == b.term
