"""Counting the agent's tool calls of one answer without touching the agent: a LangChain callback handler
that LangChain adds to every run started in a context where `tool_counter` holds one (a configure hook,
registered once, on first use; it does nothing in a context without a counter). `asyncio.to_thread` copies
the context, so search mode's worker thread counts into the same counter.
"""

from __future__ import annotations

import contextvars
import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

tool_counter: contextvars.ContextVar[Any | None] = contextvars.ContextVar("tool_counter", default=None)
_registered = False
_lock = threading.Lock()


@functools.cache
def _handler_class() -> type:
    from langchain_core.callbacks import BaseCallbackHandler

    class ToolCallCounter(BaseCallbackHandler):
        """Counts `on_tool_start` (one per tool call the agent makes)."""

        def __init__(self) -> None:
            self.calls = 0
            self._count_lock = threading.Lock()

        def on_tool_start(self, serialized: Any, input_str: str, **kwargs: Any) -> None:
            with self._count_lock:
                self.calls += 1

    return ToolCallCounter


def _new_counter() -> Any:
    global _registered
    from langchain_core.tracers.context import register_configure_hook

    with _lock:
        if not _registered:
            register_configure_hook(tool_counter, inheritable=True)
            _registered = True
    return _handler_class()()


def start_counting() -> Any:
    """A new counter (`.calls`) for the tool calls made from here on in this context (and the tasks and
    threads it starts): for a stream, whose runs continue in the response's task."""
    counter = _new_counter()
    tool_counter.set(counter)
    return counter


@contextmanager
def counting_tool_calls() -> Iterator[Any]:
    """A counter (`.calls`) for the tool calls made inside the block; the context is restored after."""
    counter = _new_counter()
    token = tool_counter.set(counter)
    try:
        yield counter
    finally:
        tool_counter.reset(token)
