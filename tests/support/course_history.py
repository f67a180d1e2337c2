"""A small catalog whose courses change from term to term, made from the sample catalog's 컴퓨터공학과 sections
(built in memory; nothing of ../shared/data is copied), for courses a term lacks, renamed codes and courses a
catalog lists under two codes:
- 2025-1 (the newest): every section, and 컴퓨터네트워크 cross-listed by 인공지능학과 as "컴퓨터 네트워크"
  (`CROSS_CODE`, the same sections under another code and a name spelled with a space);
- 2024-2: no 운영체제, but a lab whose name holds its name (`LAB`, 운영체제실습); 캡스톤디자인 (`RENAMED_CODE`) still
  under its old name `OLD_NAME`, taught by `OLD_PROFESSOR`, who teaches nothing in 2025-1;
- 2024-1: every section, `RENAMED_CODE` under `OLD_NAME`, and a course no later term has (`GONE`,
  `GONE_CODE`).
"""

from __future__ import annotations

from agent.catalog.loader import load_catalog
from agent.catalog.models import CourseSection
from tests.support.multi_term import SAMPLE_CATALOG

TERMS = ("2024-1", "2024-2", "2025-1")  # oldest first
NETWORK, CROSS_NAME, CROSS_CODE = "컴퓨터네트워크", "컴퓨터 네트워크", "AIX3040"
OS, LAB, LAB_CODE = "운영체제", "운영체제실습", "CSE3011"
RENAMED_CODE, OLD_NAME, NEW_NAME = "CSE4090", "종합설계", "캡스톤디자인"
OLD_PROFESSOR = "장세영"
GONE, GONE_CODE = "컴퓨팅사고", "CSE1998"


def _in(term: str, original: CourseSection, **changes: object) -> CourseSection:
    return original.model_copy(update={"term": term, **changes})


def _renamed(term: str, original: CourseSection, **changes: object) -> CourseSection:
    """`original` in `term`, under `OLD_NAME` (and with `changes`) when it is `RENAMED_CODE`."""
    if original.code != RENAMED_CODE:
        return _in(term, original)
    return _in(term, original, name=OLD_NAME, name_en=None, **changes)


def history_sections() -> list[CourseSection]:
    base = [s for s in load_catalog(SAMPLE_CATALOG).sections if s.department == "컴퓨터공학과"]
    newest = [_in("2025-1", s) for s in base]
    newest += [_in("2025-1", s, code=CROSS_CODE, name=CROSS_NAME, department="인공지능학과")
               for s in base if s.name == NETWORK]
    os_first = next(s for s in base if s.name == OS)
    autumn = [_renamed("2024-2", s, professors=[OLD_PROFESSOR]) for s in base if s.name != OS]
    autumn.append(_in("2024-2", os_first, code=LAB_CODE, section="01", name=LAB, name_en=None, credits=1))
    spring = [_renamed("2024-1", s) for s in base]
    spring.append(_in("2024-1", base[0], code=GONE_CODE, section="01", name=GONE, name_en=None))
    return spring + autumn + newest


def ingest(index: object, sections: list[CourseSection]) -> None:
    """Sync every term of `sections` into `index` (a `CourseIndex`)."""
    for term in TERMS:
        index.sync_term(term, [s for s in sections if s.term == term])  # type: ignore[attr-defined]
