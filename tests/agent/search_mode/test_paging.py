"""'더 보기' / 'more': the question a cut list answered, asked again in its own context and continued from
where that answer stopped — read back from the answer's text (a client that keeps only text history) or
given by the API's `offset` — until nothing is left."""

from __future__ import annotations

import re

import pytest

from agent.catalog.models import CourseSection
from agent.search_mode.paging import asks_more, continued, next_offset, showed_everything
from agent.search_mode.planning import plan_turn
from tests.support.agent_inputs import turns


@pytest.mark.parametrize("text", ["더 보기", "더보기", "더 보여줘", "더 보여 주세요!", "나머지도 보여줘", "나머지는?", "다음",
                                  "more", "Show me more", "show more please", "the rest", "next page",
                                  "MORE."])
def test_asking_for_the_rest(text: str) -> None:
    assert asks_more(text)


@pytest.mark.parametrize("text", ["더 많은 수업 알려줘", "다음 학기 수업", "자료구조 더 보기 싫어", "more English courses",
                                  "나머지 과목 중에 월요일 수업", "What else does Prof. Kim teach?"])
def test_a_question_that_only_mentions_more_is_a_question(text: str) -> None:
    assert not asks_more(text)


def test_the_rest_is_read_back_from_the_answer_text() -> None:
    korean = "20과목 49개 분반 중 처음 12개예요. 나머지 37개는 '더 보기'라고 하시면 13번째부터 보여 드려요."
    english = 'Showing 13-24 of 49 sections in 20 courses. Say "more" to see the other 25, from #25.'
    assert next_offset(korean) == 12 and next_offset(english) == 24
    assert next_offset("20과목 49개 분반 중 37-49번째예요.") is None
    assert showed_everything("• 자료구조 (과목번호 CSE2010, 01분반) — …\n분반 16개 중 13-16번째예요.")
    assert not showed_everything("자료구조는 여러 분반이 있어요.")  # not ours: it may have been cut


def test_the_continued_question_skips_earlier_more_turns_and_replies() -> None:
    history = turns(
        ("user", "자구 누가 가르쳐?"), ("assistant", "…"),
        ("user", "교양필수 뭐 있어?"), ("assistant", "• 글쓰기 (과목번호 GEN1001, 01분반)\n… 13번째부터 보여 드려요."),
        ("user", "더 보기"), ("assistant", "• 글쓰기 (과목번호 GEN1001, 05분반)\n… 25번째부터 보여 드려요."),
        ("user", "더 보기"), ("assistant", "더 보여 드릴 강좌가 없어요."),
    )
    pairs = [(t.role, t.content) for t in history]
    question, before, answer = continued(pairs)
    assert question == "교양필수 뭐 있어?" and len(before) == 2
    assert next_offset(answer) == 24  # the newest answer that listed courses, not the reply after it


def test_planning_continues_the_earlier_question_from_its_offset() -> None:
    history = [("user", "교양필수 과목 뭐 있어?"),
               ("assistant", "• 글쓰기 (과목번호 GEN1001, 01분반)\n나머지 4개는 '더 보기'라고 하시면 13번째부터 보여 드려요.")]
    plan = plan_turn("더 보기", history)
    assert plan.question == "교양필수 과목 뭐 있어?" and plan.offset == 12
    assert [c.args.get("offset") for c in plan.calls if c.name == "search_courses"] == [12]
    assert plan_turn("더 보기").kind == "ask"  # nothing was asked yet
    whole = [("user", "운체 분반"), ("assistant", "• 운영체제 (과목번호 CSE3010, 01분반) — …")]
    assert plan_turn("more", whole).kind == "no_more"


def _bullets(text: str) -> list[str]:
    return re.findall(r"^• .*?\((?:과목번호|code) (\w+), (?:section )?(\d+)(?:분반)?", text, flags=re.MULTILINE)


@pytest.mark.parametrize(("question", "more", "wanted"), [
    ("교양필수 과목 뭐 있어?", "더 보기", lambda s: "교양필수" in (s.category or "")),
    ("any courses for economics majors?", "more", lambda s: s.department == "경제학과"),
])
def test_paging_through_a_list_shows_every_section_once(sample_assistant, sample_sections, question, more,
                                                        wanted) -> None:
    expected = {(s.code, s.section) for s in sample_sections if wanted(s)}
    assert len(expected) > 12
    history: list = []
    shown: list[tuple[str, str]] = []
    for turn in (question, more, more):
        answer = sample_assistant.answer(turn, history)
        history += turns(("user", turn), ("assistant", answer.answer))
        shown += _bullets(answer.answer)
    assert sorted(shown) == sorted(expected)  # all of them, none twice
    assert "더 보여 드릴" in answer.answer or "anything more to show" in answer.answer


def test_the_api_offset_pages_when_the_text_says_nothing(sample_assistant, sample_sections) -> None:
    """A history written by someone else has no position in it: the request's offset says where to go on."""
    first = sample_assistant.answer("교양필수 과목 뭐 있어?")
    assert first.page is not None and first.page.next_offset == 12
    history = turns(("user", "교양필수 과목 뭐 있어?"), ("assistant", "교양필수 과목 목록을 보여 드렸어요."))
    rest = sample_assistant.answer("더 보기", history, offset=first.page.next_offset)
    assert rest.page is not None and rest.page.offset == 12
    assert {s.id for s in rest.sources}.isdisjoint({s.id for s in first.sources if _in(s, first.answer)})
    same = sample_assistant.answer("교양필수 과목 뭐 있어?", offset=12)  # the same question, from 12 on
    assert _bullets(same.answer) == _bullets(rest.answer)


def _in(section: CourseSection, text: str) -> bool:
    return f"{section.code}, {section.section}분반" in text and f"• {section.name}" in text


@pytest.mark.slow
def test_a_follow_up_pages_a_course_with_a_code_per_section(ssu_index, shared_data) -> None:
    """Soongsil: every section has its own code, so "다른 분반은?" lists the course by its name, a page at a
    time."""
    from agent.assistant import CourseAssistant
    from agent.catalog.loader import load_catalog
    from tests.support.agent_inputs import search_settings

    name = "[컴퓨팅적사고]컴퓨팅적사고와코딩기초"
    total = sum(1 for s in load_catalog(shared_data / "ssu-2026-1.csv").sections if s.name == name)
    assistant = CourseAssistant.from_settings(search_settings(), index=ssu_index)
    history: list = []
    pages = []
    for turn in (f"{name} 누가 가르쳐?", "다른 분반은?", "더 보기"):
        answer = assistant.answer(turn, history)
        history += turns(("user", turn), ("assistant", answer.answer))
        pages.append(answer)
    assert all(f"분반이 {total}개" in a.answer for a in pages)
    assert [a.page.offset for a in pages] == [0, 0, 12] and all(a.page.total_sections == total for a in pages)
    codes = [{s.code for s in a.sources} for a in pages[1:]]
    assert len(codes[0]) == len(codes[1]) == 12 and codes[0].isdisjoint(codes[1])
