"""How many students: a catalog that states a head count (Sogang's 수강생수, `enrolled`) answers with it, as of
the catalog; one that states seats (여석/정원) answers with those; "not in the catalog" only when none is
stated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agent.catalog.loader import load_catalog
from agent.catalog.models import CourseSection
from agent.search_mode import answer_plan as ap
from agent.search_mode.compose_catalog import asked_topic, holds
from agent.search_mode.intent import focus_of
from agent.search_mode.render import render
from tests.support.agent_inputs import search_settings

LAB = CourseSection(term="2030-1", code="SEA2001", section="01", name="파도역학")


@pytest.mark.parametrize("question", ["수강생 몇 명이야?", "그 수업 몇 명 들어?", "수강생 수 알려줘", "how many students take it?",
                                      "What's the enrollment?"])
def test_head_count_questions_ask_the_seats_topic(question: str) -> None:
    assert asked_topic(focus_of(question)) == "seats"


@pytest.mark.parametrize(("fields", "held"), [
    ({"enrolled": 41}, True), ({"enrolled": 0}, True), ({"seats_left": 3}, True), ({"capacity": 30}, True),
    ({}, False),
])
def test_any_figure_the_catalog_states_answers(fields: dict, held: bool) -> None:
    assert holds(LAB.model_copy(update=fields), "seats") is held


def test_a_head_count_alone_is_said_as_one_with_seats_said_missing() -> None:
    second = LAB.model_copy(update={"section": "02", "enrolled": 0})
    sections = (LAB.model_copy(update={"enrolled": 41}), second)
    plan = ap.AnswerPlan((ap.Block(ap.CatalogFact("seats", LAB, sections, True), sections),))
    korean, english = render(plan, "ko"), render(plan, "en")
    assert "수강생 수" in korean and "수강인원 41명" in korean and "02분반 수강인원 0명" in korean
    assert "여석과 정원은 나와 있지 않아요" in korean and "41 enrolled" in english and "no seats" in english


def test_seats_beside_a_head_count_of_zero_leave_the_zero_out() -> None:
    """Soongsil's export predates registration: 수강인원 0 beside 여석 40 is the section's size, not a count."""
    section = LAB.model_copy(update={"seats_left": 40, "enrolled": 0})
    plan = ap.AnswerPlan((ap.Block(ap.CatalogFact("seats", LAB, (section,), True), (section,)),))
    assert "여석 40석" in render(plan, "ko") and "수강인원" not in render(plan, "ko")


@pytest.mark.slow
def test_sogang_head_counts_end_to_end(sogang_index, shared_data: Path) -> None:
    from agent.assistant import CourseAssistant

    assistant = CourseAssistant.from_settings(search_settings(), index=sogang_index)
    sections = load_catalog(shared_data / "sogang-2025-1.csv").sections
    course = next(s for s in sections if s.enrolled and s.slots and re.fullmatch("[가-힣]+", s.name)
                  and sum(x.name == s.name for x in sections) == 2)
    truth = [s for s in sections if s.name == course.name]
    for question in (f"{course.name} 수강생 몇 명이야?", f"{course.name} 몇 명 들어?"):
        answer = assistant.answer(question)
        assert "수강편람 기준" in answer.answer and "수강편람에 그 정보는 없어요" not in answer.answer
        assert all(f"수강인원 {s.enrolled}명" in answer.answer for s in truth), answer.answer
    english = assistant.answer(f"How many students are in {course.name}?")
    assert all(f"{s.enrolled} enrolled" in english.answer for s in truth), english.answer


def test_sample_seats_end_to_end(sample_assistant, sample_sections) -> None:
    answer = sample_assistant.answer("인공지능 몇 명 들어?")
    for section in (s for s in sample_sections if s.name == "인공지능"):
        assert f"정원 {section.capacity}명" in answer.answer and f"여석 {section.seats_left}석" in answer.answer
