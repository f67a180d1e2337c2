"""`RetrievalResult`: the sections a question is answered with, and how far they can be trusted."""

from __future__ import annotations

from pydantic import BaseModel, Field

from agent.index.base import SearchFilters, SearchHit
from agent.query import ParsedQuestion


class CourseTally(BaseModel):
    """One course of a term's share of a set: its name, sections and professors."""

    name: str
    sections: int
    professors: list[str] = Field(default_factory=list)


class TermTally(BaseModel):
    """The matching set's sections of one term (when several terms were searched): how many, and the first
    few course names and professors in rank order."""

    term: str
    sections: int
    course_count: int = 0
    courses: list[str] = Field(default_factory=list)
    professors: list[str] = Field(default_factory=list)
    by_course: list[CourseTally] = Field(
        default_factory=list, description="each of `courses`: its sections and professors in this term"
    )


class NameSpan(BaseModel):
    """One name a course code had, and the first and last terms it had it (of those the index holds)."""

    name: str
    first: str
    last: str


class Rename(BaseModel):
    """A course code whose name changed across terms (`CSE3013`: '컴퓨터공학설계및실험I' up to 2023-2, then
    '소프트웨어개발도구및환경실습'): its names oldest first."""

    code: str
    names: list[NameSpan]


class TermScope(BaseModel):
    """Which terms a result comes from, and what the answer must say about them."""

    current: str | None = Field(default=None, description="the CURRENT term: the request's, else the newest")
    searched: list[str] = Field(
        default_factory=list, description="the terms the sections come from, oldest first"
    )
    missing: str | None = Field(
        default=None, description="a term (or a year) the question named that the index does not hold: the "
        "sections are from `current` instead",
    )
    across: bool = Field(default=False, description="the question asked across terms ('예전에도 열렸어?')")
    held: list[str] = Field(default_factory=list, description="every term the index holds, oldest first")
    tallies: list[TermTally] = Field(
        default_factory=list,
        description="several terms searched: the whole matching set term by term, oldest first",
    )
    absent: list[str] = Field(
        default_factory=list,
        description="courses (names or codes) the question named that `absent_from` does not offer but other "
        "terms do: the sections are the course's in those terms (`searched`), never another course",
    )
    absent_from: str | None = Field(
        default=None, description="the term asked that lacks the `absent` courses"
    )
    renames: list[Rename] = Field(
        default_factory=list,
        description="codes of the answer whose course name changed across the held terms",
    )


class RetrievalResult(BaseModel):
    question: str
    term: str | None = Field(
        default=None, description="the term searched (None when several: `scope.searched`)"
    )
    scope: TermScope = Field(default_factory=TermScope)
    hits: list[SearchHit] = Field(default_factory=list, description="this page of sections, best first")
    parsed: ParsedQuestion
    filters: SearchFilters = Field(description="the filters the hits satisfy (after any relaxation)")
    relaxed: list[str] = Field(default_factory=list, description="dropped constraints, in Korean")
    exact: bool = Field(
        default=False,
        description="hits rest on the question itself: a code, a course name, a room, or every linked condition "
        "held. False for no-such-course, relaxed results and lists ranked only by leftover words.",
    )
    anchored: bool = Field(
        default=True,
        description="False when nothing in the question linked to the catalog and the hits are only the most "
        "related sections to its leftover words: a list with no true total, never a 'no such course'.",
    )
    total_sections: int | None = Field(
        default=None, description="every section that meets the question (None when there is no such set)"
    )
    total_courses: int | None = Field(default=None, description="distinct courses among them")
    offset: int = Field(default=0, description="where this page starts in the full ranked list")
    missing: list[str] = Field(
        default_factory=list, description="course-like names in the question that link to nothing in the catalog"
    )

    @property
    def relaxed_message(self) -> str | None:
        """'정확히 맞는 강의는 없어서 요일(화·목) 조건을 빼고 찾았어요.' or None when nothing was relaxed."""
        if not self.relaxed:
            return None
        return f"정확히 맞는 강의는 없어서 {', '.join(self.relaxed)} 조건을 빼고 찾았어요."

    @property
    def matched_on_page(self) -> int:
        """How many hits of this page belong to the matching set; the rest are related sections shown after it."""
        if self.total_sections is None:
            return 0
        return max(0, min(len(self.hits), self.total_sections - self.offset))

    @property
    def has_more(self) -> bool:
        return self.total_sections is not None and self.offset + len(self.hits) < self.total_sections
