"""Closed-world answers over the sample catalog: words that link to nothing never turn an answer into
"없어요"; only a course-like name that links to nothing, or linked conditions that match nothing, do."""

from __future__ import annotations

import pytest

from evals.metrics import says_abstain


@pytest.mark.parametrize("question", ["드론 날려보는 수업 있을까?", "손으로 뭔가 만드는 강의 있어?"])
def test_words_that_link_to_nothing_give_related_courses_not_a_no(sample_assistant, question: str) -> None:
    answer = sample_assistant.answer(question)
    assert answer.sources and not says_abstain(answer.answer), answer.answer
    assert answer.answer.startswith("질문과 관련 있어 보이는 강좌예요")


def test_a_course_like_name_that_links_to_nothing_is_said_missing(sample_assistant) -> None:
    answer = sample_assistant.answer("해양생물학 수업 열려?")
    assert says_abstain(answer.answer) and "해양생물학" in answer.answer


def test_related_courses_in_english(sample_assistant) -> None:
    answer = sample_assistant.answer("anything where I get to build drones?")
    assert answer.sources and not says_abstain(answer.answer)
    assert answer.answer.startswith("These courses look related")
