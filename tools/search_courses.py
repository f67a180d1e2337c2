"""`search_courses`: course search by free text and every condition the question parser understands.

Both modes reach the same conditions: the keyless search mode gets them from the parser, HyperCLOVA X writes
them as arguments (days, excluded days, start and end bounds, rooms or buildings, professor, department,
credits, English-taught, category, recommended year, term), and the result says the true size of the matching
set with this page of it (`total_sections`, `total_courses`, `offset`, `next_offset`).
"""

from __future__ import annotations

from typing import Any

from langchain.tools import ToolRuntime
from langchain_core.tools import tool

from agent.index.base import SearchFilters
from tools.arguments import (
    check_page,
    parse_category,
    parse_credits,
    parse_days,
    parse_rooms,
    parse_time,
    parse_year,
    resolve_names,
)
from tools.context import CourseToolContext, ToolInputError
from tools.records import sections_artifact, to_text
from tools.search_payload import search_payload


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
    room: list[str] | str | None = None,
    term: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> tuple[str, dict[str, Any]]:
    """수강편람에서 강좌(분반)를 검색합니다. 과목명, 주제, 약어(자구, 운체), 교수, 학과, 요일, 시간, 강의실로 찾습니다.

    Args:
        query: 학생의 질문이나 검색어 (예: "화목 오전 경영학과 전공", "데이터베이스").
        department: 개설학과 이름 (예: "컴퓨터학부"). 모르면 비워 두세요.
        days: 수업이 있어야 하는 요일 목록 (예: ["화", "목"] 또는 "화목").
        exclude_days: 수업이 없어야 하는 요일 목록 (예: 금공강이면 ["금"]).
        start_after: 모든 수업이 이 시각 이후에 시작 (HH:MM, 예: "12:00").
        start_before: 모든 수업이 이 시각 이전에 시작 (HH:MM, 예: "11:59").
        end_before: 모든 수업이 이 시각 이전에 끝남 (HH:MM, 예: "18:00").
        professor: 교수 이름.
        credits: 학점 (예: 3).
        english: 영어강의만 찾으려면 true.
        category: 이수구분 (전필, 전선, 교양 등).
        year: 권장 학년 (1~6, 예: "3학년 전공"이면 3). 전체학년 강좌도 포함됩니다.
        room: 강의실이나 건물 (예: "K201", "정보과학관 21304", "정보과학관").
        term: 학기 (예: "2026-1", "2024-여름"). 비우면 기본 학기.
        limit: 돌려받을 최대 강좌 수 (1~20). 비우면 기본값.
        offset: 결과 목록에서 건너뛸 개수 (더 보기: 앞 결과의 next_offset). 비우면 처음부터(요청에 위치가 있으면 그 위치부터).
    """
    ctx: CourseToolContext = runtime.context
    check_page(limit, offset)
    resolved_term = ctx.resolve_term(term)
    filters = _filters(ctx, resolved_term, dict(
        department=department, days=days, exclude_days=exclude_days, start_after=start_after,
        start_before=start_before, end_before=end_before, professor=professor, credits=credits, english=english,
        category=category, year=year, room=room,
    ))
    if not (query or "").strip() and filters.is_empty():
        raise ToolInputError("검색어(query)나 조건을 하나 이상 주세요.")
    result = ctx.retriever.retrieve(
        query or "", term=resolved_term, k=limit or ctx.k, filters=None if filters.is_empty() else filters,
        offset=offset if offset is not None else ctx.offset or 0,
    )
    payload, extra = search_payload(result)
    sections = [hit.section for hit in result.hits]
    return to_text(payload), sections_artifact("search", sections, query=query, **extra)


def _filters(ctx: CourseToolContext, term: str | None, args: dict[str, Any]) -> SearchFilters:
    """The tool's arguments as `SearchFilters`; a bad value raises `ToolInputError` naming its argument."""
    vocab = ctx.index.vocabulary(term)
    return SearchFilters(
        term=term,
        departments=resolve_names(args["department"], vocab.departments, "department(학과)"),
        professors=resolve_names(args["professor"], vocab.professors, "professor(교수)"),
        days=parse_days(args["days"], "days"),
        exclude_days=parse_days(args["exclude_days"], "exclude_days"),
        start_after=parse_time(args["start_after"], "start_after"),
        start_before=parse_time(args["start_before"], "start_before"),
        end_before=parse_time(args["end_before"], "end_before"),
        credits=parse_credits(args["credits"]),
        english=args["english"],
        category=parse_category(args["category"], vocab.categories),
        year=parse_year(args["year"]),
        rooms=parse_rooms(args["room"]),
    )
