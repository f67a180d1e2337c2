"""The course-index contract: one interface, two backends (LanceDB embedded, Pinecone).

Both backends rank alike because they share the project's own Korean tokens (BM25) and the same
embedding; both apply the same structured filters. Retrieval code above this layer
(`agent.retrieval`) never knows which backend it talks to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Annotated, Protocol, runtime_checkable

from pydantic import BaseModel, Field

from agent.catalog.models import CourseSection, Day, Delivery, Flag, Grading, Language, Level


# What a student reads when the index is down (HTTP 503 `index_unavailable`, on /chat and /chat/stream alike):
# an outage is said as one, never as "no such course".
UNAVAILABLE_MESSAGE = "강의 검색 서비스 점검 중입니다. 잠시 후 다시 시도해 주세요."


class IndexError_(RuntimeError):
    """Base for index failures the API turns into a clear 503 (unreachable, misconfigured)."""


class IndexUnavailableError(IndexError_):
    """The index could not be reached or answered with a server error after retries."""


class DimensionMismatchError(IndexError_):
    """The embedding model's dimension differs from the index's: a configuration error at start-up."""


class SearchFilters(BaseModel):
    """Structured constraints extracted from a question; every field is optional.

    Semantics (both backends implement exactly these):
    - `course_codes`: the section's code is one of these.
    - `departments`, `professors`: the section matches any of them (exact values from the index vocabulary).
    - `days`: the section meets on every listed day ("화목" -> ["화", "목"]).
    - `exclude_days`: the section meets on none of these ("금공강").
    - `start_after` / `start_before` / `end_before` (minutes since midnight): every meeting slot on the
      requested days (all slots when `days` is empty) starts at or after / starts at or before / ends at
      or before that time. "오전" -> start_before=719; "오후" -> start_after=720; "1시" -> 780..839.
    - `end_after`: some meeting on the requested days (all when `days` is empty) ends at or after that time
      ("10시 넘어서 끝나는 반", "ends after 6pm").
    - `credits`: equal; `english`: taught in English or not; `category`: substring of the category
      (전필, 전선, 교양 ...); `term`: the namespace / term to search ("2026-1").
    - `terms`: several terms at once ("예전에도 열렸어?"): the section's term is one of them (then `term` is
      None). Neither set: every term the index holds.
    - `year`: the catalog's recommended year includes it ("3학년", "3-4학년", "2-4학년"; "전체학년" includes
      every year; a section with no recommended year does not match). "3학년 전공" -> year=3.
    - `exclude_credits`: the section's credits are none of these ("3학점 아닌 교양", "not 3 credits").
    - `years`: several recommended years, any of them ("3,4학년 과목", "고학년": [3, 4]); `year` then is None.
    - `rooms`: some meeting slot's room contains one of them, spaces and case ignored ("정보과학관 21304",
      "K201", or a building alone: "정보과학관"). A section with no known room does not match.
    - `levels` / `delivery` / `languages`: the section's `level` (학사 석사 박사 석박) / `delivery` (대면 혼합 녹화
      원격) / `language` (한국어 영어 영·한혼합 중국어) is one of them. A section whose catalog does not state it
      does not match: nothing is claimed that the catalog does not say.
    - `grading` / `exclude_grading`: how the section is graded as its remarks state it (절대평가, 상대평가, P/F:
      `agent.catalog.grading`); a section whose remarks say nothing does not match (nor is it ruled out).
    - `flags` / `exclude_flags`: the catalog's yes/no marks (CU공유대학, Honors, 승인과목, 국제학생): the
      section carries every asked mark / none of the ruled-out ones. A catalog without such marks (`flags`
      None) matches no asked mark and is not ruled out.
    - `has_seats`: True = the catalog states seats left (`seats_left` > 0), False = it states none left (0); a
      section without the figure matches neither. The figure is the catalog's snapshot, not live availability.
    - Exclusions, what the student rules out ("… 말고", "not …"): `exclude_professors` (no professor of the
      section is one of them), `exclude_departments` (its department is none of them), `exclude_categories`
      (its category contains none of them, substring as `category`), `exclude_levels`, `exclude_delivery`,
      `exclude_languages` (its stated value is none of them). A section whose catalog does not state the value
      is not ruled out: "대학원 수업 말고" keeps a section of unknown level.
    """

    term: str | None = None
    terms: list[str] = Field(default_factory=list)
    course_codes: list[str] = Field(default_factory=list)
    departments: list[str] = Field(default_factory=list)
    professors: list[str] = Field(default_factory=list)
    days: list[Day] = Field(default_factory=list)
    exclude_days: list[Day] = Field(default_factory=list)
    start_after: int | None = None
    start_before: int | None = None
    end_before: int | None = None
    end_after: int | None = None
    credits: float | None = None
    english: bool | None = None
    category: str | None = None
    year: int | None = Field(default=None, ge=1, le=6)
    years: list[Annotated[int, Field(ge=1, le=6)]] = Field(default_factory=list)
    exclude_credits: list[Annotated[float, Field(gt=0, le=30)]] = Field(default_factory=list)
    code_series: str | None = Field(
        default=None, pattern=r"^[1-9]0{1,3}$",
        description="the number series of the course code students name ('4000번대' -> '4000'): the code's "
        "trailing digits have as many digits and the same first one (MAT4110)",
    )
    rooms: list[str] = Field(default_factory=list)
    levels: list[Level] = Field(default_factory=list)
    delivery: list[Delivery] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    grading: list[Grading] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    has_seats: bool | None = None
    exclude_professors: list[str] = Field(default_factory=list)
    exclude_departments: list[str] = Field(default_factory=list)
    exclude_categories: list[str] = Field(default_factory=list)
    exclude_levels: list[Level] = Field(default_factory=list)
    exclude_delivery: list[Delivery] = Field(default_factory=list)
    exclude_languages: list[Language] = Field(default_factory=list)
    exclude_grading: list[Grading] = Field(default_factory=list)
    exclude_flags: list[Flag] = Field(default_factory=list)

    def is_empty(self) -> bool:
        """No condition beyond which term(s) to search. False is a condition too ("영어강의 말고" is
        english=False): only None and empty lists are unset."""
        return all(
            value in (None, "") or value == [] for key, value in self.model_dump().items() if key not in ("term", "terms")
        )

    def searched_terms(self, held: list[str]) -> list[str]:
        """The held terms these filters search: `terms`, else `term`, else all of `held` (order of `held`)."""
        wanted = set(self.terms) if self.terms else ({self.term} if self.term else None)
        return [t for t in held if wanted is None or t in wanted]


class SearchHit(BaseModel):
    section: CourseSection
    score: float
    matched_by: str = Field(default="hybrid", description="'code' for an exact course-code match, else 'hybrid'")


class IngestReport(BaseModel):
    term: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    seconds: float = 0.0


class Vocabulary(BaseModel):
    """Distinct values a question parser matches against (per term): built by `agent.index.vocabulary`."""

    departments: list[str] = Field(default_factory=list)
    professors: list[str] = Field(default_factory=list)
    course_names: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    rooms: list[str] = Field(default_factory=list, description="meeting rooms as the catalog writes them")
    english_names: list[tuple[str, str]] = Field(
        default_factory=list, description="(English name, course name) pairs where the catalog has both"
    )
    course_departments: list[tuple[str, str]] = Field(
        default_factory=list, description="(course name, department) pairs: which departments offer a course"
    )
    terms: list[str] = Field(default_factory=list, description="the terms these sections belong to")
    universities: list[str] = Field(
        default_factory=list, description="whose catalog it is (for the built-in period tables)"
    )
    periods: list[tuple[int, int, int]] = Field(
        default_factory=list, description="the catalog's own class periods (교시): (number, start, end) minutes"
    )


ProgressCallback = Callable[[int, int], None]
"""progress(done, total), called while embedding and writing."""


@runtime_checkable
class CourseIndex(Protocol):
    """What every backend provides. `term` is the namespace (one per term).

    Both backends also offer, beyond this protocol (callers look them up with `getattr`):
    `stored_hashes(term)` (id → content hash: what an ingestion's diff compares against), `probe()` (a cheap
    can-you-serve check for `/health`, raising `IndexUnavailableError`), `mark_rollback_point(source)` and
    `rollback(version, dry_run=...)` (`agent.index.ingest.rollback`).
    """

    @property
    def dimension(self) -> int: ...

    def sync_term(
        self, term: str, sections: Sequence[CourseSection], *, progress: ProgressCallback | None = None,
        keep: Iterable[str] = (),
    ) -> IngestReport:
        """Make the term's namespace hold exactly `sections`: new and changed ones embedded and written,
        unchanged ones (same content hash) left alone, sections no longer in the catalog deleted, except
        stored ids in `keep` (their catalog rows were skipped: kept as they are)."""
        ...

    def search(self, query: str, filters: SearchFilters | None = None, k: int = 10) -> list[SearchHit]:
        """Hybrid (dense + BM25 over the project's Korean tokens) search under the filters.
        Exact course-code matches rank first. An empty query with filters lists matching sections."""
        ...

    def get_course(self, code: str, term: str | None = None) -> list[CourseSection]:
        """All sections of a course code (in `term`, or in every term when None)."""
        ...

    def terms(self) -> list[str]:
        """Terms (namespaces) that hold sections, newest first."""
        ...

    def count(self, term: str | None = None) -> int: ...

    def vocabulary(self, term: str | None = None) -> Vocabulary: ...


def iter_batches(items: Iterable, size: int) -> Iterable[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
