"""Korean times: "1시", "10시 반", "13:30", "3시 이후", "10시 전에", "12시 전에 끝나는", "끝나는 시간이 6시 전",
"1시~3시", and parts of the day (오전, 오후, 아침, 저녁/야간/밤), also ruled out ("오전 빼고", "저녁 수업 말고")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.catalog.models import hhmm
from agent.query.negation import NEGATION_WORDS
from agent.query.schedule.model import PART_STARTS, ScheduleParse, apply_part_of_day, resolve_hour

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
# The end named before the time: "끝나는 시간이 12시 전", "마치는 게 6시 전".
_END_BEFORE_POINT = re.compile(r"(?:끝나|끝내|마치)\S{0,2}\s*(?:시간|시각|게|건|거)?\s*(?:이|은|는|가)?\s*$")
_RANGE_SEP = re.compile(r"^\s*(?:~|-|부터|에서)\s*$")
_PARTS_OF_DAY = re.compile(r"(오전|오후|아침|저녁|야간|밤)")
_RULED_OUT = re.compile(
    r"^\s*(?:에|엔|에는|은|는)?\s*(?:수업|강의|시간)?\s*(?:은|는|이|가)?\s*(?:빼고|뺀|제외|말고|없는|없이|아닌|피해|피하|싫|"
    + NEGATION_WORDS + ")"  # the words that rule out any linked thing (`agent.query.negation`)
)


@dataclass
class _Point:
    minutes: int
    width: int
    start: int
    end: int


def _hour_value(token: str) -> int:
    return int(token) if token.isdigit() else _HANGUL_NUMBERS[token]


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


def parse_times(text: str, out: ScheduleParse) -> None:
    points = _find_points(text)
    used: set[int] = set()
    index = 0
    while index < len(points):
        point = points[index]
        out.spans.append((point.start, point.end))
        used.update(range(point.start, point.end))
        nxt = points[index + 1] if index + 1 < len(points) else None
        if nxt is not None and _RANGE_SEP.match(text[point.end : nxt.start]):
            out.start_after, out.end_before = point.minutes, nxt.minutes
            out.spans.append((point.end, nxt.end))
            out.notes.append(f"시간: {hhmm(point.minutes)}~{hhmm(nxt.minutes)} 사이")
            index += 2
            continue
        _one_point(text, point, out)
        index += 1
    _parts_of_day(text, used, out)


def _one_point(text: str, point: _Point, out: ScheduleParse) -> None:
    """A single time: a start bound, an end bound, or a start within that hour."""
    tail = text[point.end :]
    after, before = _AFTER.match(tail), _BEFORE.match(tail)
    end_named_before = _END_BEFORE_POINT.search(text[max(0, point.start - 14) : point.start]) is not None
    if after and (end_named_before or _END_WORD.match(tail[after.end() :])):
        out.end_after = point.minutes  # "10시 넘어서 끝나는 반": a class that runs late
        out.spans.append((point.end, point.end + after.end()))
        out.notes.append(f"시간: {hhmm(point.minutes)} 이후에 끝남")
    elif after:
        out.start_after = point.minutes
        out.spans.append((point.end, point.end + after.end()))
        out.notes.append(f"시간: {hhmm(point.minutes)} 이후 시작")
    elif before:
        ends = end_named_before or _END_WORD.match(tail[before.end() :]) is not None or _UNTIL.match(tail) is not None
        out.spans.append((point.end, point.end + before.end()))
        if ends:
            out.end_before = point.minutes
            out.notes.append(f"시간: {hhmm(point.minutes)} 전에 끝남")
        else:
            out.start_before = point.minutes - 1
            out.notes.append(f"시간: {hhmm(point.minutes)} 전에 시작")
    elif end_named_before or (_END_WORD.match(tail) and re.match(r"^\s*(?:에|쯤)?\s*(?:끝|마치)", tail)):
        out.end_before = point.minutes + point.width
        out.notes.append(f"시간: {hhmm(point.minutes)}쯤 끝남")
    else:
        out.start_after, out.start_before = point.minutes, point.minutes + point.width
        out.notes.append(f"시간: {hhmm(point.minutes)} 시작")


def _parts_of_day(text: str, used: set[int], out: ScheduleParse) -> None:
    for match in _PARTS_OF_DAY.finditer(text):
        if match.start() in used:
            continue
        word = match.group(1)
        tail = text[match.end() : match.end() + 12]
        out.spans.append((match.start(), match.end()))
        if contradicts_clock(word, out):
            # "12시 전에 끝나는 수업, 오후엔 알바라서": a part of the day that no class meeting the explicit time
            # could meet is the student's context, not a second condition.
            out.notes.append(f"시간: '{word}'{'는' if word == '오후' else '은'} 조건으로 읽지 않았어요 (명시한 시간과 맞지 않음)")
        elif ruled_out := _RULED_OUT.match(tail):
            out.spans.append((match.end(), match.end() + ruled_out.end()))  # read, not searched for
            rule_out_part_of_day(word, out)
        elif word == "오전" and re.match(r"^\s*(?:중에|안에|에|중)?\s*(?:끝|마치)", tail):
            out.end_before = 720
            out.notes.append("시간: 오전 중에 끝남 (12:00까지)")
        else:
            apply_part_of_day(word, out)


def contradicts_clock(word: str, out: ScheduleParse) -> bool:
    if word in ("오후", "저녁", "야간", "밤"):
        starts = PART_STARTS[word]
        return out.end_before is not None and out.end_before <= starts
    if word in ("오전", "아침"):
        return out.start_after is not None and out.start_after >= (720 if word == "오전" else 600)
    return False


def rule_out_part_of_day(word: str, out: ScheduleParse) -> None:
    """"오전 빼고" = starts at noon or later; "오후 말고" = starts before noon; "아침 빼고" = starts at 10:00 or
    later; "저녁 수업 말고" = starts before 17:00, "야간 말고" before 18:00."""
    if word in ("오전", "아침"):
        bound = 720 if word == "오전" else 600
        out.start_after = max(out.start_after or 0, bound)
        out.notes.append(f"시간: {word} 제외 ({hhmm(bound)} 이후 시작)")
    else:
        bound = PART_STARTS[word] - 1
        out.start_before = bound if out.start_before is None else min(out.start_before, bound)
        out.notes.append(f"시간: {word} 제외 ({hhmm(bound + 1)} 전 시작)")
