"""`GET /terms`: the terms the course index holds (newest first), the one a question without `term` is asked
about, and whose catalogs they are. The chat page fills its term picker and header from it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from api.deps import AssistantDep
from api.errors import UPSTREAM_MESSAGES, ApiError
from api.logs import get_logger
from api.routes.responses import errors

router = APIRouter(tags=["terms"])
log = get_logger("terms")


class TermsResponse(BaseModel):
    terms: list[str] = Field(description="the index's terms, newest first, e.g. ['2026-1', '2025-2']")
    default: str | None = Field(description="the term a request without `term` is answered from")
    universities: list[str] = Field(
        default_factory=list, description="whose catalogs the default term holds, e.g. ['숭실대학교'] ([] if unnamed)"
    )


def _read(retriever: Any) -> TermsResponse:
    held = list(retriever.terms())
    default = retriever.resolve_term(None)
    universities = list(retriever.vocabulary(default).universities) if default else []
    return TermsResponse(terms=held, default=default, universities=universities)


@router.get("/terms", response_model=TermsResponse, responses=errors(500, 503))
async def terms(assistant: AssistantDep) -> TermsResponse:
    retriever = getattr(assistant, "retriever", None)
    if retriever is None:  # an assistant without an index (a stand-in): nothing to list, and no guessing
        return TermsResponse(terms=[], default=None)
    try:
        return await run_in_threadpool(_read, retriever)
    except Exception as exc:
        log.error("terms could not be read", extra={"error_type": type(exc).__name__, "error": str(exc)[:300]})
        status, message = UPSTREAM_MESSAGES["index_unavailable"]
        raise ApiError(status, "index_unavailable", message, headers={"Retry-After": "10"}) from None
