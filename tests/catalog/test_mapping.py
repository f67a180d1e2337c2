"""Column mappings (YAML) for CSV and JSON exports that are not built-in profiles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agent.catalog import CatalogError, find_mapping, load_catalog, load_mapping


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def slots(section) -> list[tuple[str, int, int, str | None]]:
    return [(s.day, s.start, s.end, s.room) for s in section.slots]


CSV_SPLIT = """\
학기,코드,반,교과목,교수,학점,요일,시작,종료,강의실,언어,비고1,비고2
2026년 1학기,CS201,1,자료구조,"김하늘 / 이바다",3,"월,수",09:00,10:15,공학관 301,ENG,선수: 프로그래밍,
2026년 1학기,CS301,1,운영체제,박구름,3,화목,10:30,11:45,,KOR,,노트북 지참
2026 여름학기,CS100,1,코딩캠프,박구름,1,토,09:00,12:50,실습실 2,KOR,,
2026년 1학기,CS302,1,네트워크,박구름,3,월수,10:30,09:45,,KOR,,
"""

MAP_SPLIT = """\
university: 테스트대학교
term: {column: 학기}
columns:
  code: 코드
  section: 반
  name: 교과목
  professors: 교수
  credits: 학점
  english: 언어
  notes: [비고1, 비고2]
separators: {professors: [" / "]}
english_values: [eng]
slots: {style: split, days: 요일, start: 시작, end: 종료, room: 강의실}
"""


def test_csv_with_split_columns_term_column_and_options(tmp_path: Path) -> None:
    catalog = write(tmp_path / "export.csv", CSV_SPLIT)
    write(tmp_path / "export.mapping.yaml", MAP_SPLIT)
    assert find_mapping(catalog) == tmp_path / "export.mapping.yaml"
    result = load_catalog(catalog)  # the mapping beside it is found
    assert result.terms == ["2026-1", "2026-여름"]
    ds = {s.code: s for s in result.sections}
    s = ds["CS201"]
    assert s.id == "2026-1:CS201:1" and s.university == "테스트대학교"
    assert s.professors == ["김하늘", "이바다"] and s.english is True and s.credits == 3.0
    assert slots(s) == [("월", 540, 615, "공학관 301"), ("수", 540, 615, "공학관 301")]
    assert s.notes == "선수: 프로그래밍"
    assert slots(ds["CS301"]) == [("화", 630, 705, None), ("목", 630, 705, None)]
    assert ds["CS301"].english is False and ds["CS301"].notes == "노트북 지참"
    assert ds["CS100"].term == "2026-여름"
    # The broken row (ends before it starts) is reported on its line, the rest loaded.
    assert [(p.row, p.severity) for p in result.problems] == [(5, "error")]
    assert "요일/시작/종료" in result.problems[0].reason and "end before start" in result.problems[0].reason
    # term= selects from a file with a term column.
    assert load_catalog(catalog, term="2026-여름").loaded == 1


def test_json_export_with_nested_fields_and_meeting_lists(tmp_path: Path) -> None:
    data = {"meta": {"school": "예시대"}, "data": {"courses": [
        {"id": "MATH101", "sec": "A", "title": {"ko": "선형대수", "en": "Linear Algebra"},
         "teachers": ["최별", "정달", "최별"], "credit": 3, "hc": "4.0/3.0", "lang": "English",
         "meetings": [{"d": "Mon", "from": "9:00", "to": "10:15", "where": "N201"},
                      {"d": "Wed", "from": "9:00", "to": "10:15", "where": "N201"}],
         "kind": "전공선택"},
        {"id": "MATH102", "title": {"ko": "미적분학"}, "teachers": [], "credit": "three",
         "meetings": [], "kind": "교양필수"},
        {"id": "", "title": {"ko": "이름만"}, "meetings": []},
        {"id": "MATH103", "title": {"ko": "해석학"}, "meetings": [{"d": "Fun", "from": "9:00", "to": "10:00"}]},
    ]}}
    catalog = tmp_path / "courses.json"
    catalog.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    mapping = write(tmp_path / "anything.yaml", """\
records: data.courses
term: 2026-2
university: 예시대학교
columns:
  code: id
  section: sec
  name: title.ko
  name_en: title.en
  professors: teachers
  hours_credits: hc
  credits: credit
  category: kind
  english: lang
