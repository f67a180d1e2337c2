"""What the earlier turns were about, read back from their text (the API is stateless: the text is all).

- `cited_courses`: the courses an answer cited ("자료구조 (과목번호 CSE3080, 01분반)", or in English
  "Data Structures [자료구조] (code CSE3080, section 01)"), else bare codes, skipping code-like room names
  ("10:30~11:45 (AS510)", "PA101에서"); `format_ko.cite` and `format_en.cite` write what this reads;
- `answered_courses`: the citations of what an answer was about (not the related sections it added);
- `previous_answers`: those citations per earlier answer, newest first;
- `history_names`: course names the newest naming turn mentions, for answers that cited no code;
- `THAT_PROFESSOR`: words that refer to a professor an answer named ("그 교수님", "that professor");
- `named_professors`, `stated_conditions`, `stated_term`: the professors an answer named, the conditions
  and the term it said it applied (`thread` folds these with the questions into what a follow-up is about).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from agent.index.base import SearchFilters, Vocabulary
from agent.query.patterns import COURSE_CODE

History = Sequence[tuple[str, str]]  # (role, text) of each earlier turn, oldest first

# How answers cite a course: "자료구조 (과목번호 2150012301, 01분반)", "… (code CSE2010, section 01)".
_CITED = re.compile(
    r"(?:(?P<name>[^\n•·\-:(]{1,60}?)\s*)?\(\s*(?:과목번호|code)\s*(?P<code>[0-9A-Za-z-]+)"
    r"(?:\s*,\s*(?:(?P<section>[0-9A-Za-z]{1,4})\s*분반|section\s+(?P<section_en>[0-9A-Za-z]{1,4})))?"
)
# A code-looking word that an earlier answer wrote as a room: "10:30~11:45 (AS510)", "AS510호", "AS510 강의실".
_ROOM_AFTER_TIME = re.compile(r"(?:\d{1,2}:\d{2}\s*\(?|(?:^|[\s,(])[월화수목금토일](?:요일)?\s*\(?)\s*$")
_ROOM_FOLLOWS = re.compile(r"^\s*\)?\s*(?:호|강의실|실습실|에서|에\s*있)")
THAT_PROFESSOR = re.compile(
    r"(그|이|그\s*분|해당)\s*(교수|선생|강사)|그\s*분|\b(?:that|the\s+same)\s+(?:professor|prof\b|instructor)",
    re.IGNORECASE,
)


@dataclass
class CitedCourse:
    code: str
    name: str | None = None
    section: str | None = None

    @property
    def catalog_name(self) -> str | None:
        """The catalog's name as cited: "Data Structures [자료구조]" (an English answer) -> "자료구조"."""
        bracket = re.search(r"\[([^\]]+)\]\s*$", self.name or "")
        return (bracket.group(1) if bracket else self.name) or None

    @property
    def course(self) -> str:
        """Which course it is, as a student counts courses: the name with spaces ignored ("컴퓨터 네트워크" is
        "컴퓨터네트워크"), so codes a catalog cross-lists under one name (자료구조 as CSE3080 and AIE3050) are
        one course; the code when the answer gave no name."""
        return (self.catalog_name or "").replace(" ", "") or self.code

    @property
    def ref(self) -> str:
        """How `check_timetable` takes it: "CSE1001-01", or the code alone."""
        return f"{self.code}-{self.section}" if self.section else self.code


def cited_courses(text: str) -> list[CitedCourse]:
    """Courses an earlier answer named, in order: the "(과목번호 X" citations, else bare codes."""
    found: list[CitedCourse] = []
    seen: set[str] = set()
    for match in _CITED.finditer(text or ""):
        section = match.group("section") or match.group("section_en")
        key = f"{match.group('code')}-{section or ''}"
        if key not in seen:
            seen.add(key)
            name = (match.group("name") or "").strip(" •·-*\t") or None
            found.append(CitedCourse(code=match.group("code"), name=name, section=section))
    return found or _bare_codes(text or "")


# Our answers put related sections after a matching set under this heading (messages.toml
# `list.related.after`, `list.related.instead`): they are not what the answer was about.
_RELATED_AFTER = re.compile(
    r"관련 있어 보이는 강좌예요 \((?:위 개수에 넣지 않았어요|물어본 과목은 아니에요)\)"
    r"|Not counted above, but these look related|Instead, related courses of that term")


def answered_courses(text: str) -> list[CitedCourse]:
    """The courses an answer was about: those it cited before any related sections it added after them."""
    related = _RELATED_AFTER.search(text or "")
    return cited_courses(text[: related.start()] if related else text) or cited_courses(text)


def _bare_codes(text: str) -> list[CitedCourse]:
    found: list[CitedCourse] = []
    for match in COURSE_CODE.finditer(text):
        before, after = text[max(0, match.start() - 20) : match.start()], text[match.end() : match.end() + 6]
        if _ROOM_AFTER_TIME.search(before) or _ROOM_FOLLOWS.match(after):
            continue  # a room, not a course
        if all(c.code != match.group(1) for c in found):
            found.append(CitedCourse(code=match.group(1)))
    return found


