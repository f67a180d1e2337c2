"""Abbreviations derived from a catalog's own names: the parts of a name, the forms, the table, and how a
question links them (or, for ordinary words, does not)."""

from __future__ import annotations

import pytest

from agent.index.base import Vocabulary
from agent.index.vocabulary import parse_vocabulary_lines, vocabulary_lines
from agent.query import parse_question
from agent.query.abbreviations import AbbreviationTable, derived_forms
from agent.query.segments import SegmentModel, name_chunks, trailing_number
from agent.query.vocab import matcher_for

# A made-up catalog whose names teach the parts: "구조", "통계", "컴퓨터" and "네트워크" each occur in
# several names with different neighbours.
NAMES = [
    "자료구조", "자료분석", "건축구조", "컴퓨터구조", "컴퓨터그래픽스", "컴퓨터네트워크", "네트워크보안",
    "네트워크프로그래밍", "확률과통계", "경영통계", "사회통계", "회계원리", "경제원론", "마케팅원론", "신호및시스템",
    "운영체제", "운영관리", "정치체제", "조직행동론", "조직문화", "행동경제학", "객체지향프로그래밍", "웹프로그래밍",
    "시스템프로그래밍", "컴퓨터프로그래밍1", "컴퓨터프로그래밍2", "경영분석", "경제분석", "회계감사", "이산수학",
    "공업수학", "재무수학", "자료구조입문", "물리학의이해", "경제학의이해", "지리학의이해",
]


@pytest.fixture(scope="module")
def model() -> SegmentModel:
    return SegmentModel(NAMES)


# ---- parts of a name ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("chunk", "parts"),
    [
        ("자료구조", ["자료", "구조"]),
        ("컴퓨터네트워크", ["컴퓨터", "네트워크"]),
        ("확률과통계", ["확률", "과", "통계"]),  # the connector stands alone, not "과통계"
        ("신호및시스템", ["신호", "및", "시스템"]),
        ("객체지향프로그래밍", ["객체", "지향", "프로그래밍"]),
        ("조직행동론", ["조직", "행동", "론"]),  # a four-letter word of two words is cut in two
        ("물리학의이해", ["물리", "학", "의", "이해"]),
    ],
)
def test_names_are_cut_into_the_parts_the_catalog_shows(model: SegmentModel, chunk: str, parts: list[str]) -> None:
    assert model.segment(chunk) == parts


def test_a_run_always_followed_by_the_same_letter_is_no_word(model: SegmentModel) -> None:
    assert model.is_unit("컴퓨터") and not model.is_unit("컴퓨")
    assert not model.is_unit("과통계")  # a connector glued to a word


def test_brackets_and_levels_of_a_name() -> None:
    assert name_chunks("[교양]컴퓨터 네트워크(계약)") == ["컴퓨터", "네트워크"]
    assert [trailing_number(n) for n in ("미적분학1", "일반물리I", "세미나 Ⅱ", "자료구조", "C++")] == [1, 1, 2, None, None]


# ---- forms of a name ---------------------------------------------------------------------------------
def _tiers(forms: list[tuple[str, int]], *tiers: int) -> list[tuple[str, int]]:
    return [(form, tier) for form, tier in forms if tier in tiers]


def test_forms_are_every_initial_then_the_shortened_ones(model: SegmentModel) -> None:
    assert _tiers(derived_forms("객체지향프로그래밍", model), 1, 2) == [("객지프", 1), ("객프", 2), ("객지", 2)]
    assert _tiers(derived_forms("확률과통계", model), 1, 2) == [("확통", 1)]
    assert _tiers(derived_forms("컴퓨터프로그래밍2", model), 1, 2) == [("컴프2", 1), ("컴프", 1)]
    assert _tiers(derived_forms("운영체제", model), 1, 2) == [("운체", 1)]
    assert derived_forms("회계", model) == []  # one part: nothing to shorten


