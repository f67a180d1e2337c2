"""`CourseRetriever`: a student's question -> the right course sections, over any `CourseIndex`.

    retriever = CourseRetriever(index)                        # LanceDB or Pinecone, same behaviour
    result = retriever.retrieve("화목 오전에 들을 수 있는 경영 전공 있어요?")
    result.hits          # SearchHit list, best first
    result.parsed.notes  # what the question was understood as ("요일: 화·목", "학과: '경영' → ...")
    result.relaxed       # constraints dropped to find nearby alternatives (empty = exact answer)
    result.exact         # False: nothing really matched (no such course / only alternatives)

Ranking, in tiers:
1. exact course codes in the question ("2150165401") -> those sections;
2. course names the question names, directly or through an abbreviation or typo ("자구", "운영채제") ->
   the sections with exactly that name;
3. hybrid search (dense + BM25) with the free text left after parsing, under the structured filters.

Times are judged on *blocks*: same-day slots that follow each other (gap <= 15 min) count as one
class, so "1시에 하는 물리 실험" finds a lab that runs 13:00-16:50 in four hourly slots. The index applies
per-slot rules (its contract), so the retriever asks it without `start_before` and checks that bound
itself on blocks (`start_after` and `end_before` mean the same on slots and blocks).

When the strict search finds nothing, constraints are dropped one group at a time (time, then days,
then credits / English / category / year, then professor, then department) and `relaxed` says which, so the
agent can answer "정확히 맞는 강의는 없지만, 요일 조건을 빼면 ...".
"""

from __future__ import annotations

import time
from collections.abc import Callable

from pydantic import BaseModel, Field

from agent.catalog.models import CourseSection, hhmm
from agent.index.base import CourseIndex, SearchFilters, SearchHit, Vocabulary
from agent.query import ParsedQuestion, parse_question
from agent.query.text import squash

BLOCK_GAP_MINUTES = 15
VOCABULARY_TTL_SECONDS = 60.0
_NAME_FETCH = 100
_MAX_NAMES = 6
_ROOM_SCAN = 20_000  # a room question lists the term's sections (rooms are not in the lexical text)


class RetrievalResult(BaseModel):
    question: str
    term: str | None = None
    hits: list[SearchHit] = Field(default_factory=list)
    parsed: ParsedQuestion
    filters: SearchFilters = Field(description="the filters the hits satisfy (after any relaxation)")
    relaxed: list[str] = Field(default_factory=list, description="dropped constraints, in Korean")
    exact: bool = Field(
        default=False,
        description="hits rest on the question itself: a code or course-name match, or every structured "
        "constraint held and every topic word appears in a hit. False for no-such-course and relaxed results.",
    )

    @property
    def relaxed_message(self) -> str | None:
        """'정확히 맞는 강의는 없어서 요일(화·목) 조건을 빼고 찾았어요.' or None when nothing was relaxed."""
        if not self.relaxed:
            return None
        return f"정확히 맞는 강의는 없어서 {', '.join(self.relaxed)} 조건을 빼고 찾았어요."


def blocks(section: CourseSection, days: list[str] | None = None) -> list[tuple[str, int, int]]:
    """The section's meeting blocks (day, start, end) on `days` (all days when empty)."""
    out: list[tuple[str, int, int]] = []
    for day in dict.fromkeys(slot.day for slot in section.slots):
        if days and day not in days:
            continue
        spans = sorted((slot.start, slot.end) for slot in section.slots if slot.day == day)
        start, end = spans[0]
        for s, e in spans[1:]:
            if s - end <= BLOCK_GAP_MINUTES:
                end = max(end, e)
            else:
                out.append((day, start, end))
                start, end = s, e
        out.append((day, start, end))
    return out


def _schedule_ok(section: CourseSection, filters: SearchFilters) -> bool:
    """The retriever's own schedule checks on top of the index's: block-wise `start_before`, and a known
    timetable when days are excluded."""
    return _start_before_ok(section, filters) and (bool(section.slots) or not filters.exclude_days)


