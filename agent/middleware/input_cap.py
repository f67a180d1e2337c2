"""Input cap: refuse an empty or over-long question before any model or tool runs.

The API checks the same limit first (and answers 4xx); this keeps every other caller (CLI, evals,
library users) under it too, with the same typed error.
"""

from __future__ import annotations

from typing import Any

from langchain.agents.middleware.types import AgentMiddleware
from langchain_core.messages import HumanMessage

from agent.middleware.errors import InputRejectedError


def check_question(text: str, max_chars: int) -> str:
    """The stripped question, or `InputRejectedError` saying which limit it broke."""
    stripped = (text or "").strip()
    if not stripped:
        raise InputRejectedError("질문이 비어 있어요. 궁금한 강좌를 적어 주세요.", reason="empty")
    if len(stripped) > max_chars:
        raise InputRejectedError(
            f"질문이 너무 길어요 ({len(stripped)}자). {max_chars}자 이내로 줄여 주세요.",
            reason="too_long",
            limit=max_chars,
        )
    return stripped


class InputCapMiddleware(AgentMiddleware):
    """Checks the newest user message against `max_chars` when the agent starts."""

    def __init__(self, max_chars: int) -> None:
        super().__init__()
        self.max_chars = max_chars

    def before_agent(self, state: Any, runtime: Any) -> dict[str, Any] | None:
        for message in reversed(state["messages"]):
            if isinstance(message, HumanMessage):
                check_question(message.text, self.max_chars)
                break
        return None
