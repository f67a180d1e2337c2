"""Class periods in a question ("월요일 1교시", "3-4교시", "5교시 이후"): read with the catalog's period table
(its mapping's, its university's built-in one), or with the stated default, which the reading records."""

from __future__ import annotations

import pytest

from agent.catalog.periods import BUILT_IN, DEFAULT
from agent.index.base import Vocabulary
from agent.query import ParsedQuestion, parse_question

SOONGSIL = Vocabulary(course_names=["회계원리"], universities=["숭실대학교"])
SOGANG = Vocabulary(course_names=["회계원리"], universities=["서강대학교"])
NO_TABLE = Vocabulary(course_names=["회계원리"], universities=["한빛대학교"])
OWN_TABLE = Vocabulary(course_names=["회계원리"], universities=["한빛대학교"],
                       periods=[(1, 8 * 60 + 30, 9 * 60 + 45), (2, 10 * 60, 11 * 60 + 15), (3, 11 * 60 + 30, 12 * 60 + 45)])


def read(question: str, vocabulary: Vocabulary) -> ParsedQuestion:
    return parse_question(question, vocabulary, now_term="2026-1")


def bounds(parsed: ParsedQuestion) -> tuple[int | None, int | None, int | None]:
    f = parsed.filters
    return f.start_after, f.start_before, f.end_before


def test_the_built_in_tables_follow_the_catalogs_start_times() -> None:
    assert [p[1] for p in BUILT_IN["숭실대학교"][:3]] == [540, 600, 660]  # 09:00, 10:00, 11:00
    assert [(p[1], p[2]) for p in BUILT_IN["서강대학교"][:2]] == [(540, 615), (630, 705)]  # 09:00-10:15, 10:30-11:45


def test_one_period_is_a_class_starting_in_it() -> None:
    assert bounds(read("월요일 1교시 회계원리", SOONGSIL)) == (540, 599, None)
    assert bounds(read("월요일 2교시 회계원리", SOGANG)) == (630, 719, None)  # 10:30 up to 3교시 (12:00)
    parsed = read("수요일 3교시 수업", SOGANG)
    assert parsed.filters.days == ["수"] and parsed.assumed_periods == [] and parsed.query == ""


@pytest.mark.parametrize(("question", "expected"), [
    ("3-4교시 수업", (660, None, 770)),          # Soongsil: 11:00 to 12:50
    ("3~4교시에 듣는 강의", (660, None, 770)),
    ("2교시부터 3교시까지 회계원리", (600, None, 710)),
    ("5교시 이후 수업", (780, None, None)),
    ("5교시부터 가능한 수업", (780, None, None)),
    ("3교시 전에 시작하는", (None, 659, None)),
    ("4교시 전에 끝나는", (None, None, 720)),
    ("4교시까지 끝나는 수업", (None, None, 770)),
    ("1교시 빼고", (600, None, None)),
    ("1,2교시 수업 없는 걸로", (660, None, None)),
])
def test_period_phrases_on_hourly_periods(question: str, expected: tuple) -> None:
    parsed = read(question, SOONGSIL)
    assert bounds(parsed) == expected and parsed.assumed_periods == []
    assert "교시" not in parsed.query and "이후" not in parsed.query


def test_a_middle_period_ruled_out_is_no_bound_and_says_so() -> None:
    parsed = read("3교시 빼고 회계원리", SOONGSIL)
    assert bounds(parsed) == (None, None, None) and any("3~3교시 제외" in n for n in parsed.notes)


def test_periods_tighten_the_time_words() -> None:
    assert bounds(read("오후 5교시 이후 수업", SOONGSIL)) == (780, None, None)
    assert bounds(read("3교시 이후 오후 수업", SOONGSIL)) == (720, None, None)  # 오후 (12:00) is the tighter one


@pytest.mark.parametrize(("question", "expected"), [
    ("classes in period 2", (600, 659, None)),
    ("1st period Monday", (540, 599, None)),
    ("after period 5", (780, None, None)),
    ("periods 3-4", (660, None, 770)),
    ("no 1st period", (600, None, None)),
])
def test_english_periods(question: str, expected: tuple) -> None:
    assert bounds(read(question, SOONGSIL)) == expected


def test_the_catalogs_own_table_comes_first() -> None:
    assert bounds(read("2교시 회계원리", OWN_TABLE)) == (600, 689, None)
    assert read("2교시 회계원리", OWN_TABLE).assumed_periods == []


def test_without_a_table_the_default_is_used_and_recorded() -> None:
    parsed = read("월요일 1교시 수업", NO_TABLE)
    assert bounds(parsed) == (540, 599, None) and DEFAULT[0][1] == 540
    assert parsed.assumed_periods == [(1, 540)]
    assert read("3-4교시", NO_TABLE).assumed_periods == [(3, 660), (4, 720)]


def test_a_period_beyond_the_table_is_no_bound() -> None:
    parsed = read("9교시 수업", SOGANG)  # Sogang's last period is 7교시 (18:00)
    assert bounds(parsed) == (None, None, None) and parsed.unknown_names == []


@pytest.mark.parametrize("question", ["교시표 보여줘", "1교양 과목", "2학기 회계원리", "오후 1시 수업"])
def test_words_that_are_not_periods(question: str) -> None:
    parsed = read(question, SOONGSIL)
    assert parsed.assumed_periods == [] and not any(n.startswith("교시") for n in parsed.notes)
