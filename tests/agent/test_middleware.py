"""Middleware units: history budget, leak guard, upstream error mapping, tool errors, input cap."""

from __future__ import annotations

import pytest
from langchain_core.messages import AIMessage, HumanMessage

from agent.hyperclova.errors import (
    HyperClovaAuthenticationError,
    HyperClovaRateLimitError,
    HyperClovaServerError,
    HyperClovaTimeoutError,
)
from agent.index.base import IndexUnavailableError
from agent.middleware import (
    REFUSAL,
    InputRejectedError,
    LeakGuard,
    UpstreamMisconfiguredError,
    UpstreamRateLimitedError,
    UpstreamTimeoutError,
    UpstreamUnavailableError,
    trim_history,
)
from agent.middleware.model_errors import _passthrough, classify
from agent.middleware.tool_errors import tool_error_message
from agent.prompts import PromptNotFoundError, available_prompts, load_prompt
from tests.support.agent_inputs import FAKE_PINECONE_KEY, PROMPT_SENTENCE, search_settings
from tools import ToolInputError


def test_history_keeps_the_current_turn_and_the_newest_turns() -> None:
    history = []
    for i in range(10):
        history += [HumanMessage(f"질문 {i} " + "가" * 200), AIMessage(f"답 {i} " + "나" * 200)]
    current = HumanMessage("지금 질문")
    kept = trim_history([*history, current], max_tokens=300)
    assert kept[-1] is current
    assert isinstance(kept[0], HumanMessage)
    assert kept[-2].content.startswith("답 9") and not any(str(m.content).startswith("질문 0") for m in kept)
    assert trim_history([current], max_tokens=10) == [current]
    assert trim_history([*history, current], max_tokens=0) == [current]


def test_leak_guard() -> None:
    prompt = load_prompt("system")
    guard = LeakGuard(prompt, [FAKE_PINECONE_KEY])
    assert guard.leaks("좋아요. " + PROMPT_SENTENCE + " 입니다")
    assert guard.leaks("키: " + FAKE_PINECONE_KEY)
    rule = next(line for line in prompt.splitlines() if "반드시 도구" in line)
    assert guard.leaks("  ".join(rule[:60]))  # spacing games do not help
    assert not guard.leaks(REFUSAL)  # the refusal the prompt quotes is allowed
    assert not guard.leaks("조건에 맞는 강좌를 찾지 못했어요. 자료구조 (과목번호 CSE2010, 01분반) — 한도윤 교수 · 3학점")
    # A stream holds back what could still complete a key piece (its first 8 characters, in any form).
    assert guard.holdback >= 8


def test_upstream_errors_map_to_503_and_504() -> None:
    assert isinstance(classify(HyperClovaTimeoutError("read timeout")), UpstreamTimeoutError)
    assert classify(HyperClovaServerError("x", http_status=504)).status_code == 504
    for exc in (HyperClovaServerError("x", http_status=503), HyperClovaRateLimitError("x", http_status=429)):
        mapped = classify(exc)
        assert isinstance(mapped, UpstreamUnavailableError) and mapped.status_code == 503
        assert "잠시 후" in mapped.user_message
    assert isinstance(classify(HyperClovaRateLimitError("x", http_status=429)), UpstreamRateLimitedError)
    # A refused key is not an outage to wait out: the student is told an operator must fix it.
    refused = classify(HyperClovaAuthenticationError("x", http_status=401))
    assert isinstance(refused, UpstreamMisconfiguredError) and refused.status_code == 503
    assert "관리자" in refused.user_message
    assert _passthrough(TypeError("a bug is a bug, not an upstream failure"))


def test_tool_errors_are_messages_except_index_outages() -> None:
    class Request:
        tool_call = {"name": "get_course", "args": {}, "id": "1"}

    assert tool_error_message(ToolInputError("과목번호가 없습니다"), Request()) == "get_course 오류: 과목번호가 없습니다"
    hidden = tool_error_message(KeyError("internal detail /srv/secret"), Request())
    assert "KeyError" in hidden and "/srv/secret" not in hidden
    assert tool_error_message(IndexUnavailableError("down"), Request()) is None


def test_the_agent_itself_caps_input(sample_index) -> None:
    """Callers that drive the graph directly (not through CourseAssistant) hit the same cap."""
    from agent.builder import build_agent
    from agent.retrieval import CourseRetriever
    from tools import CourseToolContext

    settings = search_settings(MAX_MESSAGE_CHARS=20)
    built = build_agent(settings)
    ctx = CourseToolContext(index=sample_index, retriever=CourseRetriever(sample_index))
    with pytest.raises(InputRejectedError) as info:
        built.graph.invoke({"messages": [HumanMessage("자료구조 " * 10)]}, context=ctx)
    assert info.value.reason == "too_long" and info.value.limit == 20


def test_index_outage_propagates_from_a_tool(sample_index) -> None:
    from agent.assistant import CourseAssistant

    class DownIndex:
        """The sample index whose query endpoints are unreachable (an outage, not an empty result)."""

        def __getattr__(self, name: str):
            return getattr(sample_index, name)

        def search(self, *args, **kwargs):
            raise IndexUnavailableError("index unreachable after retries")

        sections_named = get_course = search

    assistant = CourseAssistant.from_settings(search_settings(), index=DownIndex())
    with pytest.raises(IndexUnavailableError):
        assistant.answer("자료구조 누가 가르쳐?")


def test_prompts_are_files_selected_by_name() -> None:
    assert {"system", "concise"} <= set(available_prompts())
    assert PROMPT_SENTENCE in load_prompt()
    for bad in ("nope", "../settings", ""):
        with pytest.raises(PromptNotFoundError) as info:
            load_prompt(bad)
        assert "system" in str(info.value)
