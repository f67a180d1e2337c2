"""The term linker (`agent/query/link/terms.py`): every way of naming a term, read against the index's terms
and the CURRENT term, and words that look like terms but are not. Questions written for these tests."""

from __future__ import annotations

import pytest

from agent.index.base import Vocabulary
from agent.query import ParsedQuestion, parse_question
from agent.query import term_arithmetic as ta
from agent.query.term_words import asks_only_terms

HELD = ["2023-1", "2023-여름", "2023-2", "2023-겨울", "2024-1", "2024-여름", "2024-2", "2024-겨울", "2025-1"]
VOCAB = Vocabulary(course_names=["자료구조", "회계원리", "게임이론"], professors=["김하늘"], departments=["경영학과"],
                   english_names=[("Data Structures", "자료구조")])


def rows(table: str) -> list:
    """A test table: one case a line, columns split by " | ", a trailing "# ..." comment dropped."""
    return [tuple(cell.strip() for cell in line.split("#")[0].split(" | ")) for line in table.strip().splitlines()]


def questions(table: str) -> list[str]:
    """Questions separated by " | " or new lines."""
    return [q.strip() for line in table.strip().splitlines() for q in line.split(" | ")]


def read(question: str, now: str | None = "2025-1", terms: list[str] | None = None) -> ParsedQuestion:
    return parse_question(question, VOCAB, now_term=now, terms=HELD if terms is None else terms)


@pytest.mark.parametrize(("question", "term"), rows("""
2024년 1학기 회계원리 누가 해? | 2024-1
2023학년도 2학기 자료구조 | 2023-2
2024 1학기 게임이론 | 2024-1
2024-2 자료구조 몇 분반? | 2024-2
2024-2학기 자료구조 | 2024-2
24-1 회계원리 | 2024-1
23년도 2학기 게임이론 교수 | 2023-2
24년 2학기 자료구조 | 2024-2
2024 여름학기 자료구조 | 2024-여름
2023년 겨울 계절학기 수업 | 2023-겨울
2024년 하계 회계원리 | 2024-여름
2023 가을학기 자료구조 | 2023-2
2024년 봄 자료구조 | 2024-1
"""))
def test_absolute_korean_terms(question: str, term: str) -> None:
    parsed = read(question)
    assert parsed.filters.term == term and parsed.filters.terms == [] and parsed.missing_term is None
    assert "학기" not in parsed.query and "2024" not in parsed.query


@pytest.mark.parametrize(("question", "term"), rows("""
who taught Data Structures in spring 2024 | 2024-1
Data Structures fall 2023 | 2023-2
summer 2024 courses | 2024-여름
winter session of 2023 | 2023-겨울
2024 fall Data Structures | 2024-2
Data Structures spring '24 | 2024-1
"""))
def test_absolute_english_terms(question: str, term: str) -> None:
    assert read(question).filters.term == term


@pytest.mark.parametrize(("question", "term"), rows("""
이번 학기 자료구조 | 2025-1
지난 학기 자료구조 교수님 | 2024-2   # the previous REGULAR semester: winter is skipped
저번학기에 회계원리 들었는데 | 2024-2
지난번 학기 자료구조 | 2024-2
이번 여름 계절학기 회계원리 | 2025-여름   # this year's summer: after the current term
다음 겨울학기 자료구조 | 2025-겨울
직전 학기 게임이론 | 2024-2
작년 1학기 자료구조 | 2024-1
작년 2학기 회계원리 | 2024-2
재작년 2학기 자료구조 | 2023-2
올해 자료구조 | 2025-1
작년 여름학기 회계원리 | 2024-여름
지난 겨울 계절학기 자료구조 | 2024-겨울
저번 여름 계절 회계원리 | 2024-여름
last semester data structures | 2024-2
last winter | 2024-겨울
this fall | 2025-2
"""))
def test_relative_terms_count_from_the_current_term(question: str, term: str) -> None:
    parsed = read(question)
    assert term in (parsed.filters.term, parsed.missing_term)


def test_relative_words_follow_the_current_term_the_client_chose() -> None:
    assert read("지난 학기 자료구조", now="2024-1").filters.term == "2023-2"
    assert read("작년 2학기 자료구조", now="2024-1").filters.term == "2023-2"
    assert read("작년 자료구조", now="2024-2").filters.terms == ["2023-1", "2023-여름", "2023-2", "2023-겨울"]


@pytest.mark.parametrize(("question", "year"), rows("""
작년 자료구조 누가 했어 | 2024   # a past year alone: all its terms, as "2024년에" is
재작년 게임이론 | 2023
last year Data Structures | 2024
교수님 재작년에 뭐 하셨지 | 2023
"""))
def test_a_past_year_alone_is_every_term_of_it(question: str, year: str) -> None:
    terms = read(question).filters.terms
    assert terms and all(term.startswith(year) for term in terms)
    assert f"{year}-1" in terms and f"{year}-2" in terms
    assert read("지난 학기 자료구조", now="2024-여름").filters.term == "2024-1"
    assert read("다음 학기 자료구조", now="2024-1").filters.term == "2024-2"


@pytest.mark.parametrize(("question", "term"), rows("""
1학기 자료구조 | 2025-1
봄학기 회계원리 | 2025-1
여름학기에 뭐 열려? | 2024-여름   # the newest summer session the index holds
겨울 계절 수업 | 2024-겨울
계절학기 자료구조 있어? | 2024-겨울   # the newest of either kind
summer session courses | 2024-여름
"""))
def test_a_semester_alone(question: str, term: str) -> None:
    assert read(question).filters.term == term


