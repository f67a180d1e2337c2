"""`RetrievalResult`: the sections a question is answered with, and how far they can be trusted."""

from __future__ import annotations

from pydantic import BaseModel, Field

from agent.index.base import SearchFilters, SearchHit
from agent.query import ParsedQuestion


class RetrievalResult(BaseModel):
    question: str
    term: str | None = None
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
