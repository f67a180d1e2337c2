"""Exam dates (시험일자) read from the text a catalog writes.

Sogang writes one exam per cell as ``04.23(수)19:30~20:30[K302,K301]``: month.day, the weekday, start~end,
then the rooms in brackets (possibly none: ``[]``). The year is not written; it is the term's year (a
winter session's January/February exam falls in the next year). Anything written another way stays
text only: `parse_exam` returns None rather than guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_EXAM = re.compile(
    r"^\s*(?P<month>\d{1,2})\s*[./]\s*(?P<day>\d{1,2})\s*\(\s*(?P<weekday>[월화수목금토일])\s*\)\s*"
    r"(?P<start>\d{1,2}:\d{2})\s*[~\-–]\s*(?P<end>\d{1,2}:\d{2})\s*(?:\[(?P<rooms>[^\]]*)\])?\s*$"
)
_WEEKDAYS = "월화수목금토일"


@dataclass(frozen=True, slots=True)
class ExamTime:
    """One exam: `date` is ISO ('2025-04-23') when the year is known; times are minutes since midnight."""

    month: int
    day: int
    weekday: str
    start: int
    end: int
    rooms: tuple[str, ...]
    date: str | None

    def label(self) -> str:
        """'04.23(수) 19:30-20:30 K302, K301' (the rooms left out when the catalog names none)."""
        times = f"{self.start // 60:02d}:{self.start % 60:02d}-{self.end // 60:02d}:{self.end % 60:02d}"
        rooms = f" {', '.join(self.rooms)}" if self.rooms else ""
        return f"{self.month:02d}.{self.day:02d}({self.weekday}) {times}{rooms}"


def _minutes(text: str) -> int | None:
    hours, minutes = (int(part) for part in text.split(":"))
    return hours * 60 + minutes if hours <= 24 and minutes < 60 else None


def _exam_date(term: str | None, month: int, day: int, weekday: str) -> str | None:
    """The ISO date in the term's year, or None when there is no term year or the date does not exist or
    falls on another weekday than the catalog wrote (then the year is not the one we think)."""
    match = re.match(r"(\d{4})-(.+)", term or "")
    if not match:
        return None
    year = int(match.group(1)) + (1 if match.group(2) == "겨울" and month <= 2 else 0)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date.isoformat() if _WEEKDAYS[date.weekday()] == weekday else None


def parse_exam(text: str | None, term: str | None = None) -> ExamTime | None:
    """'04.23(수)19:30~20:30[K302,K301]' -> ExamTime(4, 23, '수', 1170, 1230, ('K302', 'K301'), '2025-04-23')
    for term '2025-1'; None for empty or unrecognized text."""
    match = _EXAM.match(text or "")
    if not match:
        return None
    month, day = int(match.group("month")), int(match.group("day"))
    start, end = _minutes(match.group("start")), _minutes(match.group("end"))
    if start is None or end is None or end <= start or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    rooms = tuple(room.strip() for room in (match.group("rooms") or "").split(",") if room.strip())
    weekday = match.group("weekday")
    return ExamTime(month, day, weekday, start, end, rooms, _exam_date(term, month, day, weekday))
