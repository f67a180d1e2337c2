"""Structured JSON logs for the API: one object per line, with the request id on every record.

Lambda ships stdout/stderr to CloudWatch line by line, so one JSON object per line is what makes
Logs Insights queries (`filter request_id = "..."`) work. Records logged anywhere inside a request
(the agent, the index) carry the request id through a context variable, not through arguments.

The JSON is AWS Lambda Powertools' formatter (`LambdaPowertoolsFormatter`: extras as fields, exceptions with
`exception_name`, the Lambda context and `cold_start` as keys, `xray_trace_id` when tracing is on) with the
field names this project documents kept: `ts` (UTC, milliseconds, `Z`), `level`, `logger`, `message`, then
`request_id`, `lambda_request_id` and the record's own fields. On Lambda, `main.lambda_handler` adds
`cold_start`, `function_name`, `function_memory_size` and `function_arn` for each invocation
(`lambda_context_keys`), as Powertools' `Logger.inject_lambda_context` does. The project's loggers stay
standard `logging` loggers (`coursebot.*`, `agent.*`, `tools.*`), so nothing else changes.

What never goes in a log: secret values (they are redacted if they ever appear in a message) and the
user's full message or prompt (request logs carry sizes, not text).
"""

from __future__ import annotations

import contextvars
import functools
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
lambda_request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("lambda_request_id", default=None)

LOGGER_NAME = "coursebot"
# The project's own packages log under their module names (`agent.assistant`, `tools.search`). Where this
# process owns the logging (Lambda, `coursebot serve`) they get the same JSON handler, so their records
# carry the request id too; elsewhere (tests, a host application) they keep propagating to the root.
PROJECT_LOGGERS = ("agent", "tools")
_HANDLER_NAME = "coursebot-json"
_REDACTED = "***"
# Powertools' own key names -> the names this project documents (api/README.md).
_RENAMED = {"timestamp": "ts", "name": "logger"}
_cold_start = True  # the first invocation of this process (container)


class JsonFormatter(LambdaPowertoolsFormatter):
    """Powertools' JSON formatter with the documented field names; secret values registered with
    `add_secrets` are masked in the whole line."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__(
            json_serializer=functools.partial(json.dumps, ensure_ascii=False, default=str),
            log_record_order=["timestamp", "level", "name", "message"], utc=True,
            datefmt="%Y-%m-%dT%H:%M:%S.%FZ", serialize_stacktrace=False, name="%(name)s",
        )
        self.remove_keys(["location"])  # not documented; `logger` says where
        self._secrets: set[str] = {s for s in secrets if s and len(s) >= 4}

    def add_secrets(self, secrets: Iterable[str]) -> None:
        self._secrets.update(s for s in secrets if s and len(s) >= 4)

    def _scrub(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, _REDACTED)
        return text

    def format(self, record: logging.LogRecord) -> str:
        # The ids come from the request's context unless the call passed its own (`extra=`).
        for key, var in (("request_id", request_id_var), ("lambda_request_id", lambda_request_id_var)):
            if getattr(record, key, None) is None and var.get():
                setattr(record, key, var.get())
        return super().format(record)

    def serialize(self, log: dict[str, Any]) -> str:
        renamed = {_RENAMED.get(key, key): value for key, value in log.items()}
        return self._scrub(self.json_serializer(renamed))


@contextmanager
def lambda_context_keys(context: Any) -> Iterator[None]:
    """During one Lambda invocation, every line carries `cold_start` and the function's name, memory and
    ARN (Powertools' `inject_lambda_context` keys; the invocation id is `lambda_request_id`)."""
    global _cold_start
    formatter = _formatter()
    keys = {
        "cold_start": _cold_start,
        "function_name": getattr(context, "function_name", None),
        "function_memory_size": getattr(context, "memory_limit_in_mb", None),
        "function_arn": getattr(context, "invoked_function_arn", None),
    }
    _cold_start = False
    if formatter is None:
        yield
        return
    formatter.append_keys(**keys)
    try:
        yield
    finally:
        formatter.remove_keys(list(keys))


class _StdoutHandler(logging.StreamHandler):
    """Writes to whatever `sys.stdout` is now (Lambda's stdout; a test's captured stream)."""

    @property  # type: ignore[override]
    def stream(self):  # noqa: ANN201
        return sys.stdout

    @stream.setter
    def stream(self, value: object) -> None:
        pass


def configure_logging(
    level: str = "INFO", secrets: Iterable[str] = (), *, project_loggers: bool | None = None
) -> JsonFormatter:
    """Install (once) one JSON handler on the `coursebot` logger at `level` (later calls update the
    level and add secrets to redact). `project_loggers` also routes `agent.*` and `tools.*` through it;
    None means: when running in AWS Lambda. Returns the formatter."""
    numeric = logging.getLevelName(level.upper()) if isinstance(level, str) else level
    numeric = numeric if isinstance(numeric, int) else logging.INFO
    handler = next(
        (h for h in logging.getLogger(LOGGER_NAME).handlers
         if h.get_name() == _HANDLER_NAME and isinstance(h.formatter, JsonFormatter)),
        None,
    )
    if handler is None:
        handler = _StdoutHandler()
        handler.set_name(_HANDLER_NAME)
        handler.setFormatter(JsonFormatter())
    formatter = handler.formatter
    assert isinstance(formatter, JsonFormatter)
    formatter.add_secrets(secrets)
    if project_loggers is None:
        project_loggers = bool(os.environ.get("AWS_LAMBDA_FUNCTION_NAME"))
    for name in (LOGGER_NAME, *(PROJECT_LOGGERS if project_loggers else ())):
        logger = logging.getLogger(name)
        logger.setLevel(numeric)
        logger.propagate = False
        if handler not in logger.handlers:
            logger.addHandler(handler)
    return formatter


def secret_values(settings: Any) -> list[str]:
    """The plain values of every SecretStr field on a settings object (to register for redaction)."""
    values: list[str] = []
    for name in type(settings).model_fields:
        value = getattr(settings, name, None)
        getter = getattr(value, "get_secret_value", None)
        if callable(getter):
            values.append(getter())
    return values


def _formatter() -> JsonFormatter | None:
    for handler in logging.getLogger(LOGGER_NAME).handlers:
        if handler.get_name() == _HANDLER_NAME and isinstance(handler.formatter, JsonFormatter):
            return handler.formatter
    return None


def redact(text: str) -> str:
    """`text` with every secret registered with the JSON log handler masked, as a log line would show it
    (what the API keeps of user-supplied text, e.g. feedback, gets the same treatment as its logs)."""
    formatter = _formatter()
    return formatter._scrub(text) if formatter is not None else text


def get_logger(name: str = "api") -> logging.Logger:
    return logging.getLogger(f"{LOGGER_NAME}.{name}")
