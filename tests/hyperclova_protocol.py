"""HyperCLOVA X v3 request validation and response bodies, written from `shared/reference/hyperclova-x-api.md`.

Used by `tests/hyperclova_server.py` (the loopback server). Everything here follows the reference section it
cites, NOT the project's client: the point of the server is to catch a client that drifts from the protocol.
"""

from __future__ import annotations

import base64
import binascii
import json
import random
import time
import uuid
from typing import Any

# Section 2: models and their output limits; which are v1-only.
V3_MODELS: dict[str, int] = {"HCX-007": 32768, "HCX-005": 4096, "HCX-DASH-002": 4096}
V1_ONLY_MODELS = {"HCX-003", "HCX-DASH-001"}
# Section 2: max input tokens (the server counts with `count_prompt_tokens`, a stand-in tokenizer).
MAX_INPUT_TOKENS: dict[str, int] = {"HCX-007": 128000, "HCX-005": 128000, "HCX-DASH-002": 32000}
THINKING_MODEL = "HCX-007"
VISION_MODEL = "HCX-005"

# Section 3: every documented v3 body field (camelCase).
BODY_FIELDS = {
    "messages",
    "topP",
    "topK",
    "maxTokens",
    "maxCompletionTokens",
    "temperature",
    "repetitionPenalty",
    "stop",
    "seed",
    "includeAiFilters",
    "thinking",
    "tools",
    "toolChoice",
    "responseFormat",
}
# Section 3 note: the fc doc's step-4 example sends these v1 names to v3; tolerate (ignore) them by default.
LEGACY_FIELDS = {"repeatPenalty", "stopBefore"}
MESSAGE_FIELDS = {"role", "content", "toolCalls", "toolCallId"}
ROLES = {"system", "user", "assistant", "tool"}
EFFORTS = {"none", "low", "medium", "high"}
# Section 3: default maxCompletionTokens by effort (HCX-007).
EFFORT_DEFAULT_LIMIT = {"none": 512, "low": 5120, "medium": 10240, "high": 20480}
SCHEMA_TYPES = {"string", "number", "boolean", "integer", "object", "array"}
SCHEMA_FORMATS = {"date-time", "date", "time", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"}
SEED_MAX = 4294967295
MAX_BODY_BYTES = 50 * 1024 * 1024


class ProtocolError(Exception):
    """A documented error: HTTP status + CLOVA `status.code` + message (section 7)."""

    def __init__(self, http_status: int, code: str, message: str) -> None:
        super().__init__(f"{http_status} {code} {message}")
        self.http_status = http_status
        self.code = code
        self.message = message

    def envelope(self) -> dict[str, Any]:
        return {"status": {"code": self.code, "message": self.message}}


def invalid(*names: str) -> ProtocolError:
    """400 / 40001 "Invalid parameter: <names>" (section 12.3; message shape from the [OBS] examples)."""
    return ProtocolError(400, "40001", "Invalid parameter: " + ", ".join(names))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_model(model: str) -> None:
    """Section 12.1: unknown model -> 40080, v1-only model on v3 -> 40084."""
    if model in V1_ONLY_MODELS:
        raise ProtocolError(400, "40084", "Unsupported API for model")
    if model not in V3_MODELS:
        raise ProtocolError(400, "40080", "Model not found")


def check_auth(headers: dict[str, str], api_keys: set[str]) -> None:
    """Section 12.2: missing/non-Bearer -> 401/40100; key not allowed -> 401/40104."""
    auth = headers.get("authorization", "")
    if not auth.startswith("Bearer ") or not auth[7:].strip():
        raise ProtocolError(401, "40100", "Unauthorized")
    if auth[7:].strip() not in api_keys:
        raise ProtocolError(401, "40104", "Invalid key")


def effective_effort(model: str, body: dict[str, Any]) -> str | None:
    """Thinking effort in force: HCX-007 defaults to `low` (section 3); other models never think."""
    if model != THINKING_MODEL:
        return None
    thinking = body.get("thinking")
    if isinstance(thinking, dict) and thinking.get("effort") in EFFORTS:
        return str(thinking["effort"])
    return "low"


def _check_schema(schema: Any, path: str = "schema") -> None:
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
        _check_schema(sub, path)
    if "items" in schema:
        _check_schema(schema["items"], path)
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key) or []:
            _check_schema(sub, path)
    for sub in (schema.get("$defs") or schema.get("definitions") or {}).values():
        _check_schema(sub, path)


