"""FastAPI dependencies: the app's settings, the request id, and the assistant (built lazily, once).

Routes declare what they need as `Annotated` types (`SettingsDep`, `AssistantDep`, `RequestIdDep`);
tests may construct the app with a ready assistant (`create_app(settings, assistant)`) or override
`get_assistant` in `app.dependency_overrides`.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from agent.answer import AssistantProtocol
from agent.deadline import remaining
from agent.settings import Settings
from api.errors import UPSTREAM_MESSAGES, ApiError, classify_upstream
from api.logs import configure_logging, get_logger, secret_values

log = get_logger("deps")


def build_assistant(settings: Settings) -> AssistantProtocol:
    """The production assistant: secrets resolved from Parameter Store (once per process), then
    `CourseAssistant.from_settings` (which opens the index and loads the embedding model)."""
    from agent.assistant import CourseAssistant
    from agent.secrets import resolve_settings

    resolved = resolve_settings(settings)
    configure_logging(resolved.log_level, secret_values(resolved))
    return CourseAssistant.from_settings(resolved)


class AssistantProvider:
    """Holds the process's one assistant. The first request builds it (in a worker thread, under a
    lock, so concurrent first requests build it once); a failed build is not cached, so the next
    request retries (a parameter created after the container started is picked up)."""

    def __init__(
        self,
        settings: Settings,
        assistant: AssistantProtocol | None = None,
        factory: Callable[[Settings], AssistantProtocol] = build_assistant,
    ) -> None:
        self.settings = settings
        self._assistant = assistant
        self._factory = factory
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._assistant is not None

    def get(self) -> AssistantProtocol:
        if self._assistant is None:
            with self._lock:
                if self._assistant is None:
                    started = time.perf_counter()
                    log.info("building assistant")
                    self._assistant = self._factory(self.settings)
                    # Cold-start cost in CloudWatch: secrets, imports, index connection, model.
                    log.info("assistant built", extra={
                        "mode": getattr(self._assistant, "mode", None),
                        "build_ms": round((time.perf_counter() - started) * 1000, 1),
                    })
        return self._assistant


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_assistant(request: Request) -> AssistantProtocol:
    provider: AssistantProvider = request.app.state.assistant_provider
    if provider.ready:
        return provider.get()
    try:
        # Within the request's time budget: a cold start waiting on SSM or the index answers 504 in time
        # (the build itself goes on in its thread and serves the next request).
        return await asyncio.wait_for(run_in_threadpool(provider.get), remaining())
    except Exception as exc:
        code = classify_upstream(exc)
        if code == "internal_error":
            code = "service_misconfigured"
        status, message = UPSTREAM_MESSAGES[code]
        # The parameter that failed is named in the log for the operator, not to the student.
        log.error("assistant could not be built", extra={"code": code, "error_type": type(exc).__name__,
                                                           "parameters": _parameter_names(exc),
                                                           "error": str(exc)[:300]})
        raise ApiError(status, code, message, headers={"Retry-After": "30"}) from None


def _parameter_names(exc: BaseException) -> list[str]:
    """The Parameter Store names a `SecretsError` could not read (names, never values)."""
    from agent.secrets import SecretsError

    current: BaseException | None = exc
    while current is not None:
        if isinstance(current, SecretsError):
            return current.names
        current = current.__cause__ or current.__context__
    return []


def get_request_id(request: Request) -> str:
    return request.state.request_id


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
AssistantDep = Annotated[AssistantProtocol, Depends(get_assistant)]
RequestIdDep = Annotated[str, Depends(get_request_id)]
