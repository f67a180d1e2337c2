"""Days and times written in English, for questions asked in English or mixed ("Mon/Wed afternoon", "자구 on
Friday", "no classes on Friday", "after 3pm"). Same fields and meanings as the Korean rules in `days.py` and `times.py`:

- Days: full names (Monday ... Sunday, also plural) and the usual abbreviations (Mon, Tue/Tues, Wed,
  Thu/Thur/Thurs, Fri; Sat and Sun only written out, as they are ordinary words too), and timetable codes in
  upper case ("MW", "MWF", "TTh", "TR"). A day after "no class(es)
  on", "not on", "except", "without", "free (on)", or before "off"/"free" ("Fridays off") is excluded.
- Weekends and weekdays: "weekend classes" -> Saturday/Sunday only; "weekdays", "no weekend classes" -> not
  on Saturday/Sunday (as 주말/평일).
- Parts of the day: morning -> starts by 11:59; afternoon -> starts 12:00 or later; evening -> 17:00 or later
  (as 저녁); night -> 18:00 or later; ruled out ("no morning classes", "not in the evening", "mornings off")
  the other way round (as "오전 빼고").
- Clock times with am/pm ("3pm", "10:30 am"): "after/from 3pm" -> starts at or after 15:00; "before 10am" ->
  starts before 10:00; "ends before 5pm", "finish by 12pm" -> ends by then; "ends after 6pm" -> ends then or
  later; "between 10am and 2pm", "from 10am to 2pm" -> starts at 10:00 or later and ends by 14:00; "at 9am" or
  a bare time -> starts within that hour.
"""

from __future__ import annotations

import re

from agent.catalog.models import DAYS, hhmm
from agent.query.schedule.model import (
    WEEKDAYS,
    WEEKEND,
    ScheduleParse,
    apply_part_of_day,
    only_days_allowed,
    resolve_hour,
    sorted_days,
)
from agent.query.schedule.times import contradicts_clock, rule_out_part_of_day

DAY_NAMES = {
    "monday": "월", "mon": "월", "tuesday": "화", "tue": "화", "tues": "화", "wednesday": "수", "wed": "수",
    "thursday": "목", "thu": "목", "thur": "목", "thurs": "목", "friday": "금", "fri": "금",
    "saturday": "토", "sunday": "일",
}
_DAY = re.compile(r"(?<![a-z])(" + "|".join(sorted(DAY_NAMES, key=len, reverse=True)) + r")s?(?![a-z])", re.I)
_EXCLUDED_BEFORE = re.compile(
    r"(?:no\s+(?:class(?:es)?|lectures?|courses?)\s+(?:on\s+)?|not\s+on\s+|except(?:\s+on)?\s+|without\s+|"
    r"free\s+(?:on\s+)?|off\s+on\s+|avoid(?:ing)?\s+|other\s+than\s+|excluding\s+|no\s+|nothing\s+on\s+|"
    r"busy\s+(?:on\s+)?|skip(?:ping)?\s+|"
    # "I can't do Fridays", "cannot make it on Mondays", "can't come in on Fri"
    r"(?:can'?t|cannot|can\s+not|won'?t\s+be\s+able\s+to)\s+(?:do|make(?:\s+it)?|take|attend|go|come(?:\s+in)?)"
    r"(?:\s+(?:to\s+)?(?:any\s+)?class(?:es)?)?\s+(?:on\s+)?|"
    # "doesn't meet on", "do not have class on", "isn't on", "never on"
    r"(?:doesn'?t|does\s+not|don'?t|do\s+not|isn'?t|is\s+not|aren'?t|are\s+not|never|not)\s+"
    r"(?:(?:meet|meets|run|runs|have|has|hold)\s+(?:(?:any\s+)?class(?:es)?\s+)?)?(?:on\s+)?)"
    r"(?:(?:[a-z]+)\s*(?:,|/|and|or)\s*)*$",
    re.I,
)
# "only on Tue/Thu", "Tue/Thu only": no other day.
_ONLY_BEFORE = re.compile(r"only\s+(?:on\s+)?(?:(?:[a-z]+)\s*(?:,|/|and|&)\s*)*$", re.I)
_ONLY_AFTER = re.compile(r"^(?:\s*(?:,|/|and|&)\s*[a-z]+)*\s+only\b", re.I)
_EXCLUDED_AFTER = re.compile(
    r"^\s*(?:(?:are|is)\s+)?(?:off|free|out|no\s+good|bad\s+for\s+me)(?![a-z])"
    r"|^\s*(?:don'?t|doesn'?t|won'?t)\s+work(?![a-z])", re.I)
