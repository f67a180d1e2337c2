"""What `search_courses` tells the model (and search mode) about the terms a result comes from, and about
class periods read without the catalog's own table.

The model is told which term(s) it reads, and what its answer must say: the term, when it is not the
current one ("2024-1학기 기준"); that a term the student named is not in the catalog, and which one was used
instead; that results from several terms are to be answered term by term; how "N교시" was read when the
catalog has no period table.
"""

from __future__ import annotations

from typing import Any

from agent.catalog.models import hhmm
from agent.query.term_arithmetic import is_later_than_all


def term_payload(result: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """(what the model reads, the artifact extras search mode reads)."""
    scope = result.scope
    searched = list(scope.searched)
    payload: dict[str, Any] = {"terms": searched} if len(searched) > 1 else {"term": result.term}
    if scope.tallies:
        payload["by_term"] = [tally.model_dump() for tally in scope.tallies]
    if scope.renames:  # a code whose course name changed: say it when the answer spans both names
        payload["renamed"] = [rename.model_dump() for rename in scope.renames]
    note = _term_note(scope, searched)
    if note:
        payload["term_note"] = note
    periods = [(n, start) for n, start in result.parsed.assumed_periods]
    if periods:
        read = ", ".join(f"{n}교시={hhmm(start)} 시작" for n, start in periods)
        payload["period_note"] = (f"이 수강편람에는 교시표가 없어 교시를 1시간 단위(1교시 09:00)로 읽었습니다 ({read}). "
                                  "답변에 이 해석을 밝히세요.")
    extra = {
        "term_scope": scope.model_dump(),
        "missing_term_later": bool(scope.missing) and _later(scope.missing, scope.held),
        "assumed_periods": periods,
    }
    return payload, extra


def _term_note(scope: Any, searched: list[str]) -> str | None:
    held = ", ".join(scope.held)
    if scope.absent:
        return (f"'{', '.join(scope.absent)}'은(는) {scope.absent_from} 학기에 열리지 않습니다. 결과는 그 과목이 열린 학기"
                f"({', '.join(searched)})의 분반입니다. 답변 첫머리에 {scope.absent_from} 학기에는 열리지 않는다는 것과 "
                "가장 최근에 열린 학기·교수를 밝히고, 다른 강좌를 그 과목인 것처럼 소개하지 마세요.")
    if scope.missing:
        return (f"질문의 {scope.missing} 학기는 수강편람에 없어 {scope.current} 학기 기준으로 찾았습니다. 답변 첫머리에 "
                f"그 학기 정보가 없다는 것과 {scope.current} 학기 기준임을 밝히세요. (있는 학기: {held})")
    if len(searched) > 1:
        return f"여러 학기({searched[0]}~{searched[-1]})의 결과입니다. 각 결과의 term을 보고 학기별로 나눠 답하세요."
    if scope.across and len(scope.held) == 1:
        return f"수강편람에는 {scope.held[0]} 학기 정보만 있습니다. 다른 학기 정보는 없다고 밝히세요."
    if searched and searched[0] != scope.current:
        return f"{searched[0]} 학기 기준 결과입니다 (기본 학기는 {scope.current}). 답변에 학기를 밝히세요."
    return None


def _later(missing: str, held: list[str]) -> bool:
    """Whether the missing term (or year) lies after every held term: not published yet ("아직")."""
    last = missing.split("~")[-1]  # a range: its end
    term = last if "-" in last else f"{last}-1"
    return is_later_than_all(term, held)
