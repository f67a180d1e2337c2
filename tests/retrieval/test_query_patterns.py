"""The patterns question readers share (`agent.query.patterns`): one course-code shape and one day-run rule,
so the parser, the search-mode planner and the reader of earlier answers agree."""

from __future__ import annotations

import pytest

from agent.index.base import Vocabulary
from agent.query import parse_question
from agent.query.patterns import COURSE_CODE, mentions_days
from agent.search_mode.conversation import cited_courses
from agent.search_mode.intent import course_codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("2150165401 몇 학점?", ["2150165401"]),  # Soongsil: 10 digits
        ("CSE4020 누가 가르쳐?", ["CSE4020"]),  # Sogang: 3 letters
        ("MGTG707 강의실", ["MGTG707"]),  # 4 letters
        ("CUICC011 언제야", ["CUICC011"]),  # 5 letters (real Sogang codes have them)
        ("ABCDE1234 있어?", ["ABCDE1234"]),
        ("mat-2110 몇 학점", ["mat-2110"]),
        ("2150165 과목", ["2150165"]),  # fewer digits only when the words say it is a code
        ("학번 20231234인데 뭐 들어?", []),  # a student number is not a code
        ("2026년 1학기 13:30 수업", []),
        ("ABCDEF1234 있어?", []),  # six letters: no catalog writes codes like that
    ],
)
def test_course_code_shapes(text: str, codes: list[str]) -> None:
    assert [m.group(1) for m in COURSE_CODE.finditer(text)] == codes


@pytest.mark.parametrize("question", ["CUICC011 몇 학점이야?", "2150165401 어디서 해?", "cse4020 누가 가르쳐?"])
def test_parser_planner_and_history_reader_read_the_same_codes(question: str) -> None:
    parsed = parse_question(question, Vocabulary()).course_codes
    assert parsed == course_codes(question) == [c.code.upper() for c in cited_courses(question)]
    assert len(parsed) == 1


@pytest.mark.parametrize(
    ("text", "days"),
    [("화목에 뭐 있어?", True), ("월수금반", True), ("금요일 수업", True), ("금일 날씨 어때", False),
     ("일일 특강", False), ("수수료", False), ("들을 수 있어?", False)],
)
def test_day_runs(text: str, days: bool) -> None:
    assert mentions_days(text) is days
    parsed = parse_question(text, Vocabulary()).filters
    assert bool(parsed.days or parsed.exclude_days) is days  # the parser reads the same days
