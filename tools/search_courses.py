"""`search_courses`: course search by free text and every condition the question parser understands.

Both modes reach the same conditions: the keyless search mode gets them from the parser, HyperCLOVA X writes
them as arguments (days, excluded days, start and end bounds, rooms or buildings, professor, department,
credits, English-taught, category, recommended year, level, delivery, language, grading, the catalog's marks
(CU공유대학, Honors ...), seats, and what is ruled out: professors, departments, categories, levels, delivery
modes, languages, gradings, marks; a term or several), and the result says the true size of the matching set with this page of it (`total_sections`,
`total_courses`, `offset`, `next_offset`).
"""

from __future__ import annotations

from typing import Any

from langchain.tools import ToolRuntime
from langchain_core.tools import tool

from agent.index.base import SearchFilters, Vocabulary
from tools.arguments import (
    check_page,
    parse_categories,
    parse_category,
    parse_credit_list,
    parse_credits,
    parse_days,
    parse_language,
    parse_rooms,
    parse_seats,
    parse_time,
    parse_words,
    parse_series,
    parse_year,
    resolve_many,
    resolve_names,
)
from tools.context import CourseToolContext, ToolInputError
from tools.records import sections_artifact, to_text
from tools.search_payload import search_payload
from tools.term_arguments import parse_term, parse_terms


@tool("search_courses", response_format="content_and_artifact", parse_docstring=True)
def search_courses(
    query: str, runtime: ToolRuntime[CourseToolContext], department: str | None = None,
    days: list[str] | str | None = None, exclude_days: list[str] | str | None = None,
    start_after: str | None = None, start_before: str | None = None, end_before: str | None = None,
    end_after: str | None = None,
    professor: str | None = None, credits: float | None = None, exclude_credits: list[float] | float | None = None,
    english: bool | None = None,
    category: str | None = None, year: int | list[int] | None = None, code_series: str | None = None,
    room: list[str] | str | None = None,
    level: list[str] | str | None = None, delivery: list[str] | str | None = None, language: str | None = None,
    seats: bool | None = None, exclude_professor: list[str] | str | None = None,
    exclude_department: list[str] | str | None = None, exclude_category: list[str] | str | None = None,
    exclude_level: list[str] | str | None = None, exclude_delivery: list[str] | str | None = None,
    exclude_language: list[str] | str | None = None, grading: list[str] | str | None = None,
    exclude_grading: list[str] | str | None = None, flag: list[str] | str | None = None,
    exclude_flag: list[str] | str | None = None, term: str | None = None,
    terms: list[str] | str | None = None, limit: int | None = None, offset: int | None = None,
) -> tuple[str, dict[str, Any]]:
    """수강편람에서 강좌(분반)를 검색합니다. 과목명, 주제, 약어(자구, 운체), 교수, 학과, 요일, 시간, 강의실, 과정, 수업 방식으로 찾습니다.

    Args:
        query: 학생의 질문이나 검색어 (예: "화목 오전 경영학과 전공", "데이터베이스").
        department: 개설학과 이름 (예: "컴퓨터학부"). 모르면 비워 두세요.
        days: 수업이 있어야 하는 요일 목록 (예: ["화", "목"] 또는 "화목").
        exclude_days: 수업이 없어야 하는 요일 목록 (예: 금공강이면 ["금"]).
        start_after: 모든 수업이 이 시각 이후에 시작 (HH:MM, 예: "12:00").
        start_before: 모든 수업이 이 시각 이전에 시작 (HH:MM, 예: "11:59").
        end_before: 모든 수업이 이 시각 이전에 끝남 (HH:MM, 예: "18:00").
        end_after: 어느 수업이든 이 시각 이후에 끝남 (HH:MM, 예: "22:00": 늦게 끝나는 분반).
        professor: 교수 이름.
        credits: 학점 (예: 3).
        exclude_credits: 빼야 하는 학점 목록 (예: "3학점 아닌 교양"이면 [3]).
        english: 영어강의만 찾으려면 true, 영어강의를 빼려면 false.
        category: 이수구분 (전필, 전선, 전기, 교필, 교선, 교양, 전공 등). 이수구분이 없는 수강편람이면 오류가 납니다.
        year: 권장 학년 (1~6, 예: "3학년 전공"이면 3; 여러 학년이면 목록: "3,4학년"이면 [3, 4]). 전체학년 강좌도 포함됩니다.
        code_series: 과목번호 단위 (예: "4000번대 과목"이면 "4000": 번호가 4로 시작하는 네 자리).
        room: 강의실이나 건물 (예: "K201", "정보과학관 21304", "정보과학관").
        level: 과정 ("학부"는 대학원 강좌 제외, "대학원", "석사", "박사").
        delivery: 수업 방식 ("온라인"은 원격·녹화, "녹화", "혼합", "대면"은 원격·녹화 제외).
        language: 강의 언어 ("영·한혼합", "중국어"; "영어"는 english=true, "한국어"는 english=false와 같음).
        seats: true면 수강편람 기준 여석이 남은 분반만 (수강편람을 만든 시점의 값이며 실시간이 아님).
        exclude_professor: 빼야 하는 교수 이름 (목록 가능, 예: "김교수님 말고").
        exclude_department: 빼야 하는 개설학과 (목록 가능).
        exclude_category: 빼야 하는 이수구분 (예: "전공 말고"면 "전공").
        exclude_level: 빼야 하는 과정 (예: "대학원 수업 말고"면 "대학원").
        exclude_delivery: 빼야 하는 수업 방식 (예: "원격 말고"면 "원격").
        exclude_language: 빼야 하는 강의 언어 (예: "영·한혼합").
        grading: 비고에 적힌 성적 평가 방식 ("절대평가", "상대평가", "P/F"; S/U는 P/F). 비고에 없으면 그 분반은 빠집니다.
        exclude_grading: 빼야 하는 성적 평가 방식 (예: "P/F 말고"면 "P/F").
        flag: 수강편람의 분반 구분 ("CU공유대학", "Honors", "승인과목", "국제학생"; 목록이면 모두 해당).
            이 구분이 없는 수강편람(숭실대 등)에서는 아무 분반도 해당하지 않습니다.
        exclude_flag: 빼야 하는 분반 구분 (예: "honors 말고"면 "Honors").
        term: 학기 하나 (예: "2024-1", "2024-여름"). 비우면 질문에 적힌 학기, 없으면 기본 학기.
        terms: 여러 학기 (예: ["2023-1", "2024-1"]) 또는 "all"(모든 학기: "예전에도 열렸어?"). 결과는 학기별로 답하세요.
        limit: 돌려받을 최대 강좌 수 (1~20). 비우면 기본값.
        offset: 결과 목록에서 건너뛸 개수 (더 보기: 앞 결과의 next_offset). 비우면 처음부터(요청에 위치가 있으면 그 위치부터).
    """
    args = {name: value for name, value in locals().items() if name not in ("query", "runtime")}
    return _search(runtime.context, query, args)


