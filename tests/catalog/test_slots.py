"""Timetable notations, days, times, terms and categories, one function at a time."""

from __future__ import annotations

import pytest

from agent.catalog import (
    SlotParseError,
    TermError,
    normalize_category,
    normalize_term,
    parse_days,
    parse_slot_text,
    parse_time,
    term_from_filename,
    term_sort_key,
)
from agent.catalog.fields import split_people


def parsed(text: str) -> list[tuple[str, int, int, str | None, str | None]]:
    return [(p.slot.day, p.slot.start, p.slot.end, p.slot.room, p.instructor) for p in parse_slot_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("월 13:00-13:50 (조만식기념관 12214-이순녀)", [("월", 780, 830, "조만식기념관 12214", "이순녀")]),
        ("월 15:00-15:50 (조만식기념관 12530 (경제학과겸임교수강의실)-최현희)",
         [("월", 900, 950, "조만식기념관 12530 (경제학과겸임교수강의실)", "최현희")]),
        ("토 16:20-17:10 (-신용태)", [("토", 980, 1030, None, "신용태")]),
        ("화 21:10-22:40 (조만식기념관 12530 (경제학과겸임교수강의실)-)",
         [("화", 1270, 1360, "조만식기념관 12530 (경제학과겸임교수강의실)", None)]),
        ("목 15:00-16:15 (베어드홀 01101-3(자연과학 융합실습실)-김자헌)",
         [("목", 900, 975, "베어드홀 01101-3(자연과학 융합실습실)", "김자헌")]),
        ("월 12:00-13:15 (형남공학관 05322 (임경희강의실)-Ashraf Abdel hafeez Ahmed Mahmoud)",
         [("월", 720, 795, "형남공학관 05322 (임경희강의실)", "Ashraf Abdel hafeez Ahmed Mahmoud")]),
        ("화 목 15:00-16:15 (진리관 11306-조성해)",
         [("화", 900, 975, "진리관 11306", "조성해"), ("목", 900, 975, "진리관 11306", "조성해")]),
        ("화,목 15:00~16:15 [D402]", [("화", 900, 975, "D402", None), ("목", 900, 975, "D402", None)]),
        ("금 18:30~21:30 / 토 10:00~17:40", [("금", 1110, 1290, None, None), ("토", 600, 1060, None, None)]),
        ("월,수 9:00-10:15 공학관 301", [("월", 540, 615, "공학관 301", None), ("수", 540, 615, "공학관 301", None)]),
        ("Mon/Wed 13:30-14:45", [("월", 810, 885, None, None), ("수", 810, 885, None, None)]),
        ("", []),
        ("[R404]", []),
    ],
)
def test_slot_notations(text: str, expected: list) -> None:
    assert parsed(text) == expected


def test_consecutive_lines_stay_separate_and_exact_repeats_collapse() -> None:
    text = "토 16:20-17:10 (-신용태)\n토 17:20-18:10 (-신용태)\n토 17:20-18:10 (-김철수)"
    assert [(p.slot.start, p.slot.end) for p in parse_slot_text(text)] == [(980, 1030), (1040, 1090)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("X 13:00-13:50 (진리관 11101-)", "unknown day 'X'"),
        ("월 25:00-26:00 (진리관 11101-)", "bad time '25:00'"),
        ("월 13:70-14:00", "bad time '13:70'"),
        ("월 14:00-13:00", "end before start"),
        ("월 오후 2시", "bad time in"),
        ("월 (진리관 11101-)", "no time"),
        ("월 1300-1350", "bad time"),
        ("13:00-13:50 (진리관 11101-)", "no day"),
    ],
)
def test_slot_errors_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(SlotParseError, match=message):
        parse_slot_text(text)


def test_days_and_times() -> None:
    assert parse_days("['월', '수']") == ["월", "수"]
    assert parse_days("화목") == ["화", "목"]
    assert parse_days("월, 수, 금") == ["월", "수", "금"]
    assert parse_days("목요일") == ["목"]
    assert parse_days("[]") == []
    with pytest.raises(SlotParseError, match="unknown day '휴'"):
        parse_days("월,휴")
    assert (parse_time("09:00"), parse_time("9:05"), parse_time("24:00")) == (540, 545, 1440)


def test_terms() -> None:
    assert normalize_term("2026-1") == "2026-1"
    assert normalize_term("2026년 1학기") == "2026-1"
    assert normalize_term("2025 학년도 하계학기") == "2025-여름"
    assert normalize_term("2024_겨울") == "2024-겨울"
    assert normalize_term("2024 fall") == "2024-2"
    with pytest.raises(TermError):
        normalize_term("내년 봄")
    assert term_from_filename("ssu-2026-1.csv") == "2026-1"
    assert term_from_filename("catalog_2024_여름.csv") == "2024-여름"
    assert term_from_filename("sogang-2023-2025.csv") is None
    assert term_from_filename("courses.csv") is None
    terms = ["2025-1", "2024-겨울", "2024-1", "2024-2", "2024-여름"]
    assert sorted(terms, key=term_sort_key) == ["2024-1", "2024-여름", "2024-2", "2024-겨울", "2025-1"]


def test_categories_keep_text_and_add_the_other_form() -> None:
    assert normalize_category("전필-컴퓨터/전선-소프트") == "전필-컴퓨터/전선-소프트 [전공필수·전공선택]"
    assert normalize_category("전선-전기") == "전선-전기 [전공선택]"  # '전기' here is the 전기공학 major
    assert normalize_category("교필") == "교필 [교양필수]"
    assert normalize_category("전공기초") == "전공기초 [전기]"
    assert normalize_category("채플") == "채플"
    assert normalize_category("") is None


def test_people_lists() -> None:
    assert split_people("이순녀\n최현희\n이순녀") == ["이순녀", "최현희"]
    assert split_people("Kim, Halla, 서동욱") == ["Kim, Halla", "서동욱"]
    assert split_people("He, Ya Wen, 강병규, 김보경") == ["He, Ya Wen", "강병규", "김보경"]
    assert split_people("JIN XIANMEI") == ["JIN XIANMEI"]
    assert split_people("") == [] and split_people(None) == []