_PARTS_KO = {"morning": "오전", "afternoon": "오후", "evening": "저녁", "night": "밤"}
_PARTS = re.compile(r"(?<![a-z])(morning|afternoon|evening|night)s?(?![a-z])", re.I)
_CLOCK = re.compile(r"(?<![0-9:])(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([ap])\.?\s*m\.?(?![a-z])", re.I)
_AFTER_WORD = re.compile(r"(?:after|from|starting\s+at|later\s+than)\s*$", re.I)
# "ends before 5pm", "finish by noon", "gets out before 3": the end of the class, not its start.
_END_BEFORE = re.compile(
    r"(?:end|ends|ending|finish|finishes|finishing|finished|over|done|out)\s+(?:by|before|until|till|no\s+later\s+than)\s*$",
    re.I)
_END_AFTER = re.compile(r"(?:end|ends|ending|finish|finishes|finishing|out)\s+(?:after|later\s+than|past)\s*$", re.I)
_BEFORE_WORD = re.compile(r"(?:before|earlier\s+than)\s*$", re.I)
_BY_WORD = re.compile(r"(?:by|until|till)\s*$", re.I)
_ENDS = re.compile(r"(?:finish|end|over|done)", re.I)
# A bare hour after a time word, or before "or later/earlier" ("start at 12 or later", "after 6", "before 10"),
# read with the Korean rule for hours without 오전/오후 (1-7 are afternoon, 8-12 as written).
_BARE_HOUR = re.compile(
    r"(?:(?P<word>after|from|before|by|until|till|at|around)\s+)?(?<![0-9:])(?P<hour>1[0-2]|0?[1-9])"
    r"(?::(?P<minute>[0-5]\d))?(?!\s*(?:[ap]\.?\s*m\b|[0-9:]|\s*(?:credits?|sections?|students?|st|nd|rd|th|시|학점)))"
    r"(?P<tail>\s+or\s+(?:later|after|earlier|before)|\s*o'?clock)?",
    re.I,
)


def parse_english_schedule(text: str, out: ScheduleParse) -> None:
    """Add what `text` says in English about days and times to `out` (which may hold Korean findings)."""
    _days(text, out)
    _weekends(text, out)
    _between(text, out)
    _times(text, out)
    _bare_hours(text, out)


_EITHER = re.compile(r"\bor\s+$|^\s+or\b", re.I)
_WEEK_PART = re.compile(r"(?<![a-z])(week\s?ends?|week\s?days?)(?![a-z])", re.I)
# A word before a day, part of the day or weekend that rules it out ("no", "not on", "except", "avoid" ...).
_RULED_OUT_BEFORE = re.compile(
    r"(?:\bno|\bnot(?:\s+(?:on|in|during))?(?:\s+the)?|\bexcept(?:\s+(?:on|in))?(?:\s+the)?|\bwithout|\bavoid(?:ing)?"
    r"|\bother\s+than|\bexcluding|\bnothing\s+(?:on|in)(?:\s+the)?|\bhate|\bcan'?t\s+do|\bno\s+class(?:es)?\s+(?:on|in)(?:\s+the)?)"
    r"\s*$", re.I)
_RULED_OUT_AFTER = re.compile(r"^\s*(?:class(?:es)?\s+)?(?:off|free|are\s+out|is\s+out|no\s+good)(?![a-z])", re.I)


def _ruled_out(text: str, start: int, end: int) -> bool:
    return bool(_RULED_OUT_BEFORE.search(text[max(0, start - 30) : start]) or _RULED_OUT_AFTER.match(text[end : end + 20]))


def _weekends(text: str, out: ScheduleParse) -> None:
    """"weekend classes": Saturday/Sunday only; "weekdays", "no weekend classes": not on them (days named stay)."""
    for match in _WEEK_PART.finditer(text):
        if _EITHER.search(text[max(0, match.start() - 8) : match.start()]) or _EITHER.match(text[match.end() :]):
            out.spans.append(match.span())  # "evening or weekend is fine": one of two, no condition of its own
            continue
        weekend = match.group(1).lower().replace(" ", "").startswith("weekend")
        # weekend classes: weekdays out; weekdays, or weekends ruled out: weekends out
        kept_out = WEEKDAYS if weekend and not _ruled_out(text, *match.span()) else WEEKEND
        out.exclude_days = sorted_days([*out.exclude_days, *(d for d in kept_out if d not in out.days)])
        out.spans.append(match.span())
        out.notes.append("평일 수업만" if kept_out == WEEKEND else "주말 수업만 (평일 제외)")


