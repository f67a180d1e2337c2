"""Streaming for `agent.hyperclova.ChatHyperClovaX`: an SSE line decoder and the assembler that turns
v3 stream events into LangChain chunks (reference: shared/reference/hyperclova-x-api.md, section 5)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from langchain_core.messages import AIMessageChunk
from langchain_core.messages.tool import tool_call_chunk

from agent.hyperclova_wire import response_metadata, usage_metadata


class SSEDecoder:
    """Incremental `text/event-stream` parser (WHATWG rules: `field:value`, one optional space after the colon,
    `:` comments, blank line dispatches; multi-line `data` joined with newlines)."""

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

    def iter_lines(self, lines: Iterable[str]) -> Iterator[tuple[str, str]]:
        for line in lines:
            event = self.feed(line)
            if event:
                yield event
        tail = self.flush()
        if tail:
            yield tail


class StreamAssembler:
    """Turns SSE events into AIMessageChunks (section 5).

    `token` deltas become chunks (`content`, `thinkingContent` -> `additional_kwargs.reasoning_content`,
    tool-call fragments -> `tool_call_chunks`: a fragment with an `id` opens call number N, later
    `partialJson` fragments without id belong to it). `result` is NOT re-emitted as text: only its finish
    reason, usage and AI-filter results go on the closing chunk (plus any tool calls that never streamed)."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.call_index = -1
        self.streamed_call_ids: set[str] = set()
        self.finished = False

    def token(self, data: dict[str, Any]) -> AIMessageChunk | None:
        message = data.get("message") or {}
        content = message.get("content") or ""
        additional: dict[str, Any] = {}
        if message.get("thinkingContent"):
            additional["reasoning_content"] = message["thinkingContent"]
        chunks = []
        for call in message.get("toolCalls") or []:
            function = call.get("function") or {}
            if call.get("id") or function.get("name") or self.call_index < 0:  # a call's first fragment
                self.call_index += 1
                if call.get("id"):
                    self.streamed_call_ids.add(call["id"])
            index = max(self.call_index, 0)
            args = function.get("partialJson")
            if args is None and function.get("arguments") is not None:
                raw = function["arguments"]
                args = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False)
            chunks.append(
                tool_call_chunk(name=function.get("name"), args=args or "", id=call.get("id"), index=index)
            )
        if not content and not additional and not chunks:
            return None
        return AIMessageChunk(content=content, additional_kwargs=additional, tool_call_chunks=chunks)

    def result(self, data: dict[str, Any]) -> AIMessageChunk:
        self.finished = True
        message = data.get("message") or {}
        chunks = []
        streamed = self.call_index + 1
        for position, call in enumerate(message.get("toolCalls") or []):
            # The result repeats every call in order; only those that never arrived as fragments are new.
            if position < streamed or call.get("id") in self.streamed_call_ids:
                continue
            self.call_index += 1
            function = call.get("function") or {}
            raw = function.get("arguments")
            chunks.append(
                tool_call_chunk(
                    name=function.get("name"),
                    id=call.get("id"),
                    index=self.call_index,
                    args=raw if isinstance(raw, str) else json.dumps(raw or {}, ensure_ascii=False),
                )
            )
        return AIMessageChunk(
            content="",
            tool_call_chunks=chunks,
            usage_metadata=usage_metadata(data.get("usage")),
            response_metadata=response_metadata(data, self.model),
            chunk_position="last",
        )

    def end_without_result(self) -> AIMessageChunk:
        """EOF or `signal` before any `result`: close the message cleanly (no usage is known)."""
        self.finished = True
        return AIMessageChunk(
            content="",
            response_metadata={"model_name": self.model, "model_provider": "hyperclova"},
            chunk_position="last",
        )
