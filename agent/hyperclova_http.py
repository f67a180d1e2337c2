"""HTTP transport for `agent.hyperclova.ChatHyperClovaX`: reused httpx clients, retries, SSE event streams.

Retry policy (reference section 7.3): HTTP 429 (every 429xx code), 500, 502, 503, 504, connection errors and
timeouts are retried up to `max_retries` times with exponential backoff and jitter, waiting `Retry-After`
seconds instead when the server sends that header. Other 4xx are raised at once. A stream is retried only
while nothing has been yielded yet (a failure after the first token would duplicate text).
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import threading
import time
import uuid
import weakref
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import httpx

from agent.hyperclova_errors import (
    HyperClovaAPIError,
    HyperClovaConnectionError,
    HyperClovaError,
    HyperClovaTimeoutError,
    error_for_status,
    stream_error,
)
from agent.hyperclova_sse import SSEDecoder

logger = logging.getLogger("agent.hyperclova")

MAX_RETRY_AFTER = 60.0  # never sleep longer than this on a server's say-so (Lambda time is money)
USER_AGENT = "coursebot-hyperclova/1.0"


@dataclass
class RetryPolicy:
    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before retry number `attempt + 1`."""
        if retry_after is not None:
            return max(0.0, min(retry_after, MAX_RETRY_AFTER))
        ceiling = min(self.max_delay, self.initial_delay * (2**attempt))
        return ceiling / 2 + random.uniform(0, ceiling / 2)  # "equal jitter": spreads retries, keeps a floor


def retry_after_seconds(value: str | None) -> float | None:
    """`Retry-After` as seconds: a number, or an HTTP date."""
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _transport_error(exc: httpx.HTTPError, request_id: str) -> HyperClovaError:
    if isinstance(exc, httpx.TimeoutException):
        return HyperClovaTimeoutError(f"timed out ({type(exc).__name__})", request_id=request_id)
    return HyperClovaConnectionError(
        f"connection failed ({type(exc).__name__}: {exc})", request_id=request_id
    )


_RETRYABLE_TRANSPORT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def _finalize(err: HyperClovaError, attempts: int) -> HyperClovaError:
    err.attempts = attempts
    err.args = (err._describe(),)
    return err


