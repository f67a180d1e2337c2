"""Closed-world reading: leftover words are ranking nudges, course-shaped leftovers that link to nothing are
unknown names, and text variants (NFD, zero-width, full-width) read the same."""

from __future__ import annotations

import unicodedata

import pytest

from agent.index.base import Vocabulary
from agent.query import parse_question
from agent.query.normalize import normalize_question

VOCAB = Vocabulary(
    departments=["경영학과", "컴퓨터학부"],
    professors=["한도윤", "김민서"],
    course_names=["자료구조", "운영체제", "회계원리", "창업과혁신", "기술창업AtoZ", "현장실습", "일반물리학"],
    categories=["전공필수", "교양선택"],
)


def parse(question: str):
    return parse_question(question, VOCAB)


@pytest.mark.parametrize("variant", [
    unicodedata.normalize("NFD", "운영체제 누가 가르쳐?"),
    "운영\u200b체제 누가 가르쳐?",
    "운영체제\ufeff 누가 가르쳐?",
    "운영체제　누가 가르쳐？",
])
def test_text_variants_read_like_the_plain_question(variant: str) -> None:
    assert parse(variant).course_names == ["운영체제"]


def test_normalize_keeps_lone_jamo_and_unifies_full_width() -> None:
    assert normalize_question("ＣＳＥ２０１０  ㅋㅋ") == "CSE2010 ㅋㅋ"


@pytest.mark.parametrize("question, name", [
    ("천체요리학 수업 열려?", "천체요리학"),
    ("딥러닝 강의 있나", "딥러닝"),
    ("로봇제어수업 있어요?", "로봇제어"),
    ("우주항공개론 들을 수 있어?", "우주항공개론"),
    ("Is there a Marine Biology course?", "Marine Biology"),
    ("운영체제보안응용 이번에 열리나", "운영체제보안응용"),
    ("로봇공학 있나요", "로봇공학"),
])
def test_course_shaped_words_that_link_to_nothing_are_unknown_names(question: str, name: str) -> None:
    parsed = parse(question)
    assert parsed.unknown_names == [name]
    assert name not in parsed.nudges


@pytest.mark.parametrize("question", [
    "널널한 수업 추천해줘", "빡센 강의는 싫어", "마음이 따뜻해지는 수업", "생각이 깊어지는 강의", "재밌는 교양 뭐 있어", "방학 때 듣는 수업", "an easy class please",
    "숭실대에 경영학과 수업", "서강대학교 회계원리 몇 시야",
])
def test_wishes_and_everyday_words_are_never_unknown_names(question: str) -> None:
    assert parse(question).unknown_names == []


def test_a_name_phrase_with_an_unknown_word_is_one_unknown_name() -> None:
    # "실습" occurs in a course name (현장실습), but "수중용접 실습" as a whole names nothing.
    parsed = parse("수중용접 실습 수업 있어?")
    assert parsed.unknown_names == ["수중용접 실습"]


def test_topic_words_inside_course_names_are_linked_not_unknown() -> None:
    parsed = parse("창업 관련 과목 뭐 있어?")
    assert parsed.unknown_names == [] and parsed.name_terms == ["창업"]


def test_leftover_words_are_nudges() -> None:
    parsed = parse("운영체제랑 비슷한 거 있어?")
    assert parsed.course_names == ["운영체제"] and parsed.nudges == ["비슷한"] and parsed.unknown_names == []


@pytest.mark.parametrize("question, section", [("자구 3분반 누가 해?", "3"), ("회계원리 02반 시간", "02"),
                                               ("운영체제 01 분반", "01")])
def test_section_numbers(question: str, section: str) -> None:
    assert parse(question).section == section


def test_a_numbered_name_is_not_a_section() -> None:
    assert parse("일반물리학1 분반 알려줘").section is None


@pytest.mark.parametrize("question, start_after, start_before", [
    ("오전 수업 빼고 보여줘", 720, None),
    ("아침 말고 경영학과 과목", 600, None),
    ("오후는 싫어 회계원리", None, 719),
    ("저녁 수업 없는 걸로", None, 1019),
])
def test_parts_of_the_day_ruled_out(question: str, start_after: int | None, start_before: int | None) -> None:
    filters = parse(question).filters
    assert (filters.start_after, filters.start_before) == (start_after, start_before)


@pytest.mark.parametrize("question, end_before", [
    ("끝나는 시간이 4시 전인 수업", 16 * 60), ("마치는 게 11시 전이면 좋겠어", 11 * 60), ("수업 끝나는 시각은 3시 전", 15 * 60),
])
def test_an_end_named_before_the_time(question: str, end_before: int) -> None:
    filters = parse(question).filters
    assert filters.end_before == end_before and filters.start_before is None