def _search(ctx: CourseToolContext, query: str, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    check_page(args["limit"], args["offset"])
    current = ctx.resolve_term(None)  # the request's term, else the newest: what the question is read against
    chosen = _chosen_terms(ctx, args["term"], args["terms"])
    # Names are checked against the vocabulary of the term(s) searched.
    vocab = ctx.index.vocabulary(chosen[0] if len(chosen) == 1 else (None if chosen else current))
    filters = _filters(vocab, args, _professors(ctx, vocab, args["professor"]))
    _add_offering_and_exclusions(filters, vocab, args)
    if chosen:  # the term(s) the model chose win over any term the query names
        filters.term, filters.terms = (chosen[0], []) if len(chosen) == 1 else (None, chosen)
    asked = not filters.is_empty() or bool(filters.term or filters.terms)
    if not (query or "").strip() and not asked:
        raise ToolInputError("검색어(query)나 조건(학기 포함)을 하나 이상 주세요.")
    result = ctx.retriever.retrieve(
        query or "", term=current, k=args["limit"] or ctx.k, filters=filters if asked else None,
        offset=args["offset"] if args["offset"] is not None else ctx.offset or 0,
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


def _professors(ctx: CourseToolContext, vocab: Vocabulary, professor: str | None) -> list[str]:
    """The professors a `professor` argument is checked against: the term's, or every term's when the name is
    not among the term's (a professor who taught in other terms is no error: the term has none of theirs)."""
    name = (professor or "").strip()
    if not name or name in vocab.professors:
        return vocab.professors
    return sorted({*vocab.professors, *ctx.index.vocabulary(None).professors})


def _filters(vocab: Vocabulary, args: dict[str, Any], professors: list[str]) -> SearchFilters:
    """The tool's arguments as `SearchFilters`; a bad value raises `ToolInputError` naming its argument."""
    years = parse_year(args["year"]) or []
    return SearchFilters(
        departments=resolve_names(args["department"], vocab.departments, "department(학과)"),
        professors=resolve_names(args["professor"], professors, "professor(교수)"),
        days=parse_days(args["days"], "days"),
        exclude_days=parse_days(args["exclude_days"], "exclude_days"),
        start_after=parse_time(args["start_after"], "start_after"),
        start_before=parse_time(args["start_before"], "start_before"),
        end_before=parse_time(args["end_before"], "end_before"),
        end_after=parse_time(args["end_after"], "end_after"),
        credits=parse_credits(args["credits"]),
        exclude_credits=parse_credit_list(args["exclude_credits"], "exclude_credits"),
        english=args["english"],
        category=parse_category(args["category"], vocab.categories),
        year=years[0] if len(years) == 1 else None,  # one year, or several any of which ([3, 4])
        years=years if len(years) > 1 else [],
        code_series=parse_series(args["code_series"]),
        rooms=parse_rooms(args["room"]),
    )


def _add_offering_and_exclusions(filters: SearchFilters, vocab: Vocabulary, args: dict[str, Any]) -> None:
    """Level, delivery, grading, marks, language and seats, and what is ruled out: each read as the question parser
    reads the same words (`agent.query.offering_words`), each bad value an error naming its argument."""
    words = (("levels", "level"), ("delivery", "delivery"), ("grading", "grading"), ("flags", "flag"))
    for field, argument in words:
        for word in parse_words(args[argument], field, argument):
            word.apply(filters)
        for word in parse_words(args[f"exclude_{argument}"], field, f"exclude_{argument}"):
            word.apply(filters, negated=True)
    english, languages = parse_language(args["language"], "language")
    if english is not None:
        if filters.english is not None and filters.english != english:
            raise ToolInputError(f"language '{args['language']}'와 english={filters.english}가 서로 맞지 않습니다.")
        filters.english = english
    for word in languages:
        word.apply(filters)
    for word in parse_words(args["exclude_language"], "languages", "exclude_language"):
        word.apply(filters, negated=True)
    filters.has_seats = parse_seats(args["seats"])
    filters.exclude_professors = resolve_many(args["exclude_professor"], vocab.professors, "exclude_professor(교수)")
    filters.exclude_departments = resolve_many(
        args["exclude_department"], vocab.departments, "exclude_department(학과)")
    filters.exclude_categories = parse_categories(args["exclude_category"], vocab.categories, "exclude_category")

