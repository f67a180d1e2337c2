"""Search mode, step 1: which tool calls answer a turn, as an ordered list of small named rules.

Every rule takes the same `Turn` (the question read once: its language, focus, codes, the earlier
answers it may refer to, the catalog's vocabulary) and returns a `Plan` or None; the first rule that
answers wins (`plan_turn`). The `Plan` is the input of `compose`, which decides what the answer says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from agent.index.base import SearchFilters, Vocabulary
from agent.query.patterns import COURSE_CODE
from agent.search_mode import intent, paging
from agent.search_mode.conversation import (
    CitedCourse,
    History,
    history_names,
    previous_answers,
    referred_professor,
)
from agent.search_mode.intent import Focus, Language

Kind = Literal["injection", "greeting", "offtopic", "ask", "no_more", "tools"]

_ORDINALS = {"첫": 0, "1": 0, "두": 1, "2": 1, "세": 2, "3": 2, "네": 3, "4": 3, "다섯": 4, "5": 4}
_ORDINAL = re.compile(r"(첫|두|세|네|다섯|[1-5])\s*번\s*(째|과목|수업|강의)?")
_THREE = re.compile(r"(셋|세\s*(과목|수업|개))")
# 20, not the tools' default 8: a course with many sections is answered for all of them.
LIMIT = 20


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
    narrow: SearchFilters | None = None  # schedule words of a follow-up ("그 중에 월요일 수업은?")
    professor: str | None = None  # "그 교수님 다른 수업은?": the professor whose courses are listed
    offset: int = 0  # "더 보기": where the list goes on (search calls carry it; lookups are paged by compose)


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
        return intent.course_codes(self.text)

    @cached_property
    def previous(self) -> list[list[CitedCourse]]:
        return previous_answers(self.history)

    @cached_property
    def names(self) -> list[str]:
        """Course names of earlier turns, looked for only when no answer cited a course."""
        return [] if self.previous or self.codes else history_names(self.history, self.vocabulary)

    @cached_property
    def on_topic(self) -> bool:
        return intent.is_course_question(self.text, self.vocabulary) or intent.course_like_word(self.text)

    @cached_property
    def refers(self) -> bool:
        return bool(intent.REFERENCE.search(self.text))

    @cached_property
    def followup(self) -> bool:
        """About what was just discussed: it refers to it, only asks an attribute, or only narrows it."""
        if not (self.previous or self.names) or self.codes:
            return False
        narrowing = intent.narrowing(self.text, self.vocabulary)
        narrows = narrowing is not None and bool(intent.NARROWING_WORDS.search(self.text))
        return self.refers or self._bare_attribute or narrows

    @property
    def _bare_attribute(self) -> bool:
        # A short question that only asks an attribute ("몇 학점이야?", "어디서 해?") is about the last course;
        # one with a subject of its own ("수의학 수업 누가 가르쳐?") is not.
        return (
            bool(self.focus) and len(self.text) <= 25 and not self.codes
            and not intent.name_hits(self.text, self.vocabulary)
            and not intent.has_subject(self.text, self.vocabulary)
        )

    def reply(self, kind: Kind) -> Plan:
        return Plan(kind=kind, question=self.text, lang=self.lang)

    def tools(self, calls: list[ToolRequest], **fields: Any) -> Plan:
        match = intent.SECTION.search(self.text)
        return Plan(
            kind="tools", question=self.text, lang=self.lang, focus=self.focus, followup=self.followup,
            section=match.group(1) if match else None, calls=calls, **fields,
        )


Rule = Callable[[Turn], Plan | None]


def refuse_injection(turn: Turn) -> Plan | None:
    return turn.reply("injection") if intent.INJECTION.search(turn.text) else None


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


def timetable_check(turn: Turn) -> Plan | None:
    """"자료구조랑 운영체제 겹쳐?" -> check_timetable; "그거랑 자구 겹쳐?" adds the last answer's course, "둘이
    겹쳐?" the courses of the last answers."""
    if "timetable" not in turn.focus:
        return None
    items = list(turn.codes) or [i for i in intent.timetable_items(turn.text) if not COURSE_CODE.fullmatch(i)]
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


