"""Upstream failures through the real stack: the loopback HyperCLOVA X server scripted to 429, 500 and
hang (driven by the real `ChatHyperClovaX` after its retries), and the index unreachable.
Each becomes a 503/504 JSON error with a Korean message and the request id, never a stack trace."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.fakes.hyperclova import HyperClovaServer, fail, hang, reply_text
from tests.support.api_checks import api_settings, assert_error

QUESTION = {"message": "운체 누가 가르쳐?"}


@pytest.fixture
def hcx() -> Iterator[HyperClovaServer]:
    with HyperClovaServer(api_key="nv-test") as server:
        yield server


@pytest.fixture
def hcx_client(hcx: HyperClovaServer, sample_index, make_app: Callable[..., FastAPI]) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    from agent.assistant import CourseAssistant

    overrides = {"HYPERCLOVA_API_KEY": "nv-test", "HYPERCLOVA_BASE_URL": hcx.base_url,
                 "HYPERCLOVA_MAX_RETRIES": 1, "HYPERCLOVA_TIMEOUT": 1.0}
    assistant = CourseAssistant.from_settings(api_settings(**overrides), index=sample_index)
    assert assistant.mode == "hyperclova"
    with TestClient(make_app(assistant=assistant, **overrides)) as client:
        yield client


def test_hyperclova_answers_when_healthy(hcx: HyperClovaServer, hcx_client: TestClient) -> None:
    hcx.script(reply_text("운영체제는 서다온 교수님 등이 가르쳐요."))
    response = hcx_client.post("/chat", json=QUESTION)
    assert response.status_code == 200, response.text
    assert response.json()["mode"] == "hyperclova"
    assert response.json()["answer"] == "운영체제는 서다온 교수님 등이 가르쳐요."


def test_rate_limited_upstream_is_503(hcx: HyperClovaServer, hcx_client: TestClient) -> None:
    hcx.script(fail(429, code="42901"), fail(429, code="42901"))
    response = hcx_client.post("/chat", json=QUESTION)
    assert_error(response, 503, "upstream_rate_limited", None)
    assert response.headers["retry-after"]
    assert len(hcx.chat_requests()) == 2  # the client retried once, then gave up
    assert "42901" not in response.text and "nv-test" not in response.text


def test_server_error_upstream_is_503(hcx: HyperClovaServer, hcx_client: TestClient) -> None:
    hcx.script(fail(500), fail(500))
    assert_error(hcx_client.post("/chat", json=QUESTION), 503, "upstream_unavailable", None)
    assert len(hcx.chat_requests()) == 2


def test_hanging_upstream_is_504(hcx: HyperClovaServer, hcx_client: TestClient) -> None:
    hcx.script(hang(4), hang(4))
    assert_error(hcx_client.post("/chat", json=QUESTION), 504, "upstream_timeout", None)


def test_stream_failure_before_any_text_is_a_json_503(hcx: HyperClovaServer, hcx_client: TestClient) -> None:
    hcx.script(fail(500), fail(500))
    response = hcx_client.post("/chat/stream", json=QUESTION)
    assert_error(response, 503, "upstream_unavailable", None)


def test_recovers_after_the_outage(hcx: HyperClovaServer, hcx_client: TestClient) -> None:
    hcx.script(fail(500), fail(500), reply_text("다시 괜찮아요."))
    assert hcx_client.post("/chat", json=QUESTION).status_code == 503
    assert hcx_client.post("/chat", json=QUESTION).json()["answer"] == "다시 괜찮아요."


# --- the index unreachable ------------------------------------------------------------------------

@pytest.fixture
def pinecone_app(make_app: Callable[..., FastAPI]) -> Iterator[tuple[object, TestClient]]:
    """The app over the real Pinecone backend talking to the loopback Pinecone server, holding the sample
    catalog's systems courses (a slice: embedding all 202 sections would dominate the test's time)."""
    from agent.assistant import CourseAssistant
    from agent.catalog.loader import load_catalog
    from agent.index.factory import open_index
    from agent.settings import SAMPLE_CATALOG
    from tests.fakes.pinecone import PineconeServer

    sections = [s for s in load_catalog(SAMPLE_CATALOG).sections if s.code.startswith("CSE3")]

    with PineconeServer(dimension=384, metric="dotproduct") as server:
        overrides = {"VECTOR_STORE": "pinecone", "PINECONE_API_KEY": server.api_key, "PINECONE_HOST": server.url}
        settings = api_settings(**overrides)
        index = open_index(settings)
        index.sync_term(sections[0].term, sections)
        assistant = CourseAssistant.from_settings(settings, index=index)
        with TestClient(make_app(assistant=assistant, **overrides)) as client:
            yield server, client


def test_index_errors_and_outage_are_503(pinecone_app: tuple[object, TestClient]) -> None:
    server, client = pinecone_app
    healthy = client.post("/chat", json=QUESTION)
    assert healthy.status_code == 200 and "CSE3010" in {s["code"] for s in healthy.json()["sources"]}
    server.fail_next(50, 503)  # type: ignore[attr-defined]  # every retry gets a 503
    assert_error(client.post("/chat", json=QUESTION), 503, "index_unavailable", None)
    server.stop()  # type: ignore[attr-defined]  # connection refused
    response = client.post("/chat", json=QUESTION)
    assert_error(response, 503, "index_unavailable", None)
    assert "127.0.0.1" not in response.text
    stream = client.post("/chat/stream", json=QUESTION)
    assert_error(stream, 503, "index_unavailable", None)
