"""Transport edge cases the scripted loopback server does not produce, served byte for byte by a raw
loopback server: a JSON answer to a streaming request, an SSE stream whose last event has no closing blank
line, unknown events, malformed 200 answers, and a connection lost after the first token. Each is run sync
and async: both must take the same path."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from langchain_core.messages import AIMessageChunk

from agent.hyperclova import ChatHyperClovaX, HyperClovaAPIError, HyperClovaConnectionError

API_KEY = "nv-test-secret-0123456789"
RESULT = {
    "message": {"role": "assistant", "content": "전체 답"},
    "finishReason": "stop",
    "usage": {"promptTokens": 3, "completionTokens": 2, "totalTokens": 5},
}


class RawServer:
    """Answers each POST with the next scripted raw response (status line, headers and body as given)."""

    def __init__(self) -> None:
        self.replies: list[bytes] = []
        self.requests = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length") or 0))
                outer.requests += 1
                self.wfile.write(outer.replies.pop(0))
                self.wfile.flush()
                self.close_connection = True

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"


def response(body: str, content_type: str, *, status: str = "200 OK", length: int | None = None) -> bytes:
    data = body.encode()
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {length or len(data)}\r\n"
    return (head + "Connection: close\r\n\r\n").encode() + data


def sse(*events: tuple[str, Any], closed: bool = True) -> str:
    text = "".join(
        f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n" for name, data in events
    )
    return text if closed else text.rstrip("\n") + "\n"


@pytest.fixture
def raw() -> Iterator[RawServer]:
    server = RawServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def make(server: RawServer, **kwargs: Any) -> ChatHyperClovaX:
    return ChatHyperClovaX(
        api_key=API_KEY, base_url=server.base_url, retry_initial_delay=0.01, retry_max_delay=0.02, **kwargs
    )


def joined(chunks: list[AIMessageChunk]) -> AIMessageChunk:
    full = chunks[0]
    for chunk in chunks[1:]:
        full = full + chunk
    return full


async def both(llm: ChatHyperClovaX) -> tuple[AIMessageChunk, AIMessageChunk]:
    """The same scripted answer streamed once with `stream` and once with `astream`."""
    sync = joined(list(llm.stream("x")))
    return sync, joined([chunk async for chunk in llm.astream("x")])


async def test_json_answer_to_a_stream_request(raw: RawServer) -> None:
    raw.replies = [
        response(json.dumps({"status": {"code": "20000"}, "result": RESULT}), "application/json")
    ] * 2
    for full in await both(make(raw)):
        assert full.content == "전체 답" and full.usage_metadata == {
            "input_tokens": 3,
            "output_tokens": 2,
            "total_tokens": 5,
        }
        assert full.response_metadata["finish_reason"] == "stop" and full.chunk_position == "last"


async def test_last_event_without_blank_line_still_counts(raw: RawServer) -> None:
    tokens = [("token", {"message": {"content": "끝"}}), ("token", {"message": {"content": "까지"}})]
    raw.replies = [response(sse(*tokens, ("result", RESULT), closed=False), "text/event-stream")] * 2
    for full in await both(make(raw)):
        assert (
            full.content == "끝까지" and full.usage_metadata is not None
        )  # the unterminated `result` arrived
        assert full.response_metadata["finish_reason"] == "stop"


async def test_comments_and_unknown_events_are_ignored(raw: RawServer) -> None:
    body = ": keep-alive\n\n" + sse(
        ("ping", {}), ("token", {"message": {"content": "답"}}), ("result", RESULT)
    )
    raw.replies = [response(body, "text/event-stream")] * 2
    for full in await both(make(raw)):
        assert full.content == "답" and full.usage_metadata is not None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<html>gateway</html>", "response is not JSON"),
        ("[1, 2]", "response is not a JSON object"),
        (json.dumps({"status": {"code": "40400", "message": "odd"}, "result": None}), "odd"),
    ],
)
async def test_malformed_200_answers_are_typed_and_not_retried(
    raw: RawServer, body: str, message: str
) -> None:
    raw.replies = [response(body, "application/json")] * 2
    llm = make(raw)
    with pytest.raises(HyperClovaAPIError, match=message) as info:
        llm.invoke("x")
    assert info.value.http_status == 200 and raw.requests == 1
    with pytest.raises(HyperClovaAPIError, match=message):
        await llm.ainvoke("x")
    assert raw.requests == 2


async def test_connection_lost_after_output_raises_without_retry(raw: RawServer) -> None:
    body = sse(("token", {"message": {"content": "일부"}}))
    truncated = response(body, "text/event-stream", length=len(body.encode()) + 500)  # the body stops short
    raw.replies = [truncated] * 2
    llm = make(raw, max_retries=2)
    received: list[str] = []
    with pytest.raises(HyperClovaConnectionError):
        for chunk in llm.stream("x"):
            received.append(chunk.text)
    assert received == ["일부"] and raw.requests == 1  # a retry would have repeated "일부"
    with pytest.raises(HyperClovaConnectionError):
        async for chunk in llm.astream("x"):
            received.append(chunk.text)
    assert received == ["일부", "일부"] and raw.requests == 2
