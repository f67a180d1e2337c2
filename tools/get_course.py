"""`get_course`: exact lookup of a course code (every section of it)."""

from __future__ import annotations

import re
from typing import Any

from langchain.tools import ToolRuntime
from langchain_core.tools import tool

from tools.context import CourseToolContext, ToolInputError
from tools.records import section_record, sections_artifact, to_text
from tools.term_arguments import parse_term

_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]{1,30}$")


def normalize_code(code: str) -> str:
    """Strip what models and students add around a code: spaces, brackets, a '과목번호' prefix."""
    text = str(code or "").strip().strip("[]()'\"")
    text = re.sub(r"^(과목번호|코드|code)\s*[:：]?\s*", "", text, flags=re.IGNORECASE)
    return text.replace(" ", "").upper()


@tool("get_course", response_format="content_and_artifact", parse_docstring=True)
def get_course(
    code: str,
    runtime: ToolRuntime[CourseToolContext],
    section: str | None = None,
    term: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """과목번호로 강좌를 정확히 조회합니다. 그 과목의 모든 분반(교수, 시간, 강의실, 학점)을 돌려줍니다.

    Args:
        code: 과목번호 (예: "2150012301", "CSE2003").
        section: 특정 분반만 보려면 분반 (예: "01"). 비우면 모든 분반.
        term: 학기 (예: "2026-1"). 비우면 기본 학기.
    """
    ctx: CourseToolContext = runtime.context
    normalized = normalize_code(code)
    if not _CODE.match(normalized):
        raise ToolInputError(f"'{code}'은(는) 과목번호 형식이 아닙니다. 숫자/영문으로 된 과목번호를 주세요.")
    resolved_term = ctx.resolve_term(parse_term(term, list(ctx.index.terms())))  # "2024년 1학기" reads too
    sections = ctx.index.get_course(normalized, term=resolved_term)
    if not sections and normalized != str(code).strip():
        sections = ctx.index.get_course(str(code).strip(), term=resolved_term)
    if not sections:
        elsewhere = offered_elsewhere(ctx, normalized, resolved_term)
        if elsewhere is not None:
            return elsewhere
        raise ToolInputError(
            f"과목번호 '{code}'인 강좌가 {resolved_term or '현재'} 학기 목록에 없습니다. "
            "과목명으로 search_courses를 사용해 보세요."
        )
    if section:
        chosen = [s for s in sections if s.is_section(str(section))]
        if not chosen:
            available = ", ".join(s.number for s in sections if s.number) or "없음"
            raise ToolInputError(f"'{code}'에는 {section}분반이 없습니다. 있는 분반: {available}")
        sections = chosen
    payload = {"code": normalized, "count": len(sections), "sections": [section_record(s) for s in sections]}
    return to_text(payload), sections_artifact("lookup", sections, code=normalized)


def offered_elsewhere(
    ctx: CourseToolContext, code: str, term: str | None
) -> tuple[str, dict[str, Any]] | None:
    """A code the term lacks that other terms of the index hold: the sections of the newest term that has
    it, said to be from there (`absent_from`, and the terms that had it in `term_scope`, as `search_courses`
    reports a course the term asked about lacks). None when no term holds it."""
    from agent.index.base import SearchHit
    from agent.query.term_arithmetic import chronological
    from agent.retrieval.history import renames, tally_terms

    every = [s for s in ctx.index.get_course(code, None) if s.term != term]
    if term is None or not every:
        return None
    held = chronological(ctx.index.terms())
    tallies = tally_terms([SearchHit(section=s, score=1.0, matched_by="code") for s in every])
    newest = tallies[-1].term
    shown = [s for s in every if s.term == newest]
    offered = [t.term for t in tallies]
    payload = {
        "code": code, "count": len(shown), "absent_from": term, "term": newest, "offered_in": offered,
        "note": f"과목번호 {code}는 {term} 학기에 열리지 않습니다. 아래는 가장 최근에 열린 {newest} 학기의 분반입니다 "
                f"(열린 학기: {', '.join(offered)}). 답변 첫머리에 {term} 학기에는 없다는 것을 밝히세요.",
        "sections": [section_record(s) for s in shown],
    }
    scope = {"current": ctx.resolve_term(None), "searched": offered, "held": held, "absent": [code],
             "absent_from": term, "tallies": [t.model_dump() for t in tallies],
             "renames": [r.model_dump() for r in renames(ctx.index, every)]}
    ordered = sorted(every, key=lambda s: offered.index(s.term), reverse=True)  # newest term first
    return to_text(payload), sections_artifact("lookup", ordered, code=code, term_scope=scope)
