"""A planned timetable on the page, in a real browser against the real backend in search mode: a week grid
under the answer whose blocks sit in the right day column and at the right height for the catalog's times,
one tab per planned week; readable at phone width; saved as .ics and as an image; a failed check in red; a
draft built from course cards. Screenshots go to test-artifacts/."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

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


def _clashing_pair(sample_sections) -> tuple:
    """Two courses of one section each whose meetings overlap (from the catalog, not typed in)."""
    by_code: dict[str, list] = {}
    for s in sample_sections:
        by_code.setdefault(s.code, []).append(s)
    singles = [v[0] for v in by_code.values() if len(v) == 1 and v[0].slots and not v[0].graduate]
    return next((a, b) for i, a in enumerate(singles) for b in singles[i + 1:]
                if any(x.day == y.day and x.start < y.end and y.start < x.end for x in a.slots for y in b.slots))


def test_desktop_and_phone_screenshots_and_rooms(browser, backend, weeks) -> None:
    """At 1280x800 and 390x844 the grid fits the screen (no sideways scrolling), every block names its room."""
    for name, size in (("desktop", {"width": 1280, "height": 800}), ("phone", {"width": 390, "height": 844})):
        context = browser.new_context(locale="ko-KR", viewport=size, is_mobile=name == "phone")
        page = context.new_page()
        page.goto(backend.url)
        ask(page, QUESTION)
        wait_answer(page)
        view = last_bot(page).locator("section.timetables")
        view.scroll_into_view_if_needed()
        grid = _box(view.locator(".tt-grid"))
        assert grid["x"] >= 0 and grid["x"] + grid["width"] <= size["width"] + 1, (name, grid)
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"] + 1
        rooms = [slot["room"] for s in weeks[0]["sections"] for slot in s["slots"] if slot.get("room")]
        texts = view.locator(".tt-block").evaluate_all("els => els.map(e => e.innerText)")
        assert rooms and all(any(room in text for text in texts) for room in rooms)
        names = view.locator(".tt-name").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
        assert min(names) > 8  # the course names are drawn, not squeezed away
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"timetable-{name}-{size['width']}x{size['height']}.png"))
        context.close()


def test_a_week_saves_as_ics_for_the_chosen_term_start_and_as_an_image(page, backend, weeks) -> None:
    page.goto(backend.url)
    ask(page, QUESTION)
    wait_answer(page)
    view = last_bot(page).locator("section.timetables")
    assert view.get_by_label("개강일 (학기 첫날)").input_value() == "2026-03-02"  # 2026-1: the first Monday of March
    view.get_by_label("개강일 (학기 첫날)").fill("2026-03-04")  # a Wednesday: Monday's first class is 03-09
    with page.expect_download() as info:
        view.get_by_role("button", name="캘린더(.ics)로 저장").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    events = text.split("BEGIN:VEVENT")[1:]
    slots = [(s, slot) for s in weeks[0]["sections"] for slot in s["slots"]]
    assert text.startswith("BEGIN:VCALENDAR") and len(events) == len(slots)
    for section, slot in slots:
        start = date(2026, 3, 4) + timedelta(days=("월화수목금토일".index(slot["day"]) - 2) % 7)
        stamp = f"DTSTART;TZID=Asia/Seoul:{start:%Y%m%d}T{hhmm(slot['start']).replace(':', '')}00"
        [event] = [e for e in events if stamp in e and f"SUMMARY:{section['name']}" in e]
        assert f"DTEND;TZID=Asia/Seoul:{start:%Y%m%d}T{hhmm(slot['end']).replace(':', '')}00" in event
        assert "RRULE:FREQ=WEEKLY;COUNT=16" in event and start >= date(2026, 3, 4)
    with page.expect_download() as info:
        view.get_by_role("button", name="이미지로 저장").click()
    image = Path(info.value.path()).read_bytes()
    assert image.startswith(b"\x89PNG\r\n\x1a\n") and len(image) > 5000


def test_a_failed_check_draws_the_overlap_in_red(page, backend, sample_sections) -> None:
    a, b = _clashing_pair(sample_sections)
    page.goto(backend.url)
    ask(page, f"{a.code}랑 {b.code} 시간 겹쳐?")
    wait_answer(page)
    view = last_bot(page).locator("section.timetables")
    red = view.locator(".tt-block.tt-conflict")
    assert red.count() >= 2 and {c for c in red.evaluate_all("els => els.map(e => e.dataset.code)")} == {a.code, b.code}
    assert red.first.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 214, 214)"
    # Two classes at the same time sit side by side in their day's column, neither hidden under the other.
    boxes = red.evaluate_all("els => els.map(e => [e.dataset.day, e.getBoundingClientRect().x])")
    day = boxes[0][0]
    assert len({x for d, x in boxes if d == day}) == len([d for d, _ in boxes if d == day]) >= 2
    ARTIFACTS.mkdir(exist_ok=True)
    view.screenshot(path=str(ARTIFACTS / "timetable-conflict.png"))


def test_list_answers_add_sections_to_a_draft_timetable(page, backend, sample_sections) -> None:
    """"시간표에 추가" on course cards builds a draft week: clashes in red, a section taken out clears them, and the
    draft survives a reload."""
    a, b = _clashing_pair(sample_sections)
    page.goto(backend.url)
    for course in (a, b):
        ask(page, f"{course.code} 알려줘")
        wait_answer(page)
        card = last_bot(page).locator(f"li.card[data-code='{course.code}']").first
        card.get_by_role("button", name=re.compile("시간표에 추가")).click()
    draft = page.locator("aside.tt-draft")
    assert "2과목" in draft.locator(".tt-draft-head").inner_text()
    assert draft.locator(".tt-block.tt-conflict").count() >= 2
    assert "겹치는 수업이 있어요" in draft.get_by_role("status").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timetable-draft.png"))
    page.reload()
    ask(page, f"{a.code} 알려줘")  # cards load the stored draft
    wait_answer(page)
    draft = page.locator("aside.tt-draft")
    assert "2과목" in draft.locator(".tt-draft-head").inner_text()
    draft.get_by_role("button", name=f"{b.name} 빼기").click()
    assert "1과목" in draft.locator(".tt-draft-head").inner_text() and draft.locator(".tt-conflict").count() == 0
