"""The "Adding a tool" test template (docs/adding-a-tool.md), applied to a real tool: `get_course`."""

from __future__ import annotations

from tests.support.tool_harness import payload, run_tool


def test_finds_every_section_of_the_course(sample_ctx, sample_sections) -> None:
    expected = {s.id for s in sample_sections if s.code == "MAT1001"}
    message = run_tool(sample_ctx, "get_course", code="MAT1001")
    assert message.status == "success"
    assert {s.id for s in message.artifact["sections"]} == expected
    assert payload(message)["count"] == len(expected)


def test_bad_input_is_a_clear_tool_message(sample_ctx) -> None:
    message = run_tool(sample_ctx, "get_course", code=" ")
    assert message.status == "error" and "과목번호" in message.content
