r"""Column mappings: load any other CSV or JSON export by naming, in YAML, where each field lives.

A mapping file (UTF-8 YAML). Only ``columns.code`` and ``columns.name`` are required::

    format: csv                 # csv | json (default: from the catalog's extension; .jsonl is json)
    encoding: utf-8-sig         # any Python codec: utf-8, cp949, euc-kr ...
    delimiter: ","              # csv only
    records: data.courses       # json only: dotted path to the list of records (default: the top
                                # level list, or the only list in the top-level object)
    university: 한빛대학교
    term: "2026-1"              # a constant; or {column: 개설학기} ("2026-1", "2026년 1학기" ...);
                                # or {year: 학년도, semester: 학기} ("2025 학년도" + "1학기"/"하계학기")
    columns:                    # our field -> source column; a list joins several columns (notes);
      code: 과목코드              # JSON may use dotted paths ("instructor.name")
      section: 분반
      name: 과목명
      name_en: 영문과목명
      department: 개설학과
      professors: 담당교수
      credits: 학점
      hours: 주당시간
      hours_credits: 시간/학점    # instead of credits/hours: one column "4.0/3.0" = hours/credits
      category: 이수구분
      target: 수강대상
      year: 권장학년
      english: 영어강의
      description: 과목설명
      notes: [비고, 유의사항]
    separators:                 # how a cell lists several values (default "\n" and ",")
      professors: [",", "/", "\n"]
    english_values: [O, Y, 예, 영어]   # cell values meaning "taught in English" (case-insensitive)
    slots:                      # where the timetable is; one of three styles
      style: combined           # one cell holds all meetings
      column: 강의시간
      notation: auto            # auto: '월 13:00-13:50 (room-instructor)', '화,목 15:00~16:15 [room]',
                                # 'Mon/Wed 9:00-10:15 room' ...; or regex (below)
      regex: '(?P<days>\S+) (?P<start>\d+:\d+)-(?P<end>\d+:\d+) (?P<room>.*)'
      separator: '\n|\s/\s|;'   # regex splitting the cell into meetings (default: newline or " / ")
    # slots: {style: split, days: 요일, start: 시작시간, end: 종료시간, room: 강의실}
    #   days like "['월', '수']", "월,수", "월수", "Mon,Wed"; one row = one time for those days
    # slots: {style: list, column: meetings, day: day, start: start, end: end, room: room}
    #   JSON: the column holds a list of objects with those keys

Unknown keys are rejected (a typo in a mapping should not silently drop a field), and columns the
mapping names but the CSV header lacks are reported before any row is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agent.catalog.categories import normalize_category
from agent.catalog.fields import clean, join_notes, parse_hours_credits, parse_number, split_people, truthy
from agent.catalog.profiles import RowError
from agent.catalog.result import CatalogError
from agent.catalog.slots import (
    SlotParseError,
    parse_slot_text,
    parse_split_slot,
    parse_time,
    parse_with_regex,
)
from agent.catalog.terms import TermError, normalize_term, term_from_year_semester

FIELDS = (
    "code", "section", "name", "name_en", "department", "professors", "credits", "hours", "hours_credits",
    "category", "target", "year", "english", "description", "notes",
)
TOP_KEYS = {"format", "encoding", "delimiter", "records", "university", "term", "columns", "separators",
            "english_values", "slots"}
SLOT_KEYS = {
    "combined": {"style", "column", "notation", "regex", "separator"},
    "split": {"style", "days", "start", "end", "room"},
    "list": {"style", "column", "day", "start", "end", "room"},
}
DEFAULT_ENGLISH = ("o", "y", "yes", "true", "1", "예", "영어", "english", "영어강의")
DEFAULT_SEPARATOR = r"\r?\n|\s/\s"


def _get(values: dict[str, Any], column: str) -> Any:
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

    def _text(self, values: dict[str, Any], key: str) -> str | None:
        column = self.columns.get(key)
        if column is None:
            return None
        if isinstance(column, list):
            return join_notes(str(v) for c in column if (v := _get(values, c)) not in (None, ""))
        value = _get(values, column)
        if isinstance(value, list):
            return ", ".join(str(v) for v in value) or None
        return clean(value)

    def _term(self, values: dict[str, Any], file_term: str | None) -> str:
        try:
            if self.term_column:
                raw = clean(_get(values, self.term_column))
                if not raw:
                    raise RowError(f"missing {self.term_column} (term)")
                return normalize_term(raw)
            if self.term_year:
                year = clean(_get(values, self.term_year))
                semester = clean(_get(values, self.term_semester or ""))
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
                days = _get(values, s["days"])
                slots = parse_split_slot(
                    days if isinstance(days, list) else clean(days),
                    clean(_get(values, s["start"])), clean(_get(values, s["end"])),
                    clean(_get(values, s["room"])) if s.get("room") else None,
                )
                return slots, []
            if style == "list":
                items = _get(values, self.slots["column"]) or []
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
            text = _get(values, self.slots["column"])
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

    def convert(self, values: dict[str, Any], file_term: str | None, warnings: list[str]) -> dict[str, Any]:
        code = self._text(values, "code")
        if not code:
            raise RowError(f"missing {self.columns['code']} (course code)")
        name = self._text(values, "name")
        if not name:
            raise RowError(f"missing {self.columns['name']} (course name)")
        slots, instructors = self._slots(values)
        prof_column = self.columns.get("professors")
        raw_prof = _get(values, prof_column) if isinstance(prof_column, str) else self._text(values, "professors")
        professors = split_people(raw_prof, self.separators.get("professors", ["\n", ","]))
        if not professors and instructors:
            professors = split_people(instructors)
        hours = credits = None
        if "hours_credits" in self.columns:
            try:
                hours, credits = parse_hours_credits(self._text(values, "hours_credits"))
            except ValueError as exc:
                warnings.append(f"{exc}; left empty")
        for key in ("credits", "hours"):
            if key in self.columns:
                try:
                    number = parse_number(_get(values, self.columns[key]) if isinstance(self.columns[key], str)
                                          else self._text(values, key), what=str(self.columns[key]))
                except ValueError as exc:
                    warnings.append(f"{exc}; left empty")
                    number = None
                if key == "credits":
                    credits = number
                else:
                    hours = number
        english_raw = _get(values, self.columns["english"]) if isinstance(self.columns.get("english"), str) else None
        return {
            "term": self._term(values, file_term),
            "code": code,
            "section": self._text(values, "section") or "",
            "name": name,
            "name_en": self._text(values, "name_en"),
            "university": self.university,
            "department": self._text(values, "department"),
            "professors": professors,
            "credits": credits,
            "hours": hours,
            "slots": slots,
            "category": normalize_category(self._text(values, "category")),
            "target": self._text(values, "target"),
            "year": self._text(values, "year"),
            "english": truthy(english_raw, self.english_values),
            "description": self._text(values, "description"),
            "notes": self._text(values, "notes"),
        }


def _fail(source: str, message: str) -> CatalogError:
    return CatalogError(f"mapping {source}: {message}")


def parse_mapping(data: Any, source: str = "<mapping>") -> ColumnMapping:
    """A mapping from already-parsed YAML/JSON data (a dict). Raises CatalogError naming the problem."""
    if not isinstance(data, dict):
        raise _fail(source, "expected a YAML mapping (key: value) at the top level")
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise _fail(source, f"unknown keys {sorted(unknown)} (allowed: {sorted(TOP_KEYS)})")
    columns = data.get("columns")
    if not isinstance(columns, dict):
        raise _fail(source, "'columns' is required: our field -> source column")
    bad = set(columns) - set(FIELDS)
    if bad:
        raise _fail(source, f"unknown fields in columns: {sorted(bad)} (known: {', '.join(FIELDS)})")
    for key in ("code", "name"):
        if not columns.get(key):
            raise _fail(source, f"columns.{key} is required")
    for key, value in columns.items():
        if not (isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
            raise _fail(source, f"columns.{key} must be a column name or a list of names")
    fmt = data.get("format")
    if fmt not in (None, "csv", "json"):
        raise _fail(source, f"format must be csv or json, not {fmt!r}")
    mapping = ColumnMapping(
        source=source,
        columns=dict(columns),
        format=fmt,
        encoding=str(data.get("encoding") or "utf-8-sig"),
        delimiter=str(data.get("delimiter") or ","),
        records=data.get("records"),
        university=data.get("university"),
    )
    try:
        "".encode(mapping.encoding)
    except LookupError:
        raise _fail(source, f"unknown encoding {mapping.encoding!r}") from None
    term = data.get("term")
    if isinstance(term, (str, int, float)):
        try:
            mapping.term_constant = normalize_term(str(term))
        except TermError as exc:
            raise _fail(source, f"term: {exc}") from None
    elif isinstance(term, dict):
        if set(term) - {"column", "year", "semester", "value"}:
            raise _fail(source, "term takes value, column, or year + semester")
        if term.get("value"):
            try:
                mapping.term_constant = normalize_term(str(term["value"]))
            except TermError as exc:
                raise _fail(source, f"term: {exc}") from None
        mapping.term_column = term.get("column")
        mapping.term_year, mapping.term_semester = term.get("year"), term.get("semester")
        if bool(mapping.term_year) != bool(mapping.term_semester):
            raise _fail(source, "term.year and term.semester go together")
    elif term is not None:
        raise _fail(source, "term must be a string like 2026-1 or a {column: ...} mapping")
    separators = data.get("separators") or {}
    if not isinstance(separators, dict):
        raise _fail(source, "separators must map a field to a list of separators")
    mapping.separators = {k: [str(s) for s in (v if isinstance(v, list) else [v])] for k, v in separators.items()}
    if data.get("english_values") is not None:
        values = data["english_values"]
        if not isinstance(values, list):
            raise _fail(source, "english_values must be a list")
        mapping.english_values = tuple(str(v) for v in values)
    slots = data.get("slots") or {}
    if slots:
        if not isinstance(slots, dict):
            raise _fail(source, "slots must be a mapping")
        style = slots.get("style", "combined")
        if style not in SLOT_KEYS:
            raise _fail(source, f"slots.style must be one of {sorted(SLOT_KEYS)}")
        slots = {**slots, "style": style}
        extra = set(slots) - SLOT_KEYS[style]
        if extra:
            raise _fail(source, f"slots ({style}) does not take {sorted(extra)}")
        needed = {"combined": ("column",), "split": ("days", "start", "end"), "list": ("column",)}[style]
        for key in needed:
            if not slots.get(key):
                raise _fail(source, f"slots.{key} is required for style {style}")
        try:
            if slots.get("regex"):
                mapping._regex = re.compile(str(slots["regex"]))
                if not {"start", "end"} <= set(mapping._regex.groupindex) or not (
                    {"days", "day"} & set(mapping._regex.groupindex)
                ):
                    raise _fail(source, "slots.regex needs named groups days (or day), start and end")
            if slots.get("separator"):
                mapping._separator = re.compile(str(slots["separator"]))
        except re.error as exc:
            raise _fail(source, f"bad regular expression: {exc}") from None
        notation = slots.get("notation", "regex" if slots.get("regex") else "auto")
        if notation not in ("auto", "regex") or (notation == "regex" and not slots.get("regex")):
            raise _fail(source, "slots.notation is auto, or regex together with slots.regex")
        mapping.slots = slots
    return mapping


def load_mapping(path: str | Path) -> ColumnMapping:
    """Read and validate a mapping file."""
    import yaml  # only when a mapping is actually read: the CLI and API start without it

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(f"mapping file not found: {path}") from None
    except yaml.YAMLError as exc:
        raise CatalogError(f"mapping {path.name}: invalid YAML ({exc})") from None
    return parse_mapping(data, path.name)


__all__ = ["ColumnMapping", "load_mapping", "parse_mapping", "parse_time"]
