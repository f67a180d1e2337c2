"""An answer's outcome for the metrics, read the way the eval's abstention check reads it (evals/metrics.py):
from its wording and whether it cites sources. Every refusal, decline and list of alternatives the bot
writes is worded so that check reads it (README: "What no catalog holds").

- `declined`: a request the bot does not serve (out of scope, coursework, facts no catalog holds); no
  sources.
- `no_match`: it found no such course or section and cites nothing ("…에 해당하는 강좌는 … 없어요").
- `alternatives`: it found nothing matching exactly and offers other courses instead (cites them).
- `answered`: everything else (the courses asked about, a timetable, a count).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Outcome = Literal["answered", "no_match", "alternatives", "declined"]
OUTCOMES: tuple[Outcome, ...] = ("answered", "no_match", "alternatives", "declined")

DECLINE_MARKERS = (
    "도와드릴 수 없", "도와드리기 어렵", "답할 수 없", "답변드릴 수 없", "답변드리기 어렵", "범위를 벗어",
    "수강편람에 그 정보는 없", "수강편람에 나와 있지 않", "정보만 안내", "알려드릴 수 없",
    "can't help", "cannot help", "out of scope", "couldn't find that in the catalog",
)
NO_MATCH_MARKERS = (
    "없어요", "없습니다", "없네요", "찾을 수 없", "찾지 못", "개설되지 않", "확인되지 않",
    "couldn't find", "could not find", "no such course", "not found", "isn't offered", "wasn't offered",
)
ALTERNATIVE_MARKERS = ("대신", "대안", "비슷한", "유사한", "관련 있어 보이는", "관련 과목", "instead", "similar")


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).casefold())


def _has(text: str, markers: tuple[str, ...]) -> bool:
    return any(_norm(marker) in text for marker in markers)


def answer_outcome(answer: str, source_count: int) -> Outcome:
    text = _norm(answer)
    if source_count == 0:
        if _has(text, DECLINE_MARKERS):
            return "declined"
        return "no_match" if _has(text, NO_MATCH_MARKERS) else "answered"
    if _has(text, NO_MATCH_MARKERS) and _has(text, ALTERNATIVE_MARKERS):
        return "alternatives"
    return "answered"
