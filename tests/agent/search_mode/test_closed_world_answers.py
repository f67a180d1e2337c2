"""Closed-world answers over the sample catalog: words that link to nothing never turn an answer into
"없어요"; only a course-like name that links to nothing, or linked conditions that match nothing, do."""

from __future__ import annotations

import pytest

from evals.metrics import says_abstain


def test_words_that_link_to_nothing_give_related_courses_not_a_no(sample_assistant) -> None:
    answer = sample_assistant.answer("anything where I learn how consumers decide?")
    assert answer.sources and not says_abstain(answer.answer), answer.answer
    assert answer.answer.startswith("These courses look related")


def test_a_course_like_name_that_links_to_nothing_is_said_missing(sample_assistant) -> None:
    answer = sample_assistant.answer("해양생물학 수업 열려?")
    assert says_abstain(answer.answer) and "해양생물학" in answer.answer


@pytest.mark.parametrize("question", ["잠수함 조종하는 수업 있어?", "천문대 별자리 관측 강의 알려줘"])
def test_words_nothing_in_the_catalog_mentions_are_said_missing_and_cite_nothing(sample_assistant, question) -> None:
    answer = sample_assistant.answer(question)
    assert says_abstain(answer.answer) and not answer.sources, answer.answer