_BETWEEN = re.compile(
    r"(?:between|from)\s+(?P<a>1[0-2]|0?[1-9])(?::(?P<am>[0-5]\d))?\s*(?P<ap>[ap])?\.?\s*(?:m\.?)?\s*(?:and|to|-|~|until|till)\s+"
    r"(?P<b>1[0-2]|0?[1-9])(?::(?P<bm>[0-5]\d))?\s*(?P<bp>[ap])?\.?\s*(?:m\.?)?(?![a-z0-9])", re.I)


def _between(text: str, out: ScheduleParse) -> None:
    """"between 10am and 2pm", "from 10 to 2": starts at the first time or later and ends by the second."""
    for match in _BETWEEN.finditer(text):
        first = _clock(int(match.group("a")), match.group("am"), match.group("ap") or match.group("bp"))
        last = _clock(int(match.group("b")), match.group("bm"), match.group("bp"))
        if last <= first:
            continue
        out.start_after, out.end_before = first, last
        out.spans.append(match.span())
        out.notes.append(f"시간: {hhmm(first)} 이후 시작, {hhmm(last)}까지 끝남")


def _clock(hour: int, minute: str | None, meridiem: str | None) -> int:
    """An hour with am/pm as written, or without it by the Korean rule (1-7 are afternoon)."""
    if meridiem:
        hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
    else:
        hour = resolve_hour(hour, None)
    return hour * 60 + int(minute or 0)


# US timetable codes, upper case as registrars write them: "MW", "MWF", "TTh", "TuTh", "TR" (R is Thursday).
_COMPACT = re.compile(r"(?<![A-Za-z])((?:M|Tu|Th|T|W|R|F){2,3})(?![A-Za-z])")
_COMPACT_DAY = re.compile(r"Tu|Th|M|T|W|R|F")
_COMPACT_KO = {"M": "월", "Tu": "화", "T": "화", "W": "수", "Th": "목", "R": "목", "F": "금"}


def _compact_days(code: str) -> list[str]:
    """The days of a timetable code, or none when it is not one (out of order, repeated, or "MT")."""
    days = [_COMPACT_KO[part] for part in _COMPACT_DAY.findall(code)]
    ordered = all(DAYS.index(a) < DAYS.index(b) for a, b in zip(days, days[1:]))
    return days if len(days) >= 2 and ordered and code != "MT" else []


def _day_mentions(text: str) -> list[tuple[int, int, list[str]]]:
    found = [(m.start(), m.end(), [DAY_NAMES[m.group(1).lower()]]) for m in _DAY.finditer(text)]
    found += [(m.start(), m.end(), days) for m in _COMPACT.finditer(text) if (days := _compact_days(m.group(1)))]
    return sorted(found)


def _days(text: str, out: ScheduleParse) -> None:
    include: list[str] = []
    exclude: list[str] = []
    only = False
    for start, end, days in _day_mentions(text):
        before = text[max(0, start - 40) : start]
        after = text[end : end + 30]
        (exclude if _EXCLUDED_BEFORE.search(before) or _EXCLUDED_AFTER.match(after) else include).extend(days)
        only = only or bool(_ONLY_BEFORE.search(before) or _ONLY_AFTER.match(after))
        out.spans.append((start, end))
    if not (include or exclude):
        return
    if only and include:
        exclude += [d for d in DAY_NAMES.values() if d not in include]
        out.notes.append("·".join(sorted_days(list(dict.fromkeys(include)))) + "에만 수업")
    out.exclude_days = sorted_days(list(dict.fromkeys([*out.exclude_days, *exclude])))
    out.days = only_days_allowed(
        sorted_days([d for d in dict.fromkeys([*out.days, *include]) if d not in out.exclude_days]), only and bool(include))
    if include:
        out.notes.append("요일: " + "·".join(sorted_days(list(dict.fromkeys(include)))))
    if exclude:
        out.notes.append("제외 요일: " + "·".join(sorted_days(list(dict.fromkeys(exclude)))))


