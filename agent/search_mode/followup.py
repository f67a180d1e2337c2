"""Reading a question against the thread before it: a new topic, or which kind of follow-up.

`read_turn(question, before, vocabulary)` returns a `Step`: its kind, the thread the question is about, and,
when the question could be read more than one way, the `Reading` the answer states. `thread_of` folds every
turn of a history through it. The kinds, tried in `RULES` order:
- "professor": "그 교수님 다른 수업은?" — that professor's courses (the first the answer named, said so);
- "pick": "두 번째 건 누가 가르쳐?" — one section the last answer cited; "subject": "그럼 운체는?" — the same
  question about another course, with the thread's conditions;
- "narrow": "그 중에 영어강의는?", "오후에 시작하는 것만", "금요일 말고 목요일은?", "2024-1엔?" — the thread with
  the question's conditions (a slot it sets replaces the thread's; a term is a slot too); a question that
  only names conditions without "그 중에" says it looked among the thread's courses;
- "widen": "요일 상관없이" — the thread without that slot; "sections": "다른 분반은?" — every section;
- "attribute": "그 수업 누가 가르쳐?", "Who teaches it?" — the same sections, another question about them.
A subject of its own (a course, code, department ...) makes a new topic ("그 학기에": in the thread's term).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from threading import Lock
from typing import Literal

from agent.index.base import SearchFilters, Vocabulary
from agent.query import ParsedQuestion, parse_question
from agent.query.term_arithmetic import chronological
from agent.query.vocab import matcher_for
from agent.search_mode import intent
from agent.search_mode.answer_plan import Reading
from agent.search_mode.conversation import THAT_PROFESSOR, CitedCourse, History
from agent.search_mode.referents import (SAME_TIME, in_that_term, in_thread_year, meeting_conditions,  # noqa: I001
                                         rooms_referred, time_ruled_out)
from agent.search_mode.rest import Shown, asks_rest
from agent.search_mode.thread import SUBJECT_FIELDS, Thread, continued, dropped, slot_conditions

StepKind = Literal["new", "professor", "pick", "subject", "narrow", "widen", "sections", "attribute"]

# "화요일 대신 수요일", "Monday instead of Friday": of the days named, the thread's own are the ones replaced.
_INSTEAD_OF = re.compile(r"대신|\binstead\s+of\b|\brather\s+than\b", re.IGNORECASE)
_NEW_SEARCH = re.compile(
    r"(?:전체|모든|아무)\s*(?:수업|과목|강의|강좌)|\b(?:any|all|every)\s+(?:courses?|class(?:es)?)\b", re.IGNORECASE
)
_ALL_SECTIONS = re.compile(
    r"다른\s*(?:분반|반)|(?:전체|모든|나머지)\s*(?:분반|반)|\b(?:other|all)\s+(?:the\s+)?sections\b", re.IGNORECASE
)
_ANY = r"\s*(?:은|는|이|가|도)?\s*(?:상관\s*없|상관\s*x|무관|관계\s*없|아무\s*때나?|안\s*따져)"
_WIDEN: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"요일" + _ANY + r"|\bany\s+day\b|regardless\s+of\s+(?:the\s+)?day", re.I), ("days",)),
    (re.compile(r"시간(?:대)?" + _ANY + r"|\bany\s+time\b|regardless\s+of\s+(?:the\s+)?time", re.I), ("start_after",)),
    (re.compile(r"교수(?:님)?" + _ANY + r"|\bany\s+professor\b", re.I), ("professors",)),
    (re.compile(r"조건\s*(?:없이|빼고|다\s*빼고|상관\s*없)|without\s+(?:the\s+|any\s+)?conditions?"
                r"|(?:전부|전체|다)\s*(?:다\s*)?(?:보여|알려)|\bshow\s+(?:me\s+)?(?:them\s+)?all\b", re.I), ("*",)),
)
# Asking which courses there are ("월요일 수업 뭐 있어?", "오전 강의 있나?", "what courses are on Monday?"): a
# question about the whole catalog, even right after one course ("영어강의" and "강의실" are not the noun).
_LISTING = re.compile(
    r"(?<!영어)(?<!원어)(?<!영어 )(?:수업|과목|강좌|강의)(?!실)\S*\s*(?:중에?\s*)?"
    r"(?:뭐|뭐가|무엇|무슨|어떤\s*(?:게|거|것)|추천|있)"
    r"|\b(?:what|which|any\s+other)\s+(?:courses|classes)\b",
    re.IGNORECASE,
)
# "두 번째 건", "the second one": which of the sections an answer cited.
_ORDINALS = {"첫": 0, "1": 0, "두": 1, "2": 1, "세": 2, "3": 2, "네": 3, "4": 3, "다섯": 4, "5": 4,
             "first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}
_ORDINAL = re.compile(
    r"(첫|두|세|네|다섯|[1-5])\s*번\s*(?:째|과목|수업|강의)?|\bthe\s+(first|second|third|fourth|fifth)\b", re.I
)
_REST = re.compile(r"나머지|\bthe\s+rest\b", re.I)
# "각각", "모두", "each of them": about every course the last answer cited, not the first.
_EACH = re.compile(r"각각|각자|하나하나|전부\s*다?|모두|다\s*(?:누구|어디|언제)|\beach\b|\ball\s+of\s+them\b", re.I)
# Leftover words that leave a question bare: "그럼 운체는?", "알고리즘은 어때?", "what about OS?".
_FILLERS = frozenset({"그럼", "그러면", "그리고", "어때", "어때요", "어떄", "어떤가요", "what", "about", "how", "and"})


@dataclass(frozen=True)
class Step:
    """How one question continues the thread: `kind` ("new" for a new topic), the `thread` it is about, the
    professor of a "professor" step, the one section a "pick" step chose, and the reading an ambiguous
    question was given (the answer states it)."""

    kind: StepKind
    thread: Thread
    professor: str | None = None
    target: CitedCourse | None = None
    reading: Reading | None = None
    left_out: Shown = field(default_factory=Shown)  # what the answer leaves out ("9시 수업 말고", "다른 과목")

    @property
    def followup(self) -> bool:
        return self.kind != "new"


class Words:
    """One question as the rules read it: the parser's reading and the signals around it."""

    def __init__(self, question: str, vocabulary: Vocabulary | None) -> None:
        self.text = question.strip()
        self.vocabulary = vocabulary

    @cached_property
    def parsed(self) -> ParsedQuestion:
        # No current term, so the filters hold a term only when the question names one; a relative term
        # ("작년엔?") is read against the newest term the vocabulary holds (the request's own term only reaches
        # the tools, which read it again against that).
        vocabulary = self.vocabulary or Vocabulary()
        return parse_question(self.text, vocabulary, terms=chronological(vocabulary.terms))

    @cached_property
    def conditions(self) -> SearchFilters:
        return self.parsed.filters.model_copy(update={"course_codes": []})

    @cached_property
    def focus(self) -> tuple[intent.Focus, ...]:
        return tuple(intent.focus_of(self.text))

    @cached_property
    def refers(self) -> bool:
        return bool(intent.REFERENCE.search(self.text) or intent.NARROWING_WORDS.search(self.text))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.parsed.course_names)

    @property
    def own_subject(self) -> bool:
        """A course, a code, a course-like name, or a topic inside course names unless the question refers
        back ("그거 영어로도 해?"); never a word of a reference the parser may take for a name ("거기", "번째")."""
        referring = " ".join(m.group(0) for p in (intent.REFERENCE, _ORDINAL) for m in p.finditer(self.text))
        topics = [] if self.refers else self.parsed.name_terms
        unknown = [w for w in self.parsed.unknown_names + topics if w not in referring]
        return bool(self.names or self.parsed.course_codes or unknown)

    @property
    def bare(self) -> bool:
        """Nothing but course names (and fillers): "그럼 운체는?"."""
        slots = not self.conditions.model_copy(update={"term": None}).is_empty()
        return not (slots or self.focus) and all(w.lower() in _FILLERS for w in self.parsed.nudges)

    def fresh(self) -> Thread:
        parsed = self.parsed
        query = " ".join(parsed.course_names) or parsed.query
        return Thread(
            question=self.text, query=query, names=self.names, codes=tuple(parsed.course_codes),
            section=parsed.section, conditions=self.conditions, focus=self.focus, vocabulary=self.vocabulary,
        )


