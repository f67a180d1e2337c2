"""Slot linkers with a fixed grammar: rooms, course codes, credits, recommended year, English-taught and section
numbers (terms: `link/terms.py`; categories: `link/categories.py`; level, delivery, language, seats:
`link/offering.py`)."""

from __future__ import annotations

import re

from agent.query.link.context import LinkContext
from agent.catalog.buildings import building_codes
from agent.query.link.places import resolve_room
from agent.query.negation import negation_of, with_negation
from agent.query.patterns import COURSE_CODE
from agent.query.reading import ParseState

# Rooms: "정보과학관 21203", "공학관 407호", "R912 실습실", "K201", "21203호". Checked before course codes, so
# "GN201 강의실" is a room, not a code.
_ROOM_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"([가-힣]{1,10}(?:관|홀|센터))\s*(\d{3,5}(?:-\d)?[A-Za-z]?)(?![0-9])"),
    re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{1,3}-?\d{3,4})(?=\s*(?:호실|호(?![가-힣])|강의실에서|실습실|에서|교실))"),
    re.compile(r"(?<![A-Za-z0-9])([A-Za-z]\d{3,4})(?![A-Za-z0-9])"),
    re.compile(r"(?<![0-9A-Za-z])(\d{3,5})\s*(?=호실|호(?![가-힣])|강의실|실습실)"),
)
_CREDITS_RE = re.compile(
    r"(?<![0-9.])(\d(?:\.\d)?)\s*학점(?:\s*짜리)?|(?i:(?<![0-9.])(\d(?:\.\d)?)[\s-]*(?:credits?|cr\.?)(?![a-z])|\b(one|two|three)[\s-]+credits?\b)"
)
_CREDIT_WORDS = {"one": "1", "two": "2", "three": "3"}
# A recommended year the student is in ("3학년 전공", "2nd year courses"); "몇 학년" asks it instead.
# Not the student's own year ("3학년인데 …", "2학년이라서"): that is context, as their department is.
_YEAR_RE = re.compile(r"(?<![0-9.])([1-6])\s*학년(?!도)(?!\s*(?:이?(?:인데|라서|라|고|거든|야(?=\s*[.,!]|\s*$))|학생|생(?:이|인)))")
_YEAR_EN_RE = re.compile(
    r"(?<![a-z0-9])(?:(1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth)[\s-]+year|year[\s-]+([1-5]))(?![a-z0-9])",
    re.I,
)
_OWN_YEAR_RE = re.compile(r"(?<![0-9.])([1-6])\s*학년\s*(?:이?(?:인데|라서|이라|거든)|학생(?:인데|이라)|생(?:인데|이라))")
_YEAR_WORD_BEFORE = re.compile(r"(?:권장|추천|대상)\s*(?:학년)?\s*(?:이|은|는|:)?\s*$")
_YEAR_WORD_AFTER = re.compile(r"^\s*(?:권장|추천|대상|용)(?![가-힣])")
# Class years in American words: "freshman courses", "for sophomores", "senior seminars".
_CLASS_YEAR_RE = re.compile(r"(?<![a-z])(freshm[ae]n|sophomores?|juniors?|seniors?)(?![a-z])", re.I)
_CLASS_YEARS = {"fresh": 1, "sopho": 2, "junio": 3, "senio": 4}
# Who asks, not a condition: "I'm a sophomore", "as a junior"; "open to freshmen?", "can seniors take it?".
_I_AM = re.compile(r"(?:(?:i'?m|i\s+am|as)\s+an?|open\s+to|available\s+(?:to|for)|can|may)\s+$", re.I)
_ORDINAL_YEARS = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4,
                  "5th": 5, "fifth": 5}
_KOREAN_TAUGHT_RE = re.compile(
    r"한국어로\s*(?:진행(?:하는|되는|하|돼)?|하는|가르치는|듣는)|한국어로(?=\s*(?:수업|강의))|한국어\s*진행"
    r"|(?:taught|classes|courses|lectures?)\s+in\s+korean|korean[-\s]taught",
    re.IGNORECASE,
)
_ENGLISH_RE = re.compile(
    r"영어\s*강의|영강|원어\s*(?:강의|수업)?|영어로\s*(?:진행|하는|수업|강의|가르치|듣는|배우)|영어\s*진행"
    r"|english[-\s]*(?:taught|lecture|class|course)|taught\s+in\s+english|in\s+english",
    re.IGNORECASE,
)
# "02분반", "3 분반", "1반"; not the numeral of a name ("일반화학1 분반" asks about every section of 일반화학I).
_SECTION_RE = re.compile(r"(?<![0-9A-Za-z가-힣ⅠⅡⅢⅣⅤ])(\d{1,3})\s*(?:분반|반(?![가-힣]))")


def link_rooms(state: ParseState, ctx: LinkContext) -> None:
    for pattern in _ROOM_RES:
        for match in pattern.finditer(state.question):
            if state.taken(*match.span()):
                continue
            rooms, codes = tuple(ctx.matcher.vocabulary.rooms), building_codes(ctx.matcher.vocabulary.universities)
            room = resolve_room(" ".join(g for g in match.groups() if g).upper(), rooms, codes)
            state.rooms.append(room)
            state.filters.rooms.append(room)
            state.take(*match.span(), note=f"강의실: {room}")


