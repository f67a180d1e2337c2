"""A course the term asked about lacks, which other terms of the index hold: closed-world across terms.

A question is read against the vocabulary of the term it asks about (`CourseRetriever.parse`). A course that
term does not offer then reads as a name the catalog lacks ("컴퓨터공학설계및실험I" after its rename), or as a
topic word inside other names ("운영체제" where only "운영체제입문" is offered), and the answer would offer
other courses in its place. Read against every term's vocabulary, it is a course of the catalog all the same:
one that stopped, was renamed, or runs in other semesters. Then the answer is that course, from the terms that
have it, with the term asked said to lack it (`TermScope.absent`, `absent_from`); courses of the term asked
whose names hold the word follow as related sections, outside the set and its count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from agent.index.base import CourseIndex, SearchFilters, SearchHit, Vocabulary
from agent.index.filtering import matches
from agent.query import ParsedQuestion, parse_question
from agent.query.lexicon import default_lexicon
from agent.query.term_arithmetic import chronological
from agent.query.text import name_key, squash
from agent.retrieval.history import renames, tally_terms
from agent.retrieval.result import TermScope

Named = Callable[[str, SearchFilters], list[SearchHit]]  # the sections of exactly one course name


@dataclass(frozen=True)
class Absent:
    """What the term `asked` lacks of the question: course `names` (read against every term's vocabulary:
    `parsed`) or `codes`."""

    asked: str
    parsed: ParsedQuestion
    names: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()

    @property
    def labels(self) -> list[str]:
        return list(self.names or self.codes)


def absent_courses(
    question: str, parsed: ParsedQuestion, merged: SearchFilters, current: str | None, *, held: list[str],
    vocabulary: Callable[[str | None], Vocabulary], index: CourseIndex,
) -> Absent | None:
    """The courses the question names that the one term it searches lacks and other `held` terms have (None
    when there are none, or when the question asks across terms, names several terms or a course the term
    does offer). `vocabulary(term)` is a term's vocabulary (None: every term's)."""
    asked = merged.term
    if len(held) < 2 or asked is None or merged.terms or parsed.across_terms:
        return None
    if merged.course_codes:
        codes = [c for c in merged.course_codes
                 if not index.get_course(c, asked) and index.get_course(c, None)]
        return Absent(asked, parsed, codes=tuple(codes)) if len(codes) == len(merged.course_codes) else None
    if not (parsed.unknown_names or parsed.name_terms or parsed.course_names or parsed.nudges):
        return None  # no words left that could name a course the term lacks
    every_term = vocabulary(None)
    everywhere = parse_question(question, every_term, now_term=current, terms=held)
    offered = {squash(name) for name in vocabulary(asked).course_names}
    names = [name for name in everywhere.course_names
             if squash(name) not in offered and stated(name, question, every_term)]
    # A name the term offers, linked both ways, is the question's course: only substitutes give way.
    if not names or set(parsed.course_names) & set(everywhere.course_names):
        return None
    return Absent(asked, everywhere, names=tuple(names))


def stated(name: str, question: str, vocabulary: Vocabulary) -> bool:
    """Does the question name this course itself: its name (spaces aside), a nickname or misspelling the
    lexicon lists for it, or the catalog's English name? Not a guess that the larger vocabulary of every term
    made possible (a near-miss, a derived abbreviation, a longer name starting the same way: "데이터베이스"
    read as 데이터베이스입문): "not offered this term" must rest on what the student wrote."""
    key = name_key(name)
    if key in name_key(question):
        return True
    lexicon = default_lexicon()
    forms = [form for form, names in lexicon.courses.items() if key in {name_key(n) for n in names}]
    forms += [form for form, target in lexicon.typos.items() if name_key(target) == key]
    forms += [english.lower() for english, course in vocabulary.english_names if course == name]
    lowered = question.lower()
    return any(_mentions(lowered, form) for form in forms)


def _mentions(text: str, form: str) -> bool:
    """`form` in `text`; a Latin one as a whole word ("os" is not in "costs")."""
    if not form.isascii():
        return form in text
    return re.search(r"(?<![a-z0-9])" + re.escape(form) + r"(?![a-z0-9])", text) is not None


def elsewhere_hits(
    absent: Absent, filters: SearchFilters, named: Named, index: CourseIndex
) -> list[SearchHit]:
    """The absent courses' sections in the terms `filters` name, under its conditions (else without them),
    newest term first."""
    hits = _sections(absent, filters, named, index) or _sections(
        absent, SearchFilters(terms=filters.terms), named, index)
    order = {term: i for i, term in enumerate(reversed(chronological({h.section.term for h in hits})))}
    return sorted(hits, key=lambda h: order[h.section.term])  # stable: each term keeps the lookup's order


def elsewhere_scope(scope: TermScope, absent: Absent, hits: list[SearchHit], index: CourseIndex) -> TermScope:
    """`scope` for an answer from the terms that have the absent courses: those terms, counted term by term,
    the term asked that lacks them, and codes renamed on the way."""
    return scope.model_copy(update={
        "searched": chronological({h.section.term for h in hits}), "tallies": tally_terms(hits),
        "absent": absent.labels, "absent_from": absent.asked,
        "renames": renames(index, [h.section for h in hits]),
    })


def _sections(absent: Absent, filters: SearchFilters, named: Named, index: CourseIndex) -> list[SearchHit]:
    if absent.codes:
        return [
            SearchHit(section=section, score=1.0, matched_by="code")
            for code in absent.codes for section in index.get_course(code, None) if matches(section, filters)
        ]
    seen: set[str] = set()
    hits: list[SearchHit] = []
    for name in absent.names:
        for hit in named(name, filters):
            if hit.section.id not in seen:
                seen.add(hit.section.id)
                hits.append(hit)
    return hits
