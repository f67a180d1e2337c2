"""Search-mode answers, end to end (question -> tools -> answer, in Korean and English), over a catalog whose
courses change from term to term (`tests.support.course_history`):
1. codes a catalog cross-lists under one name (spelled with or without a space) are one course to "it";
2. a course the term asked about lacks is said not offered there, with the newest term that had it and its
   professors (every term when asked when or by whom), by name or by code, never with another course in
   its place;
3. a follow-up that switches term keeps the course, and a professor follow-up searches the term it names;
4. answers across terms name each course's professors when asked who taught, and a code's earlier name.
Every expected name, professor and count is read from the catalog's sections."""

from __future__ import annotations

import pytest

from tests.support.agent_inputs import search_settings
from tests.support.course_history import (
    CROSS_CODE,
    CROSS_NAME,
    GONE,
    GONE_CODE,
    LAB,
    NEW_NAME,
    NETWORK,
    OLD_NAME,
    OLD_PROFESSOR,
    OS,
    RENAMED_CODE,
    history_sections,
)

SECTIONS = history_sections()
RELATED = "대신 그 학기에 열린, 관련 있어 보이는 강좌예요"


@pytest.fixture(scope="module")
def assistant(history_index):
    from agent.assistant import CourseAssistant

    return CourseAssistant.from_settings(search_settings(), index=history_index)


def talk(assistant, *questions: str, term: str | None = None):
    """Each question answered in turn with the conversation so far; the last response."""
    history: list[dict[str, str]] = []
    response = None
    for question in questions:
        response = assistant.answer(question, history, term)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": response.answer}]
    return response


def professors(term: str, name: str) -> str:
    names = dict.fromkeys(p for s in SECTIONS if (s.term, s.name) == (term, name) for p in s.professors)
    return ", ".join(names)


def codes(response) -> set[tuple[str, str]]:
    return {(s.term, s.code) for s in response.sources}


# --- 1. cross-listed courses -----------------------------------------------------------------------------
@pytest.mark.parametrize("follow_up", ["언제야?", "누가 가르쳐?", "중간고사 언제?", "강의실은?"])
def test_a_course_listed_under_two_codes_is_one_course_to_a_follow_up(assistant, follow_up: str) -> None:
    response = talk(assistant, f"{NETWORK} 누가 가르쳐?", follow_up)
    assert "첫 번째" not in response.answer and response.answer.count("\n") >= 2
    assert codes(response) == {("2025-1", "CSE3040"), ("2025-1", CROSS_CODE)}


def test_a_course_listed_under_two_codes_in_english(assistant) -> None:
    first = talk(assistant, f"Who teaches {CROSS_NAME}?")
    assert first.answer.count("강좌 정보예요") + first.answer.count("About ") <= 1  # one lead, not one per code
    response = talk(assistant, f"Who teaches {CROSS_NAME}?", "Where is it?")
    assert "first one" not in response.answer and "첫 번째" not in response.answer
    assert codes(response) == {("2025-1", "CSE3040"), ("2025-1", CROSS_CODE)}


# --- 2. a course the term lacks ----------------------------------------------------------------------------
def test_a_course_not_offered_this_term_is_said_with_where_it_last_ran(assistant) -> None:
    response = talk(assistant, f"{OLD_NAME} 이번 학기에 열려?")
    assert response.answer.startswith(
        f"{OLD_NAME}는 이 학기(2025-1)에는 개설되지 않았어요. 가장 최근에는 2024-2학기에 열렸어요 ({OLD_PROFESSOR} 교수)."
    )
    assert f"과목번호 {RENAMED_CODE}의 과목명이 바뀌었어요: 2024-2학기까지 '{OLD_NAME}' → 2025-1학기부터 '{NEW_NAME}'." in (
        response.answer)
    assert all(s.term == "2025-1" for s in response.sources)  # another term's cards would read as the answer


@pytest.mark.parametrize("question", [f"{OLD_NAME}는 언제 열렸고 누가 가르쳤어?", f"{OLD_NAME} 마지막으로 열린 게 언제야?"])
def test_when_and_who_list_every_term_that_had_it(assistant, question: str) -> None:
    answer = talk(assistant, question).answer
    assert f"{OLD_NAME}는 이 학기(2025-1)에는 개설되지 않았어요." in answer
    assert "열린 학기는 수강편람의 3개 학기 중 2개예요:" in answer or "3개 학기 중 2개 학기에 열렸어요:" in answer
    assert f"• 2024-1: {professors('2024-1', OLD_NAME)} 교수 (분반 2개)" in answer
    assert f"• 2024-2: {OLD_PROFESSOR} 교수 (분반 2개)" in answer


