"""OpenAPI descriptions of the error responses every route may return (one `ErrorResponse` shape)."""

from __future__ import annotations

from typing import Any

from api.errors import ErrorResponse


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        400: "malformed JSON",
        413: "body larger than MAX_BODY_BYTES",
        415: "body is not application/json",
        422: "a field is missing, unknown, of the wrong type, or over a limit",
        429: "per-client rate limit (see Retry-After)",
        500: "unexpected error (no internals disclosed)",
        503: "HyperCLOVA X or the course index unavailable, or the service misconfigured",
        504: "HyperCLOVA X timed out",
    }
    return {status: {"model": ErrorResponse, "description": descriptions[status]} for status in statuses}


BODY_ERRORS = errors(400, 413, 415, 422, 429, 500)
UPSTREAM_ERRORS = errors(503, 504)
