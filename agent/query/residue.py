"""What is left of a question once every linker has read it: the free text for hybrid search, and the
closed-world verdict on each leftover word (see `agent.query.reading`).

A leftover word never becomes a condition. It is a `nudge` (ranking only), unless it is shaped like a course
name and links to nothing the catalog holds: then it is an `unknown_name`, the one leftover that may make
the answer "no such course". Shaped like a course name means: a Korean word ending like one ("양자요리학",
"우주개론"), or any word the student put right before a class word ("머신러닝 수업", "Quantum Cooking course").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from agent.query.fillers import is_filler
from agent.query.link.context import LinkContext
from agent.query.reading import ParseState
from agent.query.text import CLASS_SUFFIXES, Word, strip_particles

COURSE_SUFFIX = re.compile(r"(?:학|론|개론|입문|실습|실험|세미나|연습|특강|원리|이론|설계|분석|공학|프로그래밍)$")
_CLASS_WORD_NEXT = re.compile(r"^\s*(?:수업|강의|과목|강좌|클래스|classes|class|courses|course|lectures?)(?![A-Za-z])", re.I)
# Everyday words that end like a course name but are not one ("방학 때 수업", "대학원 과목").
_MODIFIER_ENDINGS = frozenset("는은한운센른쁜픈든된난")
_ENGLISH_NAME_RUN = re.compile(r"^(?:\s+[A-Z][A-Za-z0-9&+-]*){0,4}\s+(?i:course|class|lecture)s?\b")
_NOT_NAMES = frozenset({
    "방학", "입학", "대학", "휴학", "복학", "유학", "개학", "재학", "통학", "진학", "이번학", "다음학", "편입학", "무슨학",
    "어느학", "무슨과목", "무슨수업", "어떤과목", "어떤수업", "교양과목", "전공과목", "학기", "대학원",
})


@dataclass
class Residue:
    parts: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    nudges: list[str] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)


def read_residue(state: ParseState, ctx: LinkContext) -> Residue:
    """The words nobody consumed, with abbreviations expanded and fillers dropped, each judged."""
    out = Residue()
    leftovers: dict[int, str] = {}  # token index -> its form, for the words nothing linked
    for index, token in enumerate(ctx.tokens):
        replacement = state.replacements.get((token.start, token.end))
        if replacement is not None:
            out.parts.append(replacement)
            out.topics.append(replacement)
            continue
        if _consumed(state, token) or _not_a_word(token) or is_filler(token.text):
            continue
        form = _form(token, ctx)
        out.parts.append(form)
        out.topics.append(form)
        if ctx.matcher.courses_for_key(form) or _inside(token, state.reserved):
            continue  # a course name the question wrote out, or a word of one: linked, not a leftover
        leftovers[index] = form
        if _unknown_name(form, token, index, state, ctx):
            out.unknown_names.append(_as_written(token))
    # English phrase aliases span several tokens: add those not already emitted.
    for value in state.replacements.values():
        if value not in out.parts:
            out.parts.append(value)
            out.topics.append(value)
    out.unknown_names = _merge_english_runs(out.unknown_names, state.question)
    out.unknown_names += _unknown_phrases(leftovers, state, ctx, out.unknown_names)
    out.unknown_names += [name for name in state.unlinked if name not in out.unknown_names and not state.names]
    out.nudges = [f for i, f in leftovers.items() if _as_written(ctx.tokens[i]) not in " ".join(out.unknown_names)]
    return out


def _unknown_phrases(leftovers: dict[int, str], state: ParseState, ctx: LinkContext, known: list[str]) -> list[str]:
    """A name phrase right before a class word ("한식조리 실습 수업") is one name: when any word of it links to
    nothing, the whole phrase is a name the catalog lacks, even if another of its words occurs in names."""
    phrases: list[str] = []
    for index, token in enumerate(ctx.tokens):
        if not (_is_class_word(token.text) or _has_class_suffix(token.text)):
            continue
        run = [index] if index in leftovers else []
        j = index - 1
        # Nouns only: a word ending like a verb's modifier ("날려보는", "편한") ends the name phrase.
        while j >= 0 and j in leftovers and ctx.tokens[j].text[-1] not in _MODIFIER_ENDINGS:
            run.insert(0, j)
            j -= 1
        words_ = [ctx.tokens[i] for i in run]
        unlinked = [
            w for w, i in zip(words_, run, strict=True)
            if not ctx.matcher.name_contains(leftovers[i]) and leftovers[i][-1] not in _MODIFIER_ENDINGS
            and leftovers[i] not in _NOT_NAMES and (w.is_hangul or w.text[:1].isupper())
        ]
        if len(run) >= 2 and unlinked:
            phrase = " ".join(_as_written(w) for w in words_)
            if phrase not in known and not any(_as_written(w) == phrase for w in unlinked):
                phrases.append(phrase)
    return phrases


def _is_class_word(word: str) -> bool:
    return strip_particles(word)[-1] in ("수업", "강의", "과목", "강좌", "클래스") or word.lower() in (
        "course", "courses", "class", "classes", "lecture", "lectures")


def _inside(token: Word, spans: list[tuple[int, int]]) -> bool:
    return any(start <= token.start and token.end <= end for start, end in spans)


def _consumed(state: ParseState, token: Word) -> bool:
    spans = list(state.spans) + list(state.replacements)
    return any(not (token.end <= s or token.start >= e) for s, e in spans)


_UNIVERSITY = re.compile(r"^[가-힣]{2,4}(?:대학교|대)(?:에서|에는|에|의|는|은|도)?$")


def _not_a_word(token: Word) -> bool:
    """Digits, punctuation, and the university's own name ("숭실대에", "서강대학교"): the catalog is that
    university's, so naming it adds no condition."""
    if token.text.isdigit() or not (token.is_hangul or (token.text.isascii() and token.text[0].isalpha())):
        return True
    return bool(_UNIVERSITY.match(token.text))