def test_a_course_not_offered_this_term_in_english(assistant) -> None:
    answer = talk(assistant, f"When was {OLD_NAME} offered?").answer  # a question across terms
    assert answer.startswith(f"{OLD_NAME} is not offered this term (2025-1). "
                             f"{OLD_NAME} was offered in 2 of the 3 terms in the catalog:")
    assert f"• 2024-2: Prof. {OLD_PROFESSOR} (2 sections)" in answer
    answer = talk(assistant, f"Is {OLD_NAME} offered this term?").answer
    assert answer.startswith(f"I couldn't find {OLD_NAME} in this term (2025-1). "
                             f"It was last offered in the 2024-2 term (Prof. {OLD_PROFESSOR}).")
    assert f"The course code {RENAMED_CODE} was renamed: '{OLD_NAME}' until the 2024-2 term" in answer


def test_a_code_not_offered_this_term(assistant) -> None:
    response = talk(assistant, f"{GONE_CODE} 몇 학점이야?")
    assert response.answer.startswith(f"{GONE}는 이 학기(2025-1)에는 개설되지 않았어요. 가장 최근에는 2024-1학기에 열렸어요")
    assert "3학점" in response.answer and ("2024-1", GONE_CODE) not in codes(response)  # said, not carded


# --- 3. follow-ups that switch term ---------------------------------------------------------------------
def test_a_term_switch_says_the_course_was_not_offered_then(assistant) -> None:
    response = talk(assistant, f"{OS} 누가 가르쳐?", "작년 2학기엔?")
    assert response.answer.startswith(f"{OS}는 2024-2학기에는 개설되지 않았어요. 이 학기(2025-1)에는 열려요")
    # The term's own course holding the name is related only, after the answer, never the answer.
    lead, _, related = response.answer.partition(RELATED)
    assert LAB not in lead and LAB in related


def test_a_term_switch_in_english(assistant) -> None:
    answer = talk(assistant, "Who teaches Operating Systems?", "What about fall 2024?").answer
    wanted = "I couldn't find Operating Systems [운영체제] in the 2024-2 term. It is offered this term"
    assert answer.startswith(wanted)


def test_a_term_switch_keeps_the_course_found_by_a_topic_word(assistant) -> None:
    response = talk(assistant, "체제 관련 수업 있어?", "작년 2학기엔?")
    assert response.answer.startswith(f"{OS}는 2024-2학기에는 개설되지 않았어요.")


def test_a_past_year_alone_switches_to_every_term_of_that_year(assistant) -> None:
    # "작년엔?" is last year as a whole (as "2024년엔?"): the course kept, its terms there counted out of those.
    response = talk(assistant, f"{OS} 누가 가르쳐?", "작년엔 누가 했어?")
    assert response.answer.startswith(f"{OS}는 2024-1학기부터 2024-2학기까지 2개 학기 중 1개 학기에 열렸어요")
    assert f"2024-1: {professors('2024-1', OS)} 교수" in response.answer
    assert {term for term, _ in codes(response)} == {"2024-1"}


def test_that_term_is_the_term_the_conversation_was_about(assistant) -> None:
    response = talk(assistant, f"2024년 2학기 {NETWORK} 누가 했어?", "그 학기에 열린 컴퓨터공학과 수업 뭐 있었어?")
    assert response.answer.startswith("2024-2학기 기준이에요") and response.sources
    assert {term for term, _ in codes(response)} == {"2024-2"}
    english = talk(assistant, f"Who taught {NETWORK} in fall 2024?", "which courses did 컴퓨터공학과 offer back then?")
    assert {term for term, _ in codes(english)} == {"2024-2"}


def test_a_past_year_alone_in_english(assistant) -> None:
    answer = talk(assistant, "Who teaches Operating Systems?", "and last year?").answer
    assert answer.startswith("Operating Systems [운영체제] was offered in 1 of the 2 terms from 2024-1 to 2024-2")


def test_a_term_switch_to_a_term_not_yet_published(assistant) -> None:
    answer = talk(assistant, f"{OS} 누가 가르쳐?", "다음 학기엔?").answer
    assert answer.startswith("2025-2학기 정보는 아직 수강편람에 없어요")


def test_a_professor_follow_up_searches_the_term_it_names(assistant) -> None:
    response = talk(assistant, "자료구조 01분반 누가 가르쳐?", "그 교수님 2024년 1학기엔 뭐 가르쳤어?")
    taught = {s.name for s in SECTIONS if s.term == "2024-1" and "한도윤" in s.professors}
    lead = response.answer.splitlines()[1]
    assert lead.startswith(f"한도윤 교수님은 2024-1학기에 {len(taught)}과목(") and lead.endswith("을 가르쳤어요:")
    assert set(lead.split("(", 1)[1].split(")")[0].split(", ")) == taught
    assert {s.term for s in response.sources} == {"2024-1"}


