"""True totals in search-mode answers: a list or a course states the whole matching set (what
`search_courses` counted), the bullets are a run of it from where the page starts, a closing note says which
run and where the rest starts, and related sections after a small set are labelled and not counted.

Tool outcomes are built here as `search_courses` returns them (a page of the set plus the artifact's totals),
from the sample catalog's sections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from agent.catalog.loader import load_catalog
from agent.catalog.models import CourseSection
from agent.search_mode import answer_plan as ap
from agent.search_mode.compose import compose
from agent.search_mode.outcomes import ToolOutcome
from agent.search_mode.planning import Plan, plan_turn
from agent.search_mode.render import render
from agent.search_mode.window import of_course

SAMPLE = Path(__file__).resolve().parents[3] / "data" / "sample-catalog.csv"
SECTIONS = load_catalog(SAMPLE).sections


def _search(page: list[CourseSection], *, total: int | None, courses: int | None, offset: int = 0,
            matched: int | None = None, **extra: Any) -> ToolOutcome:
    artifact = {"kind": "search", "sections": page, "exact": True, "anchored": total is not None,
                "total_sections": total, "total_courses": courses, "offset": offset,
                "matched_on_page": len(page) if matched is None else matched, **extra}
    return ToolOutcome(name="search_courses", content="{}", artifact=artifact)


def _plan(question: str, **fields: Any) -> Plan:
    return Plan(kind="tools", question=question, **fields)


def _ids(sections: Any) -> set[str]:
    return {s.id for s in sections}


def _courses(sections: list[CourseSection]) -> int:
    return len({s.name for s in sections})


def test_a_list_states_the_set_not_the_page_and_shows_a_run_of_it() -> None:
    page = SECTIONS[:20]  # the first page of a set of 49 sections in 20 courses
    answer = compose(_plan("전공 뭐 있어?"), [_search(page, total=49, courses=20)])
    block = answer.blocks[0]
    assert block.lead == ap.CourseList(None, 20, 49)
    assert _ids(block.bullets) == _ids(page[:12])  # a run of the set: exactly its first 12 sections
    assert answer.totals == ap.Totals(49, 20, 0, 12, 12) and answer.totals in block.notes
    korean, english = render(answer, "ko"), render(answer, "en")
    assert "20과목, 분반 49개" in korean and "20과목 49개 분반 중 처음 12개예요" in korean
    assert "나머지 37개는 '더 보기'라고 하시면 13번째부터 보여 드려요." in korean
    assert "49 sections in 20 courses match" in english
    assert "Showing the first 12 of 49 sections in 20 courses" in english
    assert 'Say "more" to see the other 37, from #13.' in english


def test_a_later_page_says_which_run_it_is_and_the_last_has_no_rest() -> None:
    middle = compose(_plan("전공 뭐 있어?"), [_search(SECTIONS[12:32], total=49, courses=20, offset=12)])
    assert middle.totals == ap.Totals(49, 20, 12, 12, 24)
    assert "20과목 49개 분반 중 13-24번째예요." in render(middle, "ko")
    last = compose(_plan("전공 뭐 있어?"), [_search(SECTIONS[48:49], total=49, courses=20, offset=48)])
    assert last.totals == ap.Totals(49, 20, 48, 1, None)
    text = render(last, "ko")
    assert "49번째예요." in text and "더 보기" not in text
    assert "Showing #49 of 49 sections in 20 courses." in render(last, "en")


def test_a_whole_list_states_its_total_without_a_paging_note() -> None:
    page = SECTIONS[:5]
    answer = compose(_plan("전공 뭐 있어?"), [_search(page, total=5, courses=_courses(page))])
    assert answer.totals is not None and answer.totals.whole
    assert not any(isinstance(n, ap.Totals) for n in answer.blocks[0].notes)
    assert "번째" not in render(answer, "ko") and "처음" not in render(answer, "ko")


def test_related_sections_after_a_set_are_labelled_and_not_counted() -> None:
    matched, related = SECTIONS[:3], SECTIONS[40:45]
    outcome = _search(matched + related, total=3, courses=_courses(matched), matched=3)
    answer = compose(_plan("창업 관련 과목"), [outcome])
    first, second = answer.blocks
    assert isinstance(first.lead, ap.CourseList) and first.lead.sections == 3
    assert _ids(first.bullets) == _ids(matched)
    assert second.lead == ap.RelatedCourses(after_set=True) and list(second.bullets) == related
    assert "위 개수에 넣지 않았어요" in render(answer, "ko") and "Not counted above" in render(answer, "en")


def test_a_named_course_larger_than_the_page_is_listed_not_summed_up() -> None:
    """Only a page of a 30-section course was read: its professors are not named as if they were all."""
    ds = [s for s in SECTIONS if s.code == "CSE2010"]
    page = [s.model_copy(update={"section": f"{i:02d}"}) for i, s in enumerate((ds * 5)[:20], start=1)]
    outcome = _search(page, total=30, courses=1, course_names=["자료구조"])
    answer = compose(_plan("자료구조 누가 가르쳐?", focus=["professor"]), [outcome])
    lead = answer.blocks[0].lead
    assert lead == ap.CourseSections(page[0], 30, None)
    assert answer.totals == ap.Totals(30, 1, 0, 12, 12)
    assert "분반이 30개" in render(answer, "ko") and "분반 30개 중 처음 12개예요" in render(answer, "ko")


def test_a_named_course_within_the_page_keeps_its_whole_course_answer() -> None:
    ds = [s for s in SECTIONS if s.name == "자료구조"]
    outcome = _search(ds, total=len(ds), courses=1, course_names=["자료구조"])
    answer = compose(_plan("자료구조 누가 가르쳐?", focus=["professor"]), [outcome])
    lead = answer.blocks[0].lead
    assert isinstance(lead, ap.CourseValue) and lead.count == len(ds)
    assert set(lead.values) == {p for s in ds for p in s.professors}


def test_paging_past_the_end_says_there_is_nothing_more() -> None:
    answer = compose(_plan("전공 뭐 있어?"), [_search([], total=49, courses=20, offset=60)])
    assert answer.blocks[0].lead == ap.Reply("no_more")
    related_only = _search(SECTIONS[:3], total=10, courses=4, offset=20, matched=0)
    assert compose(_plan("창업 관련 과목"), [related_only]).blocks[0].lead == ap.Reply("no_more")


@pytest.mark.parametrize(("start", "shown", "next_offset"), [(0, 12, 12), (12, 4, None), (16, 0, None)])
def test_a_looked_up_course_is_paged_by_the_answer(start: int, shown: int, next_offset: int | None) -> None:
    sixteen = [SECTIONS[0].model_copy(update={"section": f"{i:02d}"}) for i in range(1, 17)]
    window = of_course(sixteen, start)
    assert len(window.sections) == shown
    assert window.sections == sixteen[start : start + shown]
    assert (window.totals.next_offset if window.totals else None) == next_offset


def test_a_lookup_goes_on_from_the_plan_offset() -> None:
    sixteen = [SECTIONS[0].model_copy(update={"section": f"{i:02d}"}) for i in range(1, 17)]
    lookup = ToolOutcome(name="get_course", content="{}", artifact={"kind": "course", "sections": sixteen})
    first = compose(_plan("CSE2010 분반", focus=["sections"]), [lookup])
    rest = compose(_plan("CSE2010 분반", focus=["sections"], offset=12), [lookup])
    assert first.totals == ap.Totals(16, 1, 0, 12, 12) and rest.totals == ap.Totals(16, 1, 12, 4, None)
    assert _ids(first.cited).isdisjoint(_ids(rest.cited)) and len(first.cited) + len(rest.cited) == 16
    past = compose(_plan("CSE2010 분반", focus=["sections"], offset=16), [lookup])
    assert past.blocks[0].lead == ap.Reply("no_more")


def test_the_search_mode_answer_reports_its_page(sample_assistant) -> None:
    """The assistant returns the plan's totals as `page`; a list that fits reports itself whole."""
    answer = sample_assistant.answer("교양필수 과목 뭐 있어?")
    required = [s for s in SECTIONS if "교양필수" in (s.category or "")]
    assert answer.page is not None
    assert (answer.page.total_sections, answer.page.total_courses) == (len(required), _courses(required))
    assert (answer.page.offset, answer.page.shown, answer.page.next_offset) == (0, 12, 12)
    small = sample_assistant.answer("운영체제 분반 알려줘")
    assert small.page is not None and small.page.next_offset is None
    assert sample_assistant.answer("안녕").page is None


