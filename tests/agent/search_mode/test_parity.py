"""Both answer languages state the same facts: every lead and note of an `AnswerPlan`, built from the sample
catalog's sections, rendered in Korean and in English, must name the same courses (code, catalog name),
professors, times, rooms and counts. A lead one renderer words and the other lacks fails here, and so
does a new lead kind without a case below."""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path

import pytest

from agent.catalog.loader import load_catalog
from agent.catalog.models import CourseSection, hhmm
from agent.index.base import SearchFilters
from agent.search_mode import answer_plan as ap
from agent.search_mode.conditions import DAY_EN
from agent.search_mode.intent import Language
from agent.search_mode.messages import _flatten, messages
from agent.search_mode.render import render
from agent.search_mode.sections import (
    grading_remarks,
    meetings,
    prerequisite_remarks,
    recommended_year,
    restriction_lines,
    rooms,
)
from agent.timetable import NoWeek, WeekNote, week_notes, week_of
from agent.planner.eligibility import ExcludedCourse
from tests.support.message_keys import keys_said

REASONS = ("restricted", "level", "year", "parity")  # every reason a section is left out, said once each

SAMPLE_CATALOG = Path(__file__).resolve().parents[3] / "data" / "sample-catalog.csv"


MONDAY_AFTERNOON = SearchFilters(days=["월"], start_after=720)
TUESDAY_ENGLISH = SearchFilters(days=["화"], english=True, end_before=1080)
OLD = "윤서진"  # a professor of another term
DEPARTMENT = SearchFilters(departments=["컴퓨터공학과"], professors=["한도윤"], credits=3, year=2, exclude_days=["금"])


def _by(sections: list[CourseSection], code: str, section: str = "") -> list[CourseSection]:
    return [s for s in sections if s.code == code and (not section or s.section == section)]


def _cases(sections: list[CourseSection]) -> dict[str, ap.AnswerPlan]:
    ds = _by(sections, "CSE2010")  # 자료구조: four sections, one English-taught, different professors
    ai = _by(sections, "CSE3050")  # 인공지능: two sections
    graduate = [s for s in sections if s.graduate]  # 딥러닝특론 (석사), 인공지능특론 (석박) ...
    plans = _course_cases(ds) | _list_cases(ds, ai) | _reading_cases(ds) | _term_cases(ds, ai)
    plans |= _timetable_cases(ds, _by(sections, "CSE3010"), _by(sections, "BUS1010"))
    plans["graduate-sections"] = _one(ap.CourseList(None, len(graduate), len(graduate)), graduate)
    plans["graduate-section-fact"] = _one(ap.SectionFact(graduate[0], "professor"))
    plans |= {kind: _one(ap.Reply(kind)) for kind in typing.get_args(ap.ReplyKind)}
    plans |= {
        "tool-failed": _one(ap.ToolFailed(("과목번호 'CSE9999'인 강좌가 없습니다.",))),
        "tool-failed-silently": _one(ap.ToolFailed(())),
        "no-match-nothing": _one(ap.NoMatch("unclear")),
        "no-match-unclear": _one(ap.NoMatch("unclear", alternatives=True), ds[:3]),
        "no-match-relaxed": _one(
            ap.NoMatch("conditions", relaxed=("요일(월)", "시간(21:00 이후 시작)"), alternatives=True), ds[:3]
        ),
        "no-match-unlinked": _one(ap.NoMatch("unlinked_name", name="우주요리학", alternatives=True), ai),
        "no-match-unlinked-alone": _one(ap.NoMatch("unlinked_name", name="우주요리학")),
    }
    bare = ds[0].model_copy(update={"professors": [], "credits": None, "year": None, "slots": []})
    for topic in typing.get_args(ap.SectionTopic):
        plans[f"section-{topic}"] = _one(ap.SectionFact(ds[0], topic))
        plans[f"section-{topic}-missing"] = _one(ap.SectionFact(bare, topic))
    return plans


def _course_cases(ds: list[CourseSection]) -> dict[str, ap.AnswerPlan]:
    one = ds[0]
    mixed_years = (ds[0], ds[1].model_copy(update={"year": "3학년"}), ds[2].model_copy(update={"year": None}))
    professors = tuple(p for s in ds for p in s.professors)
    plans = {
        "course-professors-one": _one(ap.CourseValue(one, 3, "professors", ("한도윤",)), ds[:3]),
        "course-professors-many": _one(ap.CourseValue(one, 4, "professors", professors), ds),
        "course-credits": _one(ap.CourseValue(one, 4, "credits", ("3",)), ds),
        "course-year": _one(ap.CourseValue(one, 4, "year", (recommended_year(one) or "",)), ds),
        "course-years": _one(ap.CourseBySection("years", one, mixed_years), ds),
        "course-english-some": _one(ap.CourseBySection("english", one, tuple(s for s in ds if s.english)),
                                    ds),
        "course-sections": _one(ap.CourseSections(one, 4), ds),
        "course-sections-conditions": _one(ap.CourseSections(one, 2, MONDAY_AFTERNOON), ds[:2]),
        "course-sections-one": _one(ap.CourseSections(one, 1, TUESDAY_ENGLISH), ds[:1]),
        "course-sections-none": _one(ap.CourseSections(one, 0, TUESDAY_ENGLISH), ds),
        "course-rooms-one": _one(ap.CourseValue(one, 2, "rooms", tuple(rooms(one))), ds[:2]),
        "course-time": _one(ap.CourseValue(one, 2, "time", ()),
                            [one, one.model_copy(update={"code": "SWE2001"})]),
        "course-rooms-many": _one(ap.CourseValue(one, 4, "rooms", tuple(r for s in ds for r in rooms(s))),
                                  ds),
    }
    for topic in ("details", "per_section", "overview", "english", "times"):  # "english" alone: none is
        plans[f"course-{topic}-alone"] = _one(ap.CourseBySection(topic, one), ds)
    return plans | _catalog_cases(ds)


