"""`section_record`: what the model reads about a section, including the optional catalog fields."""

from __future__ import annotations

from pathlib import Path

from agent.catalog import load_catalog
from agent.catalog.models import CourseSection
from tools.records import section_record, to_text

BASE = {"term": "2026-1", "code": "X1", "name": "과목"}


def test_fields_the_catalog_did_not_fill_are_left_out() -> None:
    record = section_record(CourseSection(**BASE))
    assert record == {"code": "X1", "name": "과목", "schedule": "시간 미정", "term": "2026-1"}


def test_optional_fields_appear_compactly_when_present() -> None:
    section = CourseSection(
        **BASE, level="석박", restricted_to_target=True, restrictions="대상외수강제한\n" + "가" * 200,
        seats_left=0, capacity=20, enrolled=20, delivery="혼합", language="영·한혼합",
        exam="04.23(수)19:30~20:30[K302]", student_id_digits="[1,3,5,7,9]",
    )
    record = section_record(section)
    assert record["level"] == "석박" and record["restricted_to_target"] is True
    assert record["restrictions"].startswith("대상외수강제한\n") and len(record["restrictions"]) == 120
    assert (record["seats_left"], record["capacity"], record["enrolled"]) == (0, 20, 20)  # 0 seats is a fact
    assert (record["delivery"], record["language"]) == ("혼합", "영·한혼합")
    assert (record["exam"], record["student_id_digits"]) == ("04.23(수)19:30~20:30[K302]", "[1,3,5,7,9]")
    assert '"seats_left":0' in to_text(record)


def test_redundant_or_empty_values_stay_out() -> None:
    # english already says 영어; 한국어 is what a student assumes; 0 enrolled in a pre-registration
    # export says nothing; False is the flag's default ("no statement")
    english = section_record(CourseSection(**BASE, english=True, language="영어", enrolled=0, level="학사"))
    assert english["english"] is True and "language" not in english and "enrolled" not in english
    assert english["level"] == "학사" and "restricted_to_target" not in english
    assert "language" not in section_record(CourseSection(**BASE, language="한국어"))


def test_real_soongsil_graduate_and_restricted_records(shared_data: Path) -> None:
    sections = {s.code: s for s in load_catalog(shared_data / "ssu-2026-1.csv").sections}
    # 과정 석사과정, 수강인원 23, 여석 77
    counseling = next(s for s in sections.values() if s.name == "상담사례개념화")
    record = section_record(counseling)
    assert (record["level"], record["enrolled"], record["seats_left"]) == ("석사", 23, 77)
    assert record["target"] == "전체"
    # 수강대상 "전체학년 경영학부 군위탁 (대상외수강제한)", 여석 0, 강좌유형정보 대면+녹화
    record = section_record(sections["2150811899"])
    assert record["restricted_to_target"] is True and record["restrictions"] == "대상외수강제한"
    assert (record["seats_left"], record["delivery"], record["level"]) == (0, "혼합", "학사")
    assert "enrolled" not in record and "capacity" not in record
