"""What an answer is, for every caller: the API, the CLI, the evals and the page.

`CourseAssistant` (in `agent.assistant`) is the one entry point that turns a question and recent turns
into a `ChatAnswer`, or into a stream of `StreamEvent`s with the same content.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from agent.catalog.models import CourseSection
from agent.timetable import Timetable

Mode = Literal["hyperclova", "search"]


class ChatTurn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class Usage(BaseModel):
    input_tokens: int = 0
    output_tokens: int = 0
    total_tokens: int = 0


class Page(BaseModel):
    """Which part of a matching set an answer lists, and where the rest starts (so a client can page)."""

    total_sections: int = Field(ge=0, description="every section that meets the question (the true total)")
    total_courses: int = Field(ge=0, description="distinct courses among them")
    offset: int = Field(ge=0, description="position (0-based) of the first section the answer lists")
    shown: int = Field(ge=0, description="how many sections the answer lists from there")
    next_offset: int | None = Field(
        default=None, ge=0,
        description="where the rest starts: send it back as `offset` (with the same question and history, or "
        "with '더 보기' after this answer) to get the next page; null when nothing is left",
    )


class ChatAnswer(BaseModel):
    answer: str
    sources: list[CourseSection] = Field(default_factory=list, description="the sections the answer rests on")
    mode: Mode
    usage: Usage | None = None
    retrieved: list[str] = Field(
        default_factory=list, description="course codes the tools returned, in rank order (for evals)"
    )
    page: Page | None = Field(default=None, description="the list's true totals and paging (None: no list)")
    timetables: list[Timetable] = Field(
        default_factory=list,
        description="planned weeks (`plan_timetable`), best first; empty when none was planned",
    )


class StreamEvent(BaseModel):
    """`delta` events carry answer text; then one `sources` event; then `done` (or `error`)."""

    type: Literal["delta", "sources", "done", "error"]
    text: str | None = None
    sources: list[CourseSection] | None = None
    answer: ChatAnswer | None = None
    error: str | None = None


class AssistantProtocol(Protocol):
    """`offset` (optional, keyword): where this turn's course search starts in its matching set (a previous
    answer's `page.next_offset`)."""

    mode: Mode

    def answer(
        self, message: str, history: Sequence[ChatTurn] = (), term: str | None = None, *,
        offset: int | None = None,
    ) -> ChatAnswer: ...

    async def aanswer(
        self, message: str, history: Sequence[ChatTurn] = (), term: str | None = None, *,
        offset: int | None = None,
    ) -> ChatAnswer: ...

    def astream(
        self, message: str, history: Sequence[ChatTurn] = (), term: str | None = None, *,
        offset: int | None = None,
    ) -> AsyncIterator[StreamEvent]: ...
