"""Issue 15, defect 4: one time budget per request. A hanging or slow HyperCLOVA X (the loopback server,
driven by the real `ChatHyperClovaX`) gets a 504 `upstream_timeout` JSON answer when the request's
deadline (`REQUEST_DEADLINE`) runs out, however many attempts and retry waits the client has left.
The deadline is shrunk to a second so the tests stay fast; the production figures are in the README."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from tests.fakes.hyperclova import HyperClovaServer, fail, hang
from tests.support.api_checks import assert_error

QUESTION = {"message": "운체 누가 가르쳐?"}
DEADLINE = 1.0
# Without the deadline these settings wait 3 attempts x 5 s (plus back-off): far past the budget.
SLOW_CLIENT = {"HYPERCLOVA_MAX_RETRIES": 2, "HYPERCLOVA_TIMEOUT": 5.0,
               "REQUEST_DEADLINE": DEADLINE}


@pytest.fixture
def fault_client(fault_hcx_client: Callable[..., TestClient]) -> Iterator[TestClient]:
    with fault_hcx_client(**SLOW_CLIENT) as client:
        yield client


def _timed(call: Callable[[], object]) -> tuple[object, float]:
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def test_a_hanging_model_is_a_504_when_the_deadline_passes(fault_hcx: HyperClovaServer, fault_client: TestClient) -> None:
    fault_hcx.script(hang(3), hang(3), hang(3))
    response, seconds = _timed(lambda: fault_client.post("/chat", json=QUESTION))
    assert_error(response, 504, "upstream_timeout", None)
    assert seconds < DEADLINE + 0.8, f"answered after {seconds:.1f}s, the budget is {DEADLINE}s"


def test_a_hanging_model_stream_is_a_504_when_the_deadline_passes(
    fault_hcx: HyperClovaServer, fault_client: TestClient
) -> None:
    fault_hcx.script(hang(3), hang(3), hang(3))
    response, seconds = _timed(lambda: fault_client.post("/chat/stream", json=QUESTION))
    assert_error(response, 504, "upstream_timeout", None)
    assert seconds < DEADLINE + 0.8


def test_retry_waits_never_outlast_the_deadline(fault_hcx: HyperClovaServer, fault_client: TestClient) -> None:
    # The server asks for a 3 s pause before the retry: more than the budget has left, so the client stops
    # at once with what it has (503) instead of sleeping past the deadline.
    fault_hcx.script(fail(503, retry_after=3), fail(503, retry_after=3), fail(503))
    response, seconds = _timed(lambda: fault_client.post("/chat", json=QUESTION))
    assert_error(response, 503, "upstream_unavailable", None)
    assert seconds < DEADLINE
    assert len(fault_hcx.chat_requests()) == 1


def test_the_deadline_default_fits_api_gateway() -> None:
    from agent.settings import Settings

    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    # API Gateway (REST) gives up at 29 s with its own non-JSON 504: ours must come first, with room for
    # the last attempt's own timeout to be cut (every attempt is capped to what is left).
    assert settings.request_deadline <= 25 and settings.ssm_timeout * 4 < settings.request_deadline
    assert settings.pinecone_timeout < settings.request_deadline
