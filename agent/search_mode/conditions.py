"""The constraints a filter holds, in the order answers state them, in both answer languages.

`condition_text` words the schedule and English-taught constraints ("화·목요일, 12:00 전 시작" / "on Tue/Thu,
starting before 12:00"); `scope_text` everything a list was drawn with, level, delivery, seats and what was
ruled out included ("대학원 제외" / "not graduate"). One table, a row per constraint and a
column per language (times in minutes since midnight; `start_before` is inclusive, so 719 is "before 12:00").
`read_conditions` reads them back, for follow-ups to an answer that stated them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from agent.catalog.models import FLAGS, hhmm
from agent.index.base import SearchFilters
from agent.query.offering_words import FIELD_LABELS, label
from agent.search_mode.intent import Language

DAY_EN = {"월": "Mon", "화": "Tue", "수": "Wed", "목": "Thu", "금": "Fri", "토": "Sat", "일": "Sun"}


def days_en(days: Sequence[str]) -> str:
    return "/".join(DAY_EN.get(d, d) for d in days)


def _credits_en(value: float) -> str:
    return f"{value:g} credit" + ("" if value == 1 else "s")


_WORDS: dict[str, tuple[Callable[..., str], Callable[..., str]]] = {
    "days": (lambda d: "·".join(d) + "요일", lambda d: "on " + days_en(d)),
    "exclude_days": (lambda d: "·".join(d) + "요일 제외", lambda d: "not on " + days_en(d)),
    "only_days": (lambda d: "·".join(d) + "요일에만", lambda d: "only on " + days_en(d)),
    "start_after": (lambda t: f"{hhmm(t)} 이후 시작", lambda t: f"starting at {hhmm(t)} or later"),
    "start_before": (lambda t: f"{hhmm(t + 1)} 전 시작", lambda t: f"starting before {hhmm(t + 1)}"),
    "end_before": (lambda t: f"{hhmm(t)}까지 끝남", lambda t: f"ending by {hhmm(t)}"),
    "end_after": (lambda t: f"{hhmm(t)} 이후에 끝남", lambda t: f"ending at {hhmm(t)} or later"),
    "english": (lambda _: "영어강의", lambda _: "English-taught"),
    "departments": (lambda shown, more: "·".join(shown) + (f" 외 {more}곳" if more > 0 else ""),
                    lambda shown, more: "/".join(shown) + (f" and {more} more" if more > 0 else "")),
    "professor": (lambda name: f"{name} 교수", lambda name: f"Prof. {name}"),
    "credits": (lambda value: f"{value:g}학점", _credits_en),
    "year": (lambda year: f"{year}학년", lambda year: f"year {year}"),
    "years": (lambda years: "·".join(map(str, years)) + "학년", lambda years: "year " + "/".join(map(str, years))),
    "code_series": (lambda series: f"{series}번대", lambda series: f"{series}-level"),
}


def credits_text(value: float, lang: Language) -> str:
    """"3학점" / "3 credits"."""
    return _word("credits", lang, value)


def _word(key: str, lang: Language, *args: Any) -> str:
    return _WORDS[key][0 if lang == "ko" else 1](*args)


def only_days(filters: SearchFilters) -> list[str]:
    """The days left when most are excluded and none required ("화목에만" is Mon/Wed/Fri/Sat/Sun excluded):
    said as "화·목요일에만" rather than as five days ruled out."""
    allowed = [d for d in DAY_EN if d not in filters.exclude_days]
    return allowed if filters.exclude_days and not filters.days and 1 <= len(allowed) <= 3 else []


def condition_text(filters: SearchFilters, lang: Language) -> str:
    parts: list[str] = []
    allowed = only_days(filters)
    if allowed:
        parts.append(_word("only_days", lang, allowed))
    for key in ("days", "exclude_days"):
        if getattr(filters, key) and not allowed:
            parts.append(_word(key, lang, getattr(filters, key)))
    for key in ("start_after", "start_before", "end_before", "end_after"):
        if getattr(filters, key) is not None:
            parts.append(_word(key, lang, getattr(filters, key)))
    if filters.english:
        parts.append(_word("english", lang, True))
    elif filters.english is False:
        parts.append("영어강의 제외" if lang == "ko" else "not English-taught")
    return ", ".join(parts + _marks_said(filters, lang))


def _marks_said(filters: SearchFilters, lang: Language) -> list[str]:
    """The catalog's marks asked for and ruled out ("Honors", "승인과목 제외" / "honors", "not approval
    required"): said with the schedule, since an answer about one course's sections states them too."""
    parts = [label("flags", filters.flags, lang)] if filters.flags else []
    if filters.exclude_flags:
        ruled_out = label("flags", filters.exclude_flags, lang)
        parts.append(f"{ruled_out} 제외" if lang == "ko" else f"not {ruled_out}")
    return parts


def offering_parts(filters: SearchFilters, lang: Language) -> list[str]:
    """Level, delivery, language, seats and what was ruled out ("대학원 제외" / "not graduate"), in the words of
    `agent.query.offering_words`."""
    ko = lang == "ko"
    fields = [field for field in FIELD_LABELS if field != "flags"]  # the marks: `condition_text`
    parts = [label(field, getattr(filters, field), lang) for field in fields if getattr(filters, field)]
    if filters.has_seats is not None:
        said = ("여석 있음", "with seats left") if filters.has_seats else ("여석 없음", "with no seats left")
        parts.append(f"{said[0]}(수강편람 기준)" if ko else f"{said[1]} (as of the catalog)")
    ruled_out = [
        *(_word("professor", lang, name) for name in filters.exclude_professors), *filters.exclude_departments,
        *filters.exclude_categories,
        *(label(field, getattr(filters, f"exclude_{field}"), lang) for field in fields
          if getattr(filters, f"exclude_{field}")),
        *(_word("credits", lang, credits) for credits in filters.exclude_credits),
    ]
    parts.extend(f"{value} 제외" if ko else f"not {value}" for value in ruled_out)
    return parts


