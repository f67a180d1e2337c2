"""CORS exactly from ALLOWED_ORIGINS (preflight too), and the per-client token-bucket rate limit."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.ratelimit import TokenBucketLimiter, TrustedProxies, client_key
from tests.support.api_checks import assert_error

ORIGINS = "http://localhost:3000,http://3.27.26.7"


def _preflight(client: TestClient, origin: str) -> object:
    return client.options("/chat", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type",
    })


def test_allowed_origin_gets_cors_headers_on_answers_and_preflight(make_app: Callable[..., FastAPI]) -> None:
    with TestClient(make_app(ALLOWED_ORIGINS=ORIGINS)) as client:
        for origin in ("http://localhost:3000", "http://3.27.26.7"):
            pre = _preflight(client, origin)
            assert pre.status_code == 200
            assert pre.headers["access-control-allow-origin"] == origin
            assert "POST" in pre.headers["access-control-allow-methods"]
            assert "content-type" in pre.headers["access-control-allow-headers"].lower()
        answer = client.post("/feedback", json={"request_id": "r", "rating": "up"},
                             headers={"Origin": "http://3.27.26.7"})
        assert answer.headers["access-control-allow-origin"] == "http://3.27.26.7"
        assert "x-request-id" in answer.headers["access-control-expose-headers"].lower()
        # Errors carry CORS headers too, so the page can read the Korean message.
        error = client.post("/chat", json={"message": ""}, headers={"Origin": "http://localhost:3000"})
        assert error.status_code == 422
        assert error.headers["access-control-allow-origin"] == "http://localhost:3000"


def test_other_origins_get_no_cors_headers(make_app: Callable[..., FastAPI]) -> None:
    with TestClient(make_app(ALLOWED_ORIGINS=ORIGINS)) as client:
        # Not listed: another port, another scheme, a look-alike host, the wildcard-ish null origin.
        for origin in ("http://localhost:3001", "https://localhost:3000", "http://3.27.26.7.evil.com", "null"):
            pre = _preflight(client, origin)
            assert pre.status_code == 400
            assert "access-control-allow-origin" not in pre.headers
            assert pre.json()["error"]["code"] == "cors_rejected"
            answer = client.post("/feedback", json={"request_id": "r", "rating": "up"}, headers={"Origin": origin})
            assert "access-control-allow-origin" not in answer.headers


def test_rate_limit_per_client_with_retry_after(make_app: Callable[..., FastAPI]) -> None:
    # The test client's peer is a trusted proxy here, so X-Forwarded-For names other clients.
    with TestClient(make_app(RATE_LIMIT_PER_MINUTE=3, FORWARDED_ALLOW_IPS="testclient")) as client:
        body = {"request_id": "r", "rating": "down"}
        for _ in range(3):
            assert client.post("/feedback", json=body).status_code == 202
        limited = client.post("/feedback", json=body)
        error = assert_error(limited, 429, "rate_limited")
        assert int(limited.headers["retry-after"]) >= 1
        assert limited.headers["retry-after"] in error["message"]
        # Another client (named by the trusted proxy's X-Forwarded-For) has its own bucket; /health is never
        # limited.
        other = client.post("/feedback", json=body, headers={"X-Forwarded-For": "203.0.113.9, 10.0.0.1"})
        assert other.status_code == 202
        assert client.get("/health").status_code == 200
        # Limited requests do no work: even an invalid body gets the 429 first.
        assert client.post("/chat", content=b"{", headers={"content-type": "application/json"}).status_code == 429


def test_token_bucket_refills_over_time() -> None:
    now = [1000.0]
    limiter = TokenBucketLimiter(per_minute=2, clock=lambda: now[0])
    assert limiter.acquire("a") == 0 and limiter.acquire("a") == 0
    wait = limiter.acquire("a")
    assert 29 < wait <= 30  # one token every 30 s
    assert limiter.acquire("b") == 0  # per client
    now[0] += 30
    assert limiter.acquire("a") == 0
    assert TokenBucketLimiter(per_minute=0).acquire("a") == 0  # 0 disables the limit


def test_client_key_prefers_api_gateway_source_ip() -> None:
    headers = [(b"x-forwarded-for", b"198.51.100.7, 10.0.0.2")]
    v1 = {"aws.event": {"requestContext": {"identity": {"sourceIp": "203.0.113.1"}}}, "headers": headers}
    v2 = {"aws.event": {"requestContext": {"http": {"sourceIp": "203.0.113.2"}}}, "headers": headers}
    assert client_key(v1) == "203.0.113.1"
    assert client_key(v2) == "203.0.113.2"
    # X-Forwarded-For counts only from a trusted proxy (FORWARDED_ALLOW_IPS), and then its nearest untrusted hop.
    assert client_key({"headers": headers, "client": ("127.0.0.1", 5)}) == "127.0.0.1"
    trusted = TrustedProxies(["127.0.0.1", "10.0.0.0/8"])
    assert client_key({"headers": headers, "client": ("127.0.0.1", 5)}, trusted) == "198.51.100.7"
    assert client_key({"headers": headers, "client": ("127.0.0.1", 5)}, TrustedProxies(["127.0.0.1"])) == "10.0.0.2"
    assert client_key({"headers": [], "client": ("127.0.0.1", 5)}) == "127.0.0.1"
