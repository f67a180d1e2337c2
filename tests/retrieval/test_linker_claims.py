"""Which linker may claim which words: a department's stem said alone is the department (never a course
name's typo), and a course name written out whole is read by no other linker (its abbreviations, English
words, department words, credits or numerals are the name's own)."""

from __future__ import annotations

from agent.index.base import Vocabulary
from agent.query import parse_question

VOCAB = Vocabulary(
    departments=["사회학과", "철학부", "연극영화학과", "정보사회학과", "통계학과", "행정학부", "평생교육전공", "학사팀",
                 "ML콘텐츠학과", "광고·홍보학과"],
    professors=["문하늘", "배진우"],
    course_names=[
        "사회과학방법론", "사회과학", "연극영화사", "정보사회학", "통계학입문1", "철학과문학", "행정학원론",
        "DB설계와SQL실습", "OS원리와ML시스템", "현장실습(2학점)", "실용영어", "일반물리학I", "일반물리학II",
        "[핵심교양]ML과사회", "C++프로그래밍기초", "3D모델링", "스마트팩토리와 IoT 응용",
    ],
    categories=["전공선택", "교양선택"],
)


def parse(question: str):  # type: ignore[no-untyped-def]
    return parse_question(question, VOCAB)


# --- a department's stem said alone ----------------------------------------------------------------------
def test_a_stem_said_alone_is_the_department_not_a_typo_of_a_course() -> None:
    parsed = parse("사회학 과목 뭐 있어?")  # 사회과학 is one letter away: not a typo here
    assert parsed.filters.departments == ["사회학과"]
    assert parsed.course_names == [] and not any("오타" in note for note in parsed.notes)


def test_a_school_named_with_bu_is_its_stem_too() -> None:
    assert parse("철학 수업 들을래").filters.departments == ["철학부"]
    assert parse("행정학 강의 알려줘").filters.departments == ["행정학부"]


def test_a_major_named_with_jeongong_is_its_stem() -> None:
    assert parse("평생교육 과목 있어?").filters.departments == ["평생교육전공"]


def test_an_office_has_no_stem_said_alone() -> None:
    assert parse("학사 일정 궁금해").filters.departments == []


def test_a_stem_mixing_latin_or_signs_is_read_whole() -> None:
    parsed = parse("ML콘텐츠학 수업 있어?")  # "ML" alone would be 머신러닝
    assert parsed.filters.departments == ["ML콘텐츠학과"] and parsed.course_names == []
    assert parse("광고·홍보학 과목 알려줘").filters.departments == ["광고·홍보학과"]


def test_a_stem_ruled_out_is_an_excluded_department() -> None:
    parsed = parse("통계학 수업 말고 다른 거")
    assert parsed.filters.exclude_departments == ["통계학과"] and parsed.filters.departments == []


def test_a_course_of_the_stems_very_name_stays_the_course() -> None:
    parsed = parse("정보사회학 수업 누가 해?")
    assert parsed.course_names == ["정보사회학"] and parsed.filters.departments == []


def test_the_stem_with_its_department_word_is_still_the_department() -> None:
    parsed = parse("정보사회학과 전공 과목")
    assert parsed.filters.departments == ["정보사회학과"] and parsed.course_names == []


def test_a_stem_that_starts_a_course_name_written_apart_is_left_to_the_course() -> None:
    parsed = parse("통계학 입문 시간 알려줘")  # 통계학입문1: a name's first word, not the department
    assert parsed.filters.departments == []


def test_a_shorter_department_stem_is_never_corrected_into_a_course_name() -> None:
    parsed = parse("연극영화 관련 수업 있어?")  # 연극영화사 is one letter away; 연극영화 is the department's word
    assert "연극영화사" not in parsed.course_names and not any("오타" in note for note in parsed.notes)


def test_a_real_typo_of_a_course_is_still_corrected() -> None:
    assert parse("사회과확방법론 수업").course_names == ["사회과학방법론"]


# --- a whole name claims its words first ---------------------------------------------------------------
def test_an_abbreviation_inside_a_whole_name_is_not_read() -> None:
    parsed = parse("DB설계와SQL실습 강의실 어디야?")  # "DB" alone would be 데이터베이스
    assert parsed.course_names == ["DB설계와SQL실습"]
    assert not any("데이터베이스" in note for note in parsed.notes)


def test_two_abbreviations_inside_one_name() -> None:
    parsed = parse("OS원리와ML시스템 교수님 누구야")
    assert parsed.course_names == ["OS원리와ML시스템"] and parsed.unknown_names == []


def test_a_bracketed_prefix_written_with_the_name_is_the_names() -> None:
    parsed = parse("[핵심교양]ML과사회 언제 해?")
    assert parsed.course_names == ["[핵심교양]ML과사회"]
    assert parsed.unknown_names == [] and parsed.nudges == []


def test_a_department_word_inside_a_name_is_the_names() -> None:
    parsed = parse("철학과문학 몇 학점이야?")
    assert parsed.course_names == ["철학과문학"] and parsed.filters.departments == []


def test_credits_inside_a_name_are_no_credit_condition() -> None:
    parsed = parse("현장실습(2학점) 수요일에 있어?")
    assert parsed.course_names == ["현장실습(2학점)"] and parsed.filters.credits is None
    assert parsed.filters.days == ["수"]


def test_a_language_word_inside_a_name_is_no_english_taught_condition() -> None:
    parsed = parse("실용영어 강의실 알려줘")  # "영어 강의" spans the name's end and the next word
    assert parsed.course_names == ["실용영어"] and parsed.filters.english is None


def test_roman_numerals_and_digits_pick_the_one_course() -> None:
    assert parse("일반물리학II 분반 몇 개야").course_names == ["일반물리학II"]
    assert parse("일반물리학 Ⅱ 시간표").course_names == ["일반물리학II"]
    assert parse("3D모델링 누가 가르쳐").course_names == ["3D모델링"]
    assert parse("C++프로그래밍기초 강의실").course_names == ["C++프로그래밍기초"]


def test_a_name_with_spaces_keeps_its_words_for_ranking() -> None:
    parsed = parse("스마트팩토리와 IoT 응용 누가 가르쳐?")
    assert parsed.course_names == ["스마트팩토리와 IoT 응용"]
    assert "응용" in parsed.query and parsed.nudges == [] and parsed.unknown_names == []


def test_a_whole_name_ruled_out_is_excluded() -> None:
    parsed = parse("C++프로그래밍기초 말고 다른 전공선택")
    assert parsed.excluded_names == ["C++프로그래밍기초"] and parsed.course_names == []


def test_whole_names_are_listed_in_the_order_the_question_names_them() -> None:
    parsed = parse("3D모델링이랑 DB설계와SQL실습 겹쳐?")  # the longer name is read first, listed second
    assert parsed.course_names == ["3D모델링", "DB설계와SQL실습"]
