"""Search mode: what a follow-up leaves out — "나머지도 알려줘", "그게 다야?" after an answer that showed only some
of a set, and "9시 수업 말고" (the sections starting then).

Our own lists say where they stopped and are paged (`paging`); an answer written by anyone else (a model that
listed "먼저 세 개만", a free-form "집합론, 선형대수학 등이 있었어요") is read back for what it already showed: the
sections it cited, else the course names it wrote out. The follow-up's search is then told without those
(`without_shown`), so "the rest" is the rest, not the same list again. A time the student rules out
("9시 수업 말고 다른 거") is no condition to search by (the filters hold no "not at"): its sections are left
out the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from agent.catalog.models import CourseSection
from agent.index.base import Vocabulary
from agent.search_mode.conversation import cited_courses, named_courses
from agent.search_mode.outcomes import ToolOutcome

# "나머지", "그게 다야?", "그 외에는?", "또 뭐 있어?", "the rest", "any others", "is that all?".
ASKS_REST = re.compile(
    r"나머지|그게\s*(?:다|전부)(?:야|예요|에요|인가요?|니|냐)?|그\s*(?:외|밖)에|또\s*(?:뭐|어떤|다른)|더\s*(?:없|있)"
    r"|\bthe\s+rest\b|\b(?:any\s+)?others\b|\bis\s+that\s+all\b|\banything\s+else\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Shown:
    """What an earlier answer already showed: section refs ("CODE-01", or a code alone) and course names."""

    refs: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    starting: tuple[int, int] | None = None  # "9시 수업 말고": sections starting in this window (minutes)
    sections_asked: bool = False  # "나머지 분반": the rest of a course's sections

    def __bool__(self) -> bool:
        return bool(self.refs or self.names or self.starting)

    def __or__(self, other: Shown) -> Shown:
        return Shown(self.refs | other.refs, self.names | other.names, self.starting or other.starting,
                     self.sections_asked or other.sections_asked)

    def has(self, section: CourseSection) -> bool:
        with_section = f"{section.code}-{section.section}" if section.section else section.code
        if section.code in self.refs or with_section in self.refs or _key(section.name) in self.names:
            return True
        low, high = self.starting or (1, 0)
        return any(low <= slot.start <= high for slot in section.slots)


def asks_rest(text: str) -> bool:
    return bool(ASKS_REST.search(text))


# "나머지 분반", "나머지 중에 수금반만", "the other sections": the rest of a course's sections.
_SECTIONS_ASKED = re.compile(r"분반|(?<![가-힣])반(?![가-힣])|[월화수목금토]+반|\bsections?\b", re.IGNORECASE)


def shown_by(answer: str, vocabulary: Vocabulary | None, question: str = "") -> Shown:
    """The sections an answer cited, else (it cited none) the courses it named in full; whether the follow-up
    asks for the rest of the sections (`without_shown` then reads a shared code cited alone as the course)."""
    sections = bool(_SECTIONS_ASKED.search(question))
    cited = cited_courses(answer)
    if cited:
        return Shown(refs=frozenset(c.ref for c in cited), sections_asked=sections)
    return Shown(names=frozenset(_key(name) for name in named_courses(answer, vocabulary)), sections_asked=sections)


def without_shown(outcome: ToolOutcome, shown: Shown) -> ToolOutcome:
    """A search's outcome less the matching sections `shown` holds, its totals counted down with them; the
    outcome as it was when nothing would remain (then the answer lists the set again rather than nothing)."""
    matched = outcome.matched
    shown = _course_codes_alone_named(shown, matched)
    rest = [s for s in matched if not shown.has(s)]
    if not shown or len(rest) == len(matched) or not rest or not isinstance(outcome.artifact, dict):
        return outcome
    artifact = dict(outcome.artifact)
    artifact["sections"] = [*rest, *outcome.related_after]
    if isinstance(artifact.get("matched_on_page"), int):
        artifact["matched_on_page"] = len(rest)
    removed = len(matched) - len(rest)
    if isinstance(artifact.get("total_sections"), int):
        artifact["total_sections"] = max(len(rest), artifact["total_sections"] - removed)
    if isinstance(artifact.get("total_courses"), int):
        gone = {s.name for s in matched} - {s.name for s in rest}
        artifact["total_courses"] = max(1, artifact["total_courses"] - len(gone))
    return replace(outcome, artifact=artifact)


def _key(name: str) -> str:
    return name.replace(" ", "")


def _course_codes_alone_named(shown: Shown, matched: list[CourseSection]) -> Shown:
    """For the rest of the sections: a code several sections share, cited alone ("물리화학(CH3001)은 분반이 5개라
    몇 개만 …"), named the course, not all of its sections; a code of one section (Soongsil's) is that section."""
    if not shown.sections_asked:
        return shown
    shared = {code for code in {s.code for s in matched} if sum(s.code == code for s in matched) > 1}
    return replace(shown, refs=frozenset(ref for ref in shown.refs if ref not in shared))
