"""Meeting-slot parsing: every timetable notation the catalogs use, into `MeetingSlot`s.

Recognized notations (one weekly meeting per line; lines are separated by newlines or " / "):

- Soongsil: ``월 13:00-13:50 (조만식기념관 12214-이순녀)``: day(s), start-end, then in parentheses the
  room and, after the LAST hyphen, the instructor. Rooms may hold spaces, hyphens and nested parentheses
  (``(베어드홀 01101-3(자연과학 융합실습실)-김자헌)``, ``(조만식기념관 12530 (경제학과겸임교수강의실)-최현희)``);
  the room may be empty (``(-신용태)``) and so may the instructor (``(문화관 03111 (토론식강의실)-)``).
  Several days may share a line: ``화 목 15:00-16:15 (...)``.
- Sogang: ``화,목 15:00~16:15 [D402]``, the room in brackets and optional (``수 18:00~18:50``).
- Split columns: a day list (``"['월', '수']"``, ``월,수``, ``월수``), a start, an end and a room.

A line that does not parse raises `SlotParseError` whose message says what was wrong (unknown day, bad
time, end before start), so the loader can report the row instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from agent.catalog.models import DAYS, MeetingSlot

DAY_SET = frozenset(DAYS)
# English and long Korean day names some exports use; mapped onto the one-character form.
DAY_ALIASES: dict[str, str] = {
    "월요일": "월", "화요일": "화", "수요일": "수", "목요일": "목", "금요일": "금", "토요일": "토", "일요일": "일",
    "mon": "월", "tue": "화", "wed": "수", "thu": "목", "fri": "금", "sat": "토", "sun": "일",
    "monday": "월", "tuesday": "화", "wednesday": "수", "thursday": "목", "friday": "금",
    "saturday": "토", "sunday": "일", "tues": "화", "thur": "목", "thurs": "목",
}


class SlotParseError(ValueError):
    """A timetable text that cannot be read; the message is shown to the user as the row's reason."""


@dataclass(frozen=True, slots=True)
class ParsedSlot:
    """A slot plus what the source said about who teaches it (Soongsil puts the instructor in the slot)."""

    slot: MeetingSlot
    instructor: str | None = None


_TIME = r"\d{1,2}\s*:\s*\d{2}"
# days, start, end, then an optional location part in (...) or [...] or as plain text.
_LINE = re.compile(
    rf"^(?P<days>[^\d]*?)\s*(?P<start>{_TIME})\s*[-~–]\s*(?P<end>{_TIME})\s*(?P<rest>.*)$"
)
_SPLIT_LINES = re.compile(r"\s*(?:\r?\n|\s/\s)\s*")
_DAY_SEPARATORS = re.compile(r"[\s,/·.]+")


@lru_cache(maxsize=4096)
def parse_time(text: str) -> int:
    """'9:00' / '09:00' / '13:30' -> minutes since midnight. Raises SlotParseError on anything else."""
    match = re.fullmatch(r"\s*(\d{1,2})\s*:\s*(\d{2})\s*", text or "")
    if not match:
        raise SlotParseError(f"bad time {text!r} (expected HH:MM)")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise SlotParseError(f"bad time {text!r} (out of range)")
    return hours * 60 + minutes


def parse_days(text: str) -> list[str]:
    """'화 목', '화,목', '화목', "['월', '수']", 'Mon/Wed', '월요일' -> ['화', '목'] ... (order kept, no repeats).

    Raises SlotParseError naming the token that is not a day.
    """
    return list(_parse_days(text or ""))


@lru_cache(maxsize=1024)
def _parse_days(text: str) -> tuple[str, ...]:
    cleaned = re.sub(r"[\[\]'\"]", " ", text).strip()
    if not cleaned:
        return ()
    days: list[str] = []
    for token in _DAY_SEPARATORS.split(cleaned):
        if not token:
            continue
        alias = DAY_ALIASES.get(token.lower())
        if alias:
            chars = [alias]
        elif all(ch in DAY_SET for ch in token):
            chars = list(token)  # '화목' written together
        else:
            raise SlotParseError(f"unknown day {token!r}")
        for ch in chars:
            if ch not in days:
                days.append(ch)
    return tuple(days)


def _make(day: str, start: int, end: int, room: str | None, source: str) -> MeetingSlot:
    if end <= start:
        raise SlotParseError(f"end before start in {source!r}")
    return MeetingSlot(day=day, start=start, end=end, room=room or None)  # type: ignore[arg-type]


