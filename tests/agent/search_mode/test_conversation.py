"""Reading earlier answers back (`agent.search_mode.conversation`): what both renderers write, this reads."""

from __future__ import annotations

from agent.catalog.models import CourseSection
from agent.index.base import Vocabulary
from agent.search_mode import format_en, format_ko
from agent.index.base import SearchFilters
from agent.search_mode.conditions import condition_text, read_conditions, scope_text
from agent.search_mode.conversation import cited_courses, named_professors, stated_conditions, stated_term
from agent.search_mode.render import bullet

SECTION = CourseSection(term="2026-1", code="CSE2010", section="02", name="자료구조", name_en="Data Structures",
                        professors=["Daniel Whitford"])
VOCAB = Vocabulary(professors=["Daniel Whitford", "한도윤"], course_names=["자료구조"])


def test_citations_of_both_languages_read_back_as_the_same_course() -> None:
    for line in (bullet(SECTION, "ko"), bullet(SECTION, "en")):
        [cited] = cited_courses(line)
        assert (cited.code, cited.section, cited.ref) == ("CSE2010", "02", "CSE2010-02")
    assert cited_courses(format_ko.cite(SECTION))[0].name == "자료구조"
    assert cited_courses(format_en.cite(SECTION))[0].name == "Data Structures [자료구조]"


def test_the_professors_an_answer_named_in_any_wording() -> None:
    korean = f"{format_ko.cite(SECTION)}는 Daniel Whitford 교수님이 가르쳐요."
    english = f"{format_en.cite(SECTION)} is taught by Prof. Daniel Whitford."
    by_hand = "두 분반이 있어요 (한도윤, Daniel Whitford 교수님)."  # a list with one title at its end
    assert named_professors(korean, VOCAB) == ["Daniel Whitford"]
    assert named_professors(english, VOCAB) == ["Daniel Whitford"]
    assert named_professors(by_hand, VOCAB) == ["한도윤", "Daniel Whitford"]
    assert named_professors("Prof. Nobody Here.", VOCAB) == []  # not a professor of the catalog
    assert named_professors(korean, None) == []


def test_conditions_our_answers_state_read_back_in_both_languages() -> None:
    filters = SearchFilters(
        days=["화", "목"], exclude_days=["금"], start_after=780, start_before=719, end_before=1080, english=True,
        professors=["한도윤"], credits=3, year=2, departments=["컴퓨터공학과", "경영학과"],
    )
    for lang in ("ko", "en"):
        read = read_conditions(scope_text(filters, lang), lang, ["컴퓨터공학과", "경영학과"])
        assert read == filters.model_copy(update={"term": None}), lang
    korean = f"자료구조 분반 중 조건({condition_text(filters, 'ko')})에 맞는 것은 2개예요:"
    english = f"2 sections of Data Structures [자료구조] match ({condition_text(filters, 'en')}):"
    for text in (korean, english):
        stated = stated_conditions(text, VOCAB)
        assert (stated.days, stated.start_after, stated.english) == (["화", "목"], 780, True)
    assert stated_conditions("자료구조는 분반이 2개 있어요.", VOCAB).is_empty()


def test_only_these_days_are_said_as_such_and_read_back() -> None:
    filters = SearchFilters(exclude_days=["월", "수", "금", "토", "일"], start_after=720)
    assert condition_text(filters, "ko") == "화·목요일에만, 12:00 이후 시작"
    assert condition_text(filters, "en") == "only on Tue/Thu, starting at 12:00 or later"
    for lang in ("ko", "en"):
        assert read_conditions(condition_text(filters, lang), lang) == filters
    assert condition_text(SearchFilters(exclude_days=["금"]), "ko") == "금요일 제외"
    late = SearchFilters(end_after=1320)
    assert condition_text(late, "ko") == "22:00 이후에 끝남" and condition_text(late, "en") == "ending at 22:00 or later"
    assert all(read_conditions(condition_text(late, lang), lang) == late for lang in ("ko", "en"))


def test_credits_ruled_out_are_said_and_read_back() -> None:
    filters = SearchFilters(exclude_credits=[1.0, 2.0])
    assert scope_text(filters, "ko") == "1학점 제외, 2학점 제외"
    assert all(read_conditions(scope_text(filters, lang), lang) == filters for lang in ("ko", "en"))


def test_several_years_are_said_and_read_back() -> None:
    filters = SearchFilters(years=[1, 2], english=True)
    assert scope_text(filters, "ko") == "1·2학년, 영어강의" and scope_text(filters, "en") == "year 1/2, English-taught"
    assert all(read_conditions(scope_text(filters, lang), lang) == filters for lang in ("ko", "en"))


def test_a_term_an_answer_names() -> None:
    assert stated_term("2024-1학기 기준으로 알려 드릴게요.") == "2024-1"
    assert stated_term("Based on the 2024-여름 catalog") == "2024-여름"
    assert stated_term("자료구조 (과목번호 2150012301)") is None  # a Soongsil code is not a term
