"""Small text helpers for Korean questions: words, particles, normalized names, edit distance.

Everything here is pure Python and deterministic; the parser runs per request, so nothing loads a
morphological analyzer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Particles and endings that follow a noun in a student's question ("자구는", "운체랑", "경영학과에서").
# Longest first, so "에서는" is stripped before "는".
PARTICLES: tuple[str, ...] = tuple(
    sorted(
        {
            "에서는", "에서도", "이랑은", "한테서", "으로는", "에서", "에게", "한테", "이랑", "하고", "으로", "이나",
            "까지", "부터", "보다", "처럼", "만큼", "이요", "이에요", "예요", "인데", "인가요", "인가", "이야",
            "은", "는", "이", "가", "을", "를", "랑", "도", "만", "에", "의", "로", "와", "과", "나", "요", "좀", "야",
        },
        key=len,
        reverse=True,
    )
)

# Words after a course name that say "a class": stripped before matching names ("자구수업" -> "자구").
CLASS_SUFFIXES: tuple[str, ...] = ("수업들", "수업", "강의", "과목", "분반", "강좌", "시간표")

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9+#]*(?:[.\-][A-Za-z0-9+#]+)*|[0-9]+(?:[.:][0-9]+)?|[가-힣ㄱ-ㅎㅏ-ㅣ]+(?:[0-9]+(?![0-9:]|\s*(?:시|학점|학년|분|교시|개|명|반))[가-힣]*)?|[^\sA-Za-z0-9가-힣]")
_BRACKET_PREFIX_RE = re.compile(r"^\s*(?:\[[^\]]*\]|\([^)]*\)|［[^］]*］)\s*")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Word:
    """One word of the question with its character span (so matches can be removed from the residual)."""

    text: str
    start: int
    end: int

    @property
    def is_hangul(self) -> bool:
        return bool(self.text) and "가" <= self.text[0] <= "힣"


def words(text: str) -> list[Word]:
    return [Word(m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def strip_particles(word: str) -> list[str]:
    """The word and the forms left after removing one trailing particle and/or a class suffix.

    "자구는" -> ["자구는", "자구"]; "운체수업" -> ["운체수업", "운체"]. Never strips to fewer than 2 syllables.
    """
    forms = [word]
    stack = [word]
    while stack:
        current = stack.pop()
        for suffix in CLASS_SUFFIXES + PARTICLES:
            if current.endswith(suffix) and len(current) - len(suffix) >= 2:
                stem = current[: -len(suffix)]
                if stem not in forms:
                    forms.append(stem)
                    stack.append(stem)
    return forms


_ROMAN = {"III": "3", "II": "2", "I": "1", "Ⅲ": "3", "Ⅱ": "2", "Ⅰ": "1", "Ⅳ": "4", "IV": "4"}
_ROMAN_RE = re.compile(r"(?<=[가-힣])\s?(IV|III|II|I|Ⅳ|Ⅲ|Ⅱ|Ⅰ)(?![A-Za-z])")  # "실험 I" is "실험I"


def name_key(name: str) -> str:
    """Course-name key for matching: bracketed prefixes ("[컴퓨팅적사고]", "(공통)") and spaces removed,
    Roman numerals after Korean (a space between or not) read as digits ("경제학원론I", "경제학원론 I" and
    "경제학원론1" share a key)."""
    previous = None
    current = name.strip()
    while previous != current:
        previous = current
        current = _BRACKET_PREFIX_RE.sub("", current)
    current = _ROMAN_RE.sub(lambda m: _ROMAN[m.group(1)], current)
    return _SPACE_RE.sub("", current).lower()


def keyed_text(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text spelt the way `name_key` spells names (no spaces, lower case, Roman numerals after Korean as
    digits), and for each of its characters the span of `text` it stands for: so a name's key found in it
    maps back to the words the student wrote ("논문연구 I" holds the key "논문연구1")."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    romans = {match.start(): match for match in _ROMAN_RE.finditer(text)}
    index = 0
    while index < len(text):
        roman = romans.get(index)
        if roman is not None:
            out.append(_ROMAN[roman.group(1)])
            spans.append((roman.start(1), roman.end()))
            index = roman.end()
            continue
        char = text[index]
        if not char.isspace():
            lowered = char.lower()
            out.append(lowered if len(lowered) == 1 else char)
            spans.append((index, index + 1))
        index += 1
    return "".join(out), spans


def initial_consonant(syllable: str) -> int | None:
    """Index of the leading consonant of a Hangul syllable ('경' and '겡' share ㄱ), None otherwise."""
    if "가" <= syllable <= "힣":
        return (ord(syllable) - 0xAC00) // 588
    return None


def jamo(text: str) -> str:
    """Hangul syllables spelled out as their letters ('경' -> 'ㄱㅕㅇ' as code points); other characters
    kept. Typos change a letter or two, so their distance in letters stays small ('겡' vs '경': 1)."""
    out: list[str] = []
    for char in text:
        if "가" <= char <= "힣":
            index = ord(char) - 0xAC00
            out.append(chr(0x1100 + index // 588))
            out.append(chr(0x1161 + (index % 588) // 28))
            if index % 28:
                out.append(chr(0x11A7 + index % 28))
        else:
            out.append(char)
    return "".join(out)


def squash(text: str) -> str:
    """Lower-cased text without whitespace: what substring name matches run against."""
    return _SPACE_RE.sub("", text).lower()


def levenshtein(a: str, b: str, limit: int) -> int:
    """Edit distance between a and b, or limit + 1 as soon as it must exceed `limit` (cheap early exit)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if a == b:
        return 0
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        row_min = current[0]
        for j, char_b in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            row_min = min(row_min, current[j])
        if row_min > limit:
            return limit + 1
        previous = current
    return previous[-1]


_HANGUL_RUN = re.compile(r"[가-힣]*")
_SENTINEL = "\0\0"  # two letters nothing strips, standing for the words when their ending is tried


def hangul_after(text: str, end: int) -> str:
    """The Korean letters glued right after position `end` ("이랑" in "자료구조이랑 …")."""
    return _HANGUL_RUN.match(text, end).group(0)  # type: ignore[union-attr]


def stands_whole(text: str, start: int, end: int) -> bool:
    """Are text[start:end] whole words: no letter or digit of a word before them, no Latin letter or digit
    glued after them, and of Korean after them at most particles or a class word ("자료구조랑", "수업은")?"""
    if start > 0 and text[start - 1].isalnum():
        return False  # the end of a longer word ("초고급운영체제", "webdesign")
    following = text[end : end + 1]
    if following.isascii() and following.isalnum():
        return False  # another name, or a section ("자료구조2")
    rest = hangul_after(text, end)
    return not rest or _SENTINEL in strip_particles(_SENTINEL + rest)


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Text with the given spans replaced by spaces, every other character where it was (offsets kept)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[max(0, start) : max(0, end)] = " " * (min(len(chars), end) - max(0, start))
    return "".join(chars)


def remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Text with the given character spans blanked out (spans may overlap)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for index in range(max(0, start), min(len(chars), end)):
            chars[index] = " "
    return _SPACE_RE.sub(" ", "".join(chars)).strip()
