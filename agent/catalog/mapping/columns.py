"""`ColumnMapping`: a parsed mapping file, and how it turns one source record into `CourseSection`
keyword arguments (the file format is in the package doc, `agent.catalog.mapping`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from agent.catalog.categories import normalize_category
from agent.catalog.fields import clean, join_notes, parse_hours_credits, parse_number, split_people, truthy
from agent.catalog.mapping.optional import OPTIONAL_FIELDS, optional_fields
from agent.catalog.profiles import RowError
from agent.catalog.slots import SlotParseError, parse_slot_text, parse_split_slot, parse_with_regex
from agent.catalog.terms import TermError, normalize_term, term_from_year_semester

FIELDS = (
    "code", "section", "name", "name_en", "department", "professors", "credits", "hours", "hours_credits",
    "category", "target", "year", "english", "description", "notes", *OPTIONAL_FIELDS,
)
TOP_KEYS = {"format", "encoding", "delimiter", "records", "university", "term", "columns", "separators",
            "english_values", "slots", "periods"}
SLOT_KEYS = {
    "combined": {"style", "column", "notation", "regex", "separator"},
    "split": {"style", "days", "start", "end", "room"},
    "list": {"style", "column", "day", "start", "end", "room"},
}
DEFAULT_ENGLISH = ("o", "y", "yes", "true", "1", "예", "영어", "english", "영어강의")
DEFAULT_SEPARATOR = r"\r?\n|\s/\s"


def get_value(values: dict[str, Any], column: str) -> Any:
    """The cell of `column` (a JSON dotted path reaches into nested objects); None when absent."""
    if column in values:
        return values[column]
    if "." in column:  # JSON dotted path
        data: Any = values
        for part in column.split("."):
            if not isinstance(data, dict) or part not in data:
                return None
            data = data[part]
        return data
    return None


@dataclass
class ColumnMapping:
    """A parsed mapping file; `convert` turns one record into `CourseSection` keyword arguments."""

    source: str
    columns: dict[str, str | list[str]]
    format: str | None = None
    encoding: str = "utf-8-sig"
    delimiter: str = ","
    records: str | None = None
    university: str | None = None
    term_constant: str | None = None
    term_column: str | None = None
    term_year: str | None = None
    term_semester: str | None = None
    separators: dict[str, list[str]] = field(default_factory=dict)
    english_values: tuple[str, ...] = DEFAULT_ENGLISH
    slots: dict[str, Any] = field(default_factory=dict)
    periods: list[tuple[int, int, int]] | None = None
    _regex: re.Pattern[str] | None = None
    _separator: re.Pattern[str] = field(default_factory=lambda: re.compile(DEFAULT_SEPARATOR))

    @property
    def term_column_based(self) -> bool:
        return bool(self.term_column or self.term_year)

    def referenced_columns(self) -> list[str]:
        names: list[str] = []
        for value in self.columns.values():
            names.extend(value if isinstance(value, list) else [value])
        names += [c for c in (self.term_column, self.term_year, self.term_semester) if c]
        style = self.slots.get("style")
        if style in ("combined", "list"):
            names.append(self.slots["column"])
        elif style == "split":
            names += [self.slots[k] for k in ("days", "start", "end", "room") if self.slots.get(k)]
        return names

    def missing_columns(self, header: list[str]) -> list[str]:
        present = set(header)
        return [c for c in dict.fromkeys(self.referenced_columns()) if c not in present]

    # --- one record ---------------------------------------------------------------------------------

    def text(self, values: dict[str, Any], key: str) -> str | None:
        column = self.columns.get(key)
        if column is None:
            return None
        if isinstance(column, list):
            return join_notes(str(v) for c in column if (v := get_value(values, c)) not in (None, ""))
        value = get_value(values, column)
        if isinstance(value, list):
            return ", ".join(str(v) for v in value) or None
        return clean(value)

    def _term(self, values: dict[str, Any], file_term: str | None) -> str:
        try:
            if self.term_column:
                raw = clean(get_value(values, self.term_column))
                if not raw:
                    raise RowError(f"missing {self.term_column} (term)")
                return normalize_term(raw)
            if self.term_year:
                year = clean(get_value(values, self.term_year))
                semester = clean(get_value(values, self.term_semester or ""))
                if not year or not semester:
                    raise RowError(f"missing {self.term_year}/{self.term_semester} (term)")
                return term_from_year_semester(year, semester)
        except TermError as exc:
            raise RowError(f"term: {exc}") from None
        if not file_term:
            raise RowError("no term for this row")
        return file_term

    def _slots(self, values: dict[str, Any]) -> tuple[list, list[str]]:
        style = self.slots.get("style")
        if not style:
            return [], []
        try:
            if style == "split":
                s = self.slots
                days = get_value(values, s["days"])
                slots = parse_split_slot(
                    days if isinstance(days, list) else clean(days),
                    clean(get_value(values, s["start"])), clean(get_value(values, s["end"])),
                    clean(get_value(values, s["room"])) if s.get("room") else None,
                )
                return slots, []
            if style == "list":
                items = get_value(values, self.slots["column"]) or []
                if not isinstance(items, list):
                    raise SlotParseError(f"{self.slots['column']} is not a list of meetings")
                out = []
                for item in items:
                    if not isinstance(item, dict):
                        raise SlotParseError(f"meeting {item!r} is not an object")
                    day = item.get(self.slots.get("day", "day"))
                    out += parse_split_slot(
                        day if isinstance(day, list) else str(day or ""),
                        str(item.get(self.slots.get("start", "start")) or ""),
                        str(item.get(self.slots.get("end", "end")) or ""),
                        item.get(self.slots.get("room", "room")),
                    )
                return out, []
            text = get_value(values, self.slots["column"])
            text = None if text is None else str(text)
            if self._regex is not None:
                parsed = parse_with_regex(text, self._regex, self._separator)
            else:
                parsed = parse_slot_text(text) if self._separator.pattern == DEFAULT_SEPARATOR else [
                    p for piece in self._separator.split(text or "") if piece.strip()
                    for p in parse_slot_text(piece)
                ]
            return [p.slot for p in parsed], [p.instructor for p in parsed if p.instructor]
        except SlotParseError as exc:
            s = self.slots
            column = s.get("column") or "/".join(s[k] for k in ("days", "start", "end") if s.get(k))
            raise RowError(f"{column}: {exc}") from None

    def value(self, values: dict[str, Any], key: str) -> Any:
        """The raw cell of one mapped column (its own type: a JSON number stays a number), or the joined text
        of several."""
        column = self.columns.get(key)
        return get_value(values, column) if isinstance(column, str) else self.text(values, key)

    def _hours_credits(self, values: dict[str, Any], warnings: list[str]) -> tuple[float | None, float | None]:
        hours = credits = None
        if "hours_credits" in self.columns:
            try:
                hours, credits = parse_hours_credits(self.text(values, "hours_credits"))
            except ValueError as exc:
                warnings.append(f"{exc}; left empty")
        for key in ("credits", "hours"):
            if key in self.columns:
                try:
                    number = parse_number(self.value(values, key), what=str(self.columns[key]))
                except ValueError as exc:
                    warnings.append(f"{exc}; left empty")
                    number = None
                if key == "credits":
                    credits = number
                else:
                    hours = number
        return hours, credits

    def convert(self, values: dict[str, Any], file_term: str | None, warnings: list[str]) -> dict[str, Any]:
        code = self.text(values, "code")
        if not code:
            raise RowError(f"missing {self.columns['code']} (course code)")
        name = self.text(values, "name")
        if not name:
            raise RowError(f"missing {self.columns['name']} (course name)")
        slots, instructors = self._slots(values)
        professors = split_people(self.value(values, "professors"), self.separators.get("professors", ["\n", ","]))
        if not professors and instructors:
            professors = split_people(instructors)
        hours, credits = self._hours_credits(values, warnings)
        english_column = self.columns.get("english")
        english_raw = get_value(values, english_column) if isinstance(english_column, str) else None
        out = {
            "term": self._term(values, file_term),
            "code": code,
            "section": self.text(values, "section") or "",
            "name": name,
            "name_en": self.text(values, "name_en"),
            "university": self.university,
            "periods": self.periods,
            "department": self.text(values, "department"),
            "professors": professors,
            "credits": credits,
            "hours": hours,
            "slots": slots,
            "category": normalize_category(self.text(values, "category")),
            "target": self.text(values, "target"),
            "year": self.text(values, "year"),
            "english": truthy(english_raw, self.english_values),
            "description": self.text(values, "description"),
            "notes": self.text(values, "notes"),
        }
        return {**out, **optional_fields(self, values, out, warnings)}
