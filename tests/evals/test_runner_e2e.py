"""The harness end to end with the real agent in search mode over the real (cached) sample index:
`run_eval`, the `coursebot eval` command (outputs, --check exit codes, --baseline, two prompts in one
command) — nothing here fakes the assistant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from agent.cli import app
from evals.runner import EvalOptions, run_eval, write_outputs

runner = CliRunner()


def test_run_eval_in_process(sample_index, small_golden: Path, tmp_path: Path) -> None:
    options = EvalOptions(golden=[small_golden], out=tmp_path / "out", search_only=True, concurrency=2)
    [run] = run_eval(options, indexes={"sample": sample_index})
    assert [r.id for r in run.results] == [json.loads(l)["id"] for l in small_golden.read_text().splitlines()]
    by_id = {r.id: r for r in run.results}
    for result in run.results:
        assert result.error is None, result.error
        assert result.mode == "search" and result.answer.strip()
        assert result.term == "2026-1"
        assert result.latency_s > 0
    # the assistant's own ranked codes are what recall reads (not only the cited cards)
    assert by_id["smp-031"].retrieved_from == "retrieved" and "CSE3050" in by_id["smp-031"].retrieved
    assert by_id["smp-050"].history and by_id["smp-050"].history[0]["content"] == "운영체제 수업 있어?"
    assert by_id["smp-054"].verdicts.abstention is not None and by_id["smp-054"].verdicts.recall is None
    metrics = run.summary["metrics"]
    for key in ("recall@5", "mrr", "must_include", "abstention"):
        assert 0.0 <= metrics[key] <= 1.0
    assert set(run.summary["by_tag"]) >= {"by-name", "follow-up", "out-of-scope", "no-such-course"}
    assert run.summary["by_tag"]["out-of-scope"]["abstention"] is not None
    write_outputs(run.out, run.results, run.summary)
    assert len((run.out / "results.jsonl").read_text().splitlines()) == len(run.results)


def _thresholds(tmp_path: Path, name: str, **values: object) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(values), encoding="utf-8")
    return path


def test_cli_outputs_and_check_exit_codes(use_cached_indexes, small_golden: Path, tmp_path: Path) -> None:
    use_cached_indexes("sample", "sample_index")
    out = tmp_path / "run"
    impossible = _thresholds(tmp_path, "strict.yaml", metrics={"recall@5": 1.01, "mrr": 0.0})
    result = runner.invoke(app, ["eval", "--golden", str(small_golden), "--search", "--out", str(out),
                                 "--check", "--thresholds", str(impossible)])
    assert result.exit_code == 1, result.output
    assert "recall@5 = " in result.output and "< 1.01" in result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert {"recall@5", "mrr", "must_include", "abstention"} <= set(summary["metrics"])
    assert set(summary["by_tag"]["by-name"]) >= {"recall@5", "mrr", "must_include", "abstention"}
    page = (out / "report.html").read_text(encoding="utf-8")
    for case_id in ("smp-001", "smp-050", "smp-061"):
        assert case_id in page

    lenient = _thresholds(tmp_path, "lenient.yaml", metrics={"recall@5": 0.0, "abstention": 0.0})
    result = runner.invoke(app, ["eval", "--golden", str(small_golden), "--search", "--out", str(tmp_path / "ok"),
                                 "--check", "--thresholds", str(lenient)])
    assert result.exit_code == 0, result.output
    assert "all thresholds met" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--catalog", "sample"], "--catalog expects NAME=PATH"),
        (["--catalog", "sample=/nonexistent/x.csv"], "does not exist"),
        (["--prompt", "no-such-prompt"], "unknown prompt 'no-such-prompt'"),
        (["--baseline", "/nonexistent/dir"], "no results.jsonl there"),
    ],
)
def test_cli_setup_errors_exit_2(small_golden: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["eval", "--golden", str(small_golden), "--search", "--out", str(tmp_path / "x"), *args])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_cli_bad_golden_and_unknown_catalog_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "catalog": "sample", "question": "q", "gold_courses": [], "tags": ["a"]}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", "--golden", str(bad), "--search"])
    assert result.exit_code == 2 and "bad.jsonl:1" in result.output and "must_include" in result.output
    bad.write_text('{"id": "x", "catalog": "mars-2099", "question": "q", "gold_courses": [], "must_include": [], '
                   '"tags": ["a"]}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", "--golden", str(bad), "--search"])
    assert result.exit_code == 2 and "unknown catalog 'mars-2099'" in result.output


def test_baseline_diff_detects_a_regression(use_cached_indexes, small_golden: Path, tmp_path: Path) -> None:
    """Run once, then rerun with one case's gold deliberately moved to an unrelated real course: the
    second run must report that case as regressed (console and HTML), and `max_regressions: 0` fails --check."""
    use_cached_indexes("sample", "sample_index")
    base = tmp_path / "base"
    result = runner.invoke(app, ["eval", "--golden", str(small_golden), "--search", "--out", str(base)])
    assert result.exit_code == 0, result.output
    first = {json.loads(l)["id"]: json.loads(l) for l in (base / "results.jsonl").read_text().splitlines()}
    assert first["smp-031"]["verdicts"]["recall"] == 1.0  # CSE3050 by code: the premise of the regression

    altered = tmp_path / "altered.jsonl"
    lines = []
    for line in small_golden.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["id"] == "smp-031":
            case["gold_courses"] = ["KOR4010"]  # 국어사: real, but not what "CSE3050 누가 가르쳐?" is about
        lines.append(json.dumps(case, ensure_ascii=False))
    altered.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gate = _thresholds(tmp_path, "gate.yaml", metrics={}, max_regressions=0)
    new = tmp_path / "new"
    result = runner.invoke(app, ["eval", "--golden", str(altered), "--search", "--out", str(new),
                                 "--baseline", str(base), "--check", "--thresholds", str(gate)])
    assert result.exit_code == 1, result.output
    assert "regressed" in result.output and "smp-031" in result.output
    assert "regressions = " in result.output
    page = (new / "report.html").read_text(encoding="utf-8")
    assert '"regressed": [{"id": "smp-031"' in page.replace("<\\/", "</")


def test_two_prompts_in_one_command(use_cached_indexes, small_golden: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`--prompt system --prompt terse` runs both variants and diffs the second against the first."""
    import agent.prompts as prompts

    prompt_dir = tmp_path / "prompts"
    prompt_dir.mkdir()
    (prompt_dir / "system.md").write_text((prompts.PROMPTS_DIR / "system.md").read_text(encoding="utf-8"), encoding="utf-8")
    (prompt_dir / "terse.md").write_text("수강편람 도우미입니다. 도구 결과만 짧게 답하세요.", encoding="utf-8")
    monkeypatch.setattr(prompts, "PROMPTS_DIR", prompt_dir)
    prompts.load_prompt.cache_clear()
    use_cached_indexes("sample", "sample_index")
    out = tmp_path / "cmp"
    result = runner.invoke(app, ["eval", "--golden", str(small_golden), "--search", "--out", str(out),
                                 "--prompt", "system", "--prompt", "terse"])
    prompts.load_prompt.cache_clear()
    assert result.exit_code == 0, result.output
    for name in ("system", "terse"):
        summary = json.loads((out / name / "summary.json").read_text(encoding="utf-8"))
        assert summary["run"]["prompt"] == name
    assert "prompt terse vs prompt system" in result.output
    assert "Versus baseline" in (out / "terse" / "report.html").read_text(encoding="utf-8")
    assert "Versus baseline" not in (out / "system" / "report.html").read_text(encoding="utf-8")
