"""Build `sogang-2025-1.jsonl` from the real Sogang 2025-1 catalog (`../shared/data/sogang-2025-1.csv`).

    .venv/bin/python evals/golden/build_sogang.py            # rewrites the file beside this script

Questions are hand-written; gold course codes (`과목번호`) are computed from the catalog by each case's
predicate (see `buildlib`). Sogang's course key is `과목번호` + `분반`; a gold code counts every section.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from buildlib import Row, Spec, build, write  # noqa: E402

CATALOG = HERE.parents[2] / "shared" / "data" / "sogang-2025-1.csv"
SLOT = re.compile(r"([월화수목금토일](?:,[월화수목금토일])*)\s+(\d{1,2}):(\d{2})~(\d{1,2}):(\d{2})")


def load(path: Path = CATALOG) -> list[Row]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        slots = []
        for line in r["수업시간/강의실"].splitlines():
            m = SLOT.search(line)
            if m:
                for day in m.group(1).split(","):
                    slots.append((day, int(m.group(2)) * 60 + int(m.group(3)), int(m.group(4)) * 60 + int(m.group(5))))
        r["_slots"] = slots
        r["_days"] = {s[0] for s in slots}
        r["_profs"] = [p.strip() for p in r["교수진"].split(",") if p.strip()]
    return rows


def name_is(*names: str):
    return lambda r: r["과목명"] in names


def name_has(text: str):
    return lambda r: text in r["과목명"]


def prof(name: str):
    return lambda r: name in r["_profs"]


def dept(d: str):
    return lambda r: r["학과"] == d


def meets(*days: str):
    return lambda r: set(days) <= r["_days"]


def all_start_before(minute: int):
    return lambda r: bool(r["_slots"]) and all(s[1] <= minute for s in r["_slots"])


def all_start_after(minute: int):
    return lambda r: bool(r["_slots"]) and all(s[1] >= minute for s in r["_slots"])


def both(*preds):
    return lambda r: all(p(r) for p in preds)


S = Spec
SPECS: list[Spec] = [
    # --- by name / abbreviation / typo
    S("sg-001", "자료구조 수업 누가 가르쳐요?", ["by-name", "by-professor"], name_is("자료구조"), ["양지훈", "장형수"],
      notes="자료구조 is cross-listed: CSE3080 (컴퓨터공학과) and AIE3050 (인공지능학과)"),
    S("sg-002", "자구 분반 몇 개야? 시간도 알려줘", ["by-abbreviation", "by-schedule"], name_is("자료구조"), ["10:30", "09:00"]),
    S("sg-003", "선대 듣고 싶은데 월수반 있어?", ["by-abbreviation", "by-schedule"], name_is("선형대수학"), ["최승일", "안소영"]),
    S("sg-004", "데베시 언제 해?", ["by-abbreviation", "by-schedule"], name_is("데이터베이스시스템"), ["12:00", "정성원"]),
    S("sg-005", "컴프1 화목 아침반 교수님 누구세요", ["by-abbreviation", "by-schedule", "by-professor"],
      name_is("컴퓨터프로그래밍I"), ["장두성", "서양진"]),
    S("sg-006", "겡제학원론1 수업 시간표 좀", ["typo", "by-name"], name_is("경제학원론I"), ["10:30"]),
    S("sg-007", "미시경재학 영어로 하는 반 있나요?", ["typo", "english-taught"], name_is("미시경제학I"),
      ["Iris Haydar Doruk", "김도영"]),
    S("sg-008", "시스템 프로그래밍 강의실 어디야", ["by-name"], name_is("시스템프로그래밍"), ["K201"]),
    S("sg-009", "기초머신러닝 수요일 금요일 분반 교수님", ["by-name", "by-schedule", "by-professor"],
      name_is("기초머신러닝"), ["박운상"]),
    S("sg-010", "컴네 몇학년 과목이야?", ["by-abbreviation"], name_is("컴퓨터네트워크", "컴퓨터 네트워크"), ["4학년"]),
    # --- by code
    S("sg-011", "CSE4130 누가 가르치나요?", ["by-code", "by-professor"], lambda r: r["과목번호"] == "CSE4130",
      ["최준석", "박운상"]),
    S("sg-012", "ECO2004 시간이랑 강의실 알려주세요", ["by-code", "by-schedule"], lambda r: r["과목번호"] == "ECO2004",
      ["GN101", "GN201", "GN202"]),
    S("sg-013", "mat2110 몇 학점?", ["by-code", "credits"], lambda r: r["과목번호"] == "MAT2110", ["3학점"],
      notes="lower-case code; 학점 3.0 in the catalog, the normalizer reads 3.0 as 3"),
    # --- by professor
    S("sg-014", "임인성 교수님 이번 학기 뭐 가르치세요?", ["by-professor"], prof("임인성"), ["기초컴퓨터그래픽스", "기초 GPU 프로그래밍"]),
    S("sg-015", "왕규호 교수 수업 뭐 있어", ["by-professor"], prof("왕규호"), ["미시경제학I", "게임이론"]),
    S("sg-016", "김승욱 교수님 과목 다 알려줘", ["by-professor"], prof("김승욱"),
      ["소프트웨어개발도구및환경실습", "컴퓨터공학실험II", "컴퓨터네트워크"]),
    # --- by schedule / department / multi-constraint
    S("sg-017", "컴공 화목 오전 수업 뭐 있어?", ["by-department", "by-schedule", "multi-constraint"],
      both(dept("컴퓨터공학과"), meets("화", "목"), all_start_before(719))),
    S("sg-018", "경제학과 월수 오후 전공 있나요", ["by-department", "by-schedule", "multi-constraint"],
      both(dept("경제학과"), meets("월", "수"), all_start_after(12 * 60))),
    S("sg-019", "수학과 1학점짜리 과목 있어?", ["by-department", "credits"], both(dept("수학과"), lambda r: r["학점"] == "1.0"),
      ["미적분학실습I"]),
    S("sg-020", "심리학과에서 금요일에만 하는 수업?", ["by-department", "by-schedule", "multi-constraint"],
      both(dept("심리학과"), lambda r: r["_days"] == {"금"}), ["생리및생물심리학", "동기및정서심리학"]),
    S("sg-021", "컴퓨터공학과 영어강의 뭐 있어요?", ["by-department", "english-taught"],
      both(dept("컴퓨터공학과"), lambda r: r["영어강의"] == "O")),
    S("sg-022", "물리학과 일반물리1 영어로 하는 분반 교수님", ["english-taught", "by-name", "by-professor"],
      both(name_is("일반물리I"), lambda r: r["영어강의"] == "O"), ["Scopel Stefano"]),
    S("sg-023", "토요일에 하는 컴공 수업 있어?", ["by-schedule", "by-department"], both(dept("컴퓨터공학과"), meets("토")),
      ["산학과제실습"]),
    S("sg-024", "R912 실습실에서 하는 수업 뭐야", ["by-schedule"], lambda r: "[R912]" in r["수업시간/강의실"],
      ["소프트웨어개발도구및환경실습"]),
    # --- English names (the catalog has none: the model must bridge languages)
    S("sg-025", "Is there a Data Structures course this semester?", ["english-name"], name_is("자료구조"), ["자료구조"]),
    S("sg-026", "machine learning 기초 과목 있어?", ["english-name", "by-name"], name_is("기초머신러닝"), ["기초머신러닝"]),
    S("sg-027", "Natural Language Processing 수업 누가 해?", ["english-name", "by-professor"],
      name_is("Natural Language Processing")),
    # --- follow-ups
    S("sg-028", "그럼 금요일에 안 겹치는 분반은 누가 가르쳐?", ["follow-up", "by-professor"], name_is("자료구조"), ["양지훈"],
      history=[("user", "자료구조 수업 있어?"),
               ("assistant", "네, 자료구조는 두 분반이 있어요. 01분반 양지훈 교수님 월,수 10:30~11:45 (K201), "
                             "02분반 장형수 교수님 수,금 09:00~10:15 (AS510)입니다.")]),
    S("sg-029", "거기 강의실은 어디예요?", ["follow-up"], both(name_is("게임이론")), ["GN201"],
      history=[("user", "왕규호 교수님 게임이론 수업 언제야?"),
               ("assistant", "게임이론(ECO4005)은 왕규호 교수님이 화,목 13:30~14:45에 강의합니다.")]),
    S("sg-030", "영어강의인 분반만 다시 알려줘", ["follow-up", "english-taught"],
      both(name_is("회계학원론"), lambda r: r["영어강의"] == "O"), ["양준선", "박두리"],
      history=[("user", "회계원론 분반 알려줘"),
               ("assistant", "회계학원론(MGT2003)은 6개 분반이 있습니다 (양준선, 변상혁, 박두리, 강평경, 김민, 천준범 교수님).")]),
    # --- no such course / out of scope
    S("sg-031", "서강대 이번 학기에 양자요리학 수업 열려?", ["no-such-course"], name_has("양자요리"), expect_empty=True),
    S("sg-032", "드론 조종 실습 과목 있나요?", ["no-such-course"], name_has("드론"), expect_empty=True),
    S("sg-033", "오늘 날씨 어때?", ["out-of-scope"], expect_empty=True),
    S("sg-034", "학식 메뉴 뭐야?", ["out-of-scope"], expect_empty=True),
    S("sg-035", "서강대 등록금 얼마에요?", ["out-of-scope"], expect_empty=True),
    S("sg-036", "CSE9999 과목 정보 알려줘", ["no-such-course", "by-code"], lambda r: r["과목번호"] == "CSE9999",
      expect_empty=True),
]


def text_of(r: Row) -> str:
    return " ".join([r["과목번호"], r["과목명"], r["교수진"], r["수업시간/강의실"], r["학과"], r["권장학년"],
                     f"{float(r['학점']):g}학점" if r["학점"] else ""])


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "sogang-2025-1.jsonl")
    args = parser.parse_args()
    rows = load()
    cases = build(SPECS, rows, catalog="sogang-2025-1", code_of=lambda r: r["과목번호"], text_of=text_of)
    write(cases, args.out)


if __name__ == "__main__":
    main()
