"""`coursebot ingest PATH [--dry-run] [--prune | --max-delete N]` and `coursebot ingest --rollback [VERSION]`.

Prints the loader's problems (file:row: reason), the diff per term (added / changed / unchanged / deleted /
kept because their rows were skipped), a progress bar while embedding, and a summary. Heavy imports stay
inside the command so `coursebot --help` stays instant.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

MAX_PROBLEMS_SHOWN = 30
EXIT_CLEAN, EXIT_FAILED, EXIT_REFUSED, EXIT_SKIPPED = 0, 1, 2, 3

HELP = """수강편람을 검색 인덱스에 적재합니다 (증분: 바뀐 분반만 임베딩). Ingest a course catalog.

Safety: a section whose row was skipped is never deleted. A sync that would delete more than 5% of a \
term's stored sections, or delete anything while rows were skipped, is refused (nothing written) unless \
--prune or --max-delete N allows it. --dry-run prints the diff and writes nothing. Every write keeps the \
previous version: `coursebot ingest --rollback [VERSION]` restores it (LanceDB; on Pinecone, re-syncs the \
previous file when it is still there unchanged, or says it cannot).

\b
Exit codes:
  0  done, every row loaded
  3  done, some rows were skipped (their sections were kept)
  2  refused or invalid: nothing was written (too many deletions, bad file or mapping, no rollback target)
  1  failed: nothing loadable, or the index could not be opened or written