@pytest.mark.parametrize(("question", "missing", "later"), rows("""
2022년 1학기 자료구조 | 2022-1 | False
21-2 회계원리 | 2021-2 | False
다음 학기에 게임이론 열려? | 2025-2 | True
next semester Data Structures | 2025-2 | True
2학기에 자료구조 열려? | 2025-2 | True   # this year's second semester: not published yet
내년 1학기 자료구조 | 2026-1 | True
2021년에 자료구조 열렸어? | 2021 | False
"""))
def test_a_term_the_index_lacks_is_noted_and_the_current_term_searched(question: str, missing: str, later: str) -> None:
    parsed = read(question)
    assert parsed.missing_term == missing and parsed.filters.term == "2025-1" and parsed.filters.terms == []
    assert ta.is_later_than_all(missing if "-" in missing else f"{missing}-1", HELD) is (later == "True")


@pytest.mark.parametrize("question", questions("""
자료구조 예전에도 열렸어? | 전에도 회계원리 있었어? | 전에 누가 자료구조 가르쳤어? | 그동안 자료구조 교수님들
역대 게임이론 담당 교수 | 지금까지 자료구조 분반 수 | 자료구조 열린 적 있어? | 회계원리 개설된 적 있나
학기마다 자료구조 교수 바뀌어? | 다른 학기에도 게임이론 해? | was Data Structures ever offered
who taught Data Structures previously | Data Structures in past semesters | every semester Data Structures
Data Structures over the years | 게임이론 언제 열렸어? | 회계원리 어느 학기에 있었어? | 자료구조 언제 가르쳤어?
which semesters had Data Structures | when was Data Structures offered
"""))
def test_across_terms_searches_every_held_term(question: str) -> None:
    parsed = read(question)
    assert parsed.across_terms and parsed.filters.term is None and parsed.filters.terms == HELD
    assert parsed.course_names == ["자료구조"] or parsed.course_names in (["회계원리"], ["게임이론"])


@pytest.mark.parametrize("question", ["자료구조 언제 해?", "회계원리 몇 시에 끝나?", "when is Data Structures?"])
def test_when_a_course_meets_is_no_question_across_terms(question: str) -> None:
    assert not read(question).across_terms


def test_across_terms_on_a_catalog_of_one_term_is_that_term() -> None:
    parsed = read("예전에도 자료구조 열렸어?", now="2026-1", terms=["2026-1"])
    assert parsed.across_terms and parsed.filters.term == "2026-1" and parsed.filters.terms == []


@pytest.mark.parametrize(("question", "terms"), rows("""
2024년에 열린 자료구조 | 2024-1 2024-여름 2024-2 2024-겨울
2023-2부터 2024-1까지 자료구조 | 2023-2 2023-겨울 2024-1
2024-1~2024-2 회계원리 | 2024-1 2024-여름 2024-2
2024년부터 자료구조 교수님 | 2024-1 2024-여름 2024-2 2024-겨울 2025-1
Data Structures since 2024 | 2024-1 2024-여름 2024-2 2024-겨울 2025-1
2023-1이랑 2024-1 자료구조 비교 | 2023-1 2024-1
작년 계절학기 수업 | 2024-여름 2024-겨울
"""))
def test_several_terms(question: str, terms: str) -> None:
    parsed = read(question)
    assert parsed.filters.term is None and parsed.filters.terms == terms.split() and not parsed.across_terms


def test_a_named_term_wins_over_across_words() -> None:
    parsed = read("작년 1학기에 자료구조 열린 적 있어?")
    assert parsed.filters.term == "2024-1" and not parsed.across_terms


@pytest.mark.parametrize("question", questions("""
10시 전에 끝나는 자료구조 | 3시 전에도 수업 있어? | 오전에 회계원리 | 1-2학년 자료구조 | 24-1반 자료구조
자료구조 2분반 | 2024년 3월 개강 | 학기 초에 자료구조 들어야 해? | 자료구조 3학점 | before 10am classes
however Data Structures
"""))
def test_words_that_are_not_terms(question: str) -> None:
    parsed = read(question)
    assert parsed.filters.term == "2025-1" and parsed.filters.terms == [] and parsed.missing_term is None
    assert not parsed.across_terms


def test_without_a_term_list_a_named_term_is_taken_as_written() -> None:
    parsed = parse_question("2019년 2학기 자료구조", VOCAB, now_term="2026-1")
    assert parsed.filters.term == "2019-2" and parsed.missing_term is None


def test_the_term_words_are_not_left_as_search_words() -> None:
    parsed = read("작년 겨울 계절학기에 열린 자료구조 수업")
    assert parsed.filters.term == "2024-겨울" and parsed.unknown_names == [] and parsed.query == "자료구조"


@pytest.mark.parametrize(("question", "only"), rows("""
여름학기에 뭐 열려? | yes
계절학기 있어? | yes
예전에도 있었어? | yes
다음 학기 시간표 나왔어? | yes
작년 2학기 자료구조 | no
지난 학기 성적 어떻게 봐? | no
자료구조 누가 가르쳐? | no
"""))
def test_a_question_of_terms_alone(question: str, only: str) -> None:
    """Search mode treats a question that names a term and only asks besides as a catalog question."""
    assert asks_only_terms(question) is (only == "yes")