def _catalog_cases(ds: list[CourseSection]) -> dict[str, ap.AnswerPlan]:
    """Seats, exams, prerequisites, restrictions and delivery: held (values by section) and not held."""
    exam = ds[0].model_copy(update={"exam": "04.23(수)19:30~20:30[K302,K301]"})
    ruled = ds[1].model_copy(update={"target": "컴퓨터공학과 2학년", "restricted_to_target": True,
                                     "restrictions": "타과생 수강 불가"})
    deliveries = ("대면", "혼합", "녹화", "원격")
    modes = [s.model_copy(update={"delivery": mode}) for s, mode in zip(ds, deliveries, strict=True)]
    seats = [ds[0].model_copy(update={"enrolled": 34})] + ds[1:]
    graded = [ds[0].model_copy(update={"notes": "CU공유대학, 절대평가, 2-4학년 대상"}),
              ds[1].model_copy(update={"notes": "성적평가:S/U / 대체과목"}), ds[2]]
    held = {"seats": seats, "exam": [exam, ds[2]], "prerequisite": ds[:2], "restrictions": [ruled, ds[0]],
            "delivery": modes, "grading": graded}
    plans = {f"catalog-{topic}": _one(ap.CatalogFact(topic, ds[0], tuple(sections), True), sections)
             for topic, sections in held.items()}
    head_count = [s.model_copy(update={"seats_left": None, "capacity": None, "enrolled": n})
                  for s, n in zip(ds[:2], (57, 0), strict=True)]  # Sogang: a head count, no seats
    plans["catalog-enrolled"] = _one(ap.CatalogFact("seats", ds[0], tuple(head_count), True), head_count)
    plans |= {f"not-held-{topic}": _one(ap.NotHeld(topic)) for topic in typing.get_args(ap.NotHeldTopic)}
    return plans | _eligibility_cases(ds)


def _eligibility_cases(ds: list[CourseSection]) -> dict[str, ap.AnswerPlan]:
    """May a student of a department take it: every verdict (and its first-major and group forms), one for
    the whole course, and verdicts that differ by section."""
    verdicts = {
        "excluded": ap.Verdict("excluded", "컴퓨터공학과(불가능)"),
        "excluded-first-major": ap.Verdict("excluded", "인공지능학과(1전공 불가능)", first_major=True),
        "allowed": ap.Verdict("allowed", "2학년 컴퓨터 (대상외수강제한)"),
        "allowed-first-major": ap.Verdict("allowed", "컴퓨터공학과(1전공 가능)", first_major=True),
        "others-only": ap.Verdict("others_only", "박사과정생만 수강가능"),
        "others-only-broad": ap.Verdict("others_only", "경영대학(가능)", broad=True),
        "unaffected": ap.Verdict("unaffected", "1학년우선신청"),
        "unaffected-broad": ap.Verdict("unaffected", "공과대학 수강불가", broad=True),
        "no-rule": ap.Verdict("no_rule"),
    }
    plans = {f"eligibility-{name}": _one(ap.Eligibility(ds[0], "컴퓨터공학과", ((v, tuple(ds[:2])),)), ds[:2])
             for name, v in verdicts.items()}
    by_section = ((verdicts["excluded"], (ds[0],)), (verdicts["unaffected"], (ds[1], ds[2])))
    plans["eligibility-by-section"] = _one(ap.Eligibility(ds[0], "경영학과", by_section), ds[:3])
    bare = [s.model_copy(update={"seats_left": None, "capacity": None, "delivery": None, "notes": None,
                                 "description": None}) for s in ds[:2]]
    plans |= {f"catalog-{topic}-not-held": _one(ap.CatalogFact(topic, ds[0], tuple(bare), False), bare)
              for topic in typing.get_args(ap.CatalogTopic)}
    return plans