--dry-run exits with the code the real run would have.
"""


def ingest(
    path: Annotated[str | None, typer.Argument(
        help="카탈로그 파일 (CSV/JSON); with --rollback: the VERSION to restore (default: before the last write).",
        show_default=False)] = None,
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
    dry_run: Annotated[bool, typer.Option("--dry-run", help="바뀔 내용만 출력 (print the diff, write nothing).")] = False,
    prune: Annotated[bool, typer.Option("--prune", help="삭제 허용 (allow any deletions).")] = False,
    max_delete: Annotated[int | None, typer.Option(
        "--max-delete", min=0, help="학기당 최대 삭제 수 (allow up to N deletions per term).")] = None,
    rollback: Annotated[bool, typer.Option(
        "--rollback", help="이전 버전으로 복원 (restore the version before the last write, or VERSION).")] = False,
) -> None:
    from rich.console import Console

    # soft_wrap: long lines (paths, problem reasons) stay whole, so logs and greps see them intact.
    out = Console(soft_wrap=True)
    err = Console(stderr=True, soft_wrap=True)
    if rollback:
        raise typer.Exit(run_rollback(path, store=store, dry_run=dry_run, out=out, err=err))
    if path is None:
        err.print("[red]오류:[/red] 카탈로그 파일을 지정하세요 (missing PATH; or use --rollback).")
        raise typer.Exit(EXIT_REFUSED)
    if mapping is not None and not mapping.is_file():
        err.print(f"[red]오류:[/red] 매핑 파일이 없습니다 (mapping file not found): {mapping}")
        raise typer.Exit(EXIT_REFUSED)
    result = _load(Path(path), mapping, term, err)
    _print_problems(err, result.problems)
    out.print(result.summary())
    if result.loaded == 0:
        err.print("[red]적재된 분반이 없습니다 (nothing loaded): the index was not changed.[/red]")
        raise typer.Exit(EXIT_FAILED)
    from agent.index.ingest.plan import DeletePolicy

    policy = DeletePolicy(prune=prune, max_delete=max_delete)
    raise typer.Exit(_sync(result, policy, source=str(Path(path).resolve()), store=store, dry_run=dry_run,
                           quiet=quiet, out=out, err=err))


ingest.__doc__ = HELP


def _load(path: Path, mapping: Path | None, term: str | None, err: Any) -> Any:
    from rich.markup import escape

    from agent.catalog import CatalogError, load_catalog

    try:
        return load_catalog(path, mapping=mapping, term=term)
    except CatalogError as exc:
        err.print(f"[red]오류:[/red] {escape(str(exc))}")
    except OSError as exc:
        err.print(f"[red]오류:[/red] 파일을 읽을 수 없습니다 (cannot read) {path}: {exc.strerror or exc}")
    raise typer.Exit(EXIT_REFUSED)


def _sync(result: Any, policy: Any, *, source: str, store: Path | None, dry_run: bool, quiet: bool,
          out: Any, err: Any) -> int:
    """Plan, print the diff, write unless refused or dry; the exit code."""
    from rich.markup import escape

    from agent.index.base import IndexError_
    from agent.index.embeddings import EmbeddingConfigError
    from agent.index.ingest.run import guarded_ingest

    try:
        index = open_store(store)
        outcome = guarded_ingest(index, result, policy=policy, source=source, dry_run=dry_run,
                                 progress=not quiet, console=err)
    except (IndexError_, EmbeddingConfigError) as exc:
        err.print(f"[red]오류:[/red] {escape(str(exc))}")
        return EXIT_FAILED
    if dry_run or outcome.refused:
        for diff in outcome.diffs:
            out.print(escape(diff.summary()), highlight=False)
    if outcome.refused:
        for diff in outcome.refused:
            err.print(f"[red]거부 refused[/red] 학기 {diff.term}: {escape(str(diff.refused))}")
        err.print("[red]아무것도 쓰지 않았습니다 (nothing written).[/red] Check the file; if the deletions are "
                  "intended, run again with --prune or --max-delete N.")
        return EXIT_REFUSED
    if dry_run:
        out.print("--dry-run: 아무것도 쓰지 않았습니다 (nothing written).")
    for report, diff in zip(outcome.reports, outcome.diffs, strict=False):
        kept = f" · 유지 {len(diff.kept):,} (kept {len(diff.kept)}, rows skipped)" if diff.kept else ""
        out.print(
            f"학기 {report.term}: 추가 {report.added:,} · 변경 {report.updated:,} · 그대로 {report.unchanged:,} · "
            f"삭제 {report.deleted:,}{kept} ({report.seconds:.1f}s) — added {report.added} / updated {report.updated} / "
            f"unchanged {report.unchanged} / deleted {report.deleted}"
        )
    if outcome.rollback_point is not None:
        out.print(f"이전 버전 {outcome.rollback_point} 보관 (rollback: coursebot ingest --rollback)")
    return EXIT_SKIPPED if result.skipped else EXIT_CLEAN


def run_rollback(version: str | None, *, store: Any, dry_run: bool, out: Any, err: Any) -> int:
    """`coursebot ingest --rollback [VERSION]`: the exit code (0 restored or dry run, 2 refused, 1 failed)."""
    from rich.markup import escape

    from agent.index.base import IndexError_
    from agent.index.ingest.rollback import RollbackError

    target: int | None = None
    if version is not None:
        if not version.strip().isdigit():
            err.print(f"[red]오류:[/red] VERSION must be a table version number, got {escape(version)!r}")
            return EXIT_REFUSED
        target = int(version)
    try:
        index = open_store(store)
        rollback = getattr(index, "rollback", None)
        if rollback is None:
            raise RollbackError(f"{type(index).__name__} keeps no versions: it cannot roll back")
        result = rollback(target, dry_run=dry_run)
    except RollbackError as exc:
        err.print(f"[red]복원 불가 (cannot roll back):[/red] {escape(str(exc))}. Nothing was changed.")
        return EXIT_REFUSED
    except IndexError_ as exc:
        err.print(f"[red]오류:[/red] {escape(str(exc))}")
        return EXIT_FAILED
    for line in result.summary():
        out.print(escape(line), highlight=False)
    if dry_run:
        out.print("--dry-run: 아무것도 쓰지 않았습니다 (nothing written).")
    return EXIT_CLEAN


def open_store(store: Path | None) -> Any:
    from agent.index.factory import open_index
    from agent.settings import get_settings

    settings = get_settings()
    if store is not None:
        settings = settings.model_copy(update={"local_store_path": store, "vector_store": "local"})
    return open_index(settings)


def _print_problems(err: Any, problems: list) -> None:
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
