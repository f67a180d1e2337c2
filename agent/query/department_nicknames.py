"""Department nicknames derived from the catalog's own department names, the way students shorten them:
- a name of two or more parts gives the first syllable of each part: 정치외교학과 -> 정외, 컴퓨터공학과 ->
  컴공, 기계공학부 -> 기공, 신문방송학과 -> 신방;
- a one-part name of three syllables gives its first syllable and its unit word's: 컴퓨터학부 -> 컴학,
  컴퓨터학과 -> 컴학, 컴과 (a two-syllable one is said whole: "경영").

The hand list (`abbreviations.yaml`, `departments:`) keeps the irregular ones (영문, 전전). A form is not a
nickname when it is a word in its own right (the checks course abbreviations use: a course name, a catalog
word, a professor, an everyday word), when it is a course abbreviation (courses are asked about more than
departments), or when departments of different names share it: `collisions` keeps those, for measuring.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from agent.query.segments import SegmentModel, content_parts, name_chunks

_PAREN = re.compile(r"\([^)]*\)")
# The unit word ending a department's name: what is cut off (학과 keeps its 학 in the stem: 컴퓨터공학|과).
_UNITS = (("학부", "부"), ("학과", "과"), ("전공", "전공"), ("과", "과"), ("부", "부"))
_MAX_LETTERS = 3
_HANGUL_NAME = re.compile(r"[가-힣·]+")


def _stem_and_unit(part: str) -> tuple[str, str] | None:
    """'컴퓨터공학과' -> ('컴퓨터공학', '과'), '컴퓨터학부' -> ('컴퓨터학', '부'), '문예창작전공' -> ('문예창작', '전공')."""
    for ending, unit in _UNITS:
        if part.endswith(ending) and len(part) > len(ending):
            return part[: -len(unit)], unit
    return None


def derived_department_forms(department: str, model: SegmentModel) -> list[str]:
    """The nicknames one department's name yields (before any collision check)."""
    forms: list[str] = []
    for part in _PAREN.sub(" ", department).split():
        split = _stem_and_unit(part)
        if split is None or not _HANGUL_NAME.fullmatch(split[0]):
            continue  # "IT경영학과": students keep the Latin letters, which no syllable rule gives
        stem, unit = split
        parts = [p for chunk in name_chunks(stem) for p in content_parts(model.segment(chunk))]
        if len(parts) >= 2:
            if len(parts) <= _MAX_LETTERS:
                forms.append("".join(p[0] for p in parts))  # 정치|외교|학 -> 정외, 컴퓨터|공학 -> 컴공
            continue
        core = stem.removesuffix("학")
        # 컴퓨터|학부 -> 컴학 (and 컴과 for 컴퓨터학과). "경영" is said whole; a longer run the catalog does not
        # cut ("불어불문") is no one word, and its first syllable alone would say nothing.
        if len(core) == 3 and "·" not in core:
            forms += [core[0] + "학"] * (core != stem) + [core[0] + unit] * (unit == "과")
    return list(dict.fromkeys(forms))


class DepartmentNicknames:
    """Derived nicknames of one vocabulary's departments: form -> the departments it names.

    `not_free(form)` says why a form is a word in its own right (None when it is free)."""

    def __init__(self, departments: Iterable[str], model: SegmentModel,
                 not_free: Callable[[str], str | None]) -> None:
        claims: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for department in departments:
            for form in derived_department_forms(department, model):
                claims[form][_base(department)].append(department)
        self.table: dict[str, tuple[str, ...]] = {}
        self.collisions: dict[str, tuple[str, ...]] = {}
        self.blocked: dict[str, str] = {}
        for form, by_base in claims.items():
            everyone = tuple(d for names in by_base.values() for d in names)
            if len(by_base) > 1:
                self.collisions[form] = everyone  # 기계공학과 and 기초공학부 are both 기공: neither is meant
                continue
            reason = not_free(form)
            if reason is not None:
                self.blocked[form] = reason
                continue
            self.table[form] = everyone

    def get(self, form: str) -> tuple[str, ...]:
        return self.table.get(form, ())


def _base(department: str) -> str:
    """What makes two department names the same department for a nickname: 컴퓨터학부 and 컴퓨터학과 (or a
    "(계약학과)" variant) are one, 컴퓨터학부 and 컴퓨터교육과 are two."""
    first = _PAREN.sub(" ", department).replace("·", "").split()
    word = first[0] if first else department
    split = _stem_and_unit(word)
    return split[0].removesuffix("학") if split else word
