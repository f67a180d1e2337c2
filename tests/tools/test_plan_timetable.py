"""`plan_timetable` over the sample catalog: every week it returns is checked against the catalog's own times
(one section per course, no overlaps, the constraints kept), the ranking against weeks enumerated here, and the
reasons it gives when there is no week against the catalog."""

from __future__ import annotations

import itertools
import time

import pytest

from agent.catalog.models import CourseSection, MeetingSlot
from agent.timetable import Timetable
from tests.support.tool_harness import payload, run_tool
from agent.planner.search import MAX_STEPS, Constraints, plan_weeks

THREE = ["자료구조", "운영체제", "회계원리"]


def _overlap(a: CourseSection, b: CourseSection) -> bool:
    return any(x.day == y.day and x.start < y.end and y.start < x.end for x in a.slots for y in b.slots)


def _course(sample_sections: list[CourseSection], name: str, code: str | None = None) -> list[CourseSection]:
    """A course's sections in the catalog (by name; a name two courses share is narrowed by code)."""
    found = [s for s in sample_sections if s.name == name and (code is None or s.code == code)]
    assert found, name
    return found


def _weeks(courses: list[list[CourseSection]], keep=lambda s: True) -> list[tuple[CourseSection, ...]]:
    """Every week of one section per course without overlaps (brute force, for the sample's small courses)."""
    return [
        week for week in itertools.product(*[[s for s in c if keep(s)] for c in courses])
        if not any(_overlap(a, b) for a, b in itertools.combinations(week, 2))
    ]


def _idle(week: tuple[CourseSection, ...] | list[CourseSection]) -> int:
    """Minutes between classes, day by day, computed from the slots."""
    idle = 0
    for day in {slot.day for s in week for slot in s.slots}:
        meetings = sorted((slot.start, slot.end) for s in week for slot in s.slots if slot.day == day)
        idle += sum(later[0] - earlier[1] for earlier, later in itertools.pairwise(meetings))
    return idle


def _days(week) -> set[str]:
    return {slot.day for s in week for slot in s.slots}


@pytest.fixture()
def three_courses(sample_sections) -> list[list[CourseSection]]:
    # "자료구조" is CSE2010 (four sections) for the tool: the retriever's best match, as `check_timetable` resolves.
    return [_course(sample_sections, "자료구조", "CSE2010"), _course(sample_sections, "운영체제"),
            _course(sample_sections, "회계원리")]


def test_a_friday_free_week_is_checked_against_the_catalog(sample_ctx, sample_sections, three_courses) -> None:
    message = run_tool(sample_ctx, "plan_timetable", courses=THREE, exclude_days=["금"])
    assert message.status == "success"
    data = payload(message)
    truth = {s.id: s for s in sample_sections}
    expected = _weeks(three_courses, keep=lambda s: "금" not in s.days)
    assert data["found"] == len(expected) >= 3
    weeks: list[Timetable] = message.artifact["timetables"]
    assert len(weeks) == len(data["timetables"]) == 3
    for week, record in zip(weeks, data["timetables"], strict=True):
        assert [s.name for s in week.sections] == THREE  # one section of each course, in the order asked
        assert all(truth[s.id].slots == s.slots for s in week.sections)  # the catalog's own times
        assert tuple(week.sections) in expected  # no overlaps, no Friday
        assert week.days == [d for d in "월화수목금토일" if d in _days(week.sections)]
        assert week.credits == sum(truth[s.id].credits for s in week.sections) == float(record["total_credits"])
        assert "금요일 공강" in " ".join(week.notes) and f"주 {len(week.days)}일 수업" in week.notes
        assert [r["code"] + r["section"] for r in record["sections"]] == [s.code + s.section for s in week.sections]
    # The artifact's sections are the weeks' sections (the answer's sources), each once.
    assert {s.id for s in message.artifact["sections"]} == {s.id for w in weeks for s in w.sections}


