"""`coursebot eval`: run golden sets, write results/summary/HTML, diff against a baseline, gate on thresholds.

    coursebot eval --golden evals/golden/sample.jsonl --golden evals/golden/ssu-2026-1.jsonl --search --check
    coursebot eval --golden evals/golden/sample.jsonl --prompt system --prompt concise --out eval-out

Several `--prompt`s compare prompt variants in one command: each runs into `OUT/<prompt>/`, and every
variant after the first is diffed against the first (regressed / improved cases, metric deltas), on the
console and in its HTML report. `--baseline DIR` diffs against an earlier run's `--out` instead.
Exit codes: 0 ok; 1 a threshold missed with `--check` (each miss printed); 2 the run could not start
(bad golden file, unknown catalog or prompt, bad option) — the message says which.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer


def _print_comparison(console, comparison, label: str) -> None:  # type: ignore[no-untyped-def]
    from rich.table import Table

    table = Table(title=f"{label} vs {comparison.baseline}")
    for column in ("metric", "baseline", "this run", "Δ"):
        table.add_column(column, justify="right" if column != "metric" else "left")
    for key, (before, after, delta) in comparison.metric_deltas.items():
        if key in ("cases", "errors") and not delta:
            continue
        style = "" if not delta else ("green" if (delta > 0) != (key in ("false_abstention", "errors")) else "red")
        fmt = lambda v: "–" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))  # noqa: E731
        table.add_row(key, fmt(before), fmt(after), f"[{style}]{'+' if delta and delta > 0 else ''}{fmt(delta)}[/]" if style else fmt(delta))
    console.print(table)
    for title, items, color in (("regressed", comparison.regressed, "red"), ("improved", comparison.improved, "green")):
        console.print(f"[bold {color}]{len(items)} {title}[/]")
        for change in items:
            detail = ", ".join(f"{k} {b}→{a}" for k, (b, a) in change.changes.items())
            console.print(f"  [{color}]{change.id}[/] {change.question} ({detail})")


def _print_summary(console, summary: dict, out: Path) -> None:  # type: ignore[no-untyped-def]
    from rich.table import Table

    metrics = summary["metrics"]
    keys = [k for k in metrics if k not in ("cases", "errors")]
    table = Table(title=f"eval: {summary['run'].get('prompt')} ({summary['run'].get('mode')}) — {metrics['cases']} cases, {metrics['errors']} errors")
    table.add_column("scope")
    short = {"must_include": "must", "must_include_pass": "must✓", "abstention": "abst", "false_abstention": "f.abst",
             "pass_rate": "pass", "faithfulness": "faith", "correctness": "correct"}
    for key in keys:
        table.add_column(short.get(key, key), justify="right", no_wrap=True)
    fmt = lambda v: "–" if v is None else f"{v:.3f}"  # noqa: E731
    table.add_row("[bold]overall[/]", *[fmt(metrics.get(k)) for k in keys])
    for tag, values in summary["by_tag"].items():
        table.add_row(f"{tag} ({values['cases']})", *[fmt(values.get(k)) for k in keys])
    for name, values in summary.get("by_catalog", {}).items():
        table.add_row(f"[italic]{name}[/] ({values['cases']})", *[fmt(values.get(k)) for k in keys])
    console.print(table)
    lat = summary["latency_s"]
    console.print(
        f"latency p50 {lat['p50'] if lat['p50'] is not None else '–'} s, p95 {lat['p95'] if lat['p95'] is not None else '–'} s; "
        f"tokens {summary['tokens']['input']} in / {summary['tokens']['output']} out; "
        f"estimated cost {summary['cost_krw']:.2f} KRW"
    )
    counts = summary.get("counts") or {}
    if counts.get("mismatched_cases"):
        cases = ", ".join(counts["mismatched_cases"])
        console.print(f"[red]stated counts that differ from the catalog: {cases}[/]")
    console.print(f"wrote {out / 'results.jsonl'}, {out / 'summary.json'}, {out / 'report.html'}")


def eval_command(
    golden: Annotated[list[Path], typer.Option("--golden", help="golden JSONL file (repeatable)")],
    out: Annotated[Path, typer.Option("--out", help="output directory")] = Path("eval-out"),
    baseline: Annotated[Path | None, typer.Option("--baseline", help="an earlier run's --out to diff against")] = None,
    endpoint: Annotated[str | None, typer.Option("--endpoint", help="deployed API base URL: POST {URL}/chat")] = None,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, max=64, help="cases answered at once")] = 2,
    prompt: Annotated[list[str] | None, typer.Option("--prompt", help="prompt name under agent/prompts/ (repeat to compare)")] = None,
    catalog: Annotated[list[str] | None, typer.Option("--catalog", help="NAME=PATH: add or override a catalog")] = None,
    check: Annotated[bool, typer.Option("--check", help="exit 1 when a threshold in the thresholds file is missed")] = False,
    k: Annotated[int, typer.Option("--k", min=1, help="k of recall@k")] = 5,
    search: Annotated[bool, typer.Option("--search", help="force search mode (ignore a HyperCLOVA X key)")] = False,
    judge: Annotated[bool, typer.Option("--judge/--no-judge", help="LLM judge when a HyperCLOVA X key is set")] = True,
    cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help="eval index directory")] = None,
    thresholds: Annotated[Path | None, typer.Option("--thresholds", help="thresholds YAML")] = None,
    pricing: Annotated[Path | None, typer.Option("--pricing", help="price table YAML")] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="seconds per --endpoint request")] = 120.0,
) -> None:
    """Run golden sets against the assistant (or a deployed /chat) and report metrics per case and tag."""
    from rich.console import Console

    from evals.catalogs import CatalogError, parse_overrides
    from evals.compare import BaselineError
    from evals.config import DEFAULT_PRICING, DEFAULT_THRESHOLDS, ConfigError, load_thresholds
    from evals.report_html import write_report
    from evals.runner import DEFAULT_CACHE_DIR, EvalError, EvalOptions, run_eval, write_outputs

    console = Console(stderr=True)
    try:
        overrides = parse_overrides(catalog or [])
        limits = load_thresholds(thresholds or DEFAULT_THRESHOLDS) if check else None
        if baseline is not None and not (baseline / "results.jsonl").is_file():
            raise EvalError(f"--baseline {baseline}: no results.jsonl there (point it at an earlier run's --out)")
        prompts = list(dict.fromkeys(prompt or ["system"]))
        runs = run_eval(EvalOptions(
            golden=golden, out=out, k=k, concurrency=concurrency, prompt=prompts[0], endpoint=endpoint,
            catalog_overrides=overrides, cache_dir=cache_dir or DEFAULT_CACHE_DIR, search_only=search,
            judge=judge, timeout=timeout, pricing_path=pricing or DEFAULT_PRICING,
        ), prompts, console)
    except (CatalogError, ConfigError, EvalError) as exc:
        raise _fail(console, str(exc)) from None
    missed_any = False
    for run in runs:
        try:
            comparison = _comparison(run, runs[0], baseline)
        except BaselineError as exc:
            raise _fail(console, str(exc)) from None
        write_outputs(run.out, run.results, run.summary)
        write_report(run.out / "report.html", run.results, run.summary, comparison)
        _print_summary(console, run.summary, run.out)
        if comparison is not None:
            _print_comparison(console, comparison, f"prompt {run.prompt}")
        if limits is not None:
            missed_any = _check(console, run, limits, comparison) or missed_any
    if missed_any:
        raise typer.Exit(code=1)


def _comparison(run: Any, first: Any, baseline: Path | None) -> Any:
    """The diff to show: against `--baseline`, else (for a second prompt) against the first prompt's run."""
    from evals.compare import compare_dirs, compare_runs

    if baseline is not None:
        return compare_dirs(baseline, run.results, run.summary)
    if run is not first:
        return compare_runs(first.results, first.summary, run.results, run.summary, baseline_name=f"prompt {first.prompt}")
    return None


def _check(console: Any, run: Any, limits: Any, comparison: Any) -> bool:
    """Print the `--check` verdict of one run; True when a threshold was missed."""
    from evals.config import check_thresholds

    regressions = len(comparison.regressed) if comparison else None
    missed = check_thresholds(run.summary, limits, regressions)
    if not missed:
        console.print(f"[bold green]--check: all thresholds met[/] (prompt {run.prompt})")
        return False
    console.print(f"[bold red]--check: {len(missed)} threshold(s) missed[/] (prompt {run.prompt}):")
    for line in missed:
        console.print(f"  [red]✗[/] {line}")
    return True


def _fail(console: Any, message: str) -> typer.Exit:
    """Exit 2 (the run could not start), saying why."""
    console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=2)
