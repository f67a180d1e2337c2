"""Level, delivery, language of instruction, seats and categories as students say them: each word links to a
filter, and words that only look alike (a course name, a title, a department) link to nothing."""

from __future__ import annotations

import pytest

from agent.index.base import Vocabulary
from agent.query import parse_question
from agent.query.offering_words import GRADUATE, ONLINE, label, slot_value
from tests.support.vocabulary import VOCAB

# Course names that start with the slot words, an English name holding one, a graduate school as a department.
TRAPS = VOCAB.model_copy(update={
    "course_names": [*VOCAB.course_names, "대학원논문연구", "사이버보안개론", "온라인마케팅", "원격탐사", "중국어회화"],
    "english_names": [("Remote Sensing", "원격탐사")],
    "departments": [*VOCAB.departments, "인공지능대학원"],
})
# A catalog without categories (as Sogang's): one general-education unit among the departments.
NO_CATEGORIES = Vocabulary(
    departments=["전인교육원", "컴퓨터공학과", "경제학과"], professors=["정선용"],
    course_names=["자료구조", "한국문화와역사", "경제학원론"],
)


def filters_of(question: str, vocabulary: Vocabulary = TRAPS) -> dict:
    return parse_question(question, vocabulary).filters.model_dump(exclude_defaults=True, exclude={"term"})


# ---- levels ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("대학원 수업 뭐 있어", {"levels": list(GRADUATE)}),
        ("대학원생이 듣는 머신러닝", {"levels": list(GRADUATE)}),
        ("석사 과정 과목", {"levels": ["석사", "석박"]}),
        ("박사과정 세미나", {"levels": ["박사", "석박"]}),
        ("학부생이 들을 수 있는 머신러닝", {"exclude_levels": list(GRADUATE)}),
        ("대학원 과목은 빼고", {"exclude_levels": list(GRADUATE)}),
        ("graduate courses", {"levels": list(GRADUATE)}),
        ("grad classes", {"levels": list(GRADUATE)}),
        ("for undergraduates only", {"exclude_levels": list(GRADUATE)}),
        ("no graduate courses", {"exclude_levels": list(GRADUATE)}),
        ("PhD seminars", {"levels": ["박사", "석박"]}),
    ],
)
def test_level_words(question: str, expected: dict) -> None:
    assert {k: v for k, v in filters_of(question).items() if "level" in k} == expected


@pytest.mark.parametrize(
    "question",
    ["대학원논문연구 수업", "인공지능대학원 과목", "박사님이 가르치는 수업", "컴퓨터 학부 수업", "I want to graduate early"],
)
def test_look_alikes_are_not_levels(question: str) -> None:
    found = filters_of(question)
    assert "levels" not in found and "exclude_levels" not in found


def test_a_graduate_course_name_stays_a_name() -> None:
    assert parse_question("대학원논문연구 수업", TRAPS).course_names == ["대학원논문연구"]


# ---- delivery --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("비대면 강의 있어?", {"delivery": list(ONLINE)}),
        ("온라인으로 듣는 교양", {"delivery": list(ONLINE)}),
        ("원격수업", {"delivery": list(ONLINE)}),
        ("녹화 강의", {"delivery": ["녹화", "혼합"]}),  # a mixed section (대면+녹화) is recorded too
        ("recorded lectures", {"delivery": ["녹화", "혼합"]}),
        ("동영상 강의로만 진행하는 교양", {"delivery": ["녹화"]}),  # that mode alone: no classroom meetings
        ("fully recorded electives", {"delivery": ["녹화"]}), ("recorded only, please", {"delivery": ["녹화"]}),
        ("혼합형 수업", {"delivery": ["혼합"]}),
        ("대면 수업만", {"exclude_delivery": list(ONLINE)}),  # in person = not online (a blank says nothing)
        ("대면 아닌 수업", {"delivery": list(ONLINE)}),
        ("녹화 강의는 싫어", {"exclude_delivery": ["녹화"]}),  # recorded-only sections, not classroom ones
        ("no recorded classes", {"exclude_delivery": ["녹화"]}),
        ("online classes", {"delivery": list(ONLINE)}),
        ("in-person lectures", {"exclude_delivery": list(ONLINE)}),
        ("not online", {"exclude_delivery": list(ONLINE)}),
    ],
)
def test_delivery_words(question: str, expected: dict) -> None:
    assert {k: v for k, v in filters_of(question).items() if "delivery" in k} == expected


@pytest.mark.parametrize(
    "question", ["사이버보안개론 수업", "온라인마케팅 누가 가르쳐", "Remote Sensing lectures", "수업 녹화본 있어?"]
)
def test_look_alikes_are_not_delivery(question: str) -> None:
    found = filters_of(question)
    assert "delivery" not in found and "exclude_delivery" not in found