def test_weeks_are_ranked_by_days_on_campus_and_idle_time(sample_ctx, three_courses) -> None:
    """The default ranking: a day less on campus is worth up to three hours of idle time; the first week
    is the best of every week enumerated here."""
    weeks = payload(run_tool(sample_ctx, "plan_timetable", courses=THREE, limit=5))["timetables"]
    cost = lambda week: len(_days(week)) * 180 + _idle(week)  # noqa: E731
    everything = _weeks(three_courses)
    by_id = {s.code + s.section: s for course in three_courses for s in course}
    shown = [[by_id[r["code"] + r["section"]] for r in week["sections"]] for week in weeks]
    costs = [cost(week) for week in shown]
    assert costs == sorted(costs) and costs[0] == min(cost(week) for week in everything)


@pytest.mark.parametrize(
    ("prefer", "measure"),
    [
        ("fewest_days", lambda week: len(_days(week))),
        ("fewest_gaps", _idle),
        ("late_start", lambda week: -min(slot.start for s in week for slot in s.slots)),
        ("early_finish", lambda week: max(slot.end for s in week for slot in s.slots)),
    ],
)
def test_what_the_student_asks_to_rank_by_comes_first(sample_ctx, three_courses, prefer, measure) -> None:
    message = run_tool(sample_ctx, "plan_timetable", courses=THREE, prefer=prefer)
    first = message.artifact["timetables"][0].sections
    assert measure(first) == min(measure(week) for week in _weeks(three_courses))


@pytest.mark.parametrize(
    ("args", "holds"),
    [
        ({"start_after": "12:00"}, lambda s: all(slot.start >= 720 for slot in s.slots)),
        ({"start_before": "11:59"}, lambda s: all(slot.start <= 719 for slot in s.slots)),
        ({"end_before": "15:00"}, lambda s: all(slot.end <= 900 for slot in s.slots)),
        ({"exclude_days": "월수"}, lambda s: not {"월", "수"} & set(s.days)),
    ],
)
def test_time_and_day_constraints_hold_for_every_meeting(sample_ctx, sample_sections, args, holds) -> None:
    courses = ["컴퓨터프로그래밍", "자료구조", "선형대수학"]
    message = run_tool(sample_ctx, "plan_timetable", courses=courses, **args)
    weeks = message.artifact["timetables"]
    catalog = [_course(sample_sections, n, "CSE2010" if n == "자료구조" else None) for n in courses]
    expected = _weeks(catalog, keep=holds)
    assert payload(message)["found"] == len(expected)
    assert all(holds(s) for week in weeks for s in week.sections)
    assert weeks or payload(message)["problem"]


def test_days_a_week_and_a_credit_cap(sample_ctx, three_courses) -> None:
    two_days = run_tool(sample_ctx, "plan_timetable", courses=THREE, max_days=2)
    expected = [w for w in _weeks(three_courses) if len(_days(w)) <= 2]
    assert payload(two_days)["found"] == len(expected) > 0
    assert all(len(week.days) <= 2 for week in two_days.artifact["timetables"])

    capped = payload(run_tool(sample_ctx, "plan_timetable", courses=THREE, max_credits=6))
    assert capped["timetables"] == [] and capped["problem"]["kind"] == "credits"
    assert capped["problem"]["relax"] == ["max_credits"]


def test_a_preferred_professor_section_comes_first(sample_ctx, three_courses) -> None:
    message = run_tool(sample_ctx, "plan_timetable", courses=THREE, professors="서다온")
    first = message.artifact["timetables"][0]
    assert any("서다온" in s.professors for s in first.sections)
    assert any(note.startswith("원하신 교수님 분반") and "서다온" in note for note in first.notes)
    assert payload(message)["constraints"]["professors"] == ["서다온"]


@pytest.fixture(scope="module")
def clashing_singles(sample_sections) -> tuple[CourseSection, CourseSection, CourseSection]:
    """Two single-section courses that overlap, and a third single-section course that fits both."""
    by_code: dict[str, list[CourseSection]] = {}
    for section in sample_sections:
        by_code.setdefault(section.code, []).append(section)
    singles = [v[0] for v in by_code.values() if len(v) == 1 and v[0].slots and not v[0].graduate]
    a, b = next((a, b) for a, b in itertools.combinations(singles, 2) if _overlap(a, b))
    c = next(c for c in singles if c not in (a, b) and not _overlap(a, c) and not _overlap(b, c))
    return a, b, c


