"""Days and times in a student's question -> the schedule fields of `SearchFilters`.

Rules (stated once, tested in tests/retrieval/test_query_parser.py):
- Days: "월요일", runs of day letters as a word ("월수", "화목금", "월,수", "월/수"), "주말" (only Sat/Sun:
  every weekday excluded), "평일" (Sat/Sun excluded). A day followed by 공강/빼고/제외/말고/없는/안 되는 is
  excluded instead ("금공강", "금요일 공강", "금요일엔 수업 없는", "금요일에 안 겹치는"). A lone "수" is never a day ("들을 수 있는").
- Hours without 오전/오후: 1-7 mean afternoon/evening (13:00-19:00), 8-12 are as written (08:00-12:00),
  13-23 are 24-hour times. 오전/아침 keep the hour; 오후/저녁/밤 add 12.
- A point in time means a class starting then: "1시" -> starts 13:00-13:59; "10시 반" -> 10:30-10:59;
  "13:30" -> 13:30-13:44. "3시 이후/부터" -> starts at or after 15:00; "10시 전에" -> starts before 10:00;
  "12시 전에 끝나는"/"12시까지" -> ends by 12:00; "1시~3시"/"1시부터 3시까지" -> starts >= 13:00, ends <= 15:00.
- Parts of the day: 오전 -> starts by 11:59; 오후 -> starts 12:00 or later; 아침 -> starts by 09:59;
  저녁 -> starts 17:00 or later; 야간/밤 -> starts 18:00 or later; "오전에 끝나는" -> ends by 12:00.
- "오전 빼고" -> starts 12:00 or later; "오후 말고" -> starts before 12:00; "끝나는 시간이 6시 전" -> ends by 18:00.
- The same in English (Monday, Mon/Wed, morning, 3pm, "no classes on Friday"): `english.py`.
"""

from __future__ import annotations

import re

from agent.query.schedule.days import parse_days
from agent.query.schedule.english import parse_english_schedule
from agent.query.schedule.model import ScheduleParse, resolve_hour
from agent.query.schedule.times import parse_times

__all__ = ["ScheduleParse", "parse_schedule", "resolve_hour"]


def parse_schedule(text: str) -> ScheduleParse:
    """Days and times in `text` (see the package docstring for the rules)."""
    out = ScheduleParse()
    parse_days(text, out)
    parse_times(text, out)
    if re.search(r"[A-Za-z]", text):
        parse_english_schedule(text, out)  # "Mon/Wed afternoon", "no classes on Friday", "after 3pm"
    return out
