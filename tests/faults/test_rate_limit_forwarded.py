"""Issue 15, defect 5: `X-Forwarded-For` chose the rate-limit bucket. A client rotating the header got a
fresh bucket per request under `coursebot serve` (70 of 70 passed). Now the header counts only from the
proxies in `FORWARDED_ALLOW_IPS` (none by default); Lambda keeps API Gateway's `sourceIp`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.support.served import start_backend, stop_backend

BODY = {"request_id": "r", "rating": "up"}
LIMIT = 5


def _rotating(post: Callable[[dict[str, str]], int], count: int = 70) -> int:
    """How many of `count` requests, each with a new X-Forwarded-For, were let through."""
    return sum(post({"X-Forwarded-For": f"198.51.100.{i % 250}"}) != 429 for i in range(count))


@pytest.fixture
def fault_served(sample_index, tmp_path: Path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    backend = start_backend(tmp_path, Path(sample_index.path), {"RATE_LIMIT_PER_MINUTE": str(LIMIT)})
    try:
        yield backend.url
    finally:
        stop_backend(backend)


def test_rotating_forwarded_for_does_not_bypass_the_limit_under_serve(fault_served: str) -> None:
    with httpx.Client(base_url=fault_served) as client:
        passed = _rotating(lambda headers: client.post("/feedback", json=BODY, headers=headers).status_code)
    assert passed == LIMIT, f"{passed} of 70 requests passed a limit of {LIMIT}"


def test_rotating_forwarded_for_does_not_bypass_the_app_limit(make_app: Callable[..., FastAPI]) -> None:
    with TestClient(make_app(RATE_LIMIT_PER_MINUTE=LIMIT)) as client:
        passed = _rotating(lambda headers: client.post("/feedback", json=BODY, headers=headers).status_code)
    assert passed == LIMIT


def test_a_configured_proxy_is_believed(make_app: Callable[..., FastAPI]) -> None:
    # Behind a trusted proxy (the test client's peer), each forwarded client has its own bucket.
    with TestClient(make_app(RATE_LIMIT_PER_MINUTE=LIMIT, FORWARDED_ALLOW_IPS="testclient")) as client:
        passed = _rotating(lambda headers: client.post("/feedback", json=BODY, headers=headers).status_code, 20)
    assert passed == 20


def test_lambda_keeps_api_gateways_source_ip() -> None:
    from api.ratelimit import TrustedProxies, client_key

    scope = {"aws.event": {"requestContext": {"identity": {"sourceIp": "203.0.113.1"}}},
             "headers": [(b"x-forwarded-for", b"198.51.100.7")], "client": ("127.0.0.1", 1)}
    assert client_key(scope) == "203.0.113.1"
    assert client_key(scope, TrustedProxies(["*"])) == "203.0.113.1"
