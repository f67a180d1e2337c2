"""Search mode: which returned sections an answer shows, in what order, and the language-neutral facts
the renderer words in either language (no wording here).

Pure functions over `CourseSection` lists: duplicates dropped, one course's sections in code order, several
courses diversified, the constraints a search was filtered by (so an attribute the question constrained is
not also answered as if it were asked), and a section's meetings grouped as the answers show them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.catalog.models import DAYS, CourseSection
from agent.index.base import SearchFilters

# How many sections an answer shows: of one course, of a list (one per course first), as alternatives, and
# of one course whose professors, times or rooms were asked (each section's answer is said).
MAX_SECTIONS = 12
MAX_LISTED = 5
MAX_ALTERNATIVES = 3
MAX_GROUPED = 20


def dedupe(sections: list[CourseSection]) -> list[CourseSection]:
    seen: set[str] = set()
    out: list[CourseSection] = []
    for section in sections:
        if section.id not in seen:
            seen.add(section.id)
            out.append(section)
    return out


def course_key(section: CourseSection) -> str:
    return f"{section.term}|{section.name.replace(' ', '')}"


def same_name_text(a: str, b: str) -> bool:
    return a.replace(" ", "") == b.replace(" ", "")


def same_name(a: CourseSection, b: CourseSection) -> bool:
    return same_name_text(a.name, b.name) and a.term == b.term


def in_code_order(sections: list[CourseSection]) -> list[CourseSection]:
    """Sections of one course by code, then section number (01, 02, ... 10); any other list keeps its
    rank order, which is the answer's order of relevance."""
    if len({course_key(s) for s in sections}) > 1:
        return sections

    def key(section: CourseSection) -> tuple[str, int, str]:
        number = section.number.lstrip("0")
        return (section.code, int(number) if number.isdigit() else 0, section.number)

    return sorted(sections, key=key)


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


def course_overview(
    sections: list[CourseSection], limit: int, more: int = 12
) -> tuple[list[CourseSection], list[CourseSection], int]:
    """A list of courses: one section of each course first (rank order) up to `limit`; then one section of
    each course that did not fit (up to `more`: the answer names and cites them, so a list question sees
    every matching course); and the number of sections left out."""
    ordered = diversified(sections)
    shown = ordered[:limit]
    shown_keys = {course_key(s) for s in shown}
    extra: dict[str, CourseSection] = {}
    for section in ordered[limit:]:
        if course_key(section) not in shown_keys:
            extra.setdefault(course_key(section), section)
    return shown, list(extra.values())[:more], len(ordered) - len(shown)


def filtered_attributes(filters: SearchFilters | None) -> set[str]:
    """The attributes a search constrained ("1학점짜리", "한도윤 교수님"): filters, not questions."""
    if filters is None:
        return set()
    attrs: set[str] = set()
    if filters.credits is not None:
        attrs.add("credits")
    if filters.professors:
        attrs.add("professor")
    if schedule_conditions(filters, english=False) is not None:
        attrs.add("time")
    if filters.english:
        attrs.add("english")
    if filters.year is not None or filters.years:
        attrs.add("year")
    return attrs


def schedule_conditions(filters: SearchFilters | None, *, english: bool = True) -> SearchFilters | None:
    """Only the schedule (and English-taught) constraints of `filters`, or None when there are none: what an
    answer about one course's sections says it applied ("금요일 제외, 영어강의")."""
    if filters is None:
        return None
    kept = SearchFilters(
        days=filters.days, exclude_days=filters.exclude_days, start_after=filters.start_after,
        start_before=filters.start_before, end_before=filters.end_before,
        english=filters.english if english else None,  # False too: "영강 말고" is said as "영어강의 제외"
    )
    timed = any(t is not None for t in (kept.start_after, kept.start_before, kept.end_before))
    return kept if kept.days or kept.exclude_days or kept.english is not None or timed else None