Rule = Callable[[Words, Thread], Step | None]


def about_that_professor(words: Words, before: Thread) -> Step | None:
    """"그 교수님 다른 수업은?": that professor's courses, under the question's own conditions and in the term
    it names ("그 교수님 이번 학기엔 뭐 가르쳐?"), else the thread's."""
    if not THAT_PROFESSOR.search(words.text) or "timetable" in words.focus:
        return None
    named = before.professors
    if not named:
        return None
    term = words.conditions.term or (None if words.parsed.missing_term else before.conditions.term)
    conditions = slot_conditions(words.conditions).model_copy(update={"term": term})
    thread = Thread(question=words.text, conditions=conditions.model_copy(update={"professors": [named[0]]}),
                    focus=words.focus, vocabulary=words.vocabulary)
    reading = Reading("first_professor", named[0]) if len(named) > 1 else None
    return Step("professor", thread, professor=named[0], reading=reading)


def picked_by_ordinal(words: Words, before: Thread) -> Step | None:
    """"두 번째 건 누가 가르쳐?": the section the last answer cited in that place."""
    match = _ORDINAL.search(words.text)
    if not match or words.own_subject or not before.cited:
        return None
    index = _ORDINALS.get((match.group(1) or match.group(2) or "").lower(), 0)
    target = before.cited[min(index, len(before.cited) - 1)]
    thread = replace(before, question=words.text, names=(), query="", codes=(target.code,),
                     section=target.section, focus=words.focus,
                     conditions=SearchFilters(term=before.conditions.term))
    return Step("pick", thread, target=target)


