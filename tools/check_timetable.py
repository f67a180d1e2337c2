"""`check_timetable`: do these courses fit together? Overlapping meetings and total credits."""

from __future__ import annotations

import itertools
import re
from typing import Any

from langchain.tools import ToolRuntime
from langchain_core.tools import tool

from agent.catalog.models import CourseSection, MeetingSlot, hhmm
from agent.index.base import SearchFilters
from agent.timetable import checked_week
from tools.context import CourseToolContext, ToolInputError
from tools.get_course import normalize_code
from tools.records import format_credits, sections_artifact, to_text

_CODE_WITH_SECTION = re.compile(r"^(?P<code>[0-9A-Za-z][0-9A-Za-z_]*?\d[0-9A-Za-z_]*)(?:[-/ ](?P<section>\w{1,4})(?:분반)?)?$")
_MAX_COMBINATIONS = 20_000  # 6 courses x 5 sections each: plenty for a student's question, bounded for safety
_MAX_SECTIONS = 40  # sections of one named course considered
# A professor named by surname alone ("김 교수님 반"): the catalog holds full names, so this only narrows.
_SURNAME = re.compile(r"(?<![가-힣])([가-힣])\s*(?:교수|선생|쌤|강사)")


def slots_overlap(a: MeetingSlot, b: MeetingSlot) -> bool:
    """Same day and the intervals intersect (touching end-to-start is not a conflict)."""
    return a.day == b.day and a.start < b.end and b.start < a.end


def find_conflicts(sections: list[CourseSection]) -> list[dict[str, Any]]:
    """Every overlapping pair of meetings between different sections, as readable records."""
    conflicts: list[dict[str, Any]] = []
    for first, second in itertools.combinations(sections, 2):
        for slot_a in first.slots:
            for slot_b in second.slots:
                if slots_overlap(slot_a, slot_b):
                    conflicts.append(
                        {
                            "a": _label(first),
                            "b": _label(second),
                            "day": slot_a.day,
                            "a_time": f"{hhmm(slot_a.start)}-{hhmm(slot_a.end)}",
                            "b_time": f"{hhmm(slot_b.start)}-{hhmm(slot_b.end)}",
                        }
                    )
    return conflicts


def _label(section: CourseSection) -> str:
    suffix = f" {section.number}분반" if section.number else ""
    return f"{section.name}({section.code}{suffix})"


def shared_context(items: list[str], ctx: CourseToolContext, term: str | None) -> SearchFilters:
    """What the question said once for every course of the check: the departments and the term its items
    name ("AI소프트웨어학부 컴구 01반이랑 자구 02반", "시프 2분반이랑 컴아키 1분반 (컴공)", "2024-1학기 컴구랑
    자구"). Codes name neither."""
    departments: list[str] = []
    terms: list[str] = []
    for item in items:
        if _CODE_WITH_SECTION.match(normalize_code(str(item).strip())) and not re.search(r"[가-힣]", str(item)):
            continue
        filters = ctx.retriever.parse(str(item), term=term).filters
        departments += [d for d in filters.departments if d not in departments]
        terms += [filters.term] if filters.term and filters.term != term and filters.term not in terms else []
    return SearchFilters(departments=departments, term=terms[0] if len(terms) == 1 else None)


def _resolve(
    item: str, ctx: CourseToolContext, term: str | None, shared: SearchFilters | None = None
) -> tuple[str, list[CourseSection]]:
    """One requested course -> (how it was understood, candidate sections)."""
    text = str(item).strip()
    if not text:
        raise ToolInputError("빈 과목이 있습니다. 과목번호나 과목명을 주세요.")
    match = _CODE_WITH_SECTION.match(normalize_code(text)) if any(c.isdigit() for c in text) else None
    if match:
        code, section = match.group("code"), match.group("section")
        sections = ctx.index.get_course(code, term=term)
        if sections:
            if section:
                chosen = [s for s in sections if s.is_section(section)]
                if not chosen:
                    raise ToolInputError(f"'{code}'에는 {section}분반이 없습니다.")
                sections = chosen
            return text, sections
        if not re.search(r"[가-힣]", text):
            raise ToolInputError(f"과목번호 '{text}'인 강좌를 찾지 못했습니다.")
    return text, _named_sections(text, ctx, term, shared)


def resolve_courses(
    items: list[str], ctx: CourseToolContext, term: str | None
) -> list[tuple[str, list[CourseSection]]]:
    """Each requested course (a code, "CODE-NN", a name or nickname, with its own conditions or section) as
    (how it was asked, its candidate sections); a department or term said once holds for every course; the
    same course asked twice (code and name) is one course."""
    shared = shared_context(items, ctx, term)
    term = shared.term or term  # a term said once is every course's
    resolved = _in_the_others_department([_resolve(item, ctx, term, shared) for item in items])
    unique: dict[str, tuple[str, list[CourseSection]]] = {}
    for text, sections in resolved:
        unique.setdefault(sections[0].code + "|" + ",".join(s.section for s in sections), (text, sections))
    return list(unique.values())


