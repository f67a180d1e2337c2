"""History trimming: the caller sends recent turns (the API is stateless); the model sees as many of
the newest ones as fit a token budget. The current turn (the question and this turn's tool calls and
results) is always kept whole."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from langchain.agents.middleware.types import AgentMiddleware, ModelRequest, ModelResponse
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from langchain_core.messages.utils import count_tokens_approximately

DEFAULT_HISTORY_TOKENS = 2000


def trim_history(messages: Sequence[BaseMessage], max_tokens: int) -> list[BaseMessage]:
    """Keep the current turn plus the newest earlier messages within `max_tokens` (approximate count,
    ~4 chars a token; Korean runs denser, so the budget errs on the generous side). Kept history always
    starts at a user message, so the model never sees an answer without its question."""
    messages = list(messages)
    last_human = max((i for i, m in enumerate(messages) if isinstance(m, HumanMessage)), default=None)
    if last_human is None:
        return messages
    current, earlier = messages[last_human:], messages[:last_human]
    kept: list[BaseMessage] = []
    used = 0
    for message in reversed(earlier):
        cost = count_tokens_approximately([message])
        if used + cost > max_tokens:
            break
        kept.insert(0, message)
        used += cost
    while kept and not isinstance(kept[0], HumanMessage):
        kept.pop(0)
    return kept + current


class HistoryBudgetMiddleware(AgentMiddleware):
    """Trims what each model call sees (the graph state keeps everything)."""

    def __init__(self, max_tokens: int = DEFAULT_HISTORY_TOKENS) -> None:
        super().__init__()
        self.max_tokens = max_tokens

    def wrap_model_call(
        self, request: ModelRequest, handler: Callable[[ModelRequest], ModelResponse]
    ) -> ModelResponse | AIMessage:
        return handler(request.override(messages=trim_history(request.messages, self.max_tokens)))

    async def awrap_model_call(
        self, request: ModelRequest, handler: Callable[[ModelRequest], Awaitable[ModelResponse]]
    ) -> Any:
        return await handler(request.override(messages=trim_history(request.messages, self.max_tokens)))
