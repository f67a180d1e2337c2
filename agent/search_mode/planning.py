"""Search mode, step 1: which tool calls answer a turn, as an ordered list of small named rules.

Every rule takes the same `Turn` (the question read once: its language, focus, codes, the earlier
answers it may refer to, the catalog's vocabulary) and returns a `Plan` or None; the first rule that
answers wins (`plan_turn`). The `Plan` is the input of `compose`, which decides what the answer says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Literal

from agent.index.base import SearchFilters, Vocabulary
from agent.query import ParsedQuestion
from agent.query.patterns import COURSE_CODE
from agent.query.term_words import asks_only_terms, mentions_term, term_words
from agent.search_mode import beyond_catalog, intent, paging
from agent.search_mode.rest import Shown, asks_rest, shown_by
from agent.search_mode.answer_plan import NotHeldTopic, Reading
from agent.search_mode.conversation import CitedCourse, History, history_names, previous_answers
from agent.search_mode.followup import Step, read_turn, thread_of
from agent.search_mode.intent import Focus, Language
from agent.search_mode.thread import Thread
from agent.search_mode.referents import points_at_thread_term
from agent.search_mode.tool_args import LIMIT, condition_args, search_args, term_args
from agent.search_mode.timetable_request import plan_arguments

Kind = Literal["injection", "greeting", "offtopic", "ask", "no_more", "not_held", "tools"]

_THREE = re.compile(r"(셋|세\s*(과목|수업|개))")
# 20, not the tools' default 8: a course with many sections is answered for all of them.


@dataclass
class ToolRequest:
    name: str
    args: dict[str, Any]


@dataclass
class Plan:
    """What the search-mode model will do with a user turn."""

    kind: Kind
    question: str
    lang: Language = "ko"
    focus: list[Focus] = field(default_factory=list)
    calls: list[ToolRequest] = field(default_factory=list)
    targets: list[CitedCourse] = field(default_factory=list)
    followup: bool = False
    section: str | None = None  # "02분반" in the question
    narrow: SearchFilters | None = None  # a follow-up's conditions ("그 중에 월요일 수업은?")
    professor: str | None = None  # "그 교수님 다른 수업은?": the professor whose courses are listed
    reading: Reading | None = None  # how an ambiguous follow-up was read (the answer says it)
    offset: int = 0  # "더 보기": where the list goes on (search calls carry it; lookups are paged by compose)
    not_held: NotHeldTopic | None = None  # a "not_held" reply: the fact no catalog holds that was asked
    student: tuple[str, ...] = ()  # "경영학과인데 …": the student's own department (eligibility is said for it)
    shown: Shown = field(default_factory=Shown)  # "나머지도": what the last answer showed, left out of the list


@dataclass
class Turn:
    """A question read once, with the conversation before it: what every planning rule looks at."""

    text: str
    history: History
    vocabulary: Vocabulary | None

    @cached_property
    def lang(self) -> Language:
        return intent.question_language(self.text, self.vocabulary)

    @cached_property
    def focus(self) -> list[Focus]:
        return intent.focus_of(self.text)

    @cached_property
    def codes(self) -> list[str]:
        """Course codes in the question; not a room written like one ("GN201 강의실", "R912호"), which the
        parser read as a room."""
        rooms = {"".join(room.split()).upper() for room in self.parsed.filters.rooms}
        return [code for code in intent.course_codes(self.text) if code not in rooms]

    @cached_property
    def previous(self) -> list[list[CitedCourse]]:
        return previous_answers(self.history)

    @cached_property
    def names(self) -> list[str]:
        """Course names of earlier turns, looked for only when no answer cited a course."""
        return [] if self.previous or self.codes else history_names(self.history, self.vocabulary)

    @cached_property
    def on_topic(self) -> bool:
        """A course question: course words or names, or a term ("여름학기에 뭐 열려?", "예전에도 있었어?")."""
        text, vocabulary = self.text, self.vocabulary
        return (
            intent.is_course_question(text, vocabulary) or intent.course_like_word(text) or asks_only_terms(text)
            or mentions_term(text)
        )

    @cached_property
    def refers(self) -> bool:
        return bool(intent.REFERENCE.search(self.text))

    @cached_property
    def step(self) -> Step:
        """How the question continues the conversation (`followup.read_turn`): a new topic or a follow-up."""
        return read_turn(self.text, thread_of(self.history, self.vocabulary), self.vocabulary)

    @property
    def followup(self) -> bool:
        return self.step.followup

    def reply(self, kind: Kind) -> Plan:
        return Plan(kind=kind, question=self.text, lang=self.lang)

    @cached_property
    def parsed(self) -> ParsedQuestion:
        from agent.query import parse_question  # pure Python, cached per vocabulary

        return parse_question(self.text, self.vocabulary or Vocabulary())

    def tools(self, calls: list[ToolRequest], **fields: Any) -> Plan:
        match = intent.SECTION.search(self.text)
        step = self.step
        section, focus = (match.group(1) if match else None), self.focus
        if step.followup:
            section, focus = section or step.thread.section, list(step.thread.focus)
        student = tuple(self.parsed.student_departments)
        about_a_course = bool(self.parsed.course_names or self.codes or step.followup)
        asks_may = bool(student or self.parsed.student_year) and bool(intent.MAY_TAKE.search(self.text))
        if about_a_course and not focus and (student or asks_may):
            focus = ["restrictions"]  # "컴공이라서 자료구조 들을 수 있어?", "2학년인데 들을 수 있나요?": may they take it
        shown = shown_by(step.thread.answer, self.vocabulary, self.text) if step.followup and asks_rest(self.text) else Shown()
        shown = shown | step.left_out
        return Plan(
            kind="tools", question=self.text, lang=self.lang, focus=focus, followup=step.followup,
            section=section, calls=calls, reading=step.reading, student=student, shown=shown, **fields,
        )


Rule = Callable[[Turn], Plan | None]


def refuse_injection(turn: Turn) -> Plan | None:
    return turn.reply("injection") if intent.INJECTION.search(turn.text) else None


def decline_coursework(turn: Turn) -> Plan | None:
    """"운영체제 과제 짜줘", "write my OS homework": doing coursework is out of scope, whichever course it is for."""
    return turn.reply("offtopic") if beyond_catalog.coursework_request(turn.text) else None


def say_not_held(turn: Turn) -> Plan | None:
    """"그 교수님 이메일 알려줘", "자료구조 성적 분포", "교재 뭐야?": a fact no catalog holds, with or without a
    course. How a course is graded is answered from the catalog's remarks when a course is asked about (or a
    grading the remarks state is named: "절대평가인 과목"), else it is such a fact too."""
    topic = beyond_catalog.not_held(turn.text, turn.vocabulary)
    if topic == "workload" and not _about_a_course(turn):
        topic = None  # ranking courses by it ("과제 많은 수업?") is `decline_unknowable`'s
    grading = topic is None and beyond_catalog.asks_grading(turn.text, turn.vocabulary)
    if grading and not _answerable_grading(turn):
        topic = "grading"
    if topic is None:
        return None
    plan = turn.reply("not_held")
    plan.not_held = topic
    return plan


def _answerable_grading(turn: Turn) -> bool:
    """A grading question the catalog's remarks may answer: about a course, or naming a grading they state."""
    return bool(beyond_catalog.GRADING_VALUE.search(turn.text)) or _about_a_course(turn)