def another_course(words: Words, before: Thread) -> Step | None:
    """Course names of its own: the same question about them when that is all it says ("그럼 운체는?"), the
    thread narrowed to them after "그 중에"; otherwise a new topic."""
    if not words.names:
        return None
    if words.bare and (before.focus or not slot_conditions(before.conditions).is_empty()):
        kept = slot_conditions(before.conditions).model_copy(update={"term": before.conditions.term})
        thread = replace(words.fresh(), conditions=continued(kept, words.conditions), focus=before.focus)
        reading = None if slot_conditions(kept).is_empty() else Reading("kept_conditions", conditions=kept)
        return Step("subject", thread, reading=reading)
    if words.refers and not words.parsed.course_codes:
        thread = replace(words.fresh(), conditions=continued(before.conditions, words.conditions))
        return Step("narrow", thread)
    return Step("new", words.fresh())


def new_topic(words: Words, before: Thread) -> Step | None:
    """A subject of its own, or "전체 수업 중에": not about the thread. A department, professor or category
    named without referring back ("경영학과 수업은?") is a subject too; with "그 중에" or "반" it narrows."""
    named = any(getattr(words.conditions, name) for name in SUBJECT_FIELDS)
    if words.own_subject or _NEW_SEARCH.search(words.text) or (named and not words.refers):
        return Step("new", words.fresh())
    return None


def every_section(words: Words, before: Thread) -> Step | None:
    """"다른 분반은?": every section of the thread's course again, without its conditions."""
    if not _ALL_SECTIONS.search(words.text):
        return None
    # "나머지 분반": the rest of the same set (its conditions kept); "다른 분반": every section of the course.
    conditions = before.conditions if _REST.search(words.text) else SearchFilters(term=before.conditions.term)
    focus = tuple(dict.fromkeys(("sections", *words.focus)))
    thread = replace(before, question=words.text, conditions=conditions, section=None, focus=focus)
    return Step("sections", thread)


def widened(words: Words, before: Thread) -> Step | None:
    """"요일 상관없이", "any time": the thread without that slot (then the question's own conditions)."""
    slots = tuple(slot for pattern, names in _WIDEN if pattern.search(words.text) for slot in names
                  if slot != "*" or not asks_rest(words.text))  # "나머지도 다 보여줘": the rest, not every course
    if not slots:  # "나머지도 보여줘": the same list, the rest of it (`rest`); with conditions it narrows
        rest = asks_rest(words.text) and words.conditions.model_copy(update={"term": None}).is_empty()
        return Step("attribute", replace(before, question=words.text)) if rest else None
    base = SearchFilters(term=before.conditions.term) if "*" in slots else dropped(before.conditions, slots)
    thread = replace(before, question=words.text, conditions=continued(base, words.conditions),
                     focus=words.focus or before.focus)
    return Step("widen", thread)


