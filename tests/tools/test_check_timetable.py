"""`check_timetable`: overlaps and total credits, checked against the sample catalog's own times."""

from __future__ import annotations

import itertools

import pytest

from agent.catalog.models import CourseSection, MeetingSlot
from tests.support.tool_harness import payload, run_tool
from tools.check_timetable import find_conflicts, slots_overlap


def _overlaps(a: CourseSection, b: CourseSection) -> bool:
    return any(x.day == y.day and x.start < y.end and y.start < x.end for x in a.slots for y in b.slots)


@pytest.fixture(scope="module")
def pairs(sample_sections):
    """A clashing and a compatible pair of single-section courses, found in the catalog itself."""
    by_code: dict[str, list[CourseSection]] = {}
    for section in sample_sections:
        by_code.setdefault(section.code, []).append(section)
    singles = [v[0] for v in by_code.values() if len(v) == 1 and v[0].slots]
    clash = next((a, b) for a, b in itertools.combinations(singles, 2) if _overlaps(a, b))
    fine = next((a, b) for a, b in itertools.combinations(singles, 2) if not _overlaps(a, b))
    return clash, fine


def test_overlap_rules() -> None:
    a = MeetingSlot(day="월", start=600, end=675)
    assert slots_overlap(a, MeetingSlot(day="월", start=660, end=700))
    assert not slots_overlap(a, MeetingSlot(day="월", start=675, end=700))  # back to back is fine
    assert not slots_overlap(a, MeetingSlot(day="화", start=600, end=675))


def test_clashing_courses_are_reported_with_day_and_times(sample_ctx, pairs) -> None:
    (a, b), _ = pairs
    message = run_tool(sample_ctx, "check_timetable", courses=[a.code, b.code])
    data = payload(message)
    assert data["fits"] is False
    assert data["conflicts"] == find_conflicts([a, b])
    conflict = data["conflicts"][0]
    assert conflict["day"] in set(a.days) & set(b.days)
    assert float(data["total_credits"]) == (a.credits or 0) + (b.credits or 0)
    assert [s.code for s in message.artifact["sections"]] == [a.code, b.code]


def test_compatible_courses_fit(sample_ctx, pairs) -> None:
    _, (a, b) = pairs
    data = payload(run_tool(sample_ctx, "check_timetable", courses=[f"{a.code}-{a.section}", b.code]))
    assert data["fits"] is True and data["conflicts"] == []


def test_multi_section_courses_pick_a_conflict_free_combination(sample_ctx, sample_sections) -> None:
    cse1001 = [s for s in sample_sections if s.code == "CSE1001"]
    cse2010 = [s for s in sample_sections if s.code == "CSE2010"]
    possible = any(not _overlaps(x, y) for x in cse1001 for y in cse2010)
    message = run_tool(sample_ctx, "check_timetable", courses=["CSE1001", "CSE2010"])
    data = payload(message)
    assert data["fits"] is possible
    chosen = message.artifact["sections"]
    assert not _overlaps(chosen[0], chosen[1]) if possible else True
    assert "분반" in data["selection"]


def test_course_names_are_resolved_through_search(sample_ctx) -> None:
    data = payload(run_tool(sample_ctx, "check_timetable", courses=["자료구조", "회계원리"]))
    names = [c["name"] for c in data["courses"]]
    assert names == ["자료구조", "회계원리"]
    assert data["total_credits"] == "6"


def test_bad_input_is_a_clear_tool_message(sample_ctx) -> None:
    one = run_tool(sample_ctx, "check_timetable", courses=["CSE1001"])
    assert one.status == "error" and "2개 이상" in one.content
    unknown = run_tool(sample_ctx, "check_timetable", courses=["CSE1001", "ZZZ9999"])
    assert unknown.status == "error" and "ZZZ9999" in unknown.content
    section = run_tool(sample_ctx, "check_timetable", courses=["CSE1001-07", "CSE2010"])
    assert section.status == "error" and "07분반" in section.content


def test_a_course_named_with_its_section_number_is_that_section(sample_ctx, sample_sections) -> None:
    wanted = {s.id for s in sample_sections if s.name == "운영체제" and s.section == "03"}
    other = next(s for s in sample_sections if s.name == "회계원리" and s.section == "01")
    message = run_tool(sample_ctx, "check_timetable", courses=["운영체제 3분반", f"{other.code}-01"])
    assert {s.id for s in message.artifact["sections"]} == wanted | {other.id}


