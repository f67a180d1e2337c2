"""`search_courses` over the sample catalog: free text, structured filters, alternatives, bad input."""

from __future__ import annotations

from tests.support.tool_harness import payload, run_tool


def test_free_text_with_an_abbreviation_finds_the_course(sample_ctx) -> None:
    message = run_tool(sample_ctx, "search_courses", query="자구 수업")
    data = payload(message)
    assert message.status == "success"
    assert data["exact"] is True
    assert data["results"][0]["name"] == "자료구조"
    # Content and artifact describe the same sections in the same order.
    assert [s.code for s in message.artifact["sections"]] == [r["code"] for r in data["results"]]
    record = data["results"][0]
    assert {"code", "name", "professors", "credits", "schedule"} <= set(record)


def test_structured_filters_hold_for_every_result(sample_ctx) -> None:
    message = run_tool(
        sample_ctx, "search_courses", query="전공", department="경영학과", days=["화", "목"], start_before="11:59"
    )
    sections = message.artifact["sections"]
    assert sections, payload(message)
    assert payload(message)["exact"] is True
    for section in sections:
        assert section.department == "경영학과"
        assert {"화", "목"} <= set(section.days)
        assert all(slot.start <= 719 for slot in section.slots if slot.day in ("화", "목"))


def test_days_as_one_string_are_accepted(sample_ctx) -> None:
    """Models often send "화목" instead of ["화", "목"]; both mean the same filter."""
    as_list = run_tool(sample_ctx, "search_courses", query="전공", department="경영학과", days=["화", "목"])
    as_text = run_tool(sample_ctx, "search_courses", query="전공", department="경영학과", days="화목")
    assert as_text.status == "success"
    assert [s.id for s in as_text.artifact["sections"]] == [s.id for s in as_list.artifact["sections"]]


def test_english_and_credits_filters(sample_ctx, sample_sections) -> None:
    expected = {s.id for s in sample_sections if s.english and s.department == "컴퓨터공학과"}
    message = run_tool(sample_ctx, "search_courses", query="", department="컴퓨터공학과", english=True, credits=3)
    found = {s.id for s in message.artifact["sections"]}
    assert found and found <= expected
    assert all(s.english and s.credits == 3 for s in message.artifact["sections"])


def test_department_nickname_resolves_through_the_vocabulary(sample_ctx) -> None:
    message = run_tool(sample_ctx, "search_courses", query="전공", department="경영")
    assert message.status == "success"
    assert {s.department for s in message.artifact["sections"]} == {"경영학과"}


def test_nothing_matches_then_alternatives_are_labelled(sample_ctx) -> None:
    message = run_tool(sample_ctx, "search_courses", query="경영학과 수업", days=["금"], start_after="21:00")
    data = payload(message)
    assert data["exact"] is False
    assert data["relaxed"], data
    assert "정확히 맞는 강좌가 없어" in data["note"]
    assert message.artifact["relaxed"] == data["relaxed"]


def test_bad_filters_come_back_as_clear_tool_errors(sample_ctx) -> None:
    bad_time = run_tool(sample_ctx, "search_courses", query="자료구조", start_after="25:99")
    assert bad_time.status == "error" and "start_after" in bad_time.content and "25:99" in bad_time.content
    bad_day = run_tool(sample_ctx, "search_courses", query="자료구조", days=["월", "X"])
    assert bad_day.status == "error" and "요일" in bad_day.content
    bad_dept = run_tool(sample_ctx, "search_courses", query="수업", department="우주항공학과")
    assert bad_dept.status == "error" and "우주항공학과" in bad_dept.content
    empty = run_tool(sample_ctx, "search_courses", query="  ")
    assert empty.status == "error" and "검색어" in empty.content
    too_many = run_tool(sample_ctx, "search_courses", query="자료구조", limit=500)
    assert too_many.status == "error" and "limit" in too_many.content


def test_limit_caps_the_results(sample_ctx) -> None:
    message = run_tool(sample_ctx, "search_courses", query="수학", limit=2)
    assert 1 <= len(message.artifact["sections"]) <= 2


def test_year_filter_lists_courses_recommended_for_that_year(sample_ctx, sample_sections) -> None:
    from agent.index.filtering import year_includes

    message = run_tool(sample_ctx, "search_courses", query="", department="컴퓨터공학과", year=3, limit=20)
    found = {s.id for s in message.artifact["sections"]}
    expected = {s.id for s in sample_sections if s.department == "컴퓨터공학과" and year_includes(s.year, 3)}
    assert found and found <= expected
    assert len(found) == min(len(expected), 20)
    bad = run_tool(sample_ctx, "search_courses", query="자료구조", year=9)
    assert bad.status == "error" and "year" in bad.content and "9" in bad.content


def test_exclude_credits_leaves_those_credits_out(sample_ctx, sample_sections) -> None:
    message = run_tool(sample_ctx, "search_courses", query="", category="교양", exclude_credits=[3], limit=20)
    found = message.artifact["sections"]
    expected = {s.id for s in sample_sections if "교양" in (s.category or "") and s.credits != 3}
    assert found and {s.id for s in found} <= expected and len(found) == min(len(expected), 20)
    bad = run_tool(sample_ctx, "search_courses", query="", exclude_credits=[-1])
    assert bad.status == "error" and "exclude_credits" in bad.content


def test_year_takes_several_years_any_of_them(sample_ctx, sample_sections) -> None:
    from agent.index.filtering import year_includes

    message = run_tool(sample_ctx, "search_courses", query="", department="컴퓨터공학과", year=[1, 4], limit=20)
    found = {s.id for s in message.artifact["sections"]}
    expected = {s.id for s in sample_sections if s.department == "컴퓨터공학과"
                and (year_includes(s.year, 1) or year_includes(s.year, 4))}
    assert found <= expected and len(found) == min(len(expected), 20) and any(year_includes(s.year, 4) for s in sample_sections if s.id in found)
    bad = run_tool(sample_ctx, "search_courses", query="", year=[2, 7])
    assert bad.status == "error" and "year" in bad.content and "7" in bad.content
    assert run_tool(sample_ctx, "search_courses", query="", year=[]).status == "error"
