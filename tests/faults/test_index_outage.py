"""Outages are outages: a damaged or missing course index answers 503 `index_unavailable` ("서비스 점검 중",
the same text on /chat and /chat/stream), logs the cause at ERROR, and `/health` says `degraded` with the
reason. Before the fix, LanceDB's own `RuntimeError` reached the tool-error middleware, search mode answered
"찾지 못했어요" with HTTP 200, and `/health` said `ok`.

Real parts throughout: a copy of the sample catalog's LanceDB index damaged on disk, the real assistant
(search mode, and HyperCLOVA X mode against the loopback server), the real app, `coursebot serve` as a
process, and the real Pinecone client against the loopback Pinecone server.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from agent.index.base import UNAVAILABLE_MESSAGE, IndexUnavailableError
from tests.api.test_faults import pinecone_app  # noqa: F401 - the fixture: the app over the loopback Pinecone
from tests.support.api_checks import api_settings, assert_error
from tests.support.served import COURSEBOT, PROJECT_ROOT, free_port
from tests.support.writable_index import writable_copy

QUESTION = {"message": "운영체제 누가 가르쳐?"}
NOT_FOUND_WORDS = ("찾지 못했", "없어요")


def break_data(store: Path) -> None:
    """Overwrite every data file of the table: the manifest still opens, every read fails."""
    for path in glob.glob(str(store / "sections.lance" / "data" / "*.lance")):
        Path(path).write_bytes(b"not a lance file" * 4)


def break_manifest(store: Path) -> None:
    for path in glob.glob(str(store / "sections.lance" / "_versions" / "*.manifest")):
        Path(path).write_bytes(b"garbage")


def remove_store(store: Path) -> None:
    shutil.rmtree(store)


DAMAGE: dict[str, Callable[[Path], None]] = {"corrupted": break_data, "missing": remove_store}


@pytest.fixture
def index_copy(sample_index, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    return writable_copy(sample_index.path, tmp_path / "index")


def open_copy(store: Path, sample_index):  # type: ignore[no-untyped-def]
    from agent.index.lance import LanceCourseIndex

    return LanceCourseIndex(store, sample_index.embeddings)


@pytest.fixture(params=sorted(DAMAGE))
def index_damaged_app(request: pytest.FixtureRequest, index_copy: Path, sample_index,  # type: ignore[no-untyped-def]
                      make_app: Callable[..., FastAPI]) -> Iterator[TestClient]:
    """The app in search mode over a copy of the sample index, damaged after it was opened (a serving
    process whose store is corrupted or deleted underneath it)."""
    from agent.assistant import CourseAssistant

    index = open_copy(index_copy, sample_index)
    assistant = CourseAssistant.from_settings(api_settings(LOCAL_STORE_PATH=str(index_copy)), index=index)
    DAMAGE[request.param](index_copy)
    with TestClient(make_app(assistant=assistant, LOCAL_STORE_PATH=str(index_copy))) as client:
        yield client


def assert_outage(response: httpx.Response) -> None:
    error = assert_error(response, 503, "index_unavailable", None)
    assert error["message"] == UNAVAILABLE_MESSAGE and "서비스 점검 중" in error["message"]
    assert not any(word in response.text for word in NOT_FOUND_WORDS)


# --- the index layer -------------------------------------------------------------------------------

@pytest.mark.parametrize("damage", ["corrupted", "missing", "manifest"])
def test_damaged_lance_store_raises_the_index_error(damage: str, index_copy: Path, sample_index,  # type: ignore[no-untyped-def]
                                                    caplog: pytest.LogCaptureFixture) -> None:
    breaker = {**DAMAGE, "manifest": break_manifest}[damage]
    caplog.set_level(logging.ERROR, logger="agent.index.lance")
    with pytest.raises(IndexUnavailableError):
        if damage == "manifest":  # the table cannot even be opened
            breaker(index_copy)
            open_copy(index_copy, sample_index)
        else:
            index = open_copy(index_copy, sample_index)
            breaker(index_copy)
            index.search("운영체제")
    assert any(r.levelno == logging.ERROR and "course index unavailable" in r.getMessage() for r in caplog.records)


# --- the API, search mode ---------------------------------------------------------------------------

def test_damaged_index_is_503_on_chat_and_stream_with_one_text(index_damaged_app: TestClient,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR)
    assert_outage(index_damaged_app.post("/chat", json=QUESTION))
    assert_outage(index_damaged_app.post("/chat/stream", json=QUESTION))
    errors = [r for r in caplog.records if r.levelno == logging.ERROR and "course index unavailable" in r.getMessage()]
    assert errors, "the outage must be logged at ERROR with its cause"
    assert any(word in errors[0].getMessage() for word in ("lance error", "no course table", "Not found", "Error"))


def test_a_store_without_its_table_is_an_outage_not_an_empty_answer(tmp_path: Path, sample_index,  # type: ignore[no-untyped-def]
                                                                    make_app: Callable[..., FastAPI]) -> None:
    """LOCAL_STORE_PATH pointing at a directory with no course table (a typo, a lost volume): before the
    fix every question was answered "찾지 못했어요"."""
    from agent.assistant import CourseAssistant

    index = open_copy(tmp_path / "never-built", sample_index)
    assistant = CourseAssistant.from_settings(api_settings(), index=index)
    with TestClient(make_app(assistant=assistant)) as client:
        assert_outage(client.post("/chat", json=QUESTION))
        assert_outage(client.post("/chat/stream", json=QUESTION))
        body = client.get("/health").json()
    assert body["status"] == "degraded" and "no course table" in body["reason"]


def test_health_is_degraded_on_a_damaged_index(index_damaged_app: TestClient) -> None:
    body = index_damaged_app.get("/health").json()
    assert body["status"] == "degraded"
    assert body["reason"] and "course index unavailable" in body["reason"]


def test_health_probe_is_cached_and_recovers(index_copy: Path, sample_index,  # type: ignore[no-untyped-def]
                                             make_app: Callable[..., FastAPI]) -> None:
    from agent.assistant import CourseAssistant
    from agent.index import probe

    saved = index_copy.parent / "saved"
    shutil.copytree(index_copy, saved)
    index = open_copy(index_copy, sample_index)
    assistant = CourseAssistant.from_settings(api_settings(), index=index)
    with TestClient(make_app(assistant=assistant)) as client:
        client.app.state.index_probe = probe.IndexProbe(ttl=0.5)  # type: ignore[attr-defined]
        assert client.get("/health").json()["status"] == "ok"
        break_data(index_copy)
        index._dense = None  # the next probe re-reads the table, as after a new version
        assert client.get("/health").json()["status"] == "ok"  # the cached verdict, within the TTL
        time.sleep(0.6)
        assert client.get("/health").json()["status"] == "degraded"
        shutil.rmtree(index_copy)
        shutil.copytree(saved, index_copy)
        time.sleep(0.6)
        assert client.get("/health").json()["status"] == "ok"


def test_health_of_a_lazy_app_probes_the_store_without_building(tmp_path: Path) -> None:
    from api.main import create_app

    def factory(settings: object) -> None:
        raise AssertionError("/health must not build the assistant")

    app = create_app(api_settings(LOCAL_STORE_PATH=str(tmp_path / "nothing-here")), assistant_factory=factory,
                     static_dir=None)
    with TestClient(app) as client:
        body = client.get("/health").json()
    assert body["status"] == "degraded" and "no course table" in body["reason"]
    assert body["assistant_ready"] is False


# --- HyperCLOVA X mode: the tool error must not become a tool message -------------------------------------

def test_hyperclova_mode_tool_call_on_a_damaged_index_is_503(index_copy: Path, sample_index,  # type: ignore[no-untyped-def]
                                                             make_app: Callable[..., FastAPI]) -> None:
    from agent.assistant import CourseAssistant
    from tests.fakes.hyperclova import HyperClovaServer
    from tests.fakes.hyperclova.replies import reply_tool_calls

    with HyperClovaServer(api_key="nv-test") as hcx:
        overrides = {"HYPERCLOVA_API_KEY": "nv-test", "HYPERCLOVA_BASE_URL": hcx.base_url,
                     "HYPERCLOVA_MAX_RETRIES": 1, "HYPERCLOVA_TIMEOUT": 5.0}
        index = open_copy(index_copy, sample_index)
        assistant = CourseAssistant.from_settings(api_settings(**overrides), index=index)
        assert assistant.mode == "hyperclova"
        break_data(index_copy)
        with TestClient(make_app(assistant=assistant, **overrides)) as client:
            for path in ("/chat", "/chat/stream"):
                # Only the tool call is scripted: were the failure fed back as a tool message, the model would
                # be asked again (and answer with the server's default reply): counted below.
                hcx.script(reply_tool_calls([("search_courses", {"query": "운영체제"})]))
                before = len(hcx.chat_requests())
                assert_outage(client.post(path, json=QUESTION))
                # The model was never shown a tool message: it asked for the tool once, and that was all.
                assert len(hcx.chat_requests()) - before == 1


# --- `coursebot serve` on a corrupted directory ---------------------------------------------------------

def test_fresh_serve_on_a_corrupted_directory_does_not_claim_ok(index_copy: Path, tmp_path: Path) -> None:
    break_data(index_copy)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HYPERCLOVA_", "PINECONE_"))}
    env.update({"LOCAL_STORE_PATH": str(index_copy), "VECTOR_STORE": "local", "LOG_LEVEL": "INFO",
                "FEEDBACK_STORE": str(tmp_path / "feedback.sqlite3")})
    log = tmp_path / "serve.log"
    proc = subprocess.Popen([str(COURSEBOT), "serve", "--host", "127.0.0.1", "--port", str(port)],
                            cwd=PROJECT_ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    try:
        body = _first_health(f"http://127.0.0.1:{port}", proc)
        if body is None:  # refused to start: it must say why
            assert proc.returncode != 0 and "course index" in log.read_text(errors="replace")
        else:
            assert body["status"] == "degraded", body
            chat = httpx.post(f"http://127.0.0.1:{port}/chat", json=QUESTION, timeout=30)
            assert_outage(chat)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _first_health(url: str, proc: subprocess.Popen) -> dict | None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return None
        try:
            return httpx.get(f"{url}/health", timeout=5).json()
        except httpx.TransportError:
            time.sleep(0.3)
    raise AssertionError("serve neither answered /health nor exited")


# --- Pinecone ------------------------------------------------------------------------------------

def test_pinecone_outage_is_503_logged_and_degraded(pinecone_app: tuple[object, TestClient],
                                                     caplog: pytest.LogCaptureFixture) -> None:
    server, client = pinecone_app
    assert client.get("/health").json()["status"] == "ok"
    client.app.state.index_probe = None  # type: ignore[attr-defined]  # forget the cached verdict
    caplog.set_level(logging.ERROR)
    # Every request (and each of the SDK's retries) gets a 503. Each failing call waits out the SDK's
    # back-off (~16 s), so the stream is left to tests/api/test_faults.py and the LanceDB tests above.
    server.fail_next(500, 503)  # type: ignore[attr-defined]
    assert_outage(client.post("/chat", json=QUESTION))
    health = client.get("/health").json()
    assert health["status"] == "degraded" and "course index unavailable: Pinecone" in health["reason"]
    assert server.url not in health["reason"] and "127.0.0.1" not in health["reason"]  # type: ignore[attr-defined]
    assert any(r.levelno == logging.ERROR and "course index unavailable: Pinecone" in r.getMessage()
               for r in caplog.records)
