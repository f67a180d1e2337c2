"""Fixtures for the API tests: the real search-mode assistant over the real sample index, and apps.

`make_app(**settings)` builds `create_app` with explicit settings (keys never come from the developer's
environment) and the shared assistant; `client` is a TestClient over the default app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from agent.settings import Settings

NO_KEYS: dict[str, Any] = {
    "HYPERCLOVA_API_KEY": None, "HYPERCLOVA_API_KEY_PARAM": None, "PINECONE_API_KEY": None,
    "PINECONE_API_KEY_PARAM": None, "PINECONE_INDEX_NAME_PARAM": None, "VECTOR_STORE": "local",
}


def api_settings(**overrides: Any) -> Settings:
    return Settings(_env_file=None, **{**NO_KEYS, **overrides})  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def search_assistant(sample_index):  # type: ignore[no-untyped-def]
    """The real `CourseAssistant` in search mode over the sample catalog's LanceDB index."""
    from agent.assistant import CourseAssistant

    assistant = CourseAssistant.from_settings(api_settings(), index=sample_index)
    assert assistant.mode == "search"
    return assistant


@pytest.fixture
def make_app(search_assistant) -> Callable[..., FastAPI]:  # type: ignore[no-untyped-def]
    from api.main import create_app

    def build(assistant: Any = search_assistant, **overrides: Any) -> FastAPI:
        return create_app(api_settings(**overrides), assistant, static_dir=None)

    return build


@pytest.fixture
def client(make_app: Callable[..., FastAPI]) -> Iterator[TestClient]:
    with TestClient(make_app()) as test_client:
        yield test_client


def assert_error(response: Any, status: int, code: str, field: str | None = "__any__") -> dict:
    """The one error shape: status, machine code, Korean message, field, and the request id (also echoed
    in the X-Request-ID header)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code, error
    assert any("\uac00" <= ch <= "\ud7a3" for ch in error["message"]), f"message not Korean: {error['message']}"
    assert error["request_id"] and error["request_id"] == response.headers["x-request-id"]
    if field != "__any__":
        assert error["field"] == field, error
    assert "Traceback" not in response.text and 'File "' not in response.text
    return error