def _list_cases(ds: list[CourseSection], ai: list[CourseSection]) -> dict[str, ap.AnswerPlan]:
    one, pair = ds[0], [ds[0], ai[0]]
    conflict = ap.Conflict("수", "자료구조(CSE2010 01분반)", "09:00-10:15", "인공지능(CSE3050 01분반)", "09:30-10:45")
    details = ap.CourseBySection("details", one)
    return {
        "professor-courses-one": _one(ap.ProfessorCourses("한도윤", (one,), 1), [one]),
        "professor-courses-many": _one(ap.ProfessorCourses("Daniel Whitford", (ds[3], ai[1]), 2),
                                       [ds[3], ai[1]]),
        "professor-courses-none": _one(ap.ProfessorCourses(OLD, (), 0)),
        "professor-courses-none-term": _one(ap.ProfessorCourses(OLD, (), 0, "2024-2")),
        "professor-courses-one-term": _one(ap.ProfessorCourses("한도윤", (one,), 1, "2024-2"), [one]),
        "professor-courses-many-term": _one(
            ap.ProfessorCourses("Daniel Whitford", (ds[3], ai[1]), 2, "2024-2"), [ds[3], ai[1]]),
        "course-list": _one(ap.CourseList(DEPARTMENT, 2, 7), ds[:2] + ai[:1]),
        "course-list-unscoped": _one(ap.CourseList(None, 3, 3), pair),
        "course-list-unscoped-courses": _one(ap.CourseList(None, 2, 5), pair),
        "course-list-one": _one(ap.CourseList(None, 1, 1), [one]),
        "course-list-scoped-one": _one(ap.CourseList(MONDAY_AFTERNOON, 1, 1), [one]),
        "course-list-scoped": _one(ap.CourseList(MONDAY_AFTERNOON, 2, 2), pair),
        "related-courses": _one(ap.RelatedCourses(), pair),
        "timetable-fits": _one(ap.TimetableCheck((), several_sections=True), pair,
                               notes=(ap.TotalCredits(6.0),)),
        "timetable-conflicts": _one(ap.TimetableCheck((conflict,), several_sections=True), pair,
                                    notes=(ap.TotalCredits(3.0, some_missing=True),)),
        "notes": _one(details, ds[:2], notes=(ap.AlsoCourses((ai[0],)), ap.TotalCredits(3.0))),
        "totals-first-page": _one(ap.CourseList(DEPARTMENT, 20, 49), ds[:2],
                                  notes=(ap.Totals(49, 20, 0, 12, 12),)),
        "totals-middle-page": _one(ap.CourseList(None, 20, 49), ds[:2],
                                   notes=(ap.Totals(49, 20, 12, 12, 24),)),
        "totals-last-page-of-a-course": _one(ap.CourseSections(one, 16), ds[:2],
                                             notes=(ap.Totals(16, 1, 12, 4, None),)),
        "totals-last-one": _one(ap.CourseSections(one, 13), ds[:1], notes=(ap.Totals(13, 1, 12, 1, None),)),
        "related-after-a-set": ap.AnswerPlan(
            (ap.Block(ap.CourseList(None, 1, 2), (ds[0],)),
             ap.Block(ap.RelatedCourses(after_set=True), (ai[0],)))
        ),
        "related-instead-of-a-course-the-term-lacks": ap.AnswerPlan(
            (ap.Block(ap.CourseList(None, 1, 1), (ds[0],)),
             ap.Block(ap.RelatedCourses(after_set=True, instead=True), (ai[0],)))
        ),
        "related": ap.AnswerPlan((ap.Block(ap.SectionFact(one, "professor"), (one, ai[0]), related=True),)),
        "failures-first": dataclasses.replace(_one(details, [one]), failures=("과목번호 'XYZ1234'인 강좌가 없습니다.",)),
        "two-blocks": ap.AnswerPlan(
            (ap.Block(details, (one,)), ap.Block(ap.CourseBySection("details", ai[0]), (ai[0],)))
        ),
    }


def _reading_cases(ds: list[CourseSection]) -> dict[str, ap.AnswerPlan]:
    """Every way an ambiguous follow-up can have been read, said before an answer about `ds`."""
    answer = _one(ap.CourseBySection("details", ds[0]), ds[:1])
    readings = {
        "first-course": ap.Reading("first_course", "자료구조"),
        "first-professor": ap.Reading("first_professor", "Daniel Whitford"),
        "within-course": ap.Reading("within", "자료구조"),
        "within-list": ap.Reading("within"),
        "everywhere": ap.Reading("everywhere", "자료구조"),
        "kept-conditions": ap.Reading("kept_conditions", conditions=MONDAY_AFTERNOON),
    }
    return {f"reading-{name}": dataclasses.replace(answer, reading=r) for name, r in readings.items()}


def _term_cases(ds: list[CourseSection], ai: list[CourseSection]) -> dict[str, ap.AnswerPlan]:
    """Answers across terms, and the sentences about the term (and class periods) said before an answer."""
    held = ("2023-1", "2023-여름", "2023-2", "2024-1", "2024-2", "2025-1")
    details = _one(ap.CourseBySection("details", ds[0]), ds[:1])
    course_groups = (ap.TermGroup("2023-2", 1, 1, (ds[0].name,), ("한도윤",)),
                     ap.TermGroup("2025-1", 4, 1, (ds[0].name,), tuple(p for s in ds for p in s.professors)))
    list_groups = (ap.TermGroup("2024-1", 3, 2, (ds[0].name, ai[0].name), ("한도윤",)),
                   ap.TermGroup("2025-1", 9, 7, (ds[0].name, ai[0].name), ("한도윤",)))
    statements = {
        "term-other": ap.TermStatement(("2024-1",)),
        "term-several": ap.TermStatement(held[:3]),
        "term-missing": ap.TermStatement(("2025-1",), asked="2022-1", held=held),
        "term-missing-year": ap.TermStatement(("2025-1",), asked="2021", held=held),
        "term-missing-range": ap.TermStatement(("2025-1",), asked="2021-1~2022-2", held=held),
        "term-missing-later": ap.TermStatement(("2025-1",), asked="2025-2", later=True, held=held),
        "term-missing-alone": ap.TermStatement(("2024-2",), asked="2019-1", held=held, alone=True),
        "term-missing-later-alone": ap.TermStatement(("2025-1",), asked="2025-2", later=True, held=held, alone=True),
        "term-only": ap.TermStatement(("2026-1",), only=True),
    }
    plans = {name: dataclasses.replace(details, term=statement) for name, statement in statements.items()}
    return plans | _history_cases(ds, ai, held, course_groups, list_groups) | {
        "across-terms-course": _one(ap.AcrossTerms(course_groups, held=len(held), course=ds[0])),
        "across-terms-course-not-now": _one(ap.AcrossTerms(course_groups, held=len(held), course=ds[0],
                                                           not_now="2025-1")),
        "across-terms-course-times": _one(ap.AcrossTerms(
            course_groups, held=len(held), course=ds[0], schedules=tuple((g.term, tuple(ds[:1])) for g in course_groups))),
        "across-terms-courses": _one(ap.AcrossTerms(list_groups, held=len(held))),
        "across-terms-course-within": _one(ap.AcrossTerms(course_groups, held=2, course=ds[0],
                                                          searched=tuple(held[:2]))),
        "across-terms-courses-within": _one(ap.AcrossTerms(list_groups, held=2, searched=tuple(held[:2]))),
        "periods-assumed": dataclasses.replace(details, periods=((1, 540), (3, 660))),
    }


