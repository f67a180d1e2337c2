"""What an answer is, for every caller: the API, the CLI, the evals and the page.

`CourseAssistant` (in `agent.assistant`) is the one entry point that turns a question and recent turns
into a `ChatAnswer`, or into a stream of `StreamEvent`s with the same content.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from agent.catalog.models import CourseSection

Mode = Literal["hyperclova", "search"]


class ChatTurn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class Usage(BaseModel):
    input_tokens: int = 0
    output_tokens: int = 0
    total_tokens: int = 0


class ChatAnswer(BaseModel):
    answer: str
    sources: list[CourseSection] = Field(default_factory=list, description="the sections the answer rests on")
    mode: Mode
    usage: Usage | None = None
    retrieved: list[str] = Field(
        default_factory=list, description="course codes the tools returned, in rank order (for evals)"
    )


class StreamEvent(BaseModel):
    """`delta` events carry answer text; then one `sources` event; then `done` (or `error`)."""

    type: Literal["delta", "sources", "done", "error"]
    text: str | None = None
    sources: list[CourseSection] | None = None
    answer: ChatAnswer | None = None
    error: str | None = None


class AssistantProtocol(Protocol):
    mode: Mode

    def answer(self, message: str, history: Sequence[ChatTurn] = (), term: str | None = None) -> ChatAnswer: ...

    async def aanswer(
        self, message: str, history: Sequence[ChatTurn] = (), term: str | None = None
    ) -> ChatAnswer: ...

    def astream(
        self, message: str, history: Sequence[ChatTurn] = (), term: str | None = None
    ) -> AsyncIterator[StreamEvent]: ...