PLACES = VOCAB.model_copy(update={
    "rooms": ["조만식기념관 12214", "정보과학관 21304", "형남공학관 05630-B", "D402", "미래관 20301"],
    "english_names": [("Operating Systems", "운영체제"), ("Principles of Accounting", "회계원리")],
    "course_names": [*VOCAB.course_names, "미래사회와기술"],
})


@pytest.mark.parametrize("question, room", [
    ("정보과학관에서 하는 수업 뭐 있어", "정보과학관"),
    ("조만식관 수업 알려줘", "조만식기념관"),
    ("형남공학 쪽 강의", "형남공학관"),
])
def test_buildings_of_the_catalogs_rooms(question: str, room: str) -> None:
    parsed = parse_question(question, PLACES)
    assert parsed.filters.rooms == [room] and parsed.unknown_names == []


def test_a_short_building_name_that_is_an_ordinary_word_is_not_a_building() -> None:
    assert parse_question("미래 관련 수업", PLACES).filters.rooms == []


@pytest.mark.parametrize("question, name", [
    ("who teaches operating systems?", "운영체제"), ("Principles  of Accounting 몇 시야", "회계원리"),
])
def test_the_catalogs_english_names(question: str, name: str) -> None:
    assert parse_question(question, PLACES).course_names == [name]


def _hit(name: str, name_en: str | None = None, description: str | None = None):
    from agent.catalog.models import CourseSection
    from agent.index.base import SearchHit

    return SearchHit(section=CourseSection(term="2026-1", code="X1", name=name, name_en=name_en,
                                           description=description), score=1.0)


def test_leftover_words_are_supported_by_what_the_related_sections_say() -> None:
    from agent.retrieval.retriever import supported

    hits = [_hit("소비자행동론", "Consumer Behavior"), _hit("게임이론", description="전략적 의사결정을 다룬다")]
    assert supported(["consumers"], hits)  # an English stem
    assert supported(["의사결정론"], hits)  # three letters in a row of a description
    assert supported([], hits)
    assert not supported(["잠수함"], hits) and not supported(["submarine"], hits)


@pytest.mark.parametrize("question", ["경영학과인데 운영체제 들을 수 있어?", "컴퓨터학부 학생이라서 회계원리 궁금해",
                                      "경영 전공생인데 자료구조 신청 가능?", "컴공인데 운영체제 들어도 돼?"])
def test_the_students_own_department_is_context_not_a_condition(question: str) -> None:
    parsed = parse(question)
    assert parsed.filters.departments == [] and parsed.student_departments
    assert parsed.course_names


def test_a_department_asked_about_stays_a_condition() -> None:
    assert parse("경영학과 수업 뭐 있어?").filters.departments == ["경영학과"]


def test_a_building_whose_rooms_have_no_number() -> None:
    vocabulary = PLACES.model_copy(update={"rooms": [*PLACES.rooms, "학생회관 다목적실", "대운동장"]})
    assert parse_question("학생회관에서 하는 수업", vocabulary).filters.rooms == ["학생회관"]
    assert parse_question("대운동장 수업 있어?", vocabulary).filters.rooms == ["대운동장"]


@pytest.mark.parametrize("question, series", [
    ("수학과 3000번대 과목 뭐 있어", "3000"), ("200단위 수업", "200"), ("any 4000-level courses in economics?", "4000"),
    ("400 level classes", "400"),
])
def test_the_series_of_the_course_code(question: str, series: str) -> None:
    assert parse(question).filters.code_series == series


def test_a_series_matches_codes_of_that_many_digits() -> None:
    from agent.index.filtering import in_series

    assert in_series("MAT4110", "4000") and in_series("ECO3050", "3000") and in_series("CS101", "100")
    assert not in_series("MAT4110", "400") and not in_series("2150163201", "4000") and not in_series("MAT3110", "4000")


@pytest.mark.parametrize("question, unknown", [("디비 수업 있어?", "데이터베이스"), ("is there a calc class?", "calc")])
def test_a_nickname_for_a_course_the_catalog_lacks_is_an_unknown_name(question: str, unknown: str) -> None:
    vocabulary = VOCAB.model_copy(update={"course_names": ["회계원리", "경영통계"]})
    parsed = parse_question(question, vocabulary)
    assert parsed.course_names == [] and parsed.unknown_names == [unknown]
