"""POST /chat/stream: server-sent events in order (delta…, sources, done), same answer as /chat."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from tests.support.api_checks import assert_error


def parse_sse(text: str) -> list[tuple[str, dict]]:
    events = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((lines["event"], json.loads(lines["data"])))
    return events


def test_stream_order_and_content(client: TestClient) -> None:
    question = {"message": "운체 누가 가르쳐?"}
    with client.stream("POST", "/chat/stream", json=question) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["cache-control"] == "no-cache"
        text = "".join(response.iter_text())
    events = parse_sse(text)
    kinds = [kind for kind, _ in events]
    assert kinds[-2:] == ["sources", "done"]
    assert set(kinds[:-2]) == {"delta"} and len(kinds) >= 3
    request_id = response.headers["x-request-id"]
    assert all(data["request_id"] == request_id for _, data in events)
    streamed = "".join(data["text"] for kind, data in events if kind == "delta")
    done = events[-1][1]["answer"]
    assert streamed == done["answer"]
    assert {s["code"] for s in events[-2][1]["sources"]} == {s["code"] for s in done["sources"]}
    assert "CSE3010" in {s["code"] for s in done["sources"]}
    # Same question, same answer through POST /chat (search mode is deterministic).
    plain = client.post("/chat", json=question).json()
    assert plain["answer"] == done["answer"]


def test_stream_validates_like_chat(client: TestClient) -> None:
    assert_error(client.post("/chat/stream", json={"message": "a", "extra": 1}), 422, "unknown_field", "extra")
    assert_error(client.post("/chat/stream", content=b"{", headers={"content-type": "application/json"}),
                 400, "invalid_json", None)
