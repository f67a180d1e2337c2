"""HyperCLOVA X v3 request bodies and responses (shared/reference/hyperclova-x-api.md, sections 3-5).

Pure functions, no I/O: the request body (sampling parameters, tools and `toolChoice`, `responseFormat` with
the JSON Schema subset the API accepts, thinking), and a non-streamed `result` -> `AIMessage` with its usage
and metadata. Messages are converted by `agent.hyperclova.messages`; stream events by `agent.hyperclova.sse`.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.messages.ai import UsageMetadata
from langchain_core.messages.tool import InvalidToolCall, ToolCall, invalid_tool_call, tool_call
from langchain_core.outputs import ChatGeneration, ChatResult

from agent.hyperclova.messages import convert_messages

THINKING_MODEL = "HCX-007"
TOOLS_MIN_TOKENS = 1024  # section 3: with tools the output limit must be >= 1024
# Section 3 Structured Outputs: the JSON Schema subset HyperCLOVA X accepts.
_SCHEMA_FORMATS = {"date-time", "date", "time", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"}
_SAMPLING_FIELDS = (
    ("temperature", "temperature"),
    ("top_p", "topP"),
    ("top_k", "topK"),
    ("repetition_penalty", "repetitionPenalty"),
    ("seed", "seed"),
)


# --------------------------------------------------------------------------------------------------
# Requests


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
    body.update({field: params[name] for name, field in _SAMPLING_FIELDS if params.get(name) is not None})
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
    constrained = bool(tools) or "responseFormat" in body
    effort = _thinking_effort(model, params.get("thinking_effort"), constrained=constrained, stop=bool(stop))
    if effort is not None:
        body["thinking"] = {"effort": effort}
    limit = params.get("max_tokens")
    if tools:
        limit = max(limit or TOOLS_MIN_TOKENS, TOOLS_MIN_TOKENS)
    if limit is not None:
        body["maxCompletionTokens" if model == THINKING_MODEL else "maxTokens"] = limit
    return body


def _thinking_effort(model: str, effort: str | None, *, constrained: bool, stop: bool) -> str | None:
    """The `thinking.effort` to send (None: send none). Tools or structured output need thinking off, and so
    does `stop`; only HCX-007 thinks at all ("none" = no thinking, which every other model already does)."""
    if model != THINKING_MODEL:
        if effort not in (None, "none"):
            raise ValueError(f"thinking_effort is only supported by {THINKING_MODEL}, not {model}")
        return None
    if constrained:
        if effort not in (None, "none"):
            raise ValueError(
                f"HyperCLOVA X cannot think (effort {effort!r}) while using tools or "
                "structured output: use thinking_effort='none'"
            )
        effort = "none"  # the API default ("low") would be rejected together with tools/responseFormat
    if stop and effort != "none":
        raise ValueError("HyperCLOVA X cannot combine `stop` with thinking: set thinking_effort='none'")
    return effort


def tool_choice(choice: Any, names: list[str]) -> Any:
    """LangChain `tool_choice` -> v3 `toolChoice`: "auto" | "none" | {"type": "function", "function": {name}}.

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
    `{"type": "json_schema", "json_schema": {"schema": ...}}` (what LangChain's `ProviderStrategy` binds)."""
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


def reasoning_kwargs(message: dict[str, Any]) -> dict[str, Any]:
    """HCX-007's `thinkingContent` as LangChain's `reasoning_content` (never sent back in later turns)."""
    thinking = message.get("thinkingContent")
    return {"reasoning_content": thinking} if thinking else {}


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
    calls = [_parse_call(call) for call in message.get("toolCalls") or []]
    return AIMessage(
        content=message.get("content") or "",
        additional_kwargs=reasoning_kwargs(message),
        tool_calls=[call for call in calls if call["type"] == "tool_call"],
        invalid_tool_calls=[call for call in calls if call["type"] == "invalid_tool_call"],
        usage_metadata=usage_metadata(result.get("usage")),
        response_metadata=response_metadata(result, model),
    )


def _parse_call(call: dict[str, Any]) -> ToolCall | InvalidToolCall:
    function = call.get("function") or {}
    try:
        return tool_call(
            name=function.get("name", ""), args=_arguments(function.get("arguments")), id=call.get("id")
        )
    except ValueError as exc:
        return invalid_tool_call(
            name=function.get("name"),
            args=str(function.get("arguments")),
            id=call.get("id"),
            error=f"arguments are not JSON: {exc}",
        )


def chat_result(result: dict[str, Any], model: str) -> ChatResult:
    """A non-streamed `result` -> the `ChatResult` LangChain expects from `_generate`."""
    return ChatResult(
        generations=[ChatGeneration(message=parse_message(result, model))],
        llm_output={"model_name": model, "token_usage": result.get("usage")},
    )
