"""`SearchModeChatModel` as a LangChain chat model: tool binding, tool calls, answers, streaming."""

from __future__ import annotations

import itertools

from langchain_core.messages import AIMessage, HumanMessage, ToolMessage

from agent.catalog.models import CourseSection, MeetingSlot
from agent.search_mode import MODEL_NAME, SearchModeChatModel
from tools import TOOLS

SECTION = CourseSection(
    term="2026-1", code="CSE2010", section="01", name="자료구조", professors=["한도윤"], credits=3,
    slots=[MeetingSlot(day="수", start=540, end=615, room="공학관 301")], department="컴퓨터공학과",
)


def test_a_course_question_becomes_a_tool_call() -> None:
    model = SearchModeChatModel().bind_tools(TOOLS)
    message = model.invoke([HumanMessage("자구 누가 가르쳐?")])
    assert isinstance(message, AIMessage) and message.content == ""
    assert [(c["name"], c["args"]["query"]) for c in message.tool_calls] == [("search_courses", "자구 누가 가르쳐?")]
    assert message.tool_calls[0]["id"].startswith("call_")


# Conversations whose plan, with every tool bound, calls each tool: by name, by code, a clash check, and a
# follow-up about the other sections of a course asked by code (two calls: the code, and its cited name).
CITED = AIMessage("자료구조 (과목번호 CSE2010, 01분반)는 한도윤 교수님이 가르쳐요.")
PLANS = [
    ([HumanMessage("자료구조 누가 가르쳐?")], ["search_courses"]),
    ([HumanMessage("CSE2010 누가 가르쳐?")], ["get_course"]),
    ([HumanMessage("자료구조랑 회계원리 시간 겹쳐?")], ["check_timetable"]),
    ([HumanMessage("CSE2010 누가 가르쳐?"), CITED, HumanMessage("그 과목 다른 분반도 있어?")],
     ["get_course", "search_courses"]),
]


def _calls(message: AIMessage) -> list[tuple[str, dict]]:
    return [(c["name"], c["args"]) for c in message.tool_calls]


def test_only_bound_tools_are_called() -> None:
    """Whatever subset of the tools is bound (none included), the model calls exactly the planned calls of
    the bound tools, and never a tool that is not bound, even when the question asks for it."""
    model = SearchModeChatModel()
    for messages, planned_names in PLANS:
        planned = _calls(model.bind_tools(TOOLS).invoke(messages))
        assert [name for name, _ in planned] == planned_names, messages[-1].content
        for size in range(len(TOOLS)):
            for bound in itertools.combinations(TOOLS, size):
                names = {t.name for t in bound}
                message = model.bind_tools(list(bound)).invoke(messages)
                assert _calls(message) == [c for c in planned if c[0] in names], (messages[-1].content, names)
                if not message.tool_calls:
                    assert message.content  # nothing it may call: it answers in words, never an empty turn


def test_the_answer_is_written_from_the_tool_result_and_lists_what_it_cited() -> None:
    call = {"name": "get_course", "args": {"code": "CSE2010"}, "id": "call_1", "type": "tool_call"}
    messages = [
        HumanMessage("CSE2010 누가 가르쳐?"),
        AIMessage(content="", tool_calls=[call]),
        ToolMessage(content="{}", tool_call_id="call_1", name="get_course",
                    artifact={"kind": "lookup", "sections": [SECTION]}),
    ]
    message = SearchModeChatModel().bind_tools(TOOLS).invoke(messages)
    assert message.tool_calls == []
    assert "자료구조 (과목번호 CSE2010, 01분반)는 한도윤 교수님이 가르쳐요." in message.content
    assert message.response_metadata["cited_ids"] == [SECTION.id]
    assert message.response_metadata["model_name"] == MODEL_NAME


def test_streaming_gives_the_same_message_in_pieces() -> None:
    model = SearchModeChatModel().bind_tools(TOOLS)
    chunks = list(model.stream([HumanMessage("안녕하세요")]))
    assert len(chunks) > 3
    whole = chunks[0]
    for chunk in chunks[1:]:
        whole = whole + chunk
    assert whole.content == model.invoke([HumanMessage("안녕하세요")]).content
    pieces = list(model.stream([HumanMessage("자료구조랑 회계원리 시간 겹쳐?")]))
    merged = pieces[0]
    for piece in pieces[1:]:
        merged = merged + piece
    assert [(c["name"], c["args"]) for c in merged.tool_calls] == [
        ("check_timetable", {"courses": ["자료구조", "회계원리"]})
    ]
