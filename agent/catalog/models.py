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

from agent.catalog.exams import ExamTime, parse_exam

Day = Literal["월", "화", "수", "목", "금", "토", "일"]
DAYS: tuple[Day, ...] = ("월", "화", "수", "목", "금", "토", "일")

# Closed sets for the optional level / delivery / language fields (the loaders normalize into them;
# `agent.catalog.eligibility` and `agent.catalog.offering` list the source words each value is read from).
Level = Literal["학사", "석사", "박사", "석박"]
LEVELS: tuple[Level, ...] = ("학사", "석사", "박사", "석박")
GRADUATE_LEVELS: frozenset[str] = frozenset({"석사", "박사", "석박"})
Delivery = Literal["대면", "혼합", "녹화", "원격"]
DELIVERIES: tuple[Delivery, ...] = ("대면", "혼합", "녹화", "원격")
Language = Literal["한국어", "영어", "영·한혼합", "중국어"]
LANGUAGES: tuple[Language, ...] = ("한국어", "영어", "영·한혼합", "중국어")
Grading = Literal["절대평가", "상대평가", "P/F"]  # as remarks state it (`agent.catalog.grading`); S/U is P/F
GRADINGS: tuple[Grading, ...] = ("절대평가", "상대평가", "P/F")
# Yes/no marks a catalog puts on a section (Sogang's O-columns CU과목, Honors과목, 승인과목, 국제학생).
Flag = Literal["CU공유대학", "Honors", "승인과목", "국제학생"]
FLAGS: tuple[Flag, ...] = ("CU공유대학", "Honors", "승인과목", "국제학생")
# The fields a catalog may or may not have (every loader leaves them at their default when it has not).
OPTIONAL_FIELDS = (
    "level", "restricted_to_target", "restrictions", "seats_left", "capacity", "enrolled", "delivery",
    "language", "exam", "student_id_digits",
)


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
    section_no: str | None = Field(
        default=None,
        description="the section number students use when `section` is empty because the code is per section "
        "(Soongsil: the code's last two digits)",
    )
    name: str
    name_en: str | None = None
    university: str | None = None
    periods: list[tuple[int, int, int]] | None = Field(default=None, description=(
        "the catalog's class periods (교시) as (number, start, end) in minutes, from its mapping file; None: "
        "its university's built-in table, or none (`agent.catalog.periods`)"))
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
    notes: str | None = Field(default=None, description="every remark the catalog has for the row, one a line")
    # --- optional fields, filled where the catalog has them (docs/catalog-mapping.md: fields per profile)
    level: Level | None = Field(default=None, description=(
        "과정: 학사 undergraduate, 석사 master's, 박사 doctoral, 석박 graduate for master's and doctoral "
        "students together (Soongsil 석박과정, or a catalog that only says 대학원)"))
    restricted_to_target: bool = Field(default=False, description=(
        "the catalog states that only the students it names may register: Soongsil '(대상외수강제한)' in "
        "수강대상 (the named students are `target`), '…만 수강가능' / Sogang '…(가능)' lists (named in "
        "`restrictions`). False means no such statement, not 'open to everyone'"))
    restrictions: str | None = Field(default=None, description=(
        "registration rules as the catalog words them, one per line: who may not register, who has "
        "priority, approval needed (Soongsil 수강대상 remarks + 수강유의사항; Sogang 수강신청 참조사항 + 비고)"))
    seats_left: int | None = Field(default=None, ge=0, description=(
        "여석: seats left when the catalog was exported (a snapshot, not live availability)"))
    capacity: int | None = Field(default=None, ge=0, description="정원: how many students the section takes")
    enrolled: int | None = Field(default=None, ge=0, description=(
        "수강인원 / 수강생수: students registered when the catalog was exported (a snapshot)"))
    delivery: Delivery | None = Field(default=None, description=(
        "how it is taught, where stated: 대면 in person, 혼합 in person plus online (Soongsil 대면+녹화), "
        "녹화 recorded online lectures, 원격 online (live or unspecified)"))
    language: Language | None = Field(default=None, description=(
        "language of instruction where the catalog states it (`english` stays the English-taught flag)"))
    exam: str | None = Field(default=None, description=(
        "시험일자 as the catalog writes it, e.g. Sogang '04.23(수)19:30~20:30[K302,K301]' (date, time, "
        "rooms); `exam_time()` reads it"))
    student_id_digits: str | None = Field(default=None, description=(
        "홀짝구분: the last digits of the student ID (학번) this section is for, as written: "
        "'[1,3,5,7,9]' = odd student IDs; students with other digits take a sibling section"))
    # One list rather than a boolean per mark: the marks are independent yes/no columns of one kind, so one
    # condition (`SearchFilters.flags`), one word table and one tool argument serve them all. Not listed in
    # OPTIONAL_FIELDS (the mapping format's column keys): no mapping names them yet.
    flags: list[Flag] | None = Field(default=None, description=(
        "the catalog's yes/no marks the section carries: CU공유대학 (a course of the CU shared-university "
        "consortium, Sogang CU과목), Honors (an honors section, Honors과목), 승인과목 (the column's own word; "
        "the export does not define it: most are 알바트로스세미나 sections), 국제학생 (a section for international "
        "students). None: the catalog has no such columns "
        "(never 'not marked'); []: it has them and marks none"))

    @property
    def id(self) -> str:
        """Stable id: (term, code, section). Safe as a Pinecone id (ASCII-only is not required)."""
        return f"{self.term}:{self.code}:{self.section}" if self.section else f"{self.term}:{self.code}"

    @property
    def number(self) -> str:
        """The section number as students say it ("01" for 01분반), whether the catalog keeps it in `section`
        or in the code itself (`section_no`)."""
        return self.section or self.section_no or ""

    def is_section(self, number: str) -> bool:
        """Is this the section a student means by `number` ("1", "01", "001" are the same)?"""
        mine = self.number.strip().lstrip("0") or "0"
        return bool(self.number.strip()) and mine == (number.strip().lstrip("0") or "0")

    @property
    def days(self) -> list[str]:
        seen: list[str] = []
        for slot in self.slots:
            if slot.day not in seen:
                seen.append(slot.day)
        return seen

    @property
    def graduate(self) -> bool | None:
        """True for a graduate section (석사/박사/석박), False for 학사, None when the catalog says nothing."""
        return None if self.level is None else self.level in GRADUATE_LEVELS

    def exam_time(self) -> ExamTime | None:
        """`exam` read into date, times and rooms (None when absent or written another way)."""
        return parse_exam(self.exam, self.term)

    def schedule_label(self) -> str:
        return ", ".join(slot.label() for slot in self.slots) or "시간 미정"

    def content_hash(self) -> str:
        """Hash of everything a search or an answer can show: unchanged hash = no re-embedding."""
        # `periods` joined the record later: left out while unset, so catalogs without a table of their own
        # (every built-in profile) keep their hashes and re-ingesting them rewrites nothing.
        # `flags` likewise: only Sogang fills it, so the other catalogs' hashes stay.
        unset = {name for name in ("periods", "flags") if getattr(self, name) is None}
        data = self.model_dump(mode="json", exclude=unset or None)
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
