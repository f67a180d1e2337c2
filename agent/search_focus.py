"""Search mode: the sentence that answers the attribute a question asks about ("누가 가르쳐?" -> the
professor, "몇 학년?" -> the recommended year), for one section or for every section of one course."""

from __future__ import annotations

from agent.catalog.models import CourseSection
from agent.search_format import cite, credits_text, josa, schedule_text, year_text
from agent.search_sections import same_name_text

MAX_SECTIONS = 12


def _rooms(section: CourseSection) -> list[str]:
    return list(dict.fromkeys(slot.room for slot in section.slots if slot.room))


def focus_sentence(section: CourseSection, focus: list[str], lang: str) -> str | None:
    """One sentence answering the asked attribute of `section`, or None when nothing specific was asked."""
    name = cite(section)
    topic = f"{name}{josa(section.name, '은', '는')}"
    if "professor" in focus:
        if section.professors:
            return f"{topic} {', '.join(section.professors)} 교수님이 가르쳐요."
        return f"{topic} 담당 교수가 아직 정해지지 않았어요."
    if "credits" in focus:
        return f"{topic} {credits_text(section)}이에요." if section.credits is not None else f"{topic} 학점 정보가 없어요."
    if "year" in focus:
        year = year_text(section)
        return f"{topic} 권장학년이 {year}이에요." if year else f"{topic} 권장학년 정보가 없어요."
    if "room" in focus:
        rooms = _rooms(section)
        if rooms:
            return f"{topic} {', '.join(rooms)}에서 수업해요 ({schedule_text(section)})."
        return f"{topic} 강의실 정보가 없어요 (시간: {schedule_text(section)})."
    if "time" in focus and "timetable" not in focus:
        if section.slots:
            return f"{topic} {schedule_text(section)}에 수업해요."
        return f"{topic} 수업 시간이 정해지지 않았어요."
    return None


def search_focus(sections: list[CourseSection], focus: list[str]) -> str | None:
    """The direct answer to an attribute question about the best match. When the best match's course
    has several sections in the results, the attribute is given per section instead of for one."""
    top = sections[0]
    same = [s for s in sections if same_name_text(s.name, top.name)]
    if len(same) > 1 and "english" in focus:
        english = [s for s in same if s.english]
        topic = f"{top.name}{josa(top.name, '은', '는')}"
        if not english:
            return f"{topic} 영어강의 분반이 없어요. 분반은 아래와 같아요:"
        which = ", ".join(
            f"{section_label(s)}({', '.join(s.professors) or '담당 교수 미정'} 교수)" for s in english
        )
        return f"{topic} 영어강의 분반이 있어요: {which}."
    if len(same) > 1 and any(f in focus for f in ("professor", "time", "room", "credits", "year")):
        topic = f"{top.name}{josa(top.name, '은', '는')}"
        if "year" in focus:
            years = list(dict.fromkeys(y for y in (year_text(s) for s in same) if y))
            if len(years) == 1:
                return f"{topic} 권장학년이 {years[0]}이에요 (분반 {len(same)}개)."
            if years:
                which = ", ".join(f"{section_label(s)} {year_text(s) or '정보 없음'}" for s in same[:MAX_SECTIONS])
                return f"{topic} 분반마다 권장학년이 달라요: {which}."
        if "professor" in focus:
            names = list(dict.fromkeys(p for s in same for p in s.professors))
            if len(names) > 1:
                return f"{topic} 분반마다 담당 교수가 달라요: {', '.join(names)} 교수님."
            if len(names) == 1:
                return f"{topic} {names[0]} 교수님이 가르쳐요 (분반 {len(same)}개)."
        if "credits" in focus:
            credits = list(dict.fromkeys(credits_text(s) for s in same if s.credits is not None))
            if len(credits) == 1:
                return f"{topic} {credits[0]}이에요 (분반 {len(same)}개)."
        if "time" in focus or "room" in focus or "professor" in focus:
            return f"{topic} 분반이 여러 개예요. 분반별 교수, 시간과 강의실은 아래와 같아요:"
    return focus_sentence(top, focus, "ko")


def section_label(section: CourseSection) -> str:
    return f"{section.section}분반" if section.section else f"{section.code}"
