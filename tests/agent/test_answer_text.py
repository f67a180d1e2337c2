"""The assistant reads a model message's text with langchain-core's `BaseMessage.text`: text blocks only, so
reasoning and tool-call blocks are never part of the answer or its citations."""

from __future__ import annotations

from langchain_core.messages import AIMessage

from agent.assistant import select_sources
from agent.catalog.models import CourseSection

DATA_STRUCTURES = CourseSection(term="2026-1", code="CSE2010", section="01", name="자료구조")
OPERATING_SYSTEMS = CourseSection(term="2026-1", code="CSE3020", section="01", name="운영체제")


def test_citations_come_from_text_blocks_not_reasoning() -> None:
    answer = AIMessage(
        content=[
            {"type": "reasoning", "reasoning": "CSE3020 운영체제도 후보지만 질문과 무관하다."},
            {"type": "text", "text": "자료구조는 "},
            {"type": "text", "text": "CSE2010 01분반이에요."},
        ]
    )
    assert answer.text == "자료구조는 CSE2010 01분반이에요."
    assert select_sources(answer, [OPERATING_SYSTEMS, DATA_STRUCTURES]) == [DATA_STRUCTURES]


def test_citation_by_name_when_no_code_is_written() -> None:
    answer = AIMessage(content="운영 체제 강의가 있어요.")  # spaced differently from the catalog name
    assert select_sources(answer, [DATA_STRUCTURES, OPERATING_SYSTEMS]) == [OPERATING_SYSTEMS]
