"""The chat page's controls (issue 17, findings 4-6 and 8), in headless Chromium against the real backend in
search mode: stop, 새 대화 while busy and its undo, the header's university and term with a term picker fed by
GET /terms, follow-up chips, copy, the rate-limit wording, and the favicon."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.test_chat_page import ask, chat_requests, last_bot, shot_both, wait_answer
from tests.support.served import Backend, start_backend, stop_backend
from tests.support.two_terms import OLDER_TERM, two_term_index

pytestmark = pytest.mark.browser

CHAT = re.compile(r".*/chat(/stream)?$")


@pytest.fixture(scope="module")
def two_term_backend(sample_index, sample_sections, tmp_path_factory) -> Iterator[Backend]:  # type: ignore[no-untyped-def]
    store = two_term_index(sample_index, sample_sections, tmp_path_factory.mktemp("two-terms") / "index")
    server = start_backend(tmp_path_factory.mktemp("backend"), store)
    yield server
    stop_backend(server)


def _hold(page) -> list:  # type: ignore[no-untyped-def]
    """Holds every /chat request (a server that hangs): the routes, to release or drop later."""
    held: list = []
    page.route(CHAT, lambda route: held.append(route))
    return held


@pytest.mark.parametrize(("stream", "any_signal"), [(True, True), (False, True), (True, False)],
                         ids=["stream", "chat", "stream-without-AbortSignal.any"])
def test_stop_aborts_the_request_and_keeps_the_question(page, backend, stream: bool, any_signal: bool) -> None:
    if not any_signal:  # a browser from before AbortSignal.any (Safari < 17.4)
        page.add_init_script("delete AbortSignal.any")
    if not stream:  # the host without streaming: the page asks POST /chat
        page.route("**/config.js", lambda route: route.fulfill(
            content_type="application/javascript",
            body='window.COURSEBOT_CONFIG = {"apiBaseUrl": "", "stream": false, "maxMessageChars": 1000};'))
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    held = _hold(page)
    page.goto(backend.url)
    ask(page, "자구 누가 가르쳐?")
    page.wait_for_selector("li.msg-bot[data-state='pending']")
    stop = page.get_by_role("button", name="중지")
    assert stop.is_visible() and not page.get_by_role("button", name="보내기").is_visible()
    stop.click()
    page.wait_for_selector("li.msg", state="detached")
    assert page.get_by_label("질문 입력").input_value() == "자구 누가 가르쳐?"
    assert "멈췄어요" in page.locator("#status-line").inner_text()
    assert page.get_by_role("button", name="보내기").is_enabled()
    page.wait_for_timeout(100)
    assert held and any(url.endswith("/chat/stream" if stream else "/chat") for url in failed), failed
    # Sent again, it is answered (the held request is gone; nothing of it is in the history).
    page.unroute(CHAT)
    sent = chat_requests(page)
    page.get_by_label("질문 입력").press("Enter")
    wait_answer(page)
    assert last_bot(page).get_attribute("data-state") == "done"
    assert sent[-1]["history"] == [] and page.locator("li.msg-user").count() == 1


def test_new_chat_while_busy_says_so_and_undo_brings_it_back(page, backend) -> None:
    page.goto(backend.url)
    ask(page, "운영체제 수업 알려줘")
    wait_answer(page)
    held = _hold(page)
    ask(page, "자구 누가 가르쳐?")
    page.wait_for_selector("li.msg-bot[data-state='pending']")
    page.get_by_role("button", name="새 대화 시작").click()
    assert "답변을 받는 중이에요" in page.locator("#status-line").inner_text()
    assert page.locator("li.msg").count() == 4
    page.get_by_role("button", name="중지").click()
    page.unroute(CHAT)
    assert held

    page.get_by_role("button", name="새 대화 시작").click()
    assert page.locator("li.msg").count() == 0
    assert "대화를 지웠어요" in page.locator("#status-line").inner_text()
    shot_both(page, "state-cleared-undo")
    page.get_by_role("button", name="되돌리기").click()
    assert page.locator("li.msg").count() == 2
    page.reload()  # the restored conversation is the saved one again
    assert page.locator("li.msg-bot[data-state='done']").count() == 1


def test_header_names_university_and_term_and_the_picker_sets_the_term(page, two_term_backend) -> None:
    sent = chat_requests(page)
    page.goto(two_term_backend.url)
    label = page.locator("header #catalog-label")
    label.get_by_text("2026년 1학기").wait_for()
    assert label.inner_text() == "한빛대학교 · 2026년 1학기 수강편람"
    picker = page.get_by_label("학기")
    assert picker.locator("option").evaluate_all("os => os.map(o => o.value)") == ["2026-1", OLDER_TERM]
    assert picker.input_value() == "2026-1"
    ask(page, "데이터베이스 누가 가르쳐?")
    wait_answer(page)
    assert sent[-1]["term"] == "2026-1"

    picker.select_option(OLDER_TERM)
    ask(page, "데이터베이스 누가 가르쳐?")
    wait_answer(page)
    assert sent[-1]["term"] == OLDER_TERM
    assert "윤서진" in last_bot(page).locator("li.card").first.inner_text()  # the older term's professor
    year, season = OLDER_TERM.split("-")
    assert last_bot(page).locator(".sources-title").inner_text().endswith(f"{year}년 {season}학기")
    page.reload()
    page.get_by_label("학기").locator(f"option[value='{OLDER_TERM}']").wait_for(state="attached")
    assert page.get_by_label("학기").input_value() == OLDER_TERM  # remembered
    shot_both(page, "state-term-picker")


def test_follow_up_chips_come_from_the_answer_and_send_messages(page, backend, sample_sections) -> None:
    sent = chat_requests(page)
    page.goto(backend.url)
    ask(page, "자구 누가 가르쳐?")
    wait_answer(page)
    chips = last_bot(page).get_by_role("list", name="이어서 물어보기")
    labels = chips.get_by_role("button").all_inner_texts()
    assert "금요일 반만" in labels and "영어강의만" in labels, labels  # some sections meet on Fridays, one is English
    chips.get_by_role("button", name="금요일 반만").click()
    wait_answer(page)
    assert sent[-1]["message"] == "금요일 반만" and sent[-1]["history"]
    codes = last_bot(page).locator("li.card").evaluate_all("els => els.map(e => [e.dataset.code, e.dataset.section])")
    friday = {(s.code, s.section) for s in sample_sections
              if s.name == "자료구조" and any(slot.day == "금" for slot in s.slots)}
    assert codes and {tuple(c) for c in codes} == friday
    assert page.get_by_role("list", name="이어서 물어보기").count() <= 1  # only under the latest answer

    ask(page, "운영체제 수업 알려줘")
    wait_answer(page)
    plan = last_bot(page).get_by_role("button", name=re.compile("시간표에 담기"))
    plan.click()
    wait_answer(page)
    assert "자료구조" in sent[-1]["message"] and "운영체제" in sent[-1]["message"]
    assert last_bot(page).locator(".tt-grid").count() == 1


def test_copy_puts_the_answer_and_its_cards_on_the_clipboard(browser, backend) -> None:
    context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 800},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(backend.url)
        ask(page, "자구 누가 가르쳐?")
        wait_answer(page)
        last_bot(page).get_by_role("button", name="답변 복사").click()
        page.get_by_text("답변을 복사했어요.").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        lead = last_bot(page).locator(".answer-text > p").first.inner_text()
        assert copied.startswith(lead)
        assert "- 자료구조 01분반 (CSE2010)" in copied and "09:00-10:15" in copied
    finally:
        context.close()


def test_rate_limit_is_worded_like_the_rest(page, sample_index_dir: Path, tmp_path: Path) -> None:
    """A real 429 from the backend's limiter (two requests a minute), worded with "-요" and its wait."""
    server = start_backend(tmp_path, sample_index_dir, {"RATE_LIMIT_PER_MINUTE": "2"})
    try:
        page.goto(server.url)
        for question in ("자구 누가 가르쳐?", "운영체제 수업 알려줘", "선대 언제 해?"):
            ask(page, question)
            wait_answer(page)
        alert = last_bot(page).get_by_role("alert").inner_text()
        assert re.fullmatch(r"요청이 너무 많아요\. \d+초 뒤에 다시 시도해 주세요\.", alert), alert
        assert "습니다" not in last_bot(page).inner_text()
        shot_both(page, "state-rate-limited")
    finally:
        stop_backend(server)


def test_favicon_and_no_missing_files(page, backend) -> None:
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
    page.goto(backend.url)
    page.wait_for_load_state("networkidle")
    href = page.locator("link[rel='icon']").get_attribute("href")
    assert href and page.request.get(f"{backend.url}{href}").ok
    assert missing == []
