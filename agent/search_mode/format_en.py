"""How English answers write course facts: citations, schedules, conditions, recommended years.

Course names stay as the catalog writes them (the English name first when the catalog has one). A
citation reads "Name [과목명] (code CODE, section NN)": `conversation.cited_courses` reads it back for
follow-ups, as it reads the Korean one.
"""

from __future__ import annotations

from agent.catalog.models import CourseSection, hhmm, parse_recommended_year
from agent.index.base import SearchFilters
from agent.search_mode.conditions import ConditionWords, condition_parts, scope_parts
from agent.search_mode.sections import meetings, short_category

DAY_EN = {"월": "Mon", "화": "Tue", "수": "Wed", "목": "Thu", "금": "Fri", "토": "Sat", "일": "Sun"}


def course_name(section: CourseSection) -> str:
    """"Data Structures [자료구조]", or the catalog's name alone when it has no English one."""
    return f"{section.name_en} [{section.name}]" if section.name_en else section.name


def cite(section: CourseSection) -> str:
    part = f", section {section.section}" if section.section else ""
    return f"{course_name(section)} (code {section.code}{part})"


def section_label(section: CourseSection) -> str:
    return f"section {section.section}" if section.section else section.code


def days(letters: list[str] | tuple[str, ...]) -> str:
    return "/".join(DAY_EN.get(d, d) for d in letters)


def schedule(section: CourseSection) -> str:
    """"Tue/Thu 12:00-13:15 (K201), Fri 09:00-10:50", or "time TBA"."""
    groups = meetings(section)
    if not groups:
        return "time TBA"
    return ", ".join(
        f"{days(m.days)} {hhmm(m.start)}-{hhmm(m.end)}" + (f" ({m.room})" if m.room else "") for m in groups
    )


def professors(section: CourseSection) -> str:
    return "Prof. " + ", ".join(section.professors) if section.professors else "instructor TBA"


def credits(value: float) -> str:
    return f"{value:g} credit" + ("" if value == 1 else "s")


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


def bullet(section: CourseSection) -> str:
    details = [professors(section)]
    if section.credits is not None:
        details.append(credits(section.credits))
    details.append(schedule(section))
    extra = " ".join(x for x in (section.department, short_category(section.category)) if x)
    if extra:
        details.append(extra)
    recommended = year(section.year)
    if recommended:
        details.append(f"recommended for {recommended}")
    if section.english:
        details.append("English-taught")
    return f"• {cite(section)} — " + " · ".join(details)


CONDITION_WORDS = ConditionWords(
    days=lambda letters: "on " + days(letters),
    exclude_days=lambda letters: "not on " + days(letters),
    start_after=lambda t: f"starting at {hhmm(t)} or later",
    start_before=lambda t: f"starting before {hhmm(t + 1)}",
    end_before=lambda t: f"ending by {hhmm(t)}",
    english="English-taught",
    departments=lambda shown, more: "/".join(shown) + (f" and {more} more" if more > 0 else ""),
    professor=lambda name: f"Prof. {name}",
    credits=credits,
    year=lambda year: f"year {year}",
)


def condition_text(filters: SearchFilters) -> str:
    """The schedule / English constraints in words: "on Tue/Thu, starting before 12:00, English-taught"."""
    return ", ".join(condition_parts(filters, CONDITION_WORDS))


def scope_text(filters: SearchFilters) -> str:
    """Everything a list was filtered by: "경영학과/경영학부/전문경영학과 and 1 more, 전공필수, Prof. 한도윤,
    3 credits, year 2, on Tue/Thu, starting before 12:00"."""
    return ", ".join(scope_parts(filters, CONDITION_WORDS))
