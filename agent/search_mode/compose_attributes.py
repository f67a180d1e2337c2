"""Search mode: the lead that answers the attribute a question asks about ("누가 가르쳐?" -> the professor,
"몇 학년?" -> the recommended year), for one section or for every section of one course."""

from __future__ import annotations

from collections.abc import Sequence

from agent.catalog.models import CourseSection
from agent.search_mode.answer_plan import Block, CourseBySection, CourseValue, Lead, Note, SectionFact, SectionTopic
from agent.search_mode.sections import (
    MAX_SECTIONS,
    grouped,
    recommended_year,
    rooms,
    same_name_text,
)

# Which attribute a sentence answers when the question asks several: the first in this order.
_ORDER: tuple[SectionTopic, ...] = ("professor", "credits", "year", "room", "time")


def section_attribute(section: CourseSection, focus: Sequence[str]) -> SectionFact | None:
    """The asked attribute of one section, or None when nothing specific was asked. "time" in a timetable
    question is the timetable's, not this one's."""
    for attribute in _ORDER:
        if attribute in focus and not (attribute == "time" and "timetable" in focus):
            return SectionFact(section, attribute)
    return None


def course_attribute(sections: list[CourseSection], focus: Sequence[str]) -> Lead | None:
    """The asked attribute over the best match's course. When that course has several sections in
    `sections`, the attribute is given for all of them (one value, or section by section); otherwise for
    the best match alone."""
    top = sections[0]
    same = [s for s in sections if same_name_text(s.name, top.name)]
    if len(same) > 1 and "english" in focus:
        return CourseBySection("english", top, tuple(s for s in same if s.english))
    if len(same) > 1 and any(f in focus for f in ("professor", "time", "room", "credits", "year")):
        lead = _shared_value(top, same, focus)
        if lead is not None:
            return lead
        if "time" in focus and "timetable" not in focus and any(s.slots for s in same):
            # Sections a catalog cross-lists under several codes often meet together: one time, said once.
            if _one_time(same):
                return CourseValue(top, len(same), "time", ())
            return CourseBySection("times", top)
        places = list(dict.fromkeys(r for s in same for r in rooms(s)))
        if "room" in focus and places:
            return CourseValue(top, len(same), "rooms", tuple(places))
        if any(f in focus for f in ("time", "room", "professor")):
            return CourseBySection("overview", top)
    return section_attribute(top, focus)


def attribute_block(lead: Lead, sections: list[CourseSection], notes: tuple[Note, ...] = ()) -> Block | None:
    """The bullets of professors, times or rooms asked of one course: the sections shown (a window of the
    course: see `window.py`), those with the same answer side by side. None for any other lead."""
    by = {"professors": "professors", "rooms": "rooms", "times": "times"}.get(getattr(lead, "about", ""))
    if not isinstance(lead, (CourseValue, CourseBySection)) or by is None:
        return None
    return Block(lead, tuple(grouped(sections, by)), notes=notes)


def _one_time(sections: list[CourseSection]) -> bool:
    """Do all the sections meet at the same days and times?"""
    return len({tuple((slot.day, slot.start, slot.end) for slot in s.slots) for s in sections}) == 1


def _shared_value(top: CourseSection, same: list[CourseSection], focus: Sequence[str]) -> Lead | None:
    if "year" in focus:
        years = list(dict.fromkeys(y for y in (recommended_year(s) for s in same) if y))
        if len(years) == 1:
            return CourseValue(top, len(same), "year", (years[0],))
        if years:
            return CourseBySection("years", top, tuple(same[:MAX_SECTIONS]))
    if "professor" in focus:
        names = tuple(dict.fromkeys(p for s in same for p in s.professors))
        if names:
            return CourseValue(top, len(same), "professors", names)
    if "credits" in focus:
        credits = list(dict.fromkeys(s.credits for s in same if s.credits is not None))
        if len(credits) == 1:
            return CourseValue(top, len(same), "credits", (f"{credits[0]:g}",))
    return None
