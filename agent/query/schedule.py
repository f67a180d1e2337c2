"""Days and times in a student's question -> the schedule fields of `SearchFilters`.

Rules (stated once, tested in tests/retrieval/test_parser_schedule.py):
- Days: "월요일", runs of day letters as a word ("월수", "화목금", "월,수", "월/수"), "주말" (only Sat/Sun:
  every weekday excluded), "평일" (Sat/Sun excluded). A day followed by 공강/빼고/제외/말고/없는/안 되는 is
  excluded instead ("금공강", "금요일 공강", "금요일엔 수업 없는", "금요일에 안 겹치는"). A lone "수" is never a day ("들을 수 있는").
- Hours without 오전/오후: 1-7 mean afternoon/evening (13:00-19:00), 8-12 are as written (08:00-12:00),
  13-23 are 24-hour times. 오전/아침 keep the hour; 오후/저녁/밤 add 12.
- A point in time means a class starting then: "1시" -> starts 13:00-13:59; "10시 반" -> 10:30-10:59;
  "13:30" -> 13:30-13:44. "3시 이후/부터" -> starts at or after 15:00; "10시 전에" -> starts before 10:00;
  "12시 전에 끝나는"/"12시까지" -> ends by 12:00; "1시~3시"/"1시부터 3시까지" -> starts >= 13:00, ends <= 15:00.
- Parts of the day: 오전 -> starts by 11:59; 오후 -> starts 12:00 or later; 아침 -> starts by 09:59;
  저녁/야간/밤 -> starts 18:00 or later; "오전에 끝나는" -> ends by 12:00.
- The same in English (Monday, Mon/Wed, morning, 3pm, "no classes on Friday"): `schedule_en.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from agent.catalog.models import DAYS, hhmm
from agent.query.patterns import DAY_RUN as _DAY_RUN
from agent.query.patterns import DAY_WORD as _DAY_WORD
from agent.query.patterns import NOT_DAY_RUNS as _NOT_DAY_RUNS

WEEKDAYS = ["월", "화", "수", "목", "금"]
WEEKEND = ["토", "일"]

_HANGUL_NUMBERS = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
    "열한": 11, "열두": 12,
}
_NUM = r"(?:\d{1,2}|열한|열두|다섯|여섯|일곱|여덟|아홉|한|두|세|네|열)"
_MERIDIEM = r"(?:(오전|오후|아침|저녁|밤)\s*)?"
# "N시" not followed by letters that make it another word (시간, 시험, 시스템, 시작 is fine: "3시 시작").
_HOUR_TIME = re.compile(
    _MERIDIEM + r"(?<![0-9:가-힣])(" + _NUM + r")\s*시(?![간험스청즌리설행장각작])(?:\s*(반|(\d{1,2})\s*분))?"
)
_CLOCK_TIME = re.compile(_MERIDIEM + r"(?<![0-9:])([01]?\d|2[0-3]):([0-5]\d)(?![0-9])")
_AFTER = re.compile(r"^\s*(?:에|쯤|경)?\s*(?:이후|부터|넘어서|넘어|넘은|넘는|지나서|지난|이상|후|以後)")
_BEFORE = re.compile(r"^\s*(?:에|쯤|경)?\s*(?:이전|전에|전|까지|안에|이내|以前)")
_UNTIL = re.compile(r"^\s*(?:에|쯤)?\s*까지")
_END_WORD = re.compile(r"^[^.?!,]{0,12}?(?:끝나|끝내|마치|끝남|끝)")
_RANGE_SEP = re.compile(r"^\s*(?:~|-|–|부터|에서)\s*$")

_SEP = r"(?:\s*[,/·]\s*|\s+)"
_DAY_LIST = re.compile(
    r"(?<![가-힣])([월화수목금토])" + _SEP + r"([월화수목금토])(?:" + _SEP + r"([월화수목금토]))?(?![가-힣])"
)
_DAY_SINGLE = re.compile(r"(?<![가-힣])([월화목금토])(?=\s*(?:\d|공강|오전|오후|저녁|아침))")
_DAY_OFF = re.compile(r"(?<![가-힣])([월화수목금토]{1,3})\s*공강")
_EXCLUDE_AFTER = re.compile(
    r"^\s*(?:은|는|엔|에는|에|만|이랑|하고)?\s*(?:수업\s*(?:이|은|는)?\s*)?"
    r"(?:공강|빼고|뺀|제외|말고|없|안\s*(?:되|돼|하|들|나오|가|겹치|겹쳐|걸리|걸려)|겹치지\s*않|걸리지\s*않|피해|피하|비워|비우|쉬)"
)
_ONLY_AFTER = re.compile(r"^\s*(?:에만|만|에\s*만|뿐)")
_PARTS_OF_DAY = re.compile(r"(오전|오후|아침|저녁|야간|밤)")


@dataclass
class ScheduleParse:
    days: list[str] = field(default_factory=list)
    exclude_days: list[str] = field(default_factory=list)
    start_after: int | None = None
    start_before: int | None = None
    end_before: int | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _hour_value(token: str) -> int:
    return int(token) if token.isdigit() else _HANGUL_NUMBERS[token]


def resolve_hour(hour: int, meridiem: str | None) -> int:
    """Apply the stated rule: bare 1-7 are afternoon, 8-12 as written; 오후/저녁/밤 add 12."""
    if meridiem in ("오후", "저녁", "밤"):
        return hour + 12 if hour < 12 else hour
    if meridiem in ("오전", "아침"):
        return hour
    if 1 <= hour <= 7:
        return hour + 12
    return hour


def _sorted_days(days: list[str]) -> list[str]:
    return sorted(set(days), key=DAYS.index)


def _parse_days(text: str, out: ScheduleParse) -> None:
    include: list[str] = []
    exclude: list[str] = []

    only: list[str] = []

    def add(day_chars: str, start: int, end: int) -> None:
        tail = text[end : end + 16]
        if _EXCLUDE_AFTER.match(tail):
            exclude.extend(day_chars)
        else:
            include.extend(day_chars)
            if _ONLY_AFTER.match(tail):
                only.extend(day_chars)  # "금요일에만": no other day
        out.spans.append((start, end))

    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for match in _DAY_OFF.finditer(text):
        if match.group(1) in _NOT_DAY_RUNS:
            continue
        exclude.extend(match.group(1))
        out.spans.append((match.start(), match.end()))
        taken.append((match.start(), match.end()))
    for match in _DAY_WORD.finditer(text):
        if free(match.start(), match.end()):
            add(match.group(1), match.start(), match.end())
            taken.append((match.start(), match.end()))
    for match in _DAY_LIST.finditer(text):
        if free(match.start(), match.end()):
            add("".join(g for g in match.groups() if g), match.start(), match.end())
            taken.append((match.start(), match.end()))
    for match in _DAY_RUN.finditer(text):
        run = match.group(1)
        if run in _NOT_DAY_RUNS or len(set(run)) != len(run) or not free(match.start(), match.end()):
            continue
        add(run, match.start(), match.end())
        taken.append((match.start(), match.end()))
    for match in _DAY_SINGLE.finditer(text):
        if free(match.start(), match.end()):
            add(match.group(1), match.start(), match.end())
            taken.append((match.start(), match.end()))

    if re.search(r"주말\s*(?:은|엔|에는)?\s*(?:빼고|제외|말고|없|안)", text):
        exclude.extend(WEEKEND)
        out.notes.append("주말 제외")
    elif "주말" in text:
        exclude.extend(WEEKDAYS)
        out.notes.append("주말 수업만 (평일 제외)")
    if "평일" in text:
        exclude.extend(WEEKEND)
        out.notes.append("평일 수업만")
    for match in re.finditer(r"주말|평일", text):
        out.spans.append((match.start(), match.end()))

    if only:
        exclude.extend(d for d in DAYS if d not in only and d not in include)
        out.notes.append("·".join(_sorted_days(only)) + "에만 수업")
    out.days = _sorted_days([d for d in include if d not in exclude])
    out.exclude_days = _sorted_days(exclude)
    if out.days:
        out.notes.append("요일: " + "·".join(out.days))
    if out.exclude_days and not ("주말" in text or "평일" in text or only):
        out.notes.append("제외 요일: " + "·".join(out.exclude_days))


@dataclass
class _Point:
    minutes: int
    width: int
    start: int
    end: int


def _find_points(text: str) -> list[_Point]:
    points: list[_Point] = []
    for match in _HOUR_TIME.finditer(text):
        hour = resolve_hour(_hour_value(match.group(2)), match.group(1))
        minutes, width = hour * 60, 59
        if match.group(3) == "반":
            minutes, width = minutes + 30, 29
        elif match.group(4):
            minutes, width = minutes + int(match.group(4)), 14
        points.append(_Point(minutes, width, match.start(), match.end()))
    for match in _CLOCK_TIME.finditer(text):
        hour = int(match.group(2))
        hour = resolve_hour(hour, match.group(1)) if hour <= 12 else hour
        points.append(_Point(hour * 60 + int(match.group(3)), 14, match.start(), match.end()))
    points.sort(key=lambda p: (p.start, -p.end))
    kept: list[_Point] = []
    for point in points:
        if not kept or point.start >= kept[-1].end:
            kept.append(point)
    return kept


def _parse_times(text: str, out: ScheduleParse) -> None:
    points = _find_points(text)
    used_parts: set[int] = set()
    index = 0
    while index < len(points):
        point = points[index]
        tail = text[point.end :]
        out.spans.append((point.start, point.end))
        used_parts.update(range(point.start, point.end))
        nxt = points[index + 1] if index + 1 < len(points) else None
        if nxt is not None and _RANGE_SEP.match(text[point.end : nxt.start]):
            out.start_after = point.minutes
            out.end_before = nxt.minutes
            out.spans.append((point.end, nxt.end))
            out.notes.append(f"시간: {hhmm(point.minutes)}~{hhmm(nxt.minutes)} 사이")
            index += 2
            continue
        after = _AFTER.match(tail)
        before = _BEFORE.match(tail)
        if after:
            out.start_after = point.minutes
            out.spans.append((point.end, point.end + after.end()))
            out.notes.append(f"시간: {hhmm(point.minutes)} 이후 시작")
        elif before:
            rest = tail[before.end() :]
            ends = _END_WORD.match(rest) is not None or _UNTIL.match(tail) is not None
            out.spans.append((point.end, point.end + before.end()))
            if ends:
                out.end_before = point.minutes
                out.notes.append(f"시간: {hhmm(point.minutes)} 전에 끝남")
            else:
                out.start_before = point.minutes - 1
                out.notes.append(f"시간: {hhmm(point.minutes)} 전에 시작")
        elif _END_WORD.match(tail) and re.match(r"^\s*(?:에|쯤)?\s*(?:끝|마치)", tail):
            out.end_before = point.minutes + point.width
            out.notes.append(f"시간: {hhmm(point.minutes)}쯤 끝남")
        else:
            out.start_after = point.minutes
            out.start_before = point.minutes + point.width
            out.notes.append(f"시간: {hhmm(point.minutes)} 시작")
        index += 1

    for match in _PARTS_OF_DAY.finditer(text):
        if match.start() in used_parts:
            continue
        word = match.group(1)
        tail = text[match.end() : match.end() + 12]
        out.spans.append((match.start(), match.end()))
        if word == "오전":
            if re.match(r"^\s*(?:중에|안에|에|중)?\s*(?:끝|마치)", tail):
                out.end_before = 720
                out.notes.append("시간: 오전 중에 끝남 (12:00까지)")
            else:
                out.start_before = 719 if out.start_before is None else min(out.start_before, 719)
                out.notes.append("시간: 오전 (12:00 전 시작)")
        elif word == "오후":
            out.start_after = max(out.start_after or 0, 720)
            out.notes.append("시간: 오후 (12:00 이후 시작)")
        elif word == "아침":
            out.start_before = 599 if out.start_before is None else min(out.start_before, 599)
            out.notes.append("시간: 아침 (10:00 전 시작)")
        else:
            out.start_after = max(out.start_after or 0, 1080)
            out.notes.append("시간: 저녁/야간 (18:00 이후 시작)")


def parse_schedule(text: str) -> ScheduleParse:
    """Days and times in `text` (see the module docstring for the rules)."""
    out = ScheduleParse()
    _parse_days(text, out)
    _parse_times(text, out)
    if re.search(r"[A-Za-z]", text):
        from agent.query.schedule_en import parse_english_schedule

        parse_english_schedule(text, out)  # "Mon/Wed afternoon", "no classes on Friday", "after 3pm"
    return out
