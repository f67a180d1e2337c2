"""Search-mode answers about terms, end to end (question -> tools -> answer), in Korean and English: the term
an answer is for when it is not the current one, a term the catalog lacks, answers across terms grouped by
term, a catalog of one term asked across terms, and class periods read without the catalog's table."""

from __future__ import annotations

import pytest

from tests.support.agent_inputs import search_settings
from tests.support.multi_term import OLD_PROFESSOR, ONLY_2024_1, TERMS


@pytest.fixture(scope="module")
def assistant(multi_term_index):
    from agent.assistant import CourseAssistant

    return CourseAssistant.from_settings(search_settings(), index=multi_term_index)


def ask(assistant, question: str, term: str | None = None) -> str:
    return assistant.answer(question, [], term).answer


def test_an_earlier_term_is_stated(assistant) -> None:
    answer = ask(assistant, "작년 2학기 자료구조 누가 가르쳤어?")
    assert answer.startswith("2024-2학기 기준이에요.") and OLD_PROFESSOR in answer


def test_an_earlier_term_is_stated_in_english(assistant) -> None:
    answer = ask(assistant, "Who taught Data Structures last semester?")
    assert answer.startswith("For the 2024-2 term:") and OLD_PROFESSOR in answer


def test_the_current_term_needs_no_statement(assistant) -> None:
    assert "기준이에요" not in ask(assistant, "자료구조 누가 가르쳐?")
    assert "기준이에요" not in ask(assistant, "자료구조 누가 가르쳐?", term="2024-2")


def test_the_questions_term_wins_over_the_requests(assistant) -> None:
    answer = ask(assistant, "2025년 1학기 자료구조 누가 가르쳐?", term="2024-2")
    assert answer.startswith("2025-1학기 기준이에요.") and OLD_PROFESSOR not in answer


def test_a_term_not_yet_in_the_catalog_is_said_and_the_newest_used(assistant) -> None:
    answer = ask(assistant, "다음 학기에 자료구조 열려?")
    assert answer.startswith("2025-2학기 정보는 아직 수강편람에 없어요")
    assert "2024-1학기부터 2025-1학기까지 4개 학기" in answer and "대신 가장 최근인 2025-1학기 기준으로 알려 드릴게요" in answer


def test_a_past_term_not_in_the_catalog_is_said_in_english(assistant) -> None:
    answer = ask(assistant, "Data Structures in fall 2021?")
    assert answer.startswith("I couldn't find the 2021-2 term in the catalog (it holds the 4 terms from")
    assert "here is the 2025-1 term, the most recent one, instead" in answer


def test_across_terms_is_answered_term_by_term(assistant) -> None:
    answer = ask(assistant, "자료구조 예전에도 열렸어? 누가 가르쳤는지도")
    assert answer.startswith("자료구조는 수강편람의 4개 학기 중 4개 학기에 열렸어요:")
    lines = [line for line in answer.splitlines() if line.startswith("• ")]
    assert [line.split(":")[0][2:] for line in lines] == list(TERMS)
    assert OLD_PROFESSOR in lines[2] and "(분반 1개)" in lines[1]


def test_across_terms_in_english(assistant) -> None:
    answer = ask(assistant, "Was Data Structures ever offered in past semesters?")
    assert answer.startswith("Data Structures [자료구조] was offered in 4 of the 4 terms in the catalog:")
    assert f"• 2024-2: Prof. {OLD_PROFESSOR}" in answer


def test_a_course_of_one_earlier_term_across_terms(assistant) -> None:
    answer = ask(assistant, f"{ONLY_2024_1} 열린 적 있어?")
    assert "4개 학기 중 1개 학기에 열렸어요" in answer and "• 2024-1:" in answer


def test_a_term_named_alone_lists_that_term(assistant) -> None:
    answer = ask(assistant, "2024 여름학기에 무슨 수업 열렸어?")
    assert answer.startswith("2024-여름학기 기준이에요.") and "회계원리" in answer and "경영학원론" in answer


def test_a_catalog_of_one_term_asked_across_terms(sample_assistant) -> None:
    answer = sample_assistant.answer("자료구조 예전에도 열렸어?").answer
    assert answer.startswith("수강편람에는 2026-1학기 정보만 있어요.") and "자료구조" in answer
    english = sample_assistant.answer("Was Data Structures ever offered before?").answer
    assert english.startswith("The catalog holds only the 2026-1 term")


def test_periods_without_a_table_state_the_reading(sample_assistant) -> None:
    """The sample catalog (한빛대학교) defines no class periods: the default reading is said."""
    answer = sample_assistant.answer("월요일 1교시 수업 뭐 있어?").answer
    assert answer.startswith("수강편람에 교시표가 없어 1교시를 09:00 시작으로 읽었어요.")
    english = sample_assistant.answer("Which classes are in period 1 on Monday?").answer
    assert english.startswith("The catalog has no class-period table, so I read period 1 as starting at 09:00.")


def test_a_missing_term_asked_alone_is_the_answer(assistant) -> None:
    answer = assistant.answer("다음 학기에 뭐 열려?", [], None)
    assert answer.answer.startswith("2025-2학기 정보는 아직 수강편람에 없어요") and "과목명이나 조건을 알려 주세요" in answer.answer
    assert answer.sources == []
    english = ask(assistant, "What's offered next semester?")
    assert english.startswith("I couldn't find the 2025-2 term in the catalog yet")
    assert "I'll search" in english


def test_a_term_alone_is_a_course_question(assistant) -> None:
    answer = ask(assistant, "여름학기에 뭐 열려?")
    assert answer.startswith("2024-여름학기 기준이에요.") and "자료구조" in answer
