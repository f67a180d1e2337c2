"""The optional fields through a column mapping (CSV and JSON), and the sample catalog's use of them."""

from __future__ import annotations

import json
from pathlib import Path

from agent.catalog import load_catalog
from agent.settings import SAMPLE_CATALOG

CSV = """\
코드,과목,과정,대상,제한,대상외,여석,정원,인원,방식,언어,시험,학번
G1,딥러닝특론,석사과정,대학원 석사,,,3,20,17,대면+녹화,영어,06.10(수)19:00~20:00[N201],
G2,학부강의,학부,전학년,대상외수강제한,,0,40,40,Online,Korean,,"[1,3,5,7,9]"
G3,세미나,대학원,,박사과정생만 수강가능,,,,,hybrid,영·한 혼합,,
G4,이상한값,대학원생,,,O,-1,많음,2.5,텔레파시,Klingon,기말 대체,
G5,경영학원론,학사,경영학부 1학년 (대상외수강제한),학점교류생 수강불가,,10,,,,,,
"""

MAPPING = """\
term: 2026-1
columns:
  code: 코드
  name: 과목
  level: 과정
  target: 대상
  restrictions: 제한
  restricted_to_target: 대상외
  seats_left: 여석
  capacity: 정원
  enrolled: 인원
  delivery: 방식
  language: 언어
  exam: 시험
  student_id_digits: 학번
"""


def test_csv_mapping_reads_every_optional_field(tmp_path: Path) -> None:
    catalog = tmp_path / "grad.csv"
    catalog.write_text(CSV, encoding="utf-8")
    (tmp_path / "grad.mapping.yaml").write_text(MAPPING, encoding="utf-8")
    result = load_catalog(catalog)
    s = {x.code: x for x in result.sections}
    g1 = s["G1"]
    assert (g1.level, g1.graduate, g1.delivery, g1.language, g1.english) == ("석사", True, "혼합", "영어", True)
    assert (g1.seats_left, g1.capacity, g1.enrolled) == (3, 20, 17)
    assert g1.exam_time().label() == "06.10(수) 19:00-20:00 N201" and g1.exam_time().date == "2026-06-10"
    assert g1.restricted_to_target is False and g1.restrictions is None
    g2 = s["G2"]
    assert (g2.level, g2.graduate, g2.delivery, g2.language, g2.english) == ("학사", False, "원격", "한국어", False)
    assert (g2.seats_left, g2.restrictions, g2.student_id_digits) == (0, "대상외수강제한", "[1,3,5,7,9]")
    assert g2.restricted_to_target is True  # the 대상외 cell is empty, but 제한 words the rule
    g3 = s["G3"]
    assert (g3.level, g3.delivery, g3.language, g3.exam) == ("석박", "혼합", "영·한혼합", None)
    g4 = s["G4"]
    assert g4.restricted_to_target is True  # 대상외 = O
    assert (g4.level, g4.seats_left, g4.capacity, g4.enrolled, g4.delivery, g4.language) == (None,) * 6
    assert g4.exam == "기말 대체" and g4.exam_time() is None  # kept as text, not guessed
    reasons = sorted(p.reason for p in result.problems if p.row == 5)
    assert len(reasons) == 6 and all(p.severity == "warning" for p in result.problems)
    joined = " | ".join(reasons)
    for fragment in ("unknown level '대학원생'", "bad 여석 '-1'", "bad 정원 '많음'", "bad 인원 '2.5'",
                     "unknown delivery '텔레파시'", "unknown language 'Klingon'"):
        assert fragment in joined, joined
    assert result.loaded == 5


def test_flag_is_read_from_target_and_restrictions_without_a_flag_column(tmp_path: Path) -> None:
    catalog = tmp_path / "grad.csv"
    catalog.write_text(CSV, encoding="utf-8")
    mapping = tmp_path / "plain.yaml"
    mapping.write_text(MAPPING.replace("  restricted_to_target: 대상외\n", ""), encoding="utf-8")
    s = {x.code: x for x in load_catalog(catalog, mapping=mapping).sections}
    assert s["G2"].restricted_to_target is True   # 제한 "대상외수강제한"
    assert s["G3"].restricted_to_target is True   # "박사과정생만 수강가능"
    assert s["G5"].restricted_to_target is True   # 대상 "... (대상외수강제한)"
    assert s["G1"].restricted_to_target is False
    assert s["G4"].restricted_to_target is False  # its O was in the 대상외 column, not mapped here


def test_json_numbers_and_english_language_completing_each_other(tmp_path: Path) -> None:
    records = [
        {"id": "J1", "title": "Data Mining", "seats": 12, "cap": 30.0, "lang": "English",
         "level": "graduate"},
        {"id": "J2", "title": "자료구조", "seats": 0, "cap": 40, "lang": "한국어", "level": "undergraduate"},
    ]
    catalog = tmp_path / "c.json"
    catalog.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    mapping = tmp_path / "c.yaml"
    mapping.write_text("term: 2026-2\ncolumns: {code: id, name: title, seats_left: seats, capacity: cap, "
                       "language: lang, level: level}\n", encoding="utf-8")
    j1, j2 = load_catalog(catalog, mapping=mapping).sections
    assert (j1.seats_left, j1.capacity, j1.language, j1.english, j1.level) == (12, 30, "영어", True, "석박")
    assert (j2.seats_left, j2.capacity, j2.language, j2.english, j2.level) == (0, 40, "한국어", False, "학사")
    # Only `english` mapped: an English-taught section's language is 영어, the others' stays unknown.
    mapping.write_text("term: 2026-2\ncolumns: {code: id, name: title, english: lang}\n"
                       "english_values: [english]\n", encoding="utf-8")
    j1, j2 = load_catalog(catalog, mapping=mapping).sections
    assert (j1.english, j1.language, j2.english, j2.language) == (True, "영어", False, None)


def test_sample_catalog_shows_graduate_sections_seats_and_rules() -> None:
    sections = load_catalog(SAMPLE_CATALOG).sections
    graduate = [s for s in sections if s.graduate]
    assert {s.code for s in graduate} == {"AIG5001", "AIG5002", "AIG5003", "AIG5004", "AIG6001"}
    assert {s.level for s in graduate} == {"석사", "석박", "박사"}
    assert all(s.level == "학사" for s in sections if not s.graduate)
    assert all(s.capacity and s.seats_left is not None and 0 <= s.seats_left <= s.capacity for s in sections)
    assert 10 <= sum(1 for s in sections if s.seats_left == 0) <= 60  # some sections are full
    assert {s.delivery for s in sections} == {"대면", "혼합"}
    assert all(s.language == ("영어" if s.english else "한국어") for s in sections)
    ai = next(s for s in sections if s.code == "AIG5002")
    assert ai.english and ai.restricted_to_target and "대상외수강제한" in ai.restrictions
    assert sum(1 for s in sections if s.restrictions) == 5
