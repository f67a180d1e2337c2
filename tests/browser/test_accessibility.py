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


def axe_violations(page) -> list[dict]:  # type: ignore[no-untyped-def]
    """Serious and critical axe-core violations on the page as it is now."""
    if not Path(AXE).exists():
        pytest.fail("axe-core is missing: run `npm ci` in frontend/")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["html"][:160] for n in v["nodes"][:3]]}
        for v in results["violations"] if v["impact"] in ("serious", "critical")
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
