"""Fixtures for the HyperCLOVA X client tests: a fresh loopback server per test, and a model factory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.fakes.hyperclova import HyperClovaServer

API_KEY = "nv-test-secret-0123456789"


@pytest.fixture
def server() -> Iterator[HyperClovaServer]:
    with HyperClovaServer(api_key=API_KEY) as srv:
        yield srv


@pytest.fixture
def make_llm(server: HyperClovaServer) -> Callable[..., Any]:
    """`make_llm(**overrides)` -> ChatHyperClovaX pointed at `server`, with millisecond retry backoff."""
    from agent.hyperclova import ChatHyperClovaX

    def factory(**kwargs: Any) -> ChatHyperClovaX:
        params: dict[str, Any] = {
            "api_key": API_KEY,
            "base_url": server.base_url,
            "retry_initial_delay": 0.01,
            "retry_max_delay": 0.05,
            "timeout": 5,
        }
        params.update(kwargs)
        return ChatHyperClovaX(**params)

    return factory
