"""Counts an answer states, checked against the catalog: "No answer states a count that differs from it."

`stated_counts(answer)` reads every count of sections or courses an answer states ("20과목 49개 분반",
"분반이 16개", "강좌를 3개", "조건에 맞는 것은 2개", "49 sections in 20 courses", "1 section of …"), skipping
bullets and the phrases that say which part of a list is shown ("처음 12개", "13-24번째", "나머지 37개",
"the first 12", "the other 37"). A count in other words is not read (and so not checked).

`CatalogTruth` holds one catalog's sections, read by the project's loader from the catalog file (not the
index), and computes by brute force the set a question's conditions define: the question is read by the
same parser (`agent.query`) over the catalog's vocabulary, and what it links selects sections the way the
retriever's set is defined (course codes, else course names, else topic words in names, else conditions
alone), with `agent.index.filtering.matches` and the retriever's block-wise schedule rule deciding what a
condition means. Everything between — the index, its prefilter, the listing limit, paging, the answer —
is what the check tests.

A count in a line that names one course of the set ("자료구조는 분반이 16개 있어요", "자료구조 분반 중 조건(월요일)에
맞는 것은 2개예요") is that course's sections within the set; any other count is the set's. A question that
links nothing (a follow-up such as "다른 분반은?") sets no conditions: its per-course counts are checked
against the course's sections in the term, its other counts are not checked.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters, Vocabulary
from agent.query.text import squash

if TYPE_CHECKING:
    from agent.query import ParsedQuestion

Kind = Literal["sections", "courses"]
_ONE = r"(?P<one>하나)"
_PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("courses", re.compile(r"(?<![\w.#-])(?P<n>\d+)\s*과목(?!번호)")),
    ("courses", re.compile(r"(?<![\w.#-])(?P<n>\d+)\s+courses?\b")),
    ("sections", re.compile(r"분반\s*(?:이|은|만)?\s*(?:(?P<n>\d+)\s*개|" + _ONE + r")")),
    ("sections", re.compile(r"(?<![\w.#-])(?P<n>\d+)\s*개\s*분반")),
    ("sections", re.compile(r"강좌를\s*(?P<n>\d+)\s*개")),
    ("sections", re.compile(r"맞는\s*(?:것|분반)은\s*(?:(?P<n>\d+)\s*개|" + _ONE + r")")),
    ("sections", re.compile(r"(?<![\w.#-])(?P<n>\d+)\s+sections?\b")),
)
# Phrases about which part of a list is shown, or how much is left: not counts of the set.
_WINDOW_BEFORE = re.compile(r"(?:처음|나머지|이\s*밖에도?|the\s+first|the\s+other|and)\s*$", re.IGNORECASE)
# ... or a number inside a rule the answer quotes ("3과목에서 B+이상", "2과목 이상 이수"): not a count of the set.
_WINDOW_AFTER = re.compile(r"^\s*(?:가\s*더|이\s*더|번째|more\b|에서|중에서|이상|이하|미만|까지)", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^()]*\)")


class StatedCount(NamedTuple):
    """A count as the answer states it: of what, how many, its words, and the line it is in."""

    kind: Kind
    value: int
    phrase: str
    line: str


def stated_counts(answer: str) -> list[StatedCount]:
    """The counts of sections and courses an answer states, line by line (bullets skipped)."""
    found: list[StatedCount] = []
    for line in (answer or "").splitlines():
        if line.lstrip().startswith(("•", "-", "*")):
            continue
        in_line: list[tuple[int, StatedCount]] = []
        for kind, pattern in _PATTERNS:
            for match in pattern.finditer(line):
                if _WINDOW_BEFORE.search(line[: match.start()]) or _WINDOW_AFTER.match(line[match.end() :]):
                    continue
                value = 1 if match.groupdict().get("one") else int(match.group("n"))
                count = StatedCount(kind, value, match.group(0).strip(), line.strip())
                in_line.append((match.start(), count))
        found += [count for _, count in sorted(in_line, key=lambda item: item[0])]
    return found


@dataclass(frozen=True)
class Truth:
    """The catalog's sections for a question's conditions (None: the question sets no conditions)."""

    sections: list[CourseSection] | None
    term: list[CourseSection]

    def course_sections(self, course: str) -> int:
        pool = self.term if self.sections is None else self.sections
        return sum(1 for s in pool if squash(s.name) == course)


class CatalogTruth:
    """One catalog's sections and, per term, its vocabulary (built as the index builds it)."""

    def __init__(self, sections: list[CourseSection]) -> None:
        self.by_term: dict[str, list[CourseSection]] = {}
        for section in sections:
            self.by_term.setdefault(section.term, []).append(section)
        self._vocabularies: dict[str, Vocabulary] = {}

    @classmethod
    def load(cls, path: Path) -> CatalogTruth:
        from agent.catalog import load_catalog

        return cls(load_catalog(path).sections)

    def vocabulary(self, term: str) -> Vocabulary:
        from agent.index.vocabulary import vocabulary_of

        if term not in self._vocabularies:
            self._vocabularies[term] = vocabulary_of(self.by_term.get(term, []))
        return self._vocabularies[term]

    def truth(self, question: str, term: str) -> Truth:
        """The sections that meet `question` in `term` (the question may name another term)."""
        from agent.query import parse_question
        from agent.query.term_arithmetic import chronological

        terms = chronological(self.by_term)
        parsed = parse_question(question, self.vocabulary(term), now_term=term, terms=terms)
        named = parsed.filters.term or term
        if named != term and named in self.by_term:
            # The names are those of the term asked ("2023 겨울 계절학기 컴프2": a course that term had).
            parsed = parse_question(question, self.vocabulary(named), now_term=term, terms=terms)
        # A term the catalog does not hold is answered for the current one (the answer says so); several
        # terms at once are answered term by term, with counts the check does not read as one set's.
        term = named if named in self.by_term else term
        pool = self.by_term.get(term, []) if not parsed.filters.terms else []
        return Truth(_matching(parsed, parsed.filters.model_copy(update={"term": term}), pool), pool)


