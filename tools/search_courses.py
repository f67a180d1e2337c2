"""`search_courses`: free-text course search with optional structured filters."""

from __future__ import annotations

import difflib
import re
from typing import Any

from langchain.tools import ToolRuntime
from langchain_core.tools import tool

from agent.catalog.models import DAYS, CourseSection
from agent.index.base import SearchFilters
from tools.context import CourseToolContext, ToolInputError
from tools.records import section_record, sections_artifact, to_text

MAX_LIMIT = 20
_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*(?:시)?\s*$")


def parse_time(value: str | None, field: str) -> int | None:
    """'13:30' / '9' / '9시' -> minutes since midnight; None passes through; anything else is an error."""
    if value is None or str(value).strip() == "":
        return None
    match = _TIME.match(str(value))
    if not match:
        raise ToolInputError(f"{field} 값 '{value}'을(를) 이해하지 못했습니다. 'HH:MM' 형식(예: 13:30)으로 주세요.")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 24 or minute > 59:
        raise ToolInputError(f"{field} 값 '{value}'은(는) 올바른 시각이 아닙니다. 00:00~24:00 사이로 주세요.")
    return hour * 60 + minute


def parse_days(values: list[str] | str | None, field: str) -> list[str]:
    """['화', '목'] or '화목' or ['화요일'] -> ['화', '목']; an unknown day is an error."""
    if not values:
        return []
    items = [values] if isinstance(values, str) else list(values)
    days: list[str] = []
    for item in items:
        text = str(item).replace("요일", "").replace(",", "").replace(" ", "")
        for char in text:
            if char not in DAYS:
                raise ToolInputError(f"{field}에 '{item}'이(가) 있는데 요일이 아닙니다. 월 화 수 목 금 토 일 중에서 주세요.")
            if char not in days:
                days.append(char)
    return days


def resolve_names(value: str | None, vocabulary: list[str], what: str) -> list[str]:
    """Map a department/professor the model wrote to exact vocabulary values.

    Exact match first, then entries containing the text (or contained in it). Nothing close is an
    error listing the nearest names, so the model can retry with a real one.
    """
    if value is None or not str(value).strip():
        return []
    text = str(value).strip()
    if not vocabulary or text in vocabulary:
        return [text]
    compact = text.replace(" ", "")
    partial = [v for v in vocabulary if compact in v.replace(" ", "") or v.replace(" ", "") in compact]
    if partial:
        return partial[:10]
    near = difflib.get_close_matches(text, vocabulary, n=5, cutoff=0.5)
    hint = f" 비슷한 이름: {', '.join(near)}" if near else ""
    raise ToolInputError(f"{what} '{text}'을(를) 강좌 목록에서 찾지 못했습니다.{hint}")


def relaxed_labels(relaxed: Any) -> list[str]:
    """The retriever reports dropped constraints as a list (of names or descriptions) or a flag."""
    if not relaxed:
        return []
    if isinstance(relaxed, (list, tuple, set)):
        return [str(item) for item in relaxed]
    if isinstance(relaxed, str):
        return [relaxed]
    return ["일부 조건"]


