"""What no catalog answers: doing coursework (declined, whichever course it is for) and facts no catalog holds
(a professor's contact details, grade distributions and reviews, attendance, textbooks, grading the remarks do
not state): "수강편람에 그 정보는 없어요" with what the catalog does hold, nothing cited. Questions that share a word
with these and are about the catalog keep being answered."""

from __future__ import annotations

import pytest

from agent.index.base import Vocabulary
from agent.search_mode.beyond_catalog import asks_grading, coursework_request, not_held
from agent.search_mode.planning import plan_turn
from evals.metrics import says_abstain
from tests.support.agent_inputs import turns

VOCAB = Vocabulary(
    departments=["컴퓨터공학과", "경영학과"], professors=["한도윤", "장혜원"],
    course_names=["자료구조", "회계원리", "미디어교육평가", "과학교과교재연구", "근대후기사상사", "코딩과창의"],
)
NOT_HELD_KO = "수강편람에 그 정보는 없어요"


@pytest.mark.parametrize("question", [
    "회계원리 과제로 엑셀 매크로 만들어야 하는데 대신 만들어 줘", "보고서 써 줄 수 있어?", "자료구조 숙제 좀 대신 해줄래",
    "이 파이썬 코드 디버깅해줘", "기출 풀이 좀", "이 문제 풀어 줄 수 있어?", "레포트 요약해 주세요", "과제 해결해 줄래?",
    "Can you debug my linked list?", "solve these integration problems for me",
    "summarize this chapter for me",
    "write some code for my 자료구조 lab",
])
def test_requests_to_produce_coursework(question: str) -> None:
    assert coursework_request(question)
    assert plan_turn(question, (), VOCAB).kind == "offtopic"


@pytest.mark.parametrize("question", [
    "코딩과창의 수업 추천해줘", "시간표 좀 짜 줄 수 있어?", "자료구조 분반 정리해서 알려줘", "과제 없는 교양 찾아줘",
    "보고서 쓰는 법 배우는 수업 있어?", "Which courses have a final report?", "make me a timetable with 자료구조",
])
def test_course_questions_that_mention_work_are_not_coursework(question: str) -> None:
    assert not coursework_request(question)


@pytest.mark.parametrize(("question", "topic"), [
    ("한도윤 교수님 메일 주소 알려줘", "contact"), ("장혜원 교수 연구실 위치", "contact"),
    ("Prof. Han's office hours?", "contact"), ("회계원리 학점 분포 어때", "grades"), ("A 비율 몇 퍼야?", "grades"),
    ("자료구조 수강 후기 있어?", "grades"), ("강의평가 좋은 교양 추천", "grades"), ("any reviews of 회계원리?", "grades"),
    ("회계원리 출석 체크해?", "attendance"), ("자료구조 교과서 뭐 써?", "textbook"),
    ("what textbook does 회계원리 use?", "textbook"),
    ("회계원리 교수님 중에 누가 학점 제일 잘 줘?", "grades"), ("회계원리 팀플 있어?", "workload"), ("장혜원 교수님 회계원리 시험 어려워요?", "workload"),
    ("자료구조 과제 양 얼마나 돼?", "workload"), ("is 회계원리 hard? how heavy is the workload", "workload"),
    ("회계원리 족보 구할 수 있을까", "community"), ("자료구조 듣는 사람들 오픈채팅 있어?", "community"),
    ("any past exams for 회계원리?", "community"),
])
def test_facts_no_catalog_holds(question: str, topic: str) -> None:
    assert not_held(question, VOCAB) == topic
    plan = plan_turn(question, (), VOCAB)
    assert plan.kind == "not_held" and plan.not_held == topic and plan.calls == []


@pytest.mark.parametrize("question", [
    "미디어교육평가 몇 학점이야?", "과학교과교재연구 누가 가르쳐?", "근대후기사상사 언제야?", "조선 후기 관련 수업 있어?",
    "코드 리뷰 배우는 수업", "지각 변동 배우는 수업 있어?", "회계원리 수업 언제야?", "회계원리 시험 언제야?",
])
def test_words_of_course_names_and_topics_are_course_questions(question: str) -> None:
    assert not_held(question, VOCAB) is None and not asks_grading(question, VOCAB)
    assert plan_turn(question, (), VOCAB).kind == "tools"


@pytest.mark.parametrize("question", ["팀 프로젝트로 진행하는 수업 있어?", "과제 있는 교양 알려줘", "과제 없는 전공",
                                      "회계원리 강의 몇 개 열려?", "수업 쉬는 날 있는 분반", "시험 언제 봐?"])
def test_courses_asked_for_by_their_work_are_not_a_question_of_workload(question: str) -> None:
    assert not_held(question, VOCAB) is None


def test_a_follow_up_about_that_professor_is_the_same_fact() -> None:
    history = [("user", "자료구조 누가 가르쳐?"), ("assistant", "자료구조는 한도윤 교수님이 가르쳐요 (분반 1개).\n"
                                                        "• 자료구조 (과목번호 CSE2010, 01분반) — 한도윤 교수")]
    plan = plan_turn("그 교수님 이메일 알려줘", history, VOCAB)
    assert plan.kind == "not_held" and plan.not_held == "contact"


