"""HyperCLOVA X v3 protocol facts, written from `shared/reference/hyperclova-x-api.md`: models, fields and
limits, the error type, auth and model checks, and the pieces of response bodies.

Used by the loopback server (`tests.fakes.hyperclova`; request bodies are checked in `validation`).
Everything here follows the reference section it cites, NOT the project's client: the point of the server is
to catch a client that drifts from the protocol.
"""

from __future__ import annotations

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


# --------------------------------------------------------------------------------------------------
# Response bodies (sections 4 and 5)


def text_of(content: Any) -> str:
    """The text of a message `content`: the string, or its text parts joined."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return ""


def count_prompt_tokens(body: dict[str, Any]) -> int:
    """A deterministic stand-in for the tokenizer: ~1 token per 3 characters, +3 per message."""
    total = 0
    for message in body.get("messages") or []:
        total += 3 + len(text_of(message.get("content"))) // 3
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