def course_codes(turn: Turn) -> Plan | None:
    """Codes in the question: look each up (with the section the question names, for a single code)."""
    if not turn.codes:
        return None
    plan = turn.tools([], targets=[CitedCourse(code=c) for c in turn.codes])
    one_section = {"section": plan.section} if plan.section and len(turn.codes) == 1 else {}
    plan.calls = [ToolRequest("get_course", {"code": c, **one_section}) for c in turn.codes[:5]]
    return plan


def professor_follow_up(turn: Turn) -> Plan | None:
    """"그 교수님 다른 수업은?" / "What else does that professor teach?": that professor's courses."""
    professor = referred_professor(turn.text, turn.history, turn.vocabulary) if turn.followup else None
    if not professor:
        return None
    call = ToolRequest("search_courses", {"query": "", "professor": professor, "limit": LIMIT})
    return turn.tools([call], professor=professor)


def follow_up_by_name(turn: Turn) -> Plan | None:
    """The earlier answer named the course but cited no code: search it by name, narrowed."""
    if not turn.followup or turn.previous:
        return None
    args: dict[str, Any] = {"query": turn.names[0], "limit": LIMIT}
    args.update(_schedule_args(intent.schedule_filters(turn.text, turn.vocabulary)))
    return turn.tools([ToolRequest("search_courses", args)])


def follow_up_on_cited_course(turn: Turn) -> Plan | None:
    """"그 수업 몇 학점이야?", "두 번째 건 누가 가르쳐?", "다른 분반은?", "그 중에 월요일 수업은?": the course the
    last answer cited (the one the ordinal picks), narrowed by the question's schedule words."""
    if not turn.followup:
        return None
    target = _pick(turn.previous[0], turn.text)
    schedule = intent.schedule_filters(turn.text, turn.vocabulary)
    narrow = None if schedule.is_empty() else schedule
    args: dict[str, Any] = {"code": target.code}
    if target.section and "sections" not in turn.focus and narrow is None:
        args["section"] = target.section  # "그 수업 누가 가르쳐?" means the section that was cited
    calls = [ToolRequest("get_course", args)]
    if ("sections" in turn.focus or narrow is not None) and target.name:
        # Where every section has its own code (Soongsil), other sections share the name, not the code.
        calls.append(ToolRequest("search_courses", {"query": target.name, "limit": LIMIT}))
    return turn.tools(calls, targets=[target], narrow=narrow)


def plain_search(turn: Turn) -> Plan | None:
    """Everything else: search with the question itself (the retriever parses days, times, departments,
    professors and abbreviations from it)."""
    return turn.tools([ToolRequest("search_courses", {"query": turn.text, "limit": LIMIT})])


RULES: tuple[Rule, ...] = (
    refuse_injection,
    more_of_previous,
    decline_off_topic,
    greet_or_decline_unrelated,
    timetable_check,
    course_codes,
    professor_follow_up,
    follow_up_by_name,
    follow_up_on_cited_course,
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


def _schedule_args(filters: SearchFilters) -> dict[str, Any]:
    """`search_courses` arguments for the schedule words of a follow-up."""
    from agent.catalog.models import hhmm

    args: dict[str, Any] = {}
    if filters.days:
        args["days"] = list(filters.days)
    if filters.exclude_days:
        args["exclude_days"] = list(filters.exclude_days)
    for key in ("start_after", "start_before", "end_before"):
        if getattr(filters, key) is not None:
            args[key] = hhmm(getattr(filters, key))
    if filters.english:
        args["english"] = True
    return args


def _pick(cited: list[CitedCourse], question: str) -> CitedCourse:
    match = _ORDINAL.search(question)
    if match:
        index = _ORDINALS.get(match.group(1), 0)
        if index < len(cited):
            return cited[index]
    return cited[0]
