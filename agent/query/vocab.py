"""Lookups over one term's `Vocabulary`: department stems, professor names, course-name keys, typos.

Built once per vocabulary (cached by content) so that parsing a question stays a few dictionary and
substring checks: no analyzer, no model.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from functools import cached_property, lru_cache

from agent.index.base import Vocabulary
from agent.query.abbreviations import AbbreviationTable
from agent.query.department_nicknames import DepartmentNicknames
from agent.query.lexicon import default_lexicon
from agent.query.text import initial_consonant, jamo, levenshtein, name_key

_DEPT_SUFFIXES = ("대학원", "학부", "학과", "전공", "과", "팀")
# What a department's name ends with where the rest still names it ('수학과' -> '수학'); 학과/학부 lose one letter.
_STANDALONE_SUFFIXES = ("전공", "과", "부")
_PAREN_RE = re.compile(r"\([^)]*\)")
# What follows a name in the name of its introductory or numbered version, or of a course combining it.
_FAMILY_TAILS = ("입문", "개론", "기초", "원론", "및", "과", "와", *"0123456789")
# What may follow a professor's name inside the same word: a title or a particle.
_NAME_FOLLOWERS = (
    "교수", "쌤", "선생", "강사", "님", "께서", "께", "한테", "이랑", "하고", "랑", "의", "이", "가", "은", "는", "도", "만",
    "수업", "강의", "분반", "과목", "반",
)


def department_stems(name: str) -> set[str]:
    """'경영학부' -> {'경영학부', '경영학', '경영'}; '전자정보공학부 전자공학전공' also yields '전자공'."""
    base = _PAREN_RE.sub("", name).strip()
    parts = [base] + (base.split() if " " in base else [])
    stems: set[str] = set()
    for part in parts:
        part = part.replace(" ", "")
        if not part:
            continue
        stems.add(part)
        if part.endswith("학부") and len(part) > 3:
            stems.add(part[:-1])  # '전기공학부' is '전기공학' too, as '전기공학과' is
        for suffix in _DEPT_SUFFIXES:
            if part.endswith(suffix) and len(part) > len(suffix):
                stem = part[: -len(suffix)]
                stems.add(stem)
                if stem.endswith("학") and len(stem) >= 3:
                    stems.add(stem[:-1])
    return stems


def standalone_stems(name: str) -> set[str]:
    """The forms of a department's name that mean it even said alone: the name minus its last 과/부/전공
    ('경영학부' -> '경영학', '수학과' -> '수학', '미국문화전공' -> '미국문화'), also for a named part after
    the first ('전자정보공학부 IT융합전공' -> 'IT융합'). Shorter stems ('경영', '컴퓨터') stay topics
    unless a department word follows (`agent.query.link.departments`); offices (…팀, …대학원) have none."""
    base = _PAREN_RE.sub("", name).strip()
    parts = base.split()
    wholes = [("".join(parts), 2), *((part, 3) for part in parts[1:])]  # a lone part needs a longer stem
    stems: set[str] = set()
    for whole, shortest in wholes:
        for suffix in _STANDALONE_SUFFIXES:
            if whole.endswith(suffix) and len(whole) - len(suffix) >= shortest:
                stems.add(whole[: -len(suffix)])
                break
    return stems


def primary_stem(name: str) -> str:
    """The shortest meaningful stem: what '경영학과' and '경영학부' have in common ('경영')."""
    stems = [s for s in department_stems(name) if " " not in s]
    base = _PAREN_RE.sub("", name).strip().replace(" ", "")
    for suffix in ("학부", "학과", "대학원", "전공", "과"):
        if base.endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)]
    return min(stems, key=len) if stems else base


class VocabularyMatcher:
    """Fast lookups over a `Vocabulary` (departments, professors, course names, categories)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.departments = list(dict.fromkeys(d for d in vocabulary.departments if d))
        self.stem_to_departments: dict[str, list[str]] = defaultdict(list)
        for department in self.departments:
            for stem in department_stems(department):
                self.stem_to_departments[stem].append(department)
        # (written form, department): full names, and names without "(계약학과)" when no other department
        # is called that; longest first so "전문경영학과" wins over "경영학과".
        variants = [(d, d) for d in self.departments if len(d) >= 3]
        for department in self.departments:
            base = _PAREN_RE.sub("", department).strip()
            if base != department and len(base) >= 3 and base not in self.departments:
                variants.append((base, department))
            # "전자정보공학부 IT융합전공" is written "IT융합전공" by its students.
            for part in base.split()[1:]:
                if len(part) >= 4 and part not in self.departments and part.endswith(("전공", "학과", "학부")):
                    variants.append((part, department))
        # Stems that name a department said alone ("경영학 과목", "수학 수업"): see `standalone_stems`.
        self.standalone: dict[str, list[str]] = defaultdict(list)
        for department in self.departments:
            for stem in standalone_stems(department):
                self.standalone[stem].append(department)
        # Those the word reader sees only in pieces ("AI미디어학", "정보통계·보험수리학"), found as phrases.
        self.standalone_phrases = sorted(
            (stem for stem in self.standalone if not all("가" <= c <= "힣" for c in stem)), key=len, reverse=True
        )
        self._department_variants = sorted(variants, key=lambda pair: (-len(pair[0]), pair[0]))
        professors = [p.strip() for p in vocabulary.professors if p and p.strip()]
        self.professors = sorted(set(professors), key=lambda p: (-len(p), p))
        self.name_to_courses: dict[str, list[str]] = defaultdict(list)
        for course_name in vocabulary.course_names:
            key = name_key(course_name)
            if key:
                self.name_to_courses[key].append(course_name)
        # Typo candidates: every key, and the key without a trailing number ("미시경제학1" is also compared
        # as "미시경제학", so "미시경재학" is one edit away).
        self.keys_by_length: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for key in self.name_to_courses:
            self.keys_by_length[len(key)].append((key, key))
            bare = key.rstrip("0123456789")
            if bare != key and len(bare) >= 2 and bare not in self.name_to_courses:
                self.keys_by_length[len(bare)].append((bare, key))
        # Substring scanning only for names long enough not to hide inside ordinary words.
        self.scan_keys = sorted((k for k in self.name_to_courses if len(k) >= 4), key=len, reverse=True)
        # Names read whole before anything else: as above, and 3-letter names mixing Korean with a digit or a
        # Latin letter ("역학1", "pr론"), too distinct to be ordinary words.
        mixed = [k for k in self.name_to_courses if len(k) == 3 and _mixed(k)]
        self.whole_name_keys = self.scan_keys + sorted(mixed)
        self.categories = [c for c in vocabulary.categories if c]
        self._name_blob: str | None = None

    # departments -------------------------------------------------------------------------------
    def departments_for_stems(self, stems: tuple[str, ...] | list[str]) -> list[str]:
        found: list[str] = []
        for stem in stems:
            for department in self.stem_to_departments.get(stem.replace(" ", ""), []):
                if department not in found:
                    found.append(department)
        return found

    def standalone_departments(self, word: str) -> list[str]:
        """The departments a word names by itself ("경영학" -> 경영학부), [] when it is no such stem or
        is a course's own name ("소프트웨어공학" is a course as well as 소프트웨어공학과 minus 과)."""
        found = self.standalone.get(word)
        return [] if not found or self.courses_for_key(word) else list(found)

    def is_department_stem(self, word: str) -> bool:
        """Whether the word is one of the catalog's department stems ('경영', '경영학', '컴퓨터')."""
        return len(word) >= 2 and word in self.stem_to_departments

    def departments_like(self, department: str) -> list[str]:
        """A named department first, then its siblings: the same stem with 학과/학부 swapped or a
        parenthesised variant (students write 경영학과 for 경영학부; 경제학과(계약학과) is another program)."""
        stem = primary_stem(department)
        found = [department] if department in self.departments else []
        for other in self.departments:
            base = _PAREN_RE.sub("", other).strip()
            if other not in found and base in (f"{stem}학과", f"{stem}학부", department):
                found.append(other)
        return found

    def find_department_names(self, text: str) -> list[tuple[str, int, int]]:
        """(department, start, end) for full department names written in the text, longest first."""
        found: list[tuple[str, int, int]] = []
        for variant, department in self._department_variants:
            start = text.find(variant)
            if start == -1:
                continue
            end = start + len(variant)
            if all(end <= s or start >= e for _, s, e in found) and department not in [d for d, _, _ in found]:
                found.append((department, start, end))
        return found

    # professors --------------------------------------------------------------------------------
    def find_professors(self, text: str) -> list[tuple[str, int, int]]:
        """(name, start, end) of professor names in the text.

        Names of 3+ letters match at a word start; 2-letter names ("인정", "조은" are also words) only
        right before 교수/쌤/선생; Latin names case-insensitively.
        """
        found: list[tuple[str, int, int]] = []
        lowered = text.lower()
        taken: list[tuple[int, int]] = []
        for name in self.professors:
            haystack, needle = (lowered, name.lower()) if name.isascii() else (text, name)
            start = haystack.find(needle)
            while start != -1:
                end = start + len(needle)
                before = text[start - 1] if start > 0 else " "
                after = text[end:].lstrip()
                titled = after.startswith(("교수", "쌤", "선생", "강사"))
                at_word_start = not ("가" <= before <= "힣") and not before.isalnum()
                glued = text[end:end + 1]
                if "가" <= glued <= "힣" and not text[end:].startswith(_NAME_FOLLOWERS):
                    start = haystack.find(needle, start + 1)
                    continue  # the name is the start of a longer word ("최중규칙")
                if name.isascii():
                    ok = at_word_start and len(name) >= 4
                elif len(name) <= 2:
                    ok = titled and at_word_start
                else:
                    ok = at_word_start or titled
                if ok and all(end <= s or start >= e for s, e in taken):
                    found.append((name, start, end))
                    taken.append((start, end))
                    break
                start = haystack.find(needle, start + 1)
        return found

    @cached_property
    def people_and_departments(self) -> frozenset[str]:
        """Every professor and department name, for "is this word one of them" (built once per vocabulary)."""
        return frozenset(self.vocabulary.professors) | frozenset(self.departments)

    # course names ------------------------------------------------------------------------------
    @cached_property
    def names_blob(self) -> str:
        """Every course name without spaces, lower case, one a line: for "is this word inside a name"."""
        return "\n".join(n.replace(" ", "") for n in self.vocabulary.course_names).lower()

    def courses_for_key(self, key: str) -> list[str]:
        return list(self.name_to_courses.get(name_key(key), []))

    def existing(self, candidates: tuple[str, ...] | list[str]) -> list[str]:
        """Candidate names that exist in this vocabulary (by key), in candidate order; when none does, the
        family of the first candidate that has one: names that start with it ("운영체제" is 운영체제입문 in
        a catalog without 운영체제)."""
        found: list[str] = []
        for candidate in candidates:
            for course_name in self.courses_for_key(candidate):
                if course_name not in found:
                    found.append(course_name)
        if found:
            return found
        for candidate in candidates:
            family = self.family(candidate)
            if family:
                return family
        return []

    def family(self, name: str, limit: int = 3) -> list[str]:
        """Course names that are a name of 3+ letters with a level or an introductory tail ("운영체제" ->
        운영체제입문, 운영체제및시스템프로그래밍; "미적분학" -> 미적분학1), shortest first; [] when more than
        `limit` are (then the name is a topic, not one course). Another subject that merely starts the same
        way is no family ("프로그래밍" is not 프로그래밍언어)."""
        key = name_key(name)
        if len(key) < 3:
            return []
        keys = sorted((k for k in self.name_to_courses if k.startswith(key) and k[len(key):].startswith(_FAMILY_TAILS)),
                      key=lambda k: (len(k), k))
        if not keys or len(keys) > limit:
            return []
        return [n for k in keys for n in self.name_to_courses[k]]

    @cached_property
    def abbreviations(self) -> AbbreviationTable:
        """Abbreviations derived from this vocabulary's names (자료구조 -> 자구), worked out on first use."""
        offered = Counter(name for name, _ in self.vocabulary.course_departments)
        lexicon = default_lexicon()  # its department nicknames ("컴공", "전기") are departments, not courses
        stems = [w for w in self.stem_to_departments if len(w) >= 2 and "가" <= w[0] <= "힣"]
        words = [*stems, *self.professors, *lexicon.departments, *lexicon.department_stems]
        return AbbreviationTable(self.vocabulary.course_names, offered_by=offered, words=words, units=stems)

    @cached_property
    def department_nicknames(self) -> DepartmentNicknames:
        """Nicknames derived from the department names (컴퓨터학부 -> 컴학, 정치외교학과 -> 정외)."""
        table = self.abbreviations
        return DepartmentNicknames(self.departments, table.model, table.taken)

    @cached_property
    def _course_departments(self) -> dict[str, frozenset[str]]:
        by_name: dict[str, set[str]] = defaultdict(set)
        for name, department in self.vocabulary.course_departments:
            by_name[name].add(department)
        return {name: frozenset(departments) for name, departments in by_name.items()}

    def departments_of(self, course_name: str) -> frozenset[str]:
        """The departments that offer a course (empty when the vocabulary does not say)."""
        return self._course_departments.get(course_name, frozenset())

    def scan_names(self, squashed_text: str) -> list[str]:
        """Course-name keys (4+ letters) contained in the space-less question, longest first, no overlaps."""
        found: list[str] = []
        for key in self.scan_keys:
            if key in squashed_text and not any(key in longer for longer in found):
                found.append(key)
        return found

    def name_contains(self, term: str) -> bool:
        """Whether some course name contains the term (spaces ignored, case-insensitive)."""
        key = name_key(term)
        if not key:
            return False
        if self._name_blob is None:
            self._name_blob = "\n".join(self.name_to_courses)
        return key in self._name_blob

    def closest_names(self, word: str) -> list[str]:
        """Course-name keys within a small edit distance of a (misspelled) word.

        In syllables: 1 for 3 letters, 2 for 4 or more, where a 4-5 letter word may differ in two syllables
        only by two letters in all ("운영채재", "알거리증": two vowel or final-consonant slips). A syllable
        replaced whole is another word, not a typo ("양자요리학" is not "양자물리학"): between words of one
        length the letters may differ by at most two per syllable changed. The first letter must agree at
        least in its leading consonant ("겡제학원론" -> 경제학원론), which keeps ordinary words from being
        "corrected" into course names.
        """
        if len(word) < 3:
            return []
        limit = 1 if len(word) <= 3 else 2
        first = initial_consonant(word[0])
        best: list[str] = []
        best_distance = limit + 1
        for length in range(len(word) - limit, len(word) + limit + 1):
            for candidate, key in self.keys_by_length.get(length, []):
                if candidate[0] != word[0] and (first is None or initial_consonant(candidate[0]) != first):
                    continue
                distance = levenshtein(word, candidate, limit)
                if distance > limit or distance > best_distance or not self._slips(word, candidate, distance):
                    continue
                if distance < best_distance:
                    best, best_distance = [key], distance
                elif key not in best:
                    best.append(key)
        return best[:3]

    @staticmethod
    def _slips(word: str, candidate: str, distance: int) -> bool:
        """Whether `distance` syllable edits are typing slips rather than other words (see closest_names)."""
        if distance == 2 and len(word) <= 5:
            return levenshtein(jamo(word), jamo(candidate), 2) <= 2
        if len(candidate) == len(word):
            return levenshtein(jamo(word), jamo(candidate), 2 * distance) <= 2 * distance
        return True

    @cached_property
    def english_names(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        """The catalog's English course names as one case-insensitive whole-word pattern (longest first), and
        each name (lower case, single spaces) -> its course name. Built on the first English question."""
        names: dict[str, str] = {}
        for english, name in self.vocabulary.english_names:
            key = " ".join(english.lower().split())
            if len(key) >= 4 and key not in names:
                names[key] = name
        if not names:
            return None, names
        alternatives = sorted(names, key=len, reverse=True)
        body = "|".join(r"\s+".join(re.escape(word) for word in n.split()) for n in alternatives)
        return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])", re.I), names

    # categories --------------------------------------------------------------------------------
    def category_value(self, candidates: tuple[str, ...]) -> str:
        """The first candidate that is a substring of some category in the vocabulary (else the first)."""
        for candidate in candidates:
            if any(candidate in category for category in self.categories):
                return candidate
        return candidates[0]


