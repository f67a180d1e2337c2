"""When `ChatHyperClovaX` tries a call again, and how long it waits (reference section 7.3).

HTTP 429 (every 429xx code), 500, 502, 503, 504, connection errors and timeouts are retried up to
`max_retries` times with exponential backoff and jitter, waiting `Retry-After` seconds instead when the server
sends that header. Other 4xx are raised at once. Every attempt is its own request to the API, so it gets its
own request id.
"""

from __future__ import annotations

import email.utils
import logging
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from agent.hyperclova.errors import HyperClovaError
from agent.deadline import allows_wait

logger = logging.getLogger("agent.hyperclova")

REQUEST_ID_HEADER = "X-NCP-CLOVASTUDIO-REQUEST-ID"
MAX_RETRY_AFTER = 60.0  # never sleep longer than this on a server's say-so (Lambda time is money)


@dataclass
class RetryPolicy:
    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before retry number `attempt + 1`."""
        if retry_after is not None:
            return max(0.0, min(retry_after, MAX_RETRY_AFTER))
        ceiling = min(self.max_delay, self.initial_delay * (2**attempt))
        return ceiling / 2 + random.uniform(0, ceiling / 2)  # "equal jitter": spreads retries, keeps a floor


@dataclass
class Failure:
    """One failed attempt: the error it would raise, and the server's `Retry-After` if it sent one."""

    error: HyperClovaError
    retry_after: float | None = None


def new_request_id() -> str:
    return f"coursebot-{uuid.uuid4()}"


def retry_after_seconds(value: str | None) -> float | None:
    """`Retry-After` as seconds: a number, or an HTTP date."""
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class Attempts:
    """The attempts of one call: the headers (with this attempt's request id) and the wait before the next."""

    def __init__(self, policy: RetryPolicy, headers: dict[str, str]) -> None:
        self.policy = policy
        self.headers = headers
        self.number = 0  # attempts made before this one

    @property
    def request_id(self) -> str:
        return self.headers[REQUEST_ID_HEADER]

    def wait(self, failure: Failure) -> float:
        """Seconds to wait before the next attempt, which gets a new request id. Raises the failure's error
        (with the number of attempts) when it is not retryable or no retry is left."""
        error = failure.error
        if not error.retryable or self.number >= self.policy.max_retries:
            raise error.after(self.number + 1)
        seconds = self.policy.delay(self.number, failure.retry_after)
        if not allows_wait(seconds):
            raise error.after(self.number + 1)  # the request's deadline would pass before the next attempt
        logger.warning(
            "HyperCLOVA X attempt %d/%d failed (HTTP %s, code %s: %s); retrying in %.2fs",
            self.number + 1,
            self.policy.max_retries + 1,
            error.http_status,
            error.code,
            error.message,
            seconds,
        )
        self.number += 1
        self.headers = {**self.headers, REQUEST_ID_HEADER: new_request_id()}
        return seconds
