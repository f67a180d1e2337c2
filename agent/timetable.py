"""A planned week of classes: what the API returns (`Timetable`) and the facts a week states (`week_notes`).

`plan_timetable` (tools/) finds the weeks; the assistant returns them as `ChatAnswer.timetables`; the page
draws them. The facts of a week ("금요일 공강", "월요일 09:00 시작", the idle minutes between classes) are computed
here once from the sections themselves, as `WeekNote`s, and worded in either answer language by `note_text`,
so the tool's notes (Korean, for the model and the API) and search mode's answer (Korean or English) say the
same things.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from agent.catalog.models import DAYS, CourseSection, Day, hhmm

WEEKDAYS: tuple[Day, ...] = DAYS[:5]  # a free day is a weekday without classes (weekends are free anyway)
_DAY_EN = {"월": "Monday", "화": "Tuesday", "수": "Wednesday", "목": "Thursday", "금": "Friday", "토": "Saturday",
           "일": "Sunday"}


class Timetable(BaseModel):
    """One planned week: a section of each requested course, no two meetings overlapping."""

    sections: list[CourseSection] = Field(description="one section per course, each with its meeting `slots`")
    credits: float | None = Field(default=None, description="total credits (None: no section states credits)")
    days: list[Day] = Field(default_factory=list, description="the days with classes, Monday first")
    notes: list[str] = Field(
        default_factory=list, description="what the week is like: '금요일 공강', '월요일 09:00 시작', idle time"
    )


Cause = Literal["no_section", "clash", "credits", "combination"]
Course = TypeVar("Course")


@dataclass(frozen=True)
class NoWeek(Generic[Course]):
    """Why no week of the requested courses exists, by `kind`: "no_section" (`courses[0]` has no section
    meeting the constraints), "clash" (`courses`, two of them, overlap whichever sections are taken),
    "credits" (the courses together exceed the credit cap), "combination" (each pair fits, all together do
    not). `relax`: the constraints whose removal alone makes a week possible ("exclude_days", "start_after",
    "start_before", "end_before", "max_days", "max_credits"); `drop`: courses whose removal does, when no
    constraint alone helps (both empty: more than one change is needed). `within_limits`: the clashing pair
    fits once the constraints are gone. `sure` False: a probe ran out of steps, so a change left out of
    `relax` or `drop` might still help. The tool names courses by their position in the request
    (`NoWeek[int]`), an answer by a section of each (`NoWeek[CourseSection]`)."""

    kind: Cause
    courses: tuple[Course, ...] = ()
    relax: tuple[str, ...] = ()
    drop: tuple[Course, ...] = ()
    within_limits: bool = False
    sure: bool = True


NoteKind = Literal["free_days", "days", "first_start", "last_end", "gaps", "preferred", "untimed"]


@dataclass(frozen=True)
class WeekNote:
    """One fact of a week, by `kind`: "free_days" (`days`: weekdays without classes), "days" (`count` days on
    campus), "first_start" / "last_end" (the week's earliest start / latest end: `days` holds its day, `time`
    the HH:MM), "gaps" (`count` idle minutes between classes, all days together), "preferred" (`count`
    sections taught by a professor the student asked for: `names`), "untimed" (`names`: sections with no
    meeting times in the catalog, which the week cannot place)."""

    kind: NoteKind
    days: tuple[str, ...] = ()
    time: str | None = None
    count: int | None = None
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Week:
    """The shape of a week of sections: its days, its free weekdays, and the idle time between classes."""

    days: tuple[Day, ...]
    free_weekdays: tuple[Day, ...]
    first_start: tuple[Day, int] | None
    last_end: tuple[Day, int] | None
    gap_minutes: int

    @property
    def earliest(self) -> int:
        """The earliest start of the week in minutes (24:00 for a week without times: none starts early)."""
        return self.first_start[1] if self.first_start else 24 * 60

    @property
    def latest(self) -> int:
        return self.last_end[1] if self.last_end else 0


def week_of(sections: Sequence[CourseSection]) -> Week:
    """The days, free weekdays, earliest start, latest end and idle minutes of `sections` taken together."""
    by_day: dict[Day, list[tuple[int, int]]] = {}
    for section in sections:
        for slot in section.slots:
            by_day.setdefault(slot.day, []).append((slot.start, slot.end))
    days = tuple(d for d in DAYS if d in by_day)
    gaps = 0
    for meetings in by_day.values():
        meetings.sort()
        reached = meetings[0][1]
        for start, end in meetings[1:]:
            gaps += max(0, start - reached)
            reached = max(reached, end)
    first = min(((min(s for s, _ in by_day[d]), DAYS.index(d), d) for d in days), default=None)
    last = max(((max(e for _, e in by_day[d]), -DAYS.index(d), d) for d in days), default=None)
    return Week(
        days=days, free_weekdays=tuple(d for d in WEEKDAYS if d not in by_day),
        first_start=(first[2], first[0]) if first else None, last_end=(last[2], last[0]) if last else None,
        gap_minutes=gaps,
    )


def preferred_sections(sections: Sequence[CourseSection], professors: Sequence[str]) -> list[CourseSection]:
    """The sections taught by one of `professors` (a name the student gave matches a catalog name it is part
    of, so "한" or "한도윤" both find 한도윤)."""
    wanted = [p.replace(" ", "") for p in professors if p.strip()]
    return [s for s in sections if any(w in p.replace(" ", "") for w in wanted for p in s.professors)]


def week_notes(sections: Sequence[CourseSection], professors: Sequence[str] = ()) -> list[WeekNote]:
    """What a week is like, in the order an answer says it: free weekdays, days on campus, first start, last
    end, idle time, the preferred professors' sections, and sections it could not place (no times)."""
    week = week_of(sections)
    notes: list[WeekNote] = []
    if week.free_weekdays and week.days:
        notes.append(WeekNote("free_days", days=week.free_weekdays))
    if week.days:
        notes.append(WeekNote("days", count=len(week.days)))
    if week.first_start and week.last_end:
        notes.append(WeekNote("first_start", days=(week.first_start[0],), time=hhmm(week.first_start[1])))
        notes.append(WeekNote("last_end", days=(week.last_end[0],), time=hhmm(week.last_end[1])))
        notes.append(WeekNote("gaps", count=week.gap_minutes))
    preferred = preferred_sections(sections, professors)
    if professors:
        names = tuple(dict.fromkeys(p for s in preferred for p in s.professors))
        notes.append(WeekNote("preferred", count=len(preferred), names=names))
    untimed = tuple(s.name for s in sections if not s.slots)
    if untimed:
        notes.append(WeekNote("untimed", names=untimed))
    return notes


