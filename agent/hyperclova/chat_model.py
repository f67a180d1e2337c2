"""`ChatHyperClovaX`: the LangChain chat model for NAVER HyperCLOVA X (native Chat Completions v3).

The class docstring is the manual. The class holds the LangChain surface; the package's other modules hold the
rest: `messages` and `wire` (the v3 request and response format), `sse` (stream events -> chunks), `http` and
`retry` (reused clients, retries), `structured` (structured output) and `errors` (typed errors).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from typing import Any, Literal

from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LangSmithParams, LanguageModelInput
from langchain_core.language_models.chat_models import agenerate_from_stream, generate_from_stream
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.messages.utils import count_tokens_approximately
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.tools import BaseTool
from langchain_core.utils import from_env, secret_from_env
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import ConfigDict, Field, PrivateAttr, SecretStr, model_validator

from agent.hyperclova import wire
from agent.hyperclova.http import Transport
from agent.hyperclova.retry import REQUEST_ID_HEADER, RetryPolicy, new_request_id
from agent.hyperclova.sse import StreamAssembler
from agent.hyperclova.structured import Method, structured_output

__all__ = ["ChatHyperClovaX"]

DEFAULT_BASE_URL = "https://clovastudio.stream.ntruss.com"
THINKING_MODEL = wire.THINKING_MODEL
# The settings that describe a configured model (LangChain's `_identifying_params`), when set.
_MODEL_PARAMS = (
    "temperature",
    "top_p",
    "top_k",
    "max_tokens",
    "repetition_penalty",
    "stop",
    "seed",
    "include_ai_filters",
    "thinking_effort",
)
# What a call may override (`llm.invoke(msgs, temperature=0)`); `stop` is LangChain's own call argument.
_CALL_PARAMS = (set(_MODEL_PARAMS) - {"stop"}) | {"model"}
_BINDINGS = {"tools", "tool_choice", "response_format"}
# LangChain's agent factory may bind these; the v3 API has no equivalent (tool schemas are always enforced,
# calls are not parallel), so they are accepted and dropped rather than failing the agent.
_IGNORED = {"strict", "parallel_tool_calls"}


class ChatHyperClovaX(BaseChatModel):
    """NAVER HyperCLOVA X chat model on the native Chat Completions v3 API (HCX-005, HCX-DASH-002, HCX-007).

    Setup:
        Get a CLOVA Studio API key (it starts with `nv-`) and either pass it or set `HYPERCLOVA_API_KEY`.
        The key is held as a `SecretStr`: it is never shown in `repr`, logs or exception messages.

        ```python
        from agent.hyperclova import ChatHyperClovaX

        llm = ChatHyperClovaX(
            model="HCX-005",            # or "HCX-DASH-002", or "HCX-007" (thinking, structured output)
            api_key="nv-...",           # default: $HYPERCLOVA_API_KEY
            base_url="https://clovastudio.stream.ntruss.com",  # default: $HYPERCLOVA_BASE_URL or this
            max_retries=2, timeout=60,  # seconds; read timeouts are retried like 5xx
            temperature=0.5, top_p=0.8, top_k=0, max_tokens=1024, repetition_penalty=1.1,
            stop=["###"], seed=0, include_ai_filters=False,
            thinking_effort=None,       # HCX-007 only: "none" | "low" (API default) | "medium" | "high"
        )
        ```
        Requests go to `POST {base_url}/v3/chat-completions/{model}` with `Authorization: Bearer <key>` and a
        fresh `X-NCP-CLOVASTUDIO-REQUEST-ID` (`coursebot-<uuid4>`, new on every attempt). `max_tokens` is
        sent as `maxTokens`, or as `maxCompletionTokens` on HCX-007 (where it also counts thinking tokens).
        The sampling parameters, `thinking_effort` and `model` can be overridden per call:
        `llm.invoke(msgs, temperature=0)`. One httpx client (and one async client per event loop) is
        created on first use and reused for every later call.

    Invoke:
        ```python
        msg = llm.invoke([("system", "학사 안내 도우미입니다."), ("human", "자료구조 몇 학점이야?")])
        msg.content                      # the answer
        await llm.ainvoke("안녕하세요")   # async, same result type
        ```
        System messages are merged into one (the API accepts a single system message). HCX-005 also takes
        images in user messages (LangChain `{"type": "image", "url"|"base64": ...}` or OpenAI `image_url`
        blocks; one per message, up to five per request; not together with tools).

    Stream:
        ```python
        for chunk in llm.stream("컴구 교수님 누구야?"):
            print(chunk.content, end="")
        async for chunk in llm.astream("..."): ...
        ```
        Server-sent events (`Accept: text/event-stream`): each `token` event yields a chunk; the closing
        `result` event's full text is NOT repeated, only its finish reason and usage arrive on the last
        chunk (`chunk_position="last"`), so `sum(chunks)` is the whole message with its `usage_metadata`.
        An `event: error` raises `HyperClovaStreamError`; `signal` or EOF ends the stream cleanly; a server
        that answers with plain JSON instead yields the whole message as that one last chunk.
        `streaming=True` makes `invoke` use the stream internally.

    Thinking (HCX-007):
        The reasoning text arrives in `msg.additional_kwargs["reasoning_content"]` (also a `reasoning` block
        in `msg.content_blocks`) and its token count in
        `msg.usage_metadata["output_token_details"]["reasoning"]`.
        Thinking is never sent back in later turns. With tools or structured output the API requires thinking
        off, so the model sends `thinking: {"effort": "none"}` then (an explicit other effort is an error).
        `stop` cannot be combined with thinking either.

    Tools:
        ```python
        from langchain_core.tools import tool

        @tool
        def search_courses(query: str) -> str:
            "강의를 검색한다."
            ...

        llm_tools = llm.bind_tools([search_courses], tool_choice="auto")
        ai = llm_tools.invoke("자료구조 강의 찾아줘")
        ai.tool_calls  # [{"name": "search_courses", "args": {"query": "자료구조"}, "id": "call_...", ...}]
        ```
        Tools are anything `convert_to_openai_tool` accepts (functions, `BaseTool`, Pydantic models, dicts).
        `tool_choice`: "auto", "none", a tool name (forces it), or "any"/"required"/True. The API has no
        "must call some tool" mode: with one tool those force that tool; with several they fall back to
        "auto" with a warning. Streaming yields `tool_call_chunks` assembled from the API's `partialJson`
        fragments, so `sum(chunks).tool_calls` is the parsed calls. Send results back as `ToolMessage`s
        (`toolCallId` is taken from `tool_call_id`). While tools are bound the output limit is raised to at
        least 1024 tokens, which the API requires.

    Structured output:
        ```python
        class Slot(BaseModel):
            day: str
            start: str

        llm007 = ChatHyperClovaX(model="HCX-007")
        llm007.with_structured_output(Slot).invoke("월요일 9시 수업")  # -> Slot(day="월", start="09:00")
        ```
        `method="json_schema"` (default on HCX-007) sends `responseFormat: {"type": "json", "schema": ...}`;
        the schema is reduced to what the API supports (`$ref`s inlined, `pattern` and unsupported `format`s
        dropped). `method="json_mode"` sends a plain `{"type": "object"}` schema. Both exist only on HCX-007
        (other models raise `ValueError`). `method="function_calling"` (default elsewhere) forces a tool
        call. `include_raw=True` returns `{"raw", "parsed", "parsing_error"}`.

    Usage and metadata:
        `msg.usage_metadata` = `{"input_tokens", "output_tokens", "total_tokens"}` (+ `output_token_details.
        reasoning` on HCX-007; `total_tokens` is the server's figure). `msg.response_metadata` has
        `model_name`, `finish_reason` ("stop" | "length" | "tool_calls"), `seed` (the one actually used),
        `created`, and `ai_filter` when `include_ai_filters=True`. Before a call,
        `llm.get_num_tokens_from_messages(msgs)` estimates the prompt size offline (~2 characters a token).

    Errors:
        Every failure raises a `HyperClovaError` subclass (all importable from `agent.hyperclova`) carrying
        `http_status`, the CLOVA `code` (e.g. "42901") and `message`, plus `request_id` and `attempts`:
        `HyperClovaBadRequestError` (400), `HyperClovaAuthenticationError` (401), `HyperClovaPermissionError`
        (403), `HyperClovaNotFoundError` (404), `HyperClovaRateLimitError` (429xx),
        `HyperClovaServerError` (5xx), `HyperClovaStreamError` (`event: error` in a stream),
        `HyperClovaConnectionError` / `HyperClovaTimeoutError` (no answer). 429, 500, 502, 503, 504,
        connection errors and timeouts are retried up to `max_retries` times with exponential backoff and
        jitter (`retry_initial_delay` doubling up to `retry_max_delay`), or after `Retry-After` seconds when
        the server sends it; other 4xx are raised at once. Streams are retried only before the first chunk.
        Invalid arguments (out-of-range temperature, thinking with tools, ...) raise `ValueError` first.
    """

    # hide_input_in_errors: a model-level ValidationError would otherwise print every constructor argument,
    # the API key included.
    model_config = ConfigDict(
        populate_by_name=True,
        arbitrary_types_allowed=True,
        protected_namespaces=(),
        hide_input_in_errors=True,
    )

    model: str = Field(default="HCX-005", alias="model_name")
    api_key: SecretStr | None = Field(default_factory=secret_from_env("HYPERCLOVA_API_KEY", default=None))
    base_url: str = Field(default_factory=from_env("HYPERCLOVA_BASE_URL", default=DEFAULT_BASE_URL))
    temperature: float | None = Field(default=None, ge=0.0, le=1.0)
    top_p: float | None = Field(default=None, gt=0.0, le=1.0)
    top_k: int | None = Field(default=None, ge=0, le=128)
    max_tokens: int | None = Field(default=None, ge=1, alias="max_completion_tokens")
    repetition_penalty: float | None = Field(default=None, gt=0.0, le=2.0)
    stop: list[str] | None = Field(default=None, alias="stop_sequences")
    seed: int | None = Field(default=None, ge=0, le=4294967295)
    include_ai_filters: bool = False
    thinking_effort: Literal["none", "low", "medium", "high"] | None = None
    max_retries: int = Field(default=2, ge=0)
    timeout: float | None = Field(default=60.0, gt=0)
    retry_initial_delay: float = Field(default=0.5, ge=0)
    retry_max_delay: float = Field(default=8.0, ge=0)
    streaming: bool = False

    _transport: Transport = PrivateAttr()

    @model_validator(mode="after")
    def _check(self) -> ChatHyperClovaX:
        if self.api_key is None or not self.api_key.get_secret_value():
            raise ValueError("HyperCLOVA X API key missing: pass api_key=... or set HYPERCLOVA_API_KEY")
        if self.thinking_effort not in (None, "none") and self.model != THINKING_MODEL:
            raise ValueError(f"thinking_effort is only supported by {THINKING_MODEL}, not {self.model}")
        self.base_url = self.base_url.rstrip("/")
        self._transport = Transport(
            self.timeout, RetryPolicy(self.max_retries, self.retry_initial_delay, self.retry_max_delay)
        )
        return self

    # ---- LangChain plumbing
    @property
    def _llm_type(self) -> str:
        return "hyperclova-x"

    def _default_params(self) -> dict[str, Any]:
        values = {name: getattr(self, name) for name in _MODEL_PARAMS}
        return {name: value for name, value in values.items() if value is not None}

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model": self.model, "base_url": self.base_url, **self._default_params()}

    def _get_ls_params(self, stop: list[str] | None = None, **kwargs: Any) -> LangSmithParams:
        params = LangSmithParams(
            ls_provider="hyperclova", ls_model_name=kwargs.get("model") or self.model, ls_model_type="chat"
        )
        temperature = kwargs.get("temperature", self.temperature)
        if temperature is not None:
            params["ls_temperature"] = temperature
        max_tokens = kwargs.get("max_tokens", self.max_tokens)
        if max_tokens is not None:
            params["ls_max_tokens"] = max_tokens
        if stop or self.stop:
            params["ls_stop"] = stop or self.stop
        return params

    @property
    def lc_secrets(self) -> dict[str, str]:
        return {"api_key": "HYPERCLOVA_API_KEY"}

    # ---- token counting (the base class would load a GPT-2 tokenizer from the network)
    def get_num_tokens(self, text: str) -> int:
        """Approximate token count, offline: ~2 characters per token (HyperCLOVA X's tokenizer is dense on
        Korean). Exact counts come back in `usage_metadata` after a call."""
        return -(-len(text) // 2)

    def get_num_tokens_from_messages(
        self, messages: list[BaseMessage], tools: Sequence[Any] | None = None
    ) -> int:
        """Approximate prompt size of `messages` (and `tools`), offline; see `get_num_tokens`."""
        return count_tokens_approximately(messages, chars_per_token=2.0, tools=tools)

    # ---- request building
    def _request(
        self, messages: list[BaseMessage], stop: list[str] | None, kwargs: dict[str, Any], stream: bool
    ) -> tuple[str, bytes, dict[str, str], str]:
        """(url, body bytes, headers, model) for one call, validating combinations the API rejects."""
        unknown = {
            k for k in kwargs if k not in _CALL_PARAMS | _BINDINGS | _IGNORED and not k.startswith("ls_")
        }
        if unknown:
            raise ValueError(f"ChatHyperClovaX got unsupported parameter(s): {', '.join(sorted(unknown))}")
        model = kwargs.get("model") or self.model
        params = {
            name: kwargs[name] if kwargs.get(name) is not None else getattr(self, name)
            for name in _CALL_PARAMS - {"model"}
        }
        body = wire.build_body(
            messages,
            model,
            params,
            stop=stop if stop is not None else self.stop,
            tools=kwargs.get("tools"),
            tool_choice=kwargs.get("tool_choice"),
            response_format=kwargs.get("response_format"),
        )
        headers = {
            "Authorization": f"Bearer {self.api_key.get_secret_value()}",  # type: ignore[union-attr]
            REQUEST_ID_HEADER: new_request_id(),
            "Content-Type": "application/json",
            "Accept": "text/event-stream" if stream else "application/json",
        }
        url = f"{self.base_url}/v3/chat-completions/{model}"
        return url, json.dumps(body, ensure_ascii=False).encode(), headers, model

    # ---- calls
    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        if self.streaming:
            return generate_from_stream(self._stream(messages, stop, run_manager, **kwargs))
        url, body, headers, model = self._request(messages, stop, kwargs, stream=False)
        return wire.chat_result(self._transport.post(url, body, headers), model)

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        if self.streaming:
            return await agenerate_from_stream(self._astream(messages, stop, run_manager, **kwargs))
        url, body, headers, model = self._request(messages, stop, kwargs, stream=False)
        return wire.chat_result(await self._transport.apost(url, body, headers), model)

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        url, body, headers, model = self._request(messages, stop, kwargs, stream=True)
        assembler = StreamAssembler(model)
        for event, data in self._transport.stream(url, body, headers):
            generation = assembler.feed(event, data)
            if generation is not None:
                if run_manager:
                    run_manager.on_llm_new_token(generation.text, chunk=generation)
                yield generation
        yield from assembler.close()

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        url, body, headers, model = self._request(messages, stop, kwargs, stream=True)
        assembler = StreamAssembler(model)
        async for event, data in self._transport.astream(url, body, headers):
            generation = assembler.feed(event, data)
            if generation is not None:
                if run_manager:
                    await run_manager.on_llm_new_token(generation.text, chunk=generation)
                yield generation
        for generation in assembler.close():
            yield generation

    # ---- tools and structured output
    def bind_tools(
        self,
        tools: Sequence[dict[str, Any] | type | Callable[..., Any] | BaseTool],
        *,
        tool_choice: dict[str, Any] | str | bool | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, AIMessage]:
        """Bind tools (any form `convert_to_openai_tool` accepts); `tool_choice` is in the class docstring."""
        formatted = [wire.convert_tool(convert_to_openai_tool(tool)) for tool in tools]
        choice = wire.tool_choice(tool_choice, [tool["function"]["name"] for tool in formatted])
        if choice is not None:
            kwargs["tool_choice"] = choice
        return super().bind(tools=formatted, **kwargs)

    def with_structured_output(
        self,
        schema: dict[str, Any] | type,
        *,
        method: Method | None = None,
        include_raw: bool = False,
        strict: bool | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, dict[str, Any] | Any]:
        """Structured output; see the class docstring. `strict` is accepted for API compatibility (the
        HyperCLOVA X schema mode is always enforced by the server)."""
        if kwargs:
            raise ValueError(f"unsupported arguments: {', '.join(kwargs)}")
        return structured_output(self, schema, method, include_raw, strict)