# ---- the table ---------------------------------------------------------------------------------------
def test_lookup_gives_the_best_tier_and_keeps_the_rest_as_others() -> None:
    table = AbbreviationTable(NAMES)
    found = table.lookup("자구")
    assert found is not None
    assert found.courses == ("자료구조",)
    assert found.others == ("자료구조입문",)  # 자료|구조|입문 shortens to 자구 too: named, not linked


def test_the_likelier_course_comes_first() -> None:
    table = AbbreviationTable(NAMES, offered_by={"경제분석": 3, "경영분석": 1})
    assert table.lookup("경분").courses == ("경제분석", "경영분석")
    table = AbbreviationTable(NAMES, offered_by={"경제분석": 1, "경영분석": 2})
    assert table.lookup("경분").courses == ("경영분석", "경제분석")
    assert table.lookup("컴프").courses == ("컴퓨터프로그래밍1", "컴퓨터프로그래밍2")  # the lower level first


def test_forms_that_are_words_are_not_abbreviations() -> None:
    table = AbbreviationTable([*NAMES, "경영제도", "보안면접", "화학금융", "소설개론"], words=["김경분"])
    assert table.lookup("화금") is None and table.blocked["화금"] == "days"
    assert table.lookup("소개") is None  # 소설|개론, yet "소개 좀 해줘" means an introduction
    assert table.lookup("이수") is None and table.blocked["이수"] == "ordinary word"  # 이산수학
    assert table.lookup("재수") is None  # 재무수학
    assert table.lookup("경제") is None and table.blocked["경제"] == "catalog word"  # 경영제도, yet 경제 is a word
    assert table.lookup("보면") is None and table.blocked["보면"] == "verb form"
    assert table.lookup("운체") is not None


def test_a_form_shared_by_too_many_courses_means_none_of_them() -> None:
    names = ["공간설계", "공업설계", "공정설계", "공학설계"]
    table = AbbreviationTable(names)
    assert table.lookup("공설") is None and table.blocked["공설"] == "4 courses"
    assert AbbreviationTable(names[:3]).lookup("공설").courses == tuple(names[:3])


def test_names_spelled_two_ways_are_one_course() -> None:
    table = AbbreviationTable(["컴퓨터 네트워크", "컴퓨터네트워크", "네트워크보안"])
    assert set(table.lookup("컴네").courses) == {"컴퓨터 네트워크", "컴퓨터네트워크"}


def test_the_table_is_worked_out_per_first_syllable() -> None:
    table = AbbreviationTable(NAMES)
    table.lookup("자구")
    assert set(table._derived) == {"자"}  # noqa: SLF001 - the laziness is the point
    assert "컴네" in table.everything()


# ---- linking in a question ---------------------------------------------------------------------------
DEPARTMENTS = {
    "경영분석": ["경영학부"], "경제분석": ["경제학과"], "회계원리": ["경영학부"], "재정학": ["경제학과"],
    "네트워크보안": ["정보보호학과"], "이산수학": ["수학과"], "자료구조": ["컴퓨터학부"],
}
VOCAB = Vocabulary(
    departments=["경영학부", "경제학과", "정보보호학과", "수학과", "컴퓨터학부"],
    professors=["한도윤"],
    course_names=[*NAMES, "재정학"],
    course_departments=[(name, d) for name, ds in DEPARTMENTS.items() for d in ds],
)


def parse(question: str, vocabulary: Vocabulary = VOCAB):
    return parse_question(question, vocabulary)


def test_a_derived_abbreviation_links_its_course() -> None:
    parsed = parse("네보 누가 가르쳐?")
    assert parsed.course_names == ["네트워크보안"]
    assert parsed.query == "네트워크보안"
    assert any("네보" in note and "네트워크보안" in note for note in parsed.notes)


def test_the_questions_department_picks_among_colliding_courses() -> None:
    assert parse("경영학부 경분 시간표").course_names == ["경영분석"]
    assert parse("경제학과 경분 누가 해").course_names == ["경제분석"]


def test_the_questions_other_courses_pick_among_colliding_courses() -> None:
    assert set(parse("경분이랑 회계원리 같이 들을 수 있어?").course_names) == {"경영분석", "회계원리"}
    assert set(parse("재정학이랑 경분 겹쳐?").course_names) == {"재정학", "경제분석"}


