"""Deliberately broken copies of real catalogs: each bad row is reported with file, line and reason,
and every other row still loads."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from agent.catalog import CatalogError, load_catalog


def read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, list(reader)


def write_rows(path: Path, header: list[str], rows: list[list[str]]) -> list[int]:
    """Write a CSV and return, for each data record, the 1-based line where it starts (counted here,
    independently of the loader, from the newlines written before it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    starts: list[int] = []
    for row in rows:
        starts.append(buffer.getvalue().count("\n") + 1)
        writer.writerow(row)
    path.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
    return starts


def test_broken_soongsil_copy(shared_data: Path, tmp_path: Path) -> None:
    header, rows = read_rows(shared_data / "ssu-2026-1.csv")
    col = {name: i for i, name in enumerate(header)}
    slot, code, hc = col["강의시간(강의실)"], col["과목번호"], col["시간/학점(설계)"]
    rows[10][slot] = "월 25:00-26:00 (진리관 11101-홍길동)"
    rows[500][slot] = "X 13:00-13:50 (진리관 11101-)"
    rows[2000][code] = ""
    rows[2500][code] = rows[2499][code]        # duplicate id: warning, first kept
    rows[100][hc] = "삼/3"                      # unreadable hours/credits: warning, loaded without them
    rows[1200] = rows[1200] + ["stray cell"]   # a shifted row
    path = tmp_path / "ssu-2026-1.csv"
    starts = write_rows(path, header, rows)
    # Multi-line cells push records down: line numbers and record indexes differ, and both must be right.
    assert starts[2000] > 2001 + 1000

    result = load_catalog(path)
    errors = {p.record: p for p in result.problems if p.severity == "error"}
    warnings = {p.record: p for p in result.problems if p.severity == "warning"}
    assert set(errors) == {11, 501, 2001, 1201}
    assert set(warnings) == {101, 2501}
    for record, problem in {**errors, **warnings}.items():
        assert problem.file == "ssu-2026-1.csv"
        assert problem.row == starts[record - 1], (record, problem)
    assert "bad time" in errors[11].reason and "25:00" in errors[11].reason
    assert "unknown day 'X'" in errors[501].reason
    assert "missing 과목번호" in errors[2001].reason
    assert "19 cells" in errors[1201].reason and "18" in errors[1201].reason
    assert "duplicate" in warnings[2501].reason and rows[2499][code] in warnings[2501].reason
    assert "시간/학점" in warnings[101].reason

    assert (result.loaded, result.skipped, result.warnings) == (3048 - 4 - 1, 4, 2)
    assert "loaded 3,043 / skipped 4 / warnings 2" in result.summary()
    loaded = {s.code: s for s in result.sections}
    assert rows[10][code] not in loaded and rows[500][code] not in loaded
    kept = loaded[rows[100][code]]
    assert kept.credits is None and kept.hours is None
    assert len(kept.slots) == len(rows[100][slot].strip().splitlines())  # timetable intact
    assert loaded[rows[2499][code]].name == rows[2499][col["과목명"]].strip()  # the first one was kept
    assert str(errors[11]).startswith(f"ssu-2026-1.csv:{starts[10]}: error: ")


def test_broken_sogang_multi_copy(shared_data: Path, tmp_path: Path) -> None:
    header, rows = read_rows(shared_data / "sogang-2023-2025.csv")
    col = {name: i for i, name in enumerate(header)}
    rows[3][col["시작시간"]] = "9시"
    rows[4][col["요일"]] = "['월', '휴']"
    rows[5][col["학기"]] = "3학기"
    rows[6][col["과목명"]] = "  "
    rows[7][col["종료시간"]] = "08:00"   # ends before it starts
    rows[8][col["학점"]] = "세 학점"
    path = tmp_path / "broken-sogang.csv"
    starts = write_rows(path, header, rows)

    result = load_catalog(path)
    errors = {p.record: p.reason for p in result.problems if p.severity == "error"}
    assert set(errors) == {4, 5, 6, 7, 8}
    assert "bad time '9시'" in errors[4]
    assert "unknown day '휴'" in errors[5]
    assert "unknown semester '3학기'" in errors[6]
    assert "missing 과목명" in errors[7]
    assert "end before start" in errors[8]
    assert [p.row for p in result.problems if p.severity == "error"] == [starts[i] for i in (3, 4, 5, 6, 7)]
    assert result.warnings == 1 and "bad 학점 '세 학점'" in result.problems[-1].reason
    assert result.loaded == 6523 - 5


def test_whole_file_errors_are_clear(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="not found"):
        load_catalog(tmp_path / "nope.csv")
    unknown = tmp_path / "other.csv"
    unknown.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"unknown catalog layout \(3 columns: a, b, c\).*mapping"):
        load_catalog(unknown)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(CatalogError, match="empty"):
        load_catalog(empty)
    data = tmp_path / "export.json"
    data.write_text("[]", encoding="utf-8")
    with pytest.raises(CatalogError, match="needs a column mapping"):
        load_catalog(data)
    with pytest.raises(CatalogError, match="cannot read term"):
        load_catalog(unknown, term="next spring")
