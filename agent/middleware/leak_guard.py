"""Leak guard: no answer may contain the system prompt or a configured key, whatever the model does.

The prompt tells the model not to reveal itself; this makes it true even when a model is talked into
it. A message that contains any 18-character run of the prompt (whitespace ignored; quoted phrases the
prompt asks the model to say are allowed) or any key is replaced by a polite refusal.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from langchain.agents.middleware.types import AgentMiddleware, ModelRequest, ModelResponse
from langchain_core.messages import AIMessage

REFUSAL = "그 요청은 도와드릴 수 없어요. 수강 정보에 대해 물어봐 주세요."
WINDOW = 18
_SPACE = re.compile(r"\s+")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


class LeakGuard:
    """Detects prompt text or secrets inside a piece of model output."""

    def __init__(self, prompt: str, secrets: Iterable[str] = ()) -> None:
        body = _squash(_QUOTED.sub(" ", prompt))
        self._shingles = {body[i : i + WINDOW] for i in range(max(0, len(body) - WINDOW + 1))}
        self._secrets = [s for s in (str(x) for x in secrets if x) if len(s) >= 6]

    def leaks(self, text: str) -> bool:
        if not text:
            return False
        if any(secret in text or secret in _squash(text) for secret in self._secrets):
            return True
        squashed = _squash(text)
        return any(squashed[i : i + WINDOW] in self._shingles for i in range(len(squashed) - WINDOW + 1))

    @property
    def holdback(self) -> int:
        """How many trailing characters a streamer must hold back so a leak is caught before it is sent."""
        return max([WINDOW, *(len(s) for s in self._secrets)])


class LeakGuardMiddleware(AgentMiddleware):
    """Replaces a leaking model message (text and tool calls) with `REFUSAL`."""

    def __init__(self, guard: LeakGuard) -> None:
        super().__init__()
        self.guard = guard

    def _clean(self, response: Any) -> Any:
        messages = response.result if isinstance(response, ModelResponse) else [response]
        cleaned = []
        for message in messages:
            if isinstance(message, AIMessage) and (
                self.guard.leaks(message.text)
                or any(self.guard.leaks(str(call.get("args"))) for call in message.tool_calls)
            ):
                message = AIMessage(content=REFUSAL, id=message.id, usage_metadata=message.usage_metadata)
            cleaned.append(message)
        if isinstance(response, ModelResponse):
            return ModelResponse(result=cleaned, structured_response=response.structured_response)
        return cleaned[0]

    def wrap_model_call(self, request: ModelRequest, handler: Callable[[ModelRequest], ModelResponse]) -> Any:
        return self._clean(handler(request))

    async def awrap_model_call(
        self, request: ModelRequest, handler: Callable[[ModelRequest], Awaitable[ModelResponse]]
    ) -> Any:
        return self._clean(await handler(request))
