"""Built-in profiles for the three real catalogs, recognized by their exact header.

Each profile turns one raw CSV record (column -> text) into the keyword arguments of a
`CourseSection`. A problem that makes the row unusable raises `RowError` (the loader reports the row
and skips it); a lesser one is appended to `warnings` (the row still loads).

| profile | header | term |
|---|---|---|
| ``ssu`` (숭실대학교) | 18 columns, ``강의시간(강의실)`` | not in the file: from the file name (``ssu-2026-1`` -> ``2026-1``) or ``term=`` |
| ``sogang`` (서강대학교) | 27 columns, ``수업시간/강의실`` | ``학년도`` + ``학기`` |
| ``sogang-multi`` (서강대학교) | 31 columns, split ``요일/시작시간/종료시간/강의실`` | ``학년도`` + ``학기`` per row |
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from agent.catalog.categories import normalize_category
from agent.catalog.eligibility import (
    allowance_text,
    normalize_level,
    only_allowed,
    parenthesized,
    rule_lines,
    states_target_only,
)
from agent.catalog.fields import (
    clean,
    join_notes,
    parse_count,
    parse_hours_credits,
    parse_number,
    parse_year_list,
    split_people,
    unquote,
    years_label,
)
from agent.catalog.offering import delivery_in_remark, normalize_delivery, normalize_language
from agent.catalog.slots import SlotParseError, parse_slot_text, parse_split_slot, room_only
from agent.catalog.terms import TermError, term_from_year_semester


class RowError(ValueError):
    """This row cannot be loaded; the message is the reason shown with file and row."""


Converter = Callable[[dict[str, str], str | None, list[str]], dict[str, Any]]


@dataclass(frozen=True)
class Profile:
    name: str
    university: str
    header: tuple[str, ...]
    term_in_file: bool
    convert: Converter

    def matches(self, header: list[str]) -> bool:
        return tuple(header) == self.header


def _required(values: dict[str, str], column: str, what: str) -> str:
    value = clean(values.get(column))
    if not value:
        raise RowError(f"missing {column} ({what})")
    return value


def _lenient(values: dict[str, str], column: str, parse: Callable[[str | None], Any], warnings: list[str]) -> Any:
    """`parse` of one cell; a ValueError becomes a warning naming the column, and the field stays empty."""
    try:
        return parse(values.get(column))
    except ValueError as exc:
        warnings.append(f"{exc}; left empty" if column in str(exc) else f"{column}: {exc}; left empty")
        return None


def _number(values: dict[str, str], column: str, warnings: list[str]) -> float | None:
    return _lenient(values, column, partial(parse_number, what=column), warnings)


def _count(values: dict[str, str], column: str, warnings: list[str]) -> int | None:
    return _lenient(values, column, partial(parse_count, what=column), warnings)


def _known(normalize: Callable[[str], Any], words: list[str]) -> list[Any]:
    """The words `normalize` knows, normalized (a cell listing several kinds of things: 강좌유형정보)."""
    out = []
    for word in words:
        try:
            value = normalize(word)
        except ValueError:
            continue
        if value is not None and value not in out:
            out.append(value)
    return out


# --- Soongsil -------------------------------------------------------------------------------------

SSU_HEADER = (
    "계획", "이수구분(주전공)", "이수구분(다전공)", "공학인증", "교과영역", "과목번호", "과목명", "수강유의사항",
    "강좌유형정보", "분반", "교수명", "개설학과", "시간/학점(설계)", "수강인원", "여석", "강의시간(강의실)", "과정",
    "수강대상",
)
# '영어' in 강좌유형정보 marks an English-taught section; 영·한혼합 (mixed) does not count as English.
_SSU_ENGLISH_NOTE = re.compile(r"영어\s*강의|원어\s*강의|영어로\s*진행|English[- ]taught|in English", re.I)


def _ssu_year(target: str | None) -> str | None:
    if not target:
        return None
    if "전체학년" in target:
        return "전체학년"
    years = sorted({int(y) for y in re.findall(r"(\d)학년", target)})
    return years_label(years, style="range") if years else None


def convert_ssu(values: dict[str, str], term: str | None, warnings: list[str]) -> dict[str, Any]:
    if not term:
        raise RowError("no term for this row")  # the loader checks this before reading rows
    code = _required(values, "과목번호", "course code")
    name = _required(values, "과목명", "course name")
    try:
        parsed = parse_slot_text(values.get("강의시간(강의실)"))
    except SlotParseError as exc:
        raise RowError(f"강의시간(강의실): {exc}") from None
    professors = split_people(values.get("교수명"), ("\n", ","))
    if not professors:
        # No 교수명 but the slots name who teaches: use those rather than leave it blank.
        professors = split_people([p.instructor for p in parsed if p.instructor])
    try:
        hours, credits = parse_hours_credits(values.get("시간/학점(설계)"))
    except ValueError as exc:
        warnings.append(f"{exc}; left empty")
        hours = credits = None
    types = [t.strip() for t in (values.get("강좌유형정보") or "").splitlines() if t.strip()]
    caution = clean(values.get("수강유의사항"))
    english = "영어" in types or bool(caution and _SSU_ENGLISH_NOTE.search(caution))
    target = clean(values.get("수강대상"))
    remark = clean((values.get("분반") or "").strip().strip("()"))
    area = clean(values.get("교과영역"))
    other_major = clean(values.get("이수구분(다전공)"))
    notes = join_notes([
        caution,
        f"강좌유형: {', '.join(types)}" if types else None,
        f"분반: {remark}" if remark else None,
        f"다전공 이수구분: {other_major}" if other_major else None,
        f"교과영역: {area.splitlines()[0]}" if area else None,
    ])
    return {
        "term": term,
        "code": code,
        "section": "",  # 과목번호 is already unique per section at Soongsil
        # ...and its last two digits are the section number students say ("01반" of 2150163201).
        "section_no": code[-2:] if len(code) == 10 and code.isdigit() else None,
        "name": name,
        "university": "숭실대학교",
        "department": clean(values.get("개설학과")),
        "professors": professors,
        "credits": credits,
        "hours": hours,
        "slots": [p.slot for p in parsed],
        "category": normalize_category(values.get("이수구분(주전공)")),
        "target": target,
        "year": _ssu_year(target),
        "english": english,
        "notes": notes,
        **_ssu_optional(values, types, caution, english, warnings),
    }


def _ssu_optional(
    values: dict[str, str], types: list[str], caution: str | None, english: bool, warnings: list[str]
) -> dict[str, Any]:
    """Level, registration rules, seats and delivery of a Soongsil row.

    여석 and 수강인원 are a snapshot taken when the catalog was exported: in ssu-2026-1 수강인원 is 0 for
    2,976 of 3,048 sections, whose 여석 (mostly 40, 50, 100) then reads as the section's full size (the
    export seems to predate their registration), and for the 72 graduate sections that had students,
    수강인원 + 여석 is a round size (23 + 77 = 100).
    Both are kept as the catalog states them; the catalog has no 정원 column, so `capacity` stays empty.
    """
    target = clean(values.get("수강대상"))
    rules = rule_lines([*parenthesized(target), caution])
    languages = _known(normalize_language, types)
    return {
        "level": _lenient(values, "과정", normalize_level, warnings),
        "restricted_to_target": states_target_only(target, caution),
        "restrictions": "\n".join(rules) or None,
        "seats_left": _count(values, "여석", warnings),
        "enrolled": _count(values, "수강인원", warnings),
        # 강좌유형정보 marks only what differs from a plain classroom course (대면+녹화, 녹화): blank says nothing.
        "delivery": next(iter(_known(normalize_delivery, types)), None),
        "language": "영어" if english else next(iter(languages), None),
    }


# --- Sogang ---------------------------------------------------------------------------------------

SOGANG_COMMON = (
    "학년도", "학기", "소속", "학과", "과목번호", "분반", "과목명", "강의계획서", "학점",
)
SOGANG_TAIL = (
    "교수진", "수강생수", "영어강의", "중국어강의", "승인과목", "CU과목", "홀짝구분", "국제학생", "Honors과목",
    "공학인증", "시험일자", "수강대상", "권장학년", "수강신청 참조사항", "과목 설명", "비고",
)
# Sogang's yes/no columns ('O' or empty) and the `CourseSection.flags` value each one sets.
SOGANG_FLAGS = (("CU과목", "CU공유대학"), ("Honors과목", "Honors"), ("승인과목", "승인과목"), ("국제학생", "국제학생"))
SOGANG_HEADER = SOGANG_COMMON + ("수업시간/강의실", "시간") + SOGANG_TAIL
SOGANG_MULTI_HEADER = SOGANG_COMMON + ("시간",) + SOGANG_TAIL + ("수업일자", "요일", "시작시간", "종료시간", "강의실")


def _sogang_term(values: dict[str, str], term: str | None) -> str:
    year, semester = clean(values.get("학년도")), clean(values.get("학기"))
    if not year or not semester:
        if term:
            return term
        raise RowError("missing 학년도/학기 (term)")
    try:
        return term_from_year_semester(year, semester)
    except TermError as exc:
        raise RowError(f"학년도/학기: {exc}") from None


def _sogang_common(values: dict[str, str], term: str | None, warnings: list[str]) -> dict[str, Any]:
    code = _required(values, "과목번호", "course code")
    name = _required(values, "과목명", "course name")
    chinese = (values.get("중국어강의") or "").strip().upper() == "O"
    return {
        "term": _sogang_term(values, term),
        "code": code,
        "section": clean(values.get("분반")) or "",
        "name": name,
        "university": "서강대학교",
        "department": clean(values.get("학과")),
        "professors": split_people(values.get("교수진"), (",", "\n")),
        "credits": _number(values, "학점", warnings),
        "hours": _number(values, "시간", warnings),
        "english": (values.get("영어강의") or "").strip().upper() == "O",
        "description": clean(values.get("과목 설명")),
        "notes": join_notes([
            values.get("수강신청 참조사항"),
            values.get("비고"),
            "중국어강의" if chinese else None,
        ]),
        **_sogang_optional(values, chinese, warnings),
    }


def _sogang_optional(values: dict[str, str], chinese: bool, warnings: list[str]) -> dict[str, Any]:
    """Level (소속: 대학 / 대학원), registration rules, head count, language, exam, ID digits and flags of a
    Sogang row.

    수강생수 is the number registered when the catalog was exported; Sogang gives no 정원 or 여석.
    """
    allowance = allowance_text(values.get("수강신청 참조사항"))
    remarks = rule_lines([unquote(values.get("비고"))])
    english = (values.get("영어강의") or "").strip().upper() == "O"
    return {
        "level": _lenient(values, "소속", normalize_level, warnings),
        "restricted_to_target": only_allowed(allowance) or states_target_only(*remarks),
        "restrictions": join_notes([allowance, *remarks]),
        "enrolled": _count(values, "수강생수", warnings),
        "language": "영어" if english else ("중국어" if chinese else None),
        # Sogang has no delivery column; its 비고 says it for some sections ("비대면_실시간", "※혼합형").
        "delivery": delivery_in_remark(values.get("비고")),
        "exam": clean(values.get("시험일자")),
        "student_id_digits": clean(values.get("홀짝구분")),
        "flags": [flag for column, flag in SOGANG_FLAGS if (values.get(column) or "").strip().upper() == "O"],
    }


def convert_sogang(values: dict[str, str], term: str | None, warnings: list[str]) -> dict[str, Any]:
    out = _sogang_common(values, term, warnings)
    cell = values.get("수업시간/강의실")
    try:
        out["slots"] = [p.slot for p in parse_slot_text(cell)]
    except SlotParseError as exc:
        raise RowError(f"수업시간/강의실: {exc}") from None
    room = room_only(cell)
    if room:
        out["notes"] = join_notes([out["notes"], f"강의실: {room} (시간 미정)"])
    out["target"] = clean(values.get("수강대상"))
    out["year"] = clean(values.get("권장학년"))
    return out


def convert_sogang_multi(values: dict[str, str], term: str | None, warnings: list[str]) -> dict[str, Any]:
    out = _sogang_common(values, term, warnings)
    try:
        out["slots"] = parse_split_slot(
            values.get("요일"), values.get("시작시간"), values.get("종료시간"), values.get("강의실")
        )
    except SlotParseError as exc:
        raise RowError(f"요일/시작시간/종료시간: {exc}") from None
    # The multi-term export writes years as Python lists; render them as the single-term file does.
    target = parse_year_list(values.get("수강대상"))
    year = parse_year_list(values.get("권장학년"))
    raw_target = clean(values.get("수강대상"))
    if target:
        out["target"] = years_label(target, style="list")
    else:
        out["target"] = raw_target if raw_target and raw_target != "[]" else None
    out["year"] = years_label(year, style="range") if year else None
    return out


PROFILES: tuple[Profile, ...] = (
    Profile("ssu", "숭실대학교", SSU_HEADER, False, convert_ssu),
    Profile("sogang", "서강대학교", SOGANG_HEADER, True, convert_sogang),
    Profile("sogang-multi", "서강대학교", SOGANG_MULTI_HEADER, True, convert_sogang_multi),
)


def detect_profile(header: list[str]) -> Profile | None:
    """The built-in profile whose header this is exactly, or None."""
    for profile in PROFILES:
        if profile.matches(header):
            return profile
    return None