def _start_before_ok(section: CourseSection, filters: SearchFilters) -> bool:
    if filters.start_before is None:
        return True
    found = blocks(section, list(filters.days))
    return bool(found) and all(start <= filters.start_before for _, start, _ in found)


def merge_filters(parsed: SearchFilters, explicit: SearchFilters | None) -> SearchFilters:
    """Explicit filters (from a tool call) override the parsed ones field by field; empty fields keep
    what the question said."""
    if explicit is None:
        return parsed.model_copy(deep=True)
    merged = parsed.model_dump()
    for key, value in explicit.model_dump().items():
        if value is None or value == [] or value == "":
            continue
        merged[key] = value
    return SearchFilters.model_validate(merged)


# Relaxation groups: (label, fields to clear, description of the constraint).
def _describe_time(f: SearchFilters) -> str:
    parts = []
    if f.start_after is not None and f.start_before is not None:
        parts.append(f"{hhmm(f.start_after)}~{hhmm(f.start_before)} 시작")
    elif f.start_after is not None:
        parts.append(f"{hhmm(f.start_after)} 이후 시작")
    elif f.start_before is not None:
        parts.append(f"{hhmm(f.start_before + 1)} 전 시작")
    if f.end_before is not None:
        parts.append(f"{hhmm(f.end_before)}까지 끝남")
    return "시간(" + ", ".join(parts) + ")"


def _describe_days(f: SearchFilters) -> str:
    parts = []
    if f.days:
        parts.append("·".join(f.days))
    if f.exclude_days:
        parts.append("·".join(f.exclude_days) + " 제외")
    return "요일(" + ", ".join(parts) + ")"


_RELAX_GROUPS: list[tuple[tuple[str, ...], Callable[[SearchFilters], str]]] = [
    (("start_after", "start_before", "end_before"), _describe_time),
    (("days", "exclude_days"), _describe_days),
    (("credits",), lambda f: f"학점({f.credits:g}학점)"),
    (("english",), lambda f: "영어강의"),
    (("category",), lambda f: f"이수구분({f.category})"),
    (("year",), lambda f: f"학년({f.year}학년)"),
    (("professors",), lambda f: "교수(" + ", ".join(f.professors) + ")"),
    (("departments",), lambda f: "학과(" + ", ".join(f.departments[:3]) + ")"),
]


def _has(filters: SearchFilters, fields: tuple[str, ...]) -> bool:
    return any(getattr(filters, name) not in (None, [], "") for name in fields)


def _cleared(filters: SearchFilters, fields: tuple[str, ...]) -> SearchFilters:
    data = filters.model_dump()
    for name in fields:
        data[name] = [] if isinstance(data[name], list) else None
    return SearchFilters.model_validate(data)


