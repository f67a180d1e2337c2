"""Search mode, step 3: the words of an `AnswerPlan`, in the question's language.

One function per lead and note kind, written once for both languages: it picks a message of `messages`
and fills it with the facts of the plan, worded by the language's format module (`format_ko`,
`format_en`). No decision is made here: `compose` made them all, so both languages say the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from agent.catalog.models import CourseSection
from agent.search_mode import answer_plan as ap
from agent.search_mode import format_en, format_ko
from agent.search_mode.conditions import condition_text, scope_text
from agent.search_mode.intent import Language
from agent.search_mode.messages import messages
from agent.search_mode.render_eligibility import eligibility
from agent.search_mode.render_terms import across_terms, not_offered, preamble, renamed
from agent.search_mode.render_timetable import timetable_impossible, timetable_option, timetable_plans
from agent.search_mode.sections import (
    delivery_remarks,
    grading_remarks,
    prerequisite_remarks,
    restriction_lines,
    rooms,
    short_category,
)

_FORMATS: dict[Language, ModuleType] = {"ko": format_ko, "en": format_en}


@dataclass(frozen=True)
class Voice:
    """One answer language: its messages and its format module."""

    lang: Language

    @property
    def fmt(self) -> ModuleType:
        return _FORMATS[self.lang]

    def say(self, key: str, **values: Any) -> str:
        return messages()[key][0 if self.lang == "ko" else 1].format(**values)

    def course(self, section: CourseSection) -> dict[str, str]:
        """The placeholders naming a course: {name}, {topic} (Korean: with 은/는), {cite}, {cite_topic}."""
        fmt = self.fmt
        return {
            "name": fmt.course_name(section), "topic": fmt.topic(section),
            "cite": fmt.cite(section), "cite_topic": fmt.cite_topic(section),
        }

    def count(self, sections: int) -> dict[str, Any]:
        """The placeholders counting sections: {count} (a number), {sections} ("3 sections")."""
        return {"count": sections, "sections": self.fmt.sections(sections)}


def render(answer: ap.AnswerPlan, lang: Language) -> str:
    """The answer's text: what failed tools said about part of the question, the term it is for, then each
    block."""
    voice = Voice(lang)
    lines = [*preamble(answer, voice), *(line for block in answer.blocks for line in _block(block, voice))]
    text = "\n".join(lines)
    if answer.reading is not None:
        text = _reading(answer.reading, voice) + "\n" + text
    if answer.failures:
        text = " ".join(answer.failures) + "\n\n" + text
    return text


def bullet(section: CourseSection, lang: Language) -> str:
    """"• 자료구조 (과목번호 CSE2010, 01분반) — 한도윤 교수 · 3학점 · 수·금 09:00-10:15 (공학관 301) · 컴퓨터공학과 …"."""
    fmt = _FORMATS[lang]
    details = [fmt.teacher(section)]
    if section.credits is not None:
        details.append(fmt.credits(section.credits))
    details.append(fmt.schedule(section))
    extra = " ".join(x for x in (section.department, short_category(section.category)) if x)
    details += ([extra] if extra else []) + fmt.bullet_marks(section)
    return f"• {fmt.cite(section)} — " + " · ".join(details)


def _block(block: ap.Block, voice: Voice) -> list[str]:
    lines = [_LEADS[type(block.lead)](block.lead, voice)]
    if block.related:
        lines += ["", voice.say("related")]
    lines += [bullet(s, voice.lang) for s in block.bullets]
    return lines + [_NOTES[type(note)](note, voice) for note in block.notes]


def _reading(reading: ap.Reading, voice: Voice) -> str:
    """How an ambiguous follow-up was read, said before the answer."""
    listed = reading.kind == "within" and reading.subject is None
    key = f"reading.{reading.kind}" + (".list" if listed else "")
    conditions = condition_text(reading.conditions, voice.lang) if reading.conditions is not None else ""
    return voice.say(key, subject=reading.subject or "", conditions=conditions)


# --- replies and no-match leads ----------------------------------------------------------------------
def _tool_failed(lead: ap.ToolFailed, voice: Voice) -> str:
    if lead.details:
        return voice.say("tool_failed.details", details=" ".join(lead.details))
    return voice.say("tool_failed", no_match=voice.say("no_match"))


def _no_match(lead: ap.NoMatch, voice: Voice) -> str:
    if lead.cause == "unlinked_name":
        key = "no_match.unlinked.alternatives" if lead.alternatives else "no_match.unlinked"
    elif lead.relaxed:
        key = "no_match.relaxed"
    else:
        key = "no_match.alternatives" if lead.alternatives else "no_match.nothing"
    relaxed = voice.fmt.relaxed_text(lead.relaxed)
    return voice.say(key, no_match=voice.say("no_match"), name=lead.name, relaxed=relaxed)


# --- one section -------------------------------------------------------------------------------------
# Whether the catalog has the value a sentence about one section states.
_HAS_VALUE: dict[str, Callable[[CourseSection], bool]] = {
    "professor": lambda s: bool(s.professors), "credits": lambda s: s.credits is not None,
    "year": lambda s: bool((s.year or "").strip()), "room": lambda s: bool(rooms(s)),
    "time": lambda s: bool(s.slots),
}


def _section_fact(lead: ap.SectionFact, voice: Voice) -> str:
    section, fmt = lead.section, voice.fmt
    has_value = _HAS_VALUE.get(lead.about, lambda s: True)(section)
    key = f"section.{lead.about}" + ("" if has_value else ".missing")
    credits = fmt.credits(section.credits) if section.credits is not None else ""
    return voice.say(
        key, **voice.course(section), professors=", ".join(section.professors), teacher=fmt.teacher(section),
        credits=credits, year=fmt.year(section.year), rooms=", ".join(rooms(section)),
        schedule=fmt.schedule(section),
    )


# --- one course --------------------------------------------------------------------------------------
def _course_value(lead: ap.CourseValue, voice: Voice) -> str:
    value, fmt = (lead.values or ("",))[0], voice.fmt
    many = lead.about in ("professors", "rooms") and len(lead.values) > 1
    key = f"course.{lead.about}" + (".many" if many else "")
    return voice.say(
        key, **voice.course(lead.course), **voice.count(lead.count), professors=", ".join(lead.values),
        rooms=", ".join(lead.values),
        credits=fmt.credits(float(value)) if lead.about == "credits" else "",
        year=fmt.year(value) if lead.about == "year" else "", schedule=fmt.schedule(lead.course),
    )


def _course_by_section(lead: ap.CourseBySection, voice: Voice) -> str:
    fmt = voice.fmt
    items = {  # how each listed section reads
        "years": lambda s: voice.say(
            "course.years.item", label=fmt.section_label(s),
            year=fmt.year(s.year) or voice.say("course.year.none"),
        ),
        "english": lambda s: voice.say(
            "course.english.item", label=fmt.section_label(s), teacher=fmt.teacher(s)
        ),
    }
    which = ", ".join(items[lead.about](s) for s in lead.sections) if lead.about in items else ""
    key = "course.no_english" if lead.about == "english" and not lead.sections else f"course.{lead.about}"
    return voice.say(key, **voice.course(lead.course), which=which)


def _course_sections(lead: ap.CourseSections, voice: Voice) -> str:
    key = "course.sections"
    if lead.conditions is not None:
        key += ".matching" + {0: ".none", 1: ".one"}.get(lead.count, "")
    conditions = condition_text(lead.conditions, voice.lang) if lead.conditions is not None else ""
    return voice.say(key, **voice.course(lead.course), **voice.count(lead.count), conditions=conditions)


_DELIVERY = {"대면": "in_person", "혼합": "mixed", "녹화": "recorded", "원격": "online"}  # message keys


def _catalog_value(section: CourseSection, topic: str, voice: Voice) -> str | None:
    """What the catalog says of `topic` for one section ("여석 12석, 정원 40명"), or None when it says nothing.
    Remarks, 수강대상 and exam dates are quoted as the catalog writes them."""
    say = voice.say
    if topic == "seats":
        return _seat_figures(section, voice)
    if topic == "exam":
        exam = section.exam_time()
        return exam.label() if exam else (section.exam or "").strip() or None
    if topic == "prerequisite":
        remarks = prerequisite_remarks(section)
        return " / ".join(say("catalog.quote", text=remark) for remark in remarks) or None
    if topic == "restrictions":
        return "; ".join(_restriction_parts(section, voice)) or None
    if topic == "grading":
        return " / ".join(say("catalog.quote", text=remark) for remark in grading_remarks(section)) or None
    if section.delivery not in _DELIVERY:
        return None
    mode = say(f"catalog.delivery.{_DELIVERY[section.delivery]}")
    words = " / ".join(say("catalog.quote", text=remark) for remark in delivery_remarks(section))
    return f"{mode} ({words})" if words else mode


def _seat_figures(section: CourseSection, voice: Voice) -> str | None:
    """"여석 12석, 정원 40명, 수강인원 28명": the figures the catalog states. A head count of 0 beside seats is left
    out (Soongsil's export predates registration: its 수강인원 is 0 where 여석 is the section's size)."""
    seats = section.seats_left is not None or section.capacity is not None
    enrolled = section.enrolled if section.enrolled or not seats else None
    values = {"left": section.seats_left, "capacity": section.capacity, "enrolled": enrolled}
    parts = [voice.say(f"catalog.seats.{key}", n=n) for key, n in values.items() if n is not None]
    return ", ".join(parts) or None


def _restriction_parts(section: CourseSection, voice: Voice) -> list[str]:
    rules = restriction_lines(section)
    if not (section.restricted_to_target or rules):
        return []
    parts = [voice.say("catalog.restrictions.target", target=section.target)] if section.target else []
    stated = (section.target or "") + "".join(rules)  # a rule the catalog writes out is not said twice
    if section.restricted_to_target and not re.search(r"대상\s*외|수강\s*제한", stated):
        parts.append(voice.say("catalog.restrictions.only"))
    return parts + [voice.say("catalog.quote", text=rule) for rule in rules]


def _catalog_fact(lead: ap.CatalogFact, voice: Voice) -> str:
    """What the catalog says of an attribute only some catalogs hold, sections sharing a value together; or
    "수강편람에 그 정보는 없어요"."""
    if not lead.held:
        what = voice.say(f"catalog.what.{lead.about}")
        return voice.say("catalog.none", **voice.course(lead.course), what=what)
    fmt = voice.fmt
    several_codes = len({s.code for s in lead.sections}) > 1 and any(s.section for s in lead.sections)
    groups: dict[str, list[str]] = {}
    for section in lead.sections:
        value = _catalog_value(section, lead.about, voice) or voice.say("catalog.not_listed")
        label = fmt.section_label(section)  # "01분반"; with its code where a name spans codes
        groups.setdefault(value, []).append(f"{section.code} {label}" if several_codes else label)
    which = "; ".join(
        voice.say("catalog.item", labels=fmt.labels(names), value=value) for value, names in groups.items()
    )
    # A head count and no seats (Sogang) is said as one.
    seats = any(s.seats_left is not None or s.capacity is not None for s in lead.sections)
    key = "catalog.enrolled" if lead.about == "seats" and not seats else f"catalog.{lead.about}"
    return voice.say(key, **voice.course(lead.course), which=which)


# --- lists and the timetable -------------------------------------------------------------------------
def _professor_courses(lead: ap.ProfessorCourses, voice: Voice) -> str:
    names = [voice.fmt.course_name(s) for s in lead.courses]
    kind = {0: "professor.none", 1: "professor.one_course"}.get(len(names), "professor.courses")
    return voice.say(
        kind + (".term" if lead.term else ""), professor=lead.professor, course=names[0] if names else "",
        courses=len(names), names=", ".join(names),
        term=lead.term, **voice.count(lead.count),
    )


def _course_list(lead: ap.CourseList, voice: Voice) -> str:
    key = "list.scoped" if lead.scope else "list"
    if lead.courses != lead.sections:
        key += ".courses"
    elif lead.sections == 1:
        key += ".one"
    scope = scope_text(lead.scope, voice.lang) if lead.scope else ""
    courses = {"courses": lead.courses, "course_count": voice.fmt.courses(lead.courses)}
    return voice.say(key, scope=scope, **courses, **voice.count(lead.sections))


def _timetable_check(lead: ap.TimetableCheck, voice: Voice) -> str:
    if not lead.conflicts:
        picked = [voice.say("timetable.picked")] if lead.several_sections else []
        return "\n".join([voice.say("timetable.fits"), *picked])
    lines = [voice.say("timetable.overlaps")]
    for c in lead.conflicts:
        day = voice.fmt.day(c.day)
        lines.append(voice.say("timetable.conflict", day=day, a=c.a, a_time=c.a_time, b=c.b, b_time=c.b_time))
    if lead.several_sections:
        lines.append(voice.say("timetable.no_combination"))
    return "\n".join(lines)


def _totals(note: ap.Totals, voice: Voice) -> str:
    """Which part of the set the bullets are ("20과목 49개 분반 중 처음 12개예요.") and how to see the rest."""
    of = voice.fmt.total_of(note.sections, note.courses)
    if note.start == 0:
        line = voice.say("totals.first", of=of, shown=note.shown)
    else:
        where = voice.fmt.position_range(note.start + 1, note.start + note.shown)
        line = voice.say("totals.window", of=of, range=where)
    if note.next_offset is not None:
        rest = note.sections - note.next_offset
        line += " " + voice.say("totals.next", rest=rest, next=note.next_offset + 1)
    return line


def _total_credits(note: ap.TotalCredits, voice: Voice) -> str:
    missing = [voice.say("total.some_missing")] if note.some_missing else []
    return "\n".join([voice.say("total", credits=voice.fmt.credits(note.total))] + missing)


_LEADS: dict[type, Callable[[Any, Voice], str]] = {
    ap.Reply: lambda lead, voice: voice.say(f"reply.{lead.kind}"),
    ap.NotHeld: lambda lead, voice: voice.say("not_held", what=voice.say(f"not_held.{lead.about}")),
    ap.ToolFailed: _tool_failed,
    ap.NoMatch: _no_match,
    ap.SectionFact: _section_fact,
    ap.CourseValue: _course_value,
    ap.CourseBySection: _course_by_section,
    ap.CourseSections: _course_sections,
    ap.CatalogFact: _catalog_fact,
    ap.Eligibility: eligibility,
    ap.ProfessorCourses: _professor_courses,
    ap.CourseList: _course_list,
    ap.RelatedCourses: lambda lead, voice: voice.say(
        "list.related" + (".instead" if lead.instead else ".after" if lead.after_set else "")),
    ap.TimetableCheck: _timetable_check,
    ap.AcrossTerms: across_terms,
    ap.NotOffered: not_offered,
    ap.TimetablePlans: timetable_plans,
    ap.TimetableOption: timetable_option,
    ap.TimetableImpossible: timetable_impossible,
}
_NOTES: dict[type, Callable[[Any, Voice], str]] = {
    ap.Totals: _totals,
    ap.AlsoCourses: lambda note, voice: voice.say(
        "also", names=", ".join(voice.fmt.course_name(s) for s in note.sections)
    ),
    ap.TotalCredits: _total_credits,
    ap.Renamed: renamed,
}
