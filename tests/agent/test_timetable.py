"""The facts of a planned week (`agent.timetable`): days, free weekdays, first start, last end, idle time, and
their wording in both languages."""

from __future__ import annotations

from agent.catalog.models import CourseSection, MeetingSlot
from agent.timetable import Timetable, WeekNote, note_text, week_notes, week_of


def _section(name: str, *meetings: tuple[str, str, str], professors: tuple[str, ...] = ()) -> CourseSection:
    slots = [MeetingSlot(day=d, start=int(a[:2]) * 60 + int(a[3:]), end=int(b[:2]) * 60 + int(b[3:]))
             for d, a, b in meetings]
    return CourseSection(term="2026-1", code=name, section="01", name=name, credits=3, slots=slots,
                         professors=list(professors))


DS = _section("자료구조", ("화", "10:30", "11:45"), ("목", "10:30", "11:45"), professors=("남궁현",))
OS = _section("운영체제", ("월", "13:30", "14:45"), ("목", "13:30", "14:45"))
ACC = _section("회계원리", ("화", "09:00", "10:15"), ("목", "09:00", "10:15"))


def test_a_week_has_its_days_free_weekdays_and_idle_time() -> None:
    week = week_of([DS, OS, ACC])
    assert week.days == ("월", "화", "목") and week.free_weekdays == ("수", "금")
    assert week.first_start == ("화", 9 * 60) and week.last_end == ("월", 14 * 60 + 45)
    # 화: 10:15 -> 10:30 (15); 목: 10:15 -> 10:30 (15) and 11:45 -> 13:30 (105); 월: one class.
    assert week.gap_minutes == 135


def test_overlapping_or_touching_meetings_add_no_idle_time() -> None:
    touching = _section("A", ("월", "09:00", "10:00"))
    after = _section("B", ("월", "10:00", "11:00"))
    inside = _section("C", ("월", "09:30", "09:45"))
    assert week_of([touching, after, inside]).gap_minutes == 0


def test_notes_in_the_order_an_answer_says_them() -> None:
    kinds = [note.kind for note in week_notes([DS, OS, ACC], ["남궁현"])]
    assert kinds == ["free_days", "days", "first_start", "last_end", "gaps", "preferred"]
    assert [note_text(n) for n in week_notes([DS, OS, ACC], ["남궁현"])] == [
        "수·금요일 공강", "주 3일 수업", "화요일 09:00 시작", "월요일 14:45에 가장 늦게 끝남",
        "수업 사이 빈 시간 총 2시간 15분", "원하신 교수님 분반 1개 (남궁현)",
    ]
    assert [note_text(n, "en") for n in week_notes([DS, OS, ACC])] == [
        "Wednesdays and Fridays free", "3 days a week", "starts Tuesday 09:00", "ends latest Monday 14:45",
        "2 h 15 min idle between classes",
    ]


def test_a_section_without_times_is_said_and_places_nothing() -> None:
    online = CourseSection(term="2026-1", code="X", section="01", name="원격강좌", credits=3)
    notes = week_notes([online])
    assert [n.kind for n in notes] == ["untimed"] and note_text(notes[0]) == "시간 미정: 원격강좌"
    assert note_text(notes[0], "en") == "no times listed: 원격강좌"


def test_idle_time_and_preferences_read_naturally() -> None:
    assert note_text(WeekNote("gaps", count=0)) == "수업 사이 빈 시간 없음"
    assert note_text(WeekNote("gaps", count=45), "en") == "45 min idle between classes"
    assert note_text(WeekNote("gaps", count=120)) == "수업 사이 빈 시간 총 2시간"
    assert note_text(WeekNote("preferred", count=0), "en") == "none of the professors you asked for fit"
    assert note_text(WeekNote("free_days", days=("금",)), "en") == "Fridays free"


def test_the_api_shape_round_trips() -> None:
    week = Timetable(sections=[DS, OS], credits=6, days=["월", "화", "목"], notes=["수·금요일 공강"])
    assert Timetable.model_validate(week.model_dump(mode="json")) == week
