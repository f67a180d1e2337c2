"""The FastAPI application: `create_app(settings=None, assistant=None)` and the module-level `app`.

Everything is assembled here: settings on `app.state`, the lazily built assistant, routers, error
handlers, middleware (CORS → request context → guard), and the built chat page (`frontend/dist`)
mounted at `/` after the API routes, so `coursebot serve` gives API and page on one port.

Import cost matters (Lambda cold start): nothing here imports the agent, the index or the embedding
model; the first request that needs the assistant builds it (`api.deps.AssistantProvider`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from agent.answer import AssistantProtocol
from agent.settings import PROJECT_ROOT, Settings, get_settings
from api.deps import AssistantProvider, build_assistant
from api.errors import (
    ApiError,
    api_error_handler,
    http_error_handler,
    unexpected_error_handler,
    validation_error_handler,
)
from api.logs import configure_logging, secret_values
from api.middleware import JsonCORSMiddleware, RequestContextMiddleware, RequestGuardMiddleware
from api.ratelimit import TokenBucketLimiter, TrustedProxies
from api.routes import api_router

FRONTEND_DIST = PROJECT_ROOT / "frontend" / "dist"
_DEFAULT = object()


def create_app(
    settings: Settings | None = None,
    assistant: AssistantProtocol | None = None,
    *,
    assistant_factory: Callable[[Settings], AssistantProtocol] = build_assistant,
    static_dir: Path | None | object = _DEFAULT,
) -> FastAPI:
    """Build the app.

    - `settings`: defaults to `get_settings()` (environment, then `.env`).
    - `assistant`: a ready assistant (tests, `coursebot serve`); without one, the first request that
      needs it calls `assistant_factory(settings)` (production: secrets from SSM, then
      `CourseAssistant.from_settings`).
    - `static_dir`: the built page to serve at `/` (default `frontend/dist` if it exists; None = no page).
    """
    settings = settings or get_settings()
    configure_logging(settings.log_level, secret_values(settings))
    app = FastAPI(
        title="coursebot API",
        summary="한국어 수강편람 챗봇 API",
        version="0.1.0",
        description="Course-information chat for Korean universities. Errors share one JSON shape "
        "(`ErrorResponse`): a machine code, a Korean message, the field at fault and the request id.",
    )
    app.state.settings = settings
    app.state.assistant_provider = AssistantProvider(settings, assistant, assistant_factory)

    app.include_router(api_router)

    app.add_exception_handler(RequestValidationError, validation_error_handler)  # type: ignore[arg-type]
    app.add_exception_handler(ApiError, api_error_handler)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, http_error_handler)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, unexpected_error_handler)

    # add_middleware puts each new one outermost: guard (inner), request context, CORS (outer).
    app.add_middleware(
        RequestGuardMiddleware,
        max_body_bytes=settings.max_body_bytes,
        limiter=TokenBucketLimiter(settings.rate_limit_per_minute),
        router=app.router,
        trusted_proxies=TrustedProxies(settings.forwarded_allow_ips),
    )
    app.add_middleware(RequestContextMiddleware, deadline_seconds=settings.request_deadline)
    app.add_middleware(
        JsonCORSMiddleware,
        allow_origins=list(settings.allowed_origins),
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "X-Request-ID"],
        expose_headers=["X-Request-ID", "Retry-After"],
        max_age=600,
    )

    page = FRONTEND_DIST if static_dir is _DEFAULT else static_dir
    if isinstance(page, Path) and (page / "index.html").is_file():
        from api.static import mount_page

        mount_page(app, page, settings)
    return app


app = create_app()