def _split_location(rest: str) -> tuple[str | None, str | None]:
    """The text after the times -> (room, instructor).

    '(room-instructor)' is Soongsil's: the instructor follows the LAST hyphen, because rooms carry
    hyphens ('01101-3') and instructors do not. '[room]' is Sogang's. Anything else is a plain room.
    """
    rest = rest.strip()
    if not rest:
        return None, None
    if rest.startswith("[") and rest.endswith("]"):
        return rest[1:-1].strip() or None, None
    if rest.startswith("(") and rest.endswith(")"):
        inner = rest[1:-1]
        room, sep, instructor = inner.rpartition("-")
        if not sep:
            return inner.strip() or None, None
        return room.strip() or None, instructor.strip() or None
    return rest, None


def parse_slot_line(line: str) -> list[ParsedSlot]:
    """One line of timetable text -> one slot per day it names (all sharing the times and room)."""
    text = line.strip()
    match = _LINE.match(text)
    if not match:
        if re.search(r"\d\s*[:시]|(?<!\d)\d{3,4}\s*[-~]\s*\d{3,4}(?!\d)", text):
            raise SlotParseError(f"bad time in {text!r} (expected HH:MM-HH:MM)")
        raise SlotParseError(f"no time in {text!r}")
    days = parse_days(match.group("days"))
    if not days:
        raise SlotParseError(f"no day in {text!r}")
    start, end = parse_time(match.group("start")), parse_time(match.group("end"))
    room, instructor = _split_location(match.group("rest"))
    return [ParsedSlot(_make(day, start, end, room, text), instructor) for day in days]


_ROOM_ONLY = re.compile(r"^\[([^\]]*)\]$")


def room_only(text: str | None) -> str | None:
    """A cell naming a room but no time (Sogang's '[R404]' for a project course) -> 'R404', else None."""
    match = _ROOM_ONLY.match((text or "").strip())
    return match.group(1).strip() or None if match else None


def parse_slot_text(text: str | None) -> list[ParsedSlot]:
    """A whole timetable cell (newline- or ' / '-separated lines) -> its slots, exact repeats dropped.

    Consecutive hours stay separate slots (a Soongsil 3-hour block written as three lines stays three
    slots): the catalog's own granularity is kept, nothing is merged or invented.
    """
    if not text or not text.strip():
        return []
    out: list[ParsedSlot] = []
    seen: set[MeetingSlot] = set()
    for line in _SPLIT_LINES.split(text.strip()):
        if not line or room_only(line):
            continue  # a bare '[room]' has no time to schedule; callers keep the room as a note
        for parsed in parse_slot_line(line):
            # Team-taught sections list one identical meeting once per instructor.
            if parsed.slot not in seen:
                seen.add(parsed.slot)
                out.append(parsed)
    return out


def parse_split_slot(days: str | list | None, start: str | None, end: str | None,
                     room: str | None) -> list[MeetingSlot]:
    """Split columns (요일 / 시작시간 / 종료시간 / 강의실) -> one slot per day. All empty -> no slot."""
    day_list = parse_days(" ".join(days)) if isinstance(days, list) else parse_days(days or "")
    start, end = (start or "").strip(), (end or "").strip()
    if not day_list and not start and not end:
        return []
    if not day_list:
        raise SlotParseError(f"times {start}-{end} given without a day")
    if not start or not end:
        raise SlotParseError(f"days {','.join(day_list)} given without a start and end time")
    s, e = parse_time(start), parse_time(end)
    source = f"{','.join(day_list)} {start}-{end}"
    return [_make(day, s, e, (room or "").strip() or None, source) for day in day_list]


def parse_with_regex(text: str | None, pattern: re.Pattern[str], separator: re.Pattern[str]) -> list[ParsedSlot]:
    """A custom notation (column mappings): each piece must fully match `pattern`, whose named groups
    are `days` (or `day`), `start`, `end` and optionally `room` and `instructor`."""
    if not text or not text.strip():
        return []
    out: list[ParsedSlot] = []
    for piece in separator.split(text.strip()):
        if not piece.strip():
            continue
        match = pattern.fullmatch(piece.strip())
        if not match:
            raise SlotParseError(f"{piece.strip()!r} does not match the mapping's slot pattern")
        groups = match.groupdict()
        days = parse_days(groups.get("days") or groups.get("day") or "")
        if not days:
            raise SlotParseError(f"no day in {piece.strip()!r}")
        start, end = parse_time(groups.get("start") or ""), parse_time(groups.get("end") or "")
        room = (groups.get("room") or "").strip() or None
        instructor = (groups.get("instructor") or "").strip() or None
        out.extend(ParsedSlot(_make(d, start, end, room, piece), instructor) for d in days)
    return out
