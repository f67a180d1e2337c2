"""JSON logs: one object per line, the request id on every record, no message text or secret."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient


def _records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def test_request_logs_are_json_with_request_id_and_no_prompt(
    make_app: Callable[..., FastAPI], capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "nv-log-secret-999"
    with TestClient(make_app(HYPERCLOVA_API_KEY=secret)) as client:
        capsys.readouterr()
        question = "비밀스러운 질문: 화목 오전 경영 전공"
        response = client.post("/chat", json={"message": question})
    out = capsys.readouterr().out
    records = _records(out)
    request_id = response.headers["x-request-id"]
    access = [r for r in records if r["logger"] == "coursebot.http"]
    assert access and access[-1]["status"] == 200 and access[-1]["path"] == "/chat"
    assert access[-1]["request_id"] == request_id and access[-1]["duration_ms"] > 0
    assert all(r.get("request_id") == request_id for r in records if r["logger"].startswith("coursebot."))
    assert question not in out and "비밀스러운" not in out
    assert secret not in out


def test_log_level_filters(make_app: Callable[..., FastAPI], capsys: pytest.CaptureFixture[str]) -> None:
    with TestClient(make_app(LOG_LEVEL="WARNING")) as client:
        capsys.readouterr()
        client.get("/health")
    assert not [r for r in _records(capsys.readouterr().out) if r["level"] == "INFO"]
    make_app(LOG_LEVEL="INFO")  # restore for later tests


def test_in_lambda_the_agent_logs_json_with_the_request_id(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import logging

    from api.logs import configure_logging, request_id_var

    agent_logger = logging.getLogger("agent")
    saved = (agent_logger.propagate, list(agent_logger.handlers), agent_logger.level)
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "chatbot-backend-lambda")
    try:
        configure_logging("INFO")
        token = request_id_var.set("rid-42")
        logging.getLogger("agent.assistant").warning("index unavailable during stream")
        request_id_var.reset(token)
        (record,) = _records(capsys.readouterr().out)
        assert record["logger"] == "agent.assistant" and record["request_id"] == "rid-42"
    finally:
        agent_logger.propagate, agent_logger.handlers[:], _ = saved[0], saved[1], agent_logger.setLevel(saved[2])
