"""Scrolling on the chat page (issue 17, findings 1 and 2), in headless Chromium at desktop and phone sizes
against the real backend in search mode: the page itself never scrolls (only the conversation does), and a
new answer is shown from its start unless the student has scrolled away, when a "새 답변 ↓" pill appears."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_chat_page import ask, last_bot, shot, wait_answer

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
STREAM = re.compile(r".*/chat/stream$")


@pytest.fixture
def opened(browser, backend):  # type: ignore[no-untyped-def]
    """`opened(viewport)`: the page at that size, phone-like below 600 px wide; closed after the test."""
    contexts: list = []

    def open_at(viewport: dict):  # type: ignore[no-untyped-def]
        phone = viewport["width"] < 600
        context = browser.new_context(locale="ko-KR", viewport=viewport, is_mobile=phone, has_touch=phone)
        contexts.append(context)
        page = context.new_page()
        page.goto(backend.url)
        return page

    yield open_at
    for context in contexts:
        context.close()


def _settled(page) -> None:  # type: ignore[no-untyped-def]
    """Waits until the conversation stops moving (smooth scrolling may still run after the answer)."""
    page.wait_for_function(
        """() => new Promise((ok) => { const c = document.getElementById('main'); const a = c.scrollTop;
             requestAnimationFrame(() => requestAnimationFrame(() => ok(c.scrollTop === a))); })""",
        timeout=5_000,
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_wheel_past_the_end_never_blanks_the_page(opened, viewport: dict) -> None:
    page = opened(viewport)
    for question in ("자구 누가 가르쳐?", "운영체제 수업 알려줘", "교양필수 과목 뭐 있어?"):
        ask(page, question)
        wait_answer(page)
    sizes = page.evaluate("({doc: document.documentElement.scrollHeight, win: innerHeight})")
    assert sizes["doc"] <= sizes["win"], f"the document is {sizes['doc']}px tall in a {sizes['win']}px window"
    page.mouse.move(viewport["width"] / 2, viewport["height"] / 2)
    for _ in range(12):
        page.mouse.wheel(0, 2_000)
    page.wait_for_timeout(300)
    assert page.evaluate("scrollY") == 0
    composer = page.locator("#composer").bounding_box()
    assert composer and composer["y"] + composer["height"] <= viewport["height"] + 1
    header = page.locator("header").bounding_box()
    assert header and header["y"] >= 0
    shot(page, f"scroll-after-three-{viewport['width']}")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_new_answer_is_shown_from_its_start(opened, viewport: dict) -> None:
    page = opened(viewport)
    ask(page, "운영체제 수업 알려줘")
    wait_answer(page)
    ask(page, "자구 누가 가르쳐?")  # a long answer: many sections
    wait_answer(page)
    _settled(page)
    bot = last_bot(page)
    view = page.locator("#main").bounding_box()
    start = bot.bounding_box()
    assert view and start
    assert start["height"] > view["height"] or page.locator("#main").evaluate(
        "c => c.scrollHeight > c.clientHeight"), "the answer is too short to test scrolling"
    # The answer's first line is in view, near the top of the conversation (its question just above).
    assert view["y"] <= start["y"] <= view["y"] + view["height"] / 3, (start, view)
    assert bot.locator(".answer-text").is_visible()
    assert page.get_by_role("button", name=re.compile("새 답변")).count() == 0


def test_scrolled_away_student_gets_a_pill_not_a_jump(opened) -> None:
    page = opened(DESKTOP)
    held: list = []
    for question in ("운영체제 수업 알려줘", "자구 누가 가르쳐?"):
        ask(page, question)
        wait_answer(page)
    page.route(STREAM, lambda route: held.append(route))
    ask(page, "교양필수 과목 뭐 있어?")
    page.wait_for_selector("li.msg-bot:last-child[data-state='pending']")
    page.wait_for_function("() => true")  # let the route handler run
    page.locator("#main").evaluate("c => { c.style.scrollBehavior = 'auto'; c.scrollTop = 0; }")
    page.wait_for_timeout(100)
    assert held, "the stream request was not held"
    held[0].continue_()
    wait_answer(page)
    page.wait_for_timeout(300)
    assert page.locator("#main").evaluate("c => c.scrollTop") == 0, "the page jumped while the student read"
    pill = page.get_by_role("button", name=re.compile("새 답변"))
    assert pill.is_visible()
    shot(page, "scroll-new-answer-pill-1280")
    pill.click()
    _settled(page)
    view = page.locator("#main").bounding_box()
    start = last_bot(page).bounding_box()
    assert view and start and view["y"] <= start["y"] <= view["y"] + view["height"] / 3
    assert pill.count() == 0 or not pill.is_visible()