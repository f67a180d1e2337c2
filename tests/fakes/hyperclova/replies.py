"""Scripted replies for the loopback HyperCLOVA X server (import them from `tests.fakes.hyperclova`).

A `Reply` is what the loopback "model" answers to one valid chat request; the server turns it into the
documented JSON or SSE wire format (see the server module docstring for the whole API).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from tests.fakes.hyperclova import protocol as proto

DEFAULT_LABEL = "[HyperClovaServer default reply]"


class ReceivedRequest(NamedTuple):
    """One request as received. `headers` keys are lower-case; `body` is the parsed JSON (None if unparsable)."""

    headers: dict[str, str]
    body: Any
    path: str
    model: str | None
    stream: bool


# --------------------------------------------------------------------------------------------------
# Scripted replies


@dataclass
class Reply:
    """What the 'model' answers. Build with `reply_text`, `reply_tool_calls`, `reply_json`,
    `stream_error_midway`; faults with `fail`, `hang`, `drop_connection`; dynamic ones with `respond_with`."""

    kind: str = "message"  # message | fail | hang | drop | custom
    content: str = ""
    thinking: str | None = None
    tool_calls: list[tuple[str, dict[str, Any], str | None]] = field(default_factory=list)
    finish_reason: str | None = None
    token_delay: float = 0.0
    result_event: bool = True
    signal: bool | None = None
    error_after: int | None = None
    status: int = 200
    code: str = "20000"
    message: str = "OK"
    retry_after: str | None = None
    as_sse: bool = False
    seconds: float = 0.0
    then: Reply | None = None
    fn: Callable[[ReceivedRequest], Reply | None] | None = None
    usage: dict[str, Any] | None = None
    hold_open: float = 0.0


def reply_text(
    text: str,
    *,
    thinking: str | None = None,
    token_delay: float = 0.0,
    result_event: bool = True,
    signal: bool | None = None,
    usage: dict[str, Any] | None = None,
    hold_open: float = 0.0,
) -> Reply:
    """Answer with `text` (streamed in ~3-character `token` deltas). `thinking` overrides the default HCX-007
    thinking text; `token_delay` sleeps between SSE events; `result_event=False` ends the stream at EOF without
    `event: result`; `signal` forces/suppresses a trailing `event: signal` [DONE]; `usage` overrides usage;
    `hold_open` keeps the SSE response open that many seconds after its last event before ending it."""
    return Reply(
        hold_open=hold_open,
        content=text,
        thinking=thinking,
        token_delay=token_delay,
        result_event=result_event,
        signal=signal,
        usage=usage,
    )


def reply_tool_calls(
    calls: Sequence[tuple[str, dict[str, Any]] | tuple[str, dict[str, Any], str]],
    *,
    content: str = "",
    token_delay: float = 0.0,
    signal: bool | None = None,
) -> Reply:
    """Answer with tool calls: `[(name, args)]` or `[(name, args, call_id)]` (ids default to `call_<24>`).
    finishReason is "tool_calls"; streamed as an id+name fragment then `partialJson` fragments per call.
    The request must offer each named tool, else the server answers 400/40009 saying so."""
    normalized = [(c[0], dict(c[1]), c[2] if len(c) > 2 else None) for c in calls]  # type: ignore[misc]
    return Reply(content=content, tool_calls=normalized, token_delay=token_delay, signal=signal)


def reply_json(obj: Any, **kwargs: Any) -> Reply:
    """Structured-output answer: `content` is `obj` serialized as a JSON string (section 4)."""
    return reply_text(json.dumps(obj, ensure_ascii=False, indent=2), **kwargs)


def fail(
    status: int,
    code: str | None = None,
    message: str | None = None,
    *,
    retry_after: float | str | None = None,
    as_sse: bool = False,
) -> Reply:
    """Answer with the error envelope `{"status":{"code","message"}}` and HTTP `status`. `code` defaults to
    `<status>00`; `retry_after` adds a `Retry-After` header (a test affordance, section 7.3); `as_sse=True`
    on a streaming request sends HTTP 200 with one `event: error` instead (section 5.4, both are possible)."""
    code = code or f"{status}00"
    default_messages = {
        "400": "Bad request",
        "401": "Unauthorized",
        "403": "Forbidden",
        "404": "Not found",
        "408": "Request timeout",
        "429": "Too many requests",
        "500": "Internal server error",
        "502": "Bad gateway",
        "503": "Service unavailable",
        "504": "Gateway timeout",
    }
    known = {
        "42901": "Too many requests - rate exceeded",
        "42902": "Too many requests - overloaded",
        "40104": "Invalid key",
        "40001": "Invalid parameter",
        "40009": "Unsupported function",
    }
    text = message or known.get(code) or default_messages.get(str(status), "Error")
    return Reply(
        kind="fail",
        status=status,
        code=code,
        message=text,
        retry_after=None if retry_after is None else str(retry_after),
        as_sse=as_sse,
    )


def hang(seconds: float, then: Reply | None = None) -> Reply:
    """Wait `seconds` before answering (with `then`, or the default reply): drives client read timeouts."""
    return Reply(kind="hang", seconds=seconds, then=then)


def drop_connection() -> Reply:
    """Close the TCP connection without answering (a connection error for the client)."""
    return Reply(kind="drop")


def stream_error_midway(
    text: str = "부분 응답입니다",
    *,
    after_tokens: int = 2,
    code: str = "50000",
    message: str = "Internal server error",
) -> Reply:
    """Stream `after_tokens` token events of `text`, then `event: error` with `{"status":{code,message}}`
    and end. A non-streaming request gets the same failure as an HTTP error (status = first 3 digits)."""
    return Reply(content=text, error_after=after_tokens, code=code, message=message)


def respond_with(fn: Callable[[ReceivedRequest], Reply | None]) -> Reply:
    """Decide per request: `fn(request)` returns a Reply, or None for the default reply."""
    return Reply(kind="custom", fn=fn)


def default_reply(request: ReceivedRequest) -> Reply:
    """What the server 'says' with nothing scripted: deterministic and labelled (module docstring)."""
    body = request.body
    response_format = body.get("responseFormat")
    if response_format:
        return reply_json(proto.sample_from_schema(response_format.get("schema")))
    choice = body.get("toolChoice")
    if isinstance(choice, dict) and body.get("tools"):
        name = choice["function"]["name"]
        tool = next(t for t in body["tools"] if t["function"]["name"] == name)
        args = proto.sample_from_schema(tool["function"].get("parameters") or {"type": "object"}) or {}
        return reply_tool_calls([(name, args)])
    last = body["messages"][-1]
    if last.get("role") == "tool":
        return reply_text(f"{DEFAULT_LABEL} 도구 결과: {proto.text_of(last.get('content'))[:300]}")
    user = next((m for m in reversed(body["messages"]) if m.get("role") == "user"), last)
    return reply_text(f"{DEFAULT_LABEL} {proto.text_of(user.get('content'))[:300]}")
