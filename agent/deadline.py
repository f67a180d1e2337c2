"""One time budget per request: a deadline every upstream call (HyperCLOVA X, SSM, Pinecone) fits inside.

The API sets it when a request arrives (`REQUEST_DEADLINE`, 25 s by default, under API Gateway's 29 s);
clients read what is left with `remaining()` and cut their own per-attempt timeouts and retry waits to it,
so retries can never add up past the budget. Outside a request (CLI, evals) there is no deadline and
`remaining()` is None. The value lives in a context variable: asyncio tasks and worker threads started
with a copied context (`asyncio.to_thread`, Starlette's threadpool) see the request's deadline.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_deadline: ContextVar[float | None] = ContextVar("coursebot_request_deadline", default=None)


class DeadlineExceeded(TimeoutError):
    """The request's time budget is spent (a `TimeoutError`: the API answers 504 `upstream_timeout`)."""


@contextmanager
def request_deadline(seconds: float | None) -> Iterator[None]:
    """Within this block, `remaining()` counts down from `seconds` (None: no deadline)."""
    token = _deadline.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def remaining() -> float | None:
    """Seconds left in the current request's budget (never below 0), or None outside a request."""
    until = _deadline.get()
    return None if until is None else max(0.0, until - time.monotonic())


def capped(timeout: float | None) -> float | None:
    """`timeout` cut to what is left of the budget; `DeadlineExceeded` when nothing is left."""
    left = remaining()
    if left is None:
        return timeout
    if left <= 0.0:
        raise DeadlineExceeded("request deadline reached")
    return left if timeout is None else min(timeout, left)


def allows_wait(seconds: float) -> bool:
    """Whether waiting `seconds` (a retry back-off) still leaves time for another attempt."""
    left = remaining()
    return left is None or seconds < left
