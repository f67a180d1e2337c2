"""How a section is offered: delivery mode and language of instruction, normalized into the closed sets
of `agent.catalog.models` (`Delivery`, `Language`).

Source words are matched whole (after dropping spaces and case), never as substrings: '비대면' holds
'대면' but means the opposite. A word outside the table raises `ValueError` naming the accepted words, so
the loader can warn and leave the field empty instead of guessing.
"""

from __future__ import annotations

import re
from typing import TypeVar

from agent.catalog.models import Delivery, Language

T = TypeVar("T")

DELIVERY_WORDS: dict[str, Delivery] = {
    **dict.fromkeys(("대면", "오프라인", "대면수업", "in-person", "inperson", "offline", "face-to-face"), "대면"),
    **dict.fromkeys(("대면+녹화", "혼합", "혼합형", "블렌디드", "블렌디드러닝", "blended", "hybrid"), "혼합"),
    **dict.fromkeys(("녹화", "동영상", "사이버", "recorded", "video"), "녹화"),
    **dict.fromkeys(("원격", "온라인", "비대면", "실시간", "실시간온라인", "online", "remote", "live"), "원격"),
}
LANGUAGE_WORDS: dict[str, Language] = {
    **dict.fromkeys(("한국어", "국어", "한", "korean", "kor", "ko"), "한국어"),
    **dict.fromkeys(("영어", "영", "영어강의", "english", "eng", "en"), "영어"),
    **dict.fromkeys(("영·한혼합", "영한혼합", "영·한", "영한", "한영", "bilingual", "mixed",
                     "korean+english", "english+korean"), "영·한혼합"),
    **dict.fromkeys(("중국어", "중국어강의", "chinese", "zh"), "중국어"),
}


def _key(text: str) -> str:
    # other middle dots (ㆍ, ・) as '·'; '대면/녹화' as '대면+녹화'
    return re.sub(r"\s+", "", text).lower().replace("ㆍ", "·").replace("・", "·").replace("/", "+")


def _lookup(words: dict[str, T], text: str | None, what: str, expected: str) -> T | None:
    if not text or not text.strip():
        return None
    found = words.get(_key(text))
    if found is None:
        raise ValueError(f"unknown {what} {text.strip()!r} (expected one of: {expected})")
    return found


def normalize_delivery(text: str | None) -> Delivery | None:
    """'대면+녹화' -> '혼합', 'online' -> '원격'; empty -> None; an unknown word raises ValueError."""
    return _lookup(DELIVERY_WORDS, text, "delivery", "대면, 혼합 (대면+녹화), 녹화, 원격")


def normalize_language(text: str | None) -> Language | None:
    """'English' -> '영어', '영·한혼합' -> '영·한혼합'; empty -> None; an unknown word raises ValueError."""
    return _lookup(LANGUAGE_WORDS, text, "language", "한국어, 영어, 영·한혼합, 중국어")


# Words a free-text remark uses for how a course is taught (Sogang's 비고: "비대면_실시간", "※혼합형",
# "대면_1박2일 합숙형", "온라인 실시간강의 및 녹화강의(50%)"). '비대면' is matched before '대면' can be.
_REMARK_ONLINE = re.compile(r"비대면|원격|온라인|사이버|online|zoom", re.IGNORECASE)
_REMARK_RECORDED = re.compile(r"녹화|동영상|recorded", re.IGNORECASE)
_REMARK_MIXED = re.compile(r"혼합형|하이브리드|블렌디드|hybrid|blended", re.IGNORECASE)
_REMARK_IN_PERSON = re.compile(r"(?<!비)대면(?!적)")


def delivery_in_remark(text: str | None) -> Delivery | None:
    """How a remark says a section is taught, or None when it says nothing of it: a mixed-mode word, or
    in person together with online, is '혼합'; recorded lectures (even beside live ones) '녹화'; online
    alone '원격'; in person alone '대면'."""
    if not text:
        return None
    online = bool(_REMARK_ONLINE.search(text))
    recorded = bool(_REMARK_RECORDED.search(text))
    in_person = bool(_REMARK_IN_PERSON.search(text))
    if _REMARK_MIXED.search(text) or (in_person and (online or recorded)):
        return "혼합"
    if recorded:
        return "녹화"
    if online:
        return "원격"
    return "대면" if in_person else None
