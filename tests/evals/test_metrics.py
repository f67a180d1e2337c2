"""Metric definitions (evals.metrics) on their edge cases."""

from __future__ import annotations

import pytest

from evals import metrics


def test_recall_counts_each_course_once_at_its_best_rank() -> None:
    # three sections of A, then B: B is at course-rank 2, inside k=2
    assert metrics.recall_at_k(["A", "A", "A", "B"], ["B"], 2) == 1.0
    assert metrics.recall_at_k(["A", "C", "B"], ["B"], 2) == 0.0


def test_recall_denominator_is_min_of_gold_and_k() -> None:
    gold = [f"G{i}" for i in range(8)]
    assert metrics.recall_at_k(gold[:5], gold, 5) == 1.0  # all five slots gold: perfect at k=5
    assert metrics.recall_at_k(["G0", "X", "G1", "Y", "Z"], gold, 5) == pytest.approx(2 / 5)
    assert metrics.recall_at_k(["G0", "X"], ["G0", "G1"], 5) == 0.5


def test_recall_and_mrr_undefined_without_gold_and_reject_bad_k() -> None:
    assert metrics.recall_at_k(["A"], [], 5) is None
    assert metrics.reciprocal_rank(["A"], []) is None
    with pytest.raises(ValueError):
        metrics.recall_at_k(["A"], ["A"], 0)


def test_mrr() -> None:
    assert metrics.reciprocal_rank(["X", "X", "Y", "G"], ["G"]) == pytest.approx(1 / 3)
    assert metrics.reciprocal_rank(["G"], ["G"]) == 1.0
    assert metrics.reciprocal_rank([], ["G"]) == 0.0
    assert metrics.reciprocal_rank(["X", "G2", "G1"], ["G1", "G2"]) == 0.5


@pytest.mark.parametrize(
    ("answer", "fact"),
    [
        ("월 9:00~10:15 (K201)", "09:00-10:15"),
        ("수요일 오전 9시부터", "09:00"),
        ("오후 1시 반에 시작", "13:30"),
        ("1시 30분 수업", "13:30"),
        ("3.0학점 과목", "3학점"),
        ("양 지훈 교수님", "양지훈"),
        ("ＣＳＥ３０８０ (자료구조)", "cse3080"),
        ("화,목 15:00 ~ 16:15", "15:00~16:15"),
    ],
)
def test_must_include_normalization_finds(answer: str, fact: str) -> None:
    assert metrics.must_include_found(answer, [fact]) == [True]


@pytest.mark.parametrize(
    ("answer", "fact"),
    [
        ("월 10:00~11:15", "09:00"),
        ("3.5학점", "3학점"),
        ("주 3시간 수업", "15:00"),  # "3시간" is a duration, not 3 o'clock
        ("13:30 시작", "3:30"),  # 3:30 pads to 03:30 -> not inside 13:30
        ("이순녀2 교수", "김순녀"),
    ],
)
def test_must_include_normalization_rejects(answer: str, fact: str) -> None:
    assert metrics.must_include_found(answer, [fact]) == [False]


def test_must_include_score_is_fraction_and_none_without_facts() -> None:
    assert metrics.must_include_score("양지훈 교수 월 10:30", ["양지훈", "10:30", "K201"]) == pytest.approx(2 / 3)
    assert metrics.must_include_score("anything", []) is None


def test_abstention_needs_words_and_no_sources() -> None:
    assert metrics.abstention_correct("죄송해요, 그런 과목은 찾을 수 없어요.", [])
    assert metrics.abstention_correct("해당 강의는 개설되지 않았습니다.", [])
    assert metrics.abstention_correct("저는 수업 정보만 안내할 수 있어서 날씨는 답변드리기 어렵습니다.", [])
    # cites a course card: wrong even though the text says "없습니다"
    assert not metrics.abstention_correct("양자요리학은 없습니다. 대신 이 과목은 어때요?", ["CSE3080"])
    # no abstention wording: wrong even with no sources
    assert not metrics.abstention_correct("자료구조는 월수 10:30에 합니다.", [])
    assert not metrics.abstention_correct("", [])
    # no-such-course: cards are fine when framed as alternatives; never for out-of-scope questions
    alt = "양자요리학 강좌는 찾지 못했어요. 대신 비슷한 과목으로 양자역학이 있어요."
    assert metrics.abstention_correct(alt, ["PHY3001"], allow_alternatives=True)
    assert not metrics.abstention_correct(alt, ["PHY3001"], allow_alternatives=False)
    assert not metrics.abstention_correct("양자요리학은 없습니다. 양자역학 수업입니다.", ["PHY3001"], allow_alternatives=True)


def test_mean_skips_none() -> None:
    assert metrics.mean([1.0, None, 0.0]) == 0.5
    assert metrics.mean([None]) is None
