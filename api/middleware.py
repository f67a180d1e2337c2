"""ASGI middleware: request context (id, logs, last-resort 500) and the request guard (rate limit,
content type, body size). Pure ASGI rather than `BaseHTTPMiddleware` so streaming responses pass
through untouched and the body is read once.

Order (outermost first, see `api.main.create_app`): CORS → RequestContext → RequestGuard → routes.
CORS is outermost so every answer, errors included, carries the CORS headers a browser needs to
read the error message.
"""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse, Response
from starlette.routing import Match, Mount, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from agent.deadline import request_deadline
from agent.startup import end_startup
from api.errors import UPSTREAM_MESSAGES, error_body_bytes, error_payload
from api.logs import get_logger, lambda_request_id_var, request_id_var
from api.ratelimit import TokenBucketLimiter, TrustedProxies, client_key, retry_after_header

log = get_logger("http")
_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key == name:
            return value.decode("latin-1")
    return None


async def send_json_error(
    send: Send, status: int, code: str, message: str, field: str | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    body = error_body_bytes(code, message, field)
    raw_headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    for key, value in (headers or {}).items():
        raw_headers.append((key.lower().encode("latin-1"), value.encode("latin-1")))
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


class RequestContextMiddleware:
    """Gives every request an id (a sane incoming `X-Request-ID` is kept), echoes it in the response
    header, logs one JSON line per request (never the body), turns anything that escaped the
    routes into a 500 JSON body without internals, and starts the request's time budget
    (`deadline_seconds`, see `agent.deadline`)."""

    def __init__(self, app: ASGIApp, deadline_seconds: float | None = None) -> None:
        self.app = app
        self.deadline_seconds = deadline_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _header(scope, b"x-request-id")
        request_id = incoming if incoming and _REQUEST_ID_RE.match(incoming) else uuid.uuid4().hex
        context = scope.get("aws.context")
        lambda_id = getattr(context, "aws_request_id", None) if context is not None else None
        scope.setdefault("state", {})["request_id"] = request_id
        rid_token = request_id_var.set(request_id)
        lid_token = lambda_request_id_var.set(lambda_id)
        started = time.perf_counter()
        status_holder: dict[str, Any] = {"status": None}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            with request_deadline(self.deadline_seconds):
                await self.app(scope, receive, send_with_id)
        except Exception:
            log.error("unhandled error", exc_info=True)
            if status_holder["status"] is None:
                status, message = UPSTREAM_MESSAGES["internal_error"]
                await send_json_error(send_with_id, status, "internal_error", message)
        finally:
            log.info(
                "request",
                extra={
                    "method": scope.get("method"),
                    "path": scope.get("path"),
                    "status": status_holder["status"],
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            request_id_var.reset(rid_token)
            lambda_request_id_var.reset(lid_token)
            end_startup()  # a no-op after a Lambda container's first request (see agent/startup.py)


def routed(router: Router | None, scope: Scope) -> bool:
    """Whether an API route takes this method at this path (the page's static mount does not count: it
    takes no bodies). Without a router (a bare app under test), every request counts as routed."""
    if router is None:
        return True
    return any(not isinstance(route, Mount) and route.matches(scope)[0] == Match.FULL for route in router.routes)


class RequestGuardMiddleware:
    """Rejects before any route runs: too many requests from one client (429 + Retry-After), a body
    that is not JSON (415), a body over `max_body_bytes` (413). Applies to methods with a body; the body
    checks only to a route that takes the method (else the router answers 404 or 405 with `Allow`).
    `trusted_proxies`: the peers whose `X-Forwarded-For` names the client (`FORWARDED_ALLOW_IPS`)."""

    def __init__(
        self, app: ASGIApp, *, max_body_bytes: int, limiter: TokenBucketLimiter,
        router: Router | None = None, trusted_proxies: TrustedProxies | None = None,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.limiter = limiter
        self.router = router
        self.trusted_proxies = trusted_proxies or TrustedProxies(())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        wait = self.limiter.acquire(client_key(scope, self.trusted_proxies))
        if wait > 0:
            await send_json_error(
                send, 429, "rate_limited",
                f"요청이 너무 많습니다. {retry_after_header(wait)}초 후에 다시 시도해 주세요.",
                headers={"Retry-After": retry_after_header(wait)},
            )
            return
        if not routed(self.router, scope):
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > self.max_body_bytes:
            await self._too_large(send)
            return
        content_type = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
        if not (content_type == "application/json" or (content_type.startswith("application/")
                                                       and content_type.endswith("+json"))):
            shown = content_type or "없음"
            await send_json_error(
                send, 415, "unsupported_media_type",
                f"요청 본문은 JSON이어야 합니다 (Content-Type: application/json). 받은 형식: {shown}",
                field="content-type",
            )
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await self._too_large(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        limit_kb = self.max_body_bytes / 1024
        await send_json_error(
            send, 413, "body_too_large",
            f"요청 본문이 너무 큽니다 (최대 {self.max_body_bytes}바이트, 약 {limit_kb:.0f}KB).",
        )


class JsonCORSMiddleware(CORSMiddleware):
    """Starlette's CORS (origins exactly from ALLOWED_ORIGINS), with a rejected preflight answered in
    the API's JSON error shape instead of plain text, and every preflight carrying a request id (it is
    answered here, before the request-context middleware would give it one)."""

    def preflight_response(self, request_headers: Headers) -> Response:
        incoming = request_headers.get("x-request-id")
        request_id = incoming if incoming and _REQUEST_ID_RE.match(incoming) else uuid.uuid4().hex
        response = super().preflight_response(request_headers)
        if response.status_code == 400:
            reason = bytes(response.body).decode("utf-8", "replace")
            origin = request_headers.get("origin", "")
            log.info("cors preflight rejected", extra={"origin": origin[:200], "reason": reason,
                                                        "request_id": request_id})
            response = JSONResponse(
                error_payload("cors_rejected", f"허용되지 않은 교차 출처 요청입니다 (CORS): {reason}",
                              request_id=request_id),
                status_code=400,
            )
        response.headers["X-Request-ID"] = request_id
        return response
