"""Search mode: a request to plan a timetable, read as `plan_timetable` arguments.

"자료구조, 운영체제, 회계원리 들을 건데 금요일 공강으로 시간표 짜줘", "make me a timetable with Data Structures
and Linear Algebra, mornings only": the courses are what the question parser links (names, nicknames, English
names, codes; a section named right after a course stays with it: "자료구조 02분반", "CSE2010-02"), the week's
conditions are its filters (excluded days, "화목만" as the other weekdays excluded, time bounds, professors
as a preference), and a few words the parser has no slot for: days a week ("주 3일만"), a credit cap ("18학점
이하") and what to rank by ("공강 시간 적게", "늦게 시작", "일찍 끝나게").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from agent.catalog.models import hhmm
from agent.index.base import Vocabulary
from agent.query.patterns import COURSE_CODE
from agent.timetable import WEEKDAYS

PLAN = re.compile(
    r"시간표\s*(?:를|을|좀|도)?\s*(?:좀\s*)?(?:짜|만들|구성|계획|추천|뽑)|시간표\s*플랜"
    r"|\b(?:make|build|create|plan|draw\s+up|put\s+together|suggest)\s+(?:me\s+)?(?:a\s+|my\s+|the\s+)?"
    r"(?:weekly\s+)?(?:timetable|schedule|week)s?\b|\btimetable\s+(?:plan|for\s+me)\b",
    re.IGNORECASE,
)
# "금요일 공강으로 다시 짜줘", "redo it without Fridays": planning again, after a planning request.
_AGAIN = re.compile(r"(?:다시|새로|또)\s*(?:좀\s*)?(?:짜|만들|구성|뽑)|\b(?:again|redo|re-?plan|instead)\b", re.I)
# After a planning request, a revision of it: "운영체제 빼고 다시", "월요일도 비워줘", "데이터베이스도 넣어줘".
_REVISE = re.compile(
    r"빼고|빼\s*줘|빼\s*주|제외|말고|비워|비우|공강|넣어|추가|더\s*넣|바꿔"
    r"|\b(?:without|drop|remove|add|also|free|instead)\b", re.I)
_DROP = re.compile(r"빼|제외|말고|\b(?:without|drop|remove)\b", re.I)
# "월요일도 비워줘", "수요일은 빼줘", "free Mondays too": a day off (the parser reads "월요일" as a wanted day).
_DAY_OFF = re.compile(
    r"([월화수목금토일])(?:요일)?\s*(?:도|은|는|엔|에는)?\s*(?:비워|비우|빼|쉬|없이|없게|수업\s*없"
    r"|공강(?!\s*(?:시간)?\s*(?:이|을)?\s*(?:없|적|짧|최소|줄)))")
_DAY_OFF_EN = re.compile(r"\b(?:free|no|without)\s+(mon|tue|wed|thu|fri|sat)[a-z]*", re.I)
_EN_DAY = {"mon": "월", "tue": "화", "wed": "수", "thu": "목", "fri": "금", "sat": "토"}
# "홀수 학번", "학번이 20231234", "student ID 20231234": the 학번's parity for Sogang's 홀짝구분 sections.
_STUDENT_ID = re.compile(r"(홀수|짝수)\s*학번|학번\s*(?:은|이|는)?\s*(\d{4,10})|student\s+id\s*(?:is\s*)?(\d{4,10})", re.I)
# A course the student would take if it fits: "회계원리는 가능하면", "선형대수학도 되면", "optionally X".
_WISH = re.compile(r"(?P<names>[0-9A-Za-z가-힣,/\s]+?)\s*(?:은|는|도)\s*(?:가능하면|되면|여유\s*(?:가\s*)?있으면|넣을\s*수\s*있으면)")
_WISH_EN = re.compile(r"\b(?:optionally|if\s+possible(?:\s+also)?|nice\s+to\s+have:?)\s+(?P<names>[^.;]+)", re.I)
_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_MAX_DAYS = (
    re.compile(r"주\s*([1-6])\s*일|([1-6])\s*일만\s*(?:학교|등교|수업|가)"),
    re.compile(r"\b([1-6]|one|two|three|four|five|six)\s+days?\s+(?:a|per|each)\s+week\b"
               r"|\b(?:at\s+most|max(?:imum)?|only)\s+([1-6]|one|two|three|four|five|six)\s+days?\b", re.I),
)
_MAX_CREDITS = (
    re.compile(r"(?:최대\s*)?(\d{1,2}(?:\.5)?)\s*학점\s*(?:이하|까지|이내|미만|안\s*넘|넘지\s*않|넘지\s*않게|만)"
               r"|최대\s*(\d{1,2}(?:\.5)?)\s*학점"),
    re.compile(r"\b(?:at\s+most|max(?:imum)?|no\s+more\s+than|up\s+to|under)\s+(\d{1,2}(?:\.5)?)\s+credits?\b"
               r"|\b(\d{1,2}(?:\.5)?)\s+credits?\s+(?:max(?:imum)?|or\s+(?:less|fewer)|at\s+most)\b", re.I),
)
# A week's floor and spread, each as its ways of saying it: "12학점 이상" / "at least 12 credits" (a floor);
# "15~18학점" (a floor and a cap); "공강 2시간 넘지 않게" / "빈 시간 90분 이하" / "no gaps over 2 hours" (the
# longest idle stretch); "영어강의 위주" / "English-taught" (a preference).
_WAYS: dict[str, tuple[str, ...]] = {
    "min_credits": (r"(\d{1,2}(?:\.5)?)\s*학점\s*(?:이상|넘게|은\s*넘게)", r"최소\s*(\d{1,2}(?:\.5)?)\s*학점",
                    r"\b(?:at\s+least|min(?:imum)?)\s+(\d{1,2}(?:\.5)?)\s+credits?\b"),
    "range": (r"(\d{1,2})\s*(?:~|-|에서)\s*(\d{1,2})\s*학점", r"\b(\d{1,2})\s*(?:-|to)\s*(\d{1,2})\s+credits\b"),
    "max_gap": (r"(?:공강|빈\s*시간|쉬는\s*시간)\s*(?:이|은|는)?\s*(?:최대\s*)?(\d{1,3})\s*(시간|분)\s*"
                r"(?:이하|이내|까지|넘지|안\s*넘|미만)",
                r"\bno\s+gaps?\s+(?:over|longer\s+than|of\s+more\s+than)\s+(\d{1,3})\s*(hours?|h|minutes?|min)\b"),
    "english": (r"영어\s*강의\s*(?:로|위주|우선|면\s*좋|가\s*좋)", r"영강\s*(?:위주|우선|으로)",
                r"\b(?:English[-\s]taught|in\s+English)\b"),
}
_MIN_CREDITS, _CREDIT_RANGE, _MAX_GAP, _ENGLISH = (
    re.compile("|".join(_WAYS[name]), re.I) for name in ("min_credits", "range", "max_gap", "english"))
_PREFER = (
    ("fewest_days", re.compile(
        r"등교\s*(?:일수|날)?\s*(?:를|을)?\s*(?:적|줄|최소)|학교\s*(?:가는|나가는)\s*날\s*(?:을|이)?\s*(?:적|줄|최소)"
        r"|\b(?:fewest|fewer|less|minimi[sz]e)\s+(?:days|campus\s+days)\b", re.I)),
    ("fewest_gaps", re.compile(
        r"공강\s*(?:시간)?\s*(?:이|을)?\s*(?:없|적|짧|최소|줄)|빈\s*시간\s*(?:이|을)?\s*(?:없|적|최소|줄)|연강|몰아서|붙여서"
        r"|\b(?:no|few(?:er|est)?|minimi[sz]e|less)\s+(?:idle\s+time|gaps?|breaks?)\b"
        r"|\bback[-\s]to[-\s]back\b|\bcompact\b",
        re.I)),
    ("late_start", re.compile(
        r"늦게\s*시작|아침\s*(?:수업|일찍)?\s*(?:은|이)?\s*(?:없|싫|피|빼)|1교시\s*(?:는|은)?\s*(?:없|싫|피|빼)"
        r"|\b(?:start(?:s|ing)?\s+late|late\s+start|no\s+early\s+(?:classes|mornings?|starts?)|sleep\s+in)\b",
        re.I)),
    ("early_finish", re.compile(
        r"일찍\s*끝|빨리\s*끝|저녁\s*(?:수업)?\s*(?:은|이)?\s*(?:없|싫|피|빼)"
        r"|\b(?:finish(?:es|ing)?|end(?:s|ing)?|done)\s+early\b|\bearly\s+finish\b", re.I)),
)
_SECTION_AFTER = re.compile(
    r"(?P<word>[0-9A-Za-z가-힣]+)(?P<sep>\s*-\s*|\s+)(?P<number>\d{1,3})\s*(?P<suffix>분반|반)?(?![0-9])"
)


def asks_to_plan(text: str, previous_question: str | None = None) -> bool:
    """"시간표 짜줘 / 짜 줘 / 시간표 만들어 / make me a timetable / plan my schedule"; after such a request, also "다시
    짜줘" / "again"."""
    if PLAN.search(text):
        return True
    return bool(previous_question and _AGAIN.search(text) and PLAN.search(previous_question))


