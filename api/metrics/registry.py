"""In-process counters and latency histograms, rendered in the Prometheus text format (version 0.0.4) for
`GET /metrics`. Written here rather than with a client library: six metrics need a dict and a lock, and
`prometheus_client` would add a process-wide default registry this project does not want.

Each process has its own figures (`serve --workers N`: one registry per worker; Prometheus sums them).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass

Labels = tuple[tuple[str, str], ...]
LATENCY_BUCKETS_S = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


@dataclass(frozen=True)
class MetricInfo:
    name: str
    kind: str  # "counter" or "histogram"
    help: str


METRICS = (
    MetricInfo("coursebot_answers_total", "counter", "Answers to /chat by mode and outcome "
               "(answered, no_match, alternatives, declined)."),
    MetricInfo("coursebot_answer_latency_seconds", "histogram", "Time to answer /chat, by mode."),
    MetricInfo("coursebot_tool_calls_total", "counter",
               "Tool calls the agent made for /chat answers, by mode."),
    MetricInfo("coursebot_upstream_errors_total", "counter",
               "/chat answers that failed upstream, by error code."),
    MetricInfo("coursebot_feedback_total", "counter", "Ratings received on POST /feedback, by rating."),
)


class MetricsRegistry:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counters: dict[str, dict[Labels, float]] = defaultdict(dict)
        self._histograms: dict[str, dict[Labels, list[float]]] = defaultdict(dict)  # buckets..., sum, count

    def inc(self, name: str, labels: dict[str, str], value: float = 1.0) -> None:
        key = tuple(sorted(labels.items()))
        with self._lock:
            series = self._counters[name]
            series[key] = series.get(key, 0.0) + value

    def observe(self, name: str, labels: dict[str, str], value: float) -> None:
        key = tuple(sorted(labels.items()))
        with self._lock:
            cells = self._histograms[name].setdefault(key, [0.0] * (len(LATENCY_BUCKETS_S) + 2))
            for index, bound in enumerate(LATENCY_BUCKETS_S):
                if value <= bound:
                    cells[index] += 1
            cells[-2] += value
            cells[-1] += 1

    def value(self, name: str, **labels: str) -> float:
        """A counter's value (0 when never incremented): for tests and checks."""
        with self._lock:
            return self._counters[name].get(tuple(sorted(labels.items())), 0.0)

    def render(self) -> str:
        """Every metric in the Prometheus text exposition format; HELP and TYPE even before any sample."""
        lines: list[str] = []
        with self._lock:
            for info in METRICS:
                lines += [f"# HELP {info.name} {info.help}", f"# TYPE {info.name} {info.kind}"]
                if info.kind == "counter":
                    for labels, value in sorted(self._counters[info.name].items()):
                        lines.append(f"{info.name}{_labels(labels)} {_number(value)}")
                else:
                    for labels, cells in sorted(self._histograms[info.name].items()):
                        lines += _histogram_lines(info.name, labels, cells)
        return "\n".join(lines) + "\n"


def _histogram_lines(name: str, labels: Labels, cells: list[float]) -> list[str]:
    lines = [f"{name}_bucket{_labels(labels + (('le', _number(bound)),))} {_number(cells[index])}"
             for index, bound in enumerate(LATENCY_BUCKETS_S)]
    lines.append(f"{name}_bucket{_labels(labels + (('le', '+Inf'),))} {_number(cells[-1])}")
    lines.append(f"{name}_sum{_labels(labels)} {_number(cells[-2])}")
    lines.append(f"{name}_count{_labels(labels)} {_number(cells[-1])}")
    return lines


def _labels(labels: Labels) -> str:
    if not labels:
        return ""
    escaped = (f'{key}="{_escape(value)}"' for key, value in labels)
    return "{" + ",".join(escaped) + "}"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
