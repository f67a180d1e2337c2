"""`search_courses` pages a matching set: the true totals with every page, `next_offset` to go on, and the
request's position (the API's `offset`, in the tool context) where a call gives none."""

from __future__ import annotations

import dataclasses

from tests.support.tool_harness import payload, run_tool

QUERY = "교양필수"


def test_pages_cover_the_set_once_with_the_same_totals(sample_ctx, sample_sections) -> None:
    required = {s.id for s in sample_sections if "교양필수" in (s.category or "")}
    first = run_tool(sample_ctx, "search_courses", query=QUERY, limit=10)
    next_offset = payload(first)["next_offset"]
    second = run_tool(sample_ctx, "search_courses", query=QUERY, limit=10, offset=next_offset)
    one, two = payload(first), payload(second)
    assert one["total_sections"] == two["total_sections"] == len(required)
    assert (one["offset"], one["next_offset"], two["offset"]) == (0, 10, 10) and "next_offset" not in two
    ids = [s.id for m in (first, second) for s in m.artifact["sections"]]
    assert sorted(ids) == sorted(required)


def test_the_requests_offset_is_where_a_call_without_one_starts(sample_ctx) -> None:
    paged = dataclasses.replace(sample_ctx, offset=10)
    from_context = run_tool(paged, "search_courses", query=QUERY, limit=10)
    explicit = run_tool(sample_ctx, "search_courses", query=QUERY, limit=10, offset=10)
    assert payload(from_context)["offset"] == 10
    assert [s.id for s in from_context.artifact["sections"]] == [s.id for s in explicit.artifact["sections"]]
    own = run_tool(paged, "search_courses", query=QUERY, limit=10, offset=0)  # the call's own offset wins
    assert payload(own)["offset"] == 0
