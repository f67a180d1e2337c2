"""`POST /chat` (one JSON answer) and `POST /chat/stream` (the same answer as server-sent events).

Streaming note: through Mangum on Lambda (API Gateway REST) the response is buffered, so
`/chat/stream` arrives as one body there; it streams on uvicorn or any ASGI host that streams.
The deployment's API Gateway exposes only `POST /chat`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable
from typing import Any, TypeVar

from fastapi import APIRouter
from fastapi.responses import JSONResponse, StreamingResponse

from agent.answer import ChatTurn, StreamEvent
from agent.deadline import remaining
from api.deps import AssistantDep, RequestIdDep, SettingsDep
from api.errors import UPSTREAM_MESSAGES, ApiError, classify_upstream, error_response, upstream_error_response
from api.limits import check_chat_request
from api.logs import get_logger
from api.metrics.recorder import MetricsDep
from api.routes.responses import BODY_ERRORS, UPSTREAM_ERRORS, json_errors
from api.schemas import ChatRequest, ChatResponse

router = APIRouter(tags=["chat"])
log = get_logger("chat")
T = TypeVar("T")


SSE_EVENT_SCHEMA = {
    "type": "object",
    "properties": {
        "event": {"type": "string", "enum": ["delta", "sources", "done", "error"]},
        "data": {"type": "string", "contentMediaType": "application/json",
                 "description": "the StreamEvent as JSON, plus request_id (and code on error)"},
    },
    "required": ["event", "data"],
}


class EventStreamResponse(StreamingResponse):
    media_type = "text/event-stream"


def _rejected(exc: Exception) -> ApiError | None:
    """The assistant's own input check (`InputRejectedError`: a `ValueError` with `reason`) as a 422."""
    reason = getattr(exc, "reason", None)
    if isinstance(exc, ValueError) and isinstance(reason, str):
        message = getattr(exc, "user_message", None) or "메시지를 처리할 수 없습니다."
        return ApiError(422, f"message_{reason}", message, "message")
    return None


def _stream_error_code(message: str | None) -> str:
    """Which error an assistant `error` event means (it carries only its Korean message)."""
    from agent.assistant import INDEX_DOWN_MESSAGE, INTERNAL_MESSAGE
    from agent.middleware import errors

    codes = {
        errors.TIMEOUT_MESSAGE: "upstream_timeout", errors.RATE_LIMITED_MESSAGE: "upstream_rate_limited",
        errors.MISCONFIGURED_MESSAGE: "service_misconfigured", INDEX_DOWN_MESSAGE: "index_unavailable",
        INTERNAL_MESSAGE: "internal_error",
    }
    return codes.get(message or "", "upstream_unavailable")


async def within_deadline(awaitable: Awaitable[T]) -> T:
    """`awaitable` cut off when the request's time budget runs out (`TimeoutError`: 504 `upstream_timeout`).
    In this task (no new one): the assistant's stream keeps its context from one event to the next."""
    async with asyncio.timeout(remaining()):
        return await awaitable


def _history(body: ChatRequest) -> list[ChatTurn]:
    return [ChatTurn(role=turn.role, content=turn.content) for turn in body.history]


def _paging(body: ChatRequest) -> dict[str, int]:
    """The assistant's paging keyword, only when the client pages (an assistant that never pages need not
    take it)."""
    return {} if body.offset is None else {"offset": body.offset}


@router.post(
    "/chat",
    response_model=ChatResponse,
    responses={**BODY_ERRORS, **UPSTREAM_ERRORS},
    summary="Answer a question about courses",
)
async def chat(
    body: ChatRequest, settings: SettingsDep, assistant: AssistantDep, request_id: RequestIdDep,
    metrics: MetricsDep,
) -> ChatResponse | JSONResponse:
    check_chat_request(body, settings)
    try:
        with metrics.answer(assistant.mode) as measure:  # outcome, latency, tool calls; errors by kind
            answer = await within_deadline(
                assistant.aanswer(body.message, _history(body), body.term, **_paging(body))
            )
            measure.done(answer)
    except Exception as exc:
        rejected = _rejected(exc)
        if rejected is not None:
            raise rejected from None
        return upstream_error_response(exc)
    log.info(
        "answered",
        extra={"mode": answer.mode, "message_chars": len(body.message), "history_turns": len(body.history),
               "sources": len(answer.sources)},
    )
    return ChatResponse(
        answer=answer.answer, sources=answer.sources, mode=answer.mode, request_id=request_id,
        usage=answer.usage, page=answer.page, timetables=answer.timetables,
    )


