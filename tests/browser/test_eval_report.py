"""The eval report flags, per case, a count the answer states that differs from the catalog: in Chromium, the
case's `counts` cell, the "count mismatch" filter and the case's detail."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.report_html import write_report
from evals.scoring import CaseResult, summarize

pytestmark = pytest.mark.browser


def _case(case_id: str, checked: int, mismatches: list[str]) -> CaseResult:
    result = CaseResult(
        id=case_id, catalog="sample", question=f"{case_id} 질문", tags=["category"], gold_courses=[],
        must_include=[], answer="조건(교양필수)에 맞는 강좌를 찾았어요 (4과목, 분반 12개):",
    )
    result.verdicts.counts_checked, result.verdicts.count_mismatches = checked, mismatches
    result.verdicts.passed = not mismatches
    return result


def test_a_count_mismatch_is_flagged_on_its_case(page, tmp_path: Path) -> None:
    wrong = "states 12 sections ('분반 12개'); the catalog has 16 for the question's conditions"
    results = [_case("smp-a", 2, [wrong]), _case("smp-b", 2, []), _case("smp-c", 0, [])]
    report = write_report(tmp_path / "report.html", results, summarize(results, 5, {"prompt": "system"}))
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(report.as_uri())
    assert errors == []
    assert "smp-a" in page.locator("#count-mismatches").inner_text()
    cells = page.locator("td.count-mismatch")
    assert cells.count() == 1 and cells.first.inner_text() == "✗ 1/2"
    page.select_option("#f-verdict", "counts")
    assert page.locator("#cases-body tr.case").count() == 1
    page.locator("#cases-body tr.case").first.click()
    assert wrong in page.locator("#cases-body tr.detail").inner_text()
