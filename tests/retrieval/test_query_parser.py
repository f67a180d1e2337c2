"""Question parser: each thing a student writes -> the right `SearchFilters` field, and nothing else."""

from __future__ import annotations

import pytest

from agent.query import parse_question
from agent.query.lexicon import load_lexicon
from agent.query.schedule import resolve_hour
from tests.support.vocabulary import VOCAB


def parse(question: str, **kwargs):
    return parse_question(question, VOCAB, **kwargs)


# ---- course codes ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "codes"),
    [
        ("5006762801 이거 무슨 과목이야?", ["5006762801"]),
        ("2150189901랑 2150189902 시간 겹쳐?", ["2150189901", "2150189902"]),
        ("CSE2003 누가 가르쳐요", ["CSE2003"]),
        ("CS101 강의실", ["CS101"]),
    ],
)
def test_course_codes(question: str, codes: list[str]) -> None:
    parsed = parse(question)
    assert parsed.course_codes == codes
    assert parsed.filters.course_codes == codes
    for code in codes:
        assert code not in parsed.query


def test_years_and_times_are_not_codes() -> None:
    assert parse("2026년 1학기 13:30 수업").course_codes == []


# ---- days ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "days", "excluded"),
    [
        ("월수 1시 수업", ["월", "수"], []),
        ("화목 오전에 들을 수 있는 경영 전공 있어요?", ["화", "목"], []),
        ("월요일 수업 뭐 있어", ["월"], []),
        ("목욜 오전 수업", ["목"], []),  # a day as students shorten it
        ("수욜엔 수업 없는 거", [], ["수"]),
        ("월,수 오후", ["월", "수"], []),
        ("목 금 수업", ["목", "금"], []),
        ("월수금 아침", ["월", "수", "금"], []),
        ("금요일 공강 만들고 싶어", [], ["금"]),
        ("금공강 가능한 회계원리", [], ["금"]),
        ("금요일엔 수업 없는 거", [], ["금"]),
        ("최지웅 교수님 분반 중에 금요일 없는 거", [], ["금"]),
        ("알고 수업 금요일 말고 다른 요일", [], ["금"]),
        ("주말 수업 있어?", [], ["월", "화", "수", "목", "금"]),
        ("평일 저녁 수업", [], ["토", "일"]),
        ("들을 수 있는 수업", [], []),  # a lone 수 is never Wednesday
        ("화목한 분위기의 수업", [], []),  # 화목한 is a word, not Tue/Thu
        ("월드컵 관련 수업", [], []),
    ],
)
def test_days(question: str, days: list[str], excluded: list[str]) -> None:
    filters = parse(question).filters
    assert filters.days == days
    assert filters.exclude_days == excluded


# ---- times ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "start_after", "start_before", "end_before"),
    [
        ("월수 1시", 780, 839, None),  # bare 1-7 are p.m.
        ("월요일 1시에 하는 물리 실험", 780, 839, None),
        ("9시 수업", 540, 599, None),  # 8-12 as written
        ("10시 반 수업", 630, 659, None),
        ("13:30 시작하는 거", 810, 824, None),
        ("1:30 수업", 810, 824, None),
        ("오후 3시", 900, 959, None),
        ("저녁 7시", 1140, 1199, None),
        ("오전 10시", 600, 659, None),
        ("세시 수업", 900, 959, None),
        ("3시 이후 수업", 900, None, None),
        ("3시부터 하는 수업", 900, None, None),
        ("10시 전에 시작하는 수업", None, 599, None),
        ("12시 전에 끝나는 수업", None, None, 720),
        ("12시까지 끝나는", None, None, 720),
        ("1시~3시 사이", 780, None, 900),
        ("오후 1시부터 5시까지", 780, None, 1020),
        ("오전 수업", None, 719, None),
        ("오후 수업", 720, None, None),
        ("아침 수업", None, 599, None),
        ("저녁 수업", 1020, None, None),  # the evening as people say it: a 17:30 lab is an evening one
        ("저녁반 있어?", 1020, None, None),
        ("야간 수업", 1080, None, None),  # night classes start at 18:00 or later
        ("밤에 하는 강의", 1080, None, None),
        ("저녁 수업 말고", None, 1019, None),
        ("야간 말고", None, 1079, None),
        ("오전 중에 끝나는 수업", None, None, 720),
    ],
)
def test_times(question: str, start_after: int | None, start_before: int | None, end_before: int | None) -> None:
    filters = parse(question).filters
    assert (filters.start_after, filters.start_before, filters.end_before) == (start_after, start_before, end_before)


