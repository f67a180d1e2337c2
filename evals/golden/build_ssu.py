"""Build `ssu-2026-1.jsonl` from the real Soongsil 2026-1 catalog (`../shared/data/ssu-2026-1.csv`).

    .venv/bin/python evals/golden/build_ssu.py            # rewrites the file beside this script

Questions are hand-written, the way students type them (abbreviations, typos, mixed English, polite and
casual). Gold course codes (`과목번호`, unique per section at Soongsil) are computed from the catalog by each
case's predicate (see `buildlib`), never typed. The catalog is read here with the csv module, independently
of `agent.catalog`, so a loader bug cannot make its own gold.

Time words follow the parser's stated rules (agent/query/schedule.py): 오전 = starts before 12:00, 오후 =
12:00 or later, "1시" = a class that starts 13:00-13:59, bare hours 1-7 are p.m. Times are judged on
*blocks*: consecutive slots of one day (gap <= 15 min) form one block, so a lab running 13:00-16:50 in
four hourly slots "starts at 1".
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from buildlib import Row, Spec, build, write  # noqa: E402

CATALOG = HERE.parents[2] / "shared" / "data" / "ssu-2026-1.csv"
SLOT = re.compile(r"^([월화수목금토일](?:\s+[월화수목금토일])*)\s+(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})")
BLOCK_GAP = 15


def _blocks(slots: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Merge same-day slots that follow each other (gap <= 15 min) into blocks."""
    blocks: list[tuple[str, int, int]] = []
    for day in dict.fromkeys(d for d, _, _ in slots):
        day_slots = sorted((s, e) for d, s, e in slots if d == day)
        start, end = day_slots[0]
        for s, e in day_slots[1:]:
            if s - end <= BLOCK_GAP:
                end = max(end, e)
            else:
                blocks.append((day, start, end))
                start, end = s, e
        blocks.append((day, start, end))
    return blocks


def load(path: Path = CATALOG) -> list[Row]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        slots: list[tuple[str, int, int]] = []
        for line in r["강의시간(강의실)"].splitlines():
            m = SLOT.match(line.strip())
            if m:
                for day in m.group(1).split():
                    slots.append((day, int(m.group(2)) * 60 + int(m.group(3)), int(m.group(4)) * 60 + int(m.group(5))))
        r["_slots"] = slots
        r["_blocks"] = _blocks(slots)
        r["_days"] = {s[0] for s in slots}
        r["_profs"] = [p.strip() for p in r["교수명"].splitlines() if p.strip()]
        r["_name"] = r["과목명"].strip()
        r["_credits"] = float(r["시간/학점(설계)"].split("/")[1]) if "/" in r["시간/학점(설계)"] else None
        r["_english"] = "영어" in [t.strip() for t in r["강좌유형정보"].splitlines()]
        r["_cat"] = r["이수구분(주전공)"]
    return rows


Pred = Callable[[Row], bool]


def name_is(*names: str) -> Pred:
    return lambda r: r["_name"] in names


def name_has(text: str) -> Pred:
    return lambda r: text in r["_name"]


def code_is(code: str) -> Pred:
    return lambda r: r["과목번호"] == code


def prof(name: str) -> Pred:
    return lambda r: name in r["_profs"]


def dept(*departments: str) -> Pred:
    return lambda r: r["개설학과"] in departments


def meets(*days: str) -> Pred:
    return lambda r: set(days) <= r["_days"]


def not_on(*days: str) -> Pred:
    return lambda r: not (set(days) & r["_days"])


def credits(value: float) -> Pred:
    return lambda r: r["_credits"] == value


def english() -> Pred:
    return lambda r: r["_english"]


def category(word: str) -> Pred:
    """Soongsil 이수구분: '전필-컴퓨터/전선-소프트' style parts; the word starts a part."""
    return lambda r: any(part.startswith(word) for part in re.split(r"[/\n]", r["_cat"]))


