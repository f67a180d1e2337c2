"""Korean wording of an `AnswerPlan` (no decisions: `compose` made them). One function per lead and note."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agent.search_mode import answer_plan as ap
from agent.search_mode.format_ko import (
    bullet,
    cite,
    condition_text,
    credits_text,
    josa,
    professors_text,
    relaxed_text,
    schedule_text,
    scope_text,
    section_label,
    topic,
)
from agent.search_mode.sections import recommended_year, rooms

NO_MATCH = "조건에 맞는 강좌를 찾지 못했어요."
ASK = "무엇이 궁금하세요? 강좌 이름이나 조건을 알려 주세요."
REFUSAL = "그 요청은 도와드릴 수 없어요. 수강 정보에 대해 물어봐 주세요."
OFFTOPIC = (
    "죄송하지만 그 질문은 수강편람으로 답할 수 없어요. 저는 강좌·분반·교수·시간·강의실·학점 안내를 "
    "도와드릴 수 있어요. 예를 들어 \"화목 오전에 듣는 경영학과 전공 있어요?\"나 \"자료구조 몇 학점이야?\"처럼 물어봐 주세요."
)
GREETING = (
    "안녕하세요! 수강편람 안내 도우미예요. 과목명, 약어(자구, 운체), 교수, 요일·시간, 학과로 강좌를 찾아 드리고, "
    "여러 과목의 시간이 겹치는지도 확인해 드려요. 무엇이 궁금하세요?"
)


def render(answer: ap.AnswerPlan) -> str:
    text = "\n".join(line for block in answer.blocks for line in _block(block))
    if answer.failures:
        text = " ".join(answer.failures) + "\n\n" + text
    return text


def _block(block: ap.Block) -> list[str]:
    lines = [_LEADS[type(block.lead)](block.lead)]
    if block.related:
        lines += ["", "관련 강좌:"]
    lines += [bullet(s) for s in block.bullets]
    return lines + [_NOTES[type(note)](note) for note in block.notes]


# --- replies and no-match leads ----------------------------------------------------------------------
def _declined(lead: ap.Declined) -> str:
    return REFUSAL if lead.reason == "injection" else OFFTOPIC


def _tool_failed(lead: ap.ToolFailed) -> str:
    return f"{' '.join(lead.details) or NO_MATCH} 과목명이나 과목번호를 다시 확인해 주세요."


def _no_match(lead: ap.NoMatch) -> str:
    if lead.cause == "unlinked_name":
        missing = f"'{lead.name}'에 해당하는 강좌는 이번 학기 수강편람에 없어요."
        return missing + (" 대신 이름이 비슷하거나 관련 있어 보이는 다른 강좌를 알려 드릴게요:" if lead.alternatives else "")
    if lead.relaxed:
        return f"{NO_MATCH} 대신 {relaxed_text(lead.relaxed)} 조건을 빼고 찾은 비슷한 강좌를 알려 드릴게요:"
    if lead.alternatives:
        return f"{NO_MATCH} 대신 관련 있어 보이는 강좌를 알려 드릴게요:"
    return f"{NO_MATCH} 과목명을 다르게 쓰거나(예: 약어 대신 전체 이름), 요일·시간 조건을 줄여서 다시 물어봐 주세요."


# --- attributes --------------------------------------------------------------------------------------
def _section_attribute(lead: ap.SectionAttribute) -> str:
    section = lead.section
    subject = f"{cite(section)}{josa(section.name, '은', '는')}"
    return f"{subject} {_ATTRIBUTE_SENTENCES[lead.attribute](section)}"


def _room_sentence(section: Any) -> str:
    where = rooms(section)
    if where:
        return f"{', '.join(where)}에서 수업해요 ({schedule_text(section)})."
    return f"강의실 정보가 없어요 (시간: {schedule_text(section)})."


_ATTRIBUTE_SENTENCES: dict[str, Callable[[Any], str]] = {
    "professor": lambda s: f"{', '.join(s.professors)} 교수님이 가르쳐요." if s.professors
    else "담당 교수가 아직 정해지지 않았어요.",
    "credits": lambda s: f"{credits_text(s)}이에요." if s.credits is not None else "학점 정보가 없어요.",
    "year": lambda s: f"권장학년이 {recommended_year(s)}이에요." if recommended_year(s) else "권장학년 정보가 없어요.",
    "room": _room_sentence,
    "time": lambda s: f"{schedule_text(s)}에 수업해요." if s.slots else "수업 시간이 정해지지 않았어요.",
}


def _course_professors(lead: ap.CourseProfessors) -> str:
    if len(lead.professors) > 1:
        names = ", ".join(lead.professors)
        return f"{topic(lead.course.name)} 분반이 {lead.count}개이고 분반마다 담당 교수가 달라요: {names} 교수님."
    return f"{topic(lead.course.name)} {lead.professors[0]} 교수님이 가르쳐요 (분반 {lead.count}개)."


def _course_years(lead: ap.CourseYears) -> str:
    which = ", ".join(f"{section_label(s)} {recommended_year(s) or '정보 없음'}" for s in lead.sections)
    return f"{topic(lead.course.name)} 분반마다 권장학년이 달라요: {which}."


def _course_english(lead: ap.CourseEnglish) -> str:
    if not lead.english:
        return f"{topic(lead.course.name)} 영어강의 분반이 없어요. 분반은 아래와 같아요:"
    which = ", ".join(f"{section_label(s)}({professors_text(s)})" for s in lead.english)
    return f"{topic(lead.course.name)} 영어강의 분반이 있어요: {which}."


# --- one course's sections, lists, timetable ---------------------------------------------------------
def _course_sections(lead: ap.CourseSections) -> str:
    if lead.conditions is None:
        return f"{topic(lead.course.name)} 분반이 {lead.count}개 있어요:"
    count = "하나" if lead.count == 1 else f"{lead.count}개"
    return f"{lead.course.name} 분반 중 조건({condition_text(lead.conditions)})에 맞는 것은 {count}예요:"


def _professor_courses(lead: ap.ProfessorCourses) -> str:
    if len(lead.courses) == 1:
        return f"{lead.professor} 교수님은 이번 학기에 {lead.courses[0].name}만 가르쳐요 (분반 {lead.count}개):"
    names = ", ".join(s.name for s in lead.courses)
    return f"{lead.professor} 교수님은 이번 학기에 {len(lead.courses)}과목({names})을 가르쳐요:"


def _course_list(lead: ap.CourseList) -> str:
    matched = f"조건({scope_text(lead.scope)})에 맞는 강좌를" if lead.scope else "질문에 맞는 강좌를"
    if lead.courses == lead.sections:
        return f"{matched} {lead.sections}개 찾았어요:"
    return f"{matched} 찾았어요 ({lead.courses}과목, 분반 {lead.sections}개):"


def _timetable(lead: ap.TimetableCheck) -> str:
    if not lead.conflicts:
        fits = "시간이 겹치지 않아요. 함께 들을 수 있어요."
        return fits + ("\n(분반이 여러 개인 과목은 겹치지 않는 분반으로 골랐어요.)" if lead.several_sections else "")
    lines = ["시간이 겹쳐요."]
    lines += [f"• {c.day}요일: {c.a} {c.a_time} ↔ {c.b} {c.b_time}" for c in lead.conflicts]
    if lead.several_sections:
        lines.append("어떤 분반 조합으로도 시간이 겹쳐요.")
    return "\n".join(lines)


def _total_credits(note: ap.TotalCredits) -> str:
    missing = "\n학점 정보가 없는 과목이 있어 총 학점에서 빠졌어요." if note.some_missing else ""
    return f"총 {note.total:g}학점이에요.{missing}"


_LEADS: dict[type, Callable[[Any], str]] = {
    ap.AskForQuestion: lambda lead: ASK,
    ap.Greeting: lambda lead: GREETING,
    ap.Declined: _declined,
    ap.ToolFailed: _tool_failed,
    ap.NoMatch: _no_match,
    ap.SectionAttribute: _section_attribute,
    ap.CourseProfessors: _course_professors,
    ap.CourseCredits: lambda lead: f"{topic(lead.course.name)} {lead.credits:g}학점이에요 (분반 {lead.count}개).",
    ap.CourseYear: lambda lead: f"{topic(lead.course.name)} 권장학년이 {lead.year}이에요 (분반 {lead.count}개).",
    ap.CourseYears: _course_years,
    ap.CourseEnglish: _course_english,
    ap.CourseOverview: lambda lead: f"{topic(lead.course.name)} 분반이 여러 개예요. 분반별 교수, 시간과 강의실은 아래와 같아요:",
    ap.CourseSections: _course_sections,
    ap.OnlySection: lambda lead: (
        f"{cite(lead.section)}{josa(lead.section.name, '은', '는')} 이번 학기에 분반이 하나뿐이에요."
    ),
    ap.NoSectionMatches: lambda lead: (
        f"{lead.course.name}에는 조건({condition_text(lead.conditions)})에 맞는 분반이 없어요. 전체 분반은 아래와 같아요:"
    ),
    ap.CourseInfo: lambda lead: f"{lead.course.name} 강좌 정보예요:",
    ap.PerSection: lambda lead: f"{topic(lead.course.name)} 분반마다 다음과 같아요:",
    ap.ScheduleForTimetable: lambda lead: (
        f"{cite(lead.section)}의 수업 시간은 {schedule_text(lead.section)}이에요. "
        "시간이 겹치는지 확인하려면 함께 들을 과목을 알려 주세요."
    ),
    ap.ProfessorCourses: _professor_courses,
    ap.CourseList: _course_list,
    ap.TimetableCheck: _timetable,
}
_NOTES: dict[type, Callable[[Any], str]] = {
    ap.MoreSections: lambda note: f"이 밖에도 {note.count}개가 더 있어요.",
    ap.MoreSectionsOfCourses: lambda note: f"이 밖에도 분반 {note.count}개가 더 있어요.",
    ap.AlsoCourses: lambda note: f"이 밖에 {', '.join(s.name for s in note.sections)} 과목도 있어요.",
    ap.TotalCredits: _total_credits,
}
