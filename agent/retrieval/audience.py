"""The student's department, said beside a course: "자료구조 경영학과는 어느 반 들어야 돼?". A department that
offers none of the named course's sections is not where the course is offered but who takes it: the sections
whose registration rules name that department (Soongsil's "전체학년 금융경제 (대상외수강제한)", Sogang's
"경영대학(가능)") are the answer, read by the same rules the eligibility answers use."""

from __future__ import annotations

from collections.abc import Sequence

from agent.catalog.models import CourseSection
from agent.catalog.registration import verdict


def welcomes(section: CourseSection, departments: Sequence[str]) -> bool:
    """Do the section's registration rules name one of `departments` as students it is for?"""
    return bool(departments) and verdict(section, departments).kind == "allowed"


def offered_by(section: CourseSection, departments: Sequence[str]) -> bool:
    return (section.department or "") in departments
