"""A vocabulary of department, professor, course and category names as real catalogs spell them, for the
question-parser tests (traps included: professors named 인정 and 조은, courses that share a prefix)."""

from __future__ import annotations

from agent.index.base import Vocabulary

VOCAB = Vocabulary(
    departments=[
        "경영학부", "경영학과", "전문경영학과", "벤처경영학과(계약학과)", "컴퓨터학부", "컴퓨터학과", "AI소프트웨어학부",
        "소프트웨어학부", "경제학과", "회계학과", "물리학과", "전기공학부", "전자정보공학부 전자공학전공",
        "전자정보공학부 IT융합전공", "글로벌통상학과", "정보통계·보험수리학과", "사학과", "법학과",
    ],
    professors=["이순녀", "최현희", "이은지", "최중규", "권재환", "인정", "조은", "Jay Fraser", "박태형", "김응길"],
    course_names=[
        "자료구조", "자료구조및알고리즘", "운영체제", "고급운영체제", "컴퓨터구조", "선형대수", "데이터베이스", "알고리즘",
        "네트워크", "확률과통계", "미적분학1", "(공통)물리1및실험", "물리1및실험", "객체지향프로그래밍", "이산수학",
        "논리설계", "회계원리", "마케팅원론", "경영통계", "미시경제학", "경제원론", "인공지능", "머신러닝",
        "신호및시스템", "[컴퓨팅적사고]컴퓨팅적사고와코딩기초", "통계학", "양자역학",
    ],
    categories=["교필 [교양필수]", "교선 [교양선택]", "전필-컴퓨터 [전공필수]", "전선-경영학부 [전공선택]", "전기-물리 [전공기초]",
                "교양필수", "교양선택"],
)
