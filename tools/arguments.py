"""Tool arguments as the model writes them -> exact values, or a `ToolInputError` naming the argument.

Shared by the course tools: times ("13:30", "9시"), days ("화목", ["화요일"]), department and professor names
resolved against the catalog's vocabulary, a recommended year, a page size and offset; level, delivery and
language words read with the question parser's own table (`agent.query.offering_words`), so that both modes
mean the same by "대학원" or "온라인".
"""

from __future__ import annotations

import difflib
import re

from agent.catalog.models import DAYS
from agent.query.offering_words import SlotValue, known_words, slot_value
from tools.context import ToolInputError

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


def parse_year(value: int | list[int] | None) -> list[int] | None:
    """One recommended year or several ([3, 4]: any of them), as a sorted list; None when not given."""
    if value is None:
        return None
    values = value if isinstance(value, list) else [value]
    bad = [v for v in values if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 6]
    if bad or not values:
        raise ToolInputError(f"year는 1에서 6 사이의 학년(또는 그 목록)이어야 합니다: {value!r}")
    return sorted(set(values))


def check_page(limit: int | None, offset: int | None) -> None:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT):
        raise ToolInputError(f"limit은 1에서 {MAX_LIMIT} 사이여야 합니다: {limit!r}")
    if offset is not None and (isinstance(offset, bool) or not isinstance(offset, int) or offset < 0):
        raise ToolInputError(f"offset은 0 이상의 정수여야 합니다: {offset!r}")


def parse_rooms(value: list[str] | str | None) -> list[str]:
    """"정보과학관 21304" / ["K201", "D402"] / "정보과학관" (a building) -> rooms; blank items are an error."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    rooms = [str(item).strip().removesuffix("호").removesuffix("호실").strip() for item in items]
    if any(not room for room in rooms):
        raise ToolInputError(f"room에 빈 값이 있습니다: {value!r}. 강의실(예: 'K201')이나 건물 이름을 주세요.")
    return rooms


def parse_credits(value: float | None, argument: str = "credits") -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 30:
        raise ToolInputError(f"{argument}는 0보다 크고 30 이하인 학점이어야 합니다: {value!r}")
    return float(value)


def parse_credit_list(value: list[float] | float | None, argument: str) -> list[float]:
    """One or several credit values (each as `parse_credits` checks it); [] when not given."""
    values = [] if value is None else value if isinstance(value, list) else [value]
    return [credits for v in values if (credits := parse_credits(v, argument)) is not None]


def parse_category(value: str | None, categories: list[str], argument: str = "category") -> str | None:
    """A category word (전필, 전공선택, 교양 ...) that occurs in the term's categories; an unknown one is an
    error listing a few that exist, and a catalog with no categories (Sogang) says so."""
    text = (value or "").strip()
    if not text:
        return None
    if not categories:
        raise ToolInputError(
            f"{argument} '{text}': 이 학기 수강편람에는 이수구분이 없습니다. 학과(department)로 찾아 주세요.")
    if not any(text in category for category in categories):
        known = ", ".join(sorted({c.split("[")[-1].rstrip("]") for c in categories})[:8])
        raise ToolInputError(f"{argument} '{text}'에 해당하는 이수구분이 이 학기에 없습니다. 있는 값: {known}")
    return text


def as_list(value: list[str] | str | None) -> list[str]:
    """"경영학과" or ["경영학과", "회계학과"] -> a list of non-blank strings."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [str(item).strip() for item in items if str(item).strip()]


def resolve_many(value: list[str] | str | None, vocabulary: list[str], what: str) -> list[str]:
    """Several names (`resolve_names` each): every exact vocabulary value they stand for."""
    found: list[str] = []
    for item in as_list(value):
        found.extend(name for name in resolve_names(item, vocabulary, what) if name not in found)
    return found


def parse_words(value: list[str] | str | None, field: str, argument: str) -> list[SlotValue]:
    """Level ("대학원", "학부", "석사"), delivery ("온라인", "녹화", "대면") or language ("영·한혼합") words, each
    as the parser reads it; an unknown word is an error naming `argument` and the words that work."""
    values: list[SlotValue] = []
    for item in as_list(value):
        found = slot_value(field, item)
        if found is None:
            raise ToolInputError(
                f"{argument} 값 '{item}'을(를) 이해하지 못했습니다. 쓸 수 있는 값: {', '.join(known_words(field))}")
        values.append(found)
    return values


def parse_language(value: str | None, argument: str) -> tuple[bool | None, list[SlotValue]]:
    """"영어"/"English" -> English-taught (the `english` flag), "한국어"/"Korean" -> not English-taught (catalogs
    rarely state 한국어), anything else a language word (영·한혼합, 중국어)."""
    word = (value or "").strip().lower()
    if not word:
        return None, []
    if word in ("영어", "english", "영어강의"):
        return True, []
    if word in ("한국어", "korean", "국어"):
        return False, []
    return None, parse_words(value, "languages", argument)


def parse_seats(value: bool | None) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise ToolInputError(f"seats는 true(여석 있는 분반만) 또는 false여야 합니다: {value!r}")
    return value


def parse_categories(value: list[str] | str | None, categories: list[str], argument: str) -> list[str]:
    return [word for item in as_list(value) if (word := parse_category(item, categories, argument))]


def parse_series(value: str | int | None) -> str | None:
    """"4000" / 4000 / "4000번대" -> "4000"; anything else is an error naming `code_series`."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().removesuffix("번대").strip()
    if not re.fullmatch(r"[1-9]0{1,3}", text):
        raise ToolInputError(f"code_series는 '4000'이나 '300'처럼 첫 자리만 있고 나머지가 0인 번호여야 합니다: {value!r}")
    return text
