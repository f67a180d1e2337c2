"""What an answer says, not how: the language-neutral plan that `render_ko` and `render_en` word.

`compose` makes every decision (which sections, which lead, narrowing, the professor branch, a named course
or a list, alternatives) and records it here; a renderer only words it. An answer is a list of `Block`s,
each a `Lead` (the sentence that answers), the sections shown as bullets and closing `Note`s, plus the
sections it cites (the sources the assistant returns).

Every fact in a lead comes from a `CourseSection` a tool returned. Course names are the catalog's (Korean,
with `name_en` beside them); filters are the `SearchFilters` the sections were drawn with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters

Attribute = Literal["professor", "credits", "year", "room", "time"]


# --- leads: replies without tools --------------------------------------------------------------------
@dataclass(frozen=True)
class AskForQuestion:
    """The conversation holds no question yet."""


@dataclass(frozen=True)
class Greeting:
    """A greeting or thanks: say what the assistant does."""


@dataclass(frozen=True)
class Declined:
    """Not answered: a prompt-injection or secret request, or a question the catalog cannot answer."""

    reason: Literal["injection", "off_topic"]


# --- leads: nothing (or nothing exact) found ---------------------------------------------------------
@dataclass(frozen=True)
class ToolFailed:
    """Every tool call failed; `details` are what the tools said ("과목번호 'CSE9999'인 강좌가 없습니다.")."""

    details: tuple[str, ...]


@dataclass(frozen=True)
class NoMatch:
    """No section answers the question. `cause`: "conditions" (linked conditions that together match
    nothing; `relaxed` names those dropped to find the alternatives), "unlinked_name" (`name`, a course-like
    word of the question, links to nothing in the catalog) or "unclear" (nothing exact, reason unknown).
    `alternatives`: the block's bullets are nearby sections, offered only as alternatives."""

    cause: Literal["conditions", "unlinked_name", "unclear"]
    name: str | None = None
    relaxed: tuple[str, ...] = ()
    alternatives: bool = False


# --- leads: attributes -------------------------------------------------------------------------------
@dataclass(frozen=True)
class SectionAttribute:
    """One attribute of one section ("… 01분반은 한도윤 교수님이 가르쳐요."); a missing value is said missing."""

    section: CourseSection
    attribute: Attribute


@dataclass(frozen=True)
class CourseProfessors:
    """Who teaches a course of `count` sections: one professor, or several (named, section by section)."""

    course: CourseSection
    count: int
    professors: tuple[str, ...]


@dataclass(frozen=True)
class CourseCredits:
    """Every one of the `count` sections of a course is worth `credits`."""

    course: CourseSection
    count: int
    credits: float


@dataclass(frozen=True)
class CourseYear:
    """Every one of the `count` sections of a course is recommended for `year` (as the catalog writes it)."""

    course: CourseSection
    count: int
    year: str


@dataclass(frozen=True)
class CourseYears:
    """The recommended year differs by section: each of `sections` with its own (or none)."""

    course: CourseSection
    sections: tuple[CourseSection, ...]


@dataclass(frozen=True)
class CourseEnglish:
    """Which sections of a course are taught in English (`english`; empty: none is)."""

    course: CourseSection
    english: tuple[CourseSection, ...]


@dataclass(frozen=True)
class CourseOverview:
    """A course with several sections whose professors, times or rooms differ: the bullets say each."""

    course: CourseSection


# --- leads: one course's sections --------------------------------------------------------------------
@dataclass(frozen=True)
class CourseSections:
    """`count` sections of a course, those meeting `conditions` when set (the applied schedule words)."""

    course: CourseSection
    count: int
    conditions: SearchFilters | None = None


@dataclass(frozen=True)
class OnlySection:
    """The course has this one section this term."""

    section: CourseSection


@dataclass(frozen=True)
class NoSectionMatches:
    """No section of the course meets `conditions`; the bullets show all its sections."""

    course: CourseSection
    conditions: SearchFilters


@dataclass(frozen=True)
class CourseInfo:
    """The course's details, in the bullets."""

    course: CourseSection


@dataclass(frozen=True)
class PerSection:
    """The asked attribute differs by section: the bullets give it section by section."""

    course: CourseSection


