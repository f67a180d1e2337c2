"""Relaxation: when nothing meets every condition, groups of conditions are left out (the retriever tries each
group alone first, then the groups one after another), each described in Korean so the answer can say what
it left out ("요일(화·목) 조건을 빼고").

The order: seats first (a catalog may state no seat figures at all, and a seat condition that can never hold
must not take the time or day conditions down with it), then time, days, credits, English, category, year,
level, delivery, language, grading, the catalog's marks (CU공유대학, Honors ...), professor, department, and
last what the student ruled out ("… 말고"): dropping an exclusion shows what they said they did not want, so
it is the final resort."""

from __future__ import annotations

from collections.abc import Callable

from agent.catalog.models import hhmm
from agent.index.base import SearchFilters
from agent.query.offering_words import FIELD_LABELS, label

EXCLUSIONS = (
    "exclude_professors", "exclude_departments", "exclude_categories", "exclude_levels", "exclude_delivery",
    "exclude_languages", "exclude_grading", "exclude_flags", "exclude_credits",
)


def merge_filters(parsed: SearchFilters, explicit: SearchFilters | None) -> SearchFilters:
    """Explicit filters (from a tool call) override the parsed ones field by field; empty fields keep
    what the question said."""
    if explicit is None:
        return parsed.model_copy(deep=True)
    merged = parsed.model_dump()
    for key, value in explicit.model_dump().items():
        if value is None or value == [] or value == "":
            continue
        merged[key] = value
    return SearchFilters.model_validate(merged)


def describe_time(f: SearchFilters) -> str:
    parts = []
    if f.start_after is not None and f.start_before is not None:
        parts.append(f"{hhmm(f.start_after)}~{hhmm(f.start_before)} 시작")
    elif f.start_after is not None:
        parts.append(f"{hhmm(f.start_after)} 이후 시작")
    elif f.start_before is not None:
        parts.append(f"{hhmm(f.start_before + 1)} 전 시작")
    if f.end_before is not None:
        parts.append(f"{hhmm(f.end_before)}까지 끝남")
    if f.end_after is not None:
        parts.append(f"{hhmm(f.end_after)} 이후에 끝남")
    return "시간(" + ", ".join(parts) + ")"


def describe_days(f: SearchFilters) -> str:
    parts = []
    if f.days:
        parts.append("·".join(f.days))
    if f.exclude_days:
        parts.append("·".join(f.exclude_days) + " 제외")
    return "요일(" + ", ".join(parts) + ")"


def describe_seats(f: SearchFilters) -> str:
    return "여석(" + ("남은 자리 있음" if f.has_seats else "남은 자리 없음") + ", 수강편람 기준)"


def _offering(field: str) -> Callable[[SearchFilters], str]:
    return lambda f: f"{FIELD_LABELS[field][0]}({label(field, getattr(f, field))})"


def describe_exclusions(f: SearchFilters) -> str:
    """"대학원·원격·녹화 제외"-like: every kind of ruled-out value, each named once."""
    parts = [
        *(f"{name} 교수" for name in f.exclude_professors[:3]), *f.exclude_departments[:3], *f.exclude_categories,
        *(label(field, getattr(f, f"exclude_{field}")) for field in FIELD_LABELS if getattr(f, f"exclude_{field}")),
        *(f"{credits:g}학점" for credits in f.exclude_credits),
    ]
    return ", ".join(parts) + " 제외"


RELAX_GROUPS: list[tuple[tuple[str, ...], Callable[[SearchFilters], str]]] = [
    (("has_seats",), describe_seats),
    (("start_after", "start_before", "end_before", "end_after"), describe_time),
    (("days", "exclude_days"), describe_days),
    (("credits",), lambda f: f"학점({f.credits:g}학점)"),
    (("english",), lambda f: "영어강의" if f.english else "영어강의 제외"),
    (("category",), lambda f: f"이수구분({f.category})"),
    (("year", "years"), lambda f: f"학년({_years(f)}학년)"),
    (("code_series",), lambda f: f"과목번호({f.code_series}번대)"),
    (("levels",), _offering("levels")),
    (("delivery",), _offering("delivery")),
    (("languages",), _offering("languages")),
    (("grading",), _offering("grading")),
    (("flags",), _offering("flags")),
    (("professors",), lambda f: "교수(" + ", ".join(f.professors) + ")"),
    (("departments",), lambda f: "학과(" + ", ".join(f.departments[:3]) + ")"),
    (EXCLUSIONS, describe_exclusions),
]


def has_any(filters: SearchFilters, fields: tuple[str, ...]) -> bool:
    return any(getattr(filters, name) not in (None, [], "") for name in fields)


def cleared(filters: SearchFilters, fields: tuple[str, ...]) -> SearchFilters:
    data = filters.model_dump()
    for name in fields:
        data[name] = [] if isinstance(data[name], list) else None
    return SearchFilters.model_validate(data)


def _years(filters: SearchFilters) -> str:
    return str(filters.year) if filters.year is not None else "·".join(map(str, filters.years))