def test_plan_turn_is_untouched_by_totals() -> None:
    """Paging adds no search argument to a question that is not a continuation."""
    plan = plan_turn("교양필수 과목 뭐 있어?")
    assert plan.offset == 0 and all("offset" not in call.args for call in plan.calls)


def test_a_named_section_is_shown_as_it_is_with_no_totals_or_course_count() -> None:
    """"자료구조 01분반 누가 가르쳐?": the 01 sections of the name (two codes share it), not "분반 5개 중 처음 2개"."""
    ds = [s for s in SECTIONS if s.name == "자료구조"]
    outcome = _search(ds, total=len(ds), courses=1, course_names=["자료구조"])
    answer = compose(_plan("자료구조 01분반 누가 가르쳐?", focus=["professor", "sections"], section="01"), [outcome])
    assert answer.totals is None and answer.blocks[0].lead == ap.CourseBySection("per_section", ds[0])
    first_sections = {(s.code, s.section) for s in ds if s.section == "01"}
    assert {(s.code, s.section) for s in answer.blocks[0].bullets} == first_sections
    assert "분반이" not in render(answer, "ko") and "번째" not in render(answer, "ko")


def test_a_section_named_by_number_is_not_said_to_be_the_only_one(sample_assistant, sample_sections) -> None:
    """"CSE2010 02분반 몇 학점?" asks the credits of that section, not how many sections there are."""
    answer = sample_assistant.answer("CSE2010 02분반 몇 학점?")
    section = next(s for s in sample_sections if s.code == "CSE2010" and s.section == "02")
    assert answer.answer == f"자료구조 (과목번호 CSE2010, 02분반)는 {section.credits:g}학점이에요."
    assert "하나뿐" not in answer.answer
