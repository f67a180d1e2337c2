"""Negation, one mechanism for every kind of linked thing: the words after it (Korean) or before it (English)
turn it into an exclusion of its own kind; a question that only asks ("없어?") stays a question."""

from __future__ import annotations

import pytest

from agent.query import parse_question
from agent.query.negation import negation_after, negation_before, negation_of, with_negation
from tests.support.vocabulary import VOCAB


def parse(question: str):
    return parse_question(question, VOCAB)


# ---- the grammar: Korean words after the thing, English words before it ---------------------------
@pytest.mark.parametrize(
    ("text", "thing", "negated"),
    [
        ("원격 말고 다른 거", "원격", True),
        ("조은 교수님 반은 빼고 보여줘", "조은", True),
        ("경제학과 수업 제외하고", "경제학과", True),
        ("교필이 아닌 과목", "교필", True),
        ("녹화 강의는 싫어", "녹화", True),
        ("대학원 과정 안 하는 곳", "대학원", True),
        ("석사 대신 학부", "석사", True),
        ("원격 수업 없어?", "원격", False),  # asks whether there are any
        ("원격이야 아니야?", "원격", False),
        ("원격 아니면 녹화", "원격", False),
        ("원격 수업 좋아", "원격", False),
        ("classes not taught by Jay Fraser", "Jay Fraser", True),
        ("everything except economics", "economics", True),
        ("no graduate courses", "graduate", True),
        ("courses other than physics", "physics", True),
        ("without online lectures", "online", True),
        ("non-English sections", "English", True),
        ("graduate courses in physics", "physics", False),
        ("I know economics", "economics", False),  # "know" is not "no"
    ],
)
def test_the_words_that_rule_a_thing_out(text: str, thing: str, negated: bool) -> None:
    start = text.index(thing)
    read = negation_after if "가" <= thing[0] <= "힣" else (lambda text, _: negation_before(text, start))
    assert (read(text, start + len(thing)) is not None) is negated
    assert (negation_of(text, start, start + len(thing)) is not None) is negated


def test_the_claimed_span_covers_the_thing_and_its_negation() -> None:
    text = "녹화 강의는 빼고 찾아줘"
    negation = negation_of(text, 0, 2)
    assert negation is not None
    assert text[slice(*with_negation(0, 2, negation))] == "녹화 강의는 빼고"
    assert with_negation(3, 5, None) == (3, 5)


# ---- every kind of thing ---------------------------------------------------------------------------
def test_professors_ruled_out_and_asked_for_in_one_question() -> None:
    filters = parse("최현희 교수님 반 말고 권재환 교수 수업").filters
    assert filters.exclude_professors == ["최현희"] and filters.professors == ["권재환"]
    assert parse("not taught by Jay Fraser").filters.exclude_professors == ["Jay Fraser"]
    asked = parse("최현희 교수님 수업 없어?").filters
    assert asked.professors == ["최현희"] and asked.exclude_professors == []


def test_departments_ruled_out() -> None:
    filters = parse("회계학과 빼고 경제학과 수업").filters
    assert filters.exclude_departments == ["회계학과"] and filters.departments == ["경제학과"]
    assert parse("courses other than computer science").filters.exclude_departments == ["컴퓨터학부", "컴퓨터학과"]
    # the negation words never reach the free text
    assert parse("회계학과는 싫어").query == ""


def test_a_department_then_전공_then_a_negation() -> None:
    parsed = parse("컴공 전공 말고 교양")
    assert parsed.filters.exclude_departments == ["컴퓨터학부", "컴퓨터학과"]
    assert parsed.filters.category == "교양" and parsed.filters.exclude_categories == []


def test_categories_ruled_out() -> None:
    filters = parse("교필은 제외하고 화요일").filters
    assert filters.exclude_categories == ["교양필수"] and filters.category is None and filters.days == ["화"]
    both = parse("전공 아닌 과목 중에 교선").filters
    assert both.exclude_categories == ["전공"] and both.category == "교양선택"


def test_courses_ruled_out_in_both_languages() -> None:
    korean = parse("운체는 싫어 컴구 수업")
    assert korean.excluded_names == ["운영체제"] and korean.course_names == ["컴퓨터구조"]
    english = parse("not Data Structures, something on Monday")
    assert english.excluded_names == ["자료구조"] and english.course_names == [] and english.filters.days == ["월"]


def test_english_taught_ruled_out() -> None:
    for question in ("영강 말고 미시경제학", "영어강의 아닌 거", "non-English classes", "classes not in English"):
        assert parse(question).filters.english is False, question
    assert parse("영어강의 미시경제학").filters.english is True


@pytest.mark.parametrize(
    ("question", "excluded"),
    [("수요일은 싫어", ["수"]), ("금요일 대신 목요일", ["금"]), ("월요일 수업 빼고", ["월"])],
)
def test_days_share_the_negation_words(question: str, excluded: list[str]) -> None:
    parsed = parse(question)
    assert parsed.filters.exclude_days == excluded
    assert parsed.query == ""  # "싫어", "대신", "빼고" are read, not searched for


def test_parts_of_the_day_share_the_negation_words() -> None:
    assert parse("오전 수업은 싫어").filters.start_after == 720
    assert parse("저녁 강의 말구").filters.start_before == 1019  # 저녁 starts at 17:00
