"""Search mode, step 2: a short, natural answer written only from what the tools returned.

Every course fact in the text (name, code, section, professor, days/times, room, credits) is copied
from a `CourseSection` a tool returned; nothing else is stated. Courses are cited as
"과목명 (과목번호 CODE, NN분반)" so a follow-up can find them in the conversation again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from agent.catalog.models import CourseSection
from agent.search_focus import MAX_SECTIONS, focus_sentence, search_focus
from agent.search_format import bullet, cite, josa, schedule_text
from agent.search_sections import (
    condition_text,
    course_key,
    course_overview,
    dedupe,
    diversified,
    filtered_attributes,
    in_code_order,
    named_in,
    same_name,
    scope_text,
)
from agent.search_intent import Plan

MAX_LISTED = 5
MAX_ALTERNATIVES = 3

REFUSAL_INJECTION = {
    "ko": "그 요청은 도와드릴 수 없어요. 수강 정보에 대해 물어봐 주세요.",
    "en": "Sorry, I can't help with that request. Please ask me about courses.",
}
OFFTOPIC = {
    "ko": "죄송하지만 그 질문은 수강편람으로 답할 수 없어요. 저는 강좌·분반·교수·시간·강의실·학점 안내를 "
    "도와드릴 수 있어요. 예를 들어 \"화목 오전에 듣는 경영학과 전공 있어요?\"나 \"자료구조 몇 학점이야?\"처럼 물어봐 주세요.",
    "en": "Sorry, I can only help with course information (courses, sections, professors, times, rooms, credits). "
    "Try asking, for example, \"Which data structures sections are on Tuesday morning?\"",
}
GREETING = {
    "ko": "안녕하세요! 수강편람 안내 도우미예요. 과목명, 약어(자구, 운체), 교수, 요일·시간, 학과로 강좌를 찾아 드리고, "
    "여러 과목의 시간이 겹치는지도 확인해 드려요. 무엇이 궁금하세요?",
    "en": "Hi! I'm the course-catalog assistant. Ask me about courses by name, professor, day/time or department, "
    "or whether several courses fit together.",
}
NO_MATCH = {
    "ko": "조건에 맞는 강좌를 찾지 못했어요.",
    "en": "I couldn't find any course matching that.",
}
_RELAXED_NAMES = {
    "days": "요일", "exclude_days": "공강 요일", "start_after": "시간", "start_before": "시간", "end_before": "시간",
    "time": "시간", "departments": "학과", "department": "학과", "professors": "교수", "professor": "교수",
    "credits": "학점", "english": "영어강의", "category": "이수구분", "course_codes": "과목번호",
}


@dataclass
class ToolOutcome:
    """One tool result of the current turn, as the model sees it."""

    name: str
    content: str
    artifact: Any = None
    error: bool = False

    @property
    def sections(self) -> list[CourseSection]:
        if isinstance(self.artifact, dict):
            return [s for s in self.artifact.get("sections", []) if isinstance(s, CourseSection)]
        return []

    @property
    def payload(self) -> dict[str, Any]:
        try:
            data = json.loads(self.content)
        except (TypeError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}


@dataclass
class Written:
    text: str
    cited: list[CourseSection] = field(default_factory=list)


def _relaxed_text(labels: list[str]) -> str:
    names = list(dict.fromkeys(_RELAXED_NAMES.get(label, label) for label in labels))
    return ", ".join(names)


def _listing(
    sections: list[CourseSection], limit: int = MAX_LISTED, *, count_rest: bool = True
) -> tuple[list[str], list[CourseSection]]:
    shown = sections[:limit]
    lines = [bullet(s) for s in shown]
    if count_rest and len(sections) > limit:
        lines.append(f"이 밖에도 {len(sections) - limit}개가 더 있어요.")
    return lines, shown


def _error_text(outcome: ToolOutcome) -> str:
    text = outcome.content.split("오류:", 1)[-1].strip()
    sentences = [s for s in text.replace("다. ", "다.\n").split("\n") if "search_courses" not in s and s.strip()]
    return " ".join(sentences) or NO_MATCH["ko"]


def write_answer(plan: Plan, outcomes: list[ToolOutcome]) -> Written:
    """The answer to `plan` from this turn's tool outcomes."""
    lang = plan.lang
    if plan.kind == "injection":
        return Written(REFUSAL_INJECTION[lang])
    if plan.kind == "offtopic":
        return Written(OFFTOPIC[lang])
    if plan.kind == "greeting":
        return Written(GREETING[lang])
    if lang == "en":
        from agent.search_writer_en import write_answer_en

        return write_answer_en(plan, outcomes)
    good = [o for o in outcomes if not o.error]
    if not good:
        errors = " ".join(dict.fromkeys(_error_text(o) for o in outcomes)) or NO_MATCH[lang]
        return Written(f"{errors} 과목명이나 과목번호를 다시 확인해 주세요.")
    timetable = next((o for o in good if o.name == "check_timetable"), None)
    if timetable is not None:
        return _write_timetable(timetable)
    lookups = [o for o in good if o.name == "get_course"]
    searches = [o for o in good if o.name == "search_courses"]
    notes = [_error_text(o) for o in outcomes if o.error]
    if lookups:
        written = _write_lookup(plan, lookups, searches)
    else:
        written = _write_search(plan, searches[0])
    if notes:
        written.text = " ".join(dict.fromkeys(notes)) + "\n\n" + written.text
    return written


