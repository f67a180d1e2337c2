"""HTTP transport for `ChatHyperClovaX`: reused httpx clients, JSON calls and SSE event streams, with retries.

What is retried and how long it waits is `agent.hyperclova.retry`. A stream is retried only while nothing has
been yielded yet (a failure after the first token would duplicate text). The sync and async calls share every
decision (`_json_outcome`, `_StreamState`); they differ only in the I/O they await.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import weakref
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from agent.hyperclova.errors import (
    HyperClovaAPIError,
    HyperClovaConnectionError,
    HyperClovaError,
    HyperClovaTimeoutError,
    error_for_status,
    stream_error,
)
from agent.hyperclova.retry import Attempts, Failure, RetryPolicy, retry_after_seconds
from agent.hyperclova.sse import SSEDecoder
from agent.deadline import DeadlineExceeded, capped

USER_AGENT = "coursebot-hyperclova/1.0"
_RETRYABLE_TRANSPORT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
_STREAM_EVENTS = ("token", "result", "signal")


class Transport:
    """One per model instance: a sync client, and one async client per event loop (an httpx.AsyncClient
    must not cross loops), each created on first use and then reused for every call."""

    def __init__(self, timeout: float | None, policy: RetryPolicy) -> None:
        self.seconds = timeout
        self.timeout = httpx.Timeout(timeout)
        self.policy = policy
        self._client: httpx.Client | None = None
        self._aclients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, httpx.AsyncClient] = (
            weakref.WeakKeyDictionary()
        )
        self._lock = threading.Lock()

    @property
    def client(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                self._client = httpx.Client(timeout=self.timeout, headers={"User-Agent": USER_AGENT})
            return self._client

    @property
    def aclient(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        with self._lock:
            client = self._aclients.get(loop)
            if client is None:
                client = httpx.AsyncClient(timeout=self.timeout, headers={"User-Agent": USER_AGENT})
                self._aclients[loop] = client
            return client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def attempt_timeout(self, request_id: str) -> httpx.Timeout:
        """This attempt's timeout: the configured one, cut to what is left of the request's deadline."""
        try:
            return httpx.Timeout(capped(self.seconds))
        except DeadlineExceeded as exc:
            raise HyperClovaTimeoutError("request deadline reached", request_id=request_id) from exc

    # ---- JSON
    def post(self, url: str, body: bytes, headers: dict[str, str]) -> dict[str, Any]:
        """The `result` of a non-streamed call."""
        attempts = Attempts(self.policy, headers)
        while True:
            try:
                response = self.client.post(url, content=body, headers=attempts.headers,
                                            timeout=self.attempt_timeout(attempts.request_id))
                outcome = _json_outcome(response, attempts.request_id)
            except _RETRYABLE_TRANSPORT as exc:
                outcome = Failure(_transport_error(exc, attempts.request_id))
            if not isinstance(outcome, Failure):
                return outcome
            time.sleep(attempts.wait(outcome))

    async def apost(self, url: str, body: bytes, headers: dict[str, str]) -> dict[str, Any]:
        attempts = Attempts(self.policy, headers)
        while True:
            try:
                response = await self.aclient.post(url, content=body, headers=attempts.headers,
                                                   timeout=self.attempt_timeout(attempts.request_id))
                outcome = _json_outcome(response, attempts.request_id)
            except _RETRYABLE_TRANSPORT as exc:
                outcome = Failure(_transport_error(exc, attempts.request_id))
            if not isinstance(outcome, Failure):
                return outcome
            await asyncio.sleep(attempts.wait(outcome))

    # ---- SSE
    def stream(self, url: str, body: bytes, headers: dict[str, str]) -> Iterator[tuple[str, Any]]:
        """(event, data) pairs until `result`+EOF, `signal`, or EOF. `error` events raise."""
        attempts = Attempts(self.policy, headers)
        while True:
            state = _StreamState(attempts.request_id)
            yield from self._stream_once(url, body, attempts.headers, state)
            if state.failure is None:
                return
            time.sleep(attempts.wait(state.failure))

    async def astream(self, url: str, body: bytes, headers: dict[str, str]) -> AsyncIterator[tuple[str, Any]]:
        attempts = Attempts(self.policy, headers)
        while True:
            state = _StreamState(attempts.request_id)
            async for item in self._astream_once(url, body, attempts.headers, state):
                yield item
            if state.failure is None:
                return
            await asyncio.sleep(attempts.wait(state.failure))

    def _stream_once(
        self, url: str, body: bytes, headers: dict[str, str], state: _StreamState
    ) -> Iterator[tuple[str, Any]]:
        """One attempt; a failure that may be retried is left in `state.failure`."""
        try:
            timeout = self.attempt_timeout(state.request_id)
            with self.client.stream("POST", url, content=body, headers=headers, timeout=timeout) as response:
                if not _is_event_stream(response):
                    yield from state.whole(response, response.read())
                    return
                for line in response.iter_lines():
                    yield from state.feed(line)
                    if state.over:
                        return
                yield from state.finish()
        except _RETRYABLE_TRANSPORT as exc:
            state.lost(exc)

    async def _astream_once(
        self, url: str, body: bytes, headers: dict[str, str], state: _StreamState
    ) -> AsyncIterator[tuple[str, Any]]:
        try:
            timeout = self.attempt_timeout(state.request_id)
            async with self.aclient.stream("POST", url, content=body, headers=headers, timeout=timeout) as response:
                if not _is_event_stream(response):
                    for item in state.whole(response, await response.aread()):
                        yield item
                    return
                async for line in response.aiter_lines():
                    for item in state.feed(line):
                        yield item
                    if state.over:
                        return
                for item in state.finish():
                    yield item
        except _RETRYABLE_TRANSPORT as exc:
            state.lost(exc)


class _StreamState:
    """What one streamed attempt has passed on, and what each SSE line means for it.

    After `result`, only a `signal` (or EOF) is expected; `signal` ends the stream. An `error` event before
    anything was yielded is a `failure` the caller may retry; after that it raises (a retry would repeat
    text)."""

    def __init__(self, request_id: str) -> None:
        self.request_id = request_id
        self.decoder = SSEDecoder()
        self.yielded = self.done = self.over = False
        self.failure: Failure | None = None

    def whole(self, response: httpx.Response, raw: bytes) -> list[tuple[str, Any]]:
        """A response that is not an event stream: an HTTP error, or JSON (the server ignored `Accept`)."""
        outcome = _json_outcome(response, self.request_id, raw)
        if isinstance(outcome, Failure):
            self.failure = outcome
            return []
        self.yielded = self.done = True
        return [("result", outcome)]

    def feed(self, line: str) -> list[tuple[str, Any]]:
        item = self.decoder.feed(line)
        return self._event(*item) if item else []

    def finish(self) -> list[tuple[str, Any]]:
        """EOF: an event the server did not close with a blank line still counts."""
        item = self.decoder.flush()
        return self._event(*item) if item else []

    def _event(self, event: str, data: str) -> list[tuple[str, Any]]:
        if self.done and event != "signal":
            return []
        parsed = _event_data(data)
        if event == "error":
            error = stream_error(parsed, request_id=self.request_id)
            if self.yielded:
                raise error
            self.failure, self.over = Failure(error), True
            return []
        if event not in _STREAM_EVENTS:
            return []
        self.yielded = True
        self.done = self.done or event == "result"
        self.over = event == "signal"
        return [(event, parsed)]

    def lost(self, exc: httpx.HTTPError) -> None:
        """The connection failed: harmless once `result` is in, fatal after output, else retryable."""
        if self.done:
            return  # the answer is complete; only the connection's tail failed
        if self.yielded:
            raise _transport_error(exc, self.request_id) from exc
        self.failure = Failure(_transport_error(exc, self.request_id))


def _is_event_stream(response: httpx.Response) -> bool:
    return response.status_code == 200 and not response.headers.get("content-type", "").startswith(
        "application/json"
    )


def _json_outcome(
    response: httpx.Response, request_id: str, raw: bytes | None = None
) -> dict[str, Any] | Failure:
    """The `result` of a 200 answer, or the failure of any other (`raw`: the body, if the caller read it)."""
    raw = response.content if raw is None else raw
    if response.status_code == 200:
        return _parse_success(raw, request_id)
    error = error_for_status(response.status_code, raw, request_id=request_id)
    return Failure(error, retry_after_seconds(response.headers.get("retry-after")))


def _transport_error(exc: httpx.HTTPError, request_id: str) -> HyperClovaError:
    if isinstance(exc, httpx.TimeoutException):
        return HyperClovaTimeoutError(f"timed out ({type(exc).__name__})", request_id=request_id)
    return HyperClovaConnectionError(
        f"connection failed ({type(exc).__name__}: {exc})", request_id=request_id
    )


def _parse_success(raw: bytes, request_id: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise HyperClovaAPIError("response is not JSON", http_status=200, request_id=request_id) from exc
    if not isinstance(data, dict):
        raise HyperClovaAPIError("response is not a JSON object", http_status=200, request_id=request_id)
    status = data.get("status")
    code = str(status.get("code")) if isinstance(status, dict) and status.get("code") is not None else None
    if code not in (None, "20000") or not isinstance(data.get("result"), dict):
        message = status.get("message", "no result") if isinstance(status, dict) else "no result"
        raise HyperClovaAPIError(str(message), http_status=200, code=code, request_id=request_id)
    return data["result"]


def _event_data(data: str) -> Any:
    if not data:
        return {}
    try:
        return json.loads(data)
    except ValueError:
        return {"data": data}  # e.g. a bare `[DONE]` signal
