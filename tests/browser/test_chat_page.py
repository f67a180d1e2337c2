"""The chat page in a real browser against the real backend in search mode."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from agent.catalog import load_catalog
from agent.settings import SAMPLE_CATALOG
from tests.support.served import PROJECT_ROOT, start_backend, stop_backend

ARTIFACTS = PROJECT_ROOT / "test-artifacts"  # screenshots, for a person to look at

pytestmark = pytest.mark.browser

ANSWER_TIMEOUT = 30_000


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(SAMPLE_CATALOG).sections


def ask(page, question: str) -> None:
    box = page.get_by_label("질문 입력")
    box.fill(question)
    box.press("Enter")


def chat_requests(page) -> list[dict]:  # type: ignore[no-untyped-def]
    """The bodies of the page's /chat and /chat/stream requests, as they are sent."""
    bodies: list[dict] = []
    page.on("request", lambda r: bodies.append(json.loads(r.post_data)) if "/chat" in r.url else None)
    return bodies


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """A screenshot of the window for a person to look at: test-artifacts/<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def shot_both(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """The state at desktop (1280×800) and phone (390×844) width: test-artifacts/<name>-1280.png, -390.png."""
    for width, height in ((1280, 800), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(100)
        shot(page, f"{name}-{width}")


def last_bot(page):
    return page.locator("li.msg-bot").last


def answer_text(bot) -> str:  # type: ignore[no-untyped-def]
    """The answer's words as a student reads them with its folded list ("목록을 글로 보기") opened: in search
    mode the bullets repeat the cards, so the page folds them (frontend/src/answer.ts)."""
    folded = bot.locator(".answer-text details.answer-list")
    if folded.count():
        folded.locator("summary").click()
    return bot.locator(".answer-text").inner_text()


def wait_answer(page) -> None:
    page.wait_for_selector("li.msg-bot:last-child[data-state='done'], li.msg-bot:last-child[data-state='error']",
                           timeout=ANSWER_TIMEOUT)


def test_question_gets_answer_with_course_cards(page, backend, catalog) -> None:
    page.goto(backend.url)
    assert page.get_by_role("heading", name="무엇이든 물어보세요").is_visible()
    assert page.locator("button.example").count() >= 3

    ask(page, "자구 누가 가르쳐?")
    wait_answer(page)
    bot = last_bot(page)
    assert bot.get_attribute("data-state") == "done"
    assert not page.get_by_role("heading", name="무엇이든 물어보세요").is_visible()

    ds_sections = [s for s in catalog if s.name == "자료구조"]
    ds_codes = {s.code for s in ds_sections}
    card_codes = bot.locator("li.card").evaluate_all("els => els.map(e => e.dataset.code)")
    assert card_codes, "the answer shows no course cards"
    assert set(card_codes) <= ds_codes, f"cards for other courses: {card_codes}"
    # Every card names its professor and schedule as the catalog has them.
    first = bot.locator("li.card").first
    code, section = first.get_attribute("data-code"), first.get_attribute("data-section")
    record = next(s for s in ds_sections if s.code == code and s.section == section)
    card_text = first.inner_text()
    assert record.professors[0] in card_text
    assert f"{record.slots[0].start // 60:02d}:{record.slots[0].start % 60:02d}" in card_text
    assert record.slots[0].room and record.slots[0].room in card_text
    lead = bot.locator(".answer-text > p").first.inner_text()
    assert "자료구조" in lead and record.professors[0] in lead  # the lead sentence names who teaches it
    # The bullets say what the cards show: folded away, each one a card's section.
    folded = bot.locator(".answer-list li")
    assert not folded.first.is_visible() and folded.count() == len(card_codes)
    assert bot.locator(".mode-search").inner_text() == "검색 모드"

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-answer.png"), full_page=True)


def test_follow_up_sends_history_and_is_resolved(page, backend, catalog) -> None:
    bodies: list[dict] = []
    page.on("request", lambda r: bodies.append(json.loads(r.post_data)) if "/chat" in r.url else None)
    page.goto(backend.url)
    ask(page, "운영체제 수업 알려줘")
    wait_answer(page)
    ask(page, "그 수업 몇 학점이야?")
    wait_answer(page)

    assert len(bodies) == 2
    assert bodies[0]["history"] == []
    history = bodies[1]["history"]
    assert [turn["role"] for turn in history] == ["user", "assistant"]
    assert history[0]["content"] == "운영체제 수업 알려줘"
    assert history[1]["content"]  # the first answer's text went back as context

    os_credits = {s.credits for s in catalog if s.name == "운영체제"}
    answer = answer_text(last_bot(page))
    assert "운영체제" in answer
    assert any(f"{c:g}학점" in answer for c in os_credits), answer


def test_conversation_survives_reload_and_new_chat_clears(page, backend) -> None:
    page.goto(backend.url)
    ask(page, "선대 언제 해?")
    wait_answer(page)
    page.reload()
    assert page.locator("li.msg-user").count() == 1
    assert page.locator("li.msg-bot[data-state='done']").count() == 1
    page.get_by_role("button", name="새 대화 시작").click()
    assert page.locator("li.msg").count() == 0
    assert page.get_by_role("heading", name="무엇이든 물어보세요").is_visible()


def test_feedback_posts_to_api(page, backend) -> None:
    page.goto(backend.url)
    ask(page, "데베 수업 있어?")
    wait_answer(page)
    ask(page, "그 수업 누가 가르쳐?")
    wait_answer(page)
    bot = last_bot(page)
    cards = bot.locator("li.card").evaluate_all("els => els.map(e => e.dataset.code)")
    with page.expect_response(lambda r: r.url.endswith("/feedback")) as info:
        bot.get_by_role("button", name="도움이 안 됐어요").click()
    response = info.value
    assert response.status == 202, response.status
    sent = json.loads(response.request.post_data)
    assert sent["rating"] == "down" and sent["request_id"]
    # What the rating is about goes with it: the question, the answer as shown, the cited codes, term, mode
    # and the turns before the question.
    assert sent["question"] == "그 수업 누가 가르쳐?"
    shown = [line.strip() for line in answer_text(bot).splitlines() if line.strip() and "목록을 글로" not in line]
    assert shown and all(line in sent["answer"] for line in shown)  # the text, bullets as the page drew them
    assert sent["sources"] == list(dict.fromkeys(cards)) and sent["sources"]
    assert sent["term"] == "2026-1" and sent["mode"] == "search"
    assert [turn["role"] for turn in sent["history"]] == ["user", "assistant"]
    assert sent["history"][0]["content"] == "데베 수업 있어?"
    thumbs_down = last_bot(page).get_by_role("button", name="도움이 안 됐어요")
    assert thumbs_down.get_attribute("aria-pressed") == "true"
    assert last_bot(page).get_by_role("group", name="이 답변에 대한 평가예요").is_visible()
    # 👎 opens a comment box; the comment goes with the same rating and everything the rating is about.
    box = last_bot(page).get_by_label("무엇이 아쉬웠나요? (선택)")
    box.fill("교수님 이름이 달라요")
    with page.expect_response(lambda r: r.url.endswith("/feedback")) as info:
        last_bot(page).get_by_role("button", name="의견 보내기").click()
    assert info.value.status == 202
    commented = json.loads(info.value.request.post_data)
    assert commented["comment"] == "교수님 이름이 달라요"
    assert {k: v for k, v in commented.items() if k != "comment"} == sent
    assert "의견 고마워요" in last_bot(page).inner_text()
    # The backend stored it (its SQLite file) and logged it with the same request id.
    from agent.feedback.factory import open_store

    record = open_store(backend.feedback_store).get(sent["request_id"])
    assert record is not None and record.rating == "down" and record.comment == "교수님 이름이 달라요"
    assert (record.question, record.sources, record.term, record.mode) == (
        sent["question"], sent["sources"], "2026-1", "search")
    assert record.answer == sent["answer"] and len(record.history) == 2
    page.wait_for_timeout(200)
    assert any(sent["request_id"] in line and "feedback" in line for line in backend.log_text().splitlines())


def test_network_failure_shows_error_and_retry_recovers(page, backend) -> None:
    page.goto(backend.url)
    page.route(re.compile(r".*/chat(/stream)?$"), lambda route: route.abort("connectionrefused"))
    ask(page, "자료구조 몇 학점이야?")
    wait_answer(page)
    bot = last_bot(page)
    assert bot.get_attribute("data-state") == "error"
    assert "연결할 수 없어요" in bot.get_by_role("alert").inner_text()
    page.unroute(re.compile(r".*/chat(/stream)?$"))
    bot.get_by_role("button", name="다시 시도").click()
    wait_answer(page)
    assert last_bot(page).get_attribute("data-state") == "done"
    assert "자료구조" in answer_text(last_bot(page))


def test_upstream_failure_shows_server_message(page, sample_index_dir: Path, tmp_path: Path) -> None:
    """A real 503: the backend in HyperCLOVA X mode against a loopback server that always fails."""
    from tests.fakes.hyperclova import HyperClovaServer, fail

    with HyperClovaServer(api_key="nv-browser-test") as upstream:
        for _ in range(20):
            upstream.script(fail(500))
        server = start_backend(tmp_path, sample_index_dir, {
            "HYPERCLOVA_API_KEY": "nv-browser-test", "HYPERCLOVA_BASE_URL": upstream.base_url,
            "HYPERCLOVA_MAX_RETRIES": "0",
        })
        try:
            page.goto(server.url)
            ask(page, "자구 누가 가르쳐?")
            wait_answer(page)
            bot = last_bot(page)
            assert bot.get_attribute("data-state") == "error"
            alert = bot.get_by_role("alert").inner_text()
            assert re.search(r"[가-힣]", alert) and "Traceback" not in alert
            # The request id stays out of the student's sight (kept on the message for support tools).
            assert bot.get_attribute("data-request-id") and bot.get_attribute("data-request-id") not in bot.inner_text()
            assert bot.get_by_role("button", name="다시 시도").is_visible()
        finally:
            stop_backend(server)
        assert "nv-browser-test" not in server.log_text()


def test_input_limit_enter_and_shift_enter(page, backend) -> None:
    page.goto(backend.url)
    box = page.get_by_label("질문 입력")
    box.fill("가" * 1001)
    assert page.get_by_role("button", name="보내기").is_disabled()
    assert "너무 길어요" in page.locator("#composer-count").inner_text()
    assert box.get_attribute("aria-invalid") == "true"

    box.fill("첫 줄")
    box.press("Shift+Enter")
    box.type("둘째 줄")
    assert box.input_value() == "첫 줄\n둘째 줄"
    assert page.locator("li.msg").count() == 0  # Shift+Enter did not send
    box.press("Enter")
    page.wait_for_selector("li.msg-user")
    assert page.locator("li.msg-user .bubble").inner_text() == "첫 줄\n둘째 줄"


def test_phone_width_layout(browser, backend) -> None:
    context = browser.new_context(locale="ko-KR", viewport={"width": 375, "height": 740}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    try:
        page.goto(backend.url)
        ask(page, "자료구조 분반 다 보여줘")
        wait_answer(page)
        assert page.locator("li.card").count() >= 2
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"horizontal scroll of {overflow}px on a phone"
        boxes = page.locator("li.card").evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
        assert all(width <= 375 for width in boxes)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "chat-phone.png"), full_page=True)
    finally:
        context.close()


def test_keyboard_and_screen_reader_basics(page, backend) -> None:
    page.goto(backend.url)
    assert page.locator("[role='log'][aria-live='polite']").count() == 1
    assert page.evaluate("document.activeElement.id") == "composer-input"
    for button in page.locator("button").all():
        assert (button.get_attribute("aria-label") or button.inner_text()).strip()
    # With a question typed, Tab moves from the input to the send button, and Space/Enter there sends.
    page.get_by_label("질문 입력").fill("자료구조 몇 학점이야?")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "send"
    page.keyboard.press("Enter")
    wait_answer(page)
    assert last_bot(page).get_attribute("data-state") == "done"