# A yes/no question about the thing itself: "…이야?", "…예요?", "…인가요?", "is it …?".
_ASKS_ITSELF = re.compile(r"(?:이야|야|예요|이에요|에요|인가요|인가|이냐|냐|니|이니|인지|나요|해)\s*\??\s*$|^\s*(?:is|are)\s+(?:it|they)\b", re.I)


def narrowed(words: Words, before: Thread) -> Step | None:
    """Conditions of its own (a day, a time, English-taught, a professor's section, a term ...): the thread
    with them. Said as a reading when the question did not say it meant the thread's courses."""
    missing = words.parsed.missing_term is not None  # "그럼 2학기에는?" before the catalog has it
    asked, left_out = time_ruled_out(words.text, words.conditions)
    rooms = asked.rooms or rooms_referred(words.text, before, words.vocabulary)
    asked = asked.model_copy(update={"rooms": rooms})
    if asked.is_empty() and asked.term is None and not asked.terms and not missing and left_out is None:
        return None
    if words.refers and _ASKS_ITSELF.search(words.text) and set(words.focus) & {"delivery", "seats", "english"}:
        return None  # "그 수업 온라인이야?" asks what the course it points at is like: not a narrowing
    # Ruling out the thread's own time, or pointing at its place, refers back as "그 중에" does.
    refers = words.refers or left_out is not None or len(asked.rooms) > len(words.conditions.rooms)
    only_term = asked.model_copy(update={"term": None}).is_empty() and left_out is None
    if not (refers or only_term) and _LISTING.search(words.text):
        # "월요일 수업 뭐 있어?": a question of its own about the whole catalog; said so, in case it was not.
        return Step("new", words.fresh(), reading=_elsewhere(before))
    conditions = continued(before.conditions, _instead(words, asked, before.conditions))
    conditions = conditions.model_copy(update={"term": None if asked.terms else in_thread_year(  # "작년엔?": its terms
        words.text, before, conditions.term, words.vocabulary)})
    if missing:  # the tool reads the term from the question's words, and says the catalog lacks it
        conditions = conditions.model_copy(update={"term": None, "terms": []})
    focus = words.focus or (before.focus if only_term else ())
    thread = replace(before, question=words.text, conditions=conditions, section=None, focus=focus)
    if only_term:
        thread = _the_course(thread, words.vocabulary)
    reading = None if (refers or only_term) else _within(before)
    return Step("narrow", thread, reading=reading, left_out=Shown(starting=left_out))


def _the_course(thread: Thread, vocabulary: Vocabulary | None) -> Thread:
    """"작년엔?" after an answer about one course found by a topic word ("체제 관련 수업"): the other term is
    asked about that course (its exact name), not the word, which may name other courses there."""
    if thread.names or thread.codes or not (thread.one_course and thread.about):
        return thread
    name = _catalog_name(thread.about[0], vocabulary)
    return replace(thread, names=(name,), query=name) if name else thread


def asks_about_it(words: Words, before: Thread) -> Step | None:
    """"그 수업 누가 가르쳐?", "어디서 해?", "Who teaches it?": another question about the same sections. When the
    last answer listed several courses (not one course under several codes) and the student had not named
    one, the first is meant, and the answer says so."""
    short = words.focus and len(words.text) <= 30
    if not (words.refers or short):
        return None
    thread = replace(before, question=words.text, focus=words.focus)
    if _EACH.search(words.text) and len(before.cited) > 1 and not before.one_course:
        codes = tuple(dict.fromkeys(c.code for c in before.cited))
        return Step("attribute", replace(thread, names=(), query="", codes=codes, section=None))
    every = re.search(r"\b(?:those|them|these)\b|그\s*중|둘\s*다", words.text)
    if before.one_course or before.one_name or not before.cited or every:
        return Step("attribute", _the_course(thread, words.vocabulary) if before.one_course else thread)
    first = before.cited[0]
    name = _catalog_name(first, words.vocabulary)
    names = (name,) if name else ()
    thread = replace(thread, names=names, query=name or "", codes=() if name else (first.code,), section=None)
    return Step("attribute", thread, reading=Reading("first_course", name or first.code))


