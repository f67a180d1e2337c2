"""Model failures -> typed `UpstreamError`s with a clear Korean message.

`ChatHyperClovaX` already retries what is safe to retry (connection errors, 429, 5xx) `max_retries`
times; retrying again here would multiply the wait inside the request's deadline. So this middleware only
classifies what is left after those retries: a timeout becomes `UpstreamTimeoutError` (504), a 429
`UpstreamRateLimitedError`, a 401/403 `UpstreamMisconfiguredError`, anything else from the model
`UpstreamUnavailableError` (503). The exception message names the failure
class only (never the upstream body, never a key); the original stays chained as `__cause__`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from langchain.agents.middleware.types import AgentMiddleware, ModelRequest, ModelResponse
from langgraph.errors import GraphBubbleUp

from agent.middleware.errors import (
    AssistantError,
    UpstreamError,
    UpstreamMisconfiguredError,
    UpstreamRateLimitedError,
    UpstreamTimeoutError,
    UpstreamUnavailableError,
)

log = logging.getLogger(__name__)


def is_timeout(exc: BaseException) -> bool:
    """Timeouts from httpx, asyncio, the stdlib or a client's own timeout class (by name or status)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, (TimeoutError, asyncio.TimeoutError)):
            return True
        if "timeout" in type(current).__name__.lower():
            return True
        if getattr(current, "http_status", getattr(current, "status_code", None)) in (408, 504):
            return True
        current = current.__cause__ or current.__context__
    return False


def is_upstream(exc: BaseException) -> bool:
    """Failures of the remote model: the client's typed errors, HTTP/transport errors, timeouts.
    Anything else (a TypeError in our code) is a bug and propagates as is."""
    import httpx

    from agent.hyperclova.errors import HyperClovaError

    return isinstance(exc, (HyperClovaError, httpx.HTTPError, TimeoutError, ConnectionError, asyncio.TimeoutError))


def classify(exc: BaseException) -> UpstreamError:
    kind = type(exc).__name__
    status = getattr(exc, "http_status", getattr(exc, "status_code", None))
    detail = f"chat model failed: {kind}" + (f" (HTTP {status})" if status else "")
    if is_timeout(exc):
        return UpstreamTimeoutError(detail)
    if status == 429 or str(getattr(exc, "code", "") or "").startswith("429"):  # HTTP 429, or a 429xx SSE event
        return UpstreamRateLimitedError(detail)
    if status in (401, 403):
        return UpstreamMisconfiguredError(detail)
    return UpstreamUnavailableError(detail)


def _passthrough(exc: BaseException) -> bool:
    # Graph control flow, our own typed errors and plain bugs are not upstream failures.
    return isinstance(exc, (GraphBubbleUp, AssistantError)) or not is_upstream(exc)


class ModelErrorMiddleware(AgentMiddleware):
    """Wraps every model call; see the module docstring for the mapping."""

    def wrap_model_call(self, request: ModelRequest, handler: Callable[[ModelRequest], ModelResponse]) -> Any:
        try:
            return handler(request)
        except Exception as exc:
            if _passthrough(exc):
                raise
            error = classify(exc)
            log.warning("%s", error)
            raise error from exc

    async def awrap_model_call(
        self, request: ModelRequest, handler: Callable[[ModelRequest], Awaitable[ModelResponse]]
    ) -> Any:
        try:
            return await handler(request)
        except Exception as exc:
            if _passthrough(exc):
                raise
            error = classify(exc)
            log.warning("%s", error)
            raise error from exc
