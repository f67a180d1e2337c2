"""No answer states a count that differs from the catalog: `evals.counts` reads the counts an answer states
and compares each with the catalog's sections for the question's conditions (computed from the catalog
file, not the index); the eval runs it on every case and the HTML report flags a mismatch per case. The last
test runs the golden sets (sample, Soongsil 2026-1, Sogang 2025-1) in search mode and requires none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.counts import CatalogTruth, check_counts, stated_counts
from evals.report_html import render_report
from evals.runner import EvalOptions, run_eval
from evals.scoring import CaseResult, summarize

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample-catalog.csv"


@pytest.mark.parametrize(("answer", "counts"), [
    ("조건(교양필수)에 맞는 강좌를 찾았어요 (4과목, 분반 16개):", [("courses", 4), ("sections", 16)]),
    ("4과목 16개 분반 중 처음 12개예요. 나머지 4개는 '더 보기'라고 하시면 13번째부터 보여 드려요.",
     [("courses", 4), ("sections", 16)]),
    ("자료구조는 분반이 5개이고 분반마다 담당 교수가 달라요: 한도윤 교수님.", [("sections", 5)]),
    ("조건(토요일)에 맞는 강좌를 2개 찾았어요:", [("sections", 2)]),
    ("선형대수학 분반 중 조건(금요일)에 맞는 것은 하나예요:", [("sections", 1)]),
    ("데이터베이스는 3학점이에요 (분반 2개).", [("sections", 2)]),
    ("16 sections in 11 courses match (경제학과):", [("sections", 16), ("courses", 11)]),
    ("Showing 13-16 of 16 sections in 11 courses.", [("sections", 16), ("courses", 11)]),
    ('Say "more" to see the other 37, from #13.', []),
    ("1 section of Linear Algebra matches (on Fri):", [("sections", 1)]),
    ("• 회계원리 (과목번호 BUS1010, 01분반) — 3학점 · 분반 3개", []),  # bullets are sections, not counts
    ("이 밖에 회계학1 과목도 있어요. 이 밖에도 분반 3개가 더 있어요.", []),  # a name's digit, a rest
    ("분반 16개 중 13-16번째예요.", [("sections", 16)]),
    ("수강 제한이에요: 전공필수 2과목 이상 이수, 선수 4과목에서 B 이상", []),  # a quoted rule's numbers
])
def test_stated_counts_are_read_and_window_phrases_are_not(answer: str, counts: list) -> None:
    assert [(c.kind, c.value) for c in stated_counts(answer)] == counts


@pytest.fixture(scope="module")
def sample_truth() -> CatalogTruth:
    return CatalogTruth.load(SAMPLE)


def test_the_truth_is_the_catalogs_sections_for_the_conditions(sample_truth, sample_sections) -> None:
    required = [s for s in sample_sections if "교양필수" in (s.category or "")]
    truth = sample_truth.truth("교양필수 과목 뭐 있어?", "2026-1")
    assert {s.id for s in truth.sections} == {s.id for s in required}
    friday = sample_truth.truth("선대 금요일 수업 있나요", "2026-1")
    assert {s.id for s in friday.sections} == {s.id for s in sample_sections
                                               if s.name == "선형대수학" and "금" in s.days and s.term == "2026-1"}
    assert sample_truth.truth("그 중에 월요일 수업은?", "2026-1").sections is not None  # a condition alone
    assert sample_truth.truth("다른 분반은?", "2026-1").sections is None  # nothing linked: no set


def test_a_count_that_differs_is_reported_and_per_course_lines_count_that_course(sample_truth) -> None:
    truth = sample_truth.truth("교양필수 과목 뭐 있어?", "2026-1")
    right = check_counts("조건(교양필수)에 맞는 강좌를 찾았어요 (4과목, 분반 16개):", truth)
    assert right.checked == 2 and right.mismatches == []
    page_as_total = check_counts("조건(교양필수)에 맞는 강좌를 찾았어요 (4과목, 분반 12개):", truth)
    assert page_as_total.mismatches == [
        "states 12 sections ('분반 12개'); the catalog has 16 for the question's conditions"]
    unlinked = sample_truth.truth("다른 분반은?", "2026-1")
    assert check_counts("운영체제는 분반이 3개 있어요:", unlinked).mismatches == []
    assert check_counts("운영체제는 분반이 4개 있어요:", unlinked).mismatches == [
        "states 4 sections ('분반이 4개'); the catalog has 3 for '운영체제' sections"]
    assert check_counts("질문에 맞는 강좌를 9개 찾았어요:", unlinked).checked == 0  # no set to compare with


def test_the_report_flags_a_mismatch_on_its_case() -> None:
    result = CaseResult(id="x-1", catalog="sample", question="교양필수 뭐 있어?", tags=["category"], gold_courses=[],
                        must_include=[], answer="…")
    result.verdicts.counts_checked = 2
    result.verdicts.count_mismatches = ["states 12 sections ('분반 12개'); the catalog has 16"]
    fine = result.model_copy(deep=True, update={"id": "x-2"})
    fine.verdicts.count_mismatches, fine.verdicts.passed = [], True
    summary = summarize([result, fine], 5, {"prompt": "system"})
    assert summary["counts"] == {"checked": 4, "mismatched_cases": ["x-1"]}
    page = render_report([result, fine], summary)
    assert 'id="count-mismatches"' in page
    assert "1 case(s) state a count the catalog does not have: x-1" in page
    assert "count_mismatches" in page and "count mismatch" in page  # per-case data and the filter


@pytest.mark.slow
def test_no_golden_answer_states_a_count_the_catalog_does_not_have(
    sample_index, ssu_index, sogang_index, tmp_path: Path, shared_data: Path
) -> None:
    names = ("sample.jsonl", "ssu-2026-1.jsonl", "sogang-2025-1.jsonl")
    golden = [ROOT / "evals" / "golden" / name for name in names]
    options = EvalOptions(golden=golden, out=tmp_path, search_only=True, judge=False, concurrency=2)
    indexes = {"sample": sample_index, "ssu-2026-1": ssu_index, "sogang-2025-1": sogang_index}
    (run,) = run_eval(options, indexes=indexes)
    counts = run.summary["counts"]
    assert counts["checked"] >= 150, counts  # the check is not vacuous: most answers state counts
    problems = {r.id: r.verdicts.count_mismatches for r in run.results if r.verdicts.count_mismatches}
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)
    assert run.summary["metrics"]["errors"] == 0


def test_follow_ups_are_not_checked_against_their_question_alone() -> None:
    from agent.answer import ChatAnswer
    from evals.golden import GoldenCase, HistoryTurn
    from evals.runner import _counts

    case = GoldenCase(id="x", catalog="c", question="그 중에 월요일 수업만", gold_courses=["A"], must_include=[],
                      tags=["follow-up"], history=[HistoryTurn(role="user", content="자료구조 알려줘")])
    answer = ChatAnswer(answer="자료구조 분반 중 조건(월요일)에 맞는 것은 2개예요:", mode="search")
    assert _counts({"c": object()}, case, answer, "2026-1") is None  # type: ignore[dict-item]


def test_a_question_naming_an_earlier_term_is_read_with_that_terms_course_names() -> None:
    from tests.support.sections import section, slot

    truth = CatalogTruth([
        section("GEO2001", "지형학개론", term="2024-2", professors=["문하람"], slots=[slot("화", "10:30", "11:45")]),
        section("GEO2002", "도시지리", term="2025-1", professors=["문하람"], slots=[slot("수", "10:30", "11:45")]),
    ])
    found = truth.truth("2024년 2학기 지형학개론 누가 했어?", "2025-1")
    assert [s.code for s in found.sections or []] == ["GEO2001"]
    assert check_counts("질문에 맞는 강좌를 1개 찾았어요:", found).mismatches == []


def test_a_department_beside_a_course_it_does_not_offer_counts_the_sections_for_it() -> None:
    from tests.support.sections import section, slot

    kept = {"target": "전체학년 국어국문 (대상외수강제한)", "restricted_to_target": True, "restrictions": "대상외수강제한"}
    truth = CatalogTruth([
        section("GEN1001", "대학작문", term="2025-1", section="01", department="교양학부", slots=[slot("월", "09:00", "10:50")]),
        section("GEN1001", "대학작문", term="2025-1", section="02", department="교양학부",
                slots=[slot("화", "09:00", "10:50")], **kept),
        section("KOR2001", "국어학개론", term="2025-1", section="01", department="국어국문학과",
                slots=[slot("수", "09:00", "10:15")]),
    ])
    found = truth.truth("대학작문 국어국문학과는 어느 반 들어야 돼?", "2025-1")
    assert [s.section for s in found.sections or []] == ["02"]
