"""Streaming for `ChatHyperClovaX`: an SSE line decoder and the assembler that turns v3 stream events into
LangChain chunks (reference: shared/reference/hyperclova-x-api.md, section 5)."""

from __future__ import annotations

import json
from typing import Any

from langchain_core.messages import AIMessageChunk
from langchain_core.messages.tool import ToolCallChunk, tool_call_chunk
from langchain_core.outputs import ChatGenerationChunk

from agent.hyperclova.wire import reasoning_kwargs, response_metadata, usage_metadata


class SSEDecoder:
    """Incremental `text/event-stream` parser (WHATWG rules: `field:value`, one optional space after the
    colon, `:` comments, blank line dispatches; multi-line `data` joined with newlines)."""

    def __init__(self) -> None:
        self._event = ""
        self._data: list[str] = []

    def feed(self, line: str) -> tuple[str, str] | None:
        line = line.rstrip("\r\n")
        if not line:
            if not self._data and not self._event:
                return None
            event = (self._event or "message", "\n".join(self._data))
            self._event, self._data = "", []
            return event
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        return None

    def flush(self) -> tuple[str, str] | None:
        return self.feed("") if (self._data or self._event) else None


class StreamAssembler:
    """Turns SSE events into AIMessageChunks (section 5).

    `token` deltas become chunks (`content`, `thinkingContent` -> `additional_kwargs.reasoning_content`,
    tool-call fragments -> `tool_call_chunks`: a fragment with an `id` opens call number N, later
    `partialJson` fragments without id belong to it). `result` repeats the whole answer, so it is NOT
    re-emitted: the closing chunk carries its finish reason, usage and AI-filter results, plus only what no
    token carried (the text and thinking when no token had any, as in a JSON answer to a stream request, and
    tool calls that never streamed)."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.call_index = -1
        self.streamed_call_ids: set[str] = set()
        self.streamed_fields: set[str] = set()  # "content" / "thinkingContent" once a token carried it
        self.finished = False

    def feed(self, event: str, data: Any) -> ChatGenerationChunk | None:
        """The chunk for one (event, data) from the transport; None for events that add nothing."""
        if event == "token":
            chunk = self.token(data)
        elif event == "result":
            chunk = self.result(data)
        else:
            chunk = None  # `signal`: the stream is over; `close` ends the message
        return ChatGenerationChunk(message=chunk) if chunk is not None else None

    def close(self) -> list[ChatGenerationChunk]:
        """The closing chunk when the stream ended without a `result` (EOF or `signal`), else nothing."""
        return [] if self.finished else [ChatGenerationChunk(message=self.end_without_result())]

    def token(self, data: dict[str, Any]) -> AIMessageChunk | None:
        message = data.get("message") or {}
        self.streamed_fields.update(name for name in ("content", "thinkingContent") if message.get(name))
        content = message.get("content") or ""
        additional = reasoning_kwargs(message)
        chunks = [self._fragment(call) for call in message.get("toolCalls") or []]
        if not content and not additional and not chunks:
            return None
        return AIMessageChunk(content=content, additional_kwargs=additional, tool_call_chunks=chunks)

    def _fragment(self, call: dict[str, Any]) -> ToolCallChunk:
        function = call.get("function") or {}
        if call.get("id") or function.get("name") or self.call_index < 0:  # a call's first fragment
            self.call_index += 1
            if call.get("id"):
                self.streamed_call_ids.add(call["id"])
        args = function.get("partialJson")
        if args is None and function.get("arguments") is not None:
            args = _json_text(function["arguments"])
        index = max(self.call_index, 0)
        return tool_call_chunk(name=function.get("name"), args=args or "", id=call.get("id"), index=index)

    def result(self, data: dict[str, Any]) -> AIMessageChunk:
        self.finished = True
        message = data.get("message") or {}
        return AIMessageChunk(
            content="" if "content" in self.streamed_fields else message.get("content") or "",
            additional_kwargs={} if "thinkingContent" in self.streamed_fields else reasoning_kwargs(message),
            tool_call_chunks=self._unstreamed_calls(message.get("toolCalls") or []),
            usage_metadata=usage_metadata(data.get("usage")),
            response_metadata=response_metadata(data, self.model),
            chunk_position="last",
        )

    def _unstreamed_calls(self, calls: list[dict[str, Any]]) -> list[ToolCallChunk]:
        """The result repeats every call in order; only those that never arrived as fragments are new."""
        chunks = []
        streamed = self.call_index + 1
        for position, call in enumerate(calls):
            if position < streamed or call.get("id") in self.streamed_call_ids:
                continue
            self.call_index += 1
            function = call.get("function") or {}
            raw = function.get("arguments")
            args = _json_text({} if raw is None else raw)
            chunks.append(
                tool_call_chunk(
                    name=function.get("name"), id=call.get("id"), index=self.call_index, args=args
                )
            )
        return chunks

    def end_without_result(self) -> AIMessageChunk:
        """EOF or `signal` before any `result`: close the message cleanly (no usage is known)."""
        self.finished = True
        return AIMessageChunk(
            content="",
            response_metadata={"model_name": self.model, "model_provider": "hyperclova"},
            chunk_position="last",
        )


def _json_text(arguments: Any) -> str:
    """Tool-call arguments as the JSON text LangChain's chunks carry (the API sends an object)."""
    return arguments if isinstance(arguments, str) else json.dumps(arguments, ensure_ascii=False)
