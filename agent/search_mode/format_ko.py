"""How Korean answers write course facts: citations, course names as topics (은/는), schedules, professors.

Pure formatting of `CourseSection` fields (nothing here adds a fact or decides what to show); `format_en`
has the same functions, and `render` fills the messages of either language with them. A citation always
reads "과목명 (과목번호 CODE, NN분반)" (a graduate section adds ", 대학원 석사과정"): `conversation.cited_courses`
reads it back for follow-ups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.catalog.models import CourseSection, hhmm
from agent.query.offering_words import FLAG_MARKS
from agent.search_mode.conditions import credits_text
from agent.search_mode.sections import meetings, normalized_year

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


def course_name(section: CourseSection) -> str:
    return section.name


def topic(section: CourseSection) -> str:
    """"자료구조는", "알고리즘은": a course name as the topic of a sentence."""
    return f"{section.name}{josa(section.name, '은', '는')}"


def cite_topic(section: CourseSection) -> str:
    """"자료구조 (과목번호 CSE2010, 01분반)는": a citation as the topic of a sentence."""
    return f"{cite(section)}{josa(section.name, '은', '는')}"


# A graduate section's level as the citation says it (undergraduate sections are not marked).
_GRADUATE = {"석사": "대학원 석사과정", "박사": "대학원 박사과정", "석박": "대학원 석·박사과정"}


def cite(section: CourseSection) -> str:
    """"자료구조 (과목번호 CSE2010, 01분반)"; a graduate section says so: "(과목번호 CSE6010, 01분반, 대학원
    석사과정)"."""
    part = f", {section.section}분반" if section.section else ""
    level = f", {_GRADUATE[section.level]}" if section.graduate and section.level in _GRADUATE else ""
    return f"{section.name} (과목번호 {section.code}{part}{level})"


def section_label(section: CourseSection) -> str:
    return f"{section.section}분반" if section.section else f"{section.code}"


def teacher(section: CourseSection) -> str:
    return teachers(section.professors)


def teachers(names: Sequence[str]) -> str:
    """"한도윤, 남궁현 교수": professors named without a section (a course's in one term)."""
    return ", ".join(names) + " 교수" if names else "담당 교수 미정"


def credits(value: float) -> str:
    return credits_text(value, "ko")


def year(raw: str | None) -> str | None:
    return normalized_year(raw)


def day(letter: str) -> str:
    return letter


def sections(count: int) -> str:
    return f"분반 {count}개"


def courses(count: int) -> str:
    return f"{count}과목"


def relaxed_text(labels: tuple[str, ...]) -> str:
    """The dropped conditions as the retriever described them ("요일(금)"), bare field names translated."""
    return ", ".join(dict.fromkeys(_RELAXED_NAMES.get(label, label) for label in labels))


def schedule(section: CourseSection) -> str:
    """"화·목 12:00-13:15 (공학관 210), 금 09:00-10:50", or "시간 미정"."""
    groups = meetings(section)
    if not groups:
        return "시간 미정"
    return ", ".join(
        f"{'·'.join(m.days)} {hhmm(m.start)}-{hhmm(m.end)}" + (f" ({m.room})" if m.room else "")
        for m in groups
    )


def bullet_marks(section: CourseSection) -> list[str]:
    """What a bullet adds after the department: "영어강의" and the catalog's marks ("Honors 분반"); the
    recommended year is said when asked."""
    return (["영어강의"] if section.english else []) + [FLAG_MARKS[flag][0] for flag in section.flags or ()]


def total_of(count: int, courses: int) -> str:
    """A set's true size: "20과목 49개 분반", or "분반 16개" for one course's sections."""
    return f"{courses}과목 {count}개 분반" if courses > 1 else sections(count)


def position_range(first: int, last: int) -> str:
    """Which sections of a set (1-based) the bullets are: "13-24번째", "49번째"."""
    return f"{first}번째" if first == last else f"{first}-{last}번째"


# --- what only some catalogs hold ------------------------------------------------------------------
def labels(names: list[str]) -> str:
    """Sections that share a value: "01·02분반" reads "01분반·02분반"."""
    return "·".join(names)


# --- eligibility ---------------------------------------------------------------------------------------
def quoted_rule(text: str) -> str:
    """"'컴퓨터공학과(불가능)'이라고": a rule of the catalog quoted as written, with the particle it takes."""
    return f"'{text}'" + josa(text, "이라고", "라고")


def with_object(word: str) -> str:
    """"자료구조를", "운영체제를", "회계원리를"."""
    return word + josa(word, "을", "를")


def department_forms(name: str) -> dict[str, str]:
    """A department as a sentence needs it: bare, and with 은/는, 이/가, 을/를."""
    return {
        "department": name, "department_topic": name + josa(name, "은", "는"),
        "department_subject": name + josa(name, "이", "가"), "department_object": with_object(name),
    }
