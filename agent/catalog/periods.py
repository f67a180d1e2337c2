"""Class periods (교시): which clock times "1교시", "3-4교시" mean at a university.

A period table is a tuple of `(number, start, end)` in minutes since midnight. Where one comes from, first
match wins (`period_table`):
1. the catalog's own, from its mapping file (`periods:`, docs/catalog-mapping.md), carried on its sections;
2. the built-in table of the catalog's university (`BUILT_IN`), checked against the real catalogs' times:
   - 숭실대학교: hourly periods from 09:00, 50 minutes each (1교시 09:00-09:50 … 13교시 21:00-21:50); its
     catalog has one-hour meetings starting on every hour from 09:00 to 21:00 (its 75-minute meetings start
     at 09:00, 10:30, 12:00 … and fall inside these periods);
   - 서강대학교: 75-minute blocks with 15-minute breaks (1교시 09:00-10:15, 2교시 10:30-11:45, 3교시 12:00-13:15,
     4교시 13:30-14:45, 5교시 15:00-16:15, 6교시 16:30-17:45, 7교시 18:00-19:15); its catalogs' meetings start
     at exactly these times (evening classes at 18:00; no meeting starts later, so there is no 8교시);
3. none: `DEFAULT` (hourly from 09:00) is used, and the answer says so ("1교시를 09:00 시작으로 읽었어요").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

Period = tuple[int, int, int]


def hourly(first: int = 9 * 60, length: int = 50, count: int = 13) -> tuple[Period, ...]:
    """Periods on the hour: `count` of them from `first`, each `length` minutes."""
    return tuple((n, first + 60 * (n - 1), first + 60 * (n - 1) + length) for n in range(1, count + 1))


def blocks(starts: Iterable[int], length: int) -> tuple[Period, ...]:
    return tuple((n, start, start + length) for n, start in enumerate(starts, start=1))


BUILT_IN: dict[str, tuple[Period, ...]] = {
    "숭실대학교": hourly(),
    "서강대학교": blocks((540, 630, 720, 810, 900, 990, 1080), 75),
}
DEFAULT: tuple[Period, ...] = hourly(count=14)


class PeriodTableError(ValueError):
    """A mapping's `periods:` entry that cannot be read (the message names the period)."""


def period_table(
    own: Iterable[Iterable[int]] | None, universities: Iterable[str]
) -> tuple[tuple[Period, ...], bool]:
    """(the table, whether it is defined for this catalog); the second is False when `DEFAULT` stands in."""
    table = tuple(tuple(p) for p in own or ())
    if table:
        return table, True  # type: ignore[return-value]
    for university in universities:
        if university in BUILT_IN:
            return BUILT_IN[university], True
    return DEFAULT, False


def _minutes(text: str, where: str) -> int:
    hour, _, minute = text.strip().partition(":")
    readable = hour.isdigit() and minute.isdigit() and len(minute) == 2
    if not (readable and int(hour) <= 24 and int(minute) < 60):
        raise PeriodTableError(f"{where}: '{text}' is not a time like 09:00")
    return int(hour) * 60 + int(minute)


def parse_period_table(data: Any) -> tuple[Period, ...]:
    """A mapping's `periods:` ({1: "09:00-09:50", 2: "10:00-10:50", ...}) -> the table, in period order.

    Periods are whole numbers from 1; each value is "HH:MM-HH:MM" with the start before the end, and a
    period starts no earlier than the one before it ends."""
    if not isinstance(data, Mapping) or not data:
        raise PeriodTableError("periods must map a period number to its time, e.g. {1: '09:00-09:50'}")
    table: list[Period] = []
    for key, value in data.items():
        where = f"periods.{key}"
        if not str(key).isdigit() or int(key) < 1:
            raise PeriodTableError(f"{where}: a period is a whole number from 1")
        start_text, dash, end_text = str(value).replace("~", "-").partition("-")
        if not dash:
            raise PeriodTableError(f"{where}: '{value}' is not a time range like 09:00-09:50")
        start, end = _minutes(start_text, where), _minutes(end_text, where)
        if end <= start:
            raise PeriodTableError(f"{where}: '{value}' ends before it starts")
        table.append((int(key), start, end))
    table.sort()
    for (n, _, end), (m, start, _) in zip(table, table[1:]):
        if start < end:
            raise PeriodTableError(f"periods.{m} starts before periods.{n} ends")
    return tuple(table)
