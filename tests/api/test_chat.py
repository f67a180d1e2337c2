"""POST /chat with the real assistant (search mode) over the sample catalog."""

from __future__ import annotations

from fastapi.testclient import TestClient


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


def test_chat_with_history_and_term(client: TestClient) -> None:
    response = client.post(
        "/chat",
        json={
            "message": "그 과목 몇 학점이야?",
            "history": [
                {"role": "user", "content": "데베 누가 가르쳐?"},
                {"role": "assistant", "content": "데이터베이스(CSE3030)는 여러 분반이 있어요."},
            ],
            "term": "2026-1",
        },
    )
    assert response.status_code == 200, response.text
    assert response.json()["answer"]


def test_incoming_request_id_is_kept_and_bad_ones_replaced(client: TestClient) -> None:
    kept = client.post("/chat", json={"message": "자료구조"}, headers={"X-Request-ID": "trace-123"})
    assert kept.headers["x-request-id"] == "trace-123" and kept.json()["request_id"] == "trace-123"
    replaced = client.post("/chat", json={"message": "자료구조"}, headers={"X-Request-ID": "bad id <script>"})
    assert replaced.headers["x-request-id"] != "bad id <script>" and len(replaced.headers["x-request-id"]) == 32
