"""Per-client token-bucket rate limit, in the app (API Gateway throttling is the production layer).

Each client gets a bucket of `per_minute` tokens refilled at `per_minute / 60` per second; a request
takes one token; an empty bucket means 429 with `Retry-After` (seconds until one token is back).
State is per process (a Lambda container, a uvicorn worker): it bounds one client's burst against one
instance, which is its purpose; the global limit is API Gateway's.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import Any

_MAX_CLIENTS = 10_000  # beyond this, full (idle) buckets are dropped so memory stays bounded


class TokenBucketLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill time)
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.capacity > 0

    def acquire(self, key: str) -> float:
        """Take a token for `key`. Returns 0.0 when allowed, else the seconds until a token is back."""
        if not self.enabled:
            return 0.0
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                allowed = 0.0
            else:
                self._buckets[key] = (tokens, now)
                allowed = (1.0 - tokens) / self.rate
            if len(self._buckets) > _MAX_CLIENTS:
                self._prune(now)
        return allowed

    def _prune(self, now: float) -> None:
        for key, (tokens, last) in list(self._buckets.items()):
            if tokens + (now - last) * self.rate >= self.capacity:
                del self._buckets[key]


def retry_after_header(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))


def client_key(scope: dict[str, Any]) -> str:
    """Who is asking: API Gateway's `sourceIp` when behind it (set by API Gateway, not the client);
    else the first hop of `X-Forwarded-For` (behind a proxy/load balancer); else the socket peer."""
    event = scope.get("aws.event")
    if isinstance(event, dict):
        context = event.get("requestContext") or {}
        source = (context.get("identity") or {}).get("sourceIp") or (context.get("http") or {}).get("sourceIp")
        if source:
            return str(source)
    for name, value in scope.get("headers") or ():
        if name == b"x-forwarded-for":
            first = value.decode("latin-1").split(",")[0].strip()
            if first:
                return first
    client = scope.get("client")
    return str(client[0]) if client else "unknown"
