"""Hand-written course sections for index tests that must not depend on a loader."""

from __future__ import annotations

from typing import Any

from agent.catalog.models import CourseSection, MeetingSlot


def slot(day: str, start: str, end: str, room: str | None = None) -> MeetingSlot:
    h1, m1 = map(int, start.split(":"))
    h2, m2 = map(int, end.split(":"))
    return MeetingSlot(day=day, start=h1 * 60 + m1, end=h2 * 60 + m2, room=room)  # type: ignore[arg-type]


def section(code: str, name: str, **fields: Any) -> CourseSection:
    fields.setdefault("term", "2026-1")
    return CourseSection(code=code, name=name, **fields)


def sample_sections(term: str = "2026-1") -> list[CourseSection]:
    """Twelve varied sections: Korean/English names, several professors, slotless, English-taught."""
    return [
        section("CSE2010", "자료구조", term=term, name_en="Data Structures", department="컴퓨터학부",
                professors=["김민수"], credits=3, category="전필",
                slots=[slot("월", "09:00", "10:15", "정보관 301"), slot("수", "09:00", "10:15", "정보관 301")],
                description="배열, 연결 리스트, 스택, 큐, 트리, 그래프와 해시 테이블을 다룬다."),
        section("CSE3020", "운영체제", term=term, name_en="Operating Systems", department="컴퓨터학부",
                professors=["이은지"], credits=3, category="전필",
                slots=[slot("화", "13:30", "14:45"), slot("목", "13:30", "14:45")],
                description="프로세스, 스레드, 스케줄링, 메모리 관리, 파일 시스템."),
        section("CSE3030", "데이터베이스", term=term, name_en="Database Systems", department="컴퓨터학부",
                professors=["박지훈", "최서연"], credits=3, category="전선",
                slots=[slot("화", "09:00", "10:15"), slot("목", "09:00", "10:15")],
                description="관계 모델, SQL, 정규화, 트랜잭션과 인덱스."),
        section("CSE4010", "인공지능개론", term=term, name_en="Introduction to Artificial Intelligence",
                department="컴퓨터학부", professors=["Smith John"], credits=3, category="전선", english=True,
                slots=[slot("금", "10:30", "13:15")],
                description="Search, machine learning basics and neural networks, taught in English."),
        section("BUS1010", "경영학원론", term=term, name_en="Principles of Management", department="경영학부",
                professors=["정하늘"], credits=3, category="전기",
                slots=[slot("화", "10:30", "11:45"), slot("목", "10:30", "11:45")],
                description="경영의 기능, 조직, 전략과 리더십의 기초."),
        section("BUS2020", "마케팅관리", term=term, name_en="Marketing Management", department="경영학부",
                professors=["정하늘"], credits=3, category="전필",
                slots=[slot("월", "15:00", "16:15"), slot("수", "15:00", "16:15")],
                description="시장 세분화, 소비자 행동, 브랜드 전략."),
        section("BUS3030", "재무관리", term=term, name_en="Financial Management", department="경영학부",
                professors=["한도윤"], credits=2, category="전선",
                slots=[slot("금", "09:00", "11:50")],
                description="자본 예산, 위험과 수익, 기업 가치 평가."),
        section("PHY1001", "일반물리실험", section="01", term=term, name_en="General Physics Lab",
                department="물리학과", professors=["이순녀"], credits=1, category="교양필수",
                slots=[slot("월", "13:00", "13:50", "조만식기념관 12214")],
                description="역학과 전자기 실험."),
        section("PHY1001", "일반물리실험", section="02", term=term, name_en="General Physics Lab",
                department="물리학과", professors=["강태오"], credits=1, category="교양필수",
                slots=[slot("수", "16:00", "16:50")],
                description="역학과 전자기 실험."),
        section("GEN1100", "글쓰기와 토론", term=term, department="교양대학", professors=["윤소희"],
                credits=2, category="교양선택", slots=[],
                description="비판적 읽기와 논증적 글쓰기, 토론."),
        section("MAT2050", "선형대수", term=term, name_en="Linear Algebra", department="수학과",
                professors=["오세영"], credits=3, category="전기",
                slots=[slot("월", "10:30", "11:45"), slot("금", "16:30", "17:45")],
                description="벡터 공간, 행렬, 고유값과 대각화."),
        section("ENG2100", "Academic Writing", term=term, name_en="Academic Writing", department="영어영문학과",
                professors=["Brown Emily", "김민수"], credits=3.0, category="교양선택", english=True,
                slots=[slot("토", "09:00", "11:45")],
                description="Essay structure, citation and revision for university writing."),
    ]
