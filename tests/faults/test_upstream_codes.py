"""Issue 15, defect 7: every failure answers the code and status `api/README.md` documents, with the same
Korean text on /chat and /chat/stream. HyperCLOVA X is the loopback server (real 401 for a wrong key,
scripted 403/429/500), driven by the real `ChatHyperClovaX`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.fakes.hyperclova import HyperClovaServer, fail
from tests.support.api_checks import api_settings, assert_error

QUESTION = {"message": "운체 누가 가르쳐?"}
JSON = {"content-type": "application/json"}


@pytest.fixture
def fault_api(make_app: Callable[..., FastAPI]) -> Iterator[TestClient]:
    """The search-mode app (no keys), as a student reaches it."""
    with TestClient(make_app()) as client:
        yield client


def _client(build: Callable[..., TestClient], **key: str) -> TestClient:
    return build(HYPERCLOVA_MAX_RETRIES=1, HYPERCLOVA_TIMEOUT=2.0, **key)


def _both(fault_api: TestClient, server: HyperClovaServer, *replies: object) -> list[object]:
    """The /chat and /chat/stream answers to the same scripted failure."""
    answers = []
    for path in ("/chat", "/chat/stream"):
        server.script(*replies)
        answers.append(fault_api.post(path, json=QUESTION))
    return answers


@pytest.mark.parametrize("status", [401, 403])
def test_a_refused_key_is_service_misconfigured(fault_hcx: HyperClovaServer, fault_hcx_client,  # type: ignore[no-untyped-def]
                                                status: int) -> None:
    with _client(fault_hcx_client) as client:
        chat, stream = _both(client, fault_hcx, fail(status), fail(status))
    first = assert_error(chat, 503, "service_misconfigured", None)
    second = assert_error(stream, 503, "service_misconfigured", None)
    assert first["message"] == second["message"] and "관리자" in first["message"]


def test_a_wrong_key_against_the_real_auth_check(fault_hcx: HyperClovaServer, fault_hcx_client) -> None:  # type: ignore[no-untyped-def]
    with _client(fault_hcx_client, HYPERCLOVA_API_KEY="nv-wrong") as client:
        assert_error(client.post("/chat", json=QUESTION), 503, "service_misconfigured", None)
    assert len(fault_hcx.chat_requests()) == 1  # a refused key is not retried


@pytest.mark.parametrize(("reply", "code"), [(lambda: fail(429, code="42901"), "upstream_rate_limited"),
                                             (lambda: fail(500), "upstream_unavailable")])
def test_stream_and_chat_share_code_and_text(fault_hcx: HyperClovaServer, fault_hcx_client,  # type: ignore[no-untyped-def]
                                             reply: Callable[[], object], code: str) -> None:
    with _client(fault_hcx_client) as client:
        chat, stream = _both(client, fault_hcx, reply(), reply())
    assert assert_error(chat, 503, code, None)["message"] == assert_error(stream, 503, code, None)["message"]


def test_a_missing_pinecone_key_is_service_misconfigured() -> None:
    from api.main import create_app

    settings = api_settings(VECTOR_STORE="pinecone", PINECONE_HOST="http://127.0.0.1:9")
    with TestClient(create_app(settings, static_dir=None)) as client:
        assert_error(client.post("/chat", json=QUESTION), 503, "service_misconfigured", None)


@pytest.mark.parametrize(("body", "code"), [
    (b'{"message": "\xff\xfe\xfd"}', "invalid_encoding"),
    (b"[" * 5000 + b"]" * 5000, "invalid_json"),
    (b'{"message": "a", "offset": ' + b"9" * 5000 + b"}", "invalid_json"),
])
def test_unparseable_bodies_have_documented_400_codes(fault_api: TestClient, body: bytes, code: str) -> None:
    assert_error(fault_api.post("/chat", content=body, headers=JSON), 400, code, None)


def test_unknown_paths_and_methods(fault_api: TestClient) -> None:
    assert_error(fault_api.post("/unknown", json={}), 404, "not_found")
    assert_error(fault_api.post("/unknown", content=b"x", headers={"content-type": "text/plain"}), 404, "not_found")
    put = fault_api.put("/health", json={})
    assert_error(put, 405, "method_not_allowed")
    assert put.headers["allow"] == "GET"
    options = fault_api.options("/chat")  # not a CORS preflight (no Origin): the route's real methods
    assert_error(options, 405, "method_not_allowed")
    assert options.headers["allow"] == "POST"


def test_unknown_paths_and_methods_with_the_page_mounted(search_assistant, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from api.main import create_app

    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    with TestClient(create_app(api_settings(), search_assistant, static_dir=tmp_path)) as client:
        assert_error(client.post("/unknown", json={}), 404, "not_found")
        options = client.options("/chat")
        assert_error(options, 405, "method_not_allowed")
        assert options.headers["allow"] == "POST"
        page = client.post("/index.html", json={})
        assert page.status_code == 405 and page.headers["allow"] == "GET, HEAD"


def test_a_preflight_carries_a_request_id(fault_api: TestClient) -> None:
    headers = {"Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST"}
    preflight = fault_api.options("/chat", headers=headers)
    assert preflight.status_code == 200 and preflight.headers["x-request-id"]
    chosen = fault_api.options("/chat", headers={**headers, "X-Request-ID": "trace-42"})
    assert chosen.headers["x-request-id"] == "trace-42"
    rejected = fault_api.options("/chat", headers={**headers, "Origin": "http://evil.example"})
    assert rejected.status_code == 400 and rejected.json()["error"]["request_id"] == rejected.headers["x-request-id"]


@pytest.mark.parametrize("message", ["", "   \n ", "\u200b\u200b", "\u3000\ufeff"])
def test_a_message_empty_after_normalising_is_one_documented_422(fault_api: TestClient, message: str) -> None:
    assert_error(fault_api.post("/chat", json={"message": message}), 422, "empty_message", "message")


def test_the_message_is_normalised_before_validation(make_app: Callable[..., FastAPI]) -> None:
    # Invisible characters do not count against MAX_MESSAGE_CHARS: the question is what is validated.
    with TestClient(make_app(MAX_MESSAGE_CHARS=20)) as client:
        padded = client.post("/chat", json={"message": "운영체제\u200b" + "\u200b" * 40 + " 누가 가르쳐?"})
        assert padded.status_code == 200, padded.text
        assert_error(client.post("/chat", json={"message": "운영체제 " * 6}), 422, "message_too_long", "message")


def test_the_message_is_normalised_before_search(fault_api: TestClient) -> None:
    plain = fault_api.post("/chat", json={"message": "CSE2010 누가 가르쳐?"}).json()
    disguised = fault_api.post("/chat", json={"message": "ＣＳＥ２０１０ 누\u200b가 가르쳐?"}).json()
    assert plain["sources"] and [(s["code"], s["section"]) for s in disguised["sources"]] == [
        (s["code"], s["section"]) for s in plain["sources"]]


def test_serve_start_up_errors_are_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HYPERCLOVA_", "PINECONE_"))}
    env.update({"VECTOR_STORE": "pinecone", "LOG_LEVEL": "INFO"})
    coursebot = Path(sys.executable).parent / "coursebot"
    done = subprocess.run([str(coursebot), "serve", "--port", "9"], env=env, cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert "Traceback" not in done.stderr and len(lines) == 1, done.stderr
    assert "PINECONE_API_KEY" in lines[0]
