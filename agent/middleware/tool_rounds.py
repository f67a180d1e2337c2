"""Tool-round cap: after `max_rounds` rounds of tool calls in one turn, the model must answer with
what it has (it is called without tools), so a model that keeps calling tools cannot loop until the
graph's recursion limit kills the turn."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from langchain.agents.middleware.types import AgentMiddleware, ModelRequest, ModelResponse
from langchain_core.messages import AIMessage, HumanMessage

DEFAULT_MAX_ROUNDS = 4


def tool_rounds(messages: list[Any]) -> int:
    last_human = max((i for i, m in enumerate(messages) if isinstance(m, HumanMessage)), default=-1)
    return sum(1 for m in messages[last_human + 1 :] if isinstance(m, AIMessage) and m.tool_calls)


class ToolRoundLimitMiddleware(AgentMiddleware):
    def __init__(self, max_rounds: int = DEFAULT_MAX_ROUNDS) -> None:
        super().__init__()
        self.max_rounds = max_rounds

    def _limit(self, request: ModelRequest) -> ModelRequest:
        if tool_rounds(request.messages) >= self.max_rounds:
            return request.override(tools=[], tool_choice=None)
        return request

    def wrap_model_call(self, request: ModelRequest, handler: Callable[[ModelRequest], ModelResponse]) -> Any:
        return handler(self._limit(request))

    async def awrap_model_call(
        self, request: ModelRequest, handler: Callable[[ModelRequest], Awaitable[ModelResponse]]
    ) -> Any:
        return await handler(self._limit(request))
