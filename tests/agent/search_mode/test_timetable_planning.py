"""Search mode reads a request to plan a timetable ("시간표 짜줘", "make me a timetable") as `plan_timetable`
with the courses it names and the week's conditions; other timetable questions keep their own rules."""

from __future__ import annotations

import pytest

from agent.index.vocabulary import vocabulary_of
from agent.search_mode.planning import plan_turn
from agent.search_mode.timetable_request import asks_to_plan


@pytest.fixture(scope="module")
def vocabulary(sample_sections):
    return vocabulary_of(sample_sections)


def _calls(question: str, vocabulary) -> list[tuple[str, dict]]:
    return [(c.name, c.args) for c in plan_turn(question, (), vocabulary).calls]


@pytest.mark.parametrize(
    ("question", "args"),
    [
        ("자료구조, 운영체제, 회계원리 들을 건데 금요일 공강으로 시간표 짜줘",
         {"courses": ["자료구조", "운영체제", "회계원리"], "exclude_days": ["금"]}),
        ("자료구조랑 운영체제로 시간표 짜 줘", {"courses": ["자료구조", "운영체제"]}),
        ("CSE2010, BUS1010 오후 수업으로만 시간표 만들어줘", {"courses": ["CSE2010", "BUS1010"], "start_after": "12:00"}),
        ("자료구조 운영체제 회계원리 주 3일만 시간표 짜줘, 공강 시간 적게",
         {"courses": ["자료구조", "운영체제", "회계원리"], "max_days": 3, "prefer": "fewest_gaps"}),
        ("자료구조 운영체제 18학점 이하로 한도윤 교수님 수업 위주 시간표 짜줘",
         {"courses": ["자료구조", "운영체제"], "professors": ["한도윤"], "max_credits": 18.0}),
        # "일수" is the number of days, not Sunday and Wednesday.
        ("자료구조 운영체제 시간표 짜줘 등교 일수 적게", {"courses": ["자료구조", "운영체제"], "prefer": "fewest_days"}),
        ("월수금만 가게 자료구조 운영체제 시간표 짜줘",
         {"courses": ["자료구조", "운영체제"], "exclude_days": ["화", "목", "토", "일"]}),
        # A section written right after its course stays with it.
        ("자료구조 02분반이랑 운영체제, 회계원리로 시간표 만들어 줘",
         {"courses": ["자료구조 02분반", "운영체제", "회계원리"]}),
        ("CSE2010-03이랑 회계원리 시간표 짜줘", {"courses": ["CSE2010-03", "회계원리"]}),
    ],
)
def test_korean_requests_become_plan_timetable_calls(vocabulary, question: str, args: dict) -> None:
    assert _calls(question, vocabulary) == [("plan_timetable", args)]


@pytest.mark.parametrize(
    ("question", "args"),
    [
        ("make me a timetable with Data Structures and Linear Algebra, mornings only",
         {"courses": ["자료구조", "선형대수학"], "start_before": "11:59"}),
        ("plan my schedule with Operating Systems and Algorithms, no classes on Friday",
         {"courses": ["운영체제", "알고리즘"], "exclude_days": ["금"]}),
        ("Build me a timetable with Data Structures and Linear Algebra, 3 days a week, at most 18 credits",
         {"courses": ["자료구조", "선형대수학"], "max_days": 3, "max_credits": 18.0}),
        ("make me a schedule with Operating Systems and Algorithms that starts late",
         {"courses": ["운영체제", "알고리즘"], "prefer": "late_start"}),
    ],
)
def test_english_requests_become_plan_timetable_calls(vocabulary, question: str, args: dict) -> None:
    plan = plan_turn(question, (), vocabulary)
    assert plan.lang == "en"
    assert [(c.name, c.args) for c in plan.calls] == [("plan_timetable", args)]


@pytest.mark.parametrize("question", ["시간표 짜줘", "시간표 좀 짜 줘", "시간표 만들어줘", "시간표를 짜 줄래?",
                                      "make me a timetable", "plan my schedule", "Create a weekly schedule"])
