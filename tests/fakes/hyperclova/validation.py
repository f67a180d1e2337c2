"""HyperCLOVA X v3 chat request bodies checked as sections 3 and 12.3 of the reference describe them.

`validate_body` raises the documented `ProtocolError` for the first rule a body breaks, in the order the
real service reports them: unknown fields, then out-of-range values (all named in one message), then
fields that exclude each other, then the messages, then the context length.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any

from tests.fakes.hyperclova.protocol import (
    BODY_FIELDS,
    EFFORTS,
    LEGACY_FIELDS,
    MAX_INPUT_TOKENS,
    MESSAGE_FIELDS,
    ROLES,
    SCHEMA_FORMATS,
    SCHEMA_TYPES,
    SEED_MAX,
    THINKING_MODEL,
    V3_MODELS,
    VISION_MODEL,
    ProtocolError,
    count_prompt_tokens,
    effective_effort,
    invalid,
    text_of,
)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# Section 3: the allowed value of each field, `(value, model) -> ok`, in the order a 40001 message names them.
_VALUE_RULES: dict[str, Callable[[Any, str], bool]] = {
    "temperature": lambda v, m: _is_number(v) and 0 <= v <= 1,
    "topP": lambda v, m: _is_number(v) and 0 < v <= 1,
    "topK": lambda v, m: _is_int(v) and 0 <= v <= 128,
    "repetitionPenalty": lambda v, m: _is_number(v) and 0 < v <= 2,
    "seed": lambda v, m: _is_int(v) and 0 <= v <= SEED_MAX,
    "maxTokens": lambda v, m: _is_int(v) and 1 <= v <= V3_MODELS[m],
    "maxCompletionTokens": lambda v, m: _is_int(v) and 1 <= v <= V3_MODELS[m],
    "stop": lambda v, m: isinstance(v, list) and all(isinstance(s, str) for s in v),
    "includeAiFilters": lambda v, m: isinstance(v, bool),
    "thinking": lambda v, m: m == THINKING_MODEL and isinstance(v, dict) and v.get("effort") in EFFORTS,
}


def validate_body(
    model: str, body: Any, *, unknown_fields: str = "reject", legacy_fields: str = "ignore"
) -> list[str]:
    """Validate a v3 chat body per section 3 / 12.3. Returns the names it ignored; raises ProtocolError."""
    if not isinstance(body, dict):
        raise ProtocolError(400, "40000", "Bad request")
    ignored = _ignored_fields(body, unknown_fields, legacy_fields)
    bad = [name for name, ok in _VALUE_RULES.items() if name in body and not ok(body[name], model)]
    if bad:
        raise invalid(*bad)
    _check_exclusions(model, body)
    _check_messages(model, body.get("messages"), "tools" in body)
    if count_prompt_tokens(body) > MAX_INPUT_TOKENS[model]:
        raise ProtocolError(400, "40003", "Context length exceeded")
    return ignored


def _ignored_fields(body: dict[str, Any], unknown_fields: str, legacy_fields: str) -> list[str]:
    ignored: list[str] = []
    for name in body:
        if name in BODY_FIELDS:
            continue
        if name in LEGACY_FIELDS and legacy_fields == "ignore":
            ignored.append(name)
        elif name not in LEGACY_FIELDS and unknown_fields == "ignore":
            ignored.append(name)
        else:
            raise invalid(name)
    return ignored


def _check_exclusions(model: str, body: dict[str, Any]) -> None:
    """Section 3: the fields that exclude each other, or need a model or a thinking setting."""
    if "maxTokens" in body and "maxCompletionTokens" in body:
        raise invalid("maxTokens", "maxCompletionTokens")
    if model == THINKING_MODEL and "maxTokens" in body:
        raise invalid("maxTokens")
    if model != THINKING_MODEL and "maxCompletionTokens" in body:
        raise invalid("maxCompletionTokens")
    has_tools = "tools" in body
    thinking_on = effective_effort(model, body) not in (None, "none")
    if has_tools and thinking_on:
        raise invalid("tools", "thinking")
    if "responseFormat" in body:
        _check_response_format(model, body["responseFormat"], has_tools, thinking_on)
    if thinking_on and body.get("stop"):
        raise invalid("stop", "thinking")
    if has_tools:
        _check_tools(body["tools"], body.get("toolChoice"))
        for name in ("maxTokens", "maxCompletionTokens"):
            if name in body and body[name] < 1024:
                raise invalid(name)
    elif "toolChoice" in body:
        raise invalid("toolChoice")


def _check_response_format(model: str, response_format: Any, has_tools: bool, thinking_on: bool) -> None:
    if model != THINKING_MODEL:
        raise ProtocolError(400, "40009", "Unsupported function")
    if has_tools:
        raise invalid("tools", "responseFormat")
    if thinking_on:
        raise invalid("responseFormat", "thinking")
    if not isinstance(response_format, dict) or response_format.get("type") != "json":
        raise invalid("responseFormat")
    _check_schema(response_format.get("schema"))


def _check_schema(schema: Any) -> None:
    """Section 3 Structured Outputs: supported JSON Schema subset; anything else -> 40055."""
    bad = ProtocolError(400, "40055", "Invalid response format schema")
    if not isinstance(schema, dict):
        raise bad
    if "pattern" in schema:
        raise bad
    stype = schema.get("type")
    types = stype if isinstance(stype, list) else [stype] if stype is not None else []
    if any(t not in SCHEMA_TYPES and t != "null" for t in types):
        raise bad
    if "format" in schema and schema["format"] not in SCHEMA_FORMATS:
        raise bad
    for sub in (schema.get("properties") or {}).values():
        _check_schema(sub)
    if "items" in schema:
        _check_schema(schema["items"])
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key) or []:
            _check_schema(sub)
    for sub in (schema.get("$defs") or schema.get("definitions") or {}).values():
        _check_schema(sub)


def _check_tools(tools: Any, tool_choice: Any) -> None:
    if not isinstance(tools, list) or not tools:
        raise invalid("tools")
    names = set()
    for tool in tools:
        function = tool.get("function") if isinstance(tool, dict) else None
        if not isinstance(function, dict) or tool.get("type") != "function":
            raise invalid("tools")
        if not isinstance(function.get("name"), str) or not function["name"]:
            raise invalid("tools.function.name")
        if not isinstance(function.get("description"), str) or not function["description"]:
            raise invalid("tools.function.description")  # section 3: name AND description required
        if "parameters" in function and not isinstance(function["parameters"], dict):
            raise invalid("tools.function.parameters")
        names.add(function["name"])
    if tool_choice is None or tool_choice in ("auto", "none"):
        return
    if (
        isinstance(tool_choice, dict)
        and tool_choice.get("type") == "function"
        and isinstance(tool_choice.get("function"), dict)
        and tool_choice["function"].get("name") in names
    ):
        return
    raise invalid("toolChoice")


def _check_messages(model: str, messages: Any, has_tools: bool) -> None:
    if not isinstance(messages, list) or not messages:
        raise invalid("messages")
    images_total = sum(_check_message(model, message, has_tools) for message in messages)
    if sum(1 for message in messages if message["role"] == "system") > 1:
        raise invalid("messages.role")  # section 2: only one system message per request
    if images_total > 5:
        raise ProtocolError(400, "40003", "Image limit exceeded")


def _check_message(model: str, message: Any, has_tools: bool) -> int:
    """Check one message; returns how many images it holds."""
    if not isinstance(message, dict):
        raise invalid("messages")
    unknown = set(message) - MESSAGE_FIELDS
    if unknown:
        raise invalid(*sorted(f"messages.{name}" for name in unknown))
    role = message.get("role")
    if role not in ROLES:
        raise invalid("messages.role")
    content = message.get("content")
    images = _count_images(content)
    if images:
        if model != VISION_MODEL:
            raise ProtocolError(400, "40009", "Unsupported input format")
        if has_tools:
            raise invalid("tools", "image")
        if images > 1:
            raise ProtocolError(400, "40000", "Each user message can contain only one image")
    if role == "user" and not text_of(content) and not images:
        raise ProtocolError(400, "40004", "Text empty")
    _check_tool_fields(role, message)
    return images


def _count_images(content: Any) -> int:
    """Check a message `content` (a string, or a list of text and image parts); returns its image count."""
    if content is None or isinstance(content, str):
        return 0
    if not isinstance(content, list):
        raise invalid("messages.content")
    images = 0
    for part in content:
        if not isinstance(part, dict) or part.get("type") not in ("text", "image_url"):
            raise invalid("messages.content")
        if part["type"] == "text" and not isinstance(part.get("text"), str):
            raise invalid("messages.content.text")
        if part["type"] == "image_url":
            _check_image(part.get("imageUrl") or part.get("dataUri"))
            images += 1
    return images


def _check_image(image: Any) -> None:
    if not isinstance(image, dict) or not (image.get("url") or image.get("data")):
        raise invalid("messages.content.imageUrl")
    if image.get("data"):
        try:
            base64.b64decode(str(image["data"]), validate=True)
        except (binascii.Error, ValueError):
            raise ProtocolError(400, "40063", "Invalid image file") from None


def _check_tool_fields(role: str, message: dict[str, Any]) -> None:
    """`toolCallId` only (and always) on tool results; `toolCalls` only on assistant messages (3.1)."""
    if role == "tool":
        if not isinstance(message.get("toolCallId"), str) or not message["toolCallId"]:
            raise invalid("messages.toolCallId")
    elif "toolCallId" in message:
        raise invalid("messages.toolCallId")
    if "toolCalls" not in message:
        return
    calls = message["toolCalls"]
    if role != "assistant" or not isinstance(calls, list):
        raise invalid("messages.toolCalls")
    for call in calls:
        function = call.get("function") if isinstance(call, dict) else None
        if (
            not isinstance(function, dict)
            or not call.get("id")
            or call.get("type") != "function"
            or not isinstance(function.get("name"), str)
            # Section 3.1: arguments is a JSON OBJECT, not a string.
            or not isinstance(function.get("arguments"), dict)
        ):
            raise invalid("messages.toolCalls")
