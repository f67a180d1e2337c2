"""The eval run: golden cases -> answers (in-process agent or a deployed `/chat`) -> scored results.

In-process, each catalog the cases name is ingested into an eval index kept under a cache directory
(default `.cache/eval-index/`); ingestion is incremental, so a second run re-embeds nothing. The agent
answers with the case's term (the catalog's own term, or the case's `term`). With `endpoint`, each case is
POSTed to `{endpoint}/chat` instead, and the API's `sources` (and `retrieved`, when the API returns it) are
scored. Cases run on a bounded thread pool with a rich progress bar.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from agent.answer import ChatAnswer, ChatTurn
from agent.settings import PROJECT_ROOT, Settings, get_settings
from evals.catalogs import CatalogResolver
from evals.config import DEFAULT_PRICING, Pricing, load_pricing
from evals.counts import CatalogTruth, check_counts
from evals.golden import GoldenCase, load_many
from evals.scoring import CaseResult, score_case, summarize

DEFAULT_CACHE_DIR = PROJECT_ROOT / ".cache" / "eval-index"


class EvalError(RuntimeError):
    """A run could not start (bad golden file, unknown catalog, unreachable endpoint ...): a clear message."""


class Answerer(Protocol):
    mode: str

    def __call__(self, case: GoldenCase, term: str | None) -> ChatAnswer: ...


@dataclass
class EvalOptions:
    golden: Sequence[Path]
    out: Path = Path("eval-out")
    k: int = 5
    concurrency: int = 2
    prompt: str = "system"
    endpoint: str | None = None
    catalog_overrides: dict[str, Path] = field(default_factory=dict)
    cache_dir: Path = DEFAULT_CACHE_DIR
    search_only: bool = False
    judge: bool = True
    timeout: float = 120.0
    pricing_path: Path = DEFAULT_PRICING


def _history(case: GoldenCase) -> list[ChatTurn]:
    return [ChatTurn(role=turn.role, content=turn.content) for turn in case.history]


class InProcessAnswerer:
    """The real `CourseAssistant` with one prompt variant: one assistant per catalog, each over that
    catalog's eval index (catalogs may share a term name — the sample and Soongsil are both 2026-1 — so
    each gets its own index)."""

    def __init__(self, settings: Settings, indexes: dict[str, Any], prompt: str) -> None:
        from agent.assistant import CourseAssistant

        self.assistants = {
            name: CourseAssistant.from_settings(settings, index=index, prompt=prompt) for name, index in indexes.items()
        }
        first = next(iter(self.assistants.values()), None)
        self.mode = str(getattr(first, "mode", "search"))

    def __call__(self, case: GoldenCase, term: str | None) -> ChatAnswer:
        return self.assistants[case.catalog].answer(case.question, _history(case), term)


class EndpointAnswerer:
    """POST `{endpoint}/chat` with `{"message", "history", "term"}`; the reply is a `ChatAnswer` JSON."""

    mode = "endpoint"

    def __init__(self, endpoint: str, timeout: float) -> None:
        import httpx

        self.url = endpoint.rstrip("/") + ("" if endpoint.rstrip("/").endswith("/chat") else "/chat")
        self.client = httpx.Client(timeout=timeout)
        self.retries = 2

    def __call__(self, case: GoldenCase, term: str | None) -> ChatAnswer:
        import httpx

        payload: dict[str, Any] = {"message": case.question, "history": [t.model_dump() for t in case.history]}
        if term:
            payload["term"] = term
        # /chat only reads the index, so a retry is safe: connection failures, 429 and 502-504 are
        # retried twice with backoff (honouring Retry-After), then reported on the case.
        for attempt in range(self.retries + 1):
            try:
                response = self.client.post(self.url, json=payload)
            except httpx.TransportError:
                if attempt == self.retries:
                    raise
                time.sleep(0.5 * 2**attempt)
                continue
            if response.status_code in (429, 502, 503, 504) and attempt < self.retries:
                retry_after = response.headers.get("Retry-After", "")
                time.sleep(min(float(retry_after), 10.0) if retry_after.isdigit() else 0.5 * 2**attempt)
                continue
            break
        if response.status_code >= 400:
            detail = response.text[:300].replace("\n", " ")
            raise RuntimeError(f"POST {self.url} -> HTTP {response.status_code}: {detail}")
        data = response.json()
        data.setdefault("mode", "search")
        return ChatAnswer.model_validate(data)


def catalog_term(path: Path) -> tuple[str | None, list[str]]:
    """The catalog's newest term and all its terms (from the project's own loader)."""
    from agent.catalog import CatalogError, load_catalog, term_sort_key

    try:
        result = load_catalog(path)
    except CatalogError as exc:
        raise EvalError(f"catalog {path}: {exc}") from None
    terms = sorted({section.term for section in result.sections}, key=term_sort_key, reverse=True)
    return (terms[0] if terms else None), terms


def eval_settings(base: Settings, cache_dir: Path, search_only: bool) -> Settings:
    """The run's settings: a local index under the cache dir; no HyperCLOVA key in search-only mode."""
    update: dict[str, Any] = {"vector_store": "local", "local_store_path": cache_dir}
    if search_only:
        update.update(hyperclova_api_key=None, hyperclova_api_key_param=None)
    return base.model_copy(update=update)


