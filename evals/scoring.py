"""Turning one answer into a scored `CaseResult`, and many results into a summary (overall, by tag,
by catalog). The metric definitions live in `evals.metrics`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field

from agent.answer import ChatAnswer
from evals import metrics
from evals.counts import CountCheck
from evals.golden import GoldenCase
from evals.timetable_scoring import score_case_timetables

METRIC_KEYS_BASE = ("mrr", "must_include", "must_include_pass", "abstention", "false_abstention", "pass_rate")


class SourceCard(BaseModel):
    """What the report shows of a cited section."""

    code: str
    section: str = ""
    name: str
    professors: list[str] = Field(default_factory=list)
    schedule: str = ""
    department: str | None = None
    credits: float | None = None


class JudgeVerdict(BaseModel):
    faithfulness: float | None = None
    correctness: float | None = None
    reason: str = ""
    error: str | None = None


class Verdicts(BaseModel):
    recall: float | None = Field(default=None, description="recall@k (k in the run's summary)")
    mrr: float | None = None
    must_include: float | None = None
    must_include_missing: list[str] = Field(default_factory=list)
    says_abstain: bool = False
    abstention: bool | None = Field(default=None, description="empty-gold cases only")
    false_abstention: bool | None = Field(default=None, description="gold cases only")
    judge: JudgeVerdict | None = None
    counts_checked: int = Field(default=0, description="counts of sections / courses stated and checked")
    count_mismatches: list[str] = Field(
        default_factory=list, description="each stated count that differs from the catalog (evals.counts)"
    )
    passed: bool = False


class CaseResult(BaseModel):
    id: str
    catalog: str
    term: str | None = None
    question: str
    history: list[dict[str, str]] = Field(default_factory=list)
    tags: list[str]
    gold_courses: list[str]
    must_include: list[str]
    answer: str = ""
    mode: str | None = None
    sources: list[SourceCard] = Field(default_factory=list)
    source_codes: list[str] = Field(default_factory=list)
    retrieved: list[str] = Field(default_factory=list)
    retrieved_from: str = Field(default="retrieved", description="'retrieved', or 'sources' when the answer had none")
    latency_s: float = 0.0
    input_tokens: int = 0
    output_tokens: int = 0
    cost_krw: float = 0.0
    error: str | None = None
    verdicts: Verdicts = Field(default_factory=Verdicts)
    timetable_valid: bool | None = None  # planning cases only (evals.timetable_scoring)
    timetable_optimal: bool | None = None
    timetable_problems: list[str] = Field(default_factory=list)


def source_cards(answer: ChatAnswer) -> list[SourceCard]:
    return [
        SourceCard(
            code=s.code, section=s.section, name=s.name, professors=list(s.professors),
            schedule=s.schedule_label(), department=s.department, credits=s.credits,
        )
        for s in answer.sources
    ]


def score_case(
    case: GoldenCase,
    answer: ChatAnswer | None,
    *,
    k: int,
    term: str | None,
    latency_s: float,
    cost_krw: float = 0.0,
    error: str | None = None,
    counts: CountCheck | None = None,
) -> CaseResult:
    """Score one case. An error (or no answer) fails every verdict that applies; so does a stated count that
    differs from the catalog (`counts`, when the catalog was at hand to check them)."""
    result = CaseResult(
        id=case.id, catalog=case.catalog, term=term, question=case.question,
        history=[turn.model_dump() for turn in case.history], tags=list(case.tags),
        gold_courses=list(case.gold_courses), must_include=list(case.must_include),
        latency_s=round(latency_s, 3), error=error, cost_krw=cost_krw,
    )
    if answer is not None:
        _take_answer(result, answer)

    v = result.verdicts
    gold = case.gold_courses
    v.says_abstain = metrics.says_abstain(result.answer) if answer is not None else False
    if gold:
        v.recall = metrics.recall_at_k(result.retrieved, gold, k)
        v.mrr = metrics.reciprocal_rank(result.retrieved, gold)
        v.false_abstention = v.says_abstain and not (set(result.source_codes) & set(gold))
    else:
        v.abstention = answer is not None and metrics.abstention_correct(
            result.answer, result.source_codes, allow_alternatives="out-of-scope" not in case.tags
        )
    if counts is not None:
        v.counts_checked, v.count_mismatches = counts.checked, list(counts.mismatches)
    if case.must_include:
        found = metrics.must_include_found(result.answer, case.must_include)
        v.must_include = sum(found) / len(found)
        v.must_include_missing = [fact for fact, ok in zip(case.must_include, found, strict=True) if not ok]
    if case.timetable is not None:  # a planning case: its weeks against the brute-force gold
        score_case_timetables(case.timetable, answer, result)
    v.passed = (
        error is None
        and result.timetable_valid is not False and result.timetable_optimal is not False
        and answer is not None
        and (v.recall is None or v.recall >= 1.0)
        and (v.must_include is None or v.must_include >= 1.0)
        and (v.abstention is None or v.abstention)
        and not v.count_mismatches
    )
    return result


def _take_answer(result: CaseResult, answer: ChatAnswer) -> None:
    """What the answer said, cited and retrieved, and the tokens it took."""
    result.answer = answer.answer
    result.mode = answer.mode
    result.sources = source_cards(answer)
    result.source_codes = metrics.dedupe(s.code for s in answer.sources)
    if answer.retrieved:
        result.retrieved = list(answer.retrieved)
    else:  # e.g. a deployed API that does not return `retrieved`: rank by the cited sources
        result.retrieved = list(result.source_codes)
        result.retrieved_from = "sources"
    if answer.usage is not None:
        result.input_tokens = answer.usage.input_tokens
        result.output_tokens = answer.usage.output_tokens


def _bool_mean(values: Sequence[bool | None]) -> float | None:
    return metrics.mean(None if v is None else float(v) for v in values)


def aggregate(results: Sequence[CaseResult], k: int) -> dict[str, Any]:
    """The metric object for a group of results. A key is `null` when no case of the group has that
    metric (e.g. `abstention` for a tag without empty-gold cases)."""
    vs = [r.verdicts for r in results]
    out: dict[str, Any] = {
        f"recall@{k}": metrics.mean(v.recall for v in vs),
        "mrr": metrics.mean(v.mrr for v in vs),
        "must_include": metrics.mean(v.must_include for v in vs),
        "must_include_pass": _bool_mean([None if v.must_include is None else v.must_include >= 1.0 for v in vs]),
        "abstention": _bool_mean([v.abstention for v in vs]),
        "false_abstention": _bool_mean([v.false_abstention for v in vs]),
        "pass_rate": _bool_mean([v.passed for v in vs]),
        "timetable_validity": _bool_mean([r.timetable_valid for r in results]),
        "timetable_optimality": _bool_mean([r.timetable_optimal for r in results]),
    }
    judged = [v.judge for v in vs if v.judge is not None and v.judge.error is None]
    if judged:
        out["faithfulness"] = metrics.mean(j.faithfulness for j in judged)
        out["correctness"] = metrics.mean(j.correctness for j in judged)
    out["cases"] = len(results)
    out["errors"] = sum(1 for r in results if r.error)
    return {key: (round(val, 4) if isinstance(val, float) else val) for key, val in out.items()}


def _percentile(values: Sequence[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def summarize(results: Sequence[CaseResult], k: int, run_info: dict[str, Any]) -> dict[str, Any]:
    by_tag: dict[str, list[CaseResult]] = defaultdict(list)
    by_catalog: dict[str, list[CaseResult]] = defaultdict(list)
    for r in results:
        for tag in r.tags:
            by_tag[tag].append(r)
        by_catalog[r.catalog].append(r)
    latencies = [r.latency_s for r in results if r.error is None]
    return {
        "run": run_info,
        "k": k,
        "metrics": aggregate(results, k),
        "by_tag": {tag: aggregate(group, k) for tag, group in sorted(by_tag.items())},
        "by_catalog": {name: aggregate(group, k) for name, group in sorted(by_catalog.items())},
        "latency_s": {"p50": _percentile(latencies, 0.5), "p95": _percentile(latencies, 0.95),
                      "max": max(latencies) if latencies else None},
        "tokens": {"input": sum(r.input_tokens for r in results), "output": sum(r.output_tokens for r in results)},
        "cost_krw": round(sum(r.cost_krw for r in results), 4),
        "failed_cases": [r.id for r in results if not r.verdicts.passed],
        "counts": {
            "checked": sum(r.verdicts.counts_checked for r in results),
            "mismatched_cases": [r.id for r in results if r.verdicts.count_mismatches],
        },
    }
