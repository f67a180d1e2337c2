"""Paging through the API: an answer that lists a set returns `page` (true totals, the part listed,
`next_offset`); a client gets the rest by sending `offset` — with the same question and history, or with
"더 보기" after that answer — in POST /chat and /chat/stream alike. The sample catalog's 교양필수 courses are
16 sections in 4 courses."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.api.test_stream import parse_sse
from tests.support.api_checks import assert_error

QUESTION = "교양필수 과목 뭐 있어?"


def _bullets(answer: str) -> list[str]:
    return re.findall(r"^• .*\(과목번호 (\w+, \d+)분반", answer, flags=re.MULTILINE)


def test_a_list_answer_returns_its_page_and_the_rest_on_request(client: TestClient, sample_sections) -> None:
    required = {f"{s.code}, {s.section}" for s in sample_sections if "교양필수" in (s.category or "")}
    first = client.post("/chat", json={"message": QUESTION}).json()
    assert first["page"] == {"total_sections": len(required), "total_courses": 4, "offset": 0, "shown": 12,
                             "next_offset": 12}
    rest = client.post("/chat", json={"message": QUESTION, "offset": first["page"]["next_offset"]}).json()
    assert rest["page"]["offset"] == 12 and rest["page"]["next_offset"] is None
    assert sorted(_bullets(first["answer"]) + _bullets(rest["answer"])) == sorted(required)
    history = [{"role": "user", "content": QUESTION}, {"role": "assistant", "content": first["answer"]}]
    more = client.post("/chat", json={"message": "더 보기", "history": history, "offset": 12}).json()
    assert _bullets(more["answer"]) == _bullets(rest["answer"]) and more["page"] == rest["page"]
    text_only = client.post("/chat", json={"message": "더 보기", "history": history}).json()
    assert _bullets(text_only["answer"]) == _bullets(rest["answer"])  # read back from the answer's text


def test_answers_without_a_list_return_no_page(client: TestClient) -> None:
    assert client.post("/chat", json={"message": "안녕"}).json()["page"] is None
    assert client.post("/chat", json={"message": "CSE2010 01분반 몇 학점이야?"}).json()["page"] is None


def test_the_stream_carries_the_page_and_pages_too(client: TestClient) -> None:
    with client.stream("POST", "/chat/stream", json={"message": QUESTION, "offset": 12}) as response:
        events = parse_sse("".join(response.iter_text()))
    done = events[-1][1]["answer"]
    assert events[-1][0] == "done" and done["page"]["offset"] == 12
    assert "13-16번째" in done["answer"]


@pytest.mark.parametrize(("offset", "code"), [
    (-1, "invalid_value"), ("12", "invalid_type"), (True, "invalid_type"), (1.5, "invalid_type"),
    (10**9, "invalid_value"),
])
def test_a_bad_offset_is_rejected_by_name(client: TestClient, offset: Any, code: str) -> None:
    assert_error(client.post("/chat", json={"message": QUESTION, "offset": offset}), 422, code, "offset")


def test_an_offset_past_the_end_says_there_is_nothing_more(client: TestClient) -> None:
    body = client.post("/chat", json={"message": QUESTION, "offset": 40}).json()
    assert "더 보여 드릴 강좌가 없어요" in body["answer"] and body["sources"] == []


def test_assistants_that_never_page_are_called_as_before(make_app: Callable[..., FastAPI]) -> None:
    """`offset` reaches the assistant only when the client pages (a plain request calls it as before)."""
    calls: list[dict] = []

    class Recording:
        mode = "search"

        async def aanswer(self, message: str, history: Any = (), term: Any = None, **kwargs: Any) -> Any:
            from agent.answer import ChatAnswer

            calls.append(kwargs)
            return ChatAnswer(answer="ok", mode="search")

    with TestClient(make_app(assistant=Recording())) as test_client:
        test_client.post("/chat", json={"message": "자구"})
        test_client.post("/chat", json={"message": "자구", "offset": 12})
    assert calls == [{}, {"offset": 12}]
