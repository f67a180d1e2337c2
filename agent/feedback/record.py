"""What is kept about one rated answer: `FeedbackRecord`, and the size limits every writer shares.

One record per answer, keyed by the answer's `request_id`: a later rating of the same answer replaces the
earlier one (a student may change their mind), and `created_at` keeps when the answer was first rated.
Timestamps are UTC with a fixed width (`2026-12-04T09:30:00.000000Z`), so their text sorts as time does
(SQLite orders by it). `expires_at` (epoch seconds) is the DynamoDB TTL attribute; both backends stop
listing a record once it has passed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

Rating = Literal["up", "down"]

# Limits of what one feedback may carry (the API rejects beyond them with a 422 naming the field). The
# question and the history are limited by the chat's own settings (MAX_MESSAGE_CHARS, MAX_HISTORY_*):
# they are what the chat accepted.
MAX_COMMENT_CHARS = 2000
MAX_ANSWER_CHARS = 8000
MAX_SOURCES = 100
MAX_CODE_CHARS = 64
MAX_TERM_CHARS = 40
_TIMESTAMP = "%Y-%m-%dT%H:%M:%S.%fZ"


def utc_now() -> datetime:
    return datetime.now(UTC)


def format_timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_TIMESTAMP)


class FeedbackTurn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class FeedbackRecord(BaseModel):
    # Stored items may carry attributes a newer version wrote: reading them must not fail.
    model_config = ConfigDict(extra="ignore")

    request_id: str = Field(description="the request_id of the answer rated (the key)")
    rating: Rating
    comment: str | None = None
    question: str | None = None
    answer: str | None = None
    history: list[FeedbackTurn] = Field(default_factory=list, description="the turns before the question")
    sources: list[str] = Field(default_factory=list, description="course codes the answer cited")
    term: str | None = None
    mode: str | None = Field(default=None, description="'hyperclova' or 'search'")
    created_at: datetime = Field(description="when this answer was first rated (server time, UTC)")
    updated_at: datetime = Field(description="when the rating now kept was given (server time, UTC)")
    feedback_request_id: str | None = Field(default=None, description="the POST /feedback request's own id")
    expires_at: int | None = Field(default=None, description="epoch seconds after which it is dropped")

    @field_serializer("created_at", "updated_at")
    def _fixed_width(self, moment: datetime) -> str:
        return format_timestamp(moment)

    @property
    def revised(self) -> bool:
        """The rating was given again (maybe changed) after the first time."""
        return self.updated_at != self.created_at

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and self.expires_at <= int(now.timestamp())


def expiry(now: datetime, retention_days: int) -> int | None:
    """`expires_at` for a record written at `now`: None keeps it for good (retention 0)."""
    if retention_days <= 0:
        return None
    return int((now + timedelta(days=retention_days)).timestamp())
