"""ChatHyperClovaX against the loopback server: construction, wire format, invoke/stream (sync and async),
thinking, tools, structured output, usage and metadata."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import pytest
from langchain_core.messages import AIMessage, AIMessageChunk, HumanMessage, SystemMessage, ToolMessage
from langchain_core.tools import tool
from pydantic import BaseModel, Field, ValidationError

from agent.hyperclova import ChatHyperClovaX, HyperClovaBadRequestError, HyperClovaStreamError
from tests.fakes.hyperclova import (
    DEFAULT_LABEL,
    HyperClovaServer,
    reply_json,
    reply_text,
    reply_tool_calls,
    stream_error_midway,
)

API_KEY = "nv-test-secret-0123456789"  # same as conftest.API_KEY
Make = Callable[..., ChatHyperClovaX]


@tool
def search_courses(query: str, credits: int | None = None) -> str:
    """강의 목록에서 검색한다."""
    return query


def collect(chunks: list[AIMessageChunk]) -> AIMessageChunk:
    full = chunks[0]
    for chunk in chunks[1:]:
        full = full + chunk
    return full


async def acollect(model: Any, prompt: Any, **kwargs: Any) -> list[AIMessageChunk]:
    return [chunk async for chunk in model.astream(prompt, **kwargs)]


# ---- construction and secrets


def test_key_from_argument_or_env_and_never_shown(monkeypatch: pytest.MonkeyPatch, caplog: Any) -> None:
    with pytest.raises(ValidationError, match="HYPERCLOVA_API_KEY"):
        ChatHyperClovaX()
    monkeypatch.setenv("HYPERCLOVA_API_KEY", API_KEY)
    monkeypatch.setenv("HYPERCLOVA_BASE_URL", "http://127.0.0.1:1/")
    llm = ChatHyperClovaX()
    assert llm.api_key is not None and llm.api_key.get_secret_value() == API_KEY
    assert llm.base_url == "http://127.0.0.1:1" and llm.model == "HCX-005"
    assert (
        API_KEY not in repr(llm) and API_KEY not in str(llm) and API_KEY not in str(llm._identifying_params)
    )
    assert ChatHyperClovaX(api_key="nv-other").api_key.get_secret_value() == "nv-other"  # type: ignore[union-attr]


def test_parameter_ranges_checked_at_construction() -> None:
    for bad in (
        {"temperature": 1.5},
        {"top_p": 0},
        {"top_k": 200},
        {"repetition_penalty": 3},
        {"seed": -1},
        {"max_tokens": 0},
    ):
        with pytest.raises(ValidationError):
            ChatHyperClovaX(api_key=API_KEY, **bad)
    with pytest.raises(ValidationError, match="HCX-007") as info:
        ChatHyperClovaX(api_key=API_KEY, thinking_effort="low")
    assert API_KEY not in str(info.value)  # pydantic would print all constructor input here by default


def test_identifying_params_and_llm_type() -> None:
    llm = ChatHyperClovaX(api_key=API_KEY, model="HCX-DASH-002", temperature=0.2, max_tokens=300)
    assert llm._llm_type == "hyperclova-x"
    assert llm._identifying_params == {
        "model": "HCX-DASH-002",
        "base_url": "https://clovastudio.stream.ntruss.com",
        "temperature": 0.2,
        "max_tokens": 300,
        "include_ai_filters": False,
    }
    ls = llm._get_ls_params(stop=["x"], model="HCX-005")
    assert ls["ls_provider"] == "hyperclova" and ls["ls_model_name"] == "HCX-005" and ls["ls_stop"] == ["x"]


@pytest.mark.disable_socket
def test_token_counting_is_offline() -> None:
    llm = ChatHyperClovaX(api_key=API_KEY)
    assert llm.get_num_tokens("자료구조 강의") == 4
    assert llm.get_num_tokens_from_messages([HumanMessage("자료구조 강의"), AIMessage("월요일")]) > 4


# ---- request wire format


def test_request_headers_path_and_camelcase_body(server: HyperClovaServer, make_llm: Make) -> None:
    llm = make_llm(
        temperature=0.3,
        top_p=0.9,
        top_k=5,
        max_tokens=200,
        repetition_penalty=1.2,
        seed=7,
        include_ai_filters=True,
        stop=["###"],
    )
    llm.invoke(
        [
            SystemMessage("시스템 1"),
            SystemMessage("시스템 2"),
            HumanMessage("안녕", name="kim"),
            AIMessage("반가워요"),
            HumanMessage("자구 알려줘"),
        ]
    )
    first = server.last_request
    assert first.path == "/v3/chat-completions/HCX-005"
    assert first.headers["authorization"] == f"Bearer {API_KEY}"
    assert first.headers["content-type"] == "application/json" and not first.stream
    assert first.headers["x-ncp-clovastudio-request-id"].startswith("coursebot-")
    assert first.body == {
        "messages": [
            {"role": "system", "content": "시스템 1\n\n시스템 2"},
            {"role": "user", "content": "안녕"},
            {"role": "assistant", "content": "반가워요"},
            {"role": "user", "content": "자구 알려줘"},
        ],
        "temperature": 0.3,
        "topP": 0.9,
        "topK": 5,
        "repetitionPenalty": 1.2,
        "seed": 7,
        "includeAiFilters": True,
        "stop": ["###"],
        "maxTokens": 200,
    }
    llm.invoke("두 번째")
    assert (
        server.last_request.headers["x-ncp-clovastudio-request-id"]
        != first.headers["x-ncp-clovastudio-request-id"]
    )


def test_per_call_overrides_and_model_override(server: HyperClovaServer, make_llm: Make) -> None:
    llm = make_llm(temperature=0.5)
    result = llm.invoke("hi", temperature=0.0, model="HCX-DASH-002", stop=["x"])
    assert server.last_request.path == "/v3/chat-completions/HCX-DASH-002"
    assert server.last_request.body["temperature"] == 0.0 and server.last_request.body["stop"] == ["x"]
    assert result.response_metadata["model_name"] == "HCX-DASH-002"
    with pytest.raises(ValueError, match="unsupported parameter"):
        llm.invoke("hi", frequency_penalty=1)


def test_hcx007_uses_max_completion_tokens_and_thinking(server: HyperClovaServer, make_llm: Make) -> None:
    llm = make_llm(model="HCX-007", max_tokens=3000, thinking_effort="high")
    message = llm.invoke("부분집합 개수는?")
    body = server.last_request.body
    assert (
        body["maxCompletionTokens"] == 3000
        and "maxTokens" not in body
        and body["thinking"] == {"effort": "high"}
    )
    assert message.additional_kwargs["reasoning_content"].startswith("[HyperClovaServer thinking]")
    assert message.content_blocks[0]["type"] == "reasoning"
    reasoning = message.usage_metadata["output_token_details"]["reasoning"]  # type: ignore[index]
    assert reasoning > 0 and message.usage_metadata["output_tokens"] >= reasoning  # type: ignore[index]
    # thinking is not sent back on later turns
    make_llm(model="HCX-007").invoke([HumanMessage("a"), message, HumanMessage("b")])
    assert server.last_request.body["messages"][1] == {"role": "assistant", "content": message.content}
    with pytest.raises(ValueError, match="stop"):
        make_llm(model="HCX-007").invoke("a", stop=["x"])


# ---- invoke / stream, sync and async


def test_invoke_metadata_and_usage(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(reply_text("자료구조는 3학점입니다."))
    message = make_llm(include_ai_filters=True, seed=99).invoke("자구 몇 학점?")
    assert message.content == "자료구조는 3학점입니다."
    meta = message.response_metadata
    assert meta["model_name"] == "HCX-005" and meta["finish_reason"] == "stop" and meta["seed"] == 99
    assert [f["name"] for f in meta["ai_filter"]] == ["insult", "discrimination", "sexualHarassment"]
    usage = message.usage_metadata
    assert usage is not None and usage["output_tokens"] == 5 and usage["input_tokens"] > 0
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"]
    server.script(reply_text("긴 답변입니다 정말 길어요"))
    cut = make_llm(max_tokens=2).invoke("길게")
    assert cut.content == "긴 답변입니" and cut.response_metadata["finish_reason"] == "length"


def test_total_tokens_taken_from_server(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(reply_text("ok", usage={"promptTokens": 134, "completionTokens": 48, "totalTokens": 315}))
    assert make_llm().invoke("x").usage_metadata == {
        "input_tokens": 134,
        "output_tokens": 48,
        "total_tokens": 315,
    }


async def test_ainvoke(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(reply_text("비동기 답변"))
    message = await make_llm(include_ai_filters=True, seed=5).ainvoke("안녕")
    assert message.content == "비동기 답변" and message.usage_metadata is not None
    assert not server.last_request.stream and server.last_request.body["includeAiFilters"] is True
    meta = message.response_metadata
    assert meta["seed"] == 5 and meta["finish_reason"] == "stop" and len(meta["ai_filter"]) == 3


@pytest.mark.parametrize("signal", [False, True])
def test_stream_does_not_repeat_result_text(server: HyperClovaServer, make_llm: Make, signal: bool) -> None:
    server.script(reply_text("월요일 9시에 수업이 있습니다", signal=signal))
    chunks = list(make_llm().stream("언제?"))
    assert server.last_request.stream and server.last_request.headers["accept"] == "text/event-stream"
    assert len(chunks) > 3 and all(isinstance(c, AIMessageChunk) for c in chunks)
    full = collect(chunks)
    assert full.content == "월요일 9시에 수업이 있습니다"
    assert chunks[-1].content == "" and chunks[-1].chunk_position == "last"
    assert full.usage_metadata is not None and full.usage_metadata["output_tokens"] == len(chunks) - 1
    assert (
        full.response_metadata["finish_reason"] == "stop"
        and full.response_metadata["model_name"] == "HCX-005"
    )


async def test_astream_and_spaced_sse(make_llm: Make) -> None:
    with HyperClovaServer(api_key=API_KEY, sse_spaced=True, signal=True, created_ms=True) as srv:
        srv.script(reply_text("띄어 쓴 SSE 필드"))
        llm = make_llm(base_url=srv.base_url)
        chunks = await acollect(llm, "x")
    full = collect(chunks)
    assert full.content == "띄어 쓴 SSE 필드" and full.chunk_position == "last"
    assert full.response_metadata["created"] > 10**12  # milliseconds accepted as sent


def test_stream_eof_without_result_ends_cleanly(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(reply_text("결과 이벤트 없음", result_event=False))
    chunks = list(make_llm().stream("x"))
    assert collect(chunks).content == "결과 이벤트 없음" and chunks[-1].chunk_position == "last"
    assert collect(chunks).usage_metadata is None


def test_streaming_flag_makes_invoke_stream(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(reply_text("스트리밍 호출"))
    message = make_llm(streaming=True).invoke("x")
    assert message.content == "스트리밍 호출" and server.last_request.stream


def test_stream_thinking_goes_to_reasoning(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(reply_text("답", thinking="먼저 생각해 보면"))
    full = collect(list(make_llm(model="HCX-007").stream("x")))
    assert full.content == "답" and full.additional_kwargs["reasoning_content"] == "먼저 생각해 보면"
    assert full.usage_metadata["output_token_details"]["reasoning"] == 3  # type: ignore[index]


def test_stream_error_event_raises_typed_error(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(stream_error_midway("부분 응답입니다", after_tokens=2, code="50000"))
    received: list[str] = []
    with pytest.raises(HyperClovaStreamError) as info:
        for chunk in make_llm().stream("x"):
            received.append(chunk.text)
    assert "".join(received) == "부분 응답입"  # delivered before the error, never retried (would duplicate)
    assert (
        info.value.code == "50000"
        and info.value.http_status == 200
        and "Internal server error" in str(info.value)
    )
    assert len(server.chat_requests()) == 1


async def test_astream_error_event_raises(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(stream_error_midway(after_tokens=1, code="40005", message="Unavailable output"))
    with pytest.raises(HyperClovaStreamError, match="Unavailable output"):
        await acollect(make_llm(), "x")


# ---- tools


def test_bind_tools_wire_format_and_tool_choice(server: HyperClovaServer, make_llm: Make) -> None:
    llm = make_llm(max_tokens=100)
    llm.bind_tools([search_courses], tool_choice="auto").invoke("x")
    body = server.last_request.body
    assert body["tools"] == [
        {
            "type": "function",
            "function": {
                "name": "search_courses",
                "description": "강의 목록에서 검색한다.",
                "parameters": {
                    "type": "object",
                    "properties": {
                        "query": {"type": "string"},
                        "credits": {"anyOf": [{"type": "integer"}, {"type": "null"}], "default": None},
                    },
                    "required": ["query"],
                },
            },
        }
    ]
    assert body["toolChoice"] == "auto" and body["maxTokens"] == 1024  # raised to the documented minimum
    llm.bind_tools([search_courses], tool_choice="search_courses").invoke("x")
    assert server.last_request.body["toolChoice"] == {
        "type": "function",
        "function": {"name": "search_courses"},
    }
    llm.bind_tools([search_courses], tool_choice="any").invoke("x")
    assert server.last_request.body["toolChoice"] == {
        "type": "function",
        "function": {"name": "search_courses"},
    }

    class Other(BaseModel):
        """다른 도구."""

        x: int

    with pytest.warns(UserWarning, match="auto"):
        llm.bind_tools([search_courses, Other], tool_choice="any").invoke("x")
    assert server.last_request.body["toolChoice"] == "auto"
    with pytest.raises(ValueError, match="not one of"):
        llm.bind_tools([search_courses], tool_choice="nope")


def test_tool_call_roundtrip_sync(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(
        reply_tool_calls([("search_courses", {"query": "자료구조"}, "call_abc")]),
        reply_text("자료구조는 월요일입니다."),
    )
    llm = make_llm().bind_tools([search_courses])
    first = llm.invoke("자구 언제야")
    assert first.tool_calls == [
        {"name": "search_courses", "args": {"query": "자료구조"}, "id": "call_abc", "type": "tool_call"}
    ]
    assert first.response_metadata["finish_reason"] == "tool_calls"
    result = search_courses.invoke(first.tool_calls[0])
    answer = llm.invoke([HumanMessage("자구 언제야"), first, result])
    assert answer.content == "자료구조는 월요일입니다."
    messages = server.last_request.body["messages"]
    assert messages[1] == {
        "role": "assistant",
        "content": "",
        "toolCalls": [
            {
                "id": "call_abc",
                "type": "function",
                "function": {"name": "search_courses", "arguments": {"query": "자료구조"}},
            }
        ],
    }
    assert messages[2] == {"role": "tool", "toolCallId": "call_abc", "content": "자료구조"}


@pytest.mark.parametrize("calls", [1, 2])
def test_streamed_partial_json_becomes_tool_call_chunks(
    server: HyperClovaServer, make_llm: Make, calls: int
) -> None:
    args = [{"query": "운영체제 분반", "credits": 3}, {"query": "컴구"}][:calls]
    server.script(reply_tool_calls([("search_courses", a) for a in args]))
    chunks = list(make_llm().bind_tools([search_courses]).stream("x"))
    fragments = [c for chunk in chunks for c in chunk.tool_call_chunks]
    assert len(fragments) > 4 * calls  # many partialJson fragments, not one blob from `result`
    assert fragments[0]["name"] == "search_courses" and fragments[0]["id"] and fragments[0]["args"] == ""
    assert all(f["name"] is None and f["id"] is None for f in fragments[1:] if f["args"])
    full = collect(chunks)
    assert [c["args"] for c in full.tool_calls] == args and [c["name"] for c in full.tool_calls] == [
        "search_courses"
    ] * calls
    assert full.response_metadata["finish_reason"] == "tool_calls"


def test_stream_assembler_tolerates_unstreamed_or_idless_calls() -> None:
    from agent.hyperclova.sse import StreamAssembler

    result = {"message": {"role": "assistant", "content": "", "toolCalls": [
        {"id": "call_1", "type": "function", "function": {"name": "a", "arguments": {"x": 1}}}]},
        "finishReason": "tool_calls", "usage": {"promptTokens": 1, "completionTokens": 2, "totalTokens": 3}}  # fmt: skip
    only_result = StreamAssembler("HCX-005").result(result)  # a server that streams no fragments at all
    assert (
        only_result.tool_call_chunks[0]["args"] == '{"x": 1}'
        and only_result.tool_call_chunks[0]["id"] == "call_1"
    )
    assembler = StreamAssembler("HCX-005")  # fragments without any id: the result must not add a duplicate
    first = assembler.token({"message": {"toolCalls": [{"type": "function", "function": {"name": "a"}}]}})
    rest = assembler.token(
        {"message": {"toolCalls": [{"type": "function", "function": {"partialJson": '{"x": 1}'}}]}}
    )
    assert first is not None and rest is not None
    full = first + rest + assembler.result(result)
    assert full.tool_calls == [{"name": "a", "args": {"x": 1}, "id": None, "type": "tool_call"}]


async def test_tool_calls_async_stream(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(
        reply_tool_calls([("search_courses", {"query": "데베"})]),
        reply_tool_calls([("search_courses", {"query": "데베"})]),
    )
    llm = make_llm().bind_tools([search_courses])
    assert (await llm.ainvoke("x")).tool_calls[0]["args"] == {"query": "데베"}
    assert collect(await acollect(llm, "x")).tool_calls[0]["args"] == {"query": "데베"}


def test_hcx007_tools_force_thinking_off(server: HyperClovaServer, make_llm: Make) -> None:
    make_llm(model="HCX-007").bind_tools([search_courses]).invoke("x")
    body = server.last_request.body
    assert body["thinking"] == {"effort": "none"} and body["maxCompletionTokens"] == 1024
    with pytest.raises(ValueError, match="effort 'low'"):
        make_llm(model="HCX-007", thinking_effort="low").bind_tools([search_courses]).invoke("x")


def test_tool_message_list_content_and_rejected_inputs(server: HyperClovaServer, make_llm: Make) -> None:
    llm = make_llm()
    history = [
        HumanMessage("x"),
        AIMessage(
            [
                {"type": "text", "text": "볼게요"},
                {"type": "tool_use", "id": "t1", "name": "search_courses", "input": {}},
            ],
            tool_calls=[{"name": "search_courses", "args": {}, "id": "t1"}],
        ),
        ToolMessage([{"type": "text", "text": "결과"}], tool_call_id="t1"),
    ]
    llm.bind_tools([search_courses]).invoke(history)
    sent = server.last_request.body["messages"]
    assert sent[1]["content"] == "볼게요" and sent[2]["content"] == "결과"
    with pytest.raises(ValueError, match="audio"):
        llm.invoke([HumanMessage([{"type": "audio", "base64": "AAA", "mime_type": "audio/wav"}])])


def test_anthropic_tool_result_blocks_become_tool_turns(server: HyperClovaServer, make_llm: Make) -> None:
    call = {"name": "search_courses", "args": {"query": "q"}, "id": "toolu_1"}
    human = HumanMessage([
        {"type": "tool_result", "tool_use_id": "toolu_1", "content": [{"type": "text", "text": "월 9시"}]},
        {"type": "text", "text": "그럼 화요일은?"},
    ])  # fmt: skip
    make_llm().bind_tools([search_courses]).invoke(
        [HumanMessage("x"), AIMessage("", tool_calls=[call]), human]
    )
    assert server.last_request.body["messages"][2:] == [
        {"role": "tool", "toolCallId": "toolu_1", "content": "월 9시"},
        {"role": "user", "content": "그럼 화요일은?"},
    ]


def test_images_sent_as_image_url_parts(server: HyperClovaServer, make_llm: Make) -> None:
    make_llm().invoke(
        [
            HumanMessage(
                [
                    {"type": "text", "text": "설명해줘"},
                    {"type": "image", "base64": "iVBORw0KGgo=", "mime_type": "image/png"},
                ]
            )
        ]
    )
    assert server.last_request.body["messages"][0]["content"] == [
        {"type": "text", "text": "설명해줘"},
        {"type": "image_url", "dataUri": {"data": "iVBORw0KGgo="}},
    ]
    make_llm().invoke([HumanMessage([{"type": "image_url", "image_url": {"url": "https://x.kr/a.png"}}])])
    assert server.last_request.body["messages"][0]["content"] == [
        {"type": "image_url", "imageUrl": {"url": "https://x.kr/a.png"}}
    ]
    with pytest.raises(HyperClovaBadRequestError) as info:  # the server, not the client, knows the model rule
        make_llm(model="HCX-DASH-002").invoke(
            [HumanMessage([{"type": "image", "url": "https://x.kr/a.png"}])]
        )
    assert info.value.code == "40009"


# ---- structured output


class Slot(BaseModel):
    """강의 시간."""

    day: str = Field(description="요일")
    start: int = Field(description="시작 시각")
    code: str = Field(pattern=r"^\d{10}$", description="과목번호")


def test_structured_output_json_schema_on_hcx007(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(reply_json({"day": "월", "start": 9, "code": "5006762801"}))
    result = make_llm(model="HCX-007").with_structured_output(Slot).invoke("월요일 9시 물리실험")
    assert result == Slot(day="월", start=9, code="5006762801")
    body = server.last_request.body
    assert body["thinking"] == {"effort": "none"} and "tools" not in body
    schema = body["responseFormat"]["schema"]
    assert body["responseFormat"]["type"] == "json" and "pattern" not in json.dumps(
        schema
    )  # stripped (40055)
    assert set(schema["properties"]) == {"day", "start", "code"} and schema["required"] == [
        "day",
        "start",
        "code",
    ]


async def test_structured_output_async_include_raw_and_json_mode(
    server: HyperClovaServer, make_llm: Make
) -> None:
    llm = make_llm(model="HCX-007")
    server.script(reply_text("JSON 아님"))
    out = await llm.with_structured_output(Slot, include_raw=True).ainvoke("x")
    assert out["parsed"] is None and out["parsing_error"] is not None and out["raw"].content == "JSON 아님"
    server.script(reply_json({"a": 1}))
    assert await llm.with_structured_output(None, method="json_mode").ainvoke("x") == {"a": 1}  # type: ignore[arg-type]
    assert server.last_request.body["responseFormat"] == {"type": "json", "schema": {"type": "object"}}


def test_structured_output_function_calling_elsewhere(server: HyperClovaServer, make_llm: Make) -> None:
    llm = make_llm()
    server.script(reply_tool_calls([("Slot", {"day": "화", "start": 13, "code": "1234567890"})]))
    assert llm.with_structured_output(Slot).invoke("x") == Slot(day="화", start=13, code="1234567890")
    assert server.last_request.body["toolChoice"] == {"type": "function", "function": {"name": "Slot"}}
    with pytest.raises(ValueError, match="HCX-007"):
        llm.with_structured_output(Slot, method="json_schema")


def test_bad_request_from_server_is_typed_and_not_retried(server: HyperClovaServer, make_llm: Make) -> None:
    with pytest.raises(HyperClovaBadRequestError) as info:
        make_llm().invoke("x", temperature=1.7)  # per-call values bypass the constructor's range check
    assert (
        info.value.http_status == 400 and info.value.code == "40001" and "temperature" in info.value.message
    )
    assert len(server.chat_requests()) == 1


def test_default_server_reply_is_labelled(make_llm: Make) -> None:
    assert make_llm().invoke("에코").content == f"{DEFAULT_LABEL} 에코"


def test_no_key_in_logs(server: HyperClovaServer, make_llm: Make, caplog: Any) -> None:
    caplog.set_level(logging.DEBUG)
    make_llm().invoke("x")
    assert API_KEY not in caplog.text


# ---- stream endings, agent-factory bindings, agent loop


@pytest.mark.parametrize("signal", [True, False])
async def test_astream_ends_on_signal_or_eof_without_result(
    server: HyperClovaServer, make_llm: Make, signal: bool
) -> None:
    server.script(reply_text("시그널로 끝", result_event=False, signal=signal))
    chunks = await acollect(make_llm(), "x")
    assert collect(chunks).content == "시그널로 끝" and chunks[-1].chunk_position == "last"


async def test_async_thinking_usage(server: HyperClovaServer, make_llm: Make) -> None:
    message = await make_llm(model="HCX-007", thinking_effort="low").ainvoke("생각해봐")
    assert message.usage_metadata["output_token_details"]["reasoning"] > 0  # type: ignore[index]
    full = collect(await acollect(make_llm(model="HCX-007"), "생각해봐"))
    assert full.additional_kwargs["reasoning_content"] and full.usage_metadata is not None


def test_agent_factory_bindings_are_mapped(server: HyperClovaServer, make_llm: Make) -> None:
    schema = {"type": "object", "properties": {"code": {"type": "string", "pattern": "^[0-9]+$"}}}
    openai_format = {"type": "json_schema", "json_schema": {"name": "Code", "schema": schema, "strict": True}}
    make_llm(model="HCX-007").bind(response_format=openai_format, strict=True).invoke("x")
    assert server.last_request.body["responseFormat"] == {
        "type": "json",
        "schema": {"type": "object", "properties": {"code": {"type": "string"}}},
    }
    make_llm().bind_tools([search_courses], parallel_tool_calls=False, strict=True).invoke("x")
    assert "parallel_tool_calls" not in server.last_request.body and "strict" not in server.last_request.body


def test_tool_result_json_blocks_serialized(server: HyperClovaServer, make_llm: Make) -> None:
    call = {"name": "search_courses", "args": {"query": "q"}, "id": "c1"}
    history = [HumanMessage("x"), AIMessage("", tool_calls=[call]),
               ToolMessage([{"code": "123", "name": "자료구조"}], tool_call_id="c1")]  # fmt: skip
    make_llm().bind_tools([search_courses]).invoke(history)
    assert json.loads(server.last_request.body["messages"][2]["content"]) == {
        "code": "123",
        "name": "자료구조",
    }


def test_create_agent_loop(server: HyperClovaServer, make_llm: Make) -> None:
    from langchain.agents import create_agent

    server.script(
        reply_tool_calls([("search_courses", {"query": "자료구조"})]),
        reply_text("자료구조는 월요일 9시에 있습니다."),
    )
    agent = create_agent(make_llm(), [search_courses], system_prompt="학사 안내 도우미입니다.")
    state = agent.invoke({"messages": [HumanMessage("자구 언제야?")]})
    assert state["messages"][-1].content == "자료구조는 월요일 9시에 있습니다."
    sent = server.last_request.body["messages"]
    assert [m["role"] for m in sent] == ["system", "user", "assistant", "tool"]
    assert sent[3]["content"] == "자료구조" and sent[3]["toolCallId"] == sent[2]["toolCalls"][0]["id"]
