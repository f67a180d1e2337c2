"""May a student of one department take a course? Read from the registration rules the catalog
states for each section (`restrictions`, `restricted_to_target`, `target`), never guessed.

The catalogs write these rules three ways (docs/catalog-mapping.md):
- lists of units with a verdict (Sogang's 수강신청 참조사항): "컴퓨터공학과(불가능)", "경영대학(가능),스타트업연계
  전공(가능)" (only these), "인공지능학과(1전공 불가능)" (not for those whose first major it is);
- the students a section is for, with "(대상외수강제한)": only they may register (Soongsil's 수강대상: "2학년
  컴퓨터 (대상외수강제한)");
- free text naming who may not, or who alone may ("IT융합 수강제한", "공과대학 수강불가", "타과생 수강 불가",
  "경영학과만 수강가능").

A unit names the student's department when the unit's stem begins the department's ("컴퓨터" of 컴퓨터학부,
"경영대학" of 경영학부(경영학전공)). A college or other group ("공과대학", "자연과학대학") may hold the department
without naming it: such a rule is said as a condition ("컴퓨터공학과가 여기 속하면 …"), not as a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from agent.catalog.models import CourseSection

VerdictKind = Literal["excluded", "allowed", "others_only", "unaffected", "no_rule"]


@dataclass(frozen=True)
class Verdict:
    """What a registration rule of the catalog (`rule`, as written) says of the student's department:
    "excluded" (it names the department as not allowed), "allowed" (it names it as allowed), "others_only"
    (only the students it names may register, and the department is not named), "unaffected" (a rule that
    does not rule the department out: it rules out others, or speaks of years or priority), "no_rule" (the
    catalog states none). `first_major`: the rule is about those whose first major it is ("1전공 불가능");
    `broad`: it names a college or another group that may hold the department unnamed."""

    kind: VerdictKind
    rule: str | None = None
    first_major: bool = False
    broad: bool = False


# "컴퓨터공학과(1전공 불가능)": a unit and its verdict.
_UNIT_VERDICT = re.compile(r"([^,()]+?)\s*\((1전공\s*)?(불)?가능\)")
_NO = re.compile(r"수강\s*제한|수강\s*불가|불가|제외|제한")
_ONLY = re.compile(r"만\s*(?:수강|신청)?\s*가능|만\s*수강|한함|한정|전용|대상\s*외\s*수강\s*제한|대상외수강제한")
_OTHERS = re.compile(r"타\s*(?:과|학과|전공|학부)")
_GROUP = re.compile(r"(?:대학|계열|캠퍼스)$")
_SUFFIXES = ("대학원", "대학", "학부", "학과", "전공", "계열", "과", "학")
_NOT_UNIT = re.compile(r"^(?:\d학년|전체학년|전체|학년|대상외수강제한|\d+)$")


def stems(name: str) -> list[str]:
    """"경영학부(경영학전공)" -> ["경영", "경영학"]...: each piece of a department or unit name without its
    department words, longest first, of two letters or more."""
    found: list[str] = []
    for piece in re.split(r"[\s()·,;/]+", name):
        stem = piece
        while True:
            cut = (stem[: -len(s)] for s in _SUFFIXES if stem.endswith(s) and len(stem) - len(s) >= 2)
            shorter = next(cut, None)
            if shorter is None:
                break
            found.append(stem)
            stem = shorter
        found.append(stem)
    return sorted({s for s in found if len(s) >= 2}, key=len, reverse=True)


def names(unit: str, departments: Sequence[str]) -> bool:
    """Does the catalog's `unit` name one of the student's `departments`?"""
    unit_stems = stems(re.sub(r"\([^()]*\)", " ", unit))
    own = [s for d in departments for s in stems(d)]
    return any(o.startswith(u) for u in unit_stems for o in own)


def verdict(section: CourseSection, departments: Sequence[str]) -> Verdict:
    """What the catalog's rules for this section say of the student's departments: the most telling rule
    (one that names them first, then one that limits who may register, then any other)."""
    lines = [line.strip() for line in (section.restrictions or "").splitlines() if line.strip()]
    found = [v for line in lines for v in _from_line(line, section, departments)]
    decided = any(v.kind in ("excluded", "allowed") for v in found)
    if section.restricted_to_target and section.target and not decided:
        found += _from_target(section.target, departments)
    if not found:
        return Verdict("no_rule")
    order: tuple[VerdictKind, ...] = ("excluded", "allowed", "others_only", "unaffected")
    chosen = min(found, key=lambda v: order.index(v.kind))
    if chosen.kind not in ("excluded", "allowed"):
        return chosen
    # Every rule that says the same of the department is quoted ("컴퓨터공학과(1전공 불가능)" and the remark
    # "1전공 컴퓨터공학 학생 수강 불가"): the catalog's own wording, all of it.
    rules = dict.fromkeys(v.rule for v in found if v.kind == chosen.kind and v.rule)
    return replace(chosen, rule=" / ".join(rules) or chosen.rule)


def _from_line(line: str, section: CourseSection, departments: Sequence[str]) -> list[Verdict]:
    units = _units(line)
    if units:
        return [_from_units(line, units, departments)]
    if _OTHERS.search(line) and _NO.search(line):  # "타과생 수강 불가": everyone outside the course's department
        own = names(section.department or "", departments)
        return [Verdict("allowed" if own else "excluded", line)]
    if re.search(r"대상\s*외\s*수강\s*제한|대상외수강제한", line) and section.target:
        return []  # said by the target it refers to (`_from_target`)
    words = [_bare(w) for w in re.split(r"[\s,;·]+", _NO.split(line)[0]) if w and not _NOT_UNIT.match(w)]
    named = any(names(w, departments) for w in words)
    broad = any(_GROUP.search(w) for w in words)
    if _ONLY.search(line):
        return [Verdict("allowed" if named else "others_only", line, broad=broad and not named)]
    if _NO.search(line) and words:
        return [Verdict("excluded" if named else "unaffected", line, broad=broad and not named)]
    return [Verdict("unaffected", line)]  # a rule about something else: years, priority, another course


def _bare(word: str) -> str:
    """A unit as free text writes it, without what follows it: "해양학과만" -> "해양학과", "박사과정생만" -> "박사과정"."""
    return re.sub(r"(?:학생|생)?(?:만|은|는|이|가|의)?$", "", word) or word


def _units(line: str) -> list[tuple[str, str, str]]:
    """"경영대학,스타트업연계전공(가능),물리학과(1전공 불가능)" -> (unit, "1전공 " or "", "불" or "") each; a unit
    written without a verdict shares the next one ("경영대학,스타트업연계전공(가능)": one verdict for both)."""
    units: list[tuple[str, str, str]] = []
    waiting: list[str] = []
    for piece in re.split(r",(?![^()]*\))", line):
        match = _UNIT_VERDICT.search(piece)
        if match is None:
            waiting.append(piece.strip())
            continue
        unit, first, no = match.groups()
        units += [(w, first or "", no or "") for w in waiting if w] + [(unit.strip(), first or "", no or "")]
        waiting = []
    return units


def _from_units(line: str, units: list[tuple[str, str, str]], departments: Sequence[str]) -> Verdict:
    mine = [(first, no) for unit, first, no in units if names(unit, departments)]
    if mine:
        first, no = mine[0]
        return Verdict("excluded" if no else "allowed", line, first_major=bool(first))
    broad = any(_GROUP.search(unit.strip()) for unit, _first, _no in units)
    if all(not no for _unit, _first, no in units):
        return Verdict("others_only", line, broad=broad)
    return Verdict("unaffected", line, broad=broad)


def _from_target(target: str, departments: Sequence[str]) -> list[Verdict]:
    """"2학년 컴퓨터 (대상외수강제한)": only the students it names; units are its words other than years."""
    said = re.sub(r"\([^()]*대상\s*외[^()]*\)", " ", target)
    words = [w for w in re.split(r"[\s,;·\n]+", said) if w and not _NOT_UNIT.match(w)]
    if not words:
        return [Verdict("unaffected", " ".join(target.split()))]  # years alone ("2학년 전체"): no department
    rule = re.sub(r"[\s,]+\(", " (", " ".join(target.split()))  # "경영학부, (대상외수강제한)": one rule, said once
    if any(names(w, departments) for w in words):
        return [Verdict("allowed", rule)]
    return [Verdict("others_only", rule, broad=any(_GROUP.search(w) for w in words))]