def _form(token: Word, ctx: LinkContext) -> str:
    if not token.is_hangul:
        return token.text
    forms = strip_particles(token.text)
    return next((f for f in forms if ctx.matcher.courses_for_key(f)), forms[-1])


def _unknown_name(form: str, token: Word, index: int, state: ParseState, ctx: LinkContext) -> bool:
    """Course-shaped and linked to nothing: no course name contains it, no professor or department is it."""
    if form in _NOT_NAMES or token.text in _NOT_NAMES or ctx.matcher.name_contains(form):
        return False
    if form in ctx.matcher.people_and_departments:
        return False
    before_class_word = bool(_CLASS_WORD_NEXT.match(state.question[token.end:])) or _has_class_suffix(token.text)
    if token.is_hangul:
        if form[-1] in _MODIFIER_ENDINGS or token.text[-1] in _MODIFIER_ENDINGS:
            return False  # "빡센 수업", "편해지는 강의": how the class should be, not its name
        return len(form) >= 2 and (
            before_class_word or (len(form) >= 3 and bool(COURSE_SUFFIX.search(form))) or _long_compound(form, ctx)
        )
    # English: only capitalised words, in a run that ends at a class word ("Quantum Cooking course"): an
    # "easy class" is a wish, not a name.
    return token.text[:1].isupper() and len(form) >= 3 and bool(_ENGLISH_NAME_RUN.match(state.question[token.end:]))


def _long_compound(form: str, ctx: LinkContext) -> bool:
    """A long word built on a course name's part ("알고리즘설계와분석" holds 알고리즘) that no course is called:
    a name the student remembers, not a wish."""
    if len(form) < 5:
        return False
    return any(ctx.matcher.name_contains(form[i : i + n]) for n in (4, 3) for i in range(len(form) - n + 1))


def _has_class_suffix(word: str) -> bool:
    return any(word.endswith(s) and len(word) - len(s) >= 2 for s in CLASS_SUFFIXES if s != "시간표")


def _as_written(token: Word) -> str:
    """The student's own spelling, without particles or a glued class word ("머신러닝수업을" -> "머신러닝")."""
    if not token.is_hangul:
        return token.text
    forms = strip_particles(token.text)
    return min(forms, key=len)


def _merge_english_runs(names: list[str], question: str) -> list[str]:
    """Adjacent English words before a class word are one name: "Quantum Cooking course"."""
    english = [n for n in names if n.isascii()]
    if len(english) < 2:
        return names
    run = re.search(r"((?:[A-Za-z][A-Za-z0-9&+-]*\s+){1,5})(?:course|class|lecture)s?\b", question, re.I)
    if not run:
        return names
    phrase = " ".join(w for w in run.group(1).split() if w in english)
    if not phrase:
        return names
    return [n for n in names if n not in english] + [phrase]
