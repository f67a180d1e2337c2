"""What the earlier turns were about, read back from their text (the API is stateless: the text is all).

- `cited_courses`: the courses an answer cited ("자료구조 (과목번호 CSE3080, 01분반)", or in English
  "Data Structures [자료구조] (code CSE3080, section 01)"), else bare codes, skipping code-like room names
  ("10:30~11:45 (AS510)", "PA101에서"); `format_ko.cite` and `format_en.cite` write what this reads;
- `previous_answers`: those citations per earlier answer, newest first;
- `history_names`: course names the newest naming turn mentions, for answers that cited no code;
- `referred_professor`: the professor a "그 교수님 다른 수업은?" refers to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from agent.index.base import Vocabulary
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
_OTHER_COURSES = re.compile(
    r"(다른|또|무슨|어떤|뭐)\s*(수업|과목|강의|거)|뭐\s*(가르|강의)|또\s*뭐|더\s*(가르|있)"
    r"|\bwhat\s+else\b|\belse\b.*\bteach|\bother\s+(?:courses|classes)\b",
    re.IGNORECASE,
)
_THAT_PROFESSOR = re.compile(
    r"(그|이|그\s*분|해당)\s*(교수|선생|강사)|그\s*분|\b(?:that|the\s+same)\s+(?:professor|prof\b|instructor)",
    re.IGNORECASE,
)
# A professor an answer named: "한도윤 교수님" (Korean answers), "Prof. 한도윤" / "Profs. A, B" (English ones).
_PROFESSOR_NAMED = re.compile(
    r"([가-힣]{2,4}|[A-Z][A-Za-z ,.-]{2,40}?)\s*교수"
    r"|Profs?\.\s+([가-힣]{2,4}|[A-Z][A-Za-z-]+(?:\s[A-Z][A-Za-z-]+)*)"
)


@dataclass
class CitedCourse:
    code: str
    name: str | None = None
    section: str | None = None

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


def _bare_codes(text: str) -> list[CitedCourse]:
    found: list[CitedCourse] = []
    for match in COURSE_CODE.finditer(text):
        before, after = text[max(0, match.start() - 20) : match.start()], text[match.end() : match.end() + 6]
        if _ROOM_AFTER_TIME.search(before) or _ROOM_FOLLOWS.match(after):
            continue  # a room, not a course
        if all(c.code != match.group(1) for c in found):
            found.append(CitedCourse(code=match.group(1)))
    return found


def referred_professor(question: str, history: History, vocabulary: Vocabulary | None) -> str | None:
    """"그 교수님 다른 수업은?": the professor the last answer named first, when the question refers to a
    professor and asks for their (other) courses; None otherwise."""
    if vocabulary is None or not (_THAT_PROFESSOR.search(question) and _OTHER_COURSES.search(question)):
        return None
    professors = set(vocabulary.professors)
    for role, text in reversed(history):
        if role != "assistant":
            continue
        for match in _PROFESSOR_NAMED.finditer(text):
            name = (match.group(1) or match.group(2)).strip()
            if name in professors:
                return name
    return None


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
