"""The small readers behind the optional fields: level, delivery, language, registration rules, exams."""

from __future__ import annotations

import pytest

from agent.catalog import CourseSection
from agent.catalog.eligibility import (
    allowance_text,
    normalize_level,
    only_allowed,
    parenthesized,
    rule_lines,
    states_target_only,
)
from agent.catalog.exams import parse_exam
from agent.catalog.fields import parse_count
from agent.catalog.offering import normalize_delivery, normalize_language


@pytest.mark.parametrize(
    ("text", "level"),
    [("학사과정", "학사"), ("학부", "학사"), ("대학", "학사"), ("석사과정", "석사"), ("Master's", "석사"),
     ("박사 과정", "박사"), ("PhD", "박사"), ("석박과정", "석박"), ("대학원", "석박"), ("석박사통합", "석박"),
     ("", None), (None, None)],
)
def test_levels(text: str | None, level: str | None) -> None:
    assert normalize_level(text) == level


def test_unknown_words_are_refused_not_guessed() -> None:
    with pytest.raises(ValueError, match="unknown level '평생교육원'"):
        normalize_level("평생교육원")
    # '비대면' holds '대면' but means the opposite: words match whole
    assert normalize_delivery("비대면") == "원격" and normalize_delivery("대면") == "대면"
    assert normalize_delivery("대면 + 녹화") == "혼합" and normalize_delivery("대면/녹화") == "혼합"
    with pytest.raises(ValueError, match="unknown delivery 'EL\\+'"):
        normalize_delivery("EL+")
    assert normalize_language("영ㆍ한혼합") == "영·한혼합" and normalize_language("ENG") == "영어"
    with pytest.raises(ValueError, match="unknown language"):
        normalize_language("캡스톤디자인")


def test_rule_lines_keep_rules_and_drop_other_remarks() -> None:
    cells = ["가", "1학년우선신청", "교직전공(교과교육영역); 학점교류생 수강불가", "비대면 기말고사",
             "대면 기말고사, 6.10(수) 19:00-19:50 / 본교생만 수강가능", "성적평가 S/U", "1학년우선신청"]
    assert rule_lines(cells) == ["1학년우선신청", "학점교류생 수강불가", "본교생만 수강가능"]
    assert parenthesized("전체학년 외국국적학생(2~3학년),계약학과(정보보호학과 제외) (대상외수강제한)") == [
        "2~3학년", "정보보호학과 제외", "대상외수강제한"]


def test_a_grade_point_minimum_is_a_rule() -> None:
    cells = ["ADVANCED CLASS: GPA 3.5 이상, 통계학개론 A0 이상", "평점 평균 3.0 이상 신청 가능", "PGA 투어 사례 분석"]
    assert rule_lines(cells) == ["ADVANCED CLASS: GPA 3.5 이상, 통계학개론 A0 이상", "평점 평균 3.0 이상 신청 가능"]


@pytest.mark.parametrize(
    ("text", "only"),
    [("전체학년 경영학부 군위탁 (대상외수강제한)", True), ("(타학과수강제한)", True),
     ("온라인채플(지정된 수강대상 외 수강신청 불가)", True), ("GTEP 학생만 수강가능", True),
     ("시스템반도체공학과 전용분반(전공필수)", True), ("홀수 학번만 수강", True),
     ("IT융합 수강제한", False), ("인공지능학과 1전공자 수강 불가", False), ("1학년우선신청", False),
     ("*분반조정 모임 폐지(인터넷으로만 수강신청 및 변경가능)", False), ("", False)],
)
def test_only_the_named_students(text: str, only: bool) -> None:
    assert states_target_only(text) is only


def test_sogang_allowance_lists() -> None:
    assert allowance_text("인공지능학과(1전공 불가능),인공지능학과(1전공 불가능)") == "인공지능학과(1전공 불가능)"
    assert allowance_text("경영대학,스타트업연계전공(가능)") == "경영대학,스타트업연계전공(가능)"
    assert allowance_text("") is None
    assert only_allowed("경영대학(가능),스타트업연계전공(가능)") and only_allowed("인공지능학과(1전공 가능)")
    assert not only_allowed("컴퓨터공학과(가능),인공지능학과(불가능)") and not only_allowed("물리학과(1전공 불가능)")
    assert not only_allowed("아무 말")


def test_exam_text() -> None:
    exam = parse_exam("04.23(수)19:30~20:30[K302,K301]", "2025-1")
    assert (exam.month, exam.day, exam.weekday, exam.start, exam.end) == (4, 23, "수", 1170, 1230)
    assert exam.rooms == ("K302", "K301") and exam.date == "2025-04-23"
    assert exam.label() == "04.23(수) 19:30-20:30 K302, K301"
    assert parse_exam("04.27(일)00:00~01:15[]", "2025-1").rooms == ()
    assert parse_exam("04.23(수)19:30~20:30", None).date is None          # no term: no year
    assert parse_exam("04.23(목)19:30~20:30[K1]", "2025-1").date is None  # 2025-04-23 is a 수요일
    assert parse_exam("01.08(수)10:00~11:00[K1]", "2024-겨울").date == "2025-01-08"
    for text in ("", "기말 대체", "04.23(수)20:30~19:30[K1]", "13.01(월)10:00~11:00[]"):
        assert parse_exam(text, "2025-1") is None


def test_head_counts() -> None:
    assert parse_count("40", what="여석") == 40 and parse_count(12.0, what="x") == 12
    assert parse_count("", what="x") is None
    for bad in ("-1", "2.5", "많음"):
        with pytest.raises(ValueError, match="bad 여석"):
            parse_count(bad, what="여석")


def test_model_defaults_and_graduate() -> None:
    plain = CourseSection(term="2026-1", code="X1", name="x")
    assert (plain.level, plain.graduate, plain.restricted_to_target) == (None, None, False)
    assert plain.exam_time() is None
    assert CourseSection(term="2026-1", code="X1", name="x", level="석박").graduate is True
    with pytest.raises(ValueError):
        CourseSection(term="2026-1", code="X1", name="x", level="대학원")  # normalized by the loaders, not here
    with pytest.raises(ValueError):
        CourseSection(term="2026-1", code="X1", name="x", seats_left=-1)