def _sse(event: str, data: dict) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode("utf-8")


def _event_payload(event: StreamEvent, request_id: str) -> dict:
    payload = event.model_dump(mode="json", exclude_none=True)
    payload["request_id"] = request_id
    return payload


def _measured_payload(event: Any, request_id: str, measure: Any) -> dict[str, Any]:
    """An event's SSE payload (an error with its code and the API's Korean text), counted when it ends the answer."""
    payload = _event_payload(event, request_id)
    if event.type == "error":
        payload["code"] = _stream_error_code(event.error)
        payload["error"] = UPSTREAM_MESSAGES[payload["code"]][1]
        measure.failed(payload["code"])
    elif event.type == "done" and event.answer is not None:
        measure.done(event.answer)
    return payload


@router.post(
    "/chat/stream",
    response_class=EventStreamResponse,
    responses={
        200: {
            "description": "server-sent events: `delta` (text) events, then one `sources`, then `done`; "
            "`error` replaces the rest if the answer fails midway. Not streamed through Mangum on Lambda.",
            # Each event (OpenAPI 3.2 `itemSchema` style): its name and a JSON `data` line.
            "content": {"text/event-stream": {"schema": SSE_EVENT_SCHEMA}},
        },
        **json_errors(400, 413, 415, 422, 429, 500, 503, 504),
    },
    summary="Answer a question as a server-sent event stream",
)
async def chat_stream(
    body: ChatRequest, settings: SettingsDep, assistant: AssistantDep, request_id: RequestIdDep,
    metrics: MetricsDep,
) -> StreamingResponse:
    check_chat_request(body, settings)
    measure = metrics.start(assistant.mode)  # counted on the `done` or `error` event
    events = assistant.astream(body.message, _history(body), body.term, **_paging(body))
    # The first event is awaited before the response starts, so a failure that happens at once
    # (index down, HyperCLOVA X refusing) is still a proper 503/504 JSON answer, not a broken stream.
    try:
        first = await within_deadline(anext(events))
    except StopAsyncIteration:
        first = None
    except Exception as exc:
        measure.failed_with(exc)
        rejected = _rejected(exc)
        if rejected is not None:
            raise rejected from None
        return upstream_error_response(exc)  # type: ignore[return-value]
    if first is not None and first.type == "error":
        # Failed before any text: answer with the status the failure deserves, not a 200 stream.
        code = _stream_error_code(first.error)
        measure.failed(code)
        status, message = UPSTREAM_MESSAGES[code]
        log.warning("stream failed before the first delta", extra={"code": code})
        headers = {"Retry-After": "10"} if status == 503 else None
        # The API's text for the code, as /chat answers it (the assistant's own wording may differ).
        return error_response(status, code, message, headers=headers)  # type: ignore[return-value]

    async def body_iter() -> AsyncIterator[bytes]:
        try:
            if first is not None:
                yield _sse(first.type, _event_payload(first, request_id))
            while True:
                try:
                    event = await within_deadline(anext(events))
                except StopAsyncIteration:
                    break
                yield _sse(event.type, _measured_payload(event, request_id, measure))
        except Exception as exc:
            code = classify_upstream(exc)
            measure.failed(code)
            log.warning("stream failed", extra={"code": code, "error_type": type(exc).__name__})
            # `error` carries the Korean message (as StreamEvent.error does); `code` the machine code.
            yield _sse("error", {"type": "error", "error": UPSTREAM_MESSAGES[code][1], "code": code,
                                 "request_id": request_id})
        finally:
            close = getattr(events, "aclose", None)
            if close is not None:
                await close()

    return EventStreamResponse(
        body_iter(), headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    )
