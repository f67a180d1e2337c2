"""Reading and validating a mapping file (YAML) into a `ColumnMapping`: unknown keys and fields, bad
regexes, encodings and term settings raise `CatalogError` naming the problem, before any row is read."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from agent.catalog.mapping.columns import FIELDS, SLOT_KEYS, TOP_KEYS, ColumnMapping
from agent.catalog.periods import PeriodTableError, parse_period_table
from agent.catalog.result import CatalogError
from agent.catalog.terms import TermError, normalize_term


def _fail(source: str, message: str) -> CatalogError:
    return CatalogError(f"mapping {source}: {message}")


def _check_columns(data: dict[str, Any], source: str) -> dict[str, Any]:
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
    return columns


def _term_constant(value: object, source: str) -> str:
    try:
        return normalize_term(str(value))
    except TermError as exc:
        raise _fail(source, f"term: {exc}") from None


def _read_term(mapping: ColumnMapping, term: Any, source: str) -> None:
    if isinstance(term, (str, int, float)):
        mapping.term_constant = _term_constant(term, source)
    elif isinstance(term, dict):
        if set(term) - {"column", "year", "semester", "value"}:
            raise _fail(source, "term takes value, column, or year + semester")
        if term.get("value"):
            mapping.term_constant = _term_constant(term["value"], source)
        mapping.term_column = term.get("column")
        mapping.term_year, mapping.term_semester = term.get("year"), term.get("semester")
        if bool(mapping.term_year) != bool(mapping.term_semester):
            raise _fail(source, "term.year and term.semester go together")
    elif term is not None:
        raise _fail(source, "term must be a string like 2026-1 or a {column: ...} mapping")


def _read_options(mapping: ColumnMapping, data: dict[str, Any], source: str) -> None:
    separators = data.get("separators") or {}
    if not isinstance(separators, dict):
        raise _fail(source, "separators must map a field to a list of separators")
    mapping.separators = {k: [str(s) for s in (v if isinstance(v, list) else [v])] for k, v in separators.items()}
    if data.get("english_values") is not None:
        values = data["english_values"]
        if not isinstance(values, list):
            raise _fail(source, "english_values must be a list")
        mapping.english_values = tuple(str(v) for v in values)


def _compile_slot_patterns(mapping: ColumnMapping, slots: dict[str, Any], source: str) -> None:
    try:
        if slots.get("regex"):
            mapping._regex = re.compile(str(slots["regex"]))
            groups = set(mapping._regex.groupindex)
            if not {"start", "end"} <= groups or not ({"days", "day"} & groups):
                raise _fail(source, "slots.regex needs named groups days (or day), start and end")
        if slots.get("separator"):
            mapping._separator = re.compile(str(slots["separator"]))
    except re.error as exc:
        raise _fail(source, f"bad regular expression: {exc}") from None


def _read_slots(mapping: ColumnMapping, slots: Any, source: str) -> None:
    if not slots:
        return
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
    _compile_slot_patterns(mapping, slots, source)
    notation = slots.get("notation", "regex" if slots.get("regex") else "auto")
    if notation not in ("auto", "regex") or (notation == "regex" and not slots.get("regex")):
        raise _fail(source, "slots.notation is auto, or regex together with slots.regex")
    mapping.slots = slots


def parse_mapping(data: Any, source: str = "<mapping>") -> ColumnMapping:
    """A mapping from already-parsed YAML/JSON data (a dict). Raises CatalogError naming the problem."""
    if not isinstance(data, dict):
        raise _fail(source, "expected a YAML mapping (key: value) at the top level")
    columns = _check_columns(data, source)
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
    _read_term(mapping, data.get("term"), source)
    _read_options(mapping, data, source)
    _read_slots(mapping, data.get("slots"), source)
    if data.get("periods") is not None:
        try:
            mapping.periods = [tuple(p) for p in parse_period_table(data["periods"])]  # type: ignore[misc]
        except PeriodTableError as exc:
            raise _fail(source, str(exc)) from None
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

