"""Structured JSON logs for the API: one object per line, with the request id on every record.

Lambda ships stdout/stderr to CloudWatch line by line, so one JSON object per line is what makes
Logs Insights queries (`filter request_id = "..."`) work. Records logged anywhere inside a request
(the agent, the index) carry the request id through a context variable, not through arguments.

What never goes in a log: secret values (they are redacted if they ever appear in a message) and the
user's full message or prompt (request logs carry sizes, not text).
"""

from __future__ import annotations

import contextvars
import json
import logging
import os
import sys
import time
from collections.abc import Iterable
from typing import Any

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
lambda_request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("lambda_request_id", default=None)

LOGGER_NAME = "coursebot"
# The project's own packages log under their module names (`agent.assistant`, `tools.search`). Where this
# process owns the logging (Lambda, `coursebot serve`) they get the same JSON handler, so their records
# carry the request id too; elsewhere (tests, a host application) they keep propagating to the root.
PROJECT_LOGGERS = ("agent", "tools")
_HANDLER_NAME = "coursebot-json"
# Attributes every LogRecord has; anything else on a record came from `extra=` and is logged as a field.
_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("x", 0, "x", 0, "x", None, None))) | {"message", "asctime"}
_REDACTED = "***"


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON line; secret values registered with `redact()` are masked."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets: set[str] = {s for s in secrets if s and len(s) >= 4}

    def add_secrets(self, secrets: Iterable[str]) -> None:
        self._secrets.update(s for s in secrets if s and len(s) >= 4)

    def _scrub(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, _REDACTED)
        return text

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or request_id_var.get()
        if request_id:
            payload["request_id"] = request_id
        lambda_id = getattr(record, "lambda_request_id", None) or lambda_request_id_var.get()
        if lambda_id:
            payload["lambda_request_id"] = lambda_id
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRS and key not in payload and not key.startswith("_"):
                payload[key] = value
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return self._scrub(json.dumps(payload, ensure_ascii=False, default=str))


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


def redact(text: str) -> str:
    """`text` with every secret registered with the JSON log handler masked, as a log line would show it
    (what the API keeps of user-supplied text, e.g. feedback, gets the same treatment as its logs)."""
    for handler in logging.getLogger(LOGGER_NAME).handlers:
        if handler.get_name() == _HANDLER_NAME and isinstance(handler.formatter, JsonFormatter):
            return handler.formatter._scrub(text)
    return text


def get_logger(name: str = "api") -> logging.Logger:
    return logging.getLogger(f"{LOGGER_NAME}.{name}")
