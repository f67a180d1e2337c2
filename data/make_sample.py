"""Generate `data/sample-catalog.csv`: the project's own catalog of a fictional university (한빛대학교).

The course lists below are written by hand for the project; the script only lays the sections out on
a weekly timetable with a fixed seed, so that no professor teaches two places at once and no room is
double-booked. The committed CSV is the artifact; rerun this only to change the catalog:

    .venv/bin/python data/make_sample.py      # rewrites data/sample-catalog.csv

The CSV is read through `data/sample-catalog.mapping.yaml` (a column mapping, not a built-in profile).
Besides the timetable it states what real catalogs state about eligibility and seats: 과정 (학부, and a
few sections of a graduate school: 석사, 석박사, 박사), 수업방식, 정원 and 여석 (a snapshot, drawn with a
separate seed so that the timetable does not depend on them) and 수강제한 for a few sections.
Times follow a 75-minute grid (09:00, 10:30, 12:00, 13:30, 15:00, 16:30, 18:00); labs run about
three hours from a grid start. All names (university, professors) are fictional.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parent / "sample-catalog.csv"
SEED = 20260301
GRID = ["09:00", "10:30", "12:00", "13:30", "15:00", "16:30"]
EVENING = ["18:00"]
PAIRS = ["월,수", "화,목", "수,금", "월,목", "화,금"]
WEEKDAYS = ["월", "화", "수", "목", "금"]

HEADER = [
    "개설학과", "학수번호", "분반", "교과목명", "영문교과목명", "이수구분", "학점", "시수", "담당교수",
    "강의시간", "수강대상", "권장학년", "강의언어", "교과목개요", "비고", "과정", "수업방식", "정원", "여석", "수강제한",
]
SEAT_SEED = SEED + 1
# Section size by kind of meeting (a graduate seminar takes fewer, see `seats`).
CAPACITY = {"L3": (40, 50), "S3": (30,), "LAB": (24,), "LL": (30,), "L2": (35, 40), "L1": (30,), "SAT": (40,)}


@dataclass
class Course:
    code: str
    name: str
    name_en: str
    category: str
    credits: int
    year: str
    kind: str            # L3: 75 min x 2 days; S3: one 165-min block; LAB: ~3-hour lab; LL: 75 + 110 lab;
                         # L2: one 110-min block; L1: one 50-min block; SAT: Saturday 170-min block
    profs: list[str]     # one per section (a 'A/B' entry = team-taught section)
    description: str = ""
    english: set[int] = field(default_factory=set)   # section numbers (1-based) taught in English
    notes: dict[int, str] = field(default_factory=dict)
    target: str = ""
    evening: set[int] = field(default_factory=set)    # sections that meet at 18:00
    level: str = "학부"                                 # 과정: 학부, 석사, 석박사, 박사
    delivery: dict[int, str] = field(default_factory=dict)      # 수업방식 when not 대면
    restrictions: dict[int, str] = field(default_factory=dict)  # 수강제한


@dataclass
class Dept:
    name: str
    building: str
    rooms: list[str]
    labs: list[str]
    courses: list[Course]


def C(code: str, name: str, name_en: str, category: str, credits: int, year: str, kind: str,
      profs: list[str], description: str = "", **kw) -> Course:
    return Course(code, name, name_en, category, credits, year, kind, profs, description, **kw)


DEPTS: list[Dept] = [
    Dept("컴퓨터공학과", "공학관", ["공학관 301", "공학관 302", "공학관 305", "공학관 407"], ["공학관 B101", "공학관 B102"], [
        C("CSE1001", "컴퓨터프로그래밍", "Computer Programming", "전공기초", 3, "1학년", "L3",
          ["한도윤", "서다온", "권태오", "한도윤"], "C 언어로 변수, 제어문, 함수, 배열, 포인터를 익히고 작은 프로그램을 직접 작성한다.",
          notes={3: "프로그래밍 경험이 없는 학생 대상 분반"}),
        C("CSE1003", "이산수학", "Discrete Mathematics", "전공기초", 3, "1학년", "L3",
          ["문지환", "권태오"], "집합, 논리, 증명, 관계, 그래프, 조합론 등 컴퓨터과학의 수학적 기초를 다룬다."),
        C("CSE2010", "자료구조", "Data Structures", "전공필수", 3, "2학년", "L3",
          ["한도윤", "남궁현", "서다온", "Daniel Whitford"],
          "배열, 연결 리스트, 스택, 큐, 트리, 힙, 해시, 그래프를 구현하고 시간 복잡도를 분석한다.",
          english={4}, notes={1: "선수과목: 컴퓨터프로그래밍", 4: "영어강의 (English-taught section)"}),
        C("CSE2014", "논리회로및실험", "Logic Circuits and Laboratory", "전공기초", 3, "2학년", "LL",
          ["배성준", "염도현"], "불 대수, 조합 회로와 순차 회로를 배우고 브레드보드 실험으로 확인한다.",
          notes={1: "실험 조 편성은 첫 주에 진행"}),
        C("CSE2020", "객체지향프로그래밍", "Object-Oriented Programming", "전공필수", 3, "2학년", "L3",
          ["서다온", "문지환"], "Java로 클래스, 상속, 다형성, 인터페이스, 예외 처리와 디자인 원칙을 익힌다."),
        C("CSE2030", "컴퓨터구조", "Computer Architecture", "전공필수", 3, "2학년", "L3",
          ["배성준", "남궁현"], "명령어 집합, 파이프라인, 캐시와 메모리 계층, 입출력 구조를 다룬다."),
        C("CSE3010", "운영체제", "Operating Systems", "전공필수", 3, "3학년", "L3",
          ["남궁현", "권태오", "서다온"], "프로세스와 스레드, CPU 스케줄링, 동기화, 교착상태, 가상 메모리, 파일 시스템을 다룬다.",
          notes={1: "선수과목: 자료구조, 컴퓨터구조"}),
        C("CSE3020", "알고리즘", "Algorithms", "전공필수", 3, "3학년", "L3",
          ["문지환", "Daniel Whitford"], "분할 정복, 동적 계획법, 탐욕 알고리즘, 그래프 알고리즘과 NP-완전성을 배운다.",
          english={2}),
        C("CSE3030", "데이터베이스", "Database Systems", "전공선택", 3, "3학년", "L3",
          ["이한결", "이한결"], "관계 모델, SQL, 정규화, 트랜잭션과 인덱스 구조를 배우고 팀 프로젝트로 DB를 설계한다.",
          notes={2: "팀 프로젝트 진행"}),
        C("CSE3040", "컴퓨터네트워크", "Computer Networks", "전공선택", 3, "3학년", "L3",
          ["권태오", "배성준"], "인터넷 계층 구조, TCP/IP, 라우팅, 소켓 프로그래밍을 다룬다."),
        C("CSE3050", "인공지능", "Artificial Intelligence", "전공선택", 3, "3학년", "L3",
          ["이한결", "Daniel Whitford"], "탐색, 지식 표현, 확률적 추론, 기계학습의 기초를 다룬다.", english={2}),
        C("CSE3060", "소프트웨어공학", "Software Engineering", "전공선택", 3, "3학년", "L3",
          ["서다온"], "요구사항 분석, 설계, 테스트, 형상 관리 등 소프트웨어 개발 프로세스를 배운다."),
        C("CSE2040", "시스템프로그래밍", "System Programming", "전공선택", 3, "2학년", "L3",
          ["권태오"], "리눅스 환경에서 C로 프로세스, 시그널, 파일 입출력, 소켓을 다루는 시스템 프로그램을 작성한다."),
        C("CSE4020", "컴퓨터그래픽스", "Computer Graphics", "전공선택", 3, "4학년", "L3",
          ["배성준"], "변환, 투영, 래스터화, 셰이딩을 배우고 OpenGL로 3차원 장면을 그린다."),
        C("CSE4010", "컴파일러", "Compilers", "전공선택", 3, "4학년", "L3",
          ["문지환"], "어휘 분석, 구문 분석, 의미 분석, 중간 코드 생성과 최적화를 다룬다."),
        C("CSE4090", "캡스톤디자인", "Capstone Design", "전공필수", 3, "4학년", "LAB",
          ["한도윤/이한결", "남궁현/배성준"], "팀 단위로 실제 문제를 정하고 설계, 구현, 발표까지 수행하는 종합 설계 과목.",
          notes={1: "팀티칭", 2: "팀티칭, 산학협력 과제 분반"}),
    ]),
    Dept("소프트웨어학부", "공학관", ["공학관 201", "공학관 203", "공학관 210"], ["공학관 B201", "공학관 B202"], [
        C("SWE1001", "파이썬프로그래밍", "Python Programming", "전공기초", 3, "1학년", "L3",
          ["윤채원", "김나래", "오세린", "주한별"], "파이썬 문법, 자료형, 함수, 파일 처리와 간단한 데이터 분석을 실습한다."),
        C("SWE2001", "자료구조", "Data Structures", "전공필수", 3, "2학년", "L3",
          ["김나래"], "소프트웨어학부 전공 자료구조. 파이썬으로 리스트, 트리, 그래프, 해시를 구현한다.",
          target="소프트웨어학부 2학년"),
        C("SWE2010", "웹프로그래밍", "Web Programming", "전공선택", 3, "2학년", "L3",
          ["오세린", "주한별"], "HTML, CSS, JavaScript와 서버 기초를 배우고 웹 서비스를 만든다.",
          notes={1: "노트북 지참"}),
        C("SWE2020", "오픈소스소프트웨어", "Open Source Software", "전공선택", 3, "2학년", "L3",
          ["주한별"], "Git과 GitHub 협업, 라이선스, 오픈소스 기여 과정을 실습한다."),
        C("SWE3010", "머신러닝", "Machine Learning", "전공선택", 3, "3학년", "L3",
          ["윤채원", "Emma Larkin"], "회귀, 분류, 결정 트리, 신경망과 모델 평가를 배우고 실제 데이터로 실습한다.",
          english={2}, notes={1: "선수과목: 확률과통계, 선형대수학 권장"}),
        C("SWE3020", "모바일앱프로그래밍", "Mobile App Programming", "전공선택", 3, "3학년", "L3",
          ["오세린"], "안드로이드 앱의 화면 구성, 데이터 저장, 네트워크 통신을 실습한다."),
        C("SWE3030", "정보보호개론", "Introduction to Information Security", "전공선택", 3, "3학년", "L3",
          ["김나래"], "암호 기초, 인증, 접근 제어, 네트워크 보안과 웹 취약점을 다룬다."),
        C("SWE3040", "데이터베이스프로그래밍", "Database Programming", "전공선택", 3, "3학년", "LAB",
          ["주한별"], "SQL과 ORM으로 데이터베이스 응용 프로그램을 개발하는 실습 중심 과목."),
        C("SWE3050", "인간컴퓨터상호작용", "Human-Computer Interaction", "전공선택", 3, "3학년", "L3",
          ["윤채원"], "사용자 조사, 프로토타이핑, 사용성 평가 등 사용자 중심 설계 방법을 배운다."),
        C("SWE4020", "빅데이터처리", "Big Data Processing", "전공선택", 3, "4학년", "L3",
          ["김나래"], "분산 저장과 처리, Spark 기반 대용량 데이터 분석을 실습한다."),
        C("SWE4010", "클라우드컴퓨팅", "Cloud Computing", "전공선택", 3, "4학년", "L3",
          ["Emma Larkin"], "가상화, 컨테이너, 서버리스와 클라우드 서비스 설계를 배운다.", english={1}),
    ]),
    Dept("경영학과", "경상관", ["경상관 201", "경상관 202", "경상관 305", "경상관 310"], [], [
        C("BUS1001", "경영학원론", "Principles of Management", "전공기초", 3, "1학년", "L3",
          ["정서윤", "백승호", "임소율"], "기업과 경영의 기본 개념, 계획, 조직, 지휘, 통제 기능을 개관한다."),
        C("BUS1010", "회계원리", "Principles of Accounting", "전공기초", 3, "1학년", "L3",
          ["장혜원", "장혜원", "노은결"], "회계 순환 과정, 재무제표 작성과 분개, 결산을 익힌다.",
          notes={3: "재수강생 우선 분반"}),
        C("BUS2010", "마케팅원론", "Principles of Marketing", "전공필수", 3, "2학년", "L3",
          ["임소율", "허예담", "임소율"], "시장 세분화, 표적 시장, 포지셔닝, 마케팅 믹스(4P)를 사례로 배운다."),
        C("BUS2005", "경영통계", "Business Statistics", "전공기초", 3, "2학년", "L3",
          ["허예담", "백승호"], "기술통계, 확률분포, 추정과 검정, 회귀분석을 경영 사례 자료로 실습한다."),
        C("BUS2020", "재무관리", "Financial Management", "전공필수", 3, "2학년", "L3",
          ["백승호", "Grace Holloway"], "화폐의 시간가치, 자본예산, 위험과 수익, 자본구조를 다룬다.", english={2}),
        C("BUS2030", "조직행동론", "Organizational Behavior", "전공필수", 3, "2학년", "L3",
          ["정서윤", "노은결"], "동기부여, 리더십, 팀과 의사소통 등 조직 속 개인과 집단의 행동을 이해한다."),
        C("BUS3010", "인적자원관리", "Human Resource Management", "전공선택", 3, "3학년", "L3",
          ["노은결"], "채용, 평가, 보상, 교육훈련과 노사관계를 다룬다."),
        C("BUS3020", "생산운영관리", "Operations Management", "전공선택", 3, "3학년", "L3",
          ["허예담"], "수요 예측, 재고 관리, 품질 관리, 공급사슬 관리를 배운다."),
        C("BUS3030", "소비자행동론", "Consumer Behavior", "전공선택", 3, "3학년", "L3",
          ["임소율"], "소비자의 지각, 태도, 의사결정 과정을 마케팅 관점에서 분석한다."),
        C("BUS3040", "투자론", "Investments", "전공선택", 3, "3학년", "L3",
          ["백승호"], "주식과 채권의 가치평가, 포트폴리오 이론, CAPM을 다룬다.", notes={1: "선수과목: 재무관리"}),
        C("BUS3050", "경영정보시스템", "Management Information Systems", "전공선택", 3, "3학년", "L3",
          ["허예담"], "정보시스템이 기업 전략과 업무 프로세스에 주는 영향을 사례로 배운다."),
        C("BUS3060", "국제경영", "International Business", "전공선택", 3, "3학년", "L3",
          ["Grace Holloway"], "해외 진출 전략, 다국적 기업 경영, 문화 차이를 다룬다.", english={1}),
        C("BUS4010", "경영전략", "Strategic Management", "전공선택", 3, "4학년", "S3",
          ["정서윤"], "산업 분석과 경쟁 우위, 기업 수준 전략을 사례 토론으로 배운다.", notes={1: "사례 토론식 수업"}),
    ]),
    Dept("경제학과", "경상관", ["경상관 401", "경상관 402", "경상관 405"], [], [
        C("ECO1001", "경제학원론", "Principles of Economics", "전공기초", 3, "1학년", "L3",
          ["조윤서", "성민재", "우진혁", "진서하"], "수요와 공급, 시장 구조, 국민소득, 통화와 물가 등 경제학의 기본 원리를 배운다."),
        C("ECO1010", "경제수학", "Mathematics for Economists", "전공기초", 3, "1학년", "L3",
          ["성민재"], "미분, 최적화, 행렬 등 경제 분석에 필요한 수학 도구를 익힌다."),
        C("ECO2010", "미시경제학", "Microeconomics", "전공필수", 3, "2학년", "L3",
          ["조윤서", "우진혁"], "소비자와 생산자 이론, 시장 균형, 후생 분석을 다룬다."),
        C("ECO2020", "거시경제학", "Macroeconomics", "전공필수", 3, "2학년", "L3",
          ["진서하", "성민재"], "국민소득 결정, 경기 변동, 통화·재정 정책과 경제 성장을 다룬다."),
        C("ECO2030", "경제사", "Economic History", "전공선택", 3, "2학년", "L3",
          ["조윤서"], "산업혁명부터 현대까지 세계 경제와 한국 경제의 발전 과정을 살펴본다."),
        C("ECO3010", "계량경제학", "Econometrics", "전공필수", 3, "3학년", "L3",
          ["우진혁"], "회귀분석과 추정, 가설 검정을 배우고 통계 소프트웨어로 실증 분석한다.",
          notes={1: "선수과목: 확률과통계"}),
        C("ECO3020", "화폐금융론", "Money and Banking", "전공선택", 3, "3학년", "L3",
          ["진서하"], "화폐의 기능, 금융시장과 금융기관, 중앙은행의 통화정책을 다룬다."),
        C("ECO3030", "국제무역론", "International Trade", "전공선택", 3, "3학년", "L3",
          ["Thomas Reinholt"], "비교우위, 무역정책, 자유무역협정과 글로벌 가치사슬을 다룬다.", english={1}),
        C("ECO3040", "재정학", "Public Finance", "전공선택", 3, "3학년", "L3",
          ["조윤서"], "조세와 정부 지출, 공공재, 외부효과를 분석한다."),
        C("ECO3050", "게임이론", "Game Theory", "전공선택", 3, "3학년", "L3",
          ["성민재"], "전략적 상황의 분석, 내쉬 균형, 반복 게임과 정보 경제학을 배운다."),
        C("ECO4010", "노동경제학", "Labor Economics", "전공선택", 3, "4학년", "S3",
          ["진서하"], "노동 수요와 공급, 임금 결정, 인적 자본과 노동시장 정책을 다룬다."),
    ]),
    Dept("국어국문학과", "인문관", ["인문관 203", "인문관 204", "인문관 310"], [], [
        C("KOR1001", "국어학개론", "Introduction to Korean Linguistics", "전공기초", 3, "1학년", "L3",
          ["신하윤"], "음운, 형태, 통사, 의미 등 국어학의 주요 분야를 개관한다."),
        C("KOR1002", "현대문학개론", "Introduction to Modern Korean Literature", "전공기초", 3, "1학년", "L3",
          ["차은솔"], "한국 현대 시와 소설의 흐름과 작품 읽기의 기본 방법을 배운다."),
        C("KOR2010", "고전문학의이해", "Understanding Classical Korean Literature", "전공필수", 3, "2학년", "L3",
          ["송재희"], "향가, 고려가요, 시조, 고전소설을 읽고 시대적 맥락을 이해한다."),
        C("KOR2020", "한국어문법론", "Korean Grammar", "전공필수", 3, "2학년", "L3",
          ["신하윤"], "품사, 문장 성분, 문법 범주를 중심으로 현대 한국어 문법을 체계적으로 배운다."),
        C("KOR2030", "국어정서법", "Korean Orthography", "전공선택", 3, "2학년", "L3",
          ["신하윤"], "한글 맞춤법, 띄어쓰기, 표준어 규정과 외래어 표기법을 실제 문장으로 익힌다."),
        C("KOR2040", "한국문학과영화", "Korean Literature and Film", "전공선택", 3, "2학년", "S3",
          ["송재희"], "소설을 원작으로 한 한국 영화를 보고 서사 방식의 차이를 비교한다."),
        C("KOR3010", "현대시론", "Modern Korean Poetry", "전공선택", 3, "3학년", "S3",
          ["차은솔"], "1920년대부터 현재까지의 한국 현대시를 읽고 비평문을 쓴다."),
        C("KOR3020", "현대소설론", "Modern Korean Fiction", "전공선택", 3, "3학년", "L3",
          ["차은솔"], "한국 현대소설의 서사 기법과 주제 의식을 작품 중심으로 분석한다."),
        C("KOR3030", "한국어교육론", "Teaching Korean as a Foreign Language", "전공선택", 3, "3학년", "L3",
          ["송재희"], "외국인을 위한 한국어 교육의 이론과 교수법, 교재 분석을 다룬다.",
          notes={1: "한국어교원 자격 관련 과목"}),
        C("KOR4010", "국어사", "History of the Korean Language", "전공선택", 3, "4학년", "L3",
          ["신하윤"], "고대 국어부터 근대 국어까지 한국어의 변화 과정을 문헌 자료로 살펴본다."),
    ]),
    Dept("영어영문학과", "인문관", ["인문관 401", "인문관 402", "인문관 405"], [], [
        C("ENG1001", "영문학개론", "Introduction to English Literature", "전공기초", 3, "1학년", "L3",
          ["Margaret Ashby"], "시, 소설, 드라마의 장르별 특징과 주요 영문학 작품을 읽는다.", english={1}),
        C("ENG1002", "영어학개론", "Introduction to English Linguistics", "전공기초", 3, "1학년", "L3",
          ["양지율"], "영어의 소리, 단어, 문장 구조와 의미를 언어학적으로 살펴본다."),
        C("ENG2010", "영어음성학", "English Phonetics", "전공필수", 3, "2학년", "L3",
          ["양지율"], "영어 자음과 모음, 강세와 억양을 배우고 발음 교정 실습을 한다."),
        C("ENG2005", "영어작문", "English Composition", "전공필수", 3, "2학년", "L3",
          ["오하은", "Samuel Pritchard"], "문단 구성에서 에세이까지 영어 글쓰기를 단계별로 연습한다.", english={2}),
        C("ENG2020", "영미소설", "British and American Novels", "전공선택", 3, "2학년", "L3",
          ["Margaret Ashby"], "19-20세기 영미 소설을 읽고 영어로 토론한다.", english={1}),
        C("ENG2030", "영어발표와토론", "English Presentation and Debate", "전공선택", 3, "2학년", "L3",
          ["Margaret Ashby", "Samuel Pritchard"], "영어 발표 구성과 토론 기술을 익히고 매주 발표한다.",
          english={1, 2}, notes={2: "정원 25명, 발표 중심 수업"}),
        C("ENG3010", "셰익스피어", "Shakespeare", "전공선택", 3, "3학년", "S3",
          ["Samuel Pritchard"], "셰익스피어의 비극과 희극을 원문으로 읽고 공연 영상을 함께 분석한다.", english={1}),
        C("ENG3020", "영어통번역연습", "English-Korean Translation Practice", "전공선택", 3, "3학년", "L3",
          ["오하은"], "시사, 기술, 문학 텍스트를 영한·한영으로 번역하고 첨삭한다."),
    ]),
    Dept("수학과", "자연과학관", ["자연과학관 201", "자연과학관 202", "자연과학관 305", "자연과학관 306"], [], [
        C("MAT1001", "미적분학", "Calculus", "전공기초", 3, "1학년", "L3",
          ["최윤아", "홍석진", "강민채", "류시온", "나은재", "나은재"], "극한, 미분, 적분, 급수와 다변수 함수의 기초를 다룬다.",
          target="이공계열 1학년", notes={4: "공과대학 학생 대상 분반", 5: "공과대학 학생 대상 분반", 6: "재수강생 우선 분반"}),
        C("MAT2001", "선형대수학", "Linear Algebra", "전공기초", 3, "2학년", "L3",
          ["홍석진", "최윤아", "강민채", "나은재"], "행렬과 연립방정식, 벡터공간, 선형변환, 고유값과 대각화를 다룬다.",
          target="이공계열 2학년"),
        C("MAT2010", "확률과통계", "Probability and Statistics", "전공기초", 3, "2학년", "L3",
          ["류시온", "강민채"], "확률, 확률변수와 분포, 추정과 검정의 기초를 배운다.", target="전학년"),
        C("MAT2020", "해석학1", "Analysis I", "전공필수", 3, "2학년", "L3",
          ["최윤아"], "실수의 성질, 수열과 급수, 연속성과 미분가능성을 엄밀하게 다룬다."),
        C("MAT2030", "미분방정식", "Differential Equations", "전공선택", 3, "2학년", "L3",
          ["홍석진", "류시온"], "1계 및 고계 상미분방정식, 라플라스 변환, 연립 미분방정식을 다룬다."),
        C("MAT3010", "현대대수학1", "Abstract Algebra I", "전공필수", 3, "3학년", "L3",
          ["강민채"], "군, 부분군, 준동형사상, 환의 기본 이론을 배운다."),
        C("MAT3020", "위상수학", "Topology", "전공선택", 3, "3학년", "L3",
          ["최윤아"], "거리공간과 위상공간, 연결성과 콤팩트성을 다룬다."),
        C("MAT3030", "수치해석", "Numerical Analysis", "전공선택", 3, "3학년", "L3",
          ["류시온"], "방정식의 근, 보간, 수치 미적분, 오차 분석을 파이썬으로 실습한다."),
    ]),
    Dept("물리학과", "자연과학관", ["자연과학관 401", "자연과학관 402"], ["과학관 B105", "과학관 B106"], [
        C("PHY1001", "일반물리학및실험1", "General Physics and Laboratory I", "전공기초", 3, "1학년", "LL",
          ["박하람", "안태겸", "전우성", "박하람", "주하린", "주하린"], "역학, 파동, 열을 강의로 배우고 매주 실험 보고서를 제출한다.",
          target="이공계열 1학년", notes={n: "실험복 착용 필수" for n in range(1, 7)}),
        C("PHY2010", "역학1", "Mechanics I", "전공필수", 3, "2학년", "L3",
          ["안태겸"], "뉴턴 역학, 진동, 중심력 운동, 라그랑주 역학의 기초를 다룬다."),
        C("PHY2020", "전자기학1", "Electromagnetism I", "전공필수", 3, "2학년", "L3",
          ["전우성"], "정전기학, 정자기학, 맥스웰 방정식을 벡터 해석과 함께 배운다."),
        C("PHY3010", "양자역학1", "Quantum Mechanics I", "전공필수", 3, "3학년", "L3",
          ["박하람"], "슈뢰딩거 방정식, 조화 진동자, 수소 원자와 각운동량을 다룬다.",
          notes={1: "선수과목: 역학1, 선형대수학"}),
        C("PHY3020", "열및통계물리", "Thermal and Statistical Physics", "전공선택", 3, "3학년", "L3",
          ["안태겸"], "열역학 법칙, 앙상블, 분배함수와 양자 통계를 다룬다."),
        C("PHY3030", "현대물리실험", "Modern Physics Laboratory", "전공선택", 2, "3학년", "LAB",
          ["전우성"], "광전효과, 전자 회절, 밀리컨 실험 등 현대물리의 주요 실험을 수행한다."),
        C("PHY4010", "광학", "Optics", "전공선택", 3, "4학년", "L3",
          ["박하람"], "기하광학, 간섭과 회절, 편광, 레이저의 원리를 다룬다."),
    ]),
    Dept("기계공학과", "공학관", ["공학관 501", "공학관 502", "공학관 505"], ["공학관 B301"], [
        C("MEC1001", "정역학", "Statics", "전공기초", 3, "1학년", "L3",
          ["이도하", "황지웅"], "힘과 모멘트, 평형, 트러스와 보의 해석, 마찰을 다룬다."),
        C("MEC2001", "공학수학1", "Engineering Mathematics I", "전공기초", 3, "2학년", "L3",
          ["김윤호", "이도하"], "상미분방정식, 라플라스 변환, 벡터 미적분을 공학 문제에 적용한다."),
        C("MEC2010", "재료역학", "Mechanics of Materials", "전공필수", 3, "2학년", "L3",
          ["황지웅", "이도하"], "응력과 변형률, 축하중, 비틀림, 굽힘과 처짐을 다룬다."),
        C("MEC2020", "동역학", "Dynamics", "전공필수", 3, "2학년", "L3",
          ["손예린"], "질점과 강체의 운동학과 운동역학, 일과 에너지, 충격량을 다룬다."),
        C("MEC2030", "열역학", "Thermodynamics", "전공필수", 3, "2학년", "L3",
          ["김윤호", "손예린"], "열역학 제1·2법칙, 엔트로피, 사이클 해석을 배운다."),
        C("MEC3010", "유체역학", "Fluid Mechanics", "전공필수", 3, "3학년", "L3",
          ["김윤호"], "유체 정역학, 베르누이 방정식, 관 유동과 경계층을 다룬다."),
        C("MEC3020", "기계설계", "Machine Design", "전공선택", 3, "3학년", "L3",
          ["이도하"], "축, 베어링, 기어, 체결 요소의 설계와 강도 계산을 배운다."),
        C("MEC3030", "기계공학실험", "Mechanical Engineering Laboratory", "전공필수", 2, "3학년", "LAB",
          ["황지웅", "김윤호"], "계측, 재료 시험, 열유체 실험을 수행하고 보고서를 작성한다.",
          notes={1: "안전교육 이수 후 수강", 2: "안전교육 이수 후 수강"}),
        C("MEC2040", "CAD및실습", "CAD and Practice", "전공선택", 2, "2학년", "LAB",
          ["손예린"], "3차원 CAD로 부품과 조립품을 모델링하고 도면을 작성한다."),
    ]),
    Dept("심리학과", "사회과학관", ["사회과학관 301", "사회과학관 302", "사회과학관 405"], ["사회과학관 B103"], [
        C("PSY1001", "심리학개론", "Introduction to Psychology", "전공기초", 3, "1학년", "L3",
          ["윤서아", "마태윤", "남예솔"], "감각과 지각, 학습, 기억, 정서, 성격, 사회적 행동 등 심리학 전반을 개관한다.",
          target="전학년"),
        C("PSY2010", "심리통계", "Statistics for Psychology", "전공필수", 3, "2학년", "L3",
          ["마태윤"], "기술통계, t검정, 분산분석, 상관과 회귀를 심리학 자료로 실습한다."),
        C("PSY2020", "심리학실험법", "Experimental Methods in Psychology", "전공필수", 3, "2학년", "LAB",
          ["남예솔"], "실험 설계, 자료 수집, 분석과 APA 양식 보고서 작성을 실습한다."),
        C("PSY2030", "발달심리학", "Developmental Psychology", "전공선택", 3, "2학년", "L3",
          ["윤서아"], "영아기부터 노년기까지 인지, 정서, 사회성 발달을 다룬다."),
        C("PSY2040", "사회심리학", "Social Psychology", "전공선택", 3, "2학년", "L3",
          ["남예솔"], "태도, 설득, 동조, 집단 과정, 편견과 대인관계를 다룬다."),
        C("PSY3010", "인지심리학", "Cognitive Psychology", "전공선택", 3, "3학년", "L3",
          ["마태윤"], "주의, 기억, 언어, 문제 해결과 의사결정의 인지 과정을 다룬다.", english={1}),
        C("PSY3020", "이상심리학", "Abnormal Psychology", "전공선택", 3, "3학년", "L3",
          ["윤서아"], "불안, 우울, 성격장애 등 정신장애의 증상과 원인, 치료를 다룬다."),
        C("PSY3040", "건강심리학", "Health Psychology", "전공선택", 3, "3학년", "L3",
          ["마태윤"], "스트레스, 건강 행동, 만성 질환과 심리적 요인의 관계를 다룬다."),
        C("PSY3030", "상담심리학", "Counseling Psychology", "전공선택", 3, "3학년", "S3",
          ["남예솔"], "주요 상담 이론과 기법을 배우고 역할 연습을 한다.", notes={1: "역할 연습 중심 수업"}),
    ]),
    Dept("교양대학", "교양관", ["교양관 101", "교양관 102", "교양관 103", "교양관 201", "교양관 202", "미래관 105"],
         ["미래관 301"], [
        C("GEN1001", "글쓰기와의사소통", "Writing and Communication", "교양필수", 2, "1학년", "L2",
          ["허윤정", "기서현", "허윤정", "기서현", "도경민"], "논리적인 글의 구조를 익히고 보고서와 발표문을 직접 쓰고 고친다.",
          target="1학년 전체"),
        C("GEN1002", "대학영어1", "College English 1", "교양필수", 2, "1학년", "L2",
          ["Hannah Cole", "Hannah Cole", "Peter Lindqvist", "Peter Lindqvist", "도경민"],
          "읽기, 쓰기, 말하기를 통합한 대학 수준의 영어 의사소통 과목.", english={1, 2, 3, 4},
          target="1학년 전체", notes={5: "기초반 (TOEIC 600점 미만 권장)"}),
        C("GEN1003", "컴퓨팅사고와코딩", "Computational Thinking and Coding", "교양필수", 3, "1학년", "L3",
          ["석다인", "석다인", "탁민우"], "문제 분해, 추상화, 알고리즘적 사고를 파이썬 코딩으로 익힌다.",
          target="1학년 전체 (공과대학 제외)", restrictions=dict.fromkeys((1, 2, 3), "공과대학 수강불가")),
        C("GEN1004", "대학생활과진로설계", "College Life and Career Design", "교양필수", 1, "1학년", "L1",
          ["기서현", "탁민우", "석다인"], "대학 생활 적응, 진로 탐색과 학업 계획 세우기.", target="1학년 전체",
          notes={1: "P/F 평가", 2: "P/F 평가", 3: "P/F 평가"}),
        C("GEN2001", "철학의이해", "Understanding Philosophy", "교양선택", 3, "전학년", "L3",
          ["여민석"], "고대부터 현대까지 주요 철학자의 질문을 따라가며 비판적으로 사고하는 법을 익힌다."),
        C("GEN2002", "한국사의이해", "Understanding Korean History", "교양선택", 3, "전학년", "L3",
          ["도경민", "여민석"], "선사 시대부터 현대까지 한국사의 큰 흐름을 주제별로 살펴본다."),
        C("GEN2003", "현대사회와윤리", "Ethics in Modern Society", "교양선택", 3, "전학년", "L3",
          ["여민석"], "생명, 환경, 기술, 정의를 둘러싼 현대 사회의 윤리적 쟁점을 토론한다."),
        C("GEN2004", "생활속의경제", "Economics in Everyday Life", "교양선택", 3, "전학년", "L3",
          ["탁민우"], "물가, 금리, 부동산, 소비 같은 일상의 경제 문제를 쉽게 풀어 본다."),
        C("GEN2005", "영화로보는심리학", "Psychology through Film", "교양선택", 3, "전학년", "S3",
          ["허윤정"], "영화 속 인물과 사건을 심리학 이론으로 분석한다.", delivery={1: "대면+녹화"}),
        C("GEN2006", "데이터과학입문", "Introduction to Data Science", "교양선택", 3, "전학년", "L3",
          ["석다인"], "데이터 수집, 정리, 시각화와 간단한 분석을 비전공자 눈높이로 실습한다.",
          notes={1: "노트북 지참"}),
        C("GEN2007", "환경과지속가능성", "Environment and Sustainability", "교양선택", 3, "전학년", "L3",
          ["기서현"], "기후 변화, 에너지, 자원 순환과 지속가능한 발전을 다룬다."),
        C("GEN2008", "글로벌리더십세미나", "Global Leadership Seminar", "교양선택", 2, "전학년", "L2",
          ["Peter Lindqvist"], "다양한 문화권의 리더십 사례를 영어로 읽고 토론한다.", english={1}),
        C("GEN2009", "창업과혁신", "Entrepreneurship and Innovation", "교양선택", 3, "전학년", "SAT",
          ["탁민우"], "아이디어 발굴, 비즈니스 모델, 시제품 제작과 발표를 팀으로 수행한다.",
          notes={1: "토요일 집중 수업"}, delivery={1: "대면+녹화"}),
        C("GEN2010", "미술의이해", "Understanding Art", "교양선택", 2, "전학년", "L2",
          ["도경민"], "서양과 한국 미술의 주요 작품과 사조를 감상하고 해석한다."),
        C("GEN2011", "테니스", "Tennis", "교양선택", 1, "전학년", "L1",
          ["곽다율", "곽다율"], "테니스의 기본 스트로크와 경기 규칙을 배운다.", notes={1: "운동복 지참", 2: "운동복 지참"}),
        C("GEN2013", "논리와비판적사고", "Logic and Critical Thinking", "교양선택", 3, "전학년", "L3",
          ["여민석"], "논증의 구조와 오류를 분석하고 설득력 있는 글과 토론을 연습한다."),
        C("GEN2014", "통계로세상읽기", "Reading the World with Statistics", "교양선택", 2, "전학년", "L2",
          ["탁민우"], "여론조사, 뉴스 속 그래프와 수치를 올바르게 읽는 통계적 사고를 기른다."),
        C("GEN2015", "중국어1", "Chinese 1", "교양선택", 3, "전학년", "L3",
          ["왕리나", "왕리나"], "발음과 성조, 기초 회화와 간체자를 익힌다."),
        C("GEN2016", "일본어1", "Japanese 1", "교양선택", 3, "전학년", "L3",
          ["모리타 유키"], "히라가나와 가타카나, 기초 문형과 생활 회화를 익힌다."),
        C("GEN2012", "음악의이해", "Understanding Music", "교양선택", 2, "전학년", "SAT",
          ["기서현"], "클래식에서 대중음악까지 시대별 음악을 듣고 이해한다."),
    ]),
    # A graduate school, last so that the sections above keep the times the seed gave them.
    Dept("인공지능대학원", "미래관", ["미래관 401", "미래관 402"], [], [
        C("AIG5001", "딥러닝특론", "Advanced Deep Learning", "전공선택", 3, "", "S3",
          ["정하람"], "심층 신경망의 최적화, 정규화, 트랜스포머 구조를 논문과 구현으로 깊이 있게 다룬다.",
          level="석사", target="인공지능대학원 석사과정", delivery={1: "대면+녹화"}),
        C("AIG5002", "인공지능특론", "Advanced Topics in Artificial Intelligence", "전공선택", 3, "", "S3",
          ["Priya Raman"], "탐색, 추론, 계획, 확률적 모델 등 인공지능의 핵심 주제를 최신 연구와 함께 영어로 토론한다.",
          english={1}, level="석박사", target="인공지능대학원 석사·박사과정",
          restrictions={1: "대학원생 외 수강제한 (대상외수강제한)"}),
        C("AIG5003", "자연어처리특론", "Advanced Natural Language Processing", "전공선택", 3, "", "S3",
          ["민채윤"], "언어 모델, 사전학습, 정보 추출과 생성 모델의 평가 방법을 다룬다.",
          level="석박사", target="인공지능대학원 석사·박사과정"),
        C("AIG5004", "컴퓨터비전특론", "Advanced Computer Vision", "전공선택", 3, "", "S3",
          ["설지안"], "영상 분류, 검출, 분할과 3차원 비전의 최신 방법을 구현하며 배운다.",
          level="석사", target="인공지능대학원 석사과정"),
        C("AIG6001", "강화학습세미나", "Seminar in Reinforcement Learning", "전공선택", 3, "", "S3",
          ["정하람"], "강화학습의 최근 논문을 읽고 발표하며 박사 연구 주제를 탐색한다.",
          level="박사", target="인공지능대학원 박사과정", restrictions={1: "박사과정생만 수강가능"}),
    ]),
]

# A few sections meet in the evening (working students, retakers).
EVENING_SECTIONS = {("BUS1010", 3), ("ECO1001", 3), ("CSE1001", 3), ("GEN2004", 1), ("KOR3030", 1)}
GEN_TENNIS_ROOM = "체육관 코트"


def to_min(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def to_hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


Block = tuple[str, int, int, str]  # day, start, end, room


class Timetable:
    def __init__(self) -> None:
        self.busy: dict[str, list[tuple[str, int, int]]] = {}

    def free(self, key: str, blocks: list[Block]) -> bool:
        for day, start, end, _ in blocks:
            for d, s, e in self.busy.get(key, []):
                if d == day and start < e and s < end:
                    return False
        return True

    def book(self, key: str, blocks: list[Block]) -> None:
        self.busy.setdefault(key, []).extend((d, s, e) for d, s, e, _ in blocks)


def candidates(kind: str, rooms: list[str], labs: list[str], rng: random.Random, evening: bool) -> list[list[Block]]:
    starts = EVENING if evening else GRID
    out: list[list[Block]] = []
    if kind == "L3":
        for pair in PAIRS:
            for start in starts:
                for room in rooms:
                    s = to_min(start)
                    out.append([(d, s, s + 75, room) for d in pair.split(",")])
    elif kind == "S3":
        for day in WEEKDAYS:
            for start in (["18:00"] if evening else ["09:00", "13:30", "15:00"]):
                for room in rooms:
                    s = to_min(start)
                    out.append([(day, s, s + 165, room)])
    elif kind in ("LAB",):
        for day in WEEKDAYS:
            for start in ["09:00", "13:30"]:
                for room in labs or rooms:
                    s = to_min(start)
                    out.append([(day, s, s + 170, room)])
    elif kind == "LL":
        for lec_day in WEEKDAYS:
            for lab_day in WEEKDAYS:
                if lab_day == lec_day:
                    continue
                for start in ["09:00", "10:30", "12:00"]:
                    for lab_start in ["13:30", "15:30"]:
                        for room in rooms:
                            for lab in labs or rooms:
                                s, ls = to_min(start), to_min(lab_start)
                                out.append([(lec_day, s, s + 75, room), (lab_day, ls, ls + 110, lab)])
    elif kind == "L2":
        for day in WEEKDAYS:
            for start in starts:
                for room in rooms:
                    s = to_min(start)
                    out.append([(day, s, s + 110, room)])
    elif kind == "L1":
        for day in WEEKDAYS:
            for start in ["12:00", "16:30"]:
                for room in rooms:
                    s = to_min(start)
                    out.append([(day, s, s + 50, room)])
    elif kind == "SAT":
        for start in ["09:00", "13:30"]:
            for room in rooms:
                s = to_min(start)
                out.append([("토", s, s + 170, room)])
    rng.shuffle(out)
    return out


def slot_text(blocks: list[Block]) -> str:
    """Blocks sharing time and room are written once with their days: '월,수 09:00-10:15 공학관 301'."""
    groups: dict[tuple[int, int, str], list[str]] = {}
    order = WEEKDAYS + ["토"]
    for day, start, end, room in sorted(blocks, key=lambda b: (order.index(b[0]), b[1])):
        groups.setdefault((start, end, room), []).append(day)
    return "; ".join(f"{','.join(days)} {to_hhmm(s)}-{to_hhmm(e)} {room}" for (s, e, room), days in groups.items())


def seats(course: Course, rng: random.Random) -> tuple[int, int]:
    """(정원, 여석) of one section: a size for its kind, and a registration snapshot that leaves some full."""
    capacity = 20 if course.level != "학부" else rng.choice(CAPACITY[course.kind])
    enrolled = capacity if rng.random() < 0.15 else rng.randint(capacity // 2, capacity)
    return capacity, capacity - enrolled


def section_row(dept: Dept, course: Course, number: int, names: list[str], blocks: list[Block],
                seat: tuple[int, int]) -> dict[str, str]:
    """One CSV row: the section's timetable `blocks` and its (정원, 여석) `seat`."""
    hours = {"L3": 3, "S3": 3, "LAB": 3, "LL": 4, "L2": 2, "L1": 1, "SAT": 3}[course.kind]
    english = number in course.english
    return {
        "개설학과": dept.name,
        "학수번호": course.code,
        "분반": f"{number:02d}",
        "교과목명": course.name,
        "영문교과목명": course.name_en,
        "이수구분": course.category,
        "학점": str(course.credits),
        "시수": str(hours),
        "담당교수": ", ".join(names),
        "강의시간": slot_text(blocks),
        "수강대상": course.target or (f"{dept.name} {course.year}" if dept.name != "교양대학" else "전학년"),
        "권장학년": course.year,
        "강의언어": "영어" if english else "한국어",
        "교과목개요": course.description,
        "비고": course.notes.get(number, ""),
        "과정": course.level,
        "수업방식": course.delivery.get(number, "대면"),
        "정원": str(seat[0]),
        "여석": str(seat[1]),
        "수강제한": course.restrictions.get(number, ""),
    }


