"""Per-case verdicts and their aggregation. Pure functions, no I/O: easy to unit-test.

Definitions (the README's eval section repeats them):

- **recall@k**: the retrieved course codes are deduplicated in rank order (several sections of one course
  count once, at their best rank); recall@k = |gold ∩ top-k| / min(|gold|, k). Dividing by min(|gold|, k)
  lets a question with more gold courses than k ("경제학과 화목 전공 다 알려줘") reach 1 when every one of the
  top k is gold. Only cases with gold courses have it.
- **MRR**: 1 / rank of the first gold code in that deduplicated list, 0 when none is retrieved.
- **must_include**: the fraction of the case's facts found in the answer after `normalize_text` on both
  sides (NFKC, case-folded, all whitespace removed, times written `HH:MM`, `9시`/`9시 30분`/`9시 반` and
  `오후 1시` turned into `09:00`/`09:30`/`13:00`,
  a bare `1시`…`7시` read as afternoon (class hours), ranges with `~` or dashes unified to `-`, `3.0` -> `3`).
  A case passes when every fact is found. Cases without facts have no value.
- **abstention** (cases with empty gold): the answer abstains (one of `ABSTAIN_MARKERS` — "없습니다",
  "찾을 수 없", "찾지 못", "범위를 벗어", "답변드리기 어렵" ...) **and** cites no sources. One allowance:
  on a no-such-course case (not tagged `out-of-scope`), cited sections are accepted when the answer
  frames them as alternatives ("대신", "비슷한", "대안" ...: `ALTERNATIVE_MARKERS`); presenting a card
  as if it were the asked-for course ("양자요리학은 이 과목입니다") stays wrong, and an out-of-scope question
  ("오늘 날씨 어때?") must cite nothing. On cases with gold courses the abstention wording without any gold
  course among the sources gives `false_abstention` (the bot said "없습니다" although the course exists).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

ABSTAIN_MARKERS: tuple[str, ...] = (
    "없습니다", "없어요", "없네요", "찾을 수 없", "찾지 못", "찾을수없", "확인되지 않",
    "확인할 수 없", "검색되지 않", "검색 결과가 없", "개설되지 않", "개설된 과목이 없", "해당하는 과목이 없",
    "범위를 벗어", "범위 밖", "답변드리기 어렵", "답변드릴 수 없", "도와드릴 수 없", "도와드리기 어렵",
    "알려드릴 수 없", "답할 수 없", "답해 드릴 수 없", "수강 정보만", "알려드리기 어렵", "제공하지 않", "제공할 수 없", "정보가 없", "안내해 드릴 수 없",
    "수강편람 정보만", "강의 정보만", "과목 정보만", "수업 정보만",
    "no such course", "not found", "couldn't find", "could not find", "out of scope",
)
"""Phrases that mark "I have no such course / that is not something I answer". The last Korean ones
("... 정보만") catch the usual out-of-scope wording ("저는 수강편람의 과목 정보만 안내해요")."""


def dedupe(codes: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for code in codes:
        if code not in seen:
            seen.add(code)
            out.append(code)
    return out


def recall_at_k(retrieved: Sequence[str], gold: Sequence[str], k: int) -> float | None:
    """See the module doc; None when the case has no gold courses."""
    if not gold:
        return None
    if k < 1:
        raise ValueError("k must be >= 1")
    top = dedupe(retrieved)[:k]
    gold_set = set(gold)
    hits = sum(1 for code in top if code in gold_set)
    return hits / min(len(gold_set), k)


def reciprocal_rank(retrieved: Sequence[str], gold: Sequence[str]) -> float | None:
    if not gold:
        return None
    gold_set = set(gold)
    for rank, code in enumerate(dedupe(retrieved), start=1):
        if code in gold_set:
            return 1.0 / rank
    return 0.0


_TIME_SEP = re.compile(r"\s*[~〜～–—－\-]\s*")
_CLOCK = re.compile(r"(?<!\d)(\d{1,2}):(\d{2})(?!\d)")
_KO_TIME = re.compile(r"(오전|오후|낮|저녁|밤)?\s*(\d{1,2})\s*시(?!간)(?:\s*(\d{1,2})\s*분|\s*(반))?")
_TRAILING_ZERO = re.compile(r"(?<![\d.])(\d+)\.0(?![\d])")


def _ko_time(match: re.Match[str]) -> str:
    period, hour_s, minute_s, half = match.groups()
    hour = int(hour_s)
    minute = 30 if half else int(minute_s or 0)
    if period in ("오후", "저녁", "밤") and hour < 12:
        hour += 12
    elif period in ("낮", None) and 1 <= hour <= 7:
        hour += 12  # class times: a bare "1시" … "7시" means the afternoon
    if hour > 24 or minute > 59:
        return match.group(0)
    return f"{hour:02d}:{minute:02d}"


def normalize_text(text: str) -> str:
    """The comparison form used by `must_include` (see the module doc)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _KO_TIME.sub(_ko_time, text)
    text = _CLOCK.sub(lambda m: f"{int(m.group(1)):02d}:{m.group(2)}", text)
    text = _TIME_SEP.sub("-", text)
    text = _TRAILING_ZERO.sub(r"\1", text)
    return re.sub(r"\s+", "", text)


def must_include_found(answer: str, facts: Sequence[str]) -> list[bool]:
    """For each fact, whether the normalized answer contains it."""
    norm = normalize_text(answer)
    return [normalize_text(fact) in norm for fact in facts]


def must_include_score(answer: str, facts: Sequence[str]) -> float | None:
    if not facts:
        return None
    found = must_include_found(answer, facts)
    return sum(found) / len(found)


def says_abstain(answer: str) -> bool:
    norm = re.sub(r"\s+", "", unicodedata.normalize("NFKC", answer).casefold())
    return any(re.sub(r"\s+", "", marker.casefold()) in norm for marker in ABSTAIN_MARKERS)


ALTERNATIVE_MARKERS: tuple[str, ...] = ("대신", "대안", "비슷한", "유사한", "관련 과목", "관련된", "이런 과목은", "instead")
"""Phrases that frame cited sections as alternatives, not as the answer ("대신 이런 과목은 어때요?")."""


def offers_alternatives(answer: str) -> bool:
    norm = re.sub(r"\s+", "", unicodedata.normalize("NFKC", answer).casefold())
    return any(re.sub(r"\s+", "", marker) in norm for marker in ALTERNATIVE_MARKERS)


def abstention_correct(answer: str, source_codes: Sequence[str], *, allow_alternatives: bool = False) -> bool:
    """For an empty-gold case: the answer abstains in words, and cites nothing — or, when
    `allow_alternatives` (no-such-course cases; never out-of-scope ones), cites sections only while
    framing them as alternatives (`ALTERNATIVE_MARKERS`)."""
    if not says_abstain(answer):
        return False
    if not source_codes:
        return True
    return allow_alternatives and offers_alternatives(answer)


def mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
