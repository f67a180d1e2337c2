"""HyperCLOVA X for LangChain: `ChatHyperClovaX` (its class docstring is the manual) and its typed errors.

```python
from agent.hyperclova import ChatHyperClovaX, HyperClovaRateLimitError
```

| module | holds |
|---|---|
| `chat_model` | `ChatHyperClovaX`: settings, invoke and stream (sync, async), `bind_tools`, token counts |
| `messages` | LangChain messages -> v3 `messages` (system merge, images, tool calls and results) |
| `wire` | the v3 request body (sampling, tools, `responseFormat`, thinking); `result` -> `AIMessage` |
| `sse` | the SSE decoder and the assembler of stream events into chunks |
| `http`, `retry` | reused httpx clients; what is retried, and how long it waits |
| `structured` | `with_structured_output` |
| `errors` | `HyperClovaError` and its subclasses, one per kind of failure |

`ChatHyperClovaX` is imported on first access, not with the package: the errors are light, and
`agent.middleware.model_errors` imports them whenever any chat model fails, which must not load httpx and the
chat model (about 110 modules) into a search-mode process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from agent.hyperclova.errors import (
    HyperClovaAPIError,
    HyperClovaAuthenticationError,
    HyperClovaBadRequestError,
    HyperClovaConnectionError,
    HyperClovaError,
    HyperClovaNotFoundError,
    HyperClovaPermissionError,
    HyperClovaRateLimitError,
    HyperClovaServerError,
    HyperClovaStreamError,
    HyperClovaTimeoutError,
)

if TYPE_CHECKING:
    from agent.hyperclova.chat_model import ChatHyperClovaX

__all__ = [
    "ChatHyperClovaX",
    "HyperClovaError",
    "HyperClovaAPIError",
    "HyperClovaBadRequestError",
    "HyperClovaAuthenticationError",
    "HyperClovaPermissionError",
    "HyperClovaNotFoundError",
    "HyperClovaRateLimitError",
    "HyperClovaServerError",
    "HyperClovaStreamError",
    "HyperClovaConnectionError",
    "HyperClovaTimeoutError",
]


def __getattr__(name: str) -> Any:
    if name == "ChatHyperClovaX":
        from agent.hyperclova.chat_model import ChatHyperClovaX

        return ChatHyperClovaX
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
