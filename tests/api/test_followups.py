"""Every kind of follow-up through the API with text history only, in Korean and English
(`tests.support.followups`): `POST /chat`, and the same conversations through `POST /chat/stream`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.api.test_stream import parse_sse
from tests.support.followups import CASES, FollowUpCase, check_answer, converse, source_ids
from tests.support.two_terms import older_sections


@pytest.fixture(scope="module")
def catalog(sample_sections) -> list[Any]:  # type: ignore[no-untyped-def]
    return [*sample_sections, *older_sections(sample_sections)]


@pytest.fixture
def client(make_app: Callable[..., FastAPI], two_term_assistant: Any) -> Iterator[TestClient]:
    with TestClient(make_app(two_term_assistant)) as test_client:
        yield test_client


def _chat(client: TestClient) -> Callable[[dict], dict]:
    def ask(body: dict) -> dict:
        response = client.post("/chat", json=body)
        assert response.status_code == 200, response.text
        return response.json()

    return ask


def _stream(client: TestClient) -> Callable[[dict], dict]:
    def ask(body: dict) -> dict:
        with client.stream("POST", "/chat/stream", json=body) as response:
            assert response.status_code == 200
            events = parse_sse("".join(response.iter_text()))
        assert [kind for kind, _ in events][-2:] == ["sources", "done"]
        done = events[-1][1]["answer"]
        assert "".join(data["text"] for kind, data in events if kind == "delta") == done["answer"]
        return done

    return ask


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_follow_up_through_chat(case: FollowUpCase, client: TestClient, catalog: list[Any]) -> None:
    response = converse(_chat(client), case)
    check_answer(case, catalog, response["answer"], source_ids(response))


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_follow_up_through_the_stream(case: FollowUpCase, client: TestClient, catalog: list[Any]) -> None:
    response = converse(_stream(client), case)
    check_answer(case, catalog, response["answer"], source_ids(response))


def test_every_kind_is_driven_in_both_languages() -> None:
    kinds = {case.kind for case in CASES}
    assert {(kind, lang) for kind in kinds for lang in ("ko", "en")} == {(c.kind, c.lang) for c in CASES}