def plan_arguments(text: str, vocabulary: Vocabulary | None,
                   previous_question: str | Sequence[str] | None = None) -> dict[str, Any] | None:
    """`plan_timetable` arguments for a planning request (None for any other question); `courses` holds the
    courses it names, which may be fewer than two (the planner may add some from the conversation).
    `previous_question`: the student's earlier questions (oldest first; one string: the last). After a
    planning request, a revision ("운영체제 빼고 다시", "월요일도 비워줘") is that request's arguments changed."""
    earlier = [previous_question] if isinstance(previous_question, str) else list(previous_question or [])[-4:]
    last = earlier[-1] if earlier else None
    previous = plan_arguments(last, vocabulary, earlier[:-1]) if last else None
    if previous is not None and previous["courses"] and _REVISE.search(text):
        return _revised(text, previous, vocabulary or Vocabulary())
    if not asks_to_plan(text, last):
        return None
    return _fresh(text, vocabulary)


def _revised(text: str, previous: dict[str, Any], vocabulary: Vocabulary) -> dict[str, Any]:
    """The previous request with this turn's changes: courses named with "빼고 / 말고 / without" dropped, others
    added; days off and limits added to (or replacing) the previous ones."""
    change = _fresh(text, vocabulary)
    named = change.pop("courses")
    courses = list(previous["courses"])
    if _DROP.search(text):
        from agent.query import parse_question

        named += parse_question(text, vocabulary).excluded_names  # "운영체제 빼고": the parser's exclusion
        drop = {_course_key(n, vocabulary) for n in named}
        courses = [c for c in courses if _course_key(c, vocabulary) not in drop]
    else:
        courses += [n for n in named if _course_key(n, vocabulary) not in {_course_key(c, vocabulary) for c in courses}]
    merged = {**previous, **change, "courses": courses}
    days = [*previous.get("exclude_days", []), *change.get("exclude_days", [])]
    if days:
        merged["exclude_days"] = list(dict.fromkeys(days))
    return merged


