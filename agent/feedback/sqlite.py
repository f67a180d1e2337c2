"""The SQLite feedback store (the local default): one file, one table `feedback` keyed by the answer's
request id.

A connection per call: the API's sync routes run on a thread pool, and `serve --workers N` has N
processes on one file; SQLite's busy timeout makes a writer wait for another instead of failing. The
table is created on first use; `PRAGMA user_version` records the schema version for later migrations.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from agent.feedback.record import FeedbackRecord, Rating, utc_now
from agent.feedback.spec import StoreSpec
from agent.feedback.store import FeedbackStoreError, FeedbackStoreMisconfigured, FeedbackStoreUnavailable

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    request_id TEXT PRIMARY KEY,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT,
    question TEXT,
    answer TEXT,
    history TEXT NOT NULL DEFAULT '[]',
    sources TEXT NOT NULL DEFAULT '[]',
    term TEXT,
    mode TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    feedback_request_id TEXT,
    expires_at INTEGER
);
CREATE INDEX IF NOT EXISTS feedback_by_time ON feedback (updated_at);
CREATE INDEX IF NOT EXISTS feedback_by_expiry ON feedback (expires_at);
"""
COLUMNS = ("request_id", "rating", "comment", "question", "answer", "history", "sources", "term", "mode",
           "created_at", "updated_at", "feedback_request_id", "expires_at")
_JSON_COLUMNS = ("history", "sources")
# Everything but the key and the first rating's time is replaced: the latest rating is the record.
_UPSERT = (
    f"INSERT INTO feedback ({', '.join(COLUMNS)}) VALUES ({', '.join(':' + c for c in COLUMNS)}) "
    "ON CONFLICT (request_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c not in ("request_id", "created_at"))
    + " RETURNING *"
)
_PURGE = "DELETE FROM feedback WHERE expires_at IS NOT NULL AND expires_at <= :now"
_SELECT = (
    "SELECT * FROM feedback WHERE (expires_at IS NULL OR expires_at > :now) "
    "AND (:rating IS NULL OR rating = :rating) ORDER BY updated_at DESC, request_id DESC LIMIT :limit"
)
# Messages of SQLite errors that no retry fixes: the path or the file is wrong.
_MISCONFIGURED = ("unable to open", "readonly", "read-only", "not a database", "disk i/o", "no such table")


class SqliteFeedbackStore:
    def __init__(self, path: str | Path, *, timeout: float = 5.0) -> None:
        self.path = Path(path).expanduser()
        self.spec = StoreSpec("sqlite", str(self.path))
        self._timeout = timeout
        self._ready = False
        self._lock = threading.Lock()

    def save(self, record: FeedbackRecord) -> FeedbackRecord:
        params = _to_row(record)
        with self._connection() as conn:
            conn.execute(_PURGE, {"now": int(record.updated_at.timestamp())})
            row = conn.execute(_UPSERT, params).fetchone()
        return _from_row(row)

    def get(self, request_id: str) -> FeedbackRecord | None:
        if not self.path.exists():
            return None  # reading creates nothing: a mistyped path is not a new, empty store
        with self._connection() as conn:
            row = conn.execute("SELECT * FROM feedback WHERE request_id = ?", (request_id,)).fetchone()
        return _from_row(row) if row is not None else None

    def list(
        self, *, rating: Rating | None = None, limit: int | None = None, now: datetime | None = None
    ) -> list[FeedbackRecord]:
        if not self.path.exists():
            return []
        moment = int((now or utc_now()).timestamp())
        params = {"now": moment, "rating": rating, "limit": -1 if limit is None else limit}
        with self._connection() as conn:
            rows = conn.execute(_SELECT, params)
            return [_from_row(row) for row in rows.fetchall()]

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """A connection in a transaction (committed on success), closed after; SQLite and file-system
        errors become `FeedbackStoreError`s naming the file."""
        conn: sqlite3.Connection | None = None
        try:
            conn = self._connect()
            with conn:
                yield conn
        except (sqlite3.Error, OSError) as exc:
            raise self._error(exc) from None
        finally:
            if conn is not None:
                conn.close()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=self._timeout)
        conn.row_factory = sqlite3.Row
        if not self._ready:
            with self._lock:
                conn.executescript(_SCHEMA)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                self._ready = True
        return conn

    def _error(self, exc: BaseException) -> FeedbackStoreError:
        text = str(exc) or type(exc).__name__
        message = f"SQLite feedback store {self.path}: {text}"
        if isinstance(exc, OSError) or any(part in text.lower() for part in _MISCONFIGURED):
            return FeedbackStoreMisconfigured(message)
        return FeedbackStoreUnavailable(message)  # 'database is locked' past the busy timeout, and the rest


def _to_row(record: FeedbackRecord) -> dict[str, Any]:
    data = record.model_dump(mode="json")
    for column in _JSON_COLUMNS:
        data[column] = json.dumps(data[column], ensure_ascii=False)
    return {column: data[column] for column in COLUMNS}


def _from_row(row: sqlite3.Row) -> FeedbackRecord:
    data = dict(row)
    for column in _JSON_COLUMNS:
        data[column] = json.loads(data[column] or "[]")
    return FeedbackRecord.model_validate(data)
