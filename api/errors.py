"""Every error the API returns: one JSON shape, a Korean message, a machine code, the field, the request id.

```json
{"error": {"code": "message_too_long", "message": "메시지가 너무 깁니다 …", "field": "message",
           "request_id": "3f2c…"}}
```

Validation problems are 4xx; upstream failures (HyperCLOVA X, the index) are 503/504; anything
unexpected is a 500 whose body says nothing about internals (the traceback goes to the log only).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from agent.index.base import UNAVAILABLE_MESSAGE, IndexError_
from api.logs import get_logger, request_id_var

log = get_logger("errors")


class ErrorDetail(BaseModel):
    code: str = Field(description="machine-readable code, e.g. message_too_long, rate_limited, upstream_timeout")
    message: str = Field(description="what was wrong, in Korean, for the user")
    field: str | None = Field(default=None, description="the request field at fault (dotted path), if any")
    request_id: str | None = None


class ErrorResponse(BaseModel):
    error: ErrorDetail


class ApiError(Exception):
    """An error with a status, a code and a Korean message; raised anywhere, rendered by the handler."""

    def __init__(
        self, status: int, code: str, message: str, field: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = headers or {}


def error_payload(code: str, message: str, field: str | None = None, request_id: str | None = None) -> dict:
    rid = request_id or request_id_var.get()
    return {"error": {"code": code, "message": message, "field": field, "request_id": rid}}


def error_response(
    status: int, code: str, message: str, field: str | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_payload(code, message, field), status_code=status, headers=headers)


def error_body_bytes(code: str, message: str, field: str | None = None, request_id: str | None = None) -> bytes:
    return json.dumps(error_payload(code, message, field, request_id), ensure_ascii=False).encode("utf-8")


# --- validation errors ------------------------------------------------------------------------------

def _field_path(loc: tuple[Any, ...]) -> str | None:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or None


def _describe(err: dict[str, Any]) -> tuple[int, str, str, str | None]:
    """(status, code, Korean message, field) for one pydantic error."""
    kind = err.get("type", "")
    field = _field_path(tuple(err.get("loc", ())))
    label = field or "요청 본문"
    if kind == "json_invalid":
        return 400, "invalid_json", "요청 본문이 올바른 JSON이 아닙니다. JSON 형식을 확인해 주세요.", None
    if kind == "missing" and field is None:
        return 422, "missing_body", "요청 본문(JSON 객체)이 비어 있습니다.", None
    if kind == "missing":
        return 422, "missing_field", f"필수 항목 '{label}'이(가) 없습니다.", field
    if kind == "extra_forbidden":
        return 422, "unknown_field", f"알 수 없는 항목 '{label}'이(가) 있습니다. 허용되지 않는 필드입니다.", field
    if kind in ("model_attributes_type", "model_type", "dict_type") and field is None:
        return 422, "invalid_body", "요청 본문은 JSON 객체여야 합니다.", None
    if kind == "literal_error":
        expected = (err.get("ctx") or {}).get("expected", "")
        return 422, "invalid_value", f"'{label}' 값이 올바르지 않습니다. 허용되는 값: {expected}", field
    if kind in ("string_too_short", "string_pattern_mismatch") and field == "message":
        # After normalisation (api.schemas.normalize_message) empty and whitespace-only are one case.
        return 422, "empty_message", "메시지가 비어 있습니다. 질문을 입력해 주세요.", field
    if kind == "string_too_short":
        return 422, "empty_value", f"'{label}' 값이 비어 있습니다.", field
    if kind == "string_too_long":
        limit = (err.get("ctx") or {}).get("max_length")
        return 422, "value_too_long", f"'{label}' 값이 너무 깁니다 (최대 {limit}자).", field
    if kind == "too_long":
        limit = (err.get("ctx") or {}).get("max_length")
        return 422, "too_many_items", f"'{label}' 항목이 너무 많습니다 (최대 {limit}개).", field
    if kind == "string_pattern_mismatch":
        return 422, "invalid_format", f"'{label}' 값의 형식이 올바르지 않습니다.", field
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return 422, "invalid_type", f"'{label}' 값의 자료형이 올바르지 않습니다.", field
    return 422, "invalid_value", f"'{label}' 값이 올바르지 않습니다.", field


async def validation_error_handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = list(exc.errors())
    # Malformed JSON wins over everything else: nothing else about the body can be said.
    errors.sort(key=lambda e: 0 if e.get("type") == "json_invalid" else 1)
    status, code, message, field = _describe(errors[0]) if errors else (422, "invalid_request", "요청이 올바르지 않습니다.", None)
    log.info("request rejected", extra={"status": status, "code": code, "field": field})
    return error_response(status, code, message, field)


async def api_error_handler(request: Request, exc: ApiError) -> JSONResponse:
    log.info("request rejected", extra={"status": exc.status, "code": exc.code, "field": exc.field})
    return error_response(exc.status, exc.code, exc.message, exc.field, exc.headers)


_HTTP_MESSAGES = {
    404: ("not_found", "요청한 주소를 찾을 수 없습니다."),
    405: ("method_not_allowed", "이 주소에서 허용되지 않는 메서드입니다."),
}


def _body_parse_error(exc: StarletteHTTPException) -> tuple[str, str] | None:
    """FastAPI's bare 400 for a body it could not parse, by its cause: bytes that are not UTF-8, JSON
    nested past the parser's recursion limit, an integer too long to convert."""
    if exc.status_code != 400:
        return None
    cause = exc.__cause__
    if isinstance(cause, UnicodeDecodeError):
        return "invalid_encoding", "요청 본문을 UTF-8로 읽을 수 없습니다. JSON은 UTF-8로 보내 주세요."
    if isinstance(cause, RecursionError):
        return "invalid_json", "요청 본문의 JSON이 너무 깊게 중첩되어 있습니다."
    if isinstance(cause, ValueError) and "digits" in str(cause):
        return "invalid_json", "요청 본문의 JSON에 너무 긴 숫자가 있습니다."
    if cause is not None or exc.detail == "There was an error parsing the body":
        return "invalid_json", "요청 본문이 올바른 JSON이 아닙니다. JSON 형식을 확인해 주세요."
    return None