def _bare_hours(text: str, out: ScheduleParse) -> None:
    taken = list(out.spans)
    for match in _BARE_HOUR.finditer(text):
        word, tail = (match.group("word") or "").lower(), (match.group("tail") or "").lower()
        if not (word or tail) or any(not (match.end() <= s or match.start() >= e) for s, e in taken):
            continue
        minutes = resolve_hour(int(match.group("hour")), None) * 60 + int(match.group("minute") or 0)
        out.spans.append(match.span())
        lead = text[max(0, match.start() - 24) : match.start() + len(match.group("word") or "")]
        if word in ("before", "by", "until", "till") and _END_BEFORE.search(lead):  # "ends before 5"
            out.end_before = minutes
            out.notes.append(f"시간: {hhmm(minutes)}까지 끝남")
        elif "later" in tail or "after" in tail or word in ("after", "from"):
            out.start_after = minutes
            out.notes.append(f"시간: {hhmm(minutes)} 이후 시작")
        elif word in ("by", "until", "till") and _ENDS.search(text):
            out.end_before = minutes
            out.notes.append(f"시간: {hhmm(minutes)} 전에 끝남")
        elif "earlier" in tail or "before" in tail or word in ("before", "by", "until", "till"):
            out.start_before = minutes - 1
            out.notes.append(f"시간: {hhmm(minutes)} 전에 시작")
        else:
            out.start_after, out.start_before = minutes, minutes + 59
            out.notes.append(f"시간: {hhmm(minutes)} 시작")


_LATER_AFTER = re.compile(r"^\s*(?:or|and)\s+(?:later|after)\b", re.I)
_EARLIER_AFTER = re.compile(r"^\s*(?:or|and)\s+(?:earlier|before)\b", re.I)


_NOON = re.compile(r"(?<![a-z])(?:12\s*)?(?:noon|midday)(?![a-z])", re.I)


def _clock_times(text: str) -> list[tuple[int, int, int, bool]]:
    """(start, end, minutes, exact) of each clock time: "3pm", "10:30 am", "noon"; exact when it gives minutes."""
    found = [(m.start(), m.end(), _clock(int(m.group(1)), m.group(2), m.group(3)), bool(m.group(2)))
             for m in _CLOCK.finditer(text)]
    return sorted(found + [(m.start(), m.end(), 720, False) for m in _NOON.finditer(text)])


def _times(text: str, out: ScheduleParse) -> None:
    for start, end, minutes, exact in _clock_times(text):
        before = text[max(0, start - 24) : start]
        after = text[end : end + 16]
        if any(s <= start < e for s, e in out.spans):
            continue  # read already ("between 10am and 2pm")
        out.spans.append((start, end))
        if _END_BEFORE.search(before):
            out.end_before = minutes
            out.notes.append(f"시간: {hhmm(minutes)}까지 끝남")
        elif _END_AFTER.search(before):
            out.end_after = minutes
            out.notes.append(f"시간: {hhmm(minutes)} 이후에 끝남")
        elif _LATER_AFTER.match(after) or _AFTER_WORD.search(before):  # "at 3pm or later"
            out.start_after = minutes
            out.notes.append(f"시간: {hhmm(minutes)} 이후 시작")
        elif _BY_WORD.search(before) and _ENDS.search(text):
            out.end_before = minutes
            out.notes.append(f"시간: {hhmm(minutes)} 전에 끝남")
        elif _EARLIER_AFTER.match(after):  # "at 9am or earlier": starts by then
            out.start_before = minutes
            out.notes.append(f"시간: {hhmm(minutes)}까지 시작")
        elif _BEFORE_WORD.search(before) or _BY_WORD.search(before):
            out.start_before = minutes - 1
            out.notes.append(f"시간: {hhmm(minutes)} 전에 시작")
        else:
            width = 14 if exact else 59
            out.start_after, out.start_before = minutes, minutes + width
            out.notes.append(f"시간: {hhmm(minutes)} 시작")
    for match in _PARTS.finditer(text):
        out.spans.append((match.start(), match.end()))
        word = _PARTS_KO[match.group(1).lower()]
        if _ruled_out(text, *match.span()):
            rule_out_part_of_day(word, out)
        elif contradicts_clock(word, out):  # "after 3pm? I work in the mornings": context, not a second condition
            out.notes.append(f"시간: '{match.group(1)}'은(는) 조건으로 읽지 않았어요 (명시한 시간과 맞지 않음)")
        else:
            apply_part_of_day(word, out)
