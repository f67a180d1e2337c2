"""`CourseAssistant`: a question (and recent turns) -> a grounded answer with its course sources.

Built once per process (`CourseAssistant.from_settings`) and reused across requests: it holds the
agent graph, the index and the retriever; every call passes its own history (the API is stateless)
and term. See `agent.answer.AssistantProtocol` for the contract every caller codes against.

Failures (see `agent.middleware.errors` for the HTTP mapping):
- `InputRejectedError` (ValueError): empty or over-long question; raised before any work.
- `UpstreamTimeoutError` / `UpstreamUnavailableError` (`UpstreamError`): the model failed after retries.
- `agent.index.base.IndexError_`: the index is unreachable.
`answer`/`aanswer` raise them; `astream` turns them into one `error` event carrying the Korean
`user_message` (a stream has already answered 200 when they happen).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any

from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, HumanMessage, ToolMessage

from agent.answer import ChatAnswer, ChatTurn, Mode, StreamEvent, Usage
from agent.answer_page import answer_page, answer_timetables
from agent.catalog.models import CourseSection
from agent.index.base import UNAVAILABLE_MESSAGE, CourseIndex, IndexError_, Vocabulary
from agent.middleware.errors import AssistantError, InputRejectedError
from agent.middleware.input_cap import check_question
from agent.prompts import DEFAULT_PROMPT
from agent.search_mode.sections import dedupe
from agent.settings import Settings, get_settings

log = logging.getLogger(__name__)

INDEX_DOWN_MESSAGE = UNAVAILABLE_MESSAGE  # the API's `index_unavailable` text: one wording in /chat and the stream
INTERNAL_MESSAGE = "답변을 만드는 중에 문제가 생겼어요. 잠시 후 다시 시도해 주세요."
RECURSION_LIMIT = 16
EMPTY_ANSWER = "죄송해요, 답변을 만들지 못했어요. 질문을 조금 바꿔서 다시 물어봐 주세요."


def _turn_messages(messages: Sequence[BaseMessage]) -> list[BaseMessage]:
    """This turn's messages: everything after the newest user message."""
    last_human = max((i for i, m in enumerate(messages) if isinstance(m, HumanMessage)), default=-1)
    return list(messages[last_human + 1 :])


def tool_sections(turn: Sequence[BaseMessage]) -> list[CourseSection]:
    """Sections the tools returned this turn, in call order then rank order (duplicates kept)."""
    found: list[CourseSection] = []
    for message in turn:
        if isinstance(message, ToolMessage) and isinstance(message.artifact, dict):
            found.extend(s for s in message.artifact.get("sections", []) if isinstance(s, CourseSection))
    return found


def select_sources(answer: AIMessage | None, returned: list[CourseSection]) -> list[CourseSection]:
    """The sections the answer rests on, deduplicated, in the order the tools returned them.

    The search-mode model lists what it cited (`response_metadata["cited_ids"]`). For HyperCLOVA X,
    a section counts when its course code appears in the answer, else when its name does.
    """
    if answer is None:
        return []
    unique = dedupe(returned)
    cited_ids = answer.response_metadata.get("cited_ids") if answer.response_metadata else None
    if cited_ids is not None:
        by_id = {s.id: s for s in unique}
        return [by_id[i] for i in cited_ids if i in by_id]
    text = answer.text  # text blocks only: reasoning and tool-call blocks cite nothing
    by_code = [s for s in unique if s.code and s.code in text]
    if by_code:
        return _named_sections(by_code, text)
    squashed = text.replace(" ", "")
    return [s for s in unique if len(s.name.strip()) >= 2 and s.name.replace(" ", "") in squashed]


def _named_sections(sections: list[CourseSection], text: str) -> list[CourseSection]:
    """Where the answer names particular sections of a code ("CSE2010 01분반", "CSE2010-01"), keep only
    those; a code cited without a section keeps all its returned sections."""
    squashed = re.sub(r"\s+", "", text)
    chosen: list[CourseSection] = []
    for code in dict.fromkeys(s.code for s in sections):
        group = [s for s in sections if s.code == code]
        named = [
            s for s in group
            if s.section and re.search(
                rf"{re.escape(code)}\W{{0,3}}(?:\S{{0,12}}?,)?{re.escape(s.section)}(?:분반|\b|\))", squashed
            )
        ]
        chosen.extend(named or group)
    return chosen


def usage_of(turn: Sequence[BaseMessage]) -> Usage | None:
    totals = [m.usage_metadata for m in turn if isinstance(m, AIMessage) and m.usage_metadata]
    if not totals:
        return None
    return Usage(
        input_tokens=sum(u.get("input_tokens", 0) for u in totals),
        output_tokens=sum(u.get("output_tokens", 0) for u in totals),
        total_tokens=sum(u.get("total_tokens", 0) for u in totals),
    )


