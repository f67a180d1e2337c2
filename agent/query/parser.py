"""`parse_question`: a student's Korean question -> `SearchFilters` + the free text left for hybrid search.

What it understands (each fills `notes` so the agent can say what it read):
- course codes (Soongsil 10 digits, Sogang "CSE2003", sample-catalog style "CS101");
- days and times (rules in `agent.query.schedule`);
- departments (nicknames from `abbreviations.yaml`, stems such as "경영 전공" / "전자과", full names);
- professors named in the vocabulary (with or without 교수님);
- credits ("3학점"), English-taught ("영어강의", "원어강의", "English-taught"), category (전필/전선/교양 ...);
- course names: exact names, student abbreviations (자구, 운체, 데베, OS ...) and typos (자료구저, 운영채제),
  which are expanded in `query` and listed in `course_names` so the retriever ranks those courses first.

Deterministic, no analyzer and no model: it runs on every request.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, Field

from agent.index.base import SearchFilters, Vocabulary
from agent.query.departments_en import find_english_departments
from agent.query.fillers import is_filler
from agent.query.lexicon import Lexicon, default_lexicon
from agent.query.patterns import COURSE_CODE
from agent.query.schedule import parse_schedule
from agent.query.text import Word, remove_spans, squash, strip_particles, words
from agent.query.vocab import VocabularyMatcher, matcher_for

# Rooms: "정보과학관 21203", "공학관 407호", "R912 실습실", "K201", "21203호". Checked before course codes, so
# "GN201 강의실" is a room, not a code.
_ROOM_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"([가-힣]{1,10}(?:관|홀|센터))\s*(\d{3,5}(?:-\d)?[A-Za-z]?)(?![0-9])"),
    re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{1,3}-?\d{3,4})(?=\s*(?:호실|호(?![가-힣])|강의실에서|실습실|에서|교실))"),
    re.compile(r"(?<![A-Za-z0-9])([A-Za-z]\d{3,4})(?![A-Za-z0-9])"),
    re.compile(r"(?<![0-9A-Za-z])(\d{3,5})\s*(?=호실|호(?![가-힣])|강의실|실습실)"),
)
_CREDITS_RE = re.compile(r"(?<![0-9.])(\d(?:\.\d)?)\s*학점")
# A recommended year the student is in ("3학년 전공", "2nd year courses"); "몇 학년" asks it instead.
_YEAR_RE = re.compile(r"(?<![0-9.])([1-6])\s*학년(?!도)")
_YEAR_EN_RE = re.compile(
    r"(?<![a-z0-9])(?:(1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth)[\s-]+year|year[\s-]+([1-5]))(?![a-z0-9])",
    re.I,
)
_ORDINAL_YEARS = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4,
                  "5th": 5, "fifth": 5}
_ENGLISH_RE = re.compile(
    r"영어\s*강의|영강|원어\s*(?:강의|수업)?|영어로\s*(?:진행|하는|수업|강의|가르치|듣는|배우)|영어\s*진행"
    r"|english[-\s]*(?:taught|lecture|class|course)|taught\s+in\s+english|in\s+english",
    re.IGNORECASE,
)
_TERM_RE = re.compile(r"(20\d\d)\s*(?:년도?|-)\s*(1|2|여름|겨울)\s*학?기?")
_CATEGORIES: list[tuple[re.Pattern[str], tuple[str, ...], str]] = [
    # Long forms first: the catalog loader appends them ("전선-전기 [전공선택]"), and a short form such as
    # 전기 would also hit "전선-전기" (the 전기공학 major's 전공선택).
    (re.compile(r"전공\s*필수|전필"), ("전공필수", "전필"), "전공필수"),
    (re.compile(r"전공\s*선택|전선(?![가-힣])"), ("전공선택", "전선"), "전공선택"),
    (re.compile(r"전공\s*기초|전기(?=\s*과목)"), ("전공기초", "전기"), "전공기초"),
    (re.compile(r"교양\s*필수|교필"), ("교양필수", "교필"), "교양필수"),
    (re.compile(r"교양\s*선택|교선"), ("교양선택", "교선"), "교양선택"),
    (re.compile(r"교양"), ("교양", "교"), "교양"),
]
_DEPT_MARKERS = ("학과", "학부", "전공", "계열", "쪽", "대", "과")
_NEXT_WORD_MARKERS = ("전공", "학과", "학부", "계열", "쪽")
_TITLES = re.compile(r"^\s*(교수님|교수|쌤|선생님|강사님|강사)")


class ParsedQuestion(BaseModel):
    """What `parse_question` understood."""

    question: str
    filters: SearchFilters = Field(default_factory=SearchFilters)
    query: str = Field(default="", description="free text left for hybrid search, abbreviations expanded")
    course_codes: list[str] = Field(default_factory=list)
    course_names: list[str] = Field(
        default_factory=list, description="exact catalog course names the question names (after expansion)"
    )
    topics: list[str] = Field(default_factory=list, description="content words left in the query")
    rooms: list[str] = Field(default_factory=list, description="rooms named in the question ('정보과학관 21203')")
    excluded_names: list[str] = Field(
        default_factory=list, description="course names the student rules out ('운체 말고 컴구' -> 운영체제)"
    )
    name_terms: list[str] = Field(
        default_factory=list,
        description="topic words that occur inside course names ('창업' in '기술창업AtoZ'): ranked first",
    )
    department_mentions: list[str] = Field(
        default_factory=list, description="departments written out in full (ranked before their siblings)"
    )
    notes: list[str] = Field(default_factory=list, description="what was understood, in Korean")


class _State:
    def __init__(self, question: str) -> None:
        self.question = question
        self.spans: list[tuple[int, int]] = []  # removed from the free text
        self.replacements: dict[tuple[int, int], str] = {}  # word span -> expanded text
        self.names: list[str] = []
        self.notes: list[str] = []
        self.department_mentions: list[str] = []
        self.excluded: list[str] = []

    def taken(self, start: int, end: int) -> bool:
        return any(not (end <= s or start >= e) for s, e in self.spans) or (start, end) in self.replacements

    def add_name(self, names: list[str]) -> None:
        for name in names:
            if name not in self.names:
                self.names.append(name)


def _departments(state: _State, tokens: list[Word], matcher: VocabularyMatcher, lexicon: Lexicon) -> list[str]:
    found: list[str] = []
    for department, start, end in matcher.find_department_names(state.question):
        if state.taken(start, end):
            continue
        siblings = matcher.departments_like(department)
        found.extend(d for d in siblings if d not in found)
        state.department_mentions.append(department)
        state.spans.append((start, end))
        state.notes.append(f"학과: {', '.join(siblings)}")

    def take(departments: list[str], start: int, end: int, said: str) -> None:
        new = [d for d in departments if d not in found]
        if not departments:
            return
        found.extend(new)
        state.spans.append((start, end))
        state.notes.append(f"학과: '{said}' → {', '.join(departments[:4])}{' 등' if len(departments) > 4 else ''}")

    for named in find_english_departments(state.question, lexicon):
        if not state.taken(named.start, named.end):
            take(matcher.departments_for_stems(named.stems), named.start, named.end, named.said)

    for index, token in enumerate(tokens):
        if not token.is_hangul and not token.text.isascii():
            continue
        if state.taken(token.start, token.end):
            continue
        forms = strip_particles(token.text.lower() if token.text.isascii() else token.text)
        next_word = tokens[index + 1].text if index + 1 < len(tokens) else ""
        followed = next_word.startswith(_NEXT_WORD_MARKERS)
        for form in forms:
            if form in lexicon.departments:
                take(matcher.departments_for_stems(lexicon.departments[form]), token.start, token.end, form)
                break
            stem = None
            for marker in _DEPT_MARKERS:
                if form.endswith(marker) and len(form) > len(marker):
                    stem = form[: -len(marker)]
                    break
            candidates = [stem] if stem else []
            if followed:
                candidates.append(form)
            departments: list[str] = []
            for candidate in candidates:
                stems = lexicon.department_stems.get(candidate, (candidate,))
                departments = matcher.departments_for_stems(stems)
                if departments:
                    break
            if departments:
                end = tokens[index + 1].end if followed and next_word.startswith(("학과", "학부", "계열", "쪽")) else token.end
                take(departments, token.start, end, form)
                break
    return found


_NEGATION = re.compile(r"^\s*(?:말고|빼고|제외하고|제외|아니고|대신|말구)")


def _resolve_name(word: str, matcher: VocabularyMatcher, lexicon: Lexicon) -> list[str]:
    """Course names a single word stands for (alias, typo table or exact name), or []."""
    for form in strip_particles(word):
        if form in lexicon.korean_aliases:
            return matcher.existing(lexicon.courses[form])
        if form in lexicon.typos:
            return matcher.courses_for_key(lexicon.typos[form])
        if matcher.courses_for_key(form):
            return matcher.courses_for_key(form)
    return []


def _course_names(state: _State, tokens: list[Word], matcher: VocabularyMatcher, lexicon: Lexicon) -> None:
    lowered = state.question.lower()
    # English aliases, longest first ("data structures" before "data").
    for alias in sorted(lexicon.english_aliases, key=len, reverse=True):
        for match in re.finditer(r"(?<![a-z])" + re.escape(alias) + r"(?![a-z])", lowered):
            if state.taken(match.start(), match.end()):
                continue
            candidates = lexicon.courses[alias]
            existing = matcher.existing(candidates)
            if not existing:  # "선형대수" where this catalog says "선형대수학": the typo tolerance Korean words get
                existing = [n for key in matcher.closest_names(candidates[0]) for n in matcher.courses_for_key(key)]
            state.replacements[(match.start(), match.end())] = existing[0] if existing else candidates[0]
            state.add_name(existing)
            state.notes.append(f"'{state.question[match.start():match.end()]}' → {candidates[0]}")
    for token in tokens:
        if not token.is_hangul or state.taken(token.start, token.end):
            continue
        if _NEGATION.match(state.question[token.end:]):
            # "운체 말고 컴구": the first course is what the student does NOT want.
            excluded = _resolve_name(token.text, matcher, lexicon)
            if excluded:
                state.excluded.extend(n for n in excluded if n not in state.excluded)
                state.spans.append((token.start, token.end))
                state.notes.append(f"제외: {', '.join(excluded[:3])}")
                continue
        forms = strip_particles(token.text)
        resolved = False
        for form in forms:
            if form in lexicon.korean_aliases:
                candidates = lexicon.courses[form]
                existing = matcher.existing(candidates)
                state.replacements[(token.start, token.end)] = existing[0] if existing else candidates[0]
                state.add_name(existing)
                state.notes.append(f"'{form}' → {existing[0] if existing else candidates[0]}")
                resolved = True
                break
            corrected = lexicon.typos.get(form)
            if corrected:
                existing = matcher.courses_for_key(corrected)
                state.replacements[(token.start, token.end)] = corrected
                state.add_name(existing)
                state.notes.append(f"오타 '{form}' → {corrected}")
                resolved = True
                break
            existing = matcher.courses_for_key(form)
            if existing:
                state.add_name(existing)
                resolved = True
                break
        if resolved:
            continue
    # Names written with spaces or glued to other words ("컴퓨터 구조", "회계원리랑").
    squashed = squash(remove_spans(state.question, state.spans))
    for key in matcher.scan_names(squashed):
        state.add_name([n for n in matcher.courses_for_key(key) if n not in state.excluded])
    # Typos: content words that match nothing else but are one or two letters away from a course name.
    if not state.names:
        for token in tokens:
            if not token.is_hangul or state.taken(token.start, token.end) or is_filler(token.text):
                continue
            for form in strip_particles(token.text)[::-1]:
                closest = matcher.closest_names(form)
                if closest:
                    names = [n for key in closest for n in matcher.courses_for_key(key)]
                    state.add_name(names)
                    state.replacements[(token.start, token.end)] = matcher.courses_for_key(closest[0])[0]
                    state.notes.append(f"오타 '{form}' → {names[0]}")
                    break


def parse_question(question: str, vocabulary: Vocabulary, *, now_term: str | None = None) -> ParsedQuestion:
    """Parse a student's question against one term's vocabulary.

    `now_term` is the term a question means when it names none ("이번 학기"); an explicit term in the
    question ("2026년 1학기", "2026-1") wins. Never raises on odd input: unknown words stay in `query`.
    The result is the caller's own copy (one answer parses the same question in the search model and
    again in the retriever, so parses are remembered per question, term and vocabulary).
    """
    return _own_copy(_parse((question or "").strip(), now_term, matcher_for(vocabulary)))


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
def _parse(text: str, now_term: str | None, matcher: VocabularyMatcher) -> ParsedQuestion:
    lexicon = default_lexicon()
    state = _State(text)
    filters = SearchFilters(term=now_term)

    term = _TERM_RE.search(text)
    if term:
        filters.term = f"{term.group(1)}-{term.group(2)}"
        state.spans.append(term.span())
        state.notes.append(f"학기: {filters.term}")

    rooms: list[str] = []
    for pattern in _ROOM_RES:
        for match in pattern.finditer(text):
            if state.taken(*match.span()):
                continue
            room = " ".join(g for g in match.groups() if g).upper()
            rooms.append(room)
            state.spans.append(match.span())
            state.notes.append(f"강의실: {room}")

    codes: list[str] = []
    for match in COURSE_CODE.finditer(text):
        if state.taken(*match.span()):
            continue
        codes.append(match.group(1).replace("-", "").upper())  # "mat2110" -> "MAT2110"
        state.spans.append(match.span())
    if codes:
        filters.course_codes = list(dict.fromkeys(codes))
        state.notes.append("과목번호: " + ", ".join(filters.course_codes))

    credits = _CREDITS_RE.search(text)
    if credits:
        filters.credits = float(credits.group(1))
        state.spans.append(credits.span())
        state.notes.append(f"학점: {credits.group(1)}학점")

    year = _YEAR_RE.search(text) or _YEAR_EN_RE.search(text)
    if year:
        word = (year.group(1) or year.group(2) or "").lower()
        filters.year = int(word) if word.isdigit() else _ORDINAL_YEARS[word]
        state.spans.append(year.span())
        state.notes.append(f"권장 학년: {filters.year}학년")

    english = _ENGLISH_RE.search(text)
    if english:
        filters.english = True
        state.spans.append(english.span())
        state.notes.append("영어강의(원어강의)만")

    for pattern, candidates, label in _CATEGORIES:
        match = pattern.search(text)
        if match:
            filters.category = matcher.category_value(candidates)
            state.spans.append(match.span())
            state.notes.append(f"이수구분: {label}")
            break

    schedule = parse_schedule(text)
    filters.days = schedule.days  # type: ignore[assignment]
    filters.exclude_days = schedule.exclude_days  # type: ignore[assignment]
    filters.start_after, filters.start_before, filters.end_before = (
        schedule.start_after, schedule.start_before, schedule.end_before,
    )
    state.spans.extend(schedule.spans)
    state.notes.extend(schedule.notes)

    for name, start, end in matcher.find_professors(text):
        filters.professors.append(name)
        title = _TITLES.match(text[end:])
        state.spans.append((start, end + (title.end() if title else 0)))
        state.notes.append(f"교수: {name}")

    tokens = words(text)
    filters.departments = _departments(state, tokens, matcher, lexicon)
    _course_names(state, tokens, matcher, lexicon)

    # Free text: the words nobody consumed, with abbreviations expanded, fillers dropped.
    parts: list[str] = []
    topics: list[str] = []
    for token in tokens:
        replacement = state.replacements.get((token.start, token.end))
        if replacement is not None:
            parts.append(replacement)
            topics.append(replacement)
            continue
        if any(not (token.end <= s or token.start >= e) for s, e in state.replacements):
            continue  # part of a multi-word English alias, emitted below
        if any(not (token.end <= s or token.start >= e) for s, e in state.spans):
            continue
        if token.text.isdigit() or not (token.is_hangul or token.text.isascii() and token.text[0].isalpha()):
            continue
        if is_filler(token.text):
            continue
        form = token.text
        if token.is_hangul:
            forms = strip_particles(token.text)
            form = next((f for f in forms if matcher.courses_for_key(f)), forms[-1])
        parts.append(form)
        topics.append(form)
    # English phrase aliases span several tokens: add those not already emitted.
    for value in state.replacements.values():
        if value not in parts:
            parts.append(value)
            topics.append(value)

    topic_list = list(dict.fromkeys(topics))
    name_terms = [
        t for t in topic_list
        if t not in state.names and (len(t) >= 2 or not t.isalnum()) and matcher.name_contains(t)
    ]
    return ParsedQuestion(
        question=text,
        name_terms=name_terms,
        excluded_names=state.excluded,
        rooms=rooms,
        filters=filters,
        query=" ".join(dict.fromkeys(parts)),
        course_codes=filters.course_codes,
        course_names=state.names,
        topics=topic_list,
        department_mentions=state.department_mentions,
        notes=state.notes,
    )
