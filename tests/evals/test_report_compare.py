"""Scoring, summary, baseline diff, HTML report and thresholds, on answers built from real catalog
records (no agent needed: these parts must be right whatever the agent says)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from agent.answer import ChatAnswer, Usage
from agent.catalog.models import CourseSection, MeetingSlot
from evals.compare import BaselineError, compare_dirs, compare_runs, load_run
from evals.config import Thresholds, check_thresholds, load_pricing, load_thresholds
from evals.golden import GoldenCase
from evals.report_html import render_report
from evals.runner import write_outputs
from evals.scoring import score_case, summarize

DS = CourseSection(term="2025-1", code="CSE3080", section="01", name="자료구조", professors=["양지훈"], credits=3.0,
                   slots=[MeetingSlot(day="월", start=630, end=705, room="K201"),
                          MeetingSlot(day="수", start=630, end=705, room="K201")])
DB = CourseSection(term="2025-1", code="CSE4110", section="01", name="데이터베이스시스템", professors=["정성원"])

CASES = [
    GoldenCase(id="c-1", catalog="sample", question="자구 누가 가르쳐? <script>alert(1)</script>", gold_courses=["CSE3080"],
               must_include=["양지훈", "10:30"], tags=["by-abbreviation"]),
    GoldenCase(id="c-2", catalog="sample", question="데베 언제 해?", gold_courses=["CSE4110"], must_include=["정성원"],
               tags=["by-abbreviation", "by-schedule"]),
    GoldenCase(id="c-3", catalog="sample", question="오늘 날씨 어때?", gold_courses=[], must_include=[],
               tags=["out-of-scope"]),
]


def _answers(good: bool) -> list[ChatAnswer]:
    if good:
        return [
            ChatAnswer(answer="자료구조는 양지훈 교수님, 월·수 오전 10시 반~11:45 (K201)입니다.", sources=[DS],
                       mode="search", retrieved=["CSE3080", "CSE4110"], usage=Usage(input_tokens=100, output_tokens=20)),
            ChatAnswer(answer="데이터베이스시스템은 정성원 교수님 수업이에요.", sources=[DB], mode="search",
                       retrieved=["CSE3080", "CSE4110"]),
            ChatAnswer(answer="저는 수강편람의 과목 정보만 안내할 수 있어서 날씨는 알려드리기 어려워요.", mode="search"),
        ]
    return [
        ChatAnswer(answer="자료구조는 월요일에 합니다.", sources=[DS], mode="search", retrieved=["CSE4110", "X", "Y", "Z", "W", "CSE3080"]),
        ChatAnswer(answer="데이터베이스시스템은 정성원 교수님 수업이에요.", sources=[DB], mode="search", retrieved=["CSE4110"]),
        ChatAnswer(answer="오늘은 맑아요! 자료구조 들어보세요.", sources=[DS], mode="search"),
    ]


def _run(good: bool):
    results = [score_case(c, a, k=5, term="2025-1", latency_s=0.1) for c, a in zip(CASES, _answers(good), strict=True)]
    return results, summarize(results, 5, {"prompt": "system" if good else "worse", "mode": "search"})


def test_scoring_and_summary() -> None:
    results, summary = _run(True)
    r1, r2, r3 = results
    assert r1.verdicts.recall == 1.0 and r1.verdicts.mrr == 1.0 and r1.verdicts.must_include == 1.0
    assert r2.verdicts.mrr == 0.5 and r2.verdicts.passed
    assert r3.verdicts.abstention is True and r3.verdicts.recall is None
    m = summary["metrics"]
    assert {"recall@5", "mrr", "must_include", "abstention"} <= set(m)
    assert m["recall@5"] == 1.0 and m["mrr"] == 0.75 and m["abstention"] == 1.0 and m["pass_rate"] == 1.0
    assert summary["by_tag"]["by-schedule"]["mrr"] == 0.5
    assert summary["by_tag"]["out-of-scope"]["recall@5"] is None  # no gold there: not a zero
    assert all(0 <= v <= 1 for k, v in m.items() if k not in ("cases", "errors") and v is not None)

    bad, bad_summary = _run(False)
    assert bad[0].verdicts.recall == 0.0 and bad[0].verdicts.must_include_missing == ["양지훈", "10:30"]
    assert bad[2].verdicts.abstention is False and not bad[2].verdicts.passed
    assert bad_summary["failed_cases"] == ["c-1", "c-3"]


def test_error_case_fails_and_sources_fallback() -> None:
    r = score_case(CASES[0], None, k=5, term=None, latency_s=1.0, error="RuntimeError: boom")
    assert not r.verdicts.passed and r.verdicts.recall == 0.0
    answer = ChatAnswer(answer="양지훈 10:30", sources=[DS], mode="search")  # no `retrieved` (deployed API)
    r = score_case(CASES[0], answer, k=5, term=None, latency_s=1.0)
    assert r.retrieved == ["CSE3080"] and r.retrieved_from == "sources" and r.verdicts.passed


def test_baseline_diff_detects_regression_and_improvement(tmp_path: Path) -> None:
    good, good_summary = _run(True)
    bad, bad_summary = _run(False)
    write_outputs(tmp_path / "base", good, good_summary)
    # a deliberately altered results file: re-read the baseline, then compare the worse run against it
    comparison = compare_dirs(tmp_path / "base", bad, bad_summary)
    assert [c.id for c in comparison.regressed] == ["c-1", "c-3"]
    assert comparison.regressed[0].changes["recall"] == [1.0, 0.0]
    assert comparison.metric_deltas["recall@5"][2] == pytest.approx(-0.5)
    assert [c.id for c in comparison.improved] == ["c-2"]  # its gold moved from rank 2 to rank 1
    assert comparison.improved[0].changes == {"mrr": [0.5, 1.0]}
    reverse = compare_runs(bad, bad_summary, good, good_summary)
    assert [c.id for c in reverse.improved] == ["c-1", "c-3"] and [c.id for c in reverse.regressed] == ["c-2"]
    with pytest.raises(BaselineError, match="results.jsonl not found"):
        load_run(tmp_path / "nowhere")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "results.jsonl").write_text("{oops\n", encoding="utf-8")
    (tmp_path / "broken" / "summary.json").write_text("{}", encoding="utf-8")
    with pytest.raises(BaselineError, match="unreadable"):
        load_run(tmp_path / "broken")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("script", "img", "iframe") and a.get("src"):
            self.external.append(f"{tag} src={a['src']}")
        if tag == "link":
            self.external.append(f"link {a.get('href')}")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def test_html_report_is_standalone_and_holds_every_case(tmp_path: Path) -> None:
    good, good_summary = _run(True)
    bad, bad_summary = _run(False)
    comparison = compare_runs(good, good_summary, bad, bad_summary)
    page = render_report(bad, bad_summary, comparison)
    parser = _Collector()
    parser.feed(page)
    assert parser.external == []
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", page)
    assert "<script>alert(1)</script>" not in page  # the question is data, not markup
    data = json.loads(next(s for s in parser.scripts if s.lstrip().startswith("{")).replace("<\\/", "</"))
    assert [r["id"] for r in data["results"]] == ["c-1", "c-2", "c-3"]
    assert data["results"][0]["question"].endswith("<script>alert(1)</script>")
    assert [c["id"] for c in data["comparison"]["regressed"]] == ["c-1", "c-3"]
    for needle in ('id="f-tag"', 'id="f-verdict"', "Regressed (2)", "recall@5", "자료구조", "sorted-asc"):
        assert needle in page


def test_thresholds_and_pricing_files() -> None:
    limits = load_thresholds()
    assert limits.metrics == {"recall@5": 0.9, "must_include": 0.85, "abstention": 0.9}
    _, good_summary = _run(True)
    _, bad_summary = _run(False)
    assert check_thresholds(good_summary, limits) == []
    missed = check_thresholds(bad_summary, limits)
    assert any(line.startswith("recall@5 = 0.500 < 0.90") for line in missed)
    assert any(line.startswith("abstention = 0.000") for line in missed)
    tag_limits = Thresholds(metrics={}, by_tag={"by-schedule": {"mrr": 0.9}, "nope": {"mrr": 0.1}}, max_regressions=0)
    missed = check_thresholds(good_summary, tag_limits, regressions=2)
    assert "[by-schedule] mrr = 0.500 < 0.90" in missed
    assert any("[nope] mrr: not measured" in line for line in missed)
    assert "regressions = 2 > 0" in missed
    pricing = load_pricing()
    assert pricing.cost("HCX-005", 1000, 1000) == pytest.approx(6.25)
    assert pricing.cost("unknown-model", 1000, 0) == pricing.default.input  # type: ignore[union-attr]
    assert pricing.cost("HCX-005", 0, 0) == 0.0
