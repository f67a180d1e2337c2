"""`GET /terms`: the index's terms newest first, the default term, whose catalogs they are, and a clear 503 when
the index cannot be read."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.support.api_checks import api_settings, assert_error
from tests.support.two_terms import OLDER_TERM


def test_one_term_index_lists_it_as_the_default(client: TestClient) -> None:
    response = client.get("/terms")
    assert response.status_code == 200, response.text
    assert response.json() == {"terms": ["2026-1"], "default": "2026-1", "universities": ["한빛대학교"]}


def test_older_terms_come_after_the_newest_which_is_the_default(make_app, two_term_assistant) -> None:  # type: ignore[no-untyped-def]
    with TestClient(make_app(two_term_assistant)) as client:
        body = client.get("/terms").json()
    assert body["terms"] == ["2026-1", OLDER_TERM]
    assert body["default"] == "2026-1"


def test_configured_default_term_wins(make_app, two_term_assistant) -> None:  # type: ignore[no-untyped-def]
    from agent.assistant import CourseAssistant

    settings = api_settings(DEFAULT_TERM=OLDER_TERM)
    assistant = CourseAssistant.from_settings(settings, index=two_term_assistant.index)
    with TestClient(make_app(assistant, DEFAULT_TERM=OLDER_TERM)) as client:
        body = client.get("/terms").json()
    assert body["default"] == OLDER_TERM and OLDER_TERM in body["terms"]


def test_terms_asked_by_a_page_on_another_origin(make_app) -> None:  # type: ignore[no-untyped-def]
    origin = "https://chat.example.ac.kr"
    with TestClient(make_app(ALLOWED_ORIGINS=origin)) as client:
        response = client.get("/terms", headers={"Origin": origin})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == origin


class _BrokenIndex:
    """A retriever whose index cannot be reached (as a Pinecone outage surfaces through the client)."""

    def terms(self) -> list[str]:
        raise ConnectionError("connection refused by 10.0.0.7:443")

    def resolve_term(self, term: Any) -> Any:
        return self.terms()


class _Assistant:
    mode = "search"

    def __init__(self, retriever: Any) -> None:
        self.retriever = retriever


def test_unreachable_index_is_a_503_that_says_so(make_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(make_app(_Assistant(_BrokenIndex()))) as client:
        response = client.get("/terms")
    error = assert_error(response, 503, "index_unavailable")
    assert "10.0.0.7" not in response.text and "Traceback" not in response.text
    assert response.headers["retry-after"] == "10"
    assert error["message"]


def test_assistant_without_an_index_lists_nothing(make_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(make_app(_Assistant(None))) as client:
        body = client.get("/terms").json()
    assert body == {"terms": [], "default": None, "universities": []}
