"""The retriever closed-world across terms (`agent.retrieval.elsewhere`, `history`): a course the term asked
about lacks is found in the terms that have it and said to be absent, never replaced by another course; a
set across terms is counted course by course with professors; a code whose name changed is reported. Over
`tests.support.course_history` (three terms made from the sample catalog), and pure helpers."""

from __future__ import annotations

import pytest

from agent.catalog.models import CourseSection
from agent.index.base import SearchHit, Vocabulary
from agent.query.text import name_key
from agent.retrieval import CourseRetriever
from agent.retrieval.elsewhere import stated
from agent.retrieval.history import name_spans, tally_terms
from tests.support import course_history as catalog

SECTIONS = catalog.history_sections()
OLD_NAME, NEW_NAME, RENAMED_CODE, OS = catalog.OLD_NAME, catalog.NEW_NAME, catalog.RENAMED_CODE, catalog.OS


@pytest.fixture(scope="module")
def retriever(history_index) -> CourseRetriever:
    return CourseRetriever(history_index)


def matched(result) -> list[CourseSection]:
    return [h.section for h in result.hits[: result.matched_on_page]]


def test_a_course_the_current_term_lacks_is_answered_from_the_terms_that_had_it(retriever) -> None:
    result = retriever.retrieve(f"{OLD_NAME} 이번 학기에 열려?", k=20)
    assert result.exact and {s.name for s in matched(result)} == {OLD_NAME}
    assert (result.scope.absent, result.scope.absent_from) == ([OLD_NAME], "2025-1")
    assert matched(result)[0].term == "2024-2"  # the newest term that had it comes first
    assert [t.term for t in result.scope.tallies] == ["2024-1", "2024-2"]
    assert result.scope.tallies[-1].by_course[0].professors == [catalog.OLD_PROFESSOR]
    assert result.total_sections == sum(1 for s in SECTIONS if s.name == OLD_NAME)


def test_a_course_a_named_term_lacks_is_never_replaced_by_a_course_holding_its_name(retriever) -> None:
    result = retriever.retrieve(f"2024년 2학기 {OS} 누가 가르쳤어?", k=20)
    assert {s.name for s in matched(result)} == {OS} and result.scope.absent_from == "2024-2"
    assert {s.term for s in matched(result)} == {"2024-1", "2025-1"}
    # The term's own course whose name holds the word is related, after the set and outside its count.
    related = [h.section for h in result.hits[result.matched_on_page :]]
    assert [(s.name, s.term) for s in related] == [(catalog.LAB, "2024-2")]
    assert result.total_sections == sum(1 for s in SECTIONS if s.name == OS)


def test_a_code_a_term_lacks(retriever) -> None:
    result = retriever.retrieve(f"{catalog.GONE_CODE} 몇 학점이야?")
    assert result.scope.absent == [catalog.GONE_CODE] and [s.name for s in matched(result)] == [catalog.GONE]
    assert result.scope.searched == ["2024-1"]


def test_a_course_the_term_offers_is_not_absent(retriever) -> None:
    result = retriever.retrieve(f"{OS} 누가 가르쳐?")
    assert result.scope.absent == [] and {s.term for s in matched(result)} == {"2025-1"}
    old = retriever.retrieve(f"2024년 1학기 {OLD_NAME} 누가 했어?")
    assert old.scope.absent == [] and {s.name for s in matched(old)} == {OLD_NAME}


def test_a_catalog_of_one_term_still_says_no_such_course(sample_index) -> None:
    result = CourseRetriever(sample_index).retrieve("양자요리학 수업 있어?")
    assert result.missing and result.scope.absent == [] and not result.exact


def test_a_renamed_code_is_reported_across_terms(retriever) -> None:
    for question in (f"{RENAMED_CODE} 예전에도 열렸어?", f"{NEW_NAME} 예전에도 열렸어?"):
        result = retriever.retrieve(question, k=50)
        [rename] = result.scope.renames
        spans = [(n.name, n.first, n.last) for n in rename.names]
        assert rename.code == RENAMED_CODE
        assert spans == [(OLD_NAME, "2024-1", "2024-2"), (NEW_NAME, "2025-1", "2025-1")]


def test_across_terms_each_course_is_counted_with_its_professors(retriever) -> None:
    result = retriever.retrieve(f"자료구조랑 {OS} 예전에도 열렸어?", k=50)
    for tally in result.scope.tallies:
        wanted = {name: sorted({p for s in SECTIONS if (s.term, s.name) == (tally.term, name)
                                for p in s.professors}) for name in ("자료구조", OS)}
        wanted = {name: professors for name, professors in wanted.items() if professors}
        assert {c.name: sorted(c.professors) for c in tally.by_course} == wanted
    assert [c.name for t in result.scope.tallies if t.term == "2024-2" for c in t.by_course] == ["자료구조"]


def _section(term: str, code: str, name: str, number: str = "01") -> CourseSection:
    return CourseSection(term=term, code=code, section=number, name=name, professors=["가교수"])


def test_a_codes_names_are_spans_of_terms() -> None:
    sections = [_section("2023-1", "X1", "회로 이론"), _section("2023-2", "X1", "회로이론"),
                _section("2024-1", "X1", "전기회로"), _section("2024-2", "X1", "전기회로")]
    spans = [(n.name, n.first, n.last) for n in name_spans(sections)]
    assert spans == [("회로 이론", "2023-1", "2023-2"), ("전기회로", "2024-1", "2024-2")]


def test_a_term_counts_names_spelled_with_and_without_spaces_as_one_course() -> None:
    hits = [SearchHit(section=s, score=1.0) for s in (
        _section("2025-1", "CSE4175", "컴퓨터네트워크"), _section("2025-1", "AIE4052", "컴퓨터 네트워크"))]
    [tally] = tally_terms(hits)
    assert tally.course_count == 1 and [(c.name, c.sections) for c in tally.by_course] == [("컴퓨터네트워크", 2)]


def test_a_roman_numeral_after_a_space_is_the_same_name() -> None:
    assert name_key("컴퓨터공학설계및실험 I") == name_key("컴퓨터공학설계및실험I") == name_key("컴퓨터공학설계및실험1")


@pytest.mark.parametrize("name, question, named", [
    ("컴퓨터공학설계및실험I", "컴퓨터공학설계및실험 1 누가 가르쳤어?", True),  # spaces and numerals aside
    ("운영체제", "운체 누가 가르쳐?", True), ("운영체제", "OS 수업 있어?", True),  # the lexicon's nicknames
    ("종합설계", "Was Senior Design offered?", True),  # the catalog's English name
    ("운영체제", "costs of courses", False),  # a Latin nickname only as a whole word
    ("데이터베이스입문", "월수 데이터베이스 수업", False),  # a longer name starting the same way
    ("노동법", "노동건 교수님 수업", False), ("영어사", "영어로 해요?", False),  # near-misses
])
def test_absent_rests_on_what_the_student_wrote(name: str, question: str, named: bool) -> None:
    vocabulary = Vocabulary(english_names=[("Senior Design", "종합설계")])
    assert stated(name, question, vocabulary) is named


def test_a_near_miss_of_a_course_the_term_lacks_is_not_said_absent(retriever) -> None:
    result = retriever.retrieve("종합설게 이번 학기에 열려?")
    assert result.scope.absent == []