def _timetable_cases(ds: list[CourseSection], os_: list[CourseSection],
                     accounting: list[CourseSection]) -> dict[str, ap.AnswerPlan]:
    """Planned weeks (every note kind, with and without credits) and every reason none exists."""
    courses = (ds[0], os_[0], accounting[0])
    week = (ds[1], os_[2], accounting[0])  # 화목 10:30, 월목 13:30, 화목 09:00: no overlaps
    untimed = ds[2].model_copy(update={"slots": [], "credits": None})
    asked = ap.PlanLimits(SearchFilters(exclude_days=["금"], start_after=540, professors=["남궁현"]), 3, 18.0,
                          12.0, 90, True)
    morning = ap.PlanLimits(SearchFilters(start_before=719))
    friday = ap.PlanLimits(SearchFilters(exclude_days=["금"]))

    def option(number: int, sections: tuple[CourseSection, ...], credits: float | None) -> ap.Block:
        notes = tuple(week_notes(sections, ["남궁현"]))
        return ap.Block(ap.TimetableOption(number, week_of(sections).days, credits, notes), sections)

    def impossible(cause: str, culprits: tuple[CourseSection, ...], limits: ap.PlanLimits, relax: tuple[str, ...] = (),
                   drop: tuple[CourseSection, ...] = (), **flags: bool) -> ap.AnswerPlan:
        why = NoWeek(cause, culprits, relax, drop, **flags)  # type: ignore[arg-type]
        return _one(ap.TimetableImpossible(courses, limits, why), os_)

    return {
        "timetable-plans": ap.AnswerPlan((ap.Block(ap.TimetablePlans(courses, 2, 5, asked, truncated=True)),
                                          option(1, week, 9.0), option(2, week[1:], 6.0))),
        "timetable-plans-ranked": _one(ap.TimetablePlans(courses, 3, 5, ap.PlanLimits())),
        "timetable-plans-all": ap.AnswerPlan((ap.Block(ap.TimetablePlans(courses[:2], 2, 2, ap.PlanLimits())),
                                              option(1, (ds[1], untimed), None), option(2, week[:2], 6.0))),
        "timetable-plans-one": _one(ap.TimetablePlans(courses, 1, 1, friday)),
        "timetable-plans-best": _one(ap.TimetablePlans(courses, 1, 4, friday)),
        "timetable-none-found": _one(ap.TimetablePlans(courses, 0, 0, ap.PlanLimits(), truncated=True)),
        "timetable-best-of-many-with-exclusions": _one(ap.TimetablePlans(
            courses, 3, 40, friday, excluded=(ExcludedCourse(ds[0].name, 2, REASONS, "2학년 컴퓨터 (대상외수강제한)"),),
            exact=False)),
        "timetable-no-section": impossible("no_section", (ds[0],), morning, relax=("start_before",)),
        "timetable-alternative": ap.AnswerPlan((
            impossible("clash", courses[:2], friday, drop=(os_[0],)).blocks[0],
            ap.Block(ap.TimetableOption(1, week_of(week).days, 9.0, tuple(week_notes(week, ["남궁현"])), True), week))),
        "timetable-clash-within-limits": impossible("clash", courses[:2], friday, relax=("exclude_days",),
                                                    within_limits=True),
        "timetable-clash": impossible("clash", courses[:2], ap.PlanLimits(), drop=courses[:2]),
        "timetable-credits": impossible("credits", (), ap.PlanLimits(max_credits=6.0, max_days=2),
                                        relax=("max_days", "max_credits")),
        "timetable-combination": impossible("combination", (), ap.PlanLimits(), drop=courses[2:]),
        "timetable-stuck": impossible("combination", (), asked),
        "timetable-unsure": impossible("combination", (), asked, sure=False),
    }


