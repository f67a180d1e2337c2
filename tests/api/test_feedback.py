"""`POST /feedback` keeps what it is sent in the feedback store (SQLite here, DynamoDB in moto), rejects
what is over a limit with a 422 naming the field, and answers a failing store with a 503 while the
rating still reaches the log."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from agent.feedback.factory import open_store
from agent.feedback.record import MAX_ANSWER_CHARS, MAX_COMMENT_CHARS, MAX_SOURCES
from tests.support.api_checks import assert_error
from tests.support.feedback_aws import REGION, InjectedFaults

QUESTION = "자구 누가 가르쳐?"
ANSWER = "자료구조(CSE2010)는 김민준 교수님이 가르칩니다."
FULL = {
    "request_id": "ans-7f3c", "rating": "down", "comment": "교수님이 바뀌었어요", "question": QUESTION,
    "answer": ANSWER, "history": [{"role": "user", "content": "안녕"}, {"role": "assistant", "content": "네!"}],
    "sources": ["CSE2010", "CSE2010", "CSE2011"], "term": "2026-1", "mode": "search",
}


def _stored(request_id: str):  # type: ignore[no-untyped-def]
    return open_store(os.environ["FEEDBACK_STORE"]).get(request_id)


def _log_records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_everything_the_request_carries_is_stored_with_server_time(client: TestClient) -> None:
    before = datetime.now(UTC)
    response = client.post("/feedback", json=FULL)
    assert response.status_code == 202 and response.json() == {"status": "recorded", "request_id": "ans-7f3c"}
    record = _stored("ans-7f3c")
    assert record is not None
    assert (record.rating, record.comment, record.question, record.answer) == ("down", "교수님이 바뀌었어요",
                                                                               QUESTION, ANSWER)
    assert [(t.role, t.content) for t in record.history] == [("user", "안녕"), ("assistant", "네!")]
    assert record.sources == ["CSE2010", "CSE2011"]  # the codes, once each
    assert (record.term, record.mode) == ("2026-1", "search")
    assert before <= record.created_at == record.updated_at <= datetime.now(UTC)
    assert record.feedback_request_id == response.headers["x-request-id"]
    expected_expiry = (record.updated_at + timedelta(days=180)).timestamp()
    assert record.expires_at is not None and abs(record.expires_at - expected_expiry) <= 1


def test_a_bare_rating_is_enough(client: TestClient) -> None:
    assert client.post("/feedback", json={"request_id": "r1", "rating": -1}).status_code == 202
    record = _stored("r1")
    assert record is not None and record.rating == "down" and record.question is None and record.sources == []


def test_rating_again_replaces_the_record(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    client.post("/feedback", json=FULL)
    client.post("/feedback", json={"request_id": "ans-7f3c", "rating": "up", "question": QUESTION})
    record = _stored("ans-7f3c")
    assert record is not None and record.rating == "up" and record.comment is None
    assert record.created_at < record.updated_at
    assert [r.request_id for r in open_store(os.environ["FEEDBACK_STORE"]).list()] == ["ans-7f3c"]
    logged = [r for r in _log_records(capsys.readouterr().out) if r.get("event") == "feedback"]
    assert [r["revised"] for r in logged] == [False, True]


def test_retention_zero_keeps_records_for_good(make_app: Callable[..., FastAPI]) -> None:
    with TestClient(make_app(FEEDBACK_RETENTION_DAYS=0)) as client:
        client.post("/feedback", json={"request_id": "r1", "rating": "up"})
    record = _stored("r1")
    assert record is not None and record.expires_at is None


def test_the_log_line_has_sizes_never_the_question_or_answer(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    client.post("/feedback", json=FULL)
    out = capsys.readouterr().out
    (line,) = [r for r in _log_records(out) if r.get("event") == "feedback"]
    assert line["stored"] is True and line["store"] == "sqlite"
    assert (line["question_chars"], line["answer_chars"], line["history_turns"]) == (len(QUESTION), len(ANSWER), 2)
    assert line["sources"] == ["CSE2010", "CSE2011"] and line["comment"] == "교수님이 바뀌었어요"
    assert QUESTION not in out and ANSWER not in out and "안녕" not in out


def test_secret_values_are_neither_stored_nor_logged(
    make_app: Callable[..., FastAPI], capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "nv-feedback-secret-4242"
    with TestClient(make_app(HYPERCLOVA_API_KEY=secret)) as client:
        body = {**FULL, "comment": f"키가 보여요: {secret}", "answer": f"key={secret}",
                "history": [{"role": "assistant", "content": secret}]}
        assert client.post("/feedback", json=body).status_code == 202
    record = _stored("ans-7f3c")
    assert record is not None
    assert secret not in record.model_dump_json()
    assert record.comment == "키가 보여요: ***" and record.answer == "key=***"
    assert secret not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("patch", "code", "field"),
    [
        ({"answr": "typo"}, "unknown_field", "answr"),
        ({"comment": "x" * (MAX_COMMENT_CHARS + 1)}, "value_too_long", "comment"),
        ({"answer": "가" * (MAX_ANSWER_CHARS + 1)}, "value_too_long", "answer"),
        ({"sources": [f"C{n}" for n in range(MAX_SOURCES + 1)]}, "too_many_items", "sources"),
        ({"sources": ["C" * 65]}, "value_too_long", "sources.0"),
        ({"sources": ["CSE2010", ""]}, "empty_value", "sources.1"),
        ({"sources": "CSE2010"}, "invalid_type", "sources"),
        ({"term": "2" * 41}, "value_too_long", "term"),
        ({"mode": "gpt"}, "invalid_value", "mode"),
        ({"question": 42}, "invalid_type", "question"),
        ({"history": [{"role": "system", "content": "x"}]}, "invalid_value", "history.0.role"),
        ({"history": [{"role": "user", "content": "x", "when": 1}]}, "unknown_field", "history.0.when"),
        ({"history": {"role": "user"}}, "invalid_type", "history"),
    ],
)
def test_rejections_name_the_field_and_store_nothing(client: TestClient, patch: dict, code: str, field: str) -> None:
    assert_error(client.post("/feedback", json={**FULL, **patch}), 422, code, field)
    assert _stored("ans-7f3c") is None


@pytest.fixture
def small(make_app: Callable[..., FastAPI]):  # type: ignore[no-untyped-def]
    """The chat's own limits, tight: a rated question and history are held to them."""
    with TestClient(make_app(MAX_MESSAGE_CHARS=10, MAX_HISTORY_TURNS=2, MAX_HISTORY_CHARS=12)) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("patch", "code", "field", "says"),
    [
        ({"question": "가" * 11}, "value_too_long", "question", "최대 10자"),
        ({"history": [{"role": "user", "content": "a"}] * 3}, "history_too_many_turns", "history", "최대 2개"),
        ({"history": [{"role": "user", "content": "a" * 13}]}, "history_too_long", "history", "최대 12자"),
    ],
)
def test_question_and_history_are_held_to_the_chat_limits(
    small: TestClient, patch: dict, code: str, field: str, says: str
) -> None:
    body = {"request_id": "r1", "rating": "up", **patch}
    error = assert_error(small.post("/feedback", json=body), 422, code, field)
    assert says in error["message"]
    ok = {"request_id": "r1", "rating": "up", "question": "가" * 10, "history": [{"role": "user", "content": "a" * 12}]}
    assert small.post("/feedback", json=ok).status_code == 202


