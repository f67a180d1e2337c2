"""Departments: full names written out, nicknames from the lexicon ("컴공", "경영"), stems followed by a
department word ("경영 전공", "전자과"), and English names ("computer science", "economics majors")."""

from __future__ import annotations

import re

from agent.query.departments_en import find_english_departments
from agent.query.link.context import LinkContext
from agent.query.reading import ParseState
from agent.query.text import Word, strip_particles

_DEPT_MARKERS = ("학과", "학부", "전공", "계열", "쪽", "대", "과")
_NEXT_WORD_MARKERS = ("전공", "학과", "학부", "계열", "쪽")


# "컴공인데 …", "경영학과 학생이라서 …": the student's own department, not a condition on the courses.
_OWN = re.compile(r"^\s*(?:이?(?:인데|라서|라|고|거든|에요|예요|입니다)|학생|생(?:이|인)|전공(?:생|인데|이라)|(?:다니|재학))")


class _Found:
    """Departments found so far, in order, and the notes saying how each was read."""

    def __init__(self, state: ParseState) -> None:
        self.state = state
        self.departments: list[str] = []

    def take(self, departments: list[str], start: int, end: int, said: str) -> None:
        if not departments:
            return
        if _OWN.match(self.state.question[end:]):
            self.state.student_departments.extend(d for d in departments if d not in self.state.student_departments)
            self.state.take(start, end, note=f"학생 소속: {', '.join(departments[:3])}")
            return
        self.departments.extend(d for d in departments if d not in self.departments)
        more = " 등" if len(departments) > 4 else ""
        self.state.take(start, end, note=f"학과: '{said}' → {', '.join(departments[:4])}{more}")


def link_departments(state: ParseState, ctx: LinkContext) -> None:
    found = _Found(state)
    for department, start, end in ctx.matcher.find_department_names(state.question):
        if state.taken(start, end):
            continue
        siblings = ctx.matcher.departments_like(department)
        if _OWN.match(state.question[end:]):
            found.take(siblings, start, end, department)
            continue
        found.departments.extend(d for d in siblings if d not in found.departments)
        state.department_mentions.append(department)
        state.take(start, end, note=f"학과: {', '.join(siblings)}")
    for named in find_english_departments(state.question, ctx.lexicon.english_department_patterns):
        if not state.taken(named.start, named.end):
            found.take(ctx.matcher.departments_for_stems(named.stems), named.start, named.end, named.said)
    for index, token in enumerate(ctx.tokens):
        if (token.is_hangul or token.text.isascii()) and not state.taken(token.start, token.end):
            _link_word(found, ctx, index, token)
    state.filters.departments = found.departments


def _link_word(found: _Found, ctx: LinkContext, index: int, token: Word) -> None:
    """One word as a department: a lexicon nickname, or a stem with a department marker (glued or next)."""
    tokens = ctx.tokens
    next_word = tokens[index + 1].text if index + 1 < len(tokens) else ""
    followed = next_word.startswith(_NEXT_WORD_MARKERS)
    for form in strip_particles(token.text.lower() if token.text.isascii() else token.text):
        if form in ctx.lexicon.departments:
            found.take(ctx.matcher.departments_for_stems(ctx.lexicon.departments[form]), token.start, token.end, form)
            return
        stem = next((form[: -len(m)] for m in _DEPT_MARKERS if form.endswith(m) and len(form) > len(m)), None)
        candidates = ([stem] if stem else []) + ([form] if followed else [])
        for candidate in candidates:
            departments = ctx.matcher.departments_for_stems(ctx.lexicon.department_stems.get(candidate, (candidate,)))
            if departments:
                glued = followed and next_word.startswith(("학과", "학부", "계열", "쪽"))
                found.take(departments, token.start, tokens[index + 1].end if glued else token.end, form)
                return
