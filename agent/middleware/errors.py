"""Typed failures the assistant raises, so callers (the API, the CLI) can tell them apart.

Mapping for the HTTP service:
- `InputRejectedError` (a `ValueError`)  -> 400/413/422: the message says what was wrong with the input.
- `UpstreamTimeoutError`                 -> 504: the model did not answer in time (after its own retries).
- `UpstreamUnavailableError`             -> 503: the model failed (after retries);
  its subclasses `UpstreamRateLimitedError` (429 after retries) and `UpstreamMisconfiguredError` (401/403:
  our key is wrong or lacks permission, so retrying later will not help) keep the reason apart.
- `agent.index.base.IndexError_`         -> 503: the course index could not be reached (propagated as is).
Every `UpstreamError` carries `user_message`, a clear Korean sentence safe to show to a student; its
`str()` never includes keys or the upstream response body.
"""

from __future__ import annotations

UPSTREAM_MESSAGE = "지금은 답변 모델에 연결할 수 없어요. 잠시 후 다시 시도해 주세요."
TIMEOUT_MESSAGE = "답변 모델의 응답이 너무 늦어요. 잠시 후 다시 시도해 주세요."
RATE_LIMITED_MESSAGE = "답변 모델에 요청이 몰려 있어요. 잠시 후 다시 시도해 주세요."
MISCONFIGURED_MESSAGE = "서버 설정 문제로 지금은 답변할 수 없어요. 관리자에게 문의해 주세요."


class AssistantError(RuntimeError):
    """Base for failures `CourseAssistant` reports on purpose."""

    user_message: str = "요청을 처리하지 못했어요."


class InputRejectedError(AssistantError, ValueError):
    """The question itself is unusable (empty, too long). `reason` is a short machine-readable code."""

    def __init__(self, message: str, *, reason: str, limit: int | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.limit = limit
        self.user_message = message


class UpstreamError(AssistantError):
    """The chat model failed after its own retries. `status_code` is what an HTTP API should answer."""

    status_code = 503

    def __init__(self, detail: str, *, user_message: str = UPSTREAM_MESSAGE) -> None:
        super().__init__(detail)
        self.user_message = user_message


class UpstreamUnavailableError(UpstreamError):
    status_code = 503


class UpstreamTimeoutError(UpstreamError):
    status_code = 504

    def __init__(self, detail: str, *, user_message: str = TIMEOUT_MESSAGE) -> None:
        super().__init__(detail, user_message=user_message)


class UpstreamRateLimitedError(UpstreamUnavailableError):
    """The model kept answering 429 after its retries."""

    def __init__(self, detail: str, *, user_message: str = RATE_LIMITED_MESSAGE) -> None:
        super().__init__(detail, user_message=user_message)


class UpstreamMisconfiguredError(UpstreamUnavailableError):
    """The model refused our credentials (401/403): an operator must fix the key, a retry will not."""

    def __init__(self, detail: str, *, user_message: str = MISCONFIGURED_MESSAGE) -> None:
        super().__init__(detail, user_message=user_message)
