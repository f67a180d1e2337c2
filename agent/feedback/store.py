"""One interface over the feedback backends, and its errors (`factory.open_store` picks the backend).

Writes are upserts keyed by the answer's `request_id` (see `record.py`): saving the same record twice
leaves one record, so a retried write (a timeout whose write did land) is harmless. That is what makes
the DynamoDB backend's retries safe.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from agent.feedback.record import FeedbackRecord, Rating
from agent.feedback.spec import StoreSpec


class FeedbackStoreError(RuntimeError):
    """The store could not do what was asked. The message names the store and the cause (an AWS error code,
    a SQLite message), never a secret."""


class FeedbackStoreUnavailable(FeedbackStoreError):
    """A passing failure: throttling or 5xx after retries, a network error, a database locked too long."""


class FeedbackStoreMisconfigured(FeedbackStoreError):
    """The store as configured cannot work: no such table, access denied, no credentials, a path that
    cannot be written."""


class FeedbackStore(Protocol):
    spec: StoreSpec

    def save(self, record: FeedbackRecord) -> FeedbackRecord:
        """Insert or replace the record of `record.request_id`, keeping the stored `created_at` if there
        was one. Returns the record as stored."""
        ...

    def get(self, request_id: str) -> FeedbackRecord | None:
        ...

    def list(
        self, *, rating: Rating | None = None, limit: int | None = None, now: datetime | None = None
    ) -> list[FeedbackRecord]:
        """Records not expired at `now` (default: the current time), newest rating first (`updated_at`,
        then `request_id`), optionally only one rating, at most `limit`."""
        ...
