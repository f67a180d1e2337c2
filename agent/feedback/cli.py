"""`coursebot feedback list | export`: what students said about the answers, read from the store that
`FEEDBACK_STORE` (or `--store`) names, SQLite or DynamoDB alike.

- `list`: a table, newest rating first (`--rating up|down`, `--limit N`).
- `export --out FILE`: JSONL, one record a line, UTF-8 (`-` = stdout); `--as-golden --catalog NAME` writes
  draft golden cases instead (`golden_draft.py`), e.g. `export --rating down --as-golden --catalog
  ssu-2026-1 --out drafts.jsonl`, to be completed and added to `evals/golden/`.

Exit codes: 0 done; 1 the store failed (the message names it and the cause); 2 bad arguments or a bad
`FEEDBACK_STORE` (the message says which). Heavy imports stay inside the commands (`coursebot --help`).
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.table import Table

    from agent.feedback.record import FeedbackRecord
    from agent.feedback.store import FeedbackStore

# A command group under `coursebot` (agent/cli.py): the root app's settings (completion, tracebacks) apply.
feedback_app = typer.Typer(name="feedback", help="답변 평가 보기·내보내기 (feedback on answers: list, export).",
                           no_args_is_help=True)
CELL_CHARS = 48
WIDE_COLUMNS = 120  # terminal width from which the term and mode get columns


class RatingChoice(str, Enum):
    up = "up"
    down = "down"


RatingOption = Annotated[RatingChoice | None, typer.Option("--rating", help="이 평가만 (only up or down).")]
StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="FEEDBACK_STORE 대신 (instead of FEEDBACK_STORE): PATH, sqlite:///PATH, "
                 "dynamodb://TABLE."),
]


@feedback_app.command("list")
def list_feedback(
    rating: RatingOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="최대 건수 (at most N records).")] = 20,
    store: StoreOption = None,
) -> None:
    """최근 피드백을 표로 봅니다 (newest first). List feedback as a table."""
    from rich.console import Console

    opened = _open(store)
    records = _read(opened, rating, limit)
    console = Console()
    if not records:
        console.print(f"피드백이 없습니다 (no feedback) in {opened.spec}.")
        return
    console.print(feedback_table(records, str(opened.spec), wide=console.width >= WIDE_COLUMNS))


@feedback_app.command("export")
def export_feedback(
    out: Annotated[Path, typer.Option("--out", "-o", help="쓸 JSONL 파일 (JSONL file to write; '-' = stdout).")],
    rating: RatingOption = None,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, help="최대 건수 (at most N).")] = None,
    as_golden: Annotated[
        bool, typer.Option("--as-golden", help="골든셋 초안 형식 (draft golden cases, evals/golden.py).")
    ] = False,
    catalog: Annotated[
        str | None, typer.Option("--catalog", help="--as-golden 의 catalog 이름 (e.g. ssu-2026-1, sample).")
    ] = None,
    store: StoreOption = None,
) -> None:
    """피드백을 JSONL 로 내보냅니다 (one record a line, UTF-8). Export feedback."""
    if as_golden and not catalog:
        needed = "--as-golden needs the catalog the questions are about, e.g. --catalog ssu-2026-1"
        raise typer.BadParameter(needed, param_hint="'--catalog'")
    if str(out) != "-" and not out.parent.is_dir():
        raise typer.BadParameter(f"the directory {out.parent} does not exist", param_hint="'--out'")
    if out.is_dir():
        raise typer.BadParameter(f"{out} is a directory; name a file", param_hint="'--out'")
    opened = _open(store)
    records = _read(opened, rating, limit)
    text, written, skipped = _export_text(records, catalog if as_golden else None)
    _write(out, text)
    what = "draft golden cases" if as_golden else "records"
    note = f" ({skipped} without a question skipped)" if skipped else ""
    typer.echo(f"{written} {what} from {opened.spec} -> {out}{note}", err=True)


def feedback_table(records: list[FeedbackRecord], source: str, *, wide: bool = True) -> Table:
    """One row a record; `wide` adds the term and mode columns (a narrow terminal has no room for them)."""
    from rich.table import Table

    table = Table(title=f"피드백 {len(records)}건 · newest first · {source}", title_justify="left")
    # Short columns stay whole; text columns wrap (their cells are cut to CELL_CHARS); ids fold.
    headers = ["rated (UTC)", "rating", "request_id", "question", "comment", "sources"]
    headers += ["term", "mode"] if wide else []
    for header in headers:
        fixed = header in ("rated (UTC)", "rating", "term", "mode")
        table.add_column(header, no_wrap=fixed, overflow="fold" if header == "request_id" else "ellipsis",
                         min_width=len(header) if fixed else None)
    for record in records:
        cells = [
            record.updated_at.strftime("%Y-%m-%d %H:%M"),
            "👍 up" if record.rating == "up" else "👎 down",
            record.request_id,
            _cell(record.question),
            _cell(record.comment),
            _cell(", ".join(record.sources)),
        ]
        table.add_row(*cells, *([record.term or "", record.mode or ""] if wide else []))
    return table


def _cell(text: str | None) -> str:
    from rich.markup import escape

    flat = " ".join((text or "").split())
    return escape(flat if len(flat) <= CELL_CHARS else flat[: CELL_CHARS - 1] + "…")


def _open(store_option: str | None) -> FeedbackStore:
    """The store `--store` or the setting names; exit 2 (message naming which) when it names none."""
    from pydantic import ValidationError

    from agent.feedback.factory import open_store
    from agent.feedback.spec import StoreSpecError

    if store_option is not None:
        try:
            return open_store(store_option)
        except StoreSpecError as exc:
            raise typer.BadParameter(str(exc), param_hint="'--store'") from None
    from agent.settings import get_settings

    try:
        return open_store(get_settings().feedback_store)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        typer.echo(f"오류: 설정이 올바르지 않습니다 (invalid settings): {problems}", err=True)
        raise typer.Exit(2) from None


def _read(store: FeedbackStore, rating: RatingChoice | None, limit: int | None) -> list[FeedbackRecord]:
    from agent.feedback.store import FeedbackStoreError

    try:
        return store.list(rating=rating.value if rating else None, limit=limit)
    except FeedbackStoreError as exc:
        typer.echo(f"오류: 피드백 저장소를 읽지 못했습니다 (cannot read the feedback store): {exc}", err=True)
        raise typer.Exit(1) from None


def _export_text(records: list[FeedbackRecord], catalog: str | None) -> tuple[str, int, int]:
    """(JSONL text, lines written, records skipped)."""
    if catalog is None:
        lines = [json.dumps(record.model_dump(mode="json"), ensure_ascii=False) for record in records]
        return "".join(line + "\n" for line in lines), len(lines), 0
    from agent.feedback.golden_draft import golden_drafts
    from evals.golden import dump_cases

    cases, skipped = golden_drafts(records, catalog)
    return (dump_cases(cases) if cases else ""), len(cases), skipped


def _write(out: Path, text: str) -> None:
    if str(out) == "-":
        typer.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise typer.BadParameter(f"cannot write {out}: {exc.strerror or exc}", param_hint="'--out'") from None
