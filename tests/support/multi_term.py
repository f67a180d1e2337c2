"""A small catalog with several terms, made from the sample catalog, for the term tests (both backends).

The sample catalog's 컴퓨터공학과 and 경영학과 sections, spread over four terms the way a real multi-term catalog
changes from term to term (built in memory; nothing of ../shared/data is copied):
- 2025-1 (the newest): all of them;
- 2024-2: all but 운영체제, and 자료구조 taught by 옛교수 instead;
- 2024-여름: three sections (자료구조 01, 경영학원론 01, 회계원리 01);
- 2024-1: the 컴퓨터공학과 sections only, and a course that no later term has (컴퓨터의역사, CSE1999).
"""

from __future__ import annotations

from pathlib import Path

from agent.catalog.loader import load_catalog
from agent.catalog.models import CourseSection

SAMPLE_CATALOG = Path(__file__).resolve().parents[2] / "data" / "sample-catalog.csv"
TERMS = ("2024-1", "2024-여름", "2024-2", "2025-1")  # oldest first
OLD_PROFESSOR = "옛교수"
ONLY_2024_1 = "컴퓨터의역사"


def _in(term: str, section: CourseSection, **changes: object) -> CourseSection:
    return section.model_copy(update={"term": term, **changes})


def multi_term_sections() -> list[CourseSection]:
    base = [s for s in load_catalog(SAMPLE_CATALOG).sections if s.department in ("컴퓨터공학과", "경영학과")]
    newest = [_in("2025-1", s) for s in base]
    autumn = [
        _in("2024-2", s, professors=[OLD_PROFESSOR]) if s.name == "자료구조" else _in("2024-2", s)
        for s in base if s.name != "운영체제"
    ]
    summer_picks = {("자료구조", "01"), ("경영학원론", "01"), ("회계원리", "01")}
    summer = [_in("2024-여름", s) for s in base if (s.name, s.section) in summer_picks]
    spring = [_in("2024-1", s) for s in base if s.department == "컴퓨터공학과"]
    history = spring[0].model_copy(update={"code": "CSE1999", "section": "01", "name": ONLY_2024_1, "name_en": None})
    return spring + [history] + summer + autumn + newest


def ingest(index: object, sections: list[CourseSection]) -> None:
    """Sync every term of `sections` into `index` (a `CourseIndex`)."""
    for term in TERMS:
        index.sync_term(term, [s for s in sections if s.term == term])  # type: ignore[attr-defined]
