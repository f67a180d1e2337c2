"""Failures: which are retried (429xx, 500/502/503/504, connection errors, read timeouts), with what backoff,
honouring Retry-After; typed errors carrying HTTP status + CLOVA code; keys never leaked; clients reused."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import pytest

from agent.hyperclova import (
    ChatHyperClovaX,
    HyperClovaAuthenticationError,
    HyperClovaBadRequestError,
    HyperClovaConnectionError,
    HyperClovaError,
    HyperClovaNotFoundError,
    HyperClovaRateLimitError,
    HyperClovaServerError,
    HyperClovaStreamError,
    HyperClovaTimeoutError,
)
from agent.hyperclova.retry import RetryPolicy, retry_after_seconds
from tests.fakes.hyperclova import (
    HyperClovaServer,
    drop_connection,
    fail,
    hang,
    reply_text,
    stream_error_midway,
)

API_KEY = "nv-test-secret-0123456789"  # same as conftest.API_KEY
Make = Callable[..., ChatHyperClovaX]


@pytest.mark.parametrize("code", ["42900", "42901", "42902", "42903"])
def test_every_429_code_is_retried_then_succeeds(server: HyperClovaServer, make_llm: Make, code: str) -> None:
    server.script(fail(429, code=code), reply_text("ok"))
    assert make_llm().invoke("x").content == "ok"
    first, second = server.chat_requests()
    assert first.body == second.body  # the same request re-sent...
    rid = "x-ncp-clovastudio-request-id"
    assert first.headers[rid] != second.headers[rid]  # ...under a fresh request id per attempt


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_retried(server: HyperClovaServer, make_llm: Make, status: int) -> None:
    server.script(fail(status), fail(status), reply_text("회복"))
    assert make_llm(max_retries=2).invoke("x").content == "회복"
    assert len(server.chat_requests()) == 3


async def test_async_retry_429_then_success(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(fail(429, code="42902"), fail(500), reply_text("비동기 회복"))
    assert (await make_llm().ainvoke("x")).content == "비동기 회복"
    assert len(server.chat_requests()) == 3


def test_exhausted_retries_raise_typed_error_with_codes(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(*[fail(429, code="42901")] * 3)
    with pytest.raises(HyperClovaRateLimitError) as info:
        make_llm(max_retries=2).invoke("x")
    err = info.value
    assert (err.http_status, err.code, err.attempts) == (429, "42901", 3)
    assert (
        "Too many requests - rate exceeded" in str(err)
        and "42901" in str(err)
        and "after 3 attempts" in str(err)
    )
    assert err.request_id and err.request_id.startswith("coursebot-") and err.request_id in str(err)
    assert API_KEY not in str(err) and API_KEY not in repr(err)


def test_max_retries_zero_means_one_attempt(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(fail(503), reply_text("unused"))
    with pytest.raises(HyperClovaServerError):
        make_llm(max_retries=0).invoke("x")
    assert len(server.chat_requests()) == 1 and server.pending == 1


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [
        (400, "40001", HyperClovaBadRequestError),
        (401, "40104", HyperClovaAuthenticationError),
        (404, "40400", HyperClovaNotFoundError),
        (403, "40300", HyperClovaError),
        (408, "40800", HyperClovaError),
        (501, "50100", HyperClovaServerError),
    ],
)
def test_other_errors_not_retried(
    server: HyperClovaServer, make_llm: Make, status: int, code: str, cls: type
) -> None:
    server.script(fail(status, code=code), reply_text("unused"))
    with pytest.raises(cls) as info:
        make_llm().invoke("x")
    assert info.value.http_status == status and info.value.code == code and info.value.attempts == 1
    assert len(server.chat_requests()) == 1


def test_wrong_key_is_authentication_error_without_key(
    server: HyperClovaServer, make_llm: Make, caplog: Any
) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(HyperClovaAuthenticationError) as info:
        make_llm(api_key="nv-wrong-key-xyz").invoke("x")
    assert info.value.code == "40104" and "nv-wrong-key-xyz" not in str(info.value)
    assert "nv-wrong-key-xyz" not in caplog.text


def test_retry_after_is_honoured(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(fail(429, code="42901", retry_after=0.6), reply_text("ok"))
    started = time.monotonic()
    make_llm(retry_initial_delay=0.0, retry_max_delay=0.0).invoke("x")
    assert time.monotonic() - started >= 0.6  # backoff alone would be ~0 s


def test_backoff_is_exponential_with_jitter() -> None:
    policy = RetryPolicy(max_retries=5, initial_delay=1.0, max_delay=8.0)
    for attempt, ceiling in enumerate([1.0, 2.0, 4.0, 8.0, 8.0]):
        delays = {policy.delay(attempt, None) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays) and len(delays) > 1
    assert policy.delay(0, 3.0) == 3.0 and policy.delay(0, 1000.0) == 60.0
    assert retry_after_seconds("2") == 2.0 and retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_retry_logs_warning_without_secret(server: HyperClovaServer, make_llm: Make, caplog: Any) -> None:
    caplog.set_level(logging.DEBUG)
    server.script(fail(429, code="42901"), reply_text("ok"))
    make_llm().invoke("x")
    assert "42901" in caplog.text and "retrying" in caplog.text and API_KEY not in caplog.text


def test_connection_drop_retried_then_typed_error(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(drop_connection(), reply_text("다시 연결됨"))
    assert make_llm().invoke("x").content == "다시 연결됨"
    server.script(drop_connection(), drop_connection())
    with pytest.raises(HyperClovaConnectionError) as info:
        make_llm(max_retries=1).invoke("x")
    assert info.value.http_status is None and info.value.attempts == 2


def test_connection_refused_is_connection_error(make_llm: Make) -> None:
    with pytest.raises(HyperClovaConnectionError):
        make_llm(base_url="http://127.0.0.1:9", max_retries=1).invoke("x")


def test_read_timeout_retried_then_success(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(hang(2.0), reply_text("빨라짐"))
    assert make_llm(timeout=0.3).invoke("x").content == "빨라짐"
    assert len(server.chat_requests()) == 2


async def test_read_timeout_exhausted_async(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(hang(2.0), hang(2.0))
    with pytest.raises(HyperClovaTimeoutError) as info:
        await make_llm(timeout=0.3, max_retries=1).ainvoke("x")
    assert info.value.attempts == 2 and isinstance(info.value, HyperClovaConnectionError)


def test_stream_retried_before_first_token(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(fail(429, code="42901"), fail(503, as_sse=True), reply_text("스트림 회복"))
    chunks = list(make_llm().stream("x"))
    assert "".join(c.text for c in chunks) == "스트림 회복"
    assert len(server.chat_requests()) == 3


async def test_astream_retried_before_first_token(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(drop_connection(), reply_text("비동기 스트림"))
    assert "".join([c.text async for c in make_llm().astream("x")]) == "비동기 스트림"


def test_stream_4xx_and_non_retryable_sse_error(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(fail(401, code="40100"))
    with pytest.raises(HyperClovaAuthenticationError):
        list(make_llm().stream("x"))
    server.script(fail(400, code="40005", message="Unavailable output", as_sse=True), reply_text("unused"))
    with pytest.raises(HyperClovaStreamError) as info:
        list(make_llm().stream("x"))
    assert info.value.code == "40005" and len(server.chat_requests()) == 2


@pytest.mark.parametrize("use_async", [False, True])
async def test_stalled_tail_after_result_is_not_an_error(
    server: HyperClovaServer, make_llm: Make, use_async: bool
) -> None:
    """A server that keeps the stream open after `result`: the answer is complete, so the read timeout that
    follows ends the stream quietly instead of failing a finished answer."""
    server.script(reply_text("완결된 답변", hold_open=3.0))
    llm = make_llm(timeout=0.3)
    chunks = [c async for c in llm.astream("x")] if use_async else list(llm.stream("x"))
    assert "".join(c.text for c in chunks) == "완결된 답변" and chunks[-1].usage_metadata is not None
    assert len(server.chat_requests()) == 1


def test_midstream_error_not_retried(server: HyperClovaServer, make_llm: Make) -> None:
    server.script(stream_error_midway(after_tokens=1, code="50000"), reply_text("unused"))
    with pytest.raises(HyperClovaStreamError):
        list(make_llm().stream("x"))
    assert server.pending == 1


def test_http_clients_reused(server: HyperClovaServer, make_llm: Make) -> None:
    llm = make_llm()
    llm.invoke("1")
    client = llm._transport.client
    llm.invoke("2")
    list(llm.stream("3"))
    llm.invoke("4")
    assert llm._transport.client is client
    assert server.connections == 1  # keep-alive: one TCP connection for JSON and SSE calls alike


async def test_async_client_reused_within_loop(server: HyperClovaServer, make_llm: Make) -> None:
    llm = make_llm()
    await llm.ainvoke("1")
    client = llm._transport.aclient
    await llm.ainvoke("2")
    assert [c async for c in llm.astream("3")]
    assert llm._transport.aclient is client and server.connections == 1
