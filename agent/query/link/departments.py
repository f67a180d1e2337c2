"""Departments: full names written out, nicknames from the lexicon ("컴공", "경영"), stems followed by a
department word ("경영 전공", "전자과"), and English names ("computer science", "economics majors").

A department the student rules out ("경영학과 말고", "컴공 수업은 빼고", "except economics") becomes
`exclude_departments` (`agent.query.negation`). "전공" right after a department is part of it ("컴공 전공" is
that department's courses), so the category reader never takes it for the category 전공."""

from __future__ import annotations

import re

from agent.query.departments_en import find_english_departments
from agent.query.link.context import LinkContext
from agent.query.negation import negation_of, with_negation
from agent.query.reading import ParseState
from agent.query.text import Word, stands_whole, strip_particles

_DEPT_MARKERS = ("학과", "학부", "전공", "계열", "쪽", "대", "과")
_NEXT_WORD_MARKERS = ("전공", "학과", "학부", "계열", "쪽")


# "컴공인데 …", "경영학과 학생이라서 …", "컴공 3학년인데", "나 경영학과야.", "컴공 1전공인데", "경영 복수전공자라서":
# the student's own department (as which of their majors), not a condition on the courses.
_OWN = re.compile(
    r"^\s*(?:[1-6]\s*학년\s*)?(?:(?:제\s*)?(?:[1-3]|주|복수|이중|부)\s*전공(?:자|생)?\s*)?(?:이?(?:인데|라서|라|고|거든|에요|예요|입니다|야(?=\s*[.,!]|\s*$))|학생|생(?:이|인)"
    r"|전공(?:생|인데|이라)|(?:다니|재학))"
)
# "경영학과도 자료구조 들을 수 있어?": a department asking on its students' behalf whether they may take a course.
_ALSO = re.compile(r"^\s*(?:학생|생)?(?:들)?도(?![가-힣])")
_MAY_TAKE = re.compile(r"(?:들어|수강해|신청해)\s*도\s*(?:돼|되|괜찮)|(?:들을|수강할|신청할)\s*수\s*있|(?:수강|신청)\s*가능")
# "can a CS major take …", "as an economics student": the same in English (one student,
# not "economics majors").
_OWN_EN_BEFORE = re.compile(r"\b(?:an?|as\s+an?|i'?m\s+an?|i\s+am\s+an?)\s+$", re.IGNORECASE)
_OWN_EN_WORD = re.compile(r"\b(?:major|student)$", re.IGNORECASE)
_OWN_EN_AFTER = re.compile(r"^\s*(?:major|student)\b(?!s)", re.IGNORECASE)
# Endings glued to a department that make it the student's own and that no particle list strips ("컴공이라서").
_OWN_ENDINGS = ("이라서", "라서", "이라", "이고", "이거든", "거든")


def owned(rest: str, question: str) -> bool:
    """Do the words `rest`, right after a department, make it the student's own (see `_OWN`, `_ALSO`)?"""
    return bool(_OWN.match(rest) or (_ALSO.match(rest) and _MAY_TAKE.search(question)))


class _Found:
    """Departments found so far, in order, and the notes saying how each was read."""

    def __init__(self, state: ParseState) -> None:
        self.state = state
        self.departments: list[str] = []
        self.excluded: list[str] = []

    def own(self, start: int, end: int) -> bool:
        """Do the words text[start:end] name the student's own department (a copula or "학생" after them, or
        in English "a CS major", "as an economics student")?"""
        question = self.state.question
        if owned(question[end:], question):
            return True
        english = _OWN_EN_WORD.search(question[start:end]) or _OWN_EN_AFTER.match(question[end:])
        return bool(english and _OWN_EN_BEFORE.search(question[:start]))

    def take(
        self, departments: list[str], start: int, end: int, said: str | None = None, *, own: bool = False
    ) -> None:
        """Departments the words text[start:end] name: wanted, or ruled out when a negation goes with them;
        `own` (or a copula after them): the student's own department, context only."""
        if not departments:
            return
        if own or self.own(start, end):
            self.state.student_departments.extend(d for d in departments if d not in self.state.student_departments)
            self.state.take(start, end, note=f"학생 소속: {', '.join(departments[:3])}")
            return
        negation = negation_of(self.state.question, start, end)
        found = self.excluded if negation is not None else self.departments
        found.extend(d for d in departments if d not in found)
        more = " 등" if len(departments) > 4 else ""
        named = f"'{said}' → " if said else ""
        kind = "제외 학과" if negation is not None else "학과"
        self.state.take(*with_negation(start, end, negation), note=f"{kind}: {named}{', '.join(departments[:4])}{more}")


