"""Helpers both answer languages share: when a question named a course, and how a list's filters read."""

from __future__ import annotations

import pytest

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters
from agent.search_mode.conditions import scope_text
from agent.search_mode.sections import has_scope, named_in

GAME_THEORY = CourseSection(term="2026-1", code="ECO3050", name="게임이론", name_en="Game Theory")


@pytest.mark.parametrize(
    ("question", "named"),
    [("Game Theory 교수님 누구?", True), ("who teaches game   theory?", True), ("endgame theory", False),
     ("Game Theory2 syllabus", False), ("theory of games", False)],
)
def test_a_course_is_named_by_its_catalog_english_name(question: str, named: bool) -> None:
    assert named_in(question, GAME_THEORY) is named


def test_a_course_is_named_by_a_parsed_name_with_spaces_ignored() -> None:
    assert named_in("겜이론", GAME_THEORY, ["게임 이론"]) is True
    assert named_in("경제수학", GAME_THEORY, ["경제수학"]) is False
    short = CourseSection(term="2026-1", code="X1", name="수학", name_en="Math")
    assert named_in("math major courses", short) is False  # names under five letters are too common


def test_scope_reads_every_filter_in_both_languages() -> None:
    filters = SearchFilters(departments=["경영학과", "경영학부", "전문경영학과", "벤처경영학과"], category="전공필수",
                            professors=["한도윤"], credits=3, year=2, days=["화", "목"], start_before=719)
    assert scope_text(filters, "ko") == ("경영학과·경영학부·전문경영학과 외 1곳, 전공필수, 한도윤 교수, 3학점, 2학년, "
                                             "화·목요일, 12:00 전 시작")
    assert scope_text(filters, "en") == ("경영학과/경영학부/전문경영학과 and 1 more, 전공필수, Prof. 한도윤, 3 credits, "
                                             "year 2, on Tue/Thu, starting before 12:00")
    assert not has_scope(SearchFilters(term="2026-1"))  # the term alone is not a condition: no scope is stated
    assert has_scope(SearchFilters(english=True)) and scope_text(SearchFilters(english=True), "en") == "English-taught"


def test_scope_reads_level_delivery_seats_and_exclusions_in_both_languages() -> None:
    filters = SearchFilters(category="교양", levels=["석사", "박사", "석박"], delivery=["원격", "녹화"], has_seats=True,
                            exclude_professors=["한도윤"], exclude_languages=["영·한혼합"], english=False)
    assert scope_text(filters, "ko") == ("교양, 대학원, 원격·녹화, 여석 있음(수강편람 기준), 한도윤 교수 제외, "
                                             "영·한혼합 제외, 영어강의 제외")
    assert scope_text(filters, "en") == ("교양, graduate, online/recorded, with seats left (as of the catalog), "
                                             "not Prof. 한도윤, not Korean-English, not English-taught")
    for only in (SearchFilters(exclude_levels=["석사"]), SearchFilters(has_seats=False), SearchFilters(english=False),
                 SearchFilters(delivery=["혼합"])):
        assert has_scope(only) and scope_text(only, "ko"), only


def test_sections_with_the_same_answer_sit_together() -> None:
    from agent.catalog.models import MeetingSlot
    from agent.search_mode.sections import grouped

    def section(number: str, professor: str, day: str, start: int, room: str | None) -> CourseSection:
        slot = MeetingSlot(day=day, start=start, end=start + 75, room=room)
        return CourseSection(term="2026-1", code="MAT1001", section=number, name="미적분학",
                             professors=[professor], slots=[slot])

    sections = [section("01", "가", "수", 600, "A101"), section("02", "나", "월", 540, None),
                section("03", "가", "월", 660, "B202"), section("04", "나", "화", 540, "A101")]
    numbers = lambda found: [s.section for s in found]  # noqa: E731
    assert numbers(grouped(sections, "professors")) == ["01", "03", "02", "04"]
    assert numbers(grouped(sections, "times")) == ["02", "03", "04", "01"]
    assert numbers(grouped(sections, "rooms")) == ["01", "04", "03", "02"]  # no room: last
    assert numbers(grouped(sections, "credits")) == ["01", "02", "03", "04"]
