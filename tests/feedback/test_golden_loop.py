"""The loop from a 👎 back to the evals, end to end: a rating with its conversation, stored by the API;
`coursebot feedback export --rating down` turns it into a candidate line; `coursebot eval` refuses the
line (exit 2, naming it) until the gold is filled in, then runs it; a second run diffs against the first
(`--baseline`). Once against SQLite on a real file through the app, once against DynamoDB (moto) through
`main.lambda_handler`, as on AWS."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from agent.cli import app as cli
from tests.support.lambda_events import LambdaContext, rest_v1_event

runner = CliRunner()
QUESTION = "운체 누가 가르쳐?"
HISTORY = [{"role": "user", "content": "안녕하세요"}, {"role": "assistant", "content": "무엇을 도와드릴까요?"}]
COMMENT = "교수님만 알려 주고 시간은 안 알려 줬어요"


def _rating(answer: dict[str, Any]) -> dict[str, Any]:
    """What the page sends with a 👎: the exchange being rated."""
    return {"request_id": answer["request_id"], "rating": "down", "comment": COMMENT, "question": QUESTION,
            "answer": answer["answer"], "history": HISTORY, "sources": [s["code"] for s in answer["sources"]],
            "term": "2026-1", "mode": answer["mode"]}


def _eval(golden: Path, out: Path, *extra: str) -> Any:
    return runner.invoke(cli, ["eval", "--golden", str(golden), "--search", "--no-judge", "--concurrency", "1",
                               "--out", str(out), *extra])


def _close_the_loop(store: str, tmp_path: Path) -> None:
    """export -> eval refuses -> gold filled in -> eval runs -> rerun against the first as --baseline."""
    candidates = tmp_path / "cand.jsonl"
    exported = runner.invoke(cli, ["feedback", "export", "--rating", "down", "--has-comment", "--catalog",
                                   "sample", "--store", store, "--out", str(candidates)])
    assert exported.exit_code == 0, exported.output
    (line,) = candidates.read_text(encoding="utf-8").splitlines()
    candidate = json.loads(line)
    assert candidate["needs_gold"] is True and candidate["question"] == QUESTION
    assert candidate["history"] == HISTORY and "CSE3010" in candidate["retrieved"]
    assert candidate["gold_courses"] == [] and COMMENT in candidate["notes"]

    refused = _eval(candidates, tmp_path / "refused")
    assert refused.exit_code == 2
    assert f"case {candidate['id']!r} still needs gold" in refused.output
    assert not (tmp_path / "refused" / "results.jsonl").exists()

    # The prompt engineer fills in the gold and deletes the marker; the case joins a set.
    del candidate["needs_gold"]
    candidate.update(gold_courses=["CSE3010"], must_include=["운영체제"], tags=["feedback", "by-abbreviation"])
    golden = tmp_path / "feedback.jsonl"
    golden.write_text(json.dumps(candidate, ensure_ascii=False) + "\n", encoding="utf-8")
    first = _eval(golden, tmp_path / "first")
    assert first.exit_code == 0, first.output
    (result,) = [json.loads(row) for row in (tmp_path / "first" / "results.jsonl").read_text().splitlines()]
    assert result["id"] == candidate["id"] and "CSE3010" in result["retrieved"]
    again = _eval(golden, tmp_path / "again", "--baseline", str(tmp_path / "first"))
    assert again.exit_code == 0, again.output


def test_sqlite_through_the_app(make_app: Callable[..., FastAPI], tmp_path: Path) -> None:
    store = tmp_path / "feedback.sqlite3"
    with TestClient(make_app(FEEDBACK_STORE=str(store))) as client:
        answer = client.post("/chat", json={"message": QUESTION, "history": HISTORY, "term": "2026-1"}).json()
        assert client.post("/feedback", json=_rating(answer)).status_code == 202
    assert store.is_file()
    _close_the_loop(str(store), tmp_path)


def test_dynamodb_through_the_lambda_handler(search_assistant, feedback_table: str,  # type: ignore[no-untyped-def]
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import main
    from api.deps import get_assistant

    monkeypatch.setattr(main.app.state.settings, "feedback_store", feedback_table)
    main.app.state.feedback_store = None  # opened from the setting on the first rating
    main.app.dependency_overrides[get_assistant] = lambda: search_assistant
    try:
        asked = main.lambda_handler(rest_v1_event("POST", "/chat", {"message": QUESTION, "history": HISTORY},
                                                  headers={"Content-Type": "application/json"}), LambdaContext())
        answer = json.loads(asked["body"])
        rated = main.lambda_handler(rest_v1_event("POST", "/feedback", _rating(answer),
                                                  headers={"Content-Type": "application/json"}), LambdaContext())
        assert rated["statusCode"] == 202, rated["body"]
        assert main.app.state.feedback_store.spec.backend == "dynamodb"
    finally:
        main.app.dependency_overrides.clear()
        main.app.state.feedback_store = None
    _close_the_loop(feedback_table, tmp_path)
