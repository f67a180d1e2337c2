"""`MetricsRecorder`: what the routes call to count an answer, a failed answer or a rating. Each event
goes to the app's in-process registry (`GET /metrics`) and, on Lambda, to CloudWatch as an EMF line.

    with recorder.answer(assistant.mode) as measure:      # POST /chat
        answer = await assistant.aanswer(...)
        measure.done(answer)

A failure inside the block is counted as an upstream error of its kind (`api.errors.classify_upstream`),
except the assistant's own input rejection (a 422, not an upstream failure). A stream, whose answer ends in
another task, takes `measure = recorder.start(mode)` and calls `measure.done(answer)` on its `done` event
or `measure.failed(code)` on its `error` event.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import Depends, Request

from api.logs import get_logger
from api.metrics.outcome import answer_outcome
from api.metrics.registry import MetricsRegistry
from api.state import app_singleton

log = get_logger("metrics")


class AnswerMeasure:
    def __init__(self, recorder: MetricsRecorder, mode: str, counter: Any) -> None:
        self._recorder = recorder
        self._mode = mode
        self._counter = counter
        self._started = time.perf_counter()

    def done(self, answer: Any) -> None:
        """Record one answer (a `ChatAnswer`): its outcome, latency and tool calls."""
        latency_s = time.perf_counter() - self._started
        mode = str(getattr(answer, "mode", None) or self._mode)
        outcome = answer_outcome(answer.answer, len(answer.sources))
        self._recorder.record_answer(mode, outcome, latency_s, self._counter.calls)

    def failed(self, code: str) -> None:
        """Record a failed answer by its error code (`api.errors.UPSTREAM_MESSAGES`)."""
        self._recorder.record_upstream_error(code)

    def failed_with(self, exc: BaseException) -> None:
        """Record `exc` as an upstream error of its kind, unless it is the assistant's input rejection."""
        if not _input_rejection(exc):
            from api.errors import classify_upstream

            self.failed(classify_upstream(exc))


class MetricsRecorder:
    def __init__(self, registry: MetricsRegistry | None = None, *, emf: bool | None = None) -> None:
        self.registry = registry or MetricsRegistry()
        self._emf = emf

    @property
    def emf(self) -> bool:
        """EMF lines only where Lambda ships stdout to CloudWatch (None: when running in Lambda)."""
        return bool(os.environ.get("AWS_LAMBDA_FUNCTION_NAME")) if self._emf is None else self._emf

    @contextmanager
    def answer(self, mode: str) -> Iterator[AnswerMeasure]:
        from api.metrics.tool_calls import counting_tool_calls

        with counting_tool_calls() as counter:
            measure = AnswerMeasure(self, mode, counter)
            try:
                yield measure
            except Exception as exc:
                measure.failed_with(exc)
                raise

    def start(self, mode: str) -> AnswerMeasure:
        """A measure whose tool counter stays set in the calling context (see the module doc)."""
        from api.metrics.tool_calls import start_counting

        return AnswerMeasure(self, mode, start_counting())

    def record_answer(self, mode: str, outcome: str, latency_s: float, tool_calls: int) -> None:
        self.registry.inc("coursebot_answers_total", {"mode": mode, "outcome": outcome})
        self.registry.observe("coursebot_answer_latency_seconds", {"mode": mode}, latency_s)
        self.registry.inc("coursebot_tool_calls_total", {"mode": mode}, tool_calls)
        self._emit("emit_answer", mode, outcome, latency_s * 1000, tool_calls)

    def record_upstream_error(self, kind: str) -> None:
        self.registry.inc("coursebot_upstream_errors_total", {"kind": kind})
        self._emit("emit_upstream_error", kind)

    def record_feedback(self, rating: str, mode: str | None) -> None:
        self.registry.inc("coursebot_feedback_total", {"rating": rating})
        self._emit("emit_feedback", rating, mode)

    def _emit(self, function: str, *arguments: Any) -> None:
        if not self.emf:
            return
        from api.metrics import emf

        try:
            getattr(emf, function)(*arguments)
        except Exception:  # noqa: BLE001 - a metric that cannot be written must not fail the answer
            log.warning("EMF metrics not written", exc_info=True)


def _input_rejection(exc: BaseException) -> bool:
    """The assistant's `InputRejectedError` (a ValueError with `reason`), answered as a 422."""
    return isinstance(exc, ValueError) and isinstance(getattr(exc, "reason", None), str)


def get_recorder(request: Request) -> MetricsRecorder:
    """The app's one recorder, made on first use."""
    return app_singleton(request, "metrics_recorder", lambda state: MetricsRecorder())


MetricsDep = Annotated[MetricsRecorder, Depends(get_recorder)]
