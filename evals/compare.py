"""Baseline comparison: which cases regressed or improved between two runs, and the metric deltas.

A case's comparable scores are its pass verdict, recall@k, MRR, must_include and abstention. It
*regressed* when it passed before and fails now, or when any of those scores dropped; it *improved* in the
mirror case (a case can't be both: a drop anywhere makes it a regression). Cases present in only one run
are listed as added / removed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from evals.scoring import CaseResult

_SCORES = ("recall", "mrr", "must_include", "abstention")


class CaseChange(BaseModel):
    id: str
    question: str
    tags: list[str]
    before_passed: bool
    after_passed: bool
    changes: dict[str, list[Any]] = Field(description="score -> [before, after] for scores that changed")


class Comparison(BaseModel):
    baseline: str
    metric_deltas: dict[str, list[float | None]] = Field(description="metric -> [before, after, delta]")
    tag_deltas: dict[str, dict[str, list[float | None]]] = Field(default_factory=dict)
    regressed: list[CaseChange] = Field(default_factory=list)
    improved: list[CaseChange] = Field(default_factory=list)
    added: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)


class BaselineError(ValueError):
    """The baseline directory lacks results.jsonl / summary.json or holds unreadable ones."""


def load_run(directory: Path) -> tuple[list[CaseResult], dict[str, Any]]:
    results_path, summary_path = directory / "results.jsonl", directory / "summary.json"
    for path in (results_path, summary_path):
        if not path.is_file():
            raise BaselineError(f"{path} not found: --baseline must point at the --out of an earlier eval run")
    try:
        results = [
            CaseResult.model_validate_json(line)
            for line in results_path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise BaselineError(f"{directory}: unreadable eval results ({str(exc).splitlines()[0]})") from None
    return results, summary


def _score(result: CaseResult, key: str) -> float | None:
    value = getattr(result.verdicts, key)
    return None if value is None else float(value)


def _deltas(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[float | None]]:
    out: dict[str, list[float | None]] = {}
    for key in sorted(set(before) | set(after)):
        b, a = before.get(key), after.get(key)
        if not isinstance(b, int | float | None) or not isinstance(a, int | float | None):
            continue
        delta = None if a is None or b is None else round(a - b, 4)
        out[key] = [b, a, delta]
    return out


def compare_runs(
    before: list[CaseResult], before_summary: dict[str, Any],
    after: list[CaseResult], after_summary: dict[str, Any], *, baseline_name: str = "baseline",
) -> Comparison:
    old = {r.id: r for r in before}
    new = {r.id: r for r in after}
    comparison = Comparison(
        baseline=baseline_name,
        metric_deltas=_deltas(before_summary.get("metrics", {}), after_summary.get("metrics", {})),
        tag_deltas={
            tag: _deltas(before_summary.get("by_tag", {}).get(tag, {}), after_summary.get("by_tag", {}).get(tag, {}))
            for tag in sorted(set(before_summary.get("by_tag", {})) | set(after_summary.get("by_tag", {})))
        },
        added=sorted(set(new) - set(old)),
        removed=sorted(set(old) - set(new)),
    )
    for case_id in [r.id for r in after if r.id in old]:
        b, a = old[case_id], new[case_id]
        changes: dict[str, list[Any]] = {}
        worse = better = False
        for key in _SCORES:
            sb, sa = _score(b, key), _score(a, key)
            if sb == sa:
                continue
            changes[key] = [sb, sa]
            if sb is not None and (sa is None or sa < sb):
                worse = True
            elif sa is not None and (sb is None or sa > sb):
                better = True
        if b.verdicts.passed != a.verdicts.passed:
            changes["passed"] = [b.verdicts.passed, a.verdicts.passed]
            worse = worse or b.verdicts.passed
            better = better or a.verdicts.passed
        if not changes:
            continue
        change = CaseChange(
            id=case_id, question=a.question, tags=a.tags,
            before_passed=b.verdicts.passed, after_passed=a.verdicts.passed, changes=changes,
        )
        (comparison.regressed if worse else comparison.improved).append(change)
    return comparison


def compare_dirs(baseline_dir: Path, results: list[CaseResult], summary: dict[str, Any]) -> Comparison:
    before, before_summary = load_run(baseline_dir)
    return compare_runs(before, before_summary, results, summary, baseline_name=str(baseline_dir))
