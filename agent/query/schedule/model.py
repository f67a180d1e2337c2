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
    spans: list[tuple[int, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def sorted_days(days: list[str]) -> list[str]:
    return sorted(set(days), key=DAYS.index)


def resolve_hour(hour: int, meridiem: str | None) -> int:
    """Apply the stated rule: bare 1-7 are afternoon, 8-12 as written; 오후/저녁/밤 add 12."""
    if meridiem in ("오후", "저녁", "밤"):
        return hour + 12 if hour < 12 else hour
    if meridiem in ("오전", "아침"):
        return hour
    if 1 <= hour <= 7:
        return hour + 12
    return hour