english_values: [english]
slots: {style: list, column: meetings, day: d, start: from, end: to, room: where}
""")
    result = load_catalog(catalog, mapping=mapping)
    assert result.profile == "mapping:anything.yaml"
    assert (result.loaded, result.skipped, result.warnings) == (2, 2, 1)
    first, second = result.sections
    assert first.id == "2026-2:MATH101:A" and first.name_en == "Linear Algebra"
    assert first.professors == ["최별", "정달"]
    assert (first.hours, first.credits, first.english) == (4.0, 3.0, True)
    assert slots(first) == [("월", 540, 615, "N201"), ("수", 540, 615, "N201")]
    assert first.category == "전공선택 [전선]"
    assert second.credits is None and second.slots == [] and second.category == "교양필수 [교필]"
    reasons = {p.row: p.reason for p in result.problems}
    assert "bad three" not in reasons[2] and "'three'" in reasons[2]       # warning, record 2
    assert "missing id" in reasons[3]                                      # JSON: row = record index
    assert "unknown day 'Fun'" in reasons[4]


def test_json_lines_and_regex_notation_and_encoding(tmp_path: Path) -> None:
    lines = [
        {"code": "E1", "name": "영어회화", "time": "월1 09:00~09:50 @A101 | 수1 09:00~09:50 @A101", "prof": "Kim"},
        {"code": "E2", "name": "영작문", "time": "", "prof": "Lee"},
    ]
    catalog = write(tmp_path / "dump.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    mapping = write(tmp_path / "dump.mapping.yaml", r"""
term: 2025-겨울
columns: {code: code, name: name, professors: prof}
slots:
  column: time
  notation: regex
  regex: '(?P<days>[월화수목금토일])\d (?P<start>\d\d:\d\d)~(?P<end>\d\d:\d\d) @(?P<room>\S+)'
  separator: '\s*\|\s*'
""")
    result = load_catalog(catalog, mapping=mapping)
    assert [slots(s) for s in result.sections] == [[("월", 540, 590, "A101"), ("수", 540, 590, "A101")], []]
    assert result.terms == ["2025-겨울"]
    # A legacy-encoded CSV with a constant term, read through `encoding:`.
    legacy = write(tmp_path / "legacy.csv", "번호,이름,시간\nK1,국어,화 13:30-14:45 (인문관 101-홍)\n", "cp949")
    write(tmp_path / "legacy.mapping.yaml",
          "encoding: cp949\nterm: '2026-1'\ncolumns: {code: 번호, name: 이름}\nslots: {column: 시간}\n")
    [section] = load_catalog(legacy).sections
    assert slots(section) == [("화", 810, 885, "인문관 101")] and section.professors == ["홍"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("columns: {code: a, name: b}\nslot: {column: c}\n", r"unknown keys \['slot'\]"),
        ("columns: {code: a, name: b, teacher: c}\n", r"unknown fields in columns: \['teacher'\]"),
        ("columns: {code: a}\n", "columns.name is required"),
        ("term: 2026-1\n", "'columns' is required"),
        ("columns: {code: a, name: b}\nslots: {style: split, days: d}\n", "slots.start is required"),
        ("columns: {code: a, name: b}\nslots: {column: c, regex: '(?P<x>.*)'}\n", "named groups"),
        ("columns: {code: a, name: b}\nslots: {column: c, regex: '(?P<days>['}\n", "bad regular expression"),
        ("columns: {code: a, name: b}\nencoding: klingon\n", "unknown encoding"),
        ("columns: {code: a, name: b}\nterm: someday\n", "term: cannot read term"),
        ("columns: [code, name]\n", "'columns' is required"),
        ("columns: {code: a, name: b\n", "invalid YAML"),
    ],
)
def test_mapping_errors_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "bad.mapping.yaml", text)
    with pytest.raises(CatalogError, match=message):
        load_mapping(path)


def test_mapping_columns_missing_from_the_file(tmp_path: Path) -> None:
    catalog = write(tmp_path / "x.csv", "code,title\nA,B\n")
    write(tmp_path / "x.mapping.yaml", "term: 2026-1\ncolumns: {code: code, name: name, credits: 학점}\n")
    with pytest.raises(CatalogError, match=r"not in the file: name, 학점 \(file has: code, title\)"):
        load_catalog(catalog)


def test_mapping_without_any_term(tmp_path: Path) -> None:
    catalog = write(tmp_path / "x.csv", "code,name\nA,B\n")
    write(tmp_path / "x.mapping.yaml", "columns: {code: code, name: name}\n")
    with pytest.raises(CatalogError, match="pass term="):
        load_catalog(catalog)
    assert load_catalog(catalog, term="2027-1").sections[0].id == "2027-1:A"