def _year(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise ToolInputError(f"year는 1에서 6 사이의 학년이어야 합니다: {value!r}")
    return value


@tool("search_courses", response_format="content_and_artifact", parse_docstring=True)
def search_courses(
    query: str,
    runtime: ToolRuntime[CourseToolContext],
    department: str | None = None,
    days: list[str] | str | None = None,
    exclude_days: list[str] | str | None = None,
    start_after: str | None = None,
    start_before: str | None = None,
    end_before: str | None = None,
    professor: str | None = None,
    credits: float | None = None,
    english: bool | None = None,
    category: str | None = None,
    year: int | None = None,
    term: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> tuple[str, dict[str, Any]]:
    """수강편람에서 강좌(분반)를 검색합니다. 과목명, 주제, 약어(자구, 운체), 교수, 학과, 요일, 시간으로 찾습니다.

    Args:
        query: 학생의 질문이나 검색어 (예: "화목 오전 경영학과 전공", "데이터베이스").
        department: 개설학과 이름 (예: "컴퓨터학부"). 모르면 비워 두세요.
        days: 수업이 있어야 하는 요일 목록 (예: ["화", "목"] 또는 "화목").
        exclude_days: 수업이 없어야 하는 요일 목록 (예: 금공강이면 ["금"]).
        start_after: 모든 수업이 이 시각 이후에 시작 (HH:MM, 예: "12:00").
        start_before: 모든 수업이 이 시각 이전에 시작 (HH:MM, 예: "11:59").
        end_before: 모든 수업이 이 시각 이전에 끝남 (HH:MM).
        professor: 교수 이름.
        credits: 학점 (예: 3).
        english: 영어강의만 찾으려면 true.
        category: 이수구분 (전필, 전선, 교양 등).
        year: 권장 학년 (1~6, 예: "3학년 전공"이면 3). 전체학년 강좌도 포함됩니다.
        term: 학기 (예: "2026-1"). 비우면 기본 학기.
        limit: 돌려받을 최대 강좌 수 (1~20). 비우면 기본값.
        offset: 결과 목록에서 건너뛸 개수 (더 보기: 앞 페이지의 offset + limit). 비우면 0.
    """
    ctx: CourseToolContext = runtime.context
    resolved_term = ctx.resolve_term(term)
    vocab = ctx.index.vocabulary(resolved_term)
    filters = SearchFilters(
        term=resolved_term,
        departments=resolve_names(department, vocab.departments, "학과"),
        professors=resolve_names(professor, vocab.professors, "교수"),
        days=parse_days(days, "days"),
        exclude_days=parse_days(exclude_days, "exclude_days"),
        start_after=parse_time(start_after, "start_after"),
        start_before=parse_time(start_before, "start_before"),
        end_before=parse_time(end_before, "end_before"),
        credits=credits,
        english=english,
        category=(category or "").strip() or None,
        year=_year(year),
    )
    if not (query or "").strip() and filters.is_empty():
        raise ToolInputError("검색어(query)나 조건을 하나 이상 주세요.")
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise ToolInputError(f"limit은 1에서 {MAX_LIMIT} 사이여야 합니다: {limit}")
    if offset is not None and (isinstance(offset, bool) or not isinstance(offset, int) or offset < 0):
        raise ToolInputError(f"offset은 0 이상의 정수여야 합니다: {offset!r}")
    result = ctx.retriever.retrieve(
        query or "", term=resolved_term, k=limit or ctx.k, filters=None if filters.is_empty() else filters,
        offset=offset or 0,
    )
    sections = [hit.section for hit in result.hits]
    relaxed = relaxed_labels(getattr(result, "relaxed", None))
    exact = bool(getattr(result, "exact", True)) and not relaxed
    payload: dict[str, Any] = {"count": len(sections), "exact": exact, **_totals(result, len(sections))}
    payload["results"] = [section_record(s) for s in sections]
    if relaxed:
        payload["relaxed"] = relaxed
        payload["note"] = (
            f"요청한 조건에 정확히 맞는 강좌가 없어 {', '.join(relaxed)} 조건을 빼고 찾은 대안입니다. "
            "답변에서 정확히 맞는 강좌는 없다고 먼저 밝히세요."
        )
    elif sections and not exact:
        payload["note"] = "질문과 정확히 맞는 강좌가 아니라 관련 있어 보이는 강좌입니다. 없다고 먼저 밝히고 대안으로만 소개하세요."
    if not sections:
        payload["note"] = "조건에 맞는 강좌가 없습니다."
    parsed = getattr(result, "parsed", None)
    missing = [_as_written(name, str(getattr(parsed, "question", ""))) for name in getattr(result, "missing", [])]
    if missing and not exact:
        payload["missing"] = missing
        payload["note"] = (
            f"'{missing[0]}'에 해당하는 강좌는 목록에 없습니다. 아래는 관련 있어 보이는 다른 강좌이니, "
            "없다고 먼저 밝히고 대안으로만 소개하세요."
        )
    return to_text(payload), sections_artifact(
        "search", sections, relaxed=relaxed, exact=exact, query=query,
        understood=list(getattr(parsed, "notes", []) or []),
        course_names=list(getattr(parsed, "course_names", []) or []),
        filters=getattr(result, "filters", None), missing=missing,
        total_sections=getattr(result, "total_sections", None), total_courses=getattr(result, "total_courses", None),
        offset=offset or 0, anchored=getattr(result, "anchored", True),
    )


def _totals(result: Any, shown: int) -> dict[str, Any]:
    """The true size of the matching set and where this page sits in it (absent when the list is only the
    sections most related to the question's words: there is no set to count)."""
    total = getattr(result, "total_sections", None)
    if total is None:
        return {"related_only": True}
    start = getattr(result, "offset", 0)
    out: dict[str, Any] = {"total_sections": total, "total_courses": getattr(result, "total_courses", None),
                           "offset": start}
    if start + shown < total:
        out["next_offset"] = start + shown
    return out


_PARTICLE_END = re.compile(r"(?:이랑|하고|에서|에는|으로|을|를|이|가|은|는|도|만|랑|에|의|로)$")


def _as_written(topic: str, question: str) -> str:
    """The question's own word for a topic the parser shortened ("우주항공학" -> "우주항공학과"), without
    a trailing particle."""
    match = re.search(r"[0-9A-Za-z가-힣]*" + re.escape(topic) + r"[0-9A-Za-z가-힣]*", question)
    if not match:
        return topic
    word = match.group(0)
    stripped = _PARTICLE_END.sub("", word)
    return stripped if len(stripped) >= len(topic) else word
