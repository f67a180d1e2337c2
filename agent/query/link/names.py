"""Whole course names, read before anything else: a name the catalog holds, written out whole, claims its
words, so no later linker reads a part of it as something else ("AI" in 컴퓨터그래픽스및AI응용 is no
abbreviation of 인공지능, "3학점" in 사회복지조사론(3학점) no credit condition, "화학과" in 화학과현대생활 no
department, "Business" in Business English no 경영학과).

A name counts when its key (spaces aside, Roman numerals as digits: `name_key`) is found in the question
as whole words: nothing of a word before it, and after it at most particles or a class word ("자료구조랑",
"컴퓨터 구조 수업"). A name whose end and a department word after it make a department's name
("소프트웨어공학과", "미시 경제학과") may mean the department: it is left to the linkers that weigh both.
Short names (under 4 letters, unless Korean mixed with digits or Latin letters: "역학1") are left to
`link_courses`, which reads them word by word: alone they are too often ordinary words.
"""

from __future__ import annotations

import re

from agent.query.link.context import LinkContext
from agent.query.negation import negation_of, with_negation
from agent.query.reading import ParseState
from agent.query.text import hangul_after, keyed_text, stands_whole

_DEPARTMENT_WORDS = ("학과", "학부", "전공", "과", "부")
_PREFIX_BEFORE = re.compile(r"(\[[^\]]*\]|\([^)]*\))\s*$")


def link_whole_names(state: ParseState, ctx: LinkContext) -> None:
    keyed, spans = keyed_text(state.question)
    if len(keyed) < 4:
        return
    named: list[tuple[int, list[str]]] = []
    for key in ctx.matcher.whole_name_keys:  # longest first: "고급운영체제" before the 운영체제 inside it
        at = keyed.find(key)
        while at != -1:
            span = (spans[at][0], spans[at + len(key) - 1][1])
            if not state.taken(*span) and _whole(state.question, span, ctx):
                named.append((span[0], _claim(state, ctx, key, span)))
            at = keyed.find(key, at + 1)
    for _, names in sorted(named, key=lambda found: found[0]):  # in the question's order, as the student named them
        state.add_name(names)


def _whole(question: str, span: tuple[int, int], ctx: LinkContext) -> bool:
    """Are the words at `span` the name itself, not a part of longer words nor a department's name?"""
    start, end = span
    if not stands_whole(question, start, end):
        return False
    written = "".join(question[start:end].split())
    return not (hangul_after(question, end).startswith(_DEPARTMENT_WORDS) and any(
        ctx.matcher.is_department_stem(written[i:]) for i in range(len(written) - 1)
    ))  # "소프트웨어공학과", "미시 경제학과": a department may be meant; the other linkers decide


def _claim(state: ParseState, ctx: LinkContext, key: str, span: tuple[int, int]) -> list[str]:
    """Claim the name's words; the courses it names (none when it is ruled out or excluded already)."""
    names = [n for n in ctx.matcher.courses_for_key(key) if n not in state.excluded]
    negation = negation_of(state.question, *span)
    if negation is not None:  # "자료구조및알고리즘 말고": ruled out, as `link_courses` reads a name
        state.excluded.extend(names)
        state.take(*with_negation(*span, negation), note=f"제외: {', '.join(names[:3])}")
        return []
    if names:
        state.reserve(*_with_prefix(state.question, span, names))
    return names


def _with_prefix(question: str, span: tuple[int, int], names: list[str]) -> tuple[int, int]:
    """The span with the bracketed prefix the catalog writes before the name, when the student wrote it too
    ("[SW와AI]AI와데이터기초": the "AI" in the brackets is the name's, not an abbreviation)."""
    prefix = _PREFIX_BEFORE.search(question[: span[0]])
    if prefix and any(name.replace(" ", "").startswith(prefix.group(1).replace(" ", "")) for name in names):
        return prefix.start(1), span[1]
    return span