def _about_a_course(turn: Turn) -> bool:
    return bool(turn.codes or turn.followup or turn.parsed.course_names)


def decline_unknowable(turn: Turn) -> Plan | None:
    """Choosing courses by what no catalog states ("과제 많은 수업?", "꿀강 추천") is out of scope."""
    return turn.reply("offtopic") if beyond_catalog.asks_unknowable(turn.text, turn.vocabulary) else None


def more_of_previous(turn: Turn) -> Plan | None:
    """"더 보기" / "more": the question the last list answered, planned again in its own context, with its
    searches going on from where that answer stopped (no position in it: the request's `offset`, if any)."""
    if not paging.asks_more(turn.text):
        return None
    earlier = paging.continued(turn.history)
    if earlier is None:
        return turn.reply("ask")  # nothing was asked yet
    if paging.showed_everything(earlier[2]):
        return turn.reply("no_more")
    question, history, answer = earlier
    plan = plan_turn(question, history, turn.vocabulary)
    start = paging.next_offset(answer)
    if plan.kind == "tools" and start is not None:
        plan.offset = start
        for call in plan.calls:
            if call.name == "search_courses":
                call.args["offset"] = start
    return plan


def decline_off_topic(turn: Turn) -> Plan | None:
    """An off-topic word with no course signal ("오늘 날씨 어때?"), unless it follows up on a course."""
    if turn.followup or not intent.is_off_topic(turn.text, turn.vocabulary):
        return None
    return turn.reply("offtopic")