class CourseRetriever:
    """Question -> sections, over any `CourseIndex`. Thread-safe for reads; vocabulary cached per term."""

    def __init__(self, index: CourseIndex, *, default_term: str | None = None) -> None:
        self.index = index
        self.default_term = default_term
        self._vocabulary: dict[str | None, tuple[float, Vocabulary]] = {}
        self._terms: tuple[float, list[str]] | None = None

    # ---- term and vocabulary ----------------------------------------------------------------
    def resolve_term(self, term: str | None = None) -> str | None:
        """The requested term, else the configured default, else the index's newest term."""
        if term:
            return term
        if self.default_term:
            return self.default_term
        now = time.monotonic()
        if self._terms is None or now - self._terms[0] > VOCABULARY_TTL_SECONDS:
            self._terms = (now, list(self.index.terms()))
        return self._terms[1][0] if self._terms[1] else None

    def vocabulary(self, term: str | None) -> Vocabulary:
        now = time.monotonic()
        cached = self._vocabulary.get(term)
        if cached is None or now - cached[0] > VOCABULARY_TTL_SECONDS:
            cached = (now, self.index.vocabulary(term))
            self._vocabulary[term] = cached
        return cached[1]

    def parse(self, question: str, *, term: str | None = None) -> ParsedQuestion:
        resolved = self.resolve_term(term)
        return parse_question(question, self.vocabulary(resolved), now_term=resolved)

    # ---- retrieval --------------------------------------------------------------------------
    def retrieve(
        self, question: str, *, term: str | None = None, k: int = 10, filters: SearchFilters | None = None
    ) -> RetrievalResult:
        """Sections for `question` (free text; may be empty when `filters` say everything).

        `term`: which term to search (default: the explicit term in the question, else the default term,
        else the newest). `filters`: explicit constraints (e.g. from a tool call) merged over the parsed
        ones, field by field. `k`: how many hits at most.
        """
        k = max(1, int(k))
        requested = term or (filters.term if filters is not None else None)
        parsed = self.parse(question or "", term=requested)
        merged = merge_filters(parsed.filters, filters)
        merged.term = requested or parsed.filters.term or self.resolve_term(None)

        if merged.course_codes:
            hits = self._code_hits(merged, k)
            if not hits and filters is None:
                # "GN201" may be a room rather than a code: try it as one before saying there is no such course.
                rooms = self._room_hits(merged.course_codes, merged.model_copy(update={"course_codes": []}), k)
                if rooms:
                    return RetrievalResult(
                        question=question, term=merged.term, hits=rooms, parsed=parsed, filters=merged, exact=True
                    )
            return RetrievalResult(
                question=question, term=merged.term, hits=hits, parsed=parsed, filters=merged, exact=bool(hits)
            )

        if parsed.rooms:
            hits = self._room_hits(parsed.rooms, merged, k)
            if hits:
                return RetrievalResult(
                    question=question, term=merged.term, hits=hits, parsed=parsed, filters=merged, exact=True
                )

        hits, name_hits = self._search(parsed, merged, k)
        wanted_names = bool(parsed.course_names)
        if hits and (name_hits or not wanted_names):
            exact = bool(name_hits) or self._topics_covered(parsed, hits, merged)
            return RetrievalResult(
                question=question, term=merged.term, hits=hits, parsed=parsed, filters=merged, exact=exact
            )

        # Nothing (or not the named course) under every constraint: drop constraint groups in order.
        relaxed: list[str] = []
        current = merged
        for fields, describe in _RELAX_GROUPS:
            if not _has(current, fields):
                continue
            relaxed.append(describe(current))
            current = _cleared(current, fields)
            if current.is_empty() and not parsed.query and not parsed.course_names:
                break  # nothing left to search by: listing the whole catalog is no alternative
            new_hits, new_name_hits = self._search(parsed, current, k)
            if new_hits and (new_name_hits or not wanted_names):
                return RetrievalResult(
                    question=question, term=merged.term, hits=new_hits, parsed=parsed, filters=current,
                    relaxed=relaxed, exact=False,
                )
        return RetrievalResult(
            question=question, term=merged.term, hits=hits, parsed=parsed, filters=merged, exact=False
        )

    def _code_hits(self, filters: SearchFilters, k: int) -> list[SearchHit]:
        hits: list[SearchHit] = []
        for code in filters.course_codes:
            for section in self.index.get_course(code, filters.term):
                hits.append(SearchHit(section=section, score=1.0, matched_by="code"))
        return hits[: max(k, len(filters.course_codes))]

    def _room_hits(self, rooms: list[str], filters: SearchFilters, k: int) -> list[SearchHit]:
        """Sections meeting in one of the rooms (rooms are not indexed text: list under the filters, match
        the room strings with spaces ignored)."""
        wanted = [squash(room) for room in rooms]
        hits: list[SearchHit] = []
        for hit in self._index_search("", filters, _ROOM_SCAN):
            section_rooms = [squash(slot.room or "") for slot in hit.section.slots]
            if any(room in section_room for room in wanted for section_room in section_rooms):
                hits.append(hit.model_copy(update={"matched_by": "room"}))
        return hits[:k]

    def _index_search(self, query: str, filters: SearchFilters, k: int) -> list[SearchHit]:
        """Index search, plus two checks the index contract leaves to us: `start_before` on blocks (see the
        module doc), and "금공강" needs a known timetable (a 시간 미정 section may well meet on Friday).
        A `year` is checked by the index after its prefilter (it has no column), so more are fetched."""
        if filters.start_before is None and not filters.exclude_days and filters.year is None:
            return self.index.search(query, filters, k=k)
        loose = filters.model_copy(update={"start_before": None})
        found = self.index.search(query, loose, k=max(k * 5, 100))
        return [hit for hit in found if _schedule_ok(hit.section, filters)][:k]

    def _named(self, name: str, filters: SearchFilters) -> list[SearchHit]:
        """Sections of exactly this course name: a direct lookup where the backend has one (no embedding,
        no ranking), else a hybrid search for the name keeping exact matches."""
        lookup = getattr(self.index, "sections_named", None)
        if lookup is None:
            return [hit for hit in self._index_search(name, filters, _NAME_FETCH) if hit.section.name == name]
        loose = filters.model_copy(update={"start_before": None})
        return [
            SearchHit(section=section, score=1.0, matched_by="name")
            for section in lookup([name], loose) if _schedule_ok(section, filters)
        ]

    def _search(self, parsed: ParsedQuestion, filters: SearchFilters, k: int) -> tuple[list[SearchHit], list[SearchHit]]:
        """(all hits in tier order, the course-name tier alone)."""
        seen: set[str] = set()
        name_hits: list[SearchHit] = []
        for name in parsed.course_names[:_MAX_NAMES]:
            for hit in self._named(name, filters):
                if hit.section.id not in seen:
                    seen.add(hit.section.id)
                    name_hits.append(hit.model_copy(update={"matched_by": "name"}))
        hits = list(name_hits)
        # When the question's only topics are the courses it names and they were found, the hybrid search
        # could add only unrelated courses: skip it (and the question's embedding).
        names_only = bool(name_hits) and set(parsed.topics) <= set(parsed.course_names)
        if len(hits) < k and not names_only and (parsed.query or not filters.is_empty()):
            mentioned = set(parsed.department_mentions) & set(filters.departments)
            terms = [squash(term) for term in parsed.name_terms]
            fetch = k + len(seen) if not (mentioned or terms) else max(5 * k, 50) + len(seen)
            general = [hit for hit in self._index_search(parsed.query, filters, fetch) if hit.section.id not in seen]
            if mentioned or terms:
                # Stable sorts keep the hybrid order within each group: sections whose name contains more of
                # the question's topic words first ("창업 관련 과목" -> names with 창업), and "컴퓨터학부" written
                # out before its sibling 컴퓨터학과.
                general.sort(
                    key=lambda hit: (
                        -sum(term in squash(hit.section.name) for term in terms),
                        bool(mentioned) and hit.section.department not in mentioned,
                    )
                )
            hits.extend(general[: k - len(hits)])
        if parsed.excluded_names:
            hits = [hit for hit in hits if hit.section.name not in parsed.excluded_names]
        return hits[:k], name_hits

    @staticmethod
    def _topics_covered(parsed: ParsedQuestion, hits: list[SearchHit], filters: SearchFilters) -> bool:
        """No name or code anchored the hits: they count as exact when every topic word of the question
        appears in some hit (name, department, professors), or when there are no topic words and the
        structured constraints alone chose them."""
        topics = [t for t in parsed.topics if len(t) >= 2]
        if not topics:
            return not filters.is_empty()
        blob = squash(" ".join(
            f"{h.section.name} {h.section.department or ''} {' '.join(h.section.professors)} {h.section.name_en or ''}"
            for h in hits
        ))
        return all(squash(topic) in blob for topic in topics)
