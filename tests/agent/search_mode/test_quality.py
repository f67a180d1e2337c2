"""Search-mode answer quality on questions written for this file (not taken from any golden set), over a
small real index: a subset of the Sogang 2025-1 catalog as the loader reads it.

They probe what the Sogang golden set showed to be weak: follow-ups whose history cites rooms or no code
at all, narrowing follow-ups with only a condition ("영어로 하는 반만"), off-topic questions that share a
word with some course name, near-miss course names that do not exist, the recommended year, and how a
course's sections are listed (days sharing a time merged, sections in code order).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.catalog.loader import load_catalog
from agent.catalog.models import CourseSection
from tests.support.agent_inputs import search_settings, turns

TERM = "2025-1"
# Courses the questions are about, plus ones whose names share words with off-topic or near-miss
# questions ("오늘의중국,중국인", "게임이론", "우주와 양자", "양자물리학I").
NAMES = {
    "자료구조", "회계학원론", "일반화학I", "마케팅원론", "미적분학I", "양자물리학I", "게임이론", "우주와 양자",
    "오늘의중국,중국인", "컴퓨터 네트워크", "컴퓨터네트워크", "경제학원론I", "게임과 문화", "일반물리I", "미시경제학I",
}


@pytest.fixture(scope="module")
def sogang_sections(shared_data: Path) -> list[CourseSection]:
    return load_catalog(shared_data / "sogang-2025-1.csv").sections


@pytest.fixture(scope="module")
def subset(sogang_sections) -> list[CourseSection]:
    chosen = [s for s in sogang_sections if s.name in NAMES and s.term == TERM]
    assert len({s.name for s in chosen}) == len(NAMES), "the Sogang catalog changed: pick other courses"
    return chosen


@pytest.fixture(scope="module")
def assistant(subset, tmp_path_factory):
    from agent.assistant import CourseAssistant
    from agent.index.lance import LanceCourseIndex

    index = LanceCourseIndex(tmp_path_factory.mktemp("sogang-subset"))
    index.sync_term(TERM, subset)
    return CourseAssistant.from_settings(search_settings(), index=index)


def _sections(subset: list[CourseSection], name: str) -> list[CourseSection]:
    return [s for s in subset if s.name == name]


# --- follow-ups ---------------------------------------------------------------------------------------
def test_rooms_in_a_free_text_answer_are_not_course_codes(assistant, subset) -> None:
    marketing = _sections(subset, "마케팅원론")
    with_rooms = [s for s in marketing if s.slots and s.slots[0].room]
    assert len(with_rooms) >= 2
    a, b = with_rooms[0], with_rooms[1]
    history = turns(
        ("user", "마케팅원론 언제 해?"),
        ("assistant", f"마케팅원론은 {a.section}분반 {a.professors[0]} 교수님 {a.slots[0].day} {a.slots[0].room}, "
                      f"{b.section}분반 {b.professors[0]} 교수님 ({b.slots[0].room})에서 해요."),
    )
    answer = assistant.answer("그럼 월요일에 안 걸리는 분반은 누가 해?", history)
    assert "찾지 못" not in answer.answer and a.slots[0].room not in [s.code for s in answer.sources]
    assert answer.sources and all(s.name == "마케팅원론" for s in answer.sources)
    # Exactly the sections with no Monday meeting, and their professors named.
    expected = {s.id for s in marketing if all(slot.day != "월" for slot in s.slots) and s.slots}
    assert {s.id for s in answer.sources} == expected
    for section in answer.sources:
        assert section.professors[0] in answer.answer


def test_condition_only_follow_up_narrows_the_cited_course(assistant, subset) -> None:
    calculus = _sections(subset, "미적분학I")
    history = turns(("user", "미적분 1 분반 많아?"), ("assistant", f"미적분학I({calculus[0].code})은 분반이 {len(calculus)}개예요."))
    answer = assistant.answer("영어로 하는 반만 알려줘", history)
    english = {s.id for s in calculus if s.english}
    assert english and {s.id for s in answer.sources} == english
    assert "영어강의" in answer.answer.split("\n")[0]


def test_follow_up_to_an_answer_without_codes_uses_the_course_name(assistant, subset) -> None:
    chemistry = _sections(subset, "일반화학I")
    history = turns(("user", "일반화학1 교수님들 알려줘"), ("assistant", "일반화학I은 여러 분반이 있고 교수님이 다 달라요."))
    answer = assistant.answer("그 중에 오후 분반은 누구야?", history)
    afternoon = {s.id for s in chemistry if s.slots and min(slot.start for slot in s.slots) >= 12 * 60}
    assert afternoon and {s.id for s in answer.sources} == afternoon
    assert all(p in answer.answer for s in answer.sources for p in s.professors)


def test_that_professors_other_courses(assistant, subset) -> None:
    game = _sections(subset, "게임이론")[0]
    professor = game.professors[0]
    taught = {s.id for s in subset if professor in s.professors}
    assert len({s.name for s in subset if s.id in taught}) >= 2, "pick a professor with several courses"
    history = turns(("user", "게임이론 누가 가르쳐?"), ("assistant", f"게임이론 (과목번호 {game.code}, {game.section}분반)은 {professor} 교수님이 가르쳐요."))
    answer = assistant.answer("그 교수님 다른 수업은 뭐 있어?", history)
    assert {s.id for s in answer.sources} == taught
    assert answer.answer.startswith(f"{professor} 교수님은")


def test_a_condition_no_section_meets_is_said_once(assistant, subset) -> None:
    ds = _sections(subset, "자료구조")
    assert not any(slot.day == "토" for s in ds for slot in s.slots)
    history = turns(("user", "자료구조 언제야"), ("assistant", f"자료구조 (과목번호 {ds[0].code}, {ds[0].section}분반) — {ds[0].professors[0]} 교수"))
    answer = assistant.answer("그거 토요일에도 해?", history)
    assert answer.answer.startswith("자료구조에는 조건(토요일)에 맞는 분반이 없어요")
    assert answer.answer.count("분반이 없어요") == 1 and "여러 개예요" not in answer.answer
    assert answer.sources and all(s.name == "자료구조" for s in answer.sources)


# --- off-topic and no-such-course --------------------------------------------------------------------
@pytest.mark.parametrize(
    "question", ["오늘 저녁 메뉴 추천해줘", "주말에 놀러 갈 만한 곳 추천해줘", "오늘 날씨 좋다 그치?", "수강신청 언제 시작해?"]
)
def test_off_topic_is_declined_even_when_a_word_is_in_a_course_name(assistant, question: str) -> None:
    answer = assistant.answer(question)
    assert answer.sources == []
    assert "수강편람으로 답할 수 없어요" in answer.answer


def test_a_course_named_with_an_off_topic_word_is_still_answered(assistant, subset) -> None:
    answer = assistant.answer("게임이론 누가 가르쳐?")
    game = _sections(subset, "게임이론")[0]
    assert answer.sources[0].code == game.code
    assert game.professors[0] in answer.answer.split("\n")[0]


def test_near_miss_course_is_said_not_to_exist_before_alternatives(assistant) -> None:
    answer = assistant.answer("우주요리학 수업 있어?")
    first_line = answer.answer.split("\n")[0]
    assert first_line.startswith("'우주요리학'에 해당하는 강좌는") and "없어요" in first_line
    assert "대신" in first_line  # whatever follows is framed as an alternative
    # A whole syllable replaced is another word, not a typo: no course is presented as the answer.
    assert "찾았어요" not in answer.answer


def test_a_one_letter_typo_is_still_corrected(assistant, subset) -> None:
    answer = assistant.answer("겡제학원론1 누가 가르쳐요?")
    assert {s.name for s in answer.sources} == {"경제학원론I"}


# --- attributes and formatting ----------------------------------------------------------------------
def test_recommended_year_is_answered(assistant, subset) -> None:
    network = [s for s in subset if s.name.replace(" ", "") == "컴퓨터네트워크"]
    years = {s.year for s in network}
    assert len(years) == 1 and None not in years
    answer = assistant.answer("컴퓨터네트워크 몇 학년이 듣는 과목이에요?")
    assert f"권장학년이 {years.pop()}" in answer.answer


def test_one_course_is_listed_in_section_order_with_days_merged(assistant, subset) -> None:
    answer = assistant.answer("일반화학1 분반 전부 알려줘")
    chemistry = _sections(subset, "일반화학I")
    assert [s.section for s in answer.sources] == sorted(s.section for s in chemistry)
    twice = next(s for s in chemistry if len({slot.day for slot in s.slots}) == 2 and len(s.slots) == 2)
    d1, d2 = (slot.day for slot in twice.slots)
    room = twice.slots[0].room
    assert f"{d1}·{d2} " in answer.answer and f"({room})" in answer.answer
    assert f"{d1} {twice.slots[0].start // 60:02d}" not in answer.answer  # not written once per day


# --- the rules underneath (no index) ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "excluded"),
    [("금요일에 안 겹치는 분반은?", ["금"]), ("월요일 안 걸리는 반", ["월"]), ("화요일이랑 겹치지 않는 분반", ["화"])],
)
def test_a_day_to_avoid_is_excluded_not_a_timetable_check(question: str, excluded: list[str]) -> None:
    from agent.index.base import Vocabulary
    from agent.query import parse_question
    from agent.search_mode.planning import plan_turn

    filters = parse_question(question, Vocabulary()).filters
    assert filters.exclude_days == excluded and filters.days == []
    assert "timetable" not in plan_turn(question).focus


def test_history_codes_written_as_rooms_are_not_cited_courses() -> None:
    from agent.search_mode.conversation import cited_courses

    text = "01분반 월,수 10:30~11:45 (K201), 02분반 수,금 09:00~10:15 (AS510), 화 GN201, RA310호, (PA101)에서. 회계학원론(MGT2003)"
    assert [c.code for c in cited_courses(text)] == ["MGT2003"]


def test_a_numeral_in_a_course_name_is_not_a_section() -> None:
    from agent.search_mode.planning import plan_turn

    assert plan_turn("일반화학1 분반 알려줘").section is None
    assert plan_turn("일반화학 1분반 누가 가르쳐?").section == "1"


def test_a_new_schedule_question_after_a_course_is_not_narrowed_to_it(assistant, subset) -> None:
    history = turns(("user", "게임이론 누가 가르쳐?"), ("assistant", "게임이론(ECO4005)은 왕규호 교수님이 가르쳐요."))
    answer = assistant.answer("월요일에만 하는 수업 있어?", history)
    assert {s.name for s in answer.sources} - {"게임이론"}, "a new question, not the last course"
    assert all({slot.day for slot in s.slots} == {"월"} for s in answer.sources)


def test_timetable_follow_up_to_an_answer_without_codes(assistant, subset) -> None:
    history = turns(("user", "게임이론 수업 있어?"), ("assistant", "네, 게임이론은 경제학과에서 한 분반 열려요."))
    answer = assistant.answer("그거랑 일반물리1 시간 겹쳐?", history)
    names = {s.name for s in answer.sources}
    assert {"게임이론", "일반물리I"} <= names
    assert "겹쳐요" in answer.answer or "겹치지 않아요" in answer.answer


def test_a_course_like_name_with_an_off_topic_word_is_a_no_such_course_answer(assistant) -> None:
    # "요리" alone is off-topic; "양자요리학" is shaped like a course name and gets the no-such-course answer.
    answer = assistant.answer("양자요리학 있어?")
    assert answer.answer.startswith("'양자요리학'에 해당하는 강좌는")
    assert "수강편람으로 답할 수 없어요" not in answer.answer