@pytest.mark.parametrize("question", ["1시간짜리 수업", "3시간 연강", "시험 없는 수업", "시스템프로그래밍", "1학점 수업"])
def test_words_with_si_are_not_times(question: str) -> None:
    filters = parse(question).filters
    assert (filters.start_after, filters.start_before, filters.end_before) == (None, None, None)


def test_hour_rule() -> None:
    assert [resolve_hour(h, None) for h in (1, 6, 7, 8, 9, 12, 13, 18)] == [13, 18, 19, 8, 9, 12, 13, 18]
    assert resolve_hour(9, "오후") == 21 and resolve_hour(11, "오전") == 11 and resolve_hour(8, "저녁") == 20


def test_one_oclock_vs_one_credit() -> None:
    timed = parse("월수 1시").filters
    assert timed.credits is None and (timed.start_after, timed.start_before) == (780, 839)
    credit = parse("1학점 수업").filters
    assert credit.credits == 1.0 and credit.start_after is None and credit.days == []
    both = parse("월수 1시 3학점").filters
    assert both.credits == 3.0 and both.start_after == 780 and both.days == ["월", "수"]


# ---- departments ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("경영 전공 있어요?", {"경영학부", "경영학과"}),
        ("경영학과 전선", {"경영학부", "경영학과"}),  # students say 학과 for 학부
        ("컴공 전필 뭐 있어", {"컴퓨터학부", "컴퓨터학과"}),
        ("소프트 전공필수", {"AI소프트웨어학부", "소프트웨어학부"}),
        ("전자과 수업", {"전자정보공학부 전자공학전공"}),
        ("글로벌통상학과 영어강의", {"글로벌통상학과"}),
        ("통계학과 수업", {"정보통계·보험수리학과"}),
        ("사학과 수업", {"사학과"}),
    ],
)
def test_departments(question: str, expected: set[str]) -> None:
    assert set(parse(question).filters.departments) == expected


@pytest.mark.parametrize("question", ["경영 관련 수업 추천", "통계 수업 있어?", "회계원리 누가 가르쳐", "선대 누가 해요"])
def test_topic_words_are_not_departments(question: str) -> None:
    assert parse(question).filters.departments == []


# ---- professors ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "professors"),
    [
        ("이순녀 교수님 수업 뭐 있어요?", ["이순녀"]),
        ("이순녀 교수 수업", ["이순녀"]),
        ("이순녀 수업 알려줘", ["이순녀"]),
        ("운체 이은지 교수님 분반 몇시에 해여?", ["이은지"]),
        ("이은지교수님 수업", ["이은지"]),
        ("인정 교수님 강의", ["인정"]),  # a two-letter name needs the title
        ("Jay Fraser 교수님 수업", ["Jay Fraser"]),
        ("jay fraser class", ["Jay Fraser"]),
    ],
)
def test_professors(question: str, professors: list[str]) -> None:
    parsed = parse(question)
    assert parsed.filters.professors == professors
    assert "교수" not in parsed.query


@pytest.mark.parametrize("question", ["인정 많은 교수님 추천", "조은 수업 추천해줘", "최중규칙 수업"])
def test_words_that_look_like_names(question: str) -> None:
    assert parse(question).filters.professors == []


# ---- credits, English-taught, category ----------------------------------------------------------
def test_credits() -> None:
    assert parse("3학점짜리 교양").filters.credits == 3.0
    assert parse("0.5학점 수업").filters.credits == 0.5


@pytest.mark.parametrize(
    "question", ["영어강의 뭐 있어", "원어강의 알려줘", "영강 듣고 싶어", "영어로 진행하는 분반", "English-taught 수업",
                 "taught in English 과목"],
)
def test_english_taught(question: str) -> None:
    assert parse(question).filters.english is True


def test_english_subject_is_not_english_taught() -> None:
    assert parse("영어영문학과 수업").filters.english is None


