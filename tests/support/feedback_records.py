"""Feedback records for tests: a full record at a given time, and a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from agent.feedback.record import FeedbackRecord

T0 = datetime(2026, 3, 2, 9, 0, 0, 123456, tzinfo=UTC)


def make_record(request_id: str, rating: str = "down", *, minutes: float = 0, **fields: Any) -> FeedbackRecord:
    """A record rated `minutes` after T0, with every field filled unless `fields` says otherwise."""
    at = T0 + timedelta(minutes=minutes)
    data: dict[str, Any] = {
        "request_id": request_id, "rating": rating, "comment": "교수님 이름이 달라요 👀",
        "question": "자구 누가 가르쳐?", "answer": "자료구조(CSE2010)는 김민준 교수님이 가르칩니다.",
        "history": [{"role": "user", "content": "안녕"}, {"role": "assistant", "content": "무엇을 도와드릴까요?"}],
        "sources": ["CSE2010", "CSE2011"], "term": "2026-1", "mode": "search",
        "created_at": at, "updated_at": at, "feedback_request_id": f"fb-{request_id}",
        "expires_at": int((at + timedelta(days=365)).timestamp()),
    }
    data.update(fields)
    return FeedbackRecord.model_validate(data)
