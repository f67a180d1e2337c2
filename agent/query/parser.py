"""`parse_question`: a student's question -> `SearchFilters`, the courses it names, and the free text left.

The question is normalized (`normalize.py`), then read by the linkers in `LINKERS`, in order; each claims
the spans it understood, so a later linker never reads them again. What is left is judged closed-world
(`residue.py`): leftover words are ranking nudges, or unknown course names (see `agent.query.reading`).

What the linkers understand (each fills `notes` so the answer can say how it read the question):
- terms ("2024년 1학기", "작년 1학기", "지난 학기", "spring 2024", "예전에도 열렸어?": `link/terms.py`),
  rooms ("정보과학관 21203", "K201 강의실"), course codes (Soongsil 10 digits,
  Sogang "CSE2003", the sample's "CS101"), section numbers ("02분반");
- credits ("3학점"), recommended year ("3학년"), English-taught ("영어강의");
- days and times (`schedule/`), class periods ("월요일 1교시", "3-4교시": `link/periods.py`); professors in
  the vocabulary; departments (`link/departments.py`);
- level, language of instruction, delivery, grading, the catalog's marks and seats (`link/offering.py`:
  "대학원", "영한혼합", "온라인", "절대평가", "CU공유대학", "honors 반", "여석 있는"); categories after the
  departments (`link/categories.py`: 전필, 교양, 전공 ...);
- course names, nicknames, typos and English aliases (`link/courses.py`).
Anything linked may be ruled out ("대학원 수업 말고", "not on Friday", "김교수님 반 빼고": `negation.py`).

Deterministic, no analyzer and no model: it runs on every request.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from agent.index.base import SearchFilters, Vocabulary
from agent.query.lexicon import default_lexicon
from agent.query.link import offering, slots
from agent.query.link.categories import link_category
from agent.query.link.context import LinkContext
from agent.query.link.courses import link_courses
from agent.query.link.departments import link_departments
from agent.query.link.names import link_whole_names
from agent.query.link.periods import link_periods
from agent.query.link.places import link_buildings
from agent.query.negation import negation_of, with_negation
from agent.query.link.terms import link_terms
from agent.query.normalize import normalize_question
from agent.query.reading import ParsedQuestion, ParseState
from agent.query.residue import read_residue
from agent.query.schedule import parse_schedule
from agent.query.term_arithmetic import chronological
from agent.query.text import blank_spans, words
from agent.query.vocab import VocabularyMatcher, matcher_for

_TITLES = re.compile(r"^\s*(교수님|교수|쌤|선생님|강사님|강사)")

Linker = Callable[[ParseState, LinkContext], None]


def link_schedule(state: ParseState, ctx: LinkContext) -> None:
    schedule = parse_schedule(blank_spans(state.question, state.claimed()))  # not inside what others claimed
    state.filters.days = schedule.days  # type: ignore[assignment]
    state.filters.exclude_days = schedule.exclude_days  # type: ignore[assignment]
    state.filters.start_after, state.filters.start_before, state.filters.end_before = (
        schedule.start_after, schedule.start_before, schedule.end_before,
    )
    state.filters.end_after = schedule.end_after
    state.spans.extend(schedule.spans)
    state.notes.extend(schedule.notes)


def link_professors(state: ParseState, ctx: LinkContext) -> None:
    for name, start, end in ctx.matcher.find_professors(state.question):
        if state.taken(start, end):
            continue
        title = _TITLES.match(state.question[end:])
        end += title.end() if title else 0
        negation = negation_of(state.question, start, end)  # "김민수 교수님 반 말고", "not taught by …"
        found = state.filters.exclude_professors if negation is not None else state.filters.professors
        found.append(name)
        state.take(*with_negation(start, end, negation), note=f"{'제외 교수' if negation else '교수'}: {name}")


LINKERS: tuple[Linker, ...] = (
    link_whole_names,  # first: no other linker reads inside a name written out whole
    link_terms,
    slots.link_rooms,
    link_buildings,
    slots.link_codes,
    slots.link_code_series,
    slots.link_section,
    slots.link_credits,
    slots.link_year,
    offering.link_flags,  # before departments and names: "국제학생 전용" is a mark, not 국제학부
    offering.link_languages,
    slots.link_english,
    link_schedule,
    link_periods,
    link_professors,
    link_departments,
    offering.link_levels,
    offering.link_delivery,
    offering.link_seats,
    offering.link_grading,
    link_category,
    link_courses,
)


def parse_question(
    question: str, vocabulary: Vocabulary, *, now_term: str | None = None, terms: Iterable[str] = ()
) -> ParsedQuestion:
    """Parse a student's question against one term's vocabulary.

    `now_term` is the CURRENT term: what a question means when it names none, and what relative words
    ("지난 학기", "작년") count from. `terms` are the terms the index holds (any order): with them, a term the
    question names is checked ("2022-1" may be missing), "여름학기" finds the newest summer session and
    "예전에도" every term. A term the question names wins over `now_term`. Never raises on odd input: unknown
    words stay in `query`. The result is the caller's own copy (one answer parses the same question in the
    search model and again in the retriever, so parses are remembered per question, terms and vocabulary).
    """
    held = tuple(chronological(terms))
    return _own_copy(_parse(normalize_question(question), now_term, held, matcher_for(vocabulary)))


def _own_copy(parsed: ParsedQuestion) -> ParsedQuestion:
    """A copy whose lists (and filters) the caller may change: every list holds only strings or numbers,
    so copying the lists is enough (and ~20x cheaper than `model_copy(deep=True)`)."""
    filters = parsed.filters
    return parsed.model_copy(update={
        **{name: list(value) for name, value in parsed.__dict__.items() if isinstance(value, list)},
        "filters": filters.model_copy(
            update={name: list(value) for name, value in filters.__dict__.items() if isinstance(value, list)}),
    })


@lru_cache(maxsize=256)
def _parse(
    text: str, now_term: str | None, terms: tuple[str, ...], matcher: VocabularyMatcher
) -> ParsedQuestion:
    state = ParseState(text, SearchFilters(term=now_term))
    ctx = LinkContext(
        matcher=matcher, lexicon=default_lexicon(), tokens=words(text), terms=terms, now_term=now_term
    )
    for linker in LINKERS:
        linker(state, ctx)
    residue = read_residue(state, ctx)
    topics = list(dict.fromkeys(residue.topics))
    name_terms = [
        t for t in topics
        if t not in state.names and (len(t) >= 2 or not t.isalnum()) and matcher.name_contains(t)
    ]
    return ParsedQuestion(
        question=text,
        filters=state.filters,
        query=" ".join(dict.fromkeys(residue.parts)),
        course_codes=state.filters.course_codes,
        course_names=state.names,
        topics=topics,
        nudges=list(dict.fromkeys(residue.nudges)),
        unknown_names=list(dict.fromkeys(residue.unknown_names)),
        rooms=state.rooms,
        section=state.section,
        excluded_names=state.excluded,
        name_terms=name_terms,
        department_mentions=state.department_mentions,
        student_departments=state.student_departments,
        student_year=state.student_year,
        notes=state.notes,
        missing_term=state.missing_term,
        across_terms=state.across_terms,
        assumed_periods=state.assumed_periods,
    )
