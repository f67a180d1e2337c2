"""A free-text remark's words for how a course is taught (Sogang has no delivery column; its 비고 says it for
some sections) read into the closed delivery set, and nothing read from a remark that does not say it."""

from __future__ import annotations

import pytest

from agent.catalog.offering import delivery_in_remark


@pytest.mark.parametrize(
    ("remark", "delivery"),
    [
        ("09/12(금) 비대면_실시간", "원격"),  # '비대면' holds '대면' but means the opposite
        ("전 차시 원격수업 (Zoom)", "원격"),
        ("온라인 강의, 3-4학년 대상", "원격"),
        ("※하이브리드 운영", "혼합"),
        ("1주차 대면_강의실, 2주차 비대면_실시간", "혼합"),  # both said: mixed
        ("매주 동영상 강의 시청 후 토론", "녹화"),
        ("실시간 30%, 녹화 강의 70%", "녹화"),
        ("[대면수업] 현장 답사 포함", "대면"),
        ("경제학과 1전공자만 가능", None),
        ("대면적 분석 실습", None),  # 대면적 (area) is no delivery word
        (None, None),
    ],
)
def test_delivery_in_remark(remark: str | None, delivery: str | None) -> None:
    assert delivery_in_remark(remark) == delivery
