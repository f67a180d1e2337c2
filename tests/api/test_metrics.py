"""`GET /metrics`: off by default (404), and when `METRICS_ENABLED` is on, the answers, tool calls, upstream
errors and ratings of this process in the Prometheus text format, read back with the Prometheus client's
own parser. Also the outcome of an answer as the metrics read it (`api/metrics/outcome.py`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from api.metrics.outcome import answer_outcome
from api.metrics.registry import MetricsRegistry
from tests.support.api_checks import assert_error


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text) for sample in family.samples}


def test_metrics_are_off_by_default(make_app: Callable[..., FastAPI]) -> None:
    with TestClient(make_app()) as client:
        assert_error(client.get("/metrics"), 404, "not_found")
        assert "/metrics" not in client.get("/openapi.json").json()["paths"]


def test_metrics_count_answers_tool_calls_and_ratings(make_app: Callable[..., FastAPI]) -> None:
    with TestClient(make_app(METRICS_ENABLED=True)) as client:
        empty = client.get("/metrics")
        assert empty.status_code == 200
        assert empty.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8"
        assert {f.name for f in text_string_to_metric_families(empty.text)} == {
            "coursebot_answers", "coursebot_answer_latency_seconds", "coursebot_tool_calls",
            "coursebot_upstream_errors", "coursebot_feedback"}
        answered = client.post("/chat", json={"message": "운체 누가 가르쳐?"}).json()
        client.post("/chat", json={"message": "양자요리학 수업 있어?"})
        client.post("/feedback", json={"request_id": answered["request_id"], "rating": "down"})
        samples = _samples(client.get("/metrics").text)
    search = (("mode", "search"),)
    assert samples[("coursebot_answers_total", (("mode", "search"), ("outcome", "answered")))] == 1
    missing = sum(samples.get(("coursebot_answers_total", (("mode", "search"), ("outcome", kind))), 0)
                  for kind in ("no_match", "alternatives"))
    assert missing == 1
    assert samples[("coursebot_answer_latency_seconds_count", search)] == 2
    assert 0 < samples[("coursebot_answer_latency_seconds_sum", search)] < 60
    assert samples[("coursebot_answer_latency_seconds_bucket", (("le", "+Inf"), ("mode", "search")))] == 2
    assert samples[("coursebot_tool_calls_total", search)] >= 2
    assert samples[("coursebot_feedback_total", (("rating", "down"),))] == 1


def test_upstream_errors_are_counted_by_kind_and_rejected_input_is_not(make_app: Callable[..., FastAPI]) -> None:
    from agent.index.base import IndexUnavailableError

    class Failing:
        mode = "search"

        async def aanswer(self, message: str, *args: object, **kwargs: object) -> None:
            if message == "reject":
                error = ValueError("too long")
                error.reason = "too_long"  # type: ignore[attr-defined]  # the assistant's InputRejectedError
                raise error
            raise IndexUnavailableError("down")

    with TestClient(make_app(assistant=Failing(), METRICS_ENABLED=True)) as client:
        assert client.post("/chat", json={"message": "자구"}).status_code == 503
        assert client.post("/chat", json={"message": "reject"}).status_code == 422
        samples = _samples(client.get("/metrics").text)
    assert samples[("coursebot_upstream_errors_total", (("kind", "index_unavailable"),))] == 1
    assert sum(v for (name, _), v in samples.items() if name == "coursebot_upstream_errors_total") == 1
    assert not [name for (name, _) in samples if name == "coursebot_answers_total"]


def test_label_values_are_escaped() -> None:
    registry = MetricsRegistry()
    registry.inc("coursebot_upstream_errors_total", {"kind": 'a "quoted"\\kind\nnext'})
    samples = _samples(registry.render())
    assert samples[("coursebot_upstream_errors_total", (("kind", 'a "quoted"\\kind\nnext'),))] == 1


@pytest.mark.parametrize(
    ("answer", "sources", "outcome"),
    [
        ("운영체제(CSE3010)는 김영재 교수님이 가르쳐요.", 1, "answered"),
        ("'양자요리학'에 해당하는 강좌는 이 학기 수강편람에 없어요.", 0, "no_match"),
        ("I couldn't find 'Quantum Cooking' in this term's catalog.", 0, "no_match"),
        ("'양자요리학'에 해당하는 강좌는 이 학기 수강편람에 없어요. 대신 이름이 비슷하거나 관련 있어 보이는 다른 강좌를 "
         "알려 드릴게요:", 3, "alternatives"),
        ("그 요청은 도와드릴 수 없어요. 수강 정보에 대해 물어봐 주세요.", 0, "declined"),
        ("Sorry, that question is out of scope: I can only help with course information.", 0, "declined"),
        ("수강편람에 그 정보는 없어요. 교수님 이메일은 수강편람에 없어요.", 0, "declined"),
        ("화요일에 영어강의 분반이 없어요. 분반은 아래와 같아요:", 4, "answered"),
    ],
)
def test_answer_outcome(answer: str, sources: int, outcome: str) -> None:
    assert answer_outcome(answer, sources) == outcome


def test_streamed_answers_are_counted_too(make_app: Callable[..., FastAPI]) -> None:
    """The page streams by default (`/chat/stream`): its answers are counted like /chat's."""
    with TestClient(make_app(METRICS_ENABLED=True)) as client:
        with client.stream("POST", "/chat/stream", json={"message": "운체 누가 가르쳐?"}) as response:
            events = [line for line in response.iter_lines() if line.startswith("event:")]
        assert events[-1] == "event: done"
        samples = _samples(client.get("/metrics").text)
    assert samples[("coursebot_answers_total", (("mode", "search"), ("outcome", "answered")))] == 1
    assert samples[("coursebot_tool_calls_total", (("mode", "search"),))] >= 1
    assert samples[("coursebot_answer_latency_seconds_count", (("mode", "search"),))] == 1


def test_a_stream_that_fails_is_counted_by_kind(make_app: Callable[..., FastAPI]) -> None:
    from agent.answer import StreamEvent
    from agent.assistant import INDEX_DOWN_MESSAGE

    class DownStream:
        mode = "search"

        async def astream(self, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            yield StreamEvent(type="error", error=INDEX_DOWN_MESSAGE)

    with TestClient(make_app(assistant=DownStream(), METRICS_ENABLED=True)) as client:
        assert client.post("/chat/stream", json={"message": "자구"}).status_code == 503
        samples = _samples(client.get("/metrics").text)
    assert samples[("coursebot_upstream_errors_total", (("kind", "index_unavailable"),))] == 1
