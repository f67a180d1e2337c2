"""Every kind of follow-up in the page, in a real browser (`tests.support.followups`): the page streams each
answer from `/chat/stream`, sends the conversation back as text history, and shows the cited sections as
cards. The backend serves the sample catalog plus an older term."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.test_chat_page import ARTIFACTS, answer_text, ask, last_bot, wait_answer
from tests.support.followups import CASES, FollowUpCase, check_text, wanted_sections
from tests.support.served import Backend, start_backend, stop_backend
from tests.support.two_terms import older_sections, two_term_index

pytestmark = pytest.mark.browser
STORAGE_KEY = "coursebot.conversation.v1"  # where the page keeps the conversation (frontend/src/main.ts)


@pytest.fixture(scope="module")
def catalog(sample_sections) -> list[Any]:  # type: ignore[no-untyped-def]
    return [*sample_sections, *older_sections(sample_sections)]


@pytest.fixture(scope="module")
def two_term_backend(  # type: ignore[no-untyped-def]
    sample_index, sample_sections, tmp_path_factory
) -> Iterator[Backend]:
    store = two_term_index(sample_index, sample_sections, tmp_path_factory.mktemp("two-terms") / "index")
    server = start_backend(tmp_path_factory.mktemp("backend"), store)
    yield server
    stop_backend(server)


def _seed(page, case: FollowUpCase) -> None:  # type: ignore[no-untyped-def]
    """A conversation written by a person, as the page stores one: it goes back to the API as history."""
    messages: list[dict] = []
    for i, (question, answer) in enumerate(case.given):
        messages.append({"id": f"u{i}", "role": "user", "content": question})
        messages.append(
            {"id": f"b{i}", "role": "assistant", "content": answer, "sources": [], "question": question}
        )
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, json.dumps(messages)])
    page.reload()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_follow_up_in_the_page(
    case: FollowUpCase, page, two_term_backend: Backend, catalog: list[Any]  # type: ignore[no-untyped-def]
) -> None:
    requests: list[tuple[str, dict]] = []
    page.on("request", lambda r: "/chat" in r.url and requests.append((r.url, json.loads(r.post_data))))
    page.goto(two_term_backend.url)
    if case.given:
        _seed(page, case)
    for question in case.turns:
        ask(page, question)
        wait_answer(page)
        assert last_bot(page).get_attribute("data-state") == "done"

    assert [url.rsplit("/", 2)[-2:] for url, _ in requests] == [["chat", "stream"]] * len(case.turns)
    history = requests[-1][1]["history"]
    assert len(history) == 2 * (len(case.turns) - 1 + len(case.given))
    assert all(set(turn) == {"role", "content"} for turn in history)  # text only
    bot = last_bot(page)
    check_text(case, catalog, answer_text(bot))
    cards = bot.locator("li.card").evaluate_all("els => els.map(e => [e.dataset.code, e.dataset.section])")
    assert {tuple(c) for c in cards} == {(s.code, s.section) for s in wanted_sections(case, catalog)}
    if case.kind == "reading":
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"followup-{case.id}.png"), full_page=True)
