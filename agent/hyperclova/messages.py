"""LangChain messages -> HyperCLOVA X v3 `messages` (shared/reference/hyperclova-x-api.md, section 3).

Pure functions, no I/O. Text and images only: the v3 API has no audio, PDF or file inputs, so those blocks
raise `ValueError` naming the block, before any request is sent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from langchain_core.messages import (
    AIMessage,
    BaseMessage,
    ChatMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)

_DATA_URL = re.compile(r"^data:(?P<mime>[\w/+.-]+)?;base64,(?P<data>.*)$", re.DOTALL)
# Never sent back: thinking per the HCX-007 doc; tool calls travel as `toolCalls`.
_SKIPPED_BLOCKS = ("thinking", "reasoning", "tool_use", "tool_call", "function_call")
_MEDIA_BLOCKS = ("image", "image_url", "file", "audio", "video")


def convert_messages(messages: Iterable[BaseMessage]) -> list[dict[str, Any]]:
    """LangChain messages -> v3 `messages`.

    System messages are merged into ONE leading system message (the API allows only one per request).
    `name` fields are dropped (the native API has none). Assistant tool calls become `toolCalls` with
    `arguments` as a JSON object; `ToolMessage` becomes `role: tool` with `toolCallId`."""
    systems: list[str] = []
    out: list[dict[str, Any]] = []
    for message in messages:
        if isinstance(message, SystemMessage) or (
            isinstance(message, ChatMessage) and message.role == "system"
        ):
            systems.append(_text_only(message.content, "system"))
        else:
            out.extend(_turns(message))
    if systems:
        out.insert(0, {"role": "system", "content": "\n\n".join(s for s in systems if s)})
    return out


def _turns(message: BaseMessage) -> list[dict[str, Any]]:
    """The v3 messages for one non-system LangChain message (a user message may carry tool results too)."""
    if isinstance(message, HumanMessage):
        return _user_turns(message.content)
    if isinstance(message, AIMessage):
        return [_assistant_turn(message)]
    if isinstance(message, ToolMessage):
        return [_tool_turn(message.tool_call_id, message.content)]
    if isinstance(message, ChatMessage) and message.role in ("user", "assistant"):
        return [{"role": message.role, "content": _content(message.content)}]
    raise ValueError(f"HyperCLOVA X cannot take a {type(message).__name__} message")


def _user_turns(content: str | list[Any]) -> list[dict[str, Any]]:
    """A user message; Anthropic-style `tool_result` blocks in it become `role: tool` turns before it."""
    if isinstance(content, str):
        return [{"role": "user", "content": content}]
    results = [b for b in content if _is_tool_result(b)]
    turns = [_tool_turn(b["tool_use_id"], _result_content(b.get("content", ""))) for b in results]
    rest = [b for b in content if not _is_tool_result(b)]
    if rest or not results:  # a message that only carried tool results leaves no user turn
        turns.append({"role": "user", "content": _content(rest)})
    return turns


def _is_tool_result(block: Any) -> bool:
    return isinstance(block, dict) and block.get("type") == "tool_result"


def _result_content(value: Any) -> str | list[Any]:
    return value if isinstance(value, (str, list)) else str(value)


def _tool_turn(call_id: str, content: str | list[Any]) -> dict[str, Any]:
    return {"role": "tool", "toolCallId": call_id, "content": _tool_result_text(content)}


def _assistant_turn(message: AIMessage) -> dict[str, Any]:
    entry: dict[str, Any] = {"role": "assistant", "content": _text_only(message.content, "assistant")}
    if message.tool_calls:
        entry["toolCalls"] = [
            {
                "id": call["id"] or f"call_{index}",
                "type": "function",
                "function": {"name": call["name"], "arguments": dict(call["args"] or {})},
            }
            for index, call in enumerate(message.tool_calls)
        ]
    return entry


def _parts(content: str | list[Any]) -> list[dict[str, Any]]:
    """Content -> v3 parts. Text and images only; other block types (audio, PDF, files) raise ValueError."""
    if isinstance(content, str):
        return [{"type": "text", "text": content}]
    parts: list[dict[str, Any]] = []
    for block in content:
        kind = "text" if isinstance(block, str) else block.get("type")
        if kind in _SKIPPED_BLOCKS:
            continue
        if kind == "text":
            parts.append({"type": "text", "text": block if isinstance(block, str) else block.get("text", "")})
        elif kind in ("image_url", "image"):
            parts.append(_image_block(block))
        else:
            raise ValueError(
                f"HyperCLOVA X accepts only text and image content, got a {kind!r} block "
                "(audio, PDF and file inputs are not supported by the v3 API)"
            )
    return parts


def _image_block(block: dict[str, Any]) -> dict[str, Any]:
    """An OpenAI `image_url` block, a LangChain image block (url / base64) or an Anthropic `source`."""
    if block.get("type") == "image_url":
        image = block.get("image_url")
        return _image_part(url=str(image["url"] if isinstance(image, dict) else image))
    source = block.get("source") if isinstance(block.get("source"), dict) else {}
    if block.get("url") or source.get("type") == "url":
        return _image_part(url=block.get("url") or source["url"])
    if block.get("base64") or block.get("data") or source.get("data"):
        return _image_part(data=block.get("base64") or block.get("data") or source["data"])
    raise ValueError("HyperCLOVA X image blocks need a `url` or `base64` data")


def _image_part(*, url: str | None = None, data: str | None = None) -> dict[str, Any]:
    """Section 3.1: `imageUrl` for links, `dataUri` (raw base64) for inline data (data: URLs unwrapped)."""
    if url is not None:
        match = _DATA_URL.match(url)
        if not match:
            return {"type": "image_url", "imageUrl": {"url": url}}
        data = match.group("data")
    return {"type": "image_url", "dataUri": {"data": data}}


def _content(content: str | list[Any]) -> str | list[dict[str, Any]]:
    """A plain string when the content is all text (the form every v3 page accepts), else the parts array."""
    parts = _parts(content)
    if all(p["type"] == "text" for p in parts):
        return "".join(p["text"] for p in parts)
    return parts


def _text_only(content: str | list[Any], role: str) -> str:
    value = _content(content)
    if not isinstance(value, str):
        raise ValueError(f"HyperCLOVA X takes images only in user messages, not in {role} messages")
    return value


def _tool_result_text(content: str | list[Any]) -> str:
    """Tool results are strings in v3: text blocks are joined, other JSON blocks serialized; media raise."""
    if isinstance(content, str):
        return content
    texts = []
    for block in content:
        if isinstance(block, str):
            texts.append(block)
        elif block.get("type") == "text":
            texts.append(block.get("text", ""))
        elif block.get("type") in _MEDIA_BLOCKS:
            raise ValueError(f"HyperCLOVA X tool results must be text, got a {block['type']!r} block")
        else:
            texts.append(json.dumps(block, ensure_ascii=False))
    return "".join(texts)