def test_without_context_every_colliding_course_is_kept_and_named() -> None:
    parsed = parse("경분 수업 있어?")
    assert set(parsed.course_names) == {"경영분석", "경제분석"}
    assert any("경분" in note for note in parsed.notes)


@pytest.mark.parametrize("question", ["이수 구분이 뭐야?", "두 과목 차이가 뭐야", "재수 할까 고민이야", "보면 알아?"])
def test_ordinary_words_link_no_course(question: str) -> None:
    assert parse(question).course_names == []


def test_a_derived_abbreviation_can_be_ruled_out() -> None:
    parsed = parse("네보 말고 자구")
    assert parsed.excluded_names == ["네트워크보안"] and parsed.course_names == ["자료구조"]


def test_the_hand_list_comes_first() -> None:
    vocabulary = VOCAB.model_copy(update={"course_names": [*NAMES, "운동체육론"]})
    assert AbbreviationTable(vocabulary.course_names).lookup("운체").courses == ("운영체제", "운동체육론")
    assert parse("운체 누가 해", vocabulary).course_names == ["운영체제"]  # abbreviations.yaml says 운체 is 운영체제


def test_a_hand_list_alias_missing_from_the_catalog_falls_back_to_its_own_names() -> None:
    only_intro = VOCAB.model_copy(update={"course_names": ["운영체제입문", "회계학원론", "자료구조"]})
    assert parse("운체 시간", only_intro).course_names == ["운영체제입문"]  # the family of 운영체제
    assert parse("회원 누가 가르쳐", only_intro).course_names == ["회계학원론"]  # 회계|학|원론, derived


def test_the_matcher_knows_who_offers_a_course_and_is_found_by_identity() -> None:
    matcher = matcher_for(VOCAB)
    assert matcher.departments_of("경영분석") == frozenset({"경영학부"})
    assert matcher.departments_of("없는과목") == frozenset()
    assert matcher_for(VOCAB) is matcher
    assert matcher_for(VOCAB.model_copy()) is matcher  # same content, another object


def test_course_departments_survive_the_stored_vocabulary_lines() -> None:
    stored = parse_vocabulary_lines(vocabulary_lines(VOCAB)).course_departments
    assert sorted(stored) == sorted(VOCAB.course_departments)


def test_longer_forms_take_two_syllables_of_a_part_or_drop_a_qualifier(model: SegmentModel) -> None:
    """Tier 3: "운영체" or "운체제" of 운영|체제, and 기초|전자|회로 without its qualifier: 전회."""
    operating = _tiers(derived_forms("운영체제", model), 3)
    assert ("운체제", 3) in operating and ("운영체", 3) in operating
    assert ("전회", 3) in derived_forms("기초전자회로", SegmentModel(["기초전자회로", "전자공학", "회로이론"]))


def test_a_name_starting_with_a_qualifier_is_found_by_the_part_after_it() -> None:
    table = AbbreviationTable(["기초전자회로", "전자공학개론", "회로이론", "전산학개론"])
    found = table.lookup("전회")
    assert found is not None and found.courses == ("기초전자회로",)


def test_a_long_name_ending_in_its_level_is_shortened_without_it() -> None:
    model = SegmentModel(["클라우드보안운영기초", "보안운영", "네트워크보안", "운영관리", "보안개론"])
    forms = dict(derived_forms("클라우드보안운영기초", model))
    assert forms.get("클보운") == 3 and forms.get("클보운기") == 1


def test_a_word_written_whole_is_not_cut_inside_it() -> None:
    # "컴퓨" starts 컴퓨터 and 컴퓨팅; in "컴퓨팅적사고" the whole loanword is the part, not 컴퓨|팅적.
    model = SegmentModel(["컴퓨터구조", "컴퓨터네트워크", "컴퓨팅적사고", "사고와표현"])
    assert model.segment("컴퓨팅적사고") == ["컴퓨팅", "적", "사고"]
    assert model.segment("컴퓨터구조") == ["컴퓨터", "구조"]