def test_a_professor_who_teaches_nothing_in_the_term_named(assistant) -> None:
    response = talk(assistant, f"2024년 2학기 {OLD_NAME} 누가 가르쳤어?", "그 교수님 이번 학기엔 뭐 가르쳐?")
    assert response.answer == f"{OLD_PROFESSOR} 교수님이 이 학기에 가르치는 강좌는 없어요." and not response.sources
    english = talk(assistant, f"Who taught {OLD_NAME} in fall 2024?",
                   "What does that professor teach this term?")
    assert english.answer == f"I couldn't find a course Prof. {OLD_PROFESSOR} teaches this term."


# --- 4. across terms -------------------------------------------------------------------------------------
def test_who_taught_across_terms_names_each_courses_professors(assistant) -> None:
    answer = talk(assistant, f"자료구조랑 {OS} 예전에 누가 가르쳤어?").answer
    for term in ("2024-1", "2025-1"):
        assert f"자료구조 ({professors(term, '자료구조')} 교수), {OS} ({professors(term, OS)} 교수)" in answer
    assert f"• 2024-2: 자료구조 ({professors('2024-2', '자료구조')} 교수) (1과목" in answer


def test_who_taught_across_terms_in_english(assistant) -> None:
    answer = talk(assistant, "Who taught Data Structures and Operating Systems in past semesters?").answer
    assert f"자료구조 (Prof. {professors('2024-1', '자료구조')})" in answer


@pytest.mark.parametrize("question", [
    f"{RENAMED_CODE} 예전 이름 뭐야?", f"{NEW_NAME} 예전에도 열렸어?", f"{NEW_NAME} 원래 이름이 뭐야?",
    f"{RENAMED_CODE} 이름 바뀌었어?",
])
def test_an_earlier_name_of_a_code_is_said(assistant, question: str) -> None:
    answer = talk(assistant, question).answer
    assert f"과목번호 {RENAMED_CODE}의 과목명이 바뀌었어요: 2024-2학기까지 '{OLD_NAME}' → 2025-1학기부터 '{NEW_NAME}'." in answer


def test_an_earlier_name_in_english(assistant) -> None:
    answer = talk(assistant, f"What was the old name of {RENAMED_CODE}?").answer
    assert (f"The course code {RENAMED_CODE} was renamed: '{OLD_NAME}' until the 2024-2 term, "
            f"then '{NEW_NAME}' from the 2025-1 term on.") in answer


def _schedule_line(term: str, name: str) -> str:
    from agent.search_mode.format_ko import schedule
    from agent.search_mode.sections import in_code_order

    return "; ".join(schedule(s) for s in in_code_order([s for s in SECTIONS if (s.term, s.name) == (term, name)])[:4])


@pytest.mark.parametrize("question", [f"{OS} 예전에도 열렸어? 그때도 같은 시간이었어?", f"{OS} 예전엔 어디서 했어?"])
def test_across_terms_when_or_where_says_each_terms_times_and_rooms(assistant, question: str) -> None:
    answer = talk(assistant, question).answer
    terms = sorted({s.term for s in SECTIONS if s.name == OS})
    assert len(terms) > 1
    for term in terms:
        assert f"• {term}: {professors(term, OS)} 교수" in answer and _schedule_line(term, OS) in answer


def test_across_terms_without_when_lists_times_only_for_a_course_of_few_sections(assistant) -> None:
    many = "자료구조"  # twelve sections over the terms: a line per term, without times unless asked
    answer = talk(assistant, f"{many} 예전에도 열렸어?").answer
    assert all(_schedule_line(term, many) not in answer for term in {s.term for s in SECTIONS if s.name == many})
    answer = talk(assistant, f"{OS} 예전에도 열렸어?").answer  # six: when and where each term met is said too
    assert all(_schedule_line(term, OS) in answer for term in {s.term for s in SECTIONS if s.name == OS})


def test_a_course_is_said_missing_now_only_when_nothing_but_the_course_was_asked() -> None:
    from agent.index.base import SearchFilters
    from agent.search_mode.answer_leads import TermGroup
    from agent.search_mode.compose_terms import _not_now
    from agent.search_mode.outcomes import ToolOutcome

    scope = {"current": "2025-1", "searched": ["2024-1", "2024-2", "2025-1"]}
    groups = (TermGroup("2024-1", 1, 1, ("확률론",), ("문하람",)),)

    def outcome(filters: SearchFilters) -> ToolOutcome:
        return ToolOutcome("search_courses", "", {"filters": filters.model_dump()})

    alone = SearchFilters(terms=scope["searched"], course_codes=["MAT3010"])
    assert _not_now(scope, groups, outcome(alone)) == "2025-1"
    by_professor = alone.model_copy(update={"professors": ["문하람"]})  # the course may run now, by another
    assert _not_now(scope, groups, outcome(by_professor)) is None
    assert _not_now(scope, (*groups, TermGroup("2025-1", 1, 1, ("확률론",), ("문하람",))), outcome(alone)) is None
