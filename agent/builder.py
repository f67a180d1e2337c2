"""Builds the course agent from settings: model, tools, prompt file, middleware.

`build_agent` is what `CourseAssistant.from_settings` calls once per process; tests call it directly
to swap the model. The agent's runtime context is a `tools.CourseToolContext` (index, retriever,
term), passed per request: nothing here holds request state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models import BaseChatModel

from agent.answer import Mode
from agent.index.base import Vocabulary
from agent.middleware import (
    HistoryBudgetMiddleware,
    InputCapMiddleware,
    LeakGuard,
    LeakGuardMiddleware,
    ModelErrorMiddleware,
    ToolRoundLimitMiddleware,
    tool_error_middleware,
)
from agent.prompts import DEFAULT_PROMPT, load_prompt
from agent.settings import Settings


@dataclass
class BuiltAgent:
    graph: Any
    mode: Mode
    model: BaseChatModel
    prompt_name: str
    guard: LeakGuard


def build_model(
    settings: Settings, vocabulary: Callable[[], Vocabulary | None] | None = None
) -> tuple[BaseChatModel, Mode]:
    """`ChatHyperClovaX` when a HyperCLOVA X key is configured (already resolved from SSM), else the
    keyless search-mode model."""
    if settings.hyperclova_api_key is not None:
        from agent.hyperclova import ChatHyperClovaX

        model = ChatHyperClovaX(
            model=settings.hyperclova_model,
            api_key=settings.hyperclova_api_key,
            base_url=settings.hyperclova_base_url,
            max_retries=settings.hyperclova_max_retries,
            timeout=settings.hyperclova_timeout,
        )
        return model, "hyperclova"
    from agent.search_mode import SearchModeChatModel

    return SearchModeChatModel(vocabulary=vocabulary), "search"


def secrets_of(settings: Settings) -> list[str]:
    """Every configured secret value, for the leak guard."""
    values = []
    for secret in (settings.hyperclova_api_key, settings.pinecone_api_key):
        if secret is not None:
            values.append(secret.get_secret_value())
    return values


def build_agent(
    settings: Settings,
    *,
    prompt: str = DEFAULT_PROMPT,
    model: BaseChatModel | None = None,
    mode: Mode | None = None,
    vocabulary: Callable[[], Vocabulary | None] | None = None,
) -> BuiltAgent:
    """The agent graph: `create_agent(model, TOOLS, system_prompt=<agent/prompts/{prompt}.md>, middleware)`.

    Middleware, outermost first: input cap, model-error mapping (HyperCLOVA X only: the search-mode
    model is local code, its bugs are bugs), leak guard, tool-round cap, history budget, tool errors.
    """
    from langchain.agents import create_agent

    from tools import TOOLS, CourseToolContext

    system_prompt = load_prompt(prompt)
    if model is None:
        model, mode = build_model(settings, vocabulary)
    mode = mode or ("search" if type(model).__name__ == "SearchModeChatModel" else "hyperclova")
    guard = LeakGuard(system_prompt, secrets_of(settings))
    middleware: list[Any] = [InputCapMiddleware(settings.max_message_chars)]
    if mode == "hyperclova":
        middleware.append(ModelErrorMiddleware())
    middleware += [
        LeakGuardMiddleware(guard),
        ToolRoundLimitMiddleware(),
        HistoryBudgetMiddleware(max(500, settings.max_history_chars // 4)),
        tool_error_middleware(),
    ]
    graph = create_agent(
        model,
        TOOLS,
        system_prompt=system_prompt,
        middleware=middleware,
        context_schema=CourseToolContext,
        name="coursebot",
    )
    return BuiltAgent(graph=graph, mode=mode, model=model, prompt_name=prompt, guard=guard)