def _mixed(key: str) -> bool:
    """Korean letters beside digits or Latin letters in one key."""
    hangul = sum("가" <= c <= "힣" for c in key)
    return 0 < hangul < len(key) and any(c.isascii() and c.isalnum() for c in key)


def _vocabulary_key(vocabulary: Vocabulary) -> tuple:
    return tuple((name, tuple(getattr(vocabulary, name))) for name in Vocabulary.model_fields)


@lru_cache(maxsize=8)
def _cached(key: tuple) -> VocabularyMatcher:
    return VocabularyMatcher(Vocabulary(**{name: list(values) for name, values in key}))


# The same vocabulary object comes back on every question (the index caches it per term and version): its
# matcher is found by identity first, without hashing its thousands of values again. The object is kept
# alive beside its matcher, so its id cannot be reused by another while the entry lives.
_BY_IDENTITY: dict[int, tuple[Vocabulary, VocabularyMatcher]] = {}
_IDENTITY_SLOTS = 8
_IDENTITY_LOCK = threading.Lock()


def matcher_for(vocabulary: Vocabulary) -> VocabularyMatcher:
    """A matcher for this vocabulary, built once per distinct vocabulary content."""
    held = _BY_IDENTITY.get(id(vocabulary))
    if held is not None and held[0] is vocabulary:
        return held[1]
    matcher = _cached(_vocabulary_key(vocabulary))
    with _IDENTITY_LOCK:  # requests and eval cases parse on several threads at once
        while len(_BY_IDENTITY) >= _IDENTITY_SLOTS:
            _BY_IDENTITY.pop(next(iter(_BY_IDENTITY)))
        _BY_IDENTITY[id(vocabulary)] = (vocabulary, matcher)
    return matcher
