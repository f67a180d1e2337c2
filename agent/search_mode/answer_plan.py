"""What an answer says, not how: the language-neutral plan that `render` words in Korean or English.

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
from agent.catalog.registration import Verdict, VerdictKind  # noqa: F401  (part of this module's interface)
from agent.index.base import SearchFilters
from agent.search_mode.answer_leads import (  # noqa: F401  (part of this module's interface)
    PlanLimits,
    TimetablePlans,
    TimetableOption,
    TimetableImpossible,
    CourseTerm,
    TermGroup,
    AcrossTerms,
    NotOffered,
)

ReplyKind = Literal["ask", "greeting", "injection", "off_topic", "no_more"]
SectionTopic = Literal["professor", "credits", "year", "room", "time", "only_section", "timetable"]
CourseTopic = Literal["details", "per_section", "overview", "years", "english", "times"]
CatalogTopic = Literal["seats", "exam", "prerequisite", "restrictions", "delivery", "grading"]
NotHeldTopic = Literal["contact", "grades", "attendance", "grading", "workload", "community", "textbook"]


# --- leads: replies without tools, and nothing (or nothing exact) found ---------------------------------
@dataclass(frozen=True)
class Reply:
    """No tool was needed: "ask" (no question yet), "greeting" (say what the assistant does), "no_more" ("더
    보기" after an answer that showed everything), or declined: "injection" (a prompt-injection or secret
    request), "off_topic" (the catalog cannot answer it)."""

    kind: ReplyKind


@dataclass(frozen=True)
class NotHeld:
    """A fact no catalog holds was asked, `about`: a professor's "contact" details, "grades" (distributions,
    ratings, reviews), "attendance" rules, "grading" (where no remark of the catalog states it), a course's
    "workload" and difficulty, what students share ("community": past exams, group chats), "textbook"s.
    Said as "수강편람에 그 정보는 없어요", with what the catalog does hold; nothing is cited."""

    about: NotHeldTopic


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


# --- leads: one section, one course ------------------------------------------------------------------
@dataclass(frozen=True)
class SectionFact:
    """A sentence about one section, by `about`: the attribute asked ("professor", "credits", "year", "room",
    "time"; a missing value is said missing), "only_section" (the course has this one section this term) or
    "timetable" (a timetable question that found one course: its times, and which courses to check)."""

    section: CourseSection
    about: SectionTopic


@dataclass(frozen=True)
class CourseValue:
    """One attribute over all `count` sections of a course: "professors" (`values`: one name, or several
    that differ by section), "credits" (one value, "3"), "year" (one recommended year, as the catalog
    writes it), "rooms" (`values`: every room its sections meet in) or "time" (they all meet when `course`
    does: cross-listed codes)."""

    course: CourseSection
    count: int
    about: Literal["professors", "credits", "year", "rooms", "time"]
    values: tuple[str, ...]


@dataclass(frozen=True)
class CourseBySection:
    """A course whose bullets go section by section, by `about`: "details" (the course's details),
    "per_section" (the attribute asked differs by section), "overview" (several sections whose professors,
    times or rooms differ), "years" (the recommended year of each of `sections`), "english" (`sections` are
    its English-taught ones; empty: none is), "times" (when each section meets: the bullets in order of day
    and time)."""

    about: CourseTopic
    course: CourseSection
    sections: tuple[CourseSection, ...] = ()


@dataclass(frozen=True)
class CourseSections:
    """`count` sections of a course, those meeting `conditions` when set (the applied schedule words); a count
    of 0 with conditions: none meets them, and the bullets show all its sections."""

    course: CourseSection
    count: int
    conditions: SearchFilters | None = None


@dataclass(frozen=True)
class CatalogFact:
    """An attribute only some catalogs hold, asked of a course: "seats" (여석/정원/수강인원, the catalog's
    snapshot), "exam" (시험일자), "prerequisite" (what its notes say of 선수과목), "restrictions" (수강대상 and
    its rules), "delivery" (대면/혼합/녹화/원격). `sections`: those asked about, each said with its value (or
    as having none); `held` False: the catalog holds it for none of them ("수강편람에 그 정보는 없어요")."""

    about: CatalogTopic
    course: CourseSection
    sections: tuple[CourseSection, ...]
    held: bool


@dataclass(frozen=True)
class Eligibility:
    """May a student of `department` take `course`? Each verdict with the sections it holds for, in order."""

    course: CourseSection
    department: str
    verdicts: tuple[tuple[Verdict, tuple[CourseSection, ...]], ...]


# --- leads: lists and the timetable ------------------------------------------------------------------
@dataclass(frozen=True)
class ProfessorCourses:
    """What `professor` teaches: `courses` (one section of each), `count` sections in all; in `term` when
    that is not the current term (then said as taught)."""

    professor: str
    courses: tuple[CourseSection, ...]
    count: int
    term: str | None = None


@dataclass(frozen=True)
class CourseList:
    """A list drawn with `scope` (None: the question alone): `courses` courses in `sections` sections."""

    scope: SearchFilters | None
    courses: int
    sections: int


@dataclass(frozen=True)
class RelatedCourses:
    """Nothing in the question linked to the catalog: the bullets are the sections most related to its words
    (no count or match is claimed, and nothing is said to be missing). `after_set`: a block after a matching
    set, holding related sections that are not part of it nor of its total; `instead`: what the term offers
    in place of a course it lacks."""

    after_set: bool = False
    instead: bool = False


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
    Reply, NotHeld, ToolFailed, NoMatch, SectionFact, CourseValue, CourseBySection, CourseSections,
    CatalogFact, Eligibility, ProfessorCourses, CourseList, RelatedCourses, TimetableCheck, AcrossTerms,
    NotOffered, TimetablePlans, TimetableOption, TimetableImpossible,
]


# --- notes after the bullets -------------------------------------------------------------------------
@dataclass(frozen=True)
class Totals:
    """The true size of what matched and which part of it the bullets show: every matching section
    (`sections`) in `courses` courses (1: the sections of one course), of which the bullets are the
    `shown` sections from position `start` (0-based) of the set's order; `next_offset` is where the rest
    starts ("더 보기"), None when nothing is left. Rendered only when the bullets are not the whole set."""

    sections: int
    courses: int
    start: int
    shown: int
    next_offset: int | None = None

    @property
    def whole(self) -> bool:
        return self.start == 0 and self.shown >= self.sections


@dataclass(frozen=True)
class AlsoCourses:
    """Further courses that matched, named (and cited) in one closing line: one section of each."""

    sections: tuple[CourseSection, ...]


@dataclass(frozen=True)
class TotalCredits:
    """The total credits of a timetable; `some_missing`: a course without credits was left out of it."""

    total: float
    some_missing: bool = False


@dataclass(frozen=True)
class Renamed:
    """A course code whose name changed across the catalog's terms: `names` are (name, first term, last term)
    oldest first ("CSE3013" was '컴퓨터공학설계및실험I' from 2023-1 to 2023-2)."""

    code: str
    names: tuple[tuple[str, str, str], ...]


Note = Union[Totals, AlsoCourses, TotalCredits, Renamed]


@dataclass(frozen=True)
class Block:
    """One lead, the sections shown as bullets, and notes. `related`: the bullets are other courses related
    to the lead's answer (listed under their own heading)."""

    lead: Lead
    bullets: tuple[CourseSection, ...] = ()
    related: bool = False
    notes: tuple[Note, ...] = ()


ReadingKind = Literal["first_course", "first_professor", "within", "everywhere", "kept_conditions"]


@dataclass(frozen=True)
class Reading:
    """How a follow-up that could be read more than one way was read, said before the answer, by `kind`:
    "first_course" (the last answer listed several courses; `subject` is the first, which "그 수업" was taken
    to mean), "first_professor" (it named several professors; `subject` is the first), "within" (conditions
    alone were applied to the last answer's courses, `subject` when it was one course), "everywhere" (they
    were searched in the whole catalog instead), "kept_conditions" (another course, with the earlier
    `conditions`)."""

    kind: ReadingKind
    subject: str | None = None
    conditions: SearchFilters | None = None

@dataclass(frozen=True)
class TermStatement:
    """Which term(s) an answer is about, said before it (every answer on other than the current term):
    `used`: the term the sections are from (several: the terms searched, oldest first). `asked`: a term or a
    year the question named that the catalog lacks, answered from `used` instead (`later`: after every held
    term, "not yet"; `held`: the terms it holds; `alone`: the question asked nothing else, so the answer is
    this statement and what to ask instead). `only`: the question asked across terms and the catalog holds
    `used` alone."""

    used: tuple[str, ...]
    asked: str | None = None
    later: bool = False
    held: tuple[str, ...] = ()
    only: bool = False
    alone: bool = False


@dataclass(frozen=True)
class AnswerPlan:
    """An answer: its blocks in order, the sections it cites, and what failed tools said about part of the
    question (stated first). `reading` is said before the blocks; `term` and `periods` are set by
    `compose_terms`; renderers read the blocks and failures, and `totals` becomes the API's `page`."""

    blocks: tuple[Block, ...]
    cited: tuple[CourseSection, ...] = ()
    failures: tuple[str, ...] = ()
    term: TermStatement | None = None
    """The term the answer is for, stated when it matters ("2024-1학기 기준")."""
    periods: tuple[tuple[int, int], ...] = ()
    """Class periods read without the catalog's own table: (period, start minute), said with the answer."""
    totals: Totals | None = None
    """True totals (all matching sections and courses, not the page shown) and where the next page starts:
    what the API returns as `page` so a client can ask for the rest."""
    reading: Reading | None = None
    """The reading used for an ambiguous follow-up ("그 중에" read as: among 자료구조's sections)."""
    graduate: frozenset[str] = frozenset()
    """Ids of the sections to mark as graduate-level."""
    not_in_catalog: str | None = None
    """What was asked that the catalog does not hold ("여석"): "수강편람에 그 정보는 없어요"."""