def link_departments(state: ParseState, ctx: LinkContext) -> None:
    found = _Found(state)
    for department, start, end in ctx.matcher.find_department_names(state.question):
        if state.taken(start, end):
            continue
        siblings = ctx.matcher.departments_like(department)
        if not found.own(start, end) and negation_of(state.question, start, end) is None:
            state.department_mentions.append(department)
        found.take(siblings, start, end)
    for named in find_english_departments(state.question, ctx.lexicon.english_department_patterns):
        if not state.taken(named.start, named.end):
            found.take(ctx.matcher.departments_for_stems(named.stems), named.start, named.end, named.said)
    _standalone_phrases(found, state, ctx)
    for index, token in enumerate(ctx.tokens):
        if (token.is_hangul or token.text.isascii()) and not state.taken(token.start, token.end):
            _link_word(found, ctx, index, token)
    state.filters.departments = found.departments
    state.filters.exclude_departments = found.excluded


def _standalone_phrases(found: _Found, state: ParseState, ctx: LinkContext) -> None:
    """Stems said alone that mix letters with Latin or signs ("AI미디어학 수업", "정보통계·보험수리학"): one
    department, though the word reader would see its pieces (and "AI" alone is an abbreviation)."""
    lowered = state.question.lower()
    for stem in ctx.matcher.standalone_phrases:
        start = lowered.find(stem.lower())
        end = start + len(stem)
        if start == -1 or state.taken(start, end) or not stands_whole(state.question, start, end):
            continue
        found.take(ctx.matcher.standalone_departments(stem), start, end, stem)


def _link_word(found: _Found, ctx: LinkContext, index: int, token: Word) -> None:
    """One word as a department: a lexicon nickname, or a stem with a department marker (glued or next)."""
    tokens = ctx.tokens
    next_word = tokens[index + 1].text if index + 1 < len(tokens) else ""
    followed = next_word.startswith(_NEXT_WORD_MARKERS)
    # A department word after the name is part of it: "경영 학과", "컴공 전공" (the department's courses).
    glued = followed and (next_word.startswith(("학과", "학부", "계열", "쪽")) or strip_particles(next_word)[-1] == "전공")
    glued = glued and not _OWN.match(found.state.question[token.end :])  # "컴공 전공인데": the student's own
    end = tokens[index + 1].end if glued else token.end
    text = token.text.lower() if token.text.isascii() else token.text
    endings = [text[: -len(e)] for e in _OWN_ENDINGS if text.endswith(e) and len(text) - len(e) >= 2]
    forms = [*strip_particles(text), *endings]
    forms += [f[:-1] for f in forms if f.endswith("생") and len(f) > 2]  # "컴공생인데": 학생
    for form in forms:
        # "컴공인데", "컴공이라서", "경영학과도 … 들을 수 있어?": the ending glued to the name in one word.
        rest = re.sub(r"^(?:학과|학부|과|전공)", "", found.state.question[token.start + len(form) :])  # "정외과인데"
        own = text.startswith(form) and owned(rest, found.state.question)
        if form in ctx.lexicon.departments:
            departments = ctx.matcher.departments_for_stems(ctx.lexicon.departments[form])
            found.take(departments, token.start, end, form, own=own)
            return
        nicknamed = ctx.matcher.department_nicknames.get(form)  # "컴학", "정외": derived from the names
        if nicknamed:
            found.take(list(nicknamed), token.start, end, form, own=own)
            return
        alone = ctx.matcher.standalone_departments(form)
        if alone and not _starts_course_name(form, ctx, index):  # "경영학 과목", "수학 수업": the department
            found.take(alone, token.start, end, form, own=own)
            return
        stem = next((form[: -len(m)] for m in _DEPT_MARKERS if form.endswith(m) and len(form) > len(m)), None)
        candidates = ([stem] if stem else []) + ([form] if followed else [])
        for candidate in candidates:
            departments = ctx.matcher.departments_for_stems(ctx.lexicon.department_stems.get(candidate, (candidate,)))
            departments = departments or list(ctx.matcher.department_nicknames.get(candidate))  # "정외과"
            if departments:
                found.take(departments, token.start, end, form, own=own)
                return


def _starts_course_name(form: str, ctx: LinkContext, index: int) -> bool:
    """Is the stem the first word of a course name written with a space ("경제학 원론", "심리학 개론")?"""
    if index + 1 >= len(ctx.tokens) or not ctx.tokens[index + 1].is_hangul:
        return False
    following = strip_particles(ctx.tokens[index + 1].text)
    return any(ctx.matcher.name_contains(form + word) for word in following if len(word) >= 2)
