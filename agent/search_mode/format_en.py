"""How English answers write course facts: citations, schedules, professors, recommended years.

Course names stay as the catalog writes them (the English name first when the catalog has one). A
citation reads "Name [과목명] (code CODE, section NN)" (a graduate section adds ", graduate,
master's"): `conversation.cited_courses` reads it back for follow-ups, as it reads the Korean one. The
same functions as `format_ko`, for `render`.
"""

from __future__ import annotations

from collections.abc import Sequence

from agent.catalog.models import CourseSection, hhmm, parse_recommended_year
from agent.query.offering_words import FLAG_MARKS
from agent.search_mode.conditions import DAY_EN, credits_text, days_en
from agent.search_mode.sections import meetings


def course_name(section: CourseSection) -> str:
    """"Data Structures [자료구조]", or the catalog's name alone when it has no English one."""
    return f"{section.name_en} [{section.name}]" if section.name_en else section.name


topic = course_name  # English has no topic particle


# A graduate section's level as the citation says it (undergraduate sections are not marked).
_GRADUATE = {"석사": "graduate, master's", "박사": "graduate, doctoral", "석박": "graduate, master's/doctoral"}


def cite(section: CourseSection) -> str:
    """"Data Structures [자료구조] (code CSE2010, section 01)"; a graduate section says so: "(code CSE6010,
    section 01, graduate, master's)"."""
    part = f", section {section.section}" if section.section else ""
    level = f", {_GRADUATE[section.level]}" if section.graduate and section.level in _GRADUATE else ""
    return f"{course_name(section)} (code {section.code}{part}{level})"


cite_topic = cite


def section_label(section: CourseSection) -> str:
    return f"section {section.section}" if section.section else section.code


def teacher(section: CourseSection) -> str:
    return teachers(section.professors)


def teachers(names: Sequence[str]) -> str:
    """"Prof. 한도윤, 남궁현": professors named without a section (a course's in one term)."""
    return "Prof. " + ", ".join(names) if names else "instructor TBA"


def credits(value: float) -> str:
    return credits_text(value, "en")


def year(raw: str | None) -> str | None:
    """The recommended year in English: "2학년" -> "year 2", "2-4학년" -> "years 2-4", "전체학년" -> "all years"."""
    raw = (raw or "").strip()
    parsed = parse_recommended_year(raw)
    if parsed is None:
        return raw or None  # a form we do not know: as the catalog writes it
    kind, numbers = parsed
    if kind == "all":
        return "all years"
    if kind == "range":
        return f"years {numbers[0]}-{numbers[1]}"
    return f"year {numbers[0]}" if len(numbers) == 1 else "years " + ", ".join(map(str, numbers))


def day(letter: str) -> str:
    return DAY_EN.get(letter, letter)


def sections(count: int) -> str:
    return "1 section" if count == 1 else f"{count} sections"


def courses(count: int) -> str:
    return "1 course" if count == 1 else f"{count} courses"


def relaxed_text(labels: tuple[str, ...]) -> str:
    """The dropped conditions as the retriever described them (in Korean: its own words)."""
    return ", ".join(labels)


def schedule(section: CourseSection) -> str:
    """"Tue/Thu 12:00-13:15 (K201), Fri 09:00-10:50", or "time TBA"."""
    groups = meetings(section)
    if not groups:
        return "time TBA"
    return ", ".join(f"{days_en(m.days)} {hhmm(m.start)}-{hhmm(m.end)}" + (f" ({m.room})" if m.room else "")
                     for m in groups)


def bullet_marks(section: CourseSection) -> list[str]:
    """What a bullet adds after the department: the recommended year, "English-taught", the catalog's marks
    ("honors section")."""
    recommended = year(section.year)
    marks = [f"recommended for {recommended}"] if recommended else []
    marks += ["English-taught"] if section.english else []
    return marks + [FLAG_MARKS[flag][1] for flag in section.flags or ()]


def total_of(count: int, courses: int) -> str:
    """A set's true size: "49 sections in 20 courses", or "16 sections" for one course's sections."""
    return f"{count} sections in {courses} courses" if courses > 1 else sections(count)


def position_range(first: int, last: int) -> str:
    """Which sections of a set (1-based) the bullets are: "13-24", "#49"."""
    return f"#{first}" if first == last else f"{first}-{last}"


# --- what only some catalogs hold ------------------------------------------------------------------
def labels(names: list[str]) -> str:
    """Sections that share a value: "sections 01, 02" (else the labels as they are: "CSE2010 section 01")."""
    if len(names) > 1 and all(name.startswith("section ") for name in names):
        return "sections " + ", ".join(name.removeprefix("section ") for name in names)
    return ", ".join(names)


# --- eligibility ---------------------------------------------------------------------------------------
def quoted_rule(text: str) -> str:
    """A rule of the catalog quoted as written: "\"컴퓨터공학과(불가능)\""."""
    return f'"{text}"'


def with_object(word: str) -> str:
    return word


def department_forms(name: str) -> dict[str, str]:
    """The department under every name the Korean sentences give it (English needs no particles)."""
    return dict.fromkeys(("department", "department_topic", "department_subject", "department_object"), name)