def test_a_course_named_with_conditions_is_exactly_its_matching_sections(sample_ctx, sample_sections) -> None:
    """Each item keeps its own conditions: days and times, and a professor named by surname alone."""
    message = run_tool(sample_ctx, "check_timetable", courses=["컴퓨터구조 화목 오전반", "알고리즘 문 교수님 반"])
    chosen = message.artifact["sections"]
    architecture = [s for s in sample_sections if s.name == "컴퓨터구조" and {"화", "목"} <= set(s.days)
                    and all(slot.start < 720 for slot in s.slots)]
    moon = [s for s in sample_sections if s.name == "알고리즘" and any(p.startswith("문") for p in s.professors)]
    assert len(architecture) == 1 and len(moon) == 1  # the catalog has exactly one of each
    assert [s.id for s in chosen] == [architecture[0].id, moon[0].id]
    assert payload(message)["fits"] is (not _overlaps(architecture[0], moon[0]))


def test_conditions_no_section_meets_are_an_error_naming_the_item(sample_ctx) -> None:
    weekend = run_tool(sample_ctx, "check_timetable", courses=["자료구조 토요일 반", "운영체제"])
    assert weekend.status == "error" and "'자료구조 토요일 반'의 조건에 맞는 분반이 없습니다" in weekend.content
    nobody = run_tool(sample_ctx, "check_timetable", courses=["자료구조 차 교수님 반", "운영체제"])
    assert nobody.status == "error" and "차 교수님" in nobody.content
    missing = run_tool(sample_ctx, "check_timetable", courses=["양자요리학", "운영체제"])
    assert missing.status == "error" and "'양자요리학'에 해당하는 강좌를 찾지 못했습니다" in missing.content


def test_a_course_in_several_departments_is_taken_in_the_department_of_the_others() -> None:
    from tools.check_timetable import _in_the_others_department
    from tests.support.sections import section

    def sec(code: str, name: str, department: str) -> CourseSection:
        return section(code, name, section="02", department=department)

    chem = [sec("CH1", "물리화학", "화학과")]
    bio = [sec("BI1", "세포생물학", "화학과")]
    shared = [sec("ST1", "실험설계", "화학과"), sec("ST2", "실험설계", "생명과학과")]
    resolved = _in_the_others_department([("물리화학", chem), ("세포생물학", bio), ("실험설계 2반", shared)])
    assert [s.code for s in resolved[2][1]] == ["ST1"]
    mixed = _in_the_others_department([("물리화학", chem), ("실험설계 2반", shared),
                                       ("유전학", [sec("GE1", "유전학", "생명과학과")])])
    assert [s.code for s in mixed[1][1]] == ["ST1", "ST2"]  # the others are in two departments: both stay


def test_a_named_section_is_of_that_course_never_a_related_courses_same_number(tmp_path) -> None:
    from agent.index.lance import LanceCourseIndex
    from agent.retrieval import CourseRetriever
    from tests.support.embeddings import SharedEmbeddings
    from tests.support.sections import section, slot
    from tools import CourseToolContext
    from tools.check_timetable import resolve_courses

    sections = [
        section("MA101", "해석학I", section=n, term="2030-1", slots=[slot("월", f"{8 + int(n)}:00", f"{9 + int(n)}:15")])
        for n in ("01", "02")
    ] + [
        section("MA201", "고급해석학I", section="02", term="2030-1", slots=[slot("화", "09:00", "10:15")]),
        section("MA102", "해석학I연습", section="02", term="2030-1", slots=[slot("수", "09:00", "10:15")]),
    ]
    index = LanceCourseIndex(tmp_path, SharedEmbeddings())
    index.sync_term("2030-1", sections)
    ctx = CourseToolContext(index=index, retriever=CourseRetriever(index), term="2030-1", k=8)
    resolved = resolve_courses(["해석학I 2분반"], ctx, "2030-1")
    assert [(s.code, s.section) for _, found in resolved for s in found] == [("MA101", "02")]