def test_the_ways_students_ask_to_plan(question: str) -> None:
    assert asks_to_plan(question)


@pytest.mark.parametrize("question", ["시간표 확인해줘", "자료구조랑 운영체제 겹쳐?", "자료구조 시간 알려줘",
                                      "what is my schedule like"])
def test_other_timetable_questions_are_not_planning(question: str) -> None:
    assert not asks_to_plan(question)


def test_a_request_with_one_course_or_a_clash_question_keeps_the_other_rules(vocabulary) -> None:
    assert [name for name, _ in _calls("자료구조 금요일 공강으로 시간표 짜줘", vocabulary)] != ["plan_timetable"]
    assert _calls("자료구조랑 운영체제 시간 겹쳐?", vocabulary) == [
        ("check_timetable", {"courses": ["자료구조", "운영체제"]})
    ]


ABOUT_OS = ("운영체제는 분반이 2개 있어요:\n• 운영체제 (과목번호 CSE3010, 01분반) — 남궁현 교수 · 3학점\n"
            "• 운영체제 (과목번호 CSE3010, 02분반) — 권태오 교수 · 3학점")
A_PLAN = ("자료구조, 운영체제, 회계원리 과목으로 시간이 겹치지 않는 시간표를 3가지 짜 봤어요.\n1안 (9학점): 수·금요일 공강\n"
          "• 자료구조 (과목번호 CSE2010, 02분반) — 남궁현 교수\n• 운영체제 (과목번호 CSE3010, 03분반) — 서다온 교수\n"
          "• 회계원리 (과목번호 BUS1010, 01분반) — 장혜원 교수")


def test_a_follow_up_takes_the_courses_from_the_conversation(vocabulary) -> None:
    about_os = [("user", "운영체제 누가 가르쳐?"), ("assistant", ABOUT_OS)]
    assert [(c.name, c.args) for c in plan_turn("그거랑 회계원리로 시간표 짜줘", about_os, vocabulary).calls] == [
        ("plan_timetable", {"courses": ["회계원리", "CSE3010"]})
    ]
    # Asked again after a plan: the same request (its courses as the student named them) with the change.
    planned = [("user", "자료구조, 운영체제, 회계원리로 시간표 짜줘"), ("assistant", A_PLAN)]
    again = plan_turn("금요일 공강으로 다시 짜줘", planned, vocabulary)
    assert [(c.name, c.args) for c in again.calls] == [
        ("plan_timetable", {"courses": ["자료구조", "운영체제", "회계원리"], "exclude_days": ["금"]})
    ]


def test_a_follow_up_revises_the_last_plan(vocabulary) -> None:
    """"운영체제 빼고 다시", "월요일도 비워줘", "데이터베이스도 넣어줘": the last request changed, its other courses and
    conditions kept, however many revisions came before."""
    asked = "자료구조, 운영체제, 회계원리 금공강으로 시간표 짜줘"
    planned = [("user", asked), ("assistant", A_PLAN)]
    dropped = plan_turn("운영체제 빼고 다시 짜줘", planned, vocabulary).calls
    assert [(c.name, c.args) for c in dropped] == [
        ("plan_timetable", {"courses": ["자료구조", "회계원리"], "exclude_days": ["금"]})]
    twice = [*planned, ("user", "운영체제 빼고 다시 짜줘"), ("assistant", A_PLAN)]
    monday = plan_turn("월요일도 비워줘", twice, vocabulary).calls
    assert [(c.name, c.args) for c in monday] == [
        ("plan_timetable", {"courses": ["자료구조", "회계원리"], "exclude_days": ["금", "월"]})]
    added = plan_turn("선형대수학도 넣어줘", planned, vocabulary).calls
    assert added[0].args["courses"] == ["자료구조", "운영체제", "회계원리", "선형대수학"]
    # Not a revision: a question about a course after a plan is that question.
    assert "plan_timetable" not in [c.name for c in plan_turn("운영체제 누가 가르쳐?", planned, vocabulary).calls]