def greet_or_decline_unrelated(turn: Turn) -> Plan | None:
    """A turn with no course signal: a greeting, or (with the catalog's vocabulary at hand, in Korean) a
    question the catalog cannot answer. Without the vocabulary, searching is the safer guess; English
    questions are searched unless plainly off-topic: the catalog's words are Korean, so "When is Linear
    Algebra?" shares none with the vocabulary and still is a course question."""
    if turn.on_topic or turn.followup:
        return None
    if intent.GREETING.search(turn.text):
        return turn.reply("greeting")
    if intent.OFFTOPIC.search(turn.text) or (turn.vocabulary is not None and turn.lang == "ko"):
        return turn.reply("offtopic")
    return None


def timetable_plan(turn: Turn) -> Plan | None:
    """"자료구조, 운영체제, 회계원리 들을 건데 금요일 공강으로 시간표 짜줘", "make me a timetable with Data Structures
    and Linear Algebra, mornings only": plan_timetable with the courses named and the week's conditions
    (`timetable_request`). A follow-up naming fewer than two courses takes them from the conversation: the
    courses of the last answer when it names none ("금요일 공강으로 다시 짜줘" after a plan), else the course the
    last answer was about ("그거랑 회계원리로 시간표 짜줘"); still fewer than two is left to the rules below."""
    asked = [text for role, text in turn.history if role == "user"]
    args = plan_arguments(turn.text, turn.vocabulary, asked)
    if args is None:
        return None
    named: list[str] = args["courses"]
    if len(named) < 2 and turn.previous and (turn.refers or turn.followup):
        last = list(dict.fromkeys(c.code for c in turn.previous[0]))
        if not named and len(last) > 1:
            named += last  # the plan asked again
        else:
            firsts = dict.fromkeys(answer[0].code for answer in turn.previous)
            named += [code for code in firsts if code not in named][: 2 - len(named)]
    if len(named) < 2:
        return None
    return replace(turn.tools([ToolRequest("plan_timetable", args)]), reading=None)  # a plan revised, not "그 수업"


def timetable_check(turn: Turn) -> Plan | None:
    """"자료구조랑 운영체제 겹쳐?" -> check_timetable; "그거랑 자구 겹쳐?" adds the last answer's course, "둘이
    겹쳐?" the courses of the last answers."""
    if "timetable" not in turn.focus:
        return None
    items = list(turn.codes) or [
        i for i in intent.timetable_items(turn.text, turn.vocabulary) if not COURSE_CODE.fullmatch(i)
    ]
    items = _sections_bound(items, thread_of(turn.history, turn.vocabulary))
    targets: list[CitedCourse] = []
    if turn.followup or len(items) < 2:
        wanted = 3 if _THREE.search(turn.text) else 2
        extra = 1 if items and turn.refers else max(0, wanted - len(items))
        for answer in turn.previous:
            if extra <= 0:
                break
            if answer[0].code not in items and answer[0].ref not in items:
                items.append(answer[0].ref)
                targets.append(answer[0])
                extra -= 1
        if len(items) < 2 and turn.names and turn.names[0] not in items:
            items.append(turn.names[0])  # "그거랑 운영체제 겹쳐?" after an answer that named 자료구조 without a code
    if len(items) < 2:
        return None
    return turn.tools([ToolRequest("check_timetable", {"courses": items[:10]})], targets=targets)


def _sections_bound(items: list[str], thread: Thread | None) -> list[str]:
    """"05반이랑 머신러닝 01반 겹쳐?": a section alone is of the course the conversation was about (its name with
    the professors and departments that picked it out), not an item of its own."""
    if thread is None or not (thread.names or thread.query):
        return [i for i in items if not intent.SECTION_ONLY.fullmatch(i)]
    words = [thread.query or " ".join(thread.names), *thread.conditions.professors, *thread.conditions.departments]
    course = " ".join(w for w in words if w)
    return [f"{course} {i.strip()}" if intent.SECTION_ONLY.fullmatch(i) else i for i in items]