def _history_cases(ds: list[CourseSection], ai: list[CourseSection], held: tuple[str, ...],
                   course_groups: tuple[ap.TermGroup, ...], list_groups: tuple[ap.TermGroup, ...]
                   ) -> dict[str, ap.AnswerPlan]:
    """A course the term asked about does not offer (said with the terms that had it), each course's
    professors term by term, and a code whose name changed."""
    taught = tuple(
        dataclasses.replace(group, by_course=(ap.CourseTerm(ds[0].name, 2, ("한도윤", "남궁현")),
                                              ap.CourseTerm(ai[0].name, 1, ("Daniel Whitford",))))
        for group in list_groups
    )
    earlier = course_groups[:1]  # 2023-2 only
    renamed = ap.Renamed("CSE2010", (("자료구조론", "2023-1", "2023-2"), ("자료구조", "2024-1", "2025-1")))
    three = ap.Renamed("CSE2010", (("자료구조기초", "2023-1", "2023-1"), ("자료구조론", "2023-2", "2023-2"),
                                   ("자료구조", "2024-1", "2025-1")))
    details = ap.CourseBySection("details", ds[0])
    return {
        "not-offered-now": _one(ap.NotOffered(ds[0], "2025-1", "2025-1", earlier, len(held)), ds[:1]),
        "not-offered-other": _one(ap.NotOffered(ds[0], "2024-1", "2025-1", earlier, len(held)), ds[:1]),
        "not-offered-other-current": _one(ap.NotOffered(ds[0], "2024-1", "2025-1", course_groups, len(held))),
        "not-offered-listed": _one(ap.NotOffered(ds[0], "2025-1", "2025-1", course_groups, len(held), True),
                                   notes=(renamed,)),
        "renamed-twice": _one(details, ds[:1], notes=(three,)),
        "across-terms-teachers": _one(ap.AcrossTerms(taught, held=len(held), teachers=True)),
    }


def _one(lead: ap.Lead, bullets: list[CourseSection] | tuple[CourseSection, ...] = (),
         notes: tuple[ap.Note, ...] = ()) -> ap.AnswerPlan:
    return ap.AnswerPlan((ap.Block(lead, tuple(bullets), notes=notes),))


CASES = _cases(load_catalog(SAMPLE_CATALOG).sections)
Fact = tuple[str, str]  # what the Korean answer must contain, and what the English one must


def _section_facts(section: CourseSection) -> list[Fact]:
    facts = [(section.code, section.code), (section.name, section.name)]
    facts += [("대학원", "graduate")] if section.graduate else []  # graduate sections are marked as such
    return facts + ([(section.section, section.section)] if section.section else [])


def _meeting_facts(section: CourseSection) -> list[Fact]:
    facts: list[Fact] = []
    for meeting in meetings(section):
        facts += [(hhmm(meeting.start),) * 2, (hhmm(meeting.end),) * 2]  # type: ignore[list-item]
        facts += [(meeting.room, meeting.room)] if meeting.room else []
    return facts


def _bullet_facts(section: CourseSection) -> list[Fact]:
    return _section_facts(section) + [(p, p) for p in section.professors] + _meeting_facts(section)


def _digits(text: str | None) -> list[Fact]:
    return [(d, d) for d in re.findall(r"\d+", text or "")]


def _filter_facts(filters: SearchFilters) -> list[Fact]:
    facts: list[Fact] = [(d, DAY_EN[d]) for d in filters.days + filters.exclude_days]
    # "12:00 전" is start_before=719 (inclusive).
    before = None if filters.start_before is None else filters.start_before + 1
    times = (filters.start_after, before, filters.end_before)
    facts += [(hhmm(t), hhmm(t)) for t in times if t is not None]
    facts += [(n, n) for n in filters.departments + filters.professors]
    facts += [(f"{filters.credits:g}",) * 2] if filters.credits is not None else []  # type: ignore[list-item]
    facts += _digits(str(filters.year) if filters.year is not None else None)
    return facts + ([("영어강의", "English-taught")] if filters.english else [])


_TOPIC_FACTS = {
    "professor": lambda s: [(p, p) for p in s.professors],
    "credits": lambda s: [(f"{s.credits:g}",) * 2] if s.credits is not None else [],
    "year": lambda s: _digits(s.year),
    "room": lambda s: [(r, r) for r in rooms(s)] + _meeting_facts(s),
    "time": _meeting_facts,
    "timetable": _meeting_facts,
}


def _totals_facts(note: ap.Totals) -> list[Fact]:
    """A set's true size, which of its sections are shown (1-based) and where "더 보기" goes on."""
    facts: list[Fact] = [(str(note.sections),) * 2]  # type: ignore[list-item]
    facts += [(str(note.courses),) * 2] if note.courses > 1 else []  # type: ignore[list-item]
    last = note.start + note.shown
    shown = [note.shown] if note.start == 0 else sorted({note.start + 1, last})
    facts += [(str(n), str(n)) for n in shown]
    if note.next_offset is not None:
        rest, resume = str(note.sections - note.next_offset), str(note.next_offset + 1)
        facts += [(rest, rest), (resume, resume)]
        facts.append(("더 보기", "more"))
    return facts


_DELIVERY: dict[str, Fact] = {"대면": ("대면", "in person"), "혼합": ("혼합", "in person plus online"),
                              "녹화": ("녹화", "recorded"), "원격": ("원격", "online")}


_NOT_HELD_FACTS: dict[str, list[Fact]] = {
    "contact": [("이메일", "email"), ("연구실", "office")], "grades": [("성적 분포", "grade distributions")],
    "attendance": [("출석", "attendance")], "grading": [("성적 평가", "graded")], "textbook": [("교재", "textbooks")],
    "workload": [("과제 양", "workload")], "community": [("족보", "past exams")],
}


def _not_held_facts(lead: ap.NotHeld) -> list[Fact]:
    """That the catalog does not hold it, what it is, and what the catalog does hold."""
    return [("수강편람에 그 정보는 없어요", "couldn't find that in the catalog"), ("강의실", "rooms")] + _NOT_HELD_FACTS[
        lead.about]


