"""CloudWatch metrics as EMF (embedded metric format) log lines, written by AWS Lambda Powertools' Metrics.

One EMF line per event (an answer, a failed answer, a rating), flushed at once: Lambda's log agent turns
it into metrics, with no API call. Each line has two dimension sets, `[service]` (what the alarm reads:
all modes together) and `[service, mode]` (or `[service, kind]` for errors), so the dashboard can split
what the alarm sums. Names and units (infra/template.yaml's dashboard and alarm read these):

- `Answers` (Count): 1 per /chat answer.
- `Answered`, `NoMatch`, `AlternativesOffered`, `Declined` (Count): 1 for the answer's outcome
  (`outcome.py`), 0 for the other three, so each one's Average is its rate.
- `Latency` (Milliseconds): the answer's time in the assistant.
- `ToolCalls` (Count): the agent's tool calls for that answer.
- `UpstreamErrors` (Count): a /chat that failed upstream; dimension `kind` is the error code.
- `FeedbackUp`, `FeedbackDown` (Count): a stored rating (dimension `mode` when the page sent it).

Powertools is imported on the first event, not with this module.
"""

from __future__ import annotations

import os
from typing import Any

NAMESPACE = "coursebot"
SERVICE = "coursebot-api"
OUTCOME_METRICS = {"answered": "Answered", "no_match": "NoMatch", "alternatives": "AlternativesOffered",
                   "declined": "Declined"}


def _metrics(**dimension_set: str) -> Any:
    """A fresh, isolated Powertools metrics set (`EphemeralMetrics`: safe across threads and requests)."""
    from aws_lambda_powertools.metrics import EphemeralMetrics

    metrics = EphemeralMetrics(
        namespace=os.environ.get("POWERTOOLS_METRICS_NAMESPACE", NAMESPACE),
        service=os.environ.get("POWERTOOLS_SERVICE_NAME", SERVICE),
    )
    if dimension_set:
        metrics.add_dimensions(service=metrics.service, **dimension_set)
    return metrics


def emit_answer(mode: str, outcome: str, latency_ms: float, tool_calls: int) -> None:
    from aws_lambda_powertools.metrics import MetricUnit

    metrics = _metrics(mode=mode)
    metrics.add_metric(name="Answers", unit=MetricUnit.Count, value=1)
    for key, name in OUTCOME_METRICS.items():
        metrics.add_metric(name=name, unit=MetricUnit.Count, value=1 if key == outcome else 0)
    metrics.add_metric(name="Latency", unit=MetricUnit.Milliseconds, value=round(latency_ms, 1))
    metrics.add_metric(name="ToolCalls", unit=MetricUnit.Count, value=tool_calls)
    metrics.flush_metrics()


def emit_upstream_error(kind: str) -> None:
    from aws_lambda_powertools.metrics import MetricUnit

    metrics = _metrics(kind=kind)
    metrics.add_metric(name="UpstreamErrors", unit=MetricUnit.Count, value=1)
    metrics.flush_metrics()


def emit_feedback(rating: str, mode: str | None) -> None:
    from aws_lambda_powertools.metrics import MetricUnit

    metrics = _metrics(**({"mode": mode} if mode else {}))
    name = "FeedbackUp" if rating == "up" else "FeedbackDown"
    metrics.add_metric(name=name, unit=MetricUnit.Count, value=1)
    metrics.flush_metrics()