def link_codes(state: ParseState, ctx: LinkContext) -> None:
    codes: list[str] = []
    for match in COURSE_CODE.finditer(state.question):
        if state.taken(*match.span()):
            continue
        codes.append(match.group(1).replace("-", "").upper())  # "mat2110" -> "MAT2110"
        state.take(*match.span())
    if codes:
        state.filters.course_codes = list(dict.fromkeys(codes))
        state.notes.append("과목번호: " + ", ".join(state.filters.course_codes))


# "4000번대 과목", "300단위", "3000-level courses": the number series of the course code.
_SERIES_RE = re.compile(r"(?<![0-9])([1-9]0{1,3})\s*(?:번\s*대|번\s*(?:과목|수업|강의)|단위|[-\s]?level)", re.I)


def link_code_series(state: ParseState, ctx: LinkContext) -> None:
    match = _SERIES_RE.search(state.question)
    if match and not state.taken(*match.span()):
        state.filters.code_series = match.group(1)
        state.take(*match.span(), note=f"과목번호: {match.group(1)}번대")


def link_section(state: ParseState, ctx: LinkContext) -> None:
    match = _SECTION_RE.search(state.question)
    if match and not state.taken(*match.span()):
        state.section = match.group(1)
        state.take(*match.span(), note=f"분반: {match.group(1)}")


def link_credits(state: ParseState, ctx: LinkContext) -> None:
    match = _first_free(state, _CREDITS_RE)  # "3학점", "1 credit", "3-credit", "two credits"
    if match:
        number = match.group(1) or match.group(2) or _CREDIT_WORDS[match.group(3).lower()]
        negation = negation_of(state.question, *match.span())  # "3학점 아닌 교양", "not 3 credits"
        if negation is not None:
            state.filters.exclude_credits.append(float(number))
            state.take(*with_negation(*match.span(), negation), note=f"학점: {number}학점 제외")
            return
        state.filters.credits = float(number)
        state.take(*match.span(), note=f"학점: {number}학점")


# Several years at once: "3,4학년", "3·4학년 과목", "1~2학년", "3학년이나 4학년", "고학년" (3·4), "저학년" (1·2).
_YEARS_RE = re.compile(
    r"(?<![0-9.])([1-6])\s*(?:학년)?\s*(,|·|/|~|-|및|이나|나|이랑|랑|하고|와|과)\s*([1-6])\s*학년(?!도)(?!\s*(?:인데|이라서))"
    r"|(?<![가-힣])(고|저)학년(?:\s*(?:용|대상))?"
)


def link_years(state: ParseState) -> bool:
    """Several recommended years ("3,4학년 과목"): `filters.years`; False when the question names none."""
    match = _first_free(state, _YEARS_RE)
    if match is None:
        return False
    if match.group(4):
        years = [3, 4] if match.group(4) == "고" else [1, 2]
    else:
        first, last = sorted((int(match.group(1)), int(match.group(3))))
        years = list(range(first, last + 1)) if match.group(2) in "~-" else [first, last]
    state.filters.years = years
    state.take(*match.span(), note=f"권장 학년: {'·'.join(map(str, years))}학년")
    return True


def _class_year(state: ParseState) -> bool:
    """"freshman courses" -> year 1 …; "I'm a sophomore" is who asks (context, as "2학년인데")."""
    match = _first_free(state, _CLASS_YEAR_RE)
    if match is None:
        return False
    year = _CLASS_YEARS[match.group(1).lower()[:5]]
    state.take(*match.span())
    if _I_AM.search(state.question[: match.start()]):
        state.student_year = year
        return False
    state.filters.year = year
    state.notes.append(f"권장 학년: {year}학년")
    return True


def link_year(state: ParseState, ctx: LinkContext) -> None:
    own = _first_free(state, _OWN_YEAR_RE)
    if own:
        state.student_year = int(own.group(1))  # "2학년인데 …": who asks, context for eligibility
        state.take(*own.span())
    if link_years(state) or _class_year(state):
        return
    match = _first_free(state, _YEAR_RE) or _first_free(state, _YEAR_EN_RE)
    if match:
        word = (match.group(1) or match.group(2) or "").lower()
        state.filters.year = int(word) if word.isdigit() else _ORDINAL_YEARS[word]
        start, end = match.span()
        # The catalog's own words around it belong to it ("권장 학년 3학년", "3학년 권장 과목", "3학년 대상").
        before = _YEAR_WORD_BEFORE.search(state.question[:start])
        after = _YEAR_WORD_AFTER.match(state.question[end:])
        start, end = (before.start() if before else start), end + (after.end() if after else 0)
        state.take(start, end, note=f"권장 학년: {state.filters.year}학년")


def link_english(state: ParseState, ctx: LinkContext) -> None:
    """English-taught ("영어강의", "in English"), ruled out ("영강 말고", "not in English"), or taught in Korean
    ("한국어로 진행하는", "taught in Korean": not English-taught)."""
    match = _first_free(state, _ENGLISH_RE)  # not inside "Korean and English" (a language, read before)
    korean = _first_free(state, _KOREAN_TAUGHT_RE)
    found = match or korean
    if found is None:
        return
    negation = negation_of(state.question, *found.span())
    state.filters.english = (found is match) == (negation is None)
    note = "영어강의(원어강의)만" if state.filters.english else "영어강의 제외 (한국어 강의)"
    state.take(*with_negation(*found.span(), negation), note=note)


def _first_free(state: ParseState, pattern: re.Pattern[str]) -> re.Match[str] | None:
    return next((m for m in pattern.finditer(state.question) if not state.taken(*m.span())), None)