_VERDICT_FACTS: dict[str, Fact] = {
    "excluded": ("수강할 수 없어요", "may not take"), "allowed": ("수강할 수 있어요", "may take"),
    "others_only": ("적힌 학생만", "only the students it names"), "unaffected": ("막지 않아요", "does not rule out"),
    "no_rule": ("적혀 있지 않아요", "states no registration rule"),
}


def _eligibility_facts(lead: ap.Eligibility) -> list[Fact]:
    """The course, the student's department, each rule as written and what it means; the sections of each
    verdict when they differ."""
    facts: list[Fact] = [(lead.course.name, lead.course.name), (lead.department, lead.department)]
    for verdict, sections in lead.verdicts:
        facts += [(verdict.rule, verdict.rule)] if verdict.rule else []
        facts += [("1전공", "first major")] if verdict.first_major else []
        facts.append(("속하", "belongs") if verdict.broad else _VERDICT_FACTS[verdict.kind])
        facts += [(s.section, s.section) for s in sections] if len(lead.verdicts) > 1 else []
    return facts


def _catalog_facts(lead: ap.CatalogFact) -> list[Fact]:
    """What the catalog says, section by section (its numbers, dates and remarks), or that it says nothing."""
    if not lead.held:
        not_held = ("수강편람에 그 정보는 없어요", "couldn't find that in the catalog")
        return [(lead.course.name, lead.course.name), not_held]
    facts: list[Fact] = [(lead.course.name, lead.course.name)]
    for s in lead.sections:
        facts += [(s.section, s.section)]
        seats = (s.seats_left, s.capacity, s.enrolled) if lead.about == "seats" else ()
        facts += [(str(n), str(n)) for n in seats if n is not None and (n or s.seats_left is None)]
        facts += [(r, r) for r in grading_remarks(s)] if lead.about == "grading" else []
        facts += [_DELIVERY[s.delivery]] if lead.about == "delivery" and s.delivery else []
        exam = [("04.23", "04.23"), ("19:30", "19:30"), ("K302", "K302")]
        facts += exam if s.exam and lead.about == "exam" else []
        facts += [(r, r) for r in prerequisite_remarks(s)] if lead.about == "prerequisite" else []
        if lead.about == "restrictions":
            facts += [(line, line) for line in restriction_lines(s)]
            facts += [(s.target, s.target)] if s.restricted_to_target and s.target else []
    return facts


def _limit_facts(limits: ap.PlanLimits, only: tuple[str, ...] | None = None) -> list[Fact]:
    """A plan's limits (those of `only`, when given): its conditions, days a week and credit cap."""
    facts: list[Fact] = []
    if limits.conditions is not None:
        kept = limits.conditions if only is None else SearchFilters.model_validate(
            {name: getattr(limits.conditions, name) for name in only if hasattr(limits.conditions, name)})
        facts += _filter_facts(kept)
    if limits.max_days is not None and (only is None or "max_days" in only):
        facts.append((str(limits.max_days), str(limits.max_days)))
    if limits.max_credits is not None and (only is None or "max_credits" in only):
        facts.append((f"{limits.max_credits:g}", f"{limits.max_credits:g}"))
    if limits.min_credits is not None and (only is None or "min_credits" in only):
        facts.append((f"{limits.min_credits:g}", f"{limits.min_credits:g}"))
    if limits.max_gap is not None and (only is None or "max_gap" in only):
        facts.append((str(limits.max_gap), str(limits.max_gap)))
    return facts


def _week_note_facts(note: WeekNote) -> list[Fact]:
    """A week's note: its days (English writes them out: "Fri" is in "Fridays"), time, count and names."""
    facts: list[Fact] = [(d, DAY_EN[d]) for d in note.days] + [(n, n) for n in note.names]
    facts += [(note.time, note.time)] if note.time else []
    if note.kind == "gaps" and note.count:
        hours, minutes = divmod(note.count, 60)
        facts += [(str(n), str(n)) for n in (hours, minutes) if n]
    elif note.count is not None and note.kind != "gaps":
        facts.append((str(note.count), str(note.count)))
    return facts


def _timetable_facts(lead: object) -> list[Fact]:
    """The courses of a plan, its counts and limits; a week's number, credits and notes; why no week exists."""
    if isinstance(lead, ap.TimetableOption):
        facts: list[Fact] = [(str(lead.number), str(lead.number))]
        facts += [(f"{lead.credits:g}",) * 2] if lead.credits is not None else []  # type: ignore[list-item]
        return facts + [f for note in lead.notes for f in _week_note_facts(note)]
    facts = [(s.name, s.name) for s in lead.courses]  # type: ignore[attr-defined]
    if isinstance(lead, ap.TimetablePlans):
        counts = (lead.count, lead.found) if lead.found > lead.count and lead.exact else (lead.count,)
        return facts + ([(str(n), str(n)) for n in counts] + _limit_facts(lead.limits) if lead.count else [])
    assert isinstance(lead, ap.TimetableImpossible)
    why = lead.why
    facts += [(s.name, s.name) for s in why.courses + why.drop]
    facts += _limit_facts(lead.limits, why.relax) if why.relax else []
    return facts + ([(f"{lead.limits.max_credits:g}",) * 2] if why.kind == "credits" else [])  # type: ignore[list-item]