def prepare_indexes(settings: Settings, catalogs: dict[str, Path], console: Console) -> dict[str, Any]:
    """One eval index per catalog, at `<cache_dir>/<catalog name>/`, brought up to date (incremental:
    unchanged sections are not re-embedded, so a rerun costs seconds)."""
    from agent.index.factory import open_index
    from agent.index.ingest import ingest_catalog

    indexes: dict[str, Any] = {}
    for name, path in catalogs.items():
        catalog_settings = settings.model_copy(update={"local_store_path": settings.local_store_path / name})
        catalog_settings.local_store_path.mkdir(parents=True, exist_ok=True)
        index = open_index(catalog_settings)
        started = time.perf_counter()
        console.print(f"[bold]eval index[/] {name}: syncing {path.name} into {catalog_settings.local_store_path}")
        for report in ingest_catalog(index, path, console=console):
            console.print(
                f"  {name} {report.term}: +{report.added} ~{report.updated} ={report.unchanged} -{report.deleted} "
                f"({time.perf_counter() - started:.1f}s)"
            )
        indexes[name] = index
    return indexes


def _counts(
    truths: dict[str, CatalogTruth], case: GoldenCase, answer: ChatAnswer | None, term: str | None
) -> Any:
    """The answer's stated counts checked against its catalog (None when there is nothing to check). A
    follow-up is not checked: its conditions live in the conversation, which the question alone does not
    hold (the check would compare the answer with another question's set)."""
    truth = truths.get(case.catalog)
    if answer is None or truth is None or term is None or case.history:
        return None
    return check_counts(answer.answer, truth.truth(case.question, term))


def _run_cases(
    cases: Sequence[GoldenCase], answerer: Answerer, terms: dict[str, str | None], options: EvalOptions,
    pricing: Pricing, model_name: str | None, console: Console, label: str,
    judge: Callable[[CaseResult], tuple[Any, int, int]] | None, truths: dict[str, CatalogTruth],
) -> list[CaseResult]:
    def one(case: GoldenCase) -> CaseResult:
        term = case.term or terms.get(case.catalog)
        started = time.perf_counter()
        answer: ChatAnswer | None = None
        error: str | None = None
        try:
            answer = answerer(case, term)
        except Exception as exc:  # noqa: BLE001 - a failing case is a result, not a crashed run
            error = f"{exc.__class__.__name__}: {str(exc)[:300]}"
        latency = time.perf_counter() - started
        cost = 0.0
        if answer is not None and answer.usage is not None:
            cost = pricing.cost(model_name, answer.usage.input_tokens, answer.usage.output_tokens)
        counts = _counts(truths, case, answer, term)
        result = score_case(
            case, answer, k=options.k, term=term, latency_s=latency, cost_krw=cost, error=error, counts=counts
        )
        if judge is not None and answer is not None:
            verdict, tin, tout = judge(result)
            result.verdicts.judge = verdict
            result.cost_krw = round(result.cost_krw + pricing.cost(model_name, tin, tout), 6)
        return result

    results: dict[str, CaseResult] = {}
    progress = Progress(
        TextColumn(f"[bold]{label}[/]"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[last]}"),
        TimeElapsedColumn(), console=console, transient=False,
    )
    with progress, ThreadPoolExecutor(max_workers=max(1, options.concurrency)) as pool:
        task = progress.add_task("eval", total=len(cases), last="")
        futures = {pool.submit(one, case): case for case in cases}
        for future in as_completed(futures):
            result = future.result()
            results[result.id] = result
            mark = "✓" if result.verdicts.passed else "✗"
            progress.update(task, advance=1, last=f"{mark} {result.id}")
    return [results[case.id] for case in cases]  # file order, whatever the completion order


def write_outputs(out: Path, results: Sequence[CaseResult], summary: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "results.jsonl").open("w", encoding="utf-8") as fh:
        for result in results:
            fh.write(result.model_dump_json() + "\n")
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")


@dataclass
class RunOutput:
    prompt: str
    out: Path
    results: list[CaseResult]
    summary: dict[str, Any]


