"""Course names as students mistype them (letter slips, spacing, a missing or doubled syllable, English glued
or in another case) and their English slang: each links the course, and the ordinary words around them
link nothing."""

from __future__ import annotations

import pytest

from agent.query import parse_question
from tests.support.vocabulary import VOCAB


def names(question: str) -> list[str]:
    return parse_question(question, VOCAB).course_names


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("운영채재 몇 시야", "운영체제"),  # two vowel slips (ㅔ/ㅐ twice)
        ("알거리증 교수님", "알고리즘"),  # ㅗ/ㅓ and a final ㅁ/ㅇ
        ("확율과통계 분반", "확률과통계"),
        ("자료굳조 들을래", "자료구조"),  # a final consonant added
        ("운영체 누가 해", "운영체제"),  # a syllable missing
        ("자료구구조 시간표", "자료구조"),  # a syllable doubled
        ("자 료구조 강의실", "자료구조"),  # a space in the wrong place
        ("이산 수학 교수님", "이산수학"),
    ],
)
def test_letter_slips_and_spacing_link_the_course(question: str, name: str) -> None:
    assert name in names(question)


def test_a_typo_beside_a_named_course_is_linked_too() -> None:
    assert set(names("자료구조랑 운영채재 같이 들어도 돼?")) == {"자료구조", "운영체제"}


@pytest.mark.parametrize(
    "question",
    ["자료조사 방법 알려줘", "이산가족 상봉 행사", "회계감사 일정 알려줘", "오늘 학식 메뉴 뭐야", "기숙사 신청 언제 해?",
     "도서관 자리 있어?", "양자요리학 수업 열려?"],
)
def test_ordinary_words_are_not_corrected_into_courses(question: str) -> None:
    assert names(question) == []


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("datastructures lecture times", "자료구조"),
        ("who teaches OperatingSystems?", "운영체제"),
        ("MACHINE LEARNING sections", "머신러닝"),
        ("when are the algoritms classes", "알고리즘"),  # one letter off
        ("is there a linearalgebra class on monday", "선형대수"),
    ],
)
def test_english_names_glued_in_any_case_or_one_letter_off(question: str, name: str) -> None:
    assert name in names(question)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who teaches stats this term?", {"통계학", "확률과통계"}),
        ("calc 1 sections please", {"미적분학1"}),
        ("is comp arch on tuesday", {"컴퓨터구조"}),
        ("algo professor", {"알고리즘"}),
        ("DB and OS times", {"데이터베이스", "운영체제"}),
        ("ML class", {"머신러닝"}),
        ("discrete math on friday", {"이산수학"}),
        ("lin alg sections", {"선형대수"}),
    ],
)
def test_english_slang_links_the_course(question: str, expected: set[str]) -> None:
    assert set(names(question)) == expected


@pytest.mark.parametrize(
    "question",
    ["help me calculate my credits", "algorithmic trading club", "I enjoy designing things", "what about everything",
     "my statistically best day"],
)
def test_english_words_near_a_name_are_not_names(question: str) -> None:
    assert names(question) == []


def test_stats_beside_a_major_is_a_department_not_a_course() -> None:
    parsed = parse_question("stats major courses", VOCAB)
    assert parsed.course_names == [] and parsed.filters.departments == ["정보통계·보험수리학과"]


def test_a_phrase_alias_is_read_once() -> None:
    parsed = parse_question("calc 1 sections", VOCAB)
    assert [note for note in parsed.notes if "calc" in note] == ["'calc 1' → 미적분학1"]


def test_a_word_of_a_named_course_is_not_a_typo_of_another() -> None:
    vocabulary = VOCAB.model_copy(update={"course_names": ["리눅스시스템프로그래밍", "시스템프로그래밍", "프로그래밍1"]})
    assert parse_question("시스템 프로그래밍 몇 시야", vocabulary).course_names == ["시스템프로그래밍"]


def test_a_catalog_course_named_like_an_english_alias_keeps_its_name() -> None:
    vocabulary = VOCAB.model_copy(update={"course_names": ["Natural Language Processing", "자료구조"]})
    parsed = parse_question("Natural Language Processing 수업 누가 해?", vocabulary)
    assert parsed.course_names == ["Natural Language Processing"] and "자연어처리" not in parsed.query
