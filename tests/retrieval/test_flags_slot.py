"""The catalog's yes/no marks (Sogang's CU과목, Honors과목, 승인과목, 국제학생 columns) as `CourseSection.flags`: a
condition like level or grading. "CU공유대학 과목", "honors 반", "아너스 분반 말고" are read as the mark, asked for
or ruled out; a catalog without the columns (flags None) matches no asked mark and is not ruled out; each
section's line shows its marks, and a restrictions question about an honors section quotes its condition.
The sections and words are this file's own (a made-up observatory school)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.index.base import SearchFilters, Vocabulary
from agent.index.filtering import lance_where, matches, post_filter_only
from agent.index.pinecone.records import pinecone_filter
from agent.query import parse_question
from agent.retrieval.relax import RELAX_GROUPS
from agent.search_mode.conditions import read_conditions, scope_text
from tests.support.sections import section, slot

HONORS_RULE = "HONORS 반: 평점 3.5 이상, 천체물리학입문 A0 이상"
SECTIONS = [
    section("AST2001", "항성진화론", section="01", department="천문학과", professors=["박별님"], credits=3,
            slots=[slot("화", "10:30", "11:45")], flags=[]),
    section("AST2001", "항성진화론", section="02", department="천문학과", professors=["박별님"], credits=3,
            slots=[slot("목", "13:00", "14:15")], flags=["Honors"], restrictions=HONORS_RULE),
    section("CUX1001", "밤하늘읽기", section="01", department="교양학부", credits=2,
            slots=[slot("화", "15:00", "16:50")], flags=["CU공유대학", "승인과목"]),
    section("CUX1002", "공유대학의역사", section="01", department="교양학부", credits=2,
            slots=[slot("월", "09:00", "10:50")], flags=["CU공유대학"]),
    section("AST3001", "Honors Colloquium", section="01", department="천문학과", credits=1, english=True,
            slots=[slot("금", "16:00", "16:50")], flags=["국제학생"]),
    section("AST3002", "전파천문학", section="01", department="천문학과", credits=3,
            slots=[slot("수", "09:00", "10:15")]),  # a catalog without the columns: flags None
]
VOCAB = Vocabulary(course_names=sorted({s.name for s in SECTIONS}), departments=["천문학과", "교양학부"],
                   professors=["박별님"])


def ids(filters: SearchFilters) -> set[str]:
    return {s.id for s in SECTIONS if matches(s, filters)}


def test_an_asked_mark_matches_only_sections_that_carry_it() -> None:
    assert ids(SearchFilters(flags=["Honors"])) == {"2026-1:AST2001:02"}
    assert ids(SearchFilters(flags=["CU공유대학"])) == {"2026-1:CUX1001:01", "2026-1:CUX1002:01"}
    assert ids(SearchFilters(flags=["CU공유대학", "승인과목"])) == {"2026-1:CUX1001:01"}  # every mark asked


def test_a_ruled_out_mark_keeps_sections_whose_catalog_says_nothing() -> None:
    kept = ids(SearchFilters(exclude_flags=["Honors"]))
    assert "2026-1:AST2001:02" not in kept and "2026-1:AST3002:01" in kept and "2026-1:AST2001:01" in kept
    assert ids(SearchFilters(exclude_flags=["CU공유대학"], days=["화"])) == {"2026-1:AST2001:01"}


def test_marks_are_post_filters_on_both_backends() -> None:
    """No column holds them: neither prefilter may drop a section for them, and the retriever fetches more."""
    for filters in (SearchFilters(flags=["Honors"]), SearchFilters(exclude_flags=["승인과목"])):
        assert post_filter_only(filters)
        assert lance_where(filters) is None and pinecone_filter(filters) is None


@pytest.mark.parametrize(("question", "wanted", "ruled_out"), [
    ("CU공유대학 과목 화요일에 하는 거 뭐 있어?", ["CU공유대학"], []),
    ("공유대학 수업 뭐 있어?", ["CU공유대학"], []),
    ("CU 과목 말고 천문학과 전공", [], ["CU공유대학"]),
    ("박별님 교수님 honors 반 있어? 조건 있어?", ["Honors"], []),
    ("아너스 분반 있는 천문 과목", ["Honors"], []),
    ("항성진화론 honors 말고 다른 반", [], ["Honors"]),
    ("not honors sections please", [], ["Honors"]),
    ("honours class on Friday", ["Honors"], []),
    ("승인과목 빼고 보여줘", [], ["승인과목"]),
    ("국제학생 전용 분반 있어?", ["국제학생"], []),
    ("courses for international students only", ["국제학생"], []),
    ("CU shared-university courses", ["CU공유대학"], []),
])
def test_the_parser_reads_the_marks(question: str, wanted: list[str], ruled_out: list[str]) -> None:
    parsed = parse_question(question, VOCAB)
    assert (parsed.filters.flags, parsed.filters.exclude_flags) == (wanted, ruled_out)
    assert parsed.unknown_names == []


@pytest.mark.parametrize(("question", "name"), [
    ("공유대학의역사 언제야?", "공유대학의역사"), ("Honors Colloquium 몇 시야?", "Honors Colloquium"),
])
def test_a_mark_inside_a_course_name_stays_the_name(question: str, name: str) -> None:
    parsed = parse_question(question, VOCAB)
    assert parsed.filters.flags == [] and name in parsed.course_names


@pytest.mark.parametrize("question", ["국제학생도 들을 수 있어?", "CUX1001 언제야?", "승인 받아야 돼?"])
def test_other_uses_of_the_words_are_no_mark(question: str) -> None:
    filters = parse_question(question, VOCAB).filters
    assert filters.flags == [] and filters.exclude_flags == []


def test_a_dropped_mark_and_a_listed_one_are_said_and_read_back() -> None:
    describe = dict(RELAX_GROUPS)[("flags",)]
    assert describe(SearchFilters(flags=["Honors"])) == "분반 구분(Honors)"
    asked = SearchFilters(flags=["CU공유대학"], exclude_flags=["승인과목"], days=["월"])
    assert scope_text(asked, "ko") == "월요일, CU공유대학, 승인과목 제외"
    assert scope_text(asked, "en") == "on Mon, CU shared-university, not approval course"
    for lang in ("ko", "en"):
        back = read_conditions(scope_text(asked, lang), lang)  # type: ignore[arg-type]
        assert (back.flags, back.exclude_flags, back.days) == (["CU공유대학"], ["승인과목"], ["월"])


# ---- through an index: the tool argument and the answers ---------------------------------------------
@pytest.fixture(scope="module")
def flagged_index(tmp_path_factory: pytest.TempPathFactory):
    from agent.index.lance import LanceCourseIndex
    from tests.support.embeddings import SharedEmbeddings

    index = LanceCourseIndex(Path(tmp_path_factory.mktemp("flags")), SharedEmbeddings())
    index.sync_term("2026-1", SECTIONS)
    return index


@pytest.fixture(scope="module")
def assistant(flagged_index):
    from agent.assistant import CourseAssistant
    from tests.support.agent_inputs import search_settings

    return CourseAssistant.from_settings(search_settings(), index=flagged_index)


def test_the_search_tool_takes_a_mark(flagged_index) -> None:
    from agent.retrieval import CourseRetriever
    from tests.support.tool_harness import payload, run_tool
    from tools import CourseToolContext

    ctx = CourseToolContext(index=flagged_index, retriever=CourseRetriever(flagged_index), term=None, k=8)
    found = payload(run_tool(ctx, "search_courses", query="", flag="아너스"))
    assert [(r["code"], r["section"]) for r in found["results"]] == [("AST2001", "02")]
    assert found["results"][0]["flags"] == ["Honors"]
    found = payload(run_tool(ctx, "search_courses", query="", flag=["CU공유대학"], exclude_flag="승인과목"))
    assert [r["code"] for r in found["results"]] == ["CUX1002"]
    error = run_tool(ctx, "search_courses", query="", flag="우등생")
    assert error.status == "error" and "flag" in error.content and "Honors" in error.content


def test_the_honors_section_is_listed_with_its_condition(assistant) -> None:
    """"honors 반 있어? 조건 있어?": the one honors section, marked on its line, and its rule quoted."""
    answer = assistant.answer("박별님 교수님 honors 반 있어? 조건 있어?")
    assert [(s.code, s.section) for s in answer.sources] == [("AST2001", "02")]
    assert "Honors 분반" in answer.answer and "평점 3.5 이상" in answer.answer


def test_a_list_by_mark_says_the_condition_and_each_line_the_mark(assistant) -> None:
    answer = assistant.answer("CU공유대학 과목 화요일에 하는 거 뭐 있어?")
    assert [s.code for s in answer.sources] == ["CUX1001"]
    assert "CU공유대학" in answer.answer.splitlines()[0] and "CU공유대학 과목 · 승인과목" in answer.answer
    english = assistant.answer("Which honors sections are there?")
    assert [s.code for s in english.sources][:1] == ["AST2001"] and "honors section" in english.answer


def test_the_other_sections_of_a_course_without_its_honors_one(assistant) -> None:
    answer = assistant.answer("항성진화론 honors 말고 다른 반")
    assert [(s.code, s.section) for s in answer.sources] == [("AST2001", "01")]
    assert "Honors 제외" in answer.answer and "Honors 분반" not in answer.answer


def test_a_follow_up_keeps_the_mark(assistant) -> None:
    """"CU공유대학 과목 뭐 있어?" then "그 중에 월요일은?": the mark stays a condition of the narrowed list."""
    first = assistant.answer("CU공유대학 과목 뭐 있어?")
    assert {s.code for s in first.sources} == {"CUX1001", "CUX1002"}
    from agent.answer import ChatTurn

    history = [ChatTurn(role="user", content="CU공유대학 과목 뭐 있어?"),
               ChatTurn(role="assistant", content=first.answer)]
    narrowed = assistant.answer("그 중에 월요일은?", history=history)
    assert [s.code for s in narrowed.sources] == ["CUX1002"]


def test_each_line_says_the_marks_in_both_languages() -> None:
    from agent.search_mode.render import bullet

    cu, unknown = SECTIONS[2], SECTIONS[5]
    assert bullet(cu, "ko").endswith("교양학부 · CU공유대학 과목 · 승인과목")
    assert bullet(cu, "en").endswith("교양학부 · CU shared-university course · approval course (승인과목)")
    assert bullet(unknown, "ko").endswith("천문학과") and bullet(unknown, "en").endswith("천문학과")
