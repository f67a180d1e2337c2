"""Departments written in English ("computer science courses on Monday", "economics majors", "department of
physics"), for questions asked in English or mixed. The Korean rules are in `parser._departments`; these
follow the same split, from `abbreviations.yaml`:

- `english_departments`: names that only mean a department ("computer science", "business
  administration", "mechanical engineering"), matched anywhere, with an adjacent department word;
- `english_department_words`: subject words that are also topics or course names ("economics" is 경제원론),
  a department only beside a department word: "economics major(s)", "psychology department/dept",
  "department of physics", "school of law", "majoring in math".

Each match covers the department word as well, so neither is left over as free text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

# A plural class word counts too: "psych classes", "econ courses" are the department's list.
_AFTER = (
    r"(?:\s+(?:major|majors|department|departments|dept\b\.?|program|students?|classes|courses|lectures|electives))"
)
_BEFORE = r"(?:(?:department|dept\b\.?|school|faculty|college)\s+of\s+(?:the\s+)?|major(?:s|ing)?\s+in\s+)"


class EnglishDepartment(NamedTuple):
    said: str
    stems: tuple[str, ...]
    start: int
    end: int


Patterns = list[tuple[re.Pattern[str], str, tuple[str, ...]]]


def compile_patterns(
    always_departments: Mapping[str, tuple[str, ...]], beside_words: Mapping[str, tuple[str, ...]]
) -> Patterns:
    """The lexicon's English department entries (`english_departments`, `english_department_words`) as
    regexes, longest names first (`Lexicon.english_department_patterns` compiles them once, on first use)."""
    patterns: Patterns = []
    always = sorted(always_departments.items(), key=lambda item: -len(item[0]))
    for phrase, stems in always:
        words = r"\s+".join(re.escape(part) for part in phrase.split())
        patterns.append((re.compile(rf"(?<![a-z]){_BEFORE}?{words}(?![a-z]){_AFTER}?", re.I), phrase, stems))
    beside = sorted(beside_words.items(), key=lambda item: -len(item[0]))
    for word, stems in beside:
        words = r"\s+".join(re.escape(part) for part in word.split())
        patterns.append((re.compile(rf"(?<![a-z])(?:{_BEFORE}{words}(?![a-z]){_AFTER}?|{words}{_AFTER})(?![a-z])",
                                    re.I), word, stems))
    return patterns


def find_english_departments(text: str, patterns: Patterns) -> list[EnglishDepartment]:
    """Departments the text names in English, longest names first, never overlapping."""
    if not re.search(r"[A-Za-z]{2}", text):
        return []
    found: list[EnglishDepartment] = []
    for pattern, said, stems in patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(not (end <= f.start or start >= f.end) for f in found):
                continue
            found.append(EnglishDepartment(said, stems, start, end))
    return sorted(found, key=lambda f: f.start)
