"""Search mode: "더 보기" / "more" — the question a list answered, again, from where its answer stopped.

A cut list ends with "나머지 37개는 '더 보기'라고 하시면 13번째부터 보여 드려요." (English: "… from #13."):
`next_offset` reads that position back from the answer text, as `conversation` reads citations back, so a
client that keeps only text history can page too. The API's `offset` field says the same explicitly; it is
what `search_courses` falls back to when the planner gives no offset.
"""

from __future__ import annotations

import re

from agent.search_mode.conversation import History

# The whole turn asks for the rest: "더 보기", "나머지도 보여줘", "다음", "more", "show me the rest", "next page".
_ASKING = (
    r"더\s*(?:보기|볼래|봐|보여\s*(?:줘|주세요|줄래\??))", r"더\s*알려\s*(?:줘|주세요)",
    r"나머지(?:도|는)?\s*(?:보여|알려)?\s*(?:줘|주세요)?", r"다음\s*(?:거|것|페이지)?\s*(?:보여\s*(?:줘|주세요))?",
    r"(?:show\s+(?:me\s+)?)?(?:more|the\s+rest)(?:\s+please)?", r"next(?:\s+page)?",
)
MORE = re.compile(r"^\s*(?:" + "|".join(_ASKING) + r")\s*[.!?~]*\s*$", re.IGNORECASE)
# How our answers say where the rest starts (messages.toml, [totals.next]).
_NEXT_AT = re.compile(r"(\d+)\s*번째부터|from\s+#(\d+)")
# How our answers cite a course: an answer in this form that has no "from" marker showed everything.
_OUR_CITATION = re.compile(r"\((?:과목번호|code)\s")


def asks_more(text: str) -> bool:
    """"더 보기", "나머지도 보여줘", "more", "show me the rest": the whole turn asks for the rest of a list."""
    return bool(MORE.match(text))


def next_offset(answer: str) -> int | None:
    """Where the rest of the list an answer showed starts (0-based), or None when it says nothing of it."""
    found = _NEXT_AT.findall(answer or "")
    if not found:
        return None
    korean, english = found[-1]
    return max(0, int(korean or english) - 1)


def showed_everything(answer: str) -> bool:
    """An answer of ours (it cites in our form) with no rest to show."""
    return bool(_OUR_CITATION.search(answer or "")) and next_offset(answer) is None


def continued(history: History) -> tuple[str, History, str] | None:
    """The question being continued (the newest user turn that is not itself a "더 보기"), the history
    before it, and the newest answer after it that listed courses (it says where the rest starts; a reply
    such as "더 보여 드릴 강좌가 없어요" in between lists nothing). None when nothing was asked yet."""
    for i in range(len(history) - 1, -1, -1):
        role, text = history[i]
        if role == "user" and not asks_more(text):
            answers = [t for r, t in history[i + 1 :] if r == "assistant"]
            listed = [t for t in answers if _OUR_CITATION.search(t) or next_offset(t) is not None]
            return text, tuple(history[:i]), (listed or answers or [""])[-1]
    return None
