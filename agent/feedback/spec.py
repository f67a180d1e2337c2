"""`FEEDBACK_STORE`: where feedback is kept, as one string a deployment sets.

- a file path (`.coursebot/feedback.sqlite3`, the default) or `sqlite:///PATH`: SQLite. The URL form follows
  SQLAlchemy's spelling, which operators know: three slashes then a relative path, four for an absolute one
  (`sqlite:////var/lib/coursebot/feedback.sqlite3`).
- `dynamodb://TABLE`: a DynamoDB table. Region, credentials and endpoint come from the standard AWS
  environment (`AWS_REGION`; `AWS_ENDPOINT_URL_DYNAMODB` for DynamoDB Local), never from this string, so
  the setting can be logged and shown.

Parsing is pure (no I/O, no imports): settings validate it at start-up, and a bad value is an error naming
`FEEDBACK_STORE`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DEFAULT_FEEDBACK_STORE = ".coursebot/feedback.sqlite3"
# DynamoDB's own rule for table names.
_TABLE_NAME = re.compile(r"^[A-Za-z0-9_.-]{3,255}$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://(.*)$", re.S)
USAGE = "a file path, sqlite:///PATH or dynamodb://TABLE"


class StoreSpecError(ValueError):
    """A `FEEDBACK_STORE` value that names no store; the message says what was wrong and what is accepted."""


@dataclass(frozen=True)
class StoreSpec:
    backend: Literal["sqlite", "dynamodb"]
    target: str  # the SQLite file's path, or the DynamoDB table's name

    @property
    def path(self) -> Path:
        return Path(self.target).expanduser()

    def __str__(self) -> str:
        # The URL form, which parses back to the same spec.
        return f"dynamodb://{self.target}" if self.backend == "dynamodb" else f"sqlite:///{self.target}"


def parse_store_spec(value: str) -> StoreSpec:
    """`value` as a `StoreSpec`; `StoreSpecError` for an empty value, an unknown scheme, a bad table name."""
    text = value.strip()
    if not text:
        raise StoreSpecError(f"empty; expected {USAGE}")
    match = _SCHEME.match(text)
    if match is None:
        return StoreSpec("sqlite", text)
    scheme, rest = match.group(1).lower(), match.group(2)
    if scheme == "dynamodb":
        if not _TABLE_NAME.match(rest):
            raise StoreSpecError(
                f"{text!r}: a DynamoDB table name is 3-255 characters of letters, digits, '_', '-' and '.'"
            )
        return StoreSpec("dynamodb", rest)
    if scheme == "sqlite":
        if not rest.startswith("/") or not rest[1:].strip():
            raise StoreSpecError(f"{text!r}: write sqlite:///relative/path or sqlite:////absolute/path")
        return StoreSpec("sqlite", rest[1:])
    raise StoreSpecError(f"{text!r}: unknown scheme {scheme!r}; expected {USAGE}")
