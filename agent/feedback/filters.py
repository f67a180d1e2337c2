"""Which feedback records an operator asked for: `coursebot feedback list|export --since/--until/--term/
--mode/--has-comment` (the rating is the store's own filter).

Filtering happens here, after the store's read, for both backends alike: feedback is a small table read
by an operator (DynamoDB scans it anyway), and one implementation means one meaning of each option.
Dates are UTC: `--since 2026-03-01` is from that day's start, `--until 2026-03-01` through that day's end;
a full ISO time (`2026-03-01T09:30`, `...Z`, `...+09:00`) is that moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from agent.feedback.record import FeedbackRecord


class FilterError(ValueError):
    """A filter value that cannot be read; the message says what was expected."""


@dataclass(frozen=True)
class FeedbackFilter:
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    term: str | None = None
    mode: str | None = None
    has_comment: bool | None = None

    @property
    def active(self) -> bool:
        values = (self.since, self.until, self.term, self.mode, self.has_comment)
        return any(value is not None for value in values)

    def matches(self, record: FeedbackRecord) -> bool:
        if self.since is not None and record.updated_at < self.since:
            return False
        if self.until is not None and record.updated_at >= self.until:
            return False
        if self.term is not None and (record.term or "").strip() != self.term.strip():
            return False
        if self.mode is not None and record.mode != self.mode:
            return False
        return self.has_comment is None or bool((record.comment or "").strip()) == self.has_comment

    def apply(self, records: list[FeedbackRecord], limit: int | None) -> list[FeedbackRecord]:
        kept = [record for record in records if self.matches(record)]
        return kept if limit is None else kept[:limit]


def parse_moment(text: str, *, end_of_day: bool = False) -> datetime:
    """`2026-03-01` (that day's start, or the next day's start with `end_of_day`) or an ISO date-time
    (naive = UTC)."""
    value = text.strip()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        day = None
    if day is not None and len(value) == 10:
        start = datetime.combine(day, time(0), tzinfo=UTC)
        return start + timedelta(days=1) if end_of_day else start
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        expected = "a date (YYYY-MM-DD) or an ISO time (YYYY-MM-DDTHH:MM[Z])"
        raise FilterError(f"{text!r} is not {expected}") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
