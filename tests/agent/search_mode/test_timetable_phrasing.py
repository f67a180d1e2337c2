"""Timetable checks however they are asked ("같이 넣어도 돼?", "둘 다 들을 수 있어?", "can I take both"), and
context said once for the whole check (a department, a term) applying to every course of it."""

from __future__ import annotations

import pytest

from agent.index.base import Vocabulary
from agent.search_mode.intent import focus_of, timetable_items
from agent.search_mode.planning import plan_turn
from tests.support.agent_inputs import search_settings
from tests.support.tool_harness import payload, run_tool

VOCAB = Vocabulary(departments=["해양학과", "천문우주학과"], course_names=["파도역학", "별의일생", "조석학"])


@pytest.mark.parametrize("question", [
    "파도역학이랑 별의일생 같이 넣어도 돼?", "파도역학하고 별의일생 둘 다 들을 수 있어?", "파도역학, 별의일생 동시에 신청 가능?",
    "파도역학이랑 별의일생 함께 수강할 수 있을까?", "can I take both 파도역학 and 별의일생?",
    "Can I take 파도역학 and 별의일생 together?",
])
def test_whether_courses_fit_together_is_a_timetable_check(question: str) -> None:
    assert "timetable" in focus_of(question)
    assert [(c.name, c.args) for c in plan_turn(question, (), VOCAB).calls] == [
        ("check_timetable", {"courses": ["파도역학", "별의일생"]})
    ]


@pytest.mark.parametrize("question", ["둘 다 들을 수 있어?", "같이 넣어도 돼?", "can I take both?"])
def test_a_follow_up_over_the_last_two_courses(question: str) -> None:
    history = [("user", "파도역학 언제야?"), ("assistant", "• 파도역학 (과목번호 SEA2001, 01분반) — 월 09:00-10:15"),
               ("user", "별의일생은?"), ("assistant", "• 별의일생 (과목번호 AST3002, 01분반) — 화 09:00-10:15")]
    calls = plan_turn(question, history, VOCAB).calls
    assert [c.name for c in calls] == ["check_timetable"] and len(calls[0].args["courses"]) == 2


def test_words_before_the_first_course_go_with_it() -> None:
    assert timetable_items("해양학과, 파도역학이랑 조석학 겹쳐?", VOCAB) == ["해양학과 파도역학", "조석학"]
    assert timetable_items("파도역학 1분반이랑 조석학 2분반 (해양학과) 겹쳐?", VOCAB) == [
        "파도역학 1분반", "조석학 2분반 (해양학과)"]


@pytest.fixture(scope="module")
def ssu_ctx(ssu_index):
    from agent.retrieval import CourseRetriever
    from tools import CourseToolContext

    return CourseToolContext(index=ssu_index, retriever=CourseRetriever(ssu_index), term=None, k=8)


@pytest.mark.slow
@pytest.mark.parametrize("courses", [["AI소프트웨어학부 자구 02반", "컴구 01반"], ["자구 02반", "컴구 01반 (AI소프트웨어학부)"]])
def test_a_department_said_once_holds_for_every_course(ssu_ctx, ssu_sections, courses: list[str]) -> None:
    """Soongsil's 자료구조 02 and 컴퓨터구조 01 exist in several departments (each section its own code)."""
    data = payload(run_tool(ssu_ctx, "check_timetable", courses=courses))
    picked = {c["code"] for c in data["courses"]}
    departments = {s.department for s in ssu_sections if s.code in picked}
    assert departments == {"AI소프트웨어학부"}, data


@pytest.mark.slow
def test_a_department_a_course_lacks_does_not_hide_it(ssu_ctx, ssu_sections) -> None:
    data = payload(run_tool(ssu_ctx, "check_timetable", courses=["AI소프트웨어학부 자구 02반", "회계원리"]))
    assert {c["name"] for c in data["courses"]} == {"자료구조", "회계원리"}


@pytest.fixture(scope="module")
def ssu_sections(shared_data):
    from agent.catalog.loader import load_catalog

    return load_catalog(shared_data / "ssu-2026-1.csv").sections


@pytest.fixture(scope="module")
def terms_ctx(multi_term_index):
    from agent.retrieval import CourseRetriever
    from tools import CourseToolContext

    index = multi_term_index
    return CourseToolContext(index=index, retriever=CourseRetriever(index), term=None, k=8)


def test_a_term_said_once_holds_for_every_course(terms_ctx) -> None:
    """2024-2 has 자료구조 taught by 옛교수; the current term (2025-1) does not: both items are read in 2024-2."""
    message = run_tool(terms_ctx, "check_timetable", courses=["2024년 2학기 자료구조", "CSE3050"])
    terms = {s.term for s in message.artifact["sections"]}
    assert terms == {"2024-2"}, message.content


def test_fitting_together_end_to_end(sample_assistant) -> None:
    for question in ("자료구조 01분반이랑 인공지능 같이 넣어도 돼?", "Can I take both Data Structures and Operating Systems?"):
        answer = sample_assistant.answer(question)
        names = {s.name for s in answer.sources}
        said = "시간이 겹" in answer.answer or "overlap" in answer.answer.lower()
        assert len(names) == 2 and said, answer.answer