def _write_search(plan: Plan, outcome: ToolOutcome) -> Written:
    sections = outcome.sections
    relaxed = outcome.artifact.get("relaxed", []) if isinstance(outcome.artifact, dict) else []
    if not sections:
        return Written(
            f"{NO_MATCH['ko']} 과목명을 다르게 쓰거나(예: 약어 대신 전체 이름), 요일·시간 조건을 줄여서 다시 물어봐 주세요."
        )
    exact = outcome.artifact.get("exact", True) if isinstance(outcome.artifact, dict) else True
    if relaxed:
        lines, shown = _listing(sections, MAX_ALTERNATIVES, count_rest=False)
        lead = f"{NO_MATCH['ko']} 대신 {_relaxed_text(relaxed)} 조건을 빼고 찾은 비슷한 강좌를 알려 드릴게요:"
        return Written("\n".join([lead, *lines]), shown)
    if not exact:
        lines, shown = _listing(sections, MAX_ALTERNATIVES, count_rest=False)
        missing = outcome.artifact.get("missing") if isinstance(outcome.artifact, dict) else None
        if missing:
            # Say what does not exist before anything else: the nearby courses are only alternatives.
            lead = (
                f"'{missing[0]}'에 해당하는 강좌는 이번 학기 수강편람에 없어요. "
                "대신 이름이 비슷하거나 관련 있어 보이는 다른 강좌를 알려 드릴게요:"
            )
        else:
            lead = f"{NO_MATCH['ko']} 대신 관련 있어 보이는 강좌를 알려 드릴게요:"
        return Written("\n".join([lead, *lines]), shown)
    if plan.professor:
        mine = [x for x in sections if plan.professor in x.professors]
        if mine:
            courses = list(dict.fromkeys(x.name for x in mine))
            if len(courses) == 1:
                lead = f"{plan.professor} 교수님은 이번 학기에 {courses[0]}만 가르쳐요 (분반 {len(mine)}개):"
            else:
                lead = f"{plan.professor} 교수님은 이번 학기에 {len(courses)}과목({', '.join(courses)})을 가르쳐요:"
            lines, shown = _listing(mine, MAX_SECTIONS)
            return Written("\n".join([lead, *lines]), shown)
    top = sections[0]
    same = [x for x in sections if same_name(x, top)]
    if plan.section:
        # "회계원리 01분반 ...": the named section of the best-matching course, when it exists.
        wanted = plan.section.lstrip("0") or "0"
        picked = [x for x in same if (x.section or "").lstrip("0") == wanted]
        if picked:
            sections, same, top = picked, picked, picked[0]
    artifact = outcome.artifact if isinstance(outcome.artifact, dict) else {}
    named = named_in(plan.question, top, artifact.get("course_names"))
    # An attribute the question constrains ("1학점짜리", "한도윤 교수님") is a filter, not the question.
    focus = [f for f in plan.focus if f not in filtered_attributes(artifact.get("filters"))]
    condition = condition_text(artifact.get("filters"))
    if named and len(same) == 1 and (plan.followup or condition):
        # "미적분학I 영어강의 분반": the one section that meets the conditions, not unrelated courses after it.
        lead = focus_sentence(top, focus, plan.lang) or (
            f"{top.name} 분반 중 조건({condition})에 맞는 것은 하나예요:" if condition else f"{top.name} 강좌 정보예요:"
        )
        return Written("\n".join([lead, bullet(top)]), [top])
    if named and len(same) > 1:
        # A question about one course: answer for every section of it, not just the best one.
        same = in_code_order(same)
        lead = search_focus(same, focus) or (
            f"{top.name} 분반 중 조건({condition})에 맞는 것은 {len(same)}개예요:" if condition
            else f"{top.name}{josa(top.name, '은', '는')} 분반이 {len(same)}개 있어요:"
        )
        same = in_code_order(same)
        ordered = [x for x in same if x.english] + [x for x in same if not x.english] if "english" in focus else same
        lines, shown = _listing(ordered, MAX_SECTIONS)
        cited = dedupe(shown + (same if "교수님" in lead else []))
        return Written("\n".join([lead, *lines]), cited)
    if named or len(sections) == 1:
        sentence = focus_sentence(top, focus, plan.lang)
        if sentence:
            lines, shown = _listing(diversified(sections))
            if len(sections) > 1:
                return Written("\n".join([sentence, "", "관련 강좌:", *lines]), shown)
            return Written("\n".join([sentence, *lines]), shown)
    shown, extra, left_out = course_overview(sections, MAX_LISTED + 1)
    lines = [bullet(x) for x in shown]
    if extra:
        lines.append(f"이 밖에 {', '.join(x.name for x in extra)} 과목도 있어요.")
        shown = shown + extra
    elif left_out:
        lines.append(f"이 밖에도 분반 {left_out}개가 더 있어요.")
    courses = len({course_key(x) for x in sections})
    # The filters a list was drawn with, so the student sees how the question was read.
    scope = scope_text(artifact.get("filters"))
    matched = f"조건({scope})에 맞는 강좌를" if scope else "질문에 맞는 강좌를"
    if courses == len(sections):
        lead = f"{matched} {len(sections)}개 찾았어요:"
    else:
        lead = f"{matched} 찾았어요 ({courses}과목, 분반 {len(sections)}개):"
    return Written("\n".join([lead, *lines]), shown)


