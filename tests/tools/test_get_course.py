"""`get_course` over the sample catalog: exact lookup, section filter, clear errors."""

from __future__ import annotations

from tests.support.tool_harness import payload, run_tool


def test_returns_every_section_of_the_code(sample_ctx, sample_sections) -> None:
    expected = {(s.section, tuple(s.professors)) for s in sample_sections if s.code == "CSE2010"}
    message = run_tool(sample_ctx, "get_course", code="CSE2010")
    assert message.status == "success"
    data = payload(message)
    assert data["count"] == len(expected) == 4
    assert {(r["section"], tuple(r["professors"].split(", "))) for r in data["sections"]} == expected
    artifact = message.artifact
    assert artifact["kind"] == "lookup"
    assert [s.section for s in artifact["sections"]] == [r["section"] for r in data["sections"]]
    assert all(s.code == "CSE2010" for s in artifact["sections"])


def test_section_filter_and_code_normalisation(sample_ctx, sample_sections) -> None:
    truth = next(s for s in sample_sections if s.code == "CSE2010" and s.section == "04")
    message = run_tool(sample_ctx, "get_course", code=" 과목번호 cse2010 ", section="4")
    data = payload(message)
    assert data["count"] == 1
    record = data["sections"][0]
    assert record["section"] == "04"
    assert record["schedule"] == truth.schedule_label()
    assert record.get("english") is truth.english is True


def test_unknown_code_is_a_clear_tool_message_not_an_exception(sample_ctx) -> None:
    message = run_tool(sample_ctx, "get_course", code="CSE9999")
    assert message.status == "error"
    assert "CSE9999" in message.content and "없습니다" in message.content
    assert "Traceback" not in message.content


def test_missing_section_and_malformed_code(sample_ctx) -> None:
    missing = run_tool(sample_ctx, "get_course", code="CSE2010", section="09")
    assert missing.status == "error" and "09분반" in missing.content and "01" in missing.content
    bad = run_tool(sample_ctx, "get_course", code="!!!")
    assert bad.status == "error" and "과목번호 형식" in bad.content


def test_unknown_term_lists_the_available_ones(sample_ctx) -> None:
    message = run_tool(sample_ctx, "get_course", code="CSE2010", term="1999-1")
    assert message.status == "error"
    assert "1999-1" in message.content and "2026-1" in message.content and "term 값" in message.content


def test_a_term_as_students_write_it(sample_ctx) -> None:
    message = run_tool(sample_ctx, "get_course", code="CSE2010", term="2026년 1학기")
    assert message.status != "error" and "CSE2010" in message.content


def test_missing_argument_is_reported_by_the_tool_node(sample_ctx) -> None:
    message = run_tool(sample_ctx, "get_course")
    assert message.status == "error"
    assert "code" in message.content
