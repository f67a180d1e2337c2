"""LangChain <-> HyperCLOVA X v3 wire format (reference: shared/reference/hyperclova-x-api.md, sections 3-5).

Pure functions, no I/O: message conversion, tool and schema conversion, response and stream-event parsing.
Used by `agent.hyperclova.ChatHyperClovaX`.
"""

from __future__ import annotations

import json
import re
import warnings
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
from langchain_core.messages.ai import UsageMetadata

THINKING_MODEL = "HCX-007"
TOOLS_MIN_TOKENS = 1024  # section 3: with tools the output limit must be >= 1024
# Section 3 Structured Outputs: the JSON Schema subset HyperCLOVA X accepts.
_SCHEMA_FORMATS = {"date-time", "date", "time", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"}
_DATA_URL = re.compile(r"^data:(?P<mime>[\w/+.-]+)?;base64,(?P<data>.*)$", re.DOTALL)


# --------------------------------------------------------------------------------------------------
# Requests


def _text_parts(content: str | list[Any]) -> list[dict[str, Any]]:
    """Content -> v3 parts. Text and images only; other block types (audio, PDF, files) raise ValueError."""
    if isinstance(content, str):
        return [{"type": "text", "text": content}]
    parts: list[dict[str, Any]] = []
    for block in content:
        if isinstance(block, str):
            parts.append({"type": "text", "text": block})
            continue
        kind = block.get("type")
        if kind == "text":
            parts.append({"type": "text", "text": block.get("text", "")})
        elif kind in ("thinking", "reasoning", "tool_use", "tool_call", "function_call"):
            continue  # never sent back: thinking per the HCX-007 doc; tool calls travel as `toolCalls`
        elif kind == "image_url":  # OpenAI chat-completions form
            url = (
                block["image_url"]["url"]
                if isinstance(block.get("image_url"), dict)
                else block.get("image_url")
            )
            parts.append(_image_part(url=str(url)))
        elif kind == "image":  # LangChain standard block (url / base64) or Anthropic `source`
            source = block.get("source") if isinstance(block.get("source"), dict) else {}
            if block.get("url") or source.get("type") == "url":
                parts.append(_image_part(url=block.get("url") or source["url"]))
            elif block.get("base64") or block.get("data") or source.get("data"):
                parts.append(_image_part(data=block.get("base64") or block.get("data") or source["data"]))
            else:
                raise ValueError("HyperCLOVA X image blocks need a `url` or `base64` data")
        else:
            raise ValueError(
                f"HyperCLOVA X accepts only text and image content, got a {kind!r} block "
                "(audio, PDF and file inputs are not supported by the v3 API)"
            )
    return parts


def _image_part(*, url: str | None = None, data: str | None = None) -> dict[str, Any]:
    """Section 3.1: `imageUrl` for links, `dataUri` (raw base64) for inline data (a data: URL is unwrapped)."""
    if url is not None:
        match = _DATA_URL.match(url)
        if not match:
            return {"type": "image_url", "imageUrl": {"url": url}}
        data = match.group("data")
    return {"type": "image_url", "dataUri": {"data": data}}


def _content(content: str | list[Any]) -> str | list[dict[str, Any]]:
    """A plain string when the content is all text (the form every v3 page accepts), else the parts array."""
    parts = _text_parts(content)
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
        elif block.get("type") in ("image", "image_url", "file", "audio", "video"):
            raise ValueError(f"HyperCLOVA X tool results must be text, got a {block['type']!r} block")
        else:
            texts.append(json.dumps(block, ensure_ascii=False))
    return "".join(texts)


def convert_messages(messages: Iterable[BaseMessage]) -> list[dict[str, Any]]:
    """LangChain messages -> v3 `messages`.

    System messages are merged into ONE leading system message (the API allows only one per request).
    `name` fields are dropped (the native API has none). Assistant tool calls become `toolCalls` with
    `arguments` as a JSON object; `ToolMessage` becomes `role: tool` with `toolCallId`."""
    systems: list[str] = []
    out: list[dict[str, Any]] = []
    for message in messages:
        if isinstance(message, SystemMessage):
            systems.append(_text_only(message.content, "system"))
        elif isinstance(message, HumanMessage):
            content = message.content
            if isinstance(content, list):  # Anthropic-style `tool_result` blocks become `role: tool` turns
                results = [b for b in content if isinstance(b, dict) and b.get("type") == "tool_result"]
                for block in results:
                    result = block.get("content", "")
                    out.append({"role": "tool", "toolCallId": block["tool_use_id"],
                                "content": _tool_result_text(result if isinstance(result, (str, list)) else str(result))})  # fmt: skip
                content = [b for b in content if not (isinstance(b, dict) and b.get("type") == "tool_result")]
                if results and not content:
                    continue
            out.append({"role": "user", "content": _content(content)})
        elif isinstance(message, AIMessage):
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
            out.append(entry)
        elif isinstance(message, ToolMessage):
            out.append(
                {
                    "role": "tool",
                    "toolCallId": message.tool_call_id,
                    "content": _tool_result_text(message.content),
                }
            )
        elif isinstance(message, ChatMessage) and message.role in ("system", "user", "assistant"):
            if message.role == "system":
                systems.append(_text_only(message.content, "system"))
            else:
                out.append({"role": message.role, "content": _content(message.content)})
        else:
            raise ValueError(f"HyperCLOVA X cannot take a {type(message).__name__} message")
    if systems:
        out.insert(0, {"role": "system", "content": "\n\n".join(s for s in systems if s)})
    return out


def clean_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """JSON Schema -> the subset Structured Outputs accepts: `$ref`s inlined, `pattern` and unsupported
    `format` values dropped (the API answers 40055 to them); everything else kept."""
    defs = {**(schema.get("$defs") or {}), **(schema.get("definitions") or {})}

    def walk(node: Any, depth: int = 0) -> Any:
        if isinstance(node, list):
            return [walk(item, depth) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node and depth < 20:
            target = defs.get(str(node["$ref"]).rsplit("/", 1)[-1], {})
            merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
            return walk(merged, depth + 1)
        result: dict[str, Any] = {}
        for key, value in node.items():
            if key in ("$defs", "definitions", "pattern"):
                continue
            if key == "format" and value not in _SCHEMA_FORMATS:
                continue
            if key == "properties" and isinstance(value, dict):
                result[key] = {name: walk(sub, depth) for name, sub in value.items()}
            else:
                result[key] = walk(value, depth)
        return result

    return walk(schema)


def convert_tool(tool: dict[str, Any]) -> dict[str, Any]:
    """An OpenAI-format tool (from `convert_to_openai_tool`) -> v3 tool. `description` is required by the API,
    so a tool without one gets its name as description."""
    function = tool["function"]
    out: dict[str, Any] = {
        "name": function["name"],
        "description": function.get("description") or function["name"],
    }
    parameters = function.get("parameters")
    if parameters:
        out["parameters"] = clean_schema(parameters)
    return {"type": "function", "function": out}


def build_body(
    messages: Iterable[BaseMessage],
    model: str,
    params: dict[str, Any],
    *,
    stop: list[str] | None,
    tools: list[dict[str, Any]] | None,
    tool_choice: Any,
    response_format: dict[str, Any] | None,
) -> dict[str, Any]:
    """The v3 request body (camelCase), refusing with ValueError the combinations the API would reject
    (section 3 "Mutual exclusions"). `params` holds the snake_case sampling values (None = API default)."""
    body: dict[str, Any] = {"messages": convert_messages(messages)}
    for name, field in (("temperature", "temperature"), ("top_p", "topP"), ("top_k", "topK"),
                        ("repetition_penalty", "repetitionPenalty"), ("seed", "seed")):  # fmt: skip
        if params.get(name) is not None:
            body[field] = params[name]
    if params.get("include_ai_filters"):
        body["includeAiFilters"] = True
    if stop:
        body["stop"] = list(stop)
    if tools:
        body["tools"] = tools
        if tool_choice is not None:
            body["toolChoice"] = tool_choice
    if response_format:
        body["responseFormat"] = convert_response_format(response_format)
    effort = params.get("thinking_effort")
    if model == THINKING_MODEL:
        if tools or "responseFormat" in body:
            if effort not in (None, "none"):
                raise ValueError(
                    f"HyperCLOVA X cannot think (effort {effort!r}) while using tools or "
                    "structured output: use thinking_effort='none'"
                )
            effort = "none"  # the API default ("low") would be rejected together with tools/responseFormat
        if body.get("stop") and effort != "none":
            raise ValueError("HyperCLOVA X cannot combine `stop` with thinking: set thinking_effort='none'")
        if effort is not None:
            body["thinking"] = {"effort": effort}
    elif effort not in (None, "none"):  # "none" = no thinking, which every other model already does
        raise ValueError(f"thinking_effort is only supported by {THINKING_MODEL}, not {model}")
    limit = params.get("max_tokens")
    if tools:
        limit = max(limit or TOOLS_MIN_TOKENS, TOOLS_MIN_TOKENS)
    if limit is not None:
        body["maxCompletionTokens" if model == THINKING_MODEL else "maxTokens"] = limit
    return body


def tool_choice(choice: Any, names: list[str]) -> Any:
    """LangChain `tool_choice` -> v3 `toolChoice` ("auto" | "none" | {"type": "function", "function": {name}}).

    The API has no "must call some tool" mode: "any"/"required"/True force the tool when exactly one is bound,
    and fall back to "auto" (with a warning) when several are. None/False send nothing (the API default)."""
    if choice in (None, False):
        return None
    if choice in ("auto", "none"):
        return choice
    if choice in ("any", "required", True):
        if len(names) == 1:
            return {"type": "function", "function": {"name": names[0]}}
        warnings.warn(
            "HyperCLOVA X cannot require 'some tool' among several; sending toolChoice='auto'", stacklevel=3
        )
        return "auto"
    if isinstance(choice, str):
        if choice not in names:
            raise ValueError(f"tool_choice {choice!r} is not one of the bound tools {names}")
        return {"type": "function", "function": {"name": choice}}
    if (
        isinstance(choice, dict)
        and isinstance(choice.get("function"), dict)
        and choice["function"].get("name")
    ):
        return {"type": "function", "function": {"name": choice["function"]["name"]}}
    raise ValueError(f"unsupported tool_choice {choice!r}")


def convert_response_format(value: dict[str, Any]) -> dict[str, Any]:
    """`responseFormat` from our own `{"type": "json", "schema"}` or an OpenAI-style
    `{"type": "json_schema", "json_schema": {"schema": ...}}` (what LangChain's agent ProviderStrategy binds)."""
    if value.get("type") == "json" and isinstance(value.get("schema"), dict):
        return {"type": "json", "schema": clean_schema(value["schema"])}
    if value.get("type") == "json_schema" and isinstance(value.get("json_schema"), dict):
        return {
            "type": "json",
            "schema": clean_schema(value["json_schema"].get("schema") or {"type": "object"}),
        }
    if value.get("type") == "json_object":
        return {"type": "json", "schema": {"type": "object"}}
    raise ValueError(f"unsupported response_format {value!r}: use {{'type': 'json', 'schema': {{...}}}}")


# --------------------------------------------------------------------------------------------------
# Responses


def usage_metadata(usage: dict[str, Any] | None) -> UsageMetadata | None:
    """v3 `usage` -> LangChain usage, with HCX-007 `thinkingTokens` as `output_token_details.reasoning`."""
    if not usage:
        return None
    prompt = int(usage.get("promptTokens") or 0)
    completion = int(usage.get("completionTokens") or 0)
    # The docs' own example has totalTokens != prompt + completion: trust the server's figure.
    total = int(usage.get("totalTokens") or prompt + completion)
    result = UsageMetadata(input_tokens=prompt, output_tokens=completion, total_tokens=total)
    details = usage.get("completionTokensDetails") or {}
    if details.get("thinkingTokens") is not None:
        result["output_token_details"] = {"reasoning": int(details["thinkingTokens"])}
    return result


def response_metadata(result: dict[str, Any], model: str) -> dict[str, Any]:
    meta: dict[str, Any] = {"model_name": model, "model_provider": "hyperclova"}
    if result.get("finishReason") is not None:
        meta["finish_reason"] = result["finishReason"]
    for src, dst in (("seed", "seed"), ("created", "created"), ("aiFilter", "ai_filter")):
        if result.get(src) is not None:
            meta[dst] = result[src]
    return meta


def _arguments(raw: Any) -> dict[str, Any]:
    """Tool-call arguments: a JSON object per the docs; tolerate a JSON string too."""
    if isinstance(raw, dict):
        return raw
    if isinstance(raw, str) and raw.strip():
        value = json.loads(raw)
        return value if isinstance(value, dict) else {"value": value}
    return {}


def parse_message(result: dict[str, Any], model: str) -> AIMessage:
    """A non-streamed `result` -> AIMessage."""
    message = result.get("message") or {}
    additional: dict[str, Any] = {}
    if message.get("thinkingContent"):
        additional["reasoning_content"] = message["thinkingContent"]
    tool_calls = []
    invalid_tool_calls = []
    for call in message.get("toolCalls") or []:
        function = call.get("function") or {}
        try:
            tool_calls.append(
                {
                    "name": function.get("name", ""),
                    "args": _arguments(function.get("arguments")),
                    "id": call.get("id"),
                    "type": "tool_call",
                }
            )
        except ValueError as exc:
            invalid_tool_calls.append(
                {
                    "name": function.get("name"),
                    "args": str(function.get("arguments")),
                    "id": call.get("id"),
                    "error": f"arguments are not JSON: {exc}",
                    "type": "invalid_tool_call",
                }
            )
    return AIMessage(
        content=message.get("content") or "",
        additional_kwargs=additional,
        tool_calls=tool_calls,
        invalid_tool_calls=invalid_tool_calls,
        usage_metadata=usage_metadata(result.get("usage")),
        response_metadata=response_metadata(result, model),
    )
