"""Settings for an API app under test, and the check of the API's one error shape."""

from __future__ import annotations

from typing import Any

from agent.settings import Settings

NO_KEYS: dict[str, Any] = {
    "HYPERCLOVA_API_KEY": None, "HYPERCLOVA_API_KEY_PARAM": None, "PINECONE_API_KEY": None,
    "PINECONE_API_KEY_PARAM": None, "PINECONE_INDEX_NAME_PARAM": None, "VECTOR_STORE": "local",
}


def api_settings(**overrides: Any) -> Settings:
    """Explicit settings with no keys at all (never the developer's environment), plus `overrides`."""
    return Settings(_env_file=None, **{**NO_KEYS, **overrides})  # type: ignore[call-arg]


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