def section_conditions(filters: SearchFilters | None) -> SearchFilters | None:
    """What an answer about one course's sections says it applied: the schedule, English-taught and the
    catalog's marks ("Honors 제외": "미시경제학 honors 말고 다른 반" lists the other sections as such)."""
    kept = schedule_conditions(filters)
    if filters is None or not (filters.flags or filters.exclude_flags):
        return kept
    marks = {"flags": filters.flags, "exclude_flags": filters.exclude_flags}
    return (kept or SearchFilters()).model_copy(update=marks)


def has_scope(filters: SearchFilters | None) -> bool:
    """Does a list's filter say anything a student asked for (the term alone is not a condition)?"""
    if filters is None:
        return False
    named = (filters.departments, filters.category, filters.professors, filters.credits, filters.year or filters.years, filters.code_series)
    offered = [getattr(filters, name) for name in _OFFERING_AND_EXCLUSIONS]  # "대학원", "원격 제외" ...
    return any(v not in (None, [], "") for v in (*named, *offered)) or schedule_conditions(filters) is not None


_OFFERING_AND_EXCLUSIONS = (
    "levels", "delivery", "languages", "grading", "flags", "has_seats", "exclude_professors",
    "exclude_departments", "exclude_categories", "exclude_levels", "exclude_delivery", "exclude_languages",
    "exclude_grading", "exclude_flags",
)


def named_in(question: str, section: CourseSection, course_names: list[str] | None = None) -> bool:
    """Did the question name this section's course: a name the parser resolved, or the catalog's English
    name written out ("Game Theory 교수님 누구?" for 게임이론, which no nickname table lists)?"""
    if any(same_name_text(n, section.name) for n in course_names or []):
        return True
    english = (section.name_en or "").strip().lower()
    if len(english) < 5:
        return False
    written = r"(?<![a-z0-9])" + re.escape(english).replace(r"\ ", r"\s+") + r"(?![a-z0-9])"
    return re.search(written, question.lower()) is not None


def normalized_year(raw: str | None) -> str | None:
    """A recommended year as catalogs write it ("4학년", "2-4학년", "전체학년"); bare digits get "학년"."""
    year = (raw or "").strip()
    if not year:
        return None
    return year if "학년" in year else f"{year}학년"


def recommended_year(section: CourseSection) -> str | None:
    return normalized_year(section.year)


def rooms(section: CourseSection) -> list[str]:
    return list(dict.fromkeys(slot.room for slot in section.slots if slot.room))


@dataclass(frozen=True)
class Meeting:
    """Days meeting at the same time in the same room ("화·목 12:00-13:15 (K201)")."""

    days: tuple[str, ...]
    start: int
    end: int
    room: str | None


def meetings(section: CourseSection) -> list[Meeting]:
    """A section's slots with back-to-back ones in the same room merged ("월 13:00-14:50"), and days sharing a
    time and room grouped; groups in weekday order."""
    merged: list[list] = []
    for slot in sorted(section.slots, key=lambda x: (DAYS.index(x.day), x.start)):
        last = merged[-1] if merged else None
        if last and last[0] == slot.day and last[3] == slot.room and 0 <= slot.start - last[2] <= 15:
            last[2] = max(last[2], slot.end)
        else:
            merged.append([slot.day, slot.start, slot.end, slot.room])
    groups: dict[tuple, list[str]] = {}
    for day, start, end, room in merged:
        groups.setdefault((start, end, room), []).append(day)
    return [Meeting(tuple(days), start, end, room) for (start, end, room), days in groups.items()]


def short_category(category: str | None) -> str | None:
    """Long per-major lists ("전기-AI융합/전기-IT융합/... [전공기초]") shortened to their summary."""
    if not category or len(category) <= 30:
        return category
    match = re.search(r"\[([^\]]+)\]\s*$", category)
    return f"[{match.group(1)}]" if match else category[:30] + "…"