def _write_lookup(plan: Plan, lookups: list[ToolOutcome], searches: list[ToolOutcome]) -> Written:
    parts: list[str] = []
    cited: list[CourseSection] = []
    from agent.index.filtering import matches

    for outcome in lookups:
        sections = outcome.sections
        narrowed = False
        if plan.narrow is not None and sections:
            # "그 중에 월요일 수업은?": the follow-up's schedule words pick among the course's sections
            # (same code, or same name where every section has its own code).
            every = dedupe(sections + [s for o in searches for s in o.sections if same_name(s, sections[0])])
            picked = [s for s in every if matches(s, plan.narrow)]
            if not picked:
                condition = condition_text(plan.narrow)
                parts.append(f"{sections[0].name}에는 조건({condition})에 맞는 분반이 없어요. 전체 분반은 아래와 같아요:")
                lines, shown = _listing(in_code_order(sections), MAX_SECTIONS)
                parts.extend(lines)
                cited.extend(shown)
                continue
            narrowed = bool(picked)
            sections = picked or sections
        if not sections:
            continue
        sections = in_code_order(sections)
        first = sections[0]
        if "sections" in plan.focus:
            # Other sections: same code, or (where every section has its own code) the same course name.
            same_course = [
                s for o in searches for s in o.sections
                if s.name.replace(" ", "") == first.name.replace(" ", "") and s.term == first.term
            ]
            every = dedupe(sections + same_course)
            if narrowed:
                every = [s for s in every if plan.narrow is not None and matches(s, plan.narrow)]
            if len(every) == 1:
                parts.append(f"{cite(first)}{josa(first.name, '은', '는')} 이번 학기에 분반이 하나뿐이에요.")
                parts.append(bullet(first))
            else:
                if narrowed:
                    condition = condition_text(plan.narrow)
                    parts.append(f"{first.name} 분반 중 조건({condition})에 맞는 것은 {len(every)}개예요:")
                else:
                    parts.append(f"{first.name}{josa(first.name, '은', '는')} 분반이 {len(every)}개 있어요:")
                lines, shown = _listing(in_code_order(every), MAX_SECTIONS)
                parts.extend(lines)
                cited.extend(shown)
                continue
            cited.append(first)
            continue
        if "timetable" in plan.focus:
            parts.append(
                f"{cite(first)}의 수업 시간은 {schedule_text(first)}이에요. 시간이 겹치는지 확인하려면 함께 들을 과목을 알려 주세요."
            )
            cited.append(first)
            continue
        # Asked attributes other than the schedule words that did the narrowing ("월요일 빼고" is not "언제?").
        focus = [f for f in plan.focus if not (narrowed and f in filtered_attributes(plan.narrow))]
        if len(sections) == 1:
            sentence = focus_sentence(first, focus, plan.lang)
        else:
            sentence = search_focus(sections, focus) if focus else None
        if not sentence and narrowed:
            condition = condition_text(plan.narrow)
            sentence = f"{first.name} 분반 중 조건({condition})에 맞는 것은 {len(sections)}개예요:"
            if len(sections) == 1:
                parts.extend([sentence, bullet(first)])
                cited.append(first)
                continue
        if sentence and len(sections) > 1:
            parts.append(sentence)
            lines, shown = _listing(in_code_order(sections), MAX_SECTIONS)
            parts.extend(lines)
            cited.extend(shown)
            continue
        if sentence:
            parts.append(sentence)
            cited.append(first)
            continue
        if len(sections) > 1 and plan.focus:
            parts.append(f"{first.name}{josa(first.name, '은', '는')} 분반마다 다음과 같아요:")
        else:
            parts.append(f"{first.name} 강좌 정보예요:")
        lines, shown = _listing(in_code_order(sections))
        parts.extend(lines)
        cited.extend(shown)
    if not parts:
        return Written(NO_MATCH["ko"])
    return Written("\n".join(parts), dedupe(cited))


def _write_timetable(outcome: ToolOutcome) -> Written:
    payload = outcome.payload
    sections = outcome.sections
    conflicts = payload.get("conflicts", [])
    total = payload.get("total_credits")
    lines: list[str] = []
    if conflicts:
        lines.append("시간이 겹쳐요.")
        for c in conflicts[:6]:
            lines.append(f"• {c['day']}요일: {c['a']} {c['a_time']} ↔ {c['b']} {c['b_time']}")
        if payload.get("selection"):
            lines.append(payload["selection"])
    else:
        lines.append("시간이 겹치지 않아요. 함께 들을 수 있어요.")
        if payload.get("selection"):
            lines.append("(분반이 여러 개인 과목은 겹치지 않는 분반으로 골랐어요.)")
    lines.extend(bullet(s) for s in sections)
    if total is not None:
        lines.append(f"총 {total}학점이에요.")
    if payload.get("note"):
        lines.append(payload["note"])
    return Written("\n".join(lines), dedupe(sections))
