"""Which course a follow-up is about (`agent.search_mode.followup`, `thread`, `conversation`), from text
alone: codes a catalog cross-lists under one name are one course, related sections an answer added are not
what it was about, a term switch keeps the course (not the word it was found by), and a professor follow-up
searches the term it names. Pure functions over a small vocabulary of our own (no index)."""

from __future__ import annotations

import pytest

from agent.index.base import Vocabulary
from agent.search_mode.conversation import CitedCourse, answered_courses
from agent.search_mode.followup import Step, read_turn, thread_of
from agent.search_mode.planning import plan_turn

VOCAB = Vocabulary(
    professors=["윤채원", "백승호", "Grace Lin"],
    course_names=["회로이론", "회로 이론", "미생물학", "전력전자"],
    terms=["2024-1", "2024-2", "2025-1"],
)
# One course that 전자공학과 (EE2001) and 반도체학과 (SS2001, spelled with a space) both list.
CROSS_LISTED_KO = (
    "회로이론은 분반이 2개 있어요:\n"
    "• 회로이론 (과목번호 EE2001, 01분반) — 윤채원 교수 · 3학점 · 화·목 09:00-10:15 (공학관 101)\n"
    "• 회로 이론 (과목번호 SS2001, 01분반) — 윤채원 교수 · 3학점 · 화·목 09:00-10:15 (공학관 101)"
)
CROSS_LISTED_EN = (
    "Circuit Theory [회로이론] has 2 sections:\n"
    "• Circuit Theory [회로이론] (code EE2001, section 01) — Prof. 윤채원\n"
    "• 회로 이론 (code SS2001, section 01) — Prof. 윤채원"
)
TWO_COURSES = (
    "질문에 맞는 강좌를 찾았어요 (2과목, 분반 2개):\n"
    "• 회로이론 (과목번호 EE2001, 01분반) — 윤채원 교수\n• 전력전자 (과목번호 EE3100, 01분반) — Grace Lin 교수"
)
# A set of one course, then related sections after it (our `list.related.after` heading).
WITH_RELATED = (
    "질문에 맞는 강좌를 찾았어요 (1과목, 분반 1개):\n"
    "• 회로이론 (과목번호 EE2001, 01분반) — 윤채원 교수 · 3학점\n"
    "아래는 조건에 맞는 강좌는 아니지만 관련 있어 보이는 강좌예요 (위 개수에 넣지 않았어요):\n"
    "• 전력전자 (과목번호 EE3100, 01분반) — Grace Lin 교수 · 3학점"
)


def step(question: str, *turns: str) -> Step:
    """How `question` continues `turns` (questions and answers, alternating)."""
    roles = ("user", "assistant") * len(turns)
    return read_turn(question, thread_of(list(zip(roles, turns)), VOCAB), VOCAB)


def test_a_cited_course_is_its_catalog_name_with_spaces_ignored() -> None:
    same = [CitedCourse("EE2001", "회로이론"), CitedCourse("SS2001", "회로 이론"),
            CitedCourse("EE2001", "Circuit Theory [회로 이론]")]
    assert {c.course for c in same} == {"회로이론"}
    assert CitedCourse("EE2001").course == "EE2001"  # no name: the code


@pytest.mark.parametrize("answer, question", [
    (CROSS_LISTED_KO, "언제야?"), (CROSS_LISTED_KO, "누가 가르쳐?"), (CROSS_LISTED_KO, "중간고사 언제?"),
    (CROSS_LISTED_KO, "강의실은?"), (CROSS_LISTED_EN, "Who teaches it?"), (CROSS_LISTED_EN, "Where is it?"),
])
def test_codes_listed_under_one_name_are_one_course_to_a_follow_up(answer: str, question: str) -> None:
    about = step(question, "회로이론 알려줘", answer)
    assert about.kind == "attribute" and about.reading is None
    assert about.thread.names == ("회로이론", "회로 이론")  # both spellings: every code's sections


def test_different_courses_are_still_read_as_the_first_one() -> None:
    first = step("언제야?", "화목 오전 수업 있어?", TWO_COURSES)
    assert first.reading is not None
    assert (first.reading.kind, first.reading.subject) == ("first_course", "회로이론")


def test_related_sections_after_a_set_are_not_what_the_answer_was_about() -> None:
    assert [c.code for c in answered_courses(WITH_RELATED)] == ["EE2001"]
    lacking = ("전력전자는 2024-1학기에는 개설되지 않았어요. 가장 최근에는 2025-1학기에 열렸어요 (Grace Lin 교수).\n"
               "• 전력전자 (과목번호 EE3100, 01분반) — Grace Lin 교수\n"
               "대신 그 학기에 열린, 관련 있어 보이는 강좌예요 (물어본 과목은 아니에요):\n"
               "• 회로이론 (과목번호 EE2001, 01분반) — 윤채원 교수")
    assert [c.code for c in answered_courses(lacking)] == ["EE3100"]  # the course asked about, not the stand-in
    about = step("그거 누가 가르쳐?", "회로 관련 수업 있어?", WITH_RELATED)
    assert about.reading is None and about.thread.names == ("회로이론",)
    named = step("누가 가르쳐?", "미생물학 수업 있어?", WITH_RELATED)  # the course the student named
    assert named.reading is None and named.thread.names == ("미생물학",)


def test_a_term_switch_keeps_the_course_not_the_word_it_was_found_by() -> None:
    switched = step("2024년 2학기엔?", "회로 관련 수업 있어?", WITH_RELATED)
    assert switched.kind == "narrow" and switched.thread.conditions.term == "2024-2"
    assert (switched.thread.names, switched.thread.query) == (("회로이론",), "회로이론")


def test_a_term_the_catalog_lacks_is_left_for_the_tool_to_read_and_say() -> None:
    later = step("그럼 2026년 2학기엔?", "2024년 2학기 회로이론 누가 가르쳤어?", CROSS_LISTED_KO)
    assert later.kind == "narrow" and later.thread.conditions.term is None
    assert "회로이론" in later.thread.names


def test_a_professor_follow_up_searches_the_term_it_names() -> None:
    turns = ("2024년 2학기 회로이론 누가 가르쳤어?", CROSS_LISTED_KO)
    assert step("그 교수님 2025년 1학기엔 뭐 가르쳐?", *turns).thread.conditions.term == "2025-1"
    assert step("그 교수님 다른 수업은?", *turns).thread.conditions.term == "2024-2"  # the thread's


def test_a_professor_follow_up_passes_a_term_the_catalog_lacks_to_the_tool() -> None:
    history = [("user", "회로이론 누가 가르쳐?"), ("assistant", CROSS_LISTED_KO)]
    plan = plan_turn("그 교수님 다음 학기엔 뭐 가르쳐?", history, VOCAB)
    [call] = plan.calls
    assert plan.professor == "윤채원" and call.args["query"] == "다음 학기" and "term" not in call.args
