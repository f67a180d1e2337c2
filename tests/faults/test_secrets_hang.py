"""Issue 15, defect 3: Parameter Store that accepts the connection and never answers. boto3 (the real
client, pointed at a loopback socket by `AWS_ENDPOINT_URL_SSM`) gives up within `SSM_TIMEOUT`; the fetch
fails as `SecretsError` naming the parameter (not an `AttributeError`), the API answers 503
`service_misconfigured`, and the failure is remembered so the next request does not wait on SSM again.
Every call runs in a thread joined with a limit, so the unfixed code (a 3-minute hang) fails, not hangs."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from agent import secrets
from tests.support.api_checks import api_settings, assert_error

PARAM = "/chatbot/prod/HYPERCLOVA_API_KEY"
LIMIT_S = 5.0


class SilentEndpoint:
    """A TCP server that accepts connections, reads what is sent, and never answers."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.accepted = 0
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _serve(self) -> None:
        self.sock.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            self._held.append(conn)  # kept open, never written to

    def close(self) -> None:
        self._stop.set()
        for conn in self._held:
            conn.close()
        self.sock.close()


@pytest.fixture
def fault_silent_ssm(monkeypatch: pytest.MonkeyPatch) -> Iterator[SilentEndpoint]:
    endpoint = SilentEndpoint()
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_DEFAULT_REGION": "ap-southeast-2", "AWS_ENDPOINT_URL_SSM": endpoint.url}.items():
        monkeypatch.setenv(name, value)
    secrets.clear_cache()
    yield endpoint
    secrets.clear_cache()
    endpoint.close()


def _within_limit(call: Callable[[], Any]) -> tuple[Any, float]:
    """(what `call` returned or raised, seconds taken); fails the test if it takes longer than LIMIT_S."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome["value"] = exc

    started = time.perf_counter()
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(LIMIT_S)
    assert not worker.is_alive(), f"still waiting on SSM after {LIMIT_S}s"
    return outcome["value"], time.perf_counter() - started


def test_a_silent_ssm_fails_fast_naming_the_parameter(fault_silent_ssm: SilentEndpoint) -> None:
    settings = api_settings(HYPERCLOVA_API_KEY_PARAM=PARAM, SSM_TIMEOUT=0.3, SECRETS_RETRY_AFTER=30)
    error, seconds = _within_limit(lambda: secrets.resolve_settings(settings))
    assert isinstance(error, secrets.SecretsError), repr(error)
    assert PARAM in str(error) and "Timeout" in str(error)
    assert fault_silent_ssm.accepted >= 1
    # The next fetch within the back-off fails at once, without a new connection.
    seen = fault_silent_ssm.accepted
    again, seconds = _within_limit(lambda: secrets.resolve_settings(settings))
    assert isinstance(again, secrets.SecretsError) and PARAM in str(again)
    assert seconds < 0.2 and fault_silent_ssm.accepted == seen


def test_the_api_answers_503_misconfigured_and_the_next_request_does_not_hang(
    fault_silent_ssm: SilentEndpoint,
) -> None:
    from fastapi.testclient import TestClient

    from api.main import create_app

    settings = api_settings(HYPERCLOVA_API_KEY_PARAM=PARAM, SSM_TIMEOUT=0.3, SECRETS_RETRY_AFTER=30)
    with TestClient(create_app(settings, static_dir=None)) as client:
        first, _ = _within_limit(lambda: client.post("/chat", json={"message": "운체 누가 가르쳐?"}))
        assert_error(first, 503, "service_misconfigured", None)
        second, seconds = _within_limit(lambda: client.post("/chat", json={"message": "운체 누가 가르쳐?"}))
        assert_error(second, 503, "service_misconfigured", None)
        assert seconds < 0.5


def test_a_fetch_after_the_back_off_tries_again(fault_silent_ssm: SilentEndpoint) -> None:
    settings = api_settings(HYPERCLOVA_API_KEY_PARAM=PARAM, SSM_TIMEOUT=0.2, SECRETS_RETRY_AFTER=0)
    _within_limit(lambda: secrets.resolve_settings(settings))
    seen = fault_silent_ssm.accepted
    error, _ = _within_limit(lambda: secrets.resolve_settings(settings))
    assert isinstance(error, secrets.SecretsError) and fault_silent_ssm.accepted > seen
