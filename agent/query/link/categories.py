"""Categories (이수구분) as students say them: 전필, 전선, 전기 (전공기초), 교필, 교선, 교양, 핵심교양, 기초교양,
and 전공 on its own ("전공 수업 중에", "3학년 전공", "전공 말고 교양"); each may be ruled out (`agent.query.negation`).

Where the catalog has categories (Soongsil: "전필-컴퓨터 [전공필수]", "교선 [교양선택]"; the loader appends the
long or short form, see `agent.catalog.categories`), a word becomes `SearchFilters.category` (a substring of
the category), or `exclude_categories`. A finer word the catalog does not use ("핵심교양") falls back to the
broader one it does ("교양"), and the note says so.

Where the catalog has no category column (Sogang), the words are read through departments, and the note says so:
교양 words mean the courses of the general-education unit (a department named like 전인교육원, 교양대학), 전공
words the courses of every other department. "전공" with a department ("컴공 전공", "컴공 3학년 전공") is that
department's courses on every catalog (`link/departments.py` reads "전공" right after a department as part of it).
"""

from __future__ import annotations

import re

from agent.query.link.context import LinkContext
from agent.query.negation import Negation, negation_of, with_negation
from agent.query.reading import ParseState

_CATEGORIES: list[tuple[re.Pattern[str], tuple[str, ...], str]] = [
    # Long forms first: the catalog loader appends them ("전선-전기 [전공선택]"), and a short form such as
    # 전기 would also hit "전선-전기" (the 전기공학 major's 전공선택).
    (re.compile(r"전공\s*필수|전필"), ("전공필수", "전필"), "전공필수"),
    (re.compile(r"전공\s*선택|전선(?![가-힣])"), ("전공선택", "전선"), "전공선택"),
    (re.compile(r"전공\s*기초|전기(?=\s*과목)"), ("전공기초", "전기"), "전공기초"),
    (re.compile(r"교양\s*필수|교필"), ("교양필수", "교필"), "교양필수"),
    (re.compile(r"교양\s*선택|교선"), ("교양선택", "교선"), "교양선택"),
    (re.compile(r"핵심\s*교양"), ("핵심교양", "교양"), "핵심교양"),
    (re.compile(r"기초\s*교양"), ("기초교양", "교양"), "기초교양"),
    (re.compile(r"교양"), ("교양", "교"), "교양"),
    # 전공 alone; not "전공 무관/상관없이" (regardless of major), "타 전공", "전공자", "전공인데" (the student's own,
    # `link/departments.py`), nor inside a word ("부전공").
    (re.compile(r"(?<![가-힣])(?<!타\s)(?<!다른\s)전공(?!\s*(?:무관|상관|불문|관계\s*없|자|생|인데|이라))"
                r"(?=$|[^가-힣]|수업|과목|강의|강좌|이|은|는|을|를|만|으로|쪽|들|인|도|중)"), ("전공",), "전공"),
]
_GENERAL_EDUCATION = re.compile(r"교양|전인교육|기초교육|학부대학")
# "전기" as a word is the 전기 major as often as 전공기초; beside another department or a year ("컴공 1학년 전기
# 뭐 들어야 돼") it is the category, since a student names one department at a time.
_MAJOR_BASICS = re.compile(r"(?<![가-힣])전기(?:를|는|도|만|로|으로)?(?![가-힣])")


def link_category(state: ParseState, ctx: LinkContext) -> None:
    """After the departments: without categories, the words are read through them."""
    _read_categories(state, ctx)
    major = (state.filters.category or "").startswith("전공")
    if major and not state.filters.departments and state.student_departments:
        # "소프트 전공인데 월수 오후 전선 뭐 있어?": a major's category is the student's own major's courses.
        state.filters.departments = list(state.student_departments)
        state.notes.append(f"학과: {', '.join(state.student_departments[:3])} (학생 소속의 {state.filters.category})")


def _read_categories(state: ParseState, ctx: LinkContext) -> None:
    for pattern, candidates, label in _patterns(state):
        for match in pattern.finditer(state.question):
            if state.taken(*match.span()):
                continue
            negation = negation_of(state.question, *match.span())
            span = with_negation(*match.span(), negation)
            if label == "전공" and negation is None and state.filters.departments:
                # "컴공 3학년 전공": the named department's courses, as "컴공 전공" is (on every catalog).
                state.take(*span, note=f"이수구분: '전공'은 {', '.join(state.filters.departments[:3])} 개설 강좌로 읽었어요")
            elif ctx.matcher.categories:
                state.take(*span, note=_as_category(state, ctx, candidates, label, negation))
            else:
                _without_categories(state, ctx, span, label, negation)


def _patterns(state: ParseState) -> list[tuple[re.Pattern[str], tuple[str, ...], str]]:
    context = state.filters.departments or state.filters.year is not None or state.student_departments
    if not context or any("전기" in d for d in state.filters.departments):
        return _CATEGORIES
    return [*_CATEGORIES[:3], (_MAJOR_BASICS, ("전공기초", "전기"), "전공기초"), *_CATEGORIES[3:]]


def _as_category(state: ParseState, ctx: LinkContext, candidates: tuple[str, ...], label: str,
                 negation: Negation | None) -> str:
    value = ctx.matcher.category_value(candidates)
    fallback = f" ('{label}' 구분은 이 수강편람에 없어 {value}(으)로 찾았어요)" if value != candidates[0] else ""
    if negation is not None:
        if value not in state.filters.exclude_categories:
            state.filters.exclude_categories.append(value)
        return f"이수구분: {label} 제외{fallback}"
    if state.filters.category is None:
        state.filters.category = value
        return f"이수구분: {label}{fallback}"
    return f"이수구분: {label} (한 가지만 적용: {state.filters.category})"


def _without_categories(state: ParseState, ctx: LinkContext, span: tuple[int, int], label: str,
                        negation: Negation | None) -> None:
    """Sogang has no 이수구분: 교양 words -> the general-education unit's courses, 전공 words -> the others'."""
    general = [d for d in ctx.matcher.departments if _GENERAL_EDUCATION.search(d)]
    said = f"'{label}' 제외" if negation is not None else f"'{label}'"
    if not general:
        # Nothing to read it through: the word only orders the results (never a condition nor an unknown name).
        state.replacements[span] = label
        state.notes.append(f"이수구분: 이 수강편람에는 이수구분이 없어 '{label}'은(는) 조건으로 쓰지 않았어요")
        return
    wants_general = label.startswith("교") or label in ("핵심교양", "기초교양")
    if negation is not None:
        wants_general = not wants_general
    where = ", ".join(general)
    if wants_general and not state.filters.departments:
        state.filters.departments = list(general)
        reading = f"{where} 개설 강좌로"
    elif not wants_general:
        state.filters.exclude_departments.extend(d for d in general if d not in state.filters.exclude_departments)
        reading = f"{where} 외 학과의 개설 강좌로"
    else:
        reading = "말한 학과의 강좌로"
    state.take(*span, note=f"이수구분: 이 수강편람에는 이수구분이 없어 {said}을(를) {reading} 찾았어요")