def test_courses_that_always_clash_are_named_with_what_to_drop(sample_ctx, clashing_singles) -> None:
    a, b, c = clashing_singles
    message = run_tool(sample_ctx, "plan_timetable", courses=[a.code, c.code, b.code])
    problem = payload(message)["problem"]
    assert payload(message)["timetables"] == [] and problem["kind"] == "clash"
    assert problem["courses"] == [a.name, b.name] and problem["relax"] == []
    assert problem["drop"] == [a.name, b.name]  # either one out, and the rest fit
    assert a.name in problem["message"] and b.name in problem["message"]
    # The best week with the one change named (the first course to drop left out) is offered, and cited.
    alternative = message.artifact["alternative"]
    assert [x.id for x in alternative.sections] == [c.id, b.id] and payload(message)["alternative"]["option"] == 1
    assert {s.id for s in message.artifact["sections"]} == {c.id, b.id}


def test_a_clash_only_within_the_constraints_names_the_constraint(sample_ctx, sample_sections) -> None:
    """Find, in the catalog, two courses that fit together but not without one weekday; the tool must say the
    pair clashes within the constraint, and that dropping it makes a week."""
    names = sorted({s.name for s in sample_sections if s.slots and not s.graduate})
    case = None
    for first, second, day in itertools.product(names[:40], names[:40], "월화수목금"):
        if first >= second:
            continue
        courses = [_course(sample_sections, first), _course(sample_sections, second)]
        if len({s.code for c in courses for s in c}) != 2:
            continue
        free = _weeks(courses, keep=lambda s: day not in s.days)
        if _weeks(courses) and not free and all(any(day not in s.days for s in c) for c in courses):
            case = (first, second, day)
            break
    assert case is not None, "the sample catalog has such a pair"
    first, second, day = case
    problem = payload(run_tool(sample_ctx, "plan_timetable", courses=[first, second], exclude_days=[day]))["problem"]
    assert problem["kind"] == "clash" and problem["courses"] == [first, second]
    assert problem["relax"] == ["exclude_days"]
    assert "조건에 맞는 분반끼리는" in problem["message"]


def test_a_course_with_no_section_within_the_constraints(sample_ctx, sample_sections) -> None:
    algebra = _course(sample_sections, "선형대수학")
    assert all(slot.start >= 720 for s in algebra for slot in s.slots)  # no morning section in the catalog
    data = payload(run_tool(sample_ctx, "plan_timetable", courses=["자료구조", "선형대수학"], start_before="11:59"))
    assert data["problem"]["kind"] == "no_section" and data["problem"]["courses"] == ["선형대수학"]
    assert data["problem"]["relax"] == ["start_before"]


def test_sections_named_with_the_course_are_kept(sample_ctx, sample_sections) -> None:
    message = run_tool(sample_ctx, "plan_timetable", courses=["자료구조 03분반", "BUS1010-02"])
    weeks = message.artifact["timetables"]
    ids = {(s.code, s.section) for w in weeks for s in w.sections}
    assert ids <= {("CSE2010", "03"), ("BUS1010", "02")}
    assert payload(message)["found"] == len(_weeks([_course(sample_sections, "자료구조", "CSE2010")[2:3],
                                                     _course(sample_sections, "회계원리")[1:2]]))


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ({"courses": []}, "courses"),
        ({"courses": [" "]}, "courses"),
        ({"courses": [f"CSE{n}" for n in range(1001, 1012)]}, "courses"),
        ({"courses": ["양자요리학", "운영체제"]}, "courses: '양자요리학'"),
        ({"courses": THREE, "exclude_days": ["금요", "토"]}, "exclude_days"),
        ({"courses": THREE, "start_after": "25:00"}, "start_after"),
        ({"courses": THREE, "end_before": "오후"}, "end_before"),
        ({"courses": THREE, "max_days": 0}, "max_days"),
        ({"courses": THREE, "max_credits": -3}, "max_credits"),
        ({"courses": THREE, "professors": ["없는교수"]}, "professors"),
        ({"courses": THREE, "prefer": "cheapest"}, "prefer"),
        ({"courses": THREE, "limit": 9}, "limit"),
        ({"courses": THREE, "term": "1999-1"}, "1999-1"),
    ],
)
def test_bad_arguments_are_a_tool_message_naming_the_argument(sample_ctx, args, named) -> None:
    message = run_tool(sample_ctx, "plan_timetable", **args)
    assert message.status == "error" and named in message.content, message.content