def _check_messages(model: str, messages: Any, has_tools: bool) -> None:
    if not isinstance(messages, list) or not messages:
        raise invalid("messages")
    systems = 0
    images_total = 0
    for message in messages:
        if not isinstance(message, dict):
            raise invalid("messages")
        unknown = set(message) - MESSAGE_FIELDS
        if unknown:
            raise invalid(*sorted(f"messages.{name}" for name in unknown))
        role = message.get("role")
        if role not in ROLES:
            raise invalid("messages.role")
        if role == "system":
            systems += 1
        content = message.get("content")
        images_here = 0
        if isinstance(content, list):
            for part in content:
                if not isinstance(part, dict) or part.get("type") not in ("text", "image_url"):
                    raise invalid("messages.content")
                if part["type"] == "text" and not isinstance(part.get("text"), str):
                    raise invalid("messages.content.text")
                if part["type"] == "image_url":
                    image = part.get("imageUrl") or part.get("dataUri")
                    if not isinstance(image, dict) or not (image.get("url") or image.get("data")):
                        raise invalid("messages.content.imageUrl")
                    if image.get("data"):
                        try:
                            base64.b64decode(str(image["data"]), validate=True)
                        except (binascii.Error, ValueError):
                            raise ProtocolError(400, "40063", "Invalid image file") from None
                    images_here += 1
        elif content is not None and not isinstance(content, str):
            raise invalid("messages.content")
        if images_here:
            if model != VISION_MODEL:
                raise ProtocolError(400, "40009", "Unsupported input format")
            if has_tools:
                raise invalid("tools", "image")
            if images_here > 1:
                raise ProtocolError(400, "40000", "Each user message can contain only one image")
            images_total += images_here
        if role == "user" and not _text_of(content) and not images_here:
            raise ProtocolError(400, "40004", "Text empty")
        if role == "tool":
            if not isinstance(message.get("toolCallId"), str) or not message["toolCallId"]:
                raise invalid("messages.toolCallId")
        elif "toolCallId" in message:
            raise invalid("messages.toolCallId")
        if "toolCalls" in message:
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
    if systems > 1:
        raise invalid("messages.role")  # section 2: only one system message per request
    if images_total > 5:
        raise ProtocolError(400, "40003", "Image limit exceeded")


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


def validate_body(
    model: str, body: Any, *, unknown_fields: str = "reject", legacy_fields: str = "ignore"
) -> list[str]:
    """Validate a v3 chat body per section 3 / 12.3. Returns the names it ignored; raises ProtocolError."""
    if not isinstance(body, dict):
        raise ProtocolError(400, "40000", "Bad request")
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
    limit = V3_MODELS[model]
    bad: list[str] = []
    if "temperature" in body and not (_is_number(body["temperature"]) and 0 <= body["temperature"] <= 1):
        bad.append("temperature")
    if "topP" in body and not (_is_number(body["topP"]) and 0 < body["topP"] <= 1):
        bad.append("topP")
    if "topK" in body and not (_is_int(body["topK"]) and 0 <= body["topK"] <= 128):
        bad.append("topK")
    if "repetitionPenalty" in body and not (
        _is_number(body["repetitionPenalty"]) and 0 < body["repetitionPenalty"] <= 2
    ):
        bad.append("repetitionPenalty")
    if "seed" in body and not (_is_int(body["seed"]) and 0 <= body["seed"] <= SEED_MAX):
        bad.append("seed")
    for name in ("maxTokens", "maxCompletionTokens"):
        if name in body and not (_is_int(body[name]) and 1 <= body[name] <= limit):
            bad.append(name)
    if "stop" in body and not (
        isinstance(body["stop"], list) and all(isinstance(s, str) for s in body["stop"])
    ):
        bad.append("stop")
    if "includeAiFilters" in body and not isinstance(body["includeAiFilters"], bool):
        bad.append("includeAiFilters")
    if "thinking" in body:
        thinking = body["thinking"]
        if model != THINKING_MODEL or not isinstance(thinking, dict) or thinking.get("effort") not in EFFORTS:
            bad.append("thinking")
    if bad:
        raise invalid(*bad)

    # Mutual exclusions (section 3).
    if "maxTokens" in body and "maxCompletionTokens" in body:
        raise invalid("maxTokens", "maxCompletionTokens")
    if model == THINKING_MODEL and "maxTokens" in body:
        raise invalid("maxTokens")
    if model != THINKING_MODEL and "maxCompletionTokens" in body:
        raise invalid("maxCompletionTokens")
    effort = effective_effort(model, body)
    has_tools = "tools" in body
    thinking_on = effort not in (None, "none")
    if has_tools and thinking_on:
        raise invalid("tools", "thinking")
    if "responseFormat" in body:
        if model != THINKING_MODEL:
            raise ProtocolError(400, "40009", "Unsupported function")
        if has_tools:
            raise invalid("tools", "responseFormat")
        if thinking_on:
            raise invalid("responseFormat", "thinking")
        response_format = body["responseFormat"]
        if not isinstance(response_format, dict) or response_format.get("type") != "json":
            raise invalid("responseFormat")
        _check_schema(response_format.get("schema"))
    if thinking_on and body.get("stop"):
        raise invalid("stop", "thinking")
    if has_tools:
        _check_tools(body["tools"], body.get("toolChoice"))
        for name in ("maxTokens", "maxCompletionTokens"):
            if name in body and body[name] < 1024:
                raise invalid(name)
    elif "toolChoice" in body:
        raise invalid("toolChoice")
    _check_messages(model, body.get("messages"), has_tools)
    if count_prompt_tokens(body) > MAX_INPUT_TOKENS[model]:
        raise ProtocolError(400, "40003", "Context length exceeded")
    return ignored


