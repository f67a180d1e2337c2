"""HyperCLOVA X and terms, against the loopback server: the model is offered `term` and `terms`, and what the
tool tells it about terms (which term, the ones searched, term by term, a term the catalog lacks) reaches it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from agent.settings import Settings
from tests.fakes.hyperclova import HyperClovaServer, ReceivedRequest, reply_text, reply_tool_calls
from tests.support.agent_inputs import FAKE_HCX_KEY
from tests.support.multi_term import OLD_PROFESSOR, TERMS


@pytest.fixture()
def server() -> Iterator[HyperClovaServer]:
    with HyperClovaServer(api_key=FAKE_HCX_KEY) as srv:
        yield srv


@pytest.fixture()
def assistant(server: HyperClovaServer, multi_term_index: Any):
    from agent.assistant import CourseAssistant

    settings = Settings(_env_file=None, HYPERCLOVA_API_KEY=FAKE_HCX_KEY, HYPERCLOVA_BASE_URL=server.base_url,
                        HYPERCLOVA_MAX_RETRIES=1, HYPERCLOVA_TIMEOUT=5)  # type: ignore[call-arg]
    return CourseAssistant.from_settings(settings, index=multi_term_index)


def tool_result(request: ReceivedRequest) -> Any:
    content = [m for m in request.body["messages"] if m["role"] == "tool"][-1]["content"]
    return json.loads(content) if content.startswith("{") else content


def test_the_model_is_offered_term_and_terms(server, assistant) -> None:
    server.script(reply_text("무엇이 궁금하세요?"))
    assistant.answer("안녕")
    tool = next(t for t in server.chat_requests()[0].body["tools"] if t["function"]["name"] == "search_courses")
    properties = tool["function"]["parameters"]["properties"]
    assert "terms" in properties and "all" in json.dumps(properties["terms"], ensure_ascii=False)
    assert "질문에 적힌 학기" in json.dumps(properties["term"], ensure_ascii=False)


def test_every_term_reaches_the_model_term_by_term(server, assistant) -> None:
    server.script(reply_tool_calls([("search_courses", {"query": "자료구조", "terms": "all", "limit": 20})]),
                  reply_text("2024-2: 옛교수 ..."))
    answer = assistant.answer("자료구조 역대 교수님 알려줘")
    data = tool_result(server.chat_requests()[1])
    assert data["terms"] == list(TERMS) and "학기별로" in data["term_note"]
    assert {t["term"]: t["professors"] for t in data["by_term"]}["2024-2"] == [OLD_PROFESSOR]
    assert {s.term for s in answer.sources} <= set(TERMS)


def test_a_term_in_the_query_is_read_and_the_model_told_to_state_it(server, assistant) -> None:
    server.script(reply_tool_calls([("search_courses", {"query": "작년 2학기 자료구조"})]), reply_text("2024-2학기 기준 ..."))
    assistant.answer("작년 2학기 자료구조 누가 했어?")
    data = tool_result(server.chat_requests()[1])
    assert data["term"] == "2024-2" and "답변에 학기를 밝히세요" in data["term_note"]


def test_a_bad_term_tells_the_model_which_terms_exist(server, assistant) -> None:
    server.script(reply_tool_calls([("search_courses", {"query": "자료구조", "term": "2019-2"})]), reply_text("..."))
    assistant.answer("2019년 2학기 자료구조")
    message = tool_result(server.chat_requests()[1])
    assert "term 값 '2019-2'" in message and ", ".join(TERMS) in message
