"""Request and response bodies of the API (what the OpenAPI schema publishes).

Requests forbid unknown fields: a misspelled field is an error that names it, not silently ignored.
Per-deployment limits (message length, history size) come from `Settings` and are checked in
`api.limits`, so one code path serves every configuration.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from agent.answer import Mode, Page, Usage
from agent.catalog.models import CourseSection
from agent.timetable import Timetable
from agent.feedback.record import (
    MAX_ANSWER_CHARS,
    MAX_CODE_CHARS,
    MAX_COMMENT_CHARS,
    MAX_SOURCES,
    MAX_TERM_CHARS,
)


# Invisible format characters a copy-paste (or an attacker) leaves in text: zero-width space/joiners, word
# joiner, BOM, soft hyphen. They change no meaning, so they are removed before validation and search.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def normalize_message(text: str) -> str:
    """The question as validated and searched: NFKC (full-width letters, composed Hangul), invisible
    characters removed, outer whitespace stripped."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).strip()


class HistoryTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    content: str


class ChatRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"message": "화목 오전에 들을 수 있는 경영학과 전공 있어요?", "history": []}]},
    )

    message: str = Field(
        min_length=1, pattern=r"\S",
        description="the question (limit: MAX_MESSAGE_CHARS). Normalised first (NFKC, zero-width characters "
        "removed, outer whitespace stripped); empty after that is 422 `empty_message`",
    )
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


    @field_validator("message", mode="before")
    @classmethod
    def _normalize(cls, value: object) -> object:
        return normalize_message(value) if isinstance(value, str) else value


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
    timetables: list[Timetable] = Field(
        default_factory=list, description="weeks planned for a timetable request ('자료구조, 운영체제 금공강으로 "
        "시간표 짜줘'), best first: each with one section per course (`sections`, meetings in `slots`), total "
        "`credits`, the `days` with classes and `notes` ('금요일 공강', '월요일 09:00 시작'); empty otherwise",
    )


class FeedbackRequest(BaseModel):
    """A rating of one answer and, optionally, what it was about: the store keeps one record per answer
    (`request_id`); rating the same answer again replaces the earlier record."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{
            "request_id": "3f2c9a", "rating": "down", "comment": "교수님 이름이 틀렸어요",
            "question": "자구 누가 가르쳐?", "answer": "자료구조는 …", "sources": ["CSE2010"], "term": "2026-1",
            "mode": "search", "history": [],
        }]},
    )

    request_id: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:-]+$",
                            description="the request_id of the answer being rated")
    rating: Literal["up", "down", 1, -1] = Field(description='"up"/"down" or 1/-1')
    comment: str | None = Field(default=None, max_length=MAX_COMMENT_CHARS)
    question: str | None = Field(default=None, description="the question answered (limit: MAX_MESSAGE_CHARS)")
    answer: str | None = Field(default=None, max_length=MAX_ANSWER_CHARS, description="the answer as shown")
    history: list[HistoryTurn] = Field(
        default_factory=list,
        description="the turns before the question, oldest first (limits: MAX_HISTORY_TURNS, MAX_HISTORY_CHARS)",
    )
    sources: list[Annotated[str, StringConstraints(min_length=1, max_length=MAX_CODE_CHARS)]] = Field(
        default_factory=list, max_length=MAX_SOURCES, description="course codes of the sections the answer cited"
    )
    term: str | None = Field(default=None, max_length=MAX_TERM_CHARS, description="the term asked about")
    mode: Mode | None = Field(default=None, description="the answer's mode")

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
    status: Literal["ok", "degraded"] = Field(
        "ok", description="'degraded' when the course index cannot be opened or searched (`reason` says why)")
    reason: str | None = Field(None, description="why the service is degraded (None when ok)")
    environment: str
    index: IndexInfo
    model: ModelInfo
    assistant_ready: bool = Field(description="the assistant has been built in this process (warm)")
    version: str
