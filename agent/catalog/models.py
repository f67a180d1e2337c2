"""The normalized course-section record every loader produces and every index stores.

Times are minutes since midnight and days are the Korean weekday characters 월…일, so that
filters ("화목 오전", "1시") compare numbers, not strings.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Day = Literal["월", "화", "수", "목", "금", "토", "일"]
DAYS: tuple[Day, ...] = ("월", "화", "수", "목", "금", "토", "일")


def hhmm(minutes: int) -> str:
    """540 -> '09:00'."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


_ALL_YEARS = ("전체", "전학년", "모든", "all")

YearKind = Literal["all", "range", "list"]


def parse_recommended_year(text: str | None) -> tuple[YearKind, tuple[int, ...]] | None:
    """A catalog's recommended year read once for filters and answers: "전체학년" -> ("all", ()),
    "3-4학년" -> ("range", (3, 4)), "3학년" -> ("list", (3,)), "1,2학년" -> ("list", (1, 2)); None when
    empty or unreadable."""
    raw = (text or "").strip()
    if not raw:
        return None
    if any(word in raw.lower() for word in _ALL_YEARS):
        return "all", ()
    numbers = tuple(int(n) for n in re.findall(r"\d+", raw))
    if not numbers:
        return None
    if len(numbers) == 2 and re.search(r"\d\s*[-~]\s*\d", raw):
        return "range", numbers
    return "list", numbers


class MeetingSlot(BaseModel):
    """One weekly meeting: a day, a start and end time, and where (room may be unknown)."""

    model_config = ConfigDict(frozen=True)

    day: Day
    start: int = Field(ge=0, le=24 * 60, description="minutes since midnight")
    end: int = Field(ge=0, le=24 * 60, description="minutes since midnight")
    room: str | None = None

    def label(self) -> str:
        room = f" ({self.room})" if self.room else ""
        return f"{self.day} {hhmm(self.start)}-{hhmm(self.end)}{room}"


class CourseSection(BaseModel):
    """One section (분반) of one course in one term, as students see it in a catalog."""

    model_config = ConfigDict(frozen=True)

    term: str = Field(description="'2026-1', '2025-여름' ...: year-semester")
    code: str = Field(description="course code (과목번호)")
    section: str = Field(default="", description="section (분반); '' when the code is already per section")
    name: str
    name_en: str | None = None
    university: str | None = None
    department: str | None = None
    professors: list[str] = Field(default_factory=list)
    credits: float | None = None
    hours: float | None = Field(default=None, description="weekly hours")
    slots: list[MeetingSlot] = Field(default_factory=list)
    category: str | None = Field(default=None, description="전필/전선/전기/교양필수/교양선택 ...")
    target: str | None = Field(default=None, description="target students (수강대상)")
    year: str | None = Field(default=None, description="recommended year (권장학년)")
    english: bool = Field(default=False, description="taught in English")
    description: str | None = None
    notes: str | None = None

    @property
    def id(self) -> str:
        """Stable id: (term, code, section). Safe as a Pinecone id (ASCII-only is not required)."""
        return f"{self.term}:{self.code}:{self.section}" if self.section else f"{self.term}:{self.code}"

    @property
    def days(self) -> list[str]:
        seen: list[str] = []
        for slot in self.slots:
            if slot.day not in seen:
                seen.append(slot.day)
        return seen

    def schedule_label(self) -> str:
        return ", ".join(slot.label() for slot in self.slots) or "시간 미정"

    def content_hash(self) -> str:
        """Hash of everything a search or an answer can show: unchanged hash = no re-embedding."""
        payload = json.dumps(self.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
