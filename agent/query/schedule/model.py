"""What the schedule rules produce (`ScheduleParse`) and the helpers both languages share."""

from __future__ import annotations

from dataclasses import dataclass, field

from agent.catalog.models import DAYS

WEEKDAYS = ["월", "화", "수", "목", "금"]
WEEKEND = ["토", "일"]


@dataclass
class ScheduleParse:
    days: list[str] = field(default_factory=list)
    exclude_days: list[str] = field(default_factory=list)
    start_after: int | None = None
    start_before: int | None = None
    end_before: int | None = None
    end_after: int | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def sorted_days(days: list[str]) -> list[str]:
    return sorted(set(days), key=DAYS.index)


def only_days_allowed(days: list[str], only: bool) -> list[str]:
    """The days a section must meet on every one of. "화목에만", "MW only" name the days a section may meet on
    (every other day is excluded), so a Thursday-only section is as good as a Tue/Thu one: no day is required
    beyond meeting at all, which excluded days already ask for."""
    return [] if only and len(days) > 1 else days


# The earliest start of a class said to be held in a part of the day. 저녁 is the evening as people say it
# (from 17:00: "저녁반" holds a lab at 17:30-19:20); 야간/밤 are the night classes that start at 18:00 or later.
PART_STARTS: dict[str, int] = {"오후": 720, "저녁": 1020, "야간": 1080, "밤": 1080}
_PART_NOTES = {
    "오전": "오전 (12:00 전 시작)", "아침": "아침 (10:00 전 시작)", "오후": "오후 (12:00 이후 시작)",
    "저녁": "저녁 (17:00 이후 시작)", "야간": "야간 (18:00 이후 시작)", "밤": "야간 (18:00 이후 시작)",
}


def apply_part_of_day(word: str, out: ScheduleParse) -> None:
    """오전 -> starts by 11:59; 아침 -> by 09:59; 오후 -> at 12:00 or later; 저녁 -> at 17:00 or later; 야간/밤 ->
    at 18:00 or later."""
    if word in ("오전", "아침"):
        bound = 719 if word == "오전" else 599
        out.start_before = bound if out.start_before is None else min(out.start_before, bound)
    else:
        out.start_after = max(out.start_after or 0, PART_STARTS[word])
    out.notes.append(f"시간: {_PART_NOTES[word]}")


def resolve_hour(hour: int, meridiem: str | None) -> int:
    """Apply the stated rule: bare 1-7 are afternoon, 8-12 as written; 오후/저녁/밤 add 12."""
    if meridiem in ("오후", "저녁", "밤"):
        return hour + 12 if hour < 12 else hour
    if meridiem in ("오전", "아침"):
        return hour
    if 1 <= hour <= 7:
        return hour + 12
    return hour
