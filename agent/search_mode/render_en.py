"""English wording of an `AnswerPlan` (no decisions: `compose` made them). One function per lead and note,
the same leads and notes as `render_ko`, so both languages state the same facts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agent.catalog.models import CourseSection
from agent.search_mode import answer_plan as ap
from agent.search_mode.format_en import (
    DAY_EN,
    bullet,
    cite,
    condition_text,
    course_name,
    credits,
    professors,
    schedule,
    scope_text,
    section_label,
    year,
)
from agent.search_mode.sections import rooms

NO_MATCH = "I couldn't find a course matching that exactly."
ASK = "What would you like to know? Tell me a course name or what you are looking for."
REFUSAL = "Sorry, I can't help with that request. Please ask me about courses."
OFFTOPIC = (
    "Sorry, I can only help with course information (courses, sections, professors, times, rooms, credits). "
    "Try asking, for example, \"Which data structures sections are on Tuesday morning?\""
)
GREETING = (
    "Hi! I'm the course-catalog assistant. Ask me about courses by name, professor, day/time or department, "
    "or whether several courses fit together."
)


def render(answer: ap.AnswerPlan) -> str:
    text = "\n".join(line for block in answer.blocks for line in _block(block))
    if answer.failures:
        text = " ".join(answer.failures) + "\n\n" + text
    return text


def _block(block: ap.Block) -> list[str]:
    lines = [_LEADS[type(block.lead)](block.lead)]
    if block.related:
        lines += ["", "Related courses:"]
    lines += [bullet(s) for s in block.bullets]
    return lines + [_NOTES[type(note)](note) for note in block.notes]


def _sections(count: int) -> str:
    return "1 section" if count == 1 else f"{count} sections"


# --- replies and no-match leads ----------------------------------------------------------------------
def _tool_failed(lead: ap.ToolFailed) -> str:
    return "I couldn't find that course." + (f" ({' '.join(lead.details)})" if lead.details else "")


def _no_match(lead: ap.NoMatch) -> str:
    if lead.cause == "unlinked_name":
        missing = f"'{lead.name}' is not in this term's catalog."
        related = " Here are other courses with similar names or related topics:"
        return missing + (related if lead.alternatives else "")
    if lead.relaxed:
        return f"{NO_MATCH} Without the {', '.join(lead.relaxed)} condition, these are close:"
    if lead.alternatives:
        return f"{NO_MATCH} These look related:"
    return f"{NO_MATCH} Try the full course name or fewer conditions."


# --- attributes --------------------------------------------------------------------------------------
def _room_sentence(section: CourseSection) -> str:
    where = ", ".join(rooms(section)) or "a room not listed yet"
    return f"{cite(section)} meets in {where} ({schedule(section)})."


_ATTRIBUTE_SENTENCES: dict[str, Callable[[CourseSection], str]] = {
    "professor": lambda s: f"{cite(s)} is taught by {professors(s)}." if s.professors
    else f"No instructor is listed yet for {cite(s)}.",
    "credits": lambda s: f"{cite(s)} is worth {credits(s.credits)}." if s.credits is not None
    else f"The catalog lists no credits for {cite(s)}.",
    "year": lambda s: f"{cite(s)} is recommended for {year(s.year)}." if year(s.year)
    else f"The catalog gives no recommended year for {cite(s)}.",
    "room": _room_sentence,
    "time": lambda s: f"{cite(s)} meets {schedule(s)}." if s.slots
    else f"{cite(s)} has no class time set yet.",
}


def _course_professors(lead: ap.CourseProfessors) -> str:
    name = course_name(lead.course)
    if len(lead.professors) > 1:
        return f"{name} has {_sections(lead.count)}, taught by Profs. {', '.join(lead.professors)}:"
    return f"{name} is taught by Prof. {lead.professors[0]} ({_sections(lead.count)}):"


def _course_years(lead: ap.CourseYears) -> str:
    which = ", ".join(f"{section_label(s)} {year(s.year) or 'not given'}" for s in lead.sections)
    return f"The recommended year of {course_name(lead.course)} differs by section: {which}."


def _course_english(lead: ap.CourseEnglish) -> str:
    name = course_name(lead.course)
    if not lead.english:
        return f"{name} has no English-taught section. Its sections:"
    which = ", ".join(f"{section_label(s)} ({professors(s)})" for s in lead.english)
    return f"{name} has English-taught sections: {which}."


# --- one course's sections, lists, timetable ---------------------------------------------------------
def _course_sections(lead: ap.CourseSections) -> str:
    name = course_name(lead.course)
    if lead.conditions is None:
        return f"{name} has {_sections(lead.count)}:"
    verb = "matches" if lead.count == 1 else "match"
    return f"{_sections(lead.count)} of {name} {verb} ({condition_text(lead.conditions)}):"


def _professor_courses(lead: ap.ProfessorCourses) -> str:
    if len(lead.courses) == 1:
        return (f"Prof. {lead.professor} teaches only {course_name(lead.courses[0])} this term "
                f"({_sections(lead.count)}):")
    names = ", ".join(course_name(s) for s in lead.courses)
    return f"Prof. {lead.professor} teaches {len(lead.courses)} courses this term ({names}):"


def _course_list(lead: ap.CourseList) -> str:
    found = _sections(lead.sections)
    if lead.courses != lead.sections:
        found += f" in {lead.courses} courses"
    verb = "matches" if lead.sections == 1 else "match"
    return f"{found} {verb} ({scope_text(lead.scope)}):" if lead.scope else f"{found} {verb} your question:"


def _timetable(lead: ap.TimetableCheck) -> str:
    if not lead.conflicts:
        fits = "No overlaps — you can take them together."
        picked = "\n(For courses with several sections, I picked sections that don't overlap.)"
        return fits + (picked if lead.several_sections else "")
    lines = ["These overlap:"]
    lines += [f"• {DAY_EN.get(c.day, c.day)}: {c.a} {c.a_time} ↔ {c.b} {c.b_time}" for c in lead.conflicts]
    if lead.several_sections:
        lines.append("No combination of their sections avoids the overlap.")
    return "\n".join(lines)


def _total_credits(note: ap.TotalCredits) -> str:
    missing = "\nCourses without credits listed are left out of the total." if note.some_missing else ""
    return f"Total: {credits(note.total)}.{missing}"


_LEADS: dict[type, Callable[[Any], str]] = {
    ap.AskForQuestion: lambda lead: ASK,
    ap.Greeting: lambda lead: GREETING,
    ap.Declined: lambda lead: REFUSAL if lead.reason == "injection" else OFFTOPIC,
    ap.ToolFailed: _tool_failed,
    ap.NoMatch: _no_match,
    ap.SectionAttribute: lambda lead: _ATTRIBUTE_SENTENCES[lead.attribute](lead.section),
    ap.CourseProfessors: _course_professors,
    ap.CourseCredits: lambda lead: (
        f"{course_name(lead.course)} is worth {credits(lead.credits)} ({_sections(lead.count)}):"
    ),
    ap.CourseYear: lambda lead: (
        f"{course_name(lead.course)} is recommended for {year(lead.year)} ({_sections(lead.count)}):"
    ),
    ap.CourseYears: _course_years,
    ap.CourseEnglish: _course_english,
    ap.CourseOverview: lambda lead: (
        f"{course_name(lead.course)} has several sections; each one's professor, time and room:"
    ),
    ap.CourseSections: _course_sections,
    ap.OnlySection: lambda lead: f"{cite(lead.section)} is the only section this term.",
    ap.NoSectionMatches: lambda lead: (
        f"No section of {course_name(lead.course)} matches ({condition_text(lead.conditions)}). "
        "All its sections:"
    ),
    ap.CourseInfo: lambda lead: f"About {course_name(lead.course)}:",
    ap.PerSection: lambda lead: f"{course_name(lead.course)}, section by section:",
    ap.ScheduleForTimetable: lambda lead: (
        f"{cite(lead.section)} meets {schedule(lead.section)}. "
        "Tell me the other courses, and I'll check whether they overlap."
    ),
    ap.ProfessorCourses: _professor_courses,
    ap.CourseList: _course_list,
    ap.TimetableCheck: _timetable,
}
_NOTES: dict[type, Callable[[Any], str]] = {
    ap.MoreSections: lambda note: f"…and {note.count} more.",
    ap.MoreSectionsOfCourses: lambda note: f"…and {note.count} more section(s) of these courses.",
    ap.AlsoCourses: lambda note: "Also: " + ", ".join(course_name(s) for s in note.sections) + ".",
    ap.TotalCredits: _total_credits,
}