def _optional(text: str, vocabulary: Vocabulary) -> list[str]:
    """The nice-to-have courses: "회계원리는 가능하면", "선형대수학도 되면 넣어줘", "optionally Linear Algebra"."""
    from agent.query import parse_question

    found: list[str] = []
    for match in [*_WISH.finditer(text), *_WISH_EN.finditer(text)]:
        clause = re.split(r"[,/]|\s(?:and|그리고)\s|(?<=[가-힣])고\s", match.group("names"))[-1 if match.re is _WISH else 0]
        found += _courses(clause, parse_question(clause, vocabulary), vocabulary)
    return list(dict.fromkeys(found))


def _course_key(item: str, vocabulary: Vocabulary) -> str:
    """One course however named: its catalog name when the parser links one, else the text itself."""
    from agent.query import parse_question

    names = parse_question(item, vocabulary).course_names if not COURSE_CODE.fullmatch(item) else []
    return names[0] if names else item.strip().upper()


def _fresh(text: str, vocabulary: Vocabulary | None) -> dict[str, Any]:
    """The arguments this text states on its own."""
    from agent.query import parse_question

    vocabulary = vocabulary or Vocabulary()
    limits, spans = _limits(text)
    rest = text
    for start, end in sorted(spans, reverse=True):  # words read as limits are not read again ("등교 일수")
        rest = rest[:start] + " " * (end - start) + rest[end:]
    parsed = parse_question(rest, vocabulary)
    args: dict[str, Any] = {"courses": _courses(rest, parsed, vocabulary)}
    wished = _optional(rest, vocabulary)
    if wished:
        args["courses"] = [c for c in args["courses"] if c not in wished]
        args["optional"] = wished
    filters = parsed.filters
    excluded = [*limits.pop("exclude_days", []), *filters.exclude_days,
                *(d for d in WEEKDAYS if filters.days and d not in filters.days)]
    if excluded:
        args["exclude_days"] = list(dict.fromkeys(excluded))
    for name in ("start_after", "start_before", "end_before"):
        if getattr(filters, name) is not None:
            args[name] = hhmm(getattr(filters, name))
    if filters.professors:
        args["professors"] = list(filters.professors)
    if parsed.student_departments:  # "컴퓨터학부인데 …": eligibility is judged for the student's department
        args["department"] = ", ".join(parsed.student_departments)
    if parsed.student_year:
        args["year"] = parsed.student_year
    parity = _STUDENT_ID.search(text)
    if parity:
        args["student_id"] = next(g for g in parity.groups() if g)
    return args | limits


