"""Which sections a student may take, for the planner: a week never holds a section the catalog says is not
for them, and every section left out is named with the catalog's own words (`Exclusion`).

Left out by default:
- "level": a graduate section (석사/박사/석박) for an undergraduate;
- "restricted": a section only the students it names may register for (Soongsil's 수강대상 "…
  (대상외수강제한)", Sogang's "경영대학(가능)", "…만 수강가능") when the student's department is not known, or is
  known and not named; a rule that names the department as not allowed ("컴퓨터공학과(불가능)");
- "year": a section restricted to named years ("2학년 컴퓨터 (대상외수강제한)") when the student's year is known
  and not among them;
- "parity": Sogang's 홀짝구분 ("[1,3,5,7,9]": the last digit of the 학번) when the student's digit is known
  and not listed.

A department the catalog may hold inside a college it names ("공과대학" for 컴퓨터공학과) is not decided here:
such a section stays (`agent.catalog.registration` says it as a condition elsewhere).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from agent.catalog.models import GRADUATE_LEVELS, CourseSection
from agent.catalog.registration import verdict

Reason = Literal["level", "restricted", "year", "parity"]
_YEAR = re.compile(r"([1-6])\s*학년")
_ALL_YEARS = re.compile(r"전체\s*학년|전학년")


@dataclass(frozen=True)
class Student:
    """What the planner knows of the student: `departments` (none: unknown), `year` (학년), the last digit
    of the 학번 (`id_digit`) and whether they are a graduate student."""

    departments: tuple[str, ...] = ()
    year: int | None = None
    id_digit: int | None = None
    graduate: bool = False


class Exclusion(NamedTuple):
    """A section left out and why: the `reason` and the catalog's `rule` as written."""

    section: CourseSection
    reason: Reason
    rule: str


def exclusion(section: CourseSection, student: Student) -> Exclusion | None:
    """Why `student` may not take `section`, or None when nothing the catalog states rules them out."""
    if section.level in GRADUATE_LEVELS and not student.graduate:
        return Exclusion(section, "level", f"{section.level}과정")
    restricted = _restricted(section, student)
    if restricted is not None:
        return Exclusion(section, "restricted", restricted)
    if student.year is not None and section.restricted_to_target and section.target:
        years = {int(y) for y in _YEAR.findall(section.target)}
        if years and not _ALL_YEARS.search(section.target) and student.year not in years:
            return Exclusion(section, "year", _one_line(section.target))
    digits = _digits(section.student_id_digits)
    if student.id_digit is not None and digits and student.id_digit not in digits:
        return Exclusion(section, "parity", f"홀짝구분 {section.student_id_digits}")
    return None


def _restricted(section: CourseSection, student: Student) -> str | None:
    """The rule that keeps the student out by department, if one does."""
    if not student.departments:
        if section.restricted_to_target:
            return _one_line(section.restrictions or section.target or "대상외수강제한")
        return None
    found = verdict(section, student.departments)
    if found.kind == "excluded" or (found.kind == "others_only" and not found.broad):
        return _one_line(found.rule or section.target or "")
    return None


def _one_line(text: str) -> str:
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())


def _digits(text: str | None) -> frozenset[int]:
    """"[1,3,5,7,9]" -> {1, 3, 5, 7, 9}; "홀수" / "짝수" as the odd / even digits; nothing stated: empty."""
    if not text:
        return frozenset()
    if "홀" in text:
        return frozenset({1, 3, 5, 7, 9})
    if "짝" in text:
        return frozenset({0, 2, 4, 6, 8})
    return frozenset(int(d) for d in re.findall(r"\d", text))


def split_eligible(sections: Sequence[CourseSection], student: Student
                   ) -> tuple[list[CourseSection], list[Exclusion]]:
    """`sections` as those the student may take (in order) and the exclusions of the others."""
    kept: list[CourseSection] = []
    left: list[Exclusion] = []
    for section in sections:
        found = exclusion(section, student)
        if found is None:
            kept.append(section)
        else:
            left.append(found)
    return kept, left


def parse_student_id(text: str | int | None) -> int | None:
    """The 학번's last digit from "20231234", "7", "홀수"/"odd" (1) or "짝수"/"even" (0); None for nothing.
    Raises ValueError naming the text when it is none of these."""
    if text is None or str(text).strip() == "":
        return None
    value = str(text).strip().lower()
    if value in ("홀수", "홀", "odd"):
        return 1
    if value in ("짝수", "짝", "even"):
        return 0
    if value.isdigit():
        return int(value[-1])
    raise ValueError(f"student_id: 학번(숫자)이나 '홀수'/'짝수'여야 합니다: {text!r}")


@dataclass(frozen=True)
class ExcludedCourse:
    """The sections of one course left out, as an answer states them: how many, why (each reason once, in
    the order met) and one rule as the catalog words it."""

    course: str
    count: int
    reasons: tuple[Reason, ...]
    rule: str


def by_course(exclusions: Sequence[Exclusion]) -> list[ExcludedCourse]:
    """`exclusions` grouped by course name, in the order met."""
    groups: dict[str, list[Exclusion]] = {}
    for item in exclusions:
        groups.setdefault(item.section.name, []).append(item)
    return [ExcludedCourse(name, len(items), tuple(dict.fromkeys(i.reason for i in items)), items[0].rule)
            for name, items in groups.items()]
