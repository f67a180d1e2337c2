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
        items = ", ".join(voice.say("period.item", period=n, start=hhmm(start)) for n, start in answer.periods)
        lines.append(voice.say("period.assumed", items=items))
    return lines


def _term_sentence(statement: ap.TermStatement, voice: Voice) -> str:
    fmt = voice.fmt
    used = fmt.terms_span(statement.used)
    if statement.asked is not None:
        key = "term.missing" + (".later" if statement.later else "")
        held = fmt.terms_span(statement.held) if statement.held else "–"
        return voice.say(key, asked=fmt.term(statement.asked), held=held, used=used)
    if statement.only:
        return voice.say("term.only", used=used)
    return voice.say("term.several" if len(statement.used) > 1 else "term.other", used=used)


def across_terms(lead: ap.AcrossTerms, voice: Voice) -> str:
    """The count of terms the set spans, then one line per term."""
    fmt = voice.fmt
    if lead.course is not None:
        lines = [voice.say("terms.course", **voice.course(lead.course), held=lead.held, count=len(lead.groups))]
        for group in lead.groups:
            teacher = fmt.teacher(lead.course.model_copy(update={"professors": list(group.professors)}))
            lines.append(voice.say("terms.group.course", term=group.term, teacher=teacher, **voice.count(group.sections)))
        return "\n".join(lines)
    lines = [voice.say("terms.courses", held=lead.held, count=len(lead.groups))]
    for group in lead.groups:
        more = fmt.more_courses(group.course_count - len(group.courses))
        lines.append(voice.say(
            "terms.group.courses", term=group.term, names=", ".join(group.courses), more=more,
            courses=group.course_count, **voice.count(group.sections),
        ))
    return "\n".join(lines)
