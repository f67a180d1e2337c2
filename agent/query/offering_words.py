"""How students name a section's level, delivery mode and language of instruction, and how answers name them
back: one table read by the question parser (`link/offering.py`), the `search_courses` arguments, relaxation
and the answer's conditions.

A word names values of one `SearchFilters` field, and either asks for them or, by itself, rules them out:
- levels: 대학원/graduate -> 석사·박사·석박; 석사/master's -> 석사·석박 (석박 sections take both); 박사/PhD ->
  박사·석박; 학부/학사/undergraduate -> rules out the graduate levels (so a catalog that states no level keeps
  its sections: nothing is claimed that it does not say);
- delivery: 온라인/비대면/원격/online -> 원격·녹화 (both are taught online); 녹화/recorded -> 녹화·혼합 (a mixed
  section, Soongsil's 대면+녹화, is recorded too; "녹화 말고" rules out recorded-only sections);
  혼합/hybrid -> 혼합; 대면/오프라인/in-person -> rules out 원격·녹화 (Soongsil marks only what differs from a
  classroom course, so "대면" cannot require a stated 대면);
- languages: 영·한혼합/bilingual -> 영·한혼합; 중국어 -> 중국어 (English-taught stays the `english` flag);
- grading, as remarks state it (`agent.catalog.grading`): 절대평가, 상대평가, P/F (S/U, pass/fail);
- flags, the catalog's yes/no marks (`CourseSection.flags`): CU공유대학 (CU과목, 공유대학, shared university),
  Honors (아너스), 승인과목 (the export's own word, undefined: most are 알바트로스세미나), 국제학생
  (international-student sections).
Negating a word ("대학원 말고", "대면 아닌") turns asking into ruling out and back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from agent.catalog.models import DELIVERIES, FLAGS, GRADINGS, GRADUATE_LEVELS, LANGUAGES, LEVELS
from agent.index.base import SearchFilters

GRADUATE: tuple[str, ...] = tuple(level for level in LEVELS if level in GRADUATE_LEVELS)
ONLINE: tuple[str, ...] = ("원격", "녹화")
# Sections whose lectures are recorded: recorded-only ones and mixed ones (Soongsil's 대면+녹화).
RECORDED: tuple[str, ...] = ("녹화", "혼합")


@dataclass(frozen=True)
class SlotValue:
    """What one word names: `field` ("levels", "delivery", "languages", "grading" or "flags"), its values, and
    whether saying it rules them out rather than asks for them."""

    field: str
    values: tuple[str, ...]
    rules_out: bool = False
    # What negating the word rules out, when narrower than what it asks for ("녹화 말고": recorded-only
    # sections, not classroom ones that are also recorded).
    negated_values: tuple[str, ...] | None = None

    def apply(self, filters: SearchFilters, *, negated: bool = False) -> str:
        """Add the word to `filters` (ruled out when negated, or asked for) and return the note saying so."""
        excluded = self.rules_out != negated
        target = f"exclude_{self.field}" if excluded else self.field
        values = self.negated_values if negated and self.negated_values is not None else self.values
        current: list[str] = getattr(filters, target)
        current.extend(value for value in values if value not in current)
        return f"{FIELD_LABELS[self.field][0]}: {label(self.field, values)}" + (" 제외" if excluded else "")


_LEVELS = {
    "대학원": SlotValue("levels", GRADUATE), "graduate": SlotValue("levels", GRADUATE),
    "석사": SlotValue("levels", ("석사", "석박")), "master": SlotValue("levels", ("석사", "석박")),
    "박사": SlotValue("levels", ("박사", "석박")), "doctoral": SlotValue("levels", ("박사", "석박")),
    "석박": SlotValue("levels", ("석박",)),
    "학부": SlotValue("levels", GRADUATE, rules_out=True), "undergraduate": SlotValue("levels", GRADUATE, rules_out=True),
}
_DELIVERY = {
    "온라인": SlotValue("delivery", ONLINE), "online": SlotValue("delivery", ONLINE),
    "녹화": SlotValue("delivery", RECORDED, negated_values=("녹화",)),
    "recorded": SlotValue("delivery", RECORDED, negated_values=("녹화",)),
    "혼합": SlotValue("delivery", ("혼합",)), "hybrid": SlotValue("delivery", ("혼합",)),
    "대면": SlotValue("delivery", ONLINE, rules_out=True), "in-person": SlotValue("delivery", ONLINE, rules_out=True),
}
_LANGUAGES = {
    "영·한혼합": SlotValue("languages", ("영·한혼합",)), "bilingual": SlotValue("languages", ("영·한혼합",)),
    "중국어": SlotValue("languages", ("중국어",)), "chinese": SlotValue("languages", ("중국어",)),
}
_GRADING = {
    "절대평가": SlotValue("grading", ("절대평가",)), "absolute": SlotValue("grading", ("절대평가",)),
    "상대평가": SlotValue("grading", ("상대평가",)), "curved": SlotValue("grading", ("상대평가",)),
    "p/f": SlotValue("grading", ("P/F",)),
}
_FLAGS = {
    "cu": SlotValue("flags", ("CU공유대학",)), "honors": SlotValue("flags", ("Honors",)),
    "approval": SlotValue("flags", ("승인과목",)), "international": SlotValue("flags", ("국제학생",)),
}
# Other spellings of the table's words (keys squashed and lower-cased).
_SYNONYMS = {
    "대학원생": "대학원", "grad": "graduate", "postgraduate": "graduate", "석사과정": "석사", "석사생": "석사",
    "masters": "master", "master's": "master", "박사과정": "박사", "박사생": "박사", "phd": "doctoral",
    "ph.d.": "doctoral", "ph.d": "doctoral", "doctorate": "doctoral", "석박과정": "석박", "석박사": "석박",
    "석박사과정": "석박", "학부생": "학부", "학사": "학부", "학사과정": "학부", "학부과정": "학부",
    "undergrad": "undergraduate",
    "비대면": "온라인", "원격": "온라인", "remote": "online", "virtual": "online", "동영상": "녹화", "사이버": "녹화",
    "pre-recorded": "recorded", "블렌디드": "혼합", "혼합형": "혼합", "blended": "hybrid", "대면+녹화": "혼합", "오프라인": "대면",
    "offline": "in-person", "inperson": "in-person", "face-to-face": "in-person", "facetoface": "in-person",
    "영한혼합": "영·한혼합", "영.한혼합": "영·한혼합", "영한": "영·한혼합", "한영혼합": "영·한혼합",
    "한·영혼합": "영·한혼합", "영한혼용": "영·한혼합", "mixed": "bilingual",
    "s/u": "p/f", "pass/fail": "p/f", "pass-fail": "p/f", "passfail": "p/f", "절대": "절대평가", "상대": "상대평가",
    "cu과목": "cu", "공유대학": "cu", "cu공유대학": "cu", "shareduniversity": "cu", "shared-university": "cu",
    "honor": "honors", "honours": "honors", "honour": "honors", "아너스": "honors", "승인": "approval",
    "승인필요": "approval", "approvalrequired": "approval", "approvalcourse": "approval", "국제학생전용": "international",
    "internationalstudents": "international",
}
WORDS: dict[str, dict[str, SlotValue]] = {
    "levels": _LEVELS, "delivery": _DELIVERY, "languages": _LANGUAGES, "grading": _GRADING, "flags": _FLAGS,
}

# field -> (Korean name, English name); value -> English word.
FIELD_LABELS = {
    "levels": ("과정", "level"), "delivery": ("수업 방식", "delivery"), "languages": ("강의 언어", "language"),
    "grading": ("성적 평가", "grading"), "flags": ("분반 구분", "section type"),
}
_EN_VALUES = {
    "학사": "undergraduate", "석사": "master's", "박사": "doctoral", "석박": "master's/doctoral",
    "대면": "in-person", "혼합": "hybrid", "녹화": "recorded", "원격": "online",
    "한국어": "Korean", "영어": "English", "영·한혼합": "Korean-English", "중국어": "Chinese",
    "절대평가": "absolute", "상대평가": "curved", "P/F": "pass/fail",
    "CU공유대학": "CU shared-university", "Honors": "honors", "승인과목": "approval course",
    "국제학생": "for international students",
}
# How a section's line shows each mark it carries: (Korean, English).
FLAG_MARKS: dict[str, tuple[str, str]] = {
    "CU공유대학": ("CU공유대학 과목", "CU shared-university course"), "Honors": ("Honors 분반", "honors section"),
    "승인과목": ("승인과목", "approval course (승인과목)"), "국제학생": ("국제학생 대상", "for international students"),
}
_GROUP_LABELS = {  # (field, values) -> (Korean, English) for the groups the words name
    ("levels", GRADUATE): ("대학원", "graduate"),
    ("levels", ("석사", "석박")): ("석사", "master's"),
    ("levels", ("박사", "석박")): ("박사", "doctoral"),
    ("delivery", ONLINE): ("원격·녹화", "online/recorded"),
    ("delivery", RECORDED): ("녹화 포함", "recorded"),
}
ALLOWED: dict[str, tuple[str, ...]] = {
    "levels": LEVELS, "delivery": DELIVERIES, "languages": LANGUAGES, "grading": GRADINGS, "flags": FLAGS,
}


def _key(word: str) -> str:
    return re.sub(r"\s+", "", word).lower().replace("ㆍ", "·").replace("・", "·")


def slot_value(field: str, word: str) -> SlotValue | None:
    """The table's reading of `word` for `field` (a value of the field itself reads as that value), or None."""
    table = WORDS[field]
    key = _key(word)
    if key.isascii() and key.endswith("s") and key not in table and key not in _SYNONYMS:
        key = key[:-1]  # "graduates", "undergrads"
    key = _SYNONYMS.get(key, key)
    if key in table:
        return table[key]
    if key in ALLOWED[field]:
        return SlotValue(field, (key,))
    return None


def known_words(field: str) -> list[str]:
    """The words `slot_value` reads for `field`, for an error message."""
    return sorted({*WORDS[field], *ALLOWED[field]})


def label(field: str, values: Sequence[str], lang: str = "ko") -> str:
    """"대학원" / "graduate" for the graduate levels, "원격·녹화" for online, else the values joined."""
    for (kind, grouped), names in _GROUP_LABELS.items():
        if kind == field and set(grouped) == set(values):
            return names[0 if lang == "ko" else 1]
    return ("·" if lang == "ko" else "/").join(v if lang == "ko" else _EN_VALUES.get(v, v) for v in values)
