"""What every course tool gets at run time: the index, the retriever and the request's term.

Tools never reach for globals. The assistant builds one `CourseToolContext` per request (the index and
the retriever are shared, the term is the caller's) and passes it as the agent's runtime context;
LangChain injects it into each tool through its `runtime: ToolRuntime[CourseToolContext]` parameter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from langchain_core.tools import ToolException

from agent.index.base import CourseIndex


class ToolInputError(ToolException):
    """The model called a tool with an argument the tool cannot use (unknown code, bad time, unknown
    department...). The message says what was wrong in Korean and is shown to the model as the tool result,
    so it can correct itself; it never ends the turn."""


@dataclass
class CourseToolContext:
    """Per-request runtime context for the course tools.

    `retriever` is an `agent.retrieval.CourseRetriever` over `index` (typed loosely so this module does not
    import retrieval at start-up). `term` is the caller's term (None: the index's newest term).
    `k` is how many sections `search_courses` returns at most; `offset` where its page starts when the
    call gives none (the API's `offset`: a client asking for the rest of a list).
    """

    index: CourseIndex
    retriever: Any
    term: str | None = None
    k: int = 8
    offset: int | None = None  # the request's paging position: where `search_courses` starts by default
    extra: dict[str, Any] = field(default_factory=dict)

    def resolve_term(self, requested: str | None = None) -> str | None:
        """The term a tool should search: the tool argument, else the request's, else the newest one.

        Raises `ToolInputError` naming the available terms when the requested one holds no sections.
        """
        term = (requested or "").strip() or self.term
        available = self.index.terms()
        if term is None:
            return available[0] if available else None
        if available and term not in available:
            raise ToolInputError(
                f"학기 '{term}'의 강좌 정보가 없습니다. 조회할 수 있는 학기: {', '.join(available)}"
            )
        return term
