"""What `search_courses` tells the model about a retrieval: the page of sections, the true totals, and a
note when the sections are not an exact answer (relaxed conditions, a name the catalog lacks)."""

from __future__ import annotations

import re
from typing import Any

from tools.records import section_record
from tools.term_payload import term_payload

_PARTICLE_END = re.compile(r"(?:이랑|하고|에서|에는|으로|을|를|이|가|은|는|도|만|랑|에|의|로)$")
RELAXED_NOTE = ("요청한 조건에 정확히 맞는 강좌가 없어 {dropped} 조건을 빼고 찾은 대안입니다. "
                "답변에서 정확히 맞는 강좌는 없다고 먼저 밝히세요.")
MISSING_NOTE = ("'{name}'에 해당하는 강좌는 목록에 없습니다. 아래는 관련 있어 보이는 다른 강좌이니, "
                "없다고 먼저 밝히고 대안으로만 소개하세요.")


def search_payload(result: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the JSON the model reads, the artifact extras the search-mode writer and the API read)."""
    sections = [hit.section for hit in result.hits]
    relaxed = relaxed_labels(result.relaxed)
    exact = bool(result.exact) and not relaxed
    payload: dict[str, Any] = {"count": len(sections), "exact": exact, **_totals(result, len(sections))}
    payload["results"] = [section_record(s) for s in sections]
    missing = [as_written(name, result.parsed.question) for name in result.missing]
    payload.update(_note(sections, exact, relaxed, missing))
    terms, term_extra = term_payload(result)
    payload.update(terms)
    extra = {
        **term_extra,
        "relaxed": relaxed, "exact": exact, "understood": list(result.parsed.notes),
        "course_names": list(result.parsed.course_names), "filters": result.filters,
        "missing": missing if not exact else [], "total_sections": result.total_sections,
        "total_courses": result.total_courses, "offset": result.offset, "anchored": result.anchored,
        "matched_on_page": result.matched_on_page,
    }
    return payload, extra


def _note(sections: list, exact: bool, relaxed: list[str], missing: list[str]) -> dict[str, Any]:
    if not sections:
        if missing:
            return {"missing": missing, "note": f"'{missing[0]}'에 해당하는 강좌는 목록에 없습니다."}
        return {"note": "조건에 맞는 강좌가 없습니다."}
    if missing and not exact:
        return {"missing": missing, "note": MISSING_NOTE.format(name=missing[0])}
    if relaxed:
        return {"relaxed": relaxed, "note": RELAXED_NOTE.format(dropped=", ".join(relaxed))}
    if not exact:
        return {"note": "질문에서 강좌 조건을 특정하지 못해, 질문과 관련 있어 보이는 강좌를 찾았습니다."}
    return {}


def _totals(result: Any, shown: int) -> dict[str, Any]:
    """The true size of the matching set and where this page sits in it (absent when the list is only the
    sections most related to the question's words: there is no set to count)."""
    total = result.total_sections
    if total is None:
        return {"related_only": True}
    out: dict[str, Any] = {"total_sections": total, "total_courses": result.total_courses, "offset": result.offset}
    if result.offset + shown < total:
        out["next_offset"] = result.offset + shown
    return out


def relaxed_labels(relaxed: Any) -> list[str]:
    """The retriever reports dropped constraints as a list (of names or descriptions) or a flag."""
    if not relaxed:
        return []
    if isinstance(relaxed, (list, tuple, set)):
        return [str(item) for item in relaxed]
    if isinstance(relaxed, str):
        return [relaxed]
    return ["일부 조건"]


def as_written(topic: str, question: str) -> str:
    """The question's own word for a name the parser shortened ("우주항공학" -> "우주항공학과"), without a
    trailing particle."""
    match = re.search(r"[0-9A-Za-z가-힣]*" + re.escape(topic) + r"[0-9A-Za-z가-힣]*", question)
    if not match:
        return topic
    word = match.group(0)
    stripped = _PARTICLE_END.sub("", word)
    return stripped if len(stripped) >= len(topic) else word
