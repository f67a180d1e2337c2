"""HyperCLOVA X pages through `search_courses`: the tool result carries the set's true totals and
`next_offset`, a request's `offset` is where a search without one starts, and the answer's `page` is the last
search's (the loopback HyperCLOVA X server plays the model)."""

from __future__ import annotations

from tests.agent.test_hyperclova_agent import last_tool_result, make_assistant, server  # noqa: F401 - fixture
from tests.fakes.hyperclova import reply_text, reply_tool_calls


def test_the_model_sees_true_totals_and_pages_with_offset(
    server, sample_index, sample_sections  # noqa: F811 - the fixture imported above
) -> None:
    required = [s for s in sample_sections if "교양필수" in (s.category or "")]
    assistant = make_assistant(server, sample_index)
    search = reply_tool_calls([("search_courses", {"query": "교양필수"})])
    server.script(search, reply_text("4과목 16개 분반 중 처음 8개예요."))
    first = assistant.answer("교양필수 뭐 있어?")
    data = last_tool_result(server.chat_requests()[-1])["data"]
    assert (data["total_sections"], data["total_courses"], data["next_offset"]) == (len(required), 4, 8)
    first_page = {r["code"] + r["section"] for r in data["results"]}
    assert first.page is not None and (first.page.shown, first.page.next_offset) == (8, 8)

    # "더 보기" with the API's offset: the model calls the tool without one; the tool starts where asked.
    server.script(reply_tool_calls([("search_courses", {"query": "교양필수"})]), reply_text("나머지 8개예요."))
    rest = assistant.answer("더 보기", [], offset=first.page.next_offset)
    data = last_tool_result(server.chat_requests()[-1])["data"]
    assert data["offset"] == 8 and "next_offset" not in data
    assert rest.page is not None and (rest.page.offset, rest.page.next_offset) == (8, None)
    second_page = {r["code"] + r["section"] for r in data["results"]}
    assert first_page.isdisjoint(second_page)
    assert first_page | second_page == {s.code + s.section for s in required}
