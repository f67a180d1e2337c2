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
    return {key: value for key, value in record.items() if value not in (None, "")}


def to_text(payload: dict[str, Any]) -> str:
    """JSON without ASCII escapes (Korean stays readable for the model and for logs)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def sections_artifact(kind: str, sections: list[CourseSection], **extra: Any) -> dict[str, Any]:
    """The artifact every course tool returns: `kind`, the full sections in rank order, and extras."""
    return {"kind": kind, "sections": list(sections), **extra}