def _section(code: str, number: int, day: str, start: int) -> CourseSection:
    slot = MeetingSlot(day=day, start=start, end=start + 50)
    return CourseSection(term="t", code=code, section=f"{number:02d}", name=code, credits=3, slots=[slot])


def test_sections_at_the_same_times_are_one_choice_the_preferred_professors_first() -> None:
    """A week is a set of times: sections of a course meeting at the same times are one choice, the preferred
    professor's when there is one, else the first listed."""
    first = [_section("A", 1, "월", 540), _section("A", 2, "월", 540), _section("A", 3, "화", 540)]
    second = [_section("B", 1, "수", 540)]
    taught = first[1].model_copy(update={"professors": ["한도윤"]})
    outcome = plan_weeks([first, second], Constraints(), 5)
    assert outcome.found == 2 and [o.sections[0].section for o in outcome.options] == ["01", "03"]
    preferred = plan_weeks([[first[0], taught, first[2]], second], Constraints(professors=("한도윤",)), 5)
    assert preferred.options[0].sections[0] == taught and preferred.options[0].preferred == 1


def test_the_search_is_bounded_whatever_the_courses() -> None:
    """Ten courses of 40 sections each at 40 distinct times: far too many weeks to count; the search stays within
    its step budget, says the count is not every week (or that it stopped early), and returns the best weeks
    quickly."""
    courses = [
        [_section(f"C{c:02d}", n, "월화수목금"[n % 5], 480 + 60 * (n // 5 % 8) + c) for n in range(40)]
        for c in range(10)
    ]
    started = time.perf_counter()
    outcome = plan_weeks(courses, Constraints(), 3)
    assert time.perf_counter() - started < 5.0
    assert 0 < outcome.found <= MAX_STEPS and not outcome.exact_count and len(outcome.options) == 3
    for option in outcome.options:
        assert not any(_overlap(a, b) for a, b in itertools.combinations(option.sections, 2))


def test_weeks_that_cannot_place_a_section_come_after_those_that_can() -> None:
    """A section without meeting times fits anywhere, but a week built on it says nothing of when that class
    meets: a timed section of the same course ranks first."""
    untimed = CourseSection(term="t", code="A", section="01", name="A", credits=3)
    timed = _section("A", 2, "화", 600)
    other = [_section("B", 1, "월", 540)]
    outcome = plan_weeks([[untimed, timed], other], Constraints(), 2)
    assert [o.sections[0].section for o in outcome.options] == ["02", "01"]


def test_the_best_week_is_the_brute_force_optimum() -> None:
    """Branch and bound cuts weeks, never the best: on random courses the first option's score equals the
    best score over every combination, for every ranking."""
    import random

    from agent.planner.search import PREFERENCES, week_rank

    rng = random.Random(3)
    for trial in range(12):
        courses = [[_section(f"C{c}", n, "월화수목금"[rng.randrange(5)], 540 + 30 * rng.randrange(14))
                    for n in range(rng.randrange(2, 6))] for c in range(4)]
        for prefer in PREFERENCES:
            limits = Constraints(prefer=prefer, max_days=rng.choice([None, 3]))
            weeks = [w for w in _weeks(courses) if limits.max_days is None or len(_days(w)) <= limits.max_days]
            outcome = plan_weeks(courses, limits, 3)
            if not weeks:
                assert not outcome.options
                continue
            assert week_rank(outcome.options[0].sections, limits) == min(week_rank(w, limits) for w in weeks)


@pytest.mark.parametrize(
    ("args", "holds"),
    [
        ({"min_credits": 9}, lambda week: sum(s.credits or 0 for s in week) >= 9),
        ({"max_gap": 60}, lambda week: _longest(week) <= 60),
    ],
)
def test_a_credit_floor_and_the_longest_gap_hold_for_every_week(sample_ctx, three_courses, args, holds) -> None:
    """Week-wide constraints: every week returned keeps them, and the best is the brute-force best of those
    that do."""
    from agent.planner.search import week_rank

    message = run_tool(sample_ctx, "plan_timetable", courses=THREE, **args)
    weeks = message.artifact["timetables"]
    expected = [w for w in _weeks(three_courses) if holds(w)]
    assert weeks and all(holds(w.sections) for w in weeks)
    limits = Constraints(**args)
    assert week_rank(weeks[0].sections, limits) == min(week_rank(w, limits) for w in expected)


def _longest(week) -> int:
    longest = 0
    for day in {slot.day for s in week for slot in s.slots}:
        meetings = sorted((slot.start, slot.end) for s in week for slot in s.slots if slot.day == day)
        longest = max([longest] + [b[0] - a[1] for a, b in itertools.pairwise(meetings)])
    return longest


def test_english_taught_sections_are_preferred(sample_ctx, sample_sections) -> None:
    english = [s for s in sample_sections if s.english and s.slots]
    course = english[0].name
    others = [s for s in sample_sections if s.name == course]
    assert len(others) > 1  # a course with English and Korean sections: the preference decides
    message = run_tool(sample_ctx, "plan_timetable", courses=[english[0].code, "회계원리"], english=True)
    first = message.artifact["timetables"][0]
    assert first.sections[0].english


@pytest.mark.parametrize(("args", "named"), [({"min_credits": 50}, "min_credits"), ({"max_gap": -5}, "max_gap"),
                                              ({"min_credits": 12, "max_credits": 9}, "min_credits")])
def test_bad_floors_and_gaps_are_named(sample_ctx, args, named) -> None:
    message = run_tool(sample_ctx, "plan_timetable", courses=THREE, **args)
    assert message.status == "error" and named in message.content


def test_nice_to_have_courses_fill_up_to_the_cap_exactly() -> None:
    """Nice-to-have courses are taken when they fit, most credits first within the cap: the best week scores
    the optimum over every subset of them and every section, by brute force."""
    import random

    from agent.planner.search import week_rank

    rng = random.Random(5)
    for trial in range(10):
        make = lambda name, n: [_section(name, k, "월화수목금"[rng.randrange(5)], 540 + 30 * rng.randrange(12))  # noqa: E731
                                for k in range(n)]
        required = [make(f"R{c}", rng.randrange(1, 4)) for c in range(2)]
        wished = [make(f"W{c}", rng.randrange(1, 4)) for c in range(3)]
        limits = Constraints(max_credits=rng.choice([9.0, 12.0]))
        optional_ids = {s.id for c in wished for s in c}
        weeks = [tuple(s for s in w if s is not None)
                 for w in itertools.product(*required, *[[*c, None] for c in wished])]
        weeks = [w for w in weeks if not any(_overlap(a, b) for a, b in itertools.combinations(w, 2))
                 and sum(s.credits for s in w) <= limits.max_credits]
        outcome = plan_weeks(required, limits, 3, wished)
        assert bool(weeks) == bool(outcome.options)
        if weeks:
            best = min(week_rank(w, limits, optional_ids) for w in weeks)
            assert week_rank(outcome.options[0].sections, limits, optional_ids) == best
            assert sum(s.credits for s in outcome.options[0].sections) <= limits.max_credits


def test_the_tool_takes_nice_to_have_courses(sample_ctx, three_courses) -> None:
    message = run_tool(sample_ctx, "plan_timetable", courses=THREE[:2], optional=["회계원리"], max_credits=9)
    data = payload(message)
    assert data["optional"][0]["name"] == "회계원리"
    first = message.artifact["timetables"][0]
    assert [s.name for s in first.sections] == THREE  # it fits in 9 credits, so it is taken
    capped = run_tool(sample_ctx, "plan_timetable", courses=THREE[:2], optional=["회계원리"], max_credits=6)
    assert [s.name for s in capped.artifact["timetables"][0].sections] == THREE[:2]  # no room: left out