def course_codes(turn: Turn) -> Plan | None:
    """Codes in the question: look each up (with the section the question names, for a single code). With a
    term ("CSE2010 작년 1학기", "예전에도"), the search reads the code and the term together."""
    if not turn.codes or mentions_term(turn.text):
        return None
    plan = turn.tools([], targets=[CitedCourse(code=c) for c in turn.codes])
    one_section = {"section": plan.section} if plan.section and len(turn.codes) == 1 else {}
    plan.calls = [ToolRequest("get_course", {"code": c, **one_section}) for c in turn.codes[:5]]
    return plan


def professor_follow_up(turn: Turn) -> Plan | None:
    """"그 교수님 다른 수업은?" / "What else does that professor teach?": that professor's courses."""
    step = turn.step
    if step.kind != "professor" or step.professor is None:
        return None
    args = {"query": "", "limit": LIMIT, **condition_args(step.thread.conditions)}
    if step.thread.conditions.term is None and mentions_term(turn.text):
        args["query"] = term_words(turn.text)  # a term the catalog lacks: the tool reads it, and says so
    return turn.tools([ToolRequest("search_courses", args)], professor=step.professor)


def picked_section(turn: Turn) -> Plan | None:
    """"두 번째 건 누가 가르쳐?": the section the last answer cited in that place."""
    step = turn.step
    if step.kind != "pick" or step.target is None:
        return None
    target = step.target
    args: dict[str, Any] = {"code": target.code, **term_args(step.thread)}
    if target.section:
        args["section"] = target.section
    return turn.tools([ToolRequest("get_course", args)], targets=[target])


def follow_up_by_code(turn: Turn) -> Plan | None:
    """A follow-up on courses the student named by code: look them up again, narrowed by the thread's
    conditions; "다른 분반은?" also searches the cited name (where every section has its own code)."""
    step = turn.step
    thread = step.thread
    if not step.followup or thread.names or not thread.codes:
        return None
    one = {"section": thread.section} if thread.section and len(thread.codes) == 1 else {}
    calls = [ToolRequest("get_course", {"code": c, **one, **term_args(thread)}) for c in thread.codes[:8]]
    narrow = thread.conditions.model_copy(update={"term": None})
    names = [c.name for c in thread.cited if c.name and c.code in thread.codes]
    if names and ("sections" in thread.focus or not narrow.is_empty()):
        query = {"query": names[0], "limit": LIMIT, **term_args(thread)}
        calls.append(ToolRequest("search_courses", query))
    targets = [CitedCourse(code=c) for c in thread.codes]
    return turn.tools(calls, targets=targets, narrow=None if narrow.is_empty() else narrow)


def follow_up_search(turn: Turn) -> Plan | None:
    """Any other follow-up: search the thread again (its courses or topic, its conditions as arguments)."""
    step = turn.step
    if not step.followup:
        return None
    narrow = step.thread.conditions.model_copy(update={"term": None})
    args = search_args(step.thread)
    if step.thread.conditions.term is None and mentions_term(turn.text):
        # "작년엔?": a term counted from the current one, which only the tool knows (the request's term): the
        # follow-up's own words go with the thread's query, and the retriever reads the term from them.
        args["query"] = f"{args['query']} {turn.text}".strip()
    plan = turn.tools([ToolRequest("search_courses", args)])
    plan.narrow = None if narrow.is_empty() else narrow
    return plan


def plain_search(turn: Turn) -> Plan | None:
    """Everything else: search with the question itself (the retriever parses days, times, departments,
    professors and abbreviations from it)."""
    # "그 학기에 …": the term the conversation was about (`followup.read_turn` put it in the thread)
    then = term_args(turn.step.thread) if points_at_thread_term(turn.text) else {}
    return turn.tools([ToolRequest("search_courses", {"query": turn.text, "limit": LIMIT, **then})])


RULES: tuple[Rule, ...] = (
    refuse_injection,
    more_of_previous,
    decline_coursework,
    say_not_held,
    decline_unknowable,
    decline_off_topic,
    greet_or_decline_unrelated,
    timetable_plan,
    timetable_check,
    course_codes,
    professor_follow_up,
    picked_section,
    follow_up_by_code,
    follow_up_search,
    plain_search,
)


def plan_turn(question: str, history: History = (), vocabulary: Vocabulary | None = None) -> Plan:
    """Decide the search-mode response to `question` given earlier (role, text) turns."""
    turn = Turn(text=question.strip(), history=tuple(history), vocabulary=vocabulary)
    for rule in RULES:
        plan = rule(turn)
        if plan is not None:
            return plan
    raise AssertionError("plain_search answers every turn")  # pragma: no cover
