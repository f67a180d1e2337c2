"""The registry is the one list of tools; every tool follows the same conventions."""

from __future__ import annotations

from tools import TOOLS, tool_names


def test_registry_lists_the_four_course_tools_once() -> None:
    assert tool_names() == ["search_courses", "get_course", "check_timetable", "plan_timetable"]
    assert len(set(tool_names())) == len(TOOLS)


def test_every_tool_returns_content_and_artifact_and_hides_the_runtime() -> None:
    for tool in TOOLS:
        assert tool.response_format == "content_and_artifact", tool.name
        schema = tool.tool_call_schema.model_json_schema()
        assert "runtime" not in schema.get("properties", {}), tool.name
        assert tool.description and any("가" <= ch <= "힣" for ch in tool.description), tool.name
        for name, prop in schema["properties"].items():
            assert prop.get("description"), f"{tool.name}.{name} has no description for the model"
