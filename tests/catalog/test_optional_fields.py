"""The optional fields (level, registration rules, seats, delivery, language, exam, student-ID digits) in
every built-in profile. Expected values were read off the raw CSV cells quoted beside each check."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from agent.catalog import LoadResult
from agent.catalog.exams import ExamTime


def by_id(result: LoadResult) -> dict[str, object]:
    return {s.id: s for s in result.sections}


# --- Soongsil -------------------------------------------------------------------------------------

def test_ssu_level_from_과정_and_graduate_marker(ssu: LoadResult) -> None:
    # 과정: 학사과정 2,531, 석박과정 323, 석사과정 194 rows
    assert Counter(s.level for s in ssu.sections) == {"학사": 2531, "석박": 323, "석사": 194}
    assert sum(1 for s in ssu.sections if s.graduate) == 517
    assert all(s.graduate is False for s in ssu.sections if s.level == "학사")


def test_ssu_restricted_to_target_and_rules(ssu: LoadResult) -> None:
    # 수강대상 "전체학년 경영학부 군위탁 (대상외수강제한)", 여석 0, 수강인원 0, 강좌유형정보 대면+녹화
    s = by_id(ssu)["2026-1:2150811899"]
    assert s.target == "전체학년 경영학부 군위탁 (대상외수강제한)"
    assert (s.restricted_to_target, s.restrictions) == (True, "대상외수강제한")
    assert (s.seats_left, s.enrolled, s.capacity, s.delivery) == (0, 0, None, "혼합")
    # 수강대상 "전체학년 외국국적학생(2~3학년),계약학과(정보보호학과 제외),…,장애학생(승인자에 한함) 등 (대상외수강제한)",
    # 수강유의사항 "온라인채플(지정된 수강대상 외 수강신청 불가)", 여석 1300
    s = by_id(ssu)["2026-1:2150101510"]
    assert s.restricted_to_target is True and s.seats_left == 1300
    assert s.restrictions.splitlines() == [
        "정보보호학과 제외", "승인자에 한함", "대상외수강제한", "온라인채플(지정된 수강대상 외 수강신청 불가)",
    ]
    # 수강대상 "(수강제한: 1학년 인문,법,사회,경통,경영,자유전공학부)": a rule, but it does not say 'only'
    s = by_id(ssu)["2026-1:2150101509"]
    assert s.restrictions == "수강제한: 1학년 인문,법,사회,경통,경영,자유전공학부"
    assert s.restricted_to_target is False
    # 수강유의사항 "교환학생 수강 대상 과목" is a rule line; it stays in notes too
    s = by_id(ssu)["2026-1:2150179301"]
    assert s.restrictions == "교환학생 수강 대상 과목" and "교환학생 수강 대상 과목" in s.notes
    assert sum(s.restricted_to_target for s in ssu.sections) == 579
    assert sum("대상외수강제한" in (s.target or "") for s in ssu.sections) == 549


def test_ssu_seats_are_the_catalogs_snapshot(ssu: LoadResult) -> None:
    # 과정 석사과정, 수강인원 23, 여석 77 (상담사례개념화); most rows: 수강인원 0
    graduate_with_students = [s for s in ssu.sections if s.enrolled]
    assert len(graduate_with_students) == 72 and all(s.graduate for s in graduate_with_students)
    assert sum(1 for s in ssu.sections if s.enrolled == 0) == 2976
    assert all(s.seats_left is not None and s.capacity is None for s in ssu.sections)
    counseling = next(s for s in ssu.sections if s.name == "상담사례개념화")
    assert (counseling.enrolled, counseling.seats_left, counseling.level) == (23, 77, "석사")


def test_ssu_delivery_and_language_from_강좌유형정보(ssu: LoadResult) -> None:
    # 강좌유형정보 values: 대면+녹화 151 rows (alone or with EL+), 녹화 27, 영어 152, 영·한혼합 41; blank states nothing
    assert Counter(s.delivery for s in ssu.sections) == {None: 2870, "혼합": 151, "녹화": 27}
    assert Counter(s.language for s in ssu.sections) == {None: 2855, "영어": 152, "영·한혼합": 41}
    assert all(s.english == (s.language == "영어") for s in ssu.sections)  # english behaves as before
    # "녹화\n영·한혼합" (씬스틸LAW-영화로배우는친족법)
    s = by_id(ssu)["2026-1:2150138301"]
    assert (s.delivery, s.language, s.english) == ("녹화", "영·한혼합", False)
    assert s.restrictions is None  # its 수강유의사항 is about exam dates, kept in notes
    assert "대면 중간고사" in s.notes
    # "영·한혼합\nEL+": EL+ is no delivery word and stays in the notes
    s = by_id(ssu)["2026-1:2150567302"]
    assert (s.delivery, s.language) == (None, "영·한혼합") and "EL+" in s.notes
    assert all(s.exam is None and s.student_id_digits is None for s in ssu.sections)


# --- Sogang ---------------------------------------------------------------------------------------

def test_sogang_level_enrolled_language(sogang: LoadResult, sogang_multi: LoadResult) -> None:
    # 소속 is "대학" on every row of both files; 수강생수 on every row; no 정원 / 여석 columns
    for result in (sogang, sogang_multi):
        assert {s.level for s in result.sections} == {"학사"}
        assert all(s.enrolled is not None for s in result.sections)
        assert all(s.seats_left is None and s.capacity is None for s in result.sections)
        assert all(s.english == (s.language == "영어") for s in result.sections)
    # 중국어강의 O (CHI3022, 수강생수 23)
    s = by_id(sogang)["2025-1:CHI3022:01"]
    assert (s.language, s.english, s.enrolled) == ("중국어", False, 23)
    assert Counter(s.language for s in sogang.sections) == {None: 1104, "영어": 280, "중국어": 3}


def test_sogang_marks_are_flags(sogang: LoadResult, sogang_multi: LoadResult) -> None:
    # 'O' cells, 2025-1: CU과목 36, Honors과목 13, 승인과목 268, 국제학생 37; 2023-2025: 130, 61, 707, 194
    for result, counts in ((sogang, (36, 13, 268, 37)), (sogang_multi, (130, 61, 707, 194))):
        marks = Counter(flag for s in result.sections for flag in s.flags)
        assert [marks[f] for f in ("CU공유대학", "Honors", "승인과목", "국제학생")] == list(counts)
        assert all(s.flags is not None for s in result.sections)  # [] = the columns say no
    # ECO2006-03 (왕규호): Honors과목 O, 비고 "HONORS CLASS: CGPA3.3이상 & …" kept as its registration rule
    s = by_id(sogang)["2025-1:ECO2006:03"]
    assert s.flags == ["Honors"] and "CGPA3.3이상" in s.restrictions
    assert "Honors 과목" not in (s.notes or "")  # the mark is the field, no longer a line of the notes
    # CUCKD001-01: CU과목 O and 승인과목 O
    assert by_id(sogang)["2025-1:CUCKD001:01"].flags == ["CU공유대학", "승인과목"]


def test_catalogs_without_marks_leave_flags_unknown(ssu: LoadResult) -> None:
    # Soongsil has no such columns: unknown (None), never "not marked", and the content hash is as before
    assert {s.flags for s in ssu.sections} == {None}


def test_sogang_delivery_is_read_from_remarks(sogang: LoadResult) -> None:
    # Sogang has no delivery column; 비고 states it for 29 sections of 2025-1 and nothing for the rest
    assert Counter(s.delivery for s in sogang.sections) == {None: 1358, "대면": 12, "녹화": 8, "원격": 5, "혼합": 4}
    online = [s for s in sogang.sections if s.delivery == "원격"]
    assert all("비대면" in (s.notes or "") or "온라인" in (s.notes or "") for s in online)


def test_sogang_rules_exam_and_id_digits(sogang: LoadResult) -> None:
    # 수강신청 참조사항 "인공지능학과(1전공 가능),인공지능학과(1전공 가능)", 홀짝구분 "[1,4,7]",
    # 시험일자 "04.23(수)09:00~10:15[D105]", 비고 '"""…인공지능학 1전공자만 수강가능\n학번 끝자리가 1, 4, 7"""…'
    s = by_id(sogang)["2025-1:AIE2050:01"]
    assert s.restricted_to_target is True
    assert s.restrictions.splitlines() == ["인공지능학과(1전공 가능)", "인공지능학 1전공자만 수강가능", "학번 끝자리가 1, 4, 7"]
    assert s.student_id_digits == "[1,4,7]"
    assert s.exam == "04.23(수)09:00~10:15[D105]"
    assert s.exam_time() == ExamTime(4, 23, "수", 540, 615, ("D105",), "2025-04-23")
    # 참조사항 "인공지능학과(1전공 불가능),인공지능학과(1전공 불가능)", 비고 "인공지능학과 1전공자 수강 불가":
    # an exclusion, not 'only'
    s = by_id(sogang)["2025-1:CSE3080:02"]
    assert s.restricted_to_target is False
    assert s.restrictions == "인공지능학과(1전공 불가능)\n인공지능학과 1전공자 수강 불가"
    assert s.student_id_digits == "[1,3,5,7,9]" and s.exam_time().rooms == ("K501",)
    # notes keep the cells as before (repeats included)
    assert s.notes.startswith("인공지능학과(1전공 불가능),인공지능학과(1전공 불가능)")


def test_sogang_exam_dates_read_for_every_row(sogang: LoadResult, sogang_multi: LoadResult) -> None:
    # 1,039 rows have 시험일자, all in April 2025 (the 2025-1 mid-term), written one way
    with_exam = [s for s in sogang.sections if s.exam]
    assert len(with_exam) == 1039
    times = [s.exam_time() for s in with_exam]
    assert all(t is not None and t.month == 4 and t.date and t.date.startswith("2025-04-") for t in times)
    assert sum(1 for t in times if not t.rooms) == 66  # written "[]"
    multi_exam = {s.id for s in sogang_multi.sections if s.exam}
    assert multi_exam == {s.id for s in with_exam}  # the multi-term file has them for 2025-1 only
    assert Counter(s.student_id_digits for s in sogang.sections if s.student_id_digits) == {
        "[1,3,5,7,9]": 30, "[2,4,6,8,0]": 30, "[1,4,7]": 3, "[2,5,9]": 3, "[3,6,8,0]": 3,
        "[1,3,5]": 1, "[2,4,6]": 1, "[7,8,9,0]": 1,
    }


def test_the_two_sogang_files_agree_on_the_new_fields(sogang: LoadResult, sogang_multi: LoadResult) -> None:
    single = by_id(sogang)
    fields = ("level", "restricted_to_target", "restrictions", "enrolled", "language", "exam",
              "student_id_digits", "flags")
    for s in (s for s in sogang_multi.sections if s.term == "2025-1"):
        assert {f: getattr(s, f) for f in fields} == {f: getattr(single[s.id], f) for f in fields}, s.id


def test_unreadable_optional_cells_are_warnings_in_every_profile(shared_data: Path, tmp_path: Path) -> None:
    """A broken optional cell never costs the row: the field stays empty and the row says why."""
    from agent.catalog import load_catalog

    for name, broken in (("ssu-2026-1.csv", {"과정": "평생교육원", "여석": "많음", "수강인원": "-3"}),
                         ("sogang-2025-1.csv", {"소속": "평생교육원", "수강생수": "12.5"})):
        with (shared_data / name).open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        first = dict(rows[0], **broken)
        path = tmp_path / name
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows([first, rows[1]])
        result = load_catalog(path)
        assert result.loaded == 2 and result.skipped == 0
        reasons = [p.reason for p in result.problems if p.row == 2]
        assert len(reasons) == len(broken) and all(p.severity == "warning" for p in result.problems), reasons
        assert any("unknown level '평생교육원'" in r and r.startswith(("과정:", "소속:")) for r in reasons)
        section = result.sections[0]
        assert section.level is None and section.seats_left is None and section.enrolled is None
        assert result.sections[1].level in ("학사", "석사", "석박")  # the untouched row keeps its level
