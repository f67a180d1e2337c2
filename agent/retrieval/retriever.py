"""`CourseRetriever`: a student's question -> the sections that meet it, over any `CourseIndex`.

    retriever = CourseRetriever(index)                        # LanceDB or Pinecone, same behaviour
    result = retriever.retrieve("화목 오전에 들을 수 있는 경영 전공 있어요?")
    result.hits          # this page of sections, best first
    result.total_sections, result.total_courses               # the true size of the matching set
    result.parsed.notes  # what the question was understood as ("요일: 화·목", "학과: '경영' → ...")
    result.relaxed       # constraints dropped to find nearby alternatives (empty = exact answer)

The question is read closed-world (`agent.query`): what it links to defines the SET of sections that meet
it, leftover words only order that set. In order:
1. course codes -> those sections (a code that is no course may be a room: "GN201");
2. course names (directly, through a nickname or a typo: "자구", "운영채제") -> their sections;
3. topic words inside course names ("창업" -> names with 창업) -> those courses;
4. conditions alone (days, times, rooms, department, category ...) -> every section meeting them;
5. nothing linked -> the sections most related to the leftover words (no set, no total: `anchored=False`).
A course the term asked about lacks but other terms of the index hold (stopped, renamed, offered in other
semesters) is answered from those terms and said to be absent (`elsewhere.py`), never with another course
in its place. Every tier keeps the structured conditions, and every list puts undergraduate sections
before graduate ones (`order.py`) unless the question asks for graduate ones. A course-like name that links
to nothing ("양자요리학") makes the answer "no such course" with related alternatives; an empty set under
linked conditions drops them one group at a time (`relax.RELAX_GROUPS`) to offer alternatives, and `relaxed`
says which.
"""

from __future__ import annotations

import time

from agent.index.base import CourseIndex, SearchFilters, SearchHit, Vocabulary
from agent.index.filtering import post_filter_only
from agent.query import ParsedQuestion, parse_question
from agent.query.term_arithmetic import chronological
from agent.query.text import squash
from agent.retrieval.elsewhere import Absent, absent_courses, elsewhere_hits, elsewhere_scope
from agent.retrieval.history import renames, tally_terms
from agent.retrieval.order import own_year_first, undergraduate_first
from agent.retrieval.audience import offered_by, welcomes
from agent.retrieval.relax import RELAX_GROUPS, cleared, has_any, merge_filters
from agent.retrieval.result import RetrievalResult, TermScope
from agent.retrieval.schedule import schedule_ok

VOCABULARY_TTL_SECONDS = 60.0
LIST_LIMIT = 5_000  # a set is listed whole (true totals): more than any term of the catalogs holds
_RANK_FETCH = 60  # leftover words order the top of a set by hybrid relevance: this many, at least a page
_MAX_NAMES = 6


class _Found:
    """The matching set in rank order, related sections to show after it, and whether it is anchored."""

    def __init__(self, matched: list[SearchHit], related: list[SearchHit] | None = None, anchored: bool = True):
        self.matched = matched
        self.related = related or []
        self.anchored = anchored


def course_count(hits: list[SearchHit]) -> int:
    """Distinct courses: a course is a name in a term (where every section has its own code, as at
    Soongsil, the name is what the sections share)."""
    return len({(h.section.term, squash(h.section.name)) for h in hits})


