"""Answers designed to be scanned (issue 17, findings 3 and 8): on a phone the lead and the first cards fit one
screen, times and rooms never break across lines, Soongsil sections carry their 분반, restricted and English
sections their badges, a long category stays one line, and the page's JavaScript stays small."""

from __future__ import annotations

import gzip
import json

import pytest

from tests.browser.conftest import DIST
from tests.browser.test_chat_page import ask, last_bot, shot, wait_answer

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
BUNDLE_LIMIT = 60_000  # bytes of JavaScript, gzipped

# Two sections as the API sends Soongsil's (codes per section: `section` is '' and `section_no` the 분반), the
# second English-taught and restricted to its target students, with a long multi-major category.
SOONGSIL = [
    {"term": "2026-1", "code": "2150228901", "section": "", "section_no": "01", "name": "자료구조",
     "university": "숭실대학교", "department": "컴퓨터학부", "professors": ["김철수"], "credits": 3.0,
     "slots": [{"day": "월", "start": 630, "end": 705, "room": "정보과학관 21204"},
               {"day": "수", "start": 630, "end": 705, "room": "정보과학관 21204"}],
     "category": "전선-AI융합/전필-AI소프트웨어/전필-소프트", "english": False, "level": "학사"},
    {"term": "2026-1", "code": "2150228902", "section": "", "section_no": "02", "name": "자료구조",
     "university": "숭실대학교", "department": "컴퓨터학부", "professors": ["Jane Park"], "credits": 3.0,
     "slots": [{"day": "화", "start": 810, "end": 885, "room": "정보과학관 21401"}],
     "category": "전필-컴퓨터", "english": True, "level": "학사", "restricted_to_target": True,
     "target": "컴퓨터학부 2학년"},
]


def _sse(answer: str, sources: list[dict]) -> str:
    done = {"answer": answer, "sources": sources, "mode": "search", "request_id": "r-1", "page": None,
            "timetables": []}
    events = [("delta", {"type": "delta", "text": answer}), ("sources", {"type": "sources", "sources": sources}),
              ("done", {"type": "done", "answer": done})]
    return "".join(f"event: {name}\ndata: {json.dumps(body, ensure_ascii=False)}\n\n" for name, body in events)


@pytest.fixture
def phone(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="ko-KR", viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_phone_screen_holds_the_lead_and_the_first_cards(phone, backend) -> None:
    phone.goto(backend.url)
    ask(phone, "자구 누가 가르쳐?")
    wait_answer(phone)
    phone.wait_for_timeout(200)
    view = phone.locator("#main").bounding_box()
    bot = last_bot(phone)
    lead = bot.locator(".answer-text > p").first.bounding_box()
    cards = [c.bounding_box() for c in bot.locator("li.card").all()[:3]]
    assert view and lead and all(cards)
    bottom = view["y"] + view["height"]
    assert view["y"] <= lead["y"] and lead["y"] + lead["height"] <= bottom
    assert all(c["y"] + c["height"] <= bottom for c in cards), (cards, view)  # type: ignore[index]
    shot(phone, "answer-first-screen-390")


def test_times_and_rooms_never_break(phone, backend) -> None:
    phone.goto(backend.url)
    ask(phone, "교양필수 과목 뭐 있어?")
    wait_answer(phone)
    bot = last_bot(phone)
    bot.get_by_role("button", name="9개 더 보기").click()
    bot.locator(".answer-list summary").click()
    pieces = bot.locator(".nowrap").evaluate_all(
        "els => els.map(e => [e.textContent, e.getClientRects().length])")
    assert len(pieces) > 20
    broken = [text for text, lines in pieces if lines != 1]
    assert broken == []
    texts = [text for text, _ in pieces]
    assert "12:00-13:50" in " ".join(texts) and any(text.startswith("교양관") for text in texts)


def test_soongsil_cards_name_the_section_and_badges(phone, backend) -> None:
    phone.route("**/chat/stream", lambda route: route.fulfill(
        status=200, content_type="text/event-stream",
        body=_sse("자료구조는 분반이 2개예요.\n• 자료구조 01분반\n• 자료구조 02분반", SOONGSIL)))
    phone.goto(backend.url)
    ask(phone, "자구 누가 가르쳐?")
    wait_answer(phone)
    cards = last_bot(phone).locator("li.card")
    assert cards.count() == 2
    first, second = cards.nth(0), cards.nth(1)
    assert first.locator(".card-title").inner_text() == "자료구조 01분반"
    assert second.locator(".card-title").inner_text() == "자료구조 02분반"
    assert "월·수 10:30-11:45" in first.inner_text() and "정보과학관 21204" in first.inner_text()
    assert second.locator(".badge-en").inner_text() == "영어강의"
    assert second.locator(".badge-restricted").inner_text() == "수강제한: 컴퓨터학부 2학년"
    category = first.locator(".badge-cat")
    assert category.text_content() == "전선-AI융합/전필-AI소프트웨어/전필-소프트"  # whole for screen readers
    height = category.evaluate("e => e.getClientRects().length")
    assert height == 1  # one line, cut with an ellipsis for the eye
    assert "1개 더 보기" not in last_bot(phone).inner_text()
    shot(phone, "answer-soongsil-cards-390")


def test_bundle_stays_small() -> None:
    scripts = list((DIST / "assets").glob("*.js"))
    assert scripts, "no built JavaScript under frontend/dist/assets"
    size = sum(len(gzip.compress(path.read_bytes(), 9)) for path in scripts)
    assert size < BUNDLE_LIMIT, f"{size} bytes gzipped"


def test_planned_weeks_are_said_once_by_the_tabs(phone, backend) -> None:
    phone.goto(backend.url)
    ask(phone, "자료구조, 운영체제, 회계원리 들을 건데 금요일 공강으로 시간표 짜줘")
    wait_answer(phone)
    bot = last_bot(phone)
    shown = bot.locator(".answer-text > p").all_inner_texts()
    assert shown and not any(line.lstrip().startswith(("1안", "2안", "3안")) for line in shown), shown
    notes = bot.locator(".tt-notes").inner_text()
    folded = bot.locator(".answer-list li").all_text_contents()
    assert any(line.startswith("1안") and notes.split(" · ")[0] in line for line in folded), (folded, notes)
    shot(phone, "answer-timetable-first-screen-390")