def test_a_day_off_is_not_read_as_a_wanted_day() -> None:
    from agent.search_mode.timetable_request import plan_arguments

    assert plan_arguments("자료구조, 운영체제 월요일 비우고 시간표 짜줘", None)["exclude_days"] == ["월"]
    assert "exclude_days" not in plan_arguments("자료구조, 운영체제 공강 없이 시간표 짜줘", None)


def test_a_new_request_naming_one_course_does_not_borrow_one(vocabulary) -> None:
    about_os = [("user", "운영체제 누가 가르쳐?"), ("assistant", ABOUT_OS)]
    calls = plan_turn("회계원리 시간표 짜줘", about_os, vocabulary).calls
    assert "plan_timetable" not in [c.name for c in calls]


def test_again_is_planning_only_after_a_planning_request() -> None:
    assert asks_to_plan("금요일 공강으로 다시 짜줘", "자료구조, 운영체제로 시간표 짜줘")
    assert asks_to_plan("redo it without Fridays", "make me a timetable with OS and Algorithms")
    assert not asks_to_plan("금요일 공강으로 다시 짜줘")
    assert not asks_to_plan("다시 짜줘", "운영체제 누가 가르쳐?")


def test_a_word_found_inside_course_names_is_a_course_to_plan() -> None:
    """A catalog with 운영체제입문 but no 운영체제: the word still names a course to plan with (the tool resolves it
    as it resolves a name), as `check_timetable` takes it."""
    from agent.index.base import Vocabulary

    vocabulary = Vocabulary(course_names=["자료구조", "운영체제입문", "운영관리"], departments=["컴퓨터공학과"])
    assert _calls("자료구조, 운영체제 들을 건데 오전 수업으로만 시간표 짜줘", vocabulary) == [
        ("plan_timetable", {"courses": ["자료구조", "운영체제"], "start_before": "11:59"})
    ]


def test_who_the_student_is_goes_to_the_planner(vocabulary) -> None:
    """"컴퓨터공학과 2학년인데 …", "홀수 학번": eligibility is judged for them."""
    [call] = plan_turn("컴퓨터공학과 2학년인데 자료구조, 운영체제로 시간표 짜줘, 홀수 학번이야", (), vocabulary).calls
    assert call.args["year"] == 2 and call.args["student_id"] == "홀수" and "컴퓨터" in call.args["department"]


@pytest.mark.parametrize(
    ("words", "limits"),
    [
        ("12학점 이상으로", {"min_credits": 12.0}),
        ("15~18학점으로", {"min_credits": 15.0, "max_credits": 18.0}),
        ("공강 2시간 넘지 않게", {"max_gap": 120}),
        ("빈 시간 90분 이하로", {"max_gap": 90}),
        ("영어강의 위주로", {"english": True}),
    ],
)
def test_credit_floors_gaps_and_english_are_read(words: str, limits: dict) -> None:
    from agent.search_mode.timetable_request import plan_arguments

    assert plan_arguments(f"CSE2010, CSE3010 {words} 시간표 짜줘", None) == {"courses": ["CSE2010", "CSE3010"], **limits}
    english = plan_arguments("make me a schedule with CSE2010 and CSE3010, no gaps over 2 hours, English-taught", None)
    assert english == {"courses": ["CSE2010", "CSE3010"], "max_gap": 120, "english": True}


@pytest.mark.parametrize(
    "question",
    ["자료구조, 운영체제 필수고 회계원리는 가능하면 넣어서 9학점 이하로 시간표 짜줘",
     "자료구조, 운영체제로 시간표 짜줘, 회계원리도 되면 넣어줘",
     "make me a schedule with Data Structures and Operating Systems, optionally Principles of Accounting"],
)
def test_a_nice_to_have_course_is_optional(vocabulary, question: str) -> None:
    [call] = plan_turn(question, (), vocabulary).calls
    assert call.args["courses"] == ["자료구조", "운영체제"] and call.args["optional"] == ["회계원리"]
