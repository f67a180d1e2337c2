"""Per-client token-bucket rate limit, in the app (API Gateway throttling is the production layer).

Each client gets a bucket of `per_minute` tokens refilled at `per_minute / 60` per second; a request
takes one token; an empty bucket means 429 with `Retry-After` (seconds until one token is back).
State is per process (a Lambda container, a uvicorn worker): it bounds one client's burst against one
instance, which is its purpose; the global limit is API Gateway's.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections.abc import Callable, Iterable
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


class TrustedProxies:
    """The peers allowed to say who the client is (`FORWARDED_ALLOW_IPS`, read like uvicorn's option):
    IP addresses, networks (CIDR), or "*" for any peer. Empty (the default): `X-Forwarded-For` is ignored,
    since any client can write that header and would otherwise pick a fresh rate-limit bucket per request."""

    def __init__(self, entries: Iterable[str]) -> None:
        items = [entry.strip() for entry in entries if entry.strip()]
        self.any = "*" in items
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        self.literals: set[str] = set()
        for item in items:
            try:
                self.networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                self.literals.add(item)  # e.g. a unix socket path, as uvicorn allows

    def __contains__(self, host: str | None) -> bool:
        if not host:
            return False
        if self.any or host in self.literals:
            return True
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return False
        return any(address in network for network in self.networks)


def _forwarded_client(scope: dict[str, Any], trusted: TrustedProxies, peer: str | None) -> str | None:
    """The client `X-Forwarded-For` names, when the peer is a trusted proxy: the nearest hop that is not
    itself trusted (hops to its left were written by whoever that is, so they prove nothing)."""
    if peer not in trusted:
        return None
    hops = [hop.strip() for name, value in scope.get("headers") or () if name == b"x-forwarded-for"
            for hop in value.decode("latin-1").split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted:
            return hop
    return hops[0] if hops else None


def client_key(scope: dict[str, Any], trusted: TrustedProxies | None = None) -> str:
    """Who is asking: API Gateway's `sourceIp` when behind it (set by API Gateway, not the client);
    else, from a trusted proxy only, the client its `X-Forwarded-For` names; else the socket peer."""
    event = scope.get("aws.event")
    if isinstance(event, dict):
        context = event.get("requestContext") or {}
        source = (context.get("identity") or {}).get("sourceIp") or (context.get("http") or {}).get("sourceIp")
        if source:
            return str(source)
    client = scope.get("client")
    peer = str(client[0]) if client else None
    forwarded = _forwarded_client(scope, trusted or TrustedProxies(()), peer)
    return forwarded or peer or "unknown"
