"""Accessibility of the chat page (issue 17, finding 7): axe-core (a dev dependency of frontend/, injected from
node_modules) finds no serious or critical violation on the empty page, after an answer, in an error state
and on a planned timetable, at desktop and phone sizes; and the checks axe cannot make: the focus ring's
contrast, the typing dots' label, the search-mode note without hover, English answers marked as English,
and a live region that speaks once per sentence, not once per token."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.test_chat_page import ARTIFACTS, ask, last_bot, wait_answer
from tests.support.served import PROJECT_ROOT

pytestmark = pytest.mark.browser

AXE = PROJECT_ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
CHAT = re.compile(r".*/chat(/stream)?$")


# The rules the audit named, asserted whatever axe rates them (heading-order and region are "moderate").
NAMED = {"listitem", "aria-allowed-role", "heading-order", "region"}


def axe_violations(page) -> list[dict]:  # type: ignore[no-untyped-def]
    """Serious and critical axe-core violations on the page as it is now, and any of the audit's NAMED rules."""
    if not Path(AXE).exists():
        pytest.fail("axe-core is missing: run `npm ci` in frontend/")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["html"][:160] for n in v["nodes"][:3]]}
        for v in results["violations"] if v["impact"] in ("serious", "critical") or v["id"] in NAMED
    ]


def _open(browser, backend, name: str):  # type: ignore[no-untyped-def]
    viewport = VIEWPORTS[name]
    phone = name == "phone"
    context = browser.new_context(locale="ko-KR", viewport=viewport, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.goto(backend.url)
    return context, page


def _shot(page, state: str, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"state-{state}-{VIEWPORTS[name]['width']}.png"))


@pytest.mark.parametrize("name", VIEWPORTS)
def test_axe_finds_nothing_serious_in_any_state(browser, backend, name: str) -> None:
    context, page = _open(browser, backend, name)
    try:
        assert axe_violations(page) == [], "empty page"
        _shot(page, "empty", name)

        ask(page, "자구 누가 가르쳐?")
        wait_answer(page)
        assert last_bot(page).get_attribute("data-state") == "done"
        assert axe_violations(page) == [], "after an answer"
        _shot(page, "answer", name)

        ask(page, "자료구조, 운영체제, 회계원리 들을 건데 금요일 공강으로 시간표 짜줘")
        wait_answer(page)
        assert last_bot(page).locator(".tt-grid").count() == 1
        assert axe_violations(page) == [], "a planned timetable"
        _shot(page, "timetable", name)

        page.route(CHAT, lambda route: route.abort("connectionrefused"))
        ask(page, "운영체제 몇 학점이야?")
        wait_answer(page)
        assert last_bot(page).get_attribute("data-state") == "error"
        assert axe_violations(page) == [], "an error"
        _shot(page, "error", name)
    finally:
        context.close()


def _luminance(rgb: tuple[int, ...]) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast of two CSS `rgb(...)` colors."""
    la, lb = (_luminance(tuple(int(float(x)) for x in re.findall(r"[\d.]+", c)[:3])) for c in (a, b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_ring_stands_out_three_to_one(browser, backend, scheme: str) -> None:
    context = browser.new_context(locale="ko-KR", viewport=VIEWPORTS["desktop"], color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(backend.url)
        page.keyboard.press("Shift+Tab")  # from the box back to an example, by keyboard: :focus-visible applies
        ring = page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
            return {tag: e.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor,
                    around: getComputedStyle(document.querySelector('.app')).backgroundColor}; }""")
        assert ring["tag"] == "BUTTON" and ring["style"] == "solid" and ring["width"] >= 2, ring
        assert contrast(ring["color"], ring["around"]) >= 3, ring
    finally:
        context.close()


def test_dark_mode_follows_the_system_and_stays_axe_clean(browser, backend) -> None:
    context = browser.new_context(locale="ko-KR", viewport=VIEWPORTS["phone"], color_scheme="dark", is_mobile=True)
    page = context.new_page()
    try:
        page.goto(backend.url)
        background = page.evaluate("getComputedStyle(document.querySelector('.app')).backgroundColor")
        assert _luminance(tuple(int(x) for x in re.findall(r"\d+", background)[:3])) < 0.05, background
        ask(page, "자구 누가 가르쳐?")
        wait_answer(page)
        assert axe_violations(page) == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "state-answer-dark-390.png"))
    finally:
        context.close()