# A word of an answer that may be a course name, with the particle or copula that may close it.
_WORD = re.compile(r"[0-9A-Za-z가-힣]+(?:\s*[IVX]+)?")
_CLOSING = re.compile(r"(?:이에요|예요|이요|에서|은|는|이|가|을|를|과|와|도|만|랑|이랑)$")


def named_courses(text: str, vocabulary: Vocabulary | None) -> list[str]:
    """Catalog course names an answer wrote out in full, in the order it wrote them (any wording: "집합론(하구용),
    정수론 등", "컴퓨터그래픽스및AI응용은 …"): whole words that are a name (a particle after one allowed), and
    longer names inside the text. An answer written by another model cites no codes; these say what it was
    about."""
    if vocabulary is None or not text:
        return []
    from agent.query.text import name_key
    from agent.query.vocab import matcher_for

    matcher = matcher_for(vocabulary)
    found: dict[str, int] = {}
    for match in _WORD.finditer(text):
        for word in dict.fromkeys((match.group(0), _CLOSING.sub("", match.group(0)))):
            names = matcher.courses_for_key(word) if len(name_key(word)) >= 2 else []
            if names:
                found.setdefault(names[0], match.start())
                break
    squashed = re.sub(r"\s+", "", text).lower()
    for key in matcher.scan_names(squashed):
        name = matcher.courses_for_key(key)[0]
        if not any(name_key(other) != key and key in name_key(other) for other in found):
            found.setdefault(name, squashed.find(key))
    # A name inside a longer one written out ("인공지능" in "컴퓨터그래픽스및AI응용") is not named of its own.
    keys = {name: name_key(name) for name in found}
    kept = [n for n in found if not any(k != keys[n] and keys[n] in k for k in keys.values())]
    return sorted(kept, key=lambda name: found[name])


def named_rooms(text: str, vocabulary: Vocabulary | None) -> list[str]:
    """Rooms of the catalog an answer names ("벤처중소기업센터 10311에서 해요"), as the catalog writes them without
    a room's own name in brackets; longest first, so a room is not also read as a shorter one inside it."""
    if vocabulary is None or not text:
        return []
    squashed = re.sub(r"\s+", "", text)
    rooms = {re.sub(r"\s*\([^)]*\)\s*$", "", room).strip() for room in vocabulary.rooms}
    found = [room for room in sorted(rooms, key=len, reverse=True) if room and room.replace(" ", "") in squashed]
    return [room for room in found if not any(room != other and room in other for other in found)]


def history_names(history: History, vocabulary: Vocabulary | None) -> list[str]:
    """Course names the newest turn that names any mentions ("자료구조 수업 있어?"), for follow-ups to
    answers that cited no course code."""
    from agent.query import parse_question

    for _role, text in reversed(history):
        names = parse_question(text[:300], vocabulary or Vocabulary()).course_names
        if names:
            return names[:1]
    return []


def previous_answers(history: History) -> list[list[CitedCourse]]:
    """Cited courses of each earlier assistant answer, newest first (answers citing nothing skipped)."""
    cited = [cited_courses(text) for role, text in reversed(history) if role == "assistant"]
    return [c for c in cited if c]


# --- what else an answer said: its professors, its conditions, its term ----------------------------------
# The conditions our own answers state: "조건(화·목요일, 12:00 전 시작)에 맞는", "… match (on Tue/Thu, …):".
_STATED_KO = re.compile(r"조건\(((?:[^()]|\([^()]*\))*)\)")
_STATED_EN = re.compile(r"\bmatch(?:es)? \(((?:[^()]|\([^()]*\))*)\)")
# A term an answer names ("2024-1학기 기준", "2024-여름"): the catalogs' own term names.
_TERM = re.compile(r"(?<![0-9])(20\d\d)-(1|2|여름|겨울)(?![0-9])")


def named_professors(text: str, vocabulary: Vocabulary | None) -> list[str]:
    """Professors of the catalog an answer names, in the order it names them (written by us or not:
    "한도윤 교수", "Prof. 한도윤", "(양준선, 변상혁 교수님)")."""
    if vocabulary is None:
        return []
    from agent.query.vocab import matcher_for

    found = sorted(matcher_for(vocabulary).find_professors(text), key=lambda hit: hit[1])
    return list(dict.fromkeys(name for name, _start, _end in found))


def stated_conditions(text: str, vocabulary: Vocabulary | None) -> SearchFilters:
    """The conditions one of our answers said it applied (empty when it stated none)."""
    from agent.search_mode.conditions import read_conditions

    departments = vocabulary.departments if vocabulary is not None else ()
    for pattern, lang in ((_STATED_KO, "ko"), (_STATED_EN, "en")):
        match = pattern.search(text)
        if match:
            return read_conditions(match.group(1), lang, departments)  # type: ignore[arg-type]
    return SearchFilters()


def stated_term(text: str) -> str | None:
    """The term an answer names, when it names one."""
    match = _TERM.search(text)
    return f"{match.group(1)}-{match.group(2)}" if match else None