# --------------------------------------------------------------------------------------------------
# Response bodies (sections 4 and 5)


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return ""


def count_prompt_tokens(body: dict[str, Any]) -> int:
    """A deterministic stand-in for the tokenizer: ~1 token per 3 characters, +3 per message."""
    total = 0
    for message in body.get("messages") or []:
        total += 3 + len(_text_of(message.get("content"))) // 3
        for call in message.get("toolCalls") or []:
            total += len(json.dumps(call.get("function", {}), ensure_ascii=False)) // 3
    for tool in body.get("tools") or []:
        total += len(json.dumps(tool, ensure_ascii=False)) // 4
    return max(total, 1)


def split_tokens(text: str, size: int = 3) -> list[str]:
    """The server's "tokens": up to `size` characters each (the doc examples stream syllable-sized deltas)."""
    return [text[i : i + size] for i in range(0, len(text), size)]


def make_seed(body: dict[str, Any], rng: random.Random) -> int:
    """Section 4: echo the request seed, or a random one when 0/absent."""
    seed = body.get("seed") or 0
    return int(seed) if seed else rng.randint(1, SEED_MAX)


def make_created(created_ms: bool) -> int:
    return int(time.time() * 1000) if created_ms else int(time.time())


def ai_filter() -> list[dict[str, str]]:
    """Section 4: three entries, scores as STRINGS."""
    return [
        {"groupName": "curse", "name": "insult", "score": "0", "result": "OK"},
        {"groupName": "curse", "name": "discrimination", "score": "0", "result": "OK"},
        {"groupName": "unsafeContents", "name": "sexualHarassment", "score": "0", "result": "OK"},
    ]


def tool_call_id(rng: random.Random) -> str:
    """Section 12.4: `call_<24 chars>`."""
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "call_" + "".join(rng.choice(alphabet) for _ in range(24))


def sample_from_schema(schema: Any, defs: dict[str, Any] | None = None, depth: int = 0) -> Any:
    """A deterministic instance of a JSON Schema (what the fake 'model' fills tool args / structured output with)."""
    if not isinstance(schema, dict) or depth > 8:
        return None
    defs = defs if defs is not None else (schema.get("$defs") or schema.get("definitions") or {})
    if "$ref" in schema:
        return sample_from_schema(defs.get(schema["$ref"].rsplit("/", 1)[-1], {}), defs, depth + 1)
    if "enum" in schema and schema["enum"]:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    for key in ("anyOf", "oneOf", "allOf"):
        options = [o for o in schema.get(key) or [] if isinstance(o, dict) and o.get("type") != "null"]
        if options:
            return sample_from_schema(options[0], defs, depth + 1)
    if "default" in schema:
        return schema["default"]
    stype = schema.get("type")
    if isinstance(stype, list):
        stype = next((t for t in stype if t != "null"), None)
    if stype == "object" or (stype is None and "properties" in schema):
        props = schema.get("properties") or {}
        return {name: sample_from_schema(sub, defs, depth + 1) for name, sub in props.items()}
    if stype == "array":
        item = sample_from_schema(schema.get("items", {}), defs, depth + 1)
        count = max(int(schema.get("minItems", 1)), 1)
        return [item for _ in range(count)]
    if stype == "integer":
        return int(schema.get("minimum", 1))
    if stype == "number":
        return float(schema.get("minimum", 1.0))
    if stype == "boolean":
        return True
    if stype == "string":
        return {
            "date-time": "2026-03-02T09:00:00+09:00",
            "date": "2026-03-02",
            "time": "09:00:00",
            "duration": "PT1H",
            "email": "student@example.ac.kr",
            "hostname": "example.ac.kr",
            "ipv4": "127.0.0.1",
            "ipv6": "::1",
            "uuid": "00000000-0000-4000-8000-000000000000",
        }.get(schema.get("format", ""), "예시")
    return None


def new_event_id() -> str:
    return str(uuid.uuid4())
