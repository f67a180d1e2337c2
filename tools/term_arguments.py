"""The term arguments of the course tools (`term`, `terms`) -> term names the index holds, or a
`ToolInputError` naming the argument and listing the terms that exist.

A term may be written as the catalogs and students write it ("2024-1", "2024년 1학기", "2024 spring",
"2024 여름학기"); `terms` takes several, or "all" (also "전체", "*") for every term the index holds.
"""

from __future__ import annotations

from agent.catalog.terms import TermError, normalize_term, term_sort_key
from tools.context import ToolInputError

ALL_TERMS = frozenset({"all", "전체", "*", "모두", "every"})


def _held_text(held: list[str]) -> str:
    return ", ".join(sorted(held, key=term_sort_key)) or "없음"


def parse_term(value: str | None, held: list[str], field: str = "term") -> str | None:
    """One term the index holds; None passes through."""
    text = str(value or "").strip()
    if not text:
        return None
    try:
        term = normalize_term(text)
    except TermError:
        raise ToolInputError(
            f"{field} 값 '{text}'은(는) 학기로 읽을 수 없습니다. '2024-1', '2024-여름'처럼 주세요. "
            f"조회할 수 있는 학기: {_held_text(held)}"
        ) from None
    if held and term not in held:
        raise ToolInputError(f"{field} 값 '{text}'({term}) 학기는 수강편람에 없습니다. 조회할 수 있는 학기: {_held_text(held)}")
    return term


def parse_terms(value: list[str] | str | None, held: list[str]) -> list[str]:
    """Several terms the index holds, oldest first ("all": every one); [] when not given."""
    if value is None or value == [] or (isinstance(value, str) and not value.strip()):
        return []
    items = [value] if isinstance(value, str) else list(value)
    if any(str(item).strip().lower() in ALL_TERMS for item in items):
        return sorted(held, key=term_sort_key)
    if isinstance(value, str) and "," in value:
        items = value.split(",")
    terms = [parse_term(str(item), held, "terms") for item in items if str(item).strip()]
    return sorted({t for t in terms if t}, key=term_sort_key)
