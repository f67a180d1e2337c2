"""What a follow-up's words point back at beyond the course: the place the last answer named ("거기서"), a time
the student rules out ("9시 수업 말고"), and the year of the conversation's term ("여름학기는?" after a question
about 2023's winter session), and the meeting time of the section it was about ("같은 시간에 하는 다른 과목").
`followup` folds them into the thread it continues."""

from __future__ import annotations

import re
from dataclasses import replace

from agent.index.base import SearchFilters, Vocabulary
from agent.query.term_arithmetic import make_term, split_term
from agent.search_mode.conversation import named_rooms
from agent.search_mode.thread import Thread


# A question that says which year: a year ("2023", "23년"), or a year counted from now ("작년", "올해", "last year").
_SAYS_YEAR = re.compile(r"\d{2}|작년|재작년|지난\s*해|전년|올해|금년|내년|이번|지난|다음|\b(?:last|this|next)\b|\byear\b", re.I)


def in_thread_year(text: str, before: Thread, term: str | None, vocabulary: Vocabulary | None) -> str | None:
    """"여름학기는?" after a question about 2023's winter session: that year's summer, not the newest summer
    (the question names a season, the thread the year); the term as read when it said a year, or the catalog
    lacks that year's term."""
    thread_term = split_term(before.conditions.term or "")
    asked = split_term(term or "")
    if not (thread_term and asked) or term == before.conditions.term or _SAYS_YEAR.search(text):
        return term
    same_year = make_term(thread_term[0], asked[1])
    held = vocabulary.terms if vocabulary is not None else []
    return same_year if same_year in held else term


# A time the student rules out: "9시 수업 말고", "10시 반 거 빼고", "not the 9 o'clock one".
_CLOCK = r"\d{1,2}\s*(?:시|:\d{2})(?:\s*반|\s*\d{1,2}\s*분)?\s*(?:에\s*)?(?:시작\s*)?(?:하는\s*)?"
_WHAT = r"(?:수업|강의|분반|반|거|것)?\s*(?:은|는)?\s*"
_NOT_EN = r"\b(?:not|except)\s+(?:the\s+)?(?:one\s+)?(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:o'clock|am|pm)?"
_TIME_NOT = re.compile(_CLOCK + _WHAT + r"(?:말고|빼고|제외|아닌|말구)|" + _NOT_EN, re.I)
# "거기서", "거기 말고 …", "there", "that room": the place the last answer named.
_THERE = re.compile(r"거기|그\s*(?:강의실|건물|곳)|\bthere\b|\bthat\s+(?:room|building)\b", re.I)


def time_ruled_out(text: str, new: SearchFilters) -> tuple[SearchFilters, tuple[int, int] | None]:
    """The question's conditions without a start time it rules out, and that time's window: the filters
    cannot say "not at", so the sections starting then are left out of the answer instead."""
    if not _TIME_NOT.search(text) or new.start_after is None or new.start_before is None:
        return new, None
    window = (new.start_after, new.start_before)
    return new.model_copy(update={"start_after": None, "start_before": None, "end_before": None}), window


def rooms_referred(text: str, before: Thread, vocabulary: Vocabulary | None) -> list[str]:
    """"거기서 다른 수업은?": the rooms the last answer named, when the question points at a place."""
    if not _THERE.search(text):
        return []
    return named_rooms(before.answer, vocabulary) or list(before.conditions.rooms)


# "같은 시간에 하는 다른 과목", "동시간대", "at the same time": courses meeting when the section talked about meets.
# Only when it asks for other courses: "그때도 같은 시간이었어?" asks whether the course itself kept its time.
SAME_TIME = re.compile(
    r"(?:같은\s*시간|동\s*시간|같은\s*때|\bat\s+the\s+same\s+time\b|\bsame\s+time\s*slot\b)"
    r".*(?:다른|또|뭐|무슨|어떤|있어|\bother\b|\bwhat\b|\bwhich\b|\bany\b)", re.I)
# How answers write a meeting: "화·목 10:30~11:45", "화목 10:30", "Tue/Thu 10:30-11:45" (our English days).
_MEETING_KO = re.compile(r"([월화수목금토일](?:\s*[·,/]?\s*[월화수목금토일])*)(?:요일)?\s*(\d{1,2}):(\d{2})")
_MEETING_EN = re.compile(r"((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:\s*[/,]\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun))*)\s+(\d{1,2}):(\d{2})")
_EN_DAYS = {"Mon": "월", "Tue": "화", "Wed": "수", "Thu": "목", "Fri": "금", "Sat": "토", "Sun": "일"}


def meeting_conditions(answer: str) -> SearchFilters | None:
    """The days and start time of the first meeting an answer wrote, as conditions (every slot on those days
    starts then, within the quarter hour); None when it wrote none."""
    ko, en = _MEETING_KO.search(answer or ""), _MEETING_EN.search(answer or "")
    match = min((m for m in (ko, en) if m), key=lambda m: m.start(), default=None)
    if match is None:
        return None
    days = [_EN_DAYS.get(d, d) for d in re.findall(r"Mon|Tue|Wed|Thu|Fri|Sat|Sun|[월화수목금토일]", match.group(1))]
    start = int(match.group(2)) * 60 + int(match.group(3))
    # A quarter-hour window: said back as "10:30 이후 시작, 10:45 전 시작", not as a one-minute span.
    return SearchFilters(days=list(dict.fromkeys(days)), start_after=start, start_before=start + 14)  # type: ignore[arg-type]


# "그 학기에", "그때", "그 당시", "that semester", "back then": the term the conversation was about.
_THAT_TERM = re.compile(r"그\s*(?:학기|때|당시|시기)|당시|\bthat\s+(?:semester|term|time)\b|\bback\s+then\b", re.I)


def points_at_thread_term(text: str) -> bool:
    return bool(_THAT_TERM.search(text))


def in_that_term(text: str, asked: SearchFilters, thread: Thread, before: Thread) -> Thread:
    """`thread` searched in the term(s) of `before` when the question points at them ("그 학기에 그 교수님 다른
    수업은?") and names no term of its own; otherwise unchanged."""
    if not points_at_thread_term(text) or asked.term or asked.terms:
        return thread
    if not (before.conditions.term or before.conditions.terms):
        return thread
    update = {"term": before.conditions.term, "terms": list(before.conditions.terms)}
    return replace(thread, conditions=thread.conditions.model_copy(update=update))
