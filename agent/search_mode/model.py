"""The keyless search-mode chat model: deterministic, runs the same agent loop as HyperCLOVA X.

`SearchModeChatModel` is a LangChain `BaseChatModel` that supports `bind_tools`, so `create_agent` drives
it exactly like a real model:
1. on a user turn it plans tool calls from the question and the conversation (`planning.plan_turn`), or
   answers directly (greeting, off-topic, injection refusal);
2. once the tools have answered, it decides what the answer says (`compose.compose`, an `AnswerPlan`),
   words it in the question's language (`render`), and lists the sections it cited in
   `response_metadata["cited_ids"]` so the assistant returns exactly those as sources (and, for a list,
   its true totals and where the rest starts in `response_metadata["page"]`; planned weeks of a timetable
   in `response_metadata["timetables"]`).
It is labelled everywhere: `_llm_type` "coursebot-search-mode", `model_name` "search-mode", and the
assistant reports `mode="search"`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, HumanMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import ConfigDict

from agent.answer_page import page_metadata
from agent.index.base import Vocabulary
from agent.search_mode.answer_plan import AnswerPlan, Block, Reply
from agent.search_mode.compose import compose
from agent.search_mode.compose_timetable import answer_timetables
from agent.search_mode.intent import Language
from agent.search_mode.outcomes import ToolOutcome
from agent.search_mode.planning import Plan, plan_turn
from agent.search_mode.render import render

MODEL_NAME = "search-mode"
_PIECE = re.compile(r"\S+\s*|\s+")


class SearchModeChatModel(BaseChatModel):
    """Deterministic tool-calling model for the keyless mode (see the module docstring).

    `vocabulary` returns the catalog's vocabulary (departments, professors, course names) so the model
    can tell course questions from off-topic ones; None makes it search whenever unsure.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    vocabulary: Callable[[], Vocabulary | None] | None = None

    @property
    def _llm_type(self) -> str:
        return "coursebot-search-mode"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": MODEL_NAME}

    def bind_tools(
        self, tools: Sequence[Any], *, tool_choice: Any | None = None, **kwargs: Any
    ) -> Runnable[LanguageModelInput, AIMessage]:
        # create_agent binds on every model step: read a tool's name, don't rebuild its whole JSON schema.
        names = [getattr(t, "name", None) or convert_to_openai_tool(t)["function"]["name"] for t in tools]
        return self.bind(tool_names=names, **kwargs)

    # --- the one decision -------------------------------------------------------------------------
    def respond(self, messages: Sequence[BaseMessage], tool_names: Sequence[str] | None = None) -> AIMessage:
        """The next message of the agent loop for this conversation: tool calls, or the answer."""
        last_human = max((i for i, m in enumerate(messages) if isinstance(m, HumanMessage)), default=None)
        if last_human is None:
            return self._answer(AnswerPlan((Block(Reply("ask")),)), "ko")
        history = [
            ("user" if isinstance(m, HumanMessage) else "assistant", m.text)
            for m in messages[:last_human]
            if isinstance(m, (HumanMessage, AIMessage)) and m.text.strip()
        ]
        question = messages[last_human].text
        plan = plan_turn(question, history, self.vocabulary() if self.vocabulary else None)
        results = [m for m in messages[last_human + 1 :] if isinstance(m, ToolMessage)]
        if not results and plan.kind == "tools":
            calls = self._calls(plan, tool_names, seed=f"{len(messages)}|{question}")
            if calls:
                return calls
        outcomes = [
            ToolOutcome(name=m.name or "", content=m.text, artifact=m.artifact, error=m.status == "error")
            for m in results
        ]
        return self._answer(compose(plan, outcomes), plan.lang)

    @staticmethod
    def _calls(plan: Plan, tool_names: Sequence[str] | None, seed: str) -> AIMessage | None:
        """The plan's tool calls that are bound (None when none is)."""
        allowed = set(tool_names) if tool_names is not None else None
        calls = [c for c in plan.calls if allowed is None or c.name in allowed]
        if not calls:
            return None
        prefix = hashlib.sha1(seed.encode()).hexdigest()[:16]
        return AIMessage(
            content="",
            tool_calls=[
                {"name": c.name, "args": c.args, "id": f"call_{prefix}_{i}", "type": "tool_call"}
                for i, c in enumerate(calls)
            ],
            response_metadata={"model_name": MODEL_NAME},
        )

    @staticmethod
    def _answer(answer: AnswerPlan, lang: Language) -> AIMessage:
        metadata: dict[str, Any] = {"model_name": MODEL_NAME, "cited_ids": [s.id for s in answer.cited]}
        page = page_metadata(answer.totals)
        if page is not None:
            metadata["page"] = page  # the list's true totals and where the rest starts (the API's `page`)
        timetables = answer_timetables(answer, lang)
        if timetables:
            metadata["timetables"] = timetables  # planned weeks, notes in the answer's language (the API's)
        return AIMessage(content=render(answer, lang), response_metadata=metadata)

    # --- LangChain plumbing ---------------------------------------------------------------------
    # `bind_tools` binds `tool_names`: LangChain passes it among the keyword arguments.
    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        message = self.respond(messages, kwargs.get("tool_names"))
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _stream(self, messages: list[BaseMessage], stop: list[str] | None = None,
                run_manager: CallbackManagerForLLMRun | None = None,
                **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        message = self.respond(messages, kwargs.get("tool_names"))
        if message.tool_calls:
            yield ChatGenerationChunk(message=_tool_call_chunk(message))
            return
        pieces = _PIECE.findall(message.text) or [""]
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            metadata = message.response_metadata if last else {}
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece, response_metadata=metadata))
            if run_manager:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk


def _tool_call_chunk(message: AIMessage) -> AIMessageChunk:
    """A message of tool calls as one streamed chunk (arguments as JSON text, as providers stream them)."""
    chunks = [
        {"name": c["name"], "args": json.dumps(c["args"], ensure_ascii=False), "id": c["id"], "index": i}
        for i, c in enumerate(message.tool_calls)
    ]
    return AIMessageChunk(content="", tool_call_chunks=chunks, response_metadata=message.response_metadata)