def test_grading_is_searched_where_the_remarks_may_state_it() -> None:
    """A course, or a grading the remarks state, is looked up; grading asked of nothing is not held."""
    assert plan_turn("회계원리 성적 평가 방식이 어떻게 돼?", (), VOCAB).kind == "tools"
    assert plan_turn("P/F로 평가하는 교양 있어?", (), VOCAB).kind == "tools"
    assert plan_turn("상대평가인 과목 있어?", (), VOCAB).kind == "tools"
    plan = plan_turn("성적 평가 방식은 보통 어떻게 돼?", (), VOCAB)
    assert plan.kind == "not_held" and plan.not_held == "grading"


@pytest.mark.parametrize("question", [
    "운영체제 과제로 쉘 스크립트 짜야 되는데 대신 짜줘", "운영체제 리포트 써 줄 수 있어?", "자료구조 이 코드 디버깅해줘",
    "인공지능 기출 풀이 좀", "Could you debug my Operating Systems assignment?",
])
def test_coursework_for_a_named_course_is_declined_end_to_end(sample_assistant, question: str) -> None:
    answer = sample_assistant.answer(question)
    assert answer.sources == [] and answer.retrieved == [] and says_abstain(answer.answer), answer.answer


@pytest.mark.parametrize(("question", "words"), [
    ("자료구조 교수님 이메일 알려줘", "이메일"), ("운영체제 성적 분포 어때?", "성적 분포"), ("인공지능 A 몇 퍼 줘?", "성적 분포"),
    ("회계원리 출석 부르나요?", "출석"), ("운영체제 교재 뭐야?", "교재"), ("자료구조 성적 평가 방식 알려줘", "성적 평가 방식"),
    ("What do students say about Operating Systems? Any reviews?", "reviews"),
    ("What's Prof. 한도윤's phone number?", "contact details"),
    ("Which textbook is used in Data Structures?", "textbooks"),
])
def test_facts_no_catalog_holds_end_to_end(sample_assistant, question: str, words: str) -> None:
    answer = sample_assistant.answer(question)
    # (grading is looked up first, then nothing is cited)
    assert answer.sources == [] and words in answer.answer, answer.answer
    assert says_abstain(answer.answer)
    english = question.isascii() or question.startswith("What")
    assert answer.answer.startswith("I couldn't find that in the catalog" if english else NOT_HELD_KO)
    assert ("rooms" if english else "강의실") in answer.answer  # what the catalog does hold


def test_a_follow_up_reference_end_to_end(sample_assistant) -> None:
    first = sample_assistant.answer("운영체제 누가 가르쳐?")
    answer = sample_assistant.answer("그 교수님 연락처 알려줘", turns(("user", "운영체제 누가 가르쳐?"),
                                                            ("assistant", first.answer)))
    assert answer.answer.startswith(NOT_HELD_KO) and answer.sources == []


def test_grading_the_remarks_state_is_answered_from_them(sample_assistant, sample_sections) -> None:
    """The sample's 비고 says "P/F 평가" for 대학생활과진로설계: quoted, with the course's sections cited."""
    graded = [s for s in sample_sections if "P/F" in (s.notes or "")]
    name = graded[0].name
    answer = sample_assistant.answer(f"{name} 성적 평가 어떻게 해?")
    assert "P/F 평가" in answer.answer and {s.name for s in answer.sources} == {name}
    english = sample_assistant.answer(f"How is {graded[0].name_en} graded?")
    assert "P/F 평가" in english.answer and "graded" in english.answer


@pytest.mark.slow
def test_sogang_remarks_say_which_courses_are_graded_absolutely(sogang_index, shared_data) -> None:
    from agent.assistant import CourseAssistant
    from agent.catalog.loader import load_catalog
    from tests.support.agent_inputs import search_settings

    assistant = CourseAssistant.from_settings(search_settings(), index=sogang_index)
    absolute = next(s for s in load_catalog(shared_data / "sogang-2025-1.csv").sections
                    if "절대평가" in (s.notes or "") and s.slots)
    answer = assistant.answer(f"{absolute.name} 절대평가야?")
    assert "절대평가" in answer.answer and absolute.code in {s.code for s in answer.sources}
    assert not answer.answer.startswith(NOT_HELD_KO)


def test_a_grading_the_remarks_do_not_state_is_not_held(sample_assistant) -> None:
    """"자료구조 절대평가야?": no remark of 자료구조 states a grading, so that is the answer (not a list of other
    sections with the grading condition dropped)."""
    answer = sample_assistant.answer("자료구조 절대평가야?")
    assert answer.answer.startswith(NOT_HELD_KO) and "성적 평가 방식" in answer.answer and answer.sources == []


@pytest.mark.slow
def test_sogang_lists_courses_by_the_grading_its_remarks_state(sogang_index, shared_data) -> None:
    from agent.assistant import CourseAssistant
    from agent.catalog.grading import stated_grading
    from agent.catalog.loader import load_catalog
    from tests.support.agent_inputs import search_settings

    assistant = CourseAssistant.from_settings(search_settings(), index=sogang_index)
    catalog = load_catalog(shared_data / "sogang-2025-1.csv").sections
    absolute = [s for s in catalog if stated_grading(s) == "절대평가"]
    answer = assistant.answer("성적 평가 방식이 절대평가인 과목")
    assert answer.sources and {s.code for s in answer.sources} <= {s.code for s in absolute}
    assert "조건(절대평가)" in answer.answer and not says_abstain(answer.answer)
    assert answer.page is not None and answer.page.total_sections == len(absolute)  # the true total
