"""The API returns planned weeks: `ChatResponse.timetables` in POST /chat, in the `done` event of /chat/stream,
and in the OpenAPI schema (each: `sections` with `slots`, `credits`, `days`, `notes`)."""

from __future__ import annotations

import itertools

from fastapi.testclient import TestClient

from tests.api.test_stream import parse_sse

QUESTION = "자료구조, 운영체제, 회계원리 들을 건데 금요일 공강으로 시간표 짜줘"


def _overlap(a: dict, b: dict) -> bool:
    return any(x["day"] == y["day"] and x["start"] < y["end"] and y["start"] < x["end"]
               for x in a["slots"] for y in b["slots"])


def _shape(week: dict) -> tuple:
    """A week as sections, credits, days and notes (the stream leaves out empty fields, the JSON answer has them)."""
    return [(s["code"], s["section"], s["slots"]) for s in week["sections"]], week["credits"], week["days"], week["notes"]


def test_chat_returns_the_planned_weeks(client: TestClient, sample_sections) -> None:
    body = client.post("/chat", json={"message": QUESTION}).json()
    weeks = body["timetables"]
    assert len(weeks) == 3
    truth = {(s.code, s.section): s for s in sample_sections}
    for week in weeks:
        assert set(week) == {"sections", "credits", "days", "notes"}
        assert sorted(s["name"] for s in week["sections"]) == sorted(["자료구조", "운영체제", "회계원리"])
        assert not any(_overlap(a, b) for a, b in itertools.combinations(week["sections"], 2))
        for section in week["sections"]:
            catalog = truth[(section["code"], section["section"])]
            assert [(m["day"], m["start"], m["end"]) for m in section["slots"]] == [
                (m.day, m.start, m.end) for m in catalog.slots]
        assert week["credits"] == 9 and "금" not in week["days"] and "금요일 공강" in week["notes"][0]
    assert {(s["code"], s["section"]) for s in body["sources"]} == {
        (s["code"], s["section"]) for week in weeks for s in week["sections"]}


def test_other_answers_carry_an_empty_list(client: TestClient) -> None:
    assert client.post("/chat", json={"message": "자료구조 누가 가르쳐?"}).json()["timetables"] == []


def test_a_check_carries_the_week_it_checked_with_its_overlaps(client: TestClient, sample_sections) -> None:
    """check_timetable results use the same shape: the sections checked, and a note for every overlap."""
    body = client.post("/chat", json={"message": "자료구조랑 회계원리 시간 겹쳐?"}).json()
    [week] = body["timetables"]
    assert sorted(s["name"] for s in week["sections"]) == ["자료구조", "회계원리"]
    assert week["notes"] == [] and not any(_overlap(a, b) for a, b in itertools.combinations(week["sections"], 2))
    singles = {}
    for s in sample_sections:
        singles.setdefault(s.code, []).append(s)
    one = [v[0] for v in singles.values() if len(v) == 1 and v[0].slots and not v[0].graduate]
    a, b = next((a, b) for a, b in itertools.combinations(one, 2)
                if _overlap(a.model_dump(), b.model_dump()))
    clash = client.post("/chat", json={"message": f"{a.code}랑 {b.code} 시간 겹쳐?"}).json()["timetables"]
    assert len(clash) == 1 and clash[0]["notes"] and clash[0]["notes"][0].startswith("겹침:")
    assert a.name in clash[0]["notes"][0] and b.name in clash[0]["notes"][0]


def test_the_stream_done_event_carries_the_weeks(client: TestClient) -> None:
    plain = client.post("/chat", json={"message": QUESTION}).json()
    with client.stream("POST", "/chat/stream", json={"message": QUESTION}) as response:
        events = parse_sse("".join(response.iter_text()))
    name, done = events[-1]
    assert name == "done" and [_shape(w) for w in done["answer"]["timetables"]] == [_shape(w) for w in plain["timetables"]]


def test_the_schema_documents_the_weeks(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    field = schemas["ChatResponse"]["properties"]["timetables"]
    assert field["items"] == {"$ref": "#/components/schemas/Timetable"} and "시간표" in field["description"]
    week = schemas["Timetable"]
    assert set(week["properties"]) == {"sections", "credits", "days", "notes"}
    assert all(prop.get("description") for prop in week["properties"].values())
