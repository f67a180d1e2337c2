"""`POST /feedback`: a thumbs up/down (or ±1) on an answer, logged as one structured JSON record.

The log line is the store: CloudWatch Logs Insights can count `event = "feedback"` by rating. The
comment is kept (it is what the user wrote about the answer) but cut to 500 characters.
"""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import RequestIdDep
from api.logs import get_logger
from api.routes.responses import BODY_ERRORS
from api.schemas import FeedbackRequest, FeedbackResponse

router = APIRouter(tags=["feedback"])
log = get_logger("feedback")


@router.post("/feedback", response_model=FeedbackResponse, status_code=202, responses=BODY_ERRORS)
def feedback(body: FeedbackRequest, request_id: RequestIdDep) -> FeedbackResponse:
    rating = "up" if body.rating in ("up", 1) else "down"
    log.info(
        "feedback",
        extra={
            "event": "feedback",
            "answer_request_id": body.request_id,
            "rating": rating,
            "comment": (body.comment or "")[:500] or None,
        },
    )
    return FeedbackResponse(request_id=body.request_id)
