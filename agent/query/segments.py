"""Compound course names cut into their parts, learnt from the catalog itself: no analyzer, no dictionary.

Students shorten a compound name to the first syllable of each part (자료|구조 -> 자구, 컴퓨터|네트워크 ->
컴네), so deriving abbreviations needs the parts. A catalog of a thousand names says what its parts are:
- a *unit* is a run of syllables that is a whole name elsewhere ("통계", "컴퓨터 네트워크"'s "네트워크"), or
  that starts or ends several names with different syllables on its other side ("컴퓨터" is followed by 구,
  네, 그 ... in 컴퓨터구조, 컴퓨터네트워크, 컴퓨터그래픽스; "컴퓨" is always followed by 터, so it is no unit);
- connectors (과, 와, 및, 의) join two parts and give no letter (확률|과|통계 -> 확통);
- a suffix syllable (학, 론 ...) belongs to the part before it (경영학|원론; 선형|대수|학 -> 선대).
Each Hangul run of a name is cut by a small dynamic programme that prefers units, then two-syllable pieces
(most Sino-Korean words are two syllables), and avoids stray single syllables. A four-syllable unit made of
two units is cut in two (조직|행동|론 -> 조행), as students do.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from agent.query.text import name_key

CONNECTORS = frozenset({"과", "와", "및", "의"})
# Loanwords that start or end many course names everywhere: a small catalog may hold too few names to show
# where they end ("컴퓨|터구조"), so they are known from the start. Everything else is learnt.
KNOWN_WORDS = frozenset("""
컴퓨터 프로그래밍 시스템 데이터 네트워크 소프트웨어 하드웨어 알고리즘 디지털 디자인 마케팅 미디어 멀티미디어
커뮤니케이션 인터넷 모바일 그래픽스 프로젝트 세미나 콘텐츠 비즈니스 글로벌 스마트 클라우드 로봇 에너지
컴퓨팅 코딩
""".split())
# Syllables that end a word rather than start one: they give no letter of their own.
SUFFIXES = frozenset({"학", "론", "사", "법", "적", "성", "화", "편"})
_MAX_UNIT = 6
_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)|［[^］]*］|<[^>]*>")
_HANGUL_RUN = re.compile(r"[가-힣]+")
_TRAILING_NUMBER = re.compile(r"(?:\s*(?:[0-9]+|IV|III|II|I|Ⅳ|Ⅲ|Ⅱ|Ⅰ))\s*$")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4}


def name_chunks(name: str) -> list[str]:
    """The Hangul runs of a course name, bracketed parts left out: "[교양]컴퓨터 네트워크(계약)" ->
    ["컴퓨터", "네트워크"]."""
    return _HANGUL_RUN.findall(_BRACKETED.sub(" ", name))


@lru_cache(maxsize=8192)
def trailing_number(name: str) -> int | None:
    """The level a name ends with ("미적분학1", "일반물리I", "세미나 Ⅱ" -> 1, 1, 2), else None."""
    base = _BRACKETED.sub(" ", name).rstrip()
    match = _TRAILING_NUMBER.search(base)
    if not match or match.start() == 0:
        return None
    text = match.group(0).strip()
    return int(text) if text.isdigit() else _ROMAN.get(text)


class SegmentModel:
    """What the catalog's names say about which syllable runs are words (see the module docstring)."""

    def __init__(self, names: Iterable[str], words: Iterable[str] = KNOWN_WORDS) -> None:
        """`words`: words known besides the names (the loanwords above, department stems)."""
        chunks: set[str] = set()
        self.name_keys: set[str] = set()
        for name in names:
            chunks.update(name_chunks(name))
            self.name_keys.add(name_key(name))
        self.wholes = chunks | {w for w in words if len(w) >= 2}
        followers: dict[str, set[str]] = defaultdict(set)
        leaders: dict[str, set[str]] = defaultdict(set)
        for chunk in chunks:
            for size in range(2, min(len(chunk), _MAX_UNIT + 1)):
                followers[chunk[:size]].add(chunk[size])
                leaders[chunk[-size:]].add(chunk[-size - 1])
        self._blob = "\n".join(sorted(chunks))
        self._branching = {run for run, seen in followers.items() if len(seen) >= 2}
        self._branching |= {run for run, seen in leaders.items() if len(seen) >= 2}
        self._maybe_units = self.wholes | self._branching
        self._cache: dict[str, list[str]] = {}

    def is_unit(self, run: str, within: str = "") -> bool:
        """A word of the catalog: a whole name (other than `within`) or a branching start/end of names.

        A run that only glues a connector or a suffix syllable to a word ("과통계" in 확률과통계, "학개론" in
        독문학개론, "경영의") is no unit."""
        if len(run) < 2 or run not in self._maybe_units:
            return False  # the common case: no word at all, decided by one look-up
        if run[0] in CONNECTORS | SUFFIXES and (run[1] in CONNECTORS or self._word_start(run[1:])):
            return False
        if run[-1] in CONNECTORS and (len(run) >= 3 or run[0] in SUFFIXES):
            return False  # a word followed by its connector ("경영학의"), even where it is a name's whole part
        if any(run[i] in CONNECTORS and (run[i - 1] in SUFFIXES or (
                self._plain_unit(run[:i]) and self._plain_unit(run[i + 1:]))) for i in range(1, len(run) - 1)):
            return False  # two words and their connector ("이론과실제", "리학의이해")
        return self._plain_unit(run, within)

    def _word_start(self, rest: str) -> bool:
        """Whether `rest` starts with a word, maybe after a connector ("의이해" in 경영학의이해)."""
        if rest[:1] in CONNECTORS:
            rest = rest[1:]
        return any(rest[:size] in self._maybe_units for size in range(2, len(rest) + 1))

    def _plain_unit(self, run: str, within: str = "") -> bool:
        return len(run) >= 2 and ((run in self.wholes and run != within) or run in self._branching)

    def segment(self, chunk: str) -> list[str]:
        """The chunk cut into parts ("확률과통계" -> ["확률", "과", "통계"]), remembered per chunk."""
        cached = self._cache.get(chunk)
        if cached is None and len(chunk) < 4:
            cached = [chunk]  # two parts need four syllables at least
        elif cached is None:
            cached = self._split_units(self._best_cut(chunk), chunk)
            self._cache[chunk] = cached
        return cached

    def _best_cut(self, chunk: str) -> list[str]:
        size = len(chunk)
        best: list[tuple[float, list[str]] | None] = [None] * (size + 1)
        best[0] = (0.0, [])
        for start in range(size):
            current = best[start]
            if current is None:
                continue
            for end in range(start + 1, min(size, start + _MAX_UNIT + 1) + 1):
                score = current[0] + self._piece_score(chunk, start, end)
                previous = best[end]
                if previous is None or score > previous[0]:
                    best[end] = (score, current[1] + [chunk[start:end]])
        result = best[size]
        return result[1] if result else [chunk]

    def _piece_score(self, chunk: str, start: int, end: int) -> float:
        piece = chunk[start:end]
        if len(piece) >= 4 and piece not in self._maybe_units:
            return -4.0  # the common case, decided without the unit rules
        if len(piece) == 1:
            if piece in CONNECTORS and start > 0:
                return 0.0  # also at the end of a spaced part ("경영학의 이해")
            if piece in SUFFIXES and start > 0:
                return -0.5
            return -4.0
        if self.is_unit(piece, chunk):
            if piece not in self.wholes and self._whole_word_longer(chunk, start, end):
                return 1.0  # "컴퓨" starts 컴퓨터 and 컴퓨팅: where 컴퓨팅 is written whole, it is not the word
            return len(piece) + 1.0  # two units score more than their concatenation: cut between words
        if any(syllable in CONNECTORS for syllable in piece):
            return -2.0  # a connector inside an unknown piece ("학의", "구및"): better on its own
        return {2: 1.0, 3: -1.0}.get(len(piece), -4.0)

    def _whole_word_longer(self, chunk: str, start: int, end: int) -> bool:
        """Does a whole word of the catalog (a name's part, a known loanword) longer than chunk[start:end]
        start at `start`?"""
        stop = min(len(chunk), start + _MAX_UNIT)
        return any(chunk[start:longer] in self.wholes for longer in range(end + 1, stop + 1) if longer - start < len(chunk))

    def _split_units(self, parts: list[str], chunk: str) -> list[str]:
        """A four-syllable word whose halves both occur outside it is two words to a student (조직행동 ->
        조직|행동, 머신러닝 -> 머신|러닝); "네트워크" stays whole ("네트" occurs nowhere else)."""
        out: list[str] = []
        for part in parts:
            if len(part) == 4 and self._stands_alone(part[:2], part) and self._stands_alone(part[2:], part):
                out += [part[:2], part[2:]]
            else:
                out.append(part)
        return out

    def occurs(self, text: str) -> bool:
        """Whether the text occurs inside some name (spaces and brackets aside)."""
        return text in self._blob

    def _stands_alone(self, half: str, word: str) -> bool:
        return half not in CONNECTORS and self._blob.count(half) > self._blob.count(word)


def content_parts(parts: list[str]) -> list[str]:
    """The parts that give a letter: connectors and suffix syllables dropped."""
    return [p for p in parts if len(p) >= 2]
