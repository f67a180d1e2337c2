"""Conversations that end in a follow-up, one per kind and language, over the sample catalog plus an older
term (`tests.support.two_terms`): what the last answer must cite and state, computed from the catalog. The API
tests drive them through `POST /chat` and `/chat/stream`, the browser tests through the page; every client
sends only text history (the earlier questions and the answers it got).

The kinds: narrow (earlier conditions kept), replace (one condition for another), widen (a condition dropped),
professor (that professor's other courses), room (an attribute of every section), course (the same question
about another course), term (the same question in another term), professors (every professor of a course
with several sections), reading (an ambiguous follow-up says how it was read), seats (an attribute the answer
may not state still concerns the course just discussed), and by_hand (the earlier answer written by a person).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from agent.catalog.models import CourseSection
from tests.support.two_terms import OLDER_PROFESSOR, OLDER_TERM

Wanted = Callable[[CourseSection], bool]


@dataclass(frozen=True)
class FollowUpCase:
    """`turns`: questions in order, the last being the follow-up, each answered before the next is asked;
    `given`: earlier (question, answer) pairs written by a person, sent as history before `turns`. The last
    answer must cite exactly the catalog's sections `wanted` picks, and state `says` plus what `states` reads
    from those sections (professors, rooms)."""

    kind: str
    lang: str
    turns: tuple[str, ...]
    wanted: Wanted
    says: tuple[str, ...] = ()
    states: Callable[[list[CourseSection]], list[str]] = lambda sections: []
    given: tuple[tuple[str, str], ...] = field(default=())

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.lang}"


def _named(name: str, *, term: str = "2026-1") -> Wanted:
    return lambda s: s.name == name and s.term == term


def _and(first: Wanted, then: Wanted) -> Wanted:
    return lambda s: first(s) and then(s)


def professors(sections: list[CourseSection]) -> list[str]:
    return sorted({p for s in sections for p in s.professors})


def rooms(sections: list[CourseSection]) -> list[str]:
    return sorted({slot.room for s in sections for slot in s.slots if slot.room})


DS, OS = _named("자료구조"), _named("운영체제")
WHITFORD: Wanted = lambda s: "Daniel Whitford" in s.professors and s.term == "2026-1"  # noqa: E731
HAN: Wanted = lambda s: "한도윤" in s.professors and s.term == "2026-1"  # noqa: E731
OLDER_DB = _named("데이터베이스", term=OLDER_TERM)
AFTERNOON: Wanted = lambda s: bool(s.slots) and all(slot.start >= 720 for slot in s.slots)  # noqa: E731

CASES: tuple[FollowUpCase, ...] = (
    FollowUpCase("narrow", "ko", ("자료구조 목요일 반 있어?", "그 중에 영어강의만 알려줘"),
                 _and(DS, lambda s: "목" in s.days and s.english), says=("목요일", "영어강의")),
    FollowUpCase("narrow", "en", ("Data Structures sections on Thursday?", "Only the English-taught ones"),
                 _and(DS, lambda s: "목" in s.days and s.english), says=("Thu", "English-taught")),
    FollowUpCase("replace", "ko", ("자료구조 금요일 반 있어?", "금요일 말고 월요일은?"),
                 _and(DS, lambda s: "월" in s.days), says=("월요일",)),
    FollowUpCase("replace", "en", ("Data Structures sections on Friday?", "What about Monday instead?"),
                 _and(DS, lambda s: "월" in s.days), says=("Mon",)),
    FollowUpCase("widen", "ko", ("자료구조 금요일 반 있어?", "요일 상관없이 다 보여줘"), DS, states=professors),
    FollowUpCase("widen", "en", ("Data Structures sections on Friday?", "Any day is fine, show them all"), DS,
                 states=professors),
    FollowUpCase("professor", "ko", ("알고리즘 02분반 누가 가르쳐?", "그 교수님 다른 수업은?"), WHITFORD,
                 says=("Daniel Whitford", "자료구조", "인공지능")),
    FollowUpCase("professor", "en", ("Who teaches the English-taught Algorithms section?",
                                     "What else does that professor teach?"), WHITFORD,
                 says=("Daniel Whitford", "Data Structures", "Artificial Intelligence")),
    FollowUpCase("room", "ko", ("운영체제 언제야?", "그 수업 강의실은 어디야?"), OS, states=rooms),
    FollowUpCase("room", "en", ("When is Operating Systems?", "Where is it?"), OS, states=rooms),
    FollowUpCase("course", "ko", ("자료구조 누가 가르쳐?", "그럼 운영체제는?"), OS, states=professors),
    FollowUpCase("course", "en", ("Who teaches Data Structures?", "What about Operating Systems?"), OS,
                 states=professors),
    FollowUpCase("term", "ko", ("데베 누가 가르쳐?", f"{OLDER_TERM[:4]}년 {OLDER_TERM[-1]}학기엔?"), OLDER_DB,
                 says=(OLDER_PROFESSOR,)),
    FollowUpCase("term", "en", ("Who teaches Database Systems?", f"And in {OLDER_TERM}?"), OLDER_DB,
                 says=(OLDER_PROFESSOR,)),
    FollowUpCase("professors", "ko", ("자료구조 언제야?", "그 수업 누가 가르쳐?"), DS, states=professors),
    FollowUpCase("professors", "en", ("When is Data Structures?", "Who teaches it?"), DS, states=professors),
    FollowUpCase("reading", "ko", ("자료구조 누가 가르쳐?", "그 교수님 다른 수업은?"), HAN,
                 says=("처음 나온 한도윤 교수님",)),
    FollowUpCase("reading", "en", ("Who teaches Data Structures?", "What else does that professor teach?"),
                 HAN,
                 says=("the first one, Prof. 한도윤",)),
    FollowUpCase("seats", "ko", ("운영체제 언제야?", "그 수업 여석 있어?"), OS),
    FollowUpCase("seats", "en", ("When is Operating Systems?", "Are there seats left in it?"), OS),
    FollowUpCase("by_hand", "ko", ("그 중에 오후 반은 어디서 해?",), _and(_named("인공지능"), AFTERNOON), states=rooms,
                 given=(("인공지능 수업 있어?", "네, 인공지능은 두 반이 열려요 (이한결 교수님, Daniel Whitford 교수님)."),)),
    FollowUpCase("by_hand", "en", ("Which of them meet on Monday?",), _and(OS, lambda s: "월" in s.days),
                 states=professors,
                 given=(("Is there an Operating Systems course?",
                         "Yes: Operating Systems (CSE3010) has three sections, taught by 남궁현, 권태오 and "
                         "서다온."),)),
)

# Wording only Korean answers use: an English answer holds Korean only in the catalog's own names.
KOREAN_WORDING = ("교수님", "분반이", "학점", "요일", "강좌", "있어요", "이에요", "찾았어요")


def wanted_sections(case: FollowUpCase, catalog: list[CourseSection]) -> list[CourseSection]:
    wanted = [s for s in catalog if case.wanted(s)]
    assert wanted, f"{case.id}: the catalog has no wanted section (the case is wrong)"
    return wanted


def check_answer(case: FollowUpCase, catalog: list[CourseSection], answer: str, cited_ids: list[str]) -> None:
    """The last answer of `case` cites exactly the wanted sections and states what it must, in its
    language."""
    assert set(cited_ids) == {s.id for s in wanted_sections(case, catalog)}, f"{case.id}:\n{answer}"
    check_text(case, catalog, answer)


def check_text(case: FollowUpCase, catalog: list[CourseSection], answer: str) -> None:
    """The last answer of `case` states what it must, in its language."""
    for fact in (*case.says, *case.states(wanted_sections(case, catalog))):
        assert fact in answer, f"{case.id}: {fact!r} missing from\n{answer}"
    if case.lang == "en":
        assert not any(word in answer for word in KOREAN_WORDING), f"{case.id}: Korean wording in\n{answer}"
    else:
        assert any(word in answer for word in KOREAN_WORDING), f"{case.id}: not a Korean answer\n{answer}"


Ask = Callable[[dict], dict]  # a request body -> the response body (answer, sources)


def converse(ask: Ask, case: FollowUpCase) -> dict:
    """Ask each question of `case` with the text history so far (its `given` turns first); the last
    response."""
    roles = ("user", "assistant")
    history = [{"role": role, "content": text} for pair in case.given for role, text in zip(roles, pair)]
    response: dict = {}
    for question in case.turns:
        response = ask({"message": question, "history": list(history)})
        history += [{"role": "user", "content": question},
                    {"role": "assistant", "content": response["answer"]}]
    return response


def source_ids(response: dict) -> list[str]:
    return [CourseSection.model_validate(source).id for source in response["sources"]]