# ---- language of instruction -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("영·한 혼합 수업", {"languages": ["영·한혼합"]}),  # a language, not the 혼합 delivery mode
        ("영한혼합 강의 말고", {"exclude_languages": ["영·한혼합"]}),
        ("bilingual courses", {"languages": ["영·한혼합"]}),
        ("Korean and English lectures", {"languages": ["영·한혼합"]}),
        ("중국어로 진행하는 수업", {"languages": ["중국어"]}),
        ("한국어로 진행되는 경제원론", {"english": False}),
        ("courses taught in Korean", {"english": False}),
        ("중국어회화 수업", {}),  # the course, not a language of instruction
        ("한국어 강의", {}),  # a course about Korean, or taught in it: not read as a condition
    ],
)
def test_language_words(question: str, expected: dict) -> None:
    found = {k: v for k, v in filters_of(question).items() if k in ("languages", "exclude_languages", "english")}
    assert found == expected
    assert "delivery" not in filters_of(question)


# ---- seats -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("여석 남은 자료구조", True), ("자리 있는 수업", True), ("빈자리 있는 교양", True),
        ("sections with open seats", True), ("seats left in Data Structures", True),
        ("여석 없는 분반", False),
        ("그 수업 여석 있어?", None),  # asks about seats: the answer's business, not a filter
    ],
)
def test_seat_words(question: str, wanted: bool | None) -> None:
    parsed = parse_question(question, TRAPS)
    assert parsed.filters.has_seats is wanted
    if wanted is not None:
        assert any("수강편람 기준" in note for note in parsed.notes)


# ---- categories ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "category"),
    [
        ("전필 뭐 있어", "전공필수"), ("전공선택 과목", "전공선택"), ("전공기초 과목", "전공기초"),
        ("교필 수업", "교양필수"), ("교선 추천", "교양선택"), ("1학점 교양", "교양"),
        ("3학년 전공", "전공"), ("전공 수업 중에 월요일", "전공"),
        ("전공 무관하게 들을 수 있는 수업", None), ("타 전공 학생도 되나", None), ("부전공 과목", None),
    ],
)
def test_category_words(question: str, category: str | None) -> None:
    assert parse_question(question, VOCAB).filters.category == category


def test_a_finer_category_the_catalog_lacks_falls_back_and_says_so() -> None:
    parsed = parse_question("핵심교양 추천", VOCAB)
    assert parsed.filters.category == "교양"
    assert any("핵심교양" in note and "교양" in note for note in parsed.notes)


def test_전공_with_a_department_is_that_departments_courses() -> None:
    parsed = parse_question("컴공 3학년 전공", VOCAB)
    assert parsed.filters.departments == ["컴퓨터학부", "컴퓨터학과"] and parsed.filters.category is None
    assert any("'전공'은" in note for note in parsed.notes)


def test_without_categories_교양_means_the_general_education_unit() -> None:
    parsed = parse_question("교양 수업 뭐 있어", NO_CATEGORIES)
    assert parsed.filters.departments == ["전인교육원"] and parsed.filters.category is None
    assert any("이수구분이 없어" in note for note in parsed.notes)
    major = parse_question("전공 수업 월요일", NO_CATEGORIES).filters
    assert major.exclude_departments == ["전인교육원"] and major.days == ["월"] and major.category is None
    not_general = parse_question("교양 말고 경제학과 수업", NO_CATEGORIES).filters
    assert not_general.departments == ["경제학과"] and not_general.exclude_departments == ["전인교육원"]


def test_without_categories_or_a_general_education_unit_the_word_only_ranks() -> None:
    bare = NO_CATEGORIES.model_copy(update={"departments": ["컴퓨터공학과", "경제학과"]})
    parsed = parse_question("교양 수업 추천", bare)
    assert parsed.filters.is_empty() and parsed.unknown_names == []
    assert "교양" in parsed.query  # a ranking nudge, never "no such course"


# ---- the table both modes read ---------------------------------------------------------------------
def test_the_word_table() -> None:
    assert slot_value("levels", "석사생").values == ("석사", "석박")  # type: ignore[union-attr]
    assert slot_value("levels", "Undergrads").rules_out is True  # type: ignore[union-attr]
    assert slot_value("delivery", "face to face").rules_out is True  # type: ignore[union-attr]
    assert slot_value("delivery", "원격").values == ONLINE  # type: ignore[union-attr]
    assert slot_value("languages", "영.한혼합").values == ("영·한혼합",)  # type: ignore[union-attr]
    assert slot_value("levels", "녹화") is None and slot_value("delivery", "텔레파시") is None
    assert label("levels", list(GRADUATE)) == "대학원" and label("levels", list(GRADUATE), "en") == "graduate"
    assert label("delivery", ["녹화", "원격"]) == "원격·녹화"
    assert label("languages", ["영·한혼합"], "en") == "Korean-English"
