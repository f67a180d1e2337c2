"""The `page` of an answer: what search mode states, else (HyperCLOVA X) the turn's last `search_courses`
result; none when the turn listed no set."""

from __future__ import annotations

from langchain_core.messages import AIMessage, ToolMessage

from agent.answer import Page
from agent.answer_page import answer_page


def _search(total: int | None, offset: int, shown: int, courses: int = 3) -> ToolMessage:
    artifact = {"kind": "search", "sections": [], "total_sections": total, "total_courses": courses,
                "offset": offset, "matched_on_page": shown}
    return ToolMessage(content="{}", tool_call_id="c1", name="search_courses", artifact=artifact)


def test_search_mode_states_its_page() -> None:
    stated = {"total_sections": 16, "total_courses": 4, "offset": 0, "shown": 12, "next_offset": 12}
    final = AIMessage(content="…", response_metadata={"cited_ids": [], "page": stated})
    assert answer_page(final, [_search(99, 0, 20)]) == Page(**stated)
    no_list = AIMessage(content="…", response_metadata={"cited_ids": []})
    assert answer_page(no_list, [_search(99, 0, 20)]) is None


def test_a_model_answer_takes_the_last_searchs_page() -> None:
    final = AIMessage(content="20과목 49개 분반 중 …")
    turn = [_search(5, 0, 5), _search(49, 8, 8, courses=20), final]
    expected = Page(total_sections=49, total_courses=20, offset=8, shown=8, next_offset=16)
    assert answer_page(final, turn) == expected
    assert answer_page(final, [_search(10, 8, 2)]).next_offset is None  # the last page
    assert answer_page(final, [_search(None, 0, 0)]) is None  # related sections only: no set to page
    assert answer_page(final, []) is None and answer_page(None, []) is None