def test_typing_dots_speak_as_a_status_not_a_labelled_paragraph(page, backend) -> None:
    held: list = []
    page.route(CHAT, lambda route: held.append(route))
    page.goto(backend.url)
    ask(page, "자구 누가 가르쳐?")
    typing = page.locator("li.msg-bot .typing")
    typing.wait_for()
    assert typing.get_attribute("role") == "status"
    assert "답변을 준비하고 있어요" in typing.text_content()
    assert page.locator("p[aria-label], span[aria-label]:not([role])").count() == 0
    assert axe_violations(page) == []
    page.wait_for_timeout(50)
    for route in held:
        route.continue_()
    wait_answer(page)


def test_search_mode_note_opens_by_tap(browser, backend) -> None:
    context = browser.new_context(locale="ko-KR", viewport=VIEWPORTS["phone"], is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(backend.url)
        ask(page, "운영체제 수업 알려줘")
        wait_answer(page)
        note = last_bot(page).locator(".mode-note")
        assert not note.is_visible()
        last_bot(page).get_by_text("검색 모드").tap()
        assert note.is_visible() and "AI 모델 없이" in note.inner_text()
        assert last_bot(page).locator("[title]").count() == 0  # nothing lives only in a hover tooltip
    finally:
        context.close()


def test_english_answers_are_marked_english(page, backend) -> None:
    page.goto(backend.url)
    ask(page, "Who teaches Data Structures?")
    wait_answer(page)
    assert last_bot(page).locator(".answer-text").get_attribute("lang") == "en"
    assert page.locator("li.msg-user .bubble").last.get_attribute("lang") == "en"
    ask(page, "자구 누가 가르쳐?")
    wait_answer(page)
    assert last_bot(page).locator(".answer-text").get_attribute("lang") is None  # the page's own ko


def test_streaming_is_announced_once_per_sentence(page, backend) -> None:
    page.goto(backend.url)
    page.evaluate("""() => { window.__spoken = []; window.__deltas = 0;
        new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) =>
            window.__spoken.push(n.textContent)))).observe(document.getElementById('announcer'), {childList: true});
        new MutationObserver(() => window.__deltas++).observe(document.getElementById('messages'),
            {childList: true, subtree: true}); }""")
    ask(page, "교양필수 과목 뭐 있어?")
    wait_answer(page)
    spoken: list[str] = page.evaluate("window.__spoken")
    redraws: int = page.evaluate("window.__deltas")
    assert page.locator("#messages[aria-live], #messages [aria-live='assertive']").count() == 0
    assert spoken and len(spoken) < redraws, (spoken, redraws)
    said = " ".join(spoken)
    lead = last_bot(page).locator(".answer-text > p").first.inner_text()
    assert said.count(lead.split(":")[0]) == 1, said  # the lead was said once, not re-read per piece
    assert "근거 강좌 13개" in spoken[-1]
    assert "GEN1001" not in said  # the folded bullets repeat the cards: not read out line by line


@pytest.mark.parametrize("name", VIEWPORTS)
def test_more_states_are_axe_clean_and_pictured(browser, backend, name: str) -> None:
    """Waiting (dots and the stop button), the 👎 comment box, and a cleared conversation with its undo."""
    context, page = _open(browser, backend, name)
    try:
        ask(page, "자구 누가 가르쳐?")
        wait_answer(page)
        last_bot(page).get_by_role("button", name="도움이 안 됐어요").click()
        last_bot(page).get_by_label("무엇이 아쉬웠나요? (선택)").wait_for()
        assert axe_violations(page) == [], "the comment box"
        _shot(page, "comment", name)

        held: list = []
        page.route(CHAT, lambda route: held.append(route))
        ask(page, "운영체제 수업 알려줘")
        page.wait_for_selector("li.msg-bot[data-state='pending']")
        assert axe_violations(page) == [], "waiting for an answer"
        _shot(page, "pending", name)
        page.get_by_role("button", name="중지").click()
        page.unroute(CHAT)

        page.get_by_role("button", name="새 대화 시작").click()
        page.get_by_role("button", name="되돌리기").wait_for()
        assert axe_violations(page) == [], "a cleared conversation"
        _shot(page, "cleared", name)
    finally:
        context.close()
