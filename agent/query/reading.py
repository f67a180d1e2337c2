"""What a question was understood as: `ParsedQuestion`, and the `ParseState` the linkers fill.

The reading is closed-world: the catalog is everything the bot knows. Each part of a question either links
to something that exists (a course, a professor, a department, a room, a category, a term, a section ...),
is a known slot word (days, times, negation, credits, year, language), or links to nothing. What links to
nothing is never a condition:
- `nudges`: leftover words; they may order the results (hybrid search), never empty them;
- `unknown_names`: leftover words shaped like a course name ("양자요리학", "머신러닝 수업"); the one kind of
  leftover that may make the answer "no such course", and the answer then says which name.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from agent.index.base import SearchFilters


class ParsedQuestion(BaseModel):
    """What `parse_question` understood."""

    question: str
    filters: SearchFilters = Field(default_factory=SearchFilters)
    query: str = Field(default="", description="free text left for hybrid search, abbreviations expanded")
    course_codes: list[str] = Field(default_factory=list)
    course_names: list[str] = Field(
        default_factory=list, description="exact catalog course names the question names (after expansion)"
    )
    topics: list[str] = Field(default_factory=list, description="content words left in the query")
    nudges: list[str] = Field(
        default_factory=list, description="leftover words that link to nothing: ranking only, never a condition"
    )
    unknown_names: list[str] = Field(
        default_factory=list,
        description="course-like words that link to nothing in the catalog ('양자요리학'), as written",
    )
    rooms: list[str] = Field(default_factory=list, description="rooms named in the question ('정보과학관 21203')")
    section: str | None = Field(default=None, description="a section number the question names ('02분반' -> '02')")
    excluded_names: list[str] = Field(
        default_factory=list, description="course names the student rules out ('운체 말고 컴구' -> 운영체제)"
    )
    name_terms: list[str] = Field(
        default_factory=list,
        description="topic words that occur inside course names ('창업' in '기술창업AtoZ'): ranked first",
    )
    department_mentions: list[str] = Field(
        default_factory=list, description="departments written out in full (ranked before their siblings)"
    )
    student_departments: list[str] = Field(
        default_factory=list,
        description="the student's own department ('컴공인데 …'): context for eligibility, not a condition",
    )
    student_year: int | None = Field(
        default=None, description="the student's own year ('2학년인데 …'): context for eligibility, not a condition"
    )
    notes: list[str] = Field(default_factory=list, description="what was understood, in Korean")
    missing_term: str | None = Field(
        default=None,
        description="a term (or a year) the question names that the index does not hold ('2022-1')",
    )
    across_terms: bool = Field(default=False, description="the question asks across terms ('예전에도 열렸어?')")
    assumed_periods: list[tuple[int, int]] = Field(
        default_factory=list,
        description="class periods ('1교시') read with the default table (no table for this catalog): (period, "
        "start minute), so the answer can say the reading it used",
    )


class ParseState:
    """The question being read: spans already linked (removed from the free text), replacements
    (an abbreviation's word -> the course name it stands for) and what was found so far."""

    def __init__(self, question: str, filters: SearchFilters) -> None:
        self.question = question
        self.filters = filters
        self.spans: list[tuple[int, int]] = []
        # Whole course names written out: no linker reads inside them, yet their words stay in the free text
        # (they rank the set as the student wrote them: "반도체 공정" also ranks 반도체집적공정).
        self.reserved: list[tuple[int, int]] = []
        self.replacements: dict[tuple[int, int], str] = {}
        self.names: list[str] = []
        self.notes: list[str] = []
        self.rooms: list[str] = []
        self.section: str | None = None
        self.department_mentions: list[str] = []
        self.student_departments: list[str] = []
        self.student_year: int | None = None
        self.unlinked: list[str] = []  # nicknames whose course this catalog lacks (unknown names)
        self.excluded: list[str] = []
        self.missing_term: str | None = None
        self.across_terms = False
        self.assumed_periods: list[tuple[int, int]] = []

    def taken(self, start: int, end: int) -> bool:
        return (
            any(not (end <= s or start >= e) for s, e in (*self.spans, *self.reserved))
            or (start, end) in self.replacements
        )

    def reserve(self, start: int, end: int) -> None:
        """Words that are one whole course name: read by no other linker, kept in the free text."""
        self.reserved.append((start, end))

    def claimed(self) -> list[tuple[int, int]]:
        """Every span some linker read: taken ones and whole names."""
        return [*self.spans, *self.reserved]

    def take(self, start: int, end: int, note: str | None = None) -> None:
        self.spans.append((start, end))
        if note:
            self.notes.append(note)

    def add_name(self, names: list[str]) -> None:
        for name in names:
            if name not in self.names:
                self.names.append(name)
