"""The words of a planned timetable (both languages, through `Voice`): the lead naming the courses and the
limits, each week's line (its credits and notes, `agent.timetable.note_text`), and why no week exists with
what to relax."""

from __future__ import annotations

from types import ModuleType
from typing import Any, Protocol

from agent.index.base import SearchFilters
from agent.search_mode import answer_plan as ap
from agent.search_mode.conditions import condition_text
from agent.search_mode.intent import Language
from agent.timetable import note_text


class Voice(Protocol):
    """What `render.Voice` offers (a protocol, so this module needs no import of `render`)."""

    lang: Language

    @property
    def fmt(self) -> ModuleType: ...

    def say(self, key: str, **values: Any) -> str: ...


def _names(courses: tuple[Any, ...], voice: Voice) -> str:
    return ", ".join(voice.fmt.course_name(s) for s in courses)


def _limit_parts(limits: ap.PlanLimits, voice: Voice, only: tuple[str, ...] | None = None) -> list[str]:
    """Each limit as the answer states it ("금요일 제외", "주 3일 이하", "한도윤 교수 우선"); `only`: those named."""
    wanted = (lambda name: only is None or name in only)
    parts: list[str] = []
    conditions = limits.conditions
    if conditions is not None:
        for name in ("exclude_days", "start_after", "start_before", "end_before"):
            value = getattr(conditions, name)
            if wanted(name) and value not in (None, []):
                parts.append(condition_text(SearchFilters.model_validate({name: value}), voice.lang))
        if only is None:
            parts += [voice.say("timetable.limit.professor", professor=p) for p in conditions.professors]
    if limits.max_days is not None and wanted("max_days"):
        parts.append(voice.say("timetable.limit.max_days", count=limits.max_days))
    if limits.max_credits is not None and wanted("max_credits"):
        parts.append(voice.say("timetable.limit.max_credits", credits=voice.fmt.credits(limits.max_credits)))
    if limits.min_credits is not None and wanted("min_credits"):
        parts.append(voice.say("timetable.limit.min_credits", credits=voice.fmt.credits(limits.min_credits)))
    if limits.max_gap is not None and wanted("max_gap"):
        parts.append(voice.say("timetable.limit.max_gap", minutes=limits.max_gap))
    if limits.english and only is None:
        parts.append(voice.say("timetable.limit.english"))
    return parts


def timetable_plans(lead: ap.TimetablePlans, voice: Voice) -> str:
    """"자료구조, 운영체제 과목으로 … 3가지 짜 봤어요." (of how many, or of how many tried), with the limits kept."""
    names = _names(lead.courses, voice)
    if not lead.count:
        return voice.say("timetable.plans.none_found", courses=names)
    if lead.truncated:  # `found` counts the weeks seen before the search stopped, not every week
        key = "timetable.plans.partial"
    elif not lead.exact:  # every week was weighed, not counted: the best of many
        key = "timetable.plans.best"
    else:
        key = "timetable.plans" + ("" if lead.found > lead.count else ".all")
        key += ".one" if lead.count == 1 else ""
    line = voice.say(key, courses=names, count=lead.count, found=lead.found)
    limits = _limit_parts(lead.limits, voice)
    line += " " + voice.say("timetable.plans.limits", limits=", ".join(limits)) if limits else ""
    return line + excluded_text(lead.excluded, voice)


def excluded_text(excluded: tuple[Any, ...], voice: Voice) -> str:
    """" 수강 대상이 아니어서 뺀 분반: 자료구조 6개(수강대상 제한: 2학년 컴퓨터 (대상외수강제한) 등)." or ""."""
    if not excluded:
        return ""
    parts = []
    for group in excluded:
        reasons = ", ".join(voice.say(f"timetable.excluded.{reason}") for reason in group.reasons)
        parts.append(voice.say("timetable.excluded.course", course=group.course, count=group.count,
                               reasons=reasons, rule=group.rule))
    return "\n" + voice.say("timetable.excluded", courses="; ".join(parts))


def timetable_option(lead: ap.TimetableOption, voice: Voice) -> str:
    """"1안 (9학점): 금요일 공강, 주 2일 수업, 화요일 09:00 시작, …"."""
    notes = ", ".join(note_text(note, voice.lang) for note in lead.notes)
    if lead.alternative:
        credits = voice.fmt.credits(lead.credits) if lead.credits is not None else "-"
        return voice.say("timetable.option.alternative", notes=notes, credits=credits)
    if lead.credits is None:
        return voice.say("timetable.option.no_credits", number=lead.number, notes=notes)
    credits = voice.fmt.credits(lead.credits)
    return voice.say("timetable.option", number=lead.number, notes=notes, credits=credits)


def timetable_impossible(lead: ap.TimetableImpossible, voice: Voice) -> str:
    """No week: that there is none, why (the courses at fault), and the one change that would make one."""
    why, limits = lead.why, ", ".join(_limit_parts(lead.limits, voice))
    lines = [voice.say("timetable.impossible", courses=_names(lead.courses, voice)) + excluded_text(lead.excluded, voice)]
    culprits = [voice.fmt.course_name(s) for s in why.courses] + ["", ""]
    cause = f"timetable.cause.{why.kind}" + (".limits" if why.kind == "clash" and why.within_limits else "")
    credits = voice.fmt.credits(lead.limits.max_credits) if lead.limits.max_credits is not None else ""
    a, b = culprits[:2]
    lines.append(voice.say(cause, course=a, a=a, b=b, limits=limits, credits=credits))
    if why.relax:
        relaxed = _limit_parts(lead.limits, voice, why.relax)
        quoted = [voice.say("timetable.quote", text=part) for part in relaxed]
        lines.append(voice.say("timetable.relax", conditions=voice.say("timetable.or").join(quoted)))
    elif why.drop:
        key = "timetable.drop" if len(why.drop) > 1 else "timetable.drop.one"
        lines.append(voice.say(key, names=_names(why.drop, voice)))
    else:
        lines.append(voice.say("timetable.stuck" if why.sure else "timetable.unsure"))
    return "\n".join(lines)