def test_an_unwritable_store_is_a_503_and_the_rating_is_logged(
    make_app: Callable[..., FastAPI], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "not-a-dir").write_text("a file")
    app = make_app(FEEDBACK_STORE=str(tmp_path / "not-a-dir" / "feedback.sqlite3"))
    with TestClient(app) as client:
        response = client.post("/feedback", json=FULL)
    assert_error(response, 503, "service_misconfigured", None)
    assert response.headers["retry-after"] == "10"
    (line,) = [r for r in _log_records(capsys.readouterr().out) if r.get("event") == "feedback"]
    assert line["stored"] is False and line["level"] == "ERROR"
    assert (line["answer_request_id"], line["rating"], line["comment"]) == ("ans-7f3c", "down", "교수님이 바뀌었어요")
    assert line["error_type"] == "FeedbackStoreMisconfigured" and "not-a-dir" in line["error"]


def test_dynamodb_store_end_to_end(make_app: Callable[..., FastAPI], feedback_table: str) -> None:
    with TestClient(make_app(FEEDBACK_STORE=feedback_table)) as client:
        assert client.post("/feedback", json=FULL).status_code == 202
    item = boto3.client("dynamodb", region_name=REGION).get_item(
        TableName="chatbot-feedback", Key={"request_id": {"S": "ans-7f3c"}})["Item"]
    assert item["rating"] == {"S": "down"} and item["question"] == {"S": QUESTION}
    assert open_store(feedback_table).get("ans-7f3c") is not None


def test_dynamodb_throttled_past_retries_is_a_503_then_recovers(
    make_app: Callable[..., FastAPI], feedback_table: str, instant_retries: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    app = make_app(FEEDBACK_STORE=feedback_table)
    store = app.state.feedback_store = open_store(feedback_table)
    faults = InjectedFaults(store.client, "UpdateItem", "ProvisionedThroughputExceededException", times=3)  # type: ignore[attr-defined]
    with TestClient(app) as client:
        error = assert_error(client.post("/feedback", json=FULL), 503, "feedback_unavailable", None)
        assert "의견" in error["message"]
        assert faults.calls == 3  # botocore retried twice before giving up
        (line,) = [r for r in _log_records(capsys.readouterr().out) if r.get("event") == "feedback"]
        assert line["stored"] is False and line["comment"] == "교수님이 바뀌었어요"
        assert "ProvisionedThroughputExceededException" in line["error"]
        assert store.get("ans-7f3c") is None
        assert client.post("/feedback", json=FULL).status_code == 202  # the student's retry lands
    assert store.get("ans-7f3c") is not None
