"""Cross-cutting agent concerns, one small module each (see each module's docstring)."""

from agent.middleware.errors import (
    AssistantError,
    InputRejectedError,
    UpstreamError,
    UpstreamMisconfiguredError,
    UpstreamRateLimitedError,
    UpstreamTimeoutError,
    UpstreamUnavailableError,
)
from agent.middleware.history import HistoryBudgetMiddleware, trim_history
from agent.middleware.input_cap import InputCapMiddleware, check_question
from agent.middleware.leak_guard import REFUSAL, LeakGuard, LeakGuardMiddleware
from agent.middleware.model_errors import ModelErrorMiddleware
from agent.middleware.tool_errors import tool_error_middleware
from agent.middleware.tool_rounds import ToolRoundLimitMiddleware

__all__ = [
    "REFUSAL",
    "AssistantError",
    "HistoryBudgetMiddleware",
    "InputCapMiddleware",
    "InputRejectedError",
    "LeakGuard",
    "LeakGuardMiddleware",
    "ModelErrorMiddleware",
    "ToolRoundLimitMiddleware",
    "UpstreamError",
    "UpstreamMisconfiguredError",
    "UpstreamRateLimitedError",
    "UpstreamTimeoutError",
    "UpstreamUnavailableError",
    "check_question",
    "tool_error_middleware",
    "trim_history",
]
