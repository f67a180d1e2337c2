"""The words of what an answer says about terms and class periods (both languages, through `Voice`):
the sentence before an answer on another term than the current one, and the term-by-term lead."""

from __future__ import annotations

from types import ModuleType
from typing import Any, Protocol

from agent.catalog.models import CourseSection, hhmm
from agent.search_mode import answer_plan as ap


class Voice(Protocol):
    """What `render.Voice` offers (a protocol, so this module needs no import of `render`)."""

    @property
    def fmt(self) -> ModuleType: ...

    def say(self, key: str, **values: Any) -> str: ...

    def course(self, section: CourseSection) -> dict[str, str]: ...

    def count(self, sections: int) -> dict[str, Any]: ...


def preamble(answer: ap.AnswerPlan, voice: Voice) -> list[str]:
    """The sentences said before the answer: its term, then how class periods were read."""
    lines: list[str] = []
    if answer.term is not None:
        lines.append(_term_sentence(answer.term, voice))
    if answer.periods:
        items = ", ".join(voice.say("period.item", period=n, start=hhmm(s)) for n, s in answer.periods)
        lines.append(voice.say("period.assumed", items=items))
    return lines


def _name(label: str, voice: Voice) -> str:
    """A term ("2024-1학기" / "the 2024-1 term"), a year ("2022"), or a range of terms ("2021-1~2022-2")."""
    if "~" in label:
        first, _, last = label.partition("~")
        return voice.say("term.range", first=first, last=last)
    return voice.say("term.name", term=label) if "-" in label else voice.say("term.year", year=label)


def _span(terms: tuple[str, ...], voice: Voice) -> str:
    """One term by name; several as "from the first to the last, N terms"."""
    if len(terms) == 1:
        return _name(terms[0], voice)
    return voice.say("term.span", first=terms[0], last=terms[-1], count=len(terms))


def _term_sentence(statement: ap.TermStatement, voice: Voice) -> str:
    used = _span(statement.used, voice)
    if statement.asked is not None:
        key = "term.missing" + (".later" if statement.later else "") + (".alone" if statement.alone else "")
        held = _span(statement.held, voice) if statement.held else "–"
        if statement.held and statement.used == statement.held[-1:]:
            used = voice.say("term.newest", used=used)
        return voice.say(key, asked=_name(statement.asked, voice), held=held, used=used)
    if statement.only:
        return voice.say("term.only", used=used)
    return voice.say("term.several" if len(statement.used) > 1 else "term.other", used=used)


def _out_of(key: str, lead: ap.AcrossTerms, voice: Voice, **course: str) -> str:
    """"N terms of the catalog's M" or, when the question named the terms, "N of the ones it named"."""
    if lead.searched:  # its span states how many: `held` counts the searched terms
        return voice.say(f"{key}.within", **course, span=_span(lead.searched, voice), count=len(lead.groups))
    return voice.say(key, **course, held=lead.held, count=len(lead.groups))


def across_terms(lead: ap.AcrossTerms, voice: Voice) -> str:
    """The count of terms the set spans, then one line per term."""
    if lead.course is not None:
        course = voice.course(lead.course)
        lines = [_out_of("terms.course", lead, voice, **course)]
        if lead.not_now:
            lines[0] = voice.say("terms.not_now", **course, now=lead.not_now) + " " + lines[0]
        when = dict(lead.schedules)
        return "\n".join(lines + [_course_line(group, voice, when.get(group.term, ())) for group in lead.groups])
    lines = [_out_of("terms.courses", lead, voice)]
    for group in lead.groups:
        hidden = group.course_count - len(group.courses)
        more = voice.say("terms.more", count=hidden) if hidden > 0 else ""
        names = ", ".join(_taught(course, voice) for course in group.by_course) if lead.teachers else ""
        lines.append(voice.say(
            "terms.group.courses", term=group.term, names=names or ", ".join(group.courses), more=more,
            courses=group.course_count, course_count=voice.fmt.courses(group.course_count),
            **voice.count(group.sections),
        ))
    return "\n".join(lines)


def _course_line(group: ap.TermGroup, voice: Voice, sections: tuple[CourseSection, ...] = ()) -> str:
    """"• 2024-2: 김영재 교수 (분반 2개)": one term of one course; with its sections' times and rooms when the
    question asked ("… — 화·목 15:00-16:15 (GN202)")."""
    teacher = voice.fmt.teachers(group.professors)
    line = voice.say("terms.group.course", term=group.term, teacher=teacher, **voice.count(group.sections))
    if not sections:
        return line
    # A course listed under two codes meets once: the same schedule is said once.
    return voice.say("terms.group.when", line=line, when="; ".join(dict.fromkeys(voice.fmt.schedule(s) for s in sections)))


def _taught(course: ap.CourseTerm, voice: Voice) -> str:
    """"자료구조 (한도윤, 남궁현 교수)": a course of one term with its professors."""
    return voice.say("terms.taught", name=course.name, teacher=voice.fmt.teachers(course.professors))


def not_offered(lead: ap.NotOffered, voice: Voice) -> str:
    """"운영체제는 이 학기(2025-1)에는 개설되지 않았어요. 가장 최근에는 2024-2학기에 열렸어요 (김영재 교수).", then every
    term that had it when the question asked when or by whom."""
    newest = lead.groups[-1]
    key = "absent.now" if lead.asked == lead.now else (
        "absent.other.current" if newest.term == lead.now else "absent.other")
    teacher = voice.fmt.teachers(newest.professors)
    lines = [voice.say(key, **voice.course(lead.course), asked=lead.asked, last=newest.term, teacher=teacher)]
    if lead.listed:
        lines.append(voice.say("absent.terms", held=lead.held, count=len(lead.groups)))
        lines += [_course_line(group, voice) for group in lead.groups]
    return "\n".join(lines)


def renamed(note: ap.Renamed, voice: Voice) -> str:
    """"과목번호 CSE3013의 과목명이 바뀌었어요: 2023-2학기까지 '컴퓨터공학설계및실험I' → 2024-1학기부터 '…'."."""
    *earlier, (name, first, _last) = note.names
    until = ", ".join(voice.say("renamed.until", name=n, last=last) for n, _first, last in earlier)
    since = voice.say("renamed.since", name=name, first=first)
    return voice.say("renamed", code=note.code, earlier=until, since=since)
