"""Every rejection is a 4xx JSON error naming what was wrong (Korean message, code, field, request id)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.support.api_checks import assert_error


@pytest.fixture
def small(make_app: Callable[..., FastAPI]) -> Iterator[TestClient]:
    """Tight limits so each one is reachable with small bodies."""
    app = make_app(MAX_MESSAGE_CHARS=50, MAX_HISTORY_TURNS=2, MAX_HISTORY_CHARS=30, MAX_BODY_BYTES=2048)
    with TestClient(app) as test_client:
        yield test_client


JSON = {"content-type": "application/json"}


def test_malformed_json_is_400(small: TestClient) -> None:
    assert_error(small.post("/chat", content=b'{"message": "hi",', headers=JSON), 400, "invalid_json", None)
    assert_error(small.post("/feedback", content=b"not json", headers=JSON), 400, "invalid_json", None)


@pytest.mark.parametrize(
    ("content_type", "shown"),
    [("text/plain", "text/plain"), ("application/x-www-form-urlencoded", "application/x-www-form-urlencoded"),
     (None, "없음")],
)
def test_wrong_content_type_is_415(small: TestClient, content_type: str | None, shown: str) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = small.post("/chat", content=b'{"message": "hi"}', headers=headers)
    error = assert_error(response, 415, "unsupported_media_type", "content-type")
    assert shown in error["message"]


def test_json_with_charset_is_accepted(small: TestClient) -> None:
    response = small.post("/feedback", content=b'{"request_id": "r1", "rating": "up"}',
                          headers={"content-type": "application/json; charset=utf-8"})
    assert response.status_code == 202


def test_oversize_body_is_413_by_length_and_by_stream(small: TestClient) -> None:
    big = b'{"message": "' + b"a" * 4096 + b'"}'
    assert_error(small.post("/chat", content=big, headers=JSON), 413, "body_too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: the guard counts what arrives
        yield b'{"message": "'
        for _ in range(8):
            yield b"a" * 512
        yield b'"}'

    assert_error(small.post("/chat", content=chunks(), headers=JSON), 413, "body_too_large")


def test_message_limits(small: TestClient) -> None:
    error = assert_error(small.post("/chat", json={"message": "가" * 51}), 422, "message_too_long", "message")
    assert "50" in error["message"]
    assert_error(small.post("/chat", json={"message": ""}), 422, "empty_message", "message")
    assert_error(small.post("/chat", json={"message": "   \n "}), 422, "empty_message", "message")


def test_history_limits(small: TestClient) -> None:
    turn = {"role": "user", "content": "짧은 질문"}
    error = assert_error(small.post("/chat", json={"message": "자구", "history": [turn] * 3}),
                         422, "history_too_many_turns", "history")
    assert "2" in error["message"]
    long_turns = [{"role": "user", "content": "가" * 20}, {"role": "assistant", "content": "나" * 20}]
    assert_error(small.post("/chat", json={"message": "자구", "history": long_turns}),
                 422, "history_too_long", "history")


def test_unknown_fields_are_rejected_by_name(small: TestClient) -> None:
    assert_error(small.post("/chat", json={"message": "자구", "mesage": "x"}), 422, "unknown_field", "mesage")
    nested = {"message": "자구", "history": [{"role": "user", "content": "a", "name": "x"}]}
    assert_error(small.post("/chat", json=nested), 422, "unknown_field", "history.0.name")
    assert_error(small.post("/feedback", json={"request_id": "r", "rating": "up", "stars": 5}),
                 422, "unknown_field", "stars")


def test_missing_and_mistyped_fields(small: TestClient) -> None:
    assert_error(small.post("/chat", json={"history": []}), 422, "missing_field", "message")
    assert_error(small.post("/chat", json={"message": 42}), 422, "invalid_type", "message")
    assert_error(small.post("/chat", json={"message": "a", "history": [{"role": "system", "content": "x"}]}),
                 422, "invalid_value", "history.0.role")
    assert_error(small.post("/chat", json=["message"]), 422, "invalid_body", None)
    assert_error(small.post("/chat", content=b"", headers=JSON), 422, "missing_body", None)


def test_unknown_path_and_method(small: TestClient) -> None:
    assert_error(small.get("/nope"), 404, "not_found")
    assert_error(small.get("/chat"), 405, "method_not_allowed")


def test_rejections_never_reach_the_assistant(make_app: Callable[..., FastAPI]) -> None:
    """A rejected request does no model or index work: an assistant that would fail loudly is never called."""

    class Exploding:
        mode = "search"

        async def aanswer(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("the assistant must not be called for an invalid request")

    with TestClient(make_app(assistant=Exploding(), MAX_MESSAGE_CHARS=10)) as test_client:
        assert_error(test_client.post("/chat", json={"message": "가" * 11}), 422, "message_too_long", "message")
        assert_error(test_client.post("/chat", json={"message": "a", "x": 1}), 422, "unknown_field", "x")


def test_unexpected_failure_is_a_500_without_internals(make_app: Callable[..., FastAPI]) -> None:
    class Broken:
        mode = "search"

        async def aanswer(self, *args: object, **kwargs: object) -> None:
            raise KeyError("internal detail /srv/secret/path.py line 42")

        def astream(self, *args: object, **kwargs: object) -> object:
            raise RuntimeError("internal detail in astream")

    with TestClient(make_app(assistant=Broken()), raise_server_exceptions=False) as test_client:
        for path in ("/chat", "/chat/stream"):
            response = test_client.post(path, json={"message": "자구"})
            assert_error(response, 500, "internal_error", None)
            assert "internal detail" not in response.text and "KeyError" not in response.text
