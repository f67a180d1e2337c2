"""HyperCLOVA X plans a timetable through the tool list (loopback server): the model calls `plan_timetable`
with the student's conditions, reads the weeks, and the answer returns them as `timetables`."""

from __future__ import annotations

from tests.agent.test_hyperclova_agent import last_tool_result, make_assistant, server  # noqa: F401 (fixture)
from tests.fakes.hyperclova import reply_text, reply_tool_calls, respond_with


def _from_weeks(request):
    """What a well-behaved model writes: the first week's sections and notes, from the tool result."""
    data = last_tool_result(request)["data"]
    week = data["timetables"][0]
    sections = ", ".join(f"{s['name']} {s['code']} {s['section']}분반" for s in week["sections"])
    return reply_text(f"1안: {sections} ({', '.join(week['notes'])})")


def test_the_model_plans_with_the_tool_and_the_answer_returns_the_weeks(server, sample_index) -> None:  # noqa: F811
    assistant = make_assistant(server, sample_index)
    server.script(
        reply_tool_calls([("plan_timetable", {"courses": ["자료구조", "운영체제", "회계원리"], "exclude_days": ["금"]})]),
        respond_with(_from_weeks),
    )
    answer = assistant.answer("자료구조, 운영체제, 회계원리 들을 건데 금요일 공강으로 시간표 짜줘")

    first, second = server.chat_requests()
    schema = next(t for t in first.body["tools"] if t["function"]["name"] == "plan_timetable")["function"]
    assert {"courses", "exclude_days", "max_days", "max_credits", "professors", "prefer"} <= set(
        schema["parameters"]["properties"])
    data = last_tool_result(second)["data"]
    assert len(answer.timetables) == len(data["timetables"]) == 3
    for week, record in zip(answer.timetables, data["timetables"], strict=True):
        assert [(s.code, s.section) for s in week.sections] == [(r["code"], r["section"]) for r in record["sections"]]
        assert week.notes == record["notes"] and "금" not in week.days
    first_week = answer.timetables[0]
    assert {(s.code, s.section) for s in answer.sources} == {(s.code, s.section) for s in first_week.sections}
    assert first_week.notes[0] in answer.answer


def test_a_failed_plan_returns_no_weeks(server, sample_index) -> None:  # noqa: F811
    assistant = make_assistant(server, sample_index)
    server.script(
        reply_tool_calls([("plan_timetable", {"courses": ["양자요리학", "운영체제"]})]),
        respond_with(lambda request: reply_text("양자요리학은 수강편람에 없어요.")),
    )
    answer = assistant.answer("양자요리학이랑 운영체제로 시간표 짜줘")
    assert "courses: '양자요리학'" in last_tool_result(server.chat_requests()[1])["data"]
    assert answer.timetables == []
