"""How Korean answers write course facts: citations, schedules, conditions, Korean particles.

Pure formatting of `CourseSection` fields and filters (nothing here adds a fact or decides what to show).
A citation always reads "과목명 (과목번호 CODE, NN분반)": `conversation.cited_courses` reads it back for
follow-ups.
"""

from __future__ import annotations

import re

from agent.catalog.models import CourseSection, hhmm
from agent.index.base import SearchFilters
from agent.search_mode.conditions import ConditionWords, condition_parts, scope_parts
from agent.search_mode.sections import meetings, short_category

# How the retriever's dropped-condition labels read when they are bare field names.
_RELAXED_NAMES = {
    "days": "요일", "exclude_days": "공강 요일", "start_after": "시간", "start_before": "시간", "end_before": "시간",
    "time": "시간", "departments": "학과", "department": "학과", "professors": "교수", "professor": "교수",
    "credits": "학점", "english": "영어강의", "category": "이수구분", "course_codes": "과목번호",
}


def has_batchim(word: str) -> bool | None:
    """Whether the last Hangul syllable has a final consonant (None for non-Hangul endings)."""
    roman = re.search(r"(?<![A-Za-z])(III|II|IV|I|V|Ⅲ|Ⅱ|Ⅳ|Ⅰ|Ⅴ)\s*$", word)
    if roman:
        # Read as Sino-Korean numbers: 일, 이, 삼, 사, 오.
        return roman.group(1) in ("I", "Ⅰ", "III", "Ⅲ")
    for char in reversed(word.strip()):
        if "가" <= char <= "힣":
            return (ord(char) - 0xAC00) % 28 != 0
        if char.isdigit():
            return char in "013678"  # 영, 일, 삼, 육, 칠, 팔 end in a consonant
        if char.isalpha():
            return None
    return None


def josa(word: str, with_batchim: str, without: str) -> str:
    final = has_batchim(word)
    if final is None:
        return f"{with_batchim}({without})"
    return with_batchim if final else without


def topic(name: str) -> str:
    """"자료구조는", "알고리즘은": a course name as the topic of a sentence."""
    return f"{name}{josa(name, '은', '는')}"


def credits_text(section: CourseSection) -> str | None:
    return None if section.credits is None else f"{section.credits:g}학점"


def cite(section: CourseSection) -> str:
    part = f", {section.section}분반" if section.section else ""
    return f"{section.name} (과목번호 {section.code}{part})"


def section_label(section: CourseSection) -> str:
    return f"{section.section}분반" if section.section else f"{section.code}"


def professors_text(section: CourseSection) -> str:
    return ", ".join(section.professors) + " 교수" if section.professors else "담당 교수 미정"


def schedule_text(section: CourseSection) -> str:
    """"화·목 12:00-13:15 (공학관 210), 금 09:00-10:50", or "시간 미정"."""
    groups = meetings(section)
    if not groups:
        return "시간 미정"
    return ", ".join(
        f"{'·'.join(m.days)} {hhmm(m.start)}-{hhmm(m.end)}" + (f" ({m.room})" if m.room else "")
        for m in groups
    )


def bullet(section: CourseSection) -> str:
    details = [professors_text(section)]
    if credits_text(section):
        details.append(credits_text(section))
    details.append(schedule_text(section))
    extra = " ".join(x for x in (section.department, short_category(section.category)) if x)
    if extra:
        details.append(extra)
    if section.english:
        details.append("영어강의")
    return f"• {cite(section)} — " + " · ".join(details)


CONDITION_WORDS = ConditionWords(
    days=lambda days: "·".join(days) + "요일",
    exclude_days=lambda days: "·".join(days) + "요일 제외",
    start_after=lambda t: f"{hhmm(t)} 이후 시작",
    start_before=lambda t: f"{hhmm(t + 1)} 전 시작",
    end_before=lambda t: f"{hhmm(t)}까지 끝남",
    english="영어강의",
    departments=lambda shown, more: "·".join(shown) + (f" 외 {more}곳" if more > 0 else ""),
    professor=lambda name: f"{name} 교수",
    credits=lambda value: f"{value:g}학점",
    year=lambda year: f"{year}학년",
)


def condition_text(filters: SearchFilters) -> str:
    """The schedule / English constraints in words: "화·목요일, 12:00 전 시작, 영어강의"."""
    return ", ".join(condition_parts(filters, CONDITION_WORDS))


def scope_text(filters: SearchFilters) -> str:
    """Everything a list was filtered by: "경영학과·경영학부·전문경영학과 외 1곳, 전공필수, 한도윤 교수, 3학점,
    2학년, 화·목요일, 12:00 전 시작"."""
    return ", ".join(scope_parts(filters, CONDITION_WORDS))


def relaxed_text(labels: tuple[str, ...]) -> str:
    """The dropped conditions as the retriever described them ("요일(금)"), bare field names translated."""
    return ", ".join(dict.fromkeys(_RELAXED_NAMES.get(label, label) for label in labels))