def _not_offered_facts(lead: ap.NotOffered) -> list[Fact]:
    """The course, the term asked, the newest term that had it and its professors; every term when listed."""
    newest = lead.groups[-1]
    facts: list[Fact] = [(lead.course.name, lead.course.name), (lead.asked, lead.asked)]
    facts.append((newest.term, newest.term))
    facts += [(p, p) for p in newest.professors]
    if lead.listed:
        facts += [(str(lead.held),) * 2, (str(len(lead.groups)),) * 2]  # type: ignore[list-item]
        facts += [fact for group in lead.groups for fact in _term_group_facts(lead, group)]
    return facts


def _renamed_facts(note: ap.Renamed) -> list[Fact]:
    """The code, every name it had, the last term of each earlier name and the first of the newest."""
    facts: list[Fact] = [(note.code, note.code)] + [(name, name) for name, _first, _last in note.names]
    facts += [(last, last) for _name, _first, last in note.names[:-1]]
    return facts + [(note.names[-1][1], note.names[-1][1])]


def _lead_facts(lead: object) -> list[Fact]:
    """The facts a lead holds: its sections, names, professors, counts, values, conditions and times."""
    if isinstance(lead, ap.Totals):
        return _totals_facts(lead)
    if isinstance(lead, (ap.TimetablePlans, ap.TimetableOption, ap.TimetableImpossible)):
        return _timetable_facts(lead)
    if isinstance(lead, ap.CatalogFact):
        return _catalog_facts(lead)
    if isinstance(lead, ap.NotHeld):
        return _not_held_facts(lead)
    if isinstance(lead, ap.Eligibility):
        return _eligibility_facts(lead)
    if isinstance(lead, ap.NotOffered):
        return _not_offered_facts(lead)
    if isinstance(lead, ap.Renamed):
        return _renamed_facts(lead)
    facts: list[Fact] = []
    for field in dataclasses.fields(lead):  # type: ignore[arg-type]
        value = getattr(lead, field.name)
        if field.name == "section":
            facts += _section_facts(value)
        elif field.name == "schedules":  # each term's sections: their times and rooms
            facts += [fact for _term, sections in value for s in sections for fact in _meeting_facts(s)]
        elif field.name == "course":
            facts += [(value.name, value.name)] if value is not None else []
        elif isinstance(value, SearchFilters):
            facts += _filter_facts(value)
        elif isinstance(value, bool) or field.name in ("about", "kind", "cause"):
            continue
        elif isinstance(value, int):
            facts.append(_count(lead, value))
        elif isinstance(value, float):
            facts.append((f"{value:g}", f"{value:g}"))
        elif field.name == "year" or field.name == "day":
            facts += _digits(value) if field.name == "year" else [(value, DAY_EN[value])]
        elif isinstance(value, str):
            facts.append((value, value))
        elif isinstance(value, tuple):
            facts += _tuple_facts(lead, value)
    if isinstance(lead, ap.SectionFact):
        facts += _TOPIC_FACTS.get(lead.about, lambda s: [])(lead.section)
    if isinstance(lead, ap.CourseValue) and lead.about == "time":  # the one time all its sections meet
        facts += _meeting_facts(lead.course)
    return facts


def _count(lead: object, value: int) -> Fact:
    """A count in both languages; a course's sections meeting the conditions are said in words for 0 and 1."""
    if isinstance(lead, ap.CourseSections) and lead.conditions is not None and value < 2:
        return ("없어요", "couldn't find") if value == 0 else ("하나", "1 section")
    if isinstance(lead, ap.ProfessorCourses) and value == 0:
        return "없어요", "couldn't find a course"
    return str(value), str(value)


def _tuple_facts(lead: object, items: tuple) -> list[Fact]:
    facts: list[Fact] = []
    for item in items:
        if isinstance(item, CourseSection):
            facts += _listed_section_facts(lead, item)
        elif isinstance(item, ap.TermGroup):
            facts += _term_group_facts(lead, item)
        elif dataclasses.is_dataclass(item):
            facts += _lead_facts(item)
        elif isinstance(lead, ap.CourseValue) and lead.about == "year":
            facts += _digits(str(item))  # "2학년" reads "year 2"
        else:
            facts.append((str(item), str(item)))
    return facts


def _term_group_facts(lead: object, group: ap.TermGroup) -> list[Fact]:
    """One term of an answer across terms: the term and its sections; for one course its professors, else
    its course names and their number."""
    facts: list[Fact] = [(group.term, group.term), (str(group.sections), str(group.sections))]
    if isinstance(lead, ap.NotOffered) or (isinstance(lead, ap.AcrossTerms) and lead.course is not None):
        return facts + [(p, p) for p in group.professors]
    if isinstance(lead, ap.AcrossTerms) and lead.teachers:  # each course with its professors
        for course in group.by_course:
            facts += [(course.name, course.name)] + [(p, p) for p in course.professors]
    return facts + [(n, n) for n in group.courses] + [(str(group.course_count), str(group.course_count))]


def _listed_section_facts(lead: object, section: CourseSection) -> list[Fact]:
    """A section a lead names: the course by name, and (when sections are told apart) its number, with its
    professors for English-taught sections and its year for years by section."""
    facts: list[Fact] = [(section.name, section.name)]
    if isinstance(lead, (ap.ProfessorCourses, ap.AlsoCourses)):
        return facts
    facts.append((section.section, section.section))
    if isinstance(lead, ap.CourseBySection) and lead.about == "english":
        facts += [(p, p) for p in section.professors]
    if isinstance(lead, ap.CourseBySection) and lead.about == "years":
        facts += _digits(recommended_year(section))
    return facts


