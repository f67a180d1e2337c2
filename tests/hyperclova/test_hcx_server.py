"""The loopback server follows the reference (shared/reference/hyperclova-x-api.md), checked with raw httpx.

These tests pin the server to the documented protocol independently of the project's client, so client tests
against it mean something.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

import httpx
import pytest

from tests.fakes.hyperclova import (
    DEFAULT_LABEL,
    HyperClovaServer,
    drop_connection,
    fail,
    hang,
    reply_json,
    reply_text,
    reply_tool_calls,
    respond_with,
    stream_error_midway,
)

API_KEY = "nv-test-secret-0123456789"  # same as conftest.API_KEY

TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "날씨",
        "parameters": {
            "type": "object",
            "properties": {"location": {"type": "string"}},
            "required": ["location"],
        },
    },
}
USER = [{"role": "user", "content": "안녕"}]
_HTTP = httpx.Client(timeout=10)  # one client: building one per call costs ~0.2 s (TLS context)


def post(
    server: HyperClovaServer,
    body: Any,
    model: str = "HCX-005",
    *,
    stream: bool = False,
    key: str | None = API_KEY,
    path: str | None = None,
) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    if stream:
        headers["Accept"] = "text/event-stream"
    url = server.base_url + (path or f"/v3/chat-completions/{model}")
    return _HTTP.post(url, content=json.dumps(body), headers=headers)


def events(response: httpx.Response) -> list[tuple[str, Any]]:
    out = []
    for block in response.text.strip().split("\n\n"):
        fields = dict(line.split(":", 1) for line in block.splitlines())
        out.append((fields["event"].strip(), json.loads(fields["data"])))
    return out


def assert_error(response: httpx.Response, status: int, code: str, contains: str = "") -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    envelope = response.json()
    assert set(envelope) == {"status"} and envelope["status"]["code"] == code
    assert contains in envelope["status"]["message"]


# ---- auth and routing (sections 1.2, 12.1-2)


def test_auth_missing_non_bearer_and_unknown_key(server: HyperClovaServer) -> None:
    assert_error(post(server, {"messages": USER}, key=None), 401, "40100", "Unauthorized")
    response = _HTTP.post(
        server.base_url + "/v3/chat-completions/HCX-005",
        json={"messages": USER},
        headers={"X-NCP-CLOVASTUDIO-API-KEY": API_KEY},
    )  # legacy Custom auth
    assert_error(response, 401, "40100")
    assert_error(post(server, {"messages": USER}, key="nv-wrong"), 401, "40104", "Invalid key")


def test_models_and_paths(server: HyperClovaServer) -> None:
    assert_error(post(server, {"messages": USER}, "HCX-999"), 400, "40080", "Model not found")
    assert_error(post(server, {"messages": USER}, "HCX-003"), 400, "40084")
    assert (
        post(server, {"messages": USER}, path="/testapp/v3/chat-completions/HCX-DASH-002").status_code == 200
    )
    assert_error(post(server, {"messages": USER}, path="/v2/chat"), 404, "40400")


# ---- validation (section 3, 12.3)


@pytest.mark.parametrize(
    ("extra", "names"),
    [
        ({"temperature": 1.5}, "temperature"),
        ({"temperature": -0.1}, "temperature"),
        ({"topP": 0}, "topP"),
        ({"topP": 1.01}, "topP"),
        ({"topK": 129}, "topK"),
        ({"topK": 1.5}, "topK"),
        ({"maxTokens": 0}, "maxTokens"),
        ({"maxTokens": 4097}, "maxTokens"),
        ({"repetitionPenalty": 0}, "repetitionPenalty"),
        ({"repetitionPenalty": 2.5}, "repetitionPenalty"),
        ({"seed": -1}, "seed"),
        ({"seed": 4294967296}, "seed"),
        ({"stop": "x"}, "stop"),
        ({"max_tokens": 10}, "max_tokens"),
        ({"stream": True}, "stream"),
        ({"thinking": {"effort": "low"}}, "thinking"),
        ({"maxCompletionTokens": 100}, "maxCompletionTokens"),
        ({"tools": [TOOL], "maxTokens": 512}, "maxTokens"),
        ({"toolChoice": "auto"}, "toolChoice"),
        ({"tools": [TOOL], "toolChoice": {"type": "function", "function": {"name": "other"}}}, "toolChoice"),
        ({"tools": [{"type": "function", "function": {"name": "x"}}]}, "tools.function.description"),
    ],
)
def test_invalid_parameters_get_40001_naming_them(server: HyperClovaServer, extra: dict, names: str) -> None:
    assert_error(post(server, {"messages": USER, **extra}), 400, "40001", f"Invalid parameter: {names}")
    assert server.pending == 0 and len(server.requests) == 1


def test_boundary_values_are_accepted(server: HyperClovaServer) -> None:
    body = {
        "messages": USER,
        "temperature": 0,
        "topP": 1,
        "topK": 128,
        "maxTokens": 4096,
        "repetitionPenalty": 2,
        "seed": 4294967295,
        "stop": [],
        "includeAiFilters": True,
    }
    assert post(server, body).status_code == 200
    assert (
        post(server, {"messages": USER, "temperature": 1, "topK": 0, "maxTokens": 1, "seed": 0}).status_code
        == 200
    )


def test_legacy_names_ignored_unknown_rejected(server: HyperClovaServer) -> None:
    assert post(server, {"messages": USER, "repeatPenalty": 1.1, "stopBefore": []}).status_code == 200
    assert server.ignored_fields == ["repeatPenalty", "stopBefore"]
    with HyperClovaServer(api_key=API_KEY, legacy_fields="reject") as strict:
        assert_error(post(strict, {"messages": USER, "repeatPenalty": 1.1}), 400, "40001", "repeatPenalty")


def test_mutual_exclusions(server: HyperClovaServer) -> None:
    schema = {"type": "json", "schema": {"type": "object", "properties": {"a": {"type": "string"}}}}
    assert_error(
        post(server, {"messages": USER, "maxTokens": 10, "maxCompletionTokens": 10}),
        400,
        "40001",
        "maxTokens, maxCompletionTokens",
    )
    assert_error(post(server, {"messages": USER, "maxTokens": 10}, "HCX-007"), 400, "40001", "maxTokens")
    assert_error(
        post(server, {"messages": USER, "tools": [TOOL]}, "HCX-007"), 400, "40001", "tools, thinking"
    )
    assert_error(
        post(server, {"messages": USER, "responseFormat": schema}, "HCX-007"),
        400,
        "40001",
        "responseFormat, thinking",
    )
    assert_error(post(server, {"messages": USER, "stop": ["x"]}, "HCX-007"), 400, "40001", "stop, thinking")
    none = {"thinking": {"effort": "none"}}
    assert_error(
        post(server, {"messages": USER, "tools": [TOOL], "responseFormat": schema, **none}, "HCX-007"),
        400,
        "40001",
        "tools, responseFormat",
    )
    assert_error(post(server, {"messages": USER, "responseFormat": schema}), 400, "40009")
    assert (
        post(
            server, {"messages": USER, "tools": [TOOL], "maxCompletionTokens": 1024, **none}, "HCX-007"
        ).status_code
        == 200
    )
    assert post(server, {"messages": USER, "responseFormat": schema, **none}, "HCX-007").status_code == 200


def test_context_length_exceeded(server: HyperClovaServer) -> None:
    long = [{"role": "user", "content": "가" * 100_000}]  # ~33k stand-in tokens: over DASH-002's 32k only
    assert_error(post(server, {"messages": long}, "HCX-DASH-002"), 400, "40003", "Context length exceeded")
    assert post(server, {"messages": long}).status_code == 200


def test_schema_with_pattern_gets_40055(server: HyperClovaServer) -> None:
    bad = {
        "type": "json",
        "schema": {"type": "object", "properties": {"a": {"type": "string", "pattern": "^x"}}},
    }
    assert_error(
        post(server, {"messages": USER, "responseFormat": bad, "thinking": {"effort": "none"}}, "HCX-007"),
        400,
        "40055",
        "Invalid response format schema",
    )


def test_message_rules(server: HyperClovaServer) -> None:
    two_systems = [{"role": "system", "content": "a"}, {"role": "system", "content": "b"}, *USER]
    assert_error(post(server, {"messages": two_systems}), 400, "40001", "messages.role")
    string_args = [
        *USER,
        {
            "role": "assistant",
            "content": "",
            "toolCalls": [
                {"id": "c1", "type": "function", "function": {"name": "get_weather", "arguments": '{"a": 1}'}}
            ],
        },
    ]
    assert_error(post(server, {"messages": string_args}), 400, "40001", "messages.toolCalls")
    assert_error(
        post(server, {"messages": [*USER, {"role": "tool", "content": "x"}]}), 400, "40001", "toolCallId"
    )
    assert_error(
        post(server, {"messages": [{"role": "user", "content": "x", "name": "kim"}]}),
        400,
        "40001",
        "messages.name",
    )
    assert_error(post(server, {"messages": [{"role": "user", "content": ""}]}), 400, "40004", "Text empty")
    image = {
        "role": "user",
        "content": [
            {"type": "image_url", "imageUrl": {"url": "https://x/a.png"}},
            {"type": "text", "text": "설명해줘"},
        ],
    }
    assert post(server, {"messages": [image]}).status_code == 200
    assert_error(post(server, {"messages": [image]}, "HCX-DASH-002"), 400, "40009")
    assert_error(post(server, {"messages": [image], "tools": [TOOL]}), 400, "40001", "tools, image")
    assert_error(post(server, {"messages": [], "maxTokens": 5}), 400, "40001", "messages")


# ---- responses (sections 4, 5)


def test_json_response_shape_and_default_reply(server: HyperClovaServer) -> None:
    response = post(server, {"messages": USER, "seed": 42, "includeAiFilters": True})
    data = response.json()
    assert response.headers["content-type"] == "application/json"
    assert data["status"] == {"code": "20000", "message": "OK"}
    result = data["result"]
    assert result["message"] == {"role": "assistant", "content": f"{DEFAULT_LABEL} 안녕"}
    assert result["finishReason"] == "stop" and result["seed"] == 42 and isinstance(result["created"], int)
    assert set(result["usage"]) == {"promptTokens", "completionTokens", "totalTokens"}
    assert all(isinstance(f["score"], str) for f in result["aiFilter"]) and len(result["aiFilter"]) == 3
    assert "aiFilter" not in post(server, {"messages": USER}).json()["result"]


def test_sse_token_result_and_signal(server: HyperClovaServer) -> None:
    server.script(reply_text("안녕하세요 반갑습니다", signal=True))
    response = post(server, {"messages": USER}, stream=True)
    assert response.headers["content-type"] == "text/event-stream"
    got = events(response)
    kinds = [kind for kind, _ in got]
    assert kinds[-2:] == ["result", "signal"] and set(kinds[:-2]) == {"token"}
    tokens = [data for kind, data in got if kind == "token"]
    assert all(t["finishReason"] is None and t["usage"] is None for t in tokens)
    assert "".join(t["message"]["content"] for t in tokens) == "안녕하세요 반갑습니다"
    result = got[-2][1]
    assert result["message"]["content"] == "안녕하세요 반갑습니다" and result["finishReason"] == "stop"
    assert result["usage"]["completionTokens"] == len(tokens)
    assert got[-1][1] == {"data": "[DONE]"}
    assert response.text.startswith("id:")  # `id:x` form; `sse_spaced=True` gives `id: x`


def test_thinking_stream_and_usage(server: HyperClovaServer) -> None:
    got = events(post(server, {"messages": USER, "thinking": {"effort": "medium"}}, "HCX-007", stream=True))
    tokens = [d["message"] for k, d in got if k == "token"]
    first_content = next(i for i, m in enumerate(tokens) if "content" in m)
    assert all("thinkingContent" in m and "content" not in m for m in tokens[:first_content])
    result = got[-1][1]
    assert result["message"]["thinkingContent"] == "".join(m.get("thinkingContent", "") for m in tokens)
    assert result["usage"]["completionTokensDetails"]["thinkingTokens"] == first_content
    plain = post(server, {"messages": USER, "thinking": {"effort": "none"}}, "HCX-007").json()["result"]
    assert "thinkingContent" not in plain["message"] and "completionTokensDetails" not in plain["usage"]


def test_tool_call_json_and_stream_fragments(server: HyperClovaServer) -> None:
    args = {"location": "서울", "unit": "celsius"}
    server.script(reply_tool_calls([("get_weather", args)]), reply_tool_calls([("get_weather", args)]))
    result = post(server, {"messages": USER, "tools": [TOOL]}).json()["result"]
    call = result["message"]["toolCalls"][0]
    assert result["finishReason"] == "tool_calls" and result["message"]["content"] == ""
    assert call["function"]["arguments"] == args and call["id"].startswith("call_") and len(call["id"]) == 29
    got = events(post(server, {"messages": USER, "tools": [TOOL]}, stream=True))
    fragments = [d["message"]["toolCalls"][0] for k, d in got if k == "token"]
    assert fragments[0]["id"] and fragments[0]["function"] == {"name": "get_weather"}
    assert all("id" not in f and set(f["function"]) == {"partialJson"} for f in fragments[1:])
    assert json.loads("".join(f["function"]["partialJson"] for f in fragments[1:])) == args
    assert got[-1][1]["message"]["toolCalls"][0]["function"]["arguments"] == args


def test_scripted_tool_must_be_possible(server: HyperClovaServer) -> None:
    server.script(*[reply_tool_calls([("get_weather", {})])] * 3)
    assert_error(post(server, {"messages": USER}), 400, "40009", "did not offer")
    assert_error(
        post(server, {"messages": USER, "tools": [TOOL], "toolChoice": "none"}), 400, "40009", "'none'"
    )
    other = {**TOOL, "function": {**TOOL["function"], "name": "other"}}
    forced = {"type": "function", "function": {"name": "other"}}
    assert_error(
        post(server, {"messages": USER, "tools": [TOOL, other], "toolChoice": forced}), 400, "40009", "forced"
    )


def test_broken_responder_is_reported(server: HyperClovaServer) -> None:
    server.script(respond_with(lambda req: req.body["nope"]))
    assert_error(post(server, {"messages": USER}), 500, "50000", "KeyError")
    assert server.errors == ["KeyError: 'nope'"]


def test_concurrent_requests_get_their_own_answers(server: HyperClovaServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def ask(i: int) -> str:
        with httpx.Client(timeout=10) as client:
            response = client.post(server.base_url + "/v3/chat-completions/HCX-005",
                                   json={"messages": [{"role": "user", "content": f"질문 {i}"}]},
                                   headers={"Authorization": f"Bearer {API_KEY}"})  # fmt: skip
            return response.json()["result"]["message"]["content"]

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask, range(16)))
    assert answers == [f"{DEFAULT_LABEL} 질문 {i}" for i in range(16)]


def test_default_forced_tool_call_and_structured_output(server: HyperClovaServer) -> None:
    choice = {"type": "function", "function": {"name": "get_weather"}}
    call = post(server, {"messages": USER, "tools": [TOOL], "toolChoice": choice}).json()["result"]["message"]
    assert call["toolCalls"][0]["function"]["arguments"] == {"location": "예시"}
    schema = {
        "type": "object",
        "properties": {"n": {"type": "integer"}, "d": {"type": "string", "format": "date"}},
    }
    body = {
        "messages": USER,
        "thinking": {"effort": "none"},
        "responseFormat": {"type": "json", "schema": schema},
    }
    content = post(server, body, "HCX-007").json()["result"]["message"]["content"]
    assert json.loads(content) == {"n": 1, "d": "2026-03-02"}
    server.script(reply_json({"n": 7}))
    assert json.loads(post(server, body, "HCX-007").json()["result"]["message"]["content"]) == {"n": 7}


def test_max_tokens_and_stop_shape_output(server: HyperClovaServer) -> None:
    server.script(reply_text("가나다라마바사아자차"), reply_text("수업은 월요일###화요일"))
    result = post(server, {"messages": USER, "maxTokens": 2}).json()["result"]
    assert result["message"]["content"] == "가나다라마바" and result["finishReason"] == "length"
    result = post(server, {"messages": USER, "stop": ["###"]}).json()["result"]
    assert result["message"]["content"] == "수업은 월요일" and result["finishReason"] == "stop"


# ---- scripted faults


def test_fail_retry_after_and_sse_error(server: HyperClovaServer) -> None:
    server.script(fail(429, code="42901", retry_after=3), fail(503, as_sse=True), fail(500, as_sse=True))
    response = post(server, {"messages": USER})
    assert_error(response, 429, "42901", "rate exceeded")
    assert response.headers["retry-after"] == "3"
    assert_error(post(server, {"messages": USER}), 503, "50300")  # as_sse only applies to streams
    assert events(post(server, {"messages": USER}, stream=True)) == [
        ("error", {"status": {"code": "50000", "message": "Internal server error"}})
    ]


def test_stream_error_midway(server: HyperClovaServer) -> None:
    server.script(stream_error_midway("부분 응답입니다", after_tokens=2, code="50000"), stream_error_midway())
    got = events(post(server, {"messages": USER}, stream=True))
    assert [k for k, _ in got] == ["token", "token", "error"]
    assert got[-1][1] == {"status": {"code": "50000", "message": "Internal server error"}}
    assert_error(post(server, {"messages": USER}), 500, "50000")


def test_hang_drop_and_custom(server: HyperClovaServer) -> None:
    server.script(
        hang(0.3),
        drop_connection(),
        respond_with(lambda req: reply_text(f"{len(req.body['messages'])}개")),
        respond_with(lambda _: None),
    )
    started = time.monotonic()
    assert post(server, {"messages": USER}).status_code == 200
    assert time.monotonic() - started >= 0.3
    with pytest.raises(httpx.RemoteProtocolError):
        post(server, {"messages": USER})
    assert post(server, {"messages": USER}).json()["result"]["message"]["content"] == "1개"
    assert post(server, {"messages": USER}).json()["result"]["message"]["content"].startswith(DEFAULT_LABEL)
    assert server.pending == 0
    with pytest.raises(httpx.ReadTimeout):
        server.script(hang(5))
        _HTTP.post(
            server.base_url + "/v3/chat-completions/HCX-005",
            json={"messages": USER},
            headers={"Authorization": f"Bearer {API_KEY}"},
            timeout=0.2,
        )


def test_requests_are_recorded(server: HyperClovaServer) -> None:
    post(server, {"messages": USER, "temperature": 0.3}, stream=True)
    request = server.last_request
    assert request.model == "HCX-005" and request.stream and request.path == "/v3/chat-completions/HCX-005"
    assert request.headers["authorization"] == f"Bearer {API_KEY}" and request.body["temperature"] == 0.3
    headers, body, *_ = request
    assert body == request.body and headers is request.headers


def test_embedding_v2(server: HyperClovaServer) -> None:
    response = post(server, {"text": "자료구조"}, path="/v1/api-tools/embedding/v2")
    vec = response.json()["result"]["embedding"]
    assert len(vec) == 1024 and abs(sum(v * v for v in vec) - 1) < 1e-6
    assert (
        vec
        == post(server, {"text": "자료구조"}, path="/v1/api-tools/embedding/v2").json()["result"]["embedding"]
    )
    assert_error(post(server, {"text": ""}, path="/v1/api-tools/embedding/v2"), 400, "40004")


def test_standalone_mode(tmp_path: Any) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.fakes.hyperclova", "--port", str(port), "--api-key", "nv-x"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert "listening on" in (proc.stdout.readline() if proc.stdout else "")
        response = _HTTP.post(
            f"http://127.0.0.1:{port}/v3/chat-completions/HCX-005",
            json={"messages": USER},
            headers={"Authorization": "Bearer nv-x"},
        )
        assert response.json()["result"]["message"]["content"] == f"{DEFAULT_LABEL} 안녕"
    finally:
        proc.terminate()
        proc.wait(timeout=5)