def _days_text(days: Sequence[str], lang: str) -> str:
    if lang == "ko":
        return "·".join(days) + "요일"
    names = [_DAY_EN.get(d, d) + "s" for d in days]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _duration(minutes: int, ko: bool) -> str:
    """90 -> "1시간 30분" / "1 h 30 min"."""
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours}시간" if ko else f"{hours} h"] if hours else []
    parts += [f"{rest}분" if ko else f"{rest} min"] if rest or not hours else []
    return " ".join(parts)


def note_text(note: WeekNote, lang: str = "ko") -> str:
    """A week's fact as a short phrase: "금요일 공강" / "Fridays free", "월요일 09:00 시작" / "starts Monday 09:00"."""
    ko, count, names = lang == "ko", note.count or 0, ", ".join(note.names)
    plural = "" if count == 1 else "s"
    if note.kind == "free_days":
        return f"{_days_text(note.days, lang)} 공강" if ko else f"{_days_text(note.days, lang)} free"
    if note.kind == "days":
        return f"주 {count}일 수업" if ko else f"{count} day{plural} a week"
    if note.kind in ("first_start", "last_end"):
        day = f"{note.days[0]}요일" if ko else _DAY_EN.get(note.days[0], note.days[0])
        if note.kind == "first_start":
            return f"{day} {note.time} 시작" if ko else f"starts {day} {note.time}"
        return f"{day} {note.time}에 가장 늦게 끝남" if ko else f"ends latest {day} {note.time}"
    if note.kind == "gaps":
        if not count:
            return "수업 사이 빈 시간 없음" if ko else "no idle time between classes"
        idle = _duration(count, ko)
        return f"수업 사이 빈 시간 총 {idle}" if ko else f"{idle} idle between classes"
    if note.kind == "preferred":
        if not count:
            return "원하신 교수님 분반은 넣지 못함" if ko else "none of the professors you asked for fit"
        mine = f"{count} section{plural} with your professors ({names})"
        return f"원하신 교수님 분반 {count}개 ({names})" if ko else mine
    return f"시간 미정: {names}" if ko else f"no times listed: {names}"


def clashes(sections: Sequence[CourseSection]) -> list[tuple[Day, CourseSection, CourseSection]]:
    """Every pair of sections with meetings that overlap, with the day they do."""
    found = []
    for i, a in enumerate(sections):
        for b in sections[i + 1:]:
            day = next((x.day for x in a.slots for y in b.slots
                        if x.day == y.day and x.start < y.end and y.start < x.end), None)
            if day is not None:
                found.append((day, a, b))
    return found


def checked_week(sections: Sequence[CourseSection], lang: Literal["ko", "en"] = "ko") -> Timetable:
    """Sections a student checked (`check_timetable`) as a week: the shape of a planned one, its notes naming
    every overlap ("겹침: 월요일 자료구조 / 운영체제"), so the page can draw them in red."""
    credits = [s.credits for s in sections if s.credits is not None]
    notes = [f"겹침: {day}요일 {a.name} / {b.name}" if lang == "ko"
             else f"Overlap: {_DAY_EN[day]} {a.name} / {b.name}" for day, a, b in clashes(sections)]
    return Timetable(sections=list(sections), credits=sum(credits) if credits else None,
                     days=list(week_of(sections).days), notes=notes)
