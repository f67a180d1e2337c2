"""What a load returns: the sections, the problems found on the way, and a one-line summary."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from agent.catalog.models import CourseSection
from agent.catalog.terms import term_sort_key


class CatalogError(ValueError):
    """The file as a whole cannot be loaded (missing, unknown layout, bad mapping, no term).

    Row-level trouble never raises: it becomes a `CatalogProblem` and the other rows still load.
    """


@dataclass(frozen=True, slots=True)
class CatalogProblem:
    """One row that was skipped (severity 'error') or loaded with a remark (severity 'warning').

    `row` is the 1-based LINE number in the file where the record starts (the header is line 1), so
    an editor jumps straight to it even when earlier cells span several lines; `record` is the
    1-based index of the record among the data records (the n-th section row). JSON sources have no
    lines: `row` is then the record index too.
    """

    file: str
    row: int
    reason: str
    severity: Literal["error", "warning"] = "error"
    record: int | None = None
    # A skipped row's own cell values: ingestion matches them against stored sections, so a section whose
    # row could not be read is kept rather than deleted as "gone from the catalog".
    cells: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: {self.severity}: {self.reason}"


@dataclass(slots=True)
class LoadResult:
    """Sections in file order plus problems. `loaded`/`skipped`/`warnings` are the run's summary."""

    file: str
    sections: list[CourseSection] = field(default_factory=list)
    problems: list[CatalogProblem] = field(default_factory=list)
    profile: str = ""
    university: str | None = None

    @property
    def loaded(self) -> int:
        return len(self.sections)

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == "warning")

    @property
    def errors(self) -> list[CatalogProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def terms(self) -> list[str]:
        """Distinct terms, oldest first (2024-1 < 2024-여름 < 2024-2 < 2024-겨울)."""
        return sorted({s.term for s in self.sections}, key=term_sort_key)

    def by_term(self) -> dict[str, list[CourseSection]]:
        """Sections grouped by term, terms oldest first, file order kept inside each."""
        groups: dict[str, list[CourseSection]] = defaultdict(list)
        for section in self.sections:
            groups[section.term].append(section)
        return {term: groups[term] for term in sorted(groups, key=term_sort_key)}

    def summary(self) -> str:
        terms = ", ".join(self.terms) or "-"
        return (
            f"{self.file}: {self.loaded:,}개 분반 적재, {self.skipped:,}개 행 건너뜀, 경고 {self.warnings:,}건 "
            f"(학기 {terms}) — loaded {self.loaded:,} / skipped {self.skipped:,} / warnings {self.warnings:,}"
        )
