"""A course's history across the terms an index holds: a set counted term by term, and the codes whose
course name changed (the renamed `CSE3013` was '컴퓨터공학설계및실험I' up to 2023-2, then
'소프트웨어개발도구및환경실습'), for the answers that span terms.
"""

from __future__ import annotations

from agent.catalog.models import CourseSection
from agent.index.base import CourseIndex, SearchHit
from agent.query.term_arithmetic import chronological
from agent.query.text import squash
from agent.retrieval.result import CourseTally, NameSpan, Rename, TermTally

# Renames are looked up for answers about a few courses only: a list of many courses is not about any one.
MAX_RENAME_CODES = 4


def tally_terms(hits: list[SearchHit], most: int = 6) -> list[TermTally]:
    """The sections of a set counted term by term, oldest first, with the first few courses (each with its
    sections and professors) and professors."""
    by_term: dict[str, list[SearchHit]] = {}
    for hit in hits:
        by_term.setdefault(hit.section.term, []).append(hit)
    return [_tally(term, [h.section for h in by_term[term]], most) for term in chronological(by_term)]


def _tally(term: str, sections: list[CourseSection], most: int) -> TermTally:
    by_course: dict[str, list[CourseSection]] = {}
    for section in sections:  # a name spelled with and without spaces is one course
        by_course.setdefault(squash(section.name), []).append(section)
    courses = [
        CourseTally(name=group[0].name, sections=len(group),
                    professors=list(dict.fromkeys(p for s in group for p in s.professors)))
        for group in list(by_course.values())[:most]
    ]
    return TermTally(
        term=term, sections=len(sections), course_count=len(by_course), courses=[c.name for c in courses],
        professors=list(dict.fromkeys(p for s in sections for p in s.professors))[:most], by_course=courses,
    )


def renames(index: CourseIndex, sections: list[CourseSection]) -> list[Rename]:
    """The codes of `sections` (a few courses' worth) whose name changed across every term the index holds,
    spaces in names ignored: each with its names in order, and the terms that had each."""
    codes = list(dict.fromkeys(s.code for s in sections))
    if not codes or len(codes) > MAX_RENAME_CODES:
        return []
    found = []
    for code in codes:
        spans = name_spans(index.get_course(code, None))
        if len(spans) > 1:
            found.append(Rename(code=code, names=spans))
    return found


def name_spans(sections: list[CourseSection]) -> list[NameSpan]:
    """The names one code's sections had, oldest first: a new span wherever the name changes from one term
    to the next."""
    by_term = {s.term: s.name for s in sections}
    spans: list[NameSpan] = []
    for term in chronological(by_term):
        name = by_term[term]
        if spans and squash(spans[-1].name) == squash(name):
            spans[-1] = spans[-1].model_copy(update={"last": term})
        else:
            spans.append(NameSpan(name=name, first=term, last=term))
    return spans