def run_eval(
    options: EvalOptions, prompts: Sequence[str] | None = None, console: Console | None = None,
    settings: Settings | None = None, indexes: dict[str, Any] | None = None,
) -> list[RunOutput]:
    """Run every case once per prompt (one prompt: outputs in `options.out`; several: in
    `options.out/<prompt>/`). Raises `EvalError` before answering anything when the setup is wrong.

    `indexes` (catalog name -> a ready `CourseIndex`) skips ingestion for those catalogs: tests pass the
    suite's cached indexes; the others are prepared under `options.cache_dir`."""
    console = console or Console(stderr=True)
    prompts = list(prompts or [options.prompt])
    cases, catalogs, pricing = _load_inputs(options, prompts)
    terms = _catalog_terms(cases, catalogs)
    base = settings or get_settings()
    run_settings = eval_settings(base, options.cache_dir, options.search_only)
    ready = {} if options.endpoint else _ready_indexes(options, run_settings, catalogs, terms, indexes, console)
    judge = None
    # The judge needs a key, not hyperclova-mode answers: `--search` answers are judged too when a key is set.
    if options.judge and base.hyperclova_configured:
        from evals.judge import LLMJudge

        judge = LLMJudge(base).judge
    outputs: list[RunOutput] = []
    truths = {name: CatalogTruth.load(path) for name, path in catalogs.items()}  # what stated counts are
    for prompt in prompts:
        answerer = _answerer(options, run_settings, ready, prompt)
        model_name = run_settings.hyperclova_model
        results = _run_cases(
            cases, answerer, terms, options, pricing, model_name, console, prompt, judge, truths
        )
        info = {
            "prompt": prompt, "mode": answerer.mode, "endpoint": options.endpoint,
            "golden": [str(p) for p in options.golden], "catalogs": {n: str(p) for n, p in catalogs.items()},
            "terms": terms, "model": model_name if answerer.mode == "hyperclova" else None,
            "judge": judge is not None, "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        summary = summarize(results, options.k, info)
        out = options.out if len(prompts) == 1 else options.out / prompt
        outputs.append(RunOutput(prompt=prompt, out=out, results=results, summary=summary))
    return outputs


def _load_inputs(options: EvalOptions, prompts: list[str]) -> tuple[list[GoldenCase], dict[str, Path], Any]:
    """The cases, their catalogs' files and the price table; `EvalError` naming what is wrong."""
    from evals.catalogs import CatalogError
    from evals.config import ConfigError
    from evals.golden import GoldenError

    try:
        cases = load_many(options.golden)
        resolver = CatalogResolver(options.catalog_overrides)
        catalogs = {name: resolver.resolve(name) for name in sorted({c.catalog for c in cases})}
        pricing = load_pricing(options.pricing_path)
    except (GoldenError, CatalogError, ConfigError) as exc:
        raise EvalError(str(exc)) from None
    if options.k < 1:
        raise EvalError("--k must be >= 1")
    if options.endpoint and len(prompts) > 1:
        raise EvalError("--prompt variants run in-process; a deployed --endpoint serves its own prompt")
    if not options.endpoint:
        from agent.prompts import PromptNotFoundError, load_prompt

        for prompt in prompts:
            try:
                load_prompt(prompt)
            except PromptNotFoundError as exc:
                raise EvalError(str(exc)) from None
    return cases, catalogs, pricing


def _catalog_terms(cases: list[GoldenCase], catalogs: dict[str, Path]) -> dict[str, str | None]:
    """Each catalog's newest term; a case asking for a term its catalog lacks is an `EvalError`."""
    terms: dict[str, str | None] = {}
    for name, path in catalogs.items():
        terms[name], all_terms = catalog_term(path)
        for case in cases:
            if case.catalog == name and case.term and case.term not in all_terms:
                raise EvalError(f"case {case.id!r}: term {case.term!r} not in catalog {name!r} ({', '.join(all_terms)})")
    return terms


def _ready_indexes(
    options: EvalOptions, run_settings: Settings, catalogs: dict[str, Path], terms: dict[str, str | None],
    indexes: dict[str, Any] | None, console: Console,
) -> dict[str, Any]:
    ready = {name: index for name, index in (indexes or {}).items() if name in catalogs}
    missing = {name: path for name, path in catalogs.items() if name not in ready}
    if missing:
        ready.update(prepare_indexes(run_settings, missing, console))
    for name, index in ready.items():
        # An empty namespace would score every case 0 and look like a terrible agent: say what it is.
        if terms.get(name) and index.count(terms[name]) == 0:
            raise EvalError(f"the eval index for catalog {name!r} holds no sections of term {terms[name]} "
                            f"(deleted or never ingested?): delete {options.cache_dir / name} and rerun")
    return ready


def _answerer(options: EvalOptions, run_settings: Settings, ready: dict[str, Any], prompt: str) -> Answerer:
    if options.endpoint:
        return EndpointAnswerer(options.endpoint, options.timeout)
    try:
        return InProcessAnswerer(run_settings, ready, prompt)
    except (FileNotFoundError, KeyError, ValueError) as exc:
        raise EvalError(f"prompt {prompt!r}: {exc}") from None