def _courses(text: str, parsed: Any, vocabulary: Vocabulary) -> list[str]:
    """The courses the question names (codes first, in its order, then names, then words found inside course
    names, "운영체제" where the catalog has 운영체제입문, which the tool resolves as it resolves a name; then
    names that link to nothing, which the tool reports), each with the section written right after it."""
    codes = list(dict.fromkeys(m.group(1).upper() for m in COURSE_CODE.finditer(text)))
    items = [*codes, *parsed.course_names, *parsed.name_terms, *parsed.unknown_names]
    sections = _sections(text, vocabulary)
    return list(dict.fromkeys(_with_section(item, sections.get(item)) for item in items))


def _with_section(item: str, section: str | None) -> str:
    """How the tool takes a course with its section: "CSE2010-02" for a code, "자료구조 02분반" for a name."""
    if section is None:
        return item
    return f"{item}-{section}" if COURSE_CODE.fullmatch(item) else f"{item} {section}분반"


def _sections(text: str, vocabulary: Vocabulary) -> dict[str, str]:
    """Course (code or catalog name) -> the section number written right after it ("자구 02분반",
    "CSE2010-02")."""
    from agent.query import parse_question
    from agent.query.text import strip_particles

    found: dict[str, str] = {}
    for match in _SECTION_AFTER.finditer(text):
        word, number = match.group("word"), match.group("number")
        if not match.group("suffix") and "-" not in match.group("sep"):
            continue  # "자료구조 3 과목" names no section
        code = COURSE_CODE.fullmatch(word)
        if code:
            found[word.upper()] = number.zfill(2)
            continue
        for form in strip_particles(word):
            names = parse_question(form, vocabulary).course_names
            if names:
                found[names[0]] = number.zfill(2)
                break
    return found


def _floor_and_gap(text: str, limits: dict[str, Any], spans: list[tuple[int, int]]) -> None:
    """A credit floor or range ("12학점 이상", "15~18학점"), the longest gap allowed, English preferred."""
    span = _CREDIT_RANGE.search(text)
    if span:
        low, high = [int(g) for g in span.groups() if g]
        limits["min_credits"], limits["max_credits"] = float(min(low, high)), float(max(low, high))
        spans.append(span.span())
    floor = _MIN_CREDITS.search(text)
    if floor and not span:
        limits["min_credits"] = float(next(g for g in floor.groups() if g))
        spans.append(floor.span())
    gap = _MAX_GAP.search(text)
    if gap:
        number, unit = [g for g in gap.groups() if g]
        limits["max_gap"] = int(number) * (60 if unit.lower().startswith(("시", "h")) else 1)
        spans.append(gap.span())
    english = _ENGLISH.search(text)
    if english:
        limits["english"] = True
        spans.append(english.span())


def _limits(text: str) -> tuple[dict[str, Any], list[tuple[int, int]]]:
    """Days a week, a credit cap and the ranking the question asks for, when it does; and the spans read."""
    limits: dict[str, Any] = {}
    spans: list[tuple[int, int]] = []
    off = [*_DAY_OFF.finditer(text), *_DAY_OFF_EN.finditer(text)]
    if off:
        limits["exclude_days"] = [_EN_DAY.get(m.group(1).lower(), m.group(1)) for m in off]
        spans += [m.span() for m in off]
    days = next((m for pattern in _MAX_DAYS if (m := pattern.search(text))), None)
    if days:
        value = next(g for g in days.groups() if g)
        limits["max_days"] = _NUMBER.get(value.lower()) or int(value)
        spans.append(days.span())
    credits = next((m for pattern in _MAX_CREDITS if (m := pattern.search(text))), None)
    if credits:
        limits["max_credits"] = float(next(g for g in credits.groups() if g))
        spans.append(credits.span())
    _floor_and_gap(text, limits, spans)
    rest = text
    for start, end in spans:  # "no gaps over 2 hours" is a limit, not "fewest gaps"
        rest = rest[:start] + " " * (end - start) + rest[end:]
    for name, pattern in _PREFER:
        match = pattern.search(rest)
        if match:
            limits["prefer"] = name
            spans.append(match.span())
            break
    return limits, spans
