"""Question parser, English questions: days and times, and department names -> the same `SearchFilters`
fields as the Korean words."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.query import parse_question
from agent.query.lexicon import load_lexicon
from tests.support.vocabulary import VOCAB


@pytest.mark.parametrize(
    ("question", "days", "excluded", "start_after", "start_before", "end_before"),
    [
        ("Data Structures on Monday morning", ["월"], [], None, 719, None),
        ("Mon/Wed afternoon", ["월", "수"], [], 720, None, None),
        ("Tue and Thu mornings", ["화", "목"], [], None, 719, None),
        ("no classes on Friday", [], ["금"], None, None, None),
        ("Data Structures with no class on Friday", [], ["금"], None, None, None),
        ("Fridays off please", [], ["금"], None, None, None),
        ("I want a free Friday", [], ["금"], None, None, None),
        ("anything after 3pm?", [], [], 900, None, None),
        ("before 10am on Tuesdays", ["화"], [], None, 599, None),
        ("courses that finish by 12pm", [], [], None, None, 720),
        ("at 9am", [], [], 540, 599, None),
        ("at 10:30 am", [], [], 630, 644, None),
        ("evening classes", [], [], 1020, None, None),  # as 저녁
        ("night classes", [], [], 1080, None, None),  # as 야간
        ("자구 on Friday", ["금"], [], None, None, None),
        ("Sun Kim's class", [], [], None, None, None),  # "Sun" alone is a name, not Sunday
    ],
)
def test_english_days_and_times(
    question: str, days: list[str], excluded: list[str], start_after: int | None, start_before: int | None,
    end_before: int | None,
) -> None:
    f = parse_question(question, VOCAB).filters
    assert (f.days, f.exclude_days) == (days, excluded)
    assert (f.start_after, f.start_before, f.end_before) == (start_after, start_before, end_before)


def test_english_schedule_words_leave_the_query() -> None:
    parsed = parse_question("Operating Systems on Tuesday afternoon", VOCAB)
    assert parsed.course_names == ["운영체제"] and parsed.filters.days == ["화"]
    assert parsed.filters.start_after == 720 and "tuesday" not in parsed.query.lower()
    assert "afternoon" not in parsed.query.lower()


def test_english_department_words() -> None:
    business = parse_question("Any business major courses on Tue/Thu mornings?", VOCAB)
    assert business.filters.departments and all("경영" in d for d in business.filters.departments)
    assert business.filters.days == ["화", "목"] and business.filters.start_before == 719
    assert business.query == "" and business.topics == []
    cs = parse_question("CS classes on Monday", VOCAB).filters
    assert cs.departments and all("컴퓨터" in d for d in cs.departments) and cs.days == ["월"]
    # A course name that starts with a department's English word stays a course.
    assert parse_question("Computer Architecture professor", VOCAB).course_names == ["컴퓨터구조"]


@pytest.mark.parametrize(
    ("question", "stem"),
    [
        ("computer science courses on Monday", "컴퓨터"),
        ("Department of Business Administration classes", "경영"),
        ("electrical engineering majors", "전기공"),
        ("international commerce courses", "글로벌통상"),
        ("economics major courses", "경제"),
        ("classes for economics majors", "경제"),
        ("department of physics", "물리"),
        ("majoring in accounting, what should I take?", "회계"),
        ("law dept courses on Friday", "법"),
        ("history department", "사학"),
        ("econ major courses on Wednesday", "경제"),
        ("comp sci classes", "컴퓨터"),
    ],
)
def test_english_department_names(question: str, stem: str) -> None:
    parsed = parse_question(question, VOCAB)
    assert parsed.filters.departments and all(stem in d for d in parsed.filters.departments), parsed.notes
    # The department and its department word are consumed: nothing of them is left to search for.
    for word in ("science", "administration", "engineering", "commerce", "economics", "physics", "accounting",
                 "law", "history", "department", "major", "dept", "econ", "sci"):
        assert word not in parsed.query.lower()


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("who teaches economics?", ["경제원론"]),  # alone, a subject word is the course it names
        ("When is Principles of Economics?", ["경제원론"]),
        ("history of computer architecture", ["컴퓨터구조"]),
    ],
)
def test_english_subject_words_alone_are_not_departments(question: str, names: list[str]) -> None:
    parsed = parse_question(question, VOCAB)
    assert parsed.filters.departments == []
    assert parsed.course_names == names


def test_english_department_words_need_the_department_in_the_catalog() -> None:
    parsed = parse_question("psychology department courses", VOCAB)  # no 심리학과 in this vocabulary
    assert parsed.filters.departments == [] and "심리학" in parsed.query  # searched as the subject instead


def test_english_department_lexicon_stems_exist_in_some_catalog(shared_data: Path) -> None:
    # Each English name points at stems of a department of the three real catalogs or the sample.
    from agent.catalog import load_catalog
    from agent.query.vocab import department_stems

    lexicon = load_lexicon()
    departments: set[str] = set()
    for path in sorted(shared_data.glob("*.csv")):
        departments |= {s.department for s in load_catalog(path).sections}
    root = Path(__file__).resolve().parents[2]
    sample = load_catalog(root / "data/sample-catalog.csv", mapping=root / "data/sample-catalog.mapping.yaml")
    departments |= {s.department for s in sample.sections}
    stems = set().union(*(department_stems(d) for d in departments))
    for table in (lexicon.english_departments, lexicon.english_department_words):
        for phrase, wanted in table.items():
            assert any(s.replace(" ", "") in stems for s in wanted), (phrase, wanted)


@pytest.mark.parametrize("question, ruled_out", [
    ("any 회계원리 section with no Tuesday classes?", ["화"]),
    ("I can't make it on Wednesdays, what 자료구조 sections are left?", ["수"]),
    ("cannot attend class on Mon or Wed", ["월", "수"]),
    ("Thursdays are out for me. 데이터베이스 sections?", ["목"]),
    ("Tuesdays don't work, which 운영체제 is on other days?", ["화"]),
    ("busy on Mondays, need a 경영학원론 section", ["월"]),
])
def test_english_ways_of_ruling_a_day_out(question: str, ruled_out: list[str]) -> None:
    filters = parse_question(question, VOCAB).filters
    assert filters.exclude_days == ruled_out and filters.days == []


def test_a_day_wanted_next_to_a_no_of_something_else_stays_wanted() -> None:
    assert parse_question("classes on Thursday with no homework", VOCAB).filters.days == ["목"]


@pytest.mark.parametrize("question, days, excluded", [
    ("회계원리 TTh sections?", ["화", "목"], []),
    ("anything MWF in 경영학부", ["월", "수", "금"], []),
    ("TR only 데이터베이스", [], ["월", "수", "금", "토", "일"]),
    ("회계원리 on WF", ["수", "금"], []),
])
def test_timetable_day_codes(question: str, days: list[str], excluded: list[str]) -> None:
    filters = parse_question(question, VOCAB).filters
    assert (filters.days, filters.exclude_days) == (days, excluded)


@pytest.mark.parametrize("question", ["MT 가는 날 수업 있어?", "FM 라디오 수업", "TM 회계원리"])
def test_capitals_that_are_no_timetable_code_are_not_days(question: str) -> None:
    filters = parse_question(question, VOCAB).filters
    assert filters.days == [] and filters.exclude_days == []


@pytest.mark.parametrize("question, word", [
    ("any golf classes on Thursday?", "골프"), ("is there a swimming course", "수영"),
    ("music classes taught in English", "음악"), ("I want a movies class", "영화"),
])
def test_everyday_english_subjects_search_the_korean_word(question: str, word: str) -> None:
    vocab = VOCAB.model_copy(update={"course_names": [*VOCAB.course_names, "골프1", "수영3", "서양음악의이해", "영화와철학"]})
    parsed = parse_question(question, vocab)
    assert word in parsed.query and parsed.unknown_names == []


def test_department_names_with_an_ampersand_in_english() -> None:
    vocab = VOCAB.model_copy(update={"departments": [*VOCAB.departments, "아트&테크놀로지학과", "미디어&엔터테인먼트학과"]})
    for question, department in (("Art & Technology courses on Monday", "아트&테크놀로지학과"),
                                 ("media and entertainment classes in English", "미디어&엔터테인먼트학과")):
        assert parse_question(question, vocab).filters.departments == [department]


@pytest.mark.parametrize("question, after, before", [
    ("회계원리 sections that start at 1pm or later", 780, None),
    ("anything at 10am or earlier on Tuesday", None, 600),
])
def test_a_clock_time_or_later_or_earlier_is_a_bound_not_an_hour(question: str, after, before) -> None:
    filters = parse_question(question, VOCAB).filters
    assert (filters.start_after, filters.start_before) == (after, before)


@pytest.mark.parametrize(
    ("question", "credits"),
    [("any 2 credit electives on Tuesday?", 2.0), ("looking for a 3-credit class", 3.0), ("one credit courses", 1.0),
     ("2 cr. seminar", 2.0), ("Credits of Data Structures?", None), ("3 creditors", None)],
)
def test_credits_said_in_english(question: str, credits: float | None) -> None:
    parsed = parse_question(question, VOCAB)
    assert parsed.filters.credits == credits
    if credits is not None:
        assert "credit" not in parsed.query.lower()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("labs that finish before 4pm", {"end_before": 960}),
        ("something that ends by 1", {"end_before": 780}),
        ("courses ending after 7pm on Thursday", {"end_after": 1140, "days": ["목"]}),
        ("between 9am and 1pm please", {"start_after": 540, "end_before": 780}),
        ("from 1 to 5 on Monday", {"start_after": 780, "end_before": 1020, "days": ["월"]}),
        ("no afternoon classes", {"start_before": 719}),
        ("anything but not in the morning", {"start_after": 720}),
        ("evenings are out, 경영 courses", {"start_before": 1019}),
        ("weekend courses", {"exclude_days": ["월", "화", "수", "목", "금"]}),
        ("weekdays only", {"exclude_days": ["토", "일"]}),
        ("nothing on weekends", {"exclude_days": ["토", "일"]}),
        ("evenings or weekends are fine", {"exclude_days": [], "days": []}),  # either of two: no day condition
        ("labs before noon", {"start_before": 719}),
        ("something after midday on Monday", {"start_after": 720, "days": ["월"]}),
        # a part of the day no class at the stated time could meet is context, not a second condition
        ("a class from 4pm or later, my mornings are busy", {"start_after": 960, "start_before": None}),
    ],
)
def test_english_ends_windows_weekends_and_ruled_out_parts_of_the_day(question: str, expected: dict) -> None:
    filters = parse_question(question, VOCAB).filters.model_dump()
    assert {key: filters[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("question", "year", "student_year"),
    [("freshman seminars", 1, None), ("courses for sophomores on Friday", 2, None), ("senior design classes", 4, None),
     ("I'm a junior, can I take this?", None, 3), ("is it open to freshmen?", None, 1)],
)
def test_class_years_in_american_words(question: str, year: int | None, student_year: int | None) -> None:
    parsed = parse_question(question, VOCAB)
    assert (parsed.filters.year, parsed.student_year) == (year, student_year)


@pytest.mark.parametrize(
    ("question", "credits", "ruled_out"),
    [("2학점 말고 다른 교양", None, [2.0]), ("1학점짜리 빼고 전공 수업", None, [1.0]), ("not 3 credits please", None, [3.0]),
     ("3학점 교양", 3.0, [])],
)
def test_credits_ruled_out(question: str, credits: float | None, ruled_out: list[float]) -> None:
    filters = parse_question(question, VOCAB).filters
    assert (filters.credits, filters.exclude_credits) == (credits, ruled_out)
