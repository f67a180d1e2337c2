"""`coursebot ingest PATH [--mapping M] [--term T]`: load a catalog and sync it into the course index.

Prints the loader's problems (file:row: reason), a progress bar while embedding, and a summary:
loaded / skipped / warnings, then added / updated / unchanged / deleted per term. Exits non-zero only
when nothing could be loaded (or the index cannot be opened). Heavy imports stay inside the command so
`coursebot --help` stays instant.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

MAX_PROBLEMS_SHOWN = 30


def ingest(
    path: Annotated[Path, typer.Argument(help="카탈로그 파일 (CSV/JSON). Catalog file to ingest.", show_default=False)],
    mapping: Annotated[
        Path | None, typer.Option("--mapping", "-m", help="열 매핑 YAML (column mapping) for other layouts.")
    ] = None,
    term: Annotated[
        str | None, typer.Option("--term", "-t", help="이 학기만 적재 (only this term, e.g. 2026-1).")
    ] = None,
    store: Annotated[
        Path | None, typer.Option("--store", help="LanceDB 경로 (overrides LOCAL_STORE_PATH).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="진행 표시줄 없이 (no progress bar).")] = False,
) -> None:
    """수강편람을 검색 인덱스에 적재합니다 (증분: 바뀐 분반만 임베딩). Ingest a course catalog."""
    from rich.console import Console
    from rich.markup import escape

    from agent.catalog import CatalogError, load_catalog
    from agent.index.base import IndexError_
    from agent.index.embeddings import EmbeddingConfigError

    # soft_wrap: long lines (paths, problem reasons) stay whole, so logs and greps see them intact.
    out = Console(soft_wrap=True)
    err = Console(stderr=True, soft_wrap=True)

    if mapping is not None and not mapping.is_file():
        err.print(f"[red]오류:[/red] 매핑 파일이 없습니다 (mapping file not found): {mapping}")
        raise typer.Exit(2)
    try:
        result = load_catalog(path, mapping=mapping, term=term)
    except CatalogError as exc:
        err.print(f"[red]오류:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    except OSError as exc:
        err.print(f"[red]오류:[/red] 파일을 읽을 수 없습니다 (cannot read) {path}: {exc.strerror or exc}")
        raise typer.Exit(2) from None

    _print_problems(err, result.problems)
    out.print(result.summary())
    if result.loaded == 0:
        err.print("[red]적재된 분반이 없습니다 (nothing loaded): the index was not changed.[/red]")
        raise typer.Exit(1)

    try:
        index = _open(store)
        from agent.index.ingest import ingest_loaded

        reports = ingest_loaded(index, result, progress=not quiet, console=err)
    except (IndexError_, EmbeddingConfigError) as exc:
        err.print(f"[red]오류:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None

    for report in reports:
        out.print(
            f"학기 {report.term}: 추가 {report.added:,} · 변경 {report.updated:,} · 그대로 {report.unchanged:,} · "
            f"삭제 {report.deleted:,} ({report.seconds:.1f}s) — added {report.added} / updated {report.updated} / "
            f"unchanged {report.unchanged} / deleted {report.deleted}"
        )


def _open(store: Path | None):
    from agent.index.factory import open_index
    from agent.settings import get_settings

    settings = get_settings()
    if store is not None:
        settings = settings.model_copy(update={"local_store_path": store, "vector_store": "local"})
    return open_index(settings)


def _print_problems(err, problems: list) -> None:
    if not problems:
        return
    from rich.markup import escape

    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        style = "red" if problem.severity == "error" else "yellow"
        label = "건너뜀 skipped" if problem.severity == "error" else "경고 warning"
        err.print(f"[{style}]{label}[/{style}] {escape(f'{problem.file}:{problem.row}: {problem.reason}')}",
                  highlight=False)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        err.print(f"… 외 {len(problems) - MAX_PROBLEMS_SHOWN}건 (and {len(problems) - MAX_PROBLEMS_SHOWN} more)")
