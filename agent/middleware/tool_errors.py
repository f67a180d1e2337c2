"""Tool-error handling: a tool failure becomes a tool message the model can read, not a dead turn.

- `ToolInputError` (bad code, unknown department, malformed time...): its Korean message verbatim,
  so the model can fix the call or tell the student what is missing.
- `IndexError_` (the index is unreachable): propagated, so the API answers 503 instead of the model
  pretending there are no courses.
- anything else: a generic message naming the tool and the error class only (no internals), logged.
"""

from __future__ import annotations

import logging

from langchain.agents.middleware.tool_error import ToolErrorMiddleware

from agent.index.base import IndexError_
from tools.context import ToolInputError

log = logging.getLogger(__name__)


def tool_error_message(exc: Exception, request: object) -> str | None:
    tool_call = getattr(request, "tool_call", {}) or {}
    name = tool_call.get("name", "tool")
    if isinstance(exc, IndexError_):
        return None
    if isinstance(exc, ToolInputError):
        return f"{name} 오류: {exc}"
    log.exception("tool %s failed", name, exc_info=exc)
    return f"{name} 도구 실행 중 문제가 생겼습니다 ({type(exc).__name__}). 다른 방법으로 시도하거나 학생에게 알리세요."


def tool_error_middleware() -> ToolErrorMiddleware:
    return ToolErrorMiddleware(tool_error_message)
