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

from dataclasses import dataclass
from typing import TYPE_CHECKING

from agent.index.base import SearchFilters, SearchHit
from agent.index.filtering import matches
from agent.query import ParsedQuestion, parse_question
from agent.query.term_arithmetic import chronological
from agent.query.text import squash
from agent.retrieval.history import renames, tally_terms
from agent.retrieval.result import RetrievalResult

if TYPE_CHECKING:
    from agent.retrieval.retriever import CourseRetriever


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
    retriever: CourseRetriever, question: str, parsed: ParsedQuestion, merged: SearchFilters, current: str | None
) -> Absent | None:
    """The courses the question names that the one term it searches lacks and other held terms have (None
    when there are none, or when the question asks across terms, names several terms or a course the term
    does offer)."""
    held = retriever.terms()
    asked = merged.term
    if len(held) < 2 or asked is None or merged.terms or parsed.across_terms:
        return None
    if merged.course_codes:
        index = retriever.index
        codes = [c for c in merged.course_codes if not index.get_course(c, asked) and index.get_course(c, None)]
        return Absent(asked, parsed, codes=tuple(codes)) if len(codes) == len(merged.course_codes) else None
    if not (parsed.unknown_names or parsed.name_terms or parsed.course_names or parsed.nudges):
        return None  # no words left that could name a course the term lacks
    everywhere = parse_question(question, retriever.vocabulary(None), now_term=current, terms=held)
    offered = {squash(name) for name in retriever.vocabulary(asked).course_names}
    names = [name for name in everywhere.course_names if squash(name) not in offered]
    # A name the term offers, linked both ways, is the question's course: only substitutes give way.
    if not names or set(parsed.course_names) & set(everywhere.course_names):
        return None
    return Absent(asked, everywhere, names=tuple(names))


def answer_elsewhere(
    retriever: CourseRetriever, base: dict, parsed: ParsedQuestion, absent: Absent, merged: SearchFilters, k: int
) -> RetrievalResult | None:
    """The absent courses' sections in the other terms, newest term first (under the question's conditions,
    else without them), with related sections of the term asked after them. None when no term has them."""
    others = [t for t in chronological(retriever.terms()) if t != absent.asked]
    filters = merged.model_copy(update={"term": None, "terms": others, "course_codes": []})
    hits = _sections(retriever, absent, filters) or _sections(retriever, absent, SearchFilters(terms=others))
    if not hits:
        return None
    order = {term: i for i, term in enumerate(reversed(chronological({h.section.term for h in hits})))}
    hits = sorted(hits, key=lambda h: order[h.section.term])  # stable: each term keeps the lookup's order
    scope = base["scope"].model_copy(update={
        "searched": chronological(order), "tallies": tally_terms(hits), "absent": absent.labels,
        "absent_from": absent.asked, "renames": renames(retriever.index, [h.section for h in hits]),
    })
    from agent.retrieval.retriever import _Found

    related = _related(retriever, parsed, merged, k, {h.section.id for h in hits})
    page_base = {**base, "scope": scope, "parsed": absent.parsed, "term": None}
    return retriever._page(page_base, _Found(hits, related), filters, k, exact=True)


def _sections(retriever: CourseRetriever, absent: Absent, filters: SearchFilters) -> list[SearchHit]:
    if absent.codes:
        return [
            SearchHit(section=section, score=1.0, matched_by="code")
            for code in absent.codes for section in retriever.index.get_course(code, None)
            if matches(section, filters)
        ]
    seen: set[str] = set()
    hits: list[SearchHit] = []
    for name in absent.names:
        for hit in retriever._named(name, filters):
            if hit.section.id not in seen:
                seen.add(hit.section.id)
                hits.append(hit)
    return hits


def _related(
    retriever: CourseRetriever, parsed: ParsedQuestion, merged: SearchFilters, k: int, shown: set[str]
) -> list[SearchHit]:
    """Courses of the term asked whose names hold the question's words ("운영체제입문" for "운영체제"): related,
    never the course asked about."""
    if not parsed.name_terms:
        return []
    found = retriever._topic_tier(parsed, merged, k)
    return [h for h in found.matched if h.section.id not in shown][:k]