class CourseAssistant:
    """Implements `AssistantProtocol` over a LangChain agent (see the module docstring)."""

    def __init__(
        self,
        built: Any,
        index: CourseIndex,
        retriever: Any,
        settings: Settings,
        *,
        k: int = 8,
    ) -> None:
        self._built = built
        self.graph = built.graph
        self.mode: Mode = built.mode
        self.prompt_name: str = built.prompt_name
        self.index = index
        self.retriever = retriever
        self.settings = settings
        self.k = k

    # --- construction -----------------------------------------------------------------------------
    @classmethod
    def from_settings(
        cls,
        settings: Settings | None = None,
        index: CourseIndex | None = None,
        prompt: str = DEFAULT_PROMPT,
        *,
        model: Any | None = None,
        k: int = 8,
    ) -> CourseAssistant:
        """The assistant for these settings: `ChatHyperClovaX` when a key is configured (a
        `HYPERCLOVA_API_KEY_PARAM` is resolved from SSM here if the caller has not done it), else search
        mode. `index` defaults to `open_index(settings)`; `prompt` names `agent/prompts/<prompt>.md`;
        `model` overrides the chat model (tests)."""
        from agent.builder import build_agent
        from agent.retrieval import CourseRetriever

        settings = settings or get_settings()
        if settings.hyperclova_api_key is None and settings.hyperclova_api_key_param and model is None:
            from agent.secrets import resolve_settings

            settings = resolve_settings(settings)
        if index is None:
            from agent.index.factory import open_index

            index = open_index(settings)
        vocabulary = _VocabularyCache(index)
        built = build_agent(settings, prompt=prompt, model=model, vocabulary=vocabulary)
        return cls(built, index, CourseRetriever(index, default_term=settings.default_term), settings, k=k)

    # --- input ------------------------------------------------------------------------------------
    def validate(self, message: str, history: Sequence[ChatTurn] = ()) -> str:
        """The question, stripped; `InputRejectedError` when it is empty or too long. Cheap: call it
        before starting a stream to answer 4xx instead of an error event."""
        return check_question(message, self.settings.max_message_chars)

    def _inputs(self, message: str, history: Sequence[ChatTurn]) -> dict[str, Any]:
        question = self.validate(message, history)
        turns = list(history)[-self.settings.max_history_turns :] if self.settings.max_history_turns else []
        messages: list[BaseMessage] = []
        for turn in turns:
            role = turn.role if isinstance(turn, ChatTurn) else turn["role"]
            content = turn.content if isinstance(turn, ChatTurn) else turn["content"]
            if not str(content).strip():
                continue
            messages.append(HumanMessage(content) if role == "user" else AIMessage(content))
        messages.append(HumanMessage(question))
        return {"messages": messages}

    def _context(self, term: str | None, offset: int | None = None) -> Any:
        from tools import CourseToolContext

        return CourseToolContext(
            index=self.index, retriever=self.retriever, term=term or self.settings.default_term, k=self.k,
            offset=offset,
        )

    def _config(self) -> dict[str, Any]:
        return {"recursion_limit": RECURSION_LIMIT}

    def _to_answer(self, state: dict[str, Any]) -> ChatAnswer:
        turn = _turn_messages(state["messages"])
        finals = [m for m in turn if isinstance(m, AIMessage) and not m.tool_calls]
        final = finals[-1] if finals else None
        returned = tool_sections(turn)
        return ChatAnswer(
            answer=(final.text.strip() if final else "") or EMPTY_ANSWER,
            sources=select_sources(final, returned),
            mode=self.mode,
            usage=usage_of(turn),
            retrieved=list(dict.fromkeys(s.code for s in returned)),
            page=answer_page(final, turn),
            timetables=answer_timetables(final, turn),
        )

    # --- AssistantProtocol -----------------------------------------------------------------------
    def answer(
        self, message: str, history: Sequence[ChatTurn] = (), term: str | None = None, *,
        offset: int | None = None,
    ) -> ChatAnswer:
        context = self._context(term, offset)
        state = self.graph.invoke(self._inputs(message, history), config=self._config(), context=context)
        return self._to_answer(state)

    async def aanswer(
        self, message: str, history: Sequence[ChatTurn] = (), term: str | None = None, *,
        offset: int | None = None,
    ) -> ChatAnswer:
        if self.mode == "search":
            # Search mode waits on nothing (no model over the network), and LangGraph's async loop costs
            # ~5 ms more CPU per answer than its sync one (tasks and callbacks on the event loop; measured
            # 19.5-21.4 vs 15.8-16.0 ms): run the sync graph on a worker thread, off the event loop.
            return await asyncio.to_thread(self.answer, message, history, term, offset=offset)
        state = await self.graph.ainvoke(
            self._inputs(message, history), config=self._config(), context=self._context(term, offset)
        )
        return self._to_answer(state)

    async def astream(
        self, message: str, history: Sequence[ChatTurn] = (), term: str | None = None, *,
        offset: int | None = None,
    ) -> AsyncIterator[StreamEvent]:
        """`delta` events (answer text as the model writes it), then one `sources` event, then `done`
        with the full `ChatAnswer` (authoritative: if the leak guard replaced a message, the deltas stop
        and `done.answer.answer` holds the replacement). Failures end the stream with one `error` event."""
        gate = _DeltaGate(self._built.guard)
        state: dict[str, Any] | None = None
        try:
            inputs = self._inputs(message, history)
            async for mode, payload in self.graph.astream(
                inputs, config=self._config(), context=self._context(term, offset),
                stream_mode=["messages", "values"],
            ):
                if mode == "values":
                    state = payload
                    continue
                chunk, metadata = payload
                if isinstance(chunk, AIMessageChunk) and metadata.get("langgraph_node") == "model":
                    text = gate.feed(chunk)
                    if text:
                        yield StreamEvent(type="delta", text=text)
        except Exception as exc:  # noqa: BLE001 - a stream must end with an event, never a broken connection
            yield StreamEvent(type="error", error=_stream_error(exc))
            return
        if state is None:
            yield StreamEvent(type="error", error=INTERNAL_MESSAGE)
            return
        answer = self._to_answer(state)
        finals = [m for m in _turn_messages(state["messages"]) if isinstance(m, AIMessage) and not m.tool_calls]
        rest = gate.rest(answer.answer, (finals[-1].id if finals else None) or "_")
        if rest:
            yield StreamEvent(type="delta", text=rest)
        yield StreamEvent(type="sources", sources=answer.sources)
        yield StreamEvent(type="done", answer=answer)


