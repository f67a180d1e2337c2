"""How a section is graded, where the catalog's remarks say so: no catalog has a grading column, but Sogang's
비고 writes "절대평가" and "성적평가:S/U", the sample's "P/F 평가". S/U (satisfactory/unsatisfactory) is pass/fail,
named "P/F" here. A section whose remarks say nothing states no grading (never "상대평가" by default)."""

from __future__ import annotations

import re

from agent.catalog.models import GRADINGS, CourseSection, Grading

_STATED: dict[Grading, re.Pattern[str]] = {
    "절대평가": re.compile(r"절대\s*평가"),
    "상대평가": re.compile(r"상대\s*평가"),
    "P/F": re.compile(r"(?<![A-Za-z])(?:S\s*/\s*U|P\s*/\s*F)(?![A-Za-z])|pass\s*/\s*fail", re.IGNORECASE),
}


def stated_grading(section: CourseSection) -> Grading | None:
    """The grading the section's remarks state (the first, in `GRADINGS` order), or None."""
    text = "\n".join(t for t in (section.notes, section.restrictions) if t)
    return next((grading for grading in GRADINGS if _STATED[grading].search(text)), None) if text else None