def at_the_same_time(words: Words, before: Thread) -> Step | None:
    """"같은 시간에 하는 다른 경제 과목은?": the question's own subject (or any course) meeting on the days and at
    the start time the last answer gave, the thread's courses left out."""
    meeting = meeting_conditions(before.answer) if SAME_TIME.search(words.text) else None
    if meeting is None:
        return None
    # The question's subject ("경제": words, a department), its own slots then the meeting's, the thread's term.
    conditions = continued(words.conditions, meeting).model_copy(
        update={"term": words.conditions.term or before.conditions.term})
    names = {c.course for c in before.about} | {n.replace(" ", "") for n in before.names}
    return Step("narrow", replace(words.fresh(), conditions=conditions), left_out=Shown(names=frozenset(names)))


RULES: tuple[Rule, ...] = (
    about_that_professor, at_the_same_time, picked_by_ordinal, another_course, new_topic, every_section, widened, narrowed,
    asks_about_it,
)


def read_turn(question: str, before: Thread | None, vocabulary: Vocabulary | None) -> Step:
    """How `question` continues `before` (a "new" step when it does not)."""
    words = Words(question, vocabulary)
    if before is None or not before.subject or words.parsed.course_codes:
        return Step("new", words.fresh())
    for rule in RULES:
        step = rule(words, before)
        if step is not None:
            return replace(step, thread=in_that_term(words.text, words.conditions, step.thread, before))
    return Step("new", in_that_term(words.text, words.conditions, words.fresh(), before))


def thread_of(history: History, vocabulary: Vocabulary | None) -> Thread | None:
    """The thread after the last turn of `history` (None before any question). Threads are remembered per
    conversation prefix: the model plans each answer twice (its tool calls, then its words) and the next
    request repeats this history, so only the turns not read before are folded."""
    turns = tuple(history)
    catalog = matcher_for(vocabulary) if vocabulary is not None else None
    start, thread = _THREADS.longest_prefix(catalog, turns)
    for i in range(start, len(turns)):
        role, text = turns[i]
        if role == "user":
            thread = read_turn(text, thread, vocabulary).thread
        elif thread is not None:
            thread = thread.answered(text)
        elif text.strip():
            # The history was cut before its first question: the answer alone.
            thread = Thread(question="", vocabulary=vocabulary).answered(text)
        _THREADS.put(catalog, turns[: i + 1], thread)
    return thread


class _ThreadCache:
    """Threads by (the catalog's matcher, the turns read): a small LRU shared by the server's threads."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[tuple, Thread | None] = OrderedDict()
        self._lock = Lock()

    def longest_prefix(self, catalog: object, turns: tuple) -> tuple[int, Thread | None]:
        with self._lock:
            for cut in range(len(turns), 0, -1):
                key = (catalog, turns[:cut])
                if key in self._items:
                    self._items.move_to_end(key)
                    return cut, self._items[key]
        return 0, None

    def put(self, catalog: object, turns: tuple, thread: Thread | None) -> None:
        with self._lock:
            self._items[(catalog, turns)] = thread
            while len(self._items) > self.size:
                self._items.popitem(last=False)


_THREADS = _ThreadCache()


def _instead(words: Words, new: SearchFilters, before: SearchFilters) -> SearchFilters:
    """The question's conditions, without the thread's days it names only to replace them."""
    fresh = [d for d in new.days if d not in before.days]
    if _INSTEAD_OF.search(words.text) and fresh and len(fresh) < len(new.days):
        return new.model_copy(update={"days": fresh})
    return new


def _within(before: Thread) -> Reading:
    """"Looked among the thread's courses": named by its course when it has one."""
    if len(before.names) == 1:
        return Reading("within", before.names[0])
    return Reading("within", None)


def _elsewhere(before: Thread) -> Reading | None:
    """"Searched the whole catalog": worth saying only when the thread was about particular courses."""
    return Reading("everywhere", before.names[0]) if len(before.names) == 1 else None


def _catalog_name(cited: CitedCourse, vocabulary: Vocabulary | None) -> str | None:
    """The catalog's name of a cited course ("Data Structures [자료구조]" -> "자료구조")."""
    name = cited.catalog_name
    if vocabulary is not None and name not in vocabulary.course_names:
        return None
    return name
