"""A copy of the sample index with one older term beside it, for questions that switch terms: in
`OLDER_TERM`, 데이터베이스 (CSE3030) was one 2-credit section taught by 윤서진; in 2026-1, the default term, it
has two 3-credit sections taught by someone else."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

OLDER_TERM = "2025-2"
OLDER_PROFESSOR = "윤서진"


def older_sections(sample_sections: list[Any]) -> list[Any]:
    """What `OLDER_TERM` holds: the first section of 데이터베이스, taught by `OLDER_PROFESSOR` for 2 credits."""
    from agent.catalog.models import CourseSection

    first = next(s for s in sample_sections if s.code == "CSE3030")
    changed = {"term": OLDER_TERM, "professors": [OLDER_PROFESSOR], "credits": 2}
    return [CourseSection.model_validate({**first.model_dump(), **changed})]


def two_term_index(sample_index: Any, sample_sections: list[Any], target: Path) -> Path:
    """`target` holding the sample index plus `OLDER_TERM` (the shared cached index is only read)."""
    from agent.index.lance import LanceCourseIndex

    shutil.copytree(sample_index.path, target)
    index = LanceCourseIndex(target)
    index.sync_term(OLDER_TERM, older_sections(sample_sections))
    assert sorted(index.terms()) == [OLDER_TERM, "2026-1"]
    return target