def _in_the_others_department(
    resolved: list[tuple[str, list[CourseSection]]],
) -> list[tuple[str, list[CourseSection]]]:
    """A course whose candidates belong to several departments ("프로그래밍언어 3반": a 03 section in two
    departments) keeps those of a department the other courses of the check are all in: the student's."""
    out: list[tuple[str, list[CourseSection]]] = []
    for index, (text, sections) in enumerate(resolved):
        others = [{s.department for s in other} for i, (_, other) in enumerate(resolved) if i != index]
        theirs = set.intersection(*others) if others else set()
        kept = [s for s in sections if s.department in theirs]
        spread = len({s.department for s in sections}) > 1
        out.append((text, kept if spread and kept else sections))
    return out


def _named_sections(
    text: str, ctx: CourseToolContext, term: str | None, shared: SearchFilters | None = None
) -> list[CourseSection]:
    """A course named with its own conditions ("컴구 화목 오전 반", "알고리즘 김 교수님 반"): exactly its sections
    that meet them (the best match's course: its code, or its name where every section has its own code).
    Departments said for another course of the check narrow this one too where it is offered there."""
    result = ctx.retriever.retrieve(text, term=term, k=_MAX_SECTIONS)
    if shared is not None and shared.departments and not result.parsed.filters.departments:
        narrowed = ctx.retriever.retrieve(
            text, term=term, k=_MAX_SECTIONS, filters=SearchFilters(departments=shared.departments)
        )
        if narrowed.hits and narrowed.exact and not narrowed.relaxed:
            result = narrowed
    if result.relaxed:
        raise ToolInputError(f"'{text}'의 조건에 맞는 분반이 없습니다.")
    if not result.hits or not result.exact:
        raise ToolInputError(f"'{text}'에 해당하는 강좌를 찾지 못했습니다. 과목번호로 다시 시도해 주세요.")
    if result.parsed.section:
        # "자구 02분반": the named section, which the retriever kept (a per-section code would hide the others);
        # of the course named, not the same section number of the related courses listed after it.
        named = set(result.parsed.course_names) or {result.hits[0].section.name}
        return [hit.section for hit in result.hits
                if hit.section.is_section(result.parsed.section) and hit.section.name in named] or [result.hits[0].section]
    top = result.hits[0].section
    same_course = (lambda s: s.code == top.code) if top.section else (lambda s: s.name == top.name)
    same = [h.section for h in result.hits if same_course(h.section)]
    surname = _SURNAME.search(text)
    if surname and not result.parsed.filters.professors:
        same = [s for s in same if any(p.startswith(surname.group(1)) for p in s.professors)]
        if not same:
            raise ToolInputError(f"'{text}': {surname.group(1)} 교수님의 분반을 찾지 못했습니다.")
    return same


def _choose(candidates: list[list[CourseSection]]) -> tuple[list[CourseSection], bool]:
    """A conflict-free pick of one section per course if one exists, else the pick with fewest conflicts."""
    best: list[CourseSection] = [options[0] for options in candidates]
    best_count = len(find_conflicts(best))
    if best_count == 0:
        return best, True
    for count, combo in enumerate(itertools.product(*candidates)):
        if count >= _MAX_COMBINATIONS:
            break
        conflicts = len(find_conflicts(list(combo)))
        if conflicts < best_count:
            best, best_count = list(combo), conflicts
            if conflicts == 0:
                return best, True
    return best, False


@tool("check_timetable", response_format="content_and_artifact", parse_docstring=True)
def check_timetable(
    courses: list[str],
    runtime: ToolRuntime[CourseToolContext],
    term: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """여러 과목을 함께 들을 때 수업 시간이 겹치는지 확인하고 총 학점을 계산합니다.

    Args:
        courses: 과목번호(분반 지정은 "2150012301-01"처럼) 또는 과목명 목록, 2개 이상.
        term: 학기 (예: "2026-1"). 비우면 기본 학기.
    """
    ctx: CourseToolContext = runtime.context
    items = [c for c in (courses or []) if str(c).strip()]
    if len(items) < 2:
        raise ToolInputError("시간표를 확인하려면 과목을 2개 이상 주세요.")
    if len(items) > 10:
        raise ToolInputError("한 번에 10과목까지만 확인할 수 있습니다.")
    requested = resolve_courses(items, ctx, ctx.resolve_term(term))
    candidates = [sections for _, sections in requested]
    chosen, fits = _choose(candidates)
    conflicts = find_conflicts(chosen)
    credits = [s.credits for s in chosen]
    total = sum(c for c in credits if c is not None)
    many_sections = any(len(options) > 1 for options in candidates)
    payload: dict[str, Any] = {
        "courses": [
            {
                "requested": text,
                "code": pick.code,
                "section": pick.section or None,
                "name": pick.name,
                "credits": format_credits(pick.credits),
                "schedule": pick.schedule_label(),
                "sections_available": len(options),
            }
            for (text, options), pick in zip(requested, chosen)
        ],
        "conflicts": conflicts,
        "fits": fits,
        "total_credits": format_credits(total),
    }
    if any(c is None for c in credits):
        payload["note"] = "학점 정보가 없는 과목이 있어 총 학점에서 빠졌습니다."
    if many_sections:
        payload["selection"] = (
            "분반이 여러 개인 과목은 겹치지 않는 분반 조합을 골랐습니다." if fits
            else "어떤 분반 조합으로도 시간이 겹칩니다."
        )
    week = checked_week(chosen)  # the same shape as a planned week (the API's `timetables`)
    return to_text(payload), sections_artifact(
        "timetable", chosen, conflicts=conflicts, fits=fits, total_credits=total, timetables=[week]
    )
