"""Compact, model-readable records of course sections (what a tool's text result holds).

The model reads JSON text; the full `CourseSection`s travel beside it as the tool's artifact, so the
assistant can return them as structured sources without the model having to copy anything.
"""

from __future__ import annotations

import json
from typing import Any

from agent.catalog.models import CourseSection


def format_credits(credits: float | None) -> str | None:
    if credits is None:
        return None
    return f"{credits:g}"


def section_record(section: CourseSection) -> dict[str, Any]:
    """One section as a small dict: only fields a student asks about, empty ones left out."""
    record: dict[str, Any] = {
        "code": section.code,
        "section": section.section or None,
        "name": section.name,
        "professors": ", ".join(section.professors) or None,
        "credits": format_credits(section.credits),
        "schedule": section.schedule_label(),
        "department": section.department,
        "category": section.category,
        "term": section.term,
    }
    if section.english:
        record["english"] = True
    if section.target:
        record["target"] = section.target[:80]
    record.update(eligibility_record(section))
    return {key: value for key, value in record.items() if value not in (None, "")}


def eligibility_record(section: CourseSection) -> dict[str, Any]:
    """The optional fields a catalog may hold, only those it filled (the model must not read an absent
    field as 'no'): level, registration rules, seats as exported, delivery, language, exam, ID digits, the
    catalog's marks (CU공유대학, Honors ...).

    `language` is shown only when it is neither 영어 (`english` says that) nor 한국어 (what a student
    assumes; the sample catalog states it on every section); `enrolled` is left out when 0, because the real
    catalogs export it before registration (Soongsil: 0 for 2,976 of 3,048 sections), where 0 says nothing
    a student asks. Counts are the catalog's snapshot, hence `seats_left` rather than 'available'."""
    record: dict[str, Any] = {"level": section.level}
    if section.restricted_to_target:
        record["restricted_to_target"] = True
    if section.restrictions:
        record["restrictions"] = section.restrictions[:120]
    record.update(seats_left=section.seats_left, capacity=section.capacity, enrolled=section.enrolled or None)
    language = None if section.language in ("영어", "한국어") else section.language
    record.update(delivery=section.delivery, language=language)
    record.update(exam=section.exam, student_id_digits=section.student_id_digits)
    if section.flags:  # [] says nothing a student asks; None: the catalog has no marks
        record["flags"] = list(section.flags)
    return {key: value for key, value in record.items() if value is not None}


def to_text(payload: dict[str, Any]) -> str:
    """JSON without ASCII escapes (Korean stays readable for the model and for logs)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def sections_artifact(kind: str, sections: list[CourseSection], **extra: Any) -> dict[str, Any]:
    """The artifact every course tool returns: `kind`, the full sections in rank order, and extras."""
    return {"kind": kind, "sections": list(sections), **extra}
