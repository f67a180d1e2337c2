"""POST /chat with the real assistant (search mode) over the sample catalog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.support.two_terms import OLDER_TERM


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


DATABASE_HISTORY = [
    {"role": "user", "content": "데베 누가 가르쳐?"},
    {"role": "assistant", "content": "데이터베이스(CSE3030)는 여러 분반이 있어요."},
]


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