def scope_text(filters: SearchFilters, lang: Language, limit: int = 3) -> str:
    parts: list[str] = []
    if filters.departments:
        more = len(filters.departments) - limit
        parts.append(_word("departments", lang, filters.departments[:limit], more))
    if filters.category:
        parts.append(str(filters.category))
    parts.extend(_word("professor", lang, professor) for professor in filters.professors[:limit])
    if filters.credits is not None:
        parts.append(_word("credits", lang, filters.credits))
    if filters.year is not None:
        parts.append(_word("year", lang, filters.year))
    if filters.years:
        parts.append(_word("years", lang, filters.years))
    if filters.code_series:
        parts.append(_word("code_series", lang, filters.code_series))
    parts.extend(offering_parts(filters, lang))
    condition = condition_text(filters, lang)
    return ", ".join(parts + ([condition] if condition else []))


# --- reading them back -----------------------------------------------------------------------------------
# The inverse of `_WORDS` (one full-match pattern per constraint and language), so a follow-up can recover the
# conditions an earlier answer of ours stated ("조건(화·목요일, 12:00 전 시작)"). A test writes every row with
# `condition_text` / `scope_text` and reads it back.
_DAY_KO = r"([월화수목금토일](?:·[월화수목금토일])*)"
_DAY_EN = r"((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:/(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun))*)"
_HHMM = r"(\d{2}):(\d{2})"
_READ: dict[str, tuple[str, str]] = {
    "days": (_DAY_KO + "요일", "on " + _DAY_EN),
    "exclude_days": (_DAY_KO + "요일 제외", "not on " + _DAY_EN),
    "only_days": (_DAY_KO + "요일에만", "only on " + _DAY_EN),
    "start_after": (_HHMM + " 이후 시작", "starting at " + _HHMM + " or later"),
    "start_before": (_HHMM + " 전 시작", "starting before " + _HHMM),
    "end_before": (_HHMM + "까지 끝남", "ending by " + _HHMM),
    "end_after": (_HHMM + " 이후에 끝남", "ending at " + _HHMM + " or later"),
    "english": ("영어강의", "English-taught"),
    "professor": (r"(.+?) 교수", r"Prof\. (.+)"),
    "credits": (r"(\d+(?:\.\d+)?)학점", r"(\d+(?:\.\d+)?) credits?"),
    "exclude_credits": (r"(\d+(?:\.\d+)?)학점 제외", r"not (\d+(?:\.\d+)?) credits?"),
    "year": (r"([1-6])학년", r"year ([1-6])"),
    "years": (r"([1-6](?:·[1-6])+)학년", r"year ([1-6](?:/[1-6])+)"),
}
_EN_DAY = {english: korean for korean, english in DAY_EN.items()}


def read_conditions(text: str, lang: Language, departments: Sequence[str] = ()) -> SearchFilters:
    """What `scope_text(filters, lang)` wrote, read back: every part that matches a row of `_READ`, and
    department names among `departments`; a part it cannot read (a category, "외 2곳") is skipped."""
    read: dict[str, Any] = {"days": [], "exclude_days": [], "professors": [], "departments": []}
    for part in (p.strip() for p in text.split(", ")):
        key, match = _row(part, lang)
        marks = _marks(part, lang) if key is None else None
        if marks is not None:
            read.setdefault(marks[0], []).extend(marks[1])
        elif key is None:
            read["departments"] += [d for d in re.split(r"[·/]| and ", part) if d.strip() in departments]
        elif key in ("days", "exclude_days", "only_days"):
            letters = [_EN_DAY.get(d, d) for d in match.group(1).replace("/", "·").split("·")]
            if key == "only_days":
                read["exclude_days"] += [d for d in DAY_EN if d not in letters]
            else:
                read[key] += letters
        elif key in ("start_after", "start_before", "end_before", "end_after"):
            minutes = int(match.group(1)) * 60 + int(match.group(2))
            read[key] = minutes - 1 if key == "start_before" else minutes  # "12:00 전" is start_before=719
        elif key == "english":
            read["english"] = True
        elif key == "professor":
            read["professors"].append(match.group(1))
        elif key == "exclude_credits":
            read.setdefault("exclude_credits", []).append(float(match.group(1)))
        elif key == "years":
            read["years"] = [int(n) for n in re.split(r"[·/]", match.group(1))]
        else:
            read[key] = float(match.group(1)) if key == "credits" else int(match.group(1))
    return SearchFilters.model_validate(read)


def _marks(part: str, lang: Language) -> tuple[str, list[str]] | None:
    """The catalog's marks as `offering_parts` said them ("Honors", "CU공유대학·Honors 제외", "not honors"):
    (`flags` or `exclude_flags`, the marks), or None when the part is not one."""
    ruled_out = part.endswith(" 제외") if lang == "ko" else part.startswith("not ")
    said = part.removesuffix(" 제외") if lang == "ko" else part.removeprefix("not ")
    names = {label("flags", [flag], lang): flag for flag in FLAGS}
    found = [names.get(name) for name in re.split(r"·" if lang == "ko" else r"/", said)]
    if not said or None in found:
        return None
    return ("exclude_flags" if ruled_out else "flags"), [flag for flag in found if flag]


def _row(part: str, lang: Language) -> tuple[str | None, re.Match[str] | None]:
    for key, patterns in _READ.items():
        match = re.fullmatch(patterns[0 if lang == "ko" else 1], part)
        if match:
            return key, match
    return None, None