def _stream_error(exc: Exception) -> str:
    """The user message of a failure during a stream (it has already answered 200)."""
    if isinstance(exc, AssistantError):
        return exc.user_message
    if isinstance(exc, IndexError_):
        log.warning("index unavailable during stream: %s", type(exc).__name__)
        return INDEX_DOWN_MESSAGE
    log.exception("assistant stream failed")
    return INTERNAL_MESSAGE


class _DeltaGate:
    """What of each streamed message may be sent: text is held back by the leak guard's margin, and a message
    that leaks stops streaming (the final answer then carries the replacement)."""

    def __init__(self, guard: Any) -> None:
        self.guard = guard
        self.streamed: dict[str, str] = {}  # message id -> text received
        self.emitted: dict[str, int] = {}  # message id -> characters sent as deltas
        self.blocked: set[str] = set()
        self.checked: dict[str, int] = {}  # message id -> characters received at the last check

    def feed(self, chunk: AIMessageChunk) -> str | None:
        piece = chunk.text
        if not piece:
            return None
        key = chunk.id or "_"
        self.streamed[key] = self.streamed.get(key, "") + piece
        if key in self.blocked or len(self.streamed[key]) - self.checked.get(key, 0) < 24:
            return None  # checking reads the whole message: once per ~24 new characters, not per token
        self.checked[key] = len(self.streamed[key])
        # The whole message so far: a disguised leak (spread by separators) has no fixed length to tail.
        if self.guard.leaks(self.streamed[key]):
            self.blocked.add(key)
            return None
        sent = self.emitted.get(key, 0)
        safe = max(sent, self.guard.releasable(self.streamed[key], sent))
        if safe <= sent:
            return None
        self.emitted[key] = safe
        return self.streamed[key][sent:safe]

    def rest(self, answer: str, final_id: str) -> str | None:
        """The final answer's text not yet sent, when what was sent is its beginning."""
        sent = self.streamed.get(final_id, "")[: self.emitted.get(final_id, 0)]
        if final_id not in self.blocked and answer.startswith(sent) and len(answer) > len(sent):
            return answer[len(sent) :]
        return None


class _VocabularyCache:
    """The index's vocabulary (all terms) for the search-mode model, re-read at most once a minute
    (and whenever the section count it saw has changed by then)."""

    TTL_SECONDS = 60.0

    def __init__(self, index: CourseIndex) -> None:
        self.index = index
        self._count: int | None = None
        self._vocabulary: Vocabulary | None = None
        self._checked = 0.0

    def __call__(self) -> Vocabulary | None:
        now = time.monotonic()
        if self._vocabulary is not None and now - self._checked < self.TTL_SECONDS:
            return self._vocabulary if self._count else None
        try:
            count = self.index.count()
            if self._vocabulary is None or count != self._count:
                self._vocabulary, self._count = self.index.vocabulary(None), count
            self._checked = now
        except Exception:  # noqa: BLE001 - the vocabulary only sharpens off-topic detection
            log.warning("vocabulary unavailable; search mode will search when unsure")
            return None
        return self._vocabulary if self._count else None


__all__ = ["CourseAssistant", "InputRejectedError", "select_sources", "tool_sections"]
