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
        503: "HyperCLOVA X, the course index or the feedback store unavailable, or the service misconfigured",
        504: "HyperCLOVA X timed out",
    }
    return {status: {"model": ErrorResponse, "description": descriptions[status]} for status in statuses}


BODY_ERRORS = errors(400, 413, 415, 422, 429, 500)
UPSTREAM_ERRORS = errors(503, 504)


def json_errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The same errors for a route whose success is not JSON (the SSE stream): FastAPI would document a
    `model` under the route's own media type, so the JSON content is spelled out."""
    documented = errors(*statuses)
    ref = {"$ref": "#/components/schemas/ErrorResponse"}
    return {
        status: {"description": entry["description"], "content": {"application/json": {"schema": ref}}}
        for status, entry in documented.items()
    }
