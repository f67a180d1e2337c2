"""Reading raw records (dicts of column -> value) with their position, from CSV or JSON files."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent.catalog.result import CatalogError


@dataclass(frozen=True, slots=True)
class RawRecord:
    line: int      # 1-based line where the record starts (JSON: the record index)
    index: int     # 1-based index among data records
    values: dict[str, Any]
    extra: list[str] | None = None   # cells beyond the header (malformed row)
    short: bool = False               # fewer cells than the header (malformed row)


def read_text(path: Path, encoding: str) -> str:
    try:
        return path.read_text(encoding=encoding)
    except FileNotFoundError:
        raise CatalogError(f"catalog file not found: {path}") from None
    except UnicodeDecodeError as exc:
        raise CatalogError(
            f"{path.name}: not readable as {encoding} ({exc.reason} at byte {exc.start}); "
            "set `encoding:` in the mapping (e.g. cp949)"
        ) from None


def csv_header(path: Path, encoding: str = "utf-8-sig", delimiter: str = ",") -> list[str]:
    """Just the header row (profile detection reads only this)."""
    try:
        with path.open(encoding=encoding, newline="") as handle:
            row = next(csv.reader(handle, delimiter=delimiter), None)
    except FileNotFoundError:
        raise CatalogError(f"catalog file not found: {path}") from None
    except UnicodeDecodeError as exc:
        raise CatalogError(f"{path.name}: not readable as {encoding} ({exc.reason})") from None
    if not row:
        raise CatalogError(f"{path.name}: empty file (no header row)")
    return [cell.strip().lstrip("\ufeff") for cell in row]


def iter_csv(path: Path, encoding: str = "utf-8-sig", delimiter: str = ",") -> tuple[list[str], Iterator[RawRecord]]:
    """Header and records. Line numbers follow the file even across quoted multi-line cells."""
    text = read_text(path, encoding)
    # newline="" keeps \r inside quoted cells and counts lines as the file does.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [cell.strip().lstrip("\ufeff") for cell in next(reader)]
    except StopIteration:
        raise CatalogError(f"{path.name}: empty file (no header row)") from None
    except csv.Error as exc:
        raise CatalogError(f"{path.name}: unreadable header ({exc})") from None

    def records() -> Iterator[RawRecord]:
        index = 0
        next_line = reader.line_num + 1
        while True:
            start = next_line
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                # The csv module cannot resync after this; report it and stop cleanly.
                raise CatalogError(f"{path.name}:{start}: malformed CSV ({exc})") from None
            next_line = reader.line_num + 1
            if not row or all(not cell.strip() for cell in row):
                continue
            index += 1
            values = dict(zip(header, row))
            extra = row[len(header):] if len(row) > len(header) else None
            yield RawRecord(start, index, values, extra=extra, short=len(row) < len(header))

    return header, records()


def _dig(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(data, dict) or part not in data:
            raise CatalogError(f"JSON path {dotted!r} not found (stopped at {part!r})")
        data = data[part]
    return data


def iter_json(path: Path, encoding: str = "utf-8-sig", records_path: str | None = None) -> Iterator[RawRecord]:
    """Records from a JSON export: a top-level list, or the list at `records_path` ('data.courses'),
    or a JSON-lines file (one object a line)."""
    text = read_text(path, encoding)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            data = [json.loads(line) for line in lines]
        except json.JSONDecodeError:
            raise CatalogError(f"{path.name}: invalid JSON at line {exc.lineno} ({exc.msg})") from None
    if records_path:
        data = _dig(data, records_path)
    elif isinstance(data, dict):
        lists = [key for key, value in data.items() if isinstance(value, list)]
        if len(lists) != 1:
            raise CatalogError(f"{path.name}: a JSON object; set `records:` in the mapping to the key of the list")
        data = data[lists[0]]
    if not isinstance(data, list):
        raise CatalogError(f"{path.name}: expected a list of records")
    for index, item in enumerate(data, start=1):
        yield RawRecord(index, index, item if isinstance(item, dict) else {"__value__": item})