@dataclass(frozen=True)
class ScheduleForTimetable:
    """A timetable question about one course: its times, and a request for the courses to check it with."""

    section: CourseSection


# --- leads: lists and the timetable ------------------------------------------------------------------
@dataclass(frozen=True)
class ProfessorCourses:
    """What `professor` teaches: `courses` (one section of each), `count` sections in all."""

    professor: str
    courses: tuple[CourseSection, ...]
    count: int


@dataclass(frozen=True)
class CourseList:
    """A list of `courses` courses in `sections` sections, drawn with `scope` (None: the question alone)."""

    courses: int
    sections: int
    scope: SearchFilters | None = None


@dataclass(frozen=True)
class Conflict:
    """Two meetings that overlap: course labels as the timetable tool wrote them, and their times."""

    day: str
    a: str
    a_time: str
    b: str
    b_time: str


@dataclass(frozen=True)
class TimetableCheck:
    """Whether the chosen sections overlap (`conflicts`, the first few). `several_sections`: some course had
    several sections, and the tool picked a combination (without overlaps when one exists)."""

    conflicts: tuple[Conflict, ...]
    several_sections: bool = False


Lead = Union[
    AskForQuestion, Greeting, Declined, ToolFailed, NoMatch,
    SectionAttribute, CourseProfessors, CourseCredits, CourseYear, CourseYears, CourseEnglish, CourseOverview,
    CourseSections, OnlySection, NoSectionMatches, CourseInfo, PerSection, ScheduleForTimetable,
    ProfessorCourses, CourseList, TimetableCheck,
]


# --- notes after the bullets -------------------------------------------------------------------------
@dataclass(frozen=True)
class MoreSections:
    """`count` more sections matched than the bullets show."""

    count: int


@dataclass(frozen=True)
class MoreSectionsOfCourses:
    """`count` more sections of the courses listed."""

    count: int


@dataclass(frozen=True)
class AlsoCourses:
    """Further courses that matched, named (and cited) in one closing line: one section of each."""

    sections: tuple[CourseSection, ...]


@dataclass(frozen=True)
class TotalCredits:
    """The total credits of a timetable; `some_missing`: a course without credits was left out of it."""

    total: float
    some_missing: bool = False


Note = Union[MoreSections, MoreSectionsOfCourses, AlsoCourses, TotalCredits]


@dataclass(frozen=True)
class Block:
    """One lead, the sections shown as bullets, and notes. `related`: the bullets are other courses related
    to the lead's answer (listed under their own heading)."""

    lead: Lead
    bullets: tuple[CourseSection, ...] = ()
    related: bool = False
    notes: tuple[Note, ...] = ()

    @classmethod
    def listing(
        cls, lead: Lead, sections: list[CourseSection], limit: int, *, related: bool = False
    ) -> Block:
        """`lead`, the first `limit` of `sections` as bullets, and how many more there are."""
        more = (MoreSections(len(sections) - limit),) if len(sections) > limit else ()
        return cls(lead, tuple(sections[:limit]), related, more)


@dataclass(frozen=True)
class Totals:
    """The true size of a result and where the rest is (a page of it was shown). Not set yet."""

    sections: int
    courses: int
    shown: int
    next_page: str | None = None


@dataclass(frozen=True)
class AnswerPlan:
    """An answer: its blocks in order, the sections it cites, and what failed tools said about part of the
    question (stated first). The optional fields below are room for answers to come; no rule sets them yet
    and no renderer reads them."""

    blocks: tuple[Block, ...]
    cited: tuple[CourseSection, ...] = ()
    failures: tuple[str, ...] = ()
    term: str | None = None
    """The term the answer is for, stated when it matters ("2024-1학기 기준")."""
    totals: Totals | None = None
    """True totals (all matching sections and courses, not the page shown) and the next page."""
    reading: str | None = None
    """The reading used for an ambiguous follow-up ("그 중에" read as: among 자료구조's sections)."""
    graduate: frozenset[str] = frozenset()
    """Ids of the sections to mark as graduate-level."""
    not_in_catalog: str | None = None
    """What was asked that the catalog does not hold ("여석"): "수강편람에 그 정보는 없어요"."""
