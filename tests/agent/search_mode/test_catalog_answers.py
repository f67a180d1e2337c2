"""Questions about what only some catalogs hold — seats, exam dates, prerequisites, who may register, how a
course is taught — are answered from the catalog's own fields where it has them, and otherwise with
"수강편람에 그 정보는 없어요", never with an arbitrary section as if it answered. Graduate sections are marked.

The sample catalog holds 정원/여석, 수업방식 and 선수과목 remarks (no exam dates); Soongsil holds 여석 read before
registration; Sogang holds 시험일자 but no seats (docs/catalog-mapping.md, fields per profile)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.catalog.loader import load_catalog
from agent.catalog.models import CourseSection
from agent.search_mode.compose_catalog import asked_topic, holds
from agent.search_mode.intent import focus_of
from agent.search_mode.sections import prerequisite_remarks
from tests.support.agent_inputs import search_settings, turns

NOT_HELD = "수강편람에 그 정보는 없어요"


@pytest.mark.parametrize(("question", "topic"), [
    ("자료구조 여석 있어?", "seats"), ("그 수업 자리 남았어?", "seats"), ("정원 몇 명이야?", "seats"),
    ("How many seats are left?", "seats"), ("시험 언제야?", "exam"), ("기말고사 날짜 알려줘", "exam"),
    ("When is the midterm?", "exam"), ("선수과목 있어?", "prerequisite"), ("먼저 들어야 하는 과목 있어?", "prerequisite"),
    ("타과생도 들을 수 있어?", "restrictions"), ("수강 제한 있어?", "restrictions"), ("who can take it?", "restrictions"),
    ("수강 조건 있어?", "restrictions"), ("그 반 조건이 뭐야?", "restrictions"), ("자격 요건 알려줘", "restrictions"),
    ("온라인 수업이야?", "delivery"), ("녹화 강의야?", "delivery"), ("Is it online?", "delivery"),
])
def test_the_asked_catalog_attribute_is_recognised(question: str, topic: str) -> None:
    assert asked_topic(focus_of(question)) == topic


@pytest.mark.parametrize("question", ["자료구조 누가 가르쳐?", "화목 오전에 들을 수 있는 경영 전공 있어요?", "운동선수 출신 교수님 수업",
                                      "몇 학점이야?", "English-taught sections?", "조건에 맞는 수업 있어?",
                                      "이 조건으로 다시 찾아줘"])
def test_other_questions_ask_no_catalog_attribute(question: str) -> None:
    assert asked_topic(focus_of(question)) is None


def test_prerequisites_are_only_what_a_remark_says() -> None:
    section = CourseSection(term="2026-1", code="X1", name="운영체제", notes="선수과목: 자료구조, 컴퓨터구조\n실습 있음",
                            description="운동선수처럼 꾸준히 공부해야 한다. 선이수 권장: 컴퓨터구조.")
    assert prerequisite_remarks(section) == ["선수과목: 자료구조, 컴퓨터구조", "선이수 권장: 컴퓨터구조"]
    assert not holds(section.model_copy(update={"notes": None, "description": "운동선수 특강"}), "prerequisite")


def _sections(catalog: list[CourseSection], name: str) -> list[CourseSection]:
    return [s for s in catalog if s.name == name]


def test_seats_from_the_sample_catalog_as_of_the_catalog(sample_assistant, sample_sections) -> None:
    answer = sample_assistant.answer("운영체제 여석 있어?")
    assert "수강편람 기준" in answer.answer
    for section in _sections(sample_sections, "운영체제"):
        assert f"{section.section}분반" in answer.answer and f"여석 {section.seats_left}석" in answer.answer
        assert f"정원 {section.capacity}명" in answer.answer
    english = sample_assistant.answer("How many seats are left in Operating Systems?")
    assert "As of the catalog" in english.answer and "seats left" in english.answer


def test_no_exam_dates_in_the_sample_catalog(sample_assistant) -> None:
    for question, words in (("자료구조 시험 언제야?", NOT_HELD), ("When is the Data Structures exam?",
                                                              "I couldn't find that in the catalog")):
        answer = sample_assistant.answer(question)
        assert answer.answer.startswith(words), answer.answer
        assert {s.name for s in answer.sources} == {"자료구조"}  # the course asked about, nothing else
        assert answer.page is None  # no pages of "not listed" to go through


def test_a_follow_up_asks_the_cited_section(sample_assistant, sample_sections) -> None:
    first = sample_assistant.answer("운영체제 누가 가르쳐?")
    history = turns(("user", "운영체제 누가 가르쳐?"), ("assistant", first.answer))
    answer = sample_assistant.answer("그 수업 선수과목 있어?", history)
    cited = answer.sources[0]
    remarks = prerequisite_remarks(cited)
    assert remarks and all(remark in answer.answer for remark in remarks)
    delivery = sample_assistant.answer("그 수업 온라인이야?", history)
    assert "수업 방식" in delivery.answer and "대면" in delivery.answer


def test_restrictions_and_a_graduate_section(sample_assistant, sample_sections) -> None:
    special = next(s for s in sample_sections if s.restricted_to_target and s.graduate)
    answer = sample_assistant.answer(f"{special.name} 타과생도 들을 수 있어?")
    assert "수강 대상과 제한" in answer.answer and (special.restrictions or "").splitlines()[0] in answer.answer
    assert "대학원" in answer.answer  # the section is marked graduate in its citation
    english = sample_assistant.answer(f"who can take {special.name_en}?")
    rule = (special.restrictions or "").splitlines()[0]
    assert "graduate" in english.answer and f'"{rule}"' in english.answer


@pytest.mark.slow
def test_soongsil_seats_are_the_catalogs_before_registration(ssu_index, shared_data: Path) -> None:
    from agent.assistant import CourseAssistant

    assistant = CourseAssistant.from_settings(search_settings(), index=ssu_index)
    answer = assistant.answer("머신러닝 여석 있어?")
    catalog = _sections(load_catalog(shared_data / "ssu-2026-1.csv").sections, "머신러닝")
    assert "수강편람 기준" in answer.answer and "다를 수 있어요" in answer.answer
    for section in catalog[:12]:
        assert section.code in answer.answer
    assert {f"여석 {s.seats_left}석" for s in catalog[:12]} <= set(_phrases(answer.answer, "여석"))
    assert assistant.answer("머신러닝 시험 언제야?").answer.startswith(NOT_HELD)


def _phrases(text: str, word: str) -> list[str]:
    import re

    return re.findall(word + r" \d+석", text)


@pytest.mark.slow
def test_sogang_has_exam_dates_and_no_seats(sogang_index, shared_data: Path) -> None:
    from agent.assistant import CourseAssistant

    assistant = CourseAssistant.from_settings(search_settings(), index=sogang_index)
    catalog = [s for s in load_catalog(shared_data / "sogang-2025-1.csv").sections if s.name == "자료구조"]
    exam = assistant.answer("자료구조 시험 언제야?")
    for section in catalog:
        label = section.exam_time().label() if section.exam_time() else section.exam
        assert label and label in exam.answer
    # Sogang states a head count (수강생수) and no seats: the head count is the answer, the seats said missing.
    seats = assistant.answer("자료구조 여석 있어?")
    assert "수강생 수" in seats.answer and "여석과 정원은 나와 있지 않아요" in seats.answer
    assert all(f"수강인원 {s.enrolled}명" in seats.answer for s in catalog)
