"""Korean days: "월요일", runs of day letters ("화목", "월,수"), "금공강", "주말", "평일", and a day followed by
a word that rules it out ("금요일엔 수업 없는", "월요일 말고")."""

from __future__ import annotations

import re

from agent.catalog.models import DAYS
from agent.query.negation import NEGATION_WORDS
from agent.query.patterns import DAY_RUN as _DAY_RUN
from agent.query.patterns import DAY_WORD as _DAY_WORD
from agent.query.patterns import NOT_DAY_RUNS, is_day_run
from agent.query.schedule.model import WEEKDAYS, WEEKEND, ScheduleParse, only_days_allowed, sorted_days

_SEP = r"(?:\s*[,/·]\s*|\s+)"
_DAY_LIST = re.compile(
    r"(?<![가-힣])([월화수목금토])" + _SEP + r"([월화수목금토])(?:" + _SEP + r"([월화수목금토]))?"
    r"(?=(?:에만|만|에는|엔|에|은|는)?(?![가-힣]))"  # "월, 수만 하는": a particle may close the list, a syllable not
)
_DAY_SINGLE = re.compile(r"(?<![가-힣])([월화목금토])(?=\s*(?:\d|공강|오전|오후|저녁|아침))")
_DAY_OFF = re.compile(r"(?<![가-힣])([월화수목금토]{1,3})\s*공강")
_EXCLUDE_AFTER = re.compile(
    r"^\s*(?:은|는|엔|에는|에|만|이랑|하고)?\s*(?:수업\s*(?:이|은|는)?\s*)?"
    r"(?:공강|빼고|뺀|제외|말고|없|안\s*(?:되|돼|하|들|나오|가|겹치|겹쳐|걸리|걸려)|겹치지\s*않|걸리지\s*않|피해|피하|비워|비우|쉬|"
    + NEGATION_WORDS + ")"  # and every word that rules a linked thing out ("수요일은 싫어", "금요일 대신")
)
_ONLY_AFTER = re.compile(r"^\s*(?:에만|만|에\s*만|뿐|(?:에\s*)?(?:딱\s*)?하루\s*만)")  # "금요일 하루만 가면 되는"


class _Days:
    """Days found so far: wanted, ruled out, "only" days; and the spans already read."""

    def __init__(self, text: str, out: ScheduleParse) -> None:
        self.text, self.out = text, out
        self.include: list[str] = []
        self.exclude: list[str] = []
        self.only: list[str] = []
        self.blanket: list[str] = []  # ruled out by "평일"/"주말" words: never a day the question names
        self.taken: list[tuple[int, int]] = []
        self.wanted: list[tuple[int, int, str]] = []  # (start, end, days) of each day asked for

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def add(self, day_chars: str, start: int, end: int) -> None:
        tail = self.text[end : end + 16]
        ruled_out = _EXCLUDE_AFTER.match(tail)
        if ruled_out:
            self.exclude.extend(day_chars)
            self.out.spans.append((end, end + ruled_out.end()))  # the negation words are read, not searched for
            self._share_negation(start)
        else:
            self.include.extend(day_chars)
            self.wanted.append((start, end, day_chars))
            if _ONLY_AFTER.match(tail):
                self.only.extend(day_chars)  # "금요일에만": no other day
        self.out.spans.append((start, end))
        self.taken.append((start, end))


    def _share_negation(self, start: int) -> None:
        """"월요일 금요일 수업 없고", "월요일이랑 금요일은 빼고": days listed just before a ruled-out one share its
        negation."""
        while self.wanted and _JOINED.fullmatch(self.text[self.wanted[-1][1] : start]):
            begin, _, chars = self.wanted.pop()
            for day in chars:
                self.include.remove(day)
            self.exclude.extend(chars)
            start = begin


# What may stand between days of one list: spaces, commas, "이랑", "하고", "와/과", "및", "요일" words.
_JOINED = re.compile(r"\s*(?:요일)?\s*(?:이랑|랑|하고|와|과|및|,|/|·|도)?\s*")


def parse_days(text: str, out: ScheduleParse) -> None:
    found = _Days(text, out)
    for match in _DAY_OFF.finditer(text):
        if match.group(1) not in NOT_DAY_RUNS:
            found.exclude.extend(match.group(1))
            out.spans.append(match.span())
            found.taken.append(match.span())
    for pattern in (_DAY_WORD, _DAY_LIST, _DAY_RUN, _DAY_SINGLE):
        for match in pattern.finditer(text):
            run = "".join(g for g in match.groups() if g)
            if pattern is _DAY_RUN and not is_day_run(run):
                continue
            if found.free(*match.span()):
                found.add(run, *match.span())
    _weekend_words(text, found)
    _finish(text, found)


def _weekend_words(text: str, found: _Days) -> None:
    if re.search(r"주말\s*(?:은|엔|에는)?\s*(?:빼고|제외|말고|없|안)", text):
        found.blanket.extend(WEEKEND)
        found.out.notes.append("주말 제외")
    elif "주말" in text:
        found.blanket.extend(WEEKDAYS)
        found.out.notes.append("주말 수업만 (평일 제외)")
    if "평일" in text:
        found.blanket.extend(WEEKEND)
        found.out.notes.append("평일 수업만")
    for match in re.finditer(r"주말|평일", text):
        found.out.spans.append(match.span())


# How long a class runs ("3시간짜리", "2시간 연강"): read, so it is no course name, but not a condition (the
# catalog's blocks are what the times say; the answer shows them).
_DURATION = re.compile(r"(?<![0-9])([1-9])\s*시간\s*(?:짜리|연강|연속|블록)")


def _finish(text: str, found: _Days) -> None:
    out = found.out
    found.exclude.extend(d for d in found.blanket if d not in found.include)  # "토요일 … 평일엔 알바라": 토 stays
    for match in _DURATION.finditer(text):
        out.spans.append(match.span())
        out.notes.append(f"{match.group(1)}시간 연속 수업 (길이는 조건으로 쓰지 않았어요)")
    if found.only:
        found.exclude.extend(d for d in DAYS if d not in found.only and d not in found.include)
        out.notes.append("·".join(sorted_days(found.only)) + "에만 수업")
    out.days = only_days_allowed(sorted_days([d for d in found.include if d not in found.exclude]), bool(found.only))
    out.exclude_days = sorted_days(found.exclude)
    if out.days:
        out.notes.append("요일: " + "·".join(out.days))
    if out.exclude_days and not ("주말" in text or "평일" in text or found.only):
        out.notes.append("제외 요일: " + "·".join(out.exclude_days))
