"""`POST /feedback`: a rating of one answer (up/down, or ±1) and what it was about, kept in the feedback
store (`FEEDBACK_STORE`: SQLite locally, DynamoDB on AWS), logged as one JSON line and counted
(`FeedbackUp`/`FeedbackDown`, api/metrics/).

One record per answer: rating the same answer again replaces its record (`agent/feedback/record.py`).
Text the page or the user sent is stored with the registered secret values masked, as the logs mask them.
A store that fails (after the DynamoDB client's retries) is a 503 that says so; the rating and the
comment are then in the log line (`stored: false`), so a lost write is never silent. Log lines carry the
sizes of the question, answer and history, never their text (api/logs.py).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from agent.feedback.factory import open_store
from agent.feedback.record import MAX_COMMENT_CHARS, FeedbackRecord, FeedbackTurn, expiry, utc_now
from agent.feedback.store import FeedbackStore, FeedbackStoreError, FeedbackStoreMisconfigured
from api.deps import RequestIdDep, SettingsDep
from api.errors import UPSTREAM_MESSAGES, ApiError
from api.limits import check_feedback_request
from api.logs import get_logger, redact
from api.metrics.recorder import MetricsDep
from api.routes.responses import BODY_ERRORS, errors
from api.schemas import FeedbackRequest, FeedbackResponse
from api.state import app_singleton

router = APIRouter(tags=["feedback"])
log = get_logger("feedback")
LOGGED_COMMENT_CHARS = 500  # when the store has the whole comment

STORE_ERRORS = {
    "feedback_unavailable": (
        503, "의견 저장소에 일시적인 문제가 있어 의견을 저장하지 못했습니다. 잠시 후 다시 보내 주세요."
    ),
    "service_misconfigured": UPSTREAM_MESSAGES["service_misconfigured"],
}


def get_feedback_store(request: Request) -> FeedbackStore:
    """The app's one feedback store, opened on the first feedback (opening touches nothing yet)."""
    return app_singleton(request, "feedback_store", lambda state: open_store(state.settings.feedback_store))


FeedbackStoreDep = Annotated[FeedbackStore, Depends(get_feedback_store)]


@router.post("/feedback", response_model=FeedbackResponse, status_code=202,
             responses={**BODY_ERRORS, **errors(503)})
def feedback(
    body: FeedbackRequest, request_id: RequestIdDep, settings: SettingsDep, store: FeedbackStoreDep,
    metrics: MetricsDep,
) -> FeedbackResponse:
    check_feedback_request(body, settings)
    record = build_record(body, request_id, settings.feedback_retention_days)
    try:
        stored = store.save(record)
    except FeedbackStoreError as exc:
        _log(record, store, exc)
        misconfigured = isinstance(exc, FeedbackStoreMisconfigured)
        code = "service_misconfigured" if misconfigured else "feedback_unavailable"
        status, message = STORE_ERRORS[code]
        raise ApiError(status, code, message, headers={"Retry-After": "10"}) from None
    _log(stored, store)
    metrics.record_feedback(stored.rating, stored.mode)
    return FeedbackResponse(request_id=body.request_id)


def build_record(body: FeedbackRequest, request_id: str, retention_days: int) -> FeedbackRecord:
    """The record of `body`, stamped now by the server; blank text is absent, secrets are masked."""
    now = utc_now()
    return FeedbackRecord(
        request_id=body.request_id,
        rating="up" if body.rating in ("up", 1) else "down",
        comment=_text(body.comment),
        question=_text(body.question),
        answer=_text(body.answer),
        history=[FeedbackTurn(role=turn.role, content=redact(turn.content)) for turn in body.history],
        sources=list(dict.fromkeys(body.sources)),
        term=_text(body.term),
        mode=body.mode,
        created_at=now,
        updated_at=now,
        feedback_request_id=request_id,
        expires_at=expiry(now, retention_days),
    )


def _text(value: str | None) -> str | None:
    return redact(value) if value is not None and value.strip() else None


def _log(record: FeedbackRecord, store: FeedbackStore, error: FeedbackStoreError | None = None) -> None:
    comment_chars = LOGGED_COMMENT_CHARS if error is None else MAX_COMMENT_CHARS  # the log is the only copy
    fields: dict[str, object] = {
        "event": "feedback",
        "answer_request_id": record.request_id,
        "rating": record.rating,
        "comment": (record.comment or "")[:comment_chars] or None,
        "sources": record.sources,
        "term": record.term,
        "mode": record.mode,
        "question_chars": len(record.question or ""),
        "answer_chars": len(record.answer or ""),
        "history_turns": len(record.history),
        "store": store.spec.backend,
        "stored": error is None,
    }
    if error is None:
        log.info("feedback", extra={**fields, "revised": record.revised})
    else:
        failure = {"error_type": type(error).__name__, "error": str(error)}
        log.error("feedback not stored", extra={**fields, **failure})
