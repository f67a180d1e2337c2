"""Request and response bodies of the API (what the OpenAPI schema publishes).

Requests forbid unknown fields: a misspelled field is an error that names it, not silently ignored.
Per-deployment limits (message length, history size) come from `Settings` and are checked in
`api.limits`, so one code path serves every configuration.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from agent.answer import Mode, Page, Usage
from agent.catalog.models import CourseSection


class HistoryTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    content: str


class ChatRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"message": "화목 오전에 들을 수 있는 경영학과 전공 있어요?", "history": []}]},
    )

    message: str = Field(min_length=1, description="the question (limit: MAX_MESSAGE_CHARS)")
    history: list[HistoryTurn] = Field(
        default_factory=list, description="earlier turns, oldest first (limits: MAX_HISTORY_TURNS, MAX_HISTORY_CHARS)"
    )
    term: str | None = Field(default=None, max_length=40, description="term to search, e.g. '2026-1'")
    offset: int | None = Field(
        default=None, ge=0, le=100_000, strict=True,
        description="paging: where this turn's course list starts in its matching set. Send the previous "
        "response's `page.next_offset` with the same message and history, or with message '더 보기' and that "
        "answer appended to the history; the conditions are the question's, so they are kept",
    )


class ChatResponse(BaseModel):
    answer: str
    sources: list[CourseSection]
    mode: Mode
    request_id: str
    usage: Usage | None = None
    page: Page | None = Field(
        default=None, description="for an answer that lists a set: its true totals, the part listed, and "
        "`next_offset` to ask for the rest (null when nothing is left); null when the answer lists no set",
    )


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    request_id: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:-]+$",
                            description="the request_id of the answer being rated")
    rating: Literal["up", "down", 1, -1] = Field(description='"up"/"down" or 1/-1')
    comment: str | None = Field(default=None, max_length=2000)

    @field_validator("rating", mode="before")
    @classmethod
    def _no_booleans(cls, value: object) -> object:
        # JSON true == 1 in Python; a boolean is not a rating.
        if isinstance(value, bool):
            raise ValueError('rating must be "up", "down", 1 or -1')
        return value


class FeedbackResponse(BaseModel):
    status: Literal["recorded"] = "recorded"
    request_id: str = Field(description="the request_id the feedback is about")


class IndexInfo(BaseModel):
    backend: Literal["local", "pinecone"]
    configured: bool = Field(description="whatever the backend needs is set (path, or key + index/host)")


class ModelInfo(BaseModel):
    mode: Mode = Field(description="'hyperclova' when a key (or key parameter) is set, else 'search'")
    name: str | None = Field(description="the HyperCLOVA X model in hyperclova mode")
    embedding: str


class HealthResponse(BaseModel):
    status: Literal["ok"] = "ok"
    environment: str
    index: IndexInfo
    model: ModelInfo
    assistant_ready: bool = Field(description="the assistant has been built in this process (warm)")
    version: str
