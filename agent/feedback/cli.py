"""`coursebot feedback list | export`: what students said about the answers, read from the store that
`FEEDBACK_STORE` (or `--store`) names, SQLite or DynamoDB alike.

- `list`: a table, newest rating first.
- `export --out FILE`: golden-case candidates, JSONL, one a line, UTF-8 (`-` = stdout), e.g. `export
  --rating down --out cand.jsonl`: each with the question, history, term, the codes the bot's answer rested
  on (`retrieved`) and `needs_gold: true`, which `coursebot eval` refuses until the gold is filled in
  (`golden_draft.py`, evals/README.md). `--records` writes the stored records as they are instead.
- Both filter: `--rating up|down`, `--since`/`--until` (UTC dates or ISO times), `--term`, `--mode`,
  `--has-comment`/`--no-comment`, `--limit N` (`filters.py`).

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

    from agent.feedback.filters import FeedbackFilter
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


class ModeChoice(str, Enum):
    hyperclova = "hyperclova"
    search = "search"


RatingOption = Annotated[RatingChoice | None, typer.Option("--rating", help="이 평가만 (only up or down).")]
StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="FEEDBACK_STORE 대신 (instead of FEEDBACK_STORE): PATH, sqlite:///PATH, "
                 "dynamodb://TABLE."),
]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="이 날(시각)부터, UTC (YYYY-MM-DD or ISO time).")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="이 날까지 (through this UTC day, or before a time).")
]
TermOption = Annotated[str | None, typer.Option("--term", help="이 학기만 (only this term, e.g. 2026-1).")]
ModeOption = Annotated[ModeChoice | None, typer.Option("--mode", help="이 모드만 (only this mode's answers).")]
CommentOption = Annotated[
    bool | None,
    typer.Option("--has-comment/--no-comment", help="의견이 있는 것만 / 없는 것만 (with or without a comment)."),
]


@feedback_app.command("list")
def list_feedback(
    rating: RatingOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="최대 건수 (at most N records).")] = 20,
    since: SinceOption = None,
    until: UntilOption = None,
    term: TermOption = None,
    mode: ModeOption = None,
    has_comment: CommentOption = None,
    store: StoreOption = None,
) -> None:
    """최근 피드백을 표로 봅니다 (newest first). List feedback as a table."""
    from rich.console import Console

    chosen = _filter(since, until, term, mode, has_comment)
    opened = _open(store)
    records = _read(opened, rating, limit, chosen)
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
    records_only: Annotated[
        bool, typer.Option("--records", help="후보 대신 저장된 기록 그대로 (the stored records as they are).")
    ] = False,
    as_golden: Annotated[
        bool, typer.Option("--as-golden", hidden=True, help="the default (kept for older scripts)")
    ] = False,
    catalog: Annotated[
        str | None,
        typer.Option("--catalog", help="후보의 catalog 이름 (e.g. ssu-2026-1; default: CATALOG_PATH's)."),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    term: TermOption = None,
    mode: ModeOption = None,
    has_comment: CommentOption = None,
    store: StoreOption = None,
) -> None:
    """골든셋 후보를 JSONL 로 내보냅니다 (needs_gold until filled in). Export golden-case candidates."""
    if records_only and (as_golden or catalog):
        raise typer.BadParameter("--records writes stored records; it takes no --catalog",
                                 param_hint="'--records'")
    if str(out) != "-" and not out.parent.is_dir():
        raise typer.BadParameter(f"the directory {out.parent} does not exist", param_hint="'--out'")
    if out.is_dir():
        raise typer.BadParameter(f"{out} is a directory; name a file", param_hint="'--out'")
    chosen = _filter(since, until, term, mode, has_comment)
    opened = _open(store)
    records = _read(opened, rating, limit, chosen)
    candidate_catalog = None if records_only else (catalog or _served_catalog())
    text, written, skipped = _export_text(records, candidate_catalog)
    _write(out, text)
    what = "records" if records_only else "golden candidates (needs_gold)"
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


def _filter(since: str | None, until: str | None, term: str | None, mode: ModeChoice | None,
            has_comment: bool | None) -> FeedbackFilter:
    from agent.feedback.filters import FeedbackFilter, FilterError, parse_moment

    moments: dict[str, object] = {}
    for name, text in (("since", since), ("until", until)):
        try:
            moments[name] = None if text is None else parse_moment(text, end_of_day=name == "until")
        except FilterError as exc:
            raise typer.BadParameter(str(exc), param_hint=f"'--{name}'") from None
    return FeedbackFilter(since=moments["since"], until=moments["until"], term=term,  # type: ignore[arg-type]
                          mode=mode.value if mode else None, has_comment=has_comment)


def _served_catalog() -> str:
    """The eval's name of the catalog this deployment serves (`CATALOG_PATH`): `sample` for the project's
    own, else the file's stem (`ssu-2026-1.csv` -> `ssu-2026-1`, as `evals/catalogs.py` names them)."""
    from agent.settings import SAMPLE_CATALOG, get_settings

    try:
        path = get_settings().catalog_path
    except ValueError:
        path = SAMPLE_CATALOG
    return "sample" if path.resolve() == SAMPLE_CATALOG.resolve() else path.stem


def _read(store: FeedbackStore, rating: RatingChoice | None, limit: int | None,
          chosen: FeedbackFilter) -> list[FeedbackRecord]:
    from agent.feedback.store import FeedbackStoreError

    try:
        value = rating.value if rating else None
        if chosen.active:
            return chosen.apply(store.list(rating=value), limit)
        return store.list(rating=value, limit=limit)
    except FeedbackStoreError as exc:
        typer.echo(f"오류: 피드백 저장소를 읽지 못했습니다 (cannot read the feedback store): {exc}", err=True)
        raise typer.Exit(1) from None


def _export_text(records: list[FeedbackRecord], catalog: str | None) -> tuple[str, int, int]:
    """(JSONL text, lines written, records skipped)."""
    if catalog is None:
        lines = [json.dumps(record.model_dump(mode="json"), ensure_ascii=False) for record in records]
        return "".join(line + "\n" for line in lines), len(lines), 0
    from agent.feedback.golden_draft import candidates_jsonl, golden_drafts

    cases, skipped = golden_drafts(records, catalog)
    return candidates_jsonl(cases), len(cases), skipped


def _write(out: Path, text: str) -> None:
    if str(out) == "-":
        typer.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise typer.BadParameter(f"cannot write {out}: {exc.strerror or exc}", param_hint="'--out'") from None
