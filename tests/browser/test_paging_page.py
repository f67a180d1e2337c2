"""The page's "더 보기" and graduate badges in a real browser, against the real backend in search mode over
the sample catalog (202 sections; 교양필수 is 16 sections in 4 courses, 5 sections are graduate ones)."""

from __future__ import annotations

import json

import pytest

from agent.catalog import load_catalog
from agent.settings import SAMPLE_CATALOG
from tests.browser.test_chat_page import ANSWER_TIMEOUT, ARTIFACTS, answer_text, ask, last_bot, wait_answer

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def required_liberal_arts() -> set[tuple[str, str]]:
    """(code, section) of every 교양필수 section: the whole set the list question means."""
    sections = load_catalog(SAMPLE_CATALOG).sections
    return {(s.code, s.section) for s in sections if "교양필수" in (s.category or "")}


def _cards(bot) -> list[tuple[str, str]]:
    return [tuple(x) for x in bot.locator("li.card").evaluate_all(
        "els => els.map(e => [e.dataset.code, e.dataset.section])")]


def test_more_fetches_the_rest_of_the_list_with_its_conditions(page, backend, required_liberal_arts) -> None:
    sent: list[dict] = []
    page.on("request", lambda r: sent.append(json.loads(r.post_data or "{}")) if "/chat" in r.url else None)
    page.goto(backend.url)
    ask(page, "교양필수 과목 뭐 있어?")
    wait_answer(page)
    first = page.locator("li.msg-bot").first  # a fixed element: last_bot moves on with the conversation
    text = answer_text(first)
    first_bullets = first.locator(".answer-list li").count()
    total = len(required_liberal_arts)
    assert f"분반 {total}개" in text and "처음 12개" in text, text
    shown = _cards(first)
    assert len(shown) >= 12 and set(shown) <= required_liberal_arts

    # The cards come collapsed to the first few: "N개 더 보기" shows the rest of this page's cards in place...
    assert first.locator("li.card:visible").count() == 4
    reveal = first.get_by_role("button", name=f"{len(shown) - 4}개 더 보기")
    reveal.click()
    assert first.locator("li.card:visible").count() == len(shown)
    # ...then "나머지 N개 더 보기" fetches the next page through the API's paging.
    more = first.get_by_role("button", name="더 보기")
    assert more.is_visible() and more.inner_text() == f"나머지 {total - 12}개 더 보기"
    first.screenshot(path=str(ARTIFACTS / "paging-first-page.png"))
    more.click()
    page.wait_for_selector("li.msg-bot:nth-last-child(1)[data-state='done']", timeout=ANSWER_TIMEOUT)
    assert page.locator("li.msg-user").last.inner_text().endswith("더 보기")
    assert first.get_by_role("button", name="더 보기").count() == 0  # used: the next page follows it

    second = last_bot(page)
    rest = answer_text(second)
    assert f"13-{total}번째" in rest, rest
    assert second.get_by_role("button", name="더 보기").count() == 0  # nothing is left
    # Every section of the set was shown exactly once across the two pages (cards may also name courses).
    assert first_bullets + second.locator(".answer-list li").count() == total
    assert set(_cards(second)) <= required_liberal_arts
    paging = sent[-1]
    assert paging["message"] == "더 보기" and paging["offset"] == 12
    assert paging["history"][-1]["role"] == "assistant" and "처음 12개" in paging["history"][-1]["content"]
    second.screenshot(path=str(ARTIFACTS / "paging-second-page.png"))


def test_graduate_sections_carry_a_badge(page, backend) -> None:
    page.goto(backend.url)
    ask(page, "딥러닝특론 누가 가르쳐?")
    wait_answer(page)
    bot = last_bot(page)
    assert "대학원 석사과정" in answer_text(bot)
    card = bot.locator("li.card[data-code='AIG5001']")
    assert card.locator(".badge-grad").inner_text() == "대학원 석사"

    ask(page, "자료구조 누가 가르쳐?")
    wait_answer(page)
    assert last_bot(page).locator(".badge-grad").count() == 0  # undergraduate sections carry none
