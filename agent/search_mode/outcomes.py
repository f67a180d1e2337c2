"""What the tools returned this turn, as search mode reads it (text, artifact and error flag of each)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters


@dataclass
class ToolOutcome:
    """One tool result of the current turn, as the model sees it."""

    name: str
    content: str
    artifact: Any = None
    error: bool = False

    @property
    def sections(self) -> list[CourseSection]:
        return [s for s in self._artifact.get("sections", []) if isinstance(s, CourseSection)]

    @property
    def payload(self) -> dict[str, Any]:
        """The tool's JSON text as a dict ({} when it is not JSON)."""
        try:
            data = json.loads(self.content)
        except (TypeError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    @property
    def relaxed(self) -> list[str]:
        """Conditions `search_courses` dropped to find alternatives, as the retriever words them."""
        return [str(label) for label in self._artifact.get("relaxed", []) or []]

    @property
    def exact(self) -> bool:
        return bool(self._artifact.get("exact", True))

    @property
    def anchored(self) -> bool:
        """False when nothing in the question linked to the catalog: the sections are only the ones most
        related to its words (a list, never a "no such course")."""
        return bool(self._artifact.get("anchored", True))

    @property
    def missing(self) -> list[str]:
        """Words of the question that link to nothing the search returned ("우주요리학")."""
        return [str(word) for word in self._artifact.get("missing", []) or []]

    @property
    def total_sections(self) -> int | None:
        """Every section that meets the search (None: no set to count, e.g. only related sections)."""
        value = self._artifact.get("total_sections")
        return value if isinstance(value, int) else None

    @property
    def total_courses(self) -> int | None:
        value = self._artifact.get("total_courses")
        return value if isinstance(value, int) else None

    @property
    def offset(self) -> int:
        """Where this page starts in the matching set."""
        value = self._artifact.get("offset")
        return value if isinstance(value, int) else 0

    @property
    def matched(self) -> list[CourseSection]:
        """The page's sections that belong to the matching set (the rest are related sections after it)."""
        count = self._artifact.get("matched_on_page")
        sections = self.sections
        return sections[:count] if isinstance(count, int) and self.total_sections is not None else sections

    @property
    def related_after(self) -> list[CourseSection]:
        """Related sections shown after the set on this page: outside the set and its total."""
        return self.sections[len(self.matched) :]

    @property
    def course_names(self) -> list[str]:
        return list(self._artifact.get("course_names") or [])

    @property
    def filters(self) -> SearchFilters | None:
        """The filters a search was drawn with (artifacts may carry them as a dict)."""
        value = self._artifact.get("filters")
        if isinstance(value, dict):
            try:
                return SearchFilters.model_validate(value)
            except ValidationError:
                return None
        return value if isinstance(value, SearchFilters) else None

    @property
    def error_text(self) -> str:
        """What a failed tool said, without the hint meant for a model ("search_courses로 ...")."""
        text = self.content.split("오류:", 1)[-1].strip()
        sentences = text.replace("다. ", "다.\n").split("\n")
        return " ".join(s for s in sentences if "search_courses" not in s and s.strip())

    @property
    def _artifact(self) -> dict[str, Any]:
        return self.artifact if isinstance(self.artifact, dict) else {}
