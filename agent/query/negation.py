"""Negation: what a student rules out, read the same way for every kind of thing a question links to.

A linked thing (a professor, a department, a category, a level, a delivery mode, a language, a course, a day,
a part of the day) becomes an exclusion of its own kind when
- Korean: it is followed, after at most a few particles or class words ("수업은", "교수님 반", "과목이"), by a
  word that rules it out: 말고, 빼고, 뺀, 제외(하고), 아닌, 아니고, 없는, 없이, 안 하는, 싫어, 대신, 피해서
  ("대학원 수업 말고", "김민수 교수님 반은 빼고", "원격 아닌 거", "영어강의 싫어");
- English: it is preceded by not, except (for), no, without, other than, excluding, apart from, non-
  ("not taught by Kim", "no graduate courses", "except computer science", "non-English").

What asks rather than rules out stays a question: "없어?", "아니야?", "아니면" are not negations ("원격 수업
없어?" asks whether there are any). Each linker asks `negation_of` about its span and claims the negation
words with it, so they never reach the free text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The words that rule out what comes before them (shared with the day and time readers in `schedule/`).
NEGATION_WORDS = (
    r"(?:말고|말구|말곤|빼고|빼구|뺀|빼면|제외(?:하고|한|하면|하구|시키고)?|아닌|아니고|아니라|없는|없이"
    r"|안\s*하는|안\s*듣는|싫어|싫고|싫은|싫음|대신(?:에)?|피해서|피하고|피한)"
)
# Particles and class words that may stand between the thing and the negation word ("교수님 반은 빼고").
_BETWEEN = (
    r"(?:수업들|수업|강의|과목|강좌|분반|과정|교수님|교수|쌤|선생님|전공|학과|학부|계열|쪽|거|것|건|애들|들|반"
    r"|에서는|에서|에는|으로|이랑|은|는|이|가|을|를|도|만|의|로|엔|에|랑)"
)
_KO_AFTER = re.compile(r"\s*(?:" + _BETWEEN + r"\s*){0,3}" + NEGATION_WORDS)
_EN_BEFORE = re.compile(
    r"(?<![a-z])(?:not|except(?:\s+for)?|no|without|other\s+than|excluding|apart\s+from|but\s+not|avoid(?:ing)?)"
    r"\s+(?:(?:the|a|an|any|by|in|on|from|taught|given|held|offered|classes|class|courses|course|lectures|lecture"
    r"|prof\.?|professor|dr\.?)\s+){0,3}$"
    r"|(?<![a-z])non\s*-?\s*$",
    re.IGNORECASE,
)
_EN_WINDOW = 60


@dataclass(frozen=True)
class Negation:
    """The span of the words that rule the thing out (after it in Korean, before it in English)."""

    start: int
    end: int


def negation_after(text: str, end: int) -> Negation | None:
    """A Korean negation right after position `end` ("… 수업은 빼고")."""
    match = _KO_AFTER.match(text, end)
    return Negation(end, match.end()) if match else None


def negation_before(text: str, start: int) -> Negation | None:
    """An English negation right before position `start` ("not taught by …", "non-")."""
    window_start = max(0, start - _EN_WINDOW)
    match = _EN_BEFORE.search(text[window_start:start])
    return Negation(window_start + match.start(), start) if match else None


def negation_of(text: str, start: int, end: int) -> Negation | None:
    """Is the thing at text[start:end] ruled out? The negation's span, or None."""
    return negation_after(text, end) or negation_before(text, start)


def with_negation(start: int, end: int, negation: Negation | None) -> tuple[int, int]:
    """The span a linker claims: the thing, and the words that ruled it out."""
    if negation is None:
        return start, end
    return min(start, negation.start), max(end, negation.end)