async def http_error_handler(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    known = _body_parse_error(exc) or _HTTP_MESSAGES.get(exc.status_code)
    code, message = known or ("http_error", "요청을 처리할 수 없습니다.")
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


# --- upstream failures --------------------------------------------------------------------------------

UPSTREAM_MESSAGES = {
    "upstream_timeout": (504, "답변 생성 서비스의 응답이 너무 늦습니다. 잠시 후 다시 시도해 주세요."),
    "upstream_rate_limited": (503, "답변 생성 서비스에 요청이 몰려 있습니다. 잠시 후 다시 시도해 주세요."),
    "upstream_unavailable": (503, "답변 생성 서비스에 일시적인 문제가 있습니다. 잠시 후 다시 시도해 주세요."),
    "index_unavailable": (503, UNAVAILABLE_MESSAGE),
    "service_misconfigured": (503, "서버 설정 문제로 지금은 답변할 수 없습니다. 관리자에게 문의해 주세요."),
    "internal_error": (500, "서버에서 예상하지 못한 오류가 발생했습니다. 잠시 후 다시 시도해 주세요."),
}


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 10:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _status_of(exc: BaseException) -> int | None:
    for attr in ("http_status", "status_code", "status"):
        value = getattr(exc, attr, None)
        if isinstance(value, int) and 100 <= value <= 599:
            return value
    response = getattr(exc, "response", None)
    value = getattr(response, "status_code", None)
    return value if isinstance(value, int) else None


# Index errors that an operator must fix (a wrong key, index or embedding model), not a passing outage.
_CONFIG_ERRORS = frozenset({"DimensionMismatchError", "PineconeConfigError"})


def _typed_upstream(item: BaseException) -> str | None:
    """The code of the assistant's own typed model failures (`agent.middleware.errors`), by type: their
    generic `status_code` must not hide the reason (a 401 is misconfiguration, not an outage)."""
    errors = sys.modules.get("agent.middleware.errors")
    if errors is None or not isinstance(item, errors.UpstreamError):
        return None
    if isinstance(item, errors.UpstreamTimeoutError):
        return "upstream_timeout"
    if isinstance(item, errors.UpstreamRateLimitedError):
        return "upstream_rate_limited"
    if isinstance(item, errors.UpstreamMisconfiguredError):
        return "service_misconfigured"
    return "upstream_unavailable"


def classify_upstream(exc: BaseException) -> str:
    """Which `UPSTREAM_MESSAGES` code an exception from the assistant maps to.

    Looks through the cause chain; knows the index errors (contract), the secrets error, HyperCLOVA X
    errors by their status, and timeouts (httpx, asyncio, the builtin). Modules are looked up in
    `sys.modules` rather than imported: an error type whose module was never loaded cannot be raised.
    """
    from agent.secrets import SecretsError  # light: boto3 is imported inside its functions

    chain = _chain(exc)
    for item in chain:
        if isinstance(item, SecretsError):
            return "service_misconfigured"
        if isinstance(item, IndexError_):
            return "service_misconfigured" if type(item).__name__ in _CONFIG_ERRORS else "index_unavailable"
        typed = _typed_upstream(item)
        if typed is not None:
            return typed
    httpx = sys.modules.get("httpx")
    for item in chain:
        if isinstance(item, TimeoutError) or (httpx is not None and isinstance(item, httpx.TimeoutException)):
            return "upstream_timeout"
        name = type(item).__name__.lower()
        if "timeout" in name:
            return "upstream_timeout"
    # A 429 anywhere in the chain (the model's own rate limit, wrapped after retries) says the most.
    for item in chain:
        if _status_of(item) == 429 or "ratelimit" in type(item).__name__.lower():
            return "upstream_rate_limited"
    for item in chain:
        status = _status_of(item)
        if status is not None and (status >= 500 or status in (401, 403)):
            # 401/403 from an upstream is our misconfiguration (a wrong key), not the user's fault.
            return "service_misconfigured" if status in (401, 403) else "upstream_unavailable"
    httpx_errors = (httpx.TransportError,) if httpx is not None else ()
    for item in chain:
        if isinstance(item, (ConnectionError, *httpx_errors)):
            return "upstream_unavailable"
        module = type(item).__module__ or ""
        if module.startswith(("agent.hyperclova", "agent.middleware.errors", "pinecone", "urllib3")):
            return "upstream_unavailable"
    return "internal_error"


def upstream_error_response(exc: BaseException) -> JSONResponse:
    code = classify_upstream(exc)
    status, message = UPSTREAM_MESSAGES[code]
    level = log.error if code == "internal_error" else log.warning
    level(
        "request failed",
        extra={"status": status, "code": code, "error_type": type(exc).__name__},
        exc_info=exc if code == "internal_error" else None,
    )
    headers = {"Retry-After": "10"} if status == 503 else None
    return error_response(status, code, message, headers=headers)


async def unexpected_error_handler(request: Request, exc: Exception) -> JSONResponse:
    return upstream_error_response(exc)
