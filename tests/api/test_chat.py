"""POST /chat with the real assistant (search mode) over the sample catalog."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.support.api_checks import api_settings


def test_chat_answers_with_sources_mode_and_request_id(client: TestClient) -> None:
    response = client.post("/chat", json={"message": "운체 누가 가르쳐?"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["mode"] == "search"
    assert body["request_id"] == response.headers["x-request-id"]
    assert "운영체제" in body["answer"]
    codes = {source["code"] for source in body["sources"]}
    assert "CSE3010" in codes
    for source in body["sources"]:
        assert source["name"] and isinstance(source["slots"], list)


# An older term in which 데이터베이스 (CSE3030) was one 2-credit section taught by someone else; in 2026-1,
# the default term, it has two 3-credit sections.
OLDER_TERM = "2025-2"
DATABASE_HISTORY = [
    {"role": "user", "content": "데베 누가 가르쳐?"},
    {"role": "assistant", "content": "데이터베이스(CSE3030)는 여러 분반이 있어요."},
]


@pytest.fixture(scope="module")
def two_term_assistant(sample_index, sample_sections, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The real search assistant over a copy of the sample index plus `OLDER_TERM`."""
    from agent.assistant import CourseAssistant
    from agent.catalog.models import CourseSection
    from agent.index.factory import open_index

    store = tmp_path_factory.mktemp("two-terms") / "index"
    shutil.copytree(sample_index.path, store)
    index = open_index(api_settings(LOCAL_STORE_PATH=str(store)))
    first = next(s for s in sample_sections if s.code == "CSE3030")
    changed = {"term": OLDER_TERM, "professors": ["윤서진"], "credits": 2}
    older = CourseSection.model_validate({**first.model_dump(), **changed})
    index.sync_term(OLDER_TERM, [older])
    assert sorted(index.terms()) == [OLDER_TERM, "2026-1"]
    return CourseAssistant.from_settings(api_settings(), index=index)


def test_chat_with_history_and_term(make_app: Callable[..., FastAPI], two_term_assistant: Any) -> None:
    """"그 과목" names no course: only the history says which, and the term says which catalog answers."""
    with TestClient(make_app(two_term_assistant)) as client:

        def ask(history: list[dict[str, str]], term: str | None = None) -> dict[str, Any]:
            body = {"message": "그 과목 몇 학점이야?", "history": history, "term": term}
            response = client.post("/chat", json={k: v for k, v in body.items() if v is not None})
            assert response.status_code == 200, response.text
            return response.json()

        older = ask(DATABASE_HISTORY, OLDER_TERM)
        assert [(s["term"], s["code"], s["professors"]) for s in older["sources"]] == [
            (OLDER_TERM, "CSE3030", ["윤서진"])
        ]
        assert "2학점" in older["answer"] and "3학점" not in older["answer"]

        default = ask(DATABASE_HISTORY)
        assert {(s["term"], s["code"], s["section"]) for s in default["sources"]} == {
            ("2026-1", "CSE3030", "01"), ("2026-1", "CSE3030", "02")
        }
        assert "3학점" in default["answer"] and "2학점" not in default["answer"]

        without_history = ask([], OLDER_TERM)
        assert without_history["sources"] == [] and "데이터베이스" not in without_history["answer"]


def test_incoming_request_id_is_kept_and_bad_ones_replaced(client: TestClient) -> None:
    kept = client.post("/chat", json={"message": "자료구조"}, headers={"X-Request-ID": "trace-123"})
    assert kept.headers["x-request-id"] == "trace-123" and kept.json()["request_id"] == "trace-123"
    replaced = client.post("/chat", json={"message": "자료구조"}, headers={"X-Request-ID": "bad id <script>"})
    assert replaced.headers["x-request-id"] != "bad id <script>" and len(replaced.headers["x-request-id"]) == 32
