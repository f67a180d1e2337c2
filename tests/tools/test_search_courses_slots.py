"""`search_courses` takes every condition the question parser reads: level, delivery, language, seats and what
is ruled out. Each argument narrows the results as its words mean in a question, and a bad value is an error
that names the argument."""

from __future__ import annotations

import pytest

from tests.support.tool_harness import payload, run_tool


def found(message) -> list:
    assert message.status == "success", message.content
    return message.artifact["sections"]


def test_level_and_its_exclusion(sample_ctx, sample_sections) -> None:
    graduate = found(run_tool(sample_ctx, "search_courses", query="", level="대학원", limit=20))
    assert {s.id for s in graduate} == {s.id for s in sample_sections if s.graduate}
    masters = found(run_tool(sample_ctx, "search_courses", query="", level=["석사"], limit=20))
    assert masters and {s.level for s in masters} <= {"석사", "석박"}
    undergraduate = found(run_tool(sample_ctx, "search_courses", query="인공지능", exclude_level="대학원", limit=20))
    assert undergraduate and not any(s.graduate for s in undergraduate)
    same = found(run_tool(sample_ctx, "search_courses", query="인공지능", level="학부", limit=20))
    assert [s.id for s in same] == [s.id for s in undergraduate]  # "학부" means: not graduate


def test_delivery_and_seats(sample_ctx, sample_sections) -> None:
    hybrid = found(run_tool(sample_ctx, "search_courses", query="", delivery="혼합", limit=20))
    assert {s.id for s in hybrid} == {s.id for s in sample_sections if s.delivery == "혼합"}
    in_person = found(run_tool(sample_ctx, "search_courses", query="", department="교양대학", delivery="대면", limit=20))
    assert in_person and all(s.delivery not in ("원격", "녹화") for s in in_person)
    open_seats = found(run_tool(sample_ctx, "search_courses", query="자료구조", seats=True, limit=20))
    assert open_seats and all(s.seats_left and s.seats_left > 0 for s in open_seats)
    none_online = run_tool(sample_ctx, "search_courses", query="", delivery="온라인", category="교양")
    assert payload(none_online)["relaxed"] == ["수업 방식(원격·녹화)"]  # the sample has no online sections


def test_language(sample_ctx) -> None:
    english = found(run_tool(sample_ctx, "search_courses", query="자료구조", language="영어", limit=20))
    assert english and all(s.english for s in english)
    korean = found(run_tool(sample_ctx, "search_courses", query="자료구조", language="한국어", limit=20))
    assert korean and not any(s.english for s in korean)
    not_english = found(run_tool(sample_ctx, "search_courses", query="자료구조", exclude_language="영어", limit=20))
    assert {s.id for s in not_english} == {s.id for s in korean}
    clash = run_tool(sample_ctx, "search_courses", query="자료구조", language="영어", english=False)
    assert clash.status == "error" and "language" in clash.content


def test_exclusions(sample_ctx, sample_sections) -> None:
    sections = found(run_tool(sample_ctx, "search_courses", query="자료구조", exclude_professor="한도윤", limit=20))
    assert sections and all("한도윤" not in s.professors for s in sections)
    assert {s.name for s in sections} == {"자료구조"}
    other = found(run_tool(sample_ctx, "search_courses", query="자료구조", exclude_department=["소프트웨어학부"]))
    assert other and all(s.department != "소프트웨어학부" for s in other)
    general = found(run_tool(sample_ctx, "search_courses", query="", department="교양대학", exclude_category="교양필수",
                             limit=20))
    assert general and all("교양필수" not in (s.category or "") for s in general)
    recorded = found(run_tool(sample_ctx, "search_courses", query="", department="교양대학", exclude_delivery="혼합",
                              limit=20))
    assert recorded and all(s.delivery != "혼합" for s in recorded)


@pytest.mark.parametrize(
    ("argument", "value", "shown"),
    [
        ("level", "우주과정", "우주과정"),
        ("exclude_level", ["대학원", "초등"], "초등"),
        ("delivery", "텔레파시", "텔레파시"),
        ("exclude_delivery", "순간이동", "순간이동"),
        ("language", "클링온어", "클링온어"),
        ("exclude_language", "엘프어", "엘프어"),
        ("seats", "많이", "많이"),
        ("exclude_professor", "홍길동", "홍길동"),
        ("exclude_department", "우주항공학과", "우주항공학과"),
        ("exclude_category", "핵심교양", "핵심교양"),
        ("end_after", "밤늦게", "밤늦게"),
    ],
)
def test_a_bad_value_is_an_error_naming_its_argument(sample_ctx, argument: str, value, shown: str) -> None:
    message = run_tool(sample_ctx, "search_courses", query="자료구조", **{argument: value})
    assert message.status == "error"
    assert argument in message.content and shown in message.content


def test_category_on_a_catalog_without_categories_says_so(sample_ctx) -> None:
    from tools.arguments import parse_category
    from tools.context import ToolInputError

    with pytest.raises(ToolInputError, match="category.*이수구분이 없습니다"):
        parse_category("전공", [])
    with pytest.raises(ToolInputError, match="exclude_category"):
        parse_category("전공", [], "exclude_category")


def test_code_series_argument(sample_ctx) -> None:
    from tests.support.tool_harness import payload, run_tool

    good = run_tool(sample_ctx, "search_courses", query="", code_series="3000")
    assert all(record["code"][-4] == "3" for record in payload(good)["results"])
    bad = run_tool(sample_ctx, "search_courses", query="", code_series="3500")
    assert bad.status == "error" and "code_series" in bad.content


def test_end_after(sample_ctx) -> None:
    late = found(run_tool(sample_ctx, "search_courses", query="", end_after="17:00", limit=20))
    assert late and all(any(slot.end >= 17 * 60 for slot in s.slots) for s in late)
