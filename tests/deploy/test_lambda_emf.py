"""The product metrics of one `/chat` through `main.lambda_handler`, as CloudWatch reads them: EMF lines on
stdout (AWS Lambda Powertools' Metrics), each metric with its unit and its dimension sets; and a rating's
`FeedbackDown`. The template's dashboard and alarm read these names (tests/deploy/test_template_metrics.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.support.lambda_events import LambdaContext, rest_v1_event

JSON = {"Content-Type": "application/json"}
ANSWER_UNITS = {
    "Answers": "Count", "Answered": "Count", "NoMatch": "Count", "AlternativesOffered": "Count",
    "Declined": "Count", "Latency": "Milliseconds", "ToolCalls": "Count",
}


@pytest.fixture
def handler(search_assistant, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
            ) -> Iterator[object]:
    import main
    from api.deps import get_assistant

    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "chatbot-backend-lambda")  # set by the runtime
    main.app.dependency_overrides[get_assistant] = lambda: search_assistant
    yield main.lambda_handler
    main.app.dependency_overrides.clear()


def emf_blobs(out: str) -> list[dict]:
    """The EMF lines, each metric's value unwrapped (EMF allows a value or a list of values; Powertools
    writes a list of one)."""
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    blobs = [line for line in lines if "_aws" in line]
    for blob in blobs:
        for metric in _definition(blob)["Metrics"]:
            value = blob[metric["Name"]]
            assert isinstance(value, list) and len(value) == 1, (metric, value)
            blob[metric["Name"]] = value[0]
    return blobs


def _definition(blob: dict) -> dict:
    (directive,) = blob["_aws"]["CloudWatchMetrics"]
    return directive


def test_one_chat_writes_each_answer_metric_with_unit_and_dimensions(
    handler, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    capsys.readouterr()
    response = handler(rest_v1_event("POST", "/chat", {"message": "운체 누가 가르쳐?"}, headers=JSON),
                       LambdaContext())
    assert response["statusCode"] == 200
    (blob,) = emf_blobs(capsys.readouterr().out)
    directive = _definition(blob)
    assert directive["Namespace"] == "coursebot"
    assert directive["Dimensions"] == [["service"], ["service", "mode"]]
    assert (blob["service"], blob["mode"]) == ("coursebot-api", "search")
    units = {metric["Name"]: metric["Unit"] for metric in directive["Metrics"]}
    assert units == ANSWER_UNITS
    assert blob["Answers"] == 1 and blob["Answered"] == 1
    assert blob["NoMatch"] == blob["AlternativesOffered"] == blob["Declined"] == 0
    assert blob["ToolCalls"] >= 1  # the search mode looked the course up with a tool
    assert 0 < blob["Latency"] < 60_000
    assert isinstance(blob["_aws"]["Timestamp"], int)


def test_no_match_and_a_rating_are_counted(  # type: ignore[no-untyped-def]
    handler, capsys: pytest.CaptureFixture[str], tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import main

    main.app.state.feedback_store = None  # opened again from the setting below
    monkeypatch.setattr(main.app.state.settings, "feedback_store", str(tmp_path / "f.sqlite3"))
    capsys.readouterr()
    asked = handler(rest_v1_event("POST", "/chat", {"message": "양자요리학 수업 있어?"}, headers=JSON),
                    LambdaContext())
    body = json.loads(asked["body"])
    rated = handler(rest_v1_event("POST", "/feedback", {"request_id": body["request_id"], "rating": "down",
                                                        "mode": "search"}, headers=JSON), LambdaContext())
    assert rated["statusCode"] == 202
    answer_blob, feedback_blob = emf_blobs(capsys.readouterr().out)
    assert answer_blob["NoMatch"] + answer_blob["AlternativesOffered"] == 1, body["answer"]
    assert answer_blob["Answered"] == 0
    directive = _definition(feedback_blob)
    assert directive["Metrics"] == [{"Name": "FeedbackDown", "Unit": "Count"}]
    assert directive["Dimensions"] == [["service"], ["service", "mode"]]
    assert feedback_blob["FeedbackDown"] == 1
    main.app.state.feedback_store = None


def test_an_upstream_error_is_counted_by_kind(capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import main
    from agent.index.base import IndexUnavailableError
    from api.deps import get_assistant

    class DownIndex:
        mode = "search"

        async def aanswer(self, *args: object, **kwargs: object) -> None:
            raise IndexUnavailableError("index down")

    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "chatbot-backend-lambda")
    main.app.dependency_overrides[get_assistant] = lambda: DownIndex()
    try:
        capsys.readouterr()
        response = main.lambda_handler(rest_v1_event("POST", "/chat", {"message": "자구"}, headers=JSON),
                                       LambdaContext())
    finally:
        main.app.dependency_overrides.clear()
    assert response["statusCode"] == 503
    (blob,) = emf_blobs(capsys.readouterr().out)
    directive = _definition(blob)
    assert directive["Metrics"] == [{"Name": "UpstreamErrors", "Unit": "Count"}]
    assert directive["Dimensions"] == [["service"], ["service", "kind"]]
    assert (blob["kind"], blob["UpstreamErrors"]) == ("index_unavailable", 1)


def test_log_lines_carry_the_lambda_context_and_cold_start(  # type: ignore[no-untyped-def]
    handler, capsys: pytest.CaptureFixture[str]
) -> None:
    context = LambdaContext()
    handler(rest_v1_event("GET", "/health"), context)
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    (access,) = [line for line in lines if line.get("logger") == "coursebot.http"]
    assert list(access)[:4] == ["ts", "level", "logger", "message"] and access["ts"].endswith("Z")
    assert access["function_name"] == context.function_name and access["function_memory_size"] == 1024
    assert access["function_arn"] == context.invoked_function_arn and access["cold_start"] in (True, False)
    assert access["lambda_request_id"] == context.aws_request_id
