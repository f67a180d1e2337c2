"""The three real catalogs in ../shared/data: every row loads, and sampled rows parse exactly.

Expected values below were read off the raw CSV cells (quoted in each test) by hand.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from agent.catalog import CatalogError, LoadResult, MeetingSlot, load_catalog


def by_id(result: LoadResult) -> dict[str, object]:
    return {s.id: s for s in result.sections}


def slots(section) -> list[tuple[str, int, int, str | None]]:
    return [(s.day, s.start, s.end, s.room) for s in section.slots]


def raw_rows(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


# --- counts ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("fixture", "file", "count"),
    [("ssu", "ssu-2026-1.csv", 3048), ("sogang", "sogang-2025-1.csv", 1387),
     ("sogang_multi", "sogang-2023-2025.csv", 6523)],
)
def test_every_row_loads(request, shared_data: Path, fixture: str, file: str, count: int) -> None:
    result: LoadResult = request.getfixturevalue(fixture)
    assert raw_rows(shared_data / file) == count  # the file is what the README says
    assert result.loaded == count
    assert result.skipped == 0 and result.warnings == 0, [str(p) for p in result.problems[:5]]
    assert len({s.id for s in result.sections}) == count
    assert f"loaded {count:,}" in result.summary() and "skipped 0" in result.summary()


def test_profiles_and_universities(ssu: LoadResult, sogang: LoadResult, sogang_multi: LoadResult) -> None:
    assert (ssu.profile, sogang.profile, sogang_multi.profile) == ("ssu", "sogang", "sogang-multi")
    assert {s.university for s in ssu.sections} == {"숭실대학교"}
    assert {s.university for s in sogang.sections} == {"서강대학교"}
    assert {s.university for s in sogang_multi.sections} == {"서강대학교"}


# --- terms ----------------------------------------------------------------------------------------

def test_terms(ssu: LoadResult, sogang: LoadResult, sogang_multi: LoadResult) -> None:
    assert ssu.terms == ["2026-1"]
    assert sogang.terms == ["2025-1"]
    assert sogang_multi.terms == [
        "2023-1", "2023-여름", "2023-2", "2023-겨울", "2024-1", "2024-여름", "2024-2", "2024-겨울", "2025-1",
    ]
    counts = {term: len(sections) for term, sections in sogang_multi.by_term().items()}
    # Counted from 학년도+학기 in the raw file: 2023 1학기 1,150 ... 2024 동계학기 59.
    assert counts == {"2023-1": 1150, "2023-여름": 60, "2023-2": 1117, "2023-겨울": 54, "2024-1": 1444,
                      "2024-여름": 63, "2024-2": 1189, "2024-겨울": 59, "2025-1": 1387}


def test_term_selection_on_multi_term_file(shared_data: Path) -> None:
    summer = load_catalog(shared_data / "sogang-2023-2025.csv", term="2024 하계학기")
    assert summer.terms == ["2024-여름"] and summer.loaded == 63
    with pytest.raises(CatalogError, match=r"2026-1.*2023-1, 2023-여름"):
        load_catalog(shared_data / "sogang-2023-2025.csv", term="2026-1")


def test_soongsil_term_comes_from_the_file_name_or_the_argument(shared_data: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "soongsil-export.csv"
    renamed.write_bytes((shared_data / "ssu-2026-1.csv").read_bytes())
    with pytest.raises(CatalogError, match="term='2026-1'"):
        load_catalog(renamed)
    explicit = load_catalog(renamed, term="2026년 1학기")
    assert explicit.terms == ["2026-1"] and explicit.loaded == 3048
    # The argument wins over the file name.
    assert load_catalog(shared_data / "ssu-2026-1.csv", term="2026-2").terms == ["2026-2"]


# --- Soongsil rows --------------------------------------------------------------------------------

def test_ssu_slots_with_rooms_in_parentheses_and_two_professors(ssu: LoadResult) -> None:
    # 강의시간(강의실): 월 13:00-13:50 (조만식기념관 12214-이순녀) / 월 14:00-14:50 (...12214-이순녀)
    #   / 월 15:00-15:50 (조만식기념관 12530 (경제학과겸임교수강의실)-최현희) / 월 16:00-16:50 (...)
    # 교수명: "이순녀\n최현희"; 시간/학점(설계): 4.0/3.0
    s = by_id(ssu)["2026-1:5006762801"]
    assert s.name == "(공통)물리1및실험"
    assert s.professors == ["이순녀", "최현희"]
    assert (s.hours, s.credits) == (4.0, 3.0)
    assert slots(s) == [
        ("월", 780, 830, "조만식기념관 12214"),
        ("월", 840, 890, "조만식기념관 12214"),
        ("월", 900, 950, "조만식기념관 12530 (경제학과겸임교수강의실)"),
        ("월", 960, 1010, "조만식기념관 12530 (경제학과겸임교수강의실)"),
    ]
    assert s.department == "물리학과" or s.department  # 개설학과 is kept as written
    assert "전기" in s.category and "전공기초" in s.category and "전선-컴퓨터" in s.category


def test_ssu_slot_without_room_and_graduate_target(ssu: LoadResult) -> None:
    # "토 16:20-17:10 (-신용태)\n토 17:20-18:10 (-신용태)\n토 18:20-19:10 (-신용태)", 과정 석박과정
    s = by_id(ssu)["2026-1:5043723901"]
    assert s.name == "미래IT기술 인사이트"
    assert slots(s) == [("토", 980, 1030, None), ("토", 1040, 1090, None), ("토", 1100, 1150, None)]
    assert s.professors == ["신용태"] and s.section == ""
    assert (s.hours, s.credits) == (3.0, 3.0)
    # 과정 is its own field (level); 수강대상 stays as written
    assert (s.target, s.level, s.graduate) == ("전체", "석박", True)
    assert s.department == "IT정책경영학과"


def test_ssu_room_with_hyphen_and_nested_parentheses(ssu: LoadResult) -> None:
    # "목 15:00-16:15 (베어드홀 01101-3(자연과학 융합실습실)-김자헌)": the instructor is after the LAST hyphen
    s = by_id(ssu)["2026-1:2150688401"]
    assert slots(s)[0] == ("목", 900, 975, "베어드홀 01101-3(자연과학 융합실습실)")
    # "수 18:00-20:15 (조만식기념관 12532-1 (이진순강의실(대학원전용))-이기성)"
    s = by_id(ssu)["2026-1:2160704501"]
    assert slots(s) == [("수", 1080, 1215, "조만식기념관 12532-1 (이진순강의실(대학원전용))")]
    assert s.professors == ["이기성"]


def test_ssu_slot_without_instructor_and_no_professor(ssu: LoadResult) -> None:
    # "화 21:10-22:40 (조만식기념관 12530 (경제학과겸임교수강의실)-)", 교수명 empty
    s = by_id(ssu)["2026-1:5037702601"]
    assert slots(s) == [("화", 1270, 1360, "조만식기념관 12530 (경제학과겸임교수강의실)")]
    assert s.professors == []
    assert s.category == "전선_상담교육심리 [전공선택]"


def test_ssu_two_days_on_one_line(ssu: LoadResult) -> None:
    # "화 목 15:00-16:15 (진리관 11306-조성해)"
    s = by_id(ssu)["2026-1:2150011803"]
    assert slots(s) == [("화", 900, 975, "진리관 11306"), ("목", 900, 975, "진리관 11306")]
    assert s.days == ["화", "목"]
    assert s.category == "교선 [교양선택]"


def test_ssu_three_professors_and_english_marker(ssu: LoadResult) -> None:
    # 교수명 "김대욱\n김현숙\n임재규"
    assert by_id(ssu)["2026-1:5046862501"].professors == ["김대욱", "김현숙", "임재규"]
    # 강좌유형정보 "영어", 수강유의사항 "교환학생 수강 대상 과목"
    s = by_id(ssu)["2026-1:2150179301"]
    assert s.english is True
    assert "강좌유형: 영어" in s.notes and "교환학생 수강 대상 과목" in s.notes
    # 강좌유형정보 "영·한혼합" (mixed) is not English-taught; 152 sections are marked 영어.
    assert sum(s.english for s in ssu.sections) == 152


def test_ssu_hours_credits_and_categories_overall(ssu: LoadResult) -> None:
    assert all(s.credits is not None and s.hours is not None for s in ssu.sections)
    assert sum(1 for s in ssu.sections if (s.hours, s.credits) == (4.0, 3.0)) == 114  # "4.0/3.0" rows
    assert sum(1 for s in ssu.sections if s.slots) == 3048 - 57  # 57 rows have an empty timetable
    cats = [s.category or "" for s in ssu.sections]
    assert sum("전공필수" in c for c in cats) == sum("전필" in c for c in cats) > 0
    assert sum("교양필수" in c for c in cats) >= 408


# --- Sogang rows ----------------------------------------------------------------------------------

def test_sogang_combined_slot_english_year_target_description(sogang: LoadResult) -> None:
    # 수업시간/강의실 "화,목 15:00~16:15 [D402]", 영어강의 O, 권장학년 1-4학년, 과목 설명 "구)아시아의 국제관계"
    s = by_id(sogang)["2025-1:AAS2015:01"]
    assert slots(s) == [("화", 900, 975, "D402"), ("목", 900, 975, "D402")]
    assert s.english is True and s.year == "1-4학년" and s.target == "전학년"
    assert s.description == "구)아시아의 국제관계"
    assert (s.credits, s.hours, s.department) == (3.0, 3.0, "게페르트국제학부")


def test_sogang_two_meetings_without_room_and_professor_list(sogang: LoadResult) -> None:
    # "금 18:30~21:30 / 토 10:00~17:40", 교수진 "박병훈, 최윤희, 김민회"
    s = by_id(sogang)["2025-1:COR1007:01"]
    assert slots(s) == [("금", 1110, 1290, None), ("토", 600, 1060, None)]
    assert s.professors == ["박병훈", "최윤희", "김민회"]
    # "수 18:00~18:50": no room
    assert slots(by_id(sogang)["2025-1:COR1016:01"]) == [("수", 1080, 1130, None)]


def test_sogang_western_names_with_commas(sogang: LoadResult, sogang_multi: LoadResult) -> None:
    assert by_id(sogang)["2025-1:AMC3050:01"].professors == ["Hantke, Steffen Horst"]
    assert by_id(sogang)["2025-1:COR1017:10"].professors == ["김준걸", "Kim, Halla"]
    # "전종호, 박정섭, Malin, Franck, 권현정, Jungk, Erik-Joachim, Castagnes, Gilles Yves, 김연신, 김형민, 조효원"
    assert by_id(sogang_multi)["2023-1:COR1015:15"].professors == [
        "전종호", "박정섭", "Malin, Franck", "권현정", "Jungk, Erik-Joachim", "Castagnes, Gilles Yves",
        "김연신", "김형민", "조효원",
    ]


def test_sogang_room_without_time_and_quoted_notes(sogang: LoadResult) -> None:
    # 수업시간/강의실 "[R404]": no time to schedule, the room is kept in the notes
    s = by_id(sogang)["2025-1:PHY4204:01"]
    assert s.slots == [] and "R404" in s.notes
    # 비고 '"""""""인공지능학 1전공자만 수강가능\n학번 끝자리가 1, 4, 7"""""""'
    notes = by_id(sogang)["2025-1:AIE2050:01"].notes
    assert notes.endswith("인공지능학 1전공자만 수강가능\n학번 끝자리가 1, 4, 7") and '"' not in notes


def test_sogang_multi_split_columns(sogang_multi: LoadResult) -> None:
    # 요일 "['화', '목']", 시작시간 09:00, 종료시간 10:15, 강의실 X513; 수강대상 [2, 3, 4]; 권장학년 [1, 2, 3, 4]
    s = by_id(sogang_multi)["2023-1:AAT2004:01"]
    assert slots(s) == [("화", 540, 615, "X513"), ("목", 540, 615, "X513")]
    assert (s.target, s.year, s.english) == ("2,3,4학년", "1-4학년", True)
    # 2024 동계학기, 요일 "['월', '화', '수', '목', '금']" 13:00-15:45 X423
    s = by_id(sogang_multi)["2024-겨울:AAT2003:01"]
    assert [x.day for x in s.slots] == ["월", "화", "수", "목", "금"]
    assert {(x.start, x.end, x.room) for x in s.slots} == {(780, 945, "X423")}
    # 요일 "[]" and empty times: no slot, not a problem (798 such rows)
    assert sum(1 for x in sogang_multi.sections if not x.slots) == 798


def test_same_sections_agree_across_the_two_sogang_files(sogang: LoadResult, sogang_multi: LoadResult) -> None:
    """2025-1 is in both files, written differently (list cells vs text): the loaders agree."""
    single = by_id(sogang)
    multi = [s for s in sogang_multi.sections if s.term == "2025-1"]
    assert len(multi) == 1387
    same_target = sum(single[s.id].target == s.target for s in multi)
    same_year = sum(single[s.id].year == s.year for s in multi)
    assert same_target == 1387 and same_year == 1387
    both = [s for s in multi if s.slots and single[s.id].slots]
    assert all(set(single[s.id].slots) == set(s.slots) for s in both) and len(both) == 1387 - 17 - 181
    # The multi-term export lost the timetable of 181 sections the single-term file has (17 have none: 16 empty cells, one "[R404]").
    assert sum(1 for s in multi if not s.slots and single[s.id].slots) == 181


def test_meeting_slot_type(ssu: LoadResult) -> None:
    assert all(isinstance(slot, MeetingSlot) for s in ssu.sections for slot in s.slots)
