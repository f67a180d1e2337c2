"""Build `sample.jsonl` from the project's sample catalog (`data/sample-catalog.csv`, 한빛대학교).

    .venv/bin/python evals/golden/build_sample.py            # rewrites the file beside this script

The catalog is read with the project's own loader (`agent.catalog.load_catalog`), so predicates see
normalized `CourseSection`s (days 월..일, times in minutes). Questions are hand-written; gold codes are
computed (see `buildlib`).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
from buildlib import Spec, build, write  # noqa: E402

from agent.catalog import load_catalog  # noqa: E402
from agent.catalog.models import CourseSection  # noqa: E402

CATALOG = ROOT / "data" / "sample-catalog.csv"
S = Spec


def name_is(*names: str):
    return lambda s: s.name in names


def name_has(text: str):
    return lambda s: text in s.name


def name_en_is(name: str):
    return lambda s: (s.name_en or "").casefold() == name.casefold()


def code_is(code: str):
    return lambda s: s.code == code


def prof(name: str):
    return lambda s: name in s.professors


def dept(d: str):
    return lambda s: s.department == d


def meets(*days: str):
    return lambda s: set(days) <= set(s.days)


def not_on(*days: str):
    return lambda s: bool(s.slots) and not (set(days) & set(s.days))


def morning(s: CourseSection) -> bool:  # SearchFilters "오전": every slot starts at or before 11:59
    return bool(s.slots) and all(slot.start <= 719 for slot in s.slots)


def afternoon(s: CourseSection) -> bool:  # "오후": every slot starts at or after 12:00
    return bool(s.slots) and all(slot.start >= 720 for slot in s.slots)


def starts_at(day: str, hour: int):  # "월요일 1시": a slot on that day starting within that hour
    return lambda s: any(slot.day == day and hour * 60 <= slot.start < hour * 60 + 60 for slot in s.slots)


def credits(value: float):
    return lambda s: s.credits == value


def category_has(text: str):
    return lambda s: text in (s.category or "")


def english(s: CourseSection) -> bool:
    return s.english


def year_has(year: int):  # SearchFilters.year: the recommended year ("3-4학년", "전체학년") includes it
    from agent.index.filtering import year_includes

    return lambda s: year_includes(s.year, year)


def both(*preds):
    return lambda s: all(p(s) for p in preds)


SPECS: list[Spec] = [
    # --- by name
    S("smp-001", "자료구조 수업 누가 가르쳐요?", ["by-name", "by-professor"], name_is("자료구조"), ["한도윤", "남궁현"],
      notes="two courses share the name: CSE2010 (컴퓨터공학과) and SWE2001 (소프트웨어학부)"),
    S("smp-002", "운영체제 몇 시에 해?", ["by-name", "by-schedule"], name_is("운영체제"), ["12:00", "16:30"]),
    S("smp-003", "알고리즘 분반 알려주세요", ["by-name"], name_is("알고리즘"), ["문지환", "Daniel Whitford"]),
    S("smp-004", "미적분학 강의실 어디예요", ["by-name"], name_is("미적분학"), ["자연과학관 305"]),
    S("smp-005", "심리학개론 월수반 교수님이 누구야?", ["by-name", "by-schedule", "by-professor"], name_is("심리학개론"), ["윤서아"]),
    # --- abbreviations
    S("smp-006", "자구 화목반 있어?", ["by-abbreviation", "by-schedule"], name_is("자료구조"), ["남궁현", "김나래"]),
    S("smp-007", "운체 교수님들 누구세요", ["by-abbreviation", "by-professor"], name_is("운영체제"), ["남궁현", "권태오", "서다온"]),
    S("smp-008", "컴구 언제해", ["by-abbreviation", "by-schedule"], name_is("컴퓨터구조"), ["배성준", "15:00"]),
    S("smp-009", "선대 금요일 수업 있나요", ["by-abbreviation", "by-schedule"], name_is("선형대수학"), ["홍석진", "강민채"]),
    S("smp-010", "데베 몇학점이야?", ["by-abbreviation", "credits"], name_is("데이터베이스"), ["3학점"]),
    S("smp-011", "객프 누가 가르쳐", ["by-abbreviation", "by-professor"], name_is("객체지향프로그래밍"), ["서다온", "문지환"]),
    S("smp-012", "미시 수업 시간 알려줘", ["by-abbreviation", "by-schedule"], name_is("미시경제학"), ["12:00", "10:30"]),
    S("smp-013", "컴네 교수님?", ["by-abbreviation", "by-professor"], name_is("컴퓨터네트워크"), ["권태오", "배성준"]),
    S("smp-014", "인지심 영어로 해요?", ["by-abbreviation", "english-taught"], name_is("인지심리학"), ["마태윤"]),
    # --- by professor
    S("smp-015", "한도윤 교수님 이번 학기 무슨 과목 해요?", ["by-professor"], prof("한도윤"), ["컴퓨터프로그래밍", "자료구조", "캡스톤디자인"]),
    S("smp-016", "Daniel Whitford 교수 수업 뭐 있어", ["by-professor"], prof("Daniel Whitford"), ["자료구조", "알고리즘", "인공지능"]),
    S("smp-017", "차은솔 교수님 과목 뭐 있어?", ["by-professor"], prof("차은솔"), ["현대문학개론", "현대시론", "현대소설론"]),
    S("smp-018", "여민석 교수 교양 수업 알려줘", ["by-professor", "category"], both(prof("여민석"), category_has("교양")),
      ["철학의이해", "논리와비판적사고"]),
    # --- by schedule
    S("smp-019", "토요일에 하는 수업 있어요?", ["by-schedule"], meets("토"), ["창업과혁신", "음악의이해"]),
    S("smp-020", "월요일 1시 반에 시작하는 컴공 수업 뭐야", ["by-schedule", "by-department", "multi-constraint"],
      both(dept("컴퓨터공학과"), starts_at("월", 13))),
    S("smp-021", "금요일 아침 9시 수업 뭐 있어?", ["by-schedule"], starts_at("금", 9)),
    S("smp-022", "저녁 6시 이후에 하는 수업 있나요?", ["by-schedule"],
      lambda s: any(slot.start >= 18 * 60 for slot in s.slots), ["생활속의경제", "한국어교육론"]),
    S("smp-023", "체육관 코트에서 하는 수업 뭐야", ["by-schedule"], lambda s: any("체육관" in (x.room or "") for x in s.slots),
      ["테니스"]),
    # --- by department / category / multi-constraint
    S("smp-024", "심리학과 전공 과목 뭐 있어요?", ["by-department"], dept("심리학과"), ["심리학개론", "이상심리학"]),
    S("smp-025", "국문과 전필 알려줘", ["by-department", "category", "by-abbreviation"],
      both(dept("국어국문학과"), category_has("전공필수")), ["고전문학의이해", "한국어문법론"]),
    S("smp-026", "화목 오전에 들을 수 있는 경영학과 전공 있어요?", ["by-department", "by-schedule", "multi-constraint"],
      both(dept("경영학과"), meets("화", "목"), morning), ["장혜원", "노은결"]),
    S("smp-027", "금공강 하고 싶은데 컴공 전필 중에 금요일 수업 없는 거 뭐야?",
      ["by-department", "category", "by-schedule", "multi-constraint"],
      both(dept("컴퓨터공학과"), category_has("전공필수"), not_on("금"))),
    S("smp-028", "월수 오후에 3학점짜리 교양 있어?", ["category", "by-schedule", "credits", "multi-constraint"],
      both(category_has("교양"), meets("월", "수"), afternoon, credits(3.0)), ["한국사의이해"]),
    S("smp-029", "수학과 전기 중에 화요일 수업 있는 거", ["by-department", "category", "by-schedule", "multi-constraint"],
      both(dept("수학과"), category_has("전공기초"), meets("화"))),
    S("smp-030", "경제학과 3학년 전선 목요일 오후 수업", ["by-department", "category", "by-schedule", "multi-constraint"],
      both(dept("경제학과"), category_has("전공선택"), lambda s: s.year == "3학년", meets("목"), afternoon),
      ["국제무역론", "게임이론"]),
    # --- by code
    S("smp-031", "CSE3050 누가 가르쳐?", ["by-code", "by-professor"], code_is("CSE3050"), ["이한결", "Daniel Whitford"]),
    S("smp-032", "bus2020 시간 알려주세요", ["by-code", "by-schedule"], code_is("BUS2020"), ["15:00", "16:30"]),
    S("smp-033", "MAT2010 강의실이 어디야", ["by-code"], code_is("MAT2010"), ["자연과학관 306"]),
    # --- English names
    S("smp-034", "Operating Systems 수업 있어?", ["english-name"], name_en_is("Operating Systems"), ["운영체제"]),
    S("smp-035", "When is Linear Algebra?", ["english-name", "by-schedule"], name_en_is("Linear Algebra"), ["13:30"]),
    S("smp-036", "Game Theory 교수님 누구?", ["english-name", "by-professor"], name_en_is("Game Theory"), ["성민재"]),
    S("smp-037", "machine learning 영어강의 있나요", ["english-name", "english-taught"], name_en_is("Machine Learning"),
      ["Emma Larkin"]),
    # --- typos
    S("smp-038", "자료구죠 언제 해요?", ["typo", "by-schedule"], name_is("자료구조")),
    S("smp-039", "운영채제 수업 분반 몇개에요", ["typo"], name_is("운영체제"), ["서다온"]),
    S("smp-040", "미적분핛 교수님 알려주세여", ["typo", "by-professor"], name_is("미적분학"), ["최윤아", "홍석진"]),
    S("smp-041", "거시경재학 몇시야", ["typo", "by-schedule"], name_is("거시경제학"), ["12:00"]),
    S("smp-042", "심리학 개론 수업 어디서 해", ["typo", "by-name"], name_is("심리학개론"), ["사회과학관 405"]),
    # --- taught in English
    S("smp-043", "영어로 진행하는 경영학과 수업 있어?", ["english-taught", "by-department"],
      both(dept("경영학과"), english), ["Grace Holloway"]),
    S("smp-044", "영문과 영어강의 뭐 있어요", ["english-taught", "by-department", "by-abbreviation"],
      both(dept("영어영문학과"), english), ["셰익스피어"]),
    # --- category / credits
    S("smp-045", "교양필수 과목 뭐 있어?", ["category"], category_has("교양필수"), ["글쓰기와의사소통", "대학영어1"]),
    S("smp-046", "교선 중에 2학점짜리 있나요", ["category", "credits", "by-abbreviation"],
      both(category_has("교양선택"), credits(2.0)), ["미술의이해"]),
    S("smp-047", "기계공학과 전공필수 알려줘", ["category", "by-department"],
      both(dept("기계공학과"), category_has("전공필수")), ["재료역학", "열역학"]),
    S("smp-048", "1학점짜리 수업 뭐 있어?", ["credits"], credits(1.0), ["테니스", "대학생활과진로설계"]),
    S("smp-049", "물리학과 2학점 과목", ["credits", "by-department"], both(dept("물리학과"), credits(2.0)), ["현대물리실험"]),
    # --- follow-ups
    S("smp-050", "그 중에 월요일 수업은 누가 가르쳐?", ["follow-up", "by-professor"], name_is("운영체제"), ["서다온"],
      history=[("user", "운영체제 수업 있어?"),
               ("assistant", "운영체제(CSE3010)는 3개 분반이 있어요: 01 남궁현 교수님 화,금 12:00-13:15, "
                             "02 권태오 교수님 화,목 16:30-17:45, 03 서다온 교수님 월,목 13:30-14:45.")]),
    S("smp-051", "저녁에 하는 분반은 몇 시에 시작해?", ["follow-up", "by-schedule"], name_is("경제학원론"), ["18:00"],
      history=[("user", "경제학원론 교수님 누구야?"),
               ("assistant", "경제학원론(ECO1001)은 조윤서, 성민재, 우진혁, 진서하 교수님 분반이 있어요.")]),
    S("smp-052", "최윤아 교수님 반 강의실은?", ["follow-up"], name_is("선형대수학"), ["자연과학관 305"],
      history=[("user", "선대 분반 알려줘"),
               ("assistant", "선형대수학(MAT2001)은 4개 분반이에요: 홍석진, 최윤아, 강민채, 나은재 교수님.")]),
    S("smp-053", "영어로 하는 건 어느 쪽이야?", ["follow-up", "english-taught"], name_is("인공지능"), ["Daniel Whitford"],
      history=[("user", "인공지능 수업 있어?"),
               ("assistant", "인공지능(CSE3050)은 이한결 교수님 월,목 10:30, Daniel Whitford 교수님 월,목 16:30 분반이 있어요.")]),
    # --- out of scope
    S("smp-054", "오늘 날씨 어때?", ["out-of-scope"], expect_empty=True),
    S("smp-055", "학식 메뉴 뭐야?", ["out-of-scope"], expect_empty=True),
    S("smp-056", "기숙사 신청 언제까지예요?", ["out-of-scope"], expect_empty=True),
    S("smp-057", "ㅎㅇ 심심한데 노래 추천해줘", ["out-of-scope"], expect_empty=True),
    # --- no such course
    S("smp-058", "양자요리학 수업 있어?", ["no-such-course"], name_has("요리"), expect_empty=True),
    S("smp-059", "블록체인 수업 열려요?", ["no-such-course"], name_has("블록체인"), expect_empty=True),
    S("smp-060", "해부학 실습 과목 알려줘", ["no-such-course"], name_has("해부"), expect_empty=True),
    S("smp-061", "CSE9999 과목 있어?", ["no-such-course", "by-code"], code_is("CSE9999"), expect_empty=True),
    S("smp-062", "김철수 교수님 수업 뭐 있어?", ["no-such-course", "by-professor"], prof("김철수"), expect_empty=True),
    # --- departments named in English
    S("smp-063", "computer science courses on Monday", ["english-department", "by-department", "by-schedule"],
      both(dept("컴퓨터공학과"), meets("월")), ["컴퓨터공학과"]),
    S("smp-064", "psychology department classes", ["english-department", "by-department"], dept("심리학과"),
      ["심리학과", "발달심리학"]),
    S("smp-065", "any courses for economics majors?", ["english-department", "by-department"], dept("경제학과"),
      ["경제학과"]),
    S("smp-066", "Department of Business Administration classes on Tue/Thu", ["english-department", "by-department",
      "by-schedule"], both(dept("경영학과"), meets("화", "목")), ["경영학과"]),
    # --- recommended year
    S("smp-067", "컴공 3학년 전공 뭐 있어?", ["by-year", "by-department", "by-abbreviation"],
      both(dept("컴퓨터공학과"), year_has(3)), ["컴퓨터공학과"]),
    S("smp-068", "2nd year business courses", ["by-year", "english-department", "by-department"],
      both(dept("경영학과"), year_has(2)), ["경영학과"]),
]


def text_of(s: CourseSection) -> str:
    parts = [s.code, s.name, s.name_en or "", " ".join(s.professors), s.schedule_label(), s.department or "",
             s.category or "", s.target or "", s.year or ""]
    if s.credits is not None:
        parts.append(f"{s.credits:g}학점")
    return " ".join(parts)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "sample.jsonl")
    args = parser.parse_args()
    sections = load_catalog(CATALOG).sections
    cases = build(SPECS, sections, catalog="sample", code_of=lambda s: s.code, text_of=text_of)
    write(cases, args.out)


if __name__ == "__main__":
    main()
