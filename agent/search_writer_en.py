"""Search mode's English answers: the same facts as the Korean writer, for questions asked in English.

Course names stay as the catalog writes them (the English name first when the catalog has one).
Citations read "Name [과목명] (code CODE, section NN)" so follow-ups find them like the Korean ones.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agent.catalog.models import CourseSection, parse_recommended_year
from agent.search_format import category_text, schedule_text
from agent.search_sections import DAY_EN, condition_text, course_overview, named_in, scope_text

if TYPE_CHECKING:
    from agent.search_intent import Plan
    from agent.search_writer import ToolOutcome, Written

NO_MATCH = "I couldn't find a course matching that exactly."
MAX_LISTED = 6
MAX_SECTIONS = 12


def cite(section: CourseSection) -> str:
    name = f"{section.name_en} [{section.name}]" if section.name_en else section.name
    part = f", section {section.section}" if section.section else ""
    return f"{name} (code {section.code}{part})"


def schedule(section: CourseSection) -> str:
    text = schedule_text(section)
    if text == "시간 미정":
        return "time TBA"
    return re.sub(
        r"(^|, )([월화수목금토일](?:·[월화수목금토일])*) ",
        lambda m: m.group(1) + "/".join(DAY_EN[d] for d in m.group(2).split("·")) + " ",
        text,
    )


def professors(section: CourseSection) -> str:
    return "Prof. " + ", ".join(section.professors) if section.professors else "instructor TBA"


def year(section: CourseSection) -> str | None:
    """The recommended year in English: "2학년" -> "year 2", "2-4학년" -> "years 2-4", "전체학년" -> "all years"."""
    raw = (section.year or "").strip()
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
        details.append(f"{section.credits:g} credits")
    details.append(schedule(section))
    extra = " ".join(x for x in (section.department, category_text(section.category)) if x)
    if extra:
        details.append(extra)
    recommended = year(section)
    if recommended:
        details.append(f"recommended for {recommended}")
    if section.english:
        details.append("English-taught")
    return f"• {cite(section)} — " + " · ".join(details)


def focus_sentence(section: CourseSection, focus: list[str]) -> str | None:
    if "professor" in focus:
        return f"{cite(section)} is taught by {professors(section)}."
    if "credits" in focus and section.credits is not None:
        return f"{cite(section)} is worth {section.credits:g} credits."
    if "room" in focus:
        rooms = list(dict.fromkeys(s.room for s in section.slots if s.room))
        where = ", ".join(rooms) if rooms else "a room not listed yet"
        return f"{cite(section)} meets in {where} ({schedule(section)})."
    if "time" in focus:
        return f"{cite(section)} meets {schedule(section)}."
    if "year" in focus:
        recommended = year(section)
        if recommended:
            return f"{cite(section)} is recommended for {recommended}."
        return f"The catalog gives no recommended year for {cite(section)}."
    return None


def _same(a: CourseSection, b: CourseSection) -> bool:
    return a.name.replace(" ", "") == b.name.replace(" ", "") and a.term == b.term


def _listing(sections: list[CourseSection], limit: int) -> tuple[list[str], list[CourseSection]]:
    shown = sections[:limit]
    lines = [bullet(s) for s in shown]
    if len(sections) > limit:
        lines.append(f"…and {len(sections) - limit} more.")
    return lines, shown


def _listing_courses(sections: list[CourseSection], limit: int) -> tuple[list[str], list[CourseSection]]:
    """A list of courses (`course_overview`), as the Korean writer shows it."""
    shown, extra, left_out = course_overview(sections, limit)
    lines = [bullet(s) for s in shown]
    if extra:
        lines.append("Also: " + ", ".join(cite(s).split(" (code")[0] for s in extra) + ".")
        shown = shown + extra
    elif left_out:
        lines.append(f"…and {left_out} more section(s) of these courses.")
    return lines, shown


def write_answer_en(plan: Plan, outcomes: list[ToolOutcome]) -> Written:
    from agent.search_writer import Written

    good = [o for o in outcomes if not o.error]
    if not good:
        detail = " ".join(dict.fromkeys(o.content.split("오류:", 1)[-1].strip() for o in outcomes))
        return Written(f"I couldn't find that course. ({detail})")
    timetable = next((o for o in good if o.name == "check_timetable"), None)
    if timetable is not None:
        payload, sections = timetable.payload, timetable.sections
        lines = ["These overlap:" if payload.get("conflicts") else "No overlaps — you can take them together."]
        for c in payload.get("conflicts", [])[:6]:
            lines.append(f"• {DAY_EN.get(c['day'], c['day'])}: {c['a']} {c['a_time']} ↔ {c['b']} {c['b_time']}")
        lines += [bullet(s) for s in sections]
        if payload.get("total_credits") is not None:
            lines.append(f"Total: {payload['total_credits']} credits.")
        return Written("\n".join(lines), sections)
    lookups = [o for o in good if o.name == "get_course" and o.sections]
    if lookups:
        parts: list[str] = []
        cited: list[CourseSection] = []
        for outcome in lookups:
            sections = outcome.sections
            sentence = focus_sentence(sections[0], plan.focus) if len(sections) == 1 else None
            if sentence:
                parts.append(sentence)
            else:
                parts.append(f"{cite(sections[0]).split(' (code')[0]} — {len(sections)} section(s):")
            lines, shown = _listing(sections, MAX_SECTIONS)
            parts += lines
            cited += shown
        return Written("\n".join(parts), cited)
    search = next((o for o in good if o.name == "search_courses"), None)
    sections = search.sections if search else []
    if not sections:
        return Written(f"{NO_MATCH} Try the full course name or fewer conditions.")
    artifact = search.artifact if isinstance(search.artifact, dict) else {}
    if artifact.get("relaxed") or not artifact.get("exact", True):
        dropped = ", ".join(artifact.get("relaxed", []))
        lead = f"{NO_MATCH} Without the {dropped} condition, these are close:" if dropped else f"{NO_MATCH} These look related:"
        lines, shown = _listing(sections, 3)
        return Written("\n".join([lead, *lines[:3]]), shown)
    same = [s for s in sections if _same(s, sections[0])]
    # Every section of one course only when the question named it: a department or schedule list whose
    # first course happens to have several sections is still a list of courses.
    named = named_in(plan.question, sections[0], artifact.get("course_names"))
    if len(same) > 1 and (named or len(same) == len(sections)):
        lines, shown = _listing(same, MAX_SECTIONS)
        name = cite(same[0]).split(" (code")[0]
        applied = condition_text(artifact.get("filters"), "en")
        lead = (f"{len(same)} sections of {name} match ({applied}):" if applied
                else f"{name} has {len(same)} sections:")
        professors_of = list(dict.fromkeys(p for s in same for p in s.professors))
        if "professor" in plan.focus and professors_of and not applied:
            # "Who teaches Data Structures?" over several sections: the answer first, then the sections.
            lead = (f"{name} is taught by Prof. {professors_of[0]} ({len(same)} sections):"
                    if len(professors_of) == 1
                    else f"{name} has {len(same)} sections, taught by Profs. {', '.join(professors_of)}:")
        years = list(dict.fromkeys(year(s) for s in same))
        if "year" in plan.focus and len(years) == 1:
            lead = (f"{name} is recommended for {years[0]} ({len(same)} sections):" if years[0]
                    else f"The catalog gives no recommended year for {name} ({len(same)} sections):")
        return Written("\n".join([lead, *lines]), shown)
    sentence = focus_sentence(sections[0], plan.focus)
    lines, shown = _listing_courses(sections, MAX_LISTED)
    scope = scope_text(artifact.get("filters"), "en")
    count = f"{len(sections)} sections match" if len(sections) > 1 else "1 section matches"
    listed = f"{count} ({scope}):" if scope else "Here are the matching courses:"
    lead = sentence + "\n\nRelated courses:" if sentence else listed
    return Written("\n".join([lead, *lines]), shown)