def _blocks_on(r: Row, days: tuple[str, ...]) -> list[tuple[str, int, int]]:
    return [b for b in r["_blocks"] if not days or b[0] in days]


def starts_between(lo: int, hi: int, *days: str) -> Pred:
    """Every block on the given days (all days when none) starts in [lo, hi]; needs a timetable."""
    return lambda r: bool(_blocks_on(r, days)) and all(lo <= b[1] <= hi for b in _blocks_on(r, days))


def ends_by(minute: int, *days: str) -> Pred:
    return lambda r: bool(_blocks_on(r, days)) and all(b[2] <= minute for b in _blocks_on(r, days))


def morning(*days: str) -> Pred:
    return starts_between(0, 719, *days)


def afternoon(*days: str) -> Pred:
    return starts_between(720, 24 * 60, *days)


def undergrad() -> Pred:
    return lambda r: r["과정"] == "학사과정"


def both(*preds: Pred) -> Pred:
    return lambda r: all(p(r) for p in preds)


def either(*preds: Pred) -> Pred:
    return lambda r: any(p(r) for p in preds)


H = 60
S = Spec
SPECS: list[Spec] = [
    # --- by name
    S("ssu-001", "자료구조 수업 누가 가르쳐요?", ["by-name", "by-professor"], name_is("자료구조"), ["최중규", "권재환"],
      notes="16 sections across 컴퓨터학부, AI소프트웨어학부, IT융합전공, 정보보호학과, 디지털미디어학과"),
    S("ssu-002", "운영체제 강의 시간 알려주세요", ["by-name", "by-schedule"], name_is("운영체제"), ["이은지", "15:00"]),
    S("ssu-003", "회계원리 분반 중에 토요일 반 있어?", ["by-name", "by-schedule"], both(name_is("회계원리"), meets("토")),
      ["김응길", "오웅락"]),
    S("ssu-004", "머신러닝 강의실 어디야", ["by-name"], name_is("머신러닝"), ["정보과학관 21203"]),
    S("ssu-005", "신호및시스템 교수님 누구세요?", ["by-name", "by-professor"], name_is("신호및시스템"), ["조남훈"]),
    S("ssu-006", "캡스톤디자인 수업 뭐 있나요", ["by-name"], name_is("캡스톤디자인"), ["이강희", "최종수"]),
    S("ssu-007", "미시경제학 듣고 싶은데 분반 알려줘", ["by-name"], name_is("미시경제학"), ["박창수", "강달원"]),
    S("ssu-008", "시스템 프로그래밍 몇시에 해?", ["by-name", "by-schedule"], name_is("시스템프로그래밍"), ["한승훈", "09:00"]),
    S("ssu-009", "전자회로 누가 가르침?", ["by-name", "by-professor"], name_is("전자회로"), ["박창근", "배원규"]),
    S("ssu-010", "경제원론 토요일에 하는 반 있어요?", ["by-name", "by-schedule"], both(name_is("경제원론"), meets("토")),
      ["이인구", "최혜린"]),
    # --- by abbreviation / slang
    S("ssu-011", "자구 누가 가르쳐?", ["by-abbreviation", "by-professor"], name_is("자료구조"), ["최중규", "옥도민"]),
    S("ssu-012", "운체 이은지 교수님 분반 몇시에 해여?", ["by-abbreviation", "by-professor", "by-schedule"],
      both(name_is("운영체제"), prof("이은지")), ["15:00", "16:30"]),
    S("ssu-013", "컴구 월요일 수업 있어?", ["by-abbreviation", "by-schedule"], both(name_is("컴퓨터구조"), meets("월")),
      ["공영호", "김강희"]),
    S("ssu-014", "선대 누가 해요", ["by-abbreviation", "by-professor"], name_is("선형대수"), ["나현숙", "박태형"]),
    S("ssu-015", "데베 강의실 어디에요?", ["by-abbreviation"], name_is("데이터베이스"), ["정진홍", "정보과학관 21206"]),
    S("ssu-016", "객프 분반 몇 개야", ["by-abbreviation"], name_is("객체지향프로그래밍"), ["최지웅"]),
    S("ssu-017", "이산 화목 오전반 있나요", ["by-abbreviation", "by-schedule"],
      both(name_is("이산수학"), meets("화", "목"), morning("화", "목")), ["하진철", "09:00"]),
    S("ssu-018", "논설 수금 반 교수님?", ["by-abbreviation", "by-schedule", "by-professor"],
      both(name_is("논리설계"), meets("수", "금")), ["박진수"]),
    S("ssu-019", "회원 화목에 하는 분반 있어?", ["by-abbreviation", "by-schedule"],
      both(name_is("회계원리"), meets("화", "목")), ["김응길"]),
    S("ssu-020", "알고 수업 금요일 말고 다른 요일에도 있어?", ["by-abbreviation", "by-schedule"],
      both(name_is("알고리즘"), not_on("금")), ["문성현", "15:00"]),
    S("ssu-021", "확통 야간에 하는 거 있어?", ["by-abbreviation", "by-schedule"], name_is("확률과통계"), ["박선룡", "19:30"]),
    S("ssu-022", "미시 경제학과 전필 시간표 좀", ["by-abbreviation", "category"],
      both(name_is("미시경제학"), dept("경제학과")), ["김형진", "강달원"]),
    # --- by professor
    S("ssu-023", "이순녀 교수님 수업 뭐 있어요?", ["by-professor"], prof("이순녀"), ["물리1및실험"]),
    S("ssu-024", "황규백 교수 머신러닝 몇시야", ["by-professor", "by-schedule"], prof("황규백"), ["12:00", "15:00"]),
    S("ssu-025", "최지웅 교수님 객체지향 분반 중에 금요일 없는 거", ["by-professor", "by-schedule", "multi-constraint"],
      both(prof("최지웅"), not_on("금")), ["10:30", "16:30"]),
    S("ssu-026", "김응길 교수님 이번 학기 뭐 가르치세요?", ["by-professor"], prof("김응길"), ["회계원리", "금융회계"]),
    S("ssu-027", "조남훈 교수님 강의 목록", ["by-professor"], prof("조남훈"), ["신호및시스템", "현대제어"]),
    S("ssu-028", "Jay Fraser 교수님 수업 알려줘", ["by-professor", "english-name"], prof("Jay Fraser"), ["소비자행동론"]),
    S("ssu-029", "노동건 교수님 네트워크 수업 시간", ["by-professor", "by-schedule"], both(prof("노동건"), name_is("네트워크")),
      ["12:00", "13:30"]),
    S("ssu-030", "나현숙 교수 선형대수 월요일 몇시 반 있어?", ["by-professor", "by-schedule"], prof("나현숙"),
      ["10:30", "12:00", "13:30"]),
    # --- by schedule
    S("ssu-031", "월요일 1시에 하는 물리 실험 누가 가르쳐?", ["by-schedule", "by-professor"],
      both(name_has("물리1및실험"), meets("월"), starts_between(13 * H, 13 * H + 59, "월")), ["이순녀"]),
    S("ssu-032", "수요일 1시에 시작하는 물리1및실험 분반", ["by-schedule", "by-name"],
      both(name_has("물리1및실험"), meets("수"), starts_between(13 * H, 13 * H + 59, "수")), ["김남미"]),
    S("ssu-033", "디지털미디어학과 토요일 오후 수업 있어?", ["by-schedule", "by-department"],
      both(dept("디지털미디어학과"), meets("토"), afternoon("토")), ["박진호", "강범준"]),
    S("ssu-034", "화목 9시 자료구조 분반 있나?", ["by-schedule", "by-name", "no-such-course"],
      both(name_is("자료구조"), meets("화", "목"), starts_between(9 * H, 9 * H + 59, "화", "목")),
      expect_empty=True, notes="no 자료구조 section meets Tue/Thu at 9: the bot must say so (nearby: 옥도민 화금 10:30)"),
    S("ssu-035", "월수 10시 반에 하는 데이터베이스", ["by-schedule", "by-name"],
      both(name_is("데이터베이스"), meets("월", "수"), starts_between(10 * H + 30, 10 * H + 59, "월", "수")),
      ["정진홍"]),
    S("ssu-036", "전자회로 월수 9시 분반 누구야", ["by-schedule", "by-name", "by-professor"],
      both(name_is("전자회로"), meets("월", "수"), starts_between(9 * H, 9 * H + 59, "월", "수")), ["박창근"],
      ),
    S("ssu-037", "회로이론 수업 중에 12시 전에 끝나는 반", ["by-schedule", "by-name", "no-such-course"],
      both(name_is("회로이론"), ends_by(12 * H)), expect_empty=True,
      notes="every 회로이론 section has an afternoon slot"),
    S("ssu-038", "금요일 오전에 하는 알고리즘", ["by-schedule", "by-name"],
      both(name_is("알고리즘"), meets("금"), morning("금")), ["곽동규", "10:30"]),
    # --- by department
    S("ssu-039", "컴공 전필 뭐 있어?", ["by-department", "category"],
      both(dept("컴퓨터학부", "컴퓨터학과"), category("전필")), ["자료구조"]),
    S("ssu-040", "소프트 전공필수 과목 알려줘", ["by-department", "category"],
      both(dept("AI소프트웨어학부", "소프트웨어학부"), category("전필")), max_gold=30),
    S("ssu-041", "글로벌통상학과 영어강의 있어?", ["by-department", "english-taught"],
      both(dept("글로벌통상학과"), english()), ["박창기"]),
    S("ssu-042", "경제학과 목요일 수업 중 오전에 하는 거", ["by-department", "by-schedule", "multi-constraint"],
      both(dept("경제학과"), meets("목"), morning("목")), ["박창수"]),
    S("ssu-043", "전기공학부 신호및시스템 화금 분반", ["by-department", "by-name", "by-schedule"],
      both(dept("전기공학부"), name_is("신호및시스템"), meets("화", "금")), ["조남훈", "10:30"]),
    S("ssu-044", "정보보호학과 1학년 과목 중 자료구조 있어?", ["by-department", "by-name"],
      both(dept("정보보호학과(계약학과)"), name_is("자료구조")), ["이상준"]),
    # --- multi-constraint
    S("ssu-045", "화목 오전에 들을 수 있는 경영 전공 있어요?", ["multi-constraint", "by-schedule", "by-department"],
      both(dept("경영학부", "경영학과"), meets("화", "목"), morning("화", "목")), max_gold=30),
    S("ssu-046", "금공강 가능한 회계원리 분반", ["multi-constraint", "by-name", "by-schedule"],
      both(name_is("회계원리"), not_on("금"), lambda r: bool(r["_slots"])), ["이광진", "김응길"]),
    S("ssu-047", "자료구조 영어강의 분반 있어?", ["multi-constraint", "english-taught", "by-name"],
      both(name_is("자료구조"), english()), ["박승현", "조은상"]),
    S("ssu-048", "컴퓨터학부 화요일 3시 이후 수업", ["multi-constraint", "by-department", "by-schedule"],
      both(dept("컴퓨터학부"), meets("화"), starts_between(15 * H, 24 * H, "화")), max_gold=30),
    S("ssu-049", "AI소프트웨어학부 월수 오후 전공 과목", ["multi-constraint", "by-department", "by-schedule"],
      both(dept("AI소프트웨어학부"), meets("월", "수"), afternoon("월", "수")), max_gold=30),
    S("ssu-050", "기계공학부 1학점짜리 수업 있나요", ["multi-constraint", "by-department", "credits"],
      both(dept("기계공학부"), credits(1.0))),
    S("ssu-051", "머신러닝 월수 분반 교수님", ["multi-constraint", "by-name", "by-schedule", "by-professor"],
      both(name_is("머신러닝"), meets("월", "수")), ["황규백"]),
    S("ssu-052", "전기공학부 전자회로 중에 월요일 끼어있는 분반", ["multi-constraint", "by-department", "by-name"],
      both(dept("전기공학부"), name_is("전자회로"), meets("월")), ["배원규", "형남공학관 05322"]),
    # --- by code
    S("ssu-053", "5006762801 이거 무슨 과목이야?", ["by-code"], code_is("5006762801"), ["물리1및실험", "이순녀"]),
    S("ssu-054", "2150165401 몇시에 해요?", ["by-code", "by-schedule"], code_is("2150165401"), ["15:00", "문화관 03307"]),
    S("ssu-055", "과목번호 2150163301 교수님 누구?", ["by-code", "by-professor"], code_is("2150163301"), ["곽동규"]),
    S("ssu-056", "2150189901랑 2150189902 시간 겹쳐?", ["by-code", "by-schedule"],
      either(code_is("2150189901"), code_is("2150189902")), ["신용태", "조은상"]),
    S("ssu-057", "2159999999 과목 정보 알려줘", ["by-code", "no-such-course"], code_is("2159999999"), expect_empty=True),
    # --- English names and mixed English
    S("ssu-058", "Data Structures 수업 있어?", ["english-name", "by-name"], name_is("자료구조"), ["자료구조"]),
    S("ssu-059", "operating system 누가 가르쳐", ["english-name", "by-professor"], name_is("운영체제"), ["이은지"]),
    S("ssu-060", "OS 수업 시간표", ["english-name", "by-abbreviation"], name_is("운영체제"), ["15:00"]),
    S("ssu-061", "DB 강의 몇 개 열려?", ["english-name", "by-abbreviation"], name_is("데이터베이스"), ["정진홍"]),
    S("ssu-062", "linear algebra 수업 월요일꺼 있어요?", ["english-name", "by-schedule"],
      both(name_is("선형대수"), meets("월")), ["나현숙"]),
    S("ssu-063", "machine learning 강의 알려줘", ["english-name"], name_is("머신러닝"), ["이강희"]),
    S("ssu-064", "Signals and Systems 교수님", ["english-name", "by-professor"], name_is("신호및시스템"), ["조남훈"]),
    # --- typos
    S("ssu-065", "자료구저 수업 언제 있어?", ["typo", "by-schedule"], name_is("자료구조"), ["13:30"]),
    S("ssu-066", "운영채제 교수님 누구?", ["typo", "by-professor"], name_is("운영체제"), ["이은지", "이찬호"]),
    S("ssu-067", "데이타베이스 수업 있나요", ["typo"], name_is("데이터베이스"), ["하석재"]),
    S("ssu-068", "컴퓨터구죠 월수반", ["typo", "by-schedule"], both(name_is("컴퓨터구조"), meets("월", "수")), ["하석재"]),
    S("ssu-069", "신호및시스탬 수업", ["typo"], name_is("신호및시스템"), ["조남훈"]),
    S("ssu-070", "미시경재학 분반 알려주세요", ["typo"], name_is("미시경제학"), ["박창수"]),
    S("ssu-071", "객체지향프로그레밍 화금 분반 있어요?", ["typo", "by-schedule"],
      both(name_is("객체지향프로그래밍"), meets("화", "금")), ["최지웅"]),
    # --- category / credits
    S("ssu-072", "경제학과 전필 수업 목록", ["category", "by-department"],
      both(dept("경제학과"), category("전필")), ["미시경제학"]),
    S("ssu-073", "수학과 전공기초 과목 뭐 있어", ["category", "by-department"],
      both(dept("수학과"), category("전기")), ["미적분학1"]),
    S("ssu-074", "화학공학과 전선 중에 금요일 수업", ["category", "by-department", "by-schedule"],
      both(dept("화학공학과"), category("전선"), meets("금")), max_gold=30),
    S("ssu-075", "법학과 2학점 과목 있어?", ["credits", "by-department"],
      both(dept("법학과"), credits(2.0))),
    # --- English-taught
    S("ssu-076", "컴퓨터학부 영어강의 뭐 있어요?", ["english-taught", "by-department"],
      both(dept("컴퓨터학부"), english()), ["유용석", "최봉준"]),
    S("ssu-077", "경영학부 원어강의 알려줘", ["english-taught", "by-department"],
      both(dept("경영학부"), english()), ["Jay Fraser"]),
    S("ssu-078", "English-taught 경제학과 수업 있나요?", ["english-taught", "by-department"],
      both(dept("경제학과"), english()), ["곽보름", "장연재"]),
    S("ssu-079", "확률및통계 영어로 진행하는 분반", ["english-taught", "by-name"],
      both(name_is("확률및통계"), english()), ["유용석", "이현욱"]),
    # --- by topic: no course name in the question; the dense + lexical search must find them
    S("ssu-088", "파이썬 배우는 수업 있어?", ["by-topic"], either(name_has("파이썬"), name_has("Python")),
      ["프로그래밍기초(Python)"]),
    S("ssu-089", "블록체인 관련 강의 뭐 있어요", ["by-topic"], name_has("블록체인"), ["블록체인방법론"]),
    S("ssu-090", "딥러닝 수업 추천 좀", ["by-topic"], name_has("딥러닝"), ["딥러닝기초"]),
    S("ssu-091", "게임 만드는 수업 있나?", ["by-topic"], either(name_has("게임개발"), name_has("게임기획")),
      ["게임기획과제작"]),
    S("ssu-092", "웹 해킹 배우고 싶어요", ["by-topic"], name_has("웹해킹"), ["웹해킹과보안"]),
    S("ssu-093", "창업 관련 과목 알려줘", ["by-topic"], name_has("창업"), ["창업아이템개발"]),
    S("ssu-094", "C++ 수업 누가 가르쳐?", ["by-topic", "by-professor"], name_has("C++")),
    S("ssu-095", "자바 기초 수업", ["by-topic", "english-name"], name_has("JAVA")),
    S("ssu-096", "리눅스 시스템 프로그래밍 교수님", ["by-topic", "by-professor"], name_has("리눅스")),
    S("ssu-097", "클라우드 관련 수업 있어?", ["by-topic"], name_has("클라우드"), ["클라우드컴퓨팅론"]),
    S("ssu-098", "반도체 공정 배우는 과목", ["by-topic"],
      both(name_has("반도체"), lambda r: "공정" in r["_name"]), ["반도체공정및소자"]),
    S("ssu-099", "토요일에 듣는 교양 뭐 있어?", ["by-topic", "category", "by-schedule"],
      both(lambda r: r["_cat"].startswith(("교필", "교선")), meets("토"))),
    S("ssu-100", "영화 관련 수업 듣고 싶어", ["by-topic"], name_has("영화")),
    S("ssu-101", "채플 시간표 알려줘", ["by-topic", "by-schedule"], name_has("채플")),
    # --- a second batch, written after the parser existed and run once before any change (see the report)
    S("ssu-102", "경영학부 화요일 오후 3시 수업 중 전필", ["multi-constraint", "by-department", "by-schedule", "category"],
      both(dept("경영학부"), meets("화"), starts_between(15 * H, 15 * H + 59, "화"), category("전필"))),
    S("ssu-103", "컴퓨터학부 금요일 공강 가능한 전필", ["multi-constraint", "by-department", "by-schedule", "category"],
      both(dept("컴퓨터학부"), not_on("금"), lambda r: bool(r["_slots"]), category("전필")), ["최중규"]),
    S("ssu-104", "소프트 데베 누가 해요?", ["by-abbreviation", "by-department", "by-professor"],
      both(dept("AI소프트웨어학부", "소프트웨어학부"), name_is("데이터베이스")), ["박찬준", "정진홍"]),
    S("ssu-105", "정진홍 교수님 월수 수업", ["by-professor", "by-schedule"], both(prof("정진홍"), meets("월", "수")),
      ["10:30", "13:30"]),
    S("ssu-106", "이번학기 알고리즘 강의하는 교수님 누구야", ["by-name", "by-professor"], name_is("알고리즘"),
      ["곽동규", "문성현"]),
    S("ssu-107", "자료구조 수업 화요일 1시 반", ["by-name", "by-schedule"],
      both(name_is("자료구조"), meets("화"), starts_between(13 * H + 30, 13 * H + 59, "화")), ["권재환", "박승현"]),
    S("ssu-108", "수요일 저녁 6시 이후에 하는 회계 수업", ["by-topic", "by-schedule"],
      both(name_has("회계"), meets("수"), starts_between(18 * H, 24 * H, "수"))),
    S("ssu-109", "운체 말고 컴구 월요일 오전 분반", ["by-abbreviation", "by-schedule"],
      both(name_is("컴퓨터구조"), meets("월"), morning("월")), ["공영호"]),
    S("ssu-110", "경제원론 김현숙 교수님 강의실", ["by-name", "by-professor"],
      both(name_is("경제원론"), prof("김현숙")), ["숭덕경상관 02107"]),
    S("ssu-111", "회로이론 임성훈 교수님 분반 시간", ["by-name", "by-professor", "by-schedule"],
      both(name_is("회로이론"), prof("임성훈")), ["09:00", "13:30"]),
    S("ssu-112", "기초공학수학1 월목 수업 있어?", ["by-name", "by-schedule"],
      both(name_is("기초공학수학1"), meets("월", "목"))),
    S("ssu-113", "정보통계 전공 월요일 수업", ["by-department", "by-schedule"],
      both(dept("정보통계·보험수리학과"), meets("월"))),
    S("ssu-114", "IT융합전공 전자회로 누가 가르쳐", ["by-department", "by-name", "by-professor"],
      both(dept("전자정보공학부 IT융합전공"), name_is("전자회로")), ["홍승모"]),
    S("ssu-115", "철학과 화목 수업 뭐 있지", ["by-department", "by-schedule"], both(dept("철학과"), meets("화", "목"))),
    S("ssu-116", "Jay Fraser 월수 12시 수업", ["by-professor", "by-schedule"],
      both(prof("Jay Fraser"), meets("월", "수"), starts_between(12 * H, 12 * H + 59, "월", "수")), ["소비자행동론"]),
    # --- no such course / out of scope
    S("ssu-080", "숭실대에 한식조리 실습 수업 있어?", ["no-such-course"], name_has("조리"), expect_empty=True),
    S("ssu-081", "천문학 개론 강의 열리나요?", ["no-such-course"], name_has("천문"), expect_empty=True),
    S("ssu-082", "피아노 레슨 과목 있어요?", ["no-such-course"], name_has("피아노"), expect_empty=True),
    S("ssu-083", "수의학 수업 누가 가르쳐?", ["no-such-course"], name_has("수의"), expect_empty=True),
    S("ssu-084", "학식 메뉴 뭐야?", ["out-of-scope"], expect_empty=True),
    S("ssu-085", "오늘 날씨 어때?", ["out-of-scope"], expect_empty=True),
    S("ssu-086", "기숙사 신청 언제까지야?", ["out-of-scope"], expect_empty=True),
    S("ssu-087", "숭실대 등록금 얼마에요?", ["out-of-scope"], expect_empty=True),
]


def text_of(r: Row) -> str:
    return " ".join([
        r["과목번호"], r["_name"], " ".join(r["_profs"]), r["강의시간(강의실)"], r["개설학과"],
        f"{r['_credits']:g}학점" if r["_credits"] is not None else "",
    ])


def main() -> None:
    rows = load()
    cases = build(SPECS, rows, catalog="ssu-2026-1", code_of=lambda r: r["과목번호"], text_of=text_of)
    write(cases, HERE / "ssu-2026-1.jsonl")


if __name__ == "__main__":
    main()