def _parse_success(raw: bytes, request_id: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise HyperClovaAPIError("response is not JSON", http_status=200, request_id=request_id) from exc
    status = data.get("status") if isinstance(data, dict) else None
    code = str(status.get("code")) if isinstance(status, dict) and status.get("code") is not None else None
    if code not in (None, "20000") or not isinstance(data.get("result"), dict):
        message = status.get("message", "no result") if isinstance(status, dict) else "no result"
        raise HyperClovaAPIError(str(message), http_status=200, code=code, request_id=request_id)
    return data["result"]


class Transport:
    """One per model instance: a sync client, and one async client per event loop (an httpx.AsyncClient
    must not cross loops), each created on first use and then reused for every call."""

    def __init__(self, timeout: float | None, policy: RetryPolicy) -> None:
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

    # ---- retry bookkeeping
    def _should_retry(self, err: HyperClovaError, attempt: int) -> bool:
        return err.retryable and attempt < self.policy.max_retries

    def _log_retry(self, err: HyperClovaError, attempt: int, wait: float) -> None:
        logger.warning(
            "HyperCLOVA X attempt %d/%d failed (HTTP %s, code %s: %s); retrying in %.2fs",
            attempt + 1,
            self.policy.max_retries + 1,
            err.http_status,
            err.code,
            err.message,
            wait,
        )

    # ---- JSON
    def post(self, url: str, body: bytes, headers: dict[str, str]) -> dict[str, Any]:
        rid = headers["X-NCP-CLOVASTUDIO-REQUEST-ID"]
        attempt = 0
        while True:
            retry_after = None
            try:
                response = self.client.post(url, content=body, headers=headers)
            except _RETRYABLE_TRANSPORT as exc:
                err = _transport_error(exc, rid)
            else:
                if response.status_code == 200:
                    return _parse_success(response.content, rid)
                err = error_for_status(response.status_code, response.content, request_id=rid)
                retry_after = retry_after_seconds(response.headers.get("retry-after"))
            if not self._should_retry(err, attempt):
                raise _finalize(err, attempt + 1)
            wait = self.policy.delay(attempt, retry_after)
            self._log_retry(err, attempt, wait)
            time.sleep(wait)
            attempt += 1
            headers, rid = _renew_request_id(headers)

    async def apost(self, url: str, body: bytes, headers: dict[str, str]) -> dict[str, Any]:
        rid = headers["X-NCP-CLOVASTUDIO-REQUEST-ID"]
        attempt = 0
        while True:
            retry_after = None
            try:
                response = await self.aclient.post(url, content=body, headers=headers)
            except _RETRYABLE_TRANSPORT as exc:
                err = _transport_error(exc, rid)
            else:
                if response.status_code == 200:
                    return _parse_success(response.content, rid)
                err = error_for_status(response.status_code, response.content, request_id=rid)
                retry_after = retry_after_seconds(response.headers.get("retry-after"))
            if not self._should_retry(err, attempt):
                raise _finalize(err, attempt + 1)
            wait = self.policy.delay(attempt, retry_after)
            self._log_retry(err, attempt, wait)
            await asyncio.sleep(wait)
            attempt += 1
            headers, rid = _renew_request_id(headers)

    # ---- SSE
    def stream(self, url: str, body: bytes, headers: dict[str, str]) -> Iterator[tuple[str, Any]]:
        """(event, data) pairs until `result`+EOF, `signal`, or EOF. `error` events raise."""
        rid = headers["X-NCP-CLOVASTUDIO-REQUEST-ID"]
        attempt = 0
        while True:
            yielded = done = False
            retry_after = None
            try:
                with self.client.stream("POST", url, content=body, headers=headers) as response:
                    if response.status_code != 200:
                        err: HyperClovaError = error_for_status(
                            response.status_code, response.read(), request_id=rid
                        )
                        retry_after = retry_after_seconds(response.headers.get("retry-after"))
                    elif response.headers.get("content-type", "").startswith("application/json"):
                        yield "result", _parse_success(response.read(), rid)  # server ignored Accept
                        return
                    else:
                        for event, data in SSEDecoder().iter_lines(response.iter_lines()):
                            if done and event != "signal":
                                continue  # after `result` only a `signal` (or EOF) is expected
                            parsed = _event_data(data)
                            if event == "error":
                                err = stream_error(parsed, request_id=rid)
                                if yielded:
                                    raise err
                                break
                            if event in ("token", "result", "signal"):
                                yielded = True
                                done = done or event == "result"
                                yield event, parsed
                            if event == "signal":
                                return
                        else:
                            return
            except _RETRYABLE_TRANSPORT as exc:
                if done:
                    return  # the answer is complete; only the connection's tail failed
                if yielded:
                    raise _transport_error(exc, rid) from exc
                err = _transport_error(exc, rid)
            if not self._should_retry(err, attempt):
                raise _finalize(err, attempt + 1)
            wait = self.policy.delay(attempt, retry_after)
            self._log_retry(err, attempt, wait)
            time.sleep(wait)
            attempt += 1
            headers, rid = _renew_request_id(headers)

    async def astream(self, url: str, body: bytes, headers: dict[str, str]) -> AsyncIterator[tuple[str, Any]]:
        rid = headers["X-NCP-CLOVASTUDIO-REQUEST-ID"]
        attempt = 0
        while True:
            yielded = done = False
            retry_after = None
            try:
                async with self.aclient.stream("POST", url, content=body, headers=headers) as response:
                    if response.status_code != 200:
                        err: HyperClovaError = error_for_status(
                            response.status_code, await response.aread(), request_id=rid
                        )
                        retry_after = retry_after_seconds(response.headers.get("retry-after"))
                    elif response.headers.get("content-type", "").startswith("application/json"):
                        yield "result", _parse_success(await response.aread(), rid)
                        return
                    else:
                        decoder = SSEDecoder()
                        finished = False
                        async for line in response.aiter_lines():
                            item = decoder.feed(line)
                            if item is None:
                                continue
                            if done and item[0] != "signal":
                                continue
                            event, parsed = item[0], _event_data(item[1])
                            if event == "error":
                                err = stream_error(parsed, request_id=rid)
                                if yielded:
                                    raise err
                                break
                            if event in ("token", "result", "signal"):
                                yielded = True
                                done = done or event == "result"
                                yield event, parsed
                            if event == "signal":
                                return
                        else:
                            finished = True
                        if finished:
                            tail = decoder.flush()
                            if tail and not done and tail[0] in ("token", "result"):
                                yield tail[0], _event_data(tail[1])
                            return
            except _RETRYABLE_TRANSPORT as exc:
                if done:
                    return
                if yielded:
                    raise _transport_error(exc, rid) from exc
                err = _transport_error(exc, rid)
            if not self._should_retry(err, attempt):
                raise _finalize(err, attempt + 1)
            wait = self.policy.delay(attempt, retry_after)
            self._log_retry(err, attempt, wait)
            await asyncio.sleep(wait)
            attempt += 1
            headers, rid = _renew_request_id(headers)


def _renew_request_id(headers: dict[str, str]) -> tuple[dict[str, str], str]:
    """Each attempt is its own request to the API, so it gets its own request id (errors report the last)."""
    rid = f"coursebot-{uuid.uuid4()}"
    return {**headers, "X-NCP-CLOVASTUDIO-REQUEST-ID": rid}, rid


def _event_data(data: str) -> Any:
    if not data:
        return {}
    try:
        return json.loads(data)
    except ValueError:
        return {"data": data}  # e.g. a bare `[DONE]` signal