@pytest.mark.parametrize(
    ("question", "category"),
    [("컴공 전필", "전공필수"), ("전공필수 과목", "전공필수"), ("전선 중에", "전공선택"), ("전공선택", "전공선택"),
     ("전공기초 과목", "전공기초"), ("교양 추천", "교양"), ("교필 뭐 들어", "교양필수"), ("교양선택", "교양선택")],
)
def test_category(question: str, category: str) -> None:
    assert parse(question).filters.category == category


def test_category_falls_back_when_vocabulary_lacks_the_long_form() -> None:
    vocab = VOCAB.model_copy(update={"categories": ["교필-창의", "교선-인문", "전필-컴퓨터"]})
    assert parse_question("교양 수업", vocab).filters.category == "교"
    assert parse_question("교필 수업", vocab).filters.category == "교필"
    assert parse_question("컴공 전공필수", vocab).filters.category == "전필"


# ---- abbreviations, English names, typos --------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("자구 누가 가르쳐?", "자료구조"),
        ("운체 분반", "운영체제"),
        ("컴구 월요일", "컴퓨터구조"),
        ("선대 누가 해요", "선형대수"),
        ("데베 강의실", "데이터베이스"),
        ("디비 수업", "데이터베이스"),
        ("알고 수업", "알고리즘"),
        ("컴네 누가 해", "네트워크"),
        ("확통 야간", "확률과통계"),
        ("미적 어려워?", "미적분학1"),
        ("일물 실험", "물리1및실험"),
        ("객프 분반", "객체지향프로그래밍"),
        ("객지프 몇 개", "객체지향프로그래밍"),
        ("이산 화목", "이산수학"),
        ("논설 수금", "논리설계"),
        ("회원 화목", "회계원리"),
        ("마원 듣자", "마케팅원론"),
        ("경통 교수님", "경영통계"),
        ("미시 전필", "미시경제학"),
        ("자구는 누가 해?", "자료구조"),  # particle glued on
        ("자구수업 언제야", "자료구조"),
        ("OS 수업 시간표", "운영체제"),
        ("DB 강의", "데이터베이스"),
        ("AI 입문 수업", "인공지능"),
        ("Data Structures 수업 있어?", "자료구조"),
        ("operating system 누가 가르쳐", "운영체제"),
        ("linear algebra 월요일", "선형대수"),
        ("machine learning 강의", "머신러닝"),
        ("Signals and Systems 교수님", "신호및시스템"),
        ("자료구저 수업 언제 있어?", "자료구조"),
        ("운영채제 교수님 누구?", "운영체제"),
        ("데이타베이스 수업 있나요", "데이터베이스"),
        ("컴퓨터구죠 월수반", "컴퓨터구조"),
        ("신호및시스탬 수업", "신호및시스템"),
        ("미시경재학 분반", "미시경제학"),
        ("컴퓨터 구조 누가 가르침", "컴퓨터구조"),  # written with a space
        ("회계원리랑 경제원론", "회계원리"),
    ],
)
def test_course_names(question: str, name: str) -> None:
    parsed = parse(question)
    assert name in parsed.course_names, parsed
    assert name.replace("1", "") in parsed.query.replace(" ", "") or name in parsed.query.replace(" ", "")


def test_abbreviation_is_expanded_in_query_and_noted() -> None:
    parsed = parse("자구 누가 가르쳐?")
    assert parsed.query == "자료구조"
    assert any("자구" in note and "자료구조" in note for note in parsed.notes)


def test_abbreviation_missing_from_vocabulary_still_expands_text() -> None:
    vocab = VOCAB.model_copy(update={"course_names": ["고급운영체제"]})
    parsed = parse_question("운체 수업", vocab)
    assert parsed.course_names == [] and parsed.query == "운영체제"


def test_ordinary_words_are_not_typo_corrected() -> None:
    for question in ["학식 메뉴 뭐야?", "기숙사 신청 언제까지야?", "오늘 날씨 어때?"]:
        assert parse(question).course_names == [], question


