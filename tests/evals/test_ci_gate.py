"""The CI gate of issue 7: `coursebot eval --check` in search mode on the project's sample and Soongsil
golden sets must meet `evals/config/thresholds.yaml` (recall@5 >= 0.9, must_include >= 0.85,
abstention >= 0.9). The command is the real one; only index provisioning is the suite's cached indexes
(the same catalogs, already embedded). Outputs stay in `test-artifacts/eval-gate/` (report.html for
whoever reads a red build)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agent.cli import app

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "test-artifacts" / "eval-gate"


@pytest.mark.slow
def test_eval_check_search_mode_sample_and_soongsil(use_cached_indexes, shared_data: Path) -> None:
    use_cached_indexes("ssu-2026-1", "ssu_index")  # the slow one first: the sample index is opened just before use
    use_cached_indexes("sample", "sample_index")
    result = CliRunner().invoke(app, [
        "eval", "--golden", str(ROOT / "evals/golden/sample.jsonl"), "--golden", str(ROOT / "evals/golden/ssu-2026-1.jsonl"),
        "--search", "--check", "--out", str(OUT), "--concurrency", "2",
    ])
    summary = json.loads((OUT / "summary.json").read_text(encoding="utf-8"))
    figures = {k: summary["metrics"][k] for k in ("recall@5", "mrr", "must_include", "abstention", "pass_rate", "cases")}
    weakest = sorted(
        ((tag, m["pass_rate"]) for tag, m in summary["by_tag"].items() if m["pass_rate"] is not None),
        key=lambda item: item[1],
    )[:5]
    assert summary["metrics"]["errors"] == 0, summary["failed_cases"]
    assert result.exit_code == 0, f"eval gate missed: {figures}; weakest tags {weakest}\n{result.output[-3000:]}"