def _matching(
    parsed: ParsedQuestion, filters: SearchFilters, pool: list[CourseSection]
) -> list[CourseSection] | None:
    """The retriever's set definition, by brute force over the catalog's sections."""
    if parsed.unknown_names and not (filters.course_codes or parsed.course_names or filters.rooms):
        return []  # a course the catalog lacks: nothing matches
    if filters.course_codes and not any(s.code in filters.course_codes for s in pool):
        filters = filters.model_copy(update={"course_codes": [], "rooms": filters.course_codes})  # a room
    candidates = _linked(parsed, filters, pool)
    if candidates is None:
        return None
    found = _meeting(parsed, filters, candidates)
    if not found and filters.departments and (parsed.course_names or filters.course_codes):
        return _audience(parsed, filters, pool)
    return found


def _meeting(parsed: ParsedQuestion, filters: SearchFilters, candidates: list[CourseSection]) -> list[CourseSection]:
    from agent.index.filtering import matches
    from agent.retrieval.schedule import schedule_ok

    loose = filters.model_copy(update={"start_before": None})
    return [
        s for s in candidates
        if s.name not in parsed.excluded_names and matches(s, loose) and schedule_ok(s, filters)
    ]


def _audience(parsed: ParsedQuestion, filters: SearchFilters, pool: list[CourseSection]) -> list[CourseSection]:
    """The retriever's reading of a department that offers none of the named course's sections: the sections
    whose rules name it as theirs (`agent.retrieval.audience`)."""
    from agent.retrieval.audience import offered_by, welcomes

    wanted = filters.departments
    course = _meeting(parsed, filters.model_copy(update={"departments": []}), _linked(parsed, filters, pool) or [])
    if any(offered_by(s, wanted) for s in course):
        return []
    return [s for s in course if welcomes(s, wanted)]


def _linked(
    parsed: ParsedQuestion, filters: SearchFilters, pool: list[CourseSection]
) -> list[CourseSection] | None:
    if filters.course_codes or filters.rooms:
        return pool  # the codes / rooms are filters
    if parsed.course_names:
        names = set(parsed.course_names[:6])
        return [s for s in pool if s.name in names]
    if parsed.name_terms:
        terms = [squash(t) for t in parsed.name_terms]
        topic = [s for s in pool if all(t in squash(s.name) for t in terms)]
        if topic and any(_meets(s, filters) for s in topic):
            return topic
    return None if filters.is_empty() else pool


def _meets(section: CourseSection, filters: SearchFilters) -> bool:
    from agent.index.filtering import matches
    from agent.retrieval.schedule import schedule_ok

    loose = filters.model_copy(update={"start_before": None})
    return matches(section, loose) and schedule_ok(section, filters)


@dataclass
class CountCheck:
    """What one answer's counts came to: how many were checked, and each that differs from the catalog."""

    checked: int
    mismatches: list[str]


def check_counts(answer: str, truth: Truth) -> CountCheck:
    """Every count `answer` states, compared with `truth` (per course where its line names one course)."""
    checked, mismatches = 0, []
    names = _NameFinder(truth.term if truth.sections is None else truth.sections)
    for stated in stated_counts(answer):
        course = names.one_in(stated.line)
        if course is not None:
            expected: int | None = truth.course_sections(course) if stated.kind == "sections" else 1
            scope = f"'{course}' sections"
        elif truth.sections is not None:
            sections = truth.sections
            expected = len(sections) if stated.kind == "sections" else len({squash(s.name) for s in sections})
            scope = "the question's conditions"
        else:
            continue
        checked += 1
        if stated.value != expected:
            mismatches.append(f"states {stated.value} {stated.kind} ('{stated.phrase}'); "
                              f"the catalog has {expected} for {scope}")
    return CountCheck(checked, mismatches)


class _NameFinder:
    """Which one course of the term a line names (the longest names win: '자료구조' inside '자료구조및실습' is
    that course, not 자료구조)."""

    def __init__(self, sections: list[CourseSection]) -> None:
        counts = Counter(squash(s.name) for s in sections)
        self.names = sorted((n for n in counts if len(n) >= 2), key=len, reverse=True)

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        return re.compile("|".join(map(re.escape, self.names))) if self.names else None

    def one_in(self, line: str) -> str | None:
        """The one course name in `line` outside parentheses (a list's "조건(…)" and a citation's "(과목번호 …)"
        are not names), or None."""
        if self._pattern is None:
            return None
        text = line
        while True:
            stripped = _PARENTHESES.sub(" ", text)
            if stripped == text:
                break
            text = stripped
        text = squash(text)
        found = {m.group(0) for m in self._pattern.finditer(text)}
        return found.pop() if len(found) == 1 else None