def grouped(sections: list[CourseSection], by: str) -> list[CourseSection]:
    """One course's sections with those sharing the asked value side by side: "professors" (in the order
    each professor first appears), "times" (by first meeting: weekday, then start) or "rooms" (by room, in
    order of appearance, sections without a room last); any other `by` keeps the order."""
    if by == "times":
        return sorted(sections, key=_first_meeting)
    if by not in ("professors", "rooms"):
        return sections
    keys = [tuple(s.professors) if by == "professors" else tuple(rooms(s)[:1]) for s in sections]
    first_seen = {key: i for i, key in reversed(list(enumerate(keys)))}
    order = sorted(range(len(sections)), key=lambda i: (not keys[i], first_seen[keys[i]], i))
    return [sections[i] for i in order]


def _first_meeting(section: CourseSection) -> tuple[int, ...]:
    """(weekday, start) of a section's first meeting; after every weekday when it has none."""
    return min(((DAYS.index(slot.day), slot.start) for slot in section.slots), default=(len(DAYS),))


# A remark about prerequisites ("선수과목: 자료구조", "선이수 권장"), not a sports player (운동선수).
_PREREQUISITE = re.compile(r"선수\s*과목|선이수|선수\s*강좌|먼저\s*수강|prerequisite", re.IGNORECASE)
_SENTENCE = re.compile(r"[^\n.]*(?:\.(?!\d)|\n|$)")


def prerequisite_remarks(section: CourseSection) -> list[str]:
    """The sentences of a section's remarks and description that speak of prerequisites, as written (no
    catalog has a prerequisite field: only what its remarks say counts)."""
    found: list[str] = []
    for text in (section.notes, section.restrictions, section.description):
        for sentence in _SENTENCE.findall(text or ""):
            sentence = sentence.strip(" \n.")
            if sentence and _PREREQUISITE.search(sentence) and sentence not in found:
                found.append(sentence[:160])
    return found


def restriction_lines(section: CourseSection) -> list[str]:
    """A section's registration rules as the catalog words them, each once (a rule its 수강대상 already
    states, such as Soongsil's "(대상외수강제한)", is not repeated)."""
    target = section.target or ""
    lines = [line.strip() for line in (section.restrictions or "").splitlines() if line.strip()]
    said = target.replace(" ", "")
    return [line[:120] for line in dict.fromkeys(lines) if line.replace(" ", "") not in said]


# A remark about how a course is graded: "절대평가", "성적평가:S/U", "P/F 평가" (Sogang's and the sample's 비고).
_GRADING_REMARK = re.compile(
    r"절대\s*평가|상대\s*평가|S\s*/\s*U|P\s*/\s*F|pass\s*/\s*fail|성적\s*평가|(?<![가-힣])평가\s*:", re.IGNORECASE
)
_REMARK_PIECES = re.compile(r"\s*(?:\n|,|;|\s/\s)\s*")


def grading_remarks(section: CourseSection) -> list[str]:
    """The pieces of a section's remarks that say how it is graded, as written (no catalog has a grading
    field: only what its remarks say counts)."""
    found: list[str] = []
    for text in (section.notes, section.restrictions):
        for piece in _REMARK_PIECES.split(text or ""):
            piece = piece.strip(" \"'")
            if piece and _GRADING_REMARK.search(piece) and piece not in found:
                found.append(piece[:80])
    return found


# A remark about how a course is taught: Soongsil's "강좌유형: 대면+녹화", Sogang's 비고 "비대면_실시간", "※혼합형".
_DELIVERY_REMARK = re.compile(r"녹화|대면|원격|온라인|혼합형|하이브리드|실시간|동영상|online|recorded|hybrid", re.I)


def delivery_remarks(section: CourseSection) -> list[str]:
    """The pieces of a section's remarks that say how it is taught, as written ("강좌유형: 대면+녹화"), so an
    answer gives the catalog's own words beside the normalized mode."""
    found: list[str] = []
    for piece in _REMARK_PIECES.split(section.notes or ""):
        piece = piece.strip(" \"'")
        if piece and _DELIVERY_REMARK.search(piece) and piece not in found:
            found.append(piece[:80])
    return found
