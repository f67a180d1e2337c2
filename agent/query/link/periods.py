"""Class periods (교시) -> the schedule bounds of `SearchFilters`, read with the catalog's period table
(`agent.catalog.periods`: the mapping file's, the university's built-in one, else hourly from 09:00, and then
the reading is recorded in `assumed_periods` so the answer says it).

- "1교시", "월요일 3교시", "period 2", "2nd period": a class starting in that period (from its start to the next
  period's start): the same reading as "1시 수업" for hours;
- "3-4교시", "3~4교시", "3교시부터 4교시까지", "periods 3-4": every meeting within that span;
- "5교시 이후/부터", "after period 5": starting at the period's start or later; "3교시 전에" starting before
  it; "4교시까지", "4교시 전에 끝나는": ending by the period's end / start;
- "1교시 빼고/없는/싫어", "no 1st period" (the first periods ruled out): starting after them. Ruling out a
  middle period ("3교시 빼고") is no single time bound: it is noted and not applied.
Bounds combine with the day-and-time words (`schedule/`), keeping the tighter of each.
"""

from __future__ import annotations

import re
from functools import lru_cache

from agent.catalog.models import hhmm
from agent.catalog.periods import Period, period_table
from agent.query.link.context import LinkContext
from agent.query.reading import ParseState

_KOREAN = re.compile(
    r"(?<![\d.])(\d{1,2})\s*(?:교시)?\s*(?:(?:-|~|,|·)|교시\s*(?:부터|에서))\s*(\d{1,2})\s*교시(?:\s*까지)?"
    r"|(?<![\d.])(\d{1,2})\s*교시"
)
_ENGLISH = re.compile(
    r"(?i)\b(?:periods?\s+(\d{1,2})(?:\s*(?:-|to|through|and)\s*(\d{1,2}))?|(\d{1,2})(?:st|nd|rd|th)\s+period)\b"
)
_AFTER = re.compile(r"^\s*(?:이후|부터|후|넘어서|지나서)|^\s*or\s+later", re.I)
_BEFORE = re.compile(r"^\s*(?:전에|전|이전)")
_ENDS = re.compile(r"^[^.?!,]{0,8}?(?:끝나|끝내|마치|끝)")
_UNTIL = re.compile(r"^\s*(?:까지|에\s*끝나|에\s*마치)")
_RULED_OUT = re.compile(r"^\s*(?:에는|엔|은|는|이|가)?\s*(?:수업|강의)?\s*(?:은|는|이|가)?\s*(?:빼고|뺀|말고|제외|없는|없이|싫|피해|피하)")
_EN_BEFORE = re.compile(r"(?i)(after|before|no|not|except|without|skip)\s+(?:the\s+)?$")


@lru_cache(maxsize=16)
def _table(
    own: tuple[tuple[int, int, int], ...], universities: tuple[str, ...]
) -> tuple[dict[int, Period], bool]:
    table, defined = period_table(own, universities)
    return {p[0]: p for p in table}, defined


def link_periods(state: ParseState, ctx: LinkContext) -> None:
    text = state.question
    if "교시" not in text and "period" not in text.lower():
        return
    vocabulary = ctx.matcher.vocabulary
    table, defined = _table(tuple(tuple(p) for p in vocabulary.periods), tuple(vocabulary.universities))
    for match in [*_KOREAN.finditer(text), *_ENGLISH.finditer(text)]:
        if state.taken(*match.span()):
            continue
        numbers = [int(g) for g in match.groups() if g]
        first, last = numbers[0], numbers[-1]
        if first not in table or last not in table or last < first:
            state.take(*match.span(), note=f"교시: {match.group(0)}는 교시표에 없음")
            continue
        state.take(match.start(), match.end() + _apply(state, table, first, last, match))
        if not defined:
            for n in dict.fromkeys((first, last)):
                state.assumed_periods.append((n, table[n][1]))
            state.notes.append(f"교시: 교시표가 없어 {first}교시를 {hhmm(table[first][1])} 시작으로 읽음")


def _apply(state: ParseState, table: dict[int, Period], first: int, last: int, match: re.Match[str]) -> int:
    """Set the bounds the period phrase means; returns how many characters of its modifier ("이후") follow."""
    tail, head = state.question[match.end() :], state.question[: match.start()]
    english = _EN_BEFORE.search(head)
    word = english.group(1).lower() if english else ""
    start, end = table[first][1], table[last][2]
    before, after, until = _BEFORE.match(tail), _AFTER.match(tail), _UNTIL.match(tail)
    ruled_out = _RULED_OUT.match(tail)
    if ruled_out or word in ("no", "not", "except", "without", "skip"):
        _rule_out(state, table, first, last)
        return ruled_out.end() if ruled_out else 0
    if first != last:
        _bound(state, after=start, ends_by=end, note=f"{first}-{last}교시 ({hhmm(start)}~{hhmm(end)} 사이)")
    elif after or word == "after":
        _bound(state, after=start, note=f"{first}교시 이후 ({hhmm(start)} 이후 시작)")
    elif before or word == "before":
        if before and _ENDS.match(tail[before.end() :]):
            _bound(state, ends_by=start, note=f"{first}교시 전에 끝남 ({hhmm(start)}까지)")
        else:
            _bound(state, starts_by=start - 1, note=f"{first}교시 전 시작 ({hhmm(start)} 전)")
    elif until:
        _bound(state, ends_by=end, note=f"{first}교시까지 ({hhmm(end)}까지 끝남)")
    else:
        following = table.get(first + 1)
        latest = (following[1] if following else end) - 1
        _bound(state, after=start, starts_by=latest, note=f"{first}교시 ({hhmm(start)} 시작)")
    modifier = before or after or until
    return modifier.end() if modifier and first == last else 0


def _rule_out(state: ParseState, table: dict[int, Period], first: int, last: int) -> None:
    """No class in the first period(s): start after them. A middle period has no single bound: noted only."""
    numbers = sorted(table)
    if first == numbers[0] and last + 1 in table:
        after = table[last + 1][1]
        _bound(state, after=after, note=f"{first}~{last}교시 제외 ({hhmm(after)} 이후 시작)")
    else:
        state.notes.append(f"교시: {first}~{last}교시 제외는 조건으로 걸지 않음")


def _bound(
    state: ParseState, *, after: int | None = None, starts_by: int | None = None, ends_by: int | None = None,
    note: str,
) -> None:
    """Tighten the filters' bounds (a time word of the question may have set them already)."""
    f = state.filters
    if after is not None:
        f.start_after = after if f.start_after is None else max(f.start_after, after)
    if starts_by is not None:
        f.start_before = starts_by if f.start_before is None else min(f.start_before, starts_by)
    if ends_by is not None:
        f.end_before = ends_by if f.end_before is None else min(f.end_before, ends_by)
    state.notes.append(f"교시: {note}")
