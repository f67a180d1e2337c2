"""A planned timetable on the page, in a real browser against the real backend in search mode: a week grid
under the answer whose blocks sit in the right day column and at the right height for the catalog's times,
one tab per planned week."""

from __future__ import annotations

import httpx
import pytest

from agent.catalog.models import hhmm
from tests.browser.test_chat_page import ARTIFACTS, ask, last_bot, wait_answer

pytestmark = pytest.mark.browser

QUESTION = "자료구조, 운영체제, 회계원리 들을 건데 금요일 공강으로 시간표 짜줘"


@pytest.fixture(scope="module")
def weeks(backend) -> list[dict]:
    """The weeks the backend plans for the question (deterministic: the page must draw exactly these)."""
    body = httpx.post(f"{backend.url}/chat", json={"message": QUESTION}, timeout=30).json()
    assert len(body["timetables"]) == 3
    return body["timetables"]


def _box(locator) -> dict:
    box = locator.bounding_box()
    assert box is not None
    return box


# The grid's parts, measured in one go relative to the grid itself (the page may still be scrolling).
_MEASURE = """grid => {
  const origin = grid.getBoundingClientRect();
  const at = (e) => { const b = e.getBoundingClientRect(); return {x: b.x - origin.x, y: b.y - origin.y, w: b.width, h: b.height}; };
  return {
    days: Object.fromEntries([...grid.querySelectorAll('.tt-day')].map((e) => [e.dataset.day, at(e)])),
    hours: [...grid.querySelectorAll('.tt-hour')].map((e) => [e.dataset.hour, at(e)]),
    blocks: [...grid.querySelectorAll('.tt-block')].map((e) => ({...e.dataset, text: e.innerText, ...at(e)})),
  };
}"""


def _check_grid(bot, week: dict) -> None:
    """Every meeting of every section is one block: in its day's column, from its start's row to its end's."""
    drawn = bot.locator(".tt-grid").evaluate(_MEASURE)
    slots = [(s, slot) for s in week["sections"] for slot in s["slots"]]
    assert len(drawn["blocks"]) == len(slots)
    (first_hour, first), (_, second) = drawn["hours"][:2]
    top, hour_px = int(first_hour[:2]) * 60, second["y"] - first["y"]
    assert hour_px > 20
    for section, slot in slots:
        start, end = hhmm(slot["start"]), hhmm(slot["end"])
        [block] = [b for b in drawn["blocks"] if b["day"] == slot["day"] and b["start"] == start]
        assert (block["end"], block["code"], block["section"]) == (end, section["code"], section["section"])
        assert section["name"] in block["text"] and f"{start}-{end}" in block["text"]
        column = drawn["days"][slot["day"]]
        assert column["x"] - 1 <= block["x"] and block["x"] + block["w"] <= column["x"] + column["w"] + 1
        assert abs(block["y"] - (first["y"] + (slot["start"] - top) / 60 * hour_px)) <= 2, (section["name"], slot)
        assert abs(block["h"] - (slot["end"] - slot["start"]) / 60 * hour_px) <= 3


def test_a_planned_week_is_drawn_as_a_grid_under_the_answer(page, backend, weeks) -> None:
    page.goto(backend.url)
    ask(page, QUESTION)
    wait_answer(page)
    bot = last_bot(page)
    view = bot.locator("section.timetables")
    assert view.is_visible()
    # Under the answer text, before the course cards.
    assert _box(view)["y"] > _box(bot.locator(".answer-text"))["y"]
    assert _box(view)["y"] < _box(bot.locator(".sources"))["y"]
    tabs = view.get_by_role("tab")
    assert tabs.count() == 3 and tabs.nth(0).get_attribute("aria-selected") == "true"
    assert tabs.nth(0).inner_text() == f"1안 · {weeks[0]['credits']:g}학점 · 주 {len(weeks[0]['days'])}일"
    assert view.locator(".tt-notes").inner_text() == " · ".join(weeks[0]["notes"])
    assert view.locator(".tt-day").evaluate_all("els => els.map(e => e.textContent)") == ["월", "화", "수", "목", "금"]
    _check_grid(bot, weeks[0])
    ARTIFACTS.mkdir(exist_ok=True)
    view.screenshot(path=str(ARTIFACTS / "timetable-week-1.png"))

    tabs.nth(2).click()
    assert tabs.nth(2).get_attribute("aria-selected") == "true" and tabs.nth(0).get_attribute("aria-selected") == "false"
    _check_grid(bot, weeks[2])


def test_answers_without_a_plan_draw_no_grid(page, backend) -> None:
    page.goto(backend.url)
    ask(page, "자료구조 누가 가르쳐?")
    wait_answer(page)
    assert last_bot(page).locator("section.timetables").count() == 0