def test_lexicon_file_is_valid(tmp_path) -> None:
    lexicon = load_lexicon()
    assert lexicon.courses["운체"][0] == "운영체제" and "컴공" in lexicon.departments
    assert "자구" not in lexicon.courses  # derived from the catalog's names (test_abbreviations.py)
    broken = tmp_path / "bad.yaml"
    broken.write_text("courses:\n  자구: 3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="courses.자구"):
        load_lexicon(broken)


# ---- the examples from the brief, whole ---------------------------------------------------------
def test_tricky_combined_question() -> None:
    parsed = parse("화목 오전에 들을 수 있는 경영 전공 있어요?")
    f = parsed.filters
    assert f.days == ["화", "목"] and f.start_before == 719 and f.start_after is None
    assert set(f.departments) == {"경영학부", "경영학과"}
    assert f.credits is None and f.category is None and f.professors == []
    assert parsed.query == ""
    assert parsed.notes


def test_who_teaches_abbreviation() -> None:
    parsed = parse("자구 누가 가르쳐?")
    assert parsed.filters.is_empty() and parsed.course_names == ["자료구조"]


def test_term_from_question_and_default() -> None:
    assert parse("2025년 2학기 자료구조", now_term="2026-1").filters.term == "2025-2"
    assert parse("자료구조", now_term="2026-1").filters.term == "2026-1"


# ---- found while testing on the real catalog -----------------------------------------------------
def test_negated_course_is_excluded_not_searched() -> None:
    parsed = parse("운체 말고 컴구 월요일 오전 분반")
    assert parsed.course_names == ["컴퓨터구조"] and parsed.excluded_names == ["운영체제"]
    assert "운영체제" not in parsed.query


def test_department_written_by_its_major_name() -> None:
    assert parse("IT융합전공 전자회로 누가 가르쳐").filters.departments == ["전자정보공학부 IT융합전공"]


def test_name_terms_are_topic_words_inside_course_names() -> None:
    vocab = VOCAB.model_copy(update={"course_names": [*VOCAB.course_names, "기술창업AtoZ", "C++프로그래밍및실습"]})
    assert parse_question("창업 관련 과목 알려줘", vocab).name_terms == ["창업"]
    parsed = parse_question("C++ 수업 누가 가르쳐?", vocab)
    assert parsed.name_terms == ["C++"] and parsed.query == "C++"
    assert parse_question("게임 만드는 수업 있나?", vocab).query == "게임"


def test_gonggang_word_is_not_a_topic() -> None:
    parsed = parse("컴퓨터학부 금요일 공강 가능한 전필")
    assert parsed.filters.exclude_days == ["금"] and parsed.query == ""


@pytest.mark.parametrize(
    ("question", "room"),
    [("정보과학관 21203에서 하는 수업", "정보과학관 21203"), ("공학관 407호 수업", "공학관 407"), ("R912 실습실 수업", "R912"),
     ("GN201 강의실에서 뭐해", "GN201"), ("21203호 월요일", "21203")],
)
def test_rooms(question: str, room: str) -> None:
    parsed = parse(question)
    assert parsed.rooms == [room] and parsed.course_codes == [] and parsed.query == ""


def test_only_that_day() -> None:
    filters = parse("심리학과에서 금요일에만 하는 수업?").filters
    assert filters.days == ["금"] and set(filters.exclude_days) == {"월", "화", "수", "목", "토", "일"}


@pytest.mark.parametrize("question", ["월수에만 있는 경제 수업", "경제 수업 중 월, 수만 하는 거", "econ classes on Mon/Wed only"])
def test_only_these_days_allow_either_day(question: str) -> None:
    # "only on Mon/Wed" rules out every other day; a Wednesday-only section meets only on those days too.
    filters = parse(question).filters
    assert filters.days == [] and set(filters.exclude_days) == {"화", "목", "금", "토", "일"}


def test_days_without_only_are_all_required() -> None:
    assert parse("월수 경제 수업").filters.days == ["월", "수"]


def test_lower_case_code_and_roman_numerals() -> None:
    assert parse("mat2110 몇 학점?").course_codes == ["MAT2110"]
    vocab = VOCAB.model_copy(update={"course_names": ["경제학원론I", "컴퓨터프로그래밍I", "미시경제학I"]})
    assert parse_question("경제학원론1 수업 시간표", vocab).course_names == ["경제학원론I"]
    assert parse_question("컴프1 화목 아침반", vocab).course_names == ["컴퓨터프로그래밍I"]
    assert parse_question("겡제학원론1 시간표", vocab).course_names == ["경제학원론I"]  # same leading consonant
    assert parse_question("미시경재학 영어로 하는 반", vocab).course_names == ["미시경제학I"]


def test_two_letter_difference_is_another_word_not_a_typo() -> None:
    assert parse("양자요리학 수업 열려?").course_names == []


@pytest.mark.parametrize(
    ("question", "year"),
    [("컴공 3학년 전공 중에 금요일 수업 없는 거", 3), ("2학년 때 듣는 경영 과목", 2), ("1 학년 교양", 1),
     ("3rd year courses", 3), ("first-year courses on Monday", 1), ("year 2 electives", 2),
     ("몇 학년 과목이야?", None), ("자료구조 몇학년이 들어?", None), ("2026년 1학기 수업", None), ("3학점 수업", None)],
)
def test_recommended_year(question: str, year: int | None) -> None:
    parsed = parse(question)
    assert parsed.filters.year == year
    if year is not None:
        assert "학년" not in parsed.query and "year" not in parsed.query.lower()


@pytest.mark.parametrize(
    ("question", "years"),
    [("2,3학년 전공 뭐 있어", [2, 3]), ("1·2학년 교양", [1, 2]), ("2~4학년 대상 과목", [2, 3, 4]),
     ("1학년이나 2학년이 듣는 수업", [1, 2]), ("고학년용 경영 과목", [3, 4]), ("저학년 과목 중 화요일", [1, 2]),
     ("2학년 수업", []), ("2024-1 과목", [])],
)
def test_several_recommended_years(question: str, years: list[int]) -> None:
    parsed = parse(question)
    assert parsed.filters.years == years
    if years:
        assert parsed.filters.year is None and "학년" not in parsed.query


@pytest.mark.parametrize("question", ["2학년 권장 전공 뭐 있어", "권장 학년 2학년인 과목", "2학년 대상 과목 중 월요일 수업"])
def test_the_catalogs_words_for_a_recommended_year_are_the_year_not_a_course(question: str) -> None:
    parsed = parse(question)
    assert parsed.filters.year == 2 and parsed.unknown_names == [] and "권장" not in parsed.query


@pytest.mark.parametrize("question", ["2시간 연강 있는 경제 수업", "화요일 4시간짜리 실험 뭐 있어"])
def test_how_long_a_class_runs_is_read_not_taken_for_a_course(question: str) -> None:
    parsed = parse(question)
    assert parsed.unknown_names == [] and "시간" not in parsed.query


@pytest.mark.parametrize("question, days, excluded", [
    ("화요일 목요일 수업 없는 전공", [], ["화", "목"]),  # one negation for the days listed together
    ("수요일이랑 금요일은 빼고 경제 수업", [], ["수", "금"]),
    ("월요일 수업 중에 목요일은 안 되는 거", ["월"], ["목"]),  # a day asked for, another ruled out
    ("일요일에 하는 교양 있어? 평일엔 일해서", ["일"], ["토"]),  # a day named beats "평일"
    ("수요일 하루만 가면 되는 전공", ["수"], ["월", "화", "목", "금", "토", "일"]),
])
def test_days_listed_together_and_blanket_words(question: str, days: list[str], excluded: list[str]) -> None:
    filters = parse(question).filters
    assert (filters.days, filters.exclude_days) == (days, excluded)


@pytest.mark.parametrize("question, end_after, start_after", [
    ("밤 9시 넘어서 끝나는 실험 있어?", 21 * 60, None), ("6시 이후에 끝나는 경제 수업", 18 * 60, None),
    ("6시 이후에 시작하는 경제 수업", None, 18 * 60),
])
def test_a_class_that_ends_late(question: str, end_after, start_after) -> None:
    filters = parse(question).filters
    assert (filters.end_after, filters.start_after, filters.end_before) == (end_after, start_after, None)


@pytest.mark.parametrize("question, days", [("목금은?", ["목", "금"]), ("월화는 어때", ["월", "화"]), ("수금도 있어?", ["수", "금"])])
def test_a_run_of_days_with_a_particle_alone(question: str, days: list[str]) -> None:
    assert parse(question).filters.days == days


@pytest.mark.parametrize("question", ["3학년인데 회계원리 들을 수 있어?", "4학년이라서 경영학원론 수강 가능해?"])
def test_the_students_own_year_is_context_not_a_condition(question: str) -> None:
    parsed = parse(question)
    assert parsed.student_year in (3, 4) and parsed.filters.year is None