def _checks(plan: ap.AnswerPlan) -> list[tuple[ap.AnswerPlan, list[Fact]]]:
    """Each part of the answer alone (a lead, a note, a bullet), with the facts it must state: a count in
    the lead is not found in a bullet's credits."""
    checks = [(ap.AnswerPlan((), failures=(f,)), [(f, f)]) for f in plan.failures]
    if plan.reading is not None:
        checks.append((ap.AnswerPlan((), reading=plan.reading), _lead_facts(plan.reading)))
    if plan.term is not None:
        checks.append((ap.AnswerPlan((), term=plan.term), _term_facts(plan.term)))
    if plan.periods:
        facts = [(f"{n}", f"{n}") for n, _ in plan.periods] + [(hhmm(start), hhmm(start)) for _, start in plan.periods]
        checks.append((ap.AnswerPlan((), periods=plan.periods), facts))
    for block in plan.blocks:
        checks.append((ap.AnswerPlan((ap.Block(block.lead),)), _lead_facts(block.lead)))
        for section in block.bullets:
            checks.append((ap.AnswerPlan((ap.Block(block.lead, (section,)),)), _bullet_facts(section)))
        for note in block.notes:
            checks.append((ap.AnswerPlan((ap.Block(block.lead, notes=(note,)),)), _lead_facts(note)))
    return checks


def _term_facts(statement: ap.TermStatement) -> list[Fact]:
    """The term(s) an answer is about (the first and last of several, with their number), the term asked
    that the catalog lacks, and the span of terms it holds."""
    used = statement.used
    facts: list[Fact] = [(used[0], used[0]), (used[-1], used[-1])]
    facts += [(str(len(used)), str(len(used)))] if len(used) > 1 else []
    if statement.asked:
        facts += [(end, end) for end in statement.asked.split("~")]  # a range of terms: both ends
        facts += [(statement.held[0], statement.held[0]), (statement.held[-1], statement.held[-1])]
        facts += [("아직", "yet")] if statement.later else []
    return facts


def _part(lang: Language, part: ap.AnswerPlan) -> str:
    """The rendering of `part` less its lead's own lines, when the part is a bullet or a note."""
    text = render(part, lang)
    if part.blocks and (part.blocks[0].bullets or part.blocks[0].notes):
        text = text.removeprefix(render(ap.AnswerPlan((ap.Block(part.blocks[0].lead),)), lang))
    return text


@pytest.mark.parametrize("name", sorted(CASES))
def test_both_languages_state_the_same_facts(name: str) -> None:
    plan = CASES[name]
    assert render(plan, "ko").strip() and render(plan, "en").strip()
    for part, facts in _checks(plan):
        korean, english = _part("ko", part), _part("en", part)
        for in_korean, in_english in facts:
            assert in_korean in korean, f"Korean answer lacks {in_korean!r}:\n{korean}"
            assert in_english in english, f"English answer lacks {in_english!r}:\n{english}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_english_is_worded_in_english(name: str) -> None:
    """Korean in an English answer is the catalog's own (names, rooms) or a tool's message, never wording."""
    plan = CASES[name]
    english = render(plan, "en")
    for quoted in _quoted_korean(plan):
        english = english.replace(quoted, "")
    assert not re.search("교수|분반|학점|요일|강좌|수업|이에요|있어요|없어요", english), english


def _quoted_korean(plan: ap.AnswerPlan) -> list[str]:
    """Text the English answer quotes as it is: tool messages, the retriever's labels, timetable labels."""
    quoted = list(plan.failures)
    for block in plan.blocks:
        lead = block.lead
        quoted += list(getattr(lead, "details", ())) + list(getattr(lead, "relaxed", ()))
        if isinstance(lead, ap.Eligibility):  # the department and its rules are the catalog's words
            quoted += [lead.department] + [v.rule for v, _sections in lead.verdicts if v.rule]
        if isinstance(lead, ap.CatalogFact):  # remarks, 수강대상 and exam dates are quoted as written
            for s in lead.sections:
                quoted += prerequisite_remarks(s) + restriction_lines(s) + grading_remarks(s)
                quoted += [s.target or "", s.exam or ""]
                exam = s.exam_time()
                quoted += [exam.label()] if exam else []
        quoted += [group.rule for group in getattr(lead, "excluded", ())]  # the catalog's rule, as written
        for conflict in getattr(lead, "conflicts", ()):
            quoted += [conflict.a, conflict.b]
    return quoted


def test_every_lead_and_note_kind_has_a_case() -> None:
    used = {type(block.lead) for plan in CASES.values() for block in plan.blocks}
    used |= {type(note) for plan in CASES.values() for block in plan.blocks for note in block.notes}
    kinds = set(typing.get_args(ap.Lead)) | set(typing.get_args(ap.Note))
    assert kinds - used == set(), "write a parity case for every lead and note kind"


def test_every_reading_kind_has_a_case() -> None:
    used = {plan.reading.kind for plan in CASES.values() if plan.reading is not None}
    assert set(typing.get_args(ap.ReadingKind)) - used == set(), "write a parity case for every reading"


def test_every_message_is_said_and_has_both_languages() -> None:
    assert keys_said(CASES.values()) == set(messages()), "a message no answer says, or a case missing for one"
    assert all(korean.strip() and english.strip() for korean, english in messages().values())


def test_a_message_without_one_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"\[course\.details\] has no en text"):
        _flatten({"course": {"details": {"ko": "{name} 강좌 정보예요:"}}})