def build() -> list[dict[str, str]]:
    rng = random.Random(SEED)
    seat_rng = random.Random(SEAT_SEED)
    profs, rooms_tt = Timetable(), Timetable()
    course_times: dict[str, list[list[Block]]] = {}
    rows: list[dict[str, str]] = []
    for dept in DEPTS:
        for course in dept.courses:
            for number, prof_entry in enumerate(course.profs, start=1):
                names = prof_entry.split("/")
                evening = (course.code, number) in EVENING_SECTIONS
                rooms = [GEN_TENNIS_ROOM] if course.code == "GEN2011" else dept.rooms
                chosen: list[Block] | None = None
                fallback: list[Block] | None = None
                for blocks in candidates(course.kind, rooms, dept.labs, rng, evening):
                    if not all(profs.free(n, blocks) for n in names):
                        continue
                    if not all(rooms_tt.free(room, [b]) for b in blocks for room in [b[3]]):
                        continue
                    # Prefer a time the course's other sections do not already use: students want options.
                    clash = any(
                        b[0] == o[0] and b[1] < o[2] and o[1] < b[2]
                        for other in course_times.get(course.code, []) for b in blocks for o in other
                    )
                    if not clash:
                        chosen = blocks
                        break
                    fallback = fallback or blocks
                chosen = chosen or fallback
                if chosen is None:
                    raise SystemExit(f"cannot schedule {course.code}-{number:02d} {course.name}")
                for n in names:
                    profs.book(n, chosen)
                for block in chosen:
                    rooms_tt.book(block[3], [block])
                course_times.setdefault(course.code, []).append(chosen)
                rows.append(section_row(dept, course, number, names, chosen, seats(course, seat_rng)))
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} sections to {OUT}")


if __name__ == "__main__":
    main()
