"""`search_courses`: course search by free text and every condition the question parser understands.

Both modes reach the same conditions: the keyless search mode gets them from the parser, HyperCLOVA X writes
them as arguments (days, excluded days, start and end bounds, rooms or buildings, professor, department,
credits, English-taught, category, recommended year, a term or several), and the result says the true size of the matching
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
from tools.term_arguments import parse_term, parse_terms


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
    terms: list[str] | str | None = None,
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
        term: 학기 하나 (예: "2024-1", "2024-여름"). 비우면 질문에 적힌 학기, 없으면 기본 학기.
        terms: 여러 학기 (예: ["2023-1", "2024-1"]) 또는 "all"(모든 학기: "예전에도 열렸어?"). 결과는 학기별로 답하세요.
        limit: 돌려받을 최대 강좌 수 (1~20). 비우면 기본값.
        offset: 결과 목록에서 건너뛸 개수 (더 보기: 앞 결과의 next_offset). 비우면 0.
    """
    ctx: CourseToolContext = runtime.context
    check_page(limit, offset)
    current = ctx.resolve_term(None)  # the request's term, else the newest: what the question is read against
    filters = _filters(ctx, current, _chosen_terms(ctx, term, terms), dict(
        department=department, days=days, exclude_days=exclude_days, start_after=start_after,
        start_before=start_before, end_before=end_before, professor=professor, credits=credits, english=english,
        category=category, year=year, room=room,
    ))
    asked = not filters.is_empty() or bool(filters.term or filters.terms)
    if not (query or "").strip() and not asked:
        raise ToolInputError("검색어(query)나 조건(학기 포함)을 하나 이상 주세요.")
    result = ctx.retriever.retrieve(
        query or "", term=current, k=limit or ctx.k, filters=filters if asked else None, offset=offset or 0
    )
    payload, extra = search_payload(result)
    sections = [hit.section for hit in result.hits]
    return to_text(payload), sections_artifact("search", sections, query=query, **extra)


def _chosen_terms(ctx: CourseToolContext, term: str | None, terms: list[str] | str | None) -> list[str]:
    """The term(s) the model asked for, checked against the index (`term` and `terms` are one choice)."""
    held = list(ctx.index.terms())
    one = parse_term(term, held)
    several = parse_terms(terms, held)
    if one and several and several != [one]:
        raise ToolInputError("term과 terms 중 하나만 주세요 (학기 하나는 term, 여러 학기는 terms).")
    return [one] if one else several


def _filters(
    ctx: CourseToolContext, current: str | None, chosen: list[str], args: dict[str, Any]
) -> SearchFilters:
    """The tool's arguments as `SearchFilters`; a bad value raises `ToolInputError` naming its argument.
    Names are checked against the vocabulary of the term(s) searched. The term(s) the model chose win over any
    term the query names (none chosen: the retriever reads the query's, else uses `current`)."""
    vocab = ctx.index.vocabulary(chosen[0] if len(chosen) == 1 else (None if chosen else current))
    filters = SearchFilters(
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
    if chosen:
        filters.term, filters.terms = (chosen[0], []) if len(chosen) == 1 else (None, chosen)
    return filters