def supported(words: list[str], hits: list[SearchHit], piece: int = 3) -> bool:
    """Does some leftover word occur in what the related sections say (name, English name, department,
    category, description)? Without that, "related" sections are arbitrary: better to say nothing matched."""
    if not words:
        return True
    text = squash(" ".join(
        f"{h.section.name} {h.section.name_en or ''} {h.section.department or ''} {h.section.category or ''} "
        f"{h.section.description or ''} {' '.join(h.section.professors)}" for h in hits
    ))
    for word in words:
        key = squash(word)
        if key.isascii():
            pieces = [key[:5]] if len(key) >= 4 else []  # an English word by its stem ("consumers" ~ "consumer")
        else:
            pieces = [key] if len(key) <= piece else [key[i : i + piece] for i in range(len(key) - piece + 1)]
        if any(piece in text for piece in pieces):
            return True
    return False


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
        terms = self.terms()
        return terms[0] if terms else None

    def terms(self) -> list[str]:
        """The index's terms, newest first (re-read at most once a minute)."""
        now = time.monotonic()
        if self._terms is None or now - self._terms[0] > VOCABULARY_TTL_SECONDS:
            self._terms = (now, list(self.index.terms()))
        return self._terms[1]

    def vocabulary(self, term: str | None) -> Vocabulary:
        now = time.monotonic()
        cached = self._vocabulary.get(term)
        if cached is None or now - cached[0] > VOCABULARY_TTL_SECONDS:
            cached = (now, self.index.vocabulary(term))
            self._vocabulary[term] = cached
        return cached[1]

    def parse(
        self, question: str, *, term: str | None = None, searched: list[str] | None = None
    ) -> ParsedQuestion:
        """The question read with the index's terms, `term` (else the default) as the current term. Names
        are linked against the vocabulary of the term(s) searched: `searched` when the caller fixed them,
        else those the question names ("2023년 1학기 ..." links that term's professors)."""
        current = self.resolve_term(term)
        held = self.terms()
        parsed = parse_question(question, self.vocabulary(current), now_term=current, terms=held)
        wanted = searched or parsed.filters.terms or [parsed.filters.term or current]
        if wanted == [current]:
            return parsed
        scope = wanted[0] if len(wanted) == 1 else None  # several terms: every term's names
        return parse_question(question, self.vocabulary(scope), now_term=current, terms=held)

    # ---- retrieval --------------------------------------------------------------------------
    def retrieve(
        self, question: str, *, term: str | None = None, k: int = 10, filters: SearchFilters | None = None,
        offset: int = 0,
    ) -> RetrievalResult:
        """Sections for `question` (free text; may be empty when `filters` say everything).

        `term`: the CURRENT term (the request's; default: the configured one, else the newest). A term the
        question names wins over it ("2024년 1학기 ...", "지난 학기 ..."; "예전에도 열렸어?" searches every term);
        one the index lacks is noted in `scope.missing` and the current term is searched. `filters`: explicit
        constraints (e.g. from a tool call) merged over the parsed ones, field by field; their `term` or
        `terms` win over the question's. `k`: the page size; `offset`: where the page starts in the ranked
        set.
        """
        k, offset = max(1, int(k)), max(0, int(offset))
        current = self.resolve_term(term)
        fixed = (filters.terms or ([filters.term] if filters.term else [])) if filters is not None else []
        parsed = self.parse(question or "", term=current, searched=fixed or None)
        merged = merge_filters(parsed.filters, filters)
        if fixed:
            merged.term, merged.terms = (fixed[0], []) if len(fixed) == 1 else (None, list(fixed))
        elif not merged.terms:
            merged.term = merged.term or current
        base = {"question": question, "term": merged.term, "parsed": parsed, "offset": offset,
                "scope": self._scope(parsed, merged, current, bool(fixed))}

        absent = absent_courses(question or "", parsed, merged, current, held=self.terms(),
                                vocabulary=self.vocabulary, index=self.index)
        elsewhere = self._elsewhere(base, parsed, absent, merged, k) if absent is not None else None
        if elsewhere is not None:
            return elsewhere  # a course the term asked lacks: from the terms that have it, said so
        if parsed.unknown_names and not (merged.course_codes or parsed.course_names or parsed.rooms):
            alternatives = undergraduate_first(self._index_search(parsed.query, merged, k), merged)
            if not supported(parsed.unknown_names, alternatives, piece=2):
                alternatives = []  # nothing shares a word with the missing name: no alternatives to offer
            return RetrievalResult(**base, hits=alternatives, filters=merged, exact=False,
                                   missing=list(parsed.unknown_names))
        # A term asked for by name (or fixed by the caller) is a condition of its own: "2024년 1학기 수업 뭐 있어?"
        named_term = bool(fixed) or (merged.term not in (None, current) and not parsed.across_terms)
        explicit = filters is not None and not filters.is_empty()
        found = self._collect(parsed, merged, k + offset, explicit=explicit, by_term=named_term)
        if found.matched or (found.related and not found.anchored):
            return self._page(base, found, merged, k, exact=found.anchored and bool(found.matched))
        if not found.anchored:
            # Nothing linked, and nothing in the catalog even mentions the question's words.
            return RetrievalResult(**base, hits=[], filters=merged, exact=False, anchored=False,
                                   missing=parsed.unknown_names or parsed.nudges[:1])
        return self._relax(base, parsed, merged, k)

    def _scope(
        self, parsed: ParsedQuestion, merged: SearchFilters, current: str | None, fixed: bool
    ) -> TermScope:
        held = chronological(self.terms())
        searched = merged.searched_terms(held) if held else [t for t in [merged.term] if t]
        return TermScope(current=current, searched=searched, held=held,
                         missing=None if fixed else parsed.missing_term, across=parsed.across_terms and not fixed)

    def _elsewhere(
        self, base: dict, parsed: ParsedQuestion, absent: Absent, merged: SearchFilters, k: int
    ) -> RetrievalResult | None:
        """A course the term asked about lacks (`elsewhere.py`): its sections in the terms that have it,
        newest first, then courses of the term asked whose names hold the question's words ("운영체제입문"
        for "운영체제"), related and outside the count. None when no term has it."""
        others = [t for t in chronological(self.terms()) if t != absent.asked]
        filters = merged.model_copy(update={"term": None, "terms": others, "course_codes": []})
        hits = elsewhere_hits(absent, filters, self._named, self.index)
        if not hits:
            return None
        ids = {h.section.id for h in hits}
        related = self._topic_tier(parsed, merged, k).matched if parsed.name_terms else []
        found = _Found(hits, [h for h in related if h.section.id not in ids][:k])
        scope = elsewhere_scope(base["scope"], absent, hits, self.index)
        return self._page({**base, "scope": scope, "parsed": absent.parsed, "term": None}, found, filters, k,
                          exact=True)

    def _page(self, base: dict, found: _Found, filters: SearchFilters, k: int, *, exact: bool,
              relaxed: list[str] | None = None) -> RetrievalResult:
        offset = base["offset"]
        if found.anchored and len(base["scope"].searched) > 1:
            history = {"tallies": tally_terms(found.matched)}
            if not base["scope"].renames:
                history["renames"] = renames(self.index, [h.section for h in found.matched])
            base = {**base, "scope": base["scope"].model_copy(update=history)}
        matched = undergraduate_first(own_year_first(found.matched, filters), filters)
        ids = {m.section.id for m in matched}
        ranked = matched + undergraduate_first([h for h in found.related if h.section.id not in ids], filters)
        total = len(found.matched) if found.anchored else None
        return RetrievalResult(
            **base, hits=ranked[offset : offset + k], filters=filters, exact=exact, anchored=found.anchored,
            relaxed=relaxed or [], total_sections=total,
            total_courses=course_count(found.matched) if found.anchored else None,
            missing=list(base["parsed"].unknown_names),
        )

    def _relax(self, base: dict, parsed: ParsedQuestion, merged: SearchFilters, k: int) -> RetrievalResult:
        """Nothing (or not the named course) under every constraint. First each group of constraints is left
        out alone (in `RELAX_GROUPS` order), so the alternatives leave out as little as possible ("온라인 교양"
        on a catalog with no online section keeps 교양); then the groups one after another."""
        audience = self._audience(base, parsed, merged, k)
        if audience is not None:
            return audience
        groups = [(fields, describe) for fields, describe in RELAX_GROUPS if has_any(merged, fields)]
        attempts = [([describe(merged)], cleared(merged, fields)) for fields, describe in groups]
        relaxed: list[str] = []
        current = merged
        for index, (fields, describe) in enumerate(groups):
            relaxed, current = [*relaxed, describe(current)], cleared(current, fields)
            if index:
                attempts.append((relaxed, current))
        for dropped, filters in attempts:
            if filters.is_empty() and not parsed.query and not parsed.course_names:
                continue  # nothing left to search by: listing the whole catalog is no alternative
            found = self._collect(parsed, filters, k, explicit=True)
            if found.matched:
                return self._page(base, found, filters, k, exact=False, relaxed=dropped)
        return RetrievalResult(**base, hits=[], filters=merged, exact=False, missing=list(parsed.unknown_names))

    def _audience(self, base: dict, parsed: ParsedQuestion, merged: SearchFilters, k: int) -> RetrievalResult | None:
        """A named course and a department offering none of its sections (`audience.py`): the course's sections
        whose rules name the department as theirs, or None when no rule does."""
        if not merged.departments or not (parsed.course_names or merged.course_codes):
            return None
        filters = cleared(merged, ("departments",))
        found = self._collect(parsed, filters, max(k + base["offset"], 500), explicit=True)
        if any(offered_by(h.section, merged.departments) for h in found.matched):
            return None
        named = [h for h in found.matched if welcomes(h.section, merged.departments)]
        return self._page(base, _Found(named), merged, k, exact=True) if named else None

    # ---- the tiers ---------------------------------------------------------------------------
    def _collect(
        self, parsed: ParsedQuestion, filters: SearchFilters, k: int, *, explicit: bool, by_term: bool = False
    ) -> _Found:
        if filters.course_codes:
            hits = self._code_hits(filters)
            if not hits and not explicit:
                # "GN201" may be a room rather than a code: try it as one before saying there is no such course.
                as_rooms = filters.model_copy(update={"course_codes": [], "rooms": filters.course_codes})
                return _Found(self._listing(as_rooms, "room"))
            return _Found(hits)
        if parsed.course_names:
            return self._named_tier(parsed, filters, k)
        if parsed.name_terms:
            found = self._topic_tier(parsed, filters, k)
            if found.matched:
                return found
        if not filters.is_empty():
            return _Found(self._ranked_listing(parsed, filters))
        if parsed.query:
            related = self._index_search(parsed.query, filters, k)
            return _Found([], related if supported(parsed.nudges, related) else [], anchored=False)
        if by_term:  # "2024년 1학기 수업 뭐 있어?": the term the question names is its one condition
            return _Found(self._listing(filters, "filter"))
        return _Found([])

    def _named_tier(self, parsed: ParsedQuestion, filters: SearchFilters, k: int) -> _Found:
        seen: set[str] = set()
        named: list[SearchHit] = []
        for name in parsed.course_names[:_MAX_NAMES]:
            for hit in self._named(name, filters):
                if hit.section.id not in seen:
                    seen.add(hit.section.id)
                    named.append(hit)
        named = [h for h in named if h.section.name not in parsed.excluded_names]
        if parsed.section:
            # "자구 02분반": the named section of each course, where it exists (else every section, to show them).
            named = [h for h in named if h.section.is_section(parsed.section)] or named
        # When the question's only topics are the courses it names, a hybrid search could add only unrelated
        # courses: skip it (and the question's embedding). "자구랑 비슷한 수업" still gets related courses.
        if not named or set(parsed.topics) <= set(parsed.course_names) or len(named) >= k:
            return _Found(named)
        related = [h for h in self._index_search(parsed.query, filters, k + len(seen)) if h.section.id not in seen]
        related = [h for h in related if h.section.name not in parsed.excluded_names]
        return _Found(named, related)

    def _topic_tier(self, parsed: ParsedQuestion, filters: SearchFilters, k: int) -> _Found:
        """Courses whose names hold every topic word the question used ("창업 관련 과목"); when they are fewer
        than a page, the sections most related to the question follow them (a name may say "Python" where
        the student wrote "파이썬"), outside the set and its total."""
        terms = [squash(t) for t in parsed.name_terms]
        listed = self._index_search("", filters, LIST_LIMIT)
        matched = [h for h in listed if all(t in squash(h.section.name) for t in terms)]
        matched = [h for h in matched if h.section.name not in parsed.excluded_names]
        hybrid = self._hybrid(parsed, filters, k + len(matched)) if matched else []
        matched = self._rank(parsed, matched, filters, hybrid)
        if not matched or len(matched) >= k:
            return _Found(matched)
        ids = {h.section.id for h in matched}
        related = [h for h in hybrid if h.section.id not in ids and h.section.name not in parsed.excluded_names]
        return _Found(matched, related)

    def _ranked_listing(self, parsed: ParsedQuestion, filters: SearchFilters) -> list[SearchHit]:
        listed = [h for h in self._listing(filters, "room" if filters.rooms else "filter")
                  if h.section.name not in parsed.excluded_names]
        return self._rank(parsed, listed, filters)

    def _listing(self, filters: SearchFilters, matched_by: str) -> list[SearchHit]:
        """Every section meeting the filters (the whole set: its size is the true total)."""
        return [h.model_copy(update={"matched_by": matched_by}) for h in self._index_search("", filters, LIST_LIMIT)]

    def _hybrid(self, parsed: ParsedQuestion, filters: SearchFilters, k: int) -> list[SearchHit]:
        """One hybrid search of the question's free text, deep enough to rank a set and to fill a page."""
        return self._index_search(parsed.query, filters, max(k, _RANK_FETCH)) if parsed.query else []

    def _rank(
        self, parsed: ParsedQuestion, hits: list[SearchHit], filters: SearchFilters,
        hybrid: list[SearchHit] | None = None,
    ) -> list[SearchHit]:
        """A set in rank order: sections the leftover words make most relevant first (hybrid search under the
        same filters), departments the question wrote out before their siblings, the rest as listed."""
        if parsed.query and len(hits) > 1:
            ranked = hybrid if hybrid is not None else self._hybrid(parsed, filters, 0)
            order = {h.section.id: i for i, h in enumerate(ranked)}
            hits = sorted(hits, key=lambda h: order.get(h.section.id, len(order)))
        mentioned = set(parsed.department_mentions) & set(filters.departments)
        if mentioned:
            hits = sorted(hits, key=lambda h: h.section.department not in mentioned)
        return hits

    def _code_hits(self, filters: SearchFilters) -> list[SearchHit]:
        hits: list[SearchHit] = []
        for code in filters.course_codes:
            for section in self.index.get_course(code, filters.term):
                if not filters.terms or section.term in filters.terms:
                    hits.append(SearchHit(section=section, score=1.0, matched_by="code"))
        return hits

    def _index_search(self, query: str, filters: SearchFilters, k: int) -> list[SearchHit]:
        """Index search, plus two checks the index contract leaves to us: `start_before` on blocks (see
        `schedule.py`), and "금공강" needs a known timetable (a 시간 미정 section may well meet on Friday).
        A constraint with no column (`post_filter_only`: year, rooms, level, delivery, language, seats) is
        checked by the index after its prefilter, so more are fetched."""
        if filters.start_before is None and not filters.exclude_days and not post_filter_only(filters):
            return self.index.search(query, filters, k=k)
        loose = filters.model_copy(update={"start_before": None})
        found = self.index.search(query, loose, k=max(k * 5, 100))
        return [hit for hit in found if schedule_ok(hit.section, filters)][:k]

    def _named(self, name: str, filters: SearchFilters) -> list[SearchHit]:
        """Sections of exactly this course name: a direct lookup where the backend has one (no embedding,
        no ranking), else a hybrid search for the name keeping exact matches."""
        lookup = getattr(self.index, "sections_named", None)
        if lookup is None:
            found = self._index_search(name, filters, 100)
            return [h.model_copy(update={"matched_by": "name"}) for h in found if h.section.name == name]
        loose = filters.model_copy(update={"start_before": None})
        return [
            SearchHit(section=section, score=1.0, matched_by="name")
            for section in lookup([name], loose) if schedule_ok(section, filters)
        ]
